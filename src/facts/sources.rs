//! Cited sources: "As reported by the South China Morning Post", "According to an SCMP report",
//! "selon le Financial Times", "comme le rapporte…", "dans un communiqué".

use super::quantities::name_at;
use super::{Context, Fact, FactKind};
use crate::lexicons::{ORGANIZATIONS, ORG_WORDS, PLACES};
use crate::tokenize::TokenKind;

/// Cue phrases (lowercase words) and whether they announce a report rather than an outlet.
const CUES: [(&[&str], &str); 12] = [
    (&["according", "to"], "according to"),
    (&["as", "reported", "by"], "as reported by"),
    (&["reported", "by"], "reported by"),
    (&["as", "per"], "as per"),
    (&["citing"], "citing"),
    (&["selon"], "selon"),
    (&["d'", "après"], "d'après"),
    (&["d'après"], "d'après"),
    (&["comme", "le", "rapporte"], "comme le rapporte"),
    (&["comme", "le", "rapportent"], "comme le rapportent"),
    (&["comme", "l'", "indique"], "comme l'indique"),
    (&["rapporte"], "rapporte"),
];

/// Words that make a name an outlet.
const MEDIA_WORDS: [&str; 40] = [
    "post",
    "times",
    "journal",
    "news",
    "reuters",
    "afp",
    "bloomberg",
    "press",
    "herald",
    "tribune",
    "guardian",
    "monde",
    "figaro",
    "libération",
    "echos",
    "scmp",
    "bbc",
    "cnn",
    "telegraph",
    "gazette",
    "daily",
    "agence",
    "reporter",
    "magazine",
    "radio",
    "tv",
    "télévision",
    "presse",
    "agency",
    "associated",
    "xinhua",
    "interfax",
    "tass",
    "politico",
    "parisien",
    "express",
    "rtbf",
    "nbc",
    "cbs",
    "fox",
];

/// Common nouns a source is named by when it has no name: "selon l'agence" (media), "selon un
/// sondage" (report), "selon des sources proches du dossier" (anonymous).
const SOURCE_NOUNS: [(&str, &str); 36] = [
    ("statistics", "report"),
    ("figures", "report"),
    ("data", "report"),
    ("chiffres", "report"),
    ("données", "report"),
    ("magazine", "media"),
    ("agence", "media"),
    ("quotidien", "media"),
    ("journal", "media"),
    ("hebdomadaire", "media"),
    ("chaîne", "media"),
    ("médias", "media"),
    ("presse", "media"),
    ("newspaper", "media"),
    ("agency", "media"),
    ("media", "media"),
    ("rapport", "report"),
    ("étude", "report"),
    ("sondage", "report"),
    ("enquête", "report"),
    ("report", "report"),
    ("study", "report"),
    ("survey", "report"),
    ("poll", "report"),
    ("estimates", "report"),
    ("estimations", "report"),
    ("sources", "anonymous"),
    ("source", "anonymous"),
    ("responsable", "anonymous"),
    ("responsables", "anonymous"),
    ("officials", "anonymous"),
    ("insiders", "anonymous"),
    ("proches", "anonymous"),
    ("témoins", "anonymous"),
    ("experts", "anonymous"),
    ("analystes", "anonymous"),
];

const SKIPPED: [&str; 14] = ["the", "le", "la", "les", "l'", "a", "an", "un", "une", "report", "rapport", "published", "publié", "by"];

fn source_type(name: &str, report: bool) -> &'static str {
    let lower = name.to_lowercase();
    let acronym = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    // "Météo France", "Groupe France Télécom": a name holding a known organisation, place or
    // organisation word is a body's, not a person's.
    let body = ORGANIZATIONS.contains_key(name)
        || name.split_whitespace().any(|w| PLACES.contains_key(w) || ORGANIZATIONS.contains_key(w) || ORG_WORDS.contains(&w.to_lowercase()));
    if report {
        "report"
    } else if acronym || lower.split_whitespace().any(|w| MEDIA_WORDS.contains(&w)) {
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
    let start = k + usize::from(matches!(ctx.word(k), "l'" | "le" | "la" | "les" | "un" | "une" | "des" | "the" | "a" | "an" | "some"));
    let noun_kind = |j: usize| SOURCE_NOUNS.iter().find(|(n, _)| *n == ctx.word(j) && ctx.same_sentence(k, j)).map(|&(_, kind)| kind);
    // "des sources proches", "official statistics": the first source noun of the first two words.
    let (noun, kind) = [start, start + 1].into_iter().find_map(|j| noun_kind(j).map(|kind| (j, kind)))?;
    // "des sources proches du dossier", "sources close to the talks": who they are close to.
    let close = matches!(ctx.word(noun + 1), "proches" | "proche" | "close" | "familiar");
    let last =
        if close { (noun + 1..(noun + 6).min(ctx.len())).take_while(|&j| ctx.same_sentence(k, j) && ctx.kind(j) != TokenKind::Punct).last()? } else { noun };
    Some((k, last, kind))
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let mut free_from = 0;
    for i in 0..ctx.len() {
        if i < free_from {
            continue;
        }
        // Most tokens open no cue: check the first word before the phrases.
        if !matches!(ctx.word(i), "dans" | "in" | "according" | "as" | "reported" | "citing" | "selon" | "d'" | "d'après" | "comme" | "rapporte") {
            continue;
        }
        if ctx.matches(i, &["dans", "un", "communiqué"]) || ctx.matches(i, &["in", "a", "statement"]) || ctx.matches(i, &["in", "a", "press", "release"]) {
            let noun = if ctx.word(i) == "dans" { i + 2 } else { i + 2 + usize::from(ctx.word(i + 2) == "press") };
            let fact = Fact::new(FactKind::Source, ctx.start(noun), ctx.end(noun), ctx.text_of(noun).into(), "source.press_release")
                .with("source_type", "press_release")
                .with("cue", ctx.text[ctx.start(i)..ctx.end(noun)].to_string());
            facts.push(fact);
            continue;
        }
        let Some((phrase, cue)) = CUES.iter().find(|(phrase, _)| ctx.matches(i, phrase)) else { continue };
        let mut k = i + phrase.len();
        let mut report = false;
        while SKIPPED.contains(&ctx.word(k)) && ctx.same_sentence(i, k) {
            report |= matches!(ctx.word(k), "report" | "rapport");
            k += 1;
        }
        let Some((first, last)) = name_at(ctx, k) else {
            if let Some((first, last, kind)) = described_source(ctx, i + phrase.len()) {
                free_from = last + 1;
                let text = ctx.text[ctx.start(first)..ctx.end(last)].to_string();
                facts.push(
                    Fact::new(FactKind::Source, ctx.start(first), ctx.end(last), text.into(), "source.cue_description")
                        .with("source_type", kind)
                        .with("cue", *cue)
                        .with("cue_text", ctx.text[ctx.start(i)..ctx.end(i + phrase.len() - 1)].to_string()),
                );
            }
            continue;
        };
        report |= matches!(ctx.word(last + 1), "report" | "rapport" | "study" | "étude" | "survey" | "sondage");
        let name = ctx.text[ctx.start(first)..ctx.end(last)].to_string();
        // "Variety trade magazine", "le quotidien": what follows the name says it is an outlet.
        let outlet = (last + 1..last + 3).any(|j| MEDIA_WORDS.contains(&ctx.word(j)) || matches!(ctx.word(j), "magazine" | "newspaper" | "quotidien"));
        let kind = if outlet && !report { "media" } else { source_type(&name, report) };
        free_from = last + 1;
        let fact = Fact::new(FactKind::Source, ctx.start(first), ctx.end(last), name.into(), "source.cue_name")
            .with("source_type", kind)
            .with("cue", *cue)
            .with("cue_text", ctx.text[ctx.start(i)..ctx.end(i + phrase.len() - 1)].to_string());
        facts.push(fact);
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
        facts.iter().map(|f| (f.value.as_str().unwrap().to_string(), f.attrs["source_type"].as_str().unwrap().to_string())).collect()
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
