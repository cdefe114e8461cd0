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

static POOL: Mutex<Option<CachedPool>> = Mutex::new(None);

/// Threads to use when the caller does not say.
pub fn default_threads() -> usize {
    std::env::var("NEWSFACTS_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// A pool of `n_jobs` threads (`None` or 0: the default; negative counts are the caller's to map).
pub fn pool(n_jobs: Option<usize>) -> Arc<ThreadPool> {
    let threads = n_jobs.filter(|&n| n > 0).unwrap_or_else(default_threads);
    let pid = std::process::id();
    let mut cached = POOL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(c) = cached.as_ref().filter(|c| c.pid == pid && c.threads == threads) {
        return Arc::clone(&c.pool);
    }
    let pool = Arc::new(
        ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("newsfacts-{i}"))
            .build()
            .expect("the OS refused to start worker threads"),
    );
    *cached = Some(CachedPool { pid, threads, pool: Arc::clone(&pool) });
    pool
}

/// Run `work` on the pool of `n_jobs` threads.
pub fn install<R: Send>(n_jobs: Option<usize>, work: impl FnOnce() -> R + Send) -> R {
    pool(n_jobs).install(work)
}
