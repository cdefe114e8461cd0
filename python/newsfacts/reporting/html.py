"""The report as one self-contained HTML file: inline CSS, inline SVG charts, tables sortable
by a click on their header, no network. Each section leads with its top items; the rest opens
on demand (``<details>``), so a corpus of hundreds of articles stays a page one reads. A few
lines of inline script sort tables and open the collapsed parts a link points into. Every piece
of text that comes from an article (text, title, id, facts) goes through ``escape``."""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import Any, Iterable, Sequence

from .._core import __version__
from .._display import SORT_SCRIPT
from .._highlight import KIND_STYLES, legend, render
from . import charts
from .analysis import ReportData
from .interface import TEXT, Words
from .names import ENTITY_KINDS
from .values import human, percent

#: Articles shown in full (with their facts highlighted, collapsed) at the end of the report.
MAX_ARTICLES_SHOWN = 300
#: Rows of one table; the complete lists are `newsfacts facts PATH -o facts.jsonl`.
MAX_ROWS = 1000
#: Rows a section shows before "the rest" opens on demand.
TOP = 10

CSS = """
body{font-family:system-ui,-apple-system,sans-serif;margin:0;color:#111;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:16px 24px 64px;background:#fff;box-sizing:border-box}
nav{position:sticky;top:0;background:#111827;padding:6px 24px;z-index:2}
nav a{color:#e5e7eb;margin-right:14px;font-size:13px;text-decoration:none}
h1{font-size:24px}h2{border-bottom:2px solid #e5e7eb;padding-bottom:4px;margin-top:36px}
h3{font-size:15px;margin-top:20px}
table.nf{border-collapse:collapse;font-size:12.5px;margin:8px 0;width:100%;table-layout:auto}
table.nf th,table.nf td{border:1px solid #e5e7eb;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
table.nf th{background:#f3f4f6;cursor:pointer;user-select:none;white-space:nowrap}
table.nf th:after{content:" \\2195";color:#9ca3af;font-size:10px}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.empty{color:#6b7280;font-style:italic}.ok{color:#15803d;font-weight:bold}.bad{color:#b91c1c;font-weight:bold}
.badge{background:#fee2e2;color:#991b1b;border-radius:3px;padding:0 4px;font-size:11px}
.charts{display:flex;flex-wrap:wrap;gap:16px}.small{font-size:12px;color:#4b5563}
details.more{margin:6px 0}details.more>summary{cursor:pointer;color:#4b5563;font-size:13px;padding:2px 0}
details.doc{border-top:1px solid #e5e7eb;padding:4px 0}details.doc>summary{cursor:pointer;font-size:13.5px}
svg{max-width:100%;height:auto}
"""

#: Opens the collapsed parts around the element a link points to (an evidence sentence inside
#: a closed article), then scrolls to it.
OPEN_SCRIPT = (
    "function nfOpen(){var id=decodeURIComponent(location.hash.slice(1)),e=id&&document.getElementById(id);"
    "if(!e)return;for(var p=e;p;p=p.parentElement){if(p.tagName==='DETAILS')p.open=true}e.scrollIntoView()}"
    "window.addEventListener('hashchange',nfOpen);document.addEventListener('click',function(ev){"
    "var a=ev.target.closest&&ev.target.closest('a[href^=\"#\"]');if(a)setTimeout(nfOpen,0)});nfOpen();"
)


class _Page:
    """Helpers bound to one report: its words, article names and evidence links."""

    def __init__(self, data: ReportData, shown: set[int], words: Words) -> None:
        self.data, self.shown, self.w = data, shown, words

    def article(self, index: int, width: int = 70) -> str:
        """An article by its title (its id on hover), linked to its text when shown."""
        a = self.data.articles[index]
        name = a.title or a.id
        label = escape(name if len(name) <= width else name[: width - 1] + "…")
        hover = escape(a.id if a.title else "", quote=True)
        if index in self.shown:
            return f"<a href='#a{index}' title='{hover}'>{label}</a>"
        return f"<span title='{hover}'>{label}</span>"

    def evidence(self, fact: dict[str, Any], label: str | None = None) -> str:
        """A link to the fact's sentence (its text also in the hover title)."""
        shown = escape(label if label is not None else f"§{fact['sentence']}")
        title = escape(fact.get("evidence", ""), quote=True)
        if fact["article"] in self.shown:
            return f"<a href='#a{fact['article']}-s{fact['sentence']}' title='{title}'>{shown}</a>"
        return f"<span title='{title}'>{shown}</span>"

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = ()) -> str:
        """Cells are HTML already (escaped by the caller), or (html, sort value) pairs;
        ``numeric`` columns align right. Past :data:`MAX_ROWS` rows, a note says how many more."""
        rows = list(rows)
        more = len(rows) - MAX_ROWS
        head = "".join(f"<th onclick=\"{SORT_SCRIPT}\">{escape(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(_cell(c, k in numeric) for k, c in enumerate(row)) + "</tr>" for row in rows[:MAX_ROWS])
        note = f"<p class='small'>{self.w('more_rows', n=more)}</p>" if more > 0 else ""
        return f"<table class='nf'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"

    def top(self, headers: Sequence[str], rows: Sequence[Sequence[Any]], what: str, numeric: Sequence[int] = (), n: int = TOP) -> str:
        """The first ``n`` rows, then every row in a table that opens on demand."""
        shown = self.table(headers, rows[:n], numeric)
        if len(rows) <= n:
            return shown
        return shown + more(self.w("show_all", n=len(rows), what=what), self.table(headers, rows, numeric))


def _cell(cell: Any, numeric: bool) -> str:
    html, sort = cell if isinstance(cell, tuple) else (cell, None)
    attrs = (" class='num'" if numeric else "") + (f" data-v='{sort}'" if sort is not None else "")
    return f"<td{attrs}>{html}</td>"


def more(summary: str, content: str) -> str:
    return f"<details class='more'><summary>{escape(summary)}</summary>{content}</details>"


def empty(message: str) -> str:
    return f"<p class='empty'>{escape(message)}</p>"


def render_html(data: ReportData, corpus, title: str, lang: str = "en") -> str:
    shown = set(range(min(len(data.articles), MAX_ARTICLES_SHOWN)))
    page = _Page(data, shown, Words(lang))
    w = page.w
    sections = [
        ("corpus", _corpus), ("who", _who), ("quotes", _quotes), ("numbers", _numbers),
        ("when", _when), ("sources", _sources), ("terms", _terms), ("stories", _stories),
    ]
    parts = [(key, w(f"section_{key}"), build(data, page)) for key, build in sections]
    parts.append(("articles", w("section_articles"), _articles(data, corpus, page)))
    nav = "".join(f"<a href='#{key}'>{escape(name)}</a>" for key, name, _ in parts)
    body = "".join(f"<section id='{key}'><h2>{escape(name)}</h2>{html}</section>" for key, name, html in parts)
    style = CSS + "".join(f".nf-k-{kind}{{{css}}}" for kind, css in KIND_STYLES.items())
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{style}"
        ".nf-article{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.6}"
        ".nf-seg-boilerplate{color:#9ca3af}.nf-seg-title{font-weight:bold}.nf-seg-metadata{color:#6b7280;font-family:monospace}"
        ".nf-legend span{padding:0 4px;margin-right:4px;font-size:12px}</style></head>"
        f"<body data-nf-ready='0'><nav>{nav}</nav><main><h1>{escape(title)}</h1>"
        f"<p class='small'>{escape(w('made_by', version=__version__))}</p>"
        f"{body}</main><script>{OPEN_SCRIPT}document.body.setAttribute('data-nf-ready','1');</script></body></html>"
    )


def _corpus(data: ReportData, page: _Page) -> str:
    w = page.w
    if not data.articles:
        return empty(w("empty_corpus"))
    n = len(data.articles)
    langs = ", ".join(w("in_lang", n=count, lang=w(f"lang_{lang}") if f"lang_{lang}" in TEXT else lang)
                      for lang, count in data.languages.most_common())
    dates = sorted(a.date for a in data.articles if a.date)
    dated = w("dated", n=len(dates), first=dates[0], last=dates[-1]) if dates else w("undated")
    outlets = ", ".join(f"{escape(o)} ({c})" for o, c in data.outlets.most_common(10)) or escape(w("no_outlet"))
    total = sum(a.characters for a in data.articles) or 1
    share = percent(100 * sum(a.boilerplate_characters for a in data.articles) / total, w.lang)
    summary = w("corpus_summary", articles=w("article_1") if n == 1 else w("articles_n", n=n), langs=escape(langs),
                dated=escape(dated), outlets_word=w("outlets"), outlets=outlets, share=share, facts=len(data.facts))
    rows = [(page.article(a.index), escape(a.lang), escape(a.date or "—"), escape(a.source or "—"),
             str(a.characters), percent(100 * a.boilerplate_characters / max(a.characters, 1), w.lang, 0), str(a.n_facts))
            for a in data.articles]
    headers = [w("col_article"), w("col_lang"), w("col_date"), w("col_outlet"), w("col_characters"), w("col_boilerplate"), w("col_facts")]
    return f"<p>{summary}</p>" + more(w("show_all", n=n, what=w("the_articles")), page.table(headers, rows, numeric=(4, 5, 6)))


def _who(data: ReportData, page: _Page) -> str:
    w = page.w
    if not any(data.entities.values()):
        return empty(w("no_entities"))
    bar_charts = "".join(
        charts.bars([(name, articles) for name, _, articles, _ in data.entities[kind][:TOP]],
                    w("articles_mentioning", kind=w(f"kind_{kind}")))
        for kind in ENTITY_KINDS if data.entities[kind])
    names, counts = data.entity_matrix
    busiest = sorted(range(len(counts)), key=lambda i: (-sum(counts[i]), i))[:30]
    busiest = [i for i in busiest if sum(counts[i])]
    heat = charts.heat_map([data.articles[i].title or data.articles[i].id for i in busiest], names,
                           [counts[i] for i in busiest], w("heat_map"))
    # Most articles first, whatever the kind (a stable sort keeps each kind's own order).
    ranked = sorted(((kind, *entity) for kind in ENTITY_KINDS for entity in data.entities[kind]), key=lambda e: -e[3])
    rows = [(escape(w(f"kind_{kind}")), escape(name), str(mentions), str(articles),
             page.evidence(first, first["text"]) + f" {w('in_article')} " + page.article(first["article"], 40))
            for kind, name, mentions, articles, first in ranked]
    headers = [w("col_kind"), w("col_name"), w("col_mentions"), w("col_articles"), w("col_first")]
    pairs = [(escape(a), escape(b), str(s), str(n), page.evidence(f, w("first_word")) + f" {w('in_article')} " + page.article(f["article"], 40))
             for a, b, s, n, f in data.cooccurrence]
    together = (page.top([w("col_entity"), w("col_entity"), w("col_sentences_together"), w("col_articles"), w("col_sentence")],
                         pairs, w("all_pairs"), numeric=(2, 3)) if pairs else empty(w("no_pairs")))
    return (f"<div class='charts'>{bar_charts}</div>" + (more(w("heat_map"), heat) if heat else "")
            + f"<h3>{escape(w('entities'))}</h3>{page.top(headers, rows, w('all_entities'), numeric=(2, 3))}"
            + f"<h3>{escape(w('together'))}</h3>{together}")


def _speaker(q: dict[str, Any], w: Words) -> str:
    return q.get("name") or q["attrs"].get("speaker") or w("unknown")


def _quotes(data: ReportData, page: _Page) -> str:
    w = page.w
    if not data.quotes:
        return empty(w("no_quotes"))
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in data.quotes:
        by_speaker[_speaker(q, w)].append(q)
    order = sorted(by_speaker, key=lambda s: (s == w("unknown"), -len(by_speaker[s]), s))
    modes = Counter(q["attrs"].get("mode") for q in data.quotes)
    anonymous = sum(1 for q in data.quotes if q["attrs"].get("anonymous"))
    summary = w("quotes_summary", n=len(data.quotes), speakers=len(by_speaker), direct=modes["direct"],
                partial=modes["partial"], reported=modes["reported"], anonymous=anonymous)

    def name(speaker: str, quotes: list[dict[str, Any]]) -> str:
        badge = f" <span class='badge'>{escape(w('anonymous'))}</span>" if any(q["attrs"].get("anonymous") for q in quotes) else ""
        return escape(speaker) + badge

    def example(quotes: list[dict[str, Any]]) -> str:
        q = next((q for q in quotes if q["attrs"].get("mode") == "direct"), quotes[0])
        text = q["text"] if len(q["text"]) <= 160 else q["text"][:159] + "…"
        return page.evidence(q, text) + " — " + page.article(q["article"], 40)

    rows = []
    for speaker in order:
        quotes = by_speaker[speaker]
        counts = Counter(q["attrs"].get("mode") for q in quotes)
        rows.append((name(speaker, quotes), str(len(quotes)), str(counts["direct"]), str(counts["partial"]),
                     str(counts["reported"]), str(len({q["article"] for q in quotes})), example(quotes)))
    headers = [w("col_speaker"), w("col_quotes"), w("col_direct"), w("col_partial"), w("col_reported"), w("col_articles"), w("col_example")]
    every = [(name(speaker, [q]), escape(w(f"mode_{q['attrs'].get('mode')}")) if q["attrs"].get("mode") in ("direct", "partial", "reported") else "",
              escape(q["text"]), escape(q["attrs"].get("cue", "")), page.article(q["article"], 40), page.evidence(q))
             for speaker in order for q in by_speaker[speaker]]
    all_quotes = more(w("show_all", n=len(every), what=w("all_quotes")),
                      page.table([w("col_speaker"), w("col_mode"), w("col_quote"), w("col_cue"), w("col_article"), w("col_sentence")], every))
    return (f"<p>{escape(summary)}</p><h3>{escape(w('speakers'))}</h3>"
            + page.top(headers, rows, w("all_speakers"), numeric=(1, 2, 3, 4, 5)) + all_quotes)


def _qualifier(fact: dict[str, Any], w: Words) -> str:
    return w({">": "q_more", "<": "q_less", "~": "q_about"}.get(fact["attrs"].get("qualifier") or "=", "q_exact"))


def _said(fact: dict[str, Any], w: Words) -> str:
    """"more than 40%", "$162bn": the number as the article qualifies it, money and
    percentages in human form, counts as written ("146,000 jobs", not the unit's singular)."""
    qualifier = fact["attrs"].get("qualifier") or "="
    if not fact["attrs"].get("currency") and fact["attrs"].get("unit") != "%":
        return fact["text"]
    value = human(fact, w.lang)
    return value if qualifier == "=" else f"{_qualifier(fact, w)} {value}"


def _numbers(data: ReportData, page: _Page) -> str:
    w = page.w
    if not data.quantities:
        return empty(w("no_numbers"))
    claims = []
    for claim in data.claims:
        verdict = f"<span class='ok'>{escape(w('agree'))}</span>" if claim.agree else f"<span class='bad'>{escape(w('disagree'))}</span>"
        values = " vs ".join(dict.fromkeys(_said(r, w) for r in claim.rows))
        why = w("why_agree" if claim.agree else "why_disagree", values=values)
        cells = "; ".join(f"{page.article(r['article'], 40)}: {page.evidence(r, r['text'])} ({escape(_said(r, w))}"
                          f"{', ' + escape(r['attrs']['measure']) if r['attrs'].get('measure') else ''})" for r in claim.rows)
        claims.append((escape(claim.subject), escape(claim.unit), escape(claim.measure), cells, f"{verdict}<br><span class='small'>{escape(why)}</span>"))
    headers = [w("col_subject"), w("col_unit"), w("col_measure"), w("col_says"), w("col_check")]
    check = page.top(headers, claims, w("claims_check")) if claims else empty(w("no_claims"))
    if data.unchecked:
        items = ", ".join(f"{u.subject} ({u.articles} {w('col_articles')}: {', '.join(u.units)})" for u in data.unchecked[:8])
        check += f"<p class='small'>{escape(w('not_comparable', items=items))}</p>"
    subjects = [(subject, facts) for subject, facts in data.quantities.items() if subject != "(no subject)"]
    top_rows = [(escape(subject), str(len(facts)), str(len({f["article"] for f in facts})),
                 "; ".join(page.evidence(f, _said(f, w)) for f in facts[:4])) for subject, facts in subjects]
    every = [(escape(w("no_subject") if subject == "(no subject)" else subject), page.evidence(f, f["text"]),
              (escape(human(f, w.lang)), f["value"]), escape(f["attrs"].get("currency") or f["attrs"].get("unit") or ""),
              escape(_qualifier(f, w)), escape(f["attrs"].get("measure") or "—"), page.article(f["article"], 40))
             for subject, facts in data.quantities.items() for f in facts]
    table_all = page.table([w("col_subject"), w("col_number"), w("col_value"), w("col_unit"), w("col_qualifier"), w("col_measure"),
                            w("col_article")], every, numeric=(2,))
    return (f"<h3>{escape(w('claims_check'))}</h3><p class='small'>{escape(w('claims_intro'))}</p>{check}"
            f"<h3>{escape(w('numbers_top'))}</h3>"
            + page.table([w("col_subject"), w("col_numbers"), w("col_articles"), w("col_value")], top_rows[:TOP], numeric=(1, 2))
            + more(w("show_all", n=len(every), what=w("all_numbers")), table_all))


def _when(data: ReportData, page: _Page) -> str:
    w = page.w
    if not data.timeline or data.when is None:
        return empty(w("no_dates"))
    h = data.when
    period = w(f"period_{h.period}")
    chart = charts.histogram([(b.label, b.mentioned, b.published) for b in h.bins], w("when_chart", period=period),
                             (w("mentioned"), w("published")))
    notes = [w("when_intro", period=period)]
    if not any(a.date for a in data.articles):
        notes.append(w("no_publication"))
    if h.coarse:
        notes.append(w("coarse", n=h.coarse, period=period))
    if h.outliers:
        notes.append(w("outliers", items=", ".join(h.outliers[:12]) + (" …" if len(h.outliers) > 12 else "")))
    first: dict[str, dict[str, Any]] = {}
    counts: Counter = Counter()
    for e in data.timeline:
        first.setdefault(e["value"], e)
        counts[e["value"]] += 1
    ranked = sorted(counts, key=lambda v: (-counts[v], v))
    top = [(escape(v), str(counts[v]), page.evidence(first[v], first[v]["text"]), page.article(first[v]["article"], 50)) for v in ranked]
    every = [(escape(e["value"]), page.evidence(e, e["text"]), escape(e.get("evidence", "")), page.article(e["article"], 40)) for e in data.timeline]
    return (chart + "".join(f"<p class='small'>{escape(n)}</p>" for n in notes)
            + f"<h3>{escape(w('top_dates'))}</h3>"
            + page.table([w("col_date"), w("col_times"), w("col_as_written"), w("col_article")], top[:TOP], numeric=(1,))
            + more(w("show_all", n=len(every), what=w("all_dates")),
                   page.table([w("col_date"), w("col_as_written"), w("col_sentence"), w("col_article")], every)))


def _sources(data: ReportData, page: _Page) -> str:
    w = page.w
    if not data.sources:
        return empty(w("no_sources"))
    rows = []
    for name, kind, n_articles, citations in data.sources:
        cited = "; ".join(f"{page.article(c['article'], 40)} {page.evidence(c, c['attrs'].get('cue_text') or c['attrs'].get('cue') or c['text'])}"
                          for c in citations[:6])
        rows.append((escape(name), escape(kind), str(n_articles), cited))
    aliases = [(escape(short), escape(long)) for short, long in sorted(data.aliases.items())]
    same = more(w("aliases") + f" ({len(aliases)})", page.table([w("col_short"), w("col_stands_for")], aliases)) if aliases else ""
    return page.top([w("col_source"), w("col_type"), w("col_articles"), w("col_citations")], rows, w("all_sources"), numeric=(2,)) + same


def _terms(data: ReportData, page: _Page) -> str:
    w = page.w
    if not data.top_terms:
        return empty(w("no_terms"))
    corpus_chart = charts.bars(data.top_terms, w("corpus_tfidf"), color="#059669")
    rows = [(page.article(i), escape(", ".join(t for t, _ in terms))) for i, terms in sorted(data.article_terms.items())]
    return (f"<div class='charts'>{corpus_chart}</div><p class='small'>{escape(w('terms_note'))}</p>"
            + more(w("show_all", n=len(rows), what=w("terms_per_article")), page.table([w("col_article"), w("col_terms")], rows)))


def _stories(data: ReportData, page: _Page) -> str:
    w = page.w
    if len(data.articles) < 2:
        return empty(w("pairing_needs_two"))
    if not data.stories:
        return empty(w("no_stories"))
    rows = []
    for pair in sorted(data.stories, key=lambda p: (not p.same, -p.score)):
        a, b = data.articles[pair.a], data.articles[pair.b]
        terms = "—" if pair.terms_score is None else f"{pair.terms_score:.2f}"
        rows.append((page.article(pair.a, 50), page.article(pair.b, 50), escape(f"{a.lang}–{b.lang}"),
                     escape(w("same_story" if pair.same else "related")), f"{pair.score:.2f}", f"{pair.facts_score:.2f}",
                     terms, escape("; ".join(pair.shared))))
    headers = [w("col_article"), w("col_article"), w("col_languages"), w("col_verdict"), w("col_score"), w("col_facts"),
               w("col_terms_score"), w("col_shared")]
    return f"<p class='small'>{escape(w('stories_intro'))}</p>" + page.top(headers, rows, w("all_stories"), numeric=(4, 5, 6))


def _articles(data: ReportData, corpus, page: _Page) -> str:
    w = page.w
    if not data.articles:
        return empty(w("no_articles"))
    by_article: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for fact in data.facts:
        by_article[fact["article"]].append(fact)
    kinds = [k for k in KIND_STYLES if any(f["kind"] == k for f in data.facts)]
    parts = [legend(kinds)]
    for index in sorted(page.shown):
        doc = corpus[index]
        anchors = {start: f"a{index}-s{k}" for k, (start, _) in enumerate(data.articles[index].sentences)}
        head = (f"<summary>{escape(doc.title or doc.id)} <span class='small'>{escape(doc.id)} · {escape(doc.lang)} · "
                f"{escape(doc.date or w('no_date'))} · {len(by_article[index])} {escape(w('col_facts'))}</span></summary>")
        parts.append(f"<details class='doc' id='a{index}'>{head}<div class='nf-article'>"
                     f"{render(doc.text, by_article[index], doc.segments, anchors)}</div></details>")
    if len(data.articles) > len(page.shown):
        parts.append(empty(w("not_shown", n=len(data.articles) - len(page.shown))))
    return more(w("show_all", n=len(data.articles), what=w("every_article")), "".join(parts))

