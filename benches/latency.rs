//! Lookup latency, query by query: the distribution (p50, p90, p99, p99.9, max) of single lookups against a
//! compiled index file, memory-mapped as `qamus lookup --glossary names.qidx` reads it, at 10k and 100k entries
//! (`QAMUS_BENCH_1M=1` adds 1M). Issue 3 asks for p99 under 1 ms at 1M entries; throughput is `benches/lookup.rs`'s.
//!
//! Each lookup is timed on its own (`Instant` costs tens of nanoseconds, far below a lookup), on one thread,
//! after 200 warm-up queries; half the queries misspell a stored name, half are new names, as in the throughput
//! benchmark. The glossary is synthetic (`qamus::synth`), shaped like real names. Two calls are timed: `lookup`
//! (every match) and `lookup_top(q, 1)` (the first, as `qamus lookup` asks by default).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use qamus::index;
use qamus::synth::Generator;

fn main() {
    // `cargo bench` passes `--bench`; a filter argument selects sizes by name ("100000").
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let mut sizes = vec![10_000, 100_000];
    if std::env::var_os("QAMUS_BENCH_1M").is_some() {
        sizes.push(1_000_000);
    }
    println!("| entries | call | queries | p50 | p90 | p99 | p99.9 | max | mean |");
    println!("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        if filter
            .as_ref()
            .is_some_and(|f| !n.to_string().contains(f.as_str()))
        {
            continue;
        }
        let mut gen = Generator::new(n as u64);
        let glossary = gen.glossary(n);
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("g.qidx");
        let started = Instant::now();
        index::write(&glossary, false, Vec::new(), &path).expect("index");
        eprintln!("latency/{n}: index written in {:.2?}", started.elapsed());
        let queries = common::queries(&mut gen, glossary.entries(), 2_200);
        drop(glossary);
        let matcher = index::open(&path, &index::OpenOptions::default()).expect("open");
        let (warm, timed) = queries.split_at(200);
        for q in warm {
            black_box(matcher.lookup(black_box(q)));
        }
        // The first match only (`lookup_top(q, 1)`: what `qamus lookup` asks for by default, `--top 1`), then
        // every match (`lookup`), each pass on a thread of its own, so that neither finds the other's words in the
        // per-thread memos of the transliteration model; the index's pages are mapped in by the first pass.
        let pass = |top: bool| -> Vec<(Duration, &String)> {
            std::thread::scope(|s| {
                s.spawn(|| {
                    timed
                        .iter()
                        .map(|q| {
                            let t = Instant::now();
                            if top {
                                black_box(matcher.lookup_top(black_box(q), 1));
                            } else {
                                black_box(matcher.lookup(black_box(q)));
                            }
                            (t.elapsed(), q)
                        })
                        .collect()
                })
                .join()
                .expect("a lookup thread")
            })
        };
        let by_query_top = pass(true);
        let by_query = pass(false);
        report(n, "lookup", by_query);
        report(n, "lookup_top 1", by_query_top);
    }
}

/// Prints the distribution of one way of looking up, and the slowest queries on standard error.
fn report(n: usize, how: &str, mut by_query: Vec<(Duration, &String)>) {
    by_query.sort_unstable();
    // The slowest queries, to see what the tail is made of (`QAMUS_BENCH_SLOWEST=N` shows N, default 5).
    let slowest = std::env::var("QAMUS_BENCH_SLOWEST")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    for (d, q) in by_query.iter().rev().take(slowest) {
        eprintln!("latency/{n}/{how}: {:.3} ms  {q}", d.as_secs_f64() * 1e3);
    }
    let times: Vec<Duration> = by_query.iter().map(|(d, _)| *d).collect();
    let at = |p: f64| {
        let i = ((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1;
        times.get(i).copied().unwrap_or_default()
    };
    let mean = times.iter().sum::<Duration>() / times.len().max(1) as u32;
    let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1e3);
    println!(
        "| {n} | {how} | {} | {} | {} | {} | {} | {} | {} |",
        times.len(),
        ms(at(0.50)),
        ms(at(0.90)),
        ms(at(0.99)),
        ms(at(0.999)),
        ms(times.last().copied().unwrap_or_default()),
        ms(mean)
    );
}
