//! Term statistics and weighting for matrices built in parts (newsfacts.dask): statistics that
//! pickle compactly to travel between processes, and weights from corpus-wide totals.

use super::corpus::PyCorpus;
use super::error::IntoPyResult;
use super::matrix::{csr_to_numpy, AnalyzerOptions, CsrArrays};
use crate::error::{guard, CoreError};
use crate::matrix::{count_corpus, weigh_with, CorpusTotals, Csr, TermStats, WeightOptions};
use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};

fn parameter(name: &str, detail: String) -> PyErr {
    Err::<(), _>(CoreError::Parameter { name: name.into(), detail }).py_result().unwrap_err()
}

/// Sorted terms with their document and term frequencies over `n_docs` documents.
#[pyclass(module = "newsfacts._core", name = "TermStats", frozen)]
pub struct PyTermStats {
    pub inner: TermStats,
}

/// Pickled form: n_docs, n_terms, then the frequencies as little-endian u64, then the terms
/// joined by NUL (terms never hold one: the analyzer drops control characters).
fn encode(stats: &TermStats) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(16 + stats.terms.len() * 24);
    bytes.extend((stats.n_docs as u64).to_le_bytes());
    bytes.extend((stats.terms.len() as u64).to_le_bytes());
    for value in stats.document_frequency.iter().chain(&stats.term_frequency) {
        bytes.extend(value.to_le_bytes());
    }
    bytes.extend(stats.terms.join("\0").into_bytes());
    bytes
}

fn decode(bytes: &[u8]) -> Option<TermStats> {
    let word = |i: usize| bytes.get(i * 8..i * 8 + 8).map(|b| u64::from_le_bytes(b.try_into().unwrap()));
    let (n_docs, n_terms) = (word(0)? as usize, word(1)? as usize);
    let numbers: Option<Vec<u64>> = (2..2 + 2 * n_terms).map(word).collect();
    let numbers = numbers?;
    let text = std::str::from_utf8(bytes.get((2 + 2 * n_terms) * 8..)?).ok()?;
    let terms: Vec<String> = if n_terms == 0 { Vec::new() } else { text.split('\0').map(str::to_string).collect() };
    (terms.len() == n_terms).then(|| TermStats { terms, document_frequency: numbers[..n_terms].to_vec(), term_frequency: numbers[n_terms..].to_vec(), n_docs })
}

#[pymethods]
impl PyTermStats {
    #[new]
    fn new(terms: Vec<String>, document_frequency: Vec<u64>, term_frequency: Vec<u64>, n_docs: usize) -> PyResult<Self> {
        if document_frequency.len() != terms.len() || term_frequency.len() != terms.len() {
            return Err(parameter(
                "terms",
                format!("{} terms but {} document and {} term frequencies", terms.len(), document_frequency.len(), term_frequency.len()),
            ));
        }
        if terms.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err(parameter("terms", "terms must be sorted and distinct".into()));
        }
        Ok(PyTermStats { inner: TermStats { terms, document_frequency, term_frequency, n_docs } })
    }

    #[staticmethod]
    fn _from_bytes(bytes: &[u8]) -> PyResult<Self> {
        decode(bytes).map(|inner| PyTermStats { inner }).ok_or_else(|| parameter("state", "not the pickled state of a TermStats".into()))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let bytes = PyBytes::new(py, &encode(&slf.get().inner));
        let rebuild = slf.get_type().getattr("_from_bytes")?;
        PyTuple::new(py, [rebuild.into_any(), PyTuple::new(py, [bytes])?.into_any()])
    }

    /// The statistics of all the parts together (their documents disjoint).
    #[staticmethod]
    fn merge(py: Python<'_>, parts: Vec<PyRef<'_, PyTermStats>>) -> PyTermStats {
        let owned: Vec<TermStats> = parts.iter().map(|p| p.inner.clone()).collect();
        PyTermStats { inner: super::detached(py, None, || TermStats::merge(&owned)) }
    }

    #[getter]
    fn n_docs(&self) -> usize {
        self.inner.n_docs
    }

    fn __len__(&self) -> usize {
        self.inner.terms.len()
    }

    #[getter]
    fn terms<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, &self.inner.terms)
    }

    #[getter]
    fn document_frequency<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        self.inner.document_frequency.iter().map(|&d| d as i64).collect::<Vec<_>>().into_pyarray(py)
    }

    #[getter]
    fn term_frequency<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        self.inner.term_frequency.iter().map(|&d| d as i64).collect::<Vec<_>>().into_pyarray(py)
    }

    /// The kept terms (bounds in documents; `max_features` keeps the most frequent).
    #[pyo3(signature = (min_df, max_df, max_features = None))]
    fn select(&self, py: Python<'_>, min_df: f64, max_df: f64, max_features: Option<usize>) -> PyTermStats {
        PyTermStats { inner: super::detached(py, None, || self.inner.select(min_df, max_df, max_features)) }
    }

    /// Each of these terms' column among `columns`' terms, or -1.
    fn column_map<'py>(&self, py: Python<'py>, columns: Bound<'py, PyTermStats>) -> Bound<'py, PyArray1<i64>> {
        let columns = &columns.get().inner;
        super::detached(py, None, || self.inner.column_map(columns)).into_pyarray(py)
    }

    fn __eq__(&self, other: PyRef<'_, PyTermStats>) -> bool {
        self.inner == other.inner
    }

    fn __repr__(&self) -> String {
        format!("<TermStats: {} terms over {} documents>", self.inner.terms.len(), self.inner.n_docs)
    }
}

/// The term statistics of a corpus under the news analyzer, and its count matrix over those
/// terms (the first pass of a matrix built in parts: the second only remaps columns).
#[pyfunction]
#[pyo3(signature = (corpus, analyzer, n_jobs = None))]
pub fn corpus_term_counts<'py>(
    py: Python<'py>,
    corpus: PyRef<'py, PyCorpus>,
    analyzer: AnalyzerOptions,
    n_jobs: Option<usize>,
) -> PyResult<(PyTermStats, CsrArrays<'py>)> {
    let analyzer = analyzer.build()?;
    let articles = &corpus.inner.articles;
    let counted = super::detached(py, n_jobs, || {
        guard("corpus", "counting terms", || {
            let weights = super::matrix::article_weights(articles);
            let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| analyzer.terms(&articles[doc], emit);
            let counted = count_corpus(&weights, &analyze, n_jobs);
            let stats = TermStats {
                term_frequency: counted.term_frequency(),
                terms: counted.vocabulary.terms.iter().map(|t| t.to_string()).collect(),
                document_frequency: counted.vocabulary.document_frequency.clone(),
                n_docs: articles.len(),
            };
            let all: Vec<i64> = (0..stats.terms.len() as i64).collect();
            let counts = counted.to_csr(&all, all.len(), false, false, n_jobs);
            (stats, counts)
        })
    });
    let (stats, counts) = counted.py_result()?;
    Ok((PyTermStats { inner: stats }, csr_to_numpy(py, counts)))
}

/// Weights for count rows of a larger corpus, from that corpus's document frequencies, size
/// and mean document length.
#[pyfunction]
#[pyo3(signature = (data, indices, indptr, n_cols, document_frequency, n_docs, average_length, weighting, sublinear_tf, smooth_idf, norm))]
#[allow(clippy::too_many_arguments)]
pub fn weigh_counts<'py>(
    py: Python<'py>,
    data: PyReadonlyArray1<'py, i64>,
    indices: PyReadonlyArray1<'py, i64>,
    indptr: PyReadonlyArray1<'py, i64>,
    n_cols: usize,
    document_frequency: PyReadonlyArray1<'py, i64>,
    n_docs: usize,
    average_length: f64,
    weighting: &str,
    sublinear_tf: bool,
    smooth_idf: bool,
    norm: Option<&str>,
) -> PyResult<CsrArrays<'py>> {
    let options = WeightOptions { weighting: weighting.parse().py_result()?, sublinear_tf, smooth_idf, norm: norm.unwrap_or("none").parse().py_result()? };
    let df: Vec<u64> = document_frequency.as_slice()?.iter().map(|&d| d.max(0) as u64).collect();
    if df.len() != n_cols {
        return Err(parameter("document_frequency", format!("{} document frequencies for {} columns", df.len(), n_cols)));
    }
    // Offsets and columns are the caller's: checked before any row or column is indexed by them.
    let counts = Csr::from_parts(indptr.as_slice()?.to_vec(), indices.as_slice()?, data.as_slice()?.to_vec(), n_cols).py_result()?;
    let weighted = super::detached(py, None, || weigh_with(&counts, &df, CorpusTotals { n_docs, average_length }, &options));
    Ok(csr_to_numpy(py, weighted))
}
