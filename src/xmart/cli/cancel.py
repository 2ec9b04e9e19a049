"""`xmart cancel (so|po) NUMBER`: cancel a sale order or a purchase order (DOMAIN.md section 6)."""

from __future__ import annotations

import argparse

from xmart.cli.main import Context
from xmart.models.db import UnitOfWork
from xmart.processes.order_status import cancel_purchase_order, cancel_sale_order


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Cancel the document and print one line saying what was cancelled and what it freed.

    An unknown, already cancelled or (partly) sold / received document raises an InputError: exit 2.
    """
    service = cancel_sale_order if args.kind == "so" else cancel_purchase_order
    with UnitOfWork(ctx.engine) as uow:
        result = service(uow, args.number)
    print(result.text)
    return 0
