//! Viterbi decoding: the best label sequence of a sentence under emission and transition
//! scores, among the sequences the scheme allows. Invalid transitions carry a score so low
//! (`Score::IMPOSSIBLE`) that no path through one can beat the all-Outside path, which is
//! always valid: they are never taken.

use super::labels::{Label, Scheme};
use std::ops::Add;

/// A score type: i64 when tagging (sums of quantised weights), f32 when training.
pub trait Score: Copy + PartialOrd + Add<Output = Self> + Default {
    const IMPOSSIBLE: Self;
}

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
    /// For each next label, the previous labels that may precede it with the transition's
    /// score (BILOU allows 61 pairs of 169): the decoder only looks at those, one flat run per
    /// next label, `incoming[from[next]..from[next + 1]]`. Every label has at least one.
    incoming: Vec<(Label, T)>,
    from: Vec<usize>,
    pub start: Vec<T>,
    pub end: Vec<T>,
}

impl<T: Score> Transitions<T> {
    /// `transition(previous, next)`, `start(label)`, `end(label)`: the learnt scores.
    pub fn new(scheme: Scheme, transition: impl Fn(Label, Label) -> T, start: impl Fn(Label) -> T, end: impl Fn(Label) -> T) -> Transitions<T> {
        let labels = scheme.label_count().min(MAX_LABELS);
        let all = || 0..labels as Label;
        let pick = |allowed: bool, score: T| if allowed { score } else { T::IMPOSSIBLE };
        let scores: Vec<T> = all().flat_map(|p| all().map(move |n| (p, n))).map(|(p, n)| pick(scheme.can_follow(p, n), transition(p, n))).collect();
        let (mut incoming, mut from) = (Vec::new(), vec![0]);
        for n in all() {
            // Outside may precede every label that opens a mention, and B or I every label that
            // continues one; the fallback keeps the decoder safe should a scheme break that.
            let allowed: Vec<Label> = all().filter(|&p| scheme.can_follow(p, n)).collect();
            let allowed = if allowed.is_empty() { vec![0] } else { allowed };
            incoming.extend(allowed.into_iter().map(|p| (p, scores[p as usize * labels + n as usize])));
            from.push(incoming.len());
        }
        Transitions {
            labels,
            incoming,
            from,
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
        for next in 0..labels {
            let allowed = &transitions.incoming[transitions.from[next]..transitions.from[next + 1]];
            let (first, first_score) = allowed[0];
            let mut top = best[first as usize % MAX_LABELS] + first_score;
            let mut from = first;
            for &(previous, transition) in &allowed[1..] {
                let score = best[previous as usize % MAX_LABELS] + transition;
                if score > top {
                    top = score;
                    from = previous;
                }
            }
            next_best[next % MAX_LABELS] = top + token_emissions[next];
            back_row[next % MAX_LABELS] = from;
        }
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
