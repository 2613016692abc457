//! Compiled index files: a glossary and every matching key in one file, opened by memory-mapping.
//!
//! `qamus index build GLOSSARY.csv… -o names.qidx` writes one; `--glossary names.qidx` opens it wherever a CSV is
//! accepted. Opening reads a small header and maps the rest: nothing is parsed, keyed or indexed again, so a
//! lookup in a million-entry index starts in milliseconds instead of the minutes a CSV of that size takes.
//!
//! # The file
//! ```text
//! "QAMUSIDX" | format u32 | header length u32 | xxh3 of the header u64 | header (JSON) | padding to 8 | body
//! ```
//! The header ([`Header`]) records what the index was built from and with: the source files (path, size,
//! modification time), whether the shipped glossary is in it (and which one), the qamus version and a fingerprint
//! of the matching keys, the glossary's layers, and the body's length and xxh3 checksum. The body is the matcher's
//! store (see `matcher::store`): the entries, tables of the `search` keys' and family names' hashes (checked
//! against the entries), each fuzzy form's keys, and the skeleton index (an `fst` map and its posting lists).
//!
//! # What is refused
//! An index is never read wrongly: [`open`] refuses, with the reason and the command that rebuilds it,
//! - a file that is not an index, or of another format version;
//! - an index built by another qamus version, or one whose matching keys differ from this build's (the fingerprint
//!   of a fixed set of probe names), or holding another shipped glossary than this build's;
//! - a stale index: a source file that exists but whose size or modification time changed (a source that is gone
//!   is no reason to refuse: an index can be copied alone to another machine);
//! - a damaged one: a header whose checksum fails, a body of the wrong length or with a section table that points
//!   outside it, a body whose checksum fails. The body's checksum reads every byte, so it is checked at every open
//!   only up to [`OpenOptions::verify_limit`] (64 MiB, about 130,000 entries: a few milliseconds); a larger index
//!   checks only its `fst` maps at the open (the `fst` crate trusts its bytes and could panic on a damaged map:
//!   57 MB at a million entries), and `qamus index check` checks its whole body (after copying it, say). An index is
//!   written by an atomic rename and never changed in place, so what such a check passed stays as it was.
//!
//! # Example
//! ```
//! use qamus::glossary::Glossary;
//! use qamus::index;
//!
//! let dir = tempfile::tempdir()?;
//! let csv = dir.path().join("mine.csv");
//! std::fs::write(&csv, "id,type,en,ar\nruben-vardanyan,PER,Ruben Vardanyan,روبن فاردانيان\n")?;
//! let out = dir.path().join("names.qidx");
//! index::build(&index::Sources { builtin: true, files: vec![csv.clone()] }, &out)?;
//!
//! let m = index::open(&out, &index::OpenOptions::default())?;
//! assert_eq!(m.lookup("روبن فردانيان")[0].entry.id, "ruben-vardanyan");
//! assert_eq!(m.lookup("للكرملين")[0].entry.id, "kremlin");
//!
//! // Edit the source: the index is stale, and says how to rebuild it.
//! std::fs::write(&csv, "id,type,en,ar\nruben-vardanyan,PER,Ruben Vardanyan,روبن فاردانيان\nx,PER,X,إكس\n")?;
//! let err = index::open(&out, &index::OpenOptions::default()).unwrap_err();
//! assert!(err.to_string().contains("stale"), "{err}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::fsio;
use crate::glossary::{Glossary, Layer};
use crate::matcher::store::{Bytes, Store};
use crate::matcher::{self, Matcher, MatcherOptions};

/// The first bytes of every index file.
pub const MAGIC: &[u8; 8] = b"QAMUSIDX";
/// The layout version this qamus reads and writes.
pub const FORMAT_VERSION: u32 = 3;
/// Bytes before the header: magic, format, header length, header checksum.
const PREAMBLE: usize = 8 + 4 + 4 + 8;

/// One glossary file an index was built from, as it was then.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file's absolute path.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, in nanoseconds since the Unix epoch (0 when the file system has none).
    pub modified_ns: u128,
}

/// What an index file's header records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The qamus version that wrote it.
    pub qamus: String,
    /// Fingerprint of the matching keys of the qamus that wrote it (see [`keys_fingerprint`]).
    pub keys: u64,
    /// Checksum of the shipped glossary when it is in the index, `None` when it was left out.
    pub builtin: Option<u64>,
    /// The glossary files on top of it, in layer order.
    pub sources: Vec<Source>,
    /// The glossary's layers (name, entries), bottom first.
    pub layers: Vec<(String, usize)>,
    /// Entries in the index.
    pub entries: usize,
    /// Fuzzy forms indexed.
    pub forms: usize,
    /// Length of the body in bytes.
    pub body_len: u64,
    /// xxh3-64 of the body.
    pub body_xxh3: u64,
    /// xxh3-64 of the body's `fst` sections, checked at every open even when the whole body is not (the `fst`
    /// crate trusts its bytes: a damaged map could make it panic).
    #[serde(default)]
    pub fst_xxh3: Option<u64>,
    /// The body's sections and their sizes in bytes (what the index spends its bytes on).
    #[serde(default)]
    pub sections: Vec<(String, u64)>,
}

/// What an index is built from: the shipped glossary or not, then files on top (later files win on the same id).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    /// Whether the shipped glossary is the bottom layer.
    pub builtin: bool,
    /// Glossary CSV files, in layer order.
    pub files: Vec<PathBuf>,
}

impl Sources {
    /// The command that builds an index of these sources into `out` (for messages).
    pub fn build_command(&self, out: &Path) -> String {
        let mut cmd = String::from("qamus index build");
        if !self.builtin {
            cmd.push_str(" --no-default-glossary");
        }
        for f in &self.files {
            cmd.push(' ');
            cmd.push_str(&shell_word(&f.display().to_string()));
        }
        cmd.push_str(" -o ");
        cmd.push_str(&shell_word(&out.display().to_string()));
        cmd
    }
}

/// How [`open`] checks an index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OpenOptions {
    /// The matcher's options.
    pub matcher: MatcherOptions,
    /// Check the body's checksum at open when the body is at most this many bytes (it reads every byte once:
    /// about 3 ms for 50 MB, 30 ms for the 470 MB of a million entries). `u64::MAX` always checks, 0 never;
    /// the default, [`OpenOptions::DEFAULT_VERIFY_LIMIT`], checks indexes of up to about 130,000 entries at every
    /// open and leaves larger ones to `qamus index check`.
    pub verify_limit: u64,
    /// Whether to check the source files' sizes and modification times. On by default.
    pub check_sources: bool,
}

impl OpenOptions {
    /// The default [`verify_limit`](OpenOptions::verify_limit): 64 MiB.
    pub const DEFAULT_VERIFY_LIMIT: u64 = 64 << 20;

    /// Options that check everything, the body's checksum whatever its size (`qamus index check`).
    pub fn thorough() -> OpenOptions {
        OpenOptions {
            verify_limit: u64::MAX,
            ..OpenOptions::default()
        }
    }
}

impl Default for OpenOptions {
    fn default() -> OpenOptions {
        OpenOptions {
            matcher: MatcherOptions::default(),
            verify_limit: OpenOptions::DEFAULT_VERIFY_LIMIT,
            check_sources: true,
        }
    }
}

/// Whether the file at `path` begins like an index file (so that `--glossary` can take either a CSV or an index).
pub fn is_index(path: &Path) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 8];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && &magic == MAGIC
}

/// What [`build`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The header written.
    pub header: Header,
    /// The file's size in bytes.
    pub bytes: u64,
}

/// How far [`build_reporting`] has got, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// Reading glossary file `file` (counted from 0) of `files`.
    Reading {
        /// The file being read.
        file: usize,
        /// The files to read.
        files: usize,
    },
    /// Keying the entries' forms for exact and normalized look-ups.
    Indexing,
    /// `done` of `total` forms keyed for fuzzy matching (the longest step of a large build).
    Keying {
        /// Forms keyed so far.
        done: usize,
        /// Forms to key.
        total: usize,
    },
    /// Laying out the tables and writing the file.
    Writing,
}

/// Loads the glossary of `sources` (the shipped one, then each file) and writes its index to `out`, atomically
/// (a reader never sees half a file; an index being read keeps its old contents).
pub fn build(sources: &Sources, out: &Path) -> Result<Summary> {
    build_reporting(sources, out, &|_| {})
}

/// [`build`], telling `report` each [`Step`] as it starts (and, while keying, after each chunk of forms).
///
/// ```
/// use qamus::index::{build_reporting, Sources, Step};
/// use std::sync::Mutex;
///
/// let dir = tempfile::tempdir()?;
/// let steps = Mutex::new(Vec::new());
/// let sources = Sources { builtin: true, files: vec![] };
/// build_reporting(&sources, &dir.path().join("names.qidx"), &|s| {
///     steps.lock().unwrap().push(s)
/// })?;
/// let steps = steps.into_inner().unwrap();
/// assert_eq!(steps.first(), Some(&Step::Indexing));
/// assert!(matches!(steps.get(1), Some(Step::Keying { done: 0, .. })));
/// assert_eq!(steps.last(), Some(&Step::Writing));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn build_reporting(
    sources: &Sources,
    out: &Path,
    report: &(dyn Fn(Step) + Sync),
) -> Result<Summary> {
    let mut glossary = if sources.builtin {
        Glossary::builtin()
    } else {
        Glossary::new()
    };
    let mut recorded = Vec::new();
    for (i, f) in sources.files.iter().enumerate() {
        report(Step::Reading {
            file: i,
            files: sources.files.len(),
        });
        let meta = std::fs::metadata(f).map_err(|e| Error::io(Some(f), e))?;
        glossary.merge(Glossary::from_path(f)?);
        let path = std::fs::canonicalize(f).map_err(|e| Error::io(Some(f), e))?;
        recorded.push(Source {
            path,
            size: meta.len(),
            modified_ns: modified_ns(&meta),
        });
    }
    report(Step::Indexing);
    write_reporting(&glossary, sources.builtin, recorded, out, report)
}

/// Writes the index of an already loaded glossary; `sources` are recorded for the staleness check as they are.
pub fn write(
    glossary: &Glossary,
    builtin: bool,
    sources: Vec<Source>,
    out: &Path,
) -> Result<Summary> {
    write_reporting(glossary, builtin, sources, out, &|_| {})
}

fn write_reporting(
    glossary: &Glossary,
    builtin: bool,
    sources: Vec<Source>,
    out: &Path,
    report: &(dyn Fn(Step) + Sync),
) -> Result<Summary> {
    let store = matcher::build_store_reporting(glossary, true, true, &|done, total| {
        report(Step::Keying { done, total });
        if done == total {
            report(Step::Writing);
        }
    });
    let body = store.as_bytes();
    let header = Header {
        qamus: env!("CARGO_PKG_VERSION").to_string(),
        keys: keys_fingerprint(),
        builtin: builtin.then(crate::glossary::builtin_checksum),
        sources,
        layers: glossary
            .layers()
            .iter()
            .map(|l| (l.name.clone(), l.entries))
            .collect(),
        entries: store.entry_count(),
        forms: store.form_count(),
        body_len: body.len() as u64,
        body_xxh3: xxh3_64(body),
        fst_xxh3: Some(store.fst_xxh3()),
        sections: store
            .section_sizes()
            .iter()
            .map(|&(name, len)| (name.to_string(), len as u64))
            .collect(),
    };
    let json = serde_json::to_vec(&header)
        .map_err(|e| Error::new(ErrorKind::Index, None, format!("cannot write header: {e}")))?;
    let start = body_start(json.len());
    // The preamble and header, then the body as the store holds it (not copied after them: it is the file's bulk).
    let mut head = Vec::with_capacity(start);
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    head.extend_from_slice(&(json.len() as u32).to_le_bytes());
    head.extend_from_slice(&xxh3_64(&json).to_le_bytes());
    head.extend_from_slice(&json);
    head.resize(start, 0);
    fsio::write_atomic_parts(out, &[&head, body])?;
    Ok(Summary {
        header,
        bytes: (head.len() + body.len()) as u64,
    })
}

/// Where the body starts: after the header, aligned to 8 bytes.
fn body_start(header_len: usize) -> usize {
    (PREAMBLE + header_len).div_ceil(8) * 8
}

/// Opens an index file: checks it (see the module documentation) and maps it.
pub fn open(path: &Path, options: &OpenOptions) -> Result<Matcher> {
    open_with_header(path, options).map(|(_, m)| m)
}

/// [`open`], with the header it read (what the index holds and was built from).
pub fn open_with_header(path: &Path, options: &OpenOptions) -> Result<(Header, Matcher)> {
    let (header, store) = open_store(path, options)?;
    Ok((header.clone(), matcher_of(header, store, options.matcher)))
}

/// Reads an index file's header and checks it, without mapping the body (for `qamus index check`).
pub fn header(path: &Path) -> Result<Header> {
    let file = File::open(path).map_err(|e| Error::io(Some(path), e))?;
    // SAFETY: the map is read-only and only read through bounds-checked slices; an index file is replaced by an
    // atomic rename (`fsio::write_atomic`), never rewritten in place, so a map keeps the contents it was opened with.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| Error::io(Some(path), e))?;
    Ok(read_header(path, &map)?.0)
}

fn open_store(path: &Path, options: &OpenOptions) -> Result<(Header, Store)> {
    let file = File::open(path).map_err(|e| Error::io(Some(path), e))?;
    // SAFETY: as in `header`.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| Error::io(Some(path), e))?;
    drop(file);
    open_bytes(path, Bytes::Mapped(map), options)
}

/// The shipped glossary's index, compiled ahead of time and committed (`glossary/shipped.qidx`; a test checks
/// that it is current, and `scripts/shipped_index.sh` rewrites it).
static SHIPPED: &[u8] = include_bytes!("../glossary/shipped.qidx");

/// A matcher of the shipped glossary ([`Glossary::builtin`]), opened from its index compiled into the program:
/// nothing is parsed or keyed at start-up. Should that index not be current (a glossary file or the matching
/// keys changed since it was written), the glossary is loaded and keyed as [`Matcher::with_options`] does: the
/// answers are the same, only slower to start.
///
/// ```
/// use qamus::matcher::MatcherOptions;
///
/// let m = qamus::index::shipped(MatcherOptions::default());
/// assert_eq!(m.lookup("للكرملين")[0].entry.id, "kremlin");
/// assert_eq!(m.glossary().len(), qamus::glossary::Glossary::builtin().len());
/// ```
pub fn shipped(options: MatcherOptions) -> Matcher {
    shipped_index(options).unwrap_or_else(|_| Matcher::with_options(Glossary::builtin(), options))
}

/// The compiled shipped index, or why it cannot be used.
pub(crate) fn shipped_index(options: MatcherOptions) -> Result<Matcher> {
    let open = OpenOptions {
        matcher: options,
        verify_limit: 0,
        check_sources: false,
    };
    let (header, store) = open_bytes(
        Path::new("glossary/shipped.qidx"),
        Bytes::Static(SHIPPED),
        &open,
    )?;
    if header.builtin.is_none() || !header.sources.is_empty() {
        return Err(Error::new(
            ErrorKind::Index,
            None,
            "the compiled shipped index holds another glossary",
        ));
    }
    Ok(matcher_of(header, store, options))
}

fn matcher_of(header: Header, store: Store, options: MatcherOptions) -> Matcher {
    let layers = header
        .layers
        .into_iter()
        .map(|(name, entries)| Layer { name, entries })
        .collect();
    Matcher::from_store(store, layers, options)
}

fn open_bytes(path: &Path, bytes: Bytes, options: &OpenOptions) -> Result<(Header, Store)> {
    let (header, start) = read_header(path, &bytes)?;
    check_current(path, &header, options.check_sources)?;
    let body = bytes.get(start..).unwrap_or_default();
    if body.len() as u64 != header.body_len {
        return Err(damaged(
            path,
            Some(start as u64),
            format!(
                "the body is {} bytes, the header says {} (a truncated or extended file)",
                body.len(),
                header.body_len
            ),
        ));
    }
    if header.body_len <= options.verify_limit && xxh3_64(body) != header.body_xxh3 {
        return Err(damaged(
            path,
            Some(start as u64),
            "the body's checksum does not match the header's".to_string(),
        ));
    }
    let store =
        Store::from_body(bytes, start).map_err(|e| damaged(path, Some(start as u64), e.0))?;
    // The maps the `fst` crate reads are checked whatever the size (a few milliseconds at a million entries).
    if header.body_len > options.verify_limit && header.fst_xxh3 != Some(store.fst_xxh3()) {
        return Err(damaged(
            path,
            Some(start as u64),
            "the checksum of its fst maps does not match the header's".to_string(),
        ));
    }
    if store.entry_count() != header.entries {
        return Err(damaged(
            path,
            None,
            format!(
                "{} entries in the body, {} in the header",
                store.entry_count(),
                header.entries
            ),
        ));
    }
    Ok((header, store))
}

fn read_header(path: &Path, map: &[u8]) -> Result<(Header, usize)> {
    let not_index = || {
        Error::new(
            ErrorKind::Index,
            Some(Location::file(path)),
            "not a qamus index (no QAMUSIDX signature); build one with `qamus index build`",
        )
    };
    let preamble = map.get(..PREAMBLE).ok_or_else(not_index)?;
    if preamble.get(..8) != Some(MAGIC.as_slice()) {
        return Err(not_index());
    }
    let word = |at: usize| {
        preamble
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, u32::from_le_bytes)
    };
    let (format, len) = (word(8), word(12) as usize);
    if format != FORMAT_VERSION {
        return Err(Error::new(
            ErrorKind::Index,
            Some(Location::file(path)),
            format!(
                "index format {format}, and this qamus reads format {FORMAT_VERSION}: rebuild it with `qamus index build`"
            ),
        ));
    }
    let sum = preamble
        .get(16..24)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map_or(0, u64::from_le_bytes);
    let json = map
        .get(PREAMBLE..PREAMBLE.saturating_add(len))
        .ok_or_else(|| {
            damaged(
                path,
                Some(PREAMBLE as u64),
                "the header is cut short".into(),
            )
        })?;
    if xxh3_64(json) != sum {
        return Err(damaged(
            path,
            Some(PREAMBLE as u64),
            "the header's checksum does not match".into(),
        ));
    }
    let header: Header = serde_json::from_slice(json).map_err(|e| {
        damaged(
            path,
            Some(PREAMBLE as u64),
            format!("unreadable header: {e}"),
        )
    })?;
    Ok((header, body_start(len)))
}

/// Refuses an index that this qamus would not have built the same way, or whose sources changed.
fn check_current(path: &Path, header: &Header, check_sources: bool) -> Result<()> {
    let sources = Sources {
        builtin: header.builtin.is_some(),
        files: header.sources.iter().map(|s| s.path.clone()).collect(),
    };
    let stale = |why: String| {
        Error::new(
            ErrorKind::Index,
            Some(Location::file(path)),
            format!(
                "stale index: {why}; rebuild it with `{}`",
                sources.build_command(path)
            ),
        )
    };
    let version = env!("CARGO_PKG_VERSION");
    if header.qamus != version {
        return Err(stale(format!(
            "built by qamus {}, this is qamus {version}",
            header.qamus
        )));
    }
    if header.keys != keys_fingerprint() {
        return Err(stale(
            "built with other matching keys (a different build of qamus)".into(),
        ));
    }
    if let Some(sum) = header.builtin {
        if sum != crate::glossary::builtin_checksum() {
            return Err(stale(
                "it holds another version of the shipped glossary".into(),
            ));
        }
    }
    if check_sources {
        for s in &header.sources {
            // A source that is gone cannot be compared: the index stands on its own.
            let Ok(meta) = std::fs::metadata(&s.path) else {
                continue;
            };
            let (size, modified) = (meta.len(), modified_ns(&meta));
            if size != s.size || modified != s.modified_ns {
                return Err(stale(format!(
                    "{} changed since it was built ({} bytes then, {size} now{})",
                    s.path.display(),
                    s.size,
                    if modified == s.modified_ns {
                        ""
                    } else {
                        "; modified since"
                    }
                )));
            }
        }
    }
    Ok(())
}

fn damaged(path: &Path, byte: Option<u64>, why: String) -> Error {
    Error::new(
        ErrorKind::Index,
        Some(Location {
            byte,
            ..Location::file(path)
        }),
        format!("damaged index: {why}; rebuild it with `qamus index build`"),
    )
}

fn modified_ns(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// A fingerprint of everything an index stores that this build of qamus computes: the keys of a fixed set of
/// probe names (normalization, skeletons, the `plain` transliteration, the index keys). Two builds that would
/// write different keys for these names have different fingerprints; an index from the other is refused.
pub fn keys_fingerprint() -> u64 {
    static PRINT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *PRINT.get_or_init(|| {
        const PROBES: &[&str] = &[
            "فلاديمير بوتين",
            "ناغورنو كاراباخ",
            "قره باغ",
            "الكرملين",
            "إنترفاكس",
            "دميتري بيسكوف",
            "عبد الله بن زايد",
            "أبو ظبي",
            "الرئيس رجب طيب أردوغان",
            "جمهورية أرمينيا",
            "إلهام علييف",
            "پاشینیان",
            "Nikol Pashinyan",
            "Recep Tayyip Erdoğan",
            "Nagorno-Karabakh",
            "Dr. Paschinjan",
            "UN",
            "Abu Dhabi",
            "Bashar al-Assad",
            "Ar Raqqah",
            "النجف الأشرف",
            "إسلام",
            "ماثيوز",
            "صالح",
            "باسانن",
            "Celentano",
            "Arnaud Bagnoli Brahms",
            "Einstein Abramovic",
            "John Johnson",
            "Chris Chloe",
            "هيئة تحرير الشام",
            "كتائب حزب الله",
            "موزا بنت ناصر",
            "سيف الإسلام",
            "عبد الكريم",
            "عبد الستار نور قاسم",
            "نزار قصي منير عائشة",
            "فريد القذافي باسم",
            "أم قصر عز الدين",
            "هاله غاده",
            "وليام بول أوليفر",
            "صلاح سعود",
            "هادي رانيا مهدي",
            "أسعد خليفة ميرفت",
            "خالدة حسينة",
        ];
        let store = matcher::probe_store(PROBES);
        xxh3_64(store.as_bytes()) ^ u64::from(FORMAT_VERSION)
    })
}

/// A path as one shell word (quoted when it needs to be).
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+,:=@".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests;
