//! scikit-learn's word analyzer, reproduced: lowercase, strip accents, token pattern, stop
//! words, n-grams; the same terms as `CountVectorizer(...).build_analyzer()`.

use crate::error::{CoreError, Result};
use crate::lexicons::is_python_word_char;
use regex::Regex;
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use unicode_normalization::{char::canonical_combining_class, UnicodeNormalization};

/// scikit-learn's default `token_pattern`.
pub const DEFAULT_TOKEN_PATTERN: &str = r"(?u)\b\w\w+\b";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StripAccents {
    None,
    /// NFKD, then drop what is not ASCII.
    Ascii,
    /// NFKD, then drop combining characters.
    Unicode,
}

#[derive(Clone, Debug)]
pub enum TokenPattern {
    /// `(?u)\b\w\w+\b`: runs of two or more Python word characters, scanned by hand (the regex
    /// crate's Unicode `\b` is slow on accented text).
    Default,
    /// Any other pattern; a single capture group, if any, is the token (as in `re.findall`).
    Regex(Regex),
}

#[derive(Clone, Debug)]
pub struct SklearnAnalyzer {
    pub lowercase: bool,
    pub strip_accents: StripAccents,
    pub pattern: TokenPattern,
    pub ngram_range: (usize, usize),
    pub stop_words: Option<FxHashSet<String>>,
}

impl SklearnAnalyzer {
    pub fn new(
        lowercase: bool,
        strip_accents: StripAccents,
        token_pattern: &str,
        ngram_range: (usize, usize),
        stop_words: Option<Vec<String>>,
    ) -> Result<Self> {
        let (min_n, max_n) = ngram_range;
        if min_n == 0 || min_n > max_n {
            return Err(CoreError::Parameter {
                name: "ngram_range".into(),
                detail: format!("({min_n}, {max_n}): lower boundary larger than the upper boundary, or zero"),
            });
        }
        let pattern = if token_pattern == DEFAULT_TOKEN_PATTERN {
            TokenPattern::Default
        } else {
            let regex = Regex::new(token_pattern).map_err(|e| CoreError::Parameter {
                name: "token_pattern".into(),
                detail: format!("{token_pattern:?} is not supported by Rust's regex engine (no look-around or backreferences): {e}"),
            })?;
            if regex.captures_len() > 2 {
                return Err(CoreError::Parameter {
                    name: "token_pattern".into(),
                    detail: "More than 1 capturing group in token_pattern. Only a single group should be captured.".into(),
                });
            }
            TokenPattern::Regex(regex)
        };
        Ok(SklearnAnalyzer {
            lowercase,
            strip_accents,
            pattern,
            ngram_range,
            stop_words: stop_words.map(|words| words.into_iter().collect()),
        })
    }

    /// The document as the tokenizer sees it: lowercased, then accents stripped.
    fn preprocess<'d>(&self, doc: &'d str) -> Cow<'d, str> {
        let mut text = Cow::Borrowed(doc);
        if self.lowercase {
            if doc.is_ascii() {
                if doc.bytes().any(|b| b.is_ascii_uppercase()) {
                    text = Cow::Owned(doc.to_ascii_lowercase());
                }
            } else {
                text = Cow::Owned(doc.to_lowercase());
            }
        }
        match self.strip_accents {
            StripAccents::None => text,
            _ if text.is_ascii() => text,
            StripAccents::Ascii => Cow::Owned(text.nfkd().filter(char::is_ascii).collect()),
            StripAccents::Unicode => Cow::Owned(text.nfkd().filter(|&c| canonical_combining_class(c) == 0).collect()),
        }
    }

    /// Call `emit` with every token of `text`.
    fn tokens<'t>(&self, text: &'t str, mut emit: impl FnMut(&'t str)) {
        match &self.pattern {
            TokenPattern::Default => python_word_runs(text, 2, emit),
            TokenPattern::Regex(regex) if regex.captures_len() == 2 => {
                for caps in regex.captures_iter(text) {
                    emit(caps.get(1).map_or("", |m| m.as_str()));
                }
            }
            TokenPattern::Regex(regex) => regex.find_iter(text).for_each(|m| emit(m.as_str())),
        }
    }

    /// Call `emit` with every term of `doc` (tokens, then n-grams joined by spaces), in
    /// scikit-learn's order. `scratch` is reused between documents.
    pub fn terms(&self, doc: &str, scratch: &mut AnalyzerScratch, emit: &mut dyn FnMut(&str)) {
        let text = self.preprocess(doc);
        let (min_n, max_n) = self.ngram_range;
        let stop = self.stop_words.as_ref();
        if max_n == 1 {
            self.tokens(&text, |token| {
                if !stop.is_some_and(|s| s.contains(token)) {
                    emit(token);
                }
            });
            return;
        }
        let mut tokens: Vec<&str> = Vec::new();
        self.tokens(&text, |token| {
            if !stop.is_some_and(|s| s.contains(token)) {
                tokens.push(token);
            }
        });
        for n in min_n..=max_n.min(tokens.len()) {
            for window in tokens.windows(n) {
                if n == 1 {
                    emit(window[0]);
                    continue;
                }
                let gram = &mut scratch.gram;
                gram.clear();
                for (i, token) in window.iter().enumerate() {
                    if i > 0 {
                        gram.push(' ');
                    }
                    gram.push_str(token);
                }
                emit(gram);
            }
        }
    }
}

/// Buffers an analyzer reuses from one document to the next.
#[derive(Default)]
pub struct AnalyzerScratch {
    gram: String,
}

/// Maximal runs of Python word characters at least `min_chars` code points long: what
/// `\b\w{min_chars,}\b` finds.
pub fn python_word_runs<'t>(text: &'t str, min_chars: usize, mut emit: impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        // Skip to the next word character.
        let b = bytes[pos];
        if b < 0x80 {
            if !(b.is_ascii_alphanumeric() || b == b'_') {
                pos += 1;
                continue;
            }
        } else {
            let c = text[pos..].chars().next().unwrap();
            if !is_python_word_char(c) {
                pos += c.len_utf8();
                continue;
            }
        }
        let start = pos;
        let mut chars = 0usize;
        while pos < bytes.len() {
            let b = bytes[pos];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() || b == b'_' {
                    pos += 1;
                    chars += 1;
                    continue;
                }
                break;
            }
            let c = text[pos..].chars().next().unwrap();
            if !is_python_word_char(c) {
                break;
            }
            pos += c.len_utf8();
            chars += 1;
        }
        if chars >= min_chars {
            emit(&text[start..pos]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(analyzer: &SklearnAnalyzer, doc: &str) -> Vec<String> {
        let mut out = Vec::new();
        analyzer.terms(doc, &mut AnalyzerScratch::default(), &mut |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn default_pattern_like_python() {
        let analyzer = SklearnAnalyzer::new(true, StripAccents::None, DEFAULT_TOKEN_PATTERN, (1, 1), None).unwrap();
        assert_eq!(terms(&analyzer, "L’Été a b_c 40% 1,5 e\u{301}t"), ["été", "b_c", "40"]);
    }

    #[test]
    fn ngrams_after_stop_words() {
        let stop = Some(vec!["the".to_string()]);
        let analyzer = SklearnAnalyzer::new(true, StripAccents::Unicode, DEFAULT_TOKEN_PATTERN, (1, 2), stop).unwrap();
        assert_eq!(terms(&analyzer, "The café is the best"), ["cafe", "is", "best", "cafe is", "is best"]);
    }

    #[test]
    fn bad_patterns() {
        let err = SklearnAnalyzer::new(true, StripAccents::None, r"(?<=a)b", (1, 1), None).unwrap_err();
        assert!(err.to_string().contains("look-around"), "{err}");
        assert!(SklearnAnalyzer::new(true, StripAccents::None, r"(a)(b)", (1, 1), None).is_err());
        assert!(SklearnAnalyzer::new(true, StripAccents::None, DEFAULT_TOKEN_PATTERN, (2, 1), None).is_err());
    }
}
