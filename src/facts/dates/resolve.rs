//! From what an expression means to its TIMEX3 value, given the reference date.

use super::*;

/// The year of a month written without one: news report the past, so a month more than two
/// months after the reference month is last year's; only a month far behind it (January in a
/// November article) may be next year's.
pub(super) fn nearest_year(year: i32, reference_month: u32, month: u32) -> i32 {
    let diff = month as i32 - reference_month as i32;
    if diff > 2 {
        year - 1
    } else if diff < -9 {
        year + 1
    } else {
        year
    }
}

/// The TIMEX3 value of what an expression means, given the reference date; null when the value
/// needs a part of the reference that is unknown ("yesterday" in an undated article).
pub(super) fn resolve(meaning: &Meaning, reference: ReferenceDate) -> Value {
    timex(meaning, reference).map_or(Value::Null, Value::String)
}

/// The TIMEX3 value of `meaning`, `None` when the reference lacks what it needs.
fn timex(meaning: &Meaning, reference: ReferenceDate) -> Option<String> {
    let day = reference.day();
    Some(match meaning {
        Meaning::Point(v) => v.timex(),
        Meaning::Range(a, b) => range_of_days(a, b, reference),
        Meaning::Quarter(year, q) => format!("{}-Q{q}", year_text(year.or(reference.year))),
        Meaning::QuarterOf(year, q) => format!("{}-Q{q}", year_text(year.resolve(reference, 1))),
        Meaning::SameQuarter(year) => year_text(year.resolve(reference, 1)),
        Meaning::Half(year, h) => format!("{}-H{h}", year_text(year.or(reference.year))),
        Meaning::BareMonth(m) => nearest_month(*m, None, reference),
        Meaning::MonthDay(m, d) => nearest_month(*m, Some(*d), reference),
        Meaning::AheadMonth(m, d) => month_ahead(*m, *d, reference),
        Meaning::MonthOf(year, m) => DateValue { year: year.resolve(reference, 1), month: Some(*m), day: None }.timex(),
        Meaning::MonthLean(m, lean) => leaning_month(*m, *lean, reference),
        Meaning::MonthThisYear(m) => DateValue { year: reference.year, month: Some(*m), day: None }.timex(),
        Meaning::QuarterOffset(k) => quarter_offset(*k, reference)?,
        Meaning::PreviousQuarter => previous_quarter(reference)?,
        Meaning::Weekend => weekend(day?)?,
        Meaning::Season(code, year) => format!("{}-{code}", year_text(year.resolve(reference, season_start(code)))),
        Meaning::DayPart(k, part) => format!("{}T{part}", calendar::day_value(calendar::shift(day?, *k)?)),
        Meaning::WeekOffset(k) => week_offset(*k, reference)?,
        Meaning::Weekday(w, lean) => calendar::day_value(leaning_weekday(day?, *w, *lean)?),
        Meaning::Holiday(holiday, lean) => holiday_day(*holiday, *lean, reference)?,
        Meaning::YearOffset(k) | Meaning::ThatYear(k) => format!("{:04}", reference.year? + k),
        Meaning::MonthOffset(k) => month_offset(*k, reference)?,
        Meaning::DayOffset(k) => calendar::day_value(calendar::shift(day?, *k)?),
        // TempEval-3 writes "the 1990s" 199X and "the early 1990s" 199.
        Meaning::Decade(prefix, true) => format!("{prefix:03}X"),
        Meaning::Decade(prefix, false) => format!("{prefix:03}"),
        Meaning::Century(prefix) => format!("{prefix:02}XX"),
        Meaning::Fixed(value) => value.to_string(),
        Meaning::Duration(value) => value.clone(),
    })
}

/// "les 16 et 17 juin": a range of days; without a year, the year that puts it nearest the
/// reference.
fn range_of_days(a: &DateValue, b: &DateValue, reference: ReferenceDate) -> String {
    let year = |v: &DateValue| match (v.year, v.month, reference.year, reference.month) {
        (None, Some(m), Some(y), Some(rm)) => DateValue { year: Some(nearest_year(y, rm, m)), ..*v },
        _ => *v,
    };
    format!("{}/{}", year(a).timex(), year(b).timex())
}

/// "in November", "on March 3": a month (and day) without a year, in the year that puts it
/// nearest the reference (news report the past); without a reference month, no year.
fn nearest_month(m: u32, day: Option<u32>, reference: ReferenceDate) -> String {
    let year = match (reference.year, reference.month) {
        (Some(y), Some(rm)) => Some(nearest_year(y, rm, m)),
        _ => None,
    };
    DateValue { year, month: Some(m), day }.timex()
}

/// "will be held in February": a month in a clause about the future, the first such month from
/// the reference's on.
fn month_ahead(m: u32, day: Option<u32>, reference: ReferenceDate) -> String {
    let year = match (reference.year, reference.month) {
        (Some(y), Some(rm)) => Some(if m < rm { y + 1 } else { y }),
        _ => None,
    };
    DateValue { year, month: Some(m), day }.timex()
}

/// "last December", "mars prochain": the month strictly before or after the reference month.
fn leaning_month(m: u32, lean: Lean, reference: ReferenceDate) -> String {
    let year = match (reference.year, reference.month) {
        (Some(y), Some(rm)) => Some(match lean {
            Lean::Before if m < rm => y,
            Lean::Before => y - 1,
            Lean::After if m > rm => y,
            Lean::After => y + 1,
            Lean::Nearest => nearest_year(y, rm, m),
        }),
        _ => None,
    };
    DateValue { year, month: Some(m), day: None }.timex()
}

/// "this quarter" (0), "next quarter" (1), "last quarter" (-1): counted from the reference's.
fn quarter_offset(k: i32, reference: ReferenceDate) -> Option<String> {
    let (y, m) = (reference.year?, reference.month?);
    let index = y * 4 + (m as i32 - 1) / 3 + k;
    Some(format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1))
}

/// "the quarter" of an earnings report: the last one over by the reference date.
fn previous_quarter(reference: ReferenceDate) -> Option<String> {
    let (y, m) = (reference.year?, reference.month?);
    let q = (m as i32 - 1) / 3; // 0-based quarter of the reference
    let (y, q) = if q == 0 { (y - 1, 4) } else { (y, q) };
    Some(format!("{y:04}-Q{q}"))
}

/// "the weekend", "le week-end dernier": the latest weekend begun by the reference day, as the
/// ISO week of its Saturday.
fn weekend(day: NaiveDate) -> Option<String> {
    let back = (calendar::weekday_number(day) + 1) % 7;
    let saturday = calendar::shift(day, -(back as i64))?;
    Some(format!("{}-WE", calendar::week_value(saturday)))
}

/// "last week" (-1), "dans deux semaines" (2): the ISO week that many weeks from the
/// reference's; with only a year, a week of that year ("1998-WXX").
fn week_offset(k: i64, reference: ReferenceDate) -> Option<String> {
    match (reference.day(), reference.year) {
        (Some(d), _) => Some(calendar::week_value(calendar::shift(d, 7 * k)?)),
        (None, Some(y)) => Some(format!("{y:04}-WXX")),
        _ => None,
    }
}

/// "Friday" (the latest Friday not after the reference), "last Monday" (strictly before),
/// "next Tuesday" (strictly after): the day weekday `w` names.
fn leaning_weekday(day: NaiveDate, w: u32, lean: Lean) -> Option<NaiveDate> {
    let today = calendar::weekday_number(day);
    let shift = match lean {
        Lean::Nearest => -(((today + 7 - w) % 7) as i64),
        Lean::Before => -((((today + 6 - w) % 7) + 1) as i64),
        Lean::After => (((w + 6 - today) % 7) + 1) as i64,
    };
    calendar::shift(day, shift)
}

/// "last month" (-1), "il y a trois mois" (-3): the month that many months from the reference's.
fn month_offset(k: i32, reference: ReferenceDate) -> Option<String> {
    let (y, m) = (reference.year?, reference.month?);
    let index = y * 12 + m as i32 - 1 + k;
    Some(format!("{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1))
}

pub(super) fn year_text(year: Option<i32>) -> String {
    year.map_or("XXXX".to_string(), |y| format!("{y:04}"))
}

/// The month a season begins in, for "the latest summer begun by the reference".
pub(super) fn season_start(code: &str) -> u32 {
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
pub(super) fn holiday_day(holiday: calendar::Holiday, lean: Lean, reference: ReferenceDate) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn on(iso: &str) -> ReferenceDate {
        ReferenceDate::parse(iso)
    }

    fn day(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn values_or_null_when_the_reference_lacks_a_part() {
        // "Le ministre a démissionné hier", in an article of 10 April 2024, then in an undated one.
        assert_eq!(resolve(&Meaning::DayOffset(-1), on("2024-04-10")), Value::String("2024-04-09".into()));
        assert_eq!(resolve(&Meaning::DayOffset(-1), ReferenceDate::default()), Value::Null);
        // "the summer": the latest one begun by 1 March 1998.
        assert_eq!(timex(&Meaning::Season("SU", YearRef::Latest), on("1998-03-01")).as_deref(), Some("1997-SU"));
    }

    #[test]
    fn days_of_one_month_without_a_year() {
        // "Les soldes ont lieu les 16 et 17 janvier", written in December 2023.
        let a = DateValue { year: None, month: Some(1), day: Some(16) };
        let b = DateValue { day: Some(17), ..a };
        assert_eq!(range_of_days(&a, &b, on("2023-12-05")), "2024-01-16/2024-01-17");
        assert_eq!(range_of_days(&a, &b, ReferenceDate::default()), "--01-16/--01-17");
    }

    #[test]
    fn months_without_a_year_lean_to_the_past() {
        // "Prices rose in November", written in March 2024: last November.
        assert_eq!(nearest_month(11, None, on("2024-03-02")), "2023-11");
        // "The talks opened on January 8", written in January 2024.
        assert_eq!(nearest_month(1, Some(8), on("2024-01-20")), "2024-01-08");
        assert_eq!(nearest_month(11, None, ReferenceDate::default()), "--11");
    }

    #[test]
    fn months_of_a_future_clause_lie_ahead() {
        // "The summit will be held in February", written in October 2024.
        assert_eq!(month_ahead(2, None, on("2024-10-15")), "2025-02");
        assert_eq!(month_ahead(11, Some(3), on("2024-10-15")), "2024-11-03");
    }

    #[test]
    fn months_strictly_before_or_after() {
        // "last December" and "mars prochain", written in February 1998.
        assert_eq!(leaning_month(12, Lean::Before, on("1998-02-19")), "1997-12");
        assert_eq!(leaning_month(3, Lean::After, on("1998-02-19")), "1998-03");
        assert_eq!(leaning_month(2, Lean::After, on("1998-02-19")), "1999-02");
    }

    #[test]
    fn quarters_from_the_reference() {
        // "next quarter" and "last quarter", written on 20 November 2024.
        assert_eq!(quarter_offset(1, on("2024-11-20")).as_deref(), Some("2025-Q1"));
        assert_eq!(quarter_offset(-1, on("2024-11-20")).as_deref(), Some("2024-Q3"));
        assert_eq!(quarter_offset(0, on("2024")), None);
    }

    #[test]
    fn the_quarter_of_an_earnings_report_is_the_last_one_over() {
        assert_eq!(previous_quarter(on("2024-02-10")).as_deref(), Some("2023-Q4"));
        assert_eq!(previous_quarter(on("2024-08-10")).as_deref(), Some("2024-Q2"));
    }

    #[test]
    fn the_latest_weekend_begun() {
        // "Le week-end dernier", written on Tuesday 9 July 2024: the weekend of 6-7 July.
        assert_eq!(weekend(day("2024-07-09")).as_deref(), Some("2024-W27-WE"));
        // Written on the Saturday itself.
        assert_eq!(weekend(day("2024-07-06")).as_deref(), Some("2024-W27-WE"));
    }

    #[test]
    fn weeks_from_the_reference() {
        // "dans deux semaines", written on 10 July 2024 (week 28).
        assert_eq!(week_offset(2, on("2024-07-10")).as_deref(), Some("2024-W30"));
        assert_eq!(week_offset(-1, on("2024")).as_deref(), Some("2024-WXX"));
        assert_eq!(week_offset(-1, ReferenceDate::default()), None);
    }

    #[test]
    fn weekdays_nearest_before_and_after() {
        // Written on Wednesday 10 July 2024: "Friday" is 5 July, "last Wednesday" 3 July, "next Wednesday" 17 July.
        let wednesday = day("2024-07-10");
        assert_eq!(leaning_weekday(wednesday, 5, Lean::Nearest), Some(day("2024-07-05")));
        assert_eq!(leaning_weekday(wednesday, 3, Lean::Nearest), Some(wednesday));
        assert_eq!(leaning_weekday(wednesday, 3, Lean::Before), Some(day("2024-07-03")));
        assert_eq!(leaning_weekday(wednesday, 3, Lean::After), Some(day("2024-07-17")));
    }

    #[test]
    fn months_from_the_reference() {
        // "il y a trois mois", written in February 2024.
        assert_eq!(month_offset(-3, on("2024-02-12")).as_deref(), Some("2023-11"));
        assert_eq!(month_offset(1, on("2024-12-01")).as_deref(), Some("2025-01"));
        assert_eq!(month_offset(1, on("2024")), None);
    }
}
