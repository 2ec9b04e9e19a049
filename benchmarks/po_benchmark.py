"""Benchmark of `xmart purchase-orders` on a large synthetic database (SQLite file).

Builds a seeded data set in bulk (SQLAlchemy Core inserts of lists of dicts, one transaction):
10,000 CSOs x 5 lines over 20,000 SKUs from 200 vendors (some items without vendor), some lines
already assigned on store SOs and some POs already on order; then times the whole command
`xmart purchase-orders --by-number 1 N --delivery ... --cancel ... --json` as a child process and
prints one JSON document: wall seconds, POs and PO lines written, rows per second, peak memory.

Run from the repository root: `PYTHONPATH=src python benchmarks/po_benchmark.py [--csos N] [--keep DIR]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, insert, select

from xmart.models import (
    CorporateSaleOrder,
    CsoLine,
    Customer,
    Item,
    Location,
    PoCoverage,
    PurchaseOrder,
    PurchaseOrderLine,
    SaleOrder,
    SaleOrderLine,
    Vendor,
)
from xmart.models.db import make_engine
from xmart.models.migrate import upgrade

SRC = Path(__file__).resolve().parents[1] / "src"
DATE = dt.date(2026, 11, 2)


def build(url: str, csos: int, lines: int, skus: int, vendors: int, seed: int) -> dict:
    """Fill an empty migrated database with the synthetic data set; returns its counts."""
    rng = random.Random(seed)
    engine = make_engine(url)
    upgrade(engine)
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        def put(model, rows: list[dict]) -> None:
            if rows:
                conn.execute(insert(model.__table__), rows)
            counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(rows)

        put(Location, [{"id": 1, "code": "MAIN", "name": "Main warehouse", "kind": "warehouse", "active": True}]
            + [{"id": i + 2, "code": f"S{i + 1:02d}", "name": f"Store {i + 1}", "kind": "store", "active": True}
               for i in range(10)])
        put(Vendor, [{"id": v + 1, "code": f"V{v + 1:03d}", "name": f"Vendor {v + 1}"} for v in range(vendors)])
        put(Item, [{"id": i + 1, "sku": f"SKU{i + 1:05d}", "description": f"Item {i + 1}",
                    "price": Decimal(rng.randint(100, 20000)) / 100, "cost": Decimal(rng.randint(50, 9000)) / 100,
                    "vendor_id": None if i % 20 == 0 else rng.randint(1, vendors)} for i in range(skus)])
        put(Customer, [{"id": c + 1, "number": f"C{c + 1:04d}", "name": f"Customer {c + 1}"} for c in range(100)])
        put(CorporateSaleOrder, [{"id": n, "number": n, "date": DATE + dt.timedelta(days=n % 30), "status": "open",
                                  "billing_customer_id": n % 100 + 1, "shipping_customer_id": n % 100 + 1}
                                 for n in range(1, csos + 1)])
        cso_lines = [{"id": (n - 1) * lines + k, "cso_id": n, "line_no": k, "item_id": rng.randint(1, skus),
                      "qty": rng.randint(1, 12), "price": Decimal("10.00")}
                     for n in range(1, csos + 1) for k in range(1, lines + 1)]
        put(CsoLine, cso_lines)
        # every 10th CSO partly assigned to a store
        assigned = [line for line in cso_lines if line["cso_id"] % 10 == 0 and line["line_no"] == 1]
        put(SaleOrder, [{"id": i + 1, "number": 5001 + i, "location_id": 2 + i % 10, "date": DATE, "status": "open",
                         "cso_id": line["cso_id"]} for i, line in enumerate(assigned)])
        put(SaleOrderLine, [{"so_id": i + 1, "line_no": 1, "item_id": line["item_id"], "qty": line["qty"],
                             "sold": 0, "price": line["price"], "cso_line_id": line["id"]}
                            for i, line in enumerate(assigned)])
        # 500 POs already on order (4 lines each, some partly received) for items the CSOs want
        wanted = [line["item_id"] for line in cso_lines[:: max(1, len(cso_lines) // 2000)]]
        put(PurchaseOrder, [{"id": p + 1, "number": 6001 + p, "vendor_id": rng.randint(1, vendors), "location_id": 1,
                             "date": DATE, "status": "open" if p % 3 else "partially received"} for p in range(500)])
        po_lines = []
        for p in range(500):
            for k in range(1, 5):
                qty = rng.randint(5, 40)
                po_lines.append({"po_id": p + 1, "line_no": k, "item_id": wanted[(p * 4 + k) % len(wanted)], "qty": qty,
                                 "received": rng.randint(0, qty // 2) if p % 3 == 0 else 0, "cost": Decimal("5.00")})
        put(PurchaseOrderLine, po_lines)
        counts[PoCoverage.__tablename__] = 0
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return counts


def run_command(url: str, csos: int, data_dir: Path) -> tuple[float, dict, int]:
    """Time `xmart purchase-orders ... --json` in a child process; (seconds, its JSON, peak RSS in KiB)."""
    env = os.environ | {"PYTHONPATH": str(SRC), "XMART_DATA_DIR": str(data_dir)}
    argv = [sys.executable, "-m", "xmart", "--db", url, "purchase-orders", "--by-number", "1", str(csos),
            "--delivery", "2026-12-01", "--cancel", "2026-12-15", "--json"]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"purchase-orders failed ({done.returncode}): {done.stderr}")
    return seconds, json.loads(done.stdout), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    """Build the data set, run the command once, print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csos", type=int, default=10_000)
    parser.add_argument("--lines", type=int, default=5)
    parser.add_argument("--skus", type=int, default=20_000)
    parser.add_argument("--vendors", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", metavar="DIR", help="build the database in DIR and keep it")
    parser.add_argument("--build-only", action="store_true", help="only build the database (for profiling)")
    args = parser.parse_args()

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="xmart-po-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench.db"
    path.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    try:
        start = time.perf_counter()
        counts = build(url, args.csos, args.lines, args.skus, args.vendors, args.seed)
        build_seconds = time.perf_counter() - start
        if args.build_only:
            print(json.dumps({"database": str(path), "build_seconds": round(build_seconds, 2), **counts}, indent=2))
            return
        seconds, result, peak_kib = run_command(url, args.csos, folder / "data")
        engine = make_engine(url)
        with engine.connect() as conn:
            coverage = conn.scalar(select(func.count()).select_from(PoCoverage.__table__))
        engine.dispose()
        po_lines = sum(len(po["lines"]) for po in result["purchase_orders"])
        print(json.dumps({
            "csos": args.csos,
            "cso_lines": counts["cso_lines"],
            "skus": args.skus,
            "vendors": args.vendors,
            "open_po_lines": counts["purchase_order_lines"],
            "build_seconds": round(build_seconds, 2),
            "wall_seconds": round(seconds, 2),
            "purchase_orders": len(result["purchase_orders"]),
            "po_lines_written": po_lines,
            "covered_by_existing": len(result["covered_by_existing"]),
            "coverage_rows_written": coverage,
            "skipped_no_vendor": len(result["skipped_no_vendor"]),
            "cso_lines_per_second": round(counts["cso_lines"] / seconds),
            "rows_written_per_second": round((len(result["purchase_orders"]) + po_lines + coverage) / seconds),
            "peak_rss_mb": round(peak_kib / 1024, 1),
        }, indent=2))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
