//! Term statistics of part of a corpus (sorted terms with document and term frequencies) that
//! merge into the statistics of the whole: the first pass of a distributed term matrix, where
//! these tables, not the documents, travel between machines.

use super::select_columns;
use std::cmp::Ordering;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermStats {
    /// Sorted in code point order (as Python sorts str), no duplicates.
    pub terms: Vec<String>,
    pub document_frequency: Vec<u64>,
    pub term_frequency: Vec<u64>,
    pub n_docs: usize,
}

impl TermStats {
    /// The statistics of the union of the parts (documents disjoint).
    pub fn merge(parts: &[TermStats]) -> TermStats {
        parts.iter().fold(TermStats::default(), |merged, part| merged.merge_two(part))
    }

    fn merge_two(&self, other: &TermStats) -> TermStats {
        let capacity = self.terms.len().max(other.terms.len());
        let mut out = TermStats { n_docs: self.n_docs + other.n_docs, ..Default::default() };
        out.terms.reserve(capacity);
        let (mut i, mut j) = (0, 0);
        while i < self.terms.len() || j < other.terms.len() {
            let order = match (self.terms.get(i), other.terms.get(j)) {
                (Some(a), Some(b)) => a.cmp(b),
                (Some(_), None) => Ordering::Less,
                _ => Ordering::Greater,
            };
            let (term, df, tf) = match order {
                Ordering::Less => (&self.terms[i], self.document_frequency[i], self.term_frequency[i]),
                Ordering::Greater => (&other.terms[j], other.document_frequency[j], other.term_frequency[j]),
                Ordering::Equal => (
                    &self.terms[i],
                    self.document_frequency[i] + other.document_frequency[j],
                    self.term_frequency[i] + other.term_frequency[j],
                ),
            };
            out.terms.push(term.clone());
            out.document_frequency.push(df);
            out.term_frequency.push(tf);
            i += (order != Ordering::Greater) as usize;
            j += (order != Ordering::Less) as usize;
        }
        out
    }

    /// The kept terms and their document frequencies under scikit-learn's rules (bounds in
    /// documents), in column order: the same columns a single pass over the corpus keeps.
    pub fn select(&self, min_df: f64, max_df: f64, max_features: Option<usize>) -> (Vec<String>, Vec<u64>) {
        let tf = max_features.map(|_| self.term_frequency.as_slice());
        let columns = select_columns(&self.document_frequency, tf, min_df, max_df, max_features);
        columns
            .iter()
            .enumerate()
            .filter(|(_, &c)| c >= 0)
            .map(|(i, _)| (self.terms[i].clone(), self.document_frequency[i]))
            .unzip()
    }
}

#[cfg(test)]
mod tests {
    use super::TermStats;

    fn stats(terms: &[&str], df: &[u64], n_docs: usize) -> TermStats {
        TermStats { terms: terms.iter().map(|t| t.to_string()).collect(), document_frequency: df.to_vec(), term_frequency: df.iter().map(|d| d * 2).collect(), n_docs }
    }

    #[test]
    fn merging_adds_shared_terms_and_keeps_order() {
        let merged = TermStats::merge(&[stats(&["b", "d", "é"], &[1, 2, 1], 2), stats(&["a", "d", "z"], &[1, 1, 3], 3), TermStats::default()]);
        assert_eq!(merged.terms, ["a", "b", "d", "z", "é"]);
        assert_eq!(merged.document_frequency, [1, 1, 3, 3, 1]);
        assert_eq!(merged.term_frequency, [2, 2, 6, 6, 2]);
        assert_eq!(merged.n_docs, 5);
    }

    #[test]
    fn selection_follows_document_frequency_bounds() {
        let all = stats(&["a", "b", "c"], &[1, 2, 3], 3);
        assert_eq!(all.select(2.0, 3.0, None).0, ["b", "c"]);
        assert_eq!(all.select(1.0, 3.0, Some(1)).0, ["c"]);
    }
}
