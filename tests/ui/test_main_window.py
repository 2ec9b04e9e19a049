"""The main window: menus, status bar, remembered state, first run, import, document views, printing."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.support.documents import example
from tests.ui.helpers import click, skip_first_run_setup, wait_task, when_modal
from xmart.models import Location
from xmart.ui.document_view import DocumentView


@pytest.fixture
def make_window(qtbot):
    from xmart.ui.main_window import MainWindow

    def make(ctx):
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.show()
        return win

    return make


def test_menus_shortcuts_and_status_bar(ctx, make_window):
    window = make_window(ctx)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["Security", "Transactions", "Documents", "Processes", "Reports", "Settings", "Help"]
    actions = window.actions_by_name
    assert actions["assignByDate"].shortcut().toString() == "Ctrl+Shift+D"
    assert actions["browseCso"].shortcut().toString() == "Ctrl+1"
    assert "SQLite" in window.database_label.text() and "ui.db" in window.database_label.text()


def test_window_state_is_remembered(ctx, make_window, qtbot):
    window = make_window(ctx)
    window.resize(700, 500)
    window.close()
    assert ctx.settings.value("window/geometry") is not None
    again = make_window(ctx)
    assert again.size().width() == 700


def test_first_run_on_an_empty_database_imports_a_file(empty_ctx, make_window, qtbot, tmp_path, monkeypatch):
    from xmart.ui.first_run import FirstRunDialog

    window = make_window(empty_ctx)
    path = tmp_path / "doc.json"
    doc = example()
    doc.pop("purchase_orders")
    path.write_text(json.dumps(doc))
    import xmart.ui.main_window as mw

    chosen = {}

    def drive(dialog):
        chosen["text"] = dialog.ui.databaseLabel.text()
        click(qtbot, dialog.ui.importButton)

    skip_first_run_setup(qtbot, monkeypatch)

    qtbot_patch = pytest.MonkeyPatch()
    qtbot_patch.setattr(mw.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    try:
        when_modal(drive, FirstRunDialog)
        window.first_run_check()
        wait_task(qtbot, window.last_task)
    finally:
        qtbot_patch.undo()
    assert "holds no stores" in chosen["text"]
    with Session(empty_ctx.engine) as session:
        assert session.scalar(select(func.count()).select_from(Location)) == 2
    assert window.open_browser("cso").model.total == 1
    assert "Imported" in window.statusBar().currentMessage()


def test_first_run_demo_data(empty_ctx, make_window, qtbot, monkeypatch):
    from xmart.ui.first_run import FirstRunDialog

    window = make_window(empty_ctx)
    skip_first_run_setup(qtbot, monkeypatch)
    when_modal(lambda dialog: click(qtbot, dialog.ui.demoButton), FirstRunDialog)
    window.first_run_check()
    wait_task(qtbot, window.last_task, timeout=60_000)
    assert window.last_task.error is None, window.last_task.error
    assert window.open_browser("cso").model.total > 10


def test_a_bad_import_file_is_reported_and_writes_nothing(empty_ctx, make_window, qtbot, tmp_path):
    window = make_window(empty_ctx)
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    wait_task(qtbot, window.import_file(str(path)))
    texts = [box.text() for box in window.findChildren(QMessageBox)]
    assert any("not valid JSON" in t for t in texts)


def test_cso_view_shows_fulfilment_and_so_view_the_sold_column(ctx, make_window):
    window = make_window(ctx)
    cso = window.open_document("cso", 1001)
    assert isinstance(cso, DocumentView)
    assert {"Ordered", "Assigned", "Sold", "Unassigned", "On PO"} <= set(cso.details.columns)
    assert cso.model.rowCount() == 2
    so = window.open_document("so", 4001)
    sold = so.details.columns.index("Sold")
    assert so.model.data(so.model.index(0, sold)) == "1"
    missing = window.open_document("so", 999)
    assert missing is None
    assert any("does not exist" in box.text() for box in window.findChildren(QMessageBox))


def test_save_as_pdf_writes_the_rendered_bytes(ctx, make_window, qtbot, monkeypatch, tmp_path):
    import xmart.ui.printing as printing

    class FakeService:
        @staticmethod
        def render_pdf(engine, kind, number):
            return b"%PDF-1.4 " + f"{kind} {number}".encode()

    monkeypatch.setattr(printing, "_service", lambda: FakeService)
    target = tmp_path / "so.pdf"
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window = make_window(ctx)
    view = window.open_document("so", 4001)
    click(qtbot, view.pdf_button)
    qtbot.waitUntil(target.exists, timeout=5000)
    assert target.read_bytes() == b"%PDF-1.4 so 4001"


def test_gui_command_without_a_display_says_so(monkeypatch, capsys):
    from xmart.cli import gui

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(gui.sys, "platform", "linux")
    assert gui.run(None, None) == 1
    assert "no display" in capsys.readouterr().err
