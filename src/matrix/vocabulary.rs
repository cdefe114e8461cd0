//! The corpus vocabulary: chunk vocabularies merged into one sorted list (code point order,
//! as Python sorts str), with document and term frequencies.

use rayon::prelude::*;

/// The first 16 bytes of a term, big-endian, zero-padded: orders like the bytes themselves
/// (ties, rare, are broken on the whole term).
fn prefix_key(term: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = term.len().min(16);
    bytes[..n].copy_from_slice(&term.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
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
    /// Sort every chunk's terms together (in parallel), equal terms in chunk order, then walk
    /// the sorted list once.
    pub fn merge(chunks: &[ChunkTerms<'_>]) -> Vocabulary {
        let term_of = |&(_, c, local): &(u128, u32, u32)| &*chunks[c as usize].terms[local as usize];
        let mut keyed: Vec<(u128, u32, u32)> = Vec::with_capacity(chunks.iter().map(|c| c.terms.len()).sum());
        for (c, chunk) in chunks.iter().enumerate() {
            keyed.extend(chunk.terms.iter().enumerate().map(|(i, t)| (prefix_key(t), c as u32, i as u32)));
        }
        // Sort on the first 16 bytes as an integer; compare whole terms only on ties.
        keyed.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| term_of(a).cmp(term_of(b))).then(a.1.cmp(&b.1)));
        let mut local_to_global: Vec<Vec<u32>> = chunks.iter().map(|c| vec![0; c.terms.len()]).collect();
        let mut terms: Vec<Box<str>> = Vec::with_capacity(chunks.iter().map(|c| c.terms.len()).max().unwrap_or(0));
        let mut document_frequency: Vec<u64> = Vec::with_capacity(terms.capacity());
        let mut first_seen: Vec<u64> = Vec::with_capacity(terms.capacity());
        for entry in &keyed {
            let (_, c, local) = *entry;
            let term = term_of(entry);
            if terms.last().map(|t| &**t) != Some(term) {
                terms.push(term.into());
                document_frequency.push(0);
                // Equal terms come in chunk order: the first one is where the term first appears.
                first_seen.push(((c as u64) << 32) | local as u64);
            }
            let global = terms.len() - 1;
            local_to_global[c as usize][local as usize] = global as u32;
            document_frequency[global] += chunks[c as usize].document_frequency[local as usize] as u64;
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
