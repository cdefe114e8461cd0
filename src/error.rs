//! Errors as data: what went wrong, where (which document, file, line, byte), before any Python.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum CoreError {
    /// A file or text is not valid UTF-8; `line` is set for a JSON line, and `byte_offset` counts
    /// from the start of the (decompressed) file.
    Decode { source: String, line: Option<usize>, byte_offset: usize, detail: String },
    /// A JSON line could not be read as an article.
    Json { source: String, line: usize, detail: String },
    /// The file system said no.
    Io { source: String, detail: String },
    /// The input is not text an article can be made of (binary, too large, missing text).
    Input { source: String, detail: String },
    /// A parameter is out of range or inconsistent.
    Parameter { name: String, detail: String },
    /// A bug of ours (a panic caught at the boundary), about the document being worked on: not
    /// the user's data to blame.
    Internal { source: String, detail: String },
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoreError::Parameter { name, detail } => write!(f, "invalid {name}: {detail}"),
            _ => write!(f, "{}: {}", self.location(), self.reason()),
        }
    }
}

impl std::error::Error for CoreError {}

impl CoreError {
    /// The document, file or parameter the error is about.
    pub fn source_name(&self) -> &str {
        match self {
            CoreError::Decode { source, .. }
            | CoreError::Json { source, .. }
            | CoreError::Io { source, .. }
            | CoreError::Input { source, .. }
            | CoreError::Internal { source, .. } => source,
            CoreError::Parameter { name, .. } => name,
        }
    }

    /// Where it went wrong: the file, with the line when there is one ("a.jsonl, line 3").
    pub fn location(&self) -> String {
        match self {
            CoreError::Decode { source, line: Some(line), .. } | CoreError::Json { source, line, .. } => {
                format!("{source}, line {line}")
            }
            _ => self.source_name().to_string(),
        }
    }

    /// What went wrong, without the location: a skip lists both apart, so that nothing shows
    /// the location twice.
    pub fn reason(&self) -> String {
        match self {
            // How to get past it is the caller's to say (a Python keyword, a command-line flag).
            CoreError::Decode { byte_offset, detail, .. } => format!("not valid UTF-8 at byte {byte_offset} ({detail})"),
            CoreError::Json { detail, .. } | CoreError::Io { detail, .. } | CoreError::Input { detail, .. } | CoreError::Internal { detail, .. } => {
                detail.clone()
            }
            CoreError::Parameter { detail, .. } => detail.clone(),
        }
    }
}

pub type Result<T> = std::result::Result<T, CoreError>;

/// Run `work`, turning a panic (a bug of ours) into an error that names the document and the
/// stage, so that it reaches Python as an exception about that document and not as a crash.
pub fn guard<T>(source: &str, stage: &str, work: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        CoreError::Internal { source: source.to_string(), detail: format!("internal error while {stage} (a bug of newsfacts, please report it): {message}") }
    })
}
