//! Direct quotes: the marks that open and close them, and the cue that attributes them (after
//! the quote, before it, in the sentence around it, or in the sentences next to it).

use super::*;
use crate::lexicons::entity_words::OCCUPATIONS_FR;

/// An opening quotation mark: how many tokens it spans and what closes it.
struct OpeningMark {
    /// Two apostrophes or backticks written as one mark ('' … ''), as some wires do.
    doubled: bool,
    /// A straight mark (" or a doubled one): no nesting, and closed by a mark of its own kind.
    straight: bool,
    width: usize,
}

/// The quotation mark that opens at token `i`, if one does.
fn opening_mark(ctx: &Context, i: usize) -> Option<OpeningMark> {
    let text = ctx.text_of(i);
    let doubled = double_mark(ctx, i);
    let straight = text == "\"" || doubled;
    (is_open_mark(text) || straight).then_some(OpeningMark { doubled, straight, width: if doubled { 2 } else { 1 } })
}

/// The first token of the mark that closes the quote opened at `i`, looked for within the
/// same segment (paragraph) and skipping nested marks; and the token where the search stopped.
fn closing_mark(ctx: &Context, i: usize, mark: &OpeningMark) -> (Option<usize>, usize) {
    let segment = ctx.segments[i];
    let mut depth = 0;
    let mut k = i + mark.width;
    while k < ctx.len() && ctx.segments[k] == segment && k - i < MAX_QUOTE_TOKENS {
        if closes(ctx, k, mark, depth) {
            return (Some(k), k);
        }
        let t = ctx.text_of(k);
        if !mark.straight && is_open_mark(t) {
            depth += 1;
        } else if !mark.straight && is_close_mark(t) {
            depth -= 1;
        }
        k += 1;
    }
    (None, k)
}

/// Whether token `k` closes `mark` at nesting `depth`. A straight mark may be closed by a
/// curly one ("mixed" typing is common on the web); a curly one by a straight one that reads
/// as a closer: “… world," he said.
fn closes(ctx: &Context, k: usize, mark: &OpeningMark, depth: i32) -> bool {
    let t = ctx.text_of(k);
    let straight_closer = t == "\"" && depth == 0 && glued_closer(ctx, k);
    mark.doubled && double_mark(ctx, k)
        || !mark.doubled && mark.straight && (t == "\"" || t == "”")
        || !mark.straight && (is_close_mark(t) && depth == 0 || straight_closer)
}

/// Whether a quote whose mark opens at token `i` stands inside the writer's own sentence
/// (not after ":", "," or "that"): its words are then a partial quote.
fn inside_writers_sentence(ctx: &Context, i: usize) -> bool {
    i > 0 && ctx.same_sentence(i - 1, i) && !matches!(ctx.word(i - 1), ":" | "," | "that" | "que" | "qu'")
}

/// Marks a quote's tokens, its marks included, as taken: no reported speech is looked for there.
fn take(taken: &mut [bool], i: usize, end: usize, close: Option<usize>) {
    (i..end.min(taken.len())).for_each(|t| taken[t] = true);
    if let Some(c) = close {
        (end..=c.min(taken.len() - 1)).for_each(|t| taken[t] = true);
    }
}

/// The first token after the commas and dashes that follow a closing mark at `close` (in its
/// sentence or its paragraph), and whether a dash was among them.
fn past_commas_and_dashes(ctx: &Context, close: usize) -> (usize, bool) {
    let mut k = close + 1;
    let mut dashed = false;
    while matches!(ctx.word(k), "," | "—" | "-" | "―" | "–") && (ctx.same_sentence(close, k) || ctx.segments.get(k) == ctx.segments.get(close)) {
        dashed |= ctx.word(k) != ",";
        k += 1;
    }
    (k, dashed)
}

/// “What a day!” beamed Mira Kovac: a verb right after the quote, then its
/// subject's name. The subject's (first, last) tokens and the verb.
fn verb_then_name(ctx: &Context, k: usize) -> Option<(usize, usize, usize)> {
    if !(ctx.word(k).ends_with("ed") || speech_verb(ctx, k).is_some()) || ctx.capitalised(k) {
        return None;
    }
    let (s, e) = name_at_start(ctx, k + 1)?;
    Some((s, e, k))
}

/// The subject that opens the clause at token `k`: a pronoun, a determined phrase up to its
/// verb, or a name (with the noun its possessive governs: "Scott's niece"), and a short
/// parenthesis after it ("Rep. Ana Ruiz (D-Texas)").
fn clause_subject(ctx: &Context, k: usize) -> Option<(usize, usize)> {
    let e = if PRONOUNS.contains(&ctx.word(k)) || ctx.word(k) == "it" {
        k
    } else if DETERMINERS.contains(&ctx.word(k)) {
        // Up to its verb, or to the comma of an apposition ("the owner, Ana Ruiz, said").
        (k + 1..(k + 6).min(ctx.len())).find(|&v| verb_like(ctx, v))? - 1
    } else {
        let name_part = |j: usize| matches!(ctx.kind(j), TokenKind::Word | TokenKind::Abbreviation) && ctx.capitalised(j);
        if !name_part(k) {
            return None;
        }
        let name_end = (k..(k + 6).min(ctx.len())).take_while(|&j| name_part(j)).last()?;
        let possessive = ctx.word(name_end + 1) == "'s" && ctx.kind(name_end + 2) == TokenKind::Word && !ctx.capitalised(name_end + 2);
        if possessive {
            name_end + 2
        } else {
            name_end
        }
    };
    if ctx.word(e + 1) == "(" {
        return Some((k, (e + 2..(e + 8).min(ctx.len())).find(|&j| ctx.word(j) == ")")?));
    }
    Some((k, e))
}

/// "Le ministre des finances, Pierre Moscovici, a déclaré", "the finance minister, Ann Lee,
/// said": a name between commas right before the verb at token `a`, in apposition to a role
/// noun, is the speaker (not the role, nor whatever opens the sentence).
fn named_apposition_before(ctx: &Context, a: usize) -> Option<(usize, usize)> {
    if a < 3 || ctx.word(a - 1) != "," {
        return None;
    }
    let c = (a.saturating_sub(MAX_SPEAKER_TOKENS)..a - 1).rev().find(|&j| ctx.word(j) == ",")?;
    let (s, e) = name_at_start(ctx, c + 1).filter(|&(_, e)| e + 2 == a)?;
    let role = c > 0 && ctx.same_sentence(c - 1, a) && ctx.kind(c - 1) == TokenKind::Word && !ctx.capitalised(c - 1);
    role.then_some((s, e))
}

/// The token after a subject ending at `e` that should be its verb, past an apposition between
/// commas (", a committee member, said"), within the sentence of token `k`.
fn verb_after_apposition(ctx: &Context, k: usize, e: usize) -> Option<usize> {
    let v = e + 1;
    if ctx.word(v) != "," {
        return Some(v);
    }
    Some((v + 1..(v + 2 * MAX_SPEAKER_TOKENS).min(ctx.len())).take_while(|&j| ctx.same_sentence(k, j)).find(|&j| ctx.word(j) == ",")? + 1)
}

/// Whether token `v` reads as the verb of a subject starting at `s`, whatever the verb: a
/// speech verb, a past form, or a present after a phrase that is no name ("the letter reads").
fn any_verb(ctx: &Context, s: usize, v: usize) -> bool {
    let word = ctx.word(v);
    let present = word.len() > 3 && word.ends_with('s') && !ctx.capitalised(s);
    speech_verb(ctx, v).is_some() || word.ends_with("ed") || IRREGULAR_VERBS.contains(&word) && word.len() > 2 || present
}

/// "Selon son complice, « … »": after "selon" (from token `phrase`), a descriptor up to its
/// comma speaks as written when no name does.
fn descriptor_source(ctx: &Context, phrase: usize, open: usize) -> Option<(usize, usize)> {
    let comma = (phrase + 1..(phrase + 6).min(open)).find(|&c| ctx.word(c) == ",")?;
    // "D'après le ministre du budget, Jérôme Cahuzac, « … »": the name in apposition.
    DETERMINERS.contains(&ctx.word(phrase)).then(|| named_apposition(ctx, comma - 1).unwrap_or((phrase, comma - 1)))
}

/// Whether the sentence before a quote opening at `open`, in its paragraph, holds a closing
/// or straight quotation mark: an attributed quote whose speaker goes on talking.
fn after_quoted_sentence(ctx: &Context, open: usize) -> bool {
    open > 0
        && ctx.segments[open - 1] == ctx.segments[open]
        && (sentence_start(ctx, open - 1)..open).any(|k| is_quote_mark(ctx.text_of(k)) && !is_open_mark(ctx.text_of(k)) || double_mark(ctx, k))
}

/// The first token of the text before a quote opening at `open` (its sentence's start, or the
/// previous sentence's, in its paragraph), when that text holds no quotation mark. A sentence
/// holding a quote has its speaker already: the quote after it goes on with that speaker
/// (filled in after all quotes are found), not with a name the quote mentions.
fn unquoted_text_before(ctx: &Context, open: usize) -> Option<usize> {
    if open == 0 || ctx.segments[open - 1] != ctx.segments[open] {
        return None;
    }
    let start = sentence_start(ctx, open - 1);
    (!(start..open).any(|k| is_quote_mark(ctx.text_of(k)))).then_some(start)
}

impl Finder<'_, '_> {
    pub(super) fn direct_quotes(&mut self, taken: &mut [bool]) -> Vec<Quote> {
        let ctx = self.ctx;
        let mut quotes = Vec::new();
        let mut i = 0;
        while i < ctx.len() {
            let Some(mark) = opening_mark(ctx, i) else {
                i += 1;
                continue;
            };
            let (close, stop) = closing_mark(ctx, i, &mark);
            // An unclosed quote runs to the end of its paragraph.
            let end = close.unwrap_or(stop);
            // The last token of the closing mark.
            let close = close.map(|c| c + mark.width - 1);
            if end <= i + mark.width {
                i += mark.width;
                continue;
            }
            let open = i + mark.width - 1; // the last token of the opening mark
            if self.is_speech(open, end) {
                let quote = self.direct_quote(i, open, end, close);
                if !self.term_or_title(&quote) {
                    quotes.push(quote);
                    take(taken, i, end, close);
                }
            }
            i = close.map_or(end, |c| c + 1);
        }
        quotes
    }

    /// Whether the words between the marks (tokens `open + 1..end`) are someone's: enough
    /// words, or a short quote in a sentence that attributes words to someone ("called it
    /// “fraud”"); elsewhere short quotes are scare quotes (« anti-Huawei »).
    fn is_speech(&self, open: usize, end: usize) -> bool {
        let words = (open + 1..end).filter(|&w| self.ctx.kind(w) != TokenKind::Punct).count();
        words >= MIN_QUOTE_WORDS || words >= 1 && self.sentence_has_cue(open)
    }

    /// Whether the subject at tokens `a..=b` names someone whose words a quote may be without
    /// a cue: a person the entity stage found, a personal pronoun, a name (a capitalised word
    /// past the first) or a title ("the mayor"): "Cette sculpture", "Other themes" speak no words.
    fn names_someone(&self, a: usize, b: usize) -> bool {
        let ctx = self.ctx;
        let pronoun = a == b && PRONOUNS.contains(&ctx.word(a));
        // A capitalised word past the first, or a first one that is no function word ("Cette").
        let stop = stopwords::stop_words(Lang::Und);
        // "L'alerte", "D'autres thèmes": an article or partitive capitalised at the sentence's
        // start names no one.
        let function_word = |w: &str| stop.contains(w) || DETERMINERS.contains(&w) || matches!(w, "l'" | "d'" | "de" | "du" | "des");
        let name = (a + 1..=b).any(|k| ctx.kind(k) == TokenKind::Word && ctx.capitalised(k)) || ctx.capitalised(a) && !function_word(ctx.word(a));
        // "The mayor", "la ministre", "the council": a title or a body names someone.
        let named_by_role = |k: usize| {
            let word = ctx.word(k);
            ROLE_NOUNS.contains(&word)
                || crate::lexicons::PERSON_TITLES.contains(word)
                || OCCUPATIONS_FR.contains(word)
                || crate::lexicons::ORG_WORDS.contains(word)
        };
        let role = (a..=b).any(named_by_role);
        pronoun || name || role || self.person_in(a, b).is_some()
    }

    /// Whether quoted words inside the writer's sentence, attributed by nothing near them, are
    /// a term or a title rather than anyone's words: several words without a verb, in title
    /// case or in French (« abominable homme des neiges », “Big Tent Brunch”).
    fn term_or_title(&self, quote: &Quote) -> bool {
        let ctx = self.ctx;
        if quote.mode != "partial" || quote.rule != "quote.direct_context" {
            return false;
        }
        let verb = (quote.first..=quote.last).any(|k| verb_like(ctx, k) && ctx.word(k) != ",");
        let words: Vec<usize> = (quote.first..=quote.last).filter(|&k| ctx.kind(k) == TokenKind::Word).collect();
        // “The Rachel Maddow Show”: every long word capitalised is a title.
        let title = words.iter().filter(|&&k| ctx.word(k).chars().count() > 3).all(|&k| ctx.capitalised(k));
        // French sets terms and titles in guillemets where English uses italics; English
        // quotation marks around a few words (“strategic ambiguity”) more often take up
        // someone's words. One word (“rapists”) is someone's too.
        let french_term = ctx.article.lang == Lang::Fr && !verb;
        words.len() >= 2 && !verb && (title || french_term)
    }

    /// The quote whose mark starts at token `i` and ends at `open`, its words running to
    /// `end`, attributed; quoted words inside the writer's own sentence are a partial quote.
    fn direct_quote(&mut self, i: usize, open: usize, end: usize, close: Option<usize>) -> Quote {
        let mut quote = Quote::new(open + 1, end - 1, "direct", "quote.direct_marks");
        self.attribute_direct(&mut quote, open, close);
        if inside_writers_sentence(self.ctx, i) && quote.rule != "quote.direct_verb_speaker" && quote.rule != "quote.direct_speaker_verb" {
            quote.mode = "partial";
        }
        quote
    }

    /// Whether the sentence of token `i` has a speech verb or a naming verb ("called").
    pub(super) fn sentence_has_cue(&self, i: usize) -> bool {
        let ctx = self.ctx;
        let before = (i.saturating_sub(SENTENCE_WINDOW)..i).rev().take_while(|&k| ctx.same_sentence(k, i));
        let after = (i..(i + SENTENCE_WINDOW).min(ctx.len())).take_while(|&k| ctx.same_sentence(k, i));
        before.chain(after).any(|k| speech_verb(ctx, k).is_some() || NAMING_VERBS.contains(&ctx.word(k)))
    }

    /// Attributes a quote (its opening mark ending at `open`, its closing mark at `close`):
    /// the first rule that finds a cue, from the closest place to the farthest.
    pub(super) fn attribute_direct(&mut self, quote: &mut Quote, open: usize, close: Option<usize>) {
        let found = self
            .transcript_label(open)
            .or_else(|| close.and_then(|close| self.cue_after(open, close)))
            .or_else(|| self.cue_before(open))
            .unwrap_or_else(|| self.cue_in_context(open, close));
        quote.attribute(found);
    }

    /// “WALLACE: If I may, sir…”: a transcript names its speaker in capitals before a colon.
    fn transcript_label(&self, open: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        let label_end = (open + 1..(open + 4).min(ctx.len())).take_while(|&k| ctx.kind(k) == TokenKind::Word && all_caps(ctx.text_of(k))).last();
        let end = label_end.filter(|&e| ctx.word(e + 1) == ":")?;
        Some(Attribution::new(":", "quote.transcript_label", Some(self.mention(open + 1, end))))
    }

    /// The cue right after the closing mark ending at `close`, in its sentence or paragraph:
    /// «…», a-t-il dit / ”, said X / ”, X said / ” X said / ” ― X (a signature).
    fn cue_after(&mut self, open: usize, close: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        let (k, dashed) = past_commas_and_dashes(ctx, close);
        if let Some(found) = dashed.then(|| self.dash_signature(k)).flatten() {
            return Some(found);
        }
        if !(k < ctx.len() && (ctx.same_sentence(close, k) || ctx.segments[k] == ctx.segments[close])) {
            return None;
        }
        self.inverted_verb_after(open, k)
            .or_else(|| self.verb_then_speaker(k))
            // “…” inside a sentence whose own cue comes before it ("Berg said it was “a
            // mistake” to use …"): a speech verb further on belongs to another clause.
            .or_else(|| self.cue_before_in_sentence(open).then(|| self.cue_before(open)).flatten())
            .or_else(|| self.speaker_then_verb(k))
            .or_else(|| self.name_apposition_verb(k))
            .or_else(|| self.subject_verb_after(close, k))
    }

    /// ” ― Azucena Gonzàlez: a reader's words signed with a name after a dash (at token `k`).
    fn dash_signature(&mut self, k: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        let (s, e) = name_at_start(ctx, k)?;
        Some(Attribution::new(ctx.text_of(k - 1), "quote.dash_signature", self.speaker_from(s, e)))
    }

    /// «…», expose-t-il: a French inverted verb at token `k`, after a quote opening at
    /// `open`, the mention of a speaker whose pronoun stands for the subject of the sentence
    /// that leads into the quote ("Dans l'entretien, Louis Brun revient sur … « … », prévient-il"),
    /// else for the last person named.
    fn inverted_verb_after(&self, open: usize, k: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        if !inverted_verb(ctx, k) {
            return None;
        }
        let word = ctx.word(k);
        let gender = super::genders::pronoun_gender(if word.ends_with("-elle") || word.ends_with("-elles") { "elle" } else { "il" });
        // The lead-in is narration: no quotation mark between its subject and the quote.
        let narrated = |s: &Speaker| (ctx.token_at(s.end.saturating_sub(1))..open).all(|j| !is_quote_mark(ctx.text_of(j)));
        let lead_in =
            |s: &Speaker| self.genders.fits(gender, &s.name) && self.is_subject(s) && self.sentences_back(ctx.token_at(s.start), open) <= 1 && narrated(s);
        let named = self.nearest_person(open, &lead_in).or_else(|| self.last_person.clone()).or_else(|| self.recent_name(k));
        let speaker = named.map(|n| Speaker { name: n.name, start: ctx.start(k), end: ctx.end(k) });
        Some(Attribution::new(ctx.text_of(k), "quote.direct_inverted", speaker))
    }

    /// ”, said the mayor / », a révélé son avocate: a speech verb at token `k` (a compound
    /// past may start there), then its speaker.
    fn verb_then_speaker(&mut self, k: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        let (a, b) = speech_verb(ctx, k).or_else(|| speech_verb(ctx, k + 1).filter(|&(a, _)| a == k))?;
        // "», explique le président de l'Ufip, Jean Martin.": the name in apposition to a
        // descriptor (not the title after a name: "said Ann Lee, NUJ General Secretary").
        let descriptor = |s: usize| DETERMINERS.contains(&ctx.word(s)) || !ctx.capitalised(s);
        let phrase = self.phrase_after(b + 1).map(|(s, e)| named_apposition(ctx, e).filter(|_| descriptor(s)).unwrap_or((s, e)));
        let speaker = phrase.and_then(|(s, e)| self.speaker_from(s, e));
        Some(Attribution::new(self.span(a, b), "quote.direct_verb_speaker", speaker))
    }

    /// ”, the mayor said / ” Ms. Diallo told reporters: a speech verb within a speaker
    /// phrase's length of token `k`, its subject starting at `k`. The verb is looked for in
    /// the sentence and not into the next quote: its words are not this one's attribution.
    fn speaker_then_verb(&mut self, k: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        let limit = (k + MAX_SPEAKER_TOKENS).min(ctx.len());
        let outside = |v: &usize| ctx.same_sentence(k, *v) && (!is_quote_mark(ctx.text_of(*v)) || is_close_mark(ctx.text_of(*v)));
        let (a, b) = (k..limit).take_while(outside).find_map(|v| speech_verb(ctx, v))?;
        let (s, e) = self.phrase_before(a).filter(|&(s, _)| s >= k)?;
        Some(Attribution::new(self.span(a, b), "quote.direct_speaker_verb", self.speaker_from(s, e)))
    }

    /// ”, Valdez Anderson, who works at …, said Monday.: a name at token `k`, its apposition,
    /// then a speech verb after a comma.
    fn name_apposition_verb(&mut self, k: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        let (s, e) = name_at_start(ctx, k).filter(|&(_, e)| ctx.word(e + 1) == ",")?;
        let far = (e + 2..(e + 2 + 3 * MAX_SPEAKER_TOKENS).min(ctx.len())).take_while(|&v| ctx.same_sentence(k, v));
        let (a, b) = far.filter(|&v| ctx.word(v - 1) == ",").find_map(|v| speech_verb(ctx, v))?;
        Some(Attribution::new(self.span(a, b), "quote.direct_speaker_apposition_verb", self.speaker_from(s, e)))
    }

    /// “…,” she elaborated: the clause after a quote ending on a comma attributes it, whatever
    /// its verb (see `subject_and_verb_after`).
    fn subject_verb_after(&mut self, close: usize, k: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        let (s, e, v) = self.subject_and_verb_after(close, k)?;
        Some(Attribution::new(ctx.text_of(v), "quote.direct_subject_verb", self.speaker_from(s, e)))
    }

    /// “…,” she elaborated / “…,” Ortega assured Becker / “…,” Rep. Ana Ruiz (D-Texas), a
    /// panel member, said: after a quote that ends on a comma (or ? or !) inside its marks,
    /// the clause that follows attributes it, whatever its verb. The subject (a name, a
    /// pronoun or a determined phrase, with a parenthesis or an apposition) and its verb.
    pub(super) fn subject_and_verb_after(&self, close: usize, k: usize) -> Option<(usize, usize, usize)> {
        let ctx = self.ctx;
        let mark = if close > 0 && double_mark(ctx, close - 1) { close - 1 } else { close };
        if mark == 0 || !matches!(ctx.word(mark - 1), "," | "?" | "!") || !ctx.same_sentence(mark, k) {
            return None;
        }
        if let Some(found) = verb_then_name(ctx, k) {
            return Some(found);
        }
        let (s, e) = clause_subject(ctx, k)?;
        let v = verb_after_apposition(ctx, k, e)?;
        if !(any_verb(ctx, s, v) && ctx.kind(v) == TokenKind::Word && ctx.same_sentence(k, v)) {
            return None;
        }
        // "the owner, Ana Ruiz, said": the name in apposition is the speaker.
        let named = name_at_start(ctx, e + 2).filter(|&(_, ne)| ctx.word(e + 1) == "," && ne + 2 == v && ctx.word(ne + 1) == ",");
        Some(named.map_or((s, e.min(v - 1), v), |(ns, ne)| (ns, ne, v)))
    }

    /// The attribution that ends the sentence after token `close`: ", said X[, apposition]",
    /// ", X said", ", according to X", ", the Daily Caller reports". The cue token and the
    /// speaker phrase.
    pub(super) fn closing_attribution(&self, close: usize) -> Option<(usize, usize, usize)> {
        let ctx = self.ctx;
        let end = (close + 1..(close + SENTENCE_WINDOW).min(ctx.len())).take_while(|&k| ctx.same_sentence(close, k)).last()?;
        // Commas after the quote, last first: the attribution is the sentence's last clause.
        let commas = (close + 1..end).filter(|&k| ctx.word(k) == ",").collect::<Vec<_>>();
        for &comma in commas.iter().rev().take(3) {
            let k = comma + 1;
            if ctx.matches(k, &["according", "to"]) {
                let (s, e) = self.phrase_after(k + 2)?;
                return Some((k, s, e));
            }
            if speech_verb(ctx, k).is_some() {
                let (s, e) = self.phrase_after(k + 1)?;
                return (ctx.capitalised(s) || DETERMINERS.contains(&ctx.word(s))).then_some((k, s, e));
            }
            // ", X said." / ", the Daily Caller reports.": the verb ends the sentence.
            let mut last = end;
            while last > k && ctx.kind(last) == TokenKind::Punct {
                last -= 1;
            }
            if last > k
                && last - k <= 6
                && speech_verb(ctx, last).is_some()
                && (k..last).all(|j| ctx.kind(j) != TokenKind::Punct || ctx.kind(j) == TokenKind::Abbreviation)
            {
                return (ctx.capitalised(k) || DETERMINERS.contains(&ctx.word(k)) || PRONOUNS.contains(&ctx.word(k))).then_some((last, k, last - 1));
            }
        }
        None
    }

    /// Whether the sentence of a quote opening at `open` has a speech verb before the quote,
    /// the quote not opening the sentence itself.
    pub(super) fn cue_before_in_sentence(&self, open: usize) -> bool {
        let ctx = self.ctx;
        let mark = if open > 0 && double_mark(ctx, open - 1) { open - 1 } else { open };
        if ctx.sentence_initial(mark) {
            return false;
        }
        (mark.saturating_sub(SENTENCE_WINDOW)..mark).rev().take_while(|&k| ctx.same_sentence(k, mark)).any(|k| speech_verb(ctx, k).is_some())
    }

    /// The cue before a quote opening at `open`, in its sentence, nearest first: X said: « … »
    /// / X added that “…” / Pour X, « … » / Selon X, « … ».
    fn cue_before(&mut self, open: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        (0..open).rev().take_while(|&k| ctx.same_sentence(k, open)).find_map(|k| self.speaker_verb_before(k).or_else(|| self.source_before(k, open)))
    }

    /// X said: « … »: a speech verb at token `k`, before the quote, and its subject.
    fn speaker_verb_before(&mut self, k: usize) -> Option<Attribution> {
        let (a, b) = speech_verb(self.ctx, k)?;
        let (s, e) = self.subject_of(a)?;
        Some(Attribution::new(self.span(a, b), "quote.speaker_verb_direct", self.speaker_from(s, e)))
    }

    /// The subject of the speech verb at token `a`: the phrase before it, or the sentence's
    /// subject for a participle ("Ortega attacked Becker …, saying, “…”") or past an
    /// apposition ("De nombreux habitants, témoins de la scène, ont déclaré : « … »").
    fn subject_of(&self, a: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let sentence_start = sentence_start(ctx, a);
        let participle = ctx.word(a).ends_with("ing");
        let subject = if participle { self.sentence_subject(sentence_start, a) } else { None };
        let apposed = || (a > 0 && ctx.word(a - 1) == ",").then(|| self.sentence_subject(sentence_start, a)).flatten();
        subject.or_else(|| self.phrase_before(a)).or_else(|| named_apposition_before(ctx, a)).or_else(apposed)
    }

    /// Pour X, « … » / Selon X / According to a report by X / D'après X: a source named
    /// after a word at token `k` that opens the quote's sentence.
    fn source_before(&mut self, k: usize, open: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        if !(matches!(ctx.word(k), "pour" | "selon" | "according" | "for") && ctx.sentence_initial(k) || ctx.matches(k, &["d'", "après"])) {
            return None;
        }
        let phrase = if ctx.word(k) == "according" || ctx.word(k) == "d'" { k + 2 } else { k + 1 };
        let mut start = phrase;
        while SOURCE_LEAD_WORDS.contains(&ctx.word(start)) {
            start += 1;
        }
        let (a, b) = crate::facts::quantities::name_at(ctx, start).or_else(|| descriptor_source(ctx, phrase, open))?;
        Some(Attribution::new(self.span(k, b), "quote.pour_x_guillemets", self.speaker_from(a, b)))
    }

    /// A quote with no cue next to it: the sentence's closing attribution, the next
    /// sentence's speaker, the sentence's subject, or the sentence before's; else no speaker
    /// yet (the surrounding report's is filled in after all quotes are found).
    fn cue_in_context(&mut self, open: usize, close: Option<usize>) -> Attribution {
        close
            .and_then(|close| self.sentence_end_cue(close))
            .or_else(|| close.and_then(|close| self.next_sentence_cue(open, close)))
            .or_else(|| self.sentence_subject_speaks(open))
            .or_else(|| self.previous_sentence_subject(open))
            .or_else(|| self.previous_sentence_name(open))
            .unwrap_or_else(|| Attribution::new("", "quote.direct_context", None))
    }

    /// "The pledge to “fix the roads first” appeals to …, said Mira Kovac, a
    /// demographer": the sentence's closing attribution covers the quotes inside it.
    fn sentence_end_cue(&mut self, close: usize) -> Option<Attribution> {
        let (cue, s, e) = self.closing_attribution(close)?;
        Some(Attribution::new(self.span(cue, cue), "quote.direct_sentence_end_cue", self.speaker_from(s, e)))
    }

    /// “… .” He said.: the next sentence may name the speaker. Not when the sentence before
    /// holds an attributed quote: “We will win,” she said. “I promise…” is still hers.
    fn next_sentence_cue(&mut self, open: usize, close: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        if after_quoted_sentence(ctx, open) {
            return None;
        }
        let next = close + 1;
        let (a, b) = (next..(next + 6).min(ctx.len())).filter(|&v| ctx.same_sentence(next, v)).find_map(|v| speech_verb(ctx, v))?;
        let speaker = if a == next {
            self.phrase_after(b + 1).and_then(|(s, e)| self.speaker_from(s, e))
        } else {
            self.phrase_before(a).filter(|&(s, _)| s >= next).and_then(|(s, e)| self.speaker_from(s, e))
        };
        Some(Attribution::new(self.span(a, b), "quote.direct_next_sentence", Some(speaker?)))
    }

    /// "Castellano has attacked …, calling them “reckless”": a quote inside a sentence is the words
    /// of the sentence's subject, or of the subject of the clause after a dash or a semicolon
    /// ("For that she drew Castellano's anger - he called her “naive”"), which has a subject of its own.
    fn sentence_subject_speaks(&mut self, open: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        if open == 0 || !ctx.same_sentence(open - 1, open) {
            return None;
        }
        let sentence_start = sentence_start(ctx, open);
        let clause_start = (sentence_start..open).rev().find(|&k| matches!(ctx.text_of(k), "-" | "—" | "–" | ";") && k + 1 < open).map(|k| k + 1);
        for start in clause_start.into_iter().chain([sentence_start]).filter(|&start| open >= start + 3) {
            let subject = self.sentence_subject(start, open).filter(|&(a, b)| self.names_someone(a, b));
            let speaker = subject.and_then(|(a, b)| self.speaker_from(a, b));
            if speaker.is_some() {
                return Some(Attribution::new("", "quote.direct_sentence_subject", speaker));
            }
        }
        None
    }

    /// "La porte-parole a nuancé les chiffres. « On a constaté … »": the sentence before the
    /// quote introduces the speaker as its subject.
    fn previous_sentence_subject(&mut self, open: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        let start = unquoted_text_before(ctx, open).filter(|_| !ctx.same_sentence(open - 1, open))?;
        let speaker = self.sentence_subject(start, open - 1).and_then(|(a, b)| self.speaker_from(a, b))?;
        Some(Attribution::new("", "quote.direct_previous_sentence_subject", Some(speaker)))
    }

    /// A name of two words or more before the quote: inside its sentence the first (the
    /// subject, not an object as in "called Iowa voters “stupid”"), else the last one in the
    /// sentence before.
    fn previous_sentence_name(&self, open: usize) -> Option<Attribution> {
        let ctx = self.ctx;
        let start = unquoted_text_before(ctx, open)?;
        let named = if ctx.same_sentence(open - 1, open) { first_name_in(ctx, start, open - 1) } else { name_in(ctx, start, open - 1) };
        let (a, b) = named.filter(|&(a, b)| b > a)?;
        Some(Attribution::new("", "quote.direct_previous_sentence_name", Some(self.mention(a, b))))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{article, at, finder, finder_with_entities, nth, text};
    use super::*;

    /// A rule's finding as (cue, rule, speaker's name).
    fn told(found: Option<Attribution>) -> Option<(String, &'static str, Option<String>)> {
        found.map(|f| (f.cue, f.rule, f.speaker.map(|s| s.name)))
    }

    fn found(cue: &str, rule: &'static str, speaker: &str) -> Option<(String, &'static str, Option<String>)> {
        Some((cue.to_string(), rule, Some(speaker.to_string())))
    }

    #[test]
    fn opening_marks_curly_straight_and_doubled() {
        let article = article("He said “we will build” and ''no more''.", Lang::En);
        let ctx = Context::new(&article);
        let curly = opening_mark(&ctx, at(&ctx, "“")).unwrap();
        assert!(!curly.straight && !curly.doubled && curly.width == 1);
        let doubled = opening_mark(&ctx, at(&ctx, "'")).unwrap();
        assert!(doubled.straight && doubled.doubled && doubled.width == 2);
        assert!(opening_mark(&ctx, at(&ctx, "said")).is_none());
        assert!(opening_mark(&ctx, at(&ctx, "”")).is_none());
    }

    #[test]
    fn a_closing_mark_skips_nested_quotes_and_stays_in_its_paragraph() {
        let article = article("“The « green » plan works,” she said.\n\n“Nobody closed this one\n\nNext paragraph.”", Lang::En);
        let ctx = Context::new(&article);
        let open = at(&ctx, "“");
        let mark = opening_mark(&ctx, open).unwrap();
        assert_eq!(closing_mark(&ctx, open, &mark), (Some(at(&ctx, "”")), at(&ctx, "”")));
        let unclosed = nth(&ctx, "“", 1);
        let (close, stop) = closing_mark(&ctx, unclosed, &opening_mark(&ctx, unclosed).unwrap());
        assert_eq!(close, None);
        assert_eq!(stop, at(&ctx, "next"));
    }

    #[test]
    fn a_straight_mark_may_close_with_a_curly_one_and_the_reverse() {
        let article = article("\"We won” she said. “We lost,\" he said.", Lang::En);
        let ctx = Context::new(&article);
        let straight = opening_mark(&ctx, 0).unwrap();
        assert!(closes(&ctx, at(&ctx, "”"), &straight, 0));
        let curly = opening_mark(&ctx, at(&ctx, "“")).unwrap();
        assert!(closes(&ctx, nth(&ctx, "\"", 1), &curly, 0));
        // Not while a nested quote is open.
        assert!(!closes(&ctx, nth(&ctx, "\"", 1), &curly, 1));
    }

    #[test]
    fn quoted_words_in_the_writers_sentence_are_partial() {
        let article = article("The mayor called the plan “a gift to developers”. She said: “We will fight it.”", Lang::En);
        let ctx = Context::new(&article);
        assert!(inside_writers_sentence(&ctx, at(&ctx, "“")));
        assert!(!inside_writers_sentence(&ctx, nth(&ctx, "“", 1)));
        assert!(!inside_writers_sentence(&ctx, 0));
    }

    #[test]
    fn taking_a_quote_takes_its_marks() {
        let mut taken = vec![false; 8];
        take(&mut taken, 1, 4, Some(5));
        assert_eq!(taken, [false, true, true, true, true, true, false, false]);
        let mut unclosed = vec![false; 4];
        take(&mut unclosed, 2, 9, None);
        assert_eq!(unclosed, [false, false, true, true]);
    }

    #[test]
    fn commas_and_dashes_after_a_quote_are_skipped() {
        let article = article("“Keep the library open” — Maria Olsen. “We won”, she said.", Lang::En);
        let ctx = Context::new(&article);
        assert_eq!(past_commas_and_dashes(&ctx, at(&ctx, "”")), (at(&ctx, "maria"), true));
        assert_eq!(past_commas_and_dashes(&ctx, nth(&ctx, "”", 1)), (at(&ctx, "she"), false));
    }

    #[test]
    fn an_inverted_verb_then_a_name() {
        let article = article("“We did it!” beamed Tomas Lindgren. “We did it!” Tomas beamed.", Lang::En);
        let ctx = Context::new(&article);
        let beamed = at(&ctx, "beamed");
        assert_eq!(verb_then_name(&ctx, beamed), Some((beamed + 1, beamed + 2, beamed)));
        assert_eq!(verb_then_name(&ctx, nth(&ctx, "tomas", 1)), None);
    }

    #[test]
    fn a_clause_subject_is_a_pronoun_a_determined_phrase_or_a_name() {
        let article = article("“No,” she said. “No,” the new chairwoman told them. “No,” Ada Holm (D-Maine) said. “No,” Holm's aide said.", Lang::En);
        let ctx = Context::new(&article);
        let she = at(&ctx, "she");
        assert_eq!(clause_subject(&ctx, she), Some((she, she)));
        assert_eq!(text(&ctx, clause_subject(&ctx, at(&ctx, "the")).unwrap()), "the new chairwoman");
        assert_eq!(text(&ctx, clause_subject(&ctx, at(&ctx, "ada")).unwrap()), "Ada Holm (D-Maine)");
        assert_eq!(text(&ctx, clause_subject(&ctx, nth(&ctx, "holm", 1)).unwrap()), "Holm's aide");
        assert_eq!(clause_subject(&ctx, at(&ctx, "said")), None);
    }

    #[test]
    fn the_verb_comes_after_an_apposition() {
        let article = article("“No,” Ada Holm, a regional senator, replied. “No,” Holm replied.", Lang::En);
        let ctx = Context::new(&article);
        assert_eq!(verb_after_apposition(&ctx, at(&ctx, "ada"), at(&ctx, "holm")), Some(at(&ctx, "replied")));
        let second = nth(&ctx, "holm", 1);
        assert_eq!(verb_after_apposition(&ctx, second, second), Some(second + 1));
    }

    #[test]
    fn any_verb_reads_past_forms_and_presents_after_no_name() {
        let article = article("the letter reads. Holm smiles. Holm replied.", Lang::En);
        let ctx = Context::new(&article);
        assert!(any_verb(&ctx, at(&ctx, "the"), at(&ctx, "reads")));
        assert!(!any_verb(&ctx, at(&ctx, "holm"), at(&ctx, "smiles")));
        assert!(any_verb(&ctx, nth(&ctx, "holm", 1), at(&ctx, "replied")));
    }

    #[test]
    fn a_descriptor_after_selon_speaks_as_written() {
        let article = article("Selon son avocat, « il est innocent ». Selon lui, « rien ne change ».", Lang::Fr);
        let ctx = Context::new(&article);
        let son = at(&ctx, "son");
        assert_eq!(text(&ctx, descriptor_source(&ctx, son, at(&ctx, "«")).unwrap()), "son avocat");
        assert_eq!(descriptor_source(&ctx, at(&ctx, "lui"), nth(&ctx, "«", 1)), None);
    }

    #[test]
    fn a_quote_after_an_attributed_one_follows_it() {
        let article = article("“We won,” she said. “Now we rest.”\n\nShe smiled. “Now we rest.”", Lang::En);
        let ctx = Context::new(&article);
        assert!(after_quoted_sentence(&ctx, nth(&ctx, "“", 1)));
        assert!(!after_quoted_sentence(&ctx, nth(&ctx, "“", 2)));
    }

    #[test]
    fn text_before_a_quote_counts_only_without_quotation_marks() {
        let article = article("The minister arrived late. “We rest now.” “Go,” she said. “We rest.”", Lang::En);
        let ctx = Context::new(&article);
        assert_eq!(unquoted_text_before(&ctx, at(&ctx, "“")), Some(0));
        assert_eq!(unquoted_text_before(&ctx, nth(&ctx, "“", 2)), None);
        assert_eq!(unquoted_text_before(&ctx, 0), None);
    }

    #[test]
    fn short_quotes_are_speech_only_beside_a_cue() {
        let article = article("A “green” budget passed. She called it “green”. “We will build homes” was the slogan.", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        let quote_at = |n: usize| (nth(&ctx, "“", n), nth(&ctx, "”", n));
        assert!(!f.is_speech(quote_at(0).0, quote_at(0).1));
        assert!(f.is_speech(quote_at(1).0, quote_at(1).1));
        assert!(f.is_speech(quote_at(2).0, quote_at(2).1));
    }

    #[test]
    fn a_direct_quote_is_attributed_and_partial_inside_a_sentence() {
        let article = article("The mayor called the plan “a gift to developers”. “We will build homes,” the mayor said.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let open = at(&ctx, "“");
        let partial = f.direct_quote(open, open, at(&ctx, "”"), Some(at(&ctx, "”")));
        assert_eq!((partial.mode, partial.rule), ("partial", "quote.direct_sentence_subject"));
        let open = nth(&ctx, "“", 1);
        let whole = f.direct_quote(open, open, nth(&ctx, "”", 1), Some(nth(&ctx, "”", 1)));
        assert_eq!((whole.mode, whole.rule), ("direct", "quote.direct_speaker_verb"));
        assert_eq!(whole.speaker.map(|s| s.name), Some("the mayor".to_string()));
    }

    #[test]
    fn a_transcript_label_inside_the_marks_names_the_speaker() {
        let article = article("“MORALES: We will not cut the budget.” “We will not cut it.”", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        assert_eq!(told(f.transcript_label(at(&ctx, "“"))), found(":", "quote.transcript_label", "MORALES"));
        assert!(f.transcript_label(nth(&ctx, "“", 1)).is_none());
    }

    #[test]
    fn a_cue_after_the_quote_in_its_sentence() {
        let article = article("“We will build homes,” said the mayor of Lille. “We will build homes.” The council met later.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.cue_after(at(&ctx, "“"), at(&ctx, "”"))), found("said", "quote.direct_verb_speaker", "the mayor of Lille"));
        assert!(f.cue_after(nth(&ctx, "“", 1), nth(&ctx, "”", 1)).is_none());
    }

    #[test]
    fn a_name_after_a_dash_signs_the_quote() {
        let article = article("“Keep the library open.” — Maria Olsen", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.dash_signature(at(&ctx, "maria"))), found("—", "quote.dash_signature", "Maria Olsen"));
        assert!(f.dash_signature(at(&ctx, "library")).is_none());
    }

    #[test]
    fn a_french_inverted_verb_stands_for_the_subject_leading_into_the_quote() {
        let text = "Paul Girard a salué Marc Lenoir. Dans l'entretien, Louis Brun revient sur le budget. « Il faut tenir », prévient-il.";
        let article = article(text, Lang::Fr);
        let ctx = Context::new(&article);
        let mut f = finder_with_entities(&ctx, &article);
        f.last_person = f.person_in(0, 1);
        let got = f.inverted_verb_after(at(&ctx, "«"), at(&ctx, "prévient-il")).unwrap();
        assert_eq!(got.speaker.map(|s| s.name).as_deref(), Some("Louis Brun"));
    }

    #[test]
    fn a_french_inverted_verb_stands_for_the_last_person_named() {
        let article = article("Claire Dubois a pris la parole. « Nous irons jusqu'au bout », affirme-t-elle.", Lang::Fr);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        let verb = at(&ctx, "affirme-t-elle");
        let got = f.inverted_verb_after(0, verb).unwrap();
        assert_eq!((got.cue.as_str(), got.rule), ("affirme-t-elle", "quote.direct_inverted"));
        let speaker = got.speaker.unwrap();
        assert_eq!((speaker.name.as_str(), speaker.start), ("Claire Dubois", ctx.start(verb)));
        assert!(f.inverted_verb_after(0, at(&ctx, "pris")).is_none());
    }

    #[test]
    fn a_speech_verb_right_after_the_quote_then_its_speaker() {
        let article = article("« Il faut agir », a déclaré la ministre. « Il faut agir », la ministre a insisté.", Lang::Fr);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.verb_then_speaker(at(&ctx, "a"))), found("a déclaré", "quote.direct_verb_speaker", "la ministre"));
        assert!(f.verb_then_speaker(nth(&ctx, "la", 1)).is_none());
    }

    #[test]
    fn a_speaker_then_a_speech_verb_after_the_quote() {
        let article = article("“We will build homes,” the mayor said. “We will build homes,” he added, “and schools.”", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.speaker_then_verb(at(&ctx, "the"))), found("said", "quote.direct_speaker_verb", "the mayor"));
        // The verb is not looked for past the next quotation mark.
        assert!(f.speaker_then_verb(at(&ctx, "schools")).is_none());
    }

    #[test]
    fn a_name_its_apposition_then_the_verb() {
        let article = article("“We will build homes,” Ana Ruiz, who chairs the housing board, said on Monday.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.name_apposition_verb(at(&ctx, "ana"))), found("said", "quote.direct_speaker_apposition_verb", "Ana Ruiz"));
        assert!(f.name_apposition_verb(at(&ctx, "who")).is_none());
    }

    #[test]
    fn any_verb_of_a_clause_after_a_comma_attributes_the_quote() {
        let article = article("“That is not enough,” Ana Ruiz replied. “That is not enough.” Ana Ruiz replied.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let close = at(&ctx, "”");
        assert_eq!(told(f.subject_verb_after(close, close + 1)), found("replied", "quote.direct_subject_verb", "Ana Ruiz"));
        // A quote that ends on a period ends its sentence: the next one is no attribution.
        let close = nth(&ctx, "”", 1);
        assert!(f.subject_verb_after(close, close + 1).is_none());
    }

    #[test]
    fn the_nearest_cue_before_the_quote() {
        let article = article("The mayor told us on Monday: “We will build homes.”", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.cue_before(at(&ctx, "“"))), found("told", "quote.speaker_verb_direct", "The mayor"));
        assert!(f.cue_before(0).is_none());
    }

    #[test]
    fn a_speech_verb_before_the_quote_and_its_subject() {
        let article = article("Le maire a déclaré : « Nous construirons. » Le soleil brillait : « Nous construirons. »", Lang::Fr);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.speaker_verb_before(at(&ctx, "déclaré"))), found("a déclaré", "quote.speaker_verb_direct", "Le maire"));
        assert!(f.speaker_verb_before(at(&ctx, "brillait")).is_none());
    }

    #[test]
    fn the_subject_of_a_participle_or_past_an_apposition() {
        let article = article(
            "The union attacked the plan on Monday, saying “it is a disaster”. The nurses, tired of waiting, said “enough”. The mayor said “yes”.",
            Lang::En,
        );
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        assert_eq!(text(&ctx, f.subject_of(at(&ctx, "saying")).unwrap()), "The union");
        assert_eq!(text(&ctx, f.subject_of(nth(&ctx, "said", 0)).unwrap()), "The nurses");
        assert_eq!(text(&ctx, f.subject_of(nth(&ctx, "said", 1)).unwrap()), "The mayor");
    }

    #[test]
    fn a_source_named_after_selon_or_pour() {
        let article = article("Selon Marc Levy, « la ville doit agir ». Pour la maire, « rien ne presse ».", Lang::Fr);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.source_before(at(&ctx, "selon"), at(&ctx, "«"))), found("Selon Marc Levy", "quote.pour_x_guillemets", "Marc Levy"));
        assert_eq!(told(f.source_before(at(&ctx, "pour"), nth(&ctx, "«", 1))), found("Pour la maire", "quote.pour_x_guillemets", "la maire"));
        assert!(f.source_before(at(&ctx, "ville"), nth(&ctx, "«", 1)).is_none());
    }

    #[test]
    fn without_a_cue_nearby_the_context_attributes_later() {
        let article = article("“We will build homes.”", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        let got = f.cue_in_context(0, Some(at(&ctx, "”")));
        assert_eq!((got.cue.as_str(), got.rule, got.speaker.is_none()), ("", "quote.direct_context", true));
    }

    #[test]
    fn an_attribution_closing_the_sentence_covers_its_quotes() {
        let article = article("Voters want “real change” in the city, said Ana Ruiz, a pollster.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.sentence_end_cue(at(&ctx, "”"))), found("said", "quote.direct_sentence_end_cue", "Ana Ruiz"));
        assert!(f.sentence_end_cue(at(&ctx, "said")).is_none());
    }

    #[test]
    fn the_next_sentence_may_name_the_speaker() {
        let article = article("“We will not give up.” The mayor said this on Monday. “Never.”", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.next_sentence_cue(0, at(&ctx, "”"))), found("said", "quote.direct_next_sentence", "The mayor"));
        // After a quoted sentence, the quote is still its speaker's.
        assert!(f.next_sentence_cue(nth(&ctx, "“", 1), nth(&ctx, "”", 1)).is_none());
    }

    #[test]
    fn a_quote_inside_a_sentence_is_its_subjects_words() {
        let article = article("The mayor later called the budget “a betrayal of voters”. Ines left early - she called the vote “a farce”.", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.sentence_subject_speaks(at(&ctx, "“"))), found("", "quote.direct_sentence_subject", "The mayor"));
        assert_eq!(told(f.sentence_subject_speaks(nth(&ctx, "“", 1))), found("", "quote.direct_sentence_subject", "she"));
        assert!(f.sentence_subject_speaks(0).is_none());
        // A sentence opening with an article and a thing names no one.
        let article = self::article("L'incendie a été maîtrisé vers midi « grâce aux renforts venus de Lyon ».", Lang::Fr);
        let ctx = Context::new(&article);
        assert!(finder(&ctx).sentence_subject_speaks(at(&ctx, "«")).is_none());
    }

    #[test]
    fn the_sentence_before_may_introduce_the_speaker() {
        let article = article("The spokeswoman gave the figures. “We saw a clear rise.” “It will last.”", Lang::En);
        let ctx = Context::new(&article);
        let mut f = finder(&ctx);
        assert_eq!(told(f.previous_sentence_subject(at(&ctx, "“"))), found("", "quote.direct_previous_sentence_subject", "The spokeswoman"));
        // The sentence before holds a quote: its speaker goes on.
        assert!(f.previous_sentence_subject(nth(&ctx, "“", 1)).is_none());
    }

    #[test]
    fn a_name_before_the_quote_first_inside_its_sentence_else_last() {
        let article =
            article("Protesters met Ana Ruiz and Tom Beck at noon. “We want answers.” Ana Ruiz told Tom Beck the plan was “simply unfair”.", Lang::En);
        let ctx = Context::new(&article);
        let f = finder(&ctx);
        assert_eq!(told(f.previous_sentence_name(at(&ctx, "“"))), found("", "quote.direct_previous_sentence_name", "Tom Beck"));
        assert_eq!(told(f.previous_sentence_name(nth(&ctx, "“", 1))), found("", "quote.direct_previous_sentence_name", "Ana Ruiz"));
    }
}
