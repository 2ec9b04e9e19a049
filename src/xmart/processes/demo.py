"""`xmart demo`: a realistic demo data set for a homeware chain, loaded through the importer.

The data set is an import document (INTERFACE.md), so it passes the same validation as any
import: a warehouse and six stores (one inactive), eight vendors, about 200 items (a few without
a vendor), stock, about 50 customers, three salesmen, about 100 corporate sale orders over the
30 days before `today` in mixed states with card, cash and card-on-file payments, a few open
store sale orders (so pending units matter) and two open purchase orders.

Invariants: the document depends only on `seed` and `today`; `load_demo` fills only an empty
database (no location, item or CSO) and loads the document in one transaction. It then shows the
whole flow (Assign, Automatic Purchase Orders, receiving, Assign again, invoicing), each step in
its own transaction (a step a process refuses is reported, the loaded data stays). Card numbers
are the card networks' public test numbers; the importer stores them only encrypted.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import InstrumentedAttribute

from xmart.errors import InputError, XmartError
from xmart.models import CorporateSaleOrder, Item, PurchaseOrder, SaleOrder, SaleOrderLine
from xmart.models.db import UnitOfWork
from xmart.processes.assign import AssignParams, assign_orders
from xmart.processes.first_run import database_is_empty, has_data
from xmart.processes.importer import IMPORT_LOCK, import_document
from xmart.processes.invoicing import invoice
from xmart.processes.money import order_totals, to_money
from xmart.processes.purchase_orders import PurchaseOrderParams, generate_purchase_orders
from xmart.processes.receiving import receive
from xmart.processes.security.permissions import require
from xmart.processes.selection import CsoRange

if TYPE_CHECKING:
    from xmart.processes.selection import CsoRange

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Record = dict[str, Any]
"""One record (or the whole document) of the import document the demo builds (INTERFACE.md)."""

NOT_EMPTY = "The database already has data: the demo fills only an empty database."

FIRST_CSO = 1001
FIRST_STORE_SO = 4001
FIRST_PO = 6901
DAYS = 30

TEST_CARDS = (
    ("VISA", "4111111111111111"),
    ("MASTERCARD", "5555555555554444"),
    ("AMEX", "378282246310005"),
    ("DISCOVER", "6011111111111117"),
    ("VISA", "4012888888881881"),
    ("MASTERCARD", "5105105105105100"),
)
"""Public test card numbers (Luhn-valid, never issued to a cardholder)."""

LOCATIONS = (
    ("MAIN", "Main warehouse (Albany)", "warehouse", True),
    ("S01", "Saratoga Springs — Broadway", "store", True),
    ("S02", "Troy Riverfront", "store", True),
    ("S03", "Colonie Center", "store", True),
    ("S04", "Schenectady Proctors Square", "store", True),
    ("S05", "Clifton Park Commons", "store", True),
    ("S06", "Glens Falls (closed for renovation)", "store", False),
)

VENDORS = (
    ("V01", "Hudson Valley Ceramics"),
    ("V02", "Northwind Glassworks"),
    ("V03", "Prairie Textile Co."),
    ("V04", "Lumen Lighting Supply"),
    ("V05", "Oak & Iron Furnishings"),
    ("V06", "Coastal Home Imports"),
    ("V07", "Evergreen Candle Works"),
    ("V08", "Keystone Kitchenware"),
)

# prefix, noun, materials, sizes, price range (dollars), vendor code, how many items
CATEGORIES = (
    ("MUG", "mug", ("stoneware", "porcelain", "enamel", "bone china"), ("10 oz", "12 oz", "16 oz"), (9, 24), "V01", 18),
    ("BWL", "bowl", ("stoneware", "porcelain", "bamboo", "glass"), ("6 in", "8 in", "10 in"), (8, 45), "V01", 16),
    ("PLT", "dinner plate", ("stoneware", "porcelain", "melamine"), ("10 in", "11 in"), (10, 32), "V01", 12),
    ("GLS", "tumbler", ("recycled glass", "crystal", "glass"), ("set of 4", "set of 6"), (18, 60), "V02", 12),
    ("VAS", "vase", ("glass", "ceramic", "terracotta", "brass"), ("small", "medium", "tall"), (19, 120), "V02", 12),
    ("CND", "scented candle", ("soy wax", "beeswax", "coconut wax"), ("8 oz", "14 oz", "3-wick"), (12, 48), "V07", 16),
    (
        "CSH",
        "cushion cover",
        ("linen", "velvet", "cotton", "wool"),
        ("18 x 18 in", "20 x 20 in", "12 x 20 in"),
        (16, 55),
        "V03",
        16,
    ),
    (
        "THR",
        "throw blanket",
        ("cotton", "merino wool", "faux fur", "chunky knit"),
        ("50 x 60 in", "60 x 80 in"),
        (39, 149),
        "V03",
        10,
    ),
    (
        "TWL",
        "bath towel",
        ("Turkish cotton", "waffle cotton", "organic cotton"),
        ("hand", "bath", "bath sheet"),
        (12, 49),
        "V03",
        12,
    ),
    ("LMP", "table lamp", ("ceramic", "brass", "rattan", "marble"), ("18 in", "24 in"), (59, 249), "V04", 10),
    (
        "FRM",
        "picture frame",
        ("oak", "walnut", "aluminium", "brass"),
        ("5 x 7 in", "8 x 10 in", "11 x 14 in"),
        (14, 65),
        "V06",
        14,
    ),
    (
        "BSK",
        "storage basket",
        ("seagrass", "rattan", "cotton rope", "jute"),
        ("small", "large", "set of 3"),
        (19, 79),
        "V06",
        12,
    ),
    (
        "MIR",
        "wall mirror",
        ("oak", "brass", "rattan", "black iron"),
        ("round 24 in", "arched 36 in"),
        (79, 329),
        "V05",
        8,
    ),
    ("TRY", "serving tray", ("acacia", "marble", "brass", "lacquered wood"), ("16 in", "20 in"), (24, 95), "V05", 10),
    (
        "CUT",
        "flatware set",
        ("stainless steel", "matte black steel", "gold-finish steel"),
        ("20-piece", "24-piece"),
        (39, 159),
        "V08",
        10,
    ),
    (
        "PAN",
        "skillet",
        ("cast iron", "carbon steel", "enamelled cast iron"),
        ("8 in", "10 in", "12 in"),
        (29, 189),
        "V08",
        12,
    ),
)

COLOURS = (
    "Sage",
    "Charcoal",
    "Ivory",
    "Terracotta",
    "Indigo",
    "Blush",
    "Ochre",
    "Slate",
    "Forest green",
    "Sand",
    "Midnight blue",
    "Oatmeal",
    "Rust",
    "Mist grey",
    "Olive",
    "Cream",
)

FIRST_NAMES = (
    "Emma",
    "Liam",
    "Olivia",
    "Noah",
    "Ava",
    "Ethan",
    "Sophia",
    "Mason",
    "Isabella",
    "Lucas",
    "Mia",
    "Logan",
    "Harper",
    "James",
    "Amelia",
    "Benjamin",
    "Evelyn",
    "Henry",
    "Abigail",
    "Daniel",
    "Grace",
    "Samuel",
    "Chloe",
    "Owen",
    "Nora",
    "Caleb",
    "Riley",
    "Julian",
    "Hannah",
    "Aaron",
)
LAST_NAMES = (
    "Johnson",
    "Williams",
    "Brown",
    "Miller",
    "Davis",
    "Garcia",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Jackson",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Hill",
    "Green",
    "Adams",
    "Baker",
    "Nelson",
    "Carter",
)
SPECIAL_NAMES = (
    "Zoë Ångström",
    "Łukasz Żółć",
    "José Núñez",
    "Chloé Lefèvre",
    "Björn Müller",
    "Nguyễn Thị Lan",
    "Siobhán Ó Ceallaigh",
    "Søren Kjærgaard",
)
COMPANIES = (
    ("Hudson Dental Group", "hudsondental"),
    ("Bright Spaces Interiors LLC", "brightspaces"),
    ("Adirondack Lodge & Spa", "adklodge"),
    ("Capital Region Realty", "capregionrealty"),
    ("Maple Leaf Catering", "mapleleafcatering"),
    ("Stonegate Property Management", "stonegatepm"),
    ("Riverbend Bed & Breakfast", "riverbendbnb"),
    ("Spa City Event Rentals", "spacityevents"),
    ("North Country Law Offices", "nclaw"),
    ("Lakeside Yoga Studio", "lakesideyoga"),
    ("Union Street Bistro", "unionstbistro"),
    ("Greenfield Pediatrics", "greenfieldpeds"),
)
CITIES = (
    ("Albany", "NY", "12207"),
    ("Saratoga Springs", "NY", "12866"),
    ("Troy", "NY", "12180"),
    ("Schenectady", "NY", "12305"),
    ("Clifton Park", "NY", "12065"),
    ("Glens Falls", "NY", "12801"),
    ("Latham", "NY", "12110"),
    ("Delmar", "NY", "12054"),
    ("Lake George", "NY", "12845"),
    ("Bennington", "VT", "05201"),
    ("Pittsfield", "MA", "01201"),
    ("Rutland", "VT", "05701"),
)
STREETS = (
    "Broadway",
    "State St",
    "Union Ave",
    "Maple Ave",
    "Lark St",
    "Madison Ave",
    "River St",
    "Congress St",
    "Washington Ave",
    "Elm St",
    "Lake Ave",
    "Route 9",
    "Church St",
    "Western Ave",
    "North Pearl St",
)
LINE2 = ("Apt 2B", "Suite 200", "Unit 4", "Floor 3", "Apt 11")
CUSTOMER_NOTES = (
    "Prefers delivery after 4 pm.",
    "Tax-exempt certificate on file.",
    "Call before delivery.",
    "Leave parcels at the side door.",
    "Interior designer: trade pricing agreed.",
)

SALESMEN = (("MR", "Maria Rossi", "2.50"), ("DK", "David Kim", "3.00"), ("AO", "Amara Okafor", "2.00"))
CHANNELS = ("Phone", "Phone", "Website", "Website", "POS", "Sales Order Interface")
SHIPPING = (("Store pickup", "0.00"), ("UPS Ground", "12.50"), ("Local delivery", "25.00"), ("FedEx 2Day", "34.00"))
CUSTOM_FIELDS = (("Gift message", "text"), ("Delayed delivery date", "date"), ("Special shipping instructions", "text"))
GIFT_MESSAGES = (
    "Happy housewarming!",
    "Congratulations on the new office.",
    "Happy anniversary, with love.",
    "Welcome to the neighbourhood!",
)
SHIPPING_NOTES = ("Deliver to loading dock B.", "Fragile: glassware inside.", "Use the rear entrance.")
HOLD_NOTES = (
    "On hold: customer is confirming colours with the designer.",
    "On hold: waiting for the remaining deposit.",
    "On hold: delivery address to be confirmed.",
)
CANCEL_NOTES = ("Cancelled at the customer's request.", "Cancelled: duplicate of another order.")

_ASCII_FOLD = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ß": "ss", "Æ": "Ae", "æ": "ae", "Đ": "D", "đ": "d"}
)


def _money(value: Decimal | int | str) -> str:
    return str(to_money(value))


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD))
    return "".join(ch for ch in folded if ch.isascii())


def _retail_price(rng: random.Random, low: int, high: int) -> Decimal:
    cents = rng.choice((Decimal("0.99"), Decimal("0.99"), Decimal("0.95"), Decimal("0.50"), Decimal("0.00")))
    return Decimal(rng.randint(low, high)) + cents


def _items(rng: random.Random) -> list[Record]:
    items: list[Record] = []
    for prefix, noun, materials, sizes, (low, high), vendor, count in CATEGORIES:
        seen: set[str] = set()
        number = 0
        while number < count:
            description = f"{rng.choice(COLOURS)} {rng.choice(materials)} {noun}, {rng.choice(sizes)}"
            if description in seen:
                continue
            seen.add(description)
            number += 1
            price = _retail_price(rng, low, high)
            cost = to_money(price * Decimal(rng.randint(40, 60)) / 100)
            item = {"sku": f"{prefix}-{number:04d}", "description": description, "price": str(price), "cost": str(cost)}
            if rng.random() >= 0.05:  # about one in twenty is a new line not yet set up with a vendor
                item["vendor"] = vendor if rng.random() < 0.9 else rng.choice(VENDORS)[0]
            items.append(item)
    return items


def _stock(rng: random.Random, items: list[Record], scarce: set[str]) -> list[Record]:
    rows: list[Record] = []
    for code, _name, kind, _active in LOCATIONS:
        warehouse = kind == "warehouse"
        for item in items:
            sku = item["sku"]
            if rng.random() < 0.08:
                continue  # never stocked here: a missing row is all zero
            if warehouse:
                minimum, maximum = rng.randint(6, 12), rng.randint(40, 80)
            else:
                minimum, maximum = rng.randint(1, 4), rng.randint(8, 16)
            roll = rng.random()
            if sku in scarce or roll < 0.15:
                on_hand = 0
            elif roll < 0.27:
                on_hand = maximum + rng.randint(2, maximum)  # overstock
            elif roll < 0.45:
                on_hand = rng.randint(1, minimum)  # at or below minimum
            else:
                on_hand = rng.randint(minimum, maximum)
            rows.append({"location": code, "sku": sku, "on_hand": on_hand, "minimum": minimum, "maximum": maximum})
    return rows


def _address(rng: random.Random) -> Record:
    city, region, postal = rng.choice(CITIES)
    return {
        "line1": f"{rng.randint(2, 1899)} {rng.choice(STREETS)}",
        "line2": rng.choice(LINE2) if rng.random() < 0.3 else "",
        "city": city,
        "region": region,
        "postal_code": postal,
        "country": "US",
    }


def _customers(rng: random.Random, count: int) -> list[Record]:
    names = list(SPECIAL_NAMES)
    while len(names) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in names:
            names.append(name)
    rng.shuffle(names)
    customers: list[Record] = []
    for n, name in enumerate(names, start=1):
        company, domain = rng.choice(COMPANIES) if rng.random() < 0.35 else ("", "")
        local = ".".join(_ascii(name).lower().split())
        domain = f"{domain}.example.com" if domain else rng.choice(("example.com", "example.net", "example.org"))
        billing = _address(rng)
        shipping = billing if rng.random() < 0.65 else _address(rng)
        customers.append(
            {
                "number": f"C{n:04d}",
                "name": name,
                "company": company,
                "email": f"{local}@{domain}",
                "phone": f"+1 {rng.choice(('518', '802', '413'))} 555 {rng.randint(100, 199):04d}",
                "notes": rng.choice(CUSTOMER_NOTES) if rng.random() < 0.2 else "",
                "billing_address": billing,
                "shipping_address": dict(shipping),
            }
        )
    return customers


def _expiry(rng: random.Random, today: dt.date) -> str:
    return f"{rng.randint(1, 12):02d}/{(today.year + rng.randint(1, 4)) % 100:02d}"


def _auth_code(rng: random.Random) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))


def _card(rng: random.Random, today: dt.date, amount: Decimal) -> Record:
    brand, number = rng.choice(TEST_CARDS)
    payment: Record = {
        "type": "card",
        "amount": _money(amount),
        "card": {"brand": brand, "number": number, "expiry": _expiry(rng, today)},
    }
    if amount > 0:
        payment["card"]["authorization"] = _auth_code(rng)
    return payment


def _payments(rng: random.Random, today: dt.date, total: Decimal) -> list[Record]:
    roll = rng.random()
    if roll < 0.30:
        return [_card(rng, today, to_money(total / 2))]  # 50 % deposit on a card
    if roll < 0.45:
        return [_card(rng, today, total)]  # paid in full
    if roll < 0.60:
        return [_card(rng, today, Decimal(0))]  # card on file, charged on delivery
    if roll < 0.75:
        return [{"type": "cash", "amount": _money(min(total, Decimal(rng.choice((20, 50, 100, 200)))))}]
    if roll < 0.85:
        cash = min(total, Decimal(rng.choice((20, 50))))
        return [{"type": "cash", "amount": _money(cash)}, _card(rng, today, to_money((total - cash) / 2))]
    if roll < 0.90:
        return [
            {
                "type": "check",
                "amount": _money(to_money(total / 2)),
                "authorization": f"Check {rng.randint(1001, 4999)}",
            }
        ]
    return []


def _status(rng: random.Random, days_ago: int) -> str:
    roll = rng.random()
    if days_ago <= 3 and roll < 0.45:
        return "draft"
    if roll < 0.05:
        return "draft"
    if roll < 0.15:
        return "on hold"
    if roll < 0.21:
        return "cancelled"
    return "open"


def _corporate_orders(
    rng: random.Random, today: dt.date, items: list[Record], customers: list[Record], scarce: list[str], count: int
) -> list[Record]:
    prices = {item["sku"]: Decimal(item["price"]) for item in items}
    skus = list(prices)
    days = sorted(rng.randint(1, DAYS) for _ in range(count))[::-1]  # ascending dates with ascending numbers
    orders: list[Record] = []
    for n, days_ago in enumerate(days):
        status = _status(rng, days_ago)
        billing = rng.choice(customers)
        shipping = billing if rng.random() < 0.85 else rng.choice(customers)
        chosen = rng.sample(skus, rng.choices((1, 2, 3, 4, 5, 6), weights=(20, 25, 20, 15, 12, 8))[0])
        if scarce and rng.random() < 0.35:
            pick = rng.choice(scarce)
            if pick not in chosen:
                chosen[-1] = pick  # something no location has: the PO process orders it
        lines: list[Record] = []
        for sku in chosen:
            qty = rng.choice((1, 1, 1, 2, 2, 3, 4, 6)) if rng.random() < 0.9 else rng.choice((10, 12, 24))
            price = prices[sku]
            if rng.random() < 0.08:
                price = to_money(price * Decimal("0.9"))  # negotiated price
            discount = rng.choice(("5.00", "10.00", "15.00", "20.00")) if rng.random() < 0.15 else "0.00"
            lines.append({"sku": sku, "qty": qty, "price": str(price), "discount": discount})
        global_discount = rng.choice(("5.00", "10.00")) if rng.random() < 0.12 else "0.00"
        method, cost = rng.choice(SHIPPING)
        order: Record = {
            "number": FIRST_CSO + n,
            "date": (today - dt.timedelta(days=days_ago)).isoformat(),
            "status": status,
            "billing_customer": billing["number"],
            "shipping_customer": shipping["number"],
            "channel": rng.choice(CHANNELS),
            "salesman": rng.choice(SALESMEN)[0],
            "global_discount": global_discount,
            "shipping_method": method,
            "shipping_cost": cost,
            "lines": lines,
        }
        totals = order_totals(
            ((ln["qty"], Decimal(ln["price"]), Decimal(ln["discount"])) for ln in lines), Decimal(global_discount)
        )
        if status != "draft" or rng.random() < 0.5:
            order["payments"] = _payments(rng, today, totals.total)
        custom: dict[str, str] = {}
        if shipping is not billing and rng.random() < 0.7:
            custom["Gift message"] = rng.choice(GIFT_MESSAGES)
        if rng.random() < 0.08:
            custom["Delayed delivery date"] = (today + dt.timedelta(days=rng.randint(7, 30))).isoformat()
        if rng.random() < 0.1:
            custom["Special shipping instructions"] = rng.choice(SHIPPING_NOTES)
        if custom:
            order["custom_fields"] = custom
        if status == "on hold":
            order["notes"] = rng.choice(HOLD_NOTES)
        elif status == "cancelled":
            order["notes"] = rng.choice(CANCEL_NOTES)
        orders.append(order)
    return orders


def _store_orders(rng: random.Random, today: dt.date, items: list[Record], stock: list[Record]) -> list[Record]:
    """Open special orders the stores took themselves: their unsold units are pending at that store."""
    stocked: dict[str, list[str]] = {}
    for row in stock:
        if row["on_hand"] > 0 and row["location"].startswith("S") and row["location"] != "S06":
            stocked.setdefault(row["location"], []).append(row["sku"])
    prices = {item["sku"]: item["price"] for item in items}
    orders: list[Record] = []
    for n, code in enumerate(sorted(stocked)[:5]):
        lines = []
        for sku in rng.sample(stocked[code], rng.randint(1, 3)):
            qty = rng.randint(1, 3)
            lines.append({"sku": sku, "qty": qty, "sold": rng.randint(0, qty - 1), "price": prices[sku]})
        orders.append(
            {
                "number": FIRST_STORE_SO + n,
                "location": code,
                "status": "open",
                "date": (today - dt.timedelta(days=rng.randint(20, 45))).isoformat(),
                "note": "Store special order (taken at the counter)",
                "lines": lines,
            }
        )
    return orders


def _purchase_orders(rng: random.Random, today: dt.date, items: list[Record], scarce: list[str]) -> list[Record]:
    """Two open purchase orders already on order, for items the CSOs need (coverage uses them first)."""
    by_sku = {item["sku"]: item for item in items}
    by_vendor: dict[str, list[str]] = {}
    for sku in scarce:
        vendor = by_sku[sku].get("vendor")
        if vendor:
            by_vendor.setdefault(vendor, []).append(sku)
    orders: list[Record] = []
    for n, vendor in enumerate(sorted(by_vendor, key=lambda v: (-len(by_vendor[v]), v))[:2]):
        date = today - dt.timedelta(days=rng.randint(8, 14))
        lines = [
            {"sku": sku, "qty": rng.choice((6, 12, 24)), "received": 0, "cost": by_sku[sku]["cost"]}
            for sku in by_vendor[vendor][:3]
        ]
        orders.append(
            {
                "number": FIRST_PO + n,
                "vendor": vendor,
                "date": date.isoformat(),
                "location": "MAIN",
                "delivery": (today + dt.timedelta(days=rng.randint(3, 10))).isoformat(),
                "cancel": (today + dt.timedelta(days=rng.randint(20, 30))).isoformat(),
                "status": "open",
                "note": "Seasonal restock",
                "lines": lines,
            }
        )
    return orders


def build_demo_document(seed: int = 2026, today: dt.date | None = None) -> Record:
    """The demo data set as an INTERFACE.md import document; the same seed and day give the same document."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    items = _items(rng)
    with_vendor = [item["sku"] for item in items if "vendor" in item]
    without_vendor = [item["sku"] for item in items if "vendor" not in item]
    # no location holds these: the PO process orders them (and reports the ones without a vendor)
    scarce = sorted(rng.sample(with_vendor, 12) + rng.sample(without_vendor, min(2, len(without_vendor))))
    stock = _stock(rng, items, set(scarce))
    customers = _customers(rng, 50)
    return {
        "locations": [{"code": c, "name": n, "kind": k, "active": a} for c, n, k, a in LOCATIONS],
        "vendors": [{"code": c, "name": n} for c, n in VENDORS],
        "items": items,
        "stock": stock,
        "customers": customers,
        "salesmen": [{"code": c, "name": n, "commission_rate": r} for c, n, r in SALESMEN],
        "custom_fields": [{"name": n, "kind": k} for n, k in CUSTOM_FIELDS],
        "corporate_sale_orders": _corporate_orders(rng, today, items, customers, scarce, 100),
        "sale_orders": _store_orders(rng, today, items, stock),
        "purchase_orders": _purchase_orders(rng, today, items, scarce),
    }


SECTION_LABELS = {
    "stock": "stock rows",
    "custom_fields": "custom order fields",
    "sale_orders": "store sale orders",
    "purchase_orders": "open purchase orders",
}


@dataclass(frozen=True)
class DemoSummary:
    """What the demo loaded (records per import section) and what each step of the flow did."""

    counts: tuple[tuple[str, int], ...]
    first_date: dt.date
    last_date: dt.date
    steps: tuple[tuple[str, str], ...]
    cso_statuses: tuple[tuple[str, int], ...]

    def count(self, section: str) -> int:
        """How many records of an import section were loaded."""
        return dict(self.counts).get(section, 0)

    def lines(self) -> list[str]:
        """The summary as readable lines."""
        loaded = ", ".join(
            f"{n} {SECTION_LABELS.get(section, section.replace('_', ' '))}" for section, n in self.counts
        )
        out = [f"Loaded {loaded}.", f"Corporate sale orders are dated {self.first_date} to {self.last_date}."]
        out += [f"{name}: {what}" for name, what in self.steps]
        out.append("Corporate sale orders now: " + ", ".join(f"{n} {status}" for status, n in self.cso_statuses) + ".")
        return out


def _max_number(engine: Engine, column: InstrumentedAttribute[int], count_above: int | None = None) -> int:
    """The highest number in `column` (0 when empty), or with `count_above` how many numbers are above it."""
    with UnitOfWork(engine) as uow:
        if count_above is not None:
            return uow.session.scalar(select(func.count()).where(column > count_above)) or 0
        return uow.session.scalar(select(func.max(column))) or 0


def _sale_orders_after(engine: Engine, number: int) -> list[tuple[int, str, int]]:
    """(SO number, SKU, qty - sold) of open lines on SOs generated from CSOs numbered above `number`."""
    with UnitOfWork(engine) as uow:
        rows = uow.session.execute(
            select(SaleOrder.number, Item.sku, SaleOrderLine.qty - SaleOrderLine.sold)
            .join(SaleOrderLine, SaleOrderLine.so_id == SaleOrder.id)
            .join(Item, Item.id == SaleOrderLine.item_id)
            .where(SaleOrder.number > number, SaleOrder.cso_id.is_not(None), SaleOrderLine.qty > SaleOrderLine.sold)
            .order_by(SaleOrder.number, SaleOrderLine.line_no)
        ).all()
    return [(so, sku, left) for so, sku, left in rows]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class _Flow:
    """Runs the steps of the whole flow after the import, each in its own transaction."""

    def __init__(self, engine: Engine, today: dt.date, first: dt.date, middle: dt.date):
        self.engine, self.today, self.first, self.middle = engine, today, first, middle
        self.steps: list[tuple[str, str]] = []
        self.new_pos: list[int] = []

    def _range(self) -> CsoRange:
        return CsoRange.by_date(self.first, self.middle)

    def assign(self, title: str) -> None:
        before = _max_number(self.engine, SaleOrder.number)
        with UnitOfWork(self.engine) as uow:
            assign_orders(AssignParams(range=self._range()), uow)
        count = _max_number(self.engine, SaleOrder.number, count_above=before)
        self.steps.append(
            (title, f"CSOs dated {self.first} to {self.middle}: {_plural(count, 'sale order')} sent to the locations")
        )

    def purchase_orders(self) -> None:
        title = "Automatic Purchase Orders"
        before = _max_number(self.engine, PurchaseOrder.number)
        delivery, cancel = self.today + dt.timedelta(days=7), self.today + dt.timedelta(days=21)
        with UnitOfWork(self.engine) as uow:
            result = generate_purchase_orders(
                PurchaseOrderParams(range=self._range(), delivery=delivery, cancel=cancel), uow
            )
        with UnitOfWork(self.engine) as uow:
            self.new_pos = list(
                uow.session.scalars(
                    select(PurchaseOrder.number).where(PurchaseOrder.number > before).order_by(PurchaseOrder.number)
                )
            )
        skipped = result.skipped_no_vendor
        text = f"{_plural(len(self.new_pos), 'purchase order')} to vendors, delivery {delivery}, cancel {cancel}"
        if skipped:
            text += f"; skipped (no vendor): {', '.join(map(str, skipped))}"
        self.steps.append((title, text))

    def receive(self) -> None:
        title = "Receiving"
        if not self.new_pos:
            self.steps.append((title, "skipped: no generated purchase order to receive"))
            return
        number = self.new_pos[0]
        with UnitOfWork(self.engine) as uow:
            receive(uow, number)
        self.steps.append((title, f"purchase order {number} received in full at the receiving location"))

    def invoice(self, after_so: int, how_many: int = 3) -> None:
        title = "Invoicing"
        done: list[str] = []
        seen: set[int] = set()
        for so_number, sku, left in _sale_orders_after(self.engine, after_so):
            if so_number in seen:
                continue
            seen.add(so_number)
            with UnitOfWork(self.engine) as uow:
                invoice(uow, so_number, sku, left)
            done.append(f"SO {so_number} {sku} x{left}")
            if len(done) == how_many:
                break
        self.steps.append((title, ("sold " + "; ".join(done)) if done else "skipped: no sale order to invoice"))

    def run_step(self, title: str, step: Callable[[], None]) -> None:
        """Run a step; a refusal (a domain error) is recorded, not fatal: the demo data stays loaded."""
        try:
            step()
        except XmartError as exc:
            log.warning("demo step %s stopped: %s", title, exc)
            self.steps.append((title, f"stopped: {exc}"))


def load_demo(
    engine: Engine, seed: int = 2026, progress: Progress | None = None, today: dt.date | None = None
) -> DemoSummary:
    """Fill an empty database with the demo data set and run the whole flow; refuses a non-empty database.

    Needs `import` (SignInRequired / PermissionDenied, DOMAIN.md section 9); each later step checks its
    own permission, and a step refused is reported as stopped, like any refusal.
    """
    today = today or dt.date.today()
    report = progress or (lambda done, total, text: None)
    total = 6
    with UnitOfWork(engine) as uow:
        require(uow, "import")  # first: a user without it learns nothing, not even whether the database is empty
    if not database_is_empty(engine):
        raise InputError(NOT_EMPTY)
    report(0, total, "Building the demo data set")
    doc = build_demo_document(seed, today)
    report(0, total, "Loading the demo data set")
    with UnitOfWork(engine) as uow, uow.exclusive(IMPORT_LOCK):  # the import's lock, before the first query
        if has_data(uow.session):
            raise InputError(NOT_EMPTY)  # filled meanwhile by another workstation
        result = import_document(uow, doc)
    log.info("demo data loaded (seed %s): %s", seed, result.counts)

    first = today - dt.timedelta(days=DAYS)
    middle = first + dt.timedelta(days=DAYS // 2)
    flow = _Flow(engine, today, first, middle)
    first_generated_so = _max_number(engine, SaleOrder.number)
    report(1, total, "Assigning corporate sale orders")
    flow.run_step("Assign", lambda: flow.assign("Assign"))
    report(2, total, "Generating purchase orders")
    flow.run_step("Automatic Purchase Orders", flow.purchase_orders)
    report(3, total, "Receiving a purchase order")
    flow.run_step("Receiving", flow.receive)
    report(4, total, "Assigning received stock")
    flow.run_step("Assign again", lambda: flow.assign("Assign again"))
    report(5, total, "Invoicing sale orders")
    flow.run_step("Invoicing", lambda: flow.invoice(first_generated_so))
    report(6, total, "Done")

    with UnitOfWork(engine) as uow:
        statuses = uow.session.execute(
            select(CorporateSaleOrder.status, func.count())
            .group_by(CorporateSaleOrder.status)
            .order_by(CorporateSaleOrder.status)
        ).all()
    return DemoSummary(
        counts=tuple((section, n) for section, n in result.counts.items()),
        first_date=min(dt.date.fromisoformat(o["date"]) for o in doc["corporate_sale_orders"]),
        last_date=max(dt.date.fromisoformat(o["date"]) for o in doc["corporate_sale_orders"]),
        steps=tuple(flow.steps),
        cso_statuses=tuple((status, n) for status, n in statuses),
    )
