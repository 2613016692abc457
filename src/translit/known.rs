//! Names a glossary knows, for the `plain` scheme to write as the glossary spells them in English: بوتين is Putin,
//! not the Butin that the letters alone give, and فلاديمير بوتين is Vladimir Putin.
//!
//! Only what is a transliteration is taken: an entry's Arabic form and its English name are split into words and
//! aligned by their consonant skeletons ([`keys::arabic_skeleton`], [`keys::latin_skeleton`]; see [`align`]), so a
//! translated name (الأمم المتحدة, United Nations) teaches nothing and stays transliterated. A form that spells the
//! name is kept whole, in the entry's own spelling (ناغورنو كاراباخ: Nagorno-Karabakh, حزب الله: Hezbollah), and
//! its words that agree closely one by one. A word that several entries spell differently (محمد: Mohammed, Mohamed)
//! takes the spelling most of them use; the whole names keep each its own.

use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::glossary::Glossary;
use crate::normalize::{self, Folds};
use crate::rules::frequent::{frequent, Frequent};
use crate::rules::{clitics, keys};

/// Arabic words and phrases with their English spelling, read from glossary entries.
///
/// ```
/// use qamus::glossary::Glossary;
/// use qamus::translit::{transliterate_known, KnownNames, Scheme};
///
/// let g = Glossary::from_csv_str("mine.csv", "id,type,en,ar\nputin,PER,Vladimir Putin,فلاديمير بوتين\n")?;
/// let names = KnownNames::from_glossary(&g);
/// assert_eq!(transliterate_known("بوتين", Scheme::Plain, &names), "Putin");
/// assert_eq!(transliterate_known("فلاديمير بوتين", Scheme::Plain, &names), "Vladimir Putin");
/// assert_eq!(transliterate_known("ولبوتين", Scheme::Plain, &names), "wa-li-Putin");
/// # Ok::<(), qamus::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct KnownNames {
    /// The `search` key of an Arabic word or phrase (words joined by one space) → its English spelling.
    spellings: FxHashMap<String, Box<str>>,
    /// The `search` keys of the first words of the phrases.
    first_words: FxHashSet<String>,
    /// The most words of a phrase.
    longest: usize,
    /// Tells this set from others in the per-thread memo of [`KnownNames::read`].
    id: u64,
}

impl Default for KnownNames {
    fn default() -> KnownNames {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        KnownNames {
            spellings: FxHashMap::default(),
            first_words: FxHashSet::default(),
            longest: 0,
            id: NEXT.fetch_add(1, Ordering::Relaxed),
        }
    }
}

/// What [`KnownNames::read`] knows of a word as written: whether a phrase may start with it, and its spelling.
type Reading = (bool, Option<Box<str>>);

impl KnownNames {
    /// No names.
    pub fn new() -> KnownNames {
        KnownNames::default()
    }

    /// Whether a known phrase may start with `word` (as written), and [`KnownNames::word`]'s spelling of it,
    /// remembered per thread: running text repeats its words.
    pub(crate) fn read(&self, word: &str) -> Reading {
        thread_local! {
            static SEEN: std::cell::RefCell<(u64, FxHashMap<Box<str>, Reading>)> =
                std::cell::RefCell::new((u64::MAX, FxHashMap::default()));
        }
        const SEEN_MAX: usize = 1 << 16;
        SEEN.with_borrow_mut(|(id, seen)| {
            if *id != self.id || seen.len() >= SEEN_MAX {
                *id = self.id;
                seen.clear();
            }
            if let Some(r) = seen.get(word) {
                return r.clone();
            }
            let first =
                self.longest > 1 && self.first_words.contains(normalize::search(word).as_ref());
            let r = (first, self.word(word).map(String::into_boxed_str));
            seen.insert(word.into(), r.clone());
            r
        })
    }

    /// The names of `glossary`'s entries, every Arabic form against the entry's English name.
    pub fn from_glossary(glossary: &Glossary) -> KnownNames {
        // Each entry's phrases and words (`search` keys with their spellings), on all cores, then gathered in the
        // glossary's order: per word, each spelling with its votes, in the order they first came.
        let learnt: Vec<Learnt> = glossary.entries().par_iter().map(learn).collect();
        let mut votes: FxHashMap<String, Vec<(String, usize)>> = FxHashMap::default();
        let mut phrases: FxHashMap<String, String> = FxHashMap::default();
        // The words that some entry's form is alone (Putin's بوتين), not only one word of a longer name.
        let mut lone: FxHashSet<String> = FxHashSet::default();
        let mut parts: Vec<(String, String)> = Vec::new();
        for (entry_phrases, words, entry_parts) in learnt {
            for (key, english) in entry_phrases {
                phrases.entry(key).or_insert(english);
            }
            parts.extend(entry_parts);
            for (key, english, alone) in words {
                if alone {
                    lone.insert(key.clone());
                }
                let spellings = votes.entry(key).or_default();
                match spellings.iter_mut().find(|(s, _)| *s == english) {
                    Some((_, n)) => *n += 1,
                    None => spellings.push((english, 1)),
                }
            }
        }
        let mut spellings: FxHashMap<String, Box<str>> = FxHashMap::default();
        for (key, votes) in votes {
            // The most votes, then the first come (max_by_key keeps the last of equals: reversed).
            let Some((english, n)) = votes.iter().rev().max_by_key(|(_, n)| *n) else {
                continue;
            };
            // A frequent name of news prose that one entry writes otherwise, inside a longer name (ابراهيم in
            // Ebrahim Raisi, فيكتور in Viktor Orbán), keeps its press spelling alone (Ibrahim, Victor); the whole
            // name keeps the entry's. A word with the article keeps the glossary's (al-Maliki, not Maliki).
            let press = crate::rules::frequent::name_spelling(&key).filter(|p| spells(&key, p));
            if press.is_some_and(|p| p != english)
                && *n == 1
                && !lone.contains(&key)
                && !key.starts_with("ال")
            {
                continue;
            }
            spellings.insert(key, english.as_str().into());
        }
        // Parts of names after every whole name: a whole name (حافظ الأسد) keeps its own spelling.
        for (key, english) in parts {
            phrases.entry(key).or_insert(english);
        }
        for (key, english) in phrases {
            spellings.insert(key, english.into());
        }
        KnownNames::from_spellings(spellings)
    }

    /// The names of `spellings` (`search` keys of words and phrases → English), with the phrases' first words.
    fn from_spellings(spellings: FxHashMap<String, Box<str>>) -> KnownNames {
        let mut names = KnownNames::new();
        for key in spellings.keys() {
            names.longest = names.longest.max(key.split(' ').count());
            if let Some((first, _)) = key.split_once(' ') {
                names.first_words.insert(first.to_string());
            }
        }
        names.spellings = spellings;
        names
    }

    /// The names as text, to keep them (a large glossary's names take a while to learn): a comment line, then one
    /// line per word or phrase, its `search` key and its English spelling separated by a tab, sorted by key.
    /// [`KnownNames::from_tsv`] reads it back.
    ///
    /// ```
    /// use qamus::glossary::Glossary;
    /// use qamus::translit::KnownNames;
    ///
    /// let g = Glossary::from_csv_str("mine.csv", "id,type,en,ar\nputin,PER,Vladimir Putin,فلاديمير بوتين\n")?;
    /// let tsv = KnownNames::from_glossary(&g).to_tsv();
    /// assert!(tsv.contains("بوتين\tPutin\n"));
    /// let names = KnownNames::from_tsv("names.tsv", &tsv)?;
    /// assert_eq!(names.spelling("فلاديمير بوتين"), Some("Vladimir Putin"));
    /// assert_eq!(names.to_tsv(), tsv);
    /// # Ok::<(), qamus::Error>(())
    /// ```
    pub fn to_tsv(&self) -> String {
        let mut keys: Vec<(&String, &Box<str>)> = self.spellings.iter().collect();
        keys.sort_unstable();
        let mut out = String::from("# arabic (search key)\tenglish\n");
        for (key, english) in keys {
            out.push_str(key);
            out.push('\t');
            out.push_str(english);
            out.push('\n');
        }
        out
    }

    /// Names written by [`KnownNames::to_tsv`] (`name` says where they come from, for errors). Lines starting
    /// with `#` and empty lines are skipped; every other line must be a key and a spelling, both non-empty, a tab
    /// apart, the key at the `search` level.
    ///
    /// ```
    /// use qamus::translit::KnownNames;
    ///
    /// let err = KnownNames::from_tsv("names.tsv", "# arabic\tenglish\nبوتين Putin\n").unwrap_err();
    /// assert_eq!(err.to_string(), "names.tsv:2 (byte 17): known names: no tab between the key and the spelling");
    /// ```
    pub fn from_tsv(name: &str, text: &str) -> crate::Result<KnownNames> {
        let mut spellings: FxHashMap<String, Box<str>> = FxHashMap::default();
        let mut byte = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            let start = byte;
            byte += line.len();
            let line = line.trim_end_matches(['\n', '\r']);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let problem = match line.split_once('\t') {
                Some((key, english)) if key.is_empty() || english.is_empty() => {
                    Some("an empty key or spelling")
                }
                Some((_, english)) if english.contains('\t') => Some("more than two fields"),
                Some((key, _)) if normalize::search(key) != key => {
                    Some("a key that is not at the `search` level")
                }
                Some((key, english)) => {
                    spellings.insert(key.to_string(), english.into());
                    None
                }
                None => Some("no tab between the key and the spelling"),
            };
            if let Some(problem) = problem {
                let location = crate::error::Location {
                    path: Some(name.into()),
                    line: Some(n as u64 + 1),
                    column: None,
                    byte: Some(start as u64),
                };
                return Err(crate::Error::new(
                    crate::error::ErrorKind::Usage,
                    Some(location),
                    format!("known names: {problem}"),
                ));
            }
        }
        Ok(KnownNames::from_spellings(spellings))
    }

    /// The names of the shipped glossary: `shipped_names.tsv`, written by `scripts/shipped_index.sh` (a test checks
    /// that it is current), so that nothing is learnt at start-up; learnt from the glossary should that file be of
    /// another glossary.
    pub fn builtin() -> &'static KnownNames {
        static BUILTIN: std::sync::OnceLock<KnownNames> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            shipped_names().unwrap_or_else(|| KnownNames::from_glossary(&Glossary::builtin()))
        })
    }

    /// How many words and phrases are known.
    pub fn len(&self) -> usize {
        self.spellings.len()
    }

    /// Whether no name is known.
    pub fn is_empty(&self) -> bool {
        self.spellings.is_empty()
    }

    /// The English spelling of the Arabic word or phrase `arabic` (at any normalization level).
    pub fn spelling(&self, arabic: &str) -> Option<&str> {
        self.spellings
            .get(normalize::search(arabic).as_ref())
            .map(|s| &**s)
    }

    /// The most words of a known phrase (1 when only single words are known, 0 when nothing is).
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// The longest known phrase at the start of `words` (Arabic words as they come in the text): how many words it
    /// takes and its spelling.
    pub(crate) fn phrase_at(&self, words: &[&str]) -> Option<(usize, &str)> {
        let n = words.len().min(self.longest);
        let keys: Vec<std::borrow::Cow<'_, str>> =
            words.iter().take(n).map(|w| normalize::search(w)).collect();
        (2..=n).rev().find_map(|k| {
            let key = keys.get(..k)?.join(" ");
            self.spellings.get(&key).map(|s| (k, &**s))
        })
    }

    /// A lone word: known as it is, or as proclitics (و ف ب ل ك) before a known name (ولبوتين: wa-li-Putin). A
    /// single proclitic letter needs a stem of four letters or more, as the matcher's readings do.
    pub(crate) fn word(&self, word: &str) -> Option<String> {
        if let Some(s) = self.spelling(word) {
            return Some(s.to_string());
        }
        if !word.starts_with(crate::rules::clitics::PROCLITIC_LETTERS) {
            return None;
        }
        clitics::candidates(word).into_iter().find_map(|c| {
            let proclitics = proclitics(&c.prefix, c.stem.starts_with("ال"))?;
            if c.prefix.chars().count() == 1 && !clitics::weak_reading_ok(&c.stem) {
                return None;
            }
            let name = self.spelling(&c.stem)?;
            Some(format!("{proclitics}{name}"))
        })
    }
}

/// The proclitics of `prefix` in Latin letters, each followed by a hyphen (وب: wa-bi-), without the article when
/// the stem keeps it (`stem_article`: للكرملين is ل + الكرملين); `None` for the article alone.
pub(crate) fn proclitics(prefix: &str, stem_article: bool) -> Option<String> {
    let mut letters: Vec<char> = prefix.chars().collect();
    if stem_article {
        if prefix.ends_with("ال") {
            letters.truncate(letters.len().saturating_sub(2));
        } else if prefix.ends_with("لل") {
            letters.pop();
        }
    }
    let out = letters
        .into_iter()
        .map(clitics::proclitic_latin)
        .collect::<Option<String>>()?;
    (!out.is_empty()).then_some(out)
}

/// `english` in ASCII, case kept (Erdoğan: Erdogan); `None` when a letter has no ASCII spelling.
fn ascii_spelling(english: &str) -> Option<String> {
    let mut out = String::with_capacity(english.len());
    for c in english.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let folded = normalize::fold(c.encode_utf8(&mut [0; 4]), Folds::LATIN).into_owned();
        if !folded.is_ascii() {
            return None;
        }
        let mut letters = folded.chars();
        if let Some(first) = letters.next() {
            if c.is_uppercase() {
                out.push(first.to_ascii_uppercase());
            } else {
                out.push(first);
            }
            out.extend(letters);
        }
    }
    Some(out)
}

/// The words of an English name: split at spaces, and at hyphens but after an article (Nagorno-Karabakh is two
/// words, al-Assad one); punctuation at either end dropped (Tyre, Lebanon).
fn english_words(english: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for token in english.split_whitespace() {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        let article = token
            .split_once('-')
            .is_some_and(|(first, _)| ARTICLES.contains(&first.to_ascii_lowercase().as_str()));
        if article {
            out.push(token);
        } else {
            out.extend(token.split('-').filter(|w| !w.is_empty()));
        }
    }
    out
}

/// The Arabic article as English spellings write it before a hyphen (al-Assad, el-Sisi, ad-Dawla, ash-Sham).
const ARTICLES: [&str; 12] = [
    "al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ath", "adh", "ud",
];

/// `shipped_names.tsv`: the shipped glossary's names ([`KnownNames::to_tsv`]) after a first line that records the
/// checksum of the glossary they were learnt from ([`shipped_names_header`]).
pub(crate) static SHIPPED_NAMES: &str = include_str!("shipped_names.tsv");

/// The first line of `shipped_names.tsv` for the glossary compiled in.
pub(crate) fn shipped_names_header() -> String {
    format!(
        "# the names of the shipped glossary (xxh3 {:016x}), written by scripts/shipped_index.sh; do not edit",
        crate::glossary::builtin_checksum()
    )
}

/// [`SHIPPED_NAMES`], or `None` when it is of another glossary than the one compiled in.
fn shipped_names() -> Option<KnownNames> {
    let (first, rest) = SHIPPED_NAMES.split_once('\n')?;
    if first != shipped_names_header() {
        return None;
    }
    KnownNames::from_tsv("shipped_names.tsv", rest).ok()
}

/// What one entry teaches: its forms kept whole and its words, each a `search` key with its spelling (a word also
/// with whether its form is that one word).
type Learnt = (
    Vec<(String, String)>,
    Vec<(String, String, bool)>,
    Vec<(String, String)>,
);

/// The phrases and words of one entry: every Arabic form against the English name, then its variants (أبو مازن
/// spells Abu Mazen, not Mahmoud Abbas); the first that the form spells ([`align`]).
fn learn(entry: &crate::glossary::Entry) -> Learnt {
    let mut learnt: Learnt = (Vec::new(), Vec::new(), Vec::new());
    let spellings: Vec<String> = std::iter::once(&entry.en)
        .chain(&entry.en_variants)
        .filter_map(|e| ascii_spelling(e))
        .collect();
    let split: Vec<Vec<&str>> = spellings.iter().map(|e| english_words(e)).collect();
    for form in std::iter::once(&entry.ar)
        .chain(&entry.ar_variants)
        .filter(|f| !f.is_empty())
    {
        let arabic_words: Vec<&str> = form.split_whitespace().collect();
        // The first spelling that the form spells; only if none does, the first it spells but for one consonant.
        let Some((english, alignment)) = [false, true].into_iter().find_map(|loose| {
            spellings
                .iter()
                .zip(&split)
                .map(|(e, words)| (e, align(&arabic_words, words, e, loose)))
                .find(|(_, a)| a.whole || !a.words.is_empty())
        }) else {
            continue;
        };
        if alignment.whole {
            learnt
                .0
                .push((normalize::search(form).into_owned(), english.clone()));
            if entry.kind == crate::glossary::EntityType::Per {
                learnt.2.extend(parts_of_name(&arabic_words, english));
            }
        }
        for (arabic, english) in alignment.words {
            let key = normalize::search(arabic).into_owned();
            if single_word_ok(&key, english) {
                learnt
                    .1
                    .push((key, english.to_string(), arabic_words.len() == 1));
            }
        }
    }
    learnt
}

/// The parts of a person's name the press writes (طيب أردوغان, Tayyip Erdogan; رجب أردوغان, Recep Erdogan): the
/// family name after one or more of the given names in order, as `search` keys with their English, for a name of
/// three or four words that spells its English word for word. Not for names with a particle (بن, أبو, عبد, آل…),
/// whose parts follow other rules (بن سلمان, not محمد سلمان), nor for English names with a word in lower case or
/// joined by a hyphen, whose family name is more than a word (von der Leyen, da Silva, Ter-Petrosyan) or comes
/// first (Lee Jae-myung).
fn parts_of_name(arabic: &[&str], english: &str) -> Vec<(String, String)> {
    let n = arabic.len();
    let english: Vec<&str> = english.split_whitespace().collect();
    // A capitalized word without a hyphen, or a word with the article (al-Sudani, Al-Sabah).
    let plain_word = |w: &&str| {
        let article = w
            .split_once('-')
            .is_some_and(|(a, _)| ARTICLES.contains(&a.to_ascii_lowercase().as_str()));
        article || (!w.contains('-') && w.chars().next().is_some_and(char::is_uppercase))
    };
    if !english.iter().all(plain_word) {
        return Vec::new();
    }
    let particle = |w: &&str| {
        let key = normalize::search(w);
        crate::matcher::titles::JOINERS.contains(&key.as_ref())
            || ["ال", "بنت", "ام", "ولد", "اوغلو"].contains(&key.as_ref())
    };
    if n != english.len() || !(3..=4).contains(&n) || arabic.iter().any(particle) {
        return Vec::new();
    }
    let mut parts = Vec::new();
    // Each non-empty proper subset of the given names (bit i: given name i kept), then the family name.
    for mask in 1..(1u32 << (n - 1)) - 1 {
        let kept = |words: &[&str]| -> String {
            let mut out: Vec<&str> = (0..n - 1)
                .filter(|i| mask & (1 << i) != 0)
                .filter_map(|i| words.get(i).copied())
                .collect();
            out.extend(words.last().copied());
            out.join(" ")
        };
        parts.push((
            normalize::search(&kept(arabic)).into_owned(),
            kept(&english),
        ));
    }
    parts
}

/// How an Arabic form spells an English name: whether the whole form does (`whole`), and which of its words spell
/// which English word (`words`).
#[derive(Debug, Default, PartialEq)]
struct Alignment<'a, 'b> {
    whole: bool,
    words: Vec<(&'a str, &'b str)>,
}

/// How the words of an Arabic form spell the English name's words (`whole` is the name as written):
/// - as many words on both sides, every pair at most one consonant apart ([`Distance::Near`]): the form spells the
///   name (عبد الفتاح السيسي: Abdel Fattah el-Sisi; رجب طيب اردوغان: Recep Tayyip Erdogan), and the pairs that agree
///   closely ([`Distance::Same`]) are its words (السيسي: el-Sisi, but not رجب: Recep, one apart in three);
/// - a lone Arabic word: the whole name if the skeletons agree (ابوظبي: Abu Dhabi), or the one English word that
///   has its skeleton (بوتين: Putin);
/// - otherwise the whole form if its skeleton, spaces left out, is the name's (حزب الله: Hezbollah), or, when
///   `loose`, has one consonant for another in four or more (قره باغ: Karabakh);
///
/// and nothing for a form that translates the name (الأمم المتحدة: United Nations).
fn align<'a, 'b>(
    arabic: &[&'a str],
    english: &[&'b str],
    whole: &'b str,
    loose: bool,
) -> Alignment<'a, 'b> {
    if arabic.len() == english.len() {
        let distances: Vec<Distance> = arabic
            .iter()
            .zip(english)
            .map(|(a, e)| distance(a, e))
            .collect();
        if distances.iter().all(|d| *d != Distance::Far) {
            // One word against one: nothing to misalign.
            let single = arabic.len() == 1;
            let words = arabic
                .iter()
                .zip(english)
                .zip(&distances)
                .filter(|(_, d)| single || **d == Distance::Same)
                .map(|((&a, &e), _)| (a, e))
                .collect();
            return Alignment {
                whole: arabic.len() > 1,
                words,
            };
        }
    }
    // The skeleton of the words, spaces left out after (joined first, Hassan Nasrallah would lose a doubled n).
    let latin = keys::latin_skeleton(&english.join(" ")).replace(' ', "");
    if let [lone] = arabic {
        let a = keys::arabic_skeleton(lone);
        if one_word(&a) && a == latin {
            return Alignment {
                whole: false,
                words: vec![(lone, whole)],
            };
        }
        // The one English word that has its skeleton. Not one a consonant apart: among several words, that is
        // too often another (حميدتي is not Hamdan, قنا not Agency).
        let mut alike = english
            .iter()
            .filter(|e| one_word(&a) && a == keys::latin_skeleton(e));
        if let (Some(&e), None) = (alike.next(), alike.next()) {
            return Alignment {
                whole: false,
                words: vec![(lone, e)],
            };
        }
        return Alignment::default();
    }
    // Or one consonant for another in four or more, past the first: قره باغ / Karabakh, whose غ the English writes
    // kh. Not a consonant more or less (آية الله علي السيستاني is not Ali al-Sistani, whose title the English leaves
    // out), nor another first one (روح الله الخميني is not Ayatollah Khomeini).
    let a = keys::arabic_skeleton(&arabic.join(" ")).replace(' ', "");
    // عبد and the word after it as one, as the English joins them (عبد المجيد تبون: Abdelmadjid Tebboune), the
    // article's ل kept where the English keeps its l.
    let joined =
        keys::arabic_skeleton(&arabic.join(" ").replace("عبد ال", "عبدال")).replace(' ', "");
    let one_for_another = loose
        && a.chars().count() >= 4
        && a.chars().count() == latin.chars().count()
        && a.chars().next() == latin.chars().next()
        && a.chars().zip(latin.chars()).filter(|(x, y)| x != y).count() == 1;
    let whole = !a.is_empty() && (a == latin || joined == latin || one_for_another);
    // The family name, when the last words of names of two words or more agree closely (تبون: Tebboune), but not
    // a name spelt otherwise by heart (the common names, the frequent names, the training names: رحمن is Rahman,
    // not Emomali Rahmon's Rahmon), nor for a one-word English name (درمان is not Omdurman).
    let words = match (arabic.last(), english.last()) {
        (Some(&ar), Some(&en))
            if whole
                && arabic.len() >= 2
                && english.len() >= 2
                && distance(ar, en) == Distance::Same
                && super::plain::curated_name(ar).is_none()
                && super::plain::known_spelling(ar).is_none_or(|k| k.eq_ignore_ascii_case(en)) =>
        {
            vec![(ar, en)]
        }
        _ => Vec::new(),
    };
    Alignment { whole, words }
}

/// Whether a word pair may stand alone, outside its name: not a particle (de, of, von: lower case, but the article,
/// al-Assad), and not a frequent word of the language ([`frequent`]: دون "without" is not Don, صدر "issued" not
/// Sadyr), though a frequent name is (ترامب, Trump).
fn single_word_ok(key: &str, english: &str) -> bool {
    let particle = english.starts_with(|c: char| c.is_ascii_lowercase())
        && !english
            .split_once('-')
            .is_some_and(|(first, _)| ARTICLES.contains(&first));
    !particle && frequent(key) != Some(Frequent::Word)
}

/// How far apart the consonant skeletons of an Arabic word and an English word are ([`keys::arabic_skeleton`],
/// [`keys::latin_skeleton`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Distance {
    /// The same, or one apart in four consonants or more (اسماعيل قاآني / Esmail Qaani).
    Same,
    /// One apart in a shorter word (عبد / Abdel, رجب / Recep).
    Near,
    /// Further, or a word with no consonant.
    Far,
}

/// The [`Distance`] of an Arabic word and an English word.
fn distance(arabic: &str, english: &str) -> Distance {
    let a = keys::arabic_skeleton(arabic);
    if !one_word(&a) {
        return Distance::Far;
    }
    // A v of the English may be written ب, as Hebrew names are (تل أبيب: Tel Aviv).
    let v_as_b = english
        .contains(['v', 'V'])
        .then(|| keys::latin_skeleton(&english.replace(['v', 'V'], "b")));
    std::iter::once(keys::latin_skeleton(english))
        .chain(v_as_b)
        .filter(|e| one_word(e))
        .map(|e| match strsim::levenshtein(&a, &e) {
            0 => Distance::Same,
            1 if a.chars().count() >= 4 => Distance::Same,
            1 => Distance::Near,
            _ => Distance::Far,
        })
        .min_by_key(|d| match d {
            Distance::Same => 0,
            Distance::Near => 1,
            Distance::Far => 2,
        })
        .unwrap_or(Distance::Far)
}

/// Whether an Arabic word (of the development data's name pairs) can be spelt as `english`: their skeletons at most
/// one consonant apart (a row whose Arabic is a fragment, الله: Abdullah, is not).
pub(crate) fn spells(arabic: &str, english: &str) -> bool {
    distance(arabic, english) != Distance::Far
}

/// A skeleton of one word with a consonant.
fn one_word(skeleton: &str) -> bool {
    !skeleton.is_empty() && !skeleton.contains(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(csv: &str) -> KnownNames {
        let g = Glossary::from_csv_str(
            "t.csv",
            &format!("id,type,en,ar,en_variants,ar_variants\n{csv}"),
        )
        .unwrap_or_default();
        KnownNames::from_glossary(&g)
    }

    /// `shipped_names.tsv` is what the shipped glossary teaches now. With `QAMUS_WRITE_SHIPPED_NAMES=1` (which
    /// `scripts/shipped_index.sh` sets) the test writes it instead.
    #[test]
    fn the_shipped_names_are_current() {
        let learnt = KnownNames::from_glossary(&Glossary::builtin());
        let file = format!("{}\n{}", shipped_names_header(), learnt.to_tsv());
        if std::env::var_os("QAMUS_WRITE_SHIPPED_NAMES").is_some() {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/translit/shipped_names.tsv"
            );
            std::fs::write(path, &file).expect("src/translit/shipped_names.tsv is writable");
            return;
        }
        assert!(
            file == SHIPPED_NAMES,
            "src/translit/shipped_names.tsv is not current: run scripts/shipped_index.sh"
        );
        let read = shipped_names().expect("shipped_names.tsv is read");
        assert_eq!(read.to_tsv(), learnt.to_tsv());
        assert_eq!(read.longest, learnt.longest);
        assert_eq!(read.first_words, learnt.first_words);
    }

    #[test]
    fn known_names_file_errors_say_where() {
        for (text, line, problem) in [
            ("# k\tv\nبوتين\tPutin\nبوتين\n", 3, "no tab"),
            ("بوتين\t\n", 1, "an empty key or spelling"),
            ("بوتين\tPutin\tx\n", 1, "more than two fields"),
            ("إبراهيم\tIbrahim\n", 1, "not at the `search` level"),
        ] {
            let err = KnownNames::from_tsv("n.tsv", text).unwrap_err();
            let at = err.location().and_then(|l| l.line);
            assert_eq!(at, Some(line), "{text:?}: {err}");
            assert!(err.to_string().contains(problem), "{text:?}: {err}");
        }
    }

    #[test]
    fn a_transliterated_name_is_known_word_by_word_and_whole() {
        let n = names("karabakh,LOC,Nagorno-Karabakh,ناغورنو كاراباخ,,قره باغ\nputin,PER,Vladimir Putin,فلاديمير بوتين,,بوتين\n");
        assert_eq!(n.spelling("ناغورنو كاراباخ"), Some("Nagorno-Karabakh"));
        assert_eq!(n.spelling("كاراباخ"), Some("Karabakh"));
        assert_eq!(n.spelling("بوتين"), Some("Putin"));
        assert_eq!(n.spelling("فلاديمير"), Some("Vladimir"));
        // قره باغ is not Nagorno-Karabakh letter by letter: nothing is learnt from it.
        assert_eq!(n.spelling("قره"), None);
        assert_eq!(n.spelling("قره باغ"), None);
    }

    #[test]
    fn a_form_of_other_words_than_its_name() {
        let n = names(
            "hezbollah,ORG,Hezbollah,حزب الله,,\nnasrallah,PER,Hassan Nasrallah,حسن نصرالله,,حسن نصر الله\nabbas,PER,Mahmoud Abbas,محمود عباس,Abu Mazen,أبو مازن\nsisi,PER,Abdel Fattah el-Sisi,عبد الفتاح السيسي,,\n",
        );
        // Joined, the skeletons agree.
        assert_eq!(n.spelling("حزب الله"), Some("Hezbollah"));
        assert_eq!(n.spelling("حسن نصر الله"), Some("Hassan Nasrallah"));
        // A form that spells a variant of the name, not the name.
        assert_eq!(n.spelling("أبو مازن"), Some("Abu Mazen"));
        // Each word at most a consonant apart: the whole, and the words that agree closely.
        assert_eq!(
            n.spelling("عبد الفتاح السيسي"),
            Some("Abdel Fattah el-Sisi")
        );
        assert_eq!(n.spelling("السيسي"), Some("el-Sisi"));
        assert_eq!(n.spelling("عبد"), None);
    }

    #[test]
    fn a_name_joined_otherwise_keeps_its_family_name() {
        // عبد and the next word written as one (Abdelmadjid), a v written ب (Aviv), a name of three words in
        // Arabic and two in English (JD Vance): the whole, and the family name when the last words agree.
        let n = names(
            "t,PER,Abdelmadjid Tebboune,عبد المجيد تبون,,\n\
             a,LOC,Tel Aviv,تل أبيب,,\n\
             v,PER,JD Vance,جي دي فانس,,\n\
             o,LOC,Omdurman,أم درمان,,",
        );
        assert_eq!(n.spelling("عبد المجيد تبون"), Some("Abdelmadjid Tebboune"));
        assert_eq!(n.spelling("تبون"), Some("Tebboune"));
        assert_eq!(n.spelling("تل أبيب"), Some("Tel Aviv"));
        assert_eq!(n.spelling("فانس"), Some("Vance"));
        // One English word is no family name: درمان alone is not Omdurman.
        assert_eq!(n.spelling("أم درمان"), Some("Omdurman"));
        assert_eq!(n.spelling("درمان"), None);
    }

    #[test]
    fn a_translated_name_teaches_nothing() {
        let n = names("un,ORG,United Nations,الأمم المتحدة,,\n");
        assert!(n.is_empty());
    }

    #[test]
    fn the_article_and_ascii() {
        let n = names(
            "zawahiri,PER,Ayman al-Zawahiri,أيمن الظواهري,,\nerdogan,PER,Recep Tayyip Erdoğan,رجب طيب أردوغان,,أردوغان\nassad,PER,Bashar al-Assad,بشار الأسد,,\n",
        );
        assert_eq!(n.spelling("الظواهري"), Some("al-Zawahiri"));
        assert_eq!(n.spelling("اردوغان"), Some("Erdogan"));
        assert_eq!(n.spelling("بشار الأسد"), Some("Bashar al-Assad"));
        // Alone, الأسد is a word of the language ("the lion").
        assert_eq!(n.spelling("الأسد"), None);
    }

    #[test]
    fn the_parts_of_a_persons_name_the_press_writes() {
        let n = names(
            "erdogan,PER,Recep Tayyip Erdogan,رجب طيب أردوغان,,\nvdl,PER,Ursula von der Leyen,أورسولا فون دير لاين,,\nmbs,PER,Mohammed bin Salman,محمد بن سلمان,,\nlee,PER,Lee Jae-myung,لي جاي ميونغ,,\nhafez,PER,Hafez al-Assad,حافظ الأسد,,\nbashar,PER,Bashar Hafez al-Assad,بشار حافظ الأسد,,\n",
        );
        // طيب alone is a word of the language ("good"), before the family name the given name.
        assert_eq!(n.spelling("طيب أردوغان"), Some("Tayyip Erdogan"));
        assert_eq!(n.spelling("رجب أردوغان"), Some("Recep Erdogan"));
        // A family name of several words, a particle, a family name first: no parts.
        assert_eq!(n.spelling("أورسولا لاين"), None);
        assert_eq!(n.spelling("دير لاين"), None);
        assert_eq!(n.spelling("محمد سلمان"), None);
        assert_eq!(n.spelling("لي ميونغ"), None);
        // A part that is another person's whole name is that person's.
        assert_eq!(n.spelling("حافظ الأسد"), Some("Hafez al-Assad"));
    }

    #[test]
    fn a_word_spelt_two_ways_takes_the_most_common() {
        let n = names(
            "a,PER,Mohamed Morsi,محمد مرسي,,\nb,PER,Mohammed bin Salman,محمد بن سلمان,,\nc,PER,Mohammed Dahlan,محمد دحلان,,\n",
        );
        assert_eq!(n.spelling("محمد"), Some("Mohammed"));
        assert_eq!(n.spelling("محمد مرسي"), Some("Mohamed Morsi"));
    }

    #[test]
    fn one_entry_does_not_respell_a_frequent_name_alone() {
        // One entry writes ابراهيم Ebrahim: the whole name is its, the word alone keeps the press's Ibrahim. An
        // entry that is the word alone, or several entries that agree, respell it; a word with the article keeps
        // the glossary's spelling.
        let n = names(
            "raisi,PER,Ebrahim Raisi,إبراهيم رئيسي,,\nmaliki,PER,Nouri al-Maliki,نوري المالكي,,\n",
        );
        assert_eq!(n.spelling("ابراهيم"), None);
        assert_eq!(n.spelling("إبراهيم رئيسي"), Some("Ebrahim Raisi"));
        assert_eq!(n.spelling("المالكي"), Some("al-Maliki"));
        let n = names("e,PER,Ebrahim,إبراهيم,,\n");
        assert_eq!(n.spelling("ابراهيم"), Some("Ebrahim"));
        let n = names("a,PER,Ebrahim Raisi,إبراهيم رئيسي,,\nb,PER,Ebrahim Nabavi,إبراهيم نبوي,,\n");
        assert_eq!(n.spelling("ابراهيم"), Some("Ebrahim"));
    }

    #[test]
    fn a_whole_form_may_have_one_consonant_for_another() {
        // قره باغ is Karabakh (غ written kh), but only when no spelling of the entry is met exactly, and never with
        // another first consonant: روح الله الخميني is not the Ayatollah Khomeini of the variants.
        let n = names("k,LOC,Nagorno-Karabakh,ناغورنو كاراباخ,Karabakh,قره باغ\n");
        assert_eq!(n.spelling("قره باغ"), Some("Karabakh"));
        let n = names("r,PER,Ruhollah Khomeini,روح الله الخميني,Ayatollah Khomeini,\n");
        assert_eq!(n.spelling("روح الله الخميني"), None);
    }

    #[test]
    fn proclitics_before_a_known_name() {
        let n = names(
            "kremlin,ORG,Kremlin,الكرملين,,\npashinyan,PER,Nikol Pashinyan,نيكول باشينيان,,\n",
        );
        assert_eq!(n.word("للكرملين").as_deref(), Some("li-Kremlin"));
        assert_eq!(n.word("والكرملين").as_deref(), Some("wa-Kremlin"));
        assert_eq!(n.word("وباشينيان").as_deref(), Some("wa-Pashinyan"));
        assert_eq!(n.word("ونيكول").as_deref(), Some("wa-Nikol"));
        assert_eq!(n.word("والي"), None);
    }
}
