//! A weighted edit distance for names, over `search`-level text in either script: vowel letters cost little to
//! insert or delete (they are what spellings disagree on), one vowel letter for another costs nothing (they share one code), and letters
//! of one skeleton class (ك/ج/غ/ق, س/ص/ث, t/ط…) count as the same letter, s for z costs 0.4 (English writes the
//! sound z as s: Rosa, روزا); Latin letters are read in context ([`encode_into`]: Hassan and Hasan are one
//! spelling).

use super::keys;

/// Jaro-Winkler similarity of two strings, by characters (prefix weight 0.1, up to 4 letters, above 0.7): the
/// `rapidfuzz` crate's, which gives strsim's values (checked by a property test) in a fraction of the time.
pub(crate) fn jaro_winkler(a: &str, b: &str) -> f64 {
    // Equal keys are common (a shared given name) and need no table.
    if a == b {
        return 1.0;
    }
    // ASCII keys (skeletons, Latin keys) compared as bytes: the same letters, and rapidfuzz's byte path is quicker.
    if a.is_ascii() && b.is_ascii() {
        return rapidfuzz::distance::jaro_winkler::similarity(a.bytes(), b.bytes());
    }
    rapidfuzz::distance::jaro_winkler::similarity(a.chars(), b.chars())
}

/// Damerau-Levenshtein similarity (unrestricted transpositions) normalized by the longer string, by characters:
/// `rapidfuzz`'s, equal to strsim's `normalized_damerau_levenshtein`.
pub(crate) fn normalized_damerau_levenshtein(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    if a.is_ascii() && b.is_ascii() {
        return rapidfuzz::distance::damerau_levenshtein::normalized_similarity(
            a.bytes(),
            b.bytes(),
        );
    }
    rapidfuzz::distance::damerau_levenshtein::normalized_similarity(a.chars(), b.chars())
}

/// Costs in fifths, so that the table holds small integers (exact, and cheaper than floats to take minima of):
/// inserting or deleting a vowel letter (ا و ي ى ة ء ع, or a Latin vowel / y / h / w) costs 0.4, any other
/// insertion, deletion or substitution 1.
const VOWEL_INDEL: u32 = 2;
const UNIT: u32 = 5;
/// s for z, or z for s: English writes the sound z as s (Rosa, Jones: روزا، جونز).
const NEAR: u32 = 2;

/// Codes a letter for these costs: `V` for a vowel letter, its skeleton class (`B`, `T`, `S`…) for a consonant,
/// another byte for anything else (digits, punctuation).
fn code(c: char) -> u8 {
    match c {
        'ا' | 'و' | 'ي' | 'ى' | 'ة' | 'ء' | 'ع' | 'ئ' | 'ؤ' | 'a' | 'e' | 'i' | 'o' | 'u' | 'y'
        | 'w' => b'V',
        _ => match keys::arabic_class(c).or_else(|| keys::latin_class(c)) {
            Some(k) => k as u8,
            None if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            None => b'a' + (c as u32 % 26) as u8,
        },
    }
}

/// The codes of a key (spaces left out), for [`similarity_codes`].
pub(crate) fn encode(key: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(key.len());
    encode_into(key, &mut out);
    out
}

/// [`encode`], appending to `out`. Latin letters are coded in context, as one sound: a doubled letter once (Hassan,
/// Hasan), ck as one `G`, a c before e, i or y as `S` (Ancelmo, Anselmo), ph as `F` (Stephen, Stefan), sch as sh.
pub(crate) fn encode_into(key: &str, out: &mut Vec<u8>) {
    let mut chars = key.chars().peekable();
    let mut prev = None;
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match (c, next) {
            // A doubled Latin consonant, or the c of ck: the letter after it stands for both.
            (c, Some(n))
                if c.is_ascii_lowercase()
                    && !is_vowel_letter(c)
                    && (n == c || (c, n) == ('c', 'k')) => {}
            // The German sch is the sh of English: its c is left out.
            ('c', Some('h')) if prev == Some('s') => {}
            _ => match keys::latin_in_context(c, next) {
                Some((class, len)) => {
                    out.push(class as u8);
                    if len == 2 {
                        chars.next();
                    }
                }
                None => push_code(c, out),
            },
        }
        prev = Some(c);
    }
}

/// A Latin letter the codes read as a vowel (`V`).
fn is_vowel_letter(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w')
}

/// Appends the code of one letter of a key (nothing for a space), as [`encode_into`] does.
pub(crate) fn push_code(c: char, out: &mut Vec<u8>) {
    if !c.is_whitespace() {
        out.push(code(c));
    }
}

/// [`encode_into`] of `raw` with its letters folded as the `search` level folds them
/// (`normalize::fold(raw, Folds::LETTERS)`), without building the folded text: letters of the Arabic block are
/// coded from a table made once (a final ة, which folds to ه, looks at the next character); a token holding
/// anything else (marks, tatweel, other blocks, Latin) takes the general path, which folds it and codes the folded
/// text (Latin letters are coded in context).
pub(crate) fn encode_folded_into(raw: &str, out: &mut Vec<u8>) {
    if !encode_folded_letters(raw.chars(), out) {
        encode_into(
            &crate::normalize::fold(raw, crate::normalize::Folds::LETTERS),
            out,
        );
    }
}

/// The table path of [`encode_folded_into`], over a token's characters: `false`, with nothing appended, when a
/// character needs the general path.
pub(crate) fn encode_folded_letters(chars: impl Iterator<Item = char>, out: &mut Vec<u8>) -> bool {
    use std::sync::OnceLock;
    static TABLE: OnceLock<[u8; 256]> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u8; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let Some(c) = char::from_u32(0x0600 + i as u32) else {
                continue;
            };
            if !crate::normalize::is_arabic_letter(c) || matches!(c, 'ة' | '\u{06C3}') {
                continue;
            }
            let mut codes = Vec::new();
            crate::normalize::fold_each(
                c.encode_utf8(&mut [0; 4]),
                crate::normalize::Folds::LETTERS,
                |d| push_code(d, &mut codes),
            );
            if let [one] = codes[..] {
                *slot = one;
            }
        }
        t
    });
    let start = out.len();
    let mut chars = chars.peekable();
    while let Some(c) = chars.next() {
        let code = match c {
            // Teh marbuta: ه at the end of a word, itself inside one.
            'ة' if chars
                .peek()
                .is_some_and(|&n| crate::normalize::is_arabic_letter(n)) =>
            {
                code('ة')
            }
            'ة' if chars.peek().is_none() => code('ه'),
            '\u{0600}'..='\u{06FF}' => table.get(c as usize - 0x0600).copied().unwrap_or(0),
            _ => 0,
        };
        if code == 0 {
            out.truncate(start);
            return false;
        }
        out.push(code);
    }
    true
}

fn indel(c: u8) -> u32 {
    if c == b'V' || c == b'H' {
        VOWEL_INDEL
    } else {
        UNIT
    }
}

/// Similarity in 0..=1 of two keys: 1 − weighted distance / the costlier key's deletion cost.
#[cfg(test)]
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    similarity_codes(&encode(a), &encode(b))
}

/// [`similarity`] on keys already coded with [`encode`].
pub(crate) fn similarity_codes(a: &[u8], b: &[u8]) -> f64 {
    if a == b {
        return 1.0;
    }
    let cost_a: u32 = a.iter().map(|&c| indel(c)).sum();
    let cost_b: u32 = b.iter().map(|&c| indel(c)).sum();
    let norm = cost_a.max(cost_b);
    if norm == 0 {
        return 1.0;
    }
    1.0 - (f64::from(distance(a, b)) / f64::from(norm)).min(1.0)
}

/// [`similarity_codes`] when it is at least `floor`, else `None`; the table is not filled when the keys' lengths
/// alone keep it below (every edit changes a key's deletion cost by at most its own cost, so the distance is at
/// least the difference of the two keys' costs).
pub(crate) fn similarity_codes_from(a: &[u8], b: &[u8], floor: f64) -> Option<f64> {
    if a == b {
        return Some(1.0);
    }
    let cost_a: u32 = a.iter().map(|&c| indel(c)).sum();
    let cost_b: u32 = b.iter().map(|&c| indel(c)).sum();
    let norm = cost_a.max(cost_b);
    if norm == 0 {
        return Some(1.0);
    }
    let bound = 1.0 - f64::from(cost_a.abs_diff(cost_b)) / f64::from(norm);
    if bound < floor {
        return None;
    }
    let sim = 1.0 - (f64::from(distance(a, b)) / f64::from(norm)).min(1.0);
    (sim >= floor).then_some(sim)
}

/// Rows up to this length live on the stack.
const STACK: usize = 48;

fn distance(a: &[u8], b: &[u8]) -> u32 {
    // A common prefix or suffix costs nothing and leaves the distance as it is: an alignment that does not pair two
    // equal first letters can be made to, at no extra cost (deleting one letter never costs more than a whole edit,
    // and the one cheaper substitution, S for Z, is between letters that cost a whole edit to delete).
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (
        a.get(prefix..).unwrap_or_default(),
        b.get(prefix..).unwrap_or_default(),
    );
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (
        a.get(..a.len() - suffix).unwrap_or_default(),
        b.get(..b.len() - suffix).unwrap_or_default(),
    );
    let n = b.len();
    if n >= STACK {
        return distance_long(a, b);
    }
    let mut costs = [0u32; STACK];
    let mut row = [0u32; STACK + 1];
    distance_in(a, b, &mut costs[..n], &mut row[..=n])
}

/// The same with its row on the heap, for long keys (the whole table: no common prefix or suffix left out).
fn distance_long(a: &[u8], b: &[u8]) -> u32 {
    let n = b.len();
    distance_in(a, b, &mut vec![0; n], &mut vec![0; n + 1])
}

/// The weighted distance with one row of the table (`row`, `b.len() + 1` cells) and b's insertion costs looked up
/// once (`costs`, `b.len()` cells). Vowel letters share one code, so one for another costs nothing.
fn distance_in(a: &[u8], b: &[u8], costs: &mut [u32], row: &mut [u32]) -> u32 {
    let mut acc = 0;
    if let Some(first) = row.first_mut() {
        *first = 0;
    }
    for ((cost, cell), &cb) in costs.iter_mut().zip(row.iter_mut().skip(1)).zip(b) {
        *cost = indel(cb);
        acc += *cost;
        *cell = acc;
    }
    for &ca in a {
        let del = indel(ca);
        // The code one substitution away at the cheaper cost, if any (0 matches no code).
        let near = match ca {
            b'S' => b'Z',
            b'Z' => b'S',
            _ => 0,
        };
        let Some((first, rest)) = row.split_first_mut() else {
            break;
        };
        // `diag` is the previous row's value at j, `left` this row's at j.
        let mut diag = *first;
        let mut left = diag + del;
        *first = left;
        for ((cell, &cb), &ins) in rest.iter_mut().zip(b).zip(costs.iter()) {
            let sub = if ca == cb {
                0
            } else if cb == near {
                NEAR
            } else {
                UNIT
            };
            let value = (diag + sub).min(*cell + del).min(left + ins);
            diag = *cell;
            *cell = value;
            left = value;
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s_and_z_are_near() {
        // One for the other costs 2 fifths, as a vowel letter does; any other consonant a whole edit.
        let near = similarity("rosa", "roza");
        assert!((near - (1.0 - 2.0 / 14.0)).abs() < 1e-9, "{near}");
        assert!(similarity("rosa", "rota") < near);
        assert_eq!(similarity("روجرز", "روجرس"), near_arabic());
    }

    fn near_arabic() -> f64 {
        // ر و ج ر ز: R V G R Z, four consonants and a vowel letter (22 fifths); one S for Z costs 2.
        1.0 - 2.0 / 22.0
    }

    #[test]
    fn latin_letters_are_coded_as_one_sound() {
        // A doubled consonant once, ck as one G, c before e i y as S, ph as F.
        for (a, b) in [
            ("hassan", "hasan"),
            ("mohammed", "mohamed"),
            ("russell", "rusel"),
            ("jackson", "jakson"),
            ("ancelmo", "anselmo"),
            ("stephen", "stefen"),
        ] {
            assert_eq!(encode(a), encode(b), "{a} / {b}");
            assert_eq!(similarity(a, b), 1.0, "{a} / {b}");
        }
        // The German sch is the English sh.
        assert_eq!(encode("schmidt"), encode("shmidt"));
        // A c elsewhere is a G; vowels and Arabic letters are coded as before.
        assert_eq!(encode("carlo"), encode("karlo"));
        assert_ne!(encode("cesar"), encode("kesar"));
        assert_eq!(encode("aa"), b"VV".to_vec());
        assert_eq!(encode("بب"), b"BB".to_vec());
    }

    #[test]
    fn the_length_bound_never_cuts_a_pair_above_the_floor() {
        // Codes of consonants, of vowel letters (cheap to insert) and of a space-free mix, every pair up to 5 long.
        let alphabet = [b'B', b'T', b'V', b'H', b'S'];
        let mut keys: Vec<Vec<u8>> = vec![Vec::new()];
        for len in 1..=5u32 {
            for n in 0..alphabet.len().pow(len) {
                let mut k = Vec::new();
                let mut n = n;
                for _ in 0..len {
                    k.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                keys.push(k);
            }
        }
        for a in keys.iter().step_by(7) {
            for b in &keys {
                let sim = similarity_codes(a, b);
                for floor in [0.0, 0.3, 0.4, 0.6, 0.9] {
                    let got = similarity_codes_from(a, b, floor);
                    assert_eq!(got, (sim >= floor).then_some(sim), "{a:?} {b:?} {floor}");
                }
            }
        }
    }

    #[test]
    fn vowel_letters_and_class_mates_cost_little() {
        assert!((similarity("بوتين", "بوتين") - 1.0).abs() < 1e-9);
        let vowel = similarity("بيسكوف", "بسكوف");
        let class = similarity("ناغورنو", "ناجورنو");
        let other = similarity("بيسكوف", "بيسكور");
        assert!(vowel > 0.9 && class > 0.9, "{vowel} {class}");
        assert!(other < vowel && other < class, "{other}");
        assert!(similarity("petrov", "petrova") > 0.9);
        let long = "ب".repeat(60);
        assert!(similarity(&long, &format!("{long}ا")) > 0.99);
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("ab", ""), 0.0);
    }

    proptest::proptest! {
        /// The rapidfuzz similarities are strsim's (the scorer's weights were learned with strsim's).
        #[test]
        fn rapidfuzz_gives_strsim_values(a in "[a-eفغقكل ]{0,12}", b in "[a-eفغقكل ]{0,12}") {
            let b = if b.len() % 3 == 0 { a.clone() } else { b };
            proptest::prop_assert!(
                (jaro_winkler(&a, &b) - strsim::jaro_winkler(&a, &b)).abs() < 1e-12
            );
            proptest::prop_assert!(
                (normalized_damerau_levenshtein(&a, &b) - strsim::normalized_damerau_levenshtein(&a, &b)).abs()
                    < 1e-12
            );
        }

        /// The table-driven codes of a folded token are those of the folded text.
        #[test]
        fn folded_codes_are_the_codes_of_the_folded_text(raw in "[\u{0600}-\u{06FF}\u{0750}-\u{0760}a-zA-Z ]{0,12}") {
            let mut fast = Vec::new();
            encode_folded_into(&raw, &mut fast);
            let folded = crate::normalize::fold(&raw, crate::normalize::Folds::LETTERS);
            proptest::prop_assert_eq!(fast, encode(&folded));
        }

        /// The one-row stack version (with the common prefix and suffix left out) and the heap version of the whole
        /// table are one distance.
        #[test]
        fn short_and_long_rows_agree(a in "[VBTSZGHkq ]{0,40}", b in "[VBTSZGHkq ]{0,40}") {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            proptest::prop_assert_eq!(distance(a, b), distance_long(a, b));
            proptest::prop_assert_eq!(distance(a, b), distance(b, a));
        }
    }
}
