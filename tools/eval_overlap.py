"""Quoted strings in the code, tests and word lists that share six words in a row with a
development set: examples that must be replaced by our own (the sets are for measuring only).

    python tools/eval_overlap.py        # prints file, line and the shared words; exit 1 if any
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "data"
#: Gazetteers name real places and bodies that the sets also name: not examples.
SKIPPED = ("src/lexicons/places.tsv", "src/lexicons/organizations.tsv")
WINDOW = 6


def main() -> int:
    texts = [json.loads(line)["text"] for path in sorted(EVAL.glob("*.docs.jsonl")) for line in path.open(encoding="utf-8")]
    corpus = "\n".join(texts)
    files = subprocess.run(["git", "ls-files", "src", "tests", "python", "tools", "benches"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    hits = 0
    for name in files:
        if not name.endswith((".rs", ".py", ".txt", ".tsv")) or name in SKIPPED:
            continue
        for number, line in enumerate((ROOT / name).read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for quoted in re.findall(r'"([^"\\]{25,})"|“([^”]{25,})”', line):
                words = next(q for q in quoted if q).split()
                shared = next((" ".join(words[i:i + WINDOW]) for i in range(len(words) - WINDOW + 1)
                               if " ".join(words[i:i + WINDOW]) in corpus), None)
                if shared and len(shared) > 25:
                    hits += 1
                    print(f"{name}:{number}: {shared!r}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
