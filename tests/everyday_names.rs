//! Everyday names of two words find no one else: pairs of the given names of the `plain` common-names table, each
//! name a word of some person's name in the shipped glossary (محمد صالح, حسن علي, بشار سعيد; Faisal Said), looked
//! up in the shipped glossary, in Arabic and in the table's Latin spellings. A match is right when the query's
//! words, the article aside, are words of one of the entry's forms (بشار اسد: Bashar al-Assad); any other is a
//! false match of a name the press writes every day. In the twentieth session, before the part-of-name and
//! other-names rules were mended, 27 of 6,806 Arabic pairs found someone else (حسن علي: Hassan Nasrallah; محمد
//! صالح: Mohamed Salah; فيصل سعيد: Faisal bin Farhan Al Saud), and 20 of 20,000 random Latin pairs of the table's
//! spellings; after, 5 of 7,656 and 8 of 6,318 of these pairs (the table had gained صلاح and سعود, the glossary
//! five people). In the twenty-first session 1 and 3: Khalil Saud was Khalid bin Salman Al Saud (a given name one
//! consonant away), قاسم سلمان Qasem Soleimani (سليماني is made of another name, سليمان), سعيد عون Sidon and
//! Aoun Assad the Al-Asad Airbase (given names are no place's name), Abdullah Aoun Hossein Amir-Abdollahian (nor
//! one word of a person's), Nouri Malik Nouri al-Maliki (Malik and Maliki are two names of the table), Hussein
//! Mubarak Hosni Mubarak (Hosni, a frequent name of news prose, is a name of its own in Latin letters too).
//! In the twenty-fifth session eight people whose family name is an everyday given name came in (`family` = no),
//! and with them 2 + 3 close pairs: جعفر حسن Jafar Hassan (حسن and حسان, one vowel letter apart, both Hassan in
//! the press), عبدالله يحيى Abdullah Al-Yahya, Osama Munir Asim Munir (Asim is no spelling of the table's, which
//! writes Asem), Hassan Mohammed and Hassan Mahmoud Hassan Sheikh Mohamud (his first and last words). In the
//! twenty-sixth session, with 38 more people, one more Arabic pair: وليام الله, read William Allah, Lai Ching-te,
//! whom the English press calls William Lai. In the twenty-seventh session, with 90 more people, 8 of 18,360 and
//! 7 of 13,108: two more Arabic pairs, خليل زايد and خليل زياد Zalmay Khalilzad (Arabic writes خليل زاد as two
//! words), and two Latin ones, Faleh Fayyad and Faleh Fouad Falih al-Fayyadh (the first is his name as the press
//! spells it); خالد ضياء found Khaleda Zia until the common-names table had خالدة and حسينة, women's names one
//! letter from men's. Rows that added more were left out: عادل نصار (عادل ناصر), ثابت العباسي (ثابت عباس),
//! جوزيف صدي (Joseph Saad).

use qamus::glossary::{EntityType, Glossary};
use qamus::matcher::Matcher;
use qamus::normalize;

/// The words of a name at the `search` level without the article (الاسد: اسد; al-Assad: assad).
fn bare_words(name: &str) -> Vec<String> {
    normalize::search(name)
        .split(' ')
        .filter(|w| !w.is_empty() && !["al", "el"].contains(w))
        .map(|w| match w.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 3 => rest.to_string(),
            _ => w.to_string(),
        })
        .collect()
}

/// A word without the article.
fn bare(word: &str) -> String {
    bare_words(word).concat()
}

/// The table's given names (no particles, titles or article words), in Arabic or in the table's Latin spelling
/// (capitalized), that are words of a person's name in `glossary`.
fn colliding_names(glossary: &Glossary, latin: bool) -> Vec<String> {
    // The titles that stand before names too (Sheikh Abbas, Sultan Morsi: a title and a family name).
    let left_out = [
        "ابن",
        "بن",
        "بنت",
        "ابو",
        "عبد",
        "ام",
        "رييس",
        "شيخ",
        "سلطان",
        "امير",
    ];
    let people_words: std::collections::HashSet<String> = glossary
        .entries()
        .iter()
        .filter(|e| e.kind == EntityType::Per)
        .flat_map(|e| e.forms().flat_map(bare_words).collect::<Vec<_>>())
        .collect();
    include_str!("../src/translit/common_names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(a, e)| {
            !e.starts_with("al-") && a.chars().count() >= 3 && !left_out.contains(&bare(a).as_str())
        })
        .map(|(a, e)| {
            if latin {
                let mut e = e.to_string();
                if let Some(first) = e.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                e
            } else {
                a.to_string()
            }
        })
        .filter(|n| people_words.contains(&bare(n)))
        .collect()
}

/// The pairs of `names` that find someone whose name they are not.
fn found_someone_else(m: &Matcher, names: &[String]) -> (Vec<String>, usize) {
    let mut queries = Vec::new();
    for a in names {
        for b in names {
            if a != b {
                queries.push(format!("{a} {b}"));
            }
        }
    }
    let mut wrong = Vec::new();
    for (q, found) in queries.iter().zip(m.lookup_batch(&queries)) {
        let Some(top) = found.first() else {
            continue;
        };
        let words = bare_words(q);
        let right = top.entry.forms().any(|f| {
            let theirs = bare_words(f);
            words.iter().all(|w| theirs.contains(w))
        });
        if !right {
            wrong.push(format!(
                "{q}: {} ({:.3}, {:?})",
                top.entry.id, top.score, top.method
            ));
        }
    }
    (wrong, queries.len())
}

#[test]
fn everyday_names_of_two_words_find_no_one_else() {
    let glossary = Glossary::builtin();
    let m = Matcher::new(glossary.clone());
    for latin in [false, true] {
        let names = colliding_names(&glossary, latin);
        let (wrong, queries) = found_someone_else(&m, &names);
        let script = if latin { "Latin" } else { "Arabic" };
        eprintln!(
            "{script}: {} of {queries} found someone else\n  {}",
            wrong.len(),
            wrong.join("\n  ")
        );
        assert!(queries >= 2_000, "{script}: {queries}");
        assert!(wrong.len() * 400 <= queries, "{script}: {wrong:#?}");
    }
}

/// Running text that names everyday people tags none of the glossary's: before the twentieth session this
/// paragraph tagged Mohamed Salah, Faisal bin Farhan, Mohammed bin Salman and King Salman.
#[test]
fn running_text_with_everyday_names_tags_no_one() {
    let text = "قال محمد صالح، مدير المدرسة في الحي، إن الطلاب عادوا إلى الصفوف. وأضاف حسن علي، وهو أحد أولياء \
                الأمور، أن الأوضاع هادئة. وشارك فيصل سعيد ومحمود صالح وبشار سعيد وسعيد حريري في الاجتماع الذي عقد \
                في القاهرة. Local residents Faisal Said and Mohammed Souad told reporters that Salman Said had \
                left the city.";
    let m = Matcher::new(Glossary::builtin());
    let found: Vec<String> = qamus::scan::Scanner::new(&m)
        .scan(text)
        .iter()
        .map(|x| format!("{}: {}", x.surface, x.entry.id))
        .collect();
    assert_eq!(found, ["القاهرة: cairo"]);
}
