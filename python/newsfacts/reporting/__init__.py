"""A data-journalism report of a corpus: who is in the news, who said what, the numbers and
whether articles agree on them, when, the sources, the terms, and which articles tell the same
story. One self-contained HTML file (or Markdown).

>>> import newsfacts as nf
>>> report = nf.report(nf.datasets.seeds())
>>> [(report.data.articles[p.a].id[:3], report.data.articles[p.b].id[:3]) for p in report.data.stories if p.same][:1]
[('000', '001')]
>>> [(c.subject, c.agree) for c in report.data.claims]
[('Alibaba', True), ('Huawei & Tencent', True)]
>>> report.lang  # the interface follows the corpus: three of the five seeds are English
'en'
"""

from __future__ import annotations

import os
from typing import Any

from .._output import atomic_output, format_from_suffix
from ..errors import ParameterError
from .analysis import ReportData, analyse
from .interface import LANGS, corpus_language

__all__ = ["Report", "report"]

FORMATS = ("html", "md")
#: The suffixes that name each format: any other (".pdf") is refused, not written as HTML.
SUFFIXES = {"html": (".html", ".htm"), "md": (".md", ".markdown")}


class Report:
    """The report of one corpus; ``write(path)``, ``html()``, ``markdown()``; shows itself in
    Jupyter. ``data`` holds what it says (articles, facts, claims, stories...)."""

    def __init__(self, data: ReportData, corpus, title: str, lang: str = "en") -> None:
        self.data, self._corpus, self.title, self.lang = data, corpus, title, lang

    def html(self) -> str:
        from .html import render_html

        return render_html(self.data, self._corpus, self.title, self.lang)

    def markdown(self) -> str:
        from .markdown import render_markdown

        return render_markdown(self.data, self.title, self.lang)

    def write(self, path: str | os.PathLike[str], format: str | None = None) -> str:
        """Write the report (format from the suffix: ``.md`` is Markdown, else HTML). The file
        appears whole or not at all: written aside, then renamed. Returns the path."""
        path = os.fspath(path)
        format = format_from_suffix(path, SUFFIXES, format)
        text = self.html() if format == "html" else self.markdown()
        with atomic_output(path) as out:
            out.write(text)
        return path

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        d = self.data
        return (f"<Report {self.title!r}: {len(d.articles)} articles, {len(d.facts)} facts, {len(d.quotes)} quotes, "
                f"{len(d.claims)} claims checked, {sum(p.same for p in d.stories)} same-story pairs>")


def report(corpus: Any, path: str | os.PathLike[str] | None = None, *, title: str | None = None,
           format: str | None = None, lang: str = "auto", progress: bool | None = None, **read_options: Any) -> Report:
    """The report of ``corpus`` (a :class:`newsfacts.Corpus`, or anything :func:`newsfacts.read`
    takes); written to ``path`` when given (``.html``, or ``.md`` for Markdown). Its headings
    and messages are in ``lang`` ("en" or "fr"; "auto": the language most articles are in)."""
    from ..corpus import Corpus, read

    if not isinstance(corpus, Corpus):
        corpus = read(corpus, **read_options)
    elif read_options:
        raise ParameterError(f"reading options {sorted(read_options)} apply only when reading a path", name="read_options")
    if lang != "auto" and lang not in LANGS:
        raise ParameterError(f"lang={lang!r}; expected 'auto' or one of {LANGS}", name="lang")
    if format is not None and format not in FORMATS:
        raise ParameterError(f"format={format!r}; expected one of {FORMATS}", name="format")
    if path is not None:  # a name that says no known format fails before the analysis, not after
        format = format_from_suffix(os.fspath(path), SUFFIXES, format)
    data = analyse(corpus, progress=progress)
    if lang == "auto":
        lang = corpus_language(a.lang for a in data.articles)
    result = Report(data, corpus, title or ("rapport newsfacts" if lang == "fr" else "newsfacts report"), lang)
    if path is not None:
        result.write(path, format)
    return result
