//! The crate's lexicons as tagger features: which tokens start, continue or end a known place
//! or organisation name, and which words are titles, organisation words, months or weekdays.
//!
//! Names are matched on lowercase token keys chained token by token, so a phrase of the
//! lexicon is tokenized once, at load time, by the same tokenizer as the text.

use super::features::push_lower;
use super::hash::{hash_bytes, mix};
use crate::lang::Lang;
use crate::lexicons::{MONTHS, ORGANIZATIONS, ORG_WORDS, PERSON_TITLES, PLACES, WEEKDAYS};
use crate::tokenize::scan;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Longest name matched, in tokens.
pub const MAX_NAME_TOKENS: usize = 8;

pub const TITLE: u16 = 1;
pub const ORG_WORD: u16 = 1 << 1;
pub const MONTH: u16 = 1 << 2;
pub const WEEKDAY: u16 = 1 << 3;
/// A known name continues after this prefix.
const PREFIX: u16 = 1 << 4;
const PLACE_END: u16 = 1 << 5;
const ORGANIZATION_END: u16 = 1 << 6;
/// The flags that describe a single word (not name matching).
pub const WORD_FLAGS: u16 = TITLE | ORG_WORD | MONTH | WEEKDAY;

const CHAIN_SEED: u64 = 0x2545_F491_4F6C_DD1D;

/// The key of one token: its lowercase form without a final period ("Dr." → "dr").
pub fn token_key(lower: &str) -> u64 {
    hash_bytes(lower.strip_suffix('.').unwrap_or(lower).as_bytes())
}

/// The key of a phrase after one more token.
#[inline]
pub fn chain(previous: u64, token_key: u64) -> u64 {
    mix(previous, token_key)
}

pub fn start_chain() -> u64 {
    CHAIN_SEED
}

/// Phrase keys (chained token keys) to flags.
pub struct Gazetteer {
    entries: FxHashMap<u64, u16>,
}

impl Gazetteer {
    fn add_phrase(&mut self, phrase: &str, flag: u16, lower: &mut String) {
        let tokens = scan(phrase, Lang::Und);
        if tokens.is_empty() || tokens.len() > MAX_NAME_TOKENS {
            return;
        }
        let mut key = start_chain();
        for i in 0..tokens.len() {
            push_lower(tokens.text(phrase, i), lower);
            key = chain(key, token_key(lower));
            let last = i + 1 == tokens.len();
            *self.entries.entry(key).or_insert(0) |= if last { flag } else { PREFIX };
        }
    }

    fn build() -> Gazetteer {
        let mut gazetteer = Gazetteer { entries: FxHashMap::default() };
        let mut lower = String::new();
        for name in PLACES.keys() {
            gazetteer.add_phrase(name, PLACE_END, &mut lower);
        }
        for name in ORGANIZATIONS.keys() {
            gazetteer.add_phrase(name, ORGANIZATION_END, &mut lower);
        }
        let words = [
            (TITLE, PERSON_TITLES.iter().copied().collect::<Vec<_>>()),
            (MONTH, MONTHS.keys().copied().collect()),
            (WEEKDAY, WEEKDAYS.keys().copied().collect()),
        ];
        for (flag, list) in words {
            for word in list {
                gazetteer.add_phrase(word, flag, &mut lower);
            }
        }
        for word in ORG_WORDS.iter() {
            gazetteer.add_phrase(word, ORG_WORD, &mut lower);
        }
        gazetteer
    }

    /// The flags of a single token key (`token_key`).
    pub fn word_flags(&self, key: u64) -> u16 {
        self.entries.get(&chain(start_chain(), key)).map_or(0, |flags| flags & WORD_FLAGS)
    }

    /// The longest known place or organisation name starting at `keys[0]`: its length in
    /// tokens and whether it is a place (else an organisation).
    pub fn longest_name(&self, keys: &[u64]) -> Option<(usize, bool)> {
        let mut key = start_chain();
        let mut best = None;
        for (i, &token) in keys.iter().take(MAX_NAME_TOKENS).enumerate() {
            key = chain(key, token);
            let Some(&flags) = self.entries.get(&key) else { break };
            if flags & ORGANIZATION_END != 0 {
                best = Some((i + 1, false));
            } else if flags & PLACE_END != 0 {
                best = Some((i + 1, true));
            }
            if flags & PREFIX == 0 {
                break;
            }
        }
        best
    }
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(words: &[&str]) -> Vec<u64> {
        words.iter().map(|w| token_key(w)).collect()
    }

    #[test]
    fn finds_the_longest_known_name() {
        let g = &*GAZETTEER;
        assert_eq!(g.longest_name(&keys(&["new", "york", "city", "hall"])), Some((3, true)));
        assert_eq!(g.longest_name(&keys(&["paris", "est"])), Some((1, true)));
        assert_eq!(g.longest_name(&keys(&["bonjour"])), None);
        assert_eq!(g.longest_name(&[]), None);
    }

    #[test]
    fn single_word_flags() {
        let g = &*GAZETTEER;
        assert_ne!(g.word_flags(token_key("dr.")) & TITLE, 0);
        assert_ne!(g.word_flags(token_key("janvier")) & MONTH, 0);
        assert_ne!(g.word_flags(token_key("tuesday")) & WEEKDAY, 0);
        assert_eq!(g.word_flags(token_key("maison")), 0);
    }
}
