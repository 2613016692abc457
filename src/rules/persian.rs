//! Persian spellings that Arabic writes otherwise, beyond the letters `normalize` folds (ی as ي, ک as ك).
//!
//! Persian writes a name's ending -e'i as ه, a zero-width non-joiner and ای (خامنه‌ای, Khamenei; اژه‌ای, Ejei);
//! Arabic writes it ئي (خامنئي). The display level turns the non-joiner into a space, so a Persian query is two
//! words there (خامنه ای) where the Arabic form is one. The title Ayatollah is آیت‌الله in Persian, آية الله in
//! Arabic.

use std::borrow::Cow;

/// The Persian ending of a word: ه, then a zero-width non-joiner or a space, then ا and the Farsi yeh ی (U+06CC),
/// which Arabic writes ئي. Only the Farsi yeh: ای with the Arabic ي is the Arabic word أي ("which").
const EZAFE_ENDINGS: [&str; 2] = ["ه\u{200C}ای", "ه ای"];

/// The title Ayatollah at the start of a Persian name, with a non-joiner or a space (آیت‌الله, آیت الله).
const AYATOLLAH: [&str; 2] = ["آیت\u{200C}الله", "آیت الله"];

/// `text` (a name, display level or as written) with each Persian -e'i ending written the Arabic way (خامنه‌ای:
/// خامنئي); `None` when it has none.
///
/// ```
/// use qamus::rules::persian::arabic_spelling;
/// assert_eq!(arabic_spelling("علی خامنه\u{200C}ای").as_deref(), Some("علی خامنئي"));
/// assert_eq!(arabic_spelling("علی خامنه ای").as_deref(), Some("علی خامنئي"));
/// assert_eq!(arabic_spelling("خامنئي"), None);
/// ```
pub fn arabic_spelling(text: &str) -> Option<String> {
    let ayatollah = AYATOLLAH.iter().find_map(|p| text.strip_prefix(p));
    // Most names have neither: nothing to allocate.
    if ayatollah.is_none() && !EZAFE_ENDINGS.iter().any(|e| text.contains(e)) {
        return None;
    }
    let text = ayatollah.map_or(Cow::Borrowed(text), |rest| {
        Cow::Owned(format!("آية الله{rest}"))
    });
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    let mut changed = ayatollah.is_some();
    while let Some((at, ending)) = EZAFE_ENDINGS
        .iter()
        .filter_map(|e| rest.find(e).map(|at| (at, *e)))
        .min_by_key(|&(at, _)| at)
    {
        let (before, after) = rest.split_at(at);
        let after = after.get(ending.len()..).unwrap_or_default();
        // The ending ends the word: nothing of a word right after it (خامنه‌ایها is another word).
        if after.chars().next().is_some_and(char::is_alphabetic) {
            out.push_str(before);
            out.push_str(ending);
        } else {
            out.push_str(before);
            out.push_str("ئي");
            changed = true;
        }
        rest = after;
    }
    out.push_str(rest);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_persian_ending_is_written_the_arabic_way() {
        assert_eq!(
            arabic_spelling("آیت‌الله علی خامنه‌ای").as_deref(),
            Some("آية الله علی خامنئي")
        );
        assert_eq!(
            arabic_spelling("آیت الله سیستانی").as_deref(),
            Some("آية الله سیستانی")
        );
        assert_eq!(
            arabic_spelling("غلامحسین محسنی اژه‌ای").as_deref(),
            Some("غلامحسین محسنی اژئي")
        );
        // Two names, each with the ending.
        assert_eq!(
            arabic_spelling("خامنه ای و اژه ای").as_deref(),
            Some("خامنئي و اژئي")
        );
    }

    #[test]
    fn other_words_stay() {
        // The Arabic word أي after a word ending in ه, a word that goes on, no ending at all.
        assert_eq!(arabic_spelling("كلمه اي"), None);
        assert_eq!(arabic_spelling("خانه‌ایها"), None);
        assert_eq!(arabic_spelling("تهران"), None);
        assert_eq!(arabic_spelling(""), None);
    }
}
