//! A small, stable 64-bit hash for feature strings. The trained weights are indexed by it, so it
//! must never change between versions or machines (a crate's hasher may change or be seeded).

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Folds `value` into the running hash `state` (FxHash's step).
#[inline]
pub fn mix(state: u64, value: u64) -> u64 {
    (state.rotate_left(5) ^ value).wrapping_mul(MULTIPLIER)
}

#[inline]
fn read_u32(bytes: &[u8], at: usize) -> u64 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as u64
}

#[inline]
fn read_u64(bytes: &[u8], at: usize) -> u64 {
    read_u32(bytes, at) | read_u32(bytes, at + 4) << 32
}

/// The hash of a byte string, eight bytes at a time. Short strings (most words) are read in
/// one or two overlapping loads, as wyhash does: with the length mixed in first, the loaded
/// bytes still determine the string.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let state = mix(0x51_7CC1_B727_220A, len as u64);
    if len <= 8 {
        let word = match len {
            0 => 0,
            1..=3 => bytes[0] as u64 | (bytes[len / 2] as u64) << 8 | (bytes[len - 1] as u64) << 16,
            _ => read_u32(bytes, 0) | read_u32(bytes, len - 4) << 32,
        };
        return mix(state, word);
    }
    let mut state = state;
    let mut at = 0;
    while at + 8 <= len {
        state = mix(state, read_u64(bytes, at));
        at += 8;
    }
    if at < len {
        state = mix(state, read_u64(bytes, len - 8));
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_pinned() {
        // The shipped weights depend on these values: a change here needs retraining.
        assert_eq!(hash_bytes(b""), 0xc36a_5857_1fbc_f661);
        assert_eq!(hash_bytes("Marseille".as_bytes()), 0x6baa_bab5_2955_4b6e);
        assert_eq!(hash_bytes("Île-de-France".as_bytes()), 0xc1c8_63f1_6adb_9e3a);
        assert_ne!(hash_bytes(b"ab"), hash_bytes(b"ab\0"));
        assert_ne!(hash_bytes(b"abc"), hash_bytes(b"acc"));
        assert_ne!(hash_bytes(b"abcdef"), hash_bytes(b"abccef"));
    }
}
