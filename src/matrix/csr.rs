//! Compressed sparse rows, assembled per chunk of documents in parallel.

use super::count::{balanced_ranges, CorpusCounts};
use crate::error::{CoreError, Result};
use crate::parallel;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

#[derive(Clone, Debug, PartialEq)]
pub struct Csr<T> {
    pub indptr: Vec<i64>,
    pub indices: Vec<i32>,
    pub data: Vec<T>,
    pub n_cols: usize,
}

impl<T> Csr<T> {
    /// A matrix from a caller's arrays, checked: rows and weights index with them, and an
    /// out-of-range offset or column would panic or read another row.
    pub fn from_parts(indptr: Vec<i64>, indices: &[i64], data: Vec<T>, n_cols: usize) -> Result<Csr<T>> {
        let error = |name: &str, detail: String| Err(CoreError::Parameter { name: name.into(), detail });
        if indptr.first() != Some(&0) {
            return error("indptr", "must start with 0 (one entry per row, plus one)".into());
        }
        if let Some(w) = indptr.windows(2).position(|w| w[0] > w[1]) {
            return error("indptr", format!("decreases after row {w}: {} then {}", indptr[w], indptr[w + 1]));
        }
        let nnz = indptr[indptr.len() - 1];
        if nnz as usize != data.len() || nnz as usize != indices.len() {
            return error("indptr", format!("ends at {nnz} for {} values and {} column indices", data.len(), indices.len()));
        }
        if n_cols > i32::MAX as usize + 1 {
            return error("n_cols", format!("{n_cols}; at most 2**31 columns"));
        }
        if let Some(&bad) = indices.iter().find(|&&i| i < 0 || i as u64 >= n_cols as u64) {
            return error("indices", format!("column {bad} out of range for {n_cols} columns"));
        }
        let indices = indices.iter().map(|&i| i as i32).collect();
        Ok(Csr { indptr, indices, data, n_cols })
    }

    pub fn n_rows(&self) -> usize {
        self.indptr.len() - 1
    }

    pub fn row(&self, r: usize) -> std::ops::Range<usize> {
        self.indptr[r] as usize..self.indptr[r + 1] as usize
    }

    /// Join row blocks (in order) into one matrix.
    pub fn concat(blocks: Vec<Csr<T>>, n_cols: usize) -> Csr<T> {
        let nnz: usize = blocks.iter().map(|b| b.indices.len()).sum();
        let rows: usize = blocks.iter().map(|b| b.n_rows()).sum();
        let mut out = Csr { indptr: Vec::with_capacity(rows + 1), indices: Vec::with_capacity(nnz), data: Vec::with_capacity(nnz), n_cols };
        out.indptr.push(0);
        for block in blocks {
            let offset = out.indices.len() as i64;
            out.indptr.extend(block.indptr[1..].iter().map(|p| p + offset));
            out.indices.extend(block.indices);
            out.data.extend(block.data);
        }
        out
    }
}

impl CorpusCounts {
    /// Total count of each vocabulary term over the corpus.
    pub fn term_frequency(&self) -> Vec<u64> {
        let mut totals = vec![0u64; self.vocabulary.len()];
        for (chunk, map) in self.chunks.iter().zip(&self.vocabulary.local_to_global) {
            for (&id, &count) in chunk.ids.iter().zip(&chunk.counts) {
                totals[map[id as usize] as usize] += count as u64;
            }
        }
        totals
    }

    /// The count matrix. `columns[term]` is the column of each vocabulary term, or -1 to drop it.
    /// Within a row, entries are sorted by column, or with `first_seen_order` by where their term
    /// first appears in the corpus (the order scikit-learn's CountVectorizer leaves them in).
    /// Chunks write straight into the final arrays: no second copy of the matrix is ever held.
    pub fn to_csr(&self, columns: &[i64], n_cols: usize, binary: bool, first_seen_order: bool, n_jobs: Option<usize>) -> Csr<i64> {
        let first_seen = &self.vocabulary.first_seen;
        parallel::install(n_jobs, || {
            // Per chunk, per local term: its sort key and column.
            let keyed: Vec<Vec<(u64, i64)>> = self
                .vocabulary
                .local_to_global
                .par_iter()
                .map(|map| {
                    map.iter()
                        .map(|&global| {
                            let column = columns[global as usize];
                            (if first_seen_order { first_seen[global as usize] } else { column as u64 }, column)
                        })
                        .collect()
                })
                .collect();
            // Row lengths after pruning, then offsets: every chunk knows where its rows go.
            let mut indptr = vec![0i64; self.n_docs + 1];
            let mut row = 0;
            for (chunk, keys) in self.chunks.iter().zip(&keyed) {
                for doc in chunk.doc_bounds.windows(2) {
                    let kept = chunk.ids[doc[0]..doc[1]].iter().filter(|&&id| keys[id as usize].1 >= 0).count();
                    indptr[row + 1] = indptr[row] + kept as i64;
                    row += 1;
                }
            }
            let nnz = indptr[self.n_docs] as usize;
            let mut indices = vec![0i32; nnz];
            let mut data = vec![0i64; nnz];
            let mut parts = Vec::with_capacity(self.chunks.len());
            let (mut rest_indices, mut rest_data, mut first_row) = (indices.as_mut_slice(), data.as_mut_slice(), 0);
            for chunk in &self.chunks {
                let rows = chunk.doc_bounds.len() - 1;
                let size = (indptr[first_row + rows] - indptr[first_row]) as usize;
                let (mine, tail) = rest_indices.split_at_mut(size);
                let (mine_data, tail_data) = rest_data.split_at_mut(size);
                parts.push((mine, mine_data));
                rest_indices = tail;
                rest_data = tail_data;
                first_row += rows;
            }
            self.chunks.par_iter().zip(&keyed).zip(parts).for_each(|((chunk, keys), (out_indices, out_data))| {
                let mut pairs: Vec<(u64, i32, i64)> = Vec::new();
                let mut at = 0;
                for doc in chunk.doc_bounds.windows(2) {
                    pairs.clear();
                    for k in doc[0]..doc[1] {
                        let (key, column) = keys[chunk.ids[k] as usize];
                        if column >= 0 {
                            pairs.push((key, column as i32, if binary { 1 } else { chunk.counts[k] as i64 }));
                        }
                    }
                    pairs.sort_unstable_by_key(|p| p.0);
                    for &(_, column, count) in &pairs {
                        out_indices[at] = column;
                        out_data[at] = count;
                        at += 1;
                    }
                }
            });
            Csr { indptr, indices, data, n_cols }
        })
    }
}

/// Build a matrix on all threads, one row per document: blocks of documents (balanced by
/// `weights`) each get a `state` from `new_state`, `row(state, doc, pairs)` fills the row's
/// (column, value) pairs in column order, and the blocks are joined in document order.
pub fn build_rows<T, S, A>(weights: &[usize], n_cols: usize, n_jobs: Option<usize>, new_state: impl Fn() -> S + Sync, row: &A) -> Csr<T>
where
    T: Copy + Send,
    A: Fn(&mut S, usize, &mut Vec<(i32, T)>) + Sync,
{
    let blocks = parallel::install(n_jobs, || {
        let parts = rayon::current_num_threads() * 4;
        balanced_ranges(weights, parts)
            .into_par_iter()
            .map(|docs| {
                let mut block = Csr { indptr: vec![0], indices: Vec::new(), data: Vec::new(), n_cols };
                let mut state = new_state();
                let mut pairs = Vec::new();
                for doc in docs {
                    pairs.clear();
                    row(&mut state, doc, &mut pairs);
                    for &(column, value) in &pairs {
                        block.indices.push(column);
                        block.data.push(value);
                    }
                    block.indptr.push(block.indices.len() as i64);
                }
                block
            })
            .collect()
    });
    Csr::concat(blocks, n_cols)
}

/// Counts of the terms of a fixed vocabulary (`vocabulary[term]` = column); others are ignored.
pub fn count_fixed<A>(weights: &[usize], analyze: &A, vocabulary: &FxHashMap<Box<str>, u32>, n_cols: usize, n_jobs: Option<usize>) -> Csr<i64>
where
    A: Fn(usize, &mut dyn FnMut(&str)) + Sync,
{
    // Per block: counts by column (reused), and the columns a document touched.
    let new_state = || (vec![0i64; n_cols], Vec::<i32>::new());
    let row = |(scratch, touched): &mut (Vec<i64>, Vec<i32>), doc: usize, pairs: &mut Vec<(i32, i64)>| {
        analyze(doc, &mut |term: &str| {
            if let Some(&column) = vocabulary.get(term) {
                if scratch[column as usize] == 0 {
                    touched.push(column as i32);
                }
                scratch[column as usize] += 1;
            }
        });
        for &column in touched.iter() {
            pairs.push((column, scratch[column as usize]));
            scratch[column as usize] = 0;
        }
        touched.clear();
        pairs.sort_unstable_by_key(|p| p.0);
    };
    build_rows(weights, n_cols, n_jobs, new_state, &row)
}

#[cfg(test)]
mod tests {
    use super::Csr;

    #[test]
    fn from_parts_checks_offsets_and_columns() {
        let ok = Csr::from_parts(vec![0, 1, 2], &[0, 2], vec![1i64, 1], 3).unwrap();
        assert_eq!((ok.n_rows(), ok.indices.clone()), (2, vec![0, 2]));
        let bad: [(Vec<i64>, Vec<i64>, usize, &str); 6] = [
            (vec![], vec![], 3, "indptr"),
            (vec![1, 2], vec![0, 1], 3, "indptr"),
            (vec![0, 2, 1], vec![0, 1], 3, "indptr"),
            (vec![0, 1], vec![0, 1], 3, "indptr"),
            (vec![0, 2], vec![0, 3], 3, "indices"),
            (vec![0, 2], vec![-1, 0], 3, "indices"),
        ];
        for (indptr, indices, n_cols, name) in bad {
            let data = vec![1i64; indices.len()];
            let err = Csr::from_parts(indptr.clone(), &indices, data, n_cols).unwrap_err();
            assert_eq!(err.source_name(), name, "{indptr:?} {indices:?}: {err}");
        }
    }
}
