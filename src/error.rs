//! The library's error type: what went wrong, and where (file, line, column, byte) when that is known.

use std::fmt;
use std::path::{Path, PathBuf};

/// What kind of failure an [`Error`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or stream could not be read or written.
    Io,
    /// Input that should be UTF-8 is not.
    InvalidUtf8,
    /// A CSV file is malformed (no header, ragged rows, unbalanced quotes).
    Csv,
    /// A glossary file loaded but its content is invalid (missing `en`, unknown type, duplicate id…).
    Glossary,
    /// An argument or option value is invalid.
    Usage,
    /// Input that should be text holds NUL bytes (binary data, or UTF-16 without a byte-order mark).
    Binary,
    /// A compiled index file cannot be used: not an index, another format version, stale, or damaged.
    Index,
}

/// Where in an input an error was found. Every part is optional: a message names what it knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// The file, or `None` for standard input or a string.
    pub path: Option<PathBuf>,
    /// 1-based line number.
    pub line: Option<u64>,
    /// 1-based column (a CSV field number, or a character column in a line).
    pub column: Option<u64>,
    /// 0-based byte offset from the start of the input.
    pub byte: Option<u64>,
}

impl Location {
    /// A location naming only a file.
    pub fn file(path: impl Into<PathBuf>) -> Location {
        Location {
            path: Some(path.into()),
            ..Location::default()
        }
    }
}

impl Location {
    /// The location of byte `offset` of `bytes`: its 1-based line and character column, and the offset itself.
    /// Lines end with `\n`, `\r\n` or a lone `\r`.
    pub fn at_byte(path: Option<&Path>, bytes: &[u8], offset: usize) -> Location {
        let prefix = bytes.get(..offset).unwrap_or(bytes);
        let mut line = 1u64;
        let mut line_start = 0;
        for (i, &b) in prefix.iter().enumerate() {
            let ends = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends {
                line += 1;
                line_start = i + 1;
            }
        }
        let column = String::from_utf8_lossy(prefix.get(line_start..).unwrap_or_default())
            .chars()
            .count() as u64
            + 1;
        Location {
            path: path.map(Path::to_path_buf),
            line: Some(line),
            column: Some(column),
            byte: Some(offset as u64),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}", p.display())?,
            None => f.write_str("<stdin>")?,
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        if let Some(byte) = self.byte {
            write!(f, " (byte {byte})")?;
        }
        Ok(())
    }
}

/// The error type of every fallible qamus operation.
///
/// It displays as `location: message`, one line per problem, and carries a [`kind`](Error::kind). It is one
/// pointer wide, so that `Result`s stay small.
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    location: Option<Location>,
    message: String,
    /// Further problems of the same operation (a glossary with several bad rows reports them all).
    more: Vec<Error>,
    source: Option<std::io::Error>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.0.location {
            write!(f, "{loc}: ")?;
        }
        f.write_str(&self.0.message)?;
        for e in &self.0.more {
            write!(f, "\n{e}")?;
        }
        Ok(())
    }
}

/// The message of an I/O error already says what its source says, so `source()` is `None` (a report that prints
/// the chain names the reason once); [`Error::io_error`] gives the underlying error.
impl std::error::Error for Error {}

impl Error {
    /// A new error of `kind` at `location` with a message.
    pub fn new(kind: ErrorKind, location: Option<Location>, message: impl Into<String>) -> Error {
        Error(Box::new(Inner {
            kind,
            location,
            message: message.into(),
            more: Vec::new(),
            source: None,
        }))
    }

    /// An I/O error on `path` (or standard input when `None`).
    pub fn io(path: Option<&Path>, source: std::io::Error) -> Error {
        let location = Location {
            path: path.map(Path::to_path_buf),
            ..Location::default()
        };
        Error(Box::new(Inner {
            kind: ErrorKind::Io,
            location: Some(location),
            message: source.to_string(),
            more: Vec::new(),
            source: Some(source),
        }))
    }

    /// Invalid UTF-8 in `bytes` (the whole input, or a line of it starting at `base` bytes and line `first_line`):
    /// the error names the line, column and byte offset of the first bad byte.
    pub fn invalid_utf8(path: Option<&Path>, bytes: &[u8], base: u64, first_line: u64) -> Error {
        let valid = match std::str::from_utf8(bytes) {
            Ok(_) => bytes.len(),
            Err(e) => e.valid_up_to(),
        };
        let mut location = Location::at_byte(path, bytes, valid);
        location.line = location.line.map(|l| l + first_line - 1);
        location.byte = location.byte.map(|b| b + base);
        let bad = bytes.get(valid).copied().unwrap_or(0);
        Error::new(
            ErrorKind::InvalidUtf8,
            Some(location),
            format!("invalid UTF-8 (byte 0x{bad:02X}); use --lossy to replace invalid bytes"),
        )
    }

    /// Joins several errors into one that reports them all; `None` when the list is empty.
    pub fn many(mut errors: Vec<Error>) -> Option<Error> {
        if errors.is_empty() {
            return None;
        }
        let mut first = errors.remove(0);
        first.0.more.extend(errors);
        Some(first)
    }

    /// The I/O error this error was made from, for errors of kind [`ErrorKind::Io`].
    pub fn io_error(&self) -> Option<&std::io::Error> {
        self.0.source.as_ref()
    }

    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Where it happened, when known.
    pub fn location(&self) -> Option<&Location> {
        self.0.location.as_ref()
    }

    /// The message without the location.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// How many problems this error reports (itself and the ones joined to it).
    pub fn count(&self) -> usize {
        1 + self.0.more.len()
    }
}

/// The result type of qamus operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_column_and_byte() {
        let bytes = b"id,en\n1,ab\xFFc\n";
        let e = Error::invalid_utf8(Some(Path::new("g.csv")), bytes, 0, 1);
        assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
        let loc = e.location().cloned().unwrap_or_default();
        assert_eq!(
            (loc.line, loc.column, loc.byte),
            (Some(2), Some(5), Some(10))
        );
        assert!(e
            .to_string()
            .starts_with("g.csv:2:5 (byte 10): invalid UTF-8"));
    }

    #[test]
    fn lines_end_with_lf_crlf_or_lone_cr() {
        let at = |b: &[u8], o| {
            let l = Location::at_byte(None, b, o);
            (l.line, l.column)
        };
        assert_eq!(at(b"a\r\nb", 3), (Some(2), Some(1)));
        assert_eq!(at(b"a\rbc", 4), (Some(2), Some(3)));
        assert_eq!(at(b"a\r\nb", 2), (Some(1), Some(3)));
    }

    #[test]
    fn many_reports_every_problem() {
        let a = Error::new(ErrorKind::Glossary, None, "a");
        let b = Error::new(ErrorKind::Glossary, None, "b");
        let e = Error::many(vec![a, b]).map(|e| (e.count(), e.to_string()));
        assert_eq!(e, Some((2, "a\nb".to_string())));
        assert!(Error::many(vec![]).is_none());
    }
}
