"""`sync import`: verify and apply every package in a folder, one transaction each (DOMAIN.md section 6).

For each package file (`folders.packages_in`), under the sync lock and the `sync` permission:
- a package that fails verification (unreadable or truncated, bad tag or digest, unknown sender,
  another receiver) or whose content is malformed is refused whole: nothing of it is applied, a
  `refused` row keeps the reason, and the file moves to `refused/`;
- a package already applied (same sender and sequence, same digest) is a duplicate: nothing
  changes and the file moves to `applied/`; the same sequence with other content is refused;
- any other package is applied (`apply_at_main` or `apply_at_store`) and recorded `applied` in the
  same transaction, then its file moves to `applied/`. A crash before the commit leaves nothing
  of it (the file is still there for the next `sync import`); a crash after the commit and before
  the move leaves a duplicate that the next import recognises.
`waiting` counts the earlier packages of each sender that have not arrived yet (a gap below the
highest sequence applied); since every package carries everything not yet acknowledged, a gap
holds nothing back: what a lost package carried comes again in the next one.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xmart.errors import InputError
from xmart.models import StoreIdentity, SyncPackage, SyncPeer
from xmart.models.db import UnitOfWork
from xmart.models.sync import MAIN_PEER, Direction, PackageStatus
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.sync.apply_at_main import Applied, apply_at_main
from xmart.processes.sync.apply_at_store import apply_at_store
from xmart.processes.sync.folders import APPLIED, REFUSED, move_aside, packages_in
from xmart.processes.sync.keys import SYNC_LOCK
from xmart.processes.sync.package_format import Package, PackageRefused, decode

PAUSE_HOOK = "XMART_SYNC_TEST_PAUSE_APPLY"
"""Test hook: seconds to sleep after a package is applied and before its commit (the SIGKILL test)."""


@dataclass(frozen=True)
class PackageOutcome:
    """What became of one package file: `applied`, `duplicate` or `refused` (with the reason)."""

    file: str
    sender: str
    sequence: int | None
    outcome: str
    reason: str = ""


@dataclass(frozen=True)
class ImportResult:
    """The packages of one `sync import`, what they applied, and the earlier packages still awaited."""

    outcomes: tuple[PackageOutcome, ...]
    applied: Applied = field(default_factory=Applied)
    waiting: dict[str, int] = field(default_factory=dict)

    def count(self, outcome: str) -> int:
        """How many packages had `outcome`."""
        return sum(1 for o in self.outcomes if o.outcome == outcome)

    def to_json(self) -> dict[str, Any]:
        """The `sync import --json` document."""
        return {
            "applied": self.count("applied"),
            "duplicate": self.count("duplicate"),
            "waiting": sum(self.waiting.values()),
            "refused": self.count("refused"),
            "waiting_by_sender": dict(sorted(self.waiting.items())),
            "content": dict(self.applied.__dict__),
            "packages": [o.__dict__ for o in self.outcomes],
        }


def import_packages(
    uow: UnitOfWork, folder: Path, progress: Callable[[int, int, str], None] | None = None
) -> ImportResult:
    """Apply every package in `folder` (see the module's rules); returns what became of each.

    Raises InputError when `folder` is not a folder, AccessError without the `sync` permission.
    """
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder.")
    require(uow, "sync")  # checked even when the folder is empty
    uow.rollback()
    files = packages_in(folder)
    outcomes: list[PackageOutcome] = []
    total = Applied()
    for done, path in enumerate(files):
        if progress is not None:
            progress(done, len(files), path.name)
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # taken by another import meanwhile
            continue
        outcome, applied = _import_one(uow, path.name, data)
        total.add(applied)
        outcomes.append(outcome)
        move_aside(path, REFUSED if outcome.outcome == "refused" else APPLIED)
    waiting = waiting_from(uow.session)
    uow.rollback()
    return ImportResult(tuple(outcomes), total, waiting)


def waiting_from(session: Session) -> dict[str, int]:
    """{sender: how many of its packages below the highest applied have not arrived}, senders with gaps only."""
    rows = session.execute(
        select(SyncPackage.peer, func.max(SyncPackage.sequence), func.count(func.distinct(SyncPackage.sequence)))
        .where(SyncPackage.direction == Direction.IN.value, SyncPackage.status == PackageStatus.APPLIED.value)
        .group_by(SyncPackage.peer)
    ).all()
    return {peer: int(high or 0) - int(count) for peer, high, count in rows if int(high or 0) > int(count)}


def _import_one(uow: UnitOfWork, name: str, data: bytes) -> tuple[PackageOutcome, Applied]:
    with uow.exclusive(SYNC_LOCK):
        require(uow, "sync")
        session = uow.session
        own = session.scalar(select(StoreIdentity))
        peers = {peer.code: peer for peer in session.scalars(select(SyncPeer))}
        me = own.code if own is not None else MAIN_PEER

        def key_of(sender: str) -> bytes | None:
            peer = peers.get(sender)
            if peer is None or (sender == MAIN_PEER) != (own is not None):
                return None
            return peer.key

        try:
            package = decode(data, me, key_of)
        except PackageRefused as refusal:
            uow.rollback()
            return _refuse(uow, name, refusal), Applied()
        try:
            if _already_applied(uow, package):
                uow.rollback()
                return PackageOutcome(name, package.sender, package.sequence, "duplicate"), Applied()
            peer = peers[package.sender]
            if own is not None:
                applied = apply_at_store(session, peer, package, own.location_id)
            else:
                applied = apply_at_main(session, peer, package)
        except PackageRefused as refusal:
            uow.rollback()
            refusal.sender, refusal.sequence, refusal.digest = package.sender, package.sequence, package.digest
            return _refuse(uow, name, refusal), Applied()
        session.add(
            SyncPackage(
                peer=package.sender,
                direction=Direction.IN.value,
                sequence=package.sequence,
                status=PackageStatus.APPLIED.value,
                file_name=name[:255],
                digest=package.digest,
                created=package.created,
            )
        )
        audit.record(
            uow,
            "sync.import",
            entity="package",
            entity_id=f"{package.sender} {package.sequence}",
            detail=str({k: v for k, v in applied.__dict__.items() if v}),
        )
        session.flush()
        pause = os.environ.get(PAUSE_HOOK)
        if pause:  # the SIGKILL test kills the process here, everything applied and nothing committed
            sys.stderr.write(f"{PAUSE_HOOK}: applied, not committed\n")
            sys.stderr.flush()
            time.sleep(float(pause))
        uow.commit()
        return PackageOutcome(name, package.sender, package.sequence, "applied"), applied


def _already_applied(uow: UnitOfWork, package: Package) -> bool:
    """True when this package was applied before; PackageRefused when its sequence was applied with other content."""
    digest = uow.session.scalar(
        select(SyncPackage.digest).where(
            SyncPackage.peer == package.sender,
            SyncPackage.direction == Direction.IN.value,
            SyncPackage.status == PackageStatus.APPLIED.value,
            SyncPackage.sequence == package.sequence,
        )
    )
    if digest is None:
        return False
    if digest != package.digest:
        raise PackageRefused(
            f"package {package.sequence} from {package.sender} was already applied with other content",
            sender=package.sender,
            sequence=package.sequence,
            digest=package.digest,
        )
    return True


def _refuse(uow: UnitOfWork, name: str, refusal: PackageRefused) -> PackageOutcome:
    """Record `refusal` of package file `name` in its own transaction."""
    with uow.exclusive(SYNC_LOCK):
        uow.session.add(
            SyncPackage(
                peer=refusal.sender,
                direction=Direction.IN.value,
                sequence=refusal.sequence,
                status=PackageStatus.REFUSED.value,
                reason=refusal.reason,
                file_name=name[:255],
                digest=refusal.digest,
            )
        )
        audit.record(uow, "sync.refused", entity="package", entity_id=name[:40], detail=refusal.reason)
        uow.commit()
    return PackageOutcome(name, refusal.sender, refusal.sequence, "refused", refusal.reason)
