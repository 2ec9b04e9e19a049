"""Benchmark of applying a store's package at the Main (DOMAIN.md section 6; issue 14): 20,000 stock levels
and 2,000 invoice lines, on SQLite.

Builds a Main database (SQLite file): 20,000 items, store S01 synchronized (`make_store_key`) with a stock row
per item, and 400 sale orders of 5 lines at S01 (2,000 SO lines). Then a store package, signed with S01's key:
1,000 invoices of 2 lines (2,000 invoice lines, each selling 1 unit of a different SO line) and the on-hand
level of all 20,000 SKUs. Each measured run works on its own copy of that database:

- **apply**: `import_packages` in this process on a folder holding the package: read the file, verify the
  tag and digest, check the content, apply it set-based, record it, commit, move the file; wall and CPU
  seconds from opening the unit of work to the end;
- **floor**: bare `sqlite3` with xmart's pragmas (WAL, synchronous=FULL, foreign keys) doing the same writes
  in one transaction: read the 20,000 item ids by SKU and the 2,000 SO lines by SO number (IN lists of 900),
  upsert 20,000 stock reports and 20,000 stock levels, insert 1,000 invoices and 2,000 invoice lines, update
  2,000 SO lines' `sold` and 400 SOs' status, insert the package row; `executemany`, from connect to commit.
  The rows are handed to it (no parsing, verifying or checking).

Prints one JSON document. Run from the repository root:
`PYTHONPATH=src python benchmarks/sync_benchmark.py [--runs N] [--skus N] [--orders N]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from xmart.models.db import UnitOfWork, make_engine
from xmart.models.migrate import upgrade
from xmart.processes.importer import import_document
from xmart.processes.sync.folders import package_name
from xmart.processes.sync.importing import import_packages
from xmart.processes.sync.keys import make_store_key, read_key_file
from xmart.processes.sync.package_format import Package, encode

CREATED = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)


def build(folder: Path, skus: int, orders: int) -> tuple[Path, bytes, dict[str, Any]]:
    """The Main database, the package bytes and its content."""
    path = folder / "main.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    names = [f"SKU{i:05d}" for i in range(skus)]
    document = {
        "locations": [
            {"code": "MAIN", "name": "Main", "kind": "warehouse", "active": True},
            {"code": "S01", "name": "Store 1", "kind": "store", "active": True},
        ],
        "items": [{"sku": sku, "description": f"Item {sku}", "price": "10.00", "cost": "4.00"} for sku in names],
        "stock": [{"location": "S01", "sku": sku, "on_hand": 5, "minimum": 0, "maximum": 9} for sku in names],
        "sale_orders": [
            {
                "number": 5001 + n,
                "location": "S01",
                "date": "2026-11-21",
                "status": "open",
                "lines": [{"sku": names[(n * 5 + i) % skus], "qty": 3, "price": "10.00"} for i in range(5)],
            }
            for n in range(orders)
        ],
    }
    with UnitOfWork(engine) as uow:
        import_document(uow, document)
    with UnitOfWork(engine) as uow:
        make_store_key(uow, "S01", folder / "S01.key")
    engine.dispose()
    _store, key = read_key_file(folder / "S01.key")
    lines = [(5001 + n, i + 1, names[(n * 5 + i) % skus]) for n in range(orders) for i in range(5)]
    invoices = [
        {
            "id": k + 1,
            "date": "2026-11-22",
            "lines": [{"so": so, "line": line, "sku": sku, "qty": 1, "amount": "10.00"} for so, line, sku in pair],
        }
        for k, pair in enumerate(zip(lines[0::2], lines[1::2], strict=True))
    ]
    content = {
        "acknowledged": 0,
        "resend_from": None,
        "invoices": invoices,
        "stock": [{"sku": sku, "on_hand": (i * 7) % 50} for i, sku in enumerate(names)],
    }
    data = encode(Package("S01", "@main", 1, CREATED, content), key)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path, data, content


def measure_apply(database: Path, data: bytes, folder: Path) -> dict[str, Any]:
    """`import_packages` on a copy of the database; wall and CPU seconds."""
    inbox = folder / "inbox"
    inbox.mkdir()
    (inbox / package_name("S01", "@main", 1)).write_bytes(data)
    engine = make_engine(f"sqlite:///{database}")
    with engine.connect():  # the connection pool opened beforehand, as in a running command
        pass
    wall, cpu = time.perf_counter(), time.process_time()
    with UnitOfWork(engine) as uow:
        result = import_packages(uow, inbox)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    engine.dispose()
    assert result.count("applied") == 1, result.outcomes
    return {
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "stock_levels": result.applied.stock_levels,
        "invoice_lines": result.applied.invoice_lines,
    }


def measure_floor(database: Path, content: dict[str, Any]) -> dict[str, Any]:
    """Bare sqlite3 doing the same writes in one transaction; wall and CPU seconds."""
    levels = [(row["sku"], row["on_hand"]) for row in content["stock"]]
    invoice_lines = [(inv["id"], ln["so"], ln["line"], ln["qty"]) for inv in content["invoices"] for ln in inv["lines"]]
    wall, cpu = time.perf_counter(), time.process_time()
    connection = sqlite3.connect(database, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute("BEGIN IMMEDIATE")
    location = connection.execute("SELECT id FROM locations WHERE code = 'S01'").fetchone()[0]
    item_ids: dict[str, int] = {}
    skus = [sku for sku, _ in levels]
    for start in range(0, len(skus), 900):
        chunk = skus[start : start + 900]
        item_ids.update(
            connection.execute(f"SELECT sku, id FROM items WHERE sku IN ({','.join('?' * len(chunk))})", chunk)
        )
    so_numbers = sorted({so for _i, so, _l, _q in invoice_lines})
    so_lines: dict[tuple[int, int], tuple[int, int, int, str]] = {}
    for start in range(0, len(so_numbers), 900):
        chunk = so_numbers[start : start + 900]
        for number, line_no, line_id, so_id, item_id, price in connection.execute(
            "SELECT s.number, l.line_no, l.id, s.id, l.item_id, l.price FROM sale_orders s "
            f"JOIN sale_order_lines l ON l.so_id = s.id WHERE s.number IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            so_lines[(number, line_no)] = (line_id, so_id, item_id, price)
    created = CREATED.strftime("%Y-%m-%d %H:%M:%S.%f")
    connection.executemany(
        "INSERT INTO stock_reports (location_id, item_id, on_hand, reported_at, sequence) VALUES (?, ?, ?, ?, 1) "
        "ON CONFLICT (location_id, item_id) DO UPDATE SET on_hand = excluded.on_hand, "
        "reported_at = excluded.reported_at, sequence = excluded.sequence",
        [(location, item_ids[sku], qty, created) for sku, qty in levels],
    )
    connection.executemany(
        "INSERT INTO stock (location_id, item_id, on_hand, minimum, maximum) VALUES (?, ?, ?, 0, 0) "
        "ON CONFLICT (location_id, item_id) DO UPDATE SET on_hand = excluded.on_hand",
        [(location, item_ids[sku], qty) for sku, qty in levels],
    )
    first = (connection.execute("SELECT max(number) FROM invoices").fetchone()[0] or 0) + 1
    connection.executemany(
        "INSERT INTO invoices (number, location_id, date, store_invoice, created_at) "
        "VALUES (?, ?, '2026-11-22', ?, CURRENT_TIMESTAMP)",
        [(first + k, location, inv["id"]) for k, inv in enumerate(content["invoices"])],
    )
    invoice_ids = dict(connection.execute("SELECT store_invoice, id FROM invoices WHERE location_id = ?", (location,)))
    connection.executemany(
        "INSERT INTO invoice_lines (invoice_id, so_line_id, item_id, qty, price) VALUES (?, ?, ?, ?, ?)",
        [
            (invoice_ids[inv], so_lines[(so, line)][0], so_lines[(so, line)][2], qty, so_lines[(so, line)][3])
            for inv, so, line, qty in invoice_lines
        ],
    )
    connection.executemany(
        "UPDATE sale_order_lines SET sold = sold + ? WHERE id = ?",
        [(qty, so_lines[(so, line)][0]) for _inv, so, line, qty in invoice_lines],
    )
    connection.executemany(
        "UPDATE sale_orders SET status = 'partially sold' WHERE id = ?",
        sorted({(so_lines[(so, line)][1],) for _inv, so, line, _qty in invoice_lines}),
    )
    connection.execute(
        "INSERT INTO sync_packages (peer, direction, sequence, status, reason, file_name, digest, created, "
        "recorded_at) VALUES ('S01', 'in', 1, 'applied', '', 'x', 'd', ?, CURRENT_TIMESTAMP)",
        (created,),
    )
    connection.execute("COMMIT")
    connection.close()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3)}


def main(argv: list[str] | None = None) -> int:
    """Build, measure `--runs` times, print the JSON document."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skus", type=int, default=20_000, help="stock levels in the package (and items)")
    parser.add_argument("--orders", type=int, default=400, help="sale orders of 5 lines (invoice lines: 5 x N)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="xmart-sync-bench-"))
    try:
        build_start = time.perf_counter()
        database, data, content = build(work, args.skus, args.orders)
        build_seconds = time.perf_counter() - build_start
        runs = []
        for run in range(args.runs):
            folder = work / f"run{run}"
            folder.mkdir()
            apply_db, floor_db = folder / "apply.db", folder / "floor.db"
            shutil.copy(database, apply_db)
            shutil.copy(database, floor_db)
            applied = measure_apply(apply_db, data, folder)
            floor = measure_floor(floor_db, content)
            runs.append({"apply": applied, "floor": floor, "ratio": round(applied["seconds"] / floor["seconds"], 2)})
        apply_median = statistics.median(r["apply"]["seconds"] for r in runs)
        floor_median = statistics.median(r["floor"]["seconds"] for r in runs)
        document = {
            "stock_levels": len(content["stock"]),
            "invoices": len(content["invoices"]),
            "invoice_lines": sum(len(inv["lines"]) for inv in content["invoices"]),
            "package_bytes": len(data),
            "build_seconds": round(build_seconds, 1),
            "runs": runs,
            "apply_seconds": apply_median,
            "apply_cpu_seconds": statistics.median(r["apply"]["cpu_seconds"] for r in runs),
            "floor_seconds": floor_median,
            "floor_cpu_seconds": statistics.median(r["floor"]["cpu_seconds"] for r in runs),
            "ratio_to_floor": round(apply_median / floor_median, 2),
            "target_seconds": 2.0,
        }
        print(json.dumps(document, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
