"""Drop-ins for scikit-learn's text vectorizers, counting in Rust on all cores.

``CountVectorizer``, ``TfidfVectorizer`` and ``HashingVectorizer`` are subclasses of
scikit-learn's own: same constructor parameters, attributes (``vocabulary_``, ``idf_``,
``fixed_vocabulary_``), methods (``get_feature_names_out``, ``inverse_transform``,
``get_params``/``set_params``), validation and error messages, so they work in a ``Pipeline``,
``GridSearchCV`` and ``clone``, and pickle. With the same parameters they give exactly
scikit-learn's matrices.

What runs in Rust: ``analyzer="word"`` with ``lowercase``, ``strip_accents`` (``"ascii"``,
``"unicode"``), ``token_pattern``, ``stop_words``, ``ngram_range``, and the counting, vocabulary,
pruning (``min_df``, ``max_df``, ``max_features``), hashing and normalisation. The default
``token_pattern`` is scanned by hand. Another pattern is translated to Rust's regex engine with
Python's meanings (``\\w``, ``\\d``, ``\\s`` and their negations, ``(?i)``, ``(?a)`` and ``.`` become the
exact sets of code points this interpreter's ``re`` matches; ``\\b`` at the edges of a pattern of
word characters, as in ``\\b\\w+\\b``, becomes a match within each run of word characters), but
only when every construct in it is one whose translation is proven to find the same tokens (see
``newsfacts._token_pattern``). Any other pattern (look-around, backreferences, ``\\B``, ``\\b``
elsewhere, ``$`` without ``(?m)``, a pattern that can match the empty string...) runs in scikit-learn's
own analyzer, with one warning per fit or transform saying so and why: the result is still exactly
scikit-learn's. Also falling back to scikit-learn's Python code (same results, its speed): a
callable ``analyzer``, ``preprocessor`` or ``tokenizer``, a callable ``strip_accents``,
``analyzer="char"``/``"char_wb"``, and a ``HashingVectorizer`` ``dtype`` other than float32/float64.

``n_jobs`` (an extra parameter, default all cores or ``NEWSFACTS_THREADS``) sets the threads;
the result is the same for any value.

Needs scikit-learn, an optional dependency: ``pip install 'newsfacts[sklearn]'``.

>>> from newsfacts.sklearn import CountVectorizer
>>> X = CountVectorizer(ngram_range=(1, 2)).fit_transform(["Le marché chinois", "le marché"])
>>> X.toarray().tolist()
[[1, 1, 1, 1, 1], [0, 1, 1, 1, 0]]
"""

from __future__ import annotations

import gc
import warnings
from numbers import Integral

import numpy as np
import scipy.sparse as sp
from ._optional import missing

try:
    from sklearn.feature_extraction import text as _text
except ImportError as err:
    raise missing("newsfacts.sklearn", "scikit-learn", "sklearn") from err

from . import _core, _token_pattern
from ._text import any_lone_surrogate
from .errors import ParameterError

try:  # scikit-learn >= 1.3: validates parameters the way its own fit does
    from sklearn.base import _fit_context
except ImportError:  # pragma: no cover
    def _fit_context(prefer_skip_nested_validation):
        return lambda method: method

try:  # scikit-learn >= 1.8 chooses between csr_matrix and csr_array by configuration
    from sklearn.utils._sparse import _align_api_if_sparse
except ImportError:  # pragma: no cover
    def _align_api_if_sparse(X):
        return X

__all__ = ["CountVectorizer", "TfidfVectorizer", "HashingVectorizer"]


def _jobs(n_jobs):
    from ._params import jobs as checked

    return checked(n_jobs)


class _RustWordAnalysis:
    """What the three vectorizers share: deciding whether Rust can analyse, and building it."""

    def _rust_analyzer(self):
        """A Rust analyzer for the current parameters, or None where scikit-learn must run."""
        if self.analyzer != "word" or self.preprocessor is not None or self.tokenizer is not None:
            return None
        if self.strip_accents not in (None, "ascii", "unicode") or self.token_pattern is None:
            return None
        self._validate_ngram_range()
        # scikit-learn's own checks and warnings (token_pattern groups, stop word consistency).
        self.build_analyzer()
        try:
            pattern, runs = _token_pattern.translate(self.token_pattern)
        except _token_pattern.Untranslatable as why:
            return _runs_in_python(self.token_pattern, str(why))
        stop = self.get_stop_words()
        try:
            return _core.SklearnAnalyzer(bool(self.lowercase), self.strip_accents, pattern, tuple(self.ngram_range),
                                         sorted(stop) if stop is not None else None, runs)
        except ParameterError as err:
            if err.name != "token_pattern":
                raise
            # Rust's regex engine refused the translation (too large a compiled program, say); the
            # last line of its message says why without the kilobytes of the translated pattern.
            why = str(err).splitlines()[-1]
            return _runs_in_python(self.token_pattern, f"Rust's regex engine refused its translation ({why})")

    def _texts(self, raw_documents):
        """Documents as str (decoded as scikit-learn decodes them), or None if one is not."""
        if isinstance(raw_documents, str):
            raise ValueError("Iterable over raw text documents expected, string object received.")
        docs = list(raw_documents)
        # One C loop over the types: a generator here costs as much as a tenth of the count.
        if self.input == "content" and set(map(type, docs)) <= {str}:
            return docs
        decoded = [self.decode(d) for d in docs]
        return decoded if all(isinstance(d, str) for d in decoded) else None

    def _rust_for(self, docs):
        """The Rust analyzer for these documents, or None where scikit-learn's must run: a
        document that is not text, or one with a lone surrogate (it cannot cross into Rust;
        scikit-learn's way keeps the terms exactly its own)."""
        if docs is None or any_lone_surrogate(docs):
            return None
        return self._rust_analyzer()


def _runs_in_python(token_pattern, reason):
    """Say once (per fit or transform) why scikit-learn's analyzer runs; None: no Rust analyzer."""
    warnings.warn(f"token_pattern {token_pattern!r} runs in Python (scikit-learn's own analyzer: the same "
                  f"result at its speed) because {reason}", UserWarning, stacklevel=4)
    return None


def _check_dtype(dtype):
    """The error scikit-learn gives (from scipy) for a dtype no sparse matrix can hold."""
    sp.csr_matrix((0, 0), dtype=dtype)


def _hashes_as_float(dtype):
    """Whether Rust's float hashing gives scikit-learn's numbers in ``dtype``. scikit-learn casts each
    ±1 to ``dtype`` before summing (an int8 wraps, a bool ORs) and then normalizes a copy in float64
    (or refuses complex): for those rare dtypes its own code runs."""
    try:
        return np.dtype(dtype) in (np.float32, np.float64)
    except TypeError:
        return False


def _vocabulary_dict(terms):
    """term → column; the garbage collector is paused (millions of new str would wake it often)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return dict(zip(terms, range(len(terms))))
    finally:
        if enabled:
            gc.enable()


def _csr(arrays, shape, dtype, sorted_indices=True):
    _check_dtype(dtype)  # else astype would make, say, a matrix of strings
    data, indices, indptr = arrays
    # Convert the data before building: scipy's astype would sort unsorted indices.
    matrix = sp.csr_matrix((data.astype(dtype, copy=False), indices, indptr), shape=shape, copy=False)
    matrix.has_sorted_indices = sorted_indices
    return _align_api_if_sparse(matrix)


class CountVectorizer(_RustWordAnalysis, _text.CountVectorizer):
    """scikit-learn's ``CountVectorizer`` (same parameters, plus ``n_jobs``) counting in Rust.

    >>> from newsfacts.sklearn import CountVectorizer
    >>> vectorizer = CountVectorizer(stop_words="english")
    >>> X = vectorizer.fit_transform(["The cloud market", "Cloud computing"])
    >>> vectorizer.get_feature_names_out().tolist(), X.toarray().tolist()
    (['cloud', 'computing', 'market'], [[1, 0, 1], [1, 1, 0]])
    """

    def __init__(self, *, input="content", encoding="utf-8", decode_error="strict", strip_accents=None,
                 lowercase=True, preprocessor=None, tokenizer=None, stop_words=None,
                 token_pattern=r"(?u)\b\w\w+\b", ngram_range=(1, 1), analyzer="word", max_df=1.0,
                 min_df=1, max_features=None, vocabulary=None, binary=False, dtype=np.int64, n_jobs=None):
        super().__init__(input=input, encoding=encoding, decode_error=decode_error, strip_accents=strip_accents,
                         lowercase=lowercase, preprocessor=preprocessor, tokenizer=tokenizer,
                         stop_words=stop_words, token_pattern=token_pattern, ngram_range=ngram_range,
                         analyzer=analyzer, max_df=max_df, min_df=min_df, max_features=max_features,
                         vocabulary=vocabulary, binary=binary, dtype=dtype)
        self.n_jobs = n_jobs

    _parameter_constraints = {**_text.CountVectorizer._parameter_constraints, "n_jobs": [None, Integral]}

    @_fit_context(prefer_skip_nested_validation=True)
    def fit_transform(self, raw_documents, y=None):
        docs = self._texts(raw_documents)
        rust = self._rust_for(docs)
        if rust is None:
            return _text.CountVectorizer.fit_transform.__wrapped__(self, docs if docs is not None else raw_documents) \
                if hasattr(_text.CountVectorizer.fit_transform, "__wrapped__") \
                else _text.CountVectorizer.fit_transform(self, raw_documents)
        self._validate_ngram_range()
        self._warn_for_unused_params()
        self._validate_vocabulary()
        if self.fixed_vocabulary_:
            return self._rust_transform(rust, docs, warn_upper=True)
        counts = rust.count(docs, _jobs(self.n_jobs))
        n_doc = counts.n_docs
        terms = counts.terms()
        if not terms:
            raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        _check_dtype(self.dtype)  # where scikit-learn's _count_vocab raises, before pruning
        max_df, min_df = self.max_df, self.min_df
        max_doc_count = max_df if isinstance(max_df, Integral) else max_df * n_doc
        min_doc_count = min_df if isinstance(min_df, Integral) else min_df * n_doc
        if max_doc_count < min_doc_count:
            raise ValueError("max_df corresponds to < documents than min_df")
        columns = self._columns(counts, max_doc_count, min_doc_count, self.max_features)
        kept = np.flatnonzero(columns >= 0)
        if len(kept) == 0:
            raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
        # Rows list their terms in order of first appearance, as scikit-learn leaves them.
        as_float = np.dtype(self.dtype) == np.float64
        arrays = counts.to_csr(columns if len(kept) < len(terms) else None, bool(self.binary), True, as_float,
                               _jobs(self.n_jobs))
        self.vocabulary_ = _vocabulary_dict([terms[i] for i in kept] if len(kept) < len(terms) else terms)
        return _csr(arrays, (n_doc, len(kept)), self.dtype, sorted_indices=False)

    @staticmethod
    def _columns(counts, high, low, limit):
        """scikit-learn's _limit_features, on document frequencies: the column of each term or -1."""
        dfs = counts.document_frequency()
        mask = np.ones(len(dfs), dtype=bool)
        if high is not None:
            mask &= dfs <= high
        if low is not None:
            mask &= dfs >= low
        if limit is not None and mask.sum() > limit:
            tfs = counts.term_frequency()
            # The same (unstable) argsort as scikit-learn, so that ties are cut alike.
            mask_inds = (-tfs[mask]).argsort()[:limit]
            new_mask = np.zeros(len(dfs), dtype=bool)
            new_mask[np.where(mask)[0][mask_inds]] = True
            mask = new_mask
        return np.where(mask, np.cumsum(mask) - 1, -1).astype(np.int64)

    def _rust_transform(self, rust, docs, warn_upper=False):
        if warn_upper and self.lowercase and any(any(map(str.isupper, t)) for t in self.vocabulary_):
            warnings.warn("Upper case characters found in vocabulary while 'lowercase' is True. "
                          "These entries will not be matched with any documents")
        terms = [None] * len(self.vocabulary_)
        for term, column in self.vocabulary_.items():
            terms[column] = term
        arrays = rust.transform(docs, terms, _jobs(self.n_jobs))
        X = _csr(arrays, (len(docs), len(terms)), self.dtype)
        if self.binary:
            X.data.fill(1)
        return X

    def transform(self, raw_documents):
        if isinstance(raw_documents, str):
            raise ValueError("Iterable over raw text documents expected, string object received.")
        self._check_vocabulary()
        docs = self._texts(raw_documents)
        rust = self._rust_for(docs)
        if rust is None:
            return _text.CountVectorizer.transform(self, docs if docs is not None else raw_documents)
        return self._rust_transform(rust, docs)


class TfidfVectorizer(CountVectorizer, _text.TfidfVectorizer):
    """scikit-learn's ``TfidfVectorizer`` (same parameters, plus ``n_jobs``) counting in Rust.

    >>> from newsfacts.sklearn import TfidfVectorizer
    >>> X = TfidfVectorizer().fit_transform(["The cloud market", "Cloud computing"])
    >>> X.shape, round(float(X[0, 0]), 3)
    ((2, 4), 0.449)
    """

    def __init__(self, *, input="content", encoding="utf-8", decode_error="strict", strip_accents=None,
                 lowercase=True, preprocessor=None, tokenizer=None, analyzer="word", stop_words=None,
                 token_pattern=r"(?u)\b\w\w+\b", ngram_range=(1, 1), max_df=1.0, min_df=1,
                 max_features=None, vocabulary=None, binary=False, dtype=np.float64, norm="l2",
                 use_idf=True, smooth_idf=True, sublinear_tf=False, n_jobs=None):
        CountVectorizer.__init__(self, input=input, encoding=encoding, decode_error=decode_error,
                                 strip_accents=strip_accents, lowercase=lowercase, preprocessor=preprocessor,
                                 tokenizer=tokenizer, analyzer=analyzer, stop_words=stop_words,
                                 token_pattern=token_pattern, ngram_range=ngram_range, max_df=max_df,
                                 min_df=min_df, max_features=max_features, vocabulary=vocabulary,
                                 binary=binary, dtype=dtype, n_jobs=n_jobs)
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    _parameter_constraints = {**_text.TfidfVectorizer._parameter_constraints, "n_jobs": [None, Integral]}

    @_fit_context(prefer_skip_nested_validation=True)
    def fit_transform(self, raw_documents, y=None):
        self._check_params()
        self._tfidf = _text.TfidfTransformer(norm=self.norm, use_idf=self.use_idf,
                                             smooth_idf=self.smooth_idf, sublinear_tf=self.sublinear_tf)
        X = CountVectorizer.fit_transform(self, raw_documents)
        self._tfidf.fit(X)
        return self._tfidf.transform(X, copy=False)

    def fit(self, raw_documents, y=None):
        self.fit_transform(raw_documents)
        return self

    def transform(self, raw_documents):
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, msg="The TF-IDF vectorizer is not fitted")
        X = CountVectorizer.transform(self, raw_documents)
        return self._tfidf.transform(X, copy=False)


class HashingVectorizer(_RustWordAnalysis, _text.HashingVectorizer):
    """scikit-learn's ``HashingVectorizer`` (same parameters, plus ``n_jobs``) hashing in Rust.

    >>> from newsfacts.sklearn import HashingVectorizer
    >>> HashingVectorizer(n_features=8).fit_transform(["cloud market"]).nnz
    2
    """

    def __init__(self, *, input="content", encoding="utf-8", decode_error="strict", strip_accents=None,
                 lowercase=True, preprocessor=None, tokenizer=None, stop_words=None,
                 token_pattern=r"(?u)\b\w\w+\b", ngram_range=(1, 1), analyzer="word", n_features=(2**20),
                 binary=False, norm="l2", alternate_sign=True, dtype=np.float64, n_jobs=None):
        super().__init__(input=input, encoding=encoding, decode_error=decode_error, strip_accents=strip_accents,
                         lowercase=lowercase, preprocessor=preprocessor, tokenizer=tokenizer,
                         stop_words=stop_words, token_pattern=token_pattern, ngram_range=ngram_range,
                         analyzer=analyzer, n_features=n_features, binary=binary, norm=norm,
                         alternate_sign=alternate_sign, dtype=dtype)
        self.n_jobs = n_jobs

    _parameter_constraints = {**_text.HashingVectorizer._parameter_constraints, "n_jobs": [None, Integral]}

    def transform(self, X):
        # scikit-learn validates parameters in fit only, and its transform with n_features=0 then
        # divides by zero in C; the same check it makes in fit, here, gives its error instead.
        if hasattr(self, "_validate_params"):
            self._validate_params()
        docs = self._texts(X)
        rust = self._rust_for(docs) if _hashes_as_float(self.dtype) else None
        if rust is None:
            return _text.HashingVectorizer.transform(self, docs if docs is not None else X)
        self._validate_ngram_range()
        arrays = rust.hash(docs, int(self.n_features), bool(self.alternate_sign), bool(self.binary),
                           self.norm, _jobs(self.n_jobs))
        return _csr(arrays, (len(docs), self.n_features), self.dtype)

    def fit_transform(self, X, y=None):
        return self.fit(X, y).transform(X)
