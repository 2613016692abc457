//! What the data-driven tests of people's names share: the shipped glossary's people and their forms.

use qamus::glossary::{EntityType, Glossary};

/// Every form of every person of `glossary`, with the person's id, in glossary order; only the Arabic forms when
/// `arabic_only`.
pub fn people_forms(glossary: &Glossary, arabic_only: bool) -> Vec<(String, String)> {
    let arabic =
        |f: &&str| !arabic_only || f.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    glossary
        .entries()
        .iter()
        .filter(|e| e.kind == EntityType::Per)
        .flat_map(|e| {
            e.forms()
                .filter(arabic)
                .map(|f| (e.id.clone(), f.to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}
