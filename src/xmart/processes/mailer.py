"""SMTP settings and sending one e-mail (smtplib). No Qt, no database writes.

Settings live in the office settings table (`smtp.host`, `smtp.port`, `smtp.starttls`, `smtp.user`,
`smtp.sender`); the password is kept only in the operating system's keyring (service `xmart`,
name `smtp-password`), never in the database, a config file or a log.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

import keyring
import keyring.errors
from sqlalchemy.orm import Session

from xmart.errors import InputError, XmartError
from xmart.models.db import UnitOfWork
from xmart.processes.cards import check_free_texts
from xmart.processes.security.permissions import require, require_signed_in
from xmart.processes.settings import audit_settings, get_setting, set_setting

KEYRING_SERVICE = "xmart"
KEYRING_NAME = "smtp-password"
TIMEOUT_SECONDS = 15


class MailError(XmartError):
    """An e-mail could not be handed to the SMTP server; `permanent` when retrying cannot help."""

    def __init__(self, message: str, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class SmtpSettings:
    """Where confirmation e-mails go out: host, port, STARTTLS, user (password in the keyring), sender."""

    host: str = ""
    port: int = 587
    starttls: bool = True
    user: str = ""
    sender: str = ""

    @property
    def configured(self) -> bool:
        """True when a host and a sender address are set."""
        return bool(self.host and self.sender)


def load_smtp_settings(session: Session) -> SmtpSettings:
    """The SMTP settings stored in the database.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    port = get_setting(session, "smtp.port")
    return SmtpSettings(
        host=get_setting(session, "smtp.host"),
        port=int(port) if port.isdigit() else 587,
        starttls=get_setting(session, "smtp.starttls") != "no",
        user=get_setting(session, "smtp.user"),
        sender=get_setting(session, "smtp.sender") or get_setting(session, "company.email"),
    )


def check_smtp_settings(settings: SmtpSettings) -> None:
    """Raise InputError for a bad port or sender (when a server is set), CardDataError for card data in
    the host, user or sender (DOMAIN.md section 3); the message never repeats the value."""
    check_free_texts({"SMTP server:": settings.host, "User:": settings.user, "Sender:": settings.sender})
    if settings.host and not 1 <= settings.port <= 65535:
        raise InputError("SMTP port: a number from 1 to 65535.")
    if settings.host and "@" not in settings.sender:
        raise InputError("Sender: the address confirmation e-mails come from, e.g. orders@example.com.")


def save_smtp_settings(uow: UnitOfWork, settings: SmtpSettings, password: str | None = None) -> None:
    """Store the settings; commit. `password` (when not None) goes to the keyring ('' removes it).

    Raises what `check_smtp_settings` raises, SignInRequired / PermissionDenied without `settings`
    (DOMAIN.md section 9), with nothing written. Audited (`settings.smtp`, naming what changed, never the password).
    """
    check_smtp_settings(settings)
    require(uow, "settings")
    session = uow.session
    changed = []
    for key, value in (
        ("smtp.host", settings.host.strip()),
        ("smtp.port", str(settings.port)),
        ("smtp.starttls", "yes" if settings.starttls else "no"),
        ("smtp.user", settings.user.strip()),
        ("smtp.sender", settings.sender.strip()),
    ):
        if set_setting(session, key, value):
            changed.append(key)
    if password is not None:
        changed.append("smtp.password")  # that it was set, never its value
    audit_settings(uow, "smtp", changed)
    session.flush()
    if password is not None:
        set_smtp_password(password)
    uow.commit()


def smtp_password() -> str | None:
    """The SMTP password from the keyring (None when there is none or no keyring)."""
    try:
        return keyring.get_password(KEYRING_SERVICE, KEYRING_NAME)
    except keyring.errors.KeyringError:
        return None


def set_smtp_password(password: str) -> None:
    """Keep the SMTP password in the keyring ('' deletes it)."""
    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, KEYRING_NAME, password)
        elif keyring.get_password(KEYRING_SERVICE, KEYRING_NAME) is not None:
            keyring.delete_password(KEYRING_SERVICE, KEYRING_NAME)
    except keyring.errors.KeyringError as exc:
        raise InputError(f"The password could not be kept in the system keyring: {exc}") from exc


def build_message(settings: SmtpSettings, recipient: str, subject: str, body: str, message_id: str) -> EmailMessage:
    """A plain-text message with a stable Message-ID (the same message always has the same one)."""
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = message_id
    message.set_content(body)
    return message


def send_message(settings: SmtpSettings, message: EmailMessage, password: str | None) -> None:
    """Hand one message to the SMTP server; raises MailError with a clerk-readable reason."""
    if not settings.configured:
        raise MailError("E-mail is not set up: enter the SMTP server and sender in Settings › E-mail.")
    where = f"{settings.host}:{settings.port}"
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS) as smtp:
            if settings.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.user:
                smtp.login(settings.user, password or "")
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailError(
            f"The mail server {where} refused the recipient {', '.join(exc.recipients)}.", permanent=True
        ) from None
    except smtplib.SMTPAuthenticationError:
        raise MailError(f"The mail server {where} refused the user name or password.") from None
    except smtplib.SMTPNotSupportedError:
        raise MailError(f"The mail server {where} does not offer STARTTLS; check the settings.") from None
    except (TimeoutError, smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise MailError(f"The mail server {where} could not be reached or refused the message: {reason}") from None
