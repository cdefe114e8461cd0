//! Throughput of the entity tagger alone, on one core: `cargo bench --bench bench_tagger`.
//!
//! Reads the news corpora (`/work/shared/corpora/news_en.jsonl`, `news_fr.jsonl`, or the files
//! given as arguments), tokenizes every article as the library does (not timed), then times
//! tagging all of them, several runs, and prints the median in MB of text per second.

use _core::tagger::corpus::{article_tokens, read_documents};
use _core::tagger::{tagger, TagBuffers};
use std::time::Instant;

const RUNS: usize = 7;

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if paths.is_empty() {
        paths = vec!["/work/shared/corpora/news_en.jsonl".into(), "/work/shared/corpora/news_fr.jsonl".into()];
    }
    let tagger = tagger();
    for path in &paths {
        let documents = match read_documents(std::path::Path::new(path)) {
            Ok(documents) => documents,
            Err(e) => {
                eprintln!("bench_tagger: {e}");
                std::process::exit(1);
            }
        };
        let articles: Vec<_> = documents.iter().map(|d| (d, article_tokens(&d.id, &d.text, d.lang))).collect();
        let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
        let tokens: usize = articles.iter().map(|(_, t)| t.len()).sum();
        let mut buffers = TagBuffers::default();
        let mut mentions = Vec::new();
        let mut seconds = Vec::with_capacity(RUNS);
        let mut found = 0;
        for _ in 0..RUNS {
            let began = Instant::now();
            found = 0;
            for (document, tokens) in &articles {
                mentions.clear();
                if tagger.tag_into(&document.text, tokens, document.lang, &mut buffers, &mut mentions).is_ok() {
                    found += mentions.len();
                }
            }
            seconds.push(began.elapsed().as_secs_f64());
        }
        seconds.sort_by(f64::total_cmp);
        let median = seconds[RUNS / 2];
        println!(
            "{path}: {} articles, {:.2} MB, {tokens} tokens, {found} mentions: tagger {:.1} MB/s per core ({:.2} M tokens/s; median of {RUNS} runs, {:.3} s)",
            documents.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / median,
            tokens as f64 / 1e6 / median,
            median
        );
    }
}
