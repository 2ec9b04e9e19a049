"""LinesTableModel: the lines of one document, as the document view shows them (read-only, in memory)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from xmart.processes.views.document_details import DocumentDetails

Index = QModelIndex | QPersistentModelIndex


class LinesTableModel(QAbstractTableModel):
    """A fixed table of text cells with a title per column; numeric columns align right."""

    def __init__(self, details: DocumentDetails, parent=None):
        super().__init__(parent)
        self.details = details

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.details.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.details.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: D102 - Qt override
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.details.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = self.details.numeric[index.column()]
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.details.columns):
                return self.details.columns[section]
        return None
