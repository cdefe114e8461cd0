"""The Python side of tokens and facts over many documents: ``Tokens.forms()``, indexing a
``FactTable`` and ``FactTable.to_pandas()``, on news_en repeated to ``--docs`` documents.
What is timed is the Python layer only (tokens and facts are extracted beforehand).

    python benches/bench_python_side.py [--docs 8000]
"""

from __future__ import annotations

import argparse
import json
import random
import time

from _corpus import SHARED

import newsfacts as nf


def news_texts(n_docs: int) -> list[str]:
    with open(SHARED / "news_en.jsonl", encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    return [texts[i % len(texts)] for i in range(n_docs)]


def timed(label: str, work) -> None:
    """Wall and CPU time: CPU time is the steadier figure on a shared machine."""
    start, cpu = time.perf_counter(), time.process_time()
    work()
    print(f"{label:<28} {time.perf_counter() - start:8.3f} s wall {time.process_time() - cpu:8.3f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=8000)
    args = parser.parse_args()
    corpus = nf.read(news_texts(args.docs), lang="en", progress=False)
    tokens = corpus.tokens(progress=False)
    facts = corpus.facts(progress=False)
    print(f"{len(corpus)} documents, {len(tokens)} tokens, {len(facts)} facts")
    timed("Tokens.forms()", tokens.forms)
    rows = random.Random(0).sample(range(len(facts)), 100)
    timed("FactTable[i] x 100", lambda: [facts[i] for i in rows])
    timed("FactTable.to_pandas()", facts.to_pandas)
    timed("FactTable.records()", facts.records)


if __name__ == "__main__":
    main()
