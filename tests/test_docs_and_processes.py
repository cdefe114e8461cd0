"""Docstring examples run, the stubs name what the extension has, and forked children work."""

import doctest
import importlib
import multiprocessing
import re
from pathlib import Path

import pytest

import newsfacts as nf

MODULES = ["newsfacts", "newsfacts.corpus", "newsfacts.tokens", "newsfacts.matrix", "newsfacts.datasets",
           "newsfacts.errors", "newsfacts.sklearn", "newsfacts.facts", "newsfacts.reporting", "newsfacts._output", "newsfacts._params",
           "newsfacts._text"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0
    assert tried > 0


def test_stubs_cover_the_extension():
    stub = (Path(nf.__file__).parent / "_core.pyi").read_text()
    declared = set(re.findall(r"^(?:def|class) (\w+)", stub, flags=re.M))
    public = {name for name in dir(nf._core) if not name.startswith("_")}
    assert public == declared
    assert (Path(nf.__file__).parent / "py.typed").exists()


def _tokens_in_child(queue):
    queue.put(len(nf.read(["Le marché chinois du cloud. Alibaba détient plus de 40 %."]).tokens()))


def test_forked_child_after_parallel_work():
    nf.read(["un texte"] * 200).tokens(n_jobs=2)  # the parent's thread pool exists now
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_tokens_in_child, args=(queue,))
    child.start()
    child.join(timeout=60)
    assert child.exitcode == 0, "the forked child hung or failed"
    assert queue.get(timeout=5) == 12
