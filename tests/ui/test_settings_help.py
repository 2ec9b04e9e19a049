"""Settings › Company, the print dialog and Help, driven as a user does: typed keys and clicks."""

from __future__ import annotations

import subprocess
from types import SimpleNamespace

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.helpers import click, when_modal
from xmart.processes.settings import CompanySettings, load_company
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.dialogs.company_settings_dialog import CompanySettingsDialog
from xmart.ui.printing import PRINTER_KEY


def _png(path, size=(300, 100)) -> bytes:
    Image.new("RGB", size, (230, 120, 20)).save(path, "PNG")
    return path.read_bytes()


def _window(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def _stored(ctx) -> CompanySettings:
    with UnitOfWork(ctx.engine) as uow:
        return load_company(uow.session)


def _replace_text(qtbot, field, text: str) -> None:
    """Click into a field, select all, type over it."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_company_settings_typed_and_saved_from_the_menu(ctx, qtbot, tmp_path, monkeypatch):
    logo = _png(tmp_path / "logo.png")
    chosen = str(tmp_path / "logo.png")
    monkeypatch.setattr(CompanySettingsDialog, "choose_logo_file", staticmethod(lambda parent: chosen))
    win = _window(ctx, qtbot)

    def fill(dialog: CompanySettingsDialog) -> None:
        u = dialog.ui
        _replace_text(qtbot, u.nameEdit, "Harbour Home & Garden")
        qtbot.keyClick(u.nameEdit, Qt.Key.Key_Tab)  # into the address
        qtbot.keyClicks(u.addressEdit, "120 Harbour Road")
        qtbot.keyClick(u.addressEdit, Qt.Key.Key_Return)
        qtbot.keyClicks(u.addressEdit, "Springfield")
        qtbot.keyClick(u.addressEdit, Qt.Key.Key_Tab)  # Tab leaves the address for the phone
        qtbot.keyClicks(u.phoneEdit, "555 0100")
        qtbot.keyClick(u.phoneEdit, Qt.Key.Key_Tab)
        qtbot.keyClicks(u.emailEdit, "office@harbour")  # not yet an address
        click(qtbot, u.chooseLogoButton)
        assert u.logoPreview.pixmap() is not None and not u.logoPreview.pixmap().isNull()
        click(qtbot, u.buttonBox.button(QDialogButtonBox.StandardButton.Save))
        assert dialog.isVisible() and u.errorLabel.isVisible()
        assert u.errorLabel.text().startswith("E-mail: an address such as")
        qtbot.keyClicks(u.emailEdit, ".example")
        click(qtbot, u.buttonBox.button(QDialogButtonBox.StandardButton.Save))

    when_modal(fill, CompanySettingsDialog)
    win.actions_by_name["companySettings"].trigger()
    assert _stored(ctx) == CompanySettings(
        "Harbour Home & Garden", "120 Harbour Road\nSpringfield", "555 0100", "office@harbour.example", logo
    )


def test_a_file_that_is_no_image_is_refused_beside_the_logo(ctx, qtbot, tmp_path, monkeypatch):
    (tmp_path / "notes.png").write_text("not an image")
    big = tmp_path / "big.png"
    Image.frombytes("RGB", (700, 700), bytes(range(256)) * 5742 + bytes(48)).save(big, "PNG", compress_level=0)
    answers = iter([str(tmp_path / "notes.png"), str(big)])
    monkeypatch.setattr(CompanySettingsDialog, "choose_logo_file", staticmethod(lambda parent: next(answers)))
    dialog = CompanySettingsDialog(None, CompanySettings("Harbour"))
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.ui.chooseLogoButton)
    assert dialog.ui.errorLabel.text() == "Logo: the file is not a PNG or JPEG image that can be read."
    click(qtbot, dialog.ui.chooseLogoButton)
    assert dialog.ui.errorLabel.text().startswith("Logo: the file has 1.5 MB; choose an image of at most 1 MB")
    assert dialog.logo is None and not dialog.ui.removeLogoButton.isEnabled()


def test_cancel_keeps_the_stored_company(ctx, qtbot):
    win = _window(ctx, qtbot)

    def cancel(dialog: CompanySettingsDialog) -> None:
        _replace_text(qtbot, dialog.ui.nameEdit, "Typed then dropped")
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel))

    when_modal(cancel, CompanySettingsDialog)
    win.actions_by_name["companySettings"].trigger()
    assert _stored(ctx).name == "xmart Retail"


# ---- the system print dialog ------------------------------------------------------------------


def _open_so(ctx, qtbot, window):
    from xmart.ui.document_view import DocumentView

    view = window.open_document("so", 4001)
    assert isinstance(view, DocumentView)
    return view


def test_print_shows_the_print_dialog_and_passes_copies_and_pages_to_lp(ctx, qtbot, monkeypatch):
    """A recording `lp`: the dialog's copies and pages reach CUPS as -n and -P."""
    from tests.ui.helpers import answer_print_dialog, wait_task
    from xmart.processes import printing

    commands: list[list[str]] = []
    real_run = printing._run

    def recording_run(command):
        if command[0] == "lp":
            commands.append(command)
            return subprocess.CompletedProcess(command, 0, "request id is PDF-42 (1 file(s))\n", "")
        return real_run(command)

    monkeypatch.setattr(printing, "_run", recording_run)
    monkeypatch.setattr(printing, "shutil", SimpleNamespace(which=lambda name: f"/usr/bin/{name}"))
    monkeypatch.setattr(printing, "_check_queue", lambda printer: printer)
    ctx.settings.setValue(PRINTER_KEY, "PDF")
    window = _window(ctx, qtbot)
    view = _open_so(ctx, qtbot, window)
    answer_print_dialog(qtbot, copies=3, pages=(1, 1))
    click(qtbot, view.print_button)
    wait_task(qtbot, view.last_task)
    assert view.last_task.error is None, view.last_task.error
    assert len(commands) == 1
    command = commands[0]
    assert command[command.index("-n") + 1] == "3" and command[command.index("-P") + 1] == "1-1"
    assert command[command.index("-d") + 1] == "PDF"


def test_cancel_in_the_print_dialog_prints_nothing(ctx, qtbot, monkeypatch):
    from tests.ui.helpers import answer_print_dialog

    calls = []
    monkeypatch.setattr("xmart.ui.printing._service", lambda: calls.append("service") or None)
    ctx.settings.setValue(PRINTER_KEY, "PDF")
    window = _window(ctx, qtbot)
    view = _open_so(ctx, qtbot, window)
    answer_print_dialog(qtbot, cancel=True)
    click(qtbot, view.print_button)
    assert view.last_task is None


def test_the_qt_backend_receives_copies_and_pages(ctx, qtbot, monkeypatch):
    """Where there is no `lp`, the Qt backend gets the dialog's copies and page range."""
    from tests.ui.helpers import answer_print_dialog, wait_task
    from xmart.processes.printing import PrintResult

    received = []

    def backend(pdf, printer, title, copies=1, pages=None):
        received.append((printer, title, copies, pages))
        return PrintResult(job_id="QT-1", pages=1)

    monkeypatch.setattr("xmart.ui.printing.qt_backend_if_needed", lambda: backend)
    ctx.settings.setValue(PRINTER_KEY, "PDF")
    window = _window(ctx, qtbot)
    view = _open_so(ctx, qtbot, window)
    answer_print_dialog(qtbot, copies=2)
    click(qtbot, view.print_button)
    wait_task(qtbot, view.last_task)
    assert received == [("PDF", "SO-4001", 2, None)]


# ---- help ----------------------------------------------------------------------------------------


def test_f1_on_the_main_window_lists_every_shortcut_and_mnemonic(ctx, qtbot):
    from PySide6.QtWidgets import QMenu

    from xmart.ui.help import ShortcutsDialog, plain

    window = _window(ctx, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen = {}

    def look(dialog: ShortcutsDialog) -> None:
        seen["rows"] = list(dialog.rows)
        qtbot.keyClicks(dialog.filter_edit, "ctrl+shift+o")  # find a command by its keys
        seen["filtered"] = dialog.visible_rows()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(look, ShortcutsDialog)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    rows = seen["rows"]
    by_command = {(row.where, row.command): row.keys for row in rows}
    # every menu action with a shortcut is listed with it, taken from the action itself
    for name, action in window.actions_by_name.items():
        if action.shortcut().isEmpty() or not action.isVisible():  # hidden: not for this user (section 9)
            continue
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert any(row.command == plain(action.text()) and keys in row.keys for row in rows), name
    assert by_command[("Transactions", "Corporate Sale Order")].startswith("Ctrl+Shift+O")
    assert "Alt+T, S" in by_command[("Transactions", "Corporate Sale Order")]  # the menu mnemonics
    assert by_command[("Settings", "Company")] == "Alt+S, M"
    assert by_command[("Help", "Keyboard Shortcuts")].startswith("F1")
    assert [row.command for row in seen["filtered"]] == ["Corporate Sale Order"]
    # the dialogs' mnemonics come from their forms
    assert ("Company", "Choose Logo", "Alt+L") in {(r.where, r.command, r.keys) for r in rows}
    assert any(row.where == "E-mail (SMTP)" and row.keys == "Alt+S" for row in rows)
    # every top-level menu shown is in the list (Security is hidden on a database without users)
    menus = [plain(a.text()) for a in window.menuBar().actions() if isinstance(a.menu(), QMenu) and a.isVisible()]
    assert {row.where.split(" › ")[0] for row in rows} >= set(menus)


def test_no_two_commands_of_one_menu_share_a_mnemonic(ctx, qtbot):
    from PySide6.QtWidgets import QMenu

    from xmart.ui.help import mnemonic

    window = _window(ctx, qtbot)

    def check(menu: QMenu, where: str) -> None:
        letters = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator() and mnemonic(a.text())]
        assert len(letters) == len(set(letters)), (where, letters)
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                check(action.menu(), f"{where} › {action.text()}")

    tops = [a for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    letters = [mnemonic(a.text()) for a in tops]
    assert len(letters) == len(set(letters)), letters
    for top in tops:
        check(top.menu(), top.text())


def test_the_user_guide_opens_from_the_help_menu_and_covers_every_menu(ctx, qtbot):
    from PySide6.QtWidgets import QMenu

    from xmart.ui.help import GuideDialog, plain

    window = _window(ctx, qtbot)
    help_menu = next(a.menu() for a in window.menuBar().actions() if plain(a.text()) == "Help")
    help_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(help_menu.isVisible)
    qtbot.keyClick(help_menu, Qt.Key.Key_U)  # the mnemonic of User Guide
    qtbot.waitUntil(lambda: window.findChild(GuideDialog) is not None and window.findChild(GuideDialog).isVisible())
    guide = window.findChild(GuideDialog)
    text = guide.browser.toPlainText()
    assert text.startswith("xmart — user guide")
    headings = [
        line.removeprefix("## ").strip() for line in guide.browser.toMarkdown().splitlines() if line.startswith("## ")
    ]
    for top in (a for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)):
        title = plain(top.text())
        assert any(h.startswith(title) for h in headings), f"the guide has no section on the {title} menu"
    for topic in ("Order Manager", "Sales Order Interface", "Assign", "Purchase Orders", "Receiving", "invoicing"):
        assert topic in text
    for topic in ("cancelling", "Reports", "print dialog", "Company"):
        assert topic in text
    window.actions_by_name["userGuide"].trigger()  # a second time: the same window, raised
    assert len(window.findChildren(GuideDialog)) == 1


def test_f1_lists_the_keys_of_the_order_windows_made_with_qshortcut(ctx, qtbot):
    """Ctrl+Enter, Ctrl+1..4, Ctrl+F in the Sales Order Interface, Ctrl+N new customer, F4 availability
    were missing from the list: every QShortcut of an open order window is listed."""
    from PySide6.QtGui import QShortcut

    from xmart.ui.help import ShortcutsDialog

    window = _window(ctx, qtbot)
    soi = window.orders.sales_order_interface()
    made = {s.key().toString(QKeySequence.SequenceFormat.NativeText) for s in soi.findChildren(QShortcut)}
    assert {"Ctrl+Return", "Ctrl+1", "Ctrl+4", "Ctrl+F", "Ctrl+N", "F4"} <= made
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen = {}

    def look(dialog: ShortcutsDialog) -> None:
        seen["rows"] = list(dialog.rows)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(look, ShortcutsDialog)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    listed = {(row.where, key) for row in seen["rows"] for key in row.keys.split(" or ")}
    for key in made:
        where = "Order entry (Items)" if key in ("F4", "Del", "Delete") else "Sales Order Interface"
        assert (where, key) in listed, key
