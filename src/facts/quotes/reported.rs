//! Reported speech ("X said that …", "selon X, …"), headlines that quote ("X: …") and
//! transcripts ("SMITH: …").

use super::*;

/// Where the content starting at `content` ends: at `sentence_end`, or before ", and X said" /
/// "; X warned" when a later clause of the sentence attributes words to someone else.
pub(super) fn own_clause_end(ctx: &Context, content: usize, sentence_end: usize) -> usize {
    for j in content + 2..sentence_end {
        if !matches!(ctx.word(j), "," | ";") {
            continue;
        }
        let next = if matches!(ctx.word(j + 1), "and" | "but" | "while" | "et" | "mais") { j + 2 } else { j + 1 };
        let verb = (next + 1..(next + 6).min(sentence_end)).find(|&v| speech_verb(ctx, v).is_some() && that_word(ctx, v + 1));
        if verb.is_some() && ctx.kind(next) == TokenKind::Word && !matches!(ctx.word(next), "that" | "which" | "who" | "que" | "qui") {
            return j - 1;
        }
    }
    sentence_end
}

/// A word at token `i` that reports speech or thought.
#[derive(Clone, Copy)]
struct ReportCue {
    /// The cue's first and last tokens: a compound past starts before `i` ("a indiqué"),
    /// "called for" ends after it.
    first: usize,
    last: usize,
    /// A speech verb ("said", "a indiqué"), not a verb of thought or a speech act.
    speech: bool,
    /// A speech act whose object is what was said ("announced his resignation").
    act: bool,
}

/// What a cue reports: from token `first` to `end` (its clause's end), and whether a "that"
/// ("que") opened it.
#[derive(Clone, Copy)]
struct Content {
    first: usize,
    that: bool,
    end: usize,
}

/// Whether token `k` is "that", "que" or "qu'": what follows is a reported clause.
fn that_word(ctx: &Context, k: usize) -> bool {
    matches!(ctx.word(k), "that" | "que" | "qu'")
}

/// The cue at token `i` that reports speech or thought: a speech verb, a verb of thought
/// before "that", or a speech act. A compound past is found at its participle, the last
/// token; a speech act at its first.
fn reporting_cue(ctx: &Context, i: usize) -> Option<ReportCue> {
    let speech = speech_verb(ctx, i);
    let thought = thought_verb(ctx, i);
    let act_span = speech_act(ctx, i);
    let (first, last) = speech.or(thought.then_some((i, i))).or(act_span)?;
    let act = act_span.is_some() && speech.is_none() && !thought;
    (last == i || act).then_some(ReportCue { first, last, speech: speech.is_some(), act })
}

/// "a poll found that", "he thinks that", "il pense que", "Y agreed that": a verb of thought
/// or judgement at token `i`, or an English verb in the past, before "that" (plural nouns
/// before "that", as in "countries that", open relatives instead).
fn thought_verb(ctx: &Context, i: usize) -> bool {
    let w = ctx.word(i);
    let past_before_that = ctx.kind(i) == TokenKind::Word && !ctx.capitalised(i) && w.len() > 3 && (w.ends_with("ed") || THAT_PRESENT_VERBS.contains(&w));
    that_word(ctx, i + 1) && (THAT_VERBS.contains(&w) || past_before_that)
}

/// Whether the phrase of tokens `s..=e` before a reporting verb names someone who can speak:
/// not a price or a market ("the Treasury note", "shares"), not a bare number, and not a form
/// of "be", which makes the verb a passive ("fees were charged"), no one's words.
fn can_speak(ctx: &Context, s: usize, e: usize) -> bool {
    let head = ctx.word(e);
    // A lone auxiliary or modal ("could not maintain the pace") is a verb, not a subject
    // ("Will" capitalised may be a name).
    let passive = s == e && !ctx.capitalised(e) && auxiliary_or_modal(head) && !matches!(head, "a" | "ont" | "avait");
    !(MUTE_SUBJECTS.contains(&head) || ctx.kind(e) == TokenKind::Number || passive)
}

/// "not", "never", "didn't", "ne", "pas", "jamais": a word that denies the verb it goes with.
pub(super) fn negation(word: &str) -> bool {
    matches!(word, "not" | "never" | "ne" | "n'" | "pas" | "jamais") || word.ends_with("n't") || word.ends_with("n’t")
}

/// Whether a report whose subject ends at token `e` is denied or passive: "he could not say
/// whether", "she never said", "il n'a pas dit que" report what was not said; "users are told
/// that", "it has been said", "il a été informé que" make the subject a listener or no one (a
/// verb of thought after "be" is an adjective: "critics are concerned that").
fn denied_or_passive(ctx: &Context, e: usize, cue: ReportCue) -> bool {
    // The auxiliaries, modals and adverbs right before the cue, not a verb further back ("X
    // pleaded not guilty and denied …").
    let between = |w: &str| {
        negation(w)
            || AUXILIARIES.contains(&w)
            || ADVERBS.contains(&w)
            || FRENCH_ADVERBS.contains(&w)
            || w.len() > 4 && w.ends_with("ly")
            || auxiliary_or_modal(w)
    };
    let first = (e..cue.first).rev().take_while(|&k| between(ctx.word(k))).last().unwrap_or(cue.first);
    // French negates after the verb ("ne dit pas que"); English "said not to" is what was said.
    let french_after = ctx.article.lang == Lang::Fr && matches!(ctx.word(cue.last + 1), "pas" | "jamais");
    let be = |w: &str| matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "gets" | "got" | "été");
    let before_verb = (first..cue.first).rev().find(|&k| !(ADVERBS.contains(&ctx.word(k)) || ctx.word(k).ends_with("ly")));
    // "is saying", "was telling" are progressives, not passives.
    let progressive = ctx.word(cue.last).ends_with("ing");
    let passive = (cue.speech || cue.act) && !progressive && before_verb.is_some_and(|k| be(ctx.word(k)));
    (first..=cue.last).any(|k| negation(ctx.word(k))) || french_after || passive
}

/// Whether a number starts at token `k`, in digits or words ("about 200", "about six").
fn number_at(ctx: &Context, k: usize) -> bool {
    k < ctx.len() && (ctx.kind(k) == TokenKind::Number || crate::facts::number_words::number_words(ctx, k).is_some())
}

/// "X announced his resignation", "X called for more investment", "X urged Congress to
/// act", "X declined to comment": a speech act at token `i` whose object is what was said;
/// its first and last tokens.
fn speech_act(ctx: &Context, i: usize) -> Option<(usize, usize)> {
    let word = ctx.word(i);
    let act =
        ctx.kind(i) == TokenKind::Word && !ctx.capitalised(i) && (SPEECH_ACTS.contains(&word) || word == "called" && matches!(ctx.word(i + 1), "for" | "on"));
    act.then_some(if word == "called" { (i, i + 1) } else { (i, i) })
}

/// Where what a cue ending at token `b` reports starts, within its sentence (ending at
/// `sentence_end`), and whether a "that" ("que") opens it (the content then starts after it).
fn content_start(ctx: &Context, b: usize, sentence_end: usize) -> (usize, bool) {
    let content = if LISTENER_VERBS.contains(&ctx.word(b)) { listener_clause_start(ctx, b, sentence_end) } else { past_short_phrase(ctx, b + 1, sentence_end) };
    let that = that_word(ctx, content);
    (content + usize::from(that), that)
}

/// "told reporters that", "assured voters the wall …": after a verb (ending at `b`) whose
/// listener comes first, the word that opens what is said; without one, the first "that" or
/// comma within three words.
fn listener_clause_start(ctx: &Context, b: usize, sentence_end: usize) -> usize {
    // "warned about job losses", "told of a plan": no listener, and no clause either.
    if ctx.word(b + 1) == "of" || ctx.word(b + 1) == "about" && !number_at(ctx, b + 2) {
        return b + 1;
    }
    let limit = (b + 9).min(sentence_end);
    if let Some(k) = (b + 2..=limit).find(|&k| LISTENER_CLAUSE_OPENERS.contains(&ctx.word(k))) {
        return k;
    }
    // "told reporters the talks had failed": a determiner after the listener opens the clause.
    if let Some(k) = (b + 2..=(b + 4).min(sentence_end)).find(|&k| DETERMINERS.contains(&ctx.word(k)) && !DETERMINERS.contains(&ctx.word(k - 1))) {
        return k;
    }
    let mut content = b + 1;
    while content <= sentence_end && !matches!(ctx.word(content), "that" | ",") && content - b < 4 {
        content += 1;
    }
    content
}

/// "says in Ohio that …", "said on Tuesday that …", "a déclaré mardi que …": the "that" after
/// a short phrase opening at token `content`, else `content`.
fn past_short_phrase(ctx: &Context, content: usize, sentence_end: usize) -> usize {
    if !REPORT_GAP_WORDS.contains(&ctx.word(content)) {
        return content;
    }
    (content + 1..=(content + 6).min(sentence_end)).find(|&k| that_word(ctx, k)).unwrap_or(content)
}

/// Whether the phrase after "selon" (tokens `s..=e`) names someone who can
/// speak or write: a name, a pronoun, or a noun of a person, a body, an outlet or a document
/// ("selon la police", "according to a survey"). "Selon les cas", "according to plan" mean
/// "depending on" and "as planned": no one's words.
fn names_a_source(ctx: &Context, s: usize, e: usize) -> bool {
    use crate::lexicons::entity_words::{MEDIA_WORDS, OCCUPATIONS_FR, SOURCE_NOUNS};
    use crate::lexicons::quote_words::{COMPANY_NOUNS, CUE_SOURCE_NOUNS, SPEAKING_NOUNS};
    (s..=e.min(ctx.len().saturating_sub(1))).any(|k| {
        let w = ctx.word(k);
        let name = ctx.kind(k) == TokenKind::Word && ctx.capitalised(k);
        let pronoun = PRONOUNS.contains(&w) || matches!(w, "lui" | "eux" | "elles" | "him" | "her" | "them" | "us" | "me" | "moi" | "nous" | "vous" | "you");
        let noun = SPEAKING_NOUNS.contains(&w)
            || COMPANY_NOUNS.contains(&w)
            || ROLE_NOUNS.contains(&w)
            || SOURCE_NOUNS.contains_key(w)
            || CUE_SOURCE_NOUNS.contains_key(w);
        name || pronoun || noun || crate::lexicons::PERSON_TITLES.contains(w) || OCCUPATIONS_FR.contains(w) || MEDIA_WORDS.contains(w)
    })
}

impl Finder<'_, '_> {
    /// "According to X, content." or "Content, according to X."
    pub(super) fn according_to(&mut self, i: usize, taken: &[bool]) -> Option<Quote> {
        let ctx = self.ctx;
        let width = if ctx.word(i) == "selon" { 1 } else { 2 };
        let (s, e) = self.phrase_after(i + width)?;
        let e = (s..=e).find(|&k| ctx.word(k + 1) == ",").unwrap_or(e);
        // "Selon" also means "depending on" ("selon les régions"); "according to" rarely does.
        if ctx.word(i) == "selon" && !names_a_source(ctx, s, e) {
            return None;
        }
        // "selon la fédération des banques, Febelfin, « … »": a name in apposition names it.
        let apposition = named_apposition(ctx, e);
        let phrase_end = apposition.map_or(e, |(_, b)| b);
        let sentence_start = sentence_start(ctx, i);
        // The cue opens its sentence (its content follows) or closes it (its content precedes).
        let (first, last) = if i == sentence_start || (i == sentence_start + 1 && ctx.kind(sentence_start) == TokenKind::Word) {
            (phrase_end + 2 - usize::from(apposition.is_some() && ctx.word(phrase_end + 1) != ","), sentence_end(ctx, i))
        } else {
            (sentence_start, i.checked_sub(2)?)
        };
        let last = last_word(ctx, first, last);
        if last < first + 3 || any_taken(taken, first, last) {
            return None;
        }
        let (s, e) = apposition.unwrap_or((s, e));
        Some(Quote::attributed(first, last, "reported", Attribution::new(self.span(i, i + width - 1), "quote.according_to", self.speaker_from(s, e))))
    }

    /// A headline that gives someone's words after a colon: "Union Leader: We Will Not Back
    /// Down", "Mayor Dupont: Nous tiendrons". Titles only: in a body, a
    /// colon after a capitalised word more often opens a list.
    pub(super) fn headline_colon(&mut self, taken: &[bool]) -> Vec<Quote> {
        let ctx = self.ctx;
        let mut quotes = Vec::new();
        let in_title =
            |k: usize| ctx.segments.get(k).and_then(|&s| ctx.article.segments.get(s as usize)).is_some_and(|s| s.kind == crate::article::SegmentKind::Title);
        for colon in 1..ctx.len() {
            if ctx.word(colon) != ":" || !in_title(colon) || taken[colon] {
                continue;
            }
            let first = (0..colon).rev().take_while(|&k| ctx.same_sentence(k, colon) && in_title(k)).last().unwrap_or(colon);
            let names = (first..colon).all(|k| ctx.kind(k) == TokenKind::Word && (ctx.capitalised(k) || matches!(ctx.word(k), "of" | "de" | "du" | "the")));
            if colon - first > 5 || !names || ctx.capitalised(first) && colon - first == 1 && ctx.word(first).len() < 3 {
                continue;
            }
            let mut last = (colon + 1..ctx.len()).take_while(|&k| ctx.same_sentence(colon, k) && in_title(k)).last().unwrap_or(colon);
            while last > colon
                && ctx.kind(last) == TokenKind::Punct
                && !is_close_mark(ctx.text_of(last))
                && ctx.text_of(last) != "’"
                && ctx.text_of(last) != "'"
            {
                last -= 1;
            }
            if last < colon + 3 || any_taken(taken, colon + 1, last) {
                continue;
            }
            let mut quote = Quote::new(colon + 1, last, "direct", "quote.headline_colon");
            quote.cue = ":".into();
            quote.speaker = self.speaker_from(first, colon - 1);
            quotes.push(quote);
        }
        quotes
    }

    /// Transcripts: a paragraph that opens with a name in capitals and a colon ("SMITH: The
    /// deaths of …") is that person's words.
    pub(super) fn transcript_lines(&mut self, taken: &[bool]) -> Vec<Quote> {
        let ctx = self.ctx;
        let mut quotes = Vec::new();
        for first in 0..ctx.len() {
            if !(first == 0 || ctx.segments[first - 1] != ctx.segments[first]) || taken[first] {
                continue;
            }
            let label_end = (first..(first + 3).min(ctx.len())).take_while(|&k| ctx.kind(k) == TokenKind::Word && all_caps(ctx.text_of(k))).last();
            let Some(end) = label_end.filter(|&e| ctx.word(e + 1) == ":" && !TRANSCRIPT_NON_SPEAKERS.contains(&ctx.text_of(first))) else { continue };
            let segment = ctx.segments[first];
            let last = last_word(ctx, end + 2, (end + 2..ctx.len()).take_while(|&k| ctx.segments[k] == segment).last().unwrap_or(end + 1));
            if last < end + 4 || any_taken(taken, end + 2, last) {
                continue;
            }
            let mut quote = Quote::new(end + 2, last, "direct", "quote.transcript_label");
            quote.cue = ":".into();
            quote.speaker = Some(Speaker { name: self.span(first, end), start: ctx.start(first), end: ctx.end(end) });
            quotes.push(quote);
        }
        quotes
    }

    /// Reported speech, in text order outside the quotes already found.
    pub(super) fn reported(&mut self, taken: &[bool]) -> Vec<Quote> {
        (0..self.ctx.len()).filter(|&i| !taken[i]).filter_map(|i| self.reported_at(i, taken)).collect()
    }

    /// The reported speech whose cue is at token `i`: the first rule that finds it.
    fn reported_at(&mut self, i: usize, taken: &[bool]) -> Option<Quote> {
        let ctx = self.ctx;
        let word = ctx.word(i);
        if matches!(word, "présenté" | "présentée") && ctx.matches(i + 1, &["comme"]) {
            return self.presente_comme_par(i);
        }
        if word == "according" && ctx.matches(i, &["according", "to"]) || word == "selon" || word == "d'" && ctx.matches(i, &["d'", "après"]) {
            return self.according_to(i, taken);
        }
        let cue = reporting_cue(ctx, i)?;
        let sentence_end = sentence_end(ctx, cue.last);
        if let Some(quote) = self.speaker_verb_colon(cue, taken) {
            return Some(quote);
        }
        let (first, that) = content_start(ctx, cue.last, sentence_end);
        // The content runs to the end of the sentence, or to a coordinated clause with a
        // speaker of its own ("…, and the unions warned that …").
        let content = Content { first, that, end: own_clause_end(ctx, first, sentence_end) };
        let by_subject = self.reported_subject(cue.first).and_then(|subject| self.speaker_verb_that(cue, subject, content, taken));
        by_subject.or_else(|| self.parenthetical_cue(cue, content.end, taken)).or_else(|| self.content_comma_verb(cue, content.end, taken))
    }

    /// "présenté comme … par X": what someone is presented as, and by whom.
    fn presente_comme_par(&mut self, i: usize) -> Option<Quote> {
        let ctx = self.ctx;
        let par = (i + 2..ctx.len()).take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(i, k)).find(|&k| ctx.word(k) == "par")?;
        let (a, b) = self.phrase_after(par + 1)?;
        let (s, e) = name_in(ctx, a, b).unwrap_or((a, b));
        Some(Quote::attributed(i + 2, par - 1, "reported", Attribution::new("présenté comme", "quote.presente_comme_par", self.speaker_from(s, e))))
    }

    /// "she said: Nobody should doubt it …" without quotation marks: what follows the colon
    /// after a speech verb, to the end of its sentence, with the verb's subject as speaker.
    fn speaker_verb_colon(&mut self, cue: ReportCue, taken: &[bool]) -> Option<Quote> {
        let ctx = self.ctx;
        let b = cue.last;
        if !cue.speech || ctx.word(b + 1) != ":" || is_open_mark(ctx.text_of(b + 2)) || ctx.text_of(b + 2) == "\"" {
            return None;
        }
        let start = b + 2;
        let last = last_word(ctx, start, sentence_end(ctx, start));
        let (s, e) = self.phrase_before(cue.first)?;
        if last < start + 3 || any_taken(taken, start, last) {
            return None;
        }
        Some(Quote::attributed(start, last, "direct", Attribution::new(self.span(cue.first, b + 1), "quote.speaker_verb_colon", self.speaker_from(s, e))))
    }

    /// The subject of a reporting verb at token `a`: the phrase before it, or for a
    /// participle the sentence's subject ("X issued a note on Friday saying …", "she
    /// responded by saying …"); else the subject before an apposition, or of a coordinated verb.
    fn reported_subject(&self, a: usize) -> Option<(usize, usize)> {
        self.participle_subject(a).or_else(|| self.phrase_before(a)).or_else(|| self.apposition_subject(a)).or_else(|| self.coordinated_subject(a))
    }

    /// "X issued a note on Friday saying …": a speech participle at token `a` speaks
    /// for the sentence's subject, not for the phrase before it.
    fn participle_subject(&self, a: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        SPEECH_PARTICIPLES.contains(&ctx.word(a)).then(|| self.sentence_subject(sentence_start(ctx, a), a)).flatten()
    }

    /// "Anna Berg, who took over …, said …": the name that opens the sentence, its
    /// apposition ending with the comma before the verb at token `a`. A sentence that opens
    /// with a quotation mark is the quote, not a subject; one that opens with its comma ("…,
    /// the minister, said") has no subject before it.
    fn apposition_subject(&self, a: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        if a == 0 || ctx.word(a - 1) != "," {
            return None;
        }
        let sentence_start = sentence_start(ctx, a);
        let quoted = is_quote_mark(ctx.text_of(sentence_start)) && !is_close_mark(ctx.text_of(sentence_start));
        let first_comma = (sentence_start + 1..a - 1).find(|&k| ctx.word(k) == ",").filter(|_| !quoted)?;
        name_in(ctx, sentence_start, first_comma - 1).filter(|&(n, _)| n == sentence_start || n == sentence_start + 1)
    }

    /// "…, and then tweeted that …": the subject of a verb (at token `a`) coordinated with the
    /// sentence's first is the sentence's subject, or its first name (or opening pronoun).
    fn coordinated_subject(&self, a: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        if a == 0 || !VERB_COORDINATORS.contains(&ctx.word(a - 1)) {
            return None;
        }
        let sentence_start = sentence_start(ctx, a);
        let named = |k: usize| {
            ctx.kind(k) == TokenKind::Word && ctx.capitalised(k) && !ctx.sentence_initial(k) || PRONOUNS.contains(&ctx.word(k)) && k == sentence_start
        };
        self.sentence_subject(sentence_start, a).or_else(|| (sentence_start..a).find(|&k| named(k)).map(|k| name_in(ctx, k, a - 1).unwrap_or((k, k))))
    }

    /// "X said (that) …", "Y agreed that …", "Z announced his resignation": the content, when
    /// it opens a clause, with the subject of the cue as speaker.
    fn speaker_verb_that(&mut self, cue: ReportCue, (s, e): (usize, usize), content: Content, taken: &[bool]) -> Option<Quote> {
        let ctx = self.ctx;
        let last = last_word(ctx, content.first, content.end);
        // "who they say they are", "what she says is true": a question or relative around the
        // verb, not a report of what was said.
        let wh_clause = s > 0 && matches!(ctx.word(s - 1), "who" | "whom" | "what" | "how" | "where" | "whoever" | "whatever");
        if !self.opens_clause(cue, content)
            || !can_speak(ctx, s, e)
            || denied_or_passive(ctx, e, cue)
            || wh_clause
            || last < content.first + 2
            || any_taken(taken, content.first, last)
        {
            return None;
        }
        let rule = if cue.speech { "quote.speaker_verb_that" } else { "quote.speaker_attitude_that" };
        let cue_text = self.span(cue.first, if content.that { content.first - 1 } else { cue.last });
        Some(Quote::attributed(content.first, last, "reported", Attribution::new(cue_text, rule, self.speaker_from(s, e))))
    }

    /// Whether the content after a cue opens what is said: after "that", "it" and a verb
    /// ("said it is"; "said it" alone reports nothing), a speech act's object; in English, a
    /// word that is no preposition, "so" or "yes", and past a listener without "that" a
    /// clause with a verb within a few words ("told reporters on Friday at the White House"
    /// reports nothing). French reports speech with "que": without it the verb takes an
    /// object ("justifie ces exactions", "a déclaré la guerre"), which is no one's words.
    fn opens_clause(&self, cue: ReportCue, content: Content) -> bool {
        let ctx = self.ctx;
        let first = content.first;
        let it_clause = ctx.word(first) == "it" && IT_CLAUSE_VERBS.contains(&ctx.word(first + 1));
        let has_verb = || (first + 1..=(first + 10).min(content.end)).any(|k| verb_like(ctx, k) && ctx.word(k) != ",");
        // "warned about job losses" (but "said about 200 jobs would go").
        let about = ctx.word(first) == "about" && !number_at(ctx, first + 1);
        let english_clause = ctx.article.lang != Lang::Fr
            && ctx.kind(first) == TokenKind::Word
            && !NOT_CLAUSE_OPENERS.contains(&ctx.word(first))
            && !about
            && (!LISTENER_VERBS.contains(&ctx.word(cue.last)) || has_verb());
        content.that || it_clause || cue.act && ctx.kind(first) == TokenKind::Word || english_clause
    }

    /// "…, X said, …": a parenthetical cue between commas; what is said is the rest of the
    /// sentence (to `clause_end`).
    fn parenthetical_cue(&mut self, cue: ReportCue, clause_end: usize, taken: &[bool]) -> Option<Quote> {
        let ctx = self.ctx;
        let (a, b) = (cue.first, cue.last);
        if ctx.word(b + 1) != "," || a == 0 {
            return None;
        }
        let comma = (0..a).rev().take_while(|&k| ctx.same_sentence(k, a) && a - k <= 6).find(|&k| ctx.word(k) == ",")?;
        let last = last_word(ctx, b + 2, clause_end);
        if last < b + 4 || any_taken(taken, b + 2, last) {
            return None;
        }
        let speaker = self.speaker_from(comma + 1, a - 1)?;
        Some(Quote::attributed(b + 2, last, "reported", Attribution::new(self.span(a, b), "quote.parenthetical_cue", Some(speaker))))
    }

    /// "…, X said." / "…, indiquent les partenaires." / "…, The Post has learned.": a short
    /// cue ending the sentence (at `clause_end`) after a comma; what is said comes before it.
    fn content_comma_verb(&mut self, cue: ReportCue, clause_end: usize, taken: &[bool]) -> Option<Quote> {
        let ctx = self.ctx;
        let (a, b) = (cue.first, cue.last);
        let clause_start = sentence_start(ctx, a);
        let ends_soon = clause_end.saturating_sub(b) <= 8;
        let comma = (clause_start..a).rev().find(|&k| ctx.word(k) == ",").filter(|&c| c > clause_start + 3 && a - c <= 6 && ends_soon)?;
        if !self.cue_ends_its_clause(cue, comma) {
            return None;
        }
        let speaker = self.comma_cue_speaker(cue, comma);
        if speaker.is_none() || any_taken(taken, clause_start, comma - 1) {
            return None;
        }
        Some(Quote::attributed(clause_start, comma - 1, "reported", Attribution::new(self.span(a, b), "quote.content_comma_verb", speaker)))
    }

    /// Whether the cue after a comma (at `comma`) ends its own clause, as an attribution does
    /// ("…, the mayor said on Friday", "…, said the mayor", "…, she told reporters"), rather
    /// than open one that reports something else ("…, the mayor says that …") or take an
    /// object after its subject ("…, while the left demands a rise in wages").
    fn cue_ends_its_clause(&self, cue: ReportCue, comma: usize) -> bool {
        let ctx = self.ctx;
        // Past an adverb or two ("estime pourtant que", "says however that").
        let mut k = cue.last + 1;
        while k < cue.last + 3
            && (FRENCH_ADVERBS.contains(&ctx.word(k)) || ADVERBS.contains(&ctx.word(k)) || ctx.word(k).ends_with("ment") || ctx.word(k).ends_with("ly"))
        {
            k += 1;
        }
        if matches!(ctx.word(k), "that" | "que" | "qu'") {
            return false;
        }
        let next = ctx.word(cue.last + 1);
        let subject_before = cue.first > comma + 1;
        !(subject_before && DETERMINERS.contains(&next) && !LISTENER_VERBS.contains(&ctx.word(cue.last)))
    }

    /// "…, the committee has said." The subject of a cue after a comma, tokens `first..=last`:
    /// past a trailing auxiliary ("has"), and none when it opens another clause ("…, although
    /// it did not say"), denies ("…, it never said"), or makes a passive ("…, it has been
    /// confirmed").
    fn comma_subject(&mut self, first: usize, last: usize) -> Option<Speaker> {
        let ctx = self.ctx;
        let words = || (first..=last).map(|k| ctx.word(k));
        if CLAUSE_BREAKS.contains(&ctx.word(first)) || words().any(negation) {
            return None;
        }
        let mut end = last;
        while end > first && (AUXILIARIES.contains(&ctx.word(end)) || matches!(ctx.word(end), "will" | "would" | "did" | "does")) {
            end -= 1;
        }
        if matches!(ctx.word(end), "been" | "being" | "be" | "is" | "was" | "are" | "were") || !can_speak(ctx, first, end) {
            return None;
        }
        self.speaker_from(first, end)
    }

    /// The speaker of a cue after a comma (at token `comma`): "…, the minister said." or
    /// "…, said the minister." (a short phrase after the verb with no verb of its own: "…,
    /// told reporters it is clear…" and "The head of the agency, Ann Lee, said the plan would
    /// fail" are no inversion).
    fn comma_cue_speaker(&mut self, cue: ReportCue, comma: usize) -> Option<Speaker> {
        let ctx = self.ctx;
        let verb_first = (comma + 1..=cue.first).find(|&k| speech_verb(ctx, k).is_some()).unwrap_or(cue.first);
        if verb_first != comma + 1 {
            return self.comma_subject(comma + 1, verb_first - 1);
        }
        let short = |&(s, e): &(usize, usize)| {
            e - s < 5
                && ctx.word(cue.last) != "told"
                // ("a" is also the English article: "…, said a spokesman".)
                && !(s..=e).any(|k| matches!(ctx.word(k), "that" | "que" | "it" | "has" | "have" | "had") || ctx.word(k) != "a" && auxiliary_or_modal(ctx.word(k)))
        };
        self.phrase_after(cue.last + 1).filter(short).and_then(|(s, e)| self.speaker_from(s, e))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{article, at, finder, nth, text};
    use super::*;

    /// A quote as (its text, rule, cue, speaker's name).
    fn shown(ctx: &Context, quote: Option<Quote>) -> Option<(String, &'static str, String, Option<String>)> {
        quote.map(|q| (text(ctx, (q.first, q.last)).to_string(), q.rule, q.cue, q.speaker.map(|s| s.name)))
    }

    fn quote(content: &str, rule: &'static str, cue: &str, speaker: &str) -> Option<(String, &'static str, String, Option<String>)> {
        Some((content.to_string(), rule, cue.to_string(), Some(speaker.to_string())))
    }

    #[test]
    fn that_and_que_open_a_clause() {
        let article = article("Il dit qu'il part et que tout va bien, so that we know.", Lang::Fr);
        let ctx = Context::new(&article);
        assert!(that_word(&ctx, at(&ctx, "qu'")) && that_word(&ctx, at(&ctx, "que")) && that_word(&ctx, at(&ctx, "that")));
        assert!(!that_word(&ctx, at(&ctx, "so")));
    }

    #[test]
    fn a_reporting_cue_is_speech_thought_or_a_speech_act() {
        let article = article(
            "The mayor said that rents rose. A poll found that rents rose. The union declined a meeting. Le maire a déclaré que tout allait bien.",
            Lang::Fr,
        );
        let ctx = Context::new(&article);
        let said = reporting_cue(&ctx, at(&ctx, "said")).unwrap();
        assert!(said.speech && !said.act);
        let found = reporting_cue(&ctx, at(&ctx, "found")).unwrap();
        assert!(!found.speech && !found.act);
        assert!(reporting_cue(&ctx, at(&ctx, "declined")).unwrap().act);
        let declared = reporting_cue(&ctx, at(&ctx, "déclaré")).unwrap();
        assert_eq!((declared.first, declared.last), (at(&ctx, "déclaré") - 1, at(&ctx, "déclaré")));
        assert!(reporting_cue(&ctx, at(&ctx, "rents")).is_none());
    }

    #[test]
    fn verbs_of_thought_before_that() {
        let article = article("Analysts believe that rates will fall. Economists estimated that prices rose. Countries that signed left.", Lang::En);
        let ctx = Context::new(&article);
        assert!(thought_verb(&ctx, at(&ctx, "believe")));
        assert!(thought_verb(&ctx, at(&ctx, "estimated")));
        assert!(!thought_verb(&ctx, at(&ctx, "countries")));
        assert!(!thought_verb(&ctx, at(&ctx, "rates")));
    }

    #[test]
    fn speech_acts_take_what_was_said_as_object() {
        let article = article("The mayor called for calm. She urged restraint. Called to order, they sat.", Lang::En);
        let ctx = Context::new(&article);
        let called = at(&ctx, "called");
        assert_eq!(speech_act(&ctx, called), Some((called, called + 1)));
        assert_eq!(speech_act(&ctx, at(&ctx, "urged")), Some((at(&ctx, "urged"), at(&ctx, "urged"))));
        assert_eq!(speech_act(&ctx, nth(&ctx, "called", 1)), None);
    }

    #[test]
    fn content_starts_after_the_listener_or_that() {
        let article = article("She told reporters that the plan failed. He said on Monday that it worked. They said the plan worked.", Lang::En);
        let ctx = Context::new(&article);
        let start = |verb: usize| content_start(&ctx, verb, sentence_end(&ctx, verb));
        assert_eq!(start(at(&ctx, "told")), (nth(&ctx, "the", 0), true));
        assert_eq!(start(nth(&ctx, "said", 0)), (at(&ctx, "it"), true));
        assert_eq!(start(nth(&ctx, "said", 1)), (nth(&ctx, "the", 1), false));
    }

    #[test]
    fn after_a_listener_the_clause_opens_with_a_pronoun_or_that() {
        let article = article("He assured voters they would win. She told the press, without notes, the truth.", Lang::En);
        let ctx = Context::new(&article);
        let assured = at(&ctx, "assured");
        assert_eq!(listener_clause_start(&ctx, assured, sentence_end(&ctx, assured)), at(&ctx, "they"));
        let told = at(&ctx, "told");
        assert_eq!(listener_clause_start(&ctx, told, sentence_end(&ctx, told)), at(&ctx, ","));
    }

    #[test]
    fn a_short_phrase_before_that_is_skipped() {
        let article = article("He said in Lyon that rents rose. He said the rents rose.", Lang::En);
        let ctx = Context::new(&article);
        let said = at(&ctx, "said");
        assert_eq!(past_short_phrase(&ctx, said + 1, sentence_end(&ctx, said)), at(&ctx, "that"));
        let said = nth(&ctx, "said", 1);
        assert_eq!(past_short_phrase(&ctx, said + 1, sentence_end(&ctx, said)), said + 1);
    }

    #[test]
    fn reported_speech_at_a_cue() {
        let article = article("The mayor said that the port would reopen in May.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let taken = vec![false; ctx.len()];
        let expected = quote("the port would reopen in May", "quote.speaker_verb_that", "said that", "The mayor");
        assert_eq!(shown(&ctx, f.reported_at(at(&ctx, "said"), &taken)), expected);
        assert!(f.reported_at(at(&ctx, "port"), &taken).is_none());
    }

    #[test]
    fn presented_as_something_by_someone() {
        let article = article("Le projet, présenté comme une avancée par la maire Ana Ruiz, divise. Le plan, présenté comme définitif, a été voté.", Lang::Fr);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let expected = quote("une avancée", "quote.presente_comme_par", "présenté comme", "Ana Ruiz");
        assert_eq!(shown(&ctx, f.presente_comme_par(at(&ctx, "présenté"))), expected);
        // Without "par", no one presents it.
        assert!(f.presente_comme_par(nth(&ctx, "présenté", 1)).is_none());
    }

    #[test]
    fn words_after_a_colon_without_quotation_marks() {
        let article = article("The minister said: the plan will not change at all. The minister said: “no”.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let taken = vec![false; ctx.len()];
        let cue = reporting_cue(&ctx, at(&ctx, "said")).unwrap();
        let expected = quote("the plan will not change at all", "quote.speaker_verb_colon", "said:", "The minister");
        assert_eq!(shown(&ctx, f.speaker_verb_colon(cue, &taken)), expected);
        let cue = reporting_cue(&ctx, nth(&ctx, "said", 1)).unwrap();
        assert!(f.speaker_verb_colon(cue, &taken).is_none());
    }

    #[test]
    fn the_subject_of_a_reporting_verb() {
        let article = article("The mayor said that rents rose. The union issued a statement on Friday saying the strike would continue.", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        assert_eq!(text(&ctx, f.reported_subject(at(&ctx, "said")).unwrap()), "The mayor");
        assert_eq!(text(&ctx, f.reported_subject(at(&ctx, "saying")).unwrap()), "The union");
    }

    #[test]
    fn a_participle_speaks_for_the_sentences_subject() {
        let article = article("The union issued a statement on Friday saying the strike would continue. He kept saying it.", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        assert_eq!(text(&ctx, f.participle_subject(at(&ctx, "saying")).unwrap()), "The union");
        assert!(f.participle_subject(at(&ctx, "statement")).is_none());
    }

    #[test]
    fn a_name_before_its_apposition() {
        let article = article("Ana Ruiz, who leads the council, said the vote was fair. “Fine,” she said, “really.”", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        assert_eq!(text(&ctx, f.apposition_subject(at(&ctx, "said")).unwrap()), "Ana Ruiz");
        assert!(f.apposition_subject(nth(&ctx, "said", 1)).is_none());
    }

    #[test]
    fn a_coordinated_verb_shares_the_sentences_subject() {
        let article = article("The mayor visited the port and then said that it would reopen. The mayor said that it would.", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        assert_eq!(text(&ctx, f.coordinated_subject(at(&ctx, "said")).unwrap()), "The mayor");
        assert!(f.coordinated_subject(nth(&ctx, "said", 1)).is_none());
    }

    #[test]
    fn a_denied_or_passive_report_is_no_ones_words() {
        // Each sentence: its cue, and whether the report before it is denied or passive.
        let cases = [
            ("The mayor could not say whether the port would reopen.", Lang::En, "say", true),
            ("The mayor didn't say whether the port would reopen.", Lang::En, "say", true),
            ("The mayor never said that the port would reopen.", Lang::En, "said", true),
            ("Drivers are told that the bridge will close.", Lang::En, "told", true),
            ("Drivers have been warned that the bridge will close.", Lang::En, "warned", true),
            ("Le maire n'a pas dit que le port rouvrirait.", Lang::Fr, "dit", true),
            ("Le maire ne dit pas que le port rouvrira.", Lang::Fr, "dit", true),
            ("The mayor said not to worry about the port.", Lang::En, "said", false),
            ("The mayor is telling residents that the port will reopen.", Lang::En, "telling", false),
            ("Residents are worried that the port will close.", Lang::En, "worried", false),
            ("The mayor pleaded not guilty and denied any wrongdoing.", Lang::En, "denied", false),
            ("Le maire a dit que le port rouvrirait.", Lang::Fr, "dit", false),
        ];
        for (text, lang, verb, expected) in cases {
            let article = article(text, lang);
            let ctx = Context::new(&article);
            let cue = reporting_cue(&ctx, at(&ctx, verb)).unwrap_or_else(|| panic!("no cue in {text:?}"));
            let subject_end = if text.starts_with("Drivers") || text.starts_with("Residents") { 0 } else { 1 };
            assert_eq!(denied_or_passive(&ctx, subject_end, cue), expected, "{text}");
        }
    }

    #[test]
    fn selon_names_a_source_or_means_depending_on() {
        let found = |text: &str, lang: Lang, cue: &str| {
            let article = article(text, lang);
            let ctx = Context::new(&article);
            let taken = vec![false; ctx.len()];
            shown(&ctx, finder(&ctx).reported_at(at(&ctx, cue), &taken)).map(|q| q.3)
        };
        assert_eq!(found("Selon la préfecture, la route restera fermée jusqu'à lundi.", Lang::Fr, "selon"), Some(Some("la préfecture".into())));
        assert_eq!(found("La route restera fermée jusqu'à lundi, selon eux.", Lang::Fr, "selon"), Some(Some("eux".into())));
        let article = article("Selon l'association des maires, Villes Unies, la route restera fermée jusqu'à lundi.", Lang::Fr);
        let ctx = Context::new(&article);
        let taken = vec![false; ctx.len()];
        let expected = quote("la route restera fermée jusqu'à lundi", "quote.according_to", "Selon", "Villes Unies");
        assert_eq!(shown(&ctx, finder(&ctx).reported_at(at(&ctx, "selon"), &taken)), expected);
        assert_eq!(found("Les tarifs des cantines changent chaque année selon les communes.", Lang::Fr, "selon"), None);
        assert_eq!(found("Selon les saisons, le lac monte ou baisse de deux mètres.", Lang::Fr, "selon"), None);
        // "About" opens no clause, unless it qualifies a number.
        assert_eq!(found("The pilots warned about delays at the airport.", Lang::En, "warned"), None);
        assert_eq!(found("The union said about forty jobs would go.", Lang::En, "said"), Some(Some("The union".into())));
        // A relative or a question around the verb reports nothing.
        assert_eq!(found("Callers are not who they say they are, the bank warned.", Lang::En, "say"), None);
    }

    #[test]
    fn what_the_subject_of_a_cue_said() {
        let article = article("The mayor said the budget is balanced. The mayor said it.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let taken = vec![false; ctx.len()];
        let content_after = |said: usize| Content { first: said + 1, that: false, end: sentence_end(&ctx, said) };
        let said = at(&ctx, "said");
        let cue = reporting_cue(&ctx, said).unwrap();
        let expected = quote("the budget is balanced", "quote.speaker_verb_that", "said", "The mayor");
        assert_eq!(shown(&ctx, f.speaker_verb_that(cue, (0, 1), content_after(said), &taken)), expected);
        let said = nth(&ctx, "said", 1);
        let cue = reporting_cue(&ctx, said).unwrap();
        assert!(f.speaker_verb_that(cue, (said - 2, said - 1), content_after(said), &taken).is_none());
    }

    #[test]
    fn a_clause_opens_after_that_it_is_or_an_english_word() {
        let article =
            article("She said it was late. She said it. She told reporters on Friday at the White House. She told reporters the talks had failed.", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        let opens = |verb: usize| {
            let cue = reporting_cue(&ctx, verb).unwrap();
            let (first, that) = content_start(&ctx, verb, sentence_end(&ctx, verb));
            f.opens_clause(cue, Content { first, that, end: sentence_end(&ctx, verb) })
        };
        assert!(opens(nth(&ctx, "said", 0)));
        assert!(!opens(nth(&ctx, "said", 1)));
        assert!(!opens(nth(&ctx, "told", 0)));
        assert!(opens(nth(&ctx, "told", 1)));
    }

    #[test]
    fn a_parenthetical_cue_between_commas() {
        let article = article("The plan, the mayor said, will cost less than expected. The plan was said to work.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let taken = vec![false; ctx.len()];
        let said = at(&ctx, "said");
        let cue = reporting_cue(&ctx, said).unwrap();
        let expected = quote("will cost less than expected", "quote.parenthetical_cue", "said", "the mayor");
        assert_eq!(shown(&ctx, f.parenthetical_cue(cue, sentence_end(&ctx, said), &taken)), expected);
        let said = nth(&ctx, "said", 1);
        let cue = reporting_cue(&ctx, said).unwrap();
        assert!(f.parenthetical_cue(cue, sentence_end(&ctx, said), &taken).is_none());
    }

    #[test]
    fn content_then_a_comma_then_a_short_cue() {
        let article = article("The port will reopen in May, the mayor said. The port said so.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let mut taken = vec![false; ctx.len()];
        let said = at(&ctx, "said");
        let cue = reporting_cue(&ctx, said).unwrap();
        let expected = quote("The port will reopen in May", "quote.content_comma_verb", "said", "the mayor");
        assert_eq!(shown(&ctx, f.content_comma_verb(cue, sentence_end(&ctx, said), &taken)), expected);
        // Words already quoted are not reported again.
        taken[1] = true;
        assert!(f.content_comma_verb(cue, sentence_end(&ctx, said), &taken).is_none());
        let said = nth(&ctx, "said", 1);
        let cue = reporting_cue(&ctx, said).unwrap();
        assert!(f.content_comma_verb(cue, sentence_end(&ctx, said), &taken).is_none());
    }

    #[test]
    fn a_cue_after_a_comma_that_opens_its_own_report_or_takes_an_object() {
        let got = |text: &str| {
            let article = article(text, Lang::Fr);
            let ctx = Context::new(&article);
            let mut f = finder(&ctx);
            let taken = vec![false; ctx.len()];
            (0..ctx.len())
                .filter_map(|i| reporting_cue(&ctx, i))
                .find_map(|cue| f.content_comma_verb(cue, sentence_end(&ctx, cue.last), &taken))
                .map(|q| q.rule)
        };
        assert_eq!(got("Le pont rouvrira en mai, a indiqué le maire."), Some("quote.content_comma_verb"));
        assert_eq!(got("Le pont rouvrira en mai, indiquent les services techniques."), Some("quote.content_comma_verb"));
        assert_eq!(got("Le pont a coûté cher, le maire estime pourtant que les travaux étaient urgents."), None);
        assert_eq!(got("Le conseil a voté le budget, tandis que l'opposition réclame une commission d'enquête."), None);
    }

    #[test]
    fn the_speaker_of_a_cue_after_a_comma_before_or_after_the_verb() {
        let article = article(
            "Rents will rise, said the mayor. Rents will rise, the mayor said. Rents will rise, told reporters it is clear. \
             The head of the housing office, Ann Lee, said the plan would fail. Rents will rise, said a spokesman.",
            Lang::En,
        );
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let speaker = |f: &mut Finder, verb: usize| {
            let comma = (0..verb).rev().find(|&k| ctx.word(k) == ",").unwrap();
            f.comma_cue_speaker(reporting_cue(&ctx, verb).unwrap(), comma).map(|s| s.name)
        };
        assert_eq!(speaker(&mut f, nth(&ctx, "said", 0)), Some("the mayor".to_string()));
        assert_eq!(speaker(&mut f, nth(&ctx, "said", 1)), Some("the mayor".to_string()));
        assert_eq!(speaker(&mut f, at(&ctx, "told")), None);
        // The comma closes the subject's apposition: what follows "said" is what she said.
        assert_eq!(speaker(&mut f, nth(&ctx, "said", 2)), None);
        assert_eq!(speaker(&mut f, nth(&ctx, "said", 3)), Some("a spokesman".to_string()));
    }
}
