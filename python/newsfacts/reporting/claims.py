"""The claims check: numbers that different articles give about the same entity, in the same
unit, for the same measure and (when their sentences name one) the same year, side by side,
with the disagreements flagged. A number a verb ties to its measure ("exports rose 5%",
"crude hit $53") holds at one time: it is compared only when its sentence names the year,
and a change ("rose 5%") never with a level ("rose to $47").

A number with no measure of its own takes the measure of the number before it in its sentence
when both have one unit ("Alibaba holds 40% of the market, Huawei 16%": both are shares of the
market). A number with no measure at all is not compared: "China: 9.1%" and "China: 25%" are
most often two different things."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

#: Words too common to say two measures are the same thing.
_WEAK = {"the", "of", "and", "its", "their", "market", "du", "de", "des", "le", "la", "les", "dans", "sur",
         "share", "part", "total", "year", "years", "annee", "ans", "with", "from", "pour", "avec", "that", "this"}


@dataclass
class Claim:
    subject: str
    unit: str
    rows: list[dict[str, Any]]  # fact records, each from its article
    agree: bool
    measure: str = ""  # the words the measures share

    @property
    def articles(self) -> list[int]:
        return sorted({r["article"] for r in self.rows})


@dataclass
class Unchecked:
    """A subject with numbers from several articles that are not compared, and why."""
    subject: str
    articles: int
    units: list[str] = field(default_factory=list)


def _words(measure: Any) -> set[str]:
    if not isinstance(measure, str):
        return set()
    folded = "".join(c for c in unicodedata.normalize("NFKD", measure.casefold()) if not unicodedata.combining(c))
    return {w for w in re.findall(r"[^\W\d_]{4,}", folded)} - _WEAK


def interval(value: float, qualifier: str | None) -> tuple[float, float]:
    """The values a number with its qualifier allows: "more than 40" is (40, ∞)."""
    if qualifier == ">":
        return (value, math.inf)
    if qualifier == "<":
        return (-math.inf, value)
    if qualifier == "~":
        spread = abs(value) * 0.1
        return (value - spread, value + spread)
    return (value, value)


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (low_a, high_a), (low_b, high_b) = (interval(r["value"], r["attrs"].get("qualifier")) for r in (a, b))
    tolerance = 1e-9 * max(1.0, abs(a["value"]), abs(b["value"]))
    return low_a <= high_b + tolerance and low_b <= high_a + tolerance


def subject_label(subject: Any) -> str | None:
    if isinstance(subject, list):
        return " & ".join(sorted(str(s) for s in subject)) or None
    return str(subject) if subject else None


def _unit(r: dict[str, Any]) -> str:
    return r["attrs"].get("currency") or r["attrs"].get("unit") or ""


def _measures(records: list[dict[str, Any]]) -> dict[int, set[str]]:
    """Each number's measure words (by ``id``), its own or, when it names none, those of the
    number before it in its sentence with the same unit."""
    out: dict[int, set[str]] = {}
    last: dict[tuple[int, int, str], set[str]] = {}
    for r in sorted(records, key=lambda r: (r["article"], r["start"])):
        key = (r["article"], r["sentence"], _unit(r))
        words = _words(r["attrs"].get("measure")) or last.get(key, set())
        if words:
            last[key] = words
        out[id(r)] = words
    return out


def claims_check(records: list[dict[str, Any]], entities: Iterable[str] | None = None) -> tuple[list[Claim], list[Unchecked]]:
    """Groups of numbers about one entity (every name in ``entities``, when given), in one unit,
    for one measure, from at least two articles. A group agrees when every two of its articles'
    numbers can both be true ("more than 40%" and "plus de 40 %" can; "16%" and "18%" cannot).
    Also returns the subjects whose numbers from several articles could not be compared."""
    known = set(entities) if entities is not None else None
    numbers = [r for r in records if r["kind"] in ("quantity", "money") and isinstance(r["value"], (int, float))]
    measures = _measures(numbers)
    by_subject: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in numbers:
        subject = r.get("subject", r["attrs"].get("subject"))
        parts = subject if isinstance(subject, list) else [subject]
        label = subject_label(subject)
        if label and (known is None or all(p in known for p in parts)):
            by_subject[label].append(r)
    claims, unchecked = [], []
    for subject, rows in sorted(by_subject.items()):
        found = []
        groups: dict[tuple[str, str | None, bool | None], list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            # A number a verb ties to its measure ("sales rose 5%", "crude hit $53") holds at
            # one time: without a year in its sentence it is not compared, as two articles'
            # "rose 5%" may be years apart. A change is never compared with a level.
            moving = r["attrs"].get("change")
            if measures[id(r)] and not (moving is not None and r.get("period") is None):
                groups[(_unit(r), r.get("period"), moving)].append(r)
        for (unit, _, _), group in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1] or "", str(g[0][2]))):
            for cluster, shared in _measure_clusters(group, measures):
                if len({r["article"] for r in cluster}) < 2:
                    continue
                agree = all(compatible(a, b) for a in cluster for b in cluster if a["article"] != b["article"])
                found.append(Claim(subject, unit, sorted(cluster, key=lambda r: (r["article"], r["start"])), agree, shared))
        claims += found
        n_articles = len({r["article"] for r in rows})
        if not found and n_articles >= 2:
            unchecked.append(Unchecked(subject, n_articles, sorted({_unit(r) or "—" for r in rows})))
    unchecked.sort(key=lambda u: (-u.articles, u.subject))
    return sorted(claims, key=lambda c: (c.agree, c.subject)), unchecked


def _measure_clusters(rows: list[dict[str, Any]], measures: dict[int, set[str]]) -> list[tuple[list[dict[str, Any]], str]]:
    """Rows joined when their measures share a word; with the words every row of a cluster shares."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if measures[id(rows[i])] & measures[id(rows[j])]:
                parent[root(i)] = root(j)
    clusters: dict[int, list[dict[str, Any]]] = {}
    for i, row in enumerate(rows):
        clusters.setdefault(root(i), []).append(row)
    out = []
    for cluster in clusters.values():
        shared = set.intersection(*(measures[id(r)] for r in cluster))
        out.append((cluster, " ".join(sorted(shared))))
    return out
