"""The client's error box and log for an unexpected database error carry no SQL, statement values or
customer data (DOMAIN.md section 9): only what went wrong, in plain words."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from xmart.ui.errors import show_error

CUSTOMER = "Émile Zola-Unique"


def test_a_database_error_box_shows_no_sql_values_or_customer_data(qtbot, caplog):
    engine = create_engine("sqlite://")
    with engine.connect() as connection, pytest.raises(OperationalError) as caught:
        connection.execute(text("INSERT INTO missing_table (name) VALUES (:name)"), {"name": CUSTOMER})
    engine.dispose()
    with caplog.at_level(logging.ERROR):
        box = show_error(None, caught.value)
    shown = box.text() + box.detailedText()
    box.close()
    assert "Something went wrong" in shown
    for needle in ("INSERT", "missing_table", CUSTOMER, "Zola", "[SQL"):
        assert needle not in shown
        assert needle not in caplog.text
