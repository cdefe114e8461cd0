"""Reading articles into a corpus, and the documents it holds."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union, overload

from . import _core, _optional
from ._display import STYLE, cell, shorten, table
from ._params import jobs as _jobs
from ._text import lone_surrogate_at, without_surrogates
from .errors import DecodeError, InputError, ParameterError, SourceError
from .tokens import Tokens

if TYPE_CHECKING:
    from .facts import FactTable
    from .matrix import TermMatrix

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Segment:
    """A piece of an article: ``kind`` is metadata, title, body or boilerplate; ``reason`` names
    the rule that decided; ``start``/``end`` index the document text."""

    kind: str
    reason: str
    start: int
    end: int
    text: str

    def __repr__(self) -> str:
        return f"Segment({self.kind}/{self.reason}, {self.start}:{self.end}, {shorten(self.text.strip(), 50)!r})"


class Document:
    """One article of a corpus.

    >>> import newsfacts as nf
    >>> doc = nf.datasets.seeds()["000_c6fa68117381cad0"]
    >>> doc.lang, doc.date
    ('fr', '2021-01')
    """

    def __init__(self, corpus: Corpus, index: int) -> None:
        self._corpus = corpus
        self.index = index

    @cached_property
    def _info(self) -> dict[str, Any]:
        return self._corpus._core.info(self.index)

    @property
    def id(self) -> str:
        return self._info["id"]

    @cached_property
    def text(self) -> str:
        """The whole text, as read (header and boilerplate included)."""
        return self._corpus._core.text(self.index)

    @property
    def title(self) -> str | None:
        return self._info["title"]

    @property
    def date(self) -> str | None:
        """ISO 8601 at its own precision: ``"2021"``, ``"2021-01"``, ``"2021-01-15"``."""
        return self._info["date"]

    @property
    def lang(self) -> str:
        """``"fr"``, ``"en"`` or ``"und"``."""
        return self._info["lang"]

    @property
    def source(self) -> str | None:
        return self._info["source"]

    @property
    def author(self) -> str | None:
        return self._info["author"]

    @cached_property
    def meta(self) -> dict[str, Any]:
        """Everything else known: header fields, other JSON fields, a date that did not parse."""
        meta: dict[str, Any] = dict(self._info["header"])
        if self._info["extra"]:
            meta.update(json.loads(self._info["extra"]))
        if self._info["date_raw"]:
            meta["date_raw"] = self._info["date_raw"]
        meta["lang_detected"] = not self._info["lang_given"]
        return meta

    @cached_property
    def segments(self) -> list[Segment]:
        text = self.text
        return [Segment(k, r, s, e, text[s:e]) for k, r, s, e in self._corpus._core.segments(self.index)]

    def segments_of(self, *kinds: str) -> list[Segment]:
        """The segments of the given kinds, e.g. ``doc.segments_of("body")``."""
        return [s for s in self.segments if s.kind in kinds]

    @property
    def body(self) -> str:
        """The body paragraphs, joined by blank lines."""
        return "\n\n".join(s.text.strip() for s in self.segments_of("body") if s.text.strip())

    def tokens(self, include_boilerplate: bool = False) -> Tokens:
        """Tokens of the title and body (and of the boilerplate if asked), with offsets into
        :attr:`text`.

        >>> import newsfacts as nf
        >>> toks = nf.datasets.seeds()[0].tokens()
        >>> doc = nf.datasets.seeds()[0]
        >>> all(doc.text[s:e] == t for s, e, t in zip(toks.start, toks.end, toks.texts))
        True
        """
        columns = self._corpus._core.tokens(self.index, include_boilerplate)
        text, lang = self.text, self.lang
        return Tokens(columns, lambda _: text, lambda _: lang)

    def facts(self, include_boilerplate: bool = False, kinds: tuple[str, ...] | None = None):
        """The facts of this document (a :class:`~newsfacts.facts.FactTable`), of ``kinds``
        only when given; facts found in boilerplate are left out unless asked for."""
        from .facts import corpus_facts

        return corpus_facts(self._corpus, [self.index], include_boilerplate, kinds=kinds)

    def sentences(self, include_boilerplate: bool = False) -> list[str]:
        """The sentences of the title and body."""
        return self.tokens(include_boilerplate).sentences()

    def __repr__(self) -> str:
        return f"<Document {self.id!r} lang={self.lang} date={self.date} title={shorten(self.title, 50)!r}>"

    def _repr_html_(self) -> str:
        """The article with its facts highlighted by kind, boilerplate greyed, a legend; hover
        a fact for its value and rule."""
        from ._highlight import document_html

        return document_html(self)


class Corpus:
    """Articles read by :func:`read`, in order. Index by position or by id.

    >>> import newsfacts as nf
    >>> corpus = nf.datasets.seeds()
    >>> len(corpus), corpus[0].id
    (5, '000_c6fa68117381cad0')
    """

    def __init__(self, core: _core.CoreCorpus, skipped: list[tuple[str, str]] | None = None) -> None:
        self._core = core
        #: What was not read, as ``(source, reason)`` pairs: with ``errors="skip"``, the bad
        #: files, JSON lines (source ``"file, line N"``) and items; always, the entries of a
        #: folder that are not article files (see :func:`read`).
        self.skipped: list[tuple[str, str]] = list(skipped or [])
        self.ids: list[str] = core.ids()
        self._positions: dict[str, int] = {}
        for position, doc_id in enumerate(self.ids):
            self._positions.setdefault(doc_id, position)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, key: int | str) -> Document: ...
    @overload
    def __getitem__(self, key: slice) -> list[Document]: ...
    def __getitem__(self, key):
        if isinstance(key, slice):
            return [Document(self, i) for i in range(len(self))[key]]
        if isinstance(key, str):
            if key not in self._positions:
                raise KeyError(f"no document with id {key!r} (ids look like {self.ids[:3]})")
            return Document(self, self._positions[key])
        if isinstance(key, int):
            position = key + len(self) if key < 0 else key
            if not 0 <= position < len(self):
                raise IndexError(f"document {key} out of range ({len(self)} documents)")
            return Document(self, position)
        raise TypeError(f"index a corpus by position, id or slice, not {type(key).__name__}")

    def __iter__(self) -> Iterator[Document]:
        return (Document(self, i) for i in range(len(self)))

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._positions

    def tokens(self, include_boilerplate: bool = False, n_jobs: int | None = None, progress: bool | None = None) -> Tokens:
        """Tokens of every document on all cores; ``Tokens.doc`` holds each token's document.
        ``progress`` as for :meth:`facts`."""
        from ._progress import track

        jobs = _jobs(n_jobs)
        columns = track(lambda counter: self._core.all_tokens(include_boilerplate, jobs, counter), "tokens", len(self), progress)
        texts = _LazyTexts(self)
        return Tokens(columns, texts.__getitem__, lambda d: self._core.info(d)["lang"])

    def facts(self, include_boilerplate: bool = False, n_jobs: int | None = None, progress: bool | None = None,
              kinds: tuple[str, ...] | None = None):
        """The facts of every document on all cores, as a :class:`~newsfacts.facts.FactTable`.
        ``kinds`` (e.g. ``["date", "quote"]``) runs only the extractors those kinds need.
        ``progress``: a tqdm bar on stderr (None: only past a few thousand articles, in a
        terminal or a notebook).

        >>> import newsfacts as nf
        >>> facts = nf.datasets.seeds().facts()
        >>> sorted({f["value"] for f in facts.kinds("acronym")})
        ['Infrastructure as a Service', 'Platform as a Service', 'Platform as a service', 'infrastructure as a service', 'platform as a service']
        """
        from .facts import corpus_facts

        return corpus_facts(self, None, include_boilerplate, n_jobs, progress, kinds)

    def entities(self, n_jobs: int | None = None, progress: bool | None = None):
        """The people, organisations and places of the corpus joined across articles ("Obama",
        "B. Obama", "Barack Obama" as one when the corpus leaves no doubt), as an
        :class:`~newsfacts.entities.EntityTable`: id, kind, name, variants, mentions, documents,
        and the entity of each fact (quotes by their speaker).

        >>> import newsfacts as nf
        >>> entities = nf.datasets.seeds().entities()
        >>> entities[0]["kind"], entities[0]["mentions"] > 1
        ('person', True)
        """
        from .entities import corpus_entities

        return corpus_entities(self, None, n_jobs, progress)

    def entity_matrix(self, kinds: tuple[str, ...] = ("person", "organization", "place"), binary: bool = False,
                      n_jobs: int | None = None):
        """Documents × entities: how often each document mentions each entity (by its canonical
        name within the document, so "Ren" counts for "Ren Zhengfei"), as a
        :class:`~newsfacts.matrix.TermMatrix` whose terms are ``"kind:name"``.

        >>> import newsfacts as nf
        >>> em = nf.datasets.seeds().entity_matrix()
        >>> int(em.matrix[0, em.vocabulary["person:Ren Zhengfei"]])
        2
        """
        from .matrix import entity_matrix

        return entity_matrix(self, kinds, binary, n_jobs)

    # Every option written out (not **options passed on to MatrixPlan): a misspelt one is
    # Python's own TypeError naming this method, and editors complete the names. The defaults
    # are MatrixPlan's (a test checks they stay the same).
    def term_matrix(
        self,
        *,
        ngram_range: tuple[int, int] = (1, 1),
        stop_words: str | Iterable[str] | None = "auto",
        fold_accents: bool = False,
        stem: bool = False,
        numbers: str = "keep",
        include_boilerplate: bool = False,
        min_df: int | float = 1,
        max_df: int | float = 1.0,
        max_features: int | None = None,
        vocabulary: Iterable[str] | None = None,
        binary: bool = False,
        dtype: Any = None,
        weighting: str = "count",
        sublinear_tf: bool = False,
        smooth_idf: bool = True,
        norm: str | None = "auto",
        hashing: bool = False,
        n_features: int = 2**20,
        alternate_sign: bool = False,
        n_jobs: int | None = None,
    ) -> TermMatrix:
        """Documents × terms with the news analyzer: the project's tokens of titles and bodies
        (``include_boilerplate=True`` adds the rest), lowercase, French elisions and English
        clitics dropped, stop words of each document's language (``stop_words="auto"``; or
        ``"en"``, ``"fr"``, a list, None), optional ``fold_accents`` and Snowball ``stem``,
        ``numbers="keep"|"drop"|"placeholder"``, n-grams (``ngram_range``) inside sentences.

        ``min_df``/``max_df`` (int: documents, float: fraction), ``max_features`` (ties keep the
        alphabetically first), a fixed ``vocabulary``, ``binary``, ``dtype``,
        ``weighting="count"|"tf"|"tfidf"|"bm25"`` with ``sublinear_tf``, ``smooth_idf`` and
        ``norm`` (``"auto"``: l2 for tfidf and bm25), ``n_jobs``. Returns a :class:`TermMatrix`.

        ``hashing=True`` hashes terms into ``n_features`` columns (scikit-learn's hashing trick,
        MurmurHash3; ``alternate_sign``): no vocabulary is kept, so ``terms`` is None and only
        ``weighting="count"`` or ``"tf"`` apply.

        >>> import newsfacts as nf
        >>> tm = nf.datasets.seeds().term_matrix(ngram_range=(1, 2), min_df=2)
        >>> "cloud computing" in tm.vocabulary
        True
        """
        from .matrix import term_matrix

        return term_matrix(
            self, ngram_range=ngram_range, stop_words=stop_words, fold_accents=fold_accents, stem=stem,
            numbers=numbers, include_boilerplate=include_boilerplate, min_df=min_df, max_df=max_df,
            max_features=max_features, vocabulary=vocabulary, binary=binary, dtype=dtype, weighting=weighting,
            sublinear_tf=sublinear_tf, smooth_idf=smooth_idf, norm=norm, hashing=hashing, n_features=n_features,
            alternate_sign=alternate_sign, n_jobs=n_jobs,
        )

    def summary(self, n_jobs: int | None = None) -> list[dict[str, Any]]:
        """One row per document: id, lang, date, title, segment, token and sentence counts."""
        stats = self._core.stats(_jobs(n_jobs))
        rows = []
        for i, doc in enumerate(self):
            rows.append(
                {
                    "id": doc.id,
                    "lang": doc.lang,
                    "date": doc.date,
                    "title": doc.title,
                    "body_segments": int(stats["body_segments"][i]),
                    "boilerplate_segments": int(stats["boilerplate_segments"][i]),
                    "tokens": int(stats["tokens"][i]),
                    "sentences": int(stats["sentences"][i]),
                }
            )
        return rows

    def to_pandas(self):
        """A DataFrame of :meth:`summary`, indexed by id."""
        pd = _optional.pandas("Corpus.to_pandas()")

        return pd.DataFrame(self.summary()).set_index("id")

    def __repr__(self) -> str:
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return f"<Corpus: {len(self)} documents{skipped}>"

    def _repr_html_(self) -> str:
        rows = self.summary()[:100]
        headers = ["id", "lang", "date", "title", "body", "boilerplate", "tokens", "sentences"]
        values = [
            (r["id"], r["lang"], r["date"], shorten(r["title"], 60), r["body_segments"],
             r["boilerplate_segments"], r["tokens"], r["sentences"])
            for r in rows
        ]
        caption = f"{len(self)} documents" + (f", {len(self.skipped)} skipped" if self.skipped else "")
        return table(headers, values, caption=caption)


class _LazyTexts:
    """Document texts fetched from Rust only when a token's text is asked for."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._cache: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._corpus)

    def __getitem__(self, i: int) -> str:
        if i not in self._cache:
            self._cache[i] = self._corpus._core.text(i)
        return self._cache[i]


_FIELDS = ("title", "date", "lang", "source")


def read(
    source: Any,
    *,
    text: str = "text",
    id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    lang: str | None = None,
    encoding_errors: str = "strict",
    errors: str = "raise",
    n_jobs: int | None = None,
    progress: bool | None = None,
) -> Corpus:
    """Read articles into a :class:`Corpus`.

    ``source`` is a ``.txt`` file (id = file stem), a ``.jsonl`` file (also ``.ndjson``,
    ``.json``: one JSON object a line, fields ``id``, ``text``, optional ``title``, ``date``,
    ``lang``, ``source``; other fields land in ``doc.meta``), either gzipped (``.txt.gz``,
    ``.jsonl.gz``…), a folder of such files (sorted by name), a list of str (ids ``"0"``,
    ``"1"``…), a dict ``{id: text}``, a pandas Series (ids from its index) or DataFrame
    (``text=``/``id=``/``title=``/``date=`` name the columns; ``id``, ``title``, ``date``,
    ``lang``, ``source`` columns are used when present; without an ``id`` column, ids come from
    the index).

    A folder is not read recursively. Its other entries (subfolders, files with other
    extensions, named pipes, sockets, dangling or looping symbolic links) are not opened and are
    listed in ``corpus.skipped`` with the reason, whatever ``errors`` says. A path given
    directly must be a regular file or a folder: a named pipe or a device (``/dev/zero``) is
    refused with :class:`InputError`. A text file or a JSON line holds at most 4 GiB, and a
    file with a NUL byte anywhere is binary, not text. Gzip data inflating more than 100 times
    (past its first 64 MiB) is refused as a likely gzip bomb.

    ``lang`` forces one language for every document (else each one's is detected).
    ``encoding_errors="replace"`` decodes invalid UTF-8 with U+FFFD instead of raising
    :class:`DecodeError`. ``errors="skip"`` skips bad files, JSON lines and items instead of
    raising, and lists them in ``corpus.skipped``: in a JSON-lines file, a bad line (invalid
    UTF-8, a NUL byte, bad JSON) costs only that line. ``progress``: a tqdm bar on stderr
    (None: only past a few thousand articles, in a terminal or a notebook; False: never).

    >>> import newsfacts as nf
    >>> corpus = nf.read(["Le gouvernement a annoncé hier de nouvelles mesures.", "The minister said so."])
    >>> [d.lang for d in corpus]
    ['fr', 'en']
    """
    if errors not in ("raise", "skip"):
        raise ParameterError(f"errors={errors!r}; expected 'raise' or 'skip'", name="errors")
    if encoding_errors not in ("strict", "replace"):
        raise ParameterError(f"encoding_errors={encoding_errors!r}; expected 'strict' or 'replace'", name="encoding_errors")
    jobs = _jobs(n_jobs)
    if isinstance(source, (str, os.PathLike)):
        return _read_paths([source], encoding_errors, errors, lang, jobs, progress)
    if _is_pandas(source):
        return _read_pandas(source, text, id, title, date, lang, encoding_errors, errors, jobs, progress)
    if isinstance(source, Mapping):
        return _read_items(list(source.values()), [str(k) for k in source.keys()], lang, encoding_errors, errors, jobs,
                           progress=progress)
    if isinstance(source, Iterable) and not isinstance(source, (bytes, bytearray)):
        items = list(source)
        if items and all(isinstance(x, Path) for x in items):
            return _read_paths(items, encoding_errors, errors, lang, jobs, progress)
        return _read_items(items, [str(i) for i in range(len(items))], lang, encoding_errors, errors, jobs, progress=progress)
    raise InputError(
        f"cannot read articles from {type(source).__name__}: give a path, a list of str, a dict or a pandas object",
        source="source",
    )


#: Articles per batch when streaming, and the text a batch may hold before it is cut short.
BATCH_ARTICLES = 2_000
BATCH_BYTES = 16 << 20


def iter_read(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    batch_size: int = BATCH_ARTICLES,
    *,
    max_batch_bytes: int = BATCH_BYTES,
    lang: str | None = None,
    encoding_errors: str = "strict",
    errors: str = "raise",
    n_jobs: int | None = None,
) -> Iterator[Corpus]:
    """Read files and folders a batch at a time: one :class:`Corpus` of at most ``batch_size``
    articles (fewer once they hold ``max_batch_bytes`` of text) per step, in the order
    :func:`read` gives them, with the same errors and skips (each batch's ``skipped`` lists
    those met while reading it). Memory holds two batches (the next one is read while you work
    on this one), whatever the size of the files, so a corpus of many gigabytes
    (``news.jsonl.gz``) streams through.

    >>> import newsfacts as nf
    >>> [len(batch) for batch in nf.iter_read(nf.datasets.SEEDS_DIR, batch_size=2)]
    [2, 2, 1]
    """
    if errors not in ("raise", "skip"):
        raise ParameterError(f"errors={errors!r}; expected 'raise' or 'skip'", name="errors")
    if encoding_errors not in ("strict", "replace"):
        raise ParameterError(f"encoding_errors={encoding_errors!r}; expected 'strict' or 'replace'", name="encoding_errors")
    if not isinstance(batch_size, int) or batch_size < 1 or not isinstance(max_batch_bytes, int) or max_batch_bytes < 1:
        raise ParameterError(f"batch_size={batch_size!r}, max_batch_bytes={max_batch_bytes!r}: both must be positive integers",
                             name="batch_size")
    paths = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    for path in paths:
        if not isinstance(path, (str, os.PathLike)):
            raise InputError(f"iter_read() streams files and folders, not {type(path).__name__}: use read() for texts in memory",
                             source="source")
        if not os.path.exists(path):
            raise SourceError(f"{path}: no such file or folder", source=str(path))
    stream = _core.ArticleStream([os.fspath(p) for p in paths], encoding_errors, errors, lang, _jobs(n_jobs))
    # The next batch is read (GIL released) while the caller works on this one: two batches in
    # memory at most, and reading costs little of the time.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfacts-read") as reader:
        pending = reader.submit(stream.next_batch, batch_size, max_batch_bytes)
        while (batch := pending.result()) is not None:
            pending = reader.submit(stream.next_batch, batch_size, max_batch_bytes)
            core, skipped = batch
            yield Corpus(core, skipped)


def _read_paths(paths, encoding_errors, errors, lang, jobs, progress=None) -> Corpus:
    from ._progress import expected_articles, track

    for path in paths:
        if not os.path.exists(path):
            raise SourceError(f"{path}: no such file or folder", source=str(path))
    names = [os.fspath(p) for p in paths]
    expected = expected_articles(names) if progress is not False else 0
    core, skipped = track(lambda counter: _core.CoreCorpus.from_paths(names, encoding_errors, errors, lang, jobs, counter),
                          "reading", expected, progress)
    return Corpus(core, skipped)


def _as_text(item: Any, name: str, encoding_errors: str) -> str:
    if isinstance(item, str):
        at = lone_surrogate_at(item)
        if at is None:
            return item
        if encoding_errors == "replace":
            return without_surrogates(item)
        raise DecodeError(
            f"{name}: a lone surrogate (not a Unicode character) at position {at}, as left by badly "
            "decoded text; pass encoding_errors='replace' to read it as U+FFFD",
            source=name,
        )
    if isinstance(item, (bytes, bytearray)):
        try:
            return bytes(item).decode("utf-8", errors=encoding_errors)
        except UnicodeDecodeError as err:
            problem = f"{name}: not valid UTF-8 at byte {err.start}"
            raise DecodeError(f"{problem}; {DecodeError.ADVICE}", source=name, byte_offset=err.start, problem=problem) from None
    if item is None:
        raise InputError(f"{name} is None, not a text", source=name)
    raise InputError(f"{name} is a {type(item).__name__}, not a str", source=name)


def _read_items(items, ids, lang, encoding_errors, errors, jobs, columns=None, labels=None, progress=None) -> Corpus:
    """Texts (and optional per-document fields) to a corpus, checking every item."""
    columns = columns or {}
    keep_ids, texts, skipped = [], [], []
    fields: dict[str, list] = {f: [] for f in _FIELDS}
    for position, (doc_id, item) in enumerate(zip(ids, items)):
        name = f"item {labels[position] if labels else position}"
        try:
            texts.append(_as_text(item, name, encoding_errors))
        except InputError as err:
            if errors == "raise":
                raise
            skipped.append((name, str(err)))
            continue
        keep_ids.append(doc_id)
        for f in _FIELDS:
            value = columns[f][position] if f in columns else None
            fields[f].append(None if _is_missing(value) else _as_field(value))
    n = len(keep_ids)
    from ._progress import track

    core = track(lambda counter: _core.CoreCorpus.from_records(
        keep_ids, texts, fields["title"], fields["date"], fields["lang"], fields["source"], [None] * n, lang, jobs, counter
    ), "reading", n, progress)
    return Corpus(core, skipped)


def _as_field(value: Any) -> str:
    """A field as text; datetimes (pandas parses "date" columns) as ISO dates, with the time
    only when there is one."""
    if hasattr(value, "isoformat") and hasattr(value, "hour"):
        if (value.hour, value.minute, value.second, getattr(value, "microsecond", 0)) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _is_missing(value: Any) -> bool:
    if value is None or type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return True
    try:
        return bool(value != value)  # NaN
    except Exception:
        return False


def _is_pandas(obj: Any) -> bool:
    return type(obj).__module__.startswith("pandas") and hasattr(obj, "index")


def _read_pandas(obj, text, id, title, date, lang, encoding_errors, errors, jobs, progress=None) -> Corpus:
    if hasattr(obj, "columns"):  # DataFrame
        if text not in obj.columns:
            raise ParameterError(f"no column {text!r} for text; columns are {list(obj.columns)}", name="text")
        named = {"title": title, "date": date, "lang": None, "source": None}
        columns = {}
        for field, column in named.items():
            column = column or (field if field in obj.columns else None)
            if column is not None:
                if column not in obj.columns:
                    raise ParameterError(f"no column {column!r} for {field}", name=field)
                columns[field] = list(obj[column])
        items = list(obj[text])
        # An "id" column names the documents, as the "id" field does in JSON lines: a frame
        # loaded from such a file (pd.read_json(..., lines=True)) keeps its ids. Else the index.
        if id is None and "id" in obj.columns:
            id = "id"
        if id is not None and id not in obj.columns:
            raise ParameterError(f"no column {id!r} for ids; columns are {list(obj.columns)}", name="id")
        ids = [str(v) for v in (obj[id] if id is not None else obj.index)]
    else:  # Series
        items, ids, columns = list(obj), [str(v) for v in obj.index], {}
    return _read_items(items, ids, lang, encoding_errors, errors, jobs, columns, labels=ids, progress=progress)


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
    for corpus in iter_read(source, batch_size or BATCH_ARTICLES, n_jobs=n_jobs, **read_options):
        table = corpus.facts(include_boilerplate=include_boilerplate, n_jobs=n_jobs, progress=False, kinds=kinds)
        table.skipped = list(corpus.skipped)
        yield table
