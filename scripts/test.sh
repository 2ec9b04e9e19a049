#!/usr/bin/env bash
# The whole test suite, from a fresh clone: system packages (as root), a local virtual
# environment with xmart and its test extras, CUPS with a PDF queue, then the static checks
# (import-layer contracts, ruff lint and format, mypy), pytest and, for the whole run, the desktop
# bundle (scripts/check-bundle.sh). Any failure fails the run. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
[ -f scripts/setup-cups.sh ] && bash scripts/setup-cups.sh || true

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
.venv/bin/python -m pip install -q -e '.[test]'

export QT_QPA_PLATFORM=offscreen
.venv/bin/lint-imports
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy  # files and strictness from [tool.mypy] in pyproject.toml
# The whole run (no arguments, as CI runs it) also builds the desktop bundle and checks it without
# Python (scripts/check-bundle.sh, about 2 minutes); a run of some tests only skips it. Before
# pytest, so that pytest's summary stays the run's last line.
if [ $# -eq 0 ]; then
  bash scripts/check-bundle.sh
fi
.venv/bin/python -m pytest -p no:cacheprovider "$@"
