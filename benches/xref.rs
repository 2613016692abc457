//! Related documents of a collection (`Xref::related`): 1,000 documents, the five seed articles copied again and
//! again (as wire copies fill a news collection: every document shares entities with a fifth of the others),
//! scanned once against the shipped glossary. qamus keeps each document's ten closest others
//! (`Xref::DEFAULT_RELATED`); the baseline in the same run scores every pair that shares an entity or a date
//! (`set_related_per_document(0)`, what `related` did before), which grows with the square of the collection.

mod seeds;
use seeds::SEEDS;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use qamus::glossary::Glossary;
use qamus::matcher::Matcher;
use qamus::scan::Scanner;
use qamus::xref::Xref;

/// Documents in the collection.
const DOCS: usize = 1_000;

fn bench_related(c: &mut Criterion) {
    let matcher = Matcher::new(Glossary::builtin());
    let scanner = Scanner::new(&matcher);
    let mentions: Vec<_> = SEEDS.iter().map(|s| scanner.scan(s)).collect();
    let mut x = Xref::new();
    for i in 0..DOCS {
        let at = i % SEEDS.len();
        let (Some(text), Some(found)) = (SEEDS.get(at), mentions.get(at)) else {
            continue;
        };
        x.add_with_text(&format!("d{i}"), text, found);
    }
    let mut g = c.benchmark_group("xref-related");
    g.sample_size(10);
    g.bench_function("1000/qamus", |b| b.iter(|| black_box(x.related()).len()));
    let mut all = x.clone();
    all.set_related_per_document(0);
    g.bench_function("1000/every-pair", |b| {
        b.iter(|| black_box(all.related()).len())
    });
    g.finish();
}

criterion_group!(benches, bench_related);
criterion_main!(benches);
