"""Applying the Main's package at a store (DOMAIN.md section 6): SOs, cancellations, item data, acknowledgement.

Invariants (each package in one transaction, set-based, whatever order packages arrive in):
- an SO is inserted once, keyed by its number (one already here is left as it is), at the store's
  own location, with its lines, totals, deposit, note, CSO number, the customers' names and
  addresses and the masked card reference; a card reference that is not masked (`**** 1234`)
  refuses the package: no card number is ever stored at a store;
- a cancellation cancels the SO; one that arrives before its SO is remembered and the SO is made
  cancelled when it arrives. A sale the store already made on it stays (the Main records it as a
  conflict when the store's invoice arrives);
- item data only adds SKUs the store does not have (an SO line's own price is on the line);
- the acknowledgement only ever rises.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from xmart.models import (
    EarlyCancellation,
    Invoice,
    Item,
    ReceivedSaleOrder,
    SaleOrder,
    SaleOrderLine,
    SoStatus,
    SyncPeer,
)
from xmart.models.base import ADDRESS_FIELDS
from xmart.models.sync import SentKind
from xmart.processes.sync import bulk
from xmart.processes.sync.acknowledgements import acknowledge, forget_sent
from xmart.processes.sync.apply_at_main import Applied
from xmart.processes.sync.content import Field
from xmart.processes.sync.package_format import Package, PackageRefused

MASKED_CARD = re.compile(r"^\*{4} \d{4}$")
_ADDRESS_WIDTHS = {"line1": 200, "line2": 200, "city": 100, "region": 100, "postal_code": 20, "country": 60}


def _party(value: Field, prefix: str) -> dict[str, str]:
    party = {f"{prefix}_name": value["name"].text(100)}
    for name in ADDRESS_FIELDS:
        party[f"{prefix}_{name}"] = value.get(name).text(_ADDRESS_WIDTHS[name])
    return party


def _read_sale_orders(root: Field) -> list[tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]]:
    """[(SO head, received details, lines)] of the package; lines carry `sku` (resolved later)."""
    orders = []
    seen: set[int] = set()
    for entry in root.get("sale_orders").items():
        number = entry["number"].integer(1)
        if number in seen:
            raise entry["number"].fail(f"SO {number} appears twice")
        seen.add(number)
        status = entry["status"].text(20, True)
        if status not in (SoStatus.OPEN.value, SoStatus.CANCELLED.value):
            raise entry["status"].fail("must be open or cancelled")
        card = entry.get("card").text(20)
        if card and not MASKED_CARD.match(card):
            raise entry["card"].fail('must be a masked card reference like "**** 1234" (never a card number)')
        corporate = entry.get("corporate_order")
        total, deposit = entry["total"].money(), entry["deposit"].money()
        global_discount = entry["global_discount"].money(Decimal(100))
        if deposit > total:
            raise entry["deposit"].fail("must not exceed the total")
        head = {
            "number": number,
            "date": entry["date"].date(),
            "status": status,
            "global_discount": global_discount,
            "total": total,
            "deposit": deposit,
            "note": entry.get("note").text(2000),
        }
        received = {
            "corporate_order": None if corporate.value is None else corporate.integer(1),
            "card_reference": card,
            **_party(entry["billing"], "billing"),
            **_party(entry["shipping"], "shipping"),
        }
        lines = []
        line_numbers: set[int] = set()
        for line in entry["lines"].items():
            line_no = line["line"].integer(1)
            if line_no in line_numbers:
                raise line["line"].fail(f"line {line_no} appears twice")
            line_numbers.add(line_no)
            discount = line["discount"].money(Decimal(100))
            lines.append(
                {
                    "line_no": line_no,
                    "sku": line["sku"].text(40, True),
                    "qty": line["qty"].integer(1),
                    "price": line["price"].money(),
                    "discount": discount,
                }
            )
        if not lines:
            raise entry["lines"].fail("an SO needs at least one line")
        orders.append((head, received, lines))
    return orders


def apply_at_store(session: Session, peer: SyncPeer, package: Package, location_id: int) -> Applied:
    """Apply the Main's `package` at the store whose location is `location_id`, in the caller's transaction.

    Raises PackageRefused (nothing is to be committed) when the content is malformed or names a SKU
    that neither the package's items nor the store have.
    """
    root = Field(package.content, "")
    acknowledged = root["acknowledged"].integer(0)
    resend_from = root.get("resend_from").date(required=False)
    items = {
        entry["sku"].text(40, True): (entry["description"].text(200), entry["price"].money())
        for entry in root.get("items").items()
    }
    orders = _read_sale_orders(root)
    cancellations = sorted({entry.integer(1) for entry in root.get("cancellations").items()})
    acknowledge(session, peer, acknowledged)
    if resend_from is not None:
        forget_sent(
            session,
            peer,
            (SentKind.INVOICE,),
            select(Invoice.id).where(Invoice.location_id == location_id, Invoice.date >= resend_from),
        )
        forget_sent(session, peer, (SentKind.STOCK,), None)
    applied = Applied()
    item_ids = _add_items(session, items, {line["sku"] for _h, _r, lines in orders for line in lines}, applied)
    _add_sale_orders(session, package.sequence, location_id, orders, item_ids, applied)
    _cancel(session, package.sequence, location_id, cancellations, applied)
    return applied


def _add_items(
    session: Session, items: dict[str, tuple[str, Any]], needed: set[str], applied: Applied
) -> dict[str, int]:
    """Add the package's SKUs the store lacks; {SKU: item id} of every SKU the SO lines need."""
    wanted = sorted(set(items) | needed)
    ids: dict[str, int] = {}
    for chunk in bulk.chunks(wanted):
        ids.update(session.execute(select(Item.sku, Item.id).where(Item.sku.in_(chunk))).all())
    missing = [sku for sku in sorted(items) if sku not in ids]
    if missing:
        table = bulk.table(Item)
        rows = [{"sku": sku, "description": items[sku][0], "price": items[sku][1], "cost": 0} for sku in missing]
        bulk.insert_rows(session, table, rows)
        for chunk in bulk.chunks(missing):
            ids.update(
                (sku, item_id) for sku, item_id in session.execute(select(Item.sku, Item.id).where(Item.sku.in_(chunk)))
            )
        applied.items += len(missing)
    for sku in sorted(needed):
        if sku not in ids:
            raise PackageRefused(
                f"bad content: an SO line names SKU {sku}, which neither the package nor the store has"
            )
    return ids


def _add_sale_orders(
    session: Session,
    sequence: int,
    location_id: int,
    orders: list[tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]],
    item_ids: dict[str, int],
    applied: Applied,
) -> None:
    numbers = [head["number"] for head, _r, _l in orders]
    existing: set[int] = set()
    early: set[int] = set()
    for chunk in bulk.chunks(numbers):
        existing.update(session.scalars(select(SaleOrder.number).where(SaleOrder.number.in_(chunk))))
        early.update(session.scalars(select(EarlyCancellation.so_number).where(EarlyCancellation.so_number.in_(chunk))))
    new = [order for order in orders if order[0]["number"] not in existing]
    if not new:
        return
    table = bulk.table(SaleOrder)
    heads = []
    for head, _received, _lines in new:
        cancelled = head["status"] == SoStatus.CANCELLED.value or head["number"] in early
        heads.append(
            head
            | {"location_id": location_id, "status": SoStatus.CANCELLED.value if cancelled else SoStatus.OPEN.value}
        )
    bulk.insert_rows(session, table, heads)  # ids read back by number (RETURNING would go row by row)
    by_number: dict[int, int] = {}
    for chunk in bulk.chunks([head["number"] for head in heads]):
        by_number.update(
            (number, so_id)
            for number, so_id in session.execute(
                select(SaleOrder.number, SaleOrder.id).where(SaleOrder.number.in_(chunk))
            )
        )
    so_ids = [by_number[head["number"]] for head in heads]
    line_rows, received_rows = [], []
    for so_id, (_head, received, lines) in zip(so_ids, new, strict=True):
        received_rows.append(received | {"so_id": so_id, "sequence": sequence})
        for line in lines:
            line_rows.append(
                {
                    "so_id": so_id,
                    "line_no": line["line_no"],
                    "item_id": item_ids[line["sku"]],
                    "qty": line["qty"],
                    "sold": 0,
                    "price": line["price"],
                    "discount": line["discount"],
                }
            )
    bulk.insert_rows(session, bulk.table(SaleOrderLine), line_rows)
    bulk.insert_rows(session, bulk.table(ReceivedSaleOrder), received_rows)
    done = [head["number"] for head, _r, _l in new if head["number"] in early]
    for chunk in bulk.chunks(done):
        session.execute(delete(EarlyCancellation).where(EarlyCancellation.so_number.in_(chunk)))
    applied.sale_orders += len(new)


def _cancel(session: Session, sequence: int, location_id: int, numbers: list[int], applied: Applied) -> None:
    """Cancel the SOs `numbers` (the Main's decision, applied as it is); remember those not here yet."""
    found: set[int] = set()
    for chunk in bulk.chunks(numbers):
        found.update(
            session.scalars(
                select(SaleOrder.number).where(SaleOrder.number.in_(chunk), SaleOrder.location_id == location_id)
            )
        )
        result = session.execute(
            update(SaleOrder)
            .where(
                SaleOrder.number.in_(chunk),
                SaleOrder.location_id == location_id,
                SaleOrder.status != SoStatus.CANCELLED.value,
            )
            .values(status=SoStatus.CANCELLED.value),
            execution_options={"synchronize_session": False},
        )
        applied.cancellations += getattr(result, "rowcount", 0) or 0
    bulk.insert_ignoring(
        session,
        bulk.table(EarlyCancellation),
        [{"so_number": number, "sequence": sequence} for number in numbers if number not in found],
    )
