//! The hashing trick as scikit-learn's HashingVectorizer does it: signed 32-bit MurmurHash3
//! (seed 0) of each term's UTF-8 bytes, column = |h| mod n_features, sign = sign of h.

use super::count::balanced_ranges;
use super::csr::Csr;
use crate::parallel;
use rayon::prelude::*;
use std::io::Cursor;

fn column_and_sign(term: &str, n_features: usize) -> (i32, f64) {
    let h = murmur3::murmur3_32(&mut Cursor::new(term.as_bytes()), 0).unwrap_or(0) as i32;
    let column = if h == i32::MIN {
        // |i32::MIN| does not fit an i32: scikit-learn defines it as 2**31 mod n_features.
        (2_147_483_648u64 % n_features as u64) as i32
    } else {
        (h.unsigned_abs() as u64 % n_features as u64) as i32
    };
    (column, if h >= 0 { 1.0 } else { -1.0 })
}

/// Hashed term counts; duplicates summed (explicit zeros kept, as scipy's `sum_duplicates`).
pub fn hash_corpus<A>(weights: &[usize], analyze: &A, n_features: usize, alternate_sign: bool, n_jobs: Option<usize>) -> Csr<f64>
where
    A: Fn(usize, &mut dyn FnMut(&str)) + Sync,
{
    let blocks = parallel::install(n_jobs, || {
        let parts = rayon::current_num_threads() * 4;
        balanced_ranges(weights, parts)
            .into_par_iter()
            .map(|docs| {
                let mut block = Csr { indptr: vec![0], indices: Vec::new(), data: Vec::new(), n_cols: n_features };
                let mut pairs: Vec<(i32, f64)> = Vec::new();
                for doc in docs {
                    pairs.clear();
                    analyze(doc, &mut |term: &str| {
                        let (column, sign) = column_and_sign(term, n_features);
                        pairs.push((column, if alternate_sign { sign } else { 1.0 }));
                    });
                    pairs.sort_by_key(|p| p.0);
                    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
                        block.indices.push(group[0].0);
                        block.data.push(group.iter().map(|p| p.1).sum());
                    }
                    block.indptr.push(block.indices.len() as i64);
                }
                block
            })
            .collect()
    });
    Csr::concat(blocks, n_features)
}

#[cfg(test)]
mod tests {
    use super::column_and_sign;

    #[test]
    fn murmur_matches_scikit_learn() {
        // sklearn.utils.murmurhash3_32("hello", seed=0) == 613153351
        assert_eq!(murmur3::murmur3_32(&mut std::io::Cursor::new(b"hello"), 0).unwrap() as i32, 613153351);
        assert_eq!(column_and_sign("hello", 1 << 20), (613153351 % (1 << 20), 1.0));
    }
}
