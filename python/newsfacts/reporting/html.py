"""The report as one self-contained HTML file: inline CSS, inline SVG charts, tables sortable
by a click on their header (a few lines of inline script), no network. Every piece of text
that comes from an article (text, title, id, facts) goes through ``escape``."""

from __future__ import annotations

import json
from html import escape
from typing import Any, Iterable, Sequence

from .._core import __version__
from .._display import SORT_SCRIPT
from .._highlight import KIND_STYLES, legend, render
from . import charts
from .names import ENTITY_KINDS
from .analysis import ReportData, date_position
from .claims import interval

#: Articles shown in full (with their facts highlighted) at the end of the report.
MAX_ARTICLES_SHOWN = 300
#: Rows of one table; the complete lists are `newsfacts facts PATH -o facts.jsonl`.
MAX_ROWS = 1000
#: Distinct dates drawn on the timeline (the most mentioned).
MAX_TIMELINE_POINTS = 120

CSS = """
body{font-family:system-ui,-apple-system,sans-serif;margin:0;color:#111;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:16px 24px 64px;background:#fff}
nav{position:sticky;top:0;background:#111827;padding:6px 24px;z-index:2}
nav a{color:#e5e7eb;margin-right:14px;font-size:13px;text-decoration:none}
h1{font-size:24px}h2{border-bottom:2px solid #e5e7eb;padding-bottom:4px;margin-top:36px}
h3{font-size:15px;margin-top:20px}
table.nf{border-collapse:collapse;font-size:12.5px;margin:8px 0;width:100%}
table.nf th,table.nf td{border:1px solid #e5e7eb;padding:3px 6px;text-align:left;vertical-align:top}
table.nf th{background:#f3f4f6;cursor:pointer;user-select:none;white-space:nowrap}
table.nf th:after{content:" \\2195";color:#9ca3af;font-size:10px}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.empty{color:#6b7280;font-style:italic}.ok{color:#15803d;font-weight:bold}.bad{color:#b91c1c;font-weight:bold}
.badge{background:#fee2e2;color:#991b1b;border-radius:3px;padding:0 4px;font-size:11px}
.charts{display:flex;flex-wrap:wrap;gap:16px}.small{font-size:12px;color:#4b5563}
article.nf-doc{border-top:1px solid #e5e7eb;margin-top:18px;padding-top:6px}
"""


class _Html:
    """Small helpers bound to one report's data (article names and evidence links)."""

    def __init__(self, data: ReportData, shown: set[int]) -> None:
        self.data, self.shown = data, shown

    def article(self, index: int) -> str:
        a = self.data.articles[index]
        return f"<a href='#a{index}'>{escape(a.id)}</a>" if index in self.shown else escape(a.id)

    def evidence(self, fact: dict[str, Any], label: str | None = None) -> str:
        """A link to the fact's sentence (its text also in the hover title)."""
        shown = escape(label if label is not None else f"§{fact['sentence']}")
        title = escape(fact.get("evidence", ""), quote=True)
        if fact["article"] in self.shown:
            return f"<a href='#a{fact['article']}-s{fact['sentence']}' title='{title}'>{shown}</a>"
        return f"<span title='{title}'>{shown}</span>"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """Cells are HTML already (escaped by the caller); ``numeric`` columns align right. Past
    :data:`MAX_ROWS` rows, a note says how many more there are."""
    rows = list(rows)
    more = len(rows) - MAX_ROWS
    rows = rows[:MAX_ROWS]
    head = "".join(f"<th onclick=\"{SORT_SCRIPT}\">{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td class='num'>{c}</td>" if k in numeric else f"<td>{c}</td>" for k, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    note = (f"<p class='small'>{more} more rows not shown; every fact is in "
            "<code>newsfacts facts PATH -o facts.jsonl</code>.</p>") if more > 0 else ""
    return f"<table class='nf'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"


def empty(message: str) -> str:
    return f"<p class='empty'>{escape(message)}</p>"


def _value(value: Any) -> str:
    return escape(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def render_html(data: ReportData, corpus, title: str) -> str:
    shown = set(range(min(len(data.articles), MAX_ARTICLES_SHOWN)))
    h = _Html(data, shown)
    sections = [
        ("corpus", "1. The corpus", _corpus(data, h)),
        ("who", "2. Who is in the news", _who(data, h)),
        ("quotes", "3. Who said what", _quotes(data, h)),
        ("numbers", "4. The numbers", _numbers(data, h)),
        ("when", "5. When", _when(data, h)),
        ("sources", "6. Sources cited", _sources(data, h)),
        ("terms", "7. Terms", _terms(data, h)),
        ("stories", "8. Same story", _stories(data, h)),
        ("articles", "The articles", _articles(data, corpus, shown)),
    ]
    nav = "".join(f"<a href='#{key}'>{escape(name)}</a>" for key, name, _ in sections)
    body = "".join(f"<section id='{key}'><h2>{escape(name)}</h2>{html}</section>" for key, name, html in sections)
    style = CSS + "".join(f".nf-k-{kind}{{{css}}}" for kind, css in KIND_STYLES.items())
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{style}"
        ".nf-article{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.6}"
        ".nf-seg-boilerplate{color:#9ca3af}.nf-seg-title{font-weight:bold}.nf-seg-metadata{color:#6b7280;font-family:monospace}"
        ".nf-legend span{padding:0 4px;margin-right:4px;font-size:12px}</style></head>"
        f"<body data-nf-ready='0'><nav>{nav}</nav><main><h1>{escape(title)}</h1>"
        f"<p class='small'>Made by newsfacts {escape(__version__)}. Click a table header to sort; "
        "hover a link for the sentence it points to.</p>"
        f"{body}</main><script>document.body.setAttribute('data-nf-ready','1');</script></body></html>"
    )


def _corpus(data: ReportData, h: _Html) -> str:
    if not data.articles:
        return empty("The corpus is empty: no article was read, so there is nothing to report.")
    n = len(data.articles)
    langs = ", ".join(f"{count} in {lang}" for lang, count in data.languages.most_common())
    dates = sorted(a.date for a in data.articles if a.date)
    dated = f"{len(dates)} dated, from {dates[0]} to {dates[-1]}" if dates else "none has a date"
    outlets = ", ".join(f"{escape(o)} ({c})" for o, c in data.outlets.most_common(10)) or "no outlet named"
    total = sum(a.characters for a in data.articles) or 1
    boilerplate = sum(a.boilerplate_characters for a in data.articles)
    rows = [(h.article(a.index), escape(a.lang), escape(a.date or "—"), escape(a.title or "—"), escape(a.source or "—"),
             str(a.characters), f"{100 * a.boilerplate_characters / max(a.characters, 1):.0f}%", str(a.n_facts))
            for a in data.articles]
    return (f"<p>{n} article{'s' * (n != 1)} ({escape(langs)}); {escape(dated)}; outlets: {outlets}. "
            f"Boilerplate (share buttons, comments, credits, related links) is {100 * boilerplate / total:.1f}% of the text "
            f"and is left out of the facts below. {len(data.facts)} facts in all.</p>"
            + table(["article", "lang", "date", "title", "outlet", "characters", "boilerplate", "facts"], rows, numeric=(5, 6, 7)))


def _who(data: ReportData, h: _Html) -> str:
    if not any(data.entities.values()):
        return empty("No people, organisations or places were found in these articles.")
    bar_charts = "".join(
        charts.bars([(name, articles) for name, _, articles, _ in data.entities[kind][:12]], f"{kind}: articles mentioning")
        for kind in ENTITY_KINDS if data.entities[kind])
    names, counts = data.entity_matrix
    heat = charts.heat_map([a.id for a in data.articles[:60]], names, counts[:60], "mentions per article")
    rows = []
    for kind in ENTITY_KINDS:
        rows += [(escape(kind), escape(name), str(mentions), str(articles), h.evidence(first, first["text"]) + " in " + h.article(first["article"]))
                 for name, mentions, articles, first in data.entities[kind][:40]]
    pairs = [(escape(a), escape(b), str(s), str(n), h.evidence(f, "first") + " in " + h.article(f["article"]))
             for a, b, s, n, f in data.cooccurrence]
    together = (table(["entity", "entity", "sentences together", "articles", "sentence"], pairs, numeric=(2, 3))
                if pairs else empty("No two entities share a sentence."))
    return (f"<div class='charts'>{bar_charts}</div><h3>Mentions per article</h3>{heat}"
            f"<h3>Entities</h3>{table(['kind', 'name', 'mentions', 'articles', 'first mention'], rows, numeric=(2, 3))}"
            f"<h3>Who appears with whom (same sentence)</h3>{together}")


def _quotes(data: ReportData, h: _Html) -> str:
    if not data.quotes:
        return empty("No quotes were found in these articles.")
    parts = []
    for mode, heading in (("direct", "Direct quotes"), ("partial", "Partial quotes"), ("reported", "Reported speech")):
        quotes = [q for q in data.quotes if q["attrs"].get("mode") == mode]
        if not quotes:
            parts.append(f"<h3>{heading}</h3>" + empty(f"No {heading.lower()}."))
            continue
        rows = []
        for q in quotes:
            speaker = escape(q.get("name") or q["attrs"].get("speaker") or "unknown")
            if q["attrs"].get("anonymous"):
                speaker += " <span class='badge'>anonymous</span>"
            rows.append((speaker, escape(q["text"]), escape(q["attrs"].get("cue", "")), h.article(q["article"]), h.evidence(q)))
        parts.append(f"<h3>{heading} ({len(quotes)})</h3>" + table(["speaker", "quote", "cue", "article", "sentence"], rows))
    anonymous = sum(1 for q in data.quotes if q["attrs"].get("anonymous"))
    note = f"<p>{len(data.quotes)} quotes; {anonymous} from anonymous sources.</p>"
    return note + "".join(parts)


def _qualifier(fact: dict[str, Any]) -> str:
    low, high = interval(fact["value"], fact["attrs"].get("qualifier"))
    return {">": "more than", "<": "less than", "~": "about"}.get(fact["attrs"].get("qualifier") or "=", "exactly")


def _numbers(data: ReportData, h: _Html) -> str:
    if not data.quantities:
        return empty("No numbers (quantities, percentages, money) were found in these articles.")
    claims = []
    for claim in data.claims:
        verdict = "<span class='ok'>agree</span>" if claim.agree else "<span class='bad'>⚠ disagree</span>"
        cells = "; ".join(f"{h.article(r['article'])}: {h.evidence(r, r['text'])} ({escape(_qualifier(r))} {_value(r['value'])}"
                          f"{', ' + escape(r['attrs']['measure']) if r['attrs'].get('measure') else ''})" for r in claim.rows)
        claims.append((escape(claim.subject), escape(claim.unit), cells, verdict))
    check = (table(["subject", "unit", "what each article says", "check"], claims) if claims
             else empty("No subject gets a number from two different articles, so there is nothing to compare."))
    groups = []
    for subject, facts in list(data.quantities.items())[:80]:
        rows = [(h.evidence(f, f["text"]), _value(f["value"]), escape(f["attrs"].get("unit") or f["attrs"].get("currency") or ""),
                 escape(_qualifier(f)), escape(f["attrs"].get("measure") or "—"), h.article(f["article"])) for f in facts]
        groups.append(f"<h3>{escape(subject)}</h3>" + table(["number", "value", "unit", "qualifier", "measure", "article"], rows, numeric=(1,)))
    return f"<h3>Claims check</h3>{check}{''.join(groups)}"


def _when(data: ReportData, h: _Html) -> str:
    if not data.timeline:
        return empty("No dated events: the articles mention no date that can be placed on a calendar.")
    first: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    for e in data.timeline:
        first.setdefault(e["value"], e)
        counts[e["value"]] = counts.get(e["value"], 0) + 1
    drawn = sorted(counts, key=lambda v: (-counts[v], v))[:MAX_TIMELINE_POINTS]
    points = [(date_position(v), f"{v} {first[v]['text']}" + (f" ×{counts[v]}" if counts[v] > 1 else ""),
               f"a{first[v]['article']}-s{first[v]['sentence']}") for v in drawn]
    rows = [(escape(e["value"]), h.evidence(e, e["text"]), escape(e.get("evidence", "")), h.article(e["article"])) for e in data.timeline]
    return (charts.timeline(points, "dated events mentioned in the articles")
            + "<p class='small'>The dates the articles talk about (resolved against each article's date), not when they were published.</p>"
            + table(["date", "as written", "sentence", "article"], rows))


def _sources(data: ReportData, h: _Html) -> str:
    if not data.sources:
        return empty("The articles cite no outlet, report or press release.")
    rows = []
    for name, kind, n_articles, citations in data.sources:
        cited = "; ".join(f"{h.article(c['article'])} {h.evidence(c, c['attrs'].get('cue_text') or c['attrs'].get('cue') or c['text'])}" for c in citations[:12])
        rows.append((escape(name), escape(kind), str(n_articles), cited))
    aliases = [(escape(short), escape(long)) for short, long in sorted(data.aliases.items())]
    same = (f"<h3>Names read as one</h3>{table(['short form', 'stands for'], aliases)}" if aliases else "")
    return table(["source", "type", "articles", "citations"], rows, numeric=(2,)) + same


def _terms(data: ReportData, h: _Html) -> str:
    if not data.top_terms:
        return empty("No terms: the articles hold no words once stop words are removed.")
    corpus_chart = charts.bars(data.top_terms, "corpus: summed TF-IDF", color="#059669")
    per_article = "".join(charts.bars(data.article_terms[i][:8], data.articles[i].id, width=360, color="#0d9488")
                          for i in sorted(data.article_terms)[:12] if data.article_terms[i])
    rows = [(h.article(i), escape(", ".join(t for t, _ in terms))) for i, terms in sorted(data.article_terms.items())]
    return (f"<div class='charts'>{corpus_chart}</div><h3>Top terms per article</h3>"
            f"<div class='charts'>{per_article}</div>{table(['article', 'top TF-IDF terms'], rows)}")


def _stories(data: ReportData, h: _Html) -> str:
    if len(data.articles) < 2:
        return empty("Pairing needs at least two articles.")
    if not data.stories:
        return empty("No two articles share enough facts to tell the same story.")
    rows = []
    for pair in data.stories:
        a, b = data.articles[pair.a], data.articles[pair.b]
        verdict = "same story" if pair.same else "related"
        terms = "—" if pair.terms_score is None else f"{pair.terms_score:.2f}"
        rows.append((h.article(pair.a), h.article(pair.b), escape(f"{a.lang}–{b.lang}"), escape(verdict),
                     f"{pair.score:.2f}", f"{pair.facts_score:.2f}", terms, escape("; ".join(pair.shared))))
    return ("<p class='small'>Scored from the facts two articles share (names, numbers, dates, acronyms, sources; rarer "
            "ones weigh more), across languages, and from their terms when both are in one language.</p>"
            + table(["article", "article", "languages", "verdict", "score", "facts", "terms", "shared facts"], rows, numeric=(4, 5, 6)))


def _articles(data: ReportData, corpus, shown: set[int]) -> str:
    if not data.articles:
        return empty("No articles.")
    by_article: dict[int, list[dict[str, Any]]] = {}
    for fact in data.facts:
        by_article.setdefault(fact["article"], []).append(fact)
    kinds = [k for k in KIND_STYLES if any(f["kind"] == k for f in data.facts)]
    parts = [legend(kinds)]
    for index in sorted(shown):
        doc = corpus[index]
        anchors = {start: f"a{index}-s{k}" for k, (start, _) in enumerate(data.articles[index].sentences)}
        head = f"<h3 id='a{index}'>{escape(doc.id)} <span class='small'>{escape(doc.lang)} · {escape(doc.date or 'no date')}</span></h3>"
        parts.append(f"<article class='nf-doc'>{head}<div class='nf-article'>{render(doc.text, by_article.get(index, []), doc.segments, anchors)}</div></article>")
    if len(data.articles) > len(shown):
        parts.append(empty(f"{len(data.articles) - len(shown)} more articles are not shown in full."))
    return "".join(parts)
