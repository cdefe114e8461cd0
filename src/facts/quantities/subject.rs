//! What a number is about (`subject`): the names after it ("pour Huawei"), the company a count
//! belongs to ("jobs at Ford"), the entities before it in its sentence, the place it is counted
//! in; never its source, a measure or a date word.

use super::super::attrs::Subject;
use super::super::mentions::Mention;
use super::super::quotes::speech_verb;
use super::super::{Context, Fact, FactKind};
use super::currency;
use super::referred::referred_subject;
use crate::lang::Lang;
use crate::lexicons::date_words::{
    COMMITMENT_VERBS, MEASURE_ACRONYMS, MODIFIER_SUFFIXES, NAME_ARTICLES, OWNER_PREPOSITIONS, PLACE_PREPOSITIONS, SELF_PRONOUNS, SUBJECT_LINKS,
};
use crate::lexicons::quote_words::AUXILIARIES;
use crate::lexicons::{MONTHS, ORGANIZATIONS, PLACES, WEEKDAYS};
use crate::tokenize::{stopwords, TokenKind};
use rustc_hash::FxHashSet as HashSet;
use std::cell::OnceCell;

/// Capitalised names from token `i` on ("South China Morning Post"), as (first, last).
pub fn name_at(ctx: &Context, i: usize) -> Option<(usize, usize)> {
    if i >= ctx.len() || !ctx.capitalised(i) || ctx.kind(i) != TokenKind::Word {
        return None;
    }
    let mut last = i;
    while ctx.same_sentence(i, last + 1) && ctx.kind(last + 1) == TokenKind::Word && ctx.capitalised(last + 1) {
        last += 1;
    }
    Some((i, last))
}

fn name_text(ctx: &Context, (first, last): (usize, usize)) -> String {
    ctx.text[ctx.start(first)..ctx.end(last)].to_string()
}

/// How far back the subject of a number is looked for, in tokens.
const SUBJECT_WINDOW: usize = 60;

/// A name before a number that may be its subject: its text and tokens, and the kind of the
/// entity the entity stage found there (None for a capitalised name it did not find).
struct Candidate {
    name: String,
    kind: Option<FactKind>,
    first: usize,
    last: usize,
    /// A place after "in", "à", "dans" ("Pernod shares in Paris"): where, not who.
    locative: bool,
}

/// The entity the number is about: "pour Huawei mais également Tencent" after it; else the
/// company a count belongs to ("2,000 jobs at MG Rover"); else the nearest entity before it in
/// the sentence that is no place where something happens ("shares in Paris") nor a place that
/// qualifies a nearer name ("US media giant TimeWarner", "Italy's Illva"); else the place it
/// is counted in ("three litres in Japan"); else the nearest other name. A sentence's first word counts when it is no function word
/// ("Alibaba holds 35%", not "The firm holds 35%"); a source ("according to Reuters", "the
/// CGT said") never.
pub(super) fn subject<'a>(ctx: &Context<'a>, first: usize, last: usize, names: &Names<'a>) -> Subject {
    if let Some(subject) = subjects_after(ctx, last) {
        return subject;
    }
    if let Some(owner) = owner_after(ctx, last, names) {
        return Subject::One(owner);
    }
    let candidates = names_before(ctx, first, names);
    // A sentence that names no one before its number, but in its opening words or as where
    // something happens, may refer back to what the article is about ("It made £5m", "The
    // German firm cut 300 jobs", "The firm, based in London, sold 3 million phones").
    if let Some((name, opening_end)) = referred_subject(ctx, first, last, names) {
        if candidates.iter().all(|c| c.last <= opening_end || c.locative) {
            return Subject::One(name);
        }
    }
    let qualifies_nearer = |i: usize| i > 0 && candidates[i].kind == Some(FactKind::Place) && qualifies(ctx, &candidates[i], &candidates[i - 1]);
    let entity = (0..candidates.len()).find(|&i| candidates[i].kind.is_some() && !candidates[i].locative && !qualifies_nearer(i));
    let chosen = entity
        .map(|i| candidates[i].name.clone())
        .or_else(|| place_after(ctx, last, names))
        .or_else(|| candidates.iter().find(|c| c.kind.is_none()).or(candidates.first()).map(|c| c.name.clone()));
    chosen.map_or(Subject::Unknown, Subject::One)
}

/// Whether the place `place` qualifies the name `nearer` after it: only a possessive or
/// a few lowercase nouns between them ("Italy's Illva Saronno", "US media giant TimeWarner";
/// not "the UK and that downloads of TV").
fn qualifies(ctx: &Context, place: &Candidate, nearer: &Candidate) -> bool {
    let stop = stopwords::stop_words(Lang::Und);
    let noun = |j: usize| ctx.kind(j) == TokenKind::Word && !ctx.capitalised(j) && !stop.contains(ctx.word(j));
    let between = place.last + 1..nearer.first;
    between.len() <= 3 && between.clone().all(|j| noun(j) || matches!(ctx.word(j), "'s" | "’s"))
}

/// The names before token `first` in its sentence, nearest first, sources left out. A name
/// the entity stage found goes by the name the article gives it ("Nestlé" before "1bn Swiss
/// francs"); another capitalised name by its words ("Japanese", a product the tagger does not
/// know).
fn names_before<'a>(ctx: &Context<'a>, first: usize, names: &Names<'a>) -> Vec<Candidate> {
    let name_word = |k: usize| name_word(ctx, k, names);
    let mut found = Vec::new();
    let mut k = first;
    // Bounded walk: a sentence without punctuation may be a whole (huge) document.
    let stop_at = first.saturating_sub(SUBJECT_WINDOW);
    while k > stop_at && ctx.same_sentence(k - 1, first) {
        k -= 1;
        if !name_word(k) {
            continue;
        }
        let mut start = k;
        while start > 0 && ctx.same_sentence(start - 1, k) && name_word(start - 1) {
            start -= 1;
        }
        // "Star of the Sea", "Banque de France": a name goes on over "of the", "de".
        while let Some(before) = name_before_connector(ctx, start, &name_word) {
            start = before;
        }
        let entity = names.entity_at(ctx.start(start), ctx.end(k));
        let (from, to) = entity.map_or((start, k), |m| (m.first.min(start), m.last.max(k)));
        if !is_source(ctx, from, to, first, entity.is_some_and(|m| m.kind == FactKind::Organization)) {
            let kind = entity.map(|m| m.kind);
            let name = entity.map_or_else(|| name_text(ctx, (start, k)), |m| m.value.clone());
            let locative = kind == Some(FactKind::Place) && after_locative_preposition(ctx, from);
            found.push(Candidate { name, kind, first: from, last: to, locative });
        }
        k = start.min(from);
    }
    found
}

/// "According to Reuters, …", "selon la CGT", "selon la fédération des banques, Febelfin, …",
/// "the department said …", "Ken Macdonald, says …", "le Parquet a indiqué que …": the name in
/// tokens `from..=to` is the source of the number at token `number`, not its subject. Who
/// commits to something ("agreed to buy 33%", "a promis de…") or announces the number itself
/// ("BMW has announced £100m") is its subject, and so is an organisation that speaks of itself
/// ("Microsoft has said it will replace 14 million cables").
pub(super) fn is_source(ctx: &Context, from: usize, to: usize, number: usize, organisation: bool) -> bool {
    if cites_source(ctx, from) || apposition_of_cited_source(ctx, from, to) {
        return true;
    }
    let mut j = to + 1;
    if ctx.word(j) == "," {
        j += 1;
    }
    let reports = |j: usize| {
        let Some((_, verb)) = speech_verb(ctx, j).filter(|_| ctx.same_sentence(to, j)) else { return false };
        let commits = matches!(ctx.word(verb + 1), "to" | "de" | "d'") || verb + 1 == number && COMMITMENT_VERBS.contains(ctx.word(verb));
        let own_figure = organisation && of_itself(ctx, verb);
        !(commits || own_figure)
    };
    reports(j) || AUXILIARIES.contains(ctx.word(j)) && reports(j + 1)
}

/// Whether the speech verb at token `verb` goes on about its speaker: "says it expects", "said
/// its sales", "a indiqué que ses ventes".
fn of_itself(ctx: &Context, verb: usize) -> bool {
    let k = if matches!(ctx.word(verb + 1), "that" | "que" | "qu'") { verb + 2 } else { verb + 1 };
    ctx.same_sentence(verb, k) && SELF_PRONOUNS.contains(ctx.word(k))
}

/// "selon la fédération des banques, Febelfin, …": a name between commas after a cited source
/// ("According to Bloomberg, Tesla will…" cites Bloomberg alone).
fn apposition_of_cited_source(ctx: &Context, from: usize, to: usize) -> bool {
    if from == 0 || ctx.word(from - 1) != "," || ctx.word(to + 1) != "," {
        return false;
    }
    let comma = from - 1;
    (comma.saturating_sub(8)..comma).rev().take_while(|&j| ctx.same_sentence(j, comma) && ctx.word(j) != ",").any(|j| cites_source(ctx, j + 1))
}

/// Whether the name starting at token `from` follows a preposition of place ("in the UK",
/// "à Nice", "dans l'Isère").
fn after_locative_preposition(ctx: &Context, from: usize) -> bool {
    let before = before_article(ctx, from);
    before > 0 && ctx.same_sentence(before - 1, from) && PLACE_PREPOSITIONS.contains(ctx.word(before - 1))
}

/// "12 litres in the US", "27 degrés à Nice": the place right after a preposition of place
/// after the number.
fn place_after(ctx: &Context, last: usize, names: &Names) -> Option<String> {
    if !PLACE_PREPOSITIONS.contains(ctx.word(last + 1)) {
        return None;
    }
    let place = names.entity_from(ctx, last, past_article(ctx, last + 2)).filter(|m| m.kind == FactKind::Place)?;
    Some(place.value.clone())
}

/// "pour Huawei mais également Tencent": the names after "pour"/"for" the number, when any.
fn subjects_after(ctx: &Context, last: usize) -> Option<Subject> {
    if !matches!(ctx.word(last + 1), "pour" | "for") {
        return None;
    }
    let mut names = Vec::new();
    let mut k = last + 2;
    while let Some(name) = name_at(ctx, k) {
        names.push(name_text(ctx, name));
        k = name.1 + 1;
        while SUBJECT_LINKS.contains(ctx.word(k)) && ctx.same_sentence(last, k) {
            k += 1;
        }
    }
    match names.len() {
        0 => None,
        1 => Some(Subject::One(names.remove(0))),
        _ => Some(Subject::Several(names)),
    }
}

/// "2,000 jobs at MG Rover", "4 000 emplois menacés chez le groupe Sanofi": the entity a count
/// belongs to, after "at" or "chez" (a participle and a noun before its name may come between).
fn owner_after(ctx: &Context, last: usize, names: &Names) -> Option<String> {
    let stop = stopwords::stop_words(Lang::Und);
    let lowercase_word = |k: usize| ctx.kind(k) == TokenKind::Word && !ctx.capitalised(k) && !stop.contains(ctx.word(k));
    let mut k = last + 1;
    if lowercase_word(k) && OWNER_PREPOSITIONS.contains(ctx.word(k + 1)) {
        k += 1;
    }
    if !OWNER_PREPOSITIONS.contains(ctx.word(k)) {
        return None;
    }
    k = past_article(ctx, k + 1);
    if lowercase_word(k) {
        k += 1;
    }
    let owner = names.entity_from(ctx, last, k).filter(|m| m.kind != FactKind::Place)?;
    Some(owner.value.clone())
}

/// Whether token `k` may be a word of a number's subject: a capitalised word that is no date
/// word ("On Friday, 300 workers…" is about no Friday), no currency ("3m Euros"), no measure
/// ("GDP") and no adjective ("Netherlands-based"). A capitalised function word opening a
/// sentence ("Un lycéen", "Après trois ans") is none; inside a sentence one belongs to a name
/// ("New York", "The Hague"). A sentence's first word is a name when a gazetteer or the entity
/// stage knows it, the article capitalises it inside a sentence too ("Alibaba holds…"; not
/// "Afin de…"), or it is an acronym ("HP va supprimer…", "US exports").
fn name_word<'a>(ctx: &Context<'a>, k: usize, names: &Names<'a>) -> bool {
    if ctx.kind(k) != TokenKind::Word || !ctx.capitalised(k) {
        return false;
    }
    let word = ctx.word(k);
    if WEEKDAYS.contains_key(word) || MONTHS.contains_key(word) || currency(word).is_some() || MEASURE_ACRONYMS.contains(word) {
        return false;
    }
    if MODIFIER_SUFFIXES.iter().any(|suffix| word.ends_with(suffix)) {
        return false;
    }
    let text = ctx.text_of(k);
    let acronym = text.chars().count() >= 2 && text.chars().all(char::is_uppercase);
    let function_word = stopwords::stop_words(Lang::Und).contains(word) && !acronym;
    // The stop lists hold some names ("Microsoft", "World"): one the entity stage found inside
    // a sentence is one; opening a sentence, one the organisations' gazetteer knows (the
    // tagger takes "Since" or "Most" there for names, and "Most" is a Czech town).
    let entity = names.entity_at(ctx.start(k), ctx.end(k)).is_some();
    if !ctx.sentence_initial(k) {
        return !function_word || entity || name_word_inside(ctx, k);
    }
    let known = ORGANIZATIONS.contains_key(text) || PLACES.contains_key(text) || names.mid_sentence(ctx).contains(text) || entity;
    (!function_word || ORGANIZATIONS.contains_key(text)) && (known || acronym)
}

/// Whether the capitalised function word at token `k` (inside a sentence) is part of a name:
/// a capitalised word is next to it ("New York", "The Hague", "United States").
fn name_word_inside(ctx: &Context, k: usize) -> bool {
    let capitalised_word = |j: usize| ctx.same_sentence(k, j) && ctx.kind(j) == TokenKind::Word && ctx.capitalised(j);
    capitalised_word(k + 1) || k > 0 && capitalised_word(k - 1)
}

/// The first token of a name that goes on to token `start` over a connector ("Star of the
/// Sea", "Banque de France"): a name word before "of", "of the", "de", "de la", "du", "des".
fn name_before_connector(ctx: &Context, start: usize, name_word: &impl Fn(usize) -> bool) -> Option<usize> {
    let connector = |k: usize| matches!(ctx.word(k), "of" | "de" | "du" | "des" | "d'");
    let article = |k: usize| matches!(ctx.word(k), "the" | "la" | "l'");
    let c = start.checked_sub(1).map(|c| if c > 0 && article(c) { c - 1 } else { c })?;
    (c > 0 && connector(c) && ctx.same_sentence(c - 1, start) && name_word(c - 1)).then(|| c - 1)
}

/// Whether the name starting at token `start` follows "according to", "selon", "d'après" (with
/// a determiner between: "selon la CGT").
fn cites_source(ctx: &Context, start: usize) -> bool {
    let before = before_article(ctx, start);
    let word = |back: usize| if before >= back { ctx.word(before - back) } else { "" };
    matches!(word(1), "selon") || word(2) == "according" && word(1) == "to" || word(2) == "d'" && word(1) == "après"
}

/// Token `k`, or the one after it when `k` is an article ("in the UK", "chez le groupe").
fn past_article(ctx: &Context, k: usize) -> usize {
    if NAME_ARTICLES.contains(ctx.word(k)) {
        k + 1
    } else {
        k
    }
}

/// The first token of the name starting at token `start`, with its article ("selon la CGT").
fn before_article(ctx: &Context, start: usize) -> usize {
    if start > 0 && NAME_ARTICLES.contains(ctx.word(start - 1)) {
        start - 1
    } else {
        start
    }
}

/// What a number's subject is read from: the capitalised words inside sentences, and the
/// people, organisations and places the entity stage found.
pub(super) struct Names<'a> {
    /// Read on first use: few articles need it, and it costs a pass over every token.
    pub(super) mid_sentence: OnceCell<HashSet<&'a str>>,
    pub(super) entities: Vec<Mention>,
}

impl<'a> Names<'a> {
    /// The names of an article whose entity facts are among `facts`.
    pub(super) fn new(ctx: &Context<'a>, facts: &[Fact]) -> Names<'a> {
        Names { mid_sentence: OnceCell::new(), entities: super::super::mentions::entity_mentions(ctx, facts) }
    }

    fn mid_sentence(&self, ctx: &Context<'a>) -> &HashSet<&'a str> {
        self.mid_sentence.get_or_init(|| mid_sentence_names(ctx))
    }

    /// The entity that starts at token `k`, in the sentence of token `anchor`.
    fn entity_from(&self, ctx: &Context, anchor: usize, k: usize) -> Option<&Mention> {
        if k >= ctx.len() || !ctx.same_sentence(anchor, k) {
            return None;
        }
        self.entity_at(ctx.start(k), ctx.end(k)).filter(|m| m.first == k)
    }

    /// The entity overlapping bytes `start..end`.
    fn entity_at(&self, start: usize, end: usize) -> Option<&Mention> {
        let after = self.entities.partition_point(|m| m.start < end);
        self.entities[..after].iter().rev().take(8).find(|m| m.end > start)
    }
}

/// Capitalised words inside sentences: names, for telling "Alibaba holds…" from "Afin de…".
pub(super) fn mid_sentence_names<'a>(ctx: &Context<'a>) -> HashSet<&'a str> {
    (0..ctx.len()).filter(|&j| ctx.kind(j) == TokenKind::Word && ctx.capitalised(j) && !ctx.sentence_initial(j)).map(|j| ctx.text_of(j)).collect()
}
