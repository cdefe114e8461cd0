//! Tokens with byte offsets, their kinds and sentences; normalised forms for analysis.

mod chars;
mod normalize;
mod scanner;
mod sentences;
pub mod stopwords;

pub use chars::{is_apostrophe, is_word_char};
pub use normalize::{fold_accents, NormalizeOptions, Normalizer};
pub use scanner::{scan, scan_into};
pub use sentences::{looks_hard_wrapped, sentence_ids, sentence_ids_into, sentence_ids_with_breaks};

use crate::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TokenKind {
    Word = 0,
    /// A French elided article or pronoun with its apostrophe: "l’", "qu’", "d'".
    Elision = 1,
    /// An English clitic split from its word: "’s", "'re".
    Clitic = 2,
    Number = 3,
    Percent = 4,
    Punct = 5,
    Symbol = 6,
    Url = 7,
    Email = 8,
    Hashtag = 9,
    Mention = 10,
    /// A word written with its period: "Dr.", "U.S.", "etc.".
    Abbreviation = 11,
}

impl TokenKind {
    pub const ALL: [TokenKind; 12] = [
        TokenKind::Word,
        TokenKind::Elision,
        TokenKind::Clitic,
        TokenKind::Number,
        TokenKind::Percent,
        TokenKind::Punct,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Hashtag,
        TokenKind::Mention,
        TokenKind::Abbreviation,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Elision => "elision",
            TokenKind::Clitic => "clitic",
            TokenKind::Number => "number",
            TokenKind::Percent => "percent",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Abbreviation => "abbreviation",
        }
    }

    /// Kinds that carry meaning for term counting (not punctuation or symbols).
    pub fn is_term(self) -> bool {
        !matches!(self, TokenKind::Punct | TokenKind::Symbol)
    }
}

/// The tokens of one text, in columns. Offsets are UTF-8 byte offsets into that text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tokens {
    pub start: Vec<u32>,
    pub end: Vec<u32>,
    pub kind: Vec<TokenKind>,
    pub sentence: Vec<u32>,
}

impl Tokens {
    pub fn len(&self) -> usize {
        self.start.len()
    }

    pub fn is_empty(&self) -> bool {
        self.start.is_empty()
    }

    pub fn text<'t>(&self, text: &'t str, index: usize) -> &'t str {
        &text[self.start[index] as usize..self.end[index] as usize]
    }

    /// How many sentences the tokens span.
    pub fn sentence_count(&self) -> usize {
        self.sentence.last().map_or(0, |last| *last as usize + 1)
    }
}

/// Tokenize `text` and split it into sentences. `breaks` are byte offsets where a sentence must
/// start whatever the punctuation says (segment starts: a title has no final period).
pub fn tokenize(text: &str, lang: Lang, breaks: &[usize]) -> Tokens {
    let mut tokens = Tokens::default();
    tokenize_into(text, lang, breaks, &mut tokens);
    tokens
}

/// Like `tokenize`, into `out`, reusing its buffers.
pub fn tokenize_into(text: &str, lang: Lang, breaks: &[usize], out: &mut Tokens) {
    scan_into(text, lang, out);
    let mut ids = std::mem::take(&mut out.sentence);
    sentence_ids_into(text, out, breaks, &mut ids);
    out.sentence = ids;
}
