//! The command line, declared with clap (derive). Parsing only: `mod.rs` runs the commands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str = "Arabic–English name glossary, normalizer and transliterator.

qamus maps the many spellings of a name in Arabic news (ناغورنو كراباخ / ناغورني قره باغ / قرة باغ,
وباشينيان, للكرملين) onto one canonical English glossary entry, and writes Arabic in Latin script.";

const EXAMPLES: &str = "Examples:
  qamus lookup بوتين للكرملين 'ناغورني قره باغ'
  qamus translit --scheme ala-lc 'القاهرة'
  echo 'قرة باغ' | qamus normalize --level search -
  qamus lookup --csv --column name names.csv > names.resolved.csv
  qamus glossary check my-names.csv
  qamus scan article.txt
  qamus xref tests/corpus/seeds";

/// The `qamus` command line.
#[derive(Debug, Parser)]
#[command(name = "qamus", version, about = ABOUT, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    /// When to colour output: auto (only on a terminal), always, never.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// When to use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Only when standard output is a terminal (and NO_COLOR is unset).
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find the glossary entry of each name (Arabic or Latin).
    #[command(after_help = "Examples:
  qamus lookup بوتين
  qamus lookup --format jsonl --top 3 - < names.txt
  qamus lookup --glossary mine.csv 'Nikol Pashinyan'
  qamus lookup --csv --column name people.csv
  qamus lookup --csv --column name --excel-safe scraped.csv > for-excel.csv
  qamus lookup --explain --top 3 بسكوف
  qamus lookup --threshold 0 --top 10 'Paschinjan'

Methods: exact, normalized (hamza, tashkeel, ة/ه…, clitics, family name), fuzzy (close spelling, same
script), translit (other script). Scores are in 0..1; matches under --threshold are never shown.

Exit status: 0 when every query matched, 1 when some did not, 2 on error.")]
    Lookup(LookupArgs),
    /// Write Arabic in Latin script (plain press style, Buckwalter, ALA-LC, DIN 31635, BGN/PCGN).
    #[command(after_help = "Examples:
  qamus translit 'بوتين وباشينيان'               # Putin wa-Pashinyan
  qamus translit --no-default-glossary بيسكوف    # Beskov: the model alone (Peskov with the glossary)
  qamus translit -g mine.csv - < article.txt     # your glossary's names too
  qamus translit --scheme buckwalter 'قره باغ'   # qrh bAg
  qamus translit --scheme buckwalter --reverse qrh
  qamus translit --scheme ala-lc - < names.txt
  qamus translit --scheme bgn-pcgn 'الرِّيَاض'         # Ar Riyāḑ (the gazetteers' system)
  qamus translit --scheme bgn-pcgn --reverse 'Ar Riyāḑ'   # الرياض
  qamus translit --csv --column name people.csv

plain writes the names of the glossary in use (the shipped one, and --glossary files) as the glossary spells
them in English, then the names its model was trained on, and reads every other word with its model. The other
schemes are strict and ignore the glossary.")]
    Translit(TranslitArgs),
    /// Normalize Arabic and Latin text (display or search level).
    #[command(after_help = "Examples:
  qamus normalize --level search 'الكريملِن'
  qamus normalize - < article.txt > article.clean.txt
  qamus normalize --level search --csv --column name people.csv")]
    Normalize(NormalizeArgs),
    /// Propose glossary rows from documents: new spellings of known names, and names after titles and verbs of
    /// saying (exit 0 some found, 1 none, 2 error).
    ///
    /// Writes CSV in the glossary format to standard output, with counts and contexts in `note`, ready to review
    /// and append with `qamus glossary add FILE --from candidates.csv`.
    #[command(
        after_help = "Examples:\n  qamus discover tests/corpus/seeds > candidates.csv\n  qamus discover --glossary mine.csv --min-count 1 article.txt"
    )]
    Discover(DiscoverArgs),
    /// Check glossary files, or show what a glossary holds.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
    /// Compile glossaries into an index file that opens at once (memory-mapped), or check index files.
    #[command(subcommand)]
    Index(IndexCommand),
    /// Measure accuracy on the development data (../shared/eval in the source tree).
    #[command(after_help = "Examples:
  qamus eval                 # every report
  qamus eval translit --data ../shared/eval")]
    Eval(EvalArgs),
    /// Find every mention of a glossary entry in documents (files, directories, `-` for standard input).
    #[command(after_help = "Examples:
  qamus scan article.txt
  qamus scan --format jsonl tests/corpus/seeds > mentions.jsonl
  qamus scan --format csv pages/ > mentions.csv           # .txt .md .html .htm .jsonl files, recursively
  cat news.jsonl | qamus scan --jsonl-field text --id-field id --format jsonl -

Each mention has its document, byte and character offsets (into the text as read; for HTML, into the text
extracted from the page), the surface as written (clitics included), the entry and how it was found:
exact, normalized (folds, clitic, family name), fuzzy or translit (unseen spellings, only after titles,
after verbs of saying (وقال X) or on capitalized Latin words, at --fuzzy-threshold).

Exit status: 0 when something was found, 1 when nothing was, 2 on error.")]
    Scan(ScanArgs),
    /// Cross-reference documents: entities per document, their spellings, related documents.
    #[command(after_help = "Examples:
  qamus xref tests/corpus/seeds
  qamus xref --format json docs/ > xref.json
  qamus xref --format csv docs/ > entities.csv
  qamus xref --format html docs/ > xref.html      # a page to open in a browser

json: {\"documents\": [{\"path\", \"entities\": [{\"id\", \"en\", \"type\", \"count\", \"surfaces\"}]}],
       \"related\": [{\"a\", \"b\", \"score\", \"shared\"}]}
Related pairs are scored by the cosine of tf-idf entity vectors: an entity every document names counts little.

Exit status: 0 when some entity was found, 1 when none was, 2 on error.")]
    Xref(XrefArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Example:\n  qamus completions bash > ~/.local/share/bash-completion/completions/qamus"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) on standard output.
    #[command(after_help = "Example:\n  qamus man | man -l -")]
    Man,
}

/// Where the glossary comes from.
#[derive(Debug, Args)]
pub struct GlossaryArgs {
    /// A glossary CSV file, or an index file from `qamus index build`, to add on top of the shipped one
    /// (repeatable; later files win on the same id). An index holds the layers it was built from.
    #[arg(long = "glossary", short = 'g', value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Leave the shipped glossary out (an index built with it keeps it: it holds the layers it was built from).
    #[arg(long)]
    pub no_default_glossary: bool,
}

/// Reading lines or a CSV column.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Treat the input as CSV and process one column, adding columns to each row (arguments are CSV files; none
    /// or `-` reads standard input).
    #[arg(long, requires = "column")]
    pub csv: bool,
    /// The CSV column to process: its header name, or its number counted from 1 (when no header field has that
    /// name).
    #[arg(long, value_name = "COLUMN")]
    pub column: Option<String>,
    /// With --csv: the input has no header row. Every row is data, --column is the column's number (1 for the
    /// first), and the new columns are appended without names.
    #[arg(long, alias = "no-headers", requires = "csv")]
    pub no_header: bool,
    /// Replace invalid UTF-8 (and NUL bytes) with U+FFFD, and warn, instead of stopping with an error (in the
    /// input, and in the --glossary files of lookup).
    #[arg(long)]
    pub lossy: bool,
    /// With --csv: put a ' before every cell that begins with =, +, -, @, a tab or a carriage return, so that a
    /// spreadsheet shows it as text instead of running it as a formula (OWASP "CSV Injection"). Rows holding such
    /// a cell are written re-quoted; a negative number reads as text ('-5).
    #[arg(long, requires = "csv")]
    pub excel_safe: bool,
}

/// Output formats of `lookup`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable table.
    Table,
    /// One JSON array of query objects.
    Json,
    /// One JSON object per query per line: {"query", "matches": [{"id", "en", "ar", "type", "score", "method"}]}.
    Jsonl,
    /// Tab-separated: query, rank, id, en, ar, type, score, method.
    Tsv,
}

/// `qamus lookup`.
#[derive(Debug, Args)]
pub struct LookupArgs {
    /// Names to look up; none or `-` reads one name per line from standard input.
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Show up to N candidates per query (only those that pass the threshold).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub top: usize,
    /// Lowest score a match may have, 0..1 (0 shows every candidate).
    #[arg(long, value_name = "SCORE", default_value_t = qamus::matcher::MatcherOptions::DEFAULT_THRESHOLD)]
    pub threshold: f64,
    /// Drop fuzzy matches when the best two entries are closer than this (0 keeps them).
    #[arg(long, value_name = "SCORE", default_value_t = qamus::matcher::MatcherOptions::DEFAULT_MIN_MARGIN)]
    pub min_margin: f64,
    /// Exact and normalized matches only: no fuzzy or cross-script matching.
    #[arg(long)]
    pub no_fuzzy: bool,
    /// Only entries of these types: PER, LOC, ORG, MISC (repeatable, or separated by commas). The matches of
    /// other types are left out after the lookup; the scores stay those of the whole lookup.
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    pub types: Vec<String>,
    /// Show, for each candidate, the query's keys, the per-key scores and why the winner won.
    #[arg(long)]
    pub explain: bool,
    /// Show each match's whole entry: its other spellings and its note (JSON: `en_variants`, `ar_variants`,
    /// `note`; TSV: three more columns; the table: a second line).
    #[arg(long)]
    pub full: bool,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

/// `qamus translit`.
#[derive(Debug, Args)]
pub struct TranslitArgs {
    /// Text to transliterate; none or `-` reads standard input line by line.
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,
    /// The scheme.
    #[arg(long, short = 's', default_value = "plain", value_parser = ["plain", "buckwalter", "ala-lc", "din", "bgn-pcgn"])]
    pub scheme: String,
    /// Go back from Latin to Arabic: buckwalter exactly; ala-lc, din and bgn-pcgn into the Arabic letters they
    /// write, without the short vowels (Arabic does not write them).
    #[arg(long)]
    pub reverse: bool,
    /// With `plain`, the names of these glossaries are written as they spell them in English (بوتين: Putin).
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Normalization levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// Controls removed, NFC, whitespace collapsed.
    Display,
    /// The matching key: display + NFKC + letter, mark, digit and Latin folds.
    Search,
}

/// `qamus normalize`.
#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// Text to normalize; none or `-` reads standard input line by line.
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,
    /// The level.
    #[arg(long, short = 'l', value_enum, default_value_t = LevelArg::Display)]
    pub level: LevelArg,
    #[command(flatten)]
    pub input: InputArgs,
}

/// `qamus discover`.
#[derive(Debug, Args)]
pub struct DiscoverArgs {
    /// Documents, read as `scan` reads them: files (`.txt`, `.md`, `.html`, JSON Lines), directories walked
    /// recursively, `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Fewest occurrences of a name after a title or a verb of saying.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_count: usize,
    /// Lowest fuzzy or cross-script score for a new spelling of a known name.
    #[arg(long, default_value_t = 0.75, value_name = "SCORE")]
    pub min_score: f64,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
}

/// `qamus glossary …`.
#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Report every problem of glossary files with file:line:column (exit 0 clean, 1 problems, 2 unreadable).
    #[command(
        after_help = "Examples:\n  qamus glossary check glossary/*.csv\n  qamus glossary check mine.csv"
    )]
    Check {
        /// The files, checked together (conflicts between them are reported too).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Append reviewed candidate rows to a glossary file, atomically and under a lock (exit 0 added, 1 nothing to
    /// add, 2 refused or error).
    ///
    /// The file keeps every byte it had (comments, order, quoting, line ends, BOM); new rows are written in its
    /// column order, line-end style and quoting. A row identical to one already there is skipped; a row with an
    /// existing id, type and en that brings new variants rewrites that one row with them; any other duplicate id,
    /// or a form already claimed by another entry, refuses the whole operation, naming both file:line.
    #[command(
        after_help = "Examples:\n  qamus glossary add mine.csv --from candidates.csv --dry-run\n  qamus glossary add mine.csv --from candidates.csv"
    )]
    Add {
        /// The glossary file to append to (it must exist and load).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The reviewed rows: a CSV in the glossary format, columns in any order, extra columns allowed.
        #[arg(long, value_name = "CSV")]
        from: PathBuf,
        /// Print what would be added or skipped, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Entries by type, forms, layers.
    #[command(
        after_help = "Examples:\n  qamus glossary stats\n  qamus glossary stats --glossary mine.csv"
    )]
    Stats {
        #[command(flatten)]
        glossary: GlossaryArgs,
        /// Replace invalid UTF-8 (and NUL bytes) in glossary files with U+FFFD, and warn, instead of refusing them.
        #[arg(long)]
        lossy: bool,
    },
}

/// `qamus index …`.
#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// Write the shipped glossary and FILEs (later files win on the same id), with every matching key, into one
    /// index file; `--glossary OUT` then opens it wherever a CSV is accepted, without reading or keying anything
    /// again.
    ///
    /// The file records its sources' sizes and modification times, the qamus version and matching keys it was
    /// built with, and checksums: a stale or damaged index is refused with the command that rebuilds it.
    #[command(after_help = "Examples:
  qamus index build mine.csv -o names.qidx
  qamus lookup --glossary names.qidx بسكوف
  qamus index build --no-default-glossary big.csv -o big.qidx
  qamus index check names.qidx")]
    Build {
        /// Glossary CSV files on top of the shipped one, in layer order.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The index file to write (atomically: a reader never sees half of it).
        #[arg(long, short = 'o', value_name = "OUT")]
        output: PathBuf,
        /// Leave the shipped glossary out.
        #[arg(long)]
        no_default_glossary: bool,
    },
    /// Check index files: signature, format version, checksums, qamus version and sources (exit 0 all usable,
    /// 1 some stale or damaged, 2 unreadable).
    #[command(after_help = "Example:\n  qamus index check names.qidx")]
    Check {
        /// The index files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// `qamus eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Which report: translit, matching (variants, out-of-glossary, cross-script, cross-script out-of-glossary),
    /// romanized (the shipped glossary's Arabic forms in ALA-LC, DIN and BGN/PCGN looked up: needs no data), or
    /// all; `sweep` runs the matching reports at several thresholds (the trade-off behind the default); `train`
    /// fits the fuzzy scorer's weights instead and prints them as `src/matcher/weights.rs`.
    #[arg(value_parser = ["all", "translit", "matching", "romanized", "sweep", "train"], default_value = "all")]
    pub report: String,
    /// The development data directory (translit-dev.tsv, variants-dev.tsv).
    #[arg(long, default_value = "../shared/eval", value_name = "DIR")]
    pub data: PathBuf,
    /// Evaluate lookup at this threshold instead of the default.
    #[arg(long, value_name = "SCORE")]
    pub threshold: Option<f64>,
    /// Evaluate lookup with this ambiguity margin instead of the default.
    #[arg(long, value_name = "SCORE")]
    pub min_margin: Option<f64>,
    /// With `matching`: also write every failing query (variants misses, out-of-glossary false matches,
    /// cross-script misses, cross-script out-of-glossary false matches) to this file as TSV, with the first three matches and whether the index proposed
    /// the right entry at all.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
}

/// How documents are read (`scan`, `xref`).
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Read every input as JSON Lines, the text in this string field.
    #[arg(long, value_name = "FIELD")]
    pub jsonl_field: Option<String>,
    /// With --jsonl-field: the field naming each document (otherwise PATH:LINE).
    #[arg(long, value_name = "FIELD", requires = "jsonl_field")]
    pub id_field: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of stopping with an error.
    #[arg(long)]
    pub lossy: bool,
}

/// How mentions are found (`scan`, `xref`).
#[derive(Debug, Args)]
pub struct ScanOptionArgs {
    /// Exact and normalized forms only: no fuzzy matching of unseen spellings.
    #[arg(long)]
    pub no_fuzzy: bool,
    /// Lowest score of a fuzzy or cross-script match in running text, 0..1.
    #[arg(long, value_name = "SCORE", default_value_t = qamus::scan::ScanOptions::DEFAULT_FUZZY_THRESHOLD)]
    pub fuzzy_threshold: f64,
    /// Do not resolve lone family names of people (بوتين → Vladimir Putin).
    #[arg(long)]
    pub no_family_names: bool,
}

/// Output formats of `scan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScanFormat {
    /// The text with mentions highlighted (in colour on a terminal).
    Pretty,
    /// One JSON object per mention: doc, start, end, char_start, char_end, surface, id, en, type, score, method,
    /// detail.
    Jsonl,
    /// Tab-separated, one mention per line, with a header.
    Tsv,
    /// CSV, one mention per row, with a header.
    Csv,
}

/// `qamus scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files, directories (walked recursively) or `-` (standard input, also when none is given).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ScanFormat::Pretty)]
    pub format: ScanFormat,
    /// With `--format csv`: neutralize cells that a spreadsheet would run as a formula (starting with = + - @, tab
    /// or carriage return) by a leading `'`.
    #[arg(long)]
    pub excel_safe: bool,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub options: ScanOptionArgs,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
}

/// Output formats of `xref`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum XrefFormat {
    /// Markdown: documents, the entity × document matrix, spellings, related documents.
    Md,
    /// CSV: one row per document and entity.
    Csv,
    /// JSON: {"documents": [...], "related": [...]}.
    Json,
    /// One self-contained HTML page: heat map, spellings, related documents, mentions in context.
    Html,
}

/// `qamus xref`.
#[derive(Debug, Args)]
pub struct XrefArgs {
    /// Files, directories (walked recursively) or `-` (standard input, also when none is given).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = XrefFormat::Md)]
    pub format: XrefFormat,
    /// With `--format csv`: neutralize cells that a spreadsheet would run as a formula (starting with = + - @, tab
    /// or carriage return) by a leading `'`.
    #[arg(long)]
    pub excel_safe: bool,
    /// Related documents: the N that share most with each document (0: every pair that shares an entity or a
    /// date, which grows with the square of the collection).
    #[arg(long, value_name = "N", default_value_t = qamus::xref::Xref::DEFAULT_RELATED)]
    pub related: usize,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub options: ScanOptionArgs,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
}
