"""`xmart stock set SKU QTY [--location CODE]`: a stock count (DOMAIN.md section 6, a store's own stock)."""

from __future__ import annotations

import argparse

from xmart.cli.main import Context
from xmart.models.db import UnitOfWork
from xmart.processes.stock_count import set_on_hand


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Set the counted level and say what it was."""
    with UnitOfWork(ctx.engine) as uow:
        result = set_on_hand(uow, args.sku, args.qty, args.location)
    print(f"{result.sku} at {result.location}: {result.on_hand} on hand (was {result.before}).")
    return 0
