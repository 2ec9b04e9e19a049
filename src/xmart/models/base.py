"""Declarative base, shared column types and the address value object."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from sqlalchemy import MetaData, Numeric, String
from sqlalchemy.orm import Composite, DeclarativeBase, composite, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Money = Numeric(12, 2, asdecimal=True)
"""Money: 12 digits, 2 decimals, always Decimal."""

Percent = Numeric(5, 2, asdecimal=True)
"""A percentage 0 to 100 with 2 decimals."""


class Base(DeclarativeBase):
    """Base of every mapped class."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {Decimal: Money}


@dataclasses.dataclass
class Address:
    """A postal address, copied by value (an order keeps the address it was taken with)."""

    line1: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""

    def is_empty(self) -> bool:
        """True when no part of the address is filled in."""
        return not any(dataclasses.astuple(self))

    def lines(self) -> tuple[str, ...]:
        """The address as printable lines, without empty ones."""
        city = " ".join(
            p for p in (self.city + ("," if self.city and self.region else ""), self.region, self.postal_code) if p
        )
        return tuple(p for p in (self.line1, self.line2, city, self.country) if p)


ADDRESS_FIELDS = tuple(f.name for f in dataclasses.fields(Address))


def address_composite(prefix: str) -> Composite[Address]:
    """Columns `<prefix>_line1` ... `<prefix>_country` mapped as one Address."""
    widths = {"line1": 200, "line2": 200, "city": 100, "region": 100, "postal_code": 20, "country": 60}
    return composite(
        Address,
        *(
            mapped_column(f"{prefix}_{name}", String(widths[name]), nullable=False, default="", server_default="")
            for name in ADDRESS_FIELDS
        ),
    )
