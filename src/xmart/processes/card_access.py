"""Showing a full card number (DOMAIN.md section 3): only with the card-data permission, always audited.

Everywhere else a card is shown masked (`cards.mask`). A user with the permission may see the
number of one payment; every such view writes an audit entry (who, when, which payment — never the
number) in the same transaction as the read, so no view goes unrecorded.
"""

from __future__ import annotations

from xmart.errors import NotFoundError, XmartError
from xmart.models import Payment, PaymentType
from xmart.models.db import UnitOfWork
from xmart.processes.cards import load_vault
from xmart.processes.security import audit

CARD_DATA_PERMISSION = "card-data"


class PermissionDenied(XmartError):
    """The user lacks the permission an action needs."""


def reveal_card_number(uow: UnitOfWork, payment_id: int, user: str, permissions: frozenset[str]) -> str:
    """The full card number of a card payment, for a user holding CARD_DATA_PERMISSION; audited."""
    session = uow.session
    if CARD_DATA_PERMISSION not in permissions:
        audit.record(uow, "card.reveal.denied", entity="payment", entity_id=payment_id, user=user)
        uow.commit()
        raise PermissionDenied("You do not have permission to see full card numbers; the card stays masked.")
    payment = session.get(Payment, payment_id)
    if payment is None or payment.kind != PaymentType.CARD.value or payment.card_number_encrypted is None:
        raise NotFoundError(f"Payment {payment_id} is not a card payment.")
    number = load_vault().decrypt(payment.card_number_encrypted)
    audit.record(
        uow,
        "card.reveal",
        entity="payment",
        entity_id=payment_id,
        detail=f"card ending {payment.card_last4}",
        user=user,
    )
    uow.commit()
    return number
