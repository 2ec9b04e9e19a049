"""A small data set for order entry tests: items, a customer with an e-mail, a salesman, a gift field."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from xmart.models import Channel, Customer, CustomField, Salesman
from xmart.models.base import Address
from xmart.models.db import UnitOfWork
from xmart.processes.importer import import_document
from xmart.processes.order_entry import LineParams, OrderEntry, card_payment

TEST_CARD = "4111111111111111"
ADDRESS = {"line1": "1 Main St", "line2": "", "city": "Albany", "region": "NY", "postal_code": "12207", "country": "US"}
SHIP = {"line1": "9 Elm Rd", "line2": "Apt 2", "city": "Troy", "region": "NY", "postal_code": "12180", "country": "US"}


def order_document() -> dict:
    """Items A100/B200/C300, customers C001 (with e-mail) and C002 (without), salesman JS, field Gift message."""
    return {
        "vendors": [{"code": "V1", "name": "Acme Supply"}],
        "items": [
            {"sku": "A100", "description": "Blue mug", "price": "19.99", "cost": "8.00", "vendor": "V1"},
            {"sku": "B200", "description": "Red bowl", "price": "9.50", "cost": "4.00", "vendor": "V1"},
            {"sku": "C300", "description": "Tea towel", "price": "5.00", "cost": "2.00", "vendor": "V1"},
        ],
        "customers": [
            {
                "number": "C001",
                "name": "Ada Lovelace",
                "company": "Analytical Ltd",
                "email": "ada@example.com",
                "phone": "+1 518 555 0101",
                "billing_address": ADDRESS,
                "shipping_address": SHIP,
            },
            {"number": "C002", "name": "Grace Hopper", "company": "Navy", "billing_address": ADDRESS},
        ],
        "salesmen": [
            {"code": "JS", "name": "Jo Smith", "commission_rate": "2.50"},
            {"code": "MK", "name": "Mo Khan", "commission_rate": "5.00"},
        ],
        "custom_fields": [{"name": "Gift message", "kind": "text"}, {"name": "Deliver after", "kind": "date"}],
    }


def load_orders_data(engine) -> dict[str, int]:
    """Import order_document(); ids by name: customer C001/C002, salesman JS/MK, channel Phone, field gift."""
    with UnitOfWork(engine) as uow:
        import_document(uow, order_document())
    with UnitOfWork(engine) as uow:
        s = uow.session
        return {
            "C001": s.scalar(select(Customer.id).where(Customer.number == "C001")),
            "C002": s.scalar(select(Customer.id).where(Customer.number == "C002")),
            "JS": s.scalar(select(Salesman.id).where(Salesman.code == "JS")),
            "MK": s.scalar(select(Salesman.id).where(Salesman.code == "MK")),
            "Phone": s.scalar(select(Channel.id).where(Channel.name == "Phone")),
            "gift": s.scalar(select(CustomField.id).where(CustomField.name == "Gift message")),
            "date": s.scalar(select(CustomField.id).where(CustomField.name == "Deliver after")),
        }


def full_entry(ids: dict[str, int], **changes) -> OrderEntry:
    """A complete order: three lines, a 10% line discount, 5% global, a 50.00 card deposit, a gift message."""
    entry = OrderEntry(
        channel_id=ids["Phone"],
        salesman_id=ids["JS"],
        custom_values=((ids["gift"], "Happy birthday, Ada!"),),
        lines=(
            LineParams("A100", 2, Decimal("19.99")),
            LineParams("B200", 3, Decimal("9.50"), Decimal("10")),
            LineParams("C300", 1, Decimal("5.00")),
        ),
        global_discount=Decimal("5"),
        payments=(card_payment(Decimal("50.00"), TEST_CARD, "12/29", authorization="A1B2C3"),),
        shipping_method="UPS Ground",
        shipping_cost=Decimal("7.50"),
        shipping_address=Address(**SHIP),
    )
    return entry.__class__(**{**entry.__dict__, **changes})
