//! Word lists read by the entity rules (`src/facts/`), one data file each beside this one.

use super::{word_list, word_set};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

// People, organisations and places (`facts/entities.rs`).

/// Small words that join the words of one name after an organisation word ("Bank of England").
pub static NAME_CONNECTORS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("name_connectors.txt")));
/// Capitalised words that open sentences or headlines without naming anything ("The", "Selon").
pub static NOT_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("not_names.txt")));
/// Capitalised words that alone name no organisation or person ("We", "Euro", "Police").
pub static NOT_LONE_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("not_lone_names.txt")));
/// Endings of English adjectives of nationality ("German", "Chinese").
pub static DEMONYM_ENDINGS_EN: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("demonym_endings_en.txt")));
/// Words that open French names of places ("Mont Blanc", "Cap Vert").
pub static PLACE_HEAD_WORDS_FR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("place_head_words_fr.txt")));
/// Words that open names of venues and firms ("Théâtre Populaire", "Café de Paris").
/// Words of a row of company results or market figures: that table is no sports table.
pub static FINANCE_ROW_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("finance_row_words.txt")));
pub static VENUE_HEAD_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("venue_head_words.txt")));
/// Endings of French common nouns and plural demonyms ("Société", "Allemands").
pub static COMMON_NOUN_ENDINGS_FR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("common_noun_endings_fr.txt")));
/// French common nouns newspapers capitalise ("le Prix", "la Caisse").
pub static CAPITALISED_COMMON_NOUNS_FR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("capitalised_common_nouns_fr.txt")));
/// Particles inside people's names ("Le", "van").
pub static NAME_PARTICLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("name_particles.txt")));
/// Street words that open a place name ("rue", "avenue").
pub static STREET_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("street_words.txt")));
/// French prepositions that put a lone name in a place ("à", "en", "sur").
pub static LOCATIVE_PREPOSITIONS_FR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("locative_prepositions_fr.txt")));
/// French nouns that, followed by "de", make the next name a place ("mairie de", "près de").
pub static PLACE_NOUNS_FR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("place_nouns_fr.txt")));
/// French verbs of narration and naming participles around a person's name ("répondit", "nommé").
pub static SPEAKER_CUES_FR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("speaker_cues_fr.txt")));
/// French occupations and kin a name is put in apposition with ("commissaire", "veuve").
pub static OCCUPATIONS_FR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("occupations_fr.txt")));
/// Words after a name that make it a clause's subject ("said", "has").
pub static VERBS_AFTER_SUBJECT: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("verbs_after_subject.txt")));
/// Articles, en and fr ("the", "une").
pub static ARTICLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("articles.txt")));

// Roles (`facts/roles.rs`).

/// Titles that are forms of address, not roles ("mr", "mme").
pub static FORMS_OF_ADDRESS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("forms_of_address.txt")));
/// Words between a comma and the role of an apposition ("le", "former").
pub static ROLE_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("role_openers.txt")));
/// Prepositions that introduce the body a title is of ("de", "at", "chez").
pub static BODY_PREPOSITIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("body_prepositions.txt")));
/// Tokens that end an apposition (",", "qui", "said").
pub static APPOSITION_ENDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("apposition_ends.txt")));
/// Prepositions that make a role phrase a title of its own ("ministre des Affaires étrangères").
pub static TITLE_PREPOSITIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("title_prepositions.txt")));

/// Titles that open a person's name inside a capitalised run, besides `PERSON_TITLES`
/// ("Chief Executive", "Rt Rev").
pub static RUN_TITLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("run_titles.txt")));

/// Words that make a title another office ("shadow", "former", "vice").
pub static OFFICE_MODIFIERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("office_modifiers.txt")));

// Acronyms (`facts/acronyms.rs`).

/// Small words an acronym's letters may skip in its long form ("des" in "Organisation des Nations unies").
pub static ACRONYM_SKIPPED_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("acronym_skipped_words.txt")));

// Cited sources (`facts/sources.rs`).

/// Phrases that cite a source (their tokens) and the cue each stands for, in the order tried.
pub static SOURCE_CUES: LazyLock<Vec<(Vec<&'static str>, &'static str)>> = LazyLock::new(|| {
    word_list(include_str!("source_cues.tsv"))
        .into_iter()
        .filter_map(|line| line.split_once('\t'))
        .map(|(phrase, cue)| (phrase.split(' ').collect(), cue))
        .collect()
});

/// The words a source cue can start with, and "dans"/"in" of "dans un communiqué", "in a
/// statement": most tokens open no cue, and this set says so before the phrases are tried.
pub static SOURCE_CUE_OPENERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SOURCE_CUES.iter().map(|(phrase, _)| phrase[0]).chain(["dans", "in"]).collect());

/// Words that make a name an outlet ("times", "reuters").
pub static MEDIA_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("media_words.txt")));

/// Common nouns a source is named by when it has no name, to the source's type ("sondage" → report).
pub static SOURCE_NOUNS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| word_list(include_str!("source_nouns.tsv")).into_iter().filter_map(|line| line.split_once('\t')).collect());

/// Words skipped between a source cue and the source's name ("the", "report", "published").
pub static SOURCE_SKIPPED_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("source_skipped_words.txt")));
/// Nouns after a source's name that make it a report's ("report", "sondage").
pub static REPORT_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("report_words.txt")));
/// Determiners that open a source named by a common noun ("l'", "some").
pub static SOURCE_DETERMINERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("source_determiners.txt")));

/// Endings of French adjectives that carry a body's name on after its capitalised first word.
pub static ADJECTIVE_ENDINGS_FR: LazyLock<Vec<&'static str>> = LazyLock::new(|| word_set(include_str!("adjective_endings_fr.txt")).into_iter().collect());

/// French verbs that end as those adjectives do ("signale", "insiste").
pub static VERBS_LIKE_ADJECTIVES_FR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("verbs_like_adjectives_fr.txt")));

/// Words that end or open the names of events, prizes and laws.
pub static EVENT_AND_LAW_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("event_and_law_heads.txt")));

/// Nouns that introduce the title of a work ("the film Skyfall", "la série Engrenages").
pub static WORK_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("work_nouns.txt")));
