//! The glossary parser: no panic on any bytes; every error names the input and a line inside it, and a byte
//! offset, when given, inside it too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qamus::glossary::{check_files, Glossary};

fuzz_target!(|data: &[u8]| {
    // Lines the input has: a line number may point one past the last line break (a record at the very end).
    let lines = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1;
    let in_input = |loc: &qamus::Location| {
        assert_eq!(loc.path.as_deref(), Some(std::path::Path::new("fuzz.csv")));
        if let Some(line) = loc.line {
            assert!(line >= 1 && line <= lines, "line {line} of {lines}: {loc}");
        }
        if let Some(byte) = loc.byte {
            assert!(byte <= data.len() as u64, "byte {byte} of {}: {loc}", data.len());
        }
    };
    match Glossary::from_csv_bytes("fuzz.csv", data) {
        Ok(g) => {
            for e in g.entries() {
                assert!(!e.en.is_empty() && !e.id.is_empty());
            }
        }
        Err(e) => {
            let loc = e.location().unwrap_or_else(|| panic!("error without a location: {e}"));
            in_input(loc);
        }
    }
    for p in check_files(&[("fuzz.csv".to_string(), data.to_vec())]) {
        in_input(&p.location);
    }
});
