"""The outbox against a real SMTP server (aiosmtpd on localhost): sent once, retried, never lost."""

from __future__ import annotations

import datetime as dt

import keyring
from sqlalchemy import select

from tests.support.orders import TEST_CARD, full_entry, load_orders_data
from tests.support.smtp import free_port, use_smtp
from xmart.models import OutboxMessage
from xmart.models.db import UnitOfWork
from xmart.processes.mailer import SmtpSettings, load_smtp_settings, save_smtp_settings, smtp_password
from xmart.processes.order_entry import enter_order
from xmart.processes.outbox import backoff, deliver_due, list_outbox, queue_message, requeue

TODAY = dt.date(2026, 11, 21)


def _message(engine):
    with UnitOfWork(engine) as uow:
        m = uow.session.scalar(select(OutboxMessage))
        return type("Row", (), {"status": m.status, "attempts": m.attempts, "last_error": m.last_error})


def test_unreachable_server_keeps_the_message_with_the_error_then_sends_it_once(engine, smtp_server):
    inbox, port = smtp_server
    ids = load_orders_data(engine)
    dead = free_port()
    use_smtp(engine, dead)
    with UnitOfWork(engine) as uow:
        enter_order(uow, ids["C001"], full_entry(ids), TODAY)
    now = dt.datetime.now(dt.UTC)
    result = deliver_due(engine, now=now)
    assert result.sent == 0 and result.failed == 1 and "could not be reached" in result.errors[0]
    message = _message(engine)
    assert message.status == "queued" and message.attempts == 1 and str(dead) in message.last_error
    with UnitOfWork(engine) as uow:
        row = list_outbox(uow.session, now)[0]
    assert row.status_text == "waiting to retry" and row.last_error
    assert deliver_due(engine, now=now).failed == 0  # not due yet: back-off
    use_smtp(engine, port)
    assert deliver_due(engine, now=now + backoff(1) + dt.timedelta(seconds=1)).sent == 1
    assert deliver_due(engine, now=now + dt.timedelta(days=1)).sent == 0
    assert len(inbox.messages) == 1 and inbox.envelopes[0][1] == ["ada@example.com"]
    assert _message(engine).status == "sent"
    assert TEST_CARD not in inbox.messages[0].get_content()


def test_backoff_doubles_up_to_an_hour():
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert backoff(30) == dt.timedelta(hours=1)


def test_a_message_left_sending_is_not_sent_again_automatically(engine, smtp_server):
    inbox, port = smtp_server
    use_smtp(engine, port)
    with UnitOfWork(engine) as uow:
        message_id = queue_message(uow.session, "test:1", "x@example.com", "Hello", "Body")
        uow.commit()
    with UnitOfWork(engine) as uow:
        m = uow.session.get(OutboxMessage, message_id)
        m.status, m.claim, m.claimed_at = "sending", "crashed", dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        uow.commit()
    assert deliver_due(engine).sent == 0 and inbox.messages == []
    with UnitOfWork(engine) as uow:
        assert list_outbox(uow.session)[0].interrupted
    with UnitOfWork(engine) as uow:
        requeue(uow, message_id)  # a person decided
    assert deliver_due(engine).sent == 1 and len(inbox.messages) == 1
    with UnitOfWork(engine) as uow:
        try:
            requeue(uow, message_id)
        except Exception as exc:  # noqa: BLE001
            assert "not sent twice" in str(exc)
        else:
            raise AssertionError("a sent message was queued again")


def test_two_senders_claim_a_message_once(engine, smtp_server):
    inbox, port = smtp_server
    use_smtp(engine, port)
    with UnitOfWork(engine) as uow:
        queue_message(uow.session, "test:2", "y@example.com", "Hi", "Body")
        uow.commit()
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _i: deliver_due(engine).sent, range(4)))
    assert sum(results) == 1 and len(inbox.messages) == 1


def test_smtp_password_lives_in_the_keyring_not_the_database(engine):
    with UnitOfWork(engine) as uow:
        save_smtp_settings(
            uow, SmtpSettings("mail.example.com", 587, True, "clerk", "orders@example.com"), password="s3cret-pw"
        )
    assert smtp_password() == "s3cret-pw" == keyring.get_password("xmart", "smtp-password")
    with UnitOfWork(engine) as uow:
        assert load_smtp_settings(uow.session) == SmtpSettings(
            "mail.example.com", 587, True, "clerk", "orders@example.com"
        )
        values = [v for (v,) in uow.session.execute(select(OutboxMessage.body))]
        from xmart.models import Setting

        assert "s3cret-pw" not in " ".join(uow.session.scalars(select(Setting.value))) + " ".join(values)
