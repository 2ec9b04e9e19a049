"""The e-mail outbox (DOMAIN.md section 7): queued with the completion, sent after commit, never lost,
never sent twice.

Invariants:
- a message is queued in the caller's transaction (with the order it confirms): if that rolls back,
  there is no message; if it commits, the message is in the database until someone deletes the row;
- `key` is unique: one confirmation per order;
- a sender first *claims* a due message in a transaction of its own (`queued` → `sending`, a
  conditional UPDATE: of two senders only one gets the row), sends it, then marks it `sent`;
- a failed send puts it back to `queued` with the reason and a later `next_attempt_at`
  (exponential back-off: 1, 2, 4 ... minutes, at most an hour); after MAX_ATTEMPTS, or when the
  server refuses the recipient, it becomes `failed` — kept, shown, and re-queued only by a person;
- a message left `sending` (the program stopped between the server's acceptance and the mark) is
  never sent again automatically, since it may already have arrived; the Outbox shows it and a
  person decides (`requeue`). Each message has a stable Message-ID built from its key.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any, cast, overload

from sqlalchemy import CursorResult, Engine, select, update
from sqlalchemy.orm import Session

from xmart.errors import InputError, NotFoundError
from xmart.models import CorporateSaleOrder, OutboxMessage, OutboxStatus
from xmart.models.db import UnitOfWork
from xmart.processes.document_printing import company_info, confirmation_documents
from xmart.processes.documents.base import format_money, format_percent
from xmart.processes.mailer import (
    MailError,
    SmtpSettings,
    build_message,
    load_smtp_settings,
    send_message,
    smtp_password,
)
from xmart.processes.security import audit
from xmart.processes.security.permissions import require, require_signed_in

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_RETRY = dt.timedelta(hours=1)
STALE_SENDING = dt.timedelta(minutes=15)
_S = OutboxStatus


def utcnow() -> dt.datetime:
    """Now, in UTC (every outbox time is UTC)."""
    return dt.datetime.now(dt.UTC)


@overload
def _aware(value: dt.datetime) -> dt.datetime: ...
@overload
def _aware(value: dt.datetime | None) -> dt.datetime | None: ...
def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives naive datetimes back: they are UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def backoff(attempts: int) -> dt.timedelta:
    """How long to wait after the `attempts`-th failed attempt: 1, 2, 4, ... minutes, at most an hour."""
    return min(FIRST_RETRY * (1 << max(attempts - 1, 0)), LONGEST_RETRY)  # 1 << n is 2 ** n, typed int


# --- queueing -----------------------------------------------------------------------------------
def confirmation_text(session: Session, cso_id: int) -> tuple[str, str]:
    """Subject and plain-text body of an order confirmation (card masked, never the number)."""
    number = session.scalar(select(CorporateSaleOrder.number).where(CorporateSaleOrder.id == cso_id))
    if number is None:
        raise NotFoundError(f"Corporate sale order {cso_id} no longer exists.")
    doc = confirmation_documents(session, [number])[0]
    company = company_info(session)
    custom = doc.custom_fields
    out = [
        f"Dear {doc.bill_to.name},",
        "",
        f"Thank you for your order. This confirms order {doc.number} of {doc.date:%Y-%m-%d}.",
        "",
    ]
    out.append(f"{'Qty':>5}  {'SKU':<12} {'Description':<30} {'Price':>10} {'Disc.':>7} {'Amount':>11}")
    for line in doc.lines:
        discount = f"{format_percent(line.discount)}%" if line.discount else ""
        out.append(
            f"{line.qty:>5}  {line.sku[:12]:<12} {line.description[:30]:<30} {format_money(line.price):>10} "
            f"{discount:>7} {format_money(line.amount):>11}"
        )
    order_total = doc.total
    rows = [("Subtotal", doc.subtotal)]
    if doc.global_discount_amount:
        rows.append((f"Discount ({format_percent(doc.global_discount)}%)", -doc.global_discount_amount))
    rows.append((f"Shipping ({doc.shipping_method})" if doc.shipping_method else "Shipping", doc.shipping_cost))
    rows += [("Order total", order_total), ("Deposit", doc.deposit), ("Balance due", order_total - doc.deposit)]
    out.append("")
    out += [f"{label + ':':<30} {format_money(value):>14}" for label, value in rows]
    if doc.masked_card:
        out += ["", f"Card on file: {doc.masked_card}"]
    out += ["", "Ship to:", *(f"  {part}" for part in (doc.ship_to.name, *doc.ship_to.address_lines) if part)]
    if custom:
        out += ["", *(f"{name}: {value}" for name, value in custom)]
    out += ["", f"Salesman: {doc.salesman}" if doc.salesman else "", "", company.name]
    out += [part for part in (*company.address_lines, company.phone, company.email) if part]
    subject = f"Order confirmation {doc.number}" + (f" — {company.name}" if company.name else "")
    return subject, re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def queue_message(
    session: Session,
    key: str,
    recipient: str,
    subject: str,
    body: str,
    cso_id: int | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Add a message to the outbox in the caller's transaction; its id. `key` must be new."""
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is not None:
        raise InputError(f"The e-mail {key} is already in the outbox.")
    message = OutboxMessage(
        key=key,
        cso_id=cso_id,
        recipient=recipient,
        subject=subject,
        body=body,
        status=_S.QUEUED.value,
        attempts=0,
        next_attempt_at=now or utcnow(),
        last_error="",
    )
    session.add(message)
    session.flush()
    return message.id


def queue_confirmation(session: Session, cso_id: int) -> tuple[int | None, str]:
    """Queue the order confirmation to the billing customer; (outbox id, address) or (None, '') without one."""
    cso = session.get(CorporateSaleOrder, cso_id)
    assert cso is not None
    recipient = cso.billing_customer.email.strip()
    if not recipient:
        return None, ""
    subject, body = confirmation_text(session, cso_id)
    return queue_message(session, f"cso-confirmation:{cso.number}", recipient, subject, body, cso_id), recipient


# --- the Outbox view ----------------------------------------------------------------------------
@dataclass(frozen=True)
class OutboxRow:
    """One message as the Outbox view lists it."""

    id: int
    created_at: dt.datetime
    recipient: str
    subject: str
    status: str
    attempts: int
    next_attempt_at: dt.datetime | None
    last_error: str
    sent_at: dt.datetime | None
    interrupted: bool  # left `sending` for longer than STALE_SENDING: may or may not have arrived

    @property
    def status_text(self) -> str:
        """The status in words for the list."""
        if self.interrupted:
            return "interrupted (check before sending again)"
        if self.status == _S.QUEUED and self.attempts:
            return "waiting to retry"
        return self.status


def list_outbox(session: Session, now: dt.datetime | None = None, limit: int = 1000) -> list[OutboxRow]:
    """The newest messages first.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    now = now or utcnow()
    rows = []
    for m in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)):
        claimed = _aware(m.claimed_at)
        interrupted = m.status == _S.SENDING and claimed is not None and now - claimed > STALE_SENDING
        rows.append(
            OutboxRow(
                m.id,
                _aware(m.created_at),
                m.recipient,
                m.subject,
                m.status,
                m.attempts,
                _aware(m.next_attempt_at) if m.status == _S.QUEUED else None,
                m.last_error,
                _aware(m.sent_at),
                interrupted,
            )
        )
    return rows


def message_body(session: Session, message_id: int) -> str:
    """The text of one message.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    body = session.scalar(select(OutboxMessage.body).where(OutboxMessage.id == message_id))
    if body is None:
        raise NotFoundError(f"E-mail {message_id} is not in the outbox.")
    return body


def requeue(uow: UnitOfWork, message_id: int, now: dt.datetime | None = None) -> None:
    """A person's decision: send a failed or interrupted message again (due now); commit. Sent ones stay sent.

    Raises NotFoundError / InputError, SignInRequired / PermissionDenied without `order.enter`
    (DOMAIN.md section 9). Audited (`outbox.requeue`, the message id only).
    """
    require(uow, "order.enter")
    session = uow.session
    message = session.get(OutboxMessage, message_id)
    if message is None:
        raise NotFoundError(f"E-mail {message_id} is not in the outbox.")
    if message.status == _S.SENT:
        raise InputError(f"E-mail {message_id} was already sent to {message.recipient}; it is not sent twice.")
    message.status, message.claim, message.claimed_at = _S.QUEUED.value, None, None
    message.next_attempt_at = now or utcnow()
    audit.record(uow, "outbox.requeue", entity="outbox", entity_id=message_id, detail="queued to be sent again")
    uow.commit()


# --- sending ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DeliveryResult:
    """What one delivery round did."""

    sent: int = 0
    failed: int = 0
    errors: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """One line for the status bar."""
        text = f"{self.sent} e-mail{'s' if self.sent != 1 else ''} sent"
        if self.failed:
            text += f", {self.failed} not sent ({self.errors[0]}); will retry"
        return text + "."


Sender = Callable[[SmtpSettings, EmailMessage, str | None], None]


CLAIM_LOCK = "xmart-outbox-claim"
"""Claims take a write lock first (SQLite BEGIN IMMEDIATE, a PostgreSQL advisory lock): a read that
later upgrades to a write would fail at once on SQLite when another sender wrote in between."""


def _claim(engine: Engine, now: dt.datetime, only: int | None, limit: int) -> list[tuple[int, str]]:
    with UnitOfWork(engine) as uow, uow.exclusive(CLAIM_LOCK):
        session = uow.session
        query = select(OutboxMessage.id).where(OutboxMessage.status == _S.QUEUED.value)
        query = (
            query.where(OutboxMessage.id == only)
            if only is not None
            else query.where(OutboxMessage.next_attempt_at <= now)
        )
        claimed = []
        for message_id in session.scalars(query.order_by(OutboxMessage.id).limit(limit)).all():
            token = uuid.uuid4().hex
            # An UPDATE executed by the session returns a CursorResult (it has rowcount); the ORM
            # types Session.execute as the base Result, so say so (as SQLAlchemy's docs do).
            result = cast(
                CursorResult[Any],
                session.execute(
                    update(OutboxMessage)
                    .where(OutboxMessage.id == message_id, OutboxMessage.status == _S.QUEUED.value)
                    .values(status=_S.SENDING.value, claim=token, claimed_at=now, attempts=OutboxMessage.attempts + 1)
                    .execution_options(synchronize_session=False)
                ),
            )
            if result.rowcount == 1:
                claimed.append((message_id, token))
        uow.commit()
    return claimed


def _finish(engine: Engine, message_id: int, token: str, values: dict[str, object]) -> None:
    with UnitOfWork(engine) as uow:
        uow.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.claim == token)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        uow.commit()


def deliver_due(
    engine: Engine,
    now: dt.datetime | None = None,
    only: int | None = None,
    limit: int = 50,
    sender: Sender = send_message,
) -> DeliveryResult:
    """Send the due messages (or message `only`, due or not) through the SMTP settings; see the invariants."""
    now = now or utcnow()
    with UnitOfWork(engine) as uow:
        settings = load_smtp_settings(uow.session)
    claimed = _claim(engine, now, only, limit)
    if not claimed:
        return DeliveryResult()
    password = smtp_password() if settings.user else None
    sent, failed, errors = 0, 0, []
    for message_id, token in claimed:
        with UnitOfWork(engine) as uow:
            m = uow.session.get(OutboxMessage, message_id)
            assert m is not None
            key, recipient, subject, body, attempts = m.key, m.recipient, m.subject, m.body, m.attempts
        domain = settings.sender.rpartition("@")[2] or "xmart.invalid"
        message = build_message(settings, recipient, subject, body, f"<{key.replace(':', '.')}@{domain}>")
        try:
            sender(settings, message, password)
        except MailError as exc:
            failed += 1
            errors.append(str(exc))
            give_up = exc.permanent or attempts >= MAX_ATTEMPTS
            log.warning("e-mail %s not sent (attempt %s): %s", message_id, attempts, exc)
            _finish(
                engine,
                message_id,
                token,
                {
                    "status": (_S.FAILED if give_up else _S.QUEUED).value,
                    "claim": None,
                    "claimed_at": None,
                    "last_error": str(exc),
                    "next_attempt_at": now + backoff(attempts),
                },
            )
            continue
        sent += 1
        _finish(
            engine, message_id, token, {"status": _S.SENT.value, "claim": None, "sent_at": utcnow(), "last_error": ""}
        )
    return DeliveryResult(sent, failed, tuple(errors))


def next_due(session: Session) -> dt.datetime | None:
    """When the next queued message is due (None when nothing waits)."""
    return _aware(
        session.scalar(
            select(OutboxMessage.next_attempt_at)
            .where(OutboxMessage.status == _S.QUEUED.value)
            .order_by(OutboxMessage.next_attempt_at)
            .limit(1)
        )
    )
