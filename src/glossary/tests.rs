use super::*;

const HEADER: &str = "id,type,en,ar,en_variants,ar_variants,note\n";

fn load(text: &str) -> Result<Glossary> {
    Glossary::from_csv_str("t.csv", text)
}

fn problems(text: &str) -> Vec<String> {
    check_files(&[("t.csv".into(), text.as_bytes().to_vec())])
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn reads_columns_by_name_in_any_order_and_keeps_extra_columns() {
    let g = load("note,ar,en,type,source\nx,بوتين,Vladimir Putin,per,wiki\n").unwrap_or_default();
    let e = g.entries().first().cloned().unwrap_or_default();
    assert_eq!(
        (e.id.as_str(), e.kind, e.ar.as_str()),
        ("vladimir-putin", EntityType::Per, "بوتين")
    );
    assert_eq!(e.extra, vec![("source".to_string(), "wiki".to_string())]);
    assert_eq!(e.origin.line, 2);
}

#[test]
fn a_column_that_looks_like_a_standard_one_is_a_warning() {
    // en_alt is kept, unread: its forms would be silently left out, so `glossary check` says so.
    let p = problems("id,tpye,en,ar,en_alt\nx,PER,Vladimir Putin,بوتين,Putin\n");
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(
        p[0].contains("t.csv:1:2: warning: column \"tpye\""),
        "{p:?}"
    );
    assert!(p[0].contains("did you mean \"type\""), "{p:?}");
    assert!(
        p[1].contains("t.csv:1:5: warning: column \"en_alt\""),
        "{p:?}"
    );
    assert!(p[1].contains("did you mean \"en_variants\""), "{p:?}");
    // A column of the user's own, or one whose standard column is there, is not.
    assert!(problems("id,en,ar,source,wikidata\nx,A,ا,s,Q1\n").is_empty());
    assert!(problems("id,en,ar,en_variants,en_alt\nx,A,ا,B,C\n").is_empty());
    // It still loads.
    let g = load("id,type,en,ar,en_alt\nx,PER,Vladimir Putin,بوتين,Putin\n").unwrap_or_default();
    assert_eq!(g.len(), 1);
}

#[test]
fn comments_bom_crlf_and_variants() {
    let text = "\u{FEFF}# a comment\r\n".to_string()
        + HEADER.trim_end()
        + "\r\n# another\r\npeskov,PER,Dmitry Peskov,دميتري بيسكوف,Dmitri Peskov|Dmitriy Peskov,ديمتري بيسكوف,\r\n";
    let g = load(&text).map_err(|e| e.to_string());
    let g = g.as_ref().map(|g| g.get("peskov").cloned());
    let e = g.ok().flatten().unwrap_or_default();
    assert_eq!(e.en_variants, vec!["Dmitri Peskov", "Dmitriy Peskov"]);
    assert_eq!(e.ar_variants, vec!["ديمتري بيسكوف"]);
    assert_eq!(e.origin.line, 4);
    assert_eq!(e.forms().count(), 5);
}

#[test]
fn utf16_with_bom_is_decoded() {
    let text = format!("{HEADER}k,ORG,Kremlin,الكرملين,,,\n");
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let g = Glossary::from_csv_bytes("t.csv", &bytes).map(|g| g.len());
    assert_eq!(g.ok(), Some(1));
}

#[test]
fn every_error_is_reported_with_its_line() {
    let text = format!(
        "{HEADER}a,PER,,بوتين,,,\nb,XYZ,Bee,,,,\nc,LOC,Sea,,,\nd,LOC,Dee,,,,\nd,LOC,Dee again,,,,\n"
    );
    let err = load(&text)
        .err()
        .map(|e| (e.count(), e.to_string()))
        .unwrap_or_default();
    assert_eq!(err.0, 4, "{}", err.1);
    assert!(err.1.contains("t.csv:2:3: missing `en`"), "{}", err.1);
    assert!(
        err.1.contains("t.csv:3:2: unknown type \"XYZ\""),
        "{}",
        err.1
    );
    assert!(
        err.1
            .contains("t.csv:4: ragged row: 6 fields, the header has 7"),
        "{}",
        err.1
    );
    assert!(
        err.1
            .contains("t.csv:6:1: duplicate id \"d\" (first at line 5)"),
        "{}",
        err.1
    );
}

#[test]
fn the_family_column_is_yes_no_or_empty() {
    let text = "id,type,en,ar,family\na,PER,Jafar Hassan,جعفر حسان,No\nb,PER,Vladimir Putin,,yes\nc,PER,Tim Cook,,\n";
    let g = load(text).unwrap_or_else(|e| panic!("{e}"));
    let alone: Vec<bool> = g.entries().iter().map(Entry::family_name_alone).collect();
    assert_eq!(alone, [false, true, true]);
    // Kept as a column beyond the standard ones: `glossary add` and the index carry it as they carry any.
    assert_eq!(
        g.entries()[0].extra,
        [("family".to_string(), "No".to_string())]
    );
    let err = load("id,type,en,ar,family\na,PER,Jafar Hassan,جعفر حسان,false\n")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("t.csv:2:5: `family` is \"false\": `yes`, `no` or empty"),
        "{err}"
    );
}

#[test]
fn no_header_and_empty_files_are_errors() {
    assert!(load("").is_err());
    let e = load("1,2,3\n")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(e.contains("no header row with an `en` column"), "{e}");
}

#[test]
fn invalid_utf8_names_line_column_and_byte() {
    let mut bytes = format!("{HEADER}k,ORG,Kre").into_bytes();
    bytes.extend([0xFF, b'\n']);
    let e = Glossary::from_csv_bytes("t.csv", &bytes)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        e.starts_with("t.csv:2:10 (byte 52): invalid UTF-8 (byte 0xFF)"),
        "{e}"
    );
}

#[test]
fn unbalanced_quote_is_reported() {
    let e = load(&format!(
        "{HEADER}k,ORG,\"Kremlin,الكرملين,,,\nx,LOC,X,,,,\n"
    ))
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    assert!(e.contains("t.csv:2"), "{e}");
}

#[test]
fn empty_variant_pieces_warn_but_load() {
    let text = format!("{HEADER}k,ORG,Kremlin,الكرملين,,الكريملن||,\n");
    assert_eq!(load(&text).map(|g| g.len()).ok(), Some(1));
    let p = problems(&text);
    assert_eq!(p.len(), 1);
    assert!(p[0].contains("warning: empty piece"), "{p:?}");
}

#[test]
fn conflicts_name_both_lines_after_normalization() {
    // إنترفاكس and انترفاكس are one form once alef forms fold.
    let text = format!("{HEADER}a,ORG,Interfax,إنترفاكس,,,\nb,ORG,Interfax Agency,انترفاكس,,,\n");
    let p = problems(&text);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("t.csv:3: warning: conflict"), "{p:?}");
    assert!(p[0].contains("t.csv:2"), "{p:?}");
}

#[test]
fn a_declared_homograph_is_no_conflict() {
    let text = format!(
        "{HEADER}oman,LOC,Oman,عُمان,,,\namman,LOC,Amman,عمّان,,,homograph of oman (both عمان)\n"
    );
    assert!(problems(&text).is_empty(), "{:?}", problems(&text));
    let text =
        format!("{HEADER}oman,LOC,Oman,عُمان,,,\namman,LOC,Amman,عمّان,,,homograph of omani\n");
    assert_eq!(problems(&text).len(), 1);
}

#[test]
fn later_layers_win_on_the_same_id() {
    let mut g = load(&format!("{HEADER}k,ORG,Kremlin,الكرملين,,,\n")).unwrap_or_default();
    let over = load(&format!(
        "{HEADER}k,ORG,The Kremlin,الكرملين,,,\nz,LOC,Zed,,,,\n"
    ))
    .unwrap_or_default();
    g.merge(over);
    assert_eq!(g.len(), 2);
    assert_eq!(
        g.get("k").map(|e| (e.en.as_str(), e.origin.layer)),
        Some(("The Kremlin", 1))
    );
    assert_eq!(g.layers().len(), 2);
}

#[test]
fn ids_are_derived_stably() {
    assert_eq!(derive_id("Nagorno-Karabakh"), "nagorno-karabakh");
    assert_eq!(derive_id("  Dmitry  Peskov "), "dmitry-peskov");
    assert_eq!(derive_id("قره باغ"), derive_id("قره باغ"));
    assert!(derive_id("قره باغ").starts_with('x'));
}

#[test]
fn the_shipped_glossary_is_clean() {
    let files: Vec<(String, Vec<u8>)> = builtin::FILES
        .iter()
        .map(|(n, t)| (format!("glossary/{n}"), t.as_bytes().to_vec()))
        .collect();
    let p: Vec<String> = check_files(&files)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(p.is_empty(), "{}", p.join("\n"));
}
