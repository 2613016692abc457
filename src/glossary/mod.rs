//! The CSV glossary: entries with an English name, Arabic forms and variants, in layers.
//!
//! # The format
//! CSV, UTF-8 (a BOM is accepted; UTF-16 with a BOM is decoded), comma-separated, a header row, columns found by
//! name in any order: `id,type,en,ar,en_variants,ar_variants,note`. Only `en` is required. `id` may be empty (it
//! is then derived from `en`: lower-case ASCII words joined by `-`, stable); `type` is `PER`, `LOC`, `ORG` or
//! `MISC` (empty = `MISC`); `en_variants` and `ar_variants` hold several forms separated by `|`; other columns are
//! kept. Lines starting with `#` are comments.
//!
//! # Layers
//! [`Glossary::builtin`] holds the shipped files (`glossary/*.csv`, embedded at build time). Further files are
//! [merged](Glossary::merge) on top: an entry of a later layer replaces the one with the same id.
//!
//! # Example
//! ```
//! use qamus::glossary::{EntityType, Glossary};
//!
//! let csv = "id,type,en,ar,ar_variants\npeskov,PER,Dmitry Peskov,دميتري بيسكوف,ديمتري بيسكوف\n";
//! let mut g = Glossary::from_csv_str("mine.csv", csv)?;
//! assert_eq!(g.get("peskov").map(|e| e.kind), Some(EntityType::Per));
//!
//! let mut all = Glossary::builtin();
//! let before = all.len();
//! all.merge(g);
//! assert!(all.len() >= before);
//! # Ok::<(), qamus::Error>(())
//! ```

mod check;
pub mod edit;
mod parse;

use rustc_hash::FxHashMap;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::error::{Error, ErrorKind, Result};

pub use check::{check_files, Problem, Severity};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_glossary.rs"));
}

/// The kind of named entity an entry is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Per,
    /// A place: country, city, region.
    Loc,
    /// An organization: institution, agency, company, party.
    Org,
    /// Anything else (events, products, weapons…); also the type of an entry whose `type` is empty.
    #[default]
    Misc,
}

impl EntityType {
    /// Every type, in the order reports list them.
    pub const ALL: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Loc,
        EntityType::Org,
        EntityType::Misc,
    ];

    /// The type's name as the glossary writes it: `PER`, `LOC`, `ORG`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = Error;

    /// Parses a type name, case-insensitively; the empty string is `MISC`.
    fn from_str(s: &str) -> Result<EntityType> {
        let t = s.trim();
        if t.is_empty() {
            return Ok(EntityType::Misc);
        }
        EntityType::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(t))
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Glossary,
                    None,
                    format!("unknown type {t:?} (expected PER, LOC, ORG or MISC)"),
                )
            })
    }
}

/// Where an entry was read: its layer (an index into [`Glossary::layers`]) and line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// Index of the layer in [`Glossary::layers`].
    pub layer: usize,
    /// 1-based line of the row in its file.
    pub line: u64,
}

impl Origin {
    /// A key that orders entries by layer, then line.
    pub fn cmp_key(&self) -> (usize, u64) {
        (self.layer, self.line)
    }
}

/// One glossary entry: an entity with its canonical English name and every known spelling.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Stable identifier, unique in the glossary.
    pub id: String,
    /// The entity type.
    pub kind: EntityType,
    /// The canonical English name.
    pub en: String,
    /// The canonical Arabic form; empty for English-only entries.
    pub ar: String,
    /// Other English or Latin-script forms.
    pub en_variants: Vec<String>,
    /// Other Arabic forms.
    pub ar_variants: Vec<String>,
    /// A free note (uncertainty, sources).
    pub note: String,
    /// Columns beyond the standard ones: (header, value), in file order.
    pub extra: Vec<(String, String)>,
    /// Where the entry was read.
    pub origin: Origin,
}

impl Entry {
    /// Whether the family name alone names this person: false when the optional `family` column says `no`, for
    /// a person whose family name is as often a given name or a word (جعفر حسان, Jafar Hassan: حسان alone is
    /// anyone called Hassan). A lookup finds such a person by the forms the entry lists (list the short forms
    /// the press uses: Asim Munir for Syed Asim Munir), never by the family name alone nor by the family name and
    /// some of the given names; a scan finds the family name alone only after the document named the person in
    /// full. As for a person whose family name is a common word (سلام, Nawaf Salam), which needs no column.
    ///
    /// ```
    /// use qamus::glossary::Glossary;
    ///
    /// let csv = "id,type,en,ar,family\njafar-hassan,PER,Jafar Hassan,جعفر حسان,no\nputin,PER,Vladimir Putin,فلاديمير بوتين,\n";
    /// let g = Glossary::from_csv_str("people.csv", csv)?;
    /// assert!(!g.entries()[0].family_name_alone());
    /// assert!(g.entries()[1].family_name_alone());
    /// # Ok::<(), qamus::Error>(())
    /// ```
    pub fn family_name_alone(&self) -> bool {
        self.extra
            .iter()
            .find(|(k, _)| k == parse::FAMILY_COLUMN)
            .is_none_or(|(_, v)| parse::parse_family(v) != Some(false))
    }

    /// Every form of the entry, canonical ones first: `en`, `en_variants`, `ar` (when present), `ar_variants`.
    pub fn forms(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(self.en.as_str())
            .chain(self.en_variants.iter().map(String::as_str))
            .chain((!self.ar.is_empty()).then_some(self.ar.as_str()))
            .chain(self.ar_variants.iter().map(String::as_str))
    }
}

/// A glossary layer: one file, or the shipped glossary's files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    /// The file's path, or `builtin:NAME.csv` for a shipped file.
    pub name: String,
    /// How many entries the layer held when it was read.
    pub entries: usize,
}

/// A set of entries in layers, looked up by id. Matching lives in [`crate::matcher::Matcher`].
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    entries: Vec<Entry>,
    layers: Vec<Layer>,
    ids: FxHashMap<String, usize>,
}

impl Glossary {
    /// An empty glossary.
    pub fn new() -> Glossary {
        Glossary::default()
    }

    /// The shipped glossary (`glossary/*.csv` of the source tree, embedded at build time).
    ///
    /// The shipped files are checked by the test suite; a row that could not be read would be left out rather
    /// than fail here.
    pub fn builtin() -> Glossary {
        let mut g = Glossary::new();
        for (name, text) in builtin::FILES {
            let parsed = parse::parse(&format!("builtin:{name}"), text.as_bytes());
            g.merge(parsed.into_glossary());
        }
        g
    }

    /// Reads a glossary file (CSV). Every problem that makes a row unusable is reported, with file, line and column.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Glossary> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(Some(path), e))?;
        parse::parse(&path.display().to_string(), &bytes).into_result()
    }

    /// Reads a glossary from CSV text; `name` is used in messages and as the layer's name.
    pub fn from_csv_str(name: &str, text: &str) -> Result<Glossary> {
        parse::parse(name, text.as_bytes()).into_result()
    }

    /// Reads a glossary from raw bytes (UTF-8 with or without BOM, or UTF-16 with a BOM).
    pub fn from_csv_bytes(name: &str, bytes: &[u8]) -> Result<Glossary> {
        parse::parse(name, bytes).into_result()
    }

    /// Reads a glossary from raw bytes as [`from_csv_bytes`](Glossary::from_csv_bytes) does, except that invalid
    /// UTF-8 (or UTF-16) and NUL bytes are replaced with U+FFFD instead of failing: each replacement is returned as
    /// a warning [`Problem`] with its location. Every other error still fails.
    ///
    /// ```
    /// use qamus::glossary::Glossary;
    ///
    /// let (g, warnings) = Glossary::from_csv_bytes_lossy("g.csv", b"id,en,note\nk,Kremlin,caf\xE9\n")?;
    /// assert_eq!(g.get("k").map(|e| e.note.as_str()), Some("caf\u{FFFD}"));
    /// assert_eq!(warnings[0].location.to_string(), "g.csv:2:14 (byte 24)");
    /// # Ok::<(), qamus::Error>(())
    /// ```
    pub fn from_csv_bytes_lossy(name: &str, bytes: &[u8]) -> Result<(Glossary, Vec<Problem>)> {
        let mut parsed = parse::parse_with(name, bytes, true);
        let warnings: Vec<Problem> = parsed
            .problems
            .iter()
            .filter(|p| matches!(p.kind, ErrorKind::InvalidUtf8 | ErrorKind::Binary))
            .cloned()
            .collect();
        parsed
            .problems
            .retain(|p| !matches!(p.kind, ErrorKind::InvalidUtf8 | ErrorKind::Binary));
        Ok((parsed.into_result()?, warnings))
    }

    /// A glossary of entries built in code, as one layer named `name` (ids must be unique: a later entry with
    /// the same id replaces the earlier one).
    pub fn from_entries(name: &str, entries: Vec<Entry>) -> Glossary {
        let mut g = Glossary::new();
        g.layers.push(Layer {
            name: name.to_string(),
            entries: entries.len(),
        });
        for e in entries {
            match g.ids.get(&e.id) {
                Some(&i) => {
                    if let Some(slot) = g.entries.get_mut(i) {
                        *slot = e;
                    }
                }
                None => {
                    g.ids.insert(e.id.clone(), g.entries.len());
                    g.entries.push(e);
                }
            }
        }
        g
    }

    /// A glossary of entries already merged, with the layers they came from (an index file's contents).
    pub(crate) fn from_parts(entries: Vec<Entry>, layers: Vec<Layer>) -> Glossary {
        let ids = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        Glossary {
            entries,
            layers,
            ids,
        }
    }

    /// Adds `other`'s layers on top of this glossary: an entry with an id already present replaces it in place.
    pub fn merge(&mut self, other: Glossary) {
        if self.entries.is_empty() && self.layers.is_empty() {
            // Nothing to replace or renumber: the other glossary as it is (a million ids not hashed again).
            *self = other;
            return;
        }
        let offset = self.layers.len();
        self.layers.extend(other.layers);
        for mut e in other.entries {
            e.origin.layer += offset;
            match self.ids.get(&e.id) {
                Some(&i) => {
                    if let Some(slot) = self.entries.get_mut(i) {
                        *slot = e;
                    }
                }
                None => {
                    self.ids.insert(e.id.clone(), self.entries.len());
                    self.entries.push(e);
                }
            }
        }
    }

    /// The entries, in layer and file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.ids.get(id).and_then(|&i| self.entries.get(i))
    }

    /// The layers, bottom first.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Counts by type, every type listed, and the number of forms.
    pub fn stats(&self) -> Stats {
        let mut by_type = EntityType::ALL.map(|t| (t, 0usize));
        let mut forms = 0;
        let mut english_only = 0;
        for e in &self.entries {
            if let Some(slot) = by_type.iter_mut().find(|(t, _)| *t == e.kind) {
                slot.1 += 1;
            }
            forms += e.forms().count();
            english_only += usize::from(e.ar.is_empty() && e.ar_variants.is_empty());
        }
        Stats {
            entries: self.entries.len(),
            by_type,
            forms,
            english_only,
        }
    }
}

/// Counts of a glossary ([`Glossary::stats`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Entries in all.
    pub entries: usize,
    /// Entries of each type.
    pub by_type: [(EntityType, usize); 4],
    /// Forms (names and variants) in all.
    pub forms: usize,
    /// Entries with no Arabic form.
    pub english_only: usize,
}

/// A checksum of the shipped glossary files (names and contents), recorded in index files that hold them.
pub(crate) fn builtin_checksum() -> u64 {
    let mut all = Vec::new();
    for (name, text) in builtin::FILES {
        all.extend_from_slice(name.as_bytes());
        all.push(0);
        all.extend_from_slice(text.as_bytes());
        all.push(0);
    }
    xxhash_rust::xxh3::xxh3_64(&all)
}

/// Derives an id from an English name: ASCII letters and digits, lower-cased, words joined by `-`
/// (marks stripped first: "Nagorno-Karabakh" → `nagorno-karabakh`, "Recep Tayyip Erdoğan" →
/// `recep-tayyip-erdogan`). A name with no Latin letter gets `x` and a hash of the name.
///
/// ```
/// assert_eq!(qamus::glossary::derive_id("Nagorno-Karabakh"), "nagorno-karabakh");
/// assert_eq!(qamus::glossary::derive_id("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
/// ```
pub fn derive_id(en: &str) -> String {
    let folded = crate::normalize::search(en);
    let mut id = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() {
        let hash = en.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        id = format!("x{hash:016x}");
    }
    id
}

#[cfg(test)]
mod tests;
