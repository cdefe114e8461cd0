//! The hashing trick as scikit-learn's HashingVectorizer does it: signed 32-bit MurmurHash3
//! (seed 0) of each term's UTF-8 bytes, column = |h| mod n_features, sign = sign of h.

use super::csr::{build_rows, Csr};
use crate::error::{CoreError, Result};
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
/// `n_features` must be 1 to 2**31 - 1: columns are i32, and a 0 would divide by zero.
pub fn hash_corpus<A>(weights: &[usize], analyze: &A, n_features: usize, alternate_sign: bool, n_jobs: Option<usize>) -> Result<Csr<f64>>
where
    A: Fn(usize, &mut dyn FnMut(&str)) + Sync,
{
    if n_features == 0 || n_features > i32::MAX as usize {
        return Err(CoreError::Parameter { name: "n_features".into(), detail: format!("{n_features}; expected 1 to 2**31 - 1") });
    }
    let row = |hashed: &mut Vec<(i32, f64)>, doc: usize, pairs: &mut Vec<(i32, f64)>| {
        hashed.clear();
        analyze(doc, &mut |term: &str| {
            let (column, sign) = column_and_sign(term, n_features);
            hashed.push((column, if alternate_sign { sign } else { 1.0 }));
        });
        hashed.sort_by_key(|p| p.0);
        for group in hashed.chunk_by(|a, b| a.0 == b.0) {
            pairs.push((group[0].0, group.iter().map(|p| p.1).sum()));
        }
    };
    Ok(build_rows(weights, n_features, n_jobs, Vec::new, &row))
}

#[cfg(test)]
mod tests {
    use super::{column_and_sign, hash_corpus};

    #[test]
    fn murmur_matches_scikit_learn() {
        // sklearn.utils.murmurhash3_32("hello", seed=0) == 613153351
        assert_eq!(murmur3::murmur3_32(&mut std::io::Cursor::new(b"hello"), 0).unwrap() as i32, 613153351);
        assert_eq!(column_and_sign("hello", 1 << 20), (613153351 % (1 << 20), 1.0));
    }

    #[test]
    fn no_features_is_an_error_not_a_division_by_zero() {
        let analyze = |_: usize, emit: &mut dyn FnMut(&str)| emit("term");
        for n_features in [0, 1 << 31] {
            let err = hash_corpus(&[1], &analyze, n_features, true, Some(1)).unwrap_err();
            assert!(err.to_string().contains("n_features"), "{err}");
        }
        assert_eq!(hash_corpus(&[1], &analyze, 1, true, Some(1)).unwrap().indices, [0]);
    }
}
