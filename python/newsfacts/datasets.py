"""Bundled sample articles."""

from __future__ import annotations

from pathlib import Path

from .corpus import Corpus, read

SEEDS_DIR = Path(__file__).resolve().parent / "data" / "seeds"


def seeds() -> Corpus:
    """The five sample articles on Huawei's turn to cloud computing (two French, three English).

    >>> import newsfacts as nf
    >>> [d.lang for d in nf.datasets.seeds()]
    ['fr', 'en', 'fr', 'en', 'en']
    """
    return read(SEEDS_DIR)
