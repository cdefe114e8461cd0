//! From counts to weights: tf, tf-idf (scikit-learn's formulas, same operation order), BM25,
//! and row normalisation.

use super::csr::Csr;
use crate::error::{CoreError, Result};
use rayon::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Norm {
    None,
    L1,
    L2,
}

impl std::str::FromStr for Norm {
    type Err = CoreError;
    fn from_str(name: &str) -> Result<Norm> {
        match name {
            "l1" => Ok(Norm::L1),
            "l2" => Ok(Norm::L2),
            "none" | "" => Ok(Norm::None),
            other => Err(CoreError::Parameter { name: "norm".into(), detail: format!("{other:?}; expected \"l1\", \"l2\" or None") }),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weighting {
    Count,
    /// Counts divided by the document's number of terms.
    Tf,
    TfIdf,
    /// Okapi BM25 (k1 = 1.2, b = 0.75).
    Bm25,
}

impl std::str::FromStr for Weighting {
    type Err = CoreError;
    fn from_str(name: &str) -> Result<Weighting> {
        match name {
            "count" => Ok(Weighting::Count),
            "tf" => Ok(Weighting::Tf),
            "tfidf" => Ok(Weighting::TfIdf),
            "bm25" => Ok(Weighting::Bm25),
            other => Err(CoreError::Parameter { name: "weighting".into(), detail: format!("{other:?}; expected \"count\", \"tf\", \"tfidf\" or \"bm25\"") }),
        }
    }
}

/// scikit-learn's idf: ln((n + s) / (df + s)) + 1 with s = 1 when smoothing.
pub fn idf(document_frequency: &[u64], n_docs: usize, smooth: bool) -> Vec<f64> {
    let s = if smooth { 1.0 } else { 0.0 };
    let n = n_docs as f64 + s;
    document_frequency.iter().map(|&df| (n / (df as f64 + s)).ln() + 1.0).collect()
}

/// Divide each row by its L1 or L2 norm (rows of zeros stay as they are), summing in column
/// order as scikit-learn's `normalize` does.
pub fn normalize_rows(matrix: &mut Csr<f64>, norm: Norm) {
    if norm == Norm::None {
        return;
    }
    let bounds: Vec<usize> = matrix.indptr.iter().map(|&p| p as usize).collect();
    let mut rows: Vec<&mut [f64]> = Vec::with_capacity(matrix.n_rows());
    let mut rest = matrix.data.as_mut_slice();
    for pair in bounds.windows(2) {
        let (row, tail) = rest.split_at_mut(pair[1] - pair[0]);
        rows.push(row);
        rest = tail;
    }
    rows.into_par_iter().for_each(|row| {
        let total = match norm {
            Norm::L1 => row.iter().map(|x| x.abs()).sum::<f64>(),
            _ => {
                let mut squares = 0.0;
                for x in row.iter() {
                    squares += x * x;
                }
                squares.sqrt()
            }
        };
        if total != 0.0 {
            row.iter_mut().for_each(|x| *x /= total);
        }
    });
}

pub struct WeightOptions {
    pub weighting: Weighting,
    pub sublinear_tf: bool,
    pub smooth_idf: bool,
    pub norm: Norm,
}

/// What weights need to know of the whole corpus when `counts` holds only part of it.
#[derive(Clone, Copy, Debug)]
pub struct CorpusTotals {
    pub n_docs: usize,
    /// Mean number of counted terms per document (BM25).
    pub average_length: f64,
}

impl CorpusTotals {
    pub fn of(counts: &Csr<i64>) -> CorpusTotals {
        let total: i64 = counts.data.iter().sum();
        CorpusTotals { n_docs: counts.n_rows(), average_length: total as f64 / (counts.n_rows().max(1) as f64) }
    }
}

/// Weights from counts; `document_frequency` per column.
pub fn weigh(counts: &Csr<i64>, document_frequency: &[u64], options: &WeightOptions) -> Csr<f64> {
    weigh_with(counts, document_frequency, CorpusTotals::of(counts), options)
}

/// Weights of some rows of a corpus, from the corpus's document frequencies and totals: the
/// same numbers the rows get when the whole corpus is weighed at once.
// `r` is a row of the matrix and of `lengths` alike.
#[allow(clippy::needless_range_loop)]
pub fn weigh_with(counts: &Csr<i64>, document_frequency: &[u64], totals: CorpusTotals, options: &WeightOptions) -> Csr<f64> {
    let n_rows = counts.n_rows();
    let mut data: Vec<f64> = counts.data.iter().map(|&c| c as f64).collect();
    if options.sublinear_tf {
        data.iter_mut().for_each(|x| *x = x.ln() + 1.0);
    }
    match options.weighting {
        Weighting::Count => {}
        Weighting::Tf => {
            for r in 0..n_rows {
                let row = counts.row(r);
                let total: f64 = data[row.clone()].iter().sum();
                data[row].iter_mut().for_each(|x| *x /= total);
            }
        }
        Weighting::TfIdf => {
            let idf = idf(document_frequency, totals.n_docs, options.smooth_idf);
            for (x, &column) in data.iter_mut().zip(&counts.indices) {
                *x *= idf[column as usize];
            }
        }
        Weighting::Bm25 => {
            let (k1, b) = (1.2, 0.75);
            let lengths: Vec<f64> = (0..n_rows).map(|r| counts.data[counts.row(r)].iter().sum::<i64>() as f64).collect();
            let average = totals.average_length;
            let n = totals.n_docs as f64;
            for r in 0..n_rows {
                let scale = k1 * (1.0 - b + b * lengths[r] / average.max(f64::MIN_POSITIVE));
                for k in counts.row(r) {
                    let df = document_frequency[counts.indices[k] as usize] as f64;
                    let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
                    data[k] = idf * data[k] * (k1 + 1.0) / (data[k] + scale);
                }
            }
        }
    }
    let mut weighted = Csr { indptr: counts.indptr.clone(), indices: counts.indices.clone(), data, n_cols: counts.n_cols };
    normalize_rows(&mut weighted, options.norm);
    weighted
}
