//! The one place where byte offsets become Python string indices (code points).

/// Converts increasing byte offsets of one text to code point offsets in a single forward walk.
pub struct CodePoints<'t> {
    bytes: &'t [u8],
    ascii: bool,
    byte: usize,
    code_point: usize,
}

impl<'t> CodePoints<'t> {
    pub fn new(text: &'t str) -> Self {
        CodePoints { bytes: text.as_bytes(), ascii: text.is_ascii(), byte: 0, code_point: 0 }
    }

    /// The code point index of `byte_offset` (a char boundary). Offsets asked in increasing
    /// order cost O(distance); an earlier one restarts the walk from the beginning.
    pub fn at(&mut self, byte_offset: usize) -> usize {
        if self.ascii {
            return byte_offset;
        }
        if byte_offset < self.byte {
            self.byte = 0;
            self.code_point = 0;
        }
        // Every byte that is not a UTF-8 continuation byte starts a code point.
        let starts = self.bytes[self.byte..byte_offset].iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        self.code_point += starts;
        self.byte = byte_offset;
        self.code_point
    }
}

#[cfg(test)]
mod tests {
    use super::CodePoints;

    #[test]
    fn non_ascii() {
        let text = "é👍a";
        let mut cp = CodePoints::new(text);
        assert_eq!(cp.at(0), 0);
        assert_eq!(cp.at(2), 1);
        assert_eq!(cp.at(6), 2);
        assert_eq!(cp.at(7), 3);
        assert_eq!(cp.at(2), 1);
    }
}
