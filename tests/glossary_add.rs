//! `qamus glossary add FILE --from CSV` through the real binary: bytes kept, conflicts refused with the file
//! unchanged, two concurrent runs both landing, and a run killed mid-write leaving the old file intact.
//!
//! The concurrency and kill tests use the documented test hook `QAMUS_TEST_PAUSE_BEFORE_RENAME_MS`
//! (`qamus::fsio`), which makes a write pause between fsyncing its temporary file and renaming it.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use qamus::fsio::TEST_PAUSE_ENV;

/// A glossary written the way people write them: BOM, CRLF, comments between rows, quoted fields, an extra
/// column, columns in an unusual order.
const TARGET: &str = "\u{FEFF}# Reviewed names, keep sorted by hand\r\nen,id,type,ar,ar_variants,source,note\r\n\"Kremlin\",kremlin,ORG,الكرملين,,tass,\r\n# people\r\n\"Peskov, Dmitry\",dmitry-peskov,PER,دميتري بيسكوف,ديمتري بيسكوف,\"wiki, 2024\",\r\n";

fn fixture(target: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let g = dir.path().join("g.csv");
    std::fs::write(&g, target).unwrap_or_else(|e| panic!("{e}"));
    (dir, g)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
    p
}

fn qamus() -> Command {
    Command::cargo_bin("qamus").unwrap_or_else(|e| panic!("{e}"))
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{e}"))
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp."))
        .collect()
}

#[test]
fn keeps_every_byte_and_appends_in_the_files_own_style() {
    let (dir, g) = fixture(TARGET);
    let from = write(
        dir.path(),
        "c.csv",
        "id,type,en,ar,note,count\nsergei-lavrov,PER,Sergei Lavrov,سيرغي لافروف,\"seen 3 times\",3\n",
    );
    let out = qamus()
        .args(["glossary", "add"])
        .arg(&g)
        .arg("--from")
        .arg(&from)
        .assert()
        .code(0)
        .get_output()
        .clone();
    let new = read(&g);
    assert!(new.starts_with(TARGET.as_bytes()), "old bytes changed");
    let tail = String::from_utf8_lossy(&new[TARGET.len()..]).into_owned();
    assert_eq!(
        tail,
        "Sergei Lavrov,sergei-lavrov,PER,سيرغي لافروف,,,seen 3 times\r\n"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("c.csv:2 as ") && stdout.contains("g.csv:6: sergei-lavrov"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("count"));
    qamus().args(["glossary", "check"]).arg(&g).assert().code(0);
    let looked = qamus()
        .args([
            "lookup",
            "--no-default-glossary",
            "--format",
            "jsonl",
            "--glossary",
        ])
        .arg(&g)
        .arg("لافروف")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&looked).contains("sergei-lavrov"));
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn lf_files_get_lf_rows() {
    let target = "id,en\nkremlin,Kremlin\n";
    let (dir, g) = fixture(target);
    let from = write(dir.path(), "c.csv", "en\r\nTASS\r\n");
    qamus()
        .args(["glossary", "add"])
        .arg(&g)
        .arg("--from")
        .arg(&from)
        .assert()
        .code(0);
    assert_eq!(
        String::from_utf8_lossy(&read(&g)),
        "id,en\nkremlin,Kremlin\ntass,TASS\n"
    );
}

#[test]
fn a_new_spelling_of_a_known_entry_extends_its_row_only() {
    let (dir, g) = fixture(TARGET);
    let from = write(
        dir.path(),
        "c.csv",
        "id,type,en,ar_variants,note\ndmitry-peskov,PER,\"Peskov, Dmitry\",دميتري بسكوف,seen twice\n",
    );
    let out = qamus()
        .args(["glossary", "add"])
        .arg(&g)
        .arg("--from")
        .arg(&from)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&out).starts_with("extended "));
    let want = TARGET.replace("ديمتري بيسكوف,", "ديمتري بيسكوف|دميتري بسكوف,");
    assert_eq!(String::from_utf8_lossy(&read(&g)), want);
}

#[test]
fn dry_run_changes_nothing() {
    let (dir, g) = fixture(TARGET);
    let from = write(dir.path(), "c.csv", "en,type\nInterfax,ORG\n");
    let out = qamus()
        .args(["glossary", "add", "--dry-run"])
        .arg(&g)
        .arg("--from")
        .arg(&from)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let stdout = String::from_utf8_lossy(&out);
    assert!(
        stdout.starts_with("would add ") && stdout.contains("Interfax,interfax,ORG"),
        "{stdout}"
    );
    assert_eq!(read(&g), TARGET.as_bytes());
}

#[test]
fn an_identical_row_is_skipped_and_nothing_added_exits_1() {
    let (dir, g) = fixture(TARGET);
    let from = write(
        dir.path(),
        "c.csv",
        "id,en,type,ar,source\nkremlin,Kremlin,ORG,الكرملين,tass\n",
    );
    let out = qamus()
        .args(["glossary", "add"])
        .arg(&g)
        .arg("--from")
        .arg(&from)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8_lossy(&out).contains("skipped")
            && String::from_utf8_lossy(&out).contains("g.csv:3")
    );
    assert_eq!(read(&g), TARGET.as_bytes());
}

#[test]
fn conflicts_are_refused_naming_both_lines_and_the_file_is_unchanged() {
    let cases = [
        // The same id with other content.
        ("id,en,type\nkremlin,The Kremlin,ORG\n", "g.csv:3"),
        // A form already claimed by another entry (marks do not make it new).
        (
            "id,en,type,ar\nkremlin-palace,Kremlin Palace,ORG,الكرملِين\n",
            "g.csv:3",
        ),
        // A variant of another entry.
        (
            "id,en,type,ar\npeskov-2,D. Peskov,PER,ديمتري بيسكوف\n",
            "g.csv:5",
        ),
    ];
    for (candidates, other_side) in cases {
        let (dir, g) = fixture(TARGET);
        let from = write(dir.path(), "c.csv", candidates);
        let out = qamus()
            .args(["glossary", "add"])
            .arg(&g)
            .arg("--from")
            .arg(&from)
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("refused"), "{stderr}");
        assert!(
            stderr.contains("c.csv:2") && stderr.contains(other_side),
            "{candidates}: {stderr}"
        );
        assert!(out.stdout.is_empty());
        assert_eq!(read(&g), TARGET.as_bytes());
        assert!(temporaries(dir.path()).is_empty());
    }
}

#[test]
fn files_that_do_not_load_are_refused() {
    let (dir, g) = fixture("id,en\nkremlin,Kremlin,extra\n");
    let from = write(dir.path(), "c.csv", "en\nTASS\n");
    let out = qamus()
        .args(["glossary", "add"])
        .arg(&g)
        .arg("--from")
        .arg(&from)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("g.csv:2"));
    let missing = dir.path().join("missing.csv");
    qamus()
        .args(["glossary", "add"])
        .arg(&missing)
        .arg("--from")
        .arg(&from)
        .assert()
        .code(2);
    assert!(!missing.exists() && !dir.path().join("missing.csv.lock").exists());
    qamus()
        .args(["glossary", "add"])
        .arg(dir.path())
        .arg("--from")
        .arg(&from)
        .assert()
        .code(2);
}

/// Two runs started together, each adding a different row, both pausing before their rename: without the lock
/// both would read the old file and the second rename would drop the first row.
#[test]
fn two_concurrent_runs_both_land() {
    let (dir, g) = fixture(TARGET);
    let a = write(dir.path(), "a.csv", "en,type\nInterfax,ORG\n");
    let b = write(dir.path(), "b.csv", "en,type\nTASS,ORG\n");
    let bin = assert_cmd::cargo::cargo_bin("qamus");
    let spawn = |from: &Path| {
        std::process::Command::new(&bin)
            .args(["glossary", "add"])
            .arg(&g)
            .arg("--from")
            .arg(from)
            .env(TEST_PAUSE_ENV, "400")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let (mut pa, mut pb) = (spawn(&a), spawn(&b));
    let ca = pa.wait().unwrap_or_else(|e| panic!("{e}"));
    let cb = pb.wait().unwrap_or_else(|e| panic!("{e}"));
    assert!(ca.success() && cb.success());
    let text = String::from_utf8_lossy(&read(&g)).into_owned();
    assert!(text.starts_with(TARGET));
    assert!(
        text.contains("Interfax,interfax,ORG") && text.contains("TASS,tass,ORG"),
        "{text}"
    );
    qamus().args(["glossary", "check"]).arg(&g).assert().code(0);
}

/// A run killed between writing its temporary file and renaming it leaves the glossary as it was, and the next
/// run (the lock released with the dead process) works.
#[test]
fn a_run_killed_mid_write_leaves_the_old_file() {
    let (dir, g) = fixture(TARGET);
    let from = write(dir.path(), "c.csv", "en,type\nInterfax,ORG\n");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("qamus"))
        .args(["glossary", "add"])
        .arg(&g)
        .arg("--from")
        .arg(&from)
        .env(TEST_PAUSE_ENV, "60000")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let start = Instant::now();
    while temporaries(dir.path()).is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no temporary file appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap_or_else(|e| panic!("{e}"));
    let _ = child.wait();
    assert_eq!(read(&g), TARGET.as_bytes());
    qamus()
        .args(["glossary", "add"])
        .arg(&g)
        .arg("--from")
        .arg(&from)
        .assert()
        .code(0);
    assert!(String::from_utf8_lossy(&read(&g)).contains("Interfax"));
}
