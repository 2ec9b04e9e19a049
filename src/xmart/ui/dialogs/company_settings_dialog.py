"""Settings › Company: name, address, phone, e-mail and logo printed in every document header.

The logo is a PNG or JPEG file chosen with a file dialog (`choose_logo_file`, replaceable in tests);
it is checked at once (a real image, at most 1 MB) and shown scaled. `ask()` returns the new
`CompanySettings` or None; the dialog never touches the database.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from xmart.errors import InputError
from xmart.processes.settings import CompanySettings, check_company, check_logo
from xmart.ui.generated.ui_company_settings_dialog import Ui_CompanySettingsDialog
from xmart.ui.widgets.field_error import show_field_error

LOGO_FILTER = "Images (*.png *.jpg *.jpeg)"


def _ask_logo_path(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, "Choose Logo", str(Path.home()), LOGO_FILTER)
    return path


class CompanySettingsDialog(QDialog):
    """`ask()` returns CompanySettings or None; the reason a value is refused shows in red under the fields."""

    choose_logo_file: Callable[[QWidget], str] = staticmethod(_ask_logo_path)
    """Asks for the logo's file path ("" when cancelled); a test puts its own answer here."""

    def __init__(self, parent: QWidget | None, current: CompanySettings, first_run: bool = False):
        super().__init__(parent)
        self.ui = Ui_CompanySettingsDialog()
        self.ui.setupUi(self)
        u = self.ui
        if first_run:  # a step of the first run: Skip keeps the defaults (Settings › Company… later)
            self.setWindowTitle("Welcome to xmart: Company Details")
            u.introLabel.setText(
                "<b>Your company, as documents show it.</b> Printed in the header of every sale order, purchase "
                "order and confirmation. Skip to fill it in later in Settings › Company…"
            )
            u.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("S&kip")
        u.nameEdit.setText(current.name)
        u.addressEdit.setPlainText(current.address)
        u.phoneEdit.setText(current.phone)
        u.emailEdit.setText(current.email)
        self.logo: bytes | None = current.logo
        self._show_logo()
        show_field_error(u.errorLabel, None)
        u.chooseLogoButton.clicked.connect(lambda _checked=False: self.choose_logo())
        u.removeLogoButton.clicked.connect(lambda _checked=False: self.remove_logo())
        u.buttonBox.accepted.connect(self._accept_if_valid)
        u.buttonBox.rejected.connect(self.reject)

    def params(self) -> CompanySettings:
        """The fields as typed, and the logo chosen."""
        u = self.ui
        return CompanySettings(
            name=u.nameEdit.text().strip(),
            address=u.addressEdit.toPlainText(),
            phone=u.phoneEdit.text().strip(),
            email=u.emailEdit.text().strip(),
            logo=self.logo,
        )

    def choose_logo(self) -> None:
        """Ask for an image file; keep it when it is a PNG or JPEG of at most 1 MB, else say why."""
        path = type(self).choose_logo_file(self)
        if not path:
            return
        try:
            data = Path(path).read_bytes()
            check_logo(data)
        except OSError as error:
            show_field_error(self.ui.errorLabel, f"Logo: {Path(path).name} cannot be read ({error.strerror}).")
            return
        except InputError as error:
            show_field_error(self.ui.errorLabel, str(error))
            return
        self.logo = data
        show_field_error(self.ui.errorLabel, None)
        self._show_logo()

    def remove_logo(self) -> None:
        """Print documents without a logo."""
        self.logo = None
        self._show_logo()

    def _show_logo(self) -> None:
        preview = self.ui.logoPreview
        pixmap = QPixmap()
        if self.logo and pixmap.loadFromData(QByteArray(self.logo)):
            preview.setPixmap(
                pixmap.scaled(
                    preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            preview.setPixmap(QPixmap())
            preview.setText("no logo")
        self.ui.removeLogoButton.setEnabled(self.logo is not None)

    def _accept_if_valid(self) -> None:
        try:
            check_company(self.params())
        except InputError as error:
            show_field_error(self.ui.errorLabel, str(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, current: CompanySettings, first_run: bool = False) -> CompanySettings | None:
        """Show the dialog (`first_run`: as the first run's step); the new settings or None."""
        dialog = cls(parent, current, first_run)
        try:
            return dialog.params() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
