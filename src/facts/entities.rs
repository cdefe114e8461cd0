//! People, organisations and places: capitalised runs classified by gazetteers (places from
//! CLDR and GeoNames, organisations often in the news), organisation words and legal forms,
//! titles before names, and what the document already said (a surname after the full name).

use super::context::all_caps;
use super::{Context, Fact, FactKind};
use crate::lang::Lang;
use crate::lexicons::{COMMON_ACRONYMS, MONTHS, ORGANIZATIONS, ORG_WORDS, PERSON_TITLES, PLACES};
use crate::tokenize::{stopwords, TokenKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde_json::Value;

const CONNECTORS: [&str; 8] = ["of", "de", "du", "des", "la", "le", "&", "for"];
/// Capitalised words that open sentences or headlines without naming anything.
const NOT_NAMES: [&str; 24] = [
    "the", "a", "an", "in", "on", "at", "for", "but", "and", "as", "if", "so", "this", "that", "these", "it", "le", "la", "les", "en", "pour", "selon",
    "comme", "si",
];

fn is_name_token(ctx: &Context, i: usize) -> bool {
    i < ctx.len()
        && matches!(ctx.kind(i), TokenKind::Word | TokenKind::Abbreviation)
        && ctx.capitalised(i)
        && !ctx.text_of(i).chars().any(|c| c.is_ascii_digit())
}

/// "JAPAN" → "Japan", for gazetteer look-ups in headlines written in capitals.
fn title_case(text: &str) -> String {
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
    const NOT_ORGS: [&str; 14] = ["we", "they", "i", "he", "she", "it", "you", "gmt", "euro", "total", "second", "first", "third", "police"];
    word.chars().count() > 1
        && !NOT_ORGS.contains(&word)
        && !MONTHS.contains_key(word.trim_end_matches('.'))
        && !["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(&word)
}

/// "German", "Iraqi", "Chinese": adjectives of nationality, not names of things.
fn demonym_like(word: &str) -> bool {
    ["an", "ese", "ish", "ch", "i", "ic", "s"].iter().any(|end| word.ends_with(end))
}

/// Where each acronym's long form stands in the text, sorted.
fn acronym_expansions(ctx: &Context, facts: &[Fact]) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Acronym)
        .filter_map(|f| {
            let long = f.attrs.get("long")?.as_str()?;
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
    const PLACES: [&str; 16] = ["cap", "mont", "lac", "île", "ile", "pont", "port", "gare", "tour", "porte", "bois", "forêt", "val", "col", "baie", "golfe"];
    const VENUES: [&str; 14] =
        ["théâtre", "theatre", "café", "hôtel", "hotel", "bal", "cirque", "musée", "salle", "casino", "bazar", "pilules", "grands", "magasins"];
    if PLACES.contains(&word) {
        Some(Class::Place)
    } else if VENUES.contains(&word) {
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

/// A name in a sports results or standings line is a team: "Bury 4 Bristol City 0",
/// "NEW YORK 75 59 .560", "ATLANTA AT CHICAGO", "Birmingham v Barnsley". The name opens the
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

/// Endings of French common nouns and plural demonyms ("Société", "Enseignement",
/// "Allemands"): capitalised, they name institutions, peoples or things, not a person.
fn french_common_noun(word: &str) -> bool {
    const ENDINGS: [&str; 22] = [
        "tion", "sion", "ment", "ture", "ité", "ence", "ance", "isme", "eur", "oire", "aire", "ique", "ège", "ale", "elle", "ais", "ois", "ands", "iens",
        "ains", "ées", "ets",
    ];
    // Nouns that newspapers capitalise for institutions, events and columns ("le Prix", "la
    // Caisse", "l'Ordre", "la Vente"): lowercase forms here, as `ctx.word` gives them.
    const NOUNS: [&str; 52] = [
        "prix",
        "courant",
        "caisse",
        "trot",
        "ordre",
        "légion",
        "école",
        "ecole",
        "société",
        "centre",
        "mise",
        "bibliothèque",
        "états",
        "état",
        "bloc",
        "maison",
        "examen",
        "café",
        "entente",
        "oui",
        "non",
        "vente",
        "maux",
        "conseil",
        "cour",
        "union",
        "comité",
        "ville",
        "chambre",
        "banque",
        "bourse",
        "compagnie",
        "syndicat",
        "parti",
        "ministère",
        "loi",
        "journal",
        "revue",
        "église",
        "collège",
        "lycée",
        "musée",
        "hôpital",
        "tribunal",
        "poste",
        "marché",
        "foire",
        "fête",
        "concours",
        "coupe",
        "nord",
        "ouest",
    ];
    NOUNS.contains(&word) || word.chars().count() > 3 && ENDINGS.iter().any(|end| word.ends_with(end)) || word.ends_with("es") && word.chars().count() > 5
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
    } else if matches!(ctx.word(k), "de" | "d'" | "du") && k > 0 {
        k -= 1; // the particle of "M. de Lanessan"
    }
    is_title(k)
}

/// Particles inside names ("Louis Le Hérissé", "Ludwig van Beethoven"): lowercase elsewhere
/// in the text, they do not make a name a run of common words.
const PARTICLES: [&str; 12] = ["le", "la", "de", "du", "des", "van", "von", "der", "di", "da", "del", "ben"];

/// Street words: "rue des Capucins", "avenue Wagram", "quai Fosse" are places.
const STREETS: [&str; 12] = ["rue", "avenue", "boulevard", "quai", "place", "impasse", "faubourg", "cours", "allée", "chaussée", "street", "avenue"];

/// The street word opening a place name before token `first` ("rue des" + "Capucins"), if any.
fn street_before(ctx: &Context, first: usize) -> Option<usize> {
    let mut k = first.checked_sub(1)?;
    if matches!(ctx.word(k), "de" | "des" | "du" | "d'" | "de la") && k > 0 {
        k -= 1;
    }
    (STREETS.contains(&ctx.word(k)) && ctx.same_sentence(k, first) && !ctx.capitalised(k)).then_some(k)
}

/// French locative prepositions before a lone name: "à Dinan", "A Bédée" (old type sets "À"
/// without its accent), "en Argonne", "sur Sochaczew", "près de Roscoff", "la mairie de
/// Tchalou", "au sud de Malogostcha".
fn after_locative(ctx: &Context, first: usize) -> bool {
    const PLACE_NOUNS: [&str; 24] = [
        "près",
        "environs",
        "région",
        "sortie",
        "côté",
        "commune",
        "ville",
        "village",
        "mairie",
        "route",
        "port",
        "gare",
        "bourg",
        "canton",
        "département",
        "arrondissement",
        "habitants",
        "sud",
        "nord",
        "est",
        "ouest",
        "rade",
        "baie",
        "maire",
    ];
    let before = |n: usize| first.checked_sub(n).map(|k| ctx.word(k)).unwrap_or("");
    let capital_a = first > 0 && ctx.text_of(first - 1) == "A" && ctx.sentence_initial(first - 1);
    matches!(before(1), "à" | "vers" | "depuis" | "jusqu'à" | "en" | "sur")
        || capital_a
        || (matches!(before(1), "de" | "d'") && PLACE_NOUNS.contains(&before(2)))
}

/// A French dateline: "Saint-Pol-de-Léon, 24 juillet." — a name, a comma, a day and a month.
fn french_dateline(ctx: &Context, last: usize) -> bool {
    ctx.word(last + 1) == "," && ctx.integer(last + 2).is_some_and(|d| (1..=31).contains(&d)) && MONTHS.contains_key(ctx.word(last + 3))
}

/// Words after which a lone French name is who speaks or who is named: "répondit Fragson",
/// "Capella dit", "conclut Gaugeard", "un collégien nommé Wolff".
fn speaker_context(ctx: &Context, first: usize, last: usize) -> bool {
    const VERBS: [&str; 13] =
        ["dit", "répondit", "reprit", "demanda", "s'écria", "murmura", "ajouta", "répliqua", "fit", "cria", "conclut", "nommé", "dénommé"];
    first > 0 && VERBS.contains(&ctx.word(first - 1)) || VERBS.contains(&ctx.word(last + 1))
}

/// Occupations and kin a French name is put in apposition with: "Hostyn, ex-soldat au 2e",
/// "Yendt, commissaire de police", "Hermance, veuve Martin".
const OCCUPATIONS: [&str; 44] = [
    "ex-soldat",
    "commissaire",
    "cultivateur",
    "cultivatrice",
    "ouvrier",
    "ouvrière",
    "négociant",
    "employé",
    "employée",
    "journalier",
    "marchand",
    "marchande",
    "domestique",
    "boulanger",
    "cordonnier",
    "propriétaire",
    "rentier",
    "notaire",
    "instituteur",
    "institutrice",
    "ingénieur",
    "médecin",
    "pharmacien",
    "menuisier",
    "maçon",
    "charpentier",
    "mécanicien",
    "chauffeur",
    "cocher",
    "épouse",
    "née",
    "âgé",
    "âgée",
    "ancien",
    "ancienne",
    "agent",
    "gendarme",
    "brigadier",
    "marin",
    "matelot",
    "pêcheur",
    "facteur",
    "élève",
    "étudiant",
];

/// An age after a comma: "Hermance, trente-cinq ans", "Wolff, 16 ans".
fn age_after(ctx: &Context, k: usize) -> bool {
    let count = ctx.kind(k) == TokenKind::Number || crate::lexicons::NUMBER_WORDS.contains_key(ctx.word(k).split('-').next().unwrap_or(""));
    count && ctx.word(k + 1) == "ans"
}

/// "Clinton said": who speaks is a person.
fn followed_by_speech(ctx: &Context, i: usize) -> bool {
    matches!(ctx.word(i + 1), "said" | "says" | "told" | "added" | "dit" | "a" | "has" | "had" | "was" | "is")
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
            } else if CONNECTORS.contains(&ctx.word(last + 1))
                && is_name_token(ctx, last + 2)
                && ctx.same_sentence(i, last + 2)
                && ORG_WORDS.contains(&ctx.word(last).to_string())
            {
                // "Bank of England", "Organisation des Nations unies"; not "Smith of Acme".
                last += 2;
            } else {
                break;
            }
        }
        out.push(Run { first: i, last });
        i = last + 1;
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Person,
    Organization,
    Place,
}

fn lookup(text: &str) -> Option<(Class, &'static str)> {
    // "New-York", "San-Francisco": older French spelling joins the words of a name.
    let variants = [text.to_string(), title_case(text), text.replace('-', " ")];
    for v in &variants {
        if let Some(&canonical) = ORGANIZATIONS.get(v.as_str()) {
            return Some((Class::Organization, canonical));
        }
        if let Some(&canonical) = PLACES.get(v.as_str()) {
            return Some((Class::Place, canonical));
        }
    }
    None
}

pub fn extract(ctx: &Context, facts: &mut Vec<Fact>) {
    let stop = stopwords::stop_words(Lang::Und);
    // Words the document also writes in lowercase are common nouns ("cloud" in "Cloud Tech"):
    // names made of them are not people's.
    let lowercase_words: HashSet<&str> = (0..ctx.len()).filter(|&k| ctx.kind(k) == TokenKind::Word && !ctx.capitalised(k)).map(|k| ctx.word(k)).collect();
    // How often each word stands capitalised inside a sentence: names recur, typos do not.
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
    // Lone names the article puts after a locative preposition somewhere ("à Carantec"): places
    // wherever they stand.
    let located: HashSet<&str> = if ctx.article.lang == Lang::Fr {
        (1..ctx.len())
            .filter(|&k| ctx.kind(k) == TokenKind::Word && ctx.capitalised(k) && after_locative(ctx, k) && !is_name_token(ctx, k + 1))
            .map(|k| ctx.word(k))
            .collect()
    } else {
        Default::default()
    };
    let mut persons: HashMap<String, String> = HashMap::default(); // surname → full name
    let dates = super::spans_of(facts, FactKind::Date);
    let expansions = acronym_expansions(ctx, facts);
    let emit = |facts: &mut Vec<Fact>, class: Class, first: usize, last: usize, value: String, rule: &'static str| {
        let (start, end) = (ctx.start(first), ctx.end(last));
        if super::overlaps(&dates, start, end) {
            return;
        }
        let kind = match class {
            Class::Person => FactKind::Person,
            Class::Organization => FactKind::Organization,
            Class::Place => FactKind::Place,
        };
        facts.push(Fact::new(kind, start, end, Value::String(value), rule));
    };
    for run in runs(ctx) {
        let mut first = run.first;
        let last = run.last;
        // Sentence openers ("The", "Selon") and headline capitals are not names by themselves.
        while first <= last && (ctx.sentence_initial(first) || first == run.first) && NOT_NAMES.contains(&ctx.word(first)) {
            first += 1;
        }
        // Titles open a person's name: "Mr. Smith", "President Macron".
        let mut titled = title_before(ctx, first);
        while first < last && PERSON_TITLES.contains(ctx.word(first).trim_end_matches('.')) {
            first += 1;
            titled = true;
        }
        if first > last {
            continue;
        }
        // "M. Cette", "M. X": a title before a function word or a lone letter names no one.
        if titled && first == last && (stop.contains(ctx.word(first)) || ctx.text_of(first).chars().count() < 2) {
            continue;
        }
        let text = ctx.text[ctx.start(first)..ctx.end(last)].to_string();
        let shouting = all_caps(&text);
        let (start, end) = (ctx.start(first), ctx.end(last));
        // Words of an acronym's expansion ("Infrastructure" in "IaaS (Infrastructure as a
        // Service)") are not names unless they are the whole expansion ("South China Morning Post").
        if inside_expansion(&expansions, start, end) && lookup(&text).is_none() {
            continue;
        }
        // Titles and initialisms of common nouns ("CEO", "PDG", "AI", "CPU") name no one.
        if first == last && (PERSON_TITLES.contains(ctx.word(first).trim_end_matches('.')) || COMMON_ACRONYMS.contains(ctx.word(first))) {
            continue;
        }
        // "US-based", "US-China": adjectives made of place names.
        if first == last && place_compound(ctx.text_of(first)) {
            continue;
        }
        // A dateline: "MOSCOW 1996-08-30", "WASHINGTON, Aug. 30": the place the story is filed from.
        let date_next = |k: usize| k < ctx.len() && dates.binary_search_by(|&(s, _)| s.cmp(&ctx.start(k))).is_ok();
        let opens = line_initial(ctx, first) || ctx.sentence_initial(first);
        if !titled && opens && (date_next(last + 1) || ctx.word(last + 1) == "," && date_next(last + 2)) && same_line(ctx, last, last + 1) {
            let value = lookup(&text).map_or_else(|| title_case(&text), |(_, canonical)| canonical.to_string());
            emit(facts, Class::Place, first, last, value, "entity.dateline");
            continue;
        }
        let words_ok = !(first == last && stop.contains(ctx.word(first))) && text.chars().filter(|c| c.is_alphabetic()).count() >= 3;
        if !titled && words_ok && team_in_table(ctx, first, last) && !MONTHS.contains_key(ctx.word(first).trim_end_matches('.')) {
            emit(facts, Class::Organization, first, last, lookup(&text).map_or(text.clone(), |(_, c)| c.to_string()), "entity.team_in_table");
            continue;
        }
        if let Some((class, canonical)) = lookup(&text) {
            emit(facts, class, first, last, canonical.to_string(), "entity.gazetteer");
            continue;
        }
        // An organisation or place, then a person: "Huawei Ren Zhengfei".
        if last > first {
            if let Some((class, canonical)) = lookup(ctx.text_of(first)) {
                let rest = first + 1;
                if rest == last && !titled && ctx.article.lang == Lang::Fr && class == Class::Place {
                    // "Cahors Sauvy", "Lorient Dans": in French, a place then one word is two
                    // things run together (a column or a dateline), not one name.
                    emit(facts, class, first, first, canonical.to_string(), "entity.gazetteer");
                    continue;
                }
                let rest_common = (rest..=last).any(|k| lowercase_words.contains(ctx.word(k)));
                if rest_common && !shouting {
                    // "Huawei Cloud Tech": the company's name goes on with common words.
                    emit(facts, Class::Organization, first, last, text.clone(), "entity.org_name_continued");
                    continue;
                }
                if last - rest >= 1 && lookup(&ctx.text[ctx.start(rest)..ctx.end(last)]).is_none() && !shouting {
                    emit(facts, class, first, first, canonical.to_string(), "entity.gazetteer");
                    let name = ctx.text[ctx.start(rest)..ctx.end(last)].to_string();
                    persons.insert(ctx.text_of(last).to_string(), name.clone());
                    persons.entry(ctx.text_of(rest).to_string()).or_insert_with(|| name.clone());
                    emit(facts, Class::Person, rest, last, name, "entity.person_name");
                    continue;
                }
            }
        }
        // A function word opening the run never makes it an organisation ("Et", "Sa" open
        // sentences; legal forms like "SA", "AS" count at the end of a name).
        let org_word =
            (first..=last).any(|k| !(k == first && stop.contains(ctx.word(k))) && ORG_WORDS.contains(&ctx.word(k).trim_end_matches('.').to_string()));
        let org_start = ORGANIZATIONS.contains_key(ctx.text_of(first)) && last > first;
        if org_word || org_start {
            if !(shouting && last == first) {
                emit(facts, Class::Organization, first, last, text.clone(), "entity.org_word");
            }
            continue;
        }
        if first == last && is_acronym(&text) && !in_headline(ctx, first) && !stop.contains(ctx.word(first)) && !roman_numeral(&text) {
            // "OSCE", "U.N.", "KDP": initials name bodies far more often than people or places.
            emit(facts, Class::Organization, first, last, text.clone(), "entity.acronym");
            continue;
        }
        if shouting && !titled {
            // A headline in capitals: only names of the gazetteers count, word by word.
            for k in first..=last {
                if let Some((class, canonical)) = lookup(ctx.text_of(k)) {
                    emit(facts, class, k, k, canonical.to_string(), "entity.gazetteer");
                }
            }
            continue;
        }
        if let Some(street) = street_before(ctx, first) {
            emit(facts, Class::Place, street, last, ctx.text[ctx.start(street)..ctx.end(last)].to_string(), "entity.street");
            continue;
        }
        let words = last - first + 1;
        let sentence_opener = ctx.sentence_initial(first) && stop.contains(ctx.word(first));
        let common = (first..=last).any(|k| lowercase_words.contains(ctx.word(k)) && !(k > first && k < last && PARTICLES.contains(&ctx.word(k))));
        // "the Entity List", "la Comédie": a determiner before the name makes it a thing's.
        let determined = first > 0 && matches!(ctx.text_of(first - 1), "the" | "a" | "an" | "le" | "la" | "les" | "un" | "une");
        let product_like = (first..=last).any(|k| all_caps(ctx.text_of(k))) && !titled || title_cased_title(ctx, first) || determined && !titled;
        // "Tour Eiffel", "Cap Vert", "Théâtre Populaire": a venue or a feature of the land.
        if !titled && words >= 2 {
            if let Some(class) = venue_class(ctx.word(first)) {
                emit(facts, class, first, last, text.clone(), "entity.venue_word");
                continue;
            }
        }
        if titled || (2..=3).contains(&words) && !sentence_opener && !common && !quoted_name(ctx, first, last) && !product_like {
            // Later mentions may use either part: "Crozier", or "Ren" (family name first).
            persons.insert(ctx.text_of(last).to_string(), text.clone());
            if words > 1 {
                persons.entry(ctx.text_of(first).to_string()).or_insert_with(|| text.clone());
            }
            emit(facts, Class::Person, first, last, text, if titled { "entity.person_title" } else { "entity.person_name" });
            continue;
        }
        // "Houssin, maire de Monligny", "Smith, president of …": a title in apposition; and
        // "MM. Sarrien et Clemenceau": a name joined to a person's.
        let apposition = ctx.word(last + 1) == ","
            && ctx.same_sentence(last, last + 2)
            && (PERSON_TITLES.contains(ctx.word(last + 2))
                || ctx.article.lang == Lang::Fr && (OCCUPATIONS.contains(&ctx.word(last + 2)) || age_after(ctx, last + 2)));
        // "MM. Sarrien et Clemenceau", "Bach, Carjol, Vorelli": a name listed after a person's.
        let coordinated = first >= 2
            && matches!(ctx.word(first - 1), "et" | "and" | ",")
            && facts.iter().rev().take(8).any(|f| f.kind == FactKind::Person && f.end == ctx.end(first - 2));
        if words == 1 && (apposition || coordinated) && !persons.contains_key(&text) && !sentence_opener && plausible_single_name(ctx.word(first)) {
            persons.insert(text.clone(), text.clone());
            emit(facts, Class::Person, first, last, text, if apposition { "entity.person_apposition" } else { "entity.person_coordinated" });
            continue;
        }
        if words == 1 {
            let french_noun = ctx.article.lang == Lang::Fr && french_common_noun(ctx.word(first));
            if let Some(full) = persons.get(&text).filter(|_| text.chars().count() > 1 && !stop.contains(ctx.word(first)) && !french_noun) {
                emit(facts, Class::Person, first, last, full.clone(), "entity.person_surname");
            } else if ctx.article.lang == Lang::En
                && (!ctx.sentence_initial(first) || only_mid_sentence.get(ctx.word(first)).copied().unwrap_or(0) >= 1 && !stop.contains(ctx.word(first)))
                && plausible_single_name(ctx.word(first))
                && !lowercase_words.contains(ctx.word(first))
                && !demonym_like(ctx.word(first))
                && !followed_by_speech(ctx, last)
            {
                // A lone capitalised word mid-sentence that is neither a known person nor a
                // place: in English newswire, most often a company, club or party.
                emit(facts, Class::Organization, first, last, text.clone(), "entity.single_name");
            } else if ctx.article.lang == Lang::Fr
                && ctx.sentence_initial(first)
                && !stop.contains(ctx.word(first))
                && !lowercase_words.contains(ctx.word(first))
                && plausible_single_name(ctx.word(first))
                && !french_common_noun(ctx.word(first))
                && !located.contains(ctx.word(first))
                && only_mid_sentence.get(ctx.word(first)).copied().unwrap_or(0) >= 1
                && capitalised_mid_sentence.get(ctx.word(first)).copied().unwrap_or(0) >= 2
            {
                // "César entrait": a sentence's first word that the article also capitalises
                // inside sentences is a name, and a lone one in French text most often a person's.
                emit(facts, Class::Person, first, last, text.clone(), "entity.fr_single_name");
            } else if ctx.article.lang == Lang::Fr
                && !ctx.sentence_initial(first)
                && !stop.contains(ctx.word(first))
                && !lowercase_words.contains(ctx.word(first))
                && plausible_single_name(ctx.word(first))
            {
                if after_locative(ctx, first) || located.contains(ctx.word(first)) || french_dateline(ctx, last) {
                    emit(facts, Class::Place, first, last, text.clone(), "entity.fr_locative");
                } else if speaker_context(ctx, first, last) {
                    emit(facts, Class::Person, first, last, text.clone(), "entity.fr_speaker");
                } else if !line_initial(ctx, first)
                    && capitalised_mid_sentence.get(ctx.word(first)).copied().unwrap_or(0) >= 2
                    && !french_common_noun(ctx.word(first))
                {
                    // A name the article repeats, capitalised, mid-sentence, that no gazetteer
                    // knows: in French news and fiction, most often a person's.
                    emit(facts, Class::Person, first, last, text.clone(), "entity.fr_single_name");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};

    fn entities(text: &str) -> Vec<(String, &'static str, String)> {
        let article = Article::analyze("t".into(), text.to_string(), Given::default()).unwrap();
        let ctx = Context::new(&article);
        let mut facts = Vec::new();
        extract(&ctx, &mut facts);
        facts.iter().map(|f| (text[f.start..f.end].to_string(), f.kind.name(), f.value.as_str().unwrap().to_string())).collect()
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
    fn teams_in_results_lines_are_organisations() {
        let got = entities("Results on Saturday :\nLeeds 2 Bristol City 0\nNEW YORK 75 59 .560\nBirmingham v Barnsley\nHe lives in Leeds now.");
        let kinds: Vec<(&str, &str)> = got.iter().map(|(t, k, _)| (t.as_str(), *k)).collect();
        assert!(kinds.contains(&("Leeds", "organization")) && kinds.contains(&("Bristol City", "organization")));
        assert!(kinds.contains(&("NEW YORK", "organization")) && kinds.contains(&("Birmingham", "organization")), "{kinds:?}");
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
        extract(&ctx, &mut facts);
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
    fn names_listed_after_a_person() {
        let got = entities("Hier soir, avec M. Lestelly, Carjol, Vorelli et Turcy, la troupe de la ville a joué une pièce devant le public.");
        for name in ["Carjol", "Vorelli", "Turcy"] {
            assert!(got.iter().any(|(t, kind, _)| t == name && *kind == "person"), "{name}: {got:?}");
        }
    }
}
