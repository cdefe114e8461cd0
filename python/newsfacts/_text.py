"""Python strings the Rust core can take.

A lone surrogate (``"\\ud800"``, left by badly decoded scrapes and ``surrogateescape``) is a
valid Python ``str`` but no Unicode scalar value, so it cannot cross into Rust as UTF-8. One
surrogate becomes one U+FFFD: a code point for a code point, so offsets into the caller's string
stay right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import filterfalse

_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate_at(text: str) -> int | None:
    """Where the first lone surrogate of ``text`` is, if it has one (ASCII text is checked in O(1))."""
    if text.isascii():
        return None
    found = _SURROGATE.search(text)
    return found.start() if found else None


def any_lone_surrogate(texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` has a lone surrogate; ASCII texts are skipped in a C loop.

    >>> any_lone_surrogate(["abc", "été"]), any_lone_surrogate(["abc", "x \\ud800"])
    (False, True)
    """
    return any(_SURROGATE.search(text) for text in filterfalse(str.isascii, texts))


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (the same length in code points).

    >>> without_surrogates("abc \\ud800 def") == "abc \\ufffd def"
    True
    """
    if lone_surrogate_at(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)
