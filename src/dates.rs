//! Dates in Arabic running text, normalized to ISO 8601: a key for cross-referencing documents.
//!
//! # Overview
//! [`find_dates`] returns every [`DateMention`] of a text: its byte span, its surface as written and its
//! [`PartialDate`], which renders as ISO 8601 (`2020-11-09`; `2020-11` for a month and year; `--11-09` for a day
//! and month without a year, the ISO 8601:2000 / RFC 6350 truncated form).
//!
//! What is read:
//!
//! | form | example | rule |
//! |---|---|---|
//! | day, month name, optional year | `9 نوفمبر 2020`, `٠٧ يوليو ٢٠٢١`, `31 أكتوبر` | day 1–31, one or two digits |
//! | double month names | `9 تشرين الثاني/ نوفمبر 2020`, `7 يوليو (تموز) 2021` | both names must agree; one side may be a one-letter typo of a name of the other's month (`نوفمب/تشرين الثاني`) |
//! | month name and year | `نوفمبر 2020` | the year is required (a month alone is not a date) |
//! | weekday before a date | `الخميس 9 مايو 2024`, `الخميس، الموافق 9 مايو 2024` | see *Weekdays* |
//! | numeric, day first | `09/11/2020`, `9-11-2020`, `9.11.2020` | day/month/year, as the Arabic press writes them; one separator throughout, no spaces |
//! | numeric, year first | `2020-11-09`, `2020/11/09` | year/month/day |
//!
//! Digits may be ASCII, Arabic-Indic (٠–٩) or Eastern Arabic-Indic (۰–۹). Month names are recognized in their
//! Levantine/Iraqi (Syriac) forms (كانون الثاني … كانون الأول, with or without the article on the second word:
//! تشرين أول), Egyptian/Gulf forms (يناير … ديسمبر, يونيه, يوليه), Moroccan forms (ماي, يوليوز, غشت, شتنبر, نونبر,
//! دجنبر) and Algerian/Tunisian forms (جانفي, فيفري, أفريل, جوان, جويلية, أوت). Spelling variants (أ إ آ → ا, ة → ه,
//! ى → ي, marks, tatweel, Persian letters, presentation forms) are absorbed by folding every word with
//! [`normalize::search`] before looking it up, so the tables list one spelling per name.
//!
//! Rules and decisions:
//!
//! * **Years** are four digits from 1000 to 2999, optionally followed by م (ميلادي, glued or as the next word,
//!   included in the surface). A year followed by هـ (Hijri) is not Gregorian and is not read. A bare year
//!   (`عام 2020`) is not reported: four-digit numbers are too often counts (`2000 جندي`).
//! * **Numeric dates** are read day first (`09/11/2020` is 9 November), never month first: a day-first reading that
//!   is invalid (`11/25/2020`) is not reported. Two-digit years are ambiguous and not read.
//! * **Invalid dates** (`31 شباط`, `29 فبراير 2021`) are not reported, and their words are not re-read as a shorter
//!   date (`شباط 2021` is not extracted from `31 شباط 2021`). A day and month without a year accept 29 February.
//! * **Weekdays** (الأحد … السبت) just before a date, optionally followed by a comma and الموافق, are included in the
//!   surface, since they belong to the expression a reader sees. When the date has a year and the weekday is not
//!   the day it fell on, the weekday is left out of the surface (the date itself is still reported).
//! * **Clitics** glued to the day (و، ف، ب، ل، ك, at most two, tatweel allowed: و11، بـ9) are common in the press
//!   (`9 نوفمبر 2020، و11 يناير`): they are read and left out of the surface, so `start` points at the digits. A
//!   clitic glued to a month name is read only when the month begins a month-and-year date (`وفبراير 2021`).
//! * **A shared year**: in `11 يناير و26 نوفمبر 2021` the year closes a coordinated list. A day and month without a
//!   year followed only by و, commas and spaces by a dated mention later in the same year takes its year;
//!   [`DateMention::year_shared`] says so. `31 ديسمبر و1 يناير 2021` is left partial, since the order shows the
//!   first date belongs to another year.
//! * A date may span one line break but not a blank line.
//!
//! Not read: ordinal day words (التاسع من نوفمبر), ranges (من 9 إلى 11 نوفمبر reports 11 November only), Hijri and
//! Syriac-era dates, Libyan month names, Latin month names.
//!
//! # Example
//! ```
//! use qamus::dates::find_dates;
//!
//! let text = "وقع البيان في 9 تشرين الثاني/ نوفمبر 2020، و11 يناير 2021، ثم الخميس 9 مايو 2024 و31 أكتوبر.";
//! let found: Vec<String> = find_dates(text).iter().map(|d| d.date.iso()).collect();
//! assert_eq!(found, ["2020-11-09", "2021-01-11", "2024-05-09", "--10-31"]);
//!
//! let d = &find_dates("نشر في ٠٧ يوليو ٢٠٢١")[0];
//! assert_eq!((d.surface.as_str(), d.date.to_string()), ("٠٧ يوليو ٢٠٢١", "2021-07-07".to_string()));
//! assert_eq!(&"نشر في ٠٧ يوليو ٢٠٢١"[d.start..d.end], d.surface);
//! ```

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::{Serialize, Serializer};

use crate::error::{Error, ErrorKind};
use crate::normalize;

/// A Gregorian calendar date of which any part may be unknown (a day and month without a year, a month and year).
///
/// Construct it with [`PartialDate::new`], which checks that the parts make a real date. It renders (`Display`,
/// [`iso`](PartialDate::iso), serde) as ISO 8601: `2020-11-09`, `2020-11`, `2020`, `--11-09` (no year), `--11`
/// (a month alone); and parses back from those forms (`FromStr`).
///
/// ```
/// use qamus::dates::PartialDate;
///
/// let d = PartialDate::new(None, Some(11), Some(9)).ok_or("invalid")?;
/// assert_eq!(d.iso(), "--11-09");
/// assert_eq!("2020-11-09".parse::<PartialDate>()?.day, Some(9));
/// assert!(PartialDate::new(Some(2021), Some(2), Some(29)).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year (1000–2999 when read from text), if known.
    pub year: Option<i32>,
    /// The month, 1–12, if known.
    pub month: Option<u8>,
    /// The day of the month, 1–31, if known (never without a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// A date from its parts, or `None` when they do not make one: a month outside 1–12, a day outside its month
    /// (29 February only in leap years, or with no year), a day without a month, a year outside 0–9999, or no part
    /// at all.
    pub fn new(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
        if year.is_none() && month.is_none() {
            return None;
        }
        if year.is_some_and(|y| !(0..=9999).contains(&y)) {
            return None;
        }
        if month.is_some_and(|m| !(1..=12).contains(&m)) {
            return None;
        }
        if let Some(d) = day {
            let m = month?;
            if d == 0 || d > days_in_month(year, m) {
                return None;
            }
        }
        Some(PartialDate { year, month, day })
    }

    /// The ISO 8601 form: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD` or `--MM`.
    pub fn iso(&self) -> String {
        self.to_string()
    }

    /// Whether year, month and day are all known.
    pub fn is_complete(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    /// The day of the week of a complete date, 0 = Sunday (الأحد) … 6 = Saturday (السبت); `None` when a part is
    /// missing.
    ///
    /// ```
    /// use qamus::dates::PartialDate;
    /// let d = PartialDate::new(Some(2024), Some(5), Some(9));
    /// assert_eq!(d.and_then(|d| d.weekday()), Some(4)); // a Thursday, الخميس
    /// ```
    pub fn weekday(&self) -> Option<u8> {
        let (y, m, d) = (self.year?, self.month?, self.day?);
        // Days from 1970-01-01 (a Thursday) by the civil-from-days inverse (H. Hinnant), then modulo 7.
        let y = i64::from(y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i64::from(m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        u8::try_from((days + 4).rem_euclid(7)).ok()
    }
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` of `year`; with no year, February has 29 (the date may fall in a leap year).
fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}")?,
            None => f.write_str("-")?,
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl FromStr for PartialDate {
    type Err = Error;

    /// Parses the forms [`iso`](PartialDate::iso) writes.
    fn from_str(s: &str) -> Result<PartialDate, Error> {
        let bad = || {
            Error::new(
                ErrorKind::Usage,
                None,
                format!("not an ISO 8601 date (YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, --MM): {s:?}"),
            )
        };
        let num = |p: &str| -> Option<u32> {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            p.parse().ok()
        };
        let (year, rest) = match s.strip_prefix("--") {
            Some(rest) => (None, rest),
            None => {
                let (y, rest) = s.split_once('-').unwrap_or((s, ""));
                if y.len() != 4 {
                    return Err(bad());
                }
                let y = num(y).and_then(|y| i32::try_from(y).ok()).ok_or_else(bad)?;
                (Some(y), rest)
            }
        };
        if s.ends_with('-') {
            return Err(bad());
        }
        let pieces: Vec<&str> = if rest.is_empty() && year.is_some() {
            Vec::new()
        } else {
            rest.split('-').collect()
        };
        let two = |p: Option<&&str>| -> Result<Option<u8>, Error> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == 2 => num(p)
                    .and_then(|v| u8::try_from(v).ok())
                    .map(Some)
                    .ok_or_else(bad),
                Some(_) => Err(bad()),
            }
        };
        if pieces.len() > 2 {
            return Err(bad());
        }
        let month = two(pieces.first())?;
        let day = two(pieces.get(1))?;
        PartialDate::new(year, month, day).ok_or_else(bad)
    }
}

/// One date found by [`find_dates`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// Byte offset of the first character of the surface (after a clitic glued to the day).
    pub start: usize,
    /// Byte offset just past the surface.
    pub end: usize,
    /// The text as written, `&text[start..end]`.
    pub surface: String,
    /// The date it names.
    pub date: PartialDate,
    /// Whether the year was taken from a following date of the same coordinated list (`11 يناير و26 نوفمبر
    /// 2021`) rather than written in the surface.
    pub year_shared: bool,
}

/// Every date of `text`, in order, non-overlapping; see the [module documentation](self) for what is read.
///
/// Never panics; offsets are always on character boundaries of `text`.
///
/// ```
/// use qamus::dates::find_dates;
/// let iso: Vec<String> = find_dates("الأربعاء 7 يوليو/ تموز 2021، و09/11/2020")
///     .iter()
///     .map(|d| d.date.iso())
///     .collect();
/// assert_eq!(iso, ["2021-07-07", "2020-11-09"]);
/// ```
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    for (from, to) in windows(text) {
        find_in(text, from, to, &mut out);
    }
    share_years(text, &mut out);
    out
}

/// Bytes read before and after each digit: every date holds a digit, and no date reaches further from its first
/// one (a weekday, a comma and الموافق before it; two two-word month names and a year after it, each word at most
/// 48 bytes, the longest [`lex`] looks up).
const REACH: usize = 256;

/// The parts of `text` that can hold a date: from whitespace at least [`REACH`] bytes before a digit to
/// whitespace at least [`REACH`] bytes after one, overlapping windows merged. Text without digits is not tokenized.
fn windows(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(0);
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        // ASCII digits, Arabic-Indic U+0660..U+0669 (D9 A0..A9), Eastern Arabic-Indic U+06F0..U+06F9 (DB B0..B9).
        let digit = b.is_ascii_digit()
            || (b == 0xD9 && (0xA0..=0xA9).contains(&next))
            || (b == 0xDB && (0xB0..=0xB9).contains(&next));
        // A digit whose reach the current window already covers needs no new window (this keeps long runs of
        // digits linear).
        if !digit || out.last().is_some_and(|last| i + REACH <= last.1) {
            i += 1;
            continue;
        }
        let from = snap_back(text, i.saturating_sub(REACH));
        let to = snap_forward(text, i + REACH);
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
        i += 1;
    }
    out
}

/// How far [`snap_back`] and [`snap_forward`] look for whitespace. A word longer than this is cut: its pieces are
/// letters or digits that no date can use (a day has two digits, a clitic two letters), so nothing is lost.
const SNAP_LIMIT: usize = 1024;

/// The start of the whitespace-delimited word holding byte `at` (or `at` itself when it starts one), looking back
/// at most [`SNAP_LIMIT`] bytes.
fn snap_back(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut floor = at.saturating_sub(SNAP_LIMIT);
    while floor > 0 && !text.is_char_boundary(floor) {
        floor -= 1;
    }
    let before = text.get(floor..at).unwrap_or_default();
    before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(floor, |(k, c)| floor + k + c.len_utf8())
}

/// The end of the whitespace-delimited word holding byte `at`, looking ahead at most [`SNAP_LIMIT`] bytes.
fn snap_forward(text: &str, mut at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let mut ceiling = (at + SNAP_LIMIT).min(text.len());
    while !text.is_char_boundary(ceiling) {
        ceiling += 1;
    }
    let after = text.get(at..ceiling).unwrap_or_default();
    after
        .char_indices()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(ceiling, |(k, _)| at + k)
}

/// The dates of `text[from..to]`, pushed onto `out`.
fn find_in(text: &str, from: usize, to: usize, out: &mut Vec<DateMention>) {
    let toks = tokenize(text, from, to);
    let mut next_num = vec![toks.len(); toks.len()];
    let mut next = toks.len();
    for (k, t) in toks.iter().enumerate().rev() {
        if matches!(t.kind, Kind::Num(_)) {
            next = k;
        }
        if let Some(slot) = next_num.get_mut(k) {
            *slot = next;
        }
    }
    let p = Parser {
        text,
        toks: &toks,
        next_num,
    };
    let mut i = 0;
    while i < toks.len() {
        match p.date_at(i) {
            Found::Date {
                date,
                start,
                end,
                next,
            } => {
                out.push(DateMention {
                    start,
                    end,
                    surface: text.get(start..end).unwrap_or_default().to_string(),
                    date,
                    year_shared: false,
                });
                i = next.max(i + 1);
            }
            Found::Invalid { next } => i = next.max(i + 1),
            Found::Nothing => i += 1,
        }
    }
}

/// Gives a yearless day-and-month the year of the next mention when only و, commas and spaces separate them and
/// the next one falls later in its year (processed right to left, so a whole list takes the year at its end).
fn share_years(text: &str, mentions: &mut [DateMention]) {
    for i in (1..mentions.len()).rev() {
        let (left, right) = mentions.split_at_mut(i);
        let (Some(a), Some(b)) = (left.last_mut(), right.first()) else {
            continue;
        };
        let (Some(year), None, Some(am), Some(ad), Some(bm), Some(bd)) = (
            b.date.year,
            a.date.year,
            a.date.month,
            a.date.day,
            b.date.month,
            b.date.day,
        ) else {
            continue;
        };
        let between = text.get(a.end..b.start).unwrap_or("x");
        let linked = between
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, 'و' | '،' | ',' | '\u{0640}'));
        if !linked || between.chars().filter(|&c| c == 'و').count() != 1 || (am, ad) >= (bm, bd) {
            continue;
        }
        if let Some(date) = PartialDate::new(Some(year), Some(am), Some(ad)) {
            a.date = date;
            a.year_shared = true;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Lexicon

/// What a (folded) word means to the date reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lex {
    Month(u8),
    /// 0 = Sunday.
    Weekday(u8),
    /// كانون: with الأول → 12, with الثاني → 1.
    Kanun,
    /// تشرين: with الأول → 10, with الثاني → 11.
    Tishrin,
    First,
    Second,
    /// الموافق ("corresponding to"), between a weekday and its date.
    Muwafiq,
    /// م (ميلادي) after a year.
    Milady,
    /// هـ (هجري) after a year.
    Hijri,
}

/// Month names, one spelling each: [`normalize::search`] folds the variants (أبريل/ابريل/إبريل, يونية/يونيه…).
const MONTHS: &[(&str, u8)] = &[
    // Levantine / Iraqi (Syriac) names; كانون and تشرين take a second word (below).
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    // Egyptian / Gulf names.
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Moroccan names (يناير, فبراير, مارس, أبريل, يونيو, أكتوبر as above).
    ("ماي", 5),
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
    // Algerian / Tunisian names (from French; مارس, ماي, سبتمبر, أكتوبر, نوفمبر, ديسمبر as above).
    ("جانفي", 1),
    ("فيفري", 2),
    ("أفريل", 4),
    ("جوان", 6),
    ("جويلية", 7),
    ("أوت", 8),
];

const WEEKDAYS: &[(&str, u8)] = &[
    ("الأحد", 0),
    ("الإثنين", 1),
    ("الثلاثاء", 2),
    ("الأربعاء", 3),
    ("الخميس", 4),
    ("الجمعة", 5),
    ("السبت", 6),
];

const OTHER: &[(&str, Lex)] = &[
    ("كانون", Lex::Kanun),
    ("تشرين", Lex::Tishrin),
    ("الأول", Lex::First),
    ("أول", Lex::First),
    ("الثاني", Lex::Second),
    ("ثاني", Lex::Second),
    ("الموافق", Lex::Muwafiq),
    ("م", Lex::Milady),
    ("هـ", Lex::Hijri),
];

/// The search-level key of a word.
fn key(word: &str) -> std::borrow::Cow<'_, str> {
    normalize::search(word)
}

fn lexicon() -> &'static FxHashMap<String, Lex> {
    static LEXICON: OnceLock<FxHashMap<String, Lex>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map = FxHashMap::default();
        for &(w, m) in MONTHS {
            map.insert(key(w).into_owned(), Lex::Month(m));
        }
        for &(w, d) in WEEKDAYS {
            map.insert(key(w).into_owned(), Lex::Weekday(d));
        }
        for &(w, l) in OTHER {
            map.insert(key(w).into_owned(), l);
        }
        map
    })
}

/// The folded spellings of each month, for the one-typo allowance in double forms.
fn month_spellings(month: u8) -> impl Iterator<Item = String> {
    let syriac: &[&str] = match month {
        1 | 12 => &["كانون"],
        10 | 11 => &["تشرين"],
        _ => &[],
    };
    MONTHS
        .iter()
        .filter(move |&&(_, m)| m == month)
        .map(|&(w, _)| w)
        .chain(syriac.iter().copied())
        .map(|w| key(w).into_owned())
}

/// Whether `word` is one edit from a spelling of `month` (both at least four letters): a typo such as نوفمب.
fn near_month(word: &str, month: u8) -> bool {
    let word = key(word);
    let n = word.chars().count();
    n >= 4
        && month_spellings(month)
            .any(|s| s.chars().count() >= 4 && strsim::levenshtein(&word, &s) <= 1)
}

fn lex(word: &str) -> Option<Lex> {
    // Month and weekday words are short: skip the fold for long words.
    if word.len() > 48 {
        return None;
    }
    let map = lexicon();
    // Most words are looked up as written; only words with a letter the fold changes pay for it.
    if let Some(&l) = map.get(word) {
        return Some(l);
    }
    if word.chars().all(is_plain_letter) {
        return None;
    }
    map.get(key(word).as_ref()).copied()
}

/// Arabic letters that [`normalize::search`] leaves as they are (no hamza forms of alef, ى, ة, ؤ, ئ, no marks,
/// no tatweel, no Persian letters or presentation forms).
fn is_plain_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
        && !matches!(c, 'أ' | 'إ' | 'آ' | 'ى' | 'ة' | 'ؤ' | 'ئ')
}

/// Clitic letters read before a day number or a month name.
fn is_clitic(c: char) -> bool {
    matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
}

/// The byte length of a clitic prefix (one or two of و ف ب ل ك, tatweel allowed after) of `word` followed by
/// something, or `None`.
fn clitic_prefix(word: &str) -> impl Iterator<Item = usize> + '_ {
    let mut ends = Vec::new();
    let mut letters = 0;
    for (i, c) in word.char_indices() {
        if is_clitic(c) && letters < 2 {
            letters += 1;
        } else if c == '\u{0640}' && letters > 0 {
        } else {
            break;
        }
        let end = i + c.len_utf8();
        if end < word.len() {
            ends.push(end);
        }
    }
    ends.into_iter()
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Letters (with marks and tatweel), no digits.
    Word,
    /// Digits, maybe after a glued clitic (و11) and before م or هـ.
    Num(Number),
    /// Letters and digits mixed otherwise (30SM).
    Mixed,
    /// Any other character.
    Punct(char),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Number {
    value: u32,
    digits: u8,
    /// Bytes of the clitic prefix.
    clitic: u8,
    /// Glued م (ميلادي) or هـ (هجري) after the digits.
    milady: bool,
    hijri: bool,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// Whitespace before the token.
    space: bool,
    /// Line breaks before the token (saturating).
    newlines: u8,
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // The Arabic block, the common case, without the general Unicode tables.
        return normalize::is_arabic_letter(c)
            || normalize::is_arabic_mark(c)
            || c == '\u{0640}'
            || digit_value(c).is_some();
    }
    c.is_alphanumeric()
        || normalize::is_arabic_mark(c)
        || c == '\u{0640}'
        || unicode_normalization::char::is_combining_mark(c)
}

/// Format controls (bidi marks, zero-width characters, BOM, soft hyphen) are skipped without ending a word gap.
fn is_transparent(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// The tokens of `text[from..to]` (`from` and `to` on character boundaries), with offsets into `text`.
fn tokenize(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut space = false;
    let mut newlines: u8 = 0;
    let mut word_start: Option<usize> = None;
    let flush = |toks: &mut Vec<Tok>, start: usize, end: usize, space: &mut bool, nl: &mut u8| {
        let kind = classify(text.get(start..end).unwrap_or_default());
        toks.push(Tok {
            kind,
            start,
            end,
            space: *space,
            newlines: *nl,
        });
        *space = false;
        *nl = 0;
    };
    let part = text.get(from..to).unwrap_or_default();
    for (i, c) in part.char_indices() {
        let i = i + from;
        if is_word_char(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(s) = word_start.take() {
            flush(&mut toks, s, i, &mut space, &mut newlines);
        }
        if is_transparent(c) {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            if c == '\n' {
                newlines = newlines.saturating_add(1);
            }
            continue;
        }
        toks.push(Tok {
            kind: Kind::Punct(c),
            start: i,
            end: i + c.len_utf8(),
            space,
            newlines,
        });
        space = false;
        newlines = 0;
    }
    if let Some(s) = word_start {
        flush(&mut toks, s, from + part.len(), &mut space, &mut newlines);
    }
    toks
}

fn classify(word: &str) -> Kind {
    let Some(first_digit) = word.find(|c: char| digit_value(c).is_some()) else {
        let other_digit = word
            .chars()
            .any(|c| !c.is_ascii() && !('\u{0600}'..='\u{06FF}').contains(&c) && c.is_numeric());
        return if other_digit { Kind::Mixed } else { Kind::Word };
    };
    let prefix = word.get(..first_digit).unwrap_or_default();
    let clitic_ok = prefix.is_empty()
        || clitic_prefix(word).any(|e| e == first_digit && !prefix.starts_with('\u{0640}'));
    if !clitic_ok {
        return Kind::Mixed;
    }
    let rest = word.get(first_digit..).unwrap_or_default();
    let digits_end = rest
        .find(|c: char| digit_value(c).is_none())
        .unwrap_or(rest.len());
    let (digits, suffix) = rest.split_at(digits_end);
    let (milady, hijri) = match suffix {
        "" => (false, false),
        "م" => (true, false),
        "هـ" | "ه" => (false, true),
        _ => return Kind::Mixed,
    };
    let mut value: u32 = 0;
    let mut count: u8 = 0;
    for c in digits.chars() {
        value = value
            .saturating_mul(10)
            .saturating_add(digit_value(c).unwrap_or(0));
        count = count.saturating_add(1);
    }
    Kind::Num(Number {
        value,
        digits: count,
        clitic: u8::try_from(first_digit).unwrap_or(u8::MAX),
        milady,
        hijri,
    })
}

// ---------------------------------------------------------------------------------------------------------------
// Parser

enum Found {
    Date {
        date: PartialDate,
        start: usize,
        end: usize,
        next: usize,
    },
    /// Looked like a date but is not a valid one: skip these tokens.
    Invalid {
        next: usize,
    },
    Nothing,
}

/// A month read from one or two names.
enum Spec {
    Month {
        month: u8,
        next: usize,
        end: usize,
    },
    /// Two names that disagree (نوفمبر/ كانون الثاني): not a date.
    Conflict {
        next: usize,
    },
    Nothing,
}

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// For each token, the index of the first number token at or after it (`toks.len()` when none).
    next_num: Vec<usize>,
}

/// How far after a word a date that starts with it has its first number: weekday, comma, الموافق, day; or a
/// two-word month, slash, two-word month, year.
const NUMBER_WITHIN: usize = 6;

impl Parser<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// Token `i` when it continues an expression (no blank line before it).
    fn cont(&self, i: usize) -> Option<&Tok> {
        self.tok(i).filter(|t| t.newlines <= 1)
    }

    fn word(&self, t: &Tok) -> &str {
        self.text.get(t.start..t.end).unwrap_or_default()
    }

    fn lex_at(&self, i: usize) -> Option<Lex> {
        let t = self.cont(i)?;
        (t.kind == Kind::Word).then(|| lex(self.word(t))).flatten()
    }

    fn punct_at(&self, i: usize, chars: &[char]) -> bool {
        matches!(self.cont(i), Some(Tok { kind: Kind::Punct(c), .. }) if chars.contains(c))
    }

    fn date_at(&self, i: usize) -> Found {
        let Some(t) = self.tok(i) else {
            return Found::Nothing;
        };
        match t.kind {
            Kind::Word => {
                // Every date holds a number: most words are far from one and need no look-up.
                let near = self
                    .next_num
                    .get(i)
                    .is_some_and(|&n| n < self.toks.len() && n - i <= NUMBER_WITHIN);
                if !near {
                    return Found::Nothing;
                }
                if let Some(Lex::Weekday(w)) = lex(self.word(t)) {
                    return self.weekday_date(i, w);
                }
                self.month_year(i)
            }
            Kind::Num(_) => match self.numeric(i) {
                Found::Nothing => self.day_month(i),
                found => found,
            },
            _ => Found::Nothing,
        }
    }

    /// `الخميس[،] [الموافق] 9 مايو 2024`.
    fn weekday_date(&self, i: usize, weekday: u8) -> Found {
        let mut j = i + 1;
        if self.punct_at(j, &['،', ',']) {
            j += 1;
        }
        if self.lex_at(j) == Some(Lex::Muwafiq) {
            j += 1;
        }
        if self.cont(j).is_none() {
            return Found::Nothing;
        }
        match self.day_month(j) {
            Found::Date {
                date,
                start,
                end,
                next,
            } => {
                let agrees = date.weekday().is_none_or(|w| w == weekday);
                let start = match (agrees, self.tok(i)) {
                    (true, Some(t)) => t.start,
                    _ => start,
                };
                Found::Date {
                    date,
                    start,
                    end,
                    next,
                }
            }
            other => other,
        }
    }

    fn number(&self, i: usize) -> Option<Number> {
        match self.tok(i)?.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    /// A number that is glued to a neighbouring separator and digits (`3.5`, `16:19`, `10/9`).
    fn glued_before(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        !t.space
            && i >= 2
            && matches!(self.tok(i - 1), Some(Tok { kind: Kind::Punct(c), space: false, .. })
                if matches!(c, '.' | ',' | '/' | '-' | ':' | '\\' | '٫' | '٬'))
            && matches!(
                self.tok(i - 2),
                Some(Tok {
                    kind: Kind::Num(_) | Kind::Mixed,
                    ..
                })
            )
    }

    fn glued_after(&self, i: usize) -> bool {
        matches!(self.tok(i + 1), Some(Tok { kind: Kind::Punct(c), space: false, .. })
                if matches!(c, '.' | ',' | '/' | '-' | ':' | '\\' | '٫' | '٬'))
            && matches!(
                self.tok(i + 2),
                Some(Tok {
                    kind: Kind::Num(_) | Kind::Mixed,
                    space: false,
                    ..
                })
            )
    }

    /// `09/11/2020`, `9-11-2020`, `2020-11-09`: three numbers and one separator, no spaces.
    fn numeric(&self, i: usize) -> Found {
        let (Some(a), Some(b), Some(c)) = (self.number(i), self.number(i + 2), self.number(i + 4))
        else {
            return Found::Nothing;
        };
        let sep = match self.tok(i + 1).map(|t| t.kind) {
            Some(Kind::Punct(s)) if matches!(s, '/' | '-' | '.') => s,
            _ => return Found::Nothing,
        };
        let tight = (i + 1..=i + 4).all(|k| self.tok(k).is_some_and(|t| !t.space))
            && matches!(self.tok(i + 3).map(|t| t.kind), Some(Kind::Punct(s)) if s == sep);
        if !tight
            || b.clitic != 0
            || c.clitic != 0
            || a.milady
            || a.hijri
            || b.milady
            || b.hijri
            || c.hijri
            || self.glued_before(i)
            || self.glued_after(i + 4)
        {
            return Found::Nothing;
        }
        let (y, m, d) =
            if a.digits == 4 && a.clitic == 0 && b.digits <= 2 && c.digits <= 2 && !c.milady {
                (a, b, c)
            } else if c.digits == 4 && a.digits <= 2 && b.digits <= 2 {
                (c, b, a)
            } else {
                return Found::Nothing;
            };
        let (Some(start), Some(end)) = (
            self.tok(i).map(|t| t.start + usize::from(a.clitic)),
            self.tok(i + 4).map(|t| t.end),
        ) else {
            return Found::Nothing;
        };
        let date = to_date(i32::try_from(y.value).ok(), m.value, Some(d.value));
        match date {
            Some(date) if (1000..=2999).contains(&y.value) => Found::Date {
                date,
                start,
                end,
                next: i + 5,
            },
            _ => Found::Invalid { next: i + 5 },
        }
    }

    /// `9 نوفمبر`, `و11 يناير/ كانون الثاني 2021`, `٠٧ يوليو ٢٠٢١`.
    fn day_month(&self, i: usize) -> Found {
        let Some(n) = self.number(i) else {
            return Found::Nothing;
        };
        if n.digits > 2 || n.milady || n.hijri || self.glued_before(i) || self.glued_after(i) {
            return Found::Nothing;
        }
        let Some(t) = self.tok(i) else {
            return Found::Nothing;
        };
        let start = t.start + usize::from(n.clitic);
        let (month, next, end) = match self.month_spec(i + 1, false) {
            Spec::Month { month, next, end } => (month, next, end),
            Spec::Conflict { next } => return Found::Invalid { next },
            Spec::Nothing => return Found::Nothing,
        };
        let (year, next, end) = match self.year(next) {
            Some((y, next, end)) => (Some(y), next, end),
            None => (None, next, end),
        };
        match to_date(year, u32::from(month), Some(n.value)) {
            Some(date) => Found::Date {
                date,
                start,
                end,
                next,
            },
            None => Found::Invalid { next },
        }
    }

    /// `نوفمبر 2020`, `تشرين الثاني/ نوفمبر 2020`: a month name and a year.
    fn month_year(&self, i: usize) -> Found {
        let (month, next) = match self.month_spec(i, true) {
            Spec::Month { month, next, .. } => (month, next),
            Spec::Conflict { next } => return Found::Invalid { next },
            Spec::Nothing => return Found::Nothing,
        };
        let Some((year, next, end)) = self.year(next) else {
            return Found::Nothing;
        };
        let start = self.tok(i).map_or(0, |t| t.start) + self.month_clitic(i);
        match to_date(Some(year), u32::from(month), None) {
            Some(date) => Found::Date {
                date,
                start,
                end,
                next,
            },
            None => Found::Invalid { next },
        }
    }

    /// Bytes of a clitic glued to the month word at `i` (0 when the word is a month as written).
    fn month_clitic(&self, i: usize) -> usize {
        let Some(t) = self.tok(i) else { return 0 };
        let w = self.word(t);
        if lex(w).is_some() {
            return 0;
        }
        clitic_prefix(w)
            .find(|&e| {
                matches!(
                    lex(w.get(e..).unwrap_or_default()),
                    Some(Lex::Month(_) | Lex::Kanun | Lex::Tishrin)
                )
            })
            .unwrap_or(0)
    }

    /// A month named at `i` by one word or كانون/تشرين + الأول/الثاني: (month, next token, end byte).
    fn month(&self, i: usize, clitic: bool) -> Option<(u8, usize, usize)> {
        let t = self.cont(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let w = self.word(t);
        let mut found = lex(w);
        if found.is_none() && clitic {
            let e = self.month_clitic(i);
            if e > 0 {
                found = lex(w.get(e..).unwrap_or_default());
            }
        }
        match found? {
            Lex::Month(m) => Some((m, i + 1, t.end)),
            base @ (Lex::Kanun | Lex::Tishrin) => {
                let second = self.lex_at(i + 1)?;
                let end = self.tok(i + 1)?.end;
                let m = match (base, second) {
                    (Lex::Kanun, Lex::First) => 12,
                    (Lex::Kanun, Lex::Second) => 1,
                    (Lex::Tishrin, Lex::First) => 10,
                    (Lex::Tishrin, Lex::Second) => 11,
                    _ => return None,
                };
                Some((m, i + 2, end))
            }
            _ => None,
        }
    }

    /// One month name, or two for one month: `نوفمبر/ تشرين الثاني`, `يوليو (تموز)`; one side may be a one-letter
    /// typo of the other's month (`نوفمب/تشرين الثاني`).
    fn month_spec(&self, i: usize, clitic: bool) -> Spec {
        let Some((month, next, end)) = self.month(i, clitic) else {
            // A typo before the slash, the real name after it.
            if let (Some(t), true) = (self.cont(i), self.punct_at(i + 1, &['/'])) {
                if t.kind == Kind::Word {
                    if let Some((m, next, end)) = self.month(i + 2, false) {
                        if near_month(self.word(t), m) {
                            return Spec::Month {
                                month: m,
                                next,
                                end,
                            };
                        }
                    }
                }
            }
            return Spec::Nothing;
        };
        let paren = self.punct_at(next, &['(']);
        if !paren && !self.punct_at(next, &['/']) {
            return Spec::Month { month, next, end };
        }
        let (other, after, other_end) = match self.month(next + 1, false) {
            Some((m, after, e)) => (Some(m), after, e),
            None => {
                let typo = self
                    .cont(next + 1)
                    .filter(|t| t.kind == Kind::Word && near_month(self.word(t), month));
                match typo {
                    Some(t) => (Some(month), next + 2, t.end),
                    None => (None, next, end),
                }
            }
        };
        let Some(other) = other else {
            return Spec::Month { month, next, end };
        };
        let (after, other_end) = if paren {
            if !self.punct_at(after, &[')']) {
                return Spec::Month { month, next, end };
            }
            (after + 1, self.tok(after).map_or(other_end, |t| t.end))
        } else {
            (after, other_end)
        };
        if other != month {
            return Spec::Conflict { next: after };
        }
        Spec::Month {
            month,
            next: after,
            end: other_end,
        }
    }

    /// A four-digit year 1000–2999 at `i`, with a following م: (year, next token, end byte). A year marked هـ is
    /// not Gregorian: `None`.
    fn year(&self, i: usize) -> Option<(i32, usize, usize)> {
        let t = self.cont(i)?;
        let Kind::Num(n) = t.kind else { return None };
        if n.digits != 4
            || n.clitic != 0
            || n.hijri
            || !(1000..=2999).contains(&n.value)
            || self.glued_after(i)
        {
            return None;
        }
        let year = i32::try_from(n.value).ok()?;
        match self.lex_at(i + 1) {
            Some(Lex::Hijri) => None,
            Some(Lex::Milady) if !n.milady => Some((year, i + 2, self.tok(i + 1)?.end)),
            _ => Some((year, i + 1, t.end)),
        }
    }
}

fn to_date(year: Option<i32>, month: u32, day: Option<u32>) -> Option<PartialDate> {
    let month = u8::try_from(month).ok()?;
    let day = match day {
        Some(d) => Some(u8::try_from(d).ok()?),
        None => None,
    };
    PartialDate::new(year, Some(month), day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn iso(text: &str) -> Vec<String> {
        find_dates(text).iter().map(|d| d.date.iso()).collect()
    }

    #[test]
    fn renders_iso_8601_forms() {
        let d = |y, m, d| PartialDate::new(y, m, d).map(|p| p.iso());
        assert_eq!(
            d(Some(2020), Some(11), Some(9)).as_deref(),
            Some("2020-11-09")
        );
        assert_eq!(d(Some(2020), Some(11), None).as_deref(), Some("2020-11"));
        assert_eq!(d(None, Some(11), Some(9)).as_deref(), Some("--11-09"));
        assert_eq!(d(Some(2020), None, None).as_deref(), Some("2020"));
        assert_eq!(d(None, Some(3), None).as_deref(), Some("--03"));
        assert_eq!(
            d(Some(987), Some(1), Some(1)).as_deref(),
            Some("0987-01-01")
        );
        assert_eq!(d(None, None, Some(3)), None);
        assert_eq!(d(None, None, None), None);
    }

    #[test]
    fn validates_days_per_month_and_leap_years() {
        assert!(PartialDate::new(Some(2020), Some(2), Some(29)).is_some());
        assert!(PartialDate::new(Some(2100), Some(2), Some(29)).is_none());
        assert!(PartialDate::new(Some(2000), Some(2), Some(29)).is_some());
        assert!(PartialDate::new(None, Some(2), Some(29)).is_some());
        assert!(PartialDate::new(None, Some(2), Some(30)).is_none());
        assert!(PartialDate::new(None, Some(4), Some(31)).is_none());
        assert!(PartialDate::new(None, Some(13), Some(1)).is_none());
        assert!(PartialDate::new(None, Some(1), Some(0)).is_none());
    }

    #[test]
    fn parses_back_what_it_writes() {
        for s in ["2020-11-09", "2020-11", "2020", "--11-09", "--11"] {
            assert_eq!(
                s.parse::<PartialDate>().map(|d| d.iso()).ok().as_deref(),
                Some(s)
            );
        }
        for bad in [
            "",
            "2020-",
            "20-11-09",
            "2020-13",
            "--02-30",
            "2020-1-9",
            "--",
            "2020-11-09-01",
            "x",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn weekdays_are_right() {
        let w = |y, m, d| PartialDate::new(Some(y), Some(m), Some(d)).and_then(|p| p.weekday());
        assert_eq!(w(1970, 1, 1), Some(4)); // Thursday
        assert_eq!(w(2024, 5, 9), Some(4)); // Thursday
        assert_eq!(w(2021, 7, 7), Some(3)); // Wednesday
        assert_eq!(w(2000, 2, 29), Some(2)); // Tuesday
        assert_eq!(w(1600, 1, 1), Some(6)); // Saturday
    }

    #[test]
    fn every_table_word_is_found_after_folding() {
        for &(w, m) in MONTHS {
            assert_eq!(lex(w), Some(Lex::Month(m)), "{w}");
        }
        // Variants the folds absorb.
        for (w, m) in [
            ("ابريل", 4),
            ("إبريل", 4),
            ("يونية", 6),
            ("يولية", 7),
            ("اغسطس", 8),
            ("اكتوبر", 10),
        ] {
            assert_eq!(lex(w), Some(Lex::Month(m)), "{w}");
        }
        for (w, d) in [("الاثنين", 1), ("الإثنين", 1), ("الجمعه", 5), ("الأحد", 0)]
        {
            assert_eq!(lex(w), Some(Lex::Weekday(d)), "{w}");
        }
    }

    #[test]
    fn twelve_months_in_each_naming_system() {
        let systems = [
            "كانون الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول تشرين الثاني كانون الأول",
            "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
            "يناير فبراير مارس أبريل ماي يونيو يوليوز غشت شتنبر أكتوبر نونبر دجنبر",
            "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر",
        ];
        for names in systems {
            let words: Vec<&str> = names.split(' ').collect();
            let mut months = Vec::new();
            let mut k = 0;
            while k < words.len() {
                let text = format!("1 {} 2000", words[k..].join(" "));
                let first = find_dates(&text);
                let m = first.first().and_then(|d| d.date.month);
                months.push(m);
                k += if matches!(words[k], "كانون" | "تشرين") {
                    2
                } else {
                    1
                };
            }
            let want: Vec<Option<u8>> = (1..=12).map(Some).collect();
            assert_eq!(months, want, "{names}");
        }
    }

    #[test]
    fn offsets_skip_the_glued_clitic() {
        let text = "صدر في 9 نوفمبر 2020، و11 يناير 2021";
        let d = find_dates(text);
        assert_eq!(d.len(), 2);
        assert_eq!(d[1].surface, "11 يناير 2021");
        assert_eq!(text.get(d[1].start..d[1].end), Some("11 يناير 2021"));
        let d = find_dates("بـ9 مايو 2024");
        assert_eq!(d[0].surface, "9 مايو 2024");
    }

    #[test]
    fn weekday_in_surface_only_when_it_agrees() {
        let d = find_dates("الخميس 9 مايو 2024");
        assert_eq!(d[0].surface, "الخميس 9 مايو 2024");
        let d = find_dates("الجمعة 9 مايو 2024");
        assert_eq!(
            (d[0].surface.as_str(), d[0].date.iso().as_str()),
            ("9 مايو 2024", "2024-05-09")
        );
        let d = find_dates("يوم الخميس، الموافق 9 مايو");
        assert_eq!(d[0].surface, "الخميس، الموافق 9 مايو");
        assert_eq!(d[0].date.iso(), "--05-09");
        assert!(find_dates("الخميس المقبل").is_empty());
    }

    #[test]
    fn shared_year_of_a_coordinated_list() {
        let d = find_dates("11 يناير و26 نوفمبر 2021");
        assert_eq!(
            (d[0].date.iso().as_str(), d[0].year_shared),
            ("2021-01-11", true)
        );
        assert_eq!(
            (d[1].date.iso().as_str(), d[1].year_shared),
            ("2021-11-26", false)
        );
        assert_eq!(
            iso("1 يناير و5 مارس و9 مايو 2021"),
            ["2021-01-01", "2021-03-05", "2021-05-09"]
        );
        assert_eq!(iso("31 ديسمبر و1 يناير 2021"), ["--12-31", "2021-01-01"]);
        assert_eq!(
            iso("11 يناير، ثم 26 نوفمبر 2021"),
            ["--01-11", "2021-11-26"]
        );
        assert_eq!(iso("11 يناير 26 نوفمبر 2021"), ["--01-11", "2021-11-26"]);
    }

    #[test]
    fn invalid_dates_are_skipped_whole() {
        assert!(iso("31 شباط 2021").is_empty());
        assert!(iso("30 فبراير").is_empty());
        assert!(iso("29 فبراير 2021").is_empty());
        assert_eq!(iso("29 فبراير 2024"), ["2024-02-29"]);
        assert!(iso("32 مايو").is_empty());
        assert!(iso("0 مايو").is_empty());
        assert!(iso("31/02/2020").is_empty());
        assert!(iso("11/25/2020").is_empty());
    }

    #[test]
    fn numbers_that_are_not_days_or_years() {
        assert!(iso("3.5 مايو").is_empty());
        assert!(iso("مقاتلات Su-30SM في مايو").is_empty());
        assert!(iso("بعد انسحاب 2000 جندي").is_empty());
        assert!(iso("في عام 2020").is_empty());
        assert!(iso("مايو 20").is_empty());
        assert!(iso("1 رمضان 1442 هـ").is_empty());
        assert!(iso("مايو 1442 هـ").is_empty());
        assert!(iso("1.2.3.2020").is_empty());
        assert!(iso("09/11/20").is_empty());
        assert_eq!(iso("2024 / 16:19"), Vec::<String>::new());
    }

    #[test]
    fn conflicting_double_forms_are_not_dates() {
        assert!(iso("9 نوفمبر/ كانون الثاني 2020").is_empty());
        assert!(iso("نوفمبر/ كانون الثاني 2020").is_empty());
        assert_eq!(iso("9 نوفمب/تشرين الثاني 2020"), ["2020-11-09"]);
        assert_eq!(iso("9 تشرين الثاني/ نوفمب 2020"), ["2020-11-09"]);
        assert_eq!(iso("7 يوليو (تموز) 2021"), ["2021-07-07"]);
    }

    #[test]
    fn a_blank_line_ends_a_date() {
        assert_eq!(iso("9 نوفمبر\n2020"), ["2020-11-09"]);
        assert_eq!(iso("9 نوفمبر\n\n2020"), ["--11-09"]);
    }

    proptest! {
        #[test]
        fn never_panics_and_offsets_are_sound(text in "\\PC{0,80}") {
            check(&text)?;
        }

        #[test]
        fn date_like_text_is_sound(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "9", "٠٧", "۱۲", "2020", "٢٠٢١", "31", "و11", "بـ9", "1442", "/", "-", ".", "(", ")", "،", " ", " ",
                "\n", "نوفمبر", "تشرين", "الثاني", "كانون", "الأول", "شباط", "ماي", "نوفمب", "الخميس", "الموافق",
                "م", "هـ", "\u{200F}", "ً", "ـ", "x", "2020م", "و", FILLER,
            ]), 0..40)
        ) {
            check(&parts.concat())?;
        }
    }

    /// About 150 bytes without a digit, so that generated texts have several digit windows.
    const FILLER: &str =
        " وقال المتحدث باسم الوزارة إن المحادثات ستستمر خلال الأسابيع المقبلة بين الطرفين ";

    /// Every date of `text` read without the digit windows: what [`find_dates`] must equal.
    fn find_unwindowed(text: &str) -> Vec<DateMention> {
        let mut out = Vec::new();
        find_in(text, 0, text.len(), &mut out);
        share_years(text, &mut out);
        out
    }

    #[test]
    fn long_runs_without_spaces_stay_linear() {
        // Quadratic window building would not finish on these.
        let digits = "7".repeat(2_000_000);
        assert!(find_dates(&digits).is_empty());
        let word = format!(
            "{}9 مايو 2024 {}",
            "ب".repeat(1_000_000),
            "٣".repeat(1_000_000)
        );
        // The day is glued to letters (not a day); month and year still read, as without windows.
        assert_eq!(iso(&word), ["2024-05"]);
        assert_eq!(find_dates(&word), find_unwindowed(&word));
        let tail = format!("{} 9 مايو 2024", "كلمة".repeat(500_000));
        assert_eq!(iso(&tail), ["2024-05-09"]);
        let mixed = format!("{}١ 9 مايو 2024", "ا".repeat(3000));
        assert_eq!(find_dates(&mixed), find_unwindowed(&mixed));
    }

    #[test]
    fn windows_cover_long_text() {
        let filler = "كلام ".repeat(200);
        let text = format!(
            "{filler}الخميس، الموافق 9 مايو 2024 {filler}9 تشرين الثاني/ تشرين الثاني 2020 {filler}"
        );
        assert_eq!(iso(&text), ["2024-05-09", "2020-11-09"]);
        assert_eq!(find_dates(&text), find_unwindowed(&text));
        assert_eq!(windows(&filler), Vec::new());
    }

    fn check(text: &str) -> Result<(), TestCaseError> {
        let found = find_dates(text);
        prop_assert_eq!(&found, &find_unwindowed(text));
        let mut last_end = 0;
        for d in &found {
            prop_assert!(d.start < d.end && d.end <= text.len());
            prop_assert!(d.start >= last_end);
            prop_assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
            prop_assert_eq!(text.get(d.start..d.end), Some(d.surface.as_str()));
            prop_assert_eq!(d.date.iso().parse::<PartialDate>().ok(), Some(d.date));
            prop_assert!(d.date.month.is_some());
            last_end = d.end;
        }
        Ok(())
    }
}
