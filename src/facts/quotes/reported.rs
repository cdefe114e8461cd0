//! Reported speech ("X said that …", "selon X, …"), headlines that quote ("X: …") and
//! transcripts ("TRUMP: …").

use super::*;

/// Where the content starting at `content` ends: at `sentence_end`, or before ", and X said" /
/// "; X warned" when a later clause of the sentence attributes words to someone else.
pub(super) fn own_clause_end(ctx: &Context, content: usize, sentence_end: usize) -> usize {
    for j in content + 2..sentence_end {
        if !matches!(ctx.word(j), "," | ";") {
            continue;
        }
        let next = if matches!(ctx.word(j + 1), "and" | "but" | "while" | "et" | "mais") { j + 2 } else { j + 1 };
        let verb = (next + 1..(next + 6).min(sentence_end)).find(|&v| speech_verb(ctx, v).is_some() && matches!(ctx.word(v + 1), "that" | "que" | "qu'"));
        if verb.is_some() && ctx.kind(next) == TokenKind::Word && !matches!(ctx.word(next), "that" | "which" | "who" | "que" | "qui") {
            return j - 1;
        }
    }
    sentence_end
}

impl Finder<'_, '_> {
    /// "According to X, content." or "Content, according to X."
    pub(super) fn according_to(&mut self, i: usize, taken: &[bool]) -> Option<Quote> {
        let ctx = self.ctx;
        let width = if ctx.word(i) == "selon" { 1 } else { 2 };
        let (s, e) = self.phrase_after(i + width)?;
        let e = (s..=e).find(|&k| ctx.word(k + 1) == ",").unwrap_or(e);
        let sentence_start = sentence_start(ctx, i);
        let sentence_end = (i..ctx.len()).take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(k, i)).last()?;
        let (first, mut last) = if i == sentence_start || (i == sentence_start + 1 && ctx.kind(sentence_start) == TokenKind::Word) {
            (e + 2, sentence_end)
        } else {
            (sentence_start, i.checked_sub(2)?)
        };
        while last > first && ctx.kind(last) == TokenKind::Punct {
            last -= 1;
        }
        if last < first + 3 || (first..=last).any(|k| taken[k]) {
            return None;
        }
        let mut quote = Quote::new(first, last, "reported", "quote.according_to");
        quote.cue = self.span(i, i + width - 1);
        quote.speaker = self.speaker_from(s, e);
        Some(quote)
    }

    /// A headline that gives someone's words after a colon: "Politifact: Donald Trump Is
    /// Right…", "McCain Challenger Kelli Ward: Impeach AG Lynch". Titles only: in a body, a
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
            if last < colon + 3 || (colon + 1..=last).any(|k| taken[k]) {
                continue;
            }
            let mut quote = Quote::new(colon + 1, last, "direct", "quote.headline_colon");
            quote.cue = ":".into();
            quote.speaker = self.speaker_from(first, colon - 1);
            quotes.push(quote);
        }
        quotes
    }

    /// Transcripts: a paragraph that opens with a name in capitals and a colon ("TRUMP: The
    /// deaths of …") is that person's words.
    pub(super) fn transcript_lines(&mut self, taken: &[bool]) -> Vec<Quote> {
        const NOT_SPEAKERS: [&str; 12] = ["UPDATE", "EDITOR", "NOTE", "CORRECTION", "PHOTO", "VIDEO", "WATCH", "READ", "RELATED", "SOURCE", "BREAKING", "FULL"];
        let ctx = self.ctx;
        let mut quotes = Vec::new();
        for first in 0..ctx.len() {
            if !(first == 0 || ctx.segments[first - 1] != ctx.segments[first]) || taken[first] {
                continue;
            }
            let label_end = (first..(first + 3).min(ctx.len())).take_while(|&k| ctx.kind(k) == TokenKind::Word && all_caps(ctx.text_of(k))).last();
            let Some(end) = label_end.filter(|&e| ctx.word(e + 1) == ":" && !NOT_SPEAKERS.contains(&ctx.text_of(first))) else { continue };
            let segment = ctx.segments[first];
            let mut last = (end + 2..ctx.len()).take_while(|&k| ctx.segments[k] == segment).last().unwrap_or(end + 1);
            while last > end + 2 && ctx.kind(last) == TokenKind::Punct {
                last -= 1;
            }
            if last < end + 4 || (end + 2..=last).any(|k| taken[k]) {
                continue;
            }
            let mut quote = Quote::new(end + 2, last, "direct", "quote.transcript_label");
            quote.cue = ":".into();
            quote.speaker = Some(Speaker { name: self.span(first, end), start: ctx.start(first), end: ctx.end(end) });
            quotes.push(quote);
        }
        quotes
    }

    pub(super) fn reported(&mut self, taken: &[bool]) -> Vec<Quote> {
        let ctx = self.ctx;
        let mut quotes = Vec::new();
        for i in 0..ctx.len() {
            if taken[i] {
                continue;
            }
            // "présenté comme … par X"
            if matches!(ctx.word(i), "présenté" | "présentée") && ctx.matches(i + 1, &["comme"]) {
                if let Some(par) = (i + 2..ctx.len()).take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(i, k)).find(|&k| ctx.word(k) == "par") {
                    if let Some((a, b)) = self.phrase_after(par + 1) {
                        let mut quote = Quote::new(i + 2, par - 1, "reported", "quote.presente_comme_par");
                        quote.cue = "présenté comme".into();
                        let name = name_in(ctx, a, b).unwrap_or((a, b));
                        quote.speaker = self.speaker_from(name.0, name.1);
                        quotes.push(quote);
                    }
                }
                continue;
            }
            // "according to X, …" / "…, according to X."
            let word = ctx.word(i);
            if word == "according" && ctx.matches(i, &["according", "to"]) || word == "selon" || word == "d'" && ctx.matches(i, &["d'", "après"]) {
                if let Some(quote) = self.according_to(i, taken) {
                    quotes.push(quote);
                }
                continue;
            }
            let that_follows = matches!(ctx.word(i + 1), "that" | "que" | "qu'");
            // A verb in the past before "that" attributes the clause ("X announced that…",
            // "Y agreed that…"); plural nouns before "that" ("countries that") open relatives.
            let past_before_that = {
                let w = ctx.word(i);
                ctx.kind(i) == TokenKind::Word
                    && !ctx.capitalised(i)
                    && w.len() > 3
                    && (w.ends_with("ed")
                        || matches!(
                            w,
                            "estimates"
                                | "calculates"
                                | "understands"
                                | "argues"
                                | "insists"
                                | "concludes"
                                | "suggests"
                                | "indicates"
                                | "predicts"
                                | "warns"
                                | "admits"
                                | "acknowledges"
                        ))
            };
            let thought = that_follows && (THAT_VERBS.contains(&ctx.word(i)) || past_before_that);
            // Speech acts whose object is what was said: "X announced his resignation", "X
            // called for more investment", "X urged Congress to act", "X declined to comment".
            let act = ctx.kind(i) == TokenKind::Word
                && !ctx.capitalised(i)
                && (SPEECH_ACTS.contains(&ctx.word(i)) || ctx.word(i) == "called" && matches!(ctx.word(i + 1), "for" | "on"));
            let act_span = act.then(|| if ctx.word(i) == "called" { (i, i + 1) } else { (i, i) });
            let Some((a, b)) = speech_verb(ctx, i).or(thought.then_some((i, i))).or(act_span) else { continue };
            let is_act = act_span.is_some() && speech_verb(ctx, i).is_none() && !thought;
            if b != i && !is_act {
                continue;
            }
            let sentence_end = (b..ctx.len()).take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(b, k)).last().unwrap_or(b);
            let mut content = b + 1;
            if LISTENER_VERBS.contains(&ctx.word(b)) {
                // "told reporters that", "assured voters the wall …": the listener first.
                let limit = (b + 9).min(sentence_end);
                let clause_opener = |k: usize| matches!(ctx.word(k), "that" | "it" | "he" | "she" | "they" | "we" | "i" | "there") && k > b + 1;
                match (b + 1..=limit).find(|&k| clause_opener(k)) {
                    Some(k) => content = k,
                    None => {
                        while content <= sentence_end && !matches!(ctx.word(content), "that" | ",") && content - b < 4 {
                            content += 1;
                        }
                    }
                }
            } else if matches!(
                ctx.word(content),
                "in" | "on"
                    | "at"
                    | "during"
                    | "to"
                    | "dans"
                    | "lors"
                    | "sur"
                    | "à"
                    | "au"
                    | "aux"
                    | "devant"
                    | "auprès"
                    | "en"
                    | "pendant"
                    | "mardi"
                    | "lundi"
                    | "mercredi"
                    | "jeudi"
                    | "vendredi"
                    | "samedi"
                    | "dimanche"
                    | "hier"
                    | "ce"
                    | "cette"
            ) {
                // "says in Ohio that …", "said on Tuesday that …": a short phrase, then the clause.
                if let Some(k) = (content + 1..=(content + 6).min(sentence_end)).find(|&k| matches!(ctx.word(k), "that" | "que" | "qu'")) {
                    content = k;
                }
            }
            let that = matches!(ctx.word(content), "that" | "que" | "qu'");
            if that {
                content += 1;
            }
            // "he said: Let no one be mistaken …" without quotation marks: what follows the
            // colon, to the end of its sentence (or of the next one, when the colon ends one).
            let colon = speech_verb(ctx, i).is_some() && ctx.word(b + 1) == ":" && !is_open_mark(ctx.text_of(b + 2)) && ctx.text_of(b + 2) != "\"";
            if colon {
                let start = b + 2;
                let end = (start..ctx.len()).take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(start, k)).last().unwrap_or(start);
                let mut last = end;
                while last > start && ctx.kind(last) == TokenKind::Punct {
                    last -= 1;
                }
                if let Some((s, e)) = self.phrase_before(a) {
                    if last >= start + 3 && !(start..=last).any(|k| taken[k]) {
                        let mut quote = Quote::new(start, last, "direct", "quote.speaker_verb_colon");
                        quote.cue = self.span(a, b + 1);
                        quote.speaker = self.speaker_from(s, e);
                        quotes.push(quote);
                        continue;
                    }
                }
            }
            let mut subject = self.phrase_before(a);
            // "X released a statement Wednesday saying …", "she responded by saying …": a
            // participle's speaker is the sentence's subject.
            if matches!(ctx.word(a), "saying" | "adding" | "arguing" | "noting" | "insisting" | "warning" | "claiming") {
                let sentence_start = sentence_start(ctx, a);
                if let Some(opening) = self.sentence_subject(sentence_start, a) {
                    subject = Some(opening);
                }
            }
            // "Helen Aguirre Ferre, who took over …, said …": the subject opens the sentence,
            // its apposition ends with the comma before the verb.
            if subject.is_none() && a > 0 && ctx.word(a - 1) == "," {
                let sentence_start = sentence_start(ctx, a);
                // A sentence that opens with a quotation mark is the quote, not a subject.
                let quoted = is_quote_mark(ctx.text_of(sentence_start)) && !is_close_mark(ctx.text_of(sentence_start));
                // A sentence that opens with its comma ("…, the minister, said") has no subject before it.
                if let Some(first_comma) = (sentence_start + 1..a - 1).find(|&k| ctx.word(k) == ",").filter(|_| !quoted) {
                    subject = name_in(ctx, sentence_start, first_comma - 1).filter(|&(n, _)| n == sentence_start || n == sentence_start + 1);
                }
            }
            // "…, and then tweeted that …": the subject of a coordinated verb is the sentence's.
            let coordinated = a > 0 && matches!(ctx.word(a - 1), "and" | "but" | "then" | "et" | "mais" | "puis");
            if subject.is_none() && coordinated {
                let sentence_start = sentence_start(ctx, a);
                subject = self.sentence_subject(sentence_start, a).or_else(|| {
                    (sentence_start..a)
                        .find(|&k| {
                            ctx.kind(k) == TokenKind::Word && ctx.capitalised(k) && !ctx.sentence_initial(k)
                                || PRONOUNS.contains(&ctx.word(k)) && k == sentence_start
                        })
                        .map(|k| name_in(ctx, k, a - 1).unwrap_or((k, k)))
                });
            }
            // "X said (that) …": the content runs to the end of the sentence, or to a coordinated
            // clause with a speaker of its own ("…, and human rights groups warned that …").
            let sentence_end = own_clause_end(ctx, content, sentence_end);
            if let Some((s, e)) = subject {
                // "said it is …" opens a clause; "said it" alone does not.
                let it_clause = ctx.word(content) == "it"
                    && matches!(
                        ctx.word(content + 1),
                        "is" | "was" | "would" | "will" | "has" | "had" | "could" | "might" | "should" | "must" | "may" | "does" | "did"
                    );
                // Past a listener without "that", what follows must read as a clause (a verb
                // within a few words): "told reporters on Friday at the White House" reports nothing.
                let has_verb = || (content + 1..=(content + 10).min(sentence_end)).any(|k| verb_like(ctx, k) && ctx.word(k) != ",");
                // French reports speech with "que": without it the verb takes an object ("justifie
                // ces exactions", "a déclaré la guerre"), which is no one's words.
                let french = ctx.article.lang == Lang::Fr;
                let opens_clause = that
                    || it_clause
                    || is_act && ctx.kind(content) == TokenKind::Word
                    || !french
                        && ctx.kind(content) == TokenKind::Word
                        && !matches!(ctx.word(content), "to" | "by" | "in" | "on" | "for" | "of" | "it" | "so" | "yes" | "no")
                        && (!LISTENER_VERBS.contains(&ctx.word(b)) || has_verb());
                let mut last = sentence_end;
                while last > content && ctx.kind(last) == TokenKind::Punct {
                    last -= 1;
                }
                if opens_clause && last >= content + 2 && !(content..=last).any(|k| taken[k]) {
                    let rule = if speech_verb(ctx, i).is_some() { "quote.speaker_verb_that" } else { "quote.speaker_attitude_that" };
                    let mut quote = Quote::new(content, last, "reported", rule);
                    quote.cue = self.span(a, if that { content - 1 } else { b });
                    quote.speaker = self.speaker_from(s, e);
                    quotes.push(quote);
                    continue;
                }
            }
            // "…, X said, …": a parenthetical cue; the content is the rest of the sentence.
            if ctx.word(b + 1) == "," && a > 0 {
                let comma_before = (0..a).rev().take_while(|&k| ctx.same_sentence(k, a) && a - k <= 6).find(|&k| ctx.word(k) == ",");
                if let Some(c) = comma_before {
                    let mut last = sentence_end;
                    while last > b + 2 && ctx.kind(last) == TokenKind::Punct {
                        last -= 1;
                    }
                    if last >= b + 4 && !(b + 2..=last).any(|k| taken[k]) {
                        if let Some(speaker) = self.speaker_from(c + 1, a - 1) {
                            let mut quote = Quote::new(b + 2, last, "reported", "quote.parenthetical_cue");
                            quote.cue = self.span(a, b);
                            quote.speaker = Some(speaker);
                            quotes.push(quote);
                            continue;
                        }
                    }
                }
            }
            // "…, X said." / "…, indiquent les partenaires." / "…, The Post has learned."
            let clause_start = sentence_start(ctx, a);
            let comma = (clause_start..a).rev().find(|&k| ctx.word(k) == ",");
            let ends_soon = sentence_end.saturating_sub(b) <= 8;
            if let Some(comma) = comma.filter(|&c| c > clause_start + 3 && a - c <= 6 && ends_soon) {
                let verb_first = (comma + 1..=a).find(|&k| speech_verb(ctx, k).is_some()).unwrap_or(a);
                let speaker = if verb_first == comma + 1 {
                    // "…, said the minister.": a short speaker after the verb; "…, told
                    // reporters it is clear…" is no inversion.
                    self.phrase_after(b + 1)
                        .filter(|&(s, e)| e - s < 5 && ctx.word(b) != "told" && !(s..=e).any(|k| matches!(ctx.word(k), "that" | "que" | "it" | "is" | "was")))
                        .and_then(|(s, e)| self.speaker_from(s, e))
                } else {
                    self.speaker_from(comma + 1, verb_first - 1)
                };
                if speaker.is_some() && !(clause_start..comma).any(|k| taken[k]) {
                    let mut quote = Quote::new(clause_start, comma - 1, "reported", "quote.content_comma_verb");
                    quote.cue = self.span(a, b);
                    quote.speaker = speaker;
                    quotes.push(quote);
                }
            }
        }
        quotes
    }
}
