//! scikit-learn's word analyzer, reproduced: lowercase, strip accents, token pattern, stop
//! words, n-grams; the same terms as `CountVectorizer(...).build_analyzer()`.

use crate::error::{CoreError, Result};
use crate::lexicons::is_python_word_char;
use regex::{Regex, RegexBuilder};
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
    /// Every match of a regex (in the regex crate's syntax); a single capture group, if any, is
    /// the token (as in `re.findall`).
    Regex(Regex),
    /// Within each match of `runs`, the first match of `part`, if any. A caller states `\b` this
    /// way: the regex crate's `\b` follows its own `\w`, which is not every engine's.
    WithinRuns { runs: Regex, part: Regex },
}

impl TokenPattern {
    /// A pattern in the regex crate's syntax; at most one capture group.
    pub fn regex(pattern: &str) -> Result<TokenPattern> {
        let regex = compile(pattern)?;
        if regex.captures_len() > 2 {
            return Err(pattern_error("More than 1 capturing group in token_pattern. Only a single group should be captured.".into()));
        }
        Ok(TokenPattern::Regex(regex))
    }

    /// Tokens are the first match of `part` within each match of `runs`; no capture groups.
    pub fn within_runs(runs: &str, part: &str) -> Result<TokenPattern> {
        let (runs, part) = (compile(runs)?, compile(part)?);
        if runs.captures_len() > 1 || part.captures_len() > 1 {
            return Err(pattern_error("no capture groups are allowed in a pattern applied within runs".into()));
        }
        Ok(TokenPattern::WithinRuns { runs, part })
    }
}

fn pattern_error(detail: String) -> CoreError {
    CoreError::Parameter { name: "token_pattern".into(), detail }
}

fn compile(pattern: &str) -> Result<Regex> {
    // Patterns come translated with explicit classes, larger than hand-written ones: allow more
    // room than the default 10 MB before giving up (the caller then has another engine).
    RegexBuilder::new(pattern).size_limit(64 << 20).build().map_err(|e| {
        // A translated pattern can be kilobytes of classes: quoted only when short.
        let shown = if pattern.len() <= 80 { format!("{pattern:?}") } else { format!("a {}-byte pattern", pattern.len()) };
        pattern_error(format!("{shown} is not supported by Rust's regex engine: {e}"))
    })
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
        pattern: TokenPattern,
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
        Ok(SklearnAnalyzer { lowercase, strip_accents, pattern, ngram_range, stop_words: stop_words.map(|words| words.into_iter().collect()) })
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
            TokenPattern::WithinRuns { runs, part } => {
                for run in runs.find_iter(text) {
                    if let Some(m) = part.find(run.as_str()) {
                        emit(m.as_str());
                    }
                }
            }
        }
    }

    /// Whether counting may make n-grams from word ids (`count_word_ngrams`): n-grams are asked
    /// for, and the default pattern's words never hold a space.
    pub fn ngrams_from_words(&self) -> bool {
        self.ngram_range.1 > 1 && matches!(self.pattern, TokenPattern::Default)
    }

    /// The tokens of `text` (already preprocessed) but stop words: what n-grams are made of.
    fn kept_tokens<'t>(&self, text: &'t str, mut emit: impl FnMut(&'t str)) {
        let stop = self.stop_words.as_ref();
        self.tokens(text, |token| {
            if !stop.is_some_and(|s| s.contains(token)) {
                emit(token);
            }
        });
    }

    /// Call `emit` with every word that `doc`'s n-grams are made of: its tokens but stop words.
    pub fn words(&self, doc: &str, emit: &mut dyn FnMut(&str)) {
        self.kept_tokens(&self.preprocess(doc), emit);
    }

    /// Call `emit` with every term of `doc` (tokens, then n-grams joined by spaces), in
    /// scikit-learn's order. `scratch` is reused between documents.
    pub fn terms(&self, doc: &str, scratch: &mut AnalyzerScratch, emit: &mut dyn FnMut(&str)) {
        let text = self.preprocess(doc);
        let (min_n, max_n) = self.ngram_range;
        if max_n == 1 {
            self.kept_tokens(&text, emit);
            return;
        }
        let mut tokens: Vec<&str> = Vec::new();
        self.kept_tokens(&text, |token| tokens.push(token));
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

/// What a byte is to Python's `\w`: an ASCII word character (letter, digit, `_`), another ASCII
/// character, or part of a wider character (decoded then).
const WORD: u8 = 1;
const OTHER: u8 = 0;
const WIDE: u8 = 2;
static BYTE_CLASS: [u8; 256] = {
    let mut table = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() || b == b'_' as usize { WORD } else { OTHER };
        b += 1;
    }
    table
};

/// Whether the character starting at byte `pos` (not ASCII) is a word character, and its length
/// in bytes. Letters of Latin-1 (U+00C0..U+00FF, but × and ÷), the accents of French and most of
/// western Europe, are answered without a table search.
#[inline]
fn wide_word_char(text: &str, pos: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    if bytes[pos] == 0xC3 && pos + 1 < bytes.len() {
        let second = bytes[pos + 1];
        return (second != 0x97 && second != 0xB7, 2);
    }
    let c = text[pos..].chars().next().unwrap_or('\0');
    (is_python_word_char(c), c.len_utf8())
}

/// Maximal runs of Python word characters at least `min_chars` code points long: what
/// `\b\w{min_chars,}\b` finds. Runs of ASCII are read a byte at a time through a table.
pub fn python_word_runs<'t>(text: &'t str, min_chars: usize, mut emit: impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut pos = 0;
    while pos < n {
        // Skip to the next word character.
        match BYTE_CLASS[bytes[pos] as usize] {
            OTHER => {
                pos += 1;
                continue;
            }
            WIDE => {
                let (word, len) = wide_word_char(text, pos);
                if !word {
                    pos += len;
                    continue;
                }
            }
            _ => {}
        }
        let start = pos;
        // Bytes past the first of each wide character: chars = bytes - continuation bytes.
        let mut continuation = 0usize;
        loop {
            while pos < n && BYTE_CLASS[bytes[pos] as usize] == WORD {
                pos += 1;
            }
            if pos < n && BYTE_CLASS[bytes[pos] as usize] == WIDE {
                let (word, len) = wide_word_char(text, pos);
                if word {
                    pos += len;
                    continuation += len - 1;
                    continue;
                }
            }
            break;
        }
        if pos - start - continuation >= min_chars {
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
        let analyzer = SklearnAnalyzer::new(true, StripAccents::None, TokenPattern::Default, (1, 1), None).unwrap();
        assert_eq!(terms(&analyzer, "L’Été a b_c 40% 1,5 e\u{301}t"), ["été", "b_c", "40"]);
        // × and ÷ split words; ² and ½ are word characters (str.isalnum); the text may end inside a word.
        assert_eq!(terms(&analyzer, "3×4 6÷2 m² ½x çà Ÿé"), ["m²", "½x", "çà", "ÿé"]);
    }

    #[test]
    fn ngrams_after_stop_words() {
        let stop = Some(vec!["the".to_string()]);
        let analyzer = SklearnAnalyzer::new(true, StripAccents::Unicode, TokenPattern::Default, (1, 2), stop).unwrap();
        assert_eq!(terms(&analyzer, "The café is the best"), ["cafe", "is", "best", "cafe is", "is best"]);
    }

    #[test]
    fn regex_and_within_runs() {
        let regex = TokenPattern::regex(r"(\w+)-\w+").unwrap();
        let analyzer = SklearnAnalyzer::new(false, StripAccents::None, regex, (1, 1), None).unwrap();
        assert_eq!(terms(&analyzer, "week-end, x-y"), ["week", "x"]);
        // `\b[a-z]{2,3}\b` over ASCII word runs: "abcd" has no match that fills the run.
        let within = TokenPattern::within_runs(r"[a-z0-9_]+", r"\A[a-z]{2,3}\z").unwrap();
        let analyzer = SklearnAnalyzer::new(false, StripAccents::None, within, (1, 1), None).unwrap();
        assert_eq!(terms(&analyzer, "ab abcd a1 xyz"), ["ab", "xyz"]);
    }

    #[test]
    fn bad_patterns() {
        let err = TokenPattern::regex(r"(?<=a)b").unwrap_err();
        assert!(err.to_string().contains("not supported"), "{err}");
        assert!(TokenPattern::regex(r"(a)(b)").is_err());
        assert!(TokenPattern::within_runs(r"\w+", r"(a)").is_err());
        assert!(SklearnAnalyzer::new(true, StripAccents::None, TokenPattern::Default, (2, 1), None).is_err());
    }
}
