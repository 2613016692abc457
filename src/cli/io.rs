//! Reading lines and writing output for the commands: decoding (UTF-8 with locations, UTF-16 with a BOM),
//! `--lossy`, line ends, colour.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::Path;

use anyhow::Result;
use qamus::{Error, ErrorKind, Location};

use super::args::Color;

/// Whether to colour standard output.
pub fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Where line input comes from: the arguments themselves, or standard input when there are none or one is `-`.
pub fn from_args_or_stdin(args: &[String]) -> Option<&[String]> {
    if args.is_empty() || args.iter().any(|a| a == "-") {
        None
    } else {
        Some(args)
    }
}

/// An input to read text from: a file, or standard input when `path` is `None`. Input that starts with a UTF-16
/// byte-order mark is decoded to UTF-8 on the fly; anything else is read as it is (UTF-8 is checked by the
/// reader of the lines or records, which knows their numbers).
pub fn open(path: Option<&Path>, lossy: bool) -> Result<Box<dyn BufRead>> {
    let mut input: Box<dyn BufRead> = match path {
        Some(p) => {
            let file = std::fs::File::open(p).map_err(|e| Error::io(Some(p), e))?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(Error::new(
                    ErrorKind::Io,
                    Some(Location::file(p)),
                    "is a directory, not a file",
                )
                .into());
            }
            Box::new(io::BufReader::with_capacity(64 * 1024, file))
        }
        None => Box::new(io::BufReader::with_capacity(64 * 1024, io::stdin())),
    };
    let head = input.fill_buf().map_err(|e| Error::io(path, e))?;
    let big_endian = match head {
        [0xFF, 0xFE, ..] => false,
        [0xFE, 0xFF, ..] => true,
        _ => return Ok(input),
    };
    Ok(Box::new(io::BufReader::with_capacity(
        64 * 1024,
        Utf16Reader {
            inner: input,
            big_endian,
            lossy,
            out: Vec::new(),
            pos: 0,
            offset: 0,
            high: None,
            odd: None,
        },
    )))
}

/// Decodes UTF-16 (little- or big-endian) to UTF-8. An unpaired surrogate is an error naming its byte offset, or
/// U+FFFD when `lossy`.
struct Utf16Reader<R> {
    inner: R,
    big_endian: bool,
    lossy: bool,
    /// Decoded UTF-8 not yet handed out, from `pos`.
    out: Vec<u8>,
    pos: usize,
    /// Byte offset in the UTF-16 input of the next unit.
    offset: u64,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
    /// The first byte of a unit split between two reads.
    odd: Option<u8>,
}

impl<R: Read> Utf16Reader<R> {
    fn bad(&mut self, at: u64) -> io::Result<()> {
        if self.lossy {
            self.push(char::REPLACEMENT_CHARACTER);
            Ok(())
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "invalid UTF-16 at byte {at} (an unpaired surrogate or an odd byte at the end); \
                     use --lossy to replace it"
                ),
            ))
        }
    }

    fn push(&mut self, c: char) {
        let mut b = [0u8; 4];
        self.out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
    }

    fn unit(&mut self, u: u16) -> io::Result<()> {
        let at = self.offset;
        self.offset += 2;
        if let Some(h) = self.high.take() {
            if (0xDC00..0xE000).contains(&u) {
                let c = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                self.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
                return Ok(());
            }
            self.bad(at - 2)?;
        }
        match u {
            0xD800..=0xDBFF => self.high = Some(u),
            0xDC00..=0xDFFF => self.bad(at)?,
            _ => self.push(char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
        Ok(())
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            self.out.clear();
            self.pos = 0;
            let mut raw = [0u8; 16 * 1024];
            let n = loop {
                match self.inner.read(&mut raw) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    r => break r?,
                }
            };
            if n == 0 {
                if self.high.take().is_some() {
                    self.bad(self.offset - 2)?;
                }
                if self.odd.take().is_some() {
                    self.bad(self.offset)?;
                }
                if self.out.is_empty() {
                    return Ok(0);
                }
                break;
            }
            let mut bytes = raw.get(..n).unwrap_or_default();
            if let Some(first) = self.odd.take() {
                if let Some((&second, rest)) = bytes.split_first() {
                    self.unit(self.read_unit([first, second]))?;
                    bytes = rest;
                }
            }
            let mut pairs = bytes.chunks_exact(2);
            for p in &mut pairs {
                if let [a, b] = *p {
                    self.unit(self.read_unit([a, b]))?;
                }
            }
            self.odd = pairs.remainder().first().copied();
        }
        let avail = self.out.get(self.pos..).unwrap_or_default();
        let n = avail.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), avail.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pos += n;
        Ok(n)
    }
}

impl<R> Utf16Reader<R> {
    fn read_unit(&self, b: [u8; 2]) -> u16 {
        if self.big_endian {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        }
    }
}

/// Reads bytes up to and including the next line end — `\n`, `\r\n` or a lone `\r` — into `buf` (which is not
/// cleared). Returns the number of bytes read; 0 at the end of the input.
pub fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    let start = buf.len();
    let mut after_cr = false;
    loop {
        let chunk = match input.fill_buf() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => r?,
        };
        if chunk.is_empty() {
            return Ok(buf.len() - start);
        }
        if after_cr {
            // A `\r` ended the line: take a `\n` right after it as part of the same line end.
            if chunk.first() == Some(&b'\n') {
                buf.push(b'\n');
                input.consume(1);
            }
            return Ok(buf.len() - start);
        }
        match memchr::memchr2(b'\n', b'\r', chunk) {
            Some(i) => {
                let end = chunk.get(i).copied();
                buf.extend_from_slice(chunk.get(..=i).unwrap_or_default());
                input.consume(i + 1);
                if end == Some(b'\n') {
                    return Ok(buf.len() - start);
                }
                after_cr = true;
            }
            None => {
                let n = chunk.len();
                buf.extend_from_slice(chunk);
                input.consume(n);
            }
        }
    }
}

/// The length of the line end (`\r\n`, `\n`, `\r`, or none) at the end of `line`.
pub fn line_end_len(line: &[u8]) -> usize {
    if line.ends_with(b"\r\n") {
        2
    } else {
        usize::from(line.ends_with(b"\n") || line.ends_with(b"\r"))
    }
}

/// Checks that a line or record holds text: UTF-8 without NUL bytes. Returns it as a string, replaced (with a
/// warning, once per input) when `lossy`; otherwise an error naming the line, column and byte of the first bad
/// byte. `base` is the byte offset of `bytes` in the input and `line` its first line.
pub fn text<'a>(
    bytes: &'a [u8],
    path: Option<&Path>,
    base: u64,
    line: u64,
    lossy: bool,
    warned: &mut bool,
) -> Result<std::borrow::Cow<'a, str>> {
    // The common case first, with the vectorized searches: valid UTF-8 and no NUL byte.
    let nul = memchr::memchr(0, bytes);
    if nul.is_none() {
        if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
            return Ok(std::borrow::Cow::Borrowed(s));
        }
    }
    // std's check names where the text goes wrong.
    let utf8 = std::str::from_utf8(bytes);
    if !lossy {
        if let Err(e) = utf8 {
            if nul.is_none_or(|n| n > e.valid_up_to()) {
                return Err(Error::invalid_utf8(path, bytes, base, line).into());
            }
        }
        let n = nul.unwrap_or_default();
        let mut loc = Location::at_byte(path, bytes, n);
        loc.line = loc.line.map(|l| l + line - 1);
        loc.byte = loc.byte.map(|b| b + base);
        return Err(Error::new(
            ErrorKind::Binary,
            Some(loc),
            "NUL byte: binary data, or UTF-16 without a byte-order mark? (--lossy replaces it)",
        )
        .into());
    }
    if !*warned {
        let loc = Location {
            path: path.map(Path::to_path_buf),
            line: Some(line),
            ..Location::default()
        };
        eprintln!(
            "qamus: warning: {loc}: invalid UTF-8 or NUL bytes replaced with U+FFFD (--lossy)"
        );
        *warned = true;
    }
    Ok(std::borrow::Cow::Owned(
        String::from_utf8_lossy(bytes).replace('\0', "\u{FFFD}"),
    ))
}

/// Calls `f` on every line of `input` (without its line end), with a 1-based line number. Lines end with `\n`,
/// `\r\n` or a lone `\r`; a UTF-8 BOM at the start is skipped. Invalid UTF-8 or a NUL byte stops with an error
/// naming the line and byte, unless `lossy` (then they are replaced, with a warning). Memory holds one buffer.
///
/// The lines that lie whole in the reader's buffer are handed out from it, the buffer checked once for UTF-8 and
/// NUL bytes (most lines are short: a name a line costs little more than its bytes); a line longer than the
/// buffer, the last one without a line end, and the lines from the first bad byte on are read one by one.
pub fn for_each_line(
    input: &mut dyn BufRead,
    path: Option<&Path>,
    lossy: bool,
    mut f: impl FnMut(u64, &str) -> Result<()>,
) -> Result<()> {
    let mut buf = Vec::with_capacity(4096);
    let mut line_no = 0u64;
    let mut offset = 0u64;
    let mut warned = false;
    // After a bad byte, this many lines are read one by one before the buffer is checked whole again: text in
    // another encoding read with --lossy has a bad byte on every line, and each check reads the buffer to its end.
    const SLOW_AFTER_BAD: u32 = 256;
    let mut slow = 0u32;
    loop {
        // The whole lines at the head of the buffer, checked at once.
        let taken = if slow > 0 {
            slow -= 1;
            0
        } else {
            let chunk = match input.fill_buf() {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => r.map_err(|e| Error::io(path, e))?,
            };
            let head = chunk.get(..whole_lines(chunk)).unwrap_or_default();
            let text = match (memchr::memchr(0, head), simdutf8::basic::from_utf8(head)) {
                (None, Ok(text)) => text,
                // Only the lines that end before the first bad byte.
                _ => {
                    slow = SLOW_AFTER_BAD;
                    let lines = whole_lines_in(head.get(..good_prefix(head)).unwrap_or_default());
                    simdutf8::basic::from_utf8(head.get(..lines).unwrap_or_default())
                        .unwrap_or_default()
                }
            };
            if !text.is_empty() {
                for_each_in(text, &mut line_no, offset, &mut f)?;
            }
            text.len()
        };
        if taken > 0 {
            input.consume(taken);
            offset += taken as u64;
            continue;
        }
        // One line the slow way: copied out, and checked with its location.
        buf.clear();
        let n = read_line(input, &mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let mut line = buf.get(..n - line_end_len(&buf)).unwrap_or_default();
        let mut base = offset;
        if line_no == 1 {
            if let Some(l) = line.strip_prefix(b"\xEF\xBB\xBF") {
                line = l;
                base += 3;
            }
        }
        let s = text(line, path, base, line_no, lossy, &mut warned)?;
        f(line_no, &s)?;
        offset += n as u64;
    }
}

/// The length of the whole lines at the start of `chunk`: up to the last line end, where a `\r` as the chunk's
/// last byte does not count (a `\n` may follow it in the next read).
fn whole_lines(chunk: &[u8]) -> usize {
    match memchr::memrchr2(b'\n', b'\r', chunk) {
        Some(i) if i + 1 < chunk.len() || chunk.get(i) == Some(&b'\n') => i + 1,
        Some(i) => whole_lines_in(chunk.get(..i).unwrap_or_default()),
        None => 0,
    }
}

/// The length of `prefix` up to its last line end. For a good prefix that ends at a bad byte, its whole lines (a
/// `\r` at its end is a line end of its own, since the bad byte follows it).
fn whole_lines_in(prefix: &[u8]) -> usize {
    memchr::memrchr2(b'\n', b'\r', prefix).map_or(0, |i| i + 1)
}

/// The length of the start of `bytes` that is valid UTF-8 without a NUL byte.
fn good_prefix(bytes: &[u8]) -> usize {
    let nul = memchr::memchr(0, bytes).unwrap_or(bytes.len());
    let head = bytes.get(..nul).unwrap_or_default();
    match simdutf8::compat::from_utf8(head) {
        Ok(_) => nul,
        Err(e) => e.valid_up_to(),
    }
}

/// Calls `f` on every line of `text` (whole lines: it ends with a line end, and the text after its last line end
/// is not read), numbering them on from `line_no`;
/// `offset` is the byte offset of `text` in the input (a BOM is skipped on line 1).
fn for_each_in(
    text: &str,
    line_no: &mut u64,
    offset: u64,
    f: &mut impl FnMut(u64, &str) -> Result<()>,
) -> Result<()> {
    let bytes = text.as_bytes();
    let mut start = 0;
    // One search over the text for its line ends (the search of each line alone costs more than a short line).
    for end in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if end < start {
            // The `\n` of a `\r\n`, taken with its `\r`.
            continue;
        }
        *line_no += 1;
        let mut line = text.get(start..end).unwrap_or_default();
        if *line_no == 1 && offset == 0 {
            line = line.strip_prefix('\u{FEFF}').unwrap_or(line);
        }
        f(*line_no, line)?;
        let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
        start = end + 1 + usize::from(crlf);
    }
    Ok(())
}

/// [`for_each_line`] over standard input.
pub fn for_each_stdin_line(lossy: bool, f: impl FnMut(u64, &str) -> Result<()>) -> Result<()> {
    for_each_line(&mut *open(None, lossy)?, None, lossy, f)
}

/// A buffered standard output.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// Writes a line.
pub fn writeln_out(out: &mut impl Write, s: &str) -> Result<()> {
    out.write_all(s.as_bytes())?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<Vec<u8>> {
        let mut r = input;
        let mut out = Vec::new();
        loop {
            let mut buf = Vec::new();
            match read_line(&mut r, &mut buf) {
                Ok(0) | Err(_) => return out,
                Ok(_) => out.push(buf),
            }
        }
    }

    #[test]
    fn line_ends_are_lf_crlf_or_lone_cr() {
        assert_eq!(
            lines(b"a\nb\r\nc\rd\r\re"),
            [&b"a\n"[..], b"b\r\n", b"c\r", b"d\r", b"\r", b"e"]
        );
        assert_eq!(lines(b"x\r"), [&b"x\r"[..]]);
        assert!(lines(b"").is_empty());
    }

    fn utf16(bytes: &[u8], lossy: bool) -> io::Result<String> {
        let mut r = Utf16Reader {
            inner: bytes,
            big_endian: false,
            lossy,
            out: Vec::new(),
            pos: 0,
            offset: 0,
            high: None,
            odd: None,
        };
        let mut s = String::new();
        r.read_to_string(&mut s)?;
        Ok(s)
    }

    #[test]
    fn utf16_decodes_pairs_and_refuses_lone_surrogates() {
        let text = "بوتين 😀\r\n";
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(utf16(&bytes, false).ok().as_deref(), Some(text));
        let lone = [0x00, 0xD8, b'a', 0];
        let e = utf16(&lone, false).err().map(|e| e.to_string());
        assert!(e.is_some_and(|m| m.contains("byte 0")));
        assert_eq!(utf16(&lone, true).ok().as_deref(), Some("\u{FFFD}a"));
        assert!(utf16(&[b'a', 0, b'b'], false).is_err());
    }

    #[test]
    fn text_names_the_first_bad_byte() {
        let mut warned = false;
        let e = text(b"ab\0c", None, 10, 3, false, &mut warned).err();
        assert!(e.is_some_and(|e| e.to_string().starts_with("<stdin>:3:3 (byte 12): NUL byte")));
        let e = text(b"a\xFF\0", None, 0, 1, false, &mut warned).err();
        assert!(e.is_some_and(|e| e.to_string().contains("invalid UTF-8")));
        let s = text(b"a\xFF\0", None, 0, 1, true, &mut warned).ok();
        assert_eq!(s.as_deref(), Some("a\u{FFFD}\u{FFFD}"));
        assert!(warned);
    }

    /// Lines as the reference reads them, one at a time (`read_line`, then `text`): (number, line) until the end
    /// or an error, with the error's message.
    fn lines_one_by_one(input: &[u8], lossy: bool) -> (Vec<(u64, String)>, Option<String>) {
        let mut r = input;
        let (mut out, mut n, mut offset, mut warned) = (Vec::new(), 0u64, 0u64, false);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let len = read_line(&mut r, &mut buf).unwrap_or_default();
            if len == 0 {
                return (out, None);
            }
            n += 1;
            let mut line = &buf[..len - line_end_len(&buf)];
            let mut base = offset;
            if n == 1 {
                if let Some(l) = line.strip_prefix(b"\xEF\xBB\xBF") {
                    line = l;
                    base += 3;
                }
            }
            match text(line, None, base, n, lossy, &mut warned) {
                Ok(s) => out.push((n, s.into_owned())),
                Err(e) => return (out, Some(e.to_string())),
            }
            offset += len as u64;
        }
    }

    fn lines_by_blocks(
        input: &[u8],
        lossy: bool,
        capacity: usize,
    ) -> (Vec<(u64, String)>, Option<String>) {
        let mut r = io::BufReader::with_capacity(capacity, input);
        let mut out = Vec::new();
        let e = for_each_line(&mut r, None, lossy, |n, l| {
            out.push((n, l.to_string()));
            Ok(())
        });
        (out, e.err().map(|e| e.to_string()))
    }

    #[test]
    fn block_reading_splits_lines_like_line_by_line_reading() {
        for input in [
            &b"a\r\nb\rc\n\r\n\rd"[..],
            b"\xEF\xBB\xBFfirst\nsecond\r",
            b"ok\nbad \xFF here\nnever",
            b"ok\r\nnul \0 here\n",
            "ب\r\nناغورنو\n".as_bytes(),
        ] {
            for capacity in 1..12 {
                for lossy in [false, true] {
                    assert_eq!(
                        lines_by_blocks(input, lossy, capacity),
                        lines_one_by_one(input, lossy),
                        "{input:?} capacity {capacity} lossy {lossy}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn block_reading_equals_line_by_line_reading(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                &b"a"[..], b"xyz", b"\n", b"\r", b"\r\n", "ب".as_bytes(), &"ب".as_bytes()[..1], b"\0",
                b"\xEF\xBB\xBF", b"\xFF",
            ]), 0..30),
            capacity in 1usize..40,
            lossy in proptest::bool::ANY,
        ) {
            let input = parts.concat();
            proptest::prop_assert_eq!(
                lines_by_blocks(&input, lossy, capacity),
                lines_one_by_one(&input, lossy)
            );
        }
    }
}
