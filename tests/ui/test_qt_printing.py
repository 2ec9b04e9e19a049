"""Printing through Qt where CUPS' `lp` is missing (Windows): QPdfDocument pages drawn on a QPrinter.

On Linux a QPrinter prints through CUPS, so the real test prints to the CUPS-PDF queue "PDF"
(skipped locally without CUPS, failed under CI) and counts the pages of the file it writes.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinterInfo

from tests.support.cups import QUEUE, cups_pdf_folders, pdfs_in, require_pdf_queue, wait_for_new_pdfs
from tests.ui.helpers import answer_print_dialog, click, wait_task
from xmart.cli.main import main
from xmart.processes.document_printing import print_documents, rendered
from xmart.processes.printing import PrintError, PrintResult, PrintTarget, merge_pdfs, print_pdfs
from xmart.ui import qt_printing
from xmart.ui.printing import PRINTER_KEY
from xmart.ui.qt_printing import print_pdf_with_qt, qt_backend_if_needed

CSOS = [1001, 1002, 1003]  # one page each in the small data set


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _printed(before: set[Path], expected_pages: int) -> None:
    """Exactly one new CUPS-PDF file with `expected_pages` pages appeared; it is deleted."""
    new, pages = wait_for_new_pdfs(before, expected_pages=expected_pages)
    try:
        assert len(new) == 1, f"one job, one file: {sorted(new)}"
        assert pages == expected_pages
    finally:
        for path in new:
            path.unlink(missing_ok=True)


def test_a_batch_prints_through_qt_on_the_cups_pdf_queue_as_one_job(data_engine, qtbot):
    require_pdf_queue()
    before = pdfs_in(cups_pdf_folders())
    result = print_documents(data_engine, "cso", CSOS, PrintTarget(printer=QUEUE), backend=print_pdf_with_qt)
    assert result == PrintResult(pages=3)
    _printed(before, expected_pages=3)


def test_the_cli_prints_through_qt_when_lp_is_missing(data_engine, qtbot, monkeypatch, tmp_path, capsys):
    require_pdf_queue()
    monkeypatch.setenv("PATH", str(tmp_path))  # no lp, no lpstat: as on Windows
    before = pdfs_in(cups_pdf_folders())
    code = main(
        [
            "--db",
            data_engine.url.render_as_string(hide_password=False),
            "print",
            "cso",
            *map(str, CSOS),
            "--printer",
            QUEUE,
        ]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    assert out.out.strip() == f"sent 3 document(s), 3 page(s), to {QUEUE}"
    _printed(before, expected_pages=3)


def test_the_print_button_prints_through_qt_in_the_worker_when_lp_is_missing(ctx, qtbot, monkeypatch, tmp_path):
    require_pdf_queue()
    from xmart.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    ctx.settings.setValue(PRINTER_KEY, QUEUE)
    monkeypatch.setenv("PATH", str(tmp_path))  # no lp: as on Windows
    view = window.open_document("so", 4001)
    before = pdfs_in(cups_pdf_folders())
    answer_print_dialog(qtbot)  # the system print dialog: Print
    click(qtbot, view.print_button)
    wait_task(qtbot, view.last_task)
    assert view.last_task.error is None, view.last_task.error
    assert view.last_task.result == PrintResult(pages=1)
    _printed(before, expected_pages=1)


def test_an_unknown_printer_is_named_with_the_ones_that_exist(data_engine, qtbot):
    pdf = rendered(data_engine, "cso", CSOS[:1], separate=True)[0][1]
    with pytest.raises(PrintError, match='Printer "No-Such-Printer-xmart" was not found') as raised:
        print_pdf_with_qt(pdf, "No-Such-Printer-xmart", "xmart-test")
    names = QPrinterInfo.availablePrinterNames()
    listing = f"Available printers: {', '.join(names)}." if names else "No printers are set up on this computer."
    assert str(raised.value).endswith(listing)


def test_no_default_printer_says_to_choose_one(data_engine, qtbot, monkeypatch):
    monkeypatch.setattr(qt_printing.QPrinterInfo, "defaultPrinter", staticmethod(lambda: QPrinterInfo()))
    pdf = rendered(data_engine, "cso", CSOS[:1], separate=True)[0][1]
    with pytest.raises(PrintError, match="No default printer is set: choose a printer by name"):
        print_pdf_with_qt(pdf, None, "xmart-test")


def test_a_damaged_pdf_is_refused_before_any_printer_is_asked(qtbot):
    with pytest.raises(PrintError, match=r"could not be read \(it is not a valid PDF\)"):
        print_pdf_with_qt(b"%PDF-1.4 not really", QUEUE, "xmart-test")


def test_the_backend_gets_the_merged_batch_instead_of_lp(data_engine, monkeypatch):
    def no_lp(command, *args, **kwargs):
        raise AssertionError(f"CUPS was called: {command}")

    monkeypatch.setattr("xmart.processes.printing.subprocess.run", no_lp)
    calls: list[tuple[int, str | None, str]] = []

    def recording(pdf: bytes, printer: str | None, title: str, copies: int = 1, pages=None) -> PrintResult:
        calls.append((_pages(pdf), printer, title))
        return PrintResult(job_id="QT-1", pages=_pages(pdf))

    files = rendered(data_engine, "cso", CSOS, separate=True)
    result = print_pdfs(files, PrintTarget(printer="Front desk"), backend=recording)
    assert calls == [(3, "Front desk", "CSO-1001_to_CSO-1003")]  # one job: the three PDFs merged
    assert result == PrintResult(job_id="QT-1", pages=3)

    calls.clear()
    result = print_documents(
        data_engine, "cso", CSOS, PrintTarget(), backend=lambda *a, **k: (calls.append(a), PrintResult())[1]
    )
    assert len(calls) == 1 and calls[0][1] is None  # None: the default printer
    assert _pages(calls[0][0]) == 3 and result.pages == 3  # counted by the service when the backend did not


def test_the_qt_backend_is_chosen_only_where_lp_is_missing(monkeypatch, tmp_path):
    if qt_printing.shutil.which("lp") is not None:
        assert qt_backend_if_needed() is None
    monkeypatch.setenv("PATH", str(tmp_path))
    assert qt_backend_if_needed() is print_pdf_with_qt


def test_the_cli_loads_no_qt_where_lp_exists(tmp_path):
    fake_lp = tmp_path / "lp"
    fake_lp.write_text("#!/bin/sh\nexit 0\n")
    fake_lp.chmod(0o755)
    code = (
        "import sys; from xmart.cli.printing import printer_backend; from xmart.processes.printing import "
        "PrintTarget; assert printer_backend(PrintTarget(printer='PDF')) is None; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was loaded'"
    )
    src = str(Path(qt_printing.__file__).parents[2])
    env = {"PATH": str(tmp_path), "PYTHONPATH": src}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


def test_qt_prints_only_the_page_range_on_the_cups_pdf_queue(data_engine, qtbot):
    """Pages 2-3 of a three-page batch: a two-page job (QPdfDocument pages onto the QPrinter)."""
    require_pdf_queue()
    merged, _count = merge_pdfs([data for _, data in rendered(data_engine, "cso", CSOS, separate=True)])
    before = pdfs_in(cups_pdf_folders())
    assert print_pdf_with_qt(merged, QUEUE, "xmart-range", pages=(2, 3)) == PrintResult(pages=2)
    _printed(before, expected_pages=2)
    with pytest.raises(PrintError, match="the document has 3 pages; page 4 does not exist"):
        print_pdf_with_qt(merged, QUEUE, "xmart-range", pages=(4, 5))


def test_copies_and_pages_are_checked_and_reach_the_backend(data_engine):
    with pytest.raises(PrintError, match="Copies: a number from 1 to 999"):
        PrintTarget(printer="PDF", copies=0)
    with pytest.raises(PrintError, match="Pages: 3 to 2 is not a range"):
        PrintTarget(printer="PDF", first_page=3, last_page=2)
    calls = []

    def backend(pdf, printer, title, copies=1, pages=None):
        calls.append((copies, pages))
        return PrintResult()

    files = rendered(data_engine, "cso", CSOS, separate=True)
    result = print_pdfs(files, PrintTarget(printer="PDF", copies=4, first_page=2, last_page=9), backend=backend)
    assert calls == [(4, (2, 9))] and result.pages == 2  # pages 2 and 3 of three, per copy
    with pytest.raises(PrintError, match="the document has 3 pages; page 5 does not exist"):
        print_pdfs(files, PrintTarget(printer="PDF", first_page=5, last_page=5), backend=backend)


def test_lp_prints_only_the_page_range_on_the_cups_pdf_queue(data_engine):
    """The same range through CUPS' `lp -P 2-3`: a two-page file from the CUPS-PDF queue."""
    require_pdf_queue()
    files = rendered(data_engine, "cso", CSOS, separate=True)
    before = pdfs_in(cups_pdf_folders())
    result = print_pdfs(files, PrintTarget(printer=QUEUE, first_page=2, last_page=3))
    assert result.pages == 2 and result.job_id
    _printed(before, expected_pages=2)
