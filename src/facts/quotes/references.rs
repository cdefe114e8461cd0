//! Who a pronoun, a relative or an impersonal subject stands for: the last speaker, a
//! subject named before it, the name before an apposition, or the nearest noun phrase.

use super::speakers::{of, standing_for};
use super::*;

impl Finder<'_, '_> {
    /// "he", "elle" (the whole `phrase` at `first..=last`): the mention of the last person
    /// named whose gender fits the pronoun's ("he" is not "Mrs Lowe"), else the nearest such name.
    pub(super) fn pronoun_speaker(&self, first: usize, last: usize, phrase: &Speaker) -> Option<Speaker> {
        let word = self.ctx.word(first);
        if first != last || !PRONOUNS.contains(&word) {
            return None;
        }
        Some(standing_for(self.pronoun_referent(first, super::genders::pronoun_gender(word)), phrase))
    }

    /// Who a pronoun of `gender` at token `at` stands for: the last speaker, while it was
    /// named in this sentence or the one before; else the nearest person named before it
    /// as a subject in the last three sentences, else the nearest person; all of a gender
    /// that fits.
    pub(super) fn pronoun_referent(&self, at: usize, gender: Option<super::genders::Gender>) -> Option<Speaker> {
        let fits = |s: &Speaker| self.genders.fits(gender, &s.name);
        let back = |s: &Speaker| self.sentences_back(self.ctx.token_at(s.start), at);
        let speaking = self.last_person.clone().filter(|s| fits(s) && back(s) <= 1);
        // A subject is what a later pronoun most likely stands for ("Keller met Brandt on
        // Monday. He said…" is Keller), then the nearest name.
        let subject = |s: &Speaker| fits(s) && self.is_subject(s) && back(s) <= 2;
        speaking
            .or_else(|| self.nearest_person(at, &subject))
            .or_else(|| self.nearest_person(at, &fits))
            .or_else(|| self.last_person.clone().filter(fits))
            .or_else(|| self.recent_name_where(at, fits))
    }

    /// Whether a person's mention is the subject of a verb right after it ("Keller a
    /// appris", "Ms Lowe said", "Roland s'est éteint"), not an object or a complement.
    /// Past an adverb ("Mr Blair instead hailed"), the body a person is of ("Ann Lee of
    /// Acme said") or an apposition between commas ("Ann Lee, the director, said").
    pub(super) fn is_subject(&self, s: &Speaker) -> bool {
        let ctx = self.ctx;
        let mut after = ctx.token_at(s.end.saturating_sub(1)) + 1;
        if matches!(ctx.word(after), "of" | "de" | "du" | "at") && ctx.capitalised(after + 1) {
            after = name_at_start(ctx, after + 1).map_or(after, |(_, e)| e + 1);
        }
        if ctx.word(after) == "," {
            let closing = (after + 1..(after + MAX_SPEAKER_TOKENS).min(ctx.len())).take_while(|&k| ctx.same_sentence(after, k)).find(|&k| ctx.word(k) == ",");
            after = closing.map_or(after, |c| c + 1);
        }
        let adverb = |w: &str| ADVERBS.contains(&w) || FRENCH_ADVERBS.contains(&w) || w.len() > 4 && w.ends_with("ly") || w == "instead";
        while after < ctx.len() && adverb(ctx.word(after)) {
            after += 1;
        }
        let verb = after < ctx.len() && verb_like(ctx, after) && ctx.word(after) != ",";
        // French verbs in the present ("revient", "décrit") have no ending to tell them by:
        // after a name, a lowercase word that is no preposition, determiner or conjunction.
        let w = ctx.word(after);
        let french_verb = ctx.article.lang == Lang::Fr
            && after < ctx.len()
            && ctx.kind(after) == TokenKind::Word
            && !ctx.capitalised(after)
            && !(PREPOSITIONS.contains(&w) || DETERMINERS.contains(&w) || CLAUSE_BREAKS.contains(&w) || RELATIVE_PRONOUNS.contains(&w))
            && !matches!(w, "et" | "ou" | "comme" | "mais" | "donc" | "ni" | "car" | "de" | "du" | "des" | "d'" | "à" | "au" | "aux" | "en" | "dans" | "sur" | "par" | "pour")
            // "M. Baupin ayant accepté": a participle clause, not the sentence's subject.
            && !w.ends_with("ant");
        verb || french_verb || matches!(w, "s'" | "se" | "n'" | "ne" | "a" | "est")
    }

    /// How many sentences token `k` (before `at`) is back from token `at`.
    pub(super) fn sentences_back(&self, k: usize, at: usize) -> usize {
        let ctx = self.ctx;
        let sentence = |i: usize| ctx.tokens_sentence(i);
        sentence(at).saturating_sub(sentence(k))
    }

    /// "Ms. Ekovich, who noted": a relative pronoun (at `first == last`) stands for the name in
    /// the phrase before it (and its comma), else for that phrase's last noun phrase ("des
    /// représailles de l'organisation, qui affirme" is the organisation). An apposition
    /// ("Paul Girard, le successeur de Jean Morel, qui") stands for the name before it.
    pub(super) fn relative_speaker(&self, first: usize, last: usize, phrase: &Speaker) -> Option<Speaker> {
        let ctx = self.ctx;
        if first != last || !matches!(ctx.word(first), "who" | "which" | "qui") || first < 2 {
            return None;
        }
        let before = if ctx.word(first - 1) == "," { first - 1 } else { first };
        let antecedent = self.phrase_before(before).map(|(a, b)| self.apposition_holder(a).unwrap_or_else(|| self.antecedent_in(a, b)));
        Some(standing_for(antecedent, phrase))
    }

    /// The person named right before an apposition opening at token `a` ("Ana Ruiz, the
    /// head of the office"): the phrase opens with a determiner after a comma that ends a
    /// person's mention.
    pub(super) fn apposition_holder(&self, a: usize) -> Option<Speaker> {
        let ctx = self.ctx;
        if a < 2 || ctx.word(a - 1) != "," || !DETERMINERS.contains(&ctx.word(a)) {
            return None;
        }
        let people = self.people_from(a.saturating_sub(MAX_SPEAKER_TOKENS), a - 1).map(|(_, s)| s);
        people.filter(|p| ctx.token_at(p.end.saturating_sub(1)) == a - 2).last().cloned()
    }

    /// Who the phrase at tokens `a..=b` names as an antecedent: its name, or the whole phrase
    /// when the name is the complement of a determined noun ("the head of the Lima office");
    /// without a name, its last noun phrase, from its last determiner.
    pub(super) fn antecedent_in(&self, a: usize, b: usize) -> Speaker {
        let ctx = self.ctx;
        let complement = |n: usize| n > a && (of(ctx, n - 1) || n > a + 1 && matches!(ctx.word(n - 1), "l'" | "la" | "le" | "the") && of(ctx, n - 2));
        // "du", "des", "au" open a complement ("le ministre du budget"), not the noun phrase.
        let opens_phrase = |k: usize| DETERMINERS.contains(&ctx.word(k)) && !matches!(ctx.word(k), "du" | "des" | "au" | "aux" | "d'");
        let last_determiner = |before: usize| (a..before).rev().find(|&k| opens_phrase(k)).unwrap_or(a);
        // "critic Paul Connolly, who", "Mike Powell of Acme Bank, who": the person the entity
        // stage found, by their name, the one right before the comma first.
        let people = || self.people_from(a, b).map(|(_, s)| s);
        let closing = people().filter(|p| ctx.token_at(p.end.saturating_sub(1)) == b).last();
        if let Some(person) = closing.or_else(|| people().find(|p| !complement(ctx.token_at(p.start)))) {
            return person.clone();
        }
        let role = |k: usize| ROLE_NOUNS.contains(&ctx.word(k)) || crate::lexicons::PERSON_TITLES.contains(ctx.word(k));
        match name_in(ctx, a, b) {
            Some((n, _)) if complement(n) => {
                // "the head of the Lima office" is the head; "the back of the USDA report",
                // the report: a person's role complemented by a name, else the nearest phrase.
                let of_at = (a..n).rev().find(|&k| of(ctx, k)).unwrap_or(n);
                let head = if of_at > a && role(of_at - 1) { last_determiner(of_at) } else { last_determiner(b + 1) };
                self.mention(head, b)
            }
            Some((n, e)) => self.mention(n, e),
            None => self.mention(last_determiner(b + 1), b),
        }
    }

    /// "It said that", and relatives too early in the text to have a phrase before them: the
    /// last name before them.
    pub(super) fn impersonal_speaker(&self, first: usize, last: usize, phrase: &Speaker) -> Option<Speaker> {
        let impersonal = first == last && matches!(self.ctx.word(first), "it" | "which" | "who" | "qui");
        impersonal.then(|| standing_for(self.recent_name(first), phrase))
    }

    /// Who a pronoun stands for when no speaker was named yet: the nearest name (of two or
    /// three capitalised words) before token `before` that is a subject (a verb follows it:
    /// "Thierry Roland s'est éteint"), else the nearest name ("…, associé à Jean-Michel Larqué"
    /// is an object and loses to the subject further back).
    pub(super) fn recent_name(&self, before: usize) -> Option<Speaker> {
        self.recent_name_where(before, |_| true)
    }

    /// `recent_name` among the names that `fits` accepts.
    pub(super) fn recent_name_where(&self, before: usize, fits: impl Fn(&Speaker) -> bool) -> Option<Speaker> {
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
                k = first;
                if !fits(&name) {
                    continue;
                }
                if subject {
                    return Some(name);
                }
                nearest.get_or_insert(name);
            }
        }
        nearest
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{article, at, finder, finder_with_entities, named};
    use super::*;

    #[test]
    fn a_pronoun_takes_the_last_person_named() {
        let article = article("Ana Ruiz arrived. She said no.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let she = at(&ctx, "she");
        let phrase = f.mention(she, she);
        f.last_person = Some(named("Ana Ruiz"));
        assert_eq!(f.pronoun_speaker(she, she, &phrase).map(|s| (s.name, s.start)), Some(("Ana Ruiz".to_string(), ctx.start(she))));
        assert!(f.pronoun_speaker(0, 0, &phrase).is_none());
    }

    #[test]
    fn a_pronoun_takes_a_subject_before_a_nearer_object() {
        // The people are found by the entity stage, as in a whole run.
        let text = "Martin Keller, the mayor of Lindau, met Paul Brandt on Monday. He said the bridge would reopen. \
                    Anna Vogt thanked Maria Lenz. She said the school would stay open.";
        let article = article(text, Lang::En);
        let ctx = Context::new(&article);
        let f = finder_with_entities(&ctx, &article);
        for (pronoun, expected) in [("he", "Martin Keller"), ("she", "Anna Vogt")] {
            let k = at(&ctx, pronoun);
            let phrase = f.mention(k, k);
            assert_eq!(f.pronoun_speaker(k, k, &phrase).map(|s| s.name).as_deref(), Some(expected), "{pronoun}");
        }
    }

    #[test]
    fn a_relative_pronoun_stands_for_the_phrase_before_it() {
        let article = article("Ana Ruiz, who chairs the board, said no.", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        let who = at(&ctx, "who");
        let phrase = f.mention(who, who);
        assert_eq!(f.relative_speaker(who, who, &phrase).map(|s| s.name), Some("Ana Ruiz".to_string()));
        assert!(f.relative_speaker(0, 0, &phrase).is_none());
    }

    #[test]
    fn a_relative_pronoun_after_an_apposition_or_a_clause() {
        let text = "Talks were led by Omar Diaz with Ana Ruiz, the head of the Lima office, who said no. \
                    Ces tirs sont la réponse de la milice du village, qui affirme agir seule. \
                    The plan was drawn up by the mayor of Lille, who said yes. \
                    Prices rose on the back of the Acme Grain report, which said stocks fell. \
                    One judge of the Derby Cup was the racing writer Paul Cole, who said so.";
        let article = article(text, Lang::En);
        let ctx = Context::new(&article);
        let f = finder_with_entities(&ctx, &article);
        let relative = |n: usize| {
            let k = (0..ctx.len()).filter(|&k| matches!(ctx.word(k), "who" | "which" | "qui")).nth(n).unwrap();
            f.relative_speaker(k, k, &f.mention(k, k)).map(|s| s.name)
        };
        assert_eq!(relative(0).as_deref(), Some("Ana Ruiz"));
        assert_eq!(relative(1).as_deref(), Some("la milice du village"));
        assert_eq!(relative(2).as_deref(), Some("the mayor of Lille"));
        assert_eq!(relative(3).as_deref(), Some("the Acme Grain report"));
        assert_eq!(relative(4).as_deref(), Some("Paul Cole"));
    }

    #[test]
    fn it_stands_for_the_last_name() {
        let article = article("Acme Foods Ltd published results. It said sales fell.", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        let it = at(&ctx, "it");
        let phrase = f.mention(it, it);
        assert_eq!(f.impersonal_speaker(it, it, &phrase).map(|s| s.name), Some("Acme Foods Ltd".to_string()));
        assert!(f.impersonal_speaker(it + 1, it + 1, &phrase).is_none());
    }
}
