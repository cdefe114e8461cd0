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


def _tqdm():
    """tqdm's bar class: tqdm.auto's (a widget in a notebook), except in a notebook without
    ipywidgets. There tqdm.auto falls back to the text bar after a TqdmWarning asking to
    "update jupyter and ipywidgets", as if something were broken; the text bar, which Jupyter
    draws well, is taken directly instead."""
    if "ipykernel" in sys.modules:
        try:
            import ipywidgets  # noqa: F401
        except ImportError:
            from tqdm.std import tqdm as text_bar

            return text_bar
    from tqdm.auto import tqdm

    return tqdm


def progress_bar(items: Iterable[T], description: str, total: int, enabled: bool | None = None) -> Iterator[T]:
    if not wanted(total, enabled):
        return iter(items)
    try:
        tqdm = _tqdm()
    except ImportError:  # tqdm is optional: no bar rather than an error
        return iter(items)
    return iter(tqdm(items, desc=description, total=total, unit="article", file=sys.stderr, leave=False))


def track(work, description: str, expected: int, enabled: bool | None = None):
    """Run ``work(counter)`` (a Rust call that bumps ``counter`` per article while it runs
    without the GIL) with a bar fed from the counter by a polling thread; ``work(None)`` when no
    bar is wanted."""
    import threading

    from . import _core

    if not wanted(expected, enabled):
        return work(None)
    try:
        tqdm = _tqdm()
    except ImportError:
        return work(None)
    counter = _core.Progress()
    finished = threading.Event()
    bar = tqdm(total=expected or None, desc=description, unit="article", file=sys.stderr, leave=False)

    def follow() -> None:
        while not finished.wait(0.1):
            total = counter.total()
            if total and bar.total != total:
                bar.total = total
                bar.refresh()
            bar.update(counter.done() - bar.n)

    watcher = threading.Thread(target=follow, name="newsfacts-progress", daemon=True)
    watcher.start()
    try:
        return work(counter)
    finally:
        finished.set()
        watcher.join()
        bar.update(counter.done() - bar.n)
        bar.close()


def expected_articles(paths) -> int:
    """A cheap guess of how many articles some paths hold, to decide on a bar: entries of the
    folders (not read recursively), plus one per 2 kB of JSON lines. Nothing is opened."""
    import os

    count = 0
    for path in paths:
        path = os.fspath(path)
        if os.path.isdir(path):
            with os.scandir(path) as entries:
                count += sum(1 for _ in entries)
        elif path.endswith(".jsonl") and os.path.isfile(path):
            count += os.path.getsize(path) // 2000
        else:
            count += 1
    return count
