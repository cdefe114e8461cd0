//! Training: a structured averaged perceptron (Collins 2002). For each sentence, in an order
//! shuffled by a seeded generator, decode with the current weights; where the best labels
//! differ from the gold ones, reward the gold labels' features and transitions and penalise
//! the predicted ones. The shipped weights are the average over all steps, quantised.

use super::corpus::Sentence;
use super::decode::{viterbi, Lattice, Transitions};
use super::features::TEMPLATE_COUNT;
use super::labels::{EntityKind, Label, Mention, Scheme};
use super::model::Model;
use super::{TagBuffers, Tagger};

#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    pub scheme: Scheme,
    /// log2 of the number of feature buckets.
    pub bits: u32,
    pub epochs: usize,
    pub seed: u64,
}

/// Mentions found, expected and right (same tokens, same kind), per kind.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub predicted: [usize; 3],
    pub gold: [usize; 3],
    pub correct: [usize; 3],
}

impl Counts {
    pub fn f1(&self, kind: EntityKind) -> f64 {
        let k = kind as usize;
        let (p, g, c) = (self.predicted[k] as f64, self.gold[k] as f64, self.correct[k] as f64);
        if p + g == 0.0 {
            0.0
        } else {
            2.0 * c / (p + g)
        }
    }

    pub fn micro_f1(&self) -> f64 {
        let (p, g, c) = (self.predicted.iter().sum::<usize>() as f64, self.gold.iter().sum::<usize>() as f64, self.correct.iter().sum::<usize>() as f64);
        if p + g == 0.0 {
            0.0
        } else {
            2.0 * c / (p + g)
        }
    }
}

/// Weights being learnt: the feature table, then transitions, start and end scores. `totals`
/// sums each weight's change times the step it happened at, for averaging.
struct Perceptron {
    labels: usize,
    table_len: usize,
    weights: Vec<f32>,
    totals: Vec<f64>,
    step: f64,
}

impl Perceptron {
    fn new(scheme: Scheme, bits: u32) -> Perceptron {
        let labels = scheme.label_count();
        let table_len = (1usize << bits) * labels;
        let len = table_len + labels * labels + 2 * labels;
        Perceptron { labels, table_len, weights: vec![0.0; len], totals: vec![0.0; len], step: 1.0 }
    }

    fn transition_at(&self, previous: Label, next: Label) -> usize {
        self.table_len + previous as usize * self.labels + next as usize
    }

    fn start_at(&self, label: Label) -> usize {
        self.table_len + self.labels * self.labels + label as usize
    }

    fn end_at(&self, label: Label) -> usize {
        self.start_at(label) + self.labels
    }

    fn add(&mut self, at: usize, delta: f32) {
        self.weights[at] += delta;
        self.totals[at] += self.step * delta as f64;
    }

    fn emissions(&self, features: &[u32], out: &mut Vec<f32>) {
        out.clear();
        for token_features in features.chunks_exact(TEMPLATE_COUNT) {
            let at = out.len();
            out.resize(at + self.labels, 0.0);
            for &f in token_features {
                let row = &self.weights[f as usize * self.labels..][..self.labels];
                for (score, w) in out[at..].iter_mut().zip(row) {
                    *score += w;
                }
            }
        }
    }

    fn update(&mut self, features: &[u32], gold: &[Label], predicted: &[Label]) {
        for (t, (&g, &p)) in gold.iter().zip(predicted).enumerate() {
            if g != p {
                for &f in &features[t * TEMPLATE_COUNT..(t + 1) * TEMPLATE_COUNT] {
                    self.add(f as usize * self.labels + g as usize, 1.0);
                    self.add(f as usize * self.labels + p as usize, -1.0);
                }
            }
            if t > 0 && (gold[t - 1], g) != (predicted[t - 1], p) {
                self.add(self.transition_at(gold[t - 1], g), 1.0);
                self.add(self.transition_at(predicted[t - 1], p), -1.0);
            }
        }
        if let (Some(&g), Some(&p)) = (gold.first(), predicted.first()) {
            if g != p {
                self.add(self.start_at(g), 1.0);
                self.add(self.start_at(p), -1.0);
            }
        }
        if let (Some(&g), Some(&p)) = (gold.last(), predicted.last()) {
            if g != p {
                self.add(self.end_at(g), 1.0);
                self.add(self.end_at(p), -1.0);
            }
        }
    }

    /// The averaged weights, quantised.
    fn averaged(&self, scheme: Scheme, bits: u32) -> Model {
        let average: Vec<f32> = self.weights.iter().zip(&self.totals).map(|(&w, &t)| (w as f64 - t / self.step) as f32).collect();
        let (table, rest) = average.split_at(self.table_len);
        let (transitions, rest) = rest.split_at(self.labels * self.labels);
        let (start, end) = rest.split_at(self.labels);
        Model::quantise(scheme, bits, table, transitions, start, end)
    }
}

/// Trains on `sentences` (their features must have been made with `options.bits`); after each
/// epoch, `on_epoch(epoch, model)` sees the averaged model so far. Same data and options give
/// the same weights.
pub fn train(sentences: &[Sentence], options: TrainOptions, mut on_epoch: impl FnMut(usize, &Model)) -> Model {
    let scheme = options.scheme;
    let mut perceptron = Perceptron::new(scheme, options.bits);
    let mut order: Vec<usize> = (0..sentences.len()).filter(|&i| sentences[i].tokens > 0).collect();
    let mut rng = fastrand::Rng::with_seed(options.seed);
    let (mut emissions, mut lattice, mut gold, mut predicted) = (Vec::new(), Lattice::default(), Vec::new(), Vec::new());
    let mut model = perceptron.averaged(scheme, options.bits);
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let sentence = &sentences[i];
            scheme.encode(sentence.tokens, &sentence.mentions, &mut gold);
            perceptron.emissions(&sentence.features, &mut emissions);
            let p = &perceptron;
            let transitions = Transitions::new(scheme, |a, b| p.weights[p.transition_at(a, b)], |l| p.weights[p.start_at(l)], |l| p.weights[p.end_at(l)]);
            viterbi(&transitions, &emissions, &mut lattice, &mut predicted);
            if predicted != gold {
                perceptron.update(&sentence.features, &gold, &predicted);
            }
            perceptron.step += 1.0;
        }
        model = perceptron.averaged(scheme, options.bits);
        on_epoch(epoch, &model);
    }
    model
}

/// Exact-match counts of `tagger` on sentences with gold mentions.
pub fn evaluate(tagger: &Tagger, sentences: &[Sentence]) -> Counts {
    let mut counts = Counts::default();
    let mut buffers = TagBuffers::default();
    let mut found: Vec<Mention> = Vec::new();
    for sentence in sentences {
        let labels = tagger.labels_for_features(&sentence.features, &mut buffers);
        found.clear();
        tagger.scheme().decode(&labels, 0, &mut found);
        for m in &found {
            counts.predicted[m.kind as usize] += 1;
            counts.correct[m.kind as usize] += sentence.mentions.contains(m) as usize;
        }
        for m in &sentence.mentions {
            counts.gold[m.kind as usize] += 1;
        }
    }
    counts
}
