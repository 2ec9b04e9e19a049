"""Start-up stays lean: the command line imports a command's dependencies only when it runs.

A structural guard, not a timing test (benchmarks/startup_benchmark.py measures the time): each
check imports modules in a fresh interpreter and lists what got loaded. No database, no Qt.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("PySide6", "reportlab", "alembic")
"""Never needed before a command that uses them runs: the GUI, printing, schema migrations."""


def loaded_after(statement: str) -> set[str]:
    """Top-level packages in sys.modules after running `statement` in a fresh interpreter."""
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_importing_the_command_line_loads_no_qt_reportlab_or_alembic():
    loaded = loaded_after("import xmart.cli.main")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    assert "sqlalchemy" not in loaded, "xmart --help should not pay for importing SQLAlchemy"


@pytest.mark.parametrize("command", ["show", "assign", "purchase_orders", "receive", "invoice", "db"])
def test_reading_and_process_commands_load_no_qt_or_printing_or_card_code(command):
    loaded = loaded_after(f"import xmart.cli.{command}")
    unwanted = {*HEAVY, "keyring", "cryptography", "pypdf"} - ({"alembic"} if command == "db" else set())
    assert not loaded & unwanted, sorted(loaded & unwanted)
