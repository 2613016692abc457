//! Cross-reference of documents: the entity × document table, and which documents talk about the same thing.
//!
//! # Overview
//! An [`Xref`] collects, document by document ([`Xref::add`], fed by [`crate::scan::Scanner`]), the entities
//! mentioned: per entity its count, the spellings used (distinct, as written, in order of first use) and its first
//! offset. Only this summary is kept, never the text, so a collection of any size fits. [`Xref::related`] ranks
//! document pairs by the entities they share: each document is a vector of tf-idf weights ([`Xref::weight`]:
//! sublinear tf, BM25's idf, so that an entity named in every document counts little), and pairs are scored by
//! cosine similarity. [`render`] writes the report as Markdown, CSV or JSON.
//!
//! Dates are the second key of cross-reference: [`Xref::add_with_text`] reads them ([`crate::dates::find_dates`])
//! into [`DocSummary::dates`], and [`Xref::related`] weighs a shared date like a shared entity (two reports of
//! one meeting share its day).
//!
//! # Example
//! ```
//! use qamus::glossary::Glossary;
//! use qamus::matcher::Matcher;
//! use qamus::scan::Scanner;
//! use qamus::xref::Xref;
//!
//! let matcher = Matcher::new(Glossary::builtin());
//! let scanner = Scanner::new(&matcher);
//! let mut x = Xref::new();
//! for (name, text) in [
//!     ("a", "التقى بوتين وباشينيان في موسكو."),
//!     ("b", "استقبل فلاديمير بوتين نيكول باشينيان."),
//!     ("c", "زار أردوغان موسكو."),
//! ] {
//!     x.add(name, &scanner.scan(text));
//! }
//! let a = &x.documents()[0];
//! assert_eq!(a.entities[0].id, "vladimir-putin");
//! assert_eq!(a.entities[0].surfaces, ["بوتين"]);
//! let best = &x.related()[0];
//! assert_eq!((best.a, best.b), (0, 1));
//! assert_eq!(best.shared, ["vladimir-putin", "nikol-pashinyan"]);
//! ```

pub mod render;

use rustc_hash::FxHashMap;

use crate::glossary::EntityType;
use crate::scan::Mention;

/// One entity as one document mentions it.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityCount {
    /// The entry's id.
    pub id: String,
    /// Its canonical English name.
    pub en: String,
    /// Its canonical Arabic form.
    pub ar: String,
    /// Its type.
    pub kind: EntityType,
    /// How many mentions.
    pub count: usize,
    /// The spellings used, as written (clitics included), distinct, in order of first use.
    pub surfaces: Vec<String>,
    /// Byte offset of the first mention.
    pub first: usize,
    /// Character offset of the first mention.
    pub first_char: usize,
    /// Each mention in its context, when the table was built with [`Xref::with_contexts`] and
    /// [`Xref::add_with_text`]; empty otherwise.
    pub contexts: Vec<Context>,
}

/// One mention with the text around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    /// Byte offset of the mention in the document.
    pub start: usize,
    /// Character offset of the mention in the document.
    pub char_start: usize,
    /// Up to [`Xref::with_contexts`] characters before the mention (on the same line).
    pub before: String,
    /// The mention as written.
    pub surface: String,
    /// Up to as many characters after it (on the same line).
    pub after: String,
}

/// One date a document mentions (see [`crate::dates`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateCount {
    /// The date in ISO 8601 (`2024-05-08`; partial: `2021-11`, `--11-09`).
    pub date: String,
    /// How many times it is mentioned.
    pub count: usize,
    /// The spellings used, as written, in order of first use.
    pub surfaces: Vec<String>,
    /// Byte offset of the first mention.
    pub first: usize,
}

/// What one document mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct DocSummary {
    /// The document's name (path, `-`, or JSON Lines id).
    pub name: String,
    /// The entities, most mentioned first (then by first offset).
    pub entities: Vec<EntityCount>,
    /// The dates, in order of first mention (filled by [`Xref::add_with_text`], which sees the text).
    pub dates: Vec<DateCount>,
}

impl DocSummary {
    /// The entity with this id, if the document mentions it.
    pub fn entity(&self, id: &str) -> Option<&EntityCount> {
        self.entities.iter().find(|e| e.id == id)
    }
}

/// Two documents that share entities.
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    /// Index of the first document (the smaller).
    pub a: usize,
    /// Index of the second document.
    pub b: usize,
    /// Cosine similarity of their tf-idf entity vectors, in 0..=1.
    pub score: f64,
    /// Ids of the shared entities, the most telling first (largest product of weights).
    pub shared: Vec<String>,
    /// The dates both mention (ISO 8601), the most telling first.
    pub shared_dates: Vec<String>,
}

impl Related {
    /// The order of [`Xref::related`]: the higher score first, then document order.
    fn best_first(x: &Related, y: &Related) -> std::cmp::Ordering {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    }
}

/// The entity × document table of a collection.
#[derive(Clone, Debug)]
pub struct Xref {
    docs: Vec<DocSummary>,
    /// Characters of context kept on each side of a mention by [`Xref::add_with_text`] (0: none).
    context_chars: usize,
    /// How many related documents [`Xref::related`] keeps for each document (0: all).
    related_per_document: usize,
}

impl Default for Xref {
    fn default() -> Xref {
        Xref {
            docs: Vec::new(),
            context_chars: 0,
            related_per_document: Xref::DEFAULT_RELATED,
        }
    }
}

impl Xref {
    /// How many related documents [`Xref::related`] keeps for each document, unless told otherwise
    /// ([`Xref::set_related_per_document`]).
    pub const DEFAULT_RELATED: usize = 10;

    /// An empty table.
    pub fn new() -> Xref {
        Xref::default()
    }

    /// An empty table that keeps each mention with `chars` characters of context on each side (for the HTML
    /// report), when documents are added with [`Xref::add_with_text`].
    pub fn with_contexts(chars: usize) -> Xref {
        Xref {
            context_chars: chars,
            ..Xref::default()
        }
    }

    /// Sets how many related documents [`Xref::related`] keeps for each document: its `k` closest (0: every pair
    /// that shares an entity or a date, which grows with the square of the collection: 4,855 copies of five
    /// articles make 11.8 million pairs).
    pub fn set_related_per_document(&mut self, k: usize) {
        self.related_per_document = k;
    }

    /// Adds a document, its text and its mentions: as [`Xref::add`], keeping contexts when the table was made with
    /// [`Xref::with_contexts`]. The text itself is not kept.
    pub fn add_with_text(&mut self, name: &str, text: &str, mentions: &[Mention<'_>]) {
        self.add(name, mentions);
        if let Some(doc) = self.docs.last_mut() {
            doc.dates = date_counts(text);
        }
        let n = self.context_chars;
        if n == 0 {
            return;
        }
        let Some(doc) = self.docs.last_mut() else {
            return;
        };
        for m in mentions {
            let Some(e) = doc.entities.iter_mut().find(|e| e.id == m.entry.id) else {
                continue;
            };
            let before = text.get(..m.start).unwrap_or_default();
            let before = before.rsplit('\n').next().unwrap_or_default();
            let skip = before.chars().count().saturating_sub(n);
            let after = text.get(m.end..).unwrap_or_default();
            let after = after.split('\n').next().unwrap_or_default();
            e.contexts.push(Context {
                start: m.start,
                char_start: m.char_start,
                before: before.chars().skip(skip).collect(),
                surface: m.surface.clone(),
                after: after.chars().take(n).collect(),
            });
        }
    }

    /// Adds a document and its mentions (in text order, as [`crate::scan::Scanner`] returns them).
    pub fn add(&mut self, name: &str, mentions: &[Mention<'_>]) {
        let mut entities: Vec<EntityCount> = Vec::new();
        let mut index: FxHashMap<&str, usize> = FxHashMap::default();
        for m in mentions {
            let at = *index.entry(m.entry.id.as_str()).or_insert_with(|| {
                entities.push(EntityCount {
                    id: m.entry.id.clone(),
                    en: m.entry.en.clone(),
                    ar: m.entry.ar.clone(),
                    kind: m.entry.kind,
                    count: 0,
                    surfaces: Vec::new(),
                    first: m.start,
                    first_char: m.char_start,
                    contexts: Vec::new(),
                });
                entities.len() - 1
            });
            if let Some(e) = entities.get_mut(at) {
                e.count += 1;
                if !e.surfaces.contains(&m.surface) {
                    e.surfaces.push(m.surface.clone());
                }
                if m.start < e.first {
                    e.first = m.start;
                    e.first_char = m.char_start;
                }
            }
        }
        entities.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));
        self.docs.push(DocSummary {
            name: name.to_string(),
            entities,
            dates: Vec::new(),
        });
    }

    /// The documents, in the order they were added.
    pub fn documents(&self) -> &[DocSummary] {
        &self.docs
    }

    /// How many documents mention each entity.
    pub fn document_frequency(&self) -> FxHashMap<&str, usize> {
        let mut df: FxHashMap<&str, usize> = FxHashMap::default();
        for d in &self.docs {
            for e in &d.entities {
                *df.entry(e.id.as_str()).or_default() += 1;
            }
        }
        df
    }

    /// How many documents mention each date.
    fn date_frequency(&self) -> FxHashMap<&str, usize> {
        let mut df: FxHashMap<&str, usize> = FxHashMap::default();
        for d in &self.docs {
            for t in &d.dates {
                *df.entry(t.date.as_str()).or_default() += 1;
            }
        }
        df
    }

    /// The weight of an entity in a document: tf × idf, with tf = 1 + ln(count) and the idf of BM25,
    /// ln(1 + (N − df + 0.5) / (df + 0.5)), for `n` documents of which `df` name the entity. An entity named in
    /// every document weighs ln(1 + 0.5 / (N + 0.5)): little, but not nothing (0.087 for five documents, against
    /// 1.39 for an entity of one document).
    pub fn weight(count: usize, df: usize, n: usize) -> f64 {
        let (df, n) = (df.max(1) as f64, n.max(1) as f64);
        let tf = 1.0 + (count.max(1) as f64).ln();
        tf * (1.0 + (n - df + 0.5).max(0.0) / (df + 0.5)).ln()
    }

    /// The related document pairs, best first (score, then document order): for each document, the
    /// [`Xref::DEFAULT_RELATED`] others that share most with it (or as many as [`Xref::set_related_per_document`]
    /// says; 0: every pair that shares an entity or a date). A pair is listed once, when either of its documents
    /// keeps the other.
    ///
    /// Each document is one tf-idf vector over its entities and its dates (a date is a key of its own, weighted
    /// like an entity: a date every document gives counts little, the day of one event a lot); the score is the
    /// cosine of two vectors. The dot products are summed key by key over the documents that have the key (an
    /// inverted index), so a document meets only the documents it shares something with, and a pair's shared keys
    /// are listed only for the pairs kept.
    pub fn related(&self) -> Vec<Related> {
        let vectors = self.vectors();
        // Documents with the same vector (copies of one report, as wire services fill a collection) are scored
        // as one group: the groups' own pairs are summed, then each document takes its closest from them.
        let groups = groups_of(&vectors);
        let rep = |g: usize| groups.get(g).and_then(|m| m.first()).copied().unwrap_or(0);
        let norm = |g: usize| vectors.get(rep(g)).map_or(0.0, |v| v.1);
        // The groups of each key, with the key's weight in each.
        let mut postings: FxHashMap<(&str, bool), Vec<(usize, f64)>> = FxHashMap::default();
        for g in 0..groups.len() {
            for &(key, date, w) in vectors.get(rep(g)).map_or(&[][..], |v| v.0.as_slice()) {
                postings.entry((key, date)).or_default().push((g, w));
            }
        }
        // Group by group: the other groups it shares a key with, scored, then its documents' closest. Only one
        // group's list is held at a time.
        let k = self.related_per_document;
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut dot = vec![0.0f64; groups.len()];
        let mut touched: Vec<usize> = Vec::new();
        let by_score =
            |x: &(f64, usize), y: &(f64, usize)| y.0.total_cmp(&x.0).then(rep(x.1).cmp(&rep(y.1)));
        for (g, own) in groups.iter().enumerate() {
            for &(key, date, wa) in vectors.get(rep(g)).map_or(&[][..], |v| v.0.as_slice()) {
                for &(h, wb) in postings.get(&(key, date)).map_or(&[][..], Vec::as_slice) {
                    if h == g {
                        continue;
                    }
                    if dot.get(h) == Some(&0.0) {
                        touched.push(h);
                    }
                    if let Some(slot) = dot.get_mut(h) {
                        *slot += wa * wb;
                    }
                }
            }
            let ng = norm(g);
            let mut others: Vec<(f64, usize)> = Vec::with_capacity(touched.len());
            for h in touched.drain(..) {
                let d = dot.get_mut(h).map(std::mem::take).unwrap_or(0.0);
                let nh = norm(h);
                if ng > 0.0 && nh > 0.0 && d > 0.0 {
                    others.push(((d / (ng * nh)).min(1.0), h));
                }
            }
            if ng == 0.0 {
                continue;
            }
            if k == 0 {
                for &a in own {
                    let all = others
                        .iter()
                        .flat_map(|&(_, h)| groups.get(h).map_or(&[][..], Vec::as_slice));
                    pairs.extend(
                        own.iter()
                            .chain(all)
                            .filter(|&&b| b != a)
                            .map(|&b| (a.min(b), a.max(b))),
                    );
                }
                continue;
            }
            // A document's k closest come from the k closest groups, and the groups tied with the k-th.
            if others.len() > k {
                others.select_nth_unstable_by(k - 1, by_score);
                let kth = others.get(k - 1).map_or(0.0, |x| x.0);
                let (best, rest) = others.split_at(k);
                let mut kept = best.to_vec();
                kept.extend(rest.iter().filter(|x| x.0 >= kth));
                others = kept;
            }
            others.sort_by(by_score);
            for &a in own {
                // The document's own copies (the most alike there is), then the other groups, closest first; of
                // each, the first `k` documents (ties go by document order), until no later group can tie the k-th.
                let mut chosen: Vec<(f64, usize)> = own
                    .iter()
                    .filter(|&&b| b != a)
                    .take(k)
                    .map(|&b| (1.0, b))
                    .collect();
                for &(score, h) in &others {
                    if chosen.get(k - 1).is_some_and(|kth| score < kth.0) {
                        break;
                    }
                    let members = groups.get(h).map_or(&[][..], Vec::as_slice);
                    chosen.extend(members.iter().take(k).map(|&b| (score, b)));
                    chosen.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
                    chosen.truncate(k);
                }
                pairs.extend(chosen.iter().map(|&(_, b)| (a.min(b), a.max(b))));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut out: Vec<Related> = pairs
            .into_iter()
            .filter_map(|(a, b)| {
                let (va, na) = vectors.get(a)?;
                let (vb, nb) = vectors.get(b)?;
                related_pair(a, b, (va, *na), (vb, *nb))
            })
            .collect();
        out.sort_by(Related::best_first);
        out
    }

    /// Each document's tf-idf vector, (key, is a date, weight) in the document's order, with its norm.
    fn vectors(&self) -> Vec<Vector<'_>> {
        let n = self.docs.len();
        let df = self.document_frequency();
        let date_df = self.date_frequency();
        self.docs
            .iter()
            .map(|d| {
                let v: Vec<(&str, bool, f64)> = d
                    .entities
                    .iter()
                    .map(|e| {
                        let df = df.get(e.id.as_str()).copied().unwrap_or(1);
                        (e.id.as_str(), false, Xref::weight(e.count, df, n))
                    })
                    .chain(d.dates.iter().map(|t| {
                        let df = date_df.get(t.date.as_str()).copied().unwrap_or(1);
                        (t.date.as_str(), true, Xref::weight(t.count, df, n))
                    }))
                    .collect();
                let norm = v.iter().map(|(_, _, w)| w * w).sum::<f64>().sqrt();
                (v, norm)
            })
            .collect()
    }

    /// The documents most related to document `doc`, best first: (other document, score).
    pub fn related_to(&self, doc: usize) -> Vec<(usize, f64)> {
        self.related()
            .into_iter()
            .filter_map(|r| {
                if r.a == doc {
                    Some((r.b, r.score))
                } else if r.b == doc {
                    Some((r.a, r.score))
                } else {
                    None
                }
            })
            .collect()
    }
}

/// The documents grouped by their vector (the same keys with the same weights): each group's documents, in
/// document order.
fn groups_of(vectors: &[Vector<'_>]) -> Vec<Vec<usize>> {
    let mut index: FxHashMap<Vec<(&str, bool, u64)>, usize> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (d, (v, _)) in vectors.iter().enumerate() {
        let mut key: Vec<(&str, bool, u64)> = v
            .iter()
            .map(|&(k, date, w)| (k, date, w.to_bits()))
            .collect();
        key.sort_unstable();
        let g = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(members) = groups.get_mut(g) {
            members.push(d);
        }
    }
    groups
}

/// A document's tf-idf vector: (key, is a date, weight) in the document's order, and its norm.
type Vector<'a> = (Vec<(&'a str, bool, f64)>, f64);

/// Documents `a` and `b` (`a` < `b`) as a related pair, with their shared keys, the most telling first; `None`
/// when they share nothing.
fn related_pair(
    a: usize,
    b: usize,
    (va, na): (&[(&str, bool, f64)], f64),
    (vb, nb): (&[(&str, bool, f64)], f64),
) -> Option<Related> {
    let wb: FxHashMap<(&str, bool), f64> = vb.iter().map(|&(k, date, w)| ((k, date), w)).collect();
    let mut shared: Vec<(&str, bool, f64)> = va
        .iter()
        .filter_map(|&(k, date, wa)| wb.get(&(k, date)).map(|w| (k, date, wa * w)))
        .collect();
    if shared.is_empty() || na == 0.0 || nb == 0.0 {
        return None;
    }
    // Most telling first; ties keep document a's order (most mentioned first).
    shared.sort_by(|x, y| y.2.total_cmp(&x.2));
    let dot: f64 = shared.iter().map(|s| s.2).sum();
    let keys = |dates: bool| -> Vec<String> {
        shared
            .iter()
            .filter(|s| s.1 == dates)
            .map(|s| s.0.to_string())
            .collect()
    };
    Some(Related {
        a,
        b,
        score: (dot / (na * nb)).clamp(0.0, 1.0),
        shared: keys(false),
        shared_dates: keys(true),
    })
}

/// The dates of a text, counted: one row per ISO date, in order of first mention.
fn date_counts(text: &str) -> Vec<DateCount> {
    let mut out: Vec<DateCount> = Vec::new();
    for m in crate::dates::find_dates(text) {
        let date = m.date.iso();
        match out.iter_mut().find(|d| d.date == date) {
            Some(d) => {
                d.count += 1;
                if !d.surfaces.contains(&m.surface) {
                    d.surfaces.push(m.surface);
                }
            }
            None => out.push(DateCount {
                date,
                count: 1,
                surfaces: vec![m.surface],
                first: m.start,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;
    use crate::matcher::Matcher;
    use crate::scan::Scanner;

    fn matcher() -> Matcher {
        let csv =
            "id,type,en,ar\nputin,PER,Vladimir Putin,فلاديمير بوتين\nmoscow,LOC,Moscow,موسكو\n\
                   baku,LOC,Baku,باكو\nyerevan,LOC,Yerevan,يريفان\n";
        Matcher::new(Glossary::from_csv_str("g.csv", csv).unwrap_or_default())
    }

    /// Every pair that shares a key, scored pair by pair: the reference [`Xref::related`] is checked against.
    fn every_pair(x: &Xref) -> Vec<Related> {
        let v = x.vectors();
        let mut out: Vec<Related> = Vec::new();
        for a in 0..v.len() {
            for b in a + 1..v.len() {
                out.extend(related_pair(a, b, (&v[a].0, v[a].1), (&v[b].0, v[b].1)));
            }
        }
        out.sort_by(Related::best_first);
        out
    }

    /// A table of `docs` documents, each naming a few of `keys` entities (some with a date), drawn from `seed`.
    fn random_table(seed: u64, docs: usize, keys: usize) -> Xref {
        let mut state = seed | 1;
        let mut next = move |m: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % m as u64) as usize
        };
        let mut x = Xref::new();
        for d in 0..docs {
            // Now and then a copy of an earlier document (documents of one vector are scored as a group).
            if d > 0 && next(3) == 0 {
                let earlier = x.docs.get(next(d)).cloned();
                if let Some(mut copy) = earlier {
                    copy.name = format!("d{d}");
                    x.docs.push(copy);
                    continue;
                }
            }
            let mut entities: Vec<EntityCount> = Vec::new();
            for _ in 0..next(5) {
                let id = format!("e{}", next(keys));
                if entities.iter().all(|e| e.id != id) {
                    entities.push(EntityCount {
                        id,
                        en: String::new(),
                        ar: String::new(),
                        kind: EntityType::Per,
                        count: 1 + next(3),
                        surfaces: Vec::new(),
                        first: 0,
                        first_char: 0,
                        contexts: Vec::new(),
                    });
                }
            }
            let dates = (0..next(2))
                .map(|_| DateCount {
                    date: format!("2025-01-0{}", 1 + next(3)),
                    count: 1,
                    surfaces: Vec::new(),
                    first: 0,
                })
                .collect();
            x.docs.push(DocSummary {
                name: format!("d{d}"),
                entities,
                dates,
            });
        }
        x
    }

    #[test]
    fn every_pair_when_asked_and_each_documents_closest_by_default() {
        for seed in 1..80 {
            let mut x = random_table(seed, 1 + (seed as usize * 7) % 40, 12);
            let all = every_pair(&x);
            x.set_related_per_document(0);
            assert_eq!(x.related(), all, "seed {seed}");
            for k in [1, 2, 3] {
                x.set_related_per_document(k);
                let kept = x.related();
                // Kept pairs are pairs of the full list, with the same scores, in the same order.
                let in_all: Vec<&Related> = all.iter().filter(|r| kept.contains(r)).collect();
                assert_eq!(in_all.len(), kept.len(), "seed {seed} k {k}");
                assert!(
                    in_all.iter().zip(&kept).all(|(a, b)| *a == b),
                    "seed {seed} k {k}"
                );
                // Each document keeps its k best (ties broken by document order) among its pairs.
                for d in 0..x.documents().len() {
                    let mut mine: Vec<(usize, f64)> = all
                        .iter()
                        .filter(|r| r.a == d || r.b == d)
                        .map(|r| (if r.a == d { r.b } else { r.a }, r.score))
                        .collect();
                    mine.sort_by(|p, q| q.1.total_cmp(&p.1).then(p.0.cmp(&q.0)));
                    for &(other, score) in mine.iter().take(k) {
                        let (a, b) = (d.min(other), d.max(other));
                        assert!(
                            kept.iter().any(|r| (r.a, r.b) == (a, b)
                                || (r.score - score).abs() < 1e-12 && (r.a == d || r.b == d)),
                            "seed {seed} k {k}: document {d} lost {other}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn weights_an_entity_everywhere_little_but_not_nothing() {
        let everywhere = Xref::weight(1, 5, 5);
        let once = Xref::weight(1, 1, 5);
        assert!((everywhere - 0.087).abs() < 0.001, "{everywhere}");
        assert!((once - 1.386).abs() < 0.001, "{once}");
        // Sublinear in the count.
        assert!((Xref::weight(4, 1, 5) / once - (1.0 + 4f64.ln())).abs() < 1e-9);
    }

    #[test]
    fn counts_spellings_and_first_offsets() {
        let m = matcher();
        let s = Scanner::new(&m);
        let mut x = Xref::new();
        let text = "زار بوتين موسكو. فلاديمير بوتين في موسكو وبوتين";
        x.add("a", &s.scan(text));
        let d = &x.documents()[0];
        let putin = d
            .entity("putin")
            .cloned()
            .unwrap_or_else(|| panic!("putin"));
        assert_eq!(putin.count, 3);
        assert_eq!(putin.surfaces, ["بوتين", "فلاديمير بوتين", "وبوتين"]);
        assert_eq!((putin.first, putin.first_char), ("زار ".len(), 4));
        assert!(putin.contexts.is_empty());
        assert_eq!(d.entities[0].id, "putin");
        assert_eq!(d.entity("moscow").map(|e| e.count), Some(2));
    }

    #[test]
    fn contexts_stay_on_the_line() {
        let m = matcher();
        let s = Scanner::new(&m);
        let mut x = Xref::with_contexts(6);
        let text = "سطر أول\nوصل فلاديمير بوتين إلى موسكو اليوم\nسطر";
        x.add_with_text("a", text, &s.scan(text));
        let c = &x.documents()[0].entities[0].contexts[0];
        assert_eq!(
            (c.before.as_str(), c.surface.as_str(), c.after.as_str()),
            ("وصل ", "فلاديمير بوتين", " إلى م")
        );
    }

    #[test]
    fn related_ranks_by_shared_rare_entities() {
        let m = matcher();
        let s = Scanner::new(&m);
        let mut x = Xref::new();
        for t in [
            "بوتين في موسكو ويريفان",
            "بوتين في باكو",
            "بوتين في موسكو ويريفان مرة أخرى",
        ] {
            x.add("d", &s.scan(t));
        }
        let r = x.related();
        assert_eq!((r[0].a, r[0].b), (0, 2));
        assert!((r[0].score - 1.0).abs() < 1e-9);
        assert_eq!(r[0].shared.last().map(String::as_str), Some("putin"));
        assert_eq!(x.related_to(1).first().map(|p| p.0), Some(0));
        // A pair sharing only an entity every document names still relates, weakly.
        assert!(r.iter().all(|p| p.score > 0.0 && p.score <= 1.0));
        assert!(r.last().is_some_and(|p| p.score < 0.2));
    }
}
