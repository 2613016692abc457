//! Writing an [`Xref`] as Markdown, CSV, JSON or HTML.
//!
//! * [`markdown`]: the documents (numbered D1, D2…), the entity × document matrix of mention counts, the
//!   spellings of each entity with the documents that use them, and the related document pairs.
//! * [`csv()`]: one row per document and entity: `document,id,en,ar,type,count,first,first_char,surfaces`
//!   (spellings joined with `|`).
//! * [`json`]: the documented contract, `{"documents": [{"path", "entities": [{"id", "en", "type", "count",
//!   "surfaces"}]}], "related": [{"a", "b", "score", "shared"}]}`, where `a` and `b` are document paths; extra
//!   fields: `ar`, `first`, `first_char` per entity, `index` per document, `a_index`, `b_index` per pair.
//! * [`html`]: one self-contained page (no script, no network): the matrix as a heat map, spellings, related
//!   documents, and every mention in context; past 60 documents, the mentions of each entity in the
//!   documents the page links to (those that name it most, the first of each spelling), so that the page of a
//!   collection of thousands stays a page.

use std::fmt::Write as _;
use std::io::Write;

use rustc_hash::FxHashMap;

use super::Xref;
use crate::error::{Error, Result};

/// How many related pairs [`markdown`] lists at most.
const MD_RELATED: usize = 20;

/// Up to this many documents, [`markdown`]'s matrix has a column per document and each spelling lists all its
/// documents; past it, a row says in how many documents the entity is, and where it is named most, and a spelling
/// lists its first [`MD_LISTED`] documents and how many more (a table 5,000 columns wide reads as nothing).
const MD_COLUMNS: usize = 20;

/// The documents a row of a large collection's report names.
const MD_LISTED: usize = 5;

/// Up to this many documents, [`html`]'s heat map has a column per document (a page scrolls sideways); past it,
/// its rows are as [`markdown`]'s past [`MD_COLUMNS`], with links.
const HTML_COLUMNS: usize = 60;

/// A spelling's documents (1-based), each written by `name`: all of them, or the first [`MD_LISTED`] and how many
/// more.
fn documents_listed(ds: &[usize], all: bool, name: impl Fn(usize) -> String) -> String {
    let listed = if all { ds.len() } else { MD_LISTED };
    let mut names: Vec<String> = ds.iter().take(listed).map(|&d| name(d)).collect();
    if ds.len() > listed {
        names.push(format!("and {} more", ds.len() - listed));
    }
    names.join(" ")
}

/// The documents that name entity `id` (1-based) with its count in each, the most first (ties in document order),
/// and how many there are.
fn most_in(docs: &[super::DocSummary], id: &str) -> (Vec<(usize, usize)>, usize) {
    let mut counts: Vec<(usize, usize)> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.entity(id).map(|e| (i + 1, e.count)))
        .collect();
    let n = counts.len();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.truncate(MD_LISTED);
    (counts, n)
}

/// The report as Markdown.
pub fn markdown(x: &Xref) -> String {
    let docs = x.documents();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "## Documents\n\n| | document | entities | mentions |\n|---|---|---:|---:|"
    );
    for (i, d) in docs.iter().enumerate() {
        let mentions: usize = d.entities.iter().map(|e| e.count).sum();
        let _ = writeln!(
            s,
            "| D{} | {} | {} | {mentions} |",
            i + 1,
            cell(&d.name),
            d.entities.len()
        );
    }
    let order = entity_order(x);
    if docs.len() <= MD_COLUMNS {
        let _ = write!(s, "\n## Entities × documents\n\n| entity | type |");
        for i in 0..docs.len() {
            let _ = write!(s, " D{} |", i + 1);
        }
        let _ = write!(s, " total |\n|---|---|");
        for _ in 0..docs.len() {
            s.push_str("---:|");
        }
        s.push_str("---:|\n");
        for (id, en, kind, total, _) in &order {
            let _ = write!(s, "| {} `{id}` | {kind} |", cell(en));
            for d in docs {
                match d.entity(id) {
                    Some(e) => {
                        let _ = write!(s, " {} |", e.count);
                    }
                    None => s.push_str(" |"),
                }
            }
            let _ = writeln!(s, " {total} |");
        }
    } else {
        let _ = writeln!(
            s,
            "\n## Entities × documents\n\n{} documents: each entity's count of documents and mentions, and the \
             documents that name it most (`--format csv` or `json` give every cell).\n\n\
             | entity | type | documents | total | most in |\n|---|---|---:|---:|---|",
            docs.len()
        );
        for (id, en, kind, total, _) in &order {
            let (counts, n) = most_in(docs, id);
            let most: Vec<String> = counts.iter().map(|(d, c)| format!("D{d} ×{c}")).collect();
            let more = if n > counts.len() { ", …" } else { "" };
            let _ = writeln!(
                s,
                "| {} `{id}` | {kind} | {n} | {total} | {}{more} |",
                cell(en),
                most.join(", ")
            );
        }
    }
    let _ = writeln!(
        s,
        "\n## Spellings\n\n| entity | spellings (documents) |\n|---|---|"
    );
    for (id, en, ..) in &order {
        let spellings = spellings(docs, id);
        let list: Vec<String> = spellings
            .iter()
            .map(|(sp, ds)| {
                let names = documents_listed(ds, docs.len() <= MD_COLUMNS, |d| format!("D{d}"));
                format!("{} ({names})", cell(sp))
            })
            .collect();
        let _ = writeln!(s, "| {} | {} |", cell(en), list.join(", "));
    }
    if docs.iter().any(|d| !d.dates.is_empty()) {
        let _ = writeln!(
            s,
            "\n## Dates\n\n| document | dates (ISO 8601, count) |\n|---|---|"
        );
        for (i, d) in docs.iter().enumerate() {
            let list: Vec<String> = d
                .dates
                .iter()
                .map(|t| format!("{} ×{}", t.date, t.count))
                .collect();
            let _ = writeln!(s, "| D{} | {} |", i + 1, list.join(", "));
        }
    }
    let _ = writeln!(
        s,
        "\n## Related documents\n\n| a | b | score | shared entities | shared dates |\n|---|---|---:|---|---|"
    );
    for r in x.related().iter().take(MD_RELATED) {
        let _ = writeln!(
            s,
            "| D{} | D{} | {:.3} | {} | {} |",
            r.a + 1,
            r.b + 1,
            r.score,
            r.shared.join(", "),
            r.shared_dates.join(", ")
        );
    }
    s
}

/// An entity's spellings across the documents, in order of first use, each with the (1-based) documents that use
/// it.
fn spellings<'a>(docs: &'a [super::DocSummary], id: &str) -> Vec<(&'a str, Vec<usize>)> {
    let mut out: Vec<(&str, Vec<usize>)> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for sp in d
            .entity(id)
            .map(|e| e.surfaces.as_slice())
            .unwrap_or_default()
        {
            match out.iter_mut().find(|(x, _)| x == sp) {
                Some((_, ds)) => ds.push(di + 1),
                None => out.push((sp.as_str(), vec![di + 1])),
            }
        }
    }
    out
}

/// A Markdown table cell: pipes escaped, line breaks as spaces.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The document × entity rows as CSV.
pub fn csv(x: &Xref, out: impl Write) -> Result<()> {
    let to_err = |e: csv::Error| {
        let message = format!("cannot write CSV: {e}");
        match e.into_kind() {
            // Kept as an I/O error: a closed pipe downstream ends the program quietly.
            csv::ErrorKind::Io(io) => Error::io(None, io),
            _ => Error::new(crate::ErrorKind::Io, None, message),
        }
    };
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "document",
        "id",
        "en",
        "ar",
        "type",
        "count",
        "first",
        "first_char",
        "surfaces",
    ])
    .map_err(to_err)?;
    for d in x.documents() {
        for e in &d.entities {
            w.write_record([
                d.name.as_str(),
                &e.id,
                &e.en,
                &e.ar,
                e.kind.as_str(),
                &e.count.to_string(),
                &e.first.to_string(),
                &e.first_char.to_string(),
                &e.surfaces.join("|"),
            ])
            .map_err(to_err)?;
        }
    }
    w.flush().map_err(|e| Error::io(None, e))?;
    Ok(())
}

/// The report as the JSON contract (see the module documentation), as a value.
pub fn json(x: &Xref) -> serde_json::Value {
    serde_json::to_value(JsonReport::of(x)).unwrap_or_default()
}

/// The report as the JSON contract, written to `out` as it is made (indented, then a line end): a large
/// collection's report is never held whole in memory, as [`json`]'s value is.
pub fn write_json(x: &Xref, mut out: impl Write) -> Result<()> {
    // Errors stay I/O errors (serde_json's writer fails only when `out` does): a closed pipe ends quietly.
    serde_json::to_writer_pretty(&mut out, &JsonReport::of(x))
        .map_err(|e| Error::io(None, std::io::Error::from(e)))?;
    out.write_all(b"\n").map_err(|e| Error::io(None, e))
}

// The JSON contract's shapes, borrowing from the table. Fields are in the order of their names, as serde_json
// writes a map's keys.

#[derive(serde::Serialize)]
struct JsonReport<'a> {
    documents: JsonDocs<'a>,
    related: Vec<JsonPair<'a>>,
}

impl JsonReport<'_> {
    fn of(x: &Xref) -> JsonReport<'_> {
        let docs = x.documents();
        let name = |i: usize| docs.get(i).map_or("", |d| d.name.as_str());
        let related = x
            .related()
            .into_iter()
            .map(|r| JsonPair {
                a: name(r.a),
                a_index: r.a,
                b: name(r.b),
                b_index: r.b,
                score: (r.score * 10_000.0).round() / 10_000.0,
                shared: r.shared,
                shared_dates: r.shared_dates,
            })
            .collect();
        JsonReport {
            documents: JsonDocs(docs),
            related,
        }
    }
}

/// The documents, serialized one by one.
struct JsonDocs<'a>(&'a [super::DocSummary]);

impl serde::Serialize for JsonDocs<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().enumerate().map(|(index, d)| {
            JsonDoc {
                dates: d
                    .dates
                    .iter()
                    .map(|t| JsonDate {
                        count: t.count,
                        date: &t.date,
                        first: t.first,
                        surfaces: &t.surfaces,
                    })
                    .collect(),
                entities: d
                    .entities
                    .iter()
                    .map(|e| JsonEntity {
                        ar: &e.ar,
                        count: e.count,
                        en: &e.en,
                        first: e.first,
                        first_char: e.first_char,
                        id: &e.id,
                        surfaces: &e.surfaces,
                        kind: e.kind.as_str(),
                    })
                    .collect(),
                index,
                path: &d.name,
            }
        }))
    }
}

#[derive(serde::Serialize)]
struct JsonDoc<'a> {
    dates: Vec<JsonDate<'a>>,
    entities: Vec<JsonEntity<'a>>,
    index: usize,
    path: &'a str,
}

#[derive(serde::Serialize)]
struct JsonEntity<'a> {
    ar: &'a str,
    count: usize,
    en: &'a str,
    first: usize,
    first_char: usize,
    id: &'a str,
    surfaces: &'a [String],
    #[serde(rename = "type")]
    kind: &'a str,
}

#[derive(serde::Serialize)]
struct JsonDate<'a> {
    count: usize,
    date: &'a str,
    first: usize,
    surfaces: &'a [String],
}

#[derive(serde::Serialize)]
struct JsonPair<'a> {
    a: &'a str,
    a_index: usize,
    b: &'a str,
    b_index: usize,
    score: f64,
    shared: Vec<String>,
    shared_dates: Vec<String>,
}

/// The report as one self-contained HTML page (no script, no network): the documents, the entity × document
/// matrix as a heat map whose cells link to the mentions in context, each entity's spellings across documents, the
/// related document pairs, and per document every mention with the text around it (contexts are there when the
/// table was built with [`Xref::with_contexts`]).
pub fn html(x: &Xref) -> String {
    let docs = x.documents();
    let order = entity_order(x);
    let max = docs
        .iter()
        .flat_map(|d| d.entities.iter().map(|e| e.count))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut s = String::with_capacity(64 * 1024);
    s.push_str(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>qamus xref</title>\n<style>\n\
         body{font-family:system-ui,'Noto Sans Arabic','Segoe UI',sans-serif;margin:1.5rem;color:#222}\n\
         h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}\n\
         table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.2rem .45rem;vertical-align:top}\n\
         th{background:#f4f4f4;text-align:left}td.n{text-align:center;min-width:2.2rem}\n\
         td.n a{color:inherit;text-decoration:none;display:block}td.n a:hover{outline:2px solid #333}\n\
         .ar{font-size:1.05rem}.id{color:#777;font-size:.8rem}.t{color:#555;font-size:.8rem}\n\
         mark{background:#ffe08a;padding:0 .1rem}li.ctx{margin:.15rem 0}\n\
         .ctx span.c{display:inline-block;direction:rtl;unicode-bidi:isolate}\n\
         :target{background:#eef6ff}\n</style></head><body>\n<h1>Cross-reference of ",
    );
    let _ = writeln!(s, "{} document(s)</h1>", docs.len());
    s.push_str("<h2>Documents</h2>\n<table><tr><th></th><th>document</th><th>entities</th><th>mentions</th></tr>\n");
    let wide = docs.len() <= HTML_COLUMNS;
    for (i, d) in docs.iter().enumerate() {
        let mentions: usize = d.entities.iter().map(|e| e.count).sum();
        // A large collection's page has no section per document: the row is what D1, D2… link to.
        let _ = writeln!(
            s,
            "<tr{target}><td><a href=\"#d{n}\">D{n}</a></td><td>{}</td><td>{}</td><td>{mentions}</td></tr>",
            esc(&d.name),
            d.entities.len(),
            n = i + 1,
            target = if wide {
                String::new()
            } else {
                format!(" id=\"d{}\"", i + 1)
            }
        );
    }
    if wide {
        s.push_str(
            "</table>\n<h2>Entities × documents</h2>\n<table><tr><th>entity</th><th>type</th>",
        );
    } else {
        let _ = write!(
            s,
            "</table>\n<h2>Entities × documents</h2>\n<p>{} documents: each entity's count of documents and mentions, \
             and the documents that name it most.</p>\n<table><tr><th>entity</th><th>type</th><th>documents</th>\
             <th>total</th><th>most in</th></tr>\n",
            docs.len()
        );
    }
    for i in 0..docs.len() * usize::from(wide) {
        let _ = write!(s, "<th><a href=\"#d{n}\">D{n}</a></th>", n = i + 1);
    }
    if wide {
        s.push_str("<th>total</th></tr>\n");
    }
    for (id, en, kind, total, _) in &order {
        let ar = docs
            .iter()
            .find_map(|d| d.entity(id).map(|e| e.ar.as_str()))
            .unwrap_or_default();
        let _ = write!(
            s,
            "<tr><td><a href=\"#e-{a}\">{}</a> <span class=\"ar\" dir=\"rtl\">{}</span> <span class=\"id\">{}</span></td><td class=\"t\">{kind}</td>",
            esc(en),
            esc(ar),
            esc(id),
            a = anchor(id)
        );
        if !wide {
            let (counts, n) = most_in(docs, id);
            let most: Vec<String> = counts
                .iter()
                .map(|(d, c)| format!("<a href=\"#m{d}-{}\">D{d}</a> ×{c}", anchor(id)))
                .collect();
            let more = if n > counts.len() { ", …" } else { "" };
            let _ = writeln!(
                s,
                "<td class=\"n\">{n}</td><td class=\"n\">{total}</td><td>{}{more}</td></tr>",
                most.join(", ")
            );
            continue;
        }
        for (di, d) in docs.iter().enumerate() {
            match d.entity(id) {
                Some(e) => {
                    // Heat: from pale yellow to deep orange with the share of the largest count.
                    let heat = (e.count as f64 / max as f64).sqrt();
                    let light = 95.0 - 50.0 * heat;
                    let _ = write!(
                        s,
                        "<td class=\"n\" style=\"background:hsl(30,90%,{light:.0}%)\"><a href=\"#m{}-{}\" title=\"{}\">{}</a></td>",
                        di + 1,
                        anchor(id),
                        esc(&e.surfaces.join(" · ")),
                        e.count
                    );
                }
                None => s.push_str("<td class=\"n\"></td>"),
            }
        }
        let _ = writeln!(s, "<td class=\"n\">{total}</td></tr>");
    }
    s.push_str("</table>\n<h2>Spellings</h2>\n<table><tr><th>entity</th><th>spellings (documents)</th></tr>\n");
    for (id, en, ..) in &order {
        let _ = write!(s, "<tr id=\"e-{}\"><td>{}</td><td>", anchor(id), esc(en));
        let spellings = spellings(docs, id);
        let list: Vec<String> = spellings
            .iter()
            .map(|(sp, ds)| {
                let links = documents_listed(ds, wide, |d| {
                    format!("<a href=\"#m{d}-{}\">D{d}</a>", anchor(id))
                });
                format!("<bdi class=\"ar\">{}</bdi> ({links})", esc(sp))
            })
            .collect();
        let _ = writeln!(s, "{}</td></tr>", list.join(", "));
    }
    if docs.iter().any(|d| !d.dates.is_empty()) {
        s.push_str("</table>\n<h2>Dates</h2>\n<table><tr><th>document</th><th>dates (ISO 8601): spellings</th></tr>\n");
        for (di, d) in docs.iter().enumerate() {
            let list: Vec<String> = d
                .dates
                .iter()
                .map(|t| {
                    format!(
                        "<b>{}</b> ×{}: <bdi class=\"ar\">{}</bdi>",
                        esc(&t.date),
                        t.count,
                        esc(&t.surfaces.join(" · "))
                    )
                })
                .collect();
            let _ = writeln!(
                s,
                "<tr><td><a href=\"#d{n}\">D{n}</a></td><td>{}</td></tr>",
                list.join("<br>"),
                n = di + 1
            );
        }
    }
    s.push_str("</table>\n<h2>Related documents</h2>\n<table><tr><th>a</th><th>b</th><th>score</th><th>shared entities</th><th>shared dates</th></tr>\n");
    for r in x.related().iter().take(MD_RELATED) {
        let _ = writeln!(
            s,
            "<tr><td><a href=\"#d{a}\">D{a}</a></td><td><a href=\"#d{b}\">D{b}</a></td><td>{:.3}</td><td>{}</td><td>{}</td></tr>",
            r.score,
            esc(&r.shared.join(", ")),
            esc(&r.shared_dates.join(", ")),
            a = r.a + 1,
            b = r.b + 1
        );
    }
    s.push_str("</table>\n<h2>Mentions in context</h2>\n");
    if wide {
        for (di, d) in docs.iter().enumerate() {
            let _ = writeln!(s, "<h3 id=\"d{n}\">D{n} {}</h3>", esc(&d.name), n = di + 1);
            for e in &d.entities {
                let title = format!("<b>{}</b> <span class=\"id\">{}", esc(&e.en), esc(&e.id));
                mentions_in_context(&mut s, di + 1, e, &title);
            }
        }
    } else {
        let _ = writeln!(
            s,
            "<p>{} documents: each entity's mentions in the documents this page links to, those that name it most \
             and the first to use each spelling. The JSON and CSV reports and <code>qamus scan</code> give every \
             mention.</p>",
            docs.len()
        );
        for (id, en, ..) in &order {
            let _ = writeln!(s, "<h3>{}</h3>", esc(en));
            let mut linked: Vec<usize> = most_in(docs, id).0.into_iter().map(|(d, _)| d).collect();
            for (_, ds) in spellings(docs, id) {
                linked.extend(ds.into_iter().take(MD_LISTED));
            }
            linked.sort_unstable();
            linked.dedup();
            for d in linked {
                let Some((doc, e)) = d
                    .checked_sub(1)
                    .and_then(|i| docs.get(i))
                    .and_then(|doc| Some((doc, doc.entity(id)?)))
                else {
                    continue;
                };
                let title = format!(
                    "<a href=\"#d{d}\">D{d}</a> {} <span class=\"id\">",
                    esc(&doc.name)
                );
                mentions_in_context(&mut s, d, e, &title);
            }
        }
    }
    s.push_str("</body></html>\n");
    s
}

/// One document's mentions of one entity, in context: a block that links reach as `#m{doc}-{entity}`, headed by
/// `title` (HTML, ending inside an open `<span class="id">`, which the counts close).
fn mentions_in_context(s: &mut String, doc: usize, e: &super::EntityCount, title: &str) {
    let _ = writeln!(
        s,
        "<div id=\"m{doc}-{}\">{title} · {} mention(s), first at character {}</span><ul>",
        anchor(&e.id),
        e.count,
        e.first_char
    );
    for c in &e.contexts {
        let _ = writeln!(
            s,
            "<li class=\"ctx\"><span class=\"c\">…{}<mark>{}</mark>{}…</span> <span class=\"id\">@{}</span></li>",
            esc(&c.before),
            esc(&c.surface),
            esc(&c.after),
            c.char_start
        );
    }
    s.push_str("</ul></div>\n");
}

/// Entities by total count, then by first appearance in the collection: (id, en, type, total, first document).
fn entity_order(x: &Xref) -> Vec<(&str, &str, &str, usize, usize)> {
    let mut order: Vec<(&str, &str, &str, usize, usize)> = Vec::new();
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    for (di, d) in x.documents().iter().enumerate() {
        for e in &d.entities {
            let k = *at.entry(e.id.as_str()).or_insert_with(|| {
                order.push((e.id.as_str(), e.en.as_str(), e.kind.as_str(), 0, di));
                order.len() - 1
            });
            if let Some(o) = order.get_mut(k) {
                o.3 += e.count;
            }
        }
    }
    order.sort_by(|a, b| b.3.cmp(&a.3).then(a.4.cmp(&b.4)).then(a.0.cmp(b.0)));
    order
}

/// HTML text: & < > " ' escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// An id usable in an HTML anchor: ASCII letters, digits and `-`; anything else as `_XX`.
fn anchor(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(b as char);
        } else {
            let _ = write!(out, "_{b:02X}");
        }
    }
    out
}
