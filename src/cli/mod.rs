//! The `qamus` command line: parse arguments, call the library, print. No matching or Arabic logic lives here.

pub mod args;
mod csvcol;
mod io;
mod scan;

use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::CommandFactory;
use qamus::glossary::{check_files, EntityType, Glossary, Severity};
use qamus::index;
use qamus::matcher::{Match, Matcher, MatcherOptions};
use qamus::normalize::{self, Level};
use qamus::translit::{self, KnownNames, Scheme};

use args::{
    Cli, Command, DiscoverArgs, EvalArgs, Format, GlossaryArgs, GlossaryCommand, IndexCommand,
    InputArgs, LevelArg, LookupArgs,
};

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let color = io::use_color(cli.color);
    match cli.command {
        Command::Lookup(a) => lookup(a, color),
        Command::Translit(a) => {
            let scheme: Scheme = a.scheme.parse()?;
            if a.reverse && !scheme.reads_back() {
                anyhow::bail!(
                    "--reverse does not work with --scheme {scheme}: a press spelling does not tell the Arabic \
                     letters (buckwalter goes back exactly; ala-lc, din and bgn-pcgn into the letters they write)"
                );
            }
            let reverse = a.reverse;
            let column = if reverse { "arabic" } else { "latin" };
            // `plain` writes the glossary's names as it spells them.
            let names: Cow<'static, KnownNames> = if scheme != Scheme::Plain {
                if !a.glossary.files.is_empty() {
                    eprintln!(
                        "qamus: note: --glossary is read by the plain scheme only ({scheme} is strict)"
                    );
                }
                Cow::Owned(KnownNames::new())
            } else if a.glossary.files.is_empty() && !a.glossary.no_default_glossary {
                Cow::Borrowed(KnownNames::builtin())
            } else {
                Cow::Owned(KnownNames::from_glossary(&load_glossary(
                    &a.glossary,
                    a.input.lossy,
                )?))
            };
            text_filter(&a.text, &a.input, column, move |t| {
                Cow::Owned(if reverse {
                    translit::reverse(t, scheme).unwrap_or_else(|_| t.to_string())
                } else {
                    translit::transliterate_known(t, scheme, &names)
                })
            })
        }
        Command::Normalize(a) => {
            let level = match a.level {
                LevelArg::Display => Level::Display,
                LevelArg::Search => Level::Search,
            };
            text_filter(&a.text, &a.input, "norm", move |t| {
                normalize::normalize(t, level)
            })
        }
        Command::Glossary(GlossaryCommand::Check { files }) => glossary_check(&files),
        Command::Glossary(GlossaryCommand::Stats { glossary, lossy }) => {
            glossary_stats(&glossary, lossy)
        }
        Command::Glossary(GlossaryCommand::Add {
            file,
            from,
            dry_run,
        }) => glossary_add(&file, &from, dry_run),
        Command::Index(IndexCommand::Build {
            files,
            output,
            no_default_glossary,
        }) => index_build(files, &output, no_default_glossary),
        Command::Index(IndexCommand::Check { files }) => index_check(&files),
        Command::Eval(a) => eval(&a),
        Command::Scan(a) => scan::scan(a, color),
        Command::Xref(a) => scan::xref(a),
        Command::Discover(a) => discover(&a),
        Command::Completions { shell } => {
            // Generated into memory: clap_complete panics when its writer fails (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "qamus", &mut script);
            let mut out = io::stdout();
            out.write_all(&script)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = io::stdout();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The matcher of the glossary the options ask for. The shipped glossary alone comes from its index compiled into
/// the program; an index file given alone is opened by mapping it (it holds the layers it was built from), unless
/// it was built without the shipped glossary and the shipped glossary is asked for; otherwise the layers are
/// loaded and indexed in memory, with a note on standard error when that reads an index file anew.
fn load_matcher(a: &GlossaryArgs, lossy: bool, options: MatcherOptions) -> Result<Matcher> {
    if a.files.is_empty() && !a.no_default_glossary {
        return Ok(index::shipped(options));
    }
    if let [only] = a.files.as_slice() {
        if index::is_index(only) {
            let open = index::OpenOptions {
                matcher: options,
                ..index::OpenOptions::default()
            };
            let (header, m) =
                index::open_with_header(only, &open).context("cannot load glossary")?;
            // An index holds the layers it was built from: one built with the shipped glossary keeps it, even
            // under --no-default-glossary.
            if header.builtin.is_some() || a.no_default_glossary {
                return Ok(m);
            }
            // The shipped glossary under an index built without it: the index's entries as a layer on top of it,
            // indexed anew.
            eprintln!(
                "qamus: note: {} was built with --no-default-glossary, so its {} entries are indexed anew in memory \
                 under the shipped glossary (slow for a large index); pass --no-default-glossary, or build the \
                 index without it, to open it at once",
                only.display(),
                header.entries
            );
            let mut g = Glossary::builtin();
            g.merge(m.glossary().clone());
            return Ok(Matcher::with_options(g, options));
        }
    }
    let index_file = a.files.iter().find(|f| index::is_index(f));
    if let Some(index) = index_file {
        eprintln!(
            "qamus: note: {} is opened with other glossary files, so its entries are indexed anew in memory with \
             theirs (slow for a large index); an index built from all of them opens at once",
            index.display()
        );
    }
    let started = std::time::Instant::now();
    let glossary = load_glossary(a, lossy)?;
    let entries = glossary.len();
    let matcher = Matcher::with_options(glossary, options);
    let took = started.elapsed();
    if took >= SLOW_LOAD && index_file.is_none() {
        let sources = index::Sources {
            builtin: !a.no_default_glossary,
            files: a.files.clone(),
        };
        eprintln!(
            "qamus: note: reading and keying {} entries took {:.1} s, as it will at every start; compile them once \
             with `{}` and pass --glossary names.qidx{} to open them in milliseconds",
            entries,
            took.as_secs_f64(),
            sources.build_command(std::path::Path::new("names.qidx")),
            if a.no_default_glossary {
                " --no-default-glossary"
            } else {
                ""
            }
        );
    }
    Ok(matcher)
}

/// A glossary that takes this long to load gets a note on how to compile it.
const SLOW_LOAD: std::time::Duration = std::time::Duration::from_secs(2);

/// The glossary the options ask for: the shipped one unless left out, then each file on top (an index file's
/// layers as it holds them).
fn load_glossary(a: &GlossaryArgs, lossy: bool) -> Result<Glossary> {
    let mut g = if a.no_default_glossary {
        Glossary::new()
    } else {
        Glossary::builtin()
    };
    for (i, f) in a.files.iter().enumerate() {
        if index::is_index(f) {
            let (header, m) = index::open_with_header(f, &index::OpenOptions::default())
                .map_err(anyhow::Error::new)
                .context("cannot load glossary")?;
            // An index that holds the shipped glossary, first on top of it, is the whole stack so far.
            if i == 0 && !a.no_default_glossary && header.builtin.is_some() {
                g = m.glossary().clone();
            } else {
                g.merge(m.glossary().clone());
            }
            continue;
        }
        let layer = if lossy {
            read_glossary_file(f).and_then(|bytes| {
                let name = f.display().to_string();
                let (layer, warnings) = Glossary::from_csv_bytes_lossy(&name, &bytes)?;
                for w in warnings {
                    eprintln!("qamus: warning: {}: {}", w.location, w.message);
                }
                Ok(layer)
            })
        } else {
            Glossary::from_path(f)
        };
        let layer = layer
            .map_err(anyhow::Error::new)
            .context("cannot load glossary")?;
        g.merge(layer);
    }
    Ok(g)
}

/// A glossary file's bytes; a directory is refused by name.
fn read_glossary_file(f: &std::path::Path) -> qamus::Result<Vec<u8>> {
    if std::fs::metadata(f).is_ok_and(|m| m.is_dir()) {
        return Err(qamus::Error::new(
            qamus::ErrorKind::Io,
            Some(qamus::Location::file(f)),
            "is a directory, not a glossary file",
        ));
    }
    std::fs::read(f).map_err(|e| qamus::Error::io(Some(f), e))
}

fn index_build(
    files: Vec<PathBuf>,
    output: &std::path::Path,
    no_default: bool,
) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let sources = index::Sources {
        builtin: !no_default,
        files,
    };
    let summary = if std::io::stderr().is_terminal() {
        let bar = build_progress_bar();
        let built = index::build_reporting(&sources, output, &|step| match step {
            index::Step::Reading { file, .. } => {
                let name = sources.files.get(file).map(|f| f.display().to_string());
                bar.set_message(format!("reading {}", name.unwrap_or_default()));
            }
            index::Step::Indexing => bar.set_message("indexing the forms"),
            index::Step::Keying { done, total } => {
                if bar.length() != Some(total as u64) {
                    bar.set_length(total as u64);
                    bar.set_message("keying the forms for fuzzy matching");
                    set_style(
                        &bar,
                        "{spinner} {msg} {wide_bar} {human_pos}/{human_len} {elapsed}",
                    );
                }
                bar.set_position(done as u64);
            }
            index::Step::Writing => bar.set_message("laying out and writing"),
            _ => {}
        });
        bar.finish_and_clear();
        built
    } else {
        index::build(&sources, output)
    }
    .context("cannot build the index")?;
    eprintln!(
        "qamus: wrote {}: {} entries, {} fuzzy forms, {} bytes, in {:.2?}",
        output.display(),
        summary.header.entries,
        summary.header.forms,
        summary.bytes,
        started.elapsed()
    );
    Ok(ExitCode::SUCCESS)
}

/// The progress bar of `index build` on a terminal: a message, and the forms keyed once their count is known.
fn build_progress_bar() -> indicatif::ProgressBar {
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    set_style(&bar, "{spinner} {msg} {elapsed}");
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

fn set_style(bar: &indicatif::ProgressBar, template: &str) {
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
}

fn index_check(files: &[PathBuf]) -> Result<ExitCode> {
    let mut out = io::stdout();
    let mut all_ok = true;
    for f in files {
        match index::open_with_header(f, &index::OpenOptions::thorough()) {
            Ok((h, _)) => {
                let sources: Vec<String> = h
                    .builtin
                    .map(|_| "the shipped glossary".to_string())
                    .into_iter()
                    .chain(h.sources.iter().map(|s| s.path.display().to_string()))
                    .collect();
                io::writeln_out(
                    &mut out,
                    &format!(
                        "{}: ok: {} entries, {} fuzzy forms, qamus {}, from {}",
                        f.display(),
                        h.entries,
                        h.forms,
                        h.qamus,
                        if sources.is_empty() {
                            "nothing".to_string()
                        } else {
                            sources.join(", ")
                        }
                    ),
                )?;
                if !h.sections.is_empty() {
                    let sizes: Vec<String> = h
                        .sections
                        .iter()
                        .map(|(name, len)| format!("{name} {len}"))
                        .collect();
                    io::writeln_out(
                        &mut out,
                        &format!("  bytes by section: {}", sizes.join(", ")),
                    )?;
                }
            }
            Err(e) if e.kind() == qamus::ErrorKind::Io => {
                return Err(anyhow::Error::new(e).context("cannot check the index"));
            }
            Err(e) => {
                all_ok = false;
                io::writeln_out(&mut out, &e.to_string())?;
            }
        }
    }
    out.flush()?;
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// One line in → one line out, or one CSV column in → one column added (`{column}_{suffix}`).
fn text_filter(
    texts: &[String],
    input: &InputArgs,
    suffix: &str,
    f: impl Fn(&str) -> Cow<'_, str>,
) -> Result<ExitCode> {
    let mut out = io::stdout();
    if input.csv {
        let column = input.column.as_deref().unwrap_or_default();
        csvcol::filter_all(
            texts,
            &mut out,
            column,
            &[suffix],
            csv_options(input),
            |v| vec![f(v).into_owned()],
        )?;
    } else if let Some(args) = io::from_args_or_stdin(texts) {
        for t in args {
            io::writeln_out(&mut out, &f(t))?;
        }
    } else {
        io::for_each_stdin_line(input.lossy, |_, line| io::writeln_out(&mut out, &f(line)))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// How `--csv` reads and writes, from the options.
fn csv_options(input: &InputArgs) -> csvcol::Options {
    csvcol::Options {
        lossy: input.lossy,
        excel_safe: input.excel_safe,
        no_header: input.no_header,
    }
}

fn lookup(a: LookupArgs, color: bool) -> Result<ExitCode> {
    for (name, v) in [("--threshold", a.threshold), ("--min-margin", a.min_margin)] {
        if !(0.0..=1.0).contains(&v) {
            anyhow::bail!("{name} must be between 0 and 1 (got {v})");
        }
    }
    let options = MatcherOptions {
        threshold: a.threshold,
        min_margin: a.min_margin,
        fuzzy: !a.no_fuzzy,
        ..MatcherOptions::default()
    };
    let types = a
        .types
        .iter()
        .map(|t| t.parse::<EntityType>())
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("--type: {e}"))?;
    let matcher = load_matcher(&a.glossary, a.input.lossy, options)?;
    // The first `n` matches of each query; with --type, of the whole list those of the types asked for.
    let answers = |queries: &[String], n: usize| -> Vec<Vec<Match<'_>>> {
        if types.is_empty() {
            return matcher.lookup_batch_top(queries, n);
        }
        matcher
            .lookup_batch(queries)
            .into_iter()
            .map(|found| {
                found
                    .into_iter()
                    .filter(|m| types.contains(&m.entry.kind))
                    .take(n)
                    .collect()
            })
            .collect()
    };
    let mut out = io::stdout();
    let mut all_matched = true;
    if a.input.csv {
        let column = a.input.column.as_deref().unwrap_or_default();
        // Every row's value looked up at once, on all cores.
        csvcol::filter_all_batched(
            &a.names,
            &mut out,
            column,
            &["en", "id", "score"],
            csv_options(&a.input),
            |values| {
                answers(values, 1)
                    .into_iter()
                    .map(|found| match found.first() {
                        Some(m) => vec![
                            m.entry.en.clone(),
                            m.entry.id.clone(),
                            format!("{:.3}", m.score),
                        ],
                        None => {
                            all_matched = false;
                            vec![String::new(), String::new(), String::new()]
                        }
                    })
                    .collect()
            },
        )?;
        out.flush()?;
        return Ok(if all_matched {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let mut printer = LookupPrinter::new(a.format, color, !a.glossary.no_default_glossary, a.full);
    let mut answer_batch = |queries: &[String], out: &mut dyn Write| -> Result<()> {
        for (q, matches) in queries.iter().zip(answers(queries, a.top)) {
            all_matched &= !matches.is_empty();
            if a.explain {
                explain(out, &matcher, q, &matches)?;
            } else {
                printer.print(out, q, &matches)?;
            }
        }
        Ok(())
    };
    match io::from_args_or_stdin(&a.names) {
        Some(names) => answer_batch(names, &mut out)?,
        None => {
            // Queries are answered in batches on all cores; output keeps the input order.
            let mut batch: Vec<String> = Vec::with_capacity(BATCH);
            io::for_each_stdin_line(a.input.lossy, |_, q| {
                batch.push(q.to_string());
                if batch.len() == BATCH {
                    answer_batch(&batch, &mut out)?;
                    batch.clear();
                }
                Ok(())
            })?;
            answer_batch(&batch, &mut out)?;
        }
    }
    printer.finish(&mut out)?;
    out.flush()?;
    Ok(if all_matched {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Queries answered together when reading standard input.
const BATCH: usize = 1024;

/// `lookup --explain`: the query's keys, then each candidate's per-key scores.
fn explain(
    out: &mut dyn Write,
    matcher: &Matcher,
    query: &str,
    matches: &[Match<'_>],
) -> Result<()> {
    let k = matcher.query_keys(query);
    writeln!(out, "query     {}", visible(query))?;
    writeln!(out, "search    {}", k.search)?;
    writeln!(out, "tokens    {}", k.tokens.join(" | "))?;
    writeln!(out, "skeleton  {}", k.skeletons.join(" | "))?;
    writeln!(out, "latin     {}", k.latin.join(" | "))?;
    if let Some(bare) = &k.latin_without_article {
        writeln!(
            out,
            "          {} without the article, also read against Latin forms",
            bare.join(" | ")
        )?;
    }
    if let Some((skeletons, latin)) = &k.other_reading {
        writeln!(
            out,
            "also read {} (skeleton {})",
            latin.join(" | "),
            skeletons.join(" | ")
        )?;
    }
    let o = matcher.options();
    if matches.is_empty() {
        writeln!(
            out,
            "no candidate at or above the threshold {:.2}",
            o.threshold
        )?;
    }
    for (i, m) in matches.iter().enumerate() {
        writeln!(
            out,
            "#{} {} ({}) score {:.3} via {} on form {:?}",
            i + 1,
            m.entry.en,
            m.entry.id,
            m.score,
            m.method,
            m.form
        )?;
        if !m.detail.is_empty() {
            writeln!(out, "   {}", m.detail)?;
        }
        if let Some(s) = m.scores {
            writeln!(
                out,
                "   text {:.3}  skeleton {:.3}  latin {:.3}  coverage {:.2}{}{}",
                s.text,
                s.skeleton,
                s.latin,
                s.coverage,
                s.fit
                    .map_or(String::new(), |f| format!("  fit {f:.2}/letter")),
                if s.cross_script {
                    "  (cross-script)"
                } else {
                    ""
                }
            )?;
            writeln!(out, "   pair probability {:.3}", s.total)?;
        }
    }
    if matches.iter().any(|m| m.scores.is_some()) {
        writeln!(
            out,
            "(a fuzzy score is the best pair's probability weighed against the runner-up's and the query's length, \
             the others scaled alike)"
        )?;
    }
    if let (Some(a), Some(b)) = (matches.first(), matches.get(1)) {
        if a.score == b.score {
            // Equal scores are ranked by glossary order alone: say so rather than name a winner.
            writeln!(
                out,
                "no winner: {} and {} score the same (ranked by glossary order)",
                a.entry.id, b.entry.id
            )?;
        } else {
            writeln!(
                out,
                "winner: {} by {:.3} over {} (margin needed {:.2})",
                a.entry.id,
                a.score - b.score,
                b.entry.id,
                o.min_margin
            )?;
        }
    } else if let Some(a) = matches.first() {
        writeln!(
            out,
            "winner: {} (the only candidate at or above {:.2})",
            a.entry.id, o.threshold
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// Prints lookup results in one of the formats.
struct LookupPrinter {
    format: Format,
    color: bool,
    count: usize,
    /// Whether the table's hint for an unmatched Arabic name writes the shipped glossary's names as spelt (when
    /// that glossary is in use); they are read at the first miss, not before.
    shipped: bool,
    /// Whether each match shows its whole entry (`--full`): the other spellings and the note.
    full: bool,
}

impl LookupPrinter {
    fn new(format: Format, color: bool, shipped: bool, full: bool) -> LookupPrinter {
        LookupPrinter {
            format,
            color,
            count: 0,
            shipped,
            full,
        }
    }

    fn print(&mut self, out: &mut dyn Write, query: &str, matches: &[Match<'_>]) -> Result<()> {
        let first = self.count == 0;
        self.count += 1;
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &json_object(query, matches, self.full))?;
                writeln!(out)?;
            }
            Format::Json => {
                out.write_all(if first { b"[\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut *out, &json_object(query, matches, self.full))?;
            }
            Format::Tsv => {
                // With --full, three more columns at the end: the columns before them stay where scripts read them.
                let more = if self.full {
                    "\ten_variants\tar_variants\tnote"
                } else {
                    ""
                };
                if first {
                    writeln!(out, "query\trank\tid\ten\tar\ttype\tscore\tmethod{more}")?;
                }
                if matches.is_empty() {
                    let empty = if self.full { "\t\t\t" } else { "" };
                    writeln!(out, "{}\t0\t\t\t\t\t\t{empty}", tsv(query))?;
                }
                for (i, m) in matches.iter().enumerate() {
                    write!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{}",
                        tsv(query),
                        i + 1,
                        tsv(&m.entry.id),
                        tsv(&m.entry.en),
                        tsv(&m.entry.ar),
                        m.entry.kind,
                        m.score,
                        m.method
                    )?;
                    if self.full {
                        write!(
                            out,
                            "\t{}\t{}\t{}",
                            tsv(&m.entry.en_variants.join("|")),
                            tsv(&m.entry.ar_variants.join("|")),
                            tsv(&m.entry.note)
                        )?;
                    }
                    writeln!(out)?;
                }
            }
            Format::Table => {
                let (bold, green, dim, reset) = if self.color {
                    ("\x1b[1m", "\x1b[32m", "\x1b[2m", "\x1b[0m")
                } else {
                    ("", "", "", "")
                };
                // A bidi override in the query would reorder the rest of the row on a terminal: shown as an escape.
                let query = visible(query);
                if matches.is_empty() {
                    // An Arabic name no entry holds: at least how `plain` writes it.
                    let hint = if query.chars().any(normalize::is_arabic_letter) {
                        let latin = if self.shipped {
                            translit::transliterate_known(
                                &query,
                                Scheme::Plain,
                                KnownNames::builtin(),
                            )
                        } else {
                            translit::transliterate(&query, Scheme::Plain)
                        };
                        format!(" (plain: {})", visible(&latin))
                    } else {
                        String::new()
                    };
                    writeln!(out, "{bold}{query}{reset}  {dim}no match{hint}{reset}")?;
                }
                for m in matches {
                    let how = if m.detail.is_empty() {
                        m.method.to_string()
                    } else {
                        format!("{}, {}", m.method, m.detail)
                    };
                    writeln!(
                        out,
                        "{bold}{query}{reset}  →  {green}{}{reset}  {}  {}  {dim}[{}; {how}; {:.2}]{reset}",
                        m.entry.en, m.entry.ar, m.entry.kind, m.entry.id, m.score
                    )?;
                    if self.full {
                        let also: Vec<&str> = m
                            .entry
                            .en_variants
                            .iter()
                            .chain(&m.entry.ar_variants)
                            .map(String::as_str)
                            .collect();
                        if !also.is_empty() {
                            writeln!(out, "    {dim}also:{reset} {}", visible(&also.join(" | ")))?;
                        }
                        if !m.entry.note.is_empty() {
                            writeln!(out, "    {dim}note:{reset} {}", visible(&m.entry.note))?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> Result<()> {
        if self.format == Format::Json {
            out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    }
}

/// The JSON object of a query's matches; `full` adds each entry's other spellings and note.
fn json_object(query: &str, matches: &[Match<'_>], full: bool) -> serde_json::Value {
    let matches: Vec<serde_json::Value> = matches
        .iter()
        .map(|m| {
            let mut o = serde_json::json!({
                "id": m.entry.id,
                "en": m.entry.en,
                "ar": m.entry.ar,
                "type": m.entry.kind.as_str(),
                "score": (m.score * 10_000.0).round() / 10_000.0,
                "method": m.method.as_str(),
                "form": m.form,
                "detail": m.detail,
            });
            if let (true, Some(fields)) = (full, o.as_object_mut()) {
                fields.insert("en_variants".into(), m.entry.en_variants.clone().into());
                fields.insert("ar_variants".into(), m.entry.ar_variants.clone().into());
                fields.insert("note".into(), m.entry.note.clone().into());
            }
            o
        })
        .collect();
    serde_json::json!({ "query": query, "matches": matches })
}

/// Text for a terminal: bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) written as
/// `<U+202E>`, so that they cannot reorder what follows them on the line.
fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    let is_bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !s.contains(is_bidi) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| {
                if is_bidi(c) {
                    format!("<U+{:04X}>", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// A TSV field: tabs and line breaks become spaces.
fn tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn glossary_check(files: &[PathBuf]) -> Result<ExitCode> {
    let mut inputs = Vec::with_capacity(files.len());
    for f in files {
        let bytes = read_glossary_file(f)?;
        inputs.push((f.display().to_string(), bytes));
    }
    let problems = check_files(&inputs);
    let mut out = io::stdout();
    for p in &problems {
        io::writeln_out(&mut out, &p.to_string())?;
    }
    out.flush()?;
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    eprintln!(
        "qamus: {} file(s) checked: {errors} error(s), {} warning(s)",
        files.len(),
        problems.len() - errors
    );
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn glossary_add(file: &std::path::Path, from: &std::path::Path, dry_run: bool) -> Result<ExitCode> {
    let plan = qamus::glossary::edit::add_to_file(file, from, dry_run)?;
    let (add_verb, file_name, from_name) = (
        if dry_run { "would add" } else { "added" },
        file.display(),
        from.display(),
    );
    let mut out = io::stdout();
    for a in &plan.added {
        io::writeln_out(
            &mut out,
            &format!(
                "{add_verb} {from_name}:{} as {file_name}:{}: {} ({})\n    {}",
                a.from_line, a.line, a.id, a.en, a.text
            ),
        )?;
    }
    let extend_verb = if dry_run { "would extend" } else { "extended" };
    for a in &plan.extended {
        io::writeln_out(
            &mut out,
            &format!(
                "{extend_verb} {file_name}:{} with the variants of {from_name}:{}: {} ({})\n    {}",
                a.line, a.from_line, a.id, a.en, a.text
            ),
        )?;
    }
    for s in &plan.skipped {
        io::writeln_out(
            &mut out,
            &format!(
                "skipped {from_name}:{}: {} is identical to {}",
                s.from_line, s.id, s.existing
            ),
        )?;
    }
    out.flush()?;
    if !plan.dropped_columns.is_empty() {
        eprintln!(
            "qamus: note: {file_name} has no column for {}: left out",
            plan.dropped_columns.join(", ")
        );
    }
    eprintln!(
        "qamus: {} row(s) {}{}, {} row(s) {} with new variants, {} identical row(s) skipped",
        plan.added.len(),
        if dry_run { "would be added" } else { "added" },
        if dry_run {
            String::new()
        } else {
            format!(" to {file_name}")
        },
        plan.extended.len(),
        if dry_run {
            "would be extended"
        } else {
            "extended"
        },
        plan.skipped.len()
    );
    Ok(if plan.added.is_empty() && plan.extended.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn discover(a: &DiscoverArgs) -> Result<ExitCode> {
    let matcher = load_matcher(&a.glossary, false, MatcherOptions::default())?;
    let docs: Vec<(String, String)> = scan::documents(&a.paths, &a.read)?
        .map(|d| d.map(|d| (d.name, d.text)))
        .collect::<std::result::Result<_, _>>()?;
    let options = qamus::discover::Options {
        min_count: a.min_count,
        min_score: a.min_score,
        ..qamus::discover::Options::default()
    };
    let found = qamus::discover::discover(&docs, &matcher, &options);
    let mut out = io::stdout();
    out.write_all(qamus::discover::to_csv(&found)?.as_bytes())?;
    out.flush()?;
    eprintln!(
        "qamus: {} candidate(s) from {} document(s)",
        found.len(),
        docs.len()
    );
    Ok(if found.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn glossary_stats(a: &GlossaryArgs, lossy: bool) -> Result<ExitCode> {
    let g = load_glossary(a, lossy)?;
    let s = g.stats();
    let mut out = io::stdout();
    writeln!(out, "entries\t{}", s.entries)?;
    for (t, n) in s.by_type {
        writeln!(out, "{t}\t{n}")?;
    }
    writeln!(out, "forms\t{}", s.forms)?;
    writeln!(out, "english-only\t{}", s.english_only)?;
    for l in g.layers() {
        writeln!(out, "layer\t{}\t{}", l.name, l.entries)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn eval(a: &EvalArgs) -> Result<ExitCode> {
    let mut options = MatcherOptions::default();
    options.threshold = a.threshold.unwrap_or(options.threshold);
    options.min_margin = a.min_margin.unwrap_or(options.min_margin);
    if a.report == "romanized" {
        eval_romanized(options)?;
        return Ok(ExitCode::SUCCESS);
    }
    if !a.data.is_dir() {
        anyhow::bail!(
            "{}: no development data here (it lives in ../shared/eval of the source tree; give --data DIR)",
            a.data.display()
        );
    }
    let mut out = io::stdout();
    if a.report == "train" {
        let t = qamus::eval::train(&a.data)?;
        out.write_all(t.to_rust().as_bytes())?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if matches!(a.report.as_str(), "all" | "translit") {
        let path = a.data.join("translit-dev.tsv");
        writeln!(out, "## translit --scheme plain on {}\n", path.display())?;
        writeln!(out, "| rows | n | CER | exact |")?;
        writeln!(out, "|---|---:|---:|---:|")?;
        let r = qamus::eval::translit(&path, Scheme::Plain)?;
        for (name, s) in [
            ("held-out fifth", r.held_out),
            ("all", r.all),
            (
                "all, by the model alone (no name known by heart)",
                r.all_model,
            ),
        ] {
            writeln!(
                out,
                "| {name} | {} | {:.3} | {:.3} |",
                s.rows,
                s.cer(),
                s.exact()
            )?;
        }
    }
    if a.report == "sweep" {
        writeln!(
            out,
            "## lookup at several thresholds (default {:.2}); top-1 of variants and cross-script, false matches\n",
            MatcherOptions::DEFAULT_THRESHOLD
        )?;
        writeln!(
            out,
            "| threshold | variants top-1 (held-out / all) | cross-script top-1 (held-out / all) | \
             cross-script top-5 (held-out / all) | false-match rate | without collisions | \
             cross-script false-match rate (without namesakes) |"
        )?;
        writeln!(out, "|---:|---:|---:|---:|---:|---:|---:|")?;
        for t in [0.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85] {
            let options = MatcherOptions {
                threshold: t,
                ..MatcherOptions::default()
            };
            let r = qamus::eval::matching(&a.data, options)?;
            writeln!(
                out,
                "| {t:.2} | {:.3} / {:.3} | {:.3} / {:.3} | {:.3} / {:.3} | {:.3} | {:.3} | {:.3} ({:.3}) |",
                r.variants_held_out.top1_rate(),
                r.variants_all.top1_rate(),
                r.cross_held_out.top1_rate(),
                r.cross_all.top1_rate(),
                r.cross_held_out.top5_rate(),
                r.cross_all.top5_rate(),
                r.false_match_rate(),
                r.matcher_false_match_rate(),
                r.cross_false_match_rate(),
                r.cross_false_match_rate_distinct()
            )?;
            out.flush()?;
        }
    }
    if matches!(a.report.as_str(), "all" | "matching") {
        let started = std::time::Instant::now();
        let r = qamus::eval::matching(&a.data, options)?;
        writeln!(
            out,
            "\n## lookup at the default threshold {:.2}, margin {:.2}\n",
            options.threshold, options.min_margin
        )?;
        writeln!(
            out,
            "| report | glossary | queries | top-1 | top-5 | MRR@5 |"
        )?;
        writeln!(out, "|---|---:|---:|---:|---:|---:|")?;
        for (name, entries, s) in [
            (
                "variants, held-out fifth",
                r.variants_entries,
                r.variants_held_out,
            ),
            ("variants, all", r.variants_entries, r.variants_all),
            (
                "cross-script, held-out fifth",
                r.cross_entries,
                r.cross_held_out,
            ),
            ("cross-script, all", r.cross_entries, r.cross_all),
            (
                "Latin (`plain` of the Arabic), held-out fifth",
                r.cross_entries,
                r.latin_held_out,
            ),
            (
                "Latin (`plain` of the Arabic), all",
                r.cross_entries,
                r.latin_all,
            ),
        ] {
            writeln!(
                out,
                "| {name} | {entries} | {} | {:.3} | {:.3} | {:.3} |",
                s.queries,
                s.top1_rate(),
                s.top5_rate(),
                s.mrr5()
            )?;
        }
        let [spelling, namesake, under, lower, nowhere] = r.variants_misses;
        writeln!(
            out,
            "\nvariants, all: {} not right, by what comes first at threshold 0: {spelling} another entry's form \
             (the spelling is its exact or normalized form), {namesake} another entry of the same name (one \
             consonant skeleton: Davis / Davies), {under} the right entry under the threshold, {lower} the right \
             entry lower down, {nowhere} the right entry not found",
            r.variants_all.queries - r.variants_all.top1,
        )?;
        let [collisions, readings, fuzzy, translit] = r.oog_false_by_cause;
        writeln!(
            out,
            "\nout-of-glossary: {} queries, {} false matches, false-match rate {:.3}: {collisions} collisions \
             (the spelling is another entry's form), {readings} readings (clitic, title, family name), \
             {fuzzy} fuzzy, {translit} translit; without collisions {:.3}",
            r.oog_queries,
            r.oog_false,
            r.false_match_rate(),
            r.matcher_false_match_rate(),
        )?;
        writeln!(
            out,
            "\ncross-script out-of-glossary: {} queries (the Arabic of a fifth of the English names, left out of \
             the English-only glossary), {} found a name, false-match rate {:.3}; {} of them another \
             romanization of the same name (one consonant skeleton: Andreev for Andreyev), without them {:.3}",
            r.cross_oog_queries,
            r.cross_oog_false,
            r.cross_false_match_rate(),
            r.cross_oog_namesakes,
            r.cross_false_match_rate_distinct(),
        )?;
        writeln!(
            out,
            "\nLatin out-of-glossary: the same names' Arabic transliterated by `plain`, {} queries, {} found a name, \
             false-match rate {:.3}; {} of them a name of the same consonant skeleton, without them {:.3}",
            r.latin_oog_queries,
            r.latin_oog_false,
            r.latin_false_match_rate(),
            r.latin_oog_namesakes,
            r.latin_false_match_rate_distinct(),
        )?;
        writeln!(out, "({:.1} s)", started.elapsed().as_secs_f64())?;
        if let Some(path) = &a.errors {
            let errors = qamus::eval::matching_errors(&a.data, options)?;
            let mut text = String::from(qamus::eval::MatchError::TSV_HEADER);
            text.push('\n');
            for e in &errors {
                text.push_str(&e.tsv());
                text.push('\n');
            }
            std::fs::write(path, text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            writeln!(
                out,
                "{} failing queries written to {}",
                errors.len(),
                path.display()
            )?;
        }
    }
    out.flush()?;
    if a.report == "all" {
        eval_romanized(options)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `qamus eval romanized`: the shipped glossary's Arabic forms romanized and looked up.
fn eval_romanized(options: MatcherOptions) -> Result<()> {
    let mut out = io::stdout();
    writeln!(
        out,
        "\n## lookup of the shipped glossary's Arabic forms romanized (unvocalized), read back into Arabic letters\n"
    )?;
    writeln!(
        out,
        "| scheme | forms | right | wrong | none | right rate |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|")?;
    for s in qamus::eval::romanized(Glossary::builtin(), options) {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.3} |",
            s.scheme,
            s.forms,
            s.right,
            s.wrong,
            s.forms - s.right - s.wrong,
            s.right_rate()
        )?;
    }
    out.flush()?;
    Ok(())
}
