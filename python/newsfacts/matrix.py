"""Document-term matrices of a corpus with the news analyzer."""

from __future__ import annotations

from numbers import Integral, Real
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np
import scipy.sparse as sp

from . import _core
from ._display import table
from .errors import ParameterError

if TYPE_CHECKING:
    from .corpus import Corpus

WEIGHTINGS = ("count", "tf", "tfidf", "bm25")


class TermMatrix:
    """Documents × terms. ``matrix`` is a ``scipy.sparse.csr_matrix`` whose buffers come from
    Rust; ``terms`` and ``doc_ids`` (numpy arrays of str) name its columns and rows.

    >>> import newsfacts as nf
    >>> tm = nf.datasets.seeds().term_matrix(weighting="tfidf")
    >>> tm.shape[0], tm.top_terms(doc="000_c6fa68117381cad0", n=1)[0][0]
    (5, 'entreprise')
    """

    def __init__(self, matrix: sp.csr_matrix, terms: list[str], doc_ids: list[str],
                 document_frequency: np.ndarray, corpus: Corpus | None, options: dict[str, Any]) -> None:
        self.matrix = matrix
        self.terms = np.array(terms, dtype=object)
        self.doc_ids = np.array(doc_ids, dtype=object)
        self.document_frequency = document_frequency
        self._corpus = corpus
        self._options = options
        self._columns = {term: i for i, term in enumerate(terms)}

    @property
    def shape(self) -> tuple[int, int]:
        return self.matrix.shape

    @property
    def vocabulary(self) -> dict[str, int]:
        """term → column."""
        return dict(self._columns)

    def toarray(self) -> np.ndarray:
        return self.matrix.toarray()

    def to_pandas(self):
        """A dense DataFrame (rows = doc ids, columns = terms): for small corpora."""
        import pandas as pd

        return pd.DataFrame(self.toarray(), index=list(self.doc_ids), columns=list(self.terms))

    def _row(self, doc: int | str) -> int:
        if isinstance(doc, str):
            matches = np.flatnonzero(self.doc_ids == doc)
            if len(matches) == 0:
                raise KeyError(f"no document with id {doc!r}")
            return int(matches[0])
        return int(doc)

    def top_terms(self, doc: int | str | None = None, n: int = 10) -> list[tuple[str, float]]:
        """The ``n`` heaviest terms of one document (by id or row), or of the corpus (summed)."""
        if doc is None:
            weights = np.asarray(self.matrix.sum(axis=0)).ravel()
            order = np.argsort(-weights, kind="stable")[:n]
            return [(self.terms[i], float(weights[i])) for i in order if weights[i] != 0]
        row = self.matrix.getrow(self._row(doc))
        order = np.argsort(-row.data, kind="stable")[:n]
        return [(self.terms[row.indices[i]], float(row.data[i])) for i in order]

    def cooccurrence(self, window: int | None = None, n_jobs: int | None = None) -> sp.csr_matrix:
        """Term × term counts inside sentences, for the unigram terms of this matrix: with
        ``window=None`` the number of sentences holding both terms (the diagonal: sentences
        holding the term), with ``window=k`` how often they stand at most k terms apart."""
        if self._corpus is None:
            raise ParameterError("this matrix has no corpus to read sentences from", name="cooccurrence")
        if window is not None and (not isinstance(window, Integral) or window < 1):
            raise ParameterError(f"window must be a positive int or None, not {window!r}", name="window")
        data, indices, indptr = _core.corpus_cooccurrence(self._corpus._core, list(self.terms), window, self._options, n_jobs)
        return sp.csr_matrix((data, indices, indptr), shape=(len(self.terms), len(self.terms)), copy=False)

    def __repr__(self) -> str:
        return f"<TermMatrix: {self.shape[0]} documents × {self.shape[1]} terms, {self.matrix.nnz} non-zero, {self._options['weighting']}>"

    def _repr_html_(self) -> str:
        rows = [(doc_id, ", ".join(t for t, _ in self.top_terms(doc=i, n=8))) for i, doc_id in zip(range(30), self.doc_ids)]
        return table(["document", "top terms"], rows, caption=repr(self))


def _df_bound(value: Any, name: str, n_docs: int) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ParameterError(f"{name} must be an int (documents) or a float in [0, 1] (a fraction), not {value!r}", name=name)
    if isinstance(value, Integral):
        if value < 0:
            raise ParameterError(f"{name}={value} is negative", name=name)
        return float(value)
    if not 0.0 <= value <= 1.0:
        raise ParameterError(f"{name}={value} must be in [0, 1] as a fraction", name=name)
    return value * n_docs


def term_matrix(
    corpus: Corpus,
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
    n_jobs: int | None = None,
) -> TermMatrix:
    """See :meth:`newsfacts.Corpus.term_matrix`."""
    from .corpus import _jobs

    n_docs = len(corpus)
    if weighting not in WEIGHTINGS:
        raise ParameterError(f"weighting={weighting!r}; expected one of {WEIGHTINGS}", name="weighting")
    if norm == "auto":
        norm = "l2" if weighting in ("tfidf", "bm25") else None
    if norm not in (None, "l1", "l2"):
        raise ParameterError(f"norm={norm!r}; expected 'l1', 'l2' or None", name="norm")
    if numbers not in ("keep", "drop", "placeholder"):
        raise ParameterError(f"numbers={numbers!r}; expected 'keep', 'drop' or 'placeholder'", name="numbers")
    if (not isinstance(ngram_range, (tuple, list)) or len(ngram_range) != 2
            or not all(isinstance(n, Integral) and n >= 1 for n in ngram_range) or ngram_range[0] > ngram_range[1]):
        raise ParameterError(f"ngram_range={ngram_range!r}; expected (min_n, max_n) with 1 <= min_n <= max_n", name="ngram_range")
    low, high = _df_bound(min_df, "min_df", n_docs), _df_bound(max_df, "max_df", n_docs)
    if high < low:
        raise ParameterError(f"max_df={max_df!r} allows fewer documents than min_df={min_df!r}", name="max_df")
    if max_features is not None and (not isinstance(max_features, Integral) or max_features < 1):
        raise ParameterError(f"max_features={max_features!r}; expected a positive int or None", name="max_features")
    auto_stop = isinstance(stop_words, str) and stop_words == "auto"
    if isinstance(stop_words, str) and not auto_stop:
        if stop_words not in ("en", "fr", "english", "french"):
            raise ParameterError(f"stop_words={stop_words!r}; expected 'auto', 'en', 'fr', a list or None", name="stop_words")
        stop_list = sorted(_core.stop_words({"english": "en", "french": "fr"}.get(stop_words, stop_words)))
    else:
        stop_list = None if stop_words is None or auto_stop else sorted(str(w) for w in stop_words)
    vocabulary_list = None if vocabulary is None else [str(t) for t in vocabulary]
    analyzer = {"ngram_range": tuple(ngram_range), "stop_list": stop_list, "auto_stop": auto_stop,
                "fold_accents": bool(fold_accents), "stem": bool(stem), "numbers": numbers,
                "include_boilerplate": bool(include_boilerplate)}
    result = _core.corpus_term_matrix(
        corpus._core, analyzer, low, high, max_features, vocabulary_list, bool(binary), weighting,
        bool(sublinear_tf), bool(smooth_idf), norm, _jobs(n_jobs),
    )
    terms = result["terms"]
    data = result["data"]
    if dtype is not None:
        data = data.astype(dtype, copy=False)
    matrix = sp.csr_matrix((data, result["indices"], result["indptr"]), shape=(n_docs, len(terms)), copy=False)
    return TermMatrix(matrix, terms, corpus.ids, result["document_frequency"], corpus, {**analyzer, "weighting": weighting})


def entity_matrix(corpus: Corpus, kinds: tuple[str, ...], binary: bool, n_jobs: int | None) -> TermMatrix:
    """See :meth:`newsfacts.Corpus.entity_matrix`."""
    facts = corpus.facts(n_jobs=n_jobs)
    if not kinds:
        raise ParameterError("kinds must name at least one entity kind", name="kinds")
    facts = facts.kinds(*kinds)
    records = facts.records()
    positions = {doc_id: i for i, doc_id in enumerate(corpus.ids)}
    keys = sorted({f"{r['kind']}:{r['value']}" for r in records})
    column = {key: i for i, key in enumerate(keys)}
    rows = np.array([positions[r["doc"]] for r in records], dtype=np.int64)
    cols = np.array([column[f"{r['kind']}:{r['value']}"] for r in records], dtype=np.int64)
    matrix = sp.csr_matrix((np.ones(len(records), dtype=np.int64), (rows, cols)), shape=(len(corpus), len(keys)))
    matrix.sum_duplicates()
    if binary:
        matrix.data[:] = 1
    document_frequency = np.diff(matrix.tocsc().indptr).astype(np.int64)
    return TermMatrix(matrix, keys, corpus.ids, document_frequency, None, {"weighting": "count"})
