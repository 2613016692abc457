//! Writes the inputs of the side-by-side benchmark (`benches/compare/`), so that qamus and the Python tools read
//! exactly the same glossaries and queries.
//!
//! ```text
//! cargo run --release --example compare_data -- variants ../shared/eval OUT   # the dev-data glossary (≈16k entries)
//! cargo run --release --example compare_data -- synth 100000 2000 OUT         # N synthetic entries, Q queries
//! cargo run --release --example compare_data -- text-rate corpus.txt 3        # in-process MB/s of the text tools
//! ```
//!
//! Each task writes three files into OUT:
//! - `NAME.csv`: the glossary, in qamus's CSV format (`--glossary NAME.csv --no-default-glossary`);
//! - `NAME.forms.tsv`: `id`, `en_key`, `form`: every distinct Arabic form of every entry at the `search` level (the choices a
//!   rapidfuzz user would scan), with the entry's English name at the `search` level;
//! - `NAME.queries.tsv`: `query`, `query_search`, `expected_id`, `expected_en_key`: the queries as written and at
//!   the `search` level, and the entry each should find (empty for a name that is in no entry).
//!
//! A top-1 answer is right when its id is the expected id or its English name is the expected one at the `search`
//! level (as `qamus eval` counts it: a distractor can be the same person under another id).
//!
//! `variants` builds the glossary `qamus eval matching` builds from `variants-dev.tsv` and `translit-dev.tsv`: the
//! first spelling of each group that is not left out (`qamus::eval::left_out`), then every transliteration pair as
//! a distractor; the queries are the other spellings of those groups. `synth` draws names with
//! `qamus::synth::Generator` (seed = N); the queries alternate a misspelling of a stored name (expected: that
//! entry) and a new name (expected: nothing), as the criterion `lookup` benchmark does.
//!
//! `text-rate FILE RUNS` times the library's `search` normalization and Buckwalter transliteration of FILE line by
//! line and as one text, in this process, as the Python tools are timed in theirs (no reading or writing): it
//! prints `search` and `buckwalter` (line by line), `search-whole` and `buckwalter-whole` (the whole text in one
//! call) with their MB/s, the best of RUNS runs of this thread's CPU time.

use std::collections::HashMap;
use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use qamus::eval::left_out;
use qamus::glossary::{EntityType, Entry};
use qamus::normalize::search;
use qamus::synth::Generator;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// A query and the entry it should find (`None`: no entry).
struct Query {
    text: String,
    expected: Option<(String, String)>,
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: compare_data variants EVAL_DIR OUT | compare_data synth N QUERIES OUT | \
                 compare_data text-rate FILE RUNS";
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["variants", dir, out] => {
            let (entries, queries) = variants(Path::new(dir))?;
            write_task(Path::new(out), "variants", &entries, &queries)
        }
        ["synth", n, q, out] => {
            let n: usize = n.parse().map_err(|e| format!("N: {e}\n{usage}"))?;
            let q: usize = q.parse().map_err(|e| format!("QUERIES: {e}\n{usage}"))?;
            let (entries, queries) = synth(n, q);
            write_task(Path::new(out), &format!("synth-{n}"), &entries, &queries)
        }
        ["text-rate", file, runs] => {
            let runs: usize = runs.parse().map_err(|e| format!("RUNS: {e}\n{usage}"))?;
            text_rate(Path::new(file), runs)
        }
        _ => Err(usage.into()),
    }
}

/// Prints the in-process MB/s of `search` normalization and Buckwalter transliteration over the lines of `path`.
fn text_rate(path: &Path, runs: usize) -> Result<()> {
    use qamus::normalize::{normalize, Level};
    use qamus::translit::{transliterate, Scheme};
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let lines: Vec<&str> = text.lines().collect();
    /// A text tool: the length of its output for a line.
    type Tool<'a> = &'a dyn Fn(&str) -> usize;
    let tools: [(&str, Tool); 2] = [
        ("search", &|l| normalize(l, Level::Search).len()),
        ("buckwalter", &|l| {
            transliterate(l, Scheme::Buckwalter).len()
        }),
    ];
    let whole = [text.as_str()];
    for (suffix, pieces) in [("", &lines[..]), ("-whole", &whole[..])] {
        for (name, tool) in tools {
            let mut best = f64::INFINITY;
            for _ in 0..runs.max(1) {
                let start = thread_cpu_seconds()?;
                let out: usize = pieces.iter().map(|l| tool(l)).sum();
                std::hint::black_box(out);
                best = best.min(thread_cpu_seconds()? - start);
            }
            println!(
                "{name}{suffix}\t{:.1}",
                text.len() as f64 / 1e6 / best.max(1e-9)
            );
        }
    }
    Ok(())
}

/// This thread's CPU time in seconds, from `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`: exact to the nanosecond.
/// (`/proc/thread-self/schedstat`, read before, counts a running thread's time only up to the last scheduler tick,
/// 4 ms here: a pass over 20 MB took 8 or 12 ms by it, and nothing in between.)
fn thread_cpu_seconds() -> Result<f64> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write to, and the clock id is a constant the kernel knows.
    if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    Ok(t.tv_sec as f64 + t.tv_nsec as f64 / 1e9)
}

/// Reads a TSV file with a header row, returning the rows' columns.
fn read_tsv(path: &Path) -> Result<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect())
}

/// The variants glossary and its queries, as `qamus eval matching` builds them.
fn variants(dir: &Path) -> Result<(Vec<Entry>, Vec<Query>)> {
    let rows = read_tsv(&dir.join("variants-dev.tsv"))?;
    let pairs = read_tsv(&dir.join("translit-dev.tsv"))?;
    let mut entries = Vec::new();
    let mut chosen: HashMap<&str, &str> = HashMap::new();
    for r in &rows {
        let [group, english, arabic, ..] = r.as_slice() else {
            return Err(format!("variants-dev.tsv: short row {r:?}").into());
        };
        if left_out(group) || chosen.contains_key(group.as_str()) {
            continue;
        }
        chosen.insert(group, arabic);
        entries.push(Entry {
            id: group.clone(),
            // The group's type, as the eval gives it (MISC when the column is missing or unknown).
            kind: r
                .get(3)
                .and_then(|t| t.parse().ok())
                .unwrap_or(EntityType::Misc),
            en: english.clone(),
            ar: arabic.clone(),
            ..Entry::default()
        });
    }
    for (i, p) in pairs.iter().enumerate() {
        let [arabic, english, ..] = p.as_slice() else {
            return Err(format!("translit-dev.tsv: short row {p:?}").into());
        };
        entries.push(Entry {
            id: format!("d{i}"),
            kind: EntityType::Per,
            en: english.clone(),
            ar: arabic.clone(),
            ..Entry::default()
        });
    }
    let mut queries = Vec::new();
    for r in &rows {
        let [group, english, arabic, ..] = r.as_slice() else {
            continue;
        };
        if !left_out(group) && chosen.get(group.as_str()) != Some(&arabic.as_str()) {
            queries.push(Query {
                text: arabic.clone(),
                expected: Some((group.clone(), search(english).into_owned())),
            });
        }
    }
    Ok((entries, queries))
}

/// A synthetic glossary of `n` entries and `q` queries, half misspellings of stored names, half new names.
fn synth(n: usize, q: usize) -> (Vec<Entry>, Vec<Query>) {
    let mut gen = Generator::new(n as u64);
    let entries = gen.glossary(n).entries().to_vec();
    let queries = (0..q)
        .map(|i| match entries.get((i * 7919) % n.max(1)) {
            Some(e) if i % 2 == 0 => Query {
                text: gen.misspell(&e.ar),
                expected: Some((e.id.clone(), search(&e.en).into_owned())),
            },
            _ => Query {
                text: gen.name(),
                expected: None,
            },
        })
        .collect();
    (entries, queries)
}

/// A TSV field: tabs and line breaks become spaces.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    Ok(BufWriter::new(File::create(path).map_err(|e| {
        format!("cannot create {}: {e}", path.display())
    })?))
}

fn write_task(out: &Path, name: &str, entries: &[Entry], queries: &[Query]) -> Result<()> {
    std::fs::create_dir_all(out)?;
    let path = |ext: &str| -> PathBuf { out.join(format!("{name}.{ext}")) };

    let mut csv = csv::Writer::from_writer(create(&path("csv"))?);
    csv.write_record(["id", "type", "en", "ar", "ar_variants"])?;
    for e in entries {
        csv.write_record([
            e.id.as_str(),
            e.kind.as_str(),
            &e.en,
            &e.ar,
            &e.ar_variants.join("|"),
        ])?;
    }
    csv.flush()?;

    let mut forms = create(&path("forms.tsv"))?;
    writeln!(forms, "id\ten_key\tform")?;
    for e in entries {
        let en_key = field(&search(&e.en));
        let mut seen: Vec<String> = Vec::new();
        for form in std::iter::once(&e.ar).chain(&e.ar_variants) {
            let form = field(&search(form));
            if !form.is_empty() && !seen.contains(&form) {
                writeln!(forms, "{}\t{en_key}\t{form}", field(&e.id))?;
                seen.push(form);
            }
        }
    }
    forms.flush()?;

    let mut qs = create(&path("queries.tsv"))?;
    writeln!(qs, "query\tquery_search\texpected_id\texpected_en_key")?;
    for q in queries {
        let (id, key) = q
            .expected
            .as_ref()
            .map_or(("", ""), |(i, k)| (i.as_str(), k.as_str()));
        writeln!(
            qs,
            "{}\t{}\t{}\t{}",
            field(&q.text),
            field(&search(&q.text)),
            field(id),
            field(key)
        )?;
    }
    qs.flush()?;
    eprintln!(
        "compare_data: {} entries, {} queries → {}",
        entries.len(),
        queries.len(),
        path("csv").display()
    );
    Ok(())
}
