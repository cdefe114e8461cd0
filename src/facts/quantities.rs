//! Percentages, counts and money, with their qualifier ("plus de" → ">"), the entity they are
//! about (`subject`) and what they measure (`measure`).

use super::{Context, Fact, FactKind};
use crate::lang::Lang;
use crate::lexicons::{NUMBER_WORDS, ORGANIZATIONS, PLACES};
use crate::tokenize::{stopwords, TokenKind};
use rustc_hash::FxHashSet as HashSet;
use serde_json::{json, Value};

/// Phrases before a number, and the qualifier they give it.
const QUALIFIERS: [(&[&str], &str); 24] = [
    (&["plus", "de"], ">"),
    (&["more", "than"], ">"),
    (&["over"], ">"),
    (&["above"], ">"),
    (&["au", "moins"], ">"),
    (&["at", "least"], ">"),
    (&["upwards", "of"], ">"),
    (&["moins", "de"], "<"),
    (&["less", "than"], "<"),
    (&["fewer", "than"], "<"),
    (&["under"], "<"),
    (&["below"], "<"),
    (&["up", "to"], "<"),
    (&["jusqu'à"], "<"),
    (&["about"], "~"),
    (&["around"], "~"),
    (&["approximately"], "~"),
    (&["nearly"], "~"),
    (&["almost"], "~"),
    (&["roughly"], "~"),
    (&["près", "de"], "~"),
    (&["environ"], "~"),
    (&["quelque"], "~"),
    (&["some"], "~"),
];

const SCALES: [(&str, f64); 16] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("trillion", 1e12),
    ("mille", 1e3),
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
    ("md", 1e9),
    ("mds", 1e9),
    ("mrd", 1e9),
    ("mn", 1e6),
];

const CURRENCIES: [(&str, &str); 25] = [
    ("$", "USD"),
    ("us$", "USD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("€", "EUR"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("£", "GBP"),
    ("pounds", "GBP"),
    ("livres", "GBP"),
    ("¥", "CNY"),
    ("yuan", "CNY"),
    ("yuans", "CNY"),
    ("yen", "JPY"),
    ("francs", "CHF"),
    ("roubles", "RUB"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("chf", "CHF"),
    ("jpy", "JPY"),
    ("cny", "CNY"),
    ("cad", "CAD"),
    ("fcfa", "XOF"),
    ("xof", "XOF"),
];

/// The ISO code of a currency word or sign ("€", "dollars", "fcfa"), with the form it matched.
fn currency(word: &str) -> Option<(&'static str, &'static str)> {
    CURRENCIES.iter().find(|(c, _)| *c == word).copied()
}

/// A number with its scale written against it: "5bn", "40m", "10k", "2.5bn".
fn glued_scale(text: &str) -> Option<(f64, &'static str, f64)> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = text[digits.len()..].to_ascii_lowercase();
    let &(word, scale) = SCALES.iter().find(|(w, _)| *w == suffix && matches!(*w, "bn" | "m" | "k" | "mn"))?;
    Some((number_value(digits)?, word, scale))
}

/// Nouns a count is often of, singular form as the unit.
const UNITS: &[(&str, &str)] = &[
    ("employees", "employee"),
    ("employee", "employee"),
    ("salariés", "employee"),
    ("employés", "employee"),
    ("people", "person"),
    ("personnes", "person"),
    ("persons", "person"),
    ("users", "user"),
    ("utilisateurs", "user"),
    ("customers", "customer"),
    ("clients", "customer"),
    ("countries", "country"),
    ("pays", "country"),
    ("years", "year"),
    ("year", "year"),
    ("ans", "year"),
    ("années", "year"),
    ("months", "month"),
    ("mois", "month"),
    ("days", "day"),
    ("jours", "day"),
    ("km", "km"),
    ("kilomètres", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("m", "m"),
    ("mètres", "m"),
    ("metres", "m"),
    ("meters", "m"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("kg", "kg"),
    ("kilos", "kg"),
    ("tonnes", "tonne"),
    ("tons", "tonne"),
    ("ha", "ha"),
    ("hectares", "ha"),
    ("miles", "mile"),
    ("°c", "°C"),
    ("degrés", "degree"),
    ("degrees", "degree"),
    ("mw", "MW"),
    ("gw", "GW"),
    ("litres", "litre"),
    ("liters", "litre"),
    ("barils", "barrel"),
    ("barrels", "barrel"),
];

fn number_value(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != '%').collect();
    // "1,5" (French decimal) vs "12,000" (English thousands): a comma before exactly three digits
    // at the end groups thousands.
    let normal = if cleaned.contains(',') && !cleaned.contains('.') {
        let after = cleaned.rsplit(',').next().unwrap_or("");
        if after.len() == 3 {
            cleaned.replace(',', "")
        } else {
            cleaned.replace(',', ".")
        }
    } else {
        cleaned.replace(',', "")
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

/// The entity the number is about: "pour Huawei mais également Tencent" after it, else the
/// nearest capitalised name before it in the sentence (a sentence's first word counts when it
/// is no function word: "Alibaba holds 35%", not "The firm holds 35%").
fn subject(ctx: &Context, first: usize, last: usize, mid_sentence_names: &HashSet<&str>) -> Value {
    if matches!(ctx.word(last + 1), "pour" | "for") {
        let mut names = Vec::new();
        let mut k = last + 2;
        while let Some(name) = name_at(ctx, k) {
            names.push(name_text(ctx, name));
            k = name.1 + 1;
            while matches!(ctx.word(k), "," | "et" | "and" | "mais" | "but" | "également" | "also" | "aussi" | "for" | "pour") && ctx.same_sentence(last, k) {
                k += 1;
            }
        }
        match names.len() {
            0 => {}
            1 => return Value::String(names.remove(0)),
            _ => return json!(names),
        }
    }
    let stop = stopwords::stop_words(Lang::Und);
    // A sentence's first word is a name when a gazetteer knows it or the article capitalises
    // it inside a sentence too ("Alibaba holds…"; not "Afin de…").
    let known = |k: usize| {
        let text = ctx.text_of(k);
        ORGANIZATIONS.contains_key(text) || PLACES.contains_key(text) || mid_sentence_names.contains(text)
    };
    // A capitalised function word ("Un lycéen", "Après trois ans" after a dateline) is none.
    let name_word = |k: usize| ctx.kind(k) == TokenKind::Word && ctx.capitalised(k) && !stop.contains(ctx.word(k)) && (!ctx.sentence_initial(k) || known(k));
    let mut k = first;
    // Bounded walk: a sentence without punctuation may be a whole (huge) document.
    let stop_at = first.saturating_sub(SUBJECT_WINDOW);
    while k > stop_at && ctx.same_sentence(k - 1, first) {
        k -= 1;
        if name_word(k) {
            let mut start = k;
            while start > 0 && ctx.same_sentence(start - 1, k) && name_word(start - 1) {
                start -= 1;
            }
            return Value::String(name_text(ctx, (start, k)));
        }
    }
    Value::Null
}

/// What is measured: "of the Chinese cloud computing market", "du marché chinois dans le cloud".
fn measure(ctx: &Context, last: usize) -> Value {
    let mut k = last + 1;
    if !matches!(ctx.word(k), "of" | "du" | "de" | "des" | "d'") || !ctx.same_sentence(last, k) {
        return Value::Null;
    }
    k += 1;
    while matches!(ctx.word(k), "the" | "la" | "le" | "les" | "l'") {
        k += 1;
    }
    let first = k;
    while ctx.same_sentence(last, k)
        && ctx.kind(k) == TokenKind::Word
        && !matches!(ctx.word(k), "compared" | "contre" | "versus" | "vs" | "while" | "alors" | "tandis" | "et" | "and" | "but" | "mais")
    {
        k += 1;
    }
    if k == first {
        return Value::Null;
    }
    Value::String(ctx.text[ctx.start(first)..ctx.end(k - 1)].to_string())
}

/// The noun a number counts, from token `k`: a lowercase word that is no function word, no
/// month and no unit of time ("200 voix", "1 550 soldats", "three candidates"); its singular
/// as the unit, and its last token.
fn counted_noun(ctx: &Context, k: usize, stop: &HashSet<String>) -> Option<(String, usize)> {
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
            && !NOT_COUNTED.contains(&word)
            && ctx.same_sentence(k - 1, k)
    };
    // "303 grands électeurs", "les 8 premiers mois": the noun after an adjective.
    let k = if ADJECTIVES_BEFORE.contains(&ctx.word(k)) { k + 1 } else { k };
    if !noun_at(k) {
        return None;
    }
    let word = ctx.word(k);
    let singular = match word.strip_suffix('s') {
        Some(stem) if stem.ends_with("ie") && ctx.article.lang == Lang::En => format!("{}y", &stem[..stem.len() - 2]),
        Some(stem) if !word.ends_with("ss") && stem.chars().count() >= 3 => stem.to_string(),
        _ => word.to_string(),
    };
    Some((singular, k))
}

/// Adjectives that come between a number and the noun it counts.
const ADJECTIVES_BEFORE: [&str; 24] = [
    "premiers",
    "premières",
    "derniers",
    "dernières",
    "nouveaux",
    "nouvelles",
    "grands",
    "grandes",
    "petits",
    "petites",
    "autres",
    "jeunes",
    "other",
    "new",
    "first",
    "last",
    "major",
    "small",
    "large",
    "big",
    "young",
    "more",
    "additional",
    "former",
];

/// Words after a number that say what it is not a count of: times, ranks, verbs.
const NOT_COUNTED: [&str; 22] = [
    "heures", "hours", "heure", "hour", "minutes", "minute", "secondes", "seconds", "fois", "times", "ème", "eme", "e", "th", "st", "nd", "rd", "er",
    "semaines", "weeks", "h", "min",
];

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let dates = super::spans_of(facts, FactKind::Date);
    let stop = stopwords::stop_words(Lang::Und);
    // Capitalised words inside sentences: names, for telling "Alibaba holds…" from "Afin de…".
    let mid_sentence_names: HashSet<&str> =
        (0..ctx.len()).filter(|&j| ctx.kind(j) == TokenKind::Word && ctx.capitalised(j) && !ctx.sentence_initial(j)).map(|j| ctx.text_of(j)).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < ctx.len() {
        let kind = ctx.kind(i);
        let word = ctx.word(i);
        let glued = if kind == TokenKind::Word { glued_scale(ctx.text_of(i)) } else { None };
        let number = match kind {
            TokenKind::Percent | TokenKind::Number => number_value(ctx.text_of(i)),
            // "$5bn", "€40m": only after a currency sign, where they cannot be words.
            TokenKind::Word if glued.is_some() && i > 0 && currency(ctx.word(i - 1)).is_some_and(|(c, _)| !c.chars().all(char::is_alphabetic)) => {
                glued.map(|(n, _, scale)| n * scale)
            }
            TokenKind::Word => {
                NUMBER_WORDS.get(word).map(|&n| n as f64).filter(|_| ctx.kind(i + 1) == TokenKind::Word && UNITS.iter().any(|(u, _)| *u == ctx.word(i + 1)))
            }
            _ => None,
        };
        let Some(mut value) = number else {
            i += 1;
            continue;
        };
        // "Falcon 9", "Mi 11": a number that ends a name is part of it.
        let named = i > 0
            && ctx.same_sentence(i - 1, i)
            && ctx.capitalised(i - 1)
            && kind == TokenKind::Number
            && ctx.kind(i - 1) == TokenKind::Word
            && (!ctx.sentence_initial(i - 1) || !stop.contains(ctx.word(i - 1)));
        if super::overlaps(&dates, ctx.start(i), ctx.end(i)) || named {
            i += 1;
            continue;
        }
        let (mut first, qualifier) = qualifier_before(ctx, i);
        let mut last = i;
        let mut attrs: Vec<(&str, Value)> = Vec::new();
        let mut fact_kind = FactKind::Quantity;
        if let Some((_, code)) = currency(ctx.word(i.wrapping_sub(1))).filter(|(c, _)| i > 0 && c.len() <= 3 && ctx.same_sentence(i - 1, i)) {
            attrs.push(("currency", code.into()));
            fact_kind = FactKind::Money;
            first = first.min(i - 1);
        }
        if let Some((_, word, _)) = glued.filter(|_| kind == TokenKind::Word) {
            attrs.push(("scale", word.into()));
        }
        // Abbreviated scales ("5 m", "3 Md €") only with money: "a 5 m wall" is five metres.
        let abbreviated = |w: &str| matches!(w, "m" | "k" | "mn" | "md" | "mds" | "mrd" | "bn");
        let currency_after = |k: usize| currency(ctx.word(k)).is_some();
        if let Some(&(scale_word, scale)) =
            SCALES.iter().find(|(s, _)| *s == ctx.word(last + 1)).filter(|(s, _)| !abbreviated(s) || fact_kind == FactKind::Money || currency_after(last + 2))
        {
            value *= scale;
            attrs.push(("scale", scale_word.into()));
            last += 1;
        }
        let after = if matches!(ctx.word(last + 1), "d'" | "de" | "of") { last + 2 } else { last + 1 };
        if let Some((_, code)) = currency(ctx.word(after)) {
            attrs.push(("currency", code.into()));
            fact_kind = FactKind::Money;
            last = after;
        } else if kind == TokenKind::Percent || matches!(ctx.word(last + 1), "percent" | "per") || ctx.matches(last + 1, &["pour", "cent"]) {
            if kind != TokenKind::Percent {
                last += if ctx.word(last + 1) == "percent" { 1 } else { 2 };
            }
            attrs.push(("unit", "%".into()));
        } else if let Some(&(_, unit)) = UNITS.iter().find(|(u, _)| *u == ctx.word(last + 1)) {
            last += 1;
            // "125 km/h": a rate.
            let rate = ctx.word(last + 1) == "/" && ctx.kind(last + 2) == TokenKind::Word && ctx.end(last) == ctx.start(last + 1);
            if rate {
                attrs.push(("unit", format!("{unit}/{}", ctx.word(last + 2)).into()));
                last += 2;
            } else {
                attrs.push(("unit", unit.into()));
            }
        } else if let Some((unit, unit_last)) = counted_noun(ctx, last + 1, stop).filter(|_| fact_kind == FactKind::Quantity) {
            // "1 550 soldats", "200 voix", "27,3 degrés": a count of what the noun names.
            attrs.push(("unit", unit.into()));
            last = unit_last;
        } else if fact_kind == FactKind::Quantity {
            i += 1;
            continue; // a bare number says too little to be a fact
        }
        // "(- 33 %": a signed change.
        if first == i
            && i > 0
            && matches!(ctx.text_of(i - 1), "-" | "−" | "–")
            && (i < 2 || matches!(ctx.word(i - 2), "(" | "," | ":" | ";") || ctx.sentence_initial(i - 1))
        {
            value = -value;
            first = i - 1;
        }
        // "pendant 4 ans": the span starts at its preposition.
        if first == i && i > 0 && matches!(ctx.word(i - 1), "pendant" | "for" | "during" | "durant") && attrs.iter().any(|(k, v)| *k == "unit" && v == "year") {
            first = i - 1;
        }
        let mut fact = Fact::new(fact_kind, ctx.start(first), ctx.end(last), json!(value), "quantity.number_unit");
        fact = fact.with("qualifier", qualifier).with("subject", subject(ctx, first, last, &mid_sentence_names)).with("measure", measure(ctx, last));
        for (key, v) in attrs {
            fact = fact.with(key, v);
        }
        found.push(fact);
        i = last + 1;
    }
    facts.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};

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
        assert_eq!(facts[0].attrs["qualifier"], ">");
        assert_eq!(facts[0].attrs["subject"], "Alibaba");
        assert_eq!(facts[0].attrs["measure"], "marché chinois dans le cloud computing");
        assert_eq!(facts[1].attrs["subject"], json!(["Huawei", "Tencent"]));
        assert_eq!(facts[1].attrs["qualifier"], "=");
    }

    #[test]
    fn money_and_counts() {
        let facts = quantities("Il a levé 1,5 milliard d'euros et emploie 12 000 salariés, dit le Mi 11.");
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[0].kind, FactKind::Money);
        assert_eq!(facts[0].value, json!(1.5e9));
        assert_eq!(facts[0].attrs["currency"], "EUR");
        assert_eq!(facts[1].value, json!(12000.0));
        assert_eq!(facts[1].attrs["unit"], "employee");
        let facts = quantities("It raised $5 billion from about 300 customers.");
        assert_eq!(facts[0].attrs["currency"], "USD");
        assert_eq!(facts[0].value, json!(5e9));
        assert_eq!(facts[1].attrs["qualifier"], "~");
    }

    #[test]
    fn counted_nouns_rates_and_signs() {
        let text = "Les 1 550 soldats ont vu des vents à 125 km/h ; le titre a perdu (- 33 %) et Obama a 303 grands électeurs. Falcon 9 emporte la capsule ; ceux entre 8 et 10 devront passer.";
        let facts = quantities(text);
        let got: Vec<(&str, String)> = facts.iter().map(|f| (&text[f.start..f.end], f.attrs["unit"].as_str().unwrap_or("").to_string())).collect();
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
        let got: Vec<(&str, f64, &str)> = facts
            .iter()
            .map(|f| {
                let tag = f.attrs.get("currency").or(f.attrs.get("unit")).and_then(Value::as_str).unwrap_or("");
                (&text[f.start..f.end], f.value.as_f64().unwrap(), tag)
            })
            .collect();
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
}
