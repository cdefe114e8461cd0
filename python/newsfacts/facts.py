"""Facts as a table: one row per fact, with its evidence and the rule that found it."""

from __future__ import annotations

import csv
import json
import operator
import os
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator

import numpy as np

from . import _core, _optional
from ._columns import CellTable, Cells, Names, Texts, arrow_strings
from ._display import table
from ._output import atomic_output, format_from_suffix
from ._text import without_surrogates
from .errors import InputError, ParameterError

if TYPE_CHECKING:
    from .corpus import Corpus

#: The kinds of facts newsfacts extracts so far.
KINDS = ("date", "duration", "quantity", "money", "source", "acronym", "quote", "person", "organization", "place", "role")
#: What a quote's cue reports (``attrs["cue_type"]``): said, wrote, believes, a study found.
CUE_TYPES = ("speech", "writing", "thought", "finding")
#: The cue types of what someone said or wrote: ``kinds("quote")`` keeps these by default.
SPOKEN = ("speech", "writing")
#: Output formats of ``FactTable.write`` and the suffixes that name them.
OUTPUT_FORMATS = {"jsonl": (".jsonl", ".ndjson", ".json"), "csv": (".csv",)}
#: The fields of one fact, in output order (the first seven are what ../shared/eval/score.py reads).
FIELDS = ("doc", "kind", "start", "end", "text", "value", "attrs", "sentence", "segment", "rule")
_TEXT_FIELDS = ("doc", "kind", "text", "segment", "rule")
_INT_FIELDS = ("start", "end", "sentence")


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
        # From Rust, columns come as buffers (see _columns); a selection passes its columns on.
        for name, kind in (("kind", Names), ("segment", Names), ("rule", Names), ("text", Texts), ("value", Cells),
                           ("attrs", CellTable)):
            if isinstance(columns[name], dict):
                columns[name] = kind.from_dict(columns[name])
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

    def kinds(self, *kinds: str, cue_types: Iterable[str] | None = SPOKEN) -> FactTable:
        """Only the facts of these kinds: ``facts.kinds("date", "duration")``.

        Quotes are kept by what their cue reports (``attrs["cue_type"]``): by default speech and
        writing, what someone said or wrote; ``cue_types=("thought", "finding")`` gives beliefs
        ("she believes that...") and findings ("a poll found that..."), ``None`` every quote.

        >>> import newsfacts as nf
        >>> facts = nf.extract("The mayor said the bridge will close. She believes that traffic will cope.", lang="en")
        >>> [q["attrs"]["cue_type"] for q in facts.kinds("quote")]
        ['speech']
        >>> [q["attrs"]["cue_type"] for q in facts.kinds("quote", cue_types=None)]
        ['speech', 'thought']
        """
        check_kinds(kinds)
        keep = self._columns["kind"].isin(tuple(kinds))
        if "quote" in kinds and cue_types is not None:
            wanted = check_cue_types(cue_types)
            cue = self._columns["attrs"].columns.get("cue_type")
            cue_values = cue.values() if cue is not None else np.full(len(self), None, dtype=object)
            is_quote = self._columns["kind"].isin(("quote",))
            keep &= ~is_quote | np.isin(cue_values, np.array(wanted, dtype=object))
        return self._select(keep)

    def column(self, name: str) -> list[Any] | np.ndarray:
        """One field of every fact, without building the others: a list (``doc``, ``kind``,
        ``text``, ``value``, ``attrs``, ``segment``, ``rule``) or an int64 array (``start``,
        ``end``, ``sentence``).

        >>> import newsfacts as nf
        >>> nf.extract("Il est parti en novembre 2020.", lang="fr").column("value")
        ['2020-11']
        """
        if name not in FIELDS:
            raise ParameterError(f"no fact field {name!r}; fields: {list(FIELDS)}", name="name")
        c = self._columns
        if name == "doc":
            return [self._doc_ids[i] for i in self.doc_index.tolist()]
        if name in _INT_FIELDS:
            return np.asarray(c[name], dtype=np.int64)
        if name == "value":
            return c["value"].values().tolist()
        if name == "attrs":
            return c["attrs"].dicts().tolist()
        return c[name].to_list()

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
            "text": _pick(c["text"], rows).to_list(),
            "value": _pick(c["value"], rows).values().tolist(),
            "attrs": _pick(c["attrs"], rows).dicts().tolist(),
            "sentence": np.asarray(_pick(c["sentence"], rows), dtype=np.int64),
            "segment": _pick(c["segment"], rows).to_list(),
            "rule": _pick(c["rule"], rows).to_list(),
        }

    def _records(self, rows: np.ndarray | None = None) -> list[dict[str, Any]]:
        columns = self._plain_columns(rows)
        for name in _INT_FIELDS:
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
        """A DataFrame, one row per fact (``value`` and ``attrs`` as Python objects, the others
        ``str`` and ``int64``); the column dtypes are the same whether there are facts or not.
        Under pandas 3 with pyarrow, the text columns are Arrow arrays made from the buffers
        Rust filled, without a Python string per fact."""
        pd = _optional.pandas("FactTable.to_pandas()")

        if not arrow_strings():
            frame = pd.DataFrame(self._plain_columns(), columns=list(FIELDS))
            return frame.astype({**{name: str for name in _TEXT_FIELDS}, "value": object, "attrs": object,
                                 **{name: "int64" for name in _INT_FIELDS}})
        import pyarrow as pa

        c = self._columns
        string = pd.StringDtype("pyarrow", na_value=np.nan)  # what astype(str) gives under pandas 3
        ids = pa.array(self._doc_ids or [""], type=pa.string())
        texts = {"doc": pa.DictionaryArray.from_arrays(pa.array(self.doc_index), ids).cast(pa.string()),
                 "kind": c["kind"].to_arrow(), "text": c["text"].to_arrow().cast(pa.string()),
                 "segment": c["segment"].to_arrow(), "rule": c["rule"].to_arrow()}
        data: dict[str, Any] = {name: pd.arrays.ArrowStringArray(texts[name], dtype=string) for name in _TEXT_FIELDS}
        data.update({name: np.asarray(c[name], dtype=np.int64) for name in _INT_FIELDS})
        # As object Series: pandas 3 would store a column of only str (dates' values) as str.
        data.update({"value": pd.Series(c["value"].values(), dtype=object, copy=False),
                     "attrs": pd.Series(c["attrs"].dicts(), dtype=object, copy=False)})
        return pd.DataFrame(data, columns=list(FIELDS), copy=False)

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
        header row when ``header``), ``value`` and ``attrs`` as JSON text."""
        if format not in OUTPUT_FORMATS:
            raise ParameterError(f"format={format!r}; expected one of {tuple(OUTPUT_FORMATS)}", name="format")
        columns = self._plain_columns()
        for name in _INT_FIELDS:
            columns[name] = columns[name].tolist()
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        if format == "csv":
            columns["value"] = [encode(v) for v in columns["value"]]
            columns["attrs"] = [encode(a) for a in columns["attrs"]]
            writer = csv.writer(out)
            if header:
                writer.writerow(FIELDS)
            writer.writerows(zip(*(columns[name] for name in FIELDS)))
            return
        out.write("".join(encode(dict(zip(FIELDS, row))) + "\n" for row in zip(*(columns[name] for name in FIELDS))))

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


def check_cue_types(cue_types: Any) -> list[str]:
    """``cue_types`` as a list of known quote cue types, or ParameterError."""
    if isinstance(cue_types, str) or not isinstance(cue_types, Iterable):
        raise ParameterError(f"cue_types must be a tuple of cue types {CUE_TYPES}, not {cue_types!r}", name="cue_types")
    wanted = list(cue_types)
    unknown = [c for c in wanted if c not in CUE_TYPES]
    if unknown:
        raise ParameterError(f"unknown cue types {unknown}; cue types are {CUE_TYPES}", name="cue_types")
    return wanted


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
