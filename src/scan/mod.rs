//! Every mention of a glossary entry in running text: [`Scanner`].
//!
//! # Overview
//! A `Scanner` is built once from a [`Matcher`] (its glossary and its fuzzy look-up) and scans any number of
//! documents, on any number of threads (it is `Send + Sync`). It works on word tokens
//! ([`tokenize`]), which gives word boundaries for free:
//!
//! 1. **Exact phrases, one pass.** Every form of every entry is cut into tokens the same way as the text and each
//!    token keyed by [`normalize::search`]; the key sequences make a trie. At each token of the text the scanner
//!    follows the trie as far as the text goes and keeps the **longest** form (ناغورني قره باغ over قره باغ; منظمة
//!    معاهدة الأمن الجماعي over معاهدة الأمن الجماعي). A name continues across spaces, quotes and dashes, never
//!    across a line break or punctuation ([`tokenize::Gap`]). Each form is also in the trie with its compounds
//!    written the other way (عبدالملك الحوثي, Abdelfattah el-Sisi for عبد الملك الحوثي, Abdel Fattah el-Sisi; where
//!    no form is written so), a mention at 0.97, `compound in one word` or `compound in two words`. A frequent word
//!    that writes a letter no form of one word has, a hamza on a bare alef or ه for ة, is that word (وأمّ "and a
//!    mother" is not وام; جده "his grandfather" is not جدة): text leaves hamzas out, it does not add them.
//! 2. **Clitics.** The first token of a mention may carry proclitics (وباشينيان، لبوتين، للكرملين، لقره باغ): the
//!    readings of [`clitics::candidates`] (decided on the word as written, so إلهام stays whole) are tried, and a
//!    stem is kept only when it starts a form. Where an article was taken off, only the reading that puts it back
//!    counts (للكرملين → الكرملين), so that an adjective such as الأرمينية never becomes the name أرمينية. The
//!    mention covers the whole written word; `detail` names the clitic. Nothing is ever stemmed.
//! 3. **Family names.** A lone family name of a person (بوتين, باشينيان, بيسكوف: the last token, three letters or
//!    more, of a form of a `PER` entry, and not a common word such as سلام or رئيسي; "son of" and the next token,
//!    بن سلمان, بن غفير; never the father's name after بن alone — see `matcher::titles::family_name`) names the
//!    person that the document named in full most recently before it; failing that the only person of the glossary with that family name;
//!    failing that the only one of them the document names in full anywhere (a headline before the article). A
//!    person whose `family` column says `no` (جعفر حسان: حسان is as often a given name) is found by the first and
//!    the last of these only.
//!    Given names of that person written right before it, in the order one of their names has them, join the
//!    mention at 0.92, `part of the name` (طيب أردوغان, Tayyip Erdogan: see `matcher::name_parts`); another
//!    name right before it (Hunter Biden, Melania Trump) makes it another person's, no mention; so it does a kunya
//!    that is a person's whole form (أحمد عمر أبو عبيدة is not Hamas's Abu Obaida). A family name
//!    that is also the adjective of a place of the glossary (السوداني of السودان, البغدادي of بغداد) is that
//!    adjective right after a word with the article (المشهد السوداني, الرئيس السوداني "the Sudanese president"):
//!    no mention. Nor is a name after "son of" (منصور بن مشعل: the father's), one followed by another family name
//!    (عباس الموسوي: his given name), or one whose person's given names come after another given name (نواف الأحمد
//!    الجابر الصباح is not مشعل الأحمد الجابر الصباح).
//! 4. **Unseen spellings.** Only where a name is expected — right after a title (الرئيس، رئيس الوزراء، المتحدث باسم،
//!    وزير…) or a verb of saying (وقال، وأكد، أعلن…; nationality adjectives and names already found may stand
//!    between) or on a capitalized Latin word — one
//!    to three tokens that matched nothing (four letters or more for one, never ending with a function word, الحوثي
//!    إن, nor holding a religious formula, نصره الله: `words::FORMULAS`) are looked up with [`Matcher::lookup`], and a
//!    `fuzzy` or `translit` match is kept only at the stricter [`ScanOptions::fuzzy_threshold`] (0.75): ordinary
//!    words must not turn into entities. A look-up costs far more than everything else a scan does, and a
//!    collection repeats its names, so a scanner remembers each phrase's answer (up to 65,536 phrases, shared by
//!    the threads); the answers are the same either way.
//!
//! 5. **Rulers by title and given name.** After a title of rulers or clergy (الملك، السلطان، البابا، King, Pope;
//!    الشيخ، الأمير before a name that is not a frequent one), the title and the name after it are looked up, and
//!    the person [`Matcher::lookup`] finds by that reading is the mention, title included (الملك عبد الله, King
//!    Charles, `detail` `title and given name`).
//!
//! A few forms are ordinary words far more often than names in running text (العربية "Arabic" — also Al Arabiya;
//! الجزيرة "the island"; الشرق الأوسط "the Middle East"; the adjective أرمينية, also an old spelling of Armenia),
//! and function words (في، من، على) are never names: alone they are not matched; longer forms still are. Where
//! the ordinary sense is itself a place (الشرق الأوسط), a place the glossary has by that form is matched alone.
//! A country's name written like its feminine adjective (سورية beside سوريا) is the adjective right after an
//! indefinite feminine noun or plural (لعائلة سورية "to a Syrian family", تنظيمات سورية): no mention.
//! Such a form of an outlet (an entry with a form that starts وكالة، قناة، صحيفة…: الأناضول، الجزيرة) is the
//! outlet after a correspondent's or a camera's word (بحسب مراسل الأناضول; quotation marks may stand between), and,
//! with ل, after a verb of saying or a statement (وقال للأناضول, في تصريح لـ"الجزيرة"): see
//! `words::BEFORE_OUTLET` and `words::TOLD_OUTLET`.
//!
//! Offsets ([`Mention::start`], [`Mention::end`]) are byte offsets into the text given, always on character
//! boundaries; [`Mention::char_start`] and [`Mention::char_end`] count characters. Reading files, directories,
//! HTML and JSON Lines is in [`source`] (offsets of an HTML document are into its extracted text, see [`html`]).
//!
//! # Example
//! ```
//! use qamus::glossary::Glossary;
//! use qamus::matcher::Matcher;
//! use qamus::scan::Scanner;
//!
//! let matcher = Matcher::new(Glossary::builtin());
//! let scanner = Scanner::new(&matcher);
//! let text = "التقى فلاديمير بوتين وباشينيان لبحث الوضع في ناغورني قره باغ.";
//! let found: Vec<(&str, &str)> = scanner
//!     .scan(text)
//!     .iter()
//!     .map(|m| (&text[m.start..m.end], m.entry.id.as_str()))
//!     .collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("فلاديمير بوتين", "vladimir-putin"),
//!         ("وباشينيان", "nikol-pashinyan"),
//!         ("ناغورني قره باغ", "nagorno-karabakh"),
//!     ]
//! );
//! ```

mod filter;
pub mod html;
pub mod source;
pub mod tokenize;
pub(crate) mod words;

use std::borrow::Cow;
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::glossary::{EntityType, Entry};
use crate::matcher::{
    clitics, compounds, name_parts, titles, Matcher, Method, SCORE_COMPOUND, SCORE_PART,
};
use crate::normalize;
use crate::rules::frequent::{frequent, Frequent};

use filter::KeyFilter;
use tokenize::{Class, Gap, Token};

pub use source::{Document, Documents, Input, ReadOptions};

/// Settings of a [`Scanner`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScanOptions {
    /// Try clitic readings of the first word of a name (وباشينيان, للكرملين).
    pub clitics: bool,
    /// Resolve lone family names of people (بوتين).
    pub family_names: bool,
    /// Look unseen spellings up with the fuzzy matcher (after titles and on capitalized Latin words).
    pub fuzzy: bool,
    /// The lowest score of a fuzzy or cross-script match in running text.
    pub fuzzy_threshold: f64,
}

impl ScanOptions {
    /// The default threshold of fuzzy matches in running text: stricter than a look-up's (0.70), since a document
    /// holds many ordinary words and only a few names. Fuzzy scores run up to 0.89; at 0.75 the seed documents get
    /// no false mention (none at any threshold from 0.5), and misspelled names after titles (فلاديمير بوتن, ديمتري
    /// بسكوف) are found.
    pub const DEFAULT_FUZZY_THRESHOLD: f64 = 0.75;
}

impl Default for ScanOptions {
    fn default() -> ScanOptions {
        ScanOptions {
            clitics: true,
            family_names: true,
            fuzzy: true,
            fuzzy_threshold: ScanOptions::DEFAULT_FUZZY_THRESHOLD,
        }
    }
}

/// Scores of mentions, on the matcher's scale (see [`crate::matcher`]).
const SCORE_EXACT: f64 = 1.0;
const SCORE_NORMALIZED: f64 = 0.98;
const SCORE_CLITIC: f64 = 0.95;

/// [`Scanner::cue_terms`]: a word after which an outlet's everyday name is the outlet (مراسل).
const CUE_BEFORE: u8 = 1;
/// [`Scanner::cue_terms`]: a word after which ل and an outlet's everyday name is the outlet (قال، تصريح).
const CUE_TOLD: u8 = 2;
/// [`Scanner::cue_terms`]: ل written apart (لـ"الأناضول"), after which the outlet may follow a [`CUE_TOLD`] word.
const CUE_APART_L: u8 = 4;
const SCORE_FAMILY: f64 = 0.9;

/// One mention of a glossary entry in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention<'m> {
    /// The document's index (its position in the input; 0 for [`Scanner::scan`]).
    pub doc: usize,
    /// Byte offset of the first character of the mention in the document text (clitics included).
    pub start: usize,
    /// Byte offset just after the mention.
    pub end: usize,
    /// Character offset of the first character.
    pub char_start: usize,
    /// Character offset just after the mention.
    pub char_end: usize,
    /// The text of the mention as written.
    pub surface: String,
    /// The entry mentioned.
    pub entry: &'m Entry,
    /// Confidence in 0..=1: 1 exact form, 0.98 normalized, 0.95 with a clitic, 0.9 family name; fuzzy matches
    /// their similarity.
    pub score: f64,
    /// How it was found (`exact`, `normalized`, `fuzzy`, `translit`).
    pub method: Method,
    /// What else was done: `clitic و`, `family name`, `also ID` (a form two entries share); empty when nothing.
    pub detail: String,
}

/// A reference to one form of one entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FormRef {
    entry: u32,
    form: u32,
}

const ROOT: u32 = 0;

/// Finds mentions of glossary entries in text. Build once, share between threads.
#[derive(Debug)]
pub struct Scanner<'m> {
    matcher: &'m Matcher,
    options: ScanOptions,
    /// Every token key of every form → its term id.
    vocab: FxHashMap<Box<str>, u32>,
    /// (node, term) → child node; node 0 is the root.
    edges: FxHashMap<(u32, u32), u32>,
    /// Nodes that end a form → the forms (one per entry, glossary order).
    terminal: FxHashMap<u32, Vec<FormRef>>,
    /// Nodes of `terminal` that end no form as the glossary writes it, only one with its compounds written the
    /// other way (عبدالله for عبد الله: [`compounds::respellings`]) → the `detail` of such a mention.
    respelt: FxHashMap<u32, &'static str>,
    /// Keys of terms that start a form, and the same without a leading article: the quick test that a word may
    /// hide a form behind clitics.
    first_terms: FxHashSet<Box<str>>,
    /// Family-name term → the person entries that have it (glossary order).
    family: FxHashMap<u32, Vec<u32>>,
    /// The people whose family name alone names them only after the document named them in full (`family` column
    /// `no`: [`crate::Entry::family_name_alone`]).
    named_first: FxHashSet<u32>,
    /// The same for Latin family names the glossary writes only with the article (al-Sharaa, al-Houthi): found
    /// with it in the text (al-Sharaa, Al-Sharaa), never bare (Houthi rebels, Bashir Gemayel).
    article_family: FxHashMap<u32, Vec<u32>>,
    /// The `search` keys of the one-word Arabic forms of places (السودان, بغداد): what a nisba adjective
    /// (السوداني, البغدادي) is made from ([`Scanner::is_adjective_of_place`]).
    place_words: FxHashSet<Box<str>>,
    /// The forms of outlets that are everyday words ([`words::AMBIGUOUS_FORMS`] of an entry with a form that starts
    /// with one of [`words::OUTLET_WORDS`]: الأناضول, الجزيرة), by `search` key: found only after a word that
    /// makes them the outlet ([`Scanner::outlet_at`]).
    outlets: FxHashMap<Box<str>, Vec<FormRef>>,
    /// By term id: [`CUE_BEFORE`] for the words of [`words::BEFORE_OUTLET`] (behind one or two proclitic letters
    /// too: لمراسل), [`CUE_TOLD`] for those of [`words::TOLD_OUTLET`] and [`words::SPEECH_VERBS`] (behind و or
    /// ف), [`CUE_APART_L`] for ل alone, 0 for any other term: the word before a token, looked up once with the
    /// rest, says at once whether an outlet may follow.
    cue_terms: Vec<u8>,
    /// The `search` keys of [`words::FUNCTION_WORDS`]: no fuzzy phrase ends with one (الحوثي إن is no spelling of
    /// الحوثيون).
    function_words: FxHashSet<Box<str>>,
    /// [`words::ADJECTIVE_PLACES`] at the `search` level: each place's form, its nouns, its adjectives.
    adjective_places: Vec<AdjectivePlace>,
    /// Person entry with a family name → the terms of the words of its names, sorted: the quick test for a given
    /// name before a lone family name (طيب أردوغان, [`Scanner::given_names_before`]).
    name_terms: FxHashMap<u32, Vec<u32>>,
    /// Title phrases, as sequences of token keys.
    titles: Vec<Vec<String>>,
    /// The first key of every title phrase.
    title_heads: FxHashSet<String>,
    /// The first key of every title phrase → the titles (indices into `titles`) that start with it.
    titles_by_head: FxHashMap<String, Vec<usize>>,
    /// The keys of `title_heads`, as a filter: most words are ruled out without a look-up.
    title_filter: KeyFilter,
    /// By term id: whether the term is the first key of a title (the title heads are in the vocabulary, so that
    /// a word's term, looked up once per document, answers for it).
    title_terms: Vec<bool>,
    /// The keys of `first_terms` and of the family names, as a filter (see [`Scanner::may_have_clitics`]).
    clitic_filter: KeyFilter,
    nodes: u32,
    /// Fuzzy look-ups already made, by phrase: a collection repeats its names from document to document, and a
    /// look-up costs far more than the rest of a scan. Shared by the threads; emptied when it reaches
    /// [`Memo::MAX`] phrases.
    fuzzy_cache: Memo<Option<FuzzyHit>>,
    /// The clitic readings of words already read, by the word as written: running text repeats its words, and
    /// working out a word's readings (and their keys and terms) costs more than looking it up here. Shared by the
    /// threads; emptied when it reaches [`Memo::MAX`] words.
    clitic_memo: Memo<Arc<[Reading]>>,
}

/// Answers already worked out, by the text they answer for, shared by the threads: a bounded map behind a lock.
#[derive(Debug, Default)]
struct Memo<V> {
    map: Mutex<FxHashMap<Box<str>, V>>,
}

impl<V: Clone> Memo<V> {
    /// The most answers kept (then the map starts again, empty).
    const MAX: usize = 1 << 16;

    /// The answer for `key`, if it was worked out. A poisoned lock only means another thread panicked
    /// mid-insert: the map is still a valid memo.
    fn get(&self, key: &str) -> Option<V> {
        self.map
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .cloned()
    }

    /// Keeps the answer for `key`.
    fn put(&self, key: &str, value: V) {
        let mut map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        if map.len() >= Self::MAX {
            map.clear();
        }
        map.insert(key.into(), value);
    }
}

impl<'m> Scanner<'m> {
    /// A scanner over the matcher's glossary, with the default options.
    pub fn new(matcher: &'m Matcher) -> Scanner<'m> {
        Scanner::with_options(matcher, ScanOptions::default())
    }

    /// A scanner over the matcher's glossary.
    pub fn with_options(matcher: &'m Matcher, options: ScanOptions) -> Scanner<'m> {
        let mut s = Scanner {
            matcher,
            options,
            vocab: FxHashMap::default(),
            edges: FxHashMap::default(),
            terminal: FxHashMap::default(),
            respelt: FxHashMap::default(),
            first_terms: FxHashSet::default(),
            family: FxHashMap::default(),
            named_first: FxHashSet::default(),
            article_family: FxHashMap::default(),
            place_words: FxHashSet::default(),
            function_words: search_keys(words::FUNCTION_WORDS),
            adjective_places: words::ADJECTIVE_PLACES
                .iter()
                .map(|&(place, nouns, adjectives)| AdjectivePlace {
                    place: normalize::search(place).into(),
                    nouns: search_keys(nouns),
                    adjectives: search_keys(adjectives),
                })
                .collect(),
            outlets: FxHashMap::default(),
            cue_terms: Vec::new(),
            name_terms: FxHashMap::default(),
            titles: Vec::new(),
            title_heads: FxHashSet::default(),
            titles_by_head: FxHashMap::default(),
            title_filter: KeyFilter::default(),
            title_terms: Vec::new(),
            clitic_filter: KeyFilter::default(),
            nodes: 1,
            fuzzy_cache: Memo::default(),
            clitic_memo: Memo::default(),
        };
        let ambiguous: FxHashSet<String> = words::AMBIGUOUS_FORMS
            .iter()
            .chain(words::FUNCTION_WORDS)
            .map(|f| joined_keys(&token_keys(f)))
            .collect();
        let place_senses: FxHashSet<String> = words::PLACE_SENSES
            .iter()
            .map(|f| joined_keys(&token_keys(f)))
            .collect();
        let common: FxHashSet<String> = words::COMMON_WORDS
            .iter()
            .chain(words::LATIN_COMMON_WORDS)
            .chain(titles::ARABIC_ORDINALS)
            .map(|f| normalize::search(f).into_owned())
            .collect();
        // Forms with their compounds written the other way, added once every form as written is in the trie.
        let mut respelt: Vec<(Vec<String>, FormRef, &'static str)> = Vec::new();
        let outlet_words = search_keys(words::OUTLET_WORDS);
        for (ei, entry) in matcher.glossary().entries().iter().enumerate() {
            let e = u32::try_from(ei).unwrap_or(u32::MAX);
            if entry.kind == EntityType::Per && !entry.family_name_alone() {
                s.named_first.insert(e);
            }
            let outlet = entry.kind == EntityType::Org
                && entry.forms().any(|f| {
                    f.split_whitespace()
                        .next()
                        .is_some_and(|w| outlet_words.contains(normalize::search(w).as_ref()))
                });
            for (fi, form) in entry.forms().enumerate() {
                let keys = token_keys(form);
                let key = joined_keys(&keys);
                let place = entry.kind == EntityType::Loc && place_senses.contains(&key);
                if entry.kind == EntityType::Loc && keys.len() == 1 && !key.is_ascii() {
                    s.place_words.insert(key.as_str().into());
                }
                let r = FormRef {
                    entry: e,
                    form: u32::try_from(fi).unwrap_or(u32::MAX),
                };
                if outlet && keys.len() <= 2 && ambiguous.contains(&key) {
                    let refs = s.outlets.entry(key.as_str().into()).or_default();
                    if !refs.iter().any(|o| o.entry == e) {
                        refs.push(r);
                    }
                }
                if keys.is_empty() || (ambiguous.contains(&key) && !place) {
                    continue;
                }
                s.insert(&keys, r);
                for (other, how) in compounds::respellings(&key) {
                    respelt.push((
                        other.split(' ').map(str::to_string).collect(),
                        r,
                        how.detail_of_respelling(),
                    ));
                }
                // A family name is one token of the text: the last token of the form, of one word, or of a Latin
                // article and a word (al-Sharaa: found as al-Sharaa by `latin_article_family_at`).
                let with_article = keys.last().is_some_and(|last| {
                    matches!(last.as_slice(), [article, name]
                        if crate::rules::romanized::is_latin_article(article, name))
                });
                let family = keys
                    .last()
                    .filter(|last| {
                        entry.kind == EntityType::Per && (last.len() == 1 || with_article)
                    })
                    .and_then(|_| titles::family_of_form(&key, &entry.en))
                    .filter(|f| !common.contains(f));
                if let Some(family) = family {
                    let t = s.term(&family);
                    let table = if with_article {
                        &mut s.article_family
                    } else {
                        &mut s.family
                    };
                    let people = table.entry(t).or_default();
                    if !people.contains(&e) {
                        people.push(e);
                    }
                    let words: Vec<u32> = keys.iter().flatten().map(|w| s.term(w)).collect();
                    s.name_terms.entry(e).or_default().extend(words);
                }
            }
        }
        for (terms, r, detail) in respelt {
            let node = s.path(&terms);
            if s.terminal.contains_key(&node) && !s.respelt.contains_key(&node) {
                continue;
            }
            s.respelt.insert(node, detail);
            s.end_form(node, r);
        }
        for terms in s.name_terms.values_mut() {
            terms.sort_unstable();
            terms.dedup();
            terms.shrink_to_fit();
        }
        s.titles = words::TITLES
            .iter()
            .chain(words::SPEECH_VERBS)
            .map(|t| token_keys(t).into_iter().flatten().collect())
            .collect();
        s.title_heads = s.titles.iter().filter_map(|t| t.first().cloned()).collect();
        for (x, t) in s.titles.iter().enumerate() {
            if let Some(head) = t.first() {
                s.titles_by_head.entry(head.clone()).or_default().push(x);
            }
        }
        s.title_filter = KeyFilter::new(s.title_heads.iter().map(String::as_str));
        // A title head in the vocabulary starts no form (it has no edge from the root) and is no family name: its
        // term only marks the title.
        let heads: Vec<String> = words_sorted(&s.title_heads)
            .into_iter()
            .map(str::to_string)
            .collect();
        let heads: Vec<u32> = heads.iter().map(|h| s.term(h)).collect();
        // The words before an outlet's name, in the vocabulary too (they start no form either).
        let mut cues: Vec<(u32, u8)> = Vec::new();
        for (list, prefixes, bit) in [
            (
                words::BEFORE_OUTLET,
                &["", "و", "ف", "ل", "ب", "ول", "وب"][..],
                CUE_BEFORE,
            ),
            (words::TOLD_OUTLET, &["", "و", "ف"][..], CUE_TOLD),
            (words::SPEECH_VERBS, &["", "و", "ف"][..], CUE_TOLD),
            (&["ل"][..], &[""][..], CUE_APART_L),
        ] {
            for word in list {
                for prefix in prefixes {
                    let key = normalize::search(&format!("{prefix}{word}")).into_owned();
                    cues.push((s.term(&key), bit));
                }
            }
        }
        s.cue_terms = vec![0; s.vocab.len()];
        for (t, bit) in cues {
            if let Some(slot) = s.cue_terms.get_mut(t as usize) {
                *slot |= bit;
            }
        }
        s.title_terms = vec![false; s.vocab.len()];
        for t in heads {
            if let Some(slot) = s.title_terms.get_mut(t as usize) {
                *slot = true;
            }
        }
        let family_keys = s
            .vocab
            .iter()
            .filter(|(_, t)| s.family.contains_key(t))
            .map(|(k, _)| k.as_ref());
        s.clitic_filter =
            KeyFilter::new(s.first_terms.iter().map(AsRef::as_ref).chain(family_keys));
        s
    }

    /// The id of a term, added to the vocabulary if new.
    fn term(&mut self, key: &str) -> u32 {
        let next_id = u32::try_from(self.vocab.len()).unwrap_or(u32::MAX);
        *self.vocab.entry(key.into()).or_insert(next_id)
    }

    /// Whether a key is a family name.
    fn is_family(&self, key: &str) -> bool {
        self.vocab
            .get(key)
            .is_some_and(|t| self.family.contains_key(t))
    }

    /// Adds one form's key sequence to the trie.
    fn insert(&mut self, keys: &[Vec<String>], r: FormRef) {
        let node = self.path(keys.iter().flatten());
        self.end_form(node, r);
    }

    /// Marks `node` as the end of form `r` (one form per entry).
    fn end_form(&mut self, node: u32, r: FormRef) {
        let forms = self.terminal.entry(node).or_default();
        if !forms.iter().any(|f| f.entry == r.entry) {
            forms.push(r);
        }
    }

    /// The trie's node at the end of a sequence of terms, made where missing.
    fn path<'a>(&mut self, terms: impl IntoIterator<Item = &'a String>) -> u32 {
        let mut node = ROOT;
        let mut first = true;
        for term in terms {
            if first {
                self.first_terms.insert(term.as_str().into());
                if let Some(rest) = term.strip_prefix("ال") {
                    self.first_terms.insert(rest.into());
                }
                first = false;
            }
            let t = self.term(term);
            let fresh = self.nodes;
            let child = *self.edges.entry((node, t)).or_insert(fresh);
            if child == fresh {
                self.nodes += 1;
            }
            node = child;
        }
        node
    }

    /// The options in force.
    pub fn options(&self) -> ScanOptions {
        self.options
    }

    /// The matcher (and through it the glossary) this scanner uses.
    pub fn matcher(&self) -> &'m Matcher {
        self.matcher
    }

    /// How many distinct token sequences (trie nodes) the forms make.
    pub fn trie_nodes(&self) -> usize {
        self.nodes as usize
    }

    /// Every mention in `text`, in text order (document index 0).
    pub fn scan(&self, text: &str) -> Vec<Mention<'m>> {
        self.scan_doc(0, text)
    }

    /// Every mention in `text`, in text order, tagged with the document index `doc`.
    pub fn scan_doc(&self, doc: usize, text: &str) -> Vec<Mention<'m>> {
        let (toks, letters) = tokenize::tokens_and_letters(text);
        let view = View::new(self, text, &toks, &letters);
        let mut found: Vec<Found> = Vec::new();
        let mut pending: Vec<Pending> = Vec::new();
        // The first tokens of names of people outside the glossary (Michael Jordan): no mention, and not looked
        // up by the fuzzy stage either.
        let mut others: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // An outlet's everyday name after a word that makes it the outlet, before the name's own sense (مراسل
            // الشرق الأوسط: the newspaper, not the region).
            if let Some(f) = self.outlet_at(&view, i) {
                i = f.last + 1;
                found.push(f);
                continue;
            }
            let readings = self.clitic_readings(&view, i);
            let readings = readings.as_deref().unwrap_or_default();
            if let Some(f) = self.longest_at(&view, i, readings) {
                i = f.last + 1;
                if self.place_is_a_family_name(&view, &f, &found)
                    || self.kunya_of_another(&view, &f, &found)
                {
                    others.push(f.first - 1);
                } else if self.place_is_a_given_name(&view, &f) {
                    others.push(f.first);
                } else if f.first == f.last
                    && (town_and_state_at(&view, f.last) || georgia_after_town_at(&view, f.first))
                {
                    // A town of the United States with its state (Paris, Texas; Jordan, Minnesota), which the
                    // glossary's place or person of that name is not; Georgia after one of its towns, the state.
                    others.push(f.first);
                } else {
                    found.push(f);
                }
                continue;
            }
            if self.options.family_names {
                if let Some(p) = self.family_at(&view, i, readings) {
                    i = p.last;
                    pending.push(p);
                }
            }
            i += 1;
        }
        self.resolve_family(&view, &mut found, pending, &mut others);
        found.sort_by_key(|f| f.first);
        if self.options.fuzzy {
            self.fuzzy(&view, &mut found, &others);
            found.sort_by_key(|f| f.first);
        }
        self.prefer_the_entry_named_elsewhere(&mut found);
        let entries = self.matcher.glossary().entries();
        let mut out = Vec::with_capacity(found.len());
        let mut chars = CharCounter::new(text);
        for f in found {
            let (Some(first), Some(last), Some(entry)) = (
                toks.get(f.first),
                toks.get(f.last),
                entries.get(f.entry as usize),
            ) else {
                continue;
            };
            let (start, end) = (first.start, last.end);
            let surface = text.get(start..end).unwrap_or_default().to_string();
            let char_start = chars.at(start);
            let char_end = chars.at(end);
            out.push(Mention {
                doc,
                start,
                end,
                char_start,
                char_end,
                surface,
                entry,
                score: f.score,
                method: f.method,
                detail: f.detail,
            });
        }
        out
    }

    /// Scans documents on all cores, a chunk at a time, and hands each document with its mentions to `sink` in
    /// input order. Only one chunk of documents is in memory at once (a few per thread), so memory is bounded by
    /// the largest documents, not by the collection. The first error (reading a document, or from `sink`) stops
    /// the scan and is returned.
    ///
    /// ```
    /// use qamus::glossary::Glossary;
    /// use qamus::matcher::Matcher;
    /// use qamus::scan::{Documents, Input, ReadOptions, Scanner};
    ///
    /// let matcher = Matcher::new(Glossary::builtin());
    /// let scanner = Scanner::new(&matcher);
    /// let docs = Documents::new(Input::expand(&["tests/corpus/seeds".into()])?, ReadOptions::default());
    /// let mut counts = Vec::new();
    /// scanner.scan_each(docs, |doc, mentions| {
    ///     counts.push((doc.index, mentions.len()));
    ///     Ok::<(), qamus::Error>(())
    /// })?;
    /// assert_eq!(counts.len(), 5);
    /// assert!(counts.iter().all(|&(_, n)| n > 10));
    /// # Ok::<(), qamus::Error>(())
    /// ```
    pub fn scan_each<I, F, E>(&self, docs: I, mut sink: F) -> std::result::Result<(), E>
    where
        I: IntoIterator<Item = crate::Result<Document>>,
        F: FnMut(Document, Vec<Mention<'m>>) -> std::result::Result<(), E>,
        E: From<crate::Error>,
    {
        use rayon::prelude::*;
        let chunk = rayon::current_num_threads().max(1) * 4;
        let mut docs = docs.into_iter();
        loop {
            let mut batch: Vec<Document> = Vec::with_capacity(chunk);
            let mut failed = None;
            for d in docs.by_ref() {
                match d {
                    Ok(d) => batch.push(d),
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
                if batch.len() == chunk {
                    break;
                }
            }
            if batch.is_empty() && failed.is_none() {
                return Ok(());
            }
            let found: Vec<Vec<Mention<'m>>> = batch
                .par_iter()
                .map(|d| self.scan_doc(d.index, &d.text))
                .collect();
            for (d, m) in batch.into_iter().zip(found) {
                sink(d, m)?;
            }
            if let Some(e) = failed {
                return Err(e.into());
            }
        }
    }

    /// The clitic readings of token `i` worth trying (those that keep an article they took off), and the readings
    /// of a nisba's plural in the other case ([`clitics::other_case`]: الحوثيين as الحوثيون, behind clitics too),
    /// or none when the cheap tests rule them all out. Each distinct word is worked out once (see `clitic_memo`).
    fn clitic_readings(&self, v: &View<'_>, i: usize) -> Option<Arc<[Reading]>> {
        let (tok, key) = (v.toks.get(i)?, v.key(i)?);
        if !self.options.clitics || tok.class != Class::Arabic {
            return None;
        }
        let plural = key.ends_with("يين") || key.ends_with("يون");
        if !plural && !self.may_have_clitics(key) {
            return None;
        }
        let word = v.text.get(tok.range()).unwrap_or_default();
        let known = self.clitic_memo.get(word);
        if known.is_some() {
            return known;
        }
        let reading = |key: &str, detail: String| Reading {
            terms: self.terms_of(key).map(Vec::into_boxed_slice),
            family: self
                .vocab
                .get(key)
                .copied()
                .filter(|t| self.family.contains_key(t)),
            detail: detail.into(),
        };
        let mut readings = Vec::new();
        if let Some(other) = plural.then(|| clitics::other_case(key)).flatten() {
            readings.push(reading(&other, "case ending".into()));
        }
        for c in clitics::candidates(word).into_iter().filter(article_kept) {
            let key = token_key(&c.stem);
            let detail = format!("clitic {}", c.prefix);
            if let Some(other) = plural.then(|| clitics::other_case(&key)).flatten() {
                readings.push(reading(&other, format!("{detail}, case ending")));
            }
            readings.push(reading(&key, detail));
        }
        let readings: Arc<[Reading]> = readings.into();
        self.clitic_memo.put(word, Arc::clone(&readings));
        Some(readings)
    }

    /// The longest form starting at token `i`, read as written or with clitics off its first word.
    fn longest_at(&self, v: &View<'_>, i: usize, readings: &[Reading]) -> Option<Found> {
        let tok = v.toks.get(i)?;
        let mut best: Option<(usize, u32, String)> = None;
        if let Some(terms) = v.terms(i) {
            if let Some((last, node)) = self.walk(v, i, terms) {
                best = Some((last, node, String::new()));
            }
        }
        {
            for c in readings {
                let Some(terms) = c.terms.as_deref() else {
                    continue;
                };
                if let Some((last, node)) = self.walk(v, i, terms) {
                    if best.as_ref().is_none_or(|b| last > b.0) {
                        best = Some((last, node, c.detail.to_string()));
                    }
                }
            }
        }
        let (last, node, clitic) = best?;
        let forms = self.terminal.get(&node)?;
        let r = forms.first()?;
        let entries = self.matcher.glossary().entries();
        let entry = entries.get(r.entry as usize)?;
        let surface = v
            .text
            .get(tok.start..v.toks.get(last)?.end)
            .unwrap_or_default();
        let form = entry.forms().nth(r.form as usize).unwrap_or_default();
        let compound = self.respelt.get(&node).copied();
        let (score, method) = if !clitic.is_empty() {
            (SCORE_CLITIC, Method::Normalized)
        } else if compound.is_some() {
            (SCORE_COMPOUND, Method::Normalized)
        } else if normalize::display(surface) == form {
            (SCORE_EXACT, Method::Exact)
        } else {
            let written = forms
                .iter()
                .filter_map(|f| entries.get(f.entry as usize)?.forms().nth(f.form as usize));
            if last == i && is_word_written_otherwise(surface, written) {
                return None;
            }
            (SCORE_NORMALIZED, Method::Normalized)
        };
        if last == i
            && (clitic.is_empty() && self.feminine_adjective_at(v, i, entry)
                || self.everyday_adjective_at(v, i, entry))
        {
            return None;
        }
        let mut detail = clitic;
        if let Some(compound) = compound {
            push_detail(&mut detail, compound);
        }
        // A form several entries share: name a few of the others.
        const OTHERS: usize = 3;
        for other in forms.iter().skip(1).take(OTHERS) {
            if let Some(o) = entries.get(other.entry as usize) {
                push_detail(&mut detail, &format!("also {}", o.id));
            }
        }
        if forms.len() > OTHERS + 1 {
            push_detail(
                &mut detail,
                &format!("and {} more", forms.len() - OTHERS - 1),
            );
        }
        Some(Found {
            first: i,
            last,
            entry: r.entry,
            score,
            method,
            detail,
            full_person: entry.kind == EntityType::Per,
            shared: (forms.len() > 1).then_some(node),
        })
    }

    /// Follows the trie from the root with `first_terms` (the terms of token `i`), then with the tokens after it
    /// while the gaps are soft; returns the last token and node of the longest form found.
    fn walk(&self, v: &View<'_>, i: usize, first_terms: &[u32]) -> Option<(usize, u32)> {
        let mut node = ROOT;
        for &t in first_terms {
            node = *self.edges.get(&(node, t))?;
        }
        let mut best = self.terminal.contains_key(&node).then_some((i, node));
        let mut j = i;
        while j + 1 < v.toks.len() && v.soft_after(j) {
            j += 1;
            let Some(terms) = v.terms(j) else {
                break;
            };
            let mut ok = true;
            for &t in terms {
                match self.edges.get(&(node, t)) {
                    Some(&c) => node = c,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                break;
            }
            if self.terminal.contains_key(&node) {
                best = Some((j, node));
            }
        }
        best
    }

    /// The term ids of a key, when every term is in the vocabulary.
    fn terms_of(&self, key: &str) -> Option<Vec<u32>> {
        key.split(' ')
            .filter(|t| !t.is_empty())
            .map(|t| self.vocab.get(t).copied())
            .collect::<Option<Vec<u32>>>()
            .filter(|t| !t.is_empty())
    }

    /// A cheap test (no allocation) that some clitic reading of a word with this key may start a form or be a
    /// family name: after taking one to four prefix letters off the key, the rest starts a form (with or without
    /// its article) or is a family name.
    fn may_have_clitics(&self, key: &str) -> bool {
        let mut rest = key;
        for _ in 0..4 {
            let Some(c) = rest.chars().next() else {
                return false;
            };
            if !matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ا') {
                return false;
            }
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
            if rest.len() < 4 {
                return false;
            }
            // No prefix ends in the article's alef (ال ends in ل): nothing to look up yet.
            if c == 'ا' {
                continue;
            }
            if self.clitic_filter.may_contain(rest)
                && (self.first_terms.contains(rest) || self.is_family(rest))
            {
                return true;
            }
        }
        false
    }

    /// A lone family name at token `i` (as written or behind clitics), to be resolved once the whole document
    /// is read; none where the name is a town written with its state ([`town_and_state_at`]: Austin, Texas).
    fn family_at(&self, v: &View<'_>, i: usize, readings: &[Reading]) -> Option<Pending> {
        self.family_name_at(v, i, readings)
            .filter(|_| !town_and_state_at(v, i))
            .filter(|p| {
                // Read whole (not behind a clitic, as وإسلامي is Eslami's name).
                !p.clitic.is_empty()
                    || v.toks
                        .get(i)
                        .and_then(|t| v.text.get(t.range()))
                        .is_none_or(|w| !hamza_word_behind_a_proclitic(w))
            })
            .filter(|p| p.token != p.last || !self.adjective_after_noun_at(v, i))
            .filter(|p| {
                p.token != p.last || !(father_name_at(v, i) || self.family_name_after(v, i))
            })
    }

    /// Whether the lone family name at token `i` is followed, across a soft gap, by what reads as another family
    /// name: an Arabic word with the article ending in ي, neither the adjective of a place
    /// ([`Scanner::is_adjective_of_place`]) nor a frequent word of the language. The word at `i` is then another
    /// person's given name (عباس الموسوي, not Mahmoud Abbas).
    fn family_name_after(&self, v: &View<'_>, i: usize) -> bool {
        let Some(next) = v.key(i + 1) else {
            return false;
        };
        v.soft_after(i)
            && v.toks.get(i + 1).is_some_and(|t| t.class == Class::Arabic)
            && titles::is_nisba(next)
            && next.ends_with('ي')
            && !self.is_adjective_of_place(next)
            && frequent(next).is_none()
    }

    /// An outlet named by a form that is an everyday word ([`Scanner::outlets`]) at token `i` (one or two tokens),
    /// where the word before makes it the outlet: a correspondent's or a camera's ([`words::BEFORE_OUTLET`]: بحسب
    /// مراسل الأناضول), or, with ل, what someone told it ([`words::TOLD_OUTLET`]: قال للأناضول, في تصريح للجزيرة).
    fn outlet_at(&self, v: &View<'_>, i: usize) -> Option<Found> {
        let before = i.checked_sub(1)?;
        let cue_of = |t: usize| match v.terms(t) {
            Some(&[term]) => self.cue_terms.get(term as usize).copied().unwrap_or(0),
            _ => 0,
        };
        let mut bits = cue_of(before);
        if bits == 0 {
            return None;
        }
        let mut cue_at = before;
        // ل written apart, the name in quotes after it (قال لـ"الأناضول").
        let apart = bits & CUE_APART_L != 0;
        if apart {
            cue_at = before.checked_sub(1)?;
            bits = cue_of(cue_at) & CUE_TOLD;
            if !v.soft_after(cue_at) {
                return None;
            }
        }
        if bits == 0 || self.outlets.is_empty() || !v.soft_or_quote_after(before) {
            return None;
        }
        // The word as written, for the detail.
        let cue = v.text.get(v.toks.get(cue_at)?.range())?;
        let key = v.key(i)?;
        // The form as written after a correspondent; ل and the form after what was said (للأناضول: الأناضول).
        let (name, clitic) = if apart {
            (Cow::Borrowed(key), true)
        } else if bits & CUE_BEFORE != 0 {
            (Cow::Borrowed(key), false)
        } else {
            let rest = key.strip_prefix("لل")?;
            (Cow::Owned(format!("ال{rest}")), true)
        };
        // Two tokens first (الشرق الأوسط), then one.
        let two = (v.soft_after(i))
            .then(|| v.key(i + 1))
            .flatten()
            .map(|next| format!("{name} {next}"));
        let (last, refs) = two
            .and_then(|two| self.outlets.get(two.as_str()).map(|r| (i + 1, r)))
            .or_else(|| self.outlets.get(name.as_ref()).map(|r| (i, r)))?;
        let r = refs.first()?;
        let (score, detail) = if clitic {
            (SCORE_CLITIC, format!("clitic ل, outlet after {cue}"))
        } else {
            (SCORE_NORMALIZED, format!("outlet after {cue}"))
        };
        Some(Found {
            first: i,
            last,
            entry: r.entry,
            score,
            method: Method::Normalized,
            detail,
            full_person: false,
            shared: None,
        })
    }

    /// Whether the word at token `i` is the adjective of a place ([`Scanner::is_adjective_of_place`]: السوداني,
    /// والبغدادي) right after a word with the article: a definite adjective follows its noun, and the family name
    /// the adjective also is names nobody there (المشهد السوداني "the Sudanese scene", الرئيس السوداني "the
    /// Sudanese president", not Mohammed Shia al-Sudani). After another adjective of a place it is a name again
    /// (رئيس الوزراء العراقي السوداني: two adjectives of nationality do not follow one noun).
    fn adjective_after_noun_at(&self, v: &View<'_>, i: usize) -> bool {
        let Some(before) = i.checked_sub(1) else {
            return false;
        };
        let (Some(word), Some(noun)) = (v.key(i), v.key(before)) else {
            return false;
        };
        let word = without_conjunction(word);
        v.soft_after(before)
            && v.toks.get(before).is_some_and(|t| t.class == Class::Arabic)
            && self.is_adjective_of_place(word)
            && has_article(noun)
            && !self.is_adjective_of_place(without_conjunction(noun))
    }

    /// Whether the word at token `i`, a form of place `entry` that is written like its feminine adjective (سورية,
    /// beside the entry's سوريا), follows an indefinite feminine noun or plural: a word without the article ending
    /// in ة or ات (لعائلة سورية "to a Syrian family", تنظيمات سورية "Syrian organizations"). An adjective agrees
    /// with its noun; after a preposition or a verb (إلى سورية, زار سورية) the word is the country.
    fn feminine_adjective_at(&self, v: &View<'_>, i: usize, entry: &Entry) -> bool {
        let Some(before) = i.checked_sub(1) else {
            return false;
        };
        let (Some(word), Some(noun)) = (v.key(i), v.key(before)) else {
            return false;
        };
        let Some(stem) = word.strip_suffix("يه") else {
            return false;
        };
        // The noun first: the entry's forms are normalized only after it.
        entry.kind == EntityType::Loc
            && v.soft_after(before)
            && v.toks.get(before).is_some_and(|t| t.class == Class::Arabic)
            && !has_article(noun)
            && !self.function_words.contains(noun)
            && noun.chars().count() >= 4
            && (noun.ends_with('ه') || noun.ends_with("ات"))
            && entry
                .forms()
                .any(|f| normalize::search(f).strip_suffix("يا") == Some(stem))
    }

    /// Whether token `i`, a place's one-word form written like an everyday adjective ([`words::ADJECTIVE_PLACES`]:
    /// مالي, Mali and "financial"), is the adjective here: right after one of its nouns (دعم مالي, ودعم مالي), or
    /// coordinated with one of its adjectives (مالي وإداري; عسكري ومالي, the form behind the conjunction و).
    fn everyday_adjective_at(&self, v: &View<'_>, i: usize, entry: &Entry) -> bool {
        let Some(key) = v.key(i).filter(|_| entry.kind == EntityType::Loc) else {
            return false;
        };
        let arabic_at = |j: usize| v.toks.get(j).is_some_and(|t| t.class == Class::Arabic);
        self.adjective_places.iter().any(|a| {
            let joined = match key.strip_prefix('و') {
                Some(rest) if rest == &*a.place => true,
                _ if key == &*a.place => false,
                _ => return false,
            };
            let before = i
                .checked_sub(1)
                .filter(|&b| v.soft_after(b) && arabic_at(b))
                .and_then(|b| v.key(b));
            let after = v
                .soft_after(i)
                .then(|| v.key(i + 1))
                .flatten()
                .filter(|_| arabic_at(i + 1));
            if joined {
                return before.is_some_and(|w| a.adjectives.contains(w));
            }
            let noun = before.is_some_and(|w| {
                a.nouns.contains(w)
                    || w.strip_prefix(['و', 'ف', 'ب', 'ل', 'ك'])
                        .is_some_and(|rest| a.nouns.contains(rest))
            });
            noun || after
                .and_then(|w| w.strip_prefix('و'))
                .is_some_and(|w| a.adjectives.contains(w))
        })
    }

    /// Whether a word (`search` key) is the nisba adjective of a place of the glossary: the article, the place's
    /// name and ي, the place's own article, final ا, يا or ية left off (السوداني: السودان, البغدادي: بغداد,
    /// الأوكراني: أوكرانيا, الأمريكي: أمريكا, السعودي: السعودية).
    fn is_adjective_of_place(&self, word: &str) -> bool {
        !self.places_of_adjective(word).is_empty()
    }

    /// The one-word places (`search` keys) a word is the nisba adjective of, as [`Scanner::is_adjective_of_place`]
    /// reads it.
    fn places_of_adjective(&self, word: &str) -> Vec<&str> {
        let Some(stem) = word
            .strip_prefix("ال")
            .and_then(|w| w.strip_suffix('ي'))
            .filter(|_| titles::is_nisba(word))
        else {
            return Vec::new();
        };
        [
            stem.to_string(),
            format!("ال{stem}"),
            format!("{stem}يا"),
            format!("{stem}ا"),
            format!("ال{stem}يه"),
        ]
        .iter()
        .filter_map(|place| self.place_words.get(place.as_str()).map(AsRef::as_ref))
        .collect()
    }

    /// Whether a word of tokens `k..=last` is the adjective of a place of the glossary, masculine or feminine
    /// (الإيراني, الإيرانية), where `form` has neither that word nor an adjective of the same place (الأرمينية
    /// and الأرمنية are both Armenia's): the phrase names something of another place.
    fn other_place_adjective(&self, v: &View<'_>, k: usize, last: usize, form: &str) -> bool {
        fn masculine(w: &str) -> &str {
            w.strip_suffix('ه')
                .filter(|m| m.ends_with('ي'))
                .unwrap_or(w)
        }
        let form = normalize::search(form);
        let form_places: Vec<&str> = form
            .split(' ')
            .flat_map(|f| self.places_of_adjective(masculine(f)))
            .collect();
        (k..=last).filter_map(|j| v.key(j)).any(|w| {
            let places = self.places_of_adjective(masculine(w));
            !places.is_empty()
                && !form.split(' ').any(|f| f == w)
                && !places.iter().any(|p| form_places.contains(p))
        })
    }

    /// [`Scanner::family_at`] before the town test.
    fn family_name_at(&self, v: &View<'_>, i: usize, readings: &[Reading]) -> Option<Pending> {
        if let Some(people) = v.terms(i).and_then(|t| match t {
            [t] => self.family.get(t),
            _ => None,
        }) {
            return Some(Pending {
                token: i,
                last: i,
                people: people.clone(),
                clitic: String::new(),
            });
        }
        if let Some(p) = self.son_of_at(v, i) {
            return Some(p);
        }
        if let Some(p) = self.latin_article_family_at(v, i) {
            return Some(p);
        }
        readings.iter().find_map(|c| {
            let people = self.family.get(&c.family?)?;
            Some(Pending {
                token: i,
                last: i,
                people: people.clone(),
                clitic: c.detail.to_string(),
            })
        })
    }

    /// A Latin family name with the article joined by a hyphen at token `i` (al-Assad, Al-Sharaa, ash-Shar…:
    /// [`crate::rules::romanized::is_latin_article`]): the name after the article, as the matcher reads such a
    /// query (`article al`). Arabic has its article inside the family name's own key (الأسد).
    fn latin_article_family_at(&self, v: &View<'_>, i: usize) -> Option<Pending> {
        if v.toks.get(i)?.class != Class::Latin {
            return None;
        }
        let (article, name) = v.key(i)?.split_once(' ')?;
        if name.contains(' ') || !crate::rules::romanized::is_latin_article(article, name) {
            return None;
        }
        let term = self.vocab.get(name)?;
        // Both tables: the bare name may be the glossary's too (Bashar Assad, Bashar al-Assad).
        let mut people: Vec<u32> = self.family.get(term).cloned().unwrap_or_default();
        for &e in self.article_family.get(term).into_iter().flatten() {
            if !people.contains(&e) {
                people.push(e);
            }
        }
        if people.is_empty() {
            return None;
        }
        Some(Pending {
            token: i,
            last: i,
            people,
            clitic: format!("article {article}"),
        })
    }

    /// A family name of two tokens at token `i`: "son of" (بن, or وبن behind the conjunction) and the next word,
    /// joined as the glossary's key is ([`titles::family_of_key`]: بن سلمان, بن غفير).
    fn son_of_at(&self, v: &View<'_>, i: usize) -> Option<Pending> {
        let key = v.key(i)?;
        let (clitic, particle) = match key.strip_prefix('و') {
            Some(rest) if titles::son_of(rest).is_some() => ("clitic و", rest),
            _ => ("", key),
        };
        let son = titles::son_of(particle)?;
        if !v.soft_after(i) {
            return None;
        }
        let name = v.key(i + 1)?;
        let term = self.vocab.get(format!("{son}{name}").as_str())?;
        let people = self.family.get(term)?;
        Some(Pending {
            token: i,
            last: i + 1,
            people: people.clone(),
            clitic: clitic.to_string(),
        })
    }

    /// Turns pending family names into mentions: the person named in full most recently before, else the only
    /// person of the glossary with that name, else the only one of them named anywhere in the document. Given names
    /// of that person written before it join the mention ([`Scanner::given_names_before`]).
    /// A family name that another person's given name comes before is no mention, and the words of that name go into
    /// `others`, for the fuzzy stage to leave alone.
    fn resolve_family(
        &self,
        v: &View<'_>,
        found: &mut Vec<Found>,
        pending: Vec<Pending>,
        others: &mut Vec<usize>,
    ) {
        // Full mentions of people in text order; one sweep keeps, per person, where it was last named.
        let mut full: Vec<(usize, u32)> = found
            .iter()
            .filter(|f| f.full_person)
            .map(|f| (f.first, f.entry))
            .collect();
        full.sort_unstable();
        let named: FxHashSet<u32> = full.iter().map(|&(_, e)| e).collect();
        let mut last_named: FxHashMap<u32, usize> = FxHashMap::default();
        let mut next = full.iter().peekable();
        for p in pending {
            while let Some(&&(at, e)) = next.peek() {
                if at >= p.token {
                    break;
                }
                last_named.insert(e, at);
                next.next();
            }
            let before = p
                .people
                .iter()
                .filter_map(|e| last_named.get(e).map(|&at| (at, *e)))
                .max()
                .map(|(_, e)| e);
            let mut anywhere = p.people.iter().filter(|e| named.contains(e));
            let only_named = match (anywhere.next(), anywhere.next()) {
                (Some(&e), None) => Some(e),
                _ => None,
            };
            // The people whose family name alone names them (not those of `named_first`: صدام حفتر beside
            // خليفة حفتر leaves حفتر alone to the father).
            let mut alone = p.people.iter().filter(|e| !self.named_first.contains(e));
            let only_person = match (alone.next(), alone.next()) {
                (Some(&e), None) => Some(e),
                _ => None,
            };
            let Some(entry) = before.or(only_person).or(only_named) else {
                continue;
            };
            let given = if p.clitic.is_empty() {
                self.given_names_before(v, &p, entry, found)
            } else {
                None
            };
            // Another given name right before the family name, or before the person's given names that come with
            // it, is another person (Hunter Biden, Asma al-Assad; نواف الأحمد الجابر الصباح beside مشعل الأحمد
            // الجابر الصباح), as is a family name alone right after a particle of names (آل الجابر "the house of
            // al-Jaber", أبو عباس): no mention.
            let first = given.unwrap_or(p.token);
            if p.clitic.is_empty()
                && (self.another_given_name_before(v, first, found)
                    || self.lineage_goes_on(v, &p, found)
                    || self.another_name_with_a_particle_before(v, first, entry, found))
                || given.is_none()
                    && (after_a_name_particle(v, p.token)
                        || self.name_goes_on_after(v, p.last, entry, found))
            {
                others.extend(first.saturating_sub(1)..=p.last);
                continue;
            }
            let (first, score, what) = match given {
                Some(first) => (first, SCORE_PART, "part of the name"),
                None => (p.token, SCORE_FAMILY, "family name"),
            };
            let mut detail = p.clitic;
            push_detail(&mut detail, what);
            found.push(Found {
                first,
                last: p.last,
                entry,
                score,
                method: Method::Normalized,
                detail,
                full_person: false,
                shared: None,
            });
        }
    }

    /// A form several places share (عمان: Amman and Oman) names, in a document, the one of them the document
    /// names by a form of its own (لسلطنة عُمان), when the first of them is named so nowhere: سلطان عمان
    /// beside سلطنة عمان is the Sultan of Oman. The other entries stay in `detail` (`also …`).
    fn prefer_the_entry_named_elsewhere(&self, found: &mut [Found]) {
        if found.iter().all(|f| f.shared.is_none()) {
            return;
        }
        // Places only: an outlet named in the document (صحيفة الشرق الأوسط) does not make the region of its name
        // (الشرق الأوسط) the outlet, nor OPEC+ (أوبك بلس) the OPEC of منظمة أوبك.
        let place = |e: u32| self.kind_of(e) == Some(EntityType::Loc);
        let named: FxHashSet<u32> = found
            .iter()
            .filter(|f| f.shared.is_none() && place(f.entry))
            .map(|f| f.entry)
            .collect();
        let entries = self.matcher.glossary().entries();
        for f in found.iter_mut() {
            let Some(forms) = f.shared.and_then(|node| self.terminal.get(&node)) else {
                continue;
            };
            if named.contains(&f.entry) || !place(f.entry) {
                continue;
            }
            let Some(other) = forms
                .iter()
                .map(|r| r.entry)
                .find(|e| *e != f.entry && named.contains(e))
            else {
                continue;
            };
            // The detail as written for the first entry, its "also" part for the chosen one.
            if let (Some(chosen), Some(first)) =
                (entries.get(other as usize), entries.get(f.entry as usize))
            {
                f.detail = f.detail.replace(
                    &format!("also {}", chosen.id),
                    &format!("also {}", first.id),
                );
                f.entry = other;
            }
        }
    }

    /// The type of entry `e` of the glossary.
    fn kind_of(&self, e: u32) -> Option<EntityType> {
        self.matcher
            .glossary()
            .entries()
            .get(e as usize)
            .map(|entry| entry.kind)
    }

    /// Whether `f`, a place named by one Latin word, follows another name (a capitalized given name: Michael
    /// Jordan, Denzel Washington), and so is a person's family name.
    fn place_is_a_family_name(&self, v: &View<'_>, f: &Found, found: &[Found]) -> bool {
        f.first == f.last
            && v.toks
                .get(f.first)
                .is_some_and(|t| t.class != Class::Arabic)
            && self.kind_of(f.entry) == Some(EntityType::Loc)
            && self.another_given_name_before(v, f.first, found)
    }

    /// Whether `f`, a person named by a kunya alone (أبو عبيدة: "father of" and a name, two words), follows another
    /// name: a kunya is borne by many, and after a given name it is that person's (الشيخ أحمد عمر أبو عبيدة, the
    /// leader of al-Shabaab, is not Hamas's spokesman of that kunya).
    /// The name before may also be a given name of the common-names table that is a word too (عمر "age").
    fn kunya_of_another(&self, v: &View<'_>, f: &Found, found: &[Found]) -> bool {
        f.last == f.first + 1
            && self.kind_of(f.entry) == Some(EntityType::Per)
            && v.key(f.first)
                .is_some_and(|k| matches!(k, "ابو" | "ابي" | "ابا"))
            && self
                .name_slot_before(v, f.first, found)
                .is_some_and(|before| {
                    self.is_name_of_its_own(v, before)
                        || v.key(before)
                            .is_some_and(crate::translit::plain::is_common_name)
                })
    }

    /// Whether `f`, a place named by one Latin word that is also a common English given name (Jordan, Chad, Israel,
    /// Georgia), comes right before another capitalized word that does not go on naming a place
    /// ([`words::PLACE_NAME_WORDS`]: the Jordan River, the Israel Defense Forces), and so is a person's given name
    /// (Jordan Peterson, Chad Smith, Israel Adesanya).
    fn place_is_a_given_name(&self, v: &View<'_>, f: &Found) -> bool {
        f.first == f.last
            && v.toks.get(f.first).is_some_and(|t| t.class == Class::Latin)
            && self.kind_of(f.entry) == Some(EntityType::Loc)
            && v.key(f.first)
                .is_some_and(crate::rules::given::is_given_name)
            && v.capitalized_after(f.last)
            && v.key(f.last + 1)
                .is_some_and(|next| !words::PLACE_NAME_WORDS.contains(&next))
    }

    /// Whether the token right before the name at token `at` is a name of its own (a name of the `plain` model's
    /// training data, [`crate::translit::plain::is_known_name`], or in Latin script a common English given name,
    /// [`crate::rules::given`]; capitalized in Latin script), in no mention already and no title. A family name
    /// after it is then another person's (Hunter Biden, Jill Biden, رفعت الأسد), since the person's own given
    /// names ([`Scanner::given_names_before`]) were tried first; a place's one Latin word after it is a person's
    /// family name (Michael Jordan).
    /// In Arabic script the given names of the `plain` common-names table count too (رانيا العبدالله), but not
    /// the table's other words ([`words::TABLE_WORDS_NOT_GIVEN`], particles and words with the article: حزب
    /// نتنياهو, الشيخ عباس), and one that is also a frequent word of the language only after a title (الشيخ صالح
    /// عباس, where أمل بوتين is Putin's hope).
    fn another_given_name_before(&self, v: &View<'_>, at: usize, found: &[Found]) -> bool {
        self.name_slot_before(v, at, found).is_some_and(|before| {
            self.is_name_of_its_own(v, before)
                || (is_given_name_of_the_table(v, before)
                    && (v.key(before).and_then(frequent) != Some(Frequent::Word)
                        || self.title_ends_at(v, before)))
        })
    }

    /// Whether a title (no verb of saying) ends right before token `at`, with only spaces between.
    fn title_ends_at(&self, v: &View<'_>, at: usize) -> bool {
        (at.saturating_sub(4)..at).any(|j| self.title_at(v, j) == Some((at, false)))
            && at.checked_sub(1).is_some_and(|j| v.soft_after(j))
    }

    /// Whether a family name of `person` at token `at` follows a name after a particle of names (خالد بن هلال
    /// البوسعيدي, عبد السلام بن محمد: [`words::NAME_PARTICLES`]) in which no word of the person's own names comes
    /// (خليفة أبو القاسم حفتر is Khalifa Haftar's name with his father's): another person's name.
    fn another_name_with_a_particle_before(
        &self,
        v: &View<'_>,
        at: usize,
        person: u32,
        found: &[Found],
    ) -> bool {
        let Some(before) = self.name_slot_before(v, at, found) else {
            return false;
        };
        if !after_a_name_particle(v, before) {
            return false;
        }
        let is_own = |i: usize| {
            v.key(i)
                .is_some_and(|k| !words::NAME_PARTICLES.contains(&k))
                && self.is_word_of_person(v, i, person)
        };
        // The name before, back through up to four words joined by spaces.
        let mut first = before;
        for _ in 0..4 {
            match first.checked_sub(1) {
                Some(p)
                    if v.soft_after(p)
                        && v.toks.get(p).is_some_and(|t| t.class == Class::Arabic) =>
                {
                    first = p;
                }
                _ => break,
            }
        }
        !(first..before).any(is_own)
    }

    /// Whether the family name `p` is "son of" and a name (بن عيسى) right after a person's mention, with only
    /// spaces between: the lineage of that name goes on (سلمان بن حمد بن عيسى, Salman son of Hamad son of Isa),
    /// and is not the person "bin Isa" names alone.
    fn lineage_goes_on(&self, v: &View<'_>, p: &Pending, found: &[Found]) -> bool {
        p.last == p.token + 1
            && v.key(p.token).is_some_and(|k| titles::son_of(k).is_some())
            && p.token.checked_sub(1).is_some_and(|before| {
                v.soft_after(before)
                    && found
                        .iter()
                        .any(|f| f.last == before && self.kind_of(f.entry) == Some(EntityType::Per))
            })
    }

    /// Whether the name goes on after a lone family name of `person` (token `last`) with a word of another name:
    /// the next word, Arabic, with only spaces between, in no mention already (`found`) and no word of the
    /// person's own names (إيشيبا شيغيرو), is a name of its own that is no everyday word, or a family name
    /// of the nisba's shape (ending in ي) that no table knows, no verb and no adjective of a place: البرلماني عباس
    /// مقتدائي, another person named Abbas. Running text goes on with a verb, a particle or a known word (عباس
    /// إن, استقبل عباس وفدا, سيلتقي).
    fn name_goes_on_after(&self, v: &View<'_>, last: usize, person: u32, found: &[Found]) -> bool {
        let next = last + 1;
        if !v.soft_after(last)
            || v.toks.get(next).is_none_or(|t| t.class != Class::Arabic)
            || found.iter().any(|f| f.covers(next))
        {
            return false;
        }
        let Some(key) = v.key(next) else {
            return false;
        };
        if self.is_word_of_person(v, next, person) {
            return false;
        }
        if key.starts_with(['و', 'ف']) || self.function_words.contains(key) {
            return false;
        }
        if self.is_name_of_its_own(v, next) {
            return frequent(key) != Some(Frequent::Word);
        }
        let verb = !key.starts_with("ال") && key.starts_with(['ي', 'ت', 'ن', 'س', 'ا']);
        key.chars().count() >= 5
            && key.ends_with('ي')
            && key.chars().all(normalize::is_arabic_letter)
            && !verb
            && !is_everyday_word(key)
            && !self.is_adjective_of_place(key)
    }

    /// Whether token `i` is one word of the names of `person` ([`Scanner::name_terms`]).
    fn is_word_of_person(&self, v: &View<'_>, i: usize, person: u32) -> bool {
        matches!((v.terms(i), self.name_terms.get(&person)), (Some([t]), Some(own)) if own.binary_search(t).is_ok())
    }

    /// The token right before token `at` where a name of its own may stand: in the same script, capitalized if
    /// Latin, with only spaces between, in no mention already (`found`) and no title.
    fn name_slot_before(&self, v: &View<'_>, at: usize, found: &[Found]) -> Option<usize> {
        let before = at.checked_sub(1)?;
        let (tok, next) = (v.toks.get(before)?, v.toks.get(at)?);
        (tok.class == next.class
            && (tok.class == Class::Arabic || v.capitalized_latin(before))
            && v.soft_after(before)
            && !found.iter().any(|f| f.covers(before))
            && self.title_at(v, before).is_none())
        .then_some(before)
    }

    /// Whether token `i` is a name of its own: a name of the `plain` model's training data, or in Latin script a
    /// common English given name.
    fn is_name_of_its_own(&self, v: &View<'_>, i: usize) -> bool {
        let latin = v.toks.get(i).is_some_and(|t| t.class != Class::Arabic);
        // An initial is no name of its own (ن. is one in the `plain` lexicon); a given name that is also a word
        // may be the word when it opens a sentence (Will China respond?).
        v.key(i).is_some_and(|key| {
            let known =
                |k: &str| k.chars().nth(1).is_some() && crate::translit::plain::is_known_name(k);
            // Behind the conjunction too (ومحمد البشير: one more name of a list, not Omar al-Bashir).
            known(key)
                || (!latin && key.strip_prefix(['و', 'ف']).is_some_and(known))
                || (latin
                    && crate::rules::given::is_given_name(key)
                    && !(words::GIVEN_NAMES_THAT_ARE_WORDS.contains(&key) && v.opens_sentence(i)))
        })
    }

    /// The first of up to three tokens right before the family name `p` that are given names of `person` in the
    /// order one of their names has them (طيب أردوغان, Tayyip Erdogan: [`name_parts`]), none of them in a mention
    /// already (`found`).
    fn given_names_before(
        &self,
        v: &View<'_>,
        p: &Pending,
        person: u32,
        found: &[Found],
    ) -> Option<usize> {
        let entry = self.matcher.glossary().entries().get(person as usize)?;
        let terms = self.name_terms.get(&person)?;
        // The words of each of the person's names, read once a word before the family name is a word of them.
        let mut names: Option<Vec<Vec<String>>> = None;
        let mut best = None;
        for first in (p.token.saturating_sub(3)..p.token).rev() {
            // A word of the person's names, or a Latin initial (N. Pashinyan), which `fits` checks.
            let is_word_of_name = matches!(v.terms(first), Some([t]) if terms.binary_search(t).is_ok())
                || (v.toks.get(first).is_some_and(|t| t.class == Class::Latin)
                    && v.key(first).is_some_and(|k| k.len() == 1));
            if !is_word_of_name || !v.soft_after(first) || found.iter().any(|f| f.covers(first)) {
                break;
            }
            let names = names.get_or_insert_with(|| {
                entry
                    .forms()
                    .map(|f| name_parts::name_words(&joined_keys(&token_keys(f))))
                    .collect()
            });
            let text: Vec<&str> = (first..=p.last).filter_map(|i| v.key(i)).collect();
            let words = name_parts::name_words(&text.join(" "));
            let Some((family, given)) = words.split_last() else {
                continue;
            };
            let part = name_parts::NamePart {
                family: family.clone(),
                given: name_parts::spell_initials(given.to_vec()),
                family_first: false,
            };
            if names.iter().any(|n| part.fits(n)) {
                best = Some(first);
            }
        }
        best
    }

    /// Unseen spellings where a name is expected: after titles, and capitalized Latin words. `others`: the first
    /// tokens of two-word names of people outside the glossary, left alone.
    fn fuzzy(&self, v: &View<'_>, found: &mut Vec<Found>, others: &[usize]) {
        let n = v.toks.len();
        let mut covered = vec![false; n];
        for f in found.iter() {
            for c in covered.iter_mut().take(f.last + 1).skip(f.first) {
                *c = true;
            }
        }
        for &o in others {
            for c in covered.iter_mut().take(o + 2).skip(o) {
                *c = true;
            }
        }
        let mut i = 0;
        while i < n {
            // A word of a mention already found is no title to look after (حسين الشيخ نائبا له: الشيخ is part
            // of the name, and what follows it no name).
            if covered.get(i).copied().unwrap_or(false) {
                i += 1;
                continue;
            }
            // A ruler by title and given name (الملك عبد الله, after a verb of saying too: وقال الملك عبد الله):
            // the title is part of the mention.
            let titled = match self.title_at(v, i) {
                Some((after, false)) => Some((i, after)),
                Some((after, true)) => self
                    .title_at(v, after)
                    .filter(|&(next, verb)| !verb && next > after)
                    .map(|(next, _)| (after, next)),
                None => None,
            };
            if let Some(f) =
                titled.and_then(|(title, after)| self.title_name_at(v, title, after, &covered))
            {
                for c in covered.iter_mut().take(f.last + 1).skip(f.first) {
                    *c = true;
                }
                i = f.last + 1;
                found.push(f);
                continue;
            }
            let start = if let Some((after, verb)) = self.title_at(v, i) {
                // After a verb of saying, the speaker's name comes at once, or after a title (وقال الرئيس X). A
                // name already found there is the speaker, and a word of the language (قال مسؤول، أكد البيان)
                // starts no name: neither is looked up, nor what follows.
                let title_next = self.title_at(v, after).filter(|t| t.0 > after);
                let speaker_word = verb
                    && title_next.is_none()
                    && (covered.get(after).copied().unwrap_or(true)
                        || v.key(after)
                            .is_some_and(|w| frequent(w) == Some(Frequent::Word)));
                // Skip nationality adjectives, names already found and further titles (الرئيس الروسي X, المتحدث
                // باسم الكرملين X, وقال الرئيس X).
                let mut k = after;
                let mut skipped = 0;
                while k < n && skipped < 3 && v.soft_after(k.saturating_sub(1)) && !speaker_word {
                    let adjective = v.key(k).is_some_and(titles::is_nisba);
                    if let Some((next, _)) = self.title_at(v, k).filter(|t| t.0 > k) {
                        k = next;
                        skipped += 1;
                    } else if !verb || k > after {
                        if covered.get(k).copied().unwrap_or(false) || adjective {
                            k += 1;
                            skipped += 1;
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                (k < n && k > 0 && v.soft_after(k - 1) && !speaker_word).then_some(k)
            } else if v.capitalized_latin(i) {
                Some(i)
            } else {
                None
            };
            let Some(k) = start else {
                i += 1;
                continue;
            };
            if let Some(f) = self.fuzzy_at(v, k, &covered) {
                for c in covered.iter_mut().take(f.last + 1).skip(f.first) {
                    *c = true;
                }
                i = f.last + 1;
                found.push(f);
            } else {
                i = k.max(i) + 1;
            }
        }
    }

    /// A fuzzy or cross-script match of tokens `k..=k+1` or `k` alone (uncovered, four letters or more).
    fn fuzzy_at(&self, v: &View<'_>, k: usize, covered: &[bool]) -> Option<Found> {
        let free = |j: usize| !covered.get(j).copied().unwrap_or(true);
        let letters = |j: usize| v.key(j).map_or(0, count_letters);
        // Phrases of up to three words (رجب طيب أردوجان), longest first; a single word needs four letters, a
        // phrase whose every word is free (not already a mention) needs three per word on average. A shorter
        // phrase that finds the same entry with a higher score is the mention: the words after it only lowered
        // the score (فلاديمير بوتن, not فلاديمير بوتن إن).
        // Each word's letters counted once for the three phrase lengths.
        let mut counts = [0usize; 3];
        for (x, c) in counts.iter_mut().enumerate() {
            *c = letters(k + x);
        }
        // Whether each of the three words starts a religious formula (نصره الله), read once for the three lengths.
        let mut formula = [false; 3];
        for (x, f) in formula.iter_mut().enumerate() {
            *f = match (v.key(k + x), v.key(k + x + 1)) {
                (Some(a), Some(b)) => words::is_formula(&format!("{a} {b}")),
                _ => false,
            };
        }
        let mut best: Option<Found> = None;
        for len in (1..=3usize).rev() {
            let last = k + len - 1;
            if last >= v.toks.len() || !(k..=last).all(free) {
                continue;
            }
            if !(k..last).all(|j| v.soft_after(j)) {
                continue;
            }
            // A name does not end with a preposition or a particle: the phrase would only be a close spelling of a
            // longer name by its letters (الحوثي إن, like الحوثيون); nor is a religious formula one (نصره الله).
            if len > 1 && v.key(last).is_some_and(|w| self.function_words.contains(w)) {
                continue;
            }
            // Nor is a religious formula (نصره الله) or the first word of one (نصره) any name.
            if formula.iter().take(len).any(|&f| f) {
                continue;
            }
            let total: usize = counts.iter().take(len).sum();
            let enough = if len == 1 {
                total >= 4
            } else {
                total >= 3 * len
            };
            if !enough {
                continue;
            }
            let (Some(a), Some(b)) = (v.toks.get(k), v.toks.get(last)) else {
                continue;
            };
            let surface = v.text.get(a.start..b.end).unwrap_or_default();
            // A frequent word with an attached pronoun is that word (باشر تبون مهامه "took up his duties": not
            // John Mahama).
            if len == 1 && clitics::is_word_with_a_pronoun(surface) {
                continue;
            }
            let Some(h) = self.fuzzy_lookup_cached(surface) else {
                continue;
            };
            // A place's adjective (الإيرانية) says which country: a close spelling has it as written (وزارة
            // الخارجية الإيرانية is not وزارة الخارجية الأرمنية, Armenia's ministry).
            if self.other_place_adjective(v, k, last, &h.form) {
                continue;
            }
            // A Latin word right before another capitalized one is a given name (Rashida Tlaib), no person's
            // close spelling on its own (Abdul Latif Rashid).
            if len == 1
                && a.class == Class::Latin
                && v.capitalized_after(k)
                && self.kind_of(h.entry) == Some(EntityType::Per)
            {
                continue;
            }
            // A shorter phrase read as a name (Abdullah II in: the regnal name) is the mention over a longer one's
            // lower close spelling of another entry (Amir-Abdollahian).
            let read_better =
                h.reading.is_some() && best.as_ref().is_some_and(|b| h.score > b.score);
            match &best {
                Some(b) if (b.entry != h.entry && !read_better) || b.score >= h.score => {}
                _ => {
                    best = Some(Found {
                        first: k,
                        last,
                        entry: h.entry,
                        score: h.score,
                        method: h.method,
                        detail: match h.reading {
                            Some(reading) => reading.to_string(),
                            None => format!("like {}", h.form),
                        },
                        full_person: false,
                        shared: None,
                    });
                }
            }
        }
        best
    }

    /// [`Scanner::fuzzy_lookup`], each distinct phrase looked up once (the answer depends on nothing else).
    fn fuzzy_lookup_cached(&self, surface: &str) -> Option<FuzzyHit> {
        if let Some(hit) = self.fuzzy_cache.get(surface) {
            return hit;
        }
        let hit = self.fuzzy_lookup(surface);
        self.fuzzy_cache.put(surface, hit.clone());
        hit
    }

    /// The best fuzzy or cross-script match of a phrase at the running-text threshold.
    fn fuzzy_lookup(&self, surface: &str) -> Option<FuzzyHit> {
        let reading = |detail: &str| {
            [
                crate::matcher::TITLE_AND_GIVEN_NAME,
                crate::matcher::LINEAGE_WITHOUT_HOUSE,
                crate::matcher::REGNAL_NAME,
                crate::matcher::COMPOUND_ONE_WORD,
                crate::matcher::COMPOUND_TWO_WORDS,
            ]
            .into_iter()
            .find(|r| *r == detail)
        };
        let m = self.matcher.lookup(surface).into_iter().find(|m| {
            (matches!(m.method, Method::Fuzzy | Method::Translit)
                && m.score >= self.options.fuzzy_threshold)
                || reading(&m.detail).is_some()
        })?;
        let entry = entry_index(self.matcher.glossary().entries(), m.entry)?;
        Some(FuzzyHit {
            entry: u32::try_from(entry).ok()?,
            score: m.score,
            method: m.method,
            form: m.form.to_string(),
            reading: reading(&m.detail),
        })
    }

    /// A ruler or cleric named by title and given name after the title that starts at token `i` and ends before
    /// `after` (الملك عبد الله, والسلطان هيثم: [`Matcher::lookup`]'s reading by title and given name), the title's
    /// words in the mention as in Latin script (King Charles); a leading و or ف read off.
    fn title_name_at(
        &self,
        v: &View<'_>,
        i: usize,
        after: usize,
        covered: &[bool],
    ) -> Option<Found> {
        let free = |j: usize| !covered.get(j).copied().unwrap_or(true);
        // The name: one word, or two after a particle (عبد الله).
        let last = if v
            .key(after)
            .is_some_and(|k| crate::matcher::titles::JOINERS.contains(&k))
        {
            after + 1
        } else {
            after
        };
        if !(after..=last).all(free) || !(i..last).all(|j| v.soft_after(j)) {
            return None;
        }
        let (a, b) = (v.toks.get(i)?, v.toks.get(last)?);
        let written = v.text.get(a.start..b.end)?;
        // Only a title of rulers or clergy can name someone so (the others are not looked up), as written or
        // behind و or ف (والسلطان هيثم).
        let surface = std::iter::once(written)
            .chain(written.strip_prefix(['و', 'ف']))
            .find(|s| titles::title_and_name(&normalize::search(s)).is_some())?;
        let h = self
            .fuzzy_lookup_cached(surface)
            .filter(|h| h.reading == Some(crate::matcher::TITLE_AND_GIVEN_NAME))?;
        Some(Found {
            first: i,
            last,
            entry: h.entry,
            score: h.score,
            method: h.method,
            detail: crate::matcher::TITLE_AND_GIVEN_NAME.to_string(),
            full_person: false,
            shared: None,
        })
    }

    /// When a title phrase or a verb of saying starts at token `i` (possibly behind و or ف), the token after it,
    /// and whether it is a verb.
    fn title_at(&self, v: &View<'_>, i: usize) -> Option<(usize, bool)> {
        let first = v.key(i)?;
        let by_first = if matches!(v.terms(i), Some(&[t]) if self.title_terms.get(t as usize) == Some(&true))
        {
            self.titles_by_head.get(first)
        } else {
            None
        };
        let bare = first
            .strip_prefix('و')
            .or_else(|| first.strip_prefix('ف'))
            .unwrap_or(first);
        let by_bare = if bare.len() < first.len() && self.title_filter.may_contain(bare) {
            self.titles_by_head.get(bare)
        } else {
            None
        };
        if by_first.is_none() && by_bare.is_none() {
            return None;
        }
        // The longest title that starts here (the order of the titles does not matter).
        let mut best: Option<(usize, bool)> = None;
        for &x in by_first.into_iter().chain(by_bare).flatten() {
            let Some(t) = self.titles.get(x) else {
                continue;
            };
            let mut j = i;
            let ok = t.iter().enumerate().skip(1).all(|(x, want)| {
                j = i + x;
                v.soft_after(j - 1) && v.key(j).is_some_and(|k| k == want)
            });
            if ok && best.is_none_or(|b| j + 1 > b.0) {
                best = Some((j + 1, x >= words::TITLES.len()));
            }
        }
        best
    }
}

/// The words of a set in sorted order (term ids given in a fixed order, whatever the set's hashing).
fn words_sorted(set: &FxHashSet<String>) -> Vec<&str> {
    let mut words: Vec<&str> = set.iter().map(String::as_str).collect();
    words.sort_unstable();
    words
}

/// Where an article came off, only the reading that puts it back counts (للكرملين → الكرملين, not كرملين): a name
/// written with the article in the glossary keeps it, and one written without (أرمينية) never takes one (the
/// adjective الأرمينية).
fn article_kept(c: &clitics::Candidate) -> bool {
    let took_article = c.prefix.ends_with("ال") || c.prefix.ends_with("لل");
    !took_article || c.stem.starts_with("ال")
}

/// How many letters (alphabetic characters) a key holds: basic Arabic and ASCII letters are answered here, the
/// rest by `char::is_alphabetic` (whose table search is slow).
fn count_letters(key: &str) -> usize {
    key.chars().filter(|&c| is_letter(c)).count()
}

/// `char::is_alphabetic`, quick for basic Arabic and ASCII letters.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphabetic(),
    }
}

/// Whether a word of the text that `search` folds onto one-word forms is rather a word of the language written
/// as such: it is a frequent word ([`Frequent::Word`]), and it writes a letter that no form has: a hamza on an alef
/// where the form has a bare alef (وأمّ "and a mother" is not وام, the Emirates News Agency; text leaves hamzas
/// out, it does not add them), or ه at the end where the form has ة (جده "his grandfather" is not جدة, Jeddah).
fn is_word_written_otherwise<'f>(surface: &str, forms: impl Iterator<Item = &'f str>) -> bool {
    let key = normalize::search(surface);
    if key.contains(' ') || frequent(&key) != Some(Frequent::Word) {
        return false;
    }
    let letters = |w: &str| -> Vec<char> {
        normalize::display(w)
            .chars()
            .filter(|&c| normalize::is_arabic_letter(c))
            .collect()
    };
    let text = letters(surface);
    let mut any = false;
    for form in forms {
        any = true;
        let form = letters(form);
        let hamza_added = text.len() == form.len()
            && text
                .iter()
                .zip(&form)
                .any(|(&t, &f)| matches!(t, 'أ' | 'إ' | 'آ') && f == 'ا');
        let ta_lost = text.last() == Some(&'ه') && form.last() == Some(&'ة');
        if !hamza_added && !ta_lost {
            return false;
        }
    }
    any
}

fn push_detail(detail: &mut String, s: &str) {
    if !detail.is_empty() {
        detail.push_str(", ");
    }
    detail.push_str(s);
}

/// A match found by the first passes, by token index.
#[derive(Debug)]
struct Found {
    first: usize,
    last: usize,
    entry: u32,
    score: f64,
    method: Method,
    detail: String,
    /// A full form of a person (not a family name alone): names the person for later family names.
    full_person: bool,
    /// The trie node of a form that several entries share (عمان: Amman and Oman), to choose among them once the
    /// whole document is read ([`Scanner::prefer_the_entry_named_elsewhere`]).
    shared: Option<u32>,
}

impl Found {
    /// Whether token `i` is part of this match.
    fn covers(&self, i: usize) -> bool {
        self.first <= i && i <= self.last
    }
}

/// The position of `entry` in `entries`, when it is one of them (by address: a match borrows its entry from the
/// glossary), without walking the slice.
fn entry_index(entries: &[Entry], entry: &Entry) -> Option<usize> {
    let size = std::mem::size_of::<Entry>().max(1);
    let offset = (entry as *const Entry as usize).checked_sub(entries.as_ptr() as usize)?;
    let i = offset / size;
    (offset % size == 0 && entries.get(i).is_some_and(|e| std::ptr::eq(e, entry))).then_some(i)
}

/// A fuzzy match of a phrase, kept for the rest of the document.
#[derive(Clone, Debug)]
struct FuzzyHit {
    entry: u32,
    score: f64,
    method: Method,
    form: String,
    /// The reading that found it when not a close spelling: title and given name (King Charles, الملك عبد الله),
    /// a name of lineage without its house (Hamad bin Isa) or a regnal name (Mohammed VI), as [`Matcher::lookup`]
    /// gives its `detail`.
    reading: Option<&'static str>,
}

/// One clitic reading of a word, worked out once: what [`Scanner::longest_at`] and [`Scanner::family_at`] need
/// of a [`clitics::Candidate`].
#[derive(Debug)]
struct Reading {
    /// The term ids of the stem's key, when every term is in the vocabulary.
    terms: Option<Box<[u32]>>,
    /// The stem's term, when it is a family name.
    family: Option<u32>,
    /// `clitic` and the prefix taken off (`clitic و`).
    detail: Box<str>,
}

/// A lone family name waiting for the whole document.
struct Pending {
    /// The first and last tokens of the name (two for بن سلمان).
    token: usize,
    last: usize,
    people: Vec<u32>,
    clitic: String,
}

/// Whether Latin token `i` is a town written with its state (Austin, Texas; Jordan, New York; Paris, Texas): then
/// a comma and one of [`words::US_STATES`], of one word or two, and no capitalized word right after it (Trump,
/// Texas Governor Greg Abbott: a list of names); or a town of [`words::GEORGIA_TOWNS`] and Georgia (Athens,
/// Georgia), which [`georgia_after_town_at`] tells.
fn town_and_state_at(v: &View<'_>, i: usize) -> bool {
    if georgia_after_town_at(v, i + 1) {
        return true;
    }
    let (Some(tok), Some(next)) = (v.toks.get(i), v.toks.get(i + 1)) else {
        return false;
    };
    if tok.class != Class::Latin || v.text.get(tok.end..next.start) != Some(", ") {
        return false;
    }
    let word = |t: &Token| v.text.get(t.range()).map(str::to_ascii_lowercase);
    // Token `j`, when one space alone comes before it.
    let after_space = |j: usize| {
        let (before, t) = (v.toks.get(j.checked_sub(1)?)?, v.toks.get(j)?);
        (v.text.get(before.end..t.start) == Some(" ")).then_some(t)
    };
    let Some(first) = word(next) else {
        return false;
    };
    let second = after_space(i + 2)
        .and_then(word)
        .map(|w| format!("{first} {w}"));
    let words = if words::US_STATES.contains(&first.as_str()) {
        1
    } else if second
        .as_deref()
        .is_some_and(|s| words::US_STATES.contains(&s))
    {
        2
    } else {
        return false;
    };
    !after_space(i + 1 + words).is_some_and(|t| {
        v.text
            .get(t.range())
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// Whether Latin token `j` is Georgia, the US state, after one of its towns ([`words::GEORGIA_TOWNS`], of one word
/// or two) and a comma (ATLANTA, Georgia (AP) —; Rome, Georgia; Atlanta, Georgia Governor Brian Kemp). Unlike a
/// state of [`words::US_STATES`], whatever follows: the town already says which Georgia.
fn georgia_after_town_at(v: &View<'_>, j: usize) -> bool {
    let word = |t: &Token| v.text.get(t.range()).map(str::to_ascii_lowercase);
    let Some(state) = v.toks.get(j) else {
        return false;
    };
    if state.class != Class::Latin || word(state).as_deref() != Some("georgia") {
        return false;
    }
    let Some(town) = j.checked_sub(1).and_then(|t| v.toks.get(t)) else {
        return false;
    };
    if v.text.get(town.end..state.start) != Some(", ") {
        return false;
    }
    let Some(last) = word(town) else {
        return false;
    };
    let two_words = j
        .checked_sub(2)
        .and_then(|t| v.toks.get(t))
        .filter(|before| v.text.get(before.end..town.start) == Some(" "))
        .and_then(word)
        .is_some_and(|first| words::GEORGIA_TOWNS.contains(&format!("{first} {last}").as_str()));
    two_words || words::GEORGIA_TOWNS.contains(&last.as_str())
}

/// The tokens of one document with their keys and term ids.
struct View<'t> {
    text: &'t str,
    toks: &'t [Token],
    /// Each token's key: a range of the text (the token is its own key) or of `buf`.
    keys: Vec<(bool, u32, u32)>,
    /// The keys that differ from their tokens, one after the other.
    buf: String,
    /// For each token, the range of its term ids in `terms`, or `None` when a term is not in the vocabulary.
    spans: Vec<Option<(u32, u32)>>,
    terms: Vec<u32>,
}

impl<'t> View<'t> {
    /// `letters`: each token's letter bits from the tokenizer, which spare reading it again for its key.
    fn new(scanner: &Scanner<'_>, text: &'t str, toks: &'t [Token], letters: &[u8]) -> View<'t> {
        let mut v = View {
            text,
            toks,
            keys: Vec::with_capacity(toks.len()),
            buf: String::new(),
            spans: Vec::with_capacity(toks.len()),
            terms: Vec::with_capacity(toks.len()),
        };
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        for (k, t) in toks.iter().enumerate() {
            let raw = text.get(t.range()).unwrap_or_default();
            let at = v.buf.len();
            let seen = letters.get(k).copied().unwrap_or(0);
            let kind = if seen & tokenize::LETTERS_STABLE != 0 {
                KeyKind::Itself
            } else if seen & tokenize::LETTERS_BASIC != 0 {
                fold_into(raw, &mut v.buf)
            } else {
                key_into(raw, &mut v.buf)
            };
            let (key, entry) = if kind == KeyKind::Itself {
                (raw, (false, to_u32(t.start), to_u32(t.end)))
            } else {
                let key = v.buf.get(at..).unwrap_or_default();
                (key, (true, to_u32(at), to_u32(v.buf.len())))
            };
            let from = v.terms.len();
            let known = if kind == KeyKind::Search && key.contains(' ') {
                key.split(' ')
                    .filter(|p| !p.is_empty())
                    .all(|part| match scanner.vocab.get(part) {
                        Some(&id) => {
                            v.terms.push(id);
                            true
                        }
                        None => false,
                    })
            } else {
                match scanner.vocab.get(key) {
                    Some(&id) => {
                        v.terms.push(id);
                        true
                    }
                    None => false,
                }
            };
            if !known || v.terms.len() == from {
                v.terms.truncate(from);
                v.spans.push(None);
            } else {
                v.spans.push(Some((to_u32(from), to_u32(v.terms.len()))));
            }
            v.keys.push(entry);
        }
        v
    }

    /// The `search` key of token `i`.
    fn key(&self, i: usize) -> Option<&str> {
        let &(in_buf, a, b) = self.keys.get(i)?;
        let src = if in_buf { self.buf.as_str() } else { self.text };
        src.get(a as usize..b as usize)
    }

    fn terms(&self, i: usize) -> Option<&[u32]> {
        let (a, b) = (*self.spans.get(i)?)?;
        self.terms.get(a as usize..b as usize)
    }

    /// Whether the gap after token `i` lets a name continue.
    fn soft_after(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => tokenize::gap_between(self.text, a, b) == Gap::Soft,
            _ => false,
        }
    }

    /// Whether the gap after token `i` is soft or an opening quotation mark (مراسل "الأناضول", لـ«الجزيرة»).
    fn soft_or_quote_after(&self, i: usize) -> bool {
        if self.soft_after(i) {
            return true;
        }
        let (Some(a), Some(b)) = (self.toks.get(i), self.toks.get(i + 1)) else {
            return false;
        };
        self.text
            .get(a.end..b.start)
            .is_some_and(|gap| matches!(gap.trim(), "\"" | "«" | "“" | "'"))
    }

    /// Whether token `i` opens a sentence: the first of the text, or after a full stop, a question or exclamation
    /// mark, a colon, a quotation mark or a line break.
    fn opens_sentence(&self, i: usize) -> bool {
        let Some(tok) = self.toks.get(i) else {
            return false;
        };
        let from = i
            .checked_sub(1)
            .and_then(|p| self.toks.get(p))
            .map_or(0, |p| p.end);
        self.text.get(from..tok.start).is_none_or(|gap| {
            (from == 0 && gap.trim().is_empty())
                || gap.contains(['.', '?', '!', ':', '"', '“', '\n'])
        })
    }

    /// Whether token `i` is followed, across a soft gap, by a capitalized Latin word.
    fn capitalized_after(&self, i: usize) -> bool {
        self.soft_after(i) && self.capitalized_latin(i + 1)
    }

    /// Whether token `i` is a Latin word that starts with a capital.
    fn capitalized_latin(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.class == Class::Latin
                && self
                    .text
                    .get(t.range())
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_uppercase)
        })
    }
}

/// The `search` key of one token, borrowed when the token is already in `search` form (plain Arabic letters,
/// lower-case ASCII), folded here without the full normalizer when it holds only basic Arabic letters (the alef
/// forms, ى, ؤ, ئ, final ة), and through [`normalize::search`] otherwise. The three paths agree (a property test
/// checks it).
pub fn token_key(token: &str) -> Cow<'_, str> {
    let mut out = String::new();
    if token_key_into(token, &mut out) {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(token)
    }
}

/// [`token_key`] without allocating: appends the key to `buf` and returns `true`, or returns `false` (and leaves
/// `buf` alone) when the token is its own key.
fn token_key_into(token: &str, buf: &mut String) -> bool {
    key_into(token, buf) != KeyKind::Itself
}

/// How a token's key was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyKind {
    /// The token is its own key (nothing appended).
    Itself,
    /// Basic Arabic letters folded here: one term, no space.
    Folded,
    /// Through [`normalize::search`]: may hold several terms separated by spaces.
    Search,
}

/// Bit `k` set: the character U+0600 + `k` (lead byte D8) or U+0640 + `k` (lead byte D9) is stable, or folds.
const fn arabic_mask(base: u32, fold: bool) -> u64 {
    let mut mask = 0u64;
    let mut k = 0u32;
    while k < 64 {
        if let Some(c) = char::from_u32(base + k) {
            let hit = if fold {
                fold_basic(c, false).is_some()
            } else {
                is_stable(c)
            };
            if hit {
                mask |= 1 << k;
            }
        }
        k += 1;
    }
    mask
}

const STABLE_D8: u64 = arabic_mask(0x0600, false);
const STABLE_D9: u64 = arabic_mask(0x0640, false);
const FOLDS_D8: u64 = arabic_mask(0x0600, true);
const FOLDS_D9: u64 = arabic_mask(0x0640, true);

/// The key of `token`, appended to `buf` unless the token is its own key. The tokens of running text are nearly
/// all lower-case ASCII or basic Arabic letters (two bytes each, lead byte D8 or D9), tested a byte or two at a
/// time against the masks above ([`is_stable`] and [`fold_basic`] worked out for each character).
fn key_into(token: &str, buf: &mut String) -> KeyKind {
    let bytes = token.as_bytes();
    let mut folds = false;
    let mut i = 0;
    while let Some(&b0) = bytes.get(i) {
        if b0 < 0x80 {
            if !(b0.is_ascii_lowercase() || b0.is_ascii_digit()) {
                return search_into(token, buf);
            }
            i += 1;
            continue;
        }
        let (stable, fold) = match b0 {
            0xD8 => (STABLE_D8, FOLDS_D8),
            0xD9 => (STABLE_D9, FOLDS_D9),
            _ => return search_into(token, buf),
        };
        let bit = 1u64 << (bytes.get(i + 1).map_or(0, |b| b & 0x3F));
        if stable & bit == 0 {
            if fold & bit == 0 {
                return search_into(token, buf);
            }
            folds = true;
        }
        i += 2;
    }
    if !folds {
        return KeyKind::Itself;
    }
    fold_into(token, buf)
}

/// The key of a token of lower-case ASCII letters, digits and basic Arabic letters, some of which fold: appended
/// to `buf`.
fn fold_into(token: &str, buf: &mut String) -> KeyKind {
    let bytes = token.as_bytes();
    // Copy the runs between letters that fold, and the folded letters (two bytes, as the letters they replace).
    buf.reserve(token.len());
    let mut run = 0;
    let mut at = 0;
    while let Some(&b0) = bytes.get(at) {
        if b0 < 0x80 {
            at += 1;
            continue;
        }
        let b1 = bytes.get(at + 1).map_or(0, |b| b & 0x3F);
        let (base, fold) = if b0 == 0xD8 {
            (0x0600, FOLDS_D8)
        } else {
            (0x0640, FOLDS_D9)
        };
        if fold & (1u64 << b1) != 0 {
            let c = char::from_u32(base + u32::from(b1)).unwrap_or_default();
            let last = at + 2 == bytes.len();
            if let Some(f) = fold_basic(c, last).filter(|&f| f != c) {
                buf.push_str(token.get(run..at).unwrap_or_default());
                buf.push(f);
                run = at + 2;
            }
        }
        at += 2;
    }
    buf.push_str(token.get(run..).unwrap_or_default());
    KeyKind::Folded
}

fn search_into(token: &str, buf: &mut String) -> KeyKind {
    buf.push_str(&normalize::search(token));
    KeyKind::Search
}

/// Characters that the `search` level leaves unchanged wherever they stand.
const fn is_stable(c: char) -> bool {
    match c {
        'a'..='z' | '0'..='9' => true,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => {
            !matches!(c, 'آ' | 'أ' | 'إ' | 'ى' | 'ة' | 'ؤ' | 'ئ')
        }
        _ => false,
    }
}

/// The `search` fold of a basic Arabic letter that changes (`last`: it ends the word).
const fn fold_basic(c: char, last: bool) -> Option<char> {
    match c {
        'آ' | 'أ' | 'إ' => Some('ا'),
        'ى' | 'ئ' => Some('ي'),
        'ؤ' => Some('و'),
        'ة' => Some(if last { 'ه' } else { 'ة' }),
        _ => None,
    }
}

/// A form's token keys as one string, the terms joined by spaces.
fn joined_keys(keys: &[Vec<String>]) -> String {
    let terms: Vec<&str> = keys.iter().flatten().map(String::as_str).collect();
    terms.join(" ")
}

/// Whether the word before token `i` is "son of" (بن، ابن: منصور بن مشعل), across a soft gap: the word at `i` is
/// then a father's name, not a person's family name alone.
fn father_name_at(v: &View<'_>, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|before| {
        v.soft_after(before) && v.key(before).is_some_and(|w| titles::son_of(w).is_some())
    })
}

/// The `search` keys of a list of words.
fn search_keys<'a>(words: impl IntoIterator<Item = &'a &'a str>) -> FxHashSet<Box<str>> {
    words
        .into_iter()
        .map(|w| normalize::search(w).into())
        .collect()
}

/// A `search` key without the conjunction و or ف before an article (والسوداني: السوداني).
fn without_conjunction(key: &str) -> &str {
    key.strip_prefix(['و', 'ف'])
        .filter(|rest| rest.starts_with("ال"))
        .unwrap_or(key)
}

/// A place written like an everyday adjective, at the `search` level ([`words::ADJECTIVE_PLACES`]).
#[derive(Debug)]
struct AdjectivePlace {
    place: Box<str>,
    nouns: FxHashSet<Box<str>>,
    adjectives: FxHashSet<Box<str>>,
}

/// Whether Arabic token `i` is a given name of the `plain` common-names table: neither one of its other words
/// ([`words::TABLE_WORDS_NOT_GIVEN`]) nor a particle of names, and without the article.
fn is_given_name_of_the_table(v: &View<'_>, i: usize) -> bool {
    v.toks.get(i).is_some_and(|t| t.class == Class::Arabic)
        && v.key(i).is_some_and(|key| {
            !key.starts_with("ال")
                && !words::TABLE_WORDS_NOT_GIVEN.contains(&key)
                && !words::NAME_PARTICLES.contains(&key)
                && crate::translit::plain::is_common_name(key)
        })
}

/// Whether a word as written is a frequent word of the language that starts with a hamza on its alef behind one
/// proclitic letter (بأوّل "with the first", لأكبر), which the `search` level writes as a name without the
/// hamza (باول, Powell): the hamza shows where the word begins.
fn hamza_word_behind_a_proclitic(word: &str) -> bool {
    word.strip_prefix(crate::rules::clitics::PROCLITIC_LETTERS)
        .filter(|rest| rest.starts_with(['أ', 'إ', 'آ']))
        .is_some_and(|rest| frequent(&normalize::search(rest)) == Some(Frequent::Word))
}

/// Whether token `i` follows a particle of names (بن هلال, عبد السلام, أبو بكر), with only spaces between.
fn after_a_name_particle(v: &View<'_>, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        v.soft_after(p) && v.key(p).is_some_and(|k| words::NAME_PARTICLES.contains(&k))
    })
}

/// Whether `key` (`search` level) is a frequent word of the language, as written, behind one proclitic (لمراسلنا,
/// بالقرار) or with a pronoun attached (رفضه).
fn is_everyday_word(key: &str) -> bool {
    frequent(key).is_some()
        || ["لل", "ال", "ب", "ل", "ك"]
            .iter()
            .filter_map(|p| key.strip_prefix(p))
            .any(|rest| frequent(rest).is_some() || frequent(&format!("ال{rest}")).is_some())
        || crate::rules::clitics::is_word_with_a_pronoun(key)
}

/// Whether a `search` key has the article, behind one proclitic letter or none (المشهد, والجيش, بالمدينة, للرئيس).
fn has_article(key: &str) -> bool {
    let bare = key
        .strip_prefix(['و', 'ف', 'ب', 'ك', 'ل'])
        .filter(|rest| rest.starts_with("ال"))
        .unwrap_or(key);
    bare.starts_with("ال")
        || key
            .strip_prefix(['و', 'ف'])
            .unwrap_or(key)
            .starts_with("لل")
}

/// The token keys of a form: one list of terms per token (a token's key may hold several: `Su-30SM` → `su 30sm`).
fn token_keys(form: &str) -> Vec<Vec<String>> {
    tokenize::tokens(form)
        .iter()
        .map(|t| {
            token_key(form.get(t.range()).unwrap_or_default())
                .split(' ')
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect::<Vec<String>>()
        })
        .filter(|k| !k.is_empty())
        .collect()
}

/// Character offsets of increasing byte offsets, counted once.
struct CharCounter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharCounter<'t> {
    fn new(text: &'t str) -> CharCounter<'t> {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of byte offset `at` (a character boundary).
    fn at(&mut self, at: usize) -> usize {
        if at < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self
            .text
            .get(self.byte..at)
            .map_or(0, |s| s.chars().count());
        self.byte = at;
        self.chars
    }
}

#[cfg(test)]
mod tests;
