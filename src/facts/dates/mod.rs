//! Dates (points, ranges, quarters, weekdays, relative expressions) and durations, with TIMEX3
//! values resolved against the document date. Without one, the reference is the latest
//! day-precise date the article itself gives (news report events near their publication);
//! failing that, unknown parts stay unknown ("--11"), never invented.

use super::attrs::{Attrs, DurationAttrs};
use super::{Context, Fact, FactKind};
use crate::lexicons::{MONTHS, NUMBER_WORDS};
use crate::tokenize::TokenKind;
use serde_json::Value;

mod anchors;
mod calendar;
mod matchers;
mod phrases;
mod resolve;
mod words;

use anchors::*;
use matchers::*;
use resolve::*;
use words::*;

use calendar::Holiday;
use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
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
    /// A quarter from the reference's: "this quarter" (0), "next quarter" (1), "last quarter" (-1).
    QuarterOffset(i32),
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
        // "February 30", "31 avril", a year before year 1: words that look like a date and
        // name no day of the calendar are no date fact.
        if !on_the_calendar(&value) {
            continue;
        }
        let mut fact = Fact::new(kind, ctx.start(first), ctx.end(last), value, m.rule);
        if let Meaning::Duration(_) = &m.meaning {
            fact = fact.with(Attrs::Duration(DurationAttrs { unit: ctx.word(m.last).to_string() }));
        }
        facts.push(fact);
    }
}

/// Whether every TIMEX value in `value` names a real calendar year, month and day (the parts
/// it has): "2021-02-30" and "-001-12" do not; "2021-W05", "198" and "PAST_REF" have no day to
/// check and pass.
fn on_the_calendar(value: &Value) -> bool {
    match value {
        Value::String(timex) => timex_on_the_calendar(timex),
        Value::Object(fields) => fields.values().all(on_the_calendar),
        Value::Array(items) => items.iter().all(on_the_calendar),
        _ => true,
    }
}

fn timex_on_the_calendar(timex: &str) -> bool {
    let date = timex.split('T').next().unwrap_or("");
    let number = |part: &str| (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<u32>().ok()).flatten();
    if let Some(month_day) = date.strip_prefix("--") {
        // No year: the day must exist in some year (a leap one).
        let mut parts = month_day.split('-');
        return match (parts.next().and_then(number), parts.next().map(number)) {
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(Some(d))) => NaiveDate::from_ymd_opt(2000, m, d).is_some(),
            _ => true,
        };
    }
    if date.starts_with('-') {
        return false;
    }
    let mut parts = date.split('-');
    let Some(year) = parts.next().filter(|y| y.len() == 4).and_then(number) else { return true };
    match (parts.next().map(number), parts.next().map(number)) {
        (Some(Some(m)), Some(Some(d))) => year >= 1 && NaiveDate::from_ymd_opt(year as i32, m, d).is_some(),
        (Some(Some(m)), None) => year >= 1 && (1..=12).contains(&m),
        _ => year >= 1,
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

    #[test]
    fn days_off_the_calendar_are_no_dates() {
        let got = dates("The deadline moved from February 30, 2021 to April 31, 2021, then to March 3, 2021.", None);
        assert_eq!(got, pairs(&[("March 3, 2021", "2021-03-03")]));
        assert!(!timex_on_the_calendar("-001-12"));
        assert!(!timex_on_the_calendar("0000"));
        assert!(timex_on_the_calendar("2020-02-29T09:00"));
        assert!(!timex_on_the_calendar("2021-02-29"));
        assert!(timex_on_the_calendar("--02-29"));
        assert!(timex_on_the_calendar("2021-W05") && timex_on_the_calendar("198") && timex_on_the_calendar("PAST_REF"));
    }

    #[test]
    fn counts_too_large_to_scale_are_no_durations() {
        let got = dates("It lasted 999999999 decades, then 3 decades.", None);
        assert_eq!(got, pairs(&[("3 decades", "P30Y")]));
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
        assert_eq!(got, pairs(&[("5 au 7 septembre", "2017-09-05/2017-09-07"), ("avril", "2017-04"), ("avril 2016", "2016-04"), ("cette année", "2017"),]));
        assert_eq!(dates("In November he spoke; in 2021 he will act.", None), pairs(&[("November", "--11"), ("2021", "2021")]));
    }

    #[test]
    fn english_forms_weekdays_and_traps() {
        let got = dates("On Friday, Sept. 4, 1998 and in Q2 2020 prices may march on; Covid-19 and 5G and MWC 2019.", Some("1998-08-12"));
        assert_eq!(got, pairs(&[("Friday, Sept. 4, 1998", "1998-09-04"), ("Q2 2020", "2020-Q2")]));
        assert_eq!(
            dates("two years ago, yesterday, the 1990s", Some("2000-03-01")),
            pairs(&[("two years ago", "1998"), ("yesterday", "2000-02-29"), ("1990s", "199X")])
        );
    }

    #[test]
    fn holidays_spoken_years_halves_and_decades() {
        assert_eq!(
            dates("Stores closed on Thanksgiving Day and last Christmas.", Some("1999-11-20")),
            pairs(&[("Thanksgiving Day", "1999-11-25"), ("last Christmas", "1998-12-25")])
        );
        assert_eq!(dates("Les cloches de Pâques ont sonné.", Some("2024-04-10")), pairs(&[("Pâques", "2024-03-31")]));
        assert_eq!(
            dates("In nineteen ninety-six, and in January nineteen ninety-seven, two thousand people came.", Some("1998-03-01")),
            pairs(&[("nineteen ninety-six", "1996"), ("January nineteen ninety-seven", "1997-01")])
        );
        assert_eq!(
            dates("Sales in the first half of 1990 rose; le premier semestre fut bon.", Some("2020-09-01")),
            pairs(&[("first half of 1990", "1990-H1"), ("premier semestre", "2020-H1")])
        );
        assert_eq!(
            dates("In the early 1980s, the 1990s and les années 80, by mid-November.", Some("1989-12-01")),
            pairs(&[("early 1980s", "198"), ("1990s", "199X"), ("années 80", "198X"), ("mid-November", "1989-11")])
        );
    }

    #[test]
    fn ago_and_leaning_weekdays_and_months() {
        assert_eq!(
            dates("The bakery closed seven weeks ago; elle a rouvert il y a quatre jours; the choir started several decades ago.", Some("1998-03-01")),
            pairs(&[("seven weeks ago", "1998-W02"), ("il y a quatre jours", "1998-02-25"), ("several decades ago", "PAST_REF")])
        );
        assert_eq!(
            dates("It fell last Monday and rises next Tuesday; mardi dernier.", Some("1989-10-30")),
            pairs(&[("last Monday", "1989-10-23"), ("next Tuesday", "1989-10-31"), ("mardi dernier", "1989-10-24")])
        );
        assert_eq!(
            dates("In July last year and last December; juillet dernier et mars prochain.", Some("1998-02-19")),
            pairs(&[("July last year", "1997-07"), ("last December", "1997-12"), ("juillet dernier", "1997-07"), ("mars prochain", "1998-03")])
        );
    }

    #[test]
    fn months_follow_the_future_and_earlier_mentions() {
        assert_eq!(
            dates("Both clubs are expected to merge in April. They will sign the papers. The vote is in April.", Some("1998-12-05")),
            pairs(&[("April", "1999-04"), ("April", "1999-04")])
        );
        // The year of another date in the sentence does not date "Sept. 29".
        assert_eq!(
            dates("Under a program approved in 1987, it bought shares through Sept. 29.", Some("1989-10-30")),
            pairs(&[("1987", "1987"), ("Sept. 29", "1989-09-29")])
        );
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
        assert_eq!(
            dates("The fall in prices was sharp last fall, unlike the summer of 1996.", Some("1998-03-01")),
            pairs(&[("last fall", "1997-FA"), ("the summer of 1996", "1996-SU")])
        );
        assert_eq!(dates("Il a été élu pendant l'été 2020, puis en hiver.", Some("2021-03-01")), pairs(&[("été 2020", "2020-SU"), ("hiver", "2020-WI")]));
        assert_eq!(dates("During the summer, it rained.", Some("1998-03-01")), pairs(&[("the summer", "1997-SU")]));
    }

    #[test]
    fn weekdays_with_their_date_ages_and_clock_hours() {
        assert_eq!(dates("Le Sénat a adopté ce jeudi 12 juillet le projet.", Some("2012-07-12")), pairs(&[("jeudi 12 juillet", "2012-07-12")]));
        assert_eq!(
            dates("Trois femmes âgées de 18 à 25 ans sont mortes ; la séance ouvre à 19 heures pour 3 heures.", Some("2012-11-01")),
            pairs(&[("3 heures", "PT3H")])
        );
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
        assert_eq!(
            got,
            pairs(&[
                ("Le week-end dernier", "2012-W27-WE"),
                ("avant-hier", "2012-07-08"),
                ("dans deux semaines", "2012-W30"),
                ("16 et 17 juin", "2012-06-16/2012-06-17"),
            ])
        );
    }

    #[test]
    fn centuries() {
        assert_eq!(
            dates("Une porte du XVe siècle, le 19e siècle and the 20th century.", None),
            pairs(&[("XVe siècle", "14XX"), ("19e siècle", "18XX"), ("20th century", "19XX")])
        );
    }

    #[test]
    fn quarters_from_the_reference() {
        assert_eq!(
            dates("Sales in the current quarter, next quarter and last quarter; ce trimestre.", Some("1989-10-26")),
            pairs(&[("the current quarter", "1989-Q4"), ("next quarter", "1990-Q1"), ("last quarter", "1989-Q3"), ("ce trimestre", "1989-Q4")])
        );
    }

    #[test]
    fn french_recent_spans_and_spring() {
        assert_eq!(
            dates("Au printemps, au cours des dix dernières années et dans les prochains jours.", Some("2012-07-10")),
            pairs(&[("printemps", "2012-SP"), ("des dix dernières années", "P10Y"), ("les prochains jours", "FUTURE_REF")])
        );
    }
}
