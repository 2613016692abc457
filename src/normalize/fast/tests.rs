//! The fast path against the general pipeline, which is the reference.

use super::*;
use crate::normalize::{display_general, search_general};
use proptest::prelude::*;

/// Every character the fast path knows, and a few it does not, next to them.
pub(crate) fn alphabet() -> Vec<char> {
    let mut v: Vec<char> = (0u8..0x80).map(char::from).collect();
    v.extend((0x0600..=0x06FF).filter_map(char::from_u32));
    v.extend([
        '\u{00A0}', '\u{00AB}', '\u{00BB}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}',
    ]);
    v.extend((0x2010..=0x2015).filter_map(char::from_u32));
    // Outside the known set: controls, ZWNJ, Latin letters and marks, presentation forms, other spaces.
    v.extend([
        '\u{200C}', '\u{200F}', '\u{FEFF}', 'é', 'E', '\u{0301}', '\u{FEFB}', '\u{FE70}',
        '\u{2003}', '\u{0085}', 'ß', '\u{2026}', '\u{00AD}',
    ]);
    v
}

fn check(t: &str) {
    assert_eq!(search(t), search_general(t), "search {t:?}");
    // The narrow path too, where `search` takes the wide one.
    assert_eq!(
        search::search_in(t, None),
        search_general(t),
        "narrow search {t:?}"
    );
    assert_eq!(display(t), display_general(t), "display {t:?}");
}

#[test]
fn tables_agree_with_the_pipeline_on_every_pair_of_characters() {
    each_pair(check);
}

/// Calls `f` on every pair of characters of [`alphabet`] in three arrangements: alone, inside an Arabic word, and
/// as two words ending a line.
pub(crate) fn each_pair(mut f: impl FnMut(&str)) {
    let chars = alphabet();
    let mut t = String::new();
    for &a in &chars {
        for &b in &chars {
            for shape in 0..3 {
                t.clear();
                match shape {
                    0 => t.extend([a, b]),
                    1 => t.extend(['ب', a, b, 'ت']),
                    _ => t.extend([' ', a, ' ', b, '\n']),
                }
                f(&t);
            }
        }
    }
}

/// The documents of tests/corpus/seeds (file name, text); at least five.
pub(crate) fn seed_corpus() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/seeds");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            docs.push((entry.file_name().to_string_lossy().into_owned(), text));
        }
    }
    assert!(
        docs.len() >= 5,
        "the seed corpus has at least five documents"
    );
    docs
}

#[test]
fn seed_corpus_is_the_same_by_both_paths() {
    for (_, text) in seed_corpus() {
        check(&text);
        for line in text.lines() {
            check(line);
        }
    }
}

#[test]
fn unchanged_text_is_borrowed() {
    for t in ["بوتين", "ناغورنو كراباخ", "putin", "قال: «نعم»\nلا"] {
        assert!(matches!(display(t), Cow::Borrowed(_)), "{t}");
    }
    for t in ["بوتين", "ناغورنو كراباخ", "putin 2021"] {
        assert!(matches!(search(t), Cow::Borrowed(_)), "{t}");
    }
}

#[test]
fn words_outside_the_known_set_keep_their_neighbours() {
    check("قره\u{200C}باغ  Pashinyán - O’Brien ٢٠٢١ \u{200F}بوتين\u{200E} مدينةُ ـ");
    check("a \u{200F} \n \u{200F} b");
    check("\u{FEFB} \u{FE70} x\u{2003}y");
    check(" - \u{2003} -\n");
    // Runs of such words go through the pipeline together, up to a line feed.
    check("Pashinyán \u{200F} Łódź \u{200F}\n\u{200F} é\u{00A0}\u{200F}\t\u{200F} café\n\u{200F}");
    check("é \u{200F} \n \u{200F} é");
}

/// Random text: mostly known characters, some whitespace and hyphens, now and then any character.
pub(crate) fn mixed() -> impl Strategy<Value = String> {
    let known = proptest::sample::select(alphabet());
    let any = any::<char>();
    let spaces = proptest::sample::select(vec![' ', '\n', '\t', '\r', '\u{00A0}', '-']);
    proptest::collection::vec(prop_oneof![6 => known, 1 => any, 2 => spaces], 0..40)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn fast_search_equals_the_pipeline(t in mixed()) {
        prop_assert_eq!(search(&t), search_general(&t));
    }

    /// Text long enough for several blocks of either width, written by both.
    #[test]
    fn wide_and_narrow_runs_equal_the_pipeline(t in proptest::collection::vec(mixed(), 1..8)) {
        let t: String = t.concat();
        let want = search_general(&t);
        prop_assert_eq!(&search(&t), &want);
        prop_assert_eq!(&search::search_in(&t, None), &want);
    }

    #[test]
    fn fast_display_equals_the_pipeline(t in mixed()) {
        prop_assert_eq!(display(&t), display_general(&t));
    }

    #[test]
    fn fast_paths_equal_the_pipeline_on_any_text(t in "\\PC{0,30}") {
        prop_assert_eq!(search(&t), search_general(&t));
        prop_assert_eq!(display(&t), display_general(&t));
    }
}
