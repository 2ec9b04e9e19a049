"""Settings › E-mail: SMTP server, port, STARTTLS, user, password (kept in the keyring), sender."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget

from xmart.errors import InputError
from xmart.processes.cards import echoable
from xmart.processes.mailer import SmtpSettings, check_smtp_settings
from xmart.ui.generated.ui_smtp_settings_dialog import Ui_SmtpSettingsDialog
from xmart.ui.unsaved import may_discard
from xmart.ui.widgets.field_error import show_field_error


@dataclass(frozen=True)
class SmtpParams:
    """The settings, and the new password (None: leave the stored one)."""

    settings: SmtpSettings
    password: str | None


class SmtpSettingsDialog(QDialog):
    """`ask()` returns SmtpParams or None; never touches the database or the keyring."""

    def __init__(self, parent: QWidget | None, current: SmtpSettings):
        super().__init__(parent)
        self.ui = Ui_SmtpSettingsDialog()
        self.ui.setupUi(self)
        u = self.ui
        u.hostEdit.setText(current.host)
        u.portEdit.setText(str(current.port))
        u.starttlsCheck.setChecked(current.starttls)
        u.userEdit.setText(current.user)
        u.senderEdit.setText(current.sender)
        show_field_error(u.errorLabel, None)
        u.buttonBox.accepted.connect(self._accept_if_valid)
        u.buttonBox.rejected.connect(self.reject)
        self.initial = self.params()

    def reject(self) -> None:
        """Cancel, Esc or the close button: asks first when something was changed."""
        changed = self.params() != self.initial
        if may_discard(self, changed, "The e-mail settings have changes that are not saved.", self._accept_if_valid):
            super().reject()

    def port_problem(self) -> str | None:
        """Why the port typed is refused (a whole number from 1 to 65535), or None."""
        text = self.ui.portEdit.text().strip()
        if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 65535):
            return f"Port: '{echoable(text)}' is not a port number (a whole number from 1 to 65535, usually 587)."
        return None

    def params(self) -> SmtpParams:
        """The fields as typed (only call when `port_problem()` is None)."""
        u = self.ui
        return SmtpParams(
            SmtpSettings(
                u.hostEdit.text().strip(),
                int(u.portEdit.text().strip()),
                u.starttlsCheck.isChecked(),
                u.userEdit.text().strip(),
                u.senderEdit.text().strip(),
            ),
            u.passwordEdit.text() or None,
        )

    def _accept_if_valid(self) -> None:
        port_reason = self.port_problem()
        if port_reason:
            show_field_error(self.ui.errorLabel, port_reason)
            return
        s = self.params().settings
        if s.host and "@" not in s.sender:
            show_field_error(self.ui.errorLabel, "Sender: the address e-mails come from, e.g. orders@example.com.")
            return
        try:
            check_smtp_settings(s)  # card data (DOMAIN.md section 3), said here: what was typed stays
        except InputError as error:
            show_field_error(self.ui.errorLabel, str(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, current: SmtpSettings) -> SmtpParams | None:
        """Show the dialog; the new settings or None."""
        dialog = cls(parent, current)
        try:
            return dialog.params() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
