"""The drop-ins give exactly scikit-learn's output, and behave as scikit-learn estimators."""

import json
import pickle
import unicodedata
import warnings
from pathlib import Path

import numpy as np
import pytest

sklearn = pytest.importorskip("sklearn")
from sklearn.base import clone  # noqa: E402
from sklearn.feature_extraction import text as sk  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GridSearchCV  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402

import newsfacts as nf  # noqa: E402
from newsfacts import sklearn as nfs  # noqa: E402

DATA = Path(__file__).parent / "data"


def sample_texts():
    with open(DATA / "news_sample.jsonl", encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines]


SEEDS = [d.text for d in nf.datasets.seeds()]
NEWS = sample_texts()
EDGE = ["", "a", "Ünïcödé ÉTÉ ﬁ ǅ İstanbul ΣΊΣΥΦΟΣ", "the and of", "x", "1,5 40% 12 000", "e\u0301te\u0301 naïve",
        "emoji 👍🏽 _under_score_ tab\tnew\nline", "ÀÉÎÕÜ àéîõü œuvre ß", "σ ς Σ ΌΣΟΣ"]
CORPORA = {"seeds": SEEDS, "news": NEWS, "edge": EDGE + SEEDS[:2]}


def assert_same(ours, theirs, exact=True):
    assert type(ours) is type(theirs)
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    if exact:
        assert np.array_equal(ours.data, theirs.data)
    else:
        assert np.allclose(ours.data, theirs.data, rtol=0, atol=1e-12)


COUNT_PARAMS = [
    {},
    {"ngram_range": (1, 2)},
    {"ngram_range": (2, 3), "stop_words": "english"},
    {"stop_words": ["le", "la", "les", "de"], "lowercase": False},
    {"min_df": 2, "max_df": 0.8},
    {"min_df": 0.1, "max_df": 10},
    {"max_features": 50},
    {"max_features": 7, "ngram_range": (1, 2), "min_df": 2},
    {"binary": True, "dtype": np.float32},
    {"strip_accents": "ascii"},
    {"strip_accents": "unicode", "lowercase": False},
    {"token_pattern": r"(?u)\b\w+\b"},
    {"token_pattern": r"[A-Za-zÀ-ÿ]{3,}"},
    {"token_pattern": r"(\w+)-\w+"},
]


@pytest.mark.parametrize("corpus", list(CORPORA))
@pytest.mark.parametrize("params", COUNT_PARAMS, ids=[str(p) for p in COUNT_PARAMS])
def test_count_vectorizer_equals_scikit_learn(corpus, params):
    docs = CORPORA[corpus]
    try:
        theirs = sk.CountVectorizer(**params).fit(docs)
    except ValueError as err:
        with pytest.raises(ValueError, match=str(err)[:30]):
            nfs.CountVectorizer(**params).fit(docs)
        return
    ours = nfs.CountVectorizer(**params)
    assert_same(ours.fit_transform(docs), sk.CountVectorizer(**params).fit_transform(docs))
    assert ours.vocabulary_ == theirs.vocabulary_
    assert list(ours.get_feature_names_out()) == list(theirs.get_feature_names_out())
    assert_same(ours.transform(docs[::-1]), theirs.transform(docs[::-1]))


@pytest.mark.parametrize("params", [{}, {"sublinear_tf": True, "smooth_idf": False}, {"norm": "l1", "use_idf": False},
                                    {"norm": None, "ngram_range": (1, 2), "min_df": 2}])
def test_tfidf_vectorizer_equals_scikit_learn(params):
    docs = NEWS + SEEDS
    ours, theirs = nfs.TfidfVectorizer(**params), sk.TfidfVectorizer(**params)
    assert_same(ours.fit_transform(docs), theirs.fit_transform(docs), exact=False)
    if params.get("use_idf", True):
        assert np.allclose(ours.idf_, theirs.idf_, rtol=0, atol=1e-12)
    assert_same(ours.transform(SEEDS), theirs.transform(SEEDS), exact=False)


@pytest.mark.parametrize("params", [{}, {"n_features": 64, "alternate_sign": False}, {"n_features": 16, "norm": "l1"},
                                    {"binary": True, "norm": None, "ngram_range": (1, 2)}])
def test_hashing_vectorizer_equals_scikit_learn(params):
    docs = NEWS + EDGE
    assert_same(nfs.HashingVectorizer(**params).fit_transform(docs), sk.HashingVectorizer(**params).fit_transform(docs))


def test_fixed_vocabulary_and_inverse_transform():
    vocabulary = ["huawei", "cloud", "marché", "Upper"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ours = nfs.CountVectorizer(vocabulary=vocabulary).fit_transform(SEEDS)
    assert any("Upper case" in str(w.message) for w in caught)
    assert_same(ours, sk.CountVectorizer(vocabulary=vocabulary).fit_transform(SEEDS))
    fitted = nfs.CountVectorizer().fit(SEEDS)
    inverse = fitted.inverse_transform(fitted.transform(SEEDS[:1]))
    expected = sk.CountVectorizer().fit(SEEDS).inverse_transform(sk.CountVectorizer().fit(SEEDS).transform(SEEDS[:1]))
    assert sorted(inverse[0]) == sorted(expected[0])


def test_same_errors_as_scikit_learn():
    for params, docs in [({"min_df": 5}, ["a b", "c d"]), ({"stop_words": "english"}, ["the and of"]),
                         ({"max_df": 1, "min_df": 2}, SEEDS), ({"ngram_range": (2, 1)}, SEEDS)]:
        with pytest.raises(ValueError) as theirs:
            sk.CountVectorizer(**params).fit(docs)
        with pytest.raises(ValueError) as ours:
            nfs.CountVectorizer(**params).fit(docs)
        assert str(ours.value) == str(theirs.value)
    with pytest.raises(ValueError, match="Iterable over raw text documents expected"):
        nfs.CountVectorizer().fit("one string")
    with pytest.warns(UserWarning, match="runs in Python .* look-around"):
        ours = nfs.CountVectorizer(token_pattern=r"(?<=x)\w+").fit(SEEDS)
    assert ours.vocabulary_ == sk.CountVectorizer(token_pattern=r"(?<=x)\w+").fit(SEEDS).vocabulary_
    with pytest.raises(ValueError, match="np.nan is an invalid document"):
        nfs.CountVectorizer().fit(["ok", np.nan])
    with pytest.raises(AttributeError):
        nfs.CountVectorizer().fit(["ok", None])
    with pytest.raises(sklearn.exceptions.NotFittedError):
        nfs.CountVectorizer().transform(["x"])


def test_bytes_and_callables_fall_back_or_decode():
    docs = [s.encode("utf-8") for s in SEEDS]
    assert_same(nfs.CountVectorizer().fit_transform(docs), sk.CountVectorizer().fit_transform(docs))
    latin = ["café".encode("latin-1")]
    with pytest.raises(UnicodeDecodeError):
        nfs.CountVectorizer().fit(latin)
    assert_same(nfs.CountVectorizer(decode_error="replace").fit_transform(latin + docs),
                sk.CountVectorizer(decode_error="replace").fit_transform(latin + docs))
    params = {"tokenizer": str.split, "token_pattern": None, "lowercase": False}
    assert_same(nfs.CountVectorizer(**params).fit_transform(SEEDS), sk.CountVectorizer(**params).fit_transform(SEEDS))
    assert_same(nfs.CountVectorizer(analyzer="char_wb", ngram_range=(2, 3)).fit_transform(SEEDS),
                sk.CountVectorizer(analyzer="char_wb", ngram_range=(2, 3)).fit_transform(SEEDS))


def test_estimator_protocol_clone_pickle_pipeline_gridsearch():
    vectorizer = nfs.TfidfVectorizer(min_df=2, ngram_range=(1, 2), n_jobs=1)
    assert clone(vectorizer).get_params() == vectorizer.get_params()
    fitted = pickle.loads(pickle.dumps(vectorizer.fit(NEWS)))
    assert_same(fitted.transform(SEEDS), vectorizer.transform(SEEDS), exact=True)
    labels = [i % 2 for i in range(len(NEWS))]
    pipeline = Pipeline([("tfidf", nfs.TfidfVectorizer()), ("clf", LogisticRegression(max_iter=200))])
    search = GridSearchCV(pipeline, {"tfidf__ngram_range": [(1, 1), (1, 2)], "tfidf__min_df": [1, 2]}, cv=2, n_jobs=2)
    search.fit(NEWS, labels)
    assert set(search.best_params_) == {"tfidf__ngram_range", "tfidf__min_df"}


def test_same_matrix_whatever_the_thread_count():
    one = nfs.CountVectorizer(ngram_range=(1, 2), n_jobs=1).fit_transform(NEWS)
    two = nfs.CountVectorizer(ngram_range=(1, 2), n_jobs=2).fit_transform(NEWS)
    assert_same(one, two)


def test_buffers_come_from_rust():
    X = nfs.CountVectorizer().fit_transform(SEEDS)
    for array in (X.data, X.indices, X.indptr):
        owners = []
        while array is not None:
            owners.append(type(array).__name__)
            array = getattr(array, "base", None)
        assert owners[-1] == "PySliceContainer", owners  # the Rust Vec that holds the buffer


@pytest.mark.parametrize("cls", [nfs.CountVectorizer, nfs.TfidfVectorizer, nfs.HashingVectorizer])
def test_check_estimator_runs_what_applies(cls):
    """scikit-learn's check_estimator runs only check_estimator_cloneable on text vectorizers
    (string input): every other check is skipped with a warning, so the equality tests above are
    the real checks."""
    from sklearn.utils.estimator_checks import check_estimator

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = check_estimator(cls(), on_fail=None)
    assert {r["check_name"] for r in results} == {"check_estimator_cloneable"}
    assert all(r["status"] == "passed" for r in results)
    assert any("Can't test estimator" in str(w.message) for w in caught)


def test_empty_input_and_empty_documents():
    for docs in ([], [""], ["", " "]):
        with pytest.raises(ValueError) as theirs:
            sk.CountVectorizer().fit(docs)
        with pytest.raises(ValueError) as ours:
            nfs.CountVectorizer().fit(docs)
        assert str(ours.value) == str(theirs.value)
    # scikit-learn's HashingVectorizer raises a bare StopIteration here; an empty matrix is kinder.
    assert nfs.HashingVectorizer(n_features=16).transform([]).shape == (0, 16)
    fitted = nfs.CountVectorizer().fit(SEEDS)
    assert_same(fitted.transform(["", "zzz"]), sk.CountVectorizer().fit(SEEDS).transform(["", "zzz"]))


# Custom token patterns: exact where translated, scikit-learn's own analyzer (with a warning) where not.

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsfacts import _token_pattern  # noqa: E402

TRANSLATED = [r"(?u)\b\w\w+\b", r"\w+", r"\b\w+\b", r"\S+", r"[^\s]+", r"\w+|[^\w\s]+", r"\d+", r"[a-zA-Z]+",
              r"(?u)\b\w+\b", r"[\w']+", r"(?i)\b[a-z]+\b", r"(\w+)-\w+", r"\b\w{2,4}\b", r"\b\w+", r"\w+\b",
              r"(?i)[a-zé]+", r"(?a)\w+", r"[^\W\d_]+", r"(?m)^\w+", r"\w+?"]
FALLBACK = [r"(?<=\s)\w+", r"\w+(?=,)", r"(\w)\1", r"\B\w+", r"\w+$", r"\w*", r"\b\w+\b|,", r"(?:(\w)-)+\w"]
# Where the engines' definitions differ: combining marks (NFD text), numeric signs, digits of other
# scripts, the separators \x1c-\x1f that Python counts as space, case folds ("ſ", "K", "İ").
PIECES = list("abzAZ09 _,.;-'’\n\téÉàçœß½²٣İſ\u212a") + [
    "e\u0301", "\u0301", "\u0327", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u2028", "Été", "l'été", "17e\u0300me"]
DOCS = st.lists(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), min_size=1, max_size=5)


def fitted_or_error(make, docs):
    try:
        return make().fit_transform(docs), None
    except ValueError as err:
        return None, str(err)


def assert_same_as_scikit_learn(params, docs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the fallback's warning is tested below
        pairs = [(nfs.CountVectorizer, sk.CountVectorizer), (nfs.TfidfVectorizer, sk.TfidfVectorizer)]
        for ours_cls, theirs_cls in pairs:
            ours, theirs = ours_cls(**params), theirs_cls(**params)
            (X, ours_err), (Y, theirs_err) = fitted_or_error(lambda: ours, docs), fitted_or_error(lambda: theirs, docs)
            assert ours_err == theirs_err
            if X is not None:
                assert ours.vocabulary_ == theirs.vocabulary_
                assert X.shape == Y.shape and (abs(X - Y) > 1e-12).nnz == 0
                assert (X != Y).nnz == 0 or ours_cls is nfs.TfidfVectorizer
        hashed = nfs.HashingVectorizer(n_features=64, **params).fit_transform(docs)
        expected = sk.HashingVectorizer(n_features=64, **params).fit_transform(docs)
        assert hashed.shape == expected.shape and (hashed != expected).nnz == 0


@pytest.mark.parametrize("pattern", TRANSLATED + FALLBACK[:3])
@settings(derandomize=True, database=None, max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs=DOCS, lowercase=st.booleans())
def test_token_patterns_equal_scikit_learn(pattern, docs, lowercase):
    assert_same_as_scikit_learn({"token_pattern": pattern, "lowercase": lowercase}, docs)


@pytest.mark.parametrize("pattern", [r"\w+", r"\b\w{2,4}\b", r"\w+|[^\w\s]+", r"(?<=\s)\w+"])
def test_token_patterns_on_french_news_in_nfd(pattern):
    """macOS files are often NFD: "17ème" is "17e" + U+0300 + "me", and Python's \\w stops at the mark."""
    docs = [unicodedata.normalize("NFD", d) for d in NEWS[:25]]
    assert_same_as_scikit_learn({"token_pattern": pattern}, docs)


def fallback_warnings(make, docs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        make().fit_transform(docs)
    return [str(w.message) for w in caught if "runs in Python" in str(w.message)]


@pytest.mark.parametrize("cls", [nfs.CountVectorizer, nfs.TfidfVectorizer, nfs.HashingVectorizer])
def test_fallback_warns_once_per_fit_and_translations_never(cls):
    for pattern in FALLBACK:
        messages = fallback_warnings(lambda: cls(token_pattern=pattern), ["x, ab ab-c 12", "dd ee"])
        assert len(messages) == 1, (pattern, messages)
        assert messages[0].startswith(f"token_pattern {pattern!r} runs in Python")
    for pattern in TRANSLATED:
        assert fallback_warnings(lambda: cls(token_pattern=pattern), ["x, ab ab-c 12", "dd ee"]) == [], pattern


def test_translation_decides_exact_or_fallback():
    assert _token_pattern.translate(r"\b\w\w+\b")[1] is None  # \w{2,} in word runs: the hand scanner
    part, runs = _token_pattern.translate(r"(?i)\b[a-z]+\b")
    assert part.startswith(r"\A") and part.endswith(r"\z") and runs.endswith("]+")
    assert r"\x{17F}" in part and r"\x{212A}" in part  # Python's (?i)[a-z] matches "ſ" and the Kelvin sign
    for pattern, reason in [(r"(?<=a)b", "look-around"), (r"(a)\1", "backreference"), (r"a++", "possessive"),
                            (r"\w+$", "final newline"), (r"a*", "empty string"), (r"(?:(a)b)+", "inside a repetition"),
                            (r"\b[\w,]+\b", "not all word characters"), (r"(?a)\b\w+\b", "ASCII")]:
        with pytest.raises(_token_pattern.Untranslatable, match=reason):
            _token_pattern.translate(pattern)
    analyzer = nf._core.SklearnAnalyzer(False, None, part, (1, 1), None, runs)
    assert pickle.loads(pickle.dumps(analyzer)).analyze("Abc ab1 ſun") == ["Abc", "ſun"]


def test_python_word_table_is_this_interpreters_word_class():
    """The hand scanner's table of \\w (generated from CPython) is what this Python's re matches,
    or the default pattern is translated like any other (WORD_TABLE_UNICODE)."""
    import re

    table = Path(__file__).parents[1] / "src" / "lexicons" / "python_word_ranges.tsv"
    if not table.exists():
        pytest.skip("not a source checkout")
    header, *rows = table.read_text(encoding="utf-8").splitlines()
    assert f"Unicode {_token_pattern.WORD_TABLE_UNICODE}" in header
    if unicodedata.unidata_version == _token_pattern.WORD_TABLE_UNICODE:
        ranges = tuple(tuple(int(x, 16) for x in row.split("\t")) for row in rows if row and not row.startswith("#"))
        assert ranges == _token_pattern.char_ranges(r"\w", re.UNICODE)


def test_hashing_n_features_and_sparse_dtypes_fail_as_scikit_learn():
    for n_features in (0, -1, 2**31):
        with pytest.raises(ValueError) as theirs:
            sk.HashingVectorizer(n_features=n_features).fit(["a b"])
        with pytest.raises(ValueError) as ours:
            nfs.HashingVectorizer(n_features=n_features).transform(["a b"])  # scikit-learn's would crash here
        assert str(ours.value) == str(theirs.value)
    with pytest.raises(nf.errors.ParameterError, match="n_features"):
        nf._core.SklearnAnalyzer().hash(["a b"], 0)  # the Rust core's own guard
    for make in (lambda m: m.CountVectorizer(dtype=str), lambda m: m.CountVectorizer(dtype=object, vocabulary=["aa"]),
                 lambda m: m.HashingVectorizer(dtype=str), lambda m: m.HashingVectorizer(dtype=np.complex64)):
        with pytest.raises(ValueError) as theirs:
            make(sk).fit_transform(["aa bb"])
        with pytest.raises(ValueError) as ours:
            make(nfs).fit_transform(["aa bb"])
        assert str(ours.value) == str(theirs.value)
    # Integer and bool hashing: scikit-learn sums in that dtype, then normalizes in float64.
    for dtype in (np.int8, np.bool_):
        docs = ["aa " * 200 + "bb", "cc aa"]
        assert_same(nfs.HashingVectorizer(dtype=dtype, n_features=8).fit_transform(docs),
                    sk.HashingVectorizer(dtype=dtype, n_features=8).fit_transform(docs))
