"""A real SMTP server on localhost for tests (aiosmtpd), and the settings that point xmart at it."""

from __future__ import annotations

import socket
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from xmart.models.db import UnitOfWork
from xmart.processes.mailer import SmtpSettings, save_smtp_settings


def free_port() -> int:
    """A TCP port nobody listens on right now (aiosmtpd's Controller refuses port 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd handler that keeps every message it accepts."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook name
        with self.lock:
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self.messages.append(
                message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
            )
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    """A running SMTP server on 127.0.0.1: (inbox, port)."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def use_smtp(engine, port: int, sender: str = "orders@xmart.test") -> SmtpSettings:
    """Store SMTP settings pointing at localhost:port (no STARTTLS, no login)."""
    settings = SmtpSettings(host="127.0.0.1", port=port, starttls=False, user="", sender=sender)
    with UnitOfWork(engine) as uow:
        save_smtp_settings(uow, settings)
    return settings
