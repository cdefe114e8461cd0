//! Times each fact stage on JSON-lines files of articles ({"text", "lang"?} a line):
//! cargo run --release --example profile_facts -- /work/shared/corpora/news_en.jsonl

use _core::article::{Article, Given};
use _core::facts::{time_stages, STAGES};
use _core::lang::Lang;
use std::time::Duration;

fn main() {
    for path in std::env::args().skip(1) {
        let data = std::fs::read_to_string(&path).unwrap();
        let mut articles = Vec::new();
        for (n, line) in data.lines().enumerate() {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            let lang = record["lang"].as_str().and_then(|code| code.parse::<Lang>().ok());
            let text = record["text"].as_str().unwrap_or_default().to_string();
            articles.push(Article::analyze(n.to_string(), text, Given { lang, ..Given::default() }).unwrap());
        }
        let mb = articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
        let mut times = [Duration::ZERO; STAGES.len() + 1];
        for _ in 0..5 {
            for article in &articles {
                time_stages(article, &mut times);
            }
        }
        let tokens: Vec<_> = articles.iter().map(|a| a.tokens()).collect();
        // Warm: the tagger's weights, the gazetteers and the lexicons load on first use.
        time_stages(&articles[0], &mut [Duration::ZERO; STAGES.len() + 1]);
        for _ in 0..3 {
            let began = std::time::Instant::now();
            let mut found = 0;
            for (article, tokens) in articles.iter().zip(&tokens) {
                found += _core::tagger::tagger().tag(&article.text, tokens, article.lang).map_or(0, |m| m.len());
            }
            println!("{} tokens, {found} mentions", tokens.iter().map(|t| t.len()).sum::<usize>());
            println!("tagger alone, tokens given: {:.1} MB/s", mb / began.elapsed().as_secs_f64());
        }
        let total: f64 = times.iter().map(|t| t.as_secs_f64()).sum::<f64>() / 5.0;
        println!("{path}: {mb:.2} MB, all stages {:.2} MB/s", mb / total);
        let names = STAGES.iter().map(|s| s.name).chain(["(context)"]);
        for (name, time) in names.zip(times) {
            let seconds = time.as_secs_f64() / 5.0;
            println!("  {name:22} {:6.1}% {:8.1} MB/s", 100.0 * seconds / total, mb / seconds);
        }
    }
}
