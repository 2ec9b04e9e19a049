"""A 10,000-CSO assign run in the task runner: the window keeps processing events, and Cancel writes nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from decimal import Decimal
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.ui.helpers import wait_task
from xmart.models import CorporateSaleOrder, Customer, Item, Location, SaleOrder, Stock
from xmart.models.corporate import CsoLine
from xmart.models.db import make_engine
from xmart.models.migrate import upgrade
from xmart.processes import assign

CSOS = 10_000
MAX_GAP_S = 0.100


@pytest.fixture(scope="module")
def big_template(tmp_path_factory):
    """An SQLite file with 5 stores, 200 items and 10,000 open CSOs of 2 lines each (bulk inserts)."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    day = dt.date(2026, 11, 1)
    with engine.begin() as conn:
        conn.execute(
            Location.__table__.insert(),
            [{"id": i, "code": f"S{i:02}", "name": f"Store {i}", "kind": "store", "active": True} for i in range(1, 6)],
        )
        conn.execute(
            Item.__table__.insert(),
            [
                {
                    "id": i,
                    "sku": f"SKU{i:04}",
                    "description": f"Item {i}",
                    "price": Decimal("10.00"),
                    "cost": Decimal("4.00"),
                }
                for i in range(1, 201)
            ],
        )
        conn.execute(
            Stock.__table__.insert(),
            [
                {"location_id": s, "item_id": i, "on_hand": 40, "minimum": 5, "maximum": 60}
                for s in range(1, 6)
                for i in range(1, 201)
            ],
        )
        conn.execute(Customer.__table__.insert(), [{"id": 1, "number": "C1", "name": "Big Buyer"}])
        conn.execute(
            CorporateSaleOrder.__table__.insert(),
            [
                {
                    "id": n,
                    "number": 100_000 + n,
                    "date": day + dt.timedelta(days=n % 20),
                    "status": "open",
                    "billing_customer_id": 1,
                    "shipping_customer_id": 1,
                    "billing_name": "Big Buyer",
                    "shipping_name": "Big Buyer",
                }
                for n in range(1, CSOS + 1)
            ],
        )
        conn.execute(
            CsoLine.__table__.insert(),
            [
                {
                    "cso_id": n,
                    "line_no": k,
                    "item_id": (n * 7 + k * 13) % 200 + 1,
                    "qty": 1 + (n + k) % 3,
                    "price": Decimal("10.00"),
                    "discount": Decimal("0"),
                }
                for n in range(1, CSOS + 1)
                for k in (1, 2)
            ],
        )
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def big_ctx(big_template, tmp_path, settings, qtbot):
    from xmart.ui.context import make_context

    path = tmp_path / "big.db"
    shutil.copy(big_template, path)
    engine = make_engine(f"sqlite:///{path}")
    ctx = make_context(engine, settings)
    yield ctx
    ctx.tasks.wait_for_all()
    engine.dispose()


@pytest.fixture
def window(big_ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    win = MainWindow(big_ctx)
    qtbot.addWidget(win)
    win.show()
    win.open_browser("cso")
    return win


def _sale_orders(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(SaleOrder))


def test_window_stays_responsive_during_a_10000_cso_assign(window, big_ctx, qtbot):
    from xmart.processes.selection import CsoRange
    from xmart.ui.app import settle_heap

    settle_heap()  # what `xmart gui` does once the window is up
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()

    started = time.monotonic()
    task = window.processes.run_assign(assign.AssignParams(range=CsoRange.by_number(100_001, 100_000 + CSOS)), window)
    wait_task(qtbot, task, timeout=120_000)
    finished = time.monotonic()
    timer.stop()
    assert task.error is None, task.error
    assert _sale_orders(big_ctx.engine) > 1000
    ticks = [started] + ticks + [finished]
    gaps = [b - a for a, b in pairwise(ticks)]
    assert finished - started > 0.3, "the run was too short to tell anything"
    worst = max(range(len(gaps)), key=gaps.__getitem__)
    assert max(gaps) < MAX_GAP_S, (
        f"the event loop stalled for {max(gaps) * 1000:.0f} ms, "
        f"{ticks[worst] - started:.2f} s into a {finished - started:.2f} s run"
    )
    summary = window.processes.last_summary
    assert len(summary.numbers()) == _sale_orders(big_ctx.engine)
    assert summary.ui.documentTree.topLevelItemCount() == 501  # 500 listed, then "… and N more"


def test_cancel_in_the_progress_dialog_writes_nothing(window, big_ctx, qtbot, monkeypatch):
    import xmart.ui.tasks

    monkeypatch.setattr(xmart.ui.tasks, "PROGRESS_DIALOG_DELAY_MS", 0)  # the user is quick on the button
    from xmart.errors import Cancelled
    from xmart.processes.selection import CsoRange

    task = window.processes.run_assign(assign.AssignParams(range=CsoRange.by_number(100_001, 100_000 + CSOS)), window)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible() or task.done, timeout=30_000)
    if task.done:
        pytest.skip("the run finished before the progress dialog appeared")
    assert task.dialog.windowModality() == Qt.WindowModality.WindowModal
    cancel_button = next(b for b in task.dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    wait_task(qtbot, task, timeout=60_000)
    assert isinstance(task.error, Cancelled)
    assert _sale_orders(big_ctx.engine) == 0
