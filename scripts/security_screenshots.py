"""Screenshots of the Security module's windows (sign-in, lock screen, Users and Roles, audit log,
card reveal), to check their look by eye at a given screen size.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python \
        scripts/security_screenshots.py /tmp/shots-gui 1366x768

Uses a throwaway SQLite database with the UI tests' small data set and two users.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from xmart.models.db import UnitOfWork, make_engine  # noqa: E402
from xmart.models.migrate import upgrade  # noqa: E402

PASSWORD = "correct horse battery"


def pump(app: QApplication, seconds: float = 0.3) -> None:
    """Process events for a while (layouts settle, windows map)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def screen(app: QApplication, out: Path, name: str) -> None:
    """Save the whole screen as OUT/NAME.png."""
    pump(app)
    path = out / f"{name}.png"
    app.primaryScreen().grabWindow(0).save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-gui")
    size = sys.argv[2] if len(sys.argv) > 2 else "screen"
    out.mkdir(parents=True, exist_ok=True)
    from tests.ui.conftest import small_document
    from xmart.processes.importer import import_document
    from xmart.processes.security import users

    folder = Path(tempfile.mkdtemp())
    engine = make_engine(f"sqlite:///{folder / 'shots.db'}")
    upgrade(engine)
    with UnitOfWork(engine) as uow:
        import_document(uow, small_document())
    with UnitOfWork(engine) as uow:
        users.add_user(uow, "ada", PASSWORD, "administrator", full_name="Ada Lovelace")
    users.sign_in(engine, "ada", PASSWORD)
    for name, role, full in (("carl", "clerk", "Carl Clerk"), ("mona", "manager", "Mona Manager")):
        with UnitOfWork(engine) as uow:
            users.add_user(uow, name, PASSWORD + "!", role, full_name=full)
    with UnitOfWork(engine) as uow:
        users.save_role(uow, "auditor", ["audit.read", "documents.print"], description="Reads the audit log")
    users.sign_out(engine)
    for _ in range(6):
        try:
            users.sign_in(engine, "mona", "wrong password")
        except Exception:  # noqa: BLE001 - the lockout is what we want on screen
            pass

    from xmart.ui.app import application
    from xmart.ui.context import make_context
    from xmart.ui.dialogs.sign_in_dialog import SignInDialog
    from xmart.ui.main_window import MainWindow
    from xmart.ui.security.audit_view import open_audit_log
    from xmart.ui.security.lock import LockScreen, cover_windows, uncover
    from xmart.ui.security.users_roles import UsersRolesDialog

    app = application(["xmart"])
    ctx = make_context(engine, QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))

    sign_in = SignInDialog(None, ctx.database_label, ctx.session.sign_in)
    sign_in.show()
    sign_in.ui.userEdit.setText("mona")
    sign_in.ui.passwordEdit.setText("x" * 20)
    sign_in.ui.buttonBox.accepted.emit()
    screen(app, out, f"{size}-01-sign-in")
    sign_in.close()
    ctx.session.sign_in("ada", PASSWORD)

    window = MainWindow(ctx)
    window.showMaximized()
    window.open_browser("cso")
    pump(app)
    screen(app, out, f"{size}-02-main-window-admin")
    curtains = cover_windows()
    lock = LockScreen(window, "ada", lambda password: "The password is not right.")
    lock.show()
    screen(app, out, f"{size}-03-lock-screen")
    lock.hide()
    uncover(curtains)

    dialog = UsersRolesDialog(ctx, window)
    dialog.show()
    dialog.ui.usersTable.selectRow(2)
    screen(app, out, f"{size}-04-users")
    dialog.ui.tabs.setCurrentIndex(1)
    dialog.ui.rolesList.setCurrentRow(len(dialog.roles) - 1)
    screen(app, out, f"{size}-05-roles")
    dialog.close()

    open_audit_log(ctx, window.tabs)
    view = window.tabs.currentWidget()
    view.ui.fromEdit.setText("2000-01-01")
    view.ui.toEdit.setText("2099-12-31")
    view.run()
    view.verify()
    screen(app, out, f"{size}-06-audit-log")

    document = window.open_document("cso", 1001)
    assert isinstance(document, QWidget)
    screen(app, out, f"{size}-07-cso-with-show-card-number")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
