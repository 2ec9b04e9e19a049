"""Add User (Settings › Users and Roles) and the first administrator (first run): user name, full
name, role, password typed twice (at least MIN_PASSWORD_LENGTH characters; DOMAIN.md section 9).

`ask()` returns a `UserParams` or None; the dialog checks what it can (a name, the length, both
passwords alike) and never touches the database: the users service checks everything again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from xmart.ui.generated.ui_user_dialog import Ui_UserDialog
from xmart.ui.widgets.field_error import show_field_error

ADMINISTRATOR = "administrator"


@dataclass(frozen=True)
class UserParams:
    """A user to add (the password is never shown in a repr)."""

    name: str
    full_name: str
    role: str
    password: str = field(repr=False)


def password_problem(password: str, again: str, min_length: int) -> str | None:
    """Why the two passwords typed are refused (too short, not alike), or None."""
    if len(password) < min_length:
        return f"The password must have at least {min_length} characters (a few words make a good one)."
    if password != again:
        return "The two passwords are not the same: type them again."
    return None


LEAST_PRIVILEGED = "clerk"
"""The role a new user starts on in the dialog (the built-in role with the fewest permissions)."""


class UserDialog(QDialog):
    """One new user, on the clerk role until another is chosen; `first_admin` fixes the role to
    administrator and makes Cancel a Skip."""

    def __init__(self, parent: QWidget | None, roles: Sequence[str], min_length: int, first_admin: bool = False):
        super().__init__(parent)
        self.ui = Ui_UserDialog()
        self.ui.setupUi(self)
        self.min_length = min_length
        u = self.ui
        u.roleCombo.addItems(list(roles))
        if ADMINISTRATOR in roles and first_admin:
            u.roleCombo.setCurrentText(ADMINISTRATOR)
        else:  # the least-privileged role first: more is a deliberate choice
            u.roleCombo.setCurrentText(LEAST_PRIVILEGED if LEAST_PRIVILEGED in roles else roles[0] if roles else "")
        u.roleCombo.setEnabled(not first_admin)
        cancel = u.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        ok = u.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("okButton")
        cancel.setObjectName("cancelButton")
        if first_admin:
            self.setWindowTitle("First Administrator")
            u.introLabel.setText(
                "<b>Protect this database with users.</b> The first user is an administrator, who then adds "
                "the other users in Settings › Users and Roles. From then on everyone signs in, and each user "
                f"may only do what their role allows. The password needs at least {min_length} characters."
                "<br>Skip to go on without users: anyone can do anything until an administrator is added."
            )
            ok.setText("&Create Administrator")
            cancel.setText("S&kip")
        else:
            u.introLabel.setText(f"The password needs at least {min_length} characters; the user can change it later.")
            ok.setText("A&dd User")
        show_field_error(u.errorLabel, None)
        u.buttonBox.accepted.connect(self._accept_if_valid)
        u.buttonBox.rejected.connect(self.reject)
        u.nameEdit.setFocus()

    def params(self) -> UserParams:
        """The fields as typed."""
        u = self.ui
        return UserParams(
            u.nameEdit.text().strip(), u.fullNameEdit.text().strip(), u.roleCombo.currentText(), u.passwordEdit.text()
        )

    def problem(self) -> str | None:
        """Why the fields are refused, or None."""
        params = self.params()
        if not params.name:
            return "Type a user name: what the user types to sign in."
        if not params.role:
            return "Choose a role."
        return password_problem(params.password, self.ui.againEdit.text(), self.min_length)

    def _accept_if_valid(self) -> None:
        problem = self.problem()
        show_field_error(self.ui.errorLabel, problem)
        if problem is None:
            self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, roles: Sequence[str], min_length: int, first_admin: bool = False
    ) -> UserParams | None:
        """Show the dialog; the user to add, or None (Cancel, Skip, Esc)."""
        dialog = cls(parent, roles, min_length, first_admin)
        try:
            return dialog.params() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
