//! Viterbi decoding: the best label sequence of a sentence under emission and transition
//! scores, among the sequences the scheme allows. A transition the scheme forbids is never
//! summed; a forbidden start or end carries a score so low (`Score::IMPOSSIBLE`) that no path
//! through one can beat the all-Outside path, which is always valid. Integer scores are
//! rebased on Outside at each token, so this holds in i32 for a sentence of any length.

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
    /// The next labels in groups that share their allowed previous labels: BILOU allows 61 of
    /// its 169 pairs, in one group of seven labels that open a mention or stay outside (after
    /// O, L or U) and one group per kind for I and L (after B or I). The decoder sums only
    /// those, a group's labels side by side.
    groups: Vec<Group<T>>,
    /// Where each label is in `groups`: (group, lane).
    place: [(usize, usize); MAX_LABELS],
    pub start: Vec<T>,
    pub end: Vec<T>,
}

/// How many next labels a group sums side by side.
const LANES: usize = 8;

/// Next labels with the same allowed previous labels, and the transition scores.
#[derive(Clone, Debug)]
struct Group<T> {
    /// The group's next labels: the first `count`.
    next: [Label; LANES],
    count: usize,
    /// The previous labels allowed before them, in label order: the first `froms` (never
    /// none: Outside may precede every label that opens a mention, and B or I every label
    /// that continues one).
    from: [Label; MAX_LABELS],
    froms: usize,
    /// `score[k][lane]`: the transition from `from[k]` to `next[lane]`.
    score: [[T; LANES]; MAX_LABELS],
}

impl<T> Group<T> {
    /// The allowed previous labels with their scores to each lane.
    #[inline]
    fn previous(&self) -> impl Iterator<Item = (Label, &[T; LANES])> {
        self.from[..self.froms].iter().copied().zip(&self.score)
    }
}

impl<T: Score> Transitions<T> {
    /// `transition(previous, next)`, `start(label)`, `end(label)`: the learnt scores.
    pub fn new(scheme: Scheme, transition: impl Fn(Label, Label) -> T, start: impl Fn(Label) -> T, end: impl Fn(Label) -> T) -> Transitions<T> {
        let labels = scheme.label_count().min(MAX_LABELS);
        let all = || 0..labels as Label;
        let pick = |allowed: bool, score: T| if allowed { score } else { T::IMPOSSIBLE };
        let allowed_before = |n: Label| all().filter(|&p| scheme.can_follow(p, n)).collect::<Vec<Label>>();
        let mut groups: Vec<Group<T>> = Vec::new();
        let mut place = [(0, 0); MAX_LABELS];
        for n in all() {
            let from = allowed_before(n);
            let index = match groups.iter().position(|g| g.from[..g.froms] == from[..] && g.count < LANES) {
                Some(index) => index,
                None => {
                    let mut group = Group { next: [0; LANES], count: 0, from: [0; MAX_LABELS], froms: from.len(), score: [[T::IMPOSSIBLE; LANES]; MAX_LABELS] };
                    group.from[..from.len()].copy_from_slice(&from);
                    groups.push(group);
                    groups.len() - 1
                }
            };
            let group = &mut groups[index];
            for (k, &p) in from.iter().enumerate() {
                group.score[k][group.count] = transition(p, n);
            }
            group.next[group.count] = n;
            place[n as usize] = (index, group.count);
            group.count += 1;
        }
        Transitions {
            labels,
            groups,
            place,
            start: all().map(|l| pick(scheme.can_start(l), start(l))).collect(),
            end: all().map(|l| pick(scheme.can_end(l), end(l))).collect(),
        }
    }
}

/// Reused buffers of the decoder.
#[derive(Default)]
pub struct Lattice<T> {
    /// The best score of each label, token after token (as rebased).
    best: Vec<[T; MAX_LABELS]>,
}

impl<T: Score> Transitions<T> {
    /// The best scores at the next token before its emissions: for each label, the top of
    /// the allowed previous labels' scores plus the transition, a group's labels side by side.
    #[inline]
    fn step(&self, best: &[T; MAX_LABELS], token_emissions: &[T]) -> [T; MAX_LABELS] {
        let mut next_best = [T::IMPOSSIBLE; MAX_LABELS];
        for group in &self.groups {
            let before = best[group.from[0] as usize % MAX_LABELS];
            let mut top: [T; LANES] = std::array::from_fn(|lane| before + group.score[0][lane]);
            for (p, scores) in group.previous().skip(1) {
                let before = best[p as usize % MAX_LABELS];
                for lane in 0..LANES {
                    let sum = before + scores[lane];
                    top[lane] = if sum > top[lane] { sum } else { top[lane] };
                }
            }
            for (&next, &score) in group.next.iter().zip(&top).take(group.count) {
                next_best[next as usize % MAX_LABELS] = score + token_emissions[next as usize];
            }
        }
        next_best
    }

    /// The label before `label` on the best path to it, given the best scores of the previous
    /// token: the first allowed previous label that reaches the top (ties go to the first).
    fn best_previous(&self, label: Label, before: &[T; MAX_LABELS]) -> Label {
        let (group, lane) = self.place[label as usize % MAX_LABELS];
        let group = &self.groups[group];
        let mut choice = (group.from[0], before[group.from[0] as usize % MAX_LABELS] + group.score[0][lane]);
        for (p, scores) in group.previous().skip(1) {
            let sum = before[p as usize % MAX_LABELS] + scores[lane];
            if sum > choice.1 {
                choice = (p, sum);
            }
        }
        choice.0
    }
}

/// The best labels for `emissions` (`labels` scores per token, token after token) into `out`.
/// Ties go to the first allowed label, so the result depends on the scores alone. The forward
/// pass keeps only each token's best scores; the way back finds each token's previous label
/// from them, one label per token.
pub fn viterbi<T: Score>(transitions: &Transitions<T>, emissions: &[T], lattice: &mut Lattice<T>, out: &mut Vec<Label>) {
    let labels = transitions.labels;
    let n = emissions.len() / labels;
    out.clear();
    if n == 0 {
        return;
    }
    let kept = &mut lattice.best;
    kept.clear();
    let mut best = [T::IMPOSSIBLE; MAX_LABELS];
    for (label, score) in best.iter_mut().enumerate().take(labels) {
        *score = transitions.start[label] + emissions[label];
    }
    kept.push(best);
    for token_emissions in emissions.chunks_exact(labels).skip(1) {
        best = transitions.step(&best, token_emissions);
        T::rebase(&mut best);
        kept.push(best);
    }
    let mut label = 0;
    let mut top = T::IMPOSSIBLE;
    for (l, (&score, &end)) in best.iter().zip(&transitions.end).enumerate() {
        if l == 0 || score + end > top {
            top = score + end;
            label = l as Label;
        }
    }
    out.resize(n, 0);
    for t in (0..n).rev() {
        out[t] = label;
        if t > 0 {
            label = transitions.best_previous(label, &kept[t - 1]);
        }
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

    /// The best valid sequence by trying every one (short sentences only).
    fn best_by_trying_all(scheme: Scheme, transitions: &Transitions<i64>, emissions: &[i64], score: impl Fn(Label, Label) -> i64) -> Vec<Label> {
        let labels = transitions.labels;
        let n = emissions.len() / labels;
        let (mut best, mut best_score) = (vec![], i64::MIN);
        for code in 0..labels.pow(n as u32) {
            let sequence: Vec<Label> = (0..n).map(|t| (code / labels.pow(t as u32) % labels) as Label).collect();
            if !scheme.can_start(sequence[0]) || !scheme.can_end(sequence[n - 1]) || !sequence.windows(2).all(|w| scheme.can_follow(w[0], w[1])) {
                continue;
            }
            let mut total = transitions.start[sequence[0] as usize] + transitions.end[sequence[n - 1] as usize];
            total += sequence.iter().enumerate().map(|(t, &l)| emissions[t * labels + l as usize]).sum::<i64>();
            total += sequence.windows(2).map(|w| score(w[0], w[1])).sum::<i64>();
            if total > best_score {
                (best, best_score) = (sequence, total);
            }
        }
        best
    }

    #[test]
    fn finds_the_best_valid_sequence() {
        let mut seed = 11u64;
        let mut random = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as i64 % 1000
        };
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            for n in [1usize, 2, 3, 4] {
                let scores: Vec<i64> = (0..16 * 18).map(|_| random()).collect();
                let score = |p: Label, q: Label| scores[p as usize * 16 + q as usize];
                let transitions = Transitions::<i64>::new(scheme, score, |l| scores[256 + l as usize], |l| scores[272 + l as usize]);
                let emissions: Vec<i64> = (0..n * transitions.labels).map(|_| random() * 3).collect();
                let mut out = Vec::new();
                viterbi(&transitions, &emissions, &mut Lattice::default(), &mut out);
                assert_eq!(out, best_by_trying_all(scheme, &transitions, &emissions, score), "{} {n}", scheme.name());
            }
        }
    }

    #[test]
    fn tagging_scores_find_the_same_path_as_wide_scores() {
        // i32 (the tagger's, rebased on Outside each token) against i64 (never rebased), on
        // random scores of the tagger's range.
        let mut seed = 5u64;
        let mut random = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as i64 % 5000 - 2500
        };
        let scores: Vec<i64> = (0..16 * 18).map(|_| random() / 20).collect();
        let score = |p: Label, q: Label| scores[p as usize * 16 + q as usize];
        let wide = Transitions::<i64>::new(Scheme::Bilou, score, |l| scores[256 + l as usize], |l| scores[272 + l as usize]);
        let narrow =
            Transitions::<i32>::new(Scheme::Bilou, |p, q| score(p, q) as i32, |l| scores[256 + l as usize] as i32, |l| scores[272 + l as usize] as i32);
        for n in [1usize, 2, 7, 60, 500] {
            let emissions: Vec<i64> = (0..n * wide.labels).map(|_| random()).collect();
            let (mut expected, mut found) = (Vec::new(), Vec::new());
            viterbi(&wide, &emissions, &mut Lattice::default(), &mut expected);
            let emissions: Vec<i32> = emissions.iter().map(|&e| e as i32).collect();
            viterbi(&narrow, &emissions, &mut Lattice::default(), &mut found);
            assert_eq!(found, expected, "{n} tokens");
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
