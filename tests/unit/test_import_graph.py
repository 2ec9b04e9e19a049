"""No module of the client imports itself back: the import graph inside xmart.ui has no cycle.

import-linter's `acyclic_siblings` contract (pyproject.toml) checks packages; it has to let the
generated forms import the widgets they promote while those widgets import their own forms. This
test closes that gap module by module: no cycle at all, whatever the packages. It reads the source
statically with grimp (import-linter's dependency): nothing is imported, no Qt is needed.
"""

from __future__ import annotations

import grimp


def module_cycles(graph: grimp.ImportGraph, package: str) -> list[list[str]]:
    """The import cycles among modules of `package` (strongly connected components of two or more)."""
    prefix = package + "."
    modules = sorted(m for m in graph.modules if m == package or m.startswith(prefix))
    edges = {
        m: sorted(n for n in graph.find_modules_directly_imported_by(m) if n == package or n.startswith(prefix))
        for m in modules
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(start: str) -> None:  # Tarjan's algorithm, iterative (no recursion limit)
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges[nxt])))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        cycles.append(sorted(component))

    for module in modules:
        if module not in index:
            visit(module)
    return cycles


def test_module_cycles_finds_a_cycle():
    graph = grimp.ImportGraph()
    for module in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(module)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.a")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert module_cycles(graph, "pkg") == [["pkg.a", "pkg.b"]]


def test_the_client_has_no_import_cycle():
    graph = grimp.build_graph("xmart", cache_dir=None)
    assert module_cycles(graph, "xmart.ui") == []
