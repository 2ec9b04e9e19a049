#!/usr/bin/env bash
# The demo, from a fresh clone: system packages (as root), a local virtual environment with xmart,
# a demo database (demo.db here, or $XMART_DB) filled with `xmart demo`, then the desktop client
# when a display exists. Run it again to reopen the same demo database.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
.venv/bin/python -m pip install -q -e .

DB=${XMART_DB:-sqlite:///$PWD/demo.db}
if [ "$DB" = "sqlite:///$PWD/demo.db" ] && [ -s demo.db ]; then
  echo "demo.db already holds the demo data; remove it to start over."
else
  .venv/bin/xmart --db "$DB" demo
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec .venv/bin/xmart --db "$DB" gui
else
  echo "No display: to see the desktop client run  xvfb-run -a .venv/bin/xmart --db $DB gui  or open it on a desktop."
fi
