"""Set Up as a Store (DOMAIN.md section 6, store mode), offered by the first-run dialog: the store's code
and the key file the Main made for it. A refusal (the key is another store's, the file is readable by
others, the database holds the Main's data …) is shown beside the fields and the dialog stays.

The dialog never touches the database: the caller passes `attempt(code, key_file)`, which sets the
database up and returns None, or returns the plain reason it could not.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from xmart.ui.generated.ui_store_setup_dialog import Ui_StoreSetupDialog
from xmart.ui.widgets.field_error import show_field_error

Attempt = Callable[[str, Path], "str | None"]
"""Set up as store (code, key file): None when done, else why not, in plain words."""


class StoreSetupDialog(QDialog):
    """Store code and key file; accepted only once `attempt` has set the database up."""

    def __init__(self, parent: QWidget | None, attempt: Attempt):
        super().__init__(parent)
        self.ui = Ui_StoreSetupDialog()
        self.ui.setupUi(self)
        self.attempt = attempt
        self.code: str | None = None
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Set &Up")
        ok.setObjectName("setUpButton")
        self.ok_button = ok
        show_field_error(self.ui.errorLabel, None)
        self.ui.buttonBox.accepted.connect(self._try)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.browseButton.clicked.connect(lambda _c=False: self.browse())
        self.ui.codeEdit.setFocus()

    def browse(self) -> None:
        """Browse…: pick the key file."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Store Key File", str(Path.home()), "xmart store keys (*.key);;All files (*)"
        )
        if path:
            self.ui.keyEdit.setText(path)

    def _try(self) -> None:
        code = self.ui.codeEdit.text().strip()
        key = self.ui.keyEdit.text().strip()
        if not code:
            self._refuse("Type the store's code (as the Main knows it, e.g. S01).", self.ui.codeEdit)
            return
        if not key:
            self._refuse("Give the key file the Main made for this store.", self.ui.keyEdit)
            return
        if not Path(key).is_file():
            self._refuse(f"There is no file {key}.", self.ui.keyEdit)
            return
        problem = self.attempt(code, Path(key))
        if problem is not None:
            self._refuse(problem, self.ui.keyEdit)
            return
        self.code = code
        self.accept()

    def _refuse(self, reason: str, field: QWidget) -> None:
        show_field_error(self.ui.errorLabel, reason)
        field.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, attempt: Attempt) -> str | None:
        """Show the dialog until the database is set up (the store's code) or the user gives up (None)."""
        dialog = cls(parent, attempt)
        dialog.exec()
        code = dialog.code
        dialog.deleteLater()
        return code
