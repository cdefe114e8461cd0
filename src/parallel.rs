//! The thread pool: sized by `n_jobs`, else `NEWSFACTS_THREADS`, else all cores.
//!
//! Why not rayon's global pool: after a `fork` (Python's multiprocessing on Linux) the child has
//! no worker threads and would wait on them forever. A pool remembers the process that built it,
//! and a forked child builds its own.

use rayon::{ThreadPool, ThreadPoolBuilder};
use std::sync::{Arc, Mutex};

struct CachedPool {
    pid: u32,
    threads: usize,
    pool: Arc<ThreadPool>,
}

/// Pools by size, for this process only (a forked child finds its parent's and builds anew).
static POOLS: Mutex<Vec<CachedPool>> = Mutex::new(Vec::new());

/// More threads than this many per core only cost memory and switches: `n_jobs=10_000` gets
/// this cap instead of 10,000 threads.
pub const MAX_THREADS_PER_CORE: usize = 4;

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Threads to use when the caller does not say.
pub fn default_threads() -> usize {
    std::env::var("NEWSFACTS_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(cores)
        .min(cores() * MAX_THREADS_PER_CORE)
}

/// How many threads `n_jobs` gets: `None` or 0 the default, at most `MAX_THREADS_PER_CORE` a core.
pub fn threads_for(n_jobs: Option<usize>) -> usize {
    n_jobs.filter(|&n| n > 0).unwrap_or_else(default_threads).min(cores() * MAX_THREADS_PER_CORE)
}

/// A pool of `n_jobs` threads (`None` or 0: the default; negative counts are the caller's to map).
pub fn pool(n_jobs: Option<usize>) -> Arc<ThreadPool> {
    let threads = threads_for(n_jobs);
    let pid = std::process::id();
    let mut pools = POOLS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    pools.retain(|c| c.pid == pid);
    if let Some(c) = pools.iter().find(|c| c.threads == threads) {
        return Arc::clone(&c.pool);
    }
    let build = |n: usize| ThreadPoolBuilder::new().num_threads(n).thread_name(|i| format!("newsfacts-{i}")).build();
    // A system short of threads still gets the work done, on one.
    let pool = Arc::new(build(threads).or_else(|_| build(1)).expect("the OS refused to start a worker thread"));
    pools.push(CachedPool { pid, threads, pool: Arc::clone(&pool) });
    pool
}

/// Run `work` on the pool of `n_jobs` threads.
pub fn install<R: Send>(n_jobs: Option<usize>, work: impl FnOnce() -> R + Send) -> R {
    pool(n_jobs).install(work)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_counts_are_capped_per_core() {
        assert_eq!(threads_for(Some(1)), 1);
        assert_eq!(threads_for(Some(10_000)), cores() * MAX_THREADS_PER_CORE);
        assert_eq!(install(Some(10_000), rayon::current_num_threads), cores() * MAX_THREADS_PER_CORE);
    }
}
