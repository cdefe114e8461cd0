//! A progress counter that parallel work bumps per article and another thread reads (the
//! Python side draws a bar from it while the work runs without the GIL).

use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn add(&self, n: usize) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    pub fn total(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }
}

/// Bump `progress` if there is one.
pub fn tick(progress: Option<&Progress>, n: usize) {
    if let Some(p) = progress {
        p.add(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;

    #[test]
    fn counts_from_many_threads() {
        let progress = Progress::default();
        progress.set_total(1000);
        (0..1000).into_par_iter().for_each(|_| tick(Some(&progress), 1));
        assert_eq!((progress.done(), progress.total()), (1000, 1000));
    }
}
