"""Reports › Sale Orders — sold and not yet sold (DOMAIN.md section 6): a date range and a store, one row
per SO line, a totals line; Save as PDF, Save as CSV and Export to Excel.

The figures come from processes/sale_order_report.py, the service `xmart report sale-orders` uses, so
the window, its files and the command line always agree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QHeaderView, QTabWidget, QWidget

from xmart.errors import InputError, XmartError
from xmart.processes.document_printing import report_company
from xmart.processes.documents.base import format_money, format_percent
from xmart.processes.documents.sale_orders_report import render_sale_orders_report
from xmart.processes.exports import write_bytes_atomically
from xmart.processes.sale_order_report import (
    HEADERS,
    MONEY_COLUMNS,
    SaleOrderReport,
    SaleOrderReportParams,
    SaleOrderReportRow,
    sale_order_report,
    table_values,
)
from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.views.lookups import list_locations
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.export import CSV, XLSX, AskPath, ExportTable, ask_save_path, export
from xmart.ui.generated.ui_sale_orders_report import Ui_SaleOrdersReport
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel
from xmart.ui.tasks import Task
from xmart.ui.widgets.field_error import show_field_error

TITLE = "Sale Orders — sold and not yet sold"
DEFAULT_DAYS = 90

R = SaleOrderReportRow
COLUMNS: list[Column[R]] = [
    Column("SO", lambda r: str(r.so_number), True, lambda r: r.so_number),
    Column("Date", lambda r: r.date.isoformat(), False, lambda r: r.date),
    Column("Store", lambda r: r.store),
    Column("Status", lambda r: r.status),
    Column("Corporate SO", lambda r: str(r.corporate_order or ""), True, lambda r: r.corporate_order),
    Column("SKU", lambda r: r.sku),
    Column("Description", lambda r: r.description),
    Column("Qty", lambda r: f"{r.qty:,}", True, lambda r: r.qty),
    Column("Sold", lambda r: f"{r.sold:,}", True, lambda r: r.sold),
    Column("Not yet sold", lambda r: f"{r.not_yet_sold:,}", True, lambda r: r.not_yet_sold),
    Column("Price", lambda r: format_money(r.price), True, lambda r: r.price),
    Column("Disc. %", lambda r: format_percent(r.discount), True, lambda r: r.discount),
    Column("Amount sold", lambda r: format_money(r.amount_sold), True, lambda r: r.amount_sold),
    Column("Amount not sold", lambda r: format_money(r.amount_not_sold), True, lambda r: r.amount_not_sold),
]


class SaleOrdersReportView(QWidget):
    """The report for the chosen dates and store (the last 90 days, every store by default)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, ask: AskPath = ask_save_path):
        super().__init__(parent)
        self.setObjectName("saleOrdersReport")
        self.ctx = ctx
        self.ask = ask
        self.ui = Ui_SaleOrdersReport()
        self.ui.setupUi(self)
        self.report: SaleOrderReport | None = None
        self.last_task: Task | None = None
        today = ctx.today()
        self.ui.fromEdit.set_value(today - dt.timedelta(days=DEFAULT_DAYS))
        self.ui.toEdit.set_value(today)
        self.ui.storeCombo.addItem("All locations", None)
        with UnitOfWork(ctx.engine) as uow:
            for location in list_locations(uow):
                self.ui.storeCombo.addItem(f"{location.code} — {location.name}", location.code)
        self.model: RowsTableModel[R] = RowsTableModel(COLUMNS, self)
        table = self.ui.table
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index(COLUMNS[6]), QHeaderView.ResizeMode.Stretch)
        self.ui.runButton.clicked.connect(lambda _checked=False: self.run())
        self.ui.pdfButton.clicked.connect(lambda _checked=False: self.save_pdf())
        self.ui.csvButton.clicked.connect(lambda _checked=False: self.export(CSV))
        self.ui.xlsxButton.clicked.connect(lambda _checked=False: self.export(XLSX))
        show_field_error(self.ui.errorLabel, None)
        self.run()

    def params(self) -> SaleOrderReportParams:
        """The filters chosen; InputError naming the field when a typed date is partial or impossible."""
        for field, name in ((self.ui.fromEdit, "From"), (self.ui.toEdit, "To")):
            problem = field.problem(name)
            if problem:
                raise InputError(problem)
        store = self.ui.storeCombo.currentData()
        return SaleOrderReportParams(self.ui.fromEdit.value(), self.ui.toEdit.value(), (store,) if store else ())

    def run(self) -> SaleOrderReport | None:
        """Compute and show the report; a refused filter is shown beside the fields."""
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                report = sale_order_report(uow.session, self.params())
        except InputError as exc:
            show_field_error(self.ui.errorLabel, str(exc))
            return None
        show_field_error(self.ui.errorLabel, None)
        self.report = report
        self.model.set_rows(report.rows)
        if report.rows:
            self.ui.totalsLabel.setText(
                f"<b>{len(report.rows):,} lines · qty {report.qty:,} · sold {report.sold:,} "
                f"({format_money(report.amount_sold)}) · not yet sold {report.not_yet_sold:,} "
                f"({format_money(report.amount_not_sold)})</b>"
            )
        else:
            self.ui.totalsLabel.setText("No sale order lines match these filters.")
        return report

    def _stem(self) -> str:
        p = self.params()
        stores = "-".join(p.stores) or "all"
        return f"sale-orders-{p.date_from:%Y%m%d}-{p.date_to:%Y%m%d}-{stores}"

    def save_pdf(self) -> Path | None:
        """Save the report shown (read again) as a PDF file."""
        report = self.run()
        if report is None:
            return None
        chosen = self.ask(self, "Save as PDF", str(Path.home() / f"{self._stem()}.pdf"), "PDF documents (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                company = report_company(uow, "sale-orders")
            write_bytes_atomically(path, render_sale_orders_report(report, company))
        except OSError as exc:
            show_error(self, InputError(f"Could not write {path}: {exc.strerror or exc}."))
            return None
        except XmartError as exc:  # no permission to print
            show_error(self, exc)
            return None
        return path

    def export(self, fmt: str) -> Task | None:
        """Save the report (read again with the filters shown) as CSV or Excel."""
        report = self.run()
        if report is None:
            return None
        values = table_values(report)
        table = ExportTable(TITLE, HEADERS, lambda: values, len(values), MONEY_COLUMNS)
        self.last_task = export(self.ctx, self, table, fmt, ask=self.ask)
        return self.last_task


def open_sale_orders_report(ctx: AppContext, tabs: QTabWidget) -> SaleOrdersReportView:
    """Reports › Sale Orders: the report's tab, opened once and brought to the front."""
    for i in range(tabs.count()):
        widget = tabs.widget(i)
        if isinstance(widget, SaleOrdersReportView):
            tabs.setCurrentIndex(i)
            return widget
    view = SaleOrdersReportView(ctx, tabs)
    tabs.setCurrentIndex(tabs.addTab(view, "Sale Orders Report"))
    return view
