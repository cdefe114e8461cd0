//! Annotated documents for training: reading the shared `*.jsonl.gz` files (entity offsets in
//! code points), tokenizing as the library does, aligning entities to tokens, and turning
//! sentences into features.

use super::features::{sentence_features, Scratch};
use super::labels::{EntityKind, Mention};
use crate::article::{Article, Given};
use crate::lang::Lang;
use crate::tokenize::Tokens;
use flate2::read::GzDecoder;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// A document with its entities as byte spans of `text`.
pub struct Document {
    pub id: String,
    pub lang: Lang,
    pub text: String,
    pub entities: Vec<(usize, usize, EntityKind)>,
}

#[derive(serde::Deserialize)]
struct Record {
    id: String,
    lang: Lang,
    text: String,
    #[serde(default)]
    entities: Vec<(usize, usize, String)>,
}

/// Byte offsets of code point offsets `start..end` of `text`; `None` if out of range.
pub fn code_points_to_bytes(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if start > end {
        return None;
    }
    let mut offsets = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
    let byte_start = offsets.nth(start)?;
    let byte_end = if end == start { byte_start } else { offsets.nth(end - start - 1)? };
    Some((byte_start, byte_end))
}

/// Documents of a JSON-lines file, gzip'd when its name ends in `.gz`: `id`, `lang`, `text`
/// and optionally `entities` (`[start, end, kind]`, code points).
pub fn read_documents(path: &Path) -> Result<Vec<Document>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") { Box::new(GzDecoder::new(file)) } else { Box::new(file) };
    let mut documents = Vec::new();
    for (n, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(&line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let mut entities = Vec::with_capacity(record.entities.len());
        for (start, end, kind) in &record.entities {
            let kind = EntityKind::from_name(kind).ok_or_else(|| format!("{}:{}: unknown kind {kind}", path.display(), n + 1))?;
            let (start, end) =
                code_points_to_bytes(&record.text, *start, *end).ok_or_else(|| format!("{}:{}: entity out of the text", path.display(), n + 1))?;
            entities.push((start, end, kind));
        }
        documents.push(Document { id: record.id, lang: record.lang, text: record.text, entities });
    }
    Ok(documents)
}

/// Whether a document belongs to the development share (15 %) of its corpus: by the FNV-1a
/// hash of its id, kept apart from the feature hashes so that the split never changes.
pub fn is_development(id: &str) -> bool {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3));
    hash % 100 < 15
}

/// Tokens of a text as the library makes them for an article (segments, then sentences).
pub fn article_tokens(id: &str, text: &str, lang: Lang) -> Tokens {
    match Article::analyze(id.to_string(), text.to_string(), Given { lang: Some(lang), ..Given::default() }) {
        Ok(article) => article.tokens(),
        Err(_) => Tokens::default(),
    }
}

/// How entities met the tokens.
#[derive(Clone, Copy, Debug, Default)]
pub struct AlignmentReport {
    pub entities: usize,
    /// Start and end fall on token boundaries.
    pub exact: usize,
    /// A token reaches over the entity's start or end; the entity takes the whole tokens.
    pub inexact: usize,
    /// Cut at the sentence end that the sentence splitter put inside the entity.
    pub cut_by_sentence: usize,
    /// Lost: no token inside, or the tokens already taken by the previous entity.
    pub lost: usize,
}

/// Entities as token spans (sorted, not overlapping, within one sentence).
pub fn align(tokens: &Tokens, entities: &[(usize, usize, EntityKind)], report: &mut AlignmentReport) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::new();
    for &(start, end, kind) in entities {
        report.entities += 1;
        let first = tokens.end.partition_point(|&e| (e as usize) <= start);
        let after = tokens.start.partition_point(|&s| (s as usize) < end);
        if first >= after || mentions.last().is_some_and(|m| m.last_token >= first) {
            report.lost += 1;
            continue;
        }
        let mut last = after - 1;
        if tokens.start[first] as usize == start && tokens.end[last] as usize == end {
            report.exact += 1;
        } else {
            report.inexact += 1;
        }
        if tokens.sentence[last] != tokens.sentence[first] {
            report.cut_by_sentence += 1;
            last = first + tokens.sentence[first..=last].partition_point(|&s| s == tokens.sentence[first]) - 1;
        }
        mentions.push(Mention { first_token: first, last_token: last, kind });
    }
    mentions
}

/// One sentence ready for training: its features and its mentions (token indices counted
/// from the sentence's first token).
pub struct Sentence {
    pub features: Vec<u32>,
    pub tokens: usize,
    pub mentions: Vec<Mention>,
}

/// The sentences of a document, tokenized as the library does.
pub fn document_sentences(document: &Document, bits: u32, report: &mut AlignmentReport) -> Vec<Sentence> {
    let mut scratch = Scratch::default();
    let tokens = article_tokens(&document.id, &document.text, document.lang);
    let mentions = align(&tokens, &document.entities, report);
    scratch.read_tokens(&document.text, &tokens);
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut next_mention = 0;
    while first < tokens.len() {
        let sentence = tokens.sentence[first];
        let end = first + tokens.sentence[first..].partition_point(|&s| s == sentence);
        let mut features = Vec::new();
        sentence_features(&scratch.infos[first..end], document.lang, bits, &mut features);
        let mut inside = Vec::new();
        while next_mention < mentions.len() && mentions[next_mention].first_token < end {
            let m = mentions[next_mention];
            inside.push(Mention { first_token: m.first_token - first, last_token: m.last_token - first, kind: m.kind });
            next_mention += 1;
        }
        sentences.push(Sentence { features, tokens: end - first, mentions: inside });
        first = end;
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn the_development_split_is_fixed() {
        let ids: Vec<String> = (0..1000).map(|i| format!("winer-fr-2017_03_{i:03}")).collect();
        let share = ids.iter().filter(|id| is_development(id)).count();
        assert!((100..200).contains(&share), "{share}");
        assert!(is_development("winer-fr-2016_01_04-001") == is_development("winer-fr-2016_01_04-001"));
    }

    #[test]
    fn code_points_become_bytes() {
        let text = "Île-de-France et Genève";
        assert_eq!(code_points_to_bytes(text, 0, 13), Some((0, "Île-de-France".len())));
        let (s, e) = code_points_to_bytes(text, 17, 23).unwrap();
        assert_eq!(&text[s..e], "Genève");
        assert_eq!(code_points_to_bytes(text, 17, 24), None);
        assert_eq!(code_points_to_bytes(text, 23, 23), Some((text.len(), text.len())));
    }

    #[test]
    fn entities_align_to_tokens() {
        let text = "Le PDG d'Airbus, Paul Martin, est à Toulouse.";
        let tokens = tokenize(text, Lang::Fr, &[]);
        let span = |s: &str| {
            let start = text.find(s).unwrap();
            (start, start + s.len())
        };
        let (a, b) = span("Airbus");
        let (c, d) = span("Paul Martin");
        let (e, f) = span("oulouse");
        let mut report = AlignmentReport::default();
        let mentions = align(&tokens, &[(a, b, EntityKind::Organization), (c, d, EntityKind::Person), (e, f, EntityKind::Place)], &mut report);
        assert_eq!(mentions.len(), 3);
        assert_eq!((report.exact, report.inexact), (2, 1));
        assert_eq!(tokens.text(text, mentions[1].first_token), "Paul");
        assert_eq!(tokens.text(text, mentions[1].last_token), "Martin");
        assert_eq!(tokens.text(text, mentions[2].first_token), "Toulouse");
    }
}
