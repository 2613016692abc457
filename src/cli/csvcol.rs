//! CSV for the commands: `--csv --column NAME` (process one column of a CSV stream and append result columns to
//! every row, keeping every byte of the original rows — quoting, line ends, BOM — as it was), and the writer
//! every command that prints CSV uses, with `--excel-safe`.
//!
//! The column is named by its header, or by its number (1 for the first) when no header field has that name, as
//! xsv and csvkit select columns; with `--no-header` the first row is data and the column is a number.

use std::borrow::Cow;
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use qamus::{Error, ErrorKind, Location};

use super::io as cli_io;

/// How CSV is read and written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Replace invalid UTF-8 and NUL bytes with U+FFFD (with a warning) instead of stopping.
    pub lossy: bool,
    /// Neutralize cells a spreadsheet would read as a formula (see [`excel_safe`]).
    pub excel_safe: bool,
    /// The input has no header row: every record is data, the column is given by its number, and no header is
    /// written.
    pub no_header: bool,
}

/// The field of `fields` (the header's, or with `no_header` the first row's) that `column` names, and the name
/// the new columns are called after (`{name}_{suffix}`): the header field of that name (exactly, else ignoring
/// ASCII case: the name as the user wrote it), else the field of that number, counted from 1 (its header name).
fn resolve(column: &str, fields: &[String], no_header: bool) -> Result<(usize, String), String> {
    let names: Vec<&str> = fields.iter().map(|h| h.trim()).collect();
    let number = column.trim().parse::<usize>().ok().filter(|&n| n > 0);
    if no_header {
        return match number {
            Some(n) if n <= fields.len() => Ok((n - 1, String::new())),
            Some(n) => Err(format!(
                "no column {n}: the first row has {} field(s)",
                fields.len()
            )),
            None => Err(format!(
                "--no-header needs the column's number, counted from 1 (got {column:?})"
            )),
        };
    }
    let by_name = names
        .iter()
        .position(|&h| h == column)
        .or_else(|| names.iter().position(|h| h.eq_ignore_ascii_case(column)));
    if let Some(i) = by_name {
        return Ok((i, column.to_string()));
    }
    match number {
        Some(n) if n <= names.len() => Ok((n - 1, names.get(n - 1).copied().unwrap_or("").to_string())),
        _ => Err(format!(
            "no column {column:?} in the header (columns: {}); is the header row missing? (--no-header \
             reads a file without one)",
            names.join(", ")
        )),
    }
}

/// Runs [`filter`] over every input (the files named; standard input when none is, or for `-`), writing to
/// `out` only once every input has been read and found valid: a first pass checks them all and writes nothing,
/// so that an error in any of them (invalid UTF-8, ragged row, unbalanced quote, missing column) leaves standard
/// output empty. Regular files are read twice; standard input, pipes (`<(…)`) and other special files are held
/// in memory.
pub fn filter_all(
    files: &[String],
    out: &mut dyn Write,
    column: &str,
    new_columns: &[&str],
    opts: Options,
    mut f: impl FnMut(&str) -> Vec<String>,
) -> Result<()> {
    filter_all_batched(files, out, column, new_columns, opts, |values| {
        values.iter().map(|v| f(v)).collect()
    })
}

/// [`filter_all`], with the new values of every row worked out at once by `batch` (from the column's values, in
/// row order, gathered by the first pass that checks the inputs): a caller can spread them over all cores.
pub fn filter_all_batched(
    files: &[String],
    out: &mut dyn Write,
    column: &str,
    new_columns: &[&str],
    opts: Options,
    batch: impl FnOnce(&[String]) -> Vec<Vec<String>>,
) -> Result<()> {
    /// Where an input's bytes are read from in each pass.
    enum Source {
        Disk(PathBuf),
        Memory(Option<PathBuf>, Vec<u8>),
    }
    let names: Vec<Option<PathBuf>> = if files.is_empty() {
        vec![None]
    } else {
        files
            .iter()
            .map(|f| (f != "-").then(|| PathBuf::from(f)))
            .collect()
    };
    let mut stdin: Option<Vec<u8>> = None;
    let mut inputs = Vec::with_capacity(names.len());
    for name in names {
        let regular = name
            .as_deref()
            .is_some_and(|p| std::fs::metadata(p).map_or(true, |m| m.is_file() || m.is_dir()));
        inputs.push(match name {
            Some(p) if regular => Source::Disk(p),
            None if stdin.is_some() => Source::Memory(None, stdin.clone().unwrap_or_default()),
            name => {
                let mut buf = Vec::new();
                cli_io::open(name.as_deref(), opts.lossy)?
                    .read_to_end(&mut buf)
                    .map_err(|e| Error::io(name.as_deref(), e))?;
                if name.is_none() {
                    stdin = Some(buf.clone());
                }
                Source::Memory(name, buf)
            }
        });
    }
    fn open(s: &Source, lossy: bool) -> Result<(Box<dyn BufRead + '_>, Option<&Path>)> {
        Ok(match s {
            Source::Disk(p) => (cli_io::open(Some(p), lossy)?, Some(p.as_path())),
            Source::Memory(p, buf) => (Box::new(buf.as_slice()), p.as_deref()),
        })
    }
    let blank = vec![String::new(); new_columns.len()];
    let mut values: Vec<String> = Vec::new();
    for s in &inputs {
        let (mut input, path) = open(s, opts.lossy)?;
        let check = Options {
            excel_safe: false,
            ..opts
        };
        filter(
            &mut *input,
            path,
            &mut io::sink(),
            column,
            new_columns,
            check,
            |v| {
                values.push(v.to_string());
                blank.clone()
            },
        )?;
    }
    // The second pass meets the rows in the same order as the first.
    let mut added = batch(&values).into_iter();
    for s in &inputs {
        let (mut input, path) = open(s, opts.lossy)?;
        filter(&mut *input, path, out, column, new_columns, opts, |_| {
            added.next().unwrap_or_else(|| blank.clone())
        })?;
    }
    Ok(())
}

/// Streams CSV from `input` to `out`: the header gets a new column for each of `new_columns` (`{column}_{suffix}`,
/// see [`resolve`]), and each row the values `f` returns for its `column` field (one value per new column).
/// Records end at a line end (`\n`, `\r\n` or a lone `\r`) outside quotes; blank lines are kept. Every row must
/// have as many fields as the header (with `no_header`, as the first row).
pub fn filter(
    input: &mut dyn BufRead,
    path: Option<&Path>,
    out: &mut dyn Write,
    column: &str,
    new_columns: &[&str],
    opts: Options,
    mut f: impl FnMut(&str) -> Vec<String>,
) -> Result<()> {
    let at = |line: u64| Location {
        path: path.map(Path::to_path_buf),
        line: Some(line),
        ..Location::default()
    };
    let csv_error = |line: u64, msg: String| Error::new(ErrorKind::Csv, Some(at(line)), msg);
    let mut header: Option<(usize, usize)> = None; // (column index, number of fields)
    let mut line = 1u64;
    let mut offset = 0u64;
    let mut warned = false;
    let mut raw = Vec::new();
    let mut parser = Fields::new();
    loop {
        raw.clear();
        let open_quote = read_record(input, &mut raw).map_err(|e| Error::io(path, e))?;
        if raw.is_empty() {
            break;
        }
        let start_line = line;
        line += line_ends(&raw);
        if open_quote {
            return Err(csv_error(
                start_line,
                "unbalanced quote: a quoted field runs to the end of the input".into(),
            )
            .into());
        }
        let (body, end) = raw.split_at(raw.len() - cli_io::line_end_len(&raw));
        let bom = if offset == 0 && body.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let (bom_bytes, record) = body.split_at(bom);
        out.write_all(bom_bytes)?;
        if record.is_empty() {
            out.write_all(end)?;
            offset += raw.len() as u64;
            continue;
        }
        let text = cli_io::text(
            record,
            path,
            offset + bom as u64,
            start_line,
            opts.lossy,
            &mut warned,
        )?;
        let fields = parser.parse(&text).map_err(|m| csv_error(start_line, m))?;
        if opts.excel_safe
            && fields
                .iter()
                .any(|f| matches!(excel_safe(f), Cow::Owned(_)))
        {
            write_record(out, fields.iter().map(String::as_str), true)?;
        } else {
            out.write_all(text.as_bytes())?;
        }
        let added = match header {
            None => {
                let (i, name) = resolve(column, &fields, opts.no_header)
                    .map_err(|m| csv_error(start_line, m))?;
                header = Some((i, fields.len()));
                if opts.no_header {
                    f(fields.get(i).map_or("", String::as_str))
                } else {
                    new_columns.iter().map(|s| format!("{name}_{s}")).collect()
                }
            }
            Some((i, n)) => {
                if fields.len() != n {
                    return Err(csv_error(
                        start_line,
                        if opts.no_header {
                            format!("ragged row: {} fields, the first row has {n}", fields.len())
                        } else {
                            format!("ragged row: {} fields, the header has {n}", fields.len())
                        },
                    )
                    .into());
                }
                f(fields.get(i).map_or("", String::as_str))
            }
        };
        for v in &added {
            out.write_all(b",")?;
            write_field(out, v, opts.excel_safe)?;
        }
        out.write_all(end)?;
        offset += raw.len() as u64;
    }
    if header.is_none() && !opts.no_header {
        return Err(Error::new(
            ErrorKind::Csv,
            Some(Location {
                path: path.map(Path::to_path_buf),
                ..Location::default()
            }),
            "empty input: no CSV header",
        )
        .into());
    }
    Ok(())
}

/// Reads one CSV record's bytes, with its line end, into `raw`, following the csv crate's quoting rules: a quote
/// opens a quoted field only at the start of a field, `""` inside one is a quote, and a line end (`\n`, `\r\n`, a
/// lone `\r`) outside quotes ends the record. Returns whether the input ended inside a quoted field.
fn read_record(input: &mut dyn BufRead, raw: &mut Vec<u8>) -> io::Result<bool> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut after_cr = false;
    loop {
        let chunk = match input.fill_buf() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => r?,
        };
        if chunk.is_empty() {
            return Ok(state == State::Quoted);
        }
        let mut used = 0;
        let mut done = false;
        for &b in chunk {
            if after_cr {
                if b == b'\n' {
                    raw.push(b);
                    used += 1;
                }
                done = true;
                break;
            }
            raw.push(b);
            used += 1;
            state = match (state, b) {
                (State::Quoted, b'"') => State::QuoteInQuoted,
                (State::Quoted, _) => State::Quoted,
                (State::FieldStart, b'"') | (State::QuoteInQuoted, b'"') => State::Quoted,
                (_, b',') => State::FieldStart,
                (_, b'\n') => {
                    done = true;
                    break;
                }
                (_, b'\r') => {
                    after_cr = true;
                    state
                }
                _ => State::Unquoted,
            };
        }
        input.consume(used);
        if done {
            return Ok(false);
        }
    }
}

/// Line ends in `raw`: `\n`, `\r\n` and lone `\r` each count once.
fn line_ends(raw: &[u8]) -> u64 {
    raw.iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && raw.get(i + 1) != Some(&b'\n')))
        .count() as u64
}

/// Splits records into their fields, unquoted, with one `csv_core` parser (the csv crate's, with its default
/// dialect) made once and reset for each record: building a reader is dear, and a filter meets a record a line.
struct Fields {
    reader: csv_core::Reader,
    /// The fields' bytes, unquoted, one after the other, and where each ends.
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl Fields {
    fn new() -> Fields {
        Fields {
            reader: csv_core::Reader::new(),
            out: vec![0; 256],
            ends: vec![0; 16],
        }
    }

    /// The fields of one CSV record (without its line end), unquoted; an error when it does not read as one row.
    fn parse(&mut self, record: &str) -> Result<Vec<String>, String> {
        use csv_core::ReadRecordResult as R;
        self.reader.reset();
        let mut input = record.as_bytes();
        let (mut out_len, mut ends_len) = (0, 0);
        loop {
            let (result, read, wrote, ended) = self.reader.read_record(
                input,
                self.out.get_mut(out_len..).unwrap_or_default(),
                self.ends.get_mut(ends_len..).unwrap_or_default(),
            );
            input = input.get(read..).unwrap_or_default();
            out_len += wrote;
            ends_len += ended;
            match result {
                // The end of the input ends the record: the reader is told so by an empty input.
                R::InputEmpty => {}
                R::OutputFull => self.out.resize(self.out.len() * 2, 0),
                R::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                // What follows a record may be blank lines only, which the reader skips.
                R::Record if input.iter().all(|&b| b == b'\r' || b == b'\n') => break,
                R::Record => {
                    return Err("malformed quoting: the record does not read as one CSV row".into())
                }
                R::End => return Ok(Vec::new()),
            }
        }
        let bytes = self.out.get(..out_len).unwrap_or_default();
        let mut start = 0;
        let mut fields = Vec::with_capacity(ends_len);
        for &end in self.ends.get(..ends_len).unwrap_or_default() {
            let field = bytes.get(start..end).unwrap_or_default();
            // Unquoting takes bytes out of valid UTF-8 at ASCII quotes only: a field is valid UTF-8 again.
            fields.push(String::from_utf8_lossy(field).into_owned());
            start = end;
        }
        Ok(fields)
    }
}

/// A cell made safe to open in a spreadsheet: when it begins with `=`, `+`, `-`, `@`, a tab or a carriage return
/// (which Excel, LibreOffice and Google Sheets read as the start of a formula), a single quote `'` is put in
/// front, as OWASP's "CSV Injection" page recommends; other cells are borrowed unchanged.
///
/// The cost: a value that really starts with `-` (a negative number) reads as text `'-5`.
pub fn excel_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes one field, quoted as CSV needs it (RFC 4180), neutralized first when `excel_safe` is set.
pub fn write_field(out: &mut dyn Write, field: &str, excel_safe: bool) -> io::Result<()> {
    let field = if excel_safe {
        self::excel_safe(field)
    } else {
        Cow::Borrowed(field)
    };
    out.write_all(quote(&field).as_bytes())
}

/// Writes fields separated by commas (no line end), each with [`write_field`].
pub fn write_record<'a>(
    out: &mut dyn Write,
    fields: impl IntoIterator<Item = &'a str>,
    excel_safe: bool,
) -> io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write_field(out, field, excel_safe)?;
    }
    Ok(())
}

/// A field quoted as CSV needs it (RFC 4180).
fn quote(field: &str) -> Cow<'_, str> {
    if field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ') {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields of one record as the csv crate's own reader splits them (a reader built for the record): the
    /// reference [`Fields`] is checked against.
    fn csv_crate_fields(record: &str) -> Result<Vec<String>, String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(record.as_bytes());
        let mut row = csv::StringRecord::new();
        match reader.read_record(&mut row) {
            Ok(true) => {}
            Ok(false) => return Ok(Vec::new()),
            Err(e) => return Err(e.to_string()),
        }
        if !matches!(reader.read_record(&mut csv::StringRecord::new()), Ok(false)) {
            return Err("malformed quoting: the record does not read as one CSV row".into());
        }
        Ok(row.iter().map(str::to_string).collect())
    }

    #[test]
    fn fields_split_as_the_csv_crate_splits_them() {
        let mut fields = Fields::new();
        for record in [
            "a,b,c",
            "\"ديمتري بيسكوف\",الكرملين,",
            "\"say \"\"hi\"\"\",x",
            ",,",
            "\"a\"b,c",
            "a\"b\",c",
            "\"two\nlines\",x",
            "one\ntwo",
            &"long field ".repeat(100),
            &"x,".repeat(100),
        ] {
            assert_eq!(fields.parse(record), csv_crate_fields(record), "{record:?}");
        }
    }

    fn run_with(input: &[u8], opts: Options) -> Result<String> {
        let mut out = Vec::new();
        filter(
            &mut &input[..],
            None,
            &mut out,
            "name",
            &["len"],
            opts,
            |v| vec![v.chars().count().to_string()],
        )?;
        Ok(String::from_utf8(out)?)
    }

    fn run(input: &str) -> Result<String> {
        run_with(input.as_bytes(), Options::default())
    }

    #[test]
    fn keeps_quoting_line_ends_and_other_columns() {
        let input =
            "id,\"name\",x\r\n1,\"بوتين\",\"a,b\"\r\n2,\"multi\nline\",c\n3,plain,\"\"\"q\"\"\"";
        let out = run(input).unwrap_or_default();
        assert_eq!(
            out,
            "id,\"name\",x,name_len\r\n1,\"بوتين\",\"a,b\",5\r\n2,\"multi\nline\",c,10\n3,plain,\"\"\"q\"\"\",5"
        );
    }

    #[test]
    fn lone_cr_ends_records() {
        assert_eq!(
            run("id,name\r1,ab\r2,\"c\rd\"\r").unwrap_or_default(),
            "id,name,name_len\r1,ab,2\r2,\"c\rd\",3\r"
        );
    }

    #[test]
    fn a_quote_inside_an_unquoted_field_is_a_character() {
        assert_eq!(
            run("id,name\n1,O\"Brien\n2,D\"Arcy\n").unwrap_or_default(),
            "id,name,name_len\n1,O\"Brien,7\n2,D\"Arcy,6\n"
        );
    }

    #[test]
    fn missing_column_ragged_rows_and_unbalanced_quotes_are_errors() {
        assert!(run("id,other\n1,2\n").is_err());
        let e = run("id,name\n1,\"open\n2,x\n").err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("<stdin>:2: unbalanced quote: a quoted field runs to the end of the input")
        );
        let e = run("id,name\n1,a\n2\n").err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("<stdin>:3: ragged row: 1 fields, the header has 2")
        );
        assert!(run("").is_err());
    }

    fn run_column(input: &str, column: &str, no_header: bool) -> Result<String> {
        let mut out = Vec::new();
        let opts = Options {
            no_header,
            ..Options::default()
        };
        filter(
            &mut input.as_bytes(),
            None,
            &mut out,
            column,
            &["len"],
            opts,
            |v| vec![v.chars().count().to_string()],
        )?;
        Ok(String::from_utf8(out)?)
    }

    #[test]
    fn a_column_is_named_by_its_header_or_its_number() {
        let input = "id,name\n1,بوتين\n";
        // By name, exactly or in another case (the new column is called as the user wrote it).
        assert_eq!(
            run_column(input, "name", false).ok().as_deref(),
            Some("id,name,name_len\n1,بوتين,5\n")
        );
        assert_eq!(
            run_column(input, "NAME", false).ok().as_deref(),
            Some("id,name,NAME_len\n1,بوتين,5\n")
        );
        // By number, counted from 1: the new column is called after the header's name.
        assert_eq!(
            run_column(input, "2", false).ok().as_deref(),
            Some("id,name,name_len\n1,بوتين,5\n")
        );
        // A header field named as a number wins over the number.
        assert_eq!(
            run_column("2,x\nabc,d\n", "2", false).ok().as_deref(),
            Some("2,x,2_len\nabc,d,3\n")
        );
        for bad in ["0", "3", "-1", "nom"] {
            let e = run_column(input, bad, false).err().map(|e| e.to_string());
            assert!(
                e.as_deref().is_some_and(|e| e.starts_with(&format!(
                    "<stdin>:1: no column {bad:?} in the header (columns: id, name)"
                ))),
                "{bad}: {e:?}"
            );
        }
    }

    #[test]
    fn without_a_header_every_row_is_data_and_the_column_a_number() {
        assert_eq!(
            run_column("1,بوتين\r\n2,\"a,b\"\r\n", "2", true)
                .ok()
                .as_deref(),
            Some("1,بوتين,5\r\n2,\"a,b\",3\r\n")
        );
        // No header to find the column by, and no header to add: an empty input is no rows.
        assert_eq!(run_column("", "1", true).ok().as_deref(), Some(""));
        let e = |input: &str, column: &str| {
            run_column(input, column, true).err().map(|e| e.to_string())
        };
        assert_eq!(
            e("a,b\n", "name").as_deref(),
            Some("<stdin>:1: --no-header needs the column's number, counted from 1 (got \"name\")")
        );
        assert_eq!(
            e("a,b\n", "3").as_deref(),
            Some("<stdin>:1: no column 3: the first row has 2 field(s)")
        );
        assert_eq!(
            e("a,b\nc\n", "1").as_deref(),
            Some("<stdin>:2: ragged row: 1 fields, the first row has 2")
        );
    }

    #[test]
    fn invalid_utf8_and_nul_name_line_and_byte_or_are_replaced() {
        let e = run_with(b"id,name\n1,a\xFFb\n", Options::default())
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.starts_with("<stdin>:2:4 (byte 11): invalid UTF-8")));
        let e = run_with(b"id,name\n1,a\0b\n", Options::default())
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.starts_with("<stdin>:2:4 (byte 11): NUL byte")));
        let lossy = Options {
            lossy: true,
            ..Options::default()
        };
        assert_eq!(
            run_with(b"id,name\n1,a\xFFb\n", lossy).unwrap_or_default(),
            "id,name,name_len\n1,a\u{FFFD}b,3\n"
        );
    }

    #[test]
    fn excel_safe_neutralizes_formula_cells_everywhere() {
        for cell in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(excel_safe(cell), format!("'{cell}"));
        }
        for cell in ["", "plain", "بوتين", "a=b", " =x", "'=x"] {
            assert!(matches!(excel_safe(cell), Cow::Borrowed(_)), "{cell:?}");
        }
        let opts = Options {
            excel_safe: true,
            ..Options::default()
        };
        assert_eq!(
            run_with(
                "id,name\n=cmd|' /C calc'!A0,\"-x,y\"\n2,ok\n".as_bytes(),
                opts
            )
            .unwrap_or_default(),
            "id,name,name_len\n'=cmd|' /C calc'!A0,\"'-x,y\",4\n2,ok,2\n"
        );
    }

    proptest::proptest! {
        #[test]
        fn fields_split_as_the_csv_crate_splits_any_record(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "bc", ",", "\"", "\"\"", " ", "ب", "\r", "\n", "\r\n",
            ]), 0..40),
        ) {
            let record = parts.concat();
            let mut fields = Fields::new();
            // Twice with one parser: a record leaves nothing behind for the next.
            for _ in 0..2 {
                proptest::prop_assert_eq!(fields.parse(&record), csv_crate_fields(&record));
            }
        }

        /// Rows written by the csv crate (any quoting it needs, any line end) come back whole, each with its value
        /// added, as the csv crate reads them; with `--excel-safe` no cell starts a formula.
        #[test]
        fn every_row_comes_back_with_its_value(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-z\", \n\r=+@-]{0,6}|بوتين", 2..=2), 0..8),
            crlf in proptest::bool::ANY,
            safe in proptest::bool::ANY,
        ) {
            let mut w = csv::WriterBuilder::new()
                .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
                .from_writer(Vec::new());
            let _ = w.write_record(["id", "name"]);
            for r in &rows {
                let _ = w.write_record(r);
            }
            let input = w.into_inner().unwrap_or_default();
            let opts = Options { excel_safe: safe, ..Options::default() };
            let out = run_with(&input, opts).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let back: Vec<Vec<String>> = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(out.as_bytes())
                .records()
                .map(|r| r.map(|r| r.iter().map(str::to_string).collect()).unwrap_or_default())
                .collect();
            proptest::prop_assert_eq!(back.len(), rows.len() + 1);
            for (got, want) in back.iter().skip(1).zip(&rows) {
                let unsafe_cell = |c: &str| c.starts_with(['=', '+', '-', '@', '\t', '\r']);
                let expect: Vec<String> = want
                    .iter()
                    .map(|c| if safe && unsafe_cell(c) { format!("'{c}") } else { c.clone() })
                    .chain([want[1].chars().count().to_string()])
                    .collect();
                proptest::prop_assert_eq!(got, &expect);
            }
        }
    }

    #[test]
    fn new_values_are_quoted_when_needed() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(quote("plain"), "plain");
    }
}
