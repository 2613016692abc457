//! The fast path of [`super::search`], [`super::display`] and the Buckwalter transliteration: one walk over the
//! bytes, with table look-ups, for text made of the characters met in ordinary Arabic and English prose.
//!
//! The text is cut into words at ASCII whitespace and NO-BREAK SPACE. None of the steps of the general pipeline
//! (controls, NFC, NFKC, folds, whitespace collapse) looks across such a character: a ZWNJ next to it is not
//! between two letters, nothing composes with it, the final-ة rule stops at it. So each word can be handled on
//! its own, and the whitespace between words collapsed as [`super::collapse_whitespace`] does. A word whose
//! characters are all in the known set below is mapped character by character through a table; any other word
//! goes through the general pipeline, which stays the reference (tests compare both on random text and on the
//! seed corpus).
//!
//! The known set: ASCII; U+00A0, U+00AB, U+00BB; U+2010..U+2015, U+2018, U+2019, U+201C, U+201D; and the Arabic
//! block U+0600..U+06FF except the characters whose normalization depends on their neighbours or changes them:
//! U+0653..U+0655 (they compose with the letter before them), U+0675..U+0678 (compatibility decompositions),
//! U+061C (a removed control), U+0600..U+0605, U+061D and U+06DD (format characters). At the `display` level and
//! in transliteration the marks are kept, so only the tashkeel U+064B..U+0652 and U+0670 are known there, and only
//! in canonical order (their combining classes rise with their code points); transliteration also leaves out
//! U+2011, which NFKC turns into U+2010.
//!
//! A first look over the whole text finds how much of it comes out unchanged (one tight loop over the bytes); text
//! already normalized is returned borrowed, and the walk starts where the first change is. From there `search`
//! writes to an owned buffer (most of what follows changes), a block of sixteen or thirty-two bytes at a time
//! where the characters keep their width (see [`search`]'s module); `display`, whose output is most often its input, remembers runs of unchanged input as byte ranges and copies them only when something changed
//! ([`Writer`]). A word that needs the general pipeline is written again from where it started.

use std::borrow::Cow;

use super::chars;

/// What the `search` level does with a character of U+0600..U+06FF: [`FALLBACK`], [`SAME`], [`DROP`],
/// [`TEH`], [`TEH_GOAL`], or the code point it becomes.
static SEARCH: [u16; 256] = search_table();
/// What the `display` level and transliteration may do with a character of U+0600..U+06FF: [`FALLBACK`],
/// [`SAME`], or [`ORDERED_MARK`].
static DISPLAY: [u8; 256] = DISPLAY_CLASSES;
/// The classes of [`DISPLAY`], for other tables built at compile time (transliteration's).
pub(crate) const DISPLAY_CLASSES: [u8; 256] = display_table();

/// Not in the known set: the word goes through the general pipeline.
const FALLBACK: u16 = 0;
/// Unchanged.
const SAME: u16 = 1;
/// Removed (marks, tatweel, apostrophes).
const DROP: u16 = 2;
/// U+0629 TEH MARBUTA: ه at the end of a word, unchanged before a letter.
const TEH: u16 = 3;
/// U+06C3 TEH MARBUTA GOAL: ه at the end of a word, ة before a letter.
const TEH_GOAL: u16 = 4;
/// A tashkeel mark kept in canonical order (U+064B..U+0652, U+0670), at the `display` level.
const ORDERED_MARK: u8 = 2;

/// Characters of the Arabic block that every level sends to the general pipeline.
const fn is_fallback(cp: u32) -> bool {
    matches!(cp, 0x0600..=0x0605 | 0x061C | 0x061D | 0x0653..=0x0655 | 0x0675..=0x0678 | 0x06DD)
}

/// The tashkeel marks whose canonical combining classes (27..35) rise with their code points.
const fn is_ordered_mark(cp: u32) -> bool {
    matches!(cp, 0x064B..=0x0652 | 0x0670)
}

const fn search_table() -> [u16; 256] {
    let mut t = [SAME; 256];
    let mut i = 0;
    while i < 256 {
        let cp = 0x0600 + i as u32;
        let c = match char::from_u32(cp) {
            Some(c) => c,
            None => '\0',
        };
        t[i] = if is_fallback(cp) {
            FALLBACK
        } else if cp == 0x0629 {
            TEH
        } else if cp == 0x06C3 {
            TEH_GOAL
        } else if chars::is_arabic_mark(c) || c == chars::TATWEEL {
            DROP
        } else {
            SAME
        };
        i += 1;
    }
    let mut j = 0;
    while j < chars::SEARCH_FOLD_PAIRS.len() {
        let (from, to) = chars::SEARCH_FOLD_PAIRS[j];
        let k = from as usize - 0x0600;
        if t[k] == SAME {
            t[k] = to as u16;
        }
        j += 1;
    }
    t
}

const fn display_table() -> [u8; 256] {
    let mut t = [SAME as u8; 256];
    let mut i = 0;
    while i < 256 {
        let cp = 0x0600 + i as u32;
        let c = match char::from_u32(cp) {
            Some(c) => c,
            None => '\0',
        };
        t[i] = if is_fallback(cp) {
            FALLBACK as u8
        } else if is_ordered_mark(cp) {
            ORDERED_MARK
        } else if chars::is_arabic_mark(c) {
            FALLBACK as u8
        } else {
            SAME as u8
        };
        i += 1;
    }
    t
}

/// Whitespace waiting to be written between two words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pending {
    None,
    Space,
    Newline,
}

/// The output being written, with the whitespace collapse of [`super::collapse_whitespace`].
pub(crate) struct Writer<'a> {
    text: &'a str,
    out: String,
    /// `text[run.0..run.1]` comes after `out`: input copied unchanged, not yet appended.
    run: (usize, usize),
    pending: Pending,
    /// Where the pending whitespace is one `' '` or `'\n'` of the input that can be copied as it is.
    pending_at: Option<usize>,
    /// Whether a word was written: whitespace before the first one is dropped.
    started: bool,
}

/// A [`Writer`]'s state at the start of a word, to go back to when the word needs the general pipeline.
#[derive(Clone, Copy)]
pub(crate) struct Mark {
    len: usize,
    run: (usize, usize),
    pending: Pending,
    pending_at: Option<usize>,
    started: bool,
}

const NO_RUN: (usize, usize) = (usize::MAX, usize::MAX);

impl<'a> Writer<'a> {
    fn new(text: &'a str) -> Writer<'a> {
        Writer {
            text,
            out: String::new(),
            run: NO_RUN,
            pending: Pending::None,
            pending_at: None,
            started: false,
        }
    }

    /// A whitespace character of `len` bytes at byte `at`; `byte` is its first byte.
    #[inline]
    pub(crate) fn space(&mut self, at: usize, len: usize, byte: u8) {
        let first = self.pending == Pending::None;
        self.pending = if byte == b'\n' || self.pending == Pending::Newline {
            Pending::Newline
        } else {
            Pending::Space
        };
        self.pending_at = (first && len == 1 && (byte == b' ' || byte == b'\n')).then_some(at);
    }

    /// Starts output that counts as a word: writes the pending whitespace unless nothing was written before.
    #[inline]
    pub(crate) fn lead(&mut self) {
        if self.pending != Pending::None {
            self.write_pending();
        }
        self.started = true;
    }

    fn write_pending(&mut self) {
        if self.started {
            match self.pending_at {
                Some(at) => self.copy(at, at + 1),
                None if self.pending == Pending::Newline => self.push_str("\n"),
                None => self.push_str(" "),
            }
        }
        self.pending = Pending::None;
        self.pending_at = None;
    }

    /// Appends `text[from..to]` (after [`Writer::lead`]).
    #[inline]
    pub(crate) fn copy(&mut self, from: usize, to: usize) {
        if from == self.run.1 {
            self.run.1 = to;
        } else {
            self.flush_run();
            self.run = (from, to);
        }
    }

    fn flush_run(&mut self) {
        if self.run.0 < self.run.1 {
            if self.out.capacity() == 0 {
                self.out.reserve(self.text.len() + 16);
            }
            self.out
                .push_str(self.text.get(self.run.0..self.run.1).unwrap_or_default());
        }
        self.run = NO_RUN;
    }

    /// Appends `s` (after [`Writer::lead`]).
    #[inline]
    pub(crate) fn push_str(&mut self, s: &str) {
        self.flush_run();
        if self.out.capacity() == 0 {
            self.out.reserve(self.text.len() + 16);
        }
        self.out.push_str(s);
    }

    /// Appends the output of the general pipeline for `text[from..to]`, copying when it is that text unchanged.
    pub(crate) fn push_cow(&mut self, from: usize, to: usize, s: &str) {
        if self.text.get(from..to) == Some(s) {
            self.copy(from, to);
        } else if !s.is_empty() {
            self.push_str(s);
        }
    }

    pub(crate) fn mark(&self) -> Mark {
        Mark {
            len: self.out.len(),
            run: self.run,
            pending: self.pending,
            pending_at: self.pending_at,
            started: self.started,
        }
    }

    pub(crate) fn reset(&mut self, m: Mark) {
        self.out.truncate(m.len);
        self.run = m.run;
        self.pending = m.pending;
        self.pending_at = m.pending_at;
        self.started = m.started;
    }

    /// The output: borrowed from the input when it is one unchanged stretch of it.
    pub(crate) fn finish(mut self) -> Cow<'a, str> {
        if self.out.is_empty() {
            if self.run == NO_RUN {
                return Cow::Borrowed("");
            }
            return Cow::Borrowed(self.text.get(self.run.0..self.run.1).unwrap_or_default());
        }
        self.flush_run();
        Cow::Owned(self.out)
    }
}

/// Whether the byte is ASCII whitespace in the sense of [`char::is_whitespace`] (tab, LF, VT, FF, CR, space).
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Where the words that need the general pipeline, from the one that starts at `from`, end: the following words
/// that `known` does not accept go with it, so that text of many such words (Latin with diacritics, presentation
/// forms) goes through the pipeline in long stretches rather than word by word.
///
/// The pipeline trims the whitespace at the ends of the stretch. Whitespace within a word is a space whatever it
/// merges with, but between words it may hold a line feed, which would be lost if the words at an end of the
/// stretch came out empty. So a stretch across a line feed is taken only when `counts` (whether a word's output is
/// not empty) holds for its first and last words; otherwise the first word goes alone.
pub(crate) fn span_end(
    text: &str,
    from: usize,
    known: impl Fn(&[u8], usize) -> Option<usize>,
    counts: impl Fn(&str) -> bool,
) -> usize {
    let bytes = text.as_bytes();
    let first = word_end(bytes, from);
    let mut end = first;
    let mut last = from;
    let mut line_feed = false;
    loop {
        let mut next = end;
        let mut feed = false;
        loop {
            match bytes.get(next..) {
                Some(&[b, ..]) if is_ascii_space(b) => {
                    feed |= b == b'\n';
                    next += 1;
                }
                Some(&[0xC2, 0xA0, ..]) => next += 2,
                _ => break,
            }
        }
        if next >= bytes.len() || known(bytes, next).is_some() {
            break;
        }
        line_feed |= feed;
        last = next;
        end = word_end(bytes, next);
    }
    let word = |a: usize, b: usize| text.get(a..b).unwrap_or_default();
    if !line_feed || (counts(word(from, first)) && counts(word(last, end))) {
        end
    } else {
        first
    }
}

/// Where the word that starts at `from` ends: the next ASCII whitespace or NO-BREAK SPACE, or the end.
fn word_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if is_ascii_space(b) || (b == 0xC2 && bytes.get(i + 1) == Some(&0xA0)) {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// Walks `text` word by word from byte `from`, where a word ends (`text[..from]` is output as it is):
/// `word(writer, bytes, start)` handles a word from `start` with the fast path and returns its end, or `None` for a
/// character outside the known set, and then `general(writer, start, end)` handles the whole word.
fn walk_from<'a>(
    text: &'a str,
    from: usize,
    mut word: impl FnMut(&mut Writer<'a>, &[u8], usize) -> Option<usize>,
    mut general: impl FnMut(&mut Writer<'a>, usize, usize),
) -> Cow<'a, str> {
    let bytes = text.as_bytes();
    let mut w = Writer::new(text);
    if from > 0 {
        w.run = (0, from);
        w.started = true;
    }
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if is_ascii_space(b) {
            w.space(i, 1, b);
            i += 1;
            continue;
        }
        if b == 0xC2 && bytes.get(i + 1) == Some(&0xA0) {
            w.space(i, 2, b);
            i += 2;
            continue;
        }
        let mark = w.mark();
        match word(&mut w, bytes, i) {
            Some(end) => i = end,
            None => {
                w.reset(mark);
                let end = span_end(text, i, known_word, |w| {
                    !super::display_general(w).is_empty()
                });
                general(&mut w, i, end);
                i = end;
            }
        }
    }
    w.finish()
}

/// How much of `bytes` comes out of a level unchanged, when the quick look can tell: `Ok(())` for all of it,
/// `Err(n)` for the first `n` bytes, which end where a word ends (or are none). `same` tells whether the level
/// leaves a character of U+0600..U+06FF unchanged (given its offset from U+0600), `ascii` an ASCII character other
/// than whitespace. Whitespace is unchanged when it is one space or line feed between two words; marks in
/// canonical order are unchanged when `marks`.
#[inline]
fn unchanged(
    bytes: &[u8],
    ascii: impl Fn(u8) -> bool,
    same: impl Fn(usize) -> u8,
) -> Result<(), usize> {
    let mut rest = bytes;
    let mut ok = 0;
    let mut after_space = true;
    let mut last_mark = 0usize;
    loop {
        match *rest {
            [b, ref tail @ ..] if b < 0x80 => {
                if is_ascii_space(b) {
                    if after_space || (b != b' ' && b != b'\n') {
                        return Err(ok);
                    }
                    after_space = true;
                    ok = bytes.len() - rest.len();
                } else if ascii(b) {
                    after_space = false;
                    last_mark = 0;
                } else {
                    return Err(ok);
                }
                rest = tail;
            }
            [b0, b1, ref tail @ ..] if b0 & 0xFC == 0xD8 => {
                let k = (usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F);
                match same(k) {
                    SAME_U8 => last_mark = 0,
                    ORDERED_MARK if k >= last_mark => last_mark = k,
                    _ => return Err(ok),
                }
                after_space = false;
                rest = tail;
            }
            [] => {
                return if after_space && !bytes.is_empty() {
                    Err(ok)
                } else {
                    Ok(())
                };
            }
            _ => return Err(ok),
        }
    }
}

/// The `display` level.
pub(super) fn display(text: &str) -> Cow<'_, str> {
    let from = match unchanged(
        text.as_bytes(),
        |_| true,
        |k| DISPLAY.get(k).copied().unwrap_or_default(),
    ) {
        Ok(()) => return Cow::Borrowed(text),
        Err(n) => n,
    };
    walk_from(text, from, display_word, |w, from, to| {
        let word = text.get(from..to).unwrap_or_default();
        let s = super::display_general(word);
        if !s.is_empty() {
            w.lead();
            w.push_cow(from, to, &s);
        }
    })
}

/// One word at the `display` level, which the fast path leaves as it is; `None` when it holds a character
/// outside the known set or marks out of canonical order.
fn display_word(w: &mut Writer<'_>, bytes: &[u8], start: usize) -> Option<usize> {
    let end = known_word(bytes, start)?;
    w.lead();
    w.copy(start, end);
    Some(end)
}

/// Checks a word for the `display` level: every character known and the marks in canonical order. Returns the
/// word's end.
#[inline]
pub(crate) fn known_word(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    let mut last_mark = 0u32;
    loop {
        match bytes.get(i..) {
            Some(&[b, ..]) if b < 0x80 => {
                if is_ascii_space(b) {
                    return Some(i);
                }
                last_mark = 0;
                i += 1;
            }
            Some(&[b0, b1, ..]) if b0 & 0xFC == 0xD8 => {
                let k = (usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F);
                match DISPLAY.get(k).copied().unwrap_or(FALLBACK as u8) {
                    SAME_U8 => last_mark = 0,
                    ORDERED_MARK => {
                        let cp = 0x0600 + k as u32;
                        if cp < last_mark {
                            return None;
                        }
                        last_mark = cp;
                    }
                    _ => return None,
                }
                i += 2;
            }
            Some(&[0xC2, 0xA0, ..]) => return Some(i),
            Some(&[0xC2, 0xAB | 0xBB, ..]) => {
                last_mark = 0;
                i += 2;
            }
            Some(&[0xE2, 0x80, 0x90..=0x95 | 0x98 | 0x99 | 0x9C | 0x9D, ..]) => {
                last_mark = 0;
                i += 3;
            }
            Some(&[]) | None => return Some(i),
            Some(_) => return None,
        }
    }
}

/// Unchanged, as a [`DISPLAY`] class.
const SAME_U8: u8 = SAME as u8;

mod search;
pub(super) use search::search;
#[cfg(fuzzing)]
pub(super) use search::search_in;

#[cfg(test)]
pub(crate) mod tests;
