//! The skeleton index as a build gathers it: every key a form is indexed under ([`super::fuzzy::index_entries`])
//! and the forms under each, before the store lays them out as an `fst` map and posting lists.
//!
//! A build adds tens of millions of (key, form) postings over millions of distinct keys (25M over 2.8M for the
//! compare suite's 1M-entry glossary). A map from each key's own string to its own list of forms cost three cache
//! misses a posting (the bucket, the key's text behind it, the list behind that) and two allocations a key. Here a
//! key is interned once: its text goes to one buffer, and a hash table of small slots finds its number; a posting
//! is appended to one array. The lists are put together once at the end, by a counting sort in key order.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rayon::slice::ParallelSliceMut;

/// The keys and postings gathered so far.
#[derive(Default)]
pub(super) struct SkeletonPostings {
    /// Key numbers, found by the hash of their text.
    table: HashTable<Slot>,
    /// The keys' texts, back to back: key `k` ends at `ends[k]` and starts where key `k - 1` ends.
    text: Vec<u8>,
    ends: Vec<usize>,
    /// The key numbers of the postings, in the order they were added: form by form, in ascending ids.
    keys: Vec<u32>,
    /// Where each form's postings start in `keys`, by form id (a form with none starts where the next does).
    form_starts: Vec<u32>,
}

/// A key in the table: its length and first eight bytes ([`prefix`]: a key no longer than that is compared, and
/// rehashed when the table grows, without reading its text), its number and the last form added under it.
#[derive(Clone, Copy)]
struct Slot {
    head: u64,
    len: u32,
    key: u32,
    last_form: u32,
}

impl SkeletonPostings {
    /// Room for the keys of about `forms` forms more: a large build's arrays are not grown (copied, and their
    /// pages touched twice) step by step. Room never used costs no memory but address space.
    pub(super) fn reserve(&mut self, forms: usize) {
        // Per form: about six keys, of about eight bytes, and fewer new ones (the compare suite's synthetic
        // glossaries: 6.5 postings and 0.7 new keys a form). The table is sized for the keys it will hold: its
        // slots are all touched, room or not.
        self.keys.reserve(forms.saturating_mul(8));
        self.form_starts.reserve(forms);
        self.ends.reserve(forms);
        self.text.reserve(forms.saturating_mul(8));
        let (text, ends) = (&self.text, &self.ends);
        self.table
            .reserve(forms / 4 * 3, |s| slot_hash(text, ends, s));
    }

    /// Indexes `form` under `key`. Forms come in ascending ids; a form added twice under one key in a row is
    /// indexed once.
    pub(super) fn add(&mut self, key: &str, form: u32) {
        let hash = key_hash(key.as_bytes());
        let SkeletonPostings {
            table,
            text,
            ends,
            keys,
            form_starts,
        } = self;
        let Ok(posting) = u32::try_from(keys.len()) else {
            // Over four billion postings: no store could hold them anyway.
            return;
        };
        while form_starts.len() <= form as usize {
            form_starts.push(posting);
        }
        let head = prefix(key.as_bytes());
        let Ok(len) = u32::try_from(key.len()) else {
            return;
        };
        let found = table.find_mut(hash, |s| {
            s.head == head
                && s.len == len
                && (len <= 8
                    || key_text(text, ends, s.key).and_then(|t| t.get(8..))
                        == key.as_bytes().get(8..))
        });
        match found {
            Some(slot) if slot.last_form == form => {}
            Some(slot) => {
                slot.last_form = form;
                keys.push(slot.key);
            }
            None => {
                let Ok(k) = u32::try_from(ends.len()) else {
                    // Over four billion distinct keys: no store could hold their lists anyway.
                    return;
                };
                text.extend_from_slice(key.as_bytes());
                ends.push(text.len());
                table.insert_unique(
                    hash,
                    Slot {
                        head,
                        len,
                        key: k,
                        last_form: form,
                    },
                    |s| slot_hash(text, ends, s),
                );
                keys.push(k);
            }
        }
    }

    /// The number of distinct keys.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Calls `f` with every key, in byte order, and the forms indexed under it (ascending); stops at the first
    /// error `f` returns.
    pub(super) fn for_each_sorted<E>(
        self,
        mut f: impl FnMut(&[u8], &[u32]) -> Result<(), E>,
    ) -> Result<(), E> {
        // The table first, whose memory the lists can then reuse.
        drop(self.table);
        let (text, ends, posted, form_starts) = (self.text, self.ends, self.keys, self.form_starts);
        let keys = ends.len();
        // Sorted by their first eight bytes as a number (most keys are shorter: no text is read), then by text.
        let mut order: Vec<(u64, u32)> = (0..keys)
            .filter_map(|k| u32::try_from(k).ok())
            .map(|k| (prefix(key_text(&text, &ends, k).unwrap_or_default()), k))
            .collect();
        order.par_sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| key_text(&text, &ends, a.1).cmp(&key_text(&text, &ends, b.1)))
        });
        let order: Vec<u32> = order.into_iter().map(|(_, k)| k).collect();
        // Where each key's list starts in `forms`, laid out in key order: the lists' lengths summed in that order.
        let mut start = vec![0usize; keys];
        for &k in &posted {
            if let Some(n) = start.get_mut(k as usize) {
                *n += 1;
            }
        }
        let mut at = 0;
        for &k in &order {
            if let Some(n) = start.get_mut(k as usize) {
                let len = *n;
                *n = at;
                at += len;
            }
        }
        // Each posting to its place; a key's forms keep the ascending order they came in.
        let mut next = start.clone();
        let mut forms = vec![0u32; posted.len()];
        let ranges = form_starts.iter().map(|&s| s as usize).zip(
            form_starts
                .iter()
                .skip(1)
                .map(|&s| s as usize)
                .chain([posted.len()]),
        );
        for (form, (from, to)) in ranges.enumerate() {
            let Ok(form) = u32::try_from(form) else {
                break;
            };
            for &k in posted.get(from..to).unwrap_or_default() {
                if let Some(n) = next.get_mut(k as usize) {
                    if let Some(slot) = forms.get_mut(*n) {
                        *slot = form;
                    }
                    *n += 1;
                }
            }
        }
        drop(posted);
        for &k in &order {
            let (Some(&from), Some(&to)) = (start.get(k as usize), next.get(k as usize)) else {
                continue;
            };
            f(
                key_text(&text, &ends, k).unwrap_or_default(),
                forms.get(from..to).unwrap_or_default(),
            )?;
        }
        Ok(())
    }
}

/// The hash of a key's text.
fn key_hash(key: &[u8]) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(key)
}

/// The hash of the key in `slot`, from its first eight bytes when it has no more, else from its text.
fn slot_hash(text: &[u8], ends: &[usize], slot: &Slot) -> u64 {
    if slot.len <= 8 {
        let bytes = slot.head.to_be_bytes();
        key_hash(bytes.get(..slot.len as usize).unwrap_or_default())
    } else {
        key_hash(key_text(text, ends, slot.key).unwrap_or_default())
    }
}

/// The first eight bytes of a key as a big-endian number, zeros after a shorter key's end: in the keys' byte
/// order wherever two differ (two that agree may still differ further on).
fn prefix(key: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    for (b, &k) in bytes.iter_mut().zip(key) {
        *b = k;
    }
    u64::from_be_bytes(bytes)
}

/// The text of key `k`.
fn key_text<'t>(text: &'t [u8], ends: &[usize], k: u32) -> Option<&'t [u8]> {
    let k = k as usize;
    let end = *ends.get(k)?;
    let start = match k {
        0 => 0,
        _ => *ends.get(k - 1)?,
    };
    text.get(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key once, in byte order, with its forms ascending and each once, however the adds interleave.
    #[test]
    fn lists_come_sorted_by_key_with_their_forms_in_order() {
        let mut p = SkeletonPostings::default();
        let adds = [
            ("KRM", 0),
            ("BTN", 0),
            ("KRM", 1),
            ("KRM", 1),
            ("A", 2),
            ("BTN", 3),
            ("KRMLN", 3),
            ("KRM", 4),
        ];
        for (key, form) in adds {
            p.add(key, form);
        }
        assert_eq!(p.len(), 4);
        let mut seen: Vec<(String, Vec<u32>)> = Vec::new();
        p.for_each_sorted(|key, forms| {
            seen.push((String::from_utf8_lossy(key).into_owned(), forms.to_vec()));
            Ok::<(), ()>(())
        })
        .unwrap();
        let expected = [
            ("A", vec![2]),
            ("BTN", vec![0, 3]),
            ("KRM", vec![0, 1, 4]),
            ("KRMLN", vec![3]),
        ];
        assert_eq!(
            seen,
            expected
                .iter()
                .map(|(k, f)| (k.to_string(), f.clone()))
                .collect::<Vec<_>>()
        );
    }

    /// The same postings as the plain map (key → list) a build kept before, on many keys, short and long, that
    /// share prefixes (so the table grows and probes).
    #[test]
    fn agrees_with_a_plain_map() {
        let mut p = SkeletonPostings::default();
        let mut plain: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for form in 0..20_000u32 {
            for _ in 0..3 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // Short keys, and long ones that share their first eight bytes (told apart by the rest).
                let key = match x % 3 {
                    0 => format!("LONGHEAD{}", x % 1_000),
                    _ => format!("K{}", x % 5_000),
                };
                p.add(&key, form);
                let list = plain.entry(key).or_default();
                if list.last() != Some(&form) {
                    list.push(form);
                }
            }
        }
        let mut got = Vec::new();
        p.for_each_sorted(|key, forms| {
            got.push((String::from_utf8_lossy(key).into_owned(), forms.to_vec()));
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(got, plain.into_iter().collect::<Vec<_>>());
    }

    /// An error from the callback stops the walk and comes back.
    #[test]
    fn an_error_stops_the_walk() {
        let mut p = SkeletonPostings::default();
        p.add("B", 0);
        p.add("A", 1);
        let mut calls = 0;
        let r = p.for_each_sorted(|_, _| {
            calls += 1;
            Err("stop")
        });
        assert_eq!((r, calls), (Err("stop"), 1));
    }
}
