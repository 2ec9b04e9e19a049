"""`xmart web-orders import|retry|map|held` (INTERFACE.md; DOMAIN.md section 10)."""

from __future__ import annotations

import argparse
from pathlib import Path

from xmart.cli.main import Context, print_json
from xmart.models.db import UnitOfWork
from xmart.processes.web_orders.importing import (
    WebImportResult,
    held_orders,
    import_web_orders,
    map_sku,
    retry_held,
)


def _report(result: WebImportResult, as_json: bool) -> None:
    if as_json:
        print_json(result.to_json())
        return
    for outcome in result.outcomes:
        name = outcome.name or outcome.order_id
        if outcome.outcome == "held":
            print(f"Held {name} ({outcome.source} {outcome.order_id}): {outcome.reason}")
        elif outcome.outcome in ("imported", "updated") or (outcome.outcome == "cancelled" and outcome.cso):
            print(f"{outcome.outcome.capitalize()} {name}: corporate sale order {outcome.cso}")
    counts = result.counts()
    print(", ".join(f"{n} {name}" for name, n in counts.items()) + ".")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Run one `web-orders` subcommand and say what it did."""
    command = args.web_command
    if command == "import":
        with UnitOfWork(ctx.engine) as uow:
            result = import_web_orders(uow, [Path(p) for p in args.paths], args.source)
        _report(result, args.json)
        return 0
    if command == "retry":
        with UnitOfWork(ctx.engine) as uow:
            result = retry_held(uow)
        _report(result, args.json)
        return 0
    if command == "map":
        with UnitOfWork(ctx.engine) as uow:
            map_sku(uow, args.web_sku, args.item_sku)
        print(
            f"Web SKU {args.web_sku} now stands for item {args.item_sku}; retry the held orders: xmart web-orders retry"
        )
        return 0
    with UnitOfWork(ctx.engine) as uow:
        held = held_orders(uow.session)
    if args.json:
        print_json(
            {
                "held": [
                    {
                        "source": h.source,
                        "order_id": h.order_id,
                        "name": h.name,
                        "corporate_order": h.cso,
                        "reason": h.reason,
                    }
                    for h in held
                ]
            }
        )
    else:
        for h in held:
            print(f"{h.source} {h.name or h.order_id} (id {h.order_id}): {h.reason}")
        print(f"{len(held)} held.")
    return 0
