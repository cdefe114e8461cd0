//! The words dates are written with. The lists (weekdays, units of duration, ordinals, seasons,
//! the cues of a clause about the future…) are data files in `src/lexicons/`, loaded in
//! `lexicons::date_words`; the relative phrases stay here, each with the meaning it builds.

use super::*;

pub(super) use crate::lexicons::date_words::{
    AGED_WORDS, CENTURY_SUFFIXES, CENTURY_WORDS, DATE_MODIFIERS, DATE_STARTS, DAY_PARTS, DECADE_WORDS, DURATION_UNITS, ENGLISH_MONTHS, FUTURE_CUES,
    MONTH_INTRODUCERS, MONTH_NEIGHBOURS, ORDINALS, OWN_DATE_CUES, SEASONS, SEASON_CUES, TIME_ZONES, VAGUE_COUNTS, WHOLE_SHORT_MONTHS, YEAR_AMOUNT_WORDS,
};
pub(super) use crate::lexicons::WEEKDAYS;

/// Words of a relative phrase and what it means.
pub(super) type RelativePhrase = (&'static [&'static str], fn() -> Meaning);

/// Relative phrases ("last year", "l'an dernier", "the near future") and what each means. Kept
/// in Rust, not in a data file: each phrase maps to a `Meaning` with its own arguments (an
/// offset, a part of the day, a fixed TIMEX value), which a file could only say in a
/// mini-language parsed back into the same code.
pub(super) const RELATIVE: &[RelativePhrase] = &[
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
    (&["recent"], || Meaning::Fixed("PAST_REF")),
    (&["the", "past"], || Meaning::Fixed("PAST_REF")),
    (&["the", "future"], || Meaning::Fixed("FUTURE_REF")),
    (&["year-earlier"], || Meaning::YearOffset(-1)),
    (&["year-ago"], || Meaning::YearOffset(-1)),
    (&["the", "quarter"], || Meaning::PreviousQuarter),
    (&["the", "current", "quarter"], || Meaning::QuarterOffset(0)),
    (&["this", "quarter"], || Meaning::QuarterOffset(0)),
    (&["next", "quarter"], || Meaning::QuarterOffset(1)),
    (&["last", "quarter"], || Meaning::QuarterOffset(-1)),
    (&["ce", "trimestre"], || Meaning::QuarterOffset(0)),
    (&["le", "trimestre", "prochain"], || Meaning::QuarterOffset(1)),
    (&["le", "trimestre", "dernier"], || Meaning::QuarterOffset(-1)),
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

pub(super) type RelativeIndex = HashMap<(&'static str, &'static str), Vec<(&'static [&'static str], fn() -> Meaning)>>;

/// RELATIVE by the first two words of its phrases (the first and "" for one word): two
/// look-ups per token instead of a scan.
pub(super) static RELATIVE_BY_FIRST: LazyLock<RelativeIndex> = LazyLock::new(|| {
    let mut index = RelativeIndex::default();
    for &(phrase, meaning) in RELATIVE {
        index.entry((phrase[0], phrase.get(1).copied().unwrap_or(""))).or_default().push((phrase, meaning));
    }
    index
});

/// How far rules look for context within a sentence, in tokens.
pub(super) const SENTENCE_WINDOW: usize = 80;

/// Every word a date expression can start with, but digits, hyphenated words and the first
/// words of the sentence-level rules: `match_at` leaves at once for any other token (most of
/// them), which keeps dates cheap on long articles.
pub(super) static STARTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut starts: HashSet<&'static str> = DATE_STARTS.iter().copied().collect();
    starts.extend(RELATIVE.iter().map(|(phrase, _)| phrase[0]));
    starts.extend(WEEKDAYS.keys().copied());
    starts.extend(MONTHS.keys().copied());
    starts.extend(SEASONS.keys().copied());
    starts.extend(ORDINALS.keys().copied());
    starts.extend(NUMBER_WORDS.keys().copied());
    starts.extend(phrases::HOLIDAYS.iter().map(|(words, _)| words[0]));
    starts.extend(DECADE_WORDS.keys().copied());
    starts.extend(CENTURY_WORDS.keys().copied());
    starts
});

/// Whether a date expression may start at token `i` (see STARTS).
pub(super) fn may_start(ctx: &Context, i: usize) -> bool {
    let word = ctx.word(i);
    word.starts_with(|c: char| c.is_ascii_digit())
        || word.contains('-')
        || STARTS.contains(word.trim_end_matches('.'))
        || matches!(ctx.word(i + 1), "century" | "siècle")
}
