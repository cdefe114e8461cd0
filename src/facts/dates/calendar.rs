//! Calendar questions the resolver asks, answered with chrono: days around a reference day, ISO
//! weeks, and the holidays news dates things by (fixed ones, Easter and the ones counted in
//! weekdays, like Thanksgiving).

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// TIMEX3 day value: "1998-08-07".
pub fn day_value(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// TIMEX3 week value: "1998-W32".
pub fn week_value(day: NaiveDate) -> String {
    let week = day.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

pub fn shift(day: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        day.checked_add_days(Days::new(days as u64))
    } else {
        day.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// Monday = 1 … Sunday = 7, as the WEEKDAYS lexicon numbers them.
pub fn weekday_number(day: NaiveDate) -> u32 {
    day.weekday().number_from_monday()
}

/// Western Easter Sunday (the Meeus/Jones/Butcher computus: chrono has no Easter).
fn easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// When a holiday falls in a given year.
#[derive(Clone, Copy, Debug)]
pub enum Holiday {
    Fixed(u32, u32),
    /// Days from Easter Sunday: Good Friday is -2, Ascension 39.
    Easter(i64),
    /// The n-th weekday of a month: Thanksgiving is the 4th Thursday of November.
    NthWeekday(u32, Weekday, u8),
    /// The last weekday of a month: Memorial Day is the last Monday of May.
    LastWeekday(u32, Weekday),
}

impl Holiday {
    pub fn month(self) -> u32 {
        match self {
            Holiday::Fixed(m, _) | Holiday::NthWeekday(m, _, _) | Holiday::LastWeekday(m, _) => m,
            Holiday::Easter(offset) => {
                if offset > 40 {
                    5
                } else {
                    4
                }
            }
        }
    }

    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            Holiday::Easter(offset) => shift(easter(year)?, offset),
            Holiday::NthWeekday(m, weekday, n) => NaiveDate::from_weekday_of_month_opt(year, m, weekday, n),
            Holiday::LastWeekday(m, weekday) => {
                let next = if m == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, m + 1, 1) }?;
                let last = next.pred_opt()?;
                let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
                shift(last, -(back as i64))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_fall_where_calendars_put_them() {
        let day = |h: Holiday, y| h.in_year(y).map(day_value);
        assert_eq!(day(Holiday::Easter(0), 2024).as_deref(), Some("2024-03-31"));
        assert_eq!(day(Holiday::Easter(0), 1998).as_deref(), Some("1998-04-12"));
        assert_eq!(day(Holiday::NthWeekday(11, Weekday::Thu, 4), 1999).as_deref(), Some("1999-11-25"));
        assert_eq!(day(Holiday::LastWeekday(5, Weekday::Mon), 2021).as_deref(), Some("2021-05-31"));
        assert_eq!(week_value(NaiveDate::from_ymd_opt(2021, 1, 3).unwrap()), "2020-W53");
    }
}
