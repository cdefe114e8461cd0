"""newsfacts.dask on a real local cluster (2 worker processes): the same facts and term
matrices as on one machine, whatever the partitions and even when a worker dies mid-run."""

import json
import pickle
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import newsfacts as nf

dd = pytest.importorskip("dask.dataframe", reason="dask is not installed (pip install '.[dask]')")
distributed = pytest.importorskip("distributed", reason="distributed is not installed (pip install '.[dask]')")
from dask import delayed  # noqa: E402

import newsfacts.dask as nfd  # noqa: E402

DATA = Path(__file__).parent / "data"


def _articles() -> pd.DataFrame:
    rows = []
    for name in ("news_sample.jsonl", "news_fr_sample.jsonl"):
        rows += [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    frame = pd.DataFrame(rows)[["id", "title", "date", "lang", "text"]]
    return frame.astype({"date": object}).where(frame.notna(), None)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=4, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


@pytest.fixture(scope="module")
def articles():
    return _articles()


@pytest.fixture(scope="module")
def frame(articles):
    """Uneven partitions, one of them empty and one of empty texts."""
    empty_texts = pd.DataFrame({"id": ["blank-1", "blank-2"], "title": [None, None], "date": [None, None],
                                "lang": [None, None], "text": ["", "   \n"]})
    pieces = [articles.iloc[:7], articles.iloc[0:0], articles.iloc[7:60], empty_texts, articles.iloc[60:]]
    whole = pd.concat(pieces, ignore_index=True)
    pieces = [p.reset_index(drop=True) for p in pieces]
    return dd.from_map(_Pieces(pieces), range(len(pieces)), meta=articles.iloc[0:0], enforce_metadata=False), whole


class _Pieces:
    def __init__(self, pieces):
        self.pieces = pieces

    def __call__(self, i):
        return self.pieces[i]


def _single(whole: pd.DataFrame) -> nf.Corpus:
    return nf.read(whole, id="id", date="date", title="title")


def test_facts_on_the_cluster_equal_single_machine_facts(client, frame):
    df, whole = frame
    facts = nfd.facts(df, text="text", id="id", date="date", title="title")
    expected = _single(whole).facts().to_pandas()
    assert list(facts.columns) == list(expected.columns) and (facts.dtypes == expected.dtypes).all()
    got = facts.compute().reset_index(drop=True)
    assert len(got) > 1000 and set(got["doc"]) >= {"bbc-business-001", "wikinews-fr-43971"}
    pd.testing.assert_frame_equal(got, expected)


OPTION_SETS = [
    {},
    {"min_df": 2, "weighting": "tfidf"},
    {"ngram_range": (1, 2), "max_df": 0.5, "min_df": 2, "max_features": 400, "weighting": "tfidf", "sublinear_tf": True},
    {"weighting": "bm25", "stem": True, "fold_accents": True, "numbers": "placeholder"},
    {"weighting": "tf", "binary": True, "stop_words": None, "dtype": np.float32},
    {"vocabulary": ["market", "marché", "government", "gouvernement", "absent"], "weighting": "tfidf"},
]


@pytest.mark.parametrize("options", OPTION_SETS, ids=lambda o: ",".join(o) or "defaults")
def test_exact_term_matrix_equals_single_machine(client, frame, options):
    df, whole = frame
    distributed_tm = nfd.term_matrix(df, text="text", id="id", date="date", title="title", **options).compute()
    single = _single(whole).term_matrix(**options)
    assert single.shape[1] > 0 and single.matrix.nnz > 0
    assert distributed_tm == single  # same terms, ids, dtype, indptr, indices and data
    assert np.array_equal(distributed_tm.document_frequency, single.document_frequency)


def test_hashing_is_one_pass_and_equal(client, frame):
    df, whole = frame
    tm = nfd.term_matrix(df, text="text", id="id", hashing=True, n_features=2**12, ngram_range=(1, 2), weighting="tf", norm=None)
    assert tm.terms() is None
    got = tm.compute()
    assert got == _single(whole).term_matrix(hashing=True, n_features=2**12, ngram_range=(1, 2), weighting="tf", norm=None)
    assert got.terms is None and got.shape == (len(whole), 2**12)


def test_dask_array_of_weighted_blocks(client, frame):
    df, whole = frame
    tm = nfd.term_matrix(df, text="text", id="id", min_df=2, weighting="tfidf")
    array = tm.to_dask_array()
    assert array.npartitions == df.npartitions
    stacked = array.compute()
    single = _single(whole).term_matrix(min_df=2, weighting="tfidf").matrix
    assert stacked.shape == single.shape and abs(stacked - single).max() == 0


def test_reading_json_lines_with_dask(client, tmp_path, articles):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in articles.to_dict("records")), encoding="utf-8")
    df = dd.read_json(str(path), lines=True, blocksize=40_000, convert_dates=False, dtype={"date": "object"})
    assert df.npartitions > 2
    tm = nfd.term_matrix(df, text="text", id="id", date="date", min_df=3, weighting="tfidf").compute()
    assert tm == nf.read(path).term_matrix(min_df=3, weighting="tfidf")
    facts = nfd.facts(df, text="text", id="id", date="date").compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(facts, nf.read(path).facts().to_pandas())


def _gated(part: pd.DataFrame, gate: str) -> pd.DataFrame:
    """A partition that only loads once the test opens the gate (so a worker can be killed
    while the run is half done; workers have 4 threads, so gated loads never block all)."""
    distributed.Event(gate).wait()
    return part


def test_a_worker_killed_mid_run_does_not_change_the_result(client, articles):
    pieces = np.array_split(np.arange(len(articles)), 8)
    gate = f"gate-{time.monotonic_ns()}"
    parts = [delayed(articles.iloc[idx].reset_index(drop=True)) if i < 4 else delayed(_gated)(articles.iloc[idx].reset_index(drop=True), gate)
             for i, idx in enumerate(pieces)]
    df = dd.from_delayed(parts, meta=articles.iloc[0:0], verify_meta=False)
    tm = nfd.term_matrix(df, text="text", id="id", date="date", min_df=2, weighting="tfidf")
    future = client.compute(tm.delayed)
    deadline = time.monotonic() + 60
    while True:  # wait until some workers hold first-pass results
        held = {addr: keys for addr, keys in client.has_what().items() if any("_partition_local" in str(k) for k in keys)}
        if held or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert held, "no first-pass result appeared"
    victim = next(iter(held))
    assert not future.done()  # half done: the gated partitions have not loaded
    client.restart_workers([victim])  # kills the worker process and its results; the nanny starts a new one
    distributed.Event(gate).set()
    got = future.result(timeout=120)
    assert got == _single(articles).term_matrix(min_df=2, weighting="tfidf")


def test_term_stats_merge_and_pickle(articles):
    corpus = _single(articles)
    analyzer = nf.matrix.MatrixPlan().analyzer
    halves = [nf.read(articles.iloc[:50], id="id"), nf.read(articles.iloc[50:], id="id")]
    parts = [nf._core.corpus_term_counts(c._core, analyzer)[0] for c in halves]
    merged = nf._core.TermStats.merge(parts)
    whole = nf._core.corpus_term_counts(corpus._core, analyzer)[0]
    assert merged == whole and merged.n_docs == len(articles) and len(merged) > 3000
    restored = pickle.loads(pickle.dumps(merged))
    assert restored == merged and restored.terms[:5] == whole.terms[:5]
    assert np.array_equal(restored.document_frequency, whole.document_frequency)


def test_bad_parameters_are_named(frame):
    df, _ = frame
    with pytest.raises(nf.ParameterError, match="no column 'body'"):
        nfd.facts(df, text="body")
    with pytest.raises(nf.ParameterError, match="dask DataFrame"):
        nfd.term_matrix(pd.DataFrame({"text": ["a"]}))
    with pytest.raises(nf.ParameterError, match="document frequencies"):
        nfd.term_matrix(df, hashing=True, weighting="tfidf")
    with pytest.raises(nf.ParameterError, match="min_df"):
        nfd.term_matrix(df, min_df=-1)
    with pytest.raises(nf.ParameterError):
        nf._core.TermStats._from_bytes(b"\x01\x02")


def test_weigh_counts_checks_the_callers_arrays():
    from newsfacts import _core

    def weigh(indptr, indices, n_cols=3):
        data = np.ones(len(indices), dtype=np.int64)
        return _core.weigh_counts(data, np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64), n_cols,
                                  np.ones(n_cols, dtype=np.int64), 2, 1.0, "tfidf", False, True, "l2")

    data, indices, indptr = weigh([0, 1, 2], [0, 2])
    assert list(indptr) == [0, 1, 2] and list(indices) == [0, 2]
    for indptr, indices, name in [([], [], "indptr"), ([1, 2], [0, 1], "indptr"), ([0, 2, 1], [0, 1], "indptr"),
                                  ([0, 1], [0, 1], "indptr"), ([0, 2], [0, 3], "indices"),
                                  ([0, 2], [0, 2**32 + 1], "indices")]:
        with pytest.raises(nf.errors.ParameterError, match=name):
            weigh(indptr, indices)


def test_a_misspelt_term_matrix_option_names_the_dask_function():
    df = dd.from_pandas(pd.DataFrame({"text": ["Le maire de Lyon a parlé.", "The mayor spoke."]}), npartitions=1)
    with pytest.raises(TypeError, match=r"newsfacts\.dask\.term_matrix\(\) got an unexpected keyword argument 'min_dff' \(did you mean 'min_df'\?\)"):
        nfd.term_matrix(df, min_dff=2)
