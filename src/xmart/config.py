"""Where things live: the database URL and the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "xmart"


def data_dir() -> Path:
    """The user's data folder for xmart (created on demand): $XMART_DATA_DIR, else the platform's own."""
    override = os.environ.get("XMART_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs  # not needed for --help, nor when XMART_DATA_DIR is set

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(cli_value: str | None = None) -> str:
    """The database URL: `--db`, else `XMART_DB`, else an SQLite file in the data folder."""
    url = cli_value or os.environ.get("XMART_DB")
    if url:
        return url
    return f"sqlite:///{data_dir() / 'xmart.db'}"
