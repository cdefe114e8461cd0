//! The news analyzer: the project's tokens of title and body, normal forms, stop words in each
//! document's language, numbers kept, dropped or replaced, n-grams inside sentences.

use crate::article::Article;
use crate::error::{CoreError, Result};
use crate::lang::Lang;
use crate::tokenize::{stopwords, NormalizeOptions, Normalizer, TokenKind};
use rustc_hash::FxHashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numbers {
    Keep,
    Drop,
    /// Every number becomes "<num>", every percentage "<pct>".
    Placeholder,
}

impl std::str::FromStr for Numbers {
    type Err = CoreError;
    fn from_str(name: &str) -> Result<Numbers> {
        match name {
            "keep" => Ok(Numbers::Keep),
            "drop" => Ok(Numbers::Drop),
            "placeholder" => Ok(Numbers::Placeholder),
            other => Err(CoreError::Parameter { name: "numbers".into(), detail: format!("{other:?}; expected \"keep\", \"drop\" or \"placeholder\"") }),
        }
    }
}

#[derive(Clone, Debug)]
pub enum StopWords {
    None,
    /// The list of each document's language (both lists for "und").
    Auto,
    List(FxHashSet<String>),
}

#[derive(Clone, Debug)]
pub struct NewsAnalyzer {
    pub ngram_range: (usize, usize),
    pub stop_words: StopWords,
    pub fold_accents: bool,
    pub stem: bool,
    pub numbers: Numbers,
    pub include_boilerplate: bool,
}

impl NewsAnalyzer {
    fn is_stop(&self, lowercase: &str, lang: Lang) -> bool {
        match &self.stop_words {
            StopWords::None => false,
            StopWords::Auto => stopwords::stop_words(lang).contains(lowercase),
            StopWords::List(words) => words.contains(lowercase),
        }
    }

    /// Call `each` with the forms of every sentence of `article` (stop words, punctuation and,
    /// as asked, numbers left out).
    // `i` indexes three parallel columns (tokens, sentences, segments).
    #[allow(clippy::needless_range_loop)]
    pub fn sentences(&self, article: &Article, each: &mut dyn FnMut(&[String])) {
        let tokens = article.tokens();
        let segments = article.token_segments(&tokens);
        let lowercase = Normalizer::new(NormalizeOptions { lowercase: true, ..Default::default() }, article.lang);
        let finish = Normalizer::new(NormalizeOptions { lowercase: false, fold_accents: self.fold_accents, stem: self.stem }, article.lang);
        let mut sentence: Vec<String> = Vec::new();
        let mut current = u32::MAX;
        for i in 0..tokens.len() {
            if !self.include_boilerplate && !article.segments[segments[i] as usize].kind.is_content() {
                continue;
            }
            if tokens.sentence[i] != current {
                if !sentence.is_empty() {
                    each(&sentence);
                    sentence.clear();
                }
                current = tokens.sentence[i];
            }
            let kind = tokens.kind[i];
            let form = match kind {
                TokenKind::Punct | TokenKind::Symbol | TokenKind::Elision | TokenKind::Clitic => continue,
                TokenKind::Number | TokenKind::Percent => match self.numbers {
                    Numbers::Drop => continue,
                    Numbers::Placeholder if kind == TokenKind::Number => "<num>".to_string(),
                    Numbers::Placeholder => "<pct>".to_string(),
                    // "40 %" and "40%" are one term; so are "12 000" and "12000".
                    Numbers::Keep => tokens.text(&article.text, i).replace(['\u{a0}', '\u{202f}', '\u{2009}', ' '], ""),
                },
                _ => {
                    let lower = lowercase.normalize(tokens.text(&article.text, i));
                    if self.is_stop(&lower, article.lang) {
                        continue;
                    }
                    finish.normalize(&lower).into_owned()
                }
            };
            sentence.push(form);
        }
        if !sentence.is_empty() {
            each(&sentence);
        }
    }

    /// Call `emit` with every term of `article`: n-grams that stay inside their sentence.
    pub fn terms(&self, article: &Article, emit: &mut dyn FnMut(&str)) {
        let (min_n, max_n) = self.ngram_range;
        let mut gram = String::new();
        self.sentences(article, &mut |sentence| {
            for n in min_n..=max_n.min(sentence.len()) {
                for window in sentence.windows(n) {
                    gram.clear();
                    for (i, form) in window.iter().enumerate() {
                        if i > 0 {
                            gram.push(' ');
                        }
                        gram.push_str(form);
                    }
                    emit(&gram);
                }
            }
        });
    }
}
