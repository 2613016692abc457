// The slot function of the word tables that build.rs compiles in (`rules::table`), shared by the library and the
// build script: one definition, so the two cannot disagree.

/// An empty slot of a compiled word table.
const NO_WORD: u16 = u16::MAX;

/// The first slot of `word` in a table of `mask + 1` slots (linear probing from there): FNV-1a over the bytes, its
/// high bits spread by a multiplication.
fn word_slot(word: &[u8], mask: usize) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}
