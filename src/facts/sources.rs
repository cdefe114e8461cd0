//! Cited sources: "As reported by the South China Morning Post", "According to an SCMP report",
//! "selon le Financial Times", "comme le rapporte…", "dans un communiqué".

use super::attrs::{Attrs, SourceAttrs};
use super::quantities::name_at;
use super::{Context, Fact, FactKind};
use crate::lexicons::entity_words::{MEDIA_WORDS, REPORT_WORDS, SOURCE_CUES, SOURCE_CUE_OPENERS, SOURCE_DETERMINERS, SOURCE_NOUNS, SOURCE_SKIPPED_WORDS};
use crate::lexicons::{ORGANIZATIONS, ORG_WORDS, PLACES};
use crate::tokenize::TokenKind;

fn source_type(name: &str, report: bool) -> &'static str {
    let lower = name.to_lowercase();
    let acronym = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    // "Météo France", "Groupe France Télécom": a name holding a known organisation, place or
    // organisation word is a body's, not a person's.
    let body = ORGANIZATIONS.contains_key(name)
        || name.split_whitespace().any(|w| PLACES.contains_key(w) || ORGANIZATIONS.contains_key(w) || ORG_WORDS.contains(&w.to_lowercase()));
    if report {
        "report"
    } else if acronym || lower.split_whitespace().any(|w| MEDIA_WORDS.contains(w)) {
        "media"
    } else if body {
        "organization"
    } else if name.split_whitespace().count() <= 3 {
        "person"
    } else {
        "media"
    }
}

/// "l'agence", "un sondage publié mardi", "des sources proches du dossier": a determiner and a
/// source noun from token `k`, up to the comma (at most six words). The phrase and its type.
fn described_source(ctx: &Context, k: usize) -> Option<(usize, usize, &'static str)> {
    let start = k + usize::from(SOURCE_DETERMINERS.contains(ctx.word(k)));
    let noun_kind = |j: usize| SOURCE_NOUNS.get(ctx.word(j)).filter(|_| ctx.same_sentence(k, j)).copied();
    // "des sources proches", "official statistics": the first source noun of the first two words.
    let (noun, kind) = [start, start + 1].into_iter().find_map(|j| noun_kind(j).map(|kind| (j, kind)))?;
    // "des sources proches du dossier", "sources close to the talks": who they are close to.
    let close = matches!(ctx.word(noun + 1), "proches" | "proche" | "close" | "familiar");
    let last =
        if close { (noun + 1..(noun + 6).min(ctx.len())).take_while(|&j| ctx.same_sentence(k, j) && ctx.kind(j) != TokenKind::Punct).last()? } else { noun };
    Some((k, last, kind))
}

/// "dans un communiqué", "in a statement", "in a press release" at token `i`: the statement is
/// the source, the body that issued it being named elsewhere in the sentence.
fn press_release(ctx: &Context, i: usize) -> Option<Fact> {
    let cued = ctx.matches(i, &["dans", "un", "communiqué"]) || ctx.matches(i, &["in", "a", "statement"]) || ctx.matches(i, &["in", "a", "press", "release"]);
    if !cued {
        return None;
    }
    let noun = if ctx.word(i) == "dans" { i + 2 } else { i + 2 + usize::from(ctx.word(i + 2) == "press") };
    let fact = Fact::new(FactKind::Source, ctx.start(noun), ctx.end(noun), ctx.text_of(noun).into(), "source.press_release").with(Attrs::Source(SourceAttrs {
        source_type: "press_release",
        cue: ctx.text[ctx.start(i)..ctx.end(noun)].to_string(),
        cue_text: None,
    }));
    Some(fact)
}

/// The type of the source named by tokens `first..=last`: what follows the name may say it is
/// an outlet ("Variety trade magazine", "Le Monde quotidien") unless the source is a report;
/// otherwise the name says it (`source_type`).
fn named_source_type(ctx: &Context, name: &str, last: usize, report: bool) -> &'static str {
    let outlet = (last + 1..last + 3).any(|j| MEDIA_WORDS.contains(ctx.word(j)) || matches!(ctx.word(j), "magazine" | "newspaper" | "quotidien"));
    if outlet && !report {
        "media"
    } else {
        source_type(name, report)
    }
}

/// A cue phrase at token `i` ("according to", "selon", "comme le rapporte") and the source it
/// introduces: a name, after articles and words such as "report" (which make it a report's),
/// or else a source described by a common noun ("selon l'agence"). The fact, and the token
/// after it, where the next cue may start.
fn cued_source(ctx: &Context, i: usize) -> Option<(Fact, usize)> {
    let (phrase, cue) = SOURCE_CUES.iter().find(|(phrase, _)| ctx.matches(i, phrase))?;
    let after = i + phrase.len();
    let cue_text = ctx.text[ctx.start(i)..ctx.end(after - 1)].to_string();
    let mut k = after;
    let mut report = false;
    while SOURCE_SKIPPED_WORDS.contains(ctx.word(k)) && ctx.same_sentence(i, k) {
        report |= matches!(ctx.word(k), "report" | "rapport");
        k += 1;
    }
    let (first, last, kind, rule) = match name_at(ctx, k) {
        Some((first, last)) => {
            report |= REPORT_WORDS.contains(ctx.word(last + 1));
            (first, last, named_source_type(ctx, &ctx.text[ctx.start(first)..ctx.end(last)], last, report), "source.cue_name")
        }
        None => {
            let (first, last, kind) = described_source(ctx, after)?;
            (first, last, kind, "source.cue_description")
        }
    };
    let text = ctx.text[ctx.start(first)..ctx.end(last)].to_string();
    let fact = Fact::new(FactKind::Source, ctx.start(first), ctx.end(last), text.into(), rule).with(Attrs::Source(SourceAttrs {
        source_type: kind,
        cue: cue.to_string(),
        cue_text: Some(cue_text),
    }));
    Some((fact, last + 1))
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let mut free_from = 0;
    for i in 0..ctx.len() {
        // Most tokens open no cue: check the first word before the phrases.
        if i < free_from || !SOURCE_CUE_OPENERS.contains(ctx.word(i)) {
            continue;
        }
        if let Some(fact) = press_release(ctx, i) {
            facts.push(fact);
        } else if let Some((fact, next)) = cued_source(ctx, i) {
            facts.push(fact);
            free_from = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};

    fn sources(text: &str) -> Vec<(String, String)> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        let mut facts = Vec::new();
        extract(&ctx, &mut facts);
        facts
            .iter()
            .map(|f| {
                let Attrs::Source(s) = &f.attrs else { panic!("a source without source attributes") };
                (f.value.as_str().unwrap().to_string(), s.source_type.to_string())
            })
            .collect()
    }

    #[test]
    fn press_release_is_the_source() {
        assert_eq!(sources("The ministry said in a statement on Friday that the road would reopen."), [("statement".into(), "press_release".into())]);
    }

    #[test]
    fn cued_source_by_name_or_description() {
        assert_eq!(sources("Prices rose again, according to the Daily Ledger, in most towns."), [("Daily Ledger".into(), "media".into())]);
        assert_eq!(sources("Selon des témoins, le feu a pris vers minuit."), [("des témoins".into(), "anonymous".into())]);
    }

    #[test]
    fn named_source_type_by_the_word_after() {
        assert_eq!(sources("It sold well, according to Marlow trade newspaper."), [("Marlow".into(), "media".into())]);
        assert_eq!(sources("It sold well, according to a Marlow survey."), [("Marlow".into(), "report".into())]);
    }

    #[test]
    fn cues_in_both_languages() {
        assert_eq!(sources("As reported by the South China Morning Post, Huawei said so."), [("South China Morning Post".into(), "media".into())]);
        assert_eq!(sources("According to an SCMP report, he spoke."), [("SCMP".into(), "report".into())]);
        assert_eq!(sources("Selon le Financial Times, Alibaba domine."), [("Financial Times".into(), "media".into())]);
        assert_eq!(sources("Comme le rapporte le South China Morning Post, le fondateur parle."), [("South China Morning Post".into(), "media".into())]);
        assert_eq!(sources("indiquent les partenaires dans un communiqué."), [("communiqué".into(), "press_release".into())]);
    }

    #[test]
    fn bodies_and_described_sources() {
        assert_eq!(sources("Selon Météo France, l'épisode dure."), [("Météo France".into(), "organization".into())]);
        assert_eq!(sources("D'après The Hollywood Reporter, le film sort."), [("Hollywood Reporter".into(), "media".into())]);
        assert_eq!(sources("Selon un sondage publié mardi, 81 % sont contre."), [("un sondage".into(), "report".into())]);
        assert_eq!(sources("That rose, according to official statistics in May."), [("official statistics".into(), "report".into())]);
        assert_eq!(sources("It sold, according to Variety trade magazine."), [("Variety".into(), "media".into())]);
        assert_eq!(sources("Selon des sources proches du dossier, il part."), [("des sources proches du dossier".into(), "anonymous".into())]);
        assert_eq!(sources("Selon l'agence, les notes baissent."), [("l'agence".into(), "media".into())]);
    }
}
