//! Reading a romanization of Arabic back into Arabic letters.
//!
//! Analysts meet Arabic names in the standard romanizations (ALA-LC, DIN 31635, BGN/PCGN, the spellings of
//! gazetteers such as NGA's GeoNames): Al Qāhirah, Dimashq, Ad Dawḩah, al-Mawṣil, Ṣanʿāʾ. Their letters stand for
//! Arabic letters one by one, so the consonants and long vowels can be read back (القاهرة, دمشق, الدوحة, الموصل,
//! صنعاء) and looked up as Arabic, where the press's English spelling of the name (Cairo, Damascus, Doha) is too
//! far from the romanization to be found by its sound. Short vowels are not written in Arabic and are dropped;
//! a doubled consonant is one letter (its shaddah unwritten); `ah`, `āh` and `a` at the end of a word, and `at`
//! before another, are tāʾ marbūṭah; a word's first `ā` is alif maddah; a hamza takes the seat the vowels on
//! either side give it; the article in any of its forms (al-, al, el-, and assimilated: ad, ar, as, ash, aṭ, an…)
//! is ال, and proclitics written apart (wa-, bi-, li-, lil) are joined to their word.
//!
//! The reading is for lookups, not a transliteration: it writes what the letters say under the common
//! romanizations, and the `search` normalization then folds what they cannot tell apart (ة and ه, the seats of
//! hamza, ى and ي).

use super::keys;

/// The Arabic letters of `text`, a romanization of Arabic (words separated by spaces or hyphens), or `None` when
/// some word holds a letter no romanization of Arabic writes (c, o, e, p, v, x: then it is not one).
///
/// ```
/// use qamus::rules::romanized::arabic_letters;
/// assert_eq!(arabic_letters("Al Qāhirah").as_deref(), Some("القاهرة"));
/// assert_eq!(arabic_letters("Ad Dawḩah").as_deref(), Some("الدوحة"));
/// assert_eq!(arabic_letters("Dayr az Zawr").as_deref(), Some("دير الزور"));
/// assert_eq!(arabic_letters("Ṣanʿāʾ").as_deref(), Some("صنعاء"));
/// assert_eq!(arabic_letters("Dubayy").as_deref(), Some("دبي"));
/// assert_eq!(arabic_letters("Pokrovsk"), None);
/// ```
pub fn arabic_letters(text: &str) -> Option<String> {
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
    let words: Vec<&str> = lower
        .split([' ', '-', '\u{00A0}'])
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::with_capacity(text.len() * 2);
    // What goes before the next word, joined to it: proclitics (و ف ب ك ل) and the article.
    let mut prefix = String::new();
    let mut article = false;
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        if !next.is_empty() {
            if let Some(letter) = proclitic(word) {
                prefix.push(letter);
                continue;
            }
            // BGN/PCGN joins bi and li to the article's consonant (bid Duwayr, lil Maghāzil, liţ Ţayarān).
            if let Some((p, consonant)) = ["li", "bi"]
                .iter()
                .find_map(|p| word.strip_prefix(p).map(|c| (*p, c)))
            {
                if consonant == "l"
                    || (SUN_LETTERS.contains(&consonant) && next.starts_with(consonant))
                {
                    prefix.push(if p == "li" { 'ل' } else { 'ب' });
                    article = true;
                    continue;
                }
            }
        }
        if is_article(word, next) {
            article = true;
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&prefix);
        if std::mem::take(&mut article) {
            // After ل the article's alif is not written (للقاهرة).
            out.push_str(if prefix.ends_with('ل') { "ل" } else { "ال" });
        }
        prefix.clear();
        if *word == "allāh" || *word == "allah" {
            out.push_str("الله");
            continue;
        }
        push_word(word, next.is_empty(), &mut out)?;
    }
    (!out.is_empty()).then_some(out)
}

/// Running text in a romanization of Arabic written in Arabic letters (`qamus translit --reverse` for ALA-LC,
/// DIN 31635 and BGN/PCGN): each run of words between signs that are no letters (commas, digits, brackets) is read
/// by [`arabic_letters`], so that an article or a proclitic written apart joins its word; a run that does not read
/// as one (a word with e, o, c, p, v or x) is read word by word, and a word that no romanization of Arabic writes
/// is kept as it is (Mount Lebanon; an English word of the letters of a romanization, such as and, is read as one).
/// Short vowels are dropped, as Arabic writes them.
///
/// ```
/// use qamus::rules::romanized::to_arabic;
/// assert_eq!(to_arabic("Al Qāhirah, Dimashq (2024)"), "القاهرة، دمشق (2024)");
/// assert_eq!(to_arabic("Bayt Laḩm wa Rām Allāh"), "بيت لحم ورام الله");
/// assert_eq!(to_arabic("Jabal Lubnān (Mount Lebanon)"), "جبل لبنان (Mount Lebanon)");
/// ```
pub fn to_arabic(text: &str) -> String {
    let in_word = |c: char| {
        c.is_alphabetic() || is_hamza(c) || matches!(c, '‘' | 'ʿ' | 'ʻ' | '·' | '\u{0327}')
    };
    let mut out = String::with_capacity(text.len() * 2);
    let mut rest = text;
    while !rest.is_empty() {
        // A run of words: letters, with spaces and hyphens between them (not after the last).
        let mut run_len = 0;
        for (i, c) in rest.char_indices() {
            if in_word(c) {
                run_len = i + c.len_utf8();
            } else if run_len == 0 || !matches!(c, ' ' | '-') {
                break;
            }
        }
        if run_len == 0 {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(match c {
                ',' => '،',
                ';' => '؛',
                '?' => '؟',
                c => c,
            });
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let (run, tail) = rest.split_at(run_len);
        rest = tail;
        match arabic_letters(run) {
            Some(arabic) => out.push_str(&arabic),
            None => {
                for (i, word) in run.split(' ').enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    match arabic_letters(word) {
                        Some(arabic) if !word.is_empty() => out.push_str(&arabic),
                        _ => out.push_str(word),
                    }
                }
            }
        }
    }
    out
}

/// The letter of a proclitic written as a word of its own (wa-, fa-, bi-, ka-, li-; BGN/PCGN's wa ash Sha‘f).
fn proclitic(word: &str) -> Option<char> {
    Some(match word {
        "wa" => 'و',
        "fa" => 'ف',
        "bi" => 'ب',
        "ka" => 'ك',
        "li" => 'ل',
        _ => return None,
    })
}

/// Whether Latin text shows that it romanizes Arabic, so that reading it back is worth trying: letters of a
/// standard romanization ([`keys::is_romanized_arabic`]: Ḩalab, Ṣanʿāʾ), the article (al-Qāhira, Dayr az Zawr), or
/// what English spelling seldom writes: q, kh, gh, dh, yy, ww, an apostrophe for hamza or ʿayn, or BGN/PCGN's ş ţ,
/// which Turkish and Romanian write too (Dimashq, Ghazzah, Dubayy, Ma'rib, Mişr). An English name read back would
/// find the Arabic forms of other names: Mika is مكة (Mecca), Hind is هند (India), Diaby is دبي (Dubai).
///
/// ```
/// use qamus::rules::romanized::looks_romanized;
/// assert!(looks_romanized("Dimashq"));
/// assert!(looks_romanized("Dayr az Zawr"));
/// assert!(!looks_romanized("Mika"));
/// ```
pub fn looks_romanized(text: &str) -> bool {
    if keys::is_romanized_arabic(text) {
        return true;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let article = words
        .iter()
        .zip(words.iter().skip(1))
        .any(|(w, next)| is_article(w, next));
    article
        || lower.contains(['q', 'ş', 'ţ'])
        || ["kh", "gh", "dh", "yy", "ww", "'", "’"]
            .iter()
            .any(|d| lower.contains(d))
}

/// Whether `word` is the Latin article before `next`: al or el, or the article assimilated to the sun letter
/// that starts `next` (ar raqqah, ash shariqah, adh dhahirah, en nahud; in a romanization's own letters, aṭ Ṭāʾif,
/// az̧ Z̧ahrān). The matcher reads its `search` keys with it too.
pub(crate) fn is_latin_article(word: &str, next: &str) -> bool {
    if matches!(word, "al" | "el") {
        return true;
    }
    let Some(consonant) = word.strip_prefix(['a', 'e']) else {
        return false;
    };
    SUN_LETTERS.contains(&consonant) && next.len() > consonant.len() && next.starts_with(consonant)
}

/// [`is_latin_article`] before a word that follows, or DIN's l- after a proclitic (wa-l-qamar).
fn is_article(word: &str, next: &str) -> bool {
    !next.is_empty() && (word == "l" || is_latin_article(word, next))
}

/// The sun letters as the romanizations write them (the article assimilates to them).
const SUN_LETTERS: &[&str] = &[
    "t",
    "th",
    "d",
    "dh",
    "r",
    "z",
    "s",
    "sh",
    "n",
    "l",
    "ṣ",
    "ş",
    "ḍ",
    "ḑ",
    "ṭ",
    "ţ",
    "ẓ",
    "z\u{0327}",
    "ṯ",
    "ḏ",
    "š",
];

/// Latin letters (digraphs first) and the Arabic consonant they write.
const CONSONANTS: &[(&str, char)] = &[
    ("kh", 'خ'),
    ("sh", 'ش'),
    ("gh", 'غ'),
    ("th", 'ث'),
    ("dh", 'ذ'),
    ("z\u{0327}", 'ظ'),
    ("b", 'ب'),
    ("t", 'ت'),
    ("ṯ", 'ث'),
    ("j", 'ج'),
    ("ǧ", 'ج'),
    ("g", 'ج'),
    ("ḥ", 'ح'),
    ("ḩ", 'ح'),
    ("ḫ", 'خ'),
    ("d", 'د'),
    ("ḏ", 'ذ'),
    ("r", 'ر'),
    ("z", 'ز'),
    ("s", 'س'),
    ("š", 'ش'),
    ("ṣ", 'ص'),
    ("ş", 'ص'),
    ("ḍ", 'ض'),
    ("ḑ", 'ض'),
    ("ṭ", 'ط'),
    ("ţ", 'ط'),
    ("ẓ", 'ظ'),
    ("ʿ", 'ع'),
    ("ʻ", 'ع'),
    ("‘", 'ع'),
    ("ġ", 'غ'),
    ("f", 'ف'),
    ("q", 'ق'),
    ("k", 'ك'),
    ("l", 'ل'),
    ("m", 'م'),
    ("n", 'ن'),
    ("h", 'ه'),
    ("w", 'و'),
    ("y", 'ي'),
];

/// Signs for hamza (ʾ ʼ ’ and the ASCII apostrophe).
fn is_hamza(c: char) -> bool {
    matches!(c, 'ʾ' | 'ʼ' | '’' | '\'')
}

fn is_short_vowel(c: char) -> bool {
    matches!(c, 'a' | 'i' | 'u')
}

/// Writes one word (`last`: the last of the text); `None` when it holds a letter no romanization of Arabic writes.
fn push_word(word: &str, last: bool, out: &mut String) -> Option<()> {
    let chars: Vec<char> = word.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let len = chars.len();
    // Tāʾ marbūṭah: a final ah or āh, or at before another word (a construct: Muḩāfaz̧at Dimashq; a last word's
    // at is as often a ت, Ţal‘at).
    let (body, ending) = match chars.as_slice() {
        [.., _, 'a', 'h'] if len > 3 => (len - 2, Some("ة")),
        [.., _, 'a', 't'] if len > 3 && !last => (len - 2, Some("ة")),
        [.., _, 'ā', 'h'] if len > 3 => (len - 2, Some("اة")),
        // DIN and the press write it a in pause (al-Qāhira).
        [.., c, 'a'] if len > 2 && !is_short_vowel(*c) && !matches!(c, 'ā' | 'ī' | 'ū') => {
            (len - 1, Some("ة"))
        }
        _ => (len, None),
    };
    let mut i = 0;
    let mut last: Option<char> = None;
    while i < body {
        let c = at(i)?;
        let initial = i == 0;
        if matches!(c, '·' | 'ʹ') {
            // BGN/PCGN's k·h, d·h and ALA-LC's prime (adʹham): two letters, not a digraph.
            i += 1;
            continue;
        }
        if is_hamza(c) {
            // A hamza's seat, as Arabic spelling chooses it from the vowels on either side, i before u before a
            // (Jazāʼir: ئ, Muʼashshir: ؤ, Raʼs: أ); before ā it is alif maddah (Qurʼān: قرآن); with no vowel
            // after it, after a long vowel, alone (Ṣanʿāʾ: ء).
            let before = i.checked_sub(1).and_then(&at);
            let after = at(i + 1);
            let near = |v: &[char]| {
                before.is_some_and(|b| v.contains(&b)) || after.is_some_and(|a| v.contains(&a))
            };
            let seat = if after == Some('ā') && !initial {
                i += 1;
                'آ'
            } else if near(&['i', 'ī']) {
                'ئ'
            } else if near(&['u', 'ū']) {
                'ؤ'
            } else if before == Some('a') || after == Some('a') {
                'أ'
            } else {
                'ء'
            };
            out.push(seat);
            last = Some(seat);
            i += 1;
            continue;
        }
        let long = match c {
            'ā' | 'â' => Some('ا'),
            'ī' | 'î' => Some('ي'),
            'ū' | 'û' => Some('و'),
            'á' => Some('ى'),
            _ => None,
        };
        if let Some(l) = long {
            // A word's first ā is alif maddah (Āl, Āyat: آل, آية); its first ī or ū an alif and the long vowel's
            // letter (Īrān: ايران). āy, āw (Sarāy, Sanāw) write the semivowel as a consonant after the alif.
            if initial && l == 'ا' {
                out.push('آ');
                last = Some('آ');
                i += 1;
                continue;
            }
            if initial {
                out.push('ا');
            }
            out.push(l);
            last = Some(l);
            i += 1;
            continue;
        }
        if is_short_vowel(c) {
            // A word begins with an alif that carries its vowel; inside a word a short vowel is not written.
            // aw and ay before a consonant or at the end are the diphthongs, written و and ي.
            if initial {
                out.push('ا');
            }
            if c == 'a' {
                if let Some(w @ ('w' | 'y')) = at(i + 1) {
                    let after = at(i + 2);
                    if after.is_none_or(|n| !is_short_vowel(n) && !matches!(n, 'ā' | 'ī' | 'ū'))
                    {
                        let letter = if w == 'w' { 'و' } else { 'ي' };
                        out.push(letter);
                        last = Some(letter);
                        // ayy, aww: the doubled semivowel is one letter (Dubayy: دبي).
                        i += if after == Some(w) { 3 } else { 2 };
                        continue;
                    }
                }
            }
            // ī and ū written as iy and uw (Sulaymāniyyah) are the long vowel's letter. A vowel between two equal
            // consonants makes them two letters (Umam: امم).
            last = None;
            i += 1;
            continue;
        }
        let (latin, letter) = CONSONANTS
            .iter()
            .find(|(latin, _)| latin.chars().enumerate().all(|(k, l)| at(i + k) == Some(l)))
            .copied()?;
        let width = latin.chars().count();
        // A doubled consonant is one letter with an unwritten shaddah (Ghazzah, Ba‘labakk, Muḩammad).
        if last != Some(letter) || initial {
            out.push(letter);
        }
        last = Some(letter);
        i += width;
    }
    if let Some(e) = ending {
        out.push_str(e);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_and_library_romanizations_read_back() {
        for (latin, arabic) in [
            ("Al Qāhirah", "القاهرة"),
            ("al-Qāhirah", "القاهرة"),
            ("al-Qāhira", "القاهرة"),
            ("Dimashq", "دمشق"),
            ("Ḩalab", "حلب"),
            ("Ar Riyāḑ", "الرياض"),
            ("Al Mawşil", "الموصل"),
            ("al-Mawṣil", "الموصل"),
            ("Ghazzah", "غزة"),
            ("Ḩamāh", "حماة"),
            ("Şaydā", "صيدا"),
            ("Ba‘labakk", "بعلبك"),
            ("Ţarābulus", "طرابلس"),
            ("Al Jazā’ir", "الجزائر"),
            ("Al Kuwayt", "الكويت"),
            ("Abū Z̧aby", "ابو ظبي"),
            ("Muḩāfaz̧at Dimashq", "محافظة دمشق"),
            ("Ash Shām", "الشام"),
            ("Ad·ham", "ادهم"),
            ("Īrān", "ايران"),
            ("Āl Khalīfah", "آل خليفة"),
            ("Al Qur’ān", "القرآن"),
            ("Muʼashshir", "مؤشر"),
            ("al-Ruʼyah", "الرؤية"),
            ("Raʼs", "رأس"),
            ("Wyndʹhūk", "ويندهوك"),
            ("Āyat Allāh", "آية الله"),
            ("Umm al ‘Amad", "ام العمد"),
            // Proclitics joined to the word, and the article's alif dropped after ل.
            ("Mişr liţ Ţayarān", "مصر للطيران"),
            ("Khabb wa ash Sha‘f", "خب والشعف"),
            ("Al Qaryah bid Duwayr", "القرية بالدوير"),
            ("wa-al-Qāhirah", "والقاهرة"),
            ("lil-Umam al-Muttaḥidah", "للامم المتحدة"),
        ] {
            assert_eq!(arabic_letters(latin).as_deref(), Some(arabic), "{latin}");
        }
    }

    #[test]
    fn letters_no_romanization_writes_are_refused() {
        for latin in ["Pokrovsk", "Zelensky", "Macron", "Xi", ""] {
            assert_eq!(arabic_letters(latin), None, "{latin}");
        }
    }
}
