"""The layout rules the import-linter contracts cannot say: where SQL may be written, and
that no two modules import each other (even for type hints only).

import-linter (`.ci/run`, `pyproject.toml`) keeps the arrows pointing downwards; these
checks keep the rooms honest in the two ways it does not measure.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Every SQL statement over a database lives in these places: the branch store, the sync
#: bookkeeping that runs over the store's connection, and the reference centre.
SQL_HOMES = ("branch_client/store/", "sync/outbox.py", "sync/settings.py", "central/")
#: The code that ships or makes the docs. bench/ and tests/ build their fixtures (120,000
#: registrations) with bulk SQL on purpose and are not checked.
CHECKED = ("branch_client", "sync", "forms", "scripts")
SQL_KEYWORD = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE) ")
PACKAGES = ("branch_client", "sync", "forms", "central")


def _string_literals(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def sql_outside_its_homes() -> list[str]:
    """`path:line` of each string literal with an SQL keyword outside `SQL_HOMES`."""
    found = []
    for top in CHECKED:
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative.startswith(SQL_HOMES):
                continue
            found += [f"{relative}:{line}" for line, text in _string_literals(path) if SQL_KEYWORD.search(text)]
    return found


def test_sql_is_written_only_in_the_store_the_sync_bookkeeping_and_the_centre() -> None:
    assert sql_outside_its_homes() == []


def test_the_sql_check_finds_a_statement_in_a_screen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = tmp_path / "branch_client" / "ui" / "page.py"
    screen.parent.mkdir(parents=True)
    screen.write_text('QUERY = "SELECT id FROM registrations"\nNOTE = "Select a row"\n', encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert sql_outside_its_homes() == ["branch_client/ui/page.py:1"]


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The groups of our modules that import each other, directly or through others
    (strongly connected components of the import graph, Tarjan's algorithm)."""
    ours = {m for m in graph.modules if m.split(".")[0] in PACKAGES}
    edges = {m: sorted(x for x in graph.find_modules_directly_imported_by(m) if x in ours) for m in ours}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in edges[module]:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(ours):
        if module not in index:
            visit(module)
    return cycles


def test_no_two_modules_import_each_other() -> None:
    assert import_cycles(grimp.build_graph(*PACKAGES, cache_dir=None)) == []  # no cache: it can go stale


def test_the_cycle_check_finds_a_circle() -> None:
    graph = grimp.ImportGraph()
    for module in ("forms", "forms.a", "forms.b", "forms.c"):
        graph.add_module(module)
    graph.add_import(importer="forms.a", imported="forms.b")
    graph.add_import(importer="forms.b", imported="forms.a")
    graph.add_import(importer="forms.b", imported="forms.c")
    assert import_cycles(graph) == [["forms.a", "forms.b"]]
