//! Quotes: direct (« », “ ”, "…"), partial, and reported speech ("X a indiqué que…", "X said
//! (that)…", "…, expose-t-il", "according to X, …"), each with its speaker. Pronouns and
//! descriptors ("he", "the founder", "the official") stand for the last named speaker; indefinite
//! descriptors ("an expert in the field who wished to remain unnamed") are anonymous sources.

use super::context::all_caps;
use super::{Context, Fact, FactKind};
use crate::lexicons::SPEECH_VERBS;
use crate::lang::Lang;
use crate::tokenize::{stopwords, TokenKind};
use serde_json::Value;

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

const PRONOUNS: [&str; 8] = ["he", "she", "they", "il", "elle", "ils", "elles", "we"];
const DETERMINERS: [&str; 26] = [
    "the", "a", "an", "his", "her", "its", "their", "these", "those", "such", "this", "our", "my",
    "le", "la", "les", "l'", "un", "une", "des", "du", "cette", "ces", "son", "sa", "ses",
];
const PREPOSITIONS: [&str; 16] = ["from", "for", "with", "by", "of", "in", "on", "at", "to", "about", "de", "pour", "avec", "par", "sur", "dans"];

/// Words that end a speaker phrase when walking back from the verb.
const CLAUSE_BREAKS: [&str; 30] = [
    "that", "que", "qu'", "and", "et", "but", "mais", "or", "which", "who", "qui", "because", "as", "if", "when",
    "while", "where", "to", "lorsque", "quand", "since", "after", "before", "until", "although", "though", "unless",
    "whether", "whereas", "puisque",
];
/// Adverbs that may stand between a subject and its verb ("Cruz never mentioned").
const ADVERBS: [&str; 14] = ["never", "often", "also", "both", "all", "still", "just", "already", "again", "not", "n't", "now", "long", "ever"];

/// Words of time that may stand between a subject and its verb ("Sanders on Tuesday said").
const TIME_WORDS: [&str; 25] = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight",
    "week", "month", "year", "morning", "afternoon", "evening", "night", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "hier",
];
const AUXILIARIES: [&str; 12] = ["has", "have", "had", "also", "later", "then", "a", "avait", "ont", "avaient", "aussi", "would"];
const ROLE_NOUNS: [&str; 16] = [
    "official", "founder", "executive", "spokesman", "spokeswoman", "spokesperson", "president", "minister", "chief",
    "ceo", "fondateur", "président", "porte-parole", "ministre", "dirigeant", "directeur",
];

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
}

/// '' or `` written as one quotation mark (adjacent tokens).
fn double_mark(ctx: &Context, i: usize) -> bool {
    let t = ctx.text_of(i);
    (t == "'" || t == "`") && ctx.text_of(i + 1) == t && ctx.end(i) == ctx.start(i + 1)
}

fn is_open_mark(text: &str) -> bool {
    matches!(text, "“" | "«" | "„")
}

fn is_close_mark(text: &str) -> bool {
    matches!(text, "”" | "»")
}

/// Verb forms after a subject that `verb_like`'s endings miss: auxiliaries, modals and
/// irregular past forms (English), and the French auxiliaries.
const IRREGULAR_VERBS: &[&str] = &[
    "has", "had", "have", "is", "was", "are", "were", "will", "would", "can", "could", "may", "might", "should", "must",
    "does", "did", "do", "said", "told", "wrote", "took", "made", "gave", "saw", "put", "sent", "spoke", "went", "came",
    "got", "began", "broke", "brought", "thought", "felt", "kept", "left", "lost", "met", "paid", "ran", "sat", "stood",
    "won", "hit", "held", "led", "read", "set", "let", "cut", "drew", "knew", "grew", "threw", "chose", "rose", "fell",
    "became", "found", "heard", "meant", "sold", "struck", "taught", "understood", "sought", "fought", "swore", "shot",
    "a", "est", "avait", "ont", "sont", "était", "fait", "dit", "va", "veut", "peut", "doit",
];

/// Whether token `i` reads as the verb after a subject: a past form or third person ("said",
/// "calls"), an auxiliary, an adverb before the verb ("also", "quickly"), or a comma opening
/// an apposition.
fn verb_like(ctx: &Context, i: usize) -> bool {
    let next = ctx.word(i);
    if next == "," {
        return true;
    }
    if ctx.kind(i) != TokenKind::Word {
        return false;
    }
    if ctx.article.lang == Lang::Fr {
        // French plurals end in -s like English verbs: read endings of tenses instead, the
        // auxiliaries, negation and reflexive pronouns, and the speech verbs.
        return IRREGULAR_VERBS.contains(&next) || FRENCH_ADVERBS.contains(&next) || SPEECH_VERBS.single.contains(next)
            || matches!(next, "ne" | "n'" | "s'" | "se" | "y" | "en" | "l'" | "lui" | "leur")
            || next.ends_with("ait") || next.ends_with("aient") || next.ends_with("èrent");
    }
    let adverb = matches!(next, "also" | "then" | "later" | "again" | "still" | "never" | "often" | "once" | "already" | "repeatedly")
        || next.ends_with("ly") && next.len() > 4;
    adverb || next.ends_with("ed") || next.ends_with('s') && !next.ends_with("ss") || IRREGULAR_VERBS.contains(&next)
}

/// A straight mark written against the word or mark before it and not against a word after
/// it ('world," he' or 'end."'): a closer, where an opener is written the other way round.
fn glued_closer(ctx: &Context, k: usize) -> bool {
    let glued_before = k > 0 && ctx.end(k - 1) == ctx.start(k);
    let glued_word_after = k + 1 < ctx.len() && ctx.start(k + 1) == ctx.end(k) && ctx.kind(k + 1) != TokenKind::Punct;
    glued_before && !glued_word_after
}

/// Any quotation mark, opening, closing or straight.
fn is_quote_mark(text: &str) -> bool {
    is_open_mark(text) || is_close_mark(text) || text == "\""
}

/// Verbs of thought and finding that attribute a "that"-clause ("a poll found that…", "he
/// thinks that…"), though not speech by themselves.
const THAT_VERBS: [&str; 44] = [
    "found", "finds", "shows", "show", "showed", "think", "thinks", "thought", "believe", "believes", "fear", "fears",
    "hope", "hopes", "expect", "expects", "feel", "feels", "know", "knows", "pense", "pensent", "croit", "espère",
    "agree", "agrees", "claim", "claims", "deny", "denies", "worry", "worries", "doubt", "doubts", "suspect", "suspects",
    "realize", "realizes", "recognize", "recognizes", "consider", "considers", "juge", "considère",
];

/// How many paragraphs away a quote without a cue may take its neighbour's speaker.
const NEAR_PARAGRAPHS: i64 = 2;

/// Verbs of speech acts that take what was said as their object (see `reported`).
const SPEECH_ACTS: [&str; 16] = [
    "announced", "announces", "urged", "urges", "proposed", "proposes", "demanded", "demands", "pledged", "pledges",
    "vowed", "vows", "declined", "declines", "promised", "promises",
];

/// Speech verb at token `i`: the cue's (first, last) tokens.
fn speech_verb(ctx: &Context, i: usize) -> Option<(usize, usize)> {
    let word = ctx.word(i);
    // "the reports", "cette annonce", "the United States": nouns, not verbs.
    let after_determiner = i > 0 && DETERMINERS.contains(&ctx.word(i - 1));
    let proper = ctx.capitalised(i) && !ctx.sentence_initial(i);
    // "s'explique", "se dit": reflexive verbs say nothing.
    let reflexive = i > 0 && matches!(ctx.word(i - 1), "s'" | "se");
    // "as X put it": a speech act.
    if word == "put" && ctx.word(i + 1) == "it" && ctx.same_sentence(i, i + 1) {
        return Some((i, i + 1));
    }
    if SPEECH_VERBS.single.contains(word) && ctx.kind(i) == TokenKind::Word && !after_determiner && !proper && !reflexive {
        if word == "pointed" && ctx.word(i + 1) != "out" {
            return None;
        }
        return Some((i, i));
    }
    if SPEECH_VERBS.participles.contains(word) && ctx.kind(i) == TokenKind::Word && i > 0 {
        // "a indiqué", "avait alors lâché", "a-t-il ajouté", "s'est exclamé", "se sont
        // félicités": the auxiliary may be one adverb away.
        let auxiliary = |k: usize| {
            let w = ctx.word(k);
            matches!(w, "a" | "avait" | "ont" | "avaient" | "aurait" | "auraient" | "aura")
                || (w == "est" || w == "sont" || w == "était") && k > 0 && matches!(ctx.word(k - 1), "s'" | "se")
                || inverted_auxiliary(w)
        };
        if auxiliary(i - 1) {
            return Some((i - 1, i));
        }
        if i > 1 && FRENCH_ADVERBS.contains(&ctx.word(i - 1)) && auxiliary(i - 2) {
            return Some((i - 2, i));
        }
        // "a de son côté dénoncé", "a pour sa part estimé", "a lui aussi déclaré".
        const ASIDE: [&str; 16] = ["de", "son", "sa", "ses", "leur", "côté", "pour", "part", "quant", "à", "lui", "elle", "eux", "aussi", "également", "même"];
        let aside = (1..=3).take_while(|&n| i > n && ASIDE.contains(&ctx.word(i - n))).last();
        if let Some(n) = aside.filter(|&n| n >= 2 && i > n && auxiliary(i - n - 1) && ctx.same_sentence(i - n - 1, i)) {
            return Some((i - n - 1, i));
        }
    }
    None
}

/// "a-t-il", "avait-elle", "ont-ils": an auxiliary with its subject pronoun after it.
fn inverted_auxiliary(word: &str) -> bool {
    let Some((base, _)) = word.split_once('-') else { return false };
    matches!(base, "a" | "avait" | "ont" | "avaient" | "aurait") && (word.ends_with("-il") || word.ends_with("-elle") || word.ends_with("-ils") || word.ends_with("-elles") || word.ends_with("-on"))
}

/// Speech verbs whose listener comes before what is said: "told reporters that …".
const LISTENER_VERBS: [&str; 16] = [
    "told", "tells", "tell", "telling", "assured", "assures", "informed", "informs", "warned", "warns", "reminded",
    "reminds", "promised", "promises", "advised", "cautioned",
];

/// Adverbs French puts between an auxiliary and its participle ("a également indiqué").
const FRENCH_ADVERBS: [&str; 16] = [
    "alors", "aussi", "également", "déjà", "encore", "notamment", "ensuite", "toutefois", "pourtant", "bien", "même", "ainsi",
    "enfin", "récemment", "d'ailleurs", "aussitôt",
];

/// A French inverted verb written as one word: "expose-t-il", "a-t-elle", "indique-t-on".
fn inverted_verb(ctx: &Context, i: usize) -> bool {
    let word = ctx.word(i);
    let base = word.split('-').next().unwrap_or("");
    word.contains('-') && (word.ends_with("-il") || word.ends_with("-elle") || word.ends_with("-ils") || word.ends_with("-elles"))
        && (SPEECH_VERBS.single.contains(base) || matches!(base, "a" | "avait" | "aurait"))
}

/// The last capitalised run of two or more words in tokens `first..=last` ("Ren Zhengfei" in
/// "le fondateur de Huawei Ren Zhengfei"), else the last capitalised word.
/// Where the content starting at `content` ends: at `sentence_end`, or before ", and X said" /
/// "; X warned" when a later clause of the sentence attributes words to someone else.
fn own_clause_end(ctx: &Context, content: usize, sentence_end: usize) -> usize {
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

/// The run of capitalised words that starts at token `k`, if one does.
fn name_at_start(ctx: &Context, k: usize) -> Option<(usize, usize)> {
    if k >= ctx.len() || ctx.kind(k) != TokenKind::Word || !ctx.capitalised(k) {
        return None;
    }
    let mut e = k;
    while e + 1 < ctx.len() && ctx.kind(e + 1) == TokenKind::Word && ctx.capitalised(e + 1) && ctx.same_sentence(k, e + 1) && e - k < 4 {
        e += 1;
    }
    Some((k, e))
}

fn name_in(ctx: &Context, first: usize, last: usize) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut k = first;
    while k <= last {
        if ctx.kind(k) == TokenKind::Word && ctx.capitalised(k) && !(ctx.sentence_initial(k) && k == first && !ctx.capitalised(k + 1)) {
            let start = k;
            while k < last && ctx.kind(k + 1) == TokenKind::Word && ctx.capitalised(k + 1) {
                k += 1;
            }
            // "le fondateur de Huawei Ren Zhengfei": after "role of", a long run is the
            // organisation then the person (a name of two words).
            let after_role = start >= 2 && matches!(ctx.word(start - 1), "de" | "of" | "d'") && ROLE_NOUNS.contains(&ctx.word(start - 2));
            let run = if after_role && k - start >= 2 { (k - 1, k) } else { (start, k) };
            let longer = best.is_none_or(|(a, b)| b - a < 1 || run.1 - run.0 >= 1);
            if longer {
                best = Some(run);
            }
        }
        k += 1;
    }
    best
}

/// The first name of two words or more from `first` to `last`.
fn first_name_in(ctx: &Context, first: usize, last: usize) -> Option<(usize, usize)> {
    let name_word = |k: usize| ctx.kind(k) == TokenKind::Word && ctx.capitalised(k);
    let start = (first..last).find(|&k| name_word(k) && name_word(k + 1))?;
    let end = (start + 1..=last).take_while(|&k| name_word(k)).last()?;
    Some((start, end))
}

impl Quote {
    fn new(first: usize, last: usize, mode: &'static str, rule: &'static str) -> Quote {
        Quote { first, last, mode, speaker: None, cue: String::new(), rule }
    }
}

struct Finder<'c, 'a> {
    ctx: &'c Context<'a>,
    last_person: Option<Speaker>,
}

impl Finder<'_, '_> {
    fn span(&self, first: usize, last: usize) -> String {
        self.ctx.text[self.ctx.start(first)..self.ctx.end(last)].to_string()
    }

    /// The speaker a phrase (tokens first..=last) names: a name in it, or the last person for a
    /// pronoun or a definite descriptor, or the descriptor itself when indefinite.
    fn speaker_from(&mut self, first: usize, last: usize) -> Option<Speaker> {
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
        let determined = matches!(head, "the" | "le" | "la" | "les" | "l'" | "un" | "une" | "a" | "an" | "des" | "ces" | "plusieurs" | "certains" | "several" | "some" | "many");
        // "L'Association des leaders religieux du Mali", "La Fédération belge du secteur
        // financier": an institution named by a capitalised noun and its complement.
        let institution = matches!(head, "le" | "la" | "l'" | "les" | "the") && first < last && ctx.capitalised(first + 1)
            && (first + 2..=last).any(|k| of(k)) && !(first + 1..=last).any(|k| k > first + 1 && ctx.capitalised(k) && ctx.capitalised(k - 1) && !of(k - 1));
        if institution {
            return Some(phrase);
        }
        let complement_name = name_in(ctx, first, last).is_some_and(|(a, _)| {
            a > first && (of(a - 1) || a > first + 1 && matches!(ctx.word(a - 1), "l'" | "la" | "le" | "the") && of(a - 2))
        });
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
    fn recent_name(&self, before: usize) -> Option<Speaker> {
        let ctx = self.ctx;
        let mut k = before;
        let stop = before.saturating_sub(NAME_LOOKBACK);
        let mut nearest = None;
        while k > stop.max(1) {
            k -= 1;
            if ctx.kind(k) == TokenKind::Word && ctx.capitalised(k) && ctx.capitalised(k - 1) && ctx.kind(k - 1) == TokenKind::Word && ctx.same_sentence(k - 1, k) {
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
    fn phrase_before(&self, end: usize) -> Option<(usize, usize)> {
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
            if time && matches!(ctx.word(last), "on" | "in" | "last" | "this" | "early" | "late" | "earlier" | "mardi" | "ce") && last > 0 && ctx.same_sentence(last - 1, end) {
                last -= 1;
            }
        }
        // "Pastor l'avait annoncé", "le ministre le dit": object pronouns before the verb.
        while last > 0 && matches!(ctx.word(last), "l'" | "lui" | "leur" | "y" | "en" | "se" | "s'" | "m'" | "t'" | "ne" | "n'") && ctx.same_sentence(last - 1, end) {
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
        let bare = last - first < 3
            && (first..=last).all(|k| ctx.kind(k) == TokenKind::Word && !ctx.word(k).ends_with("ing") && !PREPOSITIONS.contains(&ctx.word(k)));
        ((opens_well || bare) && !matches!(ctx.word(first), "it" | "this" | "that" | "which" | "there")).then_some((first, last))
    }

    /// The noun phrase from token `start` to the end of its clause.
    fn phrase_after(&self, start: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        // "répondit alors son complice", "said again": an adverb before the subject.
        let start = if FRENCH_ADVERBS.contains(&ctx.word(start)) || ADVERBS.contains(&ctx.word(start)) { start + 1 } else { start };
        // "déclare à l'AFP Jean-Philippe Magnen", "a confié au Figaro": the listener first.
        let start = if matches!(ctx.word(start), "à" | "au" | "aux" | "to") && ctx.same_sentence(start, start + 2) {
            let listener = start + 1 + usize::from(matches!(ctx.word(start + 1), "l'" | "la" | "le" | "les" | "the"));
            if ctx.kind(listener + 1) == TokenKind::Word && ctx.capitalised(listener + 1) { listener + 1 } else { start }
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

    fn direct_quotes(&mut self, taken: &mut Vec<bool>) -> Vec<Quote> {
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
                if doubled && double_mark(ctx, k) || !doubled && straight && (t == "\"" || t == "”") || !straight && (is_close_mark(t) && depth == 0 || straight_closer) {
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
    fn sentence_has_cue(&self, i: usize) -> bool {
        let ctx = self.ctx;
        let before = (i.saturating_sub(SENTENCE_WINDOW)..i).rev().take_while(|&k| ctx.same_sentence(k, i));
        let after = (i..(i + SENTENCE_WINDOW).min(ctx.len())).take_while(|&k| ctx.same_sentence(k, i));
        before.chain(after).any(|k| {
            speech_verb(ctx, k).is_some() || matches!(ctx.word(k), "called" | "calling" | "describing" | "described" | "dubbed" | "labeled" | "branded" | "qualifié" | "qualifie")
        })
    }

    fn attribute_direct(&mut self, quote: &mut Quote, open: usize, close: Option<usize>) {
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
                let outside = |v: &usize| ctx.same_sentence(k, *v) && !(is_quote_mark(ctx.text_of(*v)) && !is_close_mark(ctx.text_of(*v)));
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
    fn subject_and_verb_after(&self, close: usize, k: usize) -> Option<(usize, usize, usize)> {
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
        let (s, mut e) = if PRONOUNS.contains(&ctx.word(k)) {
            (k, k)
        } else if DETERMINERS.contains(&ctx.word(k)) {
            let v = (k + 1..(k + 6).min(ctx.len())).find(|&v| verb_like(ctx, v) && ctx.word(v) != ",")?;
            (k, v - 1)
        } else {
            let name_part = |j: usize| matches!(ctx.kind(j), TokenKind::Word | TokenKind::Abbreviation) && ctx.capitalised(j);
            if !name_part(k) {
                return None;
            }
            (k, (k..(k + 6).min(ctx.len())).take_while(|&j| name_part(j)).last()?)
        };
        // "(R-Ohio)" and ", an oversight panel member," after the name.
        if ctx.word(e + 1) == "(" {
            e = (e + 2..(e + 8).min(ctx.len())).find(|&j| ctx.word(j) == ")")?;
        }
        let mut v = e + 1;
        if ctx.word(v) == "," {
            v = (v + 1..(v + 2 * MAX_SPEAKER_TOKENS).min(ctx.len())).take_while(|&j| ctx.same_sentence(k, j)).find(|&j| ctx.word(j) == ",")? + 1;
        }
        let verb = speech_verb(ctx, v).is_some() || ctx.word(v).ends_with("ed") || IRREGULAR_VERBS.contains(&ctx.word(v)) && ctx.word(v).len() > 2;
        (verb && ctx.kind(v) == TokenKind::Word && ctx.same_sentence(k, v)).then_some((s, e.min(v - 1), v))
    }

    /// The attribution that ends the sentence after token `close`: ", said X[, apposition]",
    /// ", X said", ", according to X", ", the Daily Caller reports". The cue token and the
    /// speaker phrase.
    fn closing_attribution(&self, close: usize) -> Option<(usize, usize, usize)> {
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
            if last > k && last - k <= 6 && speech_verb(ctx, last).is_some() && (k..last).all(|j| ctx.kind(j) != TokenKind::Punct || ctx.kind(j) == TokenKind::Abbreviation) {
                return (ctx.capitalised(k) || DETERMINERS.contains(&ctx.word(k)) || PRONOUNS.contains(&ctx.word(k))).then_some((last, k, last - 1));
            }
        }
        None
    }

    /// Whether the sentence of a quote opening at `open` has a speech verb before the quote,
    /// the quote not opening the sentence itself.
    fn cue_before_in_sentence(&self, open: usize) -> bool {
        let ctx = self.ctx;
        let mark = if open > 0 && double_mark(ctx, open - 1) { open - 1 } else { open };
        if ctx.sentence_initial(mark) {
            return false;
        }
        (mark.saturating_sub(SENTENCE_WINDOW)..mark).rev().take_while(|&k| ctx.same_sentence(k, mark)).any(|k| speech_verb(ctx, k).is_some())
    }

    /// Before: X said: « … » / X added that “…” / Pour X, « … » / Selon X, « … ». Whether it
    /// attributed the quote.
    fn attribute_before(&mut self, quote: &mut Quote, open: usize) -> bool {
        let ctx = self.ctx;
        let mut k = open;
        while k > 0 && ctx.same_sentence(k - 1, open) {
            k -= 1;
            if let Some((a, b)) = speech_verb(ctx, k) {
                // "Trump attacked Clinton …, saying, “…”": a participle's speaker is the subject.
                let participle = ctx.word(a).ends_with("ing");
                let sentence_start = (0..a).rev().take(SENTENCE_WINDOW).take_while(|&j| ctx.same_sentence(j, a)).last().unwrap_or(a);
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
    fn attribute_after_sentence_or_context(&mut self, quote: &mut Quote, open: usize, close: Option<usize>) {
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
            let previous_sentence = ctx.tokens.sentence[open - 1];
            (0..open).rev().take(SENTENCE_WINDOW).take_while(|&k| ctx.tokens.sentence[k] == previous_sentence)
                .any(|k| is_quote_mark(ctx.text_of(k)) && !is_open_mark(ctx.text_of(k)) || double_mark(ctx, k))
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
            let sentence_start = (0..open).rev().take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(k, open)).last().unwrap_or(open);
            if open >= sentence_start + 3 {
                if let Some((a, b)) = self.sentence_subject(sentence_start, open) {
                    quote.speaker = self.speaker_from(a, b);
                    if quote.speaker.is_some() {
                        quote.rule = "quote.direct_sentence_subject";
                        return;
                    }
                }
            }
        }
        if open > 0 && ctx.segments[open - 1] == ctx.segments[open] {
            let previous_sentence = ctx.tokens.sentence[open - 1];
            let start = (0..open).rev().take(SENTENCE_WINDOW).take_while(|&k| ctx.tokens.sentence[k] == previous_sentence).last().unwrap_or(open);
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

    /// The subject opening a sentence: a name ("Trump", "Sen. Chris Murphy"), a pronoun, or a
    /// determined noun phrase ("The former secretary of state", "Her campaign"), after a short
    /// opening adverbial ("On Wednesday, …"), and followed by a verb-like word.
    fn sentence_subject(&self, start: usize, before: usize) -> Option<(usize, usize)> {
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
    fn determined_subject(&self, start: usize, before: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let mut k = start + 1;
        while k < before && k - start < 8 {
            if ctx.word(k) == "," {
                // ", who backs Cruz," / ", témoins de la scène," then the verb.
                let closing = (k + 1..before.min(k + MAX_SPEAKER_TOKENS)).find(|&c| ctx.word(c) == ",")?;
                let verb = verb_like(ctx, closing + 1) && ctx.word(closing + 1) != "," || speech_verb(ctx, closing + 1).is_some() || speech_verb(ctx, closing + 2).is_some_and(|(a, _)| a == closing + 1);
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
    fn after_opening_adverbial(&self, start: usize, before: usize) -> usize {
        let ctx = self.ctx;
        // "De nombreux habitants": a partitive determiner, not a preposition.
        let partitive = matches!(ctx.word(start), "de" | "d'") && matches!(ctx.word(start + 1), "nombreux" | "nombreuses" | "multiples" | "nouveaux" | "nouvelles" | "jeunes" | "simples" | "autres" | "hauts" | "anciens");
        if partitive {
            return start;
        }
        let opener = PREPOSITIONS.contains(&ctx.word(start))
            || matches!(ctx.word(start), "after" | "during" | "earlier" | "later" | "meanwhile" | "however" | "still" | "now" | "then" | "yet" | "last" | "but" | "and" | "so" | "instead" | "since" | "while" | "mais" | "puis" | "lors" | "après" | "pendant");
        // "Minutes later,", "Two days ago,": a time before the subject.
        let time_ago = (start + 1..before.min(start + 5)).find(|&k| matches!(ctx.word(k), "later" | "ago" | "earlier" | "plus" | "tard") && ctx.word(k + 1) == ",");
        if let Some(k) = time_ago {
            return k + 2;
        }
        if !opener {
            return start;
        }
        match (start + 1..before.min(start + 16)).find(|&k| ctx.word(k) == ",") {
            Some(comma) => comma + 1,
            None if matches!(ctx.word(start), "but" | "and" | "so" | "yet" | "mais" | "puis") => start + 1,
            None => start,
        }
    }

    /// "According to X, content." or "Content, according to X."
    fn according_to(&mut self, i: usize, taken: &[bool]) -> Option<Quote> {
        let ctx = self.ctx;
        let width = if ctx.word(i) == "selon" { 1 } else { 2 };
        let (s, e) = self.phrase_after(i + width)?;
        let e = (s..=e).find(|&k| ctx.word(k + 1) == "," ).unwrap_or(e);
        let sentence_start = (0..=i).rev().take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(k, i)).last()?;
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
    fn headline_colon(&mut self, taken: &[bool]) -> Vec<Quote> {
        let ctx = self.ctx;
        let mut quotes = Vec::new();
        let in_title = |k: usize| {
            ctx.segments.get(k).and_then(|&s| ctx.article.segments.get(s as usize)).is_some_and(|s| s.kind == crate::article::SegmentKind::Title)
        };
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
            while last > colon && ctx.kind(last) == TokenKind::Punct && !is_close_mark(ctx.text_of(last)) && ctx.text_of(last) != "’" && ctx.text_of(last) != "'" {
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
    fn transcript_lines(&mut self, taken: &[bool]) -> Vec<Quote> {
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

    fn reported(&mut self, taken: &[bool]) -> Vec<Quote> {
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
                ctx.kind(i) == TokenKind::Word && !ctx.capitalised(i) && w.len() > 3
                    && (w.ends_with("ed") || matches!(w, "estimates" | "calculates" | "understands" | "argues" | "insists" | "concludes" | "suggests" | "indicates" | "predicts" | "warns" | "admits" | "acknowledges"))
            };
            let thought = that_follows && (THAT_VERBS.contains(&ctx.word(i)) || past_before_that);
            // Speech acts whose object is what was said: "X announced his resignation", "X
            // called for more investment", "X urged Congress to act", "X declined to comment".
            let act = ctx.kind(i) == TokenKind::Word && !ctx.capitalised(i) && (SPEECH_ACTS.contains(&ctx.word(i))
                || ctx.word(i) == "called" && matches!(ctx.word(i + 1), "for" | "on"));
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
            } else if matches!(ctx.word(content), "in" | "on" | "at" | "during" | "to" | "dans" | "lors" | "sur" | "à" | "au" | "aux" | "devant" | "auprès" | "en" | "pendant" | "mardi" | "lundi" | "mercredi" | "jeudi" | "vendredi" | "samedi" | "dimanche" | "hier" | "ce" | "cette") {
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
                let sentence_start = (0..a).rev().take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(k, a)).last().unwrap_or(a);
                if let Some(opening) = self.sentence_subject(sentence_start, a) {
                    subject = Some(opening);
                }
            }
            // "Helen Aguirre Ferre, who took over …, said …": the subject opens the sentence,
            // its apposition ends with the comma before the verb.
            if subject.is_none() && a > 0 && ctx.word(a - 1) == "," {
                let sentence_start = (0..a).rev().take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(k, a)).last().unwrap_or(a);
                // A sentence that opens with a quotation mark is the quote, not a subject.
                let quoted = is_quote_mark(ctx.text_of(sentence_start)) && !is_close_mark(ctx.text_of(sentence_start));
                if let Some(first_comma) = (sentence_start..a - 1).find(|&k| ctx.word(k) == ",").filter(|_| !quoted) {
                    subject = name_in(ctx, sentence_start, first_comma - 1).filter(|&(n, _)| n == sentence_start || n == sentence_start + 1);
                }
            }
            // "…, and then tweeted that …": the subject of a coordinated verb is the sentence's.
            let coordinated = a > 0 && matches!(ctx.word(a - 1), "and" | "but" | "then" | "et" | "mais" | "puis");
            if subject.is_none() && coordinated {
                let sentence_start = (0..a).rev().take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(k, a)).last().unwrap_or(a);
                subject = self.sentence_subject(sentence_start, a).or_else(|| (sentence_start..a).find(|&k| ctx.kind(k) == TokenKind::Word && ctx.capitalised(k) && !ctx.sentence_initial(k) || PRONOUNS.contains(&ctx.word(k)) && k == sentence_start)
                    .map(|k| name_in(ctx, k, a - 1).unwrap_or((k, k))));
            }
            // "X said (that) …": the content runs to the end of the sentence, or to a coordinated
            // clause with a speaker of its own ("…, and human rights groups warned that …").
            let sentence_end = own_clause_end(ctx, content, sentence_end);
            if let Some((s, e)) = subject {
                // "said it is …" opens a clause; "said it" alone does not.
                let it_clause = ctx.word(content) == "it" && matches!(ctx.word(content + 1), "is" | "was" | "would" | "will" | "has" | "had" | "could" | "might" | "should" | "must" | "may" | "does" | "did");
                // Past a listener without "that", what follows must read as a clause (a verb
                // within a few words): "told reporters on Friday at the White House" reports nothing.
                let has_verb = || (content + 1..=(content + 10).min(sentence_end)).any(|k| verb_like(ctx, k) && ctx.word(k) != ",");
                // French reports speech with "que": without it the verb takes an object ("justifie
                // ces exactions", "a déclaré la guerre"), which is no one's words.
                let french = ctx.article.lang == Lang::Fr;
                let opens_clause = that || it_clause || is_act && ctx.kind(content) == TokenKind::Word
                    || !french && ctx.kind(content) == TokenKind::Word && !matches!(ctx.word(content), "to" | "by" | "in" | "on" | "for" | "of" | "it" | "so" | "yes" | "no")
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
            let clause_start = (0..=a).rev().take(SENTENCE_WINDOW).take_while(|&k| ctx.same_sentence(k, a)).last().unwrap_or(a);
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

/// “First part,” he said, “second part.”: one quote from its first to its last character, as
/// annotators mark a quote interrupted by its attribution.
fn merge_continued(ctx: &Context, quotes: Vec<Quote>) -> Vec<Quote> {
    let mut merged: Vec<Quote> = Vec::with_capacity(quotes.len());
    for quote in quotes {
        if let Some(previous) = merged.last_mut() {
            let same_speaker = matches!((&previous.speaker, &quote.speaker), (Some(a), Some(b)) if a.name == b.name);
            let close = quote.first > previous.last && quote.first - previous.last <= 12;
            let same_paragraph = ctx.segments.get(previous.last) == ctx.segments.get(quote.first);
            if same_speaker && close && same_paragraph && previous.mode == "direct" && quote.mode != "reported" {
                previous.last = previous.last.max(quote.last);
                if previous.cue.is_empty() {
                    previous.cue = quote.cue;
                }
                continue;
            }
        }
        merged.push(quote);
    }
    merged
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let mut finder = Finder { ctx, last_person: None };
    let mut taken = vec![false; ctx.len()];
    let mut quotes = finder.direct_quotes(&mut taken);
    // Reported speech is found in text order after the direct quotes; speakers met in direct
    // quotes' attributions count as "last person" for the pronouns that follow them.
    quotes.extend(finder.reported(&taken));
    quotes.extend(finder.headline_colon(&taken));
    quotes.extend(finder.transcript_lines(&taken));
    quotes.sort_by_key(|q| q.first);
    // A quote without a cue belongs to the speaker of the quote before it (or else after it):
    // one pass forward, one backward, linear in the number of quotes.
    // Only across nearby paragraphs: further away, a quote without a cue is as likely someone
    // else's, and no speaker is better than a wrong one.
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
    let quotes = merge_continued(ctx, quotes);
    for quote in quotes {
        if quote.last < quote.first {
            continue;
        }
        let mut fact = Fact::new(FactKind::Quote, ctx.start(quote.first), ctx.end(quote.last), Value::Null, quote.rule)
            .with("mode", quote.mode)
            .with("cue", quote.cue);
        match quote.speaker {
            Some(speaker) => {
                let anonymous = speaker.name.split_whitespace().next().is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "un" | "une" | "des" | "some"));
                fact.value = Value::String(speaker.name.clone());
                fact = fact.with("speaker", speaker.name).with("speaker_start", speaker.start).with("speaker_end", speaker.end).with("anonymous", anonymous);
            }
            None => fact = fact.with("speaker", Value::Null),
        }
        facts.push(fact);
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
            .map(|f| (text[f.start..f.end].to_string(), f.attrs["speaker"].as_str().unwrap_or("-").to_string(), f.attrs["mode"].as_str().unwrap().to_string()))
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
    fn any_verb_attributes_a_quote_that_ends_on_a_comma() {
        assert_eq!(speakers("Ghazala Khan spoke last. “The way I see it,” she elaborated, “no one questions his service.”"), ["Ghazala Khan"]);
        assert_eq!(speakers("\"Your reputation is amazing,\" Trump assured Jones on Friday."), ["Trump"]);
        let got = speakers("“If the FBI wanted them, they would just get them,” Rep. Jim Jordan (R-Ohio), a panel member, said in an interview.");
        assert_eq!(got, ["Jim Jordan"]);
    }

    #[test]
    fn subjects_past_times_adverbs_and_opening_phrases() {
        assert_eq!(speakers("Sanders on Tuesday said he wants to attack four provisions in the tax code."), ["Sanders"]);
        assert_eq!(speakers("In a long rant against everyone from Carson to Clinton, Trump also called Iowa voters “stupid” for it."), ["Trump"]);
        assert_eq!(speakers("The council voted 6-1 for a resolution condemning “anti-Muslim speech from candidates.”"), ["The council"]);
        // A straight quote glued to the period ends its sentence: the next one is Trump's.
        let got = speakers("Cruz spoke first. Trump unloaded on Cruz, yoking him with the nickname \"Lyin' Ted.\" Trump called the senator a \"very nasty guy.\"");
        assert_eq!(got.last().map(String::as_str), Some("Trump"));
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
}
