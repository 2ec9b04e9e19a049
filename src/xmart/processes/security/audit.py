"""The audit log (DOMAIN.md section 9): append-only, each entry chained to the previous by a hash.

`record` adds an entry in the caller's transaction, so an action and its entry commit together
(or neither does). Entries never hold a card number or a password: callers pass what was done
and to which record ("payment 12", "card ending 1111"), never the values typed.

The database refuses UPDATE and DELETE of `audit_log` (triggers, migration 0005); a change made
behind the triggers' back breaks the chain, and `verify` names the first entry that does not match.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from xmart.models import AuditEntry
from xmart.models.audit import entry_hash
from xmart.models.db import UnitOfWork

AUDIT_LOCK = "audit-log"
"""Writers of the chain take this lock (`UnitOfWork.serialize`) so that no two entries share a predecessor."""

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
    previous_id, previous_hash = (last.id, last.hash) if last is not None else (0, "")
    who = user if user is not None else (uow.actor.name if uow.actor is not None else "")
    fields: dict[str, object] = {
        "id": previous_id + 1,
        "at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        "user": who[: _LENGTHS["user"]],
        "action": action[: _LENGTHS["action"]],
        "entity": entity[: _LENGTHS["entity"]],
        "entity_id": str(entity_id)[: _LENGTHS["entity_id"]],
        "detail": detail,
    }
    entry = AuditEntry(**fields, prev_hash=previous_hash, hash=entry_hash(previous_hash, fields))
    session.add(entry)
    session.flush()
    return entry
