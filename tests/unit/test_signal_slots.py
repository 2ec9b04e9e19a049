"""No button signal is connected straight to a method with an optional parameter.

`clicked(bool)`, `triggered(bool)` and `toggled(bool)` pass their flag to a slot that takes one: a method
`save_pdf(self, path=None)` connected as `clicked.connect(self.save_pdf)` receives `False` as the path
(issue 11, Reports › Salesman Commission › Save as PDF). Such slots are connected through a lambda.
"""

from __future__ import annotations

import ast
from pathlib import Path

import xmart.ui

UI = Path(xmart.ui.__file__).parent
FLAG_SIGNALS = {"clicked", "triggered", "toggled"}


def _methods_with_optional_parameters(tree: ast.Module) -> dict[str, str]:
    found: dict[str, str] = {}
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for fn in cls.body:
            if isinstance(fn, ast.FunctionDef) and (fn.args.defaults or fn.args.vararg):
                found[fn.name] = ast.unparse(fn.args)
    return found


def _flag_connections(tree: ast.Module) -> list[tuple[int, str, str]]:
    """(line, signal, method) of every `X.<flag signal>.connect(self.method)`."""
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect"):
            continue
        signal = node.func.value
        if not (isinstance(signal, ast.Attribute) and signal.attr in FLAG_SIGNALS and node.args):
            continue
        slot = node.args[0]
        if isinstance(slot, ast.Attribute) and isinstance(slot.value, ast.Name) and slot.value.id == "self":
            out.append((node.lineno, signal.attr, slot.attr))
    return out


def test_no_flag_signal_feeds_an_optional_parameter() -> None:
    problems = []
    for path in sorted(UI.rglob("*.py")):
        if "generated" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        methods = _methods_with_optional_parameters(tree)
        for line, signal, method in _flag_connections(tree):
            if method in methods:
                problems.append(f"{path.relative_to(UI)}:{line} {signal} -> {method}({methods[method]})")
    assert not problems, "connect through a lambda: " + "; ".join(problems)
