"""Small inline SVG charts (bars, heat map, histogram): no plotting library, no script, and
every label escaped."""

from __future__ import annotations

from html import escape
from typing import Sequence

FONT = "font-family:system-ui,sans-serif;font-size:11px"


def _label(text: str, width: int = 28) -> str:
    return escape(text if len(text) <= width else text[: width - 1] + "…")


def bars(items: Sequence[tuple[str, float]], title: str, width: int = 500, color: str = "#2563eb") -> str:
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
        parts.append(f"<text transform='translate({x + 4:.1f},{top - 6}) rotate(-90)'>{_label(name, 24)}</text>")
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


def histogram(bins: Sequence[tuple[str, int, int]], title: str, series: tuple[str, str], width: int = 1000) -> str:
    """Counts by period: (label, first count, second count) per bin, the second drawn as a thin
    grey bar beside the first. Axis labels are thinned to every k-th bin so they never touch."""
    if not bins:
        return ""
    left, right, top, plot = 34, width - 10, 34, 150
    n = len(bins)
    step = (right - left) / n
    peak = max(max(a, b) for _, a, b in bins) or 1
    label_width = 6.5 * max(len(label) for label, _, _ in bins) + 10
    every = max(1, -(-int(label_width) // max(int(step), 1)))
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='{width}' height='{top + plot + 24}' style='{FONT}'>",
             f"<title>{escape(title)}</title><text x='0' y='12' font-weight='bold'>{escape(title)}</text>"]
    for k, name in enumerate(series):
        x = width - 320 + 160 * k
        parts.append(f"<rect x='{x}' y='3' width='10' height='10' fill='{('#2563eb', '#9ca3af')[k]}'/>"
                     f"<text x='{x + 14}' y='12'>{escape(name)}</text>")
    base = top + plot
    parts.append(f"<line x1='{left}' y1='{base}' x2='{right}' y2='{base}' stroke='#555'/>"
                 f"<text x='{left - 4}' y='{top + 8}' text-anchor='end'>{peak}</text>"
                 f"<text x='{left - 4}' y='{base}' text-anchor='end'>0</text>")
    for k, (label, first, second) in enumerate(bins):
        x = left + k * step
        wide = max(step * (0.62 if second else 0.8), 1.0)
        thin = max(step * 0.18, 1.0)
        for value, at, bar, color in ((first, x + step * 0.1, wide, "#2563eb"), (second, x + step * 0.1 + wide, thin, "#9ca3af")):
            if value:
                h = plot * value / peak
                parts.append(f"<rect x='{at:.1f}' y='{base - h:.1f}' width='{bar:.1f}' height='{h:.1f}' fill='{color}'>"
                             f"<title>{escape(label)}: {value}</title></rect>")
        if k % every == 0:
            parts.append(f"<line x1='{x + step / 2:.1f}' y1='{base}' x2='{x + step / 2:.1f}' y2='{base + 4}' stroke='#555'/>"
                         f"<text x='{x + step / 2:.1f}' y='{base + 16}' text-anchor='middle'>{escape(label)}</text>")
    parts.append("</svg>")
    return "".join(parts)
