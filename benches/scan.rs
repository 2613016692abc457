//! Scanning throughput (MB/s of Arabic text on one core): the seed corpus repeated to about 1 MB (each copy of an
//! article a document of its own, as `qamus scan` sees a collection), scanned against
//! the shipped glossary and against the shipped glossary plus 100,000 synthetic entries, beside two baselines
//! measured in the same run: `normalize::search` of the text alone (the floor any design pays), and an
//! aho-corasick automaton (leftmost-longest) over the same forms, normalized, run on the normalized text — the other
//! design the issue names, here without the word-boundary filtering and the map back to original offsets that it
//! would still need. A second group scans the five articles once each with a fresh scanner: text never seen, so
//! that the cache of fuzzy look-ups (which the repeated megabyte keeps warm) saves nothing.

mod seeds;
use seeds::SEEDS;

use std::hint::black_box;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use qamus::glossary::Glossary;
use qamus::matcher::Matcher;
use qamus::normalize;
use qamus::scan::{ScanOptions, Scanner};
use qamus::synth::Generator;

/// The seeds repeated to about 1 MB, one document per copy.
fn megabyte() -> Vec<&'static str> {
    let mut docs = Vec::new();
    let mut len = 0;
    while len < 1 << 20 {
        for s in SEEDS {
            docs.push(s);
            len += s.len();
        }
    }
    docs
}

fn automaton(matcher: &Matcher) -> AhoCorasick {
    let mut patterns: Vec<String> = matcher
        .glossary()
        .entries()
        .iter()
        .flat_map(|e| e.forms().map(|f| normalize::search(f).into_owned()))
        .filter(|p| !p.is_empty())
        .collect();
    patterns.sort();
    patterns.dedup();
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .unwrap_or_else(|e| panic!("aho-corasick: {e}"))
}

fn bench_scan(c: &mut Criterion) {
    let docs = megabyte();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let shipped = Matcher::new(Glossary::builtin());
    let mut big = Glossary::builtin();
    big.merge(Generator::new(100_000).glossary(100_000));
    let started = Instant::now();
    let big = Matcher::new(big);
    eprintln!("scan: 100k matcher built in {:.2?}", started.elapsed());
    let exact = ScanOptions {
        fuzzy: false,
        ..ScanOptions::default()
    };

    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(4));
    g.bench_function("floor/normalize-search", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| normalize::search(black_box(d)).len())
                .sum();
            assert!(n > 0);
            n
        })
    });
    for (name, matcher) in [("shipped", &shipped), ("100k", &big)] {
        let started = Instant::now();
        let scanner = Scanner::with_options(matcher, exact);
        eprintln!(
            "scan/{name}: trie of {} nodes built in {:.2?}",
            scanner.trie_nodes(),
            started.elapsed()
        );
        g.bench_function(format!("{name}/qamus-exact-clitic-family"), |b| {
            b.iter(|| {
                let n: usize = docs.iter().map(|d| scanner.scan(black_box(d)).len()).sum();
                assert!(n > 10_000);
                n
            })
        });
        // One scanner for every iteration: its fuzzy look-ups are cached, as in a long run over a collection whose
        // names repeat (here the repetition is total: the same five articles).
        let full = Scanner::new(matcher);
        g.bench_function(format!("{name}/qamus-with-fuzzy"), |b| {
            b.iter(|| {
                let n: usize = docs.iter().map(|d| full.scan(black_box(d)).len()).sum();
                assert!(n > 10_000);
                n
            })
        });
        let started = Instant::now();
        let ac = automaton(matcher);
        eprintln!(
            "scan/{name}: aho-corasick built in {:.2?}",
            started.elapsed()
        );
        g.bench_function(format!("{name}/aho-corasick-normalized"), |b| {
            b.iter(|| {
                let n: usize = docs
                    .iter()
                    .map(|d| {
                        ac.find_iter(normalize::search(black_box(d)).as_ref())
                            .count()
                    })
                    .sum();
                assert!(n > 10_000);
                n
            })
        });
    }
    g.finish();

    // Text never seen: the five articles once, by a fresh scanner each time (its building not timed), so every
    // fuzzy look-up is made — the cost of new text, which the repeated megabyte above hides.
    let mut g = c.benchmark_group("scan-distinct");
    g.throughput(Throughput::Bytes(
        SEEDS.iter().map(|s| s.len() as u64).sum(),
    ));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(4));
    for (name, matcher) in [("shipped", &shipped), ("100k", &big)] {
        for (label, options) in [
            ("qamus-with-fuzzy", ScanOptions::default()),
            ("qamus-exact-clitic-family", exact),
        ] {
            g.bench_function(format!("{name}/{label}"), |b| {
                // By reference, so that dropping the scanner (its trie) is not timed either.
                b.iter_batched_ref(
                    || Scanner::with_options(matcher, options),
                    |scanner| {
                        SEEDS
                            .iter()
                            .map(|d| scanner.scan(black_box(d)).len())
                            .sum::<usize>()
                    },
                    criterion::BatchSize::PerIteration,
                )
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench_scan);
criterion_main!(benches);
