"""Sizing top-level windows to the screen they open on, and keeping the focused field of a scroll area in view."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect, QSize, Slot
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


def fit_to_screen(widget: QWidget) -> None:
    """Size a top-level window to what it prefers, but never larger than the available screen."""
    room = _room(widget)
    if room is None:
        return
    widget.resize(widget.sizeHint().boundedTo(room).expandedTo(widget.minimumSizeHint()))
    place_within_screen(widget)


def _room(widget: QWidget) -> QSize | None:
    """The size a window's contents may take on its screen: the available area less the window frame
    (what the frame took if the window was shown, else a typical border and title bar); None without a screen."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return None
    return screen.availableGeometry().size() - _frame(widget).expandedTo(QSize(0, 0))


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize a top-level window to `width` x `height` pixels, or less where the screen is smaller.

    Room is left for the window frame (what the frame took when last shown, else a typical title bar),
    and never below the window's minimum size hint (layouts scroll or elide inside it).
    """
    room = _room(widget)
    wanted = QSize(width, height) if room is None else QSize(width, height).boundedTo(room)
    widget.resize(wanted.expandedTo(widget.minimumSizeHint()))
    place_within_screen(widget)


def _frame(widget: QWidget) -> QSize:
    """What the window frame adds to a top-level window's size (a typical border and title bar before it
    was first shown)."""
    return (widget.frameGeometry().size() - widget.size()) if widget.isVisible() else QSize(8, 40)


def place_within_screen(widget: QWidget) -> None:
    """Move a top-level window so that it lies, frame and all, inside the available screen area: centred
    on its parent window when it has a shown one, else on the screen; pushed back inside where that
    would run off an edge (usable at 1024x600)."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    outer = widget.size() + _frame(widget).expandedTo(QSize(0, 0))
    parent = widget.parentWidget()
    anchor = parent.window().frameGeometry() if parent is not None and parent.window().isVisible() else area
    if parent is not None and not area.intersects(anchor):
        anchor = area
    place = QRect(QPoint(0, 0), outer)
    place.moveCenter(anchor.center())
    x = max(area.left(), min(place.left(), area.right() + 1 - outer.width()))
    y = max(area.top(), min(place.top(), area.bottom() + 1 - outer.height()))
    widget.move(x, y)


class _FocusFollower(QObject):
    """Scrolls its area to the widget inside it that takes the keyboard focus (a child of the area: it
    goes with it)."""

    def __init__(self, area: QScrollArea):
        super().__init__(area)
        self.area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.follow)

    @Slot(QWidget, QWidget)
    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.area.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.area.ensureWidgetVisible(new)


def keep_focus_in_view(area: QScrollArea) -> None:
    """Whenever the focus moves to a field inside `area` (Tab, a shortcut such as Ctrl+1..4, a click),
    scroll the area so that the field is in view (on a 1024x600 screen the order sections scroll)."""
    _FocusFollower(area)
