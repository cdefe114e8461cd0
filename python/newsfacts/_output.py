"""Files newsfacts writes: whole or not at all, with the permissions any new file gets.

Written aside (a temporary file in the same folder) and renamed into place, so that a reader
never sees half a file and a failed run leaves the old one. ``tempfile.mkstemp`` makes its file
0600; the result gets what ``open()`` would have given (0666 less the umask).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from typing import IO, Iterator

from .errors import InputError, ParameterError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def format_from_suffix(path: str, formats: dict[str, tuple[str, ...]], given: str | None) -> str:
    """The format ``given``, else the one ``path``'s suffix names; an unknown suffix is refused
    rather than written in a format its name does not say (``report.pdf`` holding HTML).

    >>> format_from_suffix("out.csv", {"jsonl": (".jsonl",), "csv": (".csv",)}, None)
    'csv'
    """
    if os.path.isdir(path):
        raise InputError(f"{path}: is a folder; give a file name", source=path)
    if given is not None:
        if given not in formats:
            raise ParameterError(f"format={given!r}; expected one of {tuple(formats)}", name="format")
        return given
    lowered = path.lower()
    for name, suffixes in formats.items():
        if lowered.endswith(suffixes):
            return name
    known = ", ".join(s for suffixes in formats.values() for s in suffixes)
    raise ParameterError(f"{path}: cannot tell the format from the name (known: {known}); "
                         "give a name with one of those suffixes or pass the format", name="format")


class _TextSink:
    """A binary writer onto a text stream (UTF-8 bytes decoded)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        self.stream.write(data.decode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self.stream.flush()


@contextlib.contextmanager
def atomic_output(path: str, binary: bool = False) -> Iterator[IO]:
    """A file handle for ``path`` (``-``: standard output) whose content appears at once when the
    block ends without error; nothing is left behind when it fails."""
    if path == "-":
        # Jupyter's and doctest's stdout take text only: bytes are decoded on the way there.
        stdout = sys.stdout
        yield (getattr(stdout, "buffer", None) or _TextSink(stdout)) if binary else stdout
        return
    if os.path.isdir(path):
        raise InputError(f"{path}: is a folder; give a file name", source=path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".newsfacts-", suffix=".tmp")
    except OSError as err:
        raise InputError(f"{path}: cannot write there ({err.strerror})", source=path) from None
    try:
        with os.fdopen(handle, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as out:
            yield out
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
