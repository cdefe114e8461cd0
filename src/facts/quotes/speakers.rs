//! Who speaks: the phrase before or after a cue, a sentence's subject, the name in it; what
//! pronouns and relatives stand for is in `references.rs`, descriptors in `descriptors.rs`.

use super::*;
use crate::lexicons::date_words::COPULAS;

/// A pronoun's or descriptor's speaker: its own mention (`phrase`, the span it is written at)
/// with the name it stands for, when one was found.
pub(super) fn standing_for(named: Option<Speaker>, phrase: &Speaker) -> Speaker {
    match named {
        Some(named) => Speaker { name: named.name, start: phrase.start, end: phrase.end },
        None => phrase.clone(),
    }
}

/// A speaker phrase without the conjunction before it ("But Ms James", "tandis que la gauche")
/// or the reflexive or
/// auxiliary after it ("Le ministère s'est", "the committee has"): the words of the sentence
/// around the speaker's name, not the name.
fn trimmed(ctx: &Context, mut first: usize, mut last: usize) -> (usize, usize) {
    while first < last
        && (OPENING_CONJUNCTIONS.contains(&ctx.word(first)) || CLAUSE_BREAKS.contains(&ctx.word(first)) || matches!(ctx.word(first), "tandis" | "alors"))
    {
        first += 1;
    }
    while last > first
        && (matches!(ctx.word(last), "s'" | "se" | "s'est" | "a" | "has" | "have" | "had")
            || ctx.word(last) == "est" && ctx.word(last - 1) == "s'"
            || !ctx.capitalised(last) && auxiliary_or_modal(ctx.word(last)) && !matches!(ctx.word(last), "get" | "gets" | "got"))
    {
        last -= 1;
    }
    if last > first && ctx.word(last) == "s'" {
        last -= 1;
    }
    (first, last)
}

/// Whether a speaker as written is one word that cannot name anyone: an article or possessive,
/// an auxiliary or form of "to be", an adverb, a preposition, a French object clitic.
pub(super) fn function_word(written: &str) -> bool {
    let word = written.trim().to_lowercase();
    let word = word.as_str();
    !word.is_empty()
        && !word.contains(char::is_whitespace)
        // The determiners hold the articles; a demonstrative alone may stand for someone.
        && (DETERMINERS.contains(&word) && !matches!(word, "these" | "those" | "such" | "this")
            || AUXILIARIES.contains(&word)
            || FRENCH_AUXILIARIES.contains(&word)
            || COPULAS.contains(&word)
            || matches!(word, "be" | "been" | "being" | "au" | "aux" | "fut" | "été")
            || ADVERBS.contains(&word)
            || FRENCH_ADVERBS.contains(&word)
            // "previously", not "Kelly": an adverb by its ending only in lowercase.
            || word.len() > 4 && word.ends_with("ly") && written.trim() == word
            || PREPOSITIONS.contains(&word)
            || FRENCH_OBJECT_PRONOUNS.contains(&word))
}

/// Whether token `k` is "of" or one of its French forms: a complement follows.
pub(super) fn of(ctx: &Context, k: usize) -> bool {
    matches!(ctx.word(k), "de" | "du" | "des" | "d'" | "of")
}

/// "Rep. Ana Ruiz (D-Texas) said": the token before a short parenthesis that ends at `last`
/// (none when the parenthesis opens the text), else `last`.
fn before_parenthesis(ctx: &Context, last: usize) -> Option<usize> {
    if ctx.word(last) != ")" {
        return Some(last);
    }
    match (last.saturating_sub(6)..last).rev().find(|&k| ctx.word(k) == "(") {
        Some(open) => open.checked_sub(1),
        None => Some(last),
    }
}

/// "The memo goes on to claim", "she refused to comment": before a "to" at `last`, the token before
/// the verb it follows, whose subject speaks; else `last`.
fn before_infinitive(ctx: &Context, last: usize, end: usize) -> usize {
    if ctx.word(last) == "to" && last >= 2 && ctx.same_sentence(last - 2, end) {
        let particle = usize::from(matches!(ctx.word(last - 1), "on" | "up" | "out"));
        if last > 1 + particle && verb_like(ctx, last - 1 - particle) && ctx.word(last - 1 - particle) != "," {
            return last - (2 + particle);
        }
    }
    last
}

/// "Okonkwo on Tuesday said", "prosecutors in April charged", "Dupont initially said", "who
/// has often complained", "backers had long argued": the token before the auxiliaries,
/// adverbs and times that end at `last`, between a subject and its verb.
fn before_verb_modifiers(ctx: &Context, mut last: usize, end: usize) -> usize {
    loop {
        let word = ctx.word(last);
        let adverb = word.len() > 4 && word.ends_with("ly") && !ctx.capitalised(last) || ADVERBS.contains(&word);
        let time = time_word(word) || crate::lexicons::MONTHS.contains_key(word.trim_end_matches('.')) && ctx.capitalised(last);
        let past = ctx.matches(last.saturating_sub(2), &["in", "the", "past"]) && last >= 2;
        if !(adverb || time || past || AUXILIARIES.contains(&word)) || last == 0 || !ctx.same_sentence(last - 1, end) {
            return last;
        }
        last -= if past { 3 } else { 1 };
        // "on Tuesday", "last week", "ce matin": the word before a time goes with it.
        if time && TIME_LEAD_WORDS.contains(&ctx.word(last)) && last > 0 && ctx.same_sentence(last - 1, end) {
            last -= 1;
        }
    }
}

/// "Pastor l'avait annoncé", "elle ne dit pas": the token before the French clitics that end
/// at `last`, between a subject and its verb.
fn before_object_pronouns(ctx: &Context, mut last: usize, end: usize) -> usize {
    while last > 0 && FRENCH_OBJECT_PRONOUNS.contains(&ctx.word(last)) && ctx.same_sentence(last - 1, end) {
        last -= 1;
    }
    last
}

/// The speaker phrase that ends at token `last`: back to punctuation or a clause break, then
/// trimmed to open with a name, a determiner or a pronoun; or else a short bare noun phrase
/// ("officials", "many experts", "sources close to him").
fn speaker_phrase_ending_at(ctx: &Context, last: usize) -> Option<(usize, usize)> {
    let mut first = last;
    while first > 0 && ctx.same_sentence(first - 1, last) && last - first < MAX_SPEAKER_TOKENS {
        let previous = ctx.word(first - 1);
        if ctx.kind(first - 1) == TokenKind::Punct && !matches!(previous, "'" | "’") || CLAUSE_BREAKS.contains(&previous) {
            break;
        }
        first -= 1;
    }
    let opens_well = |k: usize| ctx.capitalised(k) || DETERMINERS.contains(&ctx.word(k)) || PRONOUNS.contains(&ctx.word(k));
    while first < last && !opens_well(first) {
        first += 1;
    }
    let bare =
        last - first < 3 && (first..=last).all(|k| ctx.kind(k) == TokenKind::Word && !ctx.word(k).ends_with("ing") && !PREPOSITIONS.contains(&ctx.word(k)));
    ((opens_well(first) || bare) && !matches!(ctx.word(first), "it" | "this" | "that" | "which" | "there")).then_some((first, last))
}

/// "déclare à l'AFP Jean-Philippe Magnen", "a confié au Figaro": a listener named after a
/// speech verb (from token `start`) comes before the speaker; the token after it, when a
/// capitalised word follows.
fn past_listener(ctx: &Context, start: usize) -> Option<usize> {
    if !matches!(ctx.word(start), "à" | "au" | "aux" | "to") || !ctx.same_sentence(start, start + 2) {
        return None;
    }
    let listener = start + 1 + usize::from(matches!(ctx.word(start + 1), "l'" | "la" | "le" | "les" | "the"));
    (ctx.kind(listener + 1) == TokenKind::Word && ctx.capitalised(listener + 1)).then_some(listener + 1)
}

/// "De nombreux habitants", "d'anciens salariés": "de" as a partitive determiner at token
/// `start`, not a preposition opening an adverbial.
fn partitive_determiner(ctx: &Context, start: usize) -> bool {
    matches!(ctx.word(start), "de" | "d'") && FRENCH_PARTITIVE_ADJECTIVES.contains(&ctx.word(start + 1))
}

impl Finder<'_, '_> {
    pub(super) fn span(&self, first: usize, last: usize) -> String {
        self.ctx.text[self.ctx.start(first)..self.ctx.end(last)].to_string()
    }

    /// The mention of a speaker at tokens `first..=last`, as written.
    pub(super) fn mention(&self, first: usize, last: usize) -> Speaker {
        Speaker { name: self.span(first, last), start: self.ctx.start(first), end: self.ctx.end(last) }
    }

    /// The speaker a phrase (tokens first..=last) names: a name in it, or the last person for a
    /// pronoun or a definite descriptor, or the descriptor itself when indefinite.
    pub(super) fn speaker_from(&mut self, first: usize, last: usize) -> Option<Speaker> {
        if first > last || last - first >= MAX_SPEAKER_TOKENS {
            return None;
        }
        let (first, last) = trimmed(self.ctx, first, last);
        let phrase = self.mention(first, last);
        let stand_in = self.pronoun_speaker(first, last, &phrase).or_else(|| self.relative_speaker(first, last, &phrase));
        if let Some(speaker) = stand_in.or_else(|| self.impersonal_speaker(first, last, &phrase)) {
            return Some(speaker);
        }
        if let Some(holder) = self.title_holder(first, last) {
            self.last_person = Some(holder.clone());
            return Some(standing_for(Some(holder), &phrase));
        }
        if let Some(referent) = self.named.referent(self.ctx, first, last) {
            return Some(standing_for(Some(referent), &phrase));
        }
        if self.speaks_as_written(first, last) {
            return Some(phrase);
        }
        self.named_speaker(first, last).or_else(|| self.role_speaker(first, last, &phrase)).or(Some(phrase))
    }

    /// The person a speaker phrase at `first..=last` is about: the one that ends it ("Acme's
    /// principal analyst Ann Lee", "Ann Lee's lawyer Tom Ward"), unless a complement leads to
    /// it ("Ann Lee of Acme Lee Bank"); else the first one ("Ann Lee has backed Tom Ward's plan").
    fn head_person_in(&self, first: usize, last: usize) -> Option<Speaker> {
        let ctx = self.ctx;
        let end = ctx.end(last);
        let people: Vec<&(usize, Speaker)> = self.people_from(first, last).filter(|(_, s)| s.end <= end).collect();
        let (&&(k, ref closing), before) = people.split_last()?;
        let complement_between = |a: usize| (a..k).any(|j| matches!(ctx.word(j), "of" | "at" | "from" | "de" | "du" | "des" | "d'" | "chez"));
        let after_previous = before.last().map_or(first, |(_, s)| ctx.token_at(s.end.saturating_sub(1)));
        if closing.end == end && !complement_between(after_previous) {
            return Some(closing.clone());
        }
        people.first().map(|(_, s)| s.clone())
    }

    /// The people (of the entity stage) whose mention starts in tokens `first..=last`, as
    /// (first token, mention), in text order.
    pub(super) fn people_from(&self, first: usize, last: usize) -> impl Iterator<Item = &(usize, Speaker)> {
        let people = &self.named.people;
        people[people.partition_point(|(k, _)| *k < first)..].iter().take_while(move |(k, _)| *k <= last)
    }

    /// The first person (a fact of the entity stage) whose mention lies in tokens
    /// `first..=last`: the mention, with the person's name.
    pub(super) fn person_in(&self, first: usize, last: usize) -> Option<Speaker> {
        let end = self.ctx.end(last);
        self.people_from(first, last).find(|(_, s)| s.end <= end).map(|(_, s)| s.clone())
    }

    /// The person (a fact of the entity stage) named last before token `before`, within
    /// `NAME_LOOKBACK` tokens, whom `fits` accepts.
    pub(super) fn nearest_person(&self, before: usize, fits: &impl Fn(&Speaker) -> bool) -> Option<Speaker> {
        let after = self.named.people.partition_point(|(k, _)| *k < before);
        self.named.people[..after].iter().rev().take_while(|(k, _)| before - k <= NAME_LOOKBACK).map(|(_, s)| s).find(|s| fits(s)).cloned()
    }

    /// Whether the phrase at `first..=last` is the speaker as written, though a name is in it:
    /// a role of an institution ("le ministre de l'Intérieur", "the head of the Fed"), an
    /// institution ("L'Association des leaders religieux du Mali"), or a determined noun phrase
    /// whose only name is a complement ("Le nouveau gouvernement du Parti québécois").
    fn speaks_as_written(&self, first: usize, last: usize) -> bool {
        let ctx = self.ctx;
        let determined = ARTICLE_DETERMINERS.contains(&ctx.word(first));
        let complement_name = name_in(ctx, first, last)
            .is_some_and(|(a, _)| a > first && (of(ctx, a - 1) || a > first + 1 && matches!(ctx.word(a - 1), "l'" | "la" | "le" | "the") && of(ctx, a - 2)));
        self.institution(first, last) || self.role_of(first, last) || determined && complement_name
    }

    /// "le ministre de l'Intérieur", "the head of the Fed": a role noun then "of", and no name
    /// of two words in the phrase (which would be the person's).
    fn role_of(&self, first: usize, last: usize) -> bool {
        let ctx = self.ctx;
        (first..last).any(|k| ROLE_NOUNS.contains(&ctx.word(k)) && of(ctx, k + 1))
            && !(first..=last).any(|k| ctx.capitalised(k) && ctx.capitalised(k + 1) && k < last && ctx.kind(k + 1) == TokenKind::Word)
    }

    /// "L'Association des leaders religieux du Mali", "La Fédération belge du secteur
    /// financier": a definite article, a capitalised noun and its complement, with no name of
    /// two capitalised words in a row after the noun.
    fn institution(&self, first: usize, last: usize) -> bool {
        let ctx = self.ctx;
        matches!(ctx.word(first), "le" | "la" | "l'" | "les" | "the")
            && first < last
            && ctx.capitalised(first + 1)
            && (first + 2..=last).any(|k| of(ctx, k))
            && !(first + 1..=last).any(|k| k > first + 1 && ctx.capitalised(k) && ctx.capitalised(k - 1) && !of(ctx, k - 1))
    }

    /// The name in the phrase at `first..=last` (not a lone stop word); a name of two words or
    /// more becomes the last person named, for the pronouns that follow.
    fn named_speaker(&mut self, first: usize, last: usize) -> Option<Speaker> {
        let ctx = self.ctx;
        // A person the entity stage found in the phrase ("aviation analyst Mike Powell of
        // Dresdner Bank") is the speaker, by the name the article gives them.
        if let Some(person) = self.head_person_in(first, last) {
            self.last_person = Some(person.clone());
            return Some(person);
        }
        let (a, b) = name_in(ctx, first, last).filter(|&(a, b)| b > a || !stopwords::stop_words(Lang::Und).contains(ctx.word(a)))?;
        let named = self.mention(a, b);
        if b > a {
            self.last_person = Some(named.clone());
        }
        Some(named)
    }

    /// "the judge", "le ministre de l'Économie" (no person named in the phrase): the person
    /// the article gave that title before (`titles`).
    fn title_holder(&self, first: usize, last: usize) -> Option<Speaker> {
        if self.person_in(first, last).is_some() {
            return None;
        }
        self.titles.holder(self.ctx, &self.genders, first, last)
    }

    /// "the official", "le porte-parole": a definite descriptor with a role noun stands for
    /// the last person named.
    fn role_speaker(&self, first: usize, last: usize, phrase: &Speaker) -> Option<Speaker> {
        let ctx = self.ctx;
        let definite_role = matches!(ctx.word(first), "the" | "le" | "la" | "l'") && (first..=last).any(|k| ROLE_NOUNS.contains(&ctx.word(k)));
        definite_role.then(|| standing_for(self.last_person.clone().or_else(|| self.recent_name(first)), phrase))
    }

    /// The noun phrase that ends right before token `end` (exclusive), back to a clause break:
    /// the subject of a verb at `end`, past what may stand between the two.
    pub(super) fn phrase_before(&self, end: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let mut last = before_parenthesis(ctx, end.checked_sub(1)?)?;
        // "Lionel Tardy (UMP) a lui écrit": clitics, auxiliaries and a parenthesis may come in
        // any order between a subject and its verb.
        loop {
            let before = before_object_pronouns(ctx, before_verb_modifiers(ctx, before_infinitive(ctx, last, end), end), end);
            let before = if before == last { before } else { before_parenthesis(ctx, before)? };
            if before == last {
                break;
            }
            last = before;
        }
        // "…, which notes that", "…, who added that", "It said that": a relative or impersonal
        // pronoun right before the verb is the speaker's mention.
        if matches!(ctx.word(last), "who" | "which" | "it" | "qui") && ctx.same_sentence(last, end) {
            return Some((last, last));
        }
        if !ctx.same_sentence(last, end) || ctx.kind(last) == TokenKind::Punct || CLAUSE_BREAKS.contains(&ctx.word(last)) {
            return None;
        }
        speaker_phrase_ending_at(ctx, last)
    }

    /// The noun phrase from token `start` to the end of its clause.
    pub(super) fn phrase_after(&self, start: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        // "répondit alors son complice", "said again": an adverb before the subject.
        let start = if FRENCH_ADVERBS.contains(&ctx.word(start)) || ADVERBS.contains(&ctx.word(start)) { start + 1 } else { start };
        let start = past_listener(ctx, start).unwrap_or(start);
        let indefinite = INDEFINITE_DETERMINERS.contains(&ctx.word(start));
        if start >= ctx.len() || ctx.kind(start) == TokenKind::Punct {
            return None;
        }
        let mut last = start;
        while last + 1 < ctx.len() && ctx.same_sentence(start, last + 1) && ctx.kind(last + 1) != TokenKind::Punct && last + 1 - start < MAX_SPEAKER_TOKENS {
            // "le documentaire qui précise …": a relative clause is not the speaker's name, but
            // it is part of an anonymous one ("an expert who wished to remain unnamed").
            let relative = RELATIVE_PRONOUNS.contains(&ctx.word(last + 1)) && !indefinite;
            if (SPEAKER_PHRASE_ENDS.contains(&ctx.word(last + 1)) || relative) && last > start {
                break;
            }
            last += 1;
        }
        Some((start, last))
    }

    /// The subject opening a sentence: a name ("Dupont", "Sen. Ana Ruiz"), a pronoun, or a
    /// determined noun phrase ("The former secretary of state", "Her campaign"), after a short
    /// opening adverbial ("On Wednesday, …"), and followed by a verb-like word.
    pub(super) fn sentence_subject(&self, start: usize, before: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let start = self.after_opening_adverbial(start, before);
        if start >= before {
            return None;
        }
        let partitive = matches!(ctx.word(start), "de" | "d'") && ctx.kind(start + 1) == TokenKind::Word && !ctx.capitalised(start + 1);
        if (DETERMINERS.contains(&ctx.word(start)) || partitive) && !ctx.matches(start, &["this"]) {
            return self.determined_subject(start, before);
        }
        let first = start;
        let pronoun = PRONOUNS.contains(&ctx.word(first));
        if !(ctx.kind(first) == TokenKind::Word && (ctx.capitalised(first) && !stopwords::stop_words(Lang::Und).contains(ctx.word(first)) || pronoun)) {
            return None;
        }
        let mut last = first;
        // "New Jersey Gov. Chris Christie": titles written as abbreviations belong to the name.
        let name_part = |k: usize| matches!(ctx.kind(k), TokenKind::Word | TokenKind::Abbreviation) && ctx.capitalised(k);
        while last + 1 < before && (name_part(last + 1) || matches!(ctx.word(last + 1), "of" | "de")) {
            last += 1;
        }
        (verb_like(ctx, last + 1) && last - start < MAX_SPEAKER_TOKENS).then_some((start, last))
    }

    /// "The council voted …", "Her campaign quickly blasted …", "The influential delegate,
    /// who backs Berg, warned …": a determiner, a few words, then a verb-like word (an
    /// apposition or relative clause between commas is skipped).
    pub(super) fn determined_subject(&self, start: usize, before: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let mut k = start + 1;
        while k < before && k - start < 8 {
            if ctx.word(k) == "," {
                // ", who backs Berg," / ", témoins de la scène," then the verb.
                let closing = (k + 1..before.min(k + MAX_SPEAKER_TOKENS)).find(|&c| ctx.word(c) == ",")?;
                let verb = verb_like(ctx, closing + 1) && ctx.word(closing + 1) != ","
                    || speech_verb(ctx, closing + 1).is_some()
                    || speech_verb(ctx, closing + 2).is_some_and(|(a, _)| a == closing + 1);
                return verb.then_some((start, k - 1));
            }
            if k > start + 1 && verb_like(ctx, k) {
                return Some((start, k - 1));
            }
            let word_like = matches!(ctx.kind(k), TokenKind::Word | TokenKind::Number | TokenKind::Abbreviation);
            if !word_like || CLAUSE_BREAKS.contains(&ctx.word(k)) || PREPOSITIONS.contains(&ctx.word(k)) && ctx.word(k) != "of" {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The first token after an opening adverbial that ends with a comma ("On Wednesday,",
    /// "In a statement Tuesday,", "Meanwhile,"), or `start` when there is none.
    pub(super) fn after_opening_adverbial(&self, start: usize, before: usize) -> usize {
        let ctx = self.ctx;
        if partitive_determiner(ctx, start) {
            return start;
        }
        let opener = PREPOSITIONS.contains(&ctx.word(start)) || OPENING_ADVERBIALS.contains(&ctx.word(start));
        // "Minutes later,", "Two days ago,": a time before the subject.
        let time_ago =
            (start + 1..before.min(start + 5)).find(|&k| matches!(ctx.word(k), "later" | "ago" | "earlier" | "plus" | "tard") && ctx.word(k + 1) == ",");
        if let Some(k) = time_ago {
            return k + 2;
        }
        if !opener {
            return start;
        }
        match (start + 1..before.min(start + 16)).find(|&k| ctx.word(k) == ",") {
            // "Later, during the hearing with the regulator, Okafor …": openers in a row.
            Some(comma) if comma + 1 < before => self.after_opening_adverbial(comma + 1, before),
            Some(comma) => comma + 1,
            None if OPENING_CONJUNCTIONS.contains(&ctx.word(start)) => start + 1,
            None => start,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{article, at, finder, finder_with_entities, named, nth, text};
    use super::*;

    #[test]
    fn function_words_name_no_one() {
        for word in ["the", "The", "has", "been", "also", "previously", "for", "la", "au", "lui", "a", "fut"] {
            assert!(function_word(word), "{word}");
        }
        for word in ["They", "officials", "those", "il", "Mme Dubois", "the minister", "SUD", "Kelly"] {
            assert!(!function_word(word), "{word}");
        }
    }

    #[test]
    fn a_speaker_phrase_loses_its_conjunction_and_auxiliary() {
        let article = article("But Ms Okoro said no. Le syndicat s'est dit prêt.", Lang::Fr);
        let ctx = Context::new(&article);
        let but = at(&ctx, "but");
        assert_eq!(text(&ctx, trimmed(&ctx, but, but + 2)), "Ms Okoro");
        let le = at(&ctx, "le");
        assert_eq!(text(&ctx, trimmed(&ctx, le, at(&ctx, "est"))), "Le syndicat");
    }

    #[test]
    fn a_stand_in_keeps_its_span_and_takes_the_name() {
        let phrase = Speaker { name: "she".into(), start: 40, end: 43 };
        let got = standing_for(Some(named("Ana Ruiz")), &phrase);
        assert_eq!((got.name.as_str(), got.start, got.end), ("Ana Ruiz", 40, 43));
        assert_eq!(standing_for(None, &phrase).name, "she");
    }

    #[test]
    fn of_in_both_languages() {
        let article = article("the head of the union, le chef de l'État, la fin d'une ère", Lang::Fr);
        let ctx = Context::new(&article);
        assert!(of(&ctx, at(&ctx, "of")) && of(&ctx, at(&ctx, "de")) && of(&ctx, at(&ctx, "d'")));
        assert!(!of(&ctx, at(&ctx, "union")));
    }

    #[test]
    fn a_short_parenthesis_after_a_name_is_skipped() {
        let article = article("Rep. Ana Ruiz (D-Ore.) said no.", Lang::En);
        let ctx = Context::new(&article);
        assert_eq!(before_parenthesis(&ctx, at(&ctx, ")")), Some(at(&ctx, "ruiz")));
        assert_eq!(before_parenthesis(&ctx, at(&ctx, "ruiz")), Some(at(&ctx, "ruiz")));
        let other = super::super::test_support::article("(AP) said no.", Lang::En);
        let ctx = Context::new(&other);
        assert_eq!(before_parenthesis(&ctx, at(&ctx, ")")), None);
    }

    #[test]
    fn before_to_the_subject_of_the_verb_it_follows() {
        let article = article("The memo goes on to say that costs rose. The memo has to say more.", Lang::En);
        let ctx = Context::new(&article);
        let say = at(&ctx, "say");
        assert_eq!(before_infinitive(&ctx, say - 1, say), at(&ctx, "memo"));
        let say = nth(&ctx, "say", 1);
        assert_eq!(before_infinitive(&ctx, say - 1, say), nth(&ctx, "memo", 1));
        assert_eq!(before_infinitive(&ctx, at(&ctx, "costs"), say), at(&ctx, "costs"));
    }

    #[test]
    fn times_adverbs_and_auxiliaries_between_subject_and_verb() {
        let article = article("Ruiz on Friday said yes. Ruiz has often said yes. Backers had in the past said yes. Ruiz said yes.", Lang::En);
        let ctx = Context::new(&article);
        let before = |n: usize| {
            let said = nth(&ctx, "said", n);
            text(&ctx, (before_verb_modifiers(&ctx, said - 1, said), before_verb_modifiers(&ctx, said - 1, said)))
        };
        assert_eq!(before(0), "Ruiz");
        assert_eq!(before(1), "Ruiz");
        assert_eq!(before(2), "Backers");
        assert_eq!(before(3), "Ruiz");
    }

    #[test]
    fn french_clitics_between_subject_and_verb_are_skipped() {
        let article = article("Le ministre l'avait annoncé. Le ministre avait annoncé.", Lang::Fr);
        let ctx = Context::new(&article);
        let end = at(&ctx, "annoncé");
        assert_eq!(before_object_pronouns(&ctx, at(&ctx, "l'"), end), at(&ctx, "ministre"));
        let end = nth(&ctx, "annoncé", 1);
        assert_eq!(before_object_pronouns(&ctx, nth(&ctx, "ministre", 1), end), nth(&ctx, "ministre", 1));
    }

    #[test]
    fn a_speaker_phrase_opens_well_or_is_short_and_bare() {
        let article = article("Prices rose and the new mayor spoke. Since then, officials spoke. He left because it rained.", Lang::En);
        let ctx = Context::new(&article);
        assert_eq!(text(&ctx, speaker_phrase_ending_at(&ctx, at(&ctx, "mayor")).unwrap()), "the new mayor");
        assert_eq!(text(&ctx, speaker_phrase_ending_at(&ctx, at(&ctx, "officials")).unwrap()), "officials");
        assert_eq!(speaker_phrase_ending_at(&ctx, at(&ctx, "it")), None);
    }

    #[test]
    fn a_listener_named_before_the_speaker_is_skipped() {
        let article = article("« Rien ne change », déclare à l'AFP Jean Martin. He said to reporters that it rained.", Lang::Fr);
        let ctx = Context::new(&article);
        assert_eq!(past_listener(&ctx, at(&ctx, "à")), Some(at(&ctx, "jean")));
        assert_eq!(past_listener(&ctx, at(&ctx, "to")), None);
        assert_eq!(past_listener(&ctx, at(&ctx, "jean")), None);
    }

    #[test]
    fn de_before_some_adjectives_is_a_partitive() {
        let article = article("De nombreux habitants ont protesté. De Paris, il a écrit.", Lang::Fr);
        let ctx = Context::new(&article);
        assert!(partitive_determiner(&ctx, nth(&ctx, "de", 0)));
        assert!(!partitive_determiner(&ctx, nth(&ctx, "de", 1)));
    }

    #[test]
    fn a_mention_is_the_text_as_written() {
        let article = article("The union leader spoke.", Lang::En);
        let ctx = Context::new(&article);
        let got = finder(&ctx).mention(0, 2);
        assert_eq!((got.name.as_str(), got.start, got.end), ("The union leader", 0, 16));
    }

    #[test]
    fn the_person_a_speaker_phrase_ends_with_unless_a_complement_leads_to_it() {
        let text = "Maria Lenz said so. Jonas Weber's lawyer Tom Ward said so. Maria Lenz has backed Tom Ward's plan.";
        let article = article(text, Lang::En);
        let ctx = Context::new(&article);
        let f = finder_with_entities(&ctx, &article);
        let (jonas, said) = (at(&ctx, "jonas"), nth(&ctx, "said", 1));
        assert_eq!(f.head_person_in(jonas, said - 1).map(|s| s.name).as_deref(), Some("Tom Ward"));
        let (maria, plan) = (nth(&ctx, "maria", 1), at(&ctx, "plan"));
        assert_eq!(f.head_person_in(maria, plan).map(|s| s.name).as_deref(), Some("Maria Lenz"));
    }

    #[test]
    fn roles_institutions_and_complements_speak_as_written() {
        let article = article("le ministre de l'Intérieur. Le nouveau gouvernement du Québec. Le maire Jean Martin.", Lang::Fr);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        assert!(f.speaks_as_written(0, at(&ctx, "intérieur")));
        assert!(f.speaks_as_written(nth(&ctx, "le", 1), at(&ctx, "québec")));
        assert!(!f.speaks_as_written(nth(&ctx, "le", 2), at(&ctx, "martin")));
    }

    #[test]
    fn a_role_of_an_institution_without_a_persons_name() {
        let article = article("the president of the Fed. the president of Acme Jane Doe.", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        assert!(f.role_of(0, at(&ctx, "fed")));
        assert!(!f.role_of(nth(&ctx, "the", 2), at(&ctx, "doe")));
    }

    #[test]
    fn an_institution_is_a_capitalised_noun_and_its_complement() {
        let article = article("L'Association des riverains du port. La maire de Lille.", Lang::Fr);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        assert!(f.institution(0, at(&ctx, "port")));
        assert!(!f.institution(at(&ctx, "la"), at(&ctx, "lille")));
    }

    #[test]
    fn a_name_of_two_words_becomes_the_last_person() {
        let article = article("the Lille mayor Ana Ruiz. the mayor Ruiz.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(f.named_speaker(0, at(&ctx, "ruiz")).map(|s| s.name), Some("Ana Ruiz".to_string()));
        assert_eq!(f.last_person.as_ref().map(|s| s.name.as_str()), Some("Ana Ruiz"));
        f.last_person = None;
        assert_eq!(f.named_speaker(nth(&ctx, "the", 1), nth(&ctx, "ruiz", 1)).map(|s| s.name), Some("Ruiz".to_string()));
        assert!(f.last_person.is_none());
    }

    #[test]
    fn a_definite_role_stands_for_the_last_person() {
        let article = article("the spokesman said no. the crowd said no.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        f.last_person = Some(named("Ana Ruiz"));
        let phrase = f.mention(0, 1);
        assert_eq!(f.role_speaker(0, 1, &phrase).map(|s| (s.name, s.end)), Some(("Ana Ruiz".to_string(), ctx.end(1))));
        let crowd = at(&ctx, "crowd");
        assert!(f.role_speaker(crowd - 1, crowd, &phrase).is_none());
    }
}
