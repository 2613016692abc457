//! `qamus xref` on the seed corpus against the hand-made gold (`tests/data/seeds_gold.tsv`): every gold entity with
//! its gold count and nothing else, and each document's event twin ranked first.

use std::collections::BTreeMap;

use assert_cmd::Command;

const GOLD: &str = include_str!("data/seeds_gold.tsv");
const SEEDS: &str = "tests/corpus/seeds";

/// (document prefix "000"…, entity id) → count.
type Counts = BTreeMap<(String, String), u64>;

fn gold() -> Counts {
    GOLD.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("doc\t") && !l.trim().is_empty())
        .filter_map(|l| {
            let mut c = l.split('\t');
            let (doc, id, n) = (c.next()?, c.next()?, c.next()?.parse().ok()?);
            Some(((doc.to_string(), id.to_string()), n))
        })
        .collect()
}

fn xref_json() -> serde_json::Value {
    let out = Command::cargo_bin("qamus")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(["xref", "--format", "json", SEEDS])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("xref json: {e}"))
}

/// The three-digit prefix of a seed file name.
fn doc_key(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.chars().take(3).collect()
}

#[test]
fn xref_finds_every_gold_entity_with_its_count_and_nothing_else() {
    let gold = gold();
    assert!(gold.len() > 60, "gold has {} rows", gold.len());
    let x = xref_json();
    let mut found = Counts::new();
    for d in x["documents"].as_array().into_iter().flatten() {
        let doc = doc_key(d["path"].as_str().unwrap_or_default());
        for e in d["entities"].as_array().into_iter().flatten() {
            let id = e["id"].as_str().unwrap_or_default().to_string();
            found.insert((doc.clone(), id), e["count"].as_u64().unwrap_or(0));
        }
    }
    // Precision and recall over mentions (a count is that many mentions).
    let mut tp = 0;
    let (mut fp, mut fneg) = (0, 0);
    let mut diffs = Vec::new();
    for k in gold
        .keys()
        .chain(found.keys().filter(|k| !gold.contains_key(*k)))
    {
        let g = gold.get(k).copied().unwrap_or(0);
        let f = found.get(k).copied().unwrap_or(0);
        tp += g.min(f);
        fp += f.saturating_sub(g);
        fneg += g.saturating_sub(f);
        if g != f {
            diffs.push(format!("{} {}: gold {g}, found {f}", k.0, k.1));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    assert!(
        diffs.is_empty(),
        "precision {precision:.3}, recall {recall:.3}\n{}",
        diffs.join("\n")
    );
    assert_eq!(tp, 217);
}

#[test]
fn related_puts_the_event_twin_first() {
    let x = xref_json();
    let related = x["related"].as_array().cloned().unwrap_or_default();
    let first_for = |doc: &str| {
        related
            .iter()
            .find(|r| {
                doc_key(r["a"].as_str().unwrap_or_default()) == doc
                    || doc_key(r["b"].as_str().unwrap_or_default()) == doc
            })
            .map(|r| {
                let (a, b) = (
                    doc_key(r["a"].as_str().unwrap_or_default()),
                    doc_key(r["b"].as_str().unwrap_or_default()),
                );
                if a == doc {
                    b
                } else {
                    a
                }
            })
    };
    // 003 and 004 report the same meeting (8 May 2024); see the gold file's header.
    assert_eq!(first_for("003").as_deref(), Some("004"));
    assert_eq!(first_for("004").as_deref(), Some("003"));
    // Scores are cosines, best first, and the shared entities are named.
    let scores: Vec<f64> = related.iter().filter_map(|r| r["score"].as_f64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
    assert!(related
        .iter()
        .all(|r| r["shared"].as_array().is_some_and(|s| !s.is_empty())));
}

/// Dates are read per document (ISO 8601) and shared dates count in `related`: the two 2021 reports that recall
/// the ceasefire of 9 November 2020 and the meeting of 11 January 2021 share both dates.
#[test]
fn dates_per_document_and_shared_in_related() {
    let v = xref_json();
    let docs = v["documents"].as_array().cloned().unwrap_or_default();
    let dates_of = |key: &str| -> Vec<String> {
        docs.iter()
            .find(|d| doc_key(d["path"].as_str().unwrap_or_default()) == key)
            .and_then(|d| d["dates"].as_array().cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|t| t["date"].as_str().map(str::to_string))
            .collect()
    };
    assert_eq!(dates_of("004"), ["2024-05-09"]);
    assert!(dates_of("002").contains(&"2021-07-07".to_string()));
    assert!(
        dates_of("003").is_empty(),
        "003 names weekdays and months only"
    );
    let related = v["related"].as_array().cloned().unwrap_or_default();
    let pair = related
        .iter()
        .find(|r| {
            let (a, b) = (
                doc_key(r["a"].as_str().unwrap_or_default()),
                doc_key(r["b"].as_str().unwrap_or_default()),
            );
            (a.as_str(), b.as_str()) == ("001", "002")
        })
        .unwrap_or_else(|| panic!("no 001–002 pair: {related:?}"));
    let shared: Vec<&str> = pair["shared_dates"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(shared, ["2020-11-09", "2021-01-11"]);
}
