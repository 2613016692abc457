//! Names the news uses every day, in English and in Arabic, looked up in the shipped glossary: each finds its entry
//! first (`tests/data/news_names.tsv`). A guard of the glossary's coverage: in the nineteenth session 23 of the
//! people's names and 2 of the places' found nothing before the glossary gained them.

use qamus::glossary::Glossary;
use qamus::matcher::Matcher;

#[test]
fn names_of_the_news_find_their_entries() {
    let m = Matcher::new(Glossary::builtin());
    let cases: Vec<(&str, &str)> = include_str!("data/news_names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .collect();
    assert!(cases.len() >= 240, "{}", cases.len());
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|&(query, id)| {
            let got = m.lookup_top(query, 1);
            let got = got.first().map_or("-", |x| x.entry.id.as_str());
            (got != id).then(|| format!("{query}: expected {id}, got {got}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
