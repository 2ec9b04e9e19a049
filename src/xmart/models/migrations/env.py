"""Alembic environment: runs on the connection handed in by `xmart.models.migrate`."""

from __future__ import annotations

from alembic import context

import xmart.models  # noqa: F401  (registers every table)
from xmart.models.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through xmart.models.migrate (it passes a connection).")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
