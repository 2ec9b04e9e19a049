"""The first run, typed and clicked: the database (this computer, or an office PostgreSQL server with a
connection test), company details, the printer, the first administrator, then demo data."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QInputDialog
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.support.users import PASSWORD
from tests.ui.helpers import click, tick, type_over, wait_task, when_modal
from xmart import config
from xmart.models.db import make_engine
from xmart.ui.dialogs.database_dialog import DatabaseDialog


def _ask_database(qtbot, driver) -> str | None:
    when_modal(driver, DatabaseDialog)
    return DatabaseDialog.ask(None)


def _continue(qtbot, dialog: DatabaseDialog) -> None:
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok))


def _type_server(qtbot, dialog: DatabaseDialog, url: str, port: int | None = None) -> None:
    parsed = make_url(url)
    tick(qtbot, dialog.ui.serverRadio)
    assert dialog.ui.serverBox.isEnabled()
    qtbot.keyClicks(dialog.ui.hostEdit, parsed.query.get("host") or parsed.host)
    type_over(qtbot, dialog.ui.portSpin.lineEdit(), str(port or parsed.port or 5432))
    type_over(qtbot, dialog.ui.databaseEdit, parsed.database)
    qtbot.keyClicks(dialog.ui.userEdit, parsed.username)
    qtbot.keyClicks(dialog.ui.passwordEdit, "office password")


def test_this_computer_is_the_default_and_is_remembered(qtbot):
    assert config.database_choice_needed(None)
    seen = {}

    def drive(dialog: DatabaseDialog) -> None:
        seen["checked"] = dialog.ui.thisComputerRadio.isChecked()
        seen["server enabled"] = dialog.ui.serverBox.isEnabled()
        seen["path"] = dialog.ui.thisComputerLabel.text()
        _continue(qtbot, dialog)

    url = _ask_database(qtbot, drive)
    assert seen["checked"] and not seen["server enabled"]
    assert str(config.data_dir() / "xmart.db") in seen["path"]
    assert url == config.default_database_url() == config.saved_database() == config.database_url(None)
    assert not config.database_choice_needed(None)


@pytest.mark.parametrize("empty_db_url", ["postgresql"], indirect=True)
def test_an_office_server_is_tested_then_saved_without_its_password_in_the_url(empty_db_url, qtbot):
    seen = {}

    def drive(dialog: DatabaseDialog) -> None:
        _type_server(qtbot, dialog, empty_db_url)
        click(qtbot, dialog.ui.testButton)
        seen["test"] = dialog.ui.resultLabel.text()
        _continue(qtbot, dialog)

    url = _ask_database(qtbot, drive)
    assert seen["test"].startswith("Connected to PostgreSQL ") and "empty" in seen["test"], seen["test"]
    assert url is not None and url == config.saved_database() == config.database_url(None)
    assert "office password" not in url and "passfile=" in url
    password_file = config.data_dir() / config.PASSWORD_FILE
    assert stat.S_IMODE(os.stat(password_file).st_mode) == 0o600
    assert password_file.read_text().rstrip().endswith(":office password")
    engine = make_engine(url)  # what the client and the command line of this workstation now open
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT current_database()")).scalar() == make_url(empty_db_url).database
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_db_url", ["postgresql"], indirect=True)
def test_a_server_that_does_not_answer_is_said_so_and_nothing_is_saved(empty_db_url, qtbot):
    seen = {}

    def drive(dialog: DatabaseDialog) -> None:
        _type_server(qtbot, dialog, empty_db_url, port=1)
        click(qtbot, dialog.ui.testButton)
        seen["test"] = dialog.ui.resultLabel.text()
        _continue(qtbot, dialog)  # refused again: the dialog stays
        seen["still open"] = dialog.isVisible()
        seen["continue"] = dialog.ui.resultLabel.text()
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel))

    assert _ask_database(qtbot, drive) is None
    assert seen["test"] == "Could not connect: nothing answers at that server and port (is PostgreSQL running there?)."
    assert seen["still open"] and seen["continue"] == seen["test"]
    assert "Traceback" not in seen["test"] and "psycopg" not in seen["test"]
    assert config.saved_database() is None and not (config.data_dir() / config.PASSWORD_FILE).exists()


def test_a_blank_server_name_is_refused_beside_the_fields(qtbot):
    seen = {}

    def drive(dialog: DatabaseDialog) -> None:
        tick(qtbot, dialog.ui.serverRadio)
        qtbot.keyClicks(dialog.ui.userEdit, "clerk")
        _continue(qtbot, dialog)
        seen["error"] = dialog.ui.resultLabel.text()
        tick(qtbot, dialog.ui.thisComputerRadio)
        seen["cleared"] = dialog.ui.resultLabel.text()
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel))

    assert _ask_database(qtbot, drive) is None
    assert seen["error"] == "Type the server name." and seen["cleared"] == ""
    assert config.saved_database() is None


def test_xmart_gui_asks_for_the_database_only_on_the_first_run(monkeypatch, tmp_path):
    import argparse

    import xmart.ui.app as app
    from xmart.cli import gui
    from xmart.cli.main import Context

    asked = []
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(app, "choose_database_at_first_run", lambda: asked.append(1))  # Quit: None
    ctx = Context(config.database_url(None))
    assert gui.run(argparse.Namespace(db=None, smoke_test=False), ctx) == 0
    assert asked == [1] and not (config.data_dir() / "xmart.db").exists()  # Quit creates nothing

    monkeypatch.setattr(app, "run_gui", lambda engine, smoke_test=False: 0)
    given = Context(f"sqlite:///{tmp_path / 'given.db'}")
    assert gui.run(argparse.Namespace(db=given.db_url, smoke_test=False), given) == 0
    given.close()
    assert asked == [1]  # --db given: no question


def test_the_whole_first_run_by_typing(empty_ctx, qtbot, monkeypatch):
    """Company details typed, the second printer picked, the first administrator created, demo data."""
    import xmart.ui.main_window as main_window
    from xmart.processes.settings import load_company
    from xmart.processes.unit_of_work import UnitOfWork
    from xmart.ui import printing
    from xmart.ui.dialogs.company_settings_dialog import CompanySettingsDialog
    from xmart.ui.dialogs.user_dialog import UserDialog
    from xmart.ui.first_run import FirstRunDialog

    monkeypatch.setattr(printing, "printer_names", lambda: ["PDF", "Office Laser"])
    monkeypatch.setattr(main_window, "printer_names", lambda: ["PDF", "Office Laser"])
    window = main_window.MainWindow(empty_ctx)
    qtbot.addWidget(window)
    window.show()
    order: list[str] = []

    def company(dialog: CompanySettingsDialog) -> None:
        order.append(dialog.windowTitle())
        type_over(qtbot, dialog.ui.nameEdit, "Acme Retail")  # over the default name
        qtbot.keyClicks(dialog.ui.phoneEdit, "555-0100")
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))

    def printer(dialog: QInputDialog) -> None:
        order.append(dialog.windowTitle())
        combo = dialog.findChild(QComboBox)
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    def admin(dialog: UserDialog) -> None:
        order.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.ui.nameEdit, "boss")
        qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
        qtbot.keyClicks(dialog.ui.againEdit, PASSWORD)
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok))

    def start(dialog: FirstRunDialog) -> None:
        order.append(dialog.windowTitle())
        click(qtbot, dialog.ui.demoButton)

    when_modal(company, CompanySettingsDialog)
    when_modal(printer, QInputDialog)
    when_modal(admin, UserDialog)
    when_modal(start, FirstRunDialog)
    window.first_run_check()
    wait_task(qtbot, window.last_task, timeout=120_000)

    assert order == [
        "Welcome to xmart: Company Details",
        "Welcome to xmart: Printer",
        "First Administrator",
        "Welcome to xmart",
    ]
    with UnitOfWork(empty_ctx.engine) as uow:
        saved = load_company(uow.session)
    assert (saved.name, saved.phone) == ("Acme Retail", "555-0100")
    assert empty_ctx.settings.value(printing.PRINTER_KEY) == "Office Laser"
    assert empty_ctx.session.actor is not None and empty_ctx.session.actor.name == "boss"
    assert window.last_task.error is None, window.last_task.error
    assert window.open_browser("cso").model.total > 10
