"""Print and Save as PDF from the UI: runs the printing service in the task runner.

The renderers and the printing service have no Qt; this module only asks the system print dialog
(QPrintDialog: printer — the one chosen in Settings preselected —, copies, page range), the way to
reach the printer (CUPS' `lp`, or Qt where there is no `lp`: `xmart.ui.qt_printing`) and the file
name, and shows the outcome. The dialog class is `print_dialog_class`, which a test may replace.
With no printer chosen and no default printer it says where to choose one instead of starting a job that fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QWidget

from xmart.processes import document_printing
from xmart.processes.exports import write_bytes_atomically
from xmart.processes.printing import PrintTarget
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error, show_message
from xmart.ui.qt_printing import qt_backend_if_needed
from xmart.ui.qt_settings import setting_value
from xmart.ui.tasks import Task

NO_PRINTER = (
    "No printer is chosen and this computer has no default printer: choose one in Settings › Printer…, "
    "or save the document as PDF."
)
PRINT_FUNCTIONS = {"so": "print_sale_orders", "po": "print_purchase_orders", "cso": "print_corporate_orders"}
KIND_WORDS = {"so": "sale order", "po": "purchase order", "cso": "corporate sale order"}
PRINTER_KEY = "printing/printer"
MAX_PAGE = 9999
DialogOption = QAbstractPrintDialog.PrintDialogOption

print_dialog_class: type[QPrintDialog] = QPrintDialog
"""The print dialog shown before printing (a test may put a subclass here)."""


def _service():
    """The printing service (one place, so tests can put a stand-in there)."""
    return document_printing


def printer_names() -> list[str]:
    """Printers the system knows, the default first."""
    default = QPrinterInfo.defaultPrinterName()
    names = [p.printerName() for p in QPrinterInfo.availablePrinters()]
    return sorted(names, key=lambda n: (n != default, n.casefold()))


def chosen_printer(ctx: AppContext) -> str | None:
    """The printer chosen in Settings, or None for the system's default printer."""
    name = setting_value(ctx.settings, PRINTER_KEY, "")
    return name or None


def print_target_printer(ctx: AppContext) -> str | None:
    """The printer to print on: the chosen one, else the system default ("" when only CUPS knows it);
    None when there is no printer to print on."""
    chosen = chosen_printer(ctx)
    if chosen:
        return chosen
    if QPrinterInfo.defaultPrinterName():
        return QPrinterInfo.defaultPrinterName()
    from xmart.processes.printing import default_printer

    return "" if default_printer() else None


NO_PRINTER_INSTALLED = "No printer is installed on this computer. Documents can still be saved as PDF."


def choose_printer(ctx: AppContext, parent: QWidget, first_run: bool = False) -> str | None:
    """Settings › Printer…: pick the printer documents go to (remembered on this workstation); the name
    chosen, or None. `first_run`: the first run's step (its title; no printer is said in the status bar)."""
    names = printer_names()
    if not names:
        if not first_run:
            show_message(parent, NO_PRINTER_INSTALLED)
        return None
    current = chosen_printer(ctx)
    dialog = QInputDialog(parent)
    dialog.setObjectName("printerDialog")
    dialog.setWindowTitle("Welcome to xmart: Printer" if first_run else "Printer")
    dialog.setLabelText(
        "Print sale orders, purchase orders and confirmations on this workstation's printer:"
        if first_run
        else "Print documents on:"
    )
    dialog.setComboBoxItems(names)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(current if current in names else names[0])
    if first_run:
        dialog.setCancelButtonText("S&kip")
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.textValue():
            return None
        name = dialog.textValue()
    finally:
        dialog.deleteLater()
    ctx.settings.setValue(PRINTER_KEY, name)
    return name


def ask_print_target(ctx: AppContext, parent: QWidget, title: str = "Print") -> PrintTarget | None:
    """Show the system print dialog (the chosen or default printer preselected) and return the printer,
    copies and page range picked; None when cancelled or when there is no printer (said so)."""
    printer_name = print_target_printer(ctx)
    if printer_name is None:
        show_message(parent, NO_PRINTER)
        return None
    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    printer = QPrinter() if info.isNull() else QPrinter(info)
    dialog = print_dialog_class(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setOption(DialogOption.PrintToFile, False)  # Save as PDF does that, with our file names
    dialog.setOption(DialogOption.PrintSelection, False)
    dialog.setOption(DialogOption.PrintCurrentPage, False)
    dialog.setOption(DialogOption.PrintPageRange, True)
    dialog.setMinMax(1, MAX_PAGE)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
    finally:
        dialog.deleteLater()
    first = last = None
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), max(printer.fromPage(), printer.toPage())
    return PrintTarget(
        printer=printer.printerName() or printer_name or None,
        copies=max(1, printer.copyCount()),
        first_page=first,
        last_page=last,
    )


def print_documents(ctx: AppContext, parent: QWidget, kind: str, numbers: Sequence[int]) -> Task | None:
    """Ask the print dialog, then print documents of one kind as one job in the task runner; report the outcome."""
    service = _service()
    target = ask_print_target(ctx, parent, f"Print {KIND_WORDS[kind]}{'s' if len(numbers) != 1 else ''}")
    if target is None:
        return None
    function = getattr(service, PRINT_FUNCTIONS[kind])
    numbers = list(numbers)
    word = KIND_WORDS[kind] + ("s" if len(numbers) != 1 else "")
    printer = target.printer or "the default printer"
    backend = qt_backend_if_needed()
    return ctx.tasks.start(
        f"Printing {len(numbers)} {word}",
        lambda progress, cancelled: function(ctx.engine, numbers, target, backend=backend),
        parent=parent,
        cancellable=False,
        on_success=lambda _result: _status(parent, f"Sent {len(numbers)} {word} to {printer}."),
        on_error=lambda exc: show_error(parent, exc),
    )


def save_pdf(ctx: AppContext, parent: QWidget, kind: str, number: int) -> Task | None:
    """Save one document as a PDF file the user names."""
    service = _service()
    folder = setting_value(ctx.settings, "printing/pdf_folder", str(Path.home()))
    suggested = str(Path(folder) / f"{kind}-{number}.pdf")
    path, _ = QFileDialog.getSaveFileName(parent, "Save as PDF", suggested, "PDF documents (*.pdf)")
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"  # a name typed without the extension
    ctx.settings.setValue("printing/pdf_folder", str(Path(path).parent))

    def work(progress, cancelled) -> Path:
        data = service.render_pdf(ctx.engine, kind, number)
        return write_bytes_atomically(path, data)

    return ctx.tasks.start(
        "Saving PDF",
        work,
        parent=parent,
        cancellable=False,
        on_success=lambda saved: _status(parent, f"Saved {saved}."),
        on_error=lambda exc: show_error(parent, exc),
    )


def _status(parent: QWidget, text: str) -> None:
    window = parent.window()
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(text, 8000)
    else:
        show_message(parent, text)
