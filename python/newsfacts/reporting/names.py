"""What the report's parts share about names: the entity kinds it lists, and the folded form
under which names from different articles meet (the one :mod:`newsfacts.entities` uses).

>>> fold("  Élysée ")
'elysee'
"""

from __future__ import annotations

from ..entities import ENTITY_KINDS, fold

__all__ = ["ENTITY_KINDS", "fold"]
