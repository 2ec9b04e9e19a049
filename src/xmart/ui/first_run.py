"""The first-run prompt on an empty database: create demo data, import a file, set up as a store, or start empty."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from xmart.ui.generated.ui_first_run_dialog import Ui_FirstRunDialog

DEMO = "demo"
IMPORT = "import"
EMPTY = "empty"
STORE = "store"


class FirstRunDialog(QDialog):
    """Four big choices; `choice` is DEMO, IMPORT, STORE or EMPTY once one is clicked."""

    def __init__(self, parent: QWidget | None, database_label: str):
        super().__init__(parent)
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.choice: str | None = None
        self.ui.databaseLabel.setText(
            f"xmart is connected to <b>{database_label}</b>, which holds no stores, items or orders yet. "
            "How would you like to start?"
        )
        self.ui.demoButton.clicked.connect(lambda: self._choose(DEMO))
        self.ui.importButton.clicked.connect(lambda: self._choose(IMPORT))
        self.ui.emptyButton.clicked.connect(lambda: self._choose(EMPTY))
        self.ui.storeButton.clicked.connect(lambda: self._choose(STORE))
        self.ui.demoButton.setDefault(True)
        self.ui.demoButton.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, database_label: str) -> str:
        """DEMO, IMPORT, STORE or EMPTY (closing the window counts as EMPTY)."""
        dialog = cls(parent, database_label)
        dialog.exec()
        choice = dialog.choice or EMPTY
        dialog.deleteLater()
        return choice
