"""Screenshots of every page of the client's first run, at a screen size, for checking the look by eye.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/first_run_screenshots.py OUT
    xvfb-run -a -s "-screen 0 1024x600x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/first_run_screenshots.py OUT

Writes OUT/WIDTHxHEIGHT-NN-page.png: the whole screen while each page is up (the database, with a
refused and a passed connection test when pgserver is installed; company details; printer; first
administrator; how to start; the main window with the demo data). Uses a throwaway data folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ["XMART_DATA_DIR"] = tempfile.mkdtemp(prefix="xmart-first-run-")

from PySide6.QtCore import QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QInputDialog, QWidget  # noqa: E402

PASSWORD = "correct horse battery"


def pump(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


class Shots:
    def __init__(self, out: Path):
        screen = QApplication.primaryScreen().geometry()
        self.prefix = f"{screen.width()}x{screen.height()}"
        self.out = out
        self.n = 0
        out.mkdir(parents=True, exist_ok=True)

    def take(self, name: str) -> None:
        pump()
        self.n += 1
        path = self.out / f"{self.prefix}-{self.n:02d}-{name}.png"
        QApplication.primaryScreen().grabWindow(0).save(str(path))
        print(path)


def when_modal(kind: type, driver: Callable[[QWidget], None]) -> None:
    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(20, poll)
            return
        driver(widget)

    QTimer.singleShot(0, poll)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def tick(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def main() -> int:
    from xmart.ui.app import application

    app = application()
    shots = Shots(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-install"))
    server_url = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver
        server = pgserver.get_server(Path(tempfile.mkdtemp(prefix="xmart-pg-")) / "pg", cleanup_mode="stop")
        server_url = server.get_uri()
    except Exception as exc:  # noqa: BLE001 - the passed test is then not shown
        print(f"no PostgreSQL server for the passed connection test: {exc}", file=sys.stderr)

    from sqlalchemy.engine import make_url

    from xmart.ui.dialogs.database_dialog import DatabaseDialog

    def database(dialog: DatabaseDialog) -> None:
        shots.take("database-this-computer")
        tick(dialog.ui.serverRadio)
        QTest.keyClicks(dialog.ui.hostEdit, "office-server")
        QTest.keyClicks(dialog.ui.userEdit, "clerk")
        QTest.keyClicks(dialog.ui.passwordEdit, "secret")
        click(dialog.ui.testButton)
        shots.take("database-server-refused")
        if server_url:
            parsed = make_url(server_url)
            for edit, value in ((dialog.ui.hostEdit, parsed.query["host"]), (dialog.ui.userEdit, "postgres")):
                edit.selectAll()
                QTest.keyClicks(edit, value)
            dialog.ui.databaseEdit.selectAll()
            QTest.keyClicks(dialog.ui.databaseEdit, "postgres")
            click(dialog.ui.testButton)
            shots.take("database-server-connected")
        tick(dialog.ui.thisComputerRadio)
        click(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok))

    when_modal(DatabaseDialog, database)
    url = DatabaseDialog.ask(None)
    assert url is not None

    import xmart.ui.main_window as main_window
    from xmart.models.db import make_engine
    from xmart.models.migrate import upgrade
    from xmart.ui import printing
    from xmart.ui.context import make_context
    from xmart.ui.dialogs.company_settings_dialog import CompanySettingsDialog
    from xmart.ui.dialogs.user_dialog import UserDialog
    from xmart.ui.first_run import FirstRunDialog

    printing.printer_names = lambda: ["PDF", "Office Laser"]  # type: ignore[assignment]
    main_window.printer_names = printing.printer_names  # type: ignore[assignment]
    engine = make_engine(url)
    upgrade(engine)
    ctx = make_context(engine)
    window = main_window.MainWindow(ctx)
    window.show()
    pump(0.5)

    def company(dialog: CompanySettingsDialog) -> None:
        dialog.ui.nameEdit.selectAll()
        QTest.keyClicks(dialog.ui.nameEdit, "Acme Retail Inc.")
        QTest.keyClicks(dialog.ui.addressEdit, "12 Market Street")
        QTest.keyClick(dialog.ui.addressEdit, Qt.Key.Key_Return)
        QTest.keyClicks(dialog.ui.addressEdit, "Albany, NY 12207")
        QTest.keyClicks(dialog.ui.phoneEdit, "+1 518 555 0100")
        QTest.keyClicks(dialog.ui.emailEdit, "office@acme.example")
        shots.take("company")
        click(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))

    def printer(dialog: QInputDialog) -> None:
        QTest.keyClick(dialog.findChild(QComboBox), Qt.Key.Key_Down)
        shots.take("printer")
        click(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    def admin(dialog: UserDialog) -> None:
        QTest.keyClicks(dialog.ui.nameEdit, "boss")
        QTest.keyClicks(dialog.ui.fullNameEdit, "Office Manager")
        QTest.keyClicks(dialog.ui.passwordEdit, PASSWORD)
        QTest.keyClicks(dialog.ui.againEdit, PASSWORD)
        shots.take("first-administrator")
        click(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok))

    def start(dialog: FirstRunDialog) -> None:
        shots.take("start")
        click(dialog.ui.demoButton)

    when_modal(CompanySettingsDialog, company)
    when_modal(QInputDialog, printer)
    when_modal(UserDialog, admin)
    when_modal(FirstRunDialog, start)
    window.first_run_check()
    end = time.monotonic() + 120
    while window.last_task is not None and not window.last_task.done and time.monotonic() < end:
        pump(0.2)
    shots.take("main-window")
    window.close()
    ctx.tasks.wait_for_all()
    engine.dispose()
    if server_url:
        server.cleanup()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
