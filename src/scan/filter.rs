//! A filter of keys: one bit per slot of a hash of the key, so that a word that is surely not one of the keys
//! (nearly every word of running text) is ruled out without probing a hash table and comparing strings.

use std::hash::Hasher;

use rustc_hash::FxHasher;

/// A set of keys that answers "perhaps" or "surely not". False positives are possible (the caller then looks the
/// key up for real), false negatives are not.
#[derive(Clone, Default)]
pub(crate) struct KeyFilter {
    bits: Vec<u64>,
    /// The number of slots less one (a power of two less one); 0 when empty.
    mask: usize,
}

/// Slots per key: few enough to stay small, enough that about one word in twenty passes by chance.
const SLOTS_PER_KEY: usize = 16;
/// The most slots (a 1 MB table), for glossaries of hundreds of thousands of names.
const MAX_SLOTS: usize = 1 << 23;

impl KeyFilter {
    /// A filter of these keys.
    pub(crate) fn new<'k>(keys: impl Iterator<Item = &'k str> + Clone) -> KeyFilter {
        let count = keys.clone().count();
        let slots = (count.max(1) * SLOTS_PER_KEY)
            .next_power_of_two()
            .clamp(64, MAX_SLOTS);
        let mut f = KeyFilter {
            bits: vec![0; slots / 64],
            mask: slots - 1,
        };
        for k in keys {
            let at = f.slot(k);
            if let Some(word) = f.bits.get_mut(at / 64) {
                *word |= 1 << (at % 64);
            }
        }
        f
    }

    fn slot(&self, key: &str) -> usize {
        let mut h = FxHasher::default();
        h.write(key.as_bytes());
        (h.finish() as usize) & self.mask
    }

    /// Whether `key` may be one of the keys (`false`: surely not).
    #[inline]
    pub(crate) fn may_contain(&self, key: &str) -> bool {
        let at = self.slot(key);
        self.bits
            .get(at / 64)
            .is_some_and(|word| word & (1 << (at % 64)) != 0)
    }
}

impl std::fmt::Debug for KeyFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let set: u32 = self.bits.iter().map(|w| w.count_ones()).sum();
        write!(f, "KeyFilter({set} of {} slots set)", self.mask + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_passes_and_most_others_do_not() {
        let keys: Vec<String> = (0..2000).map(|i| format!("مفتاح{i}")).collect();
        let f = KeyFilter::new(keys.iter().map(String::as_str));
        assert!(keys.iter().all(|k| f.may_contain(k)));
        let passed = (0..10_000)
            .filter(|i| f.may_contain(&format!("كلمة{i}")))
            .count();
        assert!(passed < 1_000, "{passed} of 10000 other words passed");
    }

    #[test]
    fn an_empty_filter_passes_nothing() {
        let f = KeyFilter::new(std::iter::empty());
        assert!(!f.may_contain("بوتين"));
        assert!(!KeyFilter::default().may_contain(""));
    }
}
