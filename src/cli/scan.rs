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
                    for m in &mentions {
                        serde_json::to_writer(&mut out, &mention_json(&doc, m))?;
                        out.write_all(b"\n")?;
                    }
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

/// One mention as a JSON Lines record. Its keys are in alphabetical order, as scripts have always seen them (the
/// contract); a struct rather than a `serde_json::Value` map, so that no map is built and dropped per mention.
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
        score: (m.score * 10_000.0).round() / 10_000.0,
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
        XrefFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &render::json(&x))?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    let found = x.documents().iter().any(|d| !d.entities.is_empty());
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
