"""Benchmark of `xmart assign` on a large synthetic database, against a bare-sqlite3 floor.

    python benchmarks/assign_benchmark.py [--csos 10000] [--lines 5] [--locations 50] [--skus 20000]

Builds a seeded SQLite database (migrated by xmart, filled with sqlite3 executemany), then times
two whole processes the same way, each from a copy of that database:
- `xmart --db ... assign --by-number 1 N --json` (the real command, schema check included);
- the floor: a bare sqlite3 script that reads every table once and inserts as many sale-order
  lines as xmart wrote, with executemany in one transaction.
Prints one JSON document: wall times, rows written per second, peak memory of the xmart process,
and the ratio to the floor (target: within 3x, peak memory under 500 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - start
print(code, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

FLOOR = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
    db.execute(f'SELECT * FROM "{table}"').fetchall()
count = int(sys.argv[2])
so_id = db.execute("SELECT max(id) FROM sale_orders").fetchone()[0] or 1
item = db.execute("SELECT min(id) FROM items").fetchone()[0]
rows = [(so_id, 1000 + i, item, 1, 0, "9.99", "0.00", None) for i in range(count)]
with db:
    db.executemany("INSERT INTO sale_order_lines (so_id, line_no, item_id, qty, sold, price, discount, cso_line_id) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
"""


def measure(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (kB) of a whole process."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    code, seconds, peak = out.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"command failed: {' '.join(command)}")
    return float(seconds), int(peak)


def build(path: Path, csos: int, lines: int, locations: int, skus: int, seed: int) -> None:
    """A migrated database filled with a seeded synthetic data set."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    subprocess.run([sys.executable, "-m", "xmart", "--db", f"sqlite:///{path}", "db", "upgrade"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    rng = random.Random(seed)
    db = sqlite3.connect(path)
    with db:
        db.executemany("INSERT INTO locations (id, code, name, kind, active) VALUES (?, ?, ?, ?, 1)",
                       [(i, f"S{i:03d}", f"Store {i}", "store") for i in range(1, locations + 1)])
        db.executemany("INSERT INTO vendors (id, code, name) VALUES (?, ?, ?)",
                       [(i, f"V{i:03d}", f"Vendor {i}") for i in range(1, 201)])
        db.executemany("INSERT INTO items (id, sku, description, price, cost, vendor_id) VALUES (?, ?, ?, ?, ?, ?)",
                       [(i, f"SKU{i:06d}", f"Item {i}", f"{rng.randint(100, 9999) / 100:.2f}",
                         f"{rng.randint(50, 4999) / 100:.2f}", rng.randint(1, 200)) for i in range(1, skus + 1)])
        stock = []
        for item in range(1, skus + 1):
            for location in rng.sample(range(1, locations + 1), 10):
                stock.append((location, item, rng.randint(0, 20), rng.randint(0, 5), 20))
        db.executemany("INSERT INTO stock (location_id, item_id, on_hand, minimum, maximum) VALUES (?, ?, ?, ?, ?)",
                       stock)
        db.executemany("INSERT INTO customers (id, number, name, company, email, phone, notes) "
                       "VALUES (?, ?, ?, '', '', '', '')", [(i, f"C{i:05d}", f"Customer {i}") for i in range(1, 1001)])
        db.executemany(
            "INSERT INTO corporate_sale_orders (id, number, date, status, billing_customer_id, shipping_customer_id, "
            "billing_name, shipping_name, global_discount, shipping_method, shipping_cost, notes) "
            "VALUES (?, ?, ?, 'open', ?, ?, '', '', ?, '', 0, '')",
            [(i, i, f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}", c, c, rng.choice(["0", "5"]))
             for i in range(1, csos + 1) for c in [rng.randint(1, 1000)]])
        db.executemany("INSERT INTO cso_lines (cso_id, line_no, item_id, qty, price, discount) VALUES (?, ?, ?, ?, ?, ?)",
                       [(c, n, rng.randint(1, skus), rng.randint(1, 5), f"{rng.randint(100, 9999) / 100:.2f}",
                         rng.choice(["0", "10"])) for c in range(1, csos + 1) for n in range(1, lines + 1)])
        db.executemany("INSERT INTO payments (cso_id, kind, amount) VALUES (?, 'cash', ?)",
                       [(c, f"{rng.randint(0, 5000) / 100:.2f}") for c in range(1, csos + 1, 3)])
        db.executemany("INSERT INTO sale_orders (id, number, location_id, date, status, global_discount, note, deposit) "
                       "VALUES (?, ?, ?, '2026-10-01', 'open', 0, '', 0)",
                       [(i, 100 + i, rng.randint(1, locations)) for i in range(1, 2001)])
        db.executemany("INSERT INTO sale_order_lines (so_id, line_no, item_id, qty, sold, price, discount) "
                       "VALUES (?, 1, ?, ?, 0, '1.00', 0)",
                       [(i, rng.randint(1, skus), rng.randint(1, 3)) for i in range(1, 2001)])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def main() -> None:
    """Build, time both processes, print the JSON figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csos", type=int, default=10_000)
    parser.add_argument("--lines", type=int, default=5)
    parser.add_argument("--locations", type=int, default=50)
    parser.add_argument("--skus", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="xmart-bench-"))
    try:
        source = folder / "source.db"
        started = time.perf_counter()
        build(source, args.csos, args.lines, args.locations, args.skus, args.seed)
        build_seconds = time.perf_counter() - started
        shutil.copy(source, folder / "xmart.db")
        shutil.copy(source, folder / "floor.db")
        env_db = f"sqlite:///{folder / 'xmart.db'}"
        os.environ["PYTHONPATH"] = str(ROOT / "src")
        os.environ["XMART_DATA_DIR"] = str(folder / "data")
        xmart_seconds, peak_kb = measure([sys.executable, "-m", "xmart", "--db", env_db, "assign",
                                          "--by-number", "1", str(args.csos), "--json"])
        db = sqlite3.connect(folder / "xmart.db")
        written_sos = db.execute("SELECT count(*) FROM sale_orders WHERE cso_id IS NOT NULL").fetchone()[0]
        written_lines = db.execute("SELECT count(*) FROM sale_order_lines WHERE cso_line_id IS NOT NULL").fetchone()[0]
        db.close()
        floor_seconds, _ = measure([sys.executable, "-c", FLOOR, str(folder / "floor.db"), str(written_lines)])
        print(json.dumps({
            "csos": args.csos, "lines_per_cso": args.lines, "locations": args.locations, "skus": args.skus,
            "build_seconds": round(build_seconds, 2),
            "sale_orders_written": written_sos, "sale_order_lines_written": written_lines,
            "xmart_seconds": round(xmart_seconds, 3), "floor_seconds": round(floor_seconds, 3),
            "ratio_to_floor": round(xmart_seconds / floor_seconds, 2),
            "rows_written_per_second": round((written_sos + written_lines) / xmart_seconds),
            "peak_memory_mb": round(peak_kb / 1024, 1),
        }, indent=2))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
