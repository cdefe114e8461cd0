//! The binding room: converts types, errors and arrays between the core and Python.

mod columns;
mod corpus;
mod entities;
mod error;
mod fact_lines;
mod facts;
mod matrix;
mod term_stats;
mod tokens;

use pyo3::prelude::*;

/// Rust work for Python: the GIL released, on the library's per-process pool of `n_jobs`
/// threads. Never on rayon's global pool: a child forked after the parent used it has no
/// workers there and would wait forever (Python's `multiprocessing` forks on Linux).
pub(crate) fn detached<T: Send>(py: Python<'_>, n_jobs: Option<usize>, work: impl FnOnce() -> T + Send) -> T {
    py.detach(|| crate::parallel::install(n_jobs, work))
}

#[pyfunction]
fn detect_language(text: &str) -> &'static str {
    crate::article::detect_language(text).code()
}

#[pyfunction]
fn normalize_date(text: &str) -> Option<String> {
    crate::article::normalize_date(text)
}

#[pyfunction]
fn default_threads() -> usize {
    crate::parallel::default_threads()
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<corpus::PyCorpus>()?;
    m.add_class::<corpus::PyArticleStream>()?;
    m.add_class::<corpus::PyProgress>()?;
    m.add_class::<matrix::PySklearnAnalyzer>()?;
    m.add_class::<matrix::PyCounts>()?;
    m.add_function(wrap_pyfunction!(matrix::corpus_term_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(matrix::corpus_hash_matrix, m)?)?;
    m.add_class::<term_stats::PyTermStats>()?;
    m.add_function(wrap_pyfunction!(term_stats::corpus_term_counts, m)?)?;
    m.add_function(wrap_pyfunction!(term_stats::weigh_counts, m)?)?;
    m.add_function(wrap_pyfunction!(facts::corpus_facts, m)?)?;
    m.add_function(wrap_pyfunction!(entities::resolve_entities, m)?)?;
    m.add_function(wrap_pyfunction!(facts::extract_text, m)?)?;
    m.add_function(wrap_pyfunction!(fact_lines::corpus_fact_lines, m)?)?;
    m.add_function(wrap_pyfunction!(matrix::corpus_cooccurrence, m)?)?;
    m.add_function(wrap_pyfunction!(tokens::tokenize_text, m)?)?;
    m.add_function(wrap_pyfunction!(tokens::token_kind_names, m)?)?;
    m.add_function(wrap_pyfunction!(tokens::normalize_texts, m)?)?;
    m.add_function(wrap_pyfunction!(tokens::stop_words, m)?)?;
    m.add_function(wrap_pyfunction!(detect_language, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_date, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    Ok(())
}
