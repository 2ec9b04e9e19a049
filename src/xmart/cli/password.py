"""The signed-in user's password, for commands that open the card key again (`keys rotate`, `card reveal`)."""

from __future__ import annotations

import os

from xmart.cli.main import Context


def signed_in_password(ctx: Context) -> str | None:
    """The password the command line signed in with (INTERFACE.md: `XMART_PASSWORD`, keyring or prompt).

    Until the sign-in on the command line keeps it on the Context (`ctx.password`), read from
    `XMART_PASSWORD`. None in a database with no user, where the key opens without one.
    """
    return getattr(ctx, "password", None) or os.environ.get("XMART_PASSWORD")
