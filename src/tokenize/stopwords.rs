//! Stop words of both languages, from stopwords-iso (the `stop-words` crate, MIT).

use crate::lang::Lang;
// Looked up for every token of a term matrix: a fast non-cryptographic hash.
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

fn load(code: &str) -> HashSet<String> {
    stop_words::get(code).iter().map(|word| word.to_lowercase().replace('\u{2019}', "'")).collect()
}

static ENGLISH: LazyLock<HashSet<String>> = LazyLock::new(|| load("en"));
static FRENCH: LazyLock<HashSet<String>> = LazyLock::new(|| load("fr"));
static BOTH: LazyLock<HashSet<String>> = LazyLock::new(|| ENGLISH.iter().chain(FRENCH.iter()).cloned().collect());

/// The stop list for a language; for an undetermined one, both lists together.
pub fn stop_words(lang: Lang) -> &'static HashSet<String> {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Fr => &FRENCH,
        Lang::Und => &BOTH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists() {
        assert!(stop_words(Lang::En).contains("the"));
        assert!(stop_words(Lang::Fr).contains("les"));
        assert!(!stop_words(Lang::Fr).contains("entreprise"));
        assert!(stop_words(Lang::Und).contains("the") && stop_words(Lang::Und).contains("les"));
    }
}
