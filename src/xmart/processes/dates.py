"""Dates as written in documents and on the command line: exactly YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD; ValueError for any other form or an impossible date."""
    if not isinstance(text, str) or not _ISO_DATE.match(text):
        raise ValueError(f"not a date YYYY-MM-DD: {text!r}")
    return dt.date.fromisoformat(text)
