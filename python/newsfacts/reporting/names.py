"""What the report's parts share about names: the entity kinds it lists, and the folded form
under which names from different articles meet."""

from __future__ import annotations

import unicodedata

#: The fact kinds the report lists as entities.
ENTITY_KINDS = ("person", "organization", "place")


def fold(text: str) -> str:
    """Lowercase without accents: the key under which names from different articles meet.

    >>> fold("  Élysée ")
    'elysee'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()
