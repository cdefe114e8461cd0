//! Dates (points, ranges, quarters, weekdays, relative expressions) and durations, with TIMEX3
//! values resolved against the document date. Without one, the reference is the latest
//! day-precise date the article itself gives (news report events near their publication);
//! failing that, unknown parts stay unknown ("--11"), never invented.

use super::{Context, Fact, FactKind};
use crate::lexicons::{MONTHS, NUMBER_WORDS};
use crate::tokenize::TokenKind;
use serde_json::Value;

mod calendar;
mod phrases;

use calendar::Holiday;
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

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
    /// The reference as a calendar day, when it has one (and a valid one).
    fn day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

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
    /// A day of the week: by default the latest such day not after the reference (news report
    /// the past; "will … on Friday" pointing forward was tried and lost more than it won on
    /// TempEval); "last Monday" is strictly before, "next Monday" strictly after.
    Weekday(u32, Lean),
    /// Years from the reference year (0: this year, -1: last year).
    YearOffset(i32),
    /// Years from the year named last before: "that year", "the following year"; the
    /// reference year when none was.
    ThatYear(i32),
    MonthOffset(i32),
    DayOffset(i64),
    /// A decade by its first three digits; `true` for the whole decade ("1990s": "199X"),
    /// `false` for one named loosely ("the early 1990s", "the nineties": "199").
    Decade(i32, bool),
    /// A month and day without a year: the year that puts it nearest the reference.
    MonthDay(u32, u32),
    /// A month (and day) without a year in a clause about the future ("will be held in
    /// February"): the first such month from the reference's on.
    AheadMonth(u32, Option<u32>),
    /// A month "this" year: "this September".
    MonthThisYear(u32),
    /// An ISO week from the reference's (0: this week, -1: last week).
    WeekOffset(i64),
    /// The quarter before the reference's: what "the quarter" of an earnings report is.
    PreviousQuarter,
    /// The latest weekend not after the reference.
    Weekend,
    /// Part of a day from the reference's: "this morning" (0, MO), "last night" (-1, NI).
    DayPart(i64, &'static str),
    /// A season: "last fall" → 1997-FA; "the summer" is the latest one begun by the reference.
    Season(&'static str, YearRef),
    /// A holiday: "Thanksgiving", "last Christmas", "Pâques".
    Holiday(Holiday, Lean),
    /// A century by its first two digits: "the 20th century" → 19XX.
    Century(u32),
    /// A half year: "the first half of 1990" → 1990-H1.
    Half(Option<i32>, u32),
    /// A month of a year given relatively: "July last year".
    MonthOf(YearRef, u32),
    /// A month strictly before or after the reference's: "last December", "mars prochain".
    MonthLean(u32, Lean),
    /// A numbered quarter of a year given relatively: "next year's first quarter".
    QuarterOf(YearRef, u32),
    /// The quarter an earnings report is about, in another year: "the year-ago quarter".
    SameQuarter(YearRef),
    Fixed(&'static str),
    Duration(String),
}

/// Which of the days a weekday or holiday names: the nearest (past-leaning), or the one
/// strictly before or after the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lean {
    Nearest,
    Before,
    After,
}

/// A year named relatively to the reference year, or as itself.
#[derive(Clone, Copy, Debug)]
enum YearRef {
    Offset(i32),
    Year(i32),
    /// The latest such period begun by the reference (a season).
    Latest,
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

const RELATIVE: &[(&[&str], fn() -> Meaning)] = &[
    (&["a", "year", "ago"], || Meaning::YearOffset(-1)),
    (&["a", "year", "earlier"], || Meaning::YearOffset(-1)),
    (&["the", "year", "before"], || Meaning::ThatYear(-1)),
    (&["the", "previous", "year"], || Meaning::ThatYear(-1)),
    (&["the", "following", "year"], || Meaning::ThatYear(1)),
    (&["that", "year"], || Meaning::ThatYear(0)),
    (&["cette", "année-là"], || Meaning::ThatYear(0)),
    (&["l'", "année", "suivante"], || Meaning::ThatYear(1)),
    (&["l'", "année", "précédente"], || Meaning::ThatYear(-1)),
    (&["the", "latest", "period"], || Meaning::PreviousQuarter),
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
    (&["le", "week-end", "dernier"], || Meaning::Weekend),
    (&["ce", "week-end"], || Meaning::Weekend),
    (&["le", "week-end"], || Meaning::Weekend),
    (&["avant-hier"], || Meaning::DayOffset(-2)),
    (&["après-demain"], || Meaning::DayOffset(2)),
    (&["this", "morning"], || Meaning::DayPart(0, "MO")),
    (&["this", "afternoon"], || Meaning::DayPart(0, "AF")),
    (&["this", "evening"], || Meaning::DayPart(0, "EV")),
    (&["tonight"], || Meaning::DayPart(0, "NI")),
    (&["ce", "matin"], || Meaning::DayPart(0, "MO")),
    (&["ce", "soir"], || Meaning::DayPart(0, "EV")),
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
    (&["last", "night"], || Meaning::DayPart(-1, "NI")),
    (&["the", "full", "year"], || Meaning::YearOffset(0)),
    (&["the", "end", "of", "the", "year"], || Meaning::YearOffset(0)),
    (&["la", "fin", "de", "l'", "année"], || Meaning::YearOffset(0)),
    (&["the", "near", "future"], || Meaning::Fixed("FUTURE_REF")),
    (&["the", "near", "term"], || Meaning::Fixed("FUTURE_REF")),
    (&["the", "short", "term"], || Meaning::Fixed("FUTURE_REF")),
    (&["à", "l'", "avenir"], || Meaning::Fixed("FUTURE_REF")),
    (&["prochainement"], || Meaning::Fixed("FUTURE_REF")),
    (&["these", "days"], || Meaning::Fixed("PRESENT_REF")),
    (&["ces", "dernières", "années"], || Meaning::Fixed("PAST_REF")),
    (&["now"], || Meaning::Fixed("PRESENT_REF")),
    (&["currently"], || Meaning::Fixed("PRESENT_REF")),
    (&["actuellement"], || Meaning::Fixed("PRESENT_REF")),
    (&["recently"], || Meaning::Fixed("PAST_REF")),
    (&["récemment"], || Meaning::Fixed("PAST_REF")),
];

type RelativeIndex = HashMap<(&'static str, &'static str), Vec<(&'static [&'static str], fn() -> Meaning)>>;

/// RELATIVE by the first two words of its phrases (the first and "" for one word): two
/// look-ups per token instead of a scan.
static RELATIVE_BY_FIRST: LazyLock<RelativeIndex> = LazyLock::new(|| {
    let mut index = RelativeIndex::default();
    for &(phrase, meaning) in RELATIVE {
        index.entry((phrase[0], phrase.get(1).copied().unwrap_or(""))).or_default().push((phrase, meaning));
    }
    index
});

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
    // Every month name (en, fr) starts with one of these letters: most words leave here.
    if !word.as_bytes().first().is_some_and(|b| b"jfmasond".contains(b)) {
        return None;
    }
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

/// A year elsewhere in the sentence of token `i` that dates what the sentence is about (the
/// year of "du 5 au 7 septembre" in a sentence about "Huawei Connect 2017"). A year that is
/// part of a date of its own ("due March 1, 2011", "approved in 1987") is not one.
fn sentence_year(ctx: &Context, i: usize) -> Option<i32> {
    // Bounded walk: a sentence without punctuation may be a whole (huge) document.
    let before = (i.saturating_sub(SENTENCE_WINDOW)..i).rev().take_while(|&k| ctx.same_sentence(k, i));
    let after = (i..(i + SENTENCE_WINDOW).min(ctx.len())).take_while(|&k| ctx.same_sentence(k, i));
    let own_date = |k: usize| {
        k > 0 && (month_at(ctx, k - 1).is_some() || matches!(ctx.word(k - 1), "," | "in" | "since" | "en" | "depuis" | "of" | "de" | "until" | "by"))
    };
    before.chain(after).find_map(|k| year_at(ctx, k).filter(|_| !own_date(k)))
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

/// "this summer", "last fall", "the summer", "this past spring", "in winter", "summer 1996",
/// "the winter of 1994", "cet été", "l'hiver dernier", "l'été 2020": a season with its year. A
/// bare "été" is a past participle, so French seasons need a determiner, "en" or a year.
fn season(ctx: &Context, i: usize) -> Option<Match> {
    let code = |k: usize| SEASONS.iter().find(|(name, _)| *name == ctx.word(k)).map(|&(_, code)| code);
    let with = |first: usize, last: usize, code, year| {
        ctx.same_sentence(first, last).then_some(Match { first, last, meaning: Meaning::Season(code, year), rule: "date.season" })
    };
    // A season with its year: "summer 1996", "the winter of 1994", "l'été 2020".
    if let Some(c) = code(i) {
        let of = usize::from(ctx.word(i + 1) == "of");
        if let Some(year) = year_at(ctx, i + 1 + of).or_else(|| phrases::spoken_year(ctx, i + 1 + of).map(|(y, _)| y)) {
            let last = phrases::spoken_year(ctx, i + 1 + of).map_or(i + 1 + of, |(_, last)| last);
            return with(i, last, c, YearRef::Year(year));
        }
        let before = if i > 0 { ctx.word(i - 1) } else { "" };
        let english = ctx.word(i).is_ascii();
        // "an early fall in prices" is no season: "fall" needs more than "early".
        let noun_sense = ctx.word(i) == "fall" && matches!(before, "early" | "late");
        if english && !noun_sense && matches!(before, "in" | "during" | "over" | "since" | "until" | "by" | "early" | "late") || before == "en" {
            return with(i, i, c, YearRef::Latest);
        }
        return None;
    }
    let (year, noun, last) = match ctx.word(i) {
        "this" if ctx.word(i + 1) == "past" => (YearRef::Latest, i + 2, i + 2),
        "the" => match ctx.word(i + 1) {
            "early" | "late" => (YearRef::Latest, i + 2, i + 2),
            _ => (YearRef::Latest, i + 1, i + 1),
        },
        "this" | "cet" | "ce" => (YearRef::Offset(0), i + 1, i + 1),
        "last" => (YearRef::Offset(-1), i + 1, i + 1),
        "next" => (YearRef::Offset(1), i + 1, i + 1),
        "l'" | "le" => match ctx.word(i + 2) {
            "dernier" => (YearRef::Offset(-1), i + 1, i + 2),
            "prochain" => (YearRef::Offset(1), i + 1, i + 2),
            _ => return None,
        },
        _ => return None,
    };
    let c = code(noun)?;
    if ctx.word(i) == "the" {
        // "the summer of 1996" is the season of that year; "the fall of Rome", "the fall in
        // prices", "the Winter Olympics" are no seasons.
        if ctx.word(noun + 1) == "of" {
            let found = year_at(ctx, noun + 2).map(|y| (y, noun + 2)).or_else(|| phrases::spoken_year(ctx, noun + 2));
            return found.and_then(|(y, last)| with(i, last, c, YearRef::Year(y)));
        }
        let plain = last == i + 1;
        if ctx.capitalised(noun) || plain && matches!(ctx.word(noun), "fall" | "spring") || ctx.kind(noun + 1) == TokenKind::Word && ctx.capitalised(noun + 1) {
            return None;
        }
    }
    with(i, last, c, year)
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
    let past = ctx.word(i) == "the" && matches!(ctx.word(i + 1), "past" | "last" | "next") && ctx.same_sentence(i, i + 1);
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

/// A day of the week, with what leans it: "Friday", "last Monday", "next Tuesday", "this
/// coming Sunday", "mardi dernier", "jeudi prochain".
fn weekday(ctx: &Context, i: usize) -> Option<Match> {
    let word = ctx.word(i);
    // Most words are no weekday: leave before scanning the names.
    if !(word.ends_with("day") || word.ends_with("di") || word == "dimanche" || matches!(word, "last" | "next" | "coming" | "this")) {
        return None;
    }
    let day_at = |k: usize| {
        let word = ctx.word(k);
        let &(_, day) = WEEKDAYS.iter().find(|(name, _)| *name == word)?;
        (ctx.capitalised(k) || !word.is_ascii() || word.ends_with("di")).then_some(day)
    };
    let (lean, day_token) = match ctx.word(i) {
        "last" => (Lean::Before, i + 1),
        "next" => (Lean::After, i + 1),
        "coming" => (Lean::After, i + 1),
        "this" if ctx.word(i + 1) == "coming" => (Lean::After, i + 2),
        _ => (Lean::Nearest, i),
    };
    let day = day_at(day_token).filter(|_| ctx.same_sentence(i, day_token))?;
    // "jeudi 12 juillet", "Thursday, Oct. 5": the weekday is part of the date that follows.
    let comma = usize::from(ctx.word(day_token + 1) == ",");
    if lean == Lean::Nearest && ctx.same_sentence(day_token, day_token + 1 + comma) {
        if let Some(date) = match_at(ctx, day_token + 1 + comma).filter(|m| matches!(m.meaning, Meaning::Point(DateValue { day: Some(_), .. }) | Meaning::MonthDay(..))) {
            return Some(Match { first: i, ..date });
        }
    }
    let (lean, last) = match ctx.word(day_token + 1) {
        "dernier" if lean == Lean::Nearest => (Lean::Before, day_token + 1),
        "prochain" if lean == Lean::Nearest => (Lean::After, day_token + 1),
        _ => (lean, day_token),
    };
    Some(Match { first: i, last, meaning: Meaning::Weekday(day, lean), rule: "date.weekday" })
}

/// An age rather than a duration: "âgées de 18 à 25 ans", "aged 45 years", "Pierre, 45 ans,".
fn is_age(ctx: &Context, i: usize) -> bool {
    let aged = |k: usize| matches!(ctx.word(k), "âgé" | "âgée" | "âgés" | "âgées" | "agé" | "agée" | "agés" | "agées" | "aged");
    let before = (i.saturating_sub(4)..i).any(|k| ctx.same_sentence(k, i) && aged(k));
    let apposition = i > 0 && ctx.word(i - 1) == "," && matches!(ctx.word(i + 2), "," | ")") && ctx.word(i + 1) == "ans";
    before || apposition
}

/// Words that put a clause in the future: "will", "is expected to", "scheduled", "next".
const FUTURE_CUES: [&str; 17] = [
    "will", "'ll", "shall", "expected", "expects", "expect", "scheduled", "plans", "planned", "due", "until", "upcoming",
    "sera", "seront", "prévu", "prévue", "jusqu'",
];

/// Whether the clause around tokens `first..=last` speaks of the future: a cue among the
/// words before it back to the clause's start (a comma, a semicolon or the sentence start),
/// or right after it.
fn future_clause(ctx: &Context, first: usize, last: usize) -> bool {
    let before = (first.saturating_sub(12)..first).rev().take_while(|&k| ctx.same_sentence(k, first) && !matches!(ctx.word(k), "," | ";"));
    let after = (last + 1..(last + 4).min(ctx.len())).take_while(|&k| ctx.same_sentence(k, last) && !matches!(ctx.word(k), "," | ";"));
    before.chain(after).any(|k| FUTURE_CUES.contains(&ctx.word(k)))
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
    let phrase_rules = [phrases::numeric_date, phrases::century, phrases::compared_quarter, phrases::ago, phrases::half, phrases::decade, phrases::hyphen_modified, phrases::holiday, weekday];
    if let Some(m) = phrase_rules.iter().find_map(|rule| rule(ctx, i)) {
        return Some(m);
    }
    // "the 1988 second quarter": a year before the ordinal quarter it qualifies.
    if let Some(year) = year_at(ctx, i) {
        if let Some(m) = ordinal_quarter(ctx, i + 1).filter(|m| matches!(m.meaning, Meaning::Quarter(None, _))) {
            if let Meaning::Quarter(_, q) = m.meaning {
                return Some(Match { first: i, last: m.last, meaning: Meaning::Quarter(Some(year), q), rule: "date.year_ordinal_quarter" });
            }
        }
    }
    let point = |first, last, year, month, day, rule| Match { first, last, meaning: Meaning::Point(DateValue { year, month, day }), rule };
    // "du 5 au 7 septembre", "from 5 to 7 September", "les 16 et 17 juin"
    if matches!(ctx.word(i), "du" | "from" | "between" | "les") {
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
        if let Some((y, last)) = phrases::spoken_year(ctx, i + 1) {
            return Some(point(i, last, Some(y), Some(m), None, "date.month_year"));
        }
        let before = if i > 0 { ctx.word(i - 1) } else { "" };
        let introduced = matches!(before, "en" | "de" | "d'" | "dès" | "depuis" | "in" | "since" | "until" | "by" | "of" | "early" | "late" | "mid" | "début" | "fin" | "mi" | "last" | "this" | "next");
        if matches!(before, "this" | "ce") {
            return Some(Match { first: i - 1, last: i, meaning: Meaning::MonthThisYear(m), rule: "date.this_month" });
        }
        // "July last year", "January this year", "juillet dernier", "last December", "next May".
        let of_year = [(["last", "year"], -1), (["this", "year"], 0), (["next", "year"], 1)].into_iter().find(|(phrase, _)| ctx.matches(i + 1, phrase));
        if let Some((_, k)) = of_year.filter(|_| ctx.same_sentence(i, i + 2)) {
            return Some(Match { first: i, last: i + 2, meaning: Meaning::MonthOf(YearRef::Offset(k), m), rule: "date.month_of_year" });
        }
        let lean = match (before, ctx.word(i + 1)) {
            ("last", _) => Some((i - 1, i, Lean::Before)),
            ("next", _) => Some((i - 1, i, Lean::After)),
            (_, "dernier") => Some((i, i + 1, Lean::Before)),
            (_, "prochain") => Some((i, i + 1, Lean::After)),
            _ => None,
        };
        if let Some((first, last, lean)) = lean.filter(|&(first, last, _)| ctx.same_sentence(first, last)) {
            return Some(Match { first, last, meaning: Meaning::MonthLean(m, lean), rule: "date.month" });
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
    // Phrases of one word by the word, longer ones by their first two.
    let next = if ctx.same_sentence(i, i + 1) { ctx.word(i + 1) } else { "" };
    let candidates = [RELATIVE_BY_FIRST.get(&(word, next)), RELATIVE_BY_FIRST.get(&(word, ""))];
    for &(phrase, meaning) in candidates.into_iter().flatten().flatten() {
        if ctx.matches(i, phrase) {
            return Some(Match { first: i, last: i + phrase.len() - 1, meaning: meaning(), rule: "date.relative" });
        }
    }
    if let Some(m) = hyphenated_duration(ctx, i) {
        return Some(m);
    }
    // Durations: "4 ans", "three years", "a decade"; "two years ago" is a date.
    if let Some(n) = count_word(ctx, i) {
        if let Some(&(_, unit, scale)) = DURATION_UNITS.iter().find(|(u, _, _)| *u == ctx.word(i + 1)) {
            if !ctx.same_sentence(i, i + 1) || matches!(ctx.word(i + 2), "old" | "-old") || is_age(ctx, i) {
                return None;
            }
            // "à 19 heures", "at 10 hours": a time of day.
            if unit == "H" && i > 0 && matches!(ctx.word(i - 1), "à" | "vers" | "dès" | "jusqu'à" | "at") {
                return None;
            }
            // "a year" is a duration, but "$5 a year" is a rate and "une année" often a date.
            let before = if i > 0 { ctx.word(i - 1) } else { "" };
            if matches!(ctx.word(i), "a" | "an" | "un" | "une")
                && (i > 0 && ctx.kind(i - 1) != TokenKind::Word || matches!(before, "per" | "times" | "once" | "twice" | "par"))
            {
                return None;
            }
            let value = if unit == "H" { format!("PT{}H", n * scale) } else { format!("P{}{}", n * scale, unit) };
            return Some(Match { first: i, last: i + 1, meaning: Meaning::Duration(value), rule: "duration.count_unit" });
        }
    }
    if let Some((y, last)) = phrases::spoken_year(ctx, i) {
        return Some(point(i, last, Some(y), None, None, "date.spoken_year"));
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

fn resolve(meaning: &Meaning, reference: ReferenceDate) -> Value {
    let day = reference.day();
    let text = match meaning {
        Meaning::Point(v) => v.timex(),
        Meaning::Range(a, b) => {
            // "les 16 et 17 juin" without a year: the year that puts it nearest the reference.
            let year = |v: &DateValue| match (v.year, v.month, reference.year, reference.month) {
                (None, Some(m), Some(y), Some(rm)) => DateValue { year: Some(nearest_year(y, rm, m)), ..*v },
                _ => *v,
            };
            format!("{}/{}", year(a).timex(), year(b).timex())
        }
        Meaning::Quarter(year, q) => format!("{}-Q{q}", year_text(year.or(reference.year))),
        Meaning::QuarterOf(year, q) => format!("{}-Q{q}", year_text(year.resolve(reference, 1))),
        Meaning::SameQuarter(year) => year_text(year.resolve(reference, 1)),
        Meaning::Half(year, h) => format!("{}-H{h}", year_text(year.or(reference.year))),
        Meaning::BareMonth(m) => match (reference.year, reference.month) {
            (Some(y), Some(rm)) => DateValue { year: Some(nearest_year(y, rm, *m)), month: Some(*m), day: None }.timex(),
            _ => DateValue { year: None, month: Some(*m), day: None }.timex(),
        },
        Meaning::MonthDay(m, d) => match (reference.year, reference.month) {
            (Some(y), Some(rm)) => DateValue { year: Some(nearest_year(y, rm, *m)), month: Some(*m), day: Some(*d) }.timex(),
            _ => DateValue { year: None, month: Some(*m), day: Some(*d) }.timex(),
        },
        Meaning::AheadMonth(m, d) => match (reference.year, reference.month) {
            (Some(y), Some(rm)) => DateValue { year: Some(if *m < rm { y + 1 } else { y }), month: Some(*m), day: *d }.timex(),
            _ => DateValue { year: None, month: Some(*m), day: *d }.timex(),
        },
        Meaning::MonthOf(year, m) => DateValue { year: year.resolve(reference, 1), month: Some(*m), day: None }.timex(),
        Meaning::MonthLean(m, lean) => {
            let year = match (reference.year, reference.month) {
                (Some(y), Some(rm)) => Some(match lean {
                    Lean::Before => if *m < rm { y } else { y - 1 },
                    Lean::After => if *m > rm { y } else { y + 1 },
                    Lean::Nearest => nearest_year(y, rm, *m),
                }),
                _ => None,
            };
            DateValue { year, month: Some(*m), day: None }.timex()
        }
        Meaning::MonthThisYear(m) => DateValue { year: reference.year, month: Some(*m), day: None }.timex(),
        Meaning::PreviousQuarter => match (reference.year, reference.month) {
            (Some(y), Some(m)) => {
                let q = (m as i32 - 1) / 3; // 0-based quarter of the reference
                let (y, q) = if q == 0 { (y - 1, 4) } else { (y, q) };
                format!("{y:04}-Q{q}")
            }
            _ => return Value::Null,
        },
        Meaning::Weekend => {
            let Some(day) = day else { return Value::Null };
            // The Saturday of the latest weekend begun by the reference day.
            let back = (calendar::weekday_number(day) + 1) % 7;
            let Some(saturday) = calendar::shift(day, -(back as i64)) else { return Value::Null };
            format!("{}-WE", calendar::week_value(saturday))
        }
        Meaning::Season(code, year) => format!("{}-{code}", year_text(year.resolve(reference, season_start(code)))),
        Meaning::DayPart(k, part) => match day.and_then(|d| calendar::shift(d, *k)) {
            Some(d) => format!("{}T{part}", calendar::day_value(d)),
            None => return Value::Null,
        },
        Meaning::WeekOffset(k) => match (day, reference.year) {
            (Some(d), _) => match calendar::shift(d, 7 * k) {
                Some(d) => calendar::week_value(d),
                None => return Value::Null,
            },
            (None, Some(y)) => format!("{y:04}-WXX"),
            _ => return Value::Null,
        },
        Meaning::Weekday(w, lean) => {
            let Some(day) = day else { return Value::Null };
            let today = calendar::weekday_number(day);
            let shift = match lean {
                Lean::Nearest => -(((today + 7 - w) % 7) as i64),
                Lean::Before => -((((today + 6 - w) % 7) + 1) as i64),
                Lean::After => (((w + 6 - today) % 7) + 1) as i64,
            };
            match calendar::shift(day, shift) {
                Some(d) => calendar::day_value(d),
                None => return Value::Null,
            }
        }
        Meaning::Holiday(holiday, lean) => match holiday_day(*holiday, *lean, reference) {
            Some(text) => text,
            None => return Value::Null,
        },
        Meaning::YearOffset(k) | Meaning::ThatYear(k) => match reference.year {
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
        Meaning::DayOffset(k) => match day.and_then(|d| calendar::shift(d, *k)) {
            Some(d) => calendar::day_value(d),
            None => return Value::Null,
        },
        // TempEval-3 writes "the 1990s" 199X and "the early 1990s" 199.
        Meaning::Decade(prefix, true) => format!("{prefix:03}X"),
        Meaning::Decade(prefix, false) => format!("{prefix:03}"),
        Meaning::Century(prefix) => format!("{prefix:02}XX"),
        Meaning::Fixed(value) => value.to_string(),
        Meaning::Duration(value) => value.clone(),
    };
    Value::String(text)
}

fn year_text(year: Option<i32>) -> String {
    year.map_or("XXXX".to_string(), |y| format!("{y:04}"))
}

/// The month a season begins in, for "the latest summer begun by the reference".
fn season_start(code: &str) -> u32 {
    match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

impl YearRef {
    /// The year meant; `Latest` is the reference year if the period starting in `start_month`
    /// has begun by the reference month, else the year before.
    fn resolve(self, reference: ReferenceDate, start_month: u32) -> Option<i32> {
        match self {
            YearRef::Year(y) => Some(y),
            YearRef::Offset(k) => Some(reference.year? + k),
            YearRef::Latest => {
                let y = reference.year?;
                Some(if reference.month.is_some_and(|m| m < start_month) { y - 1 } else { y })
            }
        }
    }
}

/// A holiday's day: in the year that puts it nearest the reference (leaning to the past, as
/// bare months do), or strictly before or after it. Without a reference, its month and day
/// if it has fixed ones.
fn holiday_day(holiday: calendar::Holiday, lean: Lean, reference: ReferenceDate) -> Option<String> {
    let Some(day) = reference.day() else {
        return match holiday {
            calendar::Holiday::Fixed(m, d) => Some(DateValue { year: reference.year, month: Some(m), day: Some(d) }.timex()),
            _ => reference.year.and_then(|y| holiday.in_year(y)).map(calendar::day_value),
        };
    };
    let year = day.year();
    let found = match lean {
        Lean::Nearest => holiday.in_year(nearest_year(year, day.month(), holiday.month())),
        Lean::Before => [year, year - 1].into_iter().filter_map(|y| holiday.in_year(y)).find(|&h| h < day),
        Lean::After => [year, year + 1].into_iter().filter_map(|y| holiday.in_year(y)).find(|&h| h > day),
    };
    found.map(calendar::day_value)
}

/// "a year ago" in a report about a quarter ("third-quarter profit fell from a year ago") is
/// that quarter a year before: "1988-Q3", not "1988". The quarter is the one named last before
/// (an earnings story names it once and compares with "a year earlier" later), else one named
/// later in the same sentence.
fn in_quarter_context(ctx: &Context, matches: &[Match], values: &[Value], index: usize) -> Option<Value> {
    let m = &matches[index];
    let year_ago = matches!(m.meaning, Meaning::YearOffset(-1)) && matches!(m.rule, "date.relative" | "date.ago");
    let phrase = ctx.text[ctx.start(m.first)..ctx.end(m.last)].to_lowercase();
    let year = match m.meaning {
        Meaning::SameQuarter(year) => year,
        _ if year_ago && !phrase.contains("last year") => YearRef::Offset(-1),
        _ => return None,
    };
    let is_quarter = |m: &Match| matches!(m.meaning, Meaning::Quarter(..) | Meaning::PreviousQuarter);
    let sentence = ctx.tokens.sentence[m.first];
    // The quarter of the same sentence first, then the closest one before it.
    let same = |m: &Match| ctx.tokens.sentence[m.first] == sentence;
    let before_same = matches[..index].iter().zip(&values[..index]).rev().find(|(m, _)| is_quarter(m) && same(m));
    let later = || matches[index + 1..].iter().zip(&values[index + 1..]).find(|(m, _)| is_quarter(m) && same(m));
    let before = || matches[..index].iter().zip(&values[..index]).rev().find(|(m, _)| is_quarter(m));
    let quarter = before_same.or_else(later).or_else(before)?;
    let (quarter_year, q) = quarter.1.as_str()?.split_once("-Q")?;
    let quarter_year: i32 = quarter_year.parse().ok()?;
    let year = match year {
        YearRef::Year(y) => y,
        YearRef::Offset(k) => quarter_year + k,
        YearRef::Latest => quarter_year,
    };
    Some(Value::String(format!("{year:04}-Q{q}")))
}

/// A month named again without its year is the month named before: "expected to join in
/// April … the summit in April" are both next April. A bare month takes the year of the latest
/// earlier date in that month.
fn same_month_as_before(matches: &[Match], values: &mut [Value]) {
    let mut latest: HashMap<u32, String> = HashMap::default();
    for (m, value) in matches.iter().zip(values.iter_mut()) {
        let Some(text) = value.as_str() else { continue };
        let month = text.get(5..7).filter(|_| text.len() >= 7 && text.as_bytes()[4] == b'-').and_then(|m| m.parse::<u32>().ok());
        let (Some(month), Some(year)) = (month, text.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))) else { continue };
        match m.meaning {
            Meaning::BareMonth(_) | Meaning::MonthDay(..) => {
                if let Some(earlier) = latest.get(&month).filter(|earlier| earlier.as_str() != year) {
                    *value = Value::String(format!("{earlier}{}", &text[4..]));
                }
            }
            _ => {
                latest.insert(month, year.to_string());
            }
        }
    }
}

/// "that year", "the following year": from the year of the latest date named with its year.
fn that_year(matches: &[Match], values: &mut [Value]) {
    let mut latest = None;
    for (m, value) in matches.iter().zip(values.iter_mut()) {
        match m.meaning {
            Meaning::ThatYear(k) => {
                if let Some(year) = latest {
                    *value = Value::String(format!("{:04}", year + k));
                }
            }
            Meaning::Point(DateValue { year: Some(year), .. }) | Meaning::Range(DateValue { year: Some(year), .. }, _) => latest = Some(year),
            Meaning::Quarter(Some(year), _) | Meaning::Half(Some(year), _) => latest = Some(year),
            _ => {}
        }
    }
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
    for m in matches.iter_mut() {
        let ahead = match m.meaning {
            Meaning::BareMonth(month) => Some((month, None)),
            Meaning::MonthDay(month, day) => Some((month, Some(day))),
            _ => None,
        };
        if let Some((month, day)) = ahead.filter(|_| future_clause(ctx, m.first, m.last)) {
            m.meaning = Meaning::AheadMonth(month, day);
        }
    }
    let reference = reference_date(ctx, &matches);
    let mut values: Vec<Value> = matches.iter().map(|m| resolve(&m.meaning, reference)).collect();
    same_month_as_before(&matches, &mut values);
    that_year(&matches, &mut values);
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
        assert_eq!(got, pairs(&[("Friday, Sept. 4, 1998", "1998-09-04"), ("Q2 2020", "2020-Q2")]));
        assert_eq!(dates("two years ago, yesterday, the 1990s", Some("2000-03-01")), pairs(&[("two years ago", "1998"), ("yesterday", "2000-02-29"), ("1990s", "199X")]));
    }

    #[test]
    fn holidays_spoken_years_halves_and_decades() {
        assert_eq!(dates("Stores closed on Thanksgiving Day and last Christmas.", Some("1999-11-20")),
            pairs(&[("Thanksgiving Day", "1999-11-25"), ("last Christmas", "1998-12-25")]));
        assert_eq!(dates("Les cloches de Pâques ont sonné.", Some("2024-04-10")), pairs(&[("Pâques", "2024-03-31")]));
        assert_eq!(dates("In nineteen ninety-six, and in January nineteen ninety-seven, two thousand people came.", Some("1998-03-01")),
            pairs(&[("nineteen ninety-six", "1996"), ("January nineteen ninety-seven", "1997-01")]));
        assert_eq!(dates("Sales in the first half of 1990 rose; le premier semestre fut bon.", Some("2020-09-01")),
            pairs(&[("first half of 1990", "1990-H1"), ("premier semestre", "2020-H1")]));
        assert_eq!(dates("In the early 1980s, the 1990s and les années 80, by mid-November.", Some("1989-12-01")),
            pairs(&[("early 1980s", "198"), ("1990s", "199X"), ("années 80", "198X"), ("mid-November", "1989-11")]));
    }

    #[test]
    fn ago_and_leaning_weekdays_and_months() {
        assert_eq!(dates("He left six weeks ago; il y a trois jours; several years ago.", Some("1998-03-01")),
            pairs(&[("six weeks ago", "1998-W03"), ("il y a trois jours", "1998-02-26"), ("several years ago", "PAST_REF")]));
        assert_eq!(dates("It fell last Monday and rises next Tuesday; mardi dernier.", Some("1989-10-30")),
            pairs(&[("last Monday", "1989-10-23"), ("next Tuesday", "1989-10-31"), ("mardi dernier", "1989-10-24")]));
        assert_eq!(dates("In July last year and last December; juillet dernier et mars prochain.", Some("1998-02-19")),
            pairs(&[("July last year", "1997-07"), ("last December", "1997-12"), ("juillet dernier", "1997-07"), ("mars prochain", "1998-03")]));
    }

    #[test]
    fn months_follow_the_future_and_earlier_mentions() {
        assert_eq!(dates("The three are expected to join in April. They will plan the summit. The summit is in April.", Some("1998-12-05")),
            pairs(&[("April", "1999-04"), ("April", "1999-04")]));
        // The year of another date in the sentence does not date "Sept. 29".
        assert_eq!(dates("Under a program approved in 1987, it bought shares through Sept. 29.", Some("1989-10-30")),
            pairs(&[("1987", "1987"), ("Sept. 29", "1989-09-29")]));
        assert_eq!(dates("He moved in 1996. Later that year he left.", Some("1999-01-01")), pairs(&[("1996", "1996"), ("that year", "1996")]));
    }

    #[test]
    fn quarters_compared_a_year_back() {
        let got = dates("Third-quarter profit rose from the year-ago quarter, and from $1 in the year-earlier third quarter.", Some("1989-10-27"));
        assert_eq!(got, pairs(&[("Third-quarter", "1989-Q3"), ("year-ago quarter", "1988-Q3"), ("year-earlier third quarter", "1988-Q3")]));
        assert_eq!(dates("Sales should rise in next year's first quarter.", Some("1989-10-27")), pairs(&[("next year's first quarter", "1990-Q1")]));
    }

    #[test]
    fn seasons_and_their_traps() {
        assert_eq!(dates("The fall in prices was sharp last fall, unlike the summer of 1996.", Some("1998-03-01")),
            pairs(&[("last fall", "1997-FA"), ("the summer of 1996", "1996-SU")]));
        assert_eq!(dates("Il a été élu pendant l'été 2020, puis en hiver.", Some("2021-03-01")), pairs(&[("été 2020", "2020-SU"), ("hiver", "2020-WI")]));
        assert_eq!(dates("During the summer, it rained.", Some("1998-03-01")), pairs(&[("the summer", "1997-SU")]));
    }

    #[test]
    fn weekdays_with_their_date_ages_and_clock_hours() {
        assert_eq!(dates("Le Sénat a adopté ce jeudi 12 juillet le projet.", Some("2012-07-12")), pairs(&[("jeudi 12 juillet", "2012-07-12")]));
        assert_eq!(dates("Trois femmes âgées de 18 à 25 ans sont mortes ; la séance ouvre à 19 heures pour 3 heures.", Some("2012-11-01")), pairs(&[("3 heures", "PT3H")]));
    }

    #[test]
    fn dates_in_digits() {
        assert_eq!(dates("MOSCOW 1996-08-30 Yeltsin", None), pairs(&[("1996-08-30", "1996-08-30")]));
        assert_eq!(dates("Le 30/08/1996, puis le 05.07.2012.", Some("2012-07-05")), pairs(&[("30/08/1996", "1996-08-30"), ("05.07.2012", "2012-07-05")]));
        assert_eq!(dates("On 08/30/1996 and 31/12/1999.", Some("2000-01-01")), pairs(&[("08/30/1996", "1996-08-30"), ("31/12/1999", "1999-12-31")]));
    }

    #[test]
    fn french_weekends_day_offsets_ahead_and_paired_days() {
        let got = dates("Le week-end dernier, avant-hier, et dans deux semaines. Les 16 et 17 juin.", Some("2012-07-10"));
        assert_eq!(got, pairs(&[
            ("Le week-end dernier", "2012-W27-WE"), ("avant-hier", "2012-07-08"), ("dans deux semaines", "2012-W30"), ("16 et 17 juin", "2012-06-16/2012-06-17"),
        ]));
    }

    #[test]
    fn centuries() {
        assert_eq!(dates("Une porte du XVe siècle, le 19e siècle and the 20th century.", None),
            pairs(&[("XVe siècle", "14XX"), ("19e siècle", "18XX"), ("20th century", "19XX")]));
    }
}
