//! newsfacts: facts and term matrices from English and French news. The core knows nothing of
//! Python; `python/` (behind the `python` feature) is the one room that does.
//!
//! text → `article` (header, language, segments) → `tokenize` (tokens, sentences, forms)
//! → `matrix` (vocabularies, counts, weights, CSR).

pub mod article;
pub mod corpus;
pub mod error;
pub mod facts;
pub mod lang;
pub mod lexicons;
pub mod matrix;
pub mod parallel;
pub mod progress;
pub mod tokenize;

#[cfg(feature = "python")]
mod python;
