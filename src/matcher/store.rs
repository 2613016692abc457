//! The matcher's tables as one block of bytes: built in memory from a [`Glossary`], or memory-mapped from a
//! compiled index file ([`crate::index`]). One layout, one code path: a lookup reads the same bytes either way.
//!
//! The block starts with a table of [`SECTIONS`] (offset, length) pairs, then the sections:
//!
//! | section | holds |
//! |---|---|
//! | `ENTRY_OFFSETS`, `ENTRIES` | the entries as records, their texts in the one-byte code of [`compact`] (only in index files: a matcher built from a glossary keeps it) |
//! | `NORMALIZED`, `FAMILY` | a form's `search` key / a person's family name → form references: in index files a [`HashedTable`], else `fst` maps |
//! | `REFS` | the reference lists those maps point to |
//! | `FORM_OFFSETS`, `FORMS` | each fuzzy form's entry (see [`FormTables::add`]) and keys (see [`encode_keys`]), read without copying |
//! | `FUZZY` | an `fst` map: skeleton token or one-letter deletion → the forms indexed under it |
//! | `POSTINGS` | those lists, delta-coded |
//!
//! A map's value is either one reference inline (lowest bit 1) or the offset of a list (lowest bit 0). An offsets
//! table finds record `i` in blocks of 16 records (see [`offsets_table`]). A form record does not repeat what its
//! entry's record holds: a token's text is a span of that record when it occurs there, and its skeleton is derived
//! from the text. Numbers are little-endian; lengths and list items are LEB128 varints. Every read is
//! bounds-checked: a damaged block reads as missing data, never as a panic (and index files carry a checksum
//! besides).

use std::borrow::Cow;
use std::ops::{Deref, Range};
use std::sync::Arc;

use fst::{Map, MapBuilder};
use rayon::slice::ParallelSliceMut;
use rustc_hash::FxHashMap;

use super::compact;
use super::distance;
use super::fuzzy::{token_skeleton, IndexKeys, NameKeys, TokenKeys};
use super::skeleton_postings::SkeletonPostings;
use super::titles;
use crate::glossary::{EntityType, Entry, Origin};

/// The bytes of a store: owned, a read-only memory map of an index file, or compiled into the program.
#[derive(Debug)]
pub(crate) enum Bytes {
    /// Built in memory.
    Owned(Vec<u8>),
    /// Mapped from a file.
    Mapped(memmap2::Mmap),
    /// Part of the program (the shipped glossary's index).
    Static(&'static [u8]),
}

impl Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Mapped(m) => m,
            Bytes::Static(b) => b,
        }
    }
}

/// A sub-range of the shared bytes, for `fst::Map`.
#[derive(Clone, Debug)]
pub(crate) struct Slice {
    bytes: Arc<Bytes>,
    start: usize,
    end: usize,
}

impl AsRef<[u8]> for Slice {
    fn as_ref(&self) -> &[u8] {
        self.bytes.get(self.start..self.end).unwrap_or_default()
    }
}

const ENTRY_OFFSETS: usize = 0;
const ENTRIES: usize = 1;
const NORMALIZED: usize = 2;
const FAMILY: usize = 3;
const REFS: usize = 4;
const FORM_OFFSETS: usize = 5;
const FORMS: usize = 6;
const FUZZY: usize = 7;
const POSTINGS: usize = 8;
/// The number of sections.
pub(crate) const SECTIONS: usize = 9;
/// Bytes of the section table: (offset, length) per section, then the number of entries and of fuzzy forms.
const TABLE: usize = SECTIONS * 16 + 16;

/// A reference to one form of one entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct FormRef {
    pub(crate) entry: u32,
    pub(crate) form: u32,
}

/// The matcher's tables (see the module documentation).
#[derive(Debug)]
pub(crate) struct Store {
    bytes: Arc<Bytes>,
    /// Where the store begins in `bytes` (after an index file's header).
    base: usize,
    sections: [Range<usize>; SECTIONS],
    normalized: RefMap,
    family: RefMap,
    fuzzy: Map<Slice>,
    entries: usize,
    forms: usize,
}

/// A map from keys to form references.
#[derive(Debug)]
enum RefMap {
    /// An `fst` map, its values inline references or offsets of lists in `REFS`.
    Fst(Map<Slice>),
    /// In an index file: the section is a table of (key hash, reference), sorted; a reference found under a hash
    /// is checked against its form in the entries (see [`HashedTable`]).
    Hashed,
}

/// Why a block of bytes is not a store.
#[derive(Debug)]
pub(crate) struct Damaged(pub(crate) String);

impl Store {
    /// Reads the section table and the maps' headers (constant time: nothing else is touched).
    pub(crate) fn from_bytes(bytes: Bytes) -> Result<Store, Damaged> {
        Store::from_body(bytes, 0)
    }

    /// A store that begins at byte `base` of `bytes`.
    pub(crate) fn from_body(bytes: Bytes, base: usize) -> Result<Store, Damaged> {
        let bytes = Arc::new(bytes);
        let body = bytes.get(base..).unwrap_or_default();
        let table = body
            .get(..TABLE)
            .ok_or_else(|| Damaged(format!("{} bytes: too short", body.len())))?;
        let word = |i: usize| {
            table
                .get(i * 8..i * 8 + 8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map_or(u64::MAX, u64::from_le_bytes)
        };
        let mut sections: [Range<usize>; SECTIONS] = Default::default();
        for (i, s) in sections.iter_mut().enumerate() {
            let (start, len) = (word(2 * i), word(2 * i + 1));
            let end = start.saturating_add(len);
            if start < TABLE as u64 || end > body.len() as u64 {
                return Err(Damaged(format!(
                    "section {i} ({start}..{end}) lies outside the {} bytes",
                    body.len()
                )));
            }
            *s = base + start as usize..base + end as usize;
        }
        let entries = usize::try_from(word(2 * SECTIONS)).unwrap_or(usize::MAX);
        let forms = usize::try_from(word(2 * SECTIONS + 1)).unwrap_or(usize::MAX);
        for (what, section, count) in [
            ("entry", ENTRY_OFFSETS, entries),
            ("form", FORM_OFFSETS, forms),
        ] {
            let len = sections[section].len();
            let table = bytes.get(sections[section].clone()).unwrap_or_default();
            if len != 0 && Some(len) != offsets_len(table, count) {
                return Err(Damaged(format!(
                    "{what} offsets: {len} bytes for {count} items"
                )));
            }
        }
        let map = |i: usize| {
            let r = sections[i].clone();
            Map::new(Slice {
                bytes: Arc::clone(&bytes),
                start: r.start,
                end: r.end,
            })
            .map_err(|e| Damaged(format!("section {i}: {e}")))
        };
        let ref_map = |i: usize| {
            let table = bytes.get(sections[i].clone()).unwrap_or_default();
            if table.get(..4) == Some(&HASHED_TABLE.to_le_bytes()[..]) {
                if HashedTable::parse(table).is_none() || entries == 0 {
                    return Err(Damaged(format!(
                        "section {i}: a hashed table of {} bytes",
                        table.len()
                    )));
                }
                Ok(RefMap::Hashed)
            } else {
                map(i).map(RefMap::Fst)
            }
        };
        Ok(Store {
            normalized: ref_map(NORMALIZED)?,
            family: ref_map(FAMILY)?,
            fuzzy: map(FUZZY)?,
            sections,
            bytes,
            base,
            entries,
            forms,
        })
    }

    /// The whole block (what an index file stores after its header).
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.bytes.get(self.base..).unwrap_or_default()
    }

    fn section(&self, i: usize) -> &[u8] {
        self.sections
            .get(i)
            .and_then(|r| self.bytes.get(r.clone()))
            .unwrap_or_default()
    }

    /// xxh3-64 of the sections that the `fst` crate reads (the skeleton map, and the key maps when they are
    /// `fst` maps): that crate trusts its bytes and may panic on a damaged map, so an index file checks these at
    /// every open, whatever its size (see [`crate::index`]).
    pub(crate) fn fst_xxh3(&self) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (i, map) in [
            (NORMALIZED, matches!(self.normalized, RefMap::Fst(_))),
            (FAMILY, matches!(self.family, RefMap::Fst(_))),
            (FUZZY, true),
        ] {
            if map {
                h.update(self.section(i));
            }
        }
        h.digest()
    }

    /// The sections' sizes in bytes, by name (for `qamus index check`).
    pub(crate) fn section_sizes(&self) -> [(&'static str, usize); SECTIONS] {
        const NAMES: [&str; SECTIONS] = [
            "entry offsets",
            "entries",
            "normalized",
            "family",
            "refs",
            "form offsets",
            "forms",
            "fuzzy",
            "postings",
        ];
        let mut out = [("", 0); SECTIONS];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = (NAMES[i], self.sections[i].len());
        }
        out
    }

    /// Entries stored (0 when the store was built without them).
    pub(crate) fn entry_count(&self) -> usize {
        self.entries
    }

    /// Fuzzy forms indexed.
    pub(crate) fn form_count(&self) -> usize {
        self.forms
    }

    /// The forms whose `search` key is `key` (every form: exact matches are found among them).
    pub(crate) fn normalized(&self, key: &str) -> Vec<FormRef> {
        match &self.normalized {
            RefMap::Fst(m) => self.refs(m.get(key)),
            RefMap::Hashed => self.hashed(NORMALIZED, key, |form| {
                crate::normalize::search(form) == key
            }),
        }
    }

    /// The person forms whose family name (`search` key) is `key`.
    #[cfg(test)]
    pub(crate) fn family(&self, key: &str) -> Vec<FormRef> {
        match &self.family {
            RefMap::Fst(m) => self.refs(m.get(key)),
            RefMap::Hashed => self.hashed(FAMILY, key, |form| is_family(form, key)),
        }
    }

    /// The first person form of each entry whose family name (`search` key) is `key`, in table order, read only
    /// until `most + 1` people have turned up: a family name that thousands share is not checked thousands of
    /// times (with `most` 1, one person or "several").
    pub(crate) fn family_people(&self, key: &str, most: usize) -> Vec<FormRef> {
        let mut people: Vec<FormRef> = Vec::new();
        let mut see = |r: FormRef| {
            if !people.iter().any(|p| p.entry == r.entry) {
                people.push(r);
            }
            people.len() <= most
        };
        match &self.family {
            RefMap::Fst(m) => {
                for r in self.refs(m.get(key)) {
                    if !see(r) {
                        break;
                    }
                }
            }
            RefMap::Hashed => self.hashed_while(FAMILY, key, |form| is_family(form, key), see),
        }
        people
    }

    /// The references a hashed table holds under `key`'s hash whose form passes `is_key` (the form's own key is
    /// `key`: a reference whose key only shares the hash is left out), in table order.
    fn hashed(&self, section: usize, key: &str, is_key: impl Fn(&str) -> bool) -> Vec<FormRef> {
        let mut out = Vec::new();
        self.hashed_while(section, key, is_key, |r| {
            out.push(r);
            true
        });
        out
    }

    /// Hands [`Self::hashed`]'s references to `more` one at a time, in table order, until it returns false.
    fn hashed_while(
        &self,
        section: usize,
        key: &str,
        is_key: impl Fn(&str) -> bool,
        mut more: impl FnMut(FormRef) -> bool,
    ) {
        let Some(table) = HashedTable::parse(self.section(section)) else {
            return;
        };
        // A key held by many entries is mostly a few texts over and over (a common name written alone, بي and
        // بى), each checked once.
        let mut seen = Verdicts::default();
        let is_key = |form| compact::decode(form).is_some_and(|form| is_key(&form));
        for r in table.get(key) {
            let Some(form) = self
                .record(ENTRY_OFFSETS, ENTRIES, r.entry as usize)
                .and_then(|record| entry_form(record, r.form as usize))
            else {
                continue;
            };
            if seen.of(form, is_key) && !more(r) {
                return;
            }
        }
    }

    fn refs(&self, value: Option<u64>) -> Vec<FormRef> {
        let Some(v) = value else {
            return Vec::new();
        };
        if v & 1 == 1 {
            return vec![FormRef {
                entry: (v >> 21) as u32,
                form: ((v >> 1) & 0xF_FFFF) as u32,
            }];
        }
        let mut r = Reader::at(self.section(REFS), (v >> 1) as usize);
        let n = r.varint().unwrap_or(0) as usize;
        let mut out = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            let (Some(entry), Some(form)) = (r.varint(), r.varint()) else {
                break;
            };
            out.push(FormRef {
                entry: entry as u32,
                form: form as u32,
            });
        }
        out
    }

    /// The forms indexed under a skeleton key: their number, and an iterator over their ids (ascending).
    pub(crate) fn postings(&self, key: &str) -> Option<Postings<'_>> {
        let v = self.fuzzy.get(key)?;
        if v & 1 == 1 {
            return Some(Postings {
                len: 1,
                single: Some((v >> 1) as u32),
                reader: Reader::at(&[], 0),
                last: 0,
                left: 0,
            });
        }
        let mut reader = Reader::at(self.section(POSTINGS), (v >> 1) as usize);
        let len = reader.varint()? as usize;
        Some(Postings {
            len,
            single: None,
            reader,
            last: 0,
            left: len,
        })
    }

    /// Record `i` of a records section, through its offsets table (see [`offsets_table`]).
    fn record(&self, offsets: usize, records: usize, i: usize) -> Option<&[u8]> {
        let count = if offsets == ENTRY_OFFSETS {
            self.entries
        } else {
            self.forms
        };
        if i >= count {
            return None;
        }
        let table = self.section(offsets);
        let u32_at = |at: usize| {
            let b = table.get(at..at.checked_add(4)?)?;
            usize::try_from(u32::from_le_bytes(<[u8; 4]>::try_from(b).ok()?)).ok()
        };
        let u16_at = |at: usize| {
            let b = table.get(at..at.checked_add(2)?)?;
            Some(usize::from(u16::from_le_bytes(
                <[u8; 2]>::try_from(b).ok()?,
            )))
        };
        let (start, end) = if u32_at(0)? == WIDE_OFFSETS {
            (u32_at(4 + i * 4)?, u32_at(8 + i * 4)?)
        } else {
            let block = 4 + (i / OFFSET_BLOCK) * OFFSET_BLOCK_BYTES;
            let base = u32_at(block)?;
            let j = i % OFFSET_BLOCK;
            let start = if j == 0 {
                0
            } else {
                u16_at(block + 4 + (j - 1) * 2)?
            };
            (base + start, base + u16_at(block + 4 + j * 2)?)
        };
        self.section(records).get(start..end)
    }

    /// The keys' record of fuzzy form `id` (as [`encode_keys`] wrote it), its entry's number, and that entry's
    /// record (empty when the store keeps no entries). The entry's number comes first in the stored record, as
    /// [`FormTables::add`] wrote it.
    fn form_record(&self, id: u32) -> Option<(&[u8], u32, &[u8])> {
        let stored = self.record(FORM_OFFSETS, FORMS, id as usize)?;
        let mut r = Reader::at(stored, 0);
        let head = r.varint()?;
        let run = id as usize % OFFSET_BLOCK;
        let entry = if run == 0 {
            head
        } else {
            let first = self.record(FORM_OFFSETS, FORMS, id as usize - run)?;
            Reader::at(first, 0)
                .varint()?
                .checked_add_signed(unzigzag(head))?
        };
        let entry = u32::try_from(entry).ok()?;
        let entry_record = if self.entries == 0 {
            &[]
        } else {
            self.record(ENTRY_OFFSETS, ENTRIES, entry as usize)?
        };
        Some((stored.get(r.pos..)?, entry, entry_record))
    }

    /// Fuzzy form `id`: its entry and form, and its keys, borrowed from the store.
    pub(crate) fn form(&self, id: u32) -> Option<(FormRef, NameKeys<'_>)> {
        let (record, entry, entry_record) = self.form_record(id)?;
        decode_keys(record, entry, entry_record)
    }

    /// The weighted-distance codes of fuzzy form `id`'s joined keys, written into `out` (cleared first) without
    /// decoding the whole record: its `search` keys when the form's script is Arabic as `arabic` says, its Latin
    /// keys otherwise. Returns whether the form is in Arabic script.
    pub(crate) fn form_codes(&self, id: u32, arabic: bool, out: &mut Vec<u8>) -> Option<bool> {
        out.clear();
        let (record, _, entry) = self.form_record(id)?;
        let mut r = Reader::at(record, 0);
        let (_, _, n) = read_head(&mut r)?;
        let mut form_arabic = None;
        for _ in 0..n {
            let t = read_token(&mut r, entry)?;
            let first = *form_arabic.get_or_insert(t.arabic);
            match &t.latin {
                Some(latin) if first != arabic => latin.encode_into(out),
                _ => t.search.encode_into(out),
            }
        }
        form_arabic
    }

    /// Whether fuzzy form `id` is in Arabic script and its entry has a form in Latin script (read from the head of
    /// its record, without decoding it).
    pub(crate) fn arabic_form_of_latin_entry(&self, id: u32) -> Option<bool> {
        let (record, _, _) = self.form_record(id)?;
        let mut r = Reader::at(record, 0);
        let (_, scripts, n) = read_head(&mut r)?;
        if n == 0 {
            return Some(false);
        }
        // A token's record starts with its flags.
        let token = r.u8()?;
        Some(token & TOKEN_ARABIC != 0 && scripts & 2 != 0)
    }

    /// Form `form` of entry `i` and the entry's origin (layer, line), read from its record without decoding the
    /// entry (index files only).
    pub(crate) fn entry_form_and_origin(&self, i: u32, form: u32) -> Option<(&[u8], (usize, u64))> {
        let record = self.record(ENTRY_OFFSETS, ENTRIES, i as usize)?;
        Some((
            entry_form(record, form as usize)?,
            entry_origin(record, i as usize)?,
        ))
    }

    /// Form `form` of entry `i`, in the one-byte code of [`compact`] (index files only).
    pub(crate) fn entry_form(&self, i: u32, form: u32) -> Option<&[u8]> {
        entry_form(
            self.record(ENTRY_OFFSETS, ENTRIES, i as usize)?,
            form as usize,
        )
    }

    /// The type of entry `i`, read from the head of its record (index files only).
    pub(crate) fn entry_kind(&self, i: u32) -> Option<EntityType> {
        let head = *self.record(ENTRY_OFFSETS, ENTRIES, i as usize)?.first()?;
        EntityType::ALL.get(usize::from(head & 3)).copied()
    }

    /// Entry `i`, decoded (index files only).
    pub(crate) fn entry(&self, i: usize) -> Option<Entry> {
        decode_entry(self.record(ENTRY_OFFSETS, ENTRIES, i)?, i)
    }
}

/// The ids of a posting list.
#[derive(Clone)]
pub(crate) struct Postings<'a> {
    /// How many ids the list holds.
    pub(crate) len: usize,
    /// The next id, when it is already read: a list of one, or the id [`Postings::drain_below`] stopped at.
    single: Option<u32>,
    reader: Reader<'a>,
    last: u64,
    left: usize,
}

impl Postings<'_> {
    /// The next id, without taking it.
    pub(crate) fn peek(&mut self) -> Option<u32> {
        if self.single.is_none() {
            self.single = self.next();
        }
        self.single
    }

    /// Calls `f` with every id below `end`, in order; the first id at `end` or above stays for the next call.
    pub(crate) fn for_each_below(&mut self, end: u64, mut f: impl FnMut(u32)) {
        if let Some(id) = self.single.take() {
            if u64::from(id) >= end {
                self.single = Some(id);
                return;
            }
            f(id);
        }
        // The state in locals (the closure cannot alias it, but the compiler does not know), written back at the
        // end; a one-byte delta, the common case, without the general varint loop.
        let bytes = self.reader.bytes;
        let (mut pos, mut last, mut left) = (self.reader.pos, self.last, self.left);
        let end = end.min(u64::from(u32::MAX) + 1);
        let mut stopped = None;
        while left > 0 {
            let delta = match bytes.get(pos) {
                Some(&b) if b < 0x80 => {
                    pos += 1;
                    u64::from(b)
                }
                _ => {
                    let mut r = Reader::at(bytes, pos);
                    let Some(delta) = r.varint() else {
                        left = 0;
                        break;
                    };
                    pos = r.pos;
                    delta
                }
            };
            left -= 1;
            last += delta;
            if last >= end {
                // At or past `end` (ids past u32::MAX end the list: no id is that large).
                match u32::try_from(last) {
                    Ok(id) => stopped = Some(id),
                    Err(_) => left = 0,
                }
                break;
            }
            // Below `end`, which is at most u32::MAX + 1.
            f(last as u32);
        }
        self.reader.pos = pos;
        self.last = last;
        self.left = left;
        if stopped.is_some() {
            self.single = stopped;
        }
    }
}

impl Iterator for Postings<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if let Some(id) = self.single.take() {
            return Some(id);
        }
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        self.last += self.reader.varint()?;
        u32::try_from(self.last).ok()
    }
}

/// Builds a store.
#[derive(Default)]
pub(crate) struct Builder {
    normalized: FxHashMap<String, Vec<FormRef>>,
    family: FxHashMap<String, Vec<FormRef>>,
    forms: FormTables,
    entries: Vec<u8>,
    entry_offsets: Vec<u64>,
}

/// The fuzzy forms of a [`Builder`]: their records (as [`encode_keys`] writes them), where each starts, and the
/// skeleton index (key → form ids).
#[derive(Default)]
struct FormTables {
    records: Vec<u8>,
    offsets: Vec<u64>,
    index: SkeletonPostings,
    /// The entry of the first form of the current run of [`OFFSET_BLOCK`] forms.
    run_entry: u32,
}

impl FormTables {
    /// Adds a form of entry `entry`, its keys' record as [`encode_keys`] wrote it, indexed under `index_keys`;
    /// returns its id. The record is stored after its entry's number: whole for the first form of each run of
    /// [`OFFSET_BLOCK`] forms, as a difference from that form's (zigzag-coded) for the others, mostly one byte
    /// (the forms come in the order of their entries; see [`Store::form_record`]).
    fn add<'k>(
        &mut self,
        entry: u32,
        record: &[u8],
        index_keys: impl Iterator<Item = &'k str>,
    ) -> u32 {
        let id = self.offsets.len() as u32;
        self.offsets.push(self.records.len() as u64);
        if (id as usize).is_multiple_of(OFFSET_BLOCK) {
            self.run_entry = entry;
            put_varint(&mut self.records, u64::from(entry));
        } else {
            put_varint(
                &mut self.records,
                zigzag(i64::from(entry) - i64::from(self.run_entry)),
            );
        }
        self.records.extend_from_slice(record);
        for k in index_keys {
            // A key that comes twice indexes the form once.
            self.index.add(k, id);
        }
        id
    }
}

impl Builder {
    /// A builder with room for the references of `forms` forms: a large glossary's maps are not grown (and
    /// rehashed) step by step.
    pub(crate) fn with_capacity(forms: usize) -> Builder {
        Builder {
            normalized: FxHashMap::with_capacity_and_hasher(forms, Default::default()),
            ..Builder::default()
        }
    }

    /// Adds a form's `search` key (every form, so that an exact match can be found among them).
    #[cfg(test)]
    pub(crate) fn normalized(&mut self, key: String, r: FormRef) {
        add_normalized(&mut self.normalized, key, r);
    }

    /// Adds the `search` keys `keys` (in order, each reference once under its key) on one thread while `work` runs
    /// with the builder on the others: the map is independent of everything else a build does, and filling it
    /// would otherwise hold up a large build on one core. The builder that `work` gets has the map out.
    pub(crate) fn normalized_beside<R: Send>(
        &mut self,
        keys: Vec<(String, FormRef)>,
        work: impl FnOnce(&mut Builder) -> R + Send,
    ) -> R {
        let mut map = std::mem::take(&mut self.normalized);
        let ((), out) = rayon::join(
            || {
                for (key, r) in keys {
                    add_normalized(&mut map, key, r);
                }
            },
            || work(self),
        );
        self.normalized = map;
        out
    }

    /// Adds a person's family name.
    pub(crate) fn family(&mut self, key: String, r: FormRef) {
        add(&mut self.family, key, r);
    }

    /// The family-name map as built so far (the matcher derives fuzzy forms from it).
    pub(crate) fn family_map(&self) -> &FxHashMap<String, Vec<FormRef>> {
        &self.family
    }

    /// Adds a fuzzy form with its keys, indexed under `index_keys`; returns its id.
    #[cfg(test)]
    pub(crate) fn form<'k>(
        &mut self,
        r: FormRef,
        keys: &NameKeys<'_>,
        index_keys: impl Iterator<Item = &'k str>,
    ) -> u32 {
        let mut record = Vec::new();
        let entry = EntryRecords {
            bytes: &self.entries,
            offsets: &self.entry_offsets,
        };
        encode_keys(&mut record, r.form, keys, entry.get(r.entry));
        self.forms.add(r.entry, &record, index_keys)
    }

    /// Room for `forms` fuzzy forms more (see [`SkeletonPostings::reserve`]).
    pub(crate) fn reserve_forms(&mut self, forms: usize) {
        self.forms.offsets.reserve(forms);
        self.forms.index.reserve(forms);
    }

    /// Adds the forms of `keyed` (entry, record written by [`encode_keys`], index keys; in order) while `work`
    /// runs beside it with the entry records: the build keys the next chunk of forms on the other cores meanwhile,
    /// so that adding, which must go in order on one thread, does not hold up the keying. Returns what `work` does.
    pub(crate) fn add_forms_beside<R: Send>(
        &mut self,
        keyed: Vec<(u32, Vec<u8>, IndexKeys)>,
        work: impl FnOnce(EntryRecords<'_>) -> R + Send,
    ) -> R {
        let Builder {
            forms,
            entries,
            entry_offsets,
            ..
        } = self;
        let records = EntryRecords {
            bytes: entries,
            offsets: entry_offsets,
        };
        let ((), out) = rayon::join(
            || {
                for (entry, record, index) in keyed {
                    forms.add(entry, &record, index.iter());
                }
            },
            || work(records),
        );
        out
    }

    /// Adds an entry record (for index files).
    #[cfg(test)]
    pub(crate) fn entry(&mut self, e: &Entry) {
        let record = entry_record(e, self.entry_offsets.len());
        self.push_entry_record(&record);
    }

    /// Adds the record [`entry_record`] made of the next entry (for index files).
    pub(crate) fn push_entry_record(&mut self, record: &[u8]) {
        self.entry_offsets.push(self.entries.len() as u64);
        self.entries.extend_from_slice(record);
    }

    /// Lays the sections out.
    pub(crate) fn finish(self) -> Store {
        // The maps' keys come sorted and distinct, so `fst` cannot refuse them, and the table just written
        // describes the bytes that follow it: neither step can fail but on a bug in this module.
        self.layout()
            .expect("a store is laid out from sorted, distinct keys, each section under 4 GiB")
    }

    fn layout(self) -> Result<Store, Damaged> {
        let entries = self.entry_offsets.len();
        let forms = self.forms.offsets.len();
        // The maps are independent: the reference maps on one thread, the skeleton index on another.
        let (maps, fuzzy) = rayon::join(
            || -> Result<_, Damaged> {
                let mut refs = Vec::new();
                // An index file checks a reference against its entry: a table of hashes is enough.
                let table =
                    |map: FxHashMap<String, Vec<FormRef>>, refs: &mut Vec<u8>| match (entries > 0)
                        .then(|| HashedTable::build(&map))
                        .flatten()
                    {
                        Some(t) => Ok(t),
                        None => ref_map(map, refs),
                    };
                let normalized = table(self.normalized, &mut refs)?;
                let family = table(self.family, &mut refs)?;
                Ok((normalized, family, refs))
            },
            || -> Result<_, Damaged> {
                let mut postings = Vec::new();
                let fuzzy = posting_map(self.forms.index, &mut postings)?;
                Ok((fuzzy, postings))
            },
        );
        let ((normalized, family, refs), (fuzzy, postings)) = (maps?, fuzzy?);
        let offsets = |v: Vec<u64>, end: usize| offsets_table(&v, end);
        let entry_offsets = offsets(self.entry_offsets, self.entries.len())?;
        let form_offsets = offsets(self.forms.offsets, self.forms.records.len())?;
        let parts: [&[u8]; SECTIONS] = [
            &entry_offsets,
            &self.entries,
            &normalized,
            &family,
            &refs,
            &form_offsets,
            &self.forms.records,
            &fuzzy,
            &postings,
        ];
        let total = TABLE + parts.iter().map(|p| p.len()).sum::<usize>();
        let mut out = Vec::with_capacity(total);
        let mut at = TABLE as u64;
        for p in parts {
            out.extend_from_slice(&at.to_le_bytes());
            out.extend_from_slice(&(p.len() as u64).to_le_bytes());
            at += p.len() as u64;
        }
        out.extend_from_slice(&(entries as u64).to_le_bytes());
        out.extend_from_slice(&(forms as u64).to_le_bytes());
        for p in parts {
            out.extend_from_slice(p);
        }
        Store::from_bytes(Bytes::Owned(out))
    }
}

/// The first word of an offsets table: the offsets are plain `u32`s (a record of 64 KiB or more, rare).
const WIDE_OFFSETS: usize = 0;
/// The first word of an offsets table in blocks (the usual case).
const BLOCKED_OFFSETS: u32 = 1;
/// Records per block of an offsets table.
const OFFSET_BLOCK: usize = 16;
/// Bytes per block: the start of its first record (`u32`), then where each of its records ends, from that start
/// (`u16`).
const OFFSET_BLOCK_BYTES: usize = 4 + 2 * OFFSET_BLOCK;

/// The table that finds record `i` of a section whose records start at `starts` and whose last one ends at
/// `end`: in blocks of 16 records, 2.25 bytes a record, unless a block spans 64 KiB or more (then 4 bytes a
/// record). Empty when there are no records.
fn offsets_table(starts: &[u64], end: usize) -> Result<Vec<u8>, Damaged> {
    let big = || Damaged("a section of over 4 GiB".into());
    if starts.is_empty() {
        return Ok(Vec::new());
    }
    let ends: Vec<u64> = starts.iter().skip(1).copied().chain([end as u64]).collect();
    let mut out = Vec::with_capacity(4 + starts.len().div_ceil(OFFSET_BLOCK) * OFFSET_BLOCK_BYTES);
    out.extend_from_slice(&BLOCKED_OFFSETS.to_le_bytes());
    for (block, block_ends) in starts.chunks(OFFSET_BLOCK).zip(ends.chunks(OFFSET_BLOCK)) {
        let base = block.first().copied().unwrap_or(0);
        out.extend_from_slice(&u32::try_from(base).map_err(|_| big())?.to_le_bytes());
        let last = block_ends.last().copied().unwrap_or(base);
        for k in 0..OFFSET_BLOCK {
            let e = block_ends.get(k).copied().unwrap_or(last);
            let Ok(rel) = u16::try_from(e - base) else {
                // A block too long for 16-bit offsets: plain offsets throughout.
                let mut wide = (WIDE_OFFSETS as u32).to_le_bytes().to_vec();
                for &o in starts.iter().chain(&[end as u64]) {
                    wide.extend_from_slice(&u32::try_from(o).map_err(|_| big())?.to_le_bytes());
                }
                return Ok(wide);
            };
            out.extend_from_slice(&rel.to_le_bytes());
        }
    }
    Ok(out)
}

/// The length an offsets table of `count` records has, in the layout its first word says.
fn offsets_len(table: &[u8], count: usize) -> Option<usize> {
    let kind = u32::from_le_bytes(<[u8; 4]>::try_from(table.get(..4)?).ok()?);
    if kind as usize == WIDE_OFFSETS {
        count.checked_add(2)?.checked_mul(4)
    } else if kind == BLOCKED_OFFSETS {
        count
            .div_ceil(OFFSET_BLOCK)
            .checked_mul(OFFSET_BLOCK_BYTES)?
            .checked_add(4)
    } else {
        None
    }
}

/// The first word of a hashed reference table (an `fst` map starts with its version, a small number).
const HASHED_TABLE: u32 = u32::from_le_bytes(*b"QHT2");
/// Bits of a packed reference that hold the form (the rest hold the entry).
const REF_FORM_BITS: u32 = 5;
/// The most bits a hashed table's bucket number has.
const MAX_BUCKET_BITS: u32 = 28;

/// The hash of a key in a hashed table: its low 16 bits are the fingerprint kept per reference, the bits above
/// them the bucket.
fn key_hash(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

/// A reference table for an index file. The keys are not stored: per (key, reference), a 16-bit fingerprint of
/// the key's hash and the reference packed into 32 bits, in buckets chosen by the next bits of the hash (about
/// 8 to 16 references a bucket) and sorted in each; 6.5 bytes a reference, where an `fst` map of the keys takes
/// about 15. A look-up checks each reference found under its bucket and fingerprint against its form in the
/// entries (so a collision costs a check, never a wrong answer).
///
/// Layout (little-endian): the word [`HASHED_TABLE`]; the number of bucket bits `b`; 2^b + 1 `u32`s, where each
/// bucket's references start (the last, their number `n`); `n` fingerprints (`u16`); `n` references (`u32`).
#[derive(Clone, Copy)]
struct HashedTable<'a> {
    bits: u32,
    starts: &'a [u8],
    fingerprints: &'a [u8],
    refs: &'a [u8],
}

impl<'a> HashedTable<'a> {
    /// Writes the table of `map`; `None` when a reference does not fit in 32 bits (an entry past 2^27, a form
    /// past 31): the `fst` map is used then.
    fn build(map: &FxHashMap<String, Vec<FormRef>>) -> Option<Vec<u8>> {
        let n: usize = map.values().map(Vec::len).sum();
        let bits = (usize::BITS - n.leading_zeros())
            .saturating_sub(4)
            .min(MAX_BUCKET_BITS);
        let mask = (1u64 << bits) - 1;
        let mut items: Vec<(u32, u16, u32)> = Vec::with_capacity(n);
        for (key, refs) in map {
            let h = key_hash(key);
            let (bucket, fingerprint) = (((h >> 16) & mask) as u32, h as u16);
            for r in refs {
                if r.form >= 1 << REF_FORM_BITS || r.entry >= 1 << (32 - REF_FORM_BITS) {
                    return None;
                }
                items.push((bucket, fingerprint, (r.entry << REF_FORM_BITS) | r.form));
            }
        }
        // By bucket and fingerprint, then by reference: entry and form order, the order in which a key's
        // references were added.
        items.par_sort_unstable();
        let mut out = Vec::with_capacity(8 + (1 << bits) * 4 + 4 + n * 6);
        out.extend_from_slice(&HASHED_TABLE.to_le_bytes());
        out.extend_from_slice(&bits.to_le_bytes());
        let mut at = 0usize;
        for bucket in 0..=(1u32 << bits) {
            while items.get(at).is_some_and(|i| i.0 < bucket) {
                at += 1;
            }
            out.extend_from_slice(&u32::try_from(at).ok()?.to_le_bytes());
        }
        out.extend(items.iter().flat_map(|i| i.1.to_le_bytes()));
        out.extend(items.iter().flat_map(|i| i.2.to_le_bytes()));
        Some(out)
    }

    /// Reads a table's layout; `None` when `bytes` are not one.
    fn parse(bytes: &'a [u8]) -> Option<HashedTable<'a>> {
        let word = |at: usize| {
            let b = bytes.get(at..at.checked_add(4)?)?;
            Some(u32::from_le_bytes(<[u8; 4]>::try_from(b).ok()?))
        };
        if word(0)? != HASHED_TABLE {
            return None;
        }
        let bits = word(4)?;
        if bits > MAX_BUCKET_BITS {
            return None;
        }
        let dir = ((1usize << bits) + 1) * 4;
        let starts = bytes.get(8..8 + dir)?;
        let n = usize::try_from(word(8 + dir - 4)?).ok()?;
        let fingerprints = bytes.get(8 + dir..8 + dir + n.checked_mul(2)?)?;
        let refs = bytes.get(8 + dir + n * 2..)?;
        (refs.len() == n.checked_mul(4)?).then_some(HashedTable {
            bits,
            starts,
            fingerprints,
            refs,
        })
    }

    /// The references under `key`'s bucket and fingerprint, in table order.
    fn get(self, key: &str) -> impl Iterator<Item = FormRef> + 'a {
        let h = key_hash(key);
        let bucket = ((h >> 16) & ((1u64 << self.bits) - 1)) as usize;
        let fingerprint = h as u16;
        let start = |b: usize| {
            let w = self.starts.get(b * 4..b * 4 + 4)?;
            usize::try_from(u32::from_le_bytes(<[u8; 4]>::try_from(w).ok()?)).ok()
        };
        let (lo, hi) = (start(bucket).unwrap_or(0), start(bucket + 1).unwrap_or(0));
        (lo..hi)
            .skip_while(move |&i| self.fingerprint(i).is_some_and(|f| f < fingerprint))
            .take_while(move |&i| self.fingerprint(i) == Some(fingerprint))
            .filter_map(move |i| {
                let w = self.refs.get(i * 4..i * 4 + 4)?;
                let packed = u32::from_le_bytes(<[u8; 4]>::try_from(w).ok()?);
                Some(FormRef {
                    entry: packed >> REF_FORM_BITS,
                    form: packed & ((1 << REF_FORM_BITS) - 1),
                })
            })
    }

    fn fingerprint(self, i: usize) -> Option<u16> {
        let b = self.fingerprints.get(i * 2..i * 2 + 2)?;
        Some(u16::from_le_bytes(<[u8; 2]>::try_from(b).ok()?))
    }
}

/// The verdicts of a test on the last few distinct texts it was asked about (a look-up meets the same handful of
/// texts again and again when thousands of entries share a key): each is tested once while it stays among them.
#[derive(Default)]
pub(crate) struct Verdicts<'t> {
    slots: [Option<(&'t [u8], bool)>; 4],
    next: usize,
}

impl<'t> Verdicts<'t> {
    /// `test(text)`, remembered; `text` is a text's bytes in any one encoding (UTF-8, or the code of entry
    /// records), the same for every call.
    pub(crate) fn of(&mut self, text: &'t [u8], test: impl FnOnce(&'t [u8]) -> bool) -> bool {
        if let Some(&(_, v)) = self.slots.iter().flatten().find(|(t, _)| *t == text) {
            return v;
        }
        let v = test(text);
        if let Some(slot) = self.slots.get_mut(self.next % 4) {
            *slot = Some((text, v));
        }
        self.next += 1;
        v
    }
}

/// Whether `form`'s family name ([`titles::family_of_key`] of its `search` key) is `key`.
fn is_family(form: &str, key: &str) -> bool {
    titles::family_of_key(&crate::normalize::search(form)).is_some_and(|f| f == key)
}

/// Form `form` of an entry record, in the order of [`Entry::forms`] (English, English variants, Arabic when
/// there is one, Arabic variants), in the record's code ([`compact`]), the rest skipped unread.
fn entry_form(record: &[u8], form: usize) -> Option<&[u8]> {
    let mut r = Reader::at(record, 0);
    let head = r.u8()?;
    r.bytes()?;
    let en = r.bytes()?;
    let ar = r.bytes()?;
    if form == 0 {
        return Some(en);
    }
    let mut k = 1;
    for _ in 0..r.list_len(head, HAS_EN_VARIANTS)? {
        let s = r.bytes()?;
        if k == form {
            return Some(s);
        }
        k += 1;
    }
    if !ar.is_empty() {
        if k == form {
            return Some(ar);
        }
        k += 1;
    }
    for _ in 0..r.list_len(head, HAS_AR_VARIANTS)? {
        let s = r.bytes()?;
        if k == form {
            return Some(s);
        }
        k += 1;
    }
    None
}

/// The entry records of a [`Builder`], as [`encode_keys`] reads them.
#[derive(Clone, Copy)]
pub(crate) struct EntryRecords<'a> {
    bytes: &'a [u8],
    offsets: &'a [u64],
}

impl<'a> EntryRecords<'a> {
    /// The record of entry `i` (empty when there is none).
    pub(crate) fn get(self, i: u32) -> &'a [u8] {
        let i = i as usize;
        let (Some(&start), end) = (self.offsets.get(i), self.offsets.get(i + 1)) else {
            return &[];
        };
        let end = end.map_or(self.bytes.len(), |&e| e as usize);
        self.bytes.get(start as usize..end).unwrap_or_default()
    }
}

/// Adds `r` under `key` to the `search`-key map unless it is there already.
fn add_normalized(map: &mut FxHashMap<String, Vec<FormRef>>, key: String, r: FormRef) {
    let refs = map.entry(key).or_default();
    if !refs.contains(&r) {
        refs.push(r);
    }
}

fn add(map: &mut FxHashMap<String, Vec<FormRef>>, key: String, r: FormRef) {
    let refs = map.entry(key).or_default();
    if !refs.iter().any(|x| x.entry == r.entry) {
        refs.push(r);
    }
}

fn ref_map(map: FxHashMap<String, Vec<FormRef>>, refs: &mut Vec<u8>) -> Result<Vec<u8>, Damaged> {
    let mut keys: Vec<(String, Vec<FormRef>)> = map.into_iter().collect();
    keys.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut b = MapBuilder::memory();
    for (key, list) in keys {
        let value = match list.as_slice() {
            [r] if r.form < (1 << 20) => (u64::from(r.entry) << 21) | (u64::from(r.form) << 1) | 1,
            _ => {
                let at = refs.len() as u64;
                put_varint(refs, list.len() as u64);
                for r in &list {
                    put_varint(refs, u64::from(r.entry));
                    put_varint(refs, u64::from(r.form));
                }
                at << 1
            }
        };
        b.insert(key, value).map_err(|e| Damaged(e.to_string()))?;
    }
    b.into_inner().map_err(|e| Damaged(e.to_string()))
}

fn posting_map(index: SkeletonPostings, out: &mut Vec<u8>) -> Result<Vec<u8>, Damaged> {
    let mut b = MapBuilder::memory();
    index.for_each_sorted(|key, list| {
        let value = if let [id] = list {
            (u64::from(*id) << 1) | 1
        } else {
            let at = out.len() as u64;
            put_varint(out, list.len() as u64);
            let mut last = 0u64;
            for &id in list {
                put_varint(out, u64::from(id) - last);
                last = u64::from(id);
            }
            at << 1
        };
        b.insert(key, value).map_err(|e| Damaged(e.to_string()))
    })?;
    b.into_inner().map_err(|e| Damaged(e.to_string()))
}

/// A signed number as an unsigned one, small for small magnitudes: 0, -1, 1, -2… → 0, 1, 2, 3…
fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

/// The inverse of [`zigzag`].
fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_varint(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// Writes a text in the code of entry records ([`compact`]), its length in bytes first.
fn put_text(out: &mut Vec<u8>, text: &str) {
    if text.is_ascii() {
        put_bytes(out, text.as_bytes());
    } else {
        put_bytes(out, &compact::encode(text));
    }
}

/// A bounds-checked reader of a record.
#[derive(Clone)]
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn at(bytes: &'a [u8], pos: usize) -> Reader<'a> {
        Reader { bytes, pos }
    }

    fn u8(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.varint()?).ok()?;
        let b = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(b)
    }

    fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    /// The number of items of an entry record's list: 0 when the record's `head` has not the list's `flag`.
    fn list_len(&mut self, head: u8, flag: u8) -> Option<u64> {
        if head & flag == 0 {
            Some(0)
        } else {
            self.varint()
        }
    }

    /// The (layer, line) at the end of the record of entry `index`, whose head byte is `head`.
    fn origin(&mut self, head: u8, index: usize) -> Option<(usize, u64)> {
        let layer = match head >> LAYER_SHIFT {
            3 => usize::try_from(self.varint()?).ok()?,
            layer => usize::from(layer),
        };
        let line = expected_line(index).checked_add(unzigzag(self.varint()?))?;
        Some((layer, u64::try_from(line).ok()?))
    }

    /// A text written by [`put_text`].
    fn text(&mut self) -> Option<Cow<'a, str>> {
        compact::decode(self.bytes()?)
    }
}

/// Token flags of a form record.
const TOKEN_ARABIC: u8 = 1;
/// The token's `search` key is its written form with the letters folded (not stored).
const SEARCH_IS_FOLDED_RAW: u8 = 2;
/// The token's Latin key is its `search` key (not stored).
const LATIN_IS_SEARCH: u8 = 4;
/// The token's text (an Arabic token as written, a Latin token's `search` key up to ASCII case) is not stored: it
/// is a span of its entry's record, given as (offset, length).
const TEXT_IN_ENTRY: u8 = 8;
/// The token's Latin key is a span of its entry's record, ASCII case ignored (a transliteration that is the
/// entry's English name, or a word of it): (offset, length), not the key.
const LATIN_IN_ENTRY: u8 = 16;

/// A span of an entry's record: (offset, length) in `out`.
fn put_span(out: &mut Vec<u8>, at: usize, len: usize) {
    put_varint(out, at as u64);
    put_varint(out, len as u64);
}

/// A key read from a form record.
enum Text<'a> {
    /// The key itself (borrowed from the store, or derived).
    Is(Cow<'a, str>),
    /// A span of the entry's record with upper-case letters: the key is its lower case.
    Upper(&'a str),
    /// An Arabic token as written: the key is its letters folded (computed only when it is read).
    Folded(Written<'a>),
}

/// An Arabic token as written, read from a form record: stored there in UTF-8, or a span of its entry's record
/// in the record's code ([`compact`]).
#[derive(Clone, Copy)]
enum Written<'a> {
    Utf8(&'a str),
    Code(&'a [u8]),
}

impl<'a> Written<'a> {
    /// The text (empty if damaged bytes do not decode).
    fn text(self) -> Cow<'a, str> {
        match self {
            Written::Utf8(s) => Cow::Borrowed(s),
            Written::Code(b) => compact::decode(b).unwrap_or_default(),
        }
    }
}

impl<'a> Text<'a> {
    fn into_cow(self) -> Cow<'a, str> {
        match self {
            Text::Is(c) => c,
            Text::Upper(s) => Cow::Owned(s.to_ascii_lowercase()),
            Text::Folded(w) => match w.text() {
                Cow::Borrowed(raw) => folded_raw(raw),
                Cow::Owned(raw) => Cow::Owned(folded_raw(&raw).into_owned()),
            },
        }
    }

    /// Appends the key's weighted-distance codes (a short span is lower-cased on the stack, not copied).
    fn encode_into(&self, out: &mut Vec<u8>) {
        match self {
            Text::Is(c) => distance::encode_into(c, out),
            Text::Upper(s) => {
                let mut buf = [0u8; 64];
                match buf.get_mut(..s.len()) {
                    Some(b) => {
                        b.copy_from_slice(s.as_bytes());
                        b.make_ascii_lowercase();
                        distance::encode_into(std::str::from_utf8(b).unwrap_or_default(), out);
                    }
                    None => distance::encode_into(&s.to_ascii_lowercase(), out),
                }
            }
            Text::Folded(Written::Utf8(raw)) => distance::encode_folded_into(raw, out),
            // The letters' codes straight from the record's code; the text is built only for the general path.
            Text::Folded(w @ Written::Code(code)) => {
                if !distance::encode_folded_letters(compact::chars(code), out) {
                    distance::encode_folded_into(&w.text(), out);
                }
            }
        }
    }
}

/// Reads a span of an entry's record, its bytes as they are (in the record's code, [`compact`]).
fn read_span_bytes<'a>(r: &mut Reader<'_>, entry: &'a [u8]) -> Option<&'a [u8]> {
    let at = usize::try_from(r.varint()?).ok()?;
    let len = usize::try_from(r.varint()?).ok()?;
    entry.get(at..at.checked_add(len)?)
}

/// Reads a span of an entry's record holding a Latin key up to ASCII case: the key is its lower case.
fn read_latin_span<'a>(r: &mut Reader<'_>, entry: &'a [u8]) -> Option<Text<'a>> {
    Some(match compact::decode(read_span_bytes(r, entry)?)? {
        Cow::Borrowed(text) if text.bytes().any(|b| b.is_ascii_uppercase()) => Text::Upper(text),
        Cow::Borrowed(text) => Text::Is(Cow::Borrowed(text)),
        Cow::Owned(mut text) => {
            text.make_ascii_lowercase();
            Text::Is(Cow::Owned(text))
        }
    })
}

/// Where `needle` occurs in `hay`, ASCII case ignored when `any_case`: (offset, length).
fn find(hay: &[u8], needle: &[u8], any_case: bool) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| {
            if any_case {
                w.eq_ignore_ascii_case(needle)
            } else {
                w == needle
            }
        })
        .map(|at| (at, needle.len()))
}

/// Writes the keys of form `form` of an entry: the form's number, the entry's scripts, then per token what cannot be derived cheaply: the
/// written form (Arabic) or the `search` key (Latin), as a span of the entry's record (`entry`, the record as
/// [`encode_entry`] wrote it; empty when the store keeps no entries) when it occurs there, and the Latin key when
/// it is a transliteration. The skeletons ([`token_skeleton`]), the joined keys and the weighted-distance codes
/// are derived when the record is read ([`decode_keys`]).
pub(crate) fn encode_keys(out: &mut Vec<u8>, form: u32, k: &NameKeys<'_>, entry: &[u8]) {
    put_varint(out, u64::from(form));
    // The entry's scripts and the number of tokens in one byte (a count of 63 or more follows it).
    let n = k.tokens.len();
    out.push(u8::from(k.entry_arabic) | (u8::from(k.entry_latin) << 1) | ((n.min(63) as u8) << 2));
    if n >= 63 {
        put_varint(out, n as u64);
    }
    for t in &k.tokens {
        let folded = t.arabic && folded_raw(&t.raw) == t.search;
        let latin_is_search = t.latin == t.search;
        // The text a token's other keys come from: an Arabic token's written form, a Latin token's `search` key.
        let (text, any_case) = if t.arabic {
            (t.raw.as_ref(), false)
        } else {
            (t.search.as_ref(), true)
        };
        let lower = |s: &str| s.bytes().all(|b| !b.is_ascii_uppercase());
        // The record holds its text in its code: the text is looked for in that code.
        let span = if t.arabic || lower(&t.search) {
            find(entry, &compact::encode(text), any_case)
        } else {
            None
        };
        let latin_span = if !latin_is_search && lower(&t.latin) {
            find(entry, &compact::encode(&t.latin), true)
        } else {
            None
        };
        out.push(
            if t.arabic { TOKEN_ARABIC } else { 0 }
                | if folded { SEARCH_IS_FOLDED_RAW } else { 0 }
                | if latin_is_search { LATIN_IS_SEARCH } else { 0 }
                | if span.is_some() { TEXT_IN_ENTRY } else { 0 }
                | if latin_span.is_some() {
                    LATIN_IN_ENTRY
                } else {
                    0
                },
        );
        match span {
            Some((at, len)) => put_span(out, at, len),
            None if t.arabic => put_bytes(out, t.raw.as_bytes()),
            None => {}
        }
        if t.arabic && !folded {
            put_bytes(out, t.search.as_bytes());
        }
        if !t.arabic && span.is_none() {
            put_bytes(out, t.search.as_bytes());
        }
        match latin_span {
            Some((at, len)) => put_span(out, at, len),
            None if !latin_is_search => put_bytes(out, t.latin.as_bytes()),
            None => {}
        }
    }
}

fn folded_raw(raw: &str) -> Cow<'_, str> {
    crate::normalize::fold(raw, crate::normalize::Folds::LETTERS)
}

/// One token of a form record, as stored.
struct StoredToken<'a> {
    arabic: bool,
    raw: Written<'a>,
    search: Text<'a>,
    /// `None` when it is the `search` key.
    latin: Option<Text<'a>>,
}

/// The head of a form record: the form's number in its entry, the entry's script flags, and its number of
/// tokens.
fn read_head(r: &mut Reader<'_>) -> Option<(u32, u8, usize)> {
    let form = u32::try_from(r.varint()?).ok()?;
    let flags = r.u8()?;
    let n = match flags >> 2 {
        63 => usize::try_from(r.varint()?).ok()?,
        n => usize::from(n),
    };
    Some((form, flags & 3, n))
}

/// Reads one token of a form record; `entry` is its entry's record (for the spans).
fn read_token<'a>(r: &mut Reader<'a>, entry: &'a [u8]) -> Option<StoredToken<'a>> {
    let f = r.u8()?;
    let arabic = f & TOKEN_ARABIC != 0;
    let in_entry = f & TEXT_IN_ENTRY != 0;
    let (raw, search) = if arabic {
        let raw = if in_entry {
            Written::Code(read_span_bytes(r, entry)?)
        } else {
            Written::Utf8(r.str()?)
        };
        let search = if f & SEARCH_IS_FOLDED_RAW != 0 {
            Text::Folded(raw)
        } else {
            Text::Is(Cow::Borrowed(r.str()?))
        };
        (raw, search)
    } else if in_entry {
        (Written::Utf8(""), read_latin_span(r, entry)?)
    } else {
        (Written::Utf8(""), Text::Is(Cow::Borrowed(r.str()?)))
    };
    let latin = if f & LATIN_IS_SEARCH != 0 {
        None
    } else if f & LATIN_IN_ENTRY != 0 {
        Some(read_latin_span(r, entry)?)
    } else {
        Some(Text::Is(Cow::Borrowed(r.str()?)))
    };
    Some(StoredToken {
        arabic,
        raw,
        search,
        latin,
    })
}

/// Reads what [`encode_keys`] wrote, borrowing what it can; the form belongs to entry `entry_number`, whose
/// record is `entry` (empty when the store keeps no entries).
pub(crate) fn decode_keys<'a>(
    record: &'a [u8],
    entry_number: u32,
    entry: &'a [u8],
) -> Option<(FormRef, NameKeys<'a>)> {
    let mut r = Reader::at(record, 0);
    let (form, flags, n) = read_head(&mut r)?;
    let form = FormRef {
        entry: entry_number,
        form,
    };
    let mut tokens = Vec::with_capacity(n.min(64));
    for _ in 0..n {
        let t = read_token(&mut r, entry)?;
        let search = t.search.into_cow();
        let raw = t.raw.text();
        let skeleton = Cow::Owned(token_skeleton(t.arabic, &raw, &search, false));
        let latin = match t.latin {
            Some(l) => l.into_cow(),
            None => search.clone(),
        };
        tokens.push(TokenKeys {
            arabic: t.arabic,
            search_code: Cow::Owned(distance::encode(&search)),
            latin_code: Cow::Owned(distance::encode(&latin)),
            raw,
            search,
            skeleton,
            latin,
        });
    }
    let mut keys = NameKeys {
        entry_arabic: flags & 1 == 1,
        entry_latin: flags & 2 == 2,
        ..NameKeys::default()
    };
    if let [t] = tokens.as_slice() {
        keys.search = t.search.clone();
        keys.skeleton = t.skeleton.clone();
        keys.latin = t.latin.clone();
        keys.search_code = t.search_code.clone();
        keys.latin_code = t.latin_code.clone();
        keys.raw = t.raw.clone();
    } else {
        keys.search = Cow::Owned(tokens.iter().map(|t| t.search.as_ref()).collect());
        keys.skeleton = Cow::Owned(tokens.iter().map(|t| t.skeleton.as_ref()).collect());
        keys.latin = Cow::Owned(tokens.iter().map(|t| t.latin.as_ref()).collect());
        keys.search_code = Cow::Owned(
            tokens
                .iter()
                .flat_map(|t| t.search_code.iter().copied())
                .collect(),
        );
        keys.latin_code = Cow::Owned(
            tokens
                .iter()
                .flat_map(|t| t.latin_code.iter().copied())
                .collect(),
        );
        keys.raw = Cow::Owned(
            tokens
                .iter()
                .filter(|t| t.arabic)
                .map(|t| t.raw.as_ref())
                .collect::<Vec<&str>>()
                .join(" "),
        );
    }
    keys.tokens = tokens;
    Some((form, keys))
}

/// Bits of an entry record's head byte: the entity type in the lowest two, then which optional fields follow
/// (a field left out is empty).
const HAS_EN_VARIANTS: u8 = 1 << 2;
const HAS_AR_VARIANTS: u8 = 1 << 3;
const HAS_NOTE: u8 = 1 << 4;
const HAS_EXTRA: u8 = 1 << 5;
/// The head's top two bits hold the entry's layer when it is below 3; 3 means that the layer follows the fields.
const LAYER_SHIFT: u8 = 6;

/// The line entry `index` is expected on: that of a single CSV file with its header on line 1. An entry record
/// stores its line as the difference from it (one byte for most entries).
fn expected_line(index: usize) -> i64 {
    index as i64 + 2
}

/// Writes the record of entry `index`: the head byte (type, fields present, layer); the id, English and Arabic
/// names; the English variants, Arabic variants, note and extra columns when not empty; the layer when 3 or
/// more; the line, against [`expected_line`]. Texts are in the one-byte code of [`compact`], each after its
/// length; a list after its number of items.
/// The record of entry number `index` of a store, for [`Builder::push_entry_record`]: made apart, so that a large
/// glossary's records are made on all cores.
pub(crate) fn entry_record(e: &Entry, index: usize) -> Vec<u8> {
    let mut out = Vec::new();
    encode_entry(&mut out, e, index);
    out
}

fn encode_entry(out: &mut Vec<u8>, e: &Entry, index: usize) {
    let list = |out: &mut Vec<u8>, v: &[String]| {
        put_varint(out, v.len() as u64);
        for s in v {
            put_text(out, s);
        }
    };
    let kind = match e.kind {
        EntityType::Per => 0,
        EntityType::Loc => 1,
        EntityType::Org => 2,
        EntityType::Misc => 3,
    };
    let flag = |present: bool, bit: u8| if present { bit } else { 0 };
    let layer = e.origin.layer.min(3) as u8;
    out.push(
        kind | flag(!e.en_variants.is_empty(), HAS_EN_VARIANTS)
            | flag(!e.ar_variants.is_empty(), HAS_AR_VARIANTS)
            | flag(!e.note.is_empty(), HAS_NOTE)
            | flag(!e.extra.is_empty(), HAS_EXTRA)
            | (layer << LAYER_SHIFT),
    );
    put_text(out, &e.id);
    put_text(out, &e.en);
    put_text(out, &e.ar);
    if !e.en_variants.is_empty() {
        list(out, &e.en_variants);
    }
    if !e.ar_variants.is_empty() {
        list(out, &e.ar_variants);
    }
    if !e.note.is_empty() {
        put_text(out, &e.note);
    }
    if !e.extra.is_empty() {
        put_varint(out, e.extra.len() as u64);
        for (k, v) in &e.extra {
            put_text(out, k);
            put_text(out, v);
        }
    }
    if layer == 3 {
        put_varint(out, e.origin.layer as u64);
    }
    put_varint(
        out,
        zigzag((e.origin.line as i64).wrapping_sub(expected_line(index))),
    );
}

/// The origin (layer, line) of the record of entry `index`, the texts before it skipped unread.
fn entry_origin(record: &[u8], index: usize) -> Option<(usize, u64)> {
    let mut r = Reader::at(record, 0);
    let head = r.u8()?;
    for _ in 0..3 {
        r.bytes()?;
    }
    for flag in [HAS_EN_VARIANTS, HAS_AR_VARIANTS] {
        for _ in 0..r.list_len(head, flag)? {
            r.bytes()?;
        }
    }
    if head & HAS_NOTE != 0 {
        r.bytes()?;
    }
    for _ in 0..r.list_len(head, HAS_EXTRA)? {
        r.bytes()?;
        r.bytes()?;
    }
    r.origin(head, index)
}

/// The entry that the record of entry `index` holds.
fn decode_entry(record: &[u8], index: usize) -> Option<Entry> {
    let mut r = Reader::at(record, 0);
    let string = |r: &mut Reader<'_>| r.text().map(Cow::into_owned);
    let list = |r: &mut Reader<'_>, head: u8, flag: u8| -> Option<Vec<String>> {
        let n = usize::try_from(r.list_len(head, flag)?).ok()?;
        (0..n).map(|_| r.text().map(Cow::into_owned)).collect()
    };
    let head = r.u8()?;
    let kind = *EntityType::ALL.get(usize::from(head & 3))?;
    let id = string(&mut r)?;
    let en = string(&mut r)?;
    let ar = string(&mut r)?;
    let en_variants = list(&mut r, head, HAS_EN_VARIANTS)?;
    let ar_variants = list(&mut r, head, HAS_AR_VARIANTS)?;
    let note = if head & HAS_NOTE != 0 {
        string(&mut r)?
    } else {
        String::new()
    };
    let n = usize::try_from(r.list_len(head, HAS_EXTRA)?).ok()?;
    let extra = (0..n)
        .map(|_| Some((string(&mut r)?, string(&mut r)?)))
        .collect::<Option<Vec<_>>>()?;
    let (layer, line) = r.origin(head, index)?;
    let origin = Origin { layer, line };
    Some(Entry {
        id,
        kind,
        en,
        ar,
        en_variants,
        ar_variants,
        note,
        extra,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_entries_round_trip() {
        // A name of 70 words: its token count does not fit in the head byte.
        let long: String = (0..70u8)
            .map(|i| {
                format!(
                    "Kar{}{} ",
                    char::from(b'a' + i / 26),
                    char::from(b'a' + i % 26)
                )
            })
            .collect();
        assert!(NameKeys::new(&long, true).tokens.len() >= 63);
        for name in [
            "ناغورنو كاراباخ",
            "Vladimir Putin",
            "بيسكوف",
            "عبد الله بن زايد",
            long.trim(),
        ] {
            let keys = NameKeys::new(name, true);
            let r = FormRef { entry: 7, form: 2 };
            // Alone, and with an entry record holding the name (its text is then a span of the record).
            let mut record = Vec::new();
            encode_entry(
                &mut record,
                &Entry {
                    en: name.to_string(),
                    ..Entry::default()
                },
                r.entry as usize,
            );
            let mut sizes = Vec::new();
            for entry in [&[][..], &record[..]] {
                let mut out = Vec::new();
                encode_keys(&mut out, r.form, &keys, entry);
                let (r2, back) = decode_keys(&out, r.entry, entry).expect("decodes");
                assert_eq!(r2, r);
                assert_eq!(back, keys, "{name}");
                sizes.push(out.len());
                // A damaged record reads as nothing, never panics.
                for cut in 0..out.len() {
                    let _ = decode_keys(out.get(..cut).unwrap_or_default(), r.entry, entry);
                }
            }
            // Particles joined (عبدالله) are no span of the record, and stay stored.
            assert!(sizes[1] <= sizes[0], "{name}: {sizes:?}");
            if !name.starts_with("عبد") {
                assert!(sizes[1] < sizes[0], "{name}: {sizes:?}");
            }
        }
        let e = Entry {
            id: "x".into(),
            kind: EntityType::Org,
            en: "Kremlin".into(),
            ar: "الكرملين".into(),
            en_variants: vec!["The Kremlin".into()],
            ar_variants: vec!["الكريملن".into(), "كرملين".into()],
            note: "n".into(),
            extra: vec![("wikidata".into(), "Q1".into())],
            origin: Origin { layer: 2, line: 40 },
        };
        let mut out = Vec::new();
        encode_entry(&mut out, &e, 12);
        assert_eq!(decode_entry(&out, 12), Some(e.clone()));
        assert_eq!(entry_origin(&out, 12), Some((2, 40)));
        // A damaged record reads as nothing, never panics.
        for cut in 0..out.len() {
            let _ = decode_entry(out.get(..cut).unwrap_or_default(), 12);
        }
        // The optional fields left out; a layer of 3 or more, and a line before the one expected.
        let bare = Entry {
            en_variants: Vec::new(),
            note: String::new(),
            extra: Vec::new(),
            origin: Origin { layer: 7, line: 3 },
            ..e
        };
        out.clear();
        encode_entry(&mut out, &bare, 500);
        assert_eq!(decode_entry(&out, 500), Some(bare));
        assert_eq!(entry_origin(&out, 500), Some((7, 3)));
    }

    #[test]
    fn verdicts_test_each_remembered_text_once() {
        let calls = std::cell::Cell::new(0);
        let test = |t: &[u8]| {
            calls.set(calls.get() + 1);
            t == "بي".as_bytes()
        };
        let mut v = Verdicts::default();
        let got: Vec<bool> = ["بي", "بى", "بي", "بى", "بي"]
            .into_iter()
            .map(|t| v.of(t.as_bytes(), test))
            .collect();
        assert_eq!(got, [true, false, true, false, true]);
        assert_eq!(calls.get(), 2);
        // Four texts are remembered; a fifth pushes out the oldest, which is then tested again.
        for t in ["a", "b", "c", "d", "بي"] {
            v.of(t.as_bytes(), test);
        }
        assert_eq!(calls.get(), 7);
    }

    #[test]
    fn hashed_tables_answer_as_the_fst_maps() {
        let mut entries = crate::synth::Generator::new(3)
            .glossary(2000)
            .entries()
            .to_vec();
        // Two keys whose hashes agree in their low 32 bits, so in fingerprint and bucket (a table this small has
        // fewer than 16 bucket bits): a look-up of either finds only its own entry.
        let mut seen: FxHashMap<u32, String> = FxHashMap::default();
        let (a, b) = (0..1_000_000)
            .map(|i| format!("k{i}"))
            .find_map(|k| {
                seen.insert(key_hash(&k) as u32, k.clone())
                    .map(|other| (other, k))
            })
            .expect("a collision among a million keys");
        for (i, en) in [&a, &b].into_iter().enumerate() {
            entries.push(Entry {
                id: format!("c{i}"),
                en: en.clone(),
                ..Entry::default()
            });
        }
        let glossary = crate::glossary::Glossary::from_entries("t", entries);
        let hashed = crate::matcher::build_store(&glossary, true, true);
        let plain = crate::matcher::build_store(&glossary, true, false);
        assert!(matches!(hashed.normalized, RefMap::Hashed));
        assert!(HashedTable::parse(hashed.section(NORMALIZED)).is_some_and(|t| t.bits <= 16));
        assert!(matches!(hashed.family, RefMap::Hashed));
        assert!(matches!(plain.normalized, RefMap::Fst(_)));
        let mut keys: Vec<String> = Vec::new();
        for e in glossary.entries() {
            for f in e.forms() {
                let k = crate::normalize::search(f).into_owned();
                keys.extend(titles::family_of_key(&k));
                keys.push(k.chars().skip(1).collect());
                keys.push(k);
            }
        }
        for k in &keys {
            assert_eq!(hashed.normalized(k), plain.normalized(k), "{k}");
            let family = plain.family(k);
            assert_eq!(hashed.family(k), family, "{k}");
            // Each person of a family name once, by the first of their forms, in table order; read only as far
            // as asked.
            let mut people: Vec<FormRef> = Vec::new();
            for r in &family {
                if !people.iter().any(|p| p.entry == r.entry) {
                    people.push(*r);
                }
            }
            for most in [1, 2, 5] {
                let first: Vec<FormRef> = people.iter().take(most + 1).copied().collect();
                assert_eq!(hashed.family_people(k, most), first, "{k}");
                assert_eq!(plain.family_people(k, most), first, "{k}");
            }
        }
        let n = glossary.entries().len() as u32;
        assert_eq!(
            hashed.normalized(&a),
            [FormRef {
                entry: n - 2,
                form: 0
            }]
        );
        assert_eq!(
            hashed.normalized(&b),
            [FormRef {
                entry: n - 1,
                form: 0
            }]
        );
        // Every form of every entry is where `entry_form` says.
        for (i, e) in glossary.entries().iter().enumerate() {
            let record = hashed.record(ENTRY_OFFSETS, ENTRIES, i).expect("record");
            let forms: Vec<String> = (0..8)
                .map_while(|f| entry_form(record, f))
                .map(|f| compact::decode(f).expect("decodes").into_owned())
                .collect();
            assert_eq!(forms, e.forms().collect::<Vec<_>>());
            assert_eq!(entry_origin(record, i), Some(e.origin.cmp_key()));
        }
    }

    #[test]
    fn offsets_tables_find_every_record() {
        // 40 entries (blocks of 16: two full, one partial); then the same with one record of 70,000 bytes, which
        // 16-bit offsets cannot span (plain offsets then).
        for long_note in [0, 70_000] {
            let entries: Vec<Entry> = (0..40)
                .map(|i| Entry {
                    id: format!("e{i}"),
                    en: "x".repeat(i),
                    note: if i == 20 {
                        "n".repeat(long_note)
                    } else {
                        String::new()
                    },
                    ..Entry::default()
                })
                .collect();
            let mut b = Builder::default();
            for e in &entries {
                b.entry(e);
            }
            let s = b.finish();
            let wide = u32::from_le_bytes(s.section(ENTRY_OFFSETS)[..4].try_into().unwrap());
            assert_eq!(wide == WIDE_OFFSETS as u32, long_note > 0);
            for (i, e) in entries.iter().enumerate() {
                assert_eq!(s.entry(i).as_ref(), Some(e));
            }
            assert!(s.entry(40).is_none());
            // A table of the wrong length is refused.
            let mut bytes = s.as_bytes().to_vec();
            bytes[TABLE - 16..TABLE - 8].copy_from_slice(&60u64.to_le_bytes());
            assert!(Store::from_bytes(Bytes::Owned(bytes)).is_err());
        }
        let (starts, end) = ([0u64, 3, 3, 10], 12);
        let table = offsets_table(&starts, end).expect("table");
        assert_eq!(table.len(), 4 + OFFSET_BLOCK_BYTES);
        assert_eq!(offsets_len(&table, 4), Some(table.len()));
    }

    #[test]
    fn form_codes_are_the_decoded_keys_codes() {
        let names = [
            "ناغورنو كاراباخ",
            "Vladimir Putin",
            "بيسكوف",
            "عبد الله بن زايد",
            "Peskov",
            "قرة باغ",
        ];
        let mut b = Builder::default();
        for n in names {
            b.form(
                FormRef::default(),
                &NameKeys::new(n, true),
                std::iter::empty(),
            );
        }
        let s = b.finish();
        let mut codes = Vec::new();
        for (id, n) in names.iter().enumerate() {
            let (_, k) = s.form(id as u32).expect("form");
            let arabic = k.tokens.first().is_some_and(|t| t.arabic);
            for q_arabic in [true, false] {
                assert_eq!(s.form_codes(id as u32, q_arabic, &mut codes), Some(arabic));
                let expected = if arabic == q_arabic {
                    &k.search_code
                } else {
                    &k.latin_code
                };
                assert_eq!(&codes[..], &expected[..], "{n} {q_arabic}");
            }
        }
    }

    #[test]
    fn maps_and_postings() {
        let mut b = Builder::default();
        let r = |entry, form| FormRef { entry, form };
        b.normalized("a".into(), r(1, 0));
        b.normalized("b".into(), r(1, 0));
        b.normalized("b".into(), r(2, 3));
        b.normalized("b".into(), r(1, 0));
        let keys = NameKeys::new("بيسكوف", true);
        for _ in 0..300 {
            b.form(r(0, 0), &keys, ["K"].into_iter());
        }
        b.form(r(0, 0), &keys, ["L"].into_iter());
        let s = b.finish();
        assert_eq!(s.normalized("a"), [r(1, 0)]);
        assert_eq!(s.normalized("b"), [r(1, 0), r(2, 3)]);
        assert!(s.normalized("c").is_empty());
        let p = s.postings("K").expect("list");
        assert_eq!(p.len, 300);
        assert_eq!(p.collect::<Vec<u32>>(), (0..300).collect::<Vec<u32>>());
        assert_eq!(
            s.postings("L").map(|p| p.collect::<Vec<_>>()),
            Some(vec![300])
        );
        assert_eq!(s.form(5).map(|(_, k)| k), Some(keys));
        assert!(s.form(301).is_none());
        // Damaged bytes are refused or read as missing, never a panic.
        let bytes = s.as_bytes().to_vec();
        for cut in [0, 10, TABLE, bytes.len() / 2, bytes.len() - 1] {
            let _ = Store::from_bytes(Bytes::Owned(bytes.get(..cut).unwrap_or_default().to_vec()));
        }
    }
}
