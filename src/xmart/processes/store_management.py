"""Which locations are managed at the Main, and store mode (DOMAIN.md section 6, store sync).

A location is either synchronized (it runs xmart in store mode with its own database and sends its
invoices and stock) or managed at the Main (its invoices are typed here). At the Main a location is
synchronized once `xmart sync keygen` has made its key (a `sync_peers` row). A database set up with
`xmart store setup` is a store's own (store mode): it invoices its own SOs and never runs the
Main's processes (Assign, Purchase Orders, import of corporate sale orders).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from xmart.errors import InputError
from xmart.models import Location, StoreIdentity, SyncPeer
from xmart.models.db import UnitOfWork


class StoreModeError(InputError):
    """A Main process asked of a store's database (store mode)."""


def store_code(session: Session) -> str | None:
    """The code of the store this database belongs to (store mode), or None at the Main."""
    return session.scalar(select(StoreIdentity.code))


def this_store(uow: UnitOfWork) -> str | None:
    """The code of the store whose database `uow` is on (store mode), or None at the Main.

    For the client (which holds a unit of work, not a session): reads and ends the transaction.
    """
    code = store_code(uow.session)
    uow.rollback()
    return code


def synchronized_codes(session: Session) -> frozenset[str]:
    """At the Main: the codes of the synchronized locations (none in store mode)."""
    return frozenset(session.scalars(select(Location.code).join(SyncPeer, SyncPeer.location_id == Location.id)))


def is_managed_at_main(session: Session, location: str) -> bool:
    """True when invoices of location `location` (its code, e.g. "S01") are typed at the Main.

    DOMAIN.md section 6: False for a synchronized location (its invoices come from the store, so
    invoicing its SO at the Main is refused); True for every other location.
    """
    return (
        session.scalar(
            select(SyncPeer.id).join(Location, Location.id == SyncPeer.location_id).where(Location.code == location)
        )
        is None
    )


def invoiced_here(session: Session, location: str) -> bool:
    """True when this database may invoice SOs of `location`.

    At a store (store mode) only its own location; at the Main every location managed at the Main.
    """
    own = store_code(session)
    if own is not None:
        return location == own
    return is_managed_at_main(session, location)


def refuse_in_store_mode(session: Session, what: str) -> None:
    """Raise StoreModeError when this database is a store's (store mode): `what` is a Main process.

    `what` names the process in the message ("Assign"). Call it inside the process's transaction.
    """
    own = store_code(session)
    if own is not None:
        raise StoreModeError(f"This database is store {own}'s: {what} runs at the Main, not at a store.")
