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
/// look-up per character; the others go step by step, which gives the same result (tests compare both with
/// `transliterate_general`). Whitespace is collapsed as at the display step, which comes before NFKC and the
/// removal of tatweel: a word counts when its display form is not empty, even if nothing of it is left at the end.
pub(crate) fn transliterate(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    // The whitespace waiting to be written (b' ' or b'\n', 0 for none) and whether a word was written.
    let mut pending = 0u8;
    let mut started = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let space = if fast::is_ascii_space(b) {
            Some(1)
        } else if b == 0xC2 && bytes.get(i + 1) == Some(&0xA0) {
            Some(2)
        } else {
            None
        };
        if let Some(len) = space {
            pending = if b == b'\n' || pending == b'\n' {
                b'\n'
            } else {
                b' '
            };
            i += len;
            continue;
        }
        let mark = out.len();
        if started && pending != 0 {
            out.push(char::from(pending));
        }
        if let Some(end) = word(&mut out, text, i) {
            started = true;
            pending = 0;
            i = end;
            continue;
        }
        out.truncate(mark);
        let end = fast::span_end(text, i, fast::known_word, |w| {
            !normalize::display(w).is_empty()
        });
        let clean = normalize::display(text.get(i..end).unwrap_or_default());
        if !clean.is_empty() {
            if started && pending != 0 {
                out.push(char::from(pending));
            }
            out.push_str(&encode_clean(&clean));
            started = true;
            pending = 0;
        }
        i = end;
    }
    out
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

/// What the fast path does with a character of U+0600..U+06FF: its Buckwalter letter in the low byte, or
/// [`SAME`] or [`DROP`]; [`ORDERED`] on the tashkeel kept in canonical order; 0 for a word that goes step by step.
static FAST: [u16; 256] = fast_table();
/// Not in the table: unchanged.
const SAME: u16 = 0x100;
/// Tatweel: removed.
const DROP: u16 = 0x200;
/// A mark whose canonical order is checked (NFC would reorder marks out of order).
const ORDERED: u16 = 0x400;

const fn fast_table() -> [u16; 256] {
    let mut t = [0u16; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = match fast::DISPLAY_CLASSES[k] {
            0 => 0,
            class => {
                let letter = FORWARD[k] as u16;
                let ordered = if class == 2 { ORDERED } else { 0 };
                if k == 0x40 {
                    DROP
                } else if letter != 0 {
                    letter | ordered
                } else {
                    SAME | ordered
                }
            }
        };
        k += 1;
    }
    t
}

/// One word by the fast path, appended to `out`; its end, or `None` when it holds a character outside the known
/// set or marks out of canonical order (the caller then truncates `out`).
fn word(out: &mut String, text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut rest = bytes.get(start..).unwrap_or_default();
    let mut last_mark = 0usize;
    loop {
        match *rest {
            [b0, b1, ref tail @ ..] if b0 & 0xFC == 0xD8 => {
                let k = (usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F);
                let e = FAST.get(k).copied().unwrap_or_default();
                if e & ORDERED != 0 {
                    if k < last_mark {
                        return None;
                    }
                    last_mark = k;
                } else {
                    last_mark = 0;
                }
                match e & 0x3FF {
                    0 => return None,
                    SAME => out.push(char::from_u32(0x0600 + k as u32)?),
                    DROP => {}
                    letter => out.push(char::from(letter as u8)),
                }
                rest = tail;
            }
            [b, ..] if b < 0x80 => {
                if fast::is_ascii_space(b) {
                    break;
                }
                let at = bytes.len() - rest.len();
                let n = 1 + ascii_run(rest.get(1..).unwrap_or_default());
                out.push_str(text.get(at..at + n).unwrap_or_default());
                last_mark = 0;
                rest = rest.get(n..).unwrap_or_default();
            }
            [] => break,
            _ => {
                let len = match *rest {
                    [0xC2, 0xA0, ..] => break,
                    [0xC2, 0xAB | 0xBB, ..] => 2,
                    // Not U+2011 NON-BREAKING HYPHEN, which NFKC turns into U+2010.
                    [0xE2, 0x80, 0x90 | 0x92..=0x95 | 0x98 | 0x99 | 0x9C | 0x9D, ..] => 3,
                    _ => return None,
                };
                let at = bytes.len() - rest.len();
                out.push_str(text.get(at..at + len).unwrap_or_default());
                last_mark = 0;
                rest = rest.get(len..).unwrap_or_default();
            }
        }
    }
    Some(bytes.len() - rest.len())
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
        fast::tests::each_pair(check);
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
