"""Reading a package's content field by field: a value of the wrong kind refuses the package whole.

The messages name the place (`invoices[3].lines[0].qty: must be a whole number from 1`), so the
reason recorded for a refused package says what was wrong and where.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from xmart.processes.sync.package_format import PackageRefused

_MONEY = re.compile(r"^-?\d{1,10}\.\d{2}$")
INT_MAX = 2**31 - 1


class Field:
    """A value of the content at a named place (`where`), with typed getters."""

    def __init__(self, value: Any, where: str):
        self.value, self.where = value, where

    def fail(self, what: str) -> PackageRefused:
        """The refusal for this place."""
        return PackageRefused(f"bad content: {self.where}: {what}")

    def __getitem__(self, name: str) -> Field:
        if not isinstance(self.value, dict):
            raise self.fail("must be an object")
        if name not in self.value:
            raise PackageRefused(f"bad content: {self.where}.{name}: missing".replace(": .", ": "))
        return Field(self.value[name], f"{self.where}.{name}" if self.where else name)

    def get(self, name: str) -> Field:
        """The field `name`, or a null field when it is missing."""
        if not isinstance(self.value, dict):
            raise self.fail("must be an object")
        return Field(self.value.get(name), f"{self.where}.{name}" if self.where else name)

    def items(self) -> list[Field]:
        """The elements of a list (a missing or null list is empty)."""
        if self.value is None:
            return []
        if not isinstance(self.value, list):
            raise self.fail("must be a list")
        return [Field(value, f"{self.where}[{index}]") for index, value in enumerate(self.value)]

    def integer(self, minimum: int = 0) -> int:
        """A whole number from `minimum` to 2**31 - 1."""
        value = self.value
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= INT_MAX:
            raise self.fail(f"must be a whole number from {minimum}")
        return value

    def text(self, max_length: int, required: bool = False) -> str:
        """Text of at most `max_length` characters (null is "")."""
        value = "" if self.value is None else self.value
        if not isinstance(value, str) or len(value) > max_length or (required and not value):
            raise self.fail(f"must be text of {'1' if required else '0'} to {max_length} characters")
        return value

    def money(self, maximum: Decimal = Decimal("9999999999.99")) -> Decimal:
        """Money written as text with 2 decimals, from 0 to `maximum`."""
        value = self.value
        try:
            if not isinstance(value, str) or not _MONEY.match(value):
                raise InvalidOperation
            amount = Decimal(value)
        except InvalidOperation:
            raise self.fail('must be an amount written as text, like "12.34"') from None
        if not Decimal(0) <= amount <= maximum:
            raise self.fail(f"must be from 0.00 to {maximum}")
        return amount

    def date(self, required: bool = True) -> dt.date | None:
        """A date YYYY-MM-DD (or null when not `required`)."""
        if self.value is None and not required:
            return None
        try:
            if not isinstance(self.value, str) or len(self.value) != 10:
                raise ValueError
            return dt.date.fromisoformat(self.value)
        except ValueError:
            raise self.fail("must be a date YYYY-MM-DD") from None
