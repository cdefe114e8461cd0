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
    let full = word.len() > 4 || matches!(word, "mars" | "mai" | "juin" | "août" | "june" | "july" | "may");
    if !full && kind != TokenKind::Abbreviation && !ctx.integer(i + 1).is_some_and(|d| (1..=31).contains(&d)) {
        return None;
    }
    let english = word.is_ascii()
        && ["may", "march", "june", "july", "august", "april", "january", "february", "september", "october", "november", "december"].contains(&word);
    if english && !ctx.capitalised(i) && !matches!(word, "juin") {
        return None;
    }
    if word == "may" && (ctx.sentence_initial(i) || !has_date_neighbour(ctx, i)) {
        return None;
    }
    Some(month)
}

pub(super) fn has_date_neighbour(ctx: &Context, i: usize) -> bool {
    let before = if i > 0 { ctx.word(i - 1) } else { "" };
    ctx.integer(i + 1).is_some()
        || (i > 0 && ctx.integer(i - 1).is_some())
        || matches!(before, "in" | "since" | "until" | "by" | "early" | "late" | "mid" | "last" | "next" | "this" | "of" | "from" | "through")
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
    let own_date = |k: usize| {
        k > 0 && (month_at(ctx, k - 1).is_some() || matches!(ctx.word(k - 1), "," | "in" | "since" | "en" | "depuis" | "of" | "de" | "until" | "by"))
    };
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
    let q = ORDINALS.iter().find(|(name, _)| *name == ordinal)?.1;
    let of = usize::from(matches!(ctx.word(last + 1), "of" | "de"));
    let (year, last) = match year_at(ctx, last + 1 + of) {
        Some(y) => (Some(y), last + 1 + of),
        None => (None, last),
    };
    Some(Match { first: i, last, meaning: Meaning::Quarter(year, q), rule: "date.ordinal_quarter" })
}

/// "this summer", "last fall", "the summer", "this past spring", "in winter", "summer 1996",
/// "the winter of 1994", "cet été", "l'hiver dernier", "l'été 2020": a season with its year. A
/// bare "été" is a past participle, so French seasons need a determiner, "en" or a year.
pub(super) fn season(ctx: &Context, i: usize) -> Option<Match> {
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
        if english && !noun_sense && matches!(before, "in" | "during" | "over" | "since" | "until" | "by" | "early" | "late") || matches!(before, "en" | "au") {
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
pub(super) fn hyphenated_duration(ctx: &Context, i: usize) -> Option<Match> {
    let (count, unit) = ctx.word(i).split_once('-')?;
    let n = count.parse::<u32>().ok().or_else(|| NUMBER_WORDS.get(count).copied())?;
    let &(_, unit, scale) = DURATION_UNITS.iter().find(|(u, _, _)| *u == unit)?;
    let value = duration_value(Some(n), unit, scale)?;
    Some(Match { first: i, last: i, meaning: Meaning::Duration(value), rule: "duration.hyphenated" })
}

pub(super) fn unit_at(ctx: &Context, i: usize) -> Option<(&'static str, u32)> {
    DURATION_UNITS.iter().find(|(u, _, _)| *u == ctx.word(i)).map(|&(_, unit, scale)| (unit, scale))
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
    let aged = |k: usize| matches!(ctx.word(k), "âgé" | "âgée" | "âgés" | "âgées" | "agé" | "agée" | "agés" | "agées" | "aged");
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
    before.chain(after).any(|k| FUTURE_CUES.contains(&ctx.word(k)))
}

pub(super) fn count_word(ctx: &Context, i: usize) -> Option<u32> {
    if let Some(n) = ctx.integer(i) {
        return Some(n);
    }
    match ctx.word(i) {
        "a" | "an" | "one" => Some(1),
        w => NUMBER_WORDS.get(w).copied(),
    }
}

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
        let introduced = matches!(
            before,
            "en" | "de"
                | "d'"
                | "dès"
                | "depuis"
                | "in"
                | "since"
                | "until"
                | "by"
                | "of"
                | "early"
                | "late"
                | "mid"
                | "début"
                | "fin"
                | "mi"
                | "last"
                | "this"
                | "next"
        );
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
            let value = duration_value(Some(n), unit, scale)?;
            return Some(Match { first: i, last: i + 1, meaning: Meaning::Duration(value), rule: "duration.count_unit" });
        }
    }
    if let Some((y, last)) = phrases::spoken_year(ctx, i) {
        return Some(point(i, last, Some(y), None, None, "date.spoken_year"));
    }
    // A year alone, unless it names something ("MWC 2019", "Windows 2000").
    if let Some(y) = year_at(ctx, i) {
        let named = i > 0
            && ctx.same_sentence(i - 1, i)
            && ctx.capitalised(i - 1)
            && !ctx.sentence_initial(i - 1)
            && month_at(ctx, i - 1).is_none()
            && ctx.kind(i - 1) == TokenKind::Word;
        let amount = matches!(ctx.word(i + 1), "%" | "euros" | "dollars" | "people" | "personnes" | "employees" | "salariés");
        if !named && !amount {
            return Some(point(i, i, Some(y), None, None, "date.year"));
        }
    }
    None
}
