use super::*;
use proptest::prelude::*;

fn s(t: &str) -> String {
    search(t).into_owned()
}

#[test]
fn display_removes_bidi_and_zero_width_controls() {
    // U+200E LRM, U+200F RLM, U+061C ALM, U+202A..U+202E, U+2066..U+2069, U+200D ZWJ, U+200B ZWSP, U+FEFF.
    let dirty = "\u{202B}\u{200F}بوتين\u{200E}\u{061C}\u{202C} \u{2067}وباشينيان\u{2069}\u{200D}\u{200B}\u{FEFF}";
    assert_eq!(display(dirty), "بوتين وباشينيان");
}

#[test]
fn display_turns_zwnj_between_arabic_letters_into_a_space() {
    assert_eq!(display("قره\u{200C}باغ"), "قره باغ");
    assert_eq!(display("a\u{200C}b"), "ab");
    assert_eq!(display("\u{200C}باغ"), "باغ");
}

#[test]
fn display_keeps_letters_and_marks_as_written() {
    for t in [
        "الكريملِن",
        "أرمينيا",
        "پاشینیان",
        "٠٧ يوليو ٢٠٢١",
        "Su-30SM",
    ] {
        assert_eq!(display(t), t);
        assert!(matches!(display(t), Cow::Borrowed(_)), "{t} should borrow");
    }
}

#[test]
fn display_composes_nfc() {
    // ا + U+0653 MADDA ABOVE composes to U+0622 آ; e + U+0301 to é.
    assert_eq!(display("\u{0627}\u{0653}"), "\u{0622}");
    assert_eq!(display("e\u{0301}"), "é");
}

#[test]
fn search_folds_alef_forms() {
    // U+0623 أ, U+0625 إ, U+0622 آ, U+0671 ٱ → U+0627 ا
    assert_eq!(s("أ إ آ ٱ"), "ا ا ا ا");
    assert_eq!(s("إنترفاكس"), s("انترفاكس"));
}

#[test]
fn search_folds_yeh_hamza_carriers_and_final_teh_marbuta() {
    assert_eq!(s("مستشفى"), "مستشفي"); // U+0649 ى → U+064A ي
    assert_eq!(s("مؤتمر"), "موتمر"); // U+0624 ؤ → و
    assert_eq!(s("رئيس"), "رييس"); // U+0626 ئ → ي
    assert_eq!(s("قرة باغ"), "قره باغ"); // final U+0629 ة → U+0647 ه
    assert_eq!(s("قرةباغ"), "قرةباغ"); // not final: kept
    assert_eq!(s("مدينةُ"), "مدينه"); // final even before a mark
}

#[test]
fn search_removes_tashkeel_quranic_marks_and_tatweel() {
    // U+064B..U+065F, U+0670, U+06D6..U+06ED, U+0640
    assert_eq!(s("مُحَمَّدٌ"), "محمد");
    assert_eq!(s("الكريملِن"), "الكريملن");
    assert_eq!(s("هٰذا"), "هذا");
    assert_eq!(s("قلۖ"), "قل");
    assert_eq!(s("بـــوتـين"), "بوتين");
}

#[test]
fn search_folds_persian_and_urdu_letters() {
    // U+06A9 ک, U+06CC ی, U+06D0 ې, U+06C0 ۀ, U+06D5 ە, U+067E پ, U+0686 چ, U+0698 ژ, U+06A4 ڤ, U+06AF گ
    assert_eq!(s("پاشینیان"), "باشينيان");
    assert_eq!(s("علییڤ"), "علييف");
    assert_eq!(s("کۀە"), "كهه");
    assert_eq!(s("چژگې"), "جزكي");
    // display keeps them
    assert_eq!(display("پ چ ژ ڤ گ"), "پ چ ژ ڤ گ");
}

#[test]
fn search_folds_digits_and_punctuation() {
    // U+0660..U+0669, U+06F0..U+06F9; U+060C ، U+061B ؛ U+061F ؟ U+00AB « U+00BB »
    assert_eq!(s("٠٧ يوليو ٢٠٢١"), "07 يوليو 2021");
    assert_eq!(s("۱۲۳"), "123");
    assert_eq!(s("نعم، لا؛ ماذا؟ «هنا»"), "نعم, لا; ماذا? \"هنا\"");
}

#[test]
fn search_folds_presentation_forms_with_nfkc() {
    // U+FEB3 U+FEEE U+FE97 U+FEB7 U+FEF4 (Arabic Presentation Forms-B) and U+FEFB lam-alef ligature
    assert_eq!(s("\u{FEB3}\u{FEEE}\u{FE97}\u{FEB7}\u{FEF4}"), "سوتشي");
    assert_eq!(s("\u{FEFB}"), "لا");
}

#[test]
fn search_folds_latin() {
    assert_eq!(s("Pashinyán"), "pashinyan");
    assert_eq!(s("ʿAbd al-Raḥmān"), "abd al rahman");
    assert_eq!(s("Su-30SM"), "su 30sm");
    assert_eq!(s("O’Brien  Ørsted  Łódź"), "obrien orsted lodz");
    assert_eq!(s("Straße"), "strasse");
    assert_eq!(s("ПЕСКОВ"), "песков");
}

#[test]
fn search_borrows_plain_text() {
    for t in ["بوتين", "ناغورنو كراباخ", "putin"] {
        assert!(matches!(search(t), Cow::Borrowed(_)), "{t}");
    }
}

#[test]
fn search_handles_marks_left_out_of_order_by_stripping() {
    // Tatweel between a letter and marks: stripping it must leave a stable, composed result.
    for t in [
        "a\u{0640}\u{0301}",
        "\u{05D0}\u{0640}\u{05B8}\u{0301}",
        "ا\u{0640}\u{0654}",
        "ـًٌٍ",
    ] {
        let once = s(t);
        assert_eq!(s(&once), once, "{t:?}");
    }
}

#[test]
fn only_marks_or_tatweel_give_empty_keys() {
    assert_eq!(s("ـــ"), "");
    assert_eq!(s("َُِّ"), "");
    assert_eq!(s(""), "");
}

proptest! {
    /// `fold_each` visits exactly the characters `fold` writes, for every fold (Arabic letters with ة at and before
    /// word ends, marks, tatweel, digits, Latin with diacritics and letters that are spelled out).
    #[test]
    fn fold_each_visits_what_fold_writes(
        t in "[اأإآىئؤةهبتـًٌَُ٠١ a-zA-ZéÉßæÆłø'\\-«»،؛]{0,30}|\\PC{0,20}",
        bits in 0u8..64,
    ) {
        let folds = [Folds::MARKS, Folds::TATWEEL, Folds::LETTERS, Folds::DIGITS, Folds::PUNCTUATION, Folds::LATIN]
            .into_iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .fold(Folds(0), |a, (_, f)| a | f);
        let mut visited = String::new();
        fold_each(&t, folds, |c| visited.push(c));
        prop_assert_eq!(visited, fold(&t, folds).into_owned());
    }

    #[test]
    fn search_is_idempotent(t in "\\PC{0,40}") {
        let once = s(&t);
        prop_assert_eq!(s(&once), once);
    }

    #[test]
    fn search_is_idempotent_on_arabic(t in "[\u{0600}-\u{06FF}\u{0750}-\u{077F}\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}\u{200B}-\u{200F} a-zA-Z\u{0300}-\u{0310}-]{0,40}") {
        let once = s(&t);
        prop_assert_eq!(s(&once), once);
    }

    #[test]
    fn display_is_idempotent(t in "\\PC{0,40}") {
        let once = display(&t).into_owned();
        prop_assert_eq!(display(&once).into_owned(), once);
    }

    #[test]
    fn search_of_display_equals_search(t in "[\u{0600}-\u{06FF}\u{200C}-\u{200F} a-zA-Z-]{0,40}") {
        prop_assert_eq!(s(&display(&t)), s(&t));
    }
}
