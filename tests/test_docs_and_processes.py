"""Docstring examples run, the stubs name what the extension has, and forked children work."""

import ast
import doctest
import inspect
import importlib
import multiprocessing
import re
from pathlib import Path

import pytest

import newsfacts as nf

MODULES = ["newsfacts", "newsfacts.corpus", "newsfacts.tokens", "newsfacts.matrix", "newsfacts.datasets",
           "newsfacts.errors", "newsfacts.sklearn", "newsfacts.facts", "newsfacts.reporting", "newsfacts._output", "newsfacts._optional",
           "newsfacts._params", "newsfacts._text", "newsfacts.cli", "newsfacts.dask", "newsfacts.schema", "newsfacts.reporting.names",
           "newsfacts.reporting.interface", "newsfacts.reporting.values", "newsfacts.reporting.when"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0
    assert tried > 0


README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_python_examples_run_as_written(monkeypatch):
    """Each ```python block of the README runs on its own, from the repository root (where its
    paths such as ``seeds/`` are): a name it uses is defined in it."""
    pytest.importorskip("pandas", reason="the README's example uses pandas (pip install '.[test]')")
    pytest.importorskip("sklearn", reason="the README's example uses scikit-learn (pip install '.[test]')")
    blocks = re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), flags=re.S | re.M)
    assert blocks
    monkeypatch.chdir(README.parent)
    for block in blocks:
        exec(compile(block, str(README), "exec"), {})


def test_stubs_cover_the_extension():
    stub = (Path(nf.__file__).parent / "_core.pyi").read_text()
    declared = set(re.findall(r"^(?:def|class) (\w+)", stub, flags=re.M))
    public = {name for name in dir(nf._core) if not name.startswith("_")}
    assert public == declared
    assert (Path(nf.__file__).parent / "py.typed").exists()


def _stub_signatures() -> dict[str, list[tuple[str, object]]]:
    """Each function and method of _core.pyi: its parameters and their literal defaults
    (``...`` where the stub gives none or an expression)."""
    tree = ast.parse((Path(nf.__file__).parent / "_core.pyi").read_text())
    found = {}

    def params(fn: ast.FunctionDef) -> list[tuple[str, object]]:
        args = fn.args.posonlyargs + fn.args.args
        defaults = [...] * (len(args) - len(fn.args.defaults)) + [
            d.value if isinstance(d, ast.Constant) else ... for d in fn.args.defaults]
        named = [(a.arg, d) for a, d in zip(args, defaults) if a.arg not in ("self", "cls")]
        return named + [(a.arg, d.value if isinstance(d, ast.Constant) else ...)
                        for a, d in zip(fn.args.kwonlyargs, fn.args.kw_defaults)]

    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found[node.name] = params(node)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found[f"{node.name}.{item.name}"] = params(item)
    return found


def test_stub_signatures_match_the_extension():
    checked = 0
    for name, stub_params in _stub_signatures().items():
        owner, _, attr = name.rpartition(".")
        obj = getattr(getattr(nf._core, owner), attr) if owner else getattr(nf._core, name)
        if attr == "__init__":
            obj = getattr(nf._core, owner)
        try:
            real = inspect.signature(obj)
        except (TypeError, ValueError):
            continue  # no text signature exported (a getter, a dunder): names are checked above
        real_params = [(p.name, p.default) for p in real.parameters.values() if p.name not in ("self", "cls", "$self")]
        assert [n for n, _ in real_params] == [n for n, _ in stub_params], name
        for (param, real_default), (_, stub_default) in zip(real_params, stub_params):
            if stub_default is not ... and real_default is not inspect.Parameter.empty:
                assert real_default == stub_default, f"{name}({param}=...)"
            # A parameter the extension requires must not look optional in the stub.
            assert not (real_default is inspect.Parameter.empty and stub_default is not ...
                        and stub_default is not None), f"{name}({param})"
        checked += 1
    assert checked > 20


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
