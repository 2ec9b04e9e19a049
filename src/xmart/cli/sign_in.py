"""Signing in on the command line (DOMAIN.md section 9; INTERFACE.md, "Users").

`xmart --user NAME ...` (or XMART_USER) signs in when the command first opens the database. The
password comes from XMART_PASSWORD, else the keyring (service `xmart`, name `user:NAME`), else a
no-echo prompt when standard input is a terminal; without any of them the command exits 3 with one
line. A new password (`users add`, `users password`) comes from XMART_NEW_PASSWORD or is asked
twice at a terminal; without either the command exits 2.
"""

from __future__ import annotations

import getpass
import logging
import os
import sys
from typing import TYPE_CHECKING

from xmart.errors import InputError, SignInRequired

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from xmart.cli.main import Context

log = logging.getLogger(__name__)

KEYRING_SERVICE = "xmart"


def keyring_name(user: str) -> str:
    """The keyring entry (service KEYRING_SERVICE) that may hold `user`'s password."""
    return f"user:{user}"


def _on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def password_for(user: str) -> str:
    """`user`'s password: XMART_PASSWORD, the keyring, or a no-echo prompt at a terminal.

    Raises SignInRequired (exit 3) when none of them gives one.
    """
    password = os.environ.get("XMART_PASSWORD")
    if password:
        return password
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            stored = keyring.get_password(KEYRING_SERVICE, keyring_name(user))
        except KeyringError as exc:
            log.info("no keyring for the password of %s: %s", user, type(exc).__name__)
            stored = None
    except ImportError:  # pragma: no cover - keyring is a dependency
        stored = None
    if stored:
        return stored
    if _on_terminal():
        return getpass.getpass(f"Password for {user}: ")
    raise SignInRequired(
        f"No password for {user}: set XMART_PASSWORD, keep it in the keyring "
        f"({KEYRING_SERVICE}, {keyring_name(user)}) or run xmart at a terminal."
    )


def new_password() -> str:
    """A new password: XMART_NEW_PASSWORD, or asked twice (no echo) at a terminal.

    Raises InputError (exit 2) without a terminal and without the variable, or when the two
    typed passwords differ. The length rule is checked by the process.
    """
    password = os.environ.get("XMART_NEW_PASSWORD")
    if password:
        return password
    if not _on_terminal():
        raise InputError("No new password: set XMART_NEW_PASSWORD or run xmart at a terminal.")
    first = getpass.getpass("New password: ")
    if getpass.getpass("New password again: ") != first:
        raise InputError("The two passwords differ; nothing was changed.")
    return first


def sign_in(ctx: Context, engine: Engine) -> None:
    """Sign `ctx.user` in on `engine` with the password from `password_for` (kept in `ctx.password`).

    Raises SignInRequired (exit 3): a database without users (the first administrator is added
    without --user), no password, a wrong password, a locked or disabled account.
    """
    from xmart.processes.security.users import sign_in as sign_in_user
    from xmart.processes.security.users import users_exist

    assert ctx.user is not None
    if not users_exist(engine):
        raise SignInRequired(
            "This database has no users yet: add the first administrator with "
            "`xmart users add NAME --role administrator`, without --user or XMART_USER."
        )
    if ctx.password is None:
        ctx.password = password_for(ctx.user)
    sign_in_user(engine, ctx.user, ctx.password)
