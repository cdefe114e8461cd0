//! Who "he" and "elle" may stand for: the gender an article gives a name by a form of address
//! before it ("Mr Dalton", "Mme Roux", "Sir Keir"), and the gender of a pronoun. A name the
//! article gives both ("Mr and Mrs Dalton") has none.

use super::*;
use crate::lexicons::quote_words::GENDERED_TITLES;
use rustc_hash::FxHashMap as HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// The gender a form of address tells ("mr", "Mme.", "M."), in any case, period or not.
fn title_gender(word: &str) -> Option<Gender> {
    lowercase_title_gender(&word.to_lowercase())
}

/// `title_gender` of a word already in lowercase (the context's words): no copy, as it is
/// asked of every token.
fn lowercase_title_gender(word: &str) -> Option<Gender> {
    match *GENDERED_TITLES.get(word.trim_end_matches('.'))? {
        "male" => Some(Gender::Male),
        "female" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of a subject pronoun ("he", "elle"); none for "they", "ils", "we".
pub(super) fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "il" => Some(Gender::Male),
        "she" | "elle" => Some(Gender::Female),
        _ => None,
    }
}

/// The genders an article gives its names, by their last word, lowercase.
#[derive(Default)]
pub(super) struct Genders {
    by_surname: HashMap<String, Option<Gender>>,
}

impl Genders {
    /// Reads every form of address followed by a capitalised name in the article: one pass.
    pub(super) fn of_article(ctx: &Context) -> Genders {
        let mut genders = Genders::default();
        for k in 0..ctx.len().saturating_sub(1) {
            let Some(gender) = lowercase_title_gender(ctx.word(k)) else { continue };
            let name = |j: usize| j < ctx.len() && ctx.kind(j) == TokenKind::Word && ctx.capitalised(j) && ctx.same_sentence(k, j);
            let Some(last) = (k + 1..k + 4).take_while(|&j| name(j)).last() else { continue };
            let seen = genders.by_surname.entry(ctx.word(last).to_string()).or_insert(Some(gender));
            if *seen != Some(gender) {
                *seen = None;
            }
        }
        genders
    }

    /// The gender of a name as written ("Ana Ruiz", "Mr. Dalton"): its own title, else the
    /// one the article gives its last word elsewhere.
    pub(super) fn of_name(&self, name: &str) -> Option<Gender> {
        let titled = name.split_whitespace().next().and_then(title_gender);
        titled.or_else(|| self.by_surname.get(name.split_whitespace().last()?.to_lowercase().as_str()).copied().flatten())
    }

    /// Whether a pronoun of `gender` may stand for `name`: an unknown gender fits either.
    pub(super) fn fits(&self, gender: Option<Gender>, name: &str) -> bool {
        match (gender, self.of_name(name)) {
            (Some(wanted), Some(known)) => wanted == known,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::article;
    use super::*;

    #[test]
    fn titles_give_names_a_gender() {
        let article = article("Mr. Tom Okafor met Mme Claire Vautrin and Ms Ines Hardy. Mr Lowe and Mrs Lowe came.", Lang::En);
        let ctx = Context::new(&article);
        let genders = Genders::of_article(&ctx);
        assert_eq!(genders.of_name("Tom Okafor"), Some(Gender::Male));
        assert_eq!(genders.of_name("Claire Vautrin"), Some(Gender::Female));
        assert_eq!(genders.of_name("Hardy"), Some(Gender::Female));
        assert_eq!(genders.of_name("Mrs Lowe"), Some(Gender::Female));
        assert_eq!(genders.of_name("Lowe"), None, "both genders: none");
        assert!(genders.fits(Some(Gender::Male), "Okafor"));
        assert!(!genders.fits(Some(Gender::Female), "Okafor"));
        assert!(genders.fits(Some(Gender::Female), "Dana Whitcombe"), "unknown fits");
    }
}
