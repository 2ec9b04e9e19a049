"""Start-up of the client: the QApplication, the main window on an engine, and the event loop.

Nothing in the client imports this module except `xmart gui`: windows take an `AppContext`
(`xmart.ui.context`), date edits use `xmart.ui.qt_dates`, window sizing `xmart.ui.screen`.

An exception that would reach Qt's event loop (a bug in a slot) goes to `report_unexpected`,
installed as `sys.excepthook`: the traceback goes to the log file and the user sees one plain message;
the client keeps running.
"""

from __future__ import annotations

import gc
import logging
import sys
from importlib.metadata import version
from types import TracebackType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from xmart.errors import SignInRequired
from xmart.processes.unit_of_work import Engine
from xmart.ui.context import APPLICATION, ORGANIZATION, AppContext, make_context
from xmart.ui.dialogs.database_dialog import DatabaseDialog
from xmart.ui.dialogs.sign_in_dialog import SignInDialog
from xmart.ui.icons import NO_BUTTON_ICONS, app_icon
from xmart.ui.main_window import MainWindow

log = logging.getLogger("xmart.ui")

UNEXPECTED_TEXT = (
    "Something went wrong in xmart and the last action did not finish.\n"
    "Nothing half-done was saved. The details are in the log file; you can keep working."
)


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with the names QSettings and window titles use, the version
    (Help › About) and the application icon."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication), "a QCoreApplication without widgets is already running"
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(version("xmart"))
    app.setDesktopFileName("xmart")  # the .desktop file of the bundle (installer/linux/xmart.desktop)
    app.setWindowIcon(app_icon())
    if NO_BUTTON_ICONS not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + NO_BUTTON_ICONS)
    return app


def settle_heap() -> None:
    """Once the window is up: collect, then move every object alive so far out of the collector's sight.

    Modules, classes and widgets live as long as the application; without this, each full garbage
    collection walks all of them and pauses the GUI for a noticeable time (see tasks.py).
    """
    gc.collect()
    gc.freeze()


def report_unexpected(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None, show: bool = True
) -> QMessageBox | None:
    """`sys.excepthook` of the client: log the traceback (to the log file), show one plain message.

    `show=False` only logs (used when no QApplication exists). Returns the message box shown, if any.
    KeyboardInterrupt goes to Python's own hook.
    """
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return None
    log.critical("unexpected error in the client", exc_info=(kind, exc, tb))
    if not show or QApplication.instance() is None:
        return None
    box = QMessageBox(QMessageBox.Icon.Critical, APPLICATION, UNEXPECTED_TEXT, QMessageBox.StandardButton.Ok)
    box.setObjectName("unexpectedErrorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def sign_in_at_start(ctx: AppContext) -> bool:
    """When the database has users, the sign-in dialog (DOMAIN.md section 9): True once signed in,
    False when the user gives up (Esc, Quit). A database without users needs no sign-in: True."""
    if not ctx.session.needs_sign_in:
        return True
    return SignInDialog.ask(None, ctx.database_label, ctx.session.sign_in)


def choose_database_at_first_run() -> str | None:
    """The first run's first step, before any database is opened: this computer or the office's
    PostgreSQL server (`DatabaseDialog`); the chosen URL (saved for this workstation), or None on Quit."""
    application()
    sys.excepthook = report_unexpected
    return DatabaseDialog.ask(None)


def run_gui(engine: Engine, smoke_test: bool = False) -> int:
    """Sign in (when the database has users), then open the main window on `engine` (first-run prompt
    on an empty database); returns when it closes. Quitting the sign-in dialog returns 0.

    `smoke_test` (`xmart gui --smoke-test`, for checking an installation or the bundle): no sign-in
    (a database with users raises SignInRequired, exit 3) and no first-run prompt; the main window
    opens with the corporate sale orders, closes as soon as it has been shown, and the client exits
    0 after printing one line, or 1 when the window never showed."""
    app = application()
    sys.excepthook = report_unexpected
    ctx = make_context(engine)
    if smoke_test:
        return _smoke_test(app, ctx)
    if not sign_in_at_start(ctx):
        return 0
    window = MainWindow(ctx)
    window.show()
    QTimer.singleShot(0, window.first_run_check)
    QTimer.singleShot(0, settle_heap)
    status = app.exec()
    ctx.tasks.wait_for_all()
    return status


def _smoke_test(app: QApplication, ctx: AppContext) -> int:
    if ctx.session.needs_sign_in:
        raise SignInRequired("gui --smoke-test: this database has users; run it on one without")
    window = MainWindow(ctx)
    window.show()
    seen: list[str] = []

    def close() -> None:
        if window.isVisible() and window.windowHandle() is not None and window.windowHandle().isExposed():
            seen.append(f"{window.width()}x{window.height()}, {window.tabs.count()} tab(s)")
        window.close()

    QTimer.singleShot(0, lambda: window.open_browser("cso"))
    QTimer.singleShot(200, close)
    status = app.exec()
    ctx.tasks.wait_for_all()
    if not seen:
        print("xmart: gui --smoke-test: the main window was never shown", file=sys.stderr)
        return 1
    print(f"xmart gui: the main window opened ({seen[0]}) and closed")
    return status
