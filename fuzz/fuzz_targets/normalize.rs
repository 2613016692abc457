//! Both normalization levels: no panic; each level is idempotent; `search` of `display` equals `search`.
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
});
