"""The store selector: a checkable list of locations with search, Select All and Select None."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QWidget

from xmart.processes.views.lookups import LocationRow
from xmart.ui.generated.ui_store_selector import Ui_StoreSelector
from xmart.ui.widgets.field_error import show_field_error

CODE_ROLE = Qt.ItemDataRole.UserRole


LocationChoice = LocationRow
"""A location the user may pick: code, name and kind (store or warehouse), as the read model lists it."""


class StoreSelector(QWidget):
    """Pick one or more locations; `changed` fires whenever the checked set changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_StoreSelector()
        self.ui.setupUi(self)
        self.ui.searchEdit.textChanged.connect(self._filter)
        self.ui.allButton.clicked.connect(lambda: self._check_visible(True))
        self.ui.noneButton.clicked.connect(lambda: self._check_visible(False))
        self.ui.storeList.itemChanged.connect(lambda _item: self._update_count())
        show_field_error(self.ui.errorLabel, None)

    def set_locations(self, locations: list[LocationChoice], checked: set[str] | None = None) -> None:
        """List `locations`, checking those in `checked` (all of them when None)."""
        self.ui.storeList.blockSignals(True)
        self.ui.storeList.clear()
        for loc in locations:
            label = f"{loc.code} — {loc.name}" + (" · warehouse" if loc.kind == "warehouse" else "")
            item = QListWidgetItem(label, self.ui.storeList)
            item.setData(CODE_ROLE, loc.code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            on = checked is None or loc.code in checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.ui.storeList.blockSignals(False)
        self._update_count()

    def selected_codes(self) -> tuple[str, ...]:
        """Codes of the checked locations, in list order."""
        return tuple(item.data(CODE_ROLE) for item in self._items() if item.checkState() == Qt.CheckState.Checked)

    def set_checked(self, codes: set[str]) -> None:
        """Check exactly the locations in `codes`."""
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if item.data(CODE_ROLE) in codes else Qt.CheckState.Unchecked)

    def problem(self) -> str | None:
        """Why the selection is refused, or None."""
        if not self._items():
            return "There are no active locations to assign from."
        if not self.selected_codes():
            return "Select at least one location."
        return None

    def validate(self) -> bool:
        """Show the reason below the list; True when at least one location is selected."""
        reason = self.problem()
        show_field_error(self.ui.errorLabel, reason)
        return reason is None

    def _items(self) -> list[QListWidgetItem]:
        return [self.ui.storeList.item(i) for i in range(self.ui.storeList.count())]

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _check_visible(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for item in self._items():
            if not item.isHidden():
                item.setCheckState(state)

    def _update_count(self) -> None:
        items = self._items()
        self.ui.countLabel.setText(f"{len(self.selected_codes())} of {len(items)} selected")
        self.changed.emit()
