"""Printing stored documents: content of SO, PO and confirmation PDFs; `xmart print`; process batches."""

import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from tests.support.cups import cups_pdf_folders, pdfs_in, require_pdf_queue, wait_for_new_pdfs
from tests.support.db import load, snapshot
from tests.support.documents import B200_ITEM, TEST_CARD, example
from tests.support.scenarios import run_assign, scenario
from xmart.cli.main import main
from xmart.processes.document_printing import print_documents, render_pdf
from xmart.processes.money import order_totals
from xmart.processes.printing import PrintTarget


def text_of(pdf: bytes) -> str:
    """All text of a PDF, pages joined."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def assigned(engine):
    """The INTERFACE example assigned: SO 5001 for CSO 1001."""
    load(engine, B200_ITEM)
    load(engine, example())
    run_assign(engine)
    return engine


def test_sale_order_pdf_has_every_field(assigned):
    text = text_of(render_pdf(assigned, "so", 5001))
    assert "Sale Order" in text and "SO-5001" in text
    assert "Special Order created automatically from Corporate Sale Order" in text
    assert "1001" in text  # the CSO reference
    assert "A100" in text and "Blue mug" in text
    assert re.search(r"A100.*\b5\b.*19\.99", text.replace("\n", " "))
    totals = order_totals([(5, Decimal("19.99"), Decimal("10.00"))], Decimal("5.00"))
    assert f"{totals.subtotal:,.2f}" in text and f"{totals.total:,.2f}" in text
    assert "70.00" in text  # deposit
    assert "**** 1111" in text and "Ada Lovelace" in text and "Albany" in text
    assert "Page 1 of 1" in text


def test_no_full_card_number_in_any_document(assigned, tmp_path):
    for kind, number in (("so", 5001), ("cso", 1001)):
        pdf = render_pdf(assigned, kind, number)
        assert TEST_CARD not in text_of(pdf)
        assert TEST_CARD.encode() not in pdf


def test_confirmation_pdf(assigned):
    text = text_of(render_pdf(assigned, "cso", 1001))
    assert "Order Confirmation" in text and "1001" in text
    assert "85.46" in text and "70.00" in text and "**** 1111" in text and "Jo Smith" in text


def test_purchase_order_pdf(engine):
    load(engine, B200_ITEM)
    doc = example()
    doc["purchase_orders"][0].update(delivery="2026-12-01", cancel="2026-12-15")
    load(engine, doc)
    text = text_of(render_pdf(engine, "po", 6900))
    assert "Purchase Order" in text and "PO-6900" in text and "Acme Supply" in text
    assert "2026-12-01" in text and "2026-12-15" in text
    assert "B200" in text and "40.00" in text  # 10 x 4.00


def test_save_to_folder_one_file_each(assigned, tmp_path):
    result = print_documents(assigned, "so", [5001], PrintTarget(pdf_dir=tmp_path / "out"))
    assert [p.name for p in result.paths] == ["SO-5001.pdf"]
    again = print_documents(assigned, "so", [5001], PrintTarget(pdf_dir=tmp_path / "out"))
    assert [p.name for p in again.paths] == ["SO-5001-2.pdf"]  # never overwritten


def test_cli_print_missing_document_exits_2(assigned, db_url, tmp_path, capsys):
    assert main(["--db", db_url, "print", "so", "5001", "9999", "--pdf-dir", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == "xmart: Sale order 9999 does not exist."
    assert not list(tmp_path.glob("*.pdf"))


def test_cli_print_to_folder(assigned, db_url, tmp_path, capsys):
    assert main(["--db", db_url, "print", "cso", "1001", "--pdf-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "CSO-1001.pdf")


def test_assign_print_to_folder_saves_every_generated_order(engine, db_url, tmp_path, capsys):
    load(engine, scenario({"S01": {"A": (3, 0)}, "S02": {"A": (3, 0)}}, [{"lines": [("A", 5)]}, {"lines": [("A", 1)]}]))
    assert main(["--db", db_url, "assign", "--by-number", "1", "9999", "--print", "--pdf-dir", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["SO-5001.pdf", "SO-5002.pdf", "SO-5003.pdf"]


def test_a_failing_printer_never_rolls_back_the_run(engine, db_url, capsys):
    load(engine, scenario({"S01": {"A": (3, 0)}}, [{"lines": [("A", 2)]}]))
    before = snapshot(engine)
    code = main(["--db", db_url, "assign", "--by-number", "1", "9999", "--print", "--printer", "No-Such-Printer"])
    err = capsys.readouterr().err
    assert code == 1
    assert "printing failed" in err and "xmart print so 5001" in err
    assert snapshot(engine) != before  # the SO was saved and stays reprintable
    assert render_pdf(engine, "so", 5001)


def test_a_process_batch_prints_as_one_job_on_cups(engine, db_url, capsys):
    require_pdf_queue()
    load(engine, scenario({"S01": {"A": (3, 0)}, "S02": {"A": (3, 0)}}, [{"lines": [("A", 5)]}, {"lines": [("A", 1)]}]))
    before = pdfs_in(cups_pdf_folders())
    code = main(["--db", db_url, "assign", "--by-number", "1", "9999", "--print", "--printer", "PDF"])
    out = capsys.readouterr()
    assert code == 0, out.err
    new, pages = wait_for_new_pdfs(before, expected_pages=3)
    try:
        assert len(new) == 1, f"one job, one file: {sorted(new)}"
        assert pages == 3
    finally:
        for path in new:
            path.unlink(missing_ok=True)
