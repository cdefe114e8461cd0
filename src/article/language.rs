//! Which of English and French a text is written in, or "und" when neither is clear.

use crate::lang::Lang;
use std::sync::LazyLock;
use whatlang::{Detector, Lang as Whatlang};

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| Detector::with_allowlist(vec![Whatlang::Eng, Whatlang::Fra]));

/// Texts with fewer letters than this are too short to tell.
const MIN_LETTERS: usize = 12;
/// Longer texts are judged on their first part: enough for a trigram model, bounded work.
const SAMPLE_BYTES: usize = 1200;
/// Below this whatlang confidence the text is "und".
const MIN_CONFIDENCE: f64 = 0.15;

/// Function words frequent in one language and rare in the other (hand-picked for newsfacts):
/// counting them settles most news texts before the trigram model is asked.
const ENGLISH_CUES: [&str; 16] = ["the", "of", "and", "to", "is", "that", "for", "with", "was", "it", "this", "have", "has", "from", "by", "are"];
const FRENCH_CUES: [&str; 16] = ["le", "la", "les", "des", "et", "est", "du", "une", "que", "qui", "dans", "pour", "pas", "sur", "au", "avec"];

/// `Some(lang)` when function words make the language plain (5+ hits, 4 times the other's).
fn function_word_vote(sample: &str) -> Option<Lang> {
    let (mut english, mut french) = (0usize, 0usize);
    for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| (2..=4).contains(&w.len())) {
        let lower = word.to_ascii_lowercase();
        english += usize::from(ENGLISH_CUES.contains(&lower.as_str()));
        french += usize::from(FRENCH_CUES.contains(&lower.as_str()));
    }
    if english >= 5 && english >= 4 * french {
        Some(Lang::En)
    } else if french >= 5 && french >= 4 * english {
        Some(Lang::Fr)
    } else {
        None
    }
}

pub fn detect_language(text: &str) -> Lang {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).take(MIN_LETTERS).count() < MIN_LETTERS {
        return Lang::Und;
    }
    if let Some(lang) = function_word_vote(sample) {
        return lang;
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
