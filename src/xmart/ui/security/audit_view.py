"""Settings › Audit Log (DOMAIN.md section 9), for users holding `audit.read`: the audit entries
newest first, from a date to a date (UTC days), and "Verify Chain", which walks the whole
hash chain and names the first entry changed or removed behind the database's back.

Reading the log needs `audit.read` in the process layer too (`audit.entries`, `audit.verify`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHeaderView, QTabWidget, QWidget

from xmart.errors import XmartError
from xmart.processes.security.audit import AuditView, VerifyResult, entries, verify
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.generated.ui_audit_log import Ui_AuditLog
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel
from xmart.ui.widgets.field_error import show_field_error

TITLE = "Audit Log"
LIMIT = 5000
"""The most entries read at a time (the newest)."""

COLUMNS: list[Column[AuditView]] = [
    Column("#", lambda e: str(e.id), True, lambda e: e.id),
    Column("When (UTC)", lambda e: e.when, False, lambda e: e.at or dt.datetime.min),
    Column("User", lambda e: e.user or "—"),
    Column("Action", lambda e: e.action),
    Column("Record", lambda e: f"{e.entity} {e.entity_id}".strip()),
    Column("Detail", lambda e: e.detail),
]


def verify_text(result: VerifyResult) -> str:
    """The outcome of Verify Chain in words."""
    if result.ok:
        return f"The audit log is intact: all {result.checked:,} entries match their chain."
    return (
        f"The audit log was tampered with: entry {result.first_bad_id} — {result.reason}. "
        f"{result.checked:,} entries before it match."
    )


class AuditLogView(QWidget):
    """Entries in a date range, newest first; Verify Chain shows the result above the table."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("auditLog")
        self.ctx = ctx
        self.ui = Ui_AuditLog()
        self.ui.setupUi(self)
        self.model: RowsTableModel[AuditView] = RowsTableModel(COLUMNS, self)
        table = self.ui.table
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        today = ctx.today()
        self.ui.fromEdit.set_value(today - dt.timedelta(days=30))
        self.ui.toEdit.set_value(today)
        show_field_error(self.ui.datesError, None)
        self.ui.verifyLabel.setVisible(False)
        self.ui.runButton.clicked.connect(lambda _c=False: self.run())
        self.ui.verifyButton.clicked.connect(lambda _c=False: self.verify())
        self.run()

    def run(self) -> list[AuditView] | None:
        """Show: read the entries from the first to the last date; None when the dates are refused."""
        problem = self.ui.fromEdit.problem("first date", required=False) or self.ui.toEdit.problem(
            "last date", required=False
        )
        start, end = self.ui.fromEdit.value(), self.ui.toEdit.value()
        if problem is None and start and end and end < start:
            problem = "The last date is before the first date."
        show_field_error(self.ui.datesError, problem)
        if problem is not None:
            return None
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                rows = entries(uow, since=start, limit=LIMIT)
        except XmartError as exc:
            show_error(self, exc)
            return None
        if end is not None:
            rows = [row for row in rows if row.at is None or row.at.date() <= end]
        self.model.set_rows(rows)
        self.ui.countLabel.setText(
            f"{len(rows):,} entries, newest first" + (" (the newest only)" if len(rows) >= LIMIT else "")
        )
        return rows

    def verify(self) -> VerifyResult | None:
        """Verify Chain: walk the whole log; the result is shown in words (red when tampered with)."""
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                result = verify(uow)
        except XmartError as exc:
            show_error(self, exc)
            return None
        label = self.ui.verifyLabel
        label.setStyleSheet("" if result.ok else "color: #c62828; font-weight: bold;")
        label.setText(verify_text(result))
        label.setVisible(True)
        return result


def open_audit_log(ctx: AppContext, tabs: QTabWidget) -> AuditLogView:
    """Settings › Audit Log: the viewer in a tab of its own (brought forward when open)."""
    for i in range(tabs.count()):
        widget = tabs.widget(i)
        if isinstance(widget, AuditLogView):
            tabs.setCurrentIndex(i)
            widget.run()
            return widget
    view = AuditLogView(ctx, tabs)
    tabs.setCurrentIndex(tabs.addTab(view, TITLE))
    return view
