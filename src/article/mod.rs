//! Reading articles: sources, metadata header, language, segments (body and boilerplate).

mod date;
mod header;
mod language;
pub mod read;
mod segments;

pub use date::normalize_date;
pub use header::{parse_header, Header};
pub use language::detect_language;
pub use segments::{segment, Segment, SegmentKind};

use crate::error::{CoreError, Result};
use crate::lang::Lang;
use crate::tokenize::{looks_hard_wrapped, tokenize, tokenize_into, Tokens};

/// Offsets are u32: a single article may not reach 4 GiB.
pub const MAX_ARTICLE_BYTES: usize = u32::MAX as usize - 1;

/// What the caller knows of an article before reading it (JSON fields, user overrides).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Given {
    pub title: Option<String>,
    pub date: Option<String>,
    pub lang: Option<Lang>,
    pub source: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    /// ISO 8601 at its own precision ("2021-01"), from the caller or the header.
    pub date: Option<String>,
    /// The date as written, when it could not be normalised.
    pub date_raw: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub lang: Lang,
    /// Whether `lang` was given rather than detected.
    pub lang_given: bool,
    pub header: Vec<(String, String)>,
    pub segments: Vec<Segment>,
}

impl Article {
    /// Read an article out of its text: header, language, segments.
    pub fn analyze(id: String, text: String, given: Given) -> Result<Article> {
        if text.len() > MAX_ARTICLE_BYTES {
            return Err(CoreError::Input { source: id, detail: format!("{} bytes: an article is limited to 4 GiB", text.len()) });
        }
        let header = parse_header(&text);
        let header_title = header.get("title").map(str::to_string);
        let title_hint = given.title.clone().or(header_title);
        let segments = segment(&text, header.end, title_hint.as_deref());
        let title =
            title_hint.or_else(|| segments.iter().find(|s| s.kind == SegmentKind::Title).map(|s| text[s.start as usize..s.end as usize].trim().to_string()));
        let raw_date = given.date.clone().or_else(|| header.get("date").map(str::to_string));
        let date = raw_date.as_deref().and_then(normalize_date);
        let date_raw = if date.is_none() { raw_date } else { None };
        let header_lang = header.get("lang").and_then(|l| l.parse().ok());
        let (lang, lang_given) = match given.lang.or(header_lang) {
            Some(lang) => (lang, true),
            None => (detect_language(&content_sample(&text, &segments)), false),
        };
        Ok(Article {
            source: given.source.or_else(|| header.get("source").map(str::to_string)),
            author: header.get("author").map(str::to_string),
            header: header.fields,
            id,
            text,
            title,
            date,
            date_raw,
            lang,
            lang_given,
            segments,
        })
    }

    pub fn segment_text(&self, segment: &Segment) -> &str {
        &self.text[segment.start as usize..segment.end as usize]
    }

    /// Byte offsets where a sentence must break: where each segment starts, a line of its own;
    /// in hard-wrapped text (wire copy, mail, OCR columns: `looks_hard_wrapped`), only where a
    /// segment of another kind starts, and between lines of one kind the tokenizer's line-break
    /// rule decides (the line reads on).
    pub fn segment_starts(&self) -> Vec<usize> {
        let wrapped = looks_hard_wrapped(self.single_line_breaks());
        let kind_changes = |(i, s): &(usize, &Segment)| !wrapped || *i == 0 || self.segments[i - 1].kind != s.kind;
        self.segments.iter().enumerate().filter(kind_changes).map(|(_, s)| s.start as usize).collect()
    }

    /// The characters around each single line break between segments (no blank line between
    /// them): the last before it, the first after it.
    fn single_line_breaks(&self) -> impl Iterator<Item = (char, char)> + '_ {
        self.segments.windows(2).filter_map(|pair| {
            let (before, after) = (self.segment_text(&pair[0]), self.segment_text(&pair[1]));
            let newlines = before.bytes().rev().take_while(u8::is_ascii_whitespace).filter(|&b| b == b'\n').count();
            let (last, next) = (before.trim_end().chars().next_back()?, after.trim_start().chars().next()?);
            (newlines == 1).then_some((last, next))
        })
    }

    pub fn tokens(&self) -> Tokens {
        tokenize(&self.text, self.lang, &self.segment_starts())
    }

    /// Tokenize into `out`, reusing its buffers (many articles in a row).
    pub fn tokens_into(&self, out: &mut Tokens) {
        tokenize_into(&self.text, self.lang, &self.segment_starts(), out);
    }

    /// For each token, the index of its segment.
    pub fn token_segments(&self, tokens: &Tokens) -> Vec<u32> {
        let mut index = 0usize;
        tokens
            .start
            .iter()
            .map(|&start| {
                while index + 1 < self.segments.len() && self.segments[index].end <= start {
                    index += 1;
                }
                index as u32
            })
            .collect()
    }
}

/// Title and body text, for language detection (boilerplate is often in another language).
fn content_sample(text: &str, segments: &[Segment]) -> String {
    let mut sample = String::new();
    for s in segments.iter().filter(|s| s.kind.is_content()) {
        sample.push_str(&text[s.start as usize..s.end as usize]);
        if sample.len() > 4096 {
            break;
        }
    }
    if sample.trim().is_empty() {
        return text.chars().take(4096).collect();
    }
    sample
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_like_article() {
        let text = "date 2021-01 Comme le rapporte le South China Morning Post, le fondateur de Huawei a indiqué que son entreprise devait se concentrer sur le cloud.\n\nSuite de l’article ici, avec des mots français.".to_string();
        let article = Article::analyze("000".into(), text, Given::default()).unwrap();
        assert_eq!(article.date.as_deref(), Some("2021-01"));
        assert_eq!(article.lang, Lang::Fr);
        assert_eq!(article.segments[0].kind, SegmentKind::Metadata);
        assert_eq!(article.segment_text(&article.segments[0]), "date 2021-01 ");
        assert_eq!(article.title, None);
        let tokens = article.tokens();
        assert_eq!(tokens.text(&article.text, 0), "date");
        assert_ne!(tokens.sentence[3], tokens.sentence[4], "the header is its own sentence");
    }
}
