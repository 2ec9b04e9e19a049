"""Acknowledgements and resend requests carried by every package (DOMAIN.md section 6), on both sides.

A package states the highest sequence of the receiver's packages its sender has applied. The
receiver keeps the maximum (so a late or duplicated package never moves it back) and marks its own
packages up to there acknowledged; what they carried is then not sent again. A package may also
carry `resend_from`: its sender asks for everything from that date again, so the receiver forgets
that it sent those things and its next packages carry them again (duplicates are harmless).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, delete, select, update
from sqlalchemy.orm import Session

from xmart.models import SyncPackage, SyncPeer, SyncSent
from xmart.models.sync import Direction, PackageStatus, SentKind
from xmart.processes.sync.package_format import PackageRefused


def acknowledge(session: Session, peer: SyncPeer, acknowledged: int) -> None:
    """Take `peer`'s acknowledgement of this side's packages up to `acknowledged` (the maximum is kept).

    Raises PackageRefused when it acknowledges a package never made here.
    """
    if acknowledged > peer.last_sequence:
        raise PackageRefused(
            f"it acknowledges package {acknowledged}, but only {peer.last_sequence} were made here for {peer.code}"
        )
    if acknowledged > peer.acknowledged:
        peer.acknowledged = acknowledged
        session.execute(
            update(SyncPackage)
            .where(
                SyncPackage.peer == peer.code,
                SyncPackage.direction == Direction.OUT.value,
                SyncPackage.status == PackageStatus.WAITING.value,
                SyncPackage.sequence <= acknowledged,
            )
            .values(status=PackageStatus.ACKNOWLEDGED.value),
            execution_options={"synchronize_session": False},
        )
    if peer.resend_sequence is not None and peer.acknowledged >= peer.resend_sequence:
        peer.resend_from = None  # the peer has applied a package carrying the request
        peer.resend_sequence = None


def forget_sent(session: Session, peer: SyncPeer, kinds: tuple[SentKind, ...], refs: Select[int] | None) -> None:
    """Forget that things of `kinds` were sent to `peer` (`refs`: a SELECT of their ids, None: all of them)."""
    statement = delete(SyncSent).where(SyncSent.peer_id == peer.id, SyncSent.kind.in_([k.value for k in kinds]))
    if refs is not None:
        statement = statement.where(SyncSent.ref.in_(refs))
    session.execute(statement, execution_options={"synchronize_session": False})


def request_resend(session: Session, peer: SyncPeer, date: dt.date) -> None:
    """Ask `peer` to send again everything from `date`: carried by this side's packages until one is acknowledged."""
    peer.resend_from = date if peer.resend_from is None else min(peer.resend_from, date)
    peer.resend_sequence = None


def peer_named(session: Session, code: str) -> SyncPeer | None:
    """The peer with `code` (a store's code at the Main, `@main` at a store)."""
    return session.scalar(select(SyncPeer).where(SyncPeer.code == code))
