//! Errors as data: what went wrong, where (which document, file, line, byte), before any Python.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum CoreError {
    /// A file or text is not valid UTF-8.
    Decode { source: String, byte_offset: usize, detail: String },
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
            CoreError::Decode { source, byte_offset, detail } => {
                write!(f, "{source}: not valid UTF-8 at byte {byte_offset} ({detail}); pass encoding_errors=\"replace\" to decode it with U+FFFD")
            }
            CoreError::Json { source, line, detail } => write!(f, "{source}, line {line}: {detail}"),
            CoreError::Io { source, detail } => write!(f, "{source}: {detail}"),
            CoreError::Input { source, detail } => write!(f, "{source}: {detail}"),
            CoreError::Parameter { name, detail } => write!(f, "invalid {name}: {detail}"),
            CoreError::Internal { source, detail } => write!(f, "{source}: {detail}"),
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
