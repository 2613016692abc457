//! Buckwalter transliteration: the reversible one-to-one ASCII scheme of Tim Buckwalter (as used by the Penn
//! Arabic Treebank and CAMeL Tools' `ar2bw`), with the common extension for Persian letters (پ P, چ J, ژ R, ڤ V,
//! گ G). Characters outside the table pass through unchanged in both directions.

use crate::normalize::{self, fast};

/// The Buckwalter table: (Arabic, ASCII). Letters, marks, tatweel. [`FORWARD`] and [`REVERSE`] are built from
/// it at compile time.
const TABLE: [(char, char); 52] = [
    ('\u{0621}', '\''), // ء hamza
    ('\u{0622}', '|'),  // آ alef madda
    ('\u{0623}', '>'),  // أ alef hamza above
    ('\u{0624}', '&'),  // ؤ waw hamza
    ('\u{0625}', '<'),  // إ alef hamza below
    ('\u{0626}', '}'),  // ئ yeh hamza
    ('\u{0627}', 'A'),  // ا alef
    ('\u{0628}', 'b'),  // ب
    ('\u{0629}', 'p'),  // ة teh marbuta
    ('\u{062A}', 't'),  // ت
    ('\u{062B}', 'v'),  // ث
    ('\u{062C}', 'j'),  // ج
    ('\u{062D}', 'H'),  // ح
    ('\u{062E}', 'x'),  // خ
    ('\u{062F}', 'd'),  // د
    ('\u{0630}', '*'),  // ذ
    ('\u{0631}', 'r'),  // ر
    ('\u{0632}', 'z'),  // ز
    ('\u{0633}', 's'),  // س
    ('\u{0634}', '$'),  // ش
    ('\u{0635}', 'S'),  // ص
    ('\u{0636}', 'D'),  // ض
    ('\u{0637}', 'T'),  // ط
    ('\u{0638}', 'Z'),  // ظ
    ('\u{0639}', 'E'),  // ع
    ('\u{063A}', 'g'),  // غ
    ('\u{0640}', '_'),  // ـ tatweel
    ('\u{0641}', 'f'),  // ف
    ('\u{0642}', 'q'),  // ق
    ('\u{0643}', 'k'),  // ك
    ('\u{0644}', 'l'),  // ل
    ('\u{0645}', 'm'),  // م
    ('\u{0646}', 'n'),  // ن
    ('\u{0647}', 'h'),  // ه
    ('\u{0648}', 'w'),  // و
    ('\u{0649}', 'Y'),  // ى alef maksura
    ('\u{064A}', 'y'),  // ي
    ('\u{064B}', 'F'),  // fathatan
    ('\u{064C}', 'N'),  // dammatan
    ('\u{064D}', 'K'),  // kasratan
    ('\u{064E}', 'a'),  // fatha
    ('\u{064F}', 'u'),  // damma
    ('\u{0650}', 'i'),  // kasra
    ('\u{0651}', '~'),  // shadda
    ('\u{0652}', 'o'),  // sukun
    ('\u{0670}', '`'),  // superscript (dagger) alef
    ('\u{0671}', '{'),  // ٱ alef wasla
    ('\u{067E}', 'P'),  // پ peh (extension)
    ('\u{0686}', 'J'),  // چ tcheh (extension)
    ('\u{0698}', 'R'),  // ژ jeh (extension)
    ('\u{06A4}', 'V'),  // ڤ veh (extension)
    ('\u{06AF}', 'G'),  // گ gaf (extension)
];

/// [`TABLE`] indexed by code point − U+0600: the ASCII byte, or 0 for a character outside the table.
static FORWARD: [u8; 256] = forward_table();
/// [`TABLE`] indexed by ASCII byte: the Arabic code point, or 0.
static REVERSE: [u16; 128] = reverse_table();

const fn forward_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < TABLE.len() {
        let (a, b) = TABLE[i];
        t[a as usize - 0x0600] = b as u8;
        i += 1;
    }
    t
}

const fn reverse_table() -> [u16; 128] {
    let mut t = [0u16; 128];
    let mut i = 0;
    while i < TABLE.len() {
        let (a, b) = TABLE[i];
        t[b as usize] = a as u16;
        i += 1;
    }
    t
}

/// Arabic → Buckwalter for one character; `None` when it is not in the table.
pub(crate) fn forward(c: char) -> Option<char> {
    let b = FORWARD
        .get((c as usize).wrapping_sub(0x0600))
        .copied()
        .unwrap_or_default();
    (b != 0).then_some(char::from(b))
}

/// Buckwalter → Arabic for one character; `None` when it is not in the table.
pub(crate) fn reverse(c: char) -> Option<char> {
    let a = REVERSE.get(c as usize).copied().unwrap_or_default();
    if a == 0 {
        return None;
    }
    char::from_u32(u32::from(a))
}

/// Transliterates all of `text` (letters, marks and tatweel; everything else unchanged).
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(forward(c).unwrap_or(c));
    }
    out
}

/// Turns Buckwalter ASCII back into Arabic (every ASCII character of the table; everything else unchanged).
pub(crate) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        out.push(reverse(c).unwrap_or(c));
    }
    out
}

/// The Buckwalter scheme of [`super::transliterate`]: the text cleaned ([`normalize::display`], NFKC, tatweel
/// removed), then [`encode`]d. Words of the known characters of `normalize/fast.rs` take a fast path, one table
/// look-up per character; the others go step by step ([`transliterate_general`]), which gives the same result.
pub(crate) fn transliterate(text: &str) -> String {
    let out = fast::walk(text, word, |w, from, to| {
        let word = text.get(from..to).unwrap_or_default();
        // Whitespace is collapsed at the display step, before NFKC and the removal of tatweel: a word counts
        // when its display form is not empty, even if nothing of it is left at the end.
        let clean = normalize::display(word);
        if clean.is_empty() {
            return;
        }
        w.lead();
        w.push_cow(from, to, &encode_clean(&clean));
    });
    out.into_owned()
}

/// [`encode`] after NFKC and the removal of tatweel.
fn encode_clean(display: &str) -> String {
    let clean = normalize::nfkc(display);
    encode(&normalize::remove_tatweel(&clean))
}

/// The Buckwalter scheme step by step: the reference for [`transliterate`].
#[cfg(test)]
fn transliterate_general(text: &str) -> String {
    encode_clean(&normalize::display(text))
}

/// One word by the fast path; `None` when it holds a character outside the known set or marks out of
/// canonical order (then NFC would reorder them).
fn word(w: &mut fast::Writer<'_>, bytes: &[u8], start: usize) -> Option<usize> {
    let text = w.text();
    w.lead();
    // Nearly every character changes: write straight to the output (the walker truncates it again when the word
    // needs the general pipeline).
    let out = w.buf();
    let mut i = start;
    let mut last_mark = 0u32;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if fast::is_ascii_space(b) {
                return Some(i);
            }
            let j = i + 1 + ascii_run(bytes.get(i + 1..).unwrap_or_default());
            out.push_str(text.get(i..j).unwrap_or_default());
            last_mark = 0;
            i = j;
            continue;
        }
        if b & 0xFC == 0xD8 {
            let cp = fast::two_byte(bytes, i);
            match fast::display_class(cp) {
                0 => return None,
                fast::ORDERED_MARK => {
                    if cp < last_mark {
                        return None;
                    }
                    last_mark = cp;
                }
                _ => last_mark = 0,
            }
            if cp != 0x0640 {
                match FORWARD
                    .get(cp as usize - 0x0600)
                    .copied()
                    .unwrap_or_default()
                {
                    0 => out.push_str(text.get(i..i + 2).unwrap_or_default()),
                    a => out.push(char::from(a)),
                }
            }
            i += 2;
            continue;
        }
        last_mark = 0;
        let len = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            (0xC2, Some(0xA0), _) => return Some(i),
            (0xC2, Some(0xAB | 0xBB), _) => 2,
            // Not U+2011 NON-BREAKING HYPHEN, which NFKC turns into U+2010.
            (0xE2, Some(0x80), Some(0x90 | 0x92..=0x95 | 0x98 | 0x99 | 0x9C | 0x9D)) => 3,
            _ => return None,
        };
        out.push_str(text.get(i..i + len).unwrap_or_default());
        i += len;
    }
    Some(i)
}

/// The length of the run of ASCII bytes other than whitespace at the start of `bytes`.
fn ascii_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| b >= 0x80 || fast::is_ascii_space(b))
        .unwrap_or(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn table_is_sorted_and_one_to_one() {
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
        let mut ascii: Vec<char> = TABLE.iter().map(|&(_, b)| b).collect();
        ascii.sort_unstable();
        ascii.dedup();
        assert_eq!(ascii.len(), TABLE.len());
    }

    #[test]
    fn published_examples() {
        // Buckwalter's own transliteration examples (Buckwalter Arabic Morphological Analyzer documentation,
        // LDC2002L49): كتب → ktb, كِتَاب → kitaAb, مَدْرَسَة → madorasap, القاهرة → AlqAhrp, سُؤَال → su&aAl.
        assert_eq!(encode("كتب"), "ktb");
        assert_eq!(encode("كِتَاب"), "kitaAb");
        assert_eq!(encode("مَدْرَسَة"), "madorasap");
        assert_eq!(encode("القاهرة"), "AlqAhrp");
        assert_eq!(encode("سُؤَال"), "su&aAl");
        assert_eq!(encode("بوتين"), "bwtyn");
        assert_eq!(decode("bwtyn"), "بوتين");
    }

    fn check(t: &str) {
        assert_eq!(transliterate(t), transliterate_general(t), "{t:?}");
    }

    #[test]
    fn fast_path_agrees_with_the_pipeline_on_every_pair_of_characters() {
        let chars = fast::tests::alphabet();
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
                    check(&t);
                }
            }
        }
    }

    #[test]
    fn fast_path_agrees_with_the_pipeline_on_the_seed_corpus() {
        for (name, text) in fast::tests::seed_corpus() {
            assert_eq!(transliterate(&text), transliterate_general(&text), "{name}");
            for line in text.lines() {
                check(line);
            }
        }
    }

    #[test]
    fn words_outside_the_known_set_keep_their_neighbours() {
        check("قره\u{200C}باغ  Pashinyán ـ - O’Brien ٢٠٢١ \u{200F}بوتين\u{200E} مُدينةُ ـ");
        check("a \u{200F} \n \u{200F} b ـ \u{FE70}\u{FEFB}");
        check("شَّ سّ");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn fast_path_equals_the_pipeline(t in fast::tests::mixed()) {
            prop_assert_eq!(transliterate(&t), transliterate_general(&t));
        }

        #[test]
        fn fast_path_equals_the_pipeline_on_any_text(t in "\\PC{0,30}") {
            prop_assert_eq!(transliterate(&t), transliterate_general(&t));
        }

        #[test]
        fn round_trip_is_exact_for_arabic_letters_and_marks(
            t in proptest::collection::vec(proptest::sample::select(TABLE.iter().map(|&(a, _)| a).collect::<Vec<_>>()), 0..30)
        ) {
            let arabic: String = t.into_iter().collect();
            prop_assert_eq!(decode(&encode(&arabic)), arabic);
        }
    }
}
