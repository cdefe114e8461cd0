//! People, organisations and places: capitalised runs classified by gazetteers (places from
//! CLDR and GeoNames, organisations often in the news), organisation words and legal forms,
//! titles before names, and what the document already said (a surname after the full name).

use super::attrs::{AcronymAttrs, Attrs};
use super::context::all_caps;
use super::{Context, Fact, FactKind};
use crate::lang::Lang;
use crate::lexicons::entity_words::{
    ADJECTIVE_ENDINGS_FR, ARTICLES, CAPITALISED_COMMON_NOUNS_FR, COMMON_NOUN_ENDINGS_FR, DEMONYM_ENDINGS_EN, FINANCE_ROW_WORDS, FORMS_OF_ADDRESS,
    LOCATIVE_PREPOSITIONS_FR, NAME_CONNECTORS, NAME_PARTICLES, NOT_LONE_NAMES, NOT_NAMES, OCCUPATIONS_FR, OFFICE_MODIFIERS, PLACE_HEAD_WORDS_FR,
    PLACE_NOUNS_FR, RUN_TITLES, SPEAKER_CUES_FR, STREET_WORDS, VENUE_HEAD_WORDS, VERBS_AFTER_SUBJECT, VERBS_LIKE_ADJECTIVES_FR,
};
use crate::lexicons::{COMMON_ACRONYMS, MONTHS, ORGANIZATIONS, ORG_WORDS, PERSON_TITLES, PLACES, WEEKDAYS};
use crate::tokenize::{stopwords, TokenKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde_json::Value;

mod described;
mod tagged;

fn is_name_token(ctx: &Context, i: usize) -> bool {
    i < ctx.len()
        && matches!(ctx.kind(i), TokenKind::Word | TokenKind::Abbreviation)
        && ctx.capitalised(i)
        && !ctx.text_of(i).chars().any(|c| c.is_ascii_digit())
}

/// "JAPAN" → "Japan", for gazetteer look-ups in headlines written in capitals.
fn title_case(text: &str) -> String {
    if text.is_ascii() {
        // The same rule byte by byte: most names are ASCII, and this runs on each of them.
        let mut out = text.as_bytes().to_vec();
        let mut start = true;
        for b in &mut out {
            if start {
                b.make_ascii_uppercase();
            } else {
                b.make_ascii_lowercase();
            }
            start = !b.is_ascii_alphabetic();
        }
        return String::from_utf8(out).unwrap_or_default();
    }
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// Capitals (with optional periods) of 2 to 6 letters: "OSCE", "U.N.".
fn is_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_ascii_uppercase())
}

/// "II", "XIV": numbers of kings, chapters and sequels, not initials.
fn roman_numeral(text: &str) -> bool {
    text.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// Whether token `i` sits in a line written in capitals (a headline): no lowercase word near it.
fn in_headline(ctx: &Context, i: usize) -> bool {
    let near = i.saturating_sub(6)..(i + 7).min(ctx.len());
    !near.into_iter().any(|k| ctx.same_sentence(k, i) && ctx.kind(k) == TokenKind::Word && ctx.text_of(k).chars().any(char::is_lowercase))
}

/// Capitalised words that are not names of organisations: pronouns after a quote mark,
/// months and days, single letters, units.
fn plausible_single_name(word: &str) -> bool {
    word.chars().count() > 1 && !NOT_LONE_NAMES.contains(word) && !MONTHS.contains_key(word.trim_end_matches('.')) && !WEEKDAYS.contains_key(word)
}

/// "German", "Iraqi", "Chinese": adjectives of nationality, not names of things.
fn demonym_like(word: &str) -> bool {
    DEMONYM_ENDINGS_EN.iter().any(|end| word.ends_with(end))
}

/// Where each acronym's long form stands in the text, sorted.
fn acronym_expansions(ctx: &Context, facts: &[Fact]) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Acronym)
        .filter_map(|f| {
            let Attrs::Acronym(AcronymAttrs { long, .. }) = &f.attrs else { return None };
            let offset = ctx.text.get(f.start..f.end)?.find(long)?;
            Some((f.start + offset, f.start + offset + long.len()))
        })
        .collect();
    spans.sort_unstable();
    spans
}

/// Whether `start..end` lies inside an expansion without being all of it. A binary search:
/// a document that defines thousands of acronyms stays linear (expansions do not nest).
fn inside_expansion(expansions: &[(usize, usize)], start: usize, end: usize) -> bool {
    let after = expansions.partition_point(|&(s, _)| s <= start);
    after > 0 && {
        let (s, e) = expansions[after - 1];
        end <= e && (s, e) != (start, end)
    }
}

/// "US-based", "US-China", "franco-allemand": a place name joined by a hyphen to a lowercase
/// word or to another place.
fn place_compound(token: &str) -> bool {
    let mut parts = token.split('-');
    let (Some(head), Some(tail)) = (parts.next(), parts.next()) else { return false };
    if parts.next().is_some() || head.is_empty() || tail.is_empty() {
        return false;
    }
    let place = |t: &str| lookup(t).is_some_and(|(class, _)| class == Class::Place);
    place(head) && (tail.chars().next().is_some_and(char::is_lowercase) || place(tail))
}

/// Whether token `i` is in a title written in title case ("Huawei Shifts Focus to Cloud
/// Tech"), where capitals say nothing about names.
fn title_cased_title(ctx: &Context, i: usize) -> bool {
    let Some(&segment) = ctx.segments.get(i) else { return false };
    if ctx.article.segments.get(segment as usize).is_none_or(|s| s.kind != crate::article::SegmentKind::Title) {
        return false;
    }
    let words: Vec<usize> =
        (0..ctx.len()).filter(|&k| ctx.segments[k] == segment && ctx.kind(k) == TokenKind::Word && ctx.text_of(k).chars().count() > 3).collect();
    let capitalised = words.iter().filter(|&&k| ctx.capitalised(k)).count();
    words.len() >= 3 && capitalised * 2 > words.len()
}

/// Words that open names of places ("Cap Vert", "Mont Blanc", "Tour Eiffel") or of venues and
/// firms ("Théâtre Populaire", "Café de Paris", "Hôtel Drouot") rather than of people.
fn venue_class(word: &str) -> Option<Class> {
    if PLACE_HEAD_WORDS_FR.contains(word) {
        Some(Class::Place)
    } else if VENUE_HEAD_WORDS.contains(word) {
        Some(Class::Organization)
    } else {
        None
    }
}

/// Whether the run sits inside quotation marks of its own: "‘Entity List’", "« Cloud Tech »".
fn quoted_name(ctx: &Context, first: usize, last: usize) -> bool {
    let open = first.checked_sub(1).map(|k| ctx.text_of(k)).unwrap_or("");
    let mut close = ctx.text_of(last + 1);
    if close == "." || close == "," {
        close = ctx.text_of(last + 2);
    }
    matches!(open, "‘" | "“" | "«" | "\"" | "'") && matches!(close, "’" | "”" | "»" | "\"" | "'")
}

/// Whether token `i` opens its line (the text since the previous token holds a line break).
fn line_initial(ctx: &Context, i: usize) -> bool {
    i == 0 || ctx.text[ctx.end(i - 1)..ctx.start(i)].contains('\n')
}

fn same_line(ctx: &Context, i: usize, j: usize) -> bool {
    j < ctx.len() && !ctx.text[ctx.end(i.min(j))..ctx.start(i.max(j))].contains('\n')
}

fn is_number(ctx: &Context, i: usize) -> bool {
    i < ctx.len() && ctx.text_of(i).chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Tokens a line is read over at most, either way: a table's lines are short.
const LINE_WINDOW: usize = 40;

/// The first and last tokens of the line of token `i` (within LINE_WINDOW of it).
fn line_of(ctx: &Context, i: usize) -> (usize, usize) {
    let mut first = i;
    while first > i.saturating_sub(LINE_WINDOW) && !line_initial(ctx, first) {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < ctx.len().min(i + LINE_WINDOW) && same_line(ctx, last, last + 1) {
        last += 1;
    }
    (first, last)
}

/// Whether the line of token `i` is a row of a sports table, and so is the line before or
/// after it: a row holds two numbers or more ("Leeds 2 Hull 0", "BOSTON 81 53 .605") or a
/// fixture ("Birmingham v Barnsley"), and no money or unit word (company results tables,
/// "Revs 1.5 mln vs 1.2 mln", are no sports). Not a sentence, not a lone line.
fn results_table(ctx: &Context, i: usize) -> bool {
    let row = |(first, last): (usize, usize)| {
        // "1,234 vs 987": this year against last, a results row.
        let compared = |k: usize| k > first && matches!(ctx.text_of(k), "vs" | "vs.") && is_number(ctx, k - 1);
        let figures = (first..=last).any(|k| FINANCE_ROW_WORDS.contains(ctx.word(k)) || compared(k));
        let numbers = (first..=last).filter(|&k| is_number(ctx, k)).count();
        !figures && (numbers >= 2 || (first..=last).any(|k| matches!(ctx.text_of(k), "v" | "vs" | "vs." | "AT")))
    };
    let (first, last) = line_of(ctx, i);
    let before = first.checked_sub(1).map(|k| line_of(ctx, k));
    let after = (last + 1 < ctx.len()).then(|| line_of(ctx, last + 1));
    row((first, last)) && [before, after].into_iter().flatten().any(row)
}

/// A name in a sports results or standings line is a team: "Bury 4 Bristol City 0",
/// "BOSTON 81 53 .605", "ATLANTA AT CHICAGO", "Birmingham v Barnsley". The name opens the
/// line or follows a score, and a number or a fixture word follows it on the same line.
fn team_in_table(ctx: &Context, first: usize, last: usize) -> bool {
    let opens = line_initial(ctx, first) || (first > 0 && is_number(ctx, first - 1) && same_line(ctx, first - 1, first) && !line_initial(ctx, first - 1));
    // The second side of a fixture: "Birmingham v Barnsley", "ATLANTA AT CHICAGO".
    let fixture = first >= 2
        && matches!(ctx.text_of(first - 1), "v" | "vs" | "vs." | "AT")
        && is_name_token(ctx, first - 2)
        && (first.saturating_sub(5)..first - 1).any(|k| line_initial(ctx, k) && same_line(ctx, k, first));
    if fixture && (same_line(ctx, last, last + 1) && !is_name_token(ctx, last + 1) || !same_line(ctx, last, last + 1)) {
        return true;
    }
    if !opens || !same_line(ctx, last, last + 1) {
        return false;
    }
    if is_number(ctx, last + 1) {
        return line_initial(ctx, first) || is_number(ctx, last + 1);
    }
    matches!(ctx.text_of(last + 1), "v" | "vs" | "vs." | "AT" | "at")
        && line_initial(ctx, first)
        && is_name_token(ctx, last + 2)
        && same_line(ctx, last, last + 2)
}

/// A French common noun or plural demonym, by the word ("le Prix", "la Caisse": newspapers
/// capitalise them for institutions, events and columns) or by its ending ("Société",
/// "Enseignement", "Allemands"): capitalised, they name institutions, peoples or things, not a
/// person. Plurals in "-es" of six letters or more count too.
fn french_common_noun(word: &str) -> bool {
    CAPITALISED_COMMON_NOUNS_FR.contains(word)
        || word.chars().count() > 3 && COMMON_NOUN_ENDINGS_FR.iter().any(|end| word.ends_with(end))
        || word.ends_with("es") && word.chars().count() > 5
}

/// A title just before token `first`: "M. Dupont", "MM . Sarrien" (the period cut off as a
/// sentence end), "M. de Lanessan", "le général Chômer".
fn title_before(ctx: &Context, first: usize) -> bool {
    let word = |k: usize| ctx.word(k).trim_end_matches('.');
    let is_title = |k: usize| PERSON_TITLES.contains(word(k));
    let mut k = match first.checked_sub(1) {
        Some(k) => k,
        None => return false,
    };
    if matches!(ctx.word(k), "." | ":") && k > 0 {
        k -= 1; // "MM ." and "M :" in OCR text
    } else if matches!(ctx.word(k), "de" | "d'") && k > 0 {
        k -= 1; // the particle of "M. de Lanessan", "le général de Gaulle"
    } else if ctx.word(k) == "du" && k > 0 {
        // "M. du Bellay", but after an office "du" opens its complement: "le ministre du
        // Logement", "le président du Sénat" name no one.
        return FORMS_OF_ADDRESS.contains(word(k - 1));
    }
    is_title(k)
}

/// The street word opening a place name before token `first` ("rue des" + "Capucins"), if any.
fn street_before(ctx: &Context, first: usize) -> Option<usize> {
    let mut k = first.checked_sub(1)?;
    if matches!(ctx.word(k), "de" | "des" | "du" | "d'" | "de la") && k > 0 {
        k -= 1;
    }
    (STREET_WORDS.contains(ctx.word(k)) && ctx.same_sentence(k, first) && !ctx.capitalised(k)).then_some(k)
}

/// French locative prepositions before a lone name: "à Dinan", "A Bédée" (old type sets "À"
/// without its accent), "en Argonne", "sur Sochaczew", "près de Roscoff", "la mairie de
/// Tchalou", "au sud de Malogostcha".
fn after_locative(ctx: &Context, first: usize) -> bool {
    let before = |n: usize| first.checked_sub(n).map(|k| ctx.word(k)).unwrap_or("");
    let capital_a = first > 0 && ctx.text_of(first - 1) == "A" && ctx.sentence_initial(first - 1);
    LOCATIVE_PREPOSITIONS_FR.contains(before(1)) || capital_a || (matches!(before(1), "de" | "d'") && PLACE_NOUNS_FR.contains(before(2)))
}

/// A French dateline: "Saint-Pol-de-Léon, 24 juillet." — a name, a comma, a day and a month.
fn french_dateline(ctx: &Context, last: usize) -> bool {
    ctx.word(last + 1) == "," && ctx.integer(last + 2).is_some_and(|d| (1..=31).contains(&d)) && MONTHS.contains_key(ctx.word(last + 3))
}

/// Words after which a lone French name is who speaks or who is named: "répondit Fragson",
/// "Capella dit", "conclut Gaugeard", "un collégien nommé Wolff".
fn speaker_context(ctx: &Context, first: usize, last: usize) -> bool {
    first > 0 && SPEAKER_CUES_FR.contains(ctx.word(first - 1)) || SPEAKER_CUES_FR.contains(ctx.word(last + 1))
}

/// An age after a comma: "Hermance, trente-cinq ans", "Wolff, 16 ans".
fn age_after(ctx: &Context, k: usize) -> bool {
    let count = ctx.kind(k) == TokenKind::Number || crate::lexicons::NUMBER_WORDS.contains_key(ctx.word(k).split('-').next().unwrap_or(""));
    count && ctx.word(k + 1) == "ans"
}

/// "Dupont said": who speaks is a person.
fn followed_by_speech(ctx: &Context, i: usize) -> bool {
    VERBS_AFTER_SUBJECT.contains(ctx.word(i + 1))
}

struct Run {
    first: usize,
    last: usize,
}

/// Maximal runs of name tokens ("South China Morning Post", "Organisation des Nations unies").
fn runs(ctx: &Context) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.len() {
        if !is_name_token(ctx, i) {
            i += 1;
            continue;
        }
        let mut last = i;
        loop {
            if is_name_token(ctx, last + 1) && ctx.same_sentence(i, last + 1) {
                last += 1;
            } else if NAME_CONNECTORS.contains(ctx.word(last + 1))
                && is_name_token(ctx, last + 2)
                && ctx.same_sentence(i, last + 2)
                && ORG_WORDS.contains(&ctx.word(last).to_string())
            {
                // "Bank of England", "Organisation des Nations unies"; not "Smith of Acme".
                last += 2;
            } else if matches!(ctx.word(last + 1), "and" | "&")
                && last - i < 3
                && !ARTICLES.contains(ctx.word(last + 2))
                && !(last > i && ORG_WORDS.contains(&ctx.word(last).to_string()))
                && org_word_ahead(ctx, last + 2)
                && ctx.same_sentence(i, last + 2)
            {
                // "Securities and Exchange Commission", "Food and Drug Administration"; not
                // "Tony Blair and Gordon Brown", nor two names ("The Independent and The Times",
                // "World Bank and International Monetary Fund").
                last += 2;
            } else {
                break;
            }
        }
        out.extend(split_at_title(ctx, i, last));
        i = last + 1;
    }
    out
}

/// Whether the name tokens from `k` on (at most three) hold an organisation word, the last of
/// them or before a name token: "Exchange Commission", "Drug Administration".
fn org_word_ahead(ctx: &Context, k: usize) -> bool {
    (k..k + 3).take_while(|&j| is_name_token(ctx, j)).any(|j| ORG_WORDS.contains(&ctx.word(j).to_string()))
}

/// Whether token `k` is a title before a person's name ("Chairman", "Dr.", "Chief").
fn run_title(ctx: &Context, k: usize) -> bool {
    let word = ctx.word(k).trim_end_matches('.');
    PERSON_TITLES.contains(word) || RUN_TITLES.contains(word)
}

/// "Federal Reserve Board Vice Chairman Manuel Johnson": a title inside a run of name tokens,
/// followed by a name of two or three words without an organisation word, parts a body's name
/// from a person's: two runs, the second opening with its title (which `name_in` then takes
/// off). A run that opens with its title ("Vice President Joe Biden") stays whole.
fn split_at_title(ctx: &Context, first: usize, last: usize) -> Vec<Run> {
    let in_block = |k: usize| run_title(ctx, k) || OFFICE_MODIFIERS.contains(ctx.word(k));
    for k in (first + 1..last).filter(|&k| run_title(ctx, k)) {
        let mut end = k;
        while end < last && in_block(end + 1) {
            end += 1;
        }
        let mut start = k;
        while start > first && in_block(start - 1) {
            start -= 1;
        }
        let person = end + 1..=last;
        // Two to three words: a lone word after a title may be the rest of a person's name
        // ("Martin Luther King Jr", "Ana Pastor García").
        let person_like = (2..=3).contains(&(last - end)) && !person.clone().any(|j| ORG_WORDS.contains(&ctx.word(j).to_string()));
        if start > first && person_like {
            return vec![Run { first, last: start - 1 }, Run { first: start, last }];
        }
    }
    vec![Run { first, last }]
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Person,
    Organization,
    Place,
}

impl Class {
    fn fact_kind(self) -> FactKind {
        match self {
            Class::Person => FactKind::Person,
            Class::Organization => FactKind::Organization,
            Class::Place => FactKind::Place,
        }
    }
}

fn lookup(text: &str) -> Option<(Class, &'static str)> {
    // "New-York", "San-Francisco": older French spelling joins the words of a name.
    // Tried in order, each made only when the one before is unknown (this runs on every name).
    let known = |v: &str| {
        let org = ORGANIZATIONS.get(v).map(|&canonical| (Class::Organization, canonical));
        org.or_else(|| PLACES.get(v).map(|&canonical| (Class::Place, canonical)))
    };
    let retitled = || Some(title_case(text)).filter(|t| t != text).and_then(|t| known(&t));
    known(text).or_else(retitled).or_else(|| text.contains('-').then(|| known(&text.replace('-', " "))).flatten())
}

/// What the whole article says about its words, read once before its names are classified:
/// a name is judged by how the rest of the text writes the same words.
struct Document<'c> {
    ctx: &'c Context<'c>,
    stop: &'static HashSet<String>,
    /// Words the document also writes in lowercase are common nouns ("cloud" in "Cloud Tech"):
    /// names made of them are not people's.
    lowercase_words: HashSet<&'c str>,
    /// How often each word stands capitalised inside a sentence: names recur, typos do not.
    capitalised_mid_sentence: HashMap<&'c str, usize>,
    /// The same, counting only words that open neither their sentence nor their line.
    only_mid_sentence: HashMap<&'c str, usize>,
    /// Lone names the article puts after a locative preposition somewhere ("à Carantec"):
    /// places wherever they stand (French articles only).
    located: HashSet<&'c str>,
    dates: Vec<(usize, usize)>,
    expansions: Vec<(usize, usize)>,
    /// Full names of the people seen so far, by each part later mentions may use: surname → full name.
    persons: HashMap<String, String>,
}

impl<'c> Document<'c> {
    fn read(ctx: &'c Context<'c>, facts: &[Fact]) -> Self {
        let stop = stopwords::stop_words(Lang::Und);
        let lowercase_words = (0..ctx.len()).filter(|&k| ctx.kind(k) == TokenKind::Word && !ctx.capitalised(k)).map(|k| ctx.word(k)).collect();
        let (capitalised_mid_sentence, only_mid_sentence) = capitalised_counts(ctx, stop);
        let located = if ctx.article.lang == Lang::Fr { located_names(ctx) } else { HashSet::default() };
        let (dates, expansions) = (super::spans_of(facts, FactKind::Date), acronym_expansions(ctx, facts));
        Document { ctx, stop, lowercase_words, capitalised_mid_sentence, only_mid_sentence, located, dates, expansions, persons: HashMap::default() }
    }

    fn is_stop(&self, k: usize) -> bool {
        self.stop.contains(self.ctx.word(k))
    }

    fn is_lowercase_elsewhere(&self, k: usize) -> bool {
        self.lowercase_words.contains(self.ctx.word(k))
    }

    fn mid_sentence_count(&self, k: usize) -> usize {
        self.capitalised_mid_sentence.get(self.ctx.word(k)).copied().unwrap_or(0)
    }

    fn only_mid_sentence_count(&self, k: usize) -> usize {
        self.only_mid_sentence.get(self.ctx.word(k)).copied().unwrap_or(0)
    }

    fn is_french(&self) -> bool {
        self.ctx.article.lang == Lang::Fr
    }

    /// A person's full name, for later mentions by either part: "Crozier", or "Ren" (family
    /// name first). The last word replaces an earlier name; the first word does not.
    fn remember(&mut self, person: &Mention) {
        self.persons.insert(self.ctx.text_of(person.last).to_string(), person.value.clone());
        if person.last > person.first {
            self.persons.entry(self.ctx.text_of(person.first).to_string()).or_insert_with(|| person.value.clone());
        }
    }

    /// The fact of a mention, unless it overlaps a date ("May", "Août" are months first).
    fn emit(&self, facts: &mut Vec<Fact>, mention: Mention) {
        let (start, end) = (self.ctx.start(mention.first), self.ctx.end(mention.last));
        if super::overlaps(&self.dates, start, end) {
            return;
        }
        facts.push(Fact::new(mention.class.fact_kind(), start, end, Value::String(mention.value), mention.rule));
    }
}

/// How often each word is capitalised inside a sentence (a stop word opening a sentence does
/// not count), and how often away from the start of its sentence and of its line.
fn capitalised_counts<'c>(ctx: &'c Context, stop: &HashSet<String>) -> (HashMap<&'c str, usize>, HashMap<&'c str, usize>) {
    let mut capitalised_mid_sentence: HashMap<&str, usize> = HashMap::default();
    let mut only_mid_sentence: HashMap<&str, usize> = HashMap::default();
    for k in 0..ctx.len() {
        if ctx.kind(k) == TokenKind::Word && ctx.capitalised(k) && (!ctx.sentence_initial(k) || !stop.contains(ctx.word(k))) {
            *capitalised_mid_sentence.entry(ctx.word(k)).or_default() += 1;
            if !ctx.sentence_initial(k) && !line_initial(ctx, k) {
                *only_mid_sentence.entry(ctx.word(k)).or_default() += 1;
            }
        }
    }
    (capitalised_mid_sentence, only_mid_sentence)
}

/// Lone capitalised words that follow a French locative somewhere in the text ("à Carantec").
fn located_names<'c>(ctx: &'c Context) -> HashSet<&'c str> {
    (1..ctx.len())
        .filter(|&k| ctx.kind(k) == TokenKind::Word && ctx.capitalised(k) && after_locative(ctx, k) && !is_name_token(ctx, k + 1))
        .map(|k| ctx.word(k))
        .collect()
}

/// A run of name tokens once its openers and titles are cut off: the words the rules classify.
struct Name {
    first: usize,
    last: usize,
    /// A title stands before the name or opened the run: "Mr. Smith", "le général Chômer".
    titled: bool,
    text: String,
    /// Written in capitals, as headlines are: "JAPAN GET LUCKY WIN".
    shouting: bool,
}

impl Name {
    fn words(&self) -> usize {
        self.last - self.first + 1
    }
}

/// What a rule found: a name's class, its tokens, its canonical value and the rule's name.
struct Mention {
    class: Class,
    first: usize,
    last: usize,
    value: String,
    rule: &'static str,
    /// A person's full name, which later mentions may shorten.
    full_name: bool,
}

impl Mention {
    fn new(class: Class, first: usize, last: usize, value: impl Into<String>, rule: &'static str) -> Mention {
        Mention { class, first, last, value: value.into(), rule, full_name: false }
    }

    fn full_name(self) -> Mention {
        Mention { full_name: true, ..self }
    }
}

/// What a rule decides about a name: `None` when it does not apply (the next rule is tried),
/// else the mentions it found there, possibly none (the name is then left alone).
type Found = Option<Vec<Mention>>;

fn one(mention: Mention) -> Found {
    Some(vec![mention])
}

/// The name in a run: sentence openers ("The", "Selon") and headline capitals are not names by
/// themselves, and titles open a person's name ("Mr. Smith", "President Macron") without
/// being part of it. `None` when nothing is left, or when a title stands before a function
/// word or a lone letter ("M. Cette", "M. X"), which names no one.
fn name_in(doc: &Document, run: &Run) -> Option<Name> {
    let ctx = doc.ctx;
    let (mut first, last) = (run.first, run.last);
    while first <= last && (ctx.sentence_initial(first) || first == run.first) && NOT_NAMES.contains(ctx.word(first)) {
        first += 1;
    }
    let mut titled = title_before(ctx, first);
    // Titles, with the words that make them another office ("Vice Chairman", "Deputy Prime
    // Minister"), open a name without being part of it.
    let mut after = first;
    while after < last && (run_title(ctx, after) || OFFICE_MODIFIERS.contains(ctx.word(after))) {
        after += 1;
    }
    if (first..after).any(|k| run_title(ctx, k)) {
        first = after;
        titled = true;
    }
    if first > last || titled && first == last && (doc.is_stop(first) || ctx.text_of(first).chars().count() < 2) {
        return None;
    }
    let text = ctx.text[ctx.start(first)..ctx.end(last)].to_string();
    let shouting = all_caps(&text);
    Some(Name { first, last, titled, text, shouting })
}

/// Words of an acronym's expansion ("Infrastructure" in "IaaS (Infrastructure as a Service)")
/// are not names unless they are the whole expansion ("South China Morning Post").
fn inside_longer_expansion(doc: &Document, name: &Name) -> bool {
    inside_expansion(&doc.expansions, doc.ctx.start(name.first), doc.ctx.end(name.last)) && lookup(&name.text).is_none()
}

/// Titles and initialisms of common nouns ("CEO", "PDG", "AI", "CPU") alone name no one.
fn lone_title_or_common_acronym(doc: &Document, name: &Name) -> bool {
    name.first == name.last && title_or_common_acronym(doc.ctx.word(name.first))
}

/// A title ("CEO", "Dr.") or an initialism of a common noun ("TVA", "GPU"), lowercase.
fn title_or_common_acronym(word: &str) -> bool {
    PERSON_TITLES.contains(word.trim_end_matches('.')) || COMMON_ACRONYMS.contains(word)
}

/// "US-based", "US-China": adjectives made of place names, not places.
fn place_adjective(doc: &Document, name: &Name) -> bool {
    name.first == name.last && place_compound(doc.ctx.text_of(name.first))
}

/// A dateline: "MOSCOW 1996-08-30", "WASHINGTON, Aug. 30": the place the story is filed from,
/// a name opening its line or sentence with a date after it on the same line.
fn dateline(doc: &Document, name: &Name) -> Found {
    let (ctx, first, last) = (doc.ctx, name.first, name.last);
    let date_at = |k: usize| k < ctx.len() && doc.dates.binary_search_by(|&(s, _)| s.cmp(&ctx.start(k))).is_ok();
    let opens = line_initial(ctx, first) || ctx.sentence_initial(first);
    let dated = date_at(last + 1) || ctx.word(last + 1) == "," && date_at(last + 2);
    if name.titled || !opens || !dated || !same_line(ctx, last, last + 1) {
        return None;
    }
    let value = lookup(&name.text).map_or_else(|| title_case(&name.text), |(_, canonical)| canonical.to_string());
    one(Mention::new(Class::Place, first, last, value, "entity.dateline"))
}

/// A team in a sports results or standings table ("Leeds 2 Bristol City 0" above "Hull 1 York
/// 1"): even a city's name is the club's there. English results pages only, inside a table
/// (this line and the next or previous one hold two numbers or more: a lone line with a
/// number is as often an earnings line); three letters, and no month ("Aug 30" lines are dates).
fn sports_team(doc: &Document, name: &Name) -> Found {
    let (ctx, first, last) = (doc.ctx, name.first, name.last);
    let words_ok = !(first == last && doc.is_stop(first)) && name.text.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    // The line test first: it is cheap and rarely passes; the table test reads whole lines.
    let in_table = ctx.article.lang == Lang::En && team_in_table(ctx, first, last) && results_table(ctx, first);
    if name.titled || !words_ok || !in_table || MONTHS.contains_key(ctx.word(first).trim_end_matches('.')) {
        return None;
    }
    let value = lookup(&name.text).map_or(name.text.clone(), |(_, canonical)| canonical.to_string());
    one(Mention::new(Class::Organization, first, last, value, "entity.team_in_table"))
}

/// A name the gazetteers know as a whole ("South China Morning Post", "États-Unis").
fn gazetteer(doc: &Document, name: &Name) -> Found {
    // A lone function word of the article's language, which the article also writes in
    // lowercase, is that word, even when some town bears it ("Sur" opening a French sentence,
    // "Cela"). Both tests: the stop list (stopwords-iso) also holds a few names ("microsoft").
    if name.first == name.last && doc.is_stop(name.first) && doc.is_lowercase_elsewhere(name.first) && !all_caps(&name.text) {
        return None;
    }
    let (class, canonical) = lookup(&name.text)?;
    one(Mention::new(class, name.first, name.last, canonical, "entity.gazetteer"))
}

/// The gazetteers' class and canonical name of the first word of a longer name ("Huawei" in
/// "Huawei Ren Zhengfei"), which the rules below read on from.
fn known_first_word(doc: &Document, name: &Name) -> Option<(Class, &'static str)> {
    (name.last > name.first).then(|| lookup(doc.ctx.text_of(name.first))).flatten()
}

/// "Cahors Sauvy", "Lorient Dans": in French, a known place then one word is two things run
/// together (a column or a dateline), not one name: only the place counts.
fn french_place_then_word(doc: &Document, name: &Name) -> Found {
    let (class, canonical) = known_first_word(doc, name)?;
    let two_words = name.last == name.first + 1;
    (two_words && !name.titled && doc.is_french() && class == Class::Place)
        .then(|| vec![Mention::new(class, name.first, name.first, canonical, "entity.gazetteer")])
}

/// "Huawei Cloud Tech": a known name that goes on with words the text also writes in
/// lowercase is a company's or a product's name, as a whole.
fn org_name_continued(doc: &Document, name: &Name) -> Found {
    known_first_word(doc, name)?;
    let rest_common = (name.first + 1..=name.last).any(|k| doc.is_lowercase_elsewhere(k));
    (rest_common && !name.shouting).then(|| vec![Mention::new(Class::Organization, name.first, name.last, name.text.clone(), "entity.org_name_continued")])
}

/// "Huawei Ren Zhengfei", "Chine Xi Jinping": an organisation or place, then a person's name
/// of two words or more that no gazetteer knows, with no title before it.
fn body_then_person(doc: &Document, name: &Name) -> Found {
    let ctx = doc.ctx;
    let (class, canonical) = known_first_word(doc, name)?;
    let rest = name.first + 1;
    let person = &ctx.text[ctx.start(rest)..ctx.end(name.last)];
    // A title right before the name makes all of it a person's ("President George W Bush"; not
    // "le président de Renault Jean Moreau").
    let titled = name.first > 0 && run_title(ctx, name.first - 1);
    if name.last - rest < 1 || lookup(person).is_some() || name.shouting || titled {
        return None;
    }
    let body = Mention::new(class, name.first, name.first, canonical, "entity.gazetteer");
    Some(vec![body, Mention::new(Class::Person, rest, name.last, person, "entity.person_name").full_name()])
}

/// "Acme Corp", "Banque de France": an organisation word or legal form in the name, or a known
/// organisation opening it. A function word opening the run never counts ("Et", "Sa" open
/// sentences; legal forms like "SA", "AS" count at the end of a name). A lone word in capitals
/// is a headline's, and left alone.
fn org_word(doc: &Document, name: &Name) -> Found {
    let (ctx, first, last) = (doc.ctx, name.first, name.last);
    let org_word = (first..=last).any(|k| !(k == first && doc.is_stop(k)) && ORG_WORDS.contains(&ctx.word(k).trim_end_matches('.').to_string()));
    let org_start = ORGANIZATIONS.contains_key(ctx.text_of(first)) && last > first;
    if !org_word && !org_start {
        return None;
    }
    if name.shouting && last == first {
        return Some(Vec::new());
    }
    let last = if doc.is_french() && ORG_WORDS.contains(&ctx.word(last).to_string()) { french_body_tail(ctx, last) } else { last };
    let text = &ctx.text[ctx.start(first)..ctx.end(last)];
    let value = lookup(text).filter(|(class, _)| *class == Class::Organization).map_or(text, |(_, canonical)| canonical);
    one(Mention::new(Class::Organization, first, last, value, "entity.org_word"))
}

/// The last token of a French body's name whose head word is token `head`: French capitalises
/// only the first word, so the name goes on over adjectives ("Assemblée nationale", "Cour
/// pénale internationale") that are not forms of speech verbs ("signale").
fn french_body_tail(ctx: &Context, head: usize) -> usize {
    let adjective = |k: usize| {
        let word = ctx.word(k);
        ctx.same_sentence(head, k)
            && ctx.kind(k) == TokenKind::Word
            && !ctx.capitalised(k)
            && word.chars().count() > 4
            && ADJECTIVE_ENDINGS_FR.iter().any(|end| word.ends_with(end))
            && !crate::lexicons::SPEECH_VERBS.single.contains(word)
            && !VERBS_LIKE_ADJECTIVES_FR.contains(word)
    };
    // "Conseil de sécurité", "Cour des comptes", "Bureau d'enquêtes": a complement of one
    // common noun (not an infinitive: "la Commission de vérifier").
    let complement = |k: usize| {
        let noun = ctx.word(k + 1);
        matches!(ctx.word(k), "de" | "des" | "d'" | "du")
            && ctx.same_sentence(head, k + 1)
            && ctx.kind(k + 1) == TokenKind::Word
            && !ctx.capitalised(k + 1)
            && noun.chars().count() > 3
            && !noun.ends_with("er")
            && !noun.ends_with("ir")
            && !stopwords::stop_words(Lang::Fr).contains(noun)
    };
    let mut last = head;
    while last < head + 3 && adjective(last + 1) {
        last += 1;
    }
    if last == head && complement(head + 1) {
        last = head + 2;
        while last < head + 4 && adjective(last + 1) {
            last += 1;
        }
    }
    last
}

/// "OSCE", "U.N.", "KDP": initials name bodies far more often than people or places (not in
/// a headline in capitals, and not a Roman numeral).
fn acronym(doc: &Document, name: &Name) -> Found {
    let first = name.first;
    let initials = name.first == name.last && is_acronym(&name.text) && !roman_numeral(&name.text);
    (initials && !in_headline(doc.ctx, first) && !doc.is_stop(first))
        .then(|| vec![Mention::new(Class::Organization, first, first, name.text.clone(), "entity.acronym")])
}

/// A headline in capitals: only names of the gazetteers count, word by word, since capitals
/// there say nothing about names.
fn headline_words(doc: &Document, name: &Name) -> Found {
    if !name.shouting || name.titled {
        return None;
    }
    let known = |k: usize| lookup(doc.ctx.text_of(k)).map(|(class, canonical)| Mention::new(class, k, k, canonical, "entity.gazetteer"));
    Some((name.first..=name.last).filter_map(known).collect())
}

/// "rue des Capucins", "avenue Wagram": a street word before the name makes it a place.
fn street(doc: &Document, name: &Name) -> Found {
    let ctx = doc.ctx;
    let street = street_before(ctx, name.first)?;
    one(Mention::new(Class::Place, street, name.last, &ctx.text[ctx.start(street)..ctx.end(name.last)], "entity.street"))
}

/// "Tour Eiffel", "Cap Vert", "Théâtre Populaire": a name of two words or more opened by a
/// word for a venue or a feature of the land.
fn venue(doc: &Document, name: &Name) -> Found {
    if name.titled || name.words() < 2 {
        return None;
    }
    let class = venue_class(doc.ctx.word(name.first))?;
    one(Mention::new(class, name.first, name.last, name.text.clone(), "entity.venue_word"))
}

/// A stop word opening a sentence ("Mais", "Since"): capitalised by its place, not a name.
fn sentence_opener(doc: &Document, name: &Name) -> bool {
    doc.ctx.sentence_initial(name.first) && doc.is_stop(name.first)
}

/// Whether the name reads as a thing's: common words the text also writes in lowercase
/// (particles inside a name aside), quotation marks of its own, capitals, a title-cased title,
/// or an article before it ("the Entity List", "la Comédie").
fn thing_like(doc: &Document, name: &Name) -> bool {
    let (ctx, first, last) = (doc.ctx, name.first, name.last);
    let common = (first..=last).any(|k| doc.is_lowercase_elsewhere(k) && !(k > first && k < last && NAME_PARTICLES.contains(ctx.word(k))));
    let determined = first > 0 && ARTICLES.contains(ctx.text_of(first - 1));
    let product_like = (first..=last).any(|k| all_caps(ctx.text_of(k))) && !name.titled || title_cased_title(ctx, first) || determined && !name.titled;
    common || quoted_name(ctx, first, last) || product_like
}

/// A person: a titled name ("Mr. Smith", "le général Chômer"), or two or three capitalised
/// words that read as no thing's name ("Alain Crozier"): in news, most such pairs are people.
fn person(doc: &Document, name: &Name) -> Found {
    let named = (2..=3).contains(&name.words()) && !sentence_opener(doc, name) && !thing_like(doc, name);
    if !name.titled && !named {
        return None;
    }
    let rule = if name.titled { "entity.person_title" } else { "entity.person_name" };
    one(Mention::new(Class::Person, name.first, name.last, name.text.clone(), rule).full_name())
}

/// "Houssin, maire de Monligny", "Smith, president of …", "Hostyn, ex-soldat", "Wolff, 16
/// ans": a title (in French also an occupation or an age) in apposition after a lone name.
fn in_apposition(doc: &Document, name: &Name) -> bool {
    let (ctx, next) = (doc.ctx, name.last + 2);
    let described = PERSON_TITLES.contains(ctx.word(next)) || doc.is_french() && (OCCUPATIONS_FR.contains(ctx.word(next)) || age_after(ctx, next));
    ctx.word(name.last + 1) == "," && ctx.same_sentence(name.last, next) && described
}

/// "MM. Sarrien et Clemenceau", "Bach, Carjol, Vorelli": a name listed right after a person's
/// (among the last facts found).
fn listed_after_person(doc: &Document, name: &Name, facts: &[Fact]) -> bool {
    let (ctx, first) = (doc.ctx, name.first);
    first >= 2
        && matches!(ctx.word(first - 1), "et" | "and" | ",")
        && facts.iter().rev().take(8).any(|f| f.kind == FactKind::Person && f.end == ctx.end(first - 2))
}

/// A lone name that is a person by its company: in apposition with a title, or listed after
/// a person. Not a known surname (the surname rule reads those), nor a sentence opener.
fn person_by_company(doc: &Document, name: &Name, facts: &[Fact]) -> Found {
    if name.words() != 1 || doc.persons.contains_key(&name.text) || sentence_opener(doc, name) || !plausible_single_name(doc.ctx.word(name.first)) {
        return None;
    }
    let rule = if in_apposition(doc, name) {
        "entity.person_apposition"
    } else if listed_after_person(doc, name, facts) {
        "entity.person_coordinated"
    } else {
        return None;
    };
    one(Mention::new(Class::Person, name.first, name.last, name.text.clone(), rule).full_name())
}

/// "Crozier" after "Alain Crozier": a lone word the article used in a person's full name
/// stands for that person (not a stop word, a letter, or a French common noun).
fn surname(doc: &Document, name: &Name) -> Found {
    if name.words() != 1 || name.text.chars().count() < 2 || doc.is_stop(name.first) {
        return None;
    }
    let french_noun = doc.is_french() && french_common_noun(doc.ctx.word(name.first));
    let full = doc.persons.get(&name.text).filter(|_| !french_noun)?;
    one(Mention::new(Class::Person, name.first, name.last, full.clone(), "entity.person_surname"))
}

/// A lone capitalised word mid-sentence (or opening one, when the article also writes it
/// inside sentences) that is neither a known person nor a place: in English newswire, most
/// often a company, club or party. Not a common noun, a nationality, or a speaker.
fn english_single_name(doc: &Document, name: &Name) -> Found {
    let (ctx, first) = (doc.ctx, name.first);
    if name.words() != 1 || ctx.article.lang != Lang::En {
        return None;
    }
    let placed = !ctx.sentence_initial(first) || doc.only_mid_sentence_count(first) >= 1 && !doc.is_stop(first);
    let word = ctx.word(first);
    let named = plausible_single_name(word) && !doc.is_lowercase_elsewhere(first) && !demonym_like(word);
    // A lone capitalised word written once is as often a word of a title, a product or a
    // quote's first word as a body's name: the bodies a story is about come back.
    let recurs = doc.mid_sentence_count(first) >= 2;
    (placed && named && recurs && !followed_by_speech(ctx, name.last))
        .then(|| vec![Mention::new(Class::Organization, first, name.last, name.text.clone(), "entity.single_name")])
}

/// "César entrait": a sentence's first word that the article also capitalises inside
/// sentences (twice at least) is a name, and a lone one in French text most often a person's.
fn french_sentence_initial_name(doc: &Document, name: &Name) -> Found {
    let (ctx, first) = (doc.ctx, name.first);
    if name.words() != 1 || !doc.is_french() || !ctx.sentence_initial(first) || doc.is_stop(first) || doc.is_lowercase_elsewhere(first) {
        return None;
    }
    let word = ctx.word(first);
    let named = plausible_single_name(word) && !french_common_noun(word) && !doc.located.contains(word);
    (named && doc.only_mid_sentence_count(first) >= 1 && doc.mid_sentence_count(first) >= 2)
        .then(|| vec![Mention::new(Class::Person, first, name.last, name.text.clone(), "entity.fr_single_name")])
}

/// A lone capitalised word inside a French sentence, not a stop word nor a word the text also
/// writes in lowercase: what the three rules below classify.
fn french_lone_name(doc: &Document, name: &Name) -> bool {
    let first = name.first;
    name.words() == 1
        && doc.is_french()
        && !doc.ctx.sentence_initial(first)
        && !doc.is_stop(first)
        && !doc.is_lowercase_elsewhere(first)
        && plausible_single_name(doc.ctx.word(first))
}

/// "à Carantec", "la mairie de Tchalou", "Saint-Pol-de-Léon, 24 juillet": a lone French name
/// after a locative (here or elsewhere in the text) or opening a dateline is a place.
fn french_lone_place(doc: &Document, name: &Name) -> Found {
    let (ctx, first) = (doc.ctx, name.first);
    let placed = after_locative(ctx, first) || doc.located.contains(ctx.word(first)) || french_dateline(ctx, name.last);
    (french_lone_name(doc, name) && placed).then(|| vec![Mention::new(Class::Place, first, name.last, name.text.clone(), "entity.fr_locative")])
}

/// "répondit Fragson", "Capella dit", "un collégien nommé Wolff": a lone French name by a
/// verb of speech or naming is a person.
fn french_speaker(doc: &Document, name: &Name) -> Found {
    let speaks = french_lone_name(doc, name) && speaker_context(doc.ctx, name.first, name.last);
    speaks.then(|| vec![Mention::new(Class::Person, name.first, name.last, name.text.clone(), "entity.fr_speaker")])
}

/// A name the article repeats, capitalised, mid-sentence, that no gazetteer knows: in French
/// news and fiction, most often a person's.
fn french_repeated_name(doc: &Document, name: &Name) -> Found {
    let first = name.first;
    let repeated = !line_initial(doc.ctx, first) && doc.mid_sentence_count(first) >= 2 && !french_common_noun(doc.ctx.word(first));
    (french_lone_name(doc, name) && repeated).then(|| vec![Mention::new(Class::Person, first, name.last, name.text.clone(), "entity.fr_single_name")])
}

/// The rules that classify a name, the first that applies deciding.
fn classify(doc: &Document, name: &Name, facts: &[Fact]) -> Found {
    if inside_longer_expansion(doc, name) || lone_title_or_common_acronym(doc, name) || place_adjective(doc, name) {
        return Some(Vec::new());
    }
    dateline(doc, name)
        .or_else(|| sports_team(doc, name))
        .or_else(|| gazetteer(doc, name))
        .or_else(|| french_place_then_word(doc, name))
        .or_else(|| org_name_continued(doc, name))
        .or_else(|| body_then_person(doc, name))
        .or_else(|| org_word(doc, name))
        .or_else(|| acronym(doc, name))
        .or_else(|| headline_words(doc, name))
        .or_else(|| street(doc, name))
        .or_else(|| venue(doc, name))
        .or_else(|| person(doc, name))
        .or_else(|| person_by_company(doc, name, facts))
        .or_else(|| surname(doc, name))
        .or_else(|| english_single_name(doc, name))
        .or_else(|| french_sentence_initial_name(doc, name))
        .or_else(|| french_lone_place(doc, name))
        .or_else(|| french_speaker(doc, name))
        .or_else(|| french_repeated_name(doc, name))
}

/// The names the rules find, appended to `facts`, and what they read of the article.
fn rule_names<'c>(ctx: &'c Context, facts: &mut Vec<Fact>) -> Document<'c> {
    let mut doc = Document::read(ctx, facts);
    for run in runs(ctx) {
        let Some(name) = name_in(&doc, &run) else { continue };
        for mention in classify(&doc, &name, facts).unwrap_or_default() {
            if mention.full_name {
                doc.remember(&mention);
            }
            doc.emit(facts, mention);
        }
    }
    doc
}

/// People, organisations and places: the rules' names joined with the tagger's.
pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let from = facts.len();
    let doc = rule_names(ctx, facts);
    tagged::join(&doc, facts, from);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};

    fn entities(text: &str) -> Vec<(String, &'static str, String)> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        let mut facts = Vec::new();
        rule_names(&ctx, &mut facts);
        facts.iter().map(|f| (text[f.start..f.end].to_string(), f.kind.name(), f.value.as_str().unwrap().to_string())).collect()
    }

    /// Every entity the rules find (dates and acronyms first), without the tagger: text,
    /// kind, value, rule. The join has its own tests (`tagged`).
    fn found(text: &str) -> Vec<(String, &'static str, String, &'static str)> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        let mut facts = Vec::new();
        super::super::dates::extract(&ctx, &mut facts);
        super::super::acronyms::extract(&ctx, &mut facts);
        rule_names(&ctx, &mut facts);
        facts.retain(|f| matches!(f.kind, FactKind::Person | FactKind::Organization | FactKind::Place));
        facts.iter().map(|f| (text[f.start..f.end].to_string(), f.kind.name(), f.value.as_str().unwrap().to_string(), f.rule)).collect()
    }

    /// Checks that `text` yields the entity `span` of `kind`, valued `value`, by `rule`.
    fn assert_finds(text: &str, span: &str, kind: &str, value: &str, rule: &str) {
        let got = found(text);
        assert!(got.iter().any(|(t, k, v, r)| t == span && *k == kind && v == value && *r == rule), "{span} {kind} {value} {rule} not in {got:?}");
    }

    fn spans(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(span, ..)| span).collect()
    }

    #[test]
    fn name_in_cuts_openers_and_titles() {
        let article = Article::analyze("t".into(), "The President Maria Lopez opened the new bridge.".into(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        let doc = Document::read(&ctx, &[]);
        let name = runs(&ctx).iter().find_map(|run| name_in(&doc, run)).unwrap();
        assert_eq!((name.text.as_str(), name.titled, name.shouting), ("Maria Lopez", true, false));
    }

    #[test]
    fn inside_longer_expansion_is_no_name() {
        let got = spans("The start-up sells PaaS (Platform as a Service) tools to banks in Spain.");
        assert!(!got.iter().any(|s| s.contains("Platform") || s.contains("Service")), "{got:?}");
        assert!(got.contains(&"Spain".to_string()), "{got:?}");
    }

    #[test]
    fn lone_title_or_common_acronym_is_no_name() {
        let got = spans("The new CEO told staff that the GPU plant in Ohio would stay open.");
        assert_eq!(got, ["Ohio"]);
    }

    #[test]
    fn place_adjective_is_no_name() {
        let got = spans("A US-based fund bought the mill from its founder last spring.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn dateline_is_the_filing_place() {
        assert_finds("GENEVA 2021-05-04\nThe talks resumed after a long pause.", "GENEVA", "place", "Geneva", "entity.dateline");
    }

    #[test]
    fn sports_team_in_a_results_line() {
        let table = "Results of the day:\nLeeds 3 Hull 1\nYork 0 Derby 2\n";
        assert_finds(table, "Leeds", "organization", "Leeds", "entity.team_in_table");
        // A lone line with numbers is no table: an earnings line, a sentence.
        let lone = "Results of the day:\nLeeds 3 Hull 1\nThe fans went home happy.\n";
        assert!(!found(lone).iter().any(|(.., rule)| *rule == "entity.team_in_table"));
        let earnings = "Acme Corp results:\nRevs 4.2 mln vs 3.9 mln\nShr 12 cts vs 10 cts\nOrders 1,204 vs 987\n";
        assert!(!found(earnings).iter().any(|(.., rule)| *rule == "entity.team_in_table"));
        let french = "Résultats du jour :\nLyon 3 Nantes 1\nLille 0 Metz 2\n";
        assert!(!found(french).iter().any(|(.., rule)| *rule == "entity.team_in_table"));
    }

    #[test]
    fn gazetteer_knows_whole_names() {
        assert_finds("The minister flew to Norway on Friday.", "Norway", "place", "Norway", "entity.gazetteer");
    }

    #[test]
    fn a_lone_function_word_is_no_town() {
        let text = "Sur la colline, trois bergers comptent leurs brebis sur un carnet. Cela prend une heure, et cela les amuse.";
        assert!(spans(text).iter().all(|s| s != "Sur" && s != "Cela"), "{:?}", spans(text));
        assert_finds("Shares of Microsoft rose on Monday.", "Microsoft", "organization", "Microsoft", "entity.gazetteer");
    }

    #[test]
    fn french_place_then_word_keeps_the_place() {
        let text = "Rennes Bouvet : le conseil municipal a voté hier soir le nouveau budget de la ville et des écoles.";
        assert_finds(text, "Rennes", "place", "Rennes", "entity.gazetteer");
        assert!(!spans(text).iter().any(|s| s.contains("Bouvet")));
    }

    #[test]
    fn org_name_continued_with_common_words() {
        let text = "Renault Electric Vans will open a plant, as electric vans sell well.";
        assert_finds(text, "Renault Electric Vans", "organization", "Renault Electric Vans", "entity.org_name_continued");
    }

    #[test]
    fn body_then_person_splits_the_run() {
        let text = "Le patron de Renault Jean Moreau a annoncé la fermeture de l'usine pour la fin de l'année.";
        assert_finds(text, "Renault", "organization", "Renault", "entity.gazetteer");
        assert_finds(text, "Jean Moreau", "person", "Jean Moreau", "entity.person_name");
    }

    #[test]
    fn org_word_makes_an_organisation() {
        assert_finds("Shares of Boreal Mining Corp fell on Monday.", "Boreal Mining Corp", "organization", "Boreal Mining Corp", "entity.org_word");
    }

    #[test]
    fn acronym_names_a_body() {
        assert_finds("Delegates of the WXO met in the capital last week.", "WXO", "organization", "WXO", "entity.acronym");
    }

    #[test]
    fn headline_words_only_from_the_gazetteers() {
        let text = "FLOODS HIT NORWAY AGAIN\nRain fell for days on the coast.";
        assert_finds(text, "NORWAY", "place", "Norway", "entity.gazetteer");
        assert!(!spans(text).iter().any(|s| s.contains("FLOODS")));
    }

    #[test]
    fn street_word_makes_a_place() {
        assert_finds("The bakery on avenue Foch closed its doors.", "avenue Foch", "place", "avenue Foch", "entity.street");
    }

    #[test]
    fn venue_word_opens_a_place_or_a_firm() {
        let text = "Le concert aura lieu au Théâtre Marivaux samedi soir, a indiqué la mairie de la ville.";
        assert_finds(text, "Théâtre Marivaux", "organization", "Théâtre Marivaux", "entity.venue_word");
    }

    #[test]
    fn person_by_title_or_by_two_names() {
        assert_finds("The report was written by Clara Vidal last year.", "Clara Vidal", "person", "Clara Vidal", "entity.person_name");
        assert_finds("The mayor thanked Mr. Okafor for the new library.", "Okafor", "person", "Okafor", "entity.person_title");
    }

    #[test]
    fn thing_like_names_are_not_people() {
        let got = found("The firm added the Entity List to its report on trade.");
        assert!(!got.iter().any(|(_, kind, ..)| *kind == "person"), "{got:?}");
    }

    #[test]
    fn person_by_company_in_apposition_or_a_list() {
        let text = "Hier, Durand, maire de la commune, a reçu M. Roux, Ferrand et Gilles pour parler du nouveau pont.";
        assert_finds(text, "Durand", "person", "Durand", "entity.person_apposition");
        assert_finds(text, "Ferrand", "person", "Ferrand", "entity.person_coordinated");
    }

    #[test]
    fn surname_after_the_full_name() {
        let text = "Clara Vidal wrote the report. Later, the council heard Vidal defend it.";
        assert_finds(text, "Vidal", "person", "Clara Vidal", "entity.person_surname");
    }

    #[test]
    fn english_single_name_is_an_organisation() {
        let text = "Shares in Zentro rose after the deal was signed. Analysts said Zentro would grow.";
        assert_finds(text, "Zentro", "organization", "Zentro", "entity.single_name");
        // Written once, a lone capitalised word may be a title's or a product's: no fact.
        assert!(found("Shares rose after the film Tender opened in May.").is_empty());
    }

    #[test]
    fn french_sentence_initial_name_the_text_repeats() {
        let text = "Mériel entra dans la salle. Puis on vit Mériel sortir, et la foule salua Mériel.";
        let got = found(text);
        assert_eq!(got.first().map(|(t, k, _, r)| (t.as_str(), *k, *r)), Some(("Mériel", "person", "entity.fr_single_name")), "{got:?}");
    }

    #[test]
    fn french_lone_place_after_a_locative() {
        let text = "Le car des écoliers partira vers Brocéliac demain matin, puis reviendra le soir.";
        assert_finds(text, "Brocéliac", "place", "Brocéliac", "entity.fr_locative");
    }

    #[test]
    fn french_speaker_by_a_verb_of_speech() {
        let text = "« Il pleut encore », murmura Tessier en fermant la porte de la cuisine.";
        assert_finds(text, "Tessier", "person", "Tessier", "entity.fr_speaker");
    }

    #[test]
    fn french_repeated_name_is_a_person() {
        let text = "Le soir, les enfants attendaient Vauquelin près du feu. Les voisins aimaient Vauquelin aussi.";
        assert_finds(text, "Vauquelin", "person", "Vauquelin", "entity.fr_single_name");
    }

    fn triples(items: &[(&str, &'static str, &str)]) -> Vec<(String, &'static str, String)> {
        items.iter().map(|(a, b, c)| (a.to_string(), *b, c.to_string())).collect()
    }

    #[test]
    fn names_in_french_news() {
        let got = entities(
            "Comme le rapporte le South China Morning Post, le fondateur de Huawei Ren Zhengfei a parlé aux États-Unis. Plus tard, Ren a quitté la Suède.",
        );
        assert_eq!(
            got,
            triples(&[
                ("South China Morning Post", "organization", "South China Morning Post"),
                ("Huawei", "organization", "Huawei"),
                ("Ren Zhengfei", "person", "Ren Zhengfei"),
                ("États-Unis", "place", "United States"),
                ("Ren", "person", "Ren Zhengfei"),
                ("Suède", "place", "Sweden"),
            ])
        );
    }

    #[test]
    fn english_titles_orgs_and_headlines() {
        let got = entities("SOCCER - JAPAN GET LUCKY WIN. Mr. Smith of Acme Corp met Alain Crozier in Paris.");
        assert_eq!(
            got,
            triples(&[
                ("JAPAN", "place", "Japan"),
                ("Smith", "person", "Smith"),
                ("Acme Corp", "organization", "Acme Corp"),
                ("Alain Crozier", "person", "Alain Crozier"),
                ("Paris", "place", "Paris"),
            ])
        );
    }

    #[test]
    fn a_title_inside_a_run_parts_a_body_from_a_person() {
        let got = entities("Northfield Savings Bank Vice Chairman Paula Derwent said prices would rise. Vice President Alan Brook agreed.");
        let kinds: Vec<(&str, &str)> = got.iter().map(|(t, k, _)| (t.as_str(), *k)).collect();
        assert!(kinds.contains(&("Northfield Savings Bank", "organization")), "{kinds:?}");
        assert!(kinds.contains(&("Paula Derwent", "person")) && kinds.contains(&("Alan Brook", "person")), "{kinds:?}");
        let got = entities("The Northfield Savings and Loan Association Chairman Paula Derwent met Tony Blair and Gordon Brown.");
        let kinds: Vec<(&str, &str)> = got.iter().map(|(t, k, _)| (t.as_str(), *k)).collect();
        assert!(kinds.contains(&("Northfield Savings and Loan Association", "organization")), "{kinds:?}");
        assert!(kinds.contains(&("Tony Blair", "person")) && kinds.contains(&("Gordon Brown", "person")), "{kinds:?}");
        let got = entities("Officials of the Northfield Bank and Southfield Building Society met.");
        assert!(got.iter().all(|(t, _, _)| !t.contains(" and ")), "{got:?}");
        // A title right before a name: a person's, though the first name is also a place's.
        let got = entities("Since President George W Bush came to office, spending rose.");
        assert_eq!(got.iter().map(|(t, k, _)| (t.as_str(), *k)).collect::<Vec<_>>(), [("George W Bush", "person")]);
    }

    #[test]
    fn teams_in_results_lines_are_organisations() {
        let got = entities("Results on Saturday :\nLeeds 2 Bristol City 0\nBOSTON 81 53 .605\nBirmingham v Barnsley\nHe lives in Leeds now.");
        let kinds: Vec<(&str, &str)> = got.iter().map(|(t, k, _)| (t.as_str(), *k)).collect();
        assert!(kinds.contains(&("Leeds", "organization")) && kinds.contains(&("Bristol City", "organization")));
        assert!(kinds.contains(&("BOSTON", "organization")) && kinds.contains(&("Birmingham", "organization")), "{kinds:?}");
        assert!(kinds.contains(&("Barnsley", "organization")), "{kinds:?}");
        assert_eq!(kinds.last(), Some(&("Leeds", "place")));
    }

    #[test]
    fn french_streets_towns_and_titled_names() {
        let got = entities(
            "Il habitait rue des Capucins, puis partit à Carantec. On vit MM. Sarrien et le général Chômer. Carantec est calme, dit Capella, et Capella rit.",
        );
        let kinds: Vec<(&str, &str)> = got.iter().map(|(t, k, _)| (t.as_str(), *k)).collect();
        assert!(kinds.contains(&("rue des Capucins", "place")), "{kinds:?}");
        assert!(kinds.contains(&("Carantec", "place")), "{kinds:?}");
        assert!(kinds.contains(&("Sarrien", "person")) && kinds.contains(&("Chômer", "person")), "{kinds:?}");
        assert!(kinds.contains(&("Capella", "person")), "{kinds:?}");
    }

    #[test]
    fn datelines_are_places() {
        let text = "Yeltsin in hospital - Interfax .\nMOSCOW 1996-08-30\nRussian President Boris Yeltsin visited his wife .\nBONN 1996-08-31\nResults .";
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        let mut facts = Vec::new();
        super::super::dates::extract(&ctx, &mut facts);
        rule_names(&ctx, &mut facts);
        let got: Vec<(String, &str, String)> = facts
            .iter()
            .filter(|f| f.kind != FactKind::Date)
            .map(|f| (text[f.start..f.end].to_string(), f.kind.name(), f.value.as_str().unwrap().to_string()))
            .collect();
        assert!(got.contains(&("MOSCOW".to_string(), "place", "Moscow".to_string())), "{got:?}");
        assert!(got.iter().any(|(text, kind, _)| text == "BONN" && *kind == "place"), "{got:?}");
    }

    #[test]
    fn french_lone_places_by_their_preposition() {
        let text = "Le peloton passe en Argonne puis sur Sochaczew. A Bédée, on attendait. La mairie de Tchalou ferme. Hostyn, ex-soldat, arrive.";
        let got = entities(text);
        for place in ["Argonne", "Sochaczew", "Bédée", "Tchalou"] {
            assert!(got.iter().any(|(t, kind, _)| t == place && *kind == "place"), "{place}: {got:?}");
        }
        assert!(got.iter().any(|(t, kind, _)| t == "Hostyn" && *kind == "person"), "{got:?}");
    }

    #[test]
    fn french_bodies_go_on_over_their_adjectives() {
        let got = entities(
            "Le texte passe devant l'Assemblée nationale puis devant la Cour constitutionnelle. La Commission signale un retard. \
             Le Conseil des ministres se réunit. Le Parti de vérifier rien.",
        );
        let names: Vec<&str> = got.iter().filter(|(_, kind, _)| *kind == "organization").map(|(t, ..)| t.as_str()).collect();
        assert!(names.contains(&"Assemblée nationale") && names.contains(&"Cour constitutionnelle"), "{got:?}");
        assert!(names.contains(&"Conseil des ministres") && names.contains(&"Parti"), "{got:?}");
        assert!(names.contains(&"Commission"), "a speech verb is no adjective: {got:?}");
    }

    #[test]
    fn names_listed_after_a_person() {
        let got = entities("Hier soir, avec M. Lestelly, Carjol, Vorelli et Turcy, la troupe de la ville a joué une pièce devant le public.");
        for name in ["Carjol", "Vorelli", "Turcy"] {
            assert!(got.iter().any(|(t, kind, _)| t == name && *kind == "person"), "{name}: {got:?}");
        }
    }
}
