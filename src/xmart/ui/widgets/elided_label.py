"""`ElidedLabel`: a plain-text label that never widens its window; a line too long for it ends in "…".

A QLabel asks for the width of its longest line, so a 100-character customer name would stretch the
whole window past the screen. This label asks for little (a few characters) and draws each line
elided to the width it is given; the full text stays available as `text()` and as the tool tip.
Used as a promoted widget in the forms (header `xmart.ui.widgets.elided_label`).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_CHARACTERS = 12
"""The label never asks for less than this many average characters (before eliding)."""
PREFERRED_CHARACTERS = 40
"""Nor for more than this many: longer lines are elided unless the layout gives more room."""


class ElidedLabel(QLabel):
    """A label of plain-text lines, each elided at the right to the label's width."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)  # the form's uic code passes only the parent, then calls setText
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        """Show `text` (plain, lines separated by newlines); the whole of it is the tool tip when cut."""
        super().setText(text)
        self._update_tooltip()
        self.updateGeometry()

    def _lines(self) -> list[str]:
        return self.text().split("\n")

    def _widest(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(line) for line in self._lines()), default=0)

    def _update_tooltip(self) -> None:
        cut = self._widest() > self.contentsRect().width()
        self.setToolTip(self.text() if cut and self.text() else "")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The text's size, at most PREFERRED_CHARACTERS wide."""
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = min(self._widest(), self.fontMetrics().averageCharWidth() * PREFERRED_CHARACTERS)
        return QSize(width + margins.left() + margins.right(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """MIN_CHARACTERS wide (or the text, when shorter) and as tall as the lines."""
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        width = min(self._widest(), self.fontMetrics().averageCharWidth() * MIN_CHARACTERS)
        return QSize(width + margins.left() + margins.right(), hint.height())

    def elided_lines(self) -> list[str]:
        """The lines as drawn: each cut with "…" to the current width."""
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in self._lines()]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Re-decide the tool tip for the new width."""
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Draw the elided lines in the label's alignment."""
        painter = QPainter(self)
        rect = self.contentsRect()
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), "\n".join(self.elided_lines()))
        painter.end()
