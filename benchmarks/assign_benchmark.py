"""Benchmark of `xmart assign` on a large synthetic database, against a bare-sqlite3 floor.

    python benchmarks/assign_benchmark.py [--csos 10000] [--lines 5] [--locations 50] [--skus 20000] [--postgres]

Builds a seeded database (migrated by xmart, filled with the driver's executemany): SQLite by
default, or with --postgres a private PostgreSQL server started with pgserver (as the tests do).
It then times two whole processes the same way, each on its own copy of that database:
- `xmart --db ... assign --by-number 1 N --json` (the real command, schema check included);
- the floor: a bare driver script (sqlite3 or psycopg) that reads every table once and inserts
  as many sale-order lines as xmart wrote, with executemany in one transaction.
Prints one JSON document: wall and CPU times (CPU of the client process only: on PostgreSQL the
server's work is not in it), rows written per second, peak memory of the xmart process, and the
ratio to the floor (target: within 3x, peak memory under 500 MB).
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
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(code, seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
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

FLOOR_POSTGRES = """
import psycopg, sys
with psycopg.connect(sys.argv[1]) as db:
    tables = db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    for (table,) in tables:
        db.execute(f'SELECT * FROM "{table}"').fetchall()
    count = int(sys.argv[2])
    so_id = db.execute("SELECT max(id) FROM sale_orders").fetchone()[0] or 1
    item = db.execute("SELECT min(id) FROM items").fetchone()[0]
    rows = [(so_id, 1000 + i, item, 1, 0, "9.99", "0.00", None) for i in range(count)]
    with db.cursor() as cursor:
        cursor.executemany("INSERT INTO sale_order_lines (so_id, line_no, item_id, qty, sold, price, discount, "
                           "cso_line_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", rows)
"""


def measure(command: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak resident memory (kB) and CPU seconds of a whole process."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    code, seconds, peak, cpu = out.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"command failed: {' '.join(command)}")
    return float(seconds), int(peak), float(cpu)


def migrate(url: str) -> None:
    """Create xmart's schema at `url` with `xmart db upgrade`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    subprocess.run(
        [sys.executable, "-m", "xmart", "--db", url, "db", "upgrade"], env=env, check=True, stdout=subprocess.DEVNULL
    )


def fill(executemany, csos: int, lines: int, locations: int, skus: int, seed: int) -> None:
    """Insert the seeded synthetic data set with `executemany(sql, rows)` (SQL written with `?`)."""
    rng = random.Random(seed)
    executemany(
        "INSERT INTO locations (id, code, name, kind, active) VALUES (?, ?, ?, ?, TRUE)",
        [(i, f"S{i:03d}", f"Store {i}", "store") for i in range(1, locations + 1)],
    )
    executemany(
        "INSERT INTO vendors (id, code, name) VALUES (?, ?, ?)",
        [(i, f"V{i:03d}", f"Vendor {i}") for i in range(1, 201)],
    )
    executemany(
        "INSERT INTO items (id, sku, description, price, cost, vendor_id) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                i,
                f"SKU{i:06d}",
                f"Item {i}",
                f"{rng.randint(100, 9999) / 100:.2f}",
                f"{rng.randint(50, 4999) / 100:.2f}",
                rng.randint(1, 200),
            )
            for i in range(1, skus + 1)
        ],
    )
    stock = []
    for item in range(1, skus + 1):
        for location in rng.sample(range(1, locations + 1), 10):
            stock.append((location, item, rng.randint(0, 20), rng.randint(0, 5), 20))
    executemany("INSERT INTO stock (location_id, item_id, on_hand, minimum, maximum) VALUES (?, ?, ?, ?, ?)", stock)
    executemany(
        "INSERT INTO customers (id, number, name, company, email, phone, notes) VALUES (?, ?, ?, '', '', '', '')",
        [(i, f"C{i:05d}", f"Customer {i}") for i in range(1, 1001)],
    )
    executemany(
        "INSERT INTO corporate_sale_orders (id, number, date, status, billing_customer_id, shipping_customer_id, "
        "billing_name, shipping_name, global_discount, shipping_method, shipping_cost, notes) "
        "VALUES (?, ?, ?, 'open', ?, ?, '', '', ?, '', 0, '')",
        [
            (i, i, f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}", c, c, rng.choice(["0", "5"]))
            for i in range(1, csos + 1)
            for c in [rng.randint(1, 1000)]
        ],
    )
    executemany(
        "INSERT INTO cso_lines (cso_id, line_no, item_id, qty, price, discount) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                c,
                n,
                rng.randint(1, skus),
                rng.randint(1, 5),
                f"{rng.randint(100, 9999) / 100:.2f}",
                rng.choice(["0", "10"]),
            )
            for c in range(1, csos + 1)
            for n in range(1, lines + 1)
        ],
    )
    executemany(
        "INSERT INTO payments (cso_id, kind, amount) VALUES (?, 'cash', ?)",
        [(c, f"{rng.randint(0, 5000) / 100:.2f}") for c in range(1, csos + 1, 3)],
    )
    executemany(
        "INSERT INTO sale_orders (id, number, location_id, date, status, global_discount, note, deposit) "
        "VALUES (?, ?, ?, '2026-10-01', 'open', 0, '', 0)",
        [(i, 100 + i, rng.randint(1, locations)) for i in range(1, 2001)],
    )
    executemany(
        "INSERT INTO sale_order_lines (so_id, line_no, item_id, qty, sold, price, discount) "
        "VALUES (?, 1, ?, ?, 0, '1.00', 0)",
        [(i, rng.randint(1, skus), rng.randint(1, 3)) for i in range(1, 2001)],
    )


def build_sqlite(path: Path, args: argparse.Namespace) -> None:
    """A migrated SQLite database filled with the data set."""
    migrate(f"sqlite:///{path}")
    db = sqlite3.connect(path)
    with db:
        fill(db.executemany, args.csos, args.lines, args.locations, args.skus, args.seed)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def build_postgres(uri: str, args: argparse.Namespace) -> None:
    """A migrated PostgreSQL database filled with the data set; sequences moved past the explicit ids."""
    import psycopg

    migrate(uri.replace("postgresql://", "postgresql+psycopg://", 1))
    with psycopg.connect(uri) as db, db.cursor() as cursor:
        fill(
            lambda sql, rows: cursor.executemany(sql.replace("?", "%s"), rows),
            args.csos,
            args.lines,
            args.locations,
            args.skus,
            args.seed,
        )
        for table in ("locations", "vendors", "items", "customers", "corporate_sale_orders", "sale_orders"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        cursor.execute("ANALYZE")


def _count(fetch) -> tuple[int, int]:
    """(SOs, SO lines) the run wrote, from `fetch(sql) -> first column of the first row`."""
    return (
        fetch("SELECT count(*) FROM sale_orders WHERE cso_id IS NOT NULL"),
        fetch("SELECT count(*) FROM sale_order_lines WHERE cso_line_id IS NOT NULL"),
    )


def run_sqlite(folder: Path, args: argparse.Namespace) -> dict:
    """Build, then time xmart and the floor on two copies of the SQLite database."""
    source = folder / "source.db"
    started = time.perf_counter()
    build_sqlite(source, args)
    build_seconds = time.perf_counter() - started
    shutil.copy(source, folder / "xmart.db")
    shutil.copy(source, folder / "floor.db")
    xmart = measure(_assign_command(f"sqlite:///{folder / 'xmart.db'}", args))
    db = sqlite3.connect(folder / "xmart.db")
    written = _count(lambda sql: db.execute(sql).fetchone()[0])
    db.close()
    floor = measure([sys.executable, "-c", FLOOR, str(folder / "floor.db"), str(written[1])])
    return _figures("sqlite", args, build_seconds, written, xmart, floor)


def run_postgres(folder: Path, args: argparse.Namespace) -> dict:
    """Start a private PostgreSQL server, build, then time xmart and the floor on two clones of the database."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver
    import psycopg

    server = pgserver.get_server(folder / "pgdata", cleanup_mode="stop")
    try:
        base = server.get_uri()
        started = time.perf_counter()
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute("CREATE DATABASE bench_source")
        build_postgres(server.get_uri("bench_source"), args)
        with psycopg.connect(base, autocommit=True) as admin:
            for name in ("bench_xmart", "bench_floor"):
                admin.execute(f"CREATE DATABASE {name} TEMPLATE bench_source")
        build_seconds = time.perf_counter() - started
        xmart_uri = server.get_uri("bench_xmart")
        xmart = measure(_assign_command(xmart_uri.replace("postgresql://", "postgresql+psycopg://", 1), args))
        with psycopg.connect(xmart_uri) as db:
            written = _count(lambda sql: db.execute(sql).fetchone()[0])
        floor = measure([sys.executable, "-c", FLOOR_POSTGRES, server.get_uri("bench_floor"), str(written[1])])
    finally:
        server.cleanup()
    return _figures("postgresql", args, build_seconds, written, xmart, floor)


def _assign_command(url: str, args: argparse.Namespace) -> list[str]:
    return [sys.executable, "-m", "xmart", "--db", url, "assign", "--by-number", "1", str(args.csos), "--json"]


def _figures(
    backend: str,
    args: argparse.Namespace,
    build_seconds: float,
    written: tuple[int, int],
    xmart: tuple[float, int, float],
    floor: tuple[float, int, float],
) -> dict:
    (xmart_seconds, peak_kb, xmart_cpu), (floor_seconds, _, floor_cpu) = xmart, floor
    return {
        "backend": backend,
        "csos": args.csos,
        "lines_per_cso": args.lines,
        "locations": args.locations,
        "skus": args.skus,
        "build_seconds": round(build_seconds, 2),
        "sale_orders_written": written[0],
        "sale_order_lines_written": written[1],
        "xmart_seconds": round(xmart_seconds, 3),
        "floor_seconds": round(floor_seconds, 3),
        "ratio_to_floor": round(xmart_seconds / floor_seconds, 2),
        "xmart_cpu_seconds": round(xmart_cpu, 3),
        "floor_cpu_seconds": round(floor_cpu, 3),
        "cpu_ratio_to_floor": round(xmart_cpu / floor_cpu, 2),
        "rows_written_per_second": round(sum(written) / xmart_seconds),
        "peak_memory_mb": round(peak_kb / 1024, 1),
    }


def main() -> None:
    """Build, time both processes, print the JSON figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csos", type=int, default=10_000)
    parser.add_argument("--lines", type=int, default=5)
    parser.add_argument("--locations", type=int, default=50)
    parser.add_argument("--skus", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--postgres", action="store_true", help="run on a private PostgreSQL server (pgserver)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="xmart-bench-"))
    os.environ["PYTHONPATH"] = str(ROOT / "src")
    os.environ["XMART_DATA_DIR"] = str(folder / "data")
    try:
        figures = run_postgres(folder, args) if args.postgres else run_sqlite(folder, args)
        print(json.dumps(figures, indent=2))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
