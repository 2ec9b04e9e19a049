"""Cancel, hold and release of CSOs; the salesman commission report."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from tests.support.db import load
from tests.support.orders import full_entry, load_orders_data
from xmart.errors import InputError
from xmart.models.db import UnitOfWork
from xmart.processes.commission import CommissionParams, commission_report, render_commission_pdf
from xmart.processes.cso_status import refresh_statuses
from xmart.processes.documents.data import CompanyInfo
from xmart.processes.order_entry import enter_order, load_order
from xmart.processes.order_status import cancel_order, hold_order, release_order

TODAY = dt.date(2026, 11, 21)


def _enter(engine, ids, **changes):
    with UnitOfWork(engine) as uow:
        return enter_order(uow, ids["C001"], full_entry(ids, **changes), TODAY)


def _status(engine, cso_id):
    with UnitOfWork(engine) as uow:
        return load_order(uow.session, cso_id).status


def test_hold_release_and_cancel_without_sale_orders(engine):
    ids = load_orders_data(engine)
    result = _enter(engine, ids)
    with UnitOfWork(engine) as uow:
        assert hold_order(uow, result.number).status == "on hold"
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="not on hold|only open"):
        hold_order(uow, result.number)
    with UnitOfWork(engine) as uow:
        assert release_order(uow, result.number).status == "open"
    with UnitOfWork(engine) as uow:
        assert cancel_order(uow, result.number).status == "cancelled"
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="already cancelled"):
        cancel_order(uow, result.number)


def test_with_sale_orders_only_the_unassigned_remainder_is_cancelled(engine):
    ids = load_orders_data(engine)
    result = _enter(engine, ids)  # lines: A100 x2, B200 x3, C300 x1
    load(
        engine,
        {
            "locations": [{"code": "S01", "name": "Downtown", "kind": "store"}],
            "sale_orders": [
                {
                    "number": 5001,
                    "location": "S01",
                    "date": "2026-11-21",
                    "corporate_order": result.number,
                    "lines": [{"sku": "A100", "qty": 2, "cso_line": 1}, {"sku": "B200", "qty": 1, "cso_line": 2}],
                }
            ],
        },
    )
    with UnitOfWork(engine) as uow:
        refresh_statuses(uow.session, [result.cso_id])
        uow.commit()
    assert _status(engine, result.cso_id) == "partially assigned"
    with UnitOfWork(engine) as uow:
        outcome = cancel_order(uow, result.number)
    assert outcome.status == "assigned" and outcome.cancelled_units == 3  # 2 x B200 + 1 x C300
    with UnitOfWork(engine) as uow:  # the status derivation counts only units still wanted
        assert refresh_statuses(uow.session, [result.cso_id]) == {}
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="no unassigned remainder"):
        cancel_order(uow, result.number)
    with UnitOfWork(engine) as uow:
        report = commission_report(uow.session, CommissionParams(TODAY, TODAY))
    assert report.rows[0].sales_total == Decimal("46.10")  # A100 2 x 19.99 + B200 1 x 8.55 = 48.53, less 5% (2.43)


def test_commission_per_salesman_and_range(engine):
    ids = load_orders_data(engine)
    _enter(engine, ids)  # JS: total 67.10
    _enter(engine, ids, salesman_id=ids["MK"])  # MK: 67.10
    third = _enter(engine, ids, salesman_id=ids["MK"])  # MK, then cancelled: not counted
    with UnitOfWork(engine) as uow:
        cancel_order(uow, third.number)
    with UnitOfWork(engine) as uow:
        report = commission_report(uow.session, CommissionParams(TODAY, TODAY))
        assert (
            commission_report(uow.session, CommissionParams(TODAY + dt.timedelta(1), TODAY + dt.timedelta(9))).rows
            == ()
        )
    rows = {r.code: r for r in report.rows}
    assert rows["JS"].orders == 1 and rows["JS"].sales_total == Decimal("67.10")
    assert rows["JS"].commission == Decimal("1.68")  # 2.5% of 67.10 = 1.6775
    assert rows["MK"].orders == 1 and rows["MK"].commission == Decimal("3.36")  # 5% of 67.10 = 3.355
    pdf = render_commission_pdf(report, CompanyInfo("xmart Retail"))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Jo Smith" in text and "67.10" in text and "1.68" in text
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="after the last date"):
        commission_report(uow.session, CommissionParams(TODAY, TODAY - dt.timedelta(1)))


def test_cancelling_the_remainder_of_a_paid_order_below_its_deposit_is_refused(engine):
    """DOMAIN.md section 3: lowering a total below the deposit is refused (an overpayment is a refund)."""
    from tests.support.db import snapshot
    from xmart.processes.order_entry import other_payment

    ids = load_orders_data(engine)
    result = _enter(engine, ids, payments=(other_payment("cash", "74.60"),))  # paid in full, shipping included
    load(
        engine,
        {
            "locations": [{"code": "S01", "name": "Downtown", "kind": "store"}],
            "sale_orders": [
                {
                    "number": 5001,
                    "location": "S01",
                    "date": "2026-11-21",
                    "corporate_order": result.number,
                    "lines": [{"sku": "A100", "qty": 2, "cso_line": 1}],
                }
            ],
        },
    )
    before = snapshot(engine)
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match=r"deposit \(74\.60\) is more than the order total"):
        cancel_order(uow, result.number)
    assert snapshot(engine) == before
