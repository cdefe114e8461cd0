//! Times counting words (CountVectorizer's default analyzer) on one and two threads, and the
//! matrix assembly, on a file of articles separated by U+001E: the loop to run under `perf`.
//! cargo run --release --example profile_count_words -- /tmp/bench20.txt [repeats]

use _core::matrix::{count_corpus, AnalyzerScratch, SklearnAnalyzer, StripAccents, TokenPattern};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a file of articles separated by U+001E");
    let repeats: usize = std::env::args().nth(2).map_or(5, |r| r.parse().expect("a number of repeats"));
    let data = std::fs::read_to_string(path).unwrap();
    let docs: Vec<&str> = data.split('\u{1e}').collect();
    let mb = data.len() as f64 / 1e6;
    let weights: Vec<usize> = docs.iter().map(|d| d.len()).collect();
    let analyzer = SklearnAnalyzer::new(true, StripAccents::None, TokenPattern::Default, (1, 1), None).unwrap();
    let analyze = |doc: usize, emit: &mut dyn FnMut(&str)| analyzer.terms(docs[doc], &mut AnalyzerScratch::default(), emit);
    for threads in [1, 2] {
        let (mut count, mut csr) = (Vec::new(), Vec::new());
        for _ in 0..repeats {
            let start = Instant::now();
            let counts = count_corpus(&weights, &analyze, Some(threads));
            count.push(start.elapsed().as_secs_f64());
            let columns: Vec<i64> = (0..counts.vocabulary.len() as i64).collect();
            let start = Instant::now();
            let matrix = counts.to_csr(&columns, columns.len(), false, true, Some(threads));
            csr.push(start.elapsed().as_secs_f64());
            assert!(!matrix.indices.is_empty());
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (c, m) = (median(&mut count), median(&mut csr));
        println!("{threads} thread(s): count {:.3} s ({:.0} MB/s), to_csr {:.3} s", c, mb / c, m);
    }
}
