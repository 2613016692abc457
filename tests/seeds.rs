//! Every spelling of an entity in the seed documents resolves to its canonical entry through the real binary
//! (`tests/data/seed_spellings.tsv`, one row per spelling, naming the rule it exercises).

use assert_cmd::Command;

const CASES: &str = include_str!("data/seed_spellings.tsv");

fn cases() -> Vec<(&'static str, &'static str, &'static str)> {
    CASES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((c.next()?, c.next()?, c.next()?))
        })
        .collect()
}

#[test]
fn every_seed_spelling_resolves_to_its_entry() {
    let cases = cases();
    assert!(cases.len() >= 50);
    let input: String = cases.iter().map(|(s, _, _)| format!("{s}\n")).collect();
    let out = Command::cargo_bin("qamus")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(["lookup", "--format", "jsonl", "-"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_default())
        .collect();
    assert_eq!(lines.len(), cases.len());
    let wrong: Vec<String> = cases
        .iter()
        .zip(&lines)
        .filter(|((_, id, _), got)| got["matches"][0]["id"] != *id)
        .map(|((s, id, rule), got)| {
            format!(
                "{s} ({rule}): expected {id}, got {}",
                got["matches"][0]["id"]
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_seed_documents_are_shipped_unchanged() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/seeds");
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    if !shared.exists() {
        eprintln!("note: ../shared/corpus/seeds absent (it exists in the source tree only): comparison skipped");
        return;
    }
    for entry in std::fs::read_dir(&shared).into_iter().flatten().flatten() {
        let ours = std::fs::read(dir.join(entry.file_name())).unwrap_or_default();
        let theirs = std::fs::read(entry.path()).unwrap_or_default();
        assert_eq!(ours, theirs, "{:?}", entry.file_name());
    }
}

/// Named variants and names that must find nothing (`tests/data/lookup_cases.tsv`), through the real binary.
#[test]
fn named_variants_and_non_names() {
    let cases: Vec<Vec<&str>> = include_str!("data/lookup_cases.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(cases.len() >= 25);
    let mut wrong = Vec::new();
    for c in &cases {
        let (query, id, threshold, rule) = (c[0], c[1], c[2], c[3]);
        let mut cmd = Command::cargo_bin("qamus").unwrap_or_else(|e| panic!("{e}"));
        cmd.args(["lookup", "--format", "jsonl"]);
        if threshold != "default" {
            cmd.args(["--threshold", threshold]);
        }
        let out = cmd.arg(query).output().unwrap_or_else(|e| panic!("{e}"));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let got = v["matches"][0]["id"].as_str().unwrap_or("-").to_string();
        if got != id {
            wrong.push(format!("{query} ({rule}): expected {id}, got {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
