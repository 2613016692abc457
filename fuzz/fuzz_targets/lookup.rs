//! Lookup over a small fixed glossary: no panic, scores in 0..=1, best first.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use qamus::glossary::Glossary;
use qamus::matcher::{Matcher, MatcherOptions};

const GLOSSARY: &str = "id,type,en,ar,en_variants,ar_variants,note
vladimir-putin,PER,Vladimir Putin,فلاديمير بوتين,Putin,بوتين|بوتن,
nikol-pashinyan,PER,Nikol Pashinyan,نيكول باشينيان,Pashinian,باشينيان,
dmitry-peskov,PER,Dmitry Peskov,دميتري بيسكوف,,ديمتري بيسكوف,
kremlin,ORG,Kremlin,الكرملين,,الكريملن,
interfax,ORG,Interfax,إنترفاكس,,انترفاكس,
nagorno-karabakh,LOC,Nagorno-Karabakh,ناغورنو كاراباخ,Artsakh,ناغورني قره باغ|قرة باغ,
abdullah,PER,Abdullah II,عبد الله الثاني,,عبدالله الثاني,
oman,LOC,Oman,عمان,,,homograph of amman
amman,LOC,Amman,عمّان,,,homograph of oman
";

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let g = Glossary::from_csv_str("fuzz.csv", GLOSSARY).unwrap_or_default();
        Matcher::with_options(
            g,
            MatcherOptions {
                threshold: 0.0,
                ..MatcherOptions::default()
            },
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let m = matcher();
    let found = m.lookup(query);
    for x in &found {
        assert!((0.0..=1.0).contains(&x.score), "score {} for {query:?}", x.score);
    }
    assert!(
        found.windows(2).all(|w| w[0].score >= w[1].score),
        "not sorted for {query:?}"
    );
    let _ = m.query_keys(query);
});
