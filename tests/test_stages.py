"""Choosing kinds runs only the extractors they need, and finds the same facts of those kinds."""

import json
import subprocess
import sys

import pytest

import newsfacts as nf
from newsfacts.facts import KINDS


@pytest.fixture(scope="module")
def everything(news_en):
    return news_en.facts().records()


@pytest.mark.parametrize("kind", KINDS)
def test_one_kind_alone_is_what_all_kinds_give_of_it(news_en, everything, kind):
    alone = news_en.facts(kinds=[kind]).records()
    assert alone == [f for f in everything if f["kind"] == kind]


def test_a_pair_of_kinds_and_one_text(news_en, everything):
    pair = news_en.facts(kinds=("date", "quote")).records()
    assert pair == [f for f in everything if f["kind"] in ("date", "quote")]
    text = news_en[3].text
    assert nf.extract(text, kinds=["person"]).records() == nf.extract(text).kinds("person").records()


def test_unknown_kinds_are_named():
    with pytest.raises(nf.ParameterError, match="unknown fact kind"):
        nf.extract("A text.", kinds=["people"])
    with pytest.raises(nf.ParameterError):
        nf.extract("A text.", kinds="date")


def test_the_command_line_takes_kinds(tmp_path):
    from conftest import SEEDS

    out = tmp_path / "dates.jsonl"
    done = subprocess.run([sys.executable, "-m", "newsfacts", "facts", str(SEEDS), "-o", str(out), "--kinds", "date,duration", "-q"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = nf.read(SEEDS).facts().kinds("date", "duration").records()
    assert written == expected and written
