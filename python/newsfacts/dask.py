"""newsfacts on a Dask cluster: facts and term matrices of a ``dask.dataframe`` of articles.

Install with ``pip install "newsfacts[dask]"``; nothing of Dask is imported until this module is.

>>> import dask.dataframe as dd, pandas as pd, newsfacts.dask as nfd
>>> articles = pd.DataFrame({"id": ["a", "b"], "date": ["2021-01-15", "2021-02-01"],
...     "text": ["Alibaba détient plus de 40 % du marché.", "Huawei holds 16% of the market."]})
>>> df = dd.from_pandas(articles, npartitions=2)
>>> facts = nfd.facts(df, text="text", id="id", date="date")
>>> sorted(facts.compute()["text"])
['16%', 'Alibaba', 'Huawei', 'plus de 40 %']
>>> tm = nfd.term_matrix(df, text="text", id="id", weighting="tfidf")
>>> tm.compute().shape
(2, 8)

How it runs: every task reads one partition into a :class:`newsfacts.Corpus` on a worker and
works there; what travels back is facts, term statistics or sparse blocks, never the corpus.
``term_matrix`` makes two passes (see :func:`term_matrix`); ``hashing=True`` makes one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp

from ._optional import missing

try:
    import pandas as pd
    from dask import delayed
except ImportError as err:
    raise missing("newsfacts.dask", "dask and pandas", "dask") from err

from . import _core
from .corpus import Corpus, read
from .errors import ParameterError
from .matrix import MatrixPlan, TermMatrix, hashed_matrix, plan_of

__all__ = ["facts", "term_matrix", "DaskTermMatrix"]

#: Term statistics are merged this many at a time (a tree reduction: the client never holds
#: more than a few vocabularies at once, and merges run on the workers).
SPLIT_EVERY = 8


class _Reader:
    """How a partition becomes a corpus: the column names and reading options, picklable."""

    def __init__(self, text: str, id: str | None, date: str | None, title: str | None, lang: str | None,
                 encoding_errors: str, n_jobs: int | None) -> None:
        self.text, self.id, self.date, self.title, self.lang = text, id, date, title, lang
        self.encoding_errors, self.n_jobs = encoding_errors, n_jobs

    def __call__(self, part: pd.DataFrame) -> Corpus:
        return read(part, text=self.text, id=self.id, date=self.date, title=self.title, lang=self.lang,
                    encoding_errors=self.encoding_errors, n_jobs=self.n_jobs, progress=False)


def _check_frame(df: Any, reader: _Reader) -> None:
    if not hasattr(df, "to_delayed") or not hasattr(df, "columns"):
        raise ParameterError(f"expected a dask DataFrame, not {type(df).__name__}", name="df")
    for name in (reader.text, reader.id, reader.date, reader.title):
        if name is not None and name not in df.columns:
            raise ParameterError(f"no column {name!r}; columns are {list(df.columns)}", name=name)


def _partition_facts(part: pd.DataFrame, reader: _Reader, include_boilerplate: bool) -> pd.DataFrame:
    corpus = reader(part)
    return corpus.facts(include_boilerplate=include_boilerplate, n_jobs=reader.n_jobs, progress=False).to_pandas()


def facts(
    df: Any,
    *,
    text: str = "text",
    id: str | None = None,
    date: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    include_boilerplate: bool = False,
    encoding_errors: str = "strict",
    n_jobs: int | None = 1,
) -> Any:
    """The facts of every article of ``df``, as a dask DataFrame with the columns of
    :meth:`newsfacts.FactTable.to_pandas` (``doc, kind, start, end, text, value, attrs, sentence,
    segment, rule``), partition by partition in the same order.

    Columns as for :func:`newsfacts.read`: ``text``, ``id`` (else an ``id`` column, else the
    partition's index, which Dask restarts in every partition of ``read_json``: give ids),
    ``date`` (the reference for relative dates; read dates as text, e.g.
    ``dd.read_json(..., convert_dates=False)``, or months become days), ``title``; ``lang``
    forces one language. ``n_jobs`` is the number of threads each task uses (1: Dask's workers
    are the parallelism).
    """
    reader = _Reader(text, id, date, title, lang, encoding_errors, n_jobs)
    _check_frame(df, reader)
    meta = read([]).facts().to_pandas()  # the columns and dtypes, without computing anything
    return df.map_partitions(_partition_facts, reader, include_boilerplate, meta=meta, enforce_metadata=False)


# -- term matrices ---------------------------------------------------------------------------


class _Local:
    """One partition after the first pass, kept on its worker: counts over the partition's own
    sorted terms, those terms' statistics, and the document ids."""

    def __init__(self, stats: _core.TermStats, counts: sp.csr_matrix, ids: list[str]) -> None:
        self.stats, self.counts, self.ids = stats, counts, ids


def _partition_local(part: pd.DataFrame, reader: _Reader, analyzer: dict[str, Any]) -> _Local:
    corpus = reader(part)
    stats, (data, indices, indptr) = _core.corpus_term_counts(corpus._core, analyzer, reader.n_jobs)
    counts = sp.csr_matrix((data, indices, indptr), shape=(len(corpus), len(stats)), copy=False)
    return _Local(stats, counts, corpus.ids)


def _stats_of(local: _Local) -> _core.TermStats:
    return local.stats


def _merge(parts: list[_core.TermStats]) -> _core.TermStats:
    return _core.TermStats.merge(list(parts))


def _tree_merge(stats: list[Any]) -> Any:
    while len(stats) > 1:
        stats = [delayed(_merge, pure=True)(stats[i:i + SPLIT_EVERY]) for i in range(0, len(stats), SPLIT_EVERY)]
    return stats[0] if stats else delayed(_merge, pure=True)([])


class _Vocabulary:
    """The fixed columns after the first pass: the kept terms with their corpus-wide document
    frequencies (a TermStats, which pickles compactly), or a vocabulary the user gave."""

    def __init__(self, kept: _core.TermStats | None, given: list[str] | None = None) -> None:
        self.kept, self.given = kept, given

    @property
    def terms(self) -> list[str]:
        return self.given if self.given is not None else self.kept.terms

    @property
    def document_frequency(self) -> np.ndarray | None:
        return None if self.kept is None else self.kept.document_frequency


def _select(stats: _core.TermStats, plan: MatrixPlan) -> _Vocabulary:
    low, high = plan.bounds(stats.n_docs)
    return _Vocabulary(stats.select(low, high, plan.max_features))


class _Block:
    """One partition's rows: counts (int64 CSR, or hashed float CSR) and document ids."""

    def __init__(self, matrix: sp.csr_matrix, ids: list[str]) -> None:
        self.matrix, self.ids = matrix, ids


def _partition_remap(local: _Local, vocabulary: _Vocabulary, plan: MatrixPlan) -> _Block:
    """The second pass: the partition's counts moved to the corpus's columns (no re-reading)."""
    column = local.stats.column_map(vocabulary.kept)
    counts = local.counts
    new = column[counts.indices]
    keep = new >= 0
    kept_before = np.concatenate([[0], np.cumsum(keep, dtype=np.int64)])
    indptr = kept_before[counts.indptr]
    data = counts.data[keep].astype(np.int64, copy=False)
    if plan.binary:
        data = np.ones_like(data)
    matrix = sp.csr_matrix((data, new[keep].astype(np.int32), indptr), shape=(counts.shape[0], len(vocabulary.kept)), copy=False)
    return _Block(matrix, local.ids)


def _partition_counts(part: pd.DataFrame, reader: _Reader, plan: MatrixPlan, vocabulary: _Vocabulary) -> _Block:
    """Rows over a vocabulary the user gave (one pass)."""
    corpus = reader(part)
    result = _core.corpus_term_matrix(corpus._core, plan.analyzer, 0.0, float("inf"), None, vocabulary.terms,
                                      plan.binary, "count", False, True, None, reader.n_jobs)
    shape = (len(corpus), len(vocabulary.terms))
    return _Block(sp.csr_matrix((result["data"], result["indices"], result["indptr"]), shape=shape, copy=False), corpus.ids)


def _partition_hashed(part: pd.DataFrame, reader: _Reader, plan: MatrixPlan) -> _Block:
    corpus = reader(part)
    return _Block(hashed_matrix(corpus, plan, reader.n_jobs), corpus.ids)


def _stack(blocks: list[_Block], n_cols: int, dtype: Any) -> tuple[sp.csr_matrix, list[str]]:
    ids = [doc_id for block in blocks for doc_id in block.ids]
    matrices = [block.matrix for block in blocks if block.matrix.shape[0]]
    if not matrices:
        return sp.csr_matrix((0, n_cols), dtype=dtype), ids
    return sp.vstack(matrices, format="csr"), ids


def _weigh(counts: sp.csr_matrix, plan: MatrixPlan, document_frequency: np.ndarray, n_docs: int,
           average_length: float) -> sp.csr_matrix:
    """Weights of count rows from corpus-wide totals (the Rust code the single machine uses)."""
    if plan.weighting == "count" and plan.norm is None and not plan.sublinear_tf:
        return counts
    data, indices, indptr = _core.weigh_counts(
        _aligned(counts.data), _aligned(counts.indices), _aligned(counts.indptr), counts.shape[1],
        _aligned(document_frequency), n_docs, average_length, *plan.weight_args())
    return sp.csr_matrix((data, indices, indptr), shape=counts.shape, copy=False)


def _aligned(array: Any) -> np.ndarray:
    """int64, contiguous and aligned: arrays unpickled from a worker's buffers may be neither."""
    return np.require(array, dtype=np.int64, requirements=["C", "A"])


def _average_length(total: int, n_docs: int) -> float:
    return float(total) / max(n_docs, 1)


def _assemble(blocks: list[_Block], vocabulary: _Vocabulary | None, plan: MatrixPlan) -> TermMatrix:
    if vocabulary is None:  # hashing
        matrix, ids = _stack(blocks, plan.n_features, np.float64)
        matrix.data = plan.finish(matrix.data)
        return TermMatrix(matrix, None, ids, None, None, plan.options)
    counts, ids = _stack(blocks, len(vocabulary.terms), np.int64)
    totals = _totals(blocks, vocabulary)
    weighted = _weigh(counts, plan, *totals)
    weighted.data = plan.finish(weighted.data)
    return TermMatrix(weighted, vocabulary.terms, ids, totals[0], None, plan.options)


class DaskTermMatrix:
    """A term matrix still on the cluster. ``compute()`` gives the :class:`newsfacts.TermMatrix`
    (identical to ``Corpus.term_matrix`` on the same articles and options); ``to_dask_array()``
    keeps it distributed; ``delayed`` is the underlying ``dask.delayed`` object, for
    ``dask.compute(tm.delayed, ...)``."""

    def __init__(self, result: Any, blocks: list[Any], vocabulary: Any, plan: MatrixPlan) -> None:
        self.delayed = result
        self._blocks, self._vocabulary, self._plan = blocks, vocabulary, plan

    def compute(self, **kwargs: Any) -> TermMatrix:
        return self.delayed.compute(**kwargs)

    def terms(self, **kwargs: Any) -> list[str] | None:
        """The columns' terms (runs the first pass only); None when hashing."""
        if self._vocabulary is None:
            return None
        return delayed(lambda v: v.terms)(self._vocabulary).compute(**kwargs)

    def to_dask_array(self) -> Any:
        """Rows as a ``dask.array`` of ``scipy.sparse`` CSR blocks, one per partition, weighted
        with the corpus-wide statistics (row counts unknown until computed)."""
        import dask.array as da

        plan = self._plan
        if self._vocabulary is None:
            n_cols = plan.n_features
            pieces = [delayed(lambda b: b.matrix)(block) for block in self._blocks]
            dtype = np.dtype(plan.dtype or np.float64)
        else:
            n_cols = delayed(lambda v: len(v.terms))(self._vocabulary).compute()
            totals = delayed(_totals)(self._blocks, self._vocabulary)
            pieces = [delayed(_weigh_block)(block, plan, totals) for block in self._blocks]
            plain = plan.weighting == "count" and plan.norm is None and not plan.sublinear_tf
            dtype = np.dtype(plan.dtype or (np.int64 if plain else np.float64))
        meta = sp.csr_matrix((0, n_cols), dtype=dtype)
        arrays = [da.from_delayed(piece, shape=(np.nan, n_cols), dtype=dtype, meta=meta) for piece in pieces]
        return da.concatenate(arrays, axis=0, allow_unknown_chunksizes=True) if arrays else da.zeros((0, n_cols), dtype=dtype)

    def __repr__(self) -> str:
        mode = "hashed" if self._vocabulary is None else "exact vocabulary"
        return f"<DaskTermMatrix: {len(self._blocks)} partitions, {mode}, {self._plan.weighting}; call .compute()>"


def _totals(blocks: list[_Block], vocabulary: _Vocabulary) -> tuple[np.ndarray, int, float]:
    """Corpus-wide document frequencies, size and mean length, from the count blocks."""
    counts = [block.matrix for block in blocks]
    n_docs = sum(m.shape[0] for m in counts)
    total = sum(int(m.data.sum()) for m in counts)
    df = vocabulary.document_frequency
    if df is None:  # a vocabulary given: frequencies come from the counts
        df = sum((np.bincount(m.indices, minlength=m.shape[1]) for m in counts), np.zeros(len(vocabulary.terms), np.int64))
    return np.asarray(df, dtype=np.int64), n_docs, _average_length(total, n_docs)


def _weigh_block(block: _Block, plan: MatrixPlan, totals: tuple[np.ndarray, int, float]) -> sp.csr_matrix:
    weighted = _weigh(block.matrix, plan, *totals)
    weighted.data = plan.finish(weighted.data)
    return weighted


def term_matrix(
    df: Any,
    *,
    text: str = "text",
    id: str | None = None,
    date: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    encoding_errors: str = "strict",
    n_jobs: int | None = 1,
    **options: Any,
) -> DaskTermMatrix:
    """Documents × terms of ``df`` on the cluster, with the options of
    :meth:`newsfacts.Corpus.term_matrix` (columns as in :func:`facts`).

    Exact mode (the default) makes two passes. First, every partition counts its terms (kept on
    its worker) and sends their document and term frequencies (a sorted table, a few MB per
    partition however big the texts); the tables merge in a tree, :data:`SPLIT_EVERY` at a
    time, and ``min_df``/``max_df``/``max_features`` fix the columns once. Second, every
    partition moves its counts to those columns (no text is read again); ``compute()`` stacks
    the blocks and weighs them (IDF from the whole corpus). The
    result equals ``Corpus.term_matrix`` of the same articles: same terms, same column order,
    same numbers. With ``vocabulary=`` the first pass is skipped.

    ``hashing=True`` makes one stateless pass: columns are ``n_features`` hash buckets.
    """
    plan = plan_of(options, "newsfacts.dask.term_matrix")
    reader = _Reader(text, id, date, title, lang, encoding_errors, n_jobs)
    _check_frame(df, reader)
    parts = df.to_delayed()
    if plan.hashing:
        blocks = [delayed(_partition_hashed, pure=True)(part, reader, plan) for part in parts]
        vocabulary = None
    else:
        if plan.vocabulary is None:
            locals_ = [delayed(_partition_local, pure=True)(part, reader, plan.analyzer) for part in parts]
            stats = _tree_merge([delayed(_stats_of, pure=True)(local) for local in locals_])
            vocabulary = delayed(_select, pure=True)(stats, plan)
            blocks = [delayed(_partition_remap, pure=True)(local, vocabulary, plan) for local in locals_]
        else:
            vocabulary = delayed(_Vocabulary(None, plan.vocabulary))
            blocks = [delayed(_partition_counts, pure=True)(part, reader, plan, vocabulary) for part in parts]
    result = delayed(_assemble, pure=True)(blocks, vocabulary, plan)
    return DaskTermMatrix(result, blocks, vocabulary, plan)

