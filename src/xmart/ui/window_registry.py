"""One document, one window: the open windows by key, e.g. ("cso", 1001) or ("order", 1004).

Opening a document that is already open brings its window forward instead of opening a second one.
A window leaves the registry when it is closed or destroyed, so a closed window is never used again
(no "Internal C++ object already deleted"). The main window closes every registered window, each
asking about its unsaved changes, before it quits.
"""

from __future__ import annotations

from collections.abc import Hashable

import shiboken6
from PySide6.QtWidgets import QWidget


def _alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget) and widget.isVisible()


class WindowRegistry:
    """The client's open top-level windows (document views, Order Managers, Sales Order Interfaces)."""

    def __init__(self) -> None:
        self._windows: dict[Hashable, QWidget] = {}

    def get(self, key: Hashable) -> QWidget | None:
        """The open window registered under `key`, or None (a closed or deleted one is forgotten)."""
        widget = self._windows.get(key)
        if widget is not None and not _alive(widget):
            del self._windows[key]
            return None
        return widget

    def bring_forward(self, key: Hashable) -> QWidget | None:
        """Raise and focus the window open under `key`; None when there is none."""
        widget = self.get(key)
        if widget is not None:
            if widget.isMinimized():
                widget.showNormal()
            widget.raise_()
            widget.activateWindow()
        return widget

    def add(self, key: Hashable, widget: QWidget) -> QWidget:
        """Register `widget` under `key`; it is dropped again when destroyed."""
        self._windows[key] = widget
        widget.destroyed.connect(lambda _obj=None, key=key, widget=widget: self._drop(key, widget))
        return widget

    def _drop(self, key: Hashable, widget: QWidget) -> None:
        if self._windows.get(key) is widget:
            del self._windows[key]

    def windows(self) -> list[QWidget]:
        """The open windows, oldest first."""
        return [w for key in list(self._windows) if (w := self.get(key)) is not None]

    def close_all(self) -> bool:
        """Close every open window, newest first; False as soon as one stays open (its user cancelled)."""
        for widget in reversed(self.windows()):
            if not widget.close():
                widget.raise_()
                widget.activateWindow()
                return False
        return True
