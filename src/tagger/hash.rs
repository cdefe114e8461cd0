//! A small, stable 64-bit hash for feature strings. The trained weights are indexed by it, so it
//! must never change between versions or machines (a crate's hasher may change or be seeded).

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Folds `value` into the running hash `state` (FxHash's step).
#[inline]
pub fn mix(state: u64, value: u64) -> u64 {
    (state.rotate_left(5) ^ value).wrapping_mul(MULTIPLIER)
}

/// Spreads the bits of a hash (MurmurHash3's finaliser) before it picks a bucket.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// The hash of a byte string, eight bytes at a time.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut state = mix(0x51_7CC1_B727_220A, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        state = mix(state, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        state = mix(state, u64::from_le_bytes(word));
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_pinned() {
        // The shipped weights depend on these values: a change here needs retraining.
        assert_eq!(hash_bytes(b""), 0xef97_e0f8_f2d4_5a40);
        assert_eq!(finish(hash_bytes("Marseille".as_bytes())), 0x4db2_de5d_95d9_8c2d);
        assert_ne!(hash_bytes(b"ab"), hash_bytes(b"ab\0"));
    }
}
