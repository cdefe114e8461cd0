"""HTML for Jupyter. Article text comes from the web: everything is escaped here."""

from __future__ import annotations

from html import escape
from typing import Iterable, Sequence

STYLE = (
    "<style>.nf-table{border-collapse:collapse;font-size:12px}"
    ".nf-table th,.nf-table td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}"
    ".nf-table th{background:#f4f4f4}.nf-boilerplate{color:#999}.nf-title{font-weight:bold}"
    ".nf-metadata{color:#777;font-family:monospace}.nf-doc{white-space:pre-wrap;font-family:Georgia,serif;"
    "max-width:60em;line-height:1.5}</style>"
)


#: Sorts a table by the clicked header's column (numbers as numbers), toggling the direction.
#: Inline in the ``onclick`` attribute, so it works in a report and in Jupyter alike.
SORT_SCRIPT = (
    "(function(th){var t=th.closest('table'),b=t.tBodies[0],i=[].indexOf.call(th.parentNode.children,th),"
    "d=th.getAttribute('data-dir')==='a'?'d':'a';th.setAttribute('data-dir',d);"
    "function v(c){var s=c.getAttribute('data-v');return s===null?c.textContent.trim():s}"
    "var r=[].slice.call(b.rows);r.sort(function(x,y){var p=v(x.cells[i]),q=v(y.cells[i]),"
    "m=parseFloat(p),n=parseFloat(q),c=(!isNaN(m)&&!isNaN(n))?m-n:p.localeCompare(q);return d==='a'?c:-c});"
    "r.forEach(function(x){b.appendChild(x)})})(this)"
)


def cell(value: object) -> str:
    return "" if value is None else escape(str(value))


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], caption: str = "") -> str:
    """Cells escaped; a click on a header sorts by that column."""
    head = "".join(f"<th onclick=\"{SORT_SCRIPT}\" style='cursor:pointer'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"{STYLE}<table class='nf-table'>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def shorten(text: str | None, width: int = 80) -> str | None:
    if text is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"
