"""`xmart --version` prints `xmart X.Y.Z` from the package metadata, fast (no SQLAlchemy, no Qt)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from tests.unit.test_cli_imports import HEAVY, loaded_after

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"


def test_version_prints_the_package_metadata_version():
    done = subprocess.run(
        [sys.executable, "-m", "xmart", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"xmart {version('xmart')}\n"
    assert done.stderr == ""


def test_the_metadata_version_is_the_one_in_pyproject():
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert version("xmart") == declared, "reinstall (pip install -e .) after changing the version"


def test_version_loads_no_database_or_qt_code():
    statement = (
        "from xmart.cli.main import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as e:\n    assert not e.code\n"
        "else:\n    raise AssertionError('--version did not exit')"
    )
    loaded = loaded_after(statement)
    assert not loaded & {*HEAVY, "sqlalchemy"}, sorted(loaded & {*HEAVY, "sqlalchemy"})
