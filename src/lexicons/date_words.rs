//! Word lists read by the date and quantity rules (`src/facts/dates/`, `src/facts/quantities/`),
//! one data file each beside this one, named after what it holds.

use super::{rows, word_set};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// The rows of a two-column lexicon file as a map from the first column, the second parsed.
fn pairs<T: std::str::FromStr>(data: &'static str) -> HashMap<&'static str, T> {
    rows(data).filter_map(|row| Some((row[0], row.get(1)?.parse().ok()?))).collect()
}

/// The rows of a two-column lexicon file as a map from the first column to the second, as written.
fn text_pairs(data: &'static str) -> HashMap<&'static str, &'static str> {
    rows(data).filter(|row| row.len() >= 2).map(|row| (row[0], row[1])).collect()
}

// Dates: the words of `src/facts/dates/words.rs`.

/// Words a date expression may start with besides the ones other lists give ("the", "il", "q1").
pub static DATE_STARTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("date_starts.txt")));

/// Words that put a clause in the future: "will", "is expected to", "scheduled", "prévue".
pub static FUTURE_CUES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("future_cues.txt")));

/// Units of duration to their TIMEX3 unit and how many of it one is: "decades" → ("Y", 10).
pub static DURATION_UNITS: LazyLock<HashMap<&'static str, (&'static str, u32)>> =
    LazyLock::new(|| rows(include_str!("duration_units.tsv")).filter_map(|row| Some((row[0], (*row.get(1)?, row.get(2)?.parse().ok()?)))).collect());

/// Ordinal words of the quarters to their number: "third" → 3, "deuxième" → 2.
pub static ORDINALS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| pairs(include_str!("ordinals.tsv")));

/// Season names to their TIMEX3 code: "fall" → "FA", "été" → "SU".
pub static SEASONS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| text_pairs(include_str!("seasons.tsv")));

// Dates: the words of `src/facts/dates/matchers.rs`.

/// English month names, wide forms: written capitalised to be months ("may" is a verb).
pub static ENGLISH_MONTHS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("english_months.txt")));

/// Month names of four letters or fewer that are whole names, not abbreviations: "mai", "june".
pub static WHOLE_SHORT_MONTHS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("whole_short_months.txt")));

/// Words before "May" that make it the month: "in May", "last May".
pub static MONTH_NEIGHBOURS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("month_neighbours.txt")));

/// Words before a year that make it part of a date of its own: "March 1, 2011", "in 1987".
pub static OWN_DATE_CUES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("own_date_cues.txt")));

/// English words before a bare season name that make it the season: "in summer", "by late fall".
pub static SEASON_CUES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("season_cues.txt")));

/// Words that count a unit of time vaguely: "several years", "quelques jours".
pub static VAGUE_COUNTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("vague_counts.txt")));

/// Words that make a count of years an age: "aged", "âgées".
pub static AGED_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("aged_words.txt")));

/// Words before a month name alone that make it a date: "en mars", "since March", "fin juin".
pub static MONTH_INTRODUCERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("month_introducers.txt")));

/// Words after a four-digit number that make it an amount, not a year: "2000 employees".
pub static YEAR_AMOUNT_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("year_amount_words.txt")));

// Dates: the words of `src/facts/dates/phrases.rs` and `anchors.rs`.

/// Decades said as words to the first three digits of their years: "nineties" → 199.
pub static DECADE_WORDS: LazyLock<HashMap<&'static str, i32>> = LazyLock::new(|| pairs(include_str!("decade_words.tsv")));

/// Words before a hyphen that place a date within its period: "mid-November", "fin-2020".
pub static DATE_MODIFIERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("date_modifiers.txt")));

/// Centuries said as ordinal words to their number: "nineteenth" → 19.
pub static CENTURY_WORDS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| pairs(include_str!("century_words.tsv")));

/// Suffixes of a century number: "20th", "19e", "XXᵉ".
pub static CENTURY_SUFFIXES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("century_suffixes.txt")));

/// Parts of the day written after a day to their TIMEX3 code: "night" → "NI", "soir" → "EV".
pub static DAY_PARTS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| text_pairs(include_str!("day_parts.tsv")));

/// Time zone abbreviations written after a clock time, as written: "EDT", "GMT".
pub static TIME_ZONES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("time_zones.txt")));

// Quantities: the words of `src/facts/quantities/`.

/// Phrases before a number (their words) and the qualifier they give it, in the order tried:
/// ["more", "than"] → ">".
pub static QUALIFIERS: LazyLock<Vec<(Vec<&'static str>, &'static str)>> =
    LazyLock::new(|| rows(include_str!("qualifiers.tsv")).filter(|row| row.len() >= 2).map(|row| (row[0].split(' ').collect(), row[1])).collect());

/// How a scale word is written, which says where it is read as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleForm {
    /// A word: "million", "milliards".
    Word,
    /// An abbreviation, a scale only with money: "3 Md €" (but "a 5 m wall").
    Abbreviation,
    /// An abbreviation also written against the digits after a currency sign: "$5bn", "€40m".
    Suffix,
}

/// Scales to their factor and how they are written: "billion" → 1e9, "bn" → 1e9 (a suffix).
pub static SCALES: LazyLock<HashMap<&'static str, (f64, ScaleForm)>> = LazyLock::new(|| {
    rows(include_str!("scales.tsv"))
        .filter_map(|row| {
            let form = match *row.get(2)? {
                "suffix" => ScaleForm::Suffix,
                "abbreviation" => ScaleForm::Abbreviation,
                _ => ScaleForm::Word,
            };
            Some((row[0], (row.get(1)?.parse().ok()?, form)))
        })
        .collect()
});

/// Currency signs, names and codes to their ISO 4217 code: "€" → "EUR", "fcfa" → "XOF".
pub static CURRENCIES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| text_pairs(include_str!("currencies.tsv")));

/// Wire-copy abbreviations of currency words to the word: "dlrs" → "dollars".
pub static CURRENCY_ABBREVIATIONS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| text_pairs(include_str!("currency_abbreviations.tsv")));

/// Currency names from CLDR (`currency_names.tsv`, made by `tools/make_currencies.py`) to the
/// ISO 4217 codes each may stand for: "dollars canadiens" → [CAD], "francs" → [CHF, XOF, ...].
pub static CURRENCY_NAMES: LazyLock<HashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| rows(include_str!("currency_names.tsv")).filter(|row| row.len() == 2).map(|row| (row[0], row[1].split(' ').collect())).collect());

/// The first words of the currency names and forms above ("dollars" of "dollars canadiens"):
/// a word that is none of them opens no currency name, without building one.
pub static CURRENCY_FIRST_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| CURRENCIES.keys().chain(CURRENCY_NAMES.keys()).filter_map(|name| name.split(' ').next()).collect());

/// The most words a currency name has ("dollars des états-unis").
pub const MAX_CURRENCY_WORDS: usize = 5;

/// Nouns and units a number counts or measures, to the unit it is given: "salariés" → "employee".
pub static COUNT_UNITS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| text_pairs(include_str!("count_units.tsv")));

/// Adjectives between a number and the noun it counts: "303 grands électeurs", "3 new plants".
pub static ADJECTIVES_BEFORE_COUNTED: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("adjectives_before_counted.txt")));

/// Words after a number that say it counts no thing: times, ranks ("3 fois", "2 hours").
pub static NOT_COUNTED: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("not_counted.txt")));

/// Words between the names a number is "for": "pour Huawei mais également Tencent".
pub static SUBJECT_LINKS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("subject_links.txt")));

/// Verbs that tie a number to what it measures, written before it: "exports rose 12%".
pub static CHANGE_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("change_verbs.txt")));

/// The verbs of `CHANGE_VERBS` that say where a measure is, not how far it moved ("sales hit
/// $3bn", "le déficit atteint 4 %").
pub static LEVEL_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("level_verbs.txt")));

/// Words that end what a number measures: "of the market compared with…", "contre".
pub static MEASURE_ENDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("measure_ends.txt")));

/// Acronyms of measures, taxes and wages ("GDP", "TVA", "SMIC"): what a number measures, never
/// its subject.
pub static MEASURE_ACRONYMS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("measure_acronyms.txt")));

/// Endings of adjectives made from names ("Netherlands-based"): no subject on their own.
pub static MODIFIER_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::word_list(include_str!("modifier_suffixes.txt")));

/// Prepositions of place before a name ("in", "à", "dans").
pub static PLACE_PREPOSITIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("place_prepositions.txt")));

/// Definite articles between a preposition and a name ("in the UK", "selon la CGT").
pub static NAME_ARTICLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("name_articles.txt")));

/// Speech verbs whose object is what their subject commits to ("announced £100m").
pub static COMMITMENT_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("commitment_verbs.txt")));

/// Prepositions before the company a count belongs to ("jobs at Ford", "emplois chez Renault").
pub static OWNER_PREPOSITIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("owner_prepositions.txt")));

/// Nouns of change or amount before "of"/"de" a number: no measure ("a rise of 5%").
pub static NOT_MEASURE_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("not_measure_nouns.txt")));

/// French articles and possessives that open a noun phrase ("une marge brute de 31 euros").
pub static NOUN_PHRASE_OPENERS_FR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("noun_phrase_openers_fr.txt")));

/// Pronouns by which a speaker goes on about itself ("said it will", "says its sales").
pub static SELF_PRONOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("self_pronouns.txt")));

/// Forms of "to be" that tie a number to what it measures, as a level ("the price is £5").
pub static COPULAS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("copulas.txt")));

/// Prepositions that open a phrase inside a noun phrase ("turnover for the quarter").
pub static PREPOSITIONS_BEFORE_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("prepositions_before_nouns.txt")));

#[cfg(test)]
mod tests {
    use super::super::word_list;
    use super::*;

    /// Every row of every table is read, once: a key written twice or a row that does not parse
    /// would make a rule silently differ from its file.
    #[test]
    fn every_row_is_read_once() {
        let files = [
            (include_str!("duration_units.tsv"), DURATION_UNITS.len()),
            (include_str!("ordinals.tsv"), ORDINALS.len()),
            (include_str!("seasons.tsv"), SEASONS.len()),
            (include_str!("decade_words.tsv"), DECADE_WORDS.len()),
            (include_str!("century_words.tsv"), CENTURY_WORDS.len()),
            (include_str!("day_parts.tsv"), DAY_PARTS.len()),
            (include_str!("qualifiers.tsv"), QUALIFIERS.len()),
            (include_str!("scales.tsv"), SCALES.len()),
            (include_str!("currencies.tsv"), CURRENCIES.len()),
            (include_str!("currency_names.tsv"), CURRENCY_NAMES.len()),
            (include_str!("currency_abbreviations.tsv"), CURRENCY_ABBREVIATIONS.len()),
            (include_str!("count_units.tsv"), COUNT_UNITS.len()),
            (include_str!("future_cues.txt"), FUTURE_CUES.len()),
            (include_str!("date_starts.txt"), DATE_STARTS.len()),
            (include_str!("not_counted.txt"), NOT_COUNTED.len()),
        ];
        for (data, read) in files {
            assert_eq!(word_list(data).len(), read, "{}", data.lines().next().unwrap_or(""));
        }
        assert_eq!(DURATION_UNITS.get("decades"), Some(&("Y", 10)));
        assert_eq!(SCALES.get("bn"), Some(&(1e9, ScaleForm::Suffix)));
        assert_eq!(SCALES.get("md"), Some(&(1e9, ScaleForm::Abbreviation)));
        assert_eq!(QUALIFIERS[0], (vec!["plus", "de"], ">"));
        assert!(FUTURE_CUES.contains("'ll") && DATE_STARTS.contains("'") && TIME_ZONES.contains("EDT"));
    }
}
