//! The people, organisations and places the entity stage found, as the stages after it read
//! them (roles, quantities' subjects, quotes' speakers): kind, tokens, bytes and name.

use super::{Context, Fact, FactKind};

pub(crate) struct Mention {
    pub kind: FactKind,
    /// First and last token.
    pub first: usize,
    pub last: usize,
    /// Byte offsets in the article text.
    pub start: usize,
    pub end: usize,
    /// The name the article gives the entity (the fact's value).
    pub value: String,
}

/// The entity mentions among `facts`, in text order.
pub(crate) fn entity_mentions(ctx: &Context, facts: &[Fact]) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = facts
        .iter()
        .filter(|f| matches!(f.kind, FactKind::Person | FactKind::Organization | FactKind::Place))
        .map(|f| Mention {
            kind: f.kind,
            first: ctx.token_at(f.start),
            last: ctx.token_at(f.end.saturating_sub(1)),
            start: f.start,
            end: f.end,
            value: f.value.as_str().map_or_else(|| ctx.text[f.start..f.end].to_string(), str::to_string),
        })
        .collect();
    mentions.sort_by_key(|m| m.start);
    mentions
}
