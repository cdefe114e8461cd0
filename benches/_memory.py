"""Peak resident memory of a call, sampled from /proc (sees Rust allocations too)."""

from __future__ import annotations

import threading
import time


def _rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096


def run_measured(work):
    """(result, seconds, peak RSS growth in MB) of `work()`."""
    baseline = _rss_bytes()
    peak = [baseline]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _rss_bytes())
            time.sleep(0.002)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    peak[0] = max(peak[0], _rss_bytes())
    return result, seconds, (peak[0] - baseline) / 1e6
