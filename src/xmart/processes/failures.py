"""One plain line for a failure that is not the user's input: database, disk, network (INTERFACE.md, exit 1),
for the command line (xmart.cli.main) and the client's error box (xmart.ui.errors) alike.

DOMAIN.md section 9: no message or log line carries raw SQL, statement parameters or customer data.
SQLAlchemy's and the drivers' messages carry all three (the statement, its values, a row's DETAIL),
so a database error is described by its kind only: the driver's error class, PostgreSQL's SQLSTATE
code, or one of SQLite's fixed messages. `describe` gives the stderr line, `log_text` the log line.
The command line imports it only when a command fails; it never imports SQLAlchemy itself.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

ROLLED_BACK = "nothing of the unfinished transaction was written"

# SQLite's own fixed messages (they never include values) -> what a clerk reads
_SQLITE_MESSAGES = (
    ("readonly database", "the database cannot be written (a read-only file or folder)"),
    ("database or disk is full", "the disk holding the database is full"),
    ("disk i/o error", "the disk holding the database failed to read or write"),
    ("file is not a database", "the file given as the database is not an xmart database"),
    ("database disk image is malformed", "the database file is damaged"),
    ("unable to open database file", "the database file cannot be opened"),
    ("database is locked", "the database stayed locked by another program"),
)

# PostgreSQL SQLSTATE codes and classes -> what a clerk reads
_POSTGRES_STATES = {
    "57014": "the database server cancelled a statement that ran too long (statement timeout)",
    "55P03": "the database server did not grant a lock in time (lock timeout)",
    "57P01": "the database server was shut down during the run",
    "57P02": "the database server was shut down during the run",
    "57P03": "the database server is starting up or shutting down",
    "53100": "the disk of the database server is full",
    "53200": "the database server ran out of memory",
    "25006": "the database is read-only",
    "42501": "the database user may not do this (permission denied)",
    "28P01": "the database server refused the user name or password",
    "28000": "the database server refused the user",
    "3D000": "the database named in the URL does not exist on the server",
}
_POSTGRES_CLASSES = {
    "08": "the connection to the database server was lost",
    "53": "the database server ran out of resources",
    "23": "the database refused a value (constraint)",
    "22": "the database refused a value (out of range or malformed)",
}


def _database_error(exc: BaseException) -> tuple[str, str] | None:
    """(clerk text, log detail) for a SQLAlchemy error, else None."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is None or not isinstance(exc, sa_exc.SQLAlchemyError):
        return None
    orig = getattr(exc, "orig", None)
    driver = type(orig).__name__ if orig is not None else type(exc).__name__
    state = getattr(orig, "sqlstate", None)
    if state:
        text = _POSTGRES_STATES.get(state) or _POSTGRES_CLASSES.get(state[:2])
        if text is None:
            text = f"the database server reported an error ({driver}, SQLSTATE {state})"
        return text, f"{driver} SQLSTATE {state}"
    if orig is not None and type(orig).__module__.startswith("psycopg"):
        message = str(orig).lower()
        if "timeout" in message or "timed out" in message:
            return "the database server did not answer in time (connect timeout)", f"{driver} timeout"
        if isinstance(exc, sa_exc.OperationalError):
            return (
                "the connection to the database server failed or was lost (check the --db URL and the server)",
                driver,
            )
    if orig is not None and type(orig).__module__ == "sqlite3":
        message = str(orig).lower()
        for needle, text in _SQLITE_MESSAGES:
            if needle in message:
                return text, f"{driver}: {needle}"
    return f"the database reported an error ({driver})", driver


def reason(exc: BaseException) -> str:
    """What went wrong, in plain words and without values: "the disk holding the database is full"."""
    database = _database_error(exc)
    if database is not None:
        return database[0]
    if isinstance(exc, OSError):
        where = f' "{exc.filename}"' if exc.filename else ""
        return f"{exc.strerror or type(exc).__name__}{where}"
    return type(exc).__name__


def describe(command: str, exc: BaseException) -> str:
    """The one stderr line (without the `xmart: ` prefix) for `exc` that ended `command`."""
    if isinstance(exc, OSError) and _database_error(exc) is None:
        return f"{command} failed: {reason(exc)}."
    return f"{command} failed: {reason(exc)}; {ROLLED_BACK}."


def log_text(command: str, exc: BaseException) -> str:
    """The log line for `exc`: the exception's type, a sanitized detail and the code path (no values)."""
    database = _database_error(exc)
    detail = database[1] if database is not None else type(exc).__name__
    if database is None and isinstance(exc, OSError):
        detail += f" errno {exc.errno}"
    # where it happened: file, line and function of the innermost frames, never source text or values
    frames = " < ".join(
        f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"
        for frame in reversed(traceback.extract_tb(exc.__traceback__)[-8:])
    )
    return f"{command} failed: {type(exc).__name__} ({detail}) at {frames}"
