//! Every character of an article in exactly one segment: metadata, title, body or boilerplate,
//! each with the rule that decided. Web furniture is recognised line by line.

use crate::lexicons::{BoilerplateCue, CueMatch, BOILERPLATE_CUES};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    Metadata,
    Title,
    Body,
    Boilerplate,
}

impl SegmentKind {
    pub fn name(self) -> &'static str {
        match self {
            SegmentKind::Metadata => "metadata",
            SegmentKind::Title => "title",
            SegmentKind::Body => "body",
            SegmentKind::Boilerplate => "boilerplate",
        }
    }

    /// Title and body: what analysis reads by default.
    pub fn is_content(self) -> bool {
        matches!(self, SegmentKind::Title | SegmentKind::Body)
    }
}

/// Byte offsets into the article text; `end` includes the line break and blank lines after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub start: u32,
    pub end: u32,
    pub kind: SegmentKind,
    pub reason: &'static str,
}

/// A photo credit in parentheses at the end of a caption: "(Crédit : D.R.)", "(Photo AFP)".
static CREDIT_AT_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\((?:crédits?|credits?|photos?|image|illustration|©|source\s*:)[^()]*\)\s*$").unwrap());
/// Words of an image's alt text or caption: "Huawei Logo MWC 2019".
static IMAGE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:logo|photo|image|picture|illustration|screenshot|capture d'écran|file photo)s?\b").unwrap());

struct Line<'t> {
    start: usize,
    end: usize,
    content: &'t str,
}

/// Lines of `text[from..]`; each line's span runs to the start of the next non-blank line.
fn lines(text: &str, from: usize) -> Vec<Line<'_>> {
    let mut out: Vec<Line> = Vec::new();
    let mut pos = from;
    for raw in text[from..].split_inclusive('\n') {
        let content = raw.trim();
        if content.is_empty() && !out.is_empty() {
            out.last_mut().unwrap().end += raw.len();
        } else if content.is_empty() {
            out.push(Line { start: pos, end: pos + raw.len(), content: "" });
        } else if out.last().is_some_and(|l| l.content.is_empty()) {
            // Leading blank lines join the first real line.
            let blank = out.pop().unwrap();
            out.push(Line { start: blank.start, end: pos + raw.len(), content });
        } else {
            out.push(Line { start: pos, end: pos + raw.len(), content });
        }
        pos += raw.len();
    }
    out
}

fn normalized(line: &str) -> String {
    line.trim().to_lowercase().replace(['\u{2019}', '\u{02bc}'], "'")
}

/// Words in `line`, counted up to `limit + 1` (enough to compare with `limit`).
fn words_up_to(line: &str, limit: usize) -> usize {
    if !line.is_ascii() {
        return line.split_whitespace().take(limit + 1).count();
    }
    // ASCII lines (most of them) by bytes: the same count, without decoding characters. The
    // ASCII characters `char::is_whitespace` knows are space and \t \n \x0B \x0C \r.
    let mut words = 0;
    let mut in_word = false;
    for &byte in line.as_bytes() {
        let space = byte == b' ' || (b'\t'..=b'\r').contains(&byte);
        if !space && !in_word {
            words += 1;
            if words > limit {
                break;
            }
        }
        in_word = !space;
    }
    words
}

/// Lines longer than this are paragraphs: no cue, title or caption test applies to them.
const LONG_LINE_BYTES: usize = 600;

fn matching_cue(norm: &str) -> Option<&'static BoilerplateCue> {
    let whole = norm.trim_end_matches([':', ' ', '.']);
    BOILERPLATE_CUES.iter().find(|cue| match cue.matching {
        CueMatch::Line | CueMatch::StartsSection => whole == cue.phrase,
        CueMatch::Prefix => norm.starts_with(cue.phrase) && !norm[cue.phrase.len()..].chars().next().is_some_and(char::is_alphabetic),
    })
}

/// Short, with no sentence-final period: a title, subheading or link text.
fn headline_like(line: &str) -> bool {
    let last = line.chars().last().unwrap_or('.');
    line.len() <= LONG_LINE_BYTES && !matches!(last, '.' | ',' | ';' | ':') && line.chars().count() <= 160 && words_up_to(line, 20) <= 20
}

fn caption_reason(line: &str) -> Option<&'static str> {
    let mut tail_start = line.len().saturating_sub(200);
    while !line.is_char_boundary(tail_start) {
        tail_start += 1;
    }
    if CREDIT_AT_END.is_match(&line[tail_start..]) {
        return Some("caption_credit");
    }
    if headline_like(line) && words_up_to(line, 10) <= 10 && !line.ends_with(['?', '!']) && IMAGE_WORDS.is_match(line) {
        return Some("caption_image");
    }
    None
}

fn is_link_list(line: &str) -> bool {
    line.len() <= LONG_LINE_BYTES && line.matches('|').count() >= 2 && words_up_to(line, 30) <= 30
}

#[derive(PartialEq)]
enum Section {
    Article,
    Related,
    Comments,
}

/// Segments of `text`; `header_end` closes the metadata header (0: none); `given_title` is a
/// title known from elsewhere (a JSON field, a "Title:" line).
pub fn segment(text: &str, header_end: usize, given_title: Option<&str>) -> Vec<Segment> {
    let mut segments = Vec::new();
    if header_end > 0 {
        segments.push(Segment { start: 0, end: header_end as u32, kind: SegmentKind::Metadata, reason: "header" });
    }
    let lines = lines(text, header_end);
    let mut title = given_title.map(normalized);
    let mut seen_title = false;
    let mut seen_body = false;
    let mut section = Section::Article;
    for (i, line) in lines.iter().enumerate() {
        let (kind, reason) = classify_line(line.content, i, &lines, &mut title, &mut seen_title, seen_body, &mut section);
        seen_body |= kind == SegmentKind::Body;
        segments.push(Segment { start: line.start as u32, end: line.end as u32, kind, reason });
    }
    mark_reader_comments(&mut segments);
    segments
}

fn classify_line(
    content: &str,
    index: usize,
    lines: &[Line],
    title: &mut Option<String>,
    seen_title: &mut bool,
    seen_body: bool,
    section: &mut Section,
) -> (SegmentKind, &'static str) {
    use SegmentKind::{Body, Boilerplate, Title};
    if content.is_empty() {
        return (Body, "blank");
    }
    if *section == Section::Comments {
        return (Boilerplate, "after_comments");
    }
    let short = content.len() <= LONG_LINE_BYTES;
    let norm = if short { normalized(content) } else { String::new() };
    if short && words_up_to(content, 40) <= 40 {
        if let Some(cue) = matching_cue(&norm) {
            if cue.matching == CueMatch::StartsSection {
                *section = if cue.reason == "comments" { Section::Comments } else { Section::Related };
            }
            return (Boilerplate, cue.reason);
        }
    }
    if short && title.as_deref() == Some(norm.as_str()) {
        if !*seen_title && !seen_body {
            *seen_title = true;
            return (Title, "title_given");
        }
        return (Boilerplate, "repeated_title");
    }
    if let Some(reason) = caption_reason(content) {
        return (Boilerplate, reason);
    }
    if is_link_list(content) {
        return (Boilerplate, "link_list");
    }
    let headline = headline_like(content);
    if *section == Section::Related && headline {
        return (Boilerplate, "related_link");
    }
    *section = Section::Article;
    let more_follows = lines[index + 1..].iter().any(|l| !l.content.is_empty());
    if title.is_none() && !seen_body && headline && more_follows {
        *title = Some(norm);
        *seen_title = true;
        return (Title, "title_first_line");
    }
    (Body, if headline { "subheading" } else { "paragraph" })
}

/// A reader's comment is the paragraph right before its "Signaler un abus" / "Reply" button.
fn mark_reader_comments(segments: &mut [Segment]) {
    for i in 1..segments.len() {
        if segments[i].reason == "report_abuse" && segments[i - 1].kind == SegmentKind::Body {
            segments[i - 1].kind = SegmentKind::Boilerplate;
            segments[i - 1].reason = "reader_comment";
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for line in ["", "  one ", "two words", "a\tb\x0Bc\x0Cd\re\nf", "x\x1cy", "été à Paris", " many  spaces   here ", "ab\u{85}cd\u{a0}ef"] {
            for limit in [0, 1, 2, 5, 40] {
                assert_eq!(words_up_to(line, limit), line.split_whitespace().take(limit + 1).count(), "{line:?} {limit}");
            }
        }
    }

    fn kinds(text: &str) -> Vec<(String, &'static str, &'static str)> {
        segment(text, 0, None).iter().map(|s| (text[s.start as usize..s.end as usize].trim().to_string(), s.kind.name(), s.reason)).collect()
    }

    #[test]
    fn partition_covers_text() {
        let text = "\n\nTitle here\n\nBody one is long enough to be a paragraph.\n\nFollow us on Twitter\n";
        let segments = segment(text, 0, None);
        assert_eq!(segments[0].start, 0);
        assert_eq!(segments.last().unwrap().end as usize, text.len());
        for pair in segments.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }

    #[test]
    fn furniture() {
        let got = kinds("Latest News\nA headline here\nThe body says things.\nIn the same category\nAnother story headline\nMore body text follows here.\nBody: a second paragraph with words.\nnice article !\nSignaler un abus\nLeave a Reply\nGreat post.");
        let expected = [
            ("Latest News", "boilerplate", "navigation"),
            ("A headline here", "title", "title_first_line"),
            ("The body says things.", "body", "paragraph"),
            ("In the same category", "boilerplate", "related"),
            ("Another story headline", "boilerplate", "related_link"),
            ("More body text follows here.", "body", "paragraph"),
            ("Body: a second paragraph with words.", "body", "paragraph"),
            ("nice article !", "boilerplate", "reader_comment"),
            ("Signaler un abus", "boilerplate", "report_abuse"),
            ("Leave a Reply", "boilerplate", "comments"),
            ("Great post.", "boilerplate", "after_comments"),
        ];
        assert_eq!(got, expected.map(|(a, b, c)| (a.to_string(), b, c)));
    }
}
