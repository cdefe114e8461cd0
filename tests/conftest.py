import json
from pathlib import Path

import pytest

import newsfacts as nf

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds():
    return nf.read(SEEDS)


@pytest.fixture(scope="session")
def spec():
    return json.loads((Path(__file__).parent / "data" / "seeds_facts.json").read_text(encoding="utf-8"))["documents"]


@pytest.fixture(scope="session")
def news_en():
    path = Path(__file__).parent / "data" / "news_sample.jsonl"
    return nf.read(path)
