"""The unit of work and the engine type as the client sees them.

`xmart.ui` imports neither `sqlalchemy` nor `xmart.models` (an import-linter contract checks it):
what it needs of them comes from here, named explicitly. Open `UnitOfWork(engine)` around each
process call or read; a process takes its own lock (`uow.exclusive`), callers do not. `Actor`,
`actor_for` and `sign_in_engine` say who is signed in on an engine (DOMAIN.md section 9).
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from xmart.models.actor import Actor, actor_for, sign_in_engine
from xmart.models.db import UnitOfWork

__all__ = ["Actor", "Engine", "UnitOfWork", "actor_for", "describe_database", "sign_in_engine"]


def describe_database(engine: Engine) -> str:
    """The database `engine` is on, for a status bar or a prompt: "SQLite: PATH" or "PostgreSQL: NAME on HOST".

    Never shows a password.
    """
    url = make_url(engine.url)
    if url.get_backend_name() == "sqlite":
        return f"SQLite: {url.database or 'in memory'}"
    return f"PostgreSQL: {url.database} on {url.host or 'local socket'}"
