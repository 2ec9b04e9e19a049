"""The printing service: folders never overwrite, a printer batch is one job, errors read clearly.

CUPS is replaced by small fake `lp`/`lpstat` scripts for the error paths; the real CUPS test runs
whenever a CUPS-PDF queue named "PDF" exists (scripts/setup-cups.sh creates one).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.cups import cups_pdf_folders, pdfs_in, require_pdf_queue, wait_for_new_pdfs
from xmart.errors import XmartError
from xmart.processes.documents import CompanyInfo, DocumentLine, Party, SaleOrderDocument, SaleOrderRenderer
from xmart.processes.money import line_amount, order_totals
from xmart.processes.printing import (
    PrintError,
    PrintTarget,
    default_printer,
    list_printers,
    page_count,
    print_pdfs,
)

FAKE_LPSTAT = r"""#!/bin/sh
case "$1" in
  -r) if [ -n "$FAKE_DOWN" ]; then echo "scheduler is not running"; else echo "scheduler is running"; fi ;;
  -e) for p in $FAKE_PRINTERS; do echo "$p"; done ;;
  -d) if [ -n "$FAKE_DEFAULT" ]; then echo "system default destination: $FAKE_DEFAULT";
      else echo "no system default destination"; fi ;;
  -p) for p in $FAKE_PRINTERS; do
        if [ -z "$2" ] || [ "$2" = "$p" ]; then
          case " $FAKE_DISABLED " in
            *" $p "*) echo "printer $p disabled since Mon 01 Jan 2024";;
            *) echo "printer $p is idle.  enabled since Mon 01 Jan 2024";;
          esac
        fi
      done ;;
  -a) echo "$2 accepting requests since Mon 01 Jan 2024" ;;
esac
"""

FAKE_LP = r"""#!/bin/sh
echo "$@" >> "$FAKE_LOG"
if [ -n "$FAKE_LP_FAIL" ]; then echo "lp: $FAKE_LP_FAIL" >&2; exit 1; fi
for last; do :; done
/bin/cp "$last" "$FAKE_SPOOL/job.pdf"
echo "request id is QUEUE-42 (1 file(s))"
"""


def sale_order_pdf(number: int, line_count: int = 3) -> bytes:
    """A rendered Sale Order with `line_count` lines."""
    lines = tuple(
        DocumentLine(
            f"SKU{i}", f"Item {i}", i, Decimal("9.99"), Decimal("0"), line_amount(i, Decimal("9.99"), Decimal("0"))
        )
        for i in range(1, line_count + 1)
    )
    totals = order_totals(((x.qty, x.price, x.discount) for x in lines), Decimal("0"))
    party = Party("Zoë Ångström", "", ("Storgatan 12",))
    document = SaleOrderDocument(
        number=number,
        date=dt.date(2024, 5, 14),
        store_code="S01",
        store_name="Downtown",
        bill_to=party,
        ship_to=party,
        lines=lines,
        subtotal=totals.subtotal,
        global_discount=Decimal("0"),
        global_discount_amount=totals.global_discount_amount,
        total=totals.total,
    )
    return SaleOrderRenderer(CompanyInfo("Xmart", ("1 Road",))).render(document)


@pytest.fixture(scope="module")
def batch() -> list[tuple[str, bytes]]:
    """Two documents: one page and several pages."""
    return [("SO-5001", sale_order_pdf(5001)), ("SO-5002", sale_order_pdf(5002, 80))]


@pytest.fixture
def fake_cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fake `lp` and `lpstat` first on PATH; printers A and B; returns the spool folder."""
    bin_dir, spool = tmp_path / "bin", tmp_path / "spool"
    bin_dir.mkdir()
    spool.mkdir()
    for name, script in (("lp", FAKE_LP), ("lpstat", FAKE_LPSTAT)):
        (bin_dir / name).write_text(script)
        (bin_dir / name).chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.setenv("FAKE_PRINTERS", "A B")
    monkeypatch.setenv("FAKE_LOG", str(spool / "calls.log"))
    monkeypatch.setenv("FAKE_SPOOL", str(spool))
    for variable in ("LPDEST", "PRINTER", "FAKE_DEFAULT", "FAKE_DISABLED", "FAKE_LP_FAIL", "FAKE_DOWN"):
        monkeypatch.delenv(variable, raising=False)
    return spool


def lp_calls(spool: Path) -> list[str]:
    """The argument lines the fake lp was called with."""
    log = spool / "calls.log"
    return log.read_text().splitlines() if log.exists() else []


# ---- folder ------------------------------------------------------------------------------------


def test_folder_gets_one_file_per_document_and_never_overwrites(tmp_path: Path, batch: list[tuple[str, bytes]]) -> None:
    first = print_pdfs(batch, PrintTarget(pdf_dir=tmp_path / "out"))
    assert [p.name for p in first.paths] == ["SO-5001.pdf", "SO-5002.pdf"]
    assert first.job_id is None
    assert first.pages == sum(page_count(data) for _, data in batch) >= 3
    original = first.paths[0].read_bytes()
    second = print_pdfs(batch[:1], PrintTarget(pdf_dir=tmp_path / "out"))
    third = print_pdfs(batch[:1], PrintTarget(pdf_dir=tmp_path / "out"))
    assert [p.name for p in second.paths + third.paths] == ["SO-5001-2.pdf", "SO-5001-3.pdf"]
    assert first.paths[0].read_bytes() == original
    assert second.paths[0].read_bytes() == batch[0][1]


def test_folder_combined_is_one_file_with_every_page(tmp_path: Path, batch: list[tuple[str, bytes]]) -> None:
    target = PrintTarget(pdf_dir=tmp_path, combined=True)
    result = print_pdfs(batch, target)
    again = print_pdfs(batch, target)
    assert [p.name for p in result.paths + again.paths] == ["SO-5001_to_SO-5002.pdf", "SO-5001_to_SO-5002-2.pdf"]
    reader = PdfReader(result.paths[0])
    assert len(reader.pages) == result.pages == sum(page_count(data) for _, data in batch)
    texts = [page.extract_text() for page in reader.pages]
    assert "SO-5001" in texts[0] and "SO-5002" in texts[-1]


def test_stems_cannot_leave_the_folder(tmp_path: Path, batch: list[tuple[str, bytes]]) -> None:
    result = print_pdfs([("../../etc/passwd", batch[0][1])], PrintTarget(pdf_dir=tmp_path / "docs"))
    assert result.paths[0].parent == tmp_path / "docs"


def test_nothing_to_print_and_two_targets_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PrintError, match="nothing to print"):
        print_pdfs([], PrintTarget(pdf_dir=tmp_path))
    with pytest.raises(PrintError, match="either a folder or a printer"):
        PrintTarget(pdf_dir=tmp_path, printer="A")
    assert issubclass(PrintError, XmartError)


# ---- printer (fake CUPS) -----------------------------------------------------------------------


def test_batch_is_one_job_on_the_named_printer(fake_cups: Path, batch: list[tuple[str, bytes]]) -> None:
    result = print_pdfs(batch, PrintTarget(printer="B"))
    (call,) = lp_calls(fake_cups)
    assert "-d B" in call
    assert result.job_id == "QUEUE-42" and result.paths == ()
    printed = PdfReader(fake_cups / "job.pdf")
    assert len(printed.pages) == result.pages == sum(page_count(data) for _, data in batch)


def test_default_printer_is_used_when_none_is_named(
    fake_cups: Path, monkeypatch: pytest.MonkeyPatch, batch: list[tuple[str, bytes]]
) -> None:
    monkeypatch.setenv("FAKE_DEFAULT", "A")
    assert default_printer() == "A" and list_printers() == ["A", "B"]
    print_pdfs(batch, PrintTarget())
    (call,) = lp_calls(fake_cups)
    assert "-d" not in call.split()


def test_no_default_printer_says_so(fake_cups: Path, batch: list[tuple[str, bytes]]) -> None:
    with pytest.raises(PrintError, match=r"No default printer is set.*Available printers: A, B\."):
        print_pdfs(batch, PrintTarget())
    assert lp_calls(fake_cups) == []


def test_unknown_printer_lists_the_available_ones(fake_cups: Path, batch: list[tuple[str, bytes]]) -> None:
    with pytest.raises(PrintError) as caught:
        print_pdfs(batch, PrintTarget(printer="X"))
    assert str(caught.value) == 'Printer "X" was not found. Available printers: A, B.'
    assert lp_calls(fake_cups) == []


def test_disabled_printer_is_reported_offline(
    fake_cups: Path, monkeypatch: pytest.MonkeyPatch, batch: list[tuple[str, bytes]]
) -> None:
    monkeypatch.setenv("FAKE_DISABLED", "B")
    with pytest.raises(PrintError, match='Printer "B" is offline'):
        print_pdfs(batch, PrintTarget(printer="B"))


def test_failed_lp_reports_its_reason(
    fake_cups: Path, monkeypatch: pytest.MonkeyPatch, batch: list[tuple[str, bytes]]
) -> None:
    monkeypatch.setenv("FAKE_LP_FAIL", "Error - The printer or class does not exist.")
    with pytest.raises(PrintError, match='Printing to "A" failed: lp: Error - The printer'):
        print_pdfs(batch, PrintTarget(printer="A"))


def test_stopped_scheduler_is_reported(
    fake_cups: Path, monkeypatch: pytest.MonkeyPatch, batch: list[tuple[str, bytes]]
) -> None:
    monkeypatch.setenv("FAKE_DOWN", "1")
    with pytest.raises(PrintError, match=r"print service \(CUPS\) is not running"):
        print_pdfs(batch, PrintTarget(printer="A"))


def test_missing_lp_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: list[tuple[str, bytes]]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrintError, match='"lp" is not installed'):
        print_pdfs(batch, PrintTarget(printer="A"))
    assert list_printers() == []


# ---- real CUPS ---------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("lp") is None, reason="CUPS client (lp) is not installed")
def test_unknown_printer_with_real_cups(batch: list[tuple[str, bytes]]) -> None:
    with pytest.raises(PrintError) as caught:
        print_pdfs(batch, PrintTarget(printer="No-Such-Printer-xmart"))
    message = str(caught.value)
    assert 'Printer "No-Such-Printer-xmart" was not found.' in message or "not running" in message


def test_batch_prints_as_one_job_on_cups_pdf(batch: list[tuple[str, bytes]]) -> None:
    require_pdf_queue()
    before = pdfs_in(cups_pdf_folders())
    result = print_pdfs(batch, PrintTarget(printer="PDF"), title=f"xmart-test-{os.getpid()}")
    assert result.job_id and result.job_id.startswith("PDF-")
    expected = sum(page_count(data) for _, data in batch)
    new, pages = wait_for_new_pdfs(before, expected)
    try:
        assert len(new) == 1, f"expected one new CUPS-PDF file, found {sorted(new)}"
        assert pages == expected
    finally:
        for path in new:
            path.unlink(missing_ok=True)
