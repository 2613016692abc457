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

/// The five seed articles `n` times each, in a directory of their own.
fn copies(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut seeds: Vec<_> = std::fs::read_dir(SEEDS)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.path())
        .collect();
    seeds.sort();
    for copy in 0..n {
        for s in &seeds {
            let name = format!(
                "{copy}_{}",
                s.file_name().and_then(|n| n.to_str()).unwrap_or("x")
            );
            std::fs::copy(s, dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    dir
}

fn xref_out(args: &[&str]) -> Vec<u8> {
    Command::cargo_bin("qamus")
        .unwrap_or_else(|e| panic!("{e}"))
        .arg("xref")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

#[test]
fn a_larger_collection_keeps_each_documents_closest_and_a_narrow_report() {
    let dir = copies(6);
    let path = dir.path().to_str().unwrap_or_default();
    let json = |args: &[&str]| -> serde_json::Value {
        serde_json::from_slice(&xref_out(args)).unwrap_or_else(|e| panic!("{e}"))
    };
    // Every pair of the 30 documents shares entities: 435 pairs; each keeps its 10 closest by default, 2 when asked.
    let all = json(&["--format", "json", "--related", "0", path]);
    assert_eq!(all["related"].as_array().map(Vec::len), Some(30 * 29 / 2));
    for (k, most) in [(None, 30 * 10), (Some("2"), 30 * 2)] {
        let mut args = vec!["--format", "json"];
        if let Some(k) = k {
            args.extend(["--related", k]);
        }
        args.push(path);
        let some = json(&args);
        let pairs = some["related"].as_array().cloned().unwrap_or_default();
        assert!(
            !pairs.is_empty() && pairs.len() <= most,
            "{k:?}: {} pairs",
            pairs.len()
        );
        // Copies of one article score 1 and come first.
        assert_eq!(pairs[0]["score"].as_f64(), Some(1.0));
        let kept = |p: &serde_json::Value| all["related"].as_array().is_some_and(|a| a.contains(p));
        assert!(
            pairs.iter().all(kept),
            "{k:?}: a kept pair is one of every pair"
        );
    }
    // The Markdown report has no column per document past twenty documents.
    let md = String::from_utf8(xref_out(&[path])).unwrap_or_default();
    assert!(
        md.contains("| entity | type | documents | total | most in |"),
        "{md}"
    );
    assert!(
        md.contains(" more)"),
        "a spelling names its first documents and how many more: {md}"
    );
    assert!(md.lines().all(|l| l.len() < 2_000), "a long line");
}

#[test]
fn a_large_collections_page_lists_where_each_entity_is_named_most() {
    // 65 documents: past the page's 60 columns.
    let dir = copies(13);
    let path = dir.path().to_str().unwrap_or_default();
    let page = String::from_utf8(xref_out(&["--format", "html", path])).unwrap_or_default();
    assert!(page.contains("<th>documents</th><th>total</th><th>most in</th>"));
    // Each of the documents named most links to its mentions, which the page holds.
    assert!(
        page.contains("<a href=\"#m2-vladimir-putin\">D2</a> ×10"),
        "a link to D2's mentions of Putin"
    );
    assert!(
        page.contains("id=\"m2-vladimir-putin\""),
        "the target of that link"
    );
    assert!(
        page.contains(" more)"),
        "a spelling names its first documents and how many more"
    );
    // Mentions in context only where a link leads (a page of thousands of documents stays a page): D2 names Putin
    // most, D13 is a copy that no row links to.
    assert!(
        !page.contains("id=\"m13-vladimir-putin\""),
        "no block nothing links to"
    );
    assert!(
        page.contains("<tr id=\"d13\">"),
        "the documents' rows are what D1, D2… link to"
    );
    every_link_has_one_target(&page);
}

#[test]
fn a_small_collections_page_links_every_mention() {
    let page = String::from_utf8(xref_out(&["--format", "html", SEEDS])).unwrap_or_default();
    assert!(page.contains("id=\"m2-vladimir-putin\""));
    every_link_has_one_target(&page);
}

/// Every `href="#x"` of `page` has one element `id="x"`, and no id is used twice.
fn every_link_has_one_target(page: &str) {
    let values = |attr: &str| -> Vec<String> {
        page.split(attr)
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_string)
            .collect()
    };
    let ids = values(" id=\"");
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "an id used twice");
    for target in values("href=\"#") {
        assert!(
            unique.contains(&target),
            "a link to #{target}, which the page lacks"
        );
    }
}
