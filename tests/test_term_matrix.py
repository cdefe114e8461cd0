"""Corpus.term_matrix: the news analyzer, pruning, weighting, co-occurrence."""

import inspect

import numpy as np
import pytest
import scipy.sparse as sp

import newsfacts as nf


def test_counts_match_the_news_tokens(seeds):
    tm = seeds.term_matrix(stop_words=None, numbers="keep")
    assert isinstance(tm.matrix, sp.csr_matrix) and tm.matrix.dtype == np.int64
    assert list(tm.doc_ids) == seeds.ids and list(tm.terms) == sorted(tm.terms)
    doc = seeds["001_28b3dad1addf0cd4"]
    words = [f for f, k in zip(doc.tokens().forms(), doc.tokens().kinds) if k not in ("punct", "symbol", "clitic", "elision")]
    row = tm.matrix.getrow(1)
    assert row.sum() == len(words)
    assert tm.matrix[1, tm.vocabulary["huawei"]] == sum(1 for w in words if w == "huawei")
    assert "xiaomi" not in tm.vocabulary  # boilerplate of 003 left out
    assert "xiaomi" in seeds.term_matrix(include_boilerplate=True).vocabulary


def test_french_elisions_and_stop_words_per_language(seeds):
    tm = seeds.term_matrix()
    for term in ("l'", "d'", "le", "the", "of", "’s", "'s"):
        assert term not in tm.vocabulary
    assert {"entreprise", "huawei", "cloud", "marché"} <= set(tm.vocabulary)
    assert "40%" in tm.vocabulary and tm.document_frequency[tm.vocabulary["40%"]] == 2  # "40%" and "40 %" are one term


def test_ngrams_stay_inside_sentences():
    corpus = nf.read(["Alpha beta. Gamma delta."], lang="en")
    tm = corpus.term_matrix(ngram_range=(2, 2), stop_words=None)
    assert list(tm.terms) == ["alpha beta", "gamma delta"]


def test_pruning_weighting_and_options(seeds):
    counts = seeds.term_matrix()
    pruned = seeds.term_matrix(min_df=2, max_df=0.8)
    df = pruned.document_frequency
    assert (df >= 2).all() and (df <= 4).all() and pruned.shape[1] < counts.shape[1]
    top = seeds.term_matrix(max_features=5)
    assert top.shape[1] == 5 and "huawei" in top.vocabulary
    tfidf = seeds.term_matrix(weighting="tfidf")
    norms = np.sqrt(np.asarray(tfidf.matrix.multiply(tfidf.matrix).sum(axis=1)).ravel())
    assert np.allclose(norms, 1.0)
    n = len(seeds)
    column = tfidf.vocabulary["alibaba"]
    dfa = counts.document_frequency[counts.vocabulary["alibaba"]]
    raw = counts.matrix.toarray().astype(float)
    expected = raw[:, counts.vocabulary["alibaba"]] * (np.log((n + 1) / (dfa + 1)) + 1)
    expected /= np.sqrt(((raw * (np.log((n + 1) / (counts.document_frequency + 1)) + 1)) ** 2).sum(axis=1))
    assert np.allclose(tfidf.matrix.toarray()[:, column], expected)
    tf = seeds.term_matrix(weighting="tf")
    assert np.allclose(np.asarray(tf.matrix.sum(axis=1)).ravel(), 1.0)
    bm25 = seeds.term_matrix(weighting="bm25", norm=None)
    assert (bm25.matrix.data > 0).all()
    binary = seeds.term_matrix(binary=True, dtype=np.float32)
    assert binary.matrix.dtype == np.float32 and set(binary.matrix.data.tolist()) == {1.0}
    stemmed = seeds.term_matrix(stem=True, fold_accents=True)
    assert "entrepris" in stemmed.vocabulary and "march" in stemmed.vocabulary and "marché" not in stemmed.vocabulary
    placeholder = seeds.term_matrix(numbers="placeholder")
    assert "<pct>" in placeholder.vocabulary and "40%" not in placeholder.vocabulary
    assert "2021" not in seeds.term_matrix(numbers="drop").vocabulary


def test_fixed_vocabulary_and_outputs(seeds):
    tm = seeds.term_matrix(vocabulary=["huawei", "cloud", "absent"])
    assert list(tm.terms) == ["huawei", "cloud", "absent"] and tm.matrix[:, 2].nnz == 0
    frame = tm.to_pandas()
    assert list(frame.columns) == ["huawei", "cloud", "absent"] and frame.loc["000_c6fa68117381cad0", "huawei"] > 5
    assert tm.top_terms(doc="000_c6fa68117381cad0", n=1)[0][0] == "huawei"
    assert tm.toarray().shape == (5, 3)
    assert "<table" in tm._repr_html_()


def test_cooccurrence(seeds):
    tm = seeds.term_matrix()
    co = tm.cooccurrence()
    h, c = tm.vocabulary["huawei"], tm.vocabulary["cloud"]
    assert co[h, c] == co[c, h] > 0 and co[h, h] >= co[h, c]
    near = tm.cooccurrence(window=2)
    assert (near != near.T).nnz == 0 and near[h, c] <= co[h, c] * 10
    with pytest.raises(nf.ParameterError):
        tm.cooccurrence(window=0)


def test_bad_parameters(seeds):
    for options in ({"weighting": "idf"}, {"min_df": 3, "max_df": 2}, {"ngram_range": (2, 1)}, {"numbers": "x"},
                    {"stop_words": "german"}, {"min_df": 1.5}, {"max_features": 0}, {"norm": "l3"}):
        with pytest.raises(nf.ParameterError):
            seeds.term_matrix(**options)


def test_a_misspelt_option_is_a_type_error_naming_term_matrix(seeds):
    with pytest.raises(TypeError, match="ngram_rnage") as caught:
        seeds.term_matrix(ngram_rnage=(1, 2))
    assert "term_matrix" in str(caught.value) and "MatrixPlan" not in str(caught.value)


def _options(function) -> dict[str, tuple[object, object]]:
    return {p.name: (p.default, p.kind) for p in inspect.signature(function).parameters.values()
            if p.name not in ("self", "n_jobs")}


def test_term_matrix_lists_the_options_of_matrix_plan_with_their_defaults():
    from newsfacts.matrix import MatrixPlan

    written = _options(nf.Corpus.term_matrix)
    assert written == _options(MatrixPlan.__init__)
    assert {kind for _, kind in written.values()} == {inspect.Parameter.KEYWORD_ONLY}
    assert "n_jobs" in inspect.signature(nf.Corpus.term_matrix).parameters


def test_term_matrix_passes_every_option_on_under_its_own_name(seeds, monkeypatch):
    import newsfacts.matrix

    received = {}
    monkeypatch.setattr(newsfacts.matrix, "term_matrix", lambda corpus, **options: received.update(options))
    given = {name: object() for name in inspect.signature(nf.Corpus.term_matrix).parameters if name != "self"}
    seeds.term_matrix(**given)
    assert received == given


def test_same_matrix_whatever_the_thread_count(news_en):
    one = news_en.term_matrix(ngram_range=(1, 2), weighting="tfidf", n_jobs=1)
    two = news_en.term_matrix(ngram_range=(1, 2), weighting="tfidf", n_jobs=2)
    assert list(one.terms) == list(two.terms)
    for a, b in ((one.matrix.data, two.matrix.data), (one.matrix.indices, two.matrix.indices), (one.matrix.indptr, two.matrix.indptr)):
        assert np.array_equal(a, b)


def test_empty_corpus_gives_an_empty_matrix():
    tm = nf.read(["", "   "]).term_matrix()
    assert tm.shape == (2, 0)


def test_entity_matrix_counts_canonical_entities(seeds):
    em = seeds.entity_matrix()
    facts = seeds.facts().kinds("person", "organization", "place").records()
    assert em.matrix.sum() == len(facts)
    huawei = em.vocabulary["organization:Huawei"]
    assert em.document_frequency[huawei] == 5 and em.matrix[0, huawei] == sum(
        1 for f in facts if f["doc"] == seeds.ids[0] and f["value"] == "Huawei")
    assert (em.matrix[:, em.vocabulary["place:United States"]] > 0).sum() >= 3  # États-Unis, US, USA → one place
    places = seeds.entity_matrix(kinds=("place",), binary=True)
    assert all(term.startswith("place:") for term in places.terms) and set(places.matrix.data.tolist()) == {1}
    with pytest.raises(nf.ParameterError):
        seeds.entity_matrix(kinds=())


def _two_articles_one_id():
    """Two real articles (different people, firms, places) under one id, as a DataFrame."""
    import json

    import pandas as pd

    from conftest import ROOT

    lines = (ROOT / "tests" / "data" / "news_sample.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines[:2]]
    return pd.DataFrame({"text": texts, "id": ["a", "a"]}), texts


def test_entity_matrix_rows_follow_documents_when_ids_repeat():
    frame, texts = _two_articles_one_id()
    repeated = nf.read(frame, id="id").entity_matrix()
    distinct = nf.read(texts).entity_matrix()  # ids "0", "1"
    assert list(repeated.doc_ids) == ["a", "a"] and list(repeated.terms) == list(distinct.terms)
    assert (repeated.matrix != distinct.matrix).nnz == 0
    first, second = repeated.matrix.toarray()
    assert first.sum() > 0 and second.sum() > 0 and (first != second).any()


def test_facts_carry_their_document_position_when_ids_repeat():
    frame, texts = _two_articles_one_id()
    corpus = nf.read(frame, id="id")
    facts = corpus.facts()
    assert set(facts.doc_index.tolist()) == {0, 1} and {f["doc"] for f in facts} == {"a"}
    for fact, position in zip(facts, facts.doc_index.tolist()):
        assert texts[position][fact["start"]:fact["end"]] == fact["text"]
    assert len(facts.kinds("person").doc_index) == len(facts.kinds("person"))
    # A document's own facts keep its position too (what its highlighting draws from).
    assert set(corpus[1].facts().doc_index.tolist()) == {1}


def test_entity_matrix_checks_kinds_before_extracting(seeds, monkeypatch):
    import newsfacts.facts

    def no_extraction(*args, **kwargs):
        raise AssertionError("facts extracted before kinds were checked")

    monkeypatch.setattr(newsfacts.facts._core, "corpus_facts", no_extraction)
    for bad in (("persn",), "person", (), ("person", 3), None):
        with pytest.raises(nf.ParameterError):
            seeds.entity_matrix(kinds=bad)


def test_entity_matrix_of_some_kinds_equals_the_filtered_facts(news_en):
    em = news_en.entity_matrix(kinds=("organization", "place"))
    facts = news_en.facts().kinds("organization", "place").records()
    positions = {doc_id: i for i, doc_id in enumerate(news_en.ids)}  # ids are unique here
    expected = np.zeros(em.shape, dtype=np.int64)
    for f in facts:
        expected[positions[f["doc"]], em.vocabulary[f"{f['kind']}:{f['value']}"]] += 1
    assert em.shape[1] > 50 and np.array_equal(em.toarray(), expected)
