//! Acronyms and their expansions: "IaaS (infrastructure as a service)" and "South China Morning
//! Post (SCMP)": the short form's letters, in order, start the words of the long form (small
//! words such as "of", "de" may be skipped).

use super::attrs::{AcronymAttrs, Attrs};
use super::{Context, Fact, FactKind};
use crate::lexicons::entity_words::ACRONYM_SKIPPED_WORDS;
use crate::tokenize::TokenKind;

fn is_short_form(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    (2..=10).contains(&letters) && upper >= 2 && text.chars().all(|c| c.is_alphanumeric() || c == '&' || c == '-')
}

/// Whether the words' initials spell `short` (case-insensitive), skipping small words.
fn spells(short: &str, words: &[&str]) -> bool {
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    let mut at = 0;
    for (n, word) in words.iter().enumerate() {
        let initial = word.chars().next().map(|c| c.to_lowercase().next().unwrap_or(c));
        if at < letters.len() && initial == Some(letters[at]) {
            at += 1;
        } else if !ACRONYM_SKIPPED_WORDS.contains(word.to_lowercase().as_str()) || n == 0 {
            return false;
        }
    }
    at == letters.len()
}

/// The fact spans both forms and the closing parenthesis: "IaaS (infrastructure as a service)".
fn emit(ctx: &Context, facts: &mut Vec<Fact>, short: usize, long: (usize, usize), close: usize, rule: &'static str) {
    let long_text = ctx.text[ctx.start(long.0)..ctx.end(long.1)].to_string();
    let (start, end) = (ctx.start(short.min(long.0)), ctx.end(close));
    let fact = Fact::new(FactKind::Acronym, start, end, long_text.clone().into(), rule)
        .with(Attrs::Acronym(AcronymAttrs { short: ctx.text_of(short).to_string(), long: long_text }));
    facts.push(fact);
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    for open in 0..ctx.len() {
        if ctx.text_of(open) != "(" {
            continue;
        }
        // "Long Form (LF)"
        let inner = open + 1;
        if ctx.text_of(inner.min(ctx.len() - 1)) != "(" && ctx.word(inner + 1) == ")" && is_short_form(ctx.text_of(inner)) {
            let letters = ctx.text_of(inner).chars().filter(|c| c.is_alphabetic()).count();
            for n in letters..=(letters * 2 + 2).min(open) {
                let first = open - n;
                if !ctx.same_sentence(first, open) || (first..open).any(|k| ctx.kind(k) != TokenKind::Word && ctx.kind(k) != TokenKind::Elision) {
                    break;
                }
                let words: Vec<&str> = (first..open).map(|k| ctx.text_of(k)).collect();
                if spells(ctx.text_of(inner), &words) {
                    emit(ctx, facts, inner, (first, open - 1), inner + 1, "acronym.long_then_short");
                    break;
                }
            }
            continue;
        }
        // "SF (short form)"
        if open == 0 || !is_short_form(ctx.text_of(open - 1)) || !ctx.same_sentence(open - 1, open) {
            continue;
        }
        let close = (open + 1..ctx.len().min(open + 15)).find(|&k| ctx.text_of(k) == ")");
        if let Some(close) = close {
            let words: Vec<&str> = (open + 1..close).map(|k| ctx.text_of(k)).collect();
            if !words.is_empty() && spells(ctx.text_of(open - 1), &words) {
                emit(ctx, facts, open - 1, (open + 1, close - 1), close, "acronym.short_then_long");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};

    fn acronyms(text: &str) -> Vec<(String, String)> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        let mut facts = Vec::new();
        extract(&ctx, &mut facts);
        facts
            .iter()
            .map(|f| match &f.attrs {
                Attrs::Acronym(a) => (a.short.clone(), a.long.clone()),
                other => panic!("an acronym with {other:?}"),
            })
            .collect()
    }

    #[test]
    fn both_orders() {
        assert_eq!(
            acronyms("des services IaaS (infrastructure as a service) ainsi que PaaS (Platform as a service)."),
            [("IaaS".to_string(), "infrastructure as a service".to_string()), ("PaaS".into(), "Platform as a service".into())]
        );
        assert_eq!(
            acronyms("focus on infrastructure as a service (IaaS) and the Organisation des Nations unies (ONU)."),
            [("IaaS".to_string(), "infrastructure as a service".to_string()), ("ONU".into(), "Organisation des Nations unies".into())]
        );
        assert!(acronyms("the main (CPU) unit, and a note (see below).").is_empty());
    }
}
