//! Random documents through every extractor: token soup over the words the rules look for (cue
//! words, quote marks, commas, numbers, months, names, units), with a fixed seed so that CI runs
//! the same cases every time. Built in the test profile, so an arithmetic overflow panics.
//!
//! Each document must finish within `NEWSFACTS_FUZZ_SECONDS` (a hang fails with the document
//! printed), must not panic, and its facts must hold the invariants users rely on.
//!
//! CI: `cargo test --test fuzz_facts` (20,000 cases, seed 11, about 20 s). A longer run by hand:
//! `NEWSFACTS_FUZZ_CASES=200000 NEWSFACTS_FUZZ_SEED=$RANDOM cargo test --release --test fuzz_facts -- --nocapture`
//! (release builds do not check overflow: run the debug profile too).

use _core::article::{Article, Given};
use _core::facts::{self, Fact, FactKind};
use _core::lang::Lang;
use std::sync::mpsc;
use std::time::Duration;

/// Words and marks the extractors react to, in both languages.
const VOCABULARY: &[&str] = &[
    // speech and attribution
    "said",
    "says",
    "told",
    "reporters",
    "according",
    "to",
    "added",
    "that",
    "he",
    "she",
    "it",
    "they",
    "who",
    "a",
    "déclaré",
    "dit",
    "affirmé",
    "selon",
    "que",
    "qu'",
    "il",
    "elle",
    "estime",
    "believes",
    "warned",
    "saying",
    // marks
    "\"",
    "“",
    "”",
    "«",
    "»",
    "'",
    "‘",
    "’",
    ",",
    ",",
    ",",
    ".",
    ".",
    ":",
    ";",
    "—",
    "-",
    "(",
    ")",
    "?",
    "!",
    "\n",
    "\n\n",
    // numbers and units
    "0",
    "1",
    "3",
    "12",
    "31",
    "30",
    "29",
    "2021",
    "1988",
    "0000",
    "999999999",
    "4294967296",
    "18446744073709551616",
    "1,5",
    "1,500",
    "16 %",
    "40%",
    "$5bn",
    "€40m",
    "3 Md€",
    "1 550",
    "millions",
    "billion",
    "milliards",
    "per cent",
    "decades",
    "years",
    "ans",
    "jours",
    "months",
    "weeks",
    "hours",
    "heures",
    "siècle",
    "XVe",
    "kg",
    "km/h",
    "francs",
    "dollars",
    "euros",
    "vingt",
    "et",
    "un",
    "trois",
    "cent",
    "quarante",
    "nineteen",
    "ninety-six",
    "two-year",
    // dates
    "January",
    "February",
    "Feb.",
    "Sept.",
    "mars",
    "avril",
    "juillet",
    "Monday",
    "Friday",
    "mardi",
    "dernier",
    "prochain",
    "last",
    "next",
    "year",
    "ago",
    "il y a",
    "the",
    "first",
    "quarter",
    "Q3",
    "1990s",
    "early",
    "années",
    "80",
    "Christmas",
    "Easter",
    "2021-02-30",
    "31/04/2021",
    "12/31/2021",
    "31.12.1999",
    "today",
    "yesterday",
    "hier",
    // names, bodies, places, roles, acronyms
    "Tony",
    "Blair",
    "Ren",
    "Zhengfei",
    "Alibaba",
    "Huawei",
    "Le",
    "Monde",
    "Reuters",
    "AFP",
    "Paris",
    "France",
    "United",
    "States",
    "US",
    "GM",
    "Corp",
    "Inc.",
    "(ABC)",
    "ABC",
    "Alpha",
    "Beta",
    "minister",
    "président",
    "ministre",
    "CEO",
    "Mr.",
    "M.",
    "Dr",
    "de",
    "du",
    "of",
    "and",
    "in",
    "en",
    "sur",
    "à",
    "The",
    "La",
    "Les",
    "Financial",
    "Times",
    "WALLACE:",
    "SMITH:",
    "its",
    "founder",
    "son",
    "fondateur",
    "spokesman",
    "porte-parole",
];

const HEADERS: &[&str] = &["", "", "date 2021-01\n\n", "date 2021-02-30\n", "title X\ndate 1999-12-31\n\n", "date 0000-01\n"];

struct Settings {
    cases: usize,
    seed: u64,
    seconds: u64,
}

fn settings() -> Settings {
    let number = |name: &str, default: u64| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    Settings { cases: number("NEWSFACTS_FUZZ_CASES", 20_000) as usize, seed: number("NEWSFACTS_FUZZ_SEED", 11), seconds: number("NEWSFACTS_FUZZ_SECONDS", 20) }
}

fn soup(rng: &mut fastrand::Rng) -> String {
    let mut text = HEADERS[rng.usize(..HEADERS.len())].to_string();
    let longest = rng.choice([8, 40, 200]).unwrap();
    let words = rng.usize(0..longest);
    for _ in 0..words {
        let word = VOCABULARY[rng.usize(..VOCABULARY.len())];
        let glue = if rng.u8(..6) == 0 { "" } else { " " };
        text.push_str(word);
        text.push_str(glue);
    }
    text
}

fn given(rng: &mut fastrand::Rng) -> Given {
    let lang = [None, Some(Lang::En), Some(Lang::Fr)][rng.usize(..3)];
    let date = [None, Some("2021-01-15"), Some("1999-12-31"), Some("2020-02-29")][rng.usize(..4)].map(str::to_string);
    Given { lang, date, ..Given::default() }
}

/// What a user relies on: spans inside the text on character boundaries, values that are no
/// impossible calendar days.
fn check(text: &str, found: &[Fact]) -> Result<(), String> {
    for fact in found {
        if fact.start > fact.end || fact.end > text.len() || !text.is_char_boundary(fact.start) || !text.is_char_boundary(fact.end) {
            return Err(format!("{} span {}..{} out of the text or off a character boundary", fact.kind.name(), fact.start, fact.end));
        }
        if fact.kind == FactKind::Duration && fact.value.as_str().is_some_and(|v| v.contains('-')) {
            return Err(format!("negative duration {}", fact.value));
        }
    }
    if found.windows(2).any(|w| (w[0].start, w[0].end) > (w[1].start, w[1].end)) {
        return Err("facts out of text order".into());
    }
    Ok(())
}

fn run_one(text: &str, given: Given) -> Result<(), String> {
    let article = Article::analyze("fuzz".into(), text.to_string(), given).map_err(|e| e.to_string())?;
    let tokens = article.tokens();
    if tokens.start.iter().zip(&tokens.end).any(|(&s, &e)| s > e || e as usize > text.len()) {
        return Err("token span out of the text".into());
    }
    check(&article.text, &facts::extract(&article))
}

#[test]
fn random_documents_through_every_extractor() {
    let Settings { cases, seed, seconds } = settings();
    let (report, reports) = mpsc::channel::<(usize, String, Result<(), String>)>();
    let (started, starts) = mpsc::channel::<(usize, String)>();
    // The work runs on its own thread so that a hang is seen here, with its document.
    std::thread::spawn(move || {
        let mut rng = fastrand::Rng::with_seed(seed);
        for case in 0..cases {
            let text = soup(&mut rng);
            let given = given(&mut rng);
            let _ = started.send((case, text.clone()));
            let outcome = std::panic::catch_unwind(|| run_one(&text, given)).unwrap_or_else(|panic| {
                Err(panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default())
            });
            let _ = report.send((case, text, outcome));
        }
    });
    let mut failures = Vec::new();
    for _ in 0..cases {
        let (case, text) = starts.recv().expect("fuzz worker died");
        match reports.recv_timeout(Duration::from_secs(seconds)) {
            Ok((_, _, Ok(()))) => {}
            Ok((case, text, Err(problem))) => failures.push(format!("case {case}: {problem}\n  document: {text:?}")),
            Err(_) => panic!("case {case} (seed {seed}) still running after {seconds} s: a hang\n  document: {text:?}"),
        }
        if failures.len() >= 5 {
            break;
        }
    }
    assert!(failures.is_empty(), "seed {seed}:\n{}", failures.join("\n"));
    println!("fuzz: {cases} documents, seed {seed}, no hang, panic or broken invariant");
}
