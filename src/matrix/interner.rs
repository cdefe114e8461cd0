//! Terms to dense integer ids. The table holds only ids (4 bytes a slot, so it stays in cache);
//! the terms sit one after another in an arena, compared only when hashes meet.

use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::hash::BuildHasher;

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

#[derive(Default)]
pub struct Interner {
    table: HashTable<u32>,
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
        let hash = FixedState::default().hash_one(term);
        let (arena, spans) = (&self.arena, &self.spans);
        let same = |&id: &u32| {
            let (start, len) = spans[id as usize];
            len as usize == term.len() && same_bytes(&arena.as_bytes()[start..start + len as usize], term.as_bytes())
        };
        if let Some(&id) = self.table.find(hash, same) {
            return id;
        }
        // Ids are u32 (the matrix's column indices); past 4 billion distinct terms they would wrap.
        let id = u32::try_from(self.spans.len()).expect("more than 4 billion distinct terms in one count");
        let len = u32::try_from(term.len()).expect("a term longer than an article can be");
        self.spans.push((self.arena.len(), len));
        self.arena.push_str(term);
        self.hashes.push(hash);
        let hashes = &self.hashes;
        self.table.insert_unique(hash, id, |&other| hashes[other as usize]);
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
