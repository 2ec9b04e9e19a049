"""Quantities as a clerk types them: whole numbers of units (DOMAIN.md section 1: quantities are integers)."""

from __future__ import annotations

import re

from xmart.errors import InputError

_WHOLE = re.compile(r"^\d+$")
QTY_LIMIT = 1_000_000


def parse_quantity(text: str, field: str, *, minimum: int = 1, maximum: int = QTY_LIMIT - 1) -> int:
    """A quantity typed into a form: digits only, from `minimum` to `maximum` (inclusive).

    `text`: what was typed (surrounding spaces ignored; "1,000" is refused, not read as 1000 or 1).
    `field`: the field's name as the clerk knows it ("Qty"); every message starts with it.
    Raises InputError for a blank field, anything but a whole number, or a number out of range;
    nothing is ever rounded or clamped.
    """
    value = text.strip()
    if not value:
        raise InputError(f"{field}: enter a quantity (a whole number from {minimum} to {maximum}).")
    if not _WHOLE.match(value):
        raise InputError(f"{field}: '{_shown(value)}' is not a whole number of units.")
    number = int(value)
    if not minimum <= number <= maximum:
        raise InputError(f"{field}: {_shown(str(number))} is out of range; a quantity is from {minimum} to {maximum}.")
    return number


def _shown(value: str) -> str:
    """`value` as a message may quote it: never card data (DOMAIN.md section 3)."""
    from xmart.processes.cards import echoable  # here, on the error path: commands load no card code

    return echoable(value)
