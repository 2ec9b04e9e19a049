"""`xmart assign`: the Assign process from the command line (INTERFACE.md)."""

from __future__ import annotations

import argparse

from xmart.cli.main import Context, print_json
from xmart.models.db import UnitOfWork
from xmart.processes.assign import AssignParams, assign_orders
from xmart.processes.selection import CsoRange


def range_from_args(args: argparse.Namespace) -> CsoRange:
    """The CSO range given by --by-date or --by-number."""
    if args.by_date:
        return CsoRange.by_date(*args.by_date)
    return CsoRange.by_number(*args.by_number)


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Assign, print the result, then print the generated SOs when asked (a print failure keeps them)."""
    params = AssignParams(
        range=range_from_args(args),
        stores=tuple(args.store),
        consider_pending=not args.ignore_pending,
        exclude_before=args.exclude_before,
        print_documents=args.print,
        dry_run=args.dry_run,
    )
    params.range.validate()
    with UnitOfWork(ctx.engine) as uow:
        result = assign_orders(params, uow)
    if args.json:
        print_json(result.to_json())
    else:
        verb = "would generate" if args.dry_run else "generated"
        print(
            f"Assign {params.range.describe()}: {verb} {len(result.sale_orders)} sale orders, "
            f"{sum(u.qty for u in result.unassigned)} units unassigned."
        )
        for so in result.sale_orders:
            units = sum(ln.qty for ln in so.lines)
            print(f"  SO {so.number}  {so.store}  CSO {so.corporate_order}  {units} units  deposit {so.deposit}")
    if args.print and not args.dry_run and result.sale_orders:
        from xmart.cli.print_after import print_generated  # reportlab only when printing

        return print_generated(ctx, "so", [so.number for so in result.sale_orders], args, quiet=args.json)
    return 0
