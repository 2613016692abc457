//! Writing an [`Xref`] as Markdown, CSV or JSON.
//!
//! * [`markdown`]: the documents (numbered D1, D2…), the entity × document matrix of mention counts, the
//!   spellings of each entity with the documents that use them, and the related document pairs.
//! * [`csv`]: one row per document and entity: `document,id,en,ar,type,count,first,first_char,surfaces`
//!   (spellings joined with `|`).
//! * [`json`]: the documented contract, `{"documents": [{"path", "entities": [{"id", "en", "type", "count",
//!   "surfaces"}]}], "related": [{"a", "b", "score", "shared"}]}`, where `a` and `b` are document paths; extra
//!   fields: `ar`, `first`, `first_char` per entity, `index` per document, `a_index`, `b_index` per pair.

use std::fmt::Write as _;
use std::io::Write;

use rustc_hash::FxHashMap;

use super::Xref;
use crate::error::{Error, Result};

/// How many related pairs [`markdown`] lists at most.
const MD_RELATED: usize = 20;

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
    // Entities by total count, then by first appearance in the collection.
    let mut order: Vec<(&str, &str, &str, usize, usize)> = Vec::new();
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    for (di, d) in docs.iter().enumerate() {
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
    let _ = writeln!(
        s,
        "\n## Spellings\n\n| entity | spellings (documents) |\n|---|---|"
    );
    for (id, en, ..) in &order {
        let mut spellings: Vec<(&str, Vec<usize>)> = Vec::new();
        for (di, d) in docs.iter().enumerate() {
            for sp in d
                .entity(id)
                .map(|e| e.surfaces.as_slice())
                .unwrap_or_default()
            {
                match spellings.iter_mut().find(|(x, _)| x == sp) {
                    Some((_, ds)) => ds.push(di + 1),
                    None => spellings.push((sp.as_str(), vec![di + 1])),
                }
            }
        }
        let list: Vec<String> = spellings
            .iter()
            .map(|(sp, ds)| {
                let ds: Vec<String> = ds.iter().map(|d| format!("D{d}")).collect();
                format!("{} ({})", cell(sp), ds.join(" "))
            })
            .collect();
        let _ = writeln!(s, "| {} | {} |", cell(en), list.join(", "));
    }
    let _ = writeln!(
        s,
        "\n## Related documents\n\n| a | b | score | shared entities |\n|---|---|---:|---|"
    );
    for r in x.related().iter().take(MD_RELATED) {
        let _ = writeln!(
            s,
            "| D{} | D{} | {:.3} | {} |",
            r.a + 1,
            r.b + 1,
            r.score,
            r.shared.join(", ")
        );
    }
    s
}

/// A Markdown table cell: pipes escaped, line breaks as spaces.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The document × entity rows as CSV.
pub fn csv(x: &Xref, out: impl Write) -> Result<()> {
    let to_err =
        |e: csv::Error| Error::new(crate::ErrorKind::Io, None, format!("cannot write CSV: {e}"));
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

/// The report as the JSON contract (see the module documentation).
pub fn json(x: &Xref) -> serde_json::Value {
    let docs = x.documents();
    let documents: Vec<serde_json::Value> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let entities: Vec<serde_json::Value> = d
                .entities
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "id": e.id,
                        "en": e.en,
                        "ar": e.ar,
                        "type": e.kind.as_str(),
                        "count": e.count,
                        "surfaces": e.surfaces,
                        "first": e.first,
                        "first_char": e.first_char,
                    })
                })
                .collect();
            serde_json::json!({ "path": d.name, "index": i, "entities": entities })
        })
        .collect();
    let name = |i: usize| docs.get(i).map(|d| d.name.clone()).unwrap_or_default();
    let related: Vec<serde_json::Value> = x
        .related()
        .iter()
        .map(|r| {
            serde_json::json!({
                "a": name(r.a),
                "b": name(r.b),
                "a_index": r.a,
                "b_index": r.b,
                "score": (r.score * 10_000.0).round() / 10_000.0,
                "shared": r.shared,
            })
        })
        .collect();
    serde_json::json!({ "documents": documents, "related": related })
}
