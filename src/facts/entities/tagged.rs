//! The trained tagger's names joined with the rules' (`crate::tagger`): the tagger decides
//! where a name is and what it names; the rules keep what they know better than a model
//! trained on running text: canonical names from the gazetteers, names after titles, datelines,
//! sports tables, streets, and the surnames of people the article has already named.
//!
//! Measured on the development sets (README), the join beats both the rules alone and the
//! tagger alone on CoNLL-2003 and the Europeana pages; on WiNER-fr (modern news, what the
//! tagger trained on) the tagger alone is slightly better on organisations.

use super::described::{described_companies, drop_titles_of_works, portfolio};
use super::{all_caps, inside_expansion, lookup, plausible_single_name, title_or_common_acronym, Document};
use crate::facts::{overlaps, Fact, FactKind};
use crate::lexicons::entity_words::{EVENT_AND_LAW_HEADS, FORMS_OF_ADDRESS};
use crate::lexicons::PERSON_TITLES;
use crate::tagger::{tagger, EntityKind};
use rustc_hash::FxHashMap as HashMap;
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

/// Guesses whose kind the rule reads from what the tagger does not see: a known body's name
/// going on ("Huawei Cloud"), a name in a list after a person's ("M. Lestelly, Carjol et
/// Turcy"). The tagger says whether they are names; the rule keeps their kind.
const KIND_FROM_CONTEXT: [&str; 2] = ["entity.org_name_continued", "entity.person_coordinated"];

/// Whether a rule's name is a guess: one of `GUESSES`, or a lone word for a kind of body
/// ("Conseil", "Commission", "Cour"), which names one only in a longer name or by context.
fn is_guess(doc: &Document, fact: &Fact) -> bool {
    let lone_body_word = fact.rule == "entity.org_word" && doc.ctx.token_at(fact.start) == doc.ctx.token_at(fact.end - 1);
    GUESSES.contains(&fact.rule) || lone_body_word
}

/// The rule name of the tagger's own names.
pub(super) const TAGGER_RULE: &str = "entity.tagger";

fn fact_kind(kind: EntityKind) -> FactKind {
    match kind {
        EntityKind::Person => FactKind::Person,
        EntityKind::Organization => FactKind::Organization,
        EntityKind::Place => FactKind::Place,
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
        .map(|m| {
            let kind = fact_kind(m.kind);
            let first = if kind == FactKind::Person { after_role_titles(doc, m.first_token, m.last_token) } else { m.first_token };
            Tagged { start: ctx.start(first), end: ctx.end(m.last_token), first, last: m.last_token, kind }
        })
        .collect()
}

/// The first word of a person's name after the role titles the tagger took in ("Chairman
/// Paul Volcker", "Secretary Caspar Weinberger"): a title says what the person is, not who,
/// and the same person is written without it elsewhere. Forms of address stay ("Mr Brown").
fn after_role_titles(doc: &Document, mut first: usize, last: usize) -> usize {
    let role = |k: usize| {
        let word = doc.ctx.word(k).trim_end_matches('.');
        PERSON_TITLES.contains(word) && !FORMS_OF_ADDRESS.contains(word)
    };
    while first < last && role(first) {
        first += 1;
    }
    first
}

/// "US$40 billion", "HK$3": letters glued to a currency sign are part of the currency's
/// symbol, not a place's name.
fn currency_prefix(doc: &Document, end: usize) -> bool {
    doc.ctx.text[end..].starts_with(['$', '€', '£', '¥'])
}

/// An event, a prize or a law the tagger took for a body's or a person's name: its first or
/// last word says what it is ("Commonwealth Games", "Coupe du monde", "Finance Act").
fn event_or_law(doc: &Document, t: &Tagged) -> bool {
    [t.first, t.last].iter().any(|&k| EVENT_AND_LAW_HEADS.contains(doc.ctx.word(k)))
}

/// A lone word only the tagger reads as a name, which the article's own writing says is not
/// one: a word it also writes in lowercase ("Murder" opening a quote, "bill" and "Bill"), a
/// function word, a month, or a sentence's first word that is never capitalised elsewhere.
fn unlikely_lone_name(doc: &Document, t: &Tagged) -> bool {
    let (ctx, k) = (doc.ctx, t.first);
    // Initials ("GM", "LR") and names that open in lowercase ("al-Bab") are left to the tagger.
    if t.first != t.last || !ctx.capitalised(k) || all_caps(ctx.text_of(k)) {
        return false;
    }
    let opener = ctx.sentence_initial(k) || k > 0 && matches!(ctx.text_of(k - 1), "\"" | "“" | "«" | "‘");
    doc.is_lowercase_elsewhere(k) || doc.is_stop(k) || !plausible_single_name(ctx.word(k)) || opener && doc.only_mid_sentence_count(k) == 0
}

/// The value of a name only the tagger found: the gazetteers' canonical name when they agree on
/// the kind ("États-Unis" → "United States"), the full name of a person the article named
/// before ("Blair" → "Tony Blair"), else the words themselves.
fn value_of(doc: &Document, tagged: &Tagged) -> String {
    let text = &doc.ctx.text[tagged.start..tagged.end];
    match lookup(text) {
        Some((class, canonical)) if class.fact_kind() == tagged.kind => canonical.to_string(),
        _ if tagged.kind == FactKind::Person && tagged.first == tagged.last => doc.persons.get(text).cloned().unwrap_or_else(|| text.to_string()),
        _ => text.to_string(),
    }
}

/// A name of the tagger's, of the same kind, that holds the fact's words and more: "Cour
/// pénale internationale" around the rules' "Cour" (French writes only the first word of a
/// body's name in capitals, which is where the rules' names stop).
fn longer_span<'t>(tagged: &'t [Tagged], fact: &Fact) -> Option<&'t Tagged> {
    first_overlapping(tagged, fact.start, fact.end)
        .filter(|t| t.kind == fact.kind && t.start <= fact.start && fact.end <= t.end && (t.start, t.end) != (fact.start, fact.end))
}

/// The first tagged name overlapping `start..end`. The tagger's names are in text order and
/// never overlap, so their ends grow too: a binary search keeps a long article linear.
fn first_overlapping(tagged: &[Tagged], start: usize, end: usize) -> Option<&Tagged> {
    let after = tagged.partition_point(|t| t.end <= start);
    tagged.get(after).filter(|t| t.start < end)
}

/// Spans sorted by start, with the furthest end reached so far: whether a span overlaps any
/// of them in one binary search, nested or overlapping spans included.
struct Reach {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Reach {
    fn new(names: &[Fact]) -> Reach {
        let mut spans: Vec<(usize, usize)> = names.iter().map(|f| (f.start, f.end)).collect();
        spans.sort_unstable();
        let reach = spans.iter().scan(0, |far, &(_, end)| {
            *far = end.max(*far);
            Some(*far)
        });
        Reach { reach: reach.collect(), starts: spans.iter().map(|&(start, _)| start).collect() }
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        let before = self.starts.partition_point(|&s| s < end);
        before > 0 && self.reach[before - 1] > start
    }
}

/// The fact over the tagger's longer span, valued by the gazetteers when they know it. A
/// surname keeps the full name it stands for.
fn widen(doc: &Document, fact: &mut Fact, tagged: &Tagged) {
    (fact.start, fact.end) = (tagged.start, tagged.end);
    if fact.rule != "entity.person_surname" {
        fact.value = Value::String(value_of(doc, tagged));
    }
}

/// The rules' names in `facts[from..]` that hold, with the tagger's kind and span for guesses.
fn ruled_names(doc: &Document, facts: &mut Vec<Fact>, from: usize, tagged: &[Tagged]) -> Vec<Fact> {
    let mut kept = Vec::with_capacity(facts.len() - from + tagged.len());
    let rules = Reach::new(&facts[from..]);
    for mut fact in facts.drain(from..) {
        if !is_guess(doc, &fact) {
            if let Some(t) = longer_span(tagged, &fact) {
                widen(doc, &mut fact, t);
            }
            kept.push(fact);
        } else if let Some(t) = first_overlapping(tagged, fact.start, fact.end) {
            if !KIND_FROM_CONTEXT.contains(&fact.rule) {
                fact.kind = t.kind;
                // The tagger also says where the name starts and ends ("American Ann Lee" →
                // "Ann Lee"), but never over another rule's name beside the guess ("Huawei" in
                // "le fondateur de Huawei Ren Zhengfei").
                let crosses = t.start < fact.start && rules.overlaps(t.start, fact.start) || fact.end < t.end && rules.overlaps(fact.end, t.end);
                if !crosses && (t.start, t.end) != (fact.start, fact.end) {
                    (fact.start, fact.end) = (t.start, t.end);
                    fact.value = Value::String(value_of(doc, t));
                }
            }
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
    let mut names = ruled_names(doc, facts, from, &tagged);
    let ruled = Reach::new(&names);
    for t in &tagged {
        let taken = ruled.overlaps(t.start, t.end);
        let not_a_name = overlaps(&doc.dates, t.start, t.end)
            || currency_prefix(doc, t.end)
            || inside_expansion(&doc.expansions, t.start, t.end)
            || unlikely_lone_name(doc, t)
            || event_or_law(doc, t)
            || t.first == t.last && title_or_common_acronym(doc.ctx.word(t.first));
        if !taken && !not_a_name {
            names.push(Fact::new(t.kind, t.start, t.end, Value::String(value_of(doc, t)), TAGGER_RULE));
        }
    }
    names.retain(|f| !(currency_prefix(doc, f.end) || f.kind == FactKind::Organization && portfolio(doc, f.start)));
    described_companies(doc, &mut names);
    drop_titles_of_works(doc, &mut names);
    drop_nested(&mut names);
    name_surnames(&mut names);
    facts.extend(names);
}

/// "Baker" after "James Baker": a person's lone surname takes the full name the article gave
/// last with that surname, whichever rule or the tagger found it (as the surname rule does
/// with the rules' names). `names` are in text order.
fn name_surnames(names: &mut [Fact]) {
    let mut full_names: HashMap<String, String> = HashMap::default();
    for fact in names.iter_mut().filter(|f| f.kind == FactKind::Person) {
        let Some(value) = fact.value.as_str() else { continue };
        match value.rsplit_once(' ') {
            Some((given, surname)) if !FORMS_OF_ADDRESS.contains(given.to_lowercase().trim_end_matches('.')) => {
                full_names.insert(surname.to_string(), value.to_string());
            }
            None => {
                if let Some(full) = full_names.get(value) {
                    fact.value = Value::String(full.clone());
                }
            }
            Some(_) => {}
        }
    }
}

/// Drops names inside another ("New York" in "Bourse de New York", once widened).
fn drop_nested(names: &mut Vec<Fact>) {
    names.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut reach = 0;
    names.retain(|f| {
        let inside = f.end <= reach;
        reach = reach.max(f.end);
        !inside
    });
}

#[cfg(test)]
pub(super) mod tests {
    use crate::article::{Article, Given};
    use crate::facts::{extract_kinds, Fact, FactKind};
    use serde_json::Value;

    /// Every name of `text` the whole pipeline finds: text, kind, value, rule.
    pub(in crate::facts::entities) fn names(text: &str) -> Vec<(String, &'static str, String, &'static str)> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let facts = extract_kinds(&article, Some(&[FactKind::Person, FactKind::Organization, FactKind::Place]));
        facts.iter().map(|f| (text[f.start..f.end].to_string(), f.kind.name(), f.value.as_str().unwrap().to_string(), f.rule)).collect()
    }

    pub(in crate::facts::entities) fn kind_of<'a>(got: &'a [(String, &'static str, String, &'static str)], span: &str) -> Option<&'a str> {
        got.iter().find(|(t, ..)| t == span).map(|(_, kind, ..)| *kind)
    }

    fn person_values(text: &str) -> Vec<String> {
        names(text).into_iter().filter(|(_, kind, ..)| *kind == "person").map(|(_, _, value, _)| value).collect()
    }

    #[test]
    fn a_role_title_is_not_part_of_a_name() {
        let got = person_values("Reuters - Treasury Secretary Maren Holt said rates would fall.");
        assert_eq!(got, ["Maren Holt"]);
    }

    #[test]
    fn a_surname_takes_the_full_name_given_before() {
        let got = person_values("Treasury Secretary Maren Holt met bankers in Oslo on Monday. Holt said rates would fall.");
        assert_eq!(got, ["Maren Holt", "Maren Holt"]);
        // Two people of that name: the one named last.
        let got = person_values("Maren Holt met bankers on Monday. Her brother Anders Holt did not. Holt said rates would fall.");
        assert_eq!(got.last().map(String::as_str), Some("Anders Holt"));
    }

    #[test]
    fn the_tagger_finds_names_the_rules_miss() {
        // "Front de gauche" has no organisation word the rules know: only the tagger finds it.
        let got = names("Hier, le Front de gauche a réuni ses militants à Grenoble.");
        assert!(got.iter().any(|(t, kind, _, rule)| t == "Front de gauche" && *kind == "organization" && *rule == super::TAGGER_RULE), "{got:?}");
    }

    #[test]
    fn rules_keep_titles_canonical_names_and_surnames() {
        let got = names("President Lena Ortiz landed in the United States late on Monday. Ortiz met bankers in New York.");
        assert!(got.iter().any(|(t, kind, v, rule)| t == "Lena Ortiz" && *kind == "person" && v == "Lena Ortiz" && *rule == "entity.person_title"), "{got:?}");
        assert!(got.iter().any(|(t, _, v, _)| t == "United States" && v == "United States"), "{got:?}");
        assert!(got.iter().any(|(t, kind, v, _)| t == "Ortiz" && *kind == "person" && v == "Lena Ortiz"), "{got:?}");
    }

    #[test]
    fn a_guess_takes_the_taggers_span() {
        // The rules read three capitalised words as a person's name; the tagger leaves the
        // nationality out.
        let got = names("Yesterday American sprinter Ann Lee won, and American Ann Lee said she was tired.");
        assert!(got.iter().any(|(t, kind, ..)| t == "Ann Lee" && *kind == "person"), "{got:?}");
        assert!(!got.iter().any(|(t, ..)| t.starts_with("American")), "{got:?}");
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
    fn a_body_word_takes_the_taggers_longer_name() {
        let got = names("Hier, la Commission européenne a ouvert une enquête sur la banque.");
        assert!(got.iter().any(|(t, kind, v, _)| t == "Commission européenne" && *kind == "organization" && v == "European Commission"), "{got:?}");
        assert!(!got.iter().any(|(t, ..)| t == "Commission"), "{got:?}");
    }

    #[test]
    fn lone_words_the_article_writes_in_lowercase_are_no_names() {
        // The tagger alone reads "Murder" opening a quote as a name; the article writes "murder".
        let got = names("\"Murder is the charge,\" the lawyer said. The murder shocked the town of Ashby.");
        assert!(!got.iter().any(|(t, ..)| t == "Murder"), "{got:?}");
    }

    #[test]
    fn reach_finds_overlaps_with_nested_spans() {
        let facts: Vec<Fact> = [(0, 30), (5, 10), (40, 50)].iter().map(|&(s, e)| Fact::new(FactKind::Place, s, e, Value::Null, "r")).collect();
        let reach = super::Reach::new(&facts);
        assert!(reach.overlaps(20, 25) && reach.overlaps(45, 60) && reach.overlaps(29, 41));
        assert!(!reach.overlaps(30, 40) && !reach.overlaps(50, 70));
    }

    #[test]
    fn events_laws_and_common_initials_are_no_names() {
        let got = names("Runners from Kenya won at the Commonwealth Games in Glasgow. MPs passed the Finance Act. La TVA augmente.");
        assert!(!got.iter().any(|(t, ..)| t.contains("Games") || t.contains("Act") || t == "TVA"), "{got:?}");
        assert_eq!(kind_of(&got, "Glasgow"), Some("place"), "{got:?}");
    }

    #[test]
    fn names_inside_a_longer_name_are_dropped() {
        let mut facts = vec![
            Fact::new(FactKind::Organization, 0, 18, Value::Null, "a"),
            Fact::new(FactKind::Place, 10, 18, Value::Null, "b"),
            Fact::new(FactKind::Place, 20, 25, Value::Null, "c"),
        ];
        super::drop_nested(&mut facts);
        assert_eq!(facts.iter().map(|f| f.rule).collect::<Vec<_>>(), ["a", "c"]);
    }

    #[test]
    fn dates_are_no_names() {
        let got = names("Le 14 Juillet, Paul Martin a défilé à Paris.");
        assert!(!got.iter().any(|(t, ..)| t.contains("Juillet")), "{got:?}");
        assert_eq!(kind_of(&got, "Paul Martin"), Some("person"), "{got:?}");
    }
}
