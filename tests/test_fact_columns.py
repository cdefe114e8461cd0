"""Facts cross from Rust as typed columns (no JSON): values, attributes and texts must come out
as the same Python values whichever way they are read, selected or converted."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

import newsfacts as nf
import newsfacts._columns as columns

# Two subjects ("pour Free mais également Bouygues"), accents, a quote with a speaker, money, a
# duration, a role.
TEXT = ("Orange détient 45 % du marché français, contre 30 % pour Free mais également Bouygues, selon l'Arcep. "
        "« Nous investirons 2 milliards d'euros pendant trois ans », a déclaré Hélène Martin, directrice de Free, mardi. "
        "The union's leader said on Monday that Acme Corp. would cut about 1,200 jobs.")


@pytest.fixture(scope="module")
def facts():
    return nf.extract(TEXT, lang="fr", date="2024-03-15")


def test_values_and_attributes_keep_their_types(facts):
    records = facts.records()
    share, other = [r for r in records if r["kind"] == "quantity"][:2]
    assert share["value"] == 45.0 and isinstance(share["value"], float) and share["attrs"]["subject"] == "Orange"
    assert other["attrs"]["subject"] == ["Free", "Bouygues"]  # two subjects: a list
    quote = next(r for r in records if r["kind"] == "quote" and r["attrs"]["mode"] == "direct")
    assert quote["attrs"]["speaker"] == "Hélène Martin" and quote["attrs"]["anonymous"] is False
    start, end = quote["attrs"]["speaker_start"], quote["attrs"]["speaker_end"]
    assert isinstance(start, int) and TEXT[start:end] == "Hélène Martin"  # code points, past the accents
    assert all(TEXT[r["start"]:r["end"]] == r["text"] for r in records)
    assert list(records[0]) == list(nf.facts.FIELDS)


def test_any_selection_reads_as_the_same_records(facts):
    records = facts.records()
    rng = np.random.default_rng(5)
    for _ in range(20):
        keep = rng.random(len(facts)) < 0.5
        assert facts._select(keep).records() == [r for r, k in zip(records, keep) if k]
    assert facts.kinds("quantity", "quote").records() == [r for r in records if r["kind"] in ("quantity", "quote")]


def test_tables_pickle_and_columns_read_alone(facts):
    again = pickle.loads(pickle.dumps(facts))
    assert again.records() == facts.records()
    assert facts.column("attrs") == [r["attrs"] for r in facts.records()]
    assert facts.column("start").dtype == np.int64
    with pytest.raises(nf.ParameterError):
        facts.column("confidence")


def test_to_pandas_is_the_same_with_and_without_arrow(facts, monkeypatch):
    frame = facts.to_pandas()
    monkeypatch.setattr(nf.facts, "arrow_strings", lambda: False)
    plain = facts.to_pandas()
    pd.testing.assert_frame_equal(frame, plain)
    assert frame["attrs"].tolist() == [r["attrs"] for r in facts.records()]
    assert frame["value"].dtype == object and frame["text"].tolist() == facts.column("text")


def test_texts_cut_multibyte_rows_at_code_points():
    rows = ["", "é", "ab", "日本語", "x\u2028y", "😀z"]
    data = np.frombuffer("".join(rows).encode(), dtype=np.uint8)
    offsets = np.cumsum([0] + [len(r.encode()) for r in rows])
    texts = columns.Texts(data, offsets)
    assert texts.to_list() == rows
    assert texts.take(np.array([5, 0, 3])).to_list() == ["😀z", "", "日本語"]


def _conforms(value, hint) -> bool:
    """Whether ``value`` is of the typing ``hint`` (str, int, bool, float, None, Optional,
    Union, list[str], Literal)."""
    import typing

    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is type(None):
        return value is None
    if origin is typing.Union:
        return any(_conforms(value, a) for a in args)
    if origin is typing.Literal:
        return value in args
    if origin is list:
        return isinstance(value, list) and all(_conforms(v, args[0]) for v in value)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, float)
    return isinstance(value, hint)


def test_every_record_of_real_news_fits_its_kinds_schema(news_en, seeds):
    import typing

    from newsfacts.schema import ATTRS, FactRecord

    record_hints = typing.get_type_hints(FactRecord)
    seen = set()
    for corpus in (news_en, seeds):
        for record in corpus.facts(include_boilerplate=True):
            assert list(record) == list(record_hints)
            for field, hint in record_hints.items():
                if field != "attrs":
                    assert _conforms(record[field], hint), (field, record)
            schema = ATTRS[record["kind"]]
            hints = typing.get_type_hints(schema)
            assert schema.__required_keys__ <= set(record["attrs"]) <= set(hints), record
            for key, value in record["attrs"].items():
                assert _conforms(value, hints[key]), (key, record)
            seen.add(record["kind"])
    assert len(seen) >= 9  # the test read most kinds, not a few
