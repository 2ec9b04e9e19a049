"""The printing service (Qt-free): save rendered PDFs to a folder or send them to a CUPS printer.

Invariants: a folder never has a file overwritten (a `-2`, `-3`... suffix is added instead); a batch
sent to a printer is exactly one print job (the PDFs are merged first); every failure is a
`PrintError` whose message a clerk can act on. Printers are reached through the CUPS commands
`lp` and `lpstat`, run without a shell and with a timeout, unless the caller passes a `PrinterBackend`
(e.g. the Qt one of `xmart.ui.qt_printing` where there is no `lp`, as on Windows): the batch, merged
into one PDF, is then handed to it as one job. This module keeps no printer state of its own.
Copies and a page range (the print dialog's) reach `lp` as `-n COPIES -P FIRST-LAST` and a backend
as its `copies` and `pages` arguments; a range beyond the document's last page is refused.

Speed: merging per-document PDFs costs 2-3 ms a page (each carries its own fonts); for a large batch
to a printer, render it with `DocumentRenderer.render_many` and pass that one PDF.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from pypdf import PdfReader, PdfWriter

from xmart.errors import XmartError

COMMAND_TIMEOUT = 30.0
MAX_COPIES = 999
_UNSAFE = re.compile(r"[^\w.-]+")


class PrintError(XmartError):
    """Documents could not be saved or printed; the message says why and what to do."""

    exit_status = 1


@dataclass(frozen=True)
class PrintTarget:
    """Where documents go: a folder (`pdf_dir`), a named printer, or neither for the default printer;
    on a printer `copies` of the batch, and only pages `first_page`..`last_page` (1-based, inclusive) when given."""

    pdf_dir: Path | None = None
    printer: str | None = None
    combined: bool = False
    copies: int = 1
    first_page: int | None = None
    last_page: int | None = None

    def __post_init__(self) -> None:
        if self.pdf_dir is not None and self.printer:
            raise PrintError("Choose either a folder or a printer, not both.")
        if not 1 <= self.copies <= MAX_COPIES:
            raise PrintError(f"Copies: a number from 1 to {MAX_COPIES}.")
        if (self.first_page is None) != (self.last_page is None):
            raise PrintError("Pages: give both the first and the last page to print.")
        if self.first_page is not None and self.last_page is not None and not 1 <= self.first_page <= self.last_page:
            raise PrintError(f"Pages: {self.first_page} to {self.last_page} is not a range of pages.")

    @property
    def pages(self) -> tuple[int, int] | None:
        """The page range to print (first, last), or None for every page."""
        if self.first_page is None or self.last_page is None:
            return None
        return self.first_page, self.last_page


@dataclass(frozen=True)
class PrintResult:
    """What was produced: the files written, the print job id, and the number of pages."""

    paths: tuple[Path, ...] = ()
    job_id: str | None = None
    pages: int = 0


class PrinterBackend(Protocol):
    """Prints one PDF (the whole batch) as one job."""

    def __call__(
        self, pdf: bytes, printer: str | None, title: str, copies: int = 1, pages: tuple[int, int] | None = None
    ) -> PrintResult:
        """Print `copies` of `pdf` (only pages first..last of `pages` when given, 1-based) on `printer`
        (None: the default printer) as one job named `title`."""
        ...


def print_pdfs(
    files: Sequence[tuple[str, bytes]],
    target: PrintTarget,
    title: str | None = None,
    backend: PrinterBackend | None = None,
) -> PrintResult:
    """Save (stem, pdf) documents to a folder, or print them as one job through `backend` (default: CUPS `lp`)."""
    if not files:
        raise PrintError("There is nothing to print.")
    if target.pdf_dir is not None:
        return _save(files, Path(target.pdf_dir), target.combined, title)
    if backend is not None:
        pdf, pages = _one_pdf(files)
        pages = _printed_pages(pages, target.pages)
        result = backend(
            pdf, target.printer or None, title or _batch_title(files), copies=target.copies, pages=target.pages
        )
        return result if result.pages else replace(result, pages=pages)  # a backend that could not count
    return _print(files, target, title or _batch_title(files))


def _printed_pages(pages: int, selection: tuple[int, int] | None) -> int:
    """How many pages of a `pages`-page PDF one copy prints; PrintError when the range starts past its end."""
    if selection is None:
        return pages
    first, last = selection
    if first > pages:
        raise PrintError(
            f"Pages: the document has {pages} page{'s' if pages != 1 else ''}; page {first} does not exist."
        )
    return min(last, pages) - first + 1


def merge_pdfs(pdfs: Sequence[bytes]) -> tuple[bytes, int]:
    """One PDF with all pages of `pdfs` in order, and its page count."""
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    pages = len(writer.pages)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue(), pages


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def list_printers() -> list[str]:
    """The names of the print queues known to CUPS (empty when CUPS is missing or not running)."""
    if shutil.which("lpstat") is None:
        return []
    result = _run(["lpstat", "-e"])
    if result.returncode == 0:
        return [line.strip() for line in result.stdout.splitlines() if line.strip()]
    result = _run(["lpstat", "-p"])
    return [line.split()[1] for line in result.stdout.splitlines() if line.startswith("printer ")]


def default_printer() -> str | None:
    """The default print queue (LPDEST, PRINTER, then `lpstat -d`), or None when there is none."""
    for variable in ("LPDEST", "PRINTER"):
        if os.environ.get(variable):
            return os.environ[variable]
    if shutil.which("lpstat") is None:
        return None
    result = _run(["lpstat", "-d"])
    match = re.search(r"system default destination:\s*(\S+)", result.stdout)
    return match.group(1) if match else None


# ---- folder --------------------------------------------------------------------------------------


def _save(files: Sequence[tuple[str, bytes]], folder: Path, combined: bool, title: str | None) -> PrintResult:
    """Write one file per document, or one combined file, never overwriting an existing file."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PrintError(f'Cannot create the folder "{folder}": {error.strerror or error}.') from error
    if combined:
        pdf, pages = merge_pdfs([data for _, data in files])
        return PrintResult(paths=(_write_new(folder, title or _batch_title(files), pdf),), pages=pages)
    paths = tuple(_write_new(folder, stem, data) for stem, data in files)
    return PrintResult(paths=paths, pages=sum(page_count(data) for _, data in files))


def _write_new(folder: Path, stem: str, data: bytes) -> Path:
    """Write `data` to folder/stem.pdf, or stem-2.pdf, stem-3.pdf... if taken; return the path."""
    safe = _safe_stem(stem)
    for attempt in range(1, 10_000):
        path = folder / (f"{safe}.pdf" if attempt == 1 else f"{safe}-{attempt}.pdf")
        try:
            with path.open("xb") as handle:
                handle.write(data)
            return path
        except FileExistsError:
            continue
        except OSError as error:
            raise PrintError(f'Cannot write "{path}": {error.strerror or error}.') from error
    raise PrintError(f'The folder "{folder}" already holds too many files named {safe}.')


def _safe_stem(stem: str) -> str:
    """A file stem without path separators or characters that trouble file systems."""
    safe = _UNSAFE.sub("_", stem).strip("._")
    return safe or "document"


def _batch_title(files: Sequence[tuple[str, bytes]]) -> str:
    """A name for a batch: its only stem, or first_to_last."""
    first, last = files[0][0], files[-1][0]
    return first if len(files) == 1 else f"{first}_to_{last}"


# ---- printer -------------------------------------------------------------------------------------


def _print(files: Sequence[tuple[str, bytes]], target: PrintTarget, title: str) -> PrintResult:
    """Send all documents to `target.printer` (None: the default printer) as one job, with its copies and pages."""
    printer = target.printer
    if shutil.which("lp") is None:
        raise PrintError(
            'Printing is not available on this computer: the CUPS command "lp" is not installed. '
            "Save the documents to a folder instead."
        )
    queue = _check_queue(printer)
    pdf, pages = _one_pdf(files)
    pages = _printed_pages(pages, target.pages)
    handle, name = tempfile.mkstemp(prefix="xmart-print-", suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(pdf)
        command = ["lp", "-t", title] + (["-d", printer] if printer else [])
        if target.copies > 1:
            command += ["-n", str(target.copies)]
        if target.pages is not None:
            command += ["-P", f"{target.pages[0]}-{target.pages[1]}"]
        command.append(name)
        result = _run(command)
    finally:
        os.unlink(name)
    if result.returncode != 0:
        detail = _first_line(result.stderr or result.stdout) or f"exit status {result.returncode}"
        raise PrintError(f'Printing to "{queue}" failed: {detail}')
    match = re.search(r"request id is (\S+)", result.stdout)
    return PrintResult(job_id=match.group(1) if match else None, pages=pages)


def _one_pdf(files: Sequence[tuple[str, bytes]]) -> tuple[bytes, int]:
    """The batch as one PDF (a single document as it is) and its page count."""
    if len(files) == 1:
        return files[0][1], page_count(files[0][1])
    return merge_pdfs([data for _, data in files])


def _check_queue(printer: str | None) -> str:
    """The queue to print to, after checking that it exists and is enabled."""
    if shutil.which("lpstat") is None:
        return printer or "the default printer"
    status = _run(["lpstat", "-r"])
    if "not running" in status.stdout + status.stderr:
        raise PrintError("The print service (CUPS) is not running on this computer. Ask for it to be started.")
    available = list_printers()
    listing = f"Available printers: {', '.join(available)}." if available else "No printers are set up."
    if printer is None:
        printer = default_printer()
        if printer is None:
            raise PrintError(f"No default printer is set: choose a printer by name. {listing}")
    if printer not in available:
        raise PrintError(f'Printer "{printer}" was not found. {listing}')
    state = _run(["lpstat", "-p", printer]).stdout
    if "disabled" in state:
        raise PrintError(
            f'Printer "{printer}" is offline (disabled). Choose another printer or ask for it to be enabled.'
        )
    accepting = _run(["lpstat", "-a", printer]).stdout
    if "not accepting" in accepting:
        raise PrintError(f'Printer "{printer}" is not accepting jobs. Choose another printer.')
    return printer


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a CUPS command without a shell, in the C locale, with a timeout."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT, env=env, check=False)
    except FileNotFoundError as error:
        raise PrintError(f'Printing is not available: the command "{command[0]}" is not installed.') from error
    except subprocess.TimeoutExpired as error:
        raise PrintError(
            f"The print service did not answer within {COMMAND_TIMEOUT:.0f} seconds. Try again later."
        ) from error
    return result


def _first_line(text: str) -> str:
    """The first non-empty line of command output."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


__all__ = [
    "PrintError",
    "PrintResult",
    "PrintTarget",
    "PrinterBackend",
    "default_printer",
    "list_printers",
    "merge_pdfs",
    "page_count",
    "print_pdfs",
]
