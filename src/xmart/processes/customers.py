"""Customer Manager (DOMAIN.md section 7): search as you type, create and edit customers.

Search: partial match of number, name, company, e-mail or phone ignoring case and accents the same
on both databases (phone also by its digits alone, so "555 0101" finds "(555) 010-1"), at most
`limit` rows ordered by name. It is one `search_key LIKE '%folded text%'` scan with a LIMIT over the
stored folded fields (xmart.models.search_key): under 0.5 s on 100,000 customers on SQLite and
PostgreSQL (asserted in tests/integration/test_customers.py).

Rules chosen: name required; e-mail optional but, when given, `local@domain.tld`; phone optional,
when given only digits, spaces and `+ - ( ) .` with 7 to 15 digits. An empty shipping address, or
"same as billing", stores the billing address as the shipping address. A new customer without a
number gets the next free `C` + 6 digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from xmart.errors import InputError, NotFoundError
from xmart.models import Customer
from xmart.models.base import Address
from xmart.models.db import UnitOfWork
from xmart.models.search_key import customer_search_key, fold
from xmart.processes.cards import echoable, free_text_problem
from xmart.processes.security.permissions import require, require_signed_in

EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
PHONE_CHARS = re.compile(r"^[0-9 +\-().]*$")
SEARCH_LIMIT = 200
SEARCH_MAX_LENGTH = 200
"""The longest search text (the longest searchable field, the e-mail, has 200 characters)."""


def shipping_or_billing(billing: Address, shipping: Address) -> Address:
    """Where to ship: a new copy of `shipping`, or of `billing` when `shipping` is empty.

    The one home of the rule "no shipping address means ship to the billing address", applied when a
    customer is saved, when an order copies its customer's addresses (DOMAIN.md sections 2 and 7)
    and when an import document gives an order no shipping address. Both arguments are Address
    values (never None); the result is never the same object, so an order keeps its own copy.
    """
    return Address(**vars(billing if shipping.is_empty() else shipping))


@dataclass(frozen=True)
class CustomerRow:
    """One customer as the lists show it."""

    id: int
    number: str
    name: str
    company: str
    email: str
    phone: str
    city: str


@dataclass(frozen=True)
class CustomerParams:
    """Everything a clerk enters for a customer (number blank: assign the next free one)."""

    name: str
    number: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    billing_address: Address = field(default_factory=Address)
    shipping_address: Address = field(default_factory=Address)
    shipping_same_as_billing: bool = False


@dataclass(frozen=True)
class CustomerRecord:
    """A stored customer, for the edit form."""

    id: int
    params: CustomerParams


def _like(folded: str) -> str:
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_customers(session: Session, text: str, limit: int = SEARCH_LIMIT) -> list[CustomerRow]:
    """Customers whose number, name, company, e-mail or phone contain `text`, by name.

    Case and accents are ignored the same way on SQLite and PostgreSQL ("emile" finds "Émile",
    "ÉMILE" finds "emile"): `text` is folded like the stored `search_key` (xmart.models.search_key).
    Raises InputError for a text longer than SEARCH_MAX_LENGTH characters. DOMAIN.md section 7.
    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    if len(text) > SEARCH_MAX_LENGTH:
        raise InputError(f"Search: at most {SEARCH_MAX_LENGTH} characters (got {len(text)}).")
    query = select(
        Customer.id,
        Customer.number,
        Customer.name,
        Customer.company,
        Customer.email,
        Customer.phone,
        Customer.__table__.c.billing_city,
    )  # a column of the billing_address composite
    folded = fold(text)
    if folded:
        conditions: list[ColumnElement[bool]] = [Customer.search_key.like(_like(folded), escape="\\")]
        digits = re.sub(r"\D", "", text)
        if len(digits) >= 3:
            stripped: ColumnElement[str] | InstrumentedAttribute[str] = Customer.phone
            for ch in " -().+":
                stripped = func.replace(stripped, ch, "")
            conditions.append(stripped.like(f"%{digits}%"))
        query = query.where(or_(*conditions))
    query = query.order_by(Customer.name, Customer.number).limit(limit)
    return [CustomerRow(*row) for row in session.execute(query)]


def validate_customer(params: CustomerParams) -> None:
    """Raise InputError naming every field that is refused."""
    problems = []
    if not params.name.strip():
        problems.append("Name: enter the customer's name.")
    if len(params.name) > 100:
        problems.append("Name: at most 100 characters.")
    if len(params.number) > 20:
        problems.append("Number: at most 20 characters.")
    email = params.email.strip()
    if email and (not EMAIL.match(email) or len(email) > 200):
        problems.append(f"E-mail: '{echoable(email)}' is not an e-mail address (name@example.com).")
    phone = params.phone.strip()
    if phone:
        digits = re.sub(r"\D", "", phone)
        if not PHONE_CHARS.match(phone) or not 7 <= len(digits) <= 15:
            problems.append(
                f"Phone: '{echoable(phone)}' is not a phone number (7 to 15 digits; spaces, + - ( ) . allowed)."
            )
    texts = {"Name": params.name, "Company": params.company, "E-mail": params.email, "Notes": params.notes}
    for kind, address in (("Billing", params.billing_address), ("Shipping", params.shipping_address)):
        texts |= {f"{kind} address {k}": v for k, v in vars(address).items()}
    problems += [f"{what}: {problem}." for what, text in texts.items() if (problem := free_text_problem(text))]
    if problems:
        raise InputError("\n".join(problems))


def _next_number(session: Session) -> str:
    n = (session.scalar(select(func.count(Customer.id))) or 0) + 1
    while session.scalar(select(Customer.id).where(Customer.number == f"C{n:06d}")) is not None:
        n += 1
    return f"C{n:06d}"


def _apply(session: Session, customer: Customer, params: CustomerParams) -> None:
    number = params.number.strip()
    if number and number != customer.number:
        clash = session.scalar(select(Customer.id).where(Customer.number == number))
        if clash is not None:
            raise InputError(f"Number: customer number {number} is already used.")
        customer.number = number
    elif not customer.number:
        customer.number = _next_number(session)
    customer.name = params.name.strip()
    customer.company = params.company.strip()
    customer.email = params.email.strip()
    customer.phone = params.phone.strip()
    customer.notes = params.notes
    customer.billing_address = Address(**vars(params.billing_address))
    shipping = Address() if params.shipping_same_as_billing else params.shipping_address
    customer.shipping_address = shipping_or_billing(params.billing_address, shipping)
    customer.search_key = customer_search_key(vars(customer))


def create_customer(uow: UnitOfWork, params: CustomerParams) -> CustomerRow:
    """Validate and store a new customer; commit. Returns its row (with the number it got).

    Raises InputError (see `validate_customer`), SignInRequired / PermissionDenied without
    `order.enter` (DOMAIN.md section 9).
    """
    validate_customer(params)
    require(uow, "order.enter")
    session = uow.session
    customer = Customer(number="")
    _apply(session, customer, params)
    session.add(customer)
    session.flush()
    row = _row(customer)
    uow.commit()
    return row


def update_customer(uow: UnitOfWork, customer_id: int, params: CustomerParams) -> CustomerRow:
    """Validate and store changes to a customer; commit. Orders keep the addresses they were taken with.

    Raises NotFoundError, InputError, SignInRequired / PermissionDenied without `order.enter` (section 9).
    """
    validate_customer(params)
    require(uow, "order.enter")
    session = uow.session
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError(f"Customer {customer_id} no longer exists.")
    _apply(session, customer, params)
    session.flush()
    row = _row(customer)
    uow.commit()
    return row


def get_customer(session: Session, customer_id: int) -> CustomerRecord:
    """A stored customer's fields, for editing.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    c = session.get(Customer, customer_id)
    if c is None:
        raise NotFoundError(f"Customer {customer_id} no longer exists.")
    same = c.shipping_address == c.billing_address
    return CustomerRecord(
        c.id,
        CustomerParams(
            name=c.name,
            number=c.number,
            company=c.company,
            email=c.email,
            phone=c.phone,
            notes=c.notes,
            billing_address=Address(**vars(c.billing_address)),
            shipping_address=Address(**vars(c.shipping_address)),
            shipping_same_as_billing=same,
        ),
    )


def _row(c: Customer) -> CustomerRow:
    return CustomerRow(c.id, c.number, c.name, c.company, c.email, c.phone, c.billing_address.city)
