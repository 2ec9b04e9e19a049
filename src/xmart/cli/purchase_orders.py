"""`xmart purchase-orders (--by-date FROM TO | --by-number FIRST LAST) --delivery DATE --cancel DATE ...`."""

from __future__ import annotations

import sys
from pathlib import Path

from xmart.cli.main import print_json
from xmart.models.db import UnitOfWork
from xmart.processes.purchase_orders import PurchaseOrderParams, PurchaseOrderResult, generate_purchase_orders
from xmart.processes.selection import PROCESS_LOCK, CsoRange


def params_from_args(args) -> PurchaseOrderParams:
    """The process parameters the command line asks for."""
    rng = CsoRange.by_date(*args.by_date) if args.by_date else CsoRange.by_number(*args.by_number)
    return PurchaseOrderParams(range=rng, delivery=args.delivery, cancel=args.cancel,
                               print_documents=args.print, dry_run=args.dry_run)


def summary(result: PurchaseOrderResult) -> list[str]:
    """A short human summary of a run."""
    verb = "Would create" if result.dry_run else "Created"
    numbers = result.numbers
    lines = sum(len(po.lines) for po in result.purchase_orders)
    units = sum(line.qty for po in result.purchase_orders for line in po.lines)
    text = [f"{verb} {len(numbers)} purchase order{'s' if len(numbers) != 1 else ''}"
            + (f" ({numbers[0]}-{numbers[-1]})" if len(numbers) > 1 else f" ({numbers[0]})" if numbers else "")
            + f": {lines} line{'s' if lines != 1 else ''}, {units} unit{'s' if units != 1 else ''}."]
    for po in result.purchase_orders:
        text.append(f"  PO {po.number}  vendor {po.vendor}  {len(po.lines)} lines  "
                    f"delivery {po.delivery}  cancel {po.cancel}")
    existing = sum(c.qty for c in result.covered_by_existing)
    if existing:
        pos = sorted({c.po for c in result.covered_by_existing})
        text.append(f"{existing} unit{'s' if existing != 1 else ''} covered by purchase orders already on order "
                    f"({', '.join(map(str, pos))}).")
    if result.skipped_no_vendor:
        text.append(f"Skipped, no vendor: {', '.join(result.skipped_no_vendor)}.")
    if result.dry_run:
        text.append("Dry run: nothing was written.")
    return text


def print_target(args) -> Path | str | None:
    """Where documents go: a folder for PDF files, a printer name, or None for the default printer."""
    return Path(args.pdf_dir) if args.pdf_dir else args.printer


def print_documents(engine, numbers: tuple[int, ...], args) -> int:
    """Print the purchase orders after they are saved; a failure is reported, the POs stay saved."""
    try:
        from xmart.processes.document_printing import print_purchase_orders
    except ImportError:
        print("xmart: printing not available yet; the purchase orders are saved", file=sys.stderr)
        return 1
    try:
        print_purchase_orders(engine, list(numbers), print_target(args))
    except Exception as exc:  # noqa: BLE001 - any print failure: the POs are saved, say so
        print(f"xmart: the purchase orders are saved but printing failed: {exc}", file=sys.stderr)
        return 1
    return 0


def run(args, ctx) -> int:
    """Run the Automatic Purchase Orders process and report what it made."""
    params = params_from_args(args)
    params.validate()
    with UnitOfWork(ctx.engine, exclusive=PROCESS_LOCK) as uow:
        result = generate_purchase_orders(params, uow)
    if args.json:
        print_json(result.to_json())
    else:
        print("\n".join(summary(result)))
    if args.print and not params.dry_run and result.numbers:
        return print_documents(ctx.engine, result.numbers, args)
    return 0
