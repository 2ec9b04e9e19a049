"""The `purchase-orders`, `receive` and `invoice` commands (INTERFACE.md), on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_purchase_orders import EXPECTED, count, cso, load, po, setup, so

from xmart.errors import XmartError
from xmart.models import CorporateSaleOrder, PoCoverage, PurchaseOrder
from xmart.models.db import UnitOfWork, make_engine

cli_main = importlib.import_module("xmart.cli.main")  # the package exports a `main` function of that name
SRC = Path(__file__).resolve().parents[2] / "src"
PO_ARGS = ["purchase-orders", "--by-number", "1000", "1999", "--delivery", "2026-12-01", "--cancel", "2026-12-15"]


@pytest.fixture
def xmart(db_url, engine, monkeypatch, capsys):
    """Run `xmart --db URL ...` in this process; returns (exit status, stdout, stderr). Engines are disposed."""
    made = []

    def tracked(url, **kwargs):
        made.append(make_engine(url, **kwargs))
        return made[-1]

    monkeypatch.setattr("xmart.models.db.make_engine", tracked)
    monkeypatch.setattr(cli_main, "setup_logging", lambda: None)

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = cli_main.main(["--db", db_url, *argv])
        out, err = capsys.readouterr()
        return status, out, err

    yield run
    for made_engine in made:
        made_engine.dispose()


def interface_data(engine) -> None:
    """The data behind EXPECTED (see test_purchase_orders)."""
    setup(engine, cso(1001, ("A100", 6), ("B200", 2)), cso(1002, ("D400", 3), ("A100", 4), ("C300", 1)))


def test_purchase_orders_json_is_the_interface_document(engine, xmart):
    interface_data(engine)
    status, out, err = xmart(*PO_ARGS, "--json")
    assert (status, err) == (0, "")
    assert json.loads(out) == EXPECTED
    assert count(engine, PurchaseOrder) == 2


def test_dry_run_prints_the_same_json_and_writes_nothing(engine, xmart):
    interface_data(engine)
    status, dry, _ = xmart(*PO_ARGS, "--dry-run", "--json")
    assert status == 0 and count(engine, PurchaseOrder) == 0 and count(engine, PoCoverage) == 0
    status, real, _ = xmart(*PO_ARGS, "--json")
    assert status == 0 and json.loads(dry) == json.loads(real) == EXPECTED


def test_human_summary(engine, xmart):
    interface_data(engine)
    status, out, _ = xmart(*PO_ARGS)
    assert status == 0
    assert "Created 2 purchase orders (7001-7002): 3 lines, 15 units." in out
    assert "Skipped, no vendor: C300." in out
    status, out, _ = xmart(*PO_ARGS, "--dry-run")
    assert "Would create 0 purchase orders" in out and "Dry run: nothing was written." in out


def test_by_date_selection(engine, xmart):
    setup(engine, cso(1001, ("A100", 1), date="2026-10-01"), cso(1002, ("A100", 2), date="2026-11-05"))
    status, out, _ = xmart(
        "purchase-orders",
        "--by-date",
        "2026-11-01",
        "2026-11-30",
        "--delivery",
        "2026-12-01",
        "--cancel",
        "2026-12-01",
        "--json",
    )
    assert status == 0
    assert json.loads(out)["purchase_orders"][0]["lines"][0]["covers"] == [{"corporate_order": 1002, "qty": 2}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--by-number", "1999", "1000", "--delivery", "2026-12-01", "--cancel", "2026-12-15"],
            "greater than the last",
        ),
        (
            ["--by-number", "1000", "1999", "--delivery", "2026-12-01", "--cancel", "2026-11-30"],
            "The cancel date (2026-11-30) is before the delivery date (2026-12-01).",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(engine, xmart, args, message):
    interface_data(engine)
    status, out, err = xmart("purchase-orders", *args, "--json")
    assert (status, out) == (2, "")
    assert message in err and err.count("\n") == 1
    assert count(engine, PurchaseOrder) == 0


def test_cancel_before_delivery_in_a_real_process_exits_2(db_url, engine):
    interface_data(engine)
    env = os.environ | {"PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "xmart",
            "--db",
            db_url,
            "purchase-orders",
            "--by-number",
            "1000",
            "1999",
            "--delivery",
            "2026-12-01",
            "--cancel",
            "2026-11-30",
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "xmart: The cancel date (2026-11-30) is before the delivery date (2026-12-01).\n"
    assert count(engine, PurchaseOrder) == 0


def test_a_print_failure_keeps_the_saved_purchase_orders(engine, xmart, monkeypatch, tmp_path):
    interface_data(engine)
    calls = []

    def failing(engine_, kind, numbers, target, backend=None):
        calls.append((kind, list(numbers)))
        raise XmartError("The printer is out of paper.")

    from xmart.processes import document_printing

    monkeypatch.setattr(document_printing, "print_documents", failing)
    status, out, err = xmart(*PO_ARGS, "--print", "--pdf-dir", str(tmp_path), "--json")
    assert status == 1
    assert calls == [("po", [7001, 7002])]
    assert "out of paper" in err and json.loads(out) == EXPECTED
    assert count(engine, PurchaseOrder) == 2


def test_receive_command(engine, xmart):
    setup(engine, pos=(po(6900, "V1", ("A100", 10, 0), ("B200", 2, 0)),))
    status, out, _ = xmart("receive", "6900", "--sku", "A100", "--qty", "4")
    assert status == 0 and "Received 4 units on PO 6900 at MAIN; the PO is now partially received." in out
    status, _, err = xmart("receive", "6900", "--sku", "A100", "--qty", "7")
    assert status == 2 and err == "xmart: PO 6900 has only 6 units of A100 left to receive; cannot receive 7.\n"
    status, _, err = xmart("receive", "6900", "--sku", "A100")
    assert status == 2 and "Give both the SKU and the quantity" in err
    status, out, _ = xmart("receive", "6900")
    assert status == 0 and "Received 8 units on PO 6900 at MAIN; the PO is now received." in out


def test_invoice_command(engine, xmart):
    setup(
        engine,
        {
            "number": 1001,
            "date": "2026-11-02",
            "status": "assigned",
            "billing_customer": "C001",
            "lines": [{"sku": "A100", "qty": 2}],
        },
        sos=(so(5001, 1001, ("A100", 2, 1)),),
    )
    load(engine, {"stock": [{"location": "S01", "sku": "A100", "on_hand": 5}]})
    status, _, err = xmart("invoice", "5001", "--sku", "A100", "--qty", "3")
    assert status == 2 and err == "xmart: SO 5001 has only 2 units of A100 left to sell; cannot sell 3.\n"
    status, out, _ = xmart("invoice", "5001", "--sku", "A100", "--qty", "2")
    assert status == 0
    assert "Invoice 1 at S01: 2 x A100 sold on SO 5001 (now sold); 3 left on hand." in out
    with UnitOfWork(engine) as uow:
        assert uow.session.query(CorporateSaleOrder.status).scalar() == "completed"
