#!/usr/bin/env bash
# The whole test suite, from a fresh clone: system packages (as root), a local virtual
# environment with xmart and its test extras, CUPS with a PDF queue, then the import-layer
# contracts and pytest. Extra arguments go to pytest.
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
.venv/bin/python -m pytest -p no:cacheprovider "$@"
