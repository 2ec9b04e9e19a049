"""Import documents used across tests (INTERFACE.md format)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

TEST_CARD = "4111111111111111"

INTERFACE_EXAMPLE = {
    "locations": [
        {"code": "MAIN", "name": "Main warehouse", "kind": "warehouse", "active": True},
        {"code": "S01", "name": "Downtown", "kind": "store", "active": True},
    ],
    "vendors": [{"code": "V1", "name": "Acme Supply"}],
    "items": [{"sku": "A100", "description": "Blue mug", "price": "19.99", "cost": "8.00", "vendor": "V1"}],
    "stock": [{"location": "S01", "sku": "A100", "on_hand": 10, "minimum": 2, "maximum": 20}],
    "customers": [
        {
            "number": "C001",
            "name": "Ada Lovelace",
            "company": "Analytical Ltd",
            "email": "ada@example.com",
            "phone": "+1 518 555 0100",
            "billing_address": {
                "line1": "1 Main St",
                "line2": "",
                "city": "Saratoga Springs",
                "region": "NY",
                "postal_code": "12866",
                "country": "US",
            },
            "shipping_address": {
                "line1": "9 Dock Rd",
                "line2": "Unit 4",
                "city": "Albany",
                "region": "NY",
                "postal_code": "12207",
                "country": "US",
            },
        }
    ],
    "salesmen": [{"code": "JS", "name": "Jo Smith", "commission_rate": "2.50"}],
    "corporate_sale_orders": [
        {
            "number": 1001,
            "date": "2026-11-02",
            "status": "open",
            "billing_customer": "C001",
            "shipping_customer": "C001",
            "channel": "Phone",
            "salesman": "JS",
            "global_discount": "5.00",
            "lines": [{"sku": "A100", "qty": 5, "price": "19.99", "discount": "10.00"}],
            "payments": [
                {"type": "card", "amount": "50.00", "card": {"brand": "VISA", "number": TEST_CARD, "expiry": "12/28"}},
                {"type": "cash", "amount": "20.00"},
            ],
        }
    ],
    "sale_orders": [
        {
            "number": 4001,
            "location": "S01",
            "date": "2026-10-01",
            "status": "open",
            "lines": [{"sku": "A100", "qty": 3, "sold": 1, "price": "19.99"}],
        }
    ],
    "purchase_orders": [
        {
            "number": 6900,
            "vendor": "V1",
            "date": "2026-10-20",
            "location": "MAIN",
            "lines": [{"sku": "B200", "qty": 10, "received": 0, "cost": "4.00"}],
        }
    ],
}
"""The example of INTERFACE.md, verbatim. Its PO names SKU B200, which the example does not
define: it imports into a database that already has B200 (see `B200_ITEM`)."""

B200_ITEM = {
    "vendors": [{"code": "V1", "name": "Acme Supply"}],
    "items": [{"sku": "B200", "description": "Red bowl", "price": "9.50", "cost": "4.00", "vendor": "V1"}],
}


def example() -> dict:
    """A deep copy of the INTERFACE.md example, safe to modify."""
    return copy.deepcopy(INTERFACE_EXAMPLE)


def write(path: Path, doc: dict) -> Path:
    """Write a document as JSON and return its path."""
    path.write_text(json.dumps(doc, indent=1))
    return path
