//! Roles: a person, a title and an organisation, from premodifiers ("Huawei founder Ren
//! Zhengfei", "le fondateur de Huawei Ren Zhengfei", "the company's founder Ren Zhengfei") and
//! appositions ("Zheng Yelai, président de l'activité cloud de Huawei", "Alain Crozier, CEO de
//! Microsoft China"). Runs after the entities, whose facts it reads.

use super::attrs::{Attrs, RoleAttrs};
use super::{Context, Fact, FactKind};
use crate::lexicons::entity_words::{APPOSITION_ENDS, BODY_PREPOSITIONS, FORMS_OF_ADDRESS, ROLE_OPENERS, TITLE_PREPOSITIONS};
use crate::lexicons::PERSON_TITLES;
use rustc_hash::FxHashMap as HashMap;
use serde_json::Value;

/// Titles that are roles in an organisation (not forms of address such as "Mr.").
fn is_role(word: &str) -> bool {
    PERSON_TITLES.contains(word) && !FORMS_OF_ADDRESS.contains(word)
}

use super::mentions::{entity_mentions, Mention as Entity};

/// Organisations by their first and last token: constant-time look-ups, whatever the length
/// of the document.
struct Organisations<'e> {
    by_first: HashMap<usize, &'e Entity>,
    by_last: HashMap<usize, &'e Entity>,
}

impl<'e> Organisations<'e> {
    fn new(entities: &'e [Entity]) -> Self {
        let orgs = || entities.iter().filter(|e| e.kind == FactKind::Organization);
        Organisations { by_first: orgs().map(|e| (e.first, e)).collect(), by_last: orgs().map(|e| (e.last, e)).collect() }
    }
}

/// Organisations by their first and last token, and the other entities by their first:
/// constant-time look-ups, whatever the length of the document.
struct Index<'e> {
    orgs: Organisations<'e>,
    /// After "of"/"at" a title is of a body: a place ("président de la France"), or a name the
    /// entities took for a person's ("economist at Lehman Brothers").
    others_by_first: HashMap<usize, &'e Entity>,
    persons_by_first: HashMap<usize, &'e Entity>,
}

impl<'e> Index<'e> {
    fn new(entities: &'e [Entity]) -> Self {
        let by_first = |keep: fn(FactKind) -> bool| entities.iter().filter(|e| keep(e.kind)).map(|e| (e.first, e)).collect();
        Index {
            orgs: Organisations::new(entities),
            others_by_first: by_first(|kind| kind != FactKind::Organization),
            persons_by_first: by_first(|kind| kind == FactKind::Person),
        }
    }
}

/// Words that may come between a comma and the role of an apposition: "Barack Obama, le
/// président américain", "X, ancien ministre", "Y, the former chairman".
fn before_role(word: &str) -> bool {
    ROLE_OPENERS.contains(word)
}

/// An organisation (or, failing one, a place: "président de la France") whose first token is
/// `k`, introduced by "de", "of", "at" or "chez".
fn introduced_body<'e>(ctx: &Context, index: &Index<'e>, k: usize) -> Option<&'e Entity> {
    introduced(ctx, k).then(|| index.orgs.by_first.get(&k).or_else(|| index.others_by_first.get(&k)).copied()).flatten()
}

/// The title from token `role` up to the body it names at `body` ("président du directoire"
/// in "président du directoire de PSA"), without the words that link them.
fn title_text(ctx: &Context, role: usize, body: usize) -> String {
    let linking = |k: usize| BODY_PREPOSITIONS.contains(ctx.word(k)) || matches!(ctx.word(k), "la" | "l'" | "le" | "the");
    let end = (role..body).rev().find(|&k| !linking(k)).unwrap_or(role);
    ctx.text[ctx.start(role)..ctx.end(end)].to_string()
}

/// Whether token `k` follows "de", "of", "at", "chez" (and an article): what a title is of.
fn introduced(ctx: &Context, k: usize) -> bool {
    k > 0 && BODY_PREPOSITIONS.contains(ctx.word(k - 1))
        || k > 1 && matches!(ctx.word(k - 1), "la" | "l'" | "le" | "the") && matches!(ctx.word(k - 2), "de" | "of" | "at")
}

/// A role a rule found: the tokens it spans, the person, the title, and the organisation when
/// one is named.
struct Found {
    first: usize,
    last: usize,
    person: String,
    title: String,
    organization: Option<String>,
}

impl Found {
    fn new(first: usize, last: usize, person: &Entity, title: String, organization: Option<&Entity>) -> Found {
        Found { first, last, person: person.value.clone(), title, organization: organization.map(|org| org.value.clone()) }
    }

    fn fact(self, ctx: &Context) -> Fact {
        let rule = if self.organization.is_some() { "role.person_title_org" } else { "role.person_title" };
        Fact::new(FactKind::Role, ctx.start(self.first), ctx.end(self.last), Value::String(self.title.clone()), rule).with(Attrs::Role(RoleAttrs {
            person: self.person,
            role: self.title,
            organization: self.organization,
        }))
    }
}

/// "Huawei founder Ren Zhengfei", "the company's founder Ren Zhengfei": an organisation (or
/// "the company's", the organisation named last), a role word, then the person. The span
/// starts at the organisation named there, or at "the company's".
fn premodifier_role(ctx: &Context, index: &Index, last_org: Option<&Entity>, person: &Entity) -> Option<Found> {
    let p = person.first;
    if p < 2 || !is_role(ctx.word(p - 1)) {
        return None;
    }
    let role = p - 1;
    let org = index
        .orgs
        .by_last
        .get(&(role - 1))
        .copied()
        .or_else(|| (ctx.word(role - 1) == "'s" && ctx.word(role - 2) == "company").then_some(last_org).flatten())?;
    let first = if org.last + 1 == role { org.first } else { role - 2 - usize::from(ctx.word(role - 3) == "the") };
    Some(Found::new(first, person.last, person, ctx.text_of(role).to_string(), Some(org)))
}

/// "le fondateur de Huawei Ren Zhengfei", "the founder of Acme Jane Doe": a role word, "de" or
/// "of", an organisation, then the person, run together.
fn role_of_org_before_person(ctx: &Context, index: &Index, person: &Entity) -> Option<Found> {
    let org = person.first.checked_sub(1).and_then(|q| index.orgs.by_last.get(&q).copied())?;
    let role = org.first.checked_sub(2)?;
    (matches!(ctx.word(org.first - 1), "de" | "of" | "d'") && is_role(ctx.word(role)))
        .then(|| Found::new(role, person.last, person, ctx.text_of(role).to_string(), Some(org)))
}

/// The role word of an apposition after the person's last token `last`: a comma, up to two
/// words such as "le", "former", then a role ("Laurent Fabius, ancien ministre").
fn apposition_role_start(ctx: &Context, last: usize) -> Option<usize> {
    let comma = last + 1;
    let mut role_start = comma + 1;
    while role_start < comma + 3 && before_role(ctx.word(role_start)) {
        role_start += 1;
    }
    (ctx.word(comma) == "," && is_role(ctx.word(role_start)) && ctx.same_sentence(comma, role_start)).then_some(role_start)
}

/// The last token of the apposition opened by the role at `role_start` (twelve tokens at
/// most): it ends at its punctuation, a relative pronoun, a verb of the sentence ("le candidat
/// du Front de gauche avait appelé …"), or another person's name not introduced by "de", "of".
fn apposition_last(ctx: &Context, index: &Index, role_start: usize) -> usize {
    let limit = (role_start + 12).min(ctx.len());
    let another_person = |k: usize| index.persons_by_first.contains_key(&k) && !introduced(ctx, k);
    let ends = |k: usize| APPOSITION_ENDS.contains(ctx.word(k)) || another_person(k);
    (role_start..limit).take_while(|&k| ctx.same_sentence(role_start, k) && !(k > role_start && ends(k))).last().unwrap_or(role_start)
}

/// "Zheng Yelai, président de l'activité cloud de Huawei", "Paul Sheard, economist at Lehman
/// Brothers": an apposition after the person, with the body its title is of; or, without one,
/// a title of its own ("Laurent Fabius, ministre des Affaires étrangères"). A role followed by
/// a person is a list of people ("Sir Trevor McDonald, actor Hugh Grant and …"), not a role.
fn apposition_role(ctx: &Context, index: &Index, person: &Entity) -> Option<Found> {
    let role_start = apposition_role_start(ctx, person.last)?;
    if index.persons_by_first.contains_key(&(role_start + 1)) {
        return None;
    }
    let phrase_last = apposition_last(ctx, index, role_start);
    if let Some(org) = (role_start + 1..=phrase_last).find_map(|k| introduced_body(ctx, index, k)) {
        return Some(Found::new(person.first, org.last, person, title_text(ctx, role_start, org.first), Some(org)));
    }
    let own_title = phrase_last > role_start && (role_start + 1..=phrase_last).any(|k| TITLE_PREPOSITIONS.contains(ctx.word(k)));
    own_title.then(|| Found::new(person.first, phrase_last, person, ctx.text[ctx.start(role_start)..ctx.end(phrase_last)].to_string(), None))
}

/// "Le président du directoire de Valtex, Marc Aubry," / "the chief executive of Acme, Jane
/// Cook": a role and the body it is of (at most eight tokens before, in the same clause), a
/// comma, then the person.
fn role_before_comma(ctx: &Context, index: &Index, body: &Entity) -> Option<Found> {
    let person = index.persons_by_first.get(&(body.last + 2)).filter(|_| ctx.word(body.last + 1) == ",")?;
    let role = (body.first.saturating_sub(8)..body.first)
        .rev()
        .take_while(|&k| ctx.same_sentence(k, body.first) && !matches!(ctx.word(k), "," | "." | ";"))
        .find(|&k| is_role(ctx.word(k)))?;
    introduced_body(ctx, index, body.first)?;
    Some(Found::new(role, person.last, person, title_text(ctx, role, body.first), Some(body)))
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let entities = entity_mentions(ctx, facts);
    let index = Index::new(&entities);
    let mut roles = Vec::new();
    // Entities come in text order: the organisation seen last stands for "the company".
    let mut last_org: Option<&Entity> = None;
    for entity in &entities {
        match entity.kind {
            FactKind::Organization => last_org = Some(entity),
            FactKind::Person => roles.extend(
                premodifier_role(ctx, &index, last_org, entity)
                    .or_else(|| role_of_org_before_person(ctx, &index, entity))
                    .or_else(|| apposition_role(ctx, &index, entity)),
            ),
            _ => {}
        }
    }
    roles.extend(entities.iter().filter(|e| e.kind != FactKind::Person).filter_map(|body| role_before_comma(ctx, &index, body)));
    roles.sort_by_key(|r| (r.first, r.last));
    roles.dedup_by_key(|r| (r.first, r.last));
    facts.extend(roles.into_iter().map(|found| found.fact(ctx)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};

    fn roles(text: &str) -> Vec<(String, String, Option<String>)> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let facts = crate::facts::extract(&article);
        facts
            .iter()
            .filter(|f| f.kind == FactKind::Role)
            .map(|f| {
                let Attrs::Role(r) = &f.attrs else { panic!("a role without role attributes") };
                (r.person.clone(), r.role.clone(), r.organization.clone())
            })
            .collect()
    }

    fn role(person: &str, title: &str, organization: Option<&str>) -> (String, String, Option<String>) {
        (person.to_string(), title.to_string(), organization.map(str::to_string))
    }

    #[test]
    fn premodifier_role_before_the_person() {
        let got = roles("Airbus chairman Paul Graves said on Monday that the first jets would ship in May.");
        assert_eq!(got, [role("Paul Graves", "chairman", Some("Airbus"))]);
    }

    #[test]
    fn role_of_org_before_person_run_together() {
        let got = roles("Le président de Renault Jean Moreau a quitté ses fonctions hier soir après dix ans.");
        assert_eq!(got, [role("Jean Moreau", "président", Some("Renault"))]);
    }

    #[test]
    fn apposition_role_with_its_body_or_a_title_of_its_own() {
        let got = roles("Paul Graves, chairman of Airbus, said the jets would ship in May.");
        assert_eq!(got, [role("Paul Graves", "chairman", Some("Airbus"))]);
        let got = roles("Anne Dupont, ministre de la culture, a inauguré le musée de la ville.");
        assert_eq!(got, [role("Anne Dupont", "ministre de la culture", None)]);
    }

    #[test]
    fn apposition_role_start_skips_articles_and_former() {
        let text = "Anne Dupont, the former chairman, spoke.";
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        assert_eq!(apposition_role_start(&ctx, 1).map(|k| ctx.text_of(k)), Some("chairman"));
        assert_eq!(apposition_role_start(&ctx, 0), None);
    }

    #[test]
    fn role_before_comma_then_the_person() {
        let got = roles("Le directeur de Renault, Jean Moreau, a présenté les résultats de l'année aux salariés.");
        assert_eq!(got, [role("Jean Moreau", "directeur", Some("Renault"))]);
    }

    #[test]
    fn appositions_before_and_after_the_person() {
        let got = roles("Le président du directoire de Renault, Marc Aubry, a parlé. Claire Vasseur, la ministre de la transition industrielle, qui répond.");
        assert_eq!(
            got,
            [
                ("Marc Aubry".to_string(), "président du directoire".to_string(), Some("Renault".to_string())),
                ("Claire Vasseur".to_string(), "ministre de la transition industrielle".to_string(), None),
            ]
        );
        let got = roles(
            "\"It grows,\" said Paul Sheard, economist at Lehman Brothers in Tokyo. Sir Trevor McDonald, actor Hugh Grant and writer Joanne Harris will judge.",
        );
        assert_eq!(got, [("Paul Sheard".to_string(), "economist".to_string(), Some("Lehman Brothers".to_string()))]);
        let got = roles("Jean-Luc Mélenchon, le candidat du Front de gauche avait appelé Marine Le Pen.");
        // The tagger knows "Front de gauche" for a party: the role is held in it.
        assert_eq!(got, [("Jean-Luc Mélenchon".to_string(), "candidat".to_string(), Some("Front de gauche".to_string()))]);
    }
}
