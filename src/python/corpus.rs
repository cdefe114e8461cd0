//! The corpus class: articles owned by Rust, read and analysed with the GIL released.

use super::error::IntoPyResult;
use super::tokens::{article_columns, parse_lang, TokenColumns};
use crate::article::read::{read_paths, ArticleStream, DecodeErrors, OnError, RawArticle};
use crate::article::{Article, Given, SegmentKind};
use crate::code_points::CodePoints;
use crate::corpus::Corpus;
use crate::error::{guard, CoreError};
use crate::parallel;
use crate::tokenize::Tokens;
use numpy::IntoPyArray;
use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use std::path::PathBuf;

#[pyclass(module = "newsfacts._core", name = "CoreCorpus", frozen)]
pub struct PyCorpus {
    pub inner: Corpus,
}

fn decode_errors(value: &str) -> PyResult<DecodeErrors> {
    match value {
        "strict" => Ok(DecodeErrors::Strict),
        "replace" => Ok(DecodeErrors::Replace),
        other => Err(CoreError::Parameter { name: "encoding_errors".into(), detail: format!("{other:?}; expected \"strict\" or \"replace\"") }).py_result(),
    }
}

fn on_error(value: &str) -> PyResult<OnError> {
    match value {
        "raise" => Ok(OnError::Raise),
        "skip" => Ok(OnError::Skip),
        other => Err(CoreError::Parameter { name: "errors".into(), detail: format!("{other:?}; expected \"raise\" or \"skip\"") }).py_result(),
    }
}

type Skips = Vec<(String, String)>;

/// Articles per unit of parallel work.
const CHUNK: usize = 64;
/// Chunks tokenized in parallel before they join the columns.
const TOKENS_WINDOW_CHUNKS: usize = 32;

impl PyCorpus {
    fn article(&self, index: usize) -> PyResult<&Article> {
        self.inner.articles.get(index).ok_or_else(|| PyIndexError::new_err(format!("article {index} out of range ({} articles)", self.inner.articles.len())))
    }
}

/// A progress counter shared with Rust work (see `newsfacts._progress`).
#[pyclass(module = "newsfacts._core", name = "Progress", frozen)]
pub struct PyProgress {
    pub inner: std::sync::Arc<crate::progress::Progress>,
}

#[pymethods]
impl PyProgress {
    #[new]
    fn new() -> Self {
        PyProgress { inner: Default::default() }
    }

    fn done(&self) -> usize {
        self.inner.done()
    }

    fn total(&self) -> usize {
        self.inner.total()
    }
}

/// Files and folders read a batch of articles at a time (`newsfacts.iter_read`): one batch in
/// memory at once, whatever the size of the files.
#[pyclass(module = "newsfacts._core", name = "ArticleStream", frozen)]
pub struct PyArticleStream {
    inner: std::sync::Mutex<ArticleStream>,
    lang: Option<crate::lang::Lang>,
    n_jobs: Option<usize>,
}

#[pymethods]
impl PyArticleStream {
    #[new]
    #[pyo3(signature = (paths, encoding_errors = "strict", errors = "raise", lang = None, n_jobs = None))]
    fn new(py: Python<'_>, paths: Vec<PathBuf>, encoding_errors: &str, errors: &str, lang: Option<&str>, n_jobs: Option<usize>) -> PyResult<Self> {
        let (decode, on_error) = (decode_errors(encoding_errors)?, on_error(errors)?);
        let lang = parse_lang(lang)?;
        let stream = super::detached(py, n_jobs, || ArticleStream::new(&paths, decode, on_error)).py_result()?;
        Ok(PyArticleStream { inner: std::sync::Mutex::new(stream), lang, n_jobs })
    }

    /// The next corpus of at most `max_articles` articles (fewer once they hold `max_bytes` of
    /// text) and what was skipped on the way; None at the end.
    fn next_batch(&self, py: Python<'_>, max_articles: usize, max_bytes: usize) -> PyResult<Option<(PyCorpus, Skips)>> {
        let mut stream = self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let stream = &mut *stream;
        let (lang, n_jobs) = (self.lang, self.n_jobs);
        let batch = super::detached(py, n_jobs, || {
            let Some(report) = guard("the stream", "reading a batch", || stream.next_batch(max_articles, max_bytes)).and_then(|r| r)? else {
                return Ok(None);
            };
            let skipped = report.skipped.into_iter().map(|s| (s.source, s.reason)).collect();
            Corpus::from_raw(report.articles, lang, n_jobs).map(|c| Some((PyCorpus { inner: c }, skipped)))
        });
        batch.py_result()
    }
}

#[pymethods]
impl PyCorpus {
    /// Read files and folders (text files, JSON lines).
    #[staticmethod]
    #[pyo3(signature = (paths, encoding_errors = "strict", errors = "raise", lang = None, n_jobs = None, progress = None))]
    #[allow(clippy::too_many_arguments)]
    fn from_paths(
        py: Python<'_>,
        paths: Vec<PathBuf>,
        encoding_errors: &str,
        errors: &str,
        lang: Option<&str>,
        n_jobs: Option<usize>,
        progress: Option<PyRef<'_, PyProgress>>,
    ) -> PyResult<(PyCorpus, Skips)> {
        let (decode, on_error) = (decode_errors(encoding_errors)?, on_error(errors)?);
        let lang = parse_lang(lang)?;
        let counter = progress.as_ref().map(|p| p.inner.clone());
        let result = super::detached(py, n_jobs, || {
            let report = parallel::install(n_jobs, || read_paths(&paths, decode, on_error))?;
            let skipped = report.skipped.into_iter().map(|s| (s.source, s.reason)).collect();
            Corpus::from_raw_with_progress(report.articles, lang, n_jobs, counter.as_deref()).map(|c| (c, skipped))
        });
        let (inner, skipped) = result.py_result()?;
        Ok((PyCorpus { inner }, skipped))
    }

    /// Articles from columns of Python values (already checked by the caller).
    #[staticmethod]
    #[pyo3(signature = (ids, texts, titles, dates, langs, sources, extras, lang = None, n_jobs = None, progress = None))]
    #[allow(clippy::too_many_arguments)]
    fn from_records(
        py: Python<'_>,
        ids: Vec<String>,
        texts: Vec<String>,
        titles: Vec<Option<String>>,
        dates: Vec<Option<String>>,
        langs: Vec<Option<String>>,
        sources: Vec<Option<String>>,
        extras: Vec<Option<String>>,
        lang: Option<&str>,
        n_jobs: Option<usize>,
        progress: Option<PyRef<'_, PyProgress>>,
    ) -> PyResult<PyCorpus> {
        let lang = parse_lang(lang)?;
        let mut raw = Vec::with_capacity(ids.len());
        let columns = ids.into_iter().zip(texts).zip(titles).zip(dates).zip(langs).zip(sources).zip(extras);
        for ((((((id, text), title), date), doc_lang), source), extra) in columns {
            let doc_lang = parse_lang(doc_lang.as_deref())?;
            raw.push(RawArticle { id, text, given: Given { title, date, lang: doc_lang, source }, extra });
        }
        let counter = progress.as_ref().map(|p| p.inner.clone());
        let inner = super::detached(py, n_jobs, || Corpus::from_raw_with_progress(raw, lang, n_jobs, counter.as_deref())).py_result()?;
        Ok(PyCorpus { inner })
    }

    fn __len__(&self) -> usize {
        self.inner.articles.len()
    }

    fn ids(&self) -> Vec<String> {
        self.inner.articles.iter().map(|a| a.id.clone()).collect()
    }

    fn text(&self, index: usize) -> PyResult<&str> {
        Ok(&self.article(index)?.text)
    }

    /// Metadata of one article, as a dict.
    fn info<'py>(&self, py: Python<'py>, index: usize) -> PyResult<Bound<'py, PyDict>> {
        let article = self.article(index)?;
        let dict = PyDict::new(py);
        dict.set_item("id", &article.id)?;
        dict.set_item("title", &article.title)?;
        dict.set_item("date", &article.date)?;
        dict.set_item("date_raw", &article.date_raw)?;
        dict.set_item("lang", article.lang.code())?;
        dict.set_item("lang_given", article.lang_given)?;
        dict.set_item("source", &article.source)?;
        dict.set_item("author", &article.author)?;
        dict.set_item("header", article.header.clone())?;
        dict.set_item("extra", &self.inner.extras[index])?;
        Ok(dict)
    }

    /// Segments as (kind, reason, start, end) with code point offsets.
    fn segments(&self, index: usize) -> PyResult<Vec<(&'static str, &'static str, usize, usize)>> {
        let article = self.article(index)?;
        let mut code_points = CodePoints::new(&article.text);
        Ok(article.segments.iter().map(|s| (s.kind.name(), s.reason, code_points.at(s.start as usize), code_points.at(s.end as usize))).collect())
    }

    /// Token columns of one article.
    #[pyo3(signature = (index, include_boilerplate = false))]
    fn tokens<'py>(&self, py: Python<'py>, index: usize, include_boilerplate: bool) -> PyResult<Bound<'py, PyDict>> {
        let article = self.article(index)?;
        let columns = super::detached(py, None, || {
            let mut columns = TokenColumns::default();
            let mut scratch = Tokens::default();
            guard(&article.id, "tokenizing", || article_columns(article, include_boilerplate, &mut columns, &mut scratch))?;
            Ok::<_, CoreError>(columns)
        });
        columns.py_result()?.into_dict(py, index)
    }

    /// Token columns of every article, tokenized on all cores, with a `doc` column.
    #[pyo3(signature = (include_boilerplate = false, n_jobs = None, progress = None))]
    fn all_tokens<'py>(
        &self,
        py: Python<'py>,
        include_boilerplate: bool,
        n_jobs: Option<usize>,
        progress: Option<PyRef<'py, PyProgress>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let articles = &self.inner.articles;
        let counter = progress.as_ref().map(|p| p.inner.clone());
        if let Some(p) = &counter {
            p.set_total(articles.len());
        }
        let counter = counter.as_deref();
        let columns = super::detached(py, n_jobs, || {
            // Chunks of articles, not single ones: fewer, larger buffers to join. A window of
            // chunks at a time, each appended and freed before the next: memory holds the
            // columns and one window, never every part and the columns at once.
            let mut all = TokenColumns::default();
            for window in articles.chunks(CHUNK * TOKENS_WINDOW_CHUNKS) {
                let parts: Vec<Result<TokenColumns, CoreError>> = window
                    .par_chunks(CHUNK)
                    .map(|group| {
                        let mut columns = TokenColumns::default();
                        let mut scratch = Tokens::default();
                        for article in group {
                            guard(&article.id, "tokenizing", || article_columns(article, include_boilerplate, &mut columns, &mut scratch))?;
                        }
                        crate::progress::tick(counter, group.len());
                        Ok(columns)
                    })
                    .collect();
                for part in parts {
                    all.extend(part?);
                }
            }
            Ok::<_, CoreError>(all)
        });
        columns.py_result()?.into_dict(py, 0)
    }

    /// Per-article counts: body and boilerplate segments, content tokens and sentences.
    #[pyo3(signature = (n_jobs = None))]
    fn stats<'py>(&self, py: Python<'py>, n_jobs: Option<usize>) -> PyResult<Bound<'py, PyDict>> {
        let articles = &self.inner.articles;
        let rows: Vec<[i64; 4]> = py
            .detach(|| {
                parallel::install(n_jobs, || articles.par_iter().map(|a| guard(&a.id, "counting tokens", || article_stats(a))).collect::<Result<Vec<_>, _>>())
            })
            .py_result()?;
        let dict = PyDict::new(py);
        for (column, name) in ["body_segments", "boilerplate_segments", "tokens", "sentences"].iter().enumerate() {
            let values: Vec<i64> = rows.iter().map(|r| r[column]).collect();
            dict.set_item(*name, values.into_pyarray(py))?;
        }
        Ok(dict)
    }
}

fn article_stats(article: &Article) -> [i64; 4] {
    let count = |kind| article.segments.iter().filter(|s| s.kind == kind && s.reason != "blank").count() as i64;
    let tokens = article.tokens();
    let segments = article.token_segments(&tokens);
    let content: Vec<usize> = (0..tokens.len()).filter(|&i| article.segments[segments[i] as usize].kind.is_content()).collect();
    let mut sentences = content.iter().map(|&i| tokens.sentence[i]).collect::<Vec<_>>();
    sentences.dedup();
    [count(SegmentKind::Body), count(SegmentKind::Boilerplate), content.len() as i64, sentences.len() as i64]
}
