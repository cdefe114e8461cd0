"""The report as Markdown (for a repository, a wiki, an e-mail): the same sections as the HTML
report, as tables, without charts. Article text is escaped so it cannot turn into markup."""

from __future__ import annotations

import json
from typing import Any, Iterable, Sequence

from .names import ENTITY_KINDS
from .analysis import ReportData
from .interface import Words
from .values import human


def md(text: Any) -> str:
    """A table cell: one line, pipes and HTML characters neutralised."""
    value = text if isinstance(text, str) else json.dumps(text, ensure_ascii=False)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\|*_`[]#":
        value = value.replace(char, "\\" + char)
    return " ".join(value.split())


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def render_markdown(data: ReportData, title: str, lang: str = "en") -> str:
    w = Words(lang)
    out = [f"# {md(title)}\n"]
    ids = [a.id for a in data.articles]

    out.append(f"## {w('section_corpus')}\n")
    if not data.articles:
        out.append("_The corpus is empty: no article was read, so there is nothing to report._\n")
        return "\n".join(out)
    langs = ", ".join(f"{c} in {lang}" for lang, c in data.languages.most_common())
    total = sum(a.characters for a in data.articles) or 1
    boilerplate = sum(a.boilerplate_characters for a in data.articles)
    out.append(f"{len(data.articles)} articles ({langs}); boilerplate is {100 * boilerplate / total:.1f}% of the text; "
               f"{len(data.facts)} facts.\n")
    out.append(table(["article", "lang", "date", "title", "outlet", "facts"],
                     [(a.id, a.lang, a.date or "—", a.title or "—", a.source or "—", a.n_facts) for a in data.articles]))

    out.append(f"## {w('section_who')}\n")
    rows = [(kind, name, m, n) for kind in ENTITY_KINDS for name, m, n, _ in data.entities[kind][:25]]
    out.append(table(["kind", "name", "mentions", "articles"], rows) if rows else "_No people, organisations or places were found._\n")
    if data.cooccurrence:
        out.append("Who appears with whom (same sentence):\n")
        out.append(table(["entity", "entity", "sentences", "articles"], [(a, b, s, n) for a, b, s, n, _ in data.cooccurrence]))

    out.append(f"## {w('section_quotes')}\n")
    if not data.quotes:
        out.append("_No quotes were found in these articles._\n")
    for mode in ("direct", "partial", "reported"):
        quotes = [q for q in data.quotes if q["attrs"].get("mode") == mode]
        if quotes:
            out.append(f"{mode.capitalize()} ({len(quotes)}):\n")
            out.append(table(["speaker", "quote", "cue", "article", "sentence"],
                             [((q.get("name") or q["attrs"].get("speaker") or "unknown") + (" (anonymous)" if q["attrs"].get("anonymous") else ""),
                               q["text"], q["attrs"].get("cue", ""), ids[q["article"]], q["sentence"]) for q in quotes]))

    out.append(f"## {w('section_numbers')}\n")
    if not data.quantities:
        out.append("_No numbers were found in these articles._\n")
    else:
        out.append("Claims check:\n")
        out.append(table(["subject", "unit", "measure", "what each article says", "check"],
                         [(c.subject, c.unit, c.measure, "; ".join(f"{ids[r['article']]}: {r['text']} ({human(r, lang)})" for r in c.rows),
                           "agree" if c.agree else "DISAGREE") for c in data.claims]) if data.claims else f"_{w('no_claims')}_\n")
        rows = [(subject, f["text"], human(f, lang), f["attrs"].get("measure") or "—", ids[f["article"]])
                for subject, facts in data.quantities.items() for f in facts]
        out.append(table(["subject", "number", "value", "measure", "article"], rows))

    out.append(f"## {w('section_when')}\n")
    out.append(table(["date", "as written", "article", "sentence"], [(e["value"], e["text"], ids[e["article"]], e["sentence"]) for e in data.timeline])
               if data.timeline else "_No dated events: the articles mention no date that can be placed on a calendar._\n")

    out.append(f"## {w('section_sources')}\n")
    out.append(table(["source", "type", "articles", "citations"], [(n, k, a, len(c)) for n, k, a, c in data.sources])
               if data.sources else "_The articles cite no outlet, report or press release._\n")

    out.append(f"## {w('section_terms')}\n")
    out.append(table(["term", "TF-IDF (summed)"], [(t, f"{w:.3f}") for t, w in data.top_terms]) if data.top_terms else "_No terms._\n")
    out.append(table(["article", "top terms"], [(ids[i], ", ".join(t for t, _ in terms)) for i, terms in sorted(data.article_terms.items())]))

    out.append(f"## {w('section_stories')}\n")
    out.append(table(["article", "article", "verdict", "score", "shared facts"],
                     [(ids[p.a], ids[p.b], "same story" if p.same else "related", f"{p.score:.2f}", "; ".join(p.shared)) for p in data.stories])
               if data.stories else "_No two articles share enough facts to tell the same story._\n")
    return "\n".join(out)
