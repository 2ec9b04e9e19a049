"""DocumentTableModel: one document browser's rows, fetched a page at a time, sorted and filtered in SQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from xmart.ui.models.document_sources import BrowserFilter, DocumentSource

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Rows of one document type; `fetchMore` loads the next page when the view scrolls near the end."""

    def __init__(self, engine: Engine, source: DocumentSource, parent=None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.engine = engine
        self.source = source
        self.page_size = page_size
        self.filter = BrowserFilter()
        self.sort_column = 0
        self.descending = True
        self.total = 0
        self._rows: list[Any] = []

    # --- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Count the matching documents again and load the first page."""
        self.beginResetModel()
        with Session(self.engine) as session:
            self.total = int(session.scalar(self.source.count(self.filter)) or 0)
            self._rows = self._page(session, 0)
        self.endResetModel()

    def set_filter(self, flt: BrowserFilter) -> None:
        """Show only documents matching `flt`."""
        self.filter = flt
        self.refresh()

    def _page(self, session: Session, offset: int) -> list[Any]:
        ids = list(session.scalars(
            self.source.page_ids(self.filter, self.sort_column, self.descending, offset, self.page_size)))
        if not ids:
            return []
        by_id = {values[0]: self.source.make_row(values) for values in session.execute(self.source.rows(ids))}
        return [by_id[i] for i in ids if i in by_id]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt override
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt override
        if parent.isValid():
            return
        with Session(self.engine) as session:
            page = self._page(session, len(self._rows))
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
        if not (0 <= column < len(self.source.columns)) or self.source.columns[column].sort is None:
            return  # figures computed per row are not sortable
        self.sort_column = column
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def is_sortable(self, column: int) -> bool:
        """True when the view may sort by `column`."""
        return 0 <= column < len(self.source.columns) and self.source.columns[column].sort is not None

    def row(self, row: int) -> Any:
        """The row dataclass at `row`."""
        return self._rows[row]
