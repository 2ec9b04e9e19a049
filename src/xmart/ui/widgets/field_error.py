"""The red label that shows, beside a field, why its value is refused."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color: #c62828;"


def show_field_error(label: QLabel, reason: str | None) -> None:
    """Show `reason` in red in `label`, or hide the label when there is nothing wrong."""
    label.setStyleSheet(ERROR_STYLE)
    label.setText(reason or "")
    label.setVisible(bool(reason))
