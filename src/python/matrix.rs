//! Matrices to Python: CSR buffers handed to numpy without copies, analyzers that pickle.

use super::error::IntoPyResult;
use crate::error::CoreError;
use crate::matrix::{self, count_corpus, count_fixed, hash_corpus, normalize_rows, CorpusCounts, Csr, SklearnAnalyzer, StripAccents};
use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyList;
use rustc_hash::FxHashMap;

pub type CsrArrays<'py> = (Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyAny>);

/// (data, indices, indptr) as numpy arrays that own the Rust buffers; int32 indices while the
/// matrix is small enough, as scipy and scikit-learn choose.
pub fn csr_to_numpy<'py, T: numpy::Element>(py: Python<'py>, csr: Csr<T>) -> CsrArrays<'py> {
    let data = csr.data.into_pyarray(py).into_any();
    let nnz = csr.indices.len();
    if nnz <= i32::MAX as usize {
        let indptr: Vec<i32> = csr.indptr.iter().map(|&p| p as i32).collect();
        (data, csr.indices.into_pyarray(py).into_any(), indptr.into_pyarray(py).into_any())
    } else {
        let indices: Vec<i64> = csr.indices.iter().map(|&i| i as i64).collect();
        (data, indices.into_pyarray(py).into_any(), csr.indptr.into_pyarray(py).into_any())
    }
}

fn weights(docs: &[PyBackedStr]) -> Vec<usize> {
    docs.iter().map(|d| d.len() + 16).collect()
}

type AnalyzerArgs = (bool, Option<String>, String, (usize, usize), Option<Vec<String>>);

/// scikit-learn's word analyzer in Rust (see `newsfacts.sklearn`).
#[pyclass(module = "newsfacts._core", name = "SklearnAnalyzer", frozen)]
pub struct PySklearnAnalyzer {
    inner: SklearnAnalyzer,
    args: AnalyzerArgs,
}

#[pymethods]
impl PySklearnAnalyzer {
    #[new]
    #[pyo3(signature = (lowercase = true, strip_accents = None, token_pattern = matrix::DEFAULT_TOKEN_PATTERN.to_string(), ngram_range = (1, 1), stop_words = None))]
    fn new(lowercase: bool, strip_accents: Option<String>, token_pattern: String, ngram_range: (usize, usize), stop_words: Option<Vec<String>>) -> PyResult<Self> {
        let accents = match strip_accents.as_deref() {
            None => StripAccents::None,
            Some("ascii") => StripAccents::Ascii,
            Some("unicode") => StripAccents::Unicode,
            Some(other) => {
                return Err(CoreError::Parameter { name: "strip_accents".into(), detail: format!("{other:?}; expected \"ascii\", \"unicode\" or None") })
                    .py_result()
            }
        };
        let inner = SklearnAnalyzer::new(lowercase, accents, &token_pattern, ngram_range, stop_words.clone()).py_result()?;
        Ok(PySklearnAnalyzer { inner, args: (lowercase, strip_accents, token_pattern, ngram_range, stop_words) })
    }

    fn __getnewargs__(&self) -> AnalyzerArgs {
        self.args.clone()
    }

    /// The terms of one document, as `CountVectorizer.build_analyzer()(doc)` gives them.
    fn analyze(&self, doc: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.inner.terms(doc, &mut Default::default(), &mut |t| out.push(t.to_string()));
        out
    }

    /// Count every document's terms, learning the vocabulary.
    #[pyo3(signature = (docs, n_jobs = None))]
    fn count(&self, py: Python<'_>, docs: Vec<PyBackedStr>, n_jobs: Option<usize>) -> PyCounts {
        let analyzer = &self.inner;
        let inner = py.detach(|| {
            let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| {
                analyzer.terms(&docs[doc], &mut Default::default(), emit);
            };
            count_corpus(&weights(&docs), &analyze, n_jobs)
        });
        PyCounts { inner }
    }

    /// Counts of a fixed vocabulary (`vocabulary[i]` is column i).
    #[pyo3(signature = (docs, vocabulary, n_jobs = None))]
    fn transform<'py>(&self, py: Python<'py>, docs: Vec<PyBackedStr>, vocabulary: Vec<String>, n_jobs: Option<usize>) -> CsrArrays<'py> {
        let analyzer = &self.inner;
        let n_cols = vocabulary.len();
        let csr = py.detach(|| {
            let index: FxHashMap<Box<str>, u32> = vocabulary.into_iter().enumerate().map(|(i, t)| (t.into_boxed_str(), i as u32)).collect();
            let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| {
                analyzer.terms(&docs[doc], &mut Default::default(), emit);
            };
            count_fixed(&weights(&docs), &analyze, &index, n_cols, n_jobs)
        });
        csr_to_numpy(py, csr)
    }

    /// The hashing trick as HashingVectorizer does it, then `binary`, then the row norm.
    #[pyo3(signature = (docs, n_features, alternate_sign = true, binary = false, norm = None, n_jobs = None))]
    #[allow(clippy::too_many_arguments)]
    fn hash<'py>(&self, py: Python<'py>, docs: Vec<PyBackedStr>, n_features: usize, alternate_sign: bool, binary: bool, norm: Option<&str>, n_jobs: Option<usize>) -> PyResult<CsrArrays<'py>> {
        let norm: matrix::Norm = norm.unwrap_or("none").parse().py_result()?;
        let analyzer = &self.inner;
        let csr = py.detach(|| {
            let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| {
                analyzer.terms(&docs[doc], &mut Default::default(), emit);
            };
            let mut csr = hash_corpus(&weights(&docs), &analyze, n_features, alternate_sign, n_jobs);
            if binary {
                csr.data.iter_mut().for_each(|x| *x = 1.0);
            }
            normalize_rows(&mut csr, norm);
            csr
        });
        Ok(csr_to_numpy(py, csr))
    }
}

/// Term counts of a corpus and its sorted vocabulary, kept in Rust until the matrix is asked for.
#[pyclass(module = "newsfacts._core", name = "Counts", frozen)]
pub struct PyCounts {
    pub inner: CorpusCounts,
}

#[pymethods]
impl PyCounts {
    #[getter]
    fn n_docs(&self) -> usize {
        self.inner.n_docs
    }

    /// The sorted vocabulary.
    fn terms<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.inner.vocabulary.terms.iter().map(|t| &**t))
    }

    fn document_frequency<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        self.inner.vocabulary.document_frequency.iter().map(|&d| d as i64).collect::<Vec<_>>().into_pyarray(py)
    }

    fn term_frequency<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        let totals = py.detach(|| self.inner.term_frequency());
        totals.into_iter().map(|t| t as i64).collect::<Vec<_>>().into_pyarray(py)
    }

    /// The count matrix; `columns[term]` is each term's column or -1 (None: all terms). Rows
    /// list their terms in order of first appearance in the corpus (scikit-learn's order) with
    /// `first_seen_order`, else by column.
    #[pyo3(signature = (columns = None, binary = false, first_seen_order = false, n_jobs = None))]
    fn to_csr<'py>(&self, py: Python<'py>, columns: Option<PyReadonlyArray1<'py, i64>>, binary: bool, first_seen_order: bool, n_jobs: Option<usize>) -> PyResult<CsrArrays<'py>> {
        let columns: Vec<i64> = match columns {
            Some(array) => array.as_slice()?.to_vec(),
            None => (0..self.inner.vocabulary.len() as i64).collect(),
        };
        if columns.len() != self.inner.vocabulary.len() {
            return Err(CoreError::Parameter { name: "columns".into(), detail: format!("{} entries for {} terms", columns.len(), self.inner.vocabulary.len()) }).py_result();
        }
        let n_cols = columns.iter().filter(|&&c| c >= 0).count();
        let csr = py.detach(|| self.inner.to_csr(&columns, n_cols, binary, first_seen_order, n_jobs));
        Ok(csr_to_numpy(py, csr))
    }
}
