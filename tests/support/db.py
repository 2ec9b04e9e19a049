"""Database helpers for tests: snapshots to prove "nothing changed", quick imports."""

from __future__ import annotations

from sqlalchemy import Engine, select

import xmart.models  # noqa: F401
from xmart.models.base import Base
from xmart.models.db import UnitOfWork
from xmart.processes.importer import import_document


def snapshot(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: equal snapshots mean an unchanged database."""
    result = {}
    with engine.connect() as connection:
        for name, table in sorted(Base.metadata.tables.items()):
            rows = connection.execute(select(table)).all()
            result[name] = sorted(tuple(map(repr, row)) for row in rows)
    return result


def load(engine: Engine, doc: dict) -> None:
    """Import a document (committed)."""
    with UnitOfWork(engine) as uow:
        import_document(uow, doc)
