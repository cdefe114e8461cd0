//! What every extractor reads: the article, its tokens with lowercase forms, and sentence spans.

use crate::article::Article;
use crate::tokenize::{TokenKind, Tokens};

pub struct Context<'a> {
    pub article: &'a Article,
    pub text: &'a str,
    pub tokens: Tokens,
    /// Segment index of each token.
    pub segments: Vec<u32>,
    /// Lowercase forms of the tokens, typographic apostrophes as "'", one after another.
    lower: String,
    lower_spans: Vec<(u32, u32)>,
    /// Whether each token opens with an uppercase letter: asked of most tokens many times.
    capitals: Vec<bool>,
}

impl<'a> Context<'a> {
    pub fn new(article: &'a Article) -> Context<'a> {
        let tokens = article.tokens();
        let segments = article.token_segments(&tokens);
        // One buffer for all forms: no allocation per token.
        let mut lower = String::with_capacity(article.text.len());
        let mut lower_spans = Vec::with_capacity(tokens.len());
        let mut capitals = Vec::with_capacity(tokens.len());
        for i in 0..tokens.len() {
            let start = lower.len();
            let text = tokens.text(&article.text, i);
            capitals.push(text.chars().next().is_some_and(char::is_uppercase));
            for c in text.chars() {
                match c {
                    '\u{2019}' | '\u{02bc}' => lower.push('\''),
                    c if c.is_ascii() => lower.push(c.to_ascii_lowercase()),
                    c => lower.extend(c.to_lowercase()),
                }
            }
            lower_spans.push((start as u32, lower.len() as u32));
        }
        Context { article, text: &article.text, tokens, segments, lower, lower_spans, capitals }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    // Past the last token, the accessors answer as for an empty punctuation mark at the end of
    // the text: rules look ahead (i + 1, i + 2) freely and cannot index out of bounds.

    pub fn text_of(&self, i: usize) -> &'a str {
        if i < self.len() {
            self.tokens.text(self.text, i)
        } else {
            ""
        }
    }

    pub fn start(&self, i: usize) -> usize {
        self.tokens.start.get(i).map_or(self.text.len(), |&s| s as usize)
    }

    pub fn end(&self, i: usize) -> usize {
        self.tokens.end.get(i).map_or(self.text.len(), |&e| e as usize)
    }

    pub fn kind(&self, i: usize) -> TokenKind {
        self.tokens.kind.get(i).copied().unwrap_or(TokenKind::Punct)
    }

    /// Lowercase form of token `i`, or "" past the end.
    pub fn word(&self, i: usize) -> &str {
        self.lower_spans.get(i).map_or("", |&(a, b)| &self.lower[a as usize..b as usize])
    }

    /// Whether tokens `i` and `j` are in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        i < self.len() && j < self.len() && self.tokens.sentence[i] == self.tokens.sentence[j]
    }

    /// The sentence id of token `i` (the last sentence's past the end).
    pub fn tokens_sentence(&self, i: usize) -> usize {
        self.tokens.sentence.get(i.min(self.len().saturating_sub(1))).map_or(0, |&s| s as usize)
    }

    /// Whether token `i` starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.capitals.get(i).copied().unwrap_or(false)
    }

    /// Whether token `i` opens its sentence.
    pub fn sentence_initial(&self, i: usize) -> bool {
        i == 0 || i >= self.len() || self.tokens.sentence[i - 1] != self.tokens.sentence[i]
    }

    /// The index of the token that covers or follows byte `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.end.partition_point(|&end| (end as usize) <= offset).min(self.len().saturating_sub(1))
    }

    /// Whether the words from token `i` on are `phrase` (lowercase words).
    pub fn matches(&self, i: usize, phrase: &[&str]) -> bool {
        phrase.iter().enumerate().all(|(k, w)| self.same_sentence(i, i + k) && self.word(i + k) == *w)
    }

    /// A plain integer token ("2021", "5"), without separators.
    pub fn integer(&self, i: usize) -> Option<u32> {
        if i >= self.len() || self.kind(i) != TokenKind::Number {
            return None;
        }
        let text = self.text_of(i);
        if !text.bytes().all(|b| b.is_ascii_digit()) || text.len() > 9 {
            return None;
        }
        text.parse().ok()
    }
}

/// "WALLACE", "JAPAN", "U.N.": two letters or more, none lowercase.
pub fn all_caps(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !text.chars().any(char::is_lowercase)
}
