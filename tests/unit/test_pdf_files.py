"""A PDF saved to a folder is written whole or not at all: bytes go to a temporary file that is then
linked under its name, so a full disk midway never leaves a half-written PDF (issue 12, section 3)."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest
from pypdf import PdfWriter

from xmart.processes.printing import PrintError, PrintTarget, print_pdfs


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = _blank_pdf()


def test_a_disk_that_fills_midway_leaves_no_half_written_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(PrintError, match="No space left on device"):
        print_pdfs([("SO-5001", PDF)], PrintTarget(pdf_dir=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_refuses_the_name_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(_source: object, _target: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "link", refused)
    with pytest.raises(PrintError, match="Permission denied"):
        print_pdfs([("SO-5001", PDF)], PrintTarget(pdf_dir=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_saved_files_are_whole_and_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "SO-5001.pdf").write_bytes(b"an older copy")
    result = print_pdfs([("SO-5001", PDF)], PrintTarget(pdf_dir=tmp_path))
    assert [p.name for p in result.paths] == ["SO-5001-2.pdf"]
    assert (tmp_path / "SO-5001.pdf").read_bytes() == b"an older copy"
    assert (tmp_path / "SO-5001-2.pdf").read_bytes() == PDF
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SO-5001-2.pdf", "SO-5001.pdf"]


def test_a_report_pdf_replaces_its_file_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from xmart.processes.exports import write_bytes_atomically

    target = tmp_path / "report.pdf"
    target.write_bytes(b"last week's report")

    def full(self: Path, _data: bytes) -> int:
        self.write_text("half")  # the disk fills after a few bytes
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "write_bytes", full)
        with pytest.raises(OSError):
            write_bytes_atomically(target, PDF)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    assert target.read_bytes() == b"last week's report"
    assert write_bytes_atomically(target, PDF) == target and target.read_bytes() == PDF
