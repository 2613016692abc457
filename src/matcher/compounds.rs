//! Compound names written as one word or as two: عبد الله / عبدالله, أبو ظبي / أبوظبي, Abdel Fattah / Abdelfattah.
//!
//! Arabic writes a name made of عبد or أبو and the next word both ways, and so does the press in Latin letters; a
//! glossary holds one of them (or both, as variants). The `search` key keeps the space as written, so a lookup also
//! tries the query with its compounds written the other way ([`respellings`]): a form that differs from the query
//! only there is the same name.

/// The particles that make one name with the word after them, `search`-normalized, as written apart: those of
/// [`super::titles::JOINERS`] that form a compound (not "son of" nor the article, which stand apart in every
/// spelling), and abdol. Latin ones include the vowel the press writes before the next word (Abdel, Abdul, Abou);
/// longest first, since joined the longest is the particle (Abdelfattah is abdel + fattah, not abd + elfattah).
const PARTICLES: &[&str] = &[
    "عبد", "ابو", "abdel", "abdul", "abdal", "abdol", "abou", "abd", "abu",
];

/// The fewest letters a word after a particle has, for a joined word to be read as a compound (أبواب, doors, is
/// no أبو + اب).
const MIN_REST: usize = 3;

/// How a respelling writes the query's compounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Respelt {
    /// Every particle joined to the word after it (عبد الله → عبدالله).
    Joined,
    /// Every joined compound split after its particle (عبدالله → عبد الله).
    Apart,
}

impl Respelt {
    /// The `detail` of a match whose text is written as the key that was respelt (a query: عبدالله, respelt
    /// apart to find عبد الله, has its compound in one word).
    pub(crate) fn detail_of_key(self) -> &'static str {
        match self {
            Respelt::Joined => super::COMPOUND_TWO_WORDS,
            Respelt::Apart => super::COMPOUND_ONE_WORD,
        }
    }

    /// The `detail` of a match whose text is written as the respelling (a scanned text: عبدالله, a glossary form's
    /// عبد الله respelt joined).
    pub(crate) fn detail_of_respelling(self) -> &'static str {
        match self {
            Respelt::Joined => super::COMPOUND_ONE_WORD,
            Respelt::Apart => super::COMPOUND_TWO_WORDS,
        }
    }
}

/// The `search` key `key` with its compounds joined, and with them apart, each when it differs from `key`.
///
/// ```text
/// عبد الله الثاني  → (عبدالله الثاني, Joined)
/// عبدالملك الحوثي  → (عبد الملك الحوثي, Apart)
/// abdelfattah sisi → (abdel fattah sisi, Apart)
/// ```
pub(crate) fn respellings(key: &str) -> Vec<(String, Respelt)> {
    // Most names have no particle: nothing to allocate.
    if !key
        .split(' ')
        .any(|w| PARTICLES.iter().any(|p| w.starts_with(p)))
    {
        return Vec::new();
    }
    let words: Vec<&str> = key.split(' ').collect();
    let mut out = Vec::new();
    // Joined: a particle and the word after it (not another particle, not the last word alone after nothing).
    let mut joined = String::with_capacity(key.len());
    let mut changed = false;
    let mut i = 0;
    while let Some(&w) = words.get(i) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
        match words.get(i + 1) {
            Some(&next) if PARTICLES.contains(&w) && !PARTICLES.contains(&next) => {
                joined.push_str(next);
                changed = true;
                i += 2;
            }
            _ => i += 1,
        }
    }
    if changed {
        out.push((joined, Respelt::Joined));
    }
    // Apart: a word that starts with a particle and goes on for a word of its own.
    let mut apart = String::with_capacity(key.len() + 4);
    let mut changed = false;
    for w in &words {
        if !apart.is_empty() {
            apart.push(' ');
        }
        match split_compound(w) {
            Some((particle, rest)) => {
                apart.push_str(particle);
                apart.push(' ');
                apart.push_str(rest);
                changed = true;
            }
            None => apart.push_str(w),
        }
    }
    if changed {
        out.push((apart, Respelt::Apart));
    }
    out
}

/// A word written as a particle and a word joined (عبدالله, ابوظبي, abdelfattah): the two.
fn split_compound(word: &str) -> Option<(&str, &str)> {
    PARTICLES.iter().find_map(|&p| {
        let rest = word.strip_prefix(p)?;
        (rest.chars().count() >= MIN_REST).then_some((p, rest))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(key: &str) -> Vec<(String, Respelt)> {
        respellings(key)
    }

    #[test]
    fn a_compound_written_apart_is_also_read_joined() {
        assert_eq!(
            of("عبد الله الثاني"),
            [("عبدالله الثاني".to_string(), Respelt::Joined)]
        );
        assert_eq!(of("ابو ظبي"), [("ابوظبي".to_string(), Respelt::Joined)]);
        assert_eq!(
            of("abdel fattah el sisi"),
            [("abdelfattah el sisi".to_string(), Respelt::Joined)]
        );
    }

    #[test]
    fn a_compound_written_joined_is_also_read_apart() {
        assert_eq!(
            of("عبدالملك الحوثي"),
            [("عبد الملك الحوثي".to_string(), Respelt::Apart)]
        );
        assert_eq!(of("ابوظبي"), [("ابو ظبي".to_string(), Respelt::Apart)]);
        // The longest particle: abdel + fattah, not abd + elfattah.
        assert_eq!(
            of("abdelfattah sisi"),
            [("abdel fattah sisi".to_string(), Respelt::Apart)]
        );
        assert_eq!(of("abubakar"), [("abu bakar".to_string(), Respelt::Apart)]);
    }

    #[test]
    fn words_that_only_start_like_a_particle_stay_whole() {
        // Too short after the particle: أبواب (doors), Abuja.
        assert!(of("ابواب").is_empty());
        assert!(of("abuja").is_empty());
        // A particle alone, a particle last, no particle.
        assert!(of("عبد").is_empty());
        assert!(of("محمد ابو").is_empty());
        assert!(of("putin").is_empty());
    }

    #[test]
    fn both_ways_when_the_query_writes_compounds_both_ways() {
        assert_eq!(
            of("عبد الله عبدالرحمن"),
            [
                ("عبدالله عبدالرحمن".to_string(), Respelt::Joined),
                ("عبد الله عبد الرحمن".to_string(), Respelt::Apart)
            ]
        );
    }
}
