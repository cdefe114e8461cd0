//! Capitalised names inside a span of tokens: who a phrase names.

use super::*;

/// The run of capitalised words that starts at token `k`, if one does.
pub(super) fn name_at_start(ctx: &Context, k: usize) -> Option<(usize, usize)> {
    if k >= ctx.len() || ctx.kind(k) != TokenKind::Word || !ctx.capitalised(k) {
        return None;
    }
    let mut e = k;
    while e + 1 < ctx.len() && ctx.kind(e + 1) == TokenKind::Word && ctx.capitalised(e + 1) && ctx.same_sentence(k, e + 1) && e - k < 4 {
        e += 1;
    }
    Some((k, e))
}

/// The last capitalised run of two or more words in tokens `first..=last` ("Ren Zhengfei" in
/// "le fondateur de Huawei Ren Zhengfei"), else the last capitalised word.
pub(super) fn name_in(ctx: &Context, first: usize, last: usize) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    // An empty span (`last < first`, or `last` wrapped below zero by a caller) names no one;
    // clamping `last` keeps the walk finite whatever the caller passed.
    let last = last.min(ctx.len().saturating_sub(1));
    let mut k = first;
    while k <= last {
        if ctx.kind(k) == TokenKind::Word && ctx.capitalised(k) && !(ctx.sentence_initial(k) && k == first && !ctx.capitalised(k + 1)) {
            let start = k;
            while k < last && ctx.kind(k + 1) == TokenKind::Word && ctx.capitalised(k + 1) {
                k += 1;
            }
            // "le fondateur de Huawei Ren Zhengfei": after "role of", a long run is the
            // organisation then the person (a name of two words).
            let after_role = start >= 2 && matches!(ctx.word(start - 1), "de" | "of" | "d'") && ROLE_NOUNS.contains(&ctx.word(start - 2));
            let run = if after_role && k - start >= 2 { (k - 1, k) } else { (start, k) };
            let longer = best.is_none_or(|(a, b)| b - a < 1 || run.1 - run.0 >= 1);
            if longer {
                best = Some(run);
            }
        }
        k += 1;
    }
    best
}

/// The first name of two words or more from `first` to `last`.
pub(super) fn first_name_in(ctx: &Context, first: usize, last: usize) -> Option<(usize, usize)> {
    let name_word = |k: usize| ctx.kind(k) == TokenKind::Word && ctx.capitalised(k);
    let start = (first..last).find(|&k| name_word(k) && name_word(k + 1))?;
    let end = (start + 1..=last).take_while(|&k| name_word(k)).last()?;
    Some((start, end))
}

/// The name between commas right after a phrase ending at token `e` ("la fédération des
/// banques, Febelfin, « … »", "le ministre du budget, Jérôme Cahuzac, « … »"), past an
/// acronym in brackets ("… pétrolières (Ufip), Jean Martin"): a run of capitalised words
/// closed by a comma, a quotation mark or the sentence's end.
pub(super) fn named_apposition(ctx: &Context, e: usize) -> Option<(usize, usize)> {
    let e = if ctx.word(e + 1) == "(" && ctx.word(e + 3) == ")" { e + 3 } else { e };
    if ctx.word(e + 1) != "," || !ctx.same_sentence(e, e + 2) {
        return None;
    }
    let (a, b) = name_at_start(ctx, e + 2)?;
    let closed = ctx.word(b + 1) == "," || is_quote_mark(ctx.text_of(b + 1)) || !ctx.same_sentence(b, b + 1) || ctx.word(b + 1) == ".";
    closed.then_some((a, b))
}
