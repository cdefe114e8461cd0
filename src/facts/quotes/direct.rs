//! Direct quotes: the marks that open and close them, and the cue that attributes them (after
//! the quote, before it, in the sentence around it, or in the sentences next to it).

use super::*;

impl Finder<'_, '_> {
    pub(super) fn direct_quotes(&mut self, taken: &mut [bool]) -> Vec<Quote> {
        let ctx = self.ctx;
        let mut quotes = Vec::new();
        let mut i = 0;
        while i < ctx.len() {
            let text = ctx.text_of(i);
            // Two apostrophes or backticks written as one mark ('' … ''), as some wires do.
            let doubled = double_mark(ctx, i);
            let straight = text == "\"" || doubled;
            let width = if doubled { 2 } else { 1 };
            if !is_open_mark(text) && !straight {
                i += 1;
                continue;
            }
            // The closing mark, within the same segment (paragraph); nested marks are skipped.
            let segment = ctx.segments[i];
            let mut depth = 0;
            let mut close = None;
            let mut k = i + width;
            while k < ctx.len() && ctx.segments[k] == segment && k - i < MAX_QUOTE_TOKENS {
                let t = ctx.text_of(k);
                // A straight mark may be closed by a curly one (“mixed” typing is common on the web).
                // A curly one may be closed by a straight one that reads as a closer: “… world," he said.
                let straight_closer = t == "\"" && depth == 0 && glued_closer(ctx, k);
                if doubled && double_mark(ctx, k)
                    || !doubled && straight && (t == "\"" || t == "”")
                    || !straight && (is_close_mark(t) && depth == 0 || straight_closer)
                {
                    close = Some(k);
                    break;
                }
                if !straight && is_open_mark(t) {
                    depth += 1;
                } else if !straight && is_close_mark(t) {
                    depth -= 1;
                }
                k += 1;
            }
            // An unclosed quote runs to the end of its paragraph.
            let end = close.unwrap_or(k);
            // The last token of the closing mark.
            let close = close.map(|c| c + width - 1);
            if end <= i + width {
                i += width;
                continue;
            }
            let open = i + width - 1; // the last token of the opening mark
            let words = (open + 1..end).filter(|&w| ctx.kind(w) != TokenKind::Punct).count();
            // Short quotes count only in a sentence that attributes words to someone
            // ("called it “fraud”"); elsewhere they are scare quotes (« anti-Huawei »).
            let attributed = words >= 1 && self.sentence_has_cue(open);
            if words >= MIN_QUOTE_WORDS || attributed {
                let mut quote = Quote::new(open + 1, end - 1, "direct", "quote.direct_marks");
                self.attribute_direct(&mut quote, open, close);
                // Quoted words inside the writer's own sentence: a partial quote.
                let inside_sentence = i > 0 && ctx.same_sentence(i - 1, i) && !matches!(ctx.word(i - 1), ":" | "," | "that" | "que" | "qu'");
                if inside_sentence && quote.rule != "quote.direct_verb_speaker" && quote.rule != "quote.direct_speaker_verb" {
                    quote.mode = "partial";
                }
                (i..end.min(ctx.len())).for_each(|t| taken[t] = true);
                if let Some(c) = close {
                    (end..=c.min(ctx.len() - 1)).for_each(|t| taken[t] = true);
                }
                quotes.push(quote);
            }
            i = close.map_or(end, |c| c + 1);
        }
        quotes
    }

    /// Whether the sentence of token `i` has a speech verb or a naming verb ("called").
    pub(super) fn sentence_has_cue(&self, i: usize) -> bool {
        let ctx = self.ctx;
        let before = (i.saturating_sub(SENTENCE_WINDOW)..i).rev().take_while(|&k| ctx.same_sentence(k, i));
        let after = (i..(i + SENTENCE_WINDOW).min(ctx.len())).take_while(|&k| ctx.same_sentence(k, i));
        before.chain(after).any(|k| {
            speech_verb(ctx, k).is_some()
                || matches!(ctx.word(k), "called" | "calling" | "describing" | "described" | "dubbed" | "labeled" | "branded" | "qualifié" | "qualifie")
        })
    }

    pub(super) fn attribute_direct(&mut self, quote: &mut Quote, open: usize, close: Option<usize>) {
        let ctx = self.ctx;
        // A transcript: “WALLACE: If I may, sir…” names its speaker in capitals before a colon.
        let label_end = (open + 1..(open + 4).min(ctx.len())).take_while(|&k| ctx.kind(k) == TokenKind::Word && all_caps(ctx.text_of(k))).last();
        if let Some(end) = label_end.filter(|&e| ctx.word(e + 1) == ":") {
            quote.cue = ":".into();
            quote.rule = "quote.transcript_label";
            quote.speaker = Some(Speaker { name: self.span(open + 1, end), start: ctx.start(open + 1), end: ctx.end(end) });
            return;
        }
        // After: «…», a-t-il dit / ”, said X / ”, X said / ” X said.
        if let Some(close) = close {
            let mut k = close + 1;
            let mut dashed = false;
            while matches!(ctx.word(k), "," | "—" | "-" | "―" | "–") && (ctx.same_sentence(close, k) || ctx.segments.get(k) == ctx.segments.get(close)) {
                dashed |= ctx.word(k) != ",";
                k += 1;
            }
            // ” ― Azucena Gonzàlez: a reader's words signed after a dash.
            if dashed {
                if let Some((s, e)) = name_at_start(ctx, k) {
                    quote.cue = ctx.text_of(k - 1).to_string();
                    quote.rule = "quote.dash_signature";
                    quote.speaker = self.speaker_from(s, e);
                    return;
                }
            }
            if k < ctx.len() && ctx.same_sentence(close, k) || (k < ctx.len() && ctx.segments[k] == ctx.segments[close]) {
                if inverted_verb(ctx, k) {
                    quote.cue = ctx.text_of(k).to_string();
                    quote.rule = "quote.direct_inverted";
                    // The pronoun inside "expose-t-il" stands for the last person named.
                    let named = self.last_person.clone().or_else(|| self.recent_name(k));
                    quote.speaker = named.map(|n| Speaker { name: n.name, start: ctx.start(k), end: ctx.end(k) });
                    return;
                }
                // "», a révélé son avocate": the verb may be a compound past starting at k.
                let verb_here = speech_verb(ctx, k).or_else(|| speech_verb(ctx, k + 1).filter(|&(a, _)| a == k));
                if let Some((a, b)) = verb_here {
                    quote.cue = self.span(a, b);
                    quote.rule = "quote.direct_verb_speaker";
                    quote.speaker = self.phrase_after(b + 1).and_then(|(s, e)| self.speaker_from(s, e));
                    return;
                }
                // “…” inside a sentence whose own cue comes before it ("Clinton said it was “a
                // mistake” to use …"): a speech verb further on belongs to another clause.
                if self.cue_before_in_sentence(open) && self.attribute_before(quote, open) {
                    return;
                }
                let limit = (k + MAX_SPEAKER_TOKENS).min(ctx.len());
                // Not into the next quote: its words are not this one's attribution.
                let outside = |v: &usize| ctx.same_sentence(k, *v) && (!is_quote_mark(ctx.text_of(*v)) || is_close_mark(ctx.text_of(*v)));
                if let Some(verb) = (k..limit).take_while(outside).find(|&v| speech_verb(ctx, v).is_some()) {
                    let (a, b) = speech_verb(ctx, verb).unwrap();
                    if let Some((s, e)) = self.phrase_before(a).filter(|&(s, _)| s >= k) {
                        quote.cue = self.span(a, b);
                        quote.rule = "quote.direct_speaker_verb";
                        quote.speaker = self.speaker_from(s, e);
                        return;
                    }
                }
                // ”, Valdez Anderson, who works at …, said Monday.: a name, its apposition, the verb.
                if let Some((s, e)) = name_at_start(ctx, k).filter(|&(_, e)| ctx.word(e + 1) == ",") {
                    let far = (e + 2..(e + 2 + 3 * MAX_SPEAKER_TOKENS).min(ctx.len())).take_while(|&v| ctx.same_sentence(k, v));
                    if let Some(verb) = far.filter(|&v| ctx.word(v - 1) == ",").find(|&v| speech_verb(ctx, v).is_some()) {
                        let (a, b) = speech_verb(ctx, verb).unwrap();
                        quote.cue = self.span(a, b);
                        quote.rule = "quote.direct_speaker_apposition_verb";
                        quote.speaker = self.speaker_from(s, e);
                        return;
                    }
                }
                if let Some((s, e, v)) = self.subject_and_verb_after(close, k) {
                    quote.cue = ctx.text_of(v).to_string();
                    quote.rule = "quote.direct_subject_verb";
                    quote.speaker = self.speaker_from(s, e);
                    return;
                }
            }
        }
        if self.attribute_before(quote, open) {
            return;
        }
        self.attribute_after_sentence_or_context(quote, open, close);
    }

    /// “…,” she elaborated / “…,” Trump assured Jones / “…,” Rep. Jim Jordan (R-Ohio), a
    /// panel member, said: after a quote that ends on a comma (or ? or !) inside its marks,
    /// the clause that follows attributes it, whatever its verb. The subject (a name, a
    /// pronoun or a determined phrase, with a parenthesis or an apposition) and its verb.
    pub(super) fn subject_and_verb_after(&self, close: usize, k: usize) -> Option<(usize, usize, usize)> {
        let ctx = self.ctx;
        let mark = if close > 0 && double_mark(ctx, close - 1) { close - 1 } else { close };
        if mark == 0 || !matches!(ctx.word(mark - 1), "," | "?" | "!") || !ctx.same_sentence(mark, k) {
            return None;
        }
        // “This is fantastic!” beamed Donald Hartley: a verb, then its subject's name.
        if (ctx.word(k).ends_with("ed") || speech_verb(ctx, k).is_some()) && !ctx.capitalised(k) {
            if let Some((s, e)) = name_at_start(ctx, k + 1) {
                return Some((s, e, k));
            }
        }
        let (s, mut e) = if PRONOUNS.contains(&ctx.word(k)) || ctx.word(k) == "it" {
            (k, k)
        } else if DETERMINERS.contains(&ctx.word(k)) {
            let v = (k + 1..(k + 6).min(ctx.len())).find(|&v| verb_like(ctx, v) && ctx.word(v) != ",")?;
            (k, v - 1)
        } else {
            let name_part = |j: usize| matches!(ctx.kind(j), TokenKind::Word | TokenKind::Abbreviation) && ctx.capitalised(j);
            if !name_part(k) {
                return None;
            }
            let name_end = (k..(k + 6).min(ctx.len())).take_while(|&j| name_part(j)).last()?;
            // "Scott's niece, …": a name's possessive and the noun it governs.
            if ctx.word(name_end + 1) == "'s" && ctx.kind(name_end + 2) == TokenKind::Word && !ctx.capitalised(name_end + 2) {
                (k, name_end + 2)
            } else {
                (k, name_end)
            }
        };
        // "(R-Ohio)" and ", an oversight panel member," after the name.
        if ctx.word(e + 1) == "(" {
            e = (e + 2..(e + 8).min(ctx.len())).find(|&j| ctx.word(j) == ")")?;
        }
        let mut v = e + 1;
        if ctx.word(v) == "," {
            v = (v + 1..(v + 2 * MAX_SPEAKER_TOKENS).min(ctx.len())).take_while(|&j| ctx.same_sentence(k, j)).find(|&j| ctx.word(j) == ",")? + 1;
        }
        // Past forms, or a present after a phrase that is no name ("the letter reads").
        let present = ctx.word(v).len() > 3 && ctx.word(v).ends_with('s') && !ctx.capitalised(s);
        let verb = speech_verb(ctx, v).is_some() || ctx.word(v).ends_with("ed") || IRREGULAR_VERBS.contains(&ctx.word(v)) && ctx.word(v).len() > 2 || present;
        (verb && ctx.kind(v) == TokenKind::Word && ctx.same_sentence(k, v)).then_some((s, e.min(v - 1), v))
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

    /// Before: X said: « … » / X added that “…” / Pour X, « … » / Selon X, « … ». Whether it
    /// attributed the quote.
    pub(super) fn attribute_before(&mut self, quote: &mut Quote, open: usize) -> bool {
        let ctx = self.ctx;
        let mut k = open;
        while k > 0 && ctx.same_sentence(k - 1, open) {
            k -= 1;
            if let Some((a, b)) = speech_verb(ctx, k) {
                // "Trump attacked Clinton …, saying, “…”": a participle's speaker is the subject.
                let participle = ctx.word(a).ends_with("ing");
                let sentence_start = sentence_start(ctx, a);
                let subject = if participle { self.sentence_subject(sentence_start, a) } else { None };
                // "De nombreux habitants, témoins de la scène, ont déclaré : « … »": the subject
                // before an apposition.
                let apposed = || (a > 0 && ctx.word(a - 1) == ",").then(|| self.sentence_subject(sentence_start, a)).flatten();
                if let Some((s, e)) = subject.or_else(|| self.phrase_before(a)).or_else(apposed) {
                    quote.cue = self.span(a, b);
                    quote.rule = "quote.speaker_verb_direct";
                    quote.speaker = self.speaker_from(s, e);
                    return true;
                }
            }
            if matches!(ctx.word(k), "pour" | "selon" | "according" | "for") && ctx.sentence_initial(k) || ctx.matches(k, &["d'", "après"]) {
                let phrase = if ctx.word(k) == "according" || ctx.word(k) == "d'" { k + 2 } else { k + 1 };
                let mut start = phrase;
                while matches!(ctx.word(start), "a" | "an" | "the" | "le" | "la" | "report" | "published" | "by" | "un" | "rapport" | "publié" | "par") {
                    start += 1;
                }
                // "Selon son complice, « … »": a descriptor speaks as written when no name does.
                let descriptor = || {
                    let comma = (phrase + 1..(phrase + 6).min(open)).find(|&c| ctx.word(c) == ",")?;
                    DETERMINERS.contains(&ctx.word(phrase)).then_some((phrase, comma - 1))
                };
                if let Some((a, b)) = crate::facts::quantities::name_at(ctx, start).or_else(descriptor) {
                    quote.cue = self.span(k, b);
                    quote.rule = "quote.pour_x_guillemets";
                    quote.speaker = self.speaker_from(a, b);
                    return true;
                }
            }
        }
        false
    }

    /// The next sentence's speaker, the sentence's subject, or the context's.
    pub(super) fn attribute_after_sentence_or_context(&mut self, quote: &mut Quote, open: usize, close: Option<usize>) {
        let ctx = self.ctx;
        // "The promise to “take our country back” appeals to …, said Alan Abramowitz, a
        // demographer": the sentence's closing attribution covers the quotes inside it.
        if let Some((cue, s, e)) = close.and_then(|c| self.closing_attribution(c)) {
            quote.cue = self.span(cue, cue);
            quote.rule = "quote.direct_sentence_end_cue";
            quote.speaker = self.speaker_from(s, e);
            return;
        }
        // The next sentence may name the speaker: "… .” He said." Not when the sentence before
        // holds an attributed quote: “He better live,” she said. “I swear…” is still hers.
        let previous_quoted = open > 0 && ctx.segments[open - 1] == ctx.segments[open] && {
            (sentence_start(ctx, open - 1)..open).any(|k| is_quote_mark(ctx.text_of(k)) && !is_open_mark(ctx.text_of(k)) || double_mark(ctx, k))
        };
        if let Some(close) = close.filter(|_| !previous_quoted) {
            let next = close + 1;
            let limit = (next + 6).min(ctx.len());
            if let Some(verb) = (next..limit).find(|&v| ctx.same_sentence(next, v) && speech_verb(ctx, v).is_some()) {
                let (a, b) = speech_verb(ctx, verb).unwrap();
                let speaker = if a == next {
                    self.phrase_after(b + 1).and_then(|(s, e)| self.speaker_from(s, e))
                } else {
                    self.phrase_before(a).filter(|&(s, _)| s >= next).and_then(|(s, e)| self.speaker_from(s, e))
                };
                if speaker.is_some() {
                    quote.cue = self.span(a, b);
                    quote.rule = "quote.direct_next_sentence";
                    quote.speaker = speaker;
                    return;
                }
            }
        }
        // No cue: someone named in the sentence just before, in the same paragraph; else the
        // surrounding report's speaker (filled in after all quotes are found).
        quote.rule = "quote.direct_context";
        // A quote inside a sentence ("Trump has targeted …, calling them “rapists”") is the
        // words of the sentence's subject: the phrase that opens the sentence.
        if open > 0 && ctx.same_sentence(open - 1, open) {
            let sentence_start = sentence_start(ctx, open);
            // "For that she drew Trump's ire - he called her “weak”": the clause after a dash or
            // a semicolon has a subject of its own.
            let clause_start = (sentence_start..open).rev().find(|&k| matches!(ctx.text_of(k), "-" | "—" | "–" | ";") && k + 1 < open).map(|k| k + 1);
            for start in clause_start.into_iter().chain([sentence_start]) {
                if open >= start + 3 {
                    if let Some((a, b)) = self.sentence_subject(start, open) {
                        quote.speaker = self.speaker_from(a, b);
                        if quote.speaker.is_some() {
                            quote.rule = "quote.direct_sentence_subject";
                            return;
                        }
                    }
                }
            }
        }
        if open > 0 && ctx.segments[open - 1] == ctx.segments[open] {
            let start = sentence_start(ctx, open - 1);
            // A sentence holding a quote has its speaker already: the quote after it goes on
            // with that speaker (filled in after all quotes are found), not with a name the
            // quote mentions.
            let quoting = (start..open).any(|k| is_quote_mark(ctx.text_of(k)));
            // Inside its sentence, a quote is more likely the words of the first name (the
            // subject) than of the last one (an object: "called Iowa voters “stupid”").
            let inside = ctx.same_sentence(open - 1, open);
            // "La porte-parole a nuancé les chiffres. « On a constaté … »": the sentence before
            // introduces the speaker as its subject.
            if !inside && !quoting {
                if let Some(speaker) = self.sentence_subject(start, open - 1).and_then(|(a, b)| self.speaker_from(a, b)) {
                    quote.speaker = Some(speaker);
                    quote.rule = "quote.direct_previous_sentence_subject";
                    return;
                }
            }
            let named = if inside { first_name_in(ctx, start, open - 1) } else { name_in(ctx, start, open - 1) };
            if let Some((a, b)) = named.filter(|&(a, b)| b > a && !quoting) {
                quote.speaker = Some(Speaker { name: self.span(a, b), start: ctx.start(a), end: ctx.end(b) });
                quote.rule = "quote.direct_previous_sentence_name";
            }
        }
    }
}
