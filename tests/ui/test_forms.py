"""The compiled forms are current, and only xmart.ui (and `xmart gui`) import Qt.

Forms live at the repository root: Designer sources in `forms/*.ui`, compiled by
scripts/compile_forms.sh into the committed modules `src/xmart/ui/generated/ui_*.py`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "xmart"
FORMS = ROOT / "forms"
"""The Designer sources (the package xmart.forms)."""
GENERATED = SRC / "ui" / "generated"


def _uic() -> str:
    found = shutil.which("pyside6-uic") or str(Path(sys.executable).with_name("pyside6-uic"))
    if not Path(found).exists():
        pytest.skip("pyside6-uic is not installed")
    return found


@pytest.mark.parametrize("form", sorted(p.name for p in FORMS.glob("*.ui")))
def test_generated_module_is_current(form):
    compiled = subprocess.run(
        [_uic(), "--from-imports", str(FORMS / form)], check=True, capture_output=True, text=True
    ).stdout
    generated = GENERATED / f"ui_{form[:-3]}.py"
    assert generated.exists(), f"run scripts/compile_forms.sh: {generated.name} is missing"
    assert generated.read_text() == compiled, f"run scripts/compile_forms.sh: {generated.name} is out of date"


def test_every_generated_module_has_its_form_and_no_form_is_left_in_the_package():
    stale = sorted(p.name for p in GENERATED.glob("ui_*.py") if not (FORMS / f"{p.stem[3:]}.ui").exists())
    assert stale == [], f"generated modules without a form in forms/: {stale}"
    assert sorted(SRC.rglob("*.ui")) == [], "Designer forms belong in forms/ at the repository root"


def test_only_the_ui_imports_qt():
    offenders = []
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("ui/") or relative == "cli/gui.py":
            continue
        if re.search(r"^\s*(from|import)\s+(PySide6|shiboken6)", path.read_text(), re.MULTILINE):
            offenders.append(relative)
    assert offenders == []
