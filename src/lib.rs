//! qamus (قاموس): an Arabic–English name glossary, normalizer and transliterator.
//!
//! # Overview
//! Arabic text spells one name many ways (ناغورنو كراباخ / ناغورني قره باغ / قرة باغ; الكرملين / الكريملِن / للكرملين).
//! qamus maps every such spelling onto one canonical entry of a CSV glossary. The pipeline, one module per stage,
//! data flowing one way:
//!
//! | stage | module | main items |
//! |---|---|---|
//! | clean and fold text | [`normalize`] | [`normalize::normalize`], [`normalize::Level`] |
//! | the Arabic rules the stages below read: skeletons, clitics, frequent words, romanizations read back | [`rules`] | [`rules::keys::arabic_skeleton`], [`rules::keys::latin_skeleton`], [`rules::clitics::candidates`], [`rules::romanized::arabic_letters`] |
//! | write Arabic in Latin script | [`translit`] | [`translit::transliterate`], [`translit::Scheme`]; with a glossary's names, [`translit::transliterate_known`], [`translit::KnownNames`] |
//! | hold the entries | [`glossary`] | [`glossary::Glossary`], [`glossary::Entry`], [`glossary::check_files`] |
//! | find the entry of a name | [`matcher`] | [`matcher::Matcher`], [`matcher::Match`] |
//! | compile a glossary into an index file, open it by memory-mapping | [`index`] | [`index::build`], [`index::open`] |
//! | find every mention in running text | [`scan`] | [`scan::Scanner`], [`scan::Mention`], [`scan::Documents`] |
//! | cross-reference documents | [`xref`] | [`xref::Xref`], [`xref::render`] |
//! | propose glossary rows from documents | [`discover`] | [`discover::discover`], [`discover::to_csv`] |
//! | read dates as ISO 8601 | [`dates`] | [`dates::find_dates`], [`dates::PartialDate`] |
//! | append reviewed rows to a glossary file | [`glossary::edit`] | [`glossary::edit::add_to_file`] |
//! | write files safely | [`fsio`] | [`fsio::write_atomic`], [`fsio::lock`] |
//! | measure accuracy | [`eval`] | [`eval::translit`], [`eval::matching`] |
//! | make test glossaries | [`synth`] | [`synth::Generator`] |
//!
//! Errors are one [`Error`] type with a [`kind`](Error::kind) and a [`Location`] (file, line, column, byte).
//!
//! # Example: look names up
//! ```
//! use qamus::glossary::Glossary;
//! use qamus::matcher::{Matcher, Method};
//!
//! let matcher = Matcher::new(Glossary::builtin());
//! let m = &matcher.lookup("للكرملين")[0];
//! assert_eq!((m.entry.en.as_str(), m.method), ("Kremlin", Method::Normalized));
//! assert_eq!(matcher.lookup("ناغورني قرة باغ")[0].entry.id, "nagorno-karabakh");
//! assert_eq!(matcher.lookup("بوتين")[0].entry.en, "Vladimir Putin");
//! ```
//!
//! # Example: normalize and transliterate
//! ```
//! use qamus::normalize::{normalize, Level};
//! use qamus::translit::{transliterate, Scheme};
//!
//! assert_eq!(normalize("إنترفاكس", Level::Search), "انترفاكس");
//! assert_eq!(transliterate("القاهرة", Scheme::Buckwalter), "AlqAhrp");
//! assert_eq!(transliterate("القَاهِرَة", Scheme::AlaLc), "al-qāhirah");
//! ```
//!
//! # Example: find mentions in running text and cross-reference documents
//! ```
//! use qamus::glossary::Glossary;
//! use qamus::matcher::Matcher;
//! use qamus::scan::Scanner;
//! use qamus::xref::Xref;
//!
//! let matcher = Matcher::new(Glossary::builtin());
//! let scanner = Scanner::new(&matcher);
//! let text = "استقبل بوتين نيكول باشينيان في الكرملين، وبحثا الوضع في ناغورني قره باغ.";
//! let ids: Vec<&str> = scanner.scan(text).iter().map(|m| m.entry.id.as_str()).collect();
//! assert_eq!(ids, ["vladimir-putin", "nikol-pashinyan", "kremlin", "nagorno-karabakh"]);
//!
//! let mut x = Xref::new();
//! x.add("a.txt", &scanner.scan(text));
//! x.add("b.txt", &scanner.scan("قال المتحدث باسم الكرملين دميتري بيسكوف إن بوتين..."));
//! assert_eq!(x.related()[0].shared, ["vladimir-putin", "kremlin"]);
//! ```
//!
//! # Example: your own glossary on top of the shipped one
//! ```
//! use qamus::glossary::Glossary;
//! use qamus::matcher::Matcher;
//!
//! let mine = Glossary::from_csv_str("mine.csv", "id,type,en,ar\nmy-firm,ORG,Acme Trading,أكمي للتجارة\n")?;
//! let mut g = Glossary::builtin();
//! g.merge(mine);
//! assert_eq!(Matcher::new(g).lookup("أكمي للتجارة")[0].entry.id, "my-firm");
//! # Ok::<(), qamus::Error>(())
//! ```
#![warn(missing_docs)]

pub mod dates;
pub mod discover;
pub mod error;
pub mod eval;
pub mod fsio;
pub mod glossary;
pub mod index;
pub mod matcher;
pub mod normalize;
pub mod rules;
pub mod scan;
pub mod synth;
pub mod translit;
pub mod xref;

pub use error::{Error, ErrorKind, Location, Result};
