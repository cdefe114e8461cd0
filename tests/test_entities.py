"""Entities joined across articles: one per real-world name when the corpus leaves no doubt."""

from __future__ import annotations

import numpy as np

import newsfacts as nf
from newsfacts.entities import fold

ARTICLES = {
    "a": "Marta Olsen, the mayor of Bergen, opened the new bridge on Monday. Olsen thanked the engineers.",
    "b": "Olsen said the tolls would end in June, according to the Northern Water Authority (NWA).",
    "c": "The NWA raised its prices. Erik Strand and Hanna Strand run the ferry company in Lower Normandy.",
    "d": "Strand said the ferries were full. Normandy had a dry summer, Mme Olsen noted.",
}


def _entities(corpus):
    entities = corpus.entities()
    return entities, {name: i for i, name in enumerate(entities.name)}


def test_short_names_join_the_one_full_name_and_ambiguous_ones_stay_apart():
    entities, ids = _entities(nf.read(ARTICLES, lang="en"))
    records = {r["name"]: r for r in entities.records()}
    olsen = records["Marta Olsen"]
    assert olsen["kind"] == "person" and olsen["documents"] >= 1
    speakers = [(f["doc"], f["attrs"]["speaker"], entities.name[e] if e >= 0 else None)
                for f, e in zip(entities.facts, entities.fact_entity) if f["kind"] == "quote"]
    # "Olsen said" in another article is Marta Olsen's; "Strand said" could be either Strand.
    assert ("b", "Olsen", "Marta Olsen") in speakers
    # "Mme Olsen said": the speaker is the person the entity stage found, without the title.
    assert ("d", "Olsen", "Marta Olsen") in speakers
    assert all(entity is None for doc, speaker, entity in speakers if speaker == "Strand")
    # Never joined to a longer name that merely holds it.
    if "Normandy" in records and "Lower Normandy" in records:
        assert ids["Normandy"] != ids["Lower Normandy"]


def test_an_acronym_joins_the_expansion_the_corpus_defines():
    entities, ids = _entities(nf.read(ARTICLES, lang="en"))
    nwa = [e for e in entities.records() if "NWA" in e["variants"]]
    assert nwa and nwa[0]["name"] == "Northern Water Authority"


def test_ids_are_the_same_at_any_thread_count_and_article_order():
    forward = nf.read(ARTICLES, lang="en").entities(n_jobs=1)
    backward = nf.read(dict(reversed(list(ARTICLES.items()))), lang="en").entities(n_jobs=2)
    assert forward.records() == backward.records()


def test_entities_of_real_news_are_consistent(news_en):
    entities = news_en.entities()
    facts = entities.facts
    kinds = facts.column("kind")
    for row in np.flatnonzero(entities.fact_entity >= 0).tolist():
        entity = entities.fact_entity[row]
        if kinds[row] != "quote":
            assert kinds[row] == entities.kind[entity]
            assert facts.column("value")[row] in entities.variants[entity]
    mentions = np.bincount(entities.fact_entity[entities.fact_entity >= 0], minlength=len(entities))
    entity_rows = np.isin(np.asarray(kinds, dtype=object), ("person", "organization", "place"))
    assert int(mentions.sum()) >= int(entity_rows.sum())
    # No two entities of a kind share a way of writing their name.
    seen = {}
    for i, (kind, variants) in enumerate(zip(entities.kind, entities.variants)):
        for variant in variants:
            assert seen.setdefault((kind, fold(variant)), i) == i
    assert entities.to_pandas()["mentions"].sum() == int(entity_rows.sum())
