"""Reports › Salesman Commission: a date range, one row per salesman (orders, sales total,
commission), totals; Print and Save as PDF through the reportlab renderer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHeaderView, QWidget

from xmart.errors import XmartError
from xmart.processes.commission import (
    CommissionParams,
    CommissionReport,
    CommissionRow,
    commission_report,
    render_commission_pdf,
)
from xmart.processes.document_printing import company_info
from xmart.processes.documents.base import format_money, format_percent
from xmart.processes.printing import print_pdfs
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.generated.ui_commission_report import Ui_CommissionReport
from xmart.ui.printing import ask_print_target
from xmart.ui.qt_dates import from_qdate, to_qdate
from xmart.ui.qt_printing import qt_backend_if_needed
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel
from xmart.ui.tasks import Task

COLUMNS: list[Column[CommissionRow]] = [
    Column("Salesman", lambda r: r.salesman),
    Column("Code", lambda r: r.code),
    Column("Rate", lambda r: f"{format_percent(r.rate)}%", True),
    Column("Orders", lambda r: str(r.orders), True),
    Column("Sales total", lambda r: format_money(r.sales_total), True),
    Column("Commission", lambda r: format_money(r.commission), True),
]


class CommissionView(QWidget):
    """The report for the chosen range (this month by default)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_CommissionReport()
        self.ui.setupUi(self)
        self.report: CommissionReport | None = None
        self.last_task: Task | None = None
        today = ctx.today()
        self.ui.fromEdit.setDate(to_qdate(today.replace(day=1)))
        self.ui.toEdit.setDate(to_qdate(today))
        self.model: RowsTableModel[CommissionRow] = RowsTableModel(COLUMNS, self)
        self.ui.table.setModel(self.model)
        self.ui.table.verticalHeader().setVisible(False)
        self.ui.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ui.runButton.clicked.connect(self.run)
        self.ui.printButton.clicked.connect(self.print_report)
        self.ui.pdfButton.clicked.connect(self.save_pdf)
        self.run()

    def params(self) -> CommissionParams:
        """The range chosen."""
        return CommissionParams(from_qdate(self.ui.fromEdit.date()), from_qdate(self.ui.toEdit.date()))

    def run(self) -> CommissionReport | None:
        """Compute and show the report."""
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                self.report = commission_report(uow.session, self.params())
        except XmartError as exc:
            show_error(self, exc)
            return None
        self.model.set_rows(self.report.rows)
        r = self.report
        self.ui.totalsLabel.setText(
            f"<b>{r.orders} orders · sales {format_money(r.sales_total)} · commission {format_money(r.commission)}</b>"
        )
        return self.report

    def _pdf(self) -> bytes | None:
        if self.run() is None:
            return None
        with UnitOfWork(self.ctx.engine) as uow:
            company = company_info(uow.session)
        assert self.report is not None
        return render_commission_pdf(self.report, company)

    def _stem(self) -> str:
        p = self.params()
        return f"commission-{p.date_from:%Y%m%d}-{p.date_to:%Y%m%d}"

    def print_report(self) -> Task | None:
        """Print on the chosen printer: the report is read again here, rendered and printed in the task runner."""
        if self.run() is None:
            return None
        target = ask_print_target(self.ctx, self, "Print the commission report")
        if target is None:
            return None
        printer = target.printer
        report, stem, engine = self.report, self._stem(), self.ctx.engine  # plain values for the worker
        assert report is not None
        backend = qt_backend_if_needed()

        def work(progress, cancelled):
            with UnitOfWork(engine) as uow:
                company = company_info(uow.session)
            return print_pdfs([(stem, render_commission_pdf(report, company))], target, backend=backend)

        self.last_task = self.ctx.tasks.start(
            "Printing the commission report",
            work,
            parent=self,
            cancellable=False,
            on_success=lambda _result: self._status(
                f"Sent the commission report to {printer or 'the default printer'}."
            ),
            on_error=lambda exc: show_error(self, exc),
        )
        return self.last_task

    def _status(self, text: str) -> None:
        bar = getattr(self.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

    def save_pdf(self, path: str | None = None) -> Path | None:
        """Save the report as a PDF file."""
        data = self._pdf()
        if data is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Save as PDF", str(Path.home() / f"{self._stem()}.pdf"), "PDF documents (*.pdf)"
            )
            if not path:
                return None
        Path(path).write_bytes(data)
        return Path(path)
