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
