//! Trains the entity tagger's weights from the shared training data.
//!
//!     cargo run --release --bin train-tagger -- [--train /work/shared/train] [--out src/tagger/weights.bin]
//!         [--epochs 10] [--bits 16] [--scheme bilou|bio] [--seed 13] [--dev-out DIR]
//!
//! Reads every `*.jsonl.gz` of the training folder. A fixed 15 % of the winer-fr documents (by a
//! hash of their id) is the French development set: never trained on, scored after each epoch
//! (exact token spans), and written with `--dev-out` as `winer-fr-dev.docs.jsonl` and
//! `winer-fr-dev.gold.jsonl` in the evaluation format, for score.py.

use _core::code_points::CodePoints;
use _core::tagger::corpus::{document_sentences, is_development, read_documents, AlignmentReport, Document, Sentence};
use _core::tagger::train::{evaluate, train, Counts, TrainOptions};
use _core::tagger::{EntityKind, Scheme, Tagger};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Args {
    train: PathBuf,
    out: PathBuf,
    dev_out: Option<PathBuf>,
    options: TrainOptions,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        train: PathBuf::from("/work/shared/train"),
        out: PathBuf::from("src/tagger/weights.bin"),
        dev_out: None,
        options: TrainOptions { scheme: Scheme::Bilou, bits: 16, epochs: 10, seed: 13 },
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--train" => args.train = value()?.into(),
            "--out" => args.out = value()?.into(),
            "--dev-out" => args.dev_out = Some(value()?.into()),
            "--epochs" => args.options.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => args.options.bits = value()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--seed" => args.options.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--scheme" => {
                args.options.scheme = match value()?.to_lowercase().as_str() {
                    "bio" => Scheme::Bio,
                    "bilou" => Scheme::Bilou,
                    other => return Err(format!("--scheme: {other}: expected bio or bilou")),
                }
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if !(8..=24).contains(&args.options.bits) {
        return Err("--bits must be within 8..=24".into());
    }
    Ok(args)
}

/// Documents, sentences, tokens, entities per language.
#[derive(Default)]
struct Tally {
    documents: usize,
    sentences: usize,
    tokens: usize,
    mentions: usize,
}

fn add_document(tally: &mut Tally, sentences: &[Sentence]) {
    tally.documents += 1;
    tally.sentences += sentences.len();
    tally.tokens += sentences.iter().map(|s| s.tokens).sum::<usize>();
    tally.mentions += sentences.iter().map(|s| s.mentions.len()).sum::<usize>();
}

fn show_counts(counts: &Counts) -> String {
    let kinds: Vec<String> = EntityKind::ALL.iter().map(|&k| format!("{} {:.3}", k.name(), counts.f1(k))).collect();
    format!("{}; all {:.3}", kinds.join(", "), counts.micro_f1())
}

fn write_dev_set(dir: &Path, documents: &[&Document]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut docs = std::io::BufWriter::new(std::fs::File::create(dir.join("winer-fr-dev.docs.jsonl"))?);
    let mut gold = std::io::BufWriter::new(std::fs::File::create(dir.join("winer-fr-dev.gold.jsonl"))?);
    for d in documents {
        let record =
            serde_json::json!({"id": d.id, "lang": d.lang.code(), "date": null, "source": "WiNER-fr (training file, development split)", "text": d.text});
        writeln!(docs, "{record}")?;
        let mut cp = CodePoints::new(&d.text);
        for &(start, end, kind) in &d.entities {
            let (s, e) = (cp.at(start), cp.at(end));
            let fact = serde_json::json!({"doc": d.id, "kind": kind.name(), "start": s, "end": e, "text": &d.text[start..end], "value": null, "attrs": {}});
            writeln!(gold, "{fact}")?;
        }
    }
    docs.flush()?;
    gold.flush()
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let began = Instant::now();
    let options = args.options;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&args.train)
        .map_err(|e| format!("{}: {e}", args.train.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".jsonl.gz"))
        .collect();
    files.sort();
    let (mut train_sentences, mut dev_sentences) = (Vec::new(), Vec::new());
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut report = AlignmentReport::default();
    let mut dev_documents = Vec::new();
    let mut all_documents = Vec::new();
    for file in &files {
        let documents = read_documents(file)?;
        println!("{}: {} documents", file.display(), documents.len());
        all_documents.push(documents);
    }
    for documents in &all_documents {
        for document in documents {
            let development = document.id.starts_with("winer-fr") && is_development(&document.id);
            let sentences = document_sentences(document, options.bits, &mut report);
            let group = if development { "fr (winer-fr dev, held out)".to_string() } else { format!("{} (train)", document.lang.code()) };
            add_document(tallies.entry(group).or_default(), &sentences);
            if development {
                dev_documents.push(document);
                dev_sentences.extend(sentences);
            } else {
                train_sentences.extend(sentences);
            }
        }
    }
    for (group, t) in &tallies {
        println!("{group}: {} documents, {} sentences, {} tokens, {} mentions", t.documents, t.sentences, t.tokens, t.mentions);
    }
    println!(
        "alignment: {} entities, {} on token boundaries, {} not on token boundaries (whole tokens taken), {} cut at a sentence end, {} lost",
        report.entities, report.exact, report.inexact, report.cut_by_sentence, report.lost
    );
    if let Some(dir) = &args.dev_out {
        write_dev_set(dir, &dev_documents).map_err(|e| format!("{}: {e}", dir.display()))?;
        println!("development set written to {}", dir.display());
    }
    println!(
        "training: {} scheme, 2^{} buckets, {} epochs, seed {}, {} sentences ({:.1} s reading)",
        options.scheme.name(),
        options.bits,
        options.epochs,
        options.seed,
        train_sentences.len(),
        began.elapsed().as_secs_f64()
    );
    let model = train(&train_sentences, options, |epoch, model| {
        let counts = evaluate(&Tagger::new(model.clone()), &dev_sentences);
        println!("epoch {epoch:>2} ({:.1} s): winer-fr dev exact F1: {}", began.elapsed().as_secs_f64(), show_counts(&counts));
    });
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let nonzero = model.table.iter().filter(|&&w| w != 0).count();
    println!(
        "wrote {} ({} bytes; {} of {} table weights non-zero; scale {:e}) in {:.1} s",
        args.out.display(),
        bytes.len(),
        nonzero,
        model.table.len(),
        model.scale,
        began.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() {
    if let Err(message) = run() {
        eprintln!("train-tagger: {message}");
        std::process::exit(1);
    }
}
