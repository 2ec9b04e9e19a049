"""Schema migrations shipped in the package: an installed wheel can create and upgrade its database.

Start-up only reads the `alembic_version` row and compares it with HEAD_REVISION; alembic itself
is imported only when the schema must change (or for the checks the tests run).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url

import xmart.models  # noqa: F401  (registers every table)
from xmart.errors import InputError, XmartError
from xmart.models.base import Base

if TYPE_CHECKING:  # alembic is imported only when the schema must change (module docstring)
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")

HEAD_REVISION = "0007"
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


class NewerSchemaError(XmartError):
    """The database was made by a newer xmart: this version changes nothing in it."""

    exit_status = 1


class NoDatabaseError(InputError):
    """A reading command was pointed at a database that does not exist (or has no xmart schema)."""


def require_database(url: str) -> None:
    """Raise NoDatabaseError when `url` is an SQLite file that does not exist (nothing is created).

    A reading command calls this before connecting, since connecting to SQLite creates the file.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    if parsed.query.get("mode") == "memory" or str(parsed.database).startswith("file:"):
        return
    if not Path(parsed.database).is_file():
        raise NoDatabaseError(f'The database "{parsed.database}" does not exist; check the --db path.')


def upgrade(engine: Engine, revision: str = "head", create: bool = True) -> None:
    """Create or migrate the schema up to `revision`; does nothing when already there.

    Raises NewerSchemaError, changing nothing, when the database is at a revision this version of
    xmart does not ship (made by a newer xmart); NoDatabaseError when the database has no schema and
    `create` is False (reading commands never create one).
    """
    current = current_revision(engine)
    if revision in ("head", HEAD_REVISION) and current == HEAD_REVISION:
        return
    if current is None and not create:
        raise NoDatabaseError("The database has no xmart data (it was never created); check the --db URL.")
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    if current is not None:
        try:
            ScriptDirectory.from_config(alembic_config()).get_revision(current)
        except CommandError:
            raise NewerSchemaError(
                f"The database was made by a newer version of xmart (schema {current}; this version "
                f"knows up to {HEAD_REVISION}). Nothing was changed: use the newer xmart."
            ) from None

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def schema_differences(engine: Engine) -> list[Any]:
    """What differs between the models and the migrated database (empty when `alembic check` is clean)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))  # alembic types its diffs as Any
