"""Schema migrations shipped in the package: an installed wheel can create and upgrade its database.

Start-up only reads the `alembic_version` row and compares it with HEAD_REVISION; alembic itself
is imported only when the schema must change (or for the checks the tests run).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text

import xmart.models  # noqa: F401  (registers every table)
from xmart.models.base import Base

if TYPE_CHECKING:  # alembic is imported only when the schema must change (module docstring)
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")

HEAD_REVISION = "0003"
"""The newest revision in migrations/versions (a test checks it against alembic's own answer)."""


def alembic_config(connection: Connection | None = None) -> Config:
    """An alembic Config pointing at the packaged migrations, optionally bound to a connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision shipped with this version of xmart, as alembic reads it."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or migrate the schema up to `revision`; does nothing when already there."""
    if revision in ("head", HEAD_REVISION) and current_revision(engine) == HEAD_REVISION:
        return
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def schema_differences(engine: Engine) -> list[Any]:
    """What differs between the models and the migrated database (empty when `alembic check` is clean)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))  # alembic types its diffs as Any
