"""Migrations: upgrade from an empty database, models and migrations agree (`alembic check`)."""

from sqlalchemy import inspect, select

from xmart.models import Base, Channel
from xmart.models.db import UnitOfWork, make_engine
from xmart.models.migrate import current_revision, head_revision, schema_differences, upgrade


def test_upgrade_head_from_empty_creates_every_table(empty_db_url):
    engine = make_engine(empty_db_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_models_match_migrations_alembic_check(empty_db_url):
    engine = make_engine(empty_db_url)
    upgrade(engine)
    assert schema_differences(engine) == []
    engine.dispose()


def test_upgrade_is_idempotent_and_seeds_default_channels(engine):
    upgrade(engine)
    upgrade(engine)
    with UnitOfWork(engine) as uow:
        names = set(uow.session.scalars(select(Channel.name)))
    assert {"POS", "Website", "Sales Order Interface", "Phone"} <= names


def test_downgrade_to_base_and_back(empty_db_url):
    engine = make_engine(empty_db_url)
    upgrade(engine)
    from alembic import command

    from xmart.models.migrate import alembic_config

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert not set(Base.metadata.tables) & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert schema_differences(engine) == []
    engine.dispose()


def test_sqlite_pragmas(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("secure_delete") == 1
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000
    engine.dispose()


def test_head_constant_is_alembics_head():
    from xmart.models.migrate import HEAD_REVISION

    assert HEAD_REVISION == head_revision()
