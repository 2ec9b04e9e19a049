"""Which CSOs a process run works on: a date range or a number range, inclusive.

Shared by the Assign and Purchase Orders processes. Only `open` and `partially assigned` CSOs
take part (DOMAIN.md section 2). The processes also share one lock (PROCESS_LOCK): runs that
change assignment or coverage never overlap, on one workstation or many.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from xmart.errors import InputError
from xmart.models import CorporateSaleOrder
from xmart.models.status import CSO_PROCESSABLE

PROCESS_LOCK = "xmart-cso-processes"
"""Name of the lock every Assign / Purchase Orders run holds for its whole transaction."""


@dataclass(frozen=True)
class CsoRange:
    """A CSO date range or number range (exactly one of them), both ends inclusive."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    number_from: int | None = None
    number_to: int | None = None

    @classmethod
    def by_date(cls, first: dt.date, last: dt.date) -> CsoRange:
        """A date range, inclusive."""
        return cls(date_from=first, date_to=last)

    @classmethod
    def by_number(cls, first: int, last: int) -> CsoRange:
        """A number range, inclusive."""
        return cls(number_from=first, number_to=last)

    @property
    def is_by_date(self) -> bool:
        """True for a date range."""
        return self.date_from is not None or self.date_to is not None

    def validate(self) -> None:
        """Raise InputError unless exactly one complete range, in order, is given."""
        dates = (self.date_from, self.date_to)
        numbers = (self.number_from, self.number_to)
        if any(v is not None for v in dates) == any(v is not None for v in numbers):
            raise InputError("Give either a date range or a number range of corporate sale orders.")
        if self.is_by_date:
            if self.date_from is None or self.date_to is None:
                raise InputError("Give both the first and the last date.")
            if self.date_from > self.date_to:
                raise InputError(f"The first date ({self.date_from}) is after the last date ({self.date_to}).")
        else:
            if self.number_from is None or self.number_to is None:
                raise InputError("Give both the first and the last number.")
            if self.number_from > self.number_to:
                raise InputError(f"The first number ({self.number_from}) is greater than the last ({self.number_to}).")

    def describe(self) -> str:
        """The range in words, for summaries."""
        if self.is_by_date:
            return f"dated {self.date_from} to {self.date_to}"
        return f"numbered {self.number_from} to {self.number_to}"


def selected_csos(rng: CsoRange) -> Select[CorporateSaleOrder]:
    """SELECT of the CSOs in `rng` that take part in the processes, by ascending number."""
    rng.validate()
    query = select(CorporateSaleOrder).where(CorporateSaleOrder.status.in_([s.value for s in CSO_PROCESSABLE]))
    if rng.is_by_date:
        query = query.where(CorporateSaleOrder.date.between(rng.date_from, rng.date_to))
    else:
        query = query.where(CorporateSaleOrder.number.between(rng.number_from, rng.number_to))
    return query.order_by(CorporateSaleOrder.number)


def selected_cso_ids(session: Session, rng: CsoRange) -> list[int]:
    """Ids of the CSOs in `rng` that take part in the processes, by ascending number."""
    return list(session.scalars(selected_csos(rng).with_only_columns(CorporateSaleOrder.id)))


def next_number(session: Session, column: InstrumentedAttribute[int], first: int) -> int:
    """The next document number: one above the highest in `column`, or `first` when there is none."""
    highest = session.scalar(select(func.max(column)))
    return first if highest is None else max(first, highest + 1)
