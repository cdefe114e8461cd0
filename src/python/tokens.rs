//! Tokens as numpy columns with code point offsets; stop words and normal forms.

use super::error::IntoPyResult;
use crate::article::Article;
use crate::code_points::CodePoints;
use crate::error::CoreError;
use crate::lang::Lang;
use crate::tokenize::{self, stopwords, NormalizeOptions, Normalizer, TokenKind, Tokens};
use numpy::IntoPyArray;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFrozenSet};

/// Token columns ready for numpy: code point offsets (u32: an article holds under 4 GiB), and
/// per document how many tokens it has, not a document number per token (Python makes that
/// column when asked): some 17 bytes a token.
#[derive(Default)]
pub struct TokenColumns {
    pub start: Vec<u32>,
    pub end: Vec<u32>,
    pub kind: Vec<u8>,
    pub sentence: Vec<i32>,
    pub segment: Vec<i32>,
    /// Tokens of each document pushed, in order.
    pub doc_sizes: Vec<i64>,
}

impl TokenColumns {
    /// Append the tokens of `text` whose `keep` is true, with code point offsets.
    pub fn push(&mut self, text: &str, tokens: &Tokens, segments: &[u32], keep: impl Fn(usize) -> bool) {
        let mut code_points = CodePoints::new(text);
        let before = self.start.len();
        for i in 0..tokens.len() {
            if !keep(i) {
                continue;
            }
            self.start.push(code_points.at(tokens.start[i] as usize) as u32);
            self.end.push(code_points.at(tokens.end[i] as usize) as u32);
            self.kind.push(tokens.kind[i] as u8);
            self.sentence.push(tokens.sentence[i] as i32);
            self.segment.push(segments.get(i).map_or(0, |&s| s as i32));
        }
        self.doc_sizes.push((self.start.len() - before) as i64);
    }

    /// Append `other`'s tokens (the documents after this one's); `other` is freed once copied.
    pub fn extend(&mut self, other: TokenColumns) {
        self.start.extend(other.start);
        self.end.extend(other.end);
        self.kind.extend(other.kind);
        self.sentence.extend(other.sentence);
        self.segment.extend(other.segment);
        self.doc_sizes.extend(other.doc_sizes);
    }

    /// The columns, `first_doc` being the position of the first document pushed.
    pub fn into_dict(self, py: Python<'_>, first_doc: usize) -> PyResult<Bound<'_, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("start", self.start.into_pyarray(py))?;
        dict.set_item("end", self.end.into_pyarray(py))?;
        dict.set_item("kind", self.kind.into_pyarray(py))?;
        dict.set_item("sentence", self.sentence.into_pyarray(py))?;
        dict.set_item("segment", self.segment.into_pyarray(py))?;
        dict.set_item("doc_sizes", self.doc_sizes.into_pyarray(py))?;
        dict.set_item("first_doc", first_doc)?;
        Ok(dict)
    }
}

/// Tokens of an article: title and body only unless `include_boilerplate`. `scratch` holds the
/// token buffers reused from one article to the next.
pub fn article_columns(article: &Article, include_boilerplate: bool, columns: &mut TokenColumns, scratch: &mut Tokens) {
    article.tokens_into(scratch);
    let segments = article.token_segments(scratch);
    let keep = |i: usize| include_boilerplate || article.segments[segments[i] as usize].kind.is_content();
    columns.push(&article.text, scratch, &segments, keep);
}

pub fn parse_lang(lang: Option<&str>) -> PyResult<Option<Lang>> {
    match lang {
        None => Ok(None),
        Some(code) => code.parse().map(Some).map_err(|detail| CoreError::Parameter { name: "lang".into(), detail }).py_result(),
    }
}

/// Tokenize one text: columns of code point offsets, kinds and sentence ids.
#[pyfunction]
#[pyo3(signature = (text, lang = None))]
pub fn tokenize_text<'py>(py: Python<'py>, text: &str, lang: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
    let lang = parse_lang(lang)?.unwrap_or_else(|| crate::article::detect_language(text));
    let columns = super::detached(py, None, || {
        crate::error::guard("text", "tokenizing", || {
            let tokens = tokenize::tokenize(text, lang, &[]);
            let mut columns = TokenColumns::default();
            columns.push(text, &tokens, &[], |_| true);
            columns
        })
    });
    let dict = columns.map_err(super::error::to_pyerr)?.into_dict(py, 0)?;
    dict.set_item("lang", lang.code())?;
    Ok(dict)
}

/// The names of token kinds, indexed by their code.
#[pyfunction]
pub fn token_kind_names() -> Vec<&'static str> {
    TokenKind::ALL.iter().map(|k| k.name()).collect()
}

/// Normal forms of token texts.
#[pyfunction]
#[pyo3(signature = (texts, lang = "und", lowercase = true, fold_accents = false, stem = false))]
pub fn normalize_texts(py: Python<'_>, texts: Vec<String>, lang: &str, lowercase: bool, fold_accents: bool, stem: bool) -> PyResult<Vec<String>> {
    let lang = parse_lang(Some(lang))?.unwrap_or_default();
    let options = NormalizeOptions { lowercase, fold_accents, stem };
    Ok(super::detached(py, None, || {
        let normalizer = Normalizer::new(options, lang);
        texts.iter().map(|t| normalizer.normalize(t).into_owned()).collect()
    }))
}

/// The stop words of a language (stopwords-iso), lowercase with "'" apostrophes.
#[pyfunction]
pub fn stop_words<'py>(py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyFrozenSet>> {
    let lang = parse_lang(Some(lang))?.unwrap_or_default();
    PyFrozenSet::new(py, stopwords::stop_words(lang).iter())
}
