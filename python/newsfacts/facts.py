"""Facts as a table: one row per fact, with its evidence and the rule that found it."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from typing import TYPE_CHECKING, Any, Iterator

import numpy as np

from . import _core
from ._display import table
from ._text import without_surrogates
from .errors import InputError, ParameterError

if TYPE_CHECKING:
    from .corpus import Corpus

#: The kinds of facts newsfacts extracts so far.
KINDS = ("date", "duration", "quantity", "money", "source", "acronym", "quote", "person", "organization", "place", "role")
#: The fields of one fact, in output order (the first seven are what ../shared/eval/score.py reads).
FIELDS = ("doc", "kind", "start", "end", "text", "value", "attrs", "sentence", "segment", "rule", "confidence")


class FactTable:
    """Facts of one or many documents, in columns.

    ``start``/``end`` index the document text (code points: ``text[start:end] == fact text``);
    ``value`` is the normalised value (a TIMEX3 string for dates, a number for quantities, a
    name for sources, the expansion for acronyms); ``attrs`` a dict per kind.

    >>> import newsfacts as nf
    >>> facts = nf.extract("Selon le Financial Times, Alibaba détient plus de 40 % du marché.", lang="fr", date="2021-01-15")
    >>> [(f["kind"], f["text"], f["value"]) for f in facts]
    [('source', 'Financial Times', 'Financial Times'), ('quantity', 'plus de 40 %', 40.0)]
    >>> facts.records()[1]["attrs"]["qualifier"], facts.records()[1]["attrs"]["subject"]
    ('>', 'Alibaba')
    """

    def __init__(self, columns: dict[str, Any], doc_ids: list[str]) -> None:
        self._columns = columns
        self._doc_ids = doc_ids

    def __len__(self) -> int:
        return len(self._columns["kind"])

    def _select(self, keep: np.ndarray) -> FactTable:
        picked = {}
        for name, column in self._columns.items():
            picked[name] = column[keep] if isinstance(column, np.ndarray) else [column[i] for i in np.flatnonzero(keep)]
        return FactTable(picked, self._doc_ids)

    def kinds(self, *kinds: str) -> FactTable:
        """Only the facts of these kinds: ``facts.kinds("date", "duration")``."""
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ParameterError(f"unknown fact kind(s) {sorted(unknown)}; known: {list(KINDS)}", name="kinds")
        return self._select(np.isin(np.array(self._columns["kind"], dtype=object), list(kinds)))

    def _decoded(self, name: str) -> list[Any]:
        """A JSON column decoded in one call (one ``json.loads`` per fact is 10× slower)."""
        column = self._columns[name]
        return json.loads("[" + ",".join(column) + "]") if len(column) else []

    def _plain_columns(self) -> dict[str, Any]:
        c = self._columns
        ids = np.array(self._doc_ids, dtype=object)
        return {
            "doc": list(ids[np.asarray(c["doc"], dtype=np.int64)]) if len(self) else [],
            "kind": list(c["kind"]),
            "start": np.asarray(c["start"], dtype=np.int64),
            "end": np.asarray(c["end"], dtype=np.int64),
            "text": list(c["text"]),
            "value": self._decoded("value"),
            "attrs": self._decoded("attrs"),
            "sentence": np.asarray(c["sentence"], dtype=np.int64),
            "segment": list(c["segment"]),
            "rule": list(c["rule"]),
            "confidence": np.round(np.asarray(c["confidence"], dtype=np.float64), 3),
        }

    def records(self) -> list[dict[str, Any]]:
        """One dict per fact, with ``value`` and ``attrs`` decoded."""
        columns = self._plain_columns()
        for name in ("start", "end", "sentence", "confidence"):
            columns[name] = columns[name].tolist()
        return [dict(zip(FIELDS, row)) for row in zip(*(columns[name] for name in FIELDS))]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.records())

    def __getitem__(self, i: int) -> dict[str, Any]:
        return self.records()[i]

    def to_pandas(self):
        """A DataFrame, one row per fact (``attrs`` as dicts); the column dtypes are the same
        whether there are facts or not."""
        import pandas as pd

        frame = pd.DataFrame(self._plain_columns(), columns=list(FIELDS))
        text_columns = {name: str for name in ("doc", "kind", "text", "segment", "rule")}
        return frame.astype({**text_columns, "value": object, "attrs": object, "start": "int64", "end": "int64",
                             "sentence": "int64", "confidence": "float64"})

    def write(self, path: str | os.PathLike[str], format: str | None = None) -> None:
        """Write JSON lines (``.jsonl``, the format ``../shared/eval/score.py`` reads) or CSV.
        The file appears whole or not at all (written aside, then renamed)."""
        path = os.fspath(path)
        format = format or ("csv" if path.endswith(".csv") else "jsonl")
        if format not in ("jsonl", "csv"):
            raise ParameterError(f"format={format!r}; expected 'jsonl' or 'csv'", name="format")
        folder = os.path.dirname(os.path.abspath(path))
        try:
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".newsfacts-", suffix=".tmp")
        except OSError as err:
            raise InputError(f"{path}: cannot write there ({err.strerror})", source=path) from None
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                if format == "jsonl":
                    for record in self.records():
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    writer = csv.DictWriter(out, fieldnames=list(FIELDS))
                    writer.writeheader()
                    for record in self.records():
                        record["value"] = json.dumps(record["value"], ensure_ascii=False)
                        record["attrs"] = json.dumps(record["attrs"], ensure_ascii=False)
                        writer.writerow(record)
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise

    def __repr__(self) -> str:
        counts: dict[str, int] = {}
        for kind in self._columns["kind"]:
            counts[kind] = counts.get(kind, 0) + 1
        shown = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        return f"<FactTable: {len(self)} facts ({shown or 'none'})>"

    def _repr_html_(self) -> str:
        rows = [(r["doc"], r["kind"], r["text"], json.dumps(r["value"], ensure_ascii=False),
                 json.dumps(r["attrs"], ensure_ascii=False), r["sentence"], r["rule"]) for r in self.records()[:200]]
        caption = repr(self) + (" (first 200 shown)" if len(self) > 200 else "")
        return table(["doc", "kind", "text", "value", "attrs", "sentence", "rule"], rows, caption=caption)


def corpus_facts(corpus: Corpus, indices: list[int] | None = None, include_boilerplate: bool = False,
                 n_jobs: int | None = None, progress: bool | None = None) -> FactTable:
    from ._progress import track
    from .corpus import _jobs

    jobs = _jobs(n_jobs)
    total = len(corpus) if indices is None else len(indices)
    columns = track(lambda counter: _core.corpus_facts(corpus._core, indices, include_boilerplate, jobs, counter),
                    "facts", total, progress)
    return FactTable(columns, corpus.ids)


def extract(text: str, lang: str | None = None, date: str | None = None) -> FactTable:
    """The facts of one text; ``date`` (ISO) resolves relative dates ("last year", "in November").

    >>> import newsfacts as nf
    >>> [(f["text"], f["value"]) for f in nf.extract("Il est parti au mois de novembre.", lang="fr", date="2021-01")]
    [('novembre', '2020-11')]
    """
    if not isinstance(text, str):
        raise InputError(f"extract() takes a str, not {type(text).__name__}", source="text")
    normalized = _core.normalize_date(date) if date is not None else None
    if date is not None and normalized is None:
        raise ParameterError(f"date={date!r} is not a date (use ISO 8601: 2021, 2021-01, 2021-01-15)", name="date")
    # A lone surrogate is read as U+FFFD (one code point for one: offsets still index `text`).
    return FactTable(_core.extract_text(without_surrogates(text), lang, normalized, True), ["text"])
