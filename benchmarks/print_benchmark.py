"""Benchmark: render 1,000 generated five-line Sale Orders into one PDF.

Prints one JSON object: {"documents", "pages", "seconds", "pages_per_second", "cpu_seconds"}
(wall-clock seconds; cpu_seconds shows how much of it this process actually ran, on a busy machine).
Run from the repository root: PYTHONPATH=src python benchmarks/print_benchmark.py [--documents N] [--out FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import time
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from xmart.processes.documents import CompanyInfo, DocumentLine, Party, SaleOrderDocument, SaleOrderRenderer
from xmart.processes.money import line_amount, order_totals

COMPANY = CompanyInfo("Xmart Home & Garden Ltd.", ("Main Office, 120 Harbour Road", "Springfield, IL 62704"))


def sale_order(number: int, line_count: int = 5) -> SaleOrderDocument:
    """A generated Sale Order with `line_count` lines."""
    lines = []
    for index in range(line_count):
        qty = 1 + (number + index) % 9
        price = Decimal(10 + (number * 7 + index * 13) % 900) + Decimal("0.99")
        discount = Decimal((index % 3) * 5)
        lines.append(
            DocumentLine(
                f"SKU-{index:03d}-{number % 97:02d}",
                f"Generated item {index} for order {number}",
                qty,
                price,
                discount,
                line_amount(qty, price, discount),
            )
        )
    totals = order_totals(((x.qty, x.price, x.discount) for x in lines), Decimal("2.5"))
    customer = Party(f"Customer {number}", "Ångström & Łódź Trading", ("1 Market Street", "Springfield, IL 62701"))
    return SaleOrderDocument(
        number=5000 + number,
        date=dt.date(2024, 5, 14),
        store_code="S01",
        store_name="Downtown",
        bill_to=customer,
        ship_to=customer,
        lines=tuple(lines),
        subtotal=totals.subtotal,
        global_discount=Decimal("2.5"),
        global_discount_amount=totals.global_discount_amount,
        total=totals.total,
        deposit=Decimal("100.00"),
        note="Special Order created automatically from Corporate Sale Order",
        corporate_order=1000 + number,
        masked_card="**** 1111",
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--out", type=Path, help="also write the PDF here")
    args = parser.parse_args(argv)
    documents = [sale_order(n) for n in range(1, args.documents + 1)]
    renderer = SaleOrderRenderer(COMPANY)
    renderer.render(documents[0])  # warm-up: font registration and parsing
    started, cpu_started = time.perf_counter(), time.process_time()
    pdf = renderer.render_many(documents)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    if args.out:
        args.out.write_bytes(pdf)
    result = {
        "documents": len(documents),
        "pages": pages,
        "seconds": round(seconds, 3),
        "pages_per_second": round(pages / seconds, 1),
        "cpu_seconds": round(cpu_seconds, 3),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
