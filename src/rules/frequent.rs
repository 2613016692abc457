//! The 10,000 most frequent Arabic words (`common_words.txt`, from wordfreq), and which of them are names
//! (`frequent_names.tsv`): a frequent word is a standard spelling of something, so the matcher never reads it as
//! another name's misspelling, and the `plain` scheme never writes it as a glossary's name unless it is one.

/// What a frequent word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frequent {
    /// A word of the language (سياسي "political", دون "without", صدر "issued"), or a name that is one too (كريم,
    /// رمضان).
    Word,
    /// A proper name only, in news prose (ترامب, صنعاء, ويلسون).
    Name,
}

// `FREQUENT`, both lists' words in one table, and `NAMES`, per word its English spelling if it is a name (empty if
// it is a word of the language): compiled by build.rs.
include!(concat!(env!("OUT_DIR"), "/frequent_words.rs"));

/// Whether `key` (a word at the `search` level) is among the frequent words, and which kind.
pub(crate) fn frequent(key: &str) -> Option<Frequent> {
    let i = FREQUENT.index(key)?;
    Some(match NAMES.get(i) {
        Some(english) if !english.is_empty() => Frequent::Name,
        _ => Frequent::Word,
    })
}

/// The English of a frequent word that is a name, as `frequent_names.tsv` spells it (صنعاء: Sanaa, ترامب: Trump;
/// a translation where the English name is another word: المانيا, Germany).
pub(crate) fn name_spelling(key: &str) -> Option<&'static str> {
    NAMES
        .get(FREQUENT.index(key)?)
        .filter(|english| !english.is_empty())
}

/// The English spellings of the frequent names (Sanaa, Trump, Hosni), as [`name_spelling`] gives them.
pub(crate) fn name_spellings() -> impl Iterator<Item = &'static str> {
    (0..NAMES.starts.len().saturating_sub(1))
        .filter_map(|i| NAMES.get(i))
        .filter(|english| !english.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_names() {
        assert_eq!(frequent("سياسي"), Some(Frequent::Word));
        assert_eq!(frequent("دون"), Some(Frequent::Word));
        assert_eq!(frequent("ترامب"), Some(Frequent::Name));
        assert_eq!(frequent("صنعاء"), Some(Frequent::Name));
        assert_eq!(frequent("باشينيان"), None);
        assert_eq!(name_spelling("صنعاء"), Some("Sanaa"));
        assert_eq!(name_spelling("سياسي"), None);
    }

    #[test]
    fn every_name_is_a_frequent_word() {
        let words: rustc_hash::FxHashSet<&str> = include_str!("common_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        for line in include_str!("frequent_names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            assert!(
                words.contains(fields[0]),
                "{} is not in common_words.txt",
                fields[0]
            );
        }
    }
}
