"""Reports › Salesman Commission: a date range, one row per salesman (orders, sales total,
commission), totals; Print and Save as PDF through the reportlab renderer; Save as CSV, Export to Excel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHeaderView, QWidget

from xmart.errors import XmartError
from xmart.processes.commission import (
    CommissionParams,
    CommissionReport,
    CommissionRow,
    commission_report,
    render_commission_pdf,
)
from xmart.processes.document_printing import report_company
from xmart.processes.documents.base import format_money, format_percent
from xmart.processes.exports import write_bytes_atomically
from xmart.processes.printing import print_pdfs
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.export import CSV, XLSX, AskPath, ask_save_path, export, model_table
from xmart.ui.generated.ui_commission_report import Ui_CommissionReport
from xmart.ui.printing import ask_print_target
from xmart.ui.qt_printing import qt_backend_if_needed
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel
from xmart.ui.tasks import Task
from xmart.ui.widgets.field_error import show_field_error

MONEY = ("Sales total", "Commission")
COLUMNS: list[Column[CommissionRow]] = [
    Column("Salesman", lambda r: r.salesman),
    Column("Code", lambda r: r.code),
    Column("Rate %", lambda r: f"{format_percent(r.rate)}%", True, lambda r: r.rate),
    Column("Orders", lambda r: str(r.orders), True, lambda r: r.orders),
    Column("Sales total", lambda r: format_money(r.sales_total), True, lambda r: r.sales_total),
    Column("Commission", lambda r: format_money(r.commission), True, lambda r: r.commission),
]


class CommissionView(QWidget):
    """The report for the chosen range (this month by default).

    `ask_path(parent, caption, suggested, file_filter) -> str` (ui/export.py's AskPath) asks where to
    save the PDF, CSV or Excel file ("" = cancelled); tests replace it.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_CommissionReport()
        self.ui.setupUi(self)
        self.report: CommissionReport | None = None
        self.last_task: Task | None = None
        today = ctx.today()
        self.ui.fromEdit.set_value(today.replace(day=1))
        self.ui.toEdit.set_value(today)
        for edit in (self.ui.fromEdit, self.ui.toEdit):
            edit.changed.connect(self._dates_changed)
        show_field_error(self.ui.datesError, None)
        self.model: RowsTableModel[CommissionRow] = RowsTableModel(COLUMNS, self)
        self.ui.table.setModel(self.model)
        self.ui.table.verticalHeader().setVisible(False)
        self.ui.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ui.runButton.clicked.connect(self.run)
        self.ui.printButton.clicked.connect(self.print_report)
        # clicked(bool) would arrive as `path`: a lambda drops it (tests/unit/test_signal_slots.py checks the kind)
        self.ui.pdfButton.clicked.connect(lambda: self.save_pdf())
        self.ui.csvButton.clicked.connect(lambda _checked=False: self.export(CSV))
        self.ui.xlsxButton.clicked.connect(lambda _checked=False: self.export(XLSX))
        self.ask_path: AskPath = ask_save_path
        self.run()

    def dates_problem(self) -> str | None:
        """Why a typed date is refused, or None."""
        return self.ui.fromEdit.problem("'from' date") or self.ui.toEdit.problem("'to' date")

    def _dates_changed(self) -> None:
        reason = self.dates_problem()
        show_field_error(self.ui.datesError, reason)
        for button in (self.ui.runButton, self.ui.printButton, self.ui.pdfButton):
            button.setEnabled(reason is None)

    def params(self) -> CommissionParams:
        """The range chosen (only call when `dates_problem()` is None)."""
        date_from, date_to = self.ui.fromEdit.value(), self.ui.toEdit.value()
        assert date_from is not None and date_to is not None
        return CommissionParams(date_from, date_to)

    def run(self) -> CommissionReport | None:
        """Compute and show the report (nothing while a typed date is refused)."""
        if self.dates_problem() is not None:
            return None
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
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                company = report_company(uow, "commission")
        except XmartError as exc:  # no permission to print
            show_error(self, exc)
            return None
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
                company = report_company(uow, "commission")
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

    def export(self, fmt: str) -> Task | None:
        """Save the report (read again) as CSV or Excel (ui/export.py)."""
        if self.run() is None:
            return None
        self.last_task = export(
            self.ctx, self, model_table(self.model, "Salesman commission", MONEY), fmt, ask=self.ask_path
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
            path = self.ask_path(self, "Save as PDF", str(Path.home() / f"{self._stem()}.pdf"), "PDF documents (*.pdf)")
            if not path:
                return None
        return write_bytes_atomically(path, data)
