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
