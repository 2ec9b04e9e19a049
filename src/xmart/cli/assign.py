"""`xmart assign`: the Assign process from the command line (INTERFACE.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
from decimal import Decimal
from functools import lru_cache

from xmart.cli.main import Context, print_json
from xmart.models.db import UnitOfWork
from xmart.processes.assign import AssignParams, AssignResult, assign_orders
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
        if sys.stdout.isatty():
            print_json(result.to_json())  # indented for a person
        else:
            sys.stdout.write(compact_json(result))
    else:
        verb = "would generate" if args.dry_run else "generated"
        print(
            f"Assign {params.range.describe()}: {verb} {len(result.sale_orders)} sale orders, "
            f"{sum(u.qty for u in result.unassigned)} units unassigned."
        )
        for so in result.sale_orders:
            units = sum(ln.qty for ln in so.lines)
            print(
                f"  SO {so.number}  {so.store}  CSO {so.corporate_order}  {units} units  "
                f"total {so.total}  deposit {so.deposit}"
            )
    if args.print and not args.dry_run and result.sale_orders:
        from xmart.cli.print_after import print_generated  # reportlab only when printing

        return print_generated(ctx, "so", [so.number for so in result.sale_orders], args, quiet=args.json)
    return 0


@lru_cache(maxsize=65_536)
def _text(value: str) -> str:
    """A JSON string literal, as `json.dumps(..., ensure_ascii=False)` writes it (cached: SKUs, codes, notes repeat)."""
    return json.dumps(value, ensure_ascii=False)


@lru_cache(maxsize=16_384)
def _money(value: Decimal) -> str:
    """A money or percent value as a JSON string with 2 decimals (INTERFACE.md; cached: prices repeat)."""
    return f'"{value:.2f}"'


@lru_cache(maxsize=64)
def _date(value: dt.date) -> str:
    return f'"{value.isoformat()}"'


def compact_json(result: AssignResult) -> str:
    """The `assign --json` document and a newline, byte for byte what `print_json(result.to_json())` prints
    off a terminal (`json.dumps` without indent, `ensure_ascii=False`), written straight from the result.

    Several times faster than building the dicts and encoding them (100,000 lines in a big run);
    tests/unit/test_assign_json.py checks the equality. The cyclic garbage collector is paused while
    it runs (nothing here makes a cycle; its full collections would walk the whole result every time).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _compact_json(result)
    finally:
        if was_enabled:
            gc.enable()


def _compact_json(result: AssignResult) -> str:
    text, money, date = _text, _money, _date
    orders = [
        f'{{"number": {so.number}, "store": {text(so.store)}, "corporate_order": {so.corporate_order}, '
        f'"date": {date(so.date)}, "note": {text(so.note)}, "total": {money(so.total)}, '
        f'"deposit": {money(so.deposit)}, "lines": ['
        + ", ".join(
            [
                f'{{"sku": {text(ln.sku)}, "qty": {ln.qty}, "price": {money(ln.price)}, '
                f'"discount": {money(ln.discount)}}}'
                for ln in so.lines
            ]
        )
        + "]}"
        for so in result.sale_orders
    ]
    unassigned = [
        f'{{"corporate_order": {u.corporate_order}, "sku": {text(u.sku)}, "qty": {u.qty}}}' for u in result.unassigned
    ]
    return f'{{"sale_orders": [{", ".join(orders)}], "unassigned": [{", ".join(unassigned)}]}}\n'
