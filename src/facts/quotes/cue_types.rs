//! What a quote's cue reports: speech ("said", "a déclaré"), writing ("wrote", "tweeted"),
//! thought ("believes", "estime que") or a finding ("a poll found", "selon une étude"). Readers
//! count "who said what" from speech and writing; beliefs and findings are kept apart.

use super::cues::PREPOSITIONS;
use super::Context;
use crate::lexicons::quote_words::{CUE_SOURCE_NOUNS, CUE_TYPES, PRINT_MEDIA_NOUNS, PRINT_OUTLET_WORDS, WRITING_PLATFORMS};
use crate::lexicons::ORG_WORDS;

/// The cue type of a quote attributed with `cue` to `speaker`. A study or a poll finds, whatever
/// the verb ("the study says"); otherwise the verb decides ("she wrote", "il pense que"); a
/// letter or a statement writes; everything else is speech, quotes without a cue included.
pub(super) fn cue_type(cue: &str, speaker: Option<&str>) -> &'static str {
    let noun = speaker.and_then(speaker_noun_type);
    if noun == Some("finding") {
        return "finding";
    }
    let verb = cue.split_whitespace().find_map(|word| CUE_TYPES.get(word.to_lowercase().as_str()).copied());
    verb.or(noun).unwrap_or("speech")
}

/// Whether the sentence around token `at` says the words were written: "in a statement",
/// "in a letter", "on Twitter", "dans un communiqué", "sur son blog" (a preposition, at most
/// one determiner, then a written form or a place of publication).
pub(super) fn written_in(ctx: &Context, at: usize) -> bool {
    let (first, last) = (super::sentence_start(ctx, at), super::sentence_end(ctx, at));
    let written = |k: usize| {
        let w = ctx.word(k);
        CUE_SOURCE_NOUNS.get(w) == Some(&"writing") || WRITING_PLATFORMS.contains(&w) || w == "release"
    };
    (first..last).any(|k| {
        let preposition = matches!(ctx.word(k), "in" | "on" | "via" | "dans" | "sur" | "par");
        let noun = if crate::lexicons::DETERMINERS.contains(ctx.word(k + 1)) { k + 2 } else { k + 1 };
        preposition && noun <= last && (written(noun) || ctx.word(noun) == "press" && written(noun + 1))
    })
}

/// Whether a speaker's mention as written names a printed outlet ("the newspaper", "le
/// quotidien", "les médias", or a name such as "The Hollywood Reporter", "Le Monde"): what it
/// reports is written.
pub(super) fn printed(mention: &str) -> bool {
    let words = || mention.split_whitespace().map(|w| (w, w.to_lowercase()));
    // "The Telegraph Group", "Telegraph Corp": the company that owns an outlet, or another.
    let company = || words().any(|(_, lower)| ORG_WORDS.contains(&lower) && !PRINT_OUTLET_WORDS.contains(lower.as_str()));
    words().any(|(_, w)| PRINT_MEDIA_NOUNS.contains(w.trim_start_matches("l'")))
        || words().any(|(w, lower)| w.starts_with(char::is_uppercase) && PRINT_OUTLET_WORDS.contains(lower.as_str())) && !company()
}

/// Whether the word after a speaker's mention ending at token `last` is a written form: "a
/// CAS statement said", "Acme's statement said".
pub(super) fn statement_after(ctx: &Context, last: usize) -> bool {
    let noun = if matches!(ctx.word(last + 1), "'s" | "’s") { last + 2 } else { last + 1 };
    ctx.same_sentence(last, noun) && CUE_SOURCE_NOUNS.get(ctx.word(noun)) == Some(&"writing")
}

/// The type a noun of the speaker phrase gives it ("A new poll" → finding), among the words
/// before its first preposition: "the authors of the study" are people.
fn speaker_noun_type(speaker: &str) -> Option<&'static str> {
    speaker
        .split_whitespace()
        .map(str::to_lowercase)
        .take_while(|word| !PREPOSITIONS.contains(word.as_str()) && !matches!(word.as_str(), "du" | "des" | "d'" | "who" | "qui" | "which"))
        .find_map(|word| CUE_SOURCE_NOUNS.get(word.trim_end_matches(',')).copied())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{article, at};
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn words_in_a_statement_or_on_a_platform_are_written() {
        let written = |text: &str, lang: Lang, word: &str| {
            let article = article(text, lang);
            let ctx = Context::new(&article);
            written_in(&ctx, at(&ctx, word))
        };
        assert!(written("The mayor said in a statement that the port would reopen.", Lang::En, "mayor"));
        assert!(written("The mayor said on Twitter that the port would reopen.", Lang::En, "mayor"));
        assert!(written("Le maire a indiqué dans un communiqué que le port rouvrirait.", Lang::Fr, "maire"));
        assert!(!written("The mayor said in an interview that the port would reopen.", Lang::En, "mayor"));
        assert!(!written("Le maire a dit à la radio que le port rouvrirait.", Lang::Fr, "maire"));
        assert!(printed("le quotidien") && printed("The newspaper") && !printed("the mayor"));
        assert!(printed("The Hollywood Reporter") && printed("les médias iraniens") && !printed("the reporter"));
        assert!(!printed("The Telegraph Group") && !printed("International Telephone and Telegraph Corp"));
        let article = article("“The ban stands,” a CAS statement said. “It stands,” Ana Ruiz said.", Lang::En);
        let ctx = Context::new(&article);
        assert!(statement_after(&ctx, at(&ctx, "cas")));
        assert!(!statement_after(&ctx, at(&ctx, "ruiz")));
    }

    #[test]
    fn the_verb_decides_between_speech_writing_and_thought() {
        assert_eq!(cue_type("said", Some("Lena Ortiz")), "speech");
        assert_eq!(cue_type("a déclaré", Some("le maire")), "speech");
        assert_eq!(cue_type("wrote", Some("Lena Ortiz")), "writing");
        assert_eq!(cue_type("a écrit", Some("la ministre")), "writing");
        assert_eq!(cue_type("believes that", Some("He")), "thought");
        assert_eq!(cue_type("estime que", Some("Le syndicat")), "thought");
        assert_eq!(cue_type("", None), "speech");
    }

    #[test]
    fn a_study_or_poll_finds_and_a_letter_writes() {
        assert_eq!(cue_type("says", Some("A new survey of nurses")), "finding");
        assert_eq!(cue_type("according to", Some("une étude de l'Insee")), "finding");
        assert_eq!(cue_type("estimated", Some("The report")), "finding");
        assert_eq!(cue_type("said", Some("the statement")), "writing");
        // The authors of a study are people who speak.
        assert_eq!(cue_type("said", Some("the authors of the study")), "speech");
    }
}
