//! Text in one byte a character, for the entry records of an index file: an Arabic name takes half the bytes it
//! takes in UTF-8 (the entries are a third of an index).
//!
//! | byte | stands for |
//! |---|---|
//! | `0x00`–`0x7F` | itself (ASCII) |
//! | `0x80`–`0xFE` | character `byte − 0x80` of [`CHARS`]: the Arabic letters, marks and digits, the Persian, Urdu, Kurdish and Maghrebi letters that names use, the joiners and direction marks, a few accented Latin letters |
//! | `0xFF` | any other character: its UTF-8 bytes follow |
//!
//! A text's code is a function of the text alone, and decoding a run of bytes needs nothing before it, so the
//! code of a text found anywhere in a record decodes to that text: a form record may point into its entry's
//! record for a token ([`super::store`]).

use std::borrow::Cow;

/// The byte that introduces a character outside [`CHARS`], in UTF-8.
const ESCAPE: u8 = 0xFF;

/// The characters of bytes `0x80`–`0xFE`, in byte order.
pub(crate) const CHARS: [char; 127] = [
    // ء to غ (U+0621–U+063A).
    'ء', 'آ', 'أ', 'ؤ', 'إ', 'ئ', 'ا', 'ب', 'ة', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س',
    'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    // Tatweel, ف to ي, the marks (U+0640–U+0655).
    '\u{640}', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ى', 'ي', '\u{64B}', '\u{64C}', '\u{64D}',
    '\u{64E}', '\u{64F}', '\u{650}', '\u{651}', '\u{652}', '\u{653}', '\u{654}', '\u{655}',
    // Arabic-Indic digits and number signs (U+0660–U+066D), superscript alef, alef wasla.
    '٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩', '٪', '٫', '٬', '٭', '\u{670}', 'ٱ',
    // Punctuation.
    '،', '؛', '؟', '۔', // Letters of Persian, Urdu, Kurdish, Pashto and the Maghreb.
    'پ', 'ٹ', 'چ', 'ڈ', 'ڑ', 'ژ', 'ڤ', 'ڨ', 'ک', 'گ', 'ں', 'ھ', 'ۀ', 'ہ', 'ۃ', 'ی', 'ے', 'ە', 'ۋ',
    'ۆ', 'ێ', 'ڵ', 'ڕ', 'ۇ', 'ۈ', 'ې', 'ڭ', 'ڠ', 'څ', 'ځ',
    // Extended Arabic-Indic (Persian) digits.
    '۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹',
    // Joiners, direction marks, no-break space.
    '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{A0}',
    // Accented Latin letters of names in French, Spanish, German and Turkish spelling.
    'é', 'è', 'ê', 'á', 'à', 'â', 'ä', 'ç', 'í', 'ó', 'ô', 'ö', 'ú', 'ü',
];

/// The byte of each character of the Arabic block (U+0600–U+06FF) in [`CHARS`], 0 for none.
static ARABIC_BLOCK: [u8; 256] = arabic_block();

const fn arabic_block() -> [u8; 256] {
    let mut out = [0u8; 256];
    let mut i = 0;
    while i < CHARS.len() {
        let c = CHARS[i] as u32;
        if c >= 0x600 && c < 0x700 {
            out[(c - 0x600) as usize] = 0x80 + i as u8;
        }
        i += 1;
    }
    out
}

/// The byte that stands for `c`, if one does.
fn byte_of(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp < 0x80 {
        return Some(cp as u8);
    }
    if (0x600..0x700).contains(&cp) {
        let b = ARABIC_BLOCK[(cp - 0x600) as usize];
        return (b != 0).then_some(b);
    }
    CHARS.iter().position(|&k| k == c).map(|i| 0x80 + i as u8)
}

/// Appends the code of `text` to `out`.
pub(crate) fn encode_into(text: &str, out: &mut Vec<u8>) {
    out.reserve(text.len());
    for c in text.chars() {
        match byte_of(c) {
            Some(b) => out.push(b),
            None => {
                out.push(ESCAPE);
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// The code of `text`.
pub(crate) fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    encode_into(text, &mut out);
    out
}

/// The character at byte `i` of a code, and the bytes it takes; `None` at the end or on damaged bytes (an
/// escaped character that is not UTF-8).
fn char_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    if b != ESCAPE {
        return CHARS.get(usize::from(b - 0x80)).map(|&c| (c, 1));
    }
    let len = match bytes.get(i + 1)? {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let c = std::str::from_utf8(bytes.get(i + 1..i + 1 + len)?)
        .ok()?
        .chars()
        .next()?;
    Some((c, 1 + len))
}

/// The characters of a code, without building the text (they stop at damaged bytes).
pub(crate) fn chars(bytes: &[u8]) -> impl Iterator<Item = char> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let (c, len) = char_at(bytes, i)?;
        i += len;
        Some(c)
    })
}

/// The text `bytes` stand for: borrowed when they are all ASCII; `None` when an escaped character is not UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if bytes.is_ascii() {
        return std::str::from_utf8(bytes).ok().map(Cow::Borrowed);
    }
    let mut out = String::with_capacity(bytes.len() * 2);
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(bytes, i)?;
        out.push(c);
        i += len;
    }
    Some(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_table_holds_distinct_non_ascii_characters() {
        let mut seen = std::collections::HashSet::new();
        for c in CHARS {
            assert!(!c.is_ascii(), "{c:?}");
            assert!(seen.insert(c), "{c:?} twice");
        }
    }

    #[test]
    fn arabic_takes_one_byte_a_letter() {
        assert_eq!(encode("ناغورنو كاراباخ").len(), 15);
        assert_eq!(encode("Nagorno-Karabakh"), b"Nagorno-Karabakh");
        assert_eq!(encode("پاشینیان").len(), 8);
        // Outside the table: the escape, then UTF-8 (ڤ is in it, ۓ is not).
        assert_eq!(encode("ۓ"), [ESCAPE, 0xDB, 0x93]);
        assert_eq!(encode("Ø"), [ESCAPE, 0xC3, 0x98]);
    }

    #[test]
    fn a_span_decodes_alone() {
        let record = encode("قره باغ|ۓ باغ");
        let needle = encode("باغ");
        let at = record
            .windows(needle.len())
            .position(|w| w == needle)
            .expect("found");
        assert_eq!(
            decode(&record[at..at + needle.len()]).as_deref(),
            Some("باغ")
        );
    }

    #[test]
    fn ascii_is_borrowed_and_damage_is_none() {
        assert!(matches!(decode(b"Peskov"), Some(Cow::Borrowed("Peskov"))));
        assert_eq!(decode(&[ESCAPE]), None);
        assert_eq!(decode(&[ESCAPE, 0x80]), None);
        assert_eq!(decode(&[ESCAPE, 0xE0, 0x80]), None);
        assert_eq!(chars(&[0x80, ESCAPE, 0x80, 0x80]).collect::<String>(), "ء");
    }

    proptest! {
        #[test]
        fn every_text_round_trips(text in "\\PC*", arabic in "[\u{600}-\u{6FF}\u{200C} a-z]*") {
            for t in [text, arabic] {
                let code = encode(&t);
                let back = decode(&code);
                prop_assert_eq!(back.as_deref(), Some(t.as_str()));
                prop_assert_eq!(chars(&code).collect::<String>(), t);
            }
        }

        #[test]
        fn no_bytes_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = decode(&bytes);
        }
    }
}
