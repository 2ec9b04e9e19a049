"""SO totals and deposit shares (DOMAIN.md section 4) and the deposit limit (section 3), on both databases.

The issue's examples: a CSO of 3 x 10.05 at three stores, 10 % global discount, paid in full 27.13
printed "Balance due -0.01" on one SO and SO totals adding up to 27.12; a 300.00 deposit on a
200.00 CSO printed "Balance due -50.00".
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.support.db import load, snapshot
from tests.support.documents import write
from tests.support.orders import full_entry, load_orders_data
from tests.support.scenarios import TODAY, run_assign, scenario
from xmart.cli.main import main
from xmart.errors import InputError
from xmart.models import SaleOrder
from xmart.models.db import UnitOfWork
from xmart.processes.document_printing import sale_order_documents
from xmart.processes.documents.data import CompanyInfo
from xmart.processes.documents.sale_order import SaleOrderRenderer
from xmart.processes.importer import import_document
from xmart.processes.order_entry import LineParams, new_order, other_payment, save_sections


def _three_stores_paid_in_full() -> dict:
    doc = scenario(
        {"S01": {"A": (1, 0)}, "S02": {"A": (1, 0)}, "S03": {"A": (1, 0)}},
        [{"global_discount": "10", "lines": [("A", 3, "10.05")], "payments": [{"type": "cash", "amount": "27.13"}]}],
    )
    return doc


def _pdf_text(document) -> str:
    pdf = SaleOrderRenderer(CompanyInfo("xmart")).render(document)
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_three_stores_paid_in_full_totals_add_up_to_the_cso_and_no_balance_is_negative(engine):
    load(engine, _three_stores_paid_in_full())
    result = run_assign(engine)
    with UnitOfWork(engine) as uow:
        documents = sale_order_documents(uow.session, [so.number for so in result.sale_orders])
    for document in documents:
        text = _pdf_text(document)
        assert "Balance due 0.00" in text and "-0.01" not in text.replace("Discount (10%), shipping, rounding", "")
        # the lines (one unit: 10.05) then the difference row, so that the document adds up
        assert f"Subtotal 10.05 Discount (10%), shipping, rounding {document.total - Decimal('10.05'):.2f}" in text
        assert f"Total {document.total:.2f} Deposit {document.deposit:.2f}" in text
    assert sum(d.total for d in documents) == sum(d.deposit for d in documents) == Decimal("27.13")
    shares = [(so.store, so.total, so.deposit) for so in result.sale_orders]
    assert shares == [
        ("S01", Decimal("9.05"), Decimal("9.05")),  # 27.13 / 3 = 9.0433: the spare cent to the lowest code
        ("S02", Decimal("9.04"), Decimal("9.04")),
        ("S03", Decimal("9.04"), Decimal("9.04")),
    ]
    with UnitOfWork(engine) as uow:
        stored = uow.session.execute(select(SaleOrder.total, SaleOrder.deposit).order_by(SaleOrder.number)).all()
    assert [(t, d) for _, t, d in shares] == [tuple(row) for row in stored]


def test_assign_json_gives_each_sale_order_its_total(engine, db_url, capsys):
    load(engine, _three_stores_paid_in_full())
    assert main(["--db", db_url, "assign", "--by-number", "1001", "1001", "--json"]) == 0
    import json

    document = json.loads(capsys.readouterr().out)
    assert [(so["total"], so["deposit"]) for so in document["sale_orders"]] == [
        ("9.05", "9.05"),
        ("9.04", "9.04"),
        ("9.04", "9.04"),
    ]


def _overpaid() -> dict:
    """A 200.00 CSO (2 x 100.00) with a 300.00 deposit."""
    return scenario(
        {"S01": {"A": (2, 0)}},
        [{"lines": [("A", 2, "100.00")], "payments": [{"type": "cash", "amount": "300.00"}]}],
    )


def test_import_refuses_a_deposit_above_the_cso_total(engine, db_url, tmp_path, capsys):
    before = snapshot(engine)
    code = main(["--db", db_url, "import", str(write(tmp_path / "overpaid.json", _overpaid()))])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1, err
    assert "corporate_sale_orders[0].payments" in err[0] and "300.00" in err[0] and "200.00" in err[0]
    assert snapshot(engine) == before


def test_import_takes_a_deposit_equal_to_the_total_with_shipping_and_item_prices(engine):
    doc = scenario({"S01": {"A": (2, 0)}}, [{"lines": [("A", 2)], "shipping_cost": "5.00"}])  # 2 x 10.00 + 5.00
    doc["corporate_sale_orders"][0]["payments"] = [{"type": "cash", "amount": "25.00"}]
    load(engine, doc)
    doc = scenario({}, [])
    doc.pop("items")
    doc["corporate_sale_orders"] = [
        {
            "number": 1002,
            "date": "2026-11-02",
            "billing_customer": "C1",
            "lines": [{"sku": "A", "qty": 1}],  # the item's price from the database: 10.00
            "payments": [{"type": "cash", "amount": "10.01"}],
        }
    ]
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match=r"corporate_sale_orders\[0\]\.payments"):
        import_document(uow, doc)


def test_import_refuses_a_sale_order_deposit_above_its_total(engine):
    doc = scenario({"S01": {"A": (2, 0)}}, [])
    doc["sale_orders"] = [
        {"number": 4001, "location": "S01", "date": "2026-11-02", "deposit": "10.01", "lines": [{"sku": "A", "qty": 1}]}
    ]
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match=r"sale_orders\[0\]\.deposit"):
        import_document(uow, doc)
    doc["sale_orders"][0]["deposit"] = "10.00"
    load(engine, doc)
    with UnitOfWork(engine) as uow:
        assert uow.session.execute(select(SaleOrder.total, SaleOrder.deposit)).one() == (
            Decimal("10.00"),
            Decimal("10.00"),
        )


def test_order_entry_refuses_a_payment_beyond_the_total_and_a_total_below_the_deposit(engine):
    ids = load_orders_data(engine)
    with UnitOfWork(engine) as uow:
        view = new_order(uow, ids["C001"], TODAY)
    entry = full_entry(ids)  # order total 74.60 with shipping, deposit 50.00
    with UnitOfWork(engine) as uow:
        save_sections(uow, view.id, entry)
    before = snapshot(engine)
    too_much = full_entry(ids, payments=(other_payment("cash", "74.61"),))
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match=r"^Payment: the deposit \(74\.61\) is more"):
        save_sections(uow, view.id, too_much, ["payment"])
    lower = full_entry(ids, lines=(LineParams("C300", 1, Decimal("5.00")),))  # 4.75 + 7.50 shipping < 50.00
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match=r"more than the order total \(12\.25\)"):
        save_sections(uow, view.id, lower, ["items"])
    no_shipping = full_entry(ids, shipping_cost=Decimal("0"), lines=entry.lines[:1])  # 37.98 < 50.00
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="refund, not a deposit"):
        save_sections(uow, view.id, no_shipping, ["items", "shipping"])
    huge = full_entry(ids, lines=(LineParams("C300", 2_000_000_000, Decimal("9.99")),))  # each fits, the total not
    with (
        UnitOfWork(engine) as uow,
        pytest.raises(InputError, match=r"^Items and shipping: the order total .* more than"),
    ):
        save_sections(uow, view.id, huge, ["items"])
    assert snapshot(engine) == before
    exact = full_entry(ids, payments=(other_payment("cash", "74.60"),))
    with UnitOfWork(engine) as uow:
        assert save_sections(uow, view.id, exact, ["payment"]).entry.payments[0].amount == Decimal("74.60")
