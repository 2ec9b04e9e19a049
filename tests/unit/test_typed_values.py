"""Values typed into order entry: quantities and custom date fields are taken exactly or refused (issue 11)."""

from __future__ import annotations

import pytest

from xmart.errors import InputError
from xmart.processes.order_entry import custom_value
from xmart.processes.quantities import parse_quantity
from xmart.processes.values import FieldKind


@pytest.mark.parametrize(("text", "expected"), [("1", 1), (" 12 ", 12), ("150000", 150000)])
def test_quantities_are_taken_as_typed(text, expected):
    assert parse_quantity(text, "Qty") == expected


@pytest.mark.parametrize("text", ["", "0", "1.5", "-2", "1,000", "1e3", "ten", "1000000"])
def test_other_quantities_are_refused_naming_the_field(text):
    with pytest.raises(InputError, match="^Qty: "):
        parse_quantity(text, "Qty")


@pytest.mark.parametrize("text", ["20260101", "2026-1-01", "2026-02-30", "2026-W01-1"])
def test_custom_dates_are_exactly_yyyy_mm_dd(text):
    with pytest.raises(InputError, match="Deliver after"):
        custom_value(FieldKind.DATE, "Deliver after", text)
    assert custom_value(FieldKind.DATE, "Deliver after", " 2027-01-20 ") == "2027-01-20"
