"""Every fact newsfacts finds on the shared corpora and the development sets, to compare two
versions of the rules: a refactoring must leave them identical.

    python tools/facts_snapshot.py save before.jsonl      # with the old build installed
    python tools/facts_snapshot.py compare before.jsonl   # with the new one: counts and first differences

The development sets are read here only to check that nothing moved, never to tune a rule.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import newsfacts as nf

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SOURCES = ["corpora/news_en.jsonl", "corpora/news_fr.jsonl", "corpora/bench_fr.jsonl.gz", "corpora/bench_en.jsonl.gz",
           "eval/data/tempeval3-dev.docs.jsonl", "eval/data/polnear-dev.docs.jsonl",
           "eval/data/conll2003-dev.docs.jsonl", "eval/data/europeana-fr-dev.docs.jsonl"]
#: What identifies a fact, in the order written.
FIELDS = ("doc", "kind", "start", "end", "text", "value", "attrs", "sentence", "segment", "rule")


def lines() -> list[str]:
    out = []
    for name in SOURCES:
        corpus = nf.read(SHARED / name, progress=False)
        for fact in corpus.facts(include_boilerplate=True, progress=False):
            row = {"source": name, **{field: fact[field] for field in FIELDS}}
            out.append(json.dumps(row, ensure_ascii=False, sort_keys=True))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("path")
    args = parser.parse_args()
    now = lines()
    if args.action == "save":
        Path(args.path).write_text("\n".join(now) + "\n", encoding="utf-8")
        print(f"{len(now)} facts saved to {args.path}")
        return 0
    before = [line for line in Path(args.path).read_text(encoding="utf-8").split("\n") if line]  # not splitlines: U+2028 is text
    counts = collections.Counter(json.loads(line)["source"] for line in now)
    old_counts = collections.Counter(json.loads(line)["source"] for line in before)
    for name in SOURCES:
        print(f"{name:45} before {old_counts[name]:7}  now {counts[name]:7}")
    gone, new = sorted(set(before) - set(now)), sorted(set(now) - set(before))
    print(f"{len(before)} facts before, {len(now)} now; {len(gone)} gone, {len(new)} new")
    for label, rows in (("gone", gone), ("new", new)):
        for line in rows[:10]:
            print(label, line[:400])
    return 0 if not gone and not new and len(before) == len(now) else 1


if __name__ == "__main__":
    sys.exit(main())
