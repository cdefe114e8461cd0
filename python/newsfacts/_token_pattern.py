"""scikit-learn ``token_pattern`` (Python ``re``) translated to Rust's regex syntax, exactly, or not at all.

The two engines differ in what ``\\w``, ``\\d``, ``\\s``, ``\\b`` and case-insensitive matching mean,
and Rust's has no look-around or backreferences. A pattern is translated only when every construct
in it is one whose Rust form finds the same tokens:

* single-character matchers (literals, ``.``, classes, ``\\w \\d \\s \\W \\D \\S``, with the flags in
  force: ``(?i)``, ``(?s)``, ``(?a)``) become explicit classes of code points, and those code points
  are the ones this interpreter's ``re`` matches: each matcher is run over every code point once.
  No Rust class or Rust case folding is involved, so the two cannot disagree;
* sequences, alternations (both engines prefer the leftmost alternative), groups, greedy and lazy
  repetitions of something that cannot match empty, ``\\A``, ``\\Z``, ``^``, and ``$`` with ``(?m)``;
* ``\\b`` only at the start and/or end of a pattern R whose characters are all word characters
  (``\\b\\w+\\b``, ``(?i)\\b[a-z]+\\b``): each of R's matches then lies inside one maximal run of word
  characters, so Python's tokens are, run by run, R's first match anchored where the ``\\b`` are
  (``\\A`` for a leading ``\\b``, ``\\z`` for a trailing one). The Rust analyzer is given the run
  class and the anchored R.

Everything else raises ``Untranslatable`` with the reason, and the caller runs scikit-learn's
analyzer instead: look-around, backreferences, conditionals, atomic groups, possessive repetitions,
``\\B``, ``\\b`` elsewhere, ``$`` without ``(?m)`` (Python's also matches before a final newline),
patterns that can match the empty string (the engines step past empty matches differently), and
capturing groups inside repetitions (which iteration's text is kept is not proven identical).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata

import numpy as np

try:  # Python >= 3.11
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

#: scikit-learn's default pattern; the Rust analyzer scans it by hand with its table of \w.
DEFAULT_PATTERN = r"(?u)\b\w\w+\b"
#: The Unicode version of that table (src/lexicons/python_word_ranges.tsv, generated from CPython).
#: Under another version this interpreter's \w may differ: the default then takes the general path.
WORD_TABLE_UNICODE = "14.0.0"

# Flags that change which characters a one-character matcher accepts (not (?x): the sources built
# below have no whitespace or comments; not (?m): it only moves ^ and $).
_CHAR_FLAGS = re.IGNORECASE | re.DOTALL | re.ASCII | re.UNICODE
_CATEGORIES = {"CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W", "CATEGORY_DIGIT": r"\d",
               "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S"}
_REFUSED = {
    "ASSERT": "it uses look-around, which Rust's regex engine does not have",
    "ASSERT_NOT": "it uses look-around, which Rust's regex engine does not have",
    "GROUPREF": "it uses a backreference, which Rust's regex engine does not have",
    "GROUPREF_EXISTS": "it uses a conditional group, which Rust's regex engine does not have",
    "ATOMIC_GROUP": "it uses an atomic group, which Rust's regex engine does not have",
    "POSSESSIVE_REPEAT": "it uses a possessive repetition, which Rust's regex engine does not have",
}
_SURROGATES = 0xD800


class Untranslatable(ValueError):
    """The pattern has a construct whose Rust translation is not proven to find the same tokens."""


@functools.lru_cache(maxsize=1)
def _every_code_point() -> str:
    """Every code point but the surrogates (which no UTF-8 text holds), in order."""
    codes = np.concatenate([np.arange(_SURROGATES), np.arange(0xE000, 0x110000)]).astype("<u4")
    return codes.tobytes().decode("utf-32-le")


def _code_point(index: int) -> int:
    return index if index < _SURROGATES else index + 0x800


def char_ranges(source: str, flags: int) -> tuple[tuple[int, int], ...]:
    """The code points Python's ``re`` matches with the one-character pattern ``source``, as
    sorted, merged (first, last) ranges without surrogates: asked of ``re`` itself."""
    flags &= _CHAR_FLAGS
    if flags & re.ASCII:  # a scoped (?a:...) inside a str pattern, where re.UNICODE is implied
        flags &= ~re.UNICODE
    return _asked_ranges(source, flags)


@functools.lru_cache(maxsize=512)
def _asked_ranges(source: str, flags: int) -> tuple[tuple[int, int], ...]:
    ranges = []
    # Runs of matches over every code point in order: one run per range, in one C-speed scan.
    for run in re.finditer(f"(?:{source})+", _every_code_point(), flags):
        first, last = run.start(), run.end() - 1
        if first < _SURROGATES <= last:  # a run across the surrogate gap: two ranges
            ranges.append((first, _SURROGATES - 1))
            first = _SURROGATES
        ranges.append((_code_point(first), _code_point(last)))
    return tuple(ranges)


def _merged(ranges) -> tuple[tuple[int, int], ...]:
    """Sorted, overlapping and adjacent ranges joined, surrogates cut out (as ``char_ranges``)."""
    out: list[list[int]] = []
    for first, last in sorted(ranges):
        if out and first <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], last)
        else:
            out.append([first, last])
    cut = []
    for first, last in out:
        if first < _SURROGATES <= last:  # reaches into the gap: the part below it
            cut.append((first, _SURROGATES - 1))
            first = 0xE000
        elif _SURROGATES <= first <= 0xDFFF:
            first = 0xE000
        if first <= last:
            cut.append((first, last))
    return tuple(cut)


def _complement(ranges) -> tuple[tuple[int, int], ...]:
    gaps, next_code = [], 0
    for first, last in _merged(ranges):
        if first > next_code:
            gaps.append((next_code, first - 1))
        next_code = last + 1
    if next_code <= 0x10FFFF:
        gaps.append((next_code, 0x10FFFF))
    return _merged(gaps)


def atom_ranges(name: str, av, flags: int) -> tuple[tuple[int, int], ...]:
    """The code points a one-character matcher accepts. Case-sensitive literals and ranges are
    code points as written (that is how sre compares them); classes \\w \\d \\s and anything under
    (?i) are asked of ``re`` (``char_ranges``)."""
    if flags & re.IGNORECASE:
        return char_ranges(_atom_source(name, av), flags)
    if name == "LITERAL":
        return _merged([(av, av)])
    if name == "NOT_LITERAL":
        return _complement([(av, av)])
    if name == "ANY":
        return _merged([(0, 0x10FFFF)]) if flags & re.DOTALL else _complement([(10, 10)])
    _atom_source(name, av)  # refuses what it cannot write
    ranges, negate = [], False
    for op, arg in av:
        kind = op.name
        if kind == "NEGATE":
            negate = True
        elif kind == "LITERAL":
            ranges.append((arg, arg))
        elif kind == "RANGE":
            ranges.append(arg)
        else:
            ranges += char_ranges(_CATEGORIES[arg.name], flags)
    return _complement(ranges) if negate else _merged(ranges)


def _word_ranges() -> tuple[tuple[int, int], ...]:
    return char_ranges(r"\w", re.UNICODE)


def _subset(ranges, of) -> bool:
    """Whether every code point of ``ranges`` is in ``of`` (both sorted, ``of`` maximal ranges)."""
    starts = [first for first, _ in of]
    for first, last in ranges:
        i = bisect.bisect_right(starts, first) - 1
        if i < 0 or last > of[i][1]:
            return False
    return True


def _rust_class(ranges) -> str:
    if len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
        return f"\\x{{{ranges[0][0]:X}}}"
    parts = (f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges)
    return "[" + "".join(parts) + "]"


def _py_char(code: int) -> str:
    return f"\\U{code:08x}"  # an escape re reads the same inside and outside a class


def _atom_source(name: str, av) -> str:
    """A one-character matcher as Python pattern source, to ask ``re`` what it matches."""
    if name == "LITERAL":
        return _py_char(av)
    if name == "NOT_LITERAL":
        return f"[^{_py_char(av)}]"
    if name == "ANY":
        return "."
    items = []
    for op, arg in av:  # IN: a class
        kind = op.name
        if kind == "NEGATE":
            items.append("^")
        elif kind == "LITERAL":
            items.append(_py_char(arg))
        elif kind == "RANGE":
            items.append(f"{_py_char(arg[0])}-{_py_char(arg[1])}")
        elif kind == "CATEGORY" and arg.name in _CATEGORIES:
            items.append(_CATEGORIES[arg.name])
        else:
            raise Untranslatable(f"its class holds {kind} {arg}, which is not translated")
    return "[" + "".join(items) + "]"


class _Emitter:
    """Walks a parsed pattern, writing its Rust form; notes what the \\b check needs."""

    def __init__(self):
        self.atoms = []  # the code point ranges of each one-character matcher
        self.groups = 0
        self.anchors = 0

    def sequence(self, items, flags: int, in_repeat: bool = False) -> str:
        return "".join(self.node(op.name, av, flags, in_repeat) for op, av in items)

    def node(self, name: str, av, flags: int, in_repeat: bool) -> str:
        if name in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
            return self.atom(name, av, flags)
        if name == "BRANCH":
            return "(?:" + "|".join(self.sequence(branch, flags, in_repeat) for branch in av[1]) + ")"
        if name == "SUBPATTERN":
            return self.group(av, flags, in_repeat)
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            return self.repeat(av, flags, lazy=name == "MIN_REPEAT")
        if name == "AT":
            return self.anchor(av.name, flags)
        raise Untranslatable(_REFUSED.get(name, f"it uses {name}, which is not translated"))

    def atom(self, name: str, av, flags: int) -> str:
        ranges = atom_ranges(name, av, flags)
        if not ranges:
            raise Untranslatable("it has a class that matches no character")
        self.atoms.append(ranges)
        return _rust_class(ranges)

    def group(self, av, flags: int, in_repeat: bool) -> str:
        group, add_flags, del_flags, body = av
        inner = self.sequence(body, (flags | add_flags) & ~del_flags, in_repeat)
        if group is None:
            return f"(?:{inner})"
        if in_repeat:
            raise Untranslatable("it has a capturing group inside a repetition")
        self.groups += 1
        return f"({inner})"

    def repeat(self, av, flags: int, lazy: bool) -> str:
        low, high, body = av
        if body.getwidth()[0] == 0:
            raise Untranslatable("it repeats something that can match the empty string")
        bounds = f"{{{low},}}" if high == _c.MAXREPEAT else f"{{{low},{high}}}"
        return f"(?:{self.sequence(body, flags, in_repeat=True)}){bounds}" + ("?" if lazy else "")

    def anchor(self, at: str, flags: int) -> str:
        self.anchors += 1
        multiline = flags & re.MULTILINE
        if at == "AT_BEGINNING_STRING" or (at == "AT_BEGINNING" and not multiline):
            return r"\A"
        if at == "AT_END_STRING":
            return r"\z"
        if at == "AT_BEGINNING":
            return "(?m:^)"
        if at == "AT_END" and multiline:
            return "(?m:$)"
        if at == "AT_END":
            raise Untranslatable("its $ also matches before a final newline in Python, not in Rust")
        if at == "AT_BOUNDARY":
            raise Untranslatable(r"it has \b other than at the edges of a pattern of word characters")
        raise Untranslatable(rf"it uses {at} (\B), which differs between the engines")


def _is_boundary(item) -> bool:
    op, av = item
    return op.name == "AT" and av.name == "AT_BOUNDARY"


@functools.lru_cache(maxsize=256)
def translate(pattern: str) -> tuple[str, str | None]:
    """(Rust pattern, Rust run pattern or None): the Rust analyzer's arguments for ``pattern``.
    Raises ``Untranslatable`` (a ValueError) with the reason when no exact form is known."""
    if pattern == DEFAULT_PATTERN and unicodedata.unidata_version == WORD_TABLE_UNICODE:
        return DEFAULT_PATTERN, None  # without reading every code point for \w
    parsed = _parser.parse(pattern, 0)
    flags = parsed.state.flags
    if parsed.getwidth()[0] == 0:
        raise Untranslatable("it can match the empty string, and the engines step past empty matches differently")
    items = list(parsed)
    lead = _is_boundary(items[0])
    trail = len(items) > 1 and _is_boundary(items[-1])
    body = items[int(lead):len(items) - int(trail)]
    emitter = _Emitter()
    rust = emitter.sequence(body, flags)
    if not (lead or trail):
        return rust, None
    return _within_word_runs(emitter, body, rust, lead, trail, flags)


def _within_word_runs(emitter: _Emitter, body, rust: str, lead: bool, trail: bool, flags: int):
    """The \\b case: R's first match in each maximal run of word characters, anchored at the \\b."""
    if flags & re.ASCII:
        raise Untranslatable(r"its \b follows ASCII word characters (the (?a) flag)")
    if emitter.groups or emitter.anchors:
        raise Untranslatable(r"it has \b together with a capturing group or another anchor")
    word = _word_ranges()
    if not all(_subset(atom, word) for atom in emitter.atoms):
        raise Untranslatable(r"its \b sits next to characters that are not all word characters")
    if _min_word_run(body, flags) == 2 and unicodedata.unidata_version == WORD_TABLE_UNICODE:
        return DEFAULT_PATTERN, None  # runs of 2+ word characters: the hand scanner
    part = (r"\A" if lead else "") + f"(?:{rust})" + (r"\z" if trail else "")
    return part, _rust_class(word) + "+"


def _min_word_run(body, flags: int) -> int | None:
    """m when ``body`` is \\w{m,} spelt any way (\\w\\w+, [\\w]{2,}, ...), greedy; else None.
    Greedy and unbounded, it takes whole runs, with or without the \\b at either edge."""
    word, low, unbounded = _word_ranges(), 0, False
    for op, av in body:
        count = (1, 1)
        if op.name == "MAX_REPEAT" and len(av[2]) == 1:
            count, (op, av) = av[:2], av[2][0]
        if op.name not in ("IN", "LITERAL") or atom_ranges(op.name, av, flags) != word:
            return None
        low, unbounded = low + count[0], unbounded or count[1] == _c.MAXREPEAT
    return low if unbounded else None
