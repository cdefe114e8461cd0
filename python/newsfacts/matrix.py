"""Document-term matrices of a corpus with the news analyzer."""

from __future__ import annotations

from numbers import Integral, Real
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np
import scipy.sparse as sp

from . import _core, _optional
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

    def __init__(self, matrix: sp.csr_matrix, terms: list[str] | None, doc_ids: list[str],
                 document_frequency: np.ndarray | None, corpus: Corpus | None, options: dict[str, Any]) -> None:
        self.matrix = matrix
        #: None when the columns are hashed (``hashing=True``): they are buckets, not terms.
        self.terms = None if terms is None else np.array(terms, dtype=object)
        terms = terms or []
        self.doc_ids = np.array(doc_ids, dtype=object)
        self.document_frequency = document_frequency
        self._corpus = corpus
        self._options = options
        self._columns = {term: i for i, term in enumerate(terms)}
        self._rows: dict[str, int] | None = None  # id → first row, on the first look-up by id

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
        pd = _optional.pandas("TermMatrix.to_pandas()")

        columns = list(self.terms) if self.terms is not None else None
        return pd.DataFrame(self.toarray(), index=list(self.doc_ids), columns=columns)

    def _term(self, column: int) -> str:
        return self.terms[column] if self.terms is not None else f"#{column}"

    def _row(self, doc: int | str) -> int:
        if isinstance(doc, str):
            if self._rows is None:  # built once: a scan of all ids per look-up is quadratic over a corpus
                self._rows = {}
                for row, doc_id in enumerate(self.doc_ids.tolist()):
                    self._rows.setdefault(doc_id, row)
            if doc not in self._rows:
                raise KeyError(f"no document with id {doc!r}")
            return self._rows[doc]
        return int(doc)

    def top_terms(self, doc: int | str | None = None, n: int = 10) -> list[tuple[str, float]]:
        """The ``n`` heaviest terms of one document (by id or row), or of the corpus (summed)."""
        if doc is None:
            weights = np.asarray(self.matrix.sum(axis=0)).ravel()
            order = np.argsort(-weights, kind="stable")[:n]
            return [(self._term(i), float(weights[i])) for i in order if weights[i] != 0]
        row = self.matrix.getrow(self._row(doc))
        order = np.argsort(-row.data, kind="stable")[:n]
        return [(self._term(row.indices[i]), float(row.data[i])) for i in order]

    def cooccurrence(self, window: int | None = None, n_jobs: int | None = None) -> sp.csr_matrix:
        """Term × term counts inside sentences, for the unigram terms of this matrix: with
        ``window=None`` the number of sentences holding both terms (the diagonal: sentences
        holding the term), with ``window=k`` how often they stand at most k terms apart."""
        if self._corpus is None or self.terms is None:
            raise ParameterError("this matrix has no corpus to read sentences from, or hashed columns", name="cooccurrence")
        if window is not None and (not isinstance(window, Integral) or window < 1):
            raise ParameterError(f"window must be a positive int or None, not {window!r}", name="window")
        data, indices, indptr = _core.corpus_cooccurrence(self._corpus._core, list(self.terms), window, self._options, n_jobs)
        return sp.csr_matrix((data, indices, indptr), shape=(len(self.terms), len(self.terms)), copy=False)

    def __eq__(self, other: object) -> bool:
        """Same rows, columns and stored entries (data, indices, indptr equal element by element)."""
        if not isinstance(other, TermMatrix):
            return NotImplemented
        a, b = self.matrix, other.matrix
        same_terms = (self.terms is None and other.terms is None) or (
            self.terms is not None and other.terms is not None and list(self.terms) == list(other.terms))
        return (a.shape == b.shape and same_terms and list(self.doc_ids) == list(other.doc_ids)
                and a.dtype == b.dtype and np.array_equal(a.indptr, b.indptr)
                and np.array_equal(a.indices, b.indices) and np.array_equal(a.data, b.data))

    __hash__ = None  # type: ignore[assignment]

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


class MatrixPlan:
    """Checked options of a term matrix, shared by the single-machine and the Dask paths so
    both read parameters, and fail on bad ones, the same way."""

    def __init__(
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
    ) -> None:
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
        _df_bound(min_df, "min_df", 1)
        _df_bound(max_df, "max_df", 1)
        if max_features is not None and (not isinstance(max_features, Integral) or max_features < 1):
            raise ParameterError(f"max_features={max_features!r}; expected a positive int or None", name="max_features")
        if hashing:
            if weighting not in ("count", "tf"):
                raise ParameterError(
                    f"weighting={weighting!r} needs document frequencies, which hashing does not keep; "
                    "use hashing=False (exact vocabulary) or weigh the hashed counts yourself", name="weighting")
            if isinstance(n_features, bool) or not isinstance(n_features, Integral) or not 1 <= n_features < 2**31:
                raise ParameterError(f"n_features={n_features!r}; expected an int in [1, 2**31)", name="n_features")
            if vocabulary is not None or max_features is not None or min_df != 1 or max_df != 1.0:
                raise ParameterError("hashing=True keeps no vocabulary: vocabulary, max_features, min_df and max_df do not apply", name="hashing")
        auto_stop = isinstance(stop_words, str) and stop_words == "auto"
        if isinstance(stop_words, str) and not auto_stop:
            if stop_words not in ("en", "fr", "english", "french"):
                raise ParameterError(f"stop_words={stop_words!r}; expected 'auto', 'en', 'fr', a list or None", name="stop_words")
            stop_list = sorted(_core.stop_words({"english": "en", "french": "fr"}.get(stop_words, stop_words)))
        else:
            stop_list = None if stop_words is None or auto_stop else sorted(str(w) for w in stop_words)
        self.analyzer = {"ngram_range": tuple(ngram_range), "stop_list": stop_list, "auto_stop": auto_stop,
                         "fold_accents": bool(fold_accents), "stem": bool(stem), "numbers": numbers,
                         "include_boilerplate": bool(include_boilerplate)}
        self.min_df, self.max_df, self.max_features = min_df, max_df, max_features
        self.vocabulary = None if vocabulary is None else [str(t) for t in vocabulary]
        self.binary, self.dtype, self.weighting = bool(binary), dtype, weighting
        self.sublinear_tf, self.smooth_idf, self.norm = bool(sublinear_tf), bool(smooth_idf), norm
        self.hashing, self.n_features, self.alternate_sign = bool(hashing), int(n_features), bool(alternate_sign)

    def bounds(self, n_docs: int) -> tuple[float, float]:
        """min_df and max_df as document counts for a corpus of ``n_docs``."""
        low, high = _df_bound(self.min_df, "min_df", n_docs), _df_bound(self.max_df, "max_df", n_docs)
        if high < low:
            raise ParameterError(f"max_df={self.max_df!r} allows fewer documents than min_df={self.min_df!r}", name="max_df")
        return low, high

    @property
    def options(self) -> dict[str, Any]:
        return {**self.analyzer, "weighting": self.weighting}

    def weight_args(self) -> tuple[str, bool, bool, str | None]:
        return self.weighting, self.sublinear_tf, self.smooth_idf, self.norm

    def finish(self, data: np.ndarray) -> np.ndarray:
        return data if self.dtype is None else data.astype(self.dtype, copy=False)


def plan_of(options: dict[str, Any], caller: str) -> MatrixPlan:
    """``MatrixPlan(**options)`` for ``caller``, a function that passes its options on: a
    misspelt option is a TypeError naming ``caller`` (and the closest option), not MatrixPlan.

    >>> plan_of({"ngram_rnage": (1, 2)}, "term_matrix")
    Traceback (most recent call last):
    ...
    TypeError: term_matrix() got an unexpected keyword argument 'ngram_rnage' (did you mean 'ngram_range'?)
    """
    import difflib
    import inspect

    known = list(inspect.signature(MatrixPlan).parameters)
    for name in options:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise TypeError(f"{caller}() got an unexpected keyword argument {name!r}{hint}")
    return MatrixPlan(**options)


def term_matrix(corpus: Corpus, *, n_jobs: int | None = None, **options: Any) -> TermMatrix:
    """See :meth:`newsfacts.Corpus.term_matrix`."""
    from ._params import jobs as _jobs

    plan = plan_of(options, "term_matrix")
    n_docs = len(corpus)
    if plan.hashing:
        return TermMatrix(hashed_matrix(corpus, plan, _jobs(n_jobs)), None, corpus.ids, None, corpus, plan.options)
    low, high = plan.bounds(n_docs)
    result = _core.corpus_term_matrix(
        corpus._core, plan.analyzer, low, high, plan.max_features, plan.vocabulary, plan.binary,
        *plan.weight_args(), _jobs(n_jobs),
    )
    terms = result["terms"]
    matrix = sp.csr_matrix((plan.finish(result["data"]), result["indices"], result["indptr"]), shape=(n_docs, len(terms)), copy=False)
    return TermMatrix(matrix, terms, corpus.ids, result["document_frequency"], corpus, plan.options)


def hashed_matrix(corpus: Corpus, plan: MatrixPlan, n_jobs: int | None) -> sp.csr_matrix:
    """The corpus's rows hashed into ``plan.n_features`` columns, weighted and typed per plan."""
    data, indices, indptr = _core.corpus_hash_matrix(
        corpus._core, plan.analyzer, plan.n_features, plan.alternate_sign, plan.binary, plan.norm, n_jobs)
    matrix = sp.csr_matrix((data, indices, indptr), shape=(len(corpus), plan.n_features), copy=False)
    if plan.weighting == "tf" and plan.norm is None:  # a norm makes tf and counts equal
        matrix = _row_share(matrix)
    matrix.data = plan.finish(matrix.data)
    return matrix


def _row_share(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """tf of hashed counts: each row divided by its sum of absolute counts."""
    lengths = np.diff(matrix.indptr)
    nonempty = lengths > 0
    sums = np.ones(len(lengths))
    if matrix.nnz:  # each row summed on its own, so a row's value never depends on its neighbours
        sums[nonempty] = np.add.reduceat(np.abs(matrix.data), matrix.indptr[:-1][nonempty])
    sums[sums == 0] = 1.0
    matrix.data = matrix.data / np.repeat(sums, lengths)
    return matrix


def entity_matrix(corpus: Corpus, kinds: tuple[str, ...], binary: bool, n_jobs: int | None) -> TermMatrix:
    """See :meth:`newsfacts.Corpus.entity_matrix`."""
    from .facts import check_kinds, corpus_facts

    # Checked before any extraction: a typo must not cost a pass over the corpus.
    kinds = check_kinds(kinds)
    if not kinds:
        raise ParameterError("kinds must name at least one entity kind", name="kinds")
    facts = corpus_facts(corpus, None, n_jobs=n_jobs, kinds=kinds)
    keys = [f"{kind}:{value}" for kind, value in zip(facts.column("kind"), facts.column("value"))]
    names = sorted(set(keys))
    column = {key: i for i, key in enumerate(names)}
    # Rows by the document's position, not its id: ids may repeat.
    rows = facts.doc_index
    cols = np.array([column[key] for key in keys], dtype=np.int64)
    matrix = sp.csr_matrix((np.ones(len(keys), dtype=np.int64), (rows, cols)), shape=(len(corpus), len(names)))
    matrix.sum_duplicates()
    if binary:
        matrix.data[:] = 1
    document_frequency = np.diff(matrix.tocsc().indptr).astype(np.int64)
    return TermMatrix(matrix, names, corpus.ids, document_frequency, None, {"weighting": "count"})
