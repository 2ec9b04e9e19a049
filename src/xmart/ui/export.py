"""Every list to CSV or Excel (.xlsx): one helper for the browsers, report windows, result summaries, outbox.

An `ExportTable` is what to write: a title (file name and sheet), the column titles and a function
giving the rows as typed values (int, Decimal money, date, text). `model_table` makes one from any
Qt item model holding all its rows (RowsTableModel, a tree widget's model): each cell's UserRole value
when the model offers one, else its text. `browser_table` reads a paged browser's whole list through
the read model (`iter_documents`, set-based, a page at a time), not just the loaded rows. `export`
asks for the file (an injectable `ask`, a QFileDialog by default), writes it in the task runner with
progress and Cancel (processes/exports.py does the writing), and says where it went in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from xmart.errors import Cancelled, XmartError
from xmart.processes.exports import write_csv, write_xlsx
from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.views.document_lists import BrowserFilter, DocumentList, iter_documents
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.qt_settings import setting_value
from xmart.ui.tasks import Task

CSV = "csv"
XLSX = "xlsx"
FORMATS = {
    CSV: ("Save as CSV", "CSV files (*.csv)"),
    XLSX: ("Export to Excel", "Excel workbooks (*.xlsx)"),
}
"""Format -> (dialog caption, file filter)."""

Progress = Callable[[int, int, str], None]
AskPath = Callable[[QWidget, str, str, str], str]
"""(parent, caption, suggested path, file filter) -> the chosen path, or "" when the user cancels."""


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str:
    """The system's Save dialog."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    return path


@dataclass(frozen=True)
class ExportTable:
    """A table to write: `rows()` yields typed values in `headers` order; `count` is a row estimate for
    progress (0 when unknown); `money` names the money columns (None: every Decimal is money)."""

    title: str
    headers: tuple[str, ...]
    rows: Callable[[], Iterable[Sequence[Any]]]
    count: int = 0
    money: Collection[str] | None = None


def model_table(model: QAbstractItemModel, title: str, money: Collection[str] | None = None) -> ExportTable:
    """Every row of `model` (all loaded: not for paged browsers), read now in the GUI thread."""
    columns = range(model.columnCount())
    headers = tuple(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns)

    def cell(row: int, column: int) -> Any:
        index = model.index(row, column)
        value = model.data(index, Qt.ItemDataRole.UserRole)
        return value if value is not None else (model.data(index) or "")

    rows = [tuple(cell(r, c) for c in columns) for r in range(model.rowCount())]
    return ExportTable(title, headers, lambda: rows, len(rows), money)


def browser_table(ctx: AppContext, source: DocumentList, flt: BrowserFilter, sort: str, descending: bool, count: int):
    """The whole list of a document browser under its filter and order, read through the read model."""
    headers = tuple(c.title for c in source.columns)
    attrs = [c.attr for c in source.columns]
    engine = ctx.engine

    def rows() -> Iterable[Sequence[Any]]:
        with UnitOfWork(engine) as uow:
            for row in iter_documents(uow, source.kind, flt, sort, descending):
                yield tuple(getattr(row, a) for a in attrs)

    return ExportTable(source.title, headers, rows, count)


def _stem(title: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-") or "export"


def _counted(rows: Iterable[Sequence[Any]], count: int, progress: Progress, cancelled: Callable[[], bool]):
    for done, row in enumerate(rows, 1):
        if cancelled():
            raise Cancelled("Export cancelled.")
        if done % 500 == 0:
            progress(done, max(count, done), f"{done:,} rows")
        yield row


def export(
    ctx: AppContext,
    parent: QWidget,
    table: ExportTable,
    fmt: str,
    *,
    ask: AskPath = ask_save_path,
    on_done: Callable[[Path], object] | None = None,
) -> Task | None:
    """Ask where to save `table` as `fmt` (CSV or XLSX) and write it in the task runner; None when cancelled."""
    caption, file_filter = FORMATS[fmt]
    folder = setting_value(ctx.settings, "export/folder", str(Path.home()))
    chosen = ask(parent, caption, str(Path(folder) / f"{_stem(table.title)}.{fmt}"), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != f".{fmt}":
        path = path.with_name(path.name + f".{fmt}")
    ctx.settings.setValue("export/folder", str(path.parent))

    def work(progress: Progress, cancelled: Callable[[], bool]) -> Path:
        rows = _counted(table.rows(), table.count, progress, cancelled)
        try:
            if fmt == XLSX:
                return write_xlsx(path, table.headers, rows, table.money, title=table.title)
            return write_csv(path, table.headers, rows, table.money)
        except OSError as exc:
            raise XmartError(f"Could not write {path}: {exc.strerror or exc}.") from exc

    def done(written: Path) -> None:
        bar = getattr(parent.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(f"Saved {table.title} to {written}.", 8000)
        if on_done is not None:
            on_done(written)

    return ctx.tasks.start(
        f"{caption}: {table.title}",
        work,
        parent=parent,
        on_success=done,
        on_error=lambda exc: show_error(parent, exc),
    )
