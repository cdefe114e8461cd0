"""A corpus larger than memory should be: `newsfacts facts BIG.jsonl -o out.jsonl` against
`corpus.facts()` on the same text, and what facts and tokens cost in memory.

    python benches/bench_stream.py [--mb 1000] [--memory-mb 100] [--gzip]

Builds BIG.jsonl (--mb of text from ../shared/corpora/bench_en.jsonl.gz, repeated with fresh
ids) in a temporary folder, then, each in its own process so that peak memory is its own:
1. the command line, streaming: wall time, MB/s, peak resident memory;
2. `read` + `corpus.facts()` in memory on the first --memory-mb of the same file: MB/s of the
   facts alone, and peak memory over input size for `corpus.facts()` and `corpus.tokens()`.
Prints the streaming throughput as a share of the in-memory one (target ≥ 80%) and its peak
memory (target under 1 GB for 1 GB of input). Medians of --repeat runs for the in-memory part.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from _corpus import SHARED


def build(path: Path, megabytes: int, packed: bool) -> int:
    """Write --mb of articles; returns the bytes of article text written."""
    source = SHARED / "bench_en.jsonl.gz"
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines]
    target, written, round_ = megabytes * 1_000_000, 0, 0
    opener = gzip.open if packed else open
    with opener(path, "wt", encoding="utf-8") as out:
        while written < target:
            for article in articles:
                article = dict(article, id=f"{article.get('id', '')}~{round_}")
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
                written += len(article["text"].encode("utf-8"))
                if written >= target:
                    break
            round_ += 1
    return written


def run_child(code: str) -> tuple[str, float]:
    """Run Python `code` in a child; its output and its own peak resident memory in MB (the
    child prints it last: RUSAGE_CHILDREN would give the largest of all children so far)."""
    code = textwrap.dedent(code) + "\nimport resource as _r; print(_r.getrusage(_r.RUSAGE_SELF).ru_maxrss)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    *lines, peak = done.stdout.strip().splitlines()
    return "\n".join(lines), int(peak) / 1024


def streaming(big: Path, out: Path) -> tuple[float, float]:
    code = f"""
        import time, sys
        from newsfacts.cli import main
        start = time.perf_counter()
        main(["facts", {str(big)!r}, "-o", {str(out)!r}, "-q"])
        print(time.perf_counter() - start)
    """
    stdout, peak = run_child(code)
    return float(stdout.strip().splitlines()[-1]), peak


def in_memory(sample: Path, what: str) -> tuple[float, float, int]:
    """(seconds of `what` alone, peak MB of the process, text bytes) for `read` + `what`."""
    code = f"""
        import resource, time
        import newsfacts as nf
        corpus = nf.read({str(sample)!r}, progress=False)
        text_bytes = sum(len(d.text.encode("utf-8")) for d in corpus)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        result = corpus.{what}(progress=False)
        seconds = time.perf_counter() - start
        print(seconds, before / 1024, text_bytes)
    """
    stdout, peak = run_child(code)
    seconds, before, text_bytes = stdout.split()[-3:]
    return float(seconds), peak - float(before), int(text_bytes)


def head(big: Path, sample: Path, megabytes: int) -> None:
    opener = gzip.open if big.suffix == ".gz" else open
    written = 0
    with opener(big, "rt", encoding="utf-8") as lines, open(sample, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(line)
            written += len(line.encode("utf-8"))
            if written >= megabytes * 1_000_000:
                break


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=1000)
    parser.add_argument("--memory-mb", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--gzip", action="store_true")
    parser.add_argument("--folder", default=None, help="where to build the files (default: a temporary folder)")
    args = parser.parse_args()
    folder = Path(args.folder or tempfile.mkdtemp(prefix="newsfacts-stream-"))
    folder.mkdir(parents=True, exist_ok=True)
    big = folder / ("big.jsonl.gz" if args.gzip else "big.jsonl")
    sample = folder / "sample.jsonl"
    if not big.exists():
        start = time.perf_counter()
        text_bytes = build(big, args.mb, args.gzip)
        print(f"built {big} ({big.stat().st_size / 1e6:.0f} MB on disk, {text_bytes / 1e6:.0f} MB of text) in {time.perf_counter() - start:.0f} s")
    text_mb = args.mb
    head(big, sample, args.memory_mb)

    seconds, peak = streaming(big, folder / "facts.jsonl")  # first: nothing else has run yet
    facts_runs = [in_memory(sample, "facts") for _ in range(args.repeat)]
    facts_seconds = statistics.median(r[0] for r in facts_runs)
    sample_mb = facts_runs[0][2] / 1e6
    facts_peak = statistics.median(r[1] for r in facts_runs)
    tokens_peak = statistics.median(in_memory(sample, "tokens")[1] for _ in range(args.repeat))
    in_memory_rate = sample_mb / facts_seconds
    rate = text_mb / seconds
    print(f"threads: {os.cpu_count()} cores")
    print(f"corpus.facts() in memory, {sample_mb:.0f} MB of text: {in_memory_rate:.1f} MB/s (median of {args.repeat}); "
          f"memory over text: facts {facts_peak / sample_mb:.1f}x, tokens {tokens_peak / sample_mb:.1f}x")
    print(f"newsfacts facts streaming, {text_mb} MB of text ({big.name}): {seconds:.0f} s, {rate:.1f} MB/s, "
          f"peak {peak:.0f} MB; {rate / in_memory_rate:.0%} of corpus.facts() throughput "
          f"(read + extract + write against extract alone)")
    print(f"output: {(folder / 'facts.jsonl').stat().st_size / 1e6:.0f} MB of facts; files in {folder}")


if __name__ == "__main__":
    main()
