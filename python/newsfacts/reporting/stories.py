"""Same story: pairs of articles that tell the same story, across languages too, found from
the facts they share (names, numbers, dates, acronyms, sources) and, within a language, their
TF-IDF terms."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

#: A pair is the same story from this score on (see :func:`same_stories`).
SAME_STORY = 0.45
#: ... and a related one (shown apart) from this score on.
RELATED = 0.2


@dataclass
class StoryPair:
    a: int
    b: int
    score: float
    facts_score: float
    terms_score: float | None
    shared: list[str]  # the strongest shared facts, for the reader to judge

    @property
    def same(self) -> bool:
        return self.score >= SAME_STORY


def _features(records: list[dict[str, Any]], n_articles: int) -> list[set[str]]:
    from .analysis import ENTITY_KINDS, fold

    features: list[set[str]] = [set() for _ in range(n_articles)]
    for r in records:
        kind, target = r["kind"], features[r["article"]]
        if kind in ENTITY_KINDS + ("source",) and isinstance(r.get("name"), str):
            target.add(f"{kind if kind != 'source' else 'organization'}: {r['name']}")
        elif kind == "quote" and r.get("name") and not r["attrs"].get("anonymous"):
            target.add(f"person: {r['name']}")
        elif kind in ("quantity", "money") and isinstance(r["value"], (int, float)):
            unit = r["attrs"].get("currency") or r["attrs"].get("unit") or ""
            target.add(f"number: {r['value']:g}{unit}")
        elif kind == "date" and isinstance(r["value"], str) and len(r["value"]) >= 7 and r["value"][:4].isdigit():
            target.add(f"date: {r['value']}")
        elif kind == "acronym":
            target.add(f"acronym: {fold(r['attrs'].get('short', r['text']))}")
    # Names differ in case across articles ("Huawei Cloud", "Huawei cloud"): compare folded.
    return [{f.split(": ", 1)[0] + ": " + fold(f.split(": ", 1)[1]) for f in fs} for fs in features]


def same_stories(records: list[dict[str, Any]], articles: list[Any], terms=None) -> list[StoryPair]:
    """Pairs of articles whose score reaches :data:`RELATED`, best first. The score is the
    IDF-weighted overlap of their facts (shared weight over the smaller article's weight, so a
    short report of a long story still pairs), raised by the cosine of their TF-IDF rows when
    both are in one language: max(facts, (facts + terms) / 2)."""
    n = len(articles)
    features = _features(records, n)
    df = Counter(f for fs in features for f in fs)
    weight = {f: math.log((1 + n) / (1 + d)) + 1 for f, d in df.items()}
    rows = None
    if terms is not None and terms.shape[1]:
        rows = terms.matrix.tocsr()
    pairs = []
    for i in range(n):
        for j in range(i + 1, n):
            shared = features[i] & features[j]
            if not shared:
                continue
            smaller = min(sum(weight[f] for f in features[i]), sum(weight[f] for f in features[j]))
            facts_score = sum(weight[f] for f in shared) / smaller if smaller else 0.0
            terms_score = None
            if rows is not None and articles[i].lang == articles[j].lang:
                terms_score = float(rows[i].multiply(rows[j]).sum())
            score = facts_score if terms_score is None else max(facts_score, (facts_score + terms_score) / 2)
            if score >= RELATED:
                strongest = sorted(shared, key=lambda f: (-weight[f], f))[:8]
                pairs.append(StoryPair(i, j, round(score, 3), round(facts_score, 3),
                                       None if terms_score is None else round(terms_score, 3), strongest))
    return sorted(pairs, key=lambda p: (-p.score, p.a, p.b))
