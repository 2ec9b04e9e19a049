"""`xmart purchase-orders (--by-date FROM TO | --by-number FIRST LAST) --delivery DATE --cancel DATE ...`."""

from __future__ import annotations

import argparse

from xmart.cli.assign import range_from_args
from xmart.cli.main import Context, print_json
from xmart.models.db import UnitOfWork
from xmart.processes.purchase_orders import PurchaseOrderParams, PurchaseOrderResult, generate_purchase_orders


def params_from_args(args: argparse.Namespace) -> PurchaseOrderParams:
    """The process parameters the command line asks for."""
    return PurchaseOrderParams(
        range=range_from_args(args),
        delivery=args.delivery,
        cancel=args.cancel,
        print_documents=args.print,
        dry_run=args.dry_run,
    )


def summary(result: PurchaseOrderResult) -> list[str]:
    """A short human summary of a run."""
    verb = "Would create" if result.dry_run else "Created"
    numbers = result.numbers
    lines = sum(len(po.lines) for po in result.purchase_orders)
    units = sum(line.qty for po in result.purchase_orders for line in po.lines)
    text = [
        f"{verb} {len(numbers)} purchase order{'s' if len(numbers) != 1 else ''}"
        + (f" ({numbers[0]}-{numbers[-1]})" if len(numbers) > 1 else f" ({numbers[0]})" if numbers else "")
        + f": {lines} line{'s' if lines != 1 else ''}, {units} unit{'s' if units != 1 else ''}."
    ]
    for po in result.purchase_orders:
        text.append(
            f"  PO {po.number}  vendor {po.vendor}  {len(po.lines)} lines  delivery {po.delivery}  cancel {po.cancel}"
        )
    existing = sum(c.qty for c in result.covered_by_existing)
    if existing:
        pos = sorted({c.po for c in result.covered_by_existing})
        text.append(
            f"{existing} unit{'s' if existing != 1 else ''} covered by purchase orders already on order "
            f"({', '.join(map(str, pos))})."
        )
    if result.skipped_no_vendor:
        text.append(f"Skipped, no vendor: {', '.join(result.skipped_no_vendor)}.")
    if result.dry_run:
        text.append("Dry run: nothing was written.")
    return text


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Run the Automatic Purchase Orders process and report what it made."""
    params = params_from_args(args)
    params.validate()
    with UnitOfWork(ctx.engine) as uow:
        result = generate_purchase_orders(params, uow)
    if args.json:
        print_json(result.to_json())
    else:
        print("\n".join(summary(result)))
    if args.print and not params.dry_run and result.numbers:
        from xmart.cli.print_after import print_generated  # reportlab only when printing

        return print_generated(ctx, "po", list(result.numbers), args, quiet=args.json)
    return 0
