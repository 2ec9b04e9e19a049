"""A CSO range: first and last date, or first and last number, with the reason it is refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from xmart.errors import InputError
from xmart.processes.cards import echoable
from xmart.processes.selection import CsoRange
from xmart.ui.generated.ui_range_box import Ui_RangeBox
from xmart.ui.widgets.field_error import show_field_error

BY_DATE = "date"
BY_NUMBER = "number"
MAX_NUMBER = 2_147_483_647  # document numbers are 32-bit integers in the database


def number_problem(text: str, what: str) -> str | None:
    """Why `text` (typed into the field `what` names) is not a document number, or None (blank is None)."""
    text = text.strip()
    if text and not (text.isascii() and text.isdigit()):
        return f"{what}: '{echoable(text)}' is not a document number (digits only)."
    if text and int(text) > MAX_NUMBER:
        return f"{what}: {echoable(text)} is larger than any document number."
    return None


class RangeBox(QWidget):
    """Edits a CsoRange by date or by number; `changed` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_RangeBox()
        self.ui.setupUi(self)
        self.mode = BY_DATE
        for date_edit in (self.ui.firstDate, self.ui.lastDate):
            date_edit.changed.connect(self.changed)
        for edit in (self.ui.firstNumber, self.ui.lastNumber):  # no validator: typed text is kept and judged
            edit.textChanged.connect(self.changed)
        show_field_error(self.ui.errorLabel, None)

    def set_mode(self, mode: str) -> None:
        """Show the date fields (BY_DATE) or the number fields (BY_NUMBER)."""
        self.mode = mode
        page = 0 if mode == BY_DATE else 1
        self.ui.firstStack.setCurrentIndex(page)
        self.ui.lastStack.setCurrentIndex(page)
        word = "date" if mode == BY_DATE else "number"
        self.ui.firstLabel.setText(f"&First {word}:")
        self.ui.lastLabel.setText(f"&Last {word}:")
        first, last = self.editors()
        self.ui.firstLabel.setBuddy(first)
        self.ui.lastLabel.setBuddy(last)
        QWidget.setTabOrder(first, last)

    def editors(self) -> tuple[QWidget, QWidget]:
        """The two editors in use."""
        if self.mode == BY_DATE:
            return self.ui.firstDate, self.ui.lastDate
        return self.ui.firstNumber, self.ui.lastNumber

    def set_range(self, rng: CsoRange | None, today: dt.date) -> None:
        """Fill the fields from `rng` (or sensible defaults: the last 30 days)."""
        first = rng.date_from if rng and rng.date_from else today - dt.timedelta(days=30)
        last = rng.date_to if rng and rng.date_to else today
        self.ui.firstDate.set_value(first)
        self.ui.lastDate.set_value(last)
        self.ui.firstNumber.setText(str(rng.number_from) if rng and rng.number_from is not None else "")
        self.ui.lastNumber.setText(str(rng.number_to) if rng and rng.number_to is not None else "")

    def value(self) -> CsoRange | None:
        """The range typed in, or None while a number or a date is missing or not a date."""
        if self.mode == BY_DATE:
            first_date, last_date = self.ui.firstDate.value(), self.ui.lastDate.value()
            if first_date is None or last_date is None:
                return None
            return CsoRange.by_date(first_date, last_date)
        first, last = self.ui.firstNumber.text().strip(), self.ui.lastNumber.text().strip()
        if not (first.isascii() and first.isdigit() and last.isascii() and last.isdigit()):
            return None
        return CsoRange.by_number(int(first), int(last))

    def problem(self) -> str | None:
        """Why the range is refused, or None."""
        if self.mode == BY_NUMBER:
            for word, edit in (("first", self.ui.firstNumber), ("last", self.ui.lastNumber)):
                text = edit.text().strip()
                if not text:
                    return f"Enter the {word} corporate sale order number."
                reason = number_problem(text, f"The {word} number")
                if reason:
                    return reason
        else:
            reason = self.ui.firstDate.problem("first date") or self.ui.lastDate.problem("last date")
            if reason:
                return reason
        rng = self.value()
        assert rng is not None
        try:
            rng.validate()
        except InputError as exc:
            return str(exc)
        return None

    def validate(self) -> bool:
        """Show the reason beside the fields; True when the range is good."""
        reason = self.problem()
        show_field_error(self.ui.errorLabel, reason)
        return reason is None
