"""Engines and the unit of work: SQLite (embedded default) and PostgreSQL (many workstations).

The engine is built at start-up from configuration, never at import time. A unit of work owns a
session and its transaction: commit explicitly, anything else rolls back on exit.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.pool import ConnectionPoolEntry

from xmart.errors import ProcessBusyError
from xmart.models.actor import Actor, actor_for

LOCK_WAIT_SECONDS = 30
SQLITE_BUSY_TIMEOUT_MS = LOCK_WAIT_SECONDS * 1000

POSTGRES_DEFAULTS = {
    "connect_timeout": "10",  # seconds to establish a connection, including a server that never answers
    "options": "-c statement_timeout=600000",  # ms: a statement (lock waits included) never runs past 10 min
    "keepalives": "1",  # a server or network that dies mid-run is noticed within about a minute
    "keepalives_idle": "30",
    "keepalives_interval": "10",
    "keepalives_count": "3",
}
"""libpq connection parameters xmart sets on PostgreSQL unless the URL's query gives its own
(`postgresql+psycopg://host/db?connect_timeout=5&options=-c%20statement_timeout%3D60000`)."""


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; on SQLite with WAL, synchronous=FULL, secure_delete, foreign keys, busy timeout;
    on PostgreSQL with the connect and statement time-outs and keepalives of POSTGRES_DEFAULTS."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        if parsed.get_backend_name() == "postgresql":
            defaults = {k: v for k, v in POSTGRES_DEFAULTS.items() if k not in parsed.query}
            kwargs["connect_args"] = defaults | kwargs.get("connect_args", {})
        return create_engine(parsed, pool_pre_ping=True, **kwargs)
    engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        if parsed.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        for pragma in (
            "synchronous=FULL",
            "secure_delete=ON",
            "foreign_keys=ON",
            f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
            "cache_size=-65536",
            "temp_store=MEMORY",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def is_sqlite(engine: Engine) -> bool:
    """True for an SQLite engine."""
    return engine.dialect.name == "sqlite"


UNIT_OF_WORK_KEY = "xmart.unit_of_work"
"""`session.info` key of the UnitOfWork that opened a session (readers taking a session find the actor there)."""


def _lock_key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class UnitOfWork:
    """A session and one transaction; `exclusive(name)` serialises runs of a process across workstations.

    `uow.session` is the session while the unit of work is open (inside `with`); outside it raises
    RuntimeError. Commit explicitly: anything not committed is rolled back on exit.

    A process that must not overlap with another run takes its own lock, first thing in its
    transaction: `with uow.exclusive(PROCESS_LOCK): ...`. The lock lasts until commit or rollback:
    on SQLite `BEGIN IMMEDIATE` (the database's single write lock), on PostgreSQL a transaction
    advisory lock named after the process. A second run waits for the first to finish and then
    reads what it left (DOMAIN.md section 4: "the second waits and then runs on what the first left").
    After LOCK_WAIT_SECONDS of waiting it stops with ProcessBusyError ("another run is in progress").
    Taking a lock already held in this transaction is a no-op, so a caller may run several
    processes in one transaction (the demo receives and invoices in one).
    """

    def __init__(self, engine: Engine, actor: Actor | None = None):
        self.engine = engine
        self.actor = actor if actor is not None else actor_for(engine)
        """Who acts (`models/actor.py`): the given actor, else the one signed in on `engine`, else None."""
        self._session: Session | None = None
        self._locks: set[str] = set()
        self._begun = False

    @property
    def session(self) -> Session:
        """The open session; RuntimeError outside `with`."""
        if self._session is None:
            raise RuntimeError("the unit of work is not open: use it in a `with` block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        session = Session(bind=self.engine, expire_on_commit=False, info={UNIT_OF_WORK_KEY: self})
        event.listen(session, "after_begin", self._after_begin)
        event.listen(session, "after_transaction_end", self._after_transaction_end)
        self._session = session
        return self

    def _after_begin(self, _session: Session, _transaction: object, _connection: object) -> None:
        self._begun = True

    def _after_transaction_end(self, _session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None:
            self._begun = False
            self._locks.clear()

    def holds(self, name: str) -> bool:
        """True when this transaction holds the lock `name` (see `exclusive`)."""
        return name in self._locks

    @contextmanager
    def exclusive(self, name: str) -> Iterator[UnitOfWork]:
        """Hold the lock `name` from here until the transaction ends (commit or rollback).

        Raises ProcessBusyError after LOCK_WAIT_SECONDS of waiting for another run, and
        RuntimeError when, on SQLite, the transaction already read or wrote without the lock
        (the database's write lock can only be taken at the start of a transaction).
        """
        session = self.session
        if name not in self._locks:
            try:
                if is_sqlite(self.engine):
                    if not self._locks:
                        if self._begun:
                            raise RuntimeError(f"take the {name!r} lock before the transaction's first query")
                        session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
                else:
                    session.execute(text(f"SET LOCAL lock_timeout = '{LOCK_WAIT_SECONDS}s'"))
                    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(name)})
            except OperationalError as exc:
                session.rollback()
                if "locked" in str(exc).lower() or "lock timeout" in str(exc).lower():
                    raise ProcessBusyError(
                        f"Another run is in progress (waited {LOCK_WAIT_SECONDS} s); try again when it has finished."
                    ) from exc
                raise
            self._locks.add(name)
        yield self

    def share(self, name: str) -> None:
        """Hold the lock `name` shared until the transaction ends: `exclusive(name)` elsewhere waits for it.

        On PostgreSQL a shared transaction advisory lock (many sharers, no exclusive holder meanwhile);
        on SQLite nothing: a writer there already fails rather than commit over a newer snapshot.
        Raises ProcessBusyError after LOCK_WAIT_SECONDS of waiting for an exclusive holder.
        """
        if name in self._locks or is_sqlite(self.engine):
            return
        session = self.session
        try:
            session.execute(text(f"SET LOCAL lock_timeout = '{LOCK_WAIT_SECONDS}s'"))
            session.execute(text("SELECT pg_advisory_xact_lock_shared(:key)"), {"key": _lock_key(name)})
        except OperationalError as exc:
            session.rollback()
            if "lock timeout" in str(exc).lower():
                raise ProcessBusyError(
                    f"Another run is in progress (waited {LOCK_WAIT_SECONDS} s); try again when it has finished."
                ) from exc
            raise

    def serialize(self, name: str) -> None:
        """Serialise writers of one shared thing (the audit chain) from here until the transaction ends.

        On PostgreSQL a transaction advisory lock `name` (waited for up to LOCK_WAIT_SECONDS); on
        SQLite `exclusive(name)` when the transaction has not begun, else nothing more is needed:
        SQLite has one writer at a time and refuses a write from a transaction whose snapshot is stale.
        """
        if name in self._locks:
            return
        if not is_sqlite(self.engine) or not self._begun:
            with self.exclusive(name):
                return
        self._locks.add(name)

    def commit(self) -> None:
        """Commit the transaction (locks taken with `exclusive` are released)."""
        self.session.commit()

    def rollback(self) -> None:
        """Roll the transaction back (locks taken with `exclusive` are released)."""
        self.session.rollback()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session, self._session = self._session, None
        if session is not None:
            try:
                session.rollback()
            finally:
                session.close()
