"""The package's imports point one way: down the declared order of stages, with no circle."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "corecities_graph"
NAME = "corecities_graph"

# Lowest first. A module may import its own stage and any stage before it, never one after it.
# core: the top-level modules (errors, the Document type, the version); api: the package's
# __init__ and api.py, the public functions; cli includes __main__.
STAGES = (
    "core",
    "resolve",
    "extract",
    "sources",
    "graph",
    "store",
    "sparql",
    "network",
    "publish",
    "serve",
    "corpus",
    "api",
    "cli",
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "api"
    if parts[1] in ("__main__", "api"):
        return {"__main__": "cli", "api": "api"}[parts[1]]
    if len(parts) == 2 and (PACKAGE / f"{parts[1]}.py").exists():
        return "core"
    return parts[1]


def imports(path: Path) -> set[str]:
    """Every module of the package that PATH imports, at any depth of the file (lazy imports count)."""
    module, found = module_name(path), set()
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target == NAME or target.startswith(NAME + "."):
                # `from . import x` names a module when x is one
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    found.add(sub if _exists(sub) else target)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith(NAME + ".")}
    return {_existing(name) for name in found} - {module}


def _exists(module: str) -> bool:
    path = PACKAGE.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _existing(module: str) -> str:
    while not _exists(module):
        module = module.rsplit(".", 1)[0]
    return module


def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for path in sorted(PACKAGE.rglob("*.py")):
        graph.add_node(module_name(path))
        graph.add_edges_from((module_name(path), target) for target in imports(path))
    return graph


def test_every_module_belongs_to_a_declared_stage() -> None:
    assert {stage(m) for m in import_graph()} <= set(STAGES)
    assert {stage(m) for m in import_graph()} == set(STAGES), "a declared stage has no module"


def test_no_import_circle() -> None:
    cycles = list(nx.simple_cycles(import_graph()))
    assert not cycles, f"import circles: {cycles}"


def test_no_import_runs_up_the_stages() -> None:
    rank = {name: i for i, name in enumerate(STAGES)}
    upward = sorted(
        f"{a} ({stage(a)}) -> {b} ({stage(b)})"
        for a, b in import_graph().edges
        if rank[stage(b)] > rank[stage(a)]
    )
    assert not upward, "imports that run up the stages:\n" + "\n".join(upward)


def test_nothing_imports_the_cli() -> None:
    importers = sorted(a for a, b in import_graph().edges if stage(b) == "cli" and stage(a) != "cli")
    assert not importers
    assert {a for a, b in import_graph().edges if b == f"{NAME}.cli"} <= {f"{NAME}.__main__"}


def readme_stages() -> tuple[str, ...]:
    """The stages in the README's Layout diagram, lowest first (the diagram draws them highest first)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = text.split("## Layout", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```text\n(.*?)```", layout, re.S)
    assert block, "README's Layout has no ```text diagram of the stages"
    names = re.findall(r"^\s*\[\s*([a-z_]+)\b", block.group(1), re.M)
    return tuple(reversed(names))


def test_readme_diagram_draws_the_declared_stages() -> None:
    assert readme_stages() == STAGES
