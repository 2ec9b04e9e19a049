"""`sync status` and `sync resend` (DOMAIN.md section 6): per peer, the last package in and out,
waiting and refused packages, open conflicts and the time of the last stock report; resend requests.

`waiting_out`: packages made here that the peer has not acknowledged yet; `waiting_in`: earlier
packages of the peer that have not arrived (a gap below the highest applied); `refused`: the
peer's packages refused here (with unreadable ones, whose sender is unknown, counted apart).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from xmart.errors import InputError, NotFoundError
from xmart.models import Location, SyncConflict, SyncPackage, SyncPeer
from xmart.models.db import UnitOfWork
from xmart.models.sync import MAIN_PEER, Direction, PackageStatus
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.store_management import store_code
from xmart.processes.sync.acknowledgements import request_resend
from xmart.processes.sync.keys import SYNC_LOCK


@dataclass(frozen=True)
class PackageRef:
    """A package: its sequence, the time it states and when it was recorded here."""

    sequence: int
    created: dt.datetime | None
    recorded_at: dt.datetime | None


@dataclass(frozen=True)
class Conflict:
    """An open conflict at the Main."""

    kind: str
    store_invoice: int
    so_number: int
    line_no: int
    sku: str
    qty: int
    detail: str


@dataclass(frozen=True)
class PeerStatus:
    """One peer's sync state."""

    peer: str
    last_in: PackageRef | None
    last_out: PackageRef | None
    waiting_out: int
    waiting_in: int
    refused: int
    conflicts: tuple[Conflict, ...]
    last_stock_report: dt.datetime | None
    resend_from: dt.date | None


@dataclass(frozen=True)
class SyncStatus:
    """This database's role (`main` or the store's code) and each peer's state."""

    role: str
    peers: tuple[PeerStatus, ...]
    refused_unknown: int = 0

    def to_json(self) -> dict[str, Any]:
        """The `sync status --json` document."""

        def ref(package: PackageRef | None) -> dict[str, Any] | None:
            if package is None:
                return None
            return {
                "sequence": package.sequence,
                "created": _iso(package.created),
                "recorded_at": _iso(package.recorded_at),
            }

        return {
            "role": self.role,
            "refused_unknown_sender": self.refused_unknown,
            "peers": [
                {
                    "peer": p.peer,
                    "last_in": ref(p.last_in),
                    "last_out": ref(p.last_out),
                    "waiting_out": p.waiting_out,
                    "waiting_in": p.waiting_in,
                    "refused": p.refused,
                    "conflicts": len(p.conflicts),
                    "conflict_list": [c.__dict__ for c in p.conflicts],
                    "last_stock_report": _iso(p.last_stock_report),
                    "resend_from": p.resend_from.isoformat() if p.resend_from else None,
                }
                for p in self.peers
            ],
        }


def _iso(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _last(uow: UnitOfWork, peer: str, direction: Direction) -> PackageRef | None:
    statuses = (
        [PackageStatus.APPLIED.value]
        if direction == Direction.IN
        else [PackageStatus.WAITING.value, PackageStatus.ACKNOWLEDGED.value]
    )
    row = uow.session.execute(
        select(SyncPackage.sequence, SyncPackage.created, SyncPackage.recorded_at)
        .where(SyncPackage.peer == peer, SyncPackage.direction == direction.value, SyncPackage.status.in_(statuses))
        .order_by(SyncPackage.sequence.desc())
        .limit(1)
    ).first()
    return PackageRef(int(row[0] or 0), row[1], row[2]) if row is not None else None


def sync_status(uow: UnitOfWork) -> SyncStatus:
    """Every peer's sync state (see the module docstring); raises AccessError without the `sync` permission."""
    require(uow, "sync")
    session = uow.session
    own = store_code(session)
    peers = list(session.scalars(select(SyncPeer).order_by(SyncPeer.code)))
    gaps = {
        peer: int(high or 0) - int(count)
        for peer, high, count in session.execute(
            select(SyncPackage.peer, func.max(SyncPackage.sequence), func.count(func.distinct(SyncPackage.sequence)))
            .where(SyncPackage.direction == Direction.IN.value, SyncPackage.status == PackageStatus.APPLIED.value)
            .group_by(SyncPackage.peer)
        )
    }
    refused = dict(
        session.execute(
            select(SyncPackage.peer, func.count())
            .where(SyncPackage.direction == Direction.IN.value, SyncPackage.status == PackageStatus.REFUSED.value)
            .group_by(SyncPackage.peer)
        ).all()
    )
    waiting = dict(
        session.execute(
            select(SyncPackage.peer, func.count())
            .where(SyncPackage.direction == Direction.OUT.value, SyncPackage.status == PackageStatus.WAITING.value)
            .group_by(SyncPackage.peer)
        ).all()
    )
    result = []
    for peer in peers:
        conflicts = (
            tuple(
                Conflict(c.kind, c.store_invoice, c.so_number, c.line_no, c.sku, c.qty, c.detail)
                for c in session.scalars(
                    select(SyncConflict)
                    .where(SyncConflict.location_id == peer.location_id, SyncConflict.resolved_at.is_(None))
                    .order_by(SyncConflict.id)
                )
            )
            if peer.location_id is not None
            else ()
        )
        result.append(
            PeerStatus(
                peer=peer.code,
                last_in=_last(uow, peer.code, Direction.IN),
                last_out=_last(uow, peer.code, Direction.OUT),
                waiting_out=int(waiting.get(peer.code, 0)),
                waiting_in=gaps.get(peer.code, 0),
                refused=int(refused.get(peer.code, 0)),
                conflicts=conflicts,
                last_stock_report=peer.last_stock_report,
                resend_from=peer.resend_from,
            )
        )
    known = {peer.code for peer in peers}
    unknown = sum(int(n) for code, n in refused.items() if code not in known)
    uow.rollback()
    return SyncStatus("main" if own is None else own, tuple(result), unknown)


def resend(uow: UnitOfWork, store: str | None, date: dt.date) -> str:
    """Ask a peer to send again everything from `date` (DOMAIN.md section 6, "Resend"); commit.

    At the Main `store` is the synchronized store asked; at a store the Main is asked (`store` None
    or the Main). The request travels in this side's next packages until one is acknowledged.
    Returns the peer asked. Raises NotFoundError / InputError for a store that is not synchronized,
    AccessError without the `sync` permission.
    """
    with uow.exclusive(SYNC_LOCK):
        require(uow, "sync")
        session = uow.session
        own = store_code(session)
        code = MAIN_PEER if own is not None else store
        if own is not None and store not in (None, MAIN_PEER, "MAIN", "main"):
            raise InputError(f"At store {own}, sync resend asks the Main: give no --store (or --store @main).")
        if code is None:
            raise InputError("Give the store to ask (--store CODE).")
        peer = session.scalar(select(SyncPeer).where(SyncPeer.code == code))
        if peer is None:
            exists = session.scalar(select(Location.id).where(Location.code == code))
            raise NotFoundError(
                f"{code} is not a synchronized store." if exists else f"Location {code} does not exist."
            )
        request_resend(session, peer, date)
        audit.record(uow, "sync.resend", entity="peer", entity_id=code, detail=f"from {date.isoformat()}")
        uow.commit()
    return code


@dataclass(frozen=True)
class RefusedPackage:
    """A package refused here: its file, the sender it names (blank when unreadable), when and why."""

    file: str
    sender: str
    sequence: int | None
    recorded_at: dt.datetime | None
    reason: str


def refused_packages(uow: UnitOfWork, limit: int = 500) -> tuple[RefusedPackage, ...]:
    """The packages refused here, newest first, at most `limit` (DOMAIN.md section 6: "a refused
    package is kept aside with its reason"); the files themselves are in the import folder's `refused/`.

    Raises AccessError without the `sync` permission.
    """
    require(uow, "sync")
    rows = uow.session.execute(
        select(
            SyncPackage.file_name, SyncPackage.peer, SyncPackage.sequence, SyncPackage.recorded_at, SyncPackage.reason
        )
        .where(SyncPackage.direction == Direction.IN.value, SyncPackage.status == PackageStatus.REFUSED.value)
        .order_by(SyncPackage.id.desc())
        .limit(limit)
    ).all()
    uow.rollback()
    return tuple(RefusedPackage(r[0], r[1] or "", r[2], r[3], r[4] or "") for r in rows)
