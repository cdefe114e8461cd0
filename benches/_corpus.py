"""Shared helpers for the benchmarks: load the shared corpora, time things, print ratios."""

from __future__ import annotations

import gzip
import json
import statistics
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"


def load_texts(name: str = "bench_en.jsonl.gz", megabytes: float | None = None) -> list[str]:
    """Article texts of a shared corpus, up to `megabytes` of UTF-8."""
    path = SHARED / name
    opener = gzip.open if path.suffix == ".gz" else open
    texts, size = [], 0
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            texts.append(text)
            size += len(text.encode("utf-8"))
            if megabytes and size >= megabytes * 1e6:
                break
    return texts


def megabytes_of(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def median_time(work, repeat: int = 3, verbose: bool = False, setup=None) -> float:
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
        if verbose:
            print(f"  {times[-1]:.3f} s")
    return statistics.median(times)
