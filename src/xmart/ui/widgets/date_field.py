"""The one date field of the client: a line edit that takes a date typed as YYYY-MM-DD exactly.

Why not QDateEdit: it edits section by section, fixes up what it cannot read (typing over a selected
date yields 1969-01-01 or last year's date) and clamps to its minimum and maximum, so a typed date
could be silently replaced. Here the text typed is the value: a full date is taken exactly as typed, a
partial or impossible one (2026-1, 2026-02-30, 2026-13-01) is reported by `problem()` for the dialog to
show beside the field (`xmart.ui.widgets.field_error`), never changed. A calendar button picks a date.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from xmart.processes.cards import echoable
from xmart.processes.dates import parse_iso_date
from xmart.ui import icons
from xmart.ui.qt_dates import from_qdate, to_qdate

DATE_FORMAT_HINT = "YYYY-MM-DD"


def date_problem(text: str, name: str, *, required: bool = True) -> str | None:
    """Why `text` (as typed into the field called `name`) is not a date, or None when it is one.

    A blank field is a problem only when `required`. Dates are YYYY-MM-DD (as on the command line).
    """
    text = text.strip()
    if not text:
        return f"Enter the {name} ({DATE_FORMAT_HINT})." if required else None
    try:
        parse_iso_date(text)
    except ValueError:
        return f"{name[:1].upper()}{name[1:]}: '{echoable(text)}' is not a date ({DATE_FORMAT_HINT})."
    return None


class DateField(QLineEdit):
    """A date typed as YYYY-MM-DD (or picked from the calendar button); `changed` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(DATE_FORMAT_HINT)
        self.textChanged.connect(self.changed)
        self.calendar_action = self.addAction(icons.icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip("Pick a date from the calendar")
        self.calendar_action.triggered.connect(self.show_calendar)
        self._calendar: QCalendarWidget | None = None
        digits = self.fontMetrics().horizontalAdvance("0000-00-00")
        self.setMinimumWidth(digits + 3 * self.fontMetrics().height() + 8)

    def value(self) -> dt.date | None:
        """The date typed, or None when the field is blank or holds no full, real date."""
        try:
            return parse_iso_date(self.text().strip())
        except ValueError:
            return None

    def set_value(self, value: dt.date | None) -> None:
        """Show `value` (blank for None)."""
        self.setText(value.isoformat() if value else "")

    def problem(self, name: str, *, required: bool = True) -> str | None:
        """Why the text is refused (see `date_problem`), or None."""
        return date_problem(self.text(), name, required=required)

    def show_calendar(self) -> None:
        """Open a calendar below the field; a click on a day puts it into the field."""
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.clicked.connect(self._picked)
        current = self.value()
        self._calendar.setSelectedDate(to_qdate(current) if current else QDate.currentDate())
        self._calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self._calendar.show()

    def _picked(self, day: QDate) -> None:
        self.set_value(from_qdate(day))
        if self._calendar is not None:
            self._calendar.hide()
        self.setFocus()
