"""`xmart gui --smoke-test`: the main window opens and closes by itself (the bundle's CI check uses it)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.users import add_user
from xmart.models.db import make_engine
from xmart.models.migrate import upgrade


def _gui(db_url: str, tmp_path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XMART_DATA_DIR": str(tmp_path / "data")}
    env.pop("XMART_USER", None)
    return subprocess.run(
        [sys.executable, "-m", "xmart", "--db", db_url, "gui", "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_smoke_test_opens_the_main_window_and_closes_it(tmp_path):
    done = _gui(f"sqlite:///{tmp_path / 'empty.db'}", tmp_path)  # an empty database: no first-run prompt
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("xmart gui: the main window opened (") and done.stdout.endswith(") and closed\n")
    assert "Traceback" not in done.stderr


def test_smoke_test_on_a_database_with_users_exits_3(tmp_path):
    url = f"sqlite:///{tmp_path / 'users.db'}"
    engine = make_engine(url)
    upgrade(engine)
    add_user(engine, "alice", "administrator")
    engine.dispose()
    done = _gui(url, tmp_path)
    assert done.returncode == 3, done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("xmart: ")
    assert "Traceback" not in done.stderr
