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
/// Kingdom of Tonga → tonga. `search`-normalized.
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
    "ناحيه",
    "مدينه",
    "محافظه",
    "ولايه",
    "منطقه",
    "بلديه",
    "قضاء",
    "مقاطعه",
    "اقليم",
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

/// Particles that form one name with the next word: عبد, أبو, ابن/بن, and their Latin spellings, plus the article
/// in Latin (al-, el-). `search`-normalized.
pub(crate) static JOINERS: &[&str] = &[
    "عبد", "ابو", "بو", "ابن", "بن", "abd", "abdel", "abdul", "abdal", "abu", "abou", "bin", "ibn",
    "ben", "al", "el",
];

/// Removes leading titles from a list of `search`-level tokens (never the last token: a name stays).
pub(crate) fn strip_titles(tokens: &mut Vec<String>) -> usize {
    let mut removed = 0;
    loop {
        if tokens.len() < 2 {
            return removed;
        }
        let two = tokens.get(..2).map(|t| t.join(" ")).unwrap_or_default();
        if tokens.len() > 2 && TITLES.contains(&two.as_str()) {
            tokens.drain(..2);
            removed += 2;
        } else if tokens.first().is_some_and(|t| TITLES.contains(&t.as_str())) {
            tokens.remove(0);
            removed += 1;
        } else {
            return removed;
        }
    }
}

/// Drops generic words (see [`GENERIC`]) unless nothing else would remain.
pub(crate) fn drop_generic(tokens: &mut Vec<String>) {
    if tokens.iter().any(|t| !GENERIC.contains(&t.as_str())) {
        tokens.retain(|t| !GENERIC.contains(&t.as_str()));
    }
}

/// Joins particles to the word after them (عبد الله → عبدالله); `بن`/`ibn`/`ben` are spelled `bin` first.
pub(crate) fn join_particles(tokens: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut pending = String::new();
    for t in tokens {
        let t = match t.as_str() {
            "ابن" => "بن".to_string(),
            "ibn" | "ben" => "bin".to_string(),
            _ => t,
        };
        if JOINERS.contains(&t.as_str()) {
            pending.push_str(&t);
            continue;
        }
        pending.push_str(&t);
        out.push(std::mem::take(&mut pending));
    }
    if !pending.is_empty() {
        out.push(pending);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn titles_come_off_the_front_only() {
        let mut t = toks("الرييس بوتين");
        assert_eq!(strip_titles(&mut t), 1);
        assert_eq!(t, ["بوتين"]);
        let mut t = toks("president vladimir putin");
        strip_titles(&mut t);
        assert_eq!(t, ["vladimir", "putin"]);
        let mut t = toks("الرييس");
        assert_eq!(strip_titles(&mut t), 0);
        let mut t = toks("prime minister nikol pashinyan");
        strip_titles(&mut t);
        assert_eq!(t, ["nikol", "pashinyan"]);
    }

    #[test]
    fn particles_join_the_next_word() {
        assert_eq!(join_particles(toks("عبد الله")), ["عبدالله"]);
        assert_eq!(join_particles(toks("محمد بن سلمان")), ["محمد", "بنسلمان"]);
        assert_eq!(
            join_particles(toks("mohammed ibn salman")),
            ["mohammed", "binsalman"]
        );
        assert_eq!(join_particles(toks("al assad")), ["alassad"]);
        assert_eq!(join_particles(toks("abu")), ["abu"]);
    }

    #[test]
    fn generic_words_go_when_a_name_remains() {
        let mut t = toks("جمهوريه بنما");
        drop_generic(&mut t);
        assert_eq!(t, ["بنما"]);
        let mut t = toks("جمهوريه");
        drop_generic(&mut t);
        assert_eq!(t, ["جمهوريه"]);
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
