//! `--csv --column NAME`: process one column of a CSV stream and append result columns to every row, keeping
//! every byte of the original rows (quoting, line ends, BOM) as it was.

use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use qamus::Error;

/// Streams CSV from `input` to `out`: the header gets `new_columns` appended, and each row the values `f` returns
/// for its `column` field (one value per new column).
pub fn filter(
    input: &mut dyn BufRead,
    path: Option<&Path>,
    out: &mut dyn Write,
    column: &str,
    new_columns: &[String],
    lossy: bool,
    mut f: impl FnMut(&str) -> Vec<String>,
) -> Result<()> {
    let name = path.map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
    let mut index: Option<usize> = None;
    let mut line = 1u64;
    let mut offset = 0u64;
    let mut raw = Vec::new();
    loop {
        raw.clear();
        let start_line = line;
        // One record: lines until the quotes balance.
        loop {
            let n = input
                .read_until(b'\n', &mut raw)
                .map_err(|e| Error::io(path, e))?;
            if n == 0 {
                break;
            }
            line += 1;
            if raw.iter().filter(|&&b| b == b'"').count() % 2 == 0 {
                break;
            }
        }
        if raw.is_empty() {
            break;
        }
        let body_len = raw.len()
            - if raw.ends_with(b"\r\n") {
                2
            } else {
                usize::from(raw.ends_with(b"\n"))
            };
        let (body, end) = raw.split_at(body_len);
        let bom = if start_line == 1 && body.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let record = body.get(bom..).unwrap_or_default();
        if record.iter().filter(|&&b| b == b'"').count() % 2 != 0 {
            bail!(
                "{name}:{start_line}: unbalanced quote (the record runs to the end of the input)"
            );
        }
        let fields = parse_record(record).with_context(|| format!("{name}:{start_line}"))?;
        out.write_all(body)?;
        match index {
            None => {
                let names: Vec<String> = fields
                    .iter()
                    .map(|h| String::from_utf8_lossy(h).trim().to_string())
                    .collect();
                let i = names
                    .iter()
                    .position(|h| h == column)
                    .or_else(|| names.iter().position(|h| h.eq_ignore_ascii_case(column)));
                let Some(i) = i else {
                    bail!(
                        "{name}:{start_line}: no column {column:?} in the header (columns: {})",
                        names.join(", ")
                    );
                };
                index = Some(i);
                for c in new_columns {
                    out.write_all(b",")?;
                    out.write_all(quote(c).as_bytes())?;
                }
            }
            Some(i) => {
                if !body.is_empty() {
                    let value = match fields.get(i).map(|v| std::str::from_utf8(v)) {
                        Some(Ok(v)) => v.to_string(),
                        Some(Err(_)) if lossy => {
                            String::from_utf8_lossy(fields.get(i).map_or(&[][..], |v| v))
                                .into_owned()
                        }
                        Some(Err(_)) => {
                            return Err(Error::invalid_utf8(
                                path,
                                record,
                                offset + bom as u64,
                                start_line,
                            )
                            .into());
                        }
                        None => String::new(),
                    };
                    for v in f(&value) {
                        out.write_all(b",")?;
                        out.write_all(quote(&v).as_bytes())?;
                    }
                }
            }
        }
        out.write_all(end)?;
        offset += raw.len() as u64;
    }
    if index.is_none() {
        bail!("{name}: empty input: no CSV header");
    }
    Ok(())
}

/// The fields of one CSV record, unquoted, as bytes.
fn parse_record(record: &[u8]) -> Result<Vec<Vec<u8>>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(record);
    let mut row = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut row)? {
        return Ok(Vec::new());
    }
    Ok(row.iter().map(<[u8]>::to_vec).collect())
}

/// A field quoted as CSV needs it (RFC 4180).
fn quote(field: &str) -> std::borrow::Cow<'_, str> {
    if field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ') {
        std::borrow::Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> Result<String> {
        let mut out = Vec::new();
        filter(
            &mut input.as_bytes(),
            None,
            &mut out,
            "name",
            &["name_len".into()],
            false,
            |v| vec![v.chars().count().to_string()],
        )?;
        Ok(String::from_utf8(out)?)
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
    fn missing_column_and_unbalanced_quotes_are_errors() {
        assert!(run("id,other\n1,2\n").is_err());
        assert!(run("id,name\n1,\"open\n").is_err());
        assert!(run("").is_err());
    }

    #[test]
    fn new_values_are_quoted_when_needed() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(quote("plain"), "plain");
    }
}
