"""Fact columns as they come from Rust, without one Python object per row until asked for.

``Names``: a code per row and each name once (kinds, segments, rules). ``Texts``: UTF-8 rows in
one buffer and where each starts (Arrow's string layout). ``Cells``: a column whose rows differ
in type (a fact's value, one attribute): a state code per row beside texts and numbers.
``CellTable``: the attribute columns of facts of several kinds, each row holding its kind's.
Everything is numpy arrays: tables pickle, select and concatenate without Python loops.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Iterator

import numpy as np

#: Row states of a Cells column (src/python/columns.rs `State`).
ABSENT, NULL, TEXT, INT, FLOAT, FALSE, TRUE, TEXTS = range(8)


def _gather(data: np.ndarray, offsets: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The bytes and offsets of the rows at ``rows`` (in that order) of a row buffer."""
    rows = np.asarray(rows, dtype=np.int64)
    starts, ends = offsets[rows], offsets[rows + 1]
    lengths = ends - starts
    new_offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=new_offsets[1:])
    # Byte k of the result comes from starts[row of k] + (k - where that row starts here).
    gather = np.repeat(starts - new_offsets[:-1], lengths) + np.arange(new_offsets[-1], dtype=np.int64)
    return data[gather], new_offsets


def arrow_strings() -> bool:
    """Whether pandas stores ``str`` columns in Arrow (pandas 3 with pyarrow): string columns are
    then handed over as Arrow arrays built on the Rust buffers, never as Python objects."""
    try:
        import pandas as pd
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    dtype = pd.Series(["a"]).astype(str).dtype
    return getattr(dtype, "storage", None) == "pyarrow"


class Names:
    """Names drawn from a few: ``codes`` (uint16, a row each) index ``names``."""

    def __init__(self, codes: np.ndarray, names: list[str]) -> None:
        self.codes, self.names = np.asarray(codes), list(names)

    @classmethod
    def from_dict(cls, column: dict[str, Any]) -> Names:
        return cls(column["codes"], column["names"])

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_list())

    def to_list(self) -> list[str]:
        if not self.names:
            return []
        return np.array(self.names, dtype=object)[self.codes].tolist()

    def to_arrow(self) -> Any:
        import pyarrow as pa

        names = pa.array(self.names or [""], type=pa.string())
        return pa.DictionaryArray.from_arrays(pa.array(self.codes.astype(np.int32)), names).cast(pa.string())

    def take(self, rows: np.ndarray) -> Names:
        return Names(self.codes[rows], self.names)

    def isin(self, wanted: tuple[str, ...]) -> np.ndarray:
        """A boolean mask of the rows whose name is one of ``wanted``."""
        return np.isin(self.codes, [code for code, name in enumerate(self.names) if name in wanted])

    def counts(self) -> dict[str, int]:
        found = np.bincount(self.codes.astype(np.int64), minlength=len(self.names))
        return {name: int(n) for name, n in zip(self.names, found) if n}


class Texts:
    """Text rows: ``data`` (uint8) holds their UTF-8 back to back, ``offsets`` (int64, one more
    than the rows) say where each starts."""

    def __init__(self, data: np.ndarray, offsets: np.ndarray) -> None:
        self.data, self.offsets = np.asarray(data, dtype=np.uint8), np.asarray(offsets, dtype=np.int64)

    @classmethod
    def from_dict(cls, column: dict[str, Any]) -> Texts:
        return cls(column["bytes"], column["offsets"])

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def to_list(self) -> list[str]:
        """Every row as a str (the buffer is decoded once, then cut: no per-row decoding)."""
        if len(self) == 0:
            return []
        buffer = self.data.tobytes()
        if buffer.isascii():
            text, bounds = buffer.decode("ascii"), self.offsets.tolist()
        else:
            # Code point offsets from byte offsets: count the bytes that start a code point.
            text = buffer.decode("utf-8")
            starts = np.concatenate(([0], np.cumsum((self.data & 0xC0) != 0x80)))
            bounds = starts[self.offsets].tolist()
        return [text[a:b] for a, b in zip(bounds, bounds[1:])]

    def to_arrow(self) -> Any:
        import pyarrow as pa

        return pa.LargeStringArray.from_buffers(len(self), pa.py_buffer(self.offsets), pa.py_buffer(self.data))

    def take(self, rows: np.ndarray) -> Texts:
        return Texts(*_gather(self.data, self.offsets, rows))


class Cells:
    """A column whose rows differ in type: ``state`` (uint8) says what each row holds (absent,
    null, text, int, float, false, true, list of texts); the rows that have content have it,
    in row order, in ``texts``, ``numbers`` (float64), ``ints`` (int64) or ``items`` (with
    ``item_counts``, one per list row)."""

    def __init__(self, state: np.ndarray, texts: Texts, numbers: np.ndarray, ints: np.ndarray,
                 item_counts: np.ndarray, items: Texts) -> None:
        self.state, self.texts, self.items = np.asarray(state, dtype=np.uint8), texts, items
        self.numbers, self.ints = np.asarray(numbers, dtype=np.float64), np.asarray(ints, dtype=np.int64)
        self.item_counts = np.asarray(item_counts, dtype=np.int64)

    @classmethod
    def from_dict(cls, column: dict[str, Any]) -> Cells:
        return cls(column["state"], Texts.from_dict(column["texts"]), column["numbers"], column["ints"],
                   column["item_counts"], Texts.from_dict(column["items"]))

    def __len__(self) -> int:
        return len(self.state)

    def _lists(self) -> list[list[str]]:
        items = self.items.to_list()
        ends = np.cumsum(self.item_counts).tolist()
        return [items[end - n:end] for end, n in zip(ends, self.item_counts.tolist())]

    def values(self) -> np.ndarray:
        """Every row's Python value in an object array (None where null or absent)."""
        out = np.full(len(self), None, dtype=object)
        state = self.state
        for code, content in ((INT, self.ints), (FLOAT, self.numbers), (TEXT, self.texts), (TEXTS, None)):
            if len(content if content is not None else self.item_counts):
                rows = np.flatnonzero(state == code)
                values = self._lists() if code == TEXTS else content.to_list() if code == TEXT else content.tolist()
                if code == TEXTS:
                    for row, value in zip(rows.tolist(), values):
                        out[row] = value  # one by one: numpy would read a list of lists as a 2-D array
                else:
                    out[rows] = values
        out[state == FALSE] = False
        out[state == TRUE] = True
        return out

    def take(self, rows: np.ndarray) -> Cells:
        rows = np.asarray(rows, dtype=np.int64)
        state = self.state[rows]

        def positions(code: int) -> np.ndarray:
            """Where the content of the picked rows holding ``code`` sits in its array."""
            index = np.cumsum(self.state == code) - 1
            return index[rows[state == code]]

        lists = positions(TEXTS)
        ends = np.cumsum(self.item_counts)
        counts = self.item_counts[lists]
        item_rows = (np.repeat(ends[lists] - counts, counts) + np.arange(counts.sum(), dtype=np.int64)
                     - np.repeat(np.cumsum(counts) - counts, counts))
        return Cells(state, self.texts.take(positions(TEXT)), self.numbers[positions(FLOAT)],
                     self.ints[positions(INT)], counts, self.items.take(item_rows))


@functools.lru_cache(maxsize=None)
def _dict_maker(keys: tuple[str, ...]) -> Callable[[list[list[Any]]], list[dict[str, Any]]]:
    """A function making one dict per row of ``cols`` (a list per key), with these keys: a
    dict display with the keys written in, made once per key set, builds dicts twice as fast
    as ``dict(zip(keys, row))``. Keys are attribute names from the core (identifiers)."""
    if not all(key.isidentifier() for key in keys):
        return lambda cols: [dict(zip(keys, row)) for row in zip(*cols)]
    names = [f"v{i}" for i in range(len(keys))]
    display = ", ".join(f"{key!r}: {name}" for key, name in zip(keys, names))
    return eval(f"lambda cols: [{{{display}}} for {', '.join(names)}, in zip(*cols)]")  # noqa: S307


class CellTable:
    """Attribute columns of equal length, one ``Cells`` per attribute name: each row (fact)
    has the attributes of its kind, the others absent."""

    def __init__(self, rows: int, columns: dict[str, Cells]) -> None:
        self.rows, self.columns = rows, dict(sorted(columns.items()))

    @classmethod
    def from_dict(cls, table: dict[str, Any]) -> CellTable:
        return cls(table["rows"], {name: Cells.from_dict(c) for name, c in table["columns"].items()})

    def __len__(self) -> int:
        return self.rows

    def dicts(self) -> np.ndarray:
        """A dict per row of the attributes it has, keys sorted, in an object array."""
        out = np.empty(self.rows, dtype=object)
        if not self.columns:
            out[:] = [{} for _ in range(self.rows)]
            return out
        names = list(self.columns)
        # Rows with the same attributes share their keys: one dict display per such group.
        present = np.stack([c.state != ABSENT for c in self.columns.values()]).astype(np.int64)
        signature = (np.int64(1) << np.arange(len(names), dtype=np.int64)) @ present
        values = [c.values() for c in self.columns.values()]
        for sig in np.unique(signature).tolist():
            rows = np.flatnonzero(signature == sig)
            keys = tuple(name for k, name in enumerate(names) if sig >> k & 1)
            cols = [values[k][rows].tolist() for k in range(len(names)) if sig >> k & 1]
            out[rows] = _dict_maker(keys)(cols) if keys else [{} for _ in range(len(rows))]
        return out

    def take(self, rows: np.ndarray) -> CellTable:
        return CellTable(len(rows), {name: c.take(rows) for name, c in self.columns.items()})
