"""Processes › Store Sync (DOMAIN.md section 6): the sync state of each peer and the package exchange.

At the Main one row per synchronized store, at a store one row for the Main: the last package in and
out, the packages waiting (made here and not yet acknowledged, or missing from the peer), refused
ones, open conflicts and the time of the last stock report. Below, the open conflicts and the refused
packages with their reasons.

Export Packages… writes the next package for each peer into the export folder, chosen once and
remembered (QSettings `sync/export_folder`; Change Folder… picks another); Import Packages… applies
every package of a folder (remembered as the next starting point). Both run in the task runner with
progress; the outcome is shown in words above the table. Ask to Resend asks the selected peer to send
again everything from the date typed. Every step needs the `sync` permission in the process layer; a
refusal is shown as one message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHeaderView, QTableView, QTabWidget, QWidget

from xmart.errors import XmartError
from xmart.processes.store_management import this_store
from xmart.processes.sync.export import ExportResult, export_packages
from xmart.processes.sync.importing import ImportResult, import_packages
from xmart.processes.sync.status import (
    Conflict,
    PackageRef,
    PeerStatus,
    RefusedPackage,
    SyncStatus,
    refused_packages,
    resend,
    sync_status,
)
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.generated.ui_store_sync import Ui_StoreSync
from xmart.ui.qt_settings import setting_value
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel
from xmart.ui.tasks import Task
from xmart.ui.widgets.field_error import show_field_error

TITLE = "Store Sync"
EXPORT_FOLDER = "sync/export_folder"
IMPORT_FOLDER = "sync/import_folder"
MAIN_PEER = "@main"

AskFolder = Callable[[QWidget, str, str], str]
"""(parent, caption, starting folder) -> the folder chosen, or "" when cancelled."""


def ask_folder(parent: QWidget, caption: str, start: str) -> str:
    """The system folder dialog."""
    return QFileDialog.getExistingDirectory(parent, caption, start)


def peer_name(code: str) -> str:
    """A peer as people say it: the Main, or the store's code."""
    return "the Main" if code == MAIN_PEER else code


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _package(ref: PackageRef | None) -> str:
    if ref is None:
        return "none yet"
    return f"#{ref.sequence}, {_when(ref.recorded_at or ref.created)}"


def _waiting(peer: PeerStatus) -> str:
    parts = []
    if peer.waiting_out:
        parts.append(f"{peer.waiting_out} not acknowledged")
    if peer.waiting_in:
        parts.append(f"{peer.waiting_in} missing")
    return ", ".join(parts) or "none"


PEER_COLUMNS: list[Column[PeerStatus]] = [
    Column("Peer", lambda p: "The Main" if p.peer == MAIN_PEER else p.peer),
    Column("Last package in", lambda p: _package(p.last_in)),
    Column("Last package out", lambda p: _package(p.last_out)),
    Column("Waiting", _waiting),
    Column("Refused", lambda p: str(p.refused), True, lambda p: p.refused),
    Column("Conflicts", lambda p: str(len(p.conflicts)), True, lambda p: len(p.conflicts)),
    Column("Last stock report", lambda p: _when(p.last_stock_report) or "none yet"),
    Column("Resend asked from", lambda p: p.resend_from.isoformat() if p.resend_from else ""),
]

CONFLICTS_COLUMN, STOCK_REPORT_COLUMN = 5, 6

StoreConflict = tuple[str, Conflict]

CONFLICT_COLUMNS: list[Column[StoreConflict]] = [
    Column("Store", lambda c: c[0]),
    Column("Kind", lambda c: c[1].kind),
    Column("SO", lambda c: str(c[1].so_number), True, lambda c: c[1].so_number),
    Column("Line", lambda c: str(c[1].line_no), True, lambda c: c[1].line_no),
    Column("SKU", lambda c: c[1].sku),
    Column("Units", lambda c: str(c[1].qty), True, lambda c: c[1].qty),
    Column("Store invoice", lambda c: str(c[1].store_invoice), True, lambda c: c[1].store_invoice),
    Column("Detail", lambda c: c[1].detail),
]

REFUSED_COLUMNS: list[Column[RefusedPackage]] = [
    Column("When", lambda r: _when(r.recorded_at)),
    Column("From", lambda r: peer_name(r.sender) if r.sender else "unknown"),
    Column("#", lambda r: str(r.sequence) if r.sequence is not None else "", True, lambda r: r.sequence),
    Column("File", lambda r: r.file),
    Column("Reason", lambda r: r.reason),
]


def _units(n: int, what: str) -> str:
    return f"{n:,} {what}" + ("" if n == 1 else "s")


_KINDS = {
    "sale_orders": "sale order",
    "cancellations": "cancellation",
    "items": "item",
    "invoices": "invoice",
    "stock": "stock level",
}


def export_text(result: ExportResult, folder: Path) -> str:
    """What an export wrote, in words."""
    if not result.packages:
        return "No package was written."
    lines = [f"Wrote {_units(len(result.packages), 'package')} to {folder}:"]
    for package in result.packages:
        carried = ", ".join(_units(n, _KINDS.get(kind, kind)) for kind, n in package.counts.items() if n)
        lines.append(f"{peer_name(package.receiver)} #{package.sequence}: {carried or 'acknowledgements only'}")
    return "\n".join(lines)


def import_text(result: ImportResult, folder: Path) -> str:
    """What an import did, in words: applied, duplicates, refused (each with its reason), still missing."""
    if not result.outcomes:
        return f"No package was waiting in {folder}."
    applied = result.applied
    lines = [
        f"From {folder}: {_units(result.count('applied'), 'package')} applied, "
        f"{result.count('duplicate')} already applied before, {result.count('refused')} refused."
    ]
    done = [
        _units(n, what)
        for n, what in (
            (applied.sale_orders, "sale order"),
            (applied.cancellations, "cancellation"),
            (applied.invoices, "invoice"),
            (applied.stock_levels, "stock level"),
            (applied.conflicts, "new conflict"),
        )
        if n
    ]
    if done:
        lines.append("Received " + ", ".join(done) + ".")
    for outcome in result.outcomes:
        if outcome.outcome == "refused":
            lines.append(f"Refused {outcome.file}: {outcome.reason} (kept in its refused folder).")
    for sender, missing in sorted(result.waiting.items()):
        lines.append(f"{_units(missing, 'earlier package')} from {peer_name(sender)} not arrived yet.")
    return "\n".join(lines)


def _setup_table(table: QTableView, model: RowsTableModel[Any]) -> None:
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)


class StoreSyncView(QWidget):
    """The sync state of each peer, its conflicts and refused packages; Export, Import, Resend, Refresh."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, changed: Callable[[], object] | None = None):
        super().__init__(parent)
        self.setObjectName("storeSync")
        self.ctx = ctx
        self.changed = changed
        self.ask_folder: AskFolder = ask_folder
        self.ui = Ui_StoreSync()
        self.ui.setupUi(self)
        self.peers: RowsTableModel[PeerStatus] = RowsTableModel(PEER_COLUMNS, self)
        self.conflicts: RowsTableModel[StoreConflict] = RowsTableModel(CONFLICT_COLUMNS, self)
        self.refused: RowsTableModel[RefusedPackage] = RowsTableModel(REFUSED_COLUMNS, self)
        _setup_table(self.ui.peersTable, self.peers)
        _setup_table(self.ui.conflictsTable, self.conflicts)
        _setup_table(self.ui.refusedTable, self.refused)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.resultLabel.setVisible(False)
        show_field_error(self.ui.resendError, None)
        self.ui.exportButton.clicked.connect(lambda _c=False: self.export())
        self.ui.importButton.clicked.connect(lambda _c=False: self.import_from())
        self.ui.folderButton.clicked.connect(lambda _c=False: self.choose_export_folder())
        self.ui.refreshButton.clicked.connect(lambda _c=False: self.refresh())
        self.ui.resendButton.clicked.connect(lambda _c=False: self.ask_resend())
        self.ui.resendDate.returnPressed.connect(self.ask_resend)
        self.status: SyncStatus | None = None
        self.store: str | None = None
        self.last_task: Task | None = None
        self._show_folder()
        self.refresh()

    # --- reading ------------------------------------------------------------------------------
    def refresh(self) -> SyncStatus | None:
        """Read the sync state again; a refusal (no `sync` permission) is shown as a message."""
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                self.store = this_store(uow)
                status = sync_status(uow)
                refused = refused_packages(uow)
        except XmartError as exc:
            show_error(self, exc, TITLE)
            return None
        selected = self.selected_peer()
        self.status = status
        self.peers.set_rows(status.peers)
        self.conflicts.set_rows([(p.peer, c) for p in status.peers for c in p.conflicts])
        self.refused.set_rows(refused)
        for table in (self.ui.peersTable, self.ui.conflictsTable, self.ui.refusedTable):
            table.resizeColumnsToContents()
        codes = [p.peer for p in status.peers]
        row = codes.index(selected) if selected in codes else 0
        if codes:
            self.ui.peersTable.selectRow(row)
        self.ui.roleLabel.setText(self._role_text(status))
        at_store = self.store is not None  # conflicts and stock reports are the Main's to keep
        for column in (CONFLICTS_COLUMN, STOCK_REPORT_COLUMN):
            self.ui.peersTable.setColumnHidden(column, at_store)
        self.ui.detailTabs.setTabVisible(0, not at_store)
        tabs = self.ui.detailTabs
        tabs.setTabText(0, f"&Conflicts ({self.conflicts.rowCount()})")
        tabs.setTabText(1, f"Refused Pac&kages ({self.refused.rowCount()})")
        self.ui.exportButton.setEnabled(bool(codes))
        self.ui.resendButton.setEnabled(bool(codes))
        return status

    def _role_text(self, status: SyncStatus) -> str:
        conflicts = self.conflicts.rowCount()
        unknown = (
            f" {_units(status.refused_unknown, 'unreadable package')} from an unknown sender refused."
            if status.refused_unknown
            else ""
        )
        if self.store is not None:
            return (
                f"<b>This database is store {self.store}'s.</b> It exchanges packages with the Main: "
                "Export Packages sends its invoices and stock levels, Import Packages applies the sale orders "
                f"and cancellations the Main sent.{unknown}"
            )
        if not status.peers:
            return (
                "<b>This is the Main.</b> No store is synchronized yet: make a store's key with "
                "<tt>xmart sync keygen --store CODE --out FILE</tt> and set the store up with it."
            )
        return (
            f"<b>This is the Main:</b> {_units(len(status.peers), 'synchronized store')}, "
            f"{_units(conflicts, 'open conflict')}. Export Packages writes one package per store; "
            f"Import Packages applies the stores' invoices and stock reports.{unknown}"
        )

    def selected_peer(self) -> str | None:
        """The peer of the selected row (the store's code, or @main at a store), or None."""
        rows = self.ui.peersTable.selectionModel().selectedRows()
        return self.peers.row(rows[0].row()).peer if rows else None

    def _show_result(self, text: str) -> None:
        self.ui.resultLabel.setText(text)
        self.ui.resultLabel.setVisible(bool(text))

    # --- export and import --------------------------------------------------------------------
    def export_folder(self) -> str:
        """The remembered export folder ("" until one is chosen)."""
        return setting_value(self.ctx.settings, EXPORT_FOLDER, "")

    def _show_folder(self) -> None:
        folder = self.export_folder()
        self.ui.folderLabel.setText(f"Export folder: {folder}" if folder else "Export folder: not chosen yet")

    def choose_export_folder(self) -> str:
        """Change Folder…: pick the export folder and remember it; "" when cancelled."""
        start = self.export_folder() or str(Path.home())
        folder = self.ask_folder(self, "Export Packages To", start)
        if folder:
            self.ctx.settings.setValue(EXPORT_FOLDER, folder)
            self._show_folder()
        return folder

    def export(self) -> Task | None:
        """Export Packages…: the next package for each peer, into the remembered folder (asked the first time)."""
        folder = self.export_folder()
        if not folder or not Path(folder).is_dir():
            folder = self.choose_export_folder()
            if not folder:
                return None
        path = Path(folder)

        def work(progress, cancelled) -> ExportResult:
            progress(0, 0, f"Writing packages to {path}")
            with UnitOfWork(self.ctx.engine) as uow:
                return export_packages(uow, path)

        self.last_task = self.ctx.tasks.start(
            "Exporting packages",
            work,
            parent=self,
            cancellable=False,
            on_success=lambda result: self._done(export_text(result, path)),
            on_error=self._failed,
        )
        return self.last_task

    def import_from(self, folder: str | None = None) -> Task | None:
        """Import Packages…: apply every package of a folder (asked, starting at the last one used)."""
        if folder is None:
            start = setting_value(self.ctx.settings, IMPORT_FOLDER, "") or str(Path.home())
            folder = self.ask_folder(self, "Import Packages From", start)
            if not folder:
                return None
        self.ctx.settings.setValue(IMPORT_FOLDER, folder)
        path = Path(folder)

        def work(progress, cancelled) -> ImportResult:
            with UnitOfWork(self.ctx.engine) as uow:
                return import_packages(uow, path, progress=lambda done, total, name: progress(done, total, name))

        self.last_task = self.ctx.tasks.start(
            "Importing packages",
            work,
            parent=self,
            cancellable=False,
            on_success=lambda result: self._done(import_text(result, path)),
            on_error=self._failed,
        )
        return self.last_task

    def _done(self, text: str) -> None:
        self._show_result(text)
        self.refresh()
        if self.changed is not None:
            self.changed()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc, TITLE)
        self.refresh()

    # --- resend -------------------------------------------------------------------------------
    def ask_resend(self) -> str | None:
        """Ask to Resend: the selected peer sends again everything from the date typed; None when refused."""
        problem = self.ui.resendDate.problem("date to resend from")
        date = self.ui.resendDate.value()
        peer = self.selected_peer()
        if problem is None and peer is None:
            problem = "Select the store to ask."
        show_field_error(self.ui.resendError, problem)
        if problem is not None or date is None:
            return None
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                asked = resend(uow, None if peer == MAIN_PEER else peer, date)
        except XmartError as exc:
            show_error(self, exc, TITLE)
            return None
        self._show_result(
            f"Asked {peer_name(asked)} to send again everything from {date.isoformat()}: "
            "the request travels with the next export."
        )
        self.refresh()
        return asked


def open_store_sync(ctx: AppContext, tabs: QTabWidget, changed: Callable[[], object] | None = None) -> StoreSyncView:
    """Processes › Store Sync in a tab of its own (brought forward and read again when open)."""
    for i in range(tabs.count()):
        widget = tabs.widget(i)
        if isinstance(widget, StoreSyncView):
            tabs.setCurrentIndex(i)
            widget.refresh()
            return widget
    view = StoreSyncView(ctx, tabs, changed)
    tabs.setCurrentIndex(tabs.addTab(view, TITLE))
    return view
