//! Sources of articles: text files, folders of them, JSON lines. Every file is either read or
//! reported (an error, or a counted skip): no article is lost silently.

use super::Given;
use crate::error::{CoreError, Result};
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeErrors {
    Strict,
    /// Invalid bytes become U+FFFD.
    Replace,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnError {
    Raise,
    /// Skip the bad file or line, and count it in the report.
    Skip,
}

/// An article as read, before analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct RawArticle {
    pub id: String,
    pub text: String,
    pub given: Given,
    /// Other JSON fields, as a JSON object text.
    pub extra: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    pub source: String,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct ReadReport {
    pub articles: Vec<RawArticle>,
    pub skipped: Vec<Skipped>,
}

const JSONL_EXTENSIONS: [&str; 3] = ["jsonl", "ndjson", "json"];
const TEXT_EXTENSIONS: [&str; 2] = ["txt", "text"];

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The files a path stands for: itself, or a folder's text and JSON-lines files sorted by name.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let shown = path.display().to_string();
        let meta = fs::metadata(path).map_err(|e| CoreError::Io { source: shown.clone(), detail: e.to_string() })?;
        if meta.is_dir() {
            let entries = fs::read_dir(path).map_err(|e| CoreError::Io { source: shown, detail: e.to_string() })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .filter(|p| {
                    let ext = extension(p);
                    TEXT_EXTENSIONS.contains(&ext.as_str()) || JSONL_EXTENSIONS.contains(&ext.as_str())
                })
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn decode(bytes: Vec<u8>, source: &str, errors: DecodeErrors) -> Result<String> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) if errors == DecodeErrors::Replace => String::from_utf8_lossy(err.as_bytes()).into_owned(),
        Err(err) => {
            let utf8 = err.utf8_error();
            let at = utf8.valid_up_to();
            let bad = &err.as_bytes()[at..(at + utf8.error_len().unwrap_or(1)).min(err.as_bytes().len())];
            return Err(CoreError::Decode {
                source: source.to_string(),
                byte_offset: at,
                detail: format!("invalid byte(s) {bad:02x?}"),
            });
        }
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Binary files (images, archives) have NUL bytes; text never does.
fn reject_binary(bytes: &[u8], source: &str) -> Result<()> {
    match memchr::memchr(0, &bytes[..bytes.len().min(1 << 16)]) {
        Some(at) => Err(CoreError::Input {
            source: source.to_string(),
            detail: format!("looks like binary data, not text (NUL byte at offset {at})"),
        }),
        None => Ok(()),
    }
}

fn read_text_file(path: &Path, errors: DecodeErrors) -> Result<Vec<RawArticle>> {
    let source = path.display().to_string();
    let bytes = fs::read(path).map_err(|e| CoreError::Io { source: source.clone(), detail: e.to_string() })?;
    reject_binary(&bytes, &source)?;
    let text = decode(bytes, &source, errors)?;
    Ok(vec![RawArticle { id: stem(path), text, given: Given::default(), extra: None }])
}

fn string_field(object: &mut Map<String, Value>, key: &str, source: &str, line: usize) -> Result<Option<String>> {
    match object.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
        Some(other) => Err(CoreError::Json {
            source: source.to_string(),
            line,
            detail: format!("field {key:?} should be a string, not {}", json_type(&other)),
        }),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One JSON line to an article: `text` is required, `id`, `title`, `date`, `lang`, `source`
/// optional, other fields kept as `extra`.
pub fn parse_json_line(line_text: &str, source: &str, line: usize, default_id: String) -> Result<RawArticle> {
    let json_error = |detail: String| CoreError::Json { source: source.to_string(), line, detail };
    let value: Value = serde_json::from_str(line_text).map_err(|e| json_error(format!("malformed JSON: {e}")))?;
    let Value::Object(mut object) = value else {
        return Err(json_error(format!("expected a JSON object, found {}", json_type(&value))));
    };
    let text = string_field(&mut object, "text", source, line)?
        .ok_or_else(|| json_error("no \"text\" field (or it is null)".to_string()))?;
    let id = string_field(&mut object, "id", source, line)?.unwrap_or(default_id);
    let lang = match string_field(&mut object, "lang", source, line)? {
        Some(code) => Some(code.parse().map_err(json_error)?),
        None => None,
    };
    let given = Given {
        title: string_field(&mut object, "title", source, line)?,
        date: string_field(&mut object, "date", source, line)?,
        lang,
        source: string_field(&mut object, "source", source, line)?,
    };
    let extra = (!object.is_empty()).then(|| Value::Object(object).to_string());
    Ok(RawArticle { id, text, given, extra })
}

fn read_jsonl_file(path: &Path, errors: DecodeErrors, on_error: OnError, skipped: &mut Vec<Skipped>) -> Result<Vec<RawArticle>> {
    let source = path.display().to_string();
    let bytes = fs::read(path).map_err(|e| CoreError::Io { source: source.clone(), detail: e.to_string() })?;
    reject_binary(&bytes, &source)?;
    let text = decode(bytes, &source, errors)?;
    let file_stem = stem(path);
    let mut articles = Vec::new();
    for (index, line_text) in text.lines().enumerate() {
        let line = index + 1;
        if line_text.trim().is_empty() {
            continue;
        }
        match parse_json_line(line_text, &source, line, format!("{file_stem}:{line}")) {
            Ok(article) => articles.push(article),
            Err(err) if on_error == OnError::Skip => {
                skipped.push(Skipped { source: format!("{source}, line {line}"), reason: err.to_string() })
            }
            Err(err) => return Err(err),
        }
    }
    Ok(articles)
}

/// Read every file of `paths` (folders expanded), in parallel, keeping their order.
pub fn read_paths(paths: &[PathBuf], errors: DecodeErrors, on_error: OnError) -> Result<ReadReport> {
    let files = expand_paths(paths)?;
    let per_file: Vec<(Result<Vec<RawArticle>>, Vec<Skipped>)> = files
        .par_iter()
        .map(|path| {
            let mut skipped = Vec::new();
            let read = if JSONL_EXTENSIONS.contains(&extension(path).as_str()) {
                read_jsonl_file(path, errors, on_error, &mut skipped)
            } else {
                read_text_file(path, errors)
            };
            (read, skipped)
        })
        .collect();
    let mut report = ReadReport::default();
    for (read, skipped) in per_file {
        report.skipped.extend(skipped);
        match read {
            Ok(articles) => report.articles.extend(articles),
            Err(err) if on_error == OnError::Skip => {
                report.skipped.push(Skipped { source: err.source_name().to_string(), reason: err.to_string() })
            }
            Err(err) => return Err(err),
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines() {
        let article = parse_json_line(r#"{"id": 7, "text": "Bonjour", "lang": "fr", "url": "x"}"#, "f.jsonl", 1, "f:1".into()).unwrap();
        assert_eq!(article.id, "7");
        assert_eq!(article.given.lang, Some(crate::lang::Lang::Fr));
        assert_eq!(article.extra.as_deref(), Some(r#"{"url":"x"}"#));
        let err = parse_json_line("{\"id\": 1", "f.jsonl", 3, "f:3".into()).unwrap_err();
        assert!(err.to_string().starts_with("f.jsonl, line 3: malformed JSON"), "{err}");
        let err = parse_json_line(r#"{"title": "x"}"#, "f.jsonl", 2, "f:2".into()).unwrap_err();
        assert!(err.to_string().contains("no \"text\" field"));
    }

    #[test]
    fn decode_reports_offset() {
        let err = decode(b"caf\xe9 au lait".to_vec(), "a.txt", DecodeErrors::Strict).unwrap_err();
        assert!(matches!(err, CoreError::Decode { byte_offset: 3, .. }), "{err:?}");
        assert_eq!(decode(b"caf\xe9".to_vec(), "a.txt", DecodeErrors::Replace).unwrap(), "caf\u{fffd}");
    }
}
