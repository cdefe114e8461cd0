//! Features: what the tagger knows of each token, hashed into a fixed number of buckets.
//!
//! Each token gets `TEMPLATE_COUNT` features, one per template (its form, its shape, its
//! neighbours' forms, lexicon hits, ...); a feature is the hash of (template, value) reduced to
//! a bucket index. Strings are hashed where they lie, through two reused buffers: no
//! allocation per token once the buffers have grown.

use super::clusters::{coarse, fine, Clusters, CLUSTERS};
use super::gazetteer::{token_key, GAZETTEER, MAX_NAME_TOKENS};
use super::hash::{hash_bytes, mix};
use super::word_cache::WordCache;
use crate::lang::Lang;
use crate::tokenize::Tokens;

/// How many features each token has (at most 258: their i8 weights are summed in i16).
pub const TEMPLATE_COUNT: usize = 42;

/// The value of a neighbour beyond the sentence.
const BOUNDARY: u64 = 0x0B0B_0B0B_0B0B_0B0B;
const AFFIX_LENGTHS: usize = 4;

/// Capitalisation of a token.
const LOWER: u8 = 0;
const CAPITALISED: u8 = 1;
const ALL_CAPS: u8 = 2;
const NO_LETTER: u8 = 3;

/// What the templates read of one token, computed once per token.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokenInfo {
    form: u64,
    lower: u64,
    /// The lowercase form without a final period, as the gazetteer keys words.
    key: u64,
    shape: u64,
    short_shape: u64,
    prefixes: [u64; AFFIX_LENGTHS],
    suffixes: [u64; AFFIX_LENGTHS],
    kind: u8,
    case: u8,
    word_flags: u16,
    /// Part of a known place name (0 none, 1 begin, 2 inside, 3 last, 4 unit).
    place_part: u8,
    organization_part: u8,
    opening_quote: bool,
    /// How the rest of the document writes the word: in lowercase somewhere (1), capitalised
    /// inside a sentence somewhere (2). Names keep their capitals; common words do not.
    elsewhere: u8,
    /// The word's English clusters (`clusters`).
    clusters: Clusters,
}

impl TokenInfo {
    /// The hash of the token's bytes.
    pub fn form(&self) -> u64 {
        self.form
    }
}

/// Buffers reused from one text to the next.
#[derive(Default)]
pub struct Scratch {
    lower: String,
    shape: String,
    short_shape: String,
    pub(crate) infos: Vec<TokenInfo>,
    /// Words are read once: most tokens of news are words seen before ("the", "de",
    /// "said"), and what the templates read of a word depends on the word alone.
    words: WordCache<TokenInfo>,
    lowercase_words: rustc_hash::FxHashSet<u64>,
    capitalised_words: rustc_hash::FxHashSet<u64>,
}

/// `text` lowercase into `out`, apostrophes as `'` (the form features and gazetteer keys use).
pub(super) fn push_lower(text: &str, out: &mut String) {
    out.clear();
    for c in text.chars() {
        match c {
            '\u{2019}' | '\u{02bc}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The class of a character in a shape: X, x, d, itself (ASCII punctuation), a (other letters), o.
#[inline]
fn shape_class(c: char) -> char {
    if c.is_ascii() {
        match c {
            'A'..='Z' => 'X',
            'a'..='z' => 'x',
            '0'..='9' => 'd',
            c => c,
        }
    } else if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        'o'
    }
}

/// Shapes and case of a token in one pass: "Xxxx", "dd", "X.X." (runs of one class cut at
/// four) into `shape`, one of each run into `short`.
fn read_shape(text: &str, shape: &mut String, short: &mut String) -> u8 {
    shape.clear();
    short.clear();
    let (mut previous, mut run) = ('\0', 0);
    let (mut letters, mut upper, mut first_upper) = (0, 0, None);
    for (n, c) in text.chars().enumerate() {
        let class = shape_class(c);
        if matches!(class, 'X' | 'x' | 'a') {
            letters += 1;
            upper += (class == 'X') as usize;
            first_upper.get_or_insert(class == 'X');
        }
        if n >= 24 {
            continue;
        }
        run = if class == previous { run + 1 } else { 1 };
        previous = class;
        if run <= 4 {
            shape.push(class);
        }
        if run == 1 {
            short.push(class);
        }
    }
    match first_upper {
        None => NO_LETTER,
        Some(false) => LOWER,
        Some(true) if letters >= 2 && upper == letters => ALL_CAPS,
        Some(true) => CAPITALISED,
    }
}

fn is_opening_quote(text: &str, token_start: usize, token: &str) -> bool {
    match token {
        "«" | "“" | "„" | "‹" => true,
        "\"" | "'" | "‘" => text[..token_start].chars().next_back().is_none_or(|c| c.is_whitespace() || c == '(' || c == '['),
        _ => false,
    }
}

/// Byte index after the first `n` chars of `s` (all of `s` when shorter).
fn after_chars(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Byte index before the last `n` chars of `s` (0 when shorter).
fn before_last_chars(s: &str, n: usize) -> usize {
    s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i)
}

impl Scratch {
    /// Fill `infos` for the tokens of `text`. Token spans must be valid char ranges of `text`
    /// and sentence ids non-decreasing (the caller checks).
    pub fn read_tokens(&mut self, text: &str, tokens: &Tokens) {
        self.infos.clear();
        for i in 0..tokens.len() {
            let (start, end) = (tokens.start[i] as usize, tokens.end[i] as usize);
            let token = &text[start..end];
            let hash = hash_bytes(token.as_bytes());
            let mut info = match self.words.get(token, hash) {
                Some(info) => *info,
                None => {
                    let info = self.read_word(token, hash);
                    self.words.put(token, hash, info);
                    info
                }
            };
            info.kind = tokens.kind[i] as u8;
            info.opening_quote = is_opening_quote(text, start, token);
            self.infos.push(info);
        }
        self.mark_elsewhere(tokens);
        self.mark_names(tokens);
    }

    /// How the document writes each word elsewhere (`TokenInfo::elsewhere`).
    fn mark_elsewhere(&mut self, tokens: &Tokens) {
        self.lowercase_words.clear();
        self.capitalised_words.clear();
        for (i, info) in self.infos.iter().enumerate() {
            let opens = i == 0 || tokens.sentence[i] != tokens.sentence[i - 1] || self.infos[i - 1].opening_quote;
            match info.case {
                LOWER => {
                    self.lowercase_words.insert(info.lower);
                }
                CAPITALISED if !opens => {
                    self.capitalised_words.insert(info.lower);
                }
                _ => {}
            }
        }
        for info in &mut self.infos {
            info.elsewhere = self.lowercase_words.contains(&info.lower) as u8 | (self.capitalised_words.contains(&info.lower) as u8) << 1;
        }
    }

    /// What the templates read of a word whatever its place: forms, shapes, affixes, lexicon
    /// hits. `hash` is the hash of its bytes.
    fn read_word(&mut self, token: &str, hash: u64) -> TokenInfo {
        push_lower(token, &mut self.lower);
        let lower = self.lower.as_str();
        let lower_hash = if token == lower { hash } else { hash_bytes(lower.as_bytes()) };
        let case = read_shape(token, &mut self.shape, &mut self.short_shape);
        let mut info = TokenInfo {
            form: hash,
            lower: lower_hash,
            key: if lower.ends_with('.') { token_key(lower) } else { lower_hash },
            shape: hash_bytes(self.shape.as_bytes()),
            short_shape: hash_bytes(self.short_shape.as_bytes()),
            case,
            ..TokenInfo::default()
        };
        for n in 1..=AFFIX_LENGTHS {
            info.prefixes[n - 1] = hash_bytes(&lower.as_bytes()[..after_chars(lower, n)]);
            info.suffixes[n - 1] = hash_bytes(&lower.as_bytes()[before_last_chars(lower, n)..]);
        }
        info.word_flags = GAZETTEER.word_flags(info.key);
        info.clusters = CLUSTERS.english(hash, lower_hash);
        info
    }

    /// Known names, longest first, never across a sentence end.
    fn mark_names(&mut self, tokens: &Tokens) {
        let gazetteer = &*GAZETTEER;
        let mut keys = [0u64; MAX_NAME_TOKENS];
        let mut i = 0;
        while i < self.infos.len() {
            if !matches!(self.infos[i].case, CAPITALISED | ALL_CAPS) {
                i += 1;
                continue;
            }
            let mut n = 0;
            while n < MAX_NAME_TOKENS && i + n < self.infos.len() && tokens.sentence[i + n] == tokens.sentence[i] {
                keys[n] = self.infos[i + n].key;
                n += 1;
            }
            match gazetteer.longest_name(&keys[..n]) {
                Some((length, is_place)) => {
                    for k in 0..length {
                        let part = if length == 1 {
                            4
                        } else if k == 0 {
                            1
                        } else if k + 1 == length {
                            3
                        } else {
                            2
                        };
                        let info = &mut self.infos[i + k];
                        if is_place {
                            info.place_part = part;
                        } else {
                            info.organization_part = part;
                        }
                    }
                    i += length;
                }
                None => i += 1,
            }
        }
    }
}

/// Whether a sentence is written in capitals (a headline): most of its words are.
fn shouting(infos: &[TokenInfo]) -> bool {
    let words = infos.iter().filter(|t| t.case != NO_LETTER).count();
    let caps = infos.iter().filter(|t| t.case == ALL_CAPS).count();
    words >= 2 && caps * 4 >= words * 3
}

/// The templates that read a token's word alone (and the article's language): the same for
/// every occurrence of the word, so tagging sums their weights once per word (`emissions`).
pub const WORD_TEMPLATES: [usize; 19] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 26, 31, 32, 37, 38, 41];
/// The neighbours the templates read, as offsets from the token.
pub const NEIGHBOUR_OFFSETS: [isize; 4] = [-2, -1, 1, 2];
/// The templates that read the word of the neighbour at each offset (`NEIGHBOUR_OFFSETS`):
/// its lowercase form, short shape, lexicon flags and fine cluster, the first two only at ±2.
pub const NEIGHBOUR_TEMPLATES: [&[usize]; 4] = [&[14, 18], &[13, 17, 27, 39], &[15, 19, 28, 40], &[16, 20]];
/// The templates that read the token in its sentence (pairs of words, place, case around it).
pub const CONTEXT_TEMPLATES: [usize; 11] = [21, 22, 23, 24, 25, 29, 30, 33, 34, 35, 36];

/// What the templates know of the language: its code, and whether words have clusters
/// (English only, `clusters`; a French word's cluster is the constant 0).
#[derive(Clone, Copy)]
struct Language {
    code: u64,
    english: bool,
}

impl Language {
    fn of(lang: Lang) -> Language {
        Language { code: lang as u64 + 1, english: lang != Lang::Fr }
    }

    fn cluster(self, t: &TokenInfo, grain: fn(Clusters) -> u64) -> u64 {
        if self.english {
            grain(t.clusters)
        } else {
            0
        }
    }
}

/// The values of `WORD_TEMPLATES` for a word.
pub fn word_values(t: &TokenInfo, lang: Lang) -> [u64; WORD_TEMPLATES.len()] {
    let language = Language::of(lang);
    let coarse_cluster = language.cluster(t, coarse);
    #[rustfmt::skip]
    let values = [
        0, t.form, t.lower, t.shape, t.short_shape,
        t.prefixes[0], t.prefixes[1], t.prefixes[2], t.prefixes[3],
        t.suffixes[0], t.suffixes[1], t.suffixes[2], t.suffixes[3],
        t.word_flags as u64, mix(language.code, t.shape), language.code,
        language.cluster(t, fine), coarse_cluster, mix(coarse_cluster, t.case as u64),
    ];
    values
}

/// The values of a neighbour's templates (`NEIGHBOUR_TEMPLATES`, in their order), `None`
/// beyond the sentence.
pub fn neighbour_values(t: Option<&TokenInfo>, lang: Lang) -> [u64; 4] {
    match t {
        Some(t) => [t.lower, t.short_shape, t.word_flags as u64, Language::of(lang).cluster(t, fine)],
        None => [BOUNDARY, BOUNDARY, 0xFFFF, BOUNDARY],
    }
}

/// The values of `CONTEXT_TEMPLATES` for token `index` of `sentence`; `loud`: whether the
/// sentence is written in capitals (`shouting`).
fn context_values(sentence: &[TokenInfo], index: usize, loud: bool) -> [u64; CONTEXT_TEMPLATES.len()] {
    let t = &sentence[index];
    let at = |offset: isize| index.checked_add_signed(offset).and_then(|i| sentence.get(i));
    let lower_at = |offset| at(offset).map_or(BOUNDARY, |t| t.lower);
    let shape_at = |offset| at(offset).map_or(BOUNDARY, |t| t.short_shape);
    let case_at = |offset| at(offset).map_or(9, |t| t.case as u64);
    [
        mix(lower_at(-1), t.lower),
        mix(t.lower, lower_at(1)),
        mix(mix(shape_at(-1), t.short_shape), shape_at(1)),
        mix((index == 0) as u64, t.shape),
        mix(at(-1).is_some_and(|p| p.opening_quote) as u64, t.short_shape),
        t.place_part as u64,
        t.organization_part as u64,
        t.kind as u64,
        mix(loud as u64, t.shape),
        mix(mix(case_at(-1), t.case as u64), case_at(1)),
        mix(t.elsewhere as u64, t.case as u64),
    ]
}

/// The bucket of a template's value. Multiplicative hashing: `mix` ends in a multiplication,
/// whose top bits depend on every bit of the value and the template.
#[inline]
pub fn bucket(value: u64, template: usize, bits: u32) -> u32 {
    (mix(value, template as u64 + 1) >> (64 - bits)) as u32
}

/// The features of the tokens of one sentence, `TEMPLATE_COUNT` bucket indices per token,
/// appended to `out`. `bits`: the log2 of the number of buckets.
pub fn sentence_features(sentence: &[TokenInfo], lang: Lang, bits: u32, out: &mut Vec<u32>) {
    let loud = shouting(sentence);
    for index in 0..sentence.len() {
        let mut features = [0u32; TEMPLATE_COUNT];
        for (&template, value) in WORD_TEMPLATES.iter().zip(word_values(&sentence[index], lang)) {
            features[template] = bucket(value, template, bits);
        }
        for (offset, templates) in NEIGHBOUR_OFFSETS.iter().zip(NEIGHBOUR_TEMPLATES) {
            let neighbour = index.checked_add_signed(*offset).and_then(|i| sentence.get(i));
            for (&template, value) in templates.iter().zip(neighbour_values(neighbour, lang)) {
                features[template] = bucket(value, template, bits);
            }
        }
        for (&template, value) in CONTEXT_TEMPLATES.iter().zip(context_values(sentence, index, loud)) {
            features[template] = bucket(value, template, bits);
        }
        out.extend_from_slice(&features);
    }
}

/// The buckets of the context templates of each token of one sentence, in order, handed to
/// `sink` with the token's index (tagging adds the word templates' sums, `emissions`).
pub fn each_context_features(sentence: &[TokenInfo], bits: u32, mut sink: impl FnMut(usize, &[u32; CONTEXT_TEMPLATES.len()])) {
    let loud = shouting(sentence);
    for index in 0..sentence.len() {
        let values = context_values(sentence, index, loud);
        let features = std::array::from_fn(|k| bucket(values[k], CONTEXT_TEMPLATES[k], bits));
        sink(index, &features);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn shape(text: &str, short: bool) -> String {
        let (mut long_shape, mut short_shape) = (String::new(), String::new());
        read_shape(text, &mut long_shape, &mut short_shape);
        if short {
            short_shape
        } else {
            long_shape
        }
    }

    fn case_of(text: &str) -> u8 {
        read_shape(text, &mut String::new(), &mut String::new())
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Marseille", false), "Xxxxx");
        assert_eq!(shape("Marseille", true), "Xx");
        assert_eq!(shape("2024", false), "dddd");
        assert_eq!(shape("U.S.", false), "X.X.");
        assert_eq!(shape("Élysée", true), "Xx");
        assert_eq!(shape("aaaaaaa", false), "xxxx");
        assert_eq!(case_of("été"), LOWER);
        assert_eq!(case_of("Ça"), CAPITALISED);
        assert_eq!(case_of("ONU"), ALL_CAPS);
        assert_eq!(case_of("Lyon"), CAPITALISED);
        assert_eq!(case_of("42"), NO_LETTER);
    }

    /// The tokens of a French text, read.
    fn read(text: &str) -> (Tokens, Scratch) {
        let tokens = tokenize(text, Lang::Fr, &[]);
        let mut scratch = Scratch::default();
        scratch.read_tokens(text, &tokens);
        (tokens, scratch)
    }

    #[test]
    fn words_know_how_the_document_writes_them_elsewhere() {
        let text = "Rose Dubois arrive. La rose fleurit. Dubois parle. Marché ouvert, le marché ferme.";
        let (tokens, scratch) = read(text);
        let at = |word: &str| scratch.infos[(0..tokens.len()).find(|&i| tokens.text(text, i) == word).unwrap()].elsewhere;
        // "rose" is also written in lowercase; "Dubois" is capitalised inside a sentence.
        assert_eq!(at("Rose"), 1);
        assert_eq!(at("Dubois"), 2);
        assert_eq!(at("Marché"), 1);
        assert_eq!(at("Rose") & 2, 0, "a sentence's first word says nothing of its capitals");
    }

    #[test]
    fn affixes_cut_on_characters() {
        assert_eq!(after_chars("été", 2), "ét".len());
        assert_eq!(before_last_chars("café", 1), "caf".len());
        assert_eq!(before_last_chars("a", 4), 0);
    }

    #[test]
    fn every_token_gets_every_feature_within_the_buckets() {
        let text = "Le maire de Lyon, « Jean Morel », a parlé.";
        let (tokens, scratch) = read(text);
        let mut features = Vec::new();
        sentence_features(&scratch.infos, Lang::Fr, 16, &mut features);
        assert_eq!(features.len(), tokens.len() * TEMPLATE_COUNT);
        assert!(features.iter().all(|&f| f < 1 << 16));
        let lyon = (0..tokens.len()).find(|&i| tokens.text(text, i) == "Lyon").unwrap();
        assert_eq!(scratch.infos[lyon].place_part, 4);
        let jean = (0..tokens.len()).find(|&i| tokens.text(text, i) == "Jean").unwrap();
        assert!(scratch.infos[jean - 1].opening_quote);
    }
}
