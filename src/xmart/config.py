"""Where things live: the database URL, the workstation's saved choice of database, the data folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

APP_NAME = "xmart"
WORKSTATION_FILE = "workstation.json"
"""In the data folder: this workstation's choices made at the first run ({"database": URL})."""
PASSWORD_FILE = "pgpass"
"""In the data folder: the office server's password, in PostgreSQL's own password-file format (mode 0600)."""


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


def default_database_url() -> str:
    """The database of "this computer": an SQLite file in the data folder."""
    return f"sqlite:///{data_dir() / 'xmart.db'}"


def saved_database() -> str | None:
    """The database this workstation chose at its first run (`save_database`), or None."""
    try:
        saved = json.loads((data_dir() / WORKSTATION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = saved.get("database") if isinstance(saved, dict) else None
    return url if isinstance(url, str) and url else None


def save_database(url: str) -> None:
    """Remember `url` as this workstation's database (the client's first run; never a password:
    a server's password goes to `save_server_password`). Raises OSError when the file cannot be written."""
    path = data_dir() / WORKSTATION_FILE
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"database": url}, indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)


def save_server_password(host: str, port: int, database: str, user: str, password: str) -> Path:
    """Write the office server's password to the data folder's password file (created with mode 0600,
    PostgreSQL's .pgpass format: libpq reads it through the URL's `passfile` parameter), replacing the
    entry of the same server, database and user. Returns the file's path. Raises OSError."""

    def field(value: str) -> str:
        return value.replace("\\", "\\\\").replace(":", "\\:")

    key = ":".join(field(v) for v in (host, str(port), database, user))
    path = data_dir() / PASSWORD_FILE
    try:
        kept = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith(key + ":")]
    except FileNotFoundError:
        kept = []
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write("\n".join([*kept, f"{key}:{field(password)}"]) + "\n")
    os.chmod(path, 0o600)  # also when the file existed with looser permissions
    return path


def database_choice_needed(cli_value: str | None = None) -> bool:
    """True on a workstation's very first run: no `--db`, no `XMART_DB`, no saved choice, and no database
    of this computer yet. The desktop client then asks where the database is (README, "First run")."""
    if cli_value or os.environ.get("XMART_DB") or saved_database():
        return False
    return not (data_dir() / "xmart.db").exists()


def database_url(cli_value: str | None = None) -> str:
    """The database URL: `--db`, else `XMART_DB`, else the workstation's saved choice, else an SQLite
    file in the data folder."""
    url = cli_value or os.environ.get("XMART_DB") or saved_database()
    if url:
        return url
    return default_database_url()
