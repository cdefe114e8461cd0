//! Throughput of the entity tagger alone, on one core: `cargo bench --bench bench_tagger`.
//!
//! Reads the news corpora (`/work/shared/corpora/news_en.jsonl`, `news_fr.jsonl`, or the files
//! given as arguments), tokenizes every article as the library does (not timed), then times
//! tagging all of them, several runs, and prints the median in MB of text per second.

use _core::tagger::corpus::{article_tokens, read_documents};
use _core::tagger::{tagger, Model, TagBuffers, Tagger};
use std::time::Instant;

const RUNS: usize = 7;

/// CPU seconds this thread has used: the machine is shared, so wall time measures the
/// neighbours too.
fn thread_cpu_seconds() -> f64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec we own; the clock id is a constant.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

fn fail(message: &str) -> ! {
    eprintln!("bench_tagger: {message}");
    std::process::exit(1);
}

fn main() {
    // `cargo bench` passes `--bench`; `--weights FILE` times other weights than the shipped ones.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let weights = args.iter().position(|a| a == "--weights").and_then(|i| args.get(i + 1)).cloned();
    let mut paths: Vec<String> = args.iter().filter(|a| !a.starts_with("--") && Some(*a) != weights.as_ref()).cloned().collect();
    if paths.is_empty() {
        paths = vec!["/work/shared/corpora/news_en.jsonl".into(), "/work/shared/corpora/news_fr.jsonl".into()];
    }
    let loaded = weights.map(|path| {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
        Tagger::new(Model::from_bytes(&bytes).unwrap_or_else(|e| fail(&e.to_string())))
    });
    let tagger = loaded.as_ref().unwrap_or_else(|| tagger());
    for path in &paths {
        let documents = read_documents(std::path::Path::new(path)).unwrap_or_else(|e| fail(&e));
        let articles: Vec<_> = documents.iter().map(|d| (d, article_tokens(&d.id, &d.text, d.lang))).collect();
        let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
        let tokens: usize = articles.iter().map(|(_, t)| t.len()).sum();
        let mut buffers = TagBuffers::default();
        let mut mentions = Vec::new();
        let mut seconds = Vec::with_capacity(RUNS);
        let mut cpu_seconds = Vec::with_capacity(RUNS);
        let mut found = 0;
        for _ in 0..RUNS {
            let began = Instant::now();
            let cpu_began = thread_cpu_seconds();
            found = 0;
            for (document, tokens) in &articles {
                mentions.clear();
                if tagger.tag_into(&document.text, tokens, document.lang, &mut buffers, &mut mentions).is_ok() {
                    found += mentions.len();
                }
            }
            cpu_seconds.push(thread_cpu_seconds() - cpu_began);
            seconds.push(began.elapsed().as_secs_f64());
        }
        seconds.sort_by(f64::total_cmp);
        cpu_seconds.sort_by(f64::total_cmp);
        let (median, cpu_median) = (seconds[RUNS / 2], cpu_seconds[RUNS / 2]);
        println!(
            "{path}: {} articles, {:.2} MB, {tokens} tokens, {found} mentions: tagger {:.1} MB/s per core of CPU time ({:.2} M tokens/s), {:.1} MB/s of wall time (median of {RUNS} runs: {:.3} s CPU, {:.3} s wall)",
            documents.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / cpu_median,
            tokens as f64 / 1e6 / cpu_median,
            bytes as f64 / 1e6 / median,
            cpu_median,
            median
        );
    }
}
