"""Transactions › Web Orders (DOMAIN.md section 10): import Shopify or WooCommerce order files, or watch the
folder a web store's export lands in; the last runs' reports; the review list with the reason per held
order; map a web SKU to an item and retry the held orders.

The imports and retries run in the task runner (`processes.web_orders.importing`); a watched folder is
read again a moment after it changes (QFileSystemWatcher), only the files that are new or changed since
the last look; a problem of a watched run is shown in the window, never in a box that stops the watching.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QTimer
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTabWidget, QWidget

from xmart.errors import XmartError
from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.web_orders.importing import (
    HeldOrder,
    RunReport,
    WebImportResult,
    held_orders,
    import_web_orders,
    last_runs,
    map_sku,
    retry_held,
)
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.generated.ui_web_orders import Ui_WebOrdersView
from xmart.ui.qt_settings import setting_value
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel
from xmart.ui.tasks import Task

SOURCES = (("Shopify", "shopify"), ("WooCommerce", "woocommerce"))
WATCH_DELAY_MS = 700
"""How long after a folder changes it is read: an export tool writing several files is done by then."""

AskFiles = Callable[[QWidget, str], list[str]]
AskFolder = Callable[[QWidget, str], str]


def _when(value) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


HELD_COLUMNS: list[Column[HeldOrder]] = [
    Column("Source", lambda h: h.source),
    Column("Order", lambda h: h.name or h.order_id),
    Column("Order id", lambda h: h.order_id),
    Column("CSO", lambda h: str(h.cso or ""), True, lambda h: h.cso or 0),
    Column("Since", lambda h: _when(h.since)),
    Column("Reason", lambda h: h.reason),
]


def _count_column(name: str) -> Column[RunReport]:
    def count(run: RunReport) -> int:
        return run.counts[name]

    return Column(name.capitalize(), lambda r: str(count(r)), True, count)


RUN_COLUMNS: list[Column[RunReport]] = [
    Column("When", lambda r: _when(r.at)),
    Column("Run", lambda r: r.kind),
    Column("Source", lambda r: r.source),
    Column("User", lambda r: r.user),
    *(_count_column(name) for name in ("imported", "updated", "cancelled", "held", "unchanged")),
]
_UNKNOWN_SKU = re.compile(r"unknown SKU ([^,:;]+)")


def _ask_files(parent: QWidget, folder: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import Web Orders", folder, "Web store orders (*.json)")
    return paths


def _ask_folder(parent: QWidget, folder: str) -> str:
    return QFileDialog.getExistingDirectory(parent, "Watch a Folder of Web Orders", folder)


def report_text(result: WebImportResult) -> str:
    """A run's report in words: each order imported, updated, cancelled or held, then the counts."""
    lines = []
    for o in result.outcomes:
        name = o.name or o.order_id
        if o.outcome == "held":
            lines.append(f"Held {name}: {o.reason}")
        elif o.outcome != "unchanged":
            lines.append(f"{o.outcome.capitalize()} {name}" + (f": corporate sale order {o.cso}" if o.cso else ""))
    lines.append(", ".join(f"{n} {name}" for name, n in result.counts().items()) + ".")
    return "\n".join(lines)


class WebOrdersView(QWidget):
    """The Web Orders window; `ask_files` / `ask_folder` are the file dialogs (tests replace them)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_WebOrdersView()
        self.ui.setupUi(self)
        for text, source in SOURCES:
            self.ui.sourceCombo.addItem(text, source)
        remembered = setting_value(ctx.settings, "web_orders/source", "shopify")
        self.ui.sourceCombo.setCurrentIndex(max(0, self.ui.sourceCombo.findData(remembered)))
        self.held_model: RowsTableModel[HeldOrder] = RowsTableModel(HELD_COLUMNS, self)
        self.runs_model: RowsTableModel[RunReport] = RowsTableModel(RUN_COLUMNS, self)
        for table, model in ((self.ui.heldTable, self.held_model), (self.ui.runsTable, self.runs_model)):
            table.setModel(model)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setStretchLastSection(True)
        self.ui.heldTable.selectionModel().selectionChanged.connect(lambda *_a: self._held_selected())
        self.ui.runsTable.selectionModel().selectionChanged.connect(lambda *_a: self._run_selected())
        self.ui.importButton.clicked.connect(lambda _checked=False: self.import_files())
        self.ui.watchButton.clicked.connect(lambda _checked=False: self.watch())
        self.ui.stopWatchButton.clicked.connect(self.stop_watching)
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.ui.mapButton.clicked.connect(self.map_sku)
        self.ui.retryButton.clicked.connect(lambda _checked=False: self.retry())
        self.ui.sourceCombo.currentIndexChanged.connect(
            lambda _i: self.ctx.settings.setValue("web_orders/source", self.source())
        )
        self.ask_files: AskFiles = _ask_files
        self.ask_folder: AskFolder = _ask_folder
        self._watch_timer = QTimer(self)
        self._watch_timer.setSingleShot(True)
        self._watch_timer.setInterval(WATCH_DELAY_MS)
        self._watch_timer.timeout.connect(self._read_watched)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self._watch_timer.start())
        self.watched: Path | None = None
        self._seen: dict[str, tuple[float, int]] = {}
        self.last_task: Task | None = None
        self.ui.stopWatchButton.setEnabled(False)
        self.refresh()

    def source(self) -> str:
        """The web store chosen (`shopify` or `woocommerce`)."""
        return str(self.ui.sourceCombo.currentData())

    # --- lists -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the review list and the last runs again."""
        with UnitOfWork(self.ctx.engine) as uow:
            held = held_orders(uow.session)
            runs = last_runs(uow.session)
        self.held_model.set_rows(held)
        self.runs_model.set_rows(runs)
        self.ui.reviewBox.setTitle(f"Held for review ({len(held)})")
        self.ui.retryButton.setEnabled(bool(held))
        self.ui.heldTable.resizeColumnsToContents()
        self.ui.runsTable.resizeColumnsToContents()

    def _held_selected(self) -> None:
        """Selecting a held order for an unknown SKU offers that SKU for mapping."""
        rows = self.ui.heldTable.selectionModel().selectedRows()
        if not rows:
            return
        found = _UNKNOWN_SKU.search(self.held_model.row(rows[0].row()).reason)
        if found and not self.ui.webSkuEdit.text():
            self.ui.webSkuEdit.setText(found.group(1).strip())

    def _run_selected(self) -> None:
        rows = self.ui.runsTable.selectionModel().selectedRows()
        if not rows:
            return
        run = self.runs_model.row(rows[0].row())
        lines = [f"Held {name}: {reason}" for name, reason in run.held]
        lines.append(", ".join(f"{n} {name}" for name, n in run.counts.items()) + ".")
        self.ui.runView.setPlainText("\n".join(lines))

    # --- runs ------------------------------------------------------------------------------
    def _start(self, title: str, work: Callable[[], WebImportResult], quiet: bool = False) -> Task:
        def done(result: WebImportResult) -> None:
            self.ui.runView.setPlainText(report_text(result))
            self.refresh()

        def failed(exc: BaseException) -> None:
            if quiet:  # a watched folder: say it here, keep watching
                self.ui.runView.setPlainText(f"{title}: {exc}")
            else:
                show_error(self, exc)
            self.refresh()

        self.last_task = self.ctx.tasks.start(
            title,
            lambda _progress, _cancelled: work(),
            parent=None if quiet else self,
            cancellable=False,
            on_success=done,
            on_error=failed,
        )
        return self.last_task

    def _import(self, paths: list[Path], title: str, quiet: bool = False) -> Task:
        source, engine = self.source(), self.ctx.engine

        def work() -> WebImportResult:
            with UnitOfWork(engine) as uow:
                return import_web_orders(uow, paths, source)

        return self._start(title, work, quiet)

    def import_files(self, paths: list[str] | None = None) -> Task | None:
        """Import Files…: the chosen order files (JSON), now."""
        if paths is None:
            folder = setting_value(self.ctx.settings, "web_orders/folder", str(Path.home()))
            paths = self.ask_files(self, folder)
            if not paths:
                return None
        self.ctx.settings.setValue("web_orders/folder", str(Path(paths[0]).parent))
        return self._import([Path(p) for p in paths], f"Importing {len(paths)} web order file(s)")

    def retry(self) -> Task:
        """Retry Held Orders: take the held orders again with today's items and mappings."""
        engine = self.ctx.engine

        def work() -> WebImportResult:
            with UnitOfWork(engine) as uow:
                return retry_held(uow)

        return self._start("Retrying held web orders", work)

    def map_sku(self) -> bool:
        """Map SKU: the web SKU typed stands for the item typed from now on; then retry the held orders."""
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                map_sku(uow, self.ui.webSkuEdit.text(), self.ui.itemSkuEdit.text())
        except XmartError as exc:
            show_error(self, exc)
            return False
        self.ui.runView.setPlainText(
            f"Web SKU {self.ui.webSkuEdit.text().strip()} now stands for item {self.ui.itemSkuEdit.text().strip()}. "
            "Retry the held orders to take them."
        )
        self.ui.webSkuEdit.clear()
        self.ui.itemSkuEdit.clear()
        return True

    # --- watched folder --------------------------------------------------------------------
    def watch(self, folder: str | None = None) -> Task | None:
        """Watch Folder…: import the folder's order files now and each new or changed one as it lands."""
        if folder is None:
            start = setting_value(self.ctx.settings, "web_orders/watched", str(Path.home()))
            folder = self.ask_folder(self, start)
            if not folder:
                return None
        self.stop_watching()
        self.watched = Path(folder)
        self.ctx.settings.setValue("web_orders/watched", folder)
        self.watcher.addPath(folder)
        self.ui.watchLabel.setText(f"Watching {folder} ({self.ui.sourceCombo.currentText()})")
        self.ui.stopWatchButton.setEnabled(True)
        return self._read_watched()

    def stop_watching(self) -> None:
        """Stop Watching: the folder is no longer read."""
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        self._watch_timer.stop()
        self.watched = None
        self._seen.clear()
        self.ui.watchLabel.setText("No folder watched.")
        self.ui.stopWatchButton.setEnabled(False)

    def _read_watched(self) -> Task | None:
        """Import the watched folder's order files that are new or changed since the last look."""
        if self.watched is None:
            return None
        if self.last_task is not None and not self.last_task.done:
            self._watch_timer.start()  # a run is going on: look again a moment after
            return None
        fresh = []
        for path in sorted(self.watched.glob("*.json")):
            try:
                stat = path.stat()
            except OSError:
                continue
            mark = (stat.st_mtime, stat.st_size)
            if self._seen.get(path.name) != mark:
                self._seen[path.name] = mark
                fresh.append(path)
        if not fresh:
            return None
        return self._import(fresh, f"Importing {len(fresh)} web order file(s) from {self.watched.name}", quiet=True)


def open_web_orders(ctx: AppContext, tabs: QTabWidget) -> WebOrdersView:
    """Transactions › Web Orders: its tab (opened once), its lists read again."""
    view = next((w for w in map(tabs.widget, range(tabs.count())) if isinstance(w, WebOrdersView)), None)
    if view is None:
        view = WebOrdersView(ctx, tabs)
        tabs.addTab(view, "Web Orders")
    else:
        view.refresh()
    tabs.setCurrentWidget(view)
    return view


__all__ = ["WebOrdersView", "open_web_orders", "report_text"]
