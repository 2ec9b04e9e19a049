"""A full card number is nowhere a clerk could see it (DOMAIN.md section 3; issue 13 Done-when), SQLite and PostgreSQL.

Cards are taken through the command line of a workstation; then everything the office produces is
searched for the numbers, in any spacing: the database (every row, and on SQLite the file and its
WAL), the workstation's log, printed PDFs (their bytes and their text), JSON output, CSV and xlsx
reports and exports, error messages (a card number typed where it does not belong).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from pypdf import PdfReader

from tests.support.cards import card_number, card_orders, master_document
from tests.support.db import snapshot
from tests.support.documents import INTERFACE_EXAMPLE, write
from tests.support.users import PASSWORD, add_user
from tests.support.workstations import workstation, xmart
from xmart.models.db import UnitOfWork
from xmart.processes.exports import write_csv, write_xlsx
from xmart.processes.views.document_lists import DOCUMENT_LISTS, BrowserFilter, iter_documents

NUMBERS = [card_number(1001 + i) for i in range(3)]


def _forms(number: str) -> list[str]:
    """The number as digits, in groups of 4 with spaces or dashes."""
    groups = re.findall(".{1,4}", number)
    return [number, " ".join(groups), "-".join(groups)]


def assert_no_card(where: str, data: bytes | str) -> None:
    """No test card number, in any usual spelling, in `data` (text, or bytes as UTF-8/UTF-16)."""
    texts = [data] if isinstance(data, str) else [data.decode("latin-1"), data.decode("utf-16-le", "ignore")]
    for number in NUMBERS:
        for form in _forms(number):
            assert not any(form in text for text in texts), f"a full card number in {where}"


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _xlsx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return "\n".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())


def test_a_full_card_number_is_nowhere_but_encrypted(engine, db_url, tmp_path):
    add_user(engine, "ada", "administrator")
    add_user(engine, "mona", "manager")
    clerk = add_user(engine, "carl", "clerk")
    mona = workstation(tmp_path, "desk", XMART_USER="mona", XMART_PASSWORD=PASSWORD)
    carl = workstation(tmp_path, "desk", XMART_USER="carl", XMART_PASSWORD=PASSWORD)
    doc = master_document() | {"stock": INTERFACE_EXAMPLE["stock"]} | card_orders(1001, 3)
    outputs: list[tuple[str, str]] = []

    def run(env, *args: str, status: int = 0) -> None:
        done = xmart(env, "--db", db_url, *args)
        assert done.returncode == status, done.stderr
        outputs.append((" ".join(args), done.stdout + done.stderr))

    run(mona, "import", str(write(tmp_path / "cards.json", doc)))
    # a card number where it does not belong is refused without being repeated
    misplaced = card_orders(1101, 1)
    misplaced["corporate_sale_orders"][0]["notes"] = f"card {NUMBERS[0]}"
    run(mona, "import", str(write(tmp_path / "misplaced.json", misplaced)), status=2)
    pdfs = tmp_path / "pdf"
    run(mona, "assign", "--by-number", "1001", "1003", "--print", "--pdf-dir", str(pdfs), "--json")
    run(carl, "print", "cso", "1001", "1002", "1003", "--pdf-dir", str(pdfs))
    run(carl, "show", "cso", "1001", "--json")
    run(mona, "report", "sale-orders", "--csv", str(tmp_path / "report.csv"))
    run(mona, "report", "sale-orders", "--json")
    for what, text in outputs:
        assert_no_card(f"the output of `xmart {what}`", text)

    printed = sorted(pdfs.glob("*.pdf"))
    assert len(printed) >= 4
    for pdf in printed:
        assert_no_card(pdf.name, pdf.read_bytes())
        text = _pdf_text(pdf)
        assert_no_card(f"the text of {pdf.name}", text)
    assert any("**** " + NUMBERS[0][-4:] in _pdf_text(p) for p in printed)  # masked, as DOMAIN.md 3 says

    exports = tmp_path / "exports"
    exports.mkdir()
    for kind, source in DOCUMENT_LISTS.items():
        with UnitOfWork(engine, clerk) as uow:  # a clerk's export of every list
            rows = [
                tuple(getattr(row, c.attr) for c in source.columns)
                for row in iter_documents(uow, kind, BrowserFilter(), "number", False)
            ]
        headers = [c.title for c in source.columns]
        write_csv(exports / f"{kind}.csv", headers, rows)
        write_xlsx(exports / f"{kind}.xlsx", headers, rows)
    for path in sorted(exports.iterdir()) + [tmp_path / "report.csv"]:
        assert_no_card(path.name, path.read_bytes() if path.suffix == ".csv" else _xlsx_text(path))

    log = tmp_path / "desk" / "xmart.log"
    assert log.exists() and "import refused" in log.read_text()
    assert_no_card("the workstation's log", log.read_bytes())
    assert_no_card("any database row", json.dumps(snapshot(engine)))
    if db_url.startswith("sqlite"):
        engine.dispose()
        database = Path(db_url.removeprefix("sqlite:///"))
        for path in database.parent.glob(database.name + "*"):
            assert_no_card(path.name, path.read_bytes())
    assert_no_card("the data folder", b"".join(p.read_bytes() for p in (tmp_path / "desk").rglob("*") if p.is_file()))
