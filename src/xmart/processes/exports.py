"""Lists written to files: CSV (the csv module) and Excel .xlsx (openpyxl), from typed values, no Qt.

A table to export is its column titles and rows of typed values: int, str, `Decimal` money,
`datetime.date`, or None (an empty cell). Money columns (named in `money`) are written with 2
decimals: in CSV as text such as `1234.50` (no thousands separators, so spreadsheets read numbers),
in .xlsx as numbers with the number format `0.00`; dates are ISO text in CSV and date cells
(`yyyy-mm-dd`) in .xlsx. Rows are an iterable consumed once, so a caller can stream a big list a
page at a time; openpyxl's write-only workbook keeps memory flat. Both writers write a temporary file
next to the target and rename it, so a failed export never leaves half a file under the chosen name.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Collection, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from xmart.processes.money import to_money

MONEY_FORMAT = "0.00"
DATE_FORMAT = "yyyy-mm-dd"


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_bytes_atomically(path: str | Path, data: bytes) -> Path:
    """Write `data` (a PDF, say) to `path`, replacing it whole: a temporary file in the same folder is
    renamed over it, so a failure midway (a full disk) never leaves a half-written file. Returns the
    path; OSError when it cannot be written (nothing is left under that name then)."""

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    return _atomic(Path(path), write)


def _csv_text(value: Any, money: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{to_money(value):.2f}" if money else f"{value:f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv(
    path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], money: Collection[str] | None = None
) -> Path:
    """Write `headers` and `rows` as a UTF-8 CSV file (with a BOM, so spreadsheets read the accents).

    `money`: titles of the columns whose Decimals are written with 2 decimals (None: every Decimal).
    Returns the path; OSError when it cannot be written (nothing is left under that name then).
    """
    target = Path(path)
    is_money = [money is None or h in money for h in headers]

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow(headers)
            for row in rows:
                out.writerow([_csv_text(v, m) for v, m in zip(row, is_money, strict=True)])

    return _atomic(target, write)


def write_xlsx(
    path: str | Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    money: Collection[str] | None = None,
    title: str = "Sheet1",
) -> Path:
    """Write `headers` and `rows` as an Excel workbook with one sheet named `title` (at most 31 characters).

    Money columns (titles in `money`; None: every Decimal) are numbers formatted `0.00`; dates are date
    cells; the header row is bold and frozen. Returns the path; OSError when it cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    target = Path(path)
    is_money = [money is None or h in money for h in headers]

    def write(tmp: Path) -> None:
        book = Workbook(write_only=True)
        sheet = book.create_sheet(title=(title or "Sheet1")[:31].replace("/", "-"))
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        header_cells = []
        for text in headers:
            cell = WriteOnlyCell(sheet, value=text)
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        try:
            _append_rows(sheet, rows, is_money)
        except BaseException:
            with contextlib.suppress(Exception):  # end openpyxl's row writer; the temporary file is removed
                sheet.close()
            raise
        book.save(str(tmp))

    return _atomic(target, write)


def _append_rows(sheet: Any, rows: Iterable[Sequence[Any]], is_money: Sequence[bool]) -> None:
    from openpyxl.cell import WriteOnlyCell

    for row in rows:
        cells = []
        for value, m in zip(row, is_money, strict=True):
            cell = WriteOnlyCell(sheet)
            if isinstance(value, Decimal) and m:
                cell.value = to_money(value)
                cell.number_format = MONEY_FORMAT
            elif isinstance(value, dt.date):
                cell.value = value
                cell.number_format = DATE_FORMAT
            else:
                cell.value = value
            cells.append(cell)
        sheet.append(cells)
