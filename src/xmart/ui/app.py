"""QApplication setup and the application context passed to every window (no globals)."""

from __future__ import annotations

import datetime as dt
import gc
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from xmart import config
from xmart.ui.tasks import TaskRunner

ORGANIZATION = "xmart"
APPLICATION = "xmart Main"


@dataclass
class AppContext:
    """What windows and menu slots need: the engine, the user's settings and the task runner."""

    engine: Engine
    settings: QSettings
    tasks: TaskRunner

    @property
    def database_label(self) -> str:
        """The database in use, for the status bar (never a password)."""
        url = make_url(self.engine.url)
        if url.get_backend_name() == "sqlite":
            return f"SQLite: {url.database or 'in memory'}"
        return f"PostgreSQL: {url.database} on {url.host or 'local socket'}"

    def today(self) -> dt.date:
        """Today's date (one place, so tests can pin it)."""
        return dt.date.today()


def settings_file() -> Path:
    """Where the client keeps window state and last-used options."""
    return config.data_dir() / "xmart-ui.ini"


def make_context(engine: Engine, settings: QSettings | None = None) -> AppContext:
    """A context on `engine` with the user's settings file and a new task runner."""
    if settings is None:
        settings = QSettings(str(settings_file()), QSettings.Format.IniFormat)
    return AppContext(engine=engine, settings=settings, tasks=TaskRunner())


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with the names QSettings and window titles use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app  # type: ignore[return-value]


def settle_heap() -> None:
    """Once the window is up: collect, then move every object alive so far out of the collector's sight.

    Modules, classes and widgets live as long as the application; without this, each full garbage
    collection walks all of them and pauses the GUI for a noticeable time (see tasks.py).
    """
    gc.collect()
    gc.freeze()


def to_qdate(value: dt.date) -> QDate:
    """A QDate for a date."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    """A date for a QDate."""
    return dt.date(value.year(), value.month(), value.day())


def run_gui(engine: Engine) -> int:
    """Open the main window on `engine` (first-run prompt on an empty database); returns when it closes."""
    from PySide6.QtCore import QTimer

    from xmart.ui.main_window import MainWindow

    app = application()
    ctx = make_context(engine)
    window = MainWindow(ctx)
    window.show()
    QTimer.singleShot(0, window.first_run_check)
    QTimer.singleShot(0, settle_heap)
    status = app.exec()
    ctx.tasks.wait_for_all()
    return status


def fit_to_screen(widget) -> None:
    """Size a top-level window to what it prefers, but never larger than the available screen."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry().size()
    size = widget.sizeHint().boundedTo(available).expandedTo(widget.minimumSizeHint())
    widget.resize(size)
