//! The one place where byte offsets become code point offsets: what Python strings (and the
//! users of every binding) index by. Pure logic, tested with the core.

/// Bytes between two checkpoints of the code point table.
const BLOCK: usize = 256;

/// Converts byte offsets of one text to code point offsets. Increasing offsets cost the
/// distance walked; an offset behind the cursor (overlapping facts, a speaker before its
/// quote) uses a table of code point counts every 256 bytes, built once when first needed,
/// and so do offsets far ahead once the table exists: each call then walks under 256 bytes.
pub struct CodePoints<'t> {
    bytes: &'t [u8],
    ascii: bool,
    byte: usize,
    code_point: usize,
    checkpoints: Option<Vec<u32>>,
}

/// Code points starting in `bytes`: every byte that is not a UTF-8 continuation byte.
fn starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl<'t> CodePoints<'t> {
    pub fn new(text: &'t str) -> Self {
        CodePoints { bytes: text.as_bytes(), ascii: text.is_ascii(), byte: 0, code_point: 0, checkpoints: None }
    }

    /// The code point index of `byte_offset` (a char boundary).
    pub fn at(&mut self, byte_offset: usize) -> usize {
        if self.ascii {
            return byte_offset;
        }
        // Behind the cursor, or far ahead of it after a jump back (a chain of quotes pointing
        // to its first part): restart from the table's block rather than walk.
        let far_ahead = self.checkpoints.is_some() && byte_offset >= self.byte + BLOCK;
        if byte_offset < self.byte || far_ahead {
            let bytes = self.bytes;
            let table = self.checkpoints.get_or_insert_with(|| {
                // One entry per block start, the text's end included: an offset at the end of
                // a text whose length is a multiple of BLOCK has its own entry.
                let mut table = Vec::with_capacity(bytes.len() / BLOCK + 2);
                let mut count = 0u32;
                for block in bytes.chunks(BLOCK) {
                    table.push(count);
                    count += starts(block) as u32;
                }
                table.push(count);
                table
            });
            let block = byte_offset / BLOCK;
            self.byte = block * BLOCK;
            self.code_point = table[block] as usize;
        }
        self.code_point += starts(&self.bytes[self.byte..byte_offset]);
        self.byte = byte_offset;
        self.code_point
    }
}

#[cfg(test)]
mod tests {
    use super::CodePoints;

    #[test]
    fn non_ascii_forward_and_back() {
        let text = "é👍a";
        let mut cp = CodePoints::new(text);
        assert_eq!(cp.at(0), 0);
        assert_eq!(cp.at(2), 1);
        assert_eq!(cp.at(6), 2);
        assert_eq!(cp.at(7), 3);
        assert_eq!(cp.at(2), 1);
        let long = "é".repeat(1000) + "x";
        let mut cp = CodePoints::new(&long);
        assert_eq!(cp.at(2000), 1000);
        assert_eq!(cp.at(600), 300);
        assert_eq!(cp.at(2001), 1001);
        assert_eq!(cp.at(2), 1);
    }

    #[test]
    fn the_end_of_a_text_a_whole_number_of_blocks_long() {
        // 256 two-byte letters: 512 bytes, exactly two blocks. A quote that runs to the end of
        // such an article asked for the offset after a jump back.
        let text = "é".repeat(256);
        let mut cp = CodePoints::new(&text);
        assert_eq!(cp.at(300), 150);
        assert_eq!(cp.at(10), 5);
        assert_eq!(cp.at(512), 256);
        assert_eq!(cp.at(256), 128);
        assert_eq!(cp.at(512), 256);
    }

    #[test]
    fn back_and_forth_agrees_with_counting() {
        let text = "« Déjà vu », dit-il. ".repeat(200);
        let mut cp = CodePoints::new(&text);
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&b| text.is_char_boundary(b)).collect();
        // Alternate between the start and offsets further and further on.
        for &b in boundaries.iter().step_by(37) {
            assert_eq!(cp.at(b), text[..b].chars().count());
            assert_eq!(cp.at(0), 0);
        }
    }
}
