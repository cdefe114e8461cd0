//! Times each stage of reading and tokenizing on a file of articles separated by U+001E.
//! cargo run --release --example profile_stages -- /tmp/bench20.txt

use _core::article::{detect_language, parse_header, segment, Article, Given};
use _core::lang::Lang;
use _core::tokenize::{scan, sentence_ids_with_breaks};
use std::time::Instant;

fn timed(name: &str, megabytes: f64, work: impl FnOnce() -> usize) {
    let start = Instant::now();
    let n = work();
    let seconds = start.elapsed().as_secs_f64();
    println!("{name:28} {:8.1} MB/s  ({n})", megabytes / seconds);
}

fn main() {
    let path = std::env::args().nth(1).expect("a file of articles separated by U+001E");
    let data = std::fs::read_to_string(path).unwrap();
    let texts: Vec<&str> = data.split('\u{1e}').collect();
    let mb = data.len() as f64 / 1e6;
    timed("header", mb, || texts.iter().map(|t| parse_header(t).end).sum());
    timed("language", mb, || texts.iter().filter(|t| detect_language(t) == Lang::En).count());
    timed("segments", mb, || texts.iter().map(|t| segment(t, 0, None).len()).sum());
    timed("scan", mb, || texts.iter().map(|t| scan(t, Lang::En).len()).sum());
    let scanned: Vec<_> = texts.iter().map(|t| scan(t, Lang::En)).collect();
    timed("sentences", mb, || texts.iter().zip(&scanned).map(|(t, tokens)| sentence_ids_with_breaks(t, tokens, &[]).len()).sum());
    let articles: Vec<Article> = texts.iter().map(|t| Article::analyze(String::new(), t.to_string(), Given::default()).unwrap()).collect();
    timed("article.tokens()", mb, || articles.iter().map(|a| a.tokens().len()).sum());
}
