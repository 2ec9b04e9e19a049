"""Benchmark of the Purchase Orders process on a large synthetic database, against a bare-driver floor.

    PYTHONPATH=src python benchmarks/po_benchmark.py [--csos 10000] [--runs 3] [--postgres] [--keep DIR]

Builds a seeded data set in bulk (SQLAlchemy Core inserts of lists of dicts, one transaction):
10,000 CSOs x 5 lines over 20,000 SKUs from 200 vendors (every 20th item without vendor), some
lines already assigned on store SOs and 500 POs already on order. Then, each run on its own copy
of that database (a file copy on SQLite, `CREATE DATABASE ... TEMPLATE` on PostgreSQL with
`--postgres`, a private pgserver):

- command: the whole `xmart --db URL purchase-orders --by-number 1 N ... --json` as a child
  process (interpreter start, imports, schema check, the run, one commit, the JSON on stdout);
  wall seconds and its peak resident memory;
- process: `generate_purchase_orders` itself in a child process, timed from an open engine to the
  commit, and the JSON document encoded apart;
- floor: a bare driver (`sqlite3` with xmart's pragmas, or `psycopg`) in a child process doing
  the same reads (the selected lines, their assigned and covered units, the lines on order with
  their coverage, the items with their vendors, the next PO number) and inserting the same rows
  the command wrote (POs, PO lines, coverage rows) with multi-row INSERTs of 500 rows (faster
  than executemany on both databases), reading back the new ids as xmart does, in one
  transaction; timed from connect to commit, and as a whole process.

Prints one JSON document: per run and as the median, the seconds of each, the ratios
process / floor and command / floor process, rows written per second and peak memory.
Targets (benchmarks/README.md): process within 3x of the floor, peak memory under 500 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, text
from sqlalchemy.engine import make_url

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
DELIVERY, CANCEL = "2026-12-01", "2026-12-15"
TABLES = [
    Location,
    Vendor,
    Item,
    Customer,
    CorporateSaleOrder,
    CsoLine,
    SaleOrder,
    SaleOrderLine,
    PurchaseOrder,
    PurchaseOrderLine,
    PoCoverage,
]

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - start
print(code, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""Runs a command; prints its exit code, wall seconds and peak resident memory (KiB)."""

PROCESS = """
import datetime as dt, json, resource, sys, time
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.purchase_orders import PurchaseOrderParams, generate_purchase_orders
from xmart.processes.selection import CsoRange
url, last, delivery, cancel = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
engine = make_engine(url)
params = PurchaseOrderParams(range=CsoRange.by_number(1, last), delivery=dt.date.fromisoformat(delivery),
                             cancel=dt.date.fromisoformat(cancel))
start, cpu = time.perf_counter(), time.process_time()
with UnitOfWork(engine) as uow:
    result = generate_purchase_orders(params, uow)
process, cpu = time.perf_counter() - start, time.process_time() - cpu
start = time.perf_counter()
document = json.dumps(result.to_json(), ensure_ascii=False)
encode = time.perf_counter() - start
print(json.dumps({"process_seconds": process, "process_cpu_seconds": cpu, "json_seconds": encode,
                  "json_bytes": len(document), "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""
"""The process itself, from an open engine to its commit; then the JSON document encoded apart."""

FLOOR = """
import json, sys, time
backend, target, rows_file, last = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
with open(rows_file) as handle:
    rows = json.load(handle)
if backend == "sqlite":
    import sqlite3
    mark, cost = "?", float

    def connect():
        db = sqlite3.connect(target, isolation_level=None)
        for pragma in ("synchronous=FULL", "secure_delete=ON", "foreign_keys=ON", "busy_timeout=30000",
                       "cache_size=-65536", "temp_store=MEMORY"):
            db.execute("PRAGMA " + pragma)
        db.execute("BEGIN IMMEDIATE")
        return db, db.cursor()
else:
    import psycopg
    mark, cost = "%s", str

    def connect():
        db = psycopg.connect(target)
        return db, db.cursor()


def q(sql):
    return sql.replace("?", mark)


def insert_many(head, width, rows):
    values = "(" + ", ".join([mark] * width) + ")"
    for start in range(0, len(rows), 500):
        batch = rows[start:start + 500]
        cur.execute(head + ", ".join([values] * len(batch)), [value for row in batch for value in row])


SELECTED = ("FROM cso_lines l JOIN corporate_sale_orders c ON c.id = l.cso_id "
            "WHERE c.status IN ('open', 'partially assigned') AND c.number BETWEEN ? AND ?")
start, cpu = time.perf_counter(), time.process_time()
db, cur = connect()
cur.execute(q("SELECT value FROM settings WHERE key = ?"), ("receiving_location",))
cur.fetchall()
cur.execute(q("SELECT id, code FROM locations WHERE code = ?"), ("MAIN",))
cur.fetchall()
cur.execute(q("SELECT l.id, c.number, l.item_id, l.qty, l.cancelled_qty " + SELECTED + " ORDER BY c.number, l.line_no"),
            (1, last))
cur.fetchall()
cur.execute(q("SELECT sl.cso_line_id, s.location_id, sum(sl.qty), sum(sl.sold) FROM sale_order_lines sl "
              "JOIN sale_orders s ON s.id = sl.so_id WHERE s.status <> 'cancelled' "
              "AND sl.cso_line_id IN (SELECT l.id " + SELECTED + ") GROUP BY sl.cso_line_id, s.location_id"), (1, last))
cur.fetchall()
cur.execute(q("SELECT pc.cso_line_id, sum(pc.qty) FROM po_coverage pc "
              "JOIN purchase_order_lines pl ON pl.id = pc.po_line_id "
              "JOIN purchase_orders p ON p.id = pl.po_id WHERE p.status <> 'cancelled' "
              "AND pc.cso_line_id IN (SELECT l.id " + SELECTED + ") GROUP BY pc.cso_line_id"), (1, last))
cur.fetchall()
cur.execute(q("SELECT pl.id, p.number, pl.item_id, pl.qty, pl.received, "
              "(SELECT coalesce(sum(pc.qty), 0) FROM po_coverage pc WHERE pc.po_line_id = pl.id) "
              "FROM purchase_order_lines pl JOIN purchase_orders p ON p.id = pl.po_id "
              "WHERE p.status IN ('open', 'partially received') "
              "AND pl.item_id IN (SELECT DISTINCT l.item_id " + SELECTED + ") "
              "ORDER BY p.number, pl.line_no"), (1, last))
cur.fetchall()
cur.execute(q("SELECT i.id, i.sku, i.cost, v.id, v.code FROM items i LEFT JOIN vendors v ON v.id = i.vendor_id "
              "WHERE i.id IN (SELECT DISTINCT l.item_id " + SELECTED + ")"), (1, last))
cur.fetchall()
cur.execute("SELECT max(number) FROM purchase_orders")
cur.fetchall()
numbers = [po[0] for po in rows["pos"]] or [0]
insert_many("INSERT INTO purchase_orders (number, vendor_id, location_id, date, delivery_date, cancel_date, "
            "status, note) VALUES ", 8, rows["pos"])
cur.execute(q("SELECT number, id FROM purchase_orders WHERE number BETWEEN ? AND ?"), (numbers[0], numbers[-1]))
po_ids = dict(cur.fetchall())
insert_many("INSERT INTO purchase_order_lines (po_id, line_no, item_id, qty, received, cost) VALUES ", 6,
            [(po_ids[number], line_no, item, qty, received, cost(price))
             for number, line_no, item, qty, received, price in rows["lines"]])
cur.execute(q("SELECT p.number, pl.line_no, pl.id FROM purchase_order_lines pl "
              "JOIN purchase_orders p ON p.id = pl.po_id "
              "WHERE p.number BETWEEN ? AND ? ORDER BY p.number, pl.line_no"), (numbers[0], numbers[-1]))
line_ids = {(number, line_no): line_id for number, line_no, line_id in cur.fetchall()}
insert_many("INSERT INTO po_coverage (po_line_id, cso_line_id, qty) VALUES ", 3,
            [(line_ids[number, line] if number is not None else line, cso_line, qty)
             for number, line, cso_line, qty in rows["coverage"]])
db.execute("COMMIT") if backend == "sqlite" else db.commit()
print(json.dumps({"floor_seconds": time.perf_counter() - start, "floor_cpu_seconds": time.process_time() - cpu}))
"""
"""The floor: the same reads and the same rows written, with nothing but the driver."""


def build(url: str, csos: int, lines: int, skus: int, vendors: int, seed: int) -> dict:
    """Fill an empty database (migrated here) with the synthetic data set; returns its counts."""
    rng = random.Random(seed)
    engine = make_engine(url)
    upgrade(engine)
    counts: dict[str, int] = {}
    with engine.begin() as conn:

        def put(model, rows: list[dict]) -> None:
            if rows:
                conn.execute(insert(model.__table__), rows)
            counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(rows)

        put(
            Location,
            [{"id": 1, "code": "MAIN", "name": "Main warehouse", "kind": "warehouse", "active": True}]
            + [
                {"id": i + 2, "code": f"S{i + 1:02d}", "name": f"Store {i + 1}", "kind": "store", "active": True}
                for i in range(10)
            ],
        )
        put(Vendor, [{"id": v + 1, "code": f"V{v + 1:03d}", "name": f"Vendor {v + 1}"} for v in range(vendors)])
        put(
            Item,
            [
                {
                    "id": i + 1,
                    "sku": f"SKU{i + 1:05d}",
                    "description": f"Item {i + 1}",
                    "price": Decimal(rng.randint(100, 20000)) / 100,
                    "cost": Decimal(rng.randint(50, 9000)) / 100,
                    "vendor_id": None if i % 20 == 0 else rng.randint(1, vendors),
                }
                for i in range(skus)
            ],
        )
        put(Customer, [{"id": c + 1, "number": f"C{c + 1:04d}", "name": f"Customer {c + 1}"} for c in range(100)])
        put(
            CorporateSaleOrder,
            [
                {
                    "id": n,
                    "number": n,
                    "date": DATE + dt.timedelta(days=n % 30),
                    "status": "open",
                    "billing_customer_id": n % 100 + 1,
                    "shipping_customer_id": n % 100 + 1,
                }
                for n in range(1, csos + 1)
            ],
        )
        cso_lines = [
            {
                "id": (n - 1) * lines + k,
                "cso_id": n,
                "line_no": k,
                "item_id": rng.randint(1, skus),
                "qty": rng.randint(1, 12),
                "price": Decimal("10.00"),
            }
            for n in range(1, csos + 1)
            for k in range(1, lines + 1)
        ]
        put(CsoLine, cso_lines)
        # every 10th CSO partly assigned to a store
        assigned = [line for line in cso_lines if line["cso_id"] % 10 == 0 and line["line_no"] == 1]
        put(
            SaleOrder,
            [
                {
                    "id": i + 1,
                    "number": 5001 + i,
                    "location_id": 2 + i % 10,
                    "date": DATE,
                    "status": "open",
                    "cso_id": line["cso_id"],
                }
                for i, line in enumerate(assigned)
            ],
        )
        put(
            SaleOrderLine,
            [
                {
                    "id": i + 1,
                    "so_id": i + 1,
                    "line_no": 1,
                    "item_id": line["item_id"],
                    "qty": line["qty"],
                    "sold": 0,
                    "price": line["price"],
                    "cso_line_id": line["id"],
                }
                for i, line in enumerate(assigned)
            ],
        )
        # 500 POs already on order (4 lines each, some partly received) for items the CSOs want
        wanted = [line["item_id"] for line in cso_lines[:: max(1, len(cso_lines) // 2000)]]
        put(
            PurchaseOrder,
            [
                {
                    "id": p + 1,
                    "number": 6001 + p,
                    "vendor_id": rng.randint(1, vendors),
                    "location_id": 1,
                    "date": DATE,
                    "status": "open" if p % 3 else "partially received",
                }
                for p in range(500)
            ],
        )
        po_lines = []
        for p in range(500):
            for k in range(1, 5):
                qty = rng.randint(5, 40)
                po_lines.append(
                    {
                        "id": p * 4 + k,
                        "po_id": p + 1,
                        "line_no": k,
                        "item_id": wanted[(p * 4 + k) % len(wanted)],
                        "qty": qty,
                        "received": rng.randint(0, qty // 2) if p % 3 == 0 else 0,
                        "cost": Decimal("5.00"),
                    }
                )
        put(PurchaseOrderLine, po_lines)
        counts[PoCoverage.__tablename__] = 0
        if engine.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for model in TABLES:
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{model.__tablename__}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {model.__tablename__}), 0) + 1, false)"
                    )
                )
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return counts


def written_rows(url: str, first_number: int) -> dict[str, list]:
    """The POs, PO lines and coverage rows a run wrote, as JSON values for the floor (new lines by PO number)."""
    engine = make_engine(url)
    with engine.connect() as conn:
        pos = [
            [n, v, loc, str(d), str(dd), str(cd), s, note]
            for n, v, loc, d, dd, cd, s, note in conn.execute(
                text(
                    "SELECT number, vendor_id, location_id, date, delivery_date, cancel_date, status, note "
                    "FROM purchase_orders WHERE number >= :first ORDER BY number"
                ),
                {"first": first_number},
            )
        ]
        lines = [
            [n, ln, i, q, r, f"{Decimal(c):.2f}"]
            for n, ln, i, q, r, c in conn.execute(
                text(
                    "SELECT p.number, l.line_no, l.item_id, l.qty, l.received, l.cost FROM purchase_order_lines l "
                    "JOIN purchase_orders p ON p.id = l.po_id WHERE p.number >= :first ORDER BY p.number, l.line_no"
                ),
                {"first": first_number},
            )
        ]
        coverage = [
            [n if n >= first_number else None, ln if n >= first_number else line_id, cso_line, q]
            for n, ln, line_id, cso_line, q in conn.execute(
                text(
                    "SELECT p.number, l.line_no, l.id, c.cso_line_id, c.qty FROM po_coverage c "
                    "JOIN purchase_order_lines l ON l.id = c.po_line_id JOIN purchase_orders p ON p.id = l.po_id "
                    "ORDER BY c.id"
                )
            )
        ]
    engine.dispose()
    return {"pos": pos, "lines": lines, "coverage": coverage}


def measure(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of a whole child process."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True, env=env)
    code, seconds, peak = out.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"command failed: {' '.join(command)}")
    return float(seconds), int(peak)


def child_json(script: str, args: list[str], env: dict[str, str]) -> tuple[dict, float]:
    """Run a Python script in a child process; the JSON document it prints and the child's wall seconds."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}): {done.stderr}")
    return json.loads(done.stdout), seconds


class SqliteCopies:
    """Fresh copies of the built SQLite database, one per measured run."""

    backend = "sqlite"

    def __init__(self, folder: Path):
        self.folder = folder
        self.source = folder / "source.db"
        self.url = f"sqlite:///{self.source}"
        self._count = 0

    def copy(self) -> tuple[str, str]:
        """(SQLAlchemy URL, driver target) of a new copy of the source database."""
        self._count += 1
        path = self.folder / f"copy{self._count}.db"
        shutil.copy(self.source, path)
        return f"sqlite:///{path}", str(path)


class PostgresCopies:
    """Fresh copies (CREATE DATABASE ... TEMPLATE) of the built PostgreSQL database, one per run."""

    backend = "postgresql"

    def __init__(self, server_uri: str):
        self.server = make_url(server_uri)
        self.admin = make_engine(self._url("postgres"), isolation_level="AUTOCOMMIT")
        self._count = 0
        self._create("xmart_po_source", None)
        self.url = self._url("xmart_po_source")

    def _url(self, database: str) -> str:
        return self.server.set(database=database).render_as_string(hide_password=False)

    def _create(self, name: str, template: str | None) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))

    def copy(self) -> tuple[str, str]:
        """(SQLAlchemy URL, driver target) of a new copy of the source database."""
        self._count += 1
        name = f"xmart_po_copy{self._count}"
        self._create(name, "xmart_po_source")
        url = self._url(name)
        return url, url


@contextmanager
def postgres_server(folder: Path) -> Iterator[str]:
    """A private PostgreSQL server (pgserver) in `folder`; its URI."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    server = pgserver.get_server(folder / "pgdata", cleanup_mode="stop")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()


def one_run(copies, csos: int, folder: Path, env: dict[str, str]) -> dict:
    """Command, process and floor, each on its own copy; their figures."""
    url, _ = copies.copy()
    command_seconds, peak_kib = measure(
        [
            sys.executable,
            "-m",
            "xmart",
            "--db",
            url,
            "purchase-orders",
            "--by-number",
            "1",
            str(csos),
            "--delivery",
            DELIVERY,
            "--cancel",
            CANCEL,
            "--json",
        ],
        env,
    )
    rows = written_rows(url, 7001)
    rows_file = folder / "rows.json"
    rows_file.write_text(json.dumps(rows))
    process_url, _ = copies.copy()
    process, _ = child_json(PROCESS, [process_url, str(csos), DELIVERY, CANCEL], env)
    _, target = copies.copy()
    floor, floor_command_seconds = child_json(FLOOR, [copies.backend, target, str(rows_file), str(csos)], env)
    written = len(rows["pos"]) + len(rows["lines"]) + len(rows["coverage"])
    return {
        "command_seconds": round(command_seconds, 3),
        "process_seconds": round(process["process_seconds"], 3),
        "json_seconds": round(process["json_seconds"], 3),
        "floor_seconds": round(floor["floor_seconds"], 3),
        "floor_command_seconds": round(floor_command_seconds, 3),
        "ratio_process_to_floor": round(process["process_seconds"] / floor["floor_seconds"], 2),
        "process_cpu_seconds": round(process["process_cpu_seconds"], 3),
        "floor_cpu_seconds": round(floor["floor_cpu_seconds"], 3),
        "ratio_cpu": round(process["process_cpu_seconds"] / floor["floor_cpu_seconds"], 2),
        "ratio_command_to_floor_command": round(command_seconds / floor_command_seconds, 2),
        "purchase_orders": len(rows["pos"]),
        "po_lines_written": len(rows["lines"]),
        "coverage_rows_written": len(rows["coverage"]),
        "rows_written_per_second": round(written / process["process_seconds"]),
        "command_peak_rss_mb": round(peak_kib / 1024, 1),
        "process_peak_rss_mb": round(process["peak_rss_kib"] / 1024, 1),
    }


def main() -> None:
    """Build the data set, measure `--runs` runs, print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csos", type=int, default=10_000)
    parser.add_argument("--lines", type=int, default=5)
    parser.add_argument("--skus", type=int, default=20_000)
    parser.add_argument("--vendors", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=3, help="measured runs, each on fresh copies (default 3)")
    parser.add_argument("--postgres", action="store_true", help="on a private PostgreSQL server (pgserver)")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (SQLite databases)")
    parser.add_argument("--build-only", action="store_true", help="only build the database (for profiling)")
    args = parser.parse_args()

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="xmart-po-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"PYTHONPATH": str(SRC), "XMART_DATA_DIR": str(folder / "data")}
    try:
        with postgres_server(folder) if args.postgres else _nothing() as server_uri:
            copies: SqliteCopies | PostgresCopies = PostgresCopies(server_uri) if server_uri else SqliteCopies(folder)
            if isinstance(copies, SqliteCopies):
                copies.source.unlink(missing_ok=True)
            start = time.perf_counter()
            counts = build(copies.url, args.csos, args.lines, args.skus, args.vendors, args.seed)
            build_seconds = time.perf_counter() - start
            if args.build_only:
                summary = {"database": copies.url, "build_seconds": round(build_seconds, 2), **counts}
                print(json.dumps(summary, indent=2))
                return
            runs = [one_run(copies, args.csos, folder, env) for _ in range(args.runs)]
            if isinstance(copies, PostgresCopies):
                copies.admin.dispose()
        median = {
            key: statistics.median(run[key] for run in runs)
            for key in runs[0]
            if key.startswith("ratio") or key.endswith(("seconds", "mb", "per_second"))
        }
        print(
            json.dumps(
                {
                    "database": "postgresql" if args.postgres else "sqlite",
                    "csos": args.csos,
                    "cso_lines": counts["cso_lines"],
                    "skus": args.skus,
                    "vendors": args.vendors,
                    "open_po_lines": counts["purchase_order_lines"],
                    "build_seconds": round(build_seconds, 2),
                    "median": median,
                    "runs": runs,
                },
                indent=2,
            )
        )
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


if __name__ == "__main__":
    main()
