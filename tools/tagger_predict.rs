//! Tags documents with the entity tagger and writes its mentions as facts in the evaluation
//! format (one JSON a line: doc, kind, start, end, text, value, attrs; code point offsets).
//!
//!     cargo run --release --bin tagger-predict -- [--weights FILE] DOCS.jsonl... > preds.jsonl
//!
//! Without `--weights`, the weights compiled into the library.

use _core::code_points::CodePoints;
use _core::tagger::corpus::{article_tokens, read_documents};
use _core::tagger::{tagger, Model, Tagger};
use std::io::Write;
use std::path::PathBuf;

fn run() -> Result<(), String> {
    let mut weights: Option<PathBuf> = None;
    let mut inputs = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--weights" => weights = Some(it.next().ok_or("--weights needs a file")?.into()),
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    let loaded;
    let tagger: &Tagger = match &weights {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            loaded = Tagger::new(Model::from_bytes(&bytes).map_err(|e| e.to_string())?);
            &loaded
        }
        None => tagger(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for input in &inputs {
        for document in read_documents(input)? {
            let tokens = article_tokens(&document.id, &document.text, document.lang);
            let mentions = tagger.tag(&document.text, &tokens, document.lang).map_err(|e| e.to_string())?;
            let mut cp = CodePoints::new(&document.text);
            for m in mentions {
                let (start, end) = (tokens.start[m.first_token] as usize, tokens.end[m.last_token] as usize);
                let text = &document.text[start..end];
                let fact = serde_json::json!({
                    "doc": document.id, "kind": m.kind.name(), "start": cp.at(start), "end": cp.at(end),
                    "text": text, "value": text, "attrs": {}
                });
                writeln!(out, "{fact}").map_err(|e| e.to_string())?;
            }
        }
    }
    out.flush().map_err(|e| e.to_string())
}

fn main() {
    if let Err(message) = run() {
        eprintln!("tagger-predict: {message}");
        std::process::exit(1);
    }
}
