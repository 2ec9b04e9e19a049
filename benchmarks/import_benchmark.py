"""Benchmark of `xmart import` on a large seeded document (SQLite file, optionally PostgreSQL).

Generates an import document with a seeded generator: 50 locations, 200 vendors, 20,000 items,
100,000 stock rows, 1,000 customers, salesmen, channels, custom fields, N CSOs of about 5 lines
(a third paid by card, the rest cash) and some POs. Then, each on its own copy of an empty migrated
database, it measures:

- **import**: `import_document` in this process (the import itself: check, write, commit);
- **command**: the whole `xmart --db URL import FILE` as a child process (interpreter start, schema
  check, reading the JSON file, the import, commit);
- **floor**: bare `sqlite3` `executemany` of the same rows into the same schema, one transaction,
  same pragmas (WAL, synchronous=FULL, foreign keys), ids precomputed: no checking at all.

Prints one JSON document. Run from the repository root:
`PYTHONPATH=src python benchmarks/import_benchmark.py [--csos N] [--postgres] [--seed S]`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import keyring
import keyring.backend

from xmart.models.db import UnitOfWork, make_engine
from xmart.models.migrate import upgrade
from xmart.processes.importer import import_document, read_document

SRC = Path(__file__).resolve().parents[1] / "src"
CARD = "4111111111111111"
ADDRESS = ("line1", "line2", "city", "region", "postal_code", "country")


def generate(csos: int, pos: int, seed: int) -> dict[str, Any]:
    """The seeded import document (INTERFACE.md format)."""
    rng = random.Random(seed)
    locations = [{"code": "MAIN", "name": "Main warehouse", "kind": "warehouse"}] + [
        {"code": f"S{i:02d}", "name": f"Store {i}", "kind": "store"} for i in range(1, 50)
    ]
    vendors = [{"code": f"V{i:03d}", "name": f"Vendor {i}"} for i in range(200)]
    items = [
        {
            "sku": f"SKU{i:05d}",
            "description": f"Item number {i}",
            "price": f"{rng.randint(100, 9999) / 100:.2f}",
            "cost": f"{rng.randint(50, 4999) / 100:.2f}",
            **({"vendor": f"V{i % 200:03d}"} if i % 20 else {}),
        }
        for i in range(20_000)
    ]
    stock = [
        {"location": loc["code"], "sku": item["sku"], "on_hand": rng.randint(0, 50), "minimum": 2, "maximum": 60}
        for item in items
        for loc in rng.sample(locations, 5)
    ]
    customers = [
        {
            "number": f"C{i:05d}",
            "name": f"Customer {i}",
            "company": f"Company {i % 97}",
            "email": f"c{i}@example.com",
            "phone": "+1 518 555 0100",
            "billing_address": {
                "line1": f"{i} Main St",
                "city": "Albany",
                "region": "NY",
                "postal_code": "12207",
                "country": "US",
            },
            **(
                {
                    "shipping_address": {
                        "line1": f"{i} Dock Rd",
                        "city": "Troy",
                        "region": "NY",
                        "postal_code": "12180",
                        "country": "US",
                    }
                }
                if i % 3 == 0
                else {}
            ),
        }
        for i in range(1_000)
    ]
    orders = []
    for n in range(1, csos + 1):
        lines = [
            {
                "sku": sku,
                "qty": rng.randint(1, 6),
                **({"price": "9.99"} if rng.random() < 0.3 else {}),
                "discount": "5.00",
            }
            for sku in (f"SKU{i:05d}" for i in rng.sample(range(20_000), rng.randint(3, 7)))
        ]
        payment = (
            {"type": "card", "amount": "10.00", "card": {"brand": "VISA", "number": CARD, "expiry": "12/29"}}
            if n % 3 == 0
            else {"type": "cash", "amount": "5.00"}
        )
        orders.append(
            {
                "number": n,
                "date": f"2026-11-{n % 28 + 1:02d}",
                "status": "open",
                "billing_customer": f"C{rng.randrange(1_000):05d}",
                "channel": "Phone",
                "salesman": f"SM{n % 10}",
                "global_discount": "2.00",
                "lines": lines,
                "payments": [payment],
                "custom_fields": {"Gift message": f"Order {n}"},
            }
        )
    purchase_orders = [
        {
            "number": 70_000 + n,
            "vendor": f"V{n % 200:03d}",
            "date": "2026-10-20",
            "lines": [{"sku": f"SKU{rng.randrange(20_000):05d}", "qty": 10} for _ in range(4)],
        }
        for n in range(pos)
    ]
    return {
        "locations": locations,
        "vendors": vendors,
        "items": items,
        "stock": stock,
        "customers": customers,
        "salesmen": [{"code": f"SM{i}", "name": f"Salesman {i}", "commission_rate": "2.50"} for i in range(10)],
        "channels": [{"name": "Phone"}],
        "custom_fields": [{"name": "Gift message"}],
        "corporate_sale_orders": orders,
        "purchase_orders": purchase_orders,
    }


def floor_rows(
    doc: dict[str, Any], channels: dict[str, int]
) -> dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]]:
    """The rows the document writes, table by table, with precomputed ids (no checking).

    `channels` are the channels the migrated schema already has (name -> id): the document updates those.
    """

    def ids(records: list[dict[str, Any]], key: str) -> dict[str, int]:
        return {r[key]: i for i, r in enumerate(records, 1)}

    loc, ven, itm = ids(doc["locations"], "code"), ids(doc["vendors"], "code"), ids(doc["items"], "sku")
    cus = ids(doc["customers"], "number")
    sal, cuf = ids(doc["salesmen"], "code"), ids(doc["custom_fields"], "name")
    cha = {**{r["name"]: len(channels) + i for i, r in enumerate(doc["channels"], 1)}, **channels}
    price = {i["sku"]: (i["price"], i["cost"]) for i in doc["items"]}
    customers = {c["number"]: c for c in doc["customers"]}

    def address(c: dict[str, Any], kind: str) -> tuple[str, ...]:
        return tuple(c.get(f"{kind}_address", {}).get(name, "") for name in ADDRESS)

    out: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = {
        "locations": (
            ("id", "code", "name", "kind", "active"),
            [(loc[r["code"]], r["code"], r["name"], r["kind"], 1) for r in doc["locations"]],
        ),
        "vendors": (("id", "code", "name"), [(ven[r["code"]], r["code"], r["name"]) for r in doc["vendors"]]),
        "items": (
            ("id", "sku", "description", "price", "cost", "vendor_id"),
            [
                (itm[r["sku"]], r["sku"], r["description"], r["price"], r["cost"], ven.get(r.get("vendor", "")))
                for r in doc["items"]
            ],
        ),
        "stock": (
            ("location_id", "item_id", "on_hand", "minimum", "maximum"),
            [(loc[r["location"]], itm[r["sku"]], r["on_hand"], r["minimum"], r["maximum"]) for r in doc["stock"]],
        ),
        "customers": (
            (
                "id",
                "number",
                "name",
                "company",
                "email",
                "phone",
                "notes",
                *(f"billing_{a}" for a in ADDRESS),
                *(f"shipping_{a}" for a in ADDRESS),
            ),
            [
                (
                    cus[r["number"]],
                    r["number"],
                    r["name"],
                    r["company"],
                    r["email"],
                    r["phone"],
                    "",
                    *address(r, "billing"),
                    *address(r, "shipping"),
                )
                for r in doc["customers"]
            ],
        ),
        "salesmen": (
            ("id", "code", "name", "commission_rate", "active"),
            [(sal[r["code"]], r["code"], r["name"], r["commission_rate"], 1) for r in doc["salesmen"]],
        ),
        "channels": (("id", "name", "active"), [(cha[r["name"]], r["name"], 1) for r in doc["channels"]]),
        "custom_fields": (
            ("id", "name", "kind", "active"),
            [(cuf[r["name"]], r["name"], "text", 1) for r in doc["custom_fields"]],
        ),
    }
    headers, lines, payments, values = [], [], [], []
    for cso_id, r in enumerate(doc["corporate_sale_orders"], 1):
        c = customers[r["billing_customer"]]
        ship = address(c, "shipping") if any(address(c, "shipping")) else address(c, "billing")
        headers.append(
            (
                cso_id,
                r["number"],
                r["date"],
                r["status"],
                cus[c["number"]],
                cus[c["number"]],
                c["name"],
                c["name"],
                *address(c, "billing"),
                *ship,
                cha[r["channel"]],
                sal[r["salesman"]],
                r["global_discount"],
                "",
                "0.00",
                "",
            )
        )
        lines += [
            (cso_id, n, itm[li["sku"]], li["qty"], li.get("price", price[li["sku"]][0]), li["discount"], 0)
            for n, li in enumerate(r["lines"], 1)
        ]
        for p in r["payments"]:
            card = p["type"] == "card"
            payments.append(
                (
                    cso_id,
                    p["type"],
                    p["amount"],
                    "VISA" if card else None,
                    secrets.token_bytes(44) if card else None,
                    CARD[-4:] if card else None,
                    "12/29" if card else None,
                    None,
                )
            )
        values += [(cso_id, cuf[name], value) for name, value in r["custom_fields"].items()]
    out["corporate_sale_orders"] = (
        (
            "id",
            "number",
            "date",
            "status",
            "billing_customer_id",
            "shipping_customer_id",
            "billing_name",
            "shipping_name",
            *(f"billing_{a}" for a in ADDRESS),
            *(f"shipping_{a}" for a in ADDRESS),
            "channel_id",
            "salesman_id",
            "global_discount",
            "shipping_method",
            "shipping_cost",
            "notes",
        ),
        headers,
    )
    out["cso_lines"] = (("cso_id", "line_no", "item_id", "qty", "price", "discount", "cancelled_qty"), lines)
    out["payments"] = (
        (
            "cso_id",
            "kind",
            "amount",
            "card_brand",
            "card_number_encrypted",
            "card_last4",
            "card_expiry",
            "authorization",
        ),
        payments,
    )
    out["custom_field_values"] = (("cso_id", "field_id", "value"), values)
    pos, po_lines = [], []
    for po_id, r in enumerate(doc["purchase_orders"], 1):
        pos.append((po_id, r["number"], ven[r["vendor"]], loc["MAIN"], r["date"], None, None, "open", ""))
        po_lines += [
            (po_id, n, itm[li["sku"]], li["qty"], 0, price[li["sku"]][1]) for n, li in enumerate(r["lines"], 1)
        ]
    out["purchase_orders"] = (
        ("id", "number", "vendor_id", "location_id", "date", "delivery_date", "cancel_date", "status", "note"),
        pos,
    )
    out["purchase_order_lines"] = (("po_id", "line_no", "item_id", "qty", "received", "cost"), po_lines)
    out["audit_log"] = (("user", "action", "entity", "entity_id", "detail"), [("", "import", "", "", "{}")])
    return out


def run_floor(path: Path, rows: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]]) -> tuple[float, float]:
    """Wall and CPU seconds for bare sqlite3 executemany of `rows` into the database at `path`, one transaction.

    OR REPLACE: the document's channel is one the schema already has (an update, as in the import).
    """
    start = time.perf_counter()
    cpu = time.process_time()
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        db.execute(f"PRAGMA {pragma}")
    db.execute("BEGIN")
    for table, (columns, values) in rows.items():
        db.executemany(
            f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values
        )
    db.execute("COMMIT")
    db.close()
    return time.perf_counter() - start, time.process_time() - cpu


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory keyring, so the benchmark never touches the machine's card key."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def time_import(url: str, path: Path) -> dict[str, float]:
    """Seconds to read the file and to import it (check, write, commit) in this process, wall and CPU."""
    engine = make_engine(url)
    start = time.perf_counter()
    doc = read_document(path)
    read = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    with UnitOfWork(engine) as uow:
        import_document(uow, doc)  # cards sealed under the database's card key (made on the first card)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    engine.dispose()
    return {"read_seconds": round(read, 3), "import_seconds": round(seconds, 3), "import_cpu_seconds": round(cpu, 3)}


def time_command(url: str, path: Path, data_dir: Path) -> float:
    """Wall seconds of the whole `xmart --db URL import FILE` as a child process."""
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "XMART_DATA_DIR": str(data_dir),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "xmart", "--db", url, "import", str(path)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def migrated_sqlite(path: Path) -> None:
    """An empty database at `path` with xmart's schema."""
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


def postgres_urls(folder: Path) -> tuple[Any, list[str]]:
    """A private pgserver and URLs of two fresh migrated databases on it (the tests' approach)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver
    server = pgserver.get_server(folder / "pgdata", cleanup_mode="stop")
    admin = make_engine(
        server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    urls = []
    for name in ("bench_import", "bench_command"):
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        url = admin.url.set(database=name).render_as_string(hide_password=False)
        upgrade(make_engine(url))
        urls.append(url)
    admin.dispose()
    return server, urls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csos", type=int, default=10_000)
    parser.add_argument("--pos", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--postgres", action="store_true", help="also run against a private pgserver instance")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    folder = Path(tempfile.mkdtemp(prefix="xmart-import-bench-"))
    try:
        doc = generate(args.csos, args.pos, args.seed)
        path = folder / "import.json"
        path.write_text(json.dumps(doc))
        migrated_sqlite(folder / "empty.db")
        with sqlite3.connect(folder / "empty.db") as db:
            rows = floor_rows(doc, dict(db.execute("SELECT name, id FROM channels").fetchall()))
        for name in ("floor.db", "import.db", "command.db"):
            shutil.copy(folder / "empty.db", folder / name)
        floor, floor_cpu = run_floor(folder / "floor.db", rows)
        sqlite_figures: dict[str, Any] = time_import(f"sqlite:///{folder / 'import.db'}", path)
        sqlite_figures["command_seconds"] = round(
            time_command(f"sqlite:///{folder / 'command.db'}", path, folder / "data"), 3
        )
        sqlite_figures["floor_seconds"] = round(floor, 3)
        sqlite_figures["floor_cpu_seconds"] = round(floor_cpu, 3)
        sqlite_figures["ratio_to_floor"] = round(sqlite_figures["import_seconds"] / floor, 2)
        total = sum(len(values) for _, values in rows.values())
        sqlite_figures["rows_per_second"] = round(total / sqlite_figures["import_seconds"])
        report: dict[str, Any] = {
            "csos": args.csos,
            "rows_written": total,
            "rows": {table: len(values) for table, (_, values) in rows.items()},
            "document_mb": round(path.stat().st_size / 1e6, 1),
            "sqlite": sqlite_figures,
        }
        if args.postgres:
            server, (import_url, command_url) = postgres_urls(folder)
            try:
                pg: dict[str, Any] = time_import(import_url, path)
                pg["command_seconds"] = round(time_command(command_url, path, folder / "data"), 3)
                pg["ratio_to_sqlite_floor"] = round(pg["import_seconds"] / floor, 2)
                report["postgresql"] = pg
            finally:
                server.cleanup()
        print(json.dumps(report, indent=1))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
