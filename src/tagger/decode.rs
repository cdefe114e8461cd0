//! Viterbi decoding: the best label sequence of a sentence under emission and transition
//! scores, among the sequences the scheme allows. Invalid transitions carry a score so low
//! (`Score::IMPOSSIBLE`) that no path through one can beat the all-Outside path, which is
//! always valid: they are never taken. Integer scores are rebased on Outside at each token, so
//! this holds in i32 for a sentence of any length.

use super::labels::{Label, Scheme};
use std::ops::Add;

/// A score type: i32 when tagging (sums of quantised weights), f32 when training.
pub trait Score: Copy + PartialOrd + Add<Output = Self> + Default {
    const IMPOSSIBLE: Self;

    /// Keep a token's best scores within range, without changing which is best: integers
    /// subtract the Outside score (always reachable) and floor the unreachable ones.
    fn rebase(_best: &mut [Self; MAX_LABELS]) {}
}

impl Score for i32 {
    // Twice this plus a token's scores stays far from i32::MIN; reachable scores, rebased each
    // token, stay within a few token's worth of weights (127 × 42 at most per label).
    const IMPOSSIBLE: i32 = -(1 << 28);

    fn rebase(best: &mut [i32; MAX_LABELS]) {
        let outside = best[0];
        for score in best.iter_mut() {
            *score = (*score - outside).max(Self::IMPOSSIBLE);
        }
    }
}

/// Wide scores for the decoder's tests (no rebasing needed).
#[cfg(test)]
impl Score for i64 {
    // Far below any reachable sum (2^31 per token at most, fewer than 2^32 tokens), and far
    // enough from i64::MIN that adding two never overflows.
    const IMPOSSIBLE: i64 = -(1 << 62) / 4;
}

impl Score for f32 {
    const IMPOSSIBLE: f32 = -1e30;
}

/// The most labels a scheme has (BILOU: 13).
pub const MAX_LABELS: usize = 16;

/// Transition, start and end scores with the scheme's constraints folded in.
#[derive(Clone, Debug)]
pub struct Transitions<T> {
    pub labels: usize,
    /// For each next label, the score from every previous label (`IMPOSSIBLE` where the
    /// scheme forbids it, and past the last label): a fixed-width row the decoder sums at once.
    /// Outside may precede every label that opens a mention, and B or I every label that
    /// continues one, so each row has an allowed entry.
    dense: Vec<[T; MAX_LABELS]>,
    pub start: Vec<T>,
    pub end: Vec<T>,
}

impl<T: Score> Transitions<T> {
    /// `transition(previous, next)`, `start(label)`, `end(label)`: the learnt scores.
    pub fn new(scheme: Scheme, transition: impl Fn(Label, Label) -> T, start: impl Fn(Label) -> T, end: impl Fn(Label) -> T) -> Transitions<T> {
        let labels = scheme.label_count().min(MAX_LABELS);
        let all = || 0..labels as Label;
        let pick = |allowed: bool, score: T| if allowed { score } else { T::IMPOSSIBLE };
        let dense = all()
            .map(|n| {
                let mut row = [T::IMPOSSIBLE; MAX_LABELS];
                for p in all() {
                    row[p as usize] = pick(scheme.can_follow(p, n), transition(p, n));
                }
                row
            })
            .collect();
        Transitions {
            labels,
            dense,
            start: all().map(|l| pick(scheme.can_start(l), start(l))).collect(),
            end: all().map(|l| pick(scheme.can_end(l), end(l))).collect(),
        }
    }
}

/// Reused buffers of the decoder.
#[derive(Default)]
pub struct Lattice {
    /// The best previous label of each label, token after token.
    back: Vec<[Label; MAX_LABELS]>,
}

/// The best labels for `emissions` (`labels` scores per token, token after token) into `out`.
/// Ties go to the first allowed label, so the result depends on the scores alone.
pub fn viterbi<T: Score>(transitions: &Transitions<T>, emissions: &[T], lattice: &mut Lattice, out: &mut Vec<Label>) {
    let labels = transitions.labels;
    let n = emissions.len() / labels;
    out.clear();
    if n == 0 {
        return;
    }
    let back = &mut lattice.back;
    back.clear();
    back.resize(n, [0; MAX_LABELS]);
    let mut best = [T::IMPOSSIBLE; MAX_LABELS];
    for (label, score) in best.iter_mut().enumerate().take(labels) {
        *score = transitions.start[label] + emissions[label];
    }
    for (t, token_emissions) in emissions.chunks_exact(labels).enumerate().skip(1) {
        let mut next_best = [T::IMPOSSIBLE; MAX_LABELS];
        let back_row = &mut back[t];
        for (next, row) in transitions.dense.iter().enumerate() {
            // All 16 sums at once (the compiler vectorizes a fixed-width row), then the first
            // previous label that reaches the top: ties go to the first, as before.
            let mut sums = [T::IMPOSSIBLE; MAX_LABELS];
            for ((sum, &b), &transition) in sums.iter_mut().zip(&best).zip(row) {
                *sum = b + transition;
            }
            let top = sums.iter().copied().fold(sums[0], |a, b| if b > a { b } else { a });
            let from = sums.iter().position(|&s| s == top).unwrap_or(0);
            next_best[next % MAX_LABELS] = top + token_emissions[next];
            back_row[next % MAX_LABELS] = from as Label;
        }
        T::rebase(&mut next_best);
        best = next_best;
    }
    let mut label = 0;
    let mut top = T::IMPOSSIBLE;
    for (l, (&score, &end)) in best.iter().zip(&transitions.end).enumerate() {
        if l == 0 || score + end > top {
            top = score + end;
            label = l;
        }
    }
    out.resize(n, 0);
    for t in (0..n).rev() {
        out[t] = label as Label;
        label = back[t][label % MAX_LABELS] as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_yields_an_invalid_sequence_even_when_scores_ask_for_one() {
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let transitions = Transitions::<i64>::new(scheme, |_, _| 0, |_| 0, |_| 0);
            let labels = transitions.labels;
            let inside = (0..labels as Label).find(|&l| scheme.label_name(l) == "I-person").unwrap();
            // Every token wants I-person, the one label that may not open a mention.
            let mut seed = 7u64;
            for n in [1usize, 2, 5, 40] {
                let mut emissions = vec![0i64; n * labels];
                for (i, e) in emissions.iter_mut().enumerate() {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    *e = (seed >> 40) as i64 % 50 + if i % labels == inside as usize { 1 << 31 } else { 0 };
                }
                let mut out = Vec::new();
                viterbi(&transitions, &emissions, &mut Lattice::default(), &mut out);
                assert_eq!(out.len(), n);
                assert!(scheme.can_start(out[0]) && scheme.can_end(out[n - 1]), "{}", scheme.name());
                assert!(out.windows(2).all(|w| scheme.can_follow(w[0], w[1])), "{}", scheme.name());
            }
        }
    }

    #[test]
    fn tagging_scores_stay_valid_over_a_sentence_of_any_length() {
        // The tagger's scores: i32, emissions at most 127 × 42 a label. 200,000 tokens that all
        // want I-person as much as weights can say: without rebasing, sums would pass i32's range.
        let scheme = Scheme::Bilou;
        let transitions = Transitions::<i32>::new(scheme, |_, _| 127, |_| 0, |_| 0);
        let labels = transitions.labels;
        let inside = (0..labels as Label).find(|&l| scheme.label_name(l) == "I-person").unwrap();
        let n = 200_000;
        let emissions: Vec<i32> = (0..n * labels).map(|i| if i % labels == inside as usize { 127 * 42 } else { -127 * 42 }).collect();
        let mut out = Vec::new();
        viterbi(&transitions, &emissions, &mut Lattice::default(), &mut out);
        assert!(scheme.can_start(out[0]) && scheme.can_end(out[n - 1]));
        assert!(out.windows(2).all(|w| scheme.can_follow(w[0], w[1])));
        assert_eq!(out[n / 2], inside, "one long person, as the scores ask");
    }

    #[test]
    fn follows_the_scores() {
        let transitions = Transitions::<f32>::new(Scheme::Bio, |_, _| 0.0, |_| 0.0, |_| 0.0);
        let labels = transitions.labels;
        let mut emissions = vec![0.0f32; 3 * labels];
        emissions[1] = 5.0; // B-person
        emissions[labels + 2] = 5.0; // I-person
        let mut out = Vec::new();
        viterbi(&transitions, &emissions, &mut Lattice::default(), &mut out);
        assert_eq!(out, [1, 2, 0]);
    }
}
