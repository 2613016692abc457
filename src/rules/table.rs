//! Word lists compiled into the program by `build.rs`, so that no start-up reads or hashes them: each list is one
//! string with the words' start offsets ([`Strings`]) and an open-addressed table of slots ([`WordTable`]). Offsets
//! rather than `&str`s, so that the loader has no pointer to relocate per word.

include!("table_slot.rs");

/// Strings kept in one text: string `i` is `text[starts[i]..starts[i + 1]]`.
#[derive(Debug)]
pub(crate) struct Strings {
    /// The strings, one after the other.
    pub(crate) text: &'static str,
    /// Where each string starts in `text`, and where the last one ends.
    pub(crate) starts: &'static [u32],
}

impl Strings {
    /// String `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&'static str> {
        let start = *self.starts.get(i)? as usize;
        let end = *self.starts.get(i + 1)? as usize;
        self.text.get(start..end)
    }
}

/// A set of words, each with its index in `words`, found through `slots` (a power of two of them, at most half
/// full; each the index of a word or [`NO_WORD`]).
#[derive(Debug)]
pub(crate) struct WordTable {
    /// The words.
    pub(crate) words: Strings,
    /// The open-addressed slots ([`word_slot`], linear probing).
    pub(crate) slots: &'static [u16],
}

impl WordTable {
    /// The index of `word` in the table's words.
    pub(crate) fn index(&self, word: &str) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut slot = word_slot(word.as_bytes(), mask);
        loop {
            let i = *self.slots.get(slot)?;
            if i == NO_WORD {
                return None;
            }
            let i = usize::from(i);
            if self.words.get(i) == Some(word) {
                return Some(i);
            }
            slot = (slot + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found_in_its_place_and_no_other() {
        // A table laid out as build.rs lays one out.
        let words = ["باشينيان", "بوتين", "", "a"];
        let mut text = String::new();
        let mut starts = vec![0u32];
        for w in words {
            text.push_str(w);
            starts.push(text.len() as u32);
        }
        let mut slots = vec![NO_WORD; 8];
        for (i, w) in words.iter().enumerate() {
            let mut s = word_slot(w.as_bytes(), 7);
            while slots[s] != NO_WORD {
                s = (s + 1) & 7;
            }
            slots[s] = i as u16;
        }
        let table = WordTable {
            words: Strings {
                text: Box::leak(text.into_boxed_str()),
                starts: Box::leak(starts.into_boxed_slice()),
            },
            slots: Box::leak(slots.into_boxed_slice()),
        };
        assert_eq!(table.words.get(1), Some("بوتين"));
        assert_eq!(table.words.get(4), None);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.index(w), Some(i));
        }
        assert_eq!(table.index("بوتي"), None);
        assert_eq!(table.index("b"), None);
    }
}
