//! What the article around a date settles: the reference date itself, the quarter an earnings
//! report is about, a month or year named before, the time of day written next to a day.

use super::*;

/// "a year ago" in a report about a quarter ("third-quarter profit fell from a year ago") is
/// that quarter a year before: "1988-Q3", not "1988". The quarter is the one named last before
/// (an earnings story names it once and compares with "a year earlier" later), else one named
/// later in the same sentence.
pub(super) fn in_quarter_context(ctx: &Context, matches: &[Match], values: &[Value], index: usize) -> Option<Value> {
    let m = &matches[index];
    let year_ago = matches!(m.meaning, Meaning::YearOffset(-1)) && matches!(m.rule, "date.relative" | "date.ago");
    let phrase = ctx.text[ctx.start(m.first)..ctx.end(m.last)].to_lowercase();
    let year = match m.meaning {
        Meaning::SameQuarter(year) => year,
        _ if year_ago && !phrase.contains("last year") => YearRef::Offset(-1),
        _ => return None,
    };
    let is_quarter = |m: &Match| matches!(m.meaning, Meaning::Quarter(..) | Meaning::PreviousQuarter | Meaning::QuarterOffset(_));
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
pub(super) fn same_month_as_before(matches: &[Match], values: &mut [Value]) {
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
pub(super) fn that_year(matches: &[Match], values: &mut [Value]) {
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
pub(super) fn reference_date(ctx: &Context, matches: &[Match]) -> ReferenceDate {
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
pub(super) fn with_time_of_day(ctx: &Context, first: usize, last: usize, value: Value) -> (usize, usize, Value) {
    let Some(day) = value.as_str().filter(|v| v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-').map(str::to_string) else {
        return (first, last, value);
    };
    if let Some(part) = DAY_PARTS.get(ctx.word(last + 1)).filter(|_| ctx.same_sentence(last, last + 1)) {
        return (first, last + 1, Value::String(format!("{day}T{part}")));
    }
    // Walk back over a time zone, then "a.m."/"p.m.", then "H" or "H : MM".
    let mut k = first;
    if k > 0 && TIME_ZONES.contains(ctx.text_of(k - 1)) {
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
