//! Document-term matrices: analyzers, counting, vocabularies, weighting, hashing, CSR assembly.

mod cooccurrence;
mod count;
mod csr;
mod hashing;
mod interner;
mod news_analyzer;
mod ngrams;
mod sklearn_analyzer;
mod stats;
mod vocabulary;
mod weighting;

pub use cooccurrence::cooccurrence;
pub use count::{balanced_ranges, count_corpus, count_word_ngrams, ChunkCounts, CorpusCounts};
pub use csr::{count_fixed, Csr};
pub use hashing::hash_corpus;
pub use news_analyzer::{NewsAnalyzer, Numbers, StopWords};
pub use sklearn_analyzer::{python_word_runs, AnalyzerScratch, SklearnAnalyzer, StripAccents, TokenPattern, DEFAULT_TOKEN_PATTERN};
pub use stats::TermStats;
pub use vocabulary::Vocabulary;
pub use weighting::{idf, normalize_rows, weigh, weigh_with, CorpusTotals, Norm, WeightOptions, Weighting};

/// Which vocabulary terms stay, and in which column: scikit-learn's `min_df`/`max_df`/
/// `max_features` rules, where document-frequency bounds are already counts. Ties at the
/// `max_features` cut keep the alphabetically first terms.
pub fn select_columns(document_frequency: &[u64], term_frequency: Option<&[u64]>, min_df: f64, max_df: f64, max_features: Option<usize>) -> Vec<i64> {
    let mut keep: Vec<bool> = document_frequency.iter().map(|&df| (df as f64) >= min_df && (df as f64) <= max_df).collect();
    if let (Some(limit), Some(tf)) = (max_features, term_frequency) {
        let mut kept: Vec<usize> = (0..keep.len()).filter(|&i| keep[i]).collect();
        if kept.len() > limit {
            kept.sort_by(|&a, &b| tf[b].cmp(&tf[a]).then(a.cmp(&b)));
            keep.iter_mut().for_each(|k| *k = false);
            kept[..limit].iter().for_each(|&i| keep[i] = true);
        }
    }
    let mut next = 0i64;
    keep.iter()
        .map(|&k| {
            if k {
                next += 1;
                next - 1
            } else {
                -1
            }
        })
        .collect()
}
