"""Conversions between Python dates and Qt's QDate (for the calendar of `widgets.date_field`; processes take dates)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


def to_qdate(value: dt.date) -> QDate:
    """A QDate for a date."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    """A date for a valid QDate."""
    return dt.date(value.year(), value.month(), value.day())
