"""Score newsfacts' facts on the annotated sets of ../shared/eval/ with its score.py.

    python tools/evaluate.py [--sets tempeval3-dev,polnear-dev,...] [--dev-dir /tmp/tagger-dev]

`winer-fr-dev` (not in the default sets) is the 15 % of `../shared/train/` WiNER-fr that the tagger
never trains on: `cargo run --release --bin train-tagger -- --dev-out DIR` writes it to DIR.

Runs `newsfacts facts` on each `<set>.docs.jsonl` (the document `date` is the reference date)
and prints score.py's table for each set.

Quotes are scored three ways on sets with quotes:
- as extracted;
- "joined": a quote interrupted by its attribution is two facts here (the second has
  `attrs.continues`), and these sets give it as one span from its first to its last character
  (their README: discontinuous spans), so the parts are joined into one record first;
- "joined, speech and writing": also without thoughts and findings (`attrs.cue_type`), the
  quotes the report shows by default.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
SETS = ["tempeval3-dev", "polnear-dev", "conll2003-dev", "europeana-fr-dev"]


def joined(records: list[dict]) -> list[dict]:
    """Each chain of continued quotes as one record from its first part's start to its last
    part's end, the first part's attributes kept."""
    firsts = {(r["doc"], r["start"]): r for r in records if r["kind"] == "quote" and "continues" not in r["attrs"]}
    out = []
    for r in records:
        first = firsts.get((r["doc"], r["attrs"].get("continues"))) if r["kind"] == "quote" else None
        if first is None:
            out.append(r)
        else:
            first["end"] = max(first["end"], r["end"])
            first.pop("text", None)
    return out


def variants(preds: Path) -> dict[str, list[dict]]:
    """The predictions as extracted, joined, and joined without thoughts and findings."""
    records = [json.loads(line) for line in preds.read_text(encoding="utf-8").splitlines() if line.strip()]
    together = joined([dict(r, attrs=dict(r["attrs"])) for r in records])
    spoken = [r for r in together if r["kind"] != "quote" or r["attrs"].get("cue_type") in ("speech", "writing")]
    return {"as extracted": records, "joined": together, "joined, speech and writing": spoken}


def score_quote_variants(preds: Path, gold: Path, docs: Path, folder: str) -> None:
    for name, records in variants(preds).items():
        path = Path(folder) / "variant.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        result = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(gold), "--pred", str(path),
                                 "--docs", str(docs), "--kinds", "quote"], check=True, capture_output=True, text=True)
        line = next(line for line in result.stdout.splitlines() if line.startswith("quote"))
        print(f"{name:28} {line}")


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
            if '"kind": "quote"' in gold.read_text(encoding="utf-8")[:100_000]:
                print("quotes:")
                score_quote_variants(preds, gold, docs, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
