//! The words quotes are attributed with: speech verbs and their auxiliaries, the verbs and
//! adverbs around a subject, determiners, pronouns and clause breaks, in English and French.

use super::*;

pub(super) const PRONOUNS: [&str; 8] = ["he", "she", "they", "il", "elle", "ils", "elles", "we"];
pub(super) use crate::lexicons::DETERMINERS;
pub(super) const PREPOSITIONS: [&str; 16] = ["from", "for", "with", "by", "of", "in", "on", "at", "to", "about", "de", "pour", "avec", "par", "sur", "dans"];

/// Words that end a speaker phrase when walking back from the verb.
pub(super) const CLAUSE_BREAKS: [&str; 30] = [
    "that", "que", "qu'", "and", "et", "but", "mais", "or", "which", "who", "qui", "because", "as", "if", "when", "while", "where", "to", "lorsque", "quand",
    "since", "after", "before", "until", "although", "though", "unless", "whether", "whereas", "puisque",
];
/// Adverbs that may stand between a subject and its verb ("Cruz never mentioned").
pub(super) const ADVERBS: [&str; 14] = ["never", "often", "also", "both", "all", "still", "just", "already", "again", "not", "n't", "now", "long", "ever"];

/// Words of time that may stand between a subject and its verb ("Sanders on Tuesday said").
pub(super) const TIME_WORDS: [&str; 25] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
];
pub(super) const AUXILIARIES: [&str; 12] = ["has", "have", "had", "also", "later", "then", "a", "avait", "ont", "avaient", "aussi", "would"];
pub(super) const ROLE_NOUNS: [&str; 16] = [
    "official",
    "founder",
    "executive",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "minister",
    "chief",
    "ceo",
    "fondateur",
    "président",
    "porte-parole",
    "ministre",
    "dirigeant",
    "directeur",
];

/// Verb forms after a subject that `verb_like`'s endings miss: auxiliaries, modals and
/// irregular past forms (English), and the French auxiliaries.
pub(super) const IRREGULAR_VERBS: &[&str] = &[
    "has",
    "had",
    "have",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "does",
    "did",
    "do",
    "said",
    "told",
    "wrote",
    "took",
    "made",
    "gave",
    "saw",
    "put",
    "sent",
    "spoke",
    "went",
    "came",
    "got",
    "began",
    "broke",
    "brought",
    "thought",
    "felt",
    "kept",
    "left",
    "lost",
    "met",
    "paid",
    "ran",
    "sat",
    "stood",
    "won",
    "hit",
    "held",
    "led",
    "read",
    "set",
    "let",
    "cut",
    "drew",
    "knew",
    "grew",
    "threw",
    "chose",
    "rose",
    "fell",
    "became",
    "found",
    "heard",
    "meant",
    "sold",
    "struck",
    "taught",
    "understood",
    "sought",
    "fought",
    "swore",
    "shot",
    "a",
    "est",
    "avait",
    "ont",
    "sont",
    "était",
    "fait",
    "dit",
    "va",
    "veut",
    "peut",
    "doit",
];

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
            || matches!(next, "ne" | "n'" | "s'" | "se" | "y" | "en" | "l'" | "lui" | "leur")
            || next.ends_with("ait")
            || next.ends_with("aient")
            || next.ends_with("èrent");
    }
    let adverb = matches!(
        next,
        "also"
            | "then"
            | "later"
            | "again"
            | "still"
            | "never"
            | "often"
            | "once"
            | "already"
            | "repeatedly"
            | "earlier"
            | "further"
            | "even"
            | "first"
            | "soon"
    ) || next.ends_with("ly") && next.len() > 4;
    adverb || next.ends_with("ed") || next.ends_with('s') && !next.ends_with("ss") || IRREGULAR_VERBS.contains(&next)
}

/// Verbs of thought and finding that attribute a "that"-clause ("a poll found that…", "he
/// thinks that…"), though not speech by themselves.
pub(super) const THAT_VERBS: [&str; 44] = [
    "found",
    "finds",
    "shows",
    "show",
    "showed",
    "think",
    "thinks",
    "thought",
    "believe",
    "believes",
    "fear",
    "fears",
    "hope",
    "hopes",
    "expect",
    "expects",
    "feel",
    "feels",
    "know",
    "knows",
    "pense",
    "pensent",
    "croit",
    "espère",
    "agree",
    "agrees",
    "claim",
    "claims",
    "deny",
    "denies",
    "worry",
    "worries",
    "doubt",
    "doubts",
    "suspect",
    "suspects",
    "realize",
    "realizes",
    "recognize",
    "recognizes",
    "consider",
    "considers",
    "juge",
    "considère",
];

/// Verbs of speech acts that take what was said as their object (see `reported`).
pub(super) const SPEECH_ACTS: [&str; 16] = [
    "announced",
    "announces",
    "urged",
    "urges",
    "proposed",
    "proposes",
    "demanded",
    "demands",
    "pledged",
    "pledges",
    "vowed",
    "vows",
    "declined",
    "declines",
    "promised",
    "promises",
];

/// Speech verb at token `i`: the cue's (first, last) tokens.
pub(super) fn speech_verb(ctx: &Context, i: usize) -> Option<(usize, usize)> {
    let word = ctx.word(i);
    // "the reports", "cette annonce", "the United States": nouns, not verbs.
    let after_determiner = i > 0 && DETERMINERS.contains(&ctx.word(i - 1));
    let proper = ctx.capitalised(i) && !ctx.sentence_initial(i);
    // "s'explique", "se dit": reflexive verbs say nothing.
    let reflexive = i > 0 && matches!(ctx.word(i - 1), "s'" | "se");
    // "as X put it": a speech act.
    if word == "put" && ctx.word(i + 1) == "it" && ctx.same_sentence(i, i + 1) {
        return Some((i, i + 1));
    }
    if SPEECH_VERBS.single.contains(word) && ctx.kind(i) == TokenKind::Word && !after_determiner && !proper && !reflexive {
        if word == "pointed" && ctx.word(i + 1) != "out" {
            return None;
        }
        return Some((i, i));
    }
    if SPEECH_VERBS.participles.contains(word) && ctx.kind(i) == TokenKind::Word && i > 0 {
        // "a indiqué", "avait alors lâché", "a-t-il ajouté", "s'est exclamé", "se sont
        // félicités": the auxiliary may be one adverb away.
        let auxiliary = |k: usize| {
            let w = ctx.word(k);
            matches!(w, "a" | "avait" | "ont" | "avaient" | "aurait" | "auraient" | "aura")
                || (w == "est" || w == "sont" || w == "était") && k > 0 && matches!(ctx.word(k - 1), "s'" | "se")
                || inverted_auxiliary(w)
        };
        if auxiliary(i - 1) {
            return Some((i - 1, i));
        }
        if i > 1 && FRENCH_ADVERBS.contains(&ctx.word(i - 1)) && auxiliary(i - 2) {
            return Some((i - 2, i));
        }
        // "a de son côté dénoncé", "a pour sa part estimé", "a lui aussi déclaré".
        const ASIDE: [&str; 16] = ["de", "son", "sa", "ses", "leur", "côté", "pour", "part", "quant", "à", "lui", "elle", "eux", "aussi", "également", "même"];
        let aside = (1..=3).take_while(|&n| i > n && ASIDE.contains(&ctx.word(i - n))).last();
        if let Some(n) = aside.filter(|&n| n >= 2 && i > n && auxiliary(i - n - 1) && ctx.same_sentence(i - n - 1, i)) {
            return Some((i - n - 1, i));
        }
    }
    None
}

/// "a-t-il", "avait-elle", "ont-ils": an auxiliary with its subject pronoun after it.
pub(super) fn inverted_auxiliary(word: &str) -> bool {
    let Some((base, _)) = word.split_once('-') else { return false };
    matches!(base, "a" | "avait" | "ont" | "avaient" | "aurait")
        && (word.ends_with("-il") || word.ends_with("-elle") || word.ends_with("-ils") || word.ends_with("-elles") || word.ends_with("-on"))
}

/// Speech verbs whose listener comes before what is said: "told reporters that …".
pub(super) const LISTENER_VERBS: [&str; 16] = [
    "told",
    "tells",
    "tell",
    "telling",
    "assured",
    "assures",
    "informed",
    "informs",
    "warned",
    "warns",
    "reminded",
    "reminds",
    "promised",
    "promises",
    "advised",
    "cautioned",
];

/// Adverbs French puts between an auxiliary and its participle ("a également indiqué").
pub(super) const FRENCH_ADVERBS: [&str; 16] = [
    "alors",
    "aussi",
    "également",
    "déjà",
    "encore",
    "notamment",
    "ensuite",
    "toutefois",
    "pourtant",
    "bien",
    "même",
    "ainsi",
    "enfin",
    "récemment",
    "d'ailleurs",
    "aussitôt",
];

/// A French inverted verb written as one word: "expose-t-il", "a-t-elle", "indique-t-on".
pub(super) fn inverted_verb(ctx: &Context, i: usize) -> bool {
    let word = ctx.word(i);
    let base = word.split('-').next().unwrap_or("");
    word.contains('-')
        && (word.ends_with("-il") || word.ends_with("-elle") || word.ends_with("-ils") || word.ends_with("-elles"))
        && (SPEECH_VERBS.single.contains(base) || matches!(base, "a" | "avait" | "aurait"))
}
