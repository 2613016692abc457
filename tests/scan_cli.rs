//! `qamus scan` and `qamus xref` run as a user would (assert_cmd): formats, inputs, exit codes, errors.

use predicates::prelude::*;
use tempfile::TempDir;

fn qamus() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("qamus").unwrap_or_else(|e| panic!("binary: {e}"))
}

const GLOSSARY: &str = "id,type,en,ar,en_variants,ar_variants,note
putin,PER,Vladimir Putin,فلاديمير بوتين,,,
kremlin,ORG,Kremlin,الكرملين,,الكريملن,
karabakh,LOC,Nagorno-Karabakh,ناغورنو كاراباخ,,ناغورني قره باغ|قره باغ,
";

/// A temporary directory with `g.csv` and a few documents.
fn fixture() -> (TempDir, String) {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let w = |name: &str, body: &[u8]| {
        let p = dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
        }
        std::fs::write(p, body).unwrap_or_else(|e| panic!("write: {e}"));
    };
    w("g.csv", GLOSSARY.as_bytes());
    w(
        "docs/a.txt",
        "قال بوتين للكرملين.\nالوضع في ناغورني قره باغ".as_bytes(),
    );
    w(
        "docs/sub/b.html",
        "<p>فلاديمير &amp; <b>بوتين</b></p><script>الكرملين</script>".as_bytes(),
    );
    w("docs/c.md", "لا شيء هنا".as_bytes());
    w("bad.txt", b"\xD8\xA8\xFF");
    let g = dir.path().join("g.csv").display().to_string();
    (dir, g)
}

fn args<'a>(g: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["--no-default-glossary", "--glossary", g];
    v.extend_from_slice(rest);
    v
}

#[test]
fn scan_jsonl_has_every_field_and_real_offsets() {
    let (dir, g) = fixture();
    let a = dir.path().join("docs/a.txt");
    let a = a.display().to_string();
    let out = qamus()
        .arg("scan")
        .args(args(&g, &["--format", "jsonl", &a]))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = std::fs::read_to_string(&a).unwrap_or_default();
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["surface"].as_str().unwrap_or_default(),
                r["id"].as_str().unwrap_or_default(),
                r["detail"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("بوتين", "putin", "family name"),
            ("للكرملين", "kremlin", "clitic لل"),
            ("ناغورني قره باغ", "karabakh", "")
        ]
    );
    for r in &rows {
        for k in [
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
        ] {
            assert!(r.get(k).is_some(), "{k} missing in {r}");
        }
        let (s, e) = (
            r["start"].as_u64().unwrap_or(0) as usize,
            r["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(text.get(s..e), r["surface"].as_str());
        let cs = r["char_start"].as_u64().unwrap_or(0) as usize;
        assert_eq!(text[..s].chars().count(), cs);
        assert_eq!(r["doc"].as_str(), Some(a.as_str()));
    }
}

#[test]
fn scan_walks_directories_in_order_and_reads_html_text() {
    let (dir, g) = fixture();
    let docs = dir.path().join("docs").display().to_string();
    let out = qamus()
        .arg("scan")
        .args(args(&g, &["--format", "tsv", &docs]))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out).into_owned();
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("doc\tstart\tend\tchar_start\tchar_end\tsurface\tid\ten\ttype\tscore\tmethod\tdetail")
    );
    let rows: Vec<(String, String)> = lines
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let file = c[0].rsplit('/').next().unwrap_or_default().to_string();
            (file, c[6].to_string())
        })
        .collect();
    // a.txt, then c.md (nothing), then sub/b.html: the script's text is not read, the entity is decoded.
    let want = [
        ("a.txt", "putin"),
        ("a.txt", "kremlin"),
        ("a.txt", "karabakh"),
        ("b.html", "putin"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(rows, want);
}

#[test]
fn scan_csv_and_pretty() {
    let (dir, g) = fixture();
    let a = dir.path().join("docs/a.txt").display().to_string();
    let out = qamus()
        .arg("scan")
        .args(args(&g, &["--format", "csv", &a]))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut r = csv::Reader::from_reader(out.as_slice());
    let headers = r.headers().cloned().unwrap_or_default();
    assert_eq!(headers.get(5), Some("surface"));
    assert_eq!(r.records().count(), 3);
    qamus()
        .args(["--color", "never", "scan"])
        .args(args(&g, &[&a]))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "قال [[بوتين|putin]] [[للكرملين|kremlin]].",
        ));
    qamus()
        .args(["--color", "always", "scan"])
        .args(args(&g, &[&a]))
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[1;32mبوتين\x1b[0m"));
}

#[test]
fn scan_reads_stdin_and_jsonl() {
    let (_dir, g) = fixture();
    qamus()
        .arg("scan")
        .args(args(&g, &["--format", "tsv", "-"]))
        .write_stdin("زار بوتين الكرملين")
        .assert()
        .success()
        .stdout(predicate::str::contains("-\t7\t17\t4\t9\tبوتين\tputin"));
    let out = qamus()
        .arg("scan")
        .args(args(
            &g,
            &[
                "--jsonl-field",
                "body",
                "--id-field",
                "id",
                "--format",
                "jsonl",
            ],
        ))
        .write_stdin("{\"id\":\"x1\",\"body\":\"بوتين\"}\n{\"id\":\"x2\",\"body\":\"قره باغ\"}\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs: Vec<String> = String::from_utf8_lossy(&out)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| v["doc"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(docs, ["x1", "x2"]);
}

#[test]
fn exit_codes_found_nothing_error() {
    let (dir, g) = fixture();
    let c = dir.path().join("docs/c.md").display().to_string();
    qamus().arg("scan").args(args(&g, &[&c])).assert().code(1);
    qamus().arg("xref").args(args(&g, &[&c])).assert().code(1);
    let bad = dir.path().join("bad.txt").display().to_string();
    qamus()
        .arg("scan")
        .args(args(&g, &[&bad]))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.txt:1:2 (byte 2): invalid UTF-8",
        ));
    qamus()
        .arg("scan")
        .args(args(&g, &["--lossy", &bad]))
        .assert()
        .code(1);
    qamus()
        .arg("scan")
        .args(args(&g, &["/no/such/file.txt"]))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/file.txt"));
    qamus()
        .arg("scan")
        .args(args(&g, &["--fuzzy-threshold", "2", &c]))
        .assert()
        .code(2);
    qamus()
        .args(["xref", "--format", "json"])
        .args(args(&g, &["--jsonl-field", "text", "-"]))
        .write_stdin("not json\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>:1"));
}

#[test]
fn xref_formats() {
    let (dir, g) = fixture();
    let docs = dir.path().join("docs").display().to_string();
    let out = qamus()
        .args(["xref", "--format", "json"])
        .args(args(&g, &[&docs]))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap_or_default();
    let documents = v["documents"].as_array().cloned().unwrap_or_default();
    assert_eq!(documents.len(), 3);
    let a = &documents[0]["entities"];
    assert_eq!(a[0]["id"], "putin");
    assert_eq!(a[0]["count"], 1);
    assert_eq!(a[0]["surfaces"], serde_json::json!(["بوتين"]));
    assert_eq!(a[0]["type"], "PER");
    let related = v["related"].as_array().cloned().unwrap_or_default();
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["shared"], serde_json::json!(["putin"]));
    assert!(related[0]["a"]
        .as_str()
        .is_some_and(|p| p.ends_with("a.txt")));
    qamus()
        .args(["xref"])
        .args(args(&g, &[&docs]))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("## Entities × documents").and(predicate::str::contains(
                "| Vladimir Putin `putin` | PER | 1 | | 1 | 2 |",
            )),
        );
    let out = qamus()
        .args(["xref", "--format", "csv"])
        .args(args(&g, &[&docs]))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut r = csv::Reader::from_reader(out.as_slice());
    assert_eq!(r.records().count(), 4);
}

#[test]
fn xref_html_is_one_self_contained_page() {
    let (dir, g) = fixture();
    let docs = dir.path().join("docs").display().to_string();
    let out = qamus()
        .args(["xref", "--format", "html"])
        .args(args(&g, &[&docs]))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8_lossy(&out);
    assert!(page.starts_with("<!doctype html>") && page.trim_end().ends_with("</html>"));
    // No script, no outside resource.
    for bad in ["<script", "src=", "href=\"http", "@import", "url("] {
        assert!(!page.contains(bad), "{bad}");
    }
    // The heat-map cell of Putin in D1 links to its mentions in context, which exist.
    assert!(page.contains("<a href=\"#m1-putin\""));
    assert!(page.contains("<div id=\"m1-putin\">"));
    assert!(page.contains("قال <mark>بوتين</mark> للكرملين."));
    // Every in-page link has its target.
    let targets: Vec<&str> = page
        .split("href=\"#")
        .skip(1)
        .filter_map(|r| r.split('"').next())
        .collect();
    for t in targets {
        assert!(page.contains(&format!("id=\"{t}\"")), "no target for #{t}");
    }
}

#[test]
fn scan_and_xref_help_have_examples() {
    for cmd in ["scan", "xref"] {
        qamus().args([cmd, "--help"]).assert().success().stdout(
            predicate::str::contains("Examples:").and(predicate::str::contains("Exit status")),
        );
    }
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let (dir, g) = fixture();
    let many = dir.path().join("many");
    std::fs::create_dir_all(&many).unwrap_or_else(|e| panic!("mkdir: {e}"));
    for i in 0..30 {
        std::fs::write(many.join(format!("{i:02}.txt")), "بوتين").unwrap_or_else(|e| panic!("{e}"));
    }
    let many = many.display().to_string();
    qamus()
        .args(["xref", "--format", "csv"])
        .args(args(&g, &[&many]))
        .assert()
        .success()
        .stderr("");
}

/// `--excel-safe` neutralizes formula-like cells in the CSV of `scan` and `xref`, as for the `--csv` filters.
#[test]
fn excel_safe_csv_of_scan_and_xref() {
    let dir = tempfile::TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let g = dir.path().join("g.csv");
    std::fs::write(&g, "id,type,en,ar\nx,PER,=HYPERLINK(1),بوتين\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let doc = dir.path().join("d.txt");
    std::fs::write(&doc, "زار بوتين موسكو\n").unwrap_or_else(|e| panic!("{e}"));
    for cmd in ["scan", "xref"] {
        let run = |safe: bool| {
            let mut c = assert_cmd::Command::cargo_bin("qamus").unwrap_or_else(|e| panic!("{e}"));
            c.args([cmd, "--no-default-glossary", "-g"])
                .arg(&g)
                .args(["-f", "csv"]);
            if safe {
                c.arg("--excel-safe");
            }
            let out = c.arg(&doc).output().unwrap_or_else(|e| panic!("{e}"));
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        assert!(run(false).contains(",=HYPERLINK(1),"), "{cmd}");
        let safe = run(true);
        assert!(
            safe.contains(",'=HYPERLINK(1),") && !safe.contains(",=HYPERLINK"),
            "{cmd}: {safe}"
        );
    }
}

/// Misspelled names where running text expects a name (after a title, a nationality adjective between; a capitalized
/// Latin word) are found by the fuzzy matcher at the default running-text threshold.
#[test]
fn misspelled_names_after_titles_are_found() {
    let text = "قال الرئيس الروسي فلاديمير بوتن إن المحادثات مع رئيس الوزراء الأرمني نيكول باشينيانن كانت مثمرة.
وقال المتحدث باسم الكرملين ديمتري بسكوف إن الرئيس الأذربيجاني إلهام علييڤ سيزور موسكو.
وصرح الرئيس التركي رجب طيب أردوجان بأن الاتفاق جيد، بحسب Vladimir Poutine.
";
    let out = qamus()
        .args(["scan", "-f", "jsonl", "-"])
        .write_stdin(text)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let fuzzy: Vec<(String, String)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| matches!(v["method"].as_str(), Some("fuzzy" | "translit")))
        .map(|v| {
            (
                v["surface"].as_str().unwrap_or_default().to_string(),
                v["id"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let want = [
        ("فلاديمير بوتن", "vladimir-putin"),
        ("نيكول باشينيانن", "nikol-pashinyan"),
        ("ديمتري بسكوف", "dmitry-peskov"),
        ("رجب طيب أردوجان", "recep-tayyip-erdogan"),
        ("Vladimir Poutine", "vladimir-putin"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(s, i)| (s.to_string(), i.to_string()))
        .collect();
    assert_eq!(fuzzy, want);
}
