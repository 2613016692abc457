//! Accuracy measurements on the development data (`../shared/eval/` in the source tree; never needed at run
//! time). The same held-out split is used everywhere: a row is held out when the FNV-1a 64 hash of its key
//! (the Arabic form for transliteration pairs, the group id for variant groups) is divisible by 5, so that about
//! a fifth of the rows is never learned from.
//!
//! ```
//! use qamus::eval::{held_out, TranslitScore};
//! let mut s = TranslitScore::default();
//! s.add("putin", "putin");
//! s.add("pashinian", "pashinyan");
//! assert_eq!(s.rows, 2);
//! assert!((s.cer() - 1.0 / 14.0).abs() < 1e-9);
//! assert!((s.exact() - 0.5).abs() < 1e-9);
//! let _ = held_out("بوتين");
//! ```

use std::path::Path;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::translit::{transliterate, Scheme};

/// One scheme's figures in [`romanized`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RomanizedScore {
    /// The romanization.
    pub scheme: Scheme,
    /// Arabic forms looked up.
    pub forms: usize,
    /// Forms whose romanization found their own entry first.
    pub right: usize,
    /// Forms whose romanization found another entry first.
    pub wrong: usize,
}

impl RomanizedScore {
    /// The share of forms that found their entry.
    pub fn right_rate(&self) -> f64 {
        self.right as f64 / self.forms.max(1) as f64
    }
}

/// Every Arabic form of `glossary` romanized (unvocalized, as glossaries write Arabic) by ALA-LC, DIN 31635 and
/// BGN/PCGN, and looked up in the same glossary: what a user with a romanized list of the same names gets, through
/// the read-back of [`crate::rules::romanized`]. Needs no development data (`qamus eval romanized` runs it on the
/// shipped glossary).
pub fn romanized(
    glossary: crate::glossary::Glossary,
    options: crate::matcher::MatcherOptions,
) -> Vec<RomanizedScore> {
    let forms: Vec<(String, String)> = glossary
        .entries()
        .iter()
        .flat_map(|e| {
            std::iter::once(&e.ar)
                .chain(e.ar_variants.iter())
                .filter(|a| !a.is_empty())
                .map(|a| (e.id.clone(), a.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    let matcher = crate::matcher::Matcher::with_options(glossary, options);
    [Scheme::AlaLc, Scheme::Din, Scheme::BgnPcgn]
        .into_iter()
        .map(|scheme| {
            let queries: Vec<String> = forms
                .iter()
                .map(|(_, a)| transliterate(a, scheme))
                .collect();
            let found = matcher.lookup_batch_top(&queries, 1);
            let mut score = RomanizedScore {
                scheme,
                forms: forms.len(),
                right: 0,
                wrong: 0,
            };
            for ((id, _), matches) in forms.iter().zip(&found) {
                match matches.first() {
                    Some(m) if &m.entry.id == id => score.right += 1,
                    Some(_) => score.wrong += 1,
                    None => {}
                }
            }
            score
        })
        .collect()
}

/// FNV-1a 64 of the key's UTF-8 bytes.
pub fn fnv1a64(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Whether a row with this key is in the held-out fifth.
pub fn held_out(key: &str) -> bool {
    fnv1a64(key).is_multiple_of(5)
}

/// Character error rate and exact-match rate of transliterations against references.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TranslitScore {
    /// Rows scored.
    pub rows: usize,
    /// Rows whose output equals the reference.
    pub exact_rows: usize,
    /// Sum of character edit distances.
    pub edits: usize,
    /// Sum of reference lengths in characters.
    pub reference_chars: usize,
}

impl TranslitScore {
    /// Scores one output against its reference (both compared in lower case).
    pub fn add(&mut self, output: &str, reference: &str) {
        let (o, r) = (output.to_lowercase(), reference.to_lowercase());
        self.rows += 1;
        self.exact_rows += usize::from(o == r);
        self.edits += strsim::levenshtein(&o, &r);
        self.reference_chars += r.chars().count();
    }

    /// Edits per reference character.
    pub fn cer(&self) -> f64 {
        self.edits as f64 / self.reference_chars.max(1) as f64
    }

    /// Share of rows transliterated exactly.
    pub fn exact(&self) -> f64 {
        self.exact_rows as f64 / self.rows.max(1) as f64
    }
}

/// The transliteration report: the held-out fifth and all rows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TranslitReport {
    /// Rows never learned from.
    pub held_out: TranslitScore,
    /// Every row. For [`Scheme::Plain`], four in five of them are names it writes as their row does, known by
    /// heart.
    pub all: TranslitScore,
    /// Every row, each word read by the `plain` model alone, without the names it knows by heart (for the other
    /// schemes, the same as `all`): how well the model has learnt the rows it was trained on.
    pub all_model: TranslitScore,
}

/// Transliterates the `arabic` column of `translit-dev.tsv` (columns `arabic`, `english`) with `scheme` and scores
/// it against `english`.
pub fn translit(path: &Path, scheme: Scheme) -> Result<TranslitReport> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
    let mut report = TranslitReport::default();
    for (i, line) in text.lines().enumerate().skip(1) {
        let Some((arabic, english)) = line.split_once('\t') else {
            let loc = Location {
                line: Some(i as u64 + 1),
                ..Location::file(path)
            };
            return Err(Error::new(
                ErrorKind::Csv,
                Some(loc),
                "expected two tab-separated columns",
            ));
        };
        let output = transliterate(arabic, scheme);
        report.all.add(&output, english);
        if held_out(arabic) {
            report.held_out.add(&output, english);
        }
        if scheme == Scheme::Plain {
            report
                .all_model
                .add(&crate::translit::model_reading(arabic), english);
        } else {
            report.all_model.add(&output, english);
        }
    }
    Ok(report)
}

/// One row of `variants-dev.tsv`.
#[derive(Clone, Debug)]
struct VariantRow {
    group: String,
    english: String,
    arabic: String,
    /// The group's type (PER, LOC, ORG…; MISC when the column is missing or unknown): a glossary entry has one.
    kind: crate::glossary::EntityType,
}

fn read_variants(path: &Path) -> Result<Vec<VariantRow>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let mut cols = line.split('\t');
        match (cols.next(), cols.next(), cols.next()) {
            (Some(g), Some(e), Some(a)) if !g.is_empty() && !a.is_empty() => {
                rows.push(VariantRow {
                    group: g.to_string(),
                    english: e.to_string(),
                    arabic: a.to_string(),
                    kind: cols
                        .next()
                        .and_then(|t| t.parse().ok())
                        .unwrap_or(crate::glossary::EntityType::Misc),
                })
            }
            _ => {
                let loc = Location {
                    line: Some(i as u64 + 1),
                    ..Location::file(path)
                };
                return Err(Error::new(
                    ErrorKind::Csv,
                    Some(loc),
                    "expected columns group, english, arabic",
                ));
            }
        }
    }
    Ok(rows)
}

fn read_pairs(path: &Path) -> Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, e)| (a.to_string(), e.to_string()))
        .collect())
}

/// Whether two English names are one name: equal at the `search` level (case, marks: Keïta = Keita, Orléans =
/// Orleans, hyphens as spaces).
fn same_name(a: &str, b: &str) -> bool {
    crate::normalize::search(a) == crate::normalize::search(b)
}

/// Whether `other` is another romanization of `name` (bird / Baird, heinz / Haynes, jacob / Jakob: one consonant
/// skeleton) without being the same name. Training leaves such candidates out: the development data calls them
/// wrong, but nothing in an Arabic spelling can tell them apart, so they are noise, not signal.
fn namesake(other: &str, name: &str) -> bool {
    !same_name(other, name)
        && crate::matcher::keys::latin_skeleton(other) == crate::matcher::keys::latin_skeleton(name)
}

/// A key of an English name: its consonant skeleton (namesakes share it; see [`namesake`]).
fn name_key(en: &str) -> u64 {
    fnv1a64(&crate::matcher::keys::latin_skeleton(en))
}

/// Whether a group is left out of the glossary in the out-of-glossary report (a fifth of the groups, disjoint
/// from the held-out fifth).
pub fn left_out(group: &str) -> bool {
    fnv1a64(group) % 5 == 1
}

/// `count` out of `of`, as a share (0 when there is nothing to count).
fn share(count: usize, of: usize) -> f64 {
    count as f64 / of.max(1) as f64
}

/// Top-1 and MRR@5 over queries, split into the held-out fifth and all.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RankScore {
    /// Queries.
    pub queries: usize,
    /// Queries whose best match is right.
    pub top1: usize,
    /// Queries with the right entry among the first five.
    pub top5: usize,
    /// Sum of reciprocal ranks (first five).
    pub rr: f64,
}

impl RankScore {
    fn add(&mut self, rank: Option<usize>) {
        self.queries += 1;
        if let Some(r) = rank {
            self.top1 += usize::from(r == 0);
            self.top5 += usize::from(r < 5);
            if r < 5 {
                self.rr += 1.0 / (r as f64 + 1.0);
            }
        }
    }

    /// Share right at rank 1.
    pub fn top1_rate(&self) -> f64 {
        share(self.top1, self.queries)
    }

    /// Share right within rank 5.
    pub fn top5_rate(&self) -> f64 {
        share(self.top5, self.queries)
    }

    /// Mean reciprocal rank at 5.
    pub fn mrr5(&self) -> f64 {
        self.rr / self.queries.max(1) as f64
    }
}

/// The matching reports of `qamus eval`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MatchReport {
    /// Variant spellings of in-glossary groups: held-out fifth.
    pub variants_held_out: RankScore,
    /// Variant spellings of in-glossary groups: all.
    pub variants_all: RankScore,
    /// Spellings of left-out groups queried.
    pub oog_queries: usize,
    /// Of those, how many matched some other entity.
    pub oog_false: usize,
    /// False matches by cause: a collision (the spelling is, at the `search` level, a form of another entry:
    /// no matcher can avoid it), a reading of the query (clitics, titles, a family name), `fuzzy`, `translit`.
    pub oog_false_by_cause: [usize; 4],
    /// Variant queries (all) whose first match is not their entity, by what lookup at threshold 0 puts first:
    /// another entry whose form the spelling is (`exact`/`normalized`: no spelling-based matcher can prefer the
    /// right entry), another entry of the same name (a namesake: Davis for Davies, one consonant skeleton), the
    /// right entry under the threshold, the right entry lower down, the right entry nowhere.
    pub variants_misses: [usize; 5],
    /// Cross-script (Arabic query, English-only glossary): held-out fifth.
    pub cross_held_out: RankScore,
    /// Cross-script: all.
    pub cross_all: RankScore,
    /// Latin queries: each transliteration pair's Arabic, transliterated by the `plain` scheme (another press
    /// spelling of the name: منتصر → montaser for Muntasir), queried against the cross-script glossary: held-out fifth.
    pub latin_held_out: RankScore,
    /// Latin queries: all.
    pub latin_all: RankScore,
    /// Latin out-of-glossary: the `plain` transliterations of the cross-script out-of-glossary queries, against the
    /// same glossary.
    pub latin_oog_queries: usize,
    /// Of those, how many found a name.
    pub latin_oog_false: usize,
    /// Of those false matches, how many found a name of the same consonant skeleton.
    pub latin_oog_namesakes: usize,
    /// Cross-script out-of-glossary: Arabic spellings of the English names left out of the English-only glossary
    /// ([`cross_left_out`]) queried.
    pub cross_oog_queries: usize,
    /// Of those, how many found a name.
    pub cross_oog_false: usize,
    /// Of those false matches, how many found another romanization of the query's own name (one consonant
    /// skeleton: Andreev for Andreyev; see `namesake`), which the data calls wrong but no spelling can tell apart.
    pub cross_oog_namesakes: usize,
    /// Entries of the variants glossary (groups + distractors).
    pub variants_entries: usize,
    /// Entries of the cross-script glossary.
    pub cross_entries: usize,
}

impl MatchReport {
    /// False matches per out-of-glossary query.
    pub fn false_match_rate(&self) -> f64 {
        share(self.oog_false, self.oog_queries)
    }

    /// False matches per cross-script out-of-glossary query.
    pub fn cross_false_match_rate(&self) -> f64 {
        share(self.cross_oog_false, self.cross_oog_queries)
    }

    /// False matches per Latin out-of-glossary query.
    pub fn latin_false_match_rate(&self) -> f64 {
        share(self.latin_oog_false, self.latin_oog_queries)
    }

    /// False matches per Latin out-of-glossary query, namesakes left out.
    pub fn latin_false_match_rate_distinct(&self) -> f64 {
        share(
            self.latin_oog_false
                .saturating_sub(self.latin_oog_namesakes),
            self.latin_oog_queries,
        )
    }

    /// False matches per cross-script out-of-glossary query, namesakes left out.
    pub fn cross_false_match_rate_distinct(&self) -> f64 {
        share(
            self.cross_oog_false
                .saturating_sub(self.cross_oog_namesakes),
            self.cross_oog_queries,
        )
    }

    /// False matches per out-of-glossary query, collisions left out: the matcher's own false matches.
    pub fn matcher_false_match_rate(&self) -> f64 {
        let collisions = self.oog_false_by_cause.first().copied().unwrap_or(0);
        share(self.oog_false.saturating_sub(collisions), self.oog_queries)
    }
}

/// The variants glossary of `matching`, `matching_errors` and `train`: the first spelling of each group that is not
/// left out, then every transliteration pair as a distractor; with the spelling chosen for each group.
fn variants_glossary<'v>(
    variants: &'v [VariantRow],
    pairs: &[(String, String)],
) -> (
    crate::glossary::Glossary,
    std::collections::HashMap<&'v str, &'v str>,
) {
    use crate::glossary::{EntityType, Entry, Glossary};
    let mut entries: Vec<Entry> = Vec::new();
    let mut chosen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for r in variants {
        if left_out(&r.group) || chosen.contains_key(r.group.as_str()) {
            continue;
        }
        chosen.insert(&r.group, &r.arabic);
        entries.push(Entry {
            id: r.group.clone(),
            kind: r.kind,
            en: r.english.clone(),
            ar: r.arabic.clone(),
            ..Entry::default()
        });
    }
    for (i, (arabic, english)) in pairs.iter().enumerate() {
        entries.push(Entry {
            id: format!("d{i}"),
            kind: EntityType::Per,
            en: english.clone(),
            ar: arabic.clone(),
            ..Entry::default()
        });
    }
    (Glossary::from_entries("variants", entries), chosen)
}

/// The spellings queried against the variants glossary: every other spelling of a kept group, and every spelling
/// of a left-out one.
fn variant_queries<'v>(
    variants: &'v [VariantRow],
    chosen: &std::collections::HashMap<&str, &str>,
) -> Vec<&'v VariantRow> {
    variants
        .iter()
        .filter(|r| left_out(&r.group) || chosen.get(r.group.as_str()) != Some(&r.arabic.as_str()))
        .collect()
}

/// The cross-script glossary: the English names of the transliteration pairs only (one entry per name).
fn english_only_glossary(pairs: &[(String, String)]) -> crate::glossary::Glossary {
    use crate::glossary::{EntityType, Entry, Glossary};
    let mut seen = std::collections::HashSet::new();
    let english_only: Vec<Entry> = pairs
        .iter()
        .filter(|(_, e)| seen.insert(e.to_lowercase()))
        .map(|(_, e)| Entry {
            id: e.to_lowercase(),
            kind: EntityType::Per,
            en: e.clone(),
            ..Entry::default()
        })
        .collect();
    Glossary::from_entries("english-only", english_only)
}

/// Whether an English name is left out of the English-only glossary in the cross-script out-of-glossary report (a
/// fifth of the names).
pub fn cross_left_out(english: &str) -> bool {
    left_out(&english.to_lowercase())
}

/// The cross-script out-of-glossary report's glossary (the English names of the pairs, less those
/// [`cross_left_out`] leaves out) and its queries: the Arabic spellings of the names left out, each once, but not
/// one that the data also pairs with a kept name (محمد is Mohammed as well as Muhammad: the glossary still holds
/// it). A spelling paired with a kept name that differs only at the `search` level counts as paired. Each query comes
/// with the English names the data pairs it with.
fn cross_oog(pairs: &[(String, String)]) -> (crate::glossary::Glossary, Vec<(&str, Vec<&str>)>) {
    use crate::normalize::search;
    let kept: Vec<(String, String)> = pairs
        .iter()
        .filter(|(_, e)| !cross_left_out(e))
        .cloned()
        .collect();
    let kept_arabic: std::collections::HashSet<String> =
        kept.iter().map(|(a, _)| search(a).into_owned()).collect();
    let mut at = std::collections::HashMap::new();
    let mut queries: Vec<(&str, Vec<&str>)> = Vec::new();
    for (a, e) in pairs {
        if !cross_left_out(e) || kept_arabic.contains(search(a).as_ref()) {
            continue;
        }
        let i = *at.entry(a.as_str()).or_insert_with(|| {
            queries.push((a.as_str(), Vec::new()));
            queries.len() - 1
        });
        if let Some((_, names)) = queries.get_mut(i) {
            names.push(e.as_str());
        }
    }
    (english_only_glossary(&kept), queries)
}

/// The queries of the Latin reports: each Arabic name's `plain` transliteration, a press spelling that the
/// development data's English name may or may not be (منتصر: montaser, for Muntasir). The `plain` model learnt
/// from the rows outside the held-out fifth, so only the held-out fifth measures a spelling it has not seen.
fn latin_queries<'a>(arabic: impl Iterator<Item = &'a str>) -> Vec<String> {
    arabic.map(crate::translit::model_reading).collect()
}

/// Runs the variants, out-of-glossary and cross-script reports on `dir` (`variants-dev.tsv`, `translit-dev.tsv`)
/// with the given matcher options.
///
/// A match counts as right when it is the group's entry, or an entry with the same English name (a distractor
/// pair of `translit-dev.tsv` can be the same person under another id); an out-of-glossary query is a false match
/// when it finds any entry with another English name.
pub fn matching(dir: &Path, options: crate::matcher::MatcherOptions) -> Result<MatchReport> {
    use crate::glossary::Entry;
    use crate::matcher::Matcher;

    let variants = read_variants(&dir.join("variants-dev.tsv"))?;
    let pairs = read_pairs(&dir.join("translit-dev.tsv"))?;
    let mut report = MatchReport::default();

    // Variants: one spelling per group in the glossary (the first), plus every translit pair as a distractor.
    let (glossary, chosen) = variants_glossary(&variants, &pairs);
    report.variants_entries = glossary.len();
    // The same glossary at threshold 0, to tell why a variant query failed.
    let any = Matcher::with_options(
        glossary.clone(),
        crate::matcher::MatcherOptions {
            threshold: 0.0,
            min_margin: 0.0,
            ..options
        },
    );
    let matcher = Matcher::with_options(glossary, options);
    let queries = variant_queries(&variants, &chosen);
    let texts: Vec<&str> = queries.iter().map(|r| r.arabic.as_str()).collect();
    let results = matcher.lookup_batch(&texts);
    for (r, found) in queries.iter().zip(&results) {
        let same = |e: &Entry| e.id == r.group || same_name(&e.en, &r.english);
        if left_out(&r.group) {
            report.oog_queries += 1;
            if let Some(m) = found.first().filter(|m| !same(m.entry)) {
                report.oog_false += 1;
                let slot = match m.method {
                    crate::matcher::Method::Exact => 0,
                    crate::matcher::Method::Normalized if m.detail.is_empty() => 0,
                    crate::matcher::Method::Normalized => 1,
                    crate::matcher::Method::Fuzzy => 2,
                    _ => 3,
                };
                if let Some(n) = report.oog_false_by_cause.get_mut(slot) {
                    *n += 1;
                }
            }
            continue;
        }
        let rank = found.iter().position(|m| same(m.entry));
        report.variants_all.add(rank);
        if held_out(&r.group) {
            report.variants_held_out.add(rank);
        }
        if rank != Some(0) {
            let found = any.lookup(&r.arabic);
            let cause = match found.first() {
                Some(m) if same(m.entry) => 2,
                Some(m)
                    if matches!(m.method, crate::matcher::Method::Exact)
                        || (matches!(m.method, crate::matcher::Method::Normalized)
                            && m.detail.is_empty()) =>
                {
                    0
                }
                Some(m) if namesake(&m.entry.en, &r.english) => 1,
                _ if found.iter().any(|m| same(m.entry)) => 3,
                _ => 4,
            };
            if let Some(n) = report.variants_misses.get_mut(cause) {
                *n += 1;
            }
        }
    }

    // Cross-script: the English names only, queried with the Arabic.
    let glossary = english_only_glossary(&pairs);
    report.cross_entries = glossary.len();
    let matcher = Matcher::with_options(glossary, options);
    // Then Latin: the same names, each queried with its Arabic's `plain` transliteration.
    let latin = latin_queries(pairs.iter().map(|(a, _)| a.as_str()));
    for (texts, all, held) in [
        (
            pairs.iter().map(|(a, _)| a.as_str()).collect::<Vec<&str>>(),
            &mut report.cross_all,
            &mut report.cross_held_out,
        ),
        (
            latin.iter().map(String::as_str).collect(),
            &mut report.latin_all,
            &mut report.latin_held_out,
        ),
    ] {
        let results = matcher.lookup_batch(&texts);
        for ((arabic, english), found) in pairs.iter().zip(&results) {
            let rank = found.iter().position(|m| same_name(&m.entry.en, english));
            all.add(rank);
            if held_out(arabic) {
                held.add(rank);
            }
        }
    }

    // Cross-script out of the glossary: a fifth of the English names left out, their Arabic queried; then their
    // Arabic's `plain` transliterations.
    let (glossary, queries) = cross_oog(&pairs);
    let matcher = Matcher::with_options(glossary, options);
    let latin = latin_queries(queries.iter().map(|q| q.0));
    for (texts, queried, false_matches, namesakes) in [
        (
            queries.iter().map(|q| q.0).collect::<Vec<&str>>(),
            &mut report.cross_oog_queries,
            &mut report.cross_oog_false,
            &mut report.cross_oog_namesakes,
        ),
        (
            latin.iter().map(String::as_str).collect(),
            &mut report.latin_oog_queries,
            &mut report.latin_oog_false,
            &mut report.latin_oog_namesakes,
        ),
    ] {
        let results = matcher.lookup_batch(&texts);
        *queried = queries.len();
        for ((_, names), found) in queries.iter().zip(&results) {
            if let Some(m) = found.first() {
                *false_matches += 1;
                if names.iter().any(|n| namesake(&m.entry.en, n)) {
                    *namesakes += 1;
                }
            }
        }
    }
    Ok(report)
}

/// Weights learned by [`train`] for one script pairing, with what they were fitted on.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    /// Feature weights, then the bias.
    pub weights: Vec<f64>,
    /// Training examples (query × candidate).
    pub examples: usize,
    /// Of which positive.
    pub positives: usize,
}

/// The scorer's training result: weights for same-script and cross-script pairs, and the threshold that keeps
/// the simulated false-match rate (best wrong candidate of training queries) at or under 1.5%.
#[derive(Clone, Debug, PartialEq)]
pub struct Trained {
    /// Weights for a query and form in the same script.
    pub same_script: Fitted,
    /// Weights for a query and form in different scripts, the form's entry having no form in the query's script.
    pub cross_script: Fitted,
    /// Weights for a query and form in different scripts when the form's entry also has a form in the query's
    /// script (an Arabic query meeting the English name of an entry with an Arabic spelling).
    pub cross_covered: Fitted,
    /// Acceptance of a query's best same-script candidate: weights of (best, best − second, second), then the bias.
    pub accept_same: Fitted,
    /// Acceptance of a query's best cross-script candidate.
    pub accept_cross: Fitted,
    /// The suggested threshold: simulated out-of-glossary queries pass it at most 2% of the time.
    pub threshold: f64,
}

impl Trained {
    /// The weights as the source of `src/matcher/weights.rs`.
    pub fn to_rust(&self) -> String {
        let names = crate::matcher::FEATURE_NAMES.join(", ");
        let fmt = |w: &[f64]| {
            w.iter()
                .map(|v| format!("{v:.4}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "//! Weights of the fuzzy scorer: generated by `qamus eval train --data ../shared/eval`; do not edit.\n\
             //! Logistic regression (IRLS, ridge 1e-3; each similarity's weight at least 0, the token-count difference's\n\
             //! at most 0: a feature of the wrong sign is left out) on the rows outside the held-out fifth of\n\
             //! variants-dev.tsv ({} examples, {} positive) and translit-dev.tsv ({} examples, {} positive); see\n\
             //! src/eval.rs.\n\
             //! Features: {names}; then the bias. Suggested threshold: {:.2}.\n\n\
             /// Query and form in the same script.\n\
             pub(crate) static SAME_SCRIPT: [f64; {n}] = [{}];\n\
             /// Query and form in different scripts, the entry having no form in the query's script.\n\
             pub(crate) static CROSS_SCRIPT: [f64; {n}] = [{}];\n\
             /// Query and form in different scripts, the entry having a form in the query's script too ({} examples, {} positive).\n\
             pub(crate) static CROSS_COVERED: [f64; {n}] = [{}];\n\n\
             /// Acceptance of the best same-script candidate ({} examples, {} right): weights of the inputs of\n\
             /// `fuzzy::acceptance_inputs` (best probability, its lead, the second, covered, length, skeleton equal),\n\
             /// then the bias.\n\
             pub(crate) static ACCEPT_SAME: [f64; {a}] = [{}];\n\
             /// Acceptance of the best cross-script candidate ({} examples, {} right).\n\
             pub(crate) static ACCEPT_CROSS: [f64; {a}] = [{}];\n\n\
             // Simulated out-of-glossary queries (training queries with their entity removed) pass {:.2} at most\n\
             // 2% of the time; the default threshold is chosen on the out-of-glossary groups (MatcherOptions).\n",
            self.same_script.examples,
            self.same_script.positives,
            self.cross_script.examples,
            self.cross_script.positives,
            self.threshold,
            fmt(&self.same_script.weights),
            fmt(&self.cross_script.weights),
            self.cross_covered.examples,
            self.cross_covered.positives,
            fmt(&self.cross_covered.weights),
            self.accept_same.examples,
            self.accept_same.positives,
            fmt(&self.accept_same.weights),
            self.accept_cross.examples,
            self.accept_cross.positives,
            fmt(&self.accept_cross.weights),
            self.threshold,
            n = crate::matcher::FEATURES + 1,
            a = crate::matcher::ACCEPT_INPUTS + 1,
        )
    }
}

/// Fits the fuzzy scorer on the development data outside the held-out fifth: the variants task (queries against
/// the variants glossary) for same-script pairs, the cross-script task for cross-script pairs. Every fuzzy
/// candidate the index proposes is an example, labelled by whether it names the query's entity.
pub fn train(dir: &Path) -> Result<Trained> {
    use crate::matcher::{Matcher, MatcherOptions};
    use rayon::prelude::*;

    let variants = read_variants(&dir.join("variants-dev.tsv"))?;
    let pairs = read_pairs(&dir.join("translit-dev.tsv"))?;
    let options = MatcherOptions::default();
    // Features, cross-script, label, and a key of the candidate's English name (entries of one name do not compete).
    type Example = ([f64; crate::matcher::FEATURES], bool, bool, u64);
    let mut examples: Vec<Example> = Vec::new();
    let scorer = |e: &Example| crate::matcher::scorer_of(&e.0, e.1);
    // Per query: its letters (an input of the acceptance model) and its examples.
    let mut queries_seen: Vec<(usize, Vec<Example>)> = Vec::new();

    // Same-script: the variants glossary (as in `matching`), training groups only.
    let (glossary, chosen) = variants_glossary(&variants, &pairs);
    let matcher = Matcher::with_options(glossary, options);
    let queries: Vec<&VariantRow> = variants
        .iter()
        .filter(|r| {
            !left_out(&r.group)
                && !held_out(&r.group)
                && chosen.get(r.group.as_str()) != Some(&r.arabic.as_str())
        })
        .collect();
    let per_query: Vec<(usize, Vec<Example>)> = queries
        .par_iter()
        .map(|r| {
            let examples = matcher
                .candidate_features(&r.arabic)
                .into_iter()
                .filter(|(e, ..)| !namesake(&e.en, &r.english))
                .map(|(e, x, cross)| {
                    (
                        x,
                        cross,
                        e.id == r.group || same_name(&e.en, &r.english),
                        name_key(&e.en),
                    )
                })
                .collect();
            (crate::matcher::query_letters(&r.arabic), examples)
        })
        .collect();
    for q in per_query {
        examples.extend(q.1.iter().copied());
        queries_seen.push(q);
    }

    // Cross-script: English-only glossary, training rows only.
    let matcher = Matcher::with_options(english_only_glossary(&pairs), options);
    let rows: Vec<&(String, String)> = pairs.iter().filter(|(a, _)| !held_out(a)).collect();
    let per_query: Vec<(usize, Vec<Example>)> = rows
        .par_iter()
        .map(|(arabic, english)| {
            let examples = matcher
                .candidate_features(arabic)
                .into_iter()
                .filter(|(e, ..)| !namesake(&e.en, english))
                .map(|(e, x, cross)| (x, cross, same_name(&e.en, english), name_key(&e.en)))
                .collect();
            (crate::matcher::query_letters(arabic), examples)
        })
        .collect();
    for q in per_query {
        examples.extend(q.1.iter().copied());
        queries_seen.push(q);
    }

    let fit = |model: usize| -> Fitted {
        let set: Vec<&Example> = examples.iter().filter(|e| scorer(e) == model).collect();
        let weights = logistic_monotone(&set.iter().map(|e| (e.0, e.2)).collect::<Vec<_>>());
        Fitted {
            weights,
            examples: set.len(),
            positives: set.iter().filter(|e| e.2).count(),
        }
    };
    let same_script = fit(0);
    let cross_script = fit(1);
    let cross_covered = fit(2);
    // Acceptance: for each training query, the best candidate's probability, its lead and the runner-up, labelled
    // by whether the best is right; and the same with the right entity removed (a simulated out-of-glossary query).
    let prob = |x: &[f64; crate::matcher::FEATURES], cross: bool| -> f64 {
        let w = match crate::matcher::scorer_of(x, cross) {
            0 => &same_script.weights,
            1 => &cross_script.weights,
            _ => &cross_covered.weights,
        };
        let z: f64 =
            x.iter().zip(w).map(|(a, b)| a * b).sum::<f64>() + w.last().copied().unwrap_or(0.0);
        1.0 / (1.0 + (-z).exp())
    };
    type Accept = ([f64; crate::matcher::FEATURES], bool);
    let mut accept: [Vec<Accept>; 2] = [Vec::new(), Vec::new()];
    let mut simulated: [Vec<[f64; crate::matcher::ACCEPT_INPUTS]>; 2] = [Vec::new(), Vec::new()];
    for (letters, q) in &queries_seen {
        let mut scored: Vec<(f64, &Example)> = q.iter().map(|e| (prob(&e.0, e.1), e)).collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        // The runner-up is the best candidate of another name (another consonant skeleton), as at run time.
        let top = |list: &[(f64, &Example)]| -> Option<([f64; crate::matcher::ACCEPT_INPUTS], bool, bool)> {
            let (p1, e) = *list.first()?;
            let p2 = list.iter().find(|x| x.1 .3 != e.3).map_or(0.0, |x| x.0);
            Some((
                crate::matcher::acceptance_inputs(p1, p2, &e.0, e.1, *letters),
                e.1,
                e.2,
            ))
        };
        let pad = |x: [f64; crate::matcher::ACCEPT_INPUTS]| {
            let mut f = [0.0; crate::matcher::FEATURES];
            f[..crate::matcher::ACCEPT_INPUTS].copy_from_slice(&x);
            f
        };
        if let Some((x, cross, right)) = top(&scored) {
            accept[usize::from(cross)].push((pad(x), right));
        }
        let wrong: Vec<(f64, &Example)> = scored.iter().copied().filter(|e| !e.1 .2).collect();
        if wrong.len() < scored.len() {
            if let Some((x, cross, _)) = top(&wrong) {
                accept[usize::from(cross)].push((pad(x), false));
                simulated[usize::from(cross)].push(x);
            }
        }
    }
    let fit_accept = |data: &[Accept]| -> Fitted {
        // Only the first ACCEPT_INPUTS features are used: fit on them, write those weights and the bias.
        let w = logistic_first(data, crate::matcher::ACCEPT_INPUTS);
        Fitted {
            weights: w,
            examples: data.len(),
            positives: data.iter().filter(|d| d.1).count(),
        }
    };
    let accept_same = fit_accept(&accept[0]);
    let accept_cross = fit_accept(&accept[1]);
    let mut scores: Vec<f64> = simulated[0]
        .iter()
        .map(|x| accept_probability(x, &accept_same.weights))
        .chain(
            simulated[1]
                .iter()
                .map(|x| accept_probability(x, &accept_cross.weights)),
        )
        .collect();
    scores.sort_by(|a, b| b.total_cmp(a));
    let k = (scores.len() as f64 * 0.02).floor() as usize;
    let threshold = scores.get(k).copied().unwrap_or(0.5).clamp(0.05, 0.89);
    Ok(Trained {
        same_script,
        cross_script,
        cross_covered,
        accept_same,
        accept_cross,
        threshold: (threshold * 100.0).ceil() / 100.0,
    })
}

/// The acceptance probability of its inputs under their weights (bias last).
fn accept_probability(x: &[f64], w: &[f64]) -> f64 {
    let z =
        x.iter().zip(w).map(|(a, b)| a * b).sum::<f64>() + w.get(x.len()).copied().unwrap_or(0.0);
    1.0 / (1.0 + (-z).exp())
}

/// Logistic regression on the first `k` features only (the others are zero in `data`); returns `k` weights and
/// the bias.
fn logistic_first(data: &[([f64; crate::matcher::FEATURES], bool)], k: usize) -> Vec<f64> {
    let full = logistic(data);
    let mut w: Vec<f64> = full.iter().take(k).copied().collect();
    w.push(full.last().copied().unwrap_or(0.0));
    w
}

/// The sign each feature's weight must have (1: at least 0, −1: at most 0, 0: either), in the order of
/// `FEATURE_NAMES`: a candidate more like the query never scores lower. Without the constraint, features that move
/// together (skeleton against edit similarity, coverage against alignment) get weights of opposite signs that
/// cancel on names like the training data's and not elsewhere: a long Latin name sharing little with a two-word
/// query outranked the right one.
const FEATURE_SIGNS: [f64; crate::matcher::FEATURES] = [
    1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, -1.0, 1.0, 1.0, 0.0,
];

/// [`logistic`] with each weight's sign as [`FEATURE_SIGNS`] says: the feature whose weight has the wrong sign
/// the most is left out, and the rest refitted, until none has.
fn logistic_monotone(data: &[([f64; crate::matcher::FEATURES], bool)]) -> Vec<f64> {
    let mut out = [false; crate::matcher::FEATURES];
    loop {
        let masked: Vec<([f64; crate::matcher::FEATURES], bool)> = data
            .iter()
            .map(|(x, y)| {
                let mut x = *x;
                for (v, &o) in x.iter_mut().zip(&out) {
                    if o {
                        *v = 0.0;
                    }
                }
                (x, *y)
            })
            .collect();
        let mut w = logistic(&masked);
        for (v, &o) in w.iter_mut().zip(&out) {
            if o {
                *v = 0.0;
            }
        }
        let worst = (0..crate::matcher::FEATURES)
            .filter(|&i| w[i] * FEATURE_SIGNS[i] < 0.0)
            .max_by(|&a, &b| w[a].abs().total_cmp(&w[b].abs()));
        match worst {
            Some(i) => out[i] = true,
            None => return w,
        }
    }
}

/// Logistic regression by iteratively reweighted least squares with a small ridge; returns the weights then the
/// bias.
fn logistic(data: &[([f64; crate::matcher::FEATURES], bool)]) -> Vec<f64> {
    const N: usize = crate::matcher::FEATURES + 1;
    let row = |x: &[f64; crate::matcher::FEATURES]| -> [f64; N] {
        let mut r = [1.0; N];
        r[..crate::matcher::FEATURES].copy_from_slice(x);
        r
    };
    let mut w = [0.0; N];
    for _ in 0..25 {
        let mut h = [[0.0; N]; N];
        let mut g = [0.0; N];
        for (x, y) in data {
            let r = row(x);
            let z: f64 = r.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let s = (p * (1.0 - p)).max(1e-9);
            let err = f64::from(u8::from(*y)) - p;
            for i in 0..N {
                g[i] += r[i] * err;
                for j in 0..N {
                    h[i][j] += s * r[i] * r[j];
                }
            }
        }
        for (i, hi) in h.iter_mut().enumerate() {
            hi[i] += 1e-3 * data.len().max(1) as f64 * 1e-3;
            g[i] -= 1e-6 * w[i];
        }
        let Some(step) = solve(h, g) else { break };
        let mut moved = 0.0f64;
        for i in 0..N {
            w[i] += step[i];
            moved = moved.max(step[i].abs());
        }
        if moved < 1e-6 {
            break;
        }
    }
    w.to_vec()
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> Option<[f64; N]> {
    for col in 0..N {
        let pivot = (col..N).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let pivot_row = a[col];
        for r in col + 1..N {
            let f = a[r][col] / pivot_row[col];
            for (x, p) in a[r].iter_mut().zip(pivot_row.iter()).skip(col) {
                *x -= f * p;
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = [0.0; N];
    for r in (0..N).rev() {
        let s: f64 = (r + 1..N).map(|c| a[r][c] * x[c]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    Some(x)
}

/// One failing query of the matching reports, for error analysis (`qamus eval matching --errors FILE`).
#[derive(Clone, Debug, PartialEq)]
pub struct MatchError {
    /// `variants`, `oog` (a false match of an out-of-glossary query), `cross`, `cross-oog` (a cross-script query
    /// whose name is not in the glossary that found one), `latin` or `latin-oog` (the same with the Arabic's `plain`
    /// transliteration as the query).
    pub task: &'static str,
    /// Whether the row is in the held-out fifth.
    pub held_out: bool,
    /// The query as written.
    pub query: String,
    /// The expected entity's English name (empty for out-of-glossary queries, which expect nothing).
    pub expected: String,
    /// The expected entity's form in the glossary (the group's Arabic spelling; the English name cross-script).
    pub expected_form: String,
    /// The expected entity's rank among every match at threshold 0 (`None`: not returned at all).
    pub rank_any: Option<usize>,
    /// Whether the expected entity was among the fuzzy candidates the index proposed.
    pub in_candidates: bool,
    /// The first three matches at the evaluated threshold: English name, form, score, method, detail.
    pub top: Vec<(String, String, f64, String, String)>,
    /// The first three at threshold 0 (what would have been returned without the threshold).
    pub top_any: Vec<(String, String, f64, String, String)>,
}

impl MatchError {
    /// The header of [`MatchError::tsv`].
    pub const TSV_HEADER: &'static str =
        "task\theld_out\tquery\texpected\texpected_form\trank_any\t\
                                          in_candidates\ttop1\ttop2\ttop3\tany1\tany2\tany3";

    /// One tab-separated line (matches as `english|form|score|method|detail`).
    pub fn tsv(&self) -> String {
        let cell = |list: &[(String, String, f64, String, String)], i: usize| {
            list.get(i).map_or(String::new(), |(en, form, s, m, d)| {
                format!("{en}|{form}|{s:.3}|{m}|{d}")
            })
        };
        let mut cols = vec![
            self.task.to_string(),
            u8::from(self.held_out).to_string(),
            self.query.clone(),
            self.expected.clone(),
            self.expected_form.clone(),
            self.rank_any
                .map_or("-".to_string(), |r| (r + 1).to_string()),
            u8::from(self.in_candidates).to_string(),
        ];
        cols.extend((0..3).map(|i| cell(&self.top, i)));
        cols.extend((0..3).map(|i| cell(&self.top_any, i)));
        cols.join("\t").replace('\n', " ")
    }
}

/// Every failing query of [`matching`] at `options`: variant and cross-script queries whose first match is not
/// their entity, out-of-glossary queries that found another entity. Each with what was returned, what would have
/// been without the threshold, and whether the index proposed the right entity at all (a candidate-recall miss
/// when not). The matchers are built at threshold 0 and the threshold applied here, so `min_margin` is ignored.
pub fn matching_errors(
    dir: &Path,
    options: crate::matcher::MatcherOptions,
) -> Result<Vec<MatchError>> {
    use crate::glossary::Entry;
    use crate::matcher::{Match, Matcher};
    use rayon::prelude::*;

    let variants = read_variants(&dir.join("variants-dev.tsv"))?;
    let pairs = read_pairs(&dir.join("translit-dev.tsv"))?;
    let any = crate::matcher::MatcherOptions {
        threshold: 0.0,
        min_margin: 0.0,
        ..options
    };
    let threshold = options.threshold;
    let list = |found: &[Match<'_>], min: f64| {
        found
            .iter()
            .filter(|m| m.score >= min)
            .take(3)
            .map(|m| {
                (
                    m.entry.en.clone(),
                    m.form.to_string(),
                    m.score,
                    m.method.as_str().to_string(),
                    m.detail.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let mut errors = Vec::new();

    let (glossary, chosen) = variants_glossary(&variants, &pairs);
    let matcher = Matcher::with_options(glossary, any);
    let queries = variant_queries(&variants, &chosen);
    let found: Vec<Option<MatchError>> = queries
        .par_iter()
        .map(|r| {
            let found = matcher.lookup(&r.arabic);
            let same = |e: &Entry| e.id == r.group || same_name(&e.en, &r.english);
            let first = found.first().filter(|m| m.score >= threshold);
            let oog = left_out(&r.group);
            let failed = if oog {
                first.is_some_and(|m| !same(m.entry))
            } else {
                !first.is_some_and(|m| same(m.entry))
            };
            if !failed {
                return None;
            }
            let in_candidates = !oog
                && matcher
                    .candidate_features(&r.arabic)
                    .iter()
                    .any(|(e, ..)| same(e));
            Some(MatchError {
                task: if oog { "oog" } else { "variants" },
                held_out: held_out(&r.group),
                query: r.arabic.clone(),
                expected: if oog {
                    String::new()
                } else {
                    r.english.clone()
                },
                expected_form: if oog {
                    String::new()
                } else {
                    chosen
                        .get(r.group.as_str())
                        .map_or(String::new(), |s| s.to_string())
                },
                rank_any: if oog {
                    None
                } else {
                    found.iter().position(|m| same(m.entry))
                },
                in_candidates,
                top: list(&found, threshold),
                top_any: list(&found, 0.0),
            })
        })
        .collect();
    errors.extend(found.into_iter().flatten());

    // Cross-script and Latin: the English names only, queried with each name's Arabic, then with its `plain`
    // transliteration.
    let matcher = Matcher::with_options(english_only_glossary(&pairs), any);
    let arabic: Vec<String> = pairs.iter().map(|(a, _)| a.clone()).collect();
    let latin = latin_queries(pairs.iter().map(|(a, _)| a.as_str()));
    for (task, texts) in [("cross", arabic), ("latin", latin)] {
        let found: Vec<Option<MatchError>> = pairs
            .par_iter()
            .zip(texts.par_iter())
            .map(|((arabic, english), query)| {
                let found = matcher.lookup(query);
                let right = found
                    .first()
                    .is_some_and(|m| m.score >= threshold && same_name(&m.entry.en, english));
                if right {
                    return None;
                }
                Some(MatchError {
                    task,
                    held_out: held_out(arabic),
                    query: query.clone(),
                    expected: english.clone(),
                    expected_form: english.clone(),
                    rank_any: found.iter().position(|m| same_name(&m.entry.en, english)),
                    in_candidates: matcher
                        .candidate_features(query)
                        .iter()
                        .any(|(e, ..)| same_name(&e.en, english)),
                    top: list(&found, threshold),
                    top_any: list(&found, 0.0),
                })
            })
            .collect();
        errors.extend(found.into_iter().flatten());
    }

    let (glossary, queries) = cross_oog(&pairs);
    let matcher = Matcher::with_options(glossary, any);
    let latin = latin_queries(queries.iter().map(|q| q.0));
    for (task, texts) in [
        (
            "cross-oog",
            queries.iter().map(|q| q.0.to_string()).collect(),
        ),
        ("latin-oog", latin),
    ] {
        let found: Vec<Option<MatchError>> = queries
            .par_iter()
            .zip(texts.par_iter())
            .map(|((arabic, names), query)| {
                let found = matcher.lookup(query);
                found.first().filter(|m| m.score >= threshold)?;
                Some(MatchError {
                    task,
                    held_out: held_out(arabic),
                    query: query.clone(),
                    expected: names.join("|"),
                    expected_form: String::new(),
                    rank_any: None,
                    in_candidates: false,
                    top: list(&found, threshold),
                    top_any: list(&found, 0.0),
                })
            })
            .collect();
        errors.extend(found.into_iter().flatten());
    }
    Ok(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_oog_leaves_a_fifth_of_the_names_out_and_queries_only_their_own_spellings() {
        let names: Vec<String> = (0..40).map(|i| format!("Name{i}")).collect();
        let out: Vec<&String> = names.iter().filter(|n| cross_left_out(n)).collect();
        let kept: Vec<&String> = names.iter().filter(|n| !cross_left_out(n)).collect();
        assert!(out.len() >= 2 && kept.len() >= 2, "{out:?}");
        let pairs = vec![
            // A name left out, with a spelling of its own: queried, with every name paired with it.
            ("باسم".to_string(), out[0].clone()),
            ("باسم".to_string(), out[1].clone()),
            // A name left out whose spelling (at the search level) is also a kept name's: not queried.
            ("أحمد".to_string(), out[1].clone()),
            ("احمد".to_string(), kept[0].clone()),
            ("سمير".to_string(), kept[1].clone()),
        ];
        let (glossary, queries) = cross_oog(&pairs);
        assert_eq!(
            queries,
            vec![("باسم", vec![out[0].as_str(), out[1].as_str()])]
        );
        let mut en: Vec<&str> = glossary.entries().iter().map(|e| e.en.as_str()).collect();
        en.sort_unstable();
        assert_eq!(en, vec![kept[0].as_str(), kept[1].as_str()]);
    }
}
