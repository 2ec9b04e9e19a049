"""processes/exports.py: CSV and .xlsx files written from typed values, read back and checked."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from xmart.processes.exports import write_csv, write_xlsx

HEADERS = ("Number", "Date", "Customer", "Total", "Units", "CSO")
ROWS = [
    (1001, dt.date(2026, 11, 2), "Zoë Ångström", Decimal("1234.5"), 3, None),
    (1002, dt.date(2026, 11, 3), "Ada", Decimal("0.00"), 0, 7),
]


def test_csv_money_with_2_decimals_dates_iso_and_empty_none(tmp_path):
    path = write_csv(tmp_path / "list.csv", HEADERS, iter(ROWS), money={"Total"})
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [
        list(HEADERS),
        ["1001", "2026-11-02", "Zoë Ångström", "1234.50", "3", ""],
        ["1002", "2026-11-03", "Ada", "0.00", "0", "7"],
    ]


def test_xlsx_money_as_numbers_dates_as_dates(tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", HEADERS, iter(ROWS), money={"Total"}, title="Corporate Sale Orders")
    sheet = load_workbook(path).active
    assert sheet.title == "Corporate Sale Orders"
    assert [c.value for c in sheet[1]] == list(HEADERS)
    number, date, customer, total, units, cso = sheet[2]
    assert (number.value, customer.value, units.value, cso.value) == (1001, "Zoë Ångström", 3, None)
    assert date.value == dt.datetime(2026, 11, 2) and date.is_date
    assert total.value == pytest.approx(1234.5) and total.number_format == "0.00"
    assert sheet.max_row == 3


def test_a_failed_export_leaves_no_file(tmp_path):
    def rows():
        yield ROWS[0]
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_xlsx(tmp_path / "list.xlsx", HEADERS, rows(), money={"Total"})
    with pytest.raises(OSError, match="disk full"):
        write_csv(tmp_path / "list.csv", HEADERS, rows(), money={"Total"})
    assert list(tmp_path.iterdir()) == []
