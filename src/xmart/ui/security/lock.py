"""The lock screen (DOMAIN.md section 9): after IDLE_TIMEOUT_MS without a key press or mouse input
the client hides the contents of every window behind a curtain and asks the signed-in user's
password. Nothing is closed, so unsaved work stays as it was; "Sign Out" from the lock screen closes
the windows the usual way (each asks about its unsaved changes) and signs the user out.

`IdleWatch` is an application-wide event filter restarting a single-shot timer on input; the
lock flow itself (`MainWindow.lock`) uses `LockScreen.ask` and `cover_windows`. The lock screen
stays above every xmart window: it is a stays-on-top window, and while it is up any other xmart
window that becomes active (Alt+Tab, a click on a covered window) sends it to the front again, so
no covered window can hide its password field. Windows that hold a revealed card number or a
prompt for one close or mask themselves on `Session.locked`, before the curtains go up.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLayout, QVBoxLayout, QWidget

from xmart.ui.generated.ui_lock_screen import Ui_LockScreen
from xmart.ui.widgets.field_error import show_field_error

IDLE_TIMEOUT_MS = 15 * 60 * 1000
"""Idle time before the client locks: 15 minutes (DOMAIN.md section 9); tests shorten it."""

UNLOCKED, SIGN_OUT = "unlocked", "sign out"

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.ShortcutOverride,
    }
)


class IdleWatch(QObject):
    """Calls `on_idle` once no key or mouse input has reached the application for IDLE_TIMEOUT_MS."""

    def __init__(self, on_idle: Callable[[], object], parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self.watching = False

    def start(self) -> None:
        """Watch (again) from now, with the module's current IDLE_TIMEOUT_MS."""
        app = QApplication.instance()
        if app is not None and not self.watching:
            app.installEventFilter(self)  # only while someone is signed in: no cost without users
            self.watching = True
        self.timer.start(IDLE_TIMEOUT_MS)

    def stop(self) -> None:
        """Stop watching (nobody signed in, or a database without users)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self.watching:
            app.removeEventFilter(self)
            self.watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Any key or mouse input restarts the idle time; nothing is filtered out."""
        if event.type() in _INPUT and self.timer.isActive():
            self.timer.start(IDLE_TIMEOUT_MS)
        return False

    def detach(self) -> None:
        """Stop and remove the event filter (the main window closes)."""
        self.stop()


class Curtain(QWidget):
    """An opaque cover over one window's contents while the client is locked."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("lockCurtain")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        label = QLabel("xmart is locked", self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Follow the window's size."""
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Paint the window colour over everything below."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())


def cover_windows(skip: QWidget | None = None) -> list[Curtain]:
    """Cover every visible top-level window (but `skip`); returns the curtains for `uncover`."""
    curtains = []
    for window in QApplication.topLevelWidgets():
        if (
            window is skip
            or not window.isVisible()
            or window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
        ):
            continue
        curtains.append(Curtain(window))
    return curtains


def uncover(curtains: list[Curtain]) -> None:
    """Remove the curtains (of windows still alive)."""
    for curtain in curtains:
        if shiboken6.isValid(curtain):
            curtain.hide()
            curtain.deleteLater()


class LockScreen(QDialog):
    """The signed-in user's password again (Unlock), or Sign Out; Esc and the close button do nothing."""

    def __init__(self, parent: QWidget | None, user: str, attempt: Callable[[str], str | None]):
        super().__init__(parent)
        self.ui = Ui_LockScreen()
        self.ui.setupUi(self)
        self.attempt = attempt
        self.result_choice = ""
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self._watching = False
        layout = self.layout()
        if layout is not None:  # grow with a wrapped message, never clip the help text (small screens)
            layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.ui.userLabel.setText(
            f"<b>{user}</b> is signed in. Type the password to go on where you left off; nothing was closed.<br>"
            "Someone else: Sign Out (open windows ask about their unsaved changes first)."
        )
        show_field_error(self.ui.errorLabel, None)
        self.ui.unlockButton.clicked.connect(self._unlock)
        self.ui.signOutButton.clicked.connect(self._sign_out)
        self.ui.passwordEdit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """While shown: watch every window's activation, to come to the front again."""
        super().showEvent(event)
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Stop watching once hidden."""
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Another xmart window became active (Alt+Tab, a click): bring the lock screen to the front."""
        if (
            event.type() == QEvent.Type.WindowActivate
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self
            and self.isVisible()
        ):
            QTimer.singleShot(0, self.to_front)
        return False

    def to_front(self) -> None:
        """Raise and activate the lock screen, its password field focused."""
        if shiboken6.isValid(self) and self.isVisible():
            self.raise_()
            self.activateWindow()
            self.ui.passwordEdit.setFocus()

    def _unlock(self) -> None:
        password = self.ui.passwordEdit.text()
        problem = self.attempt(password) if password else "Type the password."
        if problem is not None:
            show_field_error(self.ui.errorLabel, problem)
            self.adjustSize()
            self.ui.passwordEdit.clear()
            self.ui.passwordEdit.setFocus()
            return
        self.result_choice = UNLOCKED
        self.accept()

    def _sign_out(self) -> None:
        self.result_choice = SIGN_OUT
        self.accept()

    def reject(self) -> None:
        """Esc does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """The close button does not unlock either."""
        if not self.result_choice:
            event.ignore()

    @classmethod
    def ask(cls, parent: QWidget | None, user: str, attempt: Callable[[str], str | None]) -> str:
        """Show the lock screen until the password is right (UNLOCKED) or the user chooses SIGN_OUT."""
        dialog = cls(parent, user, attempt)
        try:
            dialog.exec()
            return dialog.result_choice or SIGN_OUT
        finally:
            dialog.deleteLater()
