"""A real CUPS-PDF queue for printing tests: is it there, where does it write, wait for a job's file.

scripts/setup-cups.sh (run by the test command as root) installs CUPS, starts it and adds the queue
"PDF". Without it the tests skip with the reason; under CI (CI=true) they fail instead: in CI the
real printing test must run.
"""

from __future__ import annotations

import io
import os
import pwd
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

QUEUE = "PDF"


def no_pdf_queue_reason() -> str | None:
    """Why the real CUPS test cannot run here, or None when a queue named PDF is ready."""
    if shutil.which("lpstat") is None:
        return "CUPS is not installed (run scripts/setup-cups.sh as root)"
    status = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, timeout=10, check=False)
    if "scheduler is running" not in status.stdout:
        return "CUPS is installed but cupsd is not running (run scripts/setup-cups.sh as root)"
    queue = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, timeout=10, check=False)
    if queue.returncode != 0:
        return f'CUPS runs but has no queue named "{QUEUE}" (run scripts/setup-cups.sh as root)'
    return None


def require_pdf_queue() -> None:
    """Skip (or, under CI, fail) unless the CUPS-PDF queue is ready."""
    reason = no_pdf_queue_reason()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must print for real: {reason}")
        pytest.skip(reason)


def cups_pdf_folders() -> list[Path]:
    """Where CUPS-PDF may write this user's jobs: its configured Out folder, ~/PDF, the anonymous spool."""
    home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    user = pwd.getpwuid(os.getuid()).pw_name
    folders = [home / "PDF", Path("/var/spool/cups-pdf") / user, Path("/var/spool/cups-pdf/ANONYMOUS")]
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        match = re.search(r"^Out\s+(\S+)", conf.read_text(errors="replace"), re.MULTILINE)
        if match:
            folders.insert(0, Path(match.group(1).replace("${HOME}", str(home)).replace("${USER}", user)))
    return folders


def pdfs_in(folders: list[Path]) -> set[Path]:
    """Every PDF in the folders that exist."""
    return {path for folder in folders if folder.is_dir() for path in folder.glob("*.pdf")}


def wait_for_new_pdfs(before: set[Path], expected_pages: int, timeout: float = 60) -> tuple[set[Path], int | None]:
    """New CUPS-PDF files since `before` and the pages of the single new one, once it is complete."""
    folders = cups_pdf_folders()
    deadline = time.monotonic() + timeout
    new: set[Path] = set()
    pages = None
    while time.monotonic() < deadline:
        new = pdfs_in(folders) - before
        if len(new) == 1:
            try:
                pages = len(PdfReader(io.BytesIO(next(iter(new)).read_bytes())).pages)
            except Exception:  # still being written
                pages = None
            if pages == expected_pages:
                break
        time.sleep(0.25)
    return new, pages
