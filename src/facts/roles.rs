//! Roles: a person, a title and an organisation, from premodifiers ("Huawei founder Ren
//! Zhengfei", "le fondateur de Huawei Ren Zhengfei", "the company's founder Ren Zhengfei") and
//! appositions ("Zheng Yelai, président de l'activité cloud de Huawei", "Alain Crozier, CEO de
//! Microsoft China"). Runs after the entities, whose facts it reads.

use super::{Context, Fact, FactKind};
use crate::lexicons::PERSON_TITLES;
use serde_json::Value;
use rustc_hash::FxHashMap as HashMap;

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

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let entities: Vec<Entity> = facts
        .iter()
        .filter(|f| matches!(f.kind, FactKind::Person | FactKind::Organization))
        .map(|f| Entity { kind: f.kind, first: ctx.token_at(f.start), last: ctx.token_at(f.end.saturating_sub(1)), value: f.value.as_str().unwrap_or("").to_string() })
        .collect();
    let orgs = Organisations::new(&entities);
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
            let org = orgs.by_last.get(&(role - 1)).copied()
                .or_else(|| (ctx.word(role - 1) == "'s" && ctx.word(role - 2) == "company").then_some(last_org).flatten());
            // "le fondateur de Huawei Ren Zhengfei" is read below, from the role word.
            if let Some(org) = org {
                // The span starts at the organisation named there, or at "the company's".
                let first = if org.last + 1 == role { org.first } else { role - 2 - usize::from(ctx.word(role - 3) == "the") };
                roles.push((first, person.last, person.value.clone(), ctx.text_of(role).to_string(), org.value.clone()));
                continue;
            }
        }
        // "le fondateur de Huawei Ren Zhengfei": role, "de", organisation, person.
        if let Some(org) = p.checked_sub(1).and_then(|q| orgs.by_last.get(&q).copied()) {
            if org.first >= 2 && matches!(ctx.word(org.first - 1), "de" | "of" | "d'") && is_role(ctx.word(org.first - 2)) {
                let role = org.first - 2;
                roles.push((role, person.last, person.value.clone(), ctx.text_of(role).to_string(), org.value.clone()));
                continue;
            }
        }
        // "Zheng Yelai, président de l'activité cloud de Huawei": apposition after the person.
        let q = person.last + 1;
        if ctx.word(q) == "," && is_role(ctx.word(q + 1)) {
            let role_start = q + 1;
            let limit = (role_start + 12).min(ctx.len());
            let org = (role_start + 1..limit)
                .take_while(|&k| ctx.same_sentence(role_start, k) && !matches!(ctx.word(k), "," | "(" | "."))
                .find_map(|k| orgs.by_first.get(&k).copied().filter(|_| matches!(ctx.word(k - 1), "de" | "of" | "at" | "d'" | "chez")));
            if let Some(org) = org {
                let role_text = ctx.text[ctx.start(role_start)..ctx.end(org.first - 2)].to_string();
                roles.push((p, org.last, person.value.clone(), role_text, org.value.clone()));
            }
        }
    }
    for (first, last, person, role, organization) in roles {
        let fact = Fact::new(FactKind::Role, ctx.start(first), ctx.end(last), Value::String(role.clone()), "role.person_title_org")
            .with("person", person)
            .with("role", role)
            .with("organization", organization);
        facts.push(fact);
    }
}
