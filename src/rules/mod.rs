//! The Arabic rules that the transliteration and the matcher both read, below them both: the consonant
//! [skeletons](keys) of names in either script, the [`clitics`] glued to a word, the Arabic letters of a
//! [`romanized`] name (Al Qāhirah: القاهرة), the frequent words of the language with the names among them
//! (`frequent`, crate-internal), common English given names (`given`, crate-internal), and the [`persian`]
//! spellings Arabic writes otherwise (خامنه‌ای: خامنئي).
//!
//! They depend on [`normalize`](crate::normalize) only. The matcher re-exports `keys` and `clitics` as
//! `qamus::matcher::keys` and `qamus::matcher::clitics`, where they were first.

pub mod clitics;
pub(crate) mod frequent;
pub(crate) mod given;
pub mod keys;
pub mod persian;
pub mod romanized;
pub(crate) mod table;
