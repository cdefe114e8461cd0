//! Facts found in an article: dates and durations, quantities and money, cited sources,
//! acronyms, quotes with their speakers. Each fact carries its byte span, a normalised value, attributes and the rule that
//! made it. One file per kind; `context` is what they all read.

mod acronyms;
mod context;
mod dates;
mod entities;
mod quantities;
mod quotes;
mod roles;
mod sources;

pub use context::Context;
pub use dates::{DateValue, ReferenceDate};

use crate::article::Article;
use serde_json::{Map, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FactKind {
    Date,
    Duration,
    Quantity,
    Money,
    Source,
    Acronym,
    Quote,
    Person,
    Organization,
    Place,
    Role,
}

impl FactKind {
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Date => "date",
            FactKind::Duration => "duration",
            FactKind::Quantity => "quantity",
            FactKind::Money => "money",
            FactKind::Source => "source",
            FactKind::Acronym => "acronym",
            FactKind::Quote => "quote",
            FactKind::Person => "person",
            FactKind::Organization => "organization",
            FactKind::Place => "place",
            FactKind::Role => "role",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub kind: FactKind,
    /// Byte offsets into the article text.
    pub start: usize,
    pub end: usize,
    pub value: Value,
    pub attrs: Map<String, Value>,
    pub rule: &'static str,
    pub confidence: f32,
    /// Filled by `extract`: the sentence (token sentence id) and segment index of `start`.
    pub sentence: u32,
    pub segment: u32,
}

impl Fact {
    pub fn new(kind: FactKind, start: usize, end: usize, value: Value, rule: &'static str) -> Fact {
        Fact { kind, start, end, value, attrs: Map::new(), rule, confidence: 0.8, sentence: 0, segment: 0 }
    }

    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Fact {
        self.attrs.insert(key.to_string(), value.into());
        self
    }
}

/// The spans of the facts of `kind`, sorted, for `overlaps`.
pub(crate) fn spans_of(facts: &[Fact], kind: FactKind) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = facts.iter().filter(|f| f.kind == kind).map(|f| (f.start, f.end)).collect();
    spans.sort_unstable();
    spans
}

/// Whether `start..end` overlaps one of `spans` (sorted, not overlapping each other): a binary
/// search, so that a document with thousands of dates stays linear.
pub(crate) fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let after = spans.partition_point(|&(s, _)| s < end);
    after > 0 && spans[after - 1].1 > start
}

/// Every fact of `article`, in text order, each with its sentence and segment.
/// A speaker named by a role ("son fondateur", "its founder") is the person the article gives
/// that role: the quote's `speaker` becomes the name, `speaker_start`/`speaker_end` still
/// point at the words that name them, and `speaker_descriptor` keeps those words.
fn speakers_from_roles(facts: &mut [Fact]) {
    let roles: Vec<(String, String)> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Role)
        .filter_map(|f| Some((f.attrs.get("role")?.as_str()?.to_lowercase(), f.attrs.get("person")?.as_str()?.to_string())))
        .collect();
    if roles.is_empty() {
        return;
    }
    for fact in facts.iter_mut().filter(|f| f.kind == FactKind::Quote) {
        let Some(speaker) = fact.attrs.get("speaker").and_then(Value::as_str).map(str::to_string) else { continue };
        if !speaker.chars().next().is_some_and(char::is_lowercase) || speaker.split_whitespace().count() > 4 {
            continue;
        }
        let head = speaker.split_whitespace().last().unwrap_or("").to_lowercase();
        let people: Vec<&String> = roles.iter().filter(|(role, _)| *role == head).map(|(_, person)| person).collect();
        if let Some(&person) = people.first().filter(|_| people.iter().all(|p| *p == people[0])) {
            fact.attrs.insert("speaker_descriptor".into(), Value::String(speaker));
            fact.attrs.insert("speaker".into(), Value::String(person.clone()));
        }
    }
}

pub fn extract(article: &Article) -> Vec<Fact> {
    let context = Context::new(article);
    let mut facts = Vec::new();
    dates::extract(&context, &mut facts);
    quantities::extract(&context, &mut facts);
    sources::extract(&context, &mut facts);
    acronyms::extract(&context, &mut facts);
    quotes::extract(&context, &mut facts);
    entities::extract(&context, &mut facts);
    roles::extract(&context, &mut facts);
    speakers_from_roles(&mut facts);
    for fact in &mut facts {
        let token = context.token_at(fact.start);
        fact.sentence = context.tokens.sentence.get(token).copied().unwrap_or(0);
        fact.segment = context.segments.get(token).copied().unwrap_or(0);
    }
    facts.sort_by_key(|f| (f.start, f.end, f.kind.name()));
    facts
}
