"""`xmart invoice SO_NUMBER --sku SKU --qty N`."""

from __future__ import annotations

import argparse

from xmart.cli.main import Context
from xmart.models.db import UnitOfWork
from xmart.processes.invoicing import invoice


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Record a sale at the SO's location and say what changed."""
    # The process lock keeps sales out of the middle of an Assign run (it reads on hand and sold).
    with UnitOfWork(ctx.engine) as uow:
        result = invoice(uow, args.so_number, args.sku, args.qty)
    text = (
        f"Invoice {result.number} at {result.location}: {result.qty} x {result.sku} sold on SO {result.so_number} "
        f"(now {result.so_status}); {result.on_hand} left on hand."
    )
    if result.cso_status:
        text += f" Corporate sale order is {result.cso_status}."
    print(text)
    return 0
