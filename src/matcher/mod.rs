//! Finding the glossary entry for a name as written: [`Matcher`].
//!
//! A `Matcher` is built once from a [`Glossary`] and answers [`Matcher::lookup`] for any number of queries; it
//! is `Send + Sync`. Strategies, strongest first, each with its score:
//!
//! | method | when | score |
//! |---|---|---|
//! | `exact` | the query, cleaned of controls and extra spaces ([`normalize::display`]), is a form of the entry | 1.0 |
//! | `normalized` | equal at the `search` level (hamza, tashkeel, ة/ه, ى/ي, Persian letters, Latin case and marks) | 0.98 |
//! | `normalized` | equal once clitics glued to the first word are taken off (وباشينيان, للكرملين) | 0.95 |
//! | `normalized` | part of a person's name: the family name with fewer, more or the same given names in order, or first where a comma or capitals show it (طيب أردوغان, Tayyip Erdogan → Recep Tayyip Erdoğan; Putin, Vladimir) | 0.92 |
//! | `normalized` | a lone family name held by one person entry only (بوتين → Vladimir Putin; بن سلمان → Mohammed bin Salman) | 0.9 |
//! | `translit` | a romanization of Arabic read back into Arabic letters is a form at the `search` level, or one with the article (Al Qāhirah, Dimashq, Ḩalab → القاهرة, دمشق, حلب: Cairo, Damascus, Aleppo) | 0.9 |
//! | `fuzzy` | a spelling no entry holds, close in the same script (ناجورنو كاراباخ, بسكوف) | the similarity |
//! | `translit` | a spelling in the other script (بيسكوف → an English-only entry Peskov; Paschinjan → باشينيان) | the similarity |
//!
//! Clitics are tried only as candidates checked against the glossary (see [`clitics`]), never stripped blindly.
//! Fuzzy candidates come from an index of consonant skeletons ([`keys`]); each is scored on its `search`, skeleton
//! and Latin keys, token by token (titles dropped, particles joined), into one score in 0..1. Matches under the
//! [threshold](MatcherOptions::threshold) are never returned, and fuzzy matches are dropped when the best two
//! entries are closer than the [margin](MatcherOptions::min_margin): an ambiguous name finds nothing.
//!
//! # Example
//! ```
//! use qamus::glossary::Glossary;
//! use qamus::matcher::{Matcher, Method};
//!
//! let g = Glossary::from_csv_str("g.csv", "id,type,en,ar\nputin,PER,Vladimir Putin,فلاديمير بوتين\nkremlin,ORG,Kremlin,الكرملين\n")?;
//! let m = Matcher::new(g);
//! assert_eq!(m.lookup("للكرملين")[0].entry.id, "kremlin");
//! assert_eq!(m.lookup("لبوتين")[0].entry.en, "Vladimir Putin");
//! assert_eq!(m.lookup("فلاديمير بوتين")[0].method, Method::Exact);
//! assert!(m.lookup("بوت").is_empty());
//! # Ok::<(), qamus::Error>(())
//! ```

mod compact;
pub(crate) mod compounds;
mod distance;
mod fuzzy;
pub(crate) mod name_parts;
mod skeleton_postings;
pub(crate) mod store;
pub(crate) mod titles;
mod weights;

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::glossary::{EntityType, Entry, Glossary, Layer};
use crate::normalize;
use store::{FormRef, Store};

pub use crate::rules::{clitics, keys};
use crate::rules::{frequent, romanized};
pub use fuzzy::Scores;
pub(crate) use fuzzy::{
    acceptance_inputs, query_letters, scorer_of, ACCEPT_INPUTS, FEATURES, FEATURE_NAMES,
};

/// How a match was found. Serialized in lower case in the CLI's JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Method {
    /// The query is one of the entry's forms as written.
    Exact,
    /// The query equals a form after normalization (and possibly clitic removal or family-name lookup).
    Normalized,
    /// Close to a form in the same script.
    Fuzzy,
    /// Close to a form in the other script (through transliteration keys).
    Translit,
}

impl Method {
    /// The method's name in output: `exact`, `normalized`, `fuzzy`, `translit`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::Normalized => "normalized",
            Method::Fuzzy => "fuzzy",
            Method::Translit => "translit",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One candidate entry for a query.
#[derive(Clone, Debug, PartialEq)]
pub struct Match<'m> {
    /// The entry found.
    pub entry: &'m Entry,
    /// Confidence in 0..=1 (1 for an exact form).
    pub score: f64,
    /// How it was found.
    pub method: Method,
    /// The entry's form that matched.
    pub form: &'m str,
    /// What else was done to the query: `clitic و`, `family name`…; empty when nothing was.
    pub detail: String,
    /// The per-key similarities, for fuzzy and translit matches.
    pub scores: Option<Scores>,
}

/// Settings of a [`Matcher`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MatcherOptions {
    /// Matches scoring below this are never returned (0 returns every candidate).
    pub threshold: f64,
    /// When the best fuzzy entry beats the next one by less than this, fuzzy matches are dropped as ambiguous.
    pub min_margin: f64,
    /// Whether to look for fuzzy and cross-script matches at all.
    pub fuzzy: bool,
    /// How many candidate forms the index hands to the scorer per query.
    pub candidates: usize,
}

impl MatcherOptions {
    /// The default threshold, chosen on the development data's sweep (`qamus eval sweep`, in the README): the knee
    /// where cross-script top-1 still meets its target and the false matches stop falling fast
    /// (`qamus eval matching --threshold T` gives one point).
    pub const DEFAULT_THRESHOLD: f64 = 0.70;
    /// The default ambiguity margin: none, since the scores of fuzzy matches already weigh how far the best
    /// candidate leads the next one (margins of 0.02 and 0.05 changed nothing on the development data).
    pub const DEFAULT_MIN_MARGIN: f64 = 0.0;
}

impl Default for MatcherOptions {
    fn default() -> MatcherOptions {
        MatcherOptions {
            threshold: MatcherOptions::DEFAULT_THRESHOLD,
            min_margin: MatcherOptions::DEFAULT_MIN_MARGIN,
            fuzzy: true,
            candidates: 24,
        }
    }
}

/// Candidates whose joined key is less similar than this to the query's (weighted edit similarity) are not scored:
/// chosen on the development data, where no figure of `qamus eval matching` at the default threshold moves with
/// it (0.5 costs cross-script top-1 0.002), and it spares the scorer about a third of its candidates.
const NARROW_FLOOR: f64 = 0.4;

/// Scores of the strategies (see the module documentation).
const SCORE_NORMALIZED: f64 = 0.98;
const SCORE_CLITIC: f64 = 0.95;
/// A form that is the query with a compound written the other way ([`compounds::respellings`]: عبدالله for عبد
/// الله): under a form with the query's own spacing, above any reading that takes a letter or a word off.
pub(crate) const SCORE_COMPOUND: f64 = 0.97;
const SCORE_FAMILY: f64 = 0.9;
/// A person named by part of their name ([`name_parts`]: Tayyip Erdogan; Putin, Vladimir): more than the family
/// name alone, less than the whole name with a clitic.
pub(crate) const SCORE_PART: f64 = 0.92;
/// Part of a person's name with a Latin given name one edit away from theirs (Tayip Erdogan): under a family name
/// alone, above any fuzzy match.
const SCORE_PART_CLOSE: f64 = 0.895;
/// Part of a person's name whose family name has the person's consonants, spelt with other vowel letters (طيب
/// اردغان): below a part with every word as the person writes it, above the default threshold.
const SCORE_PART_SPELT: f64 = 0.85;
/// The most people a family name is read for when a part of a name may tell them apart.
const MAX_PART_PEOPLE: usize = 64;
/// A romanization of Arabic read back into the letters of an Arabic form ([`romanized::arabic_letters`]).
const SCORE_READ_BACK: f64 = 0.9;
/// Fuzzy scores are the acceptance probability scaled into 0..=0.89, so that a fuzzy match never outranks an
/// exact or normalized one (the family-name score, 0.9, is the lowest of those).
const SCORE_FUZZY_MAX: f64 = 0.89;

/// How much less another romanization of the best fuzzy candidate's name scores than the best one, as a power of
/// its share of the best one's probability (0: the same score, 1: the share itself, as any other candidate).
const SIBLING_SHARE: f64 = 0.1;
/// A query's matches once an honorific or a word of running text at its edge is off ([`titles::without_honorifics`],
/// [`titles::without_running_text`]) score this times their own.
const SCORE_READ_OFF: f64 = 0.95;
/// The `detail` of a match by title and given name ([`Matcher::title_and_given_name`]), which the scanner looks for.
pub(crate) const TITLE_AND_GIVEN_NAME: &str = "title and given name";
/// The `detail` of a name of lineage found without its house ([`Matcher::lineage_without_house`]), which the scanner
/// looks for.
pub(crate) const LINEAGE_WITHOUT_HOUSE: &str = "part of the name, without the house";
/// The `detail` of a ruler found by regnal name alone ([`Matcher::regnal_name`]), which the scanner looks for.
pub(crate) const REGNAL_NAME: &str = "regnal name";
/// The `detail` of a match whose text writes a compound in one word where the form has two (عبدالله, Abdelfattah
/// for عبد الله, Abdel Fattah: [`compounds::respellings`]), which the scanner looks for.
pub(crate) const COMPOUND_ONE_WORD: &str = "compound in one word";
/// The `detail` of a match whose text writes a compound in two words where the form has one (أبو ظبي for أبوظبي).
pub(crate) const COMPOUND_TWO_WORDS: &str = "compound in two words";
/// The forms of the tally read for a part of a name that starts a form ([`Matcher::people_by_form`]).
const TITLED_POOL: usize = 64;
/// The most people a family name may be shared by and still name each of them (at a share of [`SCORE_FAMILY`]).
const MAX_SHARED_FAMILY: usize = 5;

/// What the matcher made of a query: its keys, as `lookup --explain` shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryKeys {
    /// The `search`-level text.
    pub search: String,
    /// The tokens compared (titles dropped, particles joined).
    pub tokens: Vec<String>,
    /// The consonant skeleton of each token.
    pub skeletons: Vec<String>,
    /// The Latin key of each token.
    pub latin: Vec<String>,
    /// The other reading of a Latin query, when it has one (German, Dutch and Slavic transcriptions: j before a
    /// vowel as y, w as v; Paschinjan, Lawrow): each token's skeleton and Latin key under it. The query is looked up
    /// both ways.
    pub other_reading: Option<(Vec<String>, Vec<String>)>,
    /// For an Arabic query with the article ال: each token's Latin key without it. Against a form in Latin script
    /// the query is read both ways, the likelier kept (a Latin form's own article is left out of its keys:
    /// Al-Muntasir is keyed as muntasir; Eltahawy writes it into the name).
    pub latin_without_article: Option<Vec<String>>,
}

/// Looks names up in a glossary. Build it once; it is cheap to share between threads.
///
/// Its tables are one block of bytes (the `store`): built in memory by [`Matcher::new`], or memory-mapped from a
/// compiled index file by [`crate::index::open`], in which case entries are decoded only when a lookup returns
/// them (or when [`Matcher::glossary`] asks for all of them).
#[derive(Debug)]
pub struct Matcher {
    entries: Entries,
    options: MatcherOptions,
    store: Store,
}

/// Where the matcher's entries live.
#[derive(Debug)]
enum Entries {
    /// The glossary it was built from.
    Owned(Glossary),
    /// In the store (an index file): each entry decoded on first use; the whole glossary on demand.
    Stored {
        layers: Vec<Layer>,
        one: Box<[OnceLock<EntryBlock>]>,
        all: OnceLock<Glossary>,
    },
}

/// Entries decoded from a store, in blocks of [`ENTRY_BLOCK`] allocated when one of them is first asked for (so
/// that opening a million-entry index allocates a thousand slots, not a million).
type EntryBlock = Box<[OnceLock<Option<Box<Entry>>>]>;
const ENTRY_BLOCK: usize = 1024;

/// How many forms are keyed at once while building (their keys are encoded, then dropped). Small in the unit
/// tests, so that their glossaries go through several chunks (each added while the next is keyed).
pub(crate) const BUILD_CHUNK: usize = if cfg!(test) { 1 << 10 } else { 1 << 16 };

/// What the build derives from an entry before keying its forms.
struct EntryKeys {
    /// The `search` key of each form, in the order of [`Entry::forms`].
    keys: Vec<String>,
    /// Whether the entry has forms in Arabic script, in Latin script.
    arabic: bool,
    latin: bool,
    /// A person's family name by each form ([`titles::family_of_form`]); empty for other entries. `None` where a
    /// family name of the person's in that script is a common word (سلام "peace": Nawaf Salam): such a person is
    /// never found by the family name alone in that script; the full name still finds them, and so does the
    /// family name in the other script, where it is no word (Mubarak: مبارك "blessed"). All `None` for a person
    /// whose `family` column says `no` ([`Entry::family_name_alone`]).
    families: Vec<Option<String>>,
    /// The entry's record for an index file ([`store::entry_record`]); empty when the store keeps no entries.
    record: Vec<u8>,
}

impl EntryKeys {
    /// What the build derives from entry number `index`, with its index record when `with_entries`.
    fn new(e: &Entry, index: usize, with_entries: bool) -> EntryKeys {
        let keys: Vec<String> = e
            .forms()
            .map(|f| normalize::search(f).into_owned())
            .collect();
        let mut common_family = [false; 2];
        let mut families = Vec::new();
        if e.kind == EntityType::Per && e.family_name_alone() {
            for k in &keys {
                if titles::family_of_key(k)
                    .is_some_and(|f| titles::COMMON_WORDS.contains(&f.as_str()))
                {
                    common_family[script_of(k)] = true;
                }
            }
            families = keys
                .iter()
                .map(|k| {
                    (!k.is_empty() && !common_family[script_of(k)])
                        .then(|| titles::family_of_form(k, &e.en))
                        .flatten()
                })
                .collect();
        }
        let (mut arabic, mut latin) = (false, false);
        for f in e.forms() {
            if f.chars().any(normalize::is_arabic_letter) {
                arabic = true;
            } else {
                latin = true;
            }
        }
        EntryKeys {
            keys,
            arabic,
            latin,
            families,
            record: if with_entries {
                store::entry_record(e, index)
            } else {
                Vec::new()
            },
        }
    }
}

/// 0 for a key in Arabic script, 1 for one in Latin script (an index into [`EntryKeys::common_family`]).
fn script_of(key: &str) -> usize {
    usize::from(!key.chars().any(normalize::is_arabic_letter))
}

/// Builds the store of a glossary: every table a lookup reads, and the entries themselves when `with_entries`
/// (for an index file).
pub(crate) fn build_store(glossary: &Glossary, fuzzy: bool, with_entries: bool) -> Store {
    build_store_reporting(glossary, fuzzy, with_entries, &|_, _| {})
}

/// [`build_store`], calling `report(done, total)` as the fuzzy forms are keyed: after each chunk, the last time
/// with `done == total` (also when there is nothing to key), before the tables are laid out.
pub(crate) fn build_store_reporting(
    glossary: &Glossary,
    fuzzy: bool,
    with_entries: bool,
    report: &(dyn Fn(usize, usize) + Sync),
) -> Store {
    // Each entry's `search` keys and scripts, on all cores; then the maps, in order.
    let mut keyed: Vec<EntryKeys> = glossary
        .entries()
        .par_iter()
        .enumerate()
        .map(|(i, e)| EntryKeys::new(e, i, with_entries))
        .collect();
    let forms = glossary.entries().iter().map(|e| e.forms().count()).sum();
    let mut b = store::Builder::with_capacity(forms);
    let mut refs = Vec::new();
    // The `search` keys, added to their map beside the fuzzy keying (see `Builder::normalized_beside`).
    let mut normalized: Vec<(String, FormRef)> = Vec::with_capacity(forms);
    for (ei, (e, k)) in glossary.entries().iter().zip(&mut keyed).enumerate() {
        if with_entries {
            b.push_entry_record(&std::mem::take(&mut k.record));
        }
        let entry = u32::try_from(ei).unwrap_or(u32::MAX);
        // Where in `normalized` the keys of this entry's forms already referenced are.
        let mut seen: Vec<usize> = Vec::new();
        // Moved out: the maps keep their own copies, and a million entries' keys are not kept twice.
        let keys = std::mem::take(&mut k.keys);
        let mut families = std::mem::take(&mut k.families).into_iter();
        for ((fi, key), form) in keys.into_iter().enumerate().zip(e.forms()) {
            let r = FormRef {
                entry,
                form: u32::try_from(fi).unwrap_or(u32::MAX),
            };
            if let Some(family) = families.next().flatten() {
                b.family(family, r);
            }
            if key.is_empty() {
                continue;
            }
            if !seen
                .iter()
                .any(|&i| normalized.get(i).is_some_and(|(k, _)| *k == key))
                && !is_acronym(form)
            {
                seen.push(normalized.len());
                refs.push((r, form));
            }
            normalized.push((key, r));
        }
    }
    // Without fuzzy matching there is nothing to key or index (`lookup --no-fuzzy` starts faster).
    b.normalized_beside(normalized, |b| {
        if fuzzy {
            key_fuzzy_forms(b, &keyed, refs, report);
        } else {
            report(0, 0);
        }
    });
    b.finish()
}

/// Keys the fuzzy forms of a store being built (`refs`, the forms that have a `search` key of their own, then the
/// family names that one person holds) on all cores, and adds them in order.
fn key_fuzzy_forms(
    b: &mut store::Builder,
    entry_keys: &[EntryKeys],
    refs: Vec<(FormRef, &str)>,
    report: &(dyn Fn(usize, usize) + Sync),
) {
    // A family name held by one person only is also a form for fuzzy matching (بسكوف → بيسكوف → Peskov).
    let mut family_forms: Vec<(FormRef, String)> = Vec::new();
    for (key, people) in b.family_map() {
        let mut entries = people.iter().map(|p| p.entry);
        let first = entries.next();
        if let (Some(r), true) = (people.first(), entries.all(|e| Some(e) == first)) {
            family_forms.push((*r, key.clone()));
        }
    }
    family_forms.sort_by(|a, b| (a.0.entry, &a.1).cmp(&(b.0.entry, &b.1)));
    let scripts = |r: FormRef| {
        entry_keys
            .get(r.entry as usize)
            .map_or((false, false), |k| (k.arabic, k.latin))
    };
    let all: Vec<(FormRef, &str)> = refs
        .into_iter()
        .chain(family_forms.iter().map(|(r, name)| (*r, name.as_str())))
        .collect();
    // Keyed and encoded on all cores, a chunk at a time; each chunk is added, in order, while the next is keyed.
    let key_chunk = |chunk: &[(FormRef, &str)], entries: store::EntryRecords<'_>| {
        chunk
            .par_iter()
            .map(|&(r, text)| {
                let mut keys = fuzzy::NameKeys::new(text, true);
                (keys.entry_arabic, keys.entry_latin) = scripts(r);
                let mut record = Vec::new();
                store::encode_keys(&mut record, r.form, &keys, entries.get(r.entry));
                (r.entry, record, fuzzy::index_entries(&keys))
            })
            .collect::<Vec<_>>()
    };
    b.reserve_forms(all.len());
    let mut keyed = Vec::new();
    let mut done = 0;
    report(done, all.len());
    for chunk in all.chunks(BUILD_CHUNK) {
        keyed = b.add_forms_beside(keyed, |entries| key_chunk(chunk, entries));
        done += chunk.len();
        if done < all.len() {
            report(done, all.len());
        }
    }
    b.add_forms_beside(keyed, |_| ());
    report(all.len(), all.len());
}

/// The store of a glossary made of `names` (Latin ones as English names, Arabic ones as Arabic forms): what an
/// index file would hold for them, for the keys' fingerprint.
pub(crate) fn probe_store(names: &[&str]) -> Store {
    let entries = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let arabic = n.chars().any(normalize::is_arabic_letter);
            Entry {
                id: format!("p{i}"),
                kind: if i % 2 == 0 {
                    EntityType::Per
                } else {
                    EntityType::Loc
                },
                en: if arabic {
                    format!("P{i}")
                } else {
                    n.to_string()
                },
                ar: if arabic { n.to_string() } else { String::new() },
                ..Entry::default()
            }
        })
        .collect();
    build_store(&Glossary::from_entries("probes", entries), true, true)
}

impl Matcher {
    /// Indexes every form of every entry of `glossary`, with the default options.
    pub fn new(glossary: Glossary) -> Matcher {
        Matcher::with_options(glossary, MatcherOptions::default())
    }

    /// Indexes every form of every entry of `glossary`.
    pub fn with_options(glossary: Glossary, options: MatcherOptions) -> Matcher {
        let store = build_store(&glossary, options.fuzzy, false);
        Matcher {
            entries: Entries::Owned(glossary),
            options,
            store,
        }
    }

    /// A matcher over a store that holds its entries (an index file), with its glossary's layers.
    pub(crate) fn from_store(store: Store, layers: Vec<Layer>, options: MatcherOptions) -> Matcher {
        let one = (0..store.entry_count().div_ceil(ENTRY_BLOCK))
            .map(|_| OnceLock::new())
            .collect();
        Matcher {
            entries: Entries::Stored {
                layers,
                one,
                all: OnceLock::new(),
            },
            options,
            store,
        }
    }

    /// The glossary this matcher searches. A matcher opened from an index file decodes it on the first call.
    pub fn glossary(&self) -> &Glossary {
        match &self.entries {
            Entries::Owned(g) => g,
            Entries::Stored { layers, all, .. } => all.get_or_init(|| {
                let entries = (0..self.store.entry_count())
                    .filter_map(|i| self.store.entry(i))
                    .collect();
                Glossary::from_parts(entries, layers.clone())
            }),
        }
    }

    /// Entry `i` of the glossary.
    fn entry(&self, i: u32) -> Option<&Entry> {
        match &self.entries {
            Entries::Owned(g) => g.entries().get(i as usize),
            Entries::Stored { one, all, .. } => match all.get() {
                Some(g) => g.entries().get(i as usize),
                None => one
                    .get(i as usize / ENTRY_BLOCK)?
                    .get_or_init(|| (0..ENTRY_BLOCK).map(|_| OnceLock::new()).collect())
                    .get(i as usize % ENTRY_BLOCK)?
                    .get_or_init(|| self.store.entry(i as usize).map(Box::new))
                    .as_deref(),
            },
        }
    }

    /// How many entries of an index file have been decoded (for tests: a lookup decodes those it returns).
    #[cfg(test)]
    fn decoded_entries(&self) -> usize {
        match &self.entries {
            Entries::Owned(_) => 0,
            Entries::Stored { one, .. } => one
                .iter()
                .filter_map(OnceLock::get)
                .flat_map(|block| block.iter())
                .filter(|e| e.get().is_some())
                .count(),
        }
    }

    /// Fuzzy form `id`'s keys, with whether its entry is a person's where the query may need it
    /// ([`fuzzy::NameKeys::first_and_last`]).
    fn form_keys(
        &self,
        id: u32,
        query: &fuzzy::NameKeys<'_>,
    ) -> Option<(FormRef, fuzzy::NameKeys<'_>)> {
        let (r, mut keys) = self.store.form(id)?;
        if query.tokens.len() > 2 && keys.tokens.len() == 2 {
            keys.person = self.entry_kind(r.entry) == Some(EntityType::Per);
        }
        Some((r, keys))
    }

    /// The type of entry `i`, without decoding an entry of an index file.
    fn entry_kind(&self, i: u32) -> Option<EntityType> {
        match &self.entries {
            Entries::Owned(g) => g.entries().get(i as usize).map(|e| e.kind),
            Entries::Stored { .. } => self.store.entry_kind(i),
        }
    }

    /// The English name of entry `i`, without decoding the rest of an entry of an index file.
    fn entry_en(&self, i: u32) -> Option<Cow<'_, str>> {
        match &self.entries {
            Entries::Owned(g) => g
                .entries()
                .get(i as usize)
                .map(|e| Cow::Borrowed(e.en.as_str())),
            Entries::Stored { .. } => compact::decode(self.store.entry_form(i, 0)?),
        }
    }

    /// The options in force.
    pub fn options(&self) -> MatcherOptions {
        self.options
    }

    /// Every entry the query may name that scores at least the threshold, best first (highest score, then
    /// glossary order), one match per entry.
    pub fn lookup(&self, query: &str) -> Vec<Match<'_>> {
        self.lookup_at_most(query, usize::MAX)
    }

    /// The first `n` matches of [`Matcher::lookup`]: the same list cut at `n`, found with less work when at least
    /// `n` entries have the query as a form (exactly or at the `search` level): those entries are ranked without
    /// being decoded (a name of two letters is the form of thousands in a large glossary), and nothing else
    /// (clitic readings, titles, family names, fuzzy matching) is looked for, since it could not outrank them.
    ///
    /// ```
    /// let m = qamus::matcher::Matcher::new(qamus::glossary::Glossary::builtin());
    /// let all = m.lookup("بوتين");
    /// let first = m.lookup_top("بوتين", 1);
    /// assert_eq!(first.len(), 1);
    /// assert_eq!(first[0].entry.id, all[0].entry.id);
    /// ```
    pub fn lookup_top(&self, query: &str, n: usize) -> Vec<Match<'_>> {
        if n == 0 {
            return Vec::new();
        }
        let mut found = self.lookup_at_most(query, n);
        found.truncate(n);
        found
    }

    /// [`Matcher::lookup_top`] of every query, on all cores, in the order of the queries. A query that comes more
    /// than once is looked up once (a column of names repeats them).
    pub fn lookup_batch_top<S: AsRef<str> + Sync>(
        &self,
        queries: &[S],
        n: usize,
    ) -> Vec<Vec<Match<'_>>> {
        each_distinct(queries, |q| self.lookup_top(q, n))
    }

    /// [`Matcher::lookup`], or only its first `n` matches (and perhaps more) when that saves work. A name with the
    /// English possessive (Putin's, Armenia’s) is also looked up without it, at most at [`SCORE_CLITIC`], unless it
    /// is a name as written (McDonald's).
    fn lookup_at_most(&self, query: &str, n: usize) -> Vec<Match<'_>> {
        let found = self.lookup_written(query, n);
        let Some(name) = possessive_stem(query) else {
            return found;
        };
        if found.first().is_some_and(|m| m.score >= SCORE_CLITIC) {
            return found;
        }
        let mut all = Found::default();
        for m in found {
            all.offer(m);
        }
        for mut m in self.lookup_written(name, n) {
            m.score = m.score.min(SCORE_CLITIC);
            if m.method == Method::Exact {
                m.method = Method::Normalized;
            }
            m.detail = if m.detail.is_empty() {
                "possessive 's".to_string()
            } else {
                format!("possessive 's, {}", m.detail)
            };
            all.offer(m);
        }
        self.ranked(all)
    }

    /// The matches of `found` that pass the threshold, best first; at equal scores a place by a form whose usual
    /// sense is a place ([`titles::PLACE_SENSES`]: الشرق الأوسط is the Middle East before the newspaper), then
    /// glossary order.
    fn ranked<'m>(&self, found: Found<'m>) -> Vec<Match<'m>> {
        let mut found = found.list;
        found.retain(|m| m.score >= self.options.threshold);
        let place_sense = |m: &Match<'_>| {
            m.entry.kind == EntityType::Loc && titles::is_place_sense(&normalize::search(m.form))
        };
        found.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| place_sense(b).cmp(&place_sense(a)))
                .then_with(|| a.entry.origin.cmp_key().cmp(&b.entry.origin.cmp_key()))
        });
        found
    }

    /// [`Matcher::lookup_at_most`] of the query as written.
    fn lookup_written(&self, query: &str, n: usize) -> Vec<Match<'_>> {
        let mut found = Found::default();
        let clean = normalize::display(query);
        let clean = clean.trim();
        if clean.is_empty() {
            return Vec::new();
        }
        // An honorific of address (جلالة, فخامة, His Excellency) says nothing of who is named: what follows it is
        // looked up, as a title is taken off.
        if let Some(rest) = titles::without_honorifics(clean) {
            return self.lookup_read(&rest, n, "honorific");
        }
        // A name in Persian spelling (علی خامنه‌ای): looked up as Arabic writes it (علي خامنئي).
        if let Some(arabic) = crate::rules::persian::arabic_spelling(clean) {
            return self.lookup_read(&arabic, n, "Persian spelling");
        }
        let key = normalize::search(clean);
        let mut refs = self.store.normalized(&key);
        // A romanization of Arabic (Şan‘ā’) is no acronym, whatever its letters fold to (SANA).
        let romanized_letters = keys::is_romanized_arabic(clean);
        if romanized_letters {
            refs.retain(|r| {
                self.entry(r.entry)
                    .and_then(|e| e.forms().nth(r.form as usize))
                    .is_none_or(|f| !is_acronym(f))
            });
        }
        // The quick ranking knows no entry types: a form whose usual sense is a place is ranked in full.
        if n != usize::MAX && refs.len() >= n && !titles::is_place_sense(&key) {
            if let Some(top) = self.top_from_forms(&refs, clean, n) {
                return top;
            }
        }
        // An exact match is a normalized one whose form, cleaned, is the query. A key held by many entries is
        // mostly a few texts repeated: each is compared once.
        let mut seen = store::Verdicts::default();
        for r in refs {
            let Some(entry) = self.entry(r.entry) else {
                continue;
            };
            let form = entry.forms().nth(r.form as usize).unwrap_or(&entry.en);
            found.offer(form_match(entry, form, is_exact(&mut seen, form, clean)));
        }
        // A compound written the other way (عبدالله for عبد الله, Abdelfattah for Abdel Fattah): the same name.
        let respelt = compounds::respellings(&key);
        for (other, how) in &respelt {
            self.normalized_match(
                &mut found,
                other,
                SCORE_COMPOUND,
                how.detail_of_key().into(),
            );
        }
        self.family_name(&mut found, &key, String::new());
        self.part_of_name(&mut found, &key, clean, "");
        // A nisba's plural in the other case (الحوثيين for الحوثيون, جماعة الحوثيين): the last word.
        let (head, last) = key
            .rsplit_once(' ')
            .map_or(("", key.as_ref()), |(h, l)| (h, l));
        if let Some(other) = clitics::other_case(last) {
            let other = if head.is_empty() {
                other
            } else {
                format!("{head} {other}")
            };
            self.normalized_match(&mut found, &other, SCORE_CLITIC, "case ending".into());
        }
        // Clitics on the first word, read on the text as written (before alef folding).
        let (first, rest) = clean.split_once(' ').map_or((clean, ""), |(f, r)| (f, r));
        for c in clitics::candidates(first) {
            // A lone word read as one proclitic letter + a stem: only when the stem is a name of four letters or
            // more that does not start with a bare alef. بارنز is Barnes, not ب + آرنز; بليك is Blake, not ب + ليك.
            if rest.is_empty()
                && c.prefix.chars().count() == 1
                && !clitics::weak_reading_ok(&c.stem)
            {
                continue;
            }
            let stem = if rest.is_empty() {
                c.stem.clone()
            } else {
                format!("{} {rest}", c.stem)
            };
            let key = normalize::search(&stem);
            let detail = format!("clitic {}", c.prefix);
            self.normalized_match(&mut found, &key, SCORE_CLITIC, detail.clone());
            for (other, how) in compounds::respellings(&key) {
                let detail = format!("{detail}, {}", how.detail_of_key());
                self.normalized_match(&mut found, &other, SCORE_CLITIC, detail);
            }
            // And in the other case (وللحوثيين).
            if let Some(other) = rest.is_empty().then(|| clitics::other_case(&key)).flatten() {
                self.normalized_match(
                    &mut found,
                    &other,
                    SCORE_CLITIC,
                    format!("{detail}, case ending"),
                );
            }
            // Before a title or part of a name (والرئيس الروسي فلاديمير بوتين, وطيب أردوغان); the article alone is
            // part of the title (الرئيس), which the readings below take as it is written.
            if !rest.is_empty() && c.prefix != "ال" {
                if let Some(untitled) = titles::without_titles(&key) {
                    self.normalized_match(
                        &mut found,
                        &untitled,
                        SCORE_CLITIC,
                        format!("{detail}, title"),
                    );
                }
                self.part_of_name(&mut found, &key, &stem, &detail);
            }
        }
        // A name that the glossary writes with the article, written without it (رياض → الرياض, نجف → النجف): only
        // forms that have the article as written (not ألداي, Alday, whose alef only folds to one).
        if article_reading_ok(first) {
            let with_article = format!("ال{clean}");
            let key = normalize::search(&with_article);
            let refs: Vec<FormRef> = self
                .store
                .normalized(&key)
                .into_iter()
                .filter(|r| {
                    self.entry(r.entry)
                        .and_then(|e| e.forms().nth(r.form as usize))
                        .is_some_and(|f| f.starts_with("ال"))
                })
                .collect();
            self.offer_normalized(&mut found, &refs, &key, SCORE_CLITIC, "article ال".into());
        }
        if !clean.chars().any(normalize::is_arabic_letter)
            && (romanized_letters || romanized::looks_romanized(clean))
        {
            self.read_back(&mut found, clean);
        }
        let keys = fuzzy::NameKeys::new(clean, false);
        let untitled: String = keys
            .tokens
            .iter()
            .map(|t| t.search.as_ref())
            .collect::<Vec<&str>>()
            .join(" ");
        if untitled != key && !untitled.is_empty() {
            // Without a leading title or generic word, or without the Latin article (al-Najaf → Najaf).
            let article = key.split_once(' ').is_some_and(|(first, rest)| {
                rest == untitled && titles::is_latin_article(first, rest)
            });
            let detail = if article {
                "article al"
            } else if key.strip_prefix("the ") == Some(untitled.as_str()) {
                "article the"
            } else {
                "title"
            };
            let refs = self.store.normalized(&untitled);
            // Without a word of a place's or state's name (جمهورية، مدينة، province), what is left names a place:
            // الجمهورية الجزائرية is not a person called الجزائرية. A leading "the" is no such word (the EU).
            let generic = key
                .split(' ')
                .skip_while(|w| *w == "the")
                .any(titles::is_generic);
            // A name with the article that is some person's family name (al-Houthi) names a person: the entry
            // that has the word without it (Houthi, the adjective of the Houthis) is not read for it.
            let family =
                article && titles::family_key(&untitled).is_some_and(|k| self.is_family_name(&k));
            let refs: Vec<FormRef> = if generic {
                refs.into_iter()
                    .filter(|r| self.entry_kind(r.entry) == Some(EntityType::Loc))
                    .collect()
            } else if family || keys.titled {
                // After a person's title (Sheikh Sanaa, Sheikh Tasnim), a person too.
                refs.into_iter()
                    .filter(|r| self.entry_kind(r.entry) == Some(EntityType::Per))
                    .collect()
            } else {
                refs
            };
            self.offer_normalized(&mut found, &refs, &untitled, SCORE_CLITIC, detail.into());
        }
        // A ruler or cleric by title and given name (King Charles, الشيخ تميم), or a name of lineage without its
        // house (Tamim bin Hamad), when no entry has the name as written.
        // Each reading tries the query's compounds as written first, then written the other way (الملك عبدالله).
        let readings: [for<'a> fn(&'a Matcher, &mut Found<'a>, &str); 3] = [
            Matcher::title_and_given_name,
            |m, found, key| {
                let untitled = titles::without_titles(key);
                m.lineage_without_house(found, untitled.as_deref().unwrap_or(key));
            },
            Matcher::regnal_name,
        ];
        for reading in readings {
            let spellings =
                std::iter::once(key.as_ref()).chain(respelt.iter().map(|(k, _)| k.as_str()));
            for key in spellings {
                if found.is_empty() {
                    reading(self, &mut found, key);
                }
            }
        }
        // An organization with a descriptor after its name (حزب الله اللبناني, Hamas movement): without it, when no
        // entry has the name as written.
        if found.is_empty() {
            let name = if untitled.is_empty() {
                key.as_ref()
            } else {
                untitled.as_str()
            };
            if let Some(stem) = titles::without_descriptor(name) {
                self.offer_of_kind(&mut found, stem, EntityType::Org, "descriptor");
            }
        }
        // A part of a place named by a direction (شمال سوريا, northern Syria): the place, when no entry has the
        // name as written (جنوب أفريقيا is South Africa, جنوب لبنان an entry of its own).
        if found.is_empty() {
            if let Some(place) = titles::without_direction(&key) {
                self.offer_of_kind(
                    &mut found,
                    place,
                    EntityType::Loc,
                    "part of the place (direction)",
                );
            }
        }
        // A state's official name with the adjective of its name (الجمهورية التونسية, المملكة المغربية): the one
        // place that name names.
        let states: Vec<FormRef> = titles::state_name_keys(&key)
            .iter()
            .flat_map(|k| self.store.normalized(k))
            .filter(|r| self.entry_kind(r.entry) == Some(EntityType::Loc))
            .collect();
        if states.windows(2).all(|w| w[0].entry == w[1].entry) {
            for &r in &states {
                self.offer(
                    &mut found,
                    r,
                    SCORE_CLITIC,
                    Method::Normalized,
                    "adjective of the name".into(),
                    None,
                );
            }
        }
        if self.options.fuzzy {
            // A Latin query written with the Arabic article (Majlis al-Duma) or with the letters of a romanization of
            // Arabic (Ḩalab, Dimashq) romanizes Arabic: it may meet the Arabic forms of an entry whose English name
            // is a translation or an exonym (State Duma, Aleppo, Damascus).
            let romanized = romanized_letters
                || key
                    .split(' ')
                    .zip(key.split(' ').skip(1))
                    .any(|(word, next)| titles::is_latin_article(word, next));
            let before = keys.has_other_reading().then(|| found.clone());
            // Decided on the query as written: Michael is also read mishael, which is no given name.
            let given = is_given_name(&keys);
            let mut family_close: Vec<FormRef> = Vec::new();
            self.fuzzy(&mut found, &keys, romanized, given, &mut family_close);
            // A Latin name may be transcribed for another language (German j and w, French ou and ch: Paschinjan,
            // Poutine): such a query is also read that way, and each entry keeps its better score.
            if let Some(mut other) = before {
                let other_keys = fuzzy::NameKeys::reading(clean, false, true);
                self.fuzzy(&mut other, &other_keys, romanized, given, &mut family_close);
                for m in other.list {
                    found.offer(m);
                }
            }
            if found.list.is_empty() && !family_close.is_empty() {
                if keys.tokens.len() == 1 {
                    self.family_spelt_otherwise(&mut found, &keys, &family_close);
                } else {
                    self.part_with_family_spelt_otherwise(&mut found, &key, clean, &family_close);
                }
            }
        }
        let ranked = self.ranked(found);
        if !ranked.is_empty() {
            return ranked;
        }
        // Copied from running text (وقال بوتين إن, Putin said): without the verb or function word at its edge, a
        // little lower.
        if let Some(shorter) = titles::without_running_text(clean) {
            return self.lookup_read(&shorter, n, "running text");
        }
        // The family name first without a comma (Putin Vladimir, بوتين فلاديمير, as lists sorted by family name
        // write it): read as the catalogue's order, a little lower.
        if let Some((family, given)) =
            family_first(clean).filter(|(family, given)| self.someones_name(family, given))
        {
            let mut read = self.lookup_read(&format!("{family}, {given}"), n, "without a comma");
            // Only the reading as part of a person's name: the words after a family name are that person's
            // given names (Putin Moscow names no one).
            read.retain(|m| m.detail.contains("part of the name"));
            return read;
        }
        ranked
    }

    /// Whether `family` (a word as written) is the family name of a person of the glossary with the words of
    /// `given` among the words of one of their forms: the family table, then those few people's forms, so that a
    /// made-up name read with its family name first ([`family_first`]) costs no second look-up.
    fn someones_name(&self, family: &str, given: &str) -> bool {
        let Some(family) = titles::family_key(&normalize::search(family)).map(|k| k.into_owned())
        else {
            return false;
        };
        let given = normalize::search(given);
        self.store
            .family_people(&family, MAX_SHARED_FAMILY)
            .iter()
            .filter_map(|r| self.entry(r.entry))
            .any(|e| {
                e.forms().any(|f| {
                    let key = normalize::search(f);
                    given.split(' ').all(|w| key.split(' ').any(|k| k == w))
                })
            })
    }

    /// The matches of `rest`, what a reading left of the query (`how`: an honorific, running text off), at
    /// [`SCORE_READ_OFF`] times their score and no longer exact.
    fn lookup_read(&self, rest: &str, n: usize, how: &str) -> Vec<Match<'_>> {
        self.lookup_written(rest, n)
            .into_iter()
            .map(|mut m| {
                // The query is no longer the form as written.
                if m.method == Method::Exact {
                    m.method = Method::Normalized;
                }
                m.score *= SCORE_READ_OFF;
                m.detail = if m.detail.is_empty() {
                    how.to_string()
                } else {
                    format!("{how}, {}", m.detail)
                };
                m
            })
            .filter(|m| m.score >= self.options.threshold)
            .collect()
    }

    /// Part of a person's name whose family name is spelt otherwise (طيب اردغان, Tayyip Erdogn), for a query that
    /// found nothing else: among the people the fuzzy stage proposed whose family name has the consonants of the
    /// query's last word (`family_close`), one whose name the query's given names fit as [`Matcher::part_of_name`]
    /// fits them, the family name aside, if their family name is the query's spelt otherwise. Score
    /// [`SCORE_PART_SPELT`], method `fuzzy`.
    fn part_with_family_spelt_otherwise<'m>(
        &'m self,
        found: &mut Found<'m>,
        key: &str,
        clean: &str,
        family_close: &[FormRef],
    ) {
        for part in name_parts::readings(key, clean) {
            let family = fuzzy::NameKeys::new(&part.family, false);
            let family_last = family.tokens.last();
            // The people it may name, with how close their family name is in letters: of several, only the closest
            // (أنطونيو كست is José Antonio Kast, كاست, before António Costa, كوستا).
            let mut named: Vec<(&Entry, &str, f64)> = Vec::new();
            for r in family_close {
                let Some(entry) = self.entry(r.entry) else {
                    continue;
                };
                // Their family name, the last word of their forms in the query's script that end in the query's
                // last consonants, must be the query's spelt otherwise: not another name of the curated tables
                // (فيصل سعيد and Faisal Said are not Faisal bin Farhan Al Saud, though سعيد and سعود share their
                // consonants: `fuzzy::other_names`), and close in letters (محمد عبيدة is not Jasem Mohamed
                // Albudaiwi, البديوي: the same two consonants, no letter in place).
                let theirs: Vec<fuzzy::NameKeys<'_>> = entry
                    .forms()
                    .filter_map(|f| {
                        let words = name_parts::name_words(&normalize::search(f));
                        words.last().map(|w| fuzzy::NameKeys::new(w, false))
                    })
                    .filter(|w| {
                        w.tokens
                            .last()
                            .zip(family_last)
                            .is_some_and(|(t, q)| t.arabic == q.arabic && t.skeleton == q.skeleton)
                    })
                    .collect();
                if !theirs.is_empty()
                    && theirs
                        .iter()
                        .all(|w| fuzzy::other_names(&family, w) || !fuzzy::spelt_alike(&family, w))
                {
                    continue;
                }
                let Some(form) = entry
                    .forms()
                    .find(|f| part.fits_but_family(&name_parts::name_words(&normalize::search(f))))
                else {
                    continue;
                };
                let closeness = theirs
                    .iter()
                    .map(|w| fuzzy::spelling_closeness(&family, w))
                    .fold(0.0, f64::max);
                named.push((entry, form, closeness));
            }
            let closest = named.iter().map(|n| n.2).fold(0.0, f64::max);
            for (entry, form, _) in named.into_iter().filter(|n| n.2 >= closest) {
                found.offer(Match {
                    entry,
                    score: SCORE_PART_SPELT,
                    method: Method::Fuzzy,
                    form,
                    detail: "part of the name, the family name spelt otherwise".into(),
                    scores: None,
                });
            }
        }
    }

    /// A ruler or cleric named by title and given name, as the press names them ([`titles::title_and_name`]: King
    /// Charles, Pope Leo, الملك عبد الله, السلطان هيثم): the people proposed for the name whose form starts with the
    /// query's words (King Charles III, البابا ليو الرابع عشر, السلطان هيثم بن طارق), at [`SCORE_PART`] shared
    /// out among them as a shared family name's score is (Sheikh Mohammed names none: too many sheikhs are).
    fn title_and_given_name<'m>(&'m self, found: &mut Found<'m>, key: &str) {
        let Some((title, name)) = titles::title_and_name(key) else {
            return;
        };
        let prefix = format!("{title} ");
        let words = name.split(' ').count();
        self.people_by_form(found, key, TITLE_AND_GIVEN_NAME, |form| {
            let Some(rest) = form.strip_prefix(&prefix) else {
                return false;
            };
            // The given name as the form writes it and more of the name after it (a form that is the query is
            // its exact match), or the given name in Latin letters spelt otherwise (King Abdallah, Sheikh Tameem,
            // Sultan Haytham: `name_parts::same_given_name`).
            let mut parts = rest.splitn(words + 1, ' ');
            let given: Vec<&str> = parts.by_ref().take(words).collect();
            let given = given.join(" ");
            let more = parts.next().is_some_and(|more| !more.is_empty());
            if given == name {
                more
            } else {
                name_parts::same_given_name(&given, name)
            }
        });
    }

    /// A ruler or pope by regnal name alone, without the title the glossary writes (Mohammed VI, Abdullah II, Leo
    /// XIV, محمد السادس: King Mohammed VI, Abdullah II of Jordan, Pope Leo XIV, الملك محمد السادس): the people
    /// proposed for the given name whose form, after a ruler's title and before "of" a place, is the same ordinal
    /// after the same given name (in Latin letters spelt otherwise too: Mohamed VI,
    /// [`name_parts::same_given_name`]), at [`SCORE_PART`] shared out.
    fn regnal_name<'m>(&'m self, found: &mut Found<'m>, key: &str) {
        let Some((name, ordinal)) = titles::regnal_name(titles::without_ruler_title(key)) else {
            return;
        };
        self.people_by_form(found, name, REGNAL_NAME, |form| {
            let form = titles::without_ruler_title(form);
            let form = form.split_once(" of ").map_or(form, |(ruler, _)| ruler);
            titles::regnal_name(form)
                .is_some_and(|(n, o)| o == ordinal && name_parts::same_given_name(n, name))
        });
    }

    /// A name of lineage without its house (Tamim bin Hamad, محمد بن زايد: Tamim bin Hamad Al Thani, محمد بن زايد
    /// آل نهيان), as the press shortens the names of the Gulf's ruling families: the people proposed whose form is
    /// the query and the house (آل or Al and one word), at [`SCORE_PART`] shared out.
    fn lineage_without_house<'m>(&'m self, found: &mut Found<'m>, key: &str) {
        let words: Vec<&str> = key.split(' ').collect();
        // A given name, "son of" and a name at least (the father's, or his father's after another "son of").
        let lineage = words.len() >= 3
            && words.iter().skip(1).any(|w| titles::son_of(w).is_some())
            && words.last().is_some_and(|w| titles::son_of(w).is_none());
        if lineage {
            let prefix = format!("{key} ");
            let house = |form: &str| {
                form.strip_prefix(&prefix)
                    .and_then(|rest| {
                        rest.strip_prefix("ال ")
                            .or_else(|| rest.strip_prefix("al "))
                    })
                    .is_some_and(|name| !name.is_empty() && !name.contains(' '))
            };
            self.people_by_form(found, key, LINEAGE_WITHOUT_HOUSE, house);
        }
    }

    /// The people proposed for `key` (the tally's pool) with a form that `fits` (given at the `search` level), at
    /// [`SCORE_PART`] shared out among them as a shared family name's score is, method `normalized`.
    fn people_by_form<'m>(
        &'m self,
        found: &mut Found<'m>,
        key: &str,
        detail: &str,
        fits: impl Fn(&str) -> bool,
    ) {
        if !self.options.fuzzy {
            return;
        }
        let keys = fuzzy::NameKeys::new(key, false);
        let mut people: Vec<FormRef> = Vec::new();
        // The tally's pool, not narrowed by the similarity of the whole keys: the query is much shorter than the
        // forms that start with it (فيصل, الأمير فيصل بن فرحان).
        for (id, _) in fuzzy::candidates(&self.store, &keys, TITLED_POOL) {
            let Some((r, _)) = self.store.form(id) else {
                continue;
            };
            if people.iter().any(|p| p.entry == r.entry)
                || self.entry_kind(r.entry) != Some(EntityType::Per)
            {
                continue;
            }
            let Some(entry) = self.entry(r.entry) else {
                continue;
            };
            if let Some(form) = entry.forms().position(|f| fits(&normalize::search(f))) {
                people.push(FormRef {
                    entry: r.entry,
                    form: u32::try_from(form).unwrap_or(u32::MAX),
                });
            }
        }
        let people = people
            .into_iter()
            .map(|r| (r, detail.to_string()))
            .collect();
        self.offer_shared(
            found,
            people,
            MAX_SHARED_FAMILY,
            SCORE_PART,
            Method::Normalized,
        );
    }

    /// A family name alone, spelt with other vowel letters than the glossary's (نتانيهو for نتنياهو, خمنئي for
    /// خامنئي), for an Arabic query of one word that found nothing else: among the people the fuzzy stage proposed
    /// whose family name has the query's skeleton (`family_close`), those whose family name in Arabic is the query
    /// with a vowel letter or two left out, added or moved ([`name_parts::spelt_otherwise`]). Their people are found as a
    /// family name's ([`Matcher::family_name`]), at [`SCORE_PART_SPELT`] shared out among them, method `fuzzy`.
    /// A frequent word or given name is never read so (قسم is no Qassem, مرسى no Morsi).
    fn family_spelt_otherwise<'m>(
        &'m self,
        found: &mut Found<'m>,
        keys: &fuzzy::NameKeys<'_>,
        family_close: &[FormRef],
    ) {
        let [token] = keys.tokens.as_slice() else {
            return;
        };
        if !token.arabic || frequent_kind(keys).is_some() {
            return;
        }
        // The proposed form may be the English name (Benjamin Netanyahu has the skeleton of نتانيهو): the family
        // names of each proposed person's Arabic forms are compared.
        let mut families: Vec<String> = family_close
            .iter()
            .filter_map(|r| self.entry(r.entry))
            .flat_map(|entry| {
                entry
                    .forms()
                    .filter(|form| form.chars().any(normalize::is_arabic_letter))
                    .filter_map(|form| titles::family_of_form(&normalize::search(form), &entry.en))
            })
            .filter(|family| name_parts::spelt_otherwise(&token.search, family))
            .collect();
        families.sort_unstable();
        families.dedup();
        // The people of all those family names share the score (الخمني: Khomeini's الخميني and Khamenei's خامنئي).
        let mut people: Vec<(FormRef, String)> = Vec::new();
        for family in &families {
            for r in self.store.family_people(family, MAX_SHARED_FAMILY) {
                if !people.iter().any(|(p, _)| p.entry == r.entry) {
                    people.push((r, format!("family name {family}, spelt otherwise")));
                }
            }
        }
        self.offer_shared(
            found,
            people,
            MAX_SHARED_FAMILY,
            SCORE_PART_SPELT,
            Method::Fuzzy,
        );
    }

    /// The first `n` of the exact and normalized matches of `refs` (the forms whose `search` key is the query's),
    /// ranked as [`Matcher::lookup`] ranks them, each entry decoded only if it is among them; `None` when fewer
    /// than `n` entries pass the threshold (then the other ways of matching may add to the list). Nothing else
    /// scores as high as a normalized match (clitic and title readings 0.95, a family name 0.9, fuzzy matches at
    /// most 0.89), so `n` of them are the first `n` of the whole list.
    fn top_from_forms(&self, refs: &[FormRef], clean: &str, n: usize) -> Option<Vec<Match<'_>>> {
        // Per entry, in the order the refs come: whether it is exact (else normalized), the form that made it so,
        // its origin.
        let mut best: Vec<(bool, u32, (usize, u64), u32)> = Vec::new();
        let mut at: rustc_hash::FxHashMap<u32, usize> = rustc_hash::FxHashMap::default();
        let mut seen = store::Verdicts::default();
        for &r in refs {
            let (exact, origin) = match &self.entries {
                Entries::Owned(g) => {
                    let e = g.entries().get(r.entry as usize)?;
                    let form = e.forms().nth(r.form as usize)?;
                    (is_exact(&mut seen, form, clean), e.origin.cmp_key())
                }
                Entries::Stored { .. } => {
                    let (form, origin) = self.store.entry_form_and_origin(r.entry, r.form)?;
                    let exact = seen.of(form, |form| {
                        compact::decode(form).is_some_and(|f| cleans_to(&f, clean))
                    });
                    (exact, origin)
                }
            };
            match at.get(&r.entry) {
                Some(&i) => {
                    if let Some(b) = best.get_mut(i) {
                        if exact && !b.0 {
                            *b = (exact, r.form, origin, r.entry);
                        }
                    }
                }
                None => {
                    at.insert(r.entry, best.len());
                    best.push((exact, r.form, origin, r.entry));
                }
            }
        }
        best.retain(|b| exact_score(b.0) >= self.options.threshold);
        if best.len() < n {
            return None;
        }
        best.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
        best.truncate(n);
        best.into_iter()
            .map(|(exact, form, _, entry)| {
                let e = self.entry(entry)?;
                Some(form_match(
                    e,
                    e.forms().nth(form as usize).unwrap_or(&e.en),
                    exact,
                ))
            })
            .collect()
    }

    /// Looks up every query, on all cores; the result is in the order of the queries. A query that comes more than
    /// once is looked up once.
    ///
    /// ```
    /// use qamus::glossary::Glossary;
    /// use qamus::matcher::Matcher;
    ///
    /// let m = Matcher::new(Glossary::builtin());
    /// let found = m.lookup_batch(&["بوتين", "لبوتين", "بوتين"]);
    /// assert_eq!(found.len(), 3);
    /// assert_eq!(found[0], found[2]);
    /// assert_eq!(found[1][0].entry.id, "vladimir-putin");
    /// ```
    pub fn lookup_batch<S: AsRef<str> + Sync>(&self, queries: &[S]) -> Vec<Vec<Match<'_>>> {
        each_distinct(queries, |q| self.lookup(q))
    }

    /// The keys the matcher computes for a query (for `lookup --explain`).
    pub fn query_keys(&self, query: &str) -> QueryKeys {
        let keys = fuzzy::NameKeys::new(query, false);
        let skeletons =
            |k: &fuzzy::NameKeys<'_>| k.tokens.iter().map(|t| t.skeleton.to_string()).collect();
        let latin =
            |k: &fuzzy::NameKeys<'_>| k.tokens.iter().map(|t| t.latin.to_string()).collect();
        let other_reading = keys.has_other_reading().then(|| {
            let other = fuzzy::NameKeys::reading(normalize::display(query).trim(), false, true);
            (skeletons(&other), latin(&other))
        });
        QueryKeys {
            search: normalize::search(query).into_owned(),
            tokens: keys.tokens.iter().map(|t| t.search.to_string()).collect(),
            skeletons: skeletons(&keys),
            latin: latin(&keys),
            other_reading,
            latin_without_article: keys.article_free().map(latin),
        }
    }

    /// For training the scorer: every fuzzy candidate of a query with its features, whether it is cross-script,
    /// and its entry (the best form per entry).
    pub(crate) fn candidate_features(
        &self,
        query: &str,
    ) -> Vec<(&Entry, [f64; fuzzy::FEATURES], bool)> {
        let keys = fuzzy::NameKeys::new(query, false);
        let mut out: Vec<(&Entry, [f64; fuzzy::FEATURES], bool)> = Vec::new();
        for id in self.candidates(&keys, false) {
            let Some((r, form_keys)) = self.form_keys(id, &keys) else {
                continue;
            };
            let Some(entry) = self.entry(r.entry) else {
                continue;
            };
            let (x, cross) = fuzzy::features(&keys, &form_keys);
            match out.iter_mut().find(|(e, ..)| std::ptr::eq(*e, entry)) {
                Some(slot) if slot.1.first() >= x.first() => {}
                Some(slot) => *slot = (entry, x, cross),
                None => out.push((entry, x, cross)),
            }
        }
        out
    }

    /// The forms to score: the index's best `POOL` by shared skeleton tokens (past the first half of
    /// `options.candidates`, only those with at least half the heaviest one's weight), narrowed to
    /// `options.candidates` by the weighted edit similarity of the joined keys (`search` keys, or Latin keys across
    /// scripts), without those under [`NARROW_FLOOR`].
    /// A Latin query leaves out the Arabic forms of entries that have a Latin one, unless `romanized` (see
    /// [`Matcher::fuzzy`]), before the pool is narrowed: they would take the places of the Latin forms (Karabagh
    /// has the skeleton of قره باغ, and Karabakh is only close to it).
    fn candidates(&self, keys: &fuzzy::NameKeys<'_>, romanized: bool) -> Vec<u32> {
        const POOL: usize = 64;
        let mut pool = fuzzy::candidates(&self.store, keys, POOL);
        if !romanized && keys.tokens.first().is_some_and(|t| !t.arabic) {
            pool.retain(|&(id, _)| self.store.arabic_form_of_latin_entry(id) == Some(false));
        }
        // Past the first half of `candidates`, a form that shares less than half the heaviest form's weight of
        // skeleton tokens is not compared: it rarely wins, and a close joined key by chance would push out a better
        // one.
        let heaviest = pool.first().map_or(0, |&(_, hits)| hits);
        let always = self.options.candidates / 2;
        let mut rank = 0;
        pool.retain(|&(_, hits)| {
            rank += 1;
            rank <= always || hits.saturating_mul(2) >= heaviest
        });
        let q_arabic = keys.tokens.first().is_some_and(|t| t.arabic);
        let mut codes = Vec::new();
        let mut ranked: Vec<(u32, f64, u32)> = pool
            .into_iter()
            .filter_map(|(id, hits)| {
                let f_arabic = self.store.form_codes(id, q_arabic, &mut codes)?;
                let sim = if f_arabic == q_arabic {
                    distance::similarity_codes_from(&keys.search_code, &codes, NARROW_FLOOR)?
                } else {
                    keys.latin_codes_against_latin()
                        .filter_map(|q| distance::similarity_codes_from(q, &codes, NARROW_FLOOR))
                        .max_by(f64::total_cmp)?
                };
                Some((hits, sim, id))
            })
            .collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)).then(a.2.cmp(&b.2)));
        ranked.truncate(self.options.candidates);
        ranked.into_iter().map(|(_, _, id)| id).collect()
    }

    /// A Latin query read back as the Arabic letters of a romanization ([`romanized::arabic_letters`]: Al Qāhirah,
    /// القاهرة): the forms with those letters at the `search` level, or with the article (Riyāḑ, الرياض).
    fn read_back<'m>(&'m self, found: &mut Found<'m>, latin: &str) {
        let Some(arabic) = romanized::arabic_letters(latin) else {
            return;
        };
        // A word's āt before another word is a plural (al-Wilāyāt al-Muttaḥidah: الولايات) or a tāʾ marbūṭah
        // after alif in construct (Qanāt al-Suways: قناة): both are looked up.
        let construct = arabic.contains("ات ").then(|| arabic.replace("ات ", "اة "));
        for arabic in std::iter::once(arabic).chain(construct) {
            let key = normalize::search(&arabic);
            let mut refs = self.store.normalized(&key);
            if !key.starts_with("ال") && !key.contains(' ') {
                let with_article = format!("ال{arabic}");
                let with_article = normalize::search(&with_article);
                refs.extend(self.store.normalized(&with_article));
            }
            for r in refs {
                self.offer(
                    found,
                    r,
                    SCORE_READ_BACK,
                    Method::Translit,
                    format!("romanization read as {arabic}"),
                    None,
                );
            }
        }
    }

    fn normalized_match<'m>(
        &'m self,
        found: &mut Found<'m>,
        key: &str,
        score: f64,
        detail: String,
    ) {
        let refs = self.store.normalized(key);
        self.offer_normalized(found, &refs, key, score, detail);
    }

    /// Offers the forms whose `search` key is `key` (`refs`, as the store gives them), then the family name.
    fn offer_normalized<'m>(
        &'m self,
        found: &mut Found<'m>,
        refs: &[FormRef],
        key: &str,
        score: f64,
        detail: String,
    ) {
        for &r in refs {
            self.offer(found, r, score, Method::Normalized, detail.clone(), None);
        }
        self.family_name(found, key, detail);
    }

    /// The fuzzy matches of `keys`. A Latin query meets the Arabic forms of an entry that has a Latin form only
    /// when `romanized` (written with the Arabic article): otherwise the entry's own Latin spelling is the better
    /// witness (Myers is not ميرز, Friedrich Merz). `given`: the query is a common given name ([`is_given_name`]).
    fn fuzzy<'m>(
        &'m self,
        found: &mut Found<'m>,
        keys: &fuzzy::NameKeys<'_>,
        romanized: bool,
        given: bool,
        family_close: &mut Vec<FormRef>,
    ) {
        let frequent = frequent_kind(keys);
        // A query of one Latin word, at the `search` level.
        let latin_word = match keys.tokens.as_slice() {
            [token] if !token.arabic => Some(token.search.as_ref()),
            _ => None,
        };
        // Each entry's best form, with its scores and features (for the acceptance model), in the order the
        // entries come. Entries are decoded only for the matches returned, at the end: a lookup scores a few dozen
        // candidates and returns one or two.
        let mut best: Vec<(FormRef, Scores, [f64; FEATURES])> = Vec::new();
        let pool: Vec<(FormRef, fuzzy::NameKeys<'_>)> = self
            .candidates(keys, romanized)
            .into_iter()
            .filter_map(|id| self.form_keys(id, keys))
            .collect();
        // Entries whose Arabic form names other people word for word (محمد عباس for محمود عباس): their Latin
        // forms do not find them either.
        let curated = fuzzy::curated_words(keys);
        let mut others: Vec<u32> = if curated.iter().any(Option::is_some) {
            pool.iter()
                .filter(|(_, form_keys)| fuzzy::other_names_with(keys, &curated, form_keys))
                .map(|(r, _)| r.entry)
                .collect()
        } else {
            Vec::new()
        };
        others.sort_unstable();
        // A name all of whose words are given names of the curated tables (سعيد عون, Said Aoun) is some person's:
        // no spelling of a place or an organization of as many words or fewer (Sidon, whose skeleton the words
        // joined have; Aoun Assad is not the Al-Asad Airbase), nor of any name of one word (Abdullah Aoun is not
        // Abdollahian; بشار حافظ الأسد still meets Bashar al-Assad by its first and last word).
        let person_shaped = keys.tokens.len() >= 2
            && keys.tokens.iter().zip(&curated).all(|(t, name)| {
                name.is_some_and(|n| !n.starts_with("al-") && n != "sheikh")
                    && !titles::is_kinship(&t.search)
                    && titles::son_of(&t.search).is_none()
            });
        // A name of one word that is some people's family name (الحوثي, al-Houthi: two people's, with or without
        // the article as the family table keys them) names a person: an entry of another kind is not found by a
        // close spelling of it (Houthi, the group's adjective, read across scripts).
        let family_of_people =
            matches!(keys.tokens.as_slice(), [t] if self.is_family_name(&t.search));
        // People with more words to their name whose last word has the skeleton of the query's last: a part of
        // their name spelt otherwise, if nothing else is found. For a query of one word, their family name spelt
        // otherwise: then the form proposed may be the family name alone, keyed as a form of its own (عبدي).
        // A skeleton of one consonant says too little to call two words one name spelt twice (علي and الله: `L`).
        let last_skeleton = keys
            .tokens
            .last()
            .map(|t| &t.skeleton)
            .filter(|s| s.chars().nth(1).is_some());
        let fewest_words = if keys.tokens.len() == 1 {
            1
        } else {
            keys.tokens.len() + 1
        };
        for (r, form_keys) in &pool {
            // An ordinal is no family name (عبد الله سناء is not Abdullah II, الملك عبد الله الثاني).
            if last_skeleton.is_some_and(|s| {
                form_keys.tokens.len() >= fewest_words
                    && form_keys
                        .tokens
                        .last()
                        .is_some_and(|t| t.skeleton == *s && !titles::is_ordinal(&t.search))
            }) && self.entry_kind(r.entry) == Some(EntityType::Per)
                && !family_close.iter().any(|c| c.entry == r.entry)
            {
                family_close.push(*r);
            }
        }
        for (r, form_keys) in pool {
            // A common word is read as a name only by an entry with no Arabic form to compare it with; a frequent
            // name, only as the whole name of such an entry (حسين is not Saddam Hussein alone).
            let skip = match frequent {
                Some(frequent::Frequent::Word) => form_keys.entry_arabic,
                // The form's own words: a family name held by one person is keyed as a form of its own.
                Some(frequent::Frequent::Name) => {
                    form_keys.entry_arabic
                        && self
                            .entry(r.entry)
                            .and_then(|e| e.forms().nth(r.form as usize))
                            .is_none_or(|f| f.split_whitespace().count() > keys.tokens.len())
                }
                None => false,
            };
            // An English adjective of nationality is no spelling of its place (Israeli, Yemeni: as an Arabic nisba).
            // The form's one word once generic words are off (State of Israel), or the entry's English name (the
            // form Lebanese Republic is keyed as its adjective).
            let skip = skip
                || latin_word.is_some_and(|w| {
                    self.entry_kind(r.entry) == Some(EntityType::Loc)
                        && (matches!(form_keys.tokens.as_slice(), [t] if titles::is_english_adjective_of(w, &t.search))
                            || self.entry_en(r.entry).is_some_and(|en| {
                                titles::is_english_adjective_of(w, &normalize::search(&en))
                            }))
                });
            // A given name is a spelling of another person's whole name of one word, never of a place's or an
            // organization's, nor of part of a longer name.
            let skip = skip
                || (given
                    && (matches!(
                        self.entry_kind(r.entry),
                        Some(EntityType::Loc | EntityType::Org) | None
                    ) || self
                        .entry(r.entry)
                        .and_then(|e| e.forms().nth(r.form as usize))
                        .is_none_or(|f| f.split_whitespace().count() > 1)));
            let skip = skip
                || (person_shaped
                    && (form_keys.tokens.len() == 1
                        || (form_keys.tokens.len() <= keys.tokens.len()
                            && matches!(
                                self.entry_kind(r.entry),
                                Some(EntityType::Loc | EntityType::Org)
                            ))));
            // A name after a person's title (Sultan Dima, Sheikh Tasnim, Sheikh Sanaa) is a person's: no close
            // spelling of a place's or an organization's name (the State Duma, the Tasnim agency, Sanaa).
            let skip = skip
                || ((family_of_people || keys.titled)
                    && self.entry_kind(r.entry) != Some(EntityType::Per));
            if skip || others.binary_search(&r.entry).is_ok() {
                continue;
            }
            let (s, x) = fuzzy::score_features(keys, &form_keys);
            match best.iter_mut().find(|b| b.0.entry == r.entry) {
                Some(b) if b.1.total >= s.total => {}
                Some(b) => *b = (r, s, x),
                None => best.push((r, s, x)),
            }
        }
        best.sort_by(|a, b| b.1.total.total_cmp(&a.1.total));
        // The best candidate's probability becomes the probability that it is the right entity, given how far it
        // leads the next one (the acceptance model); the others are scaled alike, keeping their order.
        let mut factor = 0.0;
        let skeleton_of = |entry: u32| self.entry_en(entry).map(|en| keys::latin_skeleton(&en));
        let mut top_skeleton = None;
        if let Some((top, s, x)) = best.first() {
            let p1 = s.total;
            // Entries of one name do not compete with each other: a duplicate row, or another romanization of
            // the name (Beverley / Beverly, Fernandes / Fernandez: one consonant skeleton), which no Arabic
            // spelling could tell apart. The runner-up is the best candidate of another name.
            let skeleton = skeleton_of(top.entry);
            let p2 = best
                .iter()
                .skip(1)
                .find(|b| skeleton_of(b.0.entry) != skeleton)
                .map_or(0.0, |b| b.1.total);
            let inputs =
                fuzzy::acceptance_inputs(p1, p2, x, s.cross_script, keys.search.chars().count());
            let accept = fuzzy::acceptance(&inputs, s.cross_script);
            // Scaled into 0..SCORE_FUZZY_MAX, so that a fuzzy match never outranks an exact or normalized one.
            if p1 > 0.0 {
                factor = SCORE_FUZZY_MAX * accept / p1;
            }
            top_skeleton = skeleton;
        }
        let scaled = |s: &Scores| (s.total * factor).min(SCORE_FUZZY_MAX);
        // Another romanization of the best candidate's name is as likely a reading of the query as it is, but for
        // the English spelling the model prefers (Green / Greene, Simons / Simmons for سيمنس): it scores the best
        // one's score times its probability's share to the power SIBLING_SHARE, not times the share.
        let top_score = best.first().map_or(0.0, |b| scaled(&b.1));
        let sibling_score = |s: &Scores| {
            let share = best
                .first()
                .map_or(0.0, |b| s.total / b.1.total.max(f64::MIN_POSITIVE));
            top_score * share.clamp(0.0, 1.0).powf(SIBLING_SHARE)
        };
        // An ambiguous best guess finds nothing (unless something stronger already matched).
        let ambiguous = match (best.first(), best.get(1)) {
            (Some(a), Some(b)) => {
                scaled(&a.1) - scaled(&b.1) < self.options.min_margin && found.is_empty()
            }
            _ => false,
        };
        for (r, s, _) in &best {
            let mut score = scaled(s);
            // A score that only a sibling's could lift over the threshold: is it one?
            let sibling = sibling_score(s);
            if score < self.options.threshold
                && sibling >= self.options.threshold
                && top_skeleton.is_some()
                && skeleton_of(r.entry) == top_skeleton
            {
                score = sibling;
            }
            // Under the threshold, a match would only be dropped at the end of the lookup.
            if score < self.options.threshold || ambiguous {
                continue;
            }
            let method = if s.cross_script {
                Method::Translit
            } else {
                Method::Fuzzy
            };
            // Kept over a weaker match of the entry: only a family name that several people share scores lower.
            self.offer(found, *r, score, method, String::new(), Some(*s));
        }
    }

    /// A key that is a family name: one word, or "son of" and a word ([`titles::family_key`]: بن سلمان). Held by
    /// one person entry, it finds that person at [`SCORE_FAMILY`]; shared by a few
    /// ([`MAX_SHARED_FAMILY`]), it finds each of them at that score shared out (الأسد: four Assads at 0.23), which
    /// only a threshold that low lets through (`--threshold 0.3`: the candidates a name may mean).
    /// Whether `key` (`search` level) is the family name of a person of the glossary or more.
    fn is_family_name(&self, key: &str) -> bool {
        !key.is_empty() && !self.store.family_people(key, 1).is_empty()
    }

    fn family_name<'m>(&'m self, found: &mut Found<'m>, key: &str, detail: String) {
        let Some(key) = titles::family_key(key).filter(|k| !k.is_empty()) else {
            return;
        };
        let detail = if detail.is_empty() {
            "family name".to_string()
        } else {
            format!("{detail}, family name")
        };
        // Past one person, the table is read on only when a shared score could pass the threshold.
        let most = if SCORE_FAMILY / 2.0 >= self.options.threshold {
            MAX_SHARED_FAMILY
        } else {
            1
        };
        let people = self.store.family_people(&key, most);
        let n = people.len();
        let detail = if n == 1 {
            detail
        } else {
            format!("{detail} of {n} people")
        };
        // More than `most`: more people than were read for.
        let people = people.into_iter().map(|r| (r, detail.clone())).collect();
        self.offer_shared(found, people, most, SCORE_FAMILY, Method::Normalized);
    }

    /// Offers each of `people` (with its detail) at `score` shared out among them, as a family name several people
    /// hold: nothing when there are none, more than `most`, or when the share is under the threshold.
    fn offer_shared<'m>(
        &'m self,
        found: &mut Found<'m>,
        people: Vec<(FormRef, String)>,
        most: usize,
        score: f64,
        method: Method,
    ) {
        let n = people.len();
        let share = score / n.max(1) as f64;
        if n == 0 || n > most || share < self.options.threshold {
            return;
        }
        for (r, detail) in people {
            self.offer(found, r, share, method, detail, None);
        }
    }

    /// A person named by part of their name ([`name_parts`]: `key` the query's `search` level, `clean` as written):
    /// every person whose family name is the query's and one of whose names its given names agree with, at
    /// [`SCORE_PART`] ([`SCORE_PART_CLOSE`] with a Latin given name one edit away, when no name agrees as
    /// written), shared out among them as a shared family name's score is.
    /// `before` is what was done to the query first (`clitic و`), for the detail.
    fn part_of_name<'m>(&'m self, found: &mut Found<'m>, key: &str, clean: &str, before: &str) {
        use name_parts::Fit;
        for part in name_parts::readings(key, clean) {
            let people = self.store.family_people(&part.family, MAX_PART_PEOPLE);
            if people.len() > MAX_PART_PEOPLE {
                continue;
            }
            // Each person's best fitting name (as written before one edit away), its form and its number of
            // words.
            let mut named: Vec<(FormRef, Fit, usize)> = people
                .iter()
                .filter_map(|r| {
                    let entry = self.entry(r.entry)?;
                    // The best fit, the first form of it, and the fewest words of a name that fits so. Only a
                    // name that ends in the family name may fit: most of a person's names in the other script, or
                    // another, go no further.
                    let fits: Vec<(Fit, usize, usize)> = entry
                        .forms()
                        .enumerate()
                        .filter_map(|(i, f)| {
                            let key = normalize::search(f);
                            let words = name_parts::name_words(&key);
                            name_parts::ends_in(&key, &part.family)
                                .then(|| part.fit(&words))
                                .flatten()
                                .map(|fit| (fit, i, words.len()))
                        })
                        .collect();
                    let &(fit, form, _) = fits.iter().min()?;
                    let words = fits.iter().filter(|x| x.0 == fit).map(|x| x.2).min()?;
                    Some((
                        FormRef {
                            entry: r.entry,
                            form: u32::try_from(form).ok()?,
                        },
                        fit,
                        words,
                    ))
                })
                .collect();
            if named.iter().any(|&(_, fit, _)| fit == Fit::Same) {
                named.retain(|&(_, fit, _)| fit == Fit::Same);
            }
            // Of several people the part fits, those whose name it leaves the fewest words out of: إدريس إتنو is
            // Idriss Déby Itno, whose son Mahamat Idriss Déby Itno bears the father's names after his own.
            if let Some(fewest) = named.iter().map(|&(_, _, words)| words).min() {
                named.retain(|&(_, _, words)| words == fewest);
            }
            let Some(&(_, fit, _)) = named.first() else {
                continue;
            };
            let (score, spelt) = match fit {
                Fit::Same => (SCORE_PART, ""),
                Fit::Close => (SCORE_PART_CLOSE, ", a given name spelt otherwise"),
            };
            let score = score / named.len() as f64;
            let first = if part.family_first {
                ", family name first"
            } else {
                ""
            };
            let before = if before.is_empty() {
                String::new()
            } else {
                format!("{before}, ")
            };
            let detail = match named.len() {
                1 => format!("{before}part of the name{first}{spelt}"),
                n => format!("{before}part of the name of {n} people{first}{spelt}"),
            };
            for (r, ..) in named {
                self.offer(found, r, score, Method::Normalized, detail.clone(), None);
            }
        }
    }

    /// The entries of type `kind` with a form whose `search` key is `key`, at the score of a clitic reading
    /// (a name read without a word around it: a descriptor, a direction).
    fn offer_of_kind<'m>(
        &'m self,
        found: &mut Found<'m>,
        key: &str,
        kind: EntityType,
        detail: &str,
    ) {
        for r in self.store.normalized(key) {
            if self.entry_kind(r.entry) == Some(kind) {
                self.offer(
                    found,
                    r,
                    SCORE_CLITIC,
                    Method::Normalized,
                    detail.into(),
                    None,
                );
            }
        }
    }

    /// Adds a match unless the entry is already there with a score at least as high.
    fn offer<'m>(
        &'m self,
        found: &mut Found<'m>,
        r: FormRef,
        score: f64,
        method: Method,
        detail: String,
        scores: Option<Scores>,
    ) {
        let Some(entry) = self.entry(r.entry) else {
            return;
        };
        let form = entry
            .forms()
            .nth(r.form as usize)
            .unwrap_or(entry.en.as_str());
        found.offer(Match {
            entry,
            score,
            method,
            form,
            detail,
            scores,
        });
    }
}

/// `query` without the English possessive at its end (Putin's, Armenia’s, RUSSIA'S: Putin, Armenia, RUSSIA), after a
/// Latin letter; `None` when it has none.
fn possessive_stem(query: &str) -> Option<&str> {
    let query = query.trim_end();
    let at = query.rfind(['\'', '\u{2019}'])?;
    let stem = query.get(..at)?;
    if clitics::english_possessive(query.get(at..)?) != Some(query.len() - at) {
        return None;
    }
    stem.chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() && !normalize::is_arabic_letter(c))
        .then_some(stem)
}

/// Whether `form`, cleaned, is the query `clean` (an exact match; else a normalized one), each distinct text
/// tested once.
fn is_exact<'t>(seen: &mut store::Verdicts<'t>, form: &'t str, clean: &str) -> bool {
    seen.of(form.as_bytes(), |_| cleans_to(form, clean))
}

/// Whether `form`, cleaned as a query is (`display` level, trimmed), is `clean`: an exact match.
fn cleans_to(form: &str, clean: &str) -> bool {
    normalize::display(form).trim() == clean
}

/// The score of an exact (1.0) or normalized match.
fn exact_score(exact: bool) -> f64 {
    if exact {
        1.0
    } else {
        SCORE_NORMALIZED
    }
}

/// The exact or normalized match of `entry` through `form`.
fn form_match<'m>(entry: &'m Entry, form: &'m str, exact: bool) -> Match<'m> {
    Match {
        entry,
        score: exact_score(exact),
        method: if exact {
            Method::Exact
        } else {
            Method::Normalized
        },
        form,
        detail: String::new(),
        scores: None,
    }
}

/// A lookup's matches so far, one per entry, each entry's found by its address in constant time (a short query
/// can match thousands of entries of a large glossary: a search through the list for each would be quadratic).
#[derive(Clone, Default)]
struct Found<'m> {
    list: Vec<Match<'m>>,
    at: rustc_hash::FxHashMap<*const Entry, usize>,
}

impl<'m> Found<'m> {
    /// Adds a match, or replaces its entry's match when it scores higher.
    fn offer(&mut self, m: Match<'m>) {
        match self.at.get(&std::ptr::from_ref(m.entry)) {
            Some(&i) => {
                if let Some(old) = self.list.get_mut(i) {
                    if m.score > old.score {
                        *old = m;
                    }
                }
            }
            None => self.push(m),
        }
    }

    fn push(&mut self, m: Match<'m>) {
        self.at.insert(std::ptr::from_ref(m.entry), self.list.len());
        self.list.push(m);
    }

    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// A query of two or three words read with its first word as the family name, as lists sorted by family name
/// write it without a comma (Putin Vladimir, Lavrov Sergey Viktorovich, بوتين فلاديمير): (the family name, the
/// given names), looked up as the catalogue's "family, given", which [`name_parts::readings`] reads. Only when the
/// first word is no given name (an English one of the census's lists, or a name word of the `plain` common-names
/// table in either script: علي حسن is Ali, son of Hassan, never Hassan Ali; Abbas Mahmoud is Abbas, son of
/// Mahmoud), and the words are letters alone.
fn family_first(clean: &str) -> Option<(&str, String)> {
    let words: Vec<&str> = clean.split_whitespace().collect();
    let [first, rest @ ..] = words.as_slice() else {
        return None;
    };
    if !(1..=2).contains(&rest.len()) || !words.iter().all(|w| w.chars().all(char::is_alphabetic)) {
        return None;
    }
    let key = normalize::search(first);
    let given = crate::translit::plain::is_common_name(&key)
        || (!key.chars().any(normalize::is_arabic_letter)
            && crate::rules::given::is_given_name(&key));
    (!given).then(|| (*first, rest.join(" ")))
}

/// Whether a word may be read with the article ال before it: an Arabic word of three letters or more that does
/// not start with it.
fn article_reading_ok(word: &str) -> bool {
    word.chars().all(normalize::is_arabic_letter)
        && word.chars().count() >= 3
        && !word.starts_with("ال")
}

/// Whether a one-word query is among the 10,000 most frequent Arabic words ([`frequent`]), and which kind. A word
/// of the language ([`frequent::Frequent::Word`]) is never read as a close spelling or a transliteration of an
/// entry that has Arabic forms (سياسي "political" is not al-Sisi, دائما "always" is not the Duma, اوروبا is not
/// Aruba). It still finds an entry that has it as a form, and an English-only entry through its transliteration
/// (كريم → Karim). A word that is only a name ([`frequent::Frequent::Name`]) is a spelling of that name like any
/// other, but of the whole name only: اليزابيث finds the entry that writes Elizabeth إليزبيث, حسين alone does not
/// find Saddam Hussein (a first or family name that many people share).
fn frequent_kind(keys: &fuzzy::NameKeys<'_>) -> Option<frequent::Frequent> {
    let [token] = keys.tokens.as_slice() else {
        return None;
    };
    token
        .arabic
        .then(|| frequent::frequent(&token.search))
        .flatten()
}

/// Whether the query is one word that is a common English given name ([`crate::rules::given`]): in Latin letters, or
/// an Arabic word `plain` writes by heart as one (أنجيلا: Angela). Like a
/// frequent Arabic name, it is read as a close spelling only of a whole name: of a person or an entry of no type
/// written in one word (Sophia finds an entry Sofia of type PER, not the city; Michael does not find Khaled Meshaal
/// by his family name, nor Angela Angola). Its exact and normalized forms still find anything (Jordan, Victoria).
fn is_given_name(keys: &fuzzy::NameKeys<'_>) -> bool {
    let [token] = keys.tokens.as_slice() else {
        return false;
    };
    if token.arabic {
        return crate::translit::plain::known_spelling(&token.raw).is_some_and(|english| {
            crate::rules::given::is_given_name(&english.to_ascii_lowercase())
        });
    }
    crate::rules::given::is_given_name(&token.search)
}

/// An acronym (UN, CSTO, RIA): Latin capitals, dots or digits only, 2 to 6 letters. Acronyms are read letter by
/// letter, so only their exact and normalized forms find them, never a close spelling or a transliteration (عون is
/// not UN).
fn is_acronym(form: &str) -> bool {
    // The character test first: it turns most forms down at their first letter (an Arabic one, a lower-case one).
    form.chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '&'))
        && (2..=6).contains(&form.bytes().filter(u8::is_ascii_uppercase).count())
}

/// `f` of each query, on all cores, in the order of the queries, computed once per distinct query (a lookup is
/// a pure function of its query) and copied to the others.
fn each_distinct<'m, S: AsRef<str> + Sync>(
    queries: &[S],
    f: impl Fn(&str) -> Vec<Match<'m>> + Sync + Send,
) -> Vec<Vec<Match<'m>>> {
    // The first position of each distinct query, and for every query the position it copies.
    let mut first: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    let mut distinct: Vec<&str> = Vec::new();
    let copies: Vec<usize> = queries
        .iter()
        .map(|q| {
            *first.entry(q.as_ref()).or_insert_with(|| {
                distinct.push(q.as_ref());
                distinct.len() - 1
            })
        })
        .collect();
    let answers: Vec<Vec<Match<'m>>> = distinct.par_iter().map(|q| f(q)).collect();
    if answers.len() == queries.len() {
        return answers;
    }
    copies
        .into_iter()
        .map(|i| answers.get(i).cloned().unwrap_or_default())
        .collect()
}

#[cfg(test)]
mod tests;
