//! The fuzz targets' invariants (fuzz/fuzz_targets/) as proptest properties of the normal test suite: the fuzzers
//! search much longer, these keep every `cargo test` honest.

use std::sync::OnceLock;

use proptest::prelude::*;
use qamus::glossary::{check_files, Glossary};
use qamus::matcher::{Matcher, MatcherOptions};
use qamus::normalize::{display, is_arabic_letter, is_arabic_mark, nfkc, remove_tatweel, search};
use qamus::translit::{reverse, transliterate, Scheme};

/// Text mixing what the folds treat specially: Arabic letters and marks, tatweel, presentation forms, Persian
/// letters, bidi and zero-width controls, Latin with diacritics (ß ẞ æ œ ø ł đ þ ı İ), digits, punctuation, spaces.
const MIXED: &str = "[\u{0600}-\u{06FF}\u{FB50}-\u{FB60}\u{FE70}-\u{FE80}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069} \t\n\r a-zA-Z0-9\u{00C0}-\u{017F}\u{1E00}-\u{1EFF}ßẞæœøłđþıİ\u{0300}-\u{0310}'’-]{0,40}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn search_and_display_are_idempotent_on_mixed_text(t in MIXED) {
        let s = search(&t);
        prop_assert_eq!(search(&s), s.clone());
        let d = display(&t);
        prop_assert_eq!(display(&d), d.clone());
    }

    #[test]
    fn every_scheme_takes_any_text(t in "\\PC{0,60}|[\u{0600}-\u{06FF}\u{0750}-\u{077F}\u{08A0}-\u{08FF} ]{0,60}") {
        for scheme in Scheme::ALL {
            let _ = transliterate(&t, scheme);
            let _ = reverse(&t, scheme);
            // Any romanization, read back, is taken too.
            let _ = reverse(&transliterate(&t, scheme), scheme);
        }
    }

    /// What `transliterate` keeps of Arabic letters and marks (after its own cleaning: display, NFKC, tatweel
    /// removed), Buckwalter `reverse` gives back exactly.
    #[test]
    fn buckwalter_round_trip_through_the_public_api(t in "[\u{0621}-\u{063A}\u{0640}-\u{0652}\u{0670}\u{0671}]{0,40}") {
        let arabic: String = t.chars().filter(|&c| is_arabic_letter(c) || is_arabic_mark(c)).collect();
        let back = reverse(&transliterate(&arabic, Scheme::Buckwalter), Scheme::Buckwalter).unwrap_or_default();
        prop_assert_eq!(back, remove_tatweel(&nfkc(&display(&arabic))).into_owned());
    }

    /// Any bytes: no panic, and every error or problem names the input and a line inside it.
    #[test]
    fn the_glossary_parser_locates_every_error(bytes in proptest::collection::vec(
        prop_oneof![Just(b','), Just(b'"'), Just(b'\n'), Just(b'\r'), Just(b'|'), Just(b'#'), Just(0u8),
                    Just(0xFFu8), Just(0xD8u8), Just(0xA8u8), b'a'..=b'z'], 0..80)
        .prop_map(|mut v| { let mut h = b"id,type,en,ar,ar_variants\n".to_vec(); h.append(&mut v); h })) {
        let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1;
        let check = |loc: &qamus::Location| {
            prop_assert_eq!(loc.path.as_deref(), Some(std::path::Path::new("p.csv")));
            prop_assert!(loc.line.is_some_and(|l| (1..=lines).contains(&l)), "{}", loc);
            prop_assert!(loc.byte.is_none_or(|b| b <= bytes.len() as u64), "{}", loc);
            Ok(())
        };
        if let Err(e) = Glossary::from_csv_bytes("p.csv", &bytes) {
            check(e.location().unwrap_or(&qamus::Location::default()))?;
        }
        for p in check_files(&[("p.csv".to_string(), bytes.clone())]) {
            check(&p.location)?;
        }
    }

    #[test]
    fn lookup_scores_are_probabilities_best_first(q in MIXED) {
        let found = matcher().lookup(&q);
        prop_assert!(found.iter().all(|m| (0.0..=1.0).contains(&m.score)));
        prop_assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
    }
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let csv = "id,type,en,ar,en_variants,ar_variants
vladimir-putin,PER,Vladimir Putin,فلاديمير بوتين,Putin,بوتين
kremlin,ORG,Kremlin,الكرملين,,الكريملن
nagorno-karabakh,LOC,Nagorno-Karabakh,ناغورنو كاراباخ,,قرة باغ
";
        let g = Glossary::from_csv_str("p.csv", csv).unwrap_or_default();
        Matcher::with_options(
            g,
            MatcherOptions {
                threshold: 0.0,
                ..MatcherOptions::default()
            },
        )
    })
}
