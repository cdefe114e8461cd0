//! Who speaks: the phrase before or after a cue, a sentence's subject, and what pronouns,
//! relatives and descriptors stand for.

use super::*;

impl Finder<'_, '_> {
    pub(super) fn span(&self, first: usize, last: usize) -> String {
        self.ctx.text[self.ctx.start(first)..self.ctx.end(last)].to_string()
    }

    /// The speaker a phrase (tokens first..=last) names: a name in it, or the last person for a
    /// pronoun or a definite descriptor, or the descriptor itself when indefinite.
    pub(super) fn speaker_from(&mut self, first: usize, last: usize) -> Option<Speaker> {
        let ctx = self.ctx;
        if first > last || last - first >= MAX_SPEAKER_TOKENS {
            return None;
        }
        let phrase = Speaker { name: self.span(first, last), start: ctx.start(first), end: ctx.end(last) };
        // A pronoun or descriptor keeps its own span (the mention) and takes the name it stands for.
        let resolved = |found: Option<Speaker>| match found {
            Some(named) => Some(Speaker { name: named.name, start: phrase.start, end: phrase.end }),
            None => Some(phrase.clone()),
        };
        let head = ctx.word(first);
        if first == last && PRONOUNS.contains(&head) {
            return resolved(self.last_person.clone().or_else(|| self.recent_name(first)));
        }
        // "Ms. Ekovich, who noted": the phrase before the comma; "it": the last name.
        if first == last && matches!(head, "who" | "which" | "qui") && first >= 2 {
            let before = if ctx.word(first - 1) == "," { first - 1 } else { first };
            let antecedent = self.phrase_before(before).and_then(|(a, b)| name_in(ctx, a, b).or(Some((a, b))));
            return resolved(antecedent.map(|(a, b)| Speaker { name: self.span(a, b), start: ctx.start(a), end: ctx.end(b) }));
        }
        if first == last && matches!(head, "it" | "which" | "who" | "qui") {
            return resolved(self.recent_name(first));
        }
        // "le ministre de l'Intérieur", "the head of the Fed": a role of an institution is the
        // speaker as written, not the institution's name.
        let role_of = (first..last).any(|k| ROLE_NOUNS.contains(&ctx.word(k)) && matches!(ctx.word(k + 1), "de" | "du" | "des" | "d'" | "of"))
            && !(first..=last).any(|k| ctx.capitalised(k) && ctx.capitalised(k + 1) && k < last && ctx.kind(k + 1) == TokenKind::Word);
        // "Le nouveau gouvernement du Parti québécois": a determined noun phrase whose only name
        // is a complement speaks as written.
        let of = |k: usize| matches!(ctx.word(k), "de" | "du" | "des" | "d'" | "of");
        let determined = matches!(
            head,
            "the" | "le" | "la" | "les" | "l'" | "un" | "une" | "a" | "an" | "des" | "ces" | "plusieurs" | "certains" | "several" | "some" | "many"
        );
        // "L'Association des leaders religieux du Mali", "La Fédération belge du secteur
        // financier": an institution named by a capitalised noun and its complement.
        let institution = matches!(head, "le" | "la" | "l'" | "les" | "the")
            && first < last
            && ctx.capitalised(first + 1)
            && (first + 2..=last).any(&of)
            && !(first + 1..=last).any(|k| k > first + 1 && ctx.capitalised(k) && ctx.capitalised(k - 1) && !of(k - 1));
        if institution {
            return Some(phrase);
        }
        let complement_name = name_in(ctx, first, last)
            .is_some_and(|(a, _)| a > first && (of(a - 1) || a > first + 1 && matches!(ctx.word(a - 1), "l'" | "la" | "le" | "the") && of(a - 2)));
        if role_of || determined && complement_name {
            return Some(phrase);
        }
        if let Some((a, b)) = name_in(ctx, first, last).filter(|&(a, b)| b > a || !stopwords::stop_words(Lang::Und).contains(ctx.word(a))) {
            let named = Speaker { name: self.span(a, b), start: ctx.start(a), end: ctx.end(b) };
            if b > a {
                self.last_person = Some(named.clone());
            }
            return Some(named);
        }
        if matches!(head, "the" | "le" | "la" | "l'") && (first..=last).any(|k| ROLE_NOUNS.contains(&ctx.word(k))) {
            return resolved(self.last_person.clone().or_else(|| self.recent_name(first)));
        }
        Some(phrase)
    }

    /// Who a pronoun stands for when no speaker was named yet: the nearest name (of two or
    /// three capitalised words) before token `before` that is a subject (a verb follows it:
    /// "Thierry Roland s'est éteint"), else the nearest name ("…, associé à Jean-Michel Larqué"
    /// is an object and loses to the subject further back).
    pub(super) fn recent_name(&self, before: usize) -> Option<Speaker> {
        let ctx = self.ctx;
        let mut k = before;
        let stop = before.saturating_sub(NAME_LOOKBACK);
        let mut nearest = None;
        while k > stop.max(1) {
            k -= 1;
            if ctx.kind(k) == TokenKind::Word
                && ctx.capitalised(k)
                && ctx.capitalised(k - 1)
                && ctx.kind(k - 1) == TokenKind::Word
                && ctx.same_sentence(k - 1, k)
            {
                let first = if k >= 2 && ctx.capitalised(k - 2) && ctx.kind(k - 2) == TokenKind::Word && ctx.same_sentence(k - 2, k) { k - 2 } else { k - 1 };
                let name = Speaker { name: self.span(first, k), start: ctx.start(first), end: ctx.end(k) };
                let subject = (verb_like(ctx, k + 1) && ctx.word(k + 1) != ",") || matches!(ctx.word(k + 1), "s'" | "se" | "n'" | "ne" | "a" | "est");
                if subject {
                    return Some(name);
                }
                nearest.get_or_insert(name);
                k = first;
            }
        }
        nearest
    }

    /// The noun phrase that ends right before token `end` (exclusive), back to a clause break.
    pub(super) fn phrase_before(&self, end: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let mut last = end.checked_sub(1)?;
        // "Rep. John Mica (R-Fla.) said": a short parenthesis after the name.
        if ctx.word(last) == ")" {
            if let Some(open) = (last.saturating_sub(6)..last).rev().find(|&k| ctx.word(k) == "(") {
                last = open.checked_sub(1)?;
            }
        }
        // "The email goes on to say", "he declined to say": the subject of the verb before "to".
        if ctx.word(last) == "to" && last >= 2 && ctx.same_sentence(last - 2, end) {
            let particle = usize::from(matches!(ctx.word(last - 1), "on" | "up" | "out"));
            if last > 1 + particle && verb_like(ctx, last - 1 - particle) && ctx.word(last - 1 - particle) != "," {
                last -= 2 + particle;
            }
        }
        // "Sanders on Tuesday said", "prosecutors in April charged", "Clinton initially said",
        // "who has often complained", "allies have in the past said": auxiliaries, adverbs and
        // times between the subject and its verb.
        loop {
            let word = ctx.word(last);
            let adverb = word.len() > 4 && word.ends_with("ly") && !ctx.capitalised(last) || ADVERBS.contains(&word);
            let time = TIME_WORDS.contains(&word) || crate::lexicons::MONTHS.contains_key(word.trim_end_matches('.')) && ctx.capitalised(last);
            let past = ctx.matches(last.saturating_sub(2), &["in", "the", "past"]) && last >= 2;
            if !(adverb || time || past || AUXILIARIES.contains(&word)) || last == 0 || !ctx.same_sentence(last - 1, end) {
                break;
            }
            last -= if past { 3 } else { 1 };
            if time
                && matches!(ctx.word(last), "on" | "in" | "last" | "this" | "early" | "late" | "earlier" | "mardi" | "ce")
                && last > 0
                && ctx.same_sentence(last - 1, end)
            {
                last -= 1;
            }
        }
        // "Pastor l'avait annoncé", "le ministre le dit": object pronouns before the verb.
        while last > 0
            && matches!(ctx.word(last), "l'" | "lui" | "leur" | "y" | "en" | "se" | "s'" | "m'" | "t'" | "ne" | "n'")
            && ctx.same_sentence(last - 1, end)
        {
            last -= 1;
        }
        // "…, which notes that", "…, who added that", "It said that": a relative or impersonal
        // pronoun right before the verb is the speaker's mention.
        if matches!(ctx.word(last), "who" | "which" | "it" | "qui") && ctx.same_sentence(last, end) {
            return Some((last, last));
        }
        if !ctx.same_sentence(last, end) || ctx.kind(last) == TokenKind::Punct || CLAUSE_BREAKS.contains(&ctx.word(last)) {
            return None;
        }
        let mut first = last;
        while first > 0 && ctx.same_sentence(first - 1, last) && last - first < MAX_SPEAKER_TOKENS {
            let previous = ctx.word(first - 1);
            if ctx.kind(first - 1) == TokenKind::Punct && !matches!(previous, "'" | "’") || CLAUSE_BREAKS.contains(&previous) {
                break;
            }
            first -= 1;
        }
        // A speaker phrase opens with a name, a determiner or a pronoun: trim what comes before.
        while first < last && !(ctx.capitalised(first) || DETERMINERS.contains(&ctx.word(first)) || PRONOUNS.contains(&ctx.word(first))) {
            first += 1;
        }
        let opens_well = ctx.capitalised(first) || DETERMINERS.contains(&ctx.word(first)) || PRONOUNS.contains(&ctx.word(first));
        // Or a short bare noun phrase: "officials", "many experts", "sources close to him".
        let bare =
            last - first < 3 && (first..=last).all(|k| ctx.kind(k) == TokenKind::Word && !ctx.word(k).ends_with("ing") && !PREPOSITIONS.contains(&ctx.word(k)));
        ((opens_well || bare) && !matches!(ctx.word(first), "it" | "this" | "that" | "which" | "there")).then_some((first, last))
    }

    /// The noun phrase from token `start` to the end of its clause.
    pub(super) fn phrase_after(&self, start: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        // "répondit alors son complice", "said again": an adverb before the subject.
        let start = if FRENCH_ADVERBS.contains(&ctx.word(start)) || ADVERBS.contains(&ctx.word(start)) { start + 1 } else { start };
        // "déclare à l'AFP Jean-Philippe Magnen", "a confié au Figaro": the listener first.
        let start = if matches!(ctx.word(start), "à" | "au" | "aux" | "to") && ctx.same_sentence(start, start + 2) {
            let listener = start + 1 + usize::from(matches!(ctx.word(start + 1), "l'" | "la" | "le" | "les" | "the"));
            if ctx.kind(listener + 1) == TokenKind::Word && ctx.capitalised(listener + 1) {
                listener + 1
            } else {
                start
            }
        } else {
            start
        };
        let indefinite = matches!(ctx.word(start), "a" | "an" | "one" | "un" | "une" | "des" | "some" | "several" | "plusieurs");
        if start >= ctx.len() || ctx.kind(start) == TokenKind::Punct {
            return None;
        }
        let mut last = start;
        while last + 1 < ctx.len() && ctx.same_sentence(start, last + 1) && ctx.kind(last + 1) != TokenKind::Punct && last + 1 - start < MAX_SPEAKER_TOKENS {
            // "le documentaire qui précise …": a relative clause is not the speaker's name, but
            // it is part of an anonymous one ("an expert who wished to remain unnamed").
            let relative = matches!(ctx.word(last + 1), "qui" | "who" | "which" | "que" | "qu'" | "that") && !indefinite;
            if (matches!(ctx.word(last + 1), "dans" | "during" | "lors" | "à" | "au" | "aux" | "auprès") || relative) && last > start {
                break;
            }
            last += 1;
        }
        Some((start, last))
    }

    /// The subject opening a sentence: a name ("Trump", "Sen. Chris Murphy"), a pronoun, or a
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
    /// who backs Cruz, warned …": a determiner, a few words, then a verb-like word (an
    /// apposition or relative clause between commas is skipped).
    pub(super) fn determined_subject(&self, start: usize, before: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let mut k = start + 1;
        while k < before && k - start < 8 {
            if ctx.word(k) == "," {
                // ", who backs Cruz," / ", témoins de la scène," then the verb.
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
        // "De nombreux habitants": a partitive determiner, not a preposition.
        let partitive = matches!(ctx.word(start), "de" | "d'")
            && matches!(
                ctx.word(start + 1),
                "nombreux" | "nombreuses" | "multiples" | "nouveaux" | "nouvelles" | "jeunes" | "simples" | "autres" | "hauts" | "anciens"
            );
        if partitive {
            return start;
        }
        let opener = PREPOSITIONS.contains(&ctx.word(start))
            || matches!(
                ctx.word(start),
                "after"
                    | "during"
                    | "earlier"
                    | "later"
                    | "meanwhile"
                    | "however"
                    | "still"
                    | "now"
                    | "then"
                    | "yet"
                    | "last"
                    | "but"
                    | "and"
                    | "so"
                    | "instead"
                    | "since"
                    | "while"
                    | "mais"
                    | "puis"
                    | "lors"
                    | "après"
                    | "pendant"
                    | "moreover"
                    | "furthermore"
                    | "indeed"
                    | "also"
                    | "as"
                    | "when"
                    | "nevertheless"
                    | "separately"
                    | "similarly"
                    | "ultimately"
                    | "overall"
                    | "cependant"
                    | "toutefois"
                    | "ainsi"
                    | "enfin"
                    | "pourtant"
                    | "lorsque"
                    | "quand"
            );
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
            None if matches!(ctx.word(start), "but" | "and" | "so" | "yet" | "mais" | "puis") => start + 1,
            None => start,
        }
    }
}
