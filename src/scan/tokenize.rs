//! Word tokens of running text, with their byte ranges in the text as written.
//!
//! A token is a maximal run of word characters of one script class:
//!
//! * **Arabic**: letters, marks and tatweel of the Arabic blocks (U+0600..U+06FF, U+0750..U+077F,
//!   U+08A0..U+08FF) and the Arabic presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFC), Arabic-Indic digits
//!   included;
//! * **Latin** (any other script): letters and digits (`char::is_alphanumeric`) and combining marks, keeping
//!   hyphens, apostrophes and dots *between* two word characters: `Su-30SM`, `O'Brien`, `U.S`, `seaprwire.com`;
//!   the English possessive `'s` at a word's end is no part of it (`Putin's`: `Putin`, the `'s` a [`Gap::Hard`],
//!   so that `Russia's Putin` is two names). A name goes on after an initial and its dot ([`gap_between`]:
//!   `George W. Bush`).
//!
//! Invisible format characters (soft hyphen, ZWJ, bidi marks) inside a word stay in its token; the `search` key
//! drops them. Everything else separates tokens: spaces, punctuation, ZWNJ (قره‌باغ is two words), and a change of
//! class (`بـSu` is two tokens). [`Gap`] tells whether the text between two tokens lets a name continue across it.

use std::ops::Range;

/// The script class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Arabic letters, marks, tatweel, Arabic-Indic digits.
    Arabic,
    /// Every other letter or digit (Latin, Cyrillic, ASCII digits…).
    Latin,
}

/// One word token: its byte range in the text and its class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just after the last character.
    pub end: usize,
    /// Its script class.
    pub class: Class,
}

impl Token {
    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The class of a word character, or `None` for a separator.
pub fn class_of(c: char) -> Option<Class> {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric().then_some(Class::Latin);
    }
    match c {
        // Basic Arabic letters and tatweel: the common case.
        '\u{0621}'..='\u{064A}' => Some(Class::Arabic),
        // The rest of the Arabic block (its punctuation، ؛ ؟ is common), from a table made once.
        '\u{0600}'..='\u{06FF}' => ARABIC_CHARS
            .get((c as usize) - 0x0600)
            .is_some_and(|e| e & ARABIC_WORD != 0)
            .then_some(Class::Arabic),
        _ => class_of_slow(c),
    }
}

/// Bits of what the tokenizer saw of a token's characters, and-ed over them, so that the scanner can make the
/// token's `search` key without reading it again: every character is left as it is by the `search` level…
pub(crate) const LETTERS_STABLE: u8 = 1;
/// …or every character is one of those or a basic Arabic letter that the scanner folds itself.
pub(crate) const LETTERS_BASIC: u8 = 2;
/// In [`ARABIC_CHARS`]: a word character (of class Arabic).
const ARABIC_WORD: u8 = 4;

/// The letter bits of one character.
#[inline]
fn letters_of(c: char) -> u8 {
    match c {
        'a'..='z' | '0'..='9' => LETTERS_STABLE | LETTERS_BASIC,
        '\u{0600}'..='\u{06FF}' => ARABIC_CHARS
            .get((c as usize) - 0x0600)
            .map_or(0, |e| e & (LETTERS_STABLE | LETTERS_BASIC)),
        _ => 0,
    }
}

/// For every character of the Arabic block U+0600..U+06FF: [`ARABIC_WORD`] and its letter bits (from the
/// scanner's `is_stable` and `fold_basic`).
static ARABIC_CHARS: std::sync::LazyLock<[u8; 0x100]> = std::sync::LazyLock::new(|| {
    let mut table = [0u8; 0x100];
    for (k, slot) in (0x0600u32..).zip(table.iter_mut()) {
        let Some(c) = char::from_u32(k) else {
            continue;
        };
        if class_of_slow(c) == Some(Class::Arabic) {
            *slot |= ARABIC_WORD;
        }
        if super::is_stable(c) {
            *slot |= LETTERS_STABLE | LETTERS_BASIC;
        } else if super::fold_basic(c, false).is_some() {
            *slot |= LETTERS_BASIC;
        }
    }
    table
});

/// The class of a non-ASCII character, by the rules written out.
fn class_of_slow(c: char) -> Option<Class> {
    match c {
        '\u{0621}'..='\u{064A}' => Some(Class::Arabic),
        // The Arabic blocks: letters, marks, tatweel and digits are word characters; punctuation (، ؛ ؟ ٪ ۔…) is not.
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' => {
            let word = crate::normalize::is_arabic_letter(c)
                || crate::normalize::is_arabic_mark(c)
                || matches!(c, '\u{0640}' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
                || c.is_alphanumeric();
            word.then_some(Class::Arabic)
        }
        // Presentation forms: letters and ligatures (the ornate parentheses and the ligature signs aside).
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => {
            (!matches!(c, '\u{FD3E}' | '\u{FD3F}' | '\u{FDFC}'..='\u{FDFF}'))
                .then_some(Class::Arabic)
        }
        _ => (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
            .then_some(Class::Latin),
    }
}

/// The character that starts at byte `i` of `text` (a character boundary) and its length in bytes; `None` at the
/// end. Decoded here rather than with `char_indices`, for the one- and two-byte characters of Arabic text.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let b0 = *bytes.get(i)?;
    if b0 < 0x80 {
        return Some((char::from(b0), 1));
    }
    if b0 < 0xE0 {
        if let Some(&b1) = bytes.get(i + 1) {
            let cp = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
            if let Some(c) = char::from_u32(cp) {
                return Some((c, 2));
            }
        }
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Invisible format characters that stay inside a word (the `search` key removes them).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{061C}' | '\u{200B}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{2060}'
    )
}

/// Characters kept between two Latin word characters.
fn is_latin_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' | '\u{02BC}' | '.'
    )
}

/// Whether an English possessive starts at byte `i`: an apostrophe (' or ’), then s or S, then no word
/// character.
fn is_possessive(text: &str, i: usize) -> bool {
    let Some(rest) = text.get(i..) else {
        return false;
    };
    crate::rules::clitics::english_possessive(rest)
        .and_then(|n| rest.get(n..))
        .is_some_and(|after| after.chars().next().is_none_or(|c| class_of(c).is_none()))
}

/// Every token of `text`, in order.
///
/// ```
/// use qamus::scan::tokenize::tokens;
/// let text = "مقاتلات Su-30SM، وباشينيان.";
/// let words: Vec<&str> = tokens(text).iter().map(|t| &text[t.range()]).collect();
/// assert_eq!(words, ["مقاتلات", "Su-30SM", "وباشينيان"]);
/// ```
pub fn tokens(text: &str) -> Vec<Token> {
    tokens_and_letters(text).0
}

/// [`tokens`], and for each token its letter bits ([`LETTERS_STABLE`], [`LETTERS_BASIC`]).
pub(crate) fn tokens_and_letters(text: &str) -> (Vec<Token>, Vec<u8>) {
    // About one token per six bytes of Arabic text.
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    let mut letters: Vec<u8> = Vec::with_capacity(text.len() / 6 + 1);
    let mut current: Option<Token> = None;
    // The letter bits of the current token.
    let mut seen = 0u8;
    let bytes = text.as_bytes();
    let arabic_chars = &*ARABIC_CHARS;
    let mut i = 0;
    loop {
        // The common case first: the word goes on with a character of its class (Arabic letters and marks, two
        // bytes each; ASCII letters and digits).
        if let Some(t) = current.as_mut().filter(|t| t.end == i) {
            match t.class {
                Class::Arabic => {
                    while let Some(&[b0 @ 0xD8..=0xDB, b1]) = bytes.get(i..i + 2) {
                        let at = (usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F);
                        let e = arabic_chars.get(at).copied().unwrap_or(0);
                        if e & ARABIC_WORD == 0 {
                            break;
                        }
                        seen &= e;
                        i += 2;
                    }
                }
                Class::Latin => {
                    while let Some(b) = bytes.get(i).filter(|b| b.is_ascii_alphanumeric()) {
                        if b.is_ascii_uppercase() {
                            seen = 0;
                        }
                        i += 1;
                    }
                }
            }
            t.end = i;
        }
        // Next, the common characters between words and at their starts, by their bytes: ASCII spaces and
        // punctuation, and the Arabic block's letters and punctuation. Joiners (ASCII ones after a Latin word, the
        // Arabic letter mark U+061C) go the general way below.
        let latin_before = current
            .as_ref()
            .is_some_and(|t| t.end == i && t.class == Class::Latin);
        match bytes.get(i..) {
            None | Some([]) => break,
            Some(&[b, ..])
                if b.is_ascii()
                    && !b.is_ascii_alphanumeric()
                    && !(latin_before && is_latin_joiner(char::from(b))) =>
            {
                if let Some(t) = current.take() {
                    out.push(t);
                    letters.push(seen);
                }
                i += 1;
                continue;
            }
            Some(&[b0 @ 0xD8..=0xDB, b1, ..]) if !(b0 == 0xD8 && b1 == 0x9C) => {
                let at = (usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F);
                let e = arabic_chars.get(at).copied().unwrap_or(0);
                if let Some(t) = current.take() {
                    out.push(t);
                    letters.push(seen);
                }
                if e & ARABIC_WORD != 0 {
                    current = Some(Token {
                        start: i,
                        end: i + 2,
                        class: Class::Arabic,
                    });
                    seen = e & (LETTERS_STABLE | LETTERS_BASIC);
                }
                i += 2;
                continue;
            }
            _ => {}
        }
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
        let end = i + len;
        match (class_of(c), current.as_mut()) {
            (Some(k), Some(t)) if t.class == k && t.end == i => {
                t.end = end;
                seen &= letters_of(c);
            }
            (Some(k), _) => {
                if let Some(t) = current.take() {
                    out.push(t);
                    letters.push(seen);
                }
                current = Some(Token {
                    start: i,
                    end,
                    class: k,
                });
                seen = letters_of(c);
            }
            (None, Some(t)) if t.end == i && t.class == Class::Latin && is_possessive(text, i) => {
                // The English possessive: the word ends before it, and the 's starts none.
                if let Some(t) = current.take() {
                    out.push(t);
                    letters.push(seen);
                }
                i = end + 1;
                continue;
            }
            (None, Some(t)) if t.end == i => {
                // A joiner stays when a word character of the same class follows it.
                let joins = is_invisible(c) || (t.class == Class::Latin && is_latin_joiner(c));
                let next_same = joins
                    && char_at(text, end)
                        .and_then(|(n, _)| class_of(n))
                        .is_some_and(|k| k == t.class);
                if next_same {
                    t.end = end;
                    seen &= letters_of(c);
                } else if let Some(t) = current.take() {
                    out.push(t);
                    letters.push(seen);
                }
            }
            (None, _) => {
                if let Some(t) = current.take() {
                    out.push(t);
                    letters.push(seen);
                }
            }
        }
        i = end;
    }
    if let Some(t) = current {
        out.push(t);
        letters.push(seen);
    }
    (out, letters)
}

/// What lies between two tokens, for deciding whether a multi-word name may continue across it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Only spaces (no line break), quotes, dashes and invisible controls: `روسيا - العالم`, `نادي "فالداي"`.
    Soft,
    /// A line break, sentence or clause punctuation, brackets, slashes or anything else.
    Hard,
}

/// Classifies the text between tokens `a` and `b` of `text`: [`gap`], except that the dot after a Latin initial
/// lets a name go on (George W. Bush, John F. Kennedy: a single capital letter, its dot, then spaces).
pub fn gap_between(text: &str, a: &Token, b: &Token) -> Gap {
    let between = text.get(a.end..b.start).unwrap_or_default();
    let initial = a.class == Class::Latin
        && text
            .get(a.range())
            .is_some_and(|w| w.len() == 1 && w.bytes().all(|c| c.is_ascii_uppercase()));
    match between.strip_prefix('.') {
        Some(rest) if initial && !rest.is_empty() => gap(rest),
        _ => gap(between),
    }
}

/// Classifies the text between two tokens.
pub fn gap(between: &str) -> Gap {
    let soft = between.chars().all(|c| {
        (c.is_whitespace() && c != '\n' && c != '\r')
            || matches!(
                c,
                '"' | '\''
                    | '«'
                    | '»'
                    | '“'
                    | '”'
                    | '„'
                    | '‘'
                    | '’'
                    | '-'
                    | '‐'
                    | '‑'
                    | '–'
                    | '—'
                    | '\u{0640}'
                    | '\u{200C}'
            )
            || is_invisible(c)
    });
    if soft {
        Gap::Soft
    } else {
        Gap::Hard
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn arabic_words_with_marks_and_tatweel_stay_whole() {
        assert_eq!(words("الكريملِن أعلن"), ["الكريملِن", "أعلن"]);
        assert_eq!(words("بـــوتين،باشينيان"), ["بـــوتين", "باشينيان"]);
        assert_eq!(words("جرّاء (القوات)"), ["جرّاء", "القوات"]);
    }

    #[test]
    fn latin_words_keep_inner_hyphens_dots_and_apostrophes() {
        assert_eq!(words("مقاتلات Su-30SM."), ["مقاتلات", "Su-30SM"]);
        assert_eq!(words("(SeaPRwire) – زار"), ["SeaPRwire", "زار"]);
        assert_eq!(
            words("https://www.seaprwire.com/ x"),
            ["https", "www.seaprwire.com", "x"]
        );
        assert_eq!(
            words("O'Brien U.S. -x- 3.5"),
            ["O'Brien", "U.S", "x", "3.5"]
        );
    }

    #[test]
    fn the_english_possessive_is_no_part_of_the_word() {
        assert_eq!(
            words("Putin's aide, Armenia’s PM, RUSSIA'S army, O'Sullivan, it'sy"),
            [
                "Putin",
                "aide",
                "Armenia",
                "PM",
                "RUSSIA",
                "army",
                "O'Sullivan",
                "it'sy"
            ]
        );
        let text = "Russia's Putin";
        let t = tokens(text);
        assert_eq!(gap(&text[t[0].end..t[1].start]), Gap::Hard);
    }

    #[test]
    fn a_name_goes_on_after_an_initial_and_its_dot() {
        let gaps = |text: &str| -> Vec<Gap> {
            let t = tokens(text);
            t.windows(2)
                .map(|w| gap_between(text, &w[0], &w[1]))
                .collect()
        };
        assert_eq!(gaps("George W. Bush"), [Gap::Soft, Gap::Soft]);
        // A word's dot, a lower-case letter's, a dot with no space after: a sentence or an abbreviation ends.
        assert_eq!(gaps("Plan now. Bush"), [Gap::Soft, Gap::Hard]);
        assert_eq!(gaps("plan b. Bush"), [Gap::Soft, Gap::Hard]);
        assert_eq!(gaps("W.\nBush"), [Gap::Hard]);
    }

    #[test]
    fn zwnj_and_class_changes_separate_words() {
        assert_eq!(words("قره\u{200C}باغ"), ["قره", "باغ"]);
        assert_eq!(words("نوفوستي+Rt"), ["نوفوستي", "Rt"]);
        assert_eq!(words("2020م"), ["2020", "م"]);
        assert_eq!(words("٢٠٢١ و"), ["٢٠٢١", "و"]);
    }

    #[test]
    fn invisible_controls_inside_a_word_stay() {
        assert_eq!(words("بو\u{200F}تين"), ["بو\u{200F}تين"]);
        assert_eq!(words("\u{200F}بوتين\u{200F}"), ["بوتين"]);
    }

    #[test]
    fn offsets_cover_the_text_as_written() {
        let text = "  أرمينيا، وروسيا\n";
        let t = tokens(text);
        assert_eq!((t[0].start, t[0].end), (2, 2 + "أرمينيا".len()));
        assert_eq!(&text[t[1].range()], "وروسيا");
    }

    /// The tokens of the text as the first version cut them (`char_indices`, no tables): the reference.
    fn tokens_reference(text: &str) -> Vec<Token> {
        let mut out: Vec<Token> = Vec::new();
        let mut current: Option<Token> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let end = i + c.len_utf8();
            match (class_of_slow_any(c), current.as_mut()) {
                (Some(k), Some(t)) if t.class == k && t.end == i => t.end = end,
                (Some(k), _) => {
                    if let Some(t) = current.take() {
                        out.push(t);
                    }
                    current = Some(Token {
                        start: i,
                        end,
                        class: k,
                    });
                }
                (None, Some(t))
                    if t.end == i && t.class == Class::Latin && is_possessive(text, i) =>
                {
                    if let Some(t) = current.take() {
                        out.push(t);
                    }
                    chars.next();
                }
                (None, Some(t)) if t.end == i => {
                    let joins = is_invisible(c) || (t.class == Class::Latin && is_latin_joiner(c));
                    let next_same = chars
                        .peek()
                        .and_then(|&(_, n)| class_of_slow_any(n))
                        .is_some_and(|k| k == t.class);
                    if joins && next_same {
                        t.end = end;
                    } else if let Some(t) = current.take() {
                        out.push(t);
                    }
                }
                (None, _) => {
                    if let Some(t) = current.take() {
                        out.push(t);
                    }
                }
            }
        }
        if let Some(t) = current {
            out.push(t);
        }
        out
    }

    fn class_of_slow_any(c: char) -> Option<Class> {
        if c.is_ascii() {
            c.is_ascii_alphanumeric().then_some(Class::Latin)
        } else {
            class_of_slow(c)
        }
    }

    #[test]
    fn the_class_table_is_the_rules() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(class_of(c), class_of_slow_any(c), "{c:?}");
        }
    }

    #[test]
    fn char_at_decodes_like_chars() {
        let text = "aé،بـ\u{200F}€𝔸\u{FEFB}z";
        let mut i = 0;
        let mut got = Vec::new();
        while let Some((c, len)) = char_at(text, i) {
            got.push((i, c));
            i += len;
        }
        assert_eq!(got, text.char_indices().collect::<Vec<_>>());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn tokens_are_the_reference_tokens(text in "[\u{0600}-\u{06FF}a-zA-Z0-9 .,'’sS\\-\u{200C}-\u{200F}\u{00AD}é€𝔸\u{FE70}-\u{FEFF}\n]{0,40}") {
            proptest::prop_assert_eq!(tokens(&text), tokens_reference(&text));
        }

        #[test]
        fn tokens_of_any_text_are_the_reference_tokens(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(tokens(&text), tokens_reference(&text));
        }
    }

    #[test]
    fn gaps() {
        assert_eq!(gap(" "), Gap::Soft);
        assert_eq!(gap(" \""), Gap::Soft);
        assert_eq!(gap(" - "), Gap::Soft);
        assert_eq!(gap("، "), Gap::Hard);
        assert_eq!(gap(". "), Gap::Hard);
        assert_eq!(gap("\n"), Gap::Hard);
        assert_eq!(gap(" ("), Gap::Hard);
    }
}
