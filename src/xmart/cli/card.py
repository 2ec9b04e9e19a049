"""`xmart card reveal PAYMENT_ID`: one full card number, for a user holding `card.reveal` (DOMAIN.md 3, 9)."""

from __future__ import annotations

import argparse

from xmart.cli.main import Context
from xmart.cli.password import signed_in_password
from xmart.models.db import UnitOfWork
from xmart.processes.security.card_keys import reveal


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print the card number of payment PAYMENT_ID alone on stdout; audited.

    Exit 3 without sign-in, permission or the right password; 2 for a payment that is not a card
    payment; 1 when the card cannot be opened (older workstation key, altered or copied ciphertext).
    """
    with UnitOfWork(ctx.engine) as uow:
        number = reveal(uow, args.payment_id, signed_in_password(ctx))
    print(number)
    return 0
