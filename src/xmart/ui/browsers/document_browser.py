"""A document browser: filter bar, a lazily loaded table sorted in SQL, Open, and row actions.

Row actions (`add_row_action`, e.g. Cancel Order on corporate sale orders) appear as buttons beside
Open and in the table's context menu, enabled for the rows they apply to. Save as CSV and Export to
Excel write the whole list as filtered and sorted (ui/export.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QToolButton, QWidget

from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.views.document_lists import BrowserFilter, DocumentList
from xmart.processes.views.lookups import list_locations
from xmart.ui import icons
from xmart.ui.context import AppContext
from xmart.ui.export import CSV, XLSX, AskPath, ask_save_path, browser_table, export
from xmart.ui.generated.ui_browser import Ui_DocumentBrowser
from xmart.ui.table_models.document_table_model import DocumentTableModel
from xmart.ui.tasks import Task
from xmart.ui.widgets.field_error import show_field_error
from xmart.ui.widgets.range_box import number_problem

FILTER_DELAY_MS = 250


class DocumentBrowser(QWidget):
    """Lists the documents of one type; double-click or Open shows one (signal `open_requested`)."""

    open_requested = Signal(str, int)

    def __init__(self, ctx: AppContext, source: DocumentList, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.source = source
        self.ui = Ui_DocumentBrowser()
        self.ui.setupUi(self)
        self.model = DocumentTableModel(ctx.engine, source, self)
        self._setup_filters()
        view = self.ui.tableView
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        # `activated` comes with a double click and with Enter; `doubleClicked` as well would open twice
        view.activated.connect(lambda index: self.open_row(index.row()))
        self.ui.openButton.clicked.connect(self.open_current)
        self.ui.csvButton.clicked.connect(lambda _checked=False: self.export(CSV))
        self.ui.xlsxButton.clicked.connect(lambda _checked=False: self.export(XLSX))
        self.ask_path: AskPath = ask_save_path
        self.last_task: Task | None = None
        self.ui.openButton.setEnabled(False)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(lambda: self.ui.openButton.setEnabled(False))
        self.row_actions: list[tuple[QAction, Callable[[Any], bool]]] = []
        self.open_action = QAction("&Open", self)
        self.open_action.setObjectName("openAction")
        self.open_action.setIcon(icons.icon("openAction"))
        self.open_action.triggered.connect(self.open_current)
        view.addAction(self.open_action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.model.modelReset.connect(self.update_actions)
        self.refresh()
        view.selectionModel().currentRowChanged.connect(lambda _cur, _prev: self.update_actions())
        widths = {"Customer": 220, "Vendor": 200, "Status": 130}
        for i, column in enumerate(source.columns):
            view.setColumnWidth(i, widths.get(column.title, 100))
            if column.title in ("Customer", "Vendor"):
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self.ui.storeCombo.setMaximumWidth(260)

    def _setup_filters(self) -> None:
        ui = self.ui
        for edit, word in ((ui.fromDate, "from"), (ui.toDate, "to")):
            edit.setPlaceholderText(f"{word}: any date")
            edit.setClearButtonEnabled(True)
        show_field_error(ui.filterError, None)
        ui.partyEdit.setPlaceholderText(self.source.party_label)
        ui.statusCombo.addItem("All statuses", None)
        for status in self.source.statuses:
            ui.statusCombo.addItem(status.capitalize(), status)
        ui.storeCombo.setVisible(self.source.has_store)
        if self.source.has_store:
            ui.storeCombo.addItem("All locations", None)
            with UnitOfWork(self.ctx.engine) as uow:
                locations = list_locations(uow)
            for location in locations:
                ui.storeCombo.addItem(f"{location.code} — {location.name}", location.code)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        ui.numberEdit.textChanged.connect(self._timer.start)
        ui.partyEdit.textChanged.connect(self._timer.start)
        for edit in (ui.fromDate, ui.toDate):
            edit.changed.connect(self._timer.start)
        ui.statusCombo.currentIndexChanged.connect(self.apply_filter)
        ui.storeCombo.currentIndexChanged.connect(self.apply_filter)

    def current_filter(self) -> BrowserFilter:
        """The filter the bar describes."""
        ui = self.ui
        number = ui.numberEdit.text().strip()
        return BrowserFilter(
            number=int(number) if number.isdigit() else None,
            date_from=ui.fromDate.value(),
            date_to=ui.toDate.value(),
            party=ui.partyEdit.text(),
            status=ui.statusCombo.currentData(),
            store=ui.storeCombo.currentData() if self.source.has_store else None,
        )

    def apply_filter(self) -> None:
        """Show only the documents the filter bar asks for; a number or date that is not one is shown, not applied."""
        self._timer.stop()
        reason = self.filter_problem()
        show_field_error(self.ui.filterError, reason)
        if reason is None:
            self.model.set_filter(self.current_filter())

    def filter_problem(self) -> str | None:
        """Why a typed number or date of the filter bar is refused (blank means any), or None."""
        return (
            number_problem(self.ui.numberEdit.text(), "Number")
            or self.ui.fromDate.problem("'from' date", required=False)
            or self.ui.toDate.problem("'to' date", required=False)
        )

    def refresh(self) -> None:
        """Read the documents again (after a process run); the current document stays current."""
        current = self.current_row()
        self.model.refresh()
        if current is not None:
            self.select_number(current.number)

    def select_number(self, number: int) -> bool:
        """Make the loaded document `number` the current row; False when it is not loaded."""
        for row in range(self.model.rowCount()):
            if self.model.row(row).number == number:
                self.ui.tableView.selectRow(row)
                self.ui.tableView.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def open_row(self, row: int) -> None:
        """Ask to open the document at `row`."""
        if 0 <= row < self.model.rowCount():
            self.open_requested.emit(self.source.kind, self.model.row(row).number)

    def current_row(self) -> Any | None:
        """The row dataclass of the current row, or None."""
        row = self.ui.tableView.currentIndex().row()
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def add_row_action(
        self, name: str, text: str, tip: str, slot: Callable[[Any], object], enabled: Callable[[Any], bool]
    ) -> QAction:
        """An action on the current row: a button beside Open and a context-menu entry."""
        action = QAction(text, self)
        action.setIconText(text)  # the button's text keeps its Alt+letter (the default icon text drops it)
        action.setObjectName(name)
        if icons.has_icon(name):  # shown in the context menu; the button stays text only
            action.setIcon(icons.icon(name))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: self._run_row_action(slot))
        button = QToolButton(self)
        button.setObjectName(f"{name}Button")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.ui.bottomLayout.insertWidget(self.ui.bottomLayout.indexOf(self.ui.openButton), button)
        if not self.row_actions:
            separator = QAction(self)
            separator.setSeparator(True)
            self.ui.tableView.addAction(separator)
        self.ui.tableView.addAction(action)
        self.row_actions.append((action, enabled))
        self.update_actions()
        return action

    def _run_row_action(self, slot: Callable[[Any], object]) -> None:
        row = self.current_row()
        if row is not None:
            slot(row)

    def update_actions(self) -> None:
        """Enable Open and the row actions for the current row (again after a sign-in or role change)."""
        row = self.current_row()
        self.ui.openButton.setEnabled(row is not None)
        self.open_action.setEnabled(row is not None)
        for action, enabled in self.row_actions:
            action.setEnabled(row is not None and enabled(row))

    def open_current(self) -> None:
        """Open the selected document."""
        self.open_row(self.ui.tableView.currentIndex().row())

    def export(self, fmt: str) -> Task | None:
        """Save the whole list (every matching document, not only those loaded) as CSV or XLSX."""
        model = self.model
        sort = self.source.columns[model.sort_column].attr if model.is_sortable(model.sort_column) else "number"
        table = browser_table(self.ctx, self.source, model.filter, sort, model.descending, model.total)
        self.last_task = export(self.ctx, self, table, fmt, ask=self.ask_path)
        return self.last_task

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            header = self.ui.tableView.horizontalHeader()
            header.blockSignals(True)
            current = Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(self.model.sort_column, current)
            header.blockSignals(False)

    def _update_count(self) -> None:
        total, shown = self.model.total, self.model.rowCount()
        word = self.source.title.lower() if total != 1 else self.source.title.lower().rstrip("s")
        text = f"{total:,} {word}"
        if shown < total:
            text += f" (showing {shown:,}; scroll for more)"
        self.ui.countLabel.setText(text)
