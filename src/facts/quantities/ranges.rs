//! The two ends of a range ("between 3% and 3.5%") as a lower and an upper bound.

use super::super::attrs::Attrs;
use super::super::{Context, Fact};
use super::number_value;
use crate::lexicons::date_words::CHANGE_VERBS;
use crate::tokenize::TokenKind;

/// "between 3% and 3.5%", "de 1 000 à 4 000 emplois", "a $40 to $50 level": the two ends of a
/// range are a lower (">") and an upper ("<") bound, not two exact figures. A move is no range:
/// "prices rose from $639m to $1.13bn", "fell $1.64 to $47.10" (a verb of change before).
pub(super) fn mark_ranges(ctx: &Context, found: &mut [Fact]) {
    // "de 1 000 à 4 000 emplois": the bare number is no fact of its own, but bounds this one.
    let mut previous_end = 0;
    for fact in found.iter_mut() {
        let first = ctx.token_at(fact.start);
        let bare = first >= 2 && ctx.kind(first - 2) == TokenKind::Number && ctx.start(first - 2) >= previous_end;
        previous_end = fact.end;
        let rising = bare && number_value(ctx.text_of(first - 2), ctx.article.lang).zip(fact.value.as_f64()).is_some_and(|(low, high)| low < high);
        if let Attrs::Amount(attrs) = &mut fact.attrs {
            if rising && attrs.qualifier == "=" && is_range(ctx, first - 2, first - 2, first) {
                attrs.qualifier = "<";
            }
        }
    }
    for i in 1..found.len() {
        let (low, high) = (&found[i - 1], &found[i]);
        let rising = low.value.as_f64().zip(high.value.as_f64()).is_some_and(|(a, b)| a < b);
        if low.kind != high.kind
            || !rising
            || !same_unit(low, high)
            || !is_range(ctx, ctx.token_at(low.start), ctx.token_at(low.end - 1), ctx.token_at(high.start))
        {
            continue;
        }
        for (k, sign) in [(i - 1, ">"), (i, "<")] {
            if let Attrs::Amount(attrs) = &mut found[k].attrs {
                if attrs.qualifier == "=" {
                    attrs.qualifier = sign;
                }
            }
        }
    }
}

/// Whether two amounts count in the same unit or currency ("1,7 % à 201 000 tonnes" are two).
fn same_unit(a: &Fact, b: &Fact) -> bool {
    match (&a.attrs, &b.attrs) {
        (Attrs::Amount(a), Attrs::Amount(b)) => a.unit == b.unit && a.currency == b.currency,
        _ => false,
    }
}

/// Whether the numbers at tokens `first..=last` and `next` (the lower first) are the ends of
/// one range: one link between them ("to", "à", a dash written without spaces; "and", "et"
/// after "between", "entre"), not after "from" ("raised from £2.50 to £4" is a move) and no
/// verb of change just before ("rose", "a grimpé de").
fn is_range(ctx: &Context, first: usize, last: usize, next: usize) -> bool {
    if next != last + 2 || !ctx.same_sentence(first, next) || first == 0 {
        return false;
    }
    let before = ctx.word(first - 1);
    let link = last + 1;
    let unspaced = ctx.start(link) == ctx.end(last) && ctx.end(link) == ctx.start(next);
    let linked = match ctx.word(link) {
        "and" | "et" => matches!(before, "between" | "entre"),
        "to" | "à" => before != "from",
        "-" | "–" => unspaced,
        _ => false,
    };
    // Level verbs ("reached", "atteint") are among the change verbs.
    let moved = (first.saturating_sub(4)..first).any(|k| CHANGE_VERBS.contains(ctx.word(k)));
    linked && !moved
}
