//! Term × term co-occurrence inside sentences.

use super::csr::Csr;
use crate::parallel;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Sentences longer than this (in terms) count co-occurrence over their first part only: the
/// work per sentence stays bounded on text without sentence punctuation.
pub const MAX_SENTENCE_TERMS: usize = 256;

/// Symmetric counts: with `window` None, of the sentences in which two terms both appear (the
/// diagonal: sentences holding the term); with `window` k, of the times two terms stand at most
/// k terms apart in a sentence. `sentences(doc, each)` gives each sentence as column ids.
pub fn cooccurrence<S>(n_docs: usize, n_terms: usize, window: Option<usize>, sentences: &S, n_jobs: Option<usize>) -> Csr<i64>
where
    S: Fn(usize, &mut dyn FnMut(&[u32])) + Sync,
{
    let pairs: FxHashMap<(u32, u32), i64> = parallel::install(n_jobs, || {
        (0..n_docs)
            .into_par_iter()
            .fold(FxHashMap::default, |mut pairs, doc| {
                sentences(doc, &mut |ids| count_sentence(ids, window, &mut pairs));
                pairs
            })
            .reduce(FxHashMap::default, |mut a, b| {
                for (pair, count) in b {
                    *a.entry(pair).or_insert(0) += count;
                }
                a
            })
    });
    let mut rows: Vec<Vec<(i32, i64)>> = vec![Vec::new(); n_terms];
    for ((a, b), count) in pairs {
        rows[a as usize].push((b as i32, count));
        if a != b {
            rows[b as usize].push((a as i32, count));
        }
    }
    let mut csr = Csr { indptr: vec![0], indices: Vec::new(), data: Vec::new(), n_cols: n_terms };
    for mut row in rows {
        row.sort_unstable_by_key(|p| p.0);
        for (column, count) in row {
            csr.indices.push(column);
            csr.data.push(count);
        }
        csr.indptr.push(csr.indices.len() as i64);
    }
    csr
}

fn count_sentence(ids: &[u32], window: Option<usize>, pairs: &mut FxHashMap<(u32, u32), i64>) {
    let ids = &ids[..ids.len().min(MAX_SENTENCE_TERMS)];
    let mut add = |a: u32, b: u32| *pairs.entry((a.min(b), a.max(b))).or_insert(0) += 1;
    match window {
        None => {
            let mut unique = ids.to_vec();
            unique.sort_unstable();
            unique.dedup();
            for (i, &a) in unique.iter().enumerate() {
                for &b in &unique[i..] {
                    add(a, b);
                }
            }
        }
        Some(k) => {
            for (i, &a) in ids.iter().enumerate() {
                for &b in ids.iter().skip(i + 1).take(k) {
                    add(a, b);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_and_window_counts() {
        let docs = [vec![vec![0u32, 1, 2, 1]], vec![vec![1, 2]]];
        let sentences = |doc: usize, each: &mut dyn FnMut(&[u32])| docs[doc].iter().for_each(|s| each(s));
        let by_sentence = cooccurrence(2, 3, None, &sentences, Some(1));
        assert_eq!(by_sentence.indices, [0, 1, 2, 0, 1, 2, 0, 1, 2]);
        assert_eq!(by_sentence.data, [1, 1, 1, 1, 2, 2, 1, 2, 2]);
        let adjacent = cooccurrence(2, 3, Some(1), &sentences, Some(1));
        // pairs: (0,1), (1,2), (2,1), (1,2) → 0-1: 1, 1-2: 3
        assert_eq!(adjacent.indices, [1, 0, 2, 1]);
        assert_eq!(adjacent.data, [1, 1, 3, 3]);
    }
}
