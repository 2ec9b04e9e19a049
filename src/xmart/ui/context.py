"""The application context passed to every window and menu slot (no globals), and the names the client goes by."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings

from xmart import config
from xmart.processes.unit_of_work import Engine, describe_database
from xmart.ui.session import Session
from xmart.ui.tasks import TaskRunner
from xmart.ui.window_registry import WindowRegistry

ORGANIZATION = "xmart"
APPLICATION = "xmart Main"


@dataclass
class AppContext:
    """What windows and menu slots need: the engine, the user's settings, the task runner, the
    registry of open windows (one document, one window) and the signed-in user's session."""

    engine: Engine
    settings: QSettings
    tasks: TaskRunner
    windows: WindowRegistry = field(default_factory=WindowRegistry)
    session: Session = field(init=False)

    def __post_init__(self) -> None:
        self.session = Session(self.engine)

    @property
    def database_label(self) -> str:
        """The database in use, for the status bar (never a password)."""
        return describe_database(self.engine)

    def today(self) -> dt.date:
        """Today's date (one place, so tests can pin it)."""
        return dt.date.today()


def settings_file() -> Path:
    """Where the client keeps window state and last-used options."""
    return config.data_dir() / "xmart-ui.ini"


def make_context(engine: Engine, settings: QSettings | None = None) -> AppContext:
    """A context on `engine` with `settings` (default: the user's settings file) and a new task runner."""
    if settings is None:
        settings = QSettings(str(settings_file()), QSettings.Format.IniFormat)
    return AppContext(engine=engine, settings=settings, tasks=TaskRunner())
