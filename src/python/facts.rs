//! Facts to Python: columns with code point offsets, values and attributes as typed cells, and
//! each fact's document by its position in the corpus (`doc_index`: ids may repeat).

use super::columns::{CellTable, Cells, Names, Texts};
use super::corpus::PyCorpus;
use super::tokens::parse_lang;
use crate::article::{Article, Given};
use crate::code_points::CodePoints;
use crate::error::guard;
use crate::facts::{self, Fact};
use numpy::IntoPyArray;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;

#[derive(Default)]
struct FactColumns {
    doc_index: Vec<i64>,
    kind: Names,
    start: Vec<i64>,
    end: Vec<i64>,
    text: Texts,
    value: Cells,
    attrs: CellTable,
    sentence: Vec<i32>,
    segment: Names,
    rule: Names,
}

/// One fact as it leaves the core: offsets in code points (of the attributes too), its segment
/// named; what both the Python columns and the written lines are made of.
pub(super) struct FactRow<'a> {
    pub doc_index: usize,
    pub kind: &'static str,
    pub start: i64,
    pub end: i64,
    pub text: &'a str,
    pub value: serde_json::Value,
    pub attrs: facts::Attrs,
    pub sentence: i32,
    pub segment: &'static str,
    pub rule: &'static str,
}

/// The rows of the facts of the article at position `doc_index` (the extraction chose their
/// kinds), boilerplate's only when asked.
pub(super) fn fact_rows<'a>(doc_index: usize, article: &'a Article, facts: Vec<Fact>, include_boilerplate: bool) -> Vec<FactRow<'a>> {
    let mut code_points = CodePoints::new(&article.text);
    let mut rows = Vec::with_capacity(facts.len());
    for fact in facts {
        let segment = article.segments.get(fact.segment as usize).map_or("body", |s| s.kind.name());
        if !include_boilerplate && (segment == "boilerplate" || segment == "metadata") {
            continue;
        }
        let mut attrs = fact.attrs;
        // Offsets inside attributes (a speaker's mention) become code points too.
        attrs.map_offsets(|byte| code_points.at(byte));
        rows.push(FactRow {
            doc_index,
            kind: fact.kind.name(),
            start: code_points.at(fact.start) as i64,
            end: code_points.at(fact.end) as i64,
            text: &article.text[fact.start..fact.end],
            value: fact.value,
            attrs,
            sentence: fact.sentence as i32,
            segment,
            rule: fact.rule,
        });
    }
    rows
}

impl FactColumns {
    /// Append the facts of the article at position `doc_index`.
    fn push(&mut self, doc_index: usize, article: &Article, facts: Vec<Fact>, include_boilerplate: bool) {
        for row in fact_rows(doc_index, article, facts, include_boilerplate) {
            self.doc_index.push(row.doc_index as i64);
            self.kind.push(row.kind);
            self.text.push(row.text);
            self.start.push(row.start);
            self.end.push(row.end);
            self.value.push(Some(facts::field_of(&row.value)));
            self.attrs.push(row.attrs.fields());
            self.sentence.push(row.sentence);
            self.segment.push(row.segment);
            self.rule.push(row.rule);
        }
    }

    fn extend(&mut self, other: FactColumns) {
        self.doc_index.extend(other.doc_index);
        self.kind.extend(other.kind);
        self.start.extend(other.start);
        self.end.extend(other.end);
        self.text.extend(other.text);
        self.value.extend(other.value);
        self.attrs.extend(other.attrs);
        self.sentence.extend(other.sentence);
        self.segment.extend(other.segment);
        self.rule.extend(other.rule);
    }

    fn into_dict(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("doc_index", self.doc_index.into_pyarray(py))?;
        dict.set_item("kind", self.kind.into_py(py)?)?;
        dict.set_item("start", self.start.into_pyarray(py))?;
        dict.set_item("end", self.end.into_pyarray(py))?;
        dict.set_item("text", self.text.into_py(py)?)?;
        dict.set_item("value", self.value.into_py(py)?)?;
        dict.set_item("attrs", self.attrs.into_py(py)?)?;
        dict.set_item("sentence", self.sentence.into_pyarray(py))?;
        dict.set_item("segment", self.segment.into_py(py)?)?;
        dict.set_item("rule", self.rule.into_py(py)?)?;
        Ok(dict)
    }
}

/// Fact kinds by name (None: every kind); an unknown name is a ParameterError.
pub(super) fn fact_kinds(names: Option<&[String]>) -> PyResult<Option<Vec<facts::FactKind>>> {
    let Some(names) = names else { return Ok(None) };
    names
        .iter()
        .map(|name| {
            facts::FactKind::from_name(name).ok_or_else(|| {
                let known: Vec<&str> = facts::FactKind::ALL.iter().map(|k| k.name()).collect();
                super::error::to_pyerr(crate::error::CoreError::Parameter {
                    name: "kinds".into(),
                    detail: format!("unknown fact kind {name:?}; known: {}", known.join(", ")),
                })
            })
        })
        .collect::<PyResult<Vec<_>>>()
        .map(Some)
}

/// Articles extracted in parallel before their facts join the table.
const FACTS_WINDOW: usize = 1024;

/// The facts of every article (or of those at `indices`), extracted on all cores; only those
/// of `kinds` (fact kind names, checked by the caller) when given.
#[pyfunction]
#[pyo3(signature = (corpus, indices = None, include_boilerplate = false, n_jobs = None, progress = None, kinds = None))]
pub fn corpus_facts<'py>(
    py: Python<'py>,
    corpus: PyRef<'py, PyCorpus>,
    indices: Option<Vec<usize>>,
    include_boilerplate: bool,
    n_jobs: Option<usize>,
    progress: Option<PyRef<'py, super::corpus::PyProgress>>,
    kinds: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyDict>> {
    let selected = fact_kinds(kinds.as_deref())?;
    let articles = &corpus.inner.articles;
    let counter = progress.as_ref().map(|p| p.inner.clone());
    let counter = counter.as_deref();
    let indices: Vec<usize> = indices.unwrap_or_else(|| (0..articles.len()).collect());
    if let Some(&bad) = indices.iter().find(|&&i| i >= articles.len()) {
        return Err(pyo3::exceptions::PyIndexError::new_err(format!("article {bad} out of range ({} articles)", articles.len())));
    }
    if let Some(p) = counter {
        p.set_total(indices.len());
    }
    let columns = super::detached(py, n_jobs, || {
        // A window of articles at a time, its parts appended and freed before the next: memory
        // holds the table and one window, never every part and the table at once.
        let mut all = FactColumns::default();
        for window in indices.chunks(FACTS_WINDOW) {
            let parts: Vec<crate::error::Result<FactColumns>> = window
                .par_iter()
                .map(|&i| {
                    let found = guard(&articles[i].id, "extracting facts", || facts::extract_kinds(&articles[i], selected.as_deref()))?;
                    crate::progress::tick(counter, 1);
                    // Offsets become code points here: a bug of ours is the article's error too.
                    guard(&articles[i].id, "writing facts", || {
                        let mut columns = FactColumns::default();
                        columns.push(i, &articles[i], found, include_boilerplate);
                        columns
                    })
                })
                .collect();
            for part in parts {
                all.extend(part?);
            }
        }
        Ok(all)
    });
    columns.map_err(super::error::to_pyerr)?.into_dict(py)
}

/// The facts of one text.
#[pyfunction]
#[pyo3(signature = (text, lang = None, date = None, include_boilerplate = true, kinds = None))]
pub fn extract_text<'py>(
    py: Python<'py>,
    text: String,
    lang: Option<&str>,
    date: Option<String>,
    include_boilerplate: bool,
    kinds: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyDict>> {
    let lang = parse_lang(lang)?;
    let selected = fact_kinds(kinds.as_deref())?;
    let columns = super::detached(py, None, || {
        let article = guard("text", "reading the article", || Article::analyze(String::new(), text, Given { date, lang, ..Given::default() })).and_then(|a| a);
        article.and_then(|article| {
            let found = guard("text", "extracting facts", || facts::extract_kinds(&article, selected.as_deref()))?;
            guard("text", "writing facts", || {
                let mut columns = FactColumns::default();
                columns.push(0, &article, found, include_boilerplate);
                columns
            })
        })
    });
    columns.map_err(super::error::to_pyerr)?.into_dict(py)
}
