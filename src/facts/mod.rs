//! Facts found in an article: dates and durations, quantities and money, cited sources,
//! acronyms, quotes with their speakers. Each fact carries its byte span, a normalised value, attributes and the rule that
//! made it. One file per kind; `context` is what they all read.

mod acronyms;
mod attrs;
mod context;
mod dates;
mod entities;
mod mentions;
mod number_words;
mod quantities;
mod quotes;
mod roles;
mod sources;

pub use attrs::{field_of, AcronymAttrs, AmountAttrs, Attrs, DurationAttrs, Field, QuoteAttrs, RoleAttrs, SourceAttrs, Speaker, Subject};
pub use context::Context;
pub use dates::{DateValue, ReferenceDate};

use crate::article::Article;
use serde_json::Value;

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

    pub const ALL: [FactKind; 11] = [Date, Duration, Quantity, Money, Source, Acronym, Quote, Person, Organization, Place, Role];

    /// The kind a name ("date", "quote"…) names.
    pub fn from_name(name: &str) -> Option<FactKind> {
        FactKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub kind: FactKind,
    /// Byte offsets into the article text.
    pub start: usize,
    pub end: usize,
    pub value: Value,
    pub attrs: Attrs,
    pub rule: &'static str,
    /// Filled by `extract`: the sentence (token sentence id) and segment index of `start`.
    pub sentence: u32,
    pub segment: u32,
}

impl Fact {
    pub fn new(kind: FactKind, start: usize, end: usize, value: Value, rule: &'static str) -> Fact {
        Fact { kind, start, end, value, attrs: Attrs::None, rule, sentence: 0, segment: 0 }
    }

    pub fn with(mut self, attrs: Attrs) -> Fact {
        self.attrs = attrs;
        self
    }
}

/// The spans of the facts of `kind`, sorted, for `overlaps`.
pub(crate) fn spans_of(facts: &[Fact], kind: FactKind) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = facts.iter().filter(|f| f.kind == kind).map(|f| (f.start, f.end)).collect();
    spans.sort_unstable();
    spans
}

/// `spans` sorted, with overlapping ones joined: what `overlaps` needs of spans of several kinds.
pub(crate) fn merged(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match out.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// Whether `start..end` overlaps one of `spans` (sorted, not overlapping each other): a binary
/// search, so that a document with thousands of dates stays linear.
pub(crate) fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let after = spans.partition_point(|&(s, _)| s < end);
    after > 0 && spans[after - 1].1 > start
}

/// A speaker named by a role ("son fondateur", "its founder") is the person the article gives
/// that role: the quote's `speaker` becomes the name, `speaker_start`/`speaker_end` still
/// point at the words that name them, and `speaker_descriptor` keeps those words.
fn speakers_from_roles(facts: &mut [Fact]) {
    let roles: Vec<(String, String)> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Role)
        .filter_map(|f| match &f.attrs {
            Attrs::Role(r) => Some((r.role.to_lowercase(), r.person.clone())),
            _ => None,
        })
        .collect();
    if roles.is_empty() {
        return;
    }
    for fact in facts.iter_mut() {
        let Attrs::Quote(QuoteAttrs { speaker: Some(speaker), speaker_descriptor, .. }) = &mut fact.attrs else { continue };
        if !speaker.name.chars().next().is_some_and(char::is_lowercase) || speaker.name.split_whitespace().count() > 4 {
            continue;
        }
        let head = speaker.name.split_whitespace().last().unwrap_or("").to_lowercase();
        let people: Vec<&String> = roles.iter().filter(|(role, _)| *role == head).map(|(_, person)| person).collect();
        if let Some(&person) = people.first().filter(|_| people.iter().all(|p| *p == people[0])) {
            *speaker_descriptor = Some(std::mem::replace(&mut speaker.name, person.clone()));
        }
    }
}

/// One extractor: the kinds it makes and the kinds it reads from the facts found before it.
pub struct Stage {
    pub name: &'static str,
    pub makes: &'static [FactKind],
    pub needs: &'static [FactKind],
    run: fn(&Context, &mut Vec<Fact>),
}

use FactKind::*;

/// The stages in the order they run: each one's needs are made by stages before it (a test
/// checks). A number's subject is an entity; quotes need people: "he" stands for the nearest
/// person named before it. Speakers need roles because a speaker named by a role ("its founder") becomes the
/// person the article gives that role, once roles are known.
pub const STAGES: [Stage; 8] = [
    Stage { name: "dates", makes: &[Date, Duration], needs: &[], run: dates::extract },
    Stage { name: "sources", makes: &[Source], needs: &[], run: sources::extract },
    Stage { name: "acronyms", makes: &[Acronym], needs: &[], run: acronyms::extract },
    Stage { name: "entities", makes: &[Person, Organization, Place], needs: &[Date, Acronym], run: entities::extract },
    Stage { name: "quantities", makes: &[Quantity, Money], needs: &[Date, Duration, Person, Organization, Place], run: quantities::extract },
    Stage { name: "quotes", makes: &[Quote], needs: &[Person], run: quotes::extract },
    Stage { name: "roles", makes: &[Role], needs: &[Person, Organization, Place], run: roles::extract },
    Stage { name: "speakers_from_roles", makes: &[], needs: &[Quote, Role], run: speakers_from_roles_stage },
];

// The signature every stage has (`Stage::run`), though this one only rewrites facts in place.
#[allow(clippy::ptr_arg)]
fn speakers_from_roles_stage(_: &Context, facts: &mut Vec<Fact>) {
    speakers_from_roles(facts)
}

/// Which stages run for `kinds` (all of them for None): those that make a kind asked for, and,
/// going back, those that make what a running stage needs.
pub fn stages_for(kinds: Option<&[FactKind]>) -> Vec<&'static Stage> {
    let Some(kinds) = kinds else { return STAGES.iter().collect() };
    let mut wanted: Vec<FactKind> = kinds.to_vec();
    // Quotes are only final once their speakers have met the roles.
    if wanted.contains(&Quote) {
        wanted.push(Role);
    }
    let mut run = [false; STAGES.len()];
    for (index, stage) in STAGES.iter().enumerate().rev() {
        let makes_wanted = stage.makes.iter().any(|k| wanted.contains(k));
        let completes_quotes = stage.makes.is_empty() && stage.needs.iter().all(|k| wanted.contains(k));
        if makes_wanted || completes_quotes {
            run[index] = true;
            wanted.extend(stage.needs);
        }
    }
    STAGES.iter().zip(run).filter(|(_, r)| *r).map(|(s, _)| s).collect()
}

/// The time each stage takes on `article` is added to `times` (in `STAGES` order, then the
/// context's tokens and lowercase forms): what `examples/profile_facts.rs` prints.
pub fn time_stages(article: &Article, times: &mut [std::time::Duration; STAGES.len() + 1]) {
    let began = std::time::Instant::now();
    let context = Context::new(article);
    times[STAGES.len()] += began.elapsed();
    let mut facts = Vec::new();
    for (stage, time) in STAGES.iter().zip(times.iter_mut()) {
        let began = std::time::Instant::now();
        (stage.run)(&context, &mut facts);
        *time += began.elapsed();
    }
}

/// Every fact of `article`, in text order, each with its sentence and segment.
pub fn extract(article: &Article) -> Vec<Fact> {
    extract_kinds(article, None)
}

/// The facts of `kinds` (all for None), running only the stages they need: the same facts of
/// those kinds as `extract` finds.
pub fn extract_kinds(article: &Article, kinds: Option<&[FactKind]>) -> Vec<Fact> {
    let context = Context::new(article);
    let mut facts = Vec::new();
    for stage in stages_for(kinds) {
        (stage.run)(&context, &mut facts);
    }
    if let Some(kinds) = kinds {
        facts.retain(|f| kinds.contains(&f.kind));
    }
    for fact in &mut facts {
        on_one_line(fact);
        let token = context.token_at(fact.start);
        fact.sentence = context.tokens.sentence.get(token).copied().unwrap_or(0);
        fact.segment = context.segments.get(token).copied().unwrap_or(0);
    }
    facts.sort_by_key(|f| (f.start, f.end, f.kind.name()));
    facts
}

/// A name, cue or measure written across a line break of hard-wrapped text ("National
/// Organization⏎of Cypriot Fighters") is read on one line: each run of white space that holds
/// a line break becomes one space. The fact's offsets still point at the text as written.
fn on_one_line(fact: &mut Fact) {
    let value = match &mut fact.value {
        Value::String(value) => Some(value),
        _ => None,
    };
    for text in fact.attrs.texts_mut().into_iter().chain(value) {
        if text.contains(['\n', '\r']) {
            *text = joined_lines(text);
        }
    }
}

/// `text` with each run of white space that holds a line break as one space.
fn joined_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |out: &mut String, run: &mut String| {
        out.push_str(if run.contains(['\n', '\r']) { " " } else { run });
        run.clear();
    };
    for c in text.chars() {
        if c.is_whitespace() {
            run.push(c);
        } else {
            flush(&mut out, &mut run);
            out.push(c);
        }
    }
    flush(&mut out, &mut run);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Given;

    #[test]
    fn names_written_across_lines_read_on_one_line() {
        assert_eq!(joined_lines("National Organization\n   of Cypriot  Fighters"), "National Organization of Cypriot  Fighters");
        assert_eq!(joined_lines("a\r\nb "), "a b ");
        let text = "Grain prices to rise\n\nPrices will rise by 5 pct next year, the chairman of the Northern Grain\nTraders Association, Paul Dumont, said on Monday as exports\nto Asia grow and stocks\nfall.";
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let facts = extract(&article);
        let named = |kind: FactKind| facts.iter().filter(|f| f.kind == kind).flat_map(|f| f.value.as_str()).collect::<Vec<_>>();
        assert_eq!(named(FactKind::Organization), ["Northern Grain Traders Association"], "{facts:?}");
        assert_eq!(named(FactKind::Person), ["Paul Dumont"]);
    }

    #[test]
    fn every_stage_needs_only_what_stages_before_it_make() {
        for (index, stage) in STAGES.iter().enumerate() {
            for need in stage.needs {
                assert!(STAGES[..index].iter().any(|s| s.makes.contains(need)), "{} needs {:?}", stage.name, need);
            }
        }
        let names = |kinds: &[FactKind]| stages_for(Some(kinds)).iter().map(|s| s.name).collect::<Vec<_>>();
        assert_eq!(names(&[Date]), ["dates"]);
        assert_eq!(names(&[Money]), ["dates", "acronyms", "entities", "quantities"]);
        assert_eq!(names(&[Role]), ["dates", "acronyms", "entities", "roles"]);
        assert_eq!(stages_for(None).len(), STAGES.len());
    }

    #[test]
    fn a_selection_finds_what_the_whole_finds() {
        let text = "The founder of Acme Corp, Jane Miller, said on Monday that sales rose 12% to $5bn last year, \
                    according to the Financial Times. \u{201c}We will hire,\u{201d} its founder added. The World Health Organization (WHO) agreed.";
        let article = Article::analyze("t".into(), text.to_string(), Given { date: Some("2021-03-10".into()), ..Given::default() }).unwrap();
        let all = extract(&article);
        for kind in FactKind::ALL {
            let alone = extract_kinds(&article, Some(&[kind]));
            let expected: Vec<&Fact> = all.iter().filter(|f| f.kind == kind).collect();
            assert_eq!(alone.iter().collect::<Vec<_>>(), expected, "{}", kind.name());
        }
        assert!(all.iter().any(|f| f.kind == Quote) && all.iter().any(|f| f.kind == Role));
    }
}
