//! Scanning running text over the shipped glossary: no panic; every mention's byte and character offsets lie on
//! character boundaries inside the text, its surface is the text between them, and mentions come in text order
//! without overlapping.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use qamus::glossary::Glossary;
use qamus::matcher::Matcher;
use qamus::scan::Scanner;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(Glossary::builtin()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let scanner = Scanner::new(matcher());
    let mentions = scanner.scan(text);
    let mut last_end = 0;
    for m in &mentions {
        assert!(m.start < m.end && m.end <= text.len(), "{m:?} in {text:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{m:?}");
        assert_eq!(text.get(m.start..m.end), Some(m.surface.as_str()), "{text:?}");
        assert_eq!(text[..m.start].chars().count(), m.char_start, "{text:?}");
        assert_eq!(m.char_start + m.surface.chars().count(), m.char_end, "{text:?}");
        assert!(m.start >= last_end, "overlap or disorder in {text:?}");
        assert!((0.0..=1.0).contains(&m.score));
        last_end = m.end;
    }
});
