"""Progress bars for long work: tqdm on stderr, only for a terminal or a notebook, only past
a few thousand articles, and never when asked to be quiet."""

from __future__ import annotations

import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

#: Below this many articles, work is quick enough to need no bar.
THRESHOLD = 2000


def _interactive() -> bool:
    if "ipykernel" in sys.modules:  # a notebook: tqdm.auto draws a widget
        return True
    return hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


def wanted(total: int, enabled: bool | None) -> bool:
    """``enabled``: True forces a bar, False hides it, None shows it for long interactive work."""
    if enabled is None:
        return total >= THRESHOLD and _interactive()
    return bool(enabled)


def progress_bar(items: Iterable[T], description: str, total: int, enabled: bool | None = None) -> Iterator[T]:
    if not wanted(total, enabled):
        return iter(items)
    try:
        from tqdm.auto import tqdm
    except ImportError:  # tqdm is optional: no bar rather than an error
        return iter(items)
    return iter(tqdm(items, desc=description, total=total, unit="article", file=sys.stderr, leave=False))


def chunks(total: int, size: int) -> list[range]:
    return [range(start, min(start + size, total)) for start in range(0, total, size)]
