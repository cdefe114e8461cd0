//! Facts written straight to output lines (JSON lines or CSV rows), on all cores: what
//! `newsfacts facts` streams, so that writing costs a fraction of finding and no fact becomes a
//! Python object on the way. The lines hold what `FactTable.write` writes for the same facts.

use super::corpus::PyCorpus;
use super::error::IntoPyResult;
use super::facts::{fact_rows, FactRow};
use crate::error::{guard, CoreError};
use crate::facts;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
struct JsonLine<'a> {
    doc: &'a str,
    kind: &'static str,
    start: i64,
    end: i64,
    text: &'a str,
    value: &'a serde_json::Value,
    attrs: &'a crate::facts::Attrs,
    sentence: i32,
    segment: &'static str,
    rule: &'static str,
}

fn json_lines(doc: &str, rows: &[FactRow], out: &mut Vec<u8>) -> serde_json::Result<()> {
    for row in rows {
        let line = JsonLine {
            doc,
            kind: row.kind,
            start: row.start,
            end: row.end,
            text: row.text,
            value: &row.value,
            attrs: &row.attrs,
            sentence: row.sentence,
            segment: row.segment,
            rule: row.rule,
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.push(b'\n');
    }
    Ok(())
}

/// CSV rows as Python's `csv.writer` makes them (quoted only where needed, CRLF), `value` and
/// `attrs` as JSON text.
fn csv_rows(doc: &str, rows: &[FactRow], out: &mut Vec<u8>) -> csv::Result<()> {
    let mut writer = csv::WriterBuilder::new().has_headers(false).terminator(csv::Terminator::CRLF).from_writer(out);
    for row in rows {
        let (start, end, sentence) = (row.start.to_string(), row.end.to_string(), row.sentence.to_string());
        let (value, attrs) = (row.value.to_string(), serde_json::to_string(&row.attrs).expect("attributes always serialise"));
        writer.write_record([doc, row.kind, &start, &end, row.text, &value, &attrs, &sentence, row.segment, row.rule])?;
    }
    writer.flush()?;
    Ok(())
}

/// The facts (of `kinds` only, when given) of every article of `corpus` as output bytes (`format` "jsonl" or "csv", no CSV
/// header), in corpus order, extracted and written on `n_jobs` threads.
#[pyfunction]
#[pyo3(signature = (corpus, format, include_boilerplate = false, n_jobs = None, kinds = None))]
pub fn corpus_fact_lines<'py>(
    py: Python<'py>,
    corpus: PyRef<'py, PyCorpus>,
    format: &str,
    include_boilerplate: bool,
    n_jobs: Option<usize>,
    kinds: Option<Vec<String>>,
) -> PyResult<(Bound<'py, PyBytes>, usize)> {
    let selected = super::facts::fact_kinds(kinds.as_deref())?;
    let csv = match format {
        "jsonl" => false,
        "csv" => true,
        other => return Err(CoreError::Parameter { name: "format".into(), detail: format!("{other:?}; expected \"jsonl\" or \"csv\"") }).py_result(),
    };
    let articles = &corpus.inner.articles;
    let written = super::detached(py, n_jobs, || {
        let parts: Vec<crate::error::Result<(Vec<u8>, usize)>> = (0..articles.len())
            .into_par_iter()
            .map(|i| {
                let article = &articles[i];
                guard(&article.id, "writing facts", || {
                    let rows = fact_rows(i, article, facts::extract_kinds(article, selected.as_deref()), include_boilerplate);
                    let mut out = Vec::new();
                    let done = if csv {
                        csv_rows(&article.id, &rows, &mut out).map_err(|e| e.to_string())
                    } else {
                        json_lines(&article.id, &rows, &mut out).map_err(|e| e.to_string())
                    };
                    done.map(|()| (out, rows.len())).expect("facts always serialise")
                })
            })
            .collect();
        let mut bytes = Vec::new();
        let mut count = 0;
        for part in parts {
            let (part, n) = part?;
            bytes.extend_from_slice(&part);
            count += n;
        }
        Ok::<_, CoreError>((bytes, count))
    });
    let (bytes, count) = written.py_result()?;
    Ok((PyBytes::new(py, &bytes), count))
}
