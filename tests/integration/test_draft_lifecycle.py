"""Drafts kept and abandoned (issue 11, fault 3): the Sales Order Interface keeps an unfinished order as
a draft; a New Order abandoned empty is deleted, nothing else is (no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.support.orders import full_entry, load_orders_data
from xmart.errors import NotFoundError
from xmart.models import CorporateSaleOrder
from xmart.models.db import UnitOfWork
from xmart.processes.order_entry import (
    OrderEntry,
    complete_order,
    discard_empty_draft,
    new_order,
    save_new_draft,
    save_sections,
)

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def ids(engine):
    return load_orders_data(engine)


def _count(engine) -> int:
    with UnitOfWork(engine) as uow:
        return uow.session.scalar(select(func.count()).select_from(CorporateSaleOrder))


def test_an_unfinished_order_is_kept_as_a_draft(engine, ids):
    entry = full_entry(ids, payments=(), shipping_method="")  # not complete: still kept
    with UnitOfWork(engine) as uow:
        view = save_new_draft(uow, ids["C001"], entry, TODAY)
    assert view.status == "draft" and view.number == 1001
    assert [line.sku for line in view.entry.lines] == ["A100", "B200", "C300"]
    assert view.entry.custom_values == entry.custom_values
    with UnitOfWork(engine) as uow, pytest.raises(NotFoundError):
        save_new_draft(uow, 999_999, entry, TODAY)
    assert _count(engine) == 1


def test_only_an_empty_draft_is_discarded(engine, ids):
    with UnitOfWork(engine) as uow:
        empty = new_order(uow, ids["C001"], TODAY)
    with UnitOfWork(engine) as uow:
        kept = new_order(uow, ids["C002"], TODAY)
    with UnitOfWork(engine) as uow:
        save_sections(uow, kept.id, full_entry(ids), ("items",))
    with UnitOfWork(engine) as uow:
        assert discard_empty_draft(uow, empty.id) is True
    with UnitOfWork(engine) as uow:
        assert discard_empty_draft(uow, empty.id) is False  # gone already
        assert discard_empty_draft(uow, kept.id) is False  # holds lines
    with UnitOfWork(engine) as uow:
        opened = new_order(uow, ids["C001"], TODAY)
    with UnitOfWork(engine) as uow:
        complete_order(uow, opened.id, full_entry(ids), TODAY)
    with UnitOfWork(engine) as uow:
        save_sections(uow, kept.id, OrderEntry(), ("items",))  # emptied again, but no longer a fresh draft
        assert discard_empty_draft(uow, opened.id) is False  # open, not a draft
    with UnitOfWork(engine) as uow:
        numbers = uow.session.scalars(select(CorporateSaleOrder.number).order_by(CorporateSaleOrder.number)).all()
    assert numbers == [kept.number, opened.number]
