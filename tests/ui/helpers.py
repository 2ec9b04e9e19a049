"""Helpers for driving modal dialogs and waiting for tasks in UI tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def tick(qtbot, box) -> None:
    """Click a check box on its box, as a user does (its centre may be empty space)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def click(qtbot, button) -> None:
    """Left-click a button."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def when_modal(driver: Callable[[QWidget], None], kind: type | None = None) -> None:
    """Call `driver(dialog)` as soon as a modal dialog (of `kind`) is up; for dialogs opened with exec()."""
    failures: list[BaseException] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or (kind is not None and not isinstance(widget, kind)):
            QTimer.singleShot(10, poll)
            return
        try:
            driver(widget)
        except BaseException as exc:  # noqa: BLE001 - reported by the test afterwards
            failures.append(exc)
            widget.reject() if hasattr(widget, "reject") else widget.close()
            raise

    QTimer.singleShot(0, poll)


def answer_question(qtbot, button, seen: list[str] | None = None) -> None:
    """Answer the next QMessageBox (e.g. Save / Discard / Cancel) by clicking its real `button`."""
    from PySide6.QtWidgets import QMessageBox

    def drive(box: QMessageBox) -> None:
        if seen is not None:
            seen.append(box.text())
        click(qtbot, box.button(button))

    when_modal(drive, QMessageBox)


def wait_task(qtbot, task, timeout: int = 30_000) -> None:
    """Wait until a task runner task has finished (result or error delivered) and its window is up."""
    if not task.done:
        with qtbot.waitSignal(task.finished, timeout=timeout):
            pass
    qtbot.wait(20)  # the summary window opens in the next turn of the event loop


def type_over(qtbot, widget, text: str, leave: bool = True) -> None:
    """Type `text` over a field's text as a user does: click into it, Ctrl+A, type, then Tab out (when `leave`).

    An empty `text` erases the field (Backspace over the selection).
    """
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    if leave:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def answer_print_dialog(
    qtbot, copies: int | None = None, pages: tuple[int, int] | None = None, cancel: bool = False
) -> None:
    """Answer the next system print dialog (the real QPrintDialog) as a user does: Options >>, type the
    copies and the page range, click Print (or Cancel)."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QRadioButton, QSpinBox, QTabWidget

    def answer(dialog: QWidget) -> None:
        box = dialog.findChild(QDialogButtonBox)
        if cancel:
            click(qtbot, box.button(QDialogButtonBox.StandardButton.Cancel))
            return
        if copies is not None or pages is not None:
            options = next(b for b in dialog.findChildren(QPushButton) if b.text().startswith("&Options"))
            click(qtbot, options)
            tabs = dialog.findChild(QTabWidget)
            copies_tab = next(i for i in range(tabs.count()) if tabs.tabText(i).replace("&", "") == "Copies")
            bar = tabs.tabBar()
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(copies_tab).center())
        if pages is not None:
            click(qtbot, dialog.findChild(QRadioButton, "printRange"))
            for name, value in (("to", pages[1]), ("from", pages[0])):
                spin = dialog.findChild(QSpinBox, name)
                qtbot.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)
                qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                qtbot.keyClicks(spin.lineEdit(), str(value))
                qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Tab)
        if copies is not None:
            spin = dialog.findChild(QSpinBox, "copies")
            qtbot.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)
            qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(spin.lineEdit(), str(copies))
            qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Tab)
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok) or box.buttons()[0])

    when_modal(answer, QPrintDialog)


def skip_first_admin(qtbot) -> None:
    """Answer the first run's "first administrator" dialog with Skip (the database keeps no users)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from xmart.ui.dialogs.user_dialog import UserDialog

    when_modal(
        lambda dialog: click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)), UserDialog
    )


def skip_first_run_setup(qtbot, monkeypatch, admin: bool = True) -> None:
    """Answer the first run's steps before its last one with Skip: company details, the printer (this
    workstation is made to have one printer, "PDF") and, with `admin`, the first administrator."""
    from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

    import xmart.ui.main_window as main_window
    from xmart.ui import printing
    from xmart.ui.dialogs.company_settings_dialog import CompanySettingsDialog

    monkeypatch.setattr(printing, "printer_names", lambda: ["PDF"])
    monkeypatch.setattr(main_window, "printer_names", lambda: ["PDF"])
    skip = QDialogButtonBox.StandardButton.Cancel
    when_modal(lambda dialog: click(qtbot, dialog.ui.buttonBox.button(skip)), CompanySettingsDialog)
    when_modal(lambda dialog: click(qtbot, dialog.findChild(QDialogButtonBox).button(skip)), QInputDialog)
    if admin:
        skip_first_admin(qtbot)
