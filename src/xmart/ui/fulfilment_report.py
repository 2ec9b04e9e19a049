"""Reports › Corporate Sale Order Fulfilment over a range of CSOs, by number or by date (the processes'
RangeBox): per CSO line ordered, cancelled, assigned, sold, not yet sold, unassigned, covered by POs and
per location; Save as CSV and Export to Excel.

Opened from a corporate sale order browser with a row selected, the range is that CSO; otherwise the
last 30 days. The figures are those of `show cso` (processes/fulfilment_report.py over fulfilment.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTabWidget, QWidget

from xmart.errors import InputError
from xmart.processes.fulfilment_report import HEADERS, FulfilmentRow, fulfilment_rows, table_values
from xmart.processes.selection import CsoRange
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.browsers.document_browser import DocumentBrowser
from xmart.ui.context import AppContext
from xmart.ui.export import CSV, XLSX, AskPath, ExportTable, ask_save_path, export
from xmart.ui.generated.ui_fulfilment_report import Ui_FulfilmentReport
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel
from xmart.ui.tasks import Task
from xmart.ui.widgets.field_error import show_field_error
from xmart.ui.widgets.range_box import BY_DATE, BY_NUMBER

TITLE = "Corporate Sale Order Fulfilment"
F = FulfilmentRow


def _int(title: str, get) -> Column[F]:
    return Column(title, lambda r: f"{get(r):,}", True, get)


COLUMNS: list[Column[F]] = [
    Column("CSO", lambda r: str(r.cso_number), True, lambda r: r.cso_number),
    Column("Date", lambda r: r.cso_date.isoformat(), False, lambda r: r.cso_date),
    Column("Status", lambda r: r.status),
    _int("Line", lambda r: r.line.line_no),
    Column("SKU", lambda r: r.line.sku),
    Column("Description", lambda r: r.line.description),
    _int("Ordered", lambda r: r.line.qty),
    _int("Cancelled", lambda r: r.line.cancelled),
    _int("Assigned", lambda r: r.line.assigned),
    _int("Sold", lambda r: r.line.sold),
    _int("Not yet sold", lambda r: r.line.not_yet_sold),
    _int("Unassigned", lambda r: r.line.unassigned),
    _int("Covered", lambda r: r.line.covered),
    Column("By location\n(assigned/sold)", lambda r: r.by_store_text),  # two lines: whole in a narrow column
]


class FulfilmentReportView(QWidget):
    """The fulfilment of the CSOs in a range; `set_number` makes the range one CSO."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, ask: AskPath = ask_save_path):
        super().__init__(parent)
        self.setObjectName("fulfilmentReport")
        self.ctx = ctx
        self.ask = ask
        self.ui = Ui_FulfilmentReport()
        self.ui.setupUi(self)
        self.rows: tuple[FulfilmentRow, ...] = ()
        self.last_task: Task | None = None
        self.ui.modeCombo.addItem("CSO number", BY_NUMBER)
        self.ui.modeCombo.addItem("CSO date", BY_DATE)
        self.ui.rangeBox.set_range(None, ctx.today())
        self.ui.modeCombo.currentIndexChanged.connect(lambda _i: self.ui.rangeBox.set_mode(self.mode()))
        self.ui.modeCombo.setCurrentIndex(1)
        self.model: RowsTableModel[F] = RowsTableModel(COLUMNS, self)
        table = self.ui.table
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for stretch in (5, len(COLUMNS) - 1):  # description, by location
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.ui.runButton.clicked.connect(lambda _checked=False: self.run())
        self.ui.csvButton.clicked.connect(lambda _checked=False: self.export(CSV))
        self.ui.xlsxButton.clicked.connect(lambda _checked=False: self.export(XLSX))

    def mode(self) -> str:
        """BY_NUMBER or BY_DATE, as the mode box says."""
        return str(self.ui.modeCombo.currentData())

    def set_number(self, number: int) -> None:
        """Make the range the one CSO `number` (by number) and show it."""
        self.ui.rangeBox.set_range(CsoRange.by_number(number, number), self.ctx.today())
        self.ui.modeCombo.setCurrentIndex(self.ui.modeCombo.findData(BY_NUMBER))
        self.run()

    def run(self) -> tuple[FulfilmentRow, ...] | None:
        """Read and show the figures; a refused range is shown beside the fields."""
        box = self.ui.rangeBox
        if not box.validate():
            return None
        rng = box.value()
        assert rng is not None
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                rows = fulfilment_rows(uow.session, rng)
        except InputError as exc:
            show_field_error(box.ui.errorLabel, str(exc))
            return None
        self.rows = rows
        self.model.set_rows(rows)
        csos = len({r.cso_number for r in rows})
        if rows:
            ordered = sum(r.line.qty for r in rows)
            sold = sum(r.line.sold for r in rows)
            unassigned = sum(r.line.unassigned for r in rows)
            self.ui.totalsLabel.setText(
                f"<b>{csos:,} corporate sale order{'s' if csos != 1 else ''} {rng.describe()} · "
                f"{len(rows):,} lines · ordered {ordered:,} · "
                f"sold {sold:,} · unassigned {unassigned:,}</b>"
            )
        else:
            self.ui.totalsLabel.setText(f"No corporate sale orders (drafts are not counted) {rng.describe()}.")
        return rows

    def export(self, fmt: str) -> Task | None:
        """Save the figures (read again) as CSV or Excel."""
        rows = self.run()
        if rows is None:
            return None
        values = table_values(rows)
        table = ExportTable(TITLE, HEADERS, lambda: values, len(values))
        self.last_task = export(self.ctx, self, table, fmt, ask=self.ask)
        return self.last_task


def selected_cso(tabs: QTabWidget) -> int | None:
    """The number of the CSO selected in the current tab when it is a corporate sale order browser."""
    widget = tabs.currentWidget()
    if isinstance(widget, DocumentBrowser) and widget.source.kind == "cso":
        row = widget.current_row()
        return row.number if row is not None else None
    return None


def open_fulfilment_report(ctx: AppContext, tabs: QTabWidget) -> FulfilmentReportView:
    """Reports › Fulfilment: its tab (opened once), on the CSO selected in a CSO browser if any."""
    number = selected_cso(tabs)
    view = next((w for w in map(tabs.widget, range(tabs.count())) if isinstance(w, FulfilmentReportView)), None)
    if view is None:
        view = FulfilmentReportView(ctx, tabs)
        tabs.addTab(view, "Fulfilment")
    tabs.setCurrentWidget(view)
    if number is not None:
        view.set_number(number)
    else:
        view.run()
    return view


__all__ = ["FulfilmentReportView", "open_fulfilment_report", "selected_cso"]
