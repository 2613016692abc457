//! Names written in a standard romanization of Arabic find their entry: every Arabic form of the shipped
//! glossary, romanized by ALA-LC, DIN 31635 and BGN/PCGN (unvocalized, as glossaries write Arabic: `al-ryāḍ`,
//! `ar-Ryāḍ`, `Ar Ryāḑ`), is looked up as a user with a romanized list of names would. The reading back into
//! Arabic letters (`qamus::rules::romanized`) finds 94-95% of them (`qamus eval romanized`: 1,393 to 1,403 of 1,459
//! forms; 40-46% before the fifteenth session); the few wrong ones are Arabic homographs (طرابلس is Tripoli in Libya and in
//! Lebanon, عمان both Oman and Amman once unvocalized), and the misses romanizations with no sign of Arabic
//! (`Mrw`: only a q, kh, gh, dh, an apostrophe, a letter of a romanization or the article lets a Latin query be read
//! back, so that Mika does not find مكة, Mecca). Such a romanization is looked up as the Latin name it may be, and
//! one of them is a wrong one: `Wylz` (ويلز, Wales) is closest to Walz (twenty-eighth session: 2,892 of 2,997 forms
//! in ALA-LC, 6 wrong).

use qamus::eval::romanized;
use qamus::glossary::Glossary;
use qamus::matcher::MatcherOptions;

#[test]
fn romanized_arabic_forms_find_their_entries() {
    let scores = romanized(Glossary::builtin(), MatcherOptions::default());
    assert_eq!(scores.len(), 3);
    for s in scores {
        assert!(s.forms >= 1_000, "{}", s.forms);
        assert!(
            s.right * 100 >= s.forms * 93,
            "{}: {} of {} found their entry",
            s.scheme,
            s.right,
            s.forms
        );
        assert!(s.wrong <= 6, "{}: {} wrong", s.scheme, s.wrong);
    }
}
