//! What was computed for a word, kept from text to text: most tokens of news are words seen
//! before ("the", "de", "said"). A direct-mapped table keyed by the word's bytes: a lookup is
//! one slot and one short comparison, and a new word simply takes its slot's place.

/// Words longer than this are not kept (they are rare, and keys stay inline).
const CACHED_BYTES: usize = 23;
const SLOTS: usize = 1 << 12;

#[derive(Clone, Copy, Default)]
struct Entry<V> {
    len: u8,
    bytes: [u8; CACHED_BYTES],
    value: V,
}

/// Values of type `V` by word.
pub struct WordCache<V> {
    entries: Vec<Entry<V>>,
}

impl<V: Copy + Default> Default for WordCache<V> {
    fn default() -> Self {
        WordCache { entries: vec![Entry::default(); SLOTS] }
    }
}

impl<V: Copy + Default> WordCache<V> {
    /// `hash`: the hash of the word's bytes (its top bits choose the slot).
    fn slot(hash: u64) -> usize {
        (hash >> 52) as usize & (SLOTS - 1)
    }

    /// The word's value when its slot holds the same bytes (length 0 marks an empty slot).
    pub fn get(&self, word: &str, hash: u64) -> Option<&V> {
        let entry = &self.entries[Self::slot(hash)];
        let len = entry.len as usize;
        (len != 0 && len == word.len() && &entry.bytes[..len] == word.as_bytes()).then_some(&entry.value)
    }

    /// Keeps `value` for `word` (not kept for an empty or long word).
    pub fn put(&mut self, word: &str, hash: u64, value: V) {
        if (1..=CACHED_BYTES).contains(&word.len()) {
            let entry = &mut self.entries[Self::slot(hash)];
            entry.len = word.len() as u8;
            entry.bytes[..word.len()].copy_from_slice(word.as_bytes());
            entry.value = value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_word_until_another_takes_its_slot() {
        let mut cache = WordCache::<u32>::default();
        cache.put("said", 7 << 52, 1);
        assert_eq!(cache.get("said", 7 << 52), Some(&1));
        assert_eq!(cache.get("sai", 7 << 52), None, "same slot, other word");
        cache.put("told", 7 << 52, 2);
        assert_eq!(cache.get("said", 7 << 52), None);
        assert_eq!(cache.get("told", 7 << 52), Some(&2));
        cache.put("a-word-far-longer-than-a-slot-holds", 9 << 52, 3);
        assert_eq!(cache.get("a-word-far-longer-than-a-slot-holds", 9 << 52), None);
    }
}
