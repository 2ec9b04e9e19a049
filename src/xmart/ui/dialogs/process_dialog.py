"""What the process dialogs share: Preview and Run buttons, live validation, the `ask()` pattern.

A process dialog never touches the database. Preview calls the `preview` callback it was given
with the parameters (dry_run=True) and itself (to parent the progress and preview windows); the caller
runs the dry run in the task runner and shows it.
Run is the default button (Enter) and stays disabled while any field is refused.
Every dialog opens with the defaults of DOMAIN.md (sections 4 and 5); the last run's options are an
explicit choice ("Use last run's options"), never filled in silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget


class ProcessDialog(QDialog):
    """Base of the Assign and Purchase Orders dialogs. Subclasses build `self.ui` first."""

    def __init__(self, parent: QWidget | None, preview: Callable[[Any, QWidget], object] | None, last: Any = None):
        super().__init__(parent)
        self._preview_callback = preview
        self._last = last
        self._touched = False

    def _add_buttons(self, box: QDialogButtonBox) -> None:
        self.preview_button: QPushButton = box.addButton("&Preview…", QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setToolTip("Show what the run would do, without writing anything")
        self.preview_button.setAutoDefault(False)
        self.preview_button.setVisible(self._preview_callback is not None)
        self.run_button: QPushButton = box.addButton("&Run", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runButton")
        self.run_button.setDefault(True)
        self.last_button: QPushButton = box.addButton("&Use last run's options", QDialogButtonBox.ButtonRole.ResetRole)
        self.last_button.setObjectName("lastRunButton")
        self.last_button.setToolTip("Fill in the options of the last run instead of the defaults")
        self.last_button.setAutoDefault(False)
        self.last_button.setVisible(self._last is not None)
        self.last_button.clicked.connect(self.use_last_run)
        box.accepted.connect(self._accept_if_valid)
        box.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self._preview)

    # --- to implement -------------------------------------------------------------------
    def validate_fields(self, show: bool) -> bool:
        """Check every field, show reasons beside the fields (if `show`); True when all are good."""
        raise NotImplementedError

    def params(self, dry_run: bool = False) -> Any:
        """The parameters the fields describe (only call when valid)."""
        raise NotImplementedError

    def fill(self, params: Any) -> None:
        """Show `params` in the fields, or the documented defaults when `params` is None."""
        raise NotImplementedError

    # --- shared -------------------------------------------------------------------------
    def field_changed(self) -> None:
        """Slot for every editor: re-validate and enable Run / Preview accordingly."""
        self._touched = True
        self.refresh()

    def use_last_run(self) -> None:
        """Slot of "Use last run's options": show the options of the last run."""
        if self._last is not None:
            self.fill(self._last)
            self.field_changed()

    def refresh(self) -> bool:
        """Re-validate; reasons are shown once the user has changed something."""
        ok = self.validate_fields(show=self._touched)
        self.run_button.setEnabled(ok)
        self.preview_button.setEnabled(ok)
        return ok

    def _accept_if_valid(self) -> None:
        self._touched = True
        if self.refresh():
            self.accept()

    def _preview(self) -> None:
        self._touched = True
        if self.refresh() and self._preview_callback is not None:
            self._preview_callback(self.params(dry_run=True), self)

    @classmethod
    def _ask(cls, dialog: ProcessDialog) -> Any:
        result = dialog.params() if dialog.exec() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        return result
