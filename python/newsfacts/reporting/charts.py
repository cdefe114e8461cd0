"""Small inline SVG charts (bars, heat map, timeline): no plotting library, no script, and
every label escaped."""

from __future__ import annotations

from html import escape
from typing import Sequence

FONT = "font-family:system-ui,sans-serif;font-size:11px"


def _label(text: str, width: int = 28) -> str:
    return escape(text if len(text) <= width else text[: width - 1] + "…")


def bars(items: Sequence[tuple[str, float]], title: str, width: int = 520, color: str = "#2563eb") -> str:
    """Horizontal bars, one per (label, value), longest first as given."""
    if not items:
        return ""
    row, left = 18, 190
    top = max(value for _, value in items) or 1.0
    height = row * len(items) + 24
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='{width}' height='{height}' style='{FONT}'>",
             f"<title>{escape(title)}</title>"]
    for k, (label, value) in enumerate(items):
        y = 18 + k * row
        length = max(1.0, (width - left - 60) * value / top)
        parts.append(f"<text x='{left - 6}' y='{y + 11}' text-anchor='end'>{_label(label)}</text>"
                     f"<rect x='{left}' y='{y}' width='{length:.1f}' height='{row - 5}' fill='{color}'><title>{escape(label)}: {value:.3g}</title></rect>"
                     f"<text x='{left + length + 4:.1f}' y='{y + 11}'>{value:.3g}</text>")
    parts.append(f"<text x='0' y='11' font-weight='bold'>{escape(title)}</text></svg>")
    return "".join(parts)


def heat_map(rows: Sequence[str], columns: Sequence[str], values: Sequence[Sequence[int]], title: str) -> str:
    """A grid of counts (rows × columns), darker for more."""
    if not rows or not columns:
        return ""
    cell, left, top = 22, 170, 150
    peak = max((v for line in values for v in line), default=0) or 1
    width, height = left + cell * len(columns) + 10, top + cell * len(rows) + 10
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='{width}' height='{height}' style='{FONT}'>",
             f"<title>{escape(title)}</title>"]
    for j, name in enumerate(columns):
        x = left + j * cell + cell / 2
        parts.append(f"<text transform='translate({x:.1f},{top - 6}) rotate(-60)'>{_label(name, 24)}</text>")
    for i, name in enumerate(rows):
        y = top + i * cell
        parts.append(f"<text x='{left - 6}' y='{y + 15}' text-anchor='end'>{_label(name, 26)}</text>")
        for j, value in enumerate(values[i]):
            shade = 1 - 0.85 * value / peak
            fill = f"rgb({int(37 + 218 * shade)},{int(99 + 156 * shade)},{int(235 + 20 * shade)})"
            parts.append(f"<rect x='{left + j * cell}' y='{y}' width='{cell - 2}' height='{cell - 2}' fill='{fill}'>"
                         f"<title>{escape(rows[i])} · {escape(columns[j])}: {value}</title></rect>")
            if value:
                ink = "#fff" if value / peak > 0.5 else "#111"
                parts.append(f"<text x='{left + j * cell + cell / 2 - 1}' y='{y + 15}' text-anchor='middle' fill='{ink}'>{value}</text>")
    parts.append("</svg>")
    return "".join(parts)


def timeline(points: Sequence[tuple[float, str, str]], title: str, width: int = 760) -> str:
    """Events on a time axis: (fractional year, label, link target)."""
    if not points:
        return ""
    low, high = min(p[0] for p in points), max(p[0] for p in points)
    low, high = int(low), int(high) + 1
    span = max(high - low, 1)
    left, right, axis = 20, width - 20, 40
    lanes: list[float] = []
    marks = []
    for when, label, target in sorted(points):
        x = left + (right - left) * (when - low) / span
        lane = next((k for k, end in enumerate(lanes) if end < x - 4), len(lanes))
        if lane == len(lanes):
            lanes.append(0.0)
        lanes[lane] = x + 7 * min(len(label), 24)
        y = axis + 18 + lane * 16
        marks.append(f"<a href='#{escape(target, quote=True)}'><circle cx='{x:.1f}' cy='{axis}' r='4' fill='#dc2626'/>"
                     f"<line x1='{x:.1f}' y1='{axis}' x2='{x:.1f}' y2='{y - 10}' stroke='#fca5a5'/>"
                     f"<text x='{x:.1f}' y='{y}'>{_label(label, 24)}</text></a>")
    height = axis + 30 + 16 * len(lanes)
    ticks = "".join(f"<line x1='{left + (right - left) * (year - low) / span:.1f}' y1='{axis - 5}' x2='{left + (right - left) * (year - low) / span:.1f}' y2='{axis + 5}' stroke='#555'/>"
                    f"<text x='{left + (right - left) * (year - low) / span:.1f}' y='{axis - 10}' text-anchor='middle'>{year}</text>"
                    for year in range(low, high + 1))
    return (f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='{width}' height='{height}' style='{FONT}'>"
            f"<title>{escape(title)}</title><line x1='{left}' y1='{axis}' x2='{right}' y2='{axis}' stroke='#555'/>"
            f"{ticks}{''.join(marks)}</svg>")
