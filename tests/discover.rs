//! `qamus discover` through the real binary, and its output appended with `qamus glossary add`: the round trip
//! the two commands exist for.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn qamus() -> Command {
    Command::cargo_bin("qamus").unwrap_or_else(|e| panic!("{e}"))
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
    p
}

fn lookup_id(g: &Path, query: &str) -> String {
    let out = qamus()
        .args([
            "lookup",
            "--no-default-glossary",
            "--format",
            "jsonl",
            "--glossary",
        ])
        .arg(g)
        .arg(query)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    v["matches"][0]["id"].as_str().unwrap_or("").to_string()
}

#[test]
fn names_after_titles_round_trip_into_the_glossary() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let g = write(
        dir.path(),
        "g.csv",
        "id,type,en,ar,en_variants,ar_variants,note\nkremlin,ORG,Kremlin,الكرملين,,,\n",
    );
    write(
        dir.path(),
        "docs/a.txt",
        "قال الرئيس الروسي فلاديمير بوتين إن المحادثات مستمرة.",
    );
    write(
        dir.path(),
        "docs/sub/b.md",
        "وأعلن المتحدث باسم الكرملين دميتري بيسكوف أن الرئيس فلاديمير بوتين، في سوتشي.",
    );
    write(dir.path(), "docs/skip.csv", "الرئيس فلاديمير بوتين");
    let out = qamus()
        .args(["discover", "--no-default-glossary", "--glossary"])
        .arg(&g)
        .arg(dir.path().join("docs"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8_lossy(&out).into_owned();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "id,type,en,ar,en_variants,ar_variants,note");
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(
        rows[1].starts_with(",PER,")
            && rows[1].contains("فلاديمير بوتين")
            && rows[1].contains("2× in 2 document(s)"),
        "{csv}"
    );
    let cands = write(dir.path(), "cands.csv", &csv);
    qamus()
        .args(["glossary", "add"])
        .arg(&g)
        .arg("--from")
        .arg(&cands)
        .assert()
        .code(0);
    assert!(!lookup_id(&g, "فلاديمير بوتين").is_empty());
    assert_eq!(lookup_id(&g, "الكرملين"), "kremlin");
    // A second discovery finds nothing new: exit 1, the header alone.
    qamus()
        .args(["discover", "--no-default-glossary", "--glossary"])
        .arg(&g)
        .arg(dir.path().join("docs"))
        .assert()
        .code(1);
}

#[test]
fn a_new_spelling_extends_its_entry() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let g = write(
        dir.path(),
        "g.csv",
        "id,type,en,ar,en_variants,ar_variants,note\r\npashinyan,PER,Nikol Pashinyan,نيكول باشينيان,,باشينيان,\r\n",
    );
    let doc = write(
        dir.path(),
        "a.txt",
        "التقى نيكول باشينيانن وزراء حكومته اليوم",
    );
    let out = qamus()
        .args([
            "discover",
            "--min-score",
            "0.6",
            "--no-default-glossary",
            "--glossary",
        ])
        .arg(&g)
        .arg(&doc)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let cands = write(dir.path(), "cands.csv", &String::from_utf8_lossy(&out));
    qamus()
        .args(["glossary", "add"])
        .arg(&g)
        .arg("--from")
        .arg(&cands)
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&g).unwrap_or_default();
    assert!(text.starts_with("id,type,en,ar,en_variants,ar_variants,note\r\npashinyan,PER,Nikol Pashinyan,نيكول باشينيان,,باشينيان|"), "{text}");
    assert_eq!(text.lines().count(), 2, "{text}");
    assert_eq!(lookup_id(&g, "باشينيانن"), "pashinyan");
}

#[test]
fn a_missing_path_is_an_error() {
    qamus()
        .args(["discover", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no/such/file.txt"));
}

/// A name after a feminine title and a nationality adjective (النائبة الأمريكية) is proposed: the title list has
/// the feminine forms of the offices of the news.
#[test]
fn a_name_after_a_feminine_title() {
    let text = "وقالت النائبة الأمريكية رشيدة طليب إن على الصين أن ترد.";
    let g = qamus::glossary::Glossary::builtin();
    let m = qamus::matcher::Matcher::new(g);
    let options = qamus::discover::Options {
        min_count: 1,
        ..qamus::discover::Options::default()
    };
    let found = qamus::discover::discover(&[("d".to_string(), text.to_string())], &m, &options);
    let names: Vec<&str> = found.iter().map(|c| c.ar.as_str()).collect();
    assert_eq!(names, ["رشيدة طليب"]);
}
