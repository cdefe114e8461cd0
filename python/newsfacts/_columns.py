"""Fact columns as they come from Rust, without one Python object per row until asked for.

``Names``: a code per row and each name once (kinds, segments, rules). ``JsonRows``: the JSON
text of every row in one byte buffer, each row followed by a comma, and where each row starts:
a whole column decodes with one ``json.loads``, a slice of rows is gathered with numpy.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

import numpy as np


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

    def take(self, rows: np.ndarray) -> Names:
        return Names(self.codes[rows], self.names)

    def isin(self, wanted: tuple[str, ...]) -> np.ndarray:
        """A boolean mask of the rows whose name is one of ``wanted``."""
        return np.isin(self.codes, [code for code, name in enumerate(self.names) if name in wanted])

    def counts(self) -> dict[str, int]:
        found = np.bincount(self.codes.astype(np.int64), minlength=len(self.names))
        return {name: int(n) for name, n in zip(self.names, found) if n}


class JsonRows:
    """The JSON text of each row: ``data`` (uint8) holds row after row, each followed by a
    comma; ``offsets`` (int64, one more than the rows) say where each row starts."""

    def __init__(self, data: np.ndarray, offsets: np.ndarray) -> None:
        self.data, self.offsets = np.asarray(data, dtype=np.uint8), np.asarray(offsets, dtype=np.int64)

    @classmethod
    def from_dict(cls, column: dict[str, Any]) -> JsonRows:
        return cls(column["bytes"], column["offsets"])

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def decode(self) -> list[Any]:
        """Every row as its Python value, in one ``json.loads`` call."""
        if len(self) == 0:
            return []
        return json.loads(b"[" + self.data[:-1].tobytes() + b"]")

    def json_texts(self) -> list[str]:
        """Every row's JSON text, as written."""
        buffer = self.data.tobytes()
        bounds = self.offsets.tolist()
        return [buffer[a:b - 1].decode() for a, b in zip(bounds, bounds[1:])]

    def take(self, rows: np.ndarray) -> JsonRows:
        """The rows at ``rows`` (in that order), gathered without decoding them."""
        rows = np.asarray(rows, dtype=np.int64)
        starts, ends = self.offsets[rows], self.offsets[rows + 1]
        lengths = ends - starts
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        # Byte k of the result comes from starts[row of k] + (k - where that row starts here).
        gather = np.repeat(starts - offsets[:-1], lengths) + np.arange(offsets[-1], dtype=np.int64)
        return JsonRows(self.data[gather], offsets)
