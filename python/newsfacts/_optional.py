"""Optional dependencies (pyproject's extras): imported where first needed, and when one is
missing, an ImportError that says what needs it and the pip command that installs it, since a
bare "No module named 'pandas'" after ``pip install .`` does not say that newsfacts has an extra
for it."""

from __future__ import annotations

from types import ModuleType


def missing(needed_by: str, package: str, extra: str) -> ImportError:
    """The error for ``package``, not installed, which ``needed_by`` needs; ``extra`` is the
    newsfacts extra that brings it.

    >>> print(missing("to_pandas()", "pandas", "pandas"))
    to_pandas() needs pandas: pip install 'newsfacts[pandas]'
    """
    return ImportError(f"{needed_by} needs {package}: pip install 'newsfacts[{extra}]'", name=package)


def pandas(needed_by: str) -> ModuleType:
    """pandas, for ``needed_by`` (``"FactTable.to_pandas()"``...)."""
    try:
        import pandas as pd
    except ImportError as err:
        raise missing(needed_by, "pandas", "pandas") from err
    return pd
