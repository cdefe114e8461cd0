//! Percentages, counts and money, with their qualifier ("plus de" → ">"), the entity they are
//! about (`subject`) and what they measure (`measure`).

use super::attrs::{AmountAttrs, Attrs, Subject};
use super::mentions::Mention;
use super::number_words::number_words;
use super::quotes::speech_verb;
use super::{Context, Fact, FactKind};
use crate::lang::Lang;
use crate::lexicons::date_words::{
    ScaleForm, ADJECTIVES_BEFORE_COUNTED, CHANGE_VERBS, COMMITMENT_VERBS, COUNT_UNITS, CURRENCIES, CURRENCY_FIRST_WORDS, CURRENCY_NAMES, LEVEL_VERBS,
    MAX_CURRENCY_WORDS, MEASURE_ACRONYMS, MEASURE_ENDS, MODIFIER_SUFFIXES, NAME_ARTICLES, NOT_COUNTED, NOT_MEASURE_NOUNS, NOUN_PHRASE_OPENERS_FR,
    OWNER_PREPOSITIONS, PLACE_PREPOSITIONS, QUALIFIERS, SCALES, SUBJECT_LINKS,
};
use crate::lexicons::quote_words::AUXILIARIES;
use crate::lexicons::{MONTHS, ORGANIZATIONS, PLACES, WEEKDAYS};
use crate::tokenize::{stopwords, TokenKind};
use rustc_hash::FxHashSet as HashSet;
use serde_json::json;
use std::cell::OnceCell;

/// The ISO code of a currency word or sign ("€", "dollars", "fcfa"), with the form it matched.
fn currency(word: &str) -> Option<(&'static str, &'static str)> {
    CURRENCIES.get_key_value(word).map(|(&form, &code)| (form, code))
}

/// A number with its scale written against it ("5bn"): the number, the scale and its factor.
type GluedScale = (f64, &'static str, f64);

/// A number with its scale written against it: "5bn", "40m", "10k", "2.5bn".
fn glued_scale(text: &str, lang: Lang) -> Option<GluedScale> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = text[digits.len()..].to_ascii_lowercase();
    let (&word, &(scale, _)) = SCALES.get_key_value(suffix.as_str()).filter(|(_, (_, form))| *form == ScaleForm::Suffix)?;
    Some((number_value(digits, lang)?, word, scale))
}

/// The value of digits as the article's language writes them. French: "1,5" and "1 500", so
/// "1,500" is one and a half, and a period before exactly three digits groups thousands
/// ("1.500"). English: "1.5" and "1,500"; a comma before other than three digits is a decimal
/// comma ("2,75" in a quoted European figure). Other languages read as English.
fn number_value(text: &str, lang: Lang) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != '%').collect();
    let (decimal, grouping) = if lang == Lang::Fr { (',', '.') } else { ('.', ',') };
    let groups_thousands = |s: &str, mark: char| s.rsplit(mark).next().is_some_and(|after| after.len() == 3);
    let normal = if cleaned.contains(grouping) && !cleaned.contains(decimal) && !groups_thousands(&cleaned, grouping) {
        // A lone grouping mark before other than three digits can only be a decimal one.
        cleaned.replace(grouping, ".")
    } else {
        cleaned.replace(grouping, "").replace(decimal, ".")
    };
    normal.parse().ok()
}

fn qualifier_before(ctx: &Context, i: usize) -> (usize, &'static str) {
    for (phrase, sign) in QUALIFIERS.iter() {
        let n = phrase.len();
        if i >= n && ctx.word(i - 1) == phrase[n - 1] && ctx.matches(i - n, phrase) {
            return (i - n, sign);
        }
    }
    (i, "=")
}

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
/// nearest entity before it in the sentence that is no place where something happens
/// ("shares in Paris") nor a place that qualifies a nearer name ("US media giant
/// TimeWarner", "Italy's Illva"); else the place it is counted in ("three litres in Japan");
/// else the nearest other name. A sentence's first word counts when it is no function word
/// ("Alibaba holds 35%", not "The firm holds 35%"); a source ("according to Reuters", "the
/// CGT said") never.
fn subject<'a>(ctx: &Context<'a>, first: usize, last: usize, names: &Names<'a>) -> Subject {
    if let Some(subject) = subjects_after(ctx, last) {
        return subject;
    }
    if let Some(owner) = owner_after(ctx, last, names) {
        return Subject::One(owner);
    }
    let candidates = names_before(ctx, first, names);
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
        if !is_source(ctx, from, to, first) {
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
/// ("BMW has announced £100m") is its subject.
fn is_source(ctx: &Context, from: usize, to: usize, number: usize) -> bool {
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
        !commits
    };
    reports(j) || AUXILIARIES.contains(ctx.word(j)) && reports(j + 1)
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
    let before = if from > 0 && NAME_ARTICLES.contains(ctx.word(from - 1)) { from - 1 } else { from };
    before > 0 && ctx.same_sentence(before - 1, from) && PLACE_PREPOSITIONS.contains(ctx.word(before - 1))
}

/// "12 litres in the US", "27 degrés à Nice": the place right after a preposition of place
/// after the number.
fn place_after(ctx: &Context, last: usize, names: &Names) -> Option<String> {
    let mut k = last + 1;
    if !PLACE_PREPOSITIONS.contains(ctx.word(k)) {
        return None;
    }
    k += 1;
    if NAME_ARTICLES.contains(ctx.word(k)) {
        k += 1;
    }
    if k >= ctx.len() || !ctx.same_sentence(last, k) {
        return None;
    }
    let place = names.entity_at(ctx.start(k), ctx.end(k)).filter(|m| m.kind == FactKind::Place && m.first == k)?;
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
    k += 1;
    if NAME_ARTICLES.contains(ctx.word(k)) {
        k += 1;
    }
    if lowercase_word(k) {
        k += 1;
    }
    if k >= ctx.len() || !ctx.same_sentence(last, k) {
        return None;
    }
    let owner = names.entity_at(ctx.start(k), ctx.end(k)).filter(|m| m.first == k && m.kind != FactKind::Place)?;
    Some(owner.value.clone())
}

/// Whether token `k` may be a word of a number's subject: a capitalised word that is no date
/// word ("On Friday, 300 workers…" is about no Friday), no currency ("3m Euros"), no measure
/// ("GDP") and no adjective ("Netherlands-based"). A
/// capitalised function word opening a sentence ("Un lycéen", "Après trois ans") is none;
/// inside a sentence one belongs to a name ("New York", "The Hague"). A sentence's first word
/// is a name when a gazetteer or the entity stage knows it, the article capitalises it inside
/// a sentence too ("Alibaba holds…"; not "Afin de…"), or it is an acronym ("HP va supprimer…", "US exports").
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
    // The stop lists hold some names ("Microsoft", "World"): one the entity stage found is one.
    let entity = names.entity_at(ctx.start(k), ctx.end(k)).is_some();
    if !ctx.sentence_initial(k) {
        return !function_word || entity || name_word_inside(ctx, k);
    }
    let known = ORGANIZATIONS.contains_key(text) || PLACES.contains_key(text) || names.mid_sentence(ctx).contains(text) || entity;
    !function_word && (known || acronym)
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
    let before = if start > 0 && NAME_ARTICLES.contains(ctx.word(start - 1)) { start - 1 } else { start };
    let word = |back: usize| if before >= back { ctx.word(before - back) } else { "" };
    matches!(word(1), "selon") || word(2) == "according" && word(1) == "to" || word(2) == "d'" && word(1) == "après"
}

/// What is measured: "of the Chinese cloud computing market", "du marché chinois dans le cloud".
fn measure(ctx: &Context, last: usize) -> Option<String> {
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
fn measure_before(ctx: &Context, first: usize) -> Option<(String, bool)> {
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
    for _ in 0..2 {
        if k > 0 && (ctx.word(k).ends_with("ly") || matches!(ctx.word(k), "even" | "faster" | "further" | "up" | "down" | "back" | "encore" | "fortement")) {
            k -= 1;
        }
    }
    if !CHANGE_VERBS.contains(ctx.word(k)) || !same(k) || k == 0 {
        return None;
    }
    let change = !level_link && !LEVEL_VERBS.contains(ctx.word(k));
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
fn noun_of_number(ctx: &Context, first: usize) -> Option<String> {
    let of = first.checked_sub(2).map(|_| first - 1)?;
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

/// The noun a number counts, from token `k`: a lowercase word that is no function word, no
/// month and no unit of time ("200 voix", "1 550 soldats", "three candidates"); its singular
/// as the unit, and its last token.
/// `several`: the number is more than one, so what it counts is written in the plural.
fn counted_noun(ctx: &Context, k: usize, several: bool, stop: &HashSet<String>) -> Option<(String, usize)> {
    let noun_at = |k: usize| {
        let word = ctx.word(k);
        // Verbs read as verbs: "entre 8 et 10 devront", "3 injured".
        let verb = word.ends_with("ont") || word.ends_with("aient") || word.ends_with("ait") || word.ends_with("ed");
        // "10 annually", "the 3 largest", "2 best-selling": adverbs and adjectives.
        let modifier = word.ends_with("ly") || word.ends_with("est") || word.ends_with("ing") || word == "idle" || word == "deep";
        ctx.kind(k) == TokenKind::Word
            && !ctx.capitalised(k)
            && word.chars().count() >= 3
            && !stop.contains(word)
            && !verb
            && !modifier
            && !crate::lexicons::MONTHS.contains_key(word)
            && !NOT_COUNTED.contains(word)
            && ctx.same_sentence(k - 1, k)
    };
    // "303 grands électeurs", "les 8 premiers mois": the noun after an adjective.
    let k = if ADJECTIVES_BEFORE_COUNTED.contains(ctx.word(k)) { k + 1 } else { k };
    if !noun_at(k) {
        return None;
    }
    // Several of a thing are written in the plural: "100 secondary pupils" counts pupils, the
    // word after an adjective; "800,000 live in…" counts nothing said.
    let plural = |k: usize| ctx.word(k).ends_with('s') || ctx.word(k).ends_with('x');
    let k = match () {
        _ if !several || plural(k) => k,
        _ if noun_at(k + 1) && plural(k + 1) => k + 1,
        _ => return None,
    };
    let word = ctx.word(k);
    let singular = match word.strip_suffix('s') {
        Some(stem) if stem.ends_with("ie") && ctx.article.lang == Lang::En => format!("{}y", &stem[..stem.len() - 2]),
        Some(stem) if !word.ends_with("ss") && stem.chars().count() >= 3 => stem.to_string(),
        _ => word.to_string(),
    };
    Some((singular, k))
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    // A date or a duration ("nine months", "huit jours") is not also a quantity.
    let mut dates = super::spans_of(facts, FactKind::Date);
    dates.extend(super::spans_of(facts, FactKind::Duration));
    let dates = super::merged(dates);
    let stop = stopwords::stop_words(Lang::Und);
    let names = Names { mid_sentence: OnceCell::new(), entities: super::mentions::entity_mentions(ctx, facts) };
    let mut found = Vec::new();
    let mut i = 0;
    while i < ctx.len() {
        match quantity_at(ctx, i, &dates, stop, &names) {
            Some((fact, last)) => {
                found.push(fact);
                i = last + 1;
            }
            None => i += 1,
        }
    }
    mark_ranges(ctx, &mut found);
    facts.extend(found);
}

/// "between 3% and 3.5%", "de 1 000 à 4 000 emplois", "a $40 to $50 level": the two ends of a
/// range are a lower (">") and an upper ("<") bound, not two exact figures. A move is no range:
/// "prices rose from $639m to $1.13bn", "fell $1.64 to $47.10" (a verb of change before).
fn mark_ranges(ctx: &Context, found: &mut [Fact]) {
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
    let moved = (first.saturating_sub(4)..first).any(|k| CHANGE_VERBS.contains(ctx.word(k)) || LEVEL_VERBS.contains(ctx.word(k)));
    linked && !moved
}

/// What a number's subject is read from: the capitalised words inside sentences, and the
/// people, organisations and places the entity stage found.
struct Names<'a> {
    /// Read on first use: few articles need it, and it costs a pass over every token.
    mid_sentence: OnceCell<HashSet<&'a str>>,
    entities: Vec<Mention>,
}

impl<'a> Names<'a> {
    fn mid_sentence(&self, ctx: &Context<'a>) -> &HashSet<&'a str> {
        self.mid_sentence.get_or_init(|| mid_sentence_names(ctx))
    }

    /// The entity overlapping bytes `start..end`.
    fn entity_at(&self, start: usize, end: usize) -> Option<&Mention> {
        let after = self.entities.partition_point(|m| m.start < end);
        self.entities[..after].iter().rev().take(8).find(|m| m.end > start)
    }
}

/// Capitalised words inside sentences: names, for telling "Alibaba holds…" from "Afin de…".
fn mid_sentence_names<'a>(ctx: &Context<'a>) -> HashSet<&'a str> {
    (0..ctx.len()).filter(|&j| ctx.kind(j) == TokenKind::Word && ctx.capitalised(j) && !ctx.sentence_initial(j)).map(|j| ctx.text_of(j)).collect()
}

/// A number read into a fact so far: its tokens, value, kind and attributes.
struct Reading {
    first: usize,
    last: usize,
    value: f64,
    kind: FactKind,
    attrs: AmountAttrs,
}

impl Reading {
    fn money(&self) -> bool {
        self.kind == FactKind::Money
    }

    /// The fact read: its qualifier, subject and measure, then the attributes read.
    fn into_fact<'a>(self, ctx: &Context<'a>, qualifier: &'static str, names: &Names<'a>) -> Fact {
        let (before, change) = measure_before(ctx, self.first).map_or((None, None), |(m, change)| (Some(m), Some(change)));
        let sum_or_share = self.money() || self.attrs.unit.as_deref() == Some("%");
        let measure = measure(ctx, self.last).or(before).or_else(|| noun_of_number(ctx, self.first).filter(|_| sum_or_share));
        let attrs = AmountAttrs { qualifier, subject: subject(ctx, self.first, self.last, names), measure, change, ..self.attrs };
        Fact::new(self.kind, ctx.start(self.first), ctx.end(self.last), json!(self.value), "quantity.number_unit").with(Attrs::Amount(attrs))
    }
}

/// The quantity or money fact whose number is token `i`, with its last token: the number with
/// its qualifier, currency, scale and what it counts, then its sign and preposition. A number
/// inside a date, ending a name or counting nothing said is none.
fn quantity_at<'a>(ctx: &Context<'a>, i: usize, dates: &[(usize, usize)], stop: &HashSet<String>, names: &Names<'a>) -> Option<(Fact, usize)> {
    let (value, glued, last) = number_at(ctx, i)?;
    if super::overlaps(dates, ctx.start(i), ctx.end(last)) || ends_a_name(ctx, i, stop) {
        return None;
    }
    // "up to £2,500", "above $53": the qualifier comes before the currency sign.
    let opening = if currency_before(ctx, i).is_some() { i - 1 } else { i };
    let (first, qualifier) = qualifier_before(ctx, opening);
    let mut read = money_and_scale(ctx, i, Reading { first, last, value, kind: FactKind::Quantity, attrs: AmountAttrs::default() }, glued);
    match counted_after(ctx, i, read.last, read.money(), stop) {
        Some((Counted::Currency(money), end)) => {
            match money {
                Money::Code(code) => read.attrs.currency = Some(code.into()),
                // A sign before the number already said which ("$40 dollars"): no candidates.
                Money::Open(codes) if read.attrs.currency.is_none() => read.attrs.currency_candidates = codes.iter().map(|c| c.to_string()).collect(),
                Money::Open(_) => {}
            }
            read.kind = FactKind::Money;
            read.last = end;
        }
        Some((Counted::Unit(unit), end)) => {
            read.attrs.unit = Some(unit);
            read.last = end;
        }
        None if read.kind == FactKind::Quantity => return None, // a bare number says too little to be a fact
        None => {}
    }
    if read.first == i && minus_sign(ctx, i) {
        read.value = -read.value;
        read.first = i - 1;
    }
    if read.first == i && years_after_preposition(ctx, i, &read.attrs) {
        read.first = i - 1;
    }
    let last = read.last;
    Some((read.into_fact(ctx, qualifier, names), last))
}

/// "$5", "€40m", "1,5 milliard": the currency sign before the number (money, then), and its
/// scale, written against it or after it.
fn money_and_scale(ctx: &Context, i: usize, mut read: Reading, glued: Option<GluedScale>) -> Reading {
    if let Some(code) = currency_before(ctx, i) {
        read.attrs.currency = Some(code.into());
        read.kind = FactKind::Money;
        read.first = read.first.min(i - 1);
    }
    if let Some((_, word, _)) = glued {
        read.attrs.scale = Some(word.into());
    }
    if let Some((scale_word, scale)) = scale_after(ctx, read.last, read.money()) {
        read.value *= scale;
        read.attrs.scale = Some(scale_word.into());
        read.last += 1;
    }
    read
}

/// The number token `i` is, and the scale written against it if any: digits and percentages
/// ("12 000", "40%"); "5bn" only after a currency sign, where it cannot be a word; a number word
/// only before a unit it counts ("three countries": "one of them" is no quantity).
fn number_at(ctx: &Context, i: usize) -> Option<(f64, Option<GluedScale>, usize)> {
    let kind = ctx.kind(i);
    let glued = if kind == TokenKind::Word { glued_scale(ctx.text_of(i), ctx.article.lang) } else { None };
    let after_sign = || i > 0 && currency(ctx.word(i - 1)).is_some_and(|(c, _)| !c.chars().all(char::is_alphabetic));
    let (number, last) = match kind {
        TokenKind::Percent | TokenKind::Number if part_of_ratio_or_time(ctx, i) => (None, i),
        TokenKind::Percent | TokenKind::Number => (number_value(ctx.text_of(i), ctx.article.lang), i),
        TokenKind::Word if glued.is_some() && after_sign() => (glued.map(|(n, _, scale)| n * scale), i),
        TokenKind::Word => {
            // "three countries", "trois cent quarante habitants": one word counts only a unit
            // news count in ("one of them", "un homme" are no quantities); several words do.
            // "un", "une" are articles far more often than counts.
            let (value, last) = number_words(ctx, i).filter(|&(_, last)| last > i || !matches!(ctx.word(i), "un" | "une"))?;
            let counts = last > i || ctx.kind(i + 1) == TokenKind::Word && COUNT_UNITS.contains_key(ctx.word(i + 1));
            (counts.then_some(value), last)
        }
        _ => (None, i),
    };
    Some((number?, glued, last))
}

/// "5/4", "14:39", "3-1" written against their digits: odds, times, scores and ratios, no count.
fn part_of_ratio_or_time(ctx: &Context, i: usize) -> bool {
    let glued = |a: usize, b: usize| b < ctx.len() && ctx.end(a) == ctx.start(b);
    let joiner = |k: usize| matches!(ctx.text_of(k), "/" | ":" | "-");
    let after = glued(i, i + 1) && joiner(i + 1) && glued(i + 1, i + 2) && ctx.kind(i + 2) == TokenKind::Number;
    let before = i >= 2 && glued(i - 1, i) && joiner(i - 1) && glued(i - 2, i - 1) && ctx.kind(i - 2) == TokenKind::Number;
    after || before
}

/// "Falcon 9", "Mi 11": digits after a capitalised word of their sentence end a name (unless
/// that word is a function word opening the sentence: "En 2020", "Over 300").
fn ends_a_name(ctx: &Context, i: usize, stop: &HashSet<String>) -> bool {
    i > 0
        && ctx.same_sentence(i - 1, i)
        && ctx.capitalised(i - 1)
        && ctx.kind(i) == TokenKind::Number
        && ctx.kind(i - 1) == TokenKind::Word
        && (!ctx.sentence_initial(i - 1) || !stop.contains(ctx.word(i - 1)))
}

/// "$5", "€40m", "USD 300": the ISO code of a currency sign or code written just before the
/// number (three bytes at most: a name, "dollars 5", is no prefix).
fn currency_before(ctx: &Context, i: usize) -> Option<&'static str> {
    let (_, code) = currency(ctx.word(i.wrapping_sub(1))).filter(|(c, _)| i > 0 && c.len() <= 3 && ctx.same_sentence(i - 1, i))?;
    Some(code)
}

/// "1,5 milliard", "3 Md €": the scale word after the number, and its factor. An abbreviated
/// scale is one only with money ("a 5 m wall" is five metres).
fn scale_after(ctx: &Context, last: usize, money: bool) -> Option<(&'static str, f64)> {
    let (&word, &(factor, form)) = SCALES.get_key_value(ctx.word(last + 1))?;
    (form == ScaleForm::Word || money || currency_named_at(ctx, last + 2).is_some()).then_some((word, factor))
}

/// What a number is of, from what follows it.
enum Counted {
    /// Money, by its ISO code or the codes its name may stand for.
    Currency(Money),
    /// A unit or a counted noun, its singular: "%", "km/h", "employee", "soldat".
    Unit(String),
}

/// What the number at `i` (its scale ending at `last`) counts, and the last token that says
/// so: a currency, a percentage, a unit, or the noun after it (for a count, not for money).
fn counted_after(ctx: &Context, i: usize, last: usize, money: bool, stop: &HashSet<String>) -> Option<(Counted, usize)> {
    let several = number_value(ctx.text_of(i), ctx.article.lang).is_none_or(|n| n > 1.0);
    currency_after(ctx, last, last > i)
        .or_else(|| percent_after(ctx, i, last))
        .or_else(|| unit_after(ctx, last))
        .or_else(|| counted_noun(ctx, last + 1, several, stop).filter(|_| !money).map(|(unit, end)| (Counted::Unit(unit), end)))
}

/// "1,5 milliard d'euros", "20 CHF", "5 billion Canadian dollars": a currency after the
/// number (its scale ending at `last`). "livres" and "pounds" are money only after a scale or
/// with "sterling": "5 livres de cuisine" are books, "7 pounds" a weight.
fn currency_after(ctx: &Context, last: usize, scaled: bool) -> Option<(Counted, usize)> {
    let after = if matches!(ctx.word(last + 1), "d'" | "de" | "of") { last + 2 } else { last + 1 };
    let (money, end) = currency_named_at(ctx, after)?;
    let weight_or_books = matches!(ctx.word(after), "livre" | "livres" | "pound" | "pounds") && end == after && !scaled;
    (!weight_or_books).then_some((Counted::Currency(money), end))
}

/// What a currency's name says of it: its code, or the codes it may stand for ("dollars").
#[derive(Debug, PartialEq)]
enum Money {
    Code(&'static str),
    Open(&'static [&'static str]),
}

/// The longest currency name from token `k` (of `currencies.tsv`, else of the CLDR names) and
/// its last token: "dollars canadiens" is CAD, "dollars" alone any of two dozen dollars.
fn currency_named_at(ctx: &Context, k: usize) -> Option<(Money, usize)> {
    if !CURRENCY_FIRST_WORDS.contains(ctx.word(k)) {
        return None;
    }
    let mut key = String::new();
    let mut found = None;
    for end in k..(k + MAX_CURRENCY_WORDS).min(ctx.len()) {
        if !ctx.same_sentence(k, end) {
            break;
        }
        if end > k {
            key.push(' ');
        }
        key.push_str(ctx.word(end));
        if let Some((_, code)) = currency(&key) {
            found = Some((Money::Code(code), end));
        } else if let Some(codes) = CURRENCY_NAMES.get(key.as_str()) {
            found = Some((if codes.len() == 1 { Money::Code(codes[0]) } else { Money::Open(codes) }, end));
        }
    }
    found
}

/// "40%", "12 percent", "5 per cent", "3 pour cent": a percentage.
fn percent_after(ctx: &Context, i: usize, last: usize) -> Option<(Counted, usize)> {
    let percent = ctx.kind(i) == TokenKind::Percent;
    if !percent && ctx.word(last + 1) != "percent" && !ctx.matches(last + 1, &["per", "cent"]) && !ctx.matches(last + 1, &["pour", "cent"]) {
        return None;
    }
    let end = match ctx.word(last + 1) {
        _ if percent => last,
        "percent" => last + 1,
        _ => last + 2,
    };
    Some((Counted::Unit("%".to_string()), end))
}

/// "12 000 salariés", "40 MW", "125 km/h": a unit or a noun counts are often of, as its
/// singular or symbol; a rate when "/" and a word are written against it.
fn unit_after(ctx: &Context, last: usize) -> Option<(Counted, usize)> {
    let &unit = COUNT_UNITS.get(ctx.word(last + 1))?;
    let last = last + 1;
    let rate = ctx.word(last + 1) == "/" && ctx.kind(last + 2) == TokenKind::Word && ctx.end(last) == ctx.start(last + 1);
    if rate {
        return Some((Counted::Unit(format!("{unit}/{}", ctx.word(last + 2))), last + 2));
    }
    Some((Counted::Unit(unit.to_string()), last))
}

/// "(- 33 %": a minus sign before the number, opening a parenthesis, a clause or a sentence,
/// makes it a change downwards (elsewhere a dash joins two numbers: "10-12").
fn minus_sign(ctx: &Context, i: usize) -> bool {
    i > 0 && matches!(ctx.text_of(i - 1), "-" | "−" | "–") && (i < 2 || matches!(ctx.word(i - 2), "(" | "," | ":" | ";") || ctx.sentence_initial(i - 1))
}

/// "pendant 4 ans", "for three years": a count of years after a preposition of duration, which
/// the span starts at.
fn years_after_preposition(ctx: &Context, i: usize, attrs: &AmountAttrs) -> bool {
    i > 0 && matches!(ctx.word(i - 1), "pendant" | "for" | "during" | "durant") && attrs.unit.as_deref() == Some("year")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};
    use serde_json::Value;

    /// The attributes as their JSON object, to read by name.
    fn attrs(fact: &Fact) -> Value {
        serde_json::to_value(&fact.attrs).unwrap()
    }

    fn quantities(text: &str) -> Vec<Fact> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        let mut facts = Vec::new();
        super::super::dates::extract(&ctx, &mut facts);
        facts.clear();
        extract(&ctx, &mut facts);
        facts
    }

    #[test]
    fn percentages_with_qualifier_subject_measure() {
        let text = "Pour rappel, Alibaba détient plus de 40% du marché chinois dans le cloud computing, contre 16% pour Huawei mais également Tencent.";
        let facts = quantities(text);
        assert_eq!(&text[facts[0].start..facts[0].end], "plus de 40%");
        assert_eq!(facts[0].value, json!(40.0));
        assert_eq!(attrs(&facts[0])["qualifier"], ">");
        assert_eq!(attrs(&facts[0])["subject"], "Alibaba");
        assert_eq!(attrs(&facts[0])["measure"], "marché chinois dans le cloud computing");
        assert_eq!(attrs(&facts[1])["subject"], json!(["Huawei", "Tencent"]));
        assert_eq!(attrs(&facts[1])["qualifier"], "=");
    }

    #[test]
    fn measures_written_before_the_verb() {
        let measure = |text: &str| quantities(text).first().map(|f| attrs(f)["measure"].clone());
        assert_eq!(measure("Canadian lumber exports rose 7.5% in May."), Some(json!("lumber exports")));
        assert_eq!(measure("The wage gap narrowed sharply by 2.1% last year."), Some(json!("wage gap")));
        assert_eq!(measure("En Bretagne, le chômage a reculé de 0,4 % en un an."), Some(json!("chômage")));
        assert_eq!(measure("In March, pension costs edged up 0.3%."), Some(json!("pension costs")));
        assert_eq!(measure("Revenue dipped 1.4% in May. Its revenue came from ads."), Some(json!("Revenue")));
        assert_eq!(measure("Kestrova rose 3% in May. Kestrova makes drones."), Some(json!(null)));
        assert_eq!(measure("La facture totale s'élève à 12 millions d'euros."), Some(json!("facture totale")));
        assert_eq!(measure("Berlin rose 3% on Monday."), Some(json!(null)));
        assert_eq!(measure("It rose 3% on Monday."), Some(json!(null)));
        let change = |text: &str| quantities(text).iter().map(|f| attrs(f).get("change").cloned()).collect::<Vec<_>>();
        assert_eq!(change("Brent crude rose $2.10 to $61.40 a barrel."), [Some(json!(true)), Some(json!(false))]);
        assert_eq!(change("Quarterly sales hit $4bn."), [Some(json!(false))]);
        assert_eq!(change("The firm holds 30% of the market."), [None]);
    }

    #[test]
    fn a_sign_before_settles_the_currency_a_name_after_leaves_open() {
        let facts = quantities("Tickets cost $300 dollars at the door.");
        assert_eq!(attrs(&facts[0])["currency"], "USD");
        assert_eq!(attrs(&facts[0]).get("currency_candidates"), None);
        let names: Vec<&str> = facts[0].attrs.fields().iter().map(|&(name, _)| name).collect();
        assert!(names.windows(2).all(|w| w[0] != w[1]), "{names:?}");
    }

    #[test]
    fn money_and_counts() {
        let facts = quantities("Il a levé 1,5 milliard d'euros et emploie 12 000 salariés, dit le Mi 11.");
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[0].kind, FactKind::Money);
        assert_eq!(facts[0].value, json!(1.5e9));
        assert_eq!(attrs(&facts[0])["currency"], "EUR");
        assert_eq!(facts[1].value, json!(12000.0));
        assert_eq!(attrs(&facts[1])["unit"], "employee");
        let facts = quantities("It raised $5 billion from about 300 customers.");
        assert_eq!(attrs(&facts[0])["currency"], "USD");
        assert_eq!(facts[0].value, json!(5e9));
        assert_eq!(attrs(&facts[1])["qualifier"], "~");
    }

    #[test]
    fn counted_nouns_rates_and_signs() {
        let text = "Les 1 550 soldats ont vu des vents à 125 km/h ; le titre a perdu (- 33 %) et Obama a 303 grands électeurs. Falcon 9 emporte la capsule ; ceux entre 8 et 10 devront passer.";
        let facts = quantities(text);
        let got: Vec<(&str, String)> = facts.iter().map(|f| (&text[f.start..f.end], attrs(f)["unit"].as_str().unwrap_or("").to_string())).collect();
        assert_eq!(
            got,
            [
                ("1 550 soldats", "soldat".to_string()),
                ("125 km/h", "km/h".to_string()),
                ("- 33 %", "%".to_string()),
                ("303 grands électeurs", "électeur".to_string())
            ]
        );
        assert_eq!(facts[2].value, json!(-33.0));
    }

    #[test]
    fn money_written_short_and_measures() {
        let text = "It cost $5bn and €40m, 300,000 FCFA, 3 Md€ and 20 CHF; a 100 m wall, 40 MW.";
        let facts = quantities(text);
        let owned: Vec<(&str, f64, String)> = facts
            .iter()
            .map(|f| {
                let fields = attrs(f);
                let tag = fields.get("currency").or(fields.get("unit")).and_then(Value::as_str).unwrap_or("").to_string();
                (&text[f.start..f.end], f.value.as_f64().unwrap(), tag)
            })
            .collect();
        let got: Vec<(&str, f64, &str)> = owned.iter().map(|(t, v, tag)| (*t, *v, tag.as_str())).collect();
        assert_eq!(
            got,
            [
                ("$5bn", 5e9, "USD"),
                ("€40m", 4e7, "EUR"),
                ("300,000 FCFA", 3e5, "XOF"),
                ("3 Md€", 3e9, "EUR"),
                ("20 CHF", 20.0, "CHF"),
                ("100 m", 100.0, "m"),
                ("40 MW", 40.0, "MW")
            ]
        );
    }

    /// Runs `look` on the context of `text`.
    fn with_context<T>(text: &str, look: impl Fn(&Context) -> T) -> T {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        look(&Context::new(&article))
    }

    /// The index of the first token written `word` in `ctx`.
    fn token(ctx: &Context, word: &str) -> usize {
        (0..ctx.len()).find(|&i| ctx.text_of(i) == word).unwrap()
    }

    #[test]
    fn capitalised_words_inside_sentences() {
        let names = with_context("Shares of Nordwind rose. Analysts expect more.", |ctx| {
            let mut names: Vec<String> = mid_sentence_names(ctx).into_iter().map(str::to_string).collect();
            names.sort();
            names
        });
        assert_eq!(names, ["Nordwind"]);
    }

    #[test]
    fn a_quantity_at_its_number() {
        let text = "Sales rose by about 12% to $4.5 billion last year.";
        let got = with_context(text, |ctx| {
            let stop = stopwords::stop_words(Lang::Und);
            let at = |word| {
                quantity_at(ctx, token(ctx, word), &[], stop, &Names { mid_sentence: OnceCell::new(), entities: Vec::new() })
                    .map(|(f, _)| (text[f.start..f.end].to_string(), f.kind, f.value))
            };
            (at("12%"), at("4.5"), at("Sales"))
        });
        assert_eq!(got.0, Some(("about 12%".to_string(), FactKind::Quantity, json!(12.0))));
        assert_eq!(got.1, Some(("$4.5 billion".to_string(), FactKind::Money, json!(4.5e9))));
        assert_eq!(got.2, None);
    }

    #[test]
    fn numbers_in_digits_glued_scales_and_number_words() {
        let got = with_context("Le groupe compte trois usines, vaut $2bn et vise 2bn clients, dit un porte-parole.", |ctx| {
            let value = |word| number_at(ctx, token(ctx, word)).map(|(n, glued, _)| (n, glued.map(|(_, scale, _)| scale)));
            (
                value("trois"),
                value("2bn"),
                (0..ctx.len()).filter(|&i| ctx.text_of(i) == "2bn").map(|i| number_at(ctx, i).is_some()).collect::<Vec<_>>(),
                value("un"),
            )
        });
        assert_eq!(got.0, None, "no unit of COUNT_UNITS after trois");
        assert_eq!(got.1, Some((2e9, Some("bn"))));
        assert_eq!(got.2, [true, false], "2bn is a number only after a currency sign");
        assert_eq!(got.3, None);
        let got = with_context("Ils ont visité trois pays.", |ctx| number_at(ctx, token(ctx, "trois")).map(|(n, _, _)| n));
        assert_eq!(got, Some(3.0));
    }

    #[test]
    fn digits_that_end_a_name() {
        let got = with_context("The Boeing 737 flew 300 passengers. In 2019 it flew more.", |ctx| {
            let stop = stopwords::stop_words(Lang::Und);
            (ends_a_name(ctx, token(ctx, "737"), stop), ends_a_name(ctx, token(ctx, "300"), stop), ends_a_name(ctx, token(ctx, "2019"), stop))
        });
        assert_eq!(got, (true, false, false));
    }

    #[test]
    fn currency_signs_before_the_number() {
        let got = with_context("It paid €40 and USD 300, not dollars 5.", |ctx| {
            (currency_before(ctx, token(ctx, "40")), currency_before(ctx, token(ctx, "300")), currency_before(ctx, token(ctx, "5")))
        });
        assert_eq!(got, (Some("EUR"), Some("USD"), None));
    }

    #[test]
    fn scales_after_the_number() {
        let got = with_context("Il a levé 3 milliards, puis 2 Md € ; un mur de 5 m.", |ctx| {
            (
                scale_after(ctx, token(ctx, "3"), false),
                scale_after(ctx, token(ctx, "2"), false),
                scale_after(ctx, token(ctx, "5"), false),
                scale_after(ctx, token(ctx, "5"), true),
            )
        });
        assert_eq!(got, (Some(("milliards", 1e9)), Some(("md", 1e9)), None, Some(("m", 1e6))));
    }

    /// What `counted` says, as (attribute, value, last word) for comparison.
    fn described(ctx: &Context, counted: Option<(Counted, usize)>) -> Option<(&'static str, String, String)> {
        counted.map(|(c, last)| match c {
            Counted::Currency(Money::Code(code)) => ("currency", code.to_string(), ctx.text_of(last).to_string()),
            Counted::Currency(Money::Open(codes)) => ("currency", codes.join(" "), ctx.text_of(last).to_string()),
            Counted::Unit(unit) => ("unit", unit, ctx.text_of(last).to_string()),
        })
    }

    fn unit(attribute: &'static str, value: &str, last: &str) -> Option<(&'static str, String, String)> {
        Some((attribute, value.to_string(), last.to_string()))
    }

    #[test]
    fn what_a_number_counts() {
        let text = "Ils ont levé 20 millions d'euros, recruté 150 ingénieurs et 12 nouveaux pilotes ; 45 ont démissionné.";
        let got = with_context(text, |ctx| {
            let stop = stopwords::stop_words(Lang::Und);
            let at = |word, money| {
                let i = token(ctx, word);
                let last = if word == "20" { i + 1 } else { i };
                described(ctx, counted_after(ctx, i, last, money, stop))
            };
            (at("20", false), at("150", false), at("150", true), at("12", false), at("45", false))
        });
        assert_eq!(got.0, unit("currency", "EUR", "euros"));
        assert_eq!(got.1, unit("unit", "ingénieur", "ingénieurs"));
        assert_eq!(got.2, None, "money counts no noun");
        assert_eq!(got.3, unit("unit", "pilote", "pilotes"));
        assert_eq!(got.4, None);
    }

    #[test]
    fn currencies_after_the_number() {
        let got = with_context("Il a coûté 300 000 FCFA et 5 millions de dollars canadiens, pour 40 personnes.", |ctx| {
            let at = |word, offset| described(ctx, currency_after(ctx, token(ctx, word) + offset, true));
            (at("300 000", 0), at("millions", 0), at("40", 0))
        });
        assert_eq!(got, (unit("currency", "XOF", "FCFA"), unit("currency", "CAD", "canadiens"), None));
    }

    #[test]
    fn several_things_are_counted_in_the_plural() {
        let unit = |text: &str| match quantities(text).into_iter().next().map(|f| f.attrs) {
            Some(Attrs::Amount(a)) => a.unit,
            _ => None,
        };
        assert_eq!(unit("The school has 640 junior pupils."), Some("pupil".into()));
        assert_eq!(unit("About 90,000 live near the dam."), None);
        assert_eq!(unit("Il reste 12 wagons."), Some("wagon".into()));
    }

    #[test]
    fn odds_times_and_scores_count_nothing() {
        assert!(quantities("The colt started at 5/4 favourite and won in 1:39.29 minutes.").is_empty());
        assert!(quantities("Lyon won 3-1 goals to nil.").is_empty());
        // "per" alone is no percentage.
        let per = quantities("Gas sold at £1.18 per gigajoule.");
        assert!(per.iter().all(|f| !matches!(&f.attrs, Attrs::Amount(a) if a.unit.as_deref() == Some("%"))));
        // A French article is no count.
        assert!(quantities("Le capitaine et une adjudante sont arrivés.").is_empty());
    }

    #[test]
    fn a_qualifier_before_a_currency_sign() {
        let qualifier = |text: &str| match quantities(text).into_iter().next().map(|f| f.attrs) {
            Some(Attrs::Amount(a)) => a.qualifier,
            _ => "",
        };
        assert_eq!(qualifier("Fares rise by up to £40 in June."), "<");
        assert_eq!(qualifier("Shares closed above $12 on Monday."), ">");
        assert_eq!(qualifier("Le contrat dépasse plus d'un milliard d'euros."), ">");
        assert_eq!(qualifier("Les loyers sont inférieurs à 500 €."), "<");
        assert_eq!(qualifier("Un loyer inférieur ou égal à 800 € ouvre droit à l'aide."), "<");
    }

    #[test]
    fn subjects_skip_sources_currencies_and_keep_whole_names() {
        let subject = |text: &str| match quantities(text).into_iter().next().map(|f| f.attrs) {
            Some(Attrs::Amount(a)) => a.subject,
            _ => Subject::Unknown,
        };
        let one = |name: &str| Subject::One(name.to_string());
        assert_eq!(subject("According to Bloomberg, Tesla will cut 4,000 jobs."), one("Tesla"));
        assert_eq!(subject("Selon la CFDT, Airbus va créer 900 emplois."), one("Airbus"));
        assert_eq!(subject("Rents in New Orleans rose 7% this year."), one("New Orleans"));
        assert_eq!(subject("The award is worth 2m Euros (£1.7m) this year."), Subject::Unknown);
        assert_eq!(subject("EDF va fermer 12 centrales."), one("EDF"));
        assert_eq!(subject("Tickets for the Festival of the Sea cost €20."), one("Festival of the Sea"));
        assert_eq!(subject("The Interior Ministry said arrests rose 12% in March."), Subject::Unknown);
    }

    /// The subject of the first number in `text`, with the entity stage run before.
    fn subject_with_entities(text: &str) -> Subject {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let facts = super::super::extract_kinds(&article, Some(&[FactKind::Quantity, FactKind::Money]));
        match facts.into_iter().next().map(|f| f.attrs) {
            Some(Attrs::Amount(a)) => a.subject,
            _ => Subject::Unknown,
        }
    }

    #[test]
    fn a_place_where_something_is_counted_yields_to_who_it_is_about() {
        let one = |name: &str| Subject::One(name.to_string());
        // A place after "in" before the number is where; the company before it is who.
        assert_eq!(subject_with_entities("Renault shares in Paris fell 3.1% on Tuesday."), one("Renault"));
        // A place after the number is where it is counted.
        assert_eq!(subject_with_entities("Water use is 140 litres in Germany and 90 litres in Spain."), one("Germany"));
        assert_eq!(subject_with_entities("Il a fait 31 degrés à Marseille."), one("Marseille"));
        // The company a count belongs to comes first.
        assert_eq!(subject_with_entities("Unions fear 800 jobs at Siemens will go."), one("Siemens"));
        assert_eq!(subject_with_entities("Selon FO, 500 postes menacés chez le constructeur Renault."), one("Renault"));
        // Nearer than a place used as an adjective ("German carmaker Volkswagen").
        assert_eq!(subject_with_entities("German carmaker Volkswagen sold 9 million cars."), one("Volkswagen"));
        assert_eq!(subject_with_entities("Shares in Microsoft rose 3% on Monday."), one("Microsoft"));
        assert_eq!(subject_with_entities("Spain's Repsol will spend $2bn on wind farms."), one("Repsol"));
        // A place named for itself stays the subject.
        assert_eq!(subject_with_entities("Analysts expect Brazil's economy to grow 2.1% next year."), one("Brazil"));
    }

    #[test]
    fn speakers_measures_and_adjectives_are_no_subjects() {
        // Who says a number is its source, with an auxiliary or after an apposition too.
        assert_eq!(subject_with_entities("The nurses' union leader Mary Stone has said that 400 nurses quit."), Subject::Unknown);
        assert_eq!(subject_with_entities("The ombudsman, Peter Lang, says only 12 complaints were upheld."), Subject::Unknown);
        // Who announces or promises the number itself is its subject.
        assert_eq!(subject_with_entities("Last week Toyota announced $800m for a plant in Ohio."), Subject::One("Toyota".into()));
        assert_eq!(subject_with_entities("On Monday Unilever has agreed to sell 40% of its tea business."), Subject::One("Unilever".into()));
        assert_eq!(subject_with_entities("Sarah Lee said 40% of the staff would leave."), Subject::Unknown);
        assert_eq!(subject_with_entities("Selon l'association des maires, AMF, 300 écoles vont fermer."), Subject::Unknown);
        // A measure written as an acronym is what is measured, not who.
        assert_eq!(subject_with_entities("The country's GDP grew 1.9% last year."), Subject::Unknown);
        assert_eq!(subject_with_entities("La TVA passera à 20 % en janvier."), Subject::Unknown);
        assert_eq!(subject_with_entities("The Ohio-based chain will close 40 stores."), Subject::Unknown);
    }

    #[test]
    fn the_ends_of_a_range_are_bounds() {
        let qualifiers = |text: &str| quantities(text).iter().map(|f| attrs(f)["qualifier"].as_str().unwrap().to_string()).collect::<Vec<_>>();
        assert_eq!(qualifiers("Analysts expect growth of between 2% and 2.5% this year."), [">", "<"]);
        assert_eq!(qualifiers("Tickets will cost £30 to £45."), [">", "<"]);
        assert_eq!(qualifiers("De 200 à 300 emplois sont menacés."), ["<"]);
        // A move from one level to another is no range.
        assert_eq!(qualifiers("Its revenue rose from $60m to $75m."), ["=", "="]);
        assert_eq!(qualifiers("Le prix est passé de 2 € à 3 €."), ["=", "="]);
        assert_eq!(qualifiers("The fee was raised from £2 to £3."), ["=", "="]);
        assert_eq!(qualifiers("La part doit baisser de 75 % à 50 %."), ["=", "="]);
        assert_eq!(qualifiers("The firm cut 90 jobs - 17% of its staff."), ["=", "="]);
        assert_eq!(qualifiers("Les importations ont pesé 1,7 % à 201 000 tonnes."), ["=", "="]);
    }

    #[test]
    fn the_noun_a_number_is_of_is_its_measure() {
        let measure = |text: &str| {
            quantities(text).into_iter().next().and_then(|f| match f.attrs {
                Attrs::Amount(a) => a.measure,
                _ => None,
            })
        };
        assert_eq!(measure("The chain made a pre-tax profit of £90m last year.").as_deref(), Some("pre-tax profit"));
        assert_eq!(measure("La ville prévoit un chiffre d'affaires de 2 millions d'euros.").as_deref(), Some("chiffre d'affaires"));
        assert_eq!(measure("The bridge was rebuilt at a cost of £12m.").as_deref(), Some("cost"));
        assert_eq!(measure("Prices saw a rise of 4% in May."), None);
        assert_eq!(measure("A total of 300 flights were cancelled."), None);
        assert_eq!(measure("A survey of 2,000 voters found little change."), None);
        let last_measure = |text: &str| {
            quantities(text).into_iter().last().and_then(|f| match f.attrs {
                Attrs::Amount(a) => a.measure,
                _ => None,
            })
        };
        assert_eq!(last_measure("Il prévoit une hausse de 0,3 % au lieu de 0,7 %."), None);
        assert_eq!(last_measure("Le groupe annonce une marge brute de 31 euros.").as_deref(), Some("marge brute"));
        assert_eq!(measure("Students hope to avoid tuition fees of £9,000.").as_deref(), Some("tuition fees"));
        assert_eq!(measure("The airline reported a pre-tax loss of $40m.").as_deref(), Some("pre-tax loss"));
    }

    #[test]
    fn a_name_several_currencies_share_leaves_the_currency_open() {
        let money = |text: &str| {
            quantities(text).into_iter().find(|f| f.kind == FactKind::Money).map(|f| match f.attrs {
                Attrs::Amount(a) => (a.currency, a.currency_candidates.len() > 5 && a.currency_candidates.contains(&"CHF".to_string())),
                _ => (None, false),
            })
        };
        assert_eq!(money("La commune a reçu 40 millions de francs."), Some((None, true)));
        assert_eq!(money("La banque a prêté 40 millions de francs suisses."), Some((Some("CHF".into()), false)));
        // "livres" and "pounds" without a scale are books or a weight.
        assert_eq!(money("Elle a publié 5 livres de cuisine."), None);
        assert_eq!(money("The baby weighed 7 pounds."), None);
        assert_eq!(money("The club paid 40 million pounds sterling."), Some((Some("GBP".into()), false)));
    }

    #[test]
    fn percentages() {
        let got = with_context("Les prix ont bondi de 12 pour cent, les ventes de 8%, the rate of 3 percent and 40 people.", |ctx| {
            let at = |word| {
                let i = token(ctx, word);
                described(ctx, percent_after(ctx, i, i))
            };
            (at("12"), at("8%"), at("3"), at("40"))
        });
        assert_eq!(got, (unit("unit", "%", "cent"), unit("unit", "%", "8%"), unit("unit", "%", "percent"), None));
    }

    #[test]
    fn units_and_rates() {
        let got = with_context("Le site emploie 1200 salariés ; les vents soufflent à 90 km/h sur 40 hectares de vignes.", |ctx| {
            let at = |word| described(ctx, unit_after(ctx, token(ctx, word)));
            (at("1200"), at("90"), at("40"), at("vents"))
        });
        assert_eq!(got, (unit("unit", "employee", "salariés"), unit("unit", "km/h", "h"), unit("unit", "ha", "hectares"), None));
    }

    #[test]
    fn minus_signs_of_a_change() {
        let got = with_context("Le titre a perdu (- 12 %) ; les 10-15 ans.", |ctx| (minus_sign(ctx, token(ctx, "12 %")), minus_sign(ctx, token(ctx, "15"))));
        assert_eq!(got, (true, false));
    }

    #[test]
    fn counts_of_years_after_a_preposition() {
        let year = AmountAttrs { unit: Some("year".into()), ..AmountAttrs::default() };
        let got = with_context("Il a dirigé le club pendant 4 ans, puis 3 ans à Nantes.", |ctx| {
            (
                years_after_preposition(ctx, token(ctx, "4"), &year),
                years_after_preposition(ctx, token(ctx, "3"), &year),
                years_after_preposition(ctx, token(ctx, "4"), &AmountAttrs::default()),
            )
        });
        assert_eq!(got, (true, false, false));
    }

    #[test]
    fn money_signs_and_scales_around_the_number() {
        let text = "La ville a reçu €40m, puis 2 milliards et 3 ballons.";
        let got = with_context(text, |ctx| {
            let read = |word| {
                let i = token(ctx, word);
                let (value, glued, _) = number_at(ctx, i).unwrap();
                let r = money_and_scale(ctx, i, Reading { first: i, last: i, value, kind: FactKind::Quantity, attrs: AmountAttrs::default() }, glued);
                (
                    text[ctx.start(r.first)..ctx.end(r.last)].to_string(),
                    r.value,
                    r.money(),
                    [("currency", &r.attrs.currency), ("scale", &r.attrs.scale), ("unit", &r.attrs.unit)]
                        .iter()
                        .filter(|(_, v)| v.is_some())
                        .map(|(k, _)| *k)
                        .collect::<Vec<_>>(),
                )
            };
            (read("40m"), read("2"), read("3"))
        });
        assert_eq!(got.0, ("€40m".to_string(), 4e7, true, vec!["currency", "scale"]));
        assert_eq!(got.1, ("2 milliards".to_string(), 2e9, false, vec!["scale"]));
        assert_eq!(got.2, ("3".to_string(), 3.0, false, vec![]));
    }

    #[test]
    fn a_reading_becomes_a_fact() {
        let text = "Nordwind a vendu 40 turbines.";
        let fact = with_context(text, |ctx| {
            let read = Reading {
                first: 3,
                last: 4,
                value: 40.0,
                kind: FactKind::Quantity,
                attrs: AmountAttrs { unit: Some("turbine".into()), ..AmountAttrs::default() },
            };
            // A name opening the sentence is the subject when the article also writes it inside one.
            read.into_fact(ctx, "=", &Names { mid_sentence: OnceCell::from(["Nordwind"].into_iter().collect::<HashSet<_>>()), entities: Vec::new() })
        });
        assert_eq!((&text[fact.start..fact.end], fact.value.clone(), fact.rule), ("40 turbines", json!(40.0), "quantity.number_unit"));
        assert_eq!((&attrs(&fact)["qualifier"], &attrs(&fact)["subject"], &attrs(&fact)["unit"]), (&json!("="), &json!("Nordwind"), &json!("turbine")));
    }
}
