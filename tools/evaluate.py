"""Score newsfacts' facts on the annotated sets of ../shared/eval/ with its score.py.

    python tools/evaluate.py [--sets tempeval3-dev,polnear-dev,...] [--dev-dir /tmp/tagger-dev]

`winer-fr-dev` (not in the default sets) is the 15 % of `../shared/train/` WiNER-fr that the tagger
never trains on: `cargo run --release --bin train-tagger -- --dev-out DIR` writes it to DIR.

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
    parser.add_argument("--dev-dir", default="/tmp/tagger-dev", help="where train-tagger --dev-out wrote winer-fr-dev")
    args = parser.parse_args()
    for name in args.sets.split(","):
        folder = Path(args.dev_dir) if name == "winer-fr-dev" else EVAL / "data"
        docs, gold = folder / f"{name}.docs.jsonl", folder / f"{name}.gold.jsonl"
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
