"""Argument types of the `xmart` command line, shared by every command (INTERFACE.md: exit 2, one line).

argparse calls these on the raw text; a value they refuse ends the command with exit status 2 and
one stderr line naming the argument, before any database is opened. Standard library only: the
command line is parsed before any command module (and SQLAlchemy) is imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable

from xmart.processes.dates import parse_iso_date

INTEGER_MAX = 2**31 - 1
"""The largest value an `Integer` column holds on both databases (PostgreSQL `integer` is 32-bit):
document numbers and quantities."""

CODE_MAX_LENGTH = 40
"""The longest code a command takes (location codes are 20 characters, SKUs 40)."""

_DIGITS = re.compile(r"^[0-9]{1,12}$")


def iso_date(value: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates; refuses other forms and impossible dates (2026-02-30)."""
    try:
        return parse_iso_date(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type for a whole number written in ASCII digits from `low` to `high` inclusive."""

    def parse(value: str) -> int:
        text = value.strip()
        if not _DIGITS.match(text) or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"not a whole number from {low} to {high}: {value[:40]!r}")
        return int(text)

    parse.__name__ = "whole number"  # argparse names the type in some messages
    return parse


document_number = whole_number(1, INTEGER_MAX)
"""A CSO, SO or PO number (an `Integer` column)."""

quantity = whole_number(1, INTEGER_MAX)
"""Units of one SKU (an `Integer` column)."""

seed = whole_number(0, 2**32 - 1)
"""The demo's random seed."""


def code(value: str) -> str:
    """An argparse type for a location code or SKU: printable, 1 to CODE_MAX_LENGTH characters.

    Whether the code exists is the process's question (an unknown code is an InputError, exit 2).
    """
    text = value.strip()
    if not text or len(text) > CODE_MAX_LENGTH or not text.isprintable():
        raise argparse.ArgumentTypeError(f"not a code of 1 to {CODE_MAX_LENGTH} characters: {value[:40]!r}")
    return text
