//! Roles: a person, a title and an organisation, from premodifiers ("Huawei founder Ren
//! Zhengfei", "le fondateur de Huawei Ren Zhengfei", "the company's founder Ren Zhengfei") and
//! appositions ("Zheng Yelai, président de l'activité cloud de Huawei", "Alain Crozier, CEO de
//! Microsoft China"). Runs after the entities, whose facts it reads.

use super::{Context, Fact, FactKind};
use crate::lexicons::PERSON_TITLES;
use rustc_hash::FxHashMap as HashMap;
use serde_json::Value;

/// Titles that are roles in an organisation (not forms of address such as "Mr.").
fn is_role(word: &str) -> bool {
    PERSON_TITLES.contains(word) && !matches!(word, "mr" | "mrs" | "ms" | "m" | "mme" | "mlle" | "me" | "sir" | "lady" | "lord" | "dr")
}

struct Entity {
    kind: FactKind,
    first: usize,
    last: usize,
    value: String,
}

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

/// Words that may come between a comma and the role of an apposition: "Barack Obama, le
/// président américain", "X, ancien ministre", "Y, the former chairman".
fn before_role(word: &str) -> bool {
    matches!(
        word,
        "le" | "la"
            | "l'"
            | "the"
            | "a"
            | "an"
            | "un"
            | "une"
            | "ancien"
            | "ancienne"
            | "nouveau"
            | "nouvelle"
            | "actuel"
            | "actuelle"
            | "former"
            | "new"
            | "current"
    )
}

/// An organisation (or, failing one, a place: "président de la France") whose first token is
/// `k`, introduced by "de", "of", "at" or "chez".
fn introduced_body<'e>(ctx: &Context, orgs: &Organisations<'e>, others: &HashMap<usize, &'e Entity>, k: usize) -> Option<&'e Entity> {
    introduced(ctx, k).then(|| orgs.by_first.get(&k).or_else(|| others.get(&k)).copied()).flatten()
}

/// The title from token `role` up to the body it names at `body` ("président du directoire"
/// in "président du directoire de PSA"), without the words that link them.
fn title_text(ctx: &Context, role: usize, body: usize) -> String {
    let linking = |k: usize| matches!(ctx.word(k), "de" | "of" | "at" | "d'" | "chez" | "du" | "des" | "la" | "l'" | "le" | "the" | "with");
    let end = (role..body).rev().find(|&k| !linking(k)).unwrap_or(role);
    ctx.text[ctx.start(role)..ctx.end(end)].to_string()
}

/// Whether token `k` follows "de", "of", "at", "chez" (and an article): what a title is of.
fn introduced(ctx: &Context, k: usize) -> bool {
    k > 0 && matches!(ctx.word(k - 1), "de" | "of" | "at" | "d'" | "chez" | "du" | "des" | "with")
        || k > 1 && matches!(ctx.word(k - 1), "la" | "l'" | "le" | "the") && matches!(ctx.word(k - 2), "de" | "of" | "at")
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let entities: Vec<Entity> = facts
        .iter()
        .filter(|f| matches!(f.kind, FactKind::Person | FactKind::Organization | FactKind::Place))
        .map(|f| Entity {
            kind: f.kind,
            first: ctx.token_at(f.start),
            last: ctx.token_at(f.end.saturating_sub(1)),
            value: f.value.as_str().unwrap_or("").to_string(),
        })
        .collect();
    let orgs = Organisations::new(&entities);
    // After "of"/"at" a title is of a body: a place ("président de la France"), or a name the
    // entities took for a person's ("economist at Lehman Brothers").
    let places: HashMap<usize, &Entity> = entities.iter().filter(|e| e.kind != FactKind::Organization).map(|e| (e.first, e)).collect();
    let persons_by_first: HashMap<usize, &Entity> = entities.iter().filter(|e| e.kind == FactKind::Person).map(|e| (e.first, e)).collect();
    let mut roles = Vec::new();
    // Entities come in text order: the organisation seen last stands for "the company".
    let mut last_org: Option<&Entity> = None;
    for person in entities.iter() {
        if person.kind == FactKind::Organization {
            last_org = Some(person);
            continue;
        }
        if person.kind != FactKind::Person {
            continue;
        }
        let p = person.first;
        // "Huawei founder Ren Zhengfei" / "the company's founder Ren Zhengfei"
        if p >= 2 && is_role(ctx.word(p - 1)) {
            let role = p - 1;
            let org = orgs
                .by_last
                .get(&(role - 1))
                .copied()
                .or_else(|| (ctx.word(role - 1) == "'s" && ctx.word(role - 2) == "company").then_some(last_org).flatten());
            // "le fondateur de Huawei Ren Zhengfei" is read below, from the role word.
            if let Some(org) = org {
                // The span starts at the organisation named there, or at "the company's".
                let first = if org.last + 1 == role { org.first } else { role - 2 - usize::from(ctx.word(role - 3) == "the") };
                roles.push((first, person.last, person.value.clone(), ctx.text_of(role).to_string(), Some(org.value.clone())));
                continue;
            }
        }
        // "le fondateur de Huawei Ren Zhengfei": role, "de", organisation, person.
        if let Some(org) = p.checked_sub(1).and_then(|q| orgs.by_last.get(&q).copied()) {
            if org.first >= 2 && matches!(ctx.word(org.first - 1), "de" | "of" | "d'") && is_role(ctx.word(org.first - 2)) {
                let role = org.first - 2;
                roles.push((role, person.last, person.value.clone(), ctx.text_of(role).to_string(), Some(org.value.clone())));
                continue;
            }
        }
        // "Zheng Yelai, président de l'activité cloud de Huawei", "Laurent Fabius, ministre des
        // Affaires étrangères": apposition after the person.
        let q = person.last + 1;
        let mut role_start = q + 1;
        while role_start < q + 3 && before_role(ctx.word(role_start)) {
            role_start += 1;
        }
        if ctx.word(q) == "," && is_role(ctx.word(role_start)) && ctx.same_sentence(q, role_start) {
            let limit = (role_start + 12).min(ctx.len());
            // The apposition ends at its punctuation, a relative pronoun or a verb of the
            // sentence ("le candidat du Front de gauche avait appelé …").
            let ends = |w: &str| {
                matches!(
                    w,
                    "," | "("
                        | "."
                        | ";"
                        | ")"
                        | "qui"
                        | "que"
                        | "dont"
                        | "who"
                        | "which"
                        | "that"
                        | "a"
                        | "avait"
                        | "est"
                        | "était"
                        | "ont"
                        | "has"
                        | "had"
                        | "is"
                        | "was"
                        | "said"
                        | "says"
                        | "and"
                        | "et"
                )
            };
            // "Sir Trevor McDonald, actor Hugh Grant and …": a list of people, not a role.
            if persons_by_first.contains_key(&(role_start + 1)) {
                continue;
            }
            let another_person = |k: usize| persons_by_first.contains_key(&k) && !introduced(ctx, k);
            let phrase = (role_start..limit).take_while(|&k| ctx.same_sentence(role_start, k) && !(k > role_start && (ends(ctx.word(k)) || another_person(k))));
            let phrase_last = phrase.clone().last().unwrap_or(role_start);
            let org = phrase.skip(1).find_map(|k| introduced_body(ctx, &orgs, &places, k));
            match org {
                Some(org) => {
                    roles.push((p, org.last, person.value.clone(), title_text(ctx, role_start, org.first), Some(org.value.clone())));
                }
                // A title of its own: "ministre des Affaires étrangères", "porte-parole du gouvernement".
                None if phrase_last > role_start
                    && (role_start + 1..=phrase_last)
                        .any(|k| matches!(ctx.word(k), "of" | "at" | "with" | "for" | "de" | "du" | "des" | "d'" | "à" | "au" | "pour" | "chez")) =>
                {
                    let role_text = ctx.text[ctx.start(role_start)..ctx.end(phrase_last)].to_string();
                    roles.push((p, phrase_last, person.value.clone(), role_text, None));
                }
                None => {}
            }
        }
    }
    // "Le président du directoire de PSA, Philippe Varin," / "the chief executive of Apple,
    // Tim Cook": a role and its organisation, a comma, then the person.
    for org in entities.iter().filter(|e| e.kind != FactKind::Person) {
        let Some(person) = persons_by_first.get(&(org.last + 2)).filter(|_| ctx.word(org.last + 1) == ",") else { continue };
        let first_word = org.first.saturating_sub(8);
        let Some(role) = (first_word..org.first)
            .rev()
            .take_while(|&k| ctx.same_sentence(k, org.first) && !matches!(ctx.word(k), "," | "." | ";"))
            .find(|&k| is_role(ctx.word(k)))
        else {
            continue;
        };
        if introduced_body(ctx, &orgs, &places, org.first).is_none() {
            continue;
        }
        roles.push((role, person.last, person.value.clone(), title_text(ctx, role, org.first), Some(org.value.clone())));
    }
    roles.sort_by_key(|r| (r.0, r.1));
    roles.dedup_by_key(|r| (r.0, r.1));
    for (first, last, person, role, organization) in roles {
        let rule = if organization.is_some() { "role.person_title_org" } else { "role.person_title" };
        let fact = Fact::new(FactKind::Role, ctx.start(first), ctx.end(last), Value::String(role.clone()), rule)
            .with("person", person)
            .with("role", role)
            .with("organization", organization.map_or(Value::Null, Value::String));
        facts.push(fact);
    }
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
                (
                    f.attrs["person"].as_str().unwrap().to_string(),
                    f.attrs["role"].as_str().unwrap().to_string(),
                    f.attrs["organization"].as_str().map(str::to_string),
                )
            })
            .collect()
    }

    #[test]
    fn appositions_before_and_after_the_person() {
        let got = roles("Le président du directoire de PSA, Philippe Varin, a parlé. Arnaud Montebourg, le ministre du redressement productif, qui répond.");
        assert_eq!(
            got,
            [
                ("Philippe Varin".to_string(), "président du directoire".to_string(), Some("PSA".to_string())),
                ("Arnaud Montebourg".to_string(), "ministre du redressement productif".to_string(), None),
            ]
        );
        let got = roles(
            "\"It grows,\" said Paul Sheard, economist at Lehman Brothers in Tokyo. Sir Trevor McDonald, actor Hugh Grant and writer Joanne Harris will judge.",
        );
        assert_eq!(got, [("Paul Sheard".to_string(), "economist".to_string(), Some("Lehman Brothers".to_string()))]);
        let got = roles("Jean-Luc Mélenchon, le candidat du Front de gauche avait appelé Marine Le Pen.");
        assert_eq!(got, [("Jean-Luc Mélenchon".to_string(), "candidat du Front de gauche".to_string(), None)]);
    }
}
