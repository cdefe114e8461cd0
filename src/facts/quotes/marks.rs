//! Quotation marks: curly, guillemets, straight, and two apostrophes written as one.

use super::*;

/// '' or `` written as one quotation mark (adjacent tokens).
pub(super) fn double_mark(ctx: &Context, i: usize) -> bool {
    let t = ctx.text_of(i);
    (t == "'" || t == "`") && ctx.text_of(i + 1) == t && ctx.end(i) == ctx.start(i + 1)
}

pub(super) fn is_open_mark(text: &str) -> bool {
    matches!(text, "“" | "«" | "„")
}

pub(super) fn is_close_mark(text: &str) -> bool {
    matches!(text, "”" | "»")
}

/// A straight mark written against the word or mark before it and not against a word after
/// it ('world," he' or 'end."'): a closer, where an opener is written the other way round.
pub(super) fn glued_closer(ctx: &Context, k: usize) -> bool {
    let glued_before = k > 0 && ctx.end(k - 1) == ctx.start(k);
    let glued_word_after = k + 1 < ctx.len() && ctx.start(k + 1) == ctx.end(k) && ctx.kind(k + 1) != TokenKind::Punct;
    glued_before && !glued_word_after
}

/// Any quotation mark, opening, closing or straight.
pub(super) fn is_quote_mark(text: &str) -> bool {
    is_open_mark(text) || is_close_mark(text) || text == "\""
}
