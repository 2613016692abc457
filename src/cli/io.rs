//! Reading lines and writing output for the commands: UTF-8 checks with locations, `--lossy`, colour.

use std::io::{self, BufRead, IsTerminal, Write};

use anyhow::Result;
use qamus::Error;

use super::args::Color;

/// Whether to colour standard output.
pub fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Where line input comes from: the arguments themselves, or standard input when there are none or one is `-`.
pub fn from_args_or_stdin(args: &[String]) -> Option<&[String]> {
    if args.is_empty() || args.iter().any(|a| a == "-") {
        None
    } else {
        Some(args)
    }
}

/// Calls `f` on every line of standard input (without its line end), with a 1-based line number.
/// Invalid UTF-8 stops with an error naming the line and byte, unless `lossy` (then it is replaced, with a warning).
pub fn for_each_stdin_line(lossy: bool, mut f: impl FnMut(u64, &str) -> Result<()>) -> Result<()> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut buf = Vec::with_capacity(4096);
    let mut line_no = 0u64;
    let mut offset = 0u64;
    let mut warned = false;
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| Error::io(None, e))?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let mut line: &[u8] = &buf;
        if let Some(l) = line.strip_suffix(b"\n") {
            line = l;
        }
        if let Some(l) = line.strip_suffix(b"\r") {
            line = l;
        }
        if line_no == 1 {
            if let Some(l) = line.strip_prefix(b"\xEF\xBB\xBF") {
                line = l;
            }
        }
        match std::str::from_utf8(line) {
            Ok(s) => f(line_no, s)?,
            Err(_) if lossy => {
                if !warned {
                    eprintln!(
                        "qamus: warning: <stdin>:{line_no}: invalid UTF-8 replaced with U+FFFD"
                    );
                    warned = true;
                }
                f(line_no, &String::from_utf8_lossy(line))?;
            }
            Err(_) => return Err(Error::invalid_utf8(None, line, offset, line_no).into()),
        }
        offset += n as u64;
    }
}

/// A buffered standard output.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// Writes a line, mapping the error to one that names standard output.
pub fn writeln_out(out: &mut impl Write, s: &str) -> Result<()> {
    out.write_all(s.as_bytes())?;
    out.write_all(b"\n")?;
    Ok(())
}
