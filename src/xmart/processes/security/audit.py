"""The audit log (DOMAIN.md section 9): append-only, each entry chained to the previous by a hash.

`record` adds an entry in the caller's transaction, so an action and its entry commit together
(or neither does). Entries never hold a card number or a password: callers pass what was done
and to which record ("payment 12", "card ending 1111"), never the values typed.

The database refuses UPDATE and DELETE of `audit_log` (triggers, migration 0005); a change made
behind the triggers' back breaks the chain, and `verify` names the first entry that does not match.
Removing entries leaves a gap in the ids (found the same way), except at the end of the log: each
`record` therefore also keeps the newest entry's id and hash in the setting `audit.head` (same
transaction), and `verify` reports entries missing after the last one found. The head mark never
moves backwards: when the newest entry is not the one the mark names (entries removed from the end,
or the last one rewritten), `record` chains the new entry to the mark (id after the mark's, its
hash as `prev_hash`), so the cut stays visible as a gap or a broken link however many entries are
written after it (every command's own sign-in included). A row that cannot be read (a time that is
not a time) is a bad entry for `verify` and is listed plainly by `entries`. Someone who can drop
the triggers can also rewrite the chain and that setting: the chain finds mistakes and clumsy edits,
a copy of the log kept elsewhere (or the database's own logs) the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import String, select, type_coerce
from sqlalchemy.sql.elements import ColumnElement

from xmart.models import AuditEntry, Setting
from xmart.models.audit import AUDIT_FIELDS, canonical_time, entry_hash
from xmart.models.db import UnitOfWork

AUDIT_LOCK = "audit-log"
"""Writers of the chain take this lock (`UnitOfWork.serialize`) so that no two entries share a predecessor."""

HEAD_SETTING = "audit.head"
"""The setting holding "ID HASH" of the newest entry, written with it: a log cut short is found (see above)."""

VERIFY_BATCH = 2_000
"""Entries `verify` reads at a time."""

_LENGTHS = {"user": 60, "action": 60, "entity": 40, "entity_id": 40}


def record(
    uow: UnitOfWork,
    action: str,
    *,
    entity: str = "",
    entity_id: object = "",
    detail: str = "",
    user: str | None = None,
) -> AuditEntry:
    """Add one audit entry to `uow`'s transaction (committed with it) and return it.

    `action`: what was done, dotted (`sign_in`, `sign_in.failed`, `denied`, `card.reveal`,
    `process.assign`, `import`, `settings`, `users.add`, ...). `entity` / `entity_id`: the record
    it concerns (`payment`, 12). `detail`: plain words, never a card number or a password.
    `user`: who, default the unit of work's actor ("" when nobody is signed in).
    On SQLite, call it in a transaction that holds a lock or has not read yet (`UnitOfWork.serialize`).
    """
    uow.serialize(AUDIT_LOCK)
    session = uow.session
    session.flush()
    last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    previous_id, previous_hash = (last.id, last.hash or "") if last is not None else (0, "")
    head = session.get(Setting, HEAD_SETTING)
    mark = _head_mark(head.value if head is not None else None)
    if mark is not None and mark[0] >= previous_id and mark != (previous_id, previous_hash):
        # the log lost its newest entries (or the last one changed) behind the triggers' back:
        # chain to the mark, never reuse the ids removed, so `verify` still sees the cut
        previous_id, previous_hash = mark
    who = user if user is not None else (uow.actor.name if uow.actor is not None else "")
    fields: dict[str, object] = {
        "id": previous_id + 1,
        "at": _utc(uow, dt.datetime.now(dt.UTC)),
        "user": who[: _LENGTHS["user"]],
        "action": action[: _LENGTHS["action"]],
        "entity": entity[: _LENGTHS["entity"]],
        "entity_id": str(entity_id)[: _LENGTHS["entity_id"]],
        "detail": detail,
    }
    entry = AuditEntry(**fields, prev_hash=previous_hash, hash=entry_hash(previous_hash, fields))
    session.add(entry)
    if head is None:
        session.add(Setting(key=HEAD_SETTING, value=f"{entry.id} {entry.hash}"))
    else:
        head.value = f"{entry.id} {entry.hash}"
    session.flush()
    return entry


def _head_mark(value: str | None) -> tuple[int, str] | None:
    """The (id, hash) of the `audit.head` setting's value "ID HASH", or None when absent or unreadable."""
    head_id, _, head_hash = (value or "").partition(" ")
    return (int(head_id), head_hash) if head_id.isdigit() else None


def _utc(uow: UnitOfWork, at: dt.datetime) -> dt.datetime:
    """`at` (aware) as the database column takes it: naive UTC on SQLite, aware elsewhere.

    PostgreSQL reads a naive value in the session's time zone, which need not be UTC: the hash
    (of the UTC time) would then not match the time stored.
    """
    return at.replace(tzinfo=None) if uow.engine.dialect.name == "sqlite" else at


def numbers_text(numbers: Iterable[object], limit: int = 20) -> str:
    """Document numbers for an entry's detail: "5001, 5002, 5003" or "5001, ... and 40 more"."""
    listed = [str(n) for n in numbers]
    shown = ", ".join(listed[:limit])
    return shown if len(listed) <= limit else f"{shown} and {len(listed) - limit} more"


@dataclass(frozen=True)
class VerifyResult:
    """What `verify` found: `ok`, how many entries it `checked`, the first bad entry's id and why."""

    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class AuditView:
    """One audit entry as the viewer and `xmart audit list` show it."""

    id: int
    at: dt.datetime | None
    """UTC, naive; None when the stored time cannot be read (a row changed behind the log's back)."""
    user: str
    action: str
    entity: str
    entity_id: str
    detail: str

    @property
    def when(self) -> str:
        """`at` as "YYYY-MM-DD HH:MM:SS", or UNREADABLE_TIME."""
        return self.at.strftime("%Y-%m-%d %H:%M:%S") if self.at is not None else UNREADABLE_TIME

    def to_json(self) -> dict[str, object]:
        """The entry as JSON values (`at` in ISO 8601, UTC; null when unreadable)."""
        return {
            "id": self.id,
            "at": canonical_time(self.at) + "Z" if self.at is not None else None,
            "user": self.user,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "detail": self.detail,
        }


UNREADABLE_TIME = "(unreadable time)"
"""What `AuditView.when` shows for a stored time that is not a time."""


def _raw_columns(uow: UnitOfWork) -> list[ColumnElement[object]]:
    """AUDIT_FIELDS, `prev_hash` and `hash` read as stored: on SQLite the time as text (parsed by `_time`).

    SQLite keeps any text in a DATETIME column; read through the DateTime type, one bad row would
    stop the whole read. PostgreSQL refuses a value that is not a time, so its column is read as is.
    """
    columns: list[ColumnElement[object]] = []
    for name in (*AUDIT_FIELDS, "prev_hash", "hash"):
        column = getattr(AuditEntry, name)
        if name == "at" and uow.engine.dialect.name == "sqlite":
            column = type_coerce(column, String).label("at")
        columns.append(column)
    return columns


def _time(value: object) -> dt.datetime | None:
    """A stored time as naive UTC, or None when it is not one."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo is None else value.astimezone(dt.UTC).replace(tzinfo=None)


def _text(value: object) -> str:
    """A stored text field as text ("" for NULL; SQLite may hold a number or bytes there)."""
    return "" if value is None else str(value)


def verify(uow: UnitOfWork) -> VerifyResult:
    """Walk the chain in id order (VERIFY_BATCH entries at a time) and report the first entry that does not match.

    An entry is bad when its id is not the previous one + 1 (the first missing id is named:
    removed), its `prev_hash` is not the previous entry's hash, its hash is not that of its own
    fields, or it cannot be read (a time that is not a time); entries missing after the last one
    are found from the `audit.head` setting. Needs `audit.read` (SignInRequired / PermissionDenied
    otherwise). DOMAIN.md section 9, Audit log.
    """
    from xmart.processes.security.permissions import require  # permissions records denials here

    require(uow, "audit.read")
    session = uow.session
    columns = _raw_columns(uow)
    expected_id, previous_hash, checked = 1, "", 0
    while True:
        rows = session.execute(
            select(*columns).where(AuditEntry.id >= expected_id).order_by(AuditEntry.id).limit(VERIFY_BATCH)
        ).all()
        for row in rows:
            if row.id != expected_id:
                return VerifyResult(False, checked, expected_id, _missing(expected_id, row.id - 1))
            if row.prev_hash != previous_hash:
                return VerifyResult(False, checked, row.id, "its link to the previous entry does not match")
            at = _time(row.at)
            if at is None:
                return VerifyResult(False, checked, row.id, "its time cannot be read (changed)")
            fields = {**row._asdict(), "at": at}
            if row.hash != entry_hash(previous_hash, fields):
                return VerifyResult(False, checked, row.id, "its contents do not match its hash (changed)")
            checked += 1
            expected_id, previous_hash = row.id + 1, row.hash
        if len(rows) < VERIFY_BATCH:
            break
        session.expunge_all()
    mark = _head_mark(session.scalar(select(Setting.value).where(Setting.key == HEAD_SETTING)))
    if mark is not None:
        head_id, head_hash = mark
        if head_id >= expected_id:
            return VerifyResult(False, checked, expected_id, "missing: the log ends before its newest entry")
        if head_id == expected_id - 1 and head_hash != previous_hash:
            return VerifyResult(False, checked, expected_id - 1, "its hash is not the one recorded (changed)")
    return VerifyResult(True, checked)


def _missing(first: int, last: int) -> str:
    """Why entries `first` to `last` are bad: they were removed."""
    which = f"entry {first} is" if first == last else f"entries {first} to {last} are"
    return f"missing: {which} not in the log (removed)"


def entries(
    uow: UnitOfWork, since: dt.date | None = None, limit: int = 1000, action: str | None = None
) -> list[AuditView]:
    """The newest `limit` audit entries (from `since`, a UTC date, when given), newest first.

    `action`: only entries whose action contains this text (any case). A row whose time cannot be
    read is listed with `at` None (`AuditView.when` says so), never stops the list. Needs
    `audit.read` (SignInRequired / PermissionDenied otherwise). DOMAIN.md section 9, Audit log.
    """
    from xmart.processes.security.permissions import require  # permissions records denials here

    require(uow, "audit.read")
    query = select(*_raw_columns(uow)).order_by(AuditEntry.id.desc()).limit(limit)
    if since is not None:
        query = query.where(AuditEntry.at >= _utc(uow, dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)))
    if action:
        query = query.where(AuditEntry.action.icontains(action, autoescape=True))
    return [
        AuditView(
            row.id,
            _time(row.at),
            _text(row.user),
            _text(row.action),
            _text(row.entity),
            _text(row.entity_id),
            _text(row.detail),
        )
        for row in uow.session.execute(query)
    ]
