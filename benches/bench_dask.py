"""newsfacts.dask against one process, in one run: the same facts and TF-IDF matrix on one
machine (all cores, one process) and on a distributed.LocalCluster of 2 worker processes.

    python benches/bench_dask.py [--megabytes 20] [--partitions 8] [--repeat 3]

Prints median seconds, MB/s and the overhead ratio (cluster time / single-process time), and
checks that both give the same result. On a 2-core machine the cluster cannot be faster than
one process using both cores; the ratio measures what Dask costs (tasks, pickling, the
second pass of the exact vocabulary), which is what stays when more machines are added.
"""

from __future__ import annotations

import argparse
import gzip
import json

import pandas as pd
from _corpus import SHARED, median_time

import newsfacts as nf


def load_frame(megabytes: float) -> pd.DataFrame:
    rows, size = [], 0
    with gzip.open(SHARED / "bench_en.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            rows.append({"id": row["id"], "date": row.get("date"), "text": row["text"]})
            size += len(row["text"].encode("utf-8"))
            if size >= megabytes * 1e6:
                break
    return pd.DataFrame(rows), size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=20)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import dask.dataframe as dd
    import distributed

    import newsfacts.dask as nfd

    frame, megabytes = load_frame(args.megabytes)
    print(f"{len(frame)} articles, {megabytes:.1f} MB, {args.partitions} partitions")
    options = {"min_df": 2, "max_df": 0.5, "weighting": "tfidf"}

    def single_matrix():
        return nf.read(frame, id="id", date="date").term_matrix(**options)

    def single_facts():
        return nf.read(frame, id="id", date="date").facts().to_pandas()  # a DataFrame, like the cluster's

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = distributed.Client(cluster)
    df = dd.from_pandas(frame, npartitions=args.partitions).persist()  # data on the workers, as after a read
    distributed.wait(df)

    def cluster_matrix():
        return nfd.term_matrix(df, text="text", id="id", date="date", **options).compute()

    def cluster_hashing():
        return nfd.term_matrix(df, text="text", id="id", hashing=True, n_features=2**20).compute()

    def cluster_facts():
        return nfd.facts(df, text="text", id="id", date="date").compute()

    def settle():
        """Wait until the last run's results are released: Dask keys are deterministic, and a
        run that finds them still held would reuse them instead of computing."""
        import time

        while sum(len(keys) for keys in client.has_what().values()) > df.npartitions:
            time.sleep(0.02)

    assert cluster_matrix() == single_matrix(), "the cluster's matrix differs from the single-process one"
    assert len(cluster_facts()) == len(single_facts())
    rows = [
        ("tfidf matrix (exact, 2 passes)", median_time(single_matrix, args.repeat), median_time(cluster_matrix, args.repeat, setup=settle)),
        ("hashed matrix (1 pass)", median_time(lambda: nf.read(frame, id="id").term_matrix(hashing=True), args.repeat),
         median_time(cluster_hashing, args.repeat, setup=settle)),
        ("facts", median_time(single_facts, args.repeat), median_time(cluster_facts, args.repeat, setup=settle)),
    ]
    print(f"{'job':34} {'1 process':>12} {'LocalCluster':>14} {'overhead':>9}")
    for name, single, distributed_time in rows:
        print(f"{name:34} {single:7.2f} s {megabytes / single:5.1f} MB/s {distributed_time:6.2f} s "
              f"{megabytes / distributed_time:5.1f} MB/s {distributed_time / single:7.2f}×")
    client.close()
    cluster.close()


if __name__ == "__main__":
    main()
