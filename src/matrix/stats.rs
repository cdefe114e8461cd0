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
                Ordering::Equal => (&self.terms[i], self.document_frequency[i] + other.document_frequency[j], self.term_frequency[i] + other.term_frequency[j]),
            };
            out.terms.push(term.clone());
            out.document_frequency.push(df);
            out.term_frequency.push(tf);
            i += (order != Ordering::Greater) as usize;
            j += (order != Ordering::Less) as usize;
        }
        out
    }

    /// The kept terms under scikit-learn's rules (bounds in documents), in column order: the
    /// same columns a single pass over the corpus keeps.
    pub fn select(&self, min_df: f64, max_df: f64, max_features: Option<usize>) -> TermStats {
        let tf = max_features.map(|_| self.term_frequency.as_slice());
        let columns = select_columns(&self.document_frequency, tf, min_df, max_df, max_features);
        let kept: Vec<usize> = (0..columns.len()).filter(|&i| columns[i] >= 0).collect();
        TermStats {
            terms: kept.iter().map(|&i| self.terms[i].clone()).collect(),
            document_frequency: kept.iter().map(|&i| self.document_frequency[i]).collect(),
            term_frequency: kept.iter().map(|&i| self.term_frequency[i]).collect(),
            n_docs: self.n_docs,
        }
    }

    /// For each of these terms, its column among `columns` (sorted terms), or -1. Both lists
    /// are sorted, so the map keeps order: remapped rows stay sorted by column.
    pub fn column_map(&self, columns: &TermStats) -> Vec<i64> {
        let mut map = vec![-1i64; self.terms.len()];
        let mut j = 0;
        for (i, term) in self.terms.iter().enumerate() {
            while j < columns.terms.len() && columns.terms[j] < *term {
                j += 1;
            }
            if j < columns.terms.len() && columns.terms[j] == *term {
                map[i] = j as i64;
            }
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::TermStats;

    fn stats(terms: &[&str], df: &[u64], n_docs: usize) -> TermStats {
        TermStats {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            document_frequency: df.to_vec(),
            term_frequency: df.iter().map(|d| d * 2).collect(),
            n_docs,
        }
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
        assert_eq!(all.select(2.0, 3.0, None).terms, ["b", "c"]);
        assert_eq!(all.select(1.0, 3.0, Some(1)).terms, ["c"]);
        assert_eq!(all.column_map(&all.select(2.0, 3.0, None)), [-1, 0, 1]);
    }
}
