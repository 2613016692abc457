use super::*;
use crate::glossary::Glossary;

fn matcher() -> Matcher {
    Matcher::new(Glossary::builtin())
}

/// (surface, id) of every mention.
fn found(scanner: &Scanner<'_>, text: &str) -> Vec<(String, String)> {
    scanner
        .scan(text)
        .into_iter()
        .map(|m| (m.surface, m.entry.id.clone()))
        .collect()
}

/// A glossary of its own, so that the cases do not depend on the shipped one.
fn small() -> Matcher {
    let csv = "id,type,en,ar,en_variants,ar_variants\n\
        putin,PER,Vladimir Putin,فلاديمير بوتين,,\n\
        pashinyan,PER,Nikol Pashinyan,نيكول باشينيان,,\n\
        peskov,PER,Dmitry Peskov,دميتري بيسكوف,,ديمتري بيسكوف\n\
        aliyev-ilham,PER,Ilham Aliyev,إلهام علييف,,\n\
        aliyev-heydar,PER,Heydar Aliyev,حيدر علييف,,\n\
        salam,PER,Nawaf Salam,نواف سلام,,\n\
        kremlin,ORG,Kremlin,الكرملين,,\n\
        karabakh,LOC,Nagorno-Karabakh,ناغورنو كاراباخ,,ناغورني قره باغ|قره باغ\n\
        csto,ORG,Collective Security Treaty Organization,منظمة معاهدة الأمن الجماعي,CSTO,معاهدة الأمن الجماعي\n\
        armenia,LOC,Armenia,أرمينيا,,أرمينية\n\
        hamlet,LOC,Ham,هام,,\n\
        su30,MISC,Su-30SM,,,\n\
        valdai,ORG,Valdai Discussion Club,نادي فالداي للنقاش,,فالداي\n\
        arabiya,ORG,Al Arabiya,العربية,,قناة العربية\n";
    Matcher::new(Glossary::from_csv_str("small.csv", csv).unwrap_or_default())
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn longest_form_wins() {
    let m = small();
    let s = Scanner::new(&m);
    assert_eq!(
        found(&s, "الوضع في ناغورني قره باغ وفي قره باغ"),
        pairs(&[("ناغورني قره باغ", "karabakh"), ("قره باغ", "karabakh")])
    );
    assert_eq!(
        found(&s, "قادة منظمة معاهدة الأمن الجماعي و معاهدة الأمن الجماعي"),
        pairs(&[
            ("منظمة معاهدة الأمن الجماعي", "csto"),
            ("معاهدة الأمن الجماعي", "csto")
        ])
    );
}

#[test]
fn names_do_not_run_across_punctuation_or_lines() {
    let m = small();
    let s = Scanner::new(&m);
    assert_eq!(
        found(&s, "ناغورني، قره باغ"),
        pairs(&[("قره باغ", "karabakh")])
    );
    assert_eq!(found(&s, "ناغورني\nقره باغ").len(), 1);
    // Quotes and dashes are soft: the name continues.
    assert_eq!(
        found(&s, "لنادي \"فالداي\" للنقاش"),
        pairs(&[("لنادي \"فالداي\" للنقاش", "valdai")])
    );
}

/// A matcher over a glossary given as CSV text.
fn matcher_of(csv: &str) -> Matcher {
    Matcher::new(Glossary::from_csv_str("t.csv", csv).unwrap_or_default())
}

/// (text as written, id, detail) of every mention.
fn written<'t>(scanner: &Scanner<'_>, text: &'t str) -> Vec<(&'t str, String, String)> {
    scanner
        .scan(text)
        .into_iter()
        .map(|m| {
            (
                text.get(m.start..m.end).unwrap_or_default(),
                m.entry.id.clone(),
                m.detail,
            )
        })
        .collect()
}

/// A Latin family name written with the article (al-Sharaa, Al-Sharaa) names the person; one the glossary writes
/// only with the article is never read bare, where it is as often a given name or an adjective (Bashir Gemayel,
/// Houthi rebels).
#[test]
fn a_latin_family_name_with_the_article() {
    let csv = "id,type,en,ar\n\
               sharaa,PER,Ahmed al-Sharaa,\n\
               bashir,PER,Omar al-Bashir,\n\
               houthi,PER,Abdul-Malik al-Houthi,\n\
               assad,PER,Bashar al-Assad,\n";
    let m = matcher_of(csv);
    let s = Scanner::new(&m);
    let text = "Later al-Sharaa spoke; Al-Bashir denied it. Bashir Gemayel was killed. Houthi rebels fired. \
                Al-Assad left.";
    let got = written(&s, text);
    assert_eq!(
        got,
        [
            (
                "al-Sharaa",
                "sharaa".to_string(),
                "article al, family name".to_string()
            ),
            (
                "Al-Bashir",
                "bashir".to_string(),
                "article al, family name".to_string()
            ),
            (
                "Al-Assad",
                "assad".to_string(),
                "article al, family name".to_string()
            ),
        ]
    );
}

/// A family name or a place written as a town with its state (AUSTIN, Texas, a news agency's dateline; Paris,
/// Texas) is the town; the same name elsewhere still names the person or the place.
#[test]
fn a_town_and_its_state_are_no_family_name() {
    let csv = "id,type,en,ar\naustin,PER,Lloyd Austin,لويد أوستن\nparis,LOC,Paris,باريس\n";
    let m = matcher_of(csv);
    let s = Scanner::new(&m);
    let got = written(
        &s,
        "AUSTIN, Texas (AP) — Officials met in Austin, New Mexico, and in Paris, Texas. Lloyd Austin spoke. Austin, \
         the secretary, left for Paris, France. Paris, Texas Governor Abbott and Berlin agreed.",
    );
    let surfaces: Vec<&str> = got.iter().map(|g| g.0).collect();
    assert_eq!(
        surfaces,
        ["Lloyd Austin", "Austin", "Paris", "Paris"],
        "{got:?}"
    );
}

/// Georgia after one of the US state's towns is the state (ATLANTA, Georgia (AP) —), and the town is no place of the
/// glossary of its name (Athens, Georgia); after another town it is the country (Tbilisi, Georgia).
#[test]
fn georgia_after_one_of_its_towns_is_the_state() {
    let csv = "id,type,en,ar
georgia,LOC,Georgia,جورجيا
athens,LOC,Athens,أثينا
tbilisi,LOC,Tbilisi,تبليسي
";
    let m = matcher_of(csv);
    let s = Scanner::new(&m);
    let got = written(
        &s,
        "ATLANTA, Georgia (AP) — Athens, Georgia and Sandy Springs, Georgia voted. Tbilisi, Georgia and Athens, \
         Greece did not. Georgia and Athens signed.",
    );
    let surfaces: Vec<&str> = got.iter().map(|g| g.0).collect();
    assert_eq!(
        surfaces,
        ["Tbilisi", "Georgia", "Athens", "Georgia", "Athens"],
        "{got:?}"
    );
}

/// A group's adjective that the glossary gives as its English variant (Houthi) finds the group in running text;
/// with the article it is still a person's family name (Al-Houthi).
#[test]
fn a_group_by_its_adjective_and_a_person_by_the_family_name() {
    let csv = "id,type,en,ar,en_variants\n\
               houthis,ORG,Houthis,الحوثيون,Houthi\n\
               houthi,PER,Abdul-Malik al-Houthi,,\n";
    let m = matcher_of(csv);
    let s = Scanner::new(&m);
    let got = written(&s, "Houthi rebels fired. Al-Houthi said so.");
    assert_eq!(
        got,
        [
            ("Houthi", "houthis".to_string(), String::new()),
            (
                "Al-Houthi",
                "houthi".to_string(),
                "article al, family name".to_string()
            ),
        ]
    );
}

/// A group named in the glossary by its plural in one case (الحوثيون) is found in the other (الحوثيين), behind
/// clitics too; a word that only ends so is no such plural (ليون, without the article).
/// A compound written in one word where the glossary has two (عبدالملك, Abdelfattah), or in two where it has one
/// (أبو ظبي), is a mention of the name anywhere in the text, clitics and all; a form as written stays exact.
#[test]
fn a_compound_written_the_other_way() {
    let m = matcher_of(
        "id,type,en,ar,en_variants,ar_variants\n\
        houthi,PER,Abdul-Malik al-Houthi,عبد الملك الحوثي,,\n\
        sisi,PER,Abdel Fattah el-Sisi,عبد الفتاح السيسي,,\n\
        abudhabi,LOC,Abu Dhabi,أبوظبي,,\n",
    );
    let s = Scanner::new(&m);
    let one = crate::matcher::COMPOUND_ONE_WORD.to_string();
    let two = crate::matcher::COMPOUND_TWO_WORDS.to_string();
    assert_eq!(
        written(&s, "هدد وعبدالملك الحوثي في أبو ظبي، ثم عبد الملك الحوثي."),
        [
            (
                "وعبدالملك الحوثي",
                "houthi".to_string(),
                format!("clitic و, {one}")
            ),
            ("أبو ظبي", "abudhabi".to_string(), two),
            ("عبد الملك الحوثي", "houthi".to_string(), String::new()),
        ]
    );
    assert_eq!(
        written(&s, "Abdelfattah el-Sisi spoke."),
        [("Abdelfattah el-Sisi", "sisi".to_string(), one)]
    );
    let scores: Vec<f64> = s.scan("عبدالفتاح السيسي").iter().map(|m| m.score).collect();
    assert_eq!(scores, [SCORE_COMPOUND]);
}

#[test]
fn a_plural_in_the_other_case() {
    let csv = "id,type,en,ar\nhouthis,ORG,Houthis,الحوثيون\nleon,PER,Leon,ليون\n";
    let m = matcher_of(csv);
    let s = Scanner::new(&m);
    let text = "قصف الحوثيين ثم قال الحوثيون وللحوثيين، وليين";
    let got = written(&s, text);
    assert_eq!(
        got,
        [
            ("الحوثيين", "houthis".to_string(), "case ending".to_string()),
            ("الحوثيون", "houthis".to_string(), String::new()),
            (
                "وللحوثيين",
                "houthis".to_string(),
                "clitic ولل, case ending".to_string()
            ),
        ]
    );
    let first = |q: &str| {
        m.lookup(q)
            .first()
            .map(|x| (x.entry.id.clone(), x.detail.clone()))
    };
    assert_eq!(
        first("الحوثيين"),
        Some(("houthis".to_string(), "case ending".to_string()))
    );
    assert_eq!(
        first("والحوثيين"),
        Some(("houthis".to_string(), "clitic و, case ending".to_string()))
    );
}

#[test]
fn clitic_mentions_cover_the_written_word() {
    let m = small();
    let s = Scanner::new(&m);
    let text = "قال للكرملين ولقره باغ والكرملين بالكرملين";
    let ms = s.scan(text);
    let got: Vec<(&str, &str, &str)> = ms
        .iter()
        .map(|m| {
            (
                &text[m.start..m.end],
                m.entry.id.as_str(),
                m.detail.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("للكرملين", "kremlin", "clitic لل"),
            ("ولقره باغ", "karabakh", "clitic ول"),
            ("والكرملين", "kremlin", "clitic و"),
            ("بالكرملين", "kremlin", "clitic ب"),
        ]
    );
    assert!(ms
        .iter()
        .all(|m| m.method == Method::Normalized && m.score == SCORE_CLITIC));
}

#[test]
fn clitics_are_decided_before_alef_folding_and_never_stem() {
    let m = small();
    let s = Scanner::new(&m);
    // إلهام is not ال + هام (a form of another entry here); بوتين alone is a family name, never بوت.
    assert_eq!(
        found(&s, "إلهام علييف"),
        pairs(&[("إلهام علييف", "aliyev-ilham")])
    );
    assert_eq!(found(&s, "الهامش"), pairs(&[]));
    // An article taken off must come back: الأرمينية (the adjective) is not the name أرمينية.
    assert_eq!(found(&s, "القيادة الأرمينية"), pairs(&[]));
    assert_eq!(found(&s, "الهام"), pairs(&[]));
    assert_eq!(found(&s, "وهام"), pairs(&[("وهام", "hamlet")]));
    // أرمينية alone is the adjective "Armenian" in running text (an ambiguous form), أرمينيا the country.
    assert_eq!(
        found(&s, "مناطق أرمينية وأرمينيا"),
        pairs(&[("وأرمينيا", "armenia")])
    );
}

#[test]
fn family_names_resolve_by_document_or_glossary() {
    let m = small();
    let s = Scanner::new(&m);
    // One person has the family name: resolved anywhere.
    assert_eq!(
        found(&s, "بوتين وباشينيان ولبيسكوف"),
        pairs(&[
            ("بوتين", "putin"),
            ("وباشينيان", "pashinyan"),
            ("ولبيسكوف", "peskov")
        ])
    );
    // Two people share علييف: the one named before wins; with none named, nothing.
    assert_eq!(found(&s, "قال علييف"), pairs(&[]));
    assert_eq!(
        found(&s, "حيدر علييف. ثم إلهام علييف. وقال علييف"),
        pairs(&[
            ("حيدر علييف", "aliyev-heydar"),
            ("إلهام علييف", "aliyev-ilham"),
            ("علييف", "aliyev-ilham")
        ])
    );
    // A headline before the full name: the only one of them named in the document.
    assert_eq!(
        found(&s, "علييف يزور موسكو. وصل إلهام علييف"),
        pairs(&[("علييف", "aliyev-ilham"), ("إلهام علييف", "aliyev-ilham")])
    );
    // A common word that is also a family name never names the person alone.
    assert_eq!(found(&s, "سلام عليكم"), pairs(&[]));
    let ms = s.scan("بوتين");
    assert_eq!(
        (ms[0].score, ms[0].detail.as_str()),
        (SCORE_FAMILY, "family name")
    );
    let off = ScanOptions {
        family_names: false,
        ..ScanOptions::default()
    };
    assert!(Scanner::with_options(&m, off).scan("بوتين").is_empty());
}

#[test]
fn a_name_goes_on_after_an_initial() {
    let m = matcher();
    let s = Scanner::new(&m);
    assert_eq!(
        found(&s, "Former president George W. Bush spoke."),
        pairs(&[("George W. Bush", "george-w-bush")])
    );
}

#[test]
fn the_english_possessive_is_left_out_of_a_mention() {
    let m = matcher();
    let s = Scanner::new(&m);
    assert_eq!(
        found(&s, "Russia's Vladimir Putin and Armenia’s Nikol Pashinyan"),
        pairs(&[
            ("Russia", "russia"),
            ("Vladimir Putin", "vladimir-putin"),
            ("Armenia", "armenia"),
            ("Nikol Pashinyan", "nikol-pashinyan")
        ])
    );
}

#[test]
fn given_names_before_a_family_name_join_the_mention() {
    let m = matcher();
    let s = Scanner::new(&m);
    // Part of the name: the given names the person has, in their order, before the family name.
    assert_eq!(
        found(&s, "قال طيب أردوغان إن"),
        pairs(&[("طيب أردوغان", "recep-tayyip-erdogan")])
    );
    assert_eq!(
        found(&s, "said Tayyip Erdogan on"),
        pairs(&[("Tayyip Erdogan", "recep-tayyip-erdogan")])
    );
    let ms = s.scan("قال طيب أردوغان");
    assert_eq!(
        (ms[0].score, ms[0].detail.as_str()),
        (SCORE_PART, "part of the name")
    );
    // Another person's given name before the family name: another person, no mention (Hunter Biden, Melania
    // Trump); a word that is no name, or a title, leaves the family name to the person.
    assert_eq!(
        found(
            &s,
            "Hunter Biden met Joe Biden. Later Biden said. President Biden left."
        ),
        pairs(&[
            ("Joe Biden", "joe-biden"),
            ("Biden", "joe-biden"),
            ("Biden", "joe-biden")
        ])
    );
    assert!(crate::translit::plain::is_known_name("hunter"));
    // A title, a comma between: the family name alone.
    assert_eq!(
        found(&s, "الرئيس أردوغان"),
        pairs(&[("أردوغان", "recep-tayyip-erdogan")])
    );
    assert_eq!(
        found(&s, "قال رجب، أردوغان"),
        pairs(&[("أردوغان", "recep-tayyip-erdogan")])
    );
    assert!(!found(&s, "قال فلاديمير أردوغان")
        .iter()
        .any(|(_, id)| id == "recep-tayyip-erdogan"));
}

/// Words of every news page that are also the last words of people's names in the shipped glossary are not
/// those people alone; "son of" and a name is a family name of two tokens (بن سلمان, بن غفير).
#[test]
fn common_words_are_no_family_names_and_son_of_is_one() {
    let m = matcher();
    let s = Scanner::new(&m);
    for text in [
        "إن شاء الله سيعقد الاجتماع",
        "هجوم بري واسع",
        "لعب دورا رئيسيا ودور رئيسي",
        "استخدمت الذخيرة الحية",
        "القرن الحادي عشر",
        "الابن الأكبر",
        "وقال زايد",
        "الملك حسين",
    ] {
        assert_eq!(found(&s, text), pairs(&[]), "{text}");
    }
    // خان is no family name (Imran Khan): خان يونس is the city.
    assert_eq!(
        found(&s, "في خان يونس"),
        pairs(&[("خان يونس", "khan-yunis")])
    );
    assert_eq!(
        found(&s, "وقال بن غفير إن"),
        pairs(&[("بن غفير", "itamar-ben-gvir")])
    );
    assert_eq!(
        found(&s, "التقى محمد بن سلمان الرئيس. وأكد بن سلمان"),
        pairs(&[
            ("محمد بن سلمان", "mohammed-bin-salman"),
            ("بن سلمان", "mohammed-bin-salman")
        ])
    );
    assert_eq!(
        found(&s, "وبن سلمان"),
        pairs(&[("وبن سلمان", "mohammed-bin-salman")])
    );
    // بن زايد is two people's (Mohamed and Abdullah bin Zayed): the one the document named.
    assert_eq!(found(&s, "قال بن زايد"), pairs(&[]));
    assert_eq!(
        found(&s, "عبد الله بن زايد آل نهيان. وقال بن زايد"),
        pairs(&[
            ("عبد الله بن زايد آل نهيان", "abdullah-bin-zayed"),
            ("بن زايد", "abdullah-bin-zayed")
        ])
    );
    // Across a line break it is no name.
    assert_eq!(found(&s, "بن\nغفير"), pairs(&[]));
    // A title and a name have no family name (البابا فرنسيس, البطريرك كيريل), as in a lookup.
    assert_eq!(found(&s, "قال فرنسيس إن. وقال كيريل"), pairs(&[]));
}

#[test]
fn latin_tokens_inside_arabic_text() {
    let m = small();
    let s = Scanner::new(&m);
    assert_eq!(
        found(&s, "مقاتلات Su-30SM وذخيرة، csto"),
        pairs(&[("Su-30SM", "su30"), ("csto", "csto")])
    );
    // Part of a token is never a mention.
    assert_eq!(found(&s, "Su-30SMK"), pairs(&[]));
}

#[test]
fn ambiguous_ordinary_words_are_not_names_alone() {
    let m = small();
    let s = Scanner::new(&m);
    assert_eq!(found(&s, "اللغة العربية"), pairs(&[]));
    assert_eq!(
        found(&s, "قناة العربية"),
        pairs(&[("قناة العربية", "arabiya")])
    );
}

#[test]
fn a_form_whose_usual_sense_is_a_place_names_the_place_alone() {
    let csv = "id,type,en,ar,en_variants,ar_variants,note\n\
        paper,ORG,Asharq Al-Awsat,الشرق الأوسط,,صحيفة الشرق الأوسط,\n\
        mideast,LOC,Middle East,الشرق الأوسط,,,homograph of paper\n";
    let m = Matcher::new(Glossary::from_csv_str("g.csv", csv).unwrap_or_default());
    let s = Scanner::new(&m);
    assert_eq!(
        found(&s, "التوتر في الشرق الأوسط كما كتبت صحيفة الشرق الأوسط"),
        pairs(&[("الشرق الأوسط", "mideast"), ("صحيفة الشرق الأوسط", "paper")])
    );
    // Without a place of that name, the form alone names nothing: the newspaper needs its longer form.
    let csv = "id,type,en,ar,en_variants,ar_variants\n\
        paper,ORG,Asharq Al-Awsat,الشرق الأوسط,,صحيفة الشرق الأوسط\n";
    let m = Matcher::new(Glossary::from_csv_str("g.csv", csv).unwrap_or_default());
    let s = Scanner::new(&m);
    assert_eq!(found(&s, "التوتر في الشرق الأوسط"), pairs(&[]));
}

#[test]
fn world_regions_of_the_shipped_glossary() {
    let m = matcher();
    let s = Scanner::new(&m);
    assert_eq!(
        found(
            &s,
            "في الشرق الأوسط وغرب أفريقيا ومنطقة الساحل، لا على الساحل السوري. Tensions in the Middle East."
        ),
        pairs(&[
            ("الشرق الأوسط", "middle-east"),
            ("وغرب أفريقيا", "western-africa"),
            ("ومنطقة الساحل", "sahel"),
            ("Middle East", "middle-east")
        ])
    );
}

#[test]
fn methods_and_scores() {
    let m = small();
    let s = Scanner::new(&m);
    let ms = s.scan("فلاديمير بوتين والكرملين قرة باغ");
    let got: Vec<(Method, f64)> = ms.iter().map(|m| (m.method, m.score)).collect();
    assert_eq!(
        got,
        [
            (Method::Exact, SCORE_EXACT),
            (Method::Normalized, SCORE_CLITIC),
            (Method::Normalized, SCORE_NORMALIZED)
        ]
    );
}

#[test]
fn offsets_are_bytes_and_chars_of_the_text() {
    let m = small();
    let s = Scanner::new(&m);
    let text = "«بوتين» و Su-30SM\nوباشينيان";
    for x in s.scan_doc(3, text) {
        assert_eq!(x.doc, 3);
        assert_eq!(&text[x.start..x.end], x.surface);
        let chars: String = text
            .chars()
            .skip(x.char_start)
            .take(x.char_end - x.char_start)
            .collect();
        assert_eq!(chars, x.surface);
    }
    assert_eq!(s.scan_doc(0, text).len(), 3);
}

#[test]
fn is_letter_is_is_alphabetic() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
    }
    assert_eq!(count_letters("بوتين 2020 Putin"), 10);
}

#[test]
fn the_fast_token_key_agrees_with_search() {
    for c in ('\u{0621}'..='\u{064A}').chain('a'..='z').chain('0'..='9') {
        if is_stable(c) {
            let s = c.to_string();
            assert_eq!(normalize::search(&s), s, "{c:?} U+{:04X}", c as u32);
        }
    }
    for w in ["بوتين", "قرة", "أرمينيا", "Su-30SM", "ة", "x", "الكريملِن"]
    {
        assert_eq!(token_key(w), normalize::search(w), "{w}");
    }
}

#[test]
fn the_clitic_prefilter_never_hides_a_reading() {
    // Every clitic reading that starts a form passes the cheap test first.
    let m = matcher();
    let s = Scanner::new(&m);
    for w in [
        "للكرملين",
        "وباشينيان",
        "لقره",
        "وبالكرملين",
        "والكرملين",
        "ليريفان",
        "وإيران",
        "فبوتين",
        "كالكرملين",
        "وللكرملين",
    ] {
        assert!(s.may_have_clitics(&normalize::search(w)), "{w}");
    }
    assert!(!s.may_have_clitics("والانتخابات"));
}

#[test]
fn fuzzy_only_where_a_name_is_expected() {
    let m = small();
    let loose = ScanOptions {
        fuzzy_threshold: 0.0,
        ..ScanOptions::default()
    };
    let s = Scanner::with_options(&m, loose);
    // After a title (the adjective skipped), an unseen spelling is looked up…
    let ms = s.scan("قال الرئيس الروسي فلاديمير بوتن");
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].entry.id, "putin");
    assert!(matches!(ms[0].method, Method::Fuzzy | Method::Translit));
    assert_eq!(ms[0].surface, "فلاديمير بوتن");
    // …and after a verb of saying, which news prose puts before the speaker's name…
    let ms = s.scan("وقال فلاديمير بوتن إن");
    assert_eq!(ms.first().map(|x| x.entry.id.as_str()), Some("putin"));
    // …elsewhere it is not, whatever the threshold.
    assert!(s.scan("والتقى فلاديمير بوتن").is_empty());
    // And nothing passes the default threshold unless it is close: ordinary words after a title or a verb stay
    // words.
    let strict = Scanner::new(&m);
    assert!(strict.scan("قال الرئيس إن المفاوضات مستمرة").is_empty());
    assert!(strict
        .scan(
            "وقال مسؤول روسي إن المفاوضات مستمرة. وأكد البيان ذلك. وأضاف المصدر أن القوات انسحبت."
        )
        .is_empty());
}

#[test]
fn the_shipped_glossary_finds_the_seed_spellings() {
    let m = matcher();
    let s = Scanner::new(&m);
    let text = "بوتين وباشينيان يبحثان أزمة ناغورنو كراباخ، المكتب الصحفي للكرملين، مقاتلات Su-30SM، (SeaPRwire)";
    let ids: Vec<String> = found(&s, text).into_iter().map(|(_, id)| id).collect();
    assert_eq!(
        ids,
        [
            "vladimir-putin",
            "nikol-pashinyan",
            "nagorno-karabakh",
            "kremlin",
            "su-30sm",
            "seaprwire"
        ]
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of text: names, clitic forms, Arabic and Latin letters, marks, controls, punctuation, anything.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(vec![
                "بوتين",
                "وباشينيان",
                "للكرملين",
                "قره باغ",
                "ناغورني",
                "Su-30SM",
                "علييف",
                "إلهام",
                "الرئيس",
                "فلاديمير بوتن",
                " ",
                "، ",
                "\n",
                "\"",
                "-",
                "\u{200C}",
                "\u{200F}",
                "ـ",
                "ِ",
                "ﻻ",
                "é",
                "Nikol",
            ])
            .prop_map(str::to_string),
            "[\u{0600}-\u{06FF}]{1,6}",
            "\\PC{0,4}",
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn mention_offsets_are_char_boundaries_within_the_text(parts in proptest::collection::vec(piece(), 0..16)) {
            let text: String = parts.concat();
            let m = small();
            let options = ScanOptions { fuzzy_threshold: 0.0, ..ScanOptions::default() };
            let s = Scanner::with_options(&m, options);
            let ms = s.scan(&text);
            let mut last_end = 0;
            for x in &ms {
                prop_assert!(x.start < x.end && x.end <= text.len());
                prop_assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
                prop_assert_eq!(&text[x.start..x.end], x.surface.as_str());
                prop_assert_eq!(text[..x.start].chars().count(), x.char_start);
                prop_assert_eq!(text[..x.end].chars().count(), x.char_end);
                prop_assert!(x.start >= last_end, "mentions overlap");
                last_end = x.end;
            }
        }

        #[test]
        fn the_fast_token_key_is_search(word in "[\u{0621}-\u{064A}a-z0-9]{1,8}") {
            for t in tokenize::tokens(&word) {
                let w = &word[t.range()];
                prop_assert_eq!(token_key(w), normalize::search(w), "{}", w);
            }
        }

        #[test]
        fn the_fast_token_key_is_search_in_the_arabic_block(word in "[\u{0600}-\u{06FF}a-zA-Z0-9é\u{200F}-]{1,10}") {
            for t in tokenize::tokens(&word) {
                let w = &word[t.range()];
                prop_assert_eq!(token_key(w), normalize::search(w), "{}", w);
            }
        }

        #[test]
        fn the_tokenizers_letter_bits_agree_with_the_keys(text in "[\u{0600}-\u{06FF}a-zA-Z0-9é\u{200F} .-]{0,40}") {
            let (toks, letters) = tokenize::tokens_and_letters(&text);
            prop_assert_eq!(toks.len(), letters.len());
            for (t, seen) in toks.iter().zip(letters) {
                let w = &text[t.range()];
                let kind = key_into(w, &mut String::new());
                if seen & tokenize::LETTERS_STABLE != 0 {
                    prop_assert_eq!(kind, KeyKind::Itself, "{}", w);
                } else if seen & tokenize::LETTERS_BASIC != 0 {
                    prop_assert_eq!(kind, KeyKind::Folded, "{}", w);
                    let mut folded = String::new();
                    fold_into(w, &mut folded);
                    prop_assert_eq!(folded, normalize::search(w), "{}", w);
                }
            }
        }

        #[test]
        fn tokens_are_ordered_nonempty_char_ranges(text in any::<String>()) {
            let mut last = 0;
            for t in tokenize::tokens(&text) {
                prop_assert!(t.start >= last && t.start < t.end && t.end <= text.len());
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                last = t.end;
            }
        }
    }
}

#[test]
fn scanner_and_mentions_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Scanner<'static>>();
    send_sync::<Mention<'static>>();
}

/// What each document gives alone, with a scanner of its own (nothing remembered), summed up by `summary`; and the
/// check that one scanner finds the same, whatever it has looked up before, and on several threads at once.
fn alone_then_shared<T: PartialEq + std::fmt::Debug + Send>(
    m: &Matcher,
    docs: &[&str],
    summary: impl Fn(Vec<Mention<'_>>) -> T + Sync,
) -> Vec<T> {
    use rayon::prelude::*;
    let alone: Vec<T> = docs
        .iter()
        .map(|d| summary(Scanner::new(m).scan(d)))
        .collect();
    let shared = Scanner::new(m);
    for _ in 0..3 {
        let again: Vec<T> = docs.iter().map(|d| summary(shared.scan(d))).collect();
        assert_eq!(again, alone);
        let parallel: Vec<T> = docs.par_iter().map(|d| summary(shared.scan(d))).collect();
        assert_eq!(parallel, alone);
    }
    alone
}

#[test]
fn fuzzy_answers_are_shared_between_documents_and_threads() {
    let m = small();
    let docs = [
        "قال الرئيس الروسي فلاديمير بوتن",
        "وقال الرئيس فلاديمير بوتن أمس",
        "قال الرئيس إن المفاوضات مستمرة",
    ];
    let alone = alone_then_shared(&m, &docs, |ms| {
        ms.into_iter()
            .map(|m| (m.surface, m.entry.id.clone(), m.method.as_str().to_string()))
            .collect::<Vec<_>>()
    });
    assert!(alone[0].iter().any(|(_, id, _)| id == "putin"), "{alone:?}");
}

#[test]
fn clitic_readings_are_remembered_without_changing_answers() {
    let m = small();
    let docs = [
        "وباشينيان وبوتين في الكرملين وللكرملين",
        "قال باشينيان إن لبوتين وللكرملين رأيا",
        "وباشينيان الأرمينية والأرمينية",
    ];
    let alone = alone_then_shared(&m, &docs, |ms| {
        ms.into_iter()
            .map(|m| (m.surface, m.entry.id.clone(), m.detail))
            .collect::<Vec<_>>()
    });
    assert!(
        alone[0]
            .iter()
            .any(|(_, _, detail)| detail.starts_with("clitic")),
        "{alone:?}"
    );
}

#[test]
fn a_common_given_name_before_a_name_makes_it_another_persons() {
    let m = matcher();
    let s = Scanner::new(&m);
    // Jill is no name of the `plain` lexicon, but a common English given name: another Biden.
    assert_eq!(
        found(&s, "Joe Biden and Jill Biden visited Jordan."),
        pairs(&[("Joe Biden", "joe-biden"), ("Jordan", "jordan")])
    );
    // A place's one Latin word after a given name is a family name, and the name is nobody's close spelling
    // (Michael Jordan in had found Michel Aoun).
    assert_eq!(
        found(
            &s,
            "Sophia Loren and Michael Jordan in Berlin, then Queen Rania of Jordan."
        ),
        pairs(&[
            ("Berlin", "berlin"),
            ("Queen Rania of Jordan", "queen-rania-of-jordan")
        ])
    );
}

#[test]
fn an_initial_before_a_family_name() {
    let m = matcher();
    let s = Scanner::new(&m);
    // An initial of the person's given name joins the mention; ن. is a name of the `plain` lexicon, but an initial
    // is never another person's given name, so the family name is still found.
    assert_eq!(
        found(&s, "He met N. Pashinyan and V. Putin, then J. Putin."),
        pairs(&[
            ("N. Pashinyan", "nikol-pashinyan"),
            ("V. Putin", "vladimir-putin"),
            ("Putin", "vladimir-putin")
        ])
    );
}

#[test]
fn given_names_that_are_words_and_given_names_before_unknown_names() {
    let m = matcher();
    let s = Scanner::new(&m);
    // Opening a sentence, Will is the word; Jill is a name wherever it stands.
    assert_eq!(
        found(&s, "Will China respond? Jill Biden said no."),
        pairs(&[("China", "china")])
    );
    // A capitalized word before another is a given name, no close spelling of a person on its own (Rashida is
    // not Abdul Latif Rashid).
    assert_eq!(found(&s, "said Rashida Tlaib."), pairs(&[]));
}

#[test]
fn a_place_that_is_a_given_name_before_a_surname_is_a_person() {
    let m = matcher();
    let s = Scanner::new(&m);
    // Jordan before a surname is a person's given name (Jordan Peterson); before a word that goes on naming a
    // place it is still the place (the Jordan River); a person of the glossary is the longer name (Israel Katz is
    // in the shipped glossary, Chad Smith is not).
    assert_eq!(
        found(
            &s,
            "Jordan Peterson met Chad Smith near the Jordan River. Israel Katz flew to Jordan."
        ),
        pairs(&[
            ("Jordan", "jordan"),
            ("Israel Katz", "israel-katz"),
            ("Jordan", "jordan"),
        ])
    );
}

#[test]
fn rulers_by_regnal_name_in_latin_text() {
    let m = matcher();
    let s = Scanner::new(&m);
    // The regnal name alone, not the close spelling of another entry the words after it make (Abdullah II in:
    // Amir-Abdollahian); another ordinal is another ruler, and an ordinal alone is no one's family name (Charles
    // III).
    assert_eq!(
        found(
            &s,
            "Morocco's Mohammed VI met Jordan's Abdullah II in Rabat. Mohammed V was his grandfather. Phase III began."
        ),
        pairs(&[
            ("Morocco", "morocco"),
            ("Mohammed VI", "mohammed-vi"),
            ("Jordan", "jordan"),
            ("Abdullah II", "abdullah-ii"),
            ("Rabat", "rabat"),
        ])
    );
}

#[test]
fn rulers_by_title_and_given_name() {
    let m = matcher();
    let s = Scanner::new(&m);
    // The title is part of the mention, after a verb of saying too; a title many hold before a frequent name
    // (Sheikh Mohammed) and a name no glossary person has (King Harald) name no one.
    assert_eq!(
        found(
            &s,
            "King Charles met Pope Leo. وقال الملك عبد الله إن السلطان هيثم والشيخ تميم اتفقا. \
             Sheikh Mohammed and King Harald spoke. وقال الشيخ محمد. Hamad bin Isa met Faisal bin Salman."
        ),
        pairs(&[
            ("King Charles", "charles-iii"),
            ("Pope Leo", "pope-leo-xiv"),
            ("الملك عبد الله", "abdullah-ii"),
            ("السلطان هيثم", "haitham-bin-tariq"),
            ("والشيخ تميم", "tamim-bin-hamad"),
            // A name of lineage without its house (Al Khalifa).
            ("Hamad bin Isa", "hamad-bin-isa"),
        ])
    );
}

#[test]
fn a_family_name_that_is_a_given_name_follows_a_full_mention_only() {
    // `family` = no: حسان alone is anyone called Hassan, unless the document named Jafar Hassan in full.
    let csv = "id,type,en,ar,family\n\
        hassan,PER,Jafar Hassan,جعفر حسان,no\n\
        putin,PER,Vladimir Putin,فلاديمير بوتين,\n";
    let m = Matcher::new(Glossary::from_csv_str("t.csv", csv).unwrap_or_default());
    let scanner = Scanner::new(&m);
    assert_eq!(found(&scanner, "وقال حسان إن الوضع صعب."), pairs(&[]));
    assert_eq!(
        found(&scanner, "وقال بوتين إن الوضع صعب."),
        pairs(&[("بوتين", "putin")])
    );
    assert_eq!(
        found(
            &scanner,
            "استقبل رئيس الوزراء جعفر حسان الوفد. وقال حسان إن الوضع صعب."
        ),
        pairs(&[("جعفر حسان", "hassan"), ("حسان", "hassan")])
    );
}

#[test]
fn the_words_of_the_names_table_that_are_no_given_name_are_in_it() {
    // The list names words of the common-names table: one the table lost would say nothing.
    for w in words::TABLE_WORDS_NOT_GIVEN {
        assert!(crate::translit::plain::is_common_name(w), "{w}");
    }
}

#[test]
fn a_hamza_after_a_proclitic_starts_a_word() {
    assert!(hamza_word_behind_a_proclitic("بأوّل"));
    assert!(hamza_word_behind_a_proclitic("لأكثر"));
    // No hamza: the letters may be a name's (باول, Powell).
    assert!(!hamza_word_behind_a_proclitic("باول"));
    // A hamza, but no word of the language after it.
    assert!(!hamza_word_behind_a_proclitic("وأوباما"));
}
