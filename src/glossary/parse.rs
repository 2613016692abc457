//! Reading glossary CSV: decoding, header, rows, with every problem located.

use std::path::Path;

use rustc_hash::FxHashMap;

use super::check::{Problem, Severity};
use super::{derive_id, EntityType, Entry, Glossary, Layer, Origin};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::normalize;

/// The outcome of reading one file: the entries that could be read and the problems found.
pub(crate) struct Parsed {
    pub(crate) name: String,
    pub(crate) entries: Vec<Entry>,
    pub(crate) problems: Vec<Problem>,
    /// The position of each id in `entries` (ids are unique within a file: a repeated one is a problem).
    ids: FxHashMap<String, usize>,
}

impl Parsed {
    /// The glossary, or an error listing every problem that makes a row unusable.
    pub(crate) fn into_result(self) -> Result<Glossary> {
        let errors: Vec<Error> = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(Problem::to_error)
            .collect();
        match Error::many(errors) {
            Some(e) => Err(e),
            None => Ok(self.into_glossary()),
        }
    }

    /// The glossary of the rows that could be read.
    pub(crate) fn into_glossary(self) -> Glossary {
        Glossary {
            layers: vec![Layer {
                name: self.name,
                entries: self.entries.len(),
            }],
            entries: self.entries,
            ids: self.ids,
        }
    }
}

/// The standard columns, as the header names them.
const COLUMNS: [&str; 7] = [
    "id",
    "type",
    "en",
    "ar",
    "en_variants",
    "ar_variants",
    "note",
];

/// The optional column that says whether a person's family name alone names them (see
/// [`Entry::family_name_alone`]). Kept with the other columns beyond the standard ones.
pub(crate) const FAMILY_COLUMN: &str = "family";

/// The value of the `family` column: `yes` or empty (true), `no` (false), any case; `None` for anything else.
pub(crate) fn parse_family(value: &str) -> Option<bool> {
    let v = value.trim();
    if v.is_empty() || v.eq_ignore_ascii_case("yes") {
        Some(true)
    } else if v.eq_ignore_ascii_case("no") {
        Some(false)
    } else {
        None
    }
}

/// Most invalid UTF-8 sequences reported for one file.
const MAX_UTF8_PROBLEMS: usize = 20;

/// Reads a glossary file's bytes. Never fails: what cannot be read becomes a [`Problem`].
pub(crate) fn parse(name: &str, bytes: &[u8]) -> Parsed {
    parse_with(name, bytes, false)
}

/// [`parse`]; when `lossy`, invalid UTF-8 or UTF-16 and NUL bytes are replaced with U+FFFD and reported as
/// warnings instead of errors.
pub(crate) fn parse_with(name: &str, bytes: &[u8], lossy: bool) -> Parsed {
    let path = Path::new(name);
    let mut problems = Vec::new();
    // A compiled index given where a CSV is expected: one clear message, not a screen of invalid UTF-8.
    if bytes.starts_with(crate::index::MAGIC) {
        problems.push(Problem {
            severity: Severity::Error,
            kind: ErrorKind::Index,
            location: Location::file(path),
            message: "a compiled qamus index, not a CSV glossary: `qamus index check` checks it; edit the CSV files \
                      it was built from and run `qamus index build` again"
                .into(),
        });
        return Parsed {
            name: name.to_string(),
            entries: Vec::new(),
            problems,
            ids: FxHashMap::default(),
        };
    }
    let mut text = decode(path, bytes, &mut problems);
    if let Some(pos) = text.find('\0') {
        let mut location = Location::at_byte(Some(path), text.as_bytes(), pos);
        // The offset is one in the file only when decoding changed nothing before it.
        let bom = bytes.len().saturating_sub(text.len());
        location.byte = (problems.is_empty() && bytes.get(bom..) == Some(text.as_bytes()))
            .then_some((pos + bom) as u64);
        problems.push(Problem {
            severity: Severity::Error,
            kind: ErrorKind::Binary,
            location,
            message: "NUL byte: binary data, or UTF-16 without a byte-order mark?".into(),
        });
        if lossy {
            text = text.replace('\0', "\u{FFFD}");
        }
    }
    if lossy {
        for p in &mut problems {
            if matches!(p.kind, ErrorKind::InvalidUtf8 | ErrorKind::Binary) {
                p.severity = Severity::Warning;
                p.message.push_str(": replaced with U+FFFD (--lossy)");
            }
        }
    }
    let mut parsed = Parsed {
        name: name.to_string(),
        entries: Vec::new(),
        problems,
        ids: FxHashMap::default(),
    };
    read_rows(path, &text, &mut parsed);
    parsed
}

fn problem(
    path: &Path,
    line: u64,
    column: Option<u64>,
    severity: Severity,
    kind: ErrorKind,
    msg: String,
) -> Problem {
    Problem {
        severity,
        kind,
        location: Location {
            path: Some(path.to_path_buf()),
            line: Some(line),
            column,
            byte: None,
        },
        message: msg,
    }
}

/// UTF-8 (BOM stripped), or UTF-16 with a BOM; invalid UTF-8 is reported byte by byte and replaced.
fn decode(path: &Path, bytes: &[u8], problems: &mut Vec<Problem>) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(path, rest, 3, problems);
    }
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    if let Some((rest, read)) = utf16 {
        let units = rest.chunks(2).map(|c| {
            read([
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            ])
        });
        let mut out = String::with_capacity(rest.len());
        for (i, r) in char::decode_utf16(units).enumerate() {
            match r {
                Ok(c) => out.push(c),
                Err(_) => {
                    let mut loc = Location::at_byte(Some(path), out.as_bytes(), out.len());
                    loc.byte = Some(2 + 2 * i as u64);
                    problems.push(Problem {
                        severity: Severity::Error,
                        kind: ErrorKind::InvalidUtf8,
                        location: loc,
                        message: "invalid UTF-16 (unpaired surrogate)".into(),
                    });
                    out.push(char::REPLACEMENT_CHARACTER);
                }
            }
        }
        return out;
    }
    decode_utf8(path, bytes, 0, problems)
}

fn decode_utf8(path: &Path, bytes: &[u8], base: u64, problems: &mut Vec<Problem>) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let mut offset = 0;
    let mut reported = 0;
    while let Some(rest) = bytes.get(offset..) {
        match std::str::from_utf8(rest) {
            Ok(_) => break,
            Err(e) => {
                let at = offset + e.valid_up_to();
                if reported < MAX_UTF8_PROBLEMS {
                    let mut loc = Location::at_byte(Some(path), bytes, at);
                    loc.byte = loc.byte.map(|b| b + base);
                    let bad = bytes.get(at).copied().unwrap_or(0);
                    problems.push(Problem {
                        severity: Severity::Error,
                        kind: ErrorKind::InvalidUtf8,
                        location: loc,
                        message: format!("invalid UTF-8 (byte 0x{bad:02X})"),
                    });
                }
                reported += 1;
                offset = at + e.error_len().unwrap_or(rest.len() - e.valid_up_to()).max(1);
            }
        }
    }
    if reported > MAX_UTF8_PROBLEMS {
        problems.push(problem(
            path,
            1,
            None,
            Severity::Error,
            ErrorKind::InvalidUtf8,
            format!(
                "{} more invalid UTF-8 sequences not listed",
                reported - MAX_UTF8_PROBLEMS
            ),
        ));
    }
    String::from_utf8_lossy(bytes).into_owned()
}

/// Column positions of the standard fields in this file's header.
struct Header {
    names: Vec<String>,
    index: FxHashMap<&'static str, usize>,
}

impl Header {
    fn get<'r>(&self, row: &'r csv::StringRecord, column: &str) -> &'r str {
        self.index
            .get(column)
            .and_then(|&i| row.get(i))
            .map_or("", str::trim)
    }
}

fn read_rows(path: &Path, text: &str, parsed: &mut Parsed) {
    // A lone `\r` ends a line as `\n` does (old Mac files); replacing it keeps every byte where it was.
    let unix;
    let text = if text.contains('\r') {
        unix = lone_cr_to_lf(text);
        unix.as_str()
    } else {
        text
    };
    // Comment lines are blanked rather than skipped by the CSV reader, so that line numbers stay those of the file.
    let blanked = blank_comments(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(blanked.as_bytes());
    // The reader's line count skips empty lines, and its byte offset is that of the empty lines before a record:
    // lines are counted from the first byte of the record itself.
    let bytes = blanked.as_bytes();
    let newlines: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let line_of = |pos: Option<&csv::Position>| -> u64 {
        let mut byte = pos.map_or(0, |p| p.byte() as usize);
        while matches!(bytes.get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        newlines.partition_point(|&n| n < byte) as u64 + 1
    };
    let mut header: Option<Header> = None;
    let mut row = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut row) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = line_of(e.position());
                parsed.problems.push(problem(
                    path,
                    line,
                    None,
                    Severity::Error,
                    ErrorKind::Csv,
                    e.to_string(),
                ));
                continue;
            }
        }
        let line = line_of(row.position());
        if let Some(col) = row
            .iter()
            .position(|f| f.contains('\n') || f.contains('\r'))
        {
            parsed.problems.push(problem(
                path,
                line,
                Some(col as u64 + 1),
                Severity::Error,
                ErrorKind::Csv,
                "line break inside a quoted field (an unbalanced quote?)".into(),
            ));
            continue;
        }
        let Some(h) = &header else {
            match read_header(path, line, &row, &mut parsed.problems) {
                Some(h) => header = Some(h),
                None => return,
            }
            continue;
        };
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if row.len() != h.names.len() {
            parsed.problems.push(problem(
                path,
                line,
                None,
                Severity::Error,
                ErrorKind::Csv,
                format!(
                    "ragged row: {} fields, the header has {}",
                    row.len(),
                    h.names.len()
                ),
            ));
            continue;
        }
        if let Some(entry) = read_entry(path, line, h, &row, &mut parsed.problems) {
            let first = parsed
                .ids
                .get(&entry.id)
                .and_then(|&i| parsed.entries.get(i));
            if let Some(first) = first.map(|e| e.origin.line) {
                parsed.problems.push(problem(
                    path,
                    line,
                    h.index.get("id").map(|&i| i as u64 + 1),
                    Severity::Error,
                    ErrorKind::Glossary,
                    format!("duplicate id {:?} (first at line {first})", entry.id),
                ));
                continue;
            }
            parsed.ids.insert(entry.id.clone(), parsed.entries.len());
            parsed.entries.push(entry);
        }
    }
    if header.is_none() {
        parsed.problems.push(problem(
            path,
            1,
            None,
            Severity::Error,
            ErrorKind::Csv,
            "empty glossary: no header row (expected id,type,en,ar,en_variants,ar_variants,note)"
                .into(),
        ));
    }
}

/// The text with every `\r` that is not followed by `\n` replaced by `\n` (the same length).
fn lone_cr_to_lf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') {
            '\n'
        } else {
            c
        });
    }
    out
}

/// The text with every line that starts with `#` made empty (its line break kept).
pub(crate) fn blank_comments(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.starts_with('#') && !text.contains("\n#") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.starts_with('#') {
            out.push_str(if line.ends_with("\r\n") {
                "\r\n"
            } else if line.ends_with('\n') {
                "\n"
            } else {
                ""
            });
        } else {
            out.push_str(line);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn read_header(
    path: &Path,
    line: u64,
    row: &csv::StringRecord,
    problems: &mut Vec<Problem>,
) -> Option<Header> {
    let names: Vec<String> = row.iter().map(|f| f.trim().to_ascii_lowercase()).collect();
    let mut index = FxHashMap::default();
    for (i, n) in names.iter().enumerate() {
        if let Some(&c) = COLUMNS.iter().find(|&&c| c == n) {
            if index.insert(c, i).is_some() {
                problems.push(problem(
                    path,
                    line,
                    Some(i as u64 + 1),
                    Severity::Error,
                    ErrorKind::Csv,
                    format!("column {c:?} appears twice in the header"),
                ));
            }
        }
    }
    // The optional column the matcher reads, kept with the other columns beyond the standard ones.
    if let Some(i) = names.iter().position(|n| n == FAMILY_COLUMN) {
        index.insert(FAMILY_COLUMN, i);
    }
    if !index.contains_key("en") {
        problems.push(problem(
            path,
            line,
            None,
            Severity::Error,
            ErrorKind::Csv,
            "no header row with an `en` column (expected id,type,en,ar,en_variants,ar_variants,note)".into(),
        ));
        return None;
    }
    // Other columns are kept, unread; one that looks like a standard column the header lacks is likely a slip
    // (en_alt for en_variants), whose forms would be silently left out.
    for (i, n) in names.iter().enumerate() {
        if n.is_empty() || COLUMNS.contains(&n.as_str()) {
            continue;
        }
        if let Some(meant) = meant_column(n, &index) {
            problems.push(problem(
                path,
                line,
                Some(i as u64 + 1),
                Severity::Warning,
                ErrorKind::Csv,
                format!(
                    "column {n:?} is not one qamus reads (it is kept as it is): did you mean {meant:?}?"
                ),
            ));
        }
    }
    Some(Header { names, index })
}

/// The standard column that an unknown header name `n` probably stands for, when the header lacks it: a name
/// within two edits of it (tpye, not), or a name in a language's own prefix for its variants (en_alt, ar_aliases).
fn meant_column(n: &str, index: &FxHashMap<&'static str, usize>) -> Option<&'static str> {
    COLUMNS
        .iter()
        .copied()
        .filter(|c| !index.contains_key(c))
        .find(|c| {
            strsim::levenshtein(n, c) <= 2
                || (c.ends_with("_variants")
                    && c.get(..3).is_some_and(|prefix| n.starts_with(prefix)))
        })
}

fn read_entry(
    path: &Path,
    line: u64,
    h: &Header,
    row: &csv::StringRecord,
    problems: &mut Vec<Problem>,
) -> Option<Entry> {
    let column = |name: &str| h.index.get(name).map(|&i| i as u64 + 1);
    let en = normalize::display(h.get(row, "en")).into_owned();
    if en.is_empty() {
        problems.push(problem(
            path,
            line,
            column("en"),
            Severity::Error,
            ErrorKind::Glossary,
            "missing `en` (every entry needs an English name)".into(),
        ));
        return None;
    }
    let kind = match h.get(row, "type").parse::<EntityType>() {
        Ok(k) => k,
        Err(e) => {
            problems.push(problem(
                path,
                line,
                column("type"),
                Severity::Error,
                ErrorKind::Glossary,
                e.message().into(),
            ));
            return None;
        }
    };
    if parse_family(h.get(row, FAMILY_COLUMN)).is_none() {
        problems.push(problem(
            path,
            line,
            column(FAMILY_COLUMN),
            Severity::Error,
            ErrorKind::Glossary,
            format!(
                "`{FAMILY_COLUMN}` is {:?}: `yes`, `no` or empty (whether the family name alone names this person)",
                h.get(row, FAMILY_COLUMN)
            ),
        ));
        return None;
    }
    let ar = normalize::display(h.get(row, "ar")).into_owned();
    let mut variants = |name: &str, canonical: &str| -> Vec<String> {
        let raw = h.get(row, name);
        if raw.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<String> = Vec::new();
        let mut empty = 0;
        for piece in raw.split('|') {
            let form = normalize::display(piece.trim()).into_owned();
            if form.is_empty() {
                empty += 1;
            } else if form != canonical && !out.contains(&form) {
                out.push(form);
            }
        }
        if empty > 0 {
            problems.push(problem(
                path,
                line,
                column(name),
                Severity::Warning,
                ErrorKind::Glossary,
                format!("empty piece in `{name}` ({raw:?}): ignored"),
            ));
        }
        out
    };
    let en_variants = variants("en_variants", &en);
    let ar_variants = variants("ar_variants", &ar);
    let id = match h.get(row, "id") {
        "" => derive_id(&en),
        given => given.to_string(),
    };
    let extra = h
        .names
        .iter()
        .enumerate()
        .filter(|(_, n)| !COLUMNS.contains(&n.as_str()))
        .map(|(i, n)| (n.clone(), row.get(i).unwrap_or("").to_string()))
        .collect();
    Some(Entry {
        id,
        kind,
        en,
        ar,
        en_variants,
        ar_variants,
        note: h.get(row, "note").to_string(),
        extra,
        origin: Origin { layer: 0, line },
    })
}
