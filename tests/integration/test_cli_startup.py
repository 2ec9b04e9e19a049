"""`xmart show cso N --json` in a real process loads no Qt, printing, migration or card code, and
configures no ORM mapper (its figures are read with Core): the start-up guard of benchmarks/README.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.db import load
from tests.support.documents import B200_ITEM, example

SRC = Path(__file__).resolve().parents[2] / "src"
PROBE = """
import json, sys
from xmart.cli import main
status = main(["--db", sys.argv[1], "show", "cso", "1001", "--json"])
from xmart.models import CsoLine
print(json.dumps({"status": status, "configured": CsoLine.__mapper__.configured,
                  "loaded": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def test_show_cso_loads_only_what_it_reads_with(db_url, engine):
    load(engine, B200_ITEM)
    load(engine, example())
    env = os.environ | {"PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, db_url], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    document, probe = (json.loads(line) for line in done.stdout.splitlines())
    assert document["number"] == 1001 and probe["status"] == 0
    assert not probe["configured"], "show cso should not configure the ORM mappers"
    unwanted = {"PySide6", "reportlab", "alembic", "keyring", "cryptography", "pypdf"}
    assert not set(probe["loaded"]) & unwanted
