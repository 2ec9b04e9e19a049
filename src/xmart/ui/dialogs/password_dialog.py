"""A password asked again: a new one typed twice (Reset Password) or the user's own, once
(before a card number is shown). `ask()` returns the password or None; nothing is stored here."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from xmart.ui.dialogs.user_dialog import password_problem
from xmart.ui.generated.ui_password_dialog import Ui_PasswordDialog
from xmart.ui.widgets.field_error import show_field_error


class PasswordDialog(QDialog):
    """`min_length` None: the user's own password, typed once; else a new one, typed twice."""

    def __init__(self, parent: QWidget | None, title: str, intro: str, min_length: int | None, ok_text: str = "OK"):
        super().__init__(parent)
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        self.min_length = min_length
        self.setWindowTitle(title)
        self.ui.introLabel.setText(intro)
        again = min_length is not None
        self.ui.againEdit.setVisible(again)
        self.ui.againLabel.setVisible(again)
        if again:
            self.ui.passwordLabel.setText("New &password:")
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setObjectName("okButton")
        show_field_error(self.ui.errorLabel, None)
        self.ui.buttonBox.accepted.connect(self._accept_if_valid)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.passwordEdit.setFocus()

    def password(self) -> str:
        """The password typed."""
        return self.ui.passwordEdit.text()

    def _accept_if_valid(self) -> None:
        if self.min_length is None:
            problem = None if self.password() else "Type your password."
        else:
            problem = password_problem(self.password(), self.ui.againEdit.text(), self.min_length)
        show_field_error(self.ui.errorLabel, problem)
        if problem is None:
            self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, intro: str, min_length: int | None = None, ok_text: str = "OK"
    ) -> str | None:
        """Show the dialog; the password typed, or None when cancelled."""
        dialog = cls(parent, title, intro, min_length, ok_text)
        try:
            return dialog.password() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
