//! The corpus vocabulary: chunk vocabularies merged into one sorted list (code point order,
//! as Python sorts str), with document and term frequencies.

use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The first 8 bytes of a term, big-endian, zero-padded: orders like the bytes themselves.
fn prefix_key(term: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = term.len().min(8);
    bytes[..n].copy_from_slice(&term.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

pub struct Vocabulary {
    /// Sorted terms; a term's index is its column before any pruning.
    pub terms: Vec<Box<str>>,
    pub document_frequency: Vec<u64>,
    /// For each chunk, local term id → index in `terms`.
    pub local_to_global: Vec<Vec<u32>>,
    /// Where each term first appears in the corpus: (chunk << 32) | id in that chunk. Chunks are
    /// runs of documents in order and local ids follow first appearance, so this orders terms
    /// as scikit-learn's growing vocabulary numbers them.
    pub first_seen: Vec<u64>,
}

/// What the merge reads of one chunk of counted documents: its local terms and how many of
/// its documents hold each. (Counting depends on the vocabulary, not the other way round.)
pub struct ChunkTerms<'a> {
    pub terms: &'a [Box<str>],
    pub document_frequency: &'a [u32],
}

impl Vocabulary {
    /// Sort each chunk's terms (in parallel), then merge the sorted lists.
    pub fn merge(chunks: &[ChunkTerms<'_>]) -> Vocabulary {
        let orders: Vec<Vec<u32>> = chunks
            .par_iter()
            .map(|chunk| {
                // Sort on the first 8 bytes as an integer; compare whole strings only on ties.
                let mut keyed: Vec<(u64, u32)> = chunk.terms.iter().enumerate().map(|(i, t)| (prefix_key(t), i as u32)).collect();
                keyed.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| chunk.terms[a.1 as usize].cmp(&chunk.terms[b.1 as usize])));
                keyed.into_iter().map(|(_, i)| i).collect::<Vec<u32>>()
            })
            .collect();
        let mut local_to_global: Vec<Vec<u32>> = chunks.iter().map(|c| vec![0; c.terms.len()]).collect();
        let mut terms: Vec<Box<str>> = Vec::with_capacity(chunks.iter().map(|c| c.terms.len()).max().unwrap_or(0));
        let mut document_frequency: Vec<u64> = Vec::with_capacity(terms.capacity());
        let mut first_seen: Vec<u64> = Vec::with_capacity(terms.capacity());
        let mut heads: BinaryHeap<Reverse<(&str, usize, usize)>> = BinaryHeap::new();
        for (c, order) in orders.iter().enumerate() {
            if let Some(&first) = order.first() {
                heads.push(Reverse((&chunks[c].terms[first as usize], c, 0)));
            }
        }
        while let Some(Reverse((term, c, position))) = heads.pop() {
            let local = orders[c][position] as usize;
            if terms.last().map(|t| &**t) != Some(term) {
                terms.push(term.into());
                document_frequency.push(0);
                // Equal terms pop in chunk order: the first one is where the term first appears.
                first_seen.push(((c as u64) << 32) | local as u64);
            }
            let global = terms.len() - 1;
            local_to_global[c][local] = global as u32;
            document_frequency[global] += chunks[c].document_frequency[local] as u64;
            if let Some(&next) = orders[c].get(position + 1) {
                heads.push(Reverse((&chunks[c].terms[next as usize], c, position + 1)));
            }
        }
        Vocabulary { terms, document_frequency, local_to_global, first_seen }
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}
