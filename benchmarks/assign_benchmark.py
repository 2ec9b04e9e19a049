"""Benchmark of `xmart assign` on a large synthetic database, against a bare-sqlite3 floor.

    python benchmarks/assign_benchmark.py [--csos 10000] [--lines 5] [--locations 50] [--skus 20000] [--postgres]

Builds a seeded database (migrated by xmart, filled with the driver's executemany): SQLite by
default, or with --postgres a private PostgreSQL server started with pgserver (as the tests do).
It then times three whole processes the same way, each on its own copy of that database:
- `xmart --db ... assign --by-number 1 N --json` (the real command, schema check included);
- the floor: a bare driver script (sqlite3 or psycopg, xmart's SQLite pragmas) doing what a bare
  implementation must: read the selected CSOs and their lines, what is already assigned, stock,
  pending units, payments and the next SO number; then write the same rows xmart wrote (the SOs with
  the same columns into the same schema and indexes, their ids read back, the SO lines; executemany
  on SQLite, COPY on PostgreSQL, as xmart) and update the CSO statuses, in one transaction. Only the
  allocation's decisions (which CSO lines go to which location, the deposit shares) are given to it,
  read from xmart's result beforehand (a marshal file). The harness checks that it wrote exactly the
  same SOs, SO lines and CSO statuses as xmart and that the per-table row counts moved the same;
- the old floor, still reported, labelled `old_floor_*`: reads every table and inserts only as many
  SO lines as xmart wrote (no SOs, no status updates).
Prints one JSON document: wall and CPU times (CPU of the client process only: on PostgreSQL the
server's work is not in it), rows added per table, rows written per second, peak memory of the
xmart process, and the ratios to both floors (target: within 3x of the floor, peak memory under 500 MB).
"""

from __future__ import annotations

import argparse
import json
import marshal
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
TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(code, seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""

OLD_FLOOR = """
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

OLD_FLOOR_POSTGRES = """
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

FLOOR = """
import gc, marshal, sys
gc.disable()  # as xmart does for a run: no cycles here, only many objects
url, first, last, decisions_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
postgres = url.startswith("postgresql")
if postgres:
    import psycopg
    db = psycopg.connect(url)
    q = lambda sql: sql.replace("?", "%s")
else:
    import sqlite3
    db = sqlite3.connect(url)
    # xmart's connection settings (models/db.py): durability and checks are part of the work
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "secure_delete = ON", "foreign_keys = ON",
                   "cache_size = -65536", "temp_store = MEMORY"):
        db.execute(f"PRAGMA {pragma}")
    q = lambda sql: sql
cur = db.cursor()
def rows(sql, *params):
    cur.execute(q(sql), params)
    return cur.fetchall()
# reads: the selected CSOs, their lines, what is already assigned, stock, pending, payments, next number
selected = ("SELECT id FROM corporate_sale_orders WHERE number BETWEEN ? AND ? "
            "AND status IN ('open', 'partially assigned')")
csos = {r[0]: r for r in rows(
    "SELECT id, number, status, billing_customer_id, shipping_customer_id, global_discount, shipping_cost "
    "FROM corporate_sale_orders WHERE number BETWEEN ? AND ? AND status IN ('open', 'partially assigned') "
    "ORDER BY number", first, last)}
lines = {r[0]: r for r in rows(
    "SELECT l.id, l.cso_id, l.line_no, l.item_id, i.sku, l.qty - l.cancelled_qty, l.price, l.discount "
    f"FROM cso_lines l JOIN items i ON i.id = l.item_id WHERE l.cso_id IN ({selected}) "
    "ORDER BY l.cso_id, l.line_no", first, last)}
already = {r[0]: r for r in rows(
    "SELECT sl.cso_line_id, sum(sl.qty), sum(sl.sold) FROM sale_order_lines sl "
    "JOIN sale_orders so ON so.id = sl.so_id "
    f"WHERE so.status != 'cancelled' AND sl.cso_line_id IN (SELECT id FROM cso_lines WHERE cso_id IN ({selected})) "
    "GROUP BY sl.cso_line_id", first, last)}
locations = dict(rows("SELECT id, code FROM locations WHERE active"))
stock = rows(f"SELECT location_id, item_id, on_hand, minimum FROM stock WHERE item_id IN "
             f"(SELECT item_id FROM cso_lines WHERE cso_id IN ({selected})) AND on_hand > 0", first, last)
pending = rows(
    "SELECT so.location_id, sl.item_id, sum(sl.qty - sl.sold) FROM sale_order_lines sl "
    "JOIN sale_orders so ON so.id = sl.so_id WHERE so.status IN ('open', 'partially sold') AND so.date >= ? "
    f"AND sl.item_id IN (SELECT item_id FROM cso_lines WHERE cso_id IN ({selected})) "
    "GROUP BY so.location_id, sl.item_id", "1969-12-31", first, last)
paid = dict(rows(f"SELECT cso_id, sum(amount) FROM payments WHERE cso_id IN ({selected}) GROUP BY cso_id", first, last))
cards = dict(rows(f"SELECT cso_id, min(id) FROM payments WHERE kind = 'card' AND cso_id IN ({selected}) "
                  "GROUP BY cso_id", first, last))
on_sos = {r[0]: r[1:] for r in rows(f"SELECT cso_id, sum(deposit), sum(total) FROM sale_orders "
                                    "WHERE status != 'cancelled' "
                   f"AND cso_id IN ({selected}) "
                   "GROUP BY cso_id", first, last)}
number = max(5001, (rows("SELECT max(number) FROM sale_orders")[0][0] or 0) + 1)
# what the allocation decided (computed by xmart, given here): per new SO its CSO, location, deposit, total, lines
with open(decisions_path, "rb") as f:
    decisions = marshal.load(f)
date = decisions.pop()
note = "Special Order created automatically from Corporate Sale Order"
so_rows, line_rows, assigned = [], [], {}
for n, (cso_id, location_id, deposit, total, takes) in enumerate(decisions, start=number):
    c = csos[cso_id]
    so_rows.append((n, location_id, date, "open", cso_id, c[3], c[4], c[5], note, cards.get(cso_id), deposit, total))
    for line_no, (cso_line_id, qty) in enumerate(takes, start=1):
        ln = lines[cso_line_id]
        line_rows.append((n, line_no, ln[3], qty, 0, ln[6], ln[7], cso_line_id))
        assigned[cso_id] = assigned.get(cso_id, 0) + qty
so_columns = ("number, location_id, date, status, cso_id, billing_customer_id, shipping_customer_id, "
              "global_discount, note, card_payment_id, deposit, total")
line_columns = "so_id, line_no, item_id, qty, sold, price, discount, cso_line_id"
if postgres:
    with cur.copy(f"COPY sale_orders ({so_columns}) FROM STDIN") as copy:
        for row in so_rows:
            copy.write_row(row)
else:
    cur.executemany(f"INSERT INTO sale_orders ({so_columns}) VALUES ({', '.join(['?'] * 12)})", so_rows)
ids = dict(rows("SELECT number, id FROM sale_orders WHERE number BETWEEN ? AND ?", so_rows[0][0], so_rows[-1][0]))
line_rows = [(ids[r[0]], *r[1:]) for r in line_rows]
if postgres:
    with cur.copy(f"COPY sale_order_lines ({line_columns}) FROM STDIN") as copy:
        for row in line_rows:
            copy.write_row(row)
else:
    cur.executemany(f"INSERT INTO sale_order_lines ({line_columns}) VALUES ({', '.join(['?'] * 8)})", line_rows)
# CSO statuses from ordered / assigned / sold units
ordered, before, sold = {}, {}, {}
for ln in lines.values():
    ordered[ln[1]] = ordered.get(ln[1], 0) + ln[5]
    if ln[0] in already:
        before[ln[1]] = before.get(ln[1], 0) + already[ln[0]][1]
        sold[ln[1]] = sold.get(ln[1], 0) + already[ln[0]][2]
updates = []
for cso_id in assigned:
    total, units, done = ordered.get(cso_id, 0), before.get(cso_id, 0) + assigned[cso_id], sold.get(cso_id, 0)
    status = ("completed" if done >= total else "assigned") if total > 0 and units >= total else \\
        ("partially assigned" if units > 0 else "open")
    if status != csos[cso_id][2]:
        updates.append((status, cso_id))
cur.executemany(q("UPDATE corporate_sale_orders SET status = ? WHERE id = ?"), updates)
db.commit()
db.close()
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
    pending = [(i, rng.randint(1, skus), rng.randint(1, 3)) for i in range(1, 2001)]  # one line of qty x 1.00
    executemany(
        "INSERT INTO sale_orders (id, number, location_id, date, status, global_discount, note, deposit, total) "
        "VALUES (?, ?, ?, '2026-10-01', 'open', 0, '', 0, ?)",
        [(i, 100 + i, rng.randint(1, locations), f"{qty}.00") for i, _, qty in pending],
    )
    executemany(
        "INSERT INTO sale_order_lines (so_id, line_no, item_id, qty, sold, price, discount) "
        "VALUES (?, 1, ?, ?, 0, '1.00', 0)",
        pending,
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


WRITTEN_SOS = (
    "SELECT number, location_id, date, status, cso_id, billing_customer_id, shipping_customer_id, global_discount, "
    "note, card_payment_id, deposit, total FROM sale_orders WHERE cso_id IS NOT NULL ORDER BY number"
)
WRITTEN_LINES = (
    "SELECT so_id, line_no, item_id, qty, sold, price, discount, cso_line_id FROM sale_order_lines "
    "WHERE cso_line_id IS NOT NULL ORDER BY id"
)
CSO_STATUSES = "SELECT id, status FROM corporate_sale_orders ORDER BY id"
DECISIONS = (
    "SELECT so.cso_id, so.location_id, so.deposit, so.total, sl.cso_line_id, sl.qty, so.date FROM sale_orders so "
    "JOIN sale_order_lines sl ON sl.so_id = so.id WHERE so.cso_id IS NOT NULL ORDER BY so.number, sl.line_no"
)


def _table_counts(fetch_all) -> dict[str, int]:
    """{table: rows} of every table, from `fetch_all(sql) -> rows`."""
    names = [row[0] for row in fetch_all(TABLES)]
    return {name: fetch_all(f'SELECT count(*) FROM "{name}"')[0][0] for name in names}


def _diff(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """Rows added per table (only the tables that changed)."""
    return {name: after[name] - before.get(name, 0) for name in after if after[name] != before.get(name, 0)}


def _written(fetch_all) -> tuple:
    """What a run wrote: its SOs and SO lines (ids aside, creation time aside) and every CSO's status."""
    return tuple(tuple(map(tuple, fetch_all(sql))) for sql in (WRITTEN_SOS, WRITTEN_LINES, CSO_STATUSES))


def _save_decisions(fetch_all, path: Path) -> None:
    """What xmart's allocation decided, for the floor: per new SO in number order (CSO id, location id,
    deposit, total, [(CSO line id, units), ...]), then the date; values as text where marshal needs it."""
    decisions: list = []
    date = None
    last = None
    for cso_id, location_id, deposit, total, line_id, qty, so_date in fetch_all(DECISIONS):
        date = so_date
        key = (cso_id, location_id)
        if key != last:
            money = [m if isinstance(m, int | float) else str(m) for m in (deposit, total)]
            decisions.append((cso_id, location_id, *money, []))
            last = key
        decisions[-1][4].append((line_id, qty))
    decisions.append(str(date))
    path.write_bytes(marshal.dumps(decisions))


def _floors(url: str, copies: tuple[str, str], args: argparse.Namespace, decisions: Path, written_lines: int) -> tuple:
    """Time the honest floor on the first copy and the old floor on the second."""
    floor = measure([sys.executable, "-c", FLOOR, copies[0], "1", str(args.csos), str(decisions)])
    old = OLD_FLOOR_POSTGRES if url == "postgresql" else OLD_FLOOR
    old_floor = measure([sys.executable, "-c", old, copies[1], str(written_lines)])
    return floor, old_floor


def run_sqlite(folder: Path, args: argparse.Namespace) -> dict:
    """Build, then time xmart and both floors on three copies of the SQLite database."""
    source = folder / "source.db"
    started = time.perf_counter()
    build_sqlite(source, args)
    build_seconds = time.perf_counter() - started
    for name in ("xmart.db", "floor.db", "old_floor.db"):
        shutil.copy(source, folder / name)

    def fetch_all(name: str):
        db = sqlite3.connect(folder / name)
        return lambda sql: db.execute(sql).fetchall()

    before = _table_counts(fetch_all("source.db"))
    xmart = measure(_assign_command(f"sqlite:///{folder / 'xmart.db'}", args))
    in_xmart = fetch_all("xmart.db")
    _save_decisions(in_xmart, folder / "decisions.marshal")
    added = _diff(before, _table_counts(in_xmart))
    floor, old_floor = _floors(
        "sqlite",
        (str(folder / "floor.db"), str(folder / "old_floor.db")),
        args,
        folder / "decisions.marshal",
        added["sale_order_lines"],
    )
    in_floor = fetch_all("floor.db")
    same = _written(in_xmart) == _written(in_floor) and added == _diff(before, _table_counts(in_floor))
    return _figures("sqlite", args, build_seconds, added, same, xmart, floor, old_floor)


def run_postgres(folder: Path, args: argparse.Namespace) -> dict:
    """Start a private PostgreSQL server, build, then time xmart and both floors on three clones of the database."""
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
            for name in ("bench_xmart", "bench_floor", "bench_old_floor"):
                admin.execute(f"CREATE DATABASE {name} TEMPLATE bench_source")
        build_seconds = time.perf_counter() - started
        pg_tables = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        with psycopg.connect(server.get_uri("bench_source")) as db:
            before = _table_counts(lambda sql: db.execute(pg_tables if sql == TABLES else sql).fetchall())
        xmart_uri = server.get_uri("bench_xmart")
        xmart = measure(_assign_command(xmart_uri.replace("postgresql://", "postgresql+psycopg://", 1), args))
        with psycopg.connect(xmart_uri) as db:

            def in_xmart(sql: str) -> list:
                return db.execute(pg_tables if sql == TABLES else sql).fetchall()

            _save_decisions(in_xmart, folder / "decisions.marshal")
            added = _diff(before, _table_counts(in_xmart))
            written = _written(in_xmart)
        floor, old_floor = _floors(
            "postgresql",
            (server.get_uri("bench_floor"), server.get_uri("bench_old_floor")),
            args,
            folder / "decisions.marshal",
            added["sale_order_lines"],
        )
        with psycopg.connect(server.get_uri("bench_floor")) as db:

            def in_floor(sql: str) -> list:
                return db.execute(pg_tables if sql == TABLES else sql).fetchall()

            same = written == _written(in_floor) and added == _diff(before, _table_counts(in_floor))
    finally:
        server.cleanup()
    return _figures("postgresql", args, build_seconds, added, same, xmart, floor, old_floor)


def _assign_command(url: str, args: argparse.Namespace) -> list[str]:
    return [sys.executable, "-m", "xmart", "--db", url, "assign", "--by-number", "1", str(args.csos), "--json"]


def _figures(
    backend: str,
    args: argparse.Namespace,
    build_seconds: float,
    added: dict[str, int],
    same: bool,
    xmart: tuple[float, int, float],
    floor: tuple[float, int, float],
    old_floor: tuple[float, int, float],
) -> dict:
    (xmart_seconds, peak_kb, xmart_cpu), (floor_seconds, _, floor_cpu) = xmart, floor
    old_seconds, _, old_cpu = old_floor
    return {
        "backend": backend,
        "csos": args.csos,
        "lines_per_cso": args.lines,
        "locations": args.locations,
        "skus": args.skus,
        "build_seconds": round(build_seconds, 2),
        "rows_added_by_xmart": added,
        "sale_orders_written": added.get("sale_orders", 0),
        "sale_order_lines_written": added.get("sale_order_lines", 0),
        "floor_writes_same_rows_and_statuses": same,
        "xmart_seconds": round(xmart_seconds, 3),
        "floor_seconds": round(floor_seconds, 3),
        "ratio_to_floor": round(xmart_seconds / floor_seconds, 2),
        "xmart_cpu_seconds": round(xmart_cpu, 3),
        "floor_cpu_seconds": round(floor_cpu, 3),
        "cpu_ratio_to_floor": round(xmart_cpu / floor_cpu, 2),
        "old_floor_note": "reads every table, inserts only the SO lines (no SOs, no status updates)",
        "old_floor_seconds": round(old_seconds, 3),
        "ratio_to_old_floor": round(xmart_seconds / old_seconds, 2),
        "old_floor_cpu_seconds": round(old_cpu, 3),
        "cpu_ratio_to_old_floor": round(xmart_cpu / old_cpu, 2),
        "rows_written_per_second": round(sum(added.values()) / xmart_seconds),
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
