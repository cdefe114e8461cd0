//! What a quote's cue reports: speech ("said", "a déclaré"), writing ("wrote", "tweeted"),
//! thought ("believes", "estime que") or a finding ("a poll found", "selon une étude"). Readers
//! count "who said what" from speech and writing; beliefs and findings are kept apart.

use super::cues::PREPOSITIONS;
use crate::lexicons::quote_words::{CUE_SOURCE_NOUNS, CUE_TYPES};

/// The cue type of a quote attributed with `cue` to `speaker`. A study or a poll finds, whatever
/// the verb ("the study says"); otherwise the verb decides ("she wrote", "il pense que"); a
/// letter or a statement writes; everything else is speech, quotes without a cue included.
pub(super) fn cue_type(cue: &str, speaker: Option<&str>) -> &'static str {
    let noun = speaker.and_then(speaker_noun_type);
    if noun == Some("finding") {
        return "finding";
    }
    let verb = cue.split_whitespace().find_map(|word| CUE_TYPES.get(word.to_lowercase().as_str()).copied());
    verb.or(noun).unwrap_or("speech")
}

/// The type a noun of the speaker phrase gives it ("A new poll" → finding), among the words
/// before its first preposition: "the authors of the study" are people.
fn speaker_noun_type(speaker: &str) -> Option<&'static str> {
    speaker
        .split_whitespace()
        .map(str::to_lowercase)
        .take_while(|word| !PREPOSITIONS.contains(word.as_str()) && !matches!(word.as_str(), "du" | "des" | "d'" | "who" | "qui" | "which"))
        .find_map(|word| CUE_SOURCE_NOUNS.get(word.trim_end_matches(',')).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verb_decides_between_speech_writing_and_thought() {
        assert_eq!(cue_type("said", Some("Lena Ortiz")), "speech");
        assert_eq!(cue_type("a déclaré", Some("le maire")), "speech");
        assert_eq!(cue_type("wrote", Some("Lena Ortiz")), "writing");
        assert_eq!(cue_type("a écrit", Some("la ministre")), "writing");
        assert_eq!(cue_type("believes that", Some("He")), "thought");
        assert_eq!(cue_type("estime que", Some("Le syndicat")), "thought");
        assert_eq!(cue_type("", None), "speech");
    }

    #[test]
    fn a_study_or_poll_finds_and_a_letter_writes() {
        assert_eq!(cue_type("says", Some("A new survey of nurses")), "finding");
        assert_eq!(cue_type("according to", Some("une étude de l'Insee")), "finding");
        assert_eq!(cue_type("estimated", Some("The report")), "finding");
        assert_eq!(cue_type("said", Some("the statement")), "writing");
        // The authors of a study are people who speak.
        assert_eq!(cue_type("said", Some("the authors of the study")), "speech");
    }
}
