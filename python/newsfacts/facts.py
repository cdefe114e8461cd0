"""Facts as a table: one row per fact, with its evidence and the rule that found it."""

from __future__ import annotations

import csv
import json
import operator
import os
from json.encoder import encode_basestring as _json_string  # the C encoder; keeps non-ASCII as is
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator

import numpy as np

from . import _core
from ._columns import JsonRows, Names
from ._display import table
from ._output import atomic_output, format_from_suffix
from ._text import without_surrogates
from .errors import InputError, ParameterError

if TYPE_CHECKING:
    from .corpus import Corpus

#: The kinds of facts newsfacts extracts so far.
KINDS = ("date", "duration", "quantity", "money", "source", "acronym", "quote", "person", "organization", "place", "role")
#: Output formats of ``FactTable.write`` and the suffixes that name them.
OUTPUT_FORMATS = {"jsonl": (".jsonl", ".ndjson", ".json"), "csv": (".csv",)}
#: The fields of one fact, in output order (the first seven are what ../shared/eval/score.py reads).
FIELDS = ("doc", "kind", "start", "end", "text", "value", "attrs", "sentence", "segment", "rule", "confidence")


class FactTable:
    """Facts of one or many documents, in columns.

    ``start``/``end`` index the document text (code points: ``text[start:end] == fact text``);
    ``value`` is the normalised value (a TIMEX3 string for dates, a number for quantities, a
    name for sources, the expansion for acronyms); ``attrs`` a dict per kind.

    >>> import newsfacts as nf
    >>> facts = nf.extract("Selon le Financial Times, Alibaba détient plus de 40 % du marché.", lang="fr", date="2021-01-15")
    >>> [(f["kind"], f["text"], f["value"]) for f in facts.kinds("source", "quantity")]
    [('source', 'Financial Times', 'Financial Times'), ('quantity', 'plus de 40 %', 40.0)]
    >>> share = facts.kinds("quantity")[0]
    >>> share["attrs"]["qualifier"], share["attrs"]["subject"]
    ('>', 'Alibaba')
    """

    def __init__(self, columns: dict[str, Any], doc_ids: list[str]) -> None:
        columns = dict(columns)
        #: The position in the corpus of each fact's document (int64): ids may repeat, positions
        #: do not, so this is what maps a fact to its document (a matrix row, an article).
        self.doc_index: np.ndarray = np.asarray(columns.pop("doc_index"), dtype=np.int64)
        # From Rust, names and JSON texts come as buffers (see _columns); a selection passes
        # its columns on as they are.
        for name in ("kind", "segment", "rule"):
            if isinstance(columns[name], dict):
                columns[name] = Names.from_dict(columns[name])
        for name in ("text", "value", "attrs"):
            if isinstance(columns[name], dict):
                columns[name] = JsonRows.from_dict(columns[name])
        self._columns = columns
        self._doc_ids = doc_ids
        #: What was skipped while reading these facts' articles (``iter_facts`` fills it).
        self.skipped: list[tuple[str, str]] = []

    def __len__(self) -> int:
        return len(self._columns["kind"])

    @property
    def n_documents(self) -> int:
        """How many documents these facts were looked for in (some may have none)."""
        return len(self._doc_ids)

    def _select(self, keep: np.ndarray) -> FactTable:
        rows = np.flatnonzero(keep)
        picked = {name: _pick(column, rows) for name, column in self._columns.items()}
        return FactTable({**picked, "doc_index": self.doc_index[rows]}, self._doc_ids)

    def kinds(self, *kinds: str) -> FactTable:
        """Only the facts of these kinds: ``facts.kinds("date", "duration")``."""
        check_kinds(kinds)
        return self._select(self._columns["kind"].isin(tuple(kinds)))

    def _decoded(self, name: str, rows: np.ndarray | None = None) -> list[Any]:
        """A JSON column (or its ``rows``) decoded in one call (one ``json.loads`` per fact is 10× slower)."""
        return _pick(self._columns[name], rows).decode()

    def _plain_columns(self, rows: np.ndarray | None = None) -> dict[str, Any]:
        """The columns as Python values, of the facts at ``rows`` only when given: indexing one
        fact decodes that fact alone."""
        c = self._columns
        doc_ids = self._doc_ids
        # Ids looked up per fact, not via an array of all ids: a document's own table stays
        # as cheap in a corpus of 100,000 documents as in one of ten.
        doc_index = self.doc_index if rows is None else self.doc_index[rows]
        return {
            "doc": [doc_ids[i] for i in doc_index.tolist()],
            "kind": _pick(c["kind"], rows).to_list(),
            "start": np.asarray(_pick(c["start"], rows), dtype=np.int64),
            "end": np.asarray(_pick(c["end"], rows), dtype=np.int64),
            "text": _pick(c["text"], rows).decode(),
            "value": self._decoded("value", rows),
            "attrs": self._decoded("attrs", rows),
            "sentence": np.asarray(_pick(c["sentence"], rows), dtype=np.int64),
            "segment": _pick(c["segment"], rows).to_list(),
            "rule": _pick(c["rule"], rows).to_list(),
            "confidence": np.round(np.asarray(_pick(c["confidence"], rows), dtype=np.float64), 3),
        }

    def _records(self, rows: np.ndarray | None = None) -> list[dict[str, Any]]:
        columns = self._plain_columns(rows)
        for name in ("start", "end", "sentence", "confidence"):
            columns[name] = columns[name].tolist()
        return [dict(zip(FIELDS, row)) for row in zip(*(columns[name] for name in FIELDS))]

    def records(self) -> list[dict[str, Any]]:
        """One dict per fact, with ``value`` and ``attrs`` decoded (fresh dicts on every call)."""
        return self._records()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.records())

    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        """One fact's record (or a list for a slice), decoding only the facts asked for."""
        if isinstance(i, slice):
            return self._records(np.arange(len(self))[i])
        position = operator.index(i)
        position += len(self) if position < 0 else 0
        if not 0 <= position < len(self):
            raise IndexError(f"fact {i} out of range ({len(self)} facts)")
        return self._records(np.array([position]))[0]

    def to_pandas(self):
        """A DataFrame, one row per fact (``attrs`` as dicts); the column dtypes are the same
        whether there are facts or not."""
        import pandas as pd

        frame = pd.DataFrame(self._plain_columns(), columns=list(FIELDS))
        text_columns = {name: str for name in ("doc", "kind", "text", "segment", "rule")}
        return frame.astype({**text_columns, "value": object, "attrs": object, "start": "int64", "end": "int64",
                             "sentence": "int64", "confidence": "float64"})

    def write(self, path: str | os.PathLike[str], format: str | None = None) -> None:
        """Write JSON lines (``.jsonl``, the format ``../shared/eval/score.py`` reads) or CSV
        (``.csv``); ``path`` ``"-"`` is standard output. The file appears whole or not at all
        (written aside, then renamed)."""
        path = os.fspath(path)
        format = format_from_suffix(path, OUTPUT_FORMATS, format)
        with atomic_output(path) as out:
            self.write_rows(out, format)

    def write_rows(self, out: IO[str], format: str = "jsonl", header: bool = True) -> None:
        """Append the facts to an open text file: one JSON object a line, or CSV rows (after a
        header row when ``header``). ``value`` and ``attrs`` are written as the JSON text they
        crossed from Rust as, never decoded and encoded again: writing costs less than finding."""
        if format not in OUTPUT_FORMATS:
            raise ParameterError(f"format={format!r}; expected one of {tuple(OUTPUT_FORMATS)}", name="format")
        c = self._columns
        docs = [self._doc_ids[i] for i in self.doc_index.tolist()]
        numbers = (np.asarray(c["start"], dtype=np.int64).tolist(), np.asarray(c["end"], dtype=np.int64).tolist(),
                   np.asarray(c["sentence"], dtype=np.int64).tolist(),
                   np.round(np.asarray(c["confidence"], dtype=np.float64), 3).tolist())
        start, end, sentence, confidence = numbers
        kind, segment, rule = c["kind"].to_list(), c["segment"].to_list(), c["rule"].to_list()
        value, attrs = c["value"].json_texts(), c["attrs"].json_texts()
        if format == "csv":
            writer = csv.writer(out)
            if header:
                writer.writerow(FIELDS)
            writer.writerows(zip(docs, kind, start, end, c["text"].decode(), value, attrs, sentence, segment, rule,
                                 confidence))
            return
        quoted = _json_string
        out.write("".join(
            f'{{"doc":{quoted(d)},"kind":"{k}","start":{s},"end":{e},"text":{t},"value":{v},"attrs":{a},'
            f'"sentence":{n},"segment":"{g}","rule":"{r}","confidence":{f!r}}}\n'
            for d, k, s, e, t, v, a, n, g, r, f in zip(docs, kind, start, end, c["text"].json_texts(), value, attrs,
                                                        sentence, segment, rule, confidence)))

    def __repr__(self) -> str:
        counts = self._columns["kind"].counts()
        shown = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        return f"<FactTable: {len(self)} facts ({shown or 'none'})>"

    def _repr_html_(self) -> str:
        rows = [(r["doc"], r["kind"], r["text"], json.dumps(r["value"], ensure_ascii=False),
                 json.dumps(r["attrs"], ensure_ascii=False), r["sentence"], r["rule"]) for r in self[:200]]
        caption = repr(self) + (" (first 200 shown)" if len(self) > 200 else "")
        return table(["doc", "kind", "text", "value", "attrs", "sentence", "rule"], rows, caption=caption)


def _pick(column: Any, rows: np.ndarray | None) -> Any:
    """A column (a numpy array, Names or JsonRows), or only its ``rows``."""
    return column if rows is None else column.take(rows)


def check_kinds(kinds: Any) -> tuple[str, ...]:
    """``kinds`` as a tuple of known fact kinds, or ParameterError."""
    # A lone str would iterate as letters: name it instead of listing 'p', 'e', 'r'... as unknown.
    if isinstance(kinds, str) or not isinstance(kinds, Iterable):
        raise ParameterError(f"kinds must be a tuple of fact kind names, not {kinds!r}", name="kinds")
    kinds = tuple(kinds)
    if not all(isinstance(k, str) for k in kinds):
        raise ParameterError(f"kinds must be fact kind names (str), not {kinds!r}", name="kinds")
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ParameterError(f"unknown fact kind(s) {sorted(unknown)}; known: {list(KINDS)}", name="kinds")
    return tuple(kinds)


def corpus_facts(corpus: Corpus, indices: list[int] | None = None, include_boilerplate: bool = False,
                 n_jobs: int | None = None, progress: bool | None = None,
                 kinds: tuple[str, ...] | None = None) -> FactTable:
    """The facts of ``corpus`` (of the documents at ``indices``), those of ``kinds`` only when
    given: only the extractors they need run (entities need dates and acronyms, roles need
    entities, quotes need roles for their speakers), and the others' facts stay in Rust."""
    from ._progress import track
    from ._params import jobs as _jobs

    jobs = _jobs(n_jobs)
    total = len(corpus) if indices is None else len(indices)
    wanted = None if kinds is None else list(check_kinds(kinds))
    columns = track(lambda counter: _core.corpus_facts(corpus._core, indices, include_boilerplate, jobs, counter, wanted),
                    "facts", total, progress)
    return FactTable(columns, corpus.ids)


def iter_facts(source: Any, batch_size: int | None = None, *, include_boilerplate: bool = False,
               n_jobs: int | None = None, kinds: tuple[str, ...] | None = None,
               **read_options: Any) -> Iterator[FactTable]:
    """The facts of files and folders a batch of articles at a time (see
    :func:`newsfacts.iter_read`, which takes ``read_options``): one :class:`FactTable` per
    batch, the same facts as ``read(source).facts()`` gives in one table, with memory for one
    batch only. Each table's ``skipped`` lists what was skipped while reading its batch.

    >>> import newsfacts as nf
    >>> tables = list(nf.iter_facts(nf.datasets.SEEDS_DIR, batch_size=3))
    >>> len(tables), sum(map(len, tables)) == len(nf.datasets.seeds().facts())
    (2, True)
    """
    from .corpus import BATCH_ARTICLES, iter_read

    for corpus in iter_read(source, batch_size or BATCH_ARTICLES, n_jobs=n_jobs, **read_options):
        table = corpus.facts(include_boilerplate=include_boilerplate, n_jobs=n_jobs, progress=False, kinds=kinds)
        table.skipped = list(corpus.skipped)
        yield table


def extract(text: str, lang: str | None = None, date: str | None = None,
            kinds: tuple[str, ...] | None = None) -> FactTable:
    """The facts of one text; ``date`` (ISO) resolves relative dates ("last year", "in November").
    ``kinds`` (e.g. ``["date"]``) runs only the extractors those kinds need: the same facts of
    those kinds, sooner.

    >>> import newsfacts as nf
    >>> [(f["text"], f["value"]) for f in nf.extract("Il est parti au mois de novembre.", lang="fr", date="2021-01")]
    [('novembre', '2020-11')]
    >>> [f["kind"] for f in nf.extract("Ren Zhengfei a dit mardi que Huawei changerait.", lang="fr", kinds=["date"])]
    ['date']
    """
    if not isinstance(text, str):
        raise InputError(f"extract() takes a str, not {type(text).__name__}", source="text")
    normalized = _core.normalize_date(date) if date is not None else None
    if date is not None and normalized is None:
        raise ParameterError(f"date={date!r} is not a date (use ISO 8601: 2021, 2021-01, 2021-01-15)", name="date")
    # A lone surrogate is read as U+FFFD (one code point for one: offsets still index `text`).
    wanted = None if kinds is None else list(check_kinds(kinds))
    return FactTable(_core.extract_text(without_surrogates(text), lang, normalized, True, wanted), ["text"])
