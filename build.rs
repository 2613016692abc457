//! Embeds the shipped glossary (`glossary/*.csv`) in the library, so that qamus works from any directory, and
//! compiles the `plain` transliteration model (`src/translit/plain_model.tsv`, and its English letter model
//! `src/translit/plain_lm.tsv`) into static tables, and the word lists (`src/rules/common_words.txt` with
//! `src/rules/frequent_names.tsv`, `src/rules/given_names.txt`, `src/translit/plain_lexicon.tsv`) into open-addressed
//! tables (`rules::table`), so that no program start parses them.
use std::fmt::Write as _;
use std::path::Path;

include!("src/translit/plain_key.rs");
include!("src/rules/table_slot.rs");

fn main() {
    if let Err(e) = plain_model() {
        println!("cargo:warning=plain_model.tsv: {e}");
        std::process::exit(1);
    }
    if let Err(e) = plain_letter_model() {
        println!("cargo:warning=plain_lm.tsv: {e}");
        std::process::exit(1);
    }
    if let Err(e) = word_maps() {
        println!("cargo:warning=word lists: {e}");
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed=glossary");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".csv"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code =
        String::from("/// The shipped glossary files: (file name, contents), sorted by name.\n");
    code.push_str("pub(crate) static FILES: &[(&str, &str)] = &[\n");
    for n in &names {
        println!("cargo:rerun-if-changed=glossary/{n}");
        let path = dir.join(n);
        let _ = writeln!(
            code,
            "    ({n:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()))
        .join("builtin_glossary.rs");
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}

fn pad(s: &str) -> [char; 2] {
    let mut out = ['\0'; 2];
    for (slot, c) in out.iter_mut().zip(s.chars()) {
        *slot = c;
    }
    out
}

/// `plain_model.tsv` → `$OUT_DIR/plain_model.rs`: shapes, vote, chunks, sorted context keys with their votes.
fn plain_model() -> Result<(), String> {
    println!("cargo:rerun-if-changed=src/translit/plain_model.tsv");
    println!("cargo:rerun-if-changed=src/translit/plain_key.rs");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/translit/plain_model.tsv");
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let mut shapes: Vec<(usize, usize)> = Vec::new();
    let mut vote = 1.5f32;
    let mut chunks: Vec<String> = Vec::new();
    let mut table: std::collections::BTreeMap<u64, Vec<(u16, f32)>> = Default::default();
    for (n, line) in text.lines().enumerate() {
        if let Some(meta) = line.strip_prefix("# shapes=") {
            let mut parts = meta.split(' ');
            for p in parts.next().unwrap_or_default().split(';') {
                let (l, r) = p
                    .split_once(',')
                    .ok_or(format!("line {}: shape {p:?}", n + 1))?;
                shapes.push((
                    l.parse().map_err(|e| format!("line {}: {e}", n + 1))?,
                    r.parse().map_err(|e| format!("line {}: {e}", n + 1))?,
                ));
            }
            if let Some(v) = parts.find_map(|p| p.strip_prefix("vote=")) {
                vote = v
                    .parse()
                    .map_err(|e| format!("line {}: vote: {e}", n + 1))?;
            }
            continue;
        }
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let bad = || {
            format!(
                "line {}: not shape, left, letter, right, votes: {line:?}",
                n + 1
            )
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let [shape, left, letter, right, votes] = cols.as_slice() else {
            return Err(bad());
        };
        let shape: u8 = shape.parse().map_err(|_| bad())?;
        let letter = letter.chars().next().ok_or_else(bad)?;
        let mut list = Vec::new();
        for v in votes.split(' ') {
            let (chunk, w) = v.rsplit_once('=').ok_or_else(bad)?;
            let chunk = if chunk == "_" { "" } else { chunk };
            let id = match chunks.iter().position(|c| c == chunk) {
                Some(i) => i,
                None => {
                    chunks.push(chunk.to_string());
                    chunks.len() - 1
                }
            };
            let id = u16::try_from(id).map_err(|_| bad())?;
            list.push((id, w.parse::<f32>().map_err(|_| bad())?));
        }
        table.insert(key(shape, pad(left), letter, pad(right)), list);
    }
    let mut code = String::from("// Generated by build.rs from src/translit/plain_model.tsv.\n");
    let _ = writeln!(
        code,
        "pub(super) static SHAPES: &[(usize, usize)] = &{shapes:?};"
    );
    let _ = writeln!(code, "pub(super) static VOTE: f32 = {vote:?};");
    let _ = writeln!(code, "pub(super) static CHUNKS: &[&str] = &{chunks:?};");
    let silent = chunks
        .iter()
        .position(|c| c.is_empty())
        .and_then(|i| u16::try_from(i).ok())
        .unwrap_or(u16::MAX);
    let _ = writeln!(code, "pub(super) static SILENT: u16 = {silent};");
    let keys: Vec<u64> = table.keys().copied().collect();
    let _ = writeln!(code, "pub(super) static KEYS: &[u64] = &{keys:?};");
    // An open-addressed table over the keys, so that no start-up builds a hash map of them.
    if keys.len() >= usize::from(NO_CONTEXT) || keys.len() * 2 > 1 << CONTEXT_SLOT_BITS {
        return Err(format!("{} contexts: too many for the slots", keys.len()));
    }
    let mut slots = vec![NO_CONTEXT; 1 << CONTEXT_SLOT_BITS];
    let mask = slots.len() - 1;
    for (i, &k) in keys.iter().enumerate() {
        let mut s = context_slot(k);
        while slots[s] != NO_CONTEXT {
            s = (s + 1) & mask;
        }
        slots[s] = i as u16;
    }
    let _ = writeln!(code, "pub(super) static SLOTS: &[u16] = &{slots:?};");
    let mut spans = Vec::new();
    let mut votes = Vec::new();
    for list in table.values() {
        spans.push((votes.len() as u32, list.len() as u16));
        votes.extend_from_slice(list);
    }
    let _ = writeln!(code, "pub(super) static SPANS: &[(u32, u16)] = &{spans:?};");
    let _ = writeln!(code, "pub(super) static VOTES: &[(u16, f32)] = &{votes:?};");
    let out =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("plain_model.rs");
    std::fs::write(&out, code).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// Symbols of the letter model: 0 is the word boundary (`^` in a history, `$` as the next symbol), 1-26 are a-z.
fn lm_symbol(c: char) -> Option<usize> {
    match c {
        '^' | '$' => Some(0),
        'a'..='z' => Some(c as usize - 'a' as usize + 1),
        _ => None,
    }
}

/// `plain_lm.tsv` → `$OUT_DIR/plain_lm.rs`: `LM`, ln P(next | two previous) as a dense table indexed
/// `(h2 * 27 + h1) * 27 + next` (histories the file does not give, which no word reaches, get ln 1/27).
fn plain_letter_model() -> Result<(), String> {
    println!("cargo:rerun-if-changed=src/translit/plain_lm.tsv");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/translit/plain_lm.tsv");
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let mut lm = vec![-(27f32.ln()); 27 * 27 * 27];
    let mut histories = 0;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let bad = || {
            format!(
                "line {}: not history, 27 log-probabilities: {line:?}",
                n + 1
            )
        };
        let (history, values) = line.split_once('\t').ok_or_else(bad)?;
        let h: Vec<usize> = history
            .chars()
            .map(lm_symbol)
            .collect::<Option<_>>()
            .ok_or_else(bad)?;
        let [h2, h1] = h.as_slice() else {
            return Err(bad());
        };
        let values: Vec<f32> = values
            .split(' ')
            .map(|v| v.parse::<f32>().map_err(|_| bad()))
            .collect::<Result<_, _>>()?;
        if values.len() != 27 {
            return Err(bad());
        }
        let start = (h2 * 27 + h1) * 27;
        lm.get_mut(start..start + 27)
            .ok_or_else(bad)?
            .copy_from_slice(&values);
        histories += 1;
    }
    if histories == 0 {
        return Err("no histories".into());
    }
    let code = format!(
        "// Generated by build.rs from src/translit/plain_lm.tsv.\npub(super) static LM: [f32; {}] = {lm:?};\n",
        lm.len()
    );
    let out =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("plain_lm.rs");
    std::fs::write(&out, code).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// The code of a `rules::table::Strings` holding `strings`.
fn strings_code(strings: &[&str]) -> String {
    let mut text = String::new();
    let mut starts = vec![0u32];
    for s in strings {
        text.push_str(s);
        starts.push(text.len() as u32);
    }
    format!("crate::rules::table::Strings {{ text: {text:?}, starts: &{starts:?} }}")
}

/// The code of a `rules::table::WordTable` of `words` (distinct), with at least twice as many slots as words.
fn word_table_code(words: &[&str]) -> Result<String, String> {
    if words.len() >= usize::from(NO_WORD) {
        return Err(format!("{} words: too many for a word table", words.len()));
    }
    let size = (words.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![NO_WORD; size];
    for (i, w) in words.iter().enumerate() {
        let mut s = word_slot(w.as_bytes(), size - 1);
        while slots[s] != NO_WORD {
            s = (s + 1) & (size - 1);
        }
        slots[s] = i as u16;
    }
    Ok(format!(
        "crate::rules::table::WordTable {{ words: {}, slots: &{slots:?} }}",
        strings_code(words)
    ))
}

/// The data lines of a word list: `#` comments and empty lines left out, fields split at tabs.
fn data_lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
}

/// The word lists → `$OUT_DIR/frequent_words.rs`, `FREQUENT` (the frequent words) with `NAMES` (per word, its English
/// spelling if `frequent_names.tsv` has it, else empty), `$OUT_DIR/given_names.rs`, `GIVEN` (common English given
/// names, `src/rules/given_names.txt`), and `$OUT_DIR/plain_lexicon.rs`, `LEXICON` (the Arabic names of the `plain`
/// model's training rows) with `ENGLISH` (their spellings; the first row of a name wins).
fn word_maps() -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |file: &str| {
        println!("cargo:rerun-if-changed={file}");
        std::fs::read_to_string(root.join(file)).map_err(|e| format!("{file}: {e}"))
    };
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).to_path_buf();
    let write = |file: &str, code: String| {
        let path = out.join(file);
        std::fs::write(&path, code).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let common = read("src/rules/common_words.txt")?;
    let names = read("src/rules/frequent_names.tsv")?;
    let lexicon = read("src/translit/plain_lexicon.tsv")?;
    // A frequent word → its English spelling if it is a name ("" if it is a word of the language).
    let mut frequent: std::collections::BTreeMap<&str, &str> = Default::default();
    for fields in data_lines(&common) {
        frequent.insert(fields.first().copied().unwrap_or_default(), "");
    }
    for (n, fields) in data_lines(&names).enumerate() {
        let [word, _, english] = fields.as_slice() else {
            return Err(format!(
                "frequent_names.tsv: data line {}: not word, type, English",
                n + 1
            ));
        };
        if english.is_empty() {
            return Err(format!(
                "frequent_names.tsv: data line {}: no English",
                n + 1
            ));
        }
        frequent.insert(word, english);
    }
    let words: Vec<&str> = frequent.keys().copied().collect();
    let english: Vec<&str> = frequent.values().copied().collect();
    write(
        "frequent_words.rs",
        format!(
            "// Generated by build.rs from src/rules/common_words.txt and frequent_names.tsv.\n\
             static FREQUENT: crate::rules::table::WordTable = {};\n\
             static NAMES: crate::rules::table::Strings = {};\n",
            word_table_code(&words)?,
            strings_code(&english)
        ),
    )?;
    // The common-names table: keys folded as `plain::word_key` folds a word (every alef form to ا, ة to ه).
    let common_names = read("src/translit/common_names.tsv")?;
    let mut table: std::collections::BTreeMap<String, &str> = Default::default();
    for (n, fields) in data_lines(&common_names).enumerate() {
        let [arabic, english] = fields.as_slice() else {
            return Err(format!(
                "common_names.tsv: data line {}: not arabic, english",
                n + 1
            ));
        };
        let key: String = arabic
            .chars()
            .map(|c| match c {
                'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
                'ة' => 'ه',
                c => c,
            })
            .collect();
        if english.is_empty() || english.chars().any(|c| c.is_ascii_uppercase()) {
            return Err(format!(
                "common_names.tsv: data line {}: the spelling must be lower case",
                n + 1
            ));
        }
        if table.insert(key, english).is_some() {
            return Err(format!(
                "common_names.tsv: data line {}: {arabic} twice",
                n + 1
            ));
        }
    }
    let mut code = String::from(
        "// Generated by build.rs from src/translit/common_names.tsv.\nconst WORDS: &[(&str, &str)] = &[\n",
    );
    for (key, english) in &table {
        code.push_str(&format!("    ({key:?}, {english:?}),\n"));
    }
    code.push_str("];\n");
    write("plain_words.rs", code)?;
    let mut spellings: std::collections::BTreeMap<&str, &str> = Default::default();
    for (n, fields) in data_lines(&lexicon).enumerate() {
        let [arabic, english] = fields.as_slice() else {
            return Err(format!(
                "plain_lexicon.tsv: data line {}: not arabic, english",
                n + 1
            ));
        };
        spellings.entry(arabic).or_insert(english);
    }
    let given = read("src/rules/given_names.txt")?;
    let mut given: Vec<&str> = data_lines(&given)
        .filter_map(|fields| fields.first().copied())
        .collect();
    given.sort_unstable();
    given.dedup();
    write(
        "given_names.rs",
        format!(
            "// Generated by build.rs from src/rules/given_names.txt.\n\
             static GIVEN: crate::rules::table::WordTable = {};\n",
            word_table_code(&given)?
        ),
    )?;
    let arabic: Vec<&str> = spellings.keys().copied().collect();
    let english: Vec<&str> = spellings.values().copied().collect();
    write(
        "plain_lexicon.rs",
        format!(
            "// Generated by build.rs from src/translit/plain_lexicon.tsv.\n\
             pub(super) static LEXICON: crate::rules::table::WordTable = {};\n\
             pub(super) static ENGLISH: crate::rules::table::Strings = {};\n",
            word_table_code(&arabic)?,
            strings_code(&english)
        ),
    )
}
