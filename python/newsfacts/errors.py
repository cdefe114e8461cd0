"""Exceptions raised by newsfacts.

Every error names what it is about (a file, a JSON line, a list item, a parameter)::

    >>> import newsfacts as nf
    >>> try:
    ...     nf.read(["ok", None])
    ... except nf.InputError as err:
    ...     print(err.source)
    item 1
"""

from __future__ import annotations

__all__ = [
    "NewsfactsError",
    "InputError",
    "SourceError",
    "DecodeError",
    "JsonLinesError",
    "ParameterError",
    "InternalError",
]


class NewsfactsError(Exception):
    """Base class of every error newsfacts raises on purpose."""


class InputError(NewsfactsError, ValueError):
    """An input that cannot become an article; ``source`` names the document, file or item."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def __reduce__(self):  # keep the fields when pickled (Dask workers send errors back)
        return (_rebuild, (type(self), self.args, self.__dict__))


class SourceError(InputError, OSError):
    """A file or folder that cannot be read (missing, permissions)."""


class DecodeError(InputError, UnicodeError):
    """Bytes that are not valid UTF-8; ``byte_offset`` is where the first bad byte is (from the
    start of the file, decompressed), ``line`` the JSON line it is on (None for a text file).
    ``problem`` is the message without the advice, for callers that give their own (the CLI)."""

    #: How a Python caller gets past it; the message ends with it.
    ADVICE = 'pass encoding_errors="replace" to decode it with U+FFFD'

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        byte_offset: int | None = None,
        line: int | None = None,
        problem: str | None = None,
    ) -> None:
        super().__init__(message, source=source)
        self.byte_offset = byte_offset
        self.line = line
        self.problem = problem if problem is not None else message


class JsonLinesError(InputError):
    """A JSON line that is not an article; ``line`` is its 1-based line number."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        super().__init__(message, source=source)
        self.line = line


class ParameterError(NewsfactsError, ValueError):
    """A parameter out of range or inconsistent with another; ``name`` names it."""

    def __init__(self, message: str, *, name: str | None = None) -> None:
        super().__init__(message)
        self.name = name

    def __reduce__(self):
        return (_rebuild, (type(self), self.args, self.__dict__))


class InternalError(NewsfactsError, RuntimeError):
    """A bug of newsfacts, not a problem of the input: ``source`` names the document (or the
    corpus) it was working on. Please report it with that document."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def __reduce__(self):
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls, args, state):
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error
