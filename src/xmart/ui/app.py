"""Start-up of the client: the QApplication, the main window on an engine, and the event loop.

Nothing in the client imports this module except `xmart gui`: windows take an `AppContext`
(`xmart.ui.context`), date edits use `xmart.ui.qt_dates`, window sizing `xmart.ui.screen`.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from xmart.processes.unit_of_work import Engine
from xmart.ui.context import APPLICATION, ORGANIZATION, make_context
from xmart.ui.main_window import MainWindow


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with the names QSettings and window titles use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication), "a QCoreApplication without widgets is already running"
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app


def settle_heap() -> None:
    """Once the window is up: collect, then move every object alive so far out of the collector's sight.

    Modules, classes and widgets live as long as the application; without this, each full garbage
    collection walks all of them and pauses the GUI for a noticeable time (see tasks.py).
    """
    gc.collect()
    gc.freeze()


def run_gui(engine: Engine) -> int:
    """Open the main window on `engine` (first-run prompt on an empty database); returns when it closes."""
    app = application()
    ctx = make_context(engine)
    window = MainWindow(ctx)
    window.show()
    QTimer.singleShot(0, window.first_run_check)
    QTimer.singleShot(0, settle_heap)
    status = app.exec()
    ctx.tasks.wait_for_all()
    return status
