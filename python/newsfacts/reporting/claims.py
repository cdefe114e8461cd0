"""The claims check: numbers that different articles give for the same subject and measure,
side by side, with the disagreements flagged."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

#: Words too common to say two measures are the same thing.
_WEAK = {"the", "of", "and", "its", "their", "market", "du", "de", "des", "le", "la", "les", "dans", "sur",
         "share", "part", "total", "year", "years", "annee", "ans"}


@dataclass
class Claim:
    subject: str
    unit: str
    rows: list[dict[str, Any]]  # fact records, each from its article
    agree: bool

    @property
    def articles(self) -> list[int]:
        return sorted({r["article"] for r in self.rows})


def _words(measure: Any) -> set[str]:
    if not isinstance(measure, str):
        return set()
    folded = "".join(c for c in unicodedata.normalize("NFKD", measure.casefold()) if not unicodedata.combining(c))
    return {w for w in re.findall(r"\w{4,}", folded)} - _WEAK


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


def _label(subject: Any) -> str | None:
    if isinstance(subject, list):
        return " & ".join(sorted(str(s) for s in subject)) or None
    return str(subject) if subject else None


def _same_measure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    wa, wb = _words(a["attrs"].get("measure")), _words(b["attrs"].get("measure"))
    return not wa or not wb or bool(wa & wb)


def claims_check(records: list[dict[str, Any]]) -> list[Claim]:
    """Groups of numbers about one subject, in one unit, and (when both say) one measure, given
    by at least two articles. A group agrees when every two of its articles' numbers can both
    be true ("more than 40%" and "plus de 40 %" can; "16%" and "18%" cannot)."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in records:
        subject = _label(r.get("subject", r["attrs"].get("subject")))
        if r["kind"] not in ("quantity", "money") or subject is None or not isinstance(r["value"], (int, float)):
            continue
        unit = r["attrs"].get("currency") or r["attrs"].get("unit") or ""
        groups.setdefault((subject, unit), []).append(r)
    claims = []
    for (subject, unit), rows in sorted(groups.items()):
        for cluster in _measure_clusters(rows):
            if len({r["article"] for r in cluster}) < 2:
                continue
            agree = all(compatible(a, b) for a in cluster for b in cluster if a["article"] != b["article"])
            claims.append(Claim(subject, unit, sorted(cluster, key=lambda r: (r["article"], r["start"])), agree))
    return sorted(claims, key=lambda c: (c.agree, c.subject))


def _measure_clusters(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Rows joined when their measures share a word (or one of them names none)."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if _same_measure(rows[i], rows[j]):
                parent[root(i)] = root(j)
    clusters: dict[int, list[dict[str, Any]]] = {}
    for i, row in enumerate(rows):
        clusters.setdefault(root(i), []).append(row)
    return list(clusters.values())
