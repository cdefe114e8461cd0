//! Terms to dense integer ids. A slot of the table holds a term's id, length and first 8 bytes,
//! so short terms are compared in the slot; longer ones sit one after another in an arena.

use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::hash::{BuildHasher, Hasher};

/// Equal slices of equal length; short ones (most words) compared as two integers, inline,
/// where a call to memcmp would cost more than the comparison.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if (8..=16).contains(&n) {
        let head = |s: &[u8]| u64::from_le_bytes(s[..8].try_into().unwrap());
        let tail = |s: &[u8]| u64::from_le_bytes(s[n - 8..].try_into().unwrap());
        return head(a) == head(b) && tail(a) == tail(b);
    }
    if n < 8 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    a == b
}

/// A slot of the table: a term's id, its length and its first 8 bytes (zero-padded). Most
/// words are at most 8 bytes: they are compared in the slot, without reading the arena.
#[derive(Clone, Copy)]
struct Slot {
    id: u32,
    len: u32,
    head: u64,
}

/// The first 8 bytes of `bytes`, zero-padded.
#[inline]
fn head_of(bytes: &[u8]) -> u64 {
    if bytes.len() >= 8 {
        return u64::from_le_bytes(bytes[..8].try_into().unwrap());
    }
    let mut padded = [0u8; 8];
    padded[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(padded)
}

#[derive(Default)]
pub struct Interner {
    table: HashTable<Slot>,
    hashes: Vec<u64>,
    arena: String,
    /// Start in the arena (a `usize`: one chunk's bigrams can pass 4 GiB of term text) and
    /// length (a term is a slice of one article, which offsets limit to 4 GiB).
    spans: Vec<(usize, u32)>,
}

impl Interner {
    pub fn get(&self, id: u32) -> &str {
        let (start, len) = self.spans[id as usize];
        &self.arena[start..start + len as usize]
    }

    /// The id of `term`, given a new one the first time it is seen (ids count up from 0).
    pub fn intern(&mut self, term: &str) -> u32 {
        // One write of the bytes: `Hash for str` would add a terminator, a second round.
        let mut hasher = FixedState::default().build_hasher();
        hasher.write(term.as_bytes());
        let hash = hasher.finish();
        let bytes = term.as_bytes();
        let head = head_of(bytes);
        // Ids are u32 (the matrix's column indices); a term is a slice of one article, which
        // offsets limit to 4 GiB.
        let len = u32::try_from(term.len()).expect("a term longer than an article can be");
        let (arena, spans) = (&self.arena, &self.spans);
        let same = |slot: &Slot| {
            slot.len == len
                && slot.head == head
                && (len <= 8 || {
                    let start = spans[slot.id as usize].0;
                    same_bytes(&arena.as_bytes()[start + 8..start + len as usize], &bytes[8..])
                })
        };
        if let Some(slot) = self.table.find(hash, same) {
            return slot.id;
        }
        // Past 4 billion distinct terms, ids would wrap.
        let id = u32::try_from(self.spans.len()).expect("more than 4 billion distinct terms in one count");
        self.spans.push((self.arena.len(), len));
        self.arena.push_str(term);
        self.hashes.push(hash);
        let hashes = &self.hashes;
        self.table.insert_unique(hash, Slot { id, len, head }, |slot| hashes[slot.id as usize]);
        id
    }

    /// The terms, by id.
    pub fn into_terms(self) -> Vec<Box<str>> {
        (0..self.spans.len() as u32).map(|id| Box::from(self.get(id))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Interner;

    #[test]
    fn ids_follow_first_appearance() {
        let mut interner = Interner::default();
        let ids: Vec<u32> = ["b", "a", "b", "été", "a"].iter().map(|t| interner.intern(t)).collect();
        assert_eq!(ids, [0, 1, 0, 2, 1]);
        assert_eq!(interner.get(2), "été");
        assert_eq!(interner.into_terms(), vec![Box::from("b"), Box::from("a"), Box::from("été")]);
    }
}
