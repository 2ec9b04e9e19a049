"""Sizing top-level windows to the screen they open on."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def fit_to_screen(widget: QWidget) -> None:
    """Size a top-level window to what it prefers, but never larger than the available screen."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry().size()
    size = widget.sizeHint().boundedTo(available).expandedTo(widget.minimumSizeHint())
    widget.resize(size)
