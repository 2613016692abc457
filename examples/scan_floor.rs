//! The floor cost of `qamus scan`, for the side-by-side benchmark (`benches/compare/`): one aho-corasick automaton
//! (leftmost-longest) over every form of the glossary at the `search` level, run over each document at the
//! `search` level, counting the matches. It is the `aho-corasick-normalized` baseline of `benches/scan.rs`, as a
//! process that reads the same glossary files and documents as `qamus scan`, so that both are timed alike.
//!
//! ```text
//! cargo run --release --example scan_floor -- [--no-default-glossary] [--glossary FILE.csv]... \
//!     [--patterns OUT.txt] [--normalized OUT.txt] PATH...
//! ```
//!
//! The glossary is the shipped one (unless `--no-default-glossary`) with each `--glossary` CSV on top, merged as
//! `qamus scan` merges them. A PATH is a file or a directory, whose files are read recursively in file-name order,
//! each a document (UTF-8). Prints `documents`, `bytes`, `patterns`, `matches`, `cpu_seconds` (tab-separated, one
//! line): `cpu_seconds` is the process's CPU time (user + system, from `getrusage`, the clock `wait4` gives for a
//! child) spent on the documents, from listing them to the last match: reading, normalizing, matching. Loading the
//! glossary and building the automaton are left out, as the benchmark leaves out `qamus scan`'s start-up.
//!
//! `--patterns` writes the automaton's patterns and `--normalized` each document at the `search` level, each
//! followed by a NUL byte (the `search` level removes control characters, so none is in the text). With
//! these the Python baseline (pyahocorasick) runs the same patterns over the same text, and pays for nothing but
//! its automaton.
//!
//! What it leaves out, and `qamus scan` does: word boundaries, clitics, family names, fuzzy matches, offsets into
//! the text as written, and printing the mentions.

use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};
use qamus::glossary::Glossary;
use qamus::normalize;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const USAGE: &str = "usage: scan_floor [--no-default-glossary] [--glossary FILE.csv]... \
                     [--patterns OUT] [--normalized OUT] PATH...";

/// The command line.
#[derive(Default)]
struct Args {
    no_default: bool,
    glossaries: Vec<PathBuf>,
    patterns: Option<PathBuf>,
    normalized: Option<PathBuf>,
    paths: Vec<PathBuf>,
}

fn parse_args() -> Result<Args> {
    let mut a = Args::default();
    let mut it = std::env::args_os().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .map(PathBuf::from)
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match arg.to_str() {
            Some("--no-default-glossary") => a.no_default = true,
            Some("--glossary" | "-g") => a.glossaries.push(value("--glossary")?),
            Some("--patterns") => a.patterns = Some(value("--patterns")?),
            Some("--normalized") => a.normalized = Some(value("--normalized")?),
            Some("-h" | "--help") => return Err(USAGE.into()),
            Some(s) if s.starts_with('-') => {
                return Err(format!("unknown option {s}\n{USAGE}").into())
            }
            _ => a.paths.push(PathBuf::from(arg)),
        }
    }
    if a.paths.is_empty() {
        return Err(USAGE.into());
    }
    Ok(a)
}

/// Every distinct non-empty form of the glossary at the `search` level, sorted: the patterns `benches/scan.rs`
/// gives its aho-corasick baseline.
fn patterns(glossary: &Glossary) -> Vec<String> {
    let mut patterns: Vec<String> = glossary
        .entries()
        .iter()
        .flat_map(|e| e.forms().map(|f| normalize::search(f).into_owned()))
        .filter(|p| !p.is_empty())
        .collect();
    patterns.sort_unstable();
    patterns.dedup();
    patterns
}

/// The files of `paths`: each file as given, each directory's files recursively in file-name order.
fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
                let entry = entry?;
                if entry.file_type().is_file() {
                    out.push(entry.into_path());
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// The CPU time (user + system) this process has used so far, in seconds.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage writes one `rusage` into the zeroed value it is given, and reads nothing else.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    Ok(BufWriter::new(File::create(path).map_err(|e| {
        format!("cannot write {}: {e}", path.display())
    })?))
}

fn main() -> Result<()> {
    let a = parse_args()?;
    let mut glossary = if a.no_default {
        Glossary::new()
    } else {
        Glossary::builtin()
    };
    for g in &a.glossaries {
        glossary.merge(Glossary::from_path(g)?);
    }
    let patterns = patterns(&glossary);
    if let Some(path) = &a.patterns {
        let mut out = create(path)?;
        for p in &patterns {
            out.write_all(p.as_bytes())?;
            out.write_all(b"\0")?;
        }
        out.flush()?;
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)?;
    let mut normalized = a.normalized.as_deref().map(create).transpose()?;

    let started = cpu_seconds();
    let (mut documents, mut bytes, mut matches) = (0usize, 0usize, 0usize);
    for path in files(&a.paths)? {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text_search = normalize::search(&text);
        matches += automaton.find_iter(text_search.as_ref()).count();
        if let Some(out) = normalized.as_mut() {
            out.write_all(text_search.as_bytes())?;
            out.write_all(b"\0")?;
        }
        documents += 1;
        bytes += text.len();
    }
    let spent = cpu_seconds() - started;
    if let Some(mut out) = normalized {
        out.flush()?;
    }
    println!(
        "{documents}\t{bytes}\t{}\t{matches}\t{spent:.6}",
        patterns.len()
    );
    Ok(())
}
