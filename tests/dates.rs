//! Dates in Arabic text (`qamus::dates`), data-driven: `tests/data/dates.tsv` (text → ISO dates, one rule per row)
//! and the dates of every seed document.

use qamus::dates::find_dates;

const CASES: &str = include_str!("data/dates.tsv");

/// Rows of the table: (text with `\n` unescaped, expected ISO dates, rule).
fn cases() -> Vec<(String, Vec<String>, String)> {
    CASES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "row needs 3 columns: {l}");
            let expected = match cols[1] {
                "-" => Vec::new(),
                e => e.split(' ').map(str::to_string).collect(),
            };
            (cols[0].replace("\\n", "\n"), expected, cols[2].to_string())
        })
        .collect()
}

#[test]
fn every_row_of_the_table_finds_its_dates() {
    let cases = cases();
    assert!(cases.len() >= 100, "{} rows", cases.len());
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(text, expected, rule)| {
            let found = find_dates(text);
            let got: Vec<String> = found.iter().map(|d| d.date.iso()).collect();
            for d in &found {
                assert_eq!(text.get(d.start..d.end), Some(d.surface.as_str()), "{rule}");
            }
            (&got != expected)
                .then(|| format!("{rule}: {text:?}: expected {expected:?}, got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every date of the five seed documents, read by hand: (file, [(surface, ISO)]).
const SEEDS: &[(&str, &[(&str, &str)])] = &[
    (
        "000_791975e654a9a156.txt",
        &[
            ("9 تشرين الثاني/ نوفمبر 2020", "2020-11-09"),
            ("11 كانون الثاني/ يناير 2021", "2021-01-11"),
        ],
    ),
    (
        "001_0ba9f4aca8c64938.txt",
        &[
            ("31 أكتوبر", "--10-31"),
            ("9 نوفمبر 2020", "2020-11-09"),
            ("11 يناير", "2021-01-11"),
            ("26 نوفمبر 2021", "2021-11-26"),
        ],
    ),
    (
        "002_d20ebc38bcca70ee.txt",
        &[
            ("٠٧ يوليو ٢٠٢١", "2021-07-07"),
            ("الأربعاء 7 يوليو/ تموز 2021", "2021-07-07"),
            ("9 نوفمبر/ تشرين الثاني 2020", "2020-11-09"),
            ("11 يناير/ كانون الثاني 2021", "2021-01-11"),
            ("9 نوفمب/تشرين الثاني 2020", "2020-11-09"),
            ("12 مايو/ أيار 2021", "2021-05-12"),
        ],
    ),
    ("003_27ee660541e3fe33.txt", &[]),
    (
        "004_7e6629763159a433.txt",
        &[("الخميس 9 مايو 2024", "2024-05-09")],
    ),
];

#[test]
fn the_seed_documents_give_exactly_their_dates() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/seeds");
    for (file, want) in SEEDS {
        let text =
            std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let got: Vec<(String, String)> = find_dates(&text)
            .into_iter()
            .map(|d| (d.surface, d.date.iso()))
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(s, d)| (s.to_string(), d.to_string()))
            .collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn mentions_serialize_with_iso_dates() {
    let d = find_dates("الخميس 9 مايو 2024");
    let json = serde_json::to_value(&d).unwrap_or_default();
    assert_eq!(json[0]["date"], "2024-05-09");
    assert_eq!(json[0]["start"], 0);
    assert_eq!(json[0]["surface"], "الخميس 9 مايو 2024");
    assert_eq!(json[0]["year_shared"], false);
}
