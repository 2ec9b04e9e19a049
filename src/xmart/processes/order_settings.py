"""Settings for order entry: sales channels, salesmen (with commission rate), custom order fields.

Nothing is deleted (orders refer to these): a row no longer wanted is made inactive and then is no
longer offered for new orders. Names (and salesman codes) are unique and never hold card data; a
custom field is never named for a card security code (DOMAIN.md section 3, `cards.check_field_name`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from xmart.errors import InputError, NotFoundError
from xmart.models import Channel, CustomField, Salesman
from xmart.models.db import UnitOfWork
from xmart.models.status import FieldKind
from xmart.processes.cards import check_field_name, check_free_text
from xmart.processes.money import parse_percent
from xmart.processes.security.permissions import require, require_signed_in
from xmart.processes.settings import audit_settings

_Row = TypeVar("_Row", Channel, Salesman, CustomField)


@dataclass(frozen=True)
class ChannelRow:
    """A sales channel (id None: a new one)."""

    id: int | None
    name: str
    active: bool = True


@dataclass(frozen=True)
class SalesmanRow:
    """A salesman (id None: a new one); rate is a commission percentage, or the text a clerk typed for it.

    Saving reads a typed rate with `parse_rate` (InputError naming the field when it is not a percentage).
    """

    id: int | None
    code: str
    name: str
    commission_rate: Decimal | str
    active: bool = True


@dataclass(frozen=True)
class CustomFieldRow:
    """A custom order information field (id None: a new one); kind: text, date, number, yes/no."""

    id: int | None
    name: str
    kind: str
    active: bool = True


def list_channels(session: Session) -> list[ChannelRow]:
    """Every channel, in the order they were added.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    return [ChannelRow(c.id, c.name, c.active) for c in session.scalars(select(Channel).order_by(Channel.id))]


def list_salesmen(session: Session) -> list[SalesmanRow]:
    """Every salesman, by name.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    return [
        SalesmanRow(s.id, s.code, s.name, s.commission_rate, s.active)
        for s in session.scalars(select(Salesman).order_by(Salesman.name))
    ]


def list_custom_fields(session: Session) -> list[CustomFieldRow]:
    """Every custom order field, in the order they were added.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    return [
        CustomFieldRow(f.id, f.name, f.kind, f.active)
        for f in session.scalars(select(CustomField).order_by(CustomField.id))
    ]


def _row(session: Session, model: type[_Row], row_id: int | None, what: str) -> _Row:
    if row_id is None:
        obj = model()
        session.add(obj)
        return obj
    found = session.get(model, row_id)
    if found is None:
        raise NotFoundError(f"The {what} no longer exists.")
    return found


def _unique(session: Session, column: InstrumentedAttribute[str], value: str, row_id: int | None, message: str) -> None:
    model = column.class_
    clash = session.scalar(select(model.id).where(column == value))
    if clash is not None and clash != row_id:
        raise InputError(message)


def _name(value: str, what: str, longest: int) -> str:
    """`value` stripped; InputError when empty or too long, CardDataError when it holds card data."""
    value = value.strip()
    if not value:
        raise InputError(f"{what}: enter a name.")
    check_free_text(value, f"{what}:")
    if len(value) > longest:
        raise InputError(f"{what}: at most {longest} characters.")
    return value


def save_channels(uow: UnitOfWork, rows: list[ChannelRow]) -> list[ChannelRow]:
    """Add or change channels; commit. Returns every channel.

    Needs `settings` (SignInRequired / PermissionDenied, DOMAIN.md section 9), as every save here;
    audited (`settings.channels` with the names saved). Raises InputError (nothing written) for an empty,
    too long or duplicate name, CardDataError for a name holding card data (DOMAIN.md section 3).
    """
    require(uow, "settings")
    session = uow.session
    for row in rows:
        name = _name(row.name, "Channel", 60)
        _unique(session, Channel.name, name, row.id, f"Channel: '{name}' already exists.")
        obj = _row(session, Channel, row.id, "channel")
        obj.name, obj.active = name, row.active
        session.flush()
    audit_settings(uow, "channels", [_name(row.name, "Channel", 60) for row in rows])
    uow.commit()
    return list_channels(session)


def parse_rate(value: str | int | Decimal) -> Decimal:
    """A commission rate as typed: `money.parse_percent` with blank as 0 and an optional trailing '%'.

    Returns 0.00-100.00; raises AmountError (an InputError) naming "Commission rate". DOMAIN.md section 7.
    """
    return parse_percent(value, "Commission rate", typed=True)


def save_salesmen(uow: UnitOfWork, rows: list[SalesmanRow]) -> list[SalesmanRow]:
    """Add or change salesmen; commit. Returns every salesman. Audited (`settings.salesmen`, by code).

    Raises InputError (nothing written) for a bad code, name or rate, CardDataError for a code or name
    holding card data (DOMAIN.md sections 3 and 7); SignInRequired / PermissionDenied without `settings`.
    """
    require(uow, "settings")
    session = uow.session
    for row in rows:
        code = check_free_text(row.code.strip().upper(), "Salesman code:")
        if not code or len(code) > 20:
            raise InputError("Salesman: enter a code of at most 20 characters.")
        name = _name(row.name, f"Salesman {code}", 100)
        _unique(session, Salesman.code, code, row.id, f"Salesman: the code '{code}' is already used.")
        obj = _row(session, Salesman, row.id, "salesman")
        obj.code, obj.name, obj.commission_rate, obj.active = code, name, parse_rate(row.commission_rate), row.active
        session.flush()
    audit_settings(uow, "salesmen", [row.code.strip().upper() for row in rows])
    uow.commit()
    return list_salesmen(session)


def save_custom_fields(uow: UnitOfWork, rows: list[CustomFieldRow]) -> list[CustomFieldRow]:
    """Add or change custom order fields; commit. Returns every field. Audited (`settings.custom_fields`).

    Raises InputError (nothing written) for a bad or duplicate name or kind, CardDataError for a name
    holding card data or naming a card security code (DOMAIN.md section 3); SignInRequired /
    PermissionDenied without `settings`.
    """
    require(uow, "settings")
    session = uow.session
    for row in rows:
        name = check_field_name(_name(row.name, "Custom field", 60), "Custom field:")
        if row.kind not in set(FieldKind):
            raise InputError(f"Custom field {name}: the type must be text, date, number or yes/no.")
        _unique(session, CustomField.name, name, row.id, f"Custom field: '{name}' already exists.")
        obj = _row(session, CustomField, row.id, "custom field")
        obj.name, obj.kind, obj.active = name, row.kind, row.active
        session.flush()
    audit_settings(uow, "custom_fields", [_name(row.name, "Custom field", 60) for row in rows])
    uow.commit()
    return list_custom_fields(session)
