//! Sources of articles: text files, folders of them, JSON lines, each maybe gzipped. Every file
//! is either read or reported (an error, or a listed skip): no article is lost silently. Only
//! regular files are opened and every read is bounded, so that a named pipe, a device or a gzip
//! bomb ends as an error, not as a hang or an exhausted memory.

use super::{Given, MAX_ARTICLE_BYTES};
use crate::error::{CoreError, Result};
use flate2::read::MultiGzDecoder;
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
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

/// What was not read, and why: `source` is a file, a folder entry or "file, line N"; `reason`
/// does not repeat it.
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

impl From<&CoreError> for Skipped {
    fn from(err: &CoreError) -> Self {
        Skipped { source: err.location(), reason: err.reason() }
    }
}

const JSONL_EXTENSIONS: [&str; 3] = ["jsonl", "ndjson", "json"];
const TEXT_EXTENSIONS: [&str; 2] = ["txt", "text"];
/// The reason given for the other files of a folder.
const NOT_ARTICLES: &str = "not a .txt, .text, .jsonl, .ndjson or .json file (nor one of those .gz)";

/// The most read for one article (a text file, a JSON line): what `Article::analyze` takes.
const MAX_BYTES: u64 = MAX_ARTICLE_BYTES as u64;
/// Text and JSON compress 3 to 10 times, a gzip bomb about 1000 times: past its first
/// `GZIP_GRACE_BYTES`, gzip data inflating more than `GZIP_MAX_RATIO` times is refused.
const GZIP_MAX_RATIO: u64 = 100;
const GZIP_GRACE_BYTES: u64 = 64 << 20;

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    JsonLines,
}

/// What a file's name says: its id, whether it is gzipped, and what it holds (None: the name is
/// not an article file's; given directly, such a file is read as text).
struct FileName {
    stem: String,
    gzip: bool,
    kind: Option<Kind>,
}

fn file_name(path: &Path) -> FileName {
    let gzip = extension(path) == "gz";
    // "a.jsonl.gz" is read as "a.jsonl" is, once gunzipped.
    let inner = if gzip { path.file_stem().map(Path::new).unwrap_or(path) } else { path };
    let ext = extension(inner);
    let kind = if JSONL_EXTENSIONS.contains(&ext.as_str()) {
        Some(Kind::JsonLines)
    } else if TEXT_EXTENSIONS.contains(&ext.as_str()) {
        Some(Kind::Text)
    } else {
        None
    };
    let stem = inner.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    FileName { stem, gzip, kind }
}

fn io_error(source: &str, err: io::Error) -> CoreError {
    CoreError::Io { source: source.to_string(), detail: err.to_string() }
}

/// What a file that is neither a regular file nor a folder is, in words.
fn special_kind(file_type: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        } else if file_type.is_char_device() {
            return "a character device";
        } else if file_type.is_block_device() {
            return "a block device";
        } else if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Refuse anything but a regular file: reading a FIFO waits for a writer, and a device like
/// /dev/zero never ends.
fn require_regular(meta: &fs::Metadata, source: &str) -> Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    let kind = special_kind(meta.file_type());
    Err(CoreError::Input { source: source.to_string(), detail: format!("{kind}, not a regular file: not read") })
}

/// The files `paths` stand for, in order: a file itself, or the article files of a folder,
/// sorted by name. The other entries of a folder are listed in `skipped` with why (folders are
/// not read recursively); a path given directly must be a regular file or a folder.
pub fn expand_paths(paths: &[PathBuf], skipped: &mut Vec<Skipped>) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let source = path.display().to_string();
        let meta = fs::metadata(path).map_err(|e| io_error(&source, e))?;
        if !meta.is_dir() {
            require_regular(&meta, &source)?;
            files.push(path.clone());
            continue;
        }
        let mut entries = fs::read_dir(path)
            .and_then(|entries| entries.map(|entry| entry.map(|e| e.path())).collect::<io::Result<Vec<_>>>())
            .map_err(|e| io_error(&source, e))?;
        entries.sort();
        for entry in entries {
            match entry_skip_reason(&entry) {
                None => files.push(entry),
                Some(reason) => skipped.push(Skipped { source: entry.display().to_string(), reason }),
            }
        }
    }
    Ok(files)
}

/// Why an entry of a folder is not read, or None for an article file. Only metadata is looked
/// at (a symbolic link followed): nothing is opened.
fn entry_skip_reason(path: &Path) -> Option<String> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            return Some(match err.kind() {
                io::ErrorKind::NotFound => "dangling symbolic link (its target does not exist)".to_string(),
                _ => format!("symbolic link that cannot be followed: {err}"),
            });
        }
        Err(err) => return Some(format!("cannot be read: {err}")),
    };
    if meta.is_dir() {
        Some("folder (not read recursively)".to_string())
    } else if !meta.is_file() {
        Some(format!("{}, not a regular file", special_kind(meta.file_type())))
    } else if file_name(path).kind.is_none() {
        Some(NOT_ARTICLES.to_string())
    } else {
        None
    }
}

/// Open a regular file, or refuse. The type is checked before opening, then again on the
/// handle, opened non-blocking in case the path was swapped for a FIFO in between.
fn open_regular(path: &Path, source: &str) -> Result<(fs::File, u64)> {
    require_regular(&fs::metadata(path).map_err(|e| io_error(source, e))?, source)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(|e| io_error(source, e))?;
    let meta = file.metadata().map_err(|e| io_error(source, e))?;
    require_regular(&meta, source)?;
    Ok((file, meta.len()))
}

/// The error of gzip data that inflates like a bomb.
#[derive(Debug)]
struct GzipBomb {
    compressed: u64,
    inflated: u64,
}

impl fmt::Display for GzipBomb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "gzip data inflating more than {GZIP_MAX_RATIO} times ({} bytes gave over {}): refused as a likely gzip bomb", self.compressed, self.inflated)
    }
}

impl std::error::Error for GzipBomb {}

/// A reader that counts the bytes taken from it.
struct Counted<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

/// Gzip data decompressed (every member, as `cat a.gz b.gz` makes), failing with [`GzipBomb`]
/// when it outgrows the compressed bytes read.
struct Gunzip {
    decoder: MultiGzDecoder<Counted<fs::File>>,
    inflated: u64,
}

impl Read for Gunzip {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.decoder.read(buf)?;
        self.inflated += n as u64;
        let compressed = self.decoder.get_ref().count;
        if self.inflated > GZIP_GRACE_BYTES && self.inflated > compressed.saturating_mul(GZIP_MAX_RATIO) {
            return Err(io::Error::new(io::ErrorKind::InvalidData, GzipBomb { compressed, inflated: self.inflated }));
        }
        Ok(n)
    }
}

/// The bytes of a regular file, gunzipped if `gzip`, and its size on disk.
fn open_bytes(path: &Path, source: &str, gzip: bool) -> Result<(Box<dyn BufRead + Send>, u64)> {
    let (file, len) = open_regular(path, source)?;
    let reader: Box<dyn BufRead + Send> = if gzip {
        let decoder = MultiGzDecoder::new(Counted { inner: file, count: 0 });
        Box::new(BufReader::new(Gunzip { decoder, inflated: 0 }))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    Ok((reader, len))
}

/// An error met while reading: in gzip data it is the data's (broken or a bomb); `context` says
/// how far the reading went.
fn read_error(source: &str, gzip: bool, err: io::Error, context: &str) -> CoreError {
    let source = source.to_string();
    if let Some(bomb) = err.get_ref().and_then(|inner| inner.downcast_ref::<GzipBomb>()) {
        return CoreError::Input { source, detail: format!("{bomb}{context}") };
    }
    if gzip {
        return CoreError::Input { source, detail: format!("broken gzip data{context}: {err}") };
    }
    CoreError::Io { source, detail: format!("{err}{context}") }
}

/// UTF-8 to a string, without a leading byte order mark; on error, the offset of the first bad
/// byte and what it is.
fn decode(bytes: Vec<u8>, errors: DecodeErrors) -> std::result::Result<String, (usize, String)> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) if errors == DecodeErrors::Replace => String::from_utf8_lossy(err.as_bytes()).into_owned(),
        Err(err) => {
            let utf8 = err.utf8_error();
            let at = utf8.valid_up_to();
            let bad = &err.as_bytes()[at..(at + utf8.error_len().unwrap_or(1)).min(err.as_bytes().len())];
            return Err((at, format!("invalid byte(s) {bad:02x?}")));
        }
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Binary files (images, archives) have NUL bytes; text never does. The whole content is
/// searched: a NUL far into a file is as binary as one at its start.
fn reject_binary(bytes: &[u8], source: &str) -> Result<()> {
    match memchr::memchr(0, bytes) {
        Some(at) => Err(CoreError::Input { source: source.to_string(), detail: format!("looks like binary data, not text (NUL byte at offset {at})") }),
        None => Ok(()),
    }
}

fn read_text_file(path: &Path, name: &FileName, errors: DecodeErrors) -> Result<RawArticle> {
    let source = path.display().to_string();
    let too_large = || CoreError::Input { source: source.clone(), detail: format!("over {MAX_BYTES} bytes, the most an article may have") };
    let (reader, len) = open_bytes(path, &source, name.gzip)?;
    if !name.gzip && len > MAX_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(if name.gzip { 0 } else { len as usize });
    // Bounded even after the size check: a file may grow, and a gzip's size says little.
    reader.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| read_error(&source, name.gzip, e, ""))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    reject_binary(&bytes, &source)?;
    let text = decode(bytes, errors).map_err(|(byte_offset, detail)| CoreError::Decode { source: source.clone(), line: None, byte_offset, detail })?;
    Ok(RawArticle { id: name.stem.clone(), text, given: Given::default(), extra: None })
}

fn string_field(object: &mut Map<String, Value>, key: &str, source: &str, line: usize) -> Result<Option<String>> {
    match object.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
        Some(other) => {
            Err(CoreError::Json { source: source.to_string(), line, detail: format!("field {key:?} should be a string, not {}", json_type(&other)) })
        }
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
    let text = string_field(&mut object, "text", source, line)?.ok_or_else(|| json_error("no \"text\" field (or it is null)".to_string()))?;
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

/// The next line of `reader` into `bytes`, with its newline; its length in the file, and
/// whether it was cut at `MAX_BYTES` (the rest of such a line is passed over); None at the end.
fn next_line(reader: &mut dyn BufRead, bytes: &mut Vec<u8>) -> io::Result<Option<(u64, bool)>> {
    bytes.clear();
    let n = Read::take(&mut *reader, MAX_BYTES + 1).read_until(b'\n', bytes)? as u64;
    if n <= MAX_BYTES {
        return Ok((n > 0).then_some((n, false)));
    }
    let rest = reader.skip_until(b'\n')? as u64;
    Ok(Some((n + rest, true)))
}

/// One line of a JSON-lines file to an article (None for a blank line); `at` is where the line
/// starts in the file, for a decode error to give an offset in the file.
fn parse_line(bytes: &[u8], source: &str, line: usize, at: u64, errors: DecodeErrors, stem: &str) -> Result<Option<RawArticle>> {
    let json_error = |detail: String| CoreError::Json { source: source.to_string(), line, detail };
    // Without its end, lest serde_json's messages speak of a second line.
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    // Blank lines are passed over before anything is allocated: a file may hold millions.
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    // serde_json refuses a NUL too, but as a "control character": say what it means.
    if let Some(nul) = memchr::memchr(0, bytes) {
        return Err(json_error(format!("looks like binary data, not text (NUL byte at offset {nul} of the line)")));
    }
    let text = decode(bytes.to_vec(), errors).map_err(|(offset, detail)| CoreError::Decode {
        source: source.to_string(),
        line: Some(line),
        byte_offset: at as usize + offset,
        detail,
    })?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_json_line(&text, source, line, format!("{stem}:{line}")).map(Some)
}

/// A JSON-lines file being read one line at a time: a bad line (invalid UTF-8, a NUL byte, bad
/// JSON, too long) is that line's error, and under `OnError::Skip` it costs only that line.
/// Broken gzip data ends the file; under skip, the lines read before are kept.
struct JsonLinesReader {
    reader: Box<dyn BufRead + Send>,
    source: String,
    name: FileName,
    /// Lines read so far, and the offset in the (gunzipped) file where the next one starts.
    line: usize,
    at: u64,
    bytes: Vec<u8>,
}

impl JsonLinesReader {
    fn open(path: &Path, name: FileName) -> Result<JsonLinesReader> {
        let source = path.display().to_string();
        let reader = open_bytes(path, &source, name.gzip)?.0;
        Ok(JsonLinesReader { reader, source, name, line: 0, at: 0, bytes: Vec::new() })
    }

    /// The next article of the file (None at its end), passing skipped lines into `skipped`.
    fn next_article(&mut self, errors: DecodeErrors, on_error: OnError, skipped: &mut Vec<Skipped>) -> Result<Option<RawArticle>> {
        loop {
            let (length, too_long) = match next_line(self.reader.as_mut(), &mut self.bytes) {
                Ok(Some(next)) => next,
                Ok(None) => return Ok(None),
                Err(err) => {
                    let context = if self.line > 0 { format!(" (after line {})", self.line) } else { String::new() };
                    let err = read_error(&self.source, self.name.gzip, err, &context);
                    return match on_error {
                        OnError::Skip => {
                            skipped.push(Skipped::from(&err));
                            Ok(None)
                        }
                        OnError::Raise => Err(err),
                    };
                }
            };
            self.line += 1;
            let parsed = if too_long {
                Err(CoreError::Json { source: self.source.clone(), line: self.line, detail: format!("over {MAX_BYTES} bytes, the most an article may have") })
            } else {
                parse_line(&self.bytes, &self.source, self.line, self.at, errors, &self.name.stem)
            };
            self.at += length;
            match parsed {
                Ok(Some(article)) => return Ok(Some(article)),
                Ok(None) => {}
                Err(err) if on_error == OnError::Skip => skipped.push(Skipped::from(&err)),
                Err(err) => return Err(err),
            }
        }
    }
}

fn read_jsonl_file(path: &Path, name: FileName, errors: DecodeErrors, on_error: OnError, skipped: &mut Vec<Skipped>) -> Result<Vec<RawArticle>> {
    let mut lines = JsonLinesReader::open(path, name)?;
    let mut articles = Vec::new();
    while let Some(article) = lines.next_article(errors, on_error, skipped)? {
        articles.push(article);
    }
    Ok(articles)
}

fn read_file(path: &Path, errors: DecodeErrors, on_error: OnError, skipped: &mut Vec<Skipped>) -> Result<Vec<RawArticle>> {
    let name = file_name(path);
    match name.kind {
        Some(Kind::JsonLines) => read_jsonl_file(path, name, errors, on_error, skipped),
        Some(Kind::Text) | None => read_text_file(path, &name, errors).map(|article| vec![article]),
    }
}

/// The articles of `paths` a batch at a time, in the order `read_paths` gives them, with the same
/// errors and skips: a corpus larger than memory streams through, one batch in memory at once.
pub struct ArticleStream {
    files: std::vec::IntoIter<PathBuf>,
    open: Option<JsonLinesReader>,
    errors: DecodeErrors,
    on_error: OnError,
    /// Folder entries passed over while expanding `paths`: reported with the first batch.
    pending: Vec<Skipped>,
}

impl ArticleStream {
    pub fn new(paths: &[PathBuf], errors: DecodeErrors, on_error: OnError) -> Result<ArticleStream> {
        let mut pending = Vec::new();
        let files = expand_paths(paths, &mut pending)?.into_iter();
        Ok(ArticleStream { files, open: None, errors, on_error, pending })
    }

    /// Up to `max_articles` articles, stopping early once they hold `max_bytes` of text; None
    /// when everything has been read.
    pub fn next_batch(&mut self, max_articles: usize, max_bytes: usize) -> Result<Option<ReadReport>> {
        let mut batch = ReadReport { articles: Vec::new(), skipped: std::mem::take(&mut self.pending) };
        let mut held = 0;
        let mut exhausted = false;
        while batch.articles.len() < max_articles.max(1) && held < max_bytes.max(1) {
            if let Some(lines) = &mut self.open {
                match lines.next_article(self.errors, self.on_error, &mut batch.skipped)? {
                    Some(article) => {
                        held += article.text.len();
                        batch.articles.push(article);
                    }
                    None => self.open = None,
                }
                continue;
            }
            let Some(path) = self.files.next() else {
                exhausted = true;
                break;
            };
            let name = file_name(&path);
            let opened = match name.kind {
                Some(Kind::JsonLines) => JsonLinesReader::open(&path, name).map(|lines| self.open = Some(lines)),
                Some(Kind::Text) | None => read_text_file(&path, &name, self.errors).map(|article| {
                    held += article.text.len();
                    batch.articles.push(article);
                }),
            };
            match opened {
                Ok(()) => {}
                Err(err) if self.on_error == OnError::Skip => batch.skipped.push(Skipped::from(&err)),
                Err(err) => return Err(err),
            }
        }
        let done = exhausted && batch.articles.is_empty() && batch.skipped.is_empty();
        Ok((!done).then_some(batch))
    }
}

/// Read every file of `paths` (folders expanded), in parallel, keeping their order. The entries
/// of folders that are not read are listed in `skipped` whatever `on_error` says.
pub fn read_paths(paths: &[PathBuf], errors: DecodeErrors, on_error: OnError) -> Result<ReadReport> {
    let mut report = ReadReport::default();
    let files = expand_paths(paths, &mut report.skipped)?;
    let per_file: Vec<(Result<Vec<RawArticle>>, Vec<Skipped>)> = files
        .par_iter()
        .map(|path| {
            let mut skipped = Vec::new();
            (read_file(path, errors, on_error, &mut skipped), skipped)
        })
        .collect();
    for (read, skipped) in per_file {
        report.skipped.extend(skipped);
        match read {
            Ok(articles) => report.articles.extend(articles),
            Err(err) if on_error == OnError::Skip => report.skipped.push(Skipped::from(&err)),
            Err(err) => return Err(err),
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_gives_what_read_paths_gives_in_batches() {
        let folder = std::env::temp_dir().join(format!("newsfacts-stream-{}", std::process::id()));
        fs::create_dir_all(&folder).unwrap();
        let lines: String = (0..25).map(|i| format!("{{\"id\": \"a{i}\", \"text\": \"Article {i}.\"}}\n")).collect();
        fs::write(folder.join("a.jsonl"), lines + "not json\n").unwrap();
        fs::write(folder.join("b.txt"), "A text file.").unwrap();
        fs::write(folder.join("c.csv"), "x").unwrap();
        let whole = read_paths(std::slice::from_ref(&folder), DecodeErrors::Strict, OnError::Skip).unwrap();
        let mut stream = ArticleStream::new(std::slice::from_ref(&folder), DecodeErrors::Strict, OnError::Skip).unwrap();
        let (mut articles, mut skipped, mut batches) = (Vec::new(), Vec::new(), 0);
        while let Some(batch) = stream.next_batch(10, usize::MAX).unwrap() {
            assert!(batch.articles.len() <= 10);
            articles.extend(batch.articles);
            skipped.extend(batch.skipped);
            batches += 1;
        }
        fs::remove_dir_all(&folder).unwrap();
        assert_eq!(articles, whole.articles);
        assert_eq!(articles.len(), 26);
        assert_eq!(skipped, whole.skipped);
        assert!(batches >= 3);
        let mut raising = ArticleStream::new(&[PathBuf::from("/nonexistent/newsfacts")], DecodeErrors::Strict, OnError::Raise);
        assert!(raising.as_mut().map(|s| s.next_batch(1, 1)).is_err());
    }

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
        assert_eq!(decode(b"caf\xe9 au lait".to_vec(), DecodeErrors::Strict).unwrap_err().0, 3);
        assert_eq!(decode(b"caf\xe9".to_vec(), DecodeErrors::Replace).unwrap(), "caf\u{fffd}");
    }
}

#[cfg(test)]
mod file_tests {
    use super::*;
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;

    /// A fresh folder for one test.
    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsfacts-read-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn read_one(path: &Path, errors: DecodeErrors, on_error: OnError) -> Result<ReadReport> {
        read_paths(&[path.to_path_buf()], errors, on_error)
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    const LINES: &[u8] = b"{\"text\": \"Un.\"}\n{\"text\": \"caf\xe9\"}\n{\"text\": \"a\x00b\"}\n\n{\"text\": \"Deux.\"}\n";

    #[test]
    fn a_bad_line_costs_only_that_line() {
        let path = folder("lines").join("a.jsonl");
        fs::write(&path, LINES).unwrap();
        let report = read_one(&path, DecodeErrors::Strict, OnError::Skip).unwrap();
        let ids: Vec<_> = report.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a:1", "a:5"]);
        let shown = path.display();
        assert_eq!(report.skipped[0].source, format!("{shown}, line 2"));
        assert!(report.skipped[0].reason.starts_with("not valid UTF-8 at byte 29"), "{:?}", report.skipped);
        assert_eq!(report.skipped[1].source, format!("{shown}, line 3"));
        assert!(report.skipped[1].reason.contains("NUL byte"), "{:?}", report.skipped);
        let err = read_one(&path, DecodeErrors::Strict, OnError::Raise).unwrap_err();
        assert_eq!(err, CoreError::Decode { source: shown.to_string(), line: Some(2), byte_offset: 29, detail: "invalid byte(s) [e9]".into() });
        assert!(err.to_string().starts_with(&format!("{shown}, line 2: not valid UTF-8")), "{err}");
        let replaced = read_one(&path, DecodeErrors::Replace, OnError::Skip).unwrap();
        assert_eq!(replaced.articles[1].text, "caf\u{fffd}");
        assert_eq!(replaced.skipped.len(), 1);
    }

    #[test]
    fn gzipped_files_and_their_members() {
        let dir = folder("gz");
        let mut two_members = gzip(b"{\"id\": \"x\", \"text\": \"Un.\"}\n");
        two_members.extend(gzip(b"{\"id\": \"y\", \"text\": \"Deux.\"}\n"));
        fs::write(dir.join("a.jsonl.gz"), two_members).unwrap();
        fs::write(dir.join("b.TXT.gz"), gzip("Le café.".as_bytes())).unwrap();
        let report = read_one(&dir, DecodeErrors::Strict, OnError::Raise).unwrap();
        let read: Vec<_> = report.articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
        assert_eq!(read, [("x", "Un."), ("y", "Deux."), ("b", "Le café.")]);
        assert!(report.skipped.is_empty());

        let mut broken = gzip(b"{\"text\": \"Un.\"}\n");
        broken.truncate(broken.len() - 12);
        fs::write(dir.join("c.txt.gz"), &broken).unwrap();
        let err = read_one(&dir.join("c.txt.gz"), DecodeErrors::Strict, OnError::Raise).unwrap_err();
        assert!(matches!(&err, CoreError::Input { source, detail } if source.ends_with("c.txt.gz") && detail.starts_with("broken gzip data")), "{err:?}");
        fs::write(dir.join("d.jsonl.gz"), b"not gzip at all").unwrap();
        let report = read_one(&dir.join("d.jsonl.gz"), DecodeErrors::Strict, OnError::Skip).unwrap();
        assert!(report.skipped[0].source.ends_with("d.jsonl.gz"), "{:?}", report.skipped);
    }

    #[cfg(unix)]
    #[test]
    fn folder_entries_not_read_are_listed() {
        let dir = folder("entries");
        fs::write(dir.join("a.txt"), "Un.").unwrap();
        fs::write(dir.join("notes.md"), "Deux.").unwrap();
        fs::create_dir(dir.join("sub")).unwrap();
        std::os::unix::fs::symlink(dir.join("missing.txt"), dir.join("gone.txt")).unwrap();
        std::os::unix::fs::symlink(dir.join("loop.txt"), dir.join("loop.txt")).unwrap();
        let report = read_one(&dir, DecodeErrors::Strict, OnError::Raise).unwrap();
        assert_eq!(report.articles.len(), 1);
        let skipped: Vec<_> = report.skipped.iter().map(|s| (Path::new(&s.source).file_name().unwrap().to_str().unwrap(), s.reason.as_str())).collect();
        assert_eq!(skipped[0], ("gone.txt", "dangling symbolic link (its target does not exist)"));
        assert!(skipped[1].0 == "loop.txt" && skipped[1].1.starts_with("symbolic link that cannot be followed"), "{skipped:?}");
        assert_eq!(skipped[2], ("notes.md", NOT_ARTICLES));
        assert_eq!(skipped[3], ("sub", "folder (not read recursively)"));
    }

    #[test]
    fn nul_far_into_a_text_file_is_binary() {
        let path = folder("nul").join("late.txt");
        let mut bytes = vec![b'a'; 100_000];
        bytes.push(0);
        fs::write(&path, bytes).unwrap();
        let err = read_one(&path, DecodeErrors::Strict, OnError::Raise).unwrap_err();
        assert!(err.to_string().contains("NUL byte at offset 100000"), "{err}");
    }
}
