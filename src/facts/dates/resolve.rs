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

pub(super) fn resolve(meaning: &Meaning, reference: ReferenceDate) -> Value {
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
                    Lean::Before => {
                        if *m < rm {
                            y
                        } else {
                            y - 1
                        }
                    }
                    Lean::After => {
                        if *m > rm {
                            y
                        } else {
                            y + 1
                        }
                    }
                    Lean::Nearest => nearest_year(y, rm, *m),
                }),
                _ => None,
            };
            DateValue { year, month: Some(*m), day: None }.timex()
        }
        Meaning::MonthThisYear(m) => DateValue { year: reference.year, month: Some(*m), day: None }.timex(),
        Meaning::QuarterOffset(k) => match (reference.year, reference.month) {
            (Some(y), Some(m)) => {
                let index = y * 4 + (m as i32 - 1) / 3 + k;
                format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
            }
            _ => return Value::Null,
        },
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
