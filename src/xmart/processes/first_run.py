"""Is the database new? The desktop client's first-run prompt and the demo (which fills only an
empty database) ask the same question here.

"Empty" means no location, no item and no corporate sale order: a database that has only been
migrated, or holds only settings, channels or salesmen, is still empty.
"""

from __future__ import annotations

from sqlalchemy import Engine, exists, select
from sqlalchemy.orm import Session

from xmart.models import CorporateSaleOrder, Item, Location
from xmart.models.db import UnitOfWork


def has_data(session: Session) -> bool:
    """True when the session sees a location, an item or a corporate sale order (one cheap query each)."""
    return any(
        session.scalar(select(exists().where(column.isnot(None))))
        for column in (Location.id, Item.id, CorporateSaleOrder.id)
    )


def database_is_empty(engine: Engine) -> bool:
    """True when the database at `engine` has no location, item or corporate sale order yet (own transaction)."""
    with UnitOfWork(engine) as uow:
        return not has_data(uow.session)
