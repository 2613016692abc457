//! What the lookup benchmarks share.

use qamus::glossary::Entry;
use qamus::synth::Generator;

/// Queries: half misspellings of stored names (hits), half new names (misses).
pub fn queries(gen: &mut Generator, entries: &[Entry], n: usize) -> Vec<String> {
    (0..n)
        .map(|i| match entries.get((i * 7919) % entries.len().max(1)) {
            Some(e) if i % 2 == 0 => gen.misspell(&e.ar),
            _ => gen.name(),
        })
        .collect()
}
