"""`xmart demo`: the demo data set passes the importer, has the promised size, is deterministic,
fills only an empty database, and never leaves a card number in clear on disk."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from xmart.cli.main import main
from xmart.config import data_dir
from xmart.errors import InputError
from xmart.models import (
    CorporateSaleOrder,
    Customer,
    Item,
    Location,
    Payment,
    PurchaseOrder,
    SaleOrder,
    SaleOrderLine,
    Stock,
    Vendor,
)
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.cards import luhn_valid, security_code_key
from xmart.processes.demo import NOT_EMPTY, TEST_CARDS, build_demo_document, load_demo
from xmart.processes.importer import import_document
from xmart.processes.selection import CsoRange

TODAY = dt.date(2026, 11, 21)
MONEY = re.compile(r"^\d+\.\d{2}$")


def _counts(engine) -> dict[str, object]:
    with UnitOfWork(engine) as uow:
        s = uow.session
        counts: dict[str, object] = {
            model.__tablename__: s.scalar(select(func.count()).select_from(model))
            for model in (
                Location,
                Vendor,
                Item,
                Stock,
                Customer,
                CorporateSaleOrder,
                SaleOrder,
                PurchaseOrder,
                Payment,
            )
        }
        counts["statuses"] = dict(
            s.execute(select(CorporateSaleOrder.status, func.count()).group_by(CorporateSaleOrder.status)).all()
        )
    return counts


def _assert_sizes(counts: dict[str, object]) -> None:
    assert counts["locations"] >= 4
    assert counts["vendors"] >= 5
    assert 180 <= counts["items"] <= 220
    assert 45 <= counts["customers"] <= 60
    assert 90 <= counts["corporate_sale_orders"] <= 110
    assert len(counts["statuses"]) >= 4, counts["statuses"]


def test_document_passes_the_importer_with_the_promised_sizes(engine):
    doc = build_demo_document(today=TODAY)
    with UnitOfWork(engine) as uow:
        result = import_document(uow, doc)
    assert result.counts["items"] == len(doc["items"])
    counts = _counts(engine)
    _assert_sizes(counts)
    assert {"draft", "open", "on hold", "cancelled"} <= set(counts["statuses"])
    with UnitOfWork(engine) as uow:
        kinds = dict(uow.session.execute(select(Location.code, Location.kind)).all())
        inactive = uow.session.scalars(select(Location.code).where(Location.active.is_(False))).all()
        no_vendor = uow.session.scalar(select(func.count()).select_from(Item).where(Item.vendor_id.is_(None)))
        last4 = set(uow.session.scalars(select(Payment.card_last4).where(Payment.card_last4.is_not(None))))
    assert kinds["MAIN"] == "warehouse" and {"S01", "S02", "S03", "S04", "S05"} <= set(kinds)
    assert len(inactive) == 1
    assert 1 <= no_vendor <= 20
    assert last4 and last4 <= {number[-4:] for _, number in TEST_CARDS}


def test_document_is_deterministic_and_well_formed():
    doc = build_demo_document(2026, TODAY)
    assert doc == build_demo_document(2026, TODAY)
    assert doc != build_demo_document(2027, TODAY)
    for item in doc["items"]:
        assert re.match(r"^[A-Z]{3}-\d{4}$", item["sku"])
        assert MONEY.match(item["price"]) and MONEY.match(item["cost"])
        assert Decimal("0.39") <= Decimal(item["cost"]) / Decimal(item["price"]) <= Decimal("0.61")
    assert len({item["sku"] for item in doc["items"]}) == len(doc["items"])
    names = {c["name"] for c in doc["customers"]}
    assert {"Zoë Ångström", "Łukasz Żółć", "José Núñez"} <= names
    dates = [dt.date.fromisoformat(o["date"]) for o in doc["corporate_sale_orders"]]
    assert TODAY - dt.timedelta(days=31) <= min(dates) and max(dates) < TODAY
    kinds, amounts = set(), []
    for order in doc["corporate_sale_orders"]:
        assert 1 <= len(order["lines"]) <= 6
        for payment in order.get("payments", []):
            kinds.add(payment["type"])
            amounts.append(payment["amount"])
            card = payment.get("card")
            if card:
                assert security_code_key(card) is None and luhn_valid(card["number"])
                assert (card["brand"], card["number"]) in TEST_CARDS
                kinds.add("card on file" if payment["amount"] == "0.00" else "card deposit")
    assert {"card deposit", "card on file", "cash"} <= kinds
    assert all(MONEY.match(a) for a in amounts)
    assert any(o["global_discount"] != "0.00" for o in doc["corporate_sale_orders"])
    assert any(ln["discount"] != "0.00" for o in doc["corporate_sale_orders"] for ln in o["lines"])
    assert doc["sale_orders"] and doc["purchase_orders"]


def test_load_demo_fills_an_empty_database_once(engine):
    summary = load_demo(engine, seed=2026, today=TODAY)
    assert summary.count("corporate_sale_orders") == 100
    assert [name for name, _ in summary.steps] == [
        "Assign",
        "Automatic Purchase Orders",
        "Receiving",
        "Assign again",
        "Invoicing",
    ]
    assert all(what for _, what in summary.steps)
    assert len(summary.lines()) >= 8
    before = _counts(engine)
    _assert_sizes(before)
    with pytest.raises(InputError, match=re.escape(NOT_EMPTY)):
        load_demo(engine, seed=7, today=TODAY)
    assert _counts(engine) == before


def test_cli_demo_populates_the_database_without_card_numbers_on_disk(db_url, capsys):
    assert main(["--db", db_url, "demo"]) == 0
    out = capsys.readouterr().out
    assert "Demo data loaded into" in out and "Assign" in out
    engine = make_engine(db_url)
    try:
        _assert_sizes(_counts(engine))
    finally:
        engine.dispose()

    assert main(["--db", db_url, "demo"]) == 2
    assert NOT_EMPTY in capsys.readouterr().err

    files = [data_dir() / "xmart.log"]
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        database = Path(url.database)
        files += [database, Path(f"{database}-wal")]
    for path in files:
        if not path.exists():
            continue
        content = path.read_bytes()
        for _, number in TEST_CARDS:
            assert number.encode() not in content, f"card number {number} found in {path.name}"
    assert (data_dir() / "xmart.log").exists()


def _spy_processes(monkeypatch, calls: list) -> None:
    """Record each process call the demo flow makes, then run the real process with the same arguments."""
    import xmart.processes.demo as demo

    def spy(name: str, record) -> None:
        real = getattr(demo, name)

        def wrapper(*args, **kwargs):
            calls.append(record(*args, **kwargs))
            return real(*args, **kwargs)

        monkeypatch.setattr(demo, name, wrapper)

    spy("assign_orders", lambda params, uow, **_: ("assign", params.range))
    spy(
        "generate_purchase_orders",
        lambda params, uow, **_: ("purchase-orders", params.range, params.delivery, params.cancel),
    )
    spy("receive", lambda uow, number, *_: ("receive", number))
    spy("invoice", lambda uow, so, sku, qty, *_: ("invoice", so, sku, qty))


def test_load_demo_runs_the_whole_flow_through_the_process_modules(engine, monkeypatch):
    calls: list = []
    _spy_processes(monkeypatch, calls)
    summary = load_demo(engine, seed=2026, today=TODAY)
    first, middle = TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=15)
    rng = CsoRange.by_date(first, middle)
    kinds = [c[0] for c in calls]
    assert kinds[:4] == ["assign", "purchase-orders", "receive", "assign"]
    invoiced = calls[4:]
    assert 1 <= len(invoiced) <= 3 and all(c[0] == "invoice" for c in invoiced)
    assert calls[0] == ("assign", rng) and calls[3] == ("assign", rng)
    assert calls[1] == ("purchase-orders", rng, TODAY + dt.timedelta(days=7), TODAY + dt.timedelta(days=21))

    loaded_pos = {po["number"] for po in build_demo_document(2026, TODAY)["purchase_orders"]}
    with UnitOfWork(engine) as uow:
        s = uow.session
        generated_pos = sorted(set(s.scalars(select(PurchaseOrder.number))) - loaded_pos)
        received = s.scalar(select(PurchaseOrder.status).where(PurchaseOrder.number == calls[2][1]))
        generated_sos = set(s.scalars(select(SaleOrder.number).where(SaleOrder.cso_id.is_not(None))))
        open_left = {
            (so, sku): qty - sold
            for so, sku, qty, sold in s.execute(
                select(SaleOrder.number, Item.sku, SaleOrderLine.qty, SaleOrderLine.sold)
                .join(SaleOrderLine, SaleOrderLine.so_id == SaleOrder.id)
                .join(Item, Item.id == SaleOrderLine.item_id)
            )
        }
        no_vendor = set(s.scalars(select(Item.sku).where(Item.vendor_id.is_(None))))
    assert generated_pos and calls[2] == ("receive", generated_pos[0]) and received == "received"
    invoiced_sos = [c[1] for c in invoiced]
    assert invoiced_sos == sorted(set(invoiced_sos)) and set(invoiced_sos) <= generated_sos
    assert all(open_left[(so, sku)] == 0 and qty > 0 for _, so, sku, qty in invoiced)  # sold what was open

    steps = dict(summary.steps)
    assigned = [int(re.search(r"(\d+) sale orders? sent", steps[t]).group(1)) for t in ("Assign", "Assign again")]
    assert sum(assigned) == len(generated_sos) and assigned[0] > 0
    assert f"{len(generated_pos)} purchase order" in steps["Automatic Purchase Orders"]
    skipped = steps["Automatic Purchase Orders"].partition("skipped (no vendor): ")[2].split(", ")
    assert skipped and set(skipped) <= no_vendor
    assert str(generated_pos[0]) in steps["Receiving"]
    _, so, sku, qty = invoiced[0]
    assert steps["Invoicing"].startswith(f"sold SO {so} {sku} x{qty}")
    assert not any(what.startswith(("skipped", "stopped")) for what in steps.values())
