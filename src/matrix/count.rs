//! Counting terms per document, in parallel chunks of documents, without a string allocation
//! per token: each chunk interns its terms once and counts into a reused scratch array.

use super::interner::Interner;
use super::vocabulary::{ChunkTerms, Vocabulary};
use crate::parallel;
use rayon::prelude::*;
use std::ops::Range;

/// The terms of one chunk of documents and, per document, (local term id, count) pairs.
pub struct ChunkCounts {
    /// Local term id → term.
    pub terms: Vec<Box<str>>,
    /// Local term id → number of documents of the chunk that hold it.
    pub document_frequency: Vec<u32>,
    /// Document i of the chunk owns `ids[doc_bounds[i]..doc_bounds[i + 1]]`.
    pub doc_bounds: Vec<usize>,
    pub ids: Vec<u32>,
    pub counts: Vec<u32>,
}

/// Per-document term counts of a whole corpus, with the merged, sorted vocabulary.
pub struct CorpusCounts {
    pub chunks: Vec<ChunkCounts>,
    pub vocabulary: Vocabulary,
    pub n_docs: usize,
}

/// Splits `0..n` into about `parts` ranges of similar weight (bytes of text, say).
pub fn balanced_ranges(weights: &[usize], parts: usize) -> Vec<Range<usize>> {
    let total: usize = weights.iter().sum::<usize>().max(1);
    let parts = parts.max(1);
    let mut ranges = Vec::with_capacity(parts);
    let (mut start, mut acc) = (0, 0usize);
    for (i, w) in weights.iter().enumerate() {
        acc += w;
        if acc * parts >= total * (ranges.len() + 1) && ranges.len() + 1 < parts {
            ranges.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < weights.len() || ranges.is_empty() {
        ranges.push(start..weights.len());
    }
    ranges
}

fn count_chunk<A>(docs: Range<usize>, analyze: &A) -> ChunkCounts
where
    A: Fn(usize, &mut dyn FnMut(&str)) + Sync,
{
    let mut index = Interner::default();
    let mut scratch: Vec<u32> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut chunk =
        ChunkCounts { terms: Vec::new(), document_frequency: Vec::new(), doc_bounds: Vec::with_capacity(docs.len() + 1), ids: Vec::new(), counts: Vec::new() };
    chunk.doc_bounds.push(0);
    for doc in docs {
        analyze(doc, &mut |term: &str| {
            let id = index.intern(term) as usize;
            if id == scratch.len() {
                scratch.push(0);
            }
            if scratch[id] == 0 {
                touched.push(id as u32);
            }
            scratch[id] += 1;
        });
        chunk.document_frequency.resize(scratch.len(), 0);
        for &id in &touched {
            chunk.ids.push(id);
            chunk.counts.push(scratch[id as usize]);
            chunk.document_frequency[id as usize] += 1;
            scratch[id as usize] = 0;
        }
        touched.clear();
        chunk.doc_bounds.push(chunk.ids.len());
    }
    chunk.terms = index.into_terms();
    chunk
}

/// Count the terms of `n_docs` documents on `n_jobs` threads. `analyze(doc, emit)` calls `emit`
/// with every term of document `doc`; `weights` (bytes of text) balance the chunks.
pub fn count_corpus<A>(weights: &[usize], analyze: &A, n_jobs: Option<usize>) -> CorpusCounts
where
    A: Fn(usize, &mut dyn FnMut(&str)) + Sync,
{
    parallel::install(n_jobs, || {
        let threads = rayon::current_num_threads();
        // One chunk per thread keeps the vocabularies to merge few; more would balance better.
        let ranges = balanced_ranges(weights, threads);
        let chunks: Vec<ChunkCounts> = ranges.into_par_iter().map(|r| count_chunk(r, analyze)).collect();
        let terms: Vec<ChunkTerms> = chunks.iter().map(|c| ChunkTerms { terms: &c.terms, document_frequency: &c.document_frequency }).collect();
        let vocabulary = Vocabulary::merge(&terms);
        CorpusCounts { chunks, vocabulary, n_docs: weights.len() }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_everything() {
        let ranges = balanced_ranges(&[5, 1, 1, 1, 5, 1, 1, 1], 2);
        assert_eq!(ranges, vec![0..4, 4..8]);
        assert_eq!(balanced_ranges(&[], 3), vec![0..0]);
        assert_eq!(balanced_ranges(&[1], 4), vec![0..1]);
    }
}
