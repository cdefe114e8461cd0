"""The package's modules import each other one way: no cycle, even through imports inside
functions (only ``if TYPE_CHECKING:`` blocks are left out: they never run)."""

from __future__ import annotations

import ast
from pathlib import Path

import newsfacts as nf

PACKAGE = Path(nf.__file__).parent


def _imports(path: Path, module: str) -> set[str]:
    """The package modules ``module`` imports (relative imports; ``from . import x`` counts x)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
               and getattr(node.test, "id", None) == "TYPE_CHECKING" for n in ast.walk(node)}
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped or not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        parts = package.split(".")
        base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
        names = {f"{base}.{alias.name}" for alias in node.names}
        found |= names if any(n.endswith("._core") or (PACKAGE.parent / n.replace(".", "/")).with_suffix(".py").exists()
                              or (PACKAGE.parent / n.replace(".", "/")).is_dir() for n in names) else {base}
    return found - {module}


def _graph() -> dict[str, set[str]]:
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        graph[module] = _imports(path, module)
    return graph


def test_no_import_cycles():
    graph = _graph()
    assert graph["newsfacts.reporting.analysis"] >= {"newsfacts.reporting.stories"}  # the walk sees imports
    cycles = []
    for start in graph:
        seen, stack = set(), list(graph[start])
        while stack:
            module = stack.pop()
            if module == start:
                cycles.append(start)
                break
            if module not in seen:
                seen.add(module)
                stack.extend(graph.get(module, ()))
    assert cycles == []
