"""Sizing top-level windows to the screen they open on."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget


def fit_to_screen(widget: QWidget) -> None:
    """Size a top-level window to what it prefers, but never larger than the available screen."""
    room = _room(widget)
    if room is None:
        return
    widget.resize(widget.sizeHint().boundedTo(room).expandedTo(widget.minimumSizeHint()))


def _room(widget: QWidget) -> QSize | None:
    """The size a window's contents may take on its screen: the available area less the window frame
    (what the frame took if the window was shown, else a typical border and title bar); None without a screen."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return None
    frame = (widget.frameGeometry().size() - widget.size()) if widget.isVisible() else QSize(8, 40)
    return screen.availableGeometry().size() - frame.expandedTo(QSize(0, 0))


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize a top-level window to `width` x `height` pixels, or less where the screen is smaller.

    Room is left for the window frame (what the frame took when last shown, else a typical title bar),
    and never below the window's minimum size hint (layouts scroll or elide inside it).
    """
    room = _room(widget)
    wanted = QSize(width, height) if room is None else QSize(width, height).boundedTo(room)
    widget.resize(wanted.expandedTo(widget.minimumSizeHint()))
