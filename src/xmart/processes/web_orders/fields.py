"""Typed readers over a web order's JSON; every error names the file, the order and the field.

A web store's numbers come as strings ("19.99") or numbers (read as Decimal, never float); components
may carry more than 2 decimals (WooCommerce keeps line totals unrounded when prices include tax) and are
rounded to cents where the reader adds them up. Dates and times are ISO 8601.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from xmart.processes.web_orders.model import WebOrderError

CENT = Decimal("0.01")
MAX_DECIMALS = 6
"""Decimals a web amount may carry (a store's unrounded line totals)."""
AMOUNT_LIMIT = Decimal("1e10")
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def cents(value: Decimal) -> Decimal:
    """`value` rounded half up to cents."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class Place:
    """Where a reader is: the file and the order, for messages."""

    def __init__(self, file: str, order: str) -> None:
        self.file, self.order = file, order

    def error(self, field: str, problem: str) -> WebOrderError:
        """An error naming the file, the order and `field`."""
        where = f"{self.file}: order {self.order}"
        return WebOrderError(f"{where}: {field}: {problem}" if field else f"{where}: {problem}")


class Node:
    """A JSON object inside an order, with its path (`line_items[2].price`)."""

    def __init__(self, place: Place, data: Any, path: str = "") -> None:
        if not isinstance(data, dict):
            raise place.error(path or "order", "must be a JSON object")
        self.place, self.data, self.path = place, data, path

    def name(self, field: str) -> str:
        """The full name of `field` in messages."""
        return f"{self.path}.{field}" if self.path else field

    def error(self, field: str, problem: str) -> WebOrderError:
        """An error naming `field` of this object."""
        return self.place.error(self.name(field), problem)

    def get(self, field: str) -> Any:
        """The raw value, None when missing or null."""
        return self.data.get(field)

    def has(self, field: str) -> bool:
        """True when the field is present and not null."""
        return self.data.get(field) is not None

    def obj(self, field: str, required: bool = False) -> Node | None:
        """A nested object, None when missing or null."""
        value = self.data.get(field)
        if value is None:
            if required:
                raise self.error(field, "is required")
            return None
        return Node(self.place, value, self.name(field))

    def items(self, field: str, required: bool = False) -> list[Node]:
        """A list of objects ([] when missing or null)."""
        value = self.data.get(field)
        if value is None:
            if required:
                raise self.error(field, "is required")
            return []
        if not isinstance(value, list):
            raise self.error(field, "must be a list")
        return [Node(self.place, item, f"{self.name(field)}[{i}]") for i, item in enumerate(value)]

    def strings(self, field: str) -> list[str]:
        """A list of strings ([] when missing)."""
        value = self.data.get(field)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(field, "must be a list of strings")
        return list(value)

    def text(self, field: str, required: bool = False) -> str:
        """A string (stripped); numbers are not text. Control characters are refused."""
        value = self.data.get(field)
        if value is None:
            if required:
                raise self.error(field, "is required")
            return ""
        if not isinstance(value, str):
            raise self.error(field, "must be a string")
        if _UNSTORABLE.search(value):
            raise self.error(field, "contains a control character or an invalid character")
        value = value.strip()
        if required and not value:
            raise self.error(field, "must not be empty")
        return value

    def ident(self, field: str) -> str:
        """An identifier: a whole number or a non-empty string of at most 64 characters."""
        value = self.data.get(field)
        if value is None:
            raise self.error(field, "is required")
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise self.error(field, "must be a whole number or a string")
        text = str(value).strip()
        if not text or len(text) > 64 or _UNSTORABLE.search(text):
            raise self.error(field, "must be 1 to 64 printable characters")
        return text

    def integer(self, field: str, required: bool = True, minimum: int = 0) -> int:
        """A whole number of at least `minimum`."""
        value = self.data.get(field)
        if value is None:
            if required:
                raise self.error(field, "is required")
            return minimum
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(field, "must be a whole number")
        if not minimum <= value < 2**31:
            raise self.error(field, f"must be a whole number from {minimum} to {2**31 - 1}")
        return value

    def amount(self, field: str, required: bool = False, negative: bool = False) -> Decimal:
        """An amount: a decimal string or number (not a float), at most MAX_DECIMALS decimals; 0 when missing."""
        value = self.data.get(field)
        if value is None or value == "":
            if required:
                raise self.error(field, "is required")
            return Decimal(0)
        if isinstance(value, bool) or isinstance(value, float):
            raise self.error(field, "must be an amount written as a decimal number")
        text = str(value).strip()
        if not _PLAIN.fullmatch(text):
            raise self.error(field, "must be an amount written as a decimal number")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise self.error(field, "must be an amount written as a decimal number") from None
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
            raise self.error(field, f"has more than {MAX_DECIMALS} decimals")
        if number < 0 and not negative:
            raise self.error(field, "must not be negative")
        if abs(number) >= AMOUNT_LIMIT:
            raise self.error(field, "is more than xmart can hold (at most 9,999,999,999.99)")
        return number

    def flag(self, field: str, default: bool = False) -> bool:
        """true or false (default when missing)."""
        value = self.data.get(field)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(field, "must be true or false")
        return value

    def moment(self, field: str, required: bool = False) -> dt.datetime | None:
        """An ISO 8601 date and time; without a time zone it is taken as UTC."""
        value = self.data.get(field)
        if value is None or value == "":
            if required:
                raise self.error(field, "is required")
            return None
        if not isinstance(value, str):
            raise self.error(field, "must be a date and time (ISO 8601)")
        try:
            moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise self.error(field, "is not a date and time (ISO 8601, e.g. 2026-11-02T10:15:00-05:00)") from None
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def utc_text(moment: dt.datetime | None) -> str:
    """A moment as UTC ISO 8601 text (comparable as text), "" for None."""
    return "" if moment is None else moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()
