"""`xmart show cso NUMBER [--json]`: the CSO, its lines' fulfilment and its payments (masked card, never the number)."""

from __future__ import annotations

import argparse

from xmart.cli.main import Context, print_json
from xmart.models.db import UnitOfWork
from xmart.processes.fulfilment import cso_fulfilment


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print one CSO with its lines and their fulfilment figures."""
    with UnitOfWork(ctx.engine) as uow:
        figures = cso_fulfilment(uow.session, args.number)
    if args.json:
        print_json(figures.to_json())
        return 0
    print(
        f"Corporate Sale Order {figures.number}  {figures.date}  {figures.status}  total {figures.total} "
        f"(shipping {figures.shipping})  "
        f"deposit {figures.deposit} (allocated {figures.deposit_allocated})"
    )
    print(f"{'line':>4} {'sku':<12} {'qty':>5} {'assigned':>8} {'sold':>5} {'covered':>7} {'unassigned':>10}  by store")
    for ln in figures.lines:
        stores = ", ".join(f"{c}: {a}/{s}" for c, (a, s) in sorted(ln.by_store.items()))
        print(
            f"{ln.line_no:>4} {ln.sku:<12} {ln.qty:>5} {ln.assigned:>8} {ln.sold:>5} {ln.covered:>7} "
            f"{ln.unassigned:>10}  {stores}"
        )
    for p in figures.payments:
        card = f"  card {p.masked_card}" if p.masked_card else ""
        print(f"payment {p.id}: {p.kind} {p.amount}{card}")
    return 0
