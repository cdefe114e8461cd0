//! Word lists kept as data files (each names its source in its first line), parsed once.
//! Lists shared by several rules live here; the words of one family of rules live in the
//! submodule named after it (`entity_words`, `quote_words`, `date_words`), their files beside.

pub mod date_words;
pub mod entity_words;
pub mod quote_words;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Lines of a lexicon file, without its `#` header and blank lines, split on tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()).map(|line| line.split('\t').collect())
}

/// Month names (lowercase, en and fr, wide and abbreviated) to month numbers.
pub static MONTHS: LazyLock<HashMap<&'static str, u8>> =
    LazyLock::new(|| rows(include_str!("months.tsv")).filter_map(|row| Some((row[0], row.get(1)?.parse().ok()?))).collect());

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AbbreviationClass {
    /// A title ("Dr.", "M."), recognised only when capitalised: never ends a sentence.
    Title,
    /// A reference abbreviation ("fig.", "vs."), any case: never ends a sentence.
    Reference,
    /// "etc.", "Inc.": ends a sentence when a capitalised word follows.
    Other,
}

/// Abbreviations written with a period, lowercase, without the period.
pub static ABBREVIATIONS: LazyLock<HashMap<&'static str, AbbreviationClass>> = LazyLock::new(|| {
    rows(include_str!("abbreviations.tsv"))
        .map(|row| {
            let class = match row.get(1) {
                Some(&"title") => AbbreviationClass::Title,
                Some(&"ref") => AbbreviationClass::Reference,
                _ => AbbreviationClass::Other,
            };
            (row[0], class)
        })
        .collect()
});

/// French elided forms ("l", "qu", "jusqu") and the words that keep their apostrophe ("aujourd").
pub struct Elisions {
    pub elided: HashSet<&'static str>,
    pub whole_words: HashSet<&'static str>,
}

pub static ELISIONS: LazyLock<Elisions> = LazyLock::new(|| {
    let mut lists = Elisions { elided: HashSet::default(), whole_words: HashSet::default() };
    for row in rows(include_str!("elisions.tsv")) {
        match row[0] {
            "elision" => lists.elided.insert(row[1]),
            _ => lists.whole_words.insert(row[1]),
        };
    }
    lists
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueMatch {
    /// The whole line is the phrase (a trailing ":" allowed).
    Line,
    /// The line starts with the phrase, then something that is not a letter.
    Prefix,
    /// The whole line is the phrase, and what follows is a links or comments section.
    StartsSection,
}

pub struct BoilerplateCue {
    pub reason: &'static str,
    pub matching: CueMatch,
    pub phrase: &'static str,
}

/// Web page furniture ("Leave a Reply", "Signaler un abus", "Follow us on…").
pub static BOILERPLATE_CUES: LazyLock<Vec<BoilerplateCue>> = LazyLock::new(|| {
    rows(include_str!("boilerplate.tsv"))
        .filter(|row| row.len() == 3)
        .map(|row| BoilerplateCue {
            reason: row[0],
            matching: match row[1] {
                "line" => CueMatch::Line,
                "prefix" => CueMatch::Prefix,
                _ => CueMatch::StartsSection,
            },
            phrase: row[2],
        })
        .collect()
});

/// Code point ranges of Python's `re` `\w` (from CPython's Unicode tables), sorted.
static PYTHON_WORD_RANGES: LazyLock<Vec<(u32, u32)>> = LazyLock::new(|| {
    rows(include_str!("python_word_ranges.tsv"))
        .filter_map(|row| Some((u32::from_str_radix(row[0], 16).ok()?, u32::from_str_radix(row.get(1)?, 16).ok()?)))
        .collect()
});

/// Whether Python's `re` matches `c` with `\w` (str.isalnum() or "_").
pub fn is_python_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let cp = c as u32;
    let ranges = &*PYTHON_WORD_RANGES;
    let after = ranges.partition_point(|&(first, _)| first <= cp);
    after > 0 && cp <= ranges[after - 1].1
}

/// Number words (en and fr) to values: "four" → 4, "quatre" → 4.
pub static NUMBER_WORDS: LazyLock<HashMap<&'static str, u32>> =
    LazyLock::new(|| rows(include_str!("number_words.tsv")).filter_map(|row| Some((row[0], row.get(1)?.parse().ok()?))).collect());

/// Speech verbs by language: one-word forms ("said", "indique") and French compound past
/// forms by their participle ("a indiqué" → "indiqué", with the auxiliary checked by the rule).
pub struct SpeechVerbs {
    pub single: HashSet<&'static str>,
    pub participles: HashSet<&'static str>,
}

pub static SPEECH_VERBS: LazyLock<SpeechVerbs> = LazyLock::new(|| {
    let mut verbs = SpeechVerbs { single: HashSet::default(), participles: HashSet::default() };
    for row in rows(include_str!("speech_verbs.tsv")) {
        let form = row[1];
        match form.split_once(' ') {
            Some((_, participle)) => verbs.participles.insert(participle),
            None => verbs.single.insert(form),
        };
    }
    verbs
});

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty())
}

/// The words of a one-word-a-line lexicon file, as a set.
pub(crate) fn word_set(data: &'static str) -> HashSet<&'static str> {
    lines(data).collect()
}

/// The words of a one-word-a-line lexicon file, in file order (for rules that try them in order).
#[allow(dead_code)] // for lists whose order matters; the rule families move theirs here
pub(crate) fn word_list(data: &'static str) -> Vec<&'static str> {
    lines(data).collect()
}

/// Determiners that open a noun phrase naming someone ("the", "son", "cette"), en and fr.
pub static DETERMINERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("determiners.txt")));

/// Weekday names (en and fr, lowercase) to their ISO number, Monday = 1.
pub static WEEKDAYS: LazyLock<HashMap<&'static str, u32>> =
    LazyLock::new(|| rows(include_str!("weekdays.tsv")).filter_map(|row| Some((row[0], row.get(1)?.parse().ok()?))).collect());

/// Place names (countries in en and fr, big cities, aliases) to their canonical name.
pub static PLACES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| rows(include_str!("places.tsv")).filter(|r| r.len() == 2).map(|r| (r[0], r[1])).collect());

/// Organisations often in the news to their canonical name.
pub static ORGANIZATIONS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| rows(include_str!("organizations.tsv")).filter(|r| r.len() == 2).map(|r| (r[0], r[1])).collect());

/// Words that make a name an organisation: legal forms (cleanco) and head words.
pub static ORG_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| lines(include_str!("company_suffixes.txt")).chain(lines(include_str!("org_words.txt"))).map(|w| w.to_lowercase()).collect());

/// Titles and roles before a person's name, lowercase, without their period.
pub static PERSON_TITLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lines(include_str!("person_titles.txt")).collect());

/// Initialisms of common nouns ("AI", "CPU", "PDG"), lowercase.
pub static COMMON_ACRONYMS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lines(include_str!("common_acronyms.txt")).collect());
