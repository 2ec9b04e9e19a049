"""Test fixtures shared by every tier: keyring, data folder, and databases on SQLite and PostgreSQL.

Every test that asks for `db_url` or `engine` runs twice: on SQLite and on a real PostgreSQL
server — the one named by XMART_TEST_POSTGRES_URL, else a private throwaway server started
here with pgserver. Each test gets a fresh database cloned from a migrated template.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import keyring
import keyring.backend
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from xmart.models.db import make_engine
from xmart.models.migrate import upgrade

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ("tests.support.smtp",)  # the `smtp_server` fixture: a real SMTP server on localhost

TIERS = ("unit", "integration", "ui")  # the folders under tests/, each a marker of the same name
_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test with its tier, from its folder: `pytest -m unit` runs tests/unit only."""
    for item in items:
        try:
            tier = item.path.resolve().relative_to(_TESTS).parts[0]
        except ValueError:  # collected from outside tests/
            continue
        if tier in TIERS:
            item.add_marker(getattr(pytest.mark, tier))


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory keyring for tests (the real one holds the card-data key on a workstation)."""

    priority = 10

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Each test: its own data folder and an in-memory keyring."""
    data = tmp_path / "xmart-data"
    monkeypatch.setenv("XMART_DATA_DIR", str(data))
    monkeypatch.delenv("XMART_DB", raising=False)
    monkeypatch.delenv("XMART_KEY_FILE", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def postgres_server_url():
    """URL of a PostgreSQL server where tests may create databases."""
    url = os.environ.get("XMART_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    folder = Path(tempfile.mkdtemp(prefix="xmart-pg-"))
    server = pgserver.get_server(folder / "pgdata", cleanup_mode="stop")
    yield server.get_uri()
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


def _pg_url(server_url: str, database: str) -> str:
    url = make_url(server_url)
    return url.set(drivername="postgresql+psycopg", database=database).render_as_string(hide_password=False)


def _pg_admin(server_url: str):
    return make_engine(_pg_url(server_url, make_url(server_url).database or "postgres"), isolation_level="AUTOCOMMIT")


_counter = itertools.count()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A migrated SQLite database file to copy."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_template(postgres_server_url):
    """A migrated PostgreSQL database to clone (CREATE DATABASE ... TEMPLATE)."""
    name = f"xmart_template_{os.getpid()}"
    admin = _pg_admin(postgres_server_url)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(_pg_url(postgres_server_url, name))
    upgrade(engine)
    engine.dispose()
    yield name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _fresh(request, tmp_path, migrated: bool):
    backend = request.param
    if backend == "sqlite":
        path = tmp_path / "xmart.db"
        if migrated:
            shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    server = request.getfixturevalue("postgres_server_url")
    template = request.getfixturevalue("postgres_template") if migrated else "template0"
    name = f"xmart_test_{os.getpid()}_{next(_counter)}"
    admin = _pg_admin(server)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield _pg_url(server, name)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """URL of a fresh, migrated database (the test runs once per backend)."""
    yield from _fresh(request, tmp_path, migrated=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request, tmp_path):
    """URL of a fresh database with no schema at all (the test runs once per backend)."""
    yield from _fresh(request, tmp_path, migrated=False)


@pytest.fixture
def engine(db_url):
    """An engine on a fresh migrated database."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()
