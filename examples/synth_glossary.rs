//! Writes a synthetic glossary of N rows as CSV on standard output (for the scale measurements of the README's
//! Reliability section): `cargo run --release --example synth_glossary -- 1000000 > big.csv`.

use std::io::Write;

use qamus::synth::Generator;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .nth(1)
        .map_or(Ok(1000), |a| a.parse())
        .map_err(|e| format!("N must be a number: {e}"))?;
    let glossary = Generator::new(1).glossary(n);
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "type",
        "en",
        "ar",
        "en_variants",
        "ar_variants",
        "note",
    ])?;
    for e in glossary.entries() {
        w.write_record([
            e.id.as_str(),
            e.kind.as_str(),
            &e.en,
            &e.ar,
            &e.en_variants.join("|"),
            &e.ar_variants.join("|"),
            &e.note,
        ])?;
    }
    w.into_inner()?.flush()?;
    Ok(())
}
