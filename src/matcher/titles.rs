//! Titles and honorifics taken off the start of a query (الرئيس بوتين → بوتين), and the name particles that join
//! the word after them (عبد الله → عبدالله, Abu Mazen → abumazen), as data. Forms are at the `search` level.

/// Titles and honorifics: one or two words, `search`-normalized.
pub(crate) static TITLES: &[&str] = &[
    // Arabic
    "الرييس",
    "رييس",
    "رييسه",
    "الرييسه",
    "السيد",
    "السيده",
    "سيد",
    "الشيخ",
    "شيخ",
    "الشيخه",
    "الدكتور",
    "الدكتوره",
    "د",
    "الامير",
    "الاميره",
    "الملك",
    "الملكه",
    "الجنرال",
    "اللواء",
    "العقيد",
    "العميد",
    "الفريق",
    "المشير",
    "الوزير",
    "وزير",
    "الوزيره",
    "السفير",
    "الامام",
    "ايه الله",
    "الحاج",
    "المستشار",
    "المستشاره",
    "النايب",
    "السيناتور",
    "البروفيسور",
    "الاستاذ",
    "الاستاذه",
    "السلطان",
    "الرييس التنفيذي",
    "رييس الوزراء",
    "رييس الحكومه",
    "ولي العهد",
    "المتحدث",
    "المتحدثه",
    // English (and common Latin-script forms)
    "president",
    "pres",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sheikh",
    "shaikh",
    "sheik",
    "king",
    "queen",
    "prince",
    "princess",
    "general",
    "gen",
    "colonel",
    "col",
    "minister",
    "prime minister",
    "sir",
    "lord",
    "lady",
    "imam",
    "ayatollah",
    "senator",
    "sen",
    "ambassador",
    "chancellor",
    "emir",
    "sultan",
    "crown prince",
    "spokesman",
    "spokeswoman",
    "hajj",
    "haji",
];

/// Generic words of place and state names, dropped when the name has other words: جمهورية بنما → بنما,
/// Kingdom of Tonga → tonga, النجف الأشرف → النجف. `search`-normalized.
pub(crate) static GENERIC: &[&str] = &[
    "جمهوريه",
    "الجمهوريه",
    "مملكه",
    "المملكه",
    "اماره",
    "الاماره",
    "دوله",
    "سلطنه",
    "الاتحاديه",
    "الشعبيه",
    "الديمقراطيه",
    "الديموقراطيه",
    "الاشتراكيه",
    "الاسلاميه",
    "الفيدراليه",
    "الفدراليه",
    "كومنولث",
    "ناحيه",
    "مدينه",
    "محافظه",
    "شعبيه",
    "ولايه",
    "منطقه",
    "بلديه",
    "قضاء",
    "مقاطعه",
    "اقليم",
    "العاصمه",
    "عاصمه",
    // Epithets of holy cities: مكة المكرمة, المدينة المنورة, النجف الأشرف, كربلاء المقدسة.
    "المكرمه",
    "المنوره",
    "الاشرف",
    "المقدسه",
    "republic",
    "kingdom",
    "state",
    "of",
    "the",
    "province",
    "city",
    "district",
    "municipality",
    "region",
    "governorate",
    "federal",
    "democratic",
    "people's",
    "peoples",
    "emirate",
    "sultanate",
];

/// Common words that are also family names (سلام "peace" — Nawaf Salam; عون "help" — Joseph Aoun): alone, they
/// never name a person; the full name still does. `search`-normalized.
pub(crate) static COMMON_WORDS: &[&str] = &[
    "سلام",
    "عون",
    "نصر",
    "حرب",
    "امل",
    "جميل",
    "كريم",
    "سعيد",
    "حسن",
    "نور",
    "فرح",
    "سعد",
    "رشيد",
    "صالح",
    "عادل",
    "كامل",
    "منير",
    "وليد",
    "خير",
    "بشير",
    "شريف",
    "ناصر",
    "فضل",
    "عزيز",
    "حكيم",
    "رحمه",
    "سالم",
    "مبارك",
    "حامد",
    "ماجد",
    "فايز",
    "نبيل",
    "هادي",
    "غالب",
    "منصور",
    "امين",
    "زين",
    "عيد",
    "يونس",
    "موسي",
    "عيسي",
    "داود",
    "سلمان",
    // Ordinals of regnal names (عبد الله الثاني): a word of every other sentence.
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "peace",
    "hope",
];

/// Particles that form one name with the next word: عبد, أبو, ابن/بن, and their Latin spellings, plus the article
/// in Latin (al-, el-). `search`-normalized.
pub(crate) static JOINERS: &[&str] = &[
    "عبد", "ابو", "بو", "ابن", "بن", "abd", "abdel", "abdul", "abdal", "abu", "abou", "bin", "ibn",
    "ben", "al", "el",
];

/// A token as written (marks and case folded, letters not) and its `search` key.
pub(crate) type Token = (String, String);

/// Removes leading titles from a list of tokens (never the last token: a name stays); returns how many went.
pub(crate) fn strip_titles(tokens: &mut Vec<Token>) -> usize {
    let mut removed = 0;
    loop {
        if tokens.len() < 2 {
            return removed;
        }
        let two = tokens
            .get(..2)
            .map(|t| format!("{} {}", t[0].1, t[1].1))
            .unwrap_or_default();
        if tokens.len() > 2 && TITLES.contains(&two.as_str()) {
            tokens.drain(..2);
            removed += 2;
        } else if tokens
            .first()
            .is_some_and(|t| TITLES.contains(&t.1.as_str()))
        {
            tokens.remove(0);
            removed += 1;
        } else {
            return removed;
        }
    }
}

/// Drops generic words (see [`GENERIC`]) unless nothing else would remain.
pub(crate) fn drop_generic(tokens: &mut Vec<Token>) {
    if tokens.iter().any(|t| !GENERIC.contains(&t.1.as_str())) {
        tokens.retain(|t| !GENERIC.contains(&t.1.as_str()));
    }
}

/// Joins particles to the word after them (عبد الله → عبدالله); `بن`/`ibn`/`ben` are spelled `bin` first. The
/// Latin article that starts a name before another word is left out (al-Najaf, an-Najaf → najaf), as the Arabic
/// skeleton leaves out ال: with its assimilated spellings (ar-Raqqah, as-Safirah, ash-Shariqah: a or e and the
/// consonant that starts the next word).
pub(crate) fn join_particles(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut pending = (String::new(), String::new());
    let mut words = tokens.into_iter().peekable();
    while let Some((raw, key)) = words.next() {
        let next = words.peek().map(|t| t.1.as_str());
        if pending.1.is_empty()
            && next.is_some_and(|n| is_latin_article(&key, n) && !JOINERS.contains(&n))
        {
            continue;
        }
        let key = match key.as_str() {
            "ابن" => "بن".to_string(),
            "ibn" | "ben" => "bin".to_string(),
            _ => key,
        };
        let particle = JOINERS.contains(&key.as_str());
        pending.0.push_str(&raw);
        pending.1.push_str(&key);
        if !particle {
            out.push(std::mem::take(&mut pending));
        }
    }
    if !pending.1.is_empty() {
        out.push(pending);
    }
    out
}

/// Whether `word` is the Latin article before `next`: al or el, or the article assimilated to the consonant that
/// starts `next` (ar raqqah, as safirah, ash shariqah, adh dhahirah, en nahud).
pub(crate) fn is_latin_article(word: &str, next: &str) -> bool {
    if matches!(word, "al" | "el") {
        return true;
    }
    let Some(consonant) = word.strip_prefix(['a', 'e']) else {
        return false;
    };
    matches!(
        consonant,
        "t" | "th" | "d" | "dh" | "r" | "z" | "s" | "sh" | "n"
    ) && next.len() > consonant.len()
        && next.starts_with(consonant)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        s.split(' ')
            .map(|w| (w.to_string(), w.to_string()))
            .collect()
    }

    fn keys(t: &[Token]) -> Vec<&str> {
        t.iter().map(|t| t.1.as_str()).collect()
    }

    #[test]
    fn titles_come_off_the_front_only() {
        let mut t = toks("الرييس بوتين");
        assert_eq!(strip_titles(&mut t), 1);
        assert_eq!(keys(&t), ["بوتين"]);
        let mut t = toks("president vladimir putin");
        strip_titles(&mut t);
        assert_eq!(keys(&t), ["vladimir", "putin"]);
        let mut t = toks("الرييس");
        assert_eq!(strip_titles(&mut t), 0);
        let mut t = toks("prime minister nikol pashinyan");
        strip_titles(&mut t);
        assert_eq!(keys(&t), ["nikol", "pashinyan"]);
    }

    #[test]
    fn particles_join_the_next_word() {
        assert_eq!(keys(&join_particles(toks("عبد الله"))), ["عبدالله"]);
        assert_eq!(
            keys(&join_particles(toks("محمد بن سلمان"))),
            ["محمد", "بنسلمان"]
        );
        assert_eq!(
            keys(&join_particles(toks("mohammed ibn salman"))),
            ["mohammed", "binsalman"]
        );
        // The Latin article is left out before a word, as written or assimilated; a lone "al" stays, and so do
        // names that only start with its letters, or an article after another particle.
        assert_eq!(keys(&join_particles(toks("al assad"))), ["assad"]);
        assert_eq!(
            keys(&join_particles(toks("bashar el assad"))),
            ["bashar", "assad"]
        );
        assert_eq!(keys(&join_particles(toks("ar raqqah"))), ["raqqah"]);
        assert_eq!(keys(&join_particles(toks("ash shariqah"))), ["shariqah"]);
        assert_eq!(keys(&join_particles(toks("ar ramadi"))), ["ramadi"]);
        assert_eq!(keys(&join_particles(toks("as raqqah"))), ["as", "raqqah"]);
        assert_eq!(keys(&join_particles(toks("an"))), ["an"]);
        assert_eq!(keys(&join_particles(toks("al"))), ["al"]);
        assert_eq!(keys(&join_particles(toks("alexander"))), ["alexander"]);
        assert_eq!(
            keys(&join_particles(toks("abd al rahman"))),
            ["abdalrahman"]
        );
        assert_eq!(keys(&join_particles(toks("abu"))), ["abu"]);
    }

    #[test]
    fn generic_words_go_when_a_name_remains() {
        let mut t = toks("جمهوريه بنما");
        drop_generic(&mut t);
        assert_eq!(keys(&t), ["بنما"]);
        let mut t = toks("جمهوريه");
        drop_generic(&mut t);
        assert_eq!(keys(&t), ["جمهوريه"]);
    }

    #[test]
    fn tables_are_search_normalized() {
        for t in TITLES
            .iter()
            .chain(JOINERS)
            .chain(GENERIC)
            .filter(|t| !t.contains('\''))
        {
            assert_eq!(crate::normalize::search(t), *t);
        }
    }
}
