//! Normalised forms for analysis: lowercase, apostrophes, optional accent folding and stemming.

use crate::lang::Lang;
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct NormalizeOptions {
    pub lowercase: bool,
    pub fold_accents: bool,
    pub stem: bool,
}

/// Lowercase with an ASCII fast path; typographic apostrophes become "'".
fn lowercase(token: &str) -> Cow<'_, str> {
    let needs_work = token.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80);
    if !needs_work {
        return Cow::Borrowed(token);
    }
    if token.is_ascii() {
        return Cow::Owned(token.to_ascii_lowercase());
    }
    Cow::Owned(token.to_lowercase().replace(['\u{2019}', '\u{02bc}'], "'"))
}

/// Remove diacritics ("é" → "e", "œ" → "oe"), keeping base letters.
pub fn fold_accents(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            c if is_combining_mark(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Turns token texts into analysis forms under fixed options; one per language and thread.
pub struct Normalizer {
    options: NormalizeOptions,
    stemmer: Option<Stemmer>,
}

impl Normalizer {
    pub fn new(options: NormalizeOptions, lang: Lang) -> Self {
        let stemmer = options.stem.then(|| {
            Stemmer::create(match lang {
                Lang::Fr => Algorithm::French,
                Lang::En | Lang::Und => Algorithm::English,
            })
        });
        Normalizer { options, stemmer }
    }

    pub fn normalize<'t>(&self, token: &'t str) -> Cow<'t, str> {
        let mut form = if self.options.lowercase {
            lowercase(token)
        } else if token.bytes().any(|b| b >= 0x80) {
            Cow::Owned(token.replace(['\u{2019}', '\u{02bc}'], "'"))
        } else {
            Cow::Borrowed(token)
        };
        if self.options.fold_accents {
            if let Cow::Owned(folded) = fold_accents(&form) {
                form = Cow::Owned(folded);
            }
        }
        if let Some(stemmer) = &self.stemmer {
            if let Cow::Owned(stemmed) = stemmer.stem(&form) {
                form = Cow::Owned(stemmed);
            }
        }
        form
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let plain = Normalizer::new(NormalizeOptions { lowercase: true, ..Default::default() }, Lang::Fr);
        assert_eq!(plain.normalize("L’Entreprise"), "l'entreprise");
        assert_eq!(plain.normalize("ÉTATS"), "états");
        let folded = Normalizer::new(NormalizeOptions { lowercase: true, fold_accents: true, stem: false }, Lang::Fr);
        assert_eq!(folded.normalize("Élève-Œuvre"), "eleve-oeuvre");
        let stemmed = Normalizer::new(NormalizeOptions { lowercase: true, fold_accents: false, stem: true }, Lang::En);
        assert_eq!(stemmed.normalize("Running"), "run");
    }
}
