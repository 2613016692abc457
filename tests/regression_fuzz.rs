//! Every input a fuzz target of `fuzz/` crashed on, as a named test of the invariant it broke (`scripts/fuzz.sh`
//! runs the targets; each finding is fixed, then kept here).

use qamus::normalize::{display, search};

/// fuzz/normalize, crash-18d593e3: ẞ (U+1E9E, capital sharp s) lower-cased to ß, which the same pass did not
/// spell out, so that a second `search` changed ß into ss: `search` was not idempotent.
#[test]
fn normalize_capital_sharp_s_is_spelled_out_in_one_pass() {
    let once = search("\u{1E9E}");
    assert_eq!(once, "ss");
    assert_eq!(search(&once), once);
    assert_eq!(display(&display("\u{1E9E}")), display("\u{1E9E}"));
}
