//! Definite descriptors that stand for the entity an article is about: "the company said"
//! after a company was named, "the 30-year-old told reporters" after an athlete was. Reporters
//! name the subject of a story, then refer back to it by its kind; the one named most so far
//! is the one meant (the nearest of them on a tie). A company must have spoken under its name
//! before ("Acme said"): products and partners are named as often as the company is, and
//! the entity stage takes some companies for people.

use super::*;
use crate::lexicons::quote_words::{BODY_NOUNS, COMPANY_NOUNS, PERSON_NOUNS};

/// The people and the organisations of an article, each as (first token, mention with the
/// entity's name), in text order.
#[derive(Default)]
pub(super) struct Named {
    pub(super) people: Vec<(usize, Speaker)>,
    pub(super) organizations: Vec<(usize, Speaker)>,
    /// The organisations named as the subject of a speech verb ("Acme said", "Renault a
    /// annoncé"), with the same (first token, mention) as in `organizations`.
    speaking: Vec<(usize, Speaker)>,
    /// The organisations introduced by a company noun ("l'agence américaine Moody's", "the
    /// airline Ryanair"), with that noun.
    introduced: Vec<(&'static str, (usize, Speaker))>,
}

impl Named {
    pub(super) fn of_article(ctx: &Context, facts: &[Fact]) -> Named {
        let mut named = Named::default();
        for m in super::super::mentions::entity_mentions(ctx, facts) {
            let mention = (m.first, Speaker { name: m.value, start: m.start, end: m.end });
            match m.kind {
                FactKind::Person => named.people.push(mention),
                FactKind::Organization => {
                    if speaks_after(ctx, m.last) {
                        named.speaking.push(mention.clone());
                    }
                    if let Some(noun) = introduced_as(ctx, m.first) {
                        named.introduced.push((noun, mention.clone()));
                    }
                    named.organizations.push(mention);
                }
                _ => {}
            }
        }
        named
    }

    /// Who the descriptor at tokens `first..=last` stands for, when it is one: "the company",
    /// "the German carmaker", "le groupe" for the organisation named most before it; "the
    /// 30-year-old", "la sexagénaire" for the person named most before it.
    pub(super) fn referent(&self, ctx: &Context, first: usize, last: usize) -> Option<Speaker> {
        match descriptor_kind(ctx, first, last)? {
            // "the researcher" may be one of several people: only the one named most, by
            // more mentions than anyone else.
            // "the Tottenham striker" says whose, and may not be the article's own person.
            Descriptor::Occupation if last > first + 1 => None,
            Descriptor::Occupation => most_named(&self.people, first, &self.people).filter(|p| dominant(&self.people, first, &p.name)),
            Descriptor::Age => most_named(&self.people, first, &self.people),
            Descriptor::Body => {
                let noun = ctx.word(last);
                let bodies: Vec<(usize, Speaker)> = self.organizations.iter().filter(|(_, m)| name_holds(&m.name, noun)).cloned().collect();
                most_named(&self.organizations, first, &bodies)
            }
            Descriptor::Company => {
                // Those that spoke under their name, and those the article introduced with
                // the same noun ("l'agence américaine Moody's" … "selon l'agence").
                let noun = ctx.word(last);
                let mut candidates: Vec<(usize, Speaker)> = self.introduced.iter().filter(|(n, _)| *n == noun).map(|(_, m)| m.clone()).collect();
                candidates.extend(self.speaking.iter().cloned());
                candidates.sort_by_key(|(k, _)| *k);
                most_named(&self.organizations, first, &candidates)
            }
        }
    }
}

/// The company noun a few words before an organisation's name at token `first` ("l'agence
/// américaine Moody's", "the airline Ryanair", "le quotidien Le Figaro"), if one is there.
fn introduced_as(ctx: &Context, first: usize) -> Option<&'static str> {
    (first.saturating_sub(3)..first).rev().take_while(|&k| ctx.same_sentence(k, first)).find_map(|k| COMPANY_NOUNS.get(ctx.word(k)).copied())
}

/// What a descriptor refers back to by.
enum Descriptor {
    /// "the 30-year-old": the article's main person.
    Age,
    /// "the researcher", "l'actrice": a person, when one is named most.
    Occupation,
    /// "the company", "le groupe": the organisation that spoke most.
    Company,
    /// "le ministère", "the committee": the body named most with that noun in its name.
    Body,
}

/// What a definite descriptor at tokens `first..=last` refers back to: a definite article,
/// at most one capitalised modifier ("the US firm"), then a noun of age, of an occupation or
/// of a kind of company.
fn descriptor_kind(ctx: &Context, first: usize, last: usize) -> Option<Descriptor> {
    let definite = matches!(ctx.word(first), "the" | "le" | "la" | "l'");
    let modifier_ok = last == first + 1 || last == first + 2 && ctx.capitalised(first + 1) && ctx.kind(first + 1) == TokenKind::Word;
    if !definite || !modifier_ok || ctx.capitalised(last) {
        return None;
    }
    let noun = ctx.word(last);
    if age_noun(noun) {
        Some(Descriptor::Age)
    } else if PERSON_NOUNS.contains(&noun) {
        Some(Descriptor::Occupation)
    } else if BODY_NOUNS.contains(&noun) {
        Some(Descriptor::Body)
    } else {
        COMPANY_NOUNS.contains(&noun).then_some(Descriptor::Company)
    }
}

/// Whether an organisation's name holds `noun` as a word ("ministère de l'Intérieur" holds
/// "ministère"; "Home Affairs Committee" holds "committee").
fn name_holds(name: &str, noun: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric()).any(|w| w.to_lowercase() == noun)
}

/// Whether `name` is said at least twice, and more often than any other name, among
/// `mentions` before token `before`.
fn dominant(mentions: &[(usize, Speaker)], before: usize, name: &str) -> bool {
    let seen = &mentions[..mentions.partition_point(|(k, _)| *k < before)];
    let mut times: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (_, s) in seen {
        *times.entry(s.name.as_str()).or_default() += 1;
    }
    let own = times.get(name).copied().unwrap_or(0);
    own >= 2 && times.iter().all(|(other, &n)| *other == name || n < own)
}

/// "30-year-old", "sexagénaire": a noun that names a person by age.
fn age_noun(word: &str) -> bool {
    let years = word.strip_suffix("-year-old").or_else(|| word.strip_suffix("‑year‑old"));
    years.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) || word.len() > 10 && word.ends_with("génaire")
}

/// "Acme said", "Acme has said", "Renault a annoncé": whether a speech verb follows a name
/// ending at token `last`, at most one auxiliary or adverb between.
fn speaks_after(ctx: &Context, last: usize) -> bool {
    let verb_at = |k: usize| speech_verb(ctx, k).is_some_and(|(a, _)| a <= last + 2);
    ctx.same_sentence(last, last + 1)
        && (verb_at(last + 1) || verb_at(last + 2) || verb_at(last + 3) && speech_verb(ctx, last + 3).is_some_and(|(a, _)| a == last + 2))
}

/// The name among `candidates` said most often among `mentions` (both in text order) before
/// token `before`; on a tie, the one said last.
fn most_named(mentions: &[(usize, Speaker)], before: usize, candidates: &[(usize, Speaker)]) -> Option<Speaker> {
    let seen = &mentions[..mentions.partition_point(|(k, _)| *k < before)];
    let candidates = &candidates[..candidates.partition_point(|(k, _)| *k < before)];
    let times = |name: &str| seen.iter().filter(|(_, s)| s.name == name).count();
    // Walking back, a later mention wins a tie: `max_by_key` keeps the last maximum.
    candidates.iter().rev().map(|(_, s)| s).max_by_key(|s| times(&s.name)).cloned()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::article;
    use super::*;

    /// Who the last descriptor ending in the noun `descriptor` stands for.
    fn referent(text: &str, lang: Lang, descriptor: &str) -> Option<String> {
        let article = article(text, lang);
        let ctx = Context::new(&article);
        let facts = crate::facts::extract(&article);
        let named = Named::of_article(&ctx, &facts);
        let noun = (0..ctx.len()).rev().find(|&k| ctx.word(k) == descriptor).unwrap();
        let first = (0..noun).rev().find(|&k| matches!(ctx.word(k), "the" | "le" | "la" | "l'")).unwrap();
        named.referent(&ctx, first, noun).map(|s| s.name)
    }

    #[test]
    fn a_company_noun_stands_for_the_company_named_most() {
        let text = "Volvo Cars said it sold more trucks in March. Analysts at Morgan Stanley expected less. \
                    Volvo Cars has cut prices twice this year. The company said demand held up.";
        assert_eq!(referent(text, Lang::En, "company").as_deref(), Some("Volvo Cars"));
        let text = "Renault a annoncé ses comptes jeudi. Le groupe a annoncé une hausse de ses ventes.";
        assert_eq!(referent(text, Lang::Fr, "groupe").as_deref(), Some("Renault"));
        // A company that never spoke under its name is not taken for the one speaking now.
        let text = "Shoppers bought more Nokia phones in March. Nokia phones sold well. The company said demand held up.";
        assert_eq!(referent(text, Lang::En, "company"), None);
    }

    #[test]
    fn a_company_noun_stands_for_the_body_it_introduced() {
        let text = "Le quotidien Le Monde publie une enquête. Selon le quotidien, la dette pèse.";
        assert_eq!(referent(text, Lang::Fr, "quotidien").as_deref(), Some("Le Monde"));
        // Another noun does not stand for it.
        assert_eq!(referent("Le quotidien Le Monde publie une enquête. Selon le groupe, la dette pèse.", Lang::Fr, "groupe"), None);
    }

    #[test]
    fn a_body_noun_stands_for_the_body_with_that_noun_in_its_name() {
        let text = "Le ministère de la Santé a publié les chiffres jeudi. Le ministère a précisé que la campagne continue.";
        assert_eq!(referent(text, Lang::Fr, "ministère").as_deref(), Some("ministère de la Santé"));
        assert!(name_holds("Home Affairs Committee", "committee") && !name_holds("Committeeman Inc", "committee"));
    }

    #[test]
    fn an_age_stands_for_the_person_named_most() {
        let text = "Kelly Holmes won the race in Madrid. Her coach, Tom Ward, watched. \
                    Holmes had been injured in March. The 34-year-old said she felt strong.";
        assert_eq!(referent(text, Lang::En, "34-year-old").as_deref(), Some("Kelly Holmes"));
    }

    #[test]
    fn an_occupation_stands_for_the_person_named_most_only() {
        let text = "Lena Ortiz, an astronomer in Geneva, found the planet. Lena Ortiz and Paul Roy wrote the paper. \
                    The researcher said more planets would follow.";
        assert_eq!(referent(text, Lang::En, "researcher").as_deref(), Some("Lena Ortiz"));
        let text = "Lena Ortiz and Paul Roy wrote the paper. The researcher said more planets would follow.";
        assert_eq!(referent(text, Lang::En, "researcher"), None);
    }

    #[test]
    fn other_phrases_are_no_descriptors() {
        assert_eq!(referent("Volvo Cars sold more trucks. The rival company said demand fell.", Lang::En, "company"), None);
        let text = "Volvo Cars sold more trucks. The Company said so.";
        let article = article(text, Lang::En);
        let ctx = Context::new(&article);
        let company = (0..ctx.len()).rev().find(|&k| ctx.word(k) == "company").unwrap();
        assert!(descriptor_kind(&ctx, company - 1, company).is_none(), "capitalised: a name");
        assert!(!age_noun("year-old") && age_noun("7-year-old") && age_noun("octogénaire"));
    }
}
