//! Percentages, counts and money, with their qualifier ("plus de" → ">"), the entity they are
//! about (`subject`) and what they measure (`measure`).

mod measure;
mod ranges;
mod referred;
mod subject;

use super::attrs::{AmountAttrs, Attrs};
use super::number_words::number_words;
use super::{Context, Fact, FactKind};
use crate::lang::Lang;
use crate::lexicons::date_words::{
    ScaleForm, ADJECTIVES_BEFORE_COUNTED, COUNT_UNITS, CURRENCIES, CURRENCY_ABBREVIATIONS, CURRENCY_FIRST_WORDS, CURRENCY_NAMES, MAX_CURRENCY_WORDS,
    NOT_COUNTED, QUALIFIERS, SCALES,
};
use crate::tokenize::{stopwords, TokenKind};
use measure::{measure, measure_before, noun_of_number};
use ranges::mark_ranges;
use rustc_hash::FxHashSet as HashSet;
use serde_json::json;
pub use subject::name_at;
use subject::{subject, Names};

/// The ISO code of a currency word or sign ("€", "dollars", "fcfa"), with the form it matched.
fn currency(word: &str) -> Option<(&'static str, &'static str)> {
    CURRENCIES.get_key_value(word).map(|(&form, &code)| (form, code))
}

/// A number with its scale written against it ("5bn"): the number, the scale and its factor.
type GluedScale = (f64, &'static str, f64);

/// A number with its scale written against it: "5bn", "40m", "10k", "2.5bn".
fn glued_scale(text: &str, lang: Lang) -> Option<GluedScale> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = text[digits.len()..].to_ascii_lowercase();
    let (&word, &(scale, _)) = SCALES.get_key_value(suffix.as_str()).filter(|(_, (_, form))| *form == ScaleForm::Suffix)?;
    Some((number_value(digits, lang)?, word, scale))
}

/// The value of digits as the article's language writes them. French: "1,5" and "1 500", so
/// "1,500" is one and a half, and a period before exactly three digits groups thousands
/// ("1.500"). English: "1.5" and "1,500"; a comma before other than three digits is a decimal
/// comma ("2,75" in a quoted European figure). Other languages read as English.
fn number_value(text: &str, lang: Lang) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != '%').collect();
    let (decimal, grouping) = if lang == Lang::Fr { (',', '.') } else { ('.', ',') };
    let groups_thousands = |s: &str, mark: char| s.rsplit(mark).next().is_some_and(|after| after.len() == 3);
    let normal = if cleaned.contains(grouping) && !cleaned.contains(decimal) && !groups_thousands(&cleaned, grouping) {
        // A lone grouping mark before other than three digits can only be a decimal one.
        cleaned.replace(grouping, ".")
    } else {
        cleaned.replace(grouping, "").replace(decimal, ".")
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

/// The noun a number counts, from token `k`: a lowercase word that is no function word, no
/// month and no unit of time ("200 voix", "1 550 soldats", "three candidates"); its singular
/// as the unit, and its last token.
/// `several`: the number is more than one, so what it counts is written in the plural.
fn counted_noun(ctx: &Context, k: usize, several: bool, stop: &HashSet<String>) -> Option<(String, usize)> {
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
            && !NOT_COUNTED.contains(word)
            && ctx.same_sentence(k - 1, k)
    };
    // "303 grands électeurs", "les 8 premiers mois": the noun after an adjective.
    let k = if ADJECTIVES_BEFORE_COUNTED.contains(ctx.word(k)) { k + 1 } else { k };
    if !noun_at(k) {
        return None;
    }
    // Several of a thing are written in the plural: "100 secondary pupils" counts pupils, the
    // word after an adjective; "800,000 live in…" counts nothing said.
    let plural = |k: usize| ctx.word(k).ends_with('s') || ctx.word(k).ends_with('x');
    let k = match () {
        _ if !several || plural(k) => k,
        _ if noun_at(k + 1) && plural(k + 1) => k + 1,
        _ => return None,
    };
    let word = ctx.word(k);
    let singular = match word.strip_suffix('s') {
        Some(stem) if stem.ends_with("ie") && ctx.article.lang == Lang::En => format!("{}y", &stem[..stem.len() - 2]),
        Some(stem) if !word.ends_with("ss") && stem.chars().count() >= 3 => stem.to_string(),
        _ => word.to_string(),
    };
    Some((singular, k))
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    // A date or a duration ("nine months", "huit jours") is not also a quantity.
    let mut dates = super::spans_of(facts, FactKind::Date);
    dates.extend(super::spans_of(facts, FactKind::Duration));
    let dates = super::merged(dates);
    let stop = stopwords::stop_words(Lang::Und);
    let names = Names::new(ctx, facts);
    let mut found = Vec::new();
    let mut i = 0;
    while i < ctx.len() {
        match quantity_at(ctx, i, &dates, stop, &names) {
            Some((fact, last)) => {
                found.push(fact);
                i = last + 1;
            }
            None => i += 1,
        }
    }
    mark_ranges(ctx, &mut found);
    facts.extend(found);
}

/// A number read into a fact so far: its tokens, value, kind and attributes.
struct Reading {
    first: usize,
    last: usize,
    value: f64,
    kind: FactKind,
    attrs: AmountAttrs,
}

impl Reading {
    fn money(&self) -> bool {
        self.kind == FactKind::Money
    }

    /// The fact read: its qualifier, subject and measure, then the attributes read.
    fn into_fact<'a>(self, ctx: &Context<'a>, qualifier: &'static str, names: &Names<'a>) -> Fact {
        let (before, change) = measure_before(ctx, self.first).map_or((None, None), |(m, change)| (Some(m), Some(change)));
        let sum_or_share = self.money() || self.attrs.unit.as_deref() == Some("%");
        let measure = measure(ctx, self.last).or(before).or_else(|| noun_of_number(ctx, self.first).filter(|_| sum_or_share));
        let attrs = AmountAttrs { qualifier, subject: subject(ctx, self.first, self.last, names), measure, change, ..self.attrs };
        Fact::new(self.kind, ctx.start(self.first), ctx.end(self.last), json!(self.value), "quantity.number_unit").with(Attrs::Amount(attrs))
    }
}

/// The quantity or money fact whose number is token `i`, with its last token: the number with
/// its qualifier, currency, scale and what it counts, then its sign and preposition. A number
/// inside a date, ending a name or counting nothing said is none.
fn quantity_at<'a>(ctx: &Context<'a>, i: usize, dates: &[(usize, usize)], stop: &HashSet<String>, names: &Names<'a>) -> Option<(Fact, usize)> {
    let (value, glued, last) = number_at(ctx, i)?;
    if super::overlaps(dates, ctx.start(i), ctx.end(last)) || ends_a_name(ctx, i, stop) {
        return None;
    }
    // "up to £2,500", "above $53": the qualifier comes before the currency sign.
    let opening = if currency_before(ctx, i).is_some() { i - 1 } else { i };
    let (first, qualifier) = qualifier_before(ctx, opening);
    let mut read = money_and_scale(ctx, i, Reading { first, last, value, kind: FactKind::Quantity, attrs: AmountAttrs::default() }, glued);
    match counted_after(ctx, i, read.last, read.money(), stop) {
        Some((Counted::Currency(money), end)) => {
            match money {
                Money::Code(code) => read.attrs.currency = Some(code.into()),
                // A sign before the number already said which ("$40 dollars"): no candidates.
                Money::Open(codes) if read.attrs.currency.is_none() => read.attrs.currency_candidates = codes.iter().map(|c| c.to_string()).collect(),
                Money::Open(_) => {}
            }
            read.kind = FactKind::Money;
            read.last = end;
        }
        Some((Counted::Unit(unit), end)) => {
            read.attrs.unit = Some(unit);
            read.last = end;
        }
        None if read.kind == FactKind::Quantity => return None, // a bare number says too little to be a fact
        None => {}
    }
    if read.first == i && minus_sign(ctx, i) {
        read.value = -read.value;
        read.first = i - 1;
    }
    if read.first == i && years_after_preposition(ctx, i, &read.attrs) {
        read.first = i - 1;
    }
    let last = read.last;
    Some((read.into_fact(ctx, qualifier, names), last))
}

/// "$5", "€40m", "1,5 milliard": the currency sign before the number (money, then), and its
/// scale, written against it or after it.
fn money_and_scale(ctx: &Context, i: usize, mut read: Reading, glued: Option<GluedScale>) -> Reading {
    if let Some(code) = currency_before(ctx, i) {
        read.attrs.currency = Some(code.into());
        read.kind = FactKind::Money;
        read.first = read.first.min(i - 1);
    }
    if let Some((_, word, _)) = glued {
        read.attrs.scale = Some(word.into());
    }
    if let Some((scale_word, scale)) = scale_after(ctx, read.last, read.money()) {
        read.value *= scale;
        read.attrs.scale = Some(scale_word.into());
        read.last += 1;
    }
    read
}

/// The number token `i` is, and the scale written against it if any: digits and percentages
/// ("12 000", "40%"); "5bn" only after a currency sign, where it cannot be a word; a number word
/// only before a unit it counts ("three countries": "one of them" is no quantity).
fn number_at(ctx: &Context, i: usize) -> Option<(f64, Option<GluedScale>, usize)> {
    let kind = ctx.kind(i);
    let glued = if kind == TokenKind::Word { glued_scale(ctx.text_of(i), ctx.article.lang) } else { None };
    let after_sign = || i > 0 && currency(ctx.word(i - 1)).is_some_and(|(c, _)| !c.chars().all(char::is_alphabetic));
    let (number, last) = match kind {
        TokenKind::Percent | TokenKind::Number if part_of_ratio_or_time(ctx, i) => (None, i),
        TokenKind::Percent | TokenKind::Number => (number_value(ctx.text_of(i), ctx.article.lang), i),
        TokenKind::Word if glued.is_some() && after_sign() => (glued.map(|(n, _, scale)| n * scale), i),
        TokenKind::Word => {
            // "three countries", "trois cent quarante habitants": one word counts only a unit
            // news count in, or a scale ("one of them", "un homme" are no quantities); several
            // words do.
            // "un", "une" are articles far more often than counts.
            let (value, last) = number_words(ctx, i).filter(|&(_, last)| last > i || !matches!(ctx.word(i), "un" | "une"))?;
            // "deux millions de personnes": a scale after it counts too.
            let scale = |k: usize| SCALES.get(ctx.word(k)).is_some_and(|&(_, form)| form == ScaleForm::Word);
            let counts = last > i || ctx.kind(i + 1) == TokenKind::Word && (COUNT_UNITS.contains_key(ctx.word(i + 1)) || scale(i + 1));
            (counts.then_some(value), last)
        }
        _ => (None, i),
    };
    Some((number?, glued, last))
}

/// "5/4", "14:39", "3-1" written against their digits: odds, times, scores and ratios, no count.
fn part_of_ratio_or_time(ctx: &Context, i: usize) -> bool {
    let glued = |a: usize, b: usize| b < ctx.len() && ctx.end(a) == ctx.start(b);
    let joiner = |k: usize| matches!(ctx.text_of(k), "/" | ":" | "-");
    let after = glued(i, i + 1) && joiner(i + 1) && glued(i + 1, i + 2) && ctx.kind(i + 2) == TokenKind::Number;
    let before = i >= 2 && glued(i - 1, i) && joiner(i - 1) && glued(i - 2, i - 1) && ctx.kind(i - 2) == TokenKind::Number;
    after || before
}

/// "Falcon 9", "Mi 11": digits after a capitalised word of their sentence end a name (unless
/// that word is a function word opening the sentence: "En 2020", "Over 300").
fn ends_a_name(ctx: &Context, i: usize, stop: &HashSet<String>) -> bool {
    i > 0
        && ctx.same_sentence(i - 1, i)
        && ctx.capitalised(i - 1)
        && ctx.kind(i) == TokenKind::Number
        && ctx.kind(i - 1) == TokenKind::Word
        && (!ctx.sentence_initial(i - 1) || !stop.contains(ctx.word(i - 1)))
}

/// "$5", "€40m", "USD 300": the ISO code of a currency sign or code written just before the
/// number (three bytes at most: a name, "dollars 5", is no prefix).
fn currency_before(ctx: &Context, i: usize) -> Option<&'static str> {
    let (_, code) = currency(ctx.word(i.wrapping_sub(1))).filter(|(c, _)| i > 0 && c.len() <= 3 && ctx.same_sentence(i - 1, i))?;
    Some(code)
}

/// "1,5 milliard", "3 Md €": the scale word after the number, and its factor. An abbreviated
/// scale is one only with money ("a 5 m wall" is five metres).
fn scale_after(ctx: &Context, last: usize, money: bool) -> Option<(&'static str, f64)> {
    let (&word, &(factor, form)) = SCALES.get_key_value(ctx.word(last + 1))?;
    (form == ScaleForm::Word || money || currency_named_at(ctx, last + 2).is_some()).then_some((word, factor))
}

/// What a number is of, from what follows it.
enum Counted {
    /// Money, by its ISO code or the codes its name may stand for.
    Currency(Money),
    /// A unit or a counted noun, its singular: "%", "km/h", "employee", "soldat".
    Unit(String),
}

/// What the number at `i` (its scale ending at `last`) counts, and the last token that says
/// so: a currency, a percentage, a unit, or the noun after it (for a count, not for money).
fn counted_after(ctx: &Context, i: usize, last: usize, money: bool, stop: &HashSet<String>) -> Option<(Counted, usize)> {
    let several = number_value(ctx.text_of(i), ctx.article.lang).is_none_or(|n| n > 1.0);
    // "3 millions de voitures", "deux millions d'habitants": French counts a scale "de" things.
    let noun = if last > i && matches!(ctx.word(last + 1), "de" | "d'") && SCALES.contains_key(ctx.word(last)) { last + 2 } else { last + 1 };
    currency_after(ctx, last, last > i)
        .or_else(|| percent_after(ctx, i, last))
        // `unit_after` reads the word after the token it is given.
        .or_else(|| unit_after(ctx, noun - 1))
        .or_else(|| counted_noun(ctx, noun, several, stop).filter(|_| !money).map(|(unit, end)| (Counted::Unit(unit), end)))
}

/// "1,5 milliard d'euros", "20 CHF", "5 billion Canadian dollars": a currency after the
/// number (its scale ending at `last`). "livres" and "pounds" are money only after a scale or
/// with "sterling": "5 livres de cuisine" are books, "7 pounds" a weight.
fn currency_after(ctx: &Context, last: usize, scaled: bool) -> Option<(Counted, usize)> {
    let after = if matches!(ctx.word(last + 1), "d'" | "de" | "of") { last + 2 } else { last + 1 };
    let (money, end) = currency_named_at(ctx, after)?;
    let weight_or_books = matches!(ctx.word(after), "livre" | "livres" | "pound" | "pounds") && end == after && !scaled;
    (!weight_or_books).then_some((Counted::Currency(money), end))
}

/// What a currency's name says of it: its code, or the codes it may stand for ("dollars").
#[derive(Debug, PartialEq)]
enum Money {
    Code(&'static str),
    Open(&'static [&'static str]),
}

/// The longest currency name from token `k` (of `currencies.tsv`, else of the CLDR names) and
/// its last token: "dollars canadiens" is CAD, "dollars" alone any of two dozen dollars.
fn currency_named_at(ctx: &Context, k: usize) -> Option<(Money, usize)> {
    // "12 mln dlrs", "Canadian dlrs": wire copy abbreviates the currency word.
    let word = |j: usize| CURRENCY_ABBREVIATIONS.get(ctx.word(j)).copied().unwrap_or_else(|| ctx.word(j));
    if !CURRENCY_FIRST_WORDS.contains(word(k)) {
        return None;
    }
    let mut key = String::new();
    let mut found = None;
    for end in k..(k + MAX_CURRENCY_WORDS).min(ctx.len()) {
        if !ctx.same_sentence(k, end) {
            break;
        }
        if end > k {
            key.push(' ');
        }
        key.push_str(word(end));
        if let Some((_, code)) = currency(&key) {
            found = Some((Money::Code(code), end));
        } else if let Some(codes) = CURRENCY_NAMES.get(key.as_str()) {
            found = Some((if codes.len() == 1 { Money::Code(codes[0]) } else { Money::Open(codes) }, end));
        }
    }
    found
}

/// "40%", "12 percent", "5 per cent", "3 pour cent": a percentage.
fn percent_after(ctx: &Context, i: usize, last: usize) -> Option<(Counted, usize)> {
    let percent = ctx.kind(i) == TokenKind::Percent;
    if !percent && ctx.word(last + 1) != "percent" && !ctx.matches(last + 1, &["per", "cent"]) && !ctx.matches(last + 1, &["pour", "cent"]) {
        return None;
    }
    let end = match ctx.word(last + 1) {
        _ if percent => last,
        "percent" => last + 1,
        _ => last + 2,
    };
    Some((Counted::Unit("%".to_string()), end))
}

/// "12 000 salariés", "40 MW", "125 km/h": a unit or a noun counts are often of, as its
/// singular or symbol; a rate when "/" and a word are written against it.
fn unit_after(ctx: &Context, last: usize) -> Option<(Counted, usize)> {
    let &unit = COUNT_UNITS.get(ctx.word(last + 1))?;
    let last = last + 1;
    let rate = ctx.word(last + 1) == "/" && ctx.kind(last + 2) == TokenKind::Word && ctx.end(last) == ctx.start(last + 1);
    if rate {
        return Some((Counted::Unit(format!("{unit}/{}", ctx.word(last + 2))), last + 2));
    }
    Some((Counted::Unit(unit.to_string()), last))
}

/// "(- 33 %": a minus sign before the number, opening a parenthesis, a clause or a sentence,
/// makes it a change downwards (elsewhere a dash joins two numbers: "10-12").
fn minus_sign(ctx: &Context, i: usize) -> bool {
    i > 0 && matches!(ctx.text_of(i - 1), "-" | "−" | "–") && (i < 2 || matches!(ctx.word(i - 2), "(" | "," | ":" | ";") || ctx.sentence_initial(i - 1))
}

/// "pendant 4 ans", "for three years": a count of years after a preposition of duration, which
/// the span starts at.
fn years_after_preposition(ctx: &Context, i: usize, attrs: &AmountAttrs) -> bool {
    i > 0 && matches!(ctx.word(i - 1), "pendant" | "for" | "during" | "durant") && attrs.unit.as_deref() == Some("year")
}

#[cfg(test)]
mod tests {
    use super::subject::mid_sentence_names;
    use super::*;
    use crate::article::{Article, Given};
    use crate::facts::attrs::Subject;
    use serde_json::Value;
    use std::cell::OnceCell;

    /// The attributes as their JSON object, to read by name.
    fn attrs(fact: &Fact) -> Value {
        serde_json::to_value(&fact.attrs).unwrap()
    }

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
        assert_eq!(attrs(&facts[0])["qualifier"], ">");
        assert_eq!(attrs(&facts[0])["subject"], "Alibaba");
        assert_eq!(attrs(&facts[0])["measure"], "marché chinois dans le cloud computing");
        assert_eq!(attrs(&facts[1])["subject"], json!(["Huawei", "Tencent"]));
        assert_eq!(attrs(&facts[1])["qualifier"], "=");
    }

    #[test]
    fn measures_written_before_the_verb() {
        let measure = |text: &str| quantities(text).first().map(|f| attrs(f)["measure"].clone());
        assert_eq!(measure("Canadian lumber exports rose 7.5% in May."), Some(json!("lumber exports")));
        assert_eq!(measure("The wage gap narrowed sharply by 2.1% last year."), Some(json!("wage gap")));
        assert_eq!(measure("En Bretagne, le chômage a reculé de 0,4 % en un an."), Some(json!("chômage")));
        assert_eq!(measure("In March, pension costs edged up 0.3%."), Some(json!("pension costs")));
        assert_eq!(measure("Revenue dipped 1.4% in May. Its revenue came from ads."), Some(json!("Revenue")));
        assert_eq!(measure("Kestrova rose 3% in May. Kestrova makes drones."), Some(json!(null)));
        assert_eq!(measure("La facture totale s'élève à 12 millions d'euros."), Some(json!("facture totale")));
        assert_eq!(measure("Berlin rose 3% on Monday."), Some(json!(null)));
        assert_eq!(measure("It rose 3% on Monday."), Some(json!(null)));
        let change = |text: &str| quantities(text).iter().map(|f| attrs(f).get("change").cloned()).collect::<Vec<_>>();
        assert_eq!(change("Brent crude rose $2.10 to $61.40 a barrel."), [Some(json!(true)), Some(json!(false))]);
        assert_eq!(change("Quarterly sales hit $4bn."), [Some(json!(false))]);
        assert_eq!(change("The firm holds 30% of the market."), [None]);
    }

    #[test]
    fn a_sign_before_settles_the_currency_a_name_after_leaves_open() {
        let facts = quantities("Tickets cost $300 dollars at the door.");
        assert_eq!(attrs(&facts[0])["currency"], "USD");
        assert_eq!(attrs(&facts[0]).get("currency_candidates"), None);
        let names: Vec<&str> = facts[0].attrs.fields().iter().map(|&(name, _)| name).collect();
        assert!(names.windows(2).all(|w| w[0] != w[1]), "{names:?}");
    }

    #[test]
    fn money_and_counts() {
        let facts = quantities("Il a levé 1,5 milliard d'euros et emploie 12 000 salariés, dit le Mi 11.");
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[0].kind, FactKind::Money);
        assert_eq!(facts[0].value, json!(1.5e9));
        assert_eq!(attrs(&facts[0])["currency"], "EUR");
        assert_eq!(facts[1].value, json!(12000.0));
        assert_eq!(attrs(&facts[1])["unit"], "employee");
        let facts = quantities("It raised $5 billion from about 300 customers.");
        assert_eq!(attrs(&facts[0])["currency"], "USD");
        assert_eq!(facts[0].value, json!(5e9));
        assert_eq!(attrs(&facts[1])["qualifier"], "~");
    }

    #[test]
    fn counted_nouns_rates_and_signs() {
        let text = "Les 1 550 soldats ont vu des vents à 125 km/h ; le titre a perdu (- 33 %) et Obama a 303 grands électeurs. Falcon 9 emporte la capsule ; ceux entre 8 et 10 devront passer.";
        let facts = quantities(text);
        let got: Vec<(&str, String)> = facts.iter().map(|f| (&text[f.start..f.end], attrs(f)["unit"].as_str().unwrap_or("").to_string())).collect();
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
        let owned: Vec<(&str, f64, String)> = facts
            .iter()
            .map(|f| {
                let fields = attrs(f);
                let tag = fields.get("currency").or(fields.get("unit")).and_then(Value::as_str).unwrap_or("").to_string();
                (&text[f.start..f.end], f.value.as_f64().unwrap(), tag)
            })
            .collect();
        let got: Vec<(&str, f64, &str)> = owned.iter().map(|(t, v, tag)| (*t, *v, tag.as_str())).collect();
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

    /// Runs `look` on the context of `text`.
    fn with_context<T>(text: &str, look: impl Fn(&Context) -> T) -> T {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        look(&Context::new(&article))
    }

    /// The index of the first token written `word` in `ctx`.
    fn token(ctx: &Context, word: &str) -> usize {
        (0..ctx.len()).find(|&i| ctx.text_of(i) == word).unwrap()
    }

    #[test]
    fn capitalised_words_inside_sentences() {
        let names = with_context("Shares of Nordwind rose. Analysts expect more.", |ctx| {
            let mut names: Vec<String> = mid_sentence_names(ctx).into_iter().map(str::to_string).collect();
            names.sort();
            names
        });
        assert_eq!(names, ["Nordwind"]);
    }

    #[test]
    fn a_quantity_at_its_number() {
        let text = "Sales rose by about 12% to $4.5 billion last year.";
        let got = with_context(text, |ctx| {
            let stop = stopwords::stop_words(Lang::Und);
            let at =
                |word| quantity_at(ctx, token(ctx, word), &[], stop, &Names::new(ctx, &[])).map(|(f, _)| (text[f.start..f.end].to_string(), f.kind, f.value));
            (at("12%"), at("4.5"), at("Sales"))
        });
        assert_eq!(got.0, Some(("about 12%".to_string(), FactKind::Quantity, json!(12.0))));
        assert_eq!(got.1, Some(("$4.5 billion".to_string(), FactKind::Money, json!(4.5e9))));
        assert_eq!(got.2, None);
    }

    #[test]
    fn numbers_in_digits_glued_scales_and_number_words() {
        let got = with_context("Le groupe compte trois usines, vaut $2bn et vise 2bn clients, dit un porte-parole.", |ctx| {
            let value = |word| number_at(ctx, token(ctx, word)).map(|(n, glued, _)| (n, glued.map(|(_, scale, _)| scale)));
            (
                value("trois"),
                value("2bn"),
                (0..ctx.len()).filter(|&i| ctx.text_of(i) == "2bn").map(|i| number_at(ctx, i).is_some()).collect::<Vec<_>>(),
                value("un"),
            )
        });
        assert_eq!(got.0, None, "no unit of COUNT_UNITS after trois");
        assert_eq!(got.1, Some((2e9, Some("bn"))));
        assert_eq!(got.2, [true, false], "2bn is a number only after a currency sign");
        assert_eq!(got.3, None);
        let got = with_context("Ils ont visité trois pays.", |ctx| number_at(ctx, token(ctx, "trois")).map(|(n, _, _)| n));
        assert_eq!(got, Some(3.0));
    }

    #[test]
    fn digits_that_end_a_name() {
        let got = with_context("The Boeing 737 flew 300 passengers. In 2019 it flew more.", |ctx| {
            let stop = stopwords::stop_words(Lang::Und);
            (ends_a_name(ctx, token(ctx, "737"), stop), ends_a_name(ctx, token(ctx, "300"), stop), ends_a_name(ctx, token(ctx, "2019"), stop))
        });
        assert_eq!(got, (true, false, false));
    }

    #[test]
    fn currency_signs_before_the_number() {
        let got = with_context("It paid €40 and USD 300, not dollars 5.", |ctx| {
            (currency_before(ctx, token(ctx, "40")), currency_before(ctx, token(ctx, "300")), currency_before(ctx, token(ctx, "5")))
        });
        assert_eq!(got, (Some("EUR"), Some("USD"), None));
    }

    #[test]
    fn scales_after_the_number() {
        let got = with_context("Il a levé 3 milliards, puis 2 Md € ; un mur de 5 m.", |ctx| {
            (
                scale_after(ctx, token(ctx, "3"), false),
                scale_after(ctx, token(ctx, "2"), false),
                scale_after(ctx, token(ctx, "5"), false),
                scale_after(ctx, token(ctx, "5"), true),
            )
        });
        assert_eq!(got, (Some(("milliards", 1e9)), Some(("md", 1e9)), None, Some(("m", 1e6))));
    }

    /// What `counted` says, as (attribute, value, last word) for comparison.
    fn described(ctx: &Context, counted: Option<(Counted, usize)>) -> Option<(&'static str, String, String)> {
        counted.map(|(c, last)| match c {
            Counted::Currency(Money::Code(code)) => ("currency", code.to_string(), ctx.text_of(last).to_string()),
            Counted::Currency(Money::Open(codes)) => ("currency", codes.join(" "), ctx.text_of(last).to_string()),
            Counted::Unit(unit) => ("unit", unit, ctx.text_of(last).to_string()),
        })
    }

    fn unit(attribute: &'static str, value: &str, last: &str) -> Option<(&'static str, String, String)> {
        Some((attribute, value.to_string(), last.to_string()))
    }

    #[test]
    fn what_a_number_counts() {
        let text = "Ils ont levé 20 millions d'euros, recruté 150 ingénieurs et 12 nouveaux pilotes ; 45 ont démissionné.";
        let got = with_context(text, |ctx| {
            let stop = stopwords::stop_words(Lang::Und);
            let at = |word, money| {
                let i = token(ctx, word);
                let last = if word == "20" { i + 1 } else { i };
                described(ctx, counted_after(ctx, i, last, money, stop))
            };
            (at("20", false), at("150", false), at("150", true), at("12", false), at("45", false))
        });
        assert_eq!(got.0, unit("currency", "EUR", "euros"));
        assert_eq!(got.1, unit("unit", "ingénieur", "ingénieurs"));
        assert_eq!(got.2, None, "money counts no noun");
        assert_eq!(got.3, unit("unit", "pilote", "pilotes"));
        assert_eq!(got.4, None);
    }

    #[test]
    fn currencies_after_the_number() {
        let got = with_context("Il a coûté 300 000 FCFA et 5 millions de dollars canadiens, pour 40 personnes.", |ctx| {
            let at = |word, offset| described(ctx, currency_after(ctx, token(ctx, word) + offset, true));
            (at("300 000", 0), at("millions", 0), at("40", 0))
        });
        assert_eq!(got, (unit("currency", "XOF", "FCFA"), unit("currency", "CAD", "canadiens"), None));
    }

    #[test]
    fn several_things_are_counted_in_the_plural() {
        let unit = |text: &str| match quantities(text).into_iter().next().map(|f| f.attrs) {
            Some(Attrs::Amount(a)) => a.unit,
            _ => None,
        };
        assert_eq!(unit("The school has 640 junior pupils."), Some("pupil".into()));
        assert_eq!(unit("About 90,000 live near the dam."), None);
        assert_eq!(unit("Il reste 12 wagons."), Some("wagon".into()));
    }

    #[test]
    fn french_counts_a_scale_de_things() {
        let count = |text: &str| match quantities(text).into_iter().next() {
            Some(Fact { value, attrs: Attrs::Amount(a), .. }) => Some((value.as_f64().unwrap_or(f64::NAN), a.unit.unwrap_or_default())),
            _ => None,
        };
        assert_eq!(count("La ville compte 3 millions d'habitants."), Some((3e6, "habitant".into())));
        assert_eq!(count("Le pays a perdu deux millions de personnes en dix ans."), Some((2e6, "person".into())));
        assert_eq!(count("Le réseau comptait 1,5 milliard de connexions."), Some((1.5e9, "connexion".into())));
        // "de" before a determiner is no count of a noun.
        assert_eq!(count("Il a reçu 3 millions de ses électeurs."), None);
    }

    #[test]
    fn odds_times_and_scores_count_nothing() {
        assert!(quantities("The colt started at 5/4 favourite and won in 1:39.29 minutes.").is_empty());
        assert!(quantities("Lyon won 3-1 goals to nil.").is_empty());
        // "per" alone is no percentage.
        let per = quantities("Gas sold at £1.18 per gigajoule.");
        assert!(per.iter().all(|f| !matches!(&f.attrs, Attrs::Amount(a) if a.unit.as_deref() == Some("%"))));
        // A French article is no count.
        assert!(quantities("Le capitaine et une adjudante sont arrivés.").is_empty());
    }

    #[test]
    fn a_qualifier_before_a_currency_sign() {
        let qualifier = |text: &str| match quantities(text).into_iter().next().map(|f| f.attrs) {
            Some(Attrs::Amount(a)) => a.qualifier,
            _ => "",
        };
        assert_eq!(qualifier("Fares rise by up to £40 in June."), "<");
        assert_eq!(qualifier("Shares closed above $12 on Monday."), ">");
        assert_eq!(qualifier("Le contrat dépasse plus d'un milliard d'euros."), ">");
        assert_eq!(qualifier("Les loyers sont inférieurs à 500 €."), "<");
        assert_eq!(qualifier("Un loyer inférieur ou égal à 800 € ouvre droit à l'aide."), "<");
    }

    #[test]
    fn subjects_skip_sources_currencies_and_keep_whole_names() {
        let subject = |text: &str| match quantities(text).into_iter().next().map(|f| f.attrs) {
            Some(Attrs::Amount(a)) => a.subject,
            _ => Subject::Unknown,
        };
        let one = |name: &str| Subject::One(name.to_string());
        assert_eq!(subject("According to Bloomberg, Tesla will cut 4,000 jobs."), one("Tesla"));
        assert_eq!(subject("Selon la CFDT, Airbus va créer 900 emplois."), one("Airbus"));
        assert_eq!(subject("Rents in New Orleans rose 7% this year."), one("New Orleans"));
        assert_eq!(subject("The award is worth 2m Euros (£1.7m) this year."), Subject::Unknown);
        assert_eq!(subject("EDF va fermer 12 centrales."), one("EDF"));
        assert_eq!(subject("Tickets for the Festival of the Sea cost €20."), one("Festival of the Sea"));
        assert_eq!(subject("The Interior Ministry said arrests rose 12% in March."), Subject::Unknown);
    }

    /// The subject of the first number in `text`, with the entity stage run before.
    fn subject_with_entities(text: &str) -> Subject {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let facts = super::super::extract_kinds(&article, Some(&[FactKind::Quantity, FactKind::Money]));
        match facts.into_iter().next().map(|f| f.attrs) {
            Some(Attrs::Amount(a)) => a.subject,
            _ => Subject::Unknown,
        }
    }

    #[test]
    fn a_place_where_something_is_counted_yields_to_who_it_is_about() {
        let one = |name: &str| Subject::One(name.to_string());
        // A place after "in" before the number is where; the company before it is who.
        assert_eq!(subject_with_entities("Renault shares in Paris fell 3.1% on Tuesday."), one("Renault"));
        // A place after the number is where it is counted.
        assert_eq!(subject_with_entities("Water use is 140 litres in Germany and 90 litres in Spain."), one("Germany"));
        assert_eq!(subject_with_entities("Il a fait 31 degrés à Marseille."), one("Marseille"));
        // The company a count belongs to comes first.
        assert_eq!(subject_with_entities("Unions fear 800 jobs at Siemens will go."), one("Siemens"));
        assert_eq!(subject_with_entities("Selon FO, 500 postes menacés chez le constructeur Renault."), one("Renault"));
        // Nearer than a place used as an adjective ("German carmaker Volkswagen").
        assert_eq!(subject_with_entities("German carmaker Volkswagen sold 9 million cars."), one("Volkswagen"));
        assert_eq!(subject_with_entities("Shares in Microsoft rose 3% on Monday."), one("Microsoft"));
        assert_eq!(subject_with_entities("Microsoft said it would hire 900 engineers."), one("Microsoft"));
        assert_eq!(subject_with_entities("Spain's Repsol will spend $2bn on wind farms."), one("Repsol"));
        // A place named for itself stays the subject.
        assert_eq!(subject_with_entities("Analysts expect Brazil's economy to grow 2.1% next year."), one("Brazil"));
    }

    #[test]
    fn speakers_measures_and_adjectives_are_no_subjects() {
        // Who says a number is its source, with an auxiliary or after an apposition too.
        assert_eq!(subject_with_entities("The nurses' union leader Mary Stone has said that 400 nurses quit."), Subject::Unknown);
        assert_eq!(subject_with_entities("The ombudsman, Peter Lang, says only 12 complaints were upheld."), Subject::Unknown);
        assert_eq!(subject_with_entities("Selon l'association des maires, AMF, 300 écoles vont fermer."), Subject::Unknown);
        assert_eq!(subject_with_entities("Sarah Lee said 40% of the staff would leave."), Subject::Unknown);
        // Who announces or commits to the number itself is its subject.
        assert_eq!(subject_with_entities("Last week Toyota announced $800m for a plant in Ohio."), Subject::One("Toyota".into()));
        assert_eq!(subject_with_entities("On Monday Unilever has agreed to sell 40% of its tea business."), Subject::One("Unilever".into()));
        // An organisation that speaks of itself gives its own figure; a person who does, not.
        assert_eq!(subject_with_entities("The carmaker Renault said it would cut 4,000 jobs."), Subject::One("Renault".into()));
        assert_eq!(subject_with_entities("The carmaker Renault said 4,000 jobs would go."), Subject::Unknown);
        assert_eq!(subject_with_entities("Sarah Lee said her firm would cut 40 jobs."), Subject::Unknown);
        // A measure written as an acronym is what is measured, not who.
        assert_eq!(subject_with_entities("The country's GDP grew 1.9% last year."), Subject::Unknown);
        assert_eq!(subject_with_entities("La TVA passera à 20 % en janvier."), Subject::Unknown);
        assert_eq!(subject_with_entities("The Ohio-based chain will close 40 stores."), Subject::Unknown);
    }

    #[test]
    fn a_level_after_a_copula() {
        let read = |text: &str| quantities(text).into_iter().next().map(|f| (attrs(&f)["measure"].as_str().map(str::to_string), attrs(&f)["change"].as_bool()));
        assert_eq!(read("The average price is £240 a tonne."), Some((Some("average price".into()), Some(false))));
        assert_eq!(read("Le taux est de 3,5 %."), Some((Some("taux".into()), Some(false))));
        assert_eq!(read("Its turnover was up 4% on the year."), Some((Some("turnover".into()), Some(true))));
        // Not the noun of a phrase after a preposition.
        assert_eq!(read("Sales for the quarter were $40m."), Some((None, None)));
        assert_eq!(read("Le niveau de vie est de 1,2 %."), Some((None, None)));
    }

    #[test]
    fn the_ends_of_a_range_are_bounds() {
        let qualifiers = |text: &str| quantities(text).iter().map(|f| attrs(f)["qualifier"].as_str().unwrap().to_string()).collect::<Vec<_>>();
        assert_eq!(qualifiers("Analysts expect growth of between 2% and 2.5% this year."), [">", "<"]);
        assert_eq!(qualifiers("Tickets will cost £30 to £45."), [">", "<"]);
        assert_eq!(qualifiers("De 200 à 300 emplois sont menacés."), ["<"]);
        // A move from one level to another is no range.
        assert_eq!(qualifiers("Its revenue rose from $60m to $75m."), ["=", "="]);
        assert_eq!(qualifiers("Le prix est passé de 2 € à 3 €."), ["=", "="]);
        assert_eq!(qualifiers("The fee was raised from £2 to £3."), ["=", "="]);
        assert_eq!(qualifiers("La part doit baisser de 75 % à 50 %."), ["=", "="]);
        assert_eq!(qualifiers("The firm cut 90 jobs - 17% of its staff."), ["=", "="]);
        assert_eq!(qualifiers("Les importations ont pesé 1,7 % à 201 000 tonnes."), ["=", "="]);
    }

    #[test]
    fn the_noun_a_number_is_of_is_its_measure() {
        let measure = |text: &str| {
            quantities(text).into_iter().next().and_then(|f| match f.attrs {
                Attrs::Amount(a) => a.measure,
                _ => None,
            })
        };
        assert_eq!(measure("The chain made a pre-tax profit of £90m last year.").as_deref(), Some("pre-tax profit"));
        assert_eq!(measure("La ville prévoit un chiffre d'affaires de 2 millions d'euros.").as_deref(), Some("chiffre d'affaires"));
        assert_eq!(measure("The bridge was rebuilt at a cost of £12m.").as_deref(), Some("cost"));
        assert_eq!(measure("Prices saw a rise of 4% in May."), None);
        assert_eq!(measure("A total of 300 flights were cancelled."), None);
        assert_eq!(measure("A survey of 2,000 voters found little change."), None);
        let last_measure = |text: &str| {
            quantities(text).into_iter().last().and_then(|f| match f.attrs {
                Attrs::Amount(a) => a.measure,
                _ => None,
            })
        };
        assert_eq!(last_measure("Il prévoit une hausse de 0,3 % au lieu de 0,7 %."), None);
        assert_eq!(last_measure("Le groupe annonce une marge brute de 31 euros.").as_deref(), Some("marge brute"));
        assert_eq!(measure("Students hope to avoid tuition fees of £9,000.").as_deref(), Some("tuition fees"));
        assert_eq!(measure("The airline reported a pre-tax loss of $40m.").as_deref(), Some("pre-tax loss"));
    }

    #[test]
    fn a_name_several_currencies_share_leaves_the_currency_open() {
        let money = |text: &str| {
            quantities(text).into_iter().find(|f| f.kind == FactKind::Money).map(|f| match f.attrs {
                Attrs::Amount(a) => (a.currency, a.currency_candidates.len() > 5 && a.currency_candidates.contains(&"CHF".to_string())),
                _ => (None, false),
            })
        };
        assert_eq!(money("La commune a reçu 40 millions de francs."), Some((None, true)));
        assert_eq!(money("La banque a prêté 40 millions de francs suisses."), Some((Some("CHF".into()), false)));
        // "livres" and "pounds" without a scale are books or a weight.
        assert_eq!(money("Elle a publié 5 livres de cuisine."), None);
        assert_eq!(money("The baby weighed 7 pounds."), None);
        assert_eq!(money("The club paid 40 million pounds sterling."), Some((Some("GBP".into()), false)));
    }

    #[test]
    fn wire_copy_abbreviates_scales_and_currencies() {
        let money = |text: &str| {
            quantities(text).into_iter().find(|f| f.kind == FactKind::Money).map(|f| match f.attrs {
                Attrs::Amount(a) => (f.value.as_f64().unwrap_or(f64::NAN), a.currency, a.currency_candidates.contains(&"USD".to_string())),
                _ => (f64::NAN, None, false),
            })
        };
        assert_eq!(money("The firm earned 12.5 mln dlrs in the quarter."), Some((12.5e6, None, true)));
        assert_eq!(money("It sold the mill for 50 mln Canadian dlrs."), Some((50e6, Some("CAD".into()), false)));
        assert_eq!(money("Sales reached 1.2 bln dlrs."), Some((1.2e9, None, true)));
        assert_eq!(money("Pre-tax profit rose to 500,000 stg."), Some((500e3, Some("GBP".into()), false)));
    }

    #[test]
    fn percentages() {
        let got = with_context("Les prix ont bondi de 12 pour cent, les ventes de 8%, the rate of 3 percent and 40 people.", |ctx| {
            let at = |word| {
                let i = token(ctx, word);
                described(ctx, percent_after(ctx, i, i))
            };
            (at("12"), at("8%"), at("3"), at("40"))
        });
        assert_eq!(got, (unit("unit", "%", "cent"), unit("unit", "%", "8%"), unit("unit", "%", "percent"), None));
    }

    #[test]
    fn units_and_rates() {
        let got = with_context("Le site emploie 1200 salariés ; les vents soufflent à 90 km/h sur 40 hectares de vignes.", |ctx| {
            let at = |word| described(ctx, unit_after(ctx, token(ctx, word)));
            (at("1200"), at("90"), at("40"), at("vents"))
        });
        assert_eq!(got, (unit("unit", "employee", "salariés"), unit("unit", "km/h", "h"), unit("unit", "ha", "hectares"), None));
    }

    #[test]
    fn minus_signs_of_a_change() {
        let got = with_context("Le titre a perdu (- 12 %) ; les 10-15 ans.", |ctx| (minus_sign(ctx, token(ctx, "12 %")), minus_sign(ctx, token(ctx, "15"))));
        assert_eq!(got, (true, false));
    }

    #[test]
    fn counts_of_years_after_a_preposition() {
        let year = AmountAttrs { unit: Some("year".into()), ..AmountAttrs::default() };
        let got = with_context("Il a dirigé le club pendant 4 ans, puis 3 ans à Nantes.", |ctx| {
            (
                years_after_preposition(ctx, token(ctx, "4"), &year),
                years_after_preposition(ctx, token(ctx, "3"), &year),
                years_after_preposition(ctx, token(ctx, "4"), &AmountAttrs::default()),
            )
        });
        assert_eq!(got, (true, false, false));
    }

    #[test]
    fn money_signs_and_scales_around_the_number() {
        let text = "La ville a reçu €40m, puis 2 milliards et 3 ballons.";
        let got = with_context(text, |ctx| {
            let read = |word| {
                let i = token(ctx, word);
                let (value, glued, _) = number_at(ctx, i).unwrap();
                let r = money_and_scale(ctx, i, Reading { first: i, last: i, value, kind: FactKind::Quantity, attrs: AmountAttrs::default() }, glued);
                (
                    text[ctx.start(r.first)..ctx.end(r.last)].to_string(),
                    r.value,
                    r.money(),
                    [("currency", &r.attrs.currency), ("scale", &r.attrs.scale), ("unit", &r.attrs.unit)]
                        .iter()
                        .filter(|(_, v)| v.is_some())
                        .map(|(k, _)| *k)
                        .collect::<Vec<_>>(),
                )
            };
            (read("40m"), read("2"), read("3"))
        });
        assert_eq!(got.0, ("€40m".to_string(), 4e7, true, vec!["currency", "scale"]));
        assert_eq!(got.1, ("2 milliards".to_string(), 2e9, false, vec!["scale"]));
        assert_eq!(got.2, ("3".to_string(), 3.0, false, vec![]));
    }

    #[test]
    fn a_reading_becomes_a_fact() {
        let text = "Nordwind a vendu 40 turbines.";
        let fact = with_context(text, |ctx| {
            let read = Reading {
                first: 3,
                last: 4,
                value: 40.0,
                kind: FactKind::Quantity,
                attrs: AmountAttrs { unit: Some("turbine".into()), ..AmountAttrs::default() },
            };
            // A name opening the sentence is the subject when the article also writes it inside one.
            read.into_fact(ctx, "=", &Names { mid_sentence: OnceCell::from(["Nordwind"].into_iter().collect::<HashSet<_>>()), entities: Vec::new() })
        });
        assert_eq!((&text[fact.start..fact.end], fact.value.clone(), fact.rule), ("40 turbines", json!(40.0), "quantity.number_unit"));
        assert_eq!((&attrs(&fact)["qualifier"], &attrs(&fact)["subject"], &attrs(&fact)["unit"]), (&json!("="), &json!("Nordwind"), &json!("turbine")));
    }
}
