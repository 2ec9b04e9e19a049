"""Making packages (DOMAIN.md section 6): at the Main one per synchronized store, at a store one for the Main.

Each package carries everything the peer has not acknowledged yet (`sync_sent` records the last
package that carried each thing; the peer's acknowledgements say how far it got), so a package
that is lost is made good by the next one and a resend is natural.

Main → store content:
- `acknowledged`: the highest sequence of the store's packages applied here;
- `resend_from`: a date, when the Main asks the store to send again everything from that date;
- `items`: SKU, description and price of the items the SO lines of this package need;
- `sale_orders`: new SOs of that store (and any it has not acknowledged) with their lines, prices,
  discounts, total, deposit, note, CSO number, customers' names and addresses, and the card as a
  masked reference (`**** 1234`) only; never a card number, never a security code;
- `cancellations`: numbers of that store's SOs cancelled at the Main.

Store → Main content: `acknowledged`, `resend_from`, `invoices` (the store's invoice id, date, and
per line the SO number, SO line, SKU, quantity and amount) and `stock` (the on-hand level of every
SKU whose level the Main has not yet acknowledged, as of the package's `created` moment).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from xmart.errors import InputError, NotFoundError
from xmart.models import (
    CorporateSaleOrder,
    Customer,
    Invoice,
    InvoiceLine,
    Item,
    Location,
    Payment,
    SaleOrder,
    SaleOrderLine,
    SoStatus,
    Stock,
    StoreIdentity,
    SyncPackage,
    SyncPeer,
    SyncSent,
)
from xmart.models.base import ADDRESS_FIELDS, Address
from xmart.models.db import UnitOfWork
from xmart.models.sync import MAIN_PEER, Direction, PackageStatus, SentKind
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.store_management import store_code
from xmart.processes.sync import bulk
from xmart.processes.sync.folders import package_name, write_atomically
from xmart.processes.sync.keys import SYNC_LOCK
from xmart.processes.sync.package_format import Package, content_digest, encode

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class PackageWritten:
    """One package made: its receiver, sequence, file and what it carries (counts by kind)."""

    receiver: str
    sequence: int
    path: Path
    counts: dict[str, int]


@dataclass(frozen=True)
class ExportResult:
    """The packages one `sync export` made."""

    packages: tuple[PackageWritten, ...]

    def to_json(self) -> dict[str, Any]:
        """The `sync export --json` document."""
        return {
            "packages": [
                {"receiver": p.receiver, "sequence": p.sequence, "file": p.path.name, **p.counts} for p in self.packages
            ]
        }


def money(value: Decimal) -> str:
    """Money as a package writes it: text with 2 decimals."""
    return f"{Decimal(value).quantize(_CENT, ROUND_HALF_UP):.2f}"


def _address(row: Any, prefix: str) -> dict[str, str]:
    return {name: getattr(row, f"{prefix}_{name}") or "" for name in ADDRESS_FIELDS}


def _unacknowledged(peer: SyncPeer, kind: SentKind, ref: Any) -> Any:
    """Join condition and filter: `ref` never sent to `peer`, or last sent in a package it has not acknowledged."""
    sent = and_(SyncSent.peer_id == peer.id, SyncSent.kind == kind.value, SyncSent.ref == ref)
    return sent, or_(SyncSent.sequence.is_(None), SyncSent.sequence > peer.acknowledged)


def applied_from(session: Session, peer: str) -> int:
    """The highest sequence of `peer`'s packages applied here (0 when none): what this side acknowledges."""
    return int(
        session.scalar(
            select(func.coalesce(func.max(SyncPackage.sequence), 0)).where(
                SyncPackage.peer == peer,
                SyncPackage.direction == Direction.IN.value,
                SyncPackage.status == PackageStatus.APPLIED.value,
            )
        )
        or 0
    )


def main_content(session: Session, peer: SyncPeer) -> tuple[dict[str, Any], dict[SentKind, list[int]]]:
    """The content of the Main's next package for `peer`'s store, and {kind: ids} of what it carries."""
    location_id = peer.location_id
    sent_on, unsent = _unacknowledged(peer, SentKind.SALE_ORDER, SaleOrder.id)
    so_rows = session.execute(
        select(
            SaleOrder.id,
            SaleOrder.number,
            SaleOrder.date,
            SaleOrder.status,
            SaleOrder.global_discount,
            SaleOrder.total,
            SaleOrder.deposit,
            SaleOrder.note,
            SaleOrder.cso_id,
            SaleOrder.billing_customer_id,
            SaleOrder.shipping_customer_id,
            Payment.card_last4,
        )
        .outerjoin(SyncSent, sent_on)
        .outerjoin(Payment, Payment.id == SaleOrder.card_payment_id)
        .where(SaleOrder.location_id == location_id, unsent)
        .order_by(SaleOrder.number)
    ).all()
    cancel_on, cancel_unsent = _unacknowledged(peer, SentKind.CANCELLATION, SaleOrder.id)
    cancel_rows = session.execute(
        select(SaleOrder.id, SaleOrder.number)
        .outerjoin(SyncSent, cancel_on)
        .where(SaleOrder.location_id == location_id, SaleOrder.status == SoStatus.CANCELLED.value, cancel_unsent)
        .order_by(SaleOrder.number)
    ).all()
    so_ids = [row.id for row in so_rows]
    parties = _parties(session, so_rows)
    lines: dict[int, list[dict[str, Any]]] = defaultdict(list)
    item_ids: set[int] = set()
    for chunk in bulk.chunks(so_ids):
        for row in session.execute(
            select(
                SaleOrderLine.so_id,
                SaleOrderLine.line_no,
                SaleOrderLine.item_id,
                Item.sku,
                SaleOrderLine.qty,
                SaleOrderLine.price,
                SaleOrderLine.discount,
            )
            .join(Item, Item.id == SaleOrderLine.item_id)
            .where(SaleOrderLine.so_id.in_(chunk))
            .order_by(SaleOrderLine.so_id, SaleOrderLine.line_no)
        ):
            item_ids.add(row.item_id)
            lines[row.so_id].append(
                {
                    "line": row.line_no,
                    "sku": row.sku,
                    "qty": row.qty,
                    "price": money(row.price),
                    "discount": money(row.discount),
                }
            )
    items: list[dict[str, Any]] = []
    ordered_item_ids = sorted(item_ids)
    for chunk in bulk.chunks(ordered_item_ids):
        items.extend(
            {"sku": sku, "description": description, "price": money(price)}
            for sku, description, price in session.execute(
                select(Item.sku, Item.description, Item.price).where(Item.id.in_(chunk))
            )
        )
    items.sort(key=lambda item: item["sku"])
    sale_orders = []
    for so in so_rows:
        billing, shipping = parties[so.id]
        sale_orders.append(
            {
                "number": so.number,
                "date": so.date.isoformat(),
                "status": SoStatus.CANCELLED.value if so.status == SoStatus.CANCELLED.value else SoStatus.OPEN.value,
                "corporate_order": billing.pop("corporate_order"),
                "global_discount": money(so.global_discount),
                "total": money(so.total),
                "deposit": money(so.deposit),
                "note": so.note or "",
                "billing": billing,
                "shipping": shipping,
                "card": f"**** {so.card_last4}" if so.card_last4 else None,
                "lines": lines[so.id],
            }
        )
    content = {
        "acknowledged": applied_from(session, peer.code),
        "resend_from": peer.resend_from.isoformat() if peer.resend_from else None,
        "items": items,
        "sale_orders": sale_orders,
        "cancellations": [row.number for row in cancel_rows],
    }
    return content, {SentKind.SALE_ORDER: so_ids, SentKind.CANCELLATION: [row.id for row in cancel_rows]}


def _parties(session: Session, so_rows: Sequence[Any]) -> dict[int, tuple[dict[str, Any], dict[str, Any]]]:
    """{SO id: (billing, shipping)}: names and addresses copied onto the CSO, else the customers' own."""
    cso_ids = sorted({row.cso_id for row in so_rows if row.cso_id is not None})
    csos: dict[int, Any] = {}
    for chunk in bulk.chunks(cso_ids):
        csos.update(
            (row.id, row)
            for row in session.execute(select(CorporateSaleOrder.__table__).where(CorporateSaleOrder.id.in_(chunk)))
        )
    customer_ids = sorted(
        {c for row in so_rows if row.cso_id is None for c in (row.billing_customer_id, row.shipping_customer_id) if c}
    )
    customers: dict[int, Any] = {}
    for chunk in bulk.chunks(customer_ids):
        customers.update(
            (row.id, row) for row in session.execute(select(Customer.__table__).where(Customer.id.in_(chunk)))
        )
    empty = {"name": "", **Address().__dict__}
    result: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}
    for row in so_rows:
        cso = csos.get(row.cso_id) if row.cso_id is not None else None
        if cso is not None:
            billing = {"name": cso.billing_name, **_address(cso, "billing"), "corporate_order": cso.number}
            shipping = {"name": cso.shipping_name, **_address(cso, "shipping")}
        else:
            bill, ship = customers.get(row.billing_customer_id), customers.get(row.shipping_customer_id)
            billing = ({"name": bill.name, **_address(bill, "billing")} if bill else dict(empty)) | {
                "corporate_order": None
            }
            shipping = {"name": ship.name, **_address(ship, "shipping")} if ship else dict(empty)
        result[row.id] = (billing, shipping)
    return result


def line_amount(qty: int, price: Decimal, discount: Decimal) -> Decimal:
    """`round(qty * price * (100 - discount) / 100)` (DOMAIN.md section 2's line amount), 2 decimals."""
    return (qty * Decimal(price) * (100 - Decimal(discount)) / 100).quantize(_CENT, ROUND_HALF_UP)


def store_content(
    session: Session, peer: SyncPeer, location_id: int
) -> tuple[dict[str, Any], dict[SentKind, list[int]], dict[int, int]]:
    """The content of a store's next package for the Main, {kind: ids} it carries, and {item id: level sent}."""
    sent_on, unsent = _unacknowledged(peer, SentKind.INVOICE, Invoice.id)
    invoice_rows = session.execute(
        select(Invoice.id, Invoice.number, Invoice.date)
        .outerjoin(SyncSent, sent_on)
        .where(Invoice.location_id == location_id, Invoice.store_invoice.is_(None), unsent)
        .order_by(Invoice.number)
    ).all()
    invoice_ids = [row.id for row in invoice_rows]
    lines: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in bulk.chunks(invoice_ids):
        for row in session.execute(
            select(
                InvoiceLine.invoice_id,
                SaleOrder.number,
                SaleOrderLine.line_no,
                Item.sku,
                InvoiceLine.qty,
                SaleOrderLine.price,
                SaleOrderLine.discount,
            )
            .join(SaleOrderLine, SaleOrderLine.id == InvoiceLine.so_line_id)
            .join(SaleOrder, SaleOrder.id == SaleOrderLine.so_id)
            .join(Item, Item.id == InvoiceLine.item_id)
            .where(InvoiceLine.invoice_id.in_(chunk))
            .order_by(InvoiceLine.invoice_id, InvoiceLine.id)
        ):
            lines[row.invoice_id].append(
                {
                    "so": row.number,
                    "line": row.line_no,
                    "sku": row.sku,
                    "qty": row.qty,
                    "amount": money(line_amount(row.qty, row.price, row.discount)),
                }
            )
    stock_on = and_(SyncSent.peer_id == peer.id, SyncSent.kind == SentKind.STOCK.value, SyncSent.ref == Stock.item_id)
    stock_rows = session.execute(
        select(Stock.item_id, Item.sku, Stock.on_hand)
        .join(Item, Item.id == Stock.item_id)
        .outerjoin(SyncSent, stock_on)
        .where(
            Stock.location_id == location_id,
            or_(
                SyncSent.sequence.is_(None),
                SyncSent.sequence > peer.acknowledged,
                SyncSent.value != Stock.on_hand,
            ),
        )
        .order_by(Item.sku)
    ).all()
    content = {
        "acknowledged": applied_from(session, MAIN_PEER),
        "resend_from": peer.resend_from.isoformat() if peer.resend_from else None,
        "invoices": [{"id": row.number, "date": row.date.isoformat(), "lines": lines[row.id]} for row in invoice_rows],
        "stock": [{"sku": row.sku, "on_hand": row.on_hand} for row in stock_rows],
    }
    return content, {SentKind.INVOICE: invoice_ids}, {row.item_id: row.on_hand for row in stock_rows}


def _record_sent(
    session: Session, peer: SyncPeer, sequence: int, refs: dict[SentKind, list[int]], levels: dict[int, int]
) -> None:
    table = bulk.table(SyncSent)
    rows = [
        {"peer_id": peer.id, "kind": kind.value, "ref": ref, "sequence": sequence, "value": None}
        for kind, ids in refs.items()
        for ref in ids
    ]
    rows += [
        {"peer_id": peer.id, "kind": SentKind.STOCK.value, "ref": item_id, "sequence": sequence, "value": on_hand}
        for item_id, on_hand in levels.items()
    ]
    bulk.upsert(session, table, rows, ("peer_id", "kind", "ref"))


def _counts(content: dict[str, Any]) -> dict[str, int]:
    return {name: len(value) for name, value in content.items() if isinstance(value, list)}


def export_packages(
    uow: UnitOfWork, folder: Path, stores: Sequence[str] = (), now: dt.datetime | None = None
) -> ExportResult:
    """Write the next package for each peer into `folder` and commit (DOMAIN.md section 6).

    At the Main one package per synchronized store (`stores`: only these codes; default all); at a
    store one package for the Main (`stores` must be empty). Each package is written atomically
    (temporary name, fsync, rename) before the transaction that records it commits; if the commit
    fails the file is removed. Raises NotFoundError for a code that is not a synchronized store,
    InputError when this database is neither a Main with synchronized stores nor a store,
    AccessError without the `sync` permission.
    """
    moment = now or dt.datetime.now(dt.UTC)
    written: list[PackageWritten] = []
    with uow.exclusive(SYNC_LOCK):
        require(uow, "sync")
        session = uow.session
        own = store_code(session)
        if own is not None:
            if stores:
                raise InputError("At a store, sync export makes the package for the Main: give no --store.")
            peer = session.scalar(select(SyncPeer).where(SyncPeer.code == MAIN_PEER))
            location_id = session.scalar(select(StoreIdentity.location_id))
            assert peer is not None and location_id is not None
            content, refs, levels = store_content(session, peer, location_id)
            written.append(_write(uow, folder, peer, own, MAIN_PEER, content, refs, levels, moment))
        else:
            peers = list(
                session.scalars(select(SyncPeer).where(SyncPeer.location_id.is_not(None)).order_by(SyncPeer.code))
            )
            if not peers:
                raise InputError("No store is synchronized yet: make a store's key first (xmart sync keygen).")
            known = {peer.code for peer in peers}
            for code in stores:
                if code not in known:
                    exists = session.scalar(select(Location.id).where(Location.code == code))
                    raise NotFoundError(
                        f"{code} is not a synchronized store." if exists else f"Location {code} does not exist."
                    )
            for peer in peers:
                if stores and peer.code not in stores:
                    continue
                content, refs = main_content(session, peer)
                written.append(_write(uow, folder, peer, MAIN_PEER, peer.code, content, refs, {}, moment))
        try:
            uow.commit()
        except BaseException:
            for package in written:
                package.path.unlink(missing_ok=True)
            raise
    return ExportResult(tuple(written))


def _write(
    uow: UnitOfWork,
    folder: Path,
    peer: SyncPeer,
    sender: str,
    receiver: str,
    content: dict[str, Any],
    refs: dict[SentKind, list[int]],
    levels: dict[int, int],
    moment: dt.datetime,
) -> PackageWritten:
    session = uow.session
    sequence = peer.last_sequence + 1
    peer.last_sequence = sequence
    if peer.resend_from is not None:
        peer.resend_sequence = sequence
    _record_sent(session, peer, sequence, refs, levels)
    package = Package(sender, receiver, sequence, moment, content)
    data = encode(package, peer.key)
    name = package_name(sender, receiver, sequence)
    session.add(
        SyncPackage(
            peer=receiver,
            direction=Direction.OUT.value,
            sequence=sequence,
            status=PackageStatus.WAITING.value,
            file_name=name,
            digest=content_digest(content),
            created=moment,
        )
    )
    counts = _counts(content)
    audit.record(uow, "sync.export", entity="package", entity_id=f"{receiver} {sequence}", detail=str(counts))
    session.flush()
    path = write_atomically(folder, name, data)
    return PackageWritten(receiver, sequence, path, counts)
