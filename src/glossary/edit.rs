//! Appending reviewed rows to a glossary file (`qamus glossary add`), keeping every byte already there.
//!
//! # Overview
//! [`plan_add`] works on bytes: it reads the target glossary and a CSV of candidate rows (the glossary format,
//! columns in any order, extra columns allowed), decides what to add, and returns an [`AddPlan`] holding the new
//! file: the old bytes unchanged (BOM, comments, order, quoting, line ends) followed by the new rows, written in the
//! target's own column order, line-end style (CRLF, LF or CR) and quoting (every field quoted when every existing
//! row is, otherwise only where CSV needs it). [`add_to_file`] does the same on files, under the target's lock
//! ([`crate::fsio::lock`]), and writes atomically ([`crate::fsio::write_atomic`]).
//!
//! A candidate row is:
//! * **added** when nothing conflicts with it;
//! * **skipped** when the target (or an earlier candidate) already has an identical row: same id and the same
//!   values in every column the target has;
//! * **merged into its existing row** when it has that row's id, type and `en` (and its `ar` or none) and brings
//!   new `en_variants`/`ar_variants` (what `qamus discover` proposes for a new spelling of a known name): that one
//!   row is rewritten in place with the variants appended, in the file's style; every other byte stays;
//! * **refused**, and with it the whole operation, when its id is already used by a different row, when one of its
//!   normalized forms is already claimed by another entry (the rule of `glossary check`, through
//!   [`check_files`]: a `homograph of ID` note acknowledges a shared form), or when it has a
//!   value in a standard column the target lacks (it would be lost). Every refusal names the candidate's file:line
//!   and the other side's file:line; nothing is written.
//!
//! A target or candidate file that does not load (any error of `glossary check`) is refused as a whole. A UTF-16
//! target is refused (it would have to be re-encoded); a target with lone CR line ends can be appended to, but its
//! rows cannot be rewritten (the reader numbers lines by LF). A candidate's `id` left empty is written out as the id
//! derived from `en`, so that the file says what it means. Candidate columns the target does not have and that are
//! not standard columns are left out and listed in [`AddPlan::dropped_columns`].
//!
//! # Example
//! ```
//! use qamus::glossary::edit::plan_add;
//!
//! let target = "# people\r\nid,type,en,ar\r\npeskov,PER,Dmitry Peskov,دميتري بيسكوف\r\n";
//! let from = "en,ar,type,count\nSergei Lavrov,سيرغي لافروف,PER,12\n";
//! let plan = plan_add("g.csv", target.as_bytes(), "new.csv", from.as_bytes())?;
//! assert_eq!(plan.added.len(), 1);
//! let text = String::from_utf8(plan.bytes.clone()).unwrap_or_default();
//! assert_eq!(text, format!("{target}sergei-lavrov,PER,Sergei Lavrov,سيرغي لافروف\r\n"));
//! assert_eq!(plan.dropped_columns, ["count"]);
//!
//! // A second entry claiming a form of an existing one is refused, naming both lines.
//! let clash = "id,en,ar\nkremlin-2,Kremlin,دميتري بيسكوف\n";
//! let err = plan_add("g.csv", target.as_bytes(), "new.csv", clash.as_bytes()).unwrap_err();
//! assert!(err.to_string().contains("new.csv:2") && err.to_string().contains("g.csv:3"));
//! # Ok::<(), qamus::Error>(())
//! ```

use std::collections::HashMap;
use std::path::Path;

use super::parse::{self, blank_comments, Parsed};
use super::{check_files, derive_id, EntityType, Entry, Severity};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::fsio;

/// The standard columns of the glossary format.
const STANDARD: [&str; 7] = [
    "id",
    "type",
    "en",
    "ar",
    "en_variants",
    "ar_variants",
    "note",
];

/// What [`plan_add`] decided, and the new file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddPlan {
    /// Rows to append, in candidate order.
    pub added: Vec<AddedRow>,
    /// Existing rows rewritten in place with new variants (`line` is the row's line), in file order.
    pub extended: Vec<AddedRow>,
    /// Candidate rows identical to a row already present.
    pub skipped: Vec<SkippedRow>,
    /// Candidate columns the target has no column for (not standard ones), left out.
    pub dropped_columns: Vec<String>,
    /// The whole new file: the old bytes, then the added rows. Equal to the old bytes when nothing is added.
    pub bytes: Vec<u8>,
}

/// A row [`plan_add`] appends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddedRow {
    /// The entry's id.
    pub id: String,
    /// Its English name.
    pub en: String,
    /// Its line in the candidates file.
    pub from_line: u64,
    /// Its line in the new glossary file.
    pub line: u64,
    /// The row as written, without its line end.
    pub text: String,
}

/// A candidate row left out because an identical row is already there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedRow {
    /// The entry's id.
    pub id: String,
    /// Its line in the candidates file.
    pub from_line: u64,
    /// Where the identical row is (`file:line`).
    pub existing: String,
}

/// Plans appending the rows of `from` (a CSV in the glossary format, named `from_name` in messages) to the
/// glossary `target` (named `target_name`); see the [module documentation](self).
///
/// Errors (kind [`ErrorKind::Glossary`], or [`ErrorKind::Csv`]/[`ErrorKind::InvalidUtf8`] for a file that does not
/// load): every conflict or problem, each with file:line, joined into one error.
pub fn plan_add(target_name: &str, target: &[u8], from_name: &str, from: &[u8]) -> Result<AddPlan> {
    if target.starts_with(&[0xFF, 0xFE]) || target.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::new(
            ErrorKind::Glossary,
            Some(Location::file(target_name)),
            "a UTF-16 glossary cannot be edited in place: convert it to UTF-8 first",
        ));
    }
    let old = loaded(parse::parse(target_name, target), target_name)?;
    let new = loaded(parse::parse(from_name, from), from_name)?;
    let body = target.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(target);
    let body = std::str::from_utf8(body)
        .map_err(|_| Error::invalid_utf8(Some(Path::new(target_name)), target, 0, 1))?;
    let style = Style::of(body);
    let header = header_of(body).ok_or_else(|| {
        Error::new(
            ErrorKind::Csv,
            Some(Location::file(target_name)),
            "no header row",
        )
    })?;
    let columns: Vec<String> = header
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();

    let mut problems: Vec<Error> = Vec::new();
    let at = |name: &str, line: u64| Location {
        path: Some(name.into()),
        line: Some(line),
        column: None,
        byte: None,
    };
    let existing: HashMap<&str, &Entry> = old.entries.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut to_add: Vec<&Entry> = Vec::new();
    // (existing entry, the entry with the candidate's variants added, candidate line)
    let mut to_extend: Vec<(&Entry, Entry, u64)> = Vec::new();
    let mut skipped = Vec::new();
    let mut dropped_columns: Vec<String> = Vec::new();
    for c in &new.entries {
        let row = record(c, &columns);
        let same = |e: &Entry| record(e, &columns) == row;
        if let Some(e) = existing.get(c.id.as_str()) {
            let merged = extension(e, c);
            let lost = lost_variants(e, c, &columns);
            let unchanged = merged
                .as_ref()
                .is_some_and(|m| record(m, &columns) == record(e, &columns));
            if same(e) || (unchanged && !lost) {
                skipped.push(SkippedRow {
                    id: c.id.clone(),
                    from_line: c.origin.line,
                    existing: format!("{target_name}:{}", e.origin.line),
                });
            } else if let (Some(m), false) = (merged, lost) {
                to_extend.push((*e, m, c.origin.line));
            } else {
                problems.push(Error::new(
                    ErrorKind::Glossary,
                    Some(at(from_name, c.origin.line)),
                    format!(
                        "id {:?} is already defined, differently, at {target_name}:{} (an existing entry can only \
                         gain variants: same type, en and ar, and the file needs the variant columns)",
                        c.id, e.origin.line
                    ),
                ));
            }
            continue;
        }
        for (name, value) in standard_values(c) {
            // What the target would read back without the column: an id derived from `en`, type MISC, empty.
            let implied = match name {
                "id" => value == derive_id(&c.en),
                "type" => c.kind == EntityType::Misc,
                _ => value.is_empty(),
            };
            if !implied && !columns.iter().any(|h| h == name) {
                problems.push(Error::new(
                    ErrorKind::Glossary,
                    Some(at(from_name, c.origin.line)),
                    format!("column `{name}` has a value but {target_name} has no `{name}` column"),
                ));
            }
        }
        for (name, _) in &c.extra {
            if !columns.contains(name) && !dropped_columns.contains(name) {
                dropped_columns.push(name.clone());
            }
        }
        to_add.push(c);
    }

    // Forms claimed by two entries: the rule of `glossary check`, on the target and the candidates together.
    // Its conflict problems are warnings located at the later row; those on rows being added refuse the operation.
    let adding: Vec<u64> = to_add
        .iter()
        .map(|c| c.origin.line)
        .chain(to_extend.iter().map(|(_, _, line)| *line))
        .collect();
    let checked = check_files(&[
        (target_name.to_string(), target.to_vec()),
        (from_name.to_string(), from.to_vec()),
    ]);
    for p in checked {
        let on_new_row = p.location.path.as_deref() == Some(Path::new(from_name))
            && p.location.line.is_some_and(|l| adding.contains(&l));
        if on_new_row && p.severity == Severity::Warning && p.message.starts_with("conflict:") {
            problems.push(p.to_error());
        }
    }
    if !problems.is_empty() {
        let head = Error::new(
            ErrorKind::Glossary,
            Some(Location::file(target_name)),
            format!(
                "refused: {} conflict(s) between {from_name} and {target_name}; nothing was added",
                problems.len()
            ),
        );
        problems.insert(0, head);
        return Err(Error::many(problems)
            .unwrap_or_else(|| Error::new(ErrorKind::Glossary, None, "refused")));
    }

    // The reader numbers lines by LF only: in a file with lone-CR line ends every row is "line 1", and a row to
    // rewrite cannot be found by its number.
    if style.terminator == "\r" && !to_extend.is_empty() {
        return Err(Error::new(
            ErrorKind::Glossary,
            Some(Location::file(target_name)),
            "rows of a file with lone CR line ends cannot be rewritten: convert it to LF or CRLF first; nothing was \
             added",
        ));
    }
    // Extended rows are rewritten in place, from the last line up so that earlier offsets stay valid.
    let mut bytes = target.to_vec();
    let bom = target.len() - body.len();
    let mut extended = Vec::new();
    to_extend.sort_by_key(|(e, _, _)| std::cmp::Reverse(e.origin.line));
    for (e, merged, from_line) in &to_extend {
        let Some((start, end)) = line_span(body, e.origin.line, style.terminator) else {
            return Err(Error::new(
                ErrorKind::Glossary,
                Some(at(target_name, e.origin.line)),
                "internal error: line not found; nothing was written",
            ));
        };
        let original = body.get(start..end).unwrap_or_default();
        let row_style = Style {
            terminator: style.terminator,
            quote_all: all_quoted(original),
        };
        let text = row_style.write(&record(merged, &columns))?;
        bytes.splice(bom + start..bom + end, text.bytes());
        extended.push(AddedRow {
            id: e.id.clone(),
            en: e.en.clone(),
            from_line: *from_line,
            line: e.origin.line,
            text,
        });
    }
    extended.reverse();
    if !to_add.is_empty() && !body.is_empty() && !body.ends_with(['\n', '\r']) {
        bytes.extend_from_slice(style.terminator.as_bytes());
    }
    let breaks = if style.terminator == "\r" { '\r' } else { '\n' };
    let first_line = body.matches(breaks).count() as u64
        + u64::from(!body.is_empty() && !body.ends_with(['\n', '\r']))
        + 1;
    let mut added = Vec::new();
    for (c, line) in to_add.into_iter().zip(first_line..) {
        let text = style.write(&record(c, &columns))?;
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(style.terminator.as_bytes());
        added.push(AddedRow {
            id: c.id.clone(),
            en: c.en.clone(),
            from_line: c.origin.line,
            line,
            text,
        });
    }
    verify(target_name, &bytes, old.entries.len() + added.len())?;
    Ok(AddPlan {
        added,
        extended,
        skipped,
        dropped_columns,
        bytes,
    })
}

/// [`plan_add`] on files: under the target's lock, reads both, plans, and (unless `dry_run`, or when nothing is
/// to be added) replaces the target atomically. Returns the plan either way.
pub fn add_to_file(target: &Path, from: &Path, dry_run: bool) -> Result<AddPlan> {
    let read = |p: &Path| -> Result<Vec<u8>> {
        if p.is_dir() {
            return Err(Error::new(
                ErrorKind::Io,
                Some(Location::file(p)),
                "is a directory, not a CSV file",
            ));
        }
        std::fs::read(p).map_err(|e| Error::io(Some(p), e))
    };
    let from_bytes = read(from)?;
    // The target must exist before it is locked: the lock must not create a glossary's neighbour for a typo.
    if !target.is_file() {
        read(target)?;
    }
    let _guard = if dry_run {
        None
    } else {
        Some(fsio::lock(target)?)
    };
    let target_bytes = read(target)?;
    let plan = plan_add(
        &target.display().to_string(),
        &target_bytes,
        &from.display().to_string(),
        &from_bytes,
    )?;
    if !dry_run && (!plan.added.is_empty() || !plan.extended.is_empty()) {
        fsio::write_atomic(target, &plan.bytes)?;
    }
    Ok(plan)
}

/// The parsed file, or every error that stops it from loading.
fn loaded(parsed: Parsed, name: &str) -> Result<Parsed> {
    let errors: Vec<Error> = parsed
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_error())
        .collect();
    if errors.is_empty() {
        return Ok(parsed);
    }
    let mut all = vec![Error::new(
        ErrorKind::Glossary,
        Some(Location::file(name)),
        "does not load (see `qamus glossary check`); nothing was added",
    )];
    all.extend(errors);
    Err(Error::many(all).unwrap_or_else(|| Error::new(ErrorKind::Glossary, None, "does not load")))
}

/// The existing entry with the candidate's variants added, when the candidate names the same entity (same type
/// and `en`, and the same `ar` or none); `None` otherwise.
fn extension(e: &Entry, c: &Entry) -> Option<Entry> {
    if c.kind != e.kind || c.en != e.en || !(c.ar.is_empty() || c.ar == e.ar) {
        return None;
    }
    let mut m = e.clone();
    for v in &c.en_variants {
        if *v != m.en && !m.en_variants.contains(v) {
            m.en_variants.push(v.clone());
        }
    }
    for v in &c.ar_variants {
        if *v != m.ar && !m.ar_variants.contains(v) {
            m.ar_variants.push(v.clone());
        }
    }
    Some(m)
}

/// Whether the candidate has new variants for a variant column the file does not have (they would be lost).
fn lost_variants(e: &Entry, c: &Entry, columns: &[String]) -> bool {
    let missing = |name: &str| !columns.iter().any(|h| h == name);
    let new_en = c
        .en_variants
        .iter()
        .any(|v| *v != e.en && !e.en_variants.contains(v));
    let new_ar = c
        .ar_variants
        .iter()
        .any(|v| *v != e.ar && !e.ar_variants.contains(v));
    (new_en && missing("en_variants")) || (new_ar && missing("ar_variants"))
}

/// The byte range of 1-based `line` of `body` without its line end.
fn line_span(body: &str, line: u64, terminator: &str) -> Option<(usize, usize)> {
    let breaks = if terminator == "\r" { '\r' } else { '\n' };
    let mut start = 0;
    for _ in 1..line {
        start += body.get(start..)?.find(breaks)? + 1;
    }
    let rest = body.get(start..)?;
    let end = start + rest.find(['\r', '\n']).unwrap_or(rest.len());
    Some((start, end))
}

/// The values of an entry's standard columns, as the file writes them.
fn standard_values(e: &Entry) -> [(&'static str, String); 7] {
    [
        ("id", e.id.clone()),
        ("type", e.kind.as_str().to_string()),
        ("en", e.en.clone()),
        ("ar", e.ar.clone()),
        ("en_variants", e.en_variants.join("|")),
        ("ar_variants", e.ar_variants.join("|")),
        ("note", e.note.clone()),
    ]
}

/// An entry as a row of a file with these (lower-cased) columns.
fn record(e: &Entry, columns: &[String]) -> Vec<String> {
    let standard = standard_values(e);
    columns
        .iter()
        .map(|c| {
            if STANDARD.contains(&c.as_str()) {
                standard
                    .iter()
                    .find(|(n, _)| n == c)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            } else {
                e.extra
                    .iter()
                    .find(|(n, _)| n == c)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            }
        })
        .collect()
}

/// The header row's fields as written (the first record that is not a comment).
fn header_of(body: &str) -> Option<Vec<String>> {
    let blanked = blank_comments(body);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(blanked.as_bytes());
    let record = reader.records().next()?.ok()?;
    Some(record.iter().map(str::to_string).collect())
}

/// How a file writes its rows.
struct Style {
    terminator: &'static str,
    quote_all: bool,
}

impl Style {
    /// The first line end of the file (CRLF, LF or a lone CR; LF when there is none), and whether every row
    /// after the header quotes its first field (then every field of new rows is quoted).
    fn of(body: &str) -> Style {
        let terminator = match body.find(['\r', '\n']) {
            Some(i) if body.get(i..i + 2) == Some("\r\n") => "\r\n",
            Some(i) if body.get(i..i + 1) == Some("\r") => "\r",
            _ => "\n",
        };
        let rows: Vec<&str> = body
            .split(['\r', '\n'])
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .skip(1)
            .collect();
        let quote_all = !rows.is_empty() && rows.iter().all(|l| all_quoted(l));
        Style {
            terminator,
            quote_all,
        }
    }

    /// One row, without its line end. A first field starting with `#` is quoted so that the row is not read as
    /// a comment.
    fn write(&self, fields: &[String]) -> Result<String> {
        let hash = fields.first().is_some_and(|f| f.starts_with('#'));
        let quote = if self.quote_all || hash {
            csv::QuoteStyle::Always
        } else {
            csv::QuoteStyle::Necessary
        };
        let mut w = csv::WriterBuilder::new()
            .quote_style(quote)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let csv_error = |e: String| Error::new(ErrorKind::Csv, None, e);
        w.write_record(fields)
            .map_err(|e| csv_error(e.to_string()))?;
        let bytes = w.into_inner().map_err(|e| csv_error(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|e| csv_error(e.to_string()))?;
        Ok(text.trim_end_matches('\n').to_string())
    }
}

/// Whether every field of a CSV line is quoted: it starts and ends with a quote, and every comma outside quotes
/// has a quote on both sides.
fn all_quoted(line: &str) -> bool {
    if line.len() < 2 || !line.starts_with('"') || !line.ends_with('"') {
        return false;
    }
    let bytes = line.as_bytes();
    let mut quoted = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => {
                let around = i.checked_sub(1).and_then(|k| bytes.get(k)) == Some(&b'"')
                    && bytes.get(i + 1) == Some(&b'"');
                if !around {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// The new file must load, with every old entry and every new one.
fn verify(name: &str, bytes: &[u8], entries: usize) -> Result<()> {
    let parsed = loaded(parse::parse(name, bytes), name)?;
    if parsed.entries.len() != entries {
        return Err(Error::new(
            ErrorKind::Glossary,
            Some(Location::file(name)),
            format!(
                "internal check failed: the new file would hold {} entries, expected {entries}; nothing was written",
                parsed.entries.len()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(target: &str, from: &str) -> Result<AddPlan> {
        plan_add("g.csv", target.as_bytes(), "c.csv", from.as_bytes())
    }

    fn text(p: &AddPlan) -> String {
        String::from_utf8_lossy(&p.bytes).into_owned()
    }

    #[test]
    fn appends_in_the_targets_column_order_and_line_ends() -> Result<()> {
        let target =
            "\u{FEFF}# comment\r\nen,id,note,type,source\r\n\"Kremlin\",kremlin,,ORG,x\r\n";
        let from = "id,type,en,ar,source,extra\nlavrov,PER,Sergei Lavrov,,tass,7\n";
        let p = plan(target, from)?;
        assert_eq!(
            text(&p),
            format!("{target}Sergei Lavrov,lavrov,,PER,tass\r\n")
        );
        assert_eq!(p.added[0].line, 4);
        assert_eq!(p.dropped_columns, ["extra"]);
        Ok(())
    }

    #[test]
    fn quotes_every_field_when_the_file_does() -> Result<()> {
        let target = "\"id\",\"en\"\n\"kremlin\",\"Kremlin\"\n\"tass\",\"TASS\"\n";
        let p = plan(target, "id,en\nlavrov,Sergei Lavrov\n")?;
        assert_eq!(text(&p), format!("{target}\"lavrov\",\"Sergei Lavrov\"\n"));
        Ok(())
    }

    #[test]
    fn a_missing_final_line_end_is_supplied() -> Result<()> {
        let p = plan("id,en\nkremlin,Kremlin", "id,en\ntass,TASS\n")?;
        assert_eq!(text(&p), "id,en\nkremlin,Kremlin\ntass,TASS\n");
        assert_eq!(p.added[0].line, 3);
        let p = plan("id,en\rkremlin,Kremlin\r", "id,en\ntass,TASS\n")?;
        assert_eq!(text(&p), "id,en\rkremlin,Kremlin\rtass,TASS\r");
        Ok(())
    }

    #[test]
    fn fields_needing_quotes_and_a_leading_hash() -> Result<()> {
        let p = plan(
            "note,en\n",
            "en,note\n\"Smith, John\",\"#tag \"\"hi\"\"\"\n",
        )?;
        assert_eq!(text(&p), "note,en\n\"#tag \"\"hi\"\"\",\"Smith, John\"\n");
        Ok(())
    }

    #[test]
    fn identical_rows_are_skipped_and_reported() -> Result<()> {
        let target = "id,type,en,ar\nkremlin,ORG,Kremlin,الكرملين\n";
        let from = "en,ar,type,id\nKremlin,الكرملين,ORG,kremlin\nTASS,تاس,ORG,tass\n";
        let p = plan(target, from)?;
        assert_eq!(p.added.len(), 1);
        let skipped: Vec<(&str, &str)> = p
            .skipped
            .iter()
            .map(|s| (s.id.as_str(), s.existing.as_str()))
            .collect();
        assert_eq!(skipped, [("kremlin", "g.csv:2")]);
        let p = plan(target, "id,type,en,ar\nkremlin,ORG,Kremlin,الكرملين\n")?;
        assert!(p.added.is_empty());
        assert_eq!(p.bytes, target.as_bytes());
        Ok(())
    }

    #[test]
    fn conflicts_name_both_sides() {
        let target = "id,type,en,ar\nkremlin,ORG,Kremlin,الكرملين\n";
        let err = |from: &str| plan(target, from).map(|_| ()).unwrap_err().to_string();
        let e = err("id,type,en\nkremlin,ORG,The Kremlin\n");
        assert!(
            e.contains("c.csv:2") && e.contains("g.csv:2") && e.contains("already defined"),
            "{e}"
        );
        let e = err("id,type,en,ar\nkremlin-palace,ORG,Kremlin Palace,الكرملِين\n");
        assert!(
            e.contains("c.csv:2") && e.contains("g.csv:2") && e.contains("conflict"),
            "{e}"
        );
        // Two candidate rows with one id: the candidates file does not load.
        let e = err("id,en\na,A\na,B\n");
        assert!(
            e.contains("c.csv:3") && e.contains("first at line 2"),
            "{e}"
        );
        let e = err("id,en,ar_variants\nx,X,اكس\n");
        assert!(e.contains("ar_variants"), "{e}");
        // A shared form declared with `homograph of ID` is allowed, as `glossary check` allows it.
        let with_note = "id,type,en,ar,note\nkremlin,ORG,Kremlin,الكرملين,\n";
        let ok = plan(
            with_note,
            "id,en,ar,note\namman,Amman,الكرملين,homograph of kremlin\n",
        );
        assert_eq!(ok.map(|p| p.added.len()).ok(), Some(1));
    }

    #[test]
    fn new_variants_of_an_existing_entry_rewrite_only_its_row() -> Result<()> {
        let target = "# c\r\nid,type,en,ar,ar_variants\r\n\"kremlin\",\"ORG\",\"Kremlin\",\"الكرملين\",\"\"\r\ntass,ORG,TASS,تاس,\r\n";
        let from =
            "id,type,en,ar_variants,note\nkremlin,ORG,Kremlin,الكريملن|الكرملين,seen 2 times\n";
        let p = plan(target, from)?;
        assert!(p.added.is_empty());
        assert_eq!(p.extended.len(), 1);
        assert_eq!(p.extended[0].line, 3);
        assert_eq!(
            text(&p),
            "# c\r\nid,type,en,ar,ar_variants\r\n\"kremlin\",\"ORG\",\"Kremlin\",\"الكرملين\",\"الكريملن\"\r\ntass,ORG,TASS,تاس,\r\n"
        );
        // Nothing new: skipped.
        let p = plan(target, "id,type,en,ar_variants\ntass,ORG,TASS,تاس\n")?;
        assert_eq!((p.extended.len(), p.skipped.len()), (0, 1));
        // A new variant another entry already claims: refused.
        let e = plan(target, "id,type,en,ar_variants\nkremlin,ORG,Kremlin,تاس\n")
            .map(|_| ())
            .unwrap_err();
        assert!(
            e.to_string().contains("c.csv:2") && e.to_string().contains("g.csv:4"),
            "{e}"
        );
        // Lone CR line ends: appending works, rewriting a row is refused.
        let cr = "id,type,en,ar,ar_variants\rkremlin,ORG,Kremlin,الكرملين,\r";
        assert!(plan(cr, "id,type,en,ar_variants\nkremlin,ORG,Kremlin,الكريملن\n").is_err());
        // No ar_variants column to hold it: refused.
        let e = plan(
            "id,en,ar\nk,Kremlin,الكرملين\n",
            "id,en,ar_variants\nk,Kremlin,الكريملن\n",
        );
        assert!(e.is_err());
        Ok(())
    }

    #[test]
    fn files_that_do_not_load_are_refused() {
        assert!(plan("id,en\nx,X,extra\n", "id,en\ny,Y\n").is_err());
        assert!(plan("id,en\nx,X\n", "ar\nبوتين\n").is_err());
        assert!(plan_add("g.csv", b"\xFF\xFEi\0d\0", "c.csv", b"id,en\ny,Y\n").is_err());
        assert!(plan("", "id,en\ny,Y\n").is_err());
    }
}
