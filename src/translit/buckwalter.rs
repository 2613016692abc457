//! Buckwalter transliteration: the reversible one-to-one ASCII scheme of Tim Buckwalter (as used by the Penn
//! Arabic Treebank and CAMeL Tools' `ar2bw`), with the common extension for Persian letters (پ P, چ J, ژ R, ڤ V,
//! گ G). Characters outside the table pass through unchanged in both directions.

/// The Buckwalter table: (Arabic, ASCII). Letters, marks, tatweel.
pub(crate) static TABLE: &[(char, char)] = &[
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

/// Arabic → Buckwalter for one character; `None` when it is not in the table.
pub(crate) fn forward(c: char) -> Option<char> {
    TABLE
        .binary_search_by_key(&c, |&(a, _)| a)
        .ok()
        .and_then(|i| TABLE.get(i))
        .map(|&(_, b)| b)
}

/// Buckwalter → Arabic for one character; `None` when it is not in the table.
pub(crate) fn reverse(c: char) -> Option<char> {
    if !c.is_ascii() {
        return None;
    }
    TABLE.iter().find(|&&(_, b)| b == c).map(|&(a, _)| a)
}

/// Transliterates all of `text` (letters, marks and tatweel; everything else unchanged).
pub(crate) fn encode(text: &str) -> String {
    text.chars().map(|c| forward(c).unwrap_or(c)).collect()
}

/// Turns Buckwalter ASCII back into Arabic (every ASCII character of the table; everything else unchanged).
pub(crate) fn decode(text: &str) -> String {
    text.chars().map(|c| reverse(c).unwrap_or(c)).collect()
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

    proptest! {
        #[test]
        fn round_trip_is_exact_for_arabic_letters_and_marks(
            t in proptest::collection::vec(proptest::sample::select(TABLE.iter().map(|&(a, _)| a).collect::<Vec<_>>()), 0..30)
        ) {
            let arabic: String = t.into_iter().collect();
            prop_assert_eq!(decode(&encode(&arabic)), arabic);
        }
    }
}
