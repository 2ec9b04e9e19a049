"""Environment faults and database errors end a command with ONE plain stderr line (INTERFACE.md), never
raw SQL, statement parameters or customer data on stderr or in xmart.log (DOMAIN.md section 9), and
nothing is lost: a read-only or full database, a file that is not a database, a server that never
answers or stops mid-run, a database made by a newer xmart, a mistyped --db path for a reading command.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url

from tests.support.db import load, snapshot
from tests.support.documents import B200_ITEM, example, write
from tests.support.scenarios import scenario
from xmart import config
from xmart.cli.main import main
from xmart.models.db import make_engine

SRC = Path(__file__).resolve().parents[2] / "src"
CUSTOMER = "Émile Zola-Unique"


@pytest.fixture
def logged():
    """The real xmart.log handler for this test's data folder; removed afterwards. Yields the log path."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield config.data_dir() / "xmart.log"
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def on_connect():
    """Register a function run on every new DBAPI connection of any engine (for this test only)."""
    registered = []

    def register(fn):
        event.listen(Engine, "connect", fn)
        registered.append(fn)

    yield register
    for fn in registered:
        event.remove(Engine, "connect", fn)


def customer_document() -> dict:
    doc = example()
    doc["customers"][0]["name"] = CUSTOMER
    return doc


def assert_one_clean_line(err: str, *expected: str) -> None:
    assert len(err.strip().splitlines()) == 1, err
    for needle in ("Traceback", "INSERT", "SELECT", "UPDATE", "parameters", "[SQL", "sqlalche.me", CUSTOMER, "Zola"):
        assert needle not in err, err
    for phrase in expected:
        assert phrase in err, err


def test_a_database_error_shows_and_logs_no_sql_parameters_or_customer_data(
    db_url, engine, on_connect, logged, tmp_path, capsys
):
    """A database that refuses writes (read-only) while a customer is imported: one plain line, exit 1."""
    load(engine, B200_ITEM)
    before = snapshot(engine)
    if make_url(db_url).get_backend_name() == "sqlite":
        on_connect(lambda dbapi, _record: dbapi.execute("PRAGMA query_only = ON"))
    else:
        db_url = make_url(db_url).update_query_dict({"options": "-c default_transaction_read_only=on"})
        db_url = db_url.render_as_string(hide_password=False)
    engine.dispose()
    status = main(["--db", db_url, "import", str(write(tmp_path / "doc.json", customer_document()))])
    err = capsys.readouterr().err
    assert status == 1
    assert_one_clean_line(err, "import failed", "read-only", "nothing of the unfinished transaction was written")
    log = logged.read_text(encoding="utf-8")
    assert "import failed" in log
    for needle in ("INSERT", "SELECT", "parameters", CUSTOMER, "Zola", "Analytical Ltd", "ada@example.com"):
        assert needle not in log
    assert snapshot(engine) == before


def test_a_full_disk_is_one_plain_line_and_nothing_is_written(tmp_path, on_connect, capsys):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["--db", url, "db", "upgrade"]) == 0
    engine = make_engine(url)
    before = snapshot(engine)
    engine.dispose()

    def full(dbapi, _record):  # the file may not grow by a single page: SQLite's "database or disk is full"
        pages = dbapi.execute("PRAGMA page_count").fetchone()[0]
        dbapi.execute(f"PRAGMA max_page_count = {pages}")

    on_connect(full)
    capsys.readouterr()
    doc = customer_document()
    doc["items"] += B200_ITEM["items"] + [
        {"sku": f"X{i}", "description": "y" * 150, "price": "1.00", "cost": "0.50"} for i in range(300)
    ]
    assert main(["--db", url, "import", str(write(tmp_path / "doc.json", doc))]) == 1
    assert_one_clean_line(capsys.readouterr().err, "import failed", "disk holding the database is full")
    engine = make_engine(url)
    assert snapshot(engine) == before
    engine.dispose()


@pytest.mark.parametrize("argv", [["show", "cso", "1"], ["import", "DOC"], ["db", "upgrade"]])
def test_a_file_that_is_not_a_database(argv, tmp_path, capsys):
    path = tmp_path / "notes.db"
    content = b"These are my notes, not a database. " * 200
    path.write_bytes(content)
    argv = [str(write(tmp_path / "doc.json", example())) if a == "DOC" else a for a in argv]
    assert main(["--db", f"sqlite:///{path}", *argv]) == 1
    assert_one_clean_line(capsys.readouterr().err, "failed", "is not an xmart database")
    assert path.read_bytes() == content


@pytest.mark.parametrize("argv", [["show", "cso", "1001"], ["print", "so", "5001"], ["report", "sale-orders"]])
def test_reading_commands_never_create_a_database(argv, tmp_path, capsys):
    path = tmp_path / "typo" / "xmat.db"
    assert main(["--db", f"sqlite:///{path}", *argv]) == 2
    err = capsys.readouterr().err
    assert_one_clean_line(err, "does not exist")
    assert str(path) in err
    assert not path.exists() and not path.parent.exists()


def test_reading_commands_never_create_a_schema(empty_db_url, capsys):
    assert main(["--db", empty_db_url, "show", "cso", "1001"]) == 2
    err = capsys.readouterr().err
    assert_one_clean_line(err)
    assert "never created" in err or "does not exist" in err
    engine = make_engine(empty_db_url)
    with engine.connect() as connection:
        tables = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table'")
            if engine.dialect.name == "sqlite"
            else text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).all()
    engine.dispose()
    assert tables == []


@pytest.mark.parametrize("argv", [["show", "cso", "1001"], ["db", "upgrade"], ["import", "DOC"]])
def test_a_database_made_by_a_newer_xmart_is_left_unchanged(argv, db_url, engine, tmp_path, capsys):
    load(engine, B200_ITEM)
    load(engine, example())
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    before = snapshot(engine)
    argv = [
        str(write(tmp_path / "doc.json", {"vendors": [{"code": "V9", "name": "New"}]})) if a == "DOC" else a
        for a in argv
    ]
    assert main(["--db", db_url, *argv]) == 1
    assert_one_clean_line(capsys.readouterr().err, "made by a newer version of xmart", "Nothing was changed")
    assert snapshot(engine) == before
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0099_future"


PROBE = """
import sys
from xmart.models import db
db.POSTGRES_DEFAULTS["connect_timeout"] = "1"
from xmart.cli.main import main
sys.exit(main(["--db", sys.argv[1], "show", "cso", "1001"]))
"""


def test_a_server_that_accepts_but_never_answers_times_out(tmp_path):
    """A bounded test on 127.0.0.1: without a connect time-out xmart waits forever."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted = []
    threading.Thread(target=lambda: accepted.append(server.accept()), daemon=True).start()
    url = f"postgresql+psycopg://clerk:secret@127.0.0.1:{server.getsockname()[1]}/xmart"
    env = os.environ | {"PYTHONPATH": str(SRC)}
    try:
        done = subprocess.run([sys.executable, "-c", PROBE, url], capture_output=True, text=True, env=env, timeout=30)
    finally:
        server.close()
        for connection, _address in accepted:
            connection.close()
    assert done.returncode == 1
    assert_one_clean_line(done.stderr, "show failed", "did not answer in time")
    assert "secret" not in done.stderr


def test_the_default_time_outs_are_set_and_a_url_may_change_them():
    engine = make_engine("postgresql+psycopg://u@127.0.0.1:1/x?connect_timeout=3")
    args, kwargs = engine.dialect.create_connect_args(engine.url)
    engine.dispose()
    from xmart.models.db import POSTGRES_DEFAULTS

    assert POSTGRES_DEFAULTS["connect_timeout"] == "10" and "statement_timeout" in POSTGRES_DEFAULTS["options"]
    assert kwargs["connect_timeout"] == "3"


def test_a_server_that_stops_mid_run_is_one_plain_line(postgres_server_url, db_url, engine, monkeypatch, capsys):
    if make_url(db_url).get_backend_name() != "postgresql":
        pytest.skip("a server stopping is a PostgreSQL fault")
    load(engine, B200_ITEM)
    load(engine, example())
    before = snapshot(engine)
    import xmart.cli.show as show

    original = show.cso_fulfilment

    def killed_midway(session, number):  # another connection terminates this run's backend
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
        with engine.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        return original(session, number)

    monkeypatch.setattr(show, "cso_fulfilment", killed_midway)
    assert main(["--db", db_url, "show", "cso", "1001"]) == 1
    assert_one_clean_line(capsys.readouterr().err, "show failed", "database server")
    assert snapshot(engine) == before


def test_assign_printing_into_an_existing_file_says_what_was_saved(engine, db_url, tmp_path, capsys):
    load(engine, scenario({"S01": {"A": (3, 0)}, "S02": {"A": (3, 0)}}, [{"lines": [("A", 5)]}]))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    status = main(["--db", db_url, "assign", "--by-number", "1", "9999", "--print", "--pdf-dir", str(blocker)])
    captured = capsys.readouterr()
    assert status == 1
    assert_one_clean_line(captured.err, "printing failed", "were saved", "'xmart print so 5001 5002'")
    assert "SO 5001" in captured.out and "SO 5002" in captured.out
    assert main(["--db", db_url, "print", "so", "5001", "5002", "--pdf-dir", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["SO-5001.pdf", "SO-5002.pdf"]


def test_purchase_orders_printing_into_an_existing_file_says_what_was_saved(engine, db_url, tmp_path, capsys):
    load(engine, B200_ITEM)
    doc = example()
    doc.pop("purchase_orders", None)
    load(engine, doc)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    argv = ["purchase-orders", "--by-number", "1", "9999", "--delivery", "2026-12-01", "--cancel", "2026-12-15"]
    status = main(["--db", db_url, *argv, "--print", "--pdf-dir", str(blocker)])
    captured = capsys.readouterr()
    if "Created 0" in captured.out:
        pytest.skip("the example leaves nothing to order")
    assert status == 1
    assert_one_clean_line(captured.err, "printing failed", "were saved", "'xmart print po ")
