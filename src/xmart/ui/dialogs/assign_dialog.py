"""Processes › Corporate Sale Orders › Assign by Date / by Number (DOMAIN.md section 4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from xmart.processes.assign import AssignParams
from xmart.ui.dialogs.process_dialog import ProcessDialog
from xmart.ui.generated.ui_assign_dialog import Ui_AssignDialog
from xmart.ui.qt_dates import from_qdate, to_qdate
from xmart.ui.widgets.range_box import BY_DATE, EARLIEST
from xmart.ui.widgets.store_selector import LocationChoice

DEFAULT_EXCLUDE_BEFORE = dt.date(1969, 12, 31)


class AssignDialog(ProcessDialog):
    """Asks for the CSO range, the flags and the locations of an assign run."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        by: str,
        locations: list[LocationChoice],
        today: dt.date,
        defaults: AssignParams | None = None,
        preview: Callable[[AssignParams, QWidget], object] | None = None,
    ):
        super().__init__(parent, preview)
        self.ui = Ui_AssignDialog()
        self.ui.setupUi(self)
        self.by = by
        self.setWindowTitle("Assign Corporate Sale Orders by " + ("Date" if by == BY_DATE else "Number"))
        self._add_buttons(self.ui.buttonBox)
        self.ui.excludeBeforeEdit.setMinimumDate(EARLIEST)
        self.ui.rangeBox.set_mode(by)
        self.ui.printCheck.setChecked(bool(defaults and defaults.print_documents))
        self.ui.pendingCheck.setChecked(defaults.consider_pending if defaults else True)
        self.ui.excludeBeforeEdit.setDate(to_qdate(defaults.exclude_before if defaults else DEFAULT_EXCLUDE_BEFORE))
        self.ui.rangeBox.set_range(defaults.range if defaults else None, today)
        known = {loc.code for loc in locations}
        remembered = set(defaults.stores if defaults else ()) & known
        self.ui.storeSelector.set_locations(locations, remembered or None)
        self.ui.pendingCheck.toggled.connect(self.ui.excludeBeforeEdit.setEnabled)
        self.ui.excludeBeforeEdit.setEnabled(self.ui.pendingCheck.isChecked())
        self.ui.rangeBox.changed.connect(self.field_changed)
        self.ui.storeSelector.changed.connect(self.field_changed)
        first, last = self.ui.rangeBox.editors()
        QWidget.setTabOrder(self.ui.excludeBeforeEdit, first)
        QWidget.setTabOrder(last, self.ui.storeSelector.ui.searchEdit)
        self.refresh()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        by: str,
        locations: list[LocationChoice],
        today: dt.date,
        defaults: AssignParams | None = None,
        preview: Callable[[AssignParams, QWidget], object] | None = None,
    ) -> AssignParams | None:
        """Show the dialog; the parameters of the run, or None when the user cancels."""
        return cls._ask(cls(parent, by=by, locations=locations, today=today, defaults=defaults, preview=preview))

    def validate_fields(self, show: bool) -> bool:  # noqa: D102 - see ProcessDialog
        range_ok = self.ui.rangeBox.problem() is None
        stores_ok = self.ui.storeSelector.problem() is None
        if show:
            self.ui.rangeBox.validate()
            self.ui.storeSelector.validate()
        return range_ok and stores_ok

    def params(self, dry_run: bool = False) -> AssignParams:  # noqa: D102 - see ProcessDialog
        rng = self.ui.rangeBox.value()
        assert rng is not None
        return AssignParams(
            range=rng,
            stores=self.ui.storeSelector.selected_codes(),
            consider_pending=self.ui.pendingCheck.isChecked(),
            exclude_before=from_qdate(self.ui.excludeBeforeEdit.date()),
            print_documents=self.ui.printCheck.isChecked() and not dry_run,
            dry_run=dry_run,
        )
