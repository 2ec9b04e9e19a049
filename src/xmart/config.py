"""Where things live: the database URL and the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "xmart"


def data_dir() -> Path:
    """The user's data folder for xmart (created on demand)."""
    path = Path(os.environ.get("XMART_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(cli_value: str | None = None) -> str:
    """The database URL: `--db`, else `XMART_DB`, else an SQLite file in the data folder."""
    url = cli_value or os.environ.get("XMART_DB")
    if url:
        return url
    return f"sqlite:///{data_dir() / 'xmart.db'}"
