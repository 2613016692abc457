//! Mentions the shipped glossary must give in sentences of Arabic news, and those it must not
//! (`tests/data/scan_cases.tsv`): each case lists every mention of its sentence, in text order.

use qamus::glossary::Glossary;
use qamus::matcher::Matcher;
use qamus::scan::Scanner;

#[test]
fn sentences_give_exactly_their_mentions() {
    let m = Matcher::new(Glossary::builtin());
    let scanner = Scanner::new(&m);
    let cases: Vec<(&str, &str)> = include_str!("data/scan_cases.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .collect();
    assert!(cases.len() >= 15, "{}", cases.len());
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|&(text, expected)| {
            let got: Vec<String> = scanner
                .scan(text)
                .into_iter()
                .map(|x| format!("{}={}", x.surface, x.entry.id))
                .collect();
            let got = if got.is_empty() {
                "-".to_string()
            } else {
                got.join(" | ")
            };
            (got != expected).then(|| format!("{text}: expected {expected}, got {got}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
