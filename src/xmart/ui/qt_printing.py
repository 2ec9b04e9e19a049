"""Printing a PDF through Qt where CUPS' `lp` is missing (Windows): a `PrinterBackend` for the printing service.

QPdfDocument (package PySide6-Pdf) reads the batch's PDF from memory; each page is rendered to an
image at the printer's resolution (at most `MAX_RENDER_DPI`, one page in memory at a time) and drawn
on a QPrinter chosen by name, or the system's default printer, as ONE job titled with the batch's
name: `copies` times (QPrinter.copyCount; repeated here where the printer cannot make copies itself),
only the pages of the print dialog's range when one was chosen. Every failure is a `PrintError` a
clerk can act on. Works in the task runner's worker threads and under QT_QPA_PLATFORM=offscreen;
creates the QGuiApplication Qt needs when there is none.
"""

from __future__ import annotations

import os
import shutil
import sys

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from xmart.processes.printing import PrinterBackend, PrintError, PrintResult

MAX_RENDER_DPI = 600  # 600 dpi keeps text crisp; an A4 page is then ~140 MB of pixels, 1200 dpi would be ~560 MB
POINTS_PER_INCH = 72.0


def qt_backend_if_needed() -> PrinterBackend | None:
    """The Qt printer backend when CUPS' `lp` is not on the PATH (e.g. Windows), else None (print with `lp`)."""
    backend: PrinterBackend = print_pdf_with_qt
    return backend if shutil.which("lp") is None else None


def print_pdf_with_qt(
    pdf: bytes, printer: str | None, title: str, copies: int = 1, pages: tuple[int, int] | None = None
) -> PrintResult:
    """Print `copies` of `pdf` (pages first..last of `pages`, 1-based, when given; else every page) on
    `printer` (None: the default printer) as one job named `title`; PrintError when it cannot."""
    _ensure_gui_application()
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise PrintError(
                f"The document to print could not be read ({_load_error(document)}). "
                "Save it as PDF instead and report the problem."
            )
        qprinter = QPrinter(_printer_info(printer), QPrinter.PrinterMode.HighResolution)
        name = qprinter.printerName() or printer or "the default printer"
        if not qprinter.isValid():
            raise PrintError(f'Printer "{name}" cannot be used. Choose another printer or save the document as PDF.')
        qprinter.setDocName(title)
        qprinter.setFullPage(True)  # the PDF page already has its margins
        count = document.pageCount()
        first, last = (1, count) if pages is None else (pages[0], min(pages[1], count))
        if first > count:
            raise PrintError(
                f"Pages: the document has {count} page{'s' if count != 1 else ''}; page {first} does not exist."
            )
        qprinter.setCopyCount(copies)
        qprinter.setFromTo(first, last)
        repeats = 1 if qprinter.supportsMultipleCopies() else copies  # else each copy is printed here
        indexes = [index for _ in range(repeats) for index in range(first - 1, last)]
        _set_page(qprinter, document.pagePointSize(indexes[0]))
        painter = QPainter()
        if not painter.begin(qprinter):
            raise PrintError(
                f'Printer "{name}" could not start the print job. Check that it is switched on and '
                "ready, then try again."
            )
        try:
            dpi = min(qprinter.resolution(), MAX_RENDER_DPI)
            for position, index in enumerate(indexes):
                if position:
                    _set_page(qprinter, document.pagePointSize(index))
                    if not qprinter.newPage():
                        raise PrintError(f'Printer "{name}" stopped the print job at page {index + 1} of {count}.')
                _draw_page(painter, qprinter, document, index, dpi)
        except BaseException:
            qprinter.abort()
            painter.end()
            raise
        if not painter.end():
            raise PrintError(f'Printer "{name}" did not accept the print job. Try again or choose another printer.')
    finally:
        document.close()
        buffer.close()
    return PrintResult(pages=last - first + 1)


def _ensure_gui_application() -> None:
    """Qt's printer support needs a QGuiApplication: make one (offscreen without a display) if none exists."""
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        return
    if app is not None:
        raise PrintError(
            "Printing through Qt needs the desktop client's application object. Save the documents as PDF instead."
        )
    argv = ["xmart"]
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]  # printing needs no screen; without one Qt would abort
    QGuiApplication(argv)  # PySide keeps the application instance alive until the interpreter exits


def _printer_info(printer: str | None) -> QPrinterInfo:
    """The named printer, or the default one; a PrintError naming the printers that exist otherwise."""
    names = QPrinterInfo.availablePrinterNames()
    listing = f"Available printers: {', '.join(names)}." if names else "No printers are set up on this computer."
    if printer:
        info = QPrinterInfo.printerInfo(printer)
        if info.isNull():
            raise PrintError(f'Printer "{printer}" was not found. {listing}')
        return info
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise PrintError(f"No default printer is set: choose a printer by name. {listing}")
    return info


def _set_page(printer: QPrinter, points: QSizeF) -> None:
    """Paper of the PDF page's size (matched to a standard size when close), in its orientation, no margins."""
    width, height = points.width(), points.height()
    orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    portrait = QSizeF(min(width, height), max(width, height))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, index: int, dpi: int) -> None:
    """Render page `index` at `dpi` on white and draw it over the whole sheet."""
    points = document.pagePointSize(index)
    pixels = QSize(
        max(1, round(points.width() * dpi / POINTS_PER_INCH)), max(1, round(points.height() * dpi / POINTS_PER_INCH))
    )
    image = document.render(index, pixels)
    if image.isNull():
        raise PrintError(
            f"Page {index + 1} of the document could not be drawn (not enough memory?). "
            "Save the documents as PDF instead."
        )
    background = QPainter(image)  # pdfium leaves the page transparent: put white paper behind it
    background.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOver)
    background.fillRect(image.rect(), Qt.GlobalColor.white)
    background.end()
    image.convertTo(QImage.Format.Format_RGB32)
    sheet = printer.pageLayout().fullRectPixels(printer.resolution())
    painter.drawImage(QRectF(0, 0, sheet.width(), sheet.height()), image)


def _load_error(document: QPdfDocument) -> str:
    """A short reason why QPdfDocument could not load a PDF."""
    error = document.error()
    reasons = {
        QPdfDocument.Error.InvalidFileFormat: "it is not a valid PDF",
        QPdfDocument.Error.IncorrectPassword: "it is protected by a password",
        QPdfDocument.Error.UnsupportedSecurityScheme: "its protection is not supported",
        QPdfDocument.Error.DataNotYetAvailable: "it was not complete",
    }
    return reasons.get(error, "it has no pages" if error == QPdfDocument.Error.None_ else f"error {error.name}")


__all__ = ["MAX_RENDER_DPI", "print_pdf_with_qt", "qt_backend_if_needed"]
