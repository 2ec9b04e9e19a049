"""Issue 12, section 2: `xmart import` refuses every kind of bad input with exit 2 and one line, nothing written.

Each test stands for a kind of fault replayed from other order systems: numbers beyond their
column, sums that would overflow a column, exponents and NaN in money, texts longer than their
column (or that no database stores), files in the encodings users produce, deep nesting,
documents inconsistent with what is already there, card data in free text, and two imports at once.
Every test runs on SQLite and PostgreSQL.
"""

import codecs
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.support.db import load, snapshot
from tests.support.documents import B200_ITEM, TEST_CARD, example, write
from xmart.cli.main import main
from xmart.models import CorporateSaleOrder, CsoLine, Customer, PurchaseOrder, SaleOrder
from xmart.models.db import UnitOfWork
from xmart.processes.fulfilment import cso_fulfilment

SRC = Path(__file__).resolve().parents[2] / "src"


def _refused(engine, db_url, tmp_path, capsys, doc, where, path=None):
    """Import `doc` (or the file `path`): exit 2, one stderr line starting with `where`, nothing changed."""
    before = snapshot(engine)
    path = path or write(tmp_path / "bad.json", doc)
    code = main(["--db", db_url, "import", str(path)])
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert code == 2, out.err
    assert len(lines) == 1 and lines[0].startswith(f"xmart: {where}"), lines
    assert "Traceback" not in out.err and "SELECT" not in out.err and "INSERT" not in out.err
    assert snapshot(engine) == before
    return lines[0]


def _imports(db_url, path, capsys):
    code = main(["--db", db_url, "import", str(path)])
    out = capsys.readouterr()
    assert code == 0, out.err


def _doc(engine):
    load(engine, B200_ITEM)
    return example()


# --- numbers against their columns -------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("corporate_sale_orders", 0, "lines", 0, "qty"), 3_000_000_000),
        (("stock", 0, "on_hand"), 2**31),
        (("sale_orders", 0, "number"), 10**19),
        (("corporate_sale_orders", 0, "lines", 0, "line"), 2**40),
    ],
)
def test_integer_beyond_its_column_is_refused(engine, db_url, tmp_path, capsys, path, value):
    doc = _doc(engine)
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    where = f"{path[0]}[{path[1]}]." + ".".join(f"{p}" if isinstance(p, str) else f"[{p}]" for p in path[2:])
    _refused(engine, db_url, tmp_path, capsys, doc, where.replace(".[", "["))


def test_an_order_total_beyond_a_money_column_is_refused(engine, db_url, tmp_path, capsys):
    """2,000,000,000 units at 19.99: each number fits its column, their total does not (issue 12: sums the
    processes build, such as SO totals, never overflow a column mid-run)."""
    doc = _doc(engine)
    doc["corporate_sale_orders"][0]["lines"][0].update(qty=2_000_000_000, price="19.99")
    doc["corporate_sale_orders"][0]["payments"] = []
    _refused(engine, db_url, tmp_path, capsys, doc, "corporate_sale_orders[0].lines: the order total is more than")


def test_payments_summing_beyond_a_money_column_are_refused(engine, db_url, tmp_path, capsys):
    """Two payments of 9,999,999,999.99: the CSO's deposit (their sum) would not fit (issue 12)."""
    doc = _doc(engine)
    doc["corporate_sale_orders"][0]["payments"] = [
        {"type": "cash", "amount": "9999999999.99"},
        {"type": "check", "amount": "9999999999.99"},
    ]
    _refused(engine, db_url, tmp_path, capsys, doc, "corporate_sale_orders[0].payments[1].amount: ")


# --- money and percentages are plain decimals ---------------------------------------------------
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("price", "1e30"),
        ("price", "1e2"),
        ("price", "NaN"),
        ("cost", "Infinity"),
        ("price", "-inf"),
        ("cost", "1E+999999"),
    ],
)
def test_money_with_an_exponent_nan_or_infinity_is_refused(engine, db_url, tmp_path, capsys, field, value):
    doc = _doc(engine)
    doc["items"][0][field] = value
    _refused(engine, db_url, tmp_path, capsys, doc, f"items[0].{field}: ")


def test_exponent_json_number_and_percent_are_refused(engine, db_url, tmp_path, capsys):
    load(engine, B200_ITEM)
    path = tmp_path / "e.json"
    path.write_text('{"items": [{"sku": "E1", "price": 1e2}]}')
    _refused(engine, db_url, tmp_path, capsys, None, "items[0].price: ", path=path)
    doc = example()
    doc["salesmen"][0]["commission_rate"] = "2.5e0"
    _refused(engine, db_url, tmp_path, capsys, doc, "salesmen[0].commission_rate: ")


# --- texts against their columns ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("section", "field", "width"),
    [
        ("customers", "name", 100),
        ("customers", "company", 100),
        ("customers", "email", 200),
        ("items", "description", 200),
        ("locations", "name", 100),
        ("vendors", "name", 100),
        ("salesmen", "name", 100),
    ],
)
def test_text_longer_than_its_column_is_refused(engine, db_url, tmp_path, capsys, section, field, width):
    doc = _doc(engine)
    doc[section][0][field] = "x" * (width + 1)
    _refused(engine, db_url, tmp_path, capsys, doc, f"{section}[0].{field}: is longer than {width} characters")


def test_address_and_nested_texts_are_checked_against_their_columns(engine, db_url, tmp_path, capsys):
    doc = _doc(engine)
    doc["customers"][0]["shipping_address"]["postal_code"] = "9" * 300
    _refused(engine, db_url, tmp_path, capsys, doc, "customers[0].shipping_address.postal_code: is longer than")
    doc = example()
    doc["corporate_sale_orders"][0]["shipping_method"] = "s" * 61
    _refused(engine, db_url, tmp_path, capsys, doc, "corporate_sale_orders[0].shipping_method: is longer than 60")


@pytest.mark.parametrize("text", ["Ada\x00Lovelace", "Ada \ud800", "bell\x07"])
def test_text_no_database_stores_is_refused(engine, db_url, tmp_path, capsys, text):
    """PostgreSQL cannot store NUL; unpaired surrogates cannot be encoded on either database."""
    doc = _doc(engine)
    doc["customers"][0]["notes"] = text
    _refused(engine, db_url, tmp_path, capsys, doc, "customers[0].notes: contains a control character")


# --- files as users produce them ----------------------------------------------------------------
@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),  # with its byte-order mark, as PowerShell writes it
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom"],
)
def test_files_in_the_encodings_users_produce_are_read(engine, db_url, tmp_path, capsys, encode):
    doc = _doc(engine)
    doc["customers"][0]["name"] = "Zoë Ünal 王小明"
    path = tmp_path / "doc.json"
    path.write_bytes(encode(json.dumps(doc, ensure_ascii=False)))
    _imports(db_url, path, capsys)
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(Customer.name).where(Customer.number == "C001")) == "Zoë Ünal 王小明"


@pytest.mark.parametrize(
    "raw",
    [
        json.dumps({"customers": [{"number": "C9", "name": "Zoë"}]}).replace("\\u00eb", "ë").encode("latin-1"),
        json.dumps({"items": []}).encode("utf-16-le"),  # UTF-16 without a byte-order mark
        b"\xff\xfe\x00",  # a byte-order mark and half a character
    ],
    ids=["latin1", "utf16-no-bom", "truncated-utf16"],
)
def test_other_encodings_are_refused_in_one_line(engine, db_url, tmp_path, capsys, raw):
    path = tmp_path / "doc.json"
    path.write_bytes(raw)
    line = _refused(engine, db_url, tmp_path, capsys, None, f"{path}: ", path=path)
    assert "Error" not in line


def test_deeply_nested_json_is_refused_in_one_line(engine, db_url, tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text('{"items": ' + "[" * 100_000 + "]" * 100_000 + "}")
    line = _refused(engine, db_url, tmp_path, capsys, None, f"{path}: ", path=path)
    assert "nested too deeply" in line


# --- documents consistent with what is there -----------------------------------------------------
def _cso_in_db(engine):
    doc = _doc(engine)
    del doc["sale_orders"], doc["purchase_orders"]
    load(engine, doc)


def _so(number, qty, sold=0, status="open"):
    return {
        "number": number,
        "location": "S01",
        "date": "2026-11-05",
        "status": status,
        "corporate_order": 1001,
        "lines": [{"sku": "A100", "qty": qty, "sold": sold, "cso_line": 1}],
    }


def test_sale_order_assigning_more_than_the_cso_line_orders_is_refused(engine, db_url, tmp_path, capsys):
    """100 units against a CSO line of 5: `show cso` said assigned 100, unassigned -95 (issue 12)."""
    _cso_in_db(engine)
    _refused(engine, db_url, tmp_path, capsys, {"sale_orders": [_so(5001, 100)]}, "sale_orders[0].lines[0].qty: ")


def test_assigned_counts_sale_orders_already_in_the_database_and_in_the_document(engine, db_url, tmp_path, capsys):
    _cso_in_db(engine)
    load(engine, {"sale_orders": [_so(5001, 2)]})
    line = _refused(
        engine,
        db_url,
        tmp_path,
        capsys,
        {"sale_orders": [_so(5002, 2), _so(5003, 2)]},
        "sale_orders[1].lines[0].qty: ",
    )
    assert "orders 5" in line and "4 already assigned" in line
    # a cancelled SO assigns nothing: its units are free again
    load(engine, {"sale_orders": [_so(5004, 3, status="cancelled"), _so(5005, 3)]})
    with UnitOfWork(engine) as uow:
        figures = cso_fulfilment(uow.session, 1001)
        assert uow.session.scalar(select(CorporateSaleOrder.status)) == "assigned"
    assert [(line.assigned, line.unassigned) for line in figures.lines] == [(5, 0)]


def test_the_same_within_one_document_for_a_cso_of_that_document(engine, db_url, tmp_path, capsys):
    doc = _doc(engine)
    doc["sale_orders"] = [_so(5001, 3), _so(5002, 3)]
    _refused(engine, db_url, tmp_path, capsys, doc, "sale_orders[1].lines[0].qty: ")


def test_statuses_follow_the_figures(engine, db_url, tmp_path, capsys):
    """An SO imported as `sold` with 1 of 3 sold becomes `partially sold` (README, "Rules xmart chose")."""
    doc = _doc(engine)
    doc["corporate_sale_orders"][0]["status"] = "completed"
    doc["sale_orders"] = [_so(5001, 3, sold=1, status="sold"), _so(5002, 2, status="partially sold")]
    doc["purchase_orders"][0]["status"] = "received"
    doc["purchase_orders"][0]["lines"][0]["received"] = 4
    _imports(db_url, write(tmp_path / "d.json", doc), capsys)
    with UnitOfWork(engine) as uow:
        s = uow.session
        statuses = dict(s.execute(select(SaleOrder.number, SaleOrder.status)).all())
        assert statuses == {5001: "partially sold", 5002: "open"}
        assert s.scalar(select(PurchaseOrder.status)) == "partially received"
        assert s.scalar(select(CorporateSaleOrder.status)) == "assigned"  # 5 of 5 assigned, 1 sold


def test_sale_orders_imported_against_a_cso_in_the_database_move_its_status(engine, db_url, tmp_path, capsys):
    _cso_in_db(engine)
    load(engine, {"sale_orders": [_so(5001, 2)]})
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(CorporateSaleOrder.status)) == "partially assigned"
        assert uow.session.scalar(select(CsoLine.qty)) == 5


# --- card data in free text (DOMAIN.md section 3) -------------------------------------------------
@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            lambda d: d["corporate_sale_orders"][0]["payments"][0]["card"].update(authorization="737"),
            "card.authorization",
        ),
        (lambda d: d["corporate_sale_orders"][0]["payments"][0].update(authorization="A1B2C3 737"), "authorization"),
        (lambda d: d["corporate_sale_orders"][0].update(notes=f"card {TEST_CARD[:8]}-{TEST_CARD[8:]}"), "notes"),
        (lambda d: d["corporate_sale_orders"][0].update(notes="CVC: 1234"), "notes"),
        (lambda d: d["customers"][0].update(notes="security code 737 given by phone"), "notes"),
        (lambda d: d["customers"][0]["billing_address"].update(line2="4111 1111 1111 1111"), "billing_address.line2"),
        (lambda d: d["corporate_sale_orders"][0]["payments"][1].update(authorization=TEST_CARD), "authorization"),
    ],
)
def test_card_data_in_free_text_is_refused_without_echoing_it(engine, db_url, tmp_path, capsys, change, where):
    doc = _doc(engine)
    change(doc)
    line = _refused(engine, db_url, tmp_path, capsys, doc, "")
    assert where in line
    assert "737" not in line and "1234" not in line and "1111" not in line


def test_custom_field_named_cvv_is_refused(engine, db_url, tmp_path, capsys):
    doc = _doc(engine)
    doc["custom_fields"] = [{"name": "Card CVV", "kind": "text"}]
    line = _refused(engine, db_url, tmp_path, capsys, doc, "custom_fields[0].name: ")
    assert "security code" in line
    doc = example()
    doc["custom_fields"] = [{"name": "Gift message"}]
    doc["corporate_sale_orders"][0]["custom_fields"] = {"CVV": "123"}
    _refused(engine, db_url, tmp_path, capsys, doc, "corporate_sale_orders[0].custom_fields[0]: ")
    doc["corporate_sale_orders"][0]["custom_fields"] = {"Gift message": "cvv2 123"}
    line = _refused(engine, db_url, tmp_path, capsys, doc, "corporate_sale_orders[0].custom_fields.Gift message")
    assert "123" not in line


def test_an_approval_code_imports(engine, db_url, tmp_path, capsys):
    doc = _doc(engine)
    doc["corporate_sale_orders"][0]["payments"][0]["authorization"] = "A1B2C3"
    doc["corporate_sale_orders"][0]["payments"][1]["authorization"] = "Check 1234 from Ada"  # not a card payment
    _imports(db_url, write(tmp_path / "ok.json", doc), capsys)


# --- two imports at once ------------------------------------------------------------------------
RUNNER = """
import sys, time
from pathlib import Path
import xmart.processes.import_rows as rows
slow = rows.RowWriter.write
def write(self):                      # hold the lock a while, as a big document would
    time.sleep(1.5)
    return slow(self)
rows.RowWriter.write = write
from xmart.cli.main import main
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.002)
sys.exit(main(["--db", sys.argv[2], "import", sys.argv[3]]))
"""


def test_two_imports_at_once_wait_and_a_duplicate_is_a_clean_refusal(engine, db_url, tmp_path):
    load(engine, B200_ITEM)
    path = write(tmp_path / "doc.json", example())
    go = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", RUNNER, str(go), db_url, str(path)],
            env=dict(env, XMART_DATA_DIR=str(tmp_path / name)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("ws1", "ws2")
    ]
    time.sleep(2.0)  # both interpreters have started and wait at the line
    go.touch()
    results = sorted((run.wait(timeout=120), run.stderr.read()) for run in runs)
    for run in runs:
        run.stdout.close()
        run.stderr.close()
    assert [code for code, _ in results] == [0, 2], results
    err = results[1][1].strip().splitlines()
    assert len(err) == 1 and "already exists" in err[0], err
    assert "Ada" not in err[0] and "Main St" not in err[0] and "locked" not in err[0]
    with UnitOfWork(engine) as uow:
        assert len(uow.session.scalars(select(CorporateSaleOrder)).all()) == 1


def test_errors_never_echo_card_data_in_unknown_fields_or_references(engine, db_url, tmp_path, capsys):
    doc = _doc(engine)
    doc["items"][0][TEST_CARD] = 1
    line = _refused(engine, db_url, tmp_path, capsys, doc, "items[0].[field 6]: unknown field")
    assert TEST_CARD not in line
    doc = example()
    doc["stock"][0]["sku"] = TEST_CARD
    line = _refused(engine, db_url, tmp_path, capsys, doc, "stock[0].sku: unknown SKU (not in")
    assert TEST_CARD not in line


def test_names_no_log_file_or_terminal_takes_are_not_echoed(engine, db_url, tmp_path, capsys):
    """A field or section named with an unpaired surrogate crashed the log handler (a traceback on stderr)."""
    doc = _doc(engine)
    doc["items"][0]["\ud800"] = 1
    _refused(engine, db_url, tmp_path, capsys, doc, "items[0].[field 6]: unknown field")
    _refused(engine, db_url, tmp_path, capsys, {"x\ud800": []}, "[section 1]: unknown section")
