//! The date phrases past the everyday ones of `mod.rs`: holidays, years said aloud, halves,
//! "mid-November" and "the early 1980s", "six weeks ago", and the quarters earnings reports
//! compare with ("the year-ago quarter").

use super::super::Context;
use super::calendar::Holiday;
use super::{count_span, count_word, month_at, unit_at, year_at, DateValue, Lean, Match, Meaning, YearRef};
use super::{CENTURY_SUFFIXES, CENTURY_WORDS, DATE_MODIFIERS, DECADE_WORDS, ORDINALS};
use crate::lang::Lang;
use crate::lexicons::{MONTHS, NUMBER_WORDS};
use crate::tokenize::TokenKind;
use chrono::Weekday;

/// Holidays by their words; English ones must be capitalised ("christmas trees" is not a date).
/// Kept in Rust, not in a data file: each maps to a `Holiday` rule (a fixed day, days from
/// Easter, the n-th or last weekday of a month), which a file could only write in a mini-language.
pub(super) const HOLIDAYS: &[(&[&str], Holiday)] = &[
    (&["thanksgiving", "day"], Holiday::NthWeekday(11, Weekday::Thu, 4)),
    (&["thanksgiving"], Holiday::NthWeekday(11, Weekday::Thu, 4)),
    (&["christmas", "eve"], Holiday::Fixed(12, 24)),
    (&["christmas", "day"], Holiday::Fixed(12, 25)),
    (&["christmas"], Holiday::Fixed(12, 25)),
    (&["new", "year", "'s", "eve"], Holiday::Fixed(12, 31)),
    (&["new", "year", "'s", "day"], Holiday::Fixed(1, 1)),
    (&["independence", "day"], Holiday::Fixed(7, 4)),
    (&["labor", "day"], Holiday::NthWeekday(9, Weekday::Mon, 1)),
    (&["memorial", "day"], Holiday::LastWeekday(5, Weekday::Mon)),
    (&["halloween"], Holiday::Fixed(10, 31)),
    (&["good", "friday"], Holiday::Easter(-2)),
    (&["easter", "sunday"], Holiday::Easter(0)),
    (&["easter", "monday"], Holiday::Easter(1)),
    (&["easter"], Holiday::Easter(0)),
    (&["noël"], Holiday::Fixed(12, 25)),
    (&["toussaint"], Holiday::Fixed(11, 1)),
    (&["pâques"], Holiday::Easter(0)),
    (&["pentecôte"], Holiday::Easter(49)),
    (&["saint-sylvestre"], Holiday::Fixed(12, 31)),
    (&["nouvel", "an"], Holiday::Fixed(1, 1)),
    (&["jour", "de", "l'", "an"], Holiday::Fixed(1, 1)),
];

/// "Thanksgiving Day", "last Christmas", "à Pâques".
pub(super) fn holiday(ctx: &Context, i: usize) -> Option<Match> {
    let lean = match ctx.word(i) {
        "last" => Lean::Before,
        "next" => Lean::After,
        _ => Lean::Nearest,
    };
    let start = if lean == Lean::Nearest { i } else { i + 1 };
    if !ctx.capitalised(start) {
        return None;
    }
    let &(words, holiday) = HOLIDAYS.iter().find(|(words, _)| ctx.matches(start, words))?;
    Some(Match { first: i, last: start + words.len() - 1, meaning: Meaning::Holiday(holiday, lean), rule: "date.holiday" })
}

/// Tens and units said as words: "ninety-six", "ninety six", "seventy".
fn tens_words(ctx: &Context, i: usize) -> Option<(u32, usize)> {
    let word = ctx.word(i);
    let (tens, units) = match word.split_once('-') {
        Some((tens, units)) => (*NUMBER_WORDS.get(tens)?, Some(*NUMBER_WORDS.get(units)?)),
        None => (*NUMBER_WORDS.get(word)?, None),
    };
    if !(10..=90).contains(&tens) {
        return None;
    }
    match units {
        Some(u) if tens % 10 == 0 && (1..=9).contains(&u) => Some((tens + u, i)),
        Some(_) => None,
        None if tens % 10 == 0 => match NUMBER_WORDS.get(ctx.word(i + 1)).copied().filter(|u| (1..=9).contains(u)) {
            Some(u) if ctx.same_sentence(i, i + 1) => Some((tens + u, i + 1)),
            _ => Some((tens, i)),
        },
        None => Some((tens, i)),
    }
}

/// A year said aloud, as broadcast transcripts write it: "nineteen ninety-six", "two thousand
/// one" (the latter only after "year", "in" or a month: "two thousand people" is a number).
pub(super) fn spoken_year(ctx: &Context, i: usize) -> Option<(i32, usize)> {
    match ctx.word(i) {
        "nineteen" | "eighteen" => {
            let century = if ctx.word(i) == "nineteen" { 1900 } else { 1800 };
            let (rest, last) = tens_words(ctx, i + 1).filter(|_| ctx.same_sentence(i, i + 1))?;
            Some((century + rest as i32, last))
        }
        "two" if ctx.word(i + 1) == "thousand" && ctx.same_sentence(i, i + 1) => {
            let before = if i > 0 { ctx.word(i - 1) } else { "" };
            if !(matches!(before, "year" | "in" | "since" | "until") || month_at(ctx, i.wrapping_sub(1)).is_some()) {
                return None;
            }
            let and = usize::from(ctx.word(i + 2) == "and");
            match NUMBER_WORDS.get(ctx.word(i + 2 + and)).copied().filter(|n| (1..=19).contains(n)) {
                Some(n) => Some((2000 + n as i32, i + 2 + and)),
                None => Some((2000, i + 1)),
            }
        }
        _ => None,
    }
}

/// "the first half of 1990", "the last half of 1989", "first two quarters of 1990", "le
/// premier semestre 2020". An English half needs its year ("the second half" of a match is
/// not a date); a French "semestre" is always one.
pub(super) fn half(ctx: &Context, i: usize) -> Option<Match> {
    let n = match ctx.word(i) {
        "first" | "premier" | "1er" => 1,
        "second" | "last" | "deuxième" | "dernier" => 2,
        _ => return None,
    };
    let noun_last = match (ctx.word(i + 1), ctx.word(i + 2)) {
        ("half" | "semestre", _) => i + 1,
        ("two", "quarters") => i + 2,
        _ => return None,
    };
    let of = usize::from(matches!(ctx.word(noun_last + 1), "of" | "de" | "du"));
    let year = year_at(ctx, noun_last + 1 + of).filter(|_| ctx.same_sentence(i, noun_last + 1 + of));
    if year.is_none() && ctx.word(noun_last) != "semestre" || !ctx.same_sentence(i, noun_last) {
        return None;
    }
    let last = if year.is_some() { noun_last + 1 + of } else { noun_last };
    Some(Match { first: i, last, meaning: Meaning::Half(year, n), rule: "date.half" })
}

/// A decade written "1980s" or "80s" (after an apostrophe), as its first three digits.
fn decade_digits(ctx: &Context, i: usize) -> Option<i32> {
    let word = ctx.word(i);
    let digits = word.strip_suffix('s')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !digits.ends_with('0') {
        return None;
    }
    match digits.len() {
        4 => digits[..3].parse().ok(),
        2 if i > 0 && ctx.word(i - 1) == "'" => Some(190 + digits[..1].parse::<i32>().ok()?),
        _ => None,
    }
}

/// Decades: "1990s" and "'80s" ("199X"), and the looser "the early 1980s", "the mid-1990s",
/// "the nineties" ("198", as TIMEX3 writes a decade named loosely); "les années 1990" and
/// "les années 80".
pub(super) fn decade(ctx: &Context, i: usize) -> Option<Match> {
    let decade = |first, last, prefix, whole| Match { first, last, meaning: Meaning::Decade(prefix, whole), rule: "date.decade" };
    let word = ctx.word(i);
    if matches!(word, "early" | "late" | "mid") {
        if let Some(prefix) = decade_digits(ctx, i + 1).or_else(|| decade_digits(ctx, i + 2).filter(|_| ctx.word(i + 1) == "'")) {
            let last = if ctx.word(i + 1) == "'" { i + 2 } else { i + 1 };
            return Some(decade(i, last, prefix, false));
        }
    }
    if let Some(prefix) = decade_digits(ctx, i) {
        return Some(decade(i, i, prefix, true));
    }
    if i > 0 && ctx.word(i - 1) == "the" {
        if let Some(&prefix) = DECADE_WORDS.get(word) {
            return Some(decade(i, i, prefix, false));
        }
    }
    if word == "années" {
        let n = ctx.integer(i + 1).filter(|n| n % 10 == 0 && ctx.same_sentence(i, i + 1))?;
        let prefix = match ctx.text_of(i + 1).len() {
            4 if (1800..2100).contains(&n) => n / 10,
            2 => 190 + n / 10,
            _ => return None,
        } as i32;
        return Some(decade(i, i + 1, prefix, true));
    }
    None
}

/// "mid-November", "late-1996", "mi-novembre", "fin-2020", "the mid-1990s": a modified month,
/// year or decade written as one hyphenated word.
pub(super) fn hyphen_modified(ctx: &Context, i: usize) -> Option<Match> {
    let (modifier, rest) = ctx.word(i).split_once('-')?;
    if !DATE_MODIFIERS.contains(modifier) {
        return None;
    }
    let rule = "date.modified";
    if let Some(&month) = MONTHS.get(rest) {
        if rest.len() < 3 {
            return None;
        }
        return Some(match year_at(ctx, i + 1) {
            Some(y) => Match { first: i, last: i + 1, meaning: Meaning::Point(super::DateValue { year: Some(y), month: Some(month as u32), day: None }), rule },
            None => Match { first: i, last: i, meaning: Meaning::BareMonth(month as u32), rule },
        });
    }
    if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
        let year: i32 = rest.parse().ok().filter(|y| (1800..=2100).contains(y))?;
        return Some(Match { first: i, last: i, meaning: Meaning::Point(super::DateValue { year: Some(year), month: None, day: None }), rule });
    }
    let digits = rest.strip_suffix('s').filter(|d| d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()))?;
    Some(Match { first: i, last: i, meaning: Meaning::Decade(digits[..3].parse().ok()?, false), rule: "date.decade" })
}

/// "six weeks ago", "two months ago", "il y a trois jours": a point that far back, at the
/// precision of its unit.
pub(super) fn ago(ctx: &Context, i: usize) -> Option<Match> {
    // "dans deux semaines": as far ahead (French; "in two weeks" is as often a duration).
    let ahead = ctx.word(i) == "dans" && ctx.article.lang == Lang::Fr;
    if !ahead && ctx.word(i) != "il" && ctx.word(i + 2) != "ago" {
        return None;
    }
    let (count_at, french) = if ctx.matches(i, &["il", "y", "a"]) {
        (i + 3, true)
    } else if ahead {
        (i + 1, true)
    } else {
        (i, false)
    };
    // French counts may take several words: "il y a vingt et un ans".
    let count_last = if french { count_span(ctx, count_at).map_or(count_at, |(_, last)| last) } else { count_at };
    let last = if french { count_last + 1 } else { i + 2 };
    let (unit, scale) = unit_at(ctx, count_last + 1)?;
    if !french && ctx.word(i + 2) != "ago" || !ctx.same_sentence(i, last) {
        return None;
    }
    // "several years ago", "il y a quelques mois": some time back.
    if matches!(ctx.word(count_at), "several" | "many" | "some" | "plusieurs" | "quelques") && !ahead {
        return Some(Match { first: i, last, meaning: Meaning::Fixed("PAST_REF"), rule: "date.ago" });
    }
    let n = if french { count_span(ctx, count_at)?.0 } else { count_word(ctx, count_at)? } as i64;
    let back = if ahead { n * scale as i64 } else { -(n * scale as i64) };
    let meaning = match unit {
        "Y" => Meaning::YearOffset(back as i32),
        "M" => Meaning::MonthOffset(back as i32),
        "W" => Meaning::WeekOffset(back),
        "D" => Meaning::DayOffset(back),
        _ => return None,
    };
    Some(Match { first: i, last, meaning, rule: if ahead { "date.ahead" } else { "date.ago" } })
}

fn ordinal(word: &str) -> Option<u32> {
    ORDINALS.get(word).copied()
}

/// A quarter noun after token `i`: "third quarter", "third-quarter", "quarter", "period".
/// Returns the quarter number if one is named, and the last token.
fn quarter_noun(ctx: &Context, i: usize) -> Option<(Option<u32>, usize)> {
    let word = ctx.word(i);
    if let Some((first, "quarter")) = word.split_once('-') {
        return Some((Some(ordinal(first)?), i));
    }
    if let Some(q) = ordinal(word) {
        return (ctx.word(i + 1) == "quarter" && ctx.same_sentence(i, i + 1)).then_some((Some(q), i + 1));
    }
    matches!(word, "quarter" | "period").then_some((None, i))
}

/// The periods earnings reports compare with: "the year-ago quarter", "the year-earlier third
/// quarter", "last year's quarter", "next year's first quarter", "the 1988 period", "the
/// quarter a year ago", "the same period last year". Without an ordinal, the quarter is the
/// one the report is about, found when values are resolved.
pub(super) fn compared_quarter(ctx: &Context, i: usize) -> Option<Match> {
    let rule = "date.compared_quarter";
    let with = |first, last, year: YearRef, q: Option<u32>| {
        let meaning = match q {
            Some(q) => Meaning::QuarterOf(year, q),
            None => Meaning::SameQuarter(year),
        };
        Some(Match { first, last, meaning, rule })
    };
    let word = ctx.word(i);
    if matches!(word, "year-ago" | "year-earlier") {
        let (q, last) = quarter_noun(ctx, i + 1).filter(|&(_, last)| ctx.same_sentence(i, last))?;
        return with(i, last, YearRef::Offset(-1), q);
    }
    if matches!(word, "last" | "next") && ctx.matches(i + 1, &["year", "'s"]) {
        let (q, last) = quarter_noun(ctx, i + 3).filter(|&(_, last)| ctx.same_sentence(i, last))?;
        return with(i, last, YearRef::Offset(if word == "last" { -1 } else { 1 }), q);
    }
    if word == "the" {
        if let Some(year) = year_at(ctx, i + 1) {
            let (q, last) = quarter_noun(ctx, i + 2).filter(|&(q, last)| q.is_none() && ctx.same_sentence(i, last))?;
            return with(i, last, YearRef::Year(year), q);
        }
        // "the quarter a year ago", "the same period last year"
        let noun = i + 1 + usize::from(matches!(ctx.word(i + 1), "same" | "corresponding" | "comparable"));
        let (q, last) = quarter_noun(ctx, noun)?;
        let back = if ctx.matches(last + 1, &["a", "year", "ago"]) || ctx.matches(last + 1, &["a", "year", "earlier"]) {
            last + 3
        } else if ctx.matches(last + 1, &["last", "year"]) {
            last + 2
        } else {
            return None;
        };
        if ctx.same_sentence(i, back) {
            return with(i, back, YearRef::Offset(-1), q);
        }
    }
    None
}

/// Dates written in digits: "1996-08-30" (ISO), "30/08/1996" (day first in French, and
/// whenever the first number cannot be a month), "08/30/1996" (month first in English),
/// "30.08.1996".
pub(super) fn numeric_date(ctx: &Context, i: usize) -> Option<Match> {
    let glued = |a: usize, b: usize| (a..b).all(|k| ctx.end(k) == ctx.start(k + 1));
    let two_digits = |k: usize| ctx.text_of(k).len() <= 2 && ctx.integer(k).is_some();
    let point = |first, last, y: i32, m: u32, d: u32| {
        let valid = (1..=12).contains(&m) && (1..=31).contains(&d);
        valid.then_some(Match { first, last, meaning: Meaning::Point(DateValue { year: Some(y), month: Some(m), day: Some(d) }), rule: "date.numeric" })
    };
    // "1996-08-30"
    if let Some(y) = year_at(ctx, i) {
        if ctx.word(i + 1) == "-" && ctx.word(i + 3) == "-" && two_digits(i + 2) && glued(i, i + 4) {
            let day: String = ctx.text_of(i + 4).chars().take_while(char::is_ascii_digit).collect();
            return point(i, i + 4, y, ctx.integer(i + 2)?, day.parse().ok()?);
        }
        return None;
    }
    // "30.08.1996" as one token
    let text = ctx.text_of(i);
    if ctx.kind(i) == TokenKind::Number && text.matches('.').count() == 2 {
        let parts: Vec<&str> = text.split('.').collect();
        let (d, m, y) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse::<i32>().ok()?);
        return (parts[2].len() == 4 && (1800..=2100).contains(&y)).then(|| point(i, i, y, m, d)).flatten();
    }
    // "30/08/1996", "08/30/1996"
    if two_digits(i) && ctx.word(i + 1) == "/" && two_digits(i + 2) && ctx.word(i + 3) == "/" && glued(i, i + 4) {
        let y = year_at(ctx, i + 4)?;
        let (a, b) = (ctx.integer(i)?, ctx.integer(i + 2)?);
        let day_first = a > 12 || b <= 12 && ctx.article.lang != Lang::En;
        let (d, m) = if day_first { (a, b) } else { (b, a) };
        return point(i, i + 4, y, m, d);
    }
    None
}

/// A century's number written "20th", "19e", "XVe", "XXᵉ" or "nineteenth".
fn century_number(word: &str, text: &str) -> Option<u32> {
    if let Some(&n) = CENTURY_WORDS.get(word) {
        return Some(n);
    }
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic() || c == 'ᵉ');
    let suffix = &word[digits.len()..];
    if !digits.is_empty() && CENTURY_SUFFIXES.contains(suffix) {
        return digits.parse().ok().filter(|n| (1..=21).contains(n));
    }
    // Roman numerals, written in capitals: "XVe", "XXIe".
    let roman = text.trim_end_matches(['e', 'ᵉ']).trim_end_matches("ème");
    if roman.is_empty() || roman.len() == text.len() || !roman.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let value = |c: char| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let chars: Vec<u32> = roman.chars().map(value).collect();
    let total = chars.iter().enumerate().map(|(k, &v)| if chars.get(k + 1).is_some_and(|&next| next > v) { -(v as i32) } else { v as i32 }).sum::<i32>();
    u32::try_from(total).ok().filter(|n| (1..=21).contains(n))
}

/// "the 20th century", "le XVe siècle", "du 19e siècle": the century, as TIMEX3 writes it
/// ("19XX" for the twentieth).
pub(super) fn century(ctx: &Context, i: usize) -> Option<Match> {
    if !matches!(ctx.word(i + 1), "century" | "siècle") || !ctx.same_sentence(i, i + 1) {
        return None;
    }
    let n = century_number(ctx.word(i), ctx.text_of(i))?;
    Some(Match { first: i, last: i + 1, meaning: Meaning::Century(n - 1), rule: "date.century" })
}

/// "les dix dernières années", "au cours des trois derniers mois", "les deux prochaines
/// semaines": a duration reaching back (or ahead) from the reference; without a count ("les
/// prochains jours") the vague future.
pub(super) fn french_recent_span(ctx: &Context, i: usize) -> Option<Match> {
    if !matches!(ctx.word(i), "les" | "des" | "ces") {
        return None;
    }
    let count = count_word(ctx, i + 1);
    let adjective = i + 1 + usize::from(count.is_some());
    if !matches!(ctx.word(adjective), "derniers" | "dernières" | "prochains" | "prochaines") {
        return None;
    }
    let (unit, scale) = unit_at(ctx, adjective + 1)?;
    if !ctx.same_sentence(i, adjective + 1) {
        return None;
    }
    let meaning = match count {
        Some(n) => Meaning::Duration(super::duration_value(Some(n), unit, scale)?),
        None if ctx.word(adjective).starts_with("prochain") => Meaning::Fixed("FUTURE_REF"),
        None => Meaning::Fixed("PAST_REF"),
    };
    Some(Match { first: i, last: adjective + 1, meaning, rule: "date.recent_span" })
}
