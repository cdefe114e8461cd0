//! Finding date expressions token by token: `match_at` tries the phrase rules, then months,
//! days and years, quarters, seasons, relative phrases, weekdays, decades and durations.

use super::*;

/// Month number of token `i`: full names in any case in French, capitalised in English ("may"
/// and "march" are verbs); short forms only when written with their period ("Sept.").
pub(super) fn month_at(ctx: &Context, i: usize) -> Option<u32> {
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
    let full = word.len() > 4 || WHOLE_SHORT_MONTHS.contains(word);
    if !full && kind != TokenKind::Abbreviation && !ctx.integer(i + 1).is_some_and(|d| (1..=31).contains(&d)) {
        return None;
    }
    let english = word.is_ascii() && ENGLISH_MONTHS.contains(word);
    if english && !ctx.capitalised(i) && !matches!(word, "juin") {
        return None;
    }
    if word == "may" && (ctx.sentence_initial(i) || !has_date_neighbour(ctx, i)) {
        return None;
    }
    Some(month)
}

/// Whether "May" at `i` stands by a number or a word that makes it the month ("in May 2020",
/// "by May"): alone, it is as likely the verb.
pub(super) fn has_date_neighbour(ctx: &Context, i: usize) -> bool {
    ctx.integer(i + 1).is_some() || (i > 0 && ctx.integer(i - 1).is_some()) || MONTH_NEIGHBOURS.contains(word_before(ctx, i))
}

/// The word before token `i`, or "" at the start of the text.
pub(super) fn word_before<'c>(ctx: &'c Context, i: usize) -> &'c str {
    if i > 0 {
        ctx.word(i - 1)
    } else {
        ""
    }
}

pub(super) fn day_at(ctx: &Context, i: usize) -> Option<u32> {
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

pub(super) fn year_at(ctx: &Context, i: usize) -> Option<i32> {
    let year = ctx.integer(i)?;
    (ctx.text_of(i).len() == 4 && (1800..=2100).contains(&year)).then_some(year as i32)
}

/// A year elsewhere in the sentence of token `i` that dates what the sentence is about (the
/// year of "du 5 au 7 septembre" in a sentence about "Huawei Connect 2017"). A year that is
/// part of a date of its own ("due March 1, 2011", "approved in 1987") is not one.
pub(super) fn sentence_year(ctx: &Context, i: usize) -> Option<i32> {
    // Bounded walk: a sentence without punctuation may be a whole (huge) document.
    let before = (i.saturating_sub(SENTENCE_WINDOW)..i).rev().take_while(|&k| ctx.same_sentence(k, i));
    let after = (i..(i + SENTENCE_WINDOW).min(ctx.len())).take_while(|&k| ctx.same_sentence(k, i));
    let own_date = |k: usize| k > 0 && (month_at(ctx, k - 1).is_some() || OWN_DATE_CUES.contains(ctx.word(k - 1)));
    before.chain(after).find_map(|k| year_at(ctx, k).filter(|_| !own_date(k)))
}

/// "the third quarter [of 1989]", "third-quarter", "le deuxième trimestre 2020".
pub(super) fn ordinal_quarter(ctx: &Context, i: usize) -> Option<Match> {
    let word = ctx.word(i);
    let (ordinal, last) = if let Some((first, rest)) = word.split_once('-') {
        (first, if rest == "quarter" { i } else { return None })
    } else if matches!(ctx.word(i + 1), "quarter" | "trimestre") && ctx.same_sentence(i, i + 1) {
        (word, i + 1)
    } else {
        return None;
    };
    let q = *ORDINALS.get(ordinal)?;
    let of = usize::from(matches!(ctx.word(last + 1), "of" | "de"));
    let (year, last) = match year_at(ctx, last + 1 + of) {
        Some(y) => (Some(y), last + 1 + of),
        None => (None, last),
    };
    Some(Match { first: i, last, meaning: Meaning::Quarter(year, q), rule: "date.ordinal_quarter" })
}

/// "this summer", "last fall", "the summer", "this past spring", "in winter", "summer 1996",
/// "the winter of 1994", "cet été", "l'hiver dernier", "l'été 2020": a season with its year,
/// named first or after a determiner.
pub(super) fn season(ctx: &Context, i: usize) -> Option<Match> {
    match SEASONS.get(ctx.word(i)) {
        Some(&code) => season_named_first(ctx, i, code),
        None => season_after_determiner(ctx, i),
    }
}

/// The season `code` over tokens `first..=last` in `year`, when they are in one sentence.
fn season_match(ctx: &Context, first: usize, last: usize, code: &'static str, year: YearRef) -> Option<Match> {
    ctx.same_sentence(first, last).then_some(Match { first, last, meaning: Meaning::Season(code, year), rule: "date.season" })
}

/// "summer 1996", "l'été 2020", "in winter", "en hiver": a season name with its year, or after
/// a word that makes it the season. A bare "été" is a past participle and "an early fall in
/// prices" no season, so a name alone is none.
fn season_named_first(ctx: &Context, i: usize, code: &'static str) -> Option<Match> {
    let of = usize::from(ctx.word(i + 1) == "of");
    if let Some(year) = year_at(ctx, i + 1 + of).or_else(|| phrases::spoken_year(ctx, i + 1 + of).map(|(y, _)| y)) {
        let last = phrases::spoken_year(ctx, i + 1 + of).map_or(i + 1 + of, |(_, last)| last);
        return season_match(ctx, i, last, code, YearRef::Year(year));
    }
    let before = word_before(ctx, i);
    let english = ctx.word(i).is_ascii();
    // "an early fall in prices" is no season: "fall" needs more than "early".
    let noun_sense = ctx.word(i) == "fall" && matches!(before, "early" | "late");
    if english && !noun_sense && SEASON_CUES.contains(before) || matches!(before, "en" | "au") {
        return season_match(ctx, i, i, code, YearRef::Latest);
    }
    None
}

/// "this summer", "last fall", "the summer", "this past spring", "cet été", "l'hiver dernier":
/// a season after the determiner that says which year's it is.
fn season_after_determiner(ctx: &Context, i: usize) -> Option<Match> {
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
    let code = *SEASONS.get(ctx.word(noun))?;
    if ctx.word(i) == "the" {
        return the_season(ctx, i, noun, last, code);
    }
    season_match(ctx, i, last, code, year)
}

/// "the summer of 1996" is the season of that year, "the summer" the latest one; "the fall of
/// Rome", "the fall in prices", "the Winter Olympics" are no seasons.
fn the_season(ctx: &Context, i: usize, noun: usize, last: usize, code: &'static str) -> Option<Match> {
    if ctx.word(noun + 1) == "of" {
        let found = year_at(ctx, noun + 2).map(|y| (y, noun + 2)).or_else(|| phrases::spoken_year(ctx, noun + 2));
        return found.and_then(|(y, last)| season_match(ctx, i, last, code, YearRef::Year(y)));
    }
    let plain = last == i + 1;
    if ctx.capitalised(noun) || plain && matches!(ctx.word(noun), "fall" | "spring") || ctx.kind(noun + 1) == TokenKind::Word && ctx.capitalised(noun + 1) {
        return None;
    }
    season_match(ctx, i, last, code, YearRef::Latest)
}

/// Durations written as one hyphenated word: "two-year", "16-hour", "eight-year".
pub(super) fn hyphenated_duration(ctx: &Context, i: usize) -> Option<Match> {
    let (count, unit) = ctx.word(i).split_once('-')?;
    let n = count.parse::<u32>().ok().or_else(|| NUMBER_WORDS.get(count).copied())?;
    let &(unit, scale) = DURATION_UNITS.get(unit)?;
    let value = duration_value(Some(n), unit, scale)?;
    Some(Match { first: i, last: i, meaning: Meaning::Duration(value), rule: "duration.hyphenated" })
}

pub(super) fn unit_at(ctx: &Context, i: usize) -> Option<(&'static str, u32)> {
    DURATION_UNITS.get(ctx.word(i)).copied()
}

/// The ISO 8601 duration of `n` units (`X` when the count is vague); `None` when the count
/// scaled to the unit overflows: "999999999 decades" is no duration anyone measures.
pub(super) fn duration_value(n: Option<u32>, unit: &str, scale: u32) -> Option<String> {
    let count = match n {
        Some(n) => n.checked_mul(scale)?.to_string(),
        None => "X".to_string(),
    };
    Some(if unit == "H" { format!("PT{count}H") } else { format!("P{count}{unit}") })
}

/// "the past two months" (P2M), "several years", "a few days" (PXY, PXD), "recent years".
pub(super) fn vague_or_past_duration(ctx: &Context, i: usize) -> Option<Match> {
    let mut k = i;
    let past = ctx.word(i) == "the" && matches!(ctx.word(i + 1), "past" | "last" | "next") && ctx.same_sentence(i, i + 1);
    if past {
        k += 2;
    }
    let vague = |k: usize| match ctx.word(k) {
        w if VAGUE_COUNTS.contains(w) => Some(1),
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
    Some(Match { first: i, last: k + width, meaning: Meaning::Duration(duration_value(count, unit, scale)?), rule: "duration.vague_or_past" })
}

/// A day of the week, with what leans it: "Friday", "last Monday", "next Tuesday", "this
/// coming Sunday", "mardi dernier", "jeudi prochain".
pub(super) fn weekday(ctx: &Context, i: usize) -> Option<Match> {
    let word = ctx.word(i);
    // Most words are no weekday: leave before scanning the names.
    if !(word.ends_with("day") || word.ends_with("di") || word == "dimanche" || matches!(word, "last" | "next" | "coming" | "this")) {
        return None;
    }
    let day_at = |k: usize| {
        let word = ctx.word(k);
        let &day = WEEKDAYS.get(word)?;
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
        if let Some(date) =
            match_at(ctx, day_token + 1 + comma).filter(|m| matches!(m.meaning, Meaning::Point(DateValue { day: Some(_), .. }) | Meaning::MonthDay(..)))
        {
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
pub(super) fn is_age(ctx: &Context, i: usize) -> bool {
    let aged = |k: usize| AGED_WORDS.contains(ctx.word(k));
    let before = (i.saturating_sub(4)..i).any(|k| ctx.same_sentence(k, i) && aged(k));
    let apposition = i > 0 && ctx.word(i - 1) == "," && matches!(ctx.word(i + 2), "," | ")") && ctx.word(i + 1) == "ans";
    before || apposition
}

/// Whether the clause around tokens `first..=last` speaks of the future: a cue among the
/// words before it back to the clause's start (a comma, a semicolon or the sentence start),
/// or right after it.
pub(super) fn future_clause(ctx: &Context, first: usize, last: usize) -> bool {
    let before = (first.saturating_sub(12)..first).rev().take_while(|&k| ctx.same_sentence(k, first) && !matches!(ctx.word(k), "," | ";"));
    let after = (last + 1..(last + 4).min(ctx.len())).take_while(|&k| ctx.same_sentence(k, last) && !matches!(ctx.word(k), "," | ";"));
    before.chain(after).any(|k| FUTURE_CUES.contains(ctx.word(k)))
}

/// A count at token `i` written in one token: digits, "a", "one", "trois" (not a word that a
/// number in several words starts or goes on with: "vingt" and "un" of "vingt et un").
pub(super) fn count_word(ctx: &Context, i: usize) -> Option<u32> {
    count_span(ctx, i).filter(|&(_, last)| last == i).map(|(n, _)| n)
}

/// A count from token `i`: digits, "a"/"an", or a number in words ("vingt et un", "three
/// hundred"); its value and last token.
pub(super) fn count_span(ctx: &Context, i: usize) -> Option<(u32, usize)> {
    if let Some(n) = ctx.integer(i) {
        return Some((n, i));
    }
    if matches!(ctx.word(i), "a" | "an") {
        return Some((1, i));
    }
    let (value, last) = crate::facts::number_words::number_words(ctx, i)?;
    (value.fract() == 0.0 && value <= u32::MAX as f64).then_some((value as u32, last))
}

/// The date expression that starts at token `i`, if any: the rules are tried in order, the
/// first that matches wins. A month name and a count before a unit of time claim their token:
/// when their own rules turn it down, no later rule may read it ("Troops may march", "a tree
/// 2000 years old" are no dates).
pub(super) fn match_at(ctx: &Context, i: usize) -> Option<Match> {
    if !may_start(ctx, i) {
        return None;
    }
    let phrase_rules = [
        phrases::numeric_date,
        phrases::century,
        phrases::french_recent_span,
        phrases::compared_quarter,
        phrases::ago,
        phrases::half,
        phrases::decade,
        phrases::hyphen_modified,
        phrases::holiday,
        weekday,
    ];
    let found =
        phrase_rules.iter().find_map(|rule| rule(ctx, i)).or_else(|| year_ordinal_quarter(ctx, i)).or_else(|| day_range(ctx, i)).or_else(|| day_month(ctx, i));
    if found.is_some() {
        return found;
    }
    if let Some(month) = month_at(ctx, i) {
        return month_led(ctx, i, month);
    }
    let found = numbered_quarter(ctx, i)
        .or_else(|| ordinal_quarter(ctx, i))
        .or_else(|| season(ctx, i))
        .or_else(|| vague_or_past_duration(ctx, i))
        .or_else(|| relative_phrase(ctx, i))
        .or_else(|| hyphenated_duration(ctx, i));
    if found.is_some() {
        return found;
    }
    if let Some((n, count, unit)) = count_and_unit(ctx, i) {
        return counted_duration(ctx, i, count, n, unit);
    }
    spoken_year_alone(ctx, i).or_else(|| year_alone(ctx, i))
}

/// A point in time, with the parts of it the words give.
fn point(first: usize, last: usize, year: Option<i32>, month: Option<u32>, day: Option<u32>, rule: &'static str) -> Match {
    Match { first, last, meaning: Meaning::Point(DateValue { year, month, day }), rule }
}

/// "the 1988 second quarter": a year written before the ordinal quarter it dates, as earnings
/// reports do.
fn year_ordinal_quarter(ctx: &Context, i: usize) -> Option<Match> {
    let year = year_at(ctx, i)?;
    let m = ordinal_quarter(ctx, i + 1)?;
    let Meaning::Quarter(None, q) = m.meaning else { return None };
    Some(Match { first: i, last: m.last, meaning: Meaning::Quarter(Some(year), q), rule: "date.year_ordinal_quarter" })
}

/// "du 5 au 7 septembre", "from 5 to 7 September", "les 16 et 17 juin": two days of one month,
/// a range; its year is the one written after it, else one the sentence gives.
fn day_range(ctx: &Context, i: usize) -> Option<Match> {
    if !matches!(ctx.word(i), "du" | "from" | "between" | "les") || !matches!(ctx.word(i + 2), "au" | "to" | "and" | "et" | "-") {
        return None;
    }
    let (d1, d2, m) = (day_at(ctx, i + 1)?, day_at(ctx, i + 3)?, month_at(ctx, i + 4)?);
    let (year, last) = match year_at(ctx, i + 5) {
        Some(y) => (Some(y), i + 5),
        None => (sentence_year(ctx, i), i + 4),
    };
    let a = DateValue { year, month: Some(m), day: Some(d1) };
    let b = DateValue { year, month: Some(m), day: Some(d2) };
    Some(Match { first: i + 1, last, meaning: Meaning::Range(a, b), rule: "date.day_range" })
}

/// "5 septembre 2017", "1er mars", "5 September": a day before its month (the French and
/// British order), with the year written next, else one the sentence gives, else none yet.
fn day_month(ctx: &Context, i: usize) -> Option<Match> {
    let (d, m) = (day_at(ctx, i)?, month_at(ctx, i + 1)?);
    Some(match year_at(ctx, i + 2) {
        Some(y) => point(i, i + 2, Some(y), Some(m), Some(d), "date.day_month_year"),
        None => match sentence_year(ctx, i) {
            Some(y) => point(i, i + 1, Some(y), Some(m), Some(d), "date.day_month"),
            None => Match { first: i, last: i + 1, meaning: Meaning::MonthDay(m, d), rule: "date.day_month" },
        },
    })
}

/// The rules for month `month` named at token `i`; when none matches, the month name is no
/// date on its own ("March was cold" opens a sentence with no cue that it is a date).
fn month_led(ctx: &Context, i: usize, month: u32) -> Option<Match> {
    month_day(ctx, i, month)
        .or_else(|| month_year(ctx, i, month))
        .or_else(|| this_month(ctx, i, month))
        .or_else(|| month_of_year(ctx, i, month))
        .or_else(|| month_lean(ctx, i, month))
        .or_else(|| introduced_month(ctx, i, month))
}

/// "September 5, 2017", "Sept. 5": the American order, the day a number (or short ordinal)
/// and the year after an optional comma, else one the sentence gives.
fn month_day(ctx: &Context, i: usize, m: u32) -> Option<Match> {
    let d = day_at(ctx, i + 1).filter(|_| ctx.kind(i + 1) == TokenKind::Number || ctx.word(i + 1).len() <= 4)?;
    let comma = usize::from(ctx.word(i + 2) == ",");
    Some(match year_at(ctx, i + 2 + comma) {
        Some(y) => point(i, i + 2 + comma, Some(y), Some(m), Some(d), "date.month_day_year"),
        None => match sentence_year(ctx, i) {
            Some(y) => point(i, i + 1, Some(y), Some(m), Some(d), "date.month_day"),
            None => Match { first: i, last: i + 1, meaning: Meaning::MonthDay(m, d), rule: "date.month_day" },
        },
    })
}

/// "October 2022", "janvier 2024", "January nineteen ninety-seven": a month of a year written
/// in digits or said aloud.
fn month_year(ctx: &Context, i: usize, m: u32) -> Option<Match> {
    if let Some(y) = year_at(ctx, i + 1) {
        return Some(point(i, i + 1, Some(y), Some(m), None, "date.month_year"));
    }
    let (y, last) = phrases::spoken_year(ctx, i + 1)?;
    Some(point(i, last, Some(y), Some(m), None, "date.month_year"))
}

/// "this September", "ce juin": the month of the reference year, whether it is past or still
/// ahead (no guess of the nearest year as for a month alone).
fn this_month(ctx: &Context, i: usize, m: u32) -> Option<Match> {
    matches!(word_before(ctx, i), "this" | "ce").then(|| Match { first: i - 1, last: i, meaning: Meaning::MonthThisYear(m), rule: "date.this_month" })
}

/// "July last year", "January this year", "May next year": a month of a year named relatively.
fn month_of_year(ctx: &Context, i: usize, m: u32) -> Option<Match> {
    let of_year = [(["last", "year"], -1), (["this", "year"], 0), (["next", "year"], 1)].into_iter().find(|(phrase, _)| ctx.matches(i + 1, phrase));
    let (_, k) = of_year.filter(|_| ctx.same_sentence(i, i + 2))?;
    Some(Match { first: i, last: i + 2, meaning: Meaning::MonthOf(YearRef::Offset(k), m), rule: "date.month_of_year" })
}

/// "last December", "next May", "juillet dernier", "mars prochain": the month strictly before or
/// after the reference, not the nearest one.
fn month_lean(ctx: &Context, i: usize, m: u32) -> Option<Match> {
    let lean = match (word_before(ctx, i), ctx.word(i + 1)) {
        ("last", _) => Some((i - 1, i, Lean::Before)),
        ("next", _) => Some((i - 1, i, Lean::After)),
        (_, "dernier") => Some((i, i + 1, Lean::Before)),
        (_, "prochain") => Some((i, i + 1, Lean::After)),
        _ => None,
    };
    let (first, last, lean) = lean.filter(|&(first, last, _)| ctx.same_sentence(first, last))?;
    Some(Match { first, last, meaning: Meaning::MonthLean(m, lean), rule: "date.month" })
}

/// "en mars", "since March", "early May", "fin juin": a month alone is a date only after a word
/// that introduces one (a capitalised "March" may open a sentence about a march).
fn introduced_month(ctx: &Context, i: usize, m: u32) -> Option<Match> {
    MONTH_INTRODUCERS.contains(word_before(ctx, i)).then_some(Match { first: i, last: i, meaning: Meaning::BareMonth(m), rule: "date.month" })
}

/// "Q2 2020", "Q4": a quarter as financial news abbreviate it, with its year if written next.
fn numbered_quarter(ctx: &Context, i: usize) -> Option<Match> {
    let word = ctx.word(i);
    if word.len() != 2 || !word.starts_with('q') {
        return None;
    }
    let q = word[1..].parse::<u32>().ok().filter(|q| (1..=4).contains(q))?;
    Some(match year_at(ctx, i + 1) {
        Some(y) => Match { first: i, last: i + 1, meaning: Meaning::Quarter(Some(y), q), rule: "date.quarter_year" },
        None => Match { first: i, last: i, meaning: Meaning::Quarter(None, q), rule: "date.quarter" },
    })
}

/// "yesterday", "last year", "l'an dernier", "the following year": a phrase of RELATIVE, found
/// by its first two words (one-word phrases by the word).
fn relative_phrase(ctx: &Context, i: usize) -> Option<Match> {
    let word = ctx.word(i);
    let next = if ctx.same_sentence(i, i + 1) { ctx.word(i + 1) } else { "" };
    let candidates = [RELATIVE_BY_FIRST.get(&(word, next)), RELATIVE_BY_FIRST.get(&(word, ""))];
    let &(phrase, meaning) = candidates.into_iter().flatten().flatten().find(|(phrase, _)| ctx.matches(i, phrase))?;
    Some(Match { first: i, last: i + phrase.len() - 1, meaning: meaning(), rule: "date.relative" })
}

/// A count before a unit of time ("4 ans", "three years", "a decade"): the count and the unit
/// with its scale. Such a pair is a duration or, when `counted_duration` turns it down, nothing.
fn count_and_unit(ctx: &Context, i: usize) -> Option<(u32, usize, (&'static str, u32))> {
    let (n, last) = count_span(ctx, i)?;
    let unit = DURATION_UNITS.get(ctx.word(last + 1)).copied()?;
    Some((n, last, unit))
}

/// "4 ans", "three years", "a decade": a count of a unit of time is a duration, unless it is an
/// age ("aged 45 years", "5 years old"), a time of day ("à 19 heures") or a rate ("$5 a year";
/// "une année" is more often a date).
/// `i..=count` is the count, `count + 1` the unit.
fn counted_duration(ctx: &Context, i: usize, count: usize, n: u32, (unit, scale): (&'static str, u32)) -> Option<Match> {
    if !ctx.same_sentence(i, count + 1) || matches!(ctx.word(count + 2), "old" | "-old") || is_age(ctx, i) {
        return None;
    }
    if unit == "H" && i > 0 && matches!(ctx.word(i - 1), "à" | "vers" | "dès" | "jusqu'à" | "at") {
        return None;
    }
    let rate = i > 0 && ctx.kind(i - 1) != TokenKind::Word || matches!(word_before(ctx, i), "per" | "times" | "once" | "twice" | "par");
    if matches!(ctx.word(i), "a" | "an" | "un" | "une") && rate {
        return None;
    }
    let value = duration_value(Some(n), unit, scale)?;
    Some(Match { first: i, last: count + 1, meaning: Meaning::Duration(value), rule: "duration.count_unit" })
}

/// "nineteen ninety-six": a year said aloud, as broadcast transcripts write it.
fn spoken_year_alone(ctx: &Context, i: usize) -> Option<Match> {
    let (y, last) = phrases::spoken_year(ctx, i)?;
    Some(point(i, last, Some(y), None, None, "date.spoken_year"))
}

/// "in 1932": a year alone, unless it ends a name ("MWC 2019", "Windows 2000") or counts
/// something ("2000 employees", "1500 euros").
fn year_alone(ctx: &Context, i: usize) -> Option<Match> {
    let y = year_at(ctx, i)?;
    let named = i > 0
        && ctx.same_sentence(i - 1, i)
        && ctx.capitalised(i - 1)
        && !ctx.sentence_initial(i - 1)
        && month_at(ctx, i - 1).is_none()
        && ctx.kind(i - 1) == TokenKind::Word;
    let amount = YEAR_AMOUNT_WORDS.contains(ctx.word(i + 1));
    (!named && !amount && !clock_time(ctx, i) && !dimension(ctx, i)).then(|| point(i, i, Some(y), None, None, "date.year"))
}

/// "at 1930 GMT", "between 2000 and 2100 GMT", "1930 local time": four digits that a time
/// zone follows (directly or after a second time) are a 24-hour clock, not a year.
fn clock_time(ctx: &Context, i: usize) -> bool {
    let zone = |k: usize| ctx.same_sentence(i, k) && (TIME_ZONES.contains(ctx.text_of(k)) || ctx.word(k) == "local");
    let paired = matches!(ctx.word(i + 1), "and" | "to" | "-" | "–" | "et" | "à") && year_at(ctx, i + 2).is_some();
    zone(i + 1) || (paired && zone(i + 3))
}

/// "2048 x 1080", "1920 × 1080 pixels": one side of a size, not a year.
fn dimension(ctx: &Context, i: usize) -> bool {
    let times = |k: usize| matches!(ctx.word(k), "x" | "×" | "*" | "by" | "sur");
    let number = |k: usize| ctx.kind(k) == TokenKind::Number && ctx.same_sentence(i, k);
    (times(i + 1) && number(i + 2)) || (i >= 2 && times(i - 1) && number(i - 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};

    /// Runs `look` on the context of `text`, an article dated `date`.
    fn with_context<T>(text: &str, date: &str, look: impl Fn(&Context) -> T) -> T {
        let given = Given { date: Some(date.to_string()), ..Given::default() };
        let article = Article::analyze("t".into(), text.to_string(), given).unwrap();
        look(&Context::new(&article))
    }

    /// The first match of `rule` in `text`: its words, rule name and value against `date`.
    fn first(text: &str, date: &str, rule: impl Fn(&Context, usize) -> Option<Match>) -> Option<(String, &'static str, String)> {
        with_context(text, date, |ctx| {
            let m = (0..ctx.len()).find_map(|i| rule(ctx, i))?;
            let value = resolve(&m.meaning, ReferenceDate::parse(date));
            Some((text[ctx.start(m.first)..ctx.end(m.last)].to_string(), m.rule, value.as_str().unwrap_or("null").to_string()))
        })
    }

    fn found(words: &str, rule: &'static str, value: &str) -> Option<(String, &'static str, String)> {
        Some((words.to_string(), rule, value.to_string()))
    }

    /// A rule read after the month name it needs, as `match_at` calls it.
    fn after_month(rule: fn(&Context, usize, u32) -> Option<Match>) -> impl Fn(&Context, usize) -> Option<Match> {
        move |ctx: &Context, i: usize| month_at(ctx, i).and_then(|m| rule(ctx, i, m))
    }

    #[test]
    fn a_month_or_a_count_of_time_claims_its_token() {
        let all = |ctx: &Context| (0..ctx.len()).filter_map(|i| match_at(ctx, i)).map(|m| m.rule).collect::<Vec<_>>();
        assert_eq!(with_context("The olive tree is 2000 years old.", "2024-05-01", all), Vec::<&str>::new());
        assert_eq!(with_context("March was cold in 2023.", "2024-05-01", all), ["date.year"]);
        assert_eq!(with_context("The olive tree was planted in 2000.", "2024-05-01", all), ["date.year"]);
    }

    #[test]
    fn year_before_an_ordinal_quarter() {
        assert_eq!(
            first("Profit rose in the 2023 second quarter.", "2024-02-01", year_ordinal_quarter),
            found("2023 second quarter", "date.year_ordinal_quarter", "2023-Q2")
        );
        assert_eq!(first("Profit rose 2023 in the second quarter.", "2024-02-01", year_ordinal_quarter), None);
    }

    #[test]
    fn two_days_of_one_month() {
        assert_eq!(
            first("Le festival aura lieu du 12 au 14 juillet 2025 à Lyon.", "2025-03-01", day_range),
            found("12 au 14 juillet 2025", "date.day_range", "2025-07-12/2025-07-14")
        );
        assert_eq!(first("Ticket sales rose from 3 to 5 million.", "2025-03-01", day_range), None);
    }

    #[test]
    fn day_before_its_month() {
        assert_eq!(first("Le conseil se réunira le 3 mars 2024.", "2024-01-10", day_month), found("3 mars 2024", "date.day_month_year", "2024-03-03"));
        assert_eq!(first("The strike began on 14 February.", "2023-03-01", day_month), found("14 February", "date.day_month", "2023-02-14"));
    }

    #[test]
    fn month_name_rules_or_nothing() {
        assert_eq!(first("Sales rose in June 2024.", "2024-09-01", after_month(month_led)), found("June 2024", "date.month_year", "2024-06"));
        assert_eq!(first("March was cold.", "2024-09-01", after_month(month_led)), None);
    }

    #[test]
    fn month_then_day() {
        let rule = after_month(month_day);
        assert_eq!(
            first("Voters go to the polls on November 5, 2024, officials said.", "2024-01-01", &rule),
            found("November 5, 2024", "date.month_day_year", "2024-11-05")
        );
        assert_eq!(first("The museum reopened Sept. 12 after repairs.", "2021-10-01", &rule), found("Sept. 12", "date.month_day", "2021-09-12"));
    }

    #[test]
    fn month_of_a_year_in_digits_or_words() {
        let rule = after_month(month_year);
        assert_eq!(first("Inflation peaked in October 2022.", "2023-05-01", &rule), found("October 2022", "date.month_year", "2022-10"));
        assert_eq!(
            first("The mill closed in January nineteen eighty-one.", "2023-05-01", &rule),
            found("January nineteen eighty-one", "date.month_year", "1981-01")
        );
        assert_eq!(first("Inflation peaked in October.", "2023-05-01", &rule), None);
    }

    #[test]
    fn month_of_this_year() {
        assert_eq!(
            first("The plant will reopen this September.", "2024-05-02", after_month(this_month)),
            found("this September", "date.this_month", "2024-09")
        );
        assert_eq!(first("The plant reopened in September.", "2024-05-02", after_month(this_month)), None);
    }

    #[test]
    fn month_of_a_year_named_relatively() {
        let rule = after_month(month_of_year);
        assert_eq!(first("Exports fell in July last year.", "2024-03-01", &rule), found("July last year", "date.month_of_year", "2023-07"));
        assert_eq!(first("Exports fell in July next to the port.", "2024-03-01", &rule), None);
    }

    #[test]
    fn month_before_or_after_the_reference() {
        let rule = after_month(month_lean);
        assert_eq!(first("Les ventes ont chuté en janvier dernier.", "2024-03-10", &rule), found("janvier dernier", "date.month", "2024-01"));
        assert_eq!(first("The law takes effect next May.", "2024-08-01", &rule), found("next May", "date.month", "2025-05"));
        assert_eq!(first("The law took effect in May.", "2024-08-01", &rule), None);
    }

    #[test]
    fn month_alone_after_a_word_that_introduces_it() {
        let rule = after_month(introduced_month);
        assert_eq!(first("Prices rose sharply in March.", "2024-06-10", &rule), found("March", "date.month", "2024-03"));
        assert_eq!(first("Les prix ont flambé fin juin.", "2024-08-10", &rule), found("juin", "date.month", "2024-06"));
        assert_eq!(first("March was cold.", "2024-06-10", &rule), None);
    }

    #[test]
    fn quarters_by_number() {
        assert_eq!(first("Revenue grew in Q3 2023 and again in Q4.", "2024-02-01", numbered_quarter), found("Q3 2023", "date.quarter_year", "2023-Q3"));
        assert_eq!(first("The launch slipped to Q4.", "2024-02-01", numbered_quarter), found("Q4", "date.quarter", "2024-Q4"));
        assert_eq!(first("The Q5 model launched.", "2024-02-01", numbered_quarter), None);
    }

    #[test]
    fn relative_phrases_by_their_first_words() {
        assert_eq!(first("Le ministre a démissionné hier.", "2024-04-10", relative_phrase), found("hier", "date.relative", "2024-04-09"));
        assert_eq!(first("The company posted a loss last year.", "2022-05-01", relative_phrase), found("last year", "date.relative", "2021"));
        assert_eq!(first("The company posted a loss.", "2022-05-01", relative_phrase), None);
    }

    #[test]
    fn a_count_before_a_unit_of_time() {
        let pair = |ctx: &Context| (0..ctx.len()).find_map(|i| count_and_unit(ctx, i)).map(|(n, _, unit)| (n, unit));
        assert_eq!(with_context("Le chantier durera trois ans.", "2024-01-01", pair), Some((3, ("Y", 1))));
        assert_eq!(with_context("It took two decades.", "2024-01-01", pair), Some((2, ("Y", 10))));
        assert_eq!(with_context("Le bail court sur vingt et un ans.", "2024-01-01", pair), Some((21, ("Y", 1))));
        assert_eq!(with_context("Il a trois enfants.", "2024-01-01", pair), None);
    }

    #[test]
    fn counts_of_time_but_ages_hours_and_rates() {
        let rule = |ctx: &Context, i: usize| count_and_unit(ctx, i).and_then(|(n, count, unit)| counted_duration(ctx, i, count, n, unit));
        assert_eq!(first("The talks lasted 18 months.", "2024-01-01", rule), found("18 months", "duration.count_unit", "P18M"));
        assert_eq!(first("The mayor, aged 45 years, resigned.", "2024-01-01", rule), None);
        assert_eq!(first("Le train part à 19 heures.", "2024-01-01", rule), None);
        assert_eq!(first("The fee is $5 a year.", "2024-01-01", rule), None);
    }

    #[test]
    fn years_said_aloud() {
        assert_eq!(
            first("The tradition began in nineteen fifty-two.", "2024-01-01", spoken_year_alone),
            found("nineteen fifty-two", "date.spoken_year", "1952")
        );
        assert_eq!(first("Nineteen delegates voted.", "2024-01-01", spoken_year_alone), None);
    }

    #[test]
    fn years_alone_but_names_and_amounts() {
        assert_eq!(first("The bridge opened in 1932.", "2024-01-01", year_alone), found("1932", "date.year", "1932"));
        assert_eq!(first("Visitors flocked to Expo 2020 in Dubai.", "2024-01-01", year_alone), None);
        assert_eq!(first("The firm employs 2000 people.", "2024-01-01", year_alone), None);
        assert_eq!(first("Polls close at 2200 GMT on Sunday.", "2024-01-01", year_alone), None);
        assert_eq!(first("Shops open between 1800 and 1900 CET.", "2024-01-01", year_alone), None);
        assert_eq!(first("Its panel shows 1920 x 1080 pixels.", "2024-01-01", year_alone), None);
        assert_eq!(first("A screen of 2560 by 1440 dots.", "2024-01-01", year_alone), None);
        assert_eq!(first("The dam was finished by 1950 and the canal in 1960.", "2024-01-01", year_alone), found("1950", "date.year", "1950"));
    }

    #[test]
    fn the_word_before() {
        assert_eq!(
            with_context("Prices rose in March.", "2024-01-01", |ctx| (word_before(ctx, 0).to_string(), word_before(ctx, 3).to_string())),
            ("".to_string(), "in".to_string())
        );
    }

    #[test]
    fn seasons_within_one_sentence() {
        let got = with_context("Harvest ended. Summer came.", "2024-01-01", |ctx| {
            (season_match(ctx, 0, 1, "SU", YearRef::Latest).map(|m| m.rule), season_match(ctx, 0, 3, "SU", YearRef::Latest).is_some())
        });
        assert_eq!(got, (Some("date.season"), false));
    }

    #[test]
    fn season_names_with_their_year_or_a_cue() {
        let rule = |ctx: &Context, i: usize| SEASONS.get(ctx.word(i)).and_then(|&code| season_named_first(ctx, i, code));
        assert_eq!(first("Le musée a rouvert à l'été 2021.", "2024-01-01", rule), found("été 2021", "date.season", "2021-SU"));
        assert_eq!(first("The roads flooded in winter.", "2024-03-01", rule), found("winter", "date.season", "2023-WI"));
        assert_eq!(first("Analysts saw an early fall in prices.", "2024-03-01", rule), None);
        assert_eq!(first("Il a été réélu.", "2024-03-01", rule), None);
    }

    #[test]
    fn seasons_after_a_determiner() {
        assert_eq!(first("The mine closed last autumn.", "2024-03-01", season_after_determiner), found("last autumn", "date.season", "2023-FA"));
        assert_eq!(
            first("Les travaux reprendront l'hiver prochain.", "2024-03-01", season_after_determiner),
            found("l'hiver prochain", "date.season", "2025-WI")
        );
        assert_eq!(first("The mine closed last week.", "2024-03-01", season_after_determiner), None);
    }

    #[test]
    fn the_season_but_falls_and_titles() {
        assert_eq!(first("Tourism grew in the summer of 2019.", "2024-03-01", season_after_determiner), found("the summer of 2019", "date.season", "2019-SU"));
        assert_eq!(first("Tourism grew during the summer.", "2024-03-01", season_after_determiner), found("the summer", "date.season", "2023-SU"));
        assert_eq!(first("Historians studied the fall of the empire.", "2024-03-01", season_after_determiner), None);
        assert_eq!(first("Tickets for the Winter Games sold out.", "2024-03-01", season_after_determiner), None);
    }
}
