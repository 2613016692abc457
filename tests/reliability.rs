//! Bad input, class by class, through the real binary (the README's "Reliability" table: one test per row).
//!
//! Every command that reads input is listed once in a table below, by the way it reads: text lines on standard
//! input, a CSV file (`--csv --column`), a glossary file. A class test runs every command of the tables it
//! concerns, so that a new command (`scan`, `xref`, `glossary add`…) is covered by adding one row to a table.
//!
//! The output contract on error (exit 2): a CSV command writes nothing at all (every input is checked before the
//! first byte is written); a line command writes whole lines only, those of the input before the bad line; a
//! glossary that does not load stops the command before any output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use tempfile::TempDir;

const GLOSSARY: &str = "id,type,en,ar,en_variants,ar_variants,note
vladimir-putin,PER,Vladimir Putin,فلاديمير بوتين,Putin,بوتين,
kremlin,ORG,Kremlin,الكرملين,,الكريملن,
";

/// A temporary directory with the good glossary `g.csv`, where tests write their bad files.
struct Fixture {
    dir: TempDir,
    glossary: String,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = TempDir::new().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let glossary = dir.path().join("g.csv");
        std::fs::write(&glossary, GLOSSARY).unwrap_or_else(|e| panic!("write: {e}"));
        let glossary = glossary.display().to_string();
        Fixture { dir, glossary }
    }

    /// Writes `bytes` to a file of the fixture and returns its path.
    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
        p.display().to_string()
    }

    /// A path inside the fixture that does not exist.
    fn missing(&self) -> String {
        self.dir.path().join("missing.csv").display().to_string()
    }

    /// Commands that read text lines from standard input: (name, arguments).
    fn line_readers(&self) -> Vec<(&'static str, Vec<String>)> {
        let g = &self.glossary;
        vec![
            (
                "lookup",
                args(&["lookup", "--no-default-glossary", "-g", g, "-"]),
            ),
            ("translit", args(&["translit", "-"])),
            (
                "translit buckwalter",
                args(&["translit", "-s", "buckwalter", "-"]),
            ),
            ("normalize", args(&["normalize", "-"])),
            (
                "normalize search",
                args(&["normalize", "-l", "search", "-"]),
            ),
        ]
    }

    /// Commands that read a CSV file (the path is appended; without one they read standard input).
    fn csv_readers(&self) -> Vec<(&'static str, Vec<String>)> {
        let g = &self.glossary;
        let csv = ["--csv", "--column", "name"];
        vec![
            (
                "lookup --csv",
                args(&[&["lookup", "--no-default-glossary", "-g", g][..], &csv].concat()),
            ),
            ("translit --csv", args(&[&["translit"][..], &csv].concat())),
            (
                "normalize --csv",
                args(&[&["normalize"][..], &csv].concat()),
            ),
        ]
    }

    /// Commands that read a glossary file: (name, arguments with `{}` for the path, exit code when the file has
    /// an error). `glossary check` reports problems with exit 1 and keeps exit 2 for files it cannot read.
    fn glossary_readers() -> Vec<(&'static str, Vec<String>, i32)> {
        vec![
            (
                "lookup -g",
                args(&["lookup", "--no-default-glossary", "-g", "{}", "بوتين"]),
                2,
            ),
            (
                "glossary stats",
                args(&["glossary", "stats", "--no-default-glossary", "-g", "{}"]),
                2,
            ),
            ("glossary check", args(&["glossary", "check", "{}"]), 1),
            (
                "scan -g",
                args(&["scan", "--no-default-glossary", "-g", "{}", SEED]),
                2,
            ),
            (
                "xref -g",
                args(&["xref", "--no-default-glossary", "-g", "{}", SEED]),
                2,
            ),
        ]
    }
}

/// A real document, for the commands that read documents besides a glossary.
const SEED: &str = "tests/corpus/seeds/000_791975e654a9a156.txt";

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

/// The arguments with one more at the end.
fn plus(a: &[String], last: &str) -> Vec<String> {
    let mut v = a.to_vec();
    v.push(last.to_string());
    v
}

/// `{}` in the arguments replaced by `path`.
fn with_path(a: &[String], path: &str) -> Vec<String> {
    a.iter().map(|s| s.replace("{}", path)).collect()
}

/// Runs the binary with `stdin`, and checks what must hold of every run: no panic, no signal.
fn run(a: &[String], stdin: &[u8]) -> Output {
    let mut child = Command::cargo_bin("qamus")
        .unwrap_or_else(|e| panic!("binary: {e}"))
        .args(a)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    let mut input = child.stdin.take().unwrap_or_else(|| panic!("stdin"));
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"));
    let _ = writer.join();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{a:?} panicked: {err}");
    assert!(
        out.status.code().is_some(),
        "{a:?} killed by a signal: {err}"
    );
    out
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An error run: exit 2, a `qamus: error:` message holding `needle`, and `stdout` as `expected_out`.
#[track_caller]
fn assert_error(name: &str, o: &Output, needle: &str, expected_out: &str) {
    let err = stderr(o);
    assert_eq!(code(o), 2, "{name}: exit code; stderr: {err}");
    assert!(
        err.contains("qamus: error:") && err.contains(needle),
        "{name}: stderr lacks {needle:?}: {err}"
    );
    assert_eq!(stdout(o), expected_out, "{name}: stdout");
}

fn utf16le(s: &str) -> Vec<u8> {
    let mut v = vec![0xFF, 0xFE];
    v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    v
}

fn utf16be(s: &str) -> Vec<u8> {
    let mut v = vec![0xFE, 0xFF];
    v.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    v
}

#[test]
fn invalid_utf8_names_file_line_and_byte_and_lossy_replaces_it() {
    let fx = Fixture::new();
    for (name, a) in fx.line_readers() {
        let o = run(&a, b"ok\nbad \xFF here\n");
        assert_eq!(code(&o), 2, "{name}");
        assert!(
            stderr(&o).contains("<stdin>:2:5 (byte 7): invalid UTF-8"),
            "{name}: {}",
            stderr(&o)
        );
        assert!(
            stdout(&o).is_empty() || stdout(&o).ends_with('\n'),
            "{name}"
        );
        let lossy = [&a[..a.len() - 1], &args(&["--lossy", "-"])].concat();
        let o = run(&lossy, b"ok\nbad \xFF here\n");
        assert!(code(&o) <= 1, "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains("<stdin>:2: invalid UTF-8"), "{name}");
        assert_eq!(stdout(&o).lines().count(), 2, "{name}");
    }
    let bad = fx.file("bad.csv", b"id,name\n1,ok\n2,a\xFFb\n");
    for (name, a) in fx.csv_readers() {
        let o = run(&plus(&a, &bad), b"");
        assert_error(name, &o, &format!("{bad}:3:4 (byte 16): invalid UTF-8"), "");
        let o = run(&plus(&plus(&a, "--lossy"), &bad), b"");
        assert!(code(&o) <= 1, "{name}: {}", stderr(&o));
        assert!(stdout(&o).contains("a\u{FFFD}b"), "{name}: {}", stdout(&o));
        assert!(stderr(&o).contains("warning"), "{name}");
    }
    let g = fx.file("g8.csv", b"id,en,note\nk,Kremlin,caf\xE9\n");
    for (name, a, bad_code) in Fixture::glossary_readers() {
        let o = run(&with_path(&a, &g), b"");
        assert_eq!(code(&o), bad_code, "{name}");
        let all = stdout(&o) + &stderr(&o);
        assert!(
            all.contains(&format!("{g}:2:14 (byte 24)")),
            "{name}: {all}"
        );
    }
    // --lossy also reads a glossary whose bytes are not all UTF-8, warning where.
    for a in [
        args(&[
            "lookup",
            "--lossy",
            "--no-default-glossary",
            "-g",
            &g,
            "Kremlin",
        ]),
        args(&[
            "glossary",
            "stats",
            "--lossy",
            "--no-default-glossary",
            "-g",
            &g,
        ]),
    ] {
        let o = run(&a, b"");
        assert_eq!(code(&o), 0, "{a:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(&format!("warning: {g}:2:14 (byte 24)")));
    }
    // Arguments: clap refuses them before anything runs.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let o = Command::cargo_bin("qamus")
            .unwrap_or_else(|e| panic!("{e}"))
            .arg("normalize")
            .arg(std::ffi::OsStr::from_bytes(b"a\xFFb"))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("invalid UTF-8"));
    }
}

#[test]
fn utf16_with_a_bom_is_decoded_and_a_lone_surrogate_refused() {
    let fx = Fixture::new();
    for (enc, bytes) in [
        ("LE", utf16le("بوتين\r\nقره\n")),
        ("BE", utf16be("بوتين\r\nقره\n")),
    ] {
        let o = run(&args(&["translit", "-s", "buckwalter", "-"]), &bytes);
        assert_eq!((code(&o), stdout(&o)), (0, "bwtyn\nqrh\n".into()), "{enc}");
        let o = run(
            &args(&[
                "lookup",
                "--no-default-glossary",
                "-g",
                &fx.glossary,
                "-f",
                "tsv",
                "-",
            ]),
            &bytes,
        );
        assert!(
            stdout(&o).contains("بوتين\t1\tvladimir-putin"),
            "{enc}: {}",
            stdout(&o)
        );
        let csv = fx.file(
            "u16.csv",
            match enc {
                "LE" => utf16le("id,name\n1,بوتين\n"),
                _ => utf16be("id,name\n1,بوتين\n"),
            },
        );
        let o = run(
            &args(&[
                "translit",
                "-s",
                "buckwalter",
                "--csv",
                "--column",
                "name",
                &csv,
            ]),
            b"",
        );
        // The output is UTF-8, the byte-order mark kept as a UTF-8 one.
        assert_eq!(
            stdout(&o),
            "\u{FEFF}id,name,name_latin\n1,بوتين,bwtyn\n",
            "{enc}"
        );
        let g = fx.file(
            "g16.csv",
            match enc {
                "LE" => utf16le(GLOSSARY),
                _ => utf16be(GLOSSARY),
            },
        );
        for (name, a, _) in Fixture::glossary_readers() {
            let o = run(&with_path(&a, &g), b"");
            assert_eq!(code(&o), 0, "{name} {enc}: {}", stderr(&o));
        }
    }
    let mut lone = utf16le("ab");
    lone.extend([0x00, 0xD8]); // a high surrogate with no low half
    lone.extend(utf16le("c\n").get(2..).unwrap_or_default());
    let o = run(&args(&["normalize", "-"]), &lone);
    assert_error("normalize", &o, "invalid UTF-16 at byte 6", "");
    let o = run(&args(&["normalize", "--lossy", "-"]), &lone);
    assert_eq!(stdout(&o), "ab\u{FFFD}c\n");
}

#[test]
fn a_utf8_bom_is_skipped() {
    let fx = Fixture::new();
    for (name, a) in fx.line_readers() {
        let o = run(&a, "\u{FEFF}Kremlin\n".as_bytes());
        assert!(code(&o) <= 1, "{name}");
        assert!(!stdout(&o).contains('\u{FEFF}'), "{name}: {}", stdout(&o));
    }
    let f = fx.file("bom.csv", "\u{FEFF}name\nبوتين\n");
    for (name, a) in fx.csv_readers() {
        let o = run(&plus(&a, &f), b"");
        assert!(code(&o) <= 1, "{name}: {}", stderr(&o));
        assert!(
            stdout(&o).starts_with("\u{FEFF}name,name_"),
            "{name}: {}",
            stdout(&o)
        );
    }
    let g = fx.file("gbom.csv", format!("\u{FEFF}{GLOSSARY}"));
    for (name, a, _) in Fixture::glossary_readers() {
        assert_eq!(code(&run(&with_path(&a, &g), b"")), 0, "{name}");
    }
}

#[test]
fn crlf_and_lone_cr_end_lines() {
    let fx = Fixture::new();
    for (name, a) in fx.line_readers() {
        let o = run(&a, b"Kremlin\r\nKremlin\rKremlin\n");
        assert_eq!(code(&o), 0, "{name}: {}", stderr(&o));
        let out = stdout(&o);
        if name.starts_with("lookup") {
            assert_eq!(out.matches("kremlin").count(), 3, "{name}: {out}");
        } else {
            assert_eq!(out.lines().count(), 3, "{name}: {out}");
            assert!(!out.contains('\r'), "{name}: {out:?}");
        }
    }
    // CSV: every record is processed and keeps its own line end.
    for (ends, input) in [
        ("CRLF", "id,name\r\n1,x\r\n2,y\r\n"),
        ("CR", "id,name\r1,x\r2,y\r"),
    ] {
        let f = fx.file("ends.csv", input);
        let o = run(&args(&["normalize", "--csv", "--column", "name", &f]), b"");
        let nl = if ends == "CR" { "\r" } else { "\r\n" };
        assert_eq!(
            stdout(&o),
            format!("id,name,name_norm{nl}1,x,x{nl}2,y,y{nl}"),
            "{ends}"
        );
    }
    // A glossary with lone CR line ends: comments skipped, errors on the right line.
    let g = fx.file("cr.csv", "# note\rid,type,en\rk,ORG,Kremlin\rz,XYZ,Zed\r");
    let o = run(&args(&["glossary", "check", &g]), b"");
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).contains(&format!("{g}:4:2: error: unknown type")),
        "{}",
        stdout(&o)
    );
}

#[test]
fn an_empty_file() {
    let fx = Fixture::new();
    for (name, a) in fx.line_readers() {
        let o = run(&a, b"");
        assert_eq!((code(&o), stdout(&o)), (0, String::new()), "{name}");
    }
    let f = fx.file("empty.csv", "");
    for (name, a) in fx.csv_readers() {
        assert_error(
            name,
            &run(&plus(&a, &f), b""),
            "empty input: no CSV header",
            "",
        );
    }
    for (name, a, bad) in Fixture::glossary_readers() {
        let o = run(&with_path(&a, &f), b"");
        assert_eq!(code(&o), bad, "{name}");
        assert!(
            (stdout(&o) + &stderr(&o)).contains("empty glossary: no header row"),
            "{name}"
        );
    }
}

#[test]
fn a_directory_where_a_file_is_expected() {
    let fx = Fixture::new();
    let dir = fx.dir.path().display().to_string();
    for (name, a) in fx.csv_readers() {
        assert_error(name, &run(&plus(&a, &dir), b""), "is a directory", "");
    }
    for (name, a, _) in Fixture::glossary_readers() {
        let o = run(&with_path(&a, &dir), b"");
        assert_error(name, &o, &dir, "");
    }
}

/// Whether this process runs as root (a file it creates belongs to uid 0).
#[cfg(unix)]
fn running_as_root(fx: &Fixture) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = fx.file("uid-probe", "");
    std::fs::metadata(probe).is_ok_and(|m| m.uid() == 0)
}

/// A file with mode 000. Root reads it anyway, so as root the command runs as `nobody` through `setpriv`
/// (util-linux); where that is not possible the test says so and checks nothing.
#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let fx = Fixture::new();
    let _ = std::fs::set_permissions(fx.dir.path(), std::fs::Permissions::from_mode(0o755));
    let f = fx.file("secret.csv", "name\nx\n");
    let _ = std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000));
    let bin = assert_cmd::cargo::cargo_bin("qamus").display().to_string();
    let prefix: Vec<String> = if running_as_root(&fx) {
        let ok = Command::new("setpriv")
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                &bin,
                "--version",
            ])
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("an_unreadable_file: skipped: running as root and `setpriv` cannot run qamus as nobody");
            return;
        }
        args(&["--reuid=65534", "--regid=65534", "--clear-groups", &bin])
    } else {
        vec![]
    };
    let program = if prefix.is_empty() {
        bin.clone()
    } else {
        "setpriv".into()
    };
    let cases = [
        args(&["normalize", "--csv", "--column", "name", &f]),
        args(&["lookup", "--no-default-glossary", "-g", &f, "x"]),
        args(&["glossary", "check", &f]),
    ];
    for a in cases {
        let o = Command::new(&program)
            .args(&prefix)
            .args(&a)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_error(&a[0], &o, &format!("{f}: Permission denied"), "");
    }
}

/// A file that opens but whose read fails (EIO): `/proc/self/mem` read from offset 0. This one fails for root too.
#[cfg(target_os = "linux")]
#[test]
fn a_file_whose_read_fails() {
    let fx = Fixture::new();
    let mem = "/proc/self/mem";
    for (name, a) in fx.csv_readers() {
        assert_error(
            name,
            &run(&[&a[..], &args(&[mem])].concat(), b""),
            "/proc/self/mem: Input/output error",
            "",
        );
    }
    for (name, a, _) in Fixture::glossary_readers() {
        assert_error(
            name,
            &run(&with_path(&a, mem), b""),
            "/proc/self/mem: Input/output error",
            "",
        );
    }
}

#[test]
fn a_missing_file() {
    let fx = Fixture::new();
    let m = fx.missing();
    let needle = format!("{m}: No such file or directory");
    for (name, a) in fx.csv_readers() {
        assert_error(name, &run(&plus(&a, &m), b""), &needle, "");
    }
    for (name, a, _) in Fixture::glossary_readers() {
        assert_error(name, &run(&with_path(&a, &m), b""), &needle, "");
    }
}

#[test]
fn binary_data_with_nul_bytes() {
    let fx = Fixture::new();
    for (name, a) in fx.line_readers() {
        let o = run(&a, b"ab\0cd\n");
        assert_error(name, &o, "<stdin>:1:3 (byte 2): NUL byte", "");
        let lossy = [&a[..a.len() - 1], &args(&["--lossy", "-"])].concat();
        let o = run(&lossy, b"ab\0cd\n");
        assert!(code(&o) <= 1 && stderr(&o).contains("warning"), "{name}");
    }
    // UTF-16 without a byte-order mark is full of NUL bytes: said so.
    let no_bom = utf16le("name\nx\n").split_off(2);
    let f = fx.file("nobom.csv", &no_bom);
    for (name, a) in fx.csv_readers() {
        assert_error(
            name,
            &run(&plus(&a, &f), b""),
            "UTF-16 without a byte-order mark",
            "",
        );
    }
    // A real binary: the first 4 KB of the qamus executable.
    let exe = std::fs::read(assert_cmd::cargo::cargo_bin("qamus")).unwrap_or_default();
    let f = fx.file("exe.csv", exe.get(..4096).unwrap_or_default());
    for (name, a) in fx.csv_readers() {
        assert_error(name, &run(&plus(&a, &f), b""), "", "");
    }
    for (name, a, bad) in Fixture::glossary_readers() {
        assert_eq!(code(&run(&with_path(&a, &f), b"")), bad, "{name}");
    }
    let g = fx.file("gnul.csv", "id,en\nk,Krem\0lin\n");
    for (name, a, bad) in Fixture::glossary_readers() {
        let o = run(&with_path(&a, &g), b"");
        assert_eq!(code(&o), bad, "{name}");
        assert!(
            (stdout(&o) + &stderr(&o)).contains(&format!("{g}:2:7 (byte 12)")),
            "{name}"
        );
    }
}

/// 50 MB on one line, streamed through standard input: the whole line comes back (memory: see the README).
#[test]
fn a_50_mb_single_line() {
    let unit = "بوتين وباشينيان في الكرملين Putin ";
    let line = unit.repeat(50 * 1024 * 1024 / unit.len() + 1);
    let line = line.trim_end();
    for a in [
        args(&["normalize", "-"]),
        args(&["translit", "-s", "buckwalter", "-"]),
    ] {
        let o = run(&a, line.as_bytes());
        assert_eq!(code(&o), 0, "{a:?}: {}", stderr(&o));
        assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), 1, "{a:?}");
        if a[0] == "normalize" {
            assert_eq!(o.stdout.len(), line.len() + 1);
        } else {
            let words = line.split(' ').count();
            assert_eq!(stdout(&o).split(' ').count(), words);
        }
    }
}

#[test]
fn csv_without_a_header() {
    let fx = Fixture::new();
    let f = fx.file("nohead.csv", "1,بوتين\n2,x\n");
    for (name, a) in fx.csv_readers() {
        let o = run(&plus(&a, &f), b"");
        assert_error(
            name,
            &o,
            &format!("{f}:1: no column \"name\" in the header"),
            "",
        );
    }
    let g = fx.file("gnohead.csv", "k,ORG,Kremlin,الكرملين\n");
    for (name, a, bad) in Fixture::glossary_readers() {
        let o = run(&with_path(&a, &g), b"");
        assert_eq!(code(&o), bad, "{name}");
        assert!(
            (stdout(&o) + &stderr(&o)).contains("no header row with an `en` column"),
            "{name}"
        );
    }
}

#[test]
fn ragged_rows() {
    let fx = Fixture::new();
    for (i, body) in ["id,name\n1,x\n2\n3,z\n", "id,name\n1,x\n2,y,extra\n"]
        .iter()
        .enumerate()
    {
        let f = fx.file(&format!("ragged{i}.csv"), body);
        for (name, a) in fx.csv_readers() {
            assert_error(
                name,
                &run(&plus(&a, &f), b""),
                &format!("{f}:3: ragged row"),
                "",
            );
            // The same from standard input.
            assert_error(name, &run(&a, body.as_bytes()), "<stdin>:3: ragged row", "");
        }
    }
    let g = fx.file("gragged.csv", "id,type,en\nk,ORG\n");
    for (name, a, bad) in Fixture::glossary_readers() {
        let o = run(&with_path(&a, &g), b"");
        assert_eq!(code(&o), bad, "{name}");
        let all = stdout(&o) + &stderr(&o);
        assert!(
            all.contains(&format!("{g}:2: ")) && all.contains("ragged row"),
            "{name}"
        );
    }
}

#[test]
fn unbalanced_quotes() {
    let fx = Fixture::new();
    let f = fx.file("quote.csv", "id,name\n1,\"open\n2,x\n");
    for (name, a) in fx.csv_readers() {
        assert_error(
            name,
            &run(&plus(&a, &f), b""),
            &format!("{f}:2: unbalanced quote"),
            "",
        );
    }
    // A quote inside an unquoted field is a character, as the csv crate reads it (no error, nothing swallowed).
    let f = fx.file("inner.csv", "id,name\n1,O\"Brien\n2,D\"Arcy\n");
    let o = run(&args(&["normalize", "--csv", "--column", "name", &f]), b"");
    assert_eq!(
        stdout(&o),
        "id,name,name_norm\n1,O\"Brien,\"O\"\"Brien\"\n2,D\"Arcy,\"D\"\"Arcy\"\n"
    );
    let g = fx.file("gquote.csv", "id,type,en\nk,ORG,\"Kremlin\nz,LOC,Zed\n");
    for (name, a, bad) in Fixture::glossary_readers() {
        let o = run(&with_path(&a, &g), b"");
        assert_eq!(code(&o), bad, "{name}");
        assert!(
            (stdout(&o) + &stderr(&o)).contains(&format!("{g}:2")),
            "{name}"
        );
    }
}

#[test]
fn an_unknown_type() {
    let fx = Fixture::new();
    let g = fx.file("gtype.csv", "id,type,en\nk,ORG,Kremlin\nz,PLACE,Zed\n");
    for (name, a, bad) in Fixture::glossary_readers() {
        let o = run(&with_path(&a, &g), b"");
        assert_eq!(code(&o), bad, "{name}");
        assert!(
            (stdout(&o) + &stderr(&o)).contains(&format!("{g}:3:2: error: unknown type \"PLACE\""))
                || stderr(&o).contains(&format!("{g}:3:2: unknown type \"PLACE\"")),
            "{name}: {}",
            stderr(&o)
        );
        assert!(bad == 1 || stdout(&o).is_empty(), "{name}");
    }
}

#[test]
fn a_pipe_separator_with_empty_pieces() {
    let fx = Fixture::new();
    let g = fx.file(
        "gpipe.csv",
        "id,type,en,ar,ar_variants\nk,ORG,Kremlin,الكرملين,|الكريملن||\n",
    );
    let o = run(
        &args(&["lookup", "--no-default-glossary", "-g", &g, "الكريملن"]),
        b"",
    );
    assert_eq!(
        code(&o),
        0,
        "a warning does not stop the glossary from loading"
    );
    let o = run(&args(&["glossary", "check", &g]), b"");
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains(&format!("{g}:2:5: warning: empty piece in `ar_variants`")));
}

#[test]
fn duplicate_ids_across_layers() {
    let fx = Fixture::new();
    let a = fx.file("a.csv", "id,en\nk,Kremlin\n");
    let b = fx.file("b.csv", "id,en\nk,Kremlin Palace\n");
    let o = run(
        &args(&[
            "lookup",
            "--no-default-glossary",
            "-g",
            &a,
            "-g",
            &b,
            "-f",
            "tsv",
            "Kremlin Palace",
        ]),
        b"",
    );
    assert!(
        stdout(&o).contains("\tk\tKremlin Palace\t"),
        "the later layer wins: {}",
        stdout(&o)
    );
    let o = run(&args(&["glossary", "check", &a, &b]), b"");
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains(&format!(
        "{b}:2: warning: id \"k\" is also defined at {a}:2"
    )));
    // In one file, a duplicate id is an error.
    let d = fx.file("d.csv", "id,en\nk,Kremlin\nk,Other\n");
    let o = run(
        &args(&["lookup", "--no-default-glossary", "-g", &d, "x"]),
        b"",
    );
    assert_error("lookup", &o, &format!("{d}:3:1: duplicate id \"k\""), "");
}

#[test]
fn mixed_script_names() {
    let fx = Fixture::new();
    // Persian letters (پ, ی) fold onto Arabic ones; Latin inside an Arabic word stays.
    let o = run(
        &args(&["normalize", "-l", "search", "پوتین", "بوتينx"]),
        b"",
    );
    assert_eq!(stdout(&o), "بوتين\nبوتينx\n");
    let o = run(
        &args(&[
            "lookup",
            "--no-default-glossary",
            "-g",
            &fx.glossary,
            "-f",
            "tsv",
            "پوتین",
            "بوتينx",
        ]),
        b"",
    );
    assert!(
        stdout(&o).contains("پوتین\t1\tvladimir-putin"),
        "{}",
        stdout(&o)
    );
    let o = run(&args(&["translit", "-s", "buckwalter", "Putin بوتين"]), b"");
    assert_eq!(stdout(&o), "Putin bwtyn\n");
    let g = fx.file("gmixed.csv", "id,en,ar\nsu,Su-30SM سوخوي,سو-30 إس إم\n");
    let o = run(
        &args(&[
            "lookup",
            "--no-default-glossary",
            "-g",
            &g,
            "-f",
            "tsv",
            "سو-30 إس إم",
        ]),
        b"",
    );
    assert!(stdout(&o).contains("\tsu\t"), "{}", stdout(&o));
}

#[test]
fn only_diacritics_or_only_tatweel() {
    let fx = Fixture::new();
    for text in ["ـــ", "َُِّ", "ـَـ"] {
        let o = run(&args(&["normalize", "-l", "search", text]), b"");
        assert_eq!(stdout(&o), "\n", "{text}");
        let o = run(&args(&["translit", text]), b"");
        assert_eq!(code(&o), 0, "{text}");
        let o = run(
            &args(&["lookup", "--no-default-glossary", "-g", &fx.glossary, text]),
            b"",
        );
        assert_eq!(code(&o), 1, "{text}: no match, no error");
    }
    // A glossary form with no letter loads; it can match nothing.
    let g = fx.file(
        "gmarks.csv",
        "id,en,ar,ar_variants\nk,Kremlin,الكرملين,ـــ\n",
    );
    let o = run(
        &args(&["lookup", "--no-default-glossary", "-g", &g, "ـ"]),
        b"",
    );
    assert_eq!(code(&o), 1);
}

#[test]
fn rtl_and_bidi_override_characters() {
    let fx = Fixture::new();
    let spoof = "\u{202E}بوتين\u{202C}";
    let o = run(
        &args(&["normalize", spoof, "\u{200F}الكرملين\u{2066}x\u{2069}"]),
        b"",
    );
    assert_eq!(stdout(&o), "بوتين\nالكرملينx\n");
    let o = run(
        &args(&["lookup", "--no-default-glossary", "-g", &fx.glossary, spoof]),
        b"",
    );
    assert_eq!(code(&o), 0);
    // The table echoes the query with its overrides made visible, so that they cannot reorder the row.
    assert!(
        stdout(&o).starts_with("<U+202E>بوتين<U+202C>  →  Vladimir Putin"),
        "{}",
        stdout(&o)
    );
    let g = fx.file(
        "gbidi.csv",
        "id,en,ar\nk,\u{202E}Kremlin\u{202C},\u{200F}الكرملين\n",
    );
    let o = run(
        &args(&[
            "lookup",
            "--no-default-glossary",
            "-g",
            &g,
            "-f",
            "tsv",
            "Kremlin",
        ]),
        b"",
    );
    assert!(
        stdout(&o).contains("\tk\tKremlin\tالكرملين\t"),
        "{}",
        stdout(&o)
    );
}

/// `qamus CMD < big | head -1`: the reader goes away; qamus ends quietly with 0.
#[test]
fn a_closed_stdout_pipe_ends_quietly() {
    let fx = Fixture::new();
    let line = "بوتين وباشينيان يبحثان أزمة ناغورنو كراباخ\n".repeat(20_000);
    let csv = format!("name\n{line}");
    let mut cases: Vec<(String, Vec<String>, &str)> = fx
        .line_readers()
        .into_iter()
        .map(|(n, a)| (n.to_string(), a, line.as_str()))
        .collect();
    cases.extend(
        fx.csv_readers()
            .into_iter()
            .map(|(n, a)| (n.to_string(), a, csv.as_str())),
    );
    // The document commands, each output format, over many documents on standard input (JSON Lines): reports
    // larger than the output's buffer, so that the report's own writes meet the closed pipe.
    let docs =
        "{\"text\": \"بوتين وباشينيان يبحثان أزمة ناغورنو كراباخ في الكرملين\"}\n".repeat(1_000);
    for format in ["md", "csv", "json", "html"] {
        let a = args(&["xref", "--format", format, "--jsonl-field", "text", "-"]);
        cases.push((format!("xref --format {format}"), a, docs.as_str()));
    }
    for format in ["jsonl", "csv", "tsv", "pretty"] {
        let a = args(&["scan", "--format", format, "--jsonl-field", "text", "-"]);
        cases.push((format!("scan --format {format}"), a, docs.as_str()));
    }
    cases.push(("man".into(), args(&["man"]), ""));
    cases.push(("completions".into(), args(&["completions", "bash"]), ""));
    cases.push(("help".into(), args(&["--help"]), ""));
    for (name, a, input) in cases {
        let mut child = Command::cargo_bin("qamus")
            .unwrap_or_else(|e| panic!("{e}"))
            .args(&a)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("stdin"));
        drop(child.stdout.take());
        let data = input.as_bytes().to_vec();
        let writer = std::thread::spawn(move || {
            for _ in 0..5 {
                if stdin.write_all(&data).is_err() {
                    break;
                }
            }
        });
        let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
        let _ = writer.join();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{name}: {err}");
        assert!(err.is_empty(), "{name}: {err}");
    }
}

/// Every command over a corpus of bad files: exit 2 (1 for `glossary check`, which reports), a message on
/// stderr, no panic, and nothing half-written on stdout.
#[test]
fn no_panic_on_any_bad_file() {
    let fx = Fixture::new();
    let corpus: Vec<(&str, Vec<u8>)> = vec![
        ("invalid-utf8", b"id,name,en\n1,a\xFFb,x\n".to_vec()),
        ("truncated-utf8", b"id,name,en\n1,\xD8".to_vec()),
        (
            "utf16-lone-surrogate",
            [&[0xFF, 0xFE][..], &[0x00, 0xD8, b'\n', 0]].concat(),
        ),
        ("nul", b"id,name,en\n1,a\0b,x\n".to_vec()),
        ("utf16-no-bom", utf16le("id,name,en\n1,x,y\n").split_off(2)),
        ("empty", Vec::new()),
        ("only-bom", b"\xEF\xBB\xBF".to_vec()),
        ("no-header", "1,بوتين,Putin\n".into()),
        ("ragged", "id,name,en\n1,x\n".into()),
        ("unbalanced-quote", "id,name,en\n1,\"x,y\n".into()),
        ("blank-lines-only", "\n\r\n\r".into()),
        (
            "exe",
            std::fs::read(assert_cmd::cargo::cargo_bin("qamus"))
                .unwrap_or_default()
                .get(..2048)
                .unwrap_or_default()
                .to_vec(),
        ),
    ];
    for (file, bytes) in &corpus {
        let path = fx.file(&format!("{file}.csv"), bytes);
        for (name, a) in fx.csv_readers() {
            for from_stdin in [false, true] {
                let o = if from_stdin {
                    run(&a, bytes)
                } else {
                    run(&plus(&a, &path), b"")
                };
                let how = if from_stdin { "stdin" } else { "file" };
                assert_error(&format!("{name} < {file} ({how})"), &o, "", "");
            }
        }
        for (name, a, bad) in Fixture::glossary_readers() {
            let o = run(&with_path(&a, &path), b"");
            assert_eq!(code(&o), bad, "{name} {file}: {}", stderr(&o));
            assert!(!stderr(&o).is_empty(), "{name} {file}");
            if bad == 2 {
                assert_eq!(stdout(&o), "", "{name} {file}");
            }
        }
        for (name, a) in fx.line_readers() {
            let o = run(&a, bytes);
            // Lines hold any text: only undecodable input is an error, after whole lines at most.
            assert!(code(&o) <= 2, "{name} {file}");
            if code(&o) == 2 {
                assert!(stderr(&o).contains("qamus: error:"), "{name} {file}");
                assert!(
                    stdout(&o).is_empty() || stdout(&o).ends_with('\n'),
                    "{name} {file}"
                );
            }
        }
    }
}

/// The pathological query of the issue (10,000 characters in 1,000 tokens) gets an answer; the timeout only
/// guards against a hang (the time it takes is in the README).
#[test]
fn a_pathological_query_finishes() {
    let token = "بوتينسكوف";
    let query = vec![token; 1000].join(" ");
    assert_eq!(
        (query.chars().count(), query.split(' ').count()),
        (9_999, 1_000)
    );
    let mut child = Command::cargo_bin("qamus")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(["lookup", "--top", "3", &query])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let started = std::time::Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            assert!(matches!(status.code(), Some(0 | 1)), "{status:?}");
            return;
        }
        if started.elapsed() > std::time::Duration::from_secs(300) {
            let _ = child.kill();
            panic!("lookup of a 1,000-token query did not finish in 300 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// A pipe named as a CSV file (`<(…)`, a FIFO) can be read only once: it is held in memory for the checking pass.
#[cfg(unix)]
#[test]
fn a_pipe_given_as_a_csv_file_is_read_once() {
    let fx = Fixture::new();
    let fifo = fx.dir.path().join("fifo.csv");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("a_pipe_given_as_a_csv_file_is_read_once: skipped: mkfifo failed");
        return;
    }
    let path = fifo.clone();
    let writer = std::thread::spawn(move || std::fs::write(path, "name\nبوتين\n"));
    let o = run(
        &args(&[
            "translit",
            "-s",
            "buckwalter",
            "--csv",
            "--column",
            "name",
            &fifo.display().to_string(),
        ]),
        b"",
    );
    let _ = writer.join();
    assert_eq!(
        (code(&o), stdout(&o)),
        (0, "name,name_latin\nبوتين,bwtyn\n".to_string()),
        "{}",
        stderr(&o)
    );
}

/// Documents (`scan`, `xref`, `discover`): a BOM is skipped, UTF-16 with a BOM decoded, invalid UTF-8 and NUL bytes
/// refused with the file and byte (exit 2, nothing on standard output), a closed pipe ends quietly.
#[test]
fn documents_bad_input() {
    let fx = Fixture::new();
    let putin = "التقى الرئيس فلاديمير بوتين نيكول باشينيان في الكرملين.\n";
    let commands: [&[&str]; 3] = [
        &["scan", "-f", "jsonl"],
        &["xref", "-f", "json"],
        &["discover"],
    ];
    // BOM and UTF-16: read as the same text.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(putin.encode_utf16().flat_map(u16::to_le_bytes));
    let plain = fx.file("plain.txt", putin);
    let bom = fx.file("bom.txt", [&b"\xEF\xBB\xBF"[..], putin.as_bytes()].concat());
    let wide = fx.file("wide.txt", &utf16);
    for f in [&plain, &bom, &wide] {
        let o = run(&args(&["scan", "-f", "tsv", f]), b"");
        assert_eq!(
            o.status.code(),
            Some(0),
            "{f}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(
            text.contains("vladimir-putin") && text.contains("kremlin"),
            "{f}: {text}"
        );
    }
    // Invalid UTF-8 and NUL bytes: exit 2, the file and byte named, nothing on standard output.
    let bad = fx.file("bad.txt", [putin.as_bytes(), b"\xff\xfe abc"].concat());
    let nul = fx.file("nul.txt", [putin.as_bytes(), b"a\0b"].concat());
    for c in commands {
        for f in [&bad, &nul] {
            let o = run(&args(&[c, &[f.as_str()][..]].concat()), b"");
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{c:?} {f}: {err}");
            assert!(
                err.contains(f.as_str()) && err.contains("byte"),
                "{c:?} {f}: {err}"
            );
            assert!(o.stdout.is_empty(), "{c:?} {f}: stdout not empty");
        }
        // --lossy reads them.
        let o = run(&args(&[c, &["--lossy", bad.as_str()][..]].concat()), b"");
        assert_ne!(
            o.status.code(),
            Some(2),
            "{c:?} --lossy: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}
