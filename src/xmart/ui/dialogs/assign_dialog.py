"""Processes › Corporate Sale Orders › Assign by Date / by Number (DOMAIN.md section 4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from xmart.processes.assign import AssignParams
from xmart.ui.dialogs.process_dialog import ProcessDialog
from xmart.ui.generated.ui_assign_dialog import Ui_AssignDialog
from xmart.ui.widgets.field_error import show_field_error
from xmart.ui.widgets.range_box import BY_DATE
from xmart.ui.widgets.store_selector import LocationChoice

DEFAULT_EXCLUDE_BEFORE = dt.date(1969, 12, 31)


class AssignDialog(ProcessDialog):
    """Asks for the CSO range, the flags and the locations of an assign run.

    Opens with DOMAIN.md section 4's defaults: every active location, print off, consider pending on,
    exclude before 1969-12-31 (and the last 30 days); `last` (the last run's options) is offered by the
    "Use last run's options" button.
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        by: str,
        locations: list[LocationChoice],
        today: dt.date,
        last: AssignParams | None = None,
        preview: Callable[[AssignParams, QWidget], object] | None = None,
    ):
        super().__init__(parent, preview, last)
        self.ui = Ui_AssignDialog()
        self.ui.setupUi(self)
        self.by = by
        self.today = today
        self.locations = locations
        self.setWindowTitle("Assign Corporate Sale Orders by " + ("Date" if by == BY_DATE else "Number"))
        self._add_buttons(self.ui.buttonBox)
        self.ui.rangeBox.set_mode(by)
        self.fill(None)
        self.ui.pendingCheck.toggled.connect(self.ui.excludeBeforeEdit.setEnabled)
        self.ui.pendingCheck.toggled.connect(self.field_changed)
        self.ui.excludeBeforeEdit.changed.connect(self.field_changed)
        self.ui.rangeBox.changed.connect(self.field_changed)
        self.ui.storeSelector.changed.connect(self.field_changed)
        first, last_editor = self.ui.rangeBox.editors()
        QWidget.setTabOrder(self.ui.excludeBeforeEdit, first)
        QWidget.setTabOrder(last_editor, self.ui.storeSelector.ui.searchEdit)
        show_field_error(self.ui.excludeError, None)
        self.refresh()

    def fill(self, params: AssignParams | None) -> None:  # noqa: D102 - see ProcessDialog
        self.ui.printCheck.setChecked(bool(params and params.print_documents))
        self.ui.pendingCheck.setChecked(params.consider_pending if params else True)
        self.ui.excludeBeforeEdit.set_value(params.exclude_before if params else DEFAULT_EXCLUDE_BEFORE)
        self.ui.excludeBeforeEdit.setEnabled(self.ui.pendingCheck.isChecked())
        self.ui.rangeBox.set_range(params.range if params else None, self.today)
        known = {loc.code for loc in self.locations}
        remembered = set(params.stores if params else ()) & known
        self.ui.storeSelector.set_locations(self.locations, remembered or None)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        by: str,
        locations: list[LocationChoice],
        today: dt.date,
        last: AssignParams | None = None,
        preview: Callable[[AssignParams, QWidget], object] | None = None,
    ) -> AssignParams | None:
        """Show the dialog (defaults first; `last` on request); the run's parameters, or None on Cancel."""
        return cls._ask(cls(parent, by=by, locations=locations, today=today, last=last, preview=preview))

    def exclude_problem(self) -> str | None:
        """Why the "exclude before" date is refused (only used when pending is considered), or None."""
        if not self.ui.pendingCheck.isChecked():
            return None
        return self.ui.excludeBeforeEdit.problem("exclude-before date")

    def validate_fields(self, show: bool) -> bool:  # noqa: D102 - see ProcessDialog
        range_ok = self.ui.rangeBox.problem() is None
        stores_ok = self.ui.storeSelector.problem() is None
        exclude_reason = self.exclude_problem()
        if show:
            self.ui.rangeBox.validate()
            self.ui.storeSelector.validate()
            show_field_error(self.ui.excludeError, exclude_reason)
        return range_ok and stores_ok and exclude_reason is None

    def params(self, dry_run: bool = False) -> AssignParams:  # noqa: D102 - see ProcessDialog
        rng = self.ui.rangeBox.value()
        assert rng is not None
        # with pending not considered the date is unused: an unreadable one stands for the default
        exclude_before = self.ui.excludeBeforeEdit.value() or DEFAULT_EXCLUDE_BEFORE
        return AssignParams(
            range=rng,
            stores=self.ui.storeSelector.selected_codes(),
            consider_pending=self.ui.pendingCheck.isChecked(),
            exclude_before=exclude_before,
            print_documents=self.ui.printCheck.isChecked() and not dry_run,
            dry_run=dry_run,
        )
