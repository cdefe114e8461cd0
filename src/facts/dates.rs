//! Dates (points, ranges, quarters, weekdays, relative expressions) and durations, with TIMEX3
//! values resolved against the document date. Without one, the reference is the latest
//! day-precise date the article itself gives (news report events near their publication);
//! failing that, unknown parts stay unknown ("--11"), never invented.

use super::{Context, Fact, FactKind};
use crate::lexicons::{MONTHS, NUMBER_WORDS};
use crate::tokenize::TokenKind;
use serde_json::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateValue {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl DateValue {
    fn timex(&self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, _) => "XXXX".to_string(),
        }
    }
}

/// The date relative expressions are resolved against.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ReferenceDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl ReferenceDate {
    pub fn parse(iso: &str) -> ReferenceDate {
        let mut parts = iso.split('-').map(|p| p.parse::<i64>().ok());
        let year = parts.next().flatten().map(|y| y as i32);
        let month = parts.next().flatten().map(|m| m as u32);
        let day = parts.next().flatten().map(|d| d as u32);
        ReferenceDate { year, month, day }
    }
}

/// What a matched expression means before the reference date is known.
#[derive(Clone, Debug)]
enum Meaning {
    Point(DateValue),
    Range(DateValue, DateValue),
    Quarter(Option<i32>, u32),
    /// A month without a year: the latest such month not after the reference.
    BareMonth(u32),
    /// A day of the week: the latest such day not after the reference (news report the past;
    /// "will … on Friday" pointing forward was tried and lost more than it won on TempEval).
    Weekday(u32),
    /// Years from the reference year (0: this year, -1: last year).
    YearOffset(i32),
    MonthOffset(i32),
    DayOffset(i64),
    Decade(i32),
    /// A month and day without a year: the year that puts it nearest the reference.
    MonthDay(u32, u32),
    /// A month "this" year: "this September".
    MonthThisYear(u32),
    /// An ISO week from the reference's (0: this week, -1: last week).
    WeekOffset(i64),
    /// The quarter before the reference's: what "the quarter" of an earnings report is.
    PreviousQuarter,
    /// The latest weekend not after the reference.
    Weekend,
    /// Part of the reference day: "this morning" (MO), "tonight" (NI).
    DayPart(&'static str),
    /// A season of the reference year plus an offset: "last fall" → 1997-FA.
    Season(&'static str, i32),
    Fixed(&'static str),
    Duration(String),
}

struct Match {
    first: usize,
    last: usize,
    meaning: Meaning,
    rule: &'static str,
}

const WEEKDAYS: [(&str, u32); 14] = [
    ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7),
    ("lundi", 1), ("mardi", 2), ("mercredi", 3), ("jeudi", 4), ("vendredi", 5), ("samedi", 6), ("dimanche", 7),
];

const RELATIVE: [(&[&str], fn() -> Meaning); 56] = [
    (&["a", "year", "ago"], || Meaning::YearOffset(-1)),
    (&["a", "year", "earlier"], || Meaning::YearOffset(-1)),
    (&["the", "year", "before"], || Meaning::YearOffset(-1)),
    (&["a", "decade", "ago"], || Meaning::YearOffset(-10)),
    (&["il", "y", "a", "un", "an"], || Meaning::YearOffset(-1)),
    (&["last", "week"], || Meaning::WeekOffset(-1)),
    (&["this", "week"], || Meaning::WeekOffset(0)),
    (&["next", "week"], || Meaning::WeekOffset(1)),
    (&["la", "semaine", "dernière"], || Meaning::WeekOffset(-1)),
    (&["cette", "semaine"], || Meaning::WeekOffset(0)),
    (&["la", "semaine", "prochaine"], || Meaning::WeekOffset(1)),
    (&["current", "fiscal", "year"], || Meaning::YearOffset(0)),
    (&["current", "year"], || Meaning::YearOffset(0)),
    (&["current"], || Meaning::Fixed("PRESENT_REF")),
    (&["recent"], || Meaning::Fixed("PAST_REF")),
    (&["the", "past"], || Meaning::Fixed("PAST_REF")),
    (&["the", "future"], || Meaning::Fixed("FUTURE_REF")),
    (&["year-earlier"], || Meaning::YearOffset(-1)),
    (&["year-ago"], || Meaning::YearOffset(-1)),
    (&["the", "quarter"], || Meaning::PreviousQuarter),
    (&["the", "latest", "quarter"], || Meaning::PreviousQuarter),
    (&["the", "weekend"], || Meaning::Weekend),
    (&["this", "morning"], || Meaning::DayPart("MO")),
    (&["this", "afternoon"], || Meaning::DayPart("AF")),
    (&["this", "evening"], || Meaning::DayPart("EV")),
    (&["tonight"], || Meaning::DayPart("NI")),
    (&["ce", "matin"], || Meaning::DayPart("MO")),
    (&["ce", "soir"], || Meaning::DayPart("EV")),
    (&["today"], || Meaning::DayOffset(0)),
    (&["yesterday"], || Meaning::DayOffset(-1)),
    (&["tomorrow"], || Meaning::DayOffset(1)),
    (&["aujourd'hui"], || Meaning::DayOffset(0)),
    (&["hier"], || Meaning::DayOffset(-1)),
    (&["demain"], || Meaning::DayOffset(1)),
    (&["this", "year"], || Meaning::YearOffset(0)),
    (&["last", "year"], || Meaning::YearOffset(-1)),
    (&["next", "year"], || Meaning::YearOffset(1)),
    (&["this", "month"], || Meaning::MonthOffset(0)),
    (&["last", "month"], || Meaning::MonthOffset(-1)),
    (&["next", "month"], || Meaning::MonthOffset(1)),
    (&["cette", "année"], || Meaning::YearOffset(0)),
    (&["l'an", "dernier"], || Meaning::YearOffset(-1)),
    (&["l'", "an", "dernier"], || Meaning::YearOffset(-1)),
    (&["l'", "année", "dernière"], || Meaning::YearOffset(-1)),
    (&["l'", "an", "passé"], || Meaning::YearOffset(-1)),
    (&["l'", "année", "passée"], || Meaning::YearOffset(-1)),
    (&["l'", "an", "prochain"], || Meaning::YearOffset(1)),
    (&["l'", "année", "prochaine"], || Meaning::YearOffset(1)),
    (&["ce", "mois-ci"], || Meaning::MonthOffset(0)),
    (&["le", "mois", "dernier"], || Meaning::MonthOffset(-1)),
    (&["le", "mois", "prochain"], || Meaning::MonthOffset(1)),
    (&["now"], || Meaning::Fixed("PRESENT_REF")),
    (&["currently"], || Meaning::Fixed("PRESENT_REF")),
    (&["actuellement"], || Meaning::Fixed("PRESENT_REF")),
    (&["recently"], || Meaning::Fixed("PAST_REF")),
    (&["récemment"], || Meaning::Fixed("PAST_REF")),
];

const DURATION_UNITS: [(&str, &str, u32); 22] = [
    ("year", "Y", 1), ("years", "Y", 1), ("month", "M", 1), ("months", "M", 1), ("week", "W", 1), ("weeks", "W", 1),
    ("day", "D", 1), ("days", "D", 1), ("decade", "Y", 10), ("decades", "Y", 10), ("hour", "H", 1), ("hours", "H", 1),
    ("an", "Y", 1), ("ans", "Y", 1), ("année", "Y", 1), ("années", "Y", 1), ("mois", "M", 1), ("semaine", "W", 1),
    ("semaines", "W", 1), ("jour", "D", 1), ("jours", "D", 1), ("heures", "H", 1),
];

/// Month number of token `i`: full names in any case in French, capitalised in English ("may"
/// and "march" are verbs); short forms only when written with their period ("Sept.").
fn month_at(ctx: &Context, i: usize) -> Option<u32> {
    if i >= ctx.len() {
        return None;
    }
    let word = ctx.word(i).trim_end_matches('.');
    let month = *MONTHS.get(word)? as u32;
    let kind = ctx.kind(i);
    let full = word.len() > 4 || matches!(word, "mars" | "mai" | "juin" | "août" | "june" | "july" | "may");
    if !full && kind != TokenKind::Abbreviation && !ctx.integer(i + 1).is_some_and(|d| (1..=31).contains(&d)) {
        return None;
    }
    let english = word.is_ascii() && ["may", "march", "june", "july", "august", "april", "january", "february", "september", "october", "november", "december"].contains(&word);
    if english && !ctx.capitalised(i) && !matches!(word, "juin") {
        return None;
    }
    if word == "may" && (ctx.sentence_initial(i) || !has_date_neighbour(ctx, i)) {
        return None;
    }
    Some(month)
}

fn has_date_neighbour(ctx: &Context, i: usize) -> bool {
    let before = if i > 0 { ctx.word(i - 1) } else { "" };
    ctx.integer(i + 1).is_some() || (i > 0 && ctx.integer(i - 1).is_some())
        || matches!(before, "in" | "since" | "until" | "by" | "early" | "late" | "mid" | "last" | "next" | "this" | "of" | "from" | "through")
}

fn day_at(ctx: &Context, i: usize) -> Option<u32> {
    if i >= ctx.len() {
        return None;
    }
    match ctx.word(i) {
        "1er" | "1st" => Some(1),
        w => {
            let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
            let suffix = &w[digits.len()..];
            if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "e") || digits.is_empty() || digits.len() > 2 {
                return None;
            }
            digits.parse().ok().filter(|d| (1..=31).contains(d))
        }
    }
}

fn year_at(ctx: &Context, i: usize) -> Option<i32> {
    let year = ctx.integer(i)?;
    (ctx.text_of(i).len() == 4 && (1800..=2100).contains(&year)).then_some(year as i32)
}

/// A year elsewhere in the sentence of token `i` (the year of "du 5 au 7 septembre" in a
/// sentence about "Huawei Connect 2017").
fn sentence_year(ctx: &Context, i: usize) -> Option<i32> {
    // Bounded walk: a sentence without punctuation may be a whole (huge) document.
    let before = (i.saturating_sub(SENTENCE_WINDOW)..i).rev().take_while(|&k| ctx.same_sentence(k, i));
    let after = (i..(i + SENTENCE_WINDOW).min(ctx.len())).take_while(|&k| ctx.same_sentence(k, i));
    before.chain(after).find_map(|k| year_at(ctx, k))
}

const ORDINALS: [(&str, u32); 8] = [
    ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("premier", 1), ("deuxième", 2), ("troisième", 3), ("quatrième", 4),
];

/// "the third quarter [of 1989]", "third-quarter", "le deuxième trimestre 2020".
fn ordinal_quarter(ctx: &Context, i: usize) -> Option<Match> {
    let word = ctx.word(i);
    let (ordinal, last) = if let Some((first, rest)) = word.split_once('-') {
        (first, if rest == "quarter" { i } else { return None })
    } else if matches!(ctx.word(i + 1), "quarter" | "trimestre") && ctx.same_sentence(i, i + 1) {
        (word, i + 1)
    } else {
        return None;
    };
    let q = ORDINALS.iter().find(|(name, _)| *name == ordinal)?.1;
    let of = usize::from(matches!(ctx.word(last + 1), "of" | "de"));
    let (year, last) = match year_at(ctx, last + 1 + of) {
        Some(y) => (Some(y), last + 1 + of),
        None => (None, last),
    };
    Some(Match { first: i, last, meaning: Meaning::Quarter(year, q), rule: "date.ordinal_quarter" })
}

const SEASONS: [(&str, &str); 9] = [
    ("spring", "SP"), ("summer", "SU"), ("fall", "FA"), ("autumn", "FA"), ("winter", "WI"),
    ("printemps", "SP"), ("été", "SU"), ("automne", "FA"), ("hiver", "WI"),
];

/// "this summer", "last fall", "cet été", "l'hiver dernier": a season with its year. A bare
/// "été" is a past participle, so French seasons need their determiner.
fn season(ctx: &Context, i: usize) -> Option<Match> {
    let (offset, noun, last) = match ctx.word(i) {
        "this" | "cet" | "ce" => (0, i + 1, i + 1),
        "last" => (-1, i + 1, i + 1),
        "next" => (1, i + 1, i + 1),
        "l'" | "le" => match ctx.word(i + 2) {
            "dernier" => (-1, i + 1, i + 2),
            "prochain" => (1, i + 1, i + 2),
            _ => return None,
        },
        _ => return None,
    };
    let &(_, code) = SEASONS.iter().find(|(name, _)| *name == ctx.word(noun))?;
    if !ctx.same_sentence(i, last) {
        return None;
    }
    Some(Match { first: i, last, meaning: Meaning::Season(code, offset), rule: "date.season" })
}

/// Durations written as one hyphenated word: "two-year", "16-hour", "eight-year".
fn hyphenated_duration(ctx: &Context, i: usize) -> Option<Match> {
    let (count, unit) = ctx.word(i).split_once('-')?;
    let n = count.parse::<u32>().ok().or_else(|| NUMBER_WORDS.get(count).copied())?;
    let &(_, unit, scale) = DURATION_UNITS.iter().find(|(u, _, _)| *u == unit)?;
    let value = if unit == "H" { format!("PT{}H", n * scale) } else { format!("P{}{}", n * scale, unit) };
    Some(Match { first: i, last: i, meaning: Meaning::Duration(value), rule: "duration.hyphenated" })
}

fn unit_at(ctx: &Context, i: usize) -> Option<(&'static str, u32)> {
    DURATION_UNITS.iter().find(|(u, _, _)| *u == ctx.word(i)).map(|&(_, unit, scale)| (unit, scale))
}

fn duration_value(n: Option<u32>, unit: &str, scale: u32) -> String {
    let count = n.map_or("X".to_string(), |n| (n * scale).to_string());
    if unit == "H" { format!("PT{count}H") } else { format!("P{count}{unit}") }
}

/// "the past two months" (P2M), "several years", "a few days" (PXY, PXD), "recent years".
fn vague_or_past_duration(ctx: &Context, i: usize) -> Option<Match> {
    let mut k = i;
    let past = ctx.matches(i, &["the", "past"]) || ctx.matches(i, &["the", "last"]) || ctx.matches(i, &["the", "next"]);
    if past {
        k += 2;
    }
    let vague = |k: usize| match ctx.word(k) {
        "several" | "many" | "few" | "recent" | "coming" | "plusieurs" | "quelques" => Some(1),
        "a" if ctx.word(k + 1) == "few" => Some(2),
        _ => None,
    };
    let (count, width) = match vague(k) {
        Some(width) => (None, width),
        None if past => match count_word(ctx, k) {
            Some(n) => (Some(n), 1),
            None => (Some(1), 0),
        },
        None => return None,
    };
    let (unit, scale) = unit_at(ctx, k + width)?;
    if !ctx.same_sentence(i, k + width) || (count.is_none() && !ctx.word(k + width).ends_with('s')) {
        return None;
    }
    Some(Match { first: i, last: k + width, meaning: Meaning::Duration(duration_value(count, unit, scale)), rule: "duration.vague_or_past" })
}

/// How far rules look for context within a sentence, in tokens.
const SENTENCE_WINDOW: usize = 80;

fn count_word(ctx: &Context, i: usize) -> Option<u32> {
    if let Some(n) = ctx.integer(i) {
        return Some(n);
    }
    match ctx.word(i) {
        "a" | "an" | "one" => Some(1),
        w => NUMBER_WORDS.get(w).copied(),
    }
}

fn match_at(ctx: &Context, i: usize) -> Option<Match> {
    // "the 1988 second quarter": a year before the ordinal quarter it qualifies.
    if let Some(year) = year_at(ctx, i) {
        if let Some(m) = ordinal_quarter(ctx, i + 1).filter(|m| matches!(m.meaning, Meaning::Quarter(None, _))) {
            if let Meaning::Quarter(_, q) = m.meaning {
                return Some(Match { first: i, last: m.last, meaning: Meaning::Quarter(Some(year), q), rule: "date.year_ordinal_quarter" });
            }
        }
    }
    let point = |first, last, year, month, day, rule| Match { first, last, meaning: Meaning::Point(DateValue { year, month, day }), rule };
    // "du 5 au 7 septembre", "from 5 to 7 September"
    if matches!(ctx.word(i), "du" | "from" | "between") {
        if let (Some(d1), true, Some(d2), Some(m)) =
            (day_at(ctx, i + 1), matches!(ctx.word(i + 2), "au" | "to" | "and" | "et" | "-"), day_at(ctx, i + 3), month_at(ctx, i + 4))
        {
            let (year, last) = match year_at(ctx, i + 5) {
                Some(y) => (Some(y), i + 5),
                None => (sentence_year(ctx, i), i + 4),
            };
            let a = DateValue { year, month: Some(m), day: Some(d1) };
            let b = DateValue { year, month: Some(m), day: Some(d2) };
            return Some(Match { first: i + 1, last, meaning: Meaning::Range(a, b), rule: "date.day_range" });
        }
    }
    // "5 septembre 2017", "1er mars", "5 September 2017"
    if let (Some(d), Some(m)) = (day_at(ctx, i), month_at(ctx, i + 1)) {
        return Some(match year_at(ctx, i + 2) {
            Some(y) => point(i, i + 2, Some(y), Some(m), Some(d), "date.day_month_year"),
            None => match sentence_year(ctx, i) {
                Some(y) => point(i, i + 1, Some(y), Some(m), Some(d), "date.day_month"),
                None => Match { first: i, last: i + 1, meaning: Meaning::MonthDay(m, d), rule: "date.day_month" },
            },
        });
    }
    if let Some(m) = month_at(ctx, i) {
        // "September 5, 2017", "Sept. 5"
        if let Some(d) = day_at(ctx, i + 1).filter(|_| ctx.kind(i + 1) == TokenKind::Number || ctx.word(i + 1).len() <= 4) {
            let comma = usize::from(ctx.word(i + 2) == ",");
            return Some(match year_at(ctx, i + 2 + comma) {
                Some(y) => point(i, i + 2 + comma, Some(y), Some(m), Some(d), "date.month_day_year"),
                None => match sentence_year(ctx, i) {
                    Some(y) => point(i, i + 1, Some(y), Some(m), Some(d), "date.month_day"),
                    None => Match { first: i, last: i + 1, meaning: Meaning::MonthDay(m, d), rule: "date.month_day" },
                },
            });
        }
        if let Some(y) = year_at(ctx, i + 1) {
            return Some(point(i, i + 1, Some(y), Some(m), None, "date.month_year"));
        }
        let before = if i > 0 { ctx.word(i - 1) } else { "" };
        let introduced = matches!(before, "en" | "de" | "d'" | "dès" | "depuis" | "in" | "since" | "until" | "by" | "of" | "early" | "late" | "mid" | "début" | "fin" | "mi" | "last" | "this" | "next");
        if matches!(before, "this" | "ce") {
            return Some(Match { first: i - 1, last: i, meaning: Meaning::MonthThisYear(m), rule: "date.this_month" });
        }
        if introduced {
            return Some(Match { first: i, last: i, meaning: Meaning::BareMonth(m), rule: "date.month" });
        }
        return None;
    }
    // "Q2 2020", "Q2"
    let word = ctx.word(i);
    if word.len() == 2 && word.starts_with('q') {
        if let Some(q) = word[1..].parse::<u32>().ok().filter(|q| (1..=4).contains(q)) {
            return Some(match year_at(ctx, i + 1) {
                Some(y) => Match { first: i, last: i + 1, meaning: Meaning::Quarter(Some(y), q), rule: "date.quarter_year" },
                None => Match { first: i, last: i, meaning: Meaning::Quarter(None, q), rule: "date.quarter" },
            });
        }
    }
    if let Some(m) = ordinal_quarter(ctx, i) {
        return Some(m);
    }
    if let Some(m) = season(ctx, i) {
        return Some(m);
    }
    if let Some(m) = vague_or_past_duration(ctx, i) {
        return Some(m);
    }
    for (phrase, meaning) in RELATIVE.iter().filter(|(phrase, _)| phrase[0] == word) {
        if ctx.matches(i, phrase) {
            return Some(Match { first: i, last: i + phrase.len() - 1, meaning: meaning(), rule: "date.relative" });
        }
    }
    if let Some(&(_, weekday)) = WEEKDAYS.iter().find(|(name, _)| *name == word) {
        if ctx.capitalised(i) || !word.is_ascii() || word.ends_with("di") {
            return Some(Match { first: i, last: i, meaning: Meaning::Weekday(weekday), rule: "date.weekday" });
        }
    }
    if let Some(m) = hyphenated_duration(ctx, i) {
        return Some(m);
    }
    // "the 1990s"
    if word.len() == 5 && word.ends_with('s') && word[..4].bytes().all(|b| b.is_ascii_digit()) && word.as_bytes()[3] == b'0' {
        return Some(Match { first: i, last: i, meaning: Meaning::Decade(word[..3].parse().ok()?), rule: "date.decade" });
    }
    // Durations: "4 ans", "three years", "a decade"; "two years ago" is a date.
    if let Some(n) = count_word(ctx, i) {
        if let Some(&(_, unit, scale)) = DURATION_UNITS.iter().find(|(u, _, _)| *u == ctx.word(i + 1)) {
            if !ctx.same_sentence(i, i + 1) || matches!(ctx.word(i + 2), "old" | "-old") {
                return None;
            }
            // "a year" is a duration, but "$5 a year" is a rate and "une année" often a date.
            let before = if i > 0 { ctx.word(i - 1) } else { "" };
            if matches!(ctx.word(i), "a" | "an" | "un" | "une")
                && (i > 0 && ctx.kind(i - 1) != TokenKind::Word || matches!(before, "per" | "times" | "once" | "twice" | "par"))
            {
                return None;
            }
            if ctx.word(i + 2) == "ago" && unit == "Y" {
                return Some(Match { first: i, last: i + 2, meaning: Meaning::YearOffset(-((n * scale) as i32)), rule: "date.years_ago" });
            }
            let value = if unit == "H" { format!("PT{}H", n * scale) } else { format!("P{}{}", n * scale, unit) };
            return Some(Match { first: i, last: i + 1, meaning: Meaning::Duration(value), rule: "duration.count_unit" });
        }
    }
    // A year alone, unless it names something ("MWC 2019", "Windows 2000").
    if let Some(y) = year_at(ctx, i) {
        let named = i > 0 && ctx.same_sentence(i - 1, i) && ctx.capitalised(i - 1) && !ctx.sentence_initial(i - 1)
            && month_at(ctx, i - 1).is_none() && ctx.kind(i - 1) == TokenKind::Word;
        let amount = matches!(ctx.word(i + 1), "%" | "euros" | "dollars" | "people" | "personnes" | "employees" | "salariés");
        if !named && !amount {
            return Some(point(i, i, Some(y), None, None, "date.year"));
        }
    }
    None
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), and back.
fn to_days(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400) as i32 + i32::from(m <= 2);
    (y, m, d)
}

/// The year of a month written without one: news report the past, so a month more than two
/// months after the reference month is last year's; only a month far behind it (January in a
/// November article) may be next year's.
fn nearest_year(year: i32, reference_month: u32, month: u32) -> i32 {
    let diff = month as i32 - reference_month as i32;
    if diff > 2 {
        year - 1
    } else if diff < -9 {
        year + 1
    } else {
        year
    }
}

/// ISO 8601 (year, week) of a day count since 1970-01-01.
fn iso_week(days: i64) -> (i32, u32) {
    let weekday = (days + 3).rem_euclid(7); // Monday = 0
    let thursday = days - weekday + 3;
    let (year, _, _) = from_days(thursday);
    let first = to_days(year, 1, 1);
    (year, ((thursday - first) / 7 + 1) as u32)
}

fn resolve(meaning: &Meaning, reference: ReferenceDate) -> Value {
    let text = match meaning {
        Meaning::Point(v) => v.timex(),
        Meaning::Range(a, b) => format!("{}/{}", a.timex(), b.timex()),
        Meaning::Quarter(year, q) => match year.or(reference.year) {
            Some(y) => format!("{y:04}-Q{q}"),
            None => format!("XXXX-Q{q}"),
        },
        Meaning::BareMonth(m) => match (reference.year, reference.month) {
            (Some(y), Some(rm)) => DateValue { year: Some(nearest_year(y, rm, *m)), month: Some(*m), day: None }.timex(),
            _ => DateValue { year: None, month: Some(*m), day: None }.timex(),
        },
        Meaning::MonthDay(m, d) => match (reference.year, reference.month) {
            (Some(y), Some(rm)) => DateValue { year: Some(nearest_year(y, rm, *m)), month: Some(*m), day: Some(*d) }.timex(),
            _ => DateValue { year: None, month: Some(*m), day: Some(*d) }.timex(),
        },
        Meaning::MonthThisYear(m) => DateValue { year: reference.year, month: Some(*m), day: None }.timex(),
        Meaning::PreviousQuarter => match (reference.year, reference.month) {
            (Some(y), Some(m)) => {
                let q = (m as i32 - 1) / 3; // 0-based quarter of the reference
                let (y, q) = if q == 0 { (y - 1, 4) } else { (y, q) };
                format!("{y:04}-Q{q}")
            }
            _ => return Value::Null,
        },
        Meaning::Weekend => match (reference.year, reference.month, reference.day) {
            (Some(y), Some(m), Some(d)) if d <= days_in_month(y, m) => {
                let days = to_days(y, m, d);
                let saturday = days - ((days + 3).rem_euclid(7) + 2).rem_euclid(7);
                let (year, week) = iso_week(saturday);
                format!("{year:04}-W{week:02}-WE")
            }
            _ => return Value::Null,
        },
        Meaning::Season(code, k) => match reference.year {
            Some(y) => format!("{:04}-{code}", y + k),
            None => format!("XXXX-{code}"),
        },
        Meaning::DayPart(part) => match (reference.year, reference.month, reference.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}T{part}"),
            _ => return Value::Null,
        },
        Meaning::WeekOffset(k) => match (reference.year, reference.month, reference.day) {
            (Some(y), Some(m), Some(d)) if d <= days_in_month(y, m) => {
                let (year, week) = iso_week(to_days(y, m, d) + 7 * k);
                format!("{year:04}-W{week:02}")
            }
            (Some(y), _, _) => format!("{y:04}-WXX"),
            _ => return Value::Null,
        },
        Meaning::Weekday(w) => match (reference.year, reference.month, reference.day) {
            (Some(y), Some(m), Some(d)) if d <= days_in_month(y, m) => {
                let days = to_days(y, m, d);
                let today = (days + 3).rem_euclid(7) as u32 + 1; // 1970-01-01 was a Thursday (4)
                let back = (today + 7 - w) % 7;
                let (y, m, d) = from_days(days - back as i64);
                format!("{y:04}-{m:02}-{d:02}")
            }
            _ => return Value::Null,
        },
        Meaning::YearOffset(k) => match reference.year {
            Some(y) => format!("{:04}", y + k),
            None => return Value::Null,
        },
        Meaning::MonthOffset(k) => match (reference.year, reference.month) {
            (Some(y), Some(m)) => {
                let index = y * 12 + m as i32 - 1 + k;
                format!("{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1)
            }
            _ => return Value::Null,
        },
        Meaning::DayOffset(k) => match (reference.year, reference.month, reference.day) {
            (Some(y), Some(m), Some(d)) if d <= days_in_month(y, m) => {
                let (y, m, d) = from_days(to_days(y, m, d) + k);
                format!("{y:04}-{m:02}-{d:02}")
            }
            _ => return Value::Null,
        },
        Meaning::Decade(prefix) => format!("{prefix:03}X"), // TempEval-3 writes the 1990s "199X"
        Meaning::Fixed(value) => value.to_string(),
        Meaning::Duration(value) => value.clone(),
    };
    Value::String(text)
}

/// "a year ago" in a report about a quarter ("third-quarter profit fell from a year ago") is
/// that quarter a year before: "1988-Q3", not "1988". The quarter is the one named last before
/// (an earnings story names it once and compares with "a year earlier" later), else one named
/// later in the same sentence.
fn in_quarter_context(ctx: &Context, matches: &[Match], values: &[Value], index: usize) -> Option<Value> {
    let year_ago = matches!(matches[index].meaning, Meaning::YearOffset(-1)) && matches[index].rule == "date.relative";
    let phrase = ctx.text[ctx.start(matches[index].first)..ctx.end(matches[index].last)].to_lowercase();
    if !year_ago || phrase.contains("last year") {
        return None;
    }
    let is_quarter = |m: &Match| matches!(m.meaning, Meaning::Quarter(..) | Meaning::PreviousQuarter);
    let sentence = ctx.tokens.sentence[matches[index].first];
    // The quarter of the same sentence first, then the closest one before it.
    let same = |m: &Match| ctx.tokens.sentence[m.first] == sentence;
    let before_same = matches[..index].iter().zip(&values[..index]).rev().find(|(m, _)| is_quarter(m) && same(m));
    let later = || matches[index + 1..].iter().zip(&values[index + 1..]).find(|(m, _)| is_quarter(m) && same(m));
    let before = || matches[..index].iter().zip(&values[..index]).rev().find(|(m, _)| is_quarter(m));
    let quarter = before_same.or_else(later).or_else(before)?;
    let text = quarter.1.as_str()?;
    let (year, q) = text.split_once("-Q")?;
    Some(Value::String(format!("{:04}-Q{q}", year.parse::<i32>().ok()? - 1)))
}

/// The document date, else the latest complete date of the article's content.
fn reference_date(ctx: &Context, matches: &[Match]) -> ReferenceDate {
    if let Some(date) = &ctx.article.date {
        return ReferenceDate::parse(date);
    }
    let content = |m: &Match| ctx.article.segments[ctx.segments[m.first] as usize].kind.is_content();
    matches
        .iter()
        .filter(|m| content(m))
        .filter_map(|m| match &m.meaning {
            Meaning::Point(v) if v.year.is_some() && v.day.is_some() => Some(*v),
            Meaning::Range(_, b) if b.year.is_some() && b.day.is_some() => Some(*b),
            _ => None,
        })
        .max()
        .map(|v| ReferenceDate { year: v.year, month: v.month, day: v.day })
        .unwrap_or_default()
}

/// "9 a.m. Tuesday", "10:35 p.m. EDT Friday", "Friday night": a day with its time or part of
/// day, as TIMEX3 writes them ("2000-04-04T09:00", "1998-08-07TNI").
fn with_time_of_day(ctx: &Context, first: usize, last: usize, value: Value) -> (usize, usize, Value) {
    let Some(day) = value.as_str().filter(|v| v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-').map(str::to_string) else {
        return (first, last, value);
    };
    let part = match ctx.word(last + 1) {
        "morning" | "matin" => Some("MO"),
        "afternoon" | "après-midi" => Some("AF"),
        "evening" | "soir" | "soirée" => Some("EV"),
        "night" | "nuit" => Some("NI"),
        _ => None,
    };
    if let Some(part) = part.filter(|_| ctx.same_sentence(last, last + 1)) {
        return (first, last + 1, Value::String(format!("{day}T{part}")));
    }
    // Walk back over a time zone, then "a.m."/"p.m.", then "H" or "H : MM".
    let mut k = first;
    if k > 0 && matches!(ctx.text_of(k - 1), "EST" | "EDT" | "ET" | "GMT" | "UTC" | "CET" | "PST" | "PDT" | "CST" | "CDT") {
        k -= 1;
    }
    let meridiem = k.checked_sub(1).map(|j| ctx.word(j)).unwrap_or("");
    let pm = match meridiem {
        "a.m." | "a.m" | "am" => false,
        "p.m." | "p.m" | "pm" => true,
        _ => return (first, last, value),
    };
    let Some(mut start) = k.checked_sub(2) else { return (first, last, value) };
    let (mut hour, mut minute) = (ctx.integer(start), Some(0));
    if start >= 2 && ctx.word(start - 1) == ":" {
        minute = ctx.integer(start);
        hour = ctx.integer(start - 2);
        start -= 2;
    }
    match (hour, minute) {
        (Some(h), Some(m)) if (1..=12).contains(&h) && m < 60 && ctx.same_sentence(start, first) => {
            let h24 = (h % 12) + if pm { 12 } else { 0 };
            (start, last, Value::String(format!("{day}T{h24:02}:{m:02}")))
        }
        _ => (first, last, value),
    }
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let mut matches = Vec::new();
    let mut i = 0;
    while i < ctx.len() {
        match match_at(ctx, i) {
            Some(m) => {
                i = m.last + 1;
                matches.push(m);
            }
            None => i += 1,
        }
    }
    let reference = reference_date(ctx, &matches);
    let values: Vec<Value> = matches.iter().map(|m| resolve(&m.meaning, reference)).collect();
    for (index, m) in matches.iter().enumerate() {
        let kind = if matches!(m.meaning, Meaning::Duration(_)) { FactKind::Duration } else { FactKind::Date };
        let value = in_quarter_context(ctx, &matches, &values, index).unwrap_or_else(|| values[index].clone());
        let (first, last, value) = with_time_of_day(ctx, m.first, m.last, value);
        let mut fact = Fact::new(kind, ctx.start(first), ctx.end(last), value, m.rule);
        if let Meaning::Duration(_) = &m.meaning {
            fact = fact.with("unit", ctx.word(m.last).to_string());
        }
        facts.push(fact);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};

    fn dates(text: &str, date: Option<&str>) -> Vec<(String, String)> {
        let given = Given { date: date.map(str::to_string), ..Given::default() };
        let article = Article::analyze("t".into(), text.to_string(), given).unwrap();
        let ctx = Context::new(&article);
        let mut facts = Vec::new();
        extract(&ctx, &mut facts);
        facts.iter().map(|f| (text[f.start..f.end].to_string(), f.value.as_str().unwrap_or("null").to_string())).collect()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn french_dates_resolved_against_the_document_date() {
        let got = dates("Il a parlé au mois de novembre et veut croître en 2021. L'an dernier, c'était pendant 4 ans.", Some("2021-01"));
        assert_eq!(got, pairs(&[("novembre", "2020-11"), ("2021", "2021"), ("L'an dernier", "2020"), ("4 ans", "P4Y")]));
    }

    #[test]
    fn reference_from_the_article_when_there_is_no_date() {
        let got = dates("Huawei Connect 2017 se tient du 5 au 7 septembre. En avril, dès avril 2016, et cette année.", None);
        assert_eq!(got, pairs(&[
            ("5 au 7 septembre", "2017-09-05/2017-09-07"), ("avril", "2017-04"), ("avril 2016", "2016-04"), ("cette année", "2017"),
        ]));
        assert_eq!(dates("In November he spoke; in 2021 he will act.", None), pairs(&[("November", "--11"), ("2021", "2021")]));
    }

    #[test]
    fn english_forms_weekdays_and_traps() {
        let got = dates("On Friday, Sept. 4, 1998 and in Q2 2020 prices may march on; Covid-19 and 5G and MWC 2019.", Some("1998-08-12"));
        assert_eq!(got, pairs(&[("Friday", "1998-08-07"), ("Sept. 4, 1998", "1998-09-04"), ("Q2 2020", "2020-Q2")]));
        assert_eq!(dates("two years ago, yesterday, the 1990s", Some("2000-03-01")), pairs(&[("two years ago", "1998"), ("yesterday", "2000-02-29"), ("1990s", "199X")]));
    }
}
