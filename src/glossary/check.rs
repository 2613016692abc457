//! `glossary check`: every problem of one or more glossary files, with file, line and column.

use rustc_hash::FxHashMap;
use std::fmt;

use super::parse;
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
    // normalized form → (id, note, file, line)
    let mut forms: FxHashMap<String, (String, String, usize, u64)> = FxHashMap::default();
    let mut ids: FxHashMap<String, (usize, u64)> = FxHashMap::default();
    for (file_index, (name, bytes)) in files.iter().enumerate() {
        let parsed = parse::parse(name, bytes);
        problems.extend(parsed.problems);
        for e in &parsed.entries {
            let here = |column: Option<u64>| Location {
                path: Some(name.into()),
                line: Some(e.origin.line),
                column,
                byte: None,
            };
            let file_name = |i: usize| files.get(i).map_or("?", |(n, _)| n.as_str());
            if let Some(&(other_file, other_line)) = ids.get(&e.id) {
                problems.push(Problem {
                    severity: Severity::Warning,
                    kind: ErrorKind::Glossary,
                    location: here(None),
                    message: format!(
                        "id {:?} is also defined at {}:{other_line} (the later file wins)",
                        e.id,
                        file_name(other_file)
                    ),
                });
            } else {
                ids.insert(e.id.clone(), (file_index, e.origin.line));
            }
            let mut own: Vec<String> = Vec::new();
            for form in e.forms() {
                let key = normalize::search(form).into_owned();
                if key.is_empty() || own.contains(&key) {
                    continue;
                }
                own.push(key.clone());
                match forms.get(&key) {
                    Some((other_id, other_note, other_file, other_line))
                        if *other_id != e.id
                            && !acknowledged(&e.id, &e.note, other_id, other_note) =>
                    {
                        problems.push(Problem {
                            severity: Severity::Warning,
                            kind: ErrorKind::Glossary,
                            location: here(None),
                            message: format!(
                                "conflict: form {form:?} of {:?} is also a form of {other_id:?} at {}:{other_line}",
                                e.id,
                                file_name(*other_file)
                            ),
                        });
                    }
                    Some(_) => {}
                    None => {
                        forms.insert(
                            key,
                            (e.id.clone(), e.note.clone(), file_index, e.origin.line),
                        );
                    }
                }
            }
        }
    }
    problems
}
