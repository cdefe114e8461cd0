//! Who holds a title in the article: "Judge Mary Cole", "Health Minister Jane Doe", "Jane Doe,
//! the health minister", "le ministre de l'Économie, Paul Girard". A definite descriptor that
//! names the title later ("the judge said", "a déclaré la ministre") stands for the person
//! given that title before it, when only one was: reporters name a person once, with the
//! title, and then write the title alone.

use super::genders::{Gender, Genders};
use super::*;
use crate::facts::mentions::Mention;
use crate::lexicons::entity_words::{APPOSITION_ENDS, BODY_PREPOSITIONS, FORMS_OF_ADDRESS, OFFICE_MODIFIERS, TITLE_PREPOSITIONS};
use crate::lexicons::quote_words::CLAUSE_BREAKS;
use crate::lexicons::{DETERMINERS, PERSON_TITLES, SPEECH_VERBS};

/// How far a title may stand before or after a name ("Health Minister", ", the former
/// health minister", ", président de l'Union française des industries pétrolières,").
const TITLE_REACH: usize = 10;

/// The title a token is (a role such as "minister" or "juge", not a form of address).
fn title_at(ctx: &Context, k: usize) -> Option<&'static str> {
    let title = PERSON_TITLES.get(ctx.word(k)).copied()?;
    (!FORMS_OF_ADDRESS.contains(title)).then_some(title)
}

/// A title written around a person's mention, with the words of its phrase ("health",
/// "minister"), which a later descriptor may repeat ("the health minister").
struct Held {
    first: usize,
    title: &'static str,
    words: Vec<String>,
    person: Speaker,
}

/// Words that end a title phrase walking back from a name: "a spokesman for Daimler" and "a
/// spokesman said President Musharraf" give no spokesman, "the health minister" stops at "the" (but the article of a complement,
/// "de l'Économie", does not: see `titles_around`).
fn ends_phrase_before(word: &str, preposition_ends: bool) -> bool {
    let verb = SPEECH_VERBS.single.contains(word) || APPOSITION_ENDS.contains(word);
    verb || DETERMINERS.contains(word) || CLAUSE_BREAKS.contains(word) || (preposition_ends && TITLE_PREPOSITIONS.contains(word))
}

/// Whether token `k` closes an apposition: punctuation or a relative pronoun, not a verb.
fn closes_apposition(ctx: &Context, k: usize) -> bool {
    k >= ctx.len() || matches!(ctx.word(k), "," | "(" | ")" | "." | ";" | "who" | "qui" | "dont")
}

/// Whether `word` makes a title another office ("former", "vice-", "then-US").
fn office_modifier(word: &str) -> bool {
    OFFICE_MODIFIERS.contains(word) || word.split_once('-').is_some_and(|(part, _)| OFFICE_MODIFIERS.contains(part))
}

/// Whether the words after a name's comma open an apposition with a title ("the health
/// minister", "ministre de l'Économie", "former minister") rather than a clause ("who met
/// the minister").
fn opens_apposition(ctx: &Context, k: usize) -> bool {
    DETERMINERS.contains(ctx.word(k)) || title_at(ctx, k).is_some() || title_at(ctx, k + 1).is_some()
}

/// The titles written around a person's mention, with the words of their phrase: the words
/// right before it ("Health Minister Jane Doe"), the phrase before a comma that ends right
/// before it ("le ministre de l'Économie, Paul Girard"), and an apposition after it ("Jane
/// Doe, the health minister").
fn titles_around(ctx: &Context, person: &Mention) -> Vec<(&'static str, Vec<String>)> {
    // An elided article is a word of the phrase ("président de l'Union").
    let word = |k: usize| matches!(ctx.kind(k), TokenKind::Word | TokenKind::Elision) && ctx.same_sentence(k, person.first);
    let mut found = Vec::new();
    let mut collect = |from: usize, to: usize| {
        let words: Vec<String> = (from..to).map(|k| ctx.word(k).to_string()).collect();
        for k in from..to {
            found.extend(title_at(ctx, k).map(|title| (title, words.clone())));
        }
    };
    // Back from the name over words, or from the comma right before it, where a title's
    // complement may stand between ("le ministre de l'Économie, Paul Girard").
    // A form of address belongs to the name ("Mme Claire Vautrin").
    let mut name = person.first;
    let address = |k: usize| FORMS_OF_ADDRESS.contains(ctx.word(k).trim_end_matches('.'));
    while name > 0 && (address(name - 1) || (name > 1 && ctx.word(name - 1) == "." && address(name - 2))) {
        name -= 1;
    }
    let comma = name > 0 && ctx.word(name - 1) == ",";
    let before = if comma { name - 1 } else { name };
    let mut from = before;
    // "du" and "des" are "de" with its article: after a title they open its complement ("le
    // ministre du Budget, Paul Girard"), they do not end the phrase as a determiner would.
    let contracted_complement = |k: usize| matches!(ctx.word(k), "du" | "des") && title_at(ctx, k - 1).is_some();
    let complement_article = |k: usize| comma && k > 0 && (BODY_PREPOSITIONS.contains(ctx.word(k - 1)) || contracted_complement(k));
    // Without a comma, only the words of a title phrase: titles, names, and a lowercase word
    // right before a title or that changes the office ("former health minister"; not "the
    // President say to Senator").
    let in_phrase = |k: usize| comma || title_at(ctx, k).is_some() || ctx.capitalised(k) || office_modifier(ctx.word(k)) || title_at(ctx, k + 1).is_some();
    while from > 0 && before - from < TITLE_REACH && word(from - 1) && in_phrase(from - 1) {
        if ends_phrase_before(ctx.word(from - 1), !comma) && !complement_article(from - 1) {
            break;
        }
        from -= 1;
    }
    // Without a comma the title ends right before the name ("Health Minister Jane Doe"; not
    // "his father said Belgacem").
    if comma || (from < before && title_at(ctx, before - 1).is_some()) {
        collect(from, before);
    }
    let start = person.last + 2;
    if ctx.word(person.last + 1) == "," && word(start) && opens_apposition(ctx, start) {
        let within = |k: &usize| word(*k) && (*k == start || !APPOSITION_ENDS.contains(ctx.word(*k)));
        let to = (start..start + TITLE_REACH).take_while(within).last().map_or(start, |k| k + 1);
        // The apposition closes (", the singer, said"; ", the singer."): "In an interview
        // with J-14, the singer said" makes the singer the subject, not J-14.
        if closes_apposition(ctx, to) {
            collect(start, to);
        }
    }
    found
}

/// The people of the article with the titles written around them, in text order.
#[derive(Default)]
pub(super) struct Titles {
    held: Vec<Held>,
}

impl Titles {
    pub(super) fn of_article(ctx: &Context, facts: &[Fact]) -> Titles {
        let mut held = Vec::new();
        for person in crate::facts::mentions::entity_mentions(ctx, facts).iter().filter(|m| m.kind == FactKind::Person) {
            let speaker = Speaker { name: person.value.clone(), start: person.start, end: person.end };
            let titles = titles_around(ctx, person).into_iter();
            held.extend(titles.map(|(title, words)| Held { first: person.first, title, words, person: speaker.clone() }));
        }
        Titles { held }
    }

    /// The person a definite descriptor at `first..=last` stands for ("the judge", "le
    /// ministre de l'Économie"): the one person before it given its title with every word of
    /// the descriptor ("the health minister" is not the finance minister) and whose gender,
    /// when known, agrees with a French determiner ("la ministre" is not "M. Girard").
    pub(super) fn holder(&self, ctx: &Context, genders: &Genders, first: usize, last: usize) -> Option<Speaker> {
        let determiner = ctx.word(first);
        if !matches!(determiner, "the" | "le" | "la" | "l'") || last - first >= TITLE_REACH {
            return None;
        }
        let wanted = match determiner {
            "le" => Some(Gender::Male),
            "la" => Some(Gender::Female),
            _ => None,
        };
        // A name in the phrase is the speaker's own ("the minister Kim Hae-jin"), unless it
        // is the complement of the title ("the minister of Finance"); the title is the head
        // before the complement ("the minister's spokesman" is not the minister).
        let complement = (first + 1..=last).find(|&k| BODY_PREPOSITIONS.contains(ctx.word(k))).unwrap_or(last + 1);
        if (first + 1..complement).any(|k| ctx.capitalised(k) && title_at(ctx, k).is_none()) {
            return None;
        }
        let title = title_at(ctx, complement - 1)?;
        // Every word of the descriptor was written with the title before: "the prime
        // minister" is not the foreign minister, "le ministre de l'Économie" not "le ministre
        // de la Santé".
        // And the descriptor repeats what made the holder's title another office: "the
        // chancellor" is not the shadow chancellor, "the president" not a former president.
        let said = |word: &str| (first + 1..=last).any(|k| ctx.word(k) == word);
        let repeats = |held: &Held| {
            (first + 1..=last).all(|k| held.words.iter().any(|w| w == ctx.word(k))) && held.words.iter().filter(|w| office_modifier(w)).all(|w| said(w))
        };
        let before = self.held.partition_point(|held| held.first < first);
        let mut holders = self.held[..before].iter().filter(|held| held.title == title && genders.fits(wanted, &held.person.name) && repeats(held));
        // Two people given the same title ("President Obama" in an article on President
        // Trump) leave the descriptor to the other rules.
        let holder = holders.next()?;
        holders.all(|other| other.person.name == holder.person.name).then(|| holder.person.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};
    use crate::facts::{Attrs, FactKind};
    use crate::lang::Lang;

    /// (speaker name, speaker phrase) of each quote of `text`, read with every stage.
    fn speakers(text: &str, lang: Lang) -> Vec<(String, String)> {
        let article = Article::analyze("t".into(), text.to_string(), Given { lang: Some(lang), ..Given::default() }).unwrap();
        let facts = crate::facts::extract(&article);
        let quotes = facts.iter().filter(|f| f.kind == FactKind::Quote);
        let speaker = |attrs: &Attrs| match attrs {
            Attrs::Quote(q) => q.speaker.as_ref().map(|s| (s.name.clone(), text[s.start..s.end].to_string())),
            _ => None,
        };
        quotes.filter_map(|f| speaker(&f.attrs)).collect()
    }

    fn pair(name: &str, phrase: &str) -> (String, String) {
        (name.to_string(), phrase.to_string())
    }

    #[test]
    fn a_title_alone_stands_for_who_was_given_it() {
        let text = "Health Minister Priya Lindgren visited the hospital on Monday. Later, Tomas Berg spoke to the staff. \
                    “We will hire more nurses,” the health minister said.";
        assert_eq!(speakers(text, Lang::En), [pair("Priya Lindgren", "the health minister")]);
        let text = "The new budget was drafted by Olav Kessler, the finance minister. Judge Ruth Amadi heard the case. \
                    “The law is clear,” the judge said.";
        assert_eq!(speakers(text, Lang::En), [pair("Ruth Amadi", "the judge")]);
    }

    #[test]
    fn a_descriptor_with_words_no_holder_was_given_is_not_theirs() {
        // Only a foreign minister was named: "the prime minister" is someone else.
        let text = "Foreign Minister Priya Lindgren met the press in Oslo. “We will not sign,” the prime minister said.";
        assert!(!speakers(text, Lang::En).iter().any(|(name, _)| name == "Priya Lindgren"));
        // The prime minister is not "the minister".
        let text = "Prime Minister Priya Lindgren met the press in Oslo. “We will not sign,” the minister said.";
        assert!(!speakers(text, Lang::En).iter().any(|(name, _)| name == "Priya Lindgren"));
        // The shadow chancellor is not the chancellor.
        let text = "Shadow Chancellor Priya Lindgren attacked the budget. “Growth is slowing,” the chancellor said.";
        assert!(!speakers(text, Lang::En).iter().any(|(name, _)| name == "Priya Lindgren"));
        // Two presidents named: "the president" could be either.
        let text = "President Ana Ruiz met President Tomas Berg in Lima. “We agreed on trade,” the president said.";
        assert!(!speakers(text, Lang::En).iter().any(|(name, _)| name == "Tomas Berg" || name == "Ana Ruiz"));
        // "the minister's spokesman" is not the minister.
        let text = "Health Minister Priya Lindgren met the nurses. “No decision has been made,” the minister's spokesman said.";
        assert!(!speakers(text, Lang::En).iter().any(|(name, _)| name == "Priya Lindgren"));
    }

    /// The titles written around the mention named `name`.
    fn titles_of(text: &str, name: &str) -> Vec<(&'static str, Vec<String>)> {
        let article = Article::analyze("t".into(), text.to_string(), Given { lang: Some(Lang::En), ..Given::default() }).unwrap();
        let facts = crate::facts::extract(&article);
        let ctx = Context::new(&article);
        let mentions = crate::facts::mentions::entity_mentions(&ctx, &facts);
        let mention = mentions.iter().find(|m| m.value == name).unwrap_or_else(|| panic!("no mention of {name}"));
        titles_around(&ctx, mention)
    }

    #[test]
    fn titles_are_read_next_to_the_name_only() {
        let words = |w: &[&str]| w.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let got = titles_of("Former Health Minister Priya Lindgren resigned.", "Priya Lindgren");
        assert_eq!(got, [("minister", words(&["former", "health", "minister"]))]);
        let got = titles_of("Priya Lindgren, the health minister, resigned.", "Priya Lindgren");
        assert_eq!(got, [("minister", words(&["the", "health", "minister"]))]);
        // The body a spokesman speaks for, and a clause after a name, give no title.
        assert!(titles_of("A spokesman for Priya Lindgren declined to comment.", "Priya Lindgren").is_empty());
        assert!(titles_of("Priya Lindgren, who met the minister, resigned.", "Priya Lindgren").is_empty());
        assert!(titles_of("Speaking to Priya Lindgren, the minister said no.", "Priya Lindgren").is_empty());
        assert!(titles_of("A spokesman said President Priya Lindgren would travel.", "Priya Lindgren").iter().all(|(title, _)| *title == "president"));
        assert!(titles_of("A man who called himself her father said Priya Lindgren had left.", "Priya Lindgren").is_empty());
        let got = titles_of("Did the President say to Senator Priya Lindgren that taxes rise?", "Priya Lindgren");
        assert_eq!(got, [("senator", words(&["senator"]))]);
    }

    #[test]
    fn a_french_descriptor_agrees_in_gender() {
        let text = "La ministre de la Santé, Mme Claire Vautrin, a visité l'hôpital. Le ministre de l'Intérieur, M. Paul Girard, était absent. \
                    « Nous embaucherons des infirmières », a déclaré la ministre.";
        assert_eq!(speakers(text, Lang::Fr), [pair("Claire Vautrin", "la ministre")]);
    }

    #[test]
    fn a_french_title_keeps_its_complement() {
        // "du" opens the title's complement; an elided article is a word of the apposition.
        let text = "Le ministre du Logement, Paul Girard, a visité le chantier. Claire Vautrin, présidente de l'Union des bailleurs sociaux, \
                    était présente. « Les loyers vont baisser », a déclaré le ministre du Logement. « Il faut construire », a ajouté la \
                    présidente de l'Union des bailleurs sociaux.";
        let got = speakers(text, Lang::Fr);
        assert_eq!(got, [pair("Paul Girard", "le ministre du Logement"), pair("Claire Vautrin", "la présidente de l'Union des bailleurs sociaux")]);
    }
}
