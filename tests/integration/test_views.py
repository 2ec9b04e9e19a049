"""The client's read models (xmart.processes.views): browser pages sorted and filtered in SQL, details, lookups."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from tests.support.db import load
from xmart.errors import NotFoundError
from xmart.models.db import UnitOfWork
from xmart.processes.views.document_details import document_details
from xmart.processes.views.document_lists import (
    DOCUMENT_LISTS,
    BrowserFilter,
    CsoRow,
    SoRow,
    count_documents,
    document_page,
)
from xmart.processes.views.lookups import CsoRef, LocationRow, find_cso, list_locations

ANY = BrowserFilter()
ADDRESS = {"line1": "1 Main St", "line2": "", "city": "Albany", "region": "NY", "postal_code": "12207", "country": "US"}


def _document() -> dict:
    """Two stores and a closed one, two customers, five CSOs (two on the same date), sale orders at both stores."""
    customers = [("C001", "Ada Lovelace"), ("C002", "grace HOPPER")]
    csos = [
        (1001, "2026-11-02", "C001"),
        (1002, "2026-11-05", "C002"),
        (1003, "2026-11-05", "C001"),
        (1004, "2026-11-09", "C002"),
        (1005, "2026-11-01", "C001"),
    ]
    return {
        "locations": [
            {"code": "S01", "name": "Downtown", "kind": "store", "active": True},
            {"code": "S02", "name": "Uptown", "kind": "store", "active": True},
            {"code": "S99", "name": "Closed", "kind": "store", "active": False},
        ],
        "vendors": [{"code": "V1", "name": "Acme Supply"}],
        "items": [{"sku": "A100", "description": "Blue mug", "price": "19.99", "cost": "8.00", "vendor": "V1"}],
        "customers": [
            {"number": number, "name": name, "billing_address": ADDRESS, "shipping_address": ADDRESS}
            for number, name in customers
        ],
        "corporate_sale_orders": [
            {
                "number": number,
                "date": date,
                "status": "open",
                "billing_customer": customer,
                "shipping_customer": customer,
                "lines": [{"sku": "A100", "qty": number - 1000, "price": "19.99"}],
            }
            for number, date, customer in csos
        ],
        "sale_orders": [
            {
                "number": 4000 + i,
                "location": "S01" if i % 2 else "S02",
                "date": "2026-10-01",
                "status": "open",
                "lines": [{"sku": "A100", "qty": i, "sold": 0, "price": "19.99"}],
            }
            for i in range(1, 6)
        ],
    }


def _page(engine, kind, flt=ANY, sort="number", descending=False, offset=0, limit=100):
    with UnitOfWork(engine) as uow:
        return document_page(uow, kind, flt, sort, descending, offset, limit)


def _count(engine, kind, flt=ANY):
    with UnitOfWork(engine) as uow:
        return count_documents(uow, kind, flt)


def test_a_page_holds_plain_rows_with_their_figures(engine):
    load(engine, _document())
    rows = _page(engine, "cso")
    assert [row.number for row in rows] == [1001, 1002, 1003, 1004, 1005]
    assert rows[0] == CsoRow(
        id=rows[0].id,
        number=1001,
        date=dt.date(2026, 11, 2),
        customer="Ada Lovelace",
        status="open",
        units=1,
        assigned=0,
        sold=0,
        total=Decimal("19.99"),
    )
    assert all(dataclasses.is_dataclass(row) for row in rows)


def test_sorting_breaks_ties_by_id_and_pages_never_overlap(engine):
    load(engine, _document())
    everything = _page(engine, "cso", sort="date", descending=True)
    assert [row.date for row in everything] == sorted((row.date for row in everything), reverse=True)
    paged = [
        row
        for offset in range(0, 5, 2)
        for row in _page(engine, "cso", sort="date", descending=True, offset=offset, limit=2)
    ]
    assert paged == everything
    assert _page(engine, "cso", offset=5) == []


def test_an_unsortable_column_sorts_by_number(engine):
    load(engine, _document())
    assert not DOCUMENT_LISTS["cso"].column("units").sortable
    assert _page(engine, "cso", sort="units") == _page(engine, "cso", sort="number")


def test_filters_count_and_page_alike(engine):
    load(engine, _document())
    grace = BrowserFilter(party="Grace hopper")
    assert _count(engine, "cso", grace) == 2
    assert {row.number for row in _page(engine, "cso", grace)} == {1002, 1004}
    dates = BrowserFilter(date_from=dt.date(2026, 11, 2), date_to=dt.date(2026, 11, 5))
    assert [row.number for row in _page(engine, "cso", dates)] == [1001, 1002, 1003]
    at_s01 = BrowserFilter(store="S01")
    rows = _page(engine, "so", at_s01)
    assert _count(engine, "so", at_s01) == len(rows) == 3
    assert all(isinstance(row, SoRow) and row.store == "S01" and row.corporate_order is None for row in rows)
    assert _count(engine, "cso", BrowserFilter(number=1003, status="open")) == 1
    assert _count(engine, "cso", BrowserFilter(status="cancelled")) == 0


def test_an_unknown_kind_is_refused(engine):
    with UnitOfWork(engine) as uow, pytest.raises(ValueError, match="unknown document kind"):
        count_documents(uow, "invoice", BrowserFilter())
    with UnitOfWork(engine) as uow, pytest.raises(ValueError, match="unknown document kind"):
        document_details(uow, "invoice", 1)


def test_document_details_are_text(engine):
    load(engine, _document())
    with UnitOfWork(engine) as uow:
        cso = document_details(uow, "cso", 1003)
        so = document_details(uow, "so", 4002)
    assert cso.title == "Corporate Sale Order 1003"
    assert dict(cso.fields)["Bill to"] == "Ada Lovelace"
    assert cso.rows[0][cso.columns.index("Ordered")] == "3"
    assert dict(cso.totals)["Total"] == "59.97"
    assert dict(so.fields)["Store"] == "S02 — Uptown"
    assert len(so.numeric) == len(so.columns) == len(so.rows[0])
    with UnitOfWork(engine) as uow, pytest.raises(NotFoundError):
        document_details(uow, "po", 1)


def test_lookups(engine):
    load(engine, _document())
    with UnitOfWork(engine) as uow:
        assert [loc.code for loc in list_locations(uow)] == ["S01", "S02", "S99"]
        assert list_locations(uow, active_only=True) == [LocationRow("S01", "Downtown"), LocationRow("S02", "Uptown")]
        found = find_cso(uow, 1002)
        assert found == CsoRef(found.id, 1002, "open")
        assert find_cso(uow, 999) is None


def test_cso_rows_count_units_on_sale_orders_not_cancelled(engine):
    """DOMAIN.md sections 2 and 6: a cancelled SO's units are neither assigned nor sold any more."""
    document = _document()
    document["sale_orders"] += [
        {
            "number": 4100,
            "location": "S01",
            "date": "2026-11-10",
            "status": "partially sold",
            "corporate_order": 1004,
            "lines": [{"sku": "A100", "cso_line": 1, "qty": 2, "sold": 1, "price": "19.99"}],
        },
        {
            "number": 4101,
            "location": "S02",
            "date": "2026-11-10",
            "status": "cancelled",
            "corporate_order": 1004,
            "lines": [{"sku": "A100", "cso_line": 1, "qty": 1, "sold": 0, "price": "19.99"}],
        },
    ]
    load(engine, document)
    rows = {row.number: row for row in _page(engine, "cso")}
    assert (rows[1004].units, rows[1004].assigned, rows[1004].sold) == (4, 2, 1)
    assert (rows[1003].assigned, rows[1003].sold) == (0, 0)
