"""The one UI helper that shows domain errors and short messages (non-blocking, window-modal boxes)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from xmart.errors import Cancelled, XmartError
from xmart.processes import failures

log = logging.getLogger(__name__)

CANCELLED_TEXT = "The run was cancelled. Nothing was written."


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setObjectName("messageBox")
    if details:
        box.setDetailedText(details)
    box.open()
    return box


def show_error(parent: QWidget | None, exc: BaseException, title: str = "xmart") -> QMessageBox:
    """Show `exc` to the user: a domain error's own message, or a short note for anything unexpected."""
    if isinstance(exc, Cancelled):
        return _box(parent, QMessageBox.Icon.Information, title, CANCELLED_TEXT)
    if isinstance(exc, XmartError):
        return _box(parent, QMessageBox.Icon.Warning, title, str(exc))
    # never raw SQL, statement values or customer data, on screen or in the log (DOMAIN.md section 9)
    log.error(failures.log_text("client step", exc))
    return _box(
        parent,
        QMessageBox.Icon.Critical,
        title,
        f"Something went wrong: {failures.reason(exc)}.\n\nNothing was written by the unfinished step.",
        failures.log_text(type(exc).__name__, exc),
    )


def show_message(parent: QWidget | None, text: str, title: str = "xmart") -> QMessageBox:
    """Show a short information message (non-blocking)."""
    return _box(parent, QMessageBox.Icon.Information, title, text)
