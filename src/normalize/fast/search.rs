//! The fast path of the `search` level.
//!
//! After the unchanged prefix ([`unchanged`]), one loop. A run of characters that come out with as many bytes as
//! they go in (the letters the level keeps, the folds of one letter into another such as أ → ا and ة → ه, ASCII
//! lower-cased) is copied a block at a time and patched where a character changes ([`run`], [`blocks`]): sixteen
//! bytes, where [`stops`] finds where a run may stop with one vector of comparisons, or on machines with AVX2
//! thirty-two, where the vector makes the common folds too ([`wide`]). Each other character (whitespace,
//! marks, digits, punctuation that becomes ASCII) is handled on its own ([`search_char`]). A character outside the
//! known set sends its word, and the unknown words after it, through the general pipeline, after taking back what
//! the loop wrote for the word's start ([`Out::unwrite`]).

use std::borrow::Cow;

mod wide;

use wide::Avx2;

use super::{
    is_ascii_space, span_end, unchanged, DROP, FALLBACK, SAME, SAME_U8, SEARCH, TEH, TEH_GOAL,
};

/// The `search` level.
pub(in crate::normalize) fn search(text: &str) -> Cow<'_, str> {
    search_in(text, Avx2::detect())
}

/// The `search` level, with runs judged thirty-two bytes at a time when `wide` ([`wide`]), else sixteen.
pub(in crate::normalize) fn search_in(text: &str, wide: Option<Avx2>) -> Cow<'_, str> {
    let from = match unchanged(
        text.as_bytes(),
        |b| ASCII_SEARCH.get(usize::from(b)) == Some(&SAME_U8),
        |k| match SEARCH.get(k) {
            Some(&SAME) => SAME_U8,
            _ => FALLBACK as u8,
        },
    ) {
        Ok(()) => return Cow::Borrowed(text),
        Err(n) => n,
    };
    let bytes = text.as_bytes();
    let mut o = Out::new(text.len() + 64);
    o.push(bytes.get(..from).unwrap_or_default());
    o.started = from > 0;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if is_ascii_space(b) {
            o.space(b);
            i += 1;
            continue;
        }
        let end = run(&mut o, text, i, wide);
        if end > i {
            i = end;
            continue;
        }
        if let Some(next) = search_char(&mut o, text, i) {
            i = next;
            continue;
        }
        let start = word_start(bytes, i);
        o.unwrite(search(text.get(start..i).unwrap_or_default()).len());
        let end = span_end(text, start, search_known, |w| {
            !super::super::search_general(w).is_empty()
        });
        let folded = super::super::search_general(text.get(start..end).unwrap_or_default());
        if !folded.is_empty() {
            o.lead();
            o.push(folded.as_bytes());
        }
        i = end;
    }
    Cow::Owned(o.finish())
}

/// The output, as bytes: a block of the input is appended whole and cut back to where the run stops, so that it
/// may end inside a character for a moment; [`Out::finish`] checks that the whole is UTF-8.
struct Out {
    buf: Vec<u8>,
    /// The whitespace waiting to be written: `b' '`, `b'\n'`, or 0 for none.
    pending: u8,
    /// Whether anything was written: whitespace before it is dropped.
    started: bool,
}

impl Out {
    fn new(capacity: usize) -> Out {
        Out {
            buf: Vec::with_capacity(capacity),
            pending: 0,
            started: false,
        }
    }

    /// Appends `s`.
    #[inline]
    fn push(&mut self, s: &[u8]) {
        self.buf.extend_from_slice(s);
    }

    /// Whitespace (`b'\n'` or any other byte for a space).
    #[inline]
    fn space(&mut self, b: u8) {
        self.pending = if b == b'\n' || self.pending == b'\n' {
            b'\n'
        } else {
            b' '
        };
    }

    /// Before output: the pending whitespace, unless nothing was written yet.
    #[inline]
    fn lead(&mut self) {
        if self.pending != 0 {
            if self.started {
                self.buf.push(self.pending);
            }
            self.pending = 0;
        }
        self.started = true;
    }

    /// Takes back the last `len` bytes written, which are the start of a word, and the whitespace written before
    /// them, which becomes pending again.
    fn unwrite(&mut self, len: usize) {
        if len == 0 {
            return;
        }
        self.buf.truncate(self.buf.len().saturating_sub(len));
        self.pending = match self.buf.last() {
            Some(&s @ (b' ' | b'\n')) => {
                self.buf.pop();
                s
            }
            _ => 0,
        };
        self.started = !self.buf.is_empty();
    }

    /// The output as a string.
    fn finish(self) -> String {
        match simdutf8::basic::from_utf8(&self.buf) {
            // SAFETY: the bytes were checked to be UTF-8 on the line above. (Every write is of whole characters,
            // so the check always passes; it is a fast one.)
            Ok(_) => unsafe { String::from_utf8_unchecked(self.buf) },
            Err(_) => String::from_utf8_lossy(&self.buf).into_owned(),
        }
    }
}

/// Where the word that holds byte `i` starts: after the last ASCII whitespace or NO-BREAK SPACE before it.
fn word_start(bytes: &[u8], i: usize) -> usize {
    let mut j = i.min(bytes.len());
    while j > 0 {
        match bytes.get(..j).unwrap_or_default() {
            [.., b] if is_ascii_space(*b) => break,
            [.., 0xC2, 0xA0] => break,
            _ => j -= 1,
        }
    }
    j
}

/// The offset from U+0600 of the character of U+0600..U+06FF whose UTF-8 bytes are `lead`, `next`.
#[inline]
fn arabic_offset(lead: u8, next: u8) -> usize {
    (usize::from(lead & 0x03) << 6) | usize::from(next & 0x3F)
}

/// What the `search` level writes for a character of U+0600..U+06FF when it is two bytes, as they are (the
/// character itself or a letter it folds into): `[0, 0]` when it is not, `[1, 0]` for [`TEH`] and [`TEH_GOAL`]
/// (ه or ة, both two bytes, by what follows).
static SAME_WIDTH: [[u8; 2]; 256] = same_width_table();

const fn same_width_table() -> [[u8; 2]; 256] {
    let mut t = [[0u8; 2]; 256];
    let mut k = 0;
    while k < 256 {
        let e = SEARCH[k];
        let cp = if e == SAME {
            0x0600 + k as u32
        } else {
            e as u32
        };
        t[k] = if e == TEH || e == TEH_GOAL {
            [1, 0]
        } else if e != FALLBACK && e != DROP && cp >= 0x80 && cp < 0x800 {
            [0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]
        } else {
            [0, 0]
        };
        k += 1;
    }
    t
}

/// What the `search` level writes for the character at byte `i` when it has as many bytes as the character: the
/// bytes and their number (1 or 2), or `None`.
#[inline]
fn same_width(text: &str, i: usize) -> Option<([u8; 2], usize)> {
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    if b & 0xFC == 0xD8 {
        let two = *SAME_WIDTH.get(arabic_offset(b, *bytes.get(i + 1)?))?;
        return match two {
            [0, _] => None,
            [1, _] => {
                // Before a letter ة stays (and ۃ becomes ة); at the end of a word both become ه. ASCII
                // (whitespace, punctuation) is never a letter.
                let letter = bytes.get(i + 2).is_some_and(|&n| n >= 0x80)
                    && super::super::followed_by_letter(text.get(i + 2..).unwrap_or_default());
                Some((if letter { [0xD8, 0xA9] } else { [0xD9, 0x87] }, 2))
            }
            two => Some((two, 2)),
        };
    }
    match *ASCII_SEARCH.get(usize::from(b))? {
        SAME_U8 if !is_ascii_space(b) => Some(([b, 0], 1)),
        LOWER => Some(([b.to_ascii_lowercase(), 0], 1)),
        _ => None,
    }
}

/// Copies the run of characters from byte `i` that come out with as many bytes as they go in, with the single
/// spaces and line feeds between them, to `o`: where the run ends (`i` when the character at `i` does not start
/// one). `bytes[i]` is no whitespace.
///
/// In blocks while they last ([`blocks`]), then character by character.
#[inline]
fn run(o: &mut Out, text: &str, mut i: usize, wide: Option<Avx2>) -> usize {
    let bytes = text.as_bytes();
    let start = i;
    if same_width(text, i).is_none() {
        return i;
    }
    o.lead();
    let blocks = match wide {
        Some(avx2) => avx2.blocks(o, text, i),
        None => blocks::<16, 1, 8>(o, text, i, narrow),
    };
    i = match blocks {
        Ok(end) => end,
        Err(stop) => return end_run(o, bytes, start, stop),
    };
    // The last block may have ended inside a character of the run.
    while bytes.get(i).is_some_and(|b| (0x80..=0xBF).contains(b)) {
        o.push(bytes.get(i..i + 1).unwrap_or_default());
        i += 1;
    }
    while i < bytes.len() {
        match bytes.get(i) {
            Some(&(b' ' | b'\n')) if bytes.get(i + 1).is_some_and(|&n| n > b' ') => {
                o.push(bytes.get(i..i + 1).unwrap_or_default());
                i += 1;
            }
            _ => match same_width(text, i) {
                Some((new, n)) => {
                    o.push(&new[..n]);
                    i += n;
                }
                None => break,
            },
        }
    }
    end_run(o, bytes, start, i)
}

/// The blocks of `W` bytes of a run from byte `i`, while they last (with `AHEAD` bytes after each). `copy`
/// appends a block to the output, as it is or with some characters already changed, and says where the run may
/// stop in it: bits, `BITS` of them a byte, lowest first. Each such place is patched when the character there
/// keeps its width ([`same_width`]). `Ok` with where the blocks end, or `Err` with where the run stops.
#[inline(always)]
fn blocks<const W: usize, const AHEAD: usize, const BITS: u32>(
    o: &mut Out,
    text: &str,
    mut i: usize,
    copy: impl Fn(&[u8], &mut Vec<u8>) -> u128,
) -> Result<usize, usize> {
    let bytes = text.as_bytes();
    'blocks: while let Some(block) = bytes.get(i..i + W + AHEAD) {
        let at = o.buf.len();
        let mut w = copy(block, &mut o.buf);
        while w != 0 {
            let s = (w.trailing_zeros() / BITS) as usize;
            match same_width(text, i + s) {
                // A character across the end of the block: the next block starts with it.
                Some((_, 2)) if s == W - 1 => {
                    o.buf.truncate(at + W - 1);
                    i += W - 1;
                    continue 'blocks;
                }
                Some((new, n)) => {
                    // Byte by byte: a copy of a length not known here would be a call.
                    if let Some(to) = o.buf.get_mut(at + s) {
                        *to = new[0];
                    }
                    if n == 2 {
                        if let Some(to) = o.buf.get_mut(at + s + 1) {
                            *to = new[1];
                        }
                    }
                    w &= u128::MAX.checked_shl(BITS * (s + n) as u32).unwrap_or(0);
                }
                None => {
                    o.buf.truncate(at + s);
                    return Err(i + s);
                }
            }
        }
        i += W;
    }
    Ok(i)
}

/// The narrow path's block for [`blocks`]: its sixteen bytes appended as they are, and [`stops`] judged on them
/// and the byte after.
#[inline(always)]
fn narrow(block: &[u8], out: &mut Vec<u8>) -> u128 {
    match <&[u8; 17]>::try_from(block) {
        Ok(seventeen) => {
            out.extend_from_slice(&seventeen[..16]);
            stops(seventeen)
        }
        // Never so (the blocks are 17 bytes): copied as they are, every place looked at.
        Err(_) => {
            out.extend_from_slice(block.get(..16).unwrap_or(block));
            u128::MAX
        }
    }
}

/// Ends a run that started at byte `start` where byte `end` stops it: a space or line feed that the run ended with
/// belongs to the next word, which may write nothing.
#[inline]
fn end_run(o: &mut Out, bytes: &[u8], start: usize, end: usize) -> usize {
    if end > start + 1 {
        if let Some(&s @ (b' ' | b'\n')) = bytes.get(end - 1) {
            o.buf.pop();
            o.pending = s;
        }
    }
    end
}

/// Where a run may stop in the first 16 bytes of `block`: byte `j` of the result is 1 when the character at `j`
/// may change, so that the lowest such byte is where to look next.
///
/// Each byte is judged with the one after it only, so the sixteen judgements are independent and the compiler
/// makes them one vector of comparisons. A continuation byte never stops a run (its lead byte was judged), nor
/// does a space or line feed before a byte that is no whitespace. The judgement is conservative: characters that
/// are rare in text stop a run and are looked at one by one.
#[inline]
fn stops(block: &[u8; 17]) -> u128 {
    let mut out = [0u8; 16];
    for (j, o) in out.iter_mut().enumerate() {
        *o = u8::from(!run_goes_on(block[j], block[j + 1]));
    }
    u128::from_le_bytes(out)
}

/// Whether a run goes on past byte `p` followed by byte `n`, as [`stops`] judges it: ASCII that the `search` level
/// keeps, a space or line feed before no whitespace, a continuation byte, or the lead of a common Arabic letter
/// the level keeps (ء ا ب ت…غ from U+0621, ف…و, ي).
#[inline(always)]
fn run_goes_on(p: u8, n: u8) -> bool {
    let ascii = (0x21..=0x7E).contains(&p)
        && !p.is_ascii_uppercase()
        && p != b'\''
        && p != b'-'
        && p != b'`';
    let space = (p == b' ' || p == b'\n') && n > b' ';
    let continuation = (0x80..=0xBF).contains(&p);
    let d8 = p == 0xD8 && (n == 0xA1 || n == 0xA7 || n == 0xA8 || (0xAA..=0xBF).contains(&n));
    let d9 = p == 0xD9 && ((0x81..=0x88).contains(&n) || n == 0x8A);
    ascii | space | continuation | d8 | d9
}

/// One character at byte `i` that does not start a run (see [`run`]), or whitespace, appended to `o`: where the
/// next one starts, or `None` when it is outside the known set.
fn search_char(o: &mut Out, text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    if b < 0x80 {
        match ASCII_SEARCH.get(usize::from(b)).copied().unwrap_or(SPACE) {
            SPACE => o.space(b),
            HYPHEN => o.space(b' '),
            DROP_U8 => {}
            LOWER => {
                o.lead();
                o.push(&[b.to_ascii_lowercase()]);
            }
            _ => {
                o.lead();
                o.push(&[b]);
            }
        }
        return Some(i + 1);
    }
    if b & 0xFC == 0xD8 {
        let k = arabic_offset(b, *bytes.get(i + 1)?);
        match SEARCH.get(k).copied().unwrap_or(FALLBACK) {
            FALLBACK => return None,
            DROP => {}
            SAME | TEH | TEH_GOAL => {
                let (new, n) = same_width(text, i)?;
                o.lead();
                o.push(&new[..n]);
            }
            to => {
                let mut utf8 = [0; 4];
                let to = char::from_u32(u32::from(to))?.encode_utf8(&mut utf8);
                o.lead();
                o.push(to.as_bytes());
            }
        }
        return Some(i + 2);
    }
    match (b, bytes.get(i + 1), bytes.get(i + 2)) {
        (0xC2, Some(0xA0), _) => {
            o.space(b' ');
            Some(i + 2)
        }
        (0xC2, Some(0xAB | 0xBB), _) => {
            o.lead();
            o.push(b"\"");
            Some(i + 2)
        }
        // U+2010..U+2015 hyphens and dashes: spaces. U+2018, U+2019: apostrophes, removed.
        // U+201C, U+201D: quotation marks, unchanged.
        (0xE2, Some(0x80), Some(&c)) => {
            match c {
                0x90..=0x95 => o.space(b' '),
                0x98 | 0x99 => {}
                0x9C | 0x9D => {
                    o.lead();
                    o.push(bytes.get(i..i + 3).unwrap_or_default());
                }
                _ => return None,
            }
            Some(i + 3)
        }
        _ => None,
    }
}

/// What the `search` level does with an ASCII character: [`SAME`], [`DROP`] (' and `), [`LOWER`] (A..Z),
/// [`HYPHEN`] (-), or [`SPACE`] (whitespace: the end of a word).
static ASCII_SEARCH: [u8; 128] = ascii_search_table();
/// An upper-case ASCII letter: lower-cased.
const LOWER: u8 = 5;
/// A hyphen: a space.
const HYPHEN: u8 = 6;
/// Whitespace.
const SPACE: u8 = 7;
const DROP_U8: u8 = DROP as u8;

const fn ascii_search_table() -> [u8; 128] {
    let mut t = [SAME as u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => SPACE,
            b'A'..=b'Z' => LOWER,
            b'\'' | b'`' => DROP as u8,
            b'-' => HYPHEN,
            _ => SAME as u8,
        };
        b += 1;
    }
    t
}

/// Whether the word from `start` is all in the known set of the `search` level: its end, or `None`.
fn search_known(bytes: &[u8], start: usize) -> Option<usize> {
    let mut rest = bytes.get(start..)?;
    loop {
        match *rest {
            [b, ref tail @ ..] if b < 0x80 => {
                if is_ascii_space(b) {
                    break;
                }
                rest = tail;
            }
            [b0, b1, ref tail @ ..] if b0 & 0xFC == 0xD8 => {
                let k = (usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F);
                if SEARCH.get(k).is_none_or(|&e| e == FALLBACK) {
                    return None;
                }
                rest = tail;
            }
            [0xC2, 0xA0, ..] | [] => break,
            [0xC2, 0xAB | 0xBB, ref tail @ ..] => rest = tail,
            [0xE2, 0x80, 0x90..=0x95 | 0x98 | 0x99 | 0x9C | 0x9D, ref tail @ ..] => rest = tail,
            _ => return None,
        }
    }
    Some(bytes.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`run_goes_on`] lets through, the tables write unchanged or as a fold of the same width.
    #[test]
    fn the_vector_judgement_is_conservative() {
        for p in 0..=255u8 {
            for n in 0..=255u8 {
                if !run_goes_on(p, n) {
                    continue;
                }
                let ok = match p {
                    0x80..=0xBF => true,
                    0xD8..=0xDB => {
                        SEARCH[arabic_offset(p, n)] == SAME && (0x80..=0xBF).contains(&n)
                    }
                    b' ' | b'\n' => !is_ascii_space(n),
                    0..=0x7F => ASCII_SEARCH[usize::from(p)] == SAME_U8,
                    _ => false,
                };
                assert!(ok, "{p:#04x} {n:#04x}");
            }
        }
    }

    /// Every change of width and every fold, at every offset across blocks of sixteen and of thirty-two bytes,
    /// between letters and between words, by both paths.
    #[test]
    fn changes_at_every_offset_of_a_block() {
        let changes = [
            "أ", "إ", "آ", "ؤ", "ئ", "ى", "ة", "ۃ", "ً", "ـ", "،", "٣", "A", "'", "-", " ", "  ",
            "\n", "\t", "«", "\u{2013}", "\u{2019}", "\u{201C}", "é", "\u{0654}", "ٹ", "ؠ",
            "\u{00A0}",
        ];
        for change in changes {
            for before in 0..72 {
                for after in ["ب", " ب", ".", ""] {
                    let word: String = "كتب ".chars().cycle().take(before).collect();
                    // The first letter changes, so that the blocks start with the text.
                    let text = format!("أ{word}{change}{after}{word}");
                    let want = crate::normalize::search_general(&text);
                    assert_eq!(search(&text), want, "{text:?}");
                    assert_eq!(search_in(&text, None), want, "narrow {text:?}");
                }
            }
        }
    }
}
