//! `qamus scan` and `qamus xref`: read documents, call the scanner and the cross-reference, print.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use qamus::matcher::MatcherOptions;
use qamus::scan::source::JsonlFields;
use qamus::scan::{Document, Documents, Input, Mention, ReadOptions, ScanOptions, Scanner};
use qamus::xref::{render, Xref};

use super::args::{ReadArgs, ScanArgs, ScanFormat, ScanOptionArgs, XrefArgs, XrefFormat};
use super::{io, load_matcher};

/// Below this many inputs no progress bar is drawn.
const PROGRESS_MIN_INPUTS: usize = 20;

fn scan_options(a: &ScanOptionArgs) -> Result<ScanOptions> {
    if !(0.0..=1.0).contains(&a.fuzzy_threshold) {
        anyhow::bail!(
            "--fuzzy-threshold must be between 0 and 1 (got {})",
            a.fuzzy_threshold
        );
    }
    Ok(ScanOptions {
        fuzzy: !a.no_fuzzy,
        fuzzy_threshold: a.fuzzy_threshold,
        family_names: !a.no_family_names,
        ..ScanOptions::default()
    })
}

fn read_options(a: &ReadArgs) -> ReadOptions {
    ReadOptions {
        jsonl: a.jsonl_field.as_ref().map(|text| JsonlFields {
            text: text.clone(),
            id: a.id_field.clone(),
        }),
        lossy: a.lossy,
    }
}

/// The inputs (standard input when no path is given), and a progress bar on a terminal for many of them.
fn inputs(
    paths: &[PathBuf],
    read: &ReadArgs,
) -> Result<(Vec<Input>, Option<indicatif::ProgressBar>)> {
    let inputs = if paths.is_empty() {
        vec![Input::Stdin]
    } else {
        Input::expand(paths)?
    };
    let bar = (inputs.len() >= PROGRESS_MIN_INPUTS && std::io::stderr().is_terminal()).then(|| {
        let bar = if read.jsonl_field.is_some() {
            indicatif::ProgressBar::new_spinner()
        } else {
            indicatif::ProgressBar::new(inputs.len() as u64)
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar
    });
    Ok((inputs, bar))
}

/// The documents of `paths`, read as `scan` reads them (for `discover`).
pub fn documents(paths: &[PathBuf], read: &ReadArgs) -> Result<Documents> {
    let (inputs, _) = inputs(paths, read)?;
    Ok(Documents::new(inputs, read_options(read)))
}

pub fn scan(a: ScanArgs, color: bool) -> Result<ExitCode> {
    let options = scan_options(&a.options)?;
    let matcher = load_matcher(&a.glossary, false, MatcherOptions::default())?;
    let scanner = Scanner::with_options(&matcher, options);
    let (inputs, bar) = inputs(&a.paths, &a.read)?;
    let docs = Documents::new(inputs, read_options(&a.read));
    let mut out = io::stdout();
    let mut total = 0usize;
    let mut lines = Vec::new();
    let mut scores = Scores::default();
    const HEADER: [&str; 12] = [
        "doc",
        "start",
        "end",
        "char_start",
        "char_end",
        "surface",
        "id",
        "en",
        "type",
        "score",
        "method",
        "detail",
    ];
    match a.format {
        ScanFormat::Csv => out.write_all(&csv_record(HEADER, a.excel_safe)?)?,
        ScanFormat::Tsv => io::writeln_out(&mut out, &HEADER.join("\t"))?,
        _ => {}
    }
    scanner.scan_each(
        docs,
        |doc: Document, mentions: Vec<Mention<'_>>| -> Result<()> {
            total += mentions.len();
            if let Some(b) = &bar {
                b.inc(1);
            }
            match a.format {
                ScanFormat::Pretty => pretty(&mut out, &doc, &mentions, color)?,
                ScanFormat::Jsonl => {
                    lines.clear();
                    jsonl(&mut lines, &doc, &mentions, &mut scores)?;
                    out.write_all(&lines)?;
                }
                ScanFormat::Tsv => {
                    for m in &mentions {
                        let row = fields(&doc, m).map(|f| f.replace(['\t', '\n', '\r'], " "));
                        io::writeln_out(&mut out, &row.join("\t"))?;
                    }
                }
                ScanFormat::Csv => {
                    for m in &mentions {
                        out.write_all(&csv_record(fields(&doc, m), a.excel_safe)?)?;
                    }
                }
            }
            Ok(())
        },
    )?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    out.flush()?;
    Ok(if total > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// One CSV record with its line end.
fn csv_record<I: IntoIterator<Item = T>, T: AsRef<str>>(
    fields: I,
    excel_safe: bool,
) -> Result<Vec<u8>> {
    let fields: Vec<T> = fields.into_iter().collect();
    let mut out = Vec::new();
    super::csvcol::write_record(&mut out, fields.iter().map(AsRef::as_ref), excel_safe)?;
    out.push(b'\n');
    Ok(out)
}

fn fields(doc: &Document, m: &Mention<'_>) -> [String; 12] {
    [
        doc.name.clone(),
        m.start.to_string(),
        m.end.to_string(),
        m.char_start.to_string(),
        m.char_end.to_string(),
        m.surface.clone(),
        m.entry.id.clone(),
        m.entry.en.clone(),
        m.entry.kind.as_str().to_string(),
        format!("{:.3}", m.score),
        m.method.as_str().to_string(),
        m.detail.clone(),
    ]
}

/// The mentions of one document as JSON Lines records, appended to `out`: byte for byte what serde_json writes for
/// `MentionJson` (keys in alphabetical order, as scripts have always seen them: the contract), written here
/// without going through serde, since printing was a fifth of a scan's time. The document's name is escaped once
/// for all its mentions; strings with nothing to escape (nearly all) are copied as they are, the others escaped by
/// serde_json itself, and the score is written by serde_json, so that both read exactly as before.
fn jsonl(
    out: &mut Vec<u8>,
    doc: &Document,
    mentions: &[Mention<'_>],
    scores: &mut Scores,
) -> serde_json::Result<()> {
    let mut name = Vec::with_capacity(doc.name.len() + 2);
    json_str(&mut name, &doc.name)?;
    for m in mentions {
        out.extend_from_slice(b"{\"char_end\":");
        json_usize(out, m.char_end);
        out.extend_from_slice(b",\"char_start\":");
        json_usize(out, m.char_start);
        out.extend_from_slice(b",\"detail\":");
        json_str(out, &m.detail)?;
        out.extend_from_slice(b",\"doc\":");
        out.extend_from_slice(&name);
        out.extend_from_slice(b",\"doc_index\":");
        json_usize(out, doc.index);
        out.extend_from_slice(b",\"en\":");
        json_str(out, &m.entry.en)?;
        out.extend_from_slice(b",\"end\":");
        json_usize(out, m.end);
        out.extend_from_slice(b",\"id\":");
        json_str(out, &m.entry.id)?;
        out.extend_from_slice(b",\"method\":");
        json_plain(out, m.method.as_str());
        out.extend_from_slice(b",\"score\":");
        scores.write(out, json_score(m.score))?;
        out.extend_from_slice(b",\"start\":");
        json_usize(out, m.start);
        out.extend_from_slice(b",\"surface\":");
        json_str(out, &m.surface)?;
        out.extend_from_slice(b",\"type\":");
        json_plain(out, m.entry.kind.as_str());
        out.extend_from_slice(b"}\n");
    }
    Ok(())
}

/// The scores printed so far, as serde_json wrote them: a scan has a handful of distinct scores (1, 0.98, 0.95,
/// 0.9 and a few fuzzy ones), each formatted once.
#[derive(Default)]
struct Scores {
    known: Vec<(u64, Vec<u8>)>,
}

impl Scores {
    /// The most scores kept (then the others are formatted each time).
    const MAX: usize = 16;

    fn write(&mut self, out: &mut Vec<u8>, score: f64) -> serde_json::Result<()> {
        let bits = score.to_bits();
        if let Some((_, text)) = self.known.iter().find(|(b, _)| *b == bits) {
            out.extend_from_slice(text);
            return Ok(());
        }
        let mut text = Vec::new();
        serde_json::to_writer(&mut text, &score)?;
        out.extend_from_slice(&text);
        if self.known.len() < Scores::MAX {
            self.known.push((bits, text));
        }
        Ok(())
    }
}

/// A string known to need no escaping (a method's or an entity type's name), between quotes.
fn json_plain(out: &mut Vec<u8>, s: &'static str) {
    debug_assert!(!needs_escape(s.as_bytes()), "{s:?}");
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

/// A mention's score as printed: rounded to four decimals.
fn json_score(score: f64) -> f64 {
    (score * 10_000.0).round() / 10_000.0
}

/// A JSON string as serde_json writes it: copied between quotes when no byte needs escaping (no quote, backslash
/// or control character below U+0020), else written by serde_json.
fn json_str(out: &mut Vec<u8>, s: &str) -> serde_json::Result<()> {
    if !needs_escape(s.as_bytes()) {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(out, s)
    }
}

/// Whether a string holds a byte that JSON escapes: a quote, a backslash or a control character below U+0020.
/// Eight bytes at a time (the "has a zero byte" and "has a byte less than" tests of Bit Twiddling Hacks, both
/// exact as yes/no answers).
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let has_less = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH != 0;
    let mut chunks = s.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_ne_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        if has_less(x, 0x20)
            || has_zero(x ^ (ONES * u64::from(b'"')))
            || has_zero(x ^ (ONES * u64::from(b'\\')))
        {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// A JSON number for an unsigned integer, in decimal digits as serde_json writes it.
fn json_usize(out: &mut Vec<u8>, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(at..).unwrap_or_default());
}

/// One mention as serde_json serializes it: the reference that `jsonl` writes the same bytes as (its keys in
/// alphabetical order).
#[cfg(test)]
#[derive(serde::Serialize)]
struct MentionJson<'a> {
    char_end: usize,
    char_start: usize,
    detail: &'a str,
    doc: &'a str,
    doc_index: usize,
    en: &'a str,
    end: usize,
    id: &'a str,
    method: &'static str,
    score: f64,
    start: usize,
    surface: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[cfg(test)]
fn mention_json<'a>(doc: &'a Document, m: &'a Mention<'_>) -> MentionJson<'a> {
    MentionJson {
        char_end: m.char_end,
        char_start: m.char_start,
        detail: &m.detail,
        doc: &doc.name,
        doc_index: doc.index,
        en: &m.entry.en,
        end: m.end,
        id: &m.entry.id,
        method: m.method.as_str(),
        score: json_score(m.score),
        start: m.start,
        surface: &m.surface,
        kind: m.entry.kind.as_str(),
    }
}

/// The document's text with each mention marked: coloured with its id on a terminal, `[[surface|id]]` otherwise.
fn pretty(
    out: &mut impl Write,
    doc: &Document,
    mentions: &[Mention<'_>],
    color: bool,
) -> Result<()> {
    let (bold, hl, dim, reset) = if color {
        ("\x1b[1m", "\x1b[1;32m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    writeln!(
        out,
        "{bold}== {} ({} mentions){reset}",
        doc.name,
        mentions.len()
    )?;
    let mut at = 0;
    for m in mentions {
        if m.start < at {
            continue;
        }
        out.write_all(doc.text.get(at..m.start).unwrap_or_default().as_bytes())?;
        if color {
            write!(out, "{hl}{}{reset}{dim}[{}]{reset}", m.surface, m.entry.id)?;
        } else {
            write!(out, "[[{}|{}]]", m.surface, m.entry.id)?;
        }
        at = m.end;
    }
    out.write_all(doc.text.get(at..).unwrap_or_default().as_bytes())?;
    if !doc.text.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}

pub fn xref(a: XrefArgs) -> Result<ExitCode> {
    let options = scan_options(&a.options)?;
    let matcher = load_matcher(&a.glossary, false, MatcherOptions::default())?;
    let scanner = Scanner::with_options(&matcher, options);
    let (inputs, bar) = inputs(&a.paths, &a.read)?;
    let docs = Documents::new(inputs, read_options(&a.read));
    // The HTML page shows each mention in context: 60 characters on each side.
    let mut x = if a.format == XrefFormat::Html {
        Xref::with_contexts(60)
    } else {
        Xref::new()
    };
    x.set_related_per_document(a.related);
    scanner.scan_each(
        docs,
        |doc: Document, mentions: Vec<Mention<'_>>| -> Result<()> {
            if let Some(b) = &bar {
                b.inc(1);
            }
            x.add_with_text(&doc.name, &doc.text, &mentions);
            Ok(())
        },
    )?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut out = io::stdout();
    match a.format {
        XrefFormat::Md => out.write_all(render::markdown(&x).as_bytes())?,
        XrefFormat::Csv if a.excel_safe => {
            // The report as CSV, then every cell written again through the spreadsheet-safe writer.
            let mut raw = Vec::new();
            render::csv(&x, &mut raw)?;
            let mut rows = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(raw.as_slice());
            for row in rows.records() {
                super::csvcol::write_record(&mut out, row?.iter(), true)?;
                out.write_all(b"\n")?;
            }
        }
        XrefFormat::Csv => render::csv(&x, &mut out)?,
        XrefFormat::Html => out.write_all(render::html(&x).as_bytes())?,
        XrefFormat::Json => render::write_json(&x, &mut out)?,
    }
    out.flush()?;
    let found = x.documents().iter().any(|d| !d.entities.is_empty());
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use qamus::glossary::Glossary;
    use qamus::matcher::{Matcher, Method};

    /// The eight-bytes-at-a-time test agrees with the byte-by-byte one, for each byte at each position.
    #[test]
    fn needs_escape_finds_every_escaped_byte() {
        for len in 0..20 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut s = vec![b'a'; len];
                    s[at] = b;
                    let slow = s.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
                    assert_eq!(needs_escape(&s), slow, "{s:?}");
                }
            }
        }
        assert!(!needs_escape("فلاديمير بوتين «الكرملين»".as_bytes()));
        // The names written without the test.
        use qamus::glossary::EntityType;
        for kind in [
            EntityType::Per,
            EntityType::Loc,
            EntityType::Org,
            EntityType::Misc,
        ] {
            assert!(!needs_escape(kind.as_str().as_bytes()));
        }
        for method in [
            Method::Exact,
            Method::Normalized,
            Method::Fuzzy,
            Method::Translit,
        ] {
            assert!(!needs_escape(method.as_str().as_bytes()));
        }
    }

    /// The hand-written JSON Lines are serde_json's bytes, for plain strings and for every character that needs
    /// escaping, for numbers of every width and for scores with and without decimals.
    #[test]
    fn jsonl_writes_what_serde_json_writes() {
        let matcher = Matcher::new(Glossary::builtin());
        let entry = &matcher.glossary().entries()[0];
        let strings = [
            "",
            "بوتين",
            "clitic و, family name",
            "a \"quoted\" \\ back\\slash",
            "tab\there\nline\rcr\u{8}\u{c}\u{0}\u{1f}\u{7f} end",
            "/tmp/x y/«doc».txt",
        ];
        let numbers = [0, 7, 10, 99, 12_345, usize::MAX];
        let scores = [1.0, 0.98, 0.95, 0.9, 0.812_345_6, 0.75, 0.0, 0.333_33];
        // One cache of formatted scores for all the documents, as a scan has.
        let mut cache = Scores::default();
        for (k, s) in strings.iter().enumerate() {
            let doc = Document {
                index: numbers[k % numbers.len()],
                name: strings[(k + 1) % strings.len()].to_string(),
                text: String::new(),
            };
            let mentions: Vec<Mention<'_>> = numbers
                .iter()
                .zip(scores.iter().cycle())
                .map(|(&n, &score)| Mention {
                    doc: 0,
                    start: n,
                    end: n / 2,
                    char_start: n / 3,
                    char_end: n / 7,
                    surface: s.to_string(),
                    entry,
                    score,
                    method: Method::Fuzzy,
                    detail: strings[(k + 2) % strings.len()].to_string(),
                })
                .collect();
            let mut fast = Vec::new();
            jsonl(&mut fast, &doc, &mentions, &mut cache).unwrap();
            let mut reference = Vec::new();
            for m in &mentions {
                serde_json::to_writer(&mut reference, &mention_json(&doc, m)).unwrap();
                reference.push(b'\n');
            }
            assert_eq!(
                String::from_utf8(fast).unwrap(),
                String::from_utf8(reference).unwrap()
            );
        }
    }
}
