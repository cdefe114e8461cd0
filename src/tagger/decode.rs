//! Viterbi decoding: the best label sequence of a sentence under emission and transition
//! scores, among the sequences the scheme allows (an invalid transition is never taken, not
//! merely penalised).

use super::labels::{Label, Scheme};
use std::ops::Add;

/// Which labels may precede each label, and which may open or close a sentence.
#[derive(Clone, Debug)]
pub struct Allowed {
    pub labels: usize,
    /// `previous[next]`: the labels that may come before `next`.
    previous: Vec<Vec<Label>>,
    starts: Vec<bool>,
    ends: Vec<bool>,
}

impl Allowed {
    pub fn new(scheme: Scheme) -> Allowed {
        let labels = scheme.label_count();
        let all = 0..labels as Label;
        Allowed {
            labels,
            previous: all.clone().map(|next| all.clone().filter(|&previous| scheme.can_follow(previous, next)).collect()).collect(),
            starts: all.clone().map(|l| scheme.can_start(l)).collect(),
            ends: all.map(|l| scheme.can_end(l)).collect(),
        }
    }
}

/// Reused buffers of the decoder.
#[derive(Default)]
pub struct Lattice<T> {
    best: Vec<T>,
    next_best: Vec<T>,
    back: Vec<Label>,
    alive: Vec<bool>,
    next_alive: Vec<bool>,
}

/// The best labels for `emissions` (`labels` scores per token, token after token) into `out`.
/// `transition(previous, next)`, `start(label)`, `end(label)`: the other scores. Ties go to the
/// lower label, so the result depends on the scores alone.
#[allow(clippy::too_many_arguments)]
pub fn viterbi<T>(
    allowed: &Allowed,
    emissions: &[T],
    transition: impl Fn(Label, Label) -> T,
    start: impl Fn(Label) -> T,
    end: impl Fn(Label) -> T,
    lattice: &mut Lattice<T>,
    out: &mut Vec<Label>,
) where
    T: Copy + PartialOrd + Add<Output = T> + Default,
{
    let labels = allowed.labels;
    let n = emissions.len() / labels;
    out.clear();
    if n == 0 {
        return;
    }
    let Lattice { best, next_best, back, alive, next_alive } = lattice;
    best.clear();
    back.clear();
    back.resize(n * labels, 0);
    // `None` scores are impossible paths, kept apart rather than given a huge negative value.
    alive.clear();
    alive.resize(labels, false);
    next_alive.clear();
    next_alive.resize(labels, false);
    for label in 0..labels {
        alive[label] = allowed.starts[label];
        best.push(if alive[label] { start(label as Label) + emissions[label] } else { T::default() });
    }
    for t in 1..n {
        next_best.clear();
        for next in 0..labels {
            let mut choice: Option<(T, Label)> = None;
            for &previous in &allowed.previous[next] {
                if !alive[previous as usize] {
                    continue;
                }
                let score = best[previous as usize] + transition(previous, next as Label);
                if choice.is_none_or(|(s, _)| score > s) {
                    choice = Some((score, previous));
                }
            }
            next_alive[next] = choice.is_some();
            match choice {
                Some((score, previous)) => {
                    next_best.push(score + emissions[t * labels + next]);
                    back[t * labels + next] = previous;
                }
                None => next_best.push(T::default()),
            }
        }
        std::mem::swap(best, next_best);
        std::mem::swap(alive, next_alive);
    }
    let mut last: Option<(T, Label)> = None;
    for label in 0..labels {
        if alive[label] && allowed.ends[label] {
            let score = best[label] + end(label as Label);
            if last.is_none_or(|(s, _)| score > s) {
                last = Some((score, label as Label));
            }
        }
    }
    // Every scheme allows "all Outside", so a path always exists; stay safe all the same.
    let Some((_, mut label)) = last else {
        out.resize(n, 0);
        return;
    };
    out.resize(n, 0);
    for t in (0..n).rev() {
        out[t] = label;
        if t > 0 {
            label = back[t * labels + label as usize];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_yields_an_invalid_sequence_even_when_scores_ask_for_one() {
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let allowed = Allowed::new(scheme);
            let labels = allowed.labels;
            let inside = (0..labels as Label).find(|&l| scheme.label_name(l) == "I-person").unwrap();
            // Every token wants I-person, the one label that may not open a mention.
            let mut seed = 7u64;
            for n in [1usize, 2, 5, 40] {
                let mut emissions = vec![0i64; n * labels];
                for (i, e) in emissions.iter_mut().enumerate() {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    *e = (seed >> 40) as i64 % 50 + if i % labels == inside as usize { 1000 } else { 0 };
                }
                let mut out = Vec::new();
                viterbi(&allowed, &emissions, |_, _| 0, |_| 0, |_| 0, &mut Lattice::default(), &mut out);
                assert_eq!(out.len(), n);
                assert!(scheme.can_start(out[0]) && scheme.can_end(out[n - 1]), "{}", scheme.name());
                assert!(out.windows(2).all(|w| scheme.can_follow(w[0], w[1])), "{}", scheme.name());
            }
        }
    }

    #[test]
    fn follows_the_scores() {
        let allowed = Allowed::new(Scheme::Bio);
        let labels = allowed.labels;
        let mut emissions = vec![0.0f32; 3 * labels];
        emissions[1] = 5.0; // B-person
        emissions[labels + 2] = 5.0; // I-person
        let mut out = Vec::new();
        viterbi(&allowed, &emissions, |_, _| 0.0, |_| 0.0, |_| 0.0, &mut Lattice::default(), &mut out);
        assert_eq!(out, [1, 2, 0]);
    }
}
