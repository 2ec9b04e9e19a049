"""Item availability (DOMAIN.md section 4): one SKU per location, and the Documents › Items view.

`ItemAvailabilityDialog.show_for(ctx, parent, sku)` opens a non-modal window with on hand, minimum,
pending, available and on order per location (from order entry: F4 on the item line). `ItemsView`
lists the items matching a search, a page at a time (the read model pages in SQL; the view asks for
the next page when scrolled near the end), with the selected item's figures per location below.
Both read `xmart.processes.views.items` in the GUI thread (short reads).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.views.items import (
    ItemAvailability,
    LocationAvailability,
    count_items,
    item_availability,
    item_page,
)
from xmart.ui.context import AppContext
from xmart.ui.errors import show_error
from xmart.ui.generated.ui_item_availability import Ui_ItemAvailabilityDialog
from xmart.ui.generated.ui_items_view import Ui_ItemsView
from xmart.ui.screen import fit_to_screen
from xmart.ui.table_models.rows_table_model import Column, Index, RowsTableModel

PAGE_SIZE = 200
SEARCH_DELAY_MS = 200

LOCATION_COLUMNS: list[Column[LocationAvailability]] = [
    Column("Location", lambda r: f"{r.code} — {r.name}"),
    Column("On hand", lambda r: f"{r.on_hand:,}", numeric=True),
    Column("Minimum", lambda r: f"{r.minimum:,}", numeric=True),
    Column("Pending", lambda r: f"{r.pending:,}", numeric=True),
    Column("Available", lambda r: f"{r.available:,}", numeric=True),
    Column("On order", lambda r: f"{r.on_order:,}", numeric=True),
]
ITEM_COLUMNS: list[Column[ItemAvailability]] = [
    Column("SKU", lambda r: r.sku),
    Column("Description", lambda r: r.description),
    Column("Price", lambda r: f"{r.price:,.2f}", numeric=True),
    Column("On hand", lambda r: f"{r.on_hand:,}", numeric=True),
    Column("Pending", lambda r: f"{r.pending:,}", numeric=True),
    Column("Available", lambda r: f"{r.available:,}", numeric=True),
    Column("On order", lambda r: f"{r.on_order:,}", numeric=True),
]


def _fit_columns(view, stretch: int) -> None:
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().hide()


class ItemAvailabilityDialog(QDialog):
    """One SKU's figures per location; non-modal, closes with Esc."""

    def __init__(self, item: ItemAvailability, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ItemAvailabilityDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.item = item
        self.setWindowTitle(f"Availability of {item.sku}")
        self.ui.titleLabel.setText(
            f"<b>{item.sku}</b> — {item.description}: on hand {item.on_hand:,}, pending {item.pending:,}, "
            f"available {item.available:,}, on order {item.on_order:,}"
        )
        self.model: RowsTableModel[LocationAvailability] = RowsTableModel(LOCATION_COLUMNS, self)
        self.model.set_rows(item.locations)
        self.ui.table.setModel(self.model)
        _fit_columns(self.ui.table, 0)
        self.ui.buttonBox.rejected.connect(self.close)
        self.resize(720, 160 + 30 * min(len(item.locations), 12))
        fit_to_screen(self)

    @classmethod
    def show_for(cls, ctx: AppContext, parent: QWidget, sku: str) -> ItemAvailabilityDialog | None:
        """Read SKU `sku` and show its window; an unknown SKU is reported, not raised."""
        try:
            with UnitOfWork(ctx.engine) as uow:
                item = item_availability(uow, sku)
        except Exception as exc:  # noqa: BLE001 - shown by the one error helper
            show_error(parent, exc, "Item Availability")
            return None
        dialog = cls(item, parent)
        dialog.show()
        return dialog


class ItemPageModel(RowsTableModel[ItemAvailability]):
    """Items matching a search; `fetchMore` reads the next page when the view scrolls near the end."""

    def __init__(self, read: Callable[[Callable], object], parent: QObject | None = None):
        super().__init__(ITEM_COLUMNS, parent)
        self._read = read
        self.search = ""
        self.total = 0

    def refresh(self, search: str) -> None:
        """Count the matches of `search` and show the first page."""
        self.search = search
        rows: list[ItemAvailability] = []

        def load(uow: UnitOfWork) -> None:
            self.total = count_items(uow, search)
            rows.extend(item_page(uow, search, 0, PAGE_SIZE))

        self._read(load)
        self.set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt override
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt override
        if parent.isValid():
            return
        more: list[ItemAvailability] = []
        self._read(lambda uow: more.extend(item_page(uow, self.search, len(self.rows), PAGE_SIZE)))
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()


class ItemsView(QWidget):
    """Documents › Items: search items, see each one's availability per location."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ItemsView()
        self.ui.setupUi(self)
        self.model = ItemPageModel(self._read, self)
        self.ui.itemsTable.setModel(self.model)
        _fit_columns(self.ui.itemsTable, 1)
        self.locations: RowsTableModel[LocationAvailability] = RowsTableModel(LOCATION_COLUMNS, self)
        self.ui.locationsTable.setModel(self.locations)
        _fit_columns(self.ui.locationsTable, 0)
        self.ui.splitter.setSizes([320, 200])
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.ui.searchEdit.textChanged.connect(lambda _text: self.timer.start())
        self.ui.searchEdit.returnPressed.connect(self.refresh)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.ui.itemsTable.selectionModel().currentRowChanged.connect(lambda _cur, _prev: self._show_locations())
        self.refresh()

    def _read(self, load: Callable[[UnitOfWork], object]) -> None:
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                load(uow)
        except Exception as exc:  # noqa: BLE001 - shown by the one error helper
            show_error(self, exc, "Items")

    def refresh(self) -> None:
        """Read the items matching the search again."""
        self.timer.stop()
        self.model.refresh(self.ui.searchEdit.text())
        if self.model.rows:
            self.ui.itemsTable.selectRow(0)
        self._show_locations()

    def current(self) -> ItemAvailability | None:
        """The selected item."""
        row = self.ui.itemsTable.currentIndex().row()
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def _show_locations(self) -> None:
        item = self.current()
        self.locations.set_rows(item.locations if item else ())
        self.ui.locationsBox.setTitle(f"{item.sku} by location" if item else "By location")

    def _update_count(self) -> None:
        total, shown = self.model.total, self.model.rowCount()
        text = f"{total:,} item{'s' if total != 1 else ''}"
        if shown < total:
            text += f" (showing {shown:,}; scroll for more)"
        self.ui.countLabel.setText(text)
