//! Character classes and fold tables of the normalizer, kept as data.
//!
//! Every table names the code points it handles; `mod.rs` only applies them.

/// Bidi and zero-width format controls removed at the `display` level (ZWNJ is handled apart).
///
/// U+00AD SOFT HYPHEN, U+061C ARABIC LETTER MARK, U+200B ZERO WIDTH SPACE, U+200D ZERO WIDTH JOINER,
/// U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK, U+202A..U+202E LRE RLE PDF LRO RLO,
/// U+2060 WORD JOINER, U+2066..U+2069 LRI RLI FSI PDI, U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM).
pub(crate) fn is_removed_control(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'
            | '\u{200D}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// U+200C ZERO WIDTH NON-JOINER: a space between two Arabic letters (قره‌باغ → قره باغ), removed elsewhere.
pub(crate) const ZWNJ: char = '\u{200C}';

/// U+0640 ARABIC TATWEEL (kashida), removed at the `search` level.
pub(crate) const TATWEEL: char = '\u{0640}';

/// How many of a word's first letters are the article ال (or ٱل): 2 when the word begins with it and two letters
/// or more follow, else 0 (ألداي, whose alef carries a hamza, and الم have none). `letters` are the word's
/// letters, marks and tatweel left out. The one rule of the skeleton, the `plain` reading and the matcher's
/// readings without the article.
pub(crate) fn article_letters(mut letters: impl Iterator<Item = char>) -> usize {
    match (letters.next(), letters.next()) {
        (Some('ا' | 'ٱ'), Some('ل')) if letters.by_ref().take(2).count() == 2 => 2,
        _ => 0,
    }
}

/// Arabic letters: U+0620..U+063F, U+0641..U+064A, U+066E..U+06D3, U+06D5, U+06EE..U+06EF, U+06FA..U+06FC,
/// U+06FF, and the Arabic Supplement and Extended-A letters (U+0750..U+077F, U+08A0..U+08C9).
pub const fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}')
}

/// Arabic marks removed at the `search` level: tashkeel and other marks U+064B..U+065F, superscript alef U+0670,
/// Quranic annotation signs U+06D6..U+06ED (the letter-like U+06E5, U+06E6 small waw/yeh included), and the
/// extended marks U+08CA..U+08FF, U+0610..U+061A.
pub const fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{08CA}'..='\u{08FF}')
}

/// Latin/Greek/Cyrillic combining diacritics stripped from Latin text at the `search` level:
/// U+0300..U+036F, U+1AB0..U+1AFF, U+1DC0..U+1DFF, U+20D0..U+20FF, U+FE20..U+FE2F.
pub(crate) fn is_latin_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Letter folds of the `search` level: (from, to). Sorted by `from` for binary search.
///
/// Alef forms أ إ آ ٱ → ا; ؤ → و; ئ → ي; ى → ي; Persian/Urdu letters to their Arabic base letters
/// (ک → ك, ی ې → ي, ۀ ە → ه, پ → ب, چ → ج, ژ → ز, ڤ → ف, گ → ك, and a few more of the same kind);
/// Arabic-Indic and Eastern Arabic-Indic digits → ASCII; Arabic punctuation → ASCII (« » are folded to `"`
/// in [`search_fold`], outside this block-sorted table).
/// Final ة and ۃ → ه is contextual and handled in `mod.rs`.
pub(crate) static SEARCH_FOLDS: &[(char, char)] = &SEARCH_FOLD_PAIRS;

/// The pairs of [`SEARCH_FOLDS`], for the tables built at compile time.
pub(crate) const SEARCH_FOLD_PAIRS: [(char, char); 56] = [
    ('\u{060C}', ','), // ، ARABIC COMMA
    ('\u{061B}', ';'), // ؛ ARABIC SEMICOLON
    ('\u{061F}', '?'), // ؟ ARABIC QUESTION MARK
    ('\u{0622}', 'ا'), // آ ALEF WITH MADDA ABOVE
    ('\u{0623}', 'ا'), // أ ALEF WITH HAMZA ABOVE
    ('\u{0624}', 'و'), // ؤ WAW WITH HAMZA ABOVE
    ('\u{0625}', 'ا'), // إ ALEF WITH HAMZA BELOW
    ('\u{0626}', 'ي'), // ئ YEH WITH HAMZA ABOVE
    ('\u{0649}', 'ي'), // ى ALEF MAKSURA
    ('\u{0660}', '0'), // ٠ ARABIC-INDIC DIGIT ZERO
    ('\u{0661}', '1'),
    ('\u{0662}', '2'),
    ('\u{0663}', '3'),
    ('\u{0664}', '4'),
    ('\u{0665}', '5'),
    ('\u{0666}', '6'),
    ('\u{0667}', '7'),
    ('\u{0668}', '8'),
    ('\u{0669}', '9'),
    ('\u{066A}', '%'), // ٪ ARABIC PERCENT SIGN
    ('\u{066B}', '.'), // ٫ ARABIC DECIMAL SEPARATOR
    ('\u{066C}', ','), // ٬ ARABIC THOUSANDS SEPARATOR
    ('\u{066D}', '*'), // ٭ ARABIC FIVE POINTED STAR
    ('\u{0671}', 'ا'), // ٱ ALEF WASLA
    ('\u{0672}', 'ا'), // ٲ ALEF WITH WAVY HAMZA ABOVE
    ('\u{0673}', 'ا'), // ٳ ALEF WITH WAVY HAMZA BELOW
    ('\u{0675}', 'ا'), // ٵ HIGH HAMZA ALEF
    ('\u{0676}', 'و'), // ٶ HIGH HAMZA WAW
    ('\u{0678}', 'ي'), // ٸ HIGH HAMZA YEH
    ('\u{067E}', 'ب'), // پ PEH
    ('\u{0686}', 'ج'), // چ TCHEH
    ('\u{0698}', 'ز'), // ژ JEH
    ('\u{06A4}', 'ف'), // ڤ VEH
    ('\u{06A9}', 'ك'), // ک KEHEH
    ('\u{06AA}', 'ك'), // ڪ SWASH KAF
    ('\u{06AF}', 'ك'), // گ GAF
    ('\u{06BE}', 'ه'), // ھ HEH DOACHASHMEE
    ('\u{06C0}', 'ه'), // ۀ HEH WITH YEH ABOVE
    ('\u{06C1}', 'ه'), // ہ HEH GOAL
    ('\u{06C2}', 'ه'), // ۂ HEH GOAL WITH HAMZA ABOVE
    ('\u{06CC}', 'ي'), // ی FARSI YEH
    ('\u{06D0}', 'ي'), // ې E
    ('\u{06D2}', 'ي'), // ے YEH BARREE
    ('\u{06D3}', 'ي'), // ۓ YEH BARREE WITH HAMZA ABOVE
    ('\u{06D4}', '.'), // ۔ ARABIC FULL STOP
    ('\u{06D5}', 'ه'), // ە AE
    ('\u{06F0}', '0'), // ۰ EXTENDED ARABIC-INDIC DIGIT ZERO
    ('\u{06F1}', '1'),
    ('\u{06F2}', '2'),
    ('\u{06F3}', '3'),
    ('\u{06F4}', '4'),
    ('\u{06F5}', '5'),
    ('\u{06F6}', '6'),
    ('\u{06F7}', '7'),
    ('\u{06F8}', '8'),
    ('\u{06F9}', '9'),
];

/// Looks a character up in [`SEARCH_FOLDS`] (and the few folds outside the Arabic block).
pub(crate) fn search_fold(c: char) -> Option<char> {
    match c {
        '\u{00AB}' | '\u{00BB}' => Some('"'), // « »
        '\u{0600}'..='\u{06FF}' => SEARCH_FOLDS
            .binary_search_by_key(&c, |&(from, _)| from)
            .ok()
            .and_then(|i| SEARCH_FOLDS.get(i))
            .map(|&(_, to)| to),
        _ => None,
    }
}

/// Apostrophes and ʿayn/hamza signs removed from Latin text at the `search` level:
/// ' ` ʹ ʻ ʼ ʽ ʾ ʿ ˈ ‘ ’ ′.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`'
            | '\u{02B9}'
            | '\u{02BB}'
            | '\u{02BC}'
            | '\u{02BD}'
            | '\u{02BE}'
            | '\u{02BF}'
            | '\u{02C8}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2032}'
    )
}

/// Hyphens and dashes read as spaces at the `search` level: - ‐ ‑ ‒ – — ― − ـ is not one (tatweel is removed).
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_folds_are_sorted_for_binary_search() {
        let arabic: Vec<char> = SEARCH_FOLDS.iter().map(|&(c, _)| c).collect();
        assert!(arabic.windows(2).all(|w| w[0] < w[1]));
        for &(from, to) in SEARCH_FOLDS {
            assert_eq!(search_fold(from), Some(to), "U+{:04X}", from as u32);
        }
    }

    #[test]
    fn the_article_and_what_is_not() {
        let n = |w: &str| article_letters(w.chars());
        assert_eq!(n("الرياض"), 2);
        assert_eq!(n("ٱلرياض"), 2);
        // Two letters must follow; a hamza on the alef is no article.
        assert_eq!(n("الم"), 0);
        assert_eq!(n("ألداي"), 0);
        assert_eq!(n("إلهام"), 0);
        assert_eq!(n("لبنان"), 0);
    }

    #[test]
    fn classes_name_their_code_points() {
        assert!(is_arabic_letter('ب') && is_arabic_letter('پ') && !is_arabic_letter('\u{064E}'));
        assert!(
            is_arabic_mark('\u{064B}') && is_arabic_mark('\u{0670}') && is_arabic_mark('\u{06ED}')
        );
        assert!(!is_arabic_mark(TATWEEL) && !is_arabic_letter(TATWEEL));
        assert!(
            is_removed_control('\u{200F}')
                && is_removed_control('\u{2067}')
                && !is_removed_control(ZWNJ)
        );
        assert!(is_latin_mark('\u{0301}') && !is_latin_mark('\u{064E}'));
    }
}
