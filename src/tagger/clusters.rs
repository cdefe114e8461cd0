//! Word clusters: words that news uses alike, learned without labels by
//! `tools/make_word_clusters.py` from the English news of `../shared/corpora/`
//! (`word_clusters_en.tsv`).
//!
//! They carry what the annotated training text cannot: "Vodafone" is used like "Ryanair" even
//! when only one of them was ever annotated. Each word has a cluster at two grains. English
//! only: the French news there (0.5 million words) made clusters that did not help the French
//! development sets (WiNER-fr organisations +0.01, Europeana places -0.01 lenient F1).

use super::hash::hash_bytes;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A word's clusters, coarse in the high half and fine in the low half, each plus one; 0 for
/// a word that no cluster holds.
pub type Clusters = u32;

pub struct ClusterTable {
    english: FxHashMap<u64, Clusters>,
}

fn read(data: &str) -> FxHashMap<u64, Clusters> {
    let mut table = FxHashMap::default();
    for line in data.lines().filter(|line| !line.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(word), Some(coarse), Some(fine)) = (fields.next(), fields.next(), fields.next()) else { continue };
        let (Ok(coarse), Ok(fine)) = (coarse.parse::<u32>(), fine.parse::<u32>()) else { continue };
        table.insert(hash_bytes(word.as_bytes()), (coarse + 1) << 16 | (fine + 1));
    }
    table
}

impl ClusterTable {
    /// The English clusters of a word as written, else of its lowercase form (headlines in
    /// capitals).
    pub fn english(&self, form: u64, lower: u64) -> Clusters {
        self.english.get(&form).or_else(|| self.english.get(&lower)).copied().unwrap_or(0)
    }
}

pub fn coarse(clusters: Clusters) -> u64 {
    (clusters >> 16) as u64
}

pub fn fine(clusters: Clusters) -> u64 {
    (clusters & 0xFFFF) as u64
}

pub static CLUSTERS: LazyLock<ClusterTable> = LazyLock::new(|| ClusterTable { english: read(include_str!("../lexicons/word_clusters_en.tsv")) });

#[cfg(test)]
mod tests {
    use super::*;

    fn clusters(word: &str) -> Clusters {
        let lower = word.to_lowercase();
        CLUSTERS.english(hash_bytes(word.as_bytes()), hash_bytes(lower.as_bytes()))
    }

    #[test]
    fn common_words_have_clusters_and_unknown_words_none() {
        assert_ne!(clusters("said"), 0);
        assert_eq!(clusters("Qzxvbnmwq"), 0);
        assert_eq!(clusters("SPOKESWOMAN"), clusters("spokeswoman"), "capitals fall back to the lowercase form");
    }

    #[test]
    fn month_names_are_used_alike() {
        let months = ["January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"];
        assert!(months.iter().all(|m| coarse(clusters(m)) == coarse(clusters("January"))));
        let with_january = months.iter().filter(|m| fine(clusters(m)) == fine(clusters("January"))).count();
        assert!(with_january >= 6, "{with_january} of 11 months share January's fine cluster");
        assert_ne!(coarse(clusters("January")), coarse(clusters("spokeswoman")));
    }
}
