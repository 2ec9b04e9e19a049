"""The sign-in dialog (DOMAIN.md section 9): user name and password; a refusal is shown plainly and
the dialog stays, with the password cleared. The Quit (or Cancel) button gives up (at start the client
quits), and so does the window's close button; Esc asks "Quit xmart?" first, so a stray Esc never
quits.
The title is "Sign In": the window system adds the application's name.

The dialog never touches the database: the caller passes `attempt(name, password)`, which signs in
and returns None, or returns the plain reason it could not (wrong password, account locked ...).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from xmart.ui.generated.ui_sign_in_dialog import Ui_SignInDialog
from xmart.ui.widgets.field_error import show_field_error

Attempt = Callable[[str, str], "str | None"]
"""Sign in as (name, password): None when done, else why not, in plain words."""


class SignInDialog(QDialog):
    """User name and password; accepted only once `attempt` has signed the user in."""

    def __init__(
        self,
        parent: QWidget | None,
        database_label: str,
        attempt: Attempt,
        user: str = "",
        cancel_text: str = "&Quit",
        note: str = "",
    ):
        super().__init__(parent)
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        self.attempt = attempt
        intro = f"Database: <b>{database_label}</b>."
        self.ui.databaseLabel.setText(f"{note}<br>{intro}" if note else intro)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Sign &In")
        ok.setObjectName("signInButton")
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(cancel_text)
        cancel.setObjectName("cancelButton")
        show_field_error(self.ui.errorLabel, None)
        self.ui.buttonBox.accepted.connect(self._try)
        self.ui.buttonBox.rejected.connect(self.give_up)
        self.cancel_text = cancel_text
        self.ui.userEdit.setText(user)
        (self.ui.passwordEdit if user else self.ui.userEdit).setFocus()

    def _try(self) -> None:
        name = self.ui.userEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not name or not password:
            self._refuse("Type your user name and your password.")
            return
        problem = self.attempt(name, password)
        if problem is not None:
            self._refuse(problem)
            return
        self.accept()

    def give_up(self) -> None:
        """The Quit / Cancel button: give up at once."""
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Esc asks "Quit xmart?" first (default No) where giving up quits the client; other keys as usual."""
        if event.key() != Qt.Key.Key_Escape or self.cancel_text.replace("&", "") != "Quit":
            super().keyPressEvent(event)
            return
        event.accept()
        answer = QMessageBox.question(
            self,
            "Quit xmart",
            "Quit xmart?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.reject()

    def _refuse(self, reason: str) -> None:
        show_field_error(self.ui.errorLabel, reason)
        self.ui.passwordEdit.clear()
        target = self.ui.passwordEdit if self.ui.userEdit.text().strip() else self.ui.userEdit
        target.setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        database_label: str,
        attempt: Attempt,
        user: str = "",
        cancel_text: str = "&Quit",
        note: str = "",
    ) -> bool:
        """Show the dialog until the user is signed in (True) or gives up (False: Quit, close, or Esc confirmed)."""
        dialog = cls(parent, database_label, attempt, user, cancel_text, note)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
