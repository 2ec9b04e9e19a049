"""What the signed-in user may do, as the desktop client asks it (DOMAIN.md section 9).

The client hides or disables the actions a user may not do; the processes check again
(`permissions.require`) and refuse. `current_access(engine)` reads it in one short transaction:
who is signed in on the engine (`actor_for`), whether the database has users at all (a database
without users lets anyone do anything, as before the Security module), and the permissions held.
`card_payments` lists the card payments of a corporate sale order, masked, for the reveal button.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Engine, select

from xmart.models import CorporateSaleOrder, Payment, PaymentType
from xmart.models.actor import Actor, actor_for
from xmart.models.db import UnitOfWork
from xmart.models.security import PERMISSIONS
from xmart.processes.cards import mask
from xmart.processes.security.permissions import has_users, permissions_of, require_signed_in


@dataclass(frozen=True)
class Access:
    """Who is signed in (None: nobody), whether the database has users, and what may be done now."""

    actor: Actor | None
    users_exist: bool
    permissions: frozenset[str]

    def may(self, permission: str) -> bool:
        """True when `permission` (one of PERMISSIONS) is held now; raises ValueError for an unknown name."""
        if permission not in PERMISSIONS:
            raise ValueError(f"unknown permission {permission!r}")
        return permission in self.permissions

    @property
    def signed_in(self) -> bool:
        """True when a user is signed in."""
        return self.actor is not None


def current_access(engine: Engine) -> Access:
    """The access of whoever is signed in on `engine` now (own transaction, reads only).

    No user in the database: everything (nobody needs to sign in). Users but nobody signed in:
    nothing. A signed-in user: the role's permissions and those granted to the user (none when
    disabled or removed). Implements DOMAIN.md section 9, "Roles and permissions".
    """
    actor = actor_for(engine)
    with UnitOfWork(engine) as uow:
        if not has_users(uow):
            return Access(actor, False, frozenset(PERMISSIONS))
        held = permissions_of(uow, actor.user_id) if actor is not None else frozenset()
        return Access(actor, True, held)


@dataclass(frozen=True)
class CardPaymentRow:
    """A card payment as the client lists it: id (for reveal), brand, the masked number, the amount."""

    id: int
    brand: str
    masked: str
    amount: Decimal

    @property
    def label(self) -> str:
        """`VISA **** 1111 50.00`: never the number."""
        return " ".join(part for part in (self.brand, self.masked, f"{self.amount:,.2f}") if part)


def card_payments(uow: UnitOfWork, cso_number: int) -> list[CardPaymentRow]:
    """The card payments of corporate sale order `cso_number` (masked; none when there is no such order).

    A reader: needs a signed-in user once the database has users (SignInRequired otherwise).
    """
    require_signed_in(uow)
    rows = uow.session.execute(
        select(Payment.id, Payment.card_brand, Payment.card_last4, Payment.amount)
        .join(CorporateSaleOrder, CorporateSaleOrder.id == Payment.cso_id)
        .where(CorporateSaleOrder.number == cso_number, Payment.kind == PaymentType.CARD.value)
        .order_by(Payment.id)
    ).all()
    return [CardPaymentRow(r.id, r.card_brand or "", mask(r.card_last4), r.amount) for r in rows]
