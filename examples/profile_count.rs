//! Times the stages of CountVectorizer-style counting on a file of articles separated by U+001E.
//! cargo run --release --example profile_count -- /tmp/bench20.txt
//! (words, then word pairs too, on one thread and on two)

use _core::matrix::{count_corpus, count_word_ngrams, python_word_runs, AnalyzerScratch, SklearnAnalyzer, StripAccents, TokenPattern};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a file of articles separated by U+001E");
    let data = std::fs::read_to_string(path).unwrap();
    let docs: Vec<&str> = data.split('\u{1e}').collect();
    let mb = data.len() as f64 / 1e6;
    let report = |name: &str, start: Instant, n: usize| println!("{name:24} {:7.1} MB/s ({n})", mb / start.elapsed().as_secs_f64());

    let start = Instant::now();
    let lowered: Vec<String> = docs.iter().map(|d| d.to_lowercase()).collect();
    report("lowercase", start, lowered.len());
    let start = Instant::now();
    let mut n = 0;
    for doc in &lowered {
        python_word_runs(doc, 2, |_| n += 1);
    }
    report("tokens", start, n);
    let analyzer = SklearnAnalyzer::new(true, StripAccents::None, TokenPattern::Default, (1, 1), None).unwrap();
    let start = Instant::now();
    let mut n = 0;
    let mut scratch = AnalyzerScratch::default();
    for doc in &docs {
        analyzer.terms(doc, &mut scratch, &mut |_| n += 1);
    }
    report("analyzer terms", start, n);
    let weights: Vec<usize> = docs.iter().map(|d| d.len()).collect();
    let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| analyzer.terms(docs[doc], &mut AnalyzerScratch::default(), emit);
    let start = Instant::now();
    let counts = count_corpus(&weights, &analyze, Some(1));
    report("count (1 thread)", start, counts.vocabulary.len());
    let start = Instant::now();
    let columns: Vec<i64> = (0..counts.vocabulary.len() as i64).collect();
    let csr = counts.to_csr(&columns, columns.len(), false, true, Some(1));
    report("to_csr (1 thread)", start, csr.indices.len());

    let bigrams = SklearnAnalyzer::new(true, StripAccents::None, TokenPattern::Default, (1, 2), None).unwrap();
    let words = |doc: usize, emit: &mut dyn FnMut(&str)| bigrams.words(docs[doc], emit);
    for threads in [1, 2] {
        let start = Instant::now();
        let counts = count_word_ngrams(&weights, &words, (1, 2), Some(threads));
        report(&format!("count 1-2 grams ({threads} t)"), start, counts.vocabulary.len());
    }
}
