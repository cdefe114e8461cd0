//! Word lists read by the quote rules (`src/facts/`), one data file each beside this one.

use super::word_set;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// "he", "elle": subject pronouns that stand for the last speaker named.
pub static PRONOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("speaker_pronouns.txt")));
/// Prepositions that open an adverbial before a subject and end a subject's noun phrase.
pub static PREPOSITIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("speaker_prepositions.txt")));
/// Words that end a speaker phrase when walking back from the verb.
pub static CLAUSE_BREAKS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("clause_breaks.txt")));
/// Adverbs that may stand between a subject and its verb ("Berg never mentioned").
pub static ADVERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("subject_verb_adverbs.txt")));
/// Words of time besides weekday names that may stand between a subject and its verb.
pub static SPEECH_TIME_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("speech_time_words.txt")));
/// Auxiliaries and adverbs of sequence between a subject and its speech verb ("had", "later").
pub static AUXILIARIES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("subject_auxiliaries.txt")));
/// Nouns by which an article refers back to a company it named ("the company", "le groupe").
pub static COMPANY_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("company_nouns.txt")));
/// Nouns of people and bodies that speak ("police", "les enquêteurs"): a source after
/// "according to" or "selon" that has no name.
pub static SPEAKING_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("speaking_nouns.txt")));
/// Occupations by which an article refers back to a person it named ("the researcher").
pub static PERSON_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("person_nouns.txt")));
/// Where words are published ("on Twitter", "sur son blog"): a quote attributed there is writing.
pub static WRITING_PLATFORMS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("writing_platforms.txt")));
/// Outlets that print what they report ("the newspaper", "le quotidien"): their words are writing.
pub static PRINT_MEDIA_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("print_media_nouns.txt")));
/// Words that make a capitalised name a printed outlet ("The Washington Post", "Le Monde").
pub static PRINT_OUTLET_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("print_outlet_words.txt")));
/// Nouns of public bodies written in their names and then alone ("le ministère", "the committee").
pub static BODY_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("body_nouns.txt")));
/// Role nouns that make a phrase a descriptor of a person ("the founder", "le ministre").
pub static ROLE_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("role_nouns.txt")));
/// Verb forms after a subject that endings miss: auxiliaries, modals, irregular pasts.
pub static IRREGULAR_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("irregular_verbs.txt")));
/// Adverbs that announce the verb after an English subject ("also", "repeatedly").
pub static VERB_OPENING_ADVERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("verb_opening_adverbs.txt")));
/// French negation and third-person clitics that announce a verb after a subject.
pub static FRENCH_VERB_CLITICS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("french_verb_clitics.txt")));
/// French clitics between a subject and its verb ("l'avait annoncé"), all persons.
pub static FRENCH_OBJECT_PRONOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("french_object_pronouns.txt")));
/// Verbs of thought and finding that attribute a that-clause ("a poll found that").
pub static THAT_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("that_verbs.txt")));
/// Present-tense verbs of judgement that attribute a that-clause ("argues that").
pub static THAT_PRESENT_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("that_present_verbs.txt")));
/// Verbs of speech acts whose object is what was said ("announced", "urged").
pub static SPEECH_ACTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("speech_acts.txt")));
/// Words of the French asides between an auxiliary and its participle ("de son côté").
pub static FRENCH_ASIDES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("french_asides.txt")));
/// French forms of avoir before a speech participle ("a", "avaient", "aurait").
pub static FRENCH_AUXILIARIES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("french_auxiliaries.txt")));
/// Speech verbs whose listener comes before what is said ("told reporters that").
pub static LISTENER_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("listener_verbs.txt")));
/// Adverbs French puts between an auxiliary and its participle ("a également indiqué").
pub static FRENCH_ADVERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("french_adverbs.txt")));
/// Verbs that name or label something ("called", "dubbed", "qualifié").
pub static NAMING_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("naming_verbs.txt")));
/// Words between "according to" and the source's name ("a report published by").
pub static SOURCE_LEAD_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("source_lead_words.txt")));
/// Capitalised labels before a colon that name no speaker ("UPDATE", "PHOTO").
pub static TRANSCRIPT_NON_SPEAKERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("transcript_non_speakers.txt")));
/// Words opening a short phrase between a speech verb and its "that" ("in", "mardi").
pub static REPORT_GAP_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("report_gap_words.txt")));
/// Words that open what is said after a listener ("that", "they").
pub static LISTENER_CLAUSE_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("listener_clause_openers.txt")));
/// Words after a speech verb that open no reported clause ("to", "it", "yes").
pub static NOT_CLAUSE_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("not_clause_openers.txt")));
/// Verbs after "it" that make "said it …" open a clause ("is", "would").
pub static IT_CLAUSE_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("it_clause_verbs.txt")));
/// Speech participles whose speaker is the sentence's subject ("saying", "noting").
pub static SPEECH_PARTICIPLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("speech_participles.txt")));
/// Coordinating words before a verb that shares the sentence's subject ("and", "puis").
pub static VERB_COORDINATORS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("verb_coordinators.txt")));
/// Articles and quantifiers that open a descriptor ("the", "plusieurs", "many").
pub static ARTICLE_DETERMINERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("article_determiners.txt")));
/// Words before a time word that belong with it ("on", "last", "ce").
pub static TIME_LEAD_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("time_lead_words.txt")));
/// Prepositions that end a speaker phrase after a speech verb ("dans", "during").
pub static SPEAKER_PHRASE_ENDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("speaker_phrase_ends.txt")));
/// Relative pronouns that end a speaker's name after a speech verb ("qui", "who").
pub static RELATIVE_PRONOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("relative_pronouns.txt")));
/// Indefinite determiners whose speaker phrase keeps its relative clause ("an", "several").
pub static INDEFINITE_DETERMINERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("indefinite_determiners.txt")));
/// Indefinite articles that make a speaker an anonymous source ("a", "une", "some").
pub static ANONYMOUS_DETERMINERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("anonymous_determiners.txt")));
/// Adjectives after "de" that make it a partitive determiner ("De nombreux habitants").
pub static FRENCH_PARTITIVE_ADJECTIVES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("french_partitive_adjectives.txt")));
/// Words that open an adverbial ending with a comma before a subject ("Meanwhile,").
pub static OPENING_ADVERBIALS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("opening_adverbials.txt")));
/// Conjunctions that open a sentence before its subject ("But", "Mais").
pub static OPENING_CONJUNCTIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("opening_conjunctions.txt")));

/// A row's type as one of the cue types a quote may have; `None` for a misspelt type.
fn cue_type_name(name: &str) -> Option<&'static str> {
    ["speech", "writing", "thought", "finding"].into_iter().find(|&t| t == name)
}

/// A `type<TAB>word` lexicon as word → cue type.
fn typed_words(data: &'static str) -> rustc_hash::FxHashMap<&'static str, &'static str> {
    super::rows(data).filter_map(|row| Some((*row.get(1)?, cue_type_name(row[0])?))).collect()
}

/// "wrote", "believes", "a estimé" (by its participle), "found": cue words that report writing,
/// thought or a finding; every other cue reports speech.
pub static CUE_TYPES: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> = LazyLock::new(|| typed_words(include_str!("cue_types.tsv")));

/// "study", "sondage", "letter": nouns that make their speaker phrase a finding or writing.
pub static CUE_SOURCE_NOUNS: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> = LazyLock::new(|| typed_words(include_str!("cue_source_nouns.tsv")));

/// "prices", "the index", "note": heads of phrases that report nothing, whatever verb follows.
pub static MUTE_SUBJECTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(include_str!("mute_subjects.txt")));

/// "mr" → male, "mme" → female: forms of address that tell a person's gender.
pub static GENDERED_TITLES: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| super::rows(include_str!("gendered_titles.tsv")).filter_map(|row| Some((*row.get(1)?, row[0]))).collect());
