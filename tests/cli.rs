//! The real binary, run as a user would (assert_cmd): exit codes, formats, streaming, errors.

use std::io::Write;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use predicates::prelude::*;
use tempfile::TempDir;

fn qamus() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("qamus").unwrap_or_else(|e| panic!("binary: {e}"))
}

const GLOSSARY: &str = "id,type,en,ar,en_variants,ar_variants,note
peskov,PER,Dmitry Peskov,دميتري بيسكوف,,ديمتري بيسكوف,
kremlin,ORG,Kremlin,الكرملين,,الكريملن,
,LOC,Yerevan,يريفان,,,
";

/// A temporary directory holding `g.csv`.
fn fixture() -> (TempDir, String) {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("g.csv");
    std::fs::write(&path, GLOSSARY).unwrap_or_else(|e| panic!("write: {e}"));
    let p = path.display().to_string();
    (dir, p)
}

#[test]
fn help_lists_commands_with_examples() {
    qamus()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("lookup").and(predicate::str::contains("Examples:")));
    for cmd in ["lookup", "translit", "normalize", "eval", "completions"] {
        qamus()
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
}

#[test]
fn lookup_jsonl_contract() {
    let (_d, g) = fixture();
    let out = qamus()
        .args([
            "lookup",
            "--no-default-glossary",
            "--glossary",
            &g,
            "--format",
            "jsonl",
            "--top",
            "5",
            "-",
        ])
        .write_stdin("ديمتري بيسكوف\nللكرملين\nzzzz\n\n")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_default())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["matches"][0]["id"], "peskov");
    assert_eq!(lines[0]["matches"][0]["method"], "exact");
    assert_eq!(lines[1]["matches"][0]["id"], "kremlin");
    assert_eq!(lines[1]["matches"][0]["method"], "normalized");
    assert_eq!(lines[2]["matches"], serde_json::json!([]));
    assert_eq!(lines[3]["query"], "");
    for key in ["id", "en", "ar", "type", "score", "method"] {
        assert!(lines[0]["matches"][0].get(key).is_some(), "{key}");
    }
}

/// `--explain` shows the query's keys (and its other reading, when it has one), each candidate's per-key scores and
/// why the winner won.
#[test]
fn lookup_explain_shows_keys_scores_and_the_winner() {
    let (_dir, g) = fixture();
    let explain = |query: &str| {
        qamus()
            .args([
                "lookup",
                "--no-default-glossary",
                "-g",
                &g,
                "--explain",
                query,
            ])
            .assert()
            .success()
    };
    explain("بسكوف")
        .stdout(predicate::str::contains("skeleton  BSGF"))
        .stdout(predicate::str::contains("#1 Dmitry Peskov (peskov) score"))
        .stdout(predicate::str::contains("text "))
        .stdout(predicate::str::contains("/letter"))
        .stdout(predicate::str::contains("pair probability "))
        .stdout(predicate::str::contains("winner: peskov"));
    explain("Peskow")
        .stdout(predicate::str::contains("also read peskov (skeleton BSGF)"))
        .stdout(predicate::str::contains("winner: peskov"));
    // Equal scores name no winner: the four Assads of the shipped glossary share their family name.
    qamus()
        .args([
            "lookup",
            "--explain",
            "--threshold",
            "0.2",
            "--top",
            "4",
            "Assad",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("family name of 4 people"))
        .stdout(predicate::str::contains(
            "no winner: bashar-al-assad and hafez-al-assad score the same",
        ));
}

/// `--type` keeps the matches of the types asked for (here the shipped glossary: Gibbon is close to Gabon, a place,
/// and names no person); an unknown type is refused.
#[test]
fn lookup_type_filter() {
    let lookup = |args: &[&str]| qamus().arg("lookup").args(args).arg("Gibbon").assert();
    lookup(&["-f", "tsv"])
        .code(0)
        .stdout(predicate::str::contains("\tgabon\t"));
    lookup(&["--type", "PER,org"])
        .code(1)
        .stdout(predicate::str::contains("no match"));
    lookup(&["-f", "tsv", "--type", "LOC", "--type", "PER"])
        .code(0)
        .stdout(predicate::str::contains("\tgabon\t"));
    lookup(&["--type", "person"])
        .code(2)
        .stderr(predicate::str::contains("--type: unknown type \"person\""));
}

#[test]
fn lookup_exit_codes() {
    let (_d, g) = fixture();
    let base = ["lookup", "--no-default-glossary", "--glossary", &g];
    qamus().args(base).arg("الكرملين").assert().code(0);
    qamus()
        .args(base)
        .args(["الكرملين", "zzzz"])
        .assert()
        .code(1);
    qamus()
        .args([
            "lookup",
            "--no-default-glossary",
            "--glossary",
            "/nonexistent/g.csv",
            "x",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/g.csv"));
}

#[test]
fn lookup_json_and_tsv_formats() {
    let (_d, g) = fixture();
    let out = qamus()
        .args([
            "lookup",
            "--no-default-glossary",
            "-g",
            &g,
            "--format",
            "json",
            "يريفان",
            "nothing",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap_or_default();
    assert_eq!(v[0]["matches"][0]["id"], "yerevan");
    assert_eq!(v[1]["matches"], serde_json::json!([]));
    qamus()
        .args([
            "lookup",
            "--no-default-glossary",
            "-g",
            &g,
            "--format",
            "tsv",
            "يريفان",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::starts_with("query\trank\tid")
                .and(predicate::str::contains("يريفان\t1\tyerevan\tYerevan")),
        );
}

#[test]
fn a_glossary_that_does_not_load_refuses_to_run() {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,type,en,ar\na,PER,,بوتين\nb,XYZ,Bee,\n")
        .unwrap_or_else(|e| panic!("{e}"));
    qamus()
        .args(["lookup", "-g", &bad.display().to_string(), "x"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("bad.csv:2:3: missing `en`")
                .and(predicate::str::contains("bad.csv:3:2: unknown type")),
        );
}

#[test]
fn glossary_check_exit_codes() {
    let (_d, g) = fixture();
    qamus().args(["glossary", "check", &g]).assert().code(0);
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let conflict = dir.path().join("c.csv");
    std::fs::write(
        &conflict,
        "id,en,ar\na,Interfax,إنترفاكس\nb,Interfax 2,انترفاكس\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    qamus()
        .args(["glossary", "check", &conflict.display().to_string()])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("c.csv:3: warning: conflict")
                .and(predicate::str::contains("c.csv:2")),
        );
    qamus()
        .args(["glossary", "check", "/nonexistent.csv"])
        .assert()
        .code(2);
    qamus()
        .args(["glossary", "check", &dir.path().display().to_string()])
        .assert()
        .code(2);
}

#[test]
fn translit_and_normalize_stream_one_line_per_line() {
    let input = "بوتين\n\nناغورنو كراباخ\nSu-30SM\n";
    for args in [
        vec!["translit", "-"],
        vec!["translit", "--scheme", "din", "-"],
        vec!["normalize", "--level", "search", "-"],
    ] {
        let out = qamus()
            .args(&args)
            .write_stdin(input)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(String::from_utf8_lossy(&out).lines().count(), 4, "{args:?}");
    }
    qamus()
        .args(["translit", "--scheme", "buckwalter", "قره باغ"])
        .assert()
        .success()
        .stdout("qrh bAg\n");
    qamus()
        .args(["translit", "--scheme", "buckwalter", "--reverse", "qrh bAg"])
        .assert()
        .success()
        .stdout("قره باغ\n");
    qamus()
        .args(["translit", "--scheme", "plain", "--reverse", "x"])
        .assert()
        .code(2);
    qamus()
        .args(["normalize", "--level", "search", "الكريملِن", "إنترفاكس"])
        .assert()
        .success()
        .stdout("الكريملن\nانترفاكس\n");
}

/// An Arabic name no entry holds gets, in the table, how `plain` writes it (the glossary's names as spelt); the
/// machine-readable formats stay as they are.
#[test]
fn an_unmatched_arabic_name_shows_its_transliteration() {
    qamus()
        .args(["lookup", "بيتر شولتز", "Xyzzy"])
        .assert()
        .code(1)
        .stdout("بيتر شولتز  no match (plain: Peter Scholz)\nXyzzy  no match\n");
    qamus()
        .args(["lookup", "-f", "tsv", "بيتر شولتز"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("plain").not());
}

#[test]
fn plain_writes_the_names_of_the_glossary_in_use() {
    // The shipped glossary's names, by default.
    qamus()
        .args(["translit", "بوتين وباشينيان", "ناغورنو كاراباخ"])
        .assert()
        .success()
        .stdout("Putin wa-Pashinyan\nNagorno-Karabakh\n");
    // Without it, the model (and the names it knows by heart: Dmitry, and the frequent names of news prose such as
    // Putin), which reads بيسكوف letter by letter.
    let out = qamus()
        .args([
            "translit",
            "--no-default-glossary",
            "دميتري بيسكوف",
            "بوتين",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(
        out.starts_with("Dmitry ") && !out.contains("Peskov") && out.ends_with("\nPutin\n"),
        "{out}"
    );
    // A user's glossary, and a translated name that teaches nothing.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let mine = dir.path().join("mine.csv");
    std::fs::write(
        &mine,
        "id,type,en,ar\nzoryan,PER,Zorian Baghramyan,زوريان باغراميان\nun,ORG,United Nations,الأمم المتحدة\n",
    )
    .unwrap_or_else(|e| panic!("write: {e}"));
    let mine = mine.display().to_string();
    qamus()
        .args([
            "translit",
            "--no-default-glossary",
            "-g",
            &mine,
            "لزوريان باغراميان",
        ])
        .assert()
        .success()
        .stdout("li-Zorian Baghramyan\n");
    let out = qamus()
        .args([
            "translit",
            "--no-default-glossary",
            "-g",
            &mine,
            "الأمم المتحدة",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!String::from_utf8_lossy(&out).contains("United"));
    // The strict schemes ignore the glossary.
    qamus()
        .args(["translit", "-s", "buckwalter", "بوتين"])
        .assert()
        .success()
        .stdout("bwtyn\n");
}

#[test]
fn invalid_utf8_on_stdin_names_line_and_byte_or_is_replaced_with_lossy() {
    qamus()
        .args(["normalize", "-"])
        .write_stdin(&b"ok\nbad \xFF here\n"[..])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "<stdin>:2:5 (byte 7): invalid UTF-8",
        ));
    qamus()
        .args(["normalize", "--lossy", "-"])
        .write_stdin(&b"ok\nbad \xFF here\n"[..])
        .assert()
        .success()
        .stdout("ok\nbad \u{FFFD} here\n")
        .stderr(predicate::str::contains("warning"));
}

/// The CSV column mode looks every row up at once on all cores: each row still gets its own answer, the one line
/// mode gives for the same name, in input order (thousands of rows, so that the work is split).
#[test]
fn csv_column_mode_answers_each_row_as_line_mode_does() {
    let (_d, g) = fixture();
    let names = [
        "للكرملين",
        "nobody",
        "بسكوف",
        "ديمتري بيسكوف",
        "يريفان",
        "Peskov",
        "الكريملن",
        "xyzzy",
    ];
    let rows: Vec<String> = (0..3000)
        .map(|i| names[(i * 7 + i / 5) % names.len()].to_string())
        .collect();
    // The id column (`field` of each line after the header) of `lookup` run with `args` on `input`.
    let ids = |args: &[&str], input: String, sep: char, field: usize| -> Vec<String> {
        let out = qamus()
            .args(["lookup", "--no-default-glossary", "-g", &g])
            .args(args)
            .write_stdin(input)
            .output()
            .unwrap_or_else(|e| panic!("run: {e}"));
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(1)
            .map(|l| l.split(sep).nth(field).unwrap_or_default().to_string())
            .collect()
    };
    let csv_ids = ids(
        &["--csv", "--column", "name"],
        format!("name\n{}\n", rows.join("\n")),
        ',',
        2,
    );
    let line_ids = ids(&["--format", "tsv", "-"], rows.join("\n"), '\t', 2);
    assert_eq!(csv_ids.len(), rows.len());
    assert_eq!(csv_ids, line_ids);
    assert!(csv_ids.iter().any(|i| i == "kremlin") && csv_ids.iter().any(String::is_empty));
}

#[test]
fn csv_column_mode_adds_columns_and_keeps_the_rest() {
    let (_d, g) = fixture();
    qamus()
        .args(["lookup", "--no-default-glossary", "-g", &g, "--csv", "--column", "name"])
        .write_stdin("n,\"name\"\r\n1,\"للكرملين\"\r\n2,nobody\r\n")
        .assert()
        .code(1)
        .stdout("n,\"name\",name_en,name_id,name_score\r\n1,\"للكرملين\",Kremlin,kremlin,0.950\r\n2,nobody,,,\r\n");
    qamus()
        .args([
            "translit",
            "--scheme",
            "buckwalter",
            "--csv",
            "--column",
            "ar",
        ])
        .write_stdin("ar\nبوتين\n")
        .assert()
        .success()
        .stdout("ar,ar_latin\nبوتين,bwtyn\n");
    qamus()
        .args(["normalize", "--csv", "--column", "missing"])
        .write_stdin("ar\nx\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no column \"missing\""));
}

#[test]
fn csv_column_by_number_and_files_without_a_header() {
    let (d, g) = fixture();
    let lookup_csv = |extra: &[&str]| {
        let mut cmd = qamus();
        cmd.args(["lookup", "--no-default-glossary", "-g", &g, "--csv"])
            .args(extra);
        cmd
    };
    // By number: the new columns are called after the header's name.
    lookup_csv(&["--column", "2"])
        .write_stdin("n,name\n1,للكرملين\n")
        .assert()
        .success()
        .stdout("n,name,name_en,name_id,name_score\n1,للكرملين,Kremlin,kremlin,0.950\n");
    // Without a header, over two files: every row is answered, none is taken for a header, none is added.
    let a = d.path().join("a.csv");
    let b = d.path().join("b.csv");
    std::fs::write(&a, "1,للكرملين\n").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&b, "2,بيسكوف\n3,nobody\n").unwrap_or_else(|e| panic!("{e}"));
    let (a, b) = (a.display().to_string(), b.display().to_string());
    lookup_csv(&["--no-header", "--column", "2", &a, &b])
        .assert()
        .code(1)
        .stdout(
            "1,للكرملين,Kremlin,kremlin,0.950\n2,بيسكوف,Dmitry Peskov,peskov,0.900\n3,nobody,,,\n",
        );
    qamus()
        .args(["normalize", "--csv", "--no-header", "--column", "ar"])
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "--no-header needs the column's number",
        ));
}

#[test]
fn closed_pipe_ends_quietly() {
    let mut child = Command::cargo_bin("qamus")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(["normalize", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("stdin"));
    drop(child.stdout.take()); // the reader goes away
    let writer = std::thread::spawn(move || {
        let line = "بوتين وباشينيان يبحثان أزمة ناغورنو كراباخ\n".repeat(1000);
        for _ in 0..200 {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let _ = writer.join();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        qamus()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("qamus"));
    }
    qamus()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH qamus"));
}

#[test]
fn eval_without_data_is_a_clear_error() {
    qamus()
        .args(["eval", "--data", "/nonexistent/eval"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no development data"));
}

/// `--full` shows the whole entry: its other spellings and note, as three more JSON fields, three more TSV columns
/// at the end (the others where scripts read them) and a second table line.
#[test]
fn lookup_full_shows_the_whole_entry() {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let g = dir.path().join("g.csv");
    let csv = "id,type,en,ar,en_variants,ar_variants,note\n\
               peskov,PER,Dmitry Peskov,دميتري بيسكوف,Dmitri Peskov,ديمتري بيسكوف,Kremlin spokesman\n";
    std::fs::write(&g, csv).unwrap_or_else(|e| panic!("write: {e}"));
    let g = g.display().to_string();
    let run = |format: &str| {
        let out = qamus()
            .args([
                "lookup",
                "--no-default-glossary",
                "-g",
                &g,
                "--full",
                "--format",
                format,
            ])
            .args(["بيسكوف", "nothing"])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap_or_default()
    };
    let jsonl = run("jsonl");
    let first: serde_json::Value =
        serde_json::from_str(jsonl.lines().next().unwrap_or_default()).unwrap_or_default();
    let m = &first["matches"][0];
    assert_eq!(m["id"], "peskov");
    assert_eq!(m["en_variants"], serde_json::json!(["Dmitri Peskov"]));
    assert_eq!(m["ar_variants"], serde_json::json!(["ديمتري بيسكوف"]));
    assert_eq!(m["note"], "Kremlin spokesman");
    let tsv = run("tsv");
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows.first().map(|r| r[8..].to_vec()),
        Some(vec!["en_variants", "ar_variants", "note"])
    );
    assert!(rows.iter().all(|r| r.len() == 11), "{tsv}");
    assert_eq!(rows[1][2], "peskov");
    assert_eq!(rows[1][10], "Kremlin spokesman");
    let table = run("table");
    assert!(
        table.contains("also: Dmitri Peskov | ديمتري بيسكوف"),
        "{table}"
    );
    assert!(table.contains("note: Kremlin spokesman"), "{table}");
    // Without --full, the formats are as they were.
    qamus()
        .args([
            "lookup",
            "--no-default-glossary",
            "-g",
            &g,
            "--format",
            "tsv",
            "بيسكوف",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "query\trank\tid\ten\tar\ttype\tscore\tmethod\n",
        ));
}
