"""After card data typed into free text is refused on every path, it is nowhere: not in the database
file, not in xmart.log, not in any PDF printed afterwards (DOMAIN.md section 3; issue 13 item 4).

One SQLite database file: the command line imports refused documents (each refusal is logged, as the
command line logs every refusal), the process functions behind the client's windows refuse the same
card data (their messages logged the same way), then the documents and a report are printed to PDF;
the database file, its journal, the log and the PDFs are searched for the number in every spelling
typed and for the written security code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.support.documents import B200_ITEM, example, write
from xmart import config
from xmart.cli.main import main
from xmart.errors import InputError
from xmart.models import CorporateSaleOrder, Customer
from xmart.models.base import Address
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.customers import CustomerParams, update_customer
from xmart.processes.mailer import SmtpSettings, save_smtp_settings
from xmart.processes.order_entry import PaymentParams, custom_value, new_order, save_sections
from xmart.processes.order_settings import (
    ChannelRow,
    CustomFieldRow,
    SalesmanRow,
    save_channels,
    save_custom_fields,
    save_salesmen,
)
from xmart.processes.settings import CompanySettings, save_company

NUMBER = "5555555555554444"  # a Luhn-valid test card number, never imported as a card here
SPELLINGS = ("5555 5555 5555 4444", "5555-5555-5555-4444")
SECURITY_CODE = "CVC: 7319"
NEEDLES = (NUMBER, *SPELLINGS, "5555 5555", "5555-5555", "cvc")
"""Searched for (case-insensitively): the number's digits in a row and as typed, and the written code."""
log = logging.getLogger("xmart.cli.main")


@pytest.fixture
def logged():
    """The real xmart.log handler for this test's data folder; removed afterwards. Yields the log path."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield config.data_dir() / "xmart.log"
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def _refused_documents() -> list[dict]:
    """Import documents (the example with new document numbers), each with card data in one free-text field."""

    def one(change: Callable[[dict], object]) -> dict:
        doc = example()
        doc.pop("purchase_orders")
        doc["corporate_sale_orders"][0]["number"] = 1002
        doc["sale_orders"][0]["number"] = 4002
        change(doc)
        return doc

    cso = lambda d: d["corporate_sale_orders"][0]  # noqa: E731
    return [
        one(lambda d: d["customers"][0].update(notes=f"card {SPELLINGS[0]}")),
        one(lambda d: d["customers"][0]["billing_address"].update(line2=SECURITY_CODE)),
        one(lambda d: cso(d).update(notes=f"paid {SPELLINGS[1]}")),
        one(lambda d: cso(d)["payments"][0].update(authorization=SECURITY_CODE)),
        one(lambda d: cso(d)["payments"][1].update(authorization=NUMBER)),
        one(lambda d: cso(d).update(custom_fields={"Gift": f"ref {SECURITY_CODE}"}) or d.update(custom_fields=GIFT)),
        one(lambda d: d["sale_orders"][0].update(note=SPELLINGS[0])),
        one(lambda d: d["salesmen"][0].update(code=SPELLINGS[0])),
        one(lambda d: d.update(channels=[{"name": f"Fair {SPELLINGS[1]}"}])),
    ]


GIFT = [{"name": "Gift", "kind": "text"}]


def _client_refusals(engine) -> list[Callable[[UnitOfWork], object]]:
    """What the client's windows call (Settings, Customer Manager, Order Manager), with card data."""
    with UnitOfWork(engine) as uow:
        customer_id = uow.session.scalar(select(Customer.id).where(Customer.number == "C001"))
        draft = new_order(uow, customer_id, dt.date(2026, 11, 21))
    company = CompanySettings(name="Acme Retail", address="1 Main St")
    smtp = SmtpSettings(host="smtp.example.org", user="orders", sender="orders@example.org")
    entry = dataclasses.replace(draft.entry, notes=f"paid with {SPELLINGS[0]}")
    check = (PaymentParams("check", Decimal("10.00"), authorization=f"chk {SPELLINGS[1]}"),)
    return [
        lambda uow: save_company(uow, dataclasses.replace(company, address=f"1 Main St\n{SPELLINGS[1]}")),
        lambda uow: save_company(uow, dataclasses.replace(company, phone=SPELLINGS[0])),
        lambda uow: save_smtp_settings(uow, dataclasses.replace(smtp, user=SECURITY_CODE)),
        lambda uow: save_channels(uow, [ChannelRow(None, f"Fair {SPELLINGS[0]}")]),
        lambda uow: save_salesmen(uow, [SalesmanRow(None, "MK", f"Mo {SPELLINGS[1]}", "5")]),
        lambda uow: save_custom_fields(uow, [CustomFieldRow(None, SECURITY_CODE, "text")]),
        lambda uow: custom_value("number", "Reference", NUMBER),
        lambda uow: update_customer(uow, customer_id, CustomerParams(name="Ada", notes=f"card {NUMBER}")),
        lambda uow: update_customer(uow, customer_id, CustomerParams(name="Ada", email=SPELLINGS[1])),
        lambda uow: update_customer(uow, customer_id, CustomerParams(name="Ada", phone=SPELLINGS[0])),
        lambda uow: update_customer(
            uow, customer_id, CustomerParams(name="Ada", shipping_address=Address(line1=SECURITY_CODE))
        ),
        lambda uow: save_sections(uow, draft.id, entry, ["setup"]),
        lambda uow: save_sections(uow, draft.id, dataclasses.replace(entry, notes="", payments=check), ["payment"]),
    ]


def _pdf_text(path: Path) -> str:
    data = path.read_bytes()
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages) + data.decode("latin-1")


def test_refused_card_data_is_in_no_file(tmp_path, logged, capsys):
    url = f"sqlite:///{tmp_path / 'office.db'}"
    assert main(["--db", url, "import", str(write(tmp_path / "b200.json", B200_ITEM))]) == 0
    assert main(["--db", url, "import", str(write(tmp_path / "base.json", example()))]) == 0
    for n, doc in enumerate(_refused_documents()):
        assert main(["--db", url, "import", str(write(tmp_path / f"refused{n}.json", doc))]) == 2, n
        assert "card" in capsys.readouterr().err

    engine = make_engine(url)
    calls, accepted = _client_refusals(engine), []
    for n, call in enumerate(calls):
        try:
            with UnitOfWork(engine) as uow:
                call(uow)
            accepted.append(n)
        except InputError as exc:  # logged as the command line logs a refusal
            log.info("client refused: %s", exc)
    with UnitOfWork(engine) as uow:
        draft = uow.session.scalar(select(CorporateSaleOrder.number).where(CorporateSaleOrder.status == "draft"))
    engine.dispose()

    pdf_dir = tmp_path / "pdfs"
    pdf_dir.mkdir()
    for kind, number in (("cso", "1001"), ("cso", str(draft)), ("so", "4001")):
        assert main(["--db", url, "print", kind, number, "--pdf-dir", str(pdf_dir)]) == 0
    assert main(["--db", url, "report", "sale-orders", "--pdf", str(pdf_dir / "report.pdf")]) == 0
    capsys.readouterr()

    log_text = logged.read_text(encoding="utf-8")
    pdfs = sorted(pdf_dir.glob("*.pdf"))
    assert len(pdfs) == 4
    files = {path.name: path.read_bytes().decode("latin-1") for path in tmp_path.glob("office.db*")}
    files |= {"xmart.log": log_text} | {path.name: _pdf_text(path) for path in pdfs}
    for name, content in files.items():
        for needle in NEEDLES:
            assert needle not in content.lower(), f"{needle!r} found in {name}"
    assert accepted == []  # every call was refused (checked last: the search above says where it went)
    refusals = {line.split(" INFO ", 1)[1] for line in log_text.splitlines() if "refused:" in line}
    assert len(refusals) == len(_refused_documents()) + len(calls)  # and every refusal was logged
