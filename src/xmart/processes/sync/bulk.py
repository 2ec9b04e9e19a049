"""Set-based reads and writes for applying packages: chunked IN lists, multi-row inserts, upserts.

Applying a package never runs a query per row (DOMAIN.md section 6 and the issue's figure: 20,000
stock levels and 2,000 invoice lines well under 2 s on SQLite): reads go by chunks of ids, writes
by executemany or INSERT ... ON CONFLICT on both SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from xmart.models.base import Base

CHUNK = 900
"""Values per IN list (below SQLite's old 999-parameter limit)."""

T = TypeVar("T")


def chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """`values` in slices of at most `size`."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def table(model: type[Base]) -> Table:
    """The Core table of a mapped class."""
    return cast(Table, model.__table__)


def _insert(session: Session, table: Table) -> Any:
    return (postgresql if session.get_bind().dialect.name == "postgresql" else sqlite).insert(table)


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT `rows` (dicts with the same keys) in one executemany."""
    if rows:
        session.execute(table.insert(), list(rows))


def insert_ignoring(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT `rows`, skipping any whose key is already there (ON CONFLICT DO NOTHING)."""
    if rows:
        session.execute(_insert(session, table).on_conflict_do_nothing(), list(rows))


def upsert(session: Session, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    """INSERT `rows`, or UPDATE the other columns of a row whose `keys` are already there."""
    if not rows:
        return
    statement = _insert(session, table)
    others = [name for name in rows[0] if name not in keys]
    statement = statement.on_conflict_do_update(
        index_elements=list(keys), set_={name: statement.excluded[name] for name in others}
    )
    session.execute(statement, list(rows))
