"""The audit log (DOMAIN.md section 9): append-only by triggers, hash-chained, `audit verify` / `audit list`.

On SQLite and PostgreSQL: UPDATE and DELETE (and TRUNCATE on PostgreSQL) are refused by the
database; a change made behind the triggers' back (trigger dropped or disabled, row changed,
trigger restored) is found by `verify` naming the entry, and so is a removed entry, in the middle
or at the end; concurrent writers keep one linear chain. The command line: `audit verify` exits
0 or 1 naming the entry, and any command without sign-in on a database with users exits 3 with
one line.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine, delete, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tests.support.db import load
from tests.support.security import PASSWORD, add_user, audit_entries, sign_in, user_without
from xmart.errors import PermissionDenied
from xmart.models import AuditEntry
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.security import audit

cli_main = importlib.import_module("xmart.cli.main")
SQLITE_TRIGGERS = {
    event: f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries are never changed or deleted'); END"
    for event in ("UPDATE", "DELETE")
}


def _record(engine: Engine, n: int, action: str = "test.entry") -> None:
    for i in range(n):
        with UnitOfWork(engine) as uow:
            audit.record(uow, action, entity="thing", entity_id=i, detail=f"entry {i}")
            uow.commit()


def _verify(engine: Engine) -> audit.VerifyResult:
    with UnitOfWork(engine) as uow:
        return audit.verify(uow)


@contextmanager
def _behind_the_triggers(engine: Engine) -> Iterator[Connection]:
    """A transaction in which audit_log's triggers are off (dropped / disabled), restored before commit."""
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            for event in SQLITE_TRIGGERS:
                connection.exec_driver_sql(f"DROP TRIGGER audit_log_no_{event.lower()}")
            yield connection
            for sql in SQLITE_TRIGGERS.values():
                connection.exec_driver_sql(sql)
        else:
            connection.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER USER")
            yield connection
            connection.exec_driver_sql("ALTER TABLE audit_log ENABLE TRIGGER USER")


def test_the_database_refuses_updates_and_deletes_of_the_audit_log(engine):
    _record(engine, 3)
    for statement in (
        update(AuditEntry).where(AuditEntry.id == 2).values(detail="nothing happened"),
        delete(AuditEntry).where(AuditEntry.id == 3),
        delete(AuditEntry),
    ):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(statement)
    if engine.dialect.name == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.exec_driver_sql("TRUNCATE audit_log")
    assert len(audit_entries(engine)) == 3
    assert _verify(engine) == audit.VerifyResult(True, 3)


def test_a_change_behind_the_triggers_back_is_found_naming_the_entry(engine):
    _record(engine, 5)
    with _behind_the_triggers(engine) as connection:
        connection.execute(update(AuditEntry).where(AuditEntry.id == 3).values(detail="entry 3, but nicer"))
    result = _verify(engine)
    assert (result.ok, result.first_bad_id, result.checked) == (False, 3, 2)
    assert "changed" in result.reason
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:  # the triggers are back
        connection.execute(update(AuditEntry).where(AuditEntry.id == 3).values(detail="entry 3"))


def test_a_rewritten_entry_with_a_fresh_hash_breaks_the_link_of_the_next(engine):
    _record(engine, 4)
    with _behind_the_triggers(engine) as connection:
        row = connection.execute(AuditEntry.__table__.select().where(AuditEntry.id == 2)).mappings().one()
        fields = {**row, "detail": "forged"}
        forged = audit.entry_hash(row["prev_hash"], fields)
        connection.execute(update(AuditEntry).where(AuditEntry.id == 2).values(detail="forged", hash=forged))
    result = _verify(engine)
    assert (result.ok, result.first_bad_id) == (False, 3)
    assert "link" in result.reason


@pytest.mark.parametrize("removed", [1, 3, 5], ids=["first", "middle", "last"])
def test_a_removed_entry_is_found(engine, removed):
    _record(engine, 5)
    with _behind_the_triggers(engine) as connection:
        connection.execute(delete(AuditEntry).where(AuditEntry.id == removed))
    result = _verify(engine)
    assert (result.ok, result.first_bad_id) == (False, removed)
    assert "missing" in result.reason


def test_removing_every_entry_is_found(engine):
    _record(engine, 2)
    with _behind_the_triggers(engine) as connection:
        connection.execute(delete(AuditEntry))
    assert _verify(engine) == audit.VerifyResult(False, 0, 1, "missing: the log ends before its newest entry")


def test_verify_walks_the_chain_in_batches(engine, monkeypatch):
    monkeypatch.setattr(audit, "VERIFY_BATCH", 3)
    _record(engine, 10)
    assert _verify(engine) == audit.VerifyResult(True, 10)
    with _behind_the_triggers(engine) as connection:
        connection.execute(delete(AuditEntry).where(AuditEntry.id == 7))
    assert _verify(engine).first_bad_id == 7


def test_concurrent_writers_keep_one_linear_chain(db_url):
    engine = make_engine(db_url)
    per_thread, threads = 15, 4
    start = threading.Barrier(threads)
    failures: list[BaseException] = []

    def write(n: int) -> None:
        try:
            start.wait()
            _record(engine, per_thread, action=f"writer.{n}")
        except BaseException as exc:  # reported below
            failures.append(exc)

    workers = [threading.Thread(target=write, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    try:
        assert not failures, failures
        entries = audit_entries(engine)
        assert [e.id for e in entries] == list(range(1, per_thread * threads + 1))
        assert len({e.action for e in entries}) == threads
        assert _verify(engine) == audit.VerifyResult(True, per_thread * threads)
    finally:
        engine.dispose()


def test_verify_and_list_need_audit_read(engine):
    _record(engine, 1)
    clerk = add_user(engine, "clerk1", "clerk")
    lacking = user_without(engine, "audit.read")
    reader = add_user(engine, "reader", "clerk", granted=("audit.read",))
    for who in (clerk, lacking):
        with UnitOfWork(engine, who) as uow, pytest.raises(PermissionDenied, match="audit.read"):
            audit.verify(uow)
        with UnitOfWork(engine, who) as uow, pytest.raises(PermissionDenied, match="audit.read"):
            audit.entries(uow)
    with UnitOfWork(engine, reader) as uow:
        assert audit.verify(uow) == audit.VerifyResult(True, 5)  # one entry and four denials
    with UnitOfWork(engine, reader) as uow:
        views = audit.entries(uow, since=dt.datetime.now(dt.UTC).date(), limit=2)
    assert [(v.id, v.action, v.user) for v in views] == [(5, "denied", "lacks-audit.read")] * 1 + [
        (4, "denied", "lacks-audit.read")
    ]
    with UnitOfWork(engine, reader) as uow:
        assert audit.entries(uow, since=dt.date(2999, 1, 1)) == []


def test_entry_times_survive_a_session_time_zone_other_than_utc(db_url):
    url = make_url(db_url)
    if url.get_backend_name() == "postgresql":
        url = url.update_query_dict({"options": "-c TimeZone=America/New_York"})
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        _record(engine, 2)
        assert _verify(engine).ok
    finally:
        engine.dispose()


TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=80)
RECORDS = st.lists(st.tuples(TEXT, TEXT, TEXT, TEXT, TEXT), min_size=1, max_size=6)
HYPOTHESIS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@HYPOTHESIS
@given(records=RECORDS)
def test_any_sequence_of_records_verifies(engine, records):
    for action, entity, entity_id, detail, user in records:
        with UnitOfWork(engine) as uow:
            audit.record(uow, action or "x", entity=entity, entity_id=entity_id, detail=detail, user=user)
            uow.commit()
    assert _verify(engine).ok


FIELDS = ("id", "at", "user", "action", "entity", "entity_id", "detail", "prev_hash", "hash")


def _changed(field: str, value: Any, text: str) -> Any:
    if field == "id":
        return value + 1000
    if field == "at":
        return value + dt.timedelta(microseconds=1 + len(text))
    new = text[:40] if field not in {"prev_hash", "hash"} else text.encode().hex()[:64]
    return new if new != value else value + "!"


@HYPOTHESIS
@given(pick=st.integers(min_value=0), field=st.sampled_from(FIELDS), text=TEXT)
def test_any_single_field_changed_is_found(engine, pick, field, text):
    if not audit_entries(engine):
        _record(engine, 4)
    entries = audit_entries(engine)
    target = entries[pick % len(entries)]
    original = getattr(target, field)
    value = _changed(field, original, text)
    with _behind_the_triggers(engine) as connection:
        connection.execute(update(AuditEntry).where(AuditEntry.id == target.id).values({field: value}))
    try:
        result = _verify(engine)
        assert (result.ok, result.first_bad_id) == (False, target.id), (field, result)
    finally:
        key = value if field == "id" else target.id
        with _behind_the_triggers(engine) as connection:
            connection.execute(update(AuditEntry).where(AuditEntry.id == key).values({field: original}))
    assert _verify(engine).ok


# --- the command line ------------------------------------------------------------------------------


@pytest.fixture
def xmart(db_url, engine, monkeypatch, capsys):
    """Run `xmart --db URL ...` in this process, nobody signed in; returns (exit status, stdout, stderr)."""
    made = []

    def tracked(url, **kwargs):
        made.append(make_engine(url, **kwargs))
        return made[-1]

    monkeypatch.setattr("xmart.models.db.make_engine", tracked)
    monkeypatch.setattr(cli_main, "setup_logging", lambda: None)
    for name in ("XMART_USER", "XMART_PASSWORD"):
        monkeypatch.delenv(name, raising=False)

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = cli_main.main(["--db", db_url, *argv])
        out, err = capsys.readouterr()
        return status, out, err

    yield run
    for made_engine in made:
        made_engine.dispose()


def test_audit_verify_and_list_on_the_command_line(xmart, engine):
    _record(engine, 3)
    assert xmart("audit", "verify") == (0, "audit log intact: 3 entries\n", "")
    status, out, _err = xmart("audit", "list", "--json")
    assert status == 0
    listed = json.loads(out)["entries"]
    assert [e["id"] for e in listed] == [3, 2, 1]
    assert listed[0]["action"] == "test.entry" and listed[0]["at"].endswith("Z")
    status, out, _err = xmart("audit", "list", "--since", "2999-01-01")
    assert (status, out) == (0, "")
    with _behind_the_triggers(engine) as connection:
        connection.execute(update(AuditEntry).where(AuditEntry.id == 2).values(user="someone else"))
    status, out, err = xmart("audit", "verify")
    assert (status, out) == (1, "")
    assert err.startswith("xmart: audit entry 2 does not match the chain (changed or removed)")
    assert err.count("\n") == 1
    with pytest.raises(SystemExit) as exited:
        xmart("audit", "list", "--since", "2026-02-30")
    assert exited.value.code == 2


def test_a_command_without_sign_in_on_a_database_with_users_exits_3_with_one_line(xmart, engine, tmp_path):
    load(engine, {"locations": [{"code": "MAIN", "name": "Main warehouse", "kind": "warehouse"}]})
    add_user(engine, "boss", "administrator")
    sign_in(engine, None)
    before = len(audit_entries(engine))
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps({"vendors": [{"code": "V9", "name": "Vendor"}]}))
    commands = [
        ("import", str(doc)),
        ("assign", "--by-number", "1", "9"),
        ("purchase-orders", "--by-number", "1", "9", "--delivery", "2026-12-01", "--cancel", "2026-12-15"),
        ("receive", "6900"),
        ("invoice", "4001", "--sku", "A100", "--qty", "1"),
        ("cancel", "so", "4001"),
        ("show", "cso", "1001"),
        ("print", "so", "4001", "--pdf-dir", str(tmp_path / "pdf")),
        ("report", "sale-orders", "--json"),
        ("audit", "verify"),
        ("audit", "list"),
    ]
    for argv in commands:
        status, out, err = xmart(*argv)
        assert (status, out) == (3, ""), argv
        assert err.startswith("xmart: Sign in first") and err.count("\n") == 1, (argv, err)
        assert "Traceback" not in err
    entries = audit_entries(engine)[before:]
    assert len(entries) == len(commands)
    assert {e.action for e in entries} == {"denied"}
    assert not (tmp_path / "pdf").exists()


# --- entries removed from the end, unreadable rows (a tester's findings) ----------------------------


@pytest.mark.parametrize("cut", [1, 3])
def test_entries_removed_from_the_end_stay_found_after_later_commands(xmart, engine, monkeypatch, cut):
    add_user(engine, "ada", "administrator", granted=("audit.read",))
    _record(engine, 5)
    monkeypatch.setenv("XMART_PASSWORD", PASSWORD)
    assert xmart("--user", "ada", "audit", "verify")[0] == 0  # writes its own sign-in entry
    last = audit_entries(engine)[-1].id
    first_cut = last - cut + 1
    with _behind_the_triggers(engine) as connection:
        connection.execute(delete(AuditEntry).where(AuditEntry.id >= first_cut))
    for _ in range(2):  # later commands sign in (and write entries) before verify reads the log
        status, out, err = xmart("--user", "ada", "audit", "verify")
        assert (status, out) == (1, ""), err
        assert err.startswith(f"xmart: audit entry {first_cut} does not match the chain"), err
        assert "missing" in err and err.count("\n") == 1
    ids = [e.id for e in audit_entries(engine)]
    assert first_cut not in ids and max(ids) > last  # the removed ids are never given again


def test_a_rewritten_newest_entry_stays_found_after_later_entries(engine):
    _record(engine, 3)
    with _behind_the_triggers(engine) as connection:
        row = connection.execute(AuditEntry.__table__.select().where(AuditEntry.id == 3)).mappings().one()
        forged = audit.entry_hash(row["prev_hash"], {**row, "detail": "forged"})
        connection.execute(update(AuditEntry).where(AuditEntry.id == 3).values(detail="forged", hash=forged))
    _record(engine, 2)
    result = _verify(engine)
    assert (result.ok, result.first_bad_id) == (False, 4)
    assert "link" in result.reason


def test_an_unreadable_row_is_a_bad_entry_and_is_listed_plainly(xmart, engine):
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses a time that is not a time")
    _record(engine, 3)
    with _behind_the_triggers(engine) as connection:
        connection.exec_driver_sql("UPDATE audit_log SET at = 'not-a-date' WHERE id = 2")
    result = _verify(engine)
    assert (result.ok, result.first_bad_id, result.checked) == (False, 2, 1)
    assert "time" in result.reason
    status, out, err = xmart("audit", "verify")
    assert status == 1 and err.startswith("xmart: audit entry 2 does not match") and "ValueError" not in err
    status, out, err = xmart("audit", "list")
    assert (status, err) == (0, "")
    assert [line.split()[0] for line in out.splitlines()] == ["3", "2", "1"]
    assert "(unreadable time)" in out.splitlines()[1]
    status, out, err = xmart("audit", "list", "--json")
    assert json.loads(out)["entries"][1]["at"] is None


def test_audit_list_limit_and_action(xmart, engine):
    _record(engine, 4)
    _record(engine, 2, action="other.thing")
    status, out, _err = xmart("audit", "list", "--limit", "3", "--json")
    assert [e["id"] for e in json.loads(out)["entries"]] == [6, 5, 4]
    status, out, _err = xmart("audit", "list", "--action", "TEST", "--limit", "2", "--json")
    assert [(e["id"], e["action"]) for e in json.loads(out)["entries"]] == [(4, "test.entry"), (3, "test.entry")]
    with pytest.raises(SystemExit) as exited:
        xmart("audit", "list", "--limit", "0")
    assert exited.value.code == 2
