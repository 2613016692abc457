//! `glossary check`: every problem of one or more glossary files, with file, line and column.

use rustc_hash::FxHashMap;
use std::fmt;

use super::{parse, Entry};
use crate::error::{Error, ErrorKind, Location};
use crate::normalize;

/// How bad a [`Problem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The row (or file) cannot be used: loading the glossary fails.
    Error,
    /// The glossary loads, but something is likely wrong (a form claimed by two entries, an empty `|` piece).
    Warning,
}

/// One problem found in a glossary file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Whether it stops the glossary from loading.
    pub severity: Severity,
    /// The kind of error it becomes when it does.
    pub kind: ErrorKind,
    /// File, line and column.
    pub location: Location,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// The problem as an [`Error`].
    pub fn to_error(&self) -> Error {
        Error::new(self.kind, Some(self.location.clone()), self.message.clone())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {sev}: {}", self.location, self.message)
    }
}

/// Whether one of two entries declares the shared form a known homograph: its `note` says `homograph of ID`
/// naming the other entry (عمان is both Oman and Amman).
fn acknowledged(id: &str, note: &str, other_id: &str, other_note: &str) -> bool {
    let names = |note: &str, id: &str| {
        note.split("homograph of ").skip(1).any(|rest| {
            rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .next()
                == Some(id)
        })
    };
    names(note, other_id) || names(other_note, id)
}

/// Checks glossary files given as (name, bytes), together: each file's problems, then the conflicts between all
/// of them — one normalized form claimed by two entries (both lines are named), unless one of them declares it
/// with `homograph of ID` in its note, and one id defined in two files.
///
/// ```
/// use qamus::glossary::{check_files, Severity};
///
/// let a = ("a.csv".to_string(), "id,en,ar\nk,Kremlin,الكرملين\nk2,Kremlin Palace,الكرملين\n".as_bytes().to_vec());
/// let problems = check_files(&[a]);
/// assert_eq!(problems.len(), 1);
/// assert_eq!(problems[0].severity, Severity::Warning);
/// assert!(problems[0].message.contains("a.csv:2"));
/// ```
pub fn check_files(files: &[(String, Vec<u8>)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Every file's entries stay while the later ones are checked: the maps point into them by (file, entry)
    // rather than holding copies of ids and notes (a glossary of a million rows has four million forms).
    let mut parsed: Vec<Vec<Entry>> = Vec::with_capacity(files.len());
    let mut forms: FxHashMap<Box<str>, (u32, u32)> = FxHashMap::default();
    let mut ids: FxHashMap<Box<str>, (u32, u32)> = FxHashMap::default();
    let file_name = |i: u32| files.get(i as usize).map_or("?", |(n, _)| n.as_str());
    for (file_index, (name, bytes)) in files.iter().enumerate() {
        let file_index = u32::try_from(file_index).unwrap_or(u32::MAX);
        let p = parse::parse(name, bytes);
        problems.extend(p.problems);
        let entries = p.entries;
        forms.reserve(entries.len() * 3);
        ids.reserve(entries.len());
        // The entry a map points to: in an earlier file, or in this one.
        fn entry_of<'a>(
            parsed: &'a [Vec<Entry>],
            current: &'a [Entry],
            (f, i): (u32, u32),
        ) -> Option<&'a Entry> {
            parsed
                .get(f as usize)
                .map_or(current, Vec::as_slice)
                .get(i as usize)
        }
        let mut own: Vec<String> = Vec::new();
        for (entry_index, e) in entries.iter().enumerate() {
            let entry_index = u32::try_from(entry_index).unwrap_or(u32::MAX);
            let here = || Location {
                path: Some(name.into()),
                line: Some(e.origin.line),
                column: None,
                byte: None,
            };
            match ids.get(e.id.as_str()) {
                Some(&other) => {
                    let line = entry_of(&parsed, &entries, other).map_or(0, |o| o.origin.line);
                    problems.push(Problem {
                        severity: Severity::Warning,
                        kind: ErrorKind::Glossary,
                        location: here(),
                        message: format!(
                            "id {:?} is also defined at {}:{line} (the later file wins)",
                            e.id,
                            file_name(other.0)
                        ),
                    });
                }
                None => {
                    ids.insert(e.id.as_str().into(), (file_index, entry_index));
                }
            }
            own.clear();
            for form in e.forms() {
                let key = normalize::search(form);
                if key.is_empty() || own.iter().any(|k| k == key.as_ref()) {
                    continue;
                }
                own.push(key.to_string());
                match forms
                    .get(key.as_ref())
                    .map(|&at| (at, entry_of(&parsed, &entries, at)))
                {
                    Some((at, Some(other)))
                        if other.id != e.id
                            && !acknowledged(&e.id, &e.note, &other.id, &other.note) =>
                    {
                        problems.push(Problem {
                            severity: Severity::Warning,
                            kind: ErrorKind::Glossary,
                            location: here(),
                            message: format!(
                                "conflict: form {form:?} of {:?} is also a form of {:?} at {}:{}",
                                e.id,
                                other.id,
                                file_name(at.0),
                                other.origin.line
                            ),
                        });
                    }
                    Some(_) => {}
                    None => {
                        forms.insert(key.into_owned().into_boxed_str(), (file_index, entry_index));
                    }
                }
            }
        }
        parsed.push(entries);
    }
    problems
}
