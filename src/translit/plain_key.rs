// The packing of the `plain` model's context keys, shared by the library (`plain.rs`) and the build script
// (`build.rs`, which compiles `plain_model.tsv` into tables): one definition, so the two cannot disagree.

/// One byte per letter: Arabic letters by their offset in the Arabic block, the padding marks `\0` `^` `$` as 0 1 2,
/// anything else 3 (the model only holds Arabic letters).
fn letter_code(c: char) -> u64 {
    match c {
        '\0' => 0,
        '^' => 1,
        '$' => 2,
        '\u{0604}'..='\u{06FF}' => u64::from(c as u32 - 0x0600),
        _ => 3,
    }
}

/// The packed key of a context: shape index, two letters on the left, the letter, two on the right
/// (`\0`-padded).
fn key(shape: u8, left: [char; 2], letter: char, right: [char; 2]) -> u64 {
    [left[0], left[1], letter, right[0], right[1]]
        .iter()
        .fold(u64::from(shape), |k, &c| (k << 8) | letter_code(c))
}

/// The compiled context table has `1 << CONTEXT_SLOT_BITS` slots, about three per context of the model, each the
/// index of a context in the sorted keys or [`NO_CONTEXT`].
const CONTEXT_SLOT_BITS: u32 = 17;

/// An empty slot of the compiled context table.
const NO_CONTEXT: u16 = u16::MAX;

/// The first slot of a context key in the compiled table (linear probing from there).
fn context_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - CONTEXT_SLOT_BITS)) as usize
}
