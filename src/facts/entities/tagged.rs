//! The trained tagger's names joined with the rules' (`crate::tagger`): the tagger decides
//! where a name is and what it names; the rules keep what they know better than a model
//! trained on running text: canonical names from the gazetteers, names after titles, datelines,
//! sports tables, streets, and the surnames of people the article has already named.
//!
//! Measured on the development sets (README), the join beats both the rules alone and the
//! tagger alone on CoNLL-2003 and the Europeana pages; on WiNER-fr (modern news, what the
//! tagger trained on) the tagger alone is slightly better on organisations.

use super::{inside_expansion, lookup, Class, Document};
use crate::facts::{overlaps, Fact, FactKind};
use crate::tagger::{tagger, EntityKind};
use serde_json::Value;

/// Rules that guess from the look of a word (capitals, repetition, a neighbour, initials):
/// their names count only where the tagger also finds a name, and the tagger says its kind.
/// Each was measured as a guess and as a rule on its own (README, "Entities"); these are the
/// ones that do better as guesses.
const GUESSES: [&str; 8] = [
    "entity.person_name",
    "entity.single_name",
    "entity.fr_single_name",
    "entity.fr_locative",
    "entity.fr_speaker",
    "entity.acronym",
    "entity.org_name_continued",
    "entity.person_coordinated",
];

/// The rule name of the tagger's own names.
pub(super) const TAGGER_RULE: &str = "entity.tagger";

fn fact_kind(kind: EntityKind) -> FactKind {
    match kind {
        EntityKind::Person => FactKind::Person,
        EntityKind::Organization => FactKind::Organization,
        EntityKind::Place => FactKind::Place,
    }
}

fn class_kind(class: Class) -> FactKind {
    match class {
        Class::Person => FactKind::Person,
        Class::Organization => FactKind::Organization,
        Class::Place => FactKind::Place,
    }
}

/// A name the tagger found, as byte offsets and tokens.
struct Tagged {
    start: usize,
    end: usize,
    first: usize,
    last: usize,
    kind: FactKind,
}

/// The tagger's names in the article. The tokens come from the article itself, so tagging
/// cannot fail; were it to, the rules' names stand alone.
fn tagged_names(doc: &Document) -> Vec<Tagged> {
    let ctx = doc.ctx;
    let mentions = tagger().tag(ctx.text, &ctx.tokens, ctx.article.lang).unwrap_or_default();
    mentions
        .into_iter()
        .map(|m| Tagged { start: ctx.start(m.first_token), end: ctx.end(m.last_token), first: m.first_token, last: m.last_token, kind: fact_kind(m.kind) })
        .collect()
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// "US$40 billion", "HK$3": letters glued to a currency sign are part of the currency's
/// symbol, not a place's name.
fn currency_prefix(doc: &Document, end: usize) -> bool {
    doc.ctx.text[end..].starts_with(['$', '€', '£', '¥'])
}

/// The value of a name only the tagger found: the gazetteers' canonical name when they agree on
/// the kind ("États-Unis" → "United States"), the full name of a person the article named
/// before ("Blair" → "Tony Blair"), else the words themselves.
fn value_of(doc: &Document, tagged: &Tagged) -> String {
    let text = &doc.ctx.text[tagged.start..tagged.end];
    match lookup(text) {
        Some((class, canonical)) if class_kind(class) == tagged.kind => canonical.to_string(),
        _ if tagged.kind == FactKind::Person && tagged.first == tagged.last => doc.persons.get(text).cloned().unwrap_or_else(|| text.to_string()),
        _ => text.to_string(),
    }
}

/// The rules' names in `facts[from..]` that hold, with the tagger's kind for guesses.
fn ruled_names(facts: &mut Vec<Fact>, from: usize, tagged: &[Tagged]) -> Vec<Fact> {
    let mut kept = Vec::with_capacity(facts.len() - from + tagged.len());
    for mut fact in facts.drain(from..) {
        if !GUESSES.contains(&fact.rule) {
            kept.push(fact);
        } else if let Some(t) = tagged.iter().find(|t| overlap((t.start, t.end), (fact.start, fact.end))) {
            fact.kind = t.kind;
            kept.push(fact);
        }
    }
    kept
}

/// Replaces the rules' names in `facts[from..]` by the joined names, in text order: the rules'
/// names that hold, then the tagger's names where no rule's name stands, no date, no currency
/// sign, and no part of an acronym's long form.
pub(super) fn join(doc: &Document, facts: &mut Vec<Fact>, from: usize) {
    let tagged = tagged_names(doc);
    let mut names = ruled_names(facts, from, &tagged);
    let ruled = names.len();
    for t in &tagged {
        let taken = names[..ruled].iter().any(|f| overlap((f.start, f.end), (t.start, t.end)));
        let not_a_name = overlaps(&doc.dates, t.start, t.end) || currency_prefix(doc, t.end) || inside_expansion(&doc.expansions, t.start, t.end);
        if !taken && !not_a_name {
            names.push(Fact::new(t.kind, t.start, t.end, Value::String(value_of(doc, t)), TAGGER_RULE));
        }
    }
    names.retain(|f| !currency_prefix(doc, f.end));
    names.sort_by_key(|f| (f.start, f.end));
    facts.extend(names);
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Given};
    use crate::facts::{extract_kinds, FactKind};

    /// Every name of `text` the whole pipeline finds: text, kind, value, rule.
    fn names(text: &str) -> Vec<(String, &'static str, String, &'static str)> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let facts = extract_kinds(&article, Some(&[FactKind::Person, FactKind::Organization, FactKind::Place]));
        facts.iter().map(|f| (text[f.start..f.end].to_string(), f.kind.name(), f.value.as_str().unwrap().to_string(), f.rule)).collect()
    }

    fn kind_of<'a>(got: &'a [(String, &'static str, String, &'static str)], span: &str) -> Option<&'a str> {
        got.iter().find(|(t, ..)| t == span).map(|(_, kind, ..)| *kind)
    }

    #[test]
    fn the_tagger_finds_names_the_rules_miss() {
        // "Front de gauche" has no organisation word the rules know: only the tagger finds it.
        let got = names("Hier, le Front de gauche a réuni ses militants à Grenoble.");
        assert!(got.iter().any(|(t, kind, _, rule)| t == "Front de gauche" && *kind == "organization" && *rule == super::TAGGER_RULE), "{got:?}");
    }

    #[test]
    fn rules_keep_titles_canonical_names_and_surnames() {
        let got = names("President Lena Ortiz flew to the United States on Monday. Ortiz met bankers in New York.");
        assert!(got.iter().any(|(t, kind, v, rule)| t == "Lena Ortiz" && *kind == "person" && v == "Lena Ortiz" && *rule == "entity.person_title"), "{got:?}");
        assert!(got.iter().any(|(t, _, v, _)| t == "United States" && v == "United States"), "{got:?}");
        assert!(got.iter().any(|(t, kind, v, _)| t == "Ortiz" && *kind == "person" && v == "Lena Ortiz"), "{got:?}");
    }

    #[test]
    fn a_guess_takes_the_taggers_kind() {
        // Two capitalised words read as a person's name by the rules; the tagger knows a firm
        // by the words around it.
        let got = names("Analysts at Goldman Sachs said the bank would gain.");
        assert!(got.iter().any(|(t, kind, _, rule)| t == "Goldman Sachs" && *kind == "organization" && *rule == "entity.person_name"), "{got:?}");
    }

    #[test]
    fn letters_before_a_currency_sign_are_no_place() {
        let got = names("The fund raised US$40 billion and HK$3 billion in Hong Kong.");
        assert!(!got.iter().any(|(t, ..)| t == "US" || t == "HK"), "{got:?}");
        assert_eq!(kind_of(&got, "Hong Kong"), Some("place"), "{got:?}");
    }

    #[test]
    fn dates_are_no_names() {
        let got = names("Le 14 Juillet, Paul Martin a défilé à Paris.");
        assert!(!got.iter().any(|(t, ..)| t.contains("Juillet")), "{got:?}");
        assert_eq!(kind_of(&got, "Paul Martin"), Some("person"), "{got:?}");
    }
}
