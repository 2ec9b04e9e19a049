"""`xmart assign --json` off a terminal: the compact writer prints exactly what json.dumps of to_json() prints."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from xmart.cli.assign import compact_json
from xmart.processes.assign import AUTO_NOTE, AssignResult, GeneratedLine, GeneratedSaleOrder, Unassigned


def _expected(result: AssignResult) -> str:
    return json.dumps(result.to_json(), indent=None, ensure_ascii=False) + "\n"


def test_empty_result() -> None:
    result = AssignResult((), ())
    assert compact_json(result) == _expected(result) == '{"sale_orders": [], "unassigned": []}\n'


def test_same_bytes_as_json_dumps_with_awkward_text_and_values() -> None:
    lines = (
        GeneratedLine('A"1\\00', 3, Decimal("19.99"), Decimal("10"), 1),
        GeneratedLine("Caf\u00e9\u2603\ttab", 12, Decimal("0.005"), Decimal("0.00"), 2),
    )
    result = AssignResult(
        (
            GeneratedSaleOrder(
                5001, "S\u00d801", 1001, dt.date(2026, 11, 21), AUTO_NOTE, Decimal("12.345"), lines, Decimal("12.345")
            ),
            GeneratedSaleOrder(
                5002, "S02", 1001, dt.date(2026, 11, 21), "note \u2028 x", Decimal("0"), (), Decimal("0.01")
            ),
            GeneratedSaleOrder(
                5003, "S03", 1002, dt.date(2026, 1, 2), AUTO_NOTE, Decimal("1E+2"), lines[:1], Decimal("1E+3")
            ),
        ),
        (Unassigned(1002, "B200", 4, 1), Unassigned(1003, '\u00e9"', 1, 2)),
    )
    assert compact_json(result) == _expected(result)
    assert json.loads(compact_json(result)) == result.to_json()


def test_each_sale_order_carries_its_total_beside_its_deposit() -> None:
    """INTERFACE.md: each sale order of `assign --json` has `total` (DOMAIN.md section 4), on both paths."""
    so = GeneratedSaleOrder(5001, "S01", 1001, dt.date(2026, 11, 21), AUTO_NOTE, Decimal("9.04"), (), Decimal("9.05"))
    result = AssignResult((so,), ())
    for document in (result.to_json(), json.loads(compact_json(result))):
        assert document["sale_orders"][0]["total"] == "9.05"
        assert document["sale_orders"][0]["deposit"] == "9.04"
