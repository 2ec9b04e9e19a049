"""Print and Save as PDF from the UI through the REAL printing service (reportlab renderers, CUPS):
no stand-in. Printing goes to the CUPS-PDF queue "PDF" (skipped locally without CUPS, failed under CI)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.support.cups import QUEUE, cups_pdf_folders, pdfs_in, require_pdf_queue, wait_for_new_pdfs
from tests.ui.conftest import TODAY
from tests.ui.helpers import answer_print_dialog, click, wait_task, when_modal
from xmart.models import SaleOrder
from xmart.ui.printing import PRINTER_KEY, chosen_printer

NOTE = "Special Order created automatically from Corporate Sale Order"


@pytest.fixture
def window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _assign(window, qtbot):
    """Assign 1001-1003 from the window (as the menu slot does) and return the result summary."""
    from xmart.processes.assign import AssignParams
    from xmart.processes.selection import CsoRange

    task = window.processes.run_assign(AssignParams(range=CsoRange.by_number(1001, 1003), today=TODAY), window)
    wait_task(qtbot, task)
    return window.processes.last_summary


def _generated(engine) -> list[int]:
    with Session(engine) as session:
        return list(
            session.scalars(select(SaleOrder.number).where(SaleOrder.cso_id.isnot(None)).order_by(SaleOrder.number))
        )


def _boxes() -> list[str]:
    texts = []
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
        texts.append(box.text())
        box.done(0)
    return texts


def test_save_as_pdf_of_a_generated_sale_order_writes_the_real_document(window, ctx, qtbot, monkeypatch, tmp_path):
    import xmart.ui.printing as printing

    summary = _assign(window, qtbot)
    number = _generated(ctx.engine)[0]
    summary.close()
    view = window.open_document("so", number)
    target = tmp_path / "out" / f"so-{number}.pdf"
    target.parent.mkdir()
    asked = []

    def save_dialog(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    click(qtbot, view.pdf_button)
    wait_task(qtbot, view.last_task)
    assert view.last_task.error is None
    assert asked and asked[0].endswith(f"so-{number}.pdf")
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    text = _text(data)
    assert str(number) in text and NOTE in " ".join(text.split())
    assert "1001" in text  # the corporate sale order it came from
    assert ctx.settings.value("printing/pdf_folder") == str(target.parent)
    assert any(f"Saved {target}" in t for t in _boxes())


def test_print_all_from_the_assign_summary_goes_to_the_cups_pdf_queue(window, ctx, qtbot):
    require_pdf_queue()

    # Settings › Printer…: the clerk picks "PDF"
    def pick(dialog: QInputDialog) -> None:
        assert QUEUE in dialog.comboBoxItems()
        dialog.setTextValue(QUEUE)
        dialog.accept()

    when_modal(pick, QInputDialog)
    window.actions_by_name["printer"].trigger()
    assert ctx.settings.value(PRINTER_KEY) == QUEUE and chosen_printer(ctx) == QUEUE

    summary = _assign(window, qtbot)
    numbers = _generated(ctx.engine)
    assert summary.numbers() == numbers and len(numbers) >= 2
    before = pdfs_in(cups_pdf_folders())
    answer_print_dialog(qtbot)  # the system print dialog, "PDF" preselected: Print
    click(qtbot, summary.print_button)
    task = window.processes.last_print_task
    wait_task(qtbot, task)
    assert task.error is None, task.error
    new, pages = wait_for_new_pdfs(before, expected_pages=task.result.pages)
    try:
        assert len(new) == 1, f"expected one print job, got {sorted(new)}"  # one job for the whole batch
        assert pages == task.result.pages >= len(numbers)
        text = _text(next(iter(new)).read_bytes())
        assert all(str(n) in text for n in numbers)
        assert NOTE in " ".join(text.split())
    finally:
        for path in new:
            path.unlink(missing_ok=True)
    assert any(f"Sent {len(numbers)} sale orders to {QUEUE}" in t for t in _boxes())


def test_print_without_any_printer_says_where_to_choose_one(window, ctx, qtbot, monkeypatch):
    import xmart.processes.printing as service
    import xmart.ui.printing as printing

    monkeypatch.setattr(printing.QPrinterInfo, "defaultPrinterName", staticmethod(lambda: ""))
    monkeypatch.setattr(service, "default_printer", lambda: None)
    view = window.open_document("so", 4001)
    click(qtbot, view.print_button)
    assert view.last_task is None
    assert printing.NO_PRINTER in _boxes()
