//! Arabic proclitics glued to the first word of a name: وباشينيان، لبوتين، للكرملين، وبالكرملين.
//!
//! Clitics are never stripped blindly (a light stemmer turns بوتين into بوت): [`candidates`] lists the readings
//! of a word with its possible prefixes removed, and the matcher keeps one only when the glossary holds it.
//! They are decided on the text as written, before alef folding: إلهام does not start with ال, and stays whole.
//!
//! Latin names have one clitic, the English possessive (Putin's, Armenia’s), which the
//! tokenizer and the matcher both take off.

/// One reading of a word: the remaining stem and the prefix taken off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The word without the prefix (with the article put back where the prefix ended in it: للكرملين → الكرملين).
    pub stem: String,
    /// The letters taken off, as written (و, ل, وب, لل…).
    pub prefix: String,
}

/// The length in bytes of the English possessive that starts `text` (an apostrophe, ' or ’, and s or S), if one
/// does; whether a word goes on after it is the caller's to decide.
pub(crate) fn english_possessive(text: &str) -> Option<usize> {
    let rest = text
        .strip_prefix('\'')
        .or_else(|| text.strip_prefix('\u{2019}'))?;
    rest.strip_prefix(['s', 'S'])
        .map(|after| text.len() - after.len())
}

/// Conjunctions that may come first.
const CONJUNCTIONS: [&str; 2] = ["و", "ف"];
/// Prepositions that may follow them.
const PREPOSITIONS: [&str; 3] = ["ب", "ل", "ك"];
/// A stem must keep at least this many letters.
const MIN_STEM: usize = 2;

/// Every way to read `word` as clitics + stem, shortest prefix first; the word itself is not included.
///
/// The prefixes are an optional conjunction (و ف), then an optional preposition (ب ل ك), then an optional article
/// (ال, written ل after the preposition ل: للكرملين). Where an article is taken off, the stem is offered both with it
/// and without it (والكرملين → الكرملين, كرملين).
///
/// ```
/// use qamus::matcher::clitics::candidates;
/// let stems: Vec<String> = candidates("وباشينيان").into_iter().map(|c| c.stem).collect();
/// assert_eq!(stems, ["باشينيان", "اشينيان"]);
/// let stems: Vec<String> = candidates("للكرملين").into_iter().map(|c| c.stem).collect();
/// assert!(stems.contains(&"الكرملين".to_string()));
/// assert!(candidates("إلهام").iter().all(|c| c.stem != "هام"));
/// ```
pub fn candidates(word: &str) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut push = |prefix: String, stem: &str, with_article: bool| {
        if stem
            .chars()
            .filter(|&c| crate::normalize::is_arabic_letter(c))
            .count()
            < MIN_STEM
        {
            return;
        }
        let stems = if with_article {
            vec![format!("ال{stem}"), stem.to_string()]
        } else {
            vec![stem.to_string()]
        };
        for s in stems {
            if s != word && !out.iter().any(|c| c.stem == s) {
                out.push(Candidate {
                    stem: s,
                    prefix: prefix.clone(),
                });
            }
        }
    };
    for conj in std::iter::once("").chain(CONJUNCTIONS) {
        let Some(after_conj) = word.strip_prefix(conj) else {
            continue;
        };
        for prep in std::iter::once("").chain(PREPOSITIONS) {
            let Some(after_prep) = after_conj.strip_prefix(prep) else {
                continue;
            };
            let prefix = format!("{conj}{prep}");
            if !prefix.is_empty() {
                push(prefix.clone(), after_prep, false);
            }
            // The article: ال, or a bare ل after the preposition ل (لل = ل + ال).
            let article = if prep == "ل" { "ل" } else { "ال" };
            if let Some(after_art) = after_prep.strip_prefix(article) {
                push(format!("{prefix}{article}"), after_art, true);
            }
        }
    }
    out.sort_by_key(|c| c.prefix.chars().count());
    out
}

/// The other case of a word that is the sound masculine plural of a nisba with the article, at the `search` level:
/// the nominative ـيون and the accusative and genitive ـيين (الحوثيون, الحوثيين; الفلسطينيين, الفلسطينيون). A
/// glossary names a group in one case and news writes it in both, the second more often (قصف الحوثيين، مع
/// الفلسطينيين). Three letters at least before the ending; never without the article (ليون, سيراليون end so
/// and are no plurals).
///
/// ```
/// use qamus::rules::clitics::other_case;
/// assert_eq!(other_case("الحوثيين").as_deref(), Some("الحوثيون"));
/// assert_eq!(other_case("الحوثيون").as_deref(), Some("الحوثيين"));
/// assert_eq!(other_case("سيراليون"), None);
/// assert_eq!(other_case("فلسطين"), None);
/// ```
pub fn other_case(key: &str) -> Option<String> {
    let (stem, other) = match (key.strip_suffix("يين"), key.strip_suffix("يون")) {
        (Some(stem), _) => (stem, "يون"),
        (_, Some(stem)) => (stem, "يين"),
        _ => return None,
    };
    let bare = stem.strip_prefix("ال")?;
    (bare.chars().count() >= 3).then(|| format!("{stem}{other}"))
}

/// The attached pronouns a noun or verb ends in, longest first: ـهما ـهم ـهن ـها ـه (his, hers, theirs), ـكما ـكم
/// (yours), ـنا (ours).
const PRONOUNS: [&str; 8] = ["هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه"];

/// The stems of a `search`-level word that ends in an attached pronoun, two letters at least before it: the word
/// without the pronoun, and, where the stem ends in ت, the same with ة as `search` writes it (ه: حكومته → حكومه,
/// the government's). Names end so too (طه, حمزه): what a stem is worth is the caller's to decide.
///
/// ```
/// use qamus::rules::clitics::pronoun_stems;
/// assert_eq!(pronoun_stems("اعتباره"), ["اعتبار"]);
/// assert_eq!(pronoun_stems("حكومتها"), ["حكومت", "حكومه"]);
/// assert!(pronoun_stems("طه").is_empty());
/// ```
pub fn pronoun_stems(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for pronoun in PRONOUNS {
        let Some(stem) = key.strip_suffix(pronoun) else {
            continue;
        };
        if stem.chars().count() < 2 {
            continue;
        }
        out.push(stem.to_string());
        if let Some(before) = stem.strip_suffix('ت') {
            out.push(format!("{before}ه"));
        }
    }
    out
}

/// Whether one word as written is a frequent word of the language (`Frequent::Word`) with an attached pronoun
/// ([`pronoun_stems`] of its `search` key), whole or behind a proclitic ([`candidates`], which reads the word as
/// written: إلهام has no article): اعتباره "considering it", وحكومته, مهامه "his duties". No name is written so.
pub(crate) fn is_word_with_a_pronoun(word: &str) -> bool {
    use crate::rules::frequent::{frequent, Frequent};
    std::iter::once(word.to_string())
        .chain(candidates(word).into_iter().map(|c| c.stem))
        .flat_map(|w| pronoun_stems(&crate::normalize::search(&w)))
        .any(|stem| frequent(&stem) == Some(Frequent::Word))
}

/// Whether the stem left by one proclitic letter on a lone word is a credible reading: four letters or more, not
/// starting with a bare alef (a foreign name's first syllable: بارنز, واتا, بانج) unless that alef is the article
/// (والكرملين).
pub(crate) fn weak_reading_ok(stem: &str) -> bool {
    stem.chars()
        .filter(|&c| crate::normalize::is_arabic_letter(c))
        .count()
        >= 4
        && (!stem.starts_with('ا') || stem.starts_with("ال"))
}

/// The proclitic letters that [`proclitic_latin`] writes: و ف ب ل ك.
pub(crate) const PROCLITIC_LETTERS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// A proclitic letter in Latin letters with its hyphen, as both press style and ALA-LC/DIN write it before a word:
/// و wa-, ف fa-, ب bi-, ل li-, ك ka-; `None` for any other letter.
pub(crate) fn proclitic_latin(letter: char) -> Option<&'static str> {
    Some(match letter {
        'و' => "wa-",
        'ف' => "fa-",
        'ب' => "bi-",
        'ل' => "li-",
        'ك' => "ka-",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(w: &str) -> Vec<String> {
        candidates(w).into_iter().map(|c| c.stem).collect()
    }

    #[test]
    fn conjunction_and_preposition() {
        assert!(stems("وباشينيان").contains(&"باشينيان".to_string()));
        assert!(stems("لبوتين").contains(&"بوتين".to_string()));
        assert!(stems("وبوتين").contains(&"بوتين".to_string()));
        assert!(stems("لقره").contains(&"قره".to_string()));
        assert!(stems("فبوتين").contains(&"بوتين".to_string()));
    }

    #[test]
    fn article_combinations_keep_the_article_as_a_reading() {
        for (w, stem) in [
            ("للكرملين", "الكرملين"),
            ("والكرملين", "الكرملين"),
            ("بالكرملين", "الكرملين"),
            ("فالكرملين", "الكرملين"),
            ("كالكرملين", "الكرملين"),
            ("وبالكرملين", "الكرملين"),
            ("الكرملين", "كرملين"),
        ] {
            assert!(
                stems(w).contains(&stem.to_string()),
                "{w} → {stem}: {:?}",
                stems(w)
            );
        }
    }

    #[test]
    fn hamza_is_not_an_article() {
        assert!(stems("إلهام").is_empty());
        assert!(stems("أبوظبي").is_empty());
    }

    #[test]
    fn stems_keep_two_letters() {
        assert!(stems("وب").is_empty());
        assert!(stems("ول").is_empty());
        assert!(!stems("ولد").is_empty());
    }
}
