"""Benchmark of importing web store orders (DOMAIN.md section 10; issue 16): 5,000 Shopify orders on SQLite.

Builds a database (SQLite file): 500 items and 2,000 customers. Then 5,000 Shopify orders (Admin API order
resource, as `tests/fixtures/web_orders/` has them) in 50 files of 100: 3 lines each (line and order
discounts, tax on top), a discounted shipping line with tax, a captured card transaction and, on every
fifth order, a gift card; a third of the orders come from customers already known by e-mail, the others
from 2,500 new e-mails (some ordering twice). Each measured run works on its own copy of that database:

- **import**: `import_web_orders` in this process on the folder: read and scan every file (card data),
  read the orders, map them (customers by e-mail, SKUs, lines fitted to the cent, deposits), write the new
  customers, CSOs, lines, payments and web order rows set-based, the run report and its audit entry, commit;
  wall and CPU seconds from opening the unit of work to the end;
- **floor**: bare `sqlite3` with xmart's pragmas (WAL, synchronous=FULL, foreign keys) writing the same rows
  in one transaction: read the item ids by SKU and the customers by e-mail (IN lists of 900), insert the new
  customers and read their ids back, insert the CSOs and read their ids back, insert the CSO lines, the
  payments and the web order rows; `executemany`, from connect to commit. The rows are handed to it (taken
  from the import's own result database): nothing is read, parsed, scanned or fitted.

Prints one JSON document. Run from the repository root:
`PYTHONPATH=src python benchmarks/web_orders_benchmark.py [--runs N] [--orders N]`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from xmart.models.db import UnitOfWork, make_engine
from xmart.models.migrate import upgrade
from xmart.processes.importer import import_document
from xmart.processes.web_orders.importing import import_web_orders

ITEMS, KNOWN_CUSTOMERS, PER_FILE = 500, 2_000, 100
TABLES = ("customers", "corporate_sale_orders", "cso_lines", "payments", "web_orders")


def _money(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


def shopify_order(n: int) -> dict[str, Any]:
    """Order number `n`: 3 lines, discounts, 8 % tax on top, shipping with tax, card (and gift card) payments."""
    lines, net_total, tax_total = [], Decimal(0), Decimal(0)
    for i in range(3):
        price = Decimal(500 + (n * 7 + i * 131) % 4500) / 100
        qty = 1 + (n + i) % 4
        discount = (qty * price * Decimal("0.10")).quantize(Decimal("0.01")) if (n + i) % 3 == 0 else Decimal(0)
        net = qty * price - discount
        tax = (net * Decimal("0.08")).quantize(Decimal("0.01"))
        net_total, tax_total = net_total + net, tax_total + tax
        lines.append(
            {
                "id": n * 10 + i,
                "sku": f"SKU{(n * 3 + i) % ITEMS:04d}",
                "title": f"Article {(n * 3 + i) % ITEMS} — édition spéciale",
                "quantity": qty,
                "price": _money(price),
                "discount_allocations": [{"amount": _money(discount), "discount_application_index": 0}]
                if discount
                else [],
                "tax_lines": [{"title": "State tax", "price": _money(tax), "rate": 0.08}],
            }
        )
    shipping_tax = Decimal("0.64")
    total = net_total + tax_total + Decimal("8.00") + shipping_tax
    email = f"known{n % KNOWN_CUSTOMERS}@example.com" if n % 3 == 0 else f"web{n % 2_500}@example.com"
    gift = Decimal("10.00") if n % 5 == 0 else Decimal(0)
    transactions = [
        {
            "id": n * 10 + 1,
            "kind": "sale",
            "status": "success",
            "amount": _money(total - gift),
            "gateway": "shopify_payments",
            "authorization": f"ch{n:08d}",
            "payment_details": {"credit_card_number": "•••• •••• •••• 4242", "credit_card_company": "Visa"},
        }
    ]
    if gift:
        transactions.append(
            {"id": n * 10 + 2, "kind": "sale", "status": "success", "amount": "10.00", "gateway": "gift_card"}
        )
    return {
        "id": 7_000_000 + n,
        "name": f"#{10_000 + n}",
        "email": email,
        "created_at": "2026-11-20T10:00:00-05:00",
        "updated_at": "2026-11-20T10:05:00-05:00",
        "taxes_included": False,
        "financial_status": "paid",
        "total_price": _money(total),
        "current_total_price": _money(total),
        "customer": {"first_name": "Zoë", "last_name": f"Núñez {n}", "email": email},
        "billing_address": {
            "first_name": "Zoë",
            "last_name": f"Núñez {n}",
            "address1": f"{n} Rue Saint-Denis",
            "city": "Montréal",
            "province_code": "QC",
            "zip": "H2X 3K3",
            "country_code": "CA",
        },
        "line_items": lines,
        "shipping_lines": [
            {
                "title": "UPS Ground",
                "price": "10.00",
                "discounted_price": "8.00",
                "tax_lines": [{"title": "State tax", "price": _money(shipping_tax)}],
            }
        ],
        "transactions": transactions,
        "note": "Livraison après 17 h, s'il vous plaît.",
    }


def build(folder: Path, orders: int) -> tuple[Path, Path]:
    """The database with items and known customers, and the folder of order files."""
    path = folder / "base.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    document = {
        "items": [
            {"sku": f"SKU{i:04d}", "description": f"Item {i}", "price": "10.00", "cost": "4.00"} for i in range(ITEMS)
        ],
        "customers": [
            {"number": f"K{i:06d}", "name": f"Known {i}", "email": f"known{i}@example.com"}
            for i in range(KNOWN_CUSTOMERS)
        ],
    }
    with UnitOfWork(engine) as uow:
        import_document(uow, document)
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    files = folder / "orders"
    files.mkdir()
    for start in range(0, orders, PER_FILE):
        batch = [shopify_order(n) for n in range(start, min(orders, start + PER_FILE))]
        (files / f"orders-{start // PER_FILE:04d}.json").write_text(
            json.dumps({"orders": batch}, ensure_ascii=False), encoding="utf-8"
        )
    return path, files


def measure_import(database: Path, files: Path) -> dict[str, Any]:
    """`import_web_orders` on a copy of the database; wall and CPU seconds."""
    engine = make_engine(f"sqlite:///{database}")
    with engine.connect():  # the connection pool opened beforehand, as in a running command
        pass
    wall, cpu = time.perf_counter(), time.process_time()
    with UnitOfWork(engine) as uow:
        result = import_web_orders(uow, [files], "shopify")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    engine.dispose()
    counts = result.counts()
    assert counts["held"] == 0, [o.reason for o in result.outcomes if o.outcome == "held"][:3]
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3), **counts}


def new_rows(base: Path, imported: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """The rows the import added, by table: (columns without id, rows)."""
    rows = {}
    with sqlite3.connect(imported) as connection:
        connection.execute(f"ATTACH DATABASE '{base}' AS base")
        for table in TABLES:
            columns = [r[1] for r in connection.execute(f"PRAGMA main.table_info({table})") if r[1] != "id"]
            found = connection.execute(
                f"SELECT {', '.join(columns)} FROM main.{table} WHERE id NOT IN (SELECT id FROM base.{table})"
            ).fetchall()
            rows[table] = (columns, found)
    connection.close()
    return rows


def measure_floor(database: Path, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> dict[str, Any]:
    """Bare sqlite3 writing the same rows in one transaction (ids read back by key); wall and CPU seconds."""

    def insert(connection: sqlite3.Connection, table: str, columns: list[str], values: list[tuple[Any, ...]]) -> None:
        marks = ", ".join("?" * len(columns))
        connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)

    def ids(connection: sqlite3.Connection, table: str, key: str, keys: list[Any]) -> dict[Any, int]:
        found: dict[Any, int] = {}
        for start in range(0, len(keys), 900):
            chunk = keys[start : start + 900]
            found.update(
                connection.execute(
                    f"SELECT {key}, id FROM {table} WHERE {key} IN ({','.join('?' * len(chunk))})", chunk
                )
            )
        return found

    customers_cols, customers = rows["customers"]
    cso_cols, csos = rows["corporate_sale_orders"]
    line_cols, lines = rows["cso_lines"]
    pay_cols, payments = rows["payments"]
    web_cols, webs = rows["web_orders"]
    wall, cpu = time.perf_counter(), time.process_time()
    connection = sqlite3.connect(database, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute("BEGIN IMMEDIATE")
    ids(connection, "items", "sku", [f"SKU{i:04d}" for i in range(ITEMS)])
    ids(connection, "customers", "email", [f"known{i}@example.com" for i in range(KNOWN_CUSTOMERS)])
    insert(connection, "customers", customers_cols, customers)
    ids(connection, "customers", "number", [row[customers_cols.index("number")] for row in customers])
    insert(connection, "corporate_sale_orders", cso_cols, csos)
    ids(connection, "corporate_sale_orders", "number", [row[cso_cols.index("number")] for row in csos])
    insert(connection, "cso_lines", line_cols, lines)
    insert(connection, "payments", pay_cols, payments)
    insert(connection, "web_orders", web_cols, webs)
    connection.execute("COMMIT")
    connection.close()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3)}


def main(argv: list[str] | None = None) -> int:
    """Build, measure `--runs` times, print the JSON document."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--orders", type=int, default=5_000)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="xmart-web-bench-"))
    try:
        build_start = time.perf_counter()
        database, files = build(work, args.orders)
        build_seconds = time.perf_counter() - build_start
        runs = []
        for run in range(args.runs):
            folder = work / f"run{run}"
            folder.mkdir()
            import_db, floor_db = folder / "import.db", folder / "floor.db"
            shutil.copy(database, import_db)
            shutil.copy(database, floor_db)
            imported = measure_import(import_db, files)
            floor = measure_floor(floor_db, new_rows(database, import_db))
            runs.append({"import": imported, "floor": floor, "ratio": round(imported["seconds"] / floor["seconds"], 2)})
        import_median = statistics.median(r["import"]["seconds"] for r in runs)
        floor_median = statistics.median(r["floor"]["seconds"] for r in runs)
        document = {
            "orders": args.orders,
            "files": len(list(files.glob("*.json"))),
            "file_bytes": sum(p.stat().st_size for p in files.glob("*.json")),
            "build_seconds": round(build_seconds, 1),
            "runs": runs,
            "import_seconds": import_median,
            "import_cpu_seconds": statistics.median(r["import"]["cpu_seconds"] for r in runs),
            "floor_seconds": floor_median,
            "floor_cpu_seconds": statistics.median(r["floor"]["cpu_seconds"] for r in runs),
            "ratio_to_floor": round(import_median / floor_median, 2),
            "target_seconds": 10.0,
        }
        print(json.dumps(document, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
