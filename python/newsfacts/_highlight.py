"""An article as HTML with its facts highlighted by kind, boilerplate greyed out and a hover
title on each fact (kind, value, rule). Every piece of text is escaped: articles come from
the web."""

from __future__ import annotations

import json
from html import escape
from typing import Any, Iterable

#: Background (or underline) per kind, chosen to stay readable when nested.
KIND_STYLES = {
    "person": "background:#fde2e4",
    "organization": "background:#dbeafe",
    "place": "background:#dcfce7",
    "date": "background:#fef3c7",
    "duration": "background:#fde68a",
    "quantity": "background:#ede9fe",
    "money": "background:#e9d5ff",
    "source": "background:#cffafe",
    "acronym": "background:#e5e7eb",
    "quote": "border-bottom:2px solid #f97316",
    "role": "border-bottom:2px dotted #0f766e",
}

STYLE = (
    "<style>"
    + "".join(f".nf-k-{kind}{{{css}}}" for kind, css in KIND_STYLES.items())
    + ".nf-article{white-space:pre-wrap;font-family:Georgia,serif;max-width:62em;line-height:1.6}"
    ".nf-seg-boilerplate{color:#9ca3af}.nf-seg-boilerplate [class^=nf-k-]{opacity:.6}"
    ".nf-seg-title{font-weight:bold}.nf-seg-metadata{color:#6b7280;font-family:monospace}"
    ".nf-legend span{padding:0 4px;margin-right:4px;font-size:12px}"
    "</style>"
)


def legend(kinds: Iterable[str]) -> str:
    items = "".join(f"<span class='nf-k-{k}'>{escape(k)}</span>" for k in kinds)
    return (f"<div class='nf-legend'>{items}<span class='nf-seg-boilerplate'>boilerplate</span>"
            "<span style='font-size:11px'>(hover a fact for its value and rule)</span></div>")


def _title(fact: dict[str, Any]) -> str:
    value = fact["value"]
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    details = [f"{fact['kind']}: {shown}"]
    attrs = fact.get("attrs") or {}
    for key in ("speaker", "cue", "mode", "qualifier", "unit", "currency", "subject", "measure", "source_type", "short", "long"):
        if attrs.get(key) not in (None, "", []):
            details.append(f"{key}: {attrs[key] if isinstance(attrs[key], str) else json.dumps(attrs[key], ensure_ascii=False)}")
    details.append(f"rule: {fact['rule']}")
    return "\n".join(details)


def render(text: str, facts: list[dict[str, Any]], segments: list[Any] = (), anchors: dict[int, str] | None = None) -> str:
    """``text`` cut at every fact, segment and anchor boundary; each piece wrapped in the
    spans of the facts covering it (so overlapping facts nest without breaking the HTML)."""
    anchors = anchors or {}
    facts = [f for f in facts if 0 <= f["start"] < f["end"] <= len(text) and f["kind"] in KIND_STYLES]
    bounds = {0, len(text), *anchors}
    for f in facts:
        bounds.update((f["start"], f["end"]))
    for s in segments:
        bounds.update((s.start, s.end))
    points = sorted(b for b in bounds if 0 <= b <= len(text))
    ordered = sorted(facts, key=lambda f: (f["start"], -f["end"]))
    titles = [escape(_title(f), quote=True) for f in ordered]
    segment_at = _segment_lookup(segments)
    out = []
    for left, right in zip(points, points[1:] + [None]):
        if left in anchors:
            out.append(f"<span id='{escape(anchors[left], quote=True)}'></span>")
        if right is None or right <= left:
            continue
        piece = escape(text[left:right])
        for k, f in reversed(list(enumerate(ordered))):
            if f["start"] <= left and right <= f["end"]:
                piece = f"<span class='nf-k-{f['kind']}' title='{titles[k]}'>{piece}</span>"
        kind = segment_at(left)
        out.append(f"<span class='nf-seg-{kind}'>{piece}</span>" if kind != "body" else piece)
    return "".join(out)


def _segment_lookup(segments):
    spans = sorted((s.start, s.end, s.kind) for s in segments)

    def kind_at(position: int) -> str:
        for start, end, kind in spans:
            if start <= position < end:
                return kind
        return "body"

    return kind_at


def document_html(doc, facts: list[dict[str, Any]] | None = None) -> str:
    """The Jupyter view of one article (see ``Document._repr_html_``)."""
    facts = doc.facts(include_boilerplate=True).records() if facts is None else facts
    kinds = [k for k in KIND_STYLES if any(f["kind"] == k for f in facts)]
    head = (f"<div><b>{escape(doc.id)}</b> · {escape(doc.lang)} · {escape(doc.date or 'no date')}"
            f"{' · ' + escape(doc.source) if doc.source else ''} · {len(facts)} facts</div>")
    return f"{STYLE}{head}{legend(kinds)}<div class='nf-article'>{render(doc.text, facts, doc.segments)}</div>"
