//! Date finding throughput on the seed corpus (real Arabic news text, 13 dates in 20 KB), beside
//! `normalize::search` on the same text as the baseline measured in the same run. Names: `{operation}/{implementation}`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use qamus::dates::find_dates;
use qamus::normalize::{self, Level};

/// The five seed documents, concatenated 20 times (about 400 KB).
fn corpus() -> String {
    let docs = [
        include_str!("../tests/corpus/seeds/000_791975e654a9a156.txt"),
        include_str!("../tests/corpus/seeds/001_0ba9f4aca8c64938.txt"),
        include_str!("../tests/corpus/seeds/002_d20ebc38bcca70ee.txt"),
        include_str!("../tests/corpus/seeds/003_27ee660541e3fe33.txt"),
        include_str!("../tests/corpus/seeds/004_7e6629763159a433.txt"),
    ];
    docs.concat().repeat(20)
}

fn bench_dates(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("dates");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find/qamus", |b| {
        b.iter(|| {
            let found = find_dates(black_box(&text));
            assert_eq!(found.len(), 13 * 20);
            found.len()
        })
    });
    g.bench_function("normalize-search/qamus", |b| {
        b.iter(|| {
            let out = normalize::normalize(black_box(&text), Level::Search);
            assert!(!out.is_empty());
            out.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_dates);
criterion_main!(benches);
