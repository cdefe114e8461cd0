"""Score newsfacts' facts on the annotated sets of ../shared/eval/ with its score.py.

    python tools/evaluate.py [--sets tempeval3-dev,polnear-dev,...]

Runs `newsfacts facts` on each `<set>.docs.jsonl` (the document `date` is the reference date)
and prints score.py's table for each set.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
SETS = ["tempeval3-dev", "polnear-dev", "conll2003-dev", "europeana-fr-dev"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default=",".join(SETS))
    args = parser.parse_args()
    for name in args.sets.split(","):
        docs, gold = EVAL / "data" / f"{name}.docs.jsonl", EVAL / "data" / f"{name}.gold.jsonl"
        with tempfile.TemporaryDirectory() as folder:
            preds = Path(folder) / "preds.jsonl"
            subprocess.run([sys.executable, "-m", "newsfacts", "facts", str(docs), "-o", str(preds)], check=True,
                           stdout=subprocess.DEVNULL)
            print(f"== {name}")
            sys.stdout.flush()
            subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(gold), "--pred", str(preds),
                            "--docs", str(docs)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
