//! A metadata header at the start of a text: "date 2021-01 …" on the first line, or
//! "Title:", "Date:", "Source:", "Author:" lines.

use regex::Regex;
use std::sync::LazyLock;

/// `key value` on its own line, or `date <a date>` followed by the article on the same line.
static FIELD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t]*(title|titre|date|published|publié le|source|author|auteur|by|par|lang|language|langue|url|id)[ \t]*:[ \t]*([^\n]*?)[ \t]*(?:\r?\n|$)",
    )
    .unwrap()
});
static INLINE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[ \t]*date[ \t]*:?[ \t]+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?|\d{1,2}/\d{1,2}/\d{4})(?:[ \t]+|[ \t]*\r?\n|$)").unwrap());

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header {
    /// Fields in the order they appear, keys lowercased and in English ("titre" → "title").
    pub fields: Vec<(String, String)>,
    /// Byte offset where the article proper begins.
    pub end: usize,
}

impl Header {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

fn canonical_key(key: &str) -> String {
    match key.to_lowercase().as_str() {
        "titre" => "title",
        "published" | "publié le" => "date",
        "auteur" | "by" | "par" => "author",
        "language" | "langue" => "lang",
        other => return other.to_string(),
    }
    .to_string()
}

pub fn parse_header(text: &str) -> Header {
    let mut header = Header::default();
    let body_start = text.len() - text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).len();
    let mut pos = body_start;
    loop {
        let rest = &text[pos..];
        if let Some(caps) = INLINE_DATE.captures(rest) {
            header.fields.push(("date".into(), caps[1].to_string()));
            pos += caps[0].len();
            continue;
        }
        match FIELD_LINE.captures(rest) {
            Some(caps) if !caps[2].is_empty() && caps[2].len() < 300 => {
                header.fields.push((canonical_key(&caps[1]), caps[2].to_string()));
                pos += caps[0].len();
            }
            _ => break,
        }
    }
    header.end = if header.fields.is_empty() { 0 } else { pos };
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_date() {
        let text = "date 2021-01 Comme le rapporte le journal.";
        let header = parse_header(text);
        assert_eq!(header.get("date"), Some("2021-01"));
        assert_eq!(&text[header.end..], "Comme le rapporte le journal.");
    }

    #[test]
    fn field_lines() {
        let text = "Title: Huawei turns\nDate: 15/01/2021\nSource: SCMP\n\nThe body.";
        let header = parse_header(text);
        assert_eq!(header.get("title"), Some("Huawei turns"));
        assert_eq!(header.get("date"), Some("15/01/2021"));
        assert_eq!(header.get("source"), Some("SCMP"));
        assert_eq!(&text[header.end..], "\nThe body.");
    }

    #[test]
    fn no_header() {
        assert_eq!(parse_header("Date limite: ce soir, dit-il.\nSuite").end, 0);
        assert_eq!(parse_header("In 2021, Huawei will focus").end, 0);
    }
}
