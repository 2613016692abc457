use super::*;
use crate::glossary::Glossary;

const MINE: &str = "id,type,en,ar,ar_variants,note\n\
peskov,PER,Dmitry Peskov,دميتري بيسكوف,ديمتري بيسكوف,spokesman\n\
acme,ORG,Acme Trading,أكمي للتجارة,,\"a, quoted note\"\n";

fn built(dir: &Path) -> (PathBuf, PathBuf) {
    let csv = dir.join("mine.csv");
    std::fs::write(&csv, MINE).expect("write csv");
    let out = dir.join("names.qidx");
    build(
        &Sources {
            builtin: true,
            files: vec![csv.clone()],
        },
        &out,
    )
    .expect("builds");
    (csv, out)
}

fn message(r: Result<Matcher>) -> String {
    match r {
        Ok(_) => "opened".to_string(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn an_index_answers_as_the_glossary_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (csv, out) = built(dir.path());
    let mapped = open(&out, &OpenOptions::default()).expect("opens");
    let mut g = Glossary::builtin();
    g.merge(Glossary::from_path(&csv).expect("loads"));
    let owned = Matcher::new(g.clone());
    for q in [
        "بوتين",
        "للكرملين",
        "ناجورنو كاراباخ",
        "بسكوف",
        "Paschinjan",
        "الرئيس أردوجان",
        "أكمي للتجارة",
        "سياسي",
        "Vladimir Putin",
        "xyz",
    ] {
        let answers = |m: &Matcher| -> Vec<(String, String, String)> {
            m.lookup(q)
                .iter()
                .map(|m| {
                    (
                        m.entry.id.clone(),
                        m.method.to_string(),
                        format!("{:.6}", m.score),
                    )
                })
                .collect()
        };
        assert_eq!(answers(&owned), answers(&mapped), "{q}");
    }
    // The whole glossary comes back as it was, layers included.
    assert_eq!(mapped.glossary().entries(), g.entries());
    assert_eq!(mapped.glossary().layers(), g.layers());
    assert_eq!(
        mapped.glossary().get("acme").map(|e| e.note.as_str()),
        Some("a, quoted note")
    );
}

#[test]
fn a_changed_source_makes_the_index_stale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (csv, out) = built(dir.path());
    std::fs::write(&csv, format!("{MINE}x,PER,X Y,إكس\n")).expect("rewrite");
    let m = message(open(&out, &OpenOptions::default()));
    assert!(m.contains("stale index"), "{m}");
    assert!(m.contains("mine.csv changed"), "{m}");
    assert!(m.contains("qamus index build "), "{m}");
    // Not checking sources opens it as it is.
    let quiet = OpenOptions {
        check_sources: false,
        ..OpenOptions::default()
    };
    assert_eq!(message(open(&out, &quiet)), "opened");
    // A source that is gone is no reason to refuse.
    std::fs::remove_file(&csv).expect("remove");
    assert_eq!(message(open(&out, &OpenOptions::default())), "opened");
}

#[test]
fn damage_is_refused_with_its_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, out) = built(dir.path());
    let good = std::fs::read(&out).expect("read");
    let hdr = header(&out).expect("header");
    let start = good.len() - hdr.body_len as usize;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "not an index",
            b"id,en\nx,y\n".to_vec(),
            "not a qamus index",
        ),
        ("empty", Vec::new(), "not a qamus index"),
        ("truncated", good[..good.len() - 100].to_vec(), "truncated"),
        (
            "extended",
            [good.as_slice(), b"junk"].concat(),
            "truncated or extended",
        ),
        (
            "body bit",
            flip(&good, start + (good.len() - start) / 2),
            "body's checksum",
        ),
        ("header bit", flip(&good, PREAMBLE + 5), "header's checksum"),
        (
            "format",
            {
                let mut v = good.clone();
                v[8] = 99;
                v
            },
            "index format 99",
        ),
    ];
    for (what, bytes, expected) in cases {
        let path = dir.path().join(format!("{what}.qidx"));
        std::fs::write(&path, bytes).expect("write");
        let m = message(open(&path, &OpenOptions::default()));
        assert!(m.contains(expected), "{what}: {m}");
        assert!(m.contains(&format!("{what}.qidx")), "{what}: {m}");
    }
    // Without the body's checksum (an index above the verify limit), a flipped byte in the maps the fst crate
    // reads is still refused at the open, and one anywhere else is not noticed by the open but never makes a
    // lookup panic.
    let path = dir.path().join("unverified.qidx");
    let mut refused = 0;
    for at in (start..good.len()).step_by(97) {
        std::fs::write(&path, flip(&good, at)).expect("write");
        let unverified = OpenOptions {
            verify_limit: 0,
            ..OpenOptions::default()
        };
        match open(&path, &unverified) {
            Ok(m) => {
                let _ = m.lookup("بيسكوف");
                let _ = m.lookup("Paschinjan");
            }
            Err(e) if e.to_string().contains("fst maps") => refused += 1,
            Err(_) => {}
        }
    }
    assert!(
        refused > 0,
        "no flip landed in an fst map, or none was refused"
    );
}

fn flip(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut v = bytes.to_vec();
    if let Some(b) = v.get_mut(at) {
        *b ^= 0x5a;
    }
    v
}

#[test]
fn the_build_command_quotes_paths() {
    let s = Sources {
        builtin: false,
        files: vec![PathBuf::from("my names.csv"), PathBuf::from("b.csv")],
    };
    assert_eq!(
        s.build_command(Path::new("out.qidx")),
        "qamus index build --no-default-glossary 'my names.csv' b.csv -o out.qidx"
    );
}

#[test]
fn the_shipped_index_is_current() {
    let fresh = crate::matcher::build_store(&Glossary::builtin(), true, true);
    let usable = shipped_index(MatcherOptions::default()).is_ok();
    assert!(
        usable && SHIPPED.ends_with(fresh.as_bytes()),
        "glossary/shipped.qidx is not current: run scripts/shipped_index.sh"
    );
}

#[test]
fn a_build_reports_its_steps_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Two files, the second over several chunks of forms: every step, the keying counted up to the forms written.
    let small = dir.path().join("small.csv");
    std::fs::write(&small, MINE).expect("write csv");
    let big = dir.path().join("big.csv");
    let synth = crate::synth::Generator::new(7).glossary(1_000);
    let mut w = csv::Writer::from_path(&big).expect("create csv");
    w.write_record(["id", "type", "en", "ar", "ar_variants"])
        .expect("write");
    for e in synth.entries() {
        let variants = e.ar_variants.join("|");
        w.write_record([e.id.as_str(), "PER", &e.en, &e.ar, &variants])
            .expect("write");
    }
    w.flush().expect("flush");
    let steps = std::sync::Mutex::new(Vec::new());
    let summary = build_reporting(
        &Sources {
            builtin: false,
            files: vec![small, big],
        },
        &dir.path().join("names.qidx"),
        &|s| steps.lock().expect("not poisoned").push(s),
    )
    .expect("builds");
    let steps = steps.into_inner().expect("not poisoned");
    let forms = summary.header.forms as usize;
    assert!(forms > crate::matcher::BUILD_CHUNK, "{forms} forms");
    let keyed: Vec<usize> = steps
        .iter()
        .filter_map(|s| match *s {
            Step::Keying { done, total } => {
                assert_eq!(total, forms);
                Some(done)
            }
            _ => None,
        })
        .collect();
    assert_eq!(keyed.first(), Some(&0));
    assert_eq!(keyed.last(), Some(&forms));
    assert!(keyed.windows(2).all(|w| w[0] < w[1]), "{keyed:?}");
    assert!(keyed.len() >= 3, "{keyed:?}");
    assert_eq!(
        steps.get(..3),
        Some(
            &[
                Step::Reading { file: 0, files: 2 },
                Step::Reading { file: 1, files: 2 },
                Step::Indexing
            ][..]
        )
    );
    assert_eq!(steps.last(), Some(&Step::Writing));
}
