//! newsfacts: facts and term matrices from English and French news. The core knows nothing of
//! Python; `python/` (behind the `python` feature) is the one room that does.
//!
//! text → `article` (header, language, segments) → `tokenize` (tokens, sentences, forms)
//! → `matrix` (vocabularies, counts, weights, CSR)
//!   └→ `facts` (a pipeline of stages over an article's tokens: dates, acronyms, entities,
//!      roles, quantities, sources, quotes; each stage declares the kinds it needs)
//!      └→ `resolve` (the entities of a corpus: names joined across articles)
//!   └→ `tagger` (a trained named-entity tagger over those tokens: people, organisations,
//!      places; the `entities` stage joins its names with the rules')
//!
//! Beside them: `corpus` (articles read in parallel), `lexicons` (word lists as data files
//! naming their sources), `code_points` (byte offsets to the code point offsets bindings
//! use), `parallel` (thread pools), `progress`, `lang`, `error`.

pub mod article;
pub mod code_points;
pub mod corpus;
pub mod error;
pub mod facts;
pub mod lang;
pub mod lexicons;
pub mod matrix;
pub mod parallel;
pub mod progress;
pub mod resolve;
pub mod tagger;
pub mod tokenize;

#[cfg(feature = "python")]
mod python;
