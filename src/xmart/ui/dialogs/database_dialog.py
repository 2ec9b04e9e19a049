"""The first run's first step: where is the database? This computer, or the office's PostgreSQL server.

Shown by `xmart gui` before anything opens a database, when the workstation has no database yet (no
`--db`, no `XMART_DB`, no saved choice, no file of this computer: `config.database_choice_needed`).
The server's details are checked with a real connection (Test Connection, and again on Continue);
the choice is saved for this workstation by `processes.workstation`, the password apart from the URL.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from xmart import config
from xmart.errors import InputError
from xmart.processes import workstation
from xmart.processes.workstation import ServerCheck, ServerDetails
from xmart.ui.generated.ui_database_dialog import Ui_DatabaseDialog
from xmart.ui.widgets.field_error import show_field_error

OK_STYLE = "color: #2e7d32;"


class DatabaseDialog(QDialog):
    """This computer (default) or an office server; `url` is the chosen database once accepted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_DatabaseDialog()
        self.ui.setupUi(self)
        self.url: str | None = None
        u = self.ui
        u.thisComputerLabel.setText(
            f"An SQLite file in your data folder ({config.data_dir() / 'xmart.db'}): for one workstation, "
            "or to try xmart."
        )
        ok = u.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        cancel = u.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        ok.setText("&Continue")
        ok.setObjectName("continueButton")
        cancel.setText("&Quit")
        cancel.setObjectName("quitButton")
        u.thisComputerRadio.toggled.connect(self._mode_changed)
        u.testButton.clicked.connect(self.test_connection)
        u.buttonBox.accepted.connect(self._accept_if_valid)
        u.buttonBox.rejected.connect(self.reject)
        self._mode_changed()
        self._fit()
        u.thisComputerRadio.setFocus()

    def _fit(self) -> None:
        """Tall enough for every field and the test's message (Qt would cap a dialog at 2/3 of a small
        screen, squeezing the fields), within the screen."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        hint = self.sizeHint()
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() - 40 if screen is not None else hint.height()
        self.setMinimumHeight(min(hint.height(), room))
        if self.height() < self.minimumHeight():
            self.resize(self.width(), self.minimumHeight())

    def details(self) -> ServerDetails:
        """The server's details as typed."""
        u = self.ui
        return ServerDetails(
            host=u.hostEdit.text().strip(),
            port=u.portSpin.value(),
            database=u.databaseEdit.text().strip(),
            user=u.userEdit.text().strip(),
            password=u.passwordEdit.text(),
        )

    def _mode_changed(self) -> None:
        server = self.ui.serverRadio.isChecked()
        self.ui.serverBox.setEnabled(server)
        self._show(None)
        if server:
            self.ui.hostEdit.setFocus()

    def _show(self, check: ServerCheck | None) -> None:
        label = self.ui.resultLabel
        if check is None or not check.ok:
            show_field_error(label, check.message if check else None)
            self._fit()
            return
        label.setStyleSheet(OK_STYLE)
        label.setText(check.message)
        label.setVisible(True)
        self._fit()

    def test_connection(self) -> ServerCheck:
        """Test Connection: connect with the typed details and show what was found (at most a few seconds)."""
        self.ui.resultLabel.setStyleSheet("")
        self.ui.resultLabel.setText("Connecting…")
        self.ui.resultLabel.setVisible(True)
        self.ui.resultLabel.repaint()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            check = workstation.check_server(self.details())
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(check)
        return check

    def _accept_if_valid(self) -> None:
        try:
            if self.ui.thisComputerRadio.isChecked():
                self.url = workstation.choose_this_computer()
            else:
                QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    self.url = workstation.choose_server(self.details())
                finally:
                    QGuiApplication.restoreOverrideCursor()
        except InputError as exc:
            self._show(ServerCheck(False, str(exc)))
            return
        except OSError as exc:
            self._show(ServerCheck(False, f"The choice could not be saved in the data folder: {exc.strerror}."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> str | None:
        """The chosen database's URL (saved for this workstation), or None when the user quits."""
        dialog = cls(parent)
        dialog.exec()
        url = dialog.url if dialog.result() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        return url
