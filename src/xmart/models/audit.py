"""The audit log (DOMAIN.md section 9) and office settings.

The audit log is append-only: database triggers (migration 0005) refuse UPDATE and DELETE of
`audit_log`, and each entry carries `hash` = SHA-256 of the previous entry's hash and its own
fields (`processes/security/audit.py`), so a change made behind the triggers' back is found by
`xmart audit verify`. `id` is given by the writer (the previous id + 1, under the audit lock).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from xmart.models.base import Base


class AuditEntry(Base):
    """One audited action. Never holds card numbers or security codes."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    user: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class Setting(Base):
    """An office setting (company name and address for documents, receiving location, ...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


AUDIT_FIELDS = ("id", "at", "user", "action", "entity", "entity_id", "detail")
"""The fields of an entry its hash covers, in this order (with the previous entry's hash first)."""


def canonical_time(at: dt.datetime) -> str:
    """`at` as the hash sees it: UTC, ISO 8601 with microseconds (a naive value is taken as UTC).

    SQLite gives back the naive UTC time written, PostgreSQL an aware one: both give the same text.
    """
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def entry_hash(prev_hash: str, fields: dict[str, object]) -> str:
    """SHA-256 (hex) chaining an audit entry to the previous one (DOMAIN.md section 9).

    `prev_hash`: the previous entry's hash ("" for the first entry); `fields`: the entry's
    AUDIT_FIELDS (`at` a datetime, the others text or int). Fields are joined with the unit
    separator after escaping it, so no two different entries give the same text.
    """
    import hashlib

    parts = [prev_hash]
    for name in AUDIT_FIELDS:
        value = fields[name]
        text = canonical_time(value) if isinstance(value, dt.datetime) else str(value if value is not None else "")
        parts.append(text.replace("\\", "\\\\").replace("\x1f", "\\u"))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
