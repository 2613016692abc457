//! Every scheme, with and without the shipped glossary's names, and `reverse` of any text and of each scheme's
//! output: no panic; Buckwalter `reverse` undoes `transliterate` on text made only of Arabic
//! letters and marks (after the cleaning `transliterate` itself does: display, NFKC, tatweel removed).
#![no_main]

use libfuzzer_sys::fuzz_target;
use qamus::normalize::{display, is_arabic_letter, is_arabic_mark, nfkc, remove_tatweel};
use qamus::translit::{reverse, transliterate, transliterate_known, KnownNames, Scheme};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for scheme in Scheme::ALL {
        let _ = transliterate(text, scheme);
        let _ = transliterate_known(text, scheme, KnownNames::builtin());
    }
    // Any text may be handed to reverse, and any romanization read back.
    for scheme in Scheme::ALL {
        let _ = reverse(text, scheme);
        let _ = reverse(&transliterate(text, scheme), scheme);
    }
    let arabic: String = text
        .chars()
        .filter(|&c| is_arabic_letter(c) || is_arabic_mark(c))
        .collect();
    let latin = transliterate(&arabic, Scheme::Buckwalter);
    let back = reverse(&latin, Scheme::Buckwalter).unwrap_or_default();
    let cleaned = remove_tatweel(&nfkc(&display(&arabic))).into_owned();
    // Only letters and marks Buckwalter has a letter for come back: the others pass through unchanged.
    assert_eq!(back, cleaned, "round trip of {arabic:?} through {latin:?}");
});
