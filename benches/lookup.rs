//! Lookup throughput at 10k, 100k and 1M entries (synthetic glossaries shaped like real names), index build time
//! and memory per entry, beside the baseline a user would write: a scan of every form with strsim.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

mod common;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use qamus::index;
use qamus::matcher::Matcher;
use qamus::normalize;
use qamus::synth::Generator;

/// Counts live heap bytes, to report the index's memory per entry.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}
#[global_allocator]
static ALLOC: Counting = Counting;

fn bench_lookup(c: &mut Criterion) {
    let sizes: &[usize] = if std::env::var_os("QAMUS_BENCH_1M").is_some() {
        &[10_000, 100_000, 1_000_000]
    } else {
        &[10_000, 100_000]
    };
    let mut g = c.benchmark_group("lookup");
    for &n in sizes {
        let mut gen = Generator::new(n as u64);
        let glossary = gen.glossary(n);
        let before = LIVE.load(Ordering::Relaxed);
        let started = Instant::now();
        let matcher = Matcher::new(glossary);
        let built = started.elapsed();
        let bytes = LIVE.load(Ordering::Relaxed).saturating_sub(before);
        eprintln!(
            "lookup/{n}: index built in {built:.2?}, {} bytes per entry (index and glossary)",
            bytes / n
        );
        let qs = common::queries(&mut gen, matcher.glossary().entries(), 1000);
        g.throughput(Throughput::Elements(qs.len() as u64));
        g.bench_function(format!("{n}/qamus"), |b| {
            b.iter(|| {
                let found: usize = qs.iter().map(|q| matcher.lookup(black_box(q)).len()).sum();
                assert!(found > 0);
                found
            })
        });
        // The same glossary as a compiled index file, memory-mapped: the same answers from the same bytes.
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("g.qidx");
        let started = Instant::now();
        let summary = index::write(matcher.glossary(), false, Vec::new(), &path).expect("index");
        eprintln!(
            "lookup/{n}: index file written in {:.2?}, {} bytes ({} per entry)",
            started.elapsed(),
            summary.bytes,
            summary.bytes / n as u64
        );
        let mapped = index::open(&path, &index::OpenOptions::default()).expect("open");
        g.bench_function(format!("{n}/qamus-mapped"), |b| {
            b.iter(|| {
                let found: usize = qs.iter().map(|q| mapped.lookup(black_box(q)).len()).sum();
                assert!(found > 0);
                found
            })
        });
        // Opening the index and answering one query: what a `qamus lookup --glossary g.qidx NAME` costs beyond
        // the process start (the body's checksum included up to the default verify limit).
        g.throughput(Throughput::Elements(1));
        g.bench_function(format!("{n}/open-and-answer"), |b| {
            b.iter(|| {
                let m = index::open(&path, &index::OpenOptions::default()).expect("open");
                m.lookup(black_box(&qs[0])).len()
            })
        });
        g.throughput(Throughput::Elements(qs.len() as u64));
        if n <= 10_000 {
            // Baseline: normalize, then Jaro-Winkler against every form (what a script with strsim would do).
            let forms: Vec<String> = matcher
                .glossary()
                .entries()
                .iter()
                .flat_map(|e| e.forms().map(|f| normalize::search(f).into_owned()))
                .collect();
            let few = &qs[..50];
            g.throughput(Throughput::Elements(few.len() as u64));
            g.bench_function(format!("{n}/strsim-scan"), |b| {
                b.iter(|| {
                    few.iter()
                        .map(|q| {
                            let q = normalize::search(q);
                            forms
                                .iter()
                                .map(|f| strsim::jaro_winkler(&q, f))
                                .fold(0.0, f64::max)
                        })
                        .sum::<f64>()
                })
            });
        }
    }
    g.finish();
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    let glossary = Generator::new(1).glossary(10_000);
    g.throughput(Throughput::Elements(10_000));
    g.bench_function("10000/qamus", |b| {
        b.iter_batched(
            || glossary.clone(),
            |gl| Matcher::new(gl).glossary().len(),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench_lookup);
criterion_main!(benches);
