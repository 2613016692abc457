//! Both normalization levels: no panic; each level is idempotent; the fast paths (`search` in blocks of sixteen
//! and, on a machine with AVX2, thirty-two bytes) equal the step-by-step pipeline.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qamus::normalize::{display, search};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let d = display(text);
    assert_eq!(display(&d), d, "display is not idempotent on {text:?}");
    let s = search(text);
    assert_eq!(search(&s), s, "search is not idempotent on {text:?}");
    use qamus::normalize::fuzzing;
    assert_eq!(d, fuzzing::display_general(text), "display's fast path on {text:?}");
    assert_eq!(s, fuzzing::search_general(text), "search's fast path on {text:?}");
    assert_eq!(fuzzing::search_narrow(text), s, "search's narrow path on {text:?}");
});
