"""Transactions › Outbox: every confirmation e-mail with its status, attempts and last error;
Send Due Now, and Queue Again for a failed or interrupted one (a person's decision); Save as CSV and
Export to Excel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHeaderView, QWidget

from xmart.errors import XmartError
from xmart.processes.outbox import OutboxRow, list_outbox, message_body, requeue
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.export import CSV, XLSX, AskPath, ask_save_path, export, model_table
from xmart.ui.generated.ui_outbox_view import Ui_OutboxView
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel
from xmart.ui.tasks import Task


def _when(value) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


OUTBOX_COLUMNS: list[Column[OutboxRow]] = [
    Column("Queued", lambda r: _when(r.created_at)),
    Column("To", lambda r: r.recipient),
    Column("Subject", lambda r: r.subject),
    Column("Status", lambda r: r.status_text),
    Column("Attempts", lambda r: str(r.attempts), True, lambda r: r.attempts),
    Column("Next attempt", lambda r: _when(r.next_attempt_at)),
    Column("Sent", lambda r: _when(r.sent_at)),
    Column("Last error", lambda r: r.last_error),
]


class OutboxView(QWidget):
    """The outbox list; `send_now()` is the menu's delivery (given by the caller)."""

    def __init__(self, ctx: AppContext, send_now: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.send_now = send_now
        self.ui = Ui_OutboxView()
        self.ui.setupUi(self)
        self.model: RowsTableModel[OutboxRow] = RowsTableModel(OUTBOX_COLUMNS, self)
        self.ui.table.setModel(self.model)
        self.ui.table.verticalHeader().setVisible(False)
        self.ui.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.ui.table.horizontalHeader().setStretchLastSection(True)
        self.ui.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.ui.sendButton.clicked.connect(lambda: self.send_now())
        self.ui.retryButton.clicked.connect(self.queue_again)
        self.ui.csvButton.clicked.connect(lambda _checked=False: self.export(CSV))
        self.ui.xlsxButton.clicked.connect(lambda _checked=False: self.export(XLSX))
        self.ask_path: AskPath = ask_save_path
        self.last_task: Task | None = None
        self.refresh()

    def refresh(self) -> None:
        """Read the outbox again."""
        with UnitOfWork(self.ctx.engine) as uow:
            rows = list_outbox(uow.session)
        self.model.set_rows(rows)
        self.ui.table.resizeColumnsToContents()
        waiting = sum(1 for r in rows if r.status == "queued")
        failed = sum(1 for r in rows if r.status == "failed" or r.interrupted)
        self.ui.summaryLabel.setText(
            f"{len(rows)} e-mails · {waiting} waiting · {failed} need attention. "
            "Waiting e-mails are retried automatically (1, 2, 4 … minutes apart)."
        )
        self._selected()

    def export(self, fmt: str) -> Task | None:
        """Save the outbox list (read again) as CSV or Excel (ui/export.py); times as shown, local time."""
        self.refresh()
        self.last_task = export(self.ctx, self, model_table(self.model, "Outbox"), fmt, ask=self.ask_path)
        return self.last_task

    def selected(self) -> OutboxRow | None:
        """The selected message."""
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selected(self) -> None:
        row = self.selected()
        self.ui.retryButton.setEnabled(row is not None and (row.status == "failed" or row.interrupted))
        if row is None:
            self.ui.bodyView.clear()
            return
        with UnitOfWork(self.ctx.engine) as uow:
            self.ui.bodyView.setPlainText(message_body(uow.session, row.id))

    def queue_again(self) -> None:
        """Queue Again: send a failed or interrupted e-mail once more."""
        row = self.selected()
        if row is None:
            return
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                requeue(uow, row.id)
        except XmartError as exc:
            show_error(self, exc)
            return
        self.send_now()
        self.refresh()
