"""Workstations for tests: separate `xmart` processes with their own data folder and no keyring."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NO_KEYRING = "keyring.backends.null.Keyring"
XMART = str(Path(sys.executable).with_name("xmart"))
"""The installed `xmart` program."""


def workstation(tmp_path: Path, name: str, **extra: str) -> dict[str, str]:
    """The environment of one workstation: its own data folder (`tmp_path / name`), no keyring, no key file."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XMART_")}
    env.update(XMART_DATA_DIR=str(tmp_path / name), PYTHON_KEYRING_BACKEND=NO_KEYRING, **extra)
    return env


def xmart(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run `xmart ARGS` as a separate process in environment `env`."""
    return subprocess.run([XMART, *args], env=env, capture_output=True, text=True, timeout=300)
