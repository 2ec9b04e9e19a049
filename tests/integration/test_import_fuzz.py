"""Fuzz `xmart import` with malformed versions of the INTERFACE.md example (issue 12, "Done when").

A mutation table: every field of every record of the example gets the bad values of its kind
(wrong JSON type, out of its column's range, exponents and NaN in money, texts longer than any
column or that no database stores, card data in free text, unknown references and choices), every
record and nested object an unknown field, every required field is removed. Each malformed
document goes through the CLI's `main()` in-process against one database per backend: exit 2,
one stderr line naming section[index].field, no traceback, and every table unchanged (snapshot).
SQLite gets every mutation (at least 500), PostgreSQL a fixed spread of at least 150.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.support.db import load, snapshot
from tests.support.documents import B200_ITEM, example
from xmart.cli.main import main

TOO_LONG = "x" * 10_001  # longer than every text column, unbounded ones included (import_rows.TEXT_LIMIT)
CARD = "4111 1111 1111 1111"

WRONG_TYPES = [[], {"a": 1}, True]
MONEY = ["1e2", "1e30", "NaN", "Infinity", "-0.01", "1.001", "abc", "10000000000", "1,000.00", *WRONG_TYPES]
PERCENT = ["100.01", "1e1", "-1", "NaN", "x", *WRONG_TYPES]
INTEGER = [-1, 2**31, 10**19, "5", 2.5, *WRONG_TYPES]
POSITIVE = [0, *INTEGER]
DATE = ["2026-13-01", "2026-02-30", "01/02/2026", "", 20261101, *WRONG_TYPES]
TEXT = [12345, TOO_LONG, "a\x00b", "ok\ud800", *WRONG_TYPES]
FREE_TEXT = [*TEXT, f"card {CARD}", "cvv 123", "CVC: 1234"]
REQUIRED_TEXT = ["", "   ", *TEXT]
KEY = ["", TOO_LONG, 12.5, *WRONG_TYPES]
REF = ["NOPE-404", True, 12.5, [], {}]
CHOICE = ["bogus", "", 1, True]
BOOLEAN = ["yes", 1, "true", []]

KINDS: dict[str, list[Any]] = {
    # field name -> its bad values (the same name means the same kind in every section)
    "price": MONEY,
    "cost": MONEY,
    "amount": MONEY,
    "shipping_cost": MONEY,
    "deposit": MONEY,
    "discount": PERCENT,
    "global_discount": PERCENT,
    "commission_rate": PERCENT,
    "on_hand": INTEGER,
    "minimum": INTEGER,
    "maximum": INTEGER,
    "sold": INTEGER,
    "received": INTEGER,
    "qty": POSITIVE,
    "line": POSITIVE,
    "date": DATE,
    "name": REQUIRED_TEXT + ["cvv 123"],
    "description": FREE_TEXT,
    "company": FREE_TEXT,
    "email": FREE_TEXT,
    "phone": TEXT,
    "notes": FREE_TEXT,
    "line1": FREE_TEXT,
    "line2": FREE_TEXT,
    "city": FREE_TEXT,
    "region": FREE_TEXT,
    "postal_code": FREE_TEXT,
    "country": FREE_TEXT,
    "brand": FREE_TEXT,
    "code": KEY,
    "sku": REF,
    "location": REF,
    "vendor": REF,
    "billing_customer": REF,
    "shipping_customer": REF,
    "channel": [TOO_LONG, "cvv 123", *WRONG_TYPES],
    "salesman": REF,
    "kind": CHOICE,
    "status": CHOICE,
    "type": CHOICE,
    "active": BOOLEAN,
    "expiry": ["13/28", "12/2028", "", 1228],
}
SPECIAL: dict[tuple[str, str], list[Any]] = {
    # (section, field path) -> bad values where the field name alone does not say the kind
    ("items", "sku"): KEY,
    ("customers", "number"): KEY,
    ("corporate_sale_orders", "number"): POSITIVE,
    ("sale_orders", "number"): POSITIVE,
    ("purchase_orders", "number"): POSITIVE,
    ("corporate_sale_orders", "payments.card.number"): ["4111111111111112", "4111", "x" * 30, *WRONG_TYPES],
    ("corporate_sale_orders", "payments.authorization"): ["737", "AB 123", "A" * 13, CARD, *WRONG_TYPES],
    ("corporate_sale_orders", "payments.card.authorization"): ["1234", "ok ok"],
    ("stock", "location"): REF,
}
REQUIRED = {
    "locations": ["code", "name"],
    "vendors": ["code", "name"],
    "items": ["sku", "price"],
    "stock": ["location", "sku"],
    "customers": ["number", "name"],
    "salesmen": ["code", "name"],
    "corporate_sale_orders": ["number", "date", "billing_customer", "lines"],
    "sale_orders": ["number", "location", "date", "lines"],
    "purchase_orders": ["number", "vendor", "date", "lines"],
}


@dataclass(frozen=True)
class Mutation:
    """One malformed document: `path` in the example set to `value` (or removed), and where the error must point."""

    path: tuple[str | int, ...]
    value: Any
    remove: bool = False

    @property
    def where(self) -> str:
        """`section[index].field.sub[i].name`: what the error message must start with."""
        section, index, *rest = self.path
        text = f"{section}[{index}]"
        for step in rest:
            text += f"[{step}]" if isinstance(step, int) else f".{step}"
        return text

    def apply(self, doc: dict[str, Any]) -> dict[str, Any]:
        """A copy of `doc` with the mutation applied."""
        doc = copy.deepcopy(doc)
        target: Any = doc
        for step in self.path[:-1]:
            target = target[step]
        if self.remove:
            del target[self.path[-1]]
        else:
            target[self.path[-1]] = self.value
        return doc


def _leaves(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            yield from _leaves(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _leaves(child, (*path, i))
    else:
        yield path, value


def mutations() -> list[Mutation]:
    """The mutation table over the INTERFACE.md example, in a fixed order."""
    doc = example()
    table: list[Mutation] = []
    for section, records in doc.items():
        for index, record in enumerate(records):
            for path, value in _leaves(record, (section, index)):
                if isinstance(value, dict):  # a record or nested object: an unknown field
                    table.append(Mutation((*path, "bogus_field"), 1))
                    continue
                name = str(path[-1])
                dotted = ".".join(str(p) for p in path[2:] if isinstance(p, str))
                bad = SPECIAL.get((section, dotted), KINDS.get(name))
                assert bad is not None, f"no bad values for {section} {dotted}"
                table.extend(Mutation(path, v) for v in bad)
            for name in REQUIRED.get(section, []):
                table.append(Mutation((section, index, name), None, remove=True))
                table.append(Mutation((section, index, name), None))
    return table


TABLE = mutations()


def _run_all(engine, db_url, tmp_path, capsys, table: list[Mutation]) -> int:
    load(engine, B200_ITEM)
    before = snapshot(engine)
    base = example()
    path = tmp_path / "fuzz.json"
    failures = []
    root = logging.getLogger()
    handlers = list(root.handlers)
    for mutation in table:
        path.write_text(json.dumps(mutation.apply(base), default=str))
        code = main(["--db", db_url, "import", str(path)])
        for handler in set(root.handlers) - set(handlers):  # each main() adds its log file handler
            root.removeHandler(handler)
            handler.close()
        out = capsys.readouterr()
        lines = out.err.strip().splitlines()
        ok = (
            code == 2
            and len(lines) == 1
            and lines[0].startswith(f"xmart: {mutation.where}")
            and "Traceback" not in out.err
        )
        if not ok:
            failures.append((mutation.where, repr(mutation.value)[:40], code, out.err[:300]))
        elif snapshot(engine) != before:
            failures.append((mutation.where, repr(mutation.value)[:40], "database changed", ""))
    assert not failures, "\n".join(map(str, failures[:20])) + f"\n({len(failures)} of {len(table)} failed)"
    return len(table)


def test_the_table_is_big_enough():
    assert len(TABLE) >= 500
    assert len(TABLE[::4]) >= 150


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_every_malformed_document_is_refused_on_sqlite(engine, db_url, tmp_path, capsys):
    assert _run_all(engine, db_url, tmp_path, capsys, TABLE) >= 500


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_malformed_documents_are_refused_on_postgresql(engine, db_url, tmp_path, capsys):
    assert _run_all(engine, db_url, tmp_path, capsys, TABLE[::4]) >= 150
