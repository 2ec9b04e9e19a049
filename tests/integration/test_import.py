"""`xmart import`: the INTERFACE.md example loads; bad records are refused, named, and change nothing."""

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from tests.support.db import load, snapshot
from tests.support.documents import B200_ITEM, TEST_CARD, example, write
from tests.support.users import reveal_card
from xmart.cli.main import main
from xmart.errors import ImportDocumentError
from xmart.models import CorporateSaleOrder, Customer, Item, Payment, PurchaseOrder, SaleOrder, Stock
from xmart.models.db import UnitOfWork
from xmart.processes.cards import mask
from xmart.processes.fulfilment import cso_fulfilment
from xmart.processes.importer import import_document


def _import_cli(db_url, path, capsys):
    code = main(["--db", db_url, "import", str(path)])
    return code, capsys.readouterr()


def test_interface_example_imports_and_reads_back(engine, db_url, tmp_path, capsys):
    load(engine, B200_ITEM)
    code, out = _import_cli(db_url, write(tmp_path / "example.json", example()), capsys)
    assert code == 0, out.err
    with UnitOfWork(engine) as uow:
        s = uow.session
        cso = s.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == 1001))
        assert cso.status == "open" and cso.global_discount == Decimal("5.00")
        assert cso.shipping_address.city == "Albany" and cso.billing_address.city == "Saratoga Springs"
        assert cso.channel.name == "Phone" and cso.salesman.code == "JS"
        line = cso.lines[0]
        assert (line.item.sku, line.qty, line.price, line.discount) == ("A100", 5, Decimal("19.99"), Decimal("10.00"))
        card = next(p for p in cso.payments if p.kind == "card")
        assert mask(card.card_last4) == "**** 1111" and card.card_brand == "VISA"
        card_id = card.id
        assert sum(p.amount for p in cso.payments) == Decimal("70.00")
        so = s.scalar(select(SaleOrder).where(SaleOrder.number == 4001))
        assert (so.location.code, so.lines[0].qty, so.lines[0].sold) == ("S01", 3, 1)
        po = s.scalar(select(PurchaseOrder).where(PurchaseOrder.number == 6900))
        assert po.location.code == "MAIN" and po.lines[0].item.sku == "B200"
        stock = s.get(Stock, (so.location_id, line.item_id))
        assert (stock.on_hand, stock.minimum, stock.maximum) == (10, 2, 20)
        figures = cso_fulfilment(s, 1001)
    assert figures.total == Decimal("85.46") and figures.deposit == Decimal("70.00")
    assert reveal_card(engine, card_id) == TEST_CARD


def test_example_alone_names_the_missing_sku(db_url, tmp_path, capsys):
    code, out = _import_cli(db_url, write(tmp_path / "example.json", example()), capsys)
    assert code == 2
    assert out.err.strip().splitlines() == [
        "xmart: purchase_orders[0].lines[0].sku: unknown SKU 'B200' (not in this document nor in the database)"
    ]


def _bad_sku(doc):
    doc["corporate_sale_orders"][0]["lines"][0]["sku"] = "NOPE"
    return "corporate_sale_orders[0].lines[0].sku"


def _negative_qty(doc):
    doc["stock"][0]["on_hand"] = -3
    return "stock[0].on_hand"


def _malformed_date(doc):
    doc["corporate_sale_orders"][0]["date"] = "2026-13-02"
    return "corporate_sale_orders[0].date"


def _cvv(doc):
    doc["corporate_sale_orders"][0]["payments"][0]["card"]["cvv"] = "123"
    return "corporate_sale_orders[0].payments[0].card.cvv"


def _bad_luhn(doc):
    doc["corporate_sale_orders"][0]["payments"][0]["card"]["number"] = "4111111111111112"
    return "corporate_sale_orders[0].payments[0].card.number"


def _three_decimals(doc):
    doc["items"][0]["price"] = "19.999"
    return "items[0].price"


def _zero_line_qty(doc):
    doc["corporate_sale_orders"][0]["lines"][0]["qty"] = 0
    return "corporate_sale_orders[0].lines[0].qty"


def _sold_above_qty(doc):
    doc["sale_orders"][0]["lines"][0]["sold"] = 4
    return "sale_orders[0].lines[0].sold"


def _unknown_field(doc):
    doc["items"][0]["prcie"] = "1.00"
    return "items[0].prcie"


def _float_qty(doc):
    doc["stock"][0]["minimum"] = 2.5
    return "stock[0].minimum"


@pytest.mark.parametrize(
    "breaker",
    [
        _bad_sku,
        _negative_qty,
        _malformed_date,
        _cvv,
        _bad_luhn,
        _three_decimals,
        _zero_line_qty,
        _sold_above_qty,
        _unknown_field,
        _float_qty,
    ],
)
def test_bad_document_exits_2_names_the_record_and_changes_nothing(engine, db_url, tmp_path, capsys, breaker):
    load(engine, B200_ITEM)
    before = snapshot(engine)
    doc = example()
    where = breaker(doc)
    code, out = _import_cli(db_url, write(tmp_path / "bad.json", doc), capsys)
    assert code == 2
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"xmart: {where}: "), lines
    assert snapshot(engine) == before


def test_security_code_in_payment_record_is_refused_too(engine):
    load(engine, B200_ITEM)
    doc = example()
    doc["corporate_sale_orders"][0]["payments"][0]["CVC"] = "999"
    with pytest.raises(ImportDocumentError, match=r"payments\[0\]\.CVC: card security codes are never"):
        load(engine, doc)


def test_duplicate_document_number_refused(engine):
    load(engine, B200_ITEM)
    load(engine, example())
    doc = {"corporate_sale_orders": example()["corporate_sale_orders"]}
    with pytest.raises(
        ImportDocumentError, match=r"corporate_sale_orders\[0\]\.number: corporate sale order 1001 already exists"
    ):
        load(engine, doc)


def test_master_data_is_updated_by_code_and_orders_keep_their_address(engine):
    load(engine, B200_ITEM)
    load(engine, example())
    update = {
        "items": [{"sku": "A100", "description": "Blue mug, large", "price": "21.00", "cost": "8.50"}],
        "customers": [{"number": "C001", "name": "Ada King", "billing_address": {"line1": "2 New St", "city": "Troy"}}],
    }
    load(engine, update)
    with UnitOfWork(engine) as uow:
        s = uow.session
        item = s.scalar(select(Item).where(Item.sku == "A100"))
        assert (item.price, item.vendor_id) == (Decimal("21.00"), None)
        assert s.scalar(select(func.count()).select_from(Item)) == 2
        customer = s.scalar(select(Customer).where(Customer.number == "C001"))
        assert customer.billing_address.city == "Troy"
        cso = s.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == 1001))
        assert cso.billing_address.city == "Saratoga Springs"  # copied when created
        assert cso.billing_name == "Ada Lovelace"
        assert cso.lines[0].price == Decimal("19.99")


def test_price_defaults_to_item_price_and_refs_within_document(engine):
    doc = {
        "locations": [{"code": "S09", "name": "Nine"}],
        "items": [{"sku": "Z1", "price": "3.25"}],
        "customers": [{"number": "K1", "name": "Kim"}],
        "corporate_sale_orders": [
            {"number": 7, "date": "2026-01-05", "billing_customer": "K1", "lines": [{"sku": "Z1", "qty": 2}]}
        ],
    }
    load(engine, doc)
    with UnitOfWork(engine) as uow:
        cso = uow.session.scalar(select(CorporateSaleOrder).where(CorporateSaleOrder.number == 7))
        assert cso.lines[0].price == Decimal("3.25") and cso.shipping_customer_id == cso.billing_customer_id
        assert cso.status == "open"


def test_numbers_with_decimals_are_read_exactly(engine, db_url, tmp_path, capsys):
    path = tmp_path / "f.json"
    path.write_text('{"items": [{"sku": "F1", "price": 0.1, "cost": 19.99}]}')
    code, out = _import_cli(db_url, path, capsys)
    assert code == 0, out.err
    with UnitOfWork(engine) as uow:
        item = uow.session.scalar(select(Item).where(Item.sku == "F1"))
        assert (item.price, item.cost) == (Decimal("0.10"), Decimal("19.99"))


def test_not_json_is_a_clear_error(db_url, tmp_path, capsys):
    path = tmp_path / "x.json"
    path.write_text('{"items": [}')
    code, out = _import_cli(db_url, path, capsys)
    assert code == 2 and "not valid JSON at line 1" in out.err


def test_card_number_never_stored_in_clear(tmp_path, capsys, monkeypatch):
    """grep of the database file, its WAL, the log and the output for a test card number finds nothing."""
    db = tmp_path / "card.db"
    url = f"sqlite:///{db}"
    write(tmp_path / "b.json", B200_ITEM)
    assert main(["--db", url, "import", str(tmp_path / "b.json")]) == 0
    assert main(["--db", url, "import", str(write(tmp_path / "e.json", example()))]) == 0
    imported = capsys.readouterr()
    assert main(["--db", url, "show", "cso", "1001", "--json"]) == 0
    out = capsys.readouterr()
    shown = json.loads(out.out)
    assert shown["deposit"] == "70.00"
    import os

    data_dir = tmp_path / "xmart-data"
    files = [db, db.with_name("card.db-wal"), *data_dir.iterdir()]
    assert any(f.name == "xmart.log" for f in files)
    for path in files:
        if path.exists() and path.is_file():
            content = path.read_bytes()
            assert TEST_CARD.encode() not in content, path
            assert TEST_CARD.encode("utf-16-le") not in content, path
    assert TEST_CARD not in out.out + out.err + imported.out + imported.err
    assert os.environ["XMART_DATA_DIR"] == str(data_dir)


def test_import_from_other_process_sees_nothing_until_commit(engine):
    load(engine, B200_ITEM)
    doc = example()
    doc["purchase_orders"][0]["lines"][0]["sku"] = "MISSING"
    with UnitOfWork(engine) as uow:
        with pytest.raises(ImportDocumentError):
            import_document(uow, doc)
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(func.count()).select_from(CorporateSaleOrder)) == 0
        assert uow.session.scalar(select(func.count()).select_from(Payment)) == 0
