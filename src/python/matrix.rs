//! Matrices to Python: CSR buffers handed to numpy without copies, analyzers that pickle.

use super::corpus::PyCorpus;
use super::error::IntoPyResult;
use crate::error::{guard, CoreError};
use crate::matrix::{
    self, cooccurrence, count_corpus, count_fixed, count_word_ngrams, hash_corpus, normalize_rows, select_columns, weigh, CorpusCounts, Csr, NewsAnalyzer,
    Norm, SklearnAnalyzer, StopWords, StripAccents, TokenPattern, WeightOptions, Weighting,
};
use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList};
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

/// Work per article for balancing chunks: its length, plus a little for the fixed cost.
pub fn article_weights(articles: &[crate::article::Article]) -> Vec<usize> {
    articles.iter().map(|a| a.text.len() + 16).collect()
}

type AnalyzerArgs = (bool, Option<String>, String, (usize, usize), Option<Vec<String>>, Option<String>);

/// scikit-learn's word analyzer in Rust (see `newsfacts.sklearn`). `token_pattern` is in the
/// regex crate's syntax (`newsfacts.sklearn` translates Python's), except scikit-learn's default
/// pattern, which selects the hand scanner of Python's `\w`. With `within_runs`, tokens are the
/// first match of `token_pattern` within each match of `within_runs`.
#[pyclass(module = "newsfacts._core", name = "SklearnAnalyzer", frozen)]
pub struct PySklearnAnalyzer {
    inner: SklearnAnalyzer,
    args: AnalyzerArgs,
}

fn token_pattern(pattern: &str, within_runs: Option<&str>) -> Result<TokenPattern, CoreError> {
    match within_runs {
        Some(runs) => TokenPattern::within_runs(runs, pattern),
        None if pattern == matrix::DEFAULT_TOKEN_PATTERN => Ok(TokenPattern::Default),
        None => TokenPattern::regex(pattern),
    }
}

#[pymethods]
impl PySklearnAnalyzer {
    #[new]
    #[pyo3(signature = (lowercase = true, strip_accents = None, token_pattern = matrix::DEFAULT_TOKEN_PATTERN.to_string(), ngram_range = (1, 1), stop_words = None, within_runs = None))]
    fn new(
        lowercase: bool,
        strip_accents: Option<String>,
        token_pattern: String,
        ngram_range: (usize, usize),
        stop_words: Option<Vec<String>>,
        within_runs: Option<String>,
    ) -> PyResult<Self> {
        let accents = match strip_accents.as_deref() {
            None => StripAccents::None,
            Some("ascii") => StripAccents::Ascii,
            Some("unicode") => StripAccents::Unicode,
            Some(other) => {
                return Err(CoreError::Parameter { name: "strip_accents".into(), detail: format!("{other:?}; expected \"ascii\", \"unicode\" or None") })
                    .py_result()
            }
        };
        let pattern = self::token_pattern(&token_pattern, within_runs.as_deref()).py_result()?;
        let inner = SklearnAnalyzer::new(lowercase, accents, pattern, ngram_range, stop_words.clone()).py_result()?;
        Ok(PySklearnAnalyzer { inner, args: (lowercase, strip_accents, token_pattern, ngram_range, stop_words, within_runs) })
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
    fn count(&self, py: Python<'_>, docs: Vec<PyBackedStr>, n_jobs: Option<usize>) -> PyResult<PyCounts> {
        let analyzer = &self.inner;
        let inner = super::detached(py, n_jobs, || {
            let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| {
                analyzer.terms(&docs[doc], &mut Default::default(), emit);
            };
            let words = |doc: usize, emit: &mut dyn FnMut(&str)| analyzer.words(&docs[doc], emit);
            guard("documents", "counting terms", || {
                if analyzer.ngrams_from_words() {
                    count_word_ngrams(&weights(&docs), &words, analyzer.ngram_range, n_jobs)
                } else {
                    count_corpus(&weights(&docs), &analyze, n_jobs)
                }
            })
        });
        Ok(PyCounts { inner: inner.py_result()? })
    }

    /// Counts of a fixed vocabulary (`vocabulary[i]` is column i).
    #[pyo3(signature = (docs, vocabulary, n_jobs = None))]
    fn transform<'py>(&self, py: Python<'py>, docs: Vec<PyBackedStr>, vocabulary: Vec<String>, n_jobs: Option<usize>) -> PyResult<CsrArrays<'py>> {
        let analyzer = &self.inner;
        let n_cols = vocabulary.len();
        let csr = super::detached(py, n_jobs, || {
            let index: FxHashMap<Box<str>, u32> = vocabulary.into_iter().enumerate().map(|(i, t)| (t.into_boxed_str(), i as u32)).collect();
            let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| {
                analyzer.terms(&docs[doc], &mut Default::default(), emit);
            };
            guard("documents", "counting terms", || count_fixed(&weights(&docs), &analyze, &index, n_cols, n_jobs))
        });
        Ok(csr_to_numpy(py, csr.py_result()?))
    }

    /// The hashing trick as HashingVectorizer does it, then `binary`, then the row norm.
    #[pyo3(signature = (docs, n_features, alternate_sign = true, binary = false, norm = None, n_jobs = None))]
    #[allow(clippy::too_many_arguments)]
    fn hash<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<PyBackedStr>,
        n_features: usize,
        alternate_sign: bool,
        binary: bool,
        norm: Option<&str>,
        n_jobs: Option<usize>,
    ) -> PyResult<CsrArrays<'py>> {
        let norm: matrix::Norm = norm.unwrap_or("none").parse().py_result()?;
        let analyzer = &self.inner;
        let csr = super::detached(py, n_jobs, || {
            let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| {
                analyzer.terms(&docs[doc], &mut Default::default(), emit);
            };
            let mut csr = guard("documents", "hashing terms", || hash_corpus(&weights(&docs), &analyze, n_features, alternate_sign, n_jobs))??;
            if binary {
                csr.data.iter_mut().for_each(|x| *x = 1.0);
            }
            normalize_rows(&mut csr, norm);
            Ok::<_, CoreError>(csr)
        });
        Ok(csr_to_numpy(py, csr.py_result()?))
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
        let totals = super::detached(py, None, || self.inner.term_frequency());
        totals.into_iter().map(|t| t as i64).collect::<Vec<_>>().into_pyarray(py)
    }

    /// The count matrix; `columns[term]` is each term's column or -1 (None: all terms). Rows
    /// list their terms in order of first appearance in the corpus (scikit-learn's order) with
    /// `first_seen_order`, else by column.
    /// With `as_float`, the counts come as float64, converted in place (no second buffer).
    #[pyo3(signature = (columns = None, binary = false, first_seen_order = false, as_float = false, n_jobs = None))]
    #[allow(clippy::too_many_arguments)]
    fn to_csr<'py>(
        &self,
        py: Python<'py>,
        columns: Option<PyReadonlyArray1<'py, i64>>,
        binary: bool,
        first_seen_order: bool,
        as_float: bool,
        n_jobs: Option<usize>,
    ) -> PyResult<CsrArrays<'py>> {
        let columns: Vec<i64> = match columns {
            Some(array) => array.as_slice()?.to_vec(),
            None => (0..self.inner.vocabulary.len() as i64).collect(),
        };
        if columns.len() != self.inner.vocabulary.len() {
            return Err(CoreError::Parameter {
                name: "columns".into(),
                detail: format!("{} entries for {} terms", columns.len(), self.inner.vocabulary.len()),
            })
            .py_result();
        }
        let n_cols = columns.iter().filter(|&&c| c >= 0).count();
        let csr = super::detached(py, n_jobs, || self.inner.to_csr(&columns, n_cols, binary, first_seen_order, n_jobs));
        if as_float {
            // Same size, same allocation: the collect reuses the i64 buffer for the f64s.
            let data: Vec<f64> = csr.data.into_iter().map(|x| x as f64).collect();
            return Ok(csr_to_numpy(py, Csr { indptr: csr.indptr, indices: csr.indices, data, n_cols: csr.n_cols }));
        }
        Ok(csr_to_numpy(py, csr))
    }
}

/// The news analyzer's options, as a Python dict (the same dict `TermMatrix` keeps).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct AnalyzerOptions {
    pub ngram_range: (usize, usize),
    stop_list: Option<Vec<String>>,
    auto_stop: bool,
    fold_accents: bool,
    stem: bool,
    numbers: String,
    include_boilerplate: bool,
}

impl AnalyzerOptions {
    pub fn build(self) -> PyResult<NewsAnalyzer> {
        let (min_n, max_n) = self.ngram_range;
        if min_n == 0 || min_n > max_n {
            return Err(CoreError::Parameter {
                name: "ngram_range".into(),
                detail: format!("({min_n}, {max_n}): lower boundary larger than the upper boundary, or zero"),
            })
            .py_result();
        }
        let stop_words = match (self.auto_stop, self.stop_list) {
            (true, _) => StopWords::Auto,
            (false, Some(words)) => StopWords::List(words.into_iter().map(|w| w.to_lowercase().replace('\u{2019}', "'")).collect()),
            (false, None) => StopWords::None,
        };
        Ok(NewsAnalyzer {
            ngram_range: self.ngram_range,
            stop_words,
            fold_accents: self.fold_accents,
            stem: self.stem,
            numbers: self.numbers.parse().py_result()?,
            include_boilerplate: self.include_boilerplate,
        })
    }
}

/// A corpus's document-term matrix with the news analyzer: a dict of terms, document
/// frequencies and CSR arrays (counts, or float weights).
#[pyfunction]
#[pyo3(signature = (corpus, analyzer, min_df, max_df, max_features, vocabulary, binary, weighting, sublinear_tf, smooth_idf, norm, n_jobs))]
#[allow(clippy::too_many_arguments)]
pub fn corpus_term_matrix<'py>(
    py: Python<'py>,
    corpus: PyRef<'py, PyCorpus>,
    analyzer: AnalyzerOptions,
    min_df: f64,
    max_df: f64,
    max_features: Option<usize>,
    vocabulary: Option<Vec<String>>,
    binary: bool,
    weighting: &str,
    sublinear_tf: bool,
    smooth_idf: bool,
    norm: Option<&str>,
    n_jobs: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let analyzer = analyzer.build()?;
    let options = WeightOptions { weighting: weighting.parse().py_result()?, sublinear_tf, smooth_idf, norm: norm.unwrap_or("none").parse().py_result()? };
    let articles = &corpus.inner.articles;
    let counted = super::detached(py, n_jobs, || {
        guard("corpus", "building the term matrix", || {
            let weights = article_weights(articles);
            let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| analyzer.terms(&articles[doc], emit);
            match vocabulary {
                Some(terms) => {
                    let index: FxHashMap<Box<str>, u32> = terms.iter().enumerate().map(|(i, t)| (t.as_str().into(), i as u32)).collect();
                    let mut counts = count_fixed(&weights, &analyze, &index, terms.len(), n_jobs);
                    let mut df = vec![0u64; terms.len()];
                    counts.indices.iter().for_each(|&c| df[c as usize] += 1);
                    if binary {
                        counts.data.iter_mut().for_each(|x| *x = 1);
                    }
                    (terms, df, counts)
                }
                None => {
                    let counted = count_corpus(&weights, &analyze, n_jobs);
                    let vocabulary = &counted.vocabulary;
                    let tf = max_features.map(|_| counted.term_frequency());
                    let columns = select_columns(&vocabulary.document_frequency, tf.as_deref(), min_df, max_df, max_features);
                    let kept: Vec<usize> = (0..columns.len()).filter(|&i| columns[i] >= 0).collect();
                    let counts = counted.to_csr(&columns, kept.len(), binary, false, n_jobs);
                    let terms = kept.iter().map(|&i| vocabulary.terms[i].to_string()).collect();
                    let df = kept.iter().map(|&i| vocabulary.document_frequency[i]).collect();
                    (terms, df, counts)
                }
            }
        })
    });
    let (terms, document_frequency, counts) = counted.py_result()?;
    let dict = PyDict::new(py);
    dict.set_item("terms", terms)?;
    dict.set_item("document_frequency", document_frequency.iter().map(|&d| d as i64).collect::<Vec<_>>().into_pyarray(py))?;
    let is_plain_count = options.weighting == Weighting::Count && options.norm == Norm::None && !options.sublinear_tf;
    let arrays = if is_plain_count {
        csr_to_numpy(py, counts)
    } else {
        let weighted = super::detached(py, n_jobs, || weigh(&counts, &document_frequency, &options));
        csr_to_numpy(py, weighted)
    };
    dict.set_item("data", arrays.0)?;
    dict.set_item("indices", arrays.1)?;
    dict.set_item("indptr", arrays.2)?;
    Ok(dict)
}

/// Term × term co-occurrence over the corpus's sentences, for the unigram `terms` given.
#[pyfunction]
#[pyo3(signature = (corpus, terms, window, analyzer, n_jobs))]
pub fn corpus_cooccurrence<'py>(
    py: Python<'py>,
    corpus: PyRef<'py, PyCorpus>,
    terms: Vec<String>,
    window: Option<usize>,
    mut analyzer: AnalyzerOptions,
    n_jobs: Option<usize>,
) -> PyResult<CsrArrays<'py>> {
    analyzer.ngram_range = (1, 1); // co-occurrence is between single terms
    let analyzer = analyzer.build()?;
    let articles = &corpus.inner.articles;
    let csr = super::detached(py, n_jobs, || {
        let index: FxHashMap<&str, u32> = terms.iter().enumerate().map(|(i, t)| (t.as_str(), i as u32)).collect();
        let sentences = |doc: usize, each: &mut dyn FnMut(&[u32])| {
            let mut ids = Vec::new();
            analyzer.sentences(&articles[doc], &mut |forms| {
                ids.clear();
                ids.extend(forms.iter().filter_map(|f| index.get(f.as_str()).copied()));
                each(&ids);
            });
        };
        guard("corpus", "counting co-occurrences", || cooccurrence(articles.len(), terms.len(), window, &sentences, n_jobs))
    });
    Ok(csr_to_numpy(py, csr.py_result()?))
}

/// The news analyzer's terms hashed into `n_features` columns (scikit-learn's hashing trick):
/// one stateless pass, for corpora whose vocabulary is not wanted or too large to hold.
#[pyfunction]
#[pyo3(signature = (corpus, analyzer, n_features, alternate_sign, binary, norm, n_jobs))]
#[allow(clippy::too_many_arguments)]
pub fn corpus_hash_matrix<'py>(
    py: Python<'py>,
    corpus: PyRef<'py, PyCorpus>,
    analyzer: AnalyzerOptions,
    n_features: usize,
    alternate_sign: bool,
    binary: bool,
    norm: Option<&str>,
    n_jobs: Option<usize>,
) -> PyResult<CsrArrays<'py>> {
    let analyzer = analyzer.build()?;
    let norm: Norm = norm.unwrap_or("none").parse().py_result()?;
    let articles = &corpus.inner.articles;
    let csr = super::detached(py, n_jobs, || {
        guard("corpus", "hashing terms", || {
            let weights = article_weights(articles);
            let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| analyzer.terms(&articles[doc], emit);
            let mut csr = hash_corpus(&weights, &analyze, n_features, alternate_sign, n_jobs)?;
            if binary {
                csr.data.iter_mut().for_each(|x| *x = 1.0);
            }
            normalize_rows(&mut csr, norm);
            Ok::<_, CoreError>(csr)
        })
        .and_then(|hashed| hashed)
    });
    Ok(csr_to_numpy(py, csr.py_result()?))
}
