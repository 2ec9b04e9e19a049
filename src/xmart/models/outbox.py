"""The e-mail outbox: messages queued in the transaction that caused them, sent after commit.

A message is `queued` (waiting, possibly after failed attempts), `sending` (claimed by one sender),
`sent`, or `failed` (gave up retrying; still kept and shown, can be queued again by hand).
`key` is unique: the same confirmation can never be queued twice.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from xmart.models.base import Base
from xmart.models.status import check_values


class OutboxStatus(StrEnum):
    """Where an outgoing e-mail is."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class OutboxMessage(Base):
    """One outgoing e-mail (plain text). Never holds a full card number."""

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint(f"status IN ({check_values(OutboxStatus)})", name="status"),
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    cso_id: Mapped[int | None] = mapped_column(ForeignKey("corporate_sale_orders.id", ondelete="SET NULL"), index=True)
    recipient: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=OutboxStatus.QUEUED.value, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str] = mapped_column(Text, default="")
    claim: Mapped[str | None] = mapped_column(String(40))
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
