//! A statistical named-entity tagger: people, organisations and places in English and French.
//!
//! An averaged perceptron over hashed sparse features (`features`), BIO or BILOU labels
//! (`labels`), Viterbi decoding with transition scores (`decode`). It reads the crate's own
//! tokens (`crate::tokenize::Tokens`: byte spans and sentence ids, as `facts::Context` holds
//! them), so a caller that has tokenized an article tags it without further work:
//!
//! ```
//! use _core::lang::Lang;
//! use _core::tagger::tagger;
//! use _core::tokenize::tokenize;
//!
//! let text = "Marie Dupont a rencontré le maire de Lyon.";
//! let tokens = tokenize(text, Lang::Fr, &[]);
//! for m in tagger().tag(text, &tokens, Lang::Fr).unwrap() {
//!     let span = tokens.start[m.first_token] as usize..tokens.end[m.last_token] as usize;
//!     println!("{} {}", m.kind.name(), &text[span]);
//! }
//! ```
//!
//! The weights (`weights.bin`, made by `cargo run --release --bin train-tagger`) are compiled
//! into the library and read once per process.

mod clusters;
pub mod corpus;
mod decode;
mod emissions;
mod features;
mod gazetteer;
mod hash;
mod labels;
mod model;
pub mod train;
mod word_cache;

pub use labels::{EntityKind, Mention, Scheme};
pub use model::{Model, ModelError};

use crate::lang::Lang;
use crate::tokenize::Tokens;
use decode::{viterbi, Lattice, Transitions};
use emissions::{EmissionBuffers, Sentence};
use features::{Scratch, TEMPLATE_COUNT};
use labels::Label;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;

/// Tokens that cannot belong to `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagError(pub String);

impl std::fmt::Display for TagError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot tag: {}", self.0)
    }
}

impl std::error::Error for TagError {}

/// Rows of label scores are padded to this many labels (BILOU has 13): one 16-byte row per
/// feature, summed without bounds checks per label.
const ROW: usize = 16;

/// A model laid out for tagging.
pub struct Tagger {
    scheme: Scheme,
    bits: u32,
    labels: usize,
    /// One row of label scores per feature bucket.
    rows: Vec<[i8; ROW]>,
    transitions: Transitions<i32>,
    /// Tells taggers apart, so that sums of weights kept for one are never used by another.
    id: u64,
}

/// Buffers reused from one text to the next (one set per thread in `Tagger::tag`).
#[derive(Default)]
pub struct TagBuffers {
    scratch: Scratch,
    sums: EmissionBuffers,
    features: Vec<u32>,
    emissions: Vec<i32>,
    lattice: Lattice<i32>,
    labels: Vec<Label>,
}

static WEIGHTS: &[u8] = include_bytes!("weights.bin");

static TAGGER: LazyLock<Tagger> = LazyLock::new(|| {
    // The shipped weights are tested to load; should they not, tag nothing rather than panic.
    Tagger::new(Model::from_bytes(WEIGHTS).unwrap_or_else(|_| Model::empty(Scheme::Bilou)))
});

/// The tagger with the shipped weights, loaded on first use.
pub fn tagger() -> &'static Tagger {
    &TAGGER
}

thread_local! {
    static BUFFERS: RefCell<TagBuffers> = RefCell::new(TagBuffers::default());
}

/// Checks that `tokens` are char ranges of `text`, in order, with sentence ids that never
/// go back.
fn check_tokens(text: &str, tokens: &Tokens) -> Result<(), TagError> {
    let n = tokens.start.len();
    if tokens.end.len() != n || tokens.kind.len() != n || tokens.sentence.len() != n {
        return Err(TagError("token columns of different lengths".into()));
    }
    for i in 0..n {
        let (start, end) = (tokens.start[i] as usize, tokens.end[i] as usize);
        if start > end || text.get(start..end).is_none() {
            return Err(TagError(format!("token {i} ({start}..{end}) is not a char range of the text")));
        }
        if i > 0 && tokens.sentence[i] < tokens.sentence[i - 1] {
            return Err(TagError(format!("sentence ids go back at token {i}")));
        }
    }
    Ok(())
}

impl Tagger {
    pub fn new(model: Model) -> Tagger {
        let labels = model.labels.min(ROW);
        let rows = model
            .table
            .chunks_exact(model.labels)
            .map(|weights| {
                let mut row = [0i8; ROW];
                row[..labels].copy_from_slice(&weights[..labels]);
                row
            })
            .collect();
        let transitions = Transitions::new(
            model.scheme,
            |previous, next| model.transitions[previous as usize * model.labels + next as usize] as i32,
            |label| model.start[label as usize] as i32,
            |label| model.end[label as usize] as i32,
        );
        static TAGGERS: AtomicU64 = AtomicU64::new(1);
        let id = TAGGERS.fetch_add(1, Ordering::Relaxed);
        Tagger { scheme: model.scheme, bits: model.bits, labels, rows, transitions, id }
    }

    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The names in `text`, whose tokens (and sentences) are `tokens`, as token spans in text
    /// order. A mention never crosses a sentence. `lang` is the article's language (`Und`
    /// when unknown).
    pub fn tag(&self, text: &str, tokens: &Tokens, lang: Lang) -> Result<Vec<Mention>, TagError> {
        let mut mentions = Vec::new();
        BUFFERS.with(|buffers| match buffers.try_borrow_mut() {
            Ok(mut buffers) => self.tag_into(text, tokens, lang, &mut buffers, &mut mentions),
            Err(_) => self.tag_into(text, tokens, lang, &mut TagBuffers::default(), &mut mentions),
        })?;
        Ok(mentions)
    }

    /// Like `tag`, with the caller's buffers, appending to `out`.
    pub fn tag_into(&self, text: &str, tokens: &Tokens, lang: Lang, buffers: &mut TagBuffers, out: &mut Vec<Mention>) -> Result<(), TagError> {
        check_tokens(text, tokens)?;
        buffers.scratch.read_tokens(text, tokens);
        let mut first = 0;
        while first < tokens.len() {
            let sentence = tokens.sentence[first];
            let end = first + tokens.sentence[first..].partition_point(|&s| s == sentence);
            let emissions = &mut buffers.emissions;
            emissions.clear();
            let sentence = Sentence { text, tokens, first, infos: &buffers.scratch.infos[first..end] };
            self.sentence_emissions(sentence, lang, &mut buffers.sums, emissions);
            viterbi(&self.transitions, emissions, &mut buffers.lattice, &mut buffers.labels);
            self.scheme.decode(&buffers.labels, first, out);
            first = end;
        }
        Ok(())
    }

    /// The label scores of one token, from its features, appended to `emissions`.
    #[inline]
    fn push_emissions(&self, features: &[u32], emissions: &mut Vec<i32>) {
        // i16 sums cannot overflow: 127 × TEMPLATE_COUNT < 2^15.
        let mut sums = [0i16; ROW];
        for &f in features {
            // Feature indices are below 2^bits by construction; `get` keeps a stray one harmless.
            if let Some(row) = self.rows.get(f as usize) {
                for (sum, &w) in sums.iter_mut().zip(row) {
                    *sum += w as i16;
                }
            }
        }
        emissions.extend(sums[..self.labels].iter().map(|&s| s as i32));
    }

    /// Labels for the sentence whose features are in `buffers.features`.
    fn decode_sentence(&self, buffers: &mut TagBuffers) {
        let emissions = &mut buffers.emissions;
        emissions.clear();
        for token_features in buffers.features.chunks_exact(TEMPLATE_COUNT) {
            self.push_emissions(token_features, emissions);
        }
        viterbi(&self.transitions, emissions, &mut buffers.lattice, &mut buffers.labels);
    }

    /// Labels for sentences already turned into features (training's development scores).
    pub(crate) fn labels_for_features(&self, features: &[u32], buffers: &mut TagBuffers) -> Vec<Label> {
        buffers.features.clear();
        buffers.features.extend_from_slice(features);
        self.decode_sentence(buffers);
        buffers.labels.clone()
    }
}

#[cfg(test)]
mod tests;
