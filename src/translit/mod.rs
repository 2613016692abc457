//! Arabic → Latin transliteration in four schemes.
//!
//! | scheme | what it writes | example (بوتين / مُحَمَّد) |
//! |---|---|---|
//! | [`Scheme::Plain`] | press-style ASCII English, vowels supplied by a model learned from name pairs | Putin / Muhammad |
//! | [`Scheme::Buckwalter`] | reversible one-to-one ASCII ([`reverse`] goes back) | bwtyn / muHam~ad |
//! | [`Scheme::AlaLc`] | ALA-LC romanization, macrons, ʻ ʼ | būtīn / muḥammad |
//! | [`Scheme::Din`] | DIN 31635 | būtīn / muḥammad |
//!
//! The text is first cleaned ([`crate::normalize::display`], NFKC for presentation forms, tatweel removed); runs
//! of Arabic letters and marks are words, everything else passes through (Arabic digits and punctuation become
//! ASCII in the Latin schemes; Buckwalter leaves them as they are so that it stays reversible).
//!
//! # Example
//! ```
//! use qamus::translit::{transliterate, reverse, Scheme};
//!
//! assert_eq!(transliterate("بوتين", Scheme::Buckwalter), "bwtyn");
//! assert_eq!(reverse("bwtyn", Scheme::Buckwalter).unwrap(), "بوتين");
//! assert_eq!(transliterate("الشَّمْس", Scheme::AlaLc), "al-shams");
//! assert_eq!(transliterate("الشَّمْس", Scheme::Din), "aš-šams");
//! assert_eq!(transliterate("Su-30SM ٢٠٢١", Scheme::Plain), "Su-30SM 2021");
//! ```

mod buckwalter;
pub(crate) mod plain;
mod romanize;

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind, Result};
use crate::normalize::{self, is_arabic_letter, is_arabic_mark, Folds};

/// A transliteration scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// Press-style ASCII, the way English-language newspapers write names (the default).
    #[default]
    Plain,
    /// Tim Buckwalter's reversible ASCII transliteration.
    Buckwalter,
    /// ALA-LC romanization (Library of Congress).
    AlaLc,
    /// DIN 31635.
    Din,
}

impl Scheme {
    /// Every scheme, in the order the CLI lists them.
    pub const ALL: [Scheme; 4] = [
        Scheme::Plain,
        Scheme::Buckwalter,
        Scheme::AlaLc,
        Scheme::Din,
    ];

    /// The scheme's name as the CLI and [`FromStr`] spell it.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Plain => "plain",
            Scheme::Buckwalter => "buckwalter",
            Scheme::AlaLc => "ala-lc",
            Scheme::Din => "din",
        }
    }

    /// Whether [`reverse`] can undo this scheme.
    pub fn is_reversible(self) -> bool {
        self == Scheme::Buckwalter
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Scheme {
    type Err = Error;

    fn from_str(s: &str) -> Result<Scheme> {
        let wanted = s.trim().to_ascii_lowercase().replace('_', "-");
        Scheme::ALL
            .into_iter()
            .find(|sc| sc.name() == wanted || (wanted == "alalc" && *sc == Scheme::AlaLc))
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Usage,
                    None,
                    format!("unknown scheme {s:?} (expected plain, buckwalter, ala-lc or din)"),
                )
            })
    }
}

/// Transliterates `text` from Arabic script into Latin script with `scheme`.
///
/// ```
/// use qamus::translit::{transliterate, Scheme};
/// assert_eq!(transliterate("قرة باغ", Scheme::Buckwalter), "qrp bAg");
/// ```
pub fn transliterate(text: &str, scheme: Scheme) -> String {
    if scheme == Scheme::Buckwalter {
        return buckwalter::transliterate(text);
    }
    let clean = normalize::display(text);
    let clean = normalize::nfkc(&clean);
    let clean = normalize::remove_tatweel(&clean);
    let mut out = String::with_capacity(clean.len() + clean.len() / 2);
    let mut rest: &str = &clean;
    while !rest.is_empty() {
        let word_len = rest
            .find(|c: char| !(is_arabic_letter(c) || is_arabic_mark(c)))
            .unwrap_or(rest.len());
        if word_len == 0 {
            let other_len = rest
                .find(|c: char| is_arabic_letter(c) || is_arabic_mark(c))
                .unwrap_or(rest.len());
            let (other, tail) = rest.split_at(other_len);
            out.push_str(&normalize::fold(other, Folds::DIGITS | Folds::PUNCTUATION));
            rest = tail;
            continue;
        }
        let (word, tail) = rest.split_at(word_len);
        rest = tail;
        match scheme {
            Scheme::Plain => push_plain(word, &mut out),
            Scheme::AlaLc => romanize::ALA_LC.push_word(word, next_has_article(tail), &mut out),
            Scheme::Din => romanize::DIN.push_word(word, next_has_article(tail), &mut out),
            Scheme::Buckwalter => out.push_str(&buckwalter::encode(word)),
        }
    }
    out
}

/// Press style: the model's lower-case word, with the name capitalized after the article (al-Asad).
fn push_plain(word: &str, out: &mut String) {
    let start = out.len();
    plain::push_word(word, out);
    let at = if out.get(start..).is_some_and(|w| w.starts_with("al-")) {
        start + 3
    } else {
        start
    };
    if let Some(first) = out.get(at..at + 1) {
        let upper = first.to_ascii_uppercase();
        out.replace_range(at..at + 1, &upper);
    }
}

/// Whether the next word (after spaces) starts with the article, so that a final ة is read in construct.
fn next_has_article(tail: &str) -> bool {
    let next = tail.trim_start_matches([' ', '\u{00A0}']);
    let mut letters = next.chars().filter(|&c| !is_arabic_mark(c));
    matches!(
        (letters.next(), letters.next()),
        (Some('ا' | 'ٱ'), Some('ل'))
    )
}

/// Turns `text` back into Arabic script. Only [`Scheme::Buckwalter`] is reversible; the others return an error
/// of kind [`ErrorKind::Usage`].
pub fn reverse(text: &str, scheme: Scheme) -> Result<String> {
    if scheme != Scheme::Buckwalter {
        return Err(Error::new(
            ErrorKind::Usage,
            None,
            format!("the {scheme} scheme is not reversible (only buckwalter is)"),
        ));
    }
    Ok(buckwalter::decode(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_parse_by_name() {
        for s in Scheme::ALL {
            assert_eq!(s.name().parse::<Scheme>().ok(), Some(s));
        }
        assert_eq!("ALA_LC".parse::<Scheme>().ok(), Some(Scheme::AlaLc));
        assert!("iso".parse::<Scheme>().is_err());
    }

    #[test]
    fn non_arabic_text_passes_through() {
        for s in Scheme::ALL {
            assert_eq!(transliterate("Su-30SM", s), "Su-30SM");
            assert_eq!(transliterate("", s), "");
        }
    }

    #[test]
    fn latin_schemes_fold_arabic_digits_and_punctuation() {
        assert_eq!(transliterate("٢٠٢١، ؟", Scheme::AlaLc), "2021, ?");
        assert_eq!(transliterate("٢٠٢١", Scheme::Buckwalter), "٢٠٢١");
    }

    #[test]
    fn construct_state_is_seen_across_words() {
        assert_eq!(
            transliterate("وِزَارَة الخَارِجِيَّة", Scheme::AlaLc),
            "wizārat al-khārijīyah"
        );
        assert_eq!(transliterate("مَدْرَسَة", Scheme::AlaLc), "madrasah");
    }

    #[test]
    fn presentation_forms_and_tatweel_are_read_as_letters() {
        assert_eq!(
            transliterate(
                "\u{FE91}\u{FEEE}\u{FE97}\u{FEF4}\u{FEE6}",
                Scheme::Buckwalter
            ),
            "bwtyn"
        );
        assert_eq!(transliterate("بـــوتين", Scheme::Buckwalter), "bwtyn");
    }

    #[test]
    fn only_buckwalter_reverses() {
        assert!(reverse("bwtyn", Scheme::Plain).is_err());
        assert_eq!(
            reverse("qrp bAg", Scheme::Buckwalter).ok().as_deref(),
            Some("قرة باغ")
        );
    }
}
