//! The words quotes are attributed with: speech verbs and their auxiliaries, the verbs and
//! adverbs around a subject, determiners, pronouns and clause breaks, in English and French.

use super::*;

pub(super) use crate::lexicons::quote_words::{
    ADVERBS, ANONYMOUS_DETERMINERS, ARTICLE_DETERMINERS, AUXILIARIES, CLAUSE_BREAKS, FRENCH_ADVERBS, FRENCH_ASIDES, FRENCH_AUXILIARIES, FRENCH_OBJECT_PRONOUNS,
    FRENCH_PARTITIVE_ADJECTIVES, FRENCH_VERB_CLITICS, INDEFINITE_DETERMINERS, IRREGULAR_VERBS, IT_CLAUSE_VERBS, LISTENER_CLAUSE_OPENERS, LISTENER_VERBS,
    MUTE_SUBJECTS, NAMING_VERBS, NOT_CLAUSE_OPENERS, OPENING_ADVERBIALS, OPENING_CONJUNCTIONS, PREPOSITIONS, PRONOUNS, RELATIVE_PRONOUNS, REPORT_GAP_WORDS,
    ROLE_NOUNS, SOURCE_LEAD_WORDS, SPEAKER_PHRASE_ENDS, SPEECH_ACTS, SPEECH_PARTICIPLES, SPEECH_TIME_WORDS, THAT_PRESENT_VERBS, THAT_VERBS, TIME_LEAD_WORDS,
    TRANSCRIPT_NON_SPEAKERS, VERB_COORDINATORS, VERB_OPENING_ADVERBS,
};
pub(super) use crate::lexicons::DETERMINERS;

/// Whether `word` is a word of time that may stand between a subject and its verb ("Okonkwo
/// on Tuesday said", "il a hier déclaré"): a weekday name or another time word.
pub(super) fn time_word(word: &str) -> bool {
    crate::lexicons::WEEKDAYS.contains_key(word) || SPEECH_TIME_WORDS.contains(&word)
}

/// Whether token `i` reads as the verb after a subject: a past form or third person ("said",
/// "calls"), an auxiliary, an adverb before the verb ("also", "quickly"), or a comma opening
/// an apposition.
pub(super) fn verb_like(ctx: &Context, i: usize) -> bool {
    let next = ctx.word(i);
    if next == "," {
        return true;
    }
    if ctx.kind(i) != TokenKind::Word {
        return false;
    }
    if ctx.article.lang == Lang::Fr {
        // French plurals end in -s like English verbs: read endings of tenses instead, the
        // auxiliaries, negation and reflexive pronouns, and the speech verbs.
        return IRREGULAR_VERBS.contains(&next)
            || FRENCH_ADVERBS.contains(&next)
            || SPEECH_VERBS.single.contains(next)
            || FRENCH_VERB_CLITICS.contains(&next)
            || next.ends_with("ait")
            || next.ends_with("aient")
            || next.ends_with("èrent");
    }
    let adverb = VERB_OPENING_ADVERBS.contains(&next) || next.ends_with("ly") && next.len() > 4;
    adverb || next.ends_with("ed") || next.ends_with('s') && !next.ends_with("ss") || IRREGULAR_VERBS.contains(&next)
}

/// Speech verb at token `i`: the cue's (first, last) tokens.
pub(crate) fn speech_verb(ctx: &Context, i: usize) -> Option<(usize, usize)> {
    let word = ctx.word(i);
    // "as X put it": a speech act.
    if word == "put" && ctx.word(i + 1) == "it" && ctx.same_sentence(i, i + 1) {
        return Some((i, i + 1));
    }
    if SPEECH_VERBS.single.contains(word) && ctx.kind(i) == TokenKind::Word && !noun_or_reflexive(ctx, i) {
        // "pointed" says something only as "pointed out".
        return (word != "pointed" || ctx.word(i + 1) == "out").then_some((i, i));
    }
    if SPEECH_VERBS.participles.contains(word) && ctx.kind(i) == TokenKind::Word && i > 0 {
        return french_compound_past(ctx, i);
    }
    None
}

/// Whether the speech verb form at token `i` is no verb of speech here: a noun after a
/// determiner ("the reports", "cette annonce"), part of a name ("the United States"), or a
/// reflexive verb ("s'explique", "se dit"), which says nothing.
fn noun_or_reflexive(ctx: &Context, i: usize) -> bool {
    let after_determiner = i > 0 && DETERMINERS.contains(&ctx.word(i - 1));
    let proper = ctx.capitalised(i) && !ctx.sentence_initial(i);
    let reflexive = i > 0 && matches!(ctx.word(i - 1), "s'" | "se");
    after_determiner || proper || reflexive || english_compound_noun(ctx, i) || english_plural_subject(ctx, i)
}

/// "EU states have to approve", "the claims are false": an English word in -s before an
/// auxiliary or a modal is a plural noun, the subject of that verb.
fn english_plural_subject(ctx: &Context, i: usize) -> bool {
    let next = ctx.word(i + 1);
    ctx.article.lang != Lang::Fr
        && ctx.word(i).ends_with('s')
        && ctx.same_sentence(i, i + 1)
        && matches!(next, "have" | "are" | "were" | "will" | "would" | "could" | "can" | "may" | "might" | "must" | "should" | "do" | "did")
}

/// "the Treasury note", "a 10-year Treasury note", "a Reuters report": after an article, a
/// capitalised singular word then a base form make a compound noun; a verb would agree with
/// its subject ("Obama notes", "the Democrats say").
fn english_compound_noun(ctx: &Context, i: usize) -> bool {
    if i < 2 || ctx.article.lang == Lang::Fr || !ctx.same_sentence(i - 2, i) {
        return false;
    }
    let word = ctx.word(i);
    let base = !word.ends_with('s') && !word.ends_with("ed") && !IRREGULAR_VERBS.contains(&word);
    let name = i - 1;
    let singular_name = ctx.capitalised(name) && ctx.kind(name) == TokenKind::Word && !ctx.word(name).ends_with('s') && !ctx.sentence_initial(name);
    let article = |k: usize| matches!(ctx.word(k), "the" | "a" | "an");
    base && singular_name && (article(name - 1) || name >= 2 && article(name - 2) && ctx.word(name - 1).contains('-'))
}

/// The French compound past of the speech participle at token `i` (`i > 0`): "a indiqué",
/// "avait alors lâché", "a-t-il ajouté", "s'est exclamé", "a de son côté dénoncé". French
/// reports speech in the compound past, and the auxiliary is part of the cue.
fn french_compound_past(ctx: &Context, i: usize) -> Option<(usize, usize)> {
    if french_auxiliary(ctx, i - 1) {
        return Some((i - 1, i));
    }
    // The auxiliary may be one adverb away.
    if i > 1 && FRENCH_ADVERBS.contains(&ctx.word(i - 1)) && french_auxiliary(ctx, i - 2) {
        return Some((i - 2, i));
    }
    // "a pour sa part estimé", "a lui aussi déclaré": an aside of two or three words.
    let aside = (1..=3).take_while(|&n| i > n && FRENCH_ASIDES.contains(&ctx.word(i - n))).last();
    let n = aside.filter(|&n| n >= 2 && i > n && french_auxiliary(ctx, i - n - 1) && ctx.same_sentence(i - n - 1, i))?;
    Some((i - n - 1, i))
}

/// Whether token `k` is the auxiliary of a French compound past: a form of avoir, of être
/// after a reflexive pronoun ("s'est", "se sont"), or an inverted auxiliary ("a-t-il").
fn french_auxiliary(ctx: &Context, k: usize) -> bool {
    let w = ctx.word(k);
    FRENCH_AUXILIARIES.contains(&w) || (w == "est" || w == "sont" || w == "était") && k > 0 && matches!(ctx.word(k - 1), "s'" | "se") || inverted_auxiliary(w)
}

/// "a-t-il", "avait-elle", "ont-ils": an auxiliary with its subject pronoun after it.
pub(super) fn inverted_auxiliary(word: &str) -> bool {
    let Some((base, _)) = word.split_once('-') else { return false };
    matches!(base, "a" | "avait" | "ont" | "avaient" | "aurait")
        && (word.ends_with("-il") || word.ends_with("-elle") || word.ends_with("-ils") || word.ends_with("-elles") || word.ends_with("-on"))
}

/// A French inverted verb written as one word: "expose-t-il", "a-t-elle", "indique-t-on".
pub(super) fn inverted_verb(ctx: &Context, i: usize) -> bool {
    let word = ctx.word(i);
    let base = word.split('-').next().unwrap_or("");
    word.contains('-')
        && (word.ends_with("-il") || word.ends_with("-elle") || word.ends_with("-ils") || word.ends_with("-elles"))
        && (SPEECH_VERBS.single.contains(base) || matches!(base, "a" | "avait" | "aurait"))
}

/// Modals and forms of "be", "do" and "get" between a subject and its verb ("could", "was",
/// "did", "didn't"), and the French auxiliaries of the compound past.
pub(super) fn auxiliary_or_modal(word: &str) -> bool {
    matches!(
        word,
        "am" | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "get"
            | "gets"
            | "got"
            | "été"
            | "could"
            | "would"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "will"
            | "shall"
            | "did"
            | "does"
            | "do"
            | "ont"
            | "a"
            | "avait"
    ) || word.ends_with("n't")
        || word.ends_with("n’t")
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{article, at, nth};
    use super::*;

    #[test]
    fn time_words_are_weekdays_and_other_times() {
        assert!(time_word("thursday") && time_word("samedi"));
        assert!(time_word("yesterday") && time_word("hier"));
        assert!(!time_word("minister") && !time_word("thursdays"));
    }

    #[test]
    fn a_speech_verb_form_after_a_determiner_or_reflexive_is_no_cue() {
        let article = article("The reports were late. Le maire se dit prêt et dit que la ville paiera.", Lang::Fr);
        let ctx = Context::new(&article);
        assert!(noun_or_reflexive(&ctx, at(&ctx, "reports")));
        assert!(noun_or_reflexive(&ctx, nth(&ctx, "dit", 0)));
        assert!(!noun_or_reflexive(&ctx, nth(&ctx, "dit", 1)));
        assert_eq!(speech_verb(&ctx, nth(&ctx, "dit", 1)), Some((nth(&ctx, "dit", 1), nth(&ctx, "dit", 1))));
        assert_eq!(speech_verb(&ctx, nth(&ctx, "dit", 0)), None);
    }

    #[test]
    fn a_base_form_after_a_singular_name_is_a_noun() {
        let article = article("The Treasury note fell. Democrats say it will pass. Lena Ortiz notes the delay. They argue. Police say so.", Lang::En);
        let ctx = Context::new(&article);
        assert_eq!(speech_verb(&ctx, at(&ctx, "note")), None);
        assert!(speech_verb(&ctx, at(&ctx, "say")).is_some());
        assert!(speech_verb(&ctx, at(&ctx, "notes")).is_some());
        assert!(speech_verb(&ctx, at(&ctx, "argue")).is_some());
        assert!(speech_verb(&ctx, nth(&ctx, "say", 1)).is_some());
    }

    #[test]
    fn a_word_in_s_before_an_auxiliary_is_a_plural_noun() {
        let article = article("Member states have to approve the plan. The mayor states that it will pass.", Lang::En);
        let ctx = Context::new(&article);
        assert_eq!(speech_verb(&ctx, nth(&ctx, "states", 0)), None);
        assert!(speech_verb(&ctx, nth(&ctx, "states", 1)).is_some());
    }

    #[test]
    fn a_french_compound_past_takes_its_auxiliary_adverb_or_aside() {
        let article =
            article("La maire a annoncé un plan. Le syndicat a aussitôt dénoncé la mesure. Le préfet a de son côté estimé que rien ne pressait.", Lang::Fr);
        let ctx = Context::new(&article);
        let annonce = at(&ctx, "annoncé");
        assert_eq!(french_compound_past(&ctx, annonce), Some((annonce - 1, annonce)));
        let denonce = at(&ctx, "dénoncé");
        assert_eq!(french_compound_past(&ctx, denonce), Some((denonce - 2, denonce)));
        let estime = at(&ctx, "estimé");
        assert_eq!(french_compound_past(&ctx, estime), Some((at(&ctx, "côté") - 3, estime)));
        // Without an auxiliary, a participle is an adjective: "un plan annoncé".
        let article2 = super::super::test_support::article("Un plan annoncé hier.", Lang::Fr);
        let ctx2 = Context::new(&article2);
        assert_eq!(french_compound_past(&ctx2, at(&ctx2, "annoncé")), None);
    }

    #[test]
    fn french_auxiliaries_include_reflexive_etre_and_inversion() {
        let article = article("Elle s'est exclamée. Ils ont crié. A-t-il répondu ? Il est parti.", Lang::Fr);
        let ctx = Context::new(&article);
        assert!(french_auxiliary(&ctx, at(&ctx, "est")));
        assert!(french_auxiliary(&ctx, at(&ctx, "ont")));
        assert!(french_auxiliary(&ctx, at(&ctx, "a-t-il")));
        // "est" without a reflexive pronoun is no compound past of a speech verb.
        assert!(!french_auxiliary(&ctx, nth(&ctx, "est", 1)));
    }
}
