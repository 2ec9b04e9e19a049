"""Small reads the client's menus and dialogs ask for: locations (store selector, browser filters) and a
corporate sale order by number. (Whether the database is still empty: `xmart.processes.first_run.database_is_empty`.)
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from xmart.models import CorporateSaleOrder, Location
from xmart.models.db import UnitOfWork
from xmart.processes.security.permissions import require_signed_in


@dataclass(frozen=True)
class LocationRow:
    """A location: its code, name and kind ("store" or "warehouse")."""

    code: str
    name: str
    kind: str = "store"


@dataclass(frozen=True)
class CsoRef:
    """A corporate sale order's id, number and status value (e.g. "draft")."""

    id: int
    number: int
    status: str


def list_locations(uow: UnitOfWork, active_only: bool = False) -> list[LocationRow]:
    """Every location (only the active ones with `active_only`), ordered by code.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    query = select(Location.code, Location.name, Location.kind).order_by(Location.code)
    if active_only:
        query = query.where(Location.active.is_(True))
    return [LocationRow(code, name, kind) for code, name, kind in uow.session.execute(query)]


def find_cso(uow: UnitOfWork, number: int) -> CsoRef | None:
    """The corporate sale order numbered `number`, or None when there is none.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(uow)
    row = uow.session.execute(
        select(CorporateSaleOrder.id, CorporateSaleOrder.number, CorporateSaleOrder.status).where(
            CorporateSaleOrder.number == number
        )
    ).first()
    return None if row is None else CsoRef(row.id, row.number, row.status)
