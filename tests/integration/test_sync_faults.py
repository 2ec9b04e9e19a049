"""Store sync under faults (DOMAIN.md section 6; issue 14): 50 stores, every package duplicated, shuffled,
some delayed, one truncated, one with a flipped byte, one signed with the wrong key.

The refused packages are refused whole (kept in `refused/` with their reason, nothing of them
applied); the rest end in exactly the state of applying each package once, in order: every table
compared (surrogate ids, document numbers the Main gives in arrival order and record times aside),
nothing doubled, nothing lost. SQLite databases, one per store and two Mains (in order, faulty).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

import xmart.models  # noqa: F401
from tests.support.db import load
from tests.support.security import HEAD_SETTING
from xmart.models import Invoice, SyncPackage
from xmart.models.base import Base
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.assign import AssignParams, assign_orders
from xmart.processes.invoicing import invoice
from xmart.processes.order_status import cancel_sale_order
from xmart.processes.selection import CsoRange
from xmart.processes.stock_count import set_on_hand
from xmart.processes.sync.export import export_packages
from xmart.processes.sync.folders import packages_in
from xmart.processes.sync.importing import import_packages
from xmart.processes.sync.keys import make_store_key, setup_store
from xmart.processes.sync.package_format import Package, encode

STORES = tuple(f"S{n:02d}" for n in range(1, 51))
TODAY = dt.date(2026, 11, 21)


def network(stores: tuple[str, ...]) -> dict:
    """Store i holds SKU K<i> in overstock: CSO i (K<i> x 4, K<i+1> x 2) gets an SO at store i and one at i+1."""
    skus = [f"K{code[1:]}" for code in stores]
    return {
        "locations": [{"code": "MAIN", "name": "Main", "kind": "warehouse", "active": True}]
        + [{"code": code, "name": f"Store {code}", "kind": "store", "active": True} for code in stores],
        "vendors": [{"code": "V1", "name": "Vendor"}],
        "items": [
            {"sku": sku, "description": f"Item {sku}", "price": "12.50", "cost": "5.00", "vendor": "V1"} for sku in skus
        ],
        "stock": [
            {"location": code, "sku": sku, "on_hand": 10 if i == j else 0, "minimum": 0, "maximum": 10}
            for i, code in enumerate(stores)
            for j, sku in enumerate(skus)
            if j in (i, (i - 1) % len(stores))
        ],
        "customers": [{"number": "C1", "name": "Ada Lovelace"}],
        "corporate_sale_orders": [
            {
                "number": 1001 + i,
                "date": "2026-11-02",
                "status": "open",
                "billing_customer": "C1",
                "global_discount": "2.50",
                "lines": [
                    {"sku": skus[i], "qty": 4, "price": "12.50", "discount": "10.00"},
                    {"sku": skus[(i + 1) % len(stores)], "qty": 2, "price": "12.50"},
                ],
                "payments": [{"type": "cash", "amount": "3.00"}],
            }
            for i in range(len(stores))
        ],
    }


def table_rows(engine: Engine) -> dict[str, list[str]]:
    """Every table's rows, comparable across two databases that got the same packages in another order.

    Left aside: the audit log and its head mark (times; refusals are audited), record times, surrogate
    ids and numbers of rows made while applying (invoices get the Main's next number in arrival order),
    refused packages.
    """
    with engine.connect() as connection:
        invoices = {
            row.id: (row.location_id, row.store_invoice) for row in connection.execute(select(Invoice.__table__))
        }
        result: dict[str, list[str]] = {}
        for name, table in sorted(Base.metadata.tables.items()):
            if name == "audit_log":
                continue
            rows = []
            for row in connection.execute(select(table)).mappings():
                data = {k: v for k, v in row.items() if k not in ("created_at", "recorded_at")}
                if name == "settings" and data.get("key") == HEAD_SETTING:
                    continue  # the audit log's head mark: left aside with the log
                if name == "invoices":
                    data = {k: v for k, v in data.items() if k not in ("id", "number")}
                elif name == "invoice_lines":
                    data["invoice_id"] = invoices[data["invoice_id"]]
                    del data["id"]
                elif name in ("sync_conflicts", "sync_packages"):
                    if data.get("status") == "refused":
                        continue
                    data.pop("file_name", None)
                    del data["id"]
                rows.append(repr(sorted(data.items())))
            result[name] = sorted(rows)
    return result


def copy_db(source: Path, target: Path) -> str:
    """Copy an SQLite database file (checkpointed) and return its URL."""
    shutil.copy(source, target)
    return f"sqlite:///{target}"


@pytest.fixture
def fifty_stores(tmp_path, sqlite_template):
    """The Main after exporting, and each store's two packages (A: first sales; B: later ones, A not acknowledged)."""
    main_path = tmp_path / "main.db"
    main = make_engine(copy_db(sqlite_template, main_path))
    load(main, network(STORES))
    keys = tmp_path / "keys"
    keys.mkdir()
    for code in STORES:
        with UnitOfWork(main) as uow:
            make_store_key(uow, code, keys / code)
    with UnitOfWork(main) as uow:
        assign_orders(AssignParams(range=CsoRange.by_number(1001, 1050), today=TODAY), uow)
    with UnitOfWork(main) as uow:
        cancelled = _an_so_of(uow, "S07")
    with UnitOfWork(main) as uow:
        cancel_sale_order(uow, cancelled)  # the store hears of it before it sells
    main_out = tmp_path / "main-out"
    with UnitOfWork(main) as uow:
        export_packages(uow, main_out)
    store_packages: dict[str, list[Path]] = {}
    for index, code in enumerate(STORES):
        store = make_engine(copy_db(sqlite_template, tmp_path / f"{code}.db"))
        with UnitOfWork(store) as uow:
            setup_store(uow, code, keys / code)
        load(store, {"vendors": [{"code": "V1", "name": "Vendor"}]})
        inbox = tmp_path / f"in-{code}"
        inbox.mkdir()
        for path in packages_in(main_out):
            if path.name.endswith(f"_to_{code}_00000001.xsync"):
                shutil.copy(path, inbox / path.name)
        with UnitOfWork(store) as uow:
            assert import_packages(uow, inbox).count("applied") == 1
        sos = _open_lines(store)
        for _number, sku, _qty in sos:  # the store counts what it holds before selling
            with UnitOfWork(store) as uow:
                set_on_hand(uow, sku, 10)
        out = tmp_path / f"out-{code}"
        for round_no in (0, 1):
            for number, sku, qty in sos:
                if qty > round_no:
                    with UnitOfWork(store) as uow:
                        invoice(uow, number, sku, 1, today=TODAY)
            if sos:
                with UnitOfWork(store) as uow:
                    set_on_hand(uow, sos[0][1], 20 + index + round_no)
            with UnitOfWork(store) as uow:
                export_packages(uow, out, now=dt.datetime(2026, 11, 22, 9, round_no, tzinfo=dt.UTC))
        store_packages[code] = packages_in(out)
        assert len(store_packages[code]) == 2
        store.dispose()
    main.dispose()
    return main_path, keys, store_packages


def _an_so_of(uow: UnitOfWork, store: str) -> int:
    from xmart.models import Location, SaleOrder

    return uow.session.scalar(
        select(SaleOrder.number)
        .join(Location, Location.id == SaleOrder.location_id)
        .where(Location.code == store)
        .limit(1)
    )


def _open_lines(engine: Engine) -> list[tuple[int, str, int]]:
    """(SO number, SKU, qty) of the store's open SO lines."""
    from xmart.models import Item, SaleOrder, SaleOrderLine

    with UnitOfWork(engine) as uow:
        return [
            tuple(row)
            for row in uow.session.execute(
                select(SaleOrder.number, Item.sku, SaleOrderLine.qty)
                .join(SaleOrderLine, SaleOrderLine.so_id == SaleOrder.id)
                .join(Item, Item.id == SaleOrderLine.item_id)
                .where(SaleOrder.status == "open")
                .order_by(SaleOrder.number, SaleOrderLine.line_no)
            )
        ]


def resign(data: bytes, key: bytes, change) -> bytes:
    """The package `data` with its content changed by `change` and signed again with `key` (a forgery)."""
    document = json.loads(data)
    content = document["content"]
    change(content)
    package = Package(
        document["sender"],
        document["receiver"],
        document["sequence"],
        dt.datetime.fromisoformat(document["created"][:-1]).replace(tzinfo=dt.UTC),
        content,
    )
    return encode(package, key)


def test_duplicated_shuffled_delayed_and_damaged_packages_end_in_the_in_order_state(fifty_stores, tmp_path):
    main_path, keys, store_packages = fifty_stores
    in_order = make_engine(copy_db(main_path, tmp_path / "in-order.db"))
    faulty = make_engine(copy_db(main_path, tmp_path / "faulty.db"))
    before = table_rows(faulty)

    # in order: each store's A then B, store by store (without the three A packages damaged below);
    # complete: every package in order, the damaged ones too
    complete = make_engine(copy_db(main_path, tmp_path / "complete.db"))
    for engine, skip in ((in_order, {"S03", "S04", "S05"}), (complete, set())):
        inbox = tmp_path / f"inbox-{len(skip)}"
        inbox.mkdir()
        for code in STORES:
            for index, path in enumerate(store_packages[code]):
                if index == 0 and code in skip:
                    continue
                shutil.copy(path, inbox / path.name)
                with UnitOfWork(engine) as uow:
                    assert import_packages(uow, inbox).count("applied") == 1

    # faulty: every intact package twice, shuffled, a third of them delayed to a second import;
    # the only copies of three A packages damaged: truncated, one byte flipped, signed with another key
    rng = random.Random(14)
    damaged = {
        "S03": store_packages["S03"][0].read_bytes()[:-40],
        "S04": _flip_digit(store_packages["S04"][0].read_bytes()),
        "S05": resign(
            store_packages["S05"][0].read_bytes(),
            bytes(32),
            lambda content: content["invoices"].append(
                {"id": 999, "date": "2026-11-21", "lines": content["invoices"][0]["lines"]}
            ),
        ),
    }
    deliveries: list[tuple[str, bytes]] = []
    for code in STORES:
        for index, path in enumerate(store_packages[code]):
            if index == 0 and code in damaged:
                deliveries.append((path.name, damaged[code]))
            else:
                deliveries += [(path.name, path.read_bytes()), (path.name, path.read_bytes())]
    rng.shuffle(deliveries)
    cut = len(deliveries) * 2 // 3
    outcomes: list[str] = []
    for batch in (deliveries[:cut], deliveries[cut:]):
        folder = tmp_path / "faulty-inbox"
        folder.mkdir(exist_ok=True)
        for n, (name, data) in enumerate(batch):
            (folder / f"{n:04d}-{name}").write_bytes(data)
        with UnitOfWork(faulty) as uow:
            result = import_packages(uow, folder)
        outcomes += [o.outcome for o in result.outcomes]
        assert not packages_in(folder)

    assert outcomes.count("refused") == 3
    assert outcomes.count("applied") == 2 * len(STORES) - 3
    assert outcomes.count("duplicate") == len(deliveries) - outcomes.count("applied") - 3
    assert len(list((tmp_path / "faulty-inbox" / "refused").iterdir())) == 3
    with UnitOfWork(faulty) as uow:
        reasons = dict(
            uow.session.execute(
                select(SyncPackage.peer, SyncPackage.reason).where(SyncPackage.status == "refused")
            ).all()
        )
    assert "truncated" in reasons[""]
    assert "digest" in reasons["S04"] and "tag" in reasons["S05"]

    expected = table_rows(in_order)
    assert table_rows(faulty) == expected
    assert expected != before  # the packages did change things: invoices, stock, statuses
    # nothing lost: every package B carried what its A did (A was not acknowledged yet)
    everything = table_rows(complete)
    assert {k: v for k, v in everything.items() if k != "sync_packages"} == {
        k: v for k, v in expected.items() if k != "sync_packages"
    }
    assert result.waiting == {"S03": 1, "S04": 1, "S05": 1}  # their package 1 never arrived intact
    with UnitOfWork(faulty) as uow:
        assert uow.session.scalar(select(Invoice.id).where(Invoice.store_invoice == 999)) is None
    for engine in (in_order, faulty, complete):
        engine.dispose()


def _flip_digit(data: bytes) -> bytes:
    """`data` with one digit of its content changed (still valid JSON)."""
    position = data.index(b'"on_hand":') + len(b'"on_hand":')
    digit = data[position : position + 1]
    return data[:position] + (b"7" if digit != b"7" else b"8") + data[position + 1 :]
