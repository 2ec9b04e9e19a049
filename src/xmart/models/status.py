"""Document statuses and their allowed transitions, declared once per document type."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from xmart.errors import XmartError


class CsoStatus(StrEnum):
    """Status of a Corporate Sale Order (DOMAIN.md section 2)."""

    DRAFT = "draft"
    OPEN = "open"
    PARTIALLY_ASSIGNED = "partially assigned"
    ASSIGNED = "assigned"
    COMPLETED = "completed"
    ON_HOLD = "on hold"
    CANCELLED = "cancelled"


class SoStatus(StrEnum):
    """Status of a store Sale Order (DOMAIN.md section 6)."""

    OPEN = "open"
    PARTIALLY_SOLD = "partially sold"
    SOLD = "sold"
    CANCELLED = "cancelled"


class PoStatus(StrEnum):
    """Status of a Purchase Order."""

    OPEN = "open"
    PARTIALLY_RECEIVED = "partially received"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class LocationKind(StrEnum):
    """What a location is."""

    STORE = "store"
    WAREHOUSE = "warehouse"


class PaymentType(StrEnum):
    """How a deposit was paid."""

    CARD = "card"
    CASH = "cash"
    CHECK = "check"
    OTHER = "other"


class FieldKind(StrEnum):
    """Type of a custom order information field."""

    TEXT = "text"
    DATE = "date"
    NUMBER = "number"
    YES_NO = "yes/no"


_C = CsoStatus
CSO_TRANSITIONS: dict[CsoStatus, frozenset[CsoStatus]] = {
    _C.DRAFT: frozenset({_C.OPEN, _C.CANCELLED, _C.ON_HOLD}),
    _C.OPEN: frozenset({_C.PARTIALLY_ASSIGNED, _C.ASSIGNED, _C.ON_HOLD, _C.CANCELLED}),
    _C.PARTIALLY_ASSIGNED: frozenset({_C.ASSIGNED, _C.ON_HOLD, _C.CANCELLED, _C.COMPLETED, _C.OPEN}),
    _C.ASSIGNED: frozenset({_C.COMPLETED, _C.PARTIALLY_ASSIGNED, _C.OPEN}),
    _C.COMPLETED: frozenset({_C.ASSIGNED}),
    _C.ON_HOLD: frozenset({_C.OPEN, _C.PARTIALLY_ASSIGNED, _C.CANCELLED}),
    _C.CANCELLED: frozenset(),
}
"""Allowed CSO status changes. `assigned` and `partially assigned` go back when one of its SOs is
cancelled; `completed` back to `assigned` when a sale is reversed."""

_S = SoStatus
SO_TRANSITIONS: dict[SoStatus, frozenset[SoStatus]] = {
    _S.OPEN: frozenset({_S.PARTIALLY_SOLD, _S.SOLD, _S.CANCELLED}),
    _S.PARTIALLY_SOLD: frozenset({_S.SOLD}),
    _S.SOLD: frozenset(),
    _S.CANCELLED: frozenset(),
}
"""Allowed SO status changes. Only an `open` SO with nothing sold is cancelled (its unsold units become
unassigned again: processes.order_status.cancel_sale_order); a sale already made stays."""

_P = PoStatus
PO_TRANSITIONS: dict[PoStatus, frozenset[PoStatus]] = {
    _P.OPEN: frozenset({_P.PARTIALLY_RECEIVED, _P.RECEIVED, _P.CANCELLED}),
    _P.PARTIALLY_RECEIVED: frozenset({_P.RECEIVED}),
    _P.RECEIVED: frozenset(),
    _P.CANCELLED: frozenset(),
}
"""Allowed PO status changes. Only an `open` PO with nothing received is cancelled (the CSO lines it covered
need covering again: processes.order_status.cancel_purchase_order)."""

CSO_PROCESSABLE = frozenset({CsoStatus.OPEN, CsoStatus.PARTIALLY_ASSIGNED})
"""Only these CSOs take part in the Assign and Purchase Orders processes."""


class TransitionError(XmartError):
    """A status change that the document type does not allow."""


S = TypeVar("S", bound=StrEnum)


def check_transition(table: Mapping[S, frozenset[S]], old: S | str, new: S | str, what: str) -> None:
    """Raise TransitionError unless `old` may become `new` (same status is always allowed)."""
    if old == new:
        return
    enum = type(next(iter(table)))
    if enum(new) not in table[enum(old)]:
        raise TransitionError(f"A {what} that is {old} cannot become {new}.")


def check_values(enum: type[StrEnum]) -> str:
    """SQL CHECK expression listing an enum's values, for a column named `status`/`kind`."""
    return ", ".join(f"'{member.value}'" for member in enum)
