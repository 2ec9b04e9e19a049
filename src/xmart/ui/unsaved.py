"""The one question asked before a window with unsaved changes closes: Save, Discard or Cancel.

Every editor window (Order Manager, Sales Order Interface, customer and settings dialogs) asks it on
every way of closing (close button, Esc, Ctrl+W, the window's own Close); nothing typed is dropped
without the user saying so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"

_Button = QMessageBox.StandardButton
_ANSWERS = {_Button.Save: SAVE, _Button.Discard: DISCARD}


def ask_unsaved(parent: QWidget, text: str, title: str = "Unsaved changes") -> str:
    """Ask (application-modal, waits for the answer) what to do with unsaved changes.

    `text` says what is unsaved, in the clerk's words. Returns SAVE, DISCARD or CANCEL (also for Esc
    or closing the box): CANCEL keeps the window with everything typed.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, _Button.Save | _Button.Discard | _Button.Cancel, parent)
    box.setObjectName("unsavedBox")
    box.setInformativeText("Save the changes, discard them, or cancel to keep working?")
    for button, label in ((_Button.Save, "&Save"), (_Button.Discard, "&Discard"), (_Button.Cancel, "Cancel")):
        box.button(button).setText(label)  # Alt+S, Alt+D; Cancel is Esc
    box.setDefaultButton(_Button.Save)
    box.setEscapeButton(_Button.Cancel)
    try:
        box.exec()
        return _ANSWERS.get(box.standardButton(box.clickedButton()), CANCEL)
    finally:
        box.deleteLater()


def may_discard(parent: QWidget, changed: bool, text: str, save: Callable[[], object]) -> bool:
    """For a dialog's reject() (Esc, Cancel, the close button): True when it may close without saving.

    Nothing `changed`: True. Else asks: Discard -> True; Save -> calls `save()` (the dialog's own OK path,
    which validates and accepts) and returns False; Cancel -> False, the dialog stays with everything typed.
    """
    if not changed:
        return True
    answer = ask_unsaved(parent, text)
    if answer == SAVE:
        save()
    return answer == DISCARD
