"""`xmart receive PO_NUMBER [--sku SKU --qty N]`."""

from __future__ import annotations

import argparse

from xmart.cli.main import Context
from xmart.models.db import UnitOfWork
from xmart.processes.receiving import receive


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Receive a whole PO, or part of one line, and say what was received."""
    # The process lock keeps receiving out of the middle of an Assign / Purchase Orders run.
    with UnitOfWork(ctx.engine) as uow:
        result = receive(uow, args.po_number, args.sku, args.qty)
    print(
        f"Received {result.units} unit{'s' if result.units != 1 else ''} on PO {result.po_number} "
        f"at {result.location}; the PO is now {result.status}."
    )
    for line in result.lines:
        print(f"  {line.sku}: {line.qty} received now, {line.received} of {line.ordered} in all")
    return 0
