"""The dates the articles mention, counted by a period that fits their span (years, months or
days), zoomed to where most of them are; the few far away are listed apart instead of
stretching the axis.

>>> values = ["2020-03-02", "2020-03-09", "2020-04", "2020-05-01", "1850"]
>>> h = histogram(values, published=["2020-05-03"])
>>> h.period, [b.label for b in h.bins], [b.mentioned for b in h.bins], h.outliers
('month', ['2020-03', '2020-04', '2020-05'], [2, 1, 1], ['1850'])
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Sequence

#: Share of the dates the chart keeps at least; the rest, far from them, are outliers.
CORE_SHARE = 0.85
#: Most bins a chart draws; a longer span takes a coarser period.
MAX_BINS = 60


@dataclass
class Bin:
    label: str  # "2020", "2020-03", "2020-03-02"
    mentioned: int = 0
    published: int = 0


@dataclass
class Histogram:
    period: str  # "year", "month" or "day"
    bins: list[Bin]
    outliers: list[str] = field(default_factory=list)  # values left out of the chart, far from the rest
    coarse: int = 0  # mentions too coarse for the period (a year alone in a chart by month)


def _start(value: str) -> tuple[int, int | None, int | None]:
    """Year, month and day of a date value's start ("2020-Q2" starts in April; "2020-SU" has no month)."""
    head = value.split("/")[0]
    year, rest = int(head[:4]), head[5:]
    if rest.startswith("Q") and rest[1:2].isdigit():
        return year, 3 * int(rest[1]) - 2, None
    month = int(rest[:2]) if rest[:2].isdigit() else None
    day = int(rest[3:5]) if month and rest[3:5].isdigit() else None
    return year, month, day


def _ordinal(value: str) -> float:
    year, month, day = _start(value)
    return year + ((month or 7) - 1) / 12 + ((day or 15) - 1) / 365


def _core(values: Sequence[str]) -> tuple[float, float]:
    """The narrowest range of positions holding ``CORE_SHARE`` of the dates."""
    points = sorted(_ordinal(v) for v in values)
    keep = max(1, int(len(points) * CORE_SHARE))
    best = min(range(len(points) - keep + 1), key=lambda k: (points[k + keep - 1] - points[k], k))
    return points[best], points[best + keep - 1]


def _period(low: float, high: float) -> str:
    span_days = (high - low) * 365
    if span_days > 5 * 365:
        return "year"
    return "month" if span_days > 62 else "day"


def _key(value: str, period: str) -> str | None:
    year, month, day = _start(value)
    if period == "year":
        return f"{year:04d}"
    if month is None or (period == "day" and day is None):
        return None
    return f"{year:04d}-{month:02d}" if period == "month" else f"{year:04d}-{month:02d}-{day:02d}"


def _labels(first: str, last: str, period: str) -> list[str]:
    """Every period from ``first`` to ``last``, empty ones too, so the axis is linear."""
    if period == "year":
        return [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    if period == "month":
        y, m = int(first[:4]), int(first[5:7])
        out = []
        while f"{y:04d}-{m:02d}" <= last:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(day + dt.timedelta(days=k)).isoformat() for k in range((end - day).days + 1)]


def histogram(values: Sequence[str], published: Sequence[str] = ()) -> Histogram | None:
    """Counts of the date ``values`` mentioned, and of the articles ``published`` on each period
    (both ISO-like values: "2020", "2020-03", "2020-03-02", "2020-Q2", ranges "a/b")."""
    if not values:
        return None
    low, high = _core(values)
    margin = max(1.5, (high - low) * 0.25)
    inside = [v for v in values if low - margin <= _ordinal(v) <= high + margin]
    outliers = sorted({v for v in values if not low - margin <= _ordinal(v) <= high + margin})
    period = _period(low, high)
    while True:
        keys = [k for k in (_key(v, period) for v in inside) if k is not None]
        labels = _labels(min(keys), max(keys), period) if keys else []
        if len(labels) <= MAX_BINS or period == "year":
            break
        period = "month" if period == "day" else "year"
    bins = {label: Bin(label) for label in labels}
    for key in keys:
        bins[key].mentioned += 1
    for value in published:
        key = _key(value, period) if value and value[:4].isdigit() else None
        if key in bins:
            bins[key].published += 1
    return Histogram(period, list(bins.values()), outliers, len(inside) - len(keys))
