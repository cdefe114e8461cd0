//! Quotes: direct (« », “ ”, "…"), partial, and reported speech ("X a indiqué que…", "X said
//! (that)…", "…, expose-t-il", "according to X, …"), each with its speaker. Pronouns and
//! descriptors ("he", "the founder", "the official") stand for the last named speaker; indefinite
//! descriptors ("an expert in the field who wished to remain unnamed") are anonymous sources.

use super::attrs::{self, Attrs, QuoteAttrs};
use super::context::all_caps;
use super::{Context, Fact, FactKind};
use crate::lang::Lang;
use crate::lexicons::SPEECH_VERBS;
use crate::tokenize::{stopwords, TokenKind};
use serde_json::Value;

mod cue_types;
mod cues;
mod descriptors;
mod direct;
mod genders;
mod marks;
mod names;
mod references;
mod reported;
mod speakers;
mod titles;

pub(crate) use cues::speech_verb;

use cues::*;
use marks::*;
use names::*;

/// Words quotes need at least, so that scare quotes (« anti-Huawei ») and names in quotes
/// (‘Entity List.’) are not taken for speech.
const MIN_QUOTE_WORDS: usize = 3;
/// A quote is looked for over at most this many tokens: the work per quote mark stays bounded.
const MAX_QUOTE_TOKENS: usize = 2000;
/// How far rules look for a sentence's start or end, in tokens: bounded work per cue even in a
/// document without sentence punctuation.
const SENTENCE_WINDOW: usize = 120;
/// How far back a pronoun looks for the name it stands for, in tokens.
const NAME_LOOKBACK: usize = 400;
/// A speaker phrase is at most this many tokens.
const MAX_SPEAKER_TOKENS: usize = 14;

/// How many paragraphs away a quote without a cue may take its neighbour's speaker.
const NEAR_PARAGRAPHS: i64 = 2;

#[derive(Clone)]
struct Speaker {
    name: String,
    start: usize,
    end: usize,
}

struct Quote {
    first: usize,
    last: usize,
    mode: &'static str,
    speaker: Option<Speaker>,
    cue: String,
    rule: &'static str,
    /// The first token of the quote this one continues (`mark_continued`).
    continues: Option<usize>,
}

/// The first token of the sentence of token `i`, looked for over at most SENTENCE_WINDOW
/// tokens back.
fn sentence_start(ctx: &Context, i: usize) -> usize {
    (i.saturating_sub(SENTENCE_WINDOW)..i).rev().take_while(|&k| ctx.same_sentence(k, i)).last().unwrap_or(i)
}

/// The last token of the sentence of token `i`, looked for over at most SENTENCE_WINDOW
/// tokens on.
fn sentence_end(ctx: &Context, i: usize) -> usize {
    (i..ctx.len()).take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(i, k)).last().unwrap_or(i)
}

/// The last token from `first` to `last` that is no punctuation (`first` when all are): a
/// quote's content ends on a word, not on the sentence's period.
fn last_word(ctx: &Context, first: usize, mut last: usize) -> usize {
    while last > first && ctx.kind(last) == TokenKind::Punct {
        last -= 1;
    }
    last
}

/// Whether a token from `first` to `last` is already in a quote.
fn any_taken(taken: &[bool], first: usize, last: usize) -> bool {
    (first..=last).any(|k| taken[k])
}

impl Quote {
    fn new(first: usize, last: usize, mode: &'static str, rule: &'static str) -> Quote {
        Quote { first, last, mode, speaker: None, cue: String::new(), rule, continues: None }
    }

    /// A quote of tokens `first..=last` with what a rule found to attribute it.
    fn attributed(first: usize, last: usize, mode: &'static str, found: Attribution) -> Quote {
        let mut quote = Quote::new(first, last, mode, found.rule);
        quote.attribute(found);
        quote
    }

    /// Takes the cue, rule and speaker a rule found.
    fn attribute(&mut self, found: Attribution) {
        self.cue = found.cue;
        self.rule = found.rule;
        self.speaker = found.speaker;
    }
}

/// What a rule found to attribute a quote with: the cue's text, the rule's name, and the
/// speaker when the rule could tell one.
struct Attribution {
    cue: String,
    rule: &'static str,
    speaker: Option<Speaker>,
}

impl Attribution {
    fn new(cue: impl Into<String>, rule: &'static str, speaker: Option<Speaker>) -> Attribution {
        Attribution { cue: cue.into(), rule, speaker }
    }
}

struct Finder<'c, 'a> {
    ctx: &'c Context<'a>,
    last_person: Option<Speaker>,
    genders: genders::Genders,
    /// The people and organisations the entity stage found, by first token, in text order:
    /// what a pronoun or a descriptor may stand for.
    named: descriptors::Named,
    /// Who holds which title in the article: what "the judge" stands for.
    titles: titles::Titles,
}

/// “First part,” he said, “second part.”: two quotes, as newsrooms count them, the second
/// continuing the first. Every part points to the chain's first part; a part without a cue of
/// its own takes the first's.
fn mark_continued(ctx: &Context, quotes: &mut [Quote]) {
    for i in 1..quotes.len() {
        let (before, rest) = quotes.split_at_mut(i);
        let (previous, quote) = (&before[i - 1], &mut rest[0]);
        if continues(ctx, previous, quote) {
            quote.continues = Some(previous.continues.unwrap_or(previous.first));
            if quote.cue.is_empty() {
                quote.cue = previous.cue.clone();
            }
        }
    }
}

/// Whether `quote` goes on with the direct quote `previous` of the same speaker: in the same
/// paragraph, when it has no cue of its own, or its speaker is named in the short attribution
/// between the two; or in the next paragraph, when `previous` runs to its paragraph's
/// end without a closing mark and `quote` opens the next one (a quotation over paragraphs
/// opens each one and closes only the last).
fn continues(ctx: &Context, previous: &Quote, quote: &Quote) -> bool {
    let same_speaker = matches!((&previous.speaker, &quote.speaker), (Some(a), Some(b)) if a.name == b.name);
    if !same_speaker || previous.mode != "direct" || quote.mode == "reported" || quote.first <= previous.last {
        return false;
    }
    let segment = |k: usize| ctx.segments.get(k).copied().unwrap_or(0);
    if segment(previous.last) == segment(quote.first) {
        let between = quote.speaker.as_ref().is_some_and(|s| s.start >= ctx.end(previous.last) && s.end <= ctx.start(quote.first));
        // Without a cue of its own, the next quote of the paragraph goes on with the same
        // words even past a long attribution ("…,” said Ana Ruiz, a nurse who … . “…”).
        let gap = quote.first - previous.last;
        quote.cue.is_empty() && gap <= 3 * MAX_SPEAKER_TOKENS || between && gap <= 12
    } else {
        let next_paragraph = segment(quote.first) == segment(previous.last) + 1;
        next_paragraph && quote.cue.is_empty() && opens_paragraph(ctx, quote.first) && !closed_after(ctx, previous.last)
    }
}

/// Whether the quote starting at token `first` opens its paragraph with a quotation mark.
fn opens_paragraph(ctx: &Context, first: usize) -> bool {
    let Some(mut mark) = first.checked_sub(1) else { return false };
    if mark > 0 && double_mark(ctx, mark - 1) {
        mark -= 1;
    }
    let is_mark = is_quote_mark(ctx.text_of(mark)) || double_mark(ctx, mark);
    is_mark && (mark == 0 || ctx.segments.get(mark - 1) != ctx.segments.get(mark))
}

/// Whether a quotation mark closes the quote ending at token `last` in its paragraph.
fn closed_after(ctx: &Context, last: usize) -> bool {
    let paragraph = ctx.segments.get(last);
    (last + 1..(last + 4).min(ctx.len())).take_while(|&k| ctx.segments.get(k) == paragraph).any(|k| is_quote_mark(ctx.text_of(k)) || double_mark(ctx, k))
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let titles = titles::Titles::of_article(ctx, facts);
    let mut finder = Finder { ctx, last_person: None, genders: genders::Genders::of_article(ctx), named: descriptors::Named::of_article(ctx, facts), titles };
    let mut taken = vec![false; ctx.len()];
    let mut quotes = finder.direct_quotes(&mut taken);
    // Reported speech is found in text order after the direct quotes; speakers met in direct
    // quotes' attributions count as "last person" for the pronouns that follow them.
    quotes.extend(finder.reported(&taken));
    quotes.extend(finder.headline_colon(&taken));
    quotes.extend(finder.transcript_lines(&taken));
    quotes.sort_by_key(|q| q.first);
    drop_nested(&mut quotes);
    drop_function_word_speakers(ctx, &mut quotes);
    lend_speakers(ctx, &mut quotes);
    mark_continued(ctx, &mut quotes);
    for quote in quotes {
        if quote.last >= quote.first {
            facts.push(quote_fact(ctx, quote));
        }
    }
}

/// "X said they believe Y": what X said is one quote; the belief inside it is part of X's
/// words, not a quote of its own. Drops every reported quote inside another quote's span.
/// `quotes` is sorted by first token; one pass, keeping the furthest end seen so far.
fn drop_nested(quotes: &mut Vec<Quote>) {
    let mut reach: Option<usize> = None;
    quotes.retain(|quote| {
        let nested = quote.mode == "reported" && reach.is_some_and(|last| quote.last <= last);
        if !nested {
            reach = Some(reach.map_or(quote.last, |last| last.max(quote.last)));
        }
        !nested
    });
}

/// "the claim that …", "its main shareholder, has agreed to …", "dit la « Liberté »": a
/// speaker written as one function word (an article, an auxiliary, an adverb, a preposition, a
/// clitic) means the rule read a noun or a participle as a speech verb, or cut the subject
/// short. Reported speech found that way is no quote; a quote in quotation marks is one, of
/// no known speaker (a neighbour's may be lent to it).
fn drop_function_word_speakers(ctx: &Context, quotes: &mut Vec<Quote>) {
    let function_word = |quote: &Quote| quote.speaker.as_ref().is_some_and(|s| speakers::function_word(&ctx.text[s.start..s.end]));
    quotes.retain(|quote| quote.mode != "reported" || !function_word(quote));
    for quote in quotes.iter_mut().filter(|q| function_word(q)) {
        quote.speaker = None;
    }
}

/// A quote without a cue belongs to the speaker of the quote before it (or else after it):
/// one pass forward, one backward, linear in the number of quotes. Only across nearby
/// paragraphs: further away, a quote without a cue is as likely someone else's, and no speaker
/// is better than a wrong one.
fn lend_speakers(ctx: &Context, quotes: &mut [Quote]) {
    let paragraph = |q: &Quote| ctx.segments.get(q.first).copied().unwrap_or(0) as i64;
    let near = |a: i64, b: i64| (a - b).abs() <= NEAR_PARAGRAPHS;
    let mut previous: Option<(Speaker, i64)> = None;
    for quote in quotes.iter_mut() {
        match &quote.speaker {
            Some(speaker) => previous = Some((speaker.clone(), paragraph(quote))),
            None => quote.speaker = previous.as_ref().filter(|(_, p)| near(*p, paragraph(quote))).map(|(s, _)| s.clone()),
        }
    }
    let mut next: Option<(Speaker, i64)> = None;
    for quote in quotes.iter_mut().rev() {
        match &quote.speaker {
            Some(speaker) => next = Some((speaker.clone(), paragraph(quote))),
            None => quote.speaker = next.as_ref().filter(|(_, p)| near(*p, paragraph(quote))).map(|(s, _)| s.clone()),
        }
    }
}

/// The fact of a quote; a speaker named with an indefinite article ("an expert", "une source")
/// is an anonymous source.
fn quote_fact(ctx: &Context, quote: Quote) -> Fact {
    let value = quote.speaker.as_ref().map_or(Value::Null, |speaker| Value::String(speaker.name.clone()));
    let speaker = quote.speaker.map(|speaker| {
        let anonymous = speaker.name.split_whitespace().next().is_some_and(|w| ANONYMOUS_DETERMINERS.contains(&w.to_lowercase().as_str()));
        attrs::Speaker { name: speaker.name, start: speaker.start, end: speaker.end, anonymous }
    });
    let mut cue_type = cue_types::cue_type(&quote.cue, speaker.as_ref().map(|s| s.name.as_str()));
    // "X said in a statement", "a indiqué sur Twitter", "the newspaper said": the verb says
    // speech, the words were written.
    let written = |s: &attrs::Speaker| {
        let last = ctx.token_at(s.end.saturating_sub(1));
        cue_types::written_in(ctx, ctx.token_at(s.start)) || cue_types::printed(&ctx.text[s.start..s.end]) || cue_types::statement_after(ctx, last)
    };
    if cue_type == "speech" && speaker.as_ref().is_some_and(written) {
        cue_type = "writing";
    }
    let continues = quote.continues.map(|first| ctx.start(first));
    let attrs = QuoteAttrs { mode: quote.mode, cue: quote.cue, cue_type, continues, speaker, speaker_descriptor: None };
    Fact::new(FactKind::Quote, ctx.start(quote.first), ctx.end(quote.last), value, quote.rule).with(Attrs::Quote(attrs))
}

/// What the unit tests of the quote rules build their examples with.
#[cfg(test)]
mod test_support {
    use super::*;
    use crate::article::{Article, Given};

    /// An article of `text`, in `lang`.
    pub(super) fn article(text: &str, lang: Lang) -> Article {
        Article::analyze("t".into(), text.to_string(), Given { lang: Some(lang), ..Given::default() }).unwrap()
    }

    /// The first token written `word` (lowercase).
    pub(super) fn at(ctx: &Context, word: &str) -> usize {
        (0..ctx.len()).find(|&k| ctx.word(k) == word).unwrap_or_else(|| panic!("no token {word:?}"))
    }

    /// The `n`-th token (from 0) written `word` (lowercase).
    pub(super) fn nth(ctx: &Context, word: &str, n: usize) -> usize {
        (0..ctx.len()).filter(|&k| ctx.word(k) == word).nth(n).unwrap_or_else(|| panic!("no token {word:?} #{n}"))
    }

    /// The text of tokens `first..=last`.
    pub(super) fn text<'t>(ctx: &Context<'t>, (first, last): (usize, usize)) -> &'t str {
        &ctx.text[ctx.start(first)..ctx.end(last)]
    }

    /// The rules' state on a document: no one named yet.
    /// A speaker named `name`, mentioned at the text's start.
    pub(super) fn named(name: &str) -> Speaker {
        Speaker { name: name.into(), start: 0, end: name.len() }
    }

    /// A finder that knows the people and organisations the entity stage finds in `article`.
    pub(super) fn finder_with_entities<'c, 'a>(ctx: &'c Context<'a>, article: &Article) -> Finder<'c, 'a> {
        let facts = crate::facts::extract(article);
        Finder { named: descriptors::Named::of_article(ctx, &facts), ..finder(ctx) }
    }

    pub(super) fn finder<'c, 'a>(ctx: &'c Context<'a>) -> Finder<'c, 'a> {
        Finder { ctx, last_person: None, genders: genders::Genders::of_article(ctx), named: descriptors::Named::default(), titles: titles::Titles::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};

    fn quotes(text: &str) -> Vec<(String, String, String)> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        let mut facts = Vec::new();
        extract(&ctx, &mut facts);
        facts
            .iter()
            .map(|f| {
                let Attrs::Quote(q) = &f.attrs else { panic!("a quote without quote attributes") };
                (text[f.start..f.end].to_string(), q.speaker.as_ref().map_or("-", |s| &s.name).to_string(), q.mode.to_string())
            })
            .collect()
    }

    #[test]
    fn reported_speech_in_both_languages() {
        let got = quotes("Le fondateur de Huawei Ren Zhengfei a indiqué que son entreprise devait changer.");
        assert_eq!(got, [("son entreprise devait changer".to_string(), "Ren Zhengfei".to_string(), "reported".to_string())]);
        let got = quotes("Huawei founder Ren Zhengfei said his company should focus on the cloud.");
        assert_eq!(got[0].0, "his company should focus on the cloud");
        assert_eq!(got[0].1, "Ren Zhengfei");
    }

    #[test]
    fn direct_quotes_with_speakers_and_scare_quotes() {
        let text = "Une loi « anti-Huawei » a été votée. “Intel has been the supplier for years,” said an expert in the field who wished to remain unnamed.";
        let got = quotes(text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Intel has been the supplier for years,");
        assert_eq!(got[0].1, "an expert in the field who wished to remain unnamed");
        let got = quotes("Ren Zhengfei spoke. The official added that “It is impossible for us to follow them.”");
        assert_eq!(got[0].1, "Ren Zhengfei");
        assert_eq!(got[0].2, "direct");
    }

    fn speakers(text: &str) -> Vec<String> {
        quotes(text).into_iter().map(|(_, speaker, _)| speaker).collect()
    }

    #[test]
    fn a_name_in_apposition_to_a_descriptor_is_the_speaker() {
        assert_eq!(speakers("« Les prix vont baisser », explique le président de l'Union des meuniers (UDM), Paul Girard."), ["Paul Girard"]);
        assert_eq!(speakers("D'après le ministre de la santé, Anne Morel, « il faut agir vite »."), ["Anne Morel"]);
        assert_eq!(speakers("“We will reopen,” said his wife, Maria Lenz."), ["Maria Lenz"]);
        // After a name, the apposition is a title, not another speaker.
        assert_eq!(speakers("“We will reopen,” said Maria Lenz, Acme General Secretary."), ["Maria Lenz"]);
        // Before the verb too, past an aside, and not the subject of an earlier clause.
        assert_eq!(speakers("Le ministre de l'industrie, Paul Girard, a déclaré : « Nous ne fermerons pas l'usine »."), ["Paul Girard"]);
        let text =
            "Selon la maire, Anne Morel, « le pont rouvrira en mai » ; le préfet de région, Marc Levy, a pour sa part ajouté : « Les travaux sont finis ».";
        assert_eq!(speakers(text), ["Anne Morel", "Marc Levy"]);
        assert_eq!(speakers("Prices fell; the head of the price index unit, Ana Ruiz, told Reuters: “We are busy.”"), ["Ana Ruiz"]);
    }

    #[test]
    fn any_verb_attributes_a_quote_that_ends_on_a_comma() {
        assert_eq!(speakers("Mara Lindqvist spoke last. “As far as I can tell,” she added, “nobody doubts the plan.”"), ["Mara Lindqvist", "Mara Lindqvist"]);
        assert_eq!(speakers("\"Your work is excellent,\" Ortega assured Becker on Monday."), ["Ortega"]);
        let got = speakers("“If the board wanted the files, it would simply ask for them,” Rep. Ana Ruiz (D-Texas), a committee member, said in an interview.");
        assert_eq!(got, ["Ana Ruiz"]);
    }

    /// (text, continues) of each quote: the text of the part it continues.
    fn continued(text: &str) -> Vec<(String, Option<String>)> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        let mut facts = Vec::new();
        extract(&ctx, &mut facts);
        let part_at = |start: usize| facts.iter().find(|f| f.start == start).map(|f| text[f.start..f.end].to_string());
        facts
            .iter()
            .map(|f| {
                let Attrs::Quote(q) = &f.attrs else { panic!("a quote without quote attributes") };
                (text[f.start..f.end].to_string(), q.continues.and_then(part_at))
            })
            .collect()
    }

    #[test]
    fn a_quote_interrupted_by_its_attribution_is_two_quotes_the_second_continuing() {
        let text = "“We will reopen the mill by spring,” the owner, Dana Whitcombe, told workers. “Nobody loses a job.” “Prices are up,” said a trader.";
        let got = continued(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], ("We will reopen the mill by spring,".to_string(), None));
        assert_eq!(got[1], ("Nobody loses a job.".to_string(), Some("We will reopen the mill by spring,".to_string())));
        // Another speaker's quote continues nothing.
        assert_eq!(got[2].1, None, "{got:?} {:?}", speakers(text));
        // Attributed between the parts, the second part carries the same cue.
        let got = continued("“If the rain holds off,” the ferry captain says, “we sail at dawn.”");
        assert_eq!(got[1].1.as_deref(), Some("If the rain holds off,"), "{got:?}");
        // Past a long attribution, the paragraph's next quote without a cue goes on.
        let got = continued("“The roof held,” said Petra Holm, who has kept the lighthouse on the north cape since the war ended. “The lamp did not.”");
        assert_eq!(got[1].1.as_deref(), Some("The roof held,"), "{got:?}");
        // A quotation over two paragraphs: only the last closes.
        let got =
            continued("“The harbour was full of boats that night,” said Tomas Lindgren.\n\n“Nobody slept. We waited for the tide.\n\n“Then the storm came.”");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].1, None, "the first part is closed: {got:?}");
        assert_eq!(got[2].1.as_deref(), Some("Nobody slept. We waited for the tide."), "{got:?}");
        let text = "« Le chantier reprendra lundi, a assuré la maire, Inès Caradec. Les riverains seront prévenus. »";
        let got = continued(text);
        assert!(got.iter().all(|(_, continues)| continues.is_none()), "one quote mark pair is one quote: {got:?}");
    }

    #[test]
    fn terms_and_titles_in_quotation_marks_are_no_quotes() {
        assert!(quotes("Le musée consacre une salle au « grand serpent des lacs » depuis mars.").is_empty());
        assert!(quotes("Tickets for “The Morning Kitchen Hour” sold out.").is_empty());
        // Someone's words taken up by the writer stay: a verb, or lowercase English words.
        assert_eq!(quotes("Critics called the bridge a “monument to waste” last year.").len(), 1);
    }

    #[test]
    fn a_belief_inside_reported_speech_is_part_of_it() {
        let got = quotes("Most of the growers said they believe the frost ruined half the harvest.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "they believe the frost ruined half the harvest");
    }

    #[test]
    fn subjects_past_times_adverbs_and_opening_phrases() {
        assert_eq!(speakers("Okonkwo on Tuesday said the city must change three rules in the budget."), ["Okonkwo"]);
        assert_eq!(
            speakers("In a long speech against everyone from Bauer to Lindgren, Marchetti also called the rival plan “reckless” for it."),
            ["Marchetti"]
        );
        assert_eq!(speakers("The council voted 5-2 for a motion condemning “careless remarks from candidates.”"), ["The council"]);
        // A straight quote glued to the period ends its sentence: the next one is Alvarez's.
        let got = speakers("Moreno spoke first. Alvarez mocked Moreno, calling him \"the Professor.\" Alvarez called the mayor a \"tired man.\"");
        assert_eq!(got.last().map(String::as_str), Some("Alvarez"));
    }

    #[test]
    fn a_quote_inside_a_sentence_takes_the_cue_before_it() {
        let got = quotes("The former senator said it was “a big mistake” to use private email, the State Department said.");
        assert_eq!(got[0].0, "a big mistake");
        assert_eq!(got[0].1, "The former senator");
    }

    #[test]
    fn french_compound_inverted_and_descriptor_cues() {
        let text = "Le journaliste Thierry Roland s'est éteint samedi. Il fut associé à Jean-Michel Larqué. Dès 1976, il avait alors lâché : « Monsieur, vous êtes un salaud ! »\n\nEn 1998, il triompha. « Je crois qu'on peut mourir tranquille ! » avait-il lancé après le match.";
        assert_eq!(speakers(text), ["Thierry Roland", "Thierry Roland"]);
        assert_eq!(speakers("Selon son complice, « Il se sentait faible ces derniers temps. »"), ["son complice"]);
        assert_eq!(speakers("Il est mort à Marseille « des suites d'une longue maladie », a révélé son avocate à l'AFP."), ["son avocate"]);
        assert_eq!(speakers("« Nous réagissons sans y attacher d'importance » déclare à l'AFP Jean-Philippe Magnen."), ["Jean-Philippe Magnen"]);
    }

    #[test]
    fn french_appositions_asides_and_relatives() {
        let text = "De nombreux habitants, témoins de la scène, ont déclaré : « Ils ont arraché la porte sacrée ». Un ancien guide a indiqué : « Ils sont venus avec des pioches. »";
        assert_eq!(speakers(text), ["De nombreux habitants", "Un ancien guide"]);
        let text = "Le gouvernement malien, impuissant, a de son côté dénoncé « la furie destructrice des islamistes ». L'organisation islamique, qui affirme « agir au nom de Dieu », a frappé.";
        assert_eq!(speakers(text), ["Le gouvernement malien", "L'organisation islamique"]);
        // Without "que", a French verb takes an object, not someone's words.
        assert!(quotes("L'organisation justifie entre autres ces exactions par le fait qu'elle les juge impies.").is_empty());
    }

    #[test]
    fn subjects_after_openers_in_a_row_and_dashes() {
        assert_eq!(speakers("Later, during the hearing with the regulator, Okafor cited a memo that “fewer than ten inspectors” were on duty."), ["Okafor"]);
        assert_eq!(speakers("For that she drew Castellano's anger - he called her “naive and reckless” in a speech."), ["he"]);
        assert_eq!(speakers("Nakamura later ended the rumors by tweeting that “my new club is the right one.”"), ["Nakamura"]);
    }

    use super::test_support::{article, at, text};

    #[test]
    fn sentence_end_stops_at_the_period() {
        let article = article("The mayor spoke at noon. Her rival left.", Lang::En);
        let ctx = Context::new(&article);
        assert_eq!(text(&ctx, (0, sentence_end(&ctx, at(&ctx, "mayor")))), "The mayor spoke at noon.");
        assert_eq!(sentence_end(&ctx, ctx.len() - 1), ctx.len() - 1);
    }

    #[test]
    fn last_word_skips_closing_punctuation() {
        let article = article("Prices will rise again!\u{201d}", Lang::En);
        let ctx = Context::new(&article);
        assert_eq!(text(&ctx, (0, last_word(&ctx, 0, ctx.len() - 1))), "Prices will rise again");
        // Never before `first`, even over punctuation only.
        let bang = at(&ctx, "!");
        assert_eq!(last_word(&ctx, bang, ctx.len() - 1), bang);
    }

    #[test]
    fn any_taken_looks_at_both_ends() {
        let taken = [false, false, true, false];
        assert!(any_taken(&taken, 0, 2));
        assert!(!any_taken(&taken, 0, 1));
        assert!(!any_taken(&taken, 3, 3));
    }

    #[test]
    fn an_attributed_quote_takes_cue_rule_and_speaker() {
        let speaker = Speaker { name: "Ana Reyes".into(), start: 4, end: 13 };
        let quote = Quote::attributed(2, 7, "reported", Attribution::new("said", "quote.speaker_verb_that", Some(speaker)));
        assert_eq!((quote.first, quote.last, quote.mode, quote.rule, quote.cue.as_str()), (2, 7, "reported", "quote.speaker_verb_that", "said"));
        assert_eq!(quote.speaker.map(|s| s.name), Some("Ana Reyes".to_string()));
    }

    #[test]
    fn quotes_without_a_cue_borrow_a_near_speaker_only() {
        let named = |first: usize, paragraph: &str| {
            let mut quote = Quote::new(first, first + 1, "direct", "quote.direct_context");
            quote.speaker = (!paragraph.is_empty()).then(|| Speaker { name: paragraph.into(), start: 0, end: 1 });
            quote
        };
        let article = article("One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.\n\nSeven.", Lang::En);
        let ctx = Context::new(&article);
        let paragraph_start = |n: usize| (0..ctx.len()).find(|&k| ctx.segments[k] as usize == n).unwrap();
        let mut quotes = vec![named(paragraph_start(0), ""), named(paragraph_start(1), "Ines Moreau"), named(paragraph_start(6), "")];
        lend_speakers(&ctx, &mut quotes);
        let speakers: Vec<_> = quotes.iter().map(|q| q.speaker.as_ref().map(|s| s.name.as_str())).collect();
        // The first borrows from the quote after it; the last is too far from any.
        assert_eq!(speakers, [Some("Ines Moreau"), Some("Ines Moreau"), None]);
    }

    #[test]
    fn a_function_word_is_no_speaker() {
        // A participle after an article is no speech verb; a title after an article is no speaker.
        let found = quotes("The committee examined the proposed rule. The proposed merger has worried unions since March.");
        assert!(found.is_empty(), "{found:?}");
        let found = quotes("La séance fut longue, dit la « Gazette du soir », et les députés sont partis tard.");
        assert!(found.iter().all(|(_, speaker, _)| speaker != "la"), "{found:?}");
        let found = quotes("Le député Paul Morin (divers droite) a lui écrit : « Nous ne voterons pas ce texte ce soir. »");
        assert_eq!(found.iter().map(|(_, speaker, _)| speaker.as_str()).collect::<Vec<_>>(), ["Paul Morin"], "{found:?}");
    }

    #[test]
    fn a_speaker_with_an_indefinite_article_is_anonymous() {
        let article = article("A union official said the strike would go on.", Lang::En);
        let ctx = Context::new(&article);
        let fact = |name: &str| {
            let mut quote = Quote::new(4, 8, "reported", "quote.speaker_verb_that");
            quote.speaker = Some(Speaker { name: name.into(), start: 0, end: 17 });
            quote_fact(&ctx, quote)
        };
        let anonymous = |fact: Fact| match fact.attrs {
            Attrs::Quote(QuoteAttrs { speaker: Some(speaker), .. }) => Some(speaker.anonymous),
            _ => None,
        };
        assert_eq!(anonymous(fact("A union official")), Some(true));
        assert_eq!(anonymous(fact("Une source syndicale")), Some(true));
        assert_eq!(anonymous(fact("The union official")), Some(false));
        let unattributed = quote_fact(&ctx, Quote::new(4, 8, "reported", "quote.speaker_verb_that"));
        assert_eq!(unattributed.value, Value::Null);
        assert_eq!(anonymous(unattributed), None);
    }
}
