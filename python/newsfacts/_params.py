"""Parameter checks shared by the modules (here, so that none of them imports another for them)."""

from __future__ import annotations

import os

from .errors import ParameterError


def jobs(n_jobs: int | None) -> int | None:
    """``n_jobs`` as the Rust core takes it: None for the default, -1 for all cores, -2 all but
    one (scikit-learn's convention), else the count.

    >>> jobs(None), jobs(1), jobs(-1) == (os.cpu_count() or 1)
    (None, 1, True)
    """
    if n_jobs is None:
        return None
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool):
        raise ParameterError(f"n_jobs must be an int or None, not {type(n_jobs).__name__}", name="n_jobs")
    if n_jobs < 0:  # scikit-learn's convention: -1 is all cores, -2 all but one
        return max(1, (os.cpu_count() or 1) + 1 + n_jobs)
    return n_jobs or None
