"""The package's modules import each other without circles, counting imports inside
functions too (they hide a circle, they do not remove it)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
# The ingest readers still lean on each other through imports inside functions; untying them
# into one dispatcher over per-format readers is issue 18's work.
KNOWN = {frozenset({"detente.ingest.feed", "detente.ingest.fetch", "detente.ingest.reader",
                    "detente.ingest.warc"})}


def _modules() -> dict[str, Path]:
    out = {}
    for f in SRC.rglob("*.py"):
        name = ".".join(f.relative_to(SRC).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = f
    return out


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports anywhere in its body. `from pkg import mod`
    is an import of pkg.mod; a module's import of its own package's __init__ is left out
    (Python runs it first anyway: it is not a circle between the two)."""
    mods = _modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, f in mods.items():
        package = m if f.name == "__init__.py" else m.rpartition(".")[0]
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                base = node.module
                if node.level:
                    parts = package.split(".")
                    base = ".".join([*parts[: len(parts) - node.level + 1], node.module])
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            graph[m].update(t for t in targets if t in mods and t != m and not m.startswith(t + "."))
    return graph


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(frozenset(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_circles_are_found() -> None:
    """The check itself sees a circle, also one closed by an import inside a function."""
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_the_package_has_no_import_circle() -> None:
    graph = import_graph()
    assert "detente.speakers" in graph["detente.pipeline"]  # the graph is read, not empty
    assert set(circles(graph)) <= KNOWN


def test_quotes_and_pipeline_are_not_a_circle() -> None:
    """quotes builds a Pipeline; the speaker logic the pipeline needs lives in speakers."""
    graph = import_graph()
    assert "detente.quotes" not in graph["detente.pipeline"]
    assert "detente.pipeline" in graph["detente.quotes"]
