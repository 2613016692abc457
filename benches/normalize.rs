//! Normalization and transliteration throughput on the seed corpus (real Arabic news text), qamus beside the
//! crates a Rust user would reach for otherwise. Names: `{operation}/{implementation}`.

mod seeds;
use seeds::SEEDS;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use qamus::normalize::{self, Level};
use qamus::translit::{transliterate, transliterate_known, KnownNames, Scheme};
use unicode_normalization::UnicodeNormalization;

/// The five seed documents, concatenated ~20 times (about 400 KB).
fn corpus() -> String {
    SEEDS.concat().repeat(20)
}

fn bench_normalize(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("search/qamus", |b| {
        b.iter(|| {
            let out = normalize::normalize(black_box(&text), Level::Search);
            assert!(!out.is_empty());
            out.len()
        })
    });
    g.bench_function("display/qamus", |b| {
        b.iter(|| {
            let out = normalize::normalize(black_box(&text), Level::Display);
            assert!(!out.is_empty());
            out.len()
        })
    });
    // Words outside the fast path's known set (Latin with diacritics, bidi controls, presentation forms): the
    // general pipeline, in runs of words.
    let other = "Pashinyán Łódź \u{200F}بوتين\u{200E} café ʿAbd al-Raḥmān \u{FEB3}\u{FEEE}\u{FE97}\u{FEB7}\u{FEF4}\n"
        .repeat(text.len() / 80);
    g.throughput(Throughput::Bytes(other.len() as u64));
    g.bench_function("search-other-scripts/qamus", |b| {
        b.iter(|| {
            let out = normalize::normalize(black_box(&other), Level::Search);
            assert!(!out.is_empty());
            out.len()
        })
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    // Baseline: NFKC alone with unicode-normalization, which does none of the Arabic folds.
    g.bench_function("nfkc/unicode-normalization", |b| {
        b.iter(|| {
            let out: String = black_box(&text).nfkc().collect();
            assert!(!out.is_empty());
            out.len()
        })
    });
    g.bench_function("nfkc/icu_normalizer", |b| {
        b.iter(|| {
            let out = normalize::nfkc(black_box(&text));
            assert!(!out.is_empty());
            out.len()
        })
    });
    g.finish();
}

fn bench_translit(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("translit");
    g.throughput(Throughput::Bytes(text.len() as u64));
    for scheme in Scheme::ALL {
        g.bench_function(format!("{}/qamus", scheme.name()), |b| {
            b.iter(|| {
                let out = transliterate(black_box(&text), scheme);
                assert!(!out.is_empty());
                out.len()
            })
        });
    }
    // What `qamus translit` does by default: `plain` with the shipped glossary's names (a phrase and a word
    // look-up per word, remembered per thread), against `plain/qamus` above in the same run.
    let names = KnownNames::builtin();
    g.bench_function("plain-known-names/qamus", |b| {
        b.iter(|| {
            let out = transliterate_known(black_box(&text), Scheme::Plain, names);
            assert!(!out.is_empty());
            out.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_normalize, bench_translit);
criterion_main!(benches);
