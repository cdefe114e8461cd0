//! Term ids of n-grams made from token ids: a document's tokens are interned once, and each
//! n-gram is looked up by its n token ids, never written out as a string. A term's text
//! ("new york") is made once, the first time its n-gram appears in a chunk.

use super::interner::Interner;
use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::hash::{BuildHasher, Hasher};

/// A slot of a sequence table: the first two ids of the sequence (all of a pair, the most
/// asked-for n-gram, compared without leaving the table), the sequence's number and its term
/// id (in the slot, so a pair seen before costs one visit to the table and nothing else).
#[derive(Clone, Copy)]
struct Slot {
    head: u64,
    entry: u32,
    term: u32,
}

fn head_of(ids: &[u32]) -> u64 {
    (ids[0] as u64) << 32 | ids[1] as u64
}

/// Distinct sequences of `n` (at least 2) token ids, numbered in order of first appearance.
struct Sequences {
    n: usize,
    table: HashTable<Slot>,
    /// The ids of sequence i after its first two: `keys[i * (n - 2)..(i + 1) * (n - 2)]`.
    keys: Vec<u32>,
    /// Sequence → its hash (for the table's growth); sequences are numbered by their place here.
    hashes: Vec<u64>,
}

fn hash_ids(ids: &[u32]) -> u64 {
    let mut hasher = FixedState::default().build_hasher();
    hasher.write_u64(head_of(ids));
    for &id in &ids[2..] {
        hasher.write_u32(id);
    }
    hasher.finish()
}

impl Sequences {
    fn new(n: usize) -> Sequences {
        Sequences { n, table: HashTable::new(), keys: Vec::new(), hashes: Vec::new() }
    }

    /// The term id of `ids`, or `new_term()`'s the first time they are seen.
    fn term(&mut self, ids: &[u32], new_term: impl FnOnce() -> u32) -> u32 {
        let (n, hash, head) = (self.n, hash_ids(ids), head_of(ids));
        let keys = &self.keys;
        let same = |slot: &Slot| slot.head == head && (n == 2 || keys[slot.entry as usize * (n - 2)..][..n - 2] == ids[2..]);
        if let Some(slot) = self.table.find(hash, same) {
            return slot.term;
        }
        let entry = self.hashes.len() as u32;
        let term = new_term();
        self.keys.extend_from_slice(&ids[2..]);
        self.hashes.push(hash);
        let hashes = &self.hashes;
        self.table.insert_unique(hash, Slot { head, entry, term }, |slot| hashes[slot.entry as usize]);
        term
    }
}

/// The n-gram terms of one chunk of documents, for `min_n..=max_n`.
pub struct NgramTerms {
    min_n: usize,
    words: Interner,
    /// Word id → term id of the word alone (u32::MAX until it is counted as a term).
    unigrams: Vec<u32>,
    /// Sequences of n words, for n = 2..=max_n.
    longer: Vec<Sequences>,
    terms: Vec<Box<str>>,
    /// The current document's word ids.
    doc: Vec<u32>,
    text: String,
}

impl NgramTerms {
    pub fn new((min_n, max_n): (usize, usize)) -> NgramTerms {
        NgramTerms {
            min_n,
            words: Interner::default(),
            unigrams: Vec::new(),
            longer: (2..=max_n.max(1)).map(Sequences::new).collect(),
            terms: Vec::new(),
            doc: Vec::new(),
            text: String::new(),
        }
    }

    /// Start a document: its words, in order.
    pub fn add_word(&mut self, word: &str) {
        let id = self.words.intern(word);
        self.doc.push(id);
    }

    /// The term ids of the document's n-grams, in scikit-learn's order (all words, then all
    /// pairs, ...), then forget the document.
    pub fn finish_document(&mut self, emit: &mut dyn FnMut(u32)) {
        let max_n = self.longer.len() + 1;
        for n in self.min_n..=max_n.min(self.doc.len()) {
            if n == 1 {
                for &word in &self.doc {
                    let word = word as usize;
                    if word >= self.unigrams.len() {
                        self.unigrams.resize(word + 1, u32::MAX);
                    }
                    if self.unigrams[word] == u32::MAX {
                        self.unigrams[word] = self.terms.len() as u32;
                        self.terms.push(self.words.get(word as u32).into());
                    }
                    emit(self.unigrams[word]);
                }
                continue;
            }
            let (words, terms, text) = (&self.words, &mut self.terms, &mut self.text);
            let sequences = &mut self.longer[n - 2];
            for window in self.doc.windows(n) {
                let term = sequences.term(window, || {
                    text.clear();
                    for (i, &word) in window.iter().enumerate() {
                        if i > 0 {
                            text.push(' ');
                        }
                        text.push_str(words.get(word));
                    }
                    terms.push(text.as_str().into());
                    terms.len() as u32 - 1
                });
                emit(term);
            }
        }
        self.doc.clear();
    }

    /// The terms, by id.
    pub fn into_terms(self) -> Vec<Box<str>> {
        self.terms
    }
}

#[cfg(test)]
mod tests {
    use super::NgramTerms;

    fn terms_of(range: (usize, usize), docs: &[&str]) -> (Vec<Vec<u32>>, Vec<Box<str>>) {
        let mut ngrams = NgramTerms::new(range);
        let mut ids = Vec::new();
        for doc in docs {
            doc.split(' ').for_each(|w| ngrams.add_word(w));
            let mut row = Vec::new();
            ngrams.finish_document(&mut |id| row.push(id));
            ids.push(row);
        }
        (ids, ngrams.into_terms())
    }

    #[test]
    fn ids_follow_first_appearance_of_each_term() {
        let (ids, terms) = terms_of((1, 2), &["a b a b", "b a c"]);
        let text = |row: &Vec<u32>| row.iter().map(|&i| terms[i as usize].to_string()).collect::<Vec<_>>();
        assert_eq!(text(&ids[0]), ["a", "b", "a", "b", "a b", "b a", "a b"]);
        assert_eq!(text(&ids[1]), ["b", "a", "c", "b a", "a c"]);
        assert_eq!(&*terms, ["a", "b", "a b", "b a", "c", "a c"].map(Box::from));
    }

    #[test]
    fn longer_ranges_and_short_documents() {
        let (ids, terms) = terms_of((2, 3), &["x y z", "x"]);
        assert_eq!(&*terms, ["x y", "y z", "x y z"].map(Box::from));
        assert!(ids[1].is_empty(), "a one-word document has no pair");
    }
}
