//! Documents to scan: files, directories walked recursively, standard input, HTML pages, JSON Lines.
//!
//! [`Input::expand`] turns paths into a sorted, deterministic list of inputs; [`Documents`] reads them one at a time
//! (a JSON Lines file one line at a time), so that memory is bounded by the largest document, not by the
//! collection; [`Scanner::scan_each`](super::Scanner::scan_each) scans them in parallel chunks and hands the
//! results back in input order.
//!
//! How a file is read:
//!
//! | input | text |
//! |---|---|
//! | `.html`, `.htm`, `.xhtml` | the page's text ([`super::html::extract_text`]): offsets are into that text |
//! | `.jsonl`, `.ndjson`, or any input when [`ReadOptions::jsonl`] is set | one document per line: a string field (`text` by default), named by another field (`id`) or `path:line` |
//! | anything else (`.txt`, `.md`…) | the file as UTF-8 (a BOM is dropped) |
//!
//! Directories are walked recursively in file-name order and only their `.txt`, `.text`, `.md`, `.html`, `.htm`,
//! `.xhtml`, `.jsonl` and `.ndjson` files are read (hidden files and directories are skipped); a file named on the
//! command line is always read. Invalid UTF-8 is an error naming the file, line and byte offset unless
//! [`ReadOptions::lossy`].

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Location, Result};

/// One input: a file, or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The inputs named by `paths`: `-` is standard input, a directory stands for its readable files (recursively,
    /// sorted by name), a file for itself. A path that does not exist is an error.
    pub fn expand(paths: &[PathBuf]) -> Result<Vec<Input>> {
        let mut out = Vec::new();
        for p in paths {
            if p.as_os_str() == "-" {
                out.push(Input::Stdin);
                continue;
            }
            let meta = std::fs::metadata(p).map_err(|e| Error::io(Some(p), e))?;
            if !meta.is_dir() {
                out.push(Input::File(p.clone()));
                continue;
            }
            for entry in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                })
            {
                let entry = entry.map_err(|e| {
                    let path = e.path().map(Path::to_path_buf);
                    let message = e.to_string();
                    match e.into_io_error() {
                        Some(io) => Error::io(path.as_deref(), io),
                        None => Error::new(ErrorKind::Io, path.map(Location::file), message),
                    }
                })?;
                if entry.file_type().is_file() && kind_of(entry.path()).is_some() {
                    out.push(Input::File(entry.path().to_path_buf()));
                }
            }
        }
        Ok(out)
    }

    /// The input's name in output: the path, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Jsonl,
}

/// The kind a file's extension says, or `None` for files a directory walk skips.
fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" | "md" => Some(Kind::Text),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        _ => None,
    }
}

/// Fields of JSON Lines input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonlFields {
    /// The string field holding the text.
    pub text: String,
    /// The field naming the document (string or number); `None` names it `path:line`.
    pub id: Option<String>,
}

impl Default for JsonlFields {
    fn default() -> JsonlFields {
        JsonlFields {
            text: "text".to_string(),
            id: Some("id".to_string()),
        }
    }
}

/// How inputs are read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Read every input as JSON Lines with these fields (otherwise only `.jsonl`/`.ndjson` files, with the
    /// default fields).
    pub jsonl: Option<JsonlFields>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
}

/// One document: its index in the input order, its name, its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// 0-based position among all documents read.
    pub index: usize,
    /// The file's path, `-` for standard input, or the JSON Lines id (`path:line` without one).
    pub name: String,
    /// The text scanned (for HTML, the extracted text).
    pub text: String,
}

/// Reads documents from inputs one at a time; an iterator of `Result<Document>`.
///
/// ```
/// use qamus::scan::{Documents, Input, ReadOptions};
/// let inputs = Input::expand(&["tests/corpus/seeds".into()])?;
/// let docs: Vec<_> = Documents::new(inputs, ReadOptions::default()).collect::<Result<_, _>>()?;
/// assert_eq!(docs.len(), 5);
/// assert!(docs[0].name.ends_with("000_791975e654a9a156.txt"));
/// # Ok::<(), qamus::Error>(())
/// ```
pub struct Documents {
    inputs: std::vec::IntoIter<Input>,
    options: ReadOptions,
    next_index: usize,
    /// The JSON Lines input being read: its reader, name, fields, line number and byte offset.
    lines: Option<JsonlReader>,
}

struct JsonlReader {
    reader: Box<dyn BufRead>,
    path: Option<PathBuf>,
    name: String,
    fields: JsonlFields,
    line: u64,
    offset: u64,
}

impl Documents {
    /// Documents of `inputs`, read with `options`.
    pub fn new(inputs: Vec<Input>, options: ReadOptions) -> Documents {
        Documents {
            inputs: inputs.into_iter(),
            options,
            next_index: 0,
            lines: None,
        }
    }

    fn document(&mut self, name: String, text: String) -> Document {
        let index = self.next_index;
        self.next_index += 1;
        Document { index, name, text }
    }

    /// The next document of the JSON Lines input being read, `None` at its end.
    fn next_line(&mut self) -> Option<Result<Document>> {
        let lossy = self.options.lossy;
        let r = self.lines.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let n = match r.reader.read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(e) => return Some(Err(Error::io(r.path.as_deref(), e))),
            };
            if n == 0 {
                self.lines = None;
                return None;
            }
            r.line += 1;
            let base = r.offset;
            r.offset += n as u64;
            let text = match decode(r.path.as_deref(), &buf, lossy, base, r.line) {
                Ok(t) => t,
                Err(e) => return Some(Err(e)),
            };
            let trimmed = text.trim();
            if trimmed.is_empty() {
                continue;
            }
            let at = Location {
                path: r.path.clone(),
                line: Some(r.line),
                column: None,
                byte: Some(base),
            };
            let value: serde_json::Value = match serde_json::from_str(trimmed) {
                Ok(v) => v,
                Err(e) => {
                    return Some(Err(Error::new(
                        ErrorKind::Usage,
                        Some(at),
                        format!("invalid JSON: {e}"),
                    )))
                }
            };
            let Some(body) = value.get(&r.fields.text).and_then(|v| v.as_str()) else {
                return Some(Err(Error::new(
                    ErrorKind::Usage,
                    Some(at),
                    format!("no string field {:?} in this JSON line", r.fields.text),
                )));
            };
            let id = r
                .fields
                .id
                .as_ref()
                .and_then(|f| value.get(f))
                .and_then(|v| match v {
                    serde_json::Value::String(s) => Some(s.clone()),
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                });
            let name = id.unwrap_or_else(|| format!("{}:{}", r.name, r.line));
            let body = body.to_string();
            return Some(Ok(self.document(name, body)));
        }
    }

    /// Opens the next input: a whole document, or a JSON Lines reader.
    fn open(&mut self, input: Input) -> Result<Option<Document>> {
        let name = input.name();
        let path = match &input {
            Input::Stdin => None,
            Input::File(p) => Some(p.clone()),
        };
        let kind = match (&self.options.jsonl, &path) {
            (Some(_), _) => Kind::Jsonl,
            (None, Some(p)) => kind_of(p).unwrap_or(Kind::Text),
            (None, None) => Kind::Text,
        };
        let mut reader: Box<dyn BufRead> = match &path {
            None => Box::new(std::io::BufReader::new(std::io::stdin())),
            Some(p) => {
                let f = std::fs::File::open(p).map_err(|e| Error::io(Some(p), e))?;
                Box::new(std::io::BufReader::new(f))
            }
        };
        if kind == Kind::Jsonl {
            self.lines = Some(JsonlReader {
                reader,
                path,
                name,
                fields: self.options.jsonl.clone().unwrap_or_default(),
                line: 0,
                offset: 0,
            });
            return Ok(None);
        }
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path.as_deref(), e))?;
        let text = decode(path.as_deref(), &bytes, self.options.lossy, 0, 1)?;
        let text = if kind == Kind::Html {
            super::html::extract_text(&text)
        } else {
            text
        };
        Ok(Some(self.document(name, text)))
    }
}

/// The text of `bytes`: UTF-8 (a BOM dropped at the start of a file), or UTF-16 with its byte-order mark. Invalid
/// UTF-8, a lone surrogate or a NUL byte (binary data) is an error naming the first bad byte, unless `lossy` (then
/// replaced by U+FFFD).
fn decode(path: Option<&Path>, bytes: &[u8], lossy: bool, base: u64, line: u64) -> Result<String> {
    if base == 0 {
        if let Some(text) = decode_utf16(path, bytes, lossy)? {
            return Ok(text);
        }
    }
    let body = if base == 0 {
        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
    } else {
        bytes
    };
    let skipped = (bytes.len() - body.len()) as u64;
    // Checked with simdutf8's SIMD validator first (the common case: valid text); std's, which finds the
    // offending byte, only when that fails.
    let text = match simdutf8::basic::from_utf8(body).or_else(|_| std::str::from_utf8(body)) {
        Ok(s) => s.to_string(),
        Err(_) if lossy => String::from_utf8_lossy(body).into_owned(),
        Err(_) => return Err(Error::invalid_utf8(path, body, base + skipped, line)),
    };
    match text.find('\0') {
        None => Ok(text),
        Some(_) if lossy => Ok(text.replace('\0', "\u{FFFD}")),
        Some(at) => {
            let mut loc = Location::at_byte(path, body, at);
            loc.line = loc.line.map(|l| l + line - 1);
            loc.byte = loc.byte.map(|b| b + base + skipped);
            Err(Error::new(
                ErrorKind::Binary,
                Some(loc),
                "NUL byte: binary data, or UTF-16 without a byte-order mark? (--lossy replaces it)",
            ))
        }
    }
}

/// Text in UTF-16 with a byte-order mark (FF FE little-endian, FE FF big-endian); `None` for anything else.
fn decode_utf16(path: Option<&Path>, bytes: &[u8], lossy: bool) -> Result<Option<String>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return Ok(None),
    };
    let units = bytes.get(2..).unwrap_or_default().chunks(2).map(|c| {
        let pair = [
            c.first().copied().unwrap_or(0),
            c.get(1).copied().unwrap_or(0),
        ];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut out = String::with_capacity(bytes.len());
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => out.push(c),
            Err(_) if lossy => out.push('\u{FFFD}'),
            Err(_) => {
                let loc = Location {
                    byte: Some(2 + 2 * i as u64),
                    ..path.map(Location::file).unwrap_or_default()
                };
                return Err(Error::new(
                    ErrorKind::InvalidUtf8,
                    Some(loc),
                    "a lone UTF-16 surrogate (--lossy replaces it)",
                ));
            }
        }
    }
    Ok(Some(out))
}

impl Iterator for Documents {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if self.lines.is_some() {
                match self.next_line() {
                    Some(d) => return Some(d),
                    None => continue,
                }
            }
            let input = self.inputs.next()?;
            match self.open(input) {
                Ok(Some(d)) => return Some(Ok(d)),
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(inputs: Vec<Input>, options: ReadOptions) -> Result<Vec<Document>> {
        Documents::new(inputs, options).collect()
    }

    #[test]
    fn directories_are_walked_sorted_and_filtered() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io(None, e))?;
        let p = dir.path();
        let w = |name: &str, body: &str| {
            if let Some(parent) = p.join(name).parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(p.join(name), body);
        };
        w("b.txt", "بوتين");
        w("a/z.md", "روسيا");
        w("a/page.html", "<p>قره &amp; باغ</p>");
        w("c.bin", "x");
        w(".hidden/x.txt", "x");
        let inputs = Input::expand(&[p.to_path_buf()])?;
        let names: Vec<String> = inputs
            .iter()
            .map(|i| {
                i.name()
                    .trim_start_matches(&p.display().to_string())
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["/a/page.html", "/a/z.md", "/b.txt"]);
        let docs = read(inputs, ReadOptions::default())?;
        assert_eq!(docs[0].text, "\nقره & باغ\n");
        assert_eq!((docs[2].index, docs[2].text.as_str()), (2, "بوتين"));
        Ok(())
    }

    #[test]
    fn jsonl_lines_are_documents() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io(None, e))?;
        let f = dir.path().join("docs.jsonl");
        std::fs::write(
            &f,
            "{\"id\": 7, \"body\": \"بوتين\"}\n\n{\"body\": \"روسيا\"}\n",
        )
        .map_err(|e| Error::io(None, e))?;
        let options = ReadOptions {
            jsonl: Some(JsonlFields {
                text: "body".into(),
                id: Some("id".into()),
            }),
            lossy: false,
        };
        let docs = read(vec![Input::File(f.clone())], options.clone())?;
        assert_eq!(docs.len(), 2);
        assert_eq!(
            (docs[0].name.as_str(), docs[0].text.as_str()),
            ("7", "بوتين")
        );
        assert!(docs[1].name.ends_with("docs.jsonl:3"));
        std::fs::write(&f, "{\"text\": 1}\n").map_err(|e| Error::io(None, e))?;
        let e = read(vec![Input::File(f)], options)
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains(":1") && e.contains("\"body\"")));
        Ok(())
    }

    #[test]
    fn invalid_utf8_names_the_byte() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io(None, e))?;
        let f = dir.path().join("bad.txt");
        std::fs::write(&f, b"ab\ncd\xFFe").map_err(|e| Error::io(None, e))?;
        let e = read(vec![Input::File(f.clone())], ReadOptions::default()).err();
        let e = e.map(|e| (e.kind(), e.location().and_then(|l| l.byte), e.to_string()));
        assert!(
            matches!(e, Some((ErrorKind::InvalidUtf8, Some(5), ref m)) if m.contains("bad.txt:2:3"))
        );
        let lossy = ReadOptions {
            lossy: true,
            ..ReadOptions::default()
        };
        assert_eq!(
            read(vec![Input::File(f)], lossy)?[0].text,
            "ab\ncd\u{FFFD}e"
        );
        Ok(())
    }

    #[test]
    fn a_missing_path_is_an_io_error() {
        let e = Input::expand(&[PathBuf::from("/no/such/dir/x.txt")]).err();
        assert_eq!(e.map(|e| e.kind()), Some(ErrorKind::Io));
    }
}
