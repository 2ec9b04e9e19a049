"""Engines and the unit of work: SQLite (embedded default) and PostgreSQL (many workstations).

The engine is built at start-up from configuration, never at import time. A unit of work owns a
session and its transaction: commit explicitly, anything else rolls back on exit.
"""

from __future__ import annotations

import hashlib
from types import TracebackType

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from xmart.errors import ProcessBusyError

LOCK_WAIT_SECONDS = 30
SQLITE_BUSY_TIMEOUT_MS = LOCK_WAIT_SECONDS * 1000


def make_engine(url: str, **kwargs) -> Engine:
    """An engine for `url`; on SQLite with WAL, synchronous=FULL, secure_delete, foreign keys, busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True, **kwargs)
    engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        if parsed.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        for pragma in ("synchronous=FULL", "secure_delete=ON", "foreign_keys=ON", f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
                       "cache_size=-65536", "temp_store=MEMORY"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def is_sqlite(engine: Engine) -> bool:
    """True for an SQLite engine."""
    return engine.dialect.name == "sqlite"


def _lock_key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class UnitOfWork:
    """A session and one transaction. `exclusive=name` serialises runs of a process across workstations.

    With `exclusive`, the transaction first takes a lock that lasts until commit or rollback:
    on SQLite `BEGIN IMMEDIATE` (the database's single write lock), on PostgreSQL a transaction
    advisory lock named after the process. A second run waits for the first to finish and then
    reads what it left (DOMAIN.md section 4: "the second waits and then runs on what the first left").
    After LOCK_WAIT_SECONDS of waiting it stops with ProcessBusyError ("another run is in progress").
    """

    def __init__(self, engine: Engine, exclusive: str | None = None):
        self.engine = engine
        self.exclusive = exclusive
        self.session: Session | None = None
        self._connection = None

    def __enter__(self) -> UnitOfWork:
        try:
            if self.exclusive and is_sqlite(self.engine):
                self._connection = self.engine.connect().execution_options(sqlite_begin="IMMEDIATE")
                self.session = Session(bind=self._connection, expire_on_commit=False)
                self.session.connection()  # BEGIN IMMEDIATE now: waits for any other writer
            else:
                self.session = Session(bind=self.engine, expire_on_commit=False)
                if self.exclusive:
                    self.session.execute(text(f"SET LOCAL lock_timeout = '{LOCK_WAIT_SECONDS}s'"))
                    self.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(self.exclusive)})
        except OperationalError as exc:
            self.__exit__(None, None, None)
            if "locked" in str(exc).lower() or "lock timeout" in str(exc).lower():
                raise ProcessBusyError(
                    f"Another run is in progress (waited {LOCK_WAIT_SECONDS} s); try again when it has finished."
                ) from exc
            raise
        return self

    def commit(self) -> None:
        """Commit the transaction."""
        assert self.session is not None
        self.session.commit()

    def rollback(self) -> None:
        """Roll the transaction back."""
        assert self.session is not None
        self.session.rollback()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if self.session is not None:
                self.session.rollback()
        finally:
            if self.session is not None:
                self.session.close()
            if self._connection is not None:
                self._connection.close()
