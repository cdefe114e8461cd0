"""The entities of a corpus: people, organisations and places joined across articles.

Within an article a fact's ``value`` is already the article's name for the entity ("Blair"
after "Tony Blair"). Across the corpus, the core (``src/resolve.rs``) joins a lone surname, a
lone given name or an initial ("Lindqvist", "A. Lindqvist") to the one full name of the corpus
that holds it, names that differ only in case or accents, and an acronym to the one expansion
the articles define for it. A short name that could stand for two full names stays apart, and a
name is never joined to a longer one that merely contains it ("Normandy" ≠ "Lower Normandy").
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core, _optional
from ._display import table

if TYPE_CHECKING:
    from .corpus import Corpus
    from .facts import FactTable

#: The fact kinds that are entities.
ENTITY_KINDS = ("person", "organization", "place")
#: Entity ids are int64; this one means "no entity".
NO_ENTITY = -1


def fold(text: str) -> str:
    """Lowercase without accents, one kind of apostrophe, single spaces: how names compare.

    >>> fold("  Élysée  Palace ")
    'elysee palace'
    """
    decomposed = unicodedata.normalize("NFD", text.lower().replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


class EntityTable:
    """One row per entity: ``id`` (its index), ``kind``, ``name`` (the full name most written),
    ``variants`` (every name it was given, most written first), ``mentions`` and ``documents``.

    ``facts`` is the :class:`~newsfacts.facts.FactTable` it was resolved from, and
    ``fact_entity`` the entity id of each of its facts: people, organisations and places, and
    quotes by their speaker (``-1`` where none).

    >>> import newsfacts as nf
    >>> corpus = nf.read({"a": "Ana Lindqvist, the mayor of Lyon, spoke on Monday.",
    ...                   "b": "Lindqvist said the tram would open in May."}, lang="en")
    >>> entities = corpus.entities()
    >>> entities[0]
    {'id': 0, 'kind': 'person', 'name': 'Ana Lindqvist', 'variants': ['Ana Lindqvist'], 'mentions': 1, 'documents': 1}
    >>> [(f["doc"], f["kind"], entities.name[e]) for f, e in zip(entities.facts, entities.fact_entity) if e >= 0]
    [('a', 'person', 'Ana Lindqvist'), ('a', 'place', 'Lyon'), ('b', 'quote', 'Ana Lindqvist')]
    """

    def __init__(self, columns: dict[str, Any], facts: FactTable, fact_entity: np.ndarray) -> None:
        self.kind: list[str] = list(columns["kind"])
        self.name: list[str] = list(columns["name"])
        self.variants: list[list[str]] = [list(v) for v in columns["variants"]]
        self.mentions = np.asarray(columns["mentions"], dtype=np.int64)
        self.documents = np.asarray(columns["documents"], dtype=np.int64)
        self.facts = facts
        self.fact_entity = fact_entity

    def __len__(self) -> int:
        return len(self.name)

    def records(self) -> list[dict[str, Any]]:
        return [{"id": i, "kind": k, "name": n, "variants": list(v), "mentions": int(m), "documents": int(d)}
                for i, (k, n, v, m, d) in enumerate(zip(self.kind, self.name, self.variants, self.mentions,
                                                        self.documents))]

    def __getitem__(self, i: int) -> dict[str, Any]:
        return self.records()[i]

    def to_pandas(self):
        pd = _optional.pandas("EntityTable.to_pandas()")

        frame = pd.DataFrame(self.records(), columns=["id", "kind", "name", "variants", "mentions", "documents"])
        return frame.astype({"id": "int64", "mentions": "int64", "documents": "int64", "variants": object})

    def __repr__(self) -> str:
        counts = {k: self.kind.count(k) for k in ENTITY_KINDS if k in self.kind}
        return f"<EntityTable: {len(self)} entities ({', '.join(f'{n} {k}' for k, n in counts.items()) or 'none'})>"

    def _repr_html_(self) -> str:
        rows = [(r["id"], r["kind"], r["name"], ", ".join(r["variants"][:6]), r["mentions"], r["documents"])
                for r in self.records()[:200]]
        return table(["id", "kind", "name", "variants", "mentions", "documents"], rows, caption=repr(self))


def _speaker_entities(facts: FactTable, kinds: list[str], attrs: list[dict[str, Any]],
                      fact_entity: np.ndarray) -> tuple[list[int], list[str], dict[int, int]]:
    """The quotes with a named speaker (rows, names), and those whose speaker is an entity of
    the same document written the same way (row → entity): the core resolves the others."""
    doc_index = facts.doc_index.tolist()
    values = facts.column("value")
    in_document = {(doc_index[row], fold(values[row])): int(fact_entity[row])
                   for row in np.flatnonzero(fact_entity >= 0).tolist()}
    rows, names, found = [], [], {}
    for row, kind in enumerate(kinds):
        speaker = attrs[row].get("speaker") if kind == "quote" else None
        if not speaker or attrs[row].get("anonymous"):
            continue
        same = in_document.get((doc_index[row], fold(speaker)))
        if same is not None:
            found[row] = same
        rows.append(row)
        names.append(speaker)
    return rows, names, found


def corpus_entities(corpus: Corpus, facts: FactTable | None = None, n_jobs: int | None = None,
                    progress: bool | None = None) -> EntityTable:
    """The entities of ``corpus`` (see :class:`EntityTable`), from ``facts`` when given (a
    table of all its facts, or at least of its people, organisations, places, acronyms and
    quotes)."""
    if facts is None:
        facts = corpus.facts(kinds=(*ENTITY_KINDS, "acronym", "quote"), n_jobs=n_jobs, progress=progress)
    kinds = facts.column("kind")
    rows = np.flatnonzero(np.isin(np.asarray(kinds, dtype=object), ENTITY_KINDS))
    values = facts.column("value")
    attrs = facts.column("attrs")
    acronyms = [(a["short"], a["long"]) for k, a in zip(kinds, attrs) if k == "acronym"]
    fact_entity = np.full(len(facts), NO_ENTITY, dtype=np.int64)
    # Same-document speakers first need the entities' rows: a first pass marks them by row.
    fact_entity[rows] = np.arange(len(rows))
    speaker_rows, speakers, same_document = _speaker_entities(facts, kinds, attrs, fact_entity)
    resolved = _core.resolve_entities([kinds[r] for r in rows.tolist()], [values[r] for r in rows.tolist()], acronyms,
                                      speakers)
    entity_of = np.asarray(resolved["entity_of"], dtype=np.int64)
    fact_entity[rows] = entity_of
    for row, by_name in zip(speaker_rows, np.asarray(resolved["speaker_entity"]).tolist()):
        fact_entity[row] = entity_of[same_document[row]] if row in same_document else by_name
    n_entities = len(resolved["name"])
    pairs = np.unique(np.stack([entity_of, facts.doc_index[rows]]), axis=1) if len(rows) else np.zeros((2, 0), np.int64)
    documents = np.bincount(pairs[0], minlength=n_entities) if n_entities else np.zeros(0, np.int64)
    return EntityTable({**resolved, "documents": documents}, facts, fact_entity)
