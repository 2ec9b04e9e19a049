"""DocumentTableModel: one document browser's rows, fetched a page at a time, sorted and filtered in SQL.

The queries are the read model's (`xmart.processes.views.document_lists`); this model only keeps the
rows loaded so far and asks for the next page when the view scrolls near the end.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from xmart.processes.unit_of_work import Engine, UnitOfWork
from xmart.processes.views.document_lists import (
    BrowserFilter,
    DocumentList,
    DocumentRow,
    count_documents,
    document_page,
)

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Rows of one document type; `fetchMore` loads the next page when the view scrolls near the end."""

    def __init__(self, engine: Engine, source: DocumentList, parent: QObject | None = None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.engine = engine
        self.source = source
        self.page_size = page_size
        self.filter = BrowserFilter()
        self.sort_column = 0
        self.descending = True
        self.total = 0
        self._rows: list[DocumentRow] = []

    # --- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Count the matching documents again and load the first page."""
        self.beginResetModel()
        with UnitOfWork(self.engine) as uow:
            self.total = count_documents(uow, self.source.kind, self.filter)
            self._rows = self._page(uow, 0)
        self.endResetModel()

    def set_filter(self, flt: BrowserFilter) -> None:
        """Show only documents matching `flt`."""
        self.filter = flt
        self.refresh()

    def _page(self, uow: UnitOfWork, offset: int) -> list[DocumentRow]:
        sort = self.source.columns[self.sort_column].attr if self.is_sortable(self.sort_column) else "number"
        return document_page(uow, self.source.kind, self.filter, sort, self.descending, offset, self.page_size)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt override
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt override
        if parent.isValid():
            return
        with UnitOfWork(self.engine) as uow:
            page = self._page(uow, len(self._rows))
        if not page:
            self.total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # --- the model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.source.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: D102 - Qt override
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column = self.source.columns[index.column()]
        value = getattr(self._rows[index.row()], column.attr)
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            if isinstance(value, dt.date):
                return value.isoformat()
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.source.columns):
            return self.source.columns[section].title
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: D102 - Qt override
        if not self.is_sortable(column):
            return  # figures computed per row are not sortable
        self.sort_column = column
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def is_sortable(self, column: int) -> bool:
        """True when the view may sort by `column`."""
        return 0 <= column < len(self.source.columns) and self.source.columns[column].sortable

    def row(self, row: int) -> DocumentRow:
        """The row at `row` (a CsoRow, SoRow or PoRow)."""
        return self._rows[row]
