"""The compiled forms are current, and only xmart.ui (and `xmart gui`) import Qt."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "xmart"


def _uic() -> str:
    found = shutil.which("pyside6-uic") or str(Path(sys.executable).with_name("pyside6-uic"))
    if not Path(found).exists():
        pytest.skip("pyside6-uic is not installed")
    return found


@pytest.mark.parametrize("form", sorted(p.name for p in (SRC / "forms").glob("*.ui")))
def test_generated_module_is_current(form):
    compiled = subprocess.run(
        [_uic(), "--from-imports", str(SRC / "forms" / form)], check=True, capture_output=True, text=True
    ).stdout
    generated = SRC / "ui" / "generated" / f"ui_{form[:-3]}.py"
    assert generated.exists(), f"run scripts/compile_forms.sh: {generated.name} is missing"
    assert generated.read_text() == compiled, f"run scripts/compile_forms.sh: {generated.name} is out of date"


def test_only_the_ui_imports_qt():
    offenders = []
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("ui/") or relative == "cli/gui.py":
            continue
        if re.search(r"^\s*(from|import)\s+(PySide6|shiboken6)", path.read_text(), re.MULTILINE):
            offenders.append(relative)
    assert offenders == []
