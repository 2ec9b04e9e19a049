"""Render one sample of each printed document (plus a 300-line Sale Order) for a visual check.

Writes out/samples/*.pdf and a PNG of page 1 of each (`pdftoppm -png -r 80`).
Run from the repository root: PYTHONPATH=src python scripts/render_samples.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from xmart.processes.documents import (
    CompanyInfo,
    ConfirmationDocument,
    ConfirmationRenderer,
    DocumentLine,
    Party,
    PurchaseOrderDocument,
    PurchaseOrderRenderer,
    SaleOrderDocument,
    SaleOrderRenderer,
)
from xmart.processes.money import line_amount, order_totals

OUT = Path("out/samples")
COMPANY = CompanyInfo(
    name="Xmart Home & Garden Ltd.",
    address_lines=("Main Office, 120 Harbour Road", "Springfield, IL 62704"),
    phone="+1 217 555 0100",
    email="orders@xmart.example",
)
BILL_TO = Party("Zoë Ångström", "Ångström Interiors AB", ("Storgatan 12", "114 55 Stockholm", "Sweden"))
SHIP_TO = Party("Paweł Wiśniewski", "Łódź Design Studio", ("ul. Piotrkowska 104", "90-006 Łódź", "Poland"))
ITEMS = [
    ("CH-100-OAK", "Dining chair, solid oak, natural oil finish", Decimal("149.00"), Decimal("0")),
    (
        "TB-220-WAL",
        "Extendable dining table 180–240 cm, walnut veneer, with two leaves",
        Decimal("1899.00"),
        Decimal("10"),
    ),
    ("LMP-7", "Pendant lamp", Decimal("89.90"), Decimal("0")),
    (
        "RUG-160x230-GRY",
        "Wool rug 160 x 230 cm, hand-tufted, grey melange; delivered rolled in a protective sleeve, "
        "allow 48 hours to flatten before use",
        Decimal("420.00"),
        Decimal("5"),
    ),
    ("CUSH-45", "Cushion cover 45 x 45, linen", Decimal("24.50"), Decimal("12.5")),
]


def lines(count: int, cost: bool = False) -> tuple[DocumentLine, ...]:
    """`count` sample lines cycling through ITEMS; at cost without discounts when `cost`."""
    result = []
    for index in range(count):
        sku, description, price, discount = ITEMS[index % len(ITEMS)]
        qty = 1 + (index * 7) % 12
        if cost:
            price, discount = (price * Decimal("0.55")).quantize(Decimal("0.01")), Decimal("0")
        result.append(DocumentLine(sku, description, qty, price, discount, line_amount(qty, price, discount)))
    return tuple(result)


def sale_order(number: int, count: int) -> SaleOrderDocument:
    """A sample Sale Order with `count` lines."""
    items = lines(count)
    totals = order_totals(((x.qty, x.price, x.discount) for x in items), Decimal("5"))
    return SaleOrderDocument(
        number=number,
        date=dt.date(2024, 5, 14),
        store_code="S03",
        store_name="Springfield Downtown",
        bill_to=BILL_TO,
        ship_to=SHIP_TO,
        lines=items,
        subtotal=totals.subtotal,
        global_discount=Decimal("5"),
        global_discount_amount=totals.global_discount_amount,
        total=totals.total,
        deposit=Decimal("500.00"),
        note="Special Order created automatically from Corporate Sale Order",
        corporate_order=1042,
        masked_card="**** 1111",
    )


def purchase_order() -> PurchaseOrderDocument:
    """A sample Purchase Order."""
    items = lines(6, cost=True)
    return PurchaseOrderDocument(
        number=7001,
        date=dt.date(2024, 5, 14),
        vendor_code="V-NORD",
        vendor_name="Nordic Furniture Supply Oy",
        ship_to=Party(
            "Receiving — Warehouse W1",
            "Xmart Home & Garden Ltd.",
            ("Dock 4, 9 Industrial Way", "Springfield, IL 62711"),
        ),
        delivery_date=dt.date(2024, 6, 3),
        cancel_date=dt.date(2024, 6, 17),
        lines=items,
        total=sum((x.amount for x in items), Decimal("0.00")),
        note="Deliver on pallets; call 24 h ahead.",
    )


def confirmation() -> ConfirmationDocument:
    """A sample Order Confirmation."""
    items = lines(5)
    totals = order_totals(((x.qty, x.price, x.discount) for x in items), Decimal("5"))
    return ConfirmationDocument(
        number=1042,
        date=dt.date(2024, 5, 10),
        bill_to=BILL_TO,
        ship_to=SHIP_TO,
        lines=items,
        subtotal=totals.subtotal,
        global_discount=Decimal("5"),
        global_discount_amount=totals.global_discount_amount,
        total=totals.total,
        deposit=Decimal("1000.00"),
        masked_card="**** 1111",
        salesman="Mara Lindqvist",
        channel="Phone",
        shipping_method="White glove delivery",
        shipping_cost=Decimal("149.00"),
        note="Gift message: Congratulations on the new home!",
    )


def main() -> int:
    """Render the samples and their PNG previews."""
    OUT.mkdir(parents=True, exist_ok=True)
    samples = {
        "sale-order": SaleOrderRenderer(COMPANY).render(sale_order(5001, 5)),
        "sale-order-300-lines": SaleOrderRenderer(COMPANY).render(sale_order(5002, 300)),
        "purchase-order": PurchaseOrderRenderer(COMPANY).render(purchase_order()),
        "confirmation": ConfirmationRenderer(COMPANY).render(confirmation()),
    }
    converter = shutil.which("pdftoppm")
    for stem, pdf in samples.items():
        path = OUT / f"{stem}.pdf"
        path.write_bytes(pdf)
        print(path)
        if converter:
            subprocess.run(
                [converter, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(path), str(OUT / stem)],
                check=True,
                timeout=60,
            )
            if stem == "sale-order-300-lines":
                subprocess.run(
                    [
                        converter,
                        "-png",
                        "-r",
                        "80",
                        "-f",
                        "2",
                        "-l",
                        "2",
                        "-singlefile",
                        str(path),
                        str(OUT / f"{stem}-page2"),
                    ],
                    check=True,
                    timeout=60,
                )
    if not converter:
        print("pdftoppm not found: PNG previews skipped (apt-get install poppler-utils)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
