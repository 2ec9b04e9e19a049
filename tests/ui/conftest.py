"""UI test fixtures: an SQLite database with a small data set, an isolated QSettings, the app context."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from tests.support.documents import TEST_CARD
from xmart.models.db import UnitOfWork, make_engine
from xmart.models.migrate import upgrade
from xmart.processes.importer import import_document

TODAY = dt.date(2026, 11, 21)


def small_document() -> dict:
    """Three locations, three items, two customers, three open CSOs (1001-1003), one pending SO."""
    address = {
        "line1": "1 Main St",
        "line2": "",
        "city": "Albany",
        "region": "NY",
        "postal_code": "12207",
        "country": "US",
    }
    return {
        "locations": [
            {"code": "MAIN", "name": "Main warehouse", "kind": "warehouse", "active": True},
            {"code": "S01", "name": "Downtown", "kind": "store", "active": True},
            {"code": "S02", "name": "Uptown", "kind": "store", "active": True},
        ],
        "vendors": [{"code": "V1", "name": "Acme Supply"}],
        "items": [
            {"sku": "A100", "description": "Blue mug", "price": "19.99", "cost": "8.00", "vendor": "V1"},
            {"sku": "B200", "description": "Red bowl", "price": "9.50", "cost": "4.00", "vendor": "V1"},
            {"sku": "C300", "description": "Tea towel", "price": "5.00", "cost": "2.00", "vendor": "V1"},
        ],
        "stock": [
            {"location": "S01", "sku": "A100", "on_hand": 10, "minimum": 2, "maximum": 20},
            {"location": "S02", "sku": "A100", "on_hand": 4, "minimum": 1, "maximum": 10},
            {"location": "S02", "sku": "B200", "on_hand": 6, "minimum": 0, "maximum": 10},
        ],
        "customers": [
            {
                "number": "C001",
                "name": "Ada Lovelace",
                "company": "Analytical Ltd",
                "billing_address": address,
                "shipping_address": address,
            },
            {
                "number": "C002",
                "name": "Grace Hopper",
                "company": "Navy",
                "billing_address": address,
                "shipping_address": address,
            },
        ],
        "salesmen": [{"code": "JS", "name": "Jo Smith", "commission_rate": "2.50"}],
        "corporate_sale_orders": [
            {
                "number": 1001,
                "date": "2026-11-02",
                "status": "open",
                "billing_customer": "C001",
                "shipping_customer": "C001",
                "salesman": "JS",
                "lines": [{"sku": "A100", "qty": 5, "price": "19.99"}, {"sku": "C300", "qty": 2, "price": "5.00"}],
                "payments": [
                    {
                        "type": "card",
                        "amount": "50.00",
                        "card": {"brand": "VISA", "number": TEST_CARD, "expiry": "12/28"},
                    }
                ],
            },
            {
                "number": 1002,
                "date": "2026-11-05",
                "status": "open",
                "billing_customer": "C002",
                "shipping_customer": "C002",
                "salesman": "JS",
                "lines": [{"sku": "B200", "qty": 3, "price": "9.50"}],
            },
            {
                "number": 1003,
                "date": "2026-11-10",
                "status": "open",
                "billing_customer": "C002",
                "shipping_customer": "C002",
                "salesman": "JS",
                "lines": [{"sku": "A100", "qty": 2, "price": "19.99"}],
            },
        ],
        "sale_orders": [
            {
                "number": 4001,
                "location": "S01",
                "date": "2026-10-01",
                "status": "open",
                "lines": [{"sku": "A100", "qty": 3, "sold": 1, "price": "19.99"}],
            }
        ],
    }


@pytest.fixture
def ui_engine(tmp_path):
    """A migrated, empty SQLite database."""
    engine = make_engine(f"sqlite:///{tmp_path / 'ui.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def data_engine(ui_engine):
    """The database with `small_document()` loaded."""
    with UnitOfWork(ui_engine) as uow:
        import_document(uow, small_document())
    return ui_engine


@pytest.fixture
def settings(tmp_path):
    """A QSettings file of the test's own."""
    return QSettings(str(tmp_path / "xmart-ui.ini"), QSettings.Format.IniFormat)


def _context(engine, settings, qtbot):
    from xmart.ui.context import make_context

    ctx = make_context(engine, settings)
    ctx.today = lambda: TODAY  # type: ignore[method-assign]
    yield ctx
    ctx.tasks.wait_for_all()


@pytest.fixture
def ctx(data_engine, settings, qtbot):
    """An app context on the small data set (today pinned to 2026-11-21)."""
    yield from _context(data_engine, settings, qtbot)


@pytest.fixture
def empty_ctx(ui_engine, settings, qtbot):
    """An app context on an empty database."""
    yield from _context(ui_engine, settings, qtbot)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """Windows a test left open with unsaved work close at teardown answering Discard, never hanging
    (and a sign-in dialog left open answers its "Quit xmart?" with Yes).

    pytest-qt closes every widget a test registered (the main window closes its editor windows) before
    fixtures are torn down; an editor with unsaved work then asks Save / Discard / Cancel in a modal
    loop (xmart.ui.unsaved). Tests of that question answer it themselves; this only ends the run's
    leftovers. Runs outside pytest-qt's own teardown (conftest hook wrappers wrap the plugin's).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    timer = None
    if QApplication.instance() is not None:

        def discard() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox) and box.objectName() == "unsavedBox":
                box.button(QMessageBox.StandardButton.Discard).click()
            elif isinstance(box, QMessageBox) and box.windowTitle() == "Quit xmart":  # a sign-in dialog left open
                box.button(QMessageBox.StandardButton.Yes).click()

        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(discard)
        timer.start()
    try:
        yield
    finally:
        if timer is not None:
            timer.stop()
