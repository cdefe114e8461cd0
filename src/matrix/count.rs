//! Counting terms per document, in parallel chunks of documents, without a string allocation
//! per token: each chunk interns its terms once and counts into a reused scratch array.

use super::interner::Interner;
use super::ngrams::NgramTerms;
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

/// How one chunk turns its documents into dense term ids (numbered from 0 in order of first
/// appearance), and gives the terms' text at the end.
trait ChunkTermIds {
    fn each_term(&mut self, doc: usize, emit: &mut dyn FnMut(u32));
    fn into_terms(self) -> Vec<Box<str>>;
}

/// Terms given as text by an analyzer, interned.
struct AnalyzedTerms<'a, A> {
    analyze: &'a A,
    index: Interner,
}

impl<A: Fn(usize, &mut dyn FnMut(&str))> ChunkTermIds for AnalyzedTerms<'_, A> {
    fn each_term(&mut self, doc: usize, emit: &mut dyn FnMut(u32)) {
        let index = &mut self.index;
        (self.analyze)(doc, &mut |term: &str| emit(index.intern(term)));
    }

    fn into_terms(self) -> Vec<Box<str>> {
        self.index.into_terms()
    }
}

/// N-grams of the words an analyzer gives, by word ids (`NgramTerms`).
struct WordNgrams<'a, T> {
    words: &'a T,
    ngrams: NgramTerms,
}

impl<T: Fn(usize, &mut dyn FnMut(&str))> ChunkTermIds for WordNgrams<'_, T> {
    fn each_term(&mut self, doc: usize, emit: &mut dyn FnMut(u32)) {
        let ngrams = &mut self.ngrams;
        (self.words)(doc, &mut |word: &str| ngrams.add_word(word));
        ngrams.finish_document(emit);
    }

    fn into_terms(self) -> Vec<Box<str>> {
        self.ngrams.into_terms()
    }
}

fn count_chunk(docs: Range<usize>, mut source: impl ChunkTermIds) -> ChunkCounts {
    let mut scratch: Vec<u32> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut chunk =
        ChunkCounts { terms: Vec::new(), document_frequency: Vec::new(), doc_bounds: Vec::with_capacity(docs.len() + 1), ids: Vec::new(), counts: Vec::new() };
    chunk.doc_bounds.push(0);
    for doc in docs {
        source.each_term(doc, &mut |id: u32| {
            let id = id as usize;
            // Ids are dense: a new one is the next.
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
    chunk.terms = source.into_terms();
    chunk
}

/// Count chunks made on `n_jobs` threads, one per thread, and merge their vocabularies.
fn count_chunks<S: ChunkTermIds>(weights: &[usize], n_jobs: Option<usize>, source: impl Fn() -> S + Sync) -> CorpusCounts {
    parallel::install(n_jobs, || {
        let threads = rayon::current_num_threads();
        // One chunk per thread keeps the vocabularies to merge few; more would balance better.
        let ranges = balanced_ranges(weights, threads);
        let chunks: Vec<ChunkCounts> = ranges.into_par_iter().map(|r| count_chunk(r, source())).collect();
        let terms: Vec<ChunkTerms> = chunks.iter().map(|c| ChunkTerms { terms: &c.terms, document_frequency: &c.document_frequency }).collect();
        let vocabulary = Vocabulary::merge(&terms);
        CorpusCounts { chunks, vocabulary, n_docs: weights.len() }
    })
}

/// Count the terms of `n_docs` documents on `n_jobs` threads. `analyze(doc, emit)` calls `emit`
/// with every term of document `doc`; `weights` (bytes of text) balance the chunks.
pub fn count_corpus<A>(weights: &[usize], analyze: &A, n_jobs: Option<usize>) -> CorpusCounts
where
    A: Fn(usize, &mut dyn FnMut(&str)) + Sync,
{
    count_chunks(weights, n_jobs, || AnalyzedTerms { analyze, index: Interner::default() })
}

/// Count the word n-grams (`ngram_range`, scikit-learn's order) of `n_docs` documents:
/// `words(doc, emit)` calls `emit` with every word of document `doc`. The same counts as
/// `count_corpus` with n-grams written out as text joined by spaces, when no word holds a space
/// (two sequences of words would otherwise join to one text).
pub fn count_word_ngrams<T>(weights: &[usize], words: &T, ngram_range: (usize, usize), n_jobs: Option<usize>) -> CorpusCounts
where
    T: Fn(usize, &mut dyn FnMut(&str)) + Sync,
{
    count_chunks(weights, n_jobs, || WordNgrams { words, ngrams: NgramTerms::new(ngram_range) })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::matrix::{SklearnAnalyzer, StripAccents, TokenPattern};

    #[test]
    fn ngrams_by_word_ids_count_as_ngrams_written_out() {
        let docs = ["Le port de Brest rouvre, le port de Lorient attend.", "", "Brest", "The port of Brest; the port reopens. Brest port"];
        let stop = Some(vec!["the".to_string(), "de".to_string()]);
        for range in [(1, 2), (2, 3), (1, 4)] {
            let analyzer = SklearnAnalyzer::new(true, StripAccents::None, TokenPattern::Default, range, stop.clone()).unwrap();
            let weights: Vec<usize> = docs.iter().map(|d| d.len()).collect();
            let written = |doc: usize, emit: &mut dyn FnMut(&str)| analyzer.terms(docs[doc], &mut Default::default(), emit);
            let words = |doc: usize, emit: &mut dyn FnMut(&str)| analyzer.words(docs[doc], emit);
            for threads in [1, 2] {
                let (a, b) = (count_corpus(&weights, &written, Some(threads)), count_word_ngrams(&weights, &words, range, Some(threads)));
                assert_eq!(a.vocabulary.terms, b.vocabulary.terms, "{range:?}");
                assert_eq!(a.vocabulary.first_seen, b.vocabulary.first_seen, "{range:?}");
                let columns: Vec<i64> = (0..a.vocabulary.len() as i64).collect();
                assert_eq!(a.to_csr(&columns, columns.len(), false, true, Some(1)), b.to_csr(&columns, columns.len(), false, true, Some(1)));
            }
        }
    }

    #[test]
    fn ranges_cover_everything() {
        let ranges = balanced_ranges(&[5, 1, 1, 1, 5, 1, 1, 1], 2);
        assert_eq!(ranges, vec![0..4, 4..8]);
        assert_eq!(balanced_ranges(&[], 3), vec![0..0]);
        assert_eq!(balanced_ranges(&[1], 4), vec![0..1]);
    }
}
