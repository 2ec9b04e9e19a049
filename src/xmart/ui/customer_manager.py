"""Transactions › Customers: search as you type, create and edit customers, New Order from a record.

Searches run in the GUI thread after a 150 ms pause in typing: one indexed-free LIKE scan with a
LIMIT of 200 rows stays under 0.5 s on 100,000 customers (asserted in tests/integration/test_customers.py),
short enough not to need the task runner. Saving goes through `xmart.processes.customers`.
Under the list, the selected customer's corporate sale orders with status and totals
(`xmart.processes.views.customer_history`; a short read, at most 500).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QWidget

from xmart.errors import XmartError
from xmart.processes.customers import (
    SEARCH_LIMIT,
    CustomerRow,
    create_customer,
    get_customer,
    search_customers,
    update_customer,
)
from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.views.customer_history import CustomerOrder, customer_orders
from xmart.ui.context import AppContext
from xmart.ui.dialogs.customer_dialog import CustomerDialog
from xmart.ui.errors import show_error
from xmart.ui.generated.ui_customer_manager import Ui_CustomerManager
from xmart.ui.key_table import make_shortcuts
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel

SEARCH_DELAY_MS = 150
CUSTOMER_COLUMNS: list[Column[CustomerRow]] = [
    Column("Number", lambda r: r.number),
    Column("Name", lambda r: r.name),
    Column("Company", lambda r: r.company),
    Column("E-mail", lambda r: r.email),
    Column("Phone", lambda r: r.phone),
    Column("City", lambda r: r.city),
]
HISTORY_COLUMNS: list[Column[CustomerOrder]] = [
    Column("Number", lambda r: str(r.number), numeric=True),
    Column("Date", lambda r: r.date.isoformat()),
    Column("Status", lambda r: r.status),
    Column("Units", lambda r: str(r.units), numeric=True),
    Column("Total", lambda r: f"{r.total:,.2f}", numeric=True),
    Column("Deposit", lambda r: f"{r.deposit:,.2f}", numeric=True),
    Column("Balance", lambda r: f"{r.balance:,.2f}", numeric=True),
]


def search(ctx: AppContext, text: str) -> list[CustomerRow]:
    """Customers matching `text` (read in a short transaction of its own)."""
    with UnitOfWork(ctx.engine) as uow:
        return search_customers(uow.session, text)


def new_customer(ctx: AppContext, parent: QWidget) -> CustomerRow | None:
    """Ask for a new customer and store it; the stored row, or None."""
    params = CustomerDialog.ask(parent)
    if params is None:
        return None
    try:
        with UnitOfWork(ctx.engine) as uow:
            return create_customer(uow, params)
    except XmartError as exc:
        show_error(parent, exc)
        return None


class CustomerManager(QWidget):
    """The customer list with search; `open_order(customer_id)` starts New Order."""

    def __init__(self, ctx: AppContext, open_order: Callable[[int], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.open_order = open_order
        self.ui = Ui_CustomerManager()
        self.ui.setupUi(self)
        self.model: RowsTableModel[CustomerRow] = RowsTableModel(CUSTOMER_COLUMNS, self)
        self.ui.table.setModel(self.model)
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.ui.table.verticalHeader().setVisible(False)
        self.ui.table.selectionModel().selectionChanged.connect(lambda *_args: self._enable())
        self.history: RowsTableModel[CustomerOrder] = RowsTableModel(HISTORY_COLUMNS, self)
        self.ui.historyTable.setModel(self.history)
        self.ui.historyTable.verticalHeader().setVisible(False)
        self.ui.historyTable.horizontalHeader().setStretchLastSection(False)
        self.ui.table.selectionModel().selectionChanged.connect(lambda *_args: self.show_history())
        self.ui.splitter.setSizes([300, 200])
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.ui.searchEdit.textChanged.connect(lambda _text: self.timer.start())
        self.ui.searchEdit.returnPressed.connect(self._focus_table)
        self.ui.newButton.clicked.connect(self.new_customer)
        self.ui.editButton.clicked.connect(self.edit_customer)
        self.ui.newOrderButton.clicked.connect(self.new_order)
        self.ui.table.doubleClicked.connect(lambda _index: self.edit_customer())
        make_shortcuts(self, "customers.new", self.new_customer)
        make_shortcuts(self, "customers.order", self.new_order)
        make_shortcuts(self, "customers.find", self.ui.searchEdit.setFocus)
        self.refresh()
        self.ui.searchEdit.setFocus()

    def refresh(self) -> None:
        """Run the search for the text typed in."""
        self.timer.stop()
        try:
            rows = search(self.ctx, self.ui.searchEdit.text())
        except XmartError as exc:
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        self.ui.table.resizeColumnsToContents()
        more = " (first 200: type more to narrow)" if len(rows) >= SEARCH_LIMIT else ""
        self.ui.countLabel.setText(f"{len(rows)} customer{'s' if len(rows) != 1 else ''}{more}")
        if rows:
            self.ui.table.selectRow(0)
        self._enable()

    def _enable(self) -> None:
        has = self.selected() is not None
        self.ui.editButton.setEnabled(has)
        self.ui.newOrderButton.setEnabled(has)

    def show_history(self) -> None:
        """Show the selected customer's corporate sale orders (none selected: an empty table)."""
        row = self.selected()
        orders: list[CustomerOrder] = []
        if row is not None:
            try:
                with UnitOfWork(self.ctx.engine) as uow:
                    orders = customer_orders(uow, row.id)
            except XmartError as exc:
                show_error(self, exc)
        self.history.set_rows(orders)
        self.ui.historyTable.resizeColumnsToContents()
        name = f" of {row.name}" if row is not None else ""
        self.ui.historyBox.setTitle(f"Corporate sale orders{name}")
        open_orders = [o for o in orders if o.status != "cancelled"]
        balance = sum((o.balance for o in open_orders), start=0)
        self.ui.historyTotalLabel.setText(
            f"{len(orders)} order{'s' if len(orders) != 1 else ''}; balance due on those not cancelled: {balance:,.2f}"
            if orders
            else "No orders."
        )

    def _focus_table(self) -> None:
        self.refresh()
        if self.model.rows:
            self.ui.table.setFocus()

    def selected(self) -> CustomerRow | None:
        """The customer selected in the list."""
        rows = self.ui.table.selectionModel().selectedRows() if self.ui.table.selectionModel() else []
        return self.model.row(rows[0].row()) if rows else None

    def new_customer(self) -> CustomerRow | None:
        """New Customer…: ask, store, show it."""
        row = new_customer(self.ctx, self)
        if row is not None:
            self.ui.searchEdit.setText(row.number)
            self.refresh()
        return row

    def edit_customer(self) -> CustomerRow | None:
        """Edit…: change the selected customer (orders keep the addresses they were taken with)."""
        row = self.selected()
        if row is None:
            return None
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                record = get_customer(uow.session, row.id)
            params = CustomerDialog.ask(self, record.params)
            if params is None:
                return None
            with UnitOfWork(self.ctx.engine) as uow:
                saved = update_customer(uow, row.id, params)
        except XmartError as exc:
            show_error(self, exc)
            return None
        self.refresh()
        return saved

    def new_order(self) -> None:
        """New Order: open the Order Manager on a new draft for the selected customer."""
        row = self.selected()
        if row is not None:
            self.open_order(row.id)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.ui.table.hasFocus():
            self.new_order()
            return
        super().keyPressEvent(event)
