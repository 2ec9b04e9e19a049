"""The first run's choice of database: this computer (an SQLite file) or the office's PostgreSQL server.

`check_server` tries a connection with the typed details and says in one plain line what it found
(never SQL, a password or a traceback); `choose_server` saves the choice once the check passes, the
password apart from the URL (config.save_server_password, read by libpq through `passfile`), so the
desktop client and the command line of this workstation use the same database from then on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from xmart import config
from xmart.errors import InputError
from xmart.models.db import make_engine

log = logging.getLogger("xmart.workstation")

CHECK_TIMEOUT_SECONDS = 5
"""How long the connection test waits for a server that does not answer."""


@dataclass(frozen=True)
class ServerDetails:
    """What the first run asks about the office server."""

    host: str
    port: int
    database: str
    user: str
    password: str = ""


@dataclass(frozen=True)
class ServerCheck:
    """The outcome of a connection test: `ok`, and one line for the person who typed the details."""

    ok: bool
    message: str


def _validate(details: ServerDetails) -> None:
    for label, value in (("server", details.host), ("database", details.database), ("user", details.user)):
        if not value.strip():
            raise InputError(f"Type the {label} name.")
    if not 1 <= details.port <= 65535:
        raise InputError("The port is a number from 1 to 65535 (PostgreSQL's is usually 5432).")


def server_url(details: ServerDetails, passfile: str | None = None) -> str:
    """The SQLAlchemy URL of the server, without the password (`passfile`: where libpq reads it).

    A host starting with "/" is a folder holding the server's Unix socket. Raises InputError for a
    blank name or a port out of range."""
    _validate(details)
    user, database = quote(details.user, safe=""), quote(details.database, safe="")
    query = []
    if details.host.startswith("/"):
        query.append(f"host={quote(details.host, safe='/')}")
        location = f"{user}@:{details.port}"
    else:
        location = f"{user}@{details.host}:{details.port}"
    if passfile:
        query.append(f"passfile={quote(passfile, safe='/:')}")
    return f"postgresql+psycopg://{location}/{database}" + (f"?{'&'.join(query)}" if query else "")


_REFUSED = "the server refused this user name and password"
_NOTHING = "nothing answers at that server and port (is PostgreSQL running there?)"
_WHY: tuple[tuple[tuple[str, ...], str], ...] = (
    (("password authentication failed",), _REFUSED),
    (("no password supplied",), _REFUSED),
    (("role", "does not exist"), "the server has no user of that name"),
    (("database", "does not exist"), "the server has no database of that name (ask its administrator to create it)"),
    (("timeout expired",), f"the server did not answer within {CHECK_TIMEOUT_SECONDS} seconds"),
    (("could not translate host name",), "no computer of that name was found on the network"),
    (("failed to resolve host",), "no computer of that name was found on the network"),
    (("connection refused",), _NOTHING),
    (("no such file or directory",), _NOTHING),
)
"""libpq's words (all of them in the message) -> the reason shown."""


def _why(exc: BaseException) -> str:
    """The reason of a failed connection in words for the person at the dialog (libpq's own text
    names hosts and users and is not shown; the log gets the sanitized detail)."""
    detail = str(getattr(exc, "orig", None) or exc).lower()
    for needles, words in _WHY:
        if all(needle in detail for needle in needles):
            return words
    return "the server could not be reached with these details (check them with the server's administrator)"


def check_server(details: ServerDetails) -> ServerCheck:
    """Connect to the server with `details` and say what is there: an empty database, an xmart
    database, or why it failed (wrong password, unknown database, no answer...). Writes nothing."""
    from xmart.processes import failures

    try:
        url = server_url(details)
    except InputError as exc:
        return ServerCheck(False, str(exc))
    engine = make_engine(
        url, connect_args={"password": details.password, "connect_timeout": str(CHECK_TIMEOUT_SECONDS)}
    )
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar_one()
            tables = set(inspect(connection).get_table_names())
    except Exception as exc:  # noqa: BLE001 - every failure becomes one plain line
        log.info("connection test failed: %s", failures.log_text("first run", exc))
        return ServerCheck(False, f"Could not connect: {_why(exc)}.")
    finally:
        engine.dispose()
    major = str(version).split()[0]
    if "alembic_version" in tables:
        found = "it holds an xmart database, which this workstation will share"
    elif tables:
        found = "its database holds tables of another program: choose another database"
        return ServerCheck(False, f"Connected to PostgreSQL {major}, but {found}.")
    else:
        found = "its database is empty: xmart will create its tables"
    return ServerCheck(True, f"Connected to PostgreSQL {major}; {found}.")


def choose_server(details: ServerDetails) -> str:
    """Check the server and, when the check passes, save it as this workstation's database (the
    password in the data folder's password file). Returns the URL (no password in it). Raises
    InputError with the check's message when it fails, OSError when the data folder is not writable."""
    check = check_server(details)
    if not check.ok:
        raise InputError(check.message)
    passfile = config.save_server_password(details.host, details.port, details.database, details.user, details.password)
    url = server_url(details, passfile=str(passfile))
    config.save_database(url)
    return url


def choose_this_computer() -> str:
    """Save "this computer" (the SQLite file in the data folder) as this workstation's database; its URL."""
    url = config.default_database_url()
    config.save_database(url)
    return url


def describe_url(url: str) -> str:
    """A short, password-free label of a database URL ("PostgreSQL xmart on office-server")."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite file {parsed.database}"
    host = parsed.host or parsed.query.get("host") or "localhost"
    return f"PostgreSQL database {parsed.database} on {host}"
