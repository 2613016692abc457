//! `qamus index build` / `index check` and `--glossary FILE.qidx`, through the real binary: an index answers
//! exactly as its CSV does, in every command that takes a glossary, and a stale or damaged one is refused.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use tempfile::TempDir;

const GLOSSARY: &str = "id,type,en,ar,en_variants,ar_variants,note
# my entries
peskov,PER,Dmitry Peskov,دميتري بيسكوف,Peskov,ديمتري بيسكوف,spokesman
acme,ORG,Acme Trading,أكمي للتجارة,,,
";

fn qamus(args: &[&str]) -> Output {
    Command::cargo_bin("qamus")
        .unwrap_or_else(|e| panic!("binary: {e}"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Asserts that an output holds `needle`, showing the output when it does not.
fn assert_contains(out: &[u8], needle: &str) {
    let t = text(out);
    assert!(t.contains(needle), "{needle:?} not in: {t}");
}

struct Fixture {
    _dir: TempDir,
    csv: PathBuf,
    index: PathBuf,
}

fn fixture(extra: &[&str]) -> Fixture {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let csv = dir.path().join("mine.csv");
    std::fs::write(&csv, GLOSSARY).unwrap_or_else(|e| panic!("write: {e}"));
    let index = dir.path().join("names.qidx");
    let mut args = vec!["index", "build", s(&csv), "-o", s(&index)];
    args.extend_from_slice(extra);
    let out = qamus(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_contains(&out.stderr, "wrote");
    Fixture {
        _dir: dir,
        csv,
        index,
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap_or_else(|| panic!("utf-8 path"))
}

#[test]
fn lookup_through_an_index_prints_what_the_csv_prints() {
    let f = fixture(&[]);
    let queries = [
        "بسكوف",
        "لبوتين",
        "Paschinjan",
        "أكمي للتجارة",
        "Peskov",
        "xyzzy",
    ];
    for format in ["table", "jsonl"] {
        for q in queries {
            let a = qamus(&[
                "lookup",
                "--format",
                format,
                "--top",
                "3",
                "-g",
                s(&f.csv),
                q,
            ]);
            let b = qamus(&[
                "lookup",
                "--format",
                format,
                "--top",
                "3",
                "-g",
                s(&f.index),
                q,
            ]);
            assert_eq!(text(&a.stdout), text(&b.stdout), "{format} {q}");
            assert_eq!(a.status.code(), b.status.code(), "{q}");
        }
    }
}

#[test]
fn scan_and_xref_take_an_index() {
    let f = fixture(&[]);
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/seeds");
    for (cmd, format) in [("scan", "jsonl"), ("xref", "json")] {
        let a = qamus(&[cmd, "--format", format, "-g", s(&f.csv), seeds]);
        let b = qamus(&[cmd, "--format", format, "-g", s(&f.index), seeds]);
        let (a, b) = (text(&a.stdout), text(&b.stdout));
        assert!(a.lines().count() > 3, "{cmd}: {a}");
        assert_eq!(a, b, "{cmd}");
    }
    let a = qamus(&["discover", "-g", s(&f.csv), seeds]);
    let b = qamus(&["discover", "-g", s(&f.index), seeds]);
    assert_eq!(text(&a.stdout), text(&b.stdout), "discover");
}

#[test]
fn an_index_without_the_shipped_glossary() {
    let f = fixture(&["--no-default-glossary"]);
    // Alone, as built: only its own entries.
    let out = qamus(&[
        "lookup",
        "--no-default-glossary",
        "-g",
        s(&f.index),
        "بوتين",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let out = qamus(&[
        "lookup",
        "--no-default-glossary",
        "-g",
        s(&f.index),
        "بيسكوف",
    ]);
    assert_contains(&out.stdout, "peskov");
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    // With the shipped glossary under it (loaded, not mapped): both, and a note that says so and how to avoid it.
    let out = qamus(&["lookup", "-g", s(&f.index), "بوتين", "أكمي للتجارة"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_contains(&out.stderr, "indexed anew in memory");
    assert_contains(&out.stderr, "--no-default-glossary");
}

#[test]
fn an_index_with_the_shipped_glossary_keeps_it() {
    let f = fixture(&[]);
    // Opened as built, without a note, whether or not the shipped glossary is asked for: it is in the index.
    for extra in [&[][..], &["--no-default-glossary"][..]] {
        let mut args = vec!["lookup"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["-g", s(&f.index), "بوتين", "بيسكوف"]);
        let out = qamus(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{extra:?}: {}",
            text(&out.stdout)
        );
        assert!(out.stderr.is_empty(), "{extra:?}: {}", text(&out.stderr));
    }
    // With a CSV beside it, every layer is indexed anew, and a note says so.
    let out = qamus(&["lookup", "-g", s(&f.index), "-g", s(&f.csv), "بوتين"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_contains(&out.stderr, "opened with other glossary files");
}

#[test]
fn a_stale_index_is_refused_with_the_command_that_rebuilds_it() {
    let f = fixture(&[]);
    std::fs::write(&f.csv, format!("{GLOSSARY}x,PER,X Y,إكس واي,,,\n"))
        .unwrap_or_else(|e| panic!("write: {e}"));
    let out = qamus(&["lookup", "-g", s(&f.index), "بيسكوف"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.contains("stale index"), "{err}");
    assert!(err.contains("mine.csv changed"), "{err}");
    assert!(err.contains("qamus index build"), "{err}");
    let out = qamus(&["index", "check", s(&f.index)]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&out.stdout, "stale index");
    // Rebuilt as told, it opens again.
    let out = qamus(&["index", "build", s(&f.csv), "-o", s(&f.index)]);
    assert_eq!(out.status.code(), Some(0));
    let out = qamus(&["index", "check", s(&f.index)]);
    assert_eq!(out.status.code(), Some(0));
    assert_contains(&out.stdout, ": ok: ");
}

#[test]
fn a_damaged_index_is_refused() {
    let f = fixture(&[]);
    let mut bytes = std::fs::read(&f.index).unwrap_or_else(|e| panic!("read: {e}"));
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&f.index, &bytes).unwrap_or_else(|e| panic!("write: {e}"));
    for args in [
        vec!["lookup", "-g", s(&f.index), "بيسكوف"],
        vec!["index", "check", s(&f.index)],
    ] {
        let out = qamus(&args);
        let all = text(&out.stdout) + &text(&out.stderr);
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert!(all.contains("damaged index"), "{all}");
        assert!(all.contains("names.qidx"), "{all}");
    }
    bytes.truncate(100);
    std::fs::write(&f.index, &bytes).unwrap_or_else(|e| panic!("write: {e}"));
    let out = qamus(&["lookup", "-g", s(&f.index), "بيسكوف"]);
    assert_eq!(out.status.code(), Some(2));
    assert_contains(&out.stderr, "damaged index");
}

#[test]
fn build_refuses_a_bad_glossary_and_writes_nothing() {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "id,type,en\nx,PERSON,X\n").unwrap_or_else(|e| panic!("write: {e}"));
    let out_path = dir.path().join("bad.qidx");
    let out = qamus(&["index", "build", s(&csv), "-o", s(&out_path)]);
    assert_eq!(out.status.code(), Some(2));
    assert_contains(&out.stderr, "bad.csv:2");
    assert!(!out_path.exists());
}

#[test]
fn an_index_where_a_csv_is_edited_is_named_as_such() {
    let f = fixture(&[]);
    let out = qamus(&["glossary", "check", s(&f.index)]);
    assert_eq!(out.status.code(), Some(1));
    let all = text(&out.stdout) + &text(&out.stderr);
    assert!(
        all.contains("a compiled qamus index, not a CSV glossary"),
        "{all}"
    );
    assert!(!all.contains("invalid UTF-8"), "{all}");
    let from = f.csv.with_file_name("new.csv");
    std::fs::write(&from, "id,type,en,ar\nz,PER,Zed,زد\n").unwrap_or_else(|e| panic!("write: {e}"));
    let before = std::fs::read(&f.index).unwrap_or_else(|e| panic!("read: {e}"));
    let out = qamus(&["glossary", "add", s(&f.index), "--from", s(&from)]);
    assert_eq!(out.status.code(), Some(2));
    assert_contains(&out.stderr, "a compiled qamus index");
    assert_eq!(std::fs::read(&f.index).unwrap_or_default(), before);
}

#[test]
fn stats_of_an_index_list_each_layer_once() {
    let f = fixture(&[]);
    let a = text(&qamus(&["glossary", "stats", "-g", s(&f.csv)]).stdout);
    let b = text(&qamus(&["glossary", "stats", "-g", s(&f.index)]).stdout);
    assert_eq!(a, b);
}
