//! Which of English and French a text is written in, or "und" when neither is clear.

use crate::lang::Lang;
use whatlang::{Detector, Lang as Whatlang};
use std::sync::LazyLock;

static DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(vec![Whatlang::Eng, Whatlang::Fra]));

/// Texts with fewer letters than this are too short to tell.
const MIN_LETTERS: usize = 12;
/// Longer texts are judged on their first part: enough for a trigram model, bounded work.
const SAMPLE_BYTES: usize = 4096;
/// Below this whatlang confidence the text is "und".
const MIN_CONFIDENCE: f64 = 0.15;

pub fn detect_language(text: &str) -> Lang {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).take(MIN_LETTERS).count() < MIN_LETTERS {
        return Lang::Und;
    }
    match DETECTOR.detect(sample) {
        Some(info) if info.confidence() >= MIN_CONFIDENCE => match info.lang() {
            Whatlang::Fra => Lang::Fr,
            Whatlang::Eng => Lang::En,
            _ => Lang::Und,
        },
        _ => Lang::Und,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        assert_eq!(detect_language("Le géant chinois veut profiter du gain de popularité de cette technologie."), Lang::Fr);
        assert_eq!(detect_language("The Chinese giant wants to take advantage of the popularity of this technology."), Lang::En);
        assert_eq!(detect_language("12 34 !!"), Lang::Und);
        assert_eq!(detect_language(""), Lang::Und);
    }
}
