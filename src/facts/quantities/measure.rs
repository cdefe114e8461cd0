//! What a number measures (`measure`) and whether it is a move or a level (`change`):
//! "of the cloud market" after it, "exports rose 12%" before it, "a pre-tax profit of £75m".

use super::super::Context;
use crate::lang::Lang;
use crate::lexicons::date_words::{CHANGE_VERBS, COPULAS, LEVEL_VERBS, MEASURE_ENDS, NOT_MEASURE_NOUNS, NOUN_PHRASE_OPENERS_FR, PREPOSITIONS_BEFORE_NOUNS};
use crate::lexicons::{DETERMINERS, NUMBER_WORDS};
use crate::tokenize::{stopwords, TokenKind};

/// What is measured: "of the Chinese cloud computing market", "du marché chinois dans le cloud".
pub(super) fn measure(ctx: &Context, last: usize) -> Option<String> {
    let mut k = last + 1;
    if !matches!(ctx.word(k), "of" | "du" | "de" | "des" | "d'") || !ctx.same_sentence(last, k) {
        return None;
    }
    k += 1;
    while matches!(ctx.word(k), "the" | "la" | "le" | "les" | "l'") {
        k += 1;
    }
    let first = k;
    while ctx.same_sentence(last, k) && ctx.kind(k) == TokenKind::Word && !MEASURE_ENDS.contains(ctx.word(k)) {
        k += 1;
    }
    if k == first {
        return None;
    }
    Some(ctx.text[ctx.start(first)..ctx.end(k - 1)].to_string())
}

/// What is measured, written before the number and its verb: "US exports rose 12.3%" →
/// "exports", "the trade gap narrowed by 4.9%" → "trade gap", "le chômage a reculé de 0,2 %"
/// → "chômage". The lowercase words right before the verb (past an auxiliary), no function
/// word among them; a name or a function word ends them. With whether the number is a change
/// ("rose 5%", "a reculé de 0,2 %") rather than a level ("rose to $47", "hit $3bn").
pub(super) fn measure_before(ctx: &Context, first: usize) -> Option<(String, bool)> {
    let same = |k: usize| ctx.same_sentence(k, first);
    let mut k = first.checked_sub(1)?;
    // "by 4.9%", "de 0,2 %" (a change); "à 9,1 %", "at 3%", "to $1.15 trillion" (a level)
    let link = ctx.word(k);
    let level_link = matches!(link, "à" | "at" | "to");
    if matches!(link, "by" | "de" | "d'" | "à" | "at" | "to") && k > 0 {
        k -= 1;
    }
    // "rose $2.10 to $61.40", "a grimpé de 3 % à 12 €": the level after the change amount.
    if level_link {
        let mut amount = 0;
        let amount_part = |k: usize| {
            ctx.kind(k) == TokenKind::Number
                || ctx.text_of(k).starts_with(|c: char| c.is_ascii_digit())
                || matches!(ctx.text_of(k), "$" | "€" | "£" | "¥" | "%")
        };
        while amount < 4 && k > 0 && amount_part(k) {
            (k, amount) = (k - 1, amount + 1);
        }
        if amount > 0 && matches!(ctx.word(k), "by" | "de") && k > 0 {
            k -= 1;
        }
    }
    // "rose sharply by", "fell even faster by", "edged up": up to two adverbs or particles
    let mut moved_up_or_down = false;
    for _ in 0..2 {
        if k > 0 && (ctx.word(k).ends_with("ly") || matches!(ctx.word(k), "even" | "faster" | "further" | "up" | "down" | "back" | "encore" | "fortement")) {
            moved_up_or_down |= matches!(ctx.word(k), "up" | "down");
            k -= 1;
        }
    }
    // "the price is £5", "le taux est de 3 %": a level; "was up 4.3%": a move.
    let copula = COPULAS.contains(ctx.word(k));
    if !(CHANGE_VERBS.contains(ctx.word(k)) || copula) || !same(k) || k == 0 {
        return None;
    }
    let change = if copula { moved_up_or_down } else { !level_link && !LEVEL_VERBS.contains(ctx.word(k)) };
    let mut end = k - 1;
    // "has risen", "a reculé", "s'est établi", "ont atteint"
    while end > 0 && matches!(ctx.word(end), "has" | "have" | "had" | "a" | "ont" | "avait" | "est" | "s'" | "se" | "was") {
        end -= 1;
    }
    let stop = stopwords::stop_words(ctx.article.lang);
    let word = |i: usize| ctx.kind(i) == TokenKind::Word && !stop.contains(ctx.word(i)) && same(i) && ctx.word(i).chars().count() >= 3;
    // A capitalised word belongs to the measure only opening its sentence ("Revenue dipped
    // 1.4%") and when the article also writes it in lowercase: a name ("Vodafone rose 3%")
    // is the number's subject, not what it measures.
    let lower = |i: usize| !ctx.capitalised(i) || ctx.sentence_initial(i) && written_in_lowercase(ctx, i);
    let mut start = end + 1;
    while start > 0 && end + 1 - start < 3 && word(start - 1) && lower(start - 1) {
        start -= 1;
    }
    // After a copula, only a whole noun phrase: "Turnover for the quarter was" measures no
    // quarter, "le niveau de vie est" no "vie", "une durée de vingt minutes sont" no minutes.
    let complement = |i: usize| matches!(ctx.word(i), "of" | "de" | "d'" | "du" | "des");
    let counted = |i: usize| ctx.kind(i) == TokenKind::Number || NUMBER_WORDS.contains_key(ctx.word(i));
    let in_phrase = start >= 1 && (complement(start - 1) || counted(start - 1))
        || start >= 2 && DETERMINERS.contains(&ctx.word(start - 1)) && PREPOSITIONS_BEFORE_NOUNS.contains(ctx.word(start - 2));
    if copula && start <= end && in_phrase {
        return None;
    }
    (start <= end).then(|| (ctx.text[ctx.start(start)..ctx.end(end)].to_string(), change))
}

/// Whether the text around token `i` (`LOWERCASE_WINDOW` tokens either side) writes its word
/// in lowercase (a common word, not a name). Bounded, so that an article of many such
/// sentences stays linear.
fn written_in_lowercase(ctx: &Context, i: usize) -> bool {
    let word = ctx.word(i);
    let around = i.saturating_sub(LOWERCASE_WINDOW)..(i + LOWERCASE_WINDOW).min(ctx.len());
    around.into_iter().any(|k| k != i && !ctx.capitalised(k) && ctx.word(k) == word)
}

/// What a sum or a percentage measures, named by the noun it is "of": "a pre-tax profit of
/// £75m" → "pre-tax profit", "un chiffre d'affaires de 2 milliards" → "chiffre d'affaires"
/// (an elided "d'" joins two words), "at a cost of £50m" → "cost". Up to two lowercase words
/// before "of" (a verb before them is left out: "avoid top-up fees of…"; "-ing" words too),
/// or a French noun phrase opened by an article or a possessive ("une marge brute de 31
/// euros"; French "de" has too many other senses). No word of change ("a rise of 5%": what
/// rose is the measure) or of amount ("a total of"). Not for counts: "a survey of 1,000
/// people" measures nothing.
pub(super) fn noun_of_number(ctx: &Context, first: usize) -> Option<String> {
    if first < 2 {
        return None;
    }
    let of = first - 1;
    let french = ctx.article.lang == Lang::Fr;
    let linked = if french { matches!(ctx.word(of), "de" | "d'") } else { ctx.word(of) == "of" };
    let end = of - 1;
    if !linked || !ctx.same_sentence(end, first) || NOT_MEASURE_NOUNS.contains(ctx.word(end)) {
        return None;
    }
    let stop = stopwords::stop_words(ctx.article.lang);
    let word = |i: usize| {
        let w = ctx.word(i);
        ctx.kind(i) == TokenKind::Word
            && !ctx.capitalised(i)
            && ctx.same_sentence(i, first)
            && w.chars().count() >= 3
            && !stop.contains(w)
            && !w.ends_with("ing")
    };
    let elision = |i: usize| french && i >= 1 && ctx.word(i) == "d'" && word(i - 1);
    let mut start = end + 1;
    let longest = if french { 3 } else { 2 };
    while start > 0 && end + 1 - start < longest && (word(start - 1) || start - 1 < end && elision(start - 1)) {
        start -= 1;
    }
    if start > end || !word(start) {
        return None;
    }
    if french && (start == 0 || !NOUN_PHRASE_OPENERS_FR.contains(ctx.word(start - 1))) {
        return None;
    }
    Some(ctx.text[ctx.start(start)..ctx.end(end)].to_string())
}

/// Tokens either side of a word that `written_in_lowercase` reads: a few paragraphs.
const LOWERCASE_WINDOW: usize = 400;
