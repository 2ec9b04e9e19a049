"""Store sync (DOMAIN.md section 6): who is synchronized, with which key, and what went where.

At the Main:
- `sync_peers`: one row per synchronized location (its code, its key, the sequence of the last
  package the Main made for it, the highest of those it acknowledged, a pending resend request,
  the time of its last stock report). A location with a row is synchronized; any other is managed
  at the Main (`processes/store_management.py`).
- `stock_reports`: the level a store last reported for one SKU, the moment it stated and the
  sequence of the package that brought it (a report from an older package never overwrites it).
- `sync_conflicts`: what a store's package brought that the Main could not take as it was (an
  invoice for an SO cancelled meanwhile, a sale beyond what an SO line had left), kept until resolved.
- `invoices.store_invoice`: the store's own id of an invoice that came from the store.

At a store (store mode):
- `store_identity`: the one row saying which store this database is (`xmart store setup`);
  its peer is the Main, a `sync_peers` row with the code `@main`.
- `received_sale_orders`: what a received SO carries besides the SO itself (CSO number, the
  customers' names and addresses, the masked card reference; never a card number).
- `sync_early_cancellations`: cancellations that arrived before their SO (applied when it arrives).

On both sides:
- `sync_packages`: every package made or received: peer, direction, sequence, status, reason,
  digest, the time it states and the time it was recorded.
- `sync_sent`: what this side has put in its packages to a peer (an SO, a cancellation, an
  invoice, a stock level) and the last package that carried it: whatever the peer has not
  acknowledged goes again in the next package, so a lost package is made good by the next one.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from xmart.models.base import Address, Base, address_composite
from xmart.models.status import check_values

MAIN_PEER = "@main"
"""The name of the Main in packages and in a store's `sync_peers` (no location code starts with `@`)."""


class PackageStatus(StrEnum):
    """Where a package stands (DOMAIN.md section 6)."""

    APPLIED = "applied"
    """Received and applied (in one transaction)."""
    REFUSED = "refused"
    """Received and refused whole (bad tag or digest, unknown sender, another receiver, unreadable)."""
    WAITING = "waiting"
    """Made here and not yet acknowledged by its receiver."""
    ACKNOWLEDGED = "acknowledged"
    """Made here and acknowledged by its receiver."""


class Direction(StrEnum):
    """Whether a package came in or went out."""

    IN = "in"
    OUT = "out"


class SentKind(StrEnum):
    """What a package carried, for `sync_sent`."""

    SALE_ORDER = "so"
    CANCELLATION = "cancel"
    INVOICE = "invoice"
    STOCK = "stock"


class ConflictKind(StrEnum):
    """Why a store's sale could not be taken as it was (DOMAIN.md section 6, "Conflicts are kept")."""

    CANCELLED = "cancelled"
    """An invoice for an SO cancelled at the Main after the store sold from it: the sale is kept."""
    OVERSOLD = "oversold"
    """A sale beyond what the SO line had left: taken up to the line's quantity, the rest recorded."""
    UNKNOWN = "unknown"
    """An invoice line for an SO, SO line or SKU the Main does not have for that store: not taken."""


class SyncPeer(Base):
    """A synchronized location at the Main, or the Main at a store: the key shared with it and the sequences."""

    __tablename__ = "sync_peers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    """The store's location code at the Main; `@main` at a store."""
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), unique=True)
    """At the Main the synchronized location; NULL at a store (its peer is the Main)."""
    key: Mapped[bytes] = mapped_column(LargeBinary)
    """The 32-byte HMAC-SHA-256 key shared with the peer (`xmart sync keygen`)."""
    last_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """The sequence of the last package made here for this peer (the next one is this + 1)."""
    acknowledged: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """The highest sequence of this side's packages the peer has acknowledged."""
    resend_from: Mapped[dt.date | None] = mapped_column(Date)
    """A resend from this date is pending: sent in every package until one carrying it is acknowledged."""
    resend_sequence: Mapped[int | None] = mapped_column(Integer)
    """The last package that carried the pending resend."""
    last_stock_report: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    """At the Main: the newest moment a stock report of this store stated."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class StoreIdentity(Base):
    """At a store: which store this database is (store mode). At most one row."""

    __tablename__ = "store_identity"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False, default=1)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    set_up_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SyncPackage(Base):
    """One package made or received; refused ones keep the reason (and the file goes to `refused/`)."""

    __tablename__ = "sync_packages"
    __table_args__ = (
        CheckConstraint(f"status IN ({check_values(PackageStatus)})", name="status"),
        CheckConstraint(f"direction IN ({check_values(Direction)})", name="direction"),
        Index("ix_sync_packages_peer_direction_sequence", "peer", "direction", "sequence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    peer: Mapped[str] = mapped_column(String(40), default="", server_default="")
    """The sender (in) or receiver (out); for a refused package what it claimed, "" when unreadable."""
    direction: Mapped[str] = mapped_column(String(3))
    sequence: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    file_name: Mapped[str] = mapped_column(String(255), default="", server_default="")
    digest: Mapped[str] = mapped_column(String(64), default="", server_default="")
    created: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    """The creation time the package states."""
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SyncSent(Base):
    """One thing this side put in its packages to a peer, and the last package that carried it."""

    __tablename__ = "sync_sent"
    __table_args__ = (CheckConstraint(f"kind IN ({check_values(SentKind)})", name="kind"),)

    peer_id: Mapped[int] = mapped_column(ForeignKey("sync_peers.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    ref: Mapped[int] = mapped_column(Integer, primary_key=True)
    """The SO id, invoice id or item id."""
    sequence: Mapped[int] = mapped_column(Integer)
    value: Mapped[int | None] = mapped_column(Integer)
    """For a stock level: the on-hand figure sent."""


class StockReport(Base):
    """At the Main: the on-hand level a synchronized store last reported for one SKU."""

    __tablename__ = "stock_reports"
    __table_args__ = (CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),)

    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer)
    reported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    """The moment the store stated for this level (its package's creation time)."""
    sequence: Mapped[int] = mapped_column(Integer)
    """The store's package that brought it: a level from a lower sequence never overwrites it."""


class SyncConflict(Base):
    """What a store's package brought that the Main could not take as it was; listed until resolved."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (
        CheckConstraint(f"kind IN ({check_values(ConflictKind)})", name="kind"),
        UniqueConstraint(
            "location_id", "store_invoice", "so_number", "line_no", "sku", "kind", name="uq_sync_conflicts_once"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    store_invoice: Mapped[int] = mapped_column(Integer)
    so_number: Mapped[int] = mapped_column(Integer)
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(40), default="", server_default="")
    qty: Mapped[int] = mapped_column(Integer)
    """Units concerned: sold on the cancelled SO, sold beyond the line, or not taken."""
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    package_sequence: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ReceivedSaleOrder(Base):
    """At a store: what an SO received from the Main carries besides the SO. Never a card number."""

    __tablename__ = "received_sale_orders"

    so_id: Mapped[int] = mapped_column(ForeignKey("sale_orders.id", ondelete="CASCADE"), primary_key=True)
    corporate_order: Mapped[int | None] = mapped_column(Integer)
    billing_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    shipping_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    billing_address: Mapped[Address] = address_composite("billing")
    shipping_address: Mapped[Address] = address_composite("shipping")
    card_reference: Mapped[str] = mapped_column(String(20), default="", server_default="")
    """The masked card reference (`**** 1234`), "" when the CSO has no card."""
    sequence: Mapped[int] = mapped_column(Integer)
    """The Main's package that brought it."""


class EarlyCancellation(Base):
    """At a store: a cancellation that arrived before its SO; the SO is made cancelled when it arrives."""

    __tablename__ = "sync_early_cancellations"

    so_number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sequence: Mapped[int] = mapped_column(Integer)


__all__ = [
    "MAIN_PEER",
    "ConflictKind",
    "Direction",
    "EarlyCancellation",
    "PackageStatus",
    "ReceivedSaleOrder",
    "SentKind",
    "StockReport",
    "StoreIdentity",
    "SyncConflict",
    "SyncPackage",
    "SyncPeer",
    "SyncSent",
]
