"""Same story: pairs of articles that tell the same story, across languages too, found from
the facts they share (names, numbers, dates, acronyms, sources) and, within a language, their
TF-IDF terms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from .names import ENTITY_KINDS, fold

#: A pair is the same story from this score on (see :func:`same_stories`).
SAME_STORY = 0.45
#: ... and a related one (shown apart) from this score on.
RELATED = 0.2
#: Fewer shared facts than this scale the facts score down.
MIN_SHARED = 3


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


def same_stories(records: list[dict[str, Any]], articles: list[Any], terms=None, limit: int = 500) -> list[StoryPair]:
    """Pairs of articles whose score reaches :data:`RELATED`, best first (at most ``limit``).
    The score is the IDF-weighted overlap of their facts (shared weight over the smaller
    article's weight, so a short report of a long story still pairs), raised by the cosine of
    their TF-IDF rows when both are in one language: max(facts, (facts + terms) / 2). Pairs
    sharing fewer than :data:`MIN_SHARED` facts have their facts score scaled down.

    Only pairs sharing a rarer fact (in at most 2% of the articles, 3 to 50) are scored, so the
    work grows with the pairs worth looking at, not with the square of the corpus."""
    n = len(articles)
    features = _features(records, n)
    vocabulary = sorted({f for fs in features for f in fs})
    if n < 2 or not vocabulary:
        return []
    column = {f: k for k, f in enumerate(vocabulary)}
    rows_idx = np.repeat(np.arange(n), [len(fs) for fs in features])
    cols_idx = np.array([column[f] for fs in features for f in sorted(fs)], dtype=np.int64)
    present = sp.csr_matrix((np.ones(len(cols_idx)), (rows_idx, cols_idx)), shape=(n, len(vocabulary)))
    df = np.asarray(present.sum(axis=0)).ravel()
    weight = np.log((1 + n) / (1 + df)) + 1
    weighted = present @ sp.diags(weight)
    totals = np.asarray(weighted.sum(axis=1)).ravel()
    rare = sp.csr_matrix(present[:, np.flatnonzero(df <= max(3, min(0.02 * n, 50)))])
    candidates = sp.triu(rare @ rare.T, k=1).tocoo()
    first, second = candidates.row.astype(np.int64), candidates.col.astype(np.int64)
    if len(first) == 0:
        return []
    shared = np.asarray(weighted[first].multiply(present[second]).sum(axis=1)).ravel()
    n_shared = np.asarray(present[first].multiply(present[second]).sum(axis=1)).ravel()
    smaller = np.minimum(totals[first], totals[second])
    facts_score = np.where(smaller > 0, shared / np.where(smaller > 0, smaller, 1), 0.0)
    # One or two shared facts (a dateline's date, one name) are too little to call a story the
    # same, however few facts the shorter article has.
    facts_score *= np.minimum(1.0, n_shared / MIN_SHARED)
    terms_score = np.full(len(first), np.nan)
    if terms is not None and terms.shape[1]:
        langs = np.array([a.lang for a in articles], dtype=object)
        same_lang = langs[first] == langs[second]
        matrix = terms.matrix.tocsr()
        picked = np.flatnonzero(same_lang)
        if len(picked):
            terms_score[picked] = np.asarray(matrix[first[picked]].multiply(matrix[second[picked]]).sum(axis=1)).ravel()
    score = np.where(np.isnan(terms_score), facts_score, np.maximum(facts_score, (facts_score + np.nan_to_num(terms_score)) / 2))
    keep = np.flatnonzero(score >= RELATED)
    keep = keep[np.lexsort((second[keep], first[keep], -score[keep]))][:limit]
    pairs = []
    for k in keep:
        i, j = int(first[k]), int(second[k])
        shared_features = features[i] & features[j]
        strongest = sorted(shared_features, key=lambda f: (-weight[column[f]], f))[:8]
        pairs.append(StoryPair(i, j, round(float(score[k]), 3), round(float(facts_score[k]), 3),
                               None if np.isnan(terms_score[k]) else round(float(terms_score[k]), 3), strongest))
    return pairs
