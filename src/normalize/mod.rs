//! Arabic and Latin text normalization at two levels, `display` and `search`.
//!
//! * [`Level::Display`]: text a reader would still accept. Bidi and zero-width controls are removed (ZWNJ between
//!   two Arabic letters becomes a space, as in قره‌باغ), the text is put in NFC, and whitespace is collapsed.
//! * [`Level::Search`]: the key used for matching. `display`, then NFKC (presentation forms U+FB50..U+FDFF and
//!   U+FE70..U+FEFF fold to letters), then one pass of folds: tashkeel and Quranic marks removed, tatweel removed,
//!   alef forms → ا, ى → ي, final ة → ه, ؤ → و, ئ → ي, Persian and Urdu letters → Arabic ones, Arabic-Indic
//!   digits → ASCII, Arabic punctuation → ASCII; Latin letters lose their marks and case, apostrophes (ʿ ʾ ‘ ’ ')
//!   go and hyphens become spaces; whitespace is collapsed again.
//!
//! Every function returns a [`Cow`] that borrows when nothing changed, and every step checks first whether it has
//! anything to do, so that plain Arabic text passes through fast. Marks are stripped *after* NFKC and the text is
//! composed again when stripping could have changed what composes: `search(search(x)) == search(x)` holds (a
//! property test checks it).
//!
//! # Example
//! ```
//! use qamus::normalize::{normalize, Level};
//!
//! assert_eq!(normalize("الكريملِن", Level::Search), "الكريملن");
//! assert_eq!(normalize("إنترفاكس", Level::Search), normalize("انترفاكس", Level::Search));
//! assert_eq!(normalize("قرة باغ", Level::Search), "قره باغ");
//! assert_eq!(normalize("Pashinyán", Level::Search), "pashinyan");
//! // `display` keeps the letters as written and only cleans controls and spacing.
//! assert_eq!(normalize("قره\u{200C}باغ\u{200F}  ٢٠٢١", Level::Display), "قره باغ ٢٠٢١");
//! ```

mod chars;
pub(crate) mod fast;

use std::borrow::Cow;

use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};

pub(crate) use chars::article_letters;
pub use chars::{is_arabic_letter, is_arabic_mark};

/// How far [`normalize`] goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Level {
    /// Controls removed, NFC, whitespace collapsed: still the text as written.
    #[default]
    Display,
    /// The matching key: `Display`, NFKC, and all the folds listed in the module documentation.
    Search,
}

/// Normalizes `text` to `level`.
///
/// ```
/// use qamus::normalize::{normalize, Level};
/// assert_eq!(normalize("أحمد", Level::Display), "أحمد");
/// assert_eq!(normalize("أحمد", Level::Search), "احمد");
/// ```
pub fn normalize(text: &str, level: Level) -> Cow<'_, str> {
    match level {
        Level::Display => display(text),
        Level::Search => search(text),
    }
}

/// The `display` level: [`remove_controls`], then [`nfc`], then [`collapse_whitespace`].
///
/// Words made of the common Arabic and ASCII characters take a fast path that gives the same result; see the
/// module documentation of `fast.rs`.
pub fn display(text: &str) -> Cow<'_, str> {
    fast::display(text)
}

/// The `display` level step by step: the reference for the fast path.
fn display_general(text: &str) -> Cow<'_, str> {
    let out = remove_controls(text);
    let out = then(out, nfc);
    then(out, collapse_whitespace)
}

/// The `search` level: [`display`], then [`nfkc`], then [`fold`] with every fold, then whitespace collapsed.
///
/// Words made of the common Arabic and ASCII characters take a fast path, a table look-up per character, that
/// gives the same result.
pub fn search(text: &str) -> Cow<'_, str> {
    fast::search(text)
}

/// The references of the fast paths, for the fuzz targets only (built with `--cfg fuzzing`, as cargo-fuzz
/// builds): the fuzzer holds the fast paths equal to them on any text.
#[cfg(fuzzing)]
pub mod fuzzing {
    use std::borrow::Cow;

    /// The `display` level step by step.
    pub fn display_general(text: &str) -> Cow<'_, str> {
        super::display_general(text)
    }

    /// The `search` level step by step.
    pub fn search_general(text: &str) -> Cow<'_, str> {
        super::search_general(text)
    }

    /// The `search` level's fast path with blocks of sixteen bytes, where [`super::search`] may take thirty-two.
    pub fn search_narrow(text: &str) -> Cow<'_, str> {
        super::fast::search_in(text, None)
    }
}

/// The `search` level step by step: the reference for the fast path.
fn search_general(text: &str) -> Cow<'_, str> {
    let mut out = then(display_general(text), nfkc);
    // Stripping marks and tatweel can bring characters together that compose differently: compose again until
    // nothing changes (in practice at most once more, and only for text with non-Arabic marks).
    for _ in 0..3 {
        let folded = then(out, |s| fold(s, Folds::ALL));
        let folded = then(folded, collapse_whitespace);
        match nfkc(&folded) {
            Cow::Borrowed(_) => return folded,
            Cow::Owned(again) => out = Cow::Owned(again),
        }
    }
    out
}

/// Applies `f` to a `Cow`, keeping it borrowed when neither step changed anything.
fn then<'a>(text: Cow<'a, str>, f: impl Fn(&str) -> Cow<'_, str>) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(s) => f(s),
        Cow::Owned(s) => {
            let changed = match f(&s) {
                Cow::Borrowed(_) => None,
                Cow::Owned(t) => Some(t),
            };
            Cow::Owned(changed.unwrap_or(s))
        }
    }
}

/// Removes bidi and zero-width controls (LRM, RLM, ALM, LRE..RLO, LRI..PDI, ZWJ, ZWSP, WJ, BOM, soft hyphen);
/// a ZWNJ (U+200C) between two Arabic letters becomes a space, elsewhere it is removed.
///
/// ```
/// use qamus::normalize::remove_controls;
/// assert_eq!(remove_controls("\u{200F}بوتين\u{200E}"), "بوتين");
/// assert_eq!(remove_controls("قره\u{200C}باغ"), "قره باغ");
/// ```
pub fn remove_controls(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(|c| chars::is_removed_control(c) || c == chars::ZWNJ) else {
        return Cow::Borrowed(text);
    };
    let prefix = text.get(..first).unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    out.push_str(prefix);
    // The last character written that is not a mark: what a ZWNJ follows. Kept as it goes, so that a long run of
    // marks and ZWNJs costs linear time.
    let mut last = prefix.chars().rev().find(|&p| !is_arabic_mark(p));
    let mut rest = text.get(first..).unwrap_or_default().chars().peekable();
    let is_control = |c: char| chars::is_removed_control(c) || c == chars::ZWNJ;
    while let Some(c) = rest.next() {
        if is_control(c) {
            // A run of controls becomes one space at most: when it holds a ZWNJ between two Arabic letters.
            let mut zwnj = c == chars::ZWNJ;
            while let Some(n) = rest.next_if(|&n| is_control(n)) {
                zwnj |= n == chars::ZWNJ;
            }
            if zwnj
                && last.is_some_and(is_arabic_letter)
                && rest.peek().is_some_and(|&n| is_arabic_letter(n))
            {
                out.push(' ');
                last = Some(' ');
            }
            continue;
        }
        if !is_arabic_mark(c) {
            last = Some(c);
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// Unicode NFC (canonical composition), borrowing when `text` is already NFC.
pub fn nfc(text: &str) -> Cow<'_, str> {
    ComposingNormalizerBorrowed::new_nfc().normalize(text)
}

/// Unicode NFKC (compatibility composition: presentation forms, ligatures, full-width letters, NBSP…),
/// borrowing when `text` is already NFKC. The quick check runs first, so normal text costs one scan.
///
/// ```
/// use qamus::normalize::nfkc;
/// assert_eq!(nfkc("\u{FEB3}\u{FEEE}\u{FE97}\u{FEB7}\u{FEF4}"), "سوتشي"); // presentation forms
/// ```
pub fn nfkc(text: &str) -> Cow<'_, str> {
    let normalizer = ComposingNormalizerBorrowed::new_nfkc();
    let (done, rest) = normalizer.split_normalized(text);
    if rest.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(done);
    out.push_str(&normalizer.normalize(rest));
    Cow::Owned(out)
}

/// Collapses every run of whitespace into one space (or one newline when the run holds a line break) and trims
/// both ends.
///
/// ```
/// use qamus::normalize::collapse_whitespace;
/// assert_eq!(collapse_whitespace("  قره \t باغ \r\n\n ok "), "قره باغ\nok");
/// ```
pub fn collapse_whitespace(text: &str) -> Cow<'_, str> {
    if !needs_collapse(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pending: Option<char> = None;
    for c in text.chars() {
        if c.is_whitespace() {
            if c == '\n' || pending == Some('\n') {
                pending = Some('\n');
            } else {
                pending = Some(' ');
            }
            continue;
        }
        if let Some(p) = pending.take() {
            if !out.is_empty() {
                out.push(p);
            }
        }
        out.push(c);
    }
    Cow::Owned(out)
}

fn needs_collapse(text: &str) -> bool {
    let mut prev_space = true; // leading whitespace needs trimming
    for c in text.chars() {
        let space = c.is_whitespace();
        if space && (prev_space || c != ' ' && c != '\n') {
            return true;
        }
        prev_space = space;
    }
    prev_space && !text.is_empty()
}

/// Which folds [`fold`] applies. Combine with `|`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folds(u8);

impl Folds {
    /// Tashkeel and Quranic marks removed (U+0610..U+061A, U+064B..U+065F, U+0670, U+06D6..U+06ED).
    pub const MARKS: Folds = Folds(1);
    /// Tatweel (U+0640) removed.
    pub const TATWEEL: Folds = Folds(1 << 1);
    /// Arabic letter folds: أ إ آ ٱ → ا, ى → ي, final ة → ه, ؤ → و, ئ → ي, Persian/Urdu letters → Arabic.
    pub const LETTERS: Folds = Folds(1 << 2);
    /// Arabic-Indic (U+0660..U+0669) and Eastern Arabic-Indic (U+06F0..U+06F9) digits → ASCII.
    pub const DIGITS: Folds = Folds(1 << 3);
    /// Arabic punctuation → ASCII: ، → `,`, ؛ → `;`, ؟ → `?`, « » → `"`, ٪ → `%`, ٫ → `.`, ٬ → `,`.
    pub const PUNCTUATION: Folds = Folds(1 << 4);
    /// Latin and other non-Arabic letters: marks stripped (é → e), lower-cased, ß æ œ ø ł đ ð þ ı spelled out,
    /// apostrophes and ʿ ʾ removed, hyphens as spaces.
    pub const LATIN: Folds = Folds(1 << 5);
    /// Every fold: what the `search` level applies.
    pub const ALL: Folds = Folds(0b11_1111);

    /// Whether every fold of `other` is in `self`.
    pub fn contains(self, other: Folds) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for Folds {
    type Output = Folds;
    fn bitor(self, rhs: Folds) -> Folds {
        Folds(self.0 | rhs.0)
    }
}

/// Applies the chosen character `folds` in one pass, borrowing when nothing changes. Apply it to NFKC text
/// ([`search`] does): presentation forms are letters only after NFKC.
///
/// ```
/// use qamus::normalize::{fold, Folds};
/// assert_eq!(fold("مُحَمَّد", Folds::MARKS), "محمد");
/// assert_eq!(fold("٢٠٢١", Folds::DIGITS), "2021");
/// assert_eq!(fold("پاشینیان", Folds::LETTERS), "باشينيان");
/// assert_eq!(fold("ʿAbd al-Raḥmān", Folds::LATIN), "abd al rahman");
/// ```
pub fn fold(text: &str, folds: Folds) -> Cow<'_, str> {
    let mut chars = text.char_indices();
    let first = loop {
        let Some((i, c)) = chars.next() else {
            return Cow::Borrowed(text);
        };
        let next = text.get(i + c.len_utf8()..).unwrap_or_default();
        if !matches!(fold_char(c, next, folds), Folded::Same) {
            break i;
        }
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(text.get(..first).unwrap_or_default());
    let mut rest = text.get(first..).unwrap_or_default();
    while let Some(c) = rest.chars().next() {
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        match fold_char(c, rest, folds) {
            Folded::Same => out.push(c),
            Folded::Drop => {}
            Folded::Char(d) => out.push(d),
            Folded::Str(s) => out.push_str(s),
            Folded::Decompose => push_latin_folded(c, &mut out),
        }
    }
    Cow::Owned(out)
}

/// Calls `visit` with each character of [`fold`]`(text, folds)` in order, without building the string (for keys
/// that are only read once, such as a stored form's distance codes).
pub(crate) fn fold_each(text: &str, folds: Folds, mut visit: impl FnMut(char)) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        match fold_char(c, rest, folds) {
            Folded::Same => visit(c),
            Folded::Drop => {}
            Folded::Char(d) => visit(d),
            Folded::Str(s) => s.chars().for_each(&mut visit),
            Folded::Decompose => {
                let mut buf = String::new();
                push_latin_folded(c, &mut buf);
                buf.chars().for_each(&mut visit);
            }
        }
    }
}

/// What [`fold`] does with one character.
enum Folded {
    Same,
    Drop,
    Char(char),
    Str(&'static str),
    /// Decompose (NFKD), drop the marks, lower-case.
    Decompose,
}

fn fold_char(c: char, next: &str, folds: Folds) -> Folded {
    if c.is_ascii() {
        if !folds.contains(Folds::LATIN) {
            return Folded::Same;
        }
        return match c {
            'A'..='Z' => Folded::Char(c.to_ascii_lowercase()),
            '\'' | '`' => Folded::Drop,
            '-' => Folded::Char(' '),
            _ => Folded::Same,
        };
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{08FF}').contains(&c) {
        if is_arabic_mark(c) {
            return if folds.contains(Folds::MARKS) {
                Folded::Drop
            } else {
                Folded::Same
            };
        }
        if c == chars::TATWEEL {
            return if folds.contains(Folds::TATWEEL) {
                Folded::Drop
            } else {
                Folded::Same
            };
        }
        if c == 'ة' || c == '\u{06C3}' {
            // ة TEH MARBUTA and ۃ TEH MARBUTA GOAL: ه at the end of a word, ة inside one.
            return match (folds.contains(Folds::LETTERS), followed_by_letter(next)) {
                (false, _) | (true, true) if c == 'ة' => Folded::Same,
                (false, _) => Folded::Same,
                (true, true) => Folded::Char('ة'),
                (true, false) => Folded::Char('ه'),
            };
        }
        let wanted = match c {
            '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => Folds::DIGITS,
            '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' => {
                Folds::PUNCTUATION
            }
            _ => Folds::LETTERS,
        };
        return match chars::search_fold(c) {
            Some(d) if folds.contains(wanted) => Folded::Char(d),
            _ => Folded::Same,
        };
    }
    if matches!(c, '\u{00AB}' | '\u{00BB}') {
        return if folds.contains(Folds::PUNCTUATION) {
            Folded::Char('"')
        } else {
            Folded::Same
        };
    }
    if !folds.contains(Folds::LATIN) {
        return Folded::Same;
    }
    if chars::is_apostrophe(c) || chars::is_latin_mark(c) {
        return Folded::Drop;
    }
    if chars::is_hyphen(c) {
        return Folded::Char(' ');
    }
    if let Some(s) = spelled_out(c) {
        return Folded::Str(s);
    }
    let latin_like = matches!(c, '\u{00C0}'..='\u{052F}' | '\u{1E00}'..='\u{1FFF}');
    if latin_like || c.is_uppercase() {
        return Folded::Decompose;
    }
    Folded::Same
}

fn followed_by_letter(next: &str) -> bool {
    next.chars()
        .find(|&n| !is_arabic_mark(n) && n != chars::TATWEEL)
        .is_some_and(is_arabic_letter)
}

/// Latin letters without a decomposition that the Latin fold spells out.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        _ => return None,
    })
}

fn push_latin_folded(c: char, out: &mut String) {
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd();
    for d in nfkd.normalize_iter(std::iter::once(c)) {
        if unicode_normalization::char::is_combining_mark(d) {
            continue;
        }
        // A lower-case form may itself be spelled out (ẞ → ß → ss), so that a second pass changes nothing.
        for l in d.to_lowercase() {
            match spelled_out(l) {
                Some(s) => out.push_str(s),
                None => out.push(l),
            }
        }
    }
}

/// Removes tashkeel and Quranic marks only ([`Folds::MARKS`]).
pub fn strip_marks(text: &str) -> Cow<'_, str> {
    fold(text, Folds::MARKS)
}

/// Removes tatweel only ([`Folds::TATWEEL`]).
pub fn remove_tatweel(text: &str) -> Cow<'_, str> {
    fold(text, Folds::TATWEEL)
}

#[cfg(test)]
mod tests;
