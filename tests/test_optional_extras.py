"""Optional dependencies (the extras of pyproject.toml) that are not installed: the call that
needs one says what to install. A module is made missing by a None in sys.modules, which makes
``import`` of it raise ImportError."""

import importlib
import re
import sys

import pytest

import newsfacts as nf


def _hide(monkeypatch, *packages: str) -> None:
    """Make ``packages`` (and their submodules already imported) unimportable for this test."""
    for name in list(sys.modules):
        if name.split(".")[0] in packages:
            monkeypatch.setitem(sys.modules, name, None)
    for name in packages:
        monkeypatch.setitem(sys.modules, name, None)


@pytest.fixture(scope="module")
def corpus():
    return nf.datasets.seeds()


TO_PANDAS = {
    "Corpus.to_pandas()": lambda corpus: corpus.to_pandas(),
    "Tokens.to_pandas()": lambda corpus: corpus.tokens().to_pandas(),
    "TermMatrix.to_pandas()": lambda corpus: corpus.term_matrix().to_pandas(),
    "FactTable.to_pandas()": lambda corpus: corpus.facts(kinds=["date"]).to_pandas(),
    "EntityTable.to_pandas()": lambda corpus: corpus.entities().to_pandas(),
}


@pytest.mark.parametrize("method", TO_PANDAS)
def test_to_pandas_without_pandas_says_which_extra_to_install(monkeypatch, corpus, method):
    _hide(monkeypatch, "pandas")
    with pytest.raises(ImportError) as caught:
        TO_PANDAS[method](corpus)
    assert str(caught.value) == f"{method} needs pandas: pip install 'newsfacts[pandas]'"
    assert caught.value.name == "pandas"


def test_to_pandas_with_pandas_still_works(corpus):
    pd = pytest.importorskip("pandas")
    assert isinstance(corpus.to_pandas(), pd.DataFrame)


@pytest.mark.parametrize("module, packages, message", [
    ("newsfacts.sklearn", ("sklearn",), "newsfacts.sklearn needs scikit-learn: pip install 'newsfacts[sklearn]'"),
    ("newsfacts.dask", ("dask", "distributed"), "newsfacts.dask needs dask and pandas: pip install 'newsfacts[dask]'"),
    ("newsfacts.dask", ("pandas",), "newsfacts.dask needs dask and pandas: pip install 'newsfacts[dask]'"),
])
def test_optional_modules_without_their_extra_say_which_to_install(monkeypatch, module, packages, message):
    _hide(monkeypatch, *packages)
    monkeypatch.delitem(sys.modules, module, raising=False)  # imported again, not taken from the cache
    with pytest.raises(ImportError, match=re.escape(message)):
        importlib.import_module(module)
