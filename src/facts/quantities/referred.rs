//! A number in a sentence that opens with "It", "Its", "The firm" or "Le groupe" is about what
//! the article refers back to: reporters name a company once, then go on about it with a
//! pronoun or a company noun ("Umbro said sales rose. It made a pre-tax profit of £15.4m";
//! "The airline carried 3 million passengers"). Only a sentence's opening subject is read: a
//! pronoun further in may stand for anything the sentence named.

use super::super::context::all_caps;
use super::super::mentions::Mention;
use super::super::{Context, FactKind};
use super::subject::{is_source, Names};
use crate::lang::Lang;
use crate::lexicons::date_words::COPULAS;
use crate::lexicons::entity_words::MEDIA_WORDS;
use crate::lexicons::quote_words::COMPANY_NOUNS;
use crate::tokenize::{stopwords, TokenKind};

/// How many sentences back a pronoun's antecedent is looked for (each one opening with a
/// pronoun or a company noun passes it on).
const CHAIN: usize = 3;

/// How far a sentence's opening is looked for, in tokens: "In the year to March, it made…".
const OPENING_WINDOW: usize = 12;

/// What opens a sentence and stands for an entity named before.
enum Opener {
    /// "It", "Its", "Il", "Elle": what the sentences before are about, no person.
    Pronoun,
    /// "The firm", "The US carmaker", "Le groupe": the organisation the sentences before are
    /// about.
    CompanyNoun,
}

/// The entity a number at token `first` is about when its sentence opens with a pronoun or a
/// company noun that stands for one: the entity that opens the sentence before, or what that
/// sentence's own opening pronoun stands for. Nothing when that entity does not fit (a person
/// for "it"; "the airline" after a sentence about a person or a place).
/// Gives the name, and the last token of the opening words.
pub(super) fn referred_subject(ctx: &Context, first: usize, last: usize, names: &Names) -> Option<(String, usize)> {
    // "Its $17m profit was dwarfed by the $204m announced by rival Google": a name after the
    // number may be what it is about.
    let after = names.entities.partition_point(|m| m.first <= last);
    if names.entities.get(after).is_some_and(|m| ctx.same_sentence(last, m.first) && m.kind != FactKind::Place) {
        return None;
    }
    let start = sentence_start(ctx, first)?;
    let (opener, from, to) = opener(ctx, start, first).or_else(|| company_noun_inside(ctx, start, first, names))?;
    let topic = subject_before(ctx, start, names, CHAIN)?;
    let fits = match opener {
        Opener::CompanyNoun => topic.kind == FactKind::Organization,
        Opener::Pronoun => topic.kind != FactKind::Person,
    };
    // "It said at least six people were killed": the source of the figure, as a name there.
    let source = is_source(ctx, from, to, first, topic.kind == FactKind::Organization);
    (fits && !source).then(|| (topic.value.clone(), to))
}

/// The first token of the sentence of token `k`, when it is at most a few windows back (a
/// sentence without punctuation may be a whole document).
fn sentence_start(ctx: &Context, k: usize) -> Option<usize> {
    let mut s = k;
    while s > 0 && ctx.same_sentence(s - 1, k) {
        if k - s == 4 * OPENING_WINDOW {
            return None;
        }
        s -= 1;
    }
    Some(s)
}

/// Where the opening subject of the sentence starting at token `start` may be, before token
/// `until`: at its start, after a wire dateline ("HOUSTON, June 19 - Coastal Corp said…"),
/// after "But"/"Mais", or after a leading phrase closed by a comma ("In the year to March, it
/// made…").
fn opening_positions(ctx: &Context, start: usize, until: usize) -> impl Iterator<Item = usize> {
    let mut at = start;
    let dash = (start..until.min(start + OPENING_WINDOW)).find(|&k| matches!(ctx.word(k), "-" | "–" | "—"));
    if let Some(dash) = dash.filter(|_| all_caps(ctx.text_of(start)) && ctx.text_of(start).chars().count() > 1) {
        at = dash + 1;
    }
    if matches!(ctx.word(at), "but" | "and" | "yet" | "mais" | "et") {
        at += 1;
    }
    // A leading phrase opens with a preposition, an adverb or a participle ("In 2004,",
    // "Meanwhile,", "Reporting its results,"), not with a subject ("Zaire has been
    // authorized…, the Department said").
    let word = ctx.word(at);
    let leading_phrase = (stopwords::stop_words(Lang::Und).contains(word) || word.len() > 5 && word.ends_with("ing")) && opener_at(ctx, at, until).is_none();
    let comma = (at..until.min(at + OPENING_WINDOW)).find(|&k| ctx.word(k) == ",").filter(|_| leading_phrase);
    [Some(at), comma.map(|c| c + 1)].into_iter().flatten().filter(move |&p| p < until)
}

/// The pronoun or company noun that opens the sentence starting at token `start`, with its
/// first and last tokens.
fn opener(ctx: &Context, start: usize, until: usize) -> Option<(Opener, usize, usize)> {
    opening_positions(ctx, start, until).find_map(|p| opener_at(ctx, p, until).map(|(o, last)| (o, p, last)))
}

/// A pronoun or a company noun phrase at token `p`, ending before token `until`, with its last
/// token.
fn opener_at(ctx: &Context, p: usize, until: usize) -> Option<(Opener, usize)> {
    match ctx.word(p) {
        // "It is thought that 300…", "Il y a 30 ans", "Il faut 3 milliards": no referent.
        "it" | "il" | "elle" if impersonal(ctx, p + 1) => None,
        "it" | "its" | "il" | "elle" => Some((Opener::Pronoun, p)),
        // "The firm", "The US carmaker", "The South Yorkshire company", "the struggling
        // airline"; not "The Telegraph Group", a name.
        "the" | "le" | "la" | "l'" => {
            let noun = (p + 1..(p + 4).min(until)).find(|&k| COMPANY_NOUNS.contains(ctx.word(k)) && !ctx.capitalised(k))?;
            let modifier = |k: usize| ctx.kind(k) == TokenKind::Word && (ctx.capitalised(k) || noun == p + 2);
            ((p + 1..noun).all(modifier) && !MEDIA_WORDS.contains(ctx.word(noun))).then_some((Opener::CompanyNoun, noun))
        }
        _ => None,
    }
}

/// "Analysts expect the firm to report profits of £170m": a company noun phrase inside a
/// sentence that names no entity before the number (at token `first`) stands for the same
/// company as one opening it would.
fn company_noun_inside(ctx: &Context, start: usize, first: usize, names: &Names) -> Option<(Opener, usize, usize)> {
    let from = names.entities.partition_point(|m| m.first < start);
    if names.entities.get(from).is_some_and(|m| m.first < first) {
        return None;
    }
    (start + 1..first).find_map(|p| match opener_at(ctx, p, first) {
        Some((Opener::CompanyNoun, last)) if matches!(ctx.word(p), "the" | "le" | "la" | "l'") => Some((Opener::CompanyNoun, p, last)),
        _ => None,
    })
}

/// Whether the word at token `k` makes the pronoun before it impersonal: a copula ("it is",
/// "il est") or "il y a", "il faut", "il s'agit".
fn impersonal(ctx: &Context, k: usize) -> bool {
    COPULAS.contains(ctx.word(k)) || matches!(ctx.word(k), "'s" | "’s" | "y" | "faut" | "s'" | "reste" | "semble" | "suffit" | "manque")
}

/// The entity the sentence before the one starting at token `start` is about: the entity that
/// opens it ("Umbro said…", "The German firm Umbro…"), or, when a pronoun or a company noun
/// opens it, what the sentence before that one is about, up to `chain` sentences back.
fn subject_before<'n>(ctx: &Context, start: usize, names: &'n Names, chain: usize) -> Option<&'n Mention> {
    if start == 0 || chain == 0 {
        return None;
    }
    let before = sentence_start(ctx, start - 1)?;
    if let Some(m) = opening_entity(ctx, before, start, &names.entities) {
        return Some(m);
    }
    opener(ctx, before, start)?;
    subject_before(ctx, before, names, chain - 1)
}

/// The entity that opens the sentence from token `start` to `end`, after an article and up to
/// two words ("The German firm Umbro", "L'opérateur Free"). A name the entity stage missed
/// there counts when it found the same name elsewhere in the article, inside a sentence.
fn opening_entity<'m>(ctx: &Context, start: usize, end: usize, mentions: &'m [Mention]) -> Option<&'m Mention> {
    let entity_at = |q: usize| -> Option<&'m Mention> {
        let from = mentions.partition_point(|m| m.first < q);
        // Words only before it ("The German firm Umbro"; not "Sears, Roebuck and Co"), and
        // the whole name ("Vancouver Stock Exchange", not its first word).
        let whole = |m: &Mention| !ctx.same_sentence(m.last, m.last + 1) || !ctx.capitalised(m.last + 1) || ctx.kind(m.last + 1) != TokenKind::Word;
        let lead = |m: &Mention| (q..m.first).all(|k| ctx.kind(k) == TokenKind::Word && (ctx.capitalised(k) || COMPANY_NOUNS.contains(ctx.word(k))));
        let found = mentions[from..].iter().take_while(|m| m.first < end && m.first <= q + 2).find(|m| lead(m) && whole(m) && !qualifies_noun(ctx, m.last));
        found.or_else(|| {
            let (first, last) = super::subject::name_at(ctx, q)?;
            let text = &ctx.text[ctx.start(first)..ctx.end(last)];
            let elsewhere = |m: &&Mention| !ctx.sentence_initial(m.first) && &ctx.text[m.start..m.end] == text;
            (!qualifies_noun(ctx, last)).then(|| mentions.iter().find(elsewhere)).flatten()
        })
    };
    let q = opening_positions(ctx, start, end).map(|p| if matches!(ctx.word(p), "the" | "le" | "la" | "l'" | "les") { p + 1 } else { p });
    q.filter_map(entity_at).next()
}

/// "The South Yorkshire company", "The US firm", "Microsoft's Windows": a name ending at token
/// `last` that qualifies the noun after it, which is what the sentence is about.
fn qualifies_noun(ctx: &Context, last: usize) -> bool {
    let next = last + 1;
    let company_noun = ctx.kind(next) == TokenKind::Word && !ctx.capitalised(next) && COMPANY_NOUNS.contains(ctx.word(next));
    ctx.same_sentence(last, next) && (company_noun || matches!(ctx.word(next), "'s" | "’s"))
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Given};
    use crate::facts::attrs::{Attrs, Subject};
    use crate::facts::FactKind;

    /// The subject of the last number in `text`, with the entity stage run before.
    fn last_subject(text: &str) -> Option<String> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let facts = crate::facts::extract_kinds(&article, Some(&[FactKind::Quantity, FactKind::Money]));
        match facts.into_iter().rev().find(|f| matches!(f.kind, FactKind::Quantity | FactKind::Money)).map(|f| f.attrs) {
            Some(Attrs::Amount(a)) => match a.subject {
                Subject::One(name) => Some(name),
                _ => None,
            },
            _ => None,
        }
    }

    #[test]
    fn a_pronoun_or_a_company_noun_opening_the_sentence_stands_for_the_company_named_before() {
        let vodafone = Some("Vodafone Group Plc".to_string());
        assert_eq!(last_subject("Vodafone Group Plc cut prices on Monday. It expects to sell 3 million phones next year."), vodafone);
        // Passed on over sentences that open with a pronoun.
        assert_eq!(last_subject("Vodafone Group Plc cut prices on Monday. It also closed shops in the north. Its profit fell 5% in March."), vodafone);
        // A company noun with modifiers; a place inside the opening words or where something
        // happens is no subject.
        assert_eq!(last_subject("Siemens AG opened a plant in Texas. The German company will hire 800 workers there."), Some("Siemens AG".into()));
        assert_eq!(
            last_subject("Vodafone Group Plc said its sales rose. The firm, which is based in London, expects to sell 3 million phones next year."),
            vodafone
        );
        // A wire dateline is not what the story is about.
        assert_eq!(
            last_subject("HOUSTON, June 19 - Exxon Corp cut its budget for next year. It will spend 2 billion dlrs on wells."),
            Some("Exxon Corp".into())
        );
        assert_eq!(
            last_subject("Renault a présenté ses résultats mardi à Paris. Le groupe a vendu 3 millions de voitures l'an dernier."),
            Some("Renault".into())
        );
    }

    #[test]
    fn a_company_noun_inside_a_sentence_that_names_no_one_stands_for_the_company_named_before() {
        assert_eq!(
            last_subject("Vodafone Group Plc cut prices on Monday. Analysts expect the firm to report a profit of £170m."),
            Some("Vodafone Group Plc".into())
        );
        // A name in the sentence is what the number is about.
        assert_eq!(last_subject("Vodafone Group Plc cut prices on Monday. Analysts expect the firm to beat Orange, which made £170m."), Some("Orange".into()));
    }

    #[test]
    fn no_referent_for_people_impersonal_pronouns_sources_and_other_actors() {
        // "it" stands for no person.
        assert_eq!(last_subject("Chancellor Angela Merkel visited Paris on Monday. It drew about 5,000 protesters from all over the country."), None);
        assert_eq!(last_subject("Siemens AG opened a plant in Ohio. It is thought that 300 people will work there."), None);
        // Who reports a figure is its source, as when named.
        assert_eq!(last_subject("The International Committee of the Red Cross visited the town on Friday. It said 40 people had died."), None);
        // Another company after the number may be what it is about.
        assert_eq!(
            last_subject("Siemens AG opened a plant in Ohio last year. Its profit of $30m was smaller than the $200m announced by Vodafone Group Plc."),
            None
        );
    }
}
