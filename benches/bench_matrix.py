"""Document-term matrices: newsfacts against scikit-learn, same corpus, same process.

    python benches/bench_matrix.py [--mb 50] [--repeat 3]

For each task: scikit-learn's fit_transform time, newsfacts' on all threads and on one, the
ratios, and the peak memory growth of each call. Times are medians of --repeat runs (scikit-learn's
slow n-gram run once). The outputs are checked equal before timing counts.
"""

from __future__ import annotations

import argparse
import gc
import statistics

import numpy as np
from _corpus import load_texts, megabytes_of
from _memory import run_measured
from sklearn.feature_extraction import text as sk

import newsfacts as nf
from newsfacts import sklearn as nfs


def measure(work, repeat):
    runs = []
    for _ in range(repeat):
        gc.collect()
        result, seconds, memory = run_measured(work)
        runs.append((seconds, memory))
        del result
    return statistics.median(s for s, _ in runs), max(m for _, m in runs)


def same(a, b):
    return a.shape == b.shape and np.array_equal(a.indptr, b.indptr) and np.array_equal(a.indices, b.indices) \
        and np.allclose(a.data, b.data, rtol=0, atol=1e-12)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = load_texts("bench_en.jsonl.gz", args.mb)
    mb = megabytes_of(texts)
    print(f"bench_en: {len(texts)} articles, {mb:.1f} MB; {nf.default_threads()} threads")

    tasks = {
        "CountVectorizer()": (sk.CountVectorizer, nfs.CountVectorizer, {}),
        "CountVectorizer(ngram_range=(1, 2))": (sk.CountVectorizer, nfs.CountVectorizer, {"ngram_range": (1, 2)}),
        "TfidfVectorizer()": (sk.TfidfVectorizer, nfs.TfidfVectorizer, {}),
        "HashingVectorizer()": (sk.HashingVectorizer, nfs.HashingVectorizer, {}),
    }
    header = f"{'task':40} {'sklearn s':>9} {'nf s':>7} {'nf 1t s':>8} {'ratio':>6} {'1t ratio':>8} {'sk MB':>7} {'nf MB':>7}"
    print(header)
    for name, (theirs, ours, params) in tasks.items():
        assert same(ours(**params).fit_transform(texts[:2000]), theirs(**params).fit_transform(texts[:2000])), name
        sk_time, sk_mem = measure(lambda: theirs(**params).fit_transform(texts), 1 if params else args.repeat)
        nf_time, nf_mem = measure(lambda: ours(**params).fit_transform(texts), args.repeat)
        one_time, _ = measure(lambda: ours(n_jobs=1, **params).fit_transform(texts), args.repeat)
        print(f"{name:40} {sk_time:9.2f} {nf_time:7.2f} {one_time:8.2f} {sk_time / nf_time:6.1f} "
              f"{sk_time / one_time:8.1f} {sk_mem:7.0f} {nf_mem:7.0f}")

    corpus, read_time, read_mem = run_measured(lambda: nf.read(texts))
    print(f"\nnews analyzer: nf.read (header, language, segments) {read_time:.2f} s, {read_mem:.0f} MB")
    sk_time, sk_mem = measure(lambda: sk.CountVectorizer().fit_transform(texts), 1)
    nf_time, nf_mem = measure(lambda: corpus.term_matrix(), args.repeat)
    one_time, _ = measure(lambda: corpus.term_matrix(n_jobs=1), args.repeat)
    print(f"{'corpus.term_matrix() vs CountVectorizer()':40} {sk_time:9.2f} {nf_time:7.2f} {one_time:8.2f} "
          f"{sk_time / nf_time:6.1f} {sk_time / one_time:8.1f} {sk_mem:7.0f} {nf_mem:7.0f}")


if __name__ == "__main__":
    main()
