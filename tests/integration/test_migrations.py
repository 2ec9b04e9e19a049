"""Migrations: upgrade from an empty database, models and migrations agree (`alembic check`)."""

from sqlalchemy import inspect, select

from xmart.models import Base, Channel
from xmart.models.db import UnitOfWork, make_engine
from xmart.models.migrate import current_revision, head_revision, schema_differences, upgrade


def test_upgrade_head_from_empty_creates_every_table(empty_db_url):
    engine = make_engine(empty_db_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_models_match_migrations_alembic_check(empty_db_url):
    engine = make_engine(empty_db_url)
    upgrade(engine)
    assert schema_differences(engine) == []
    engine.dispose()


def test_upgrade_is_idempotent_and_seeds_default_channels(engine):
    upgrade(engine)
    upgrade(engine)
    with UnitOfWork(engine) as uow:
        names = set(uow.session.scalars(select(Channel.name)))
    assert {"POS", "Website", "Sales Order Interface", "Phone"} <= names


def test_downgrade_to_base_and_back(empty_db_url):
    engine = make_engine(empty_db_url)
    upgrade(engine)
    from alembic import command

    from xmart.models.migrate import alembic_config

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert not set(Base.metadata.tables) & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert schema_differences(engine) == []
    engine.dispose()


def test_sqlite_pragmas(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("secure_delete") == 1
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000
    engine.dispose()


def test_head_constant_is_alembics_head():
    from xmart.models.migrate import HEAD_REVISION

    assert HEAD_REVISION == head_revision()


def _so_rows_at_0002(connection) -> None:
    """A location, an item and three sale orders with lines, as a 0002 database holds them."""
    connection.exec_driver_sql(
        "INSERT INTO locations (id, code, name, kind, active) VALUES (1, 'S01', 'Store 1', 'store', TRUE)"
    )
    connection.exec_driver_sql(
        "INSERT INTO items (id, sku, description, price, cost) VALUES (1, 'A100', 'Widget', 10.05, 5.00)"
    )
    for so_id, discount, deposit in ((1, "10.00", "9.04"), (2, "0.00", "0.00"), (3, "12.50", "1.00")):
        connection.exec_driver_sql(
            "INSERT INTO sale_orders (id, number, location_id, date, status, global_discount, note, deposit) "
            f"VALUES ({so_id}, {5000 + so_id}, 1, '2026-11-21', 'open', {discount}, '', {deposit})"
        )
    lines = ((1, 1, 1, "10.05", "0.00"), (2, 1, 3, "19.99", "0.00"), (2, 2, 1, "0.05", "50.00"))
    lines += ((3, 1, 7, "3.33", "15.00"),)
    for so_id, line_no, qty, price, discount in lines:
        connection.exec_driver_sql(
            "INSERT INTO sale_order_lines (so_id, line_no, item_id, qty, sold, price, discount) "
            f"VALUES ({so_id}, {line_no}, 1, {qty}, 0, {price}, {discount})"
        )


def test_upgrade_from_0002_gives_existing_sale_orders_their_own_total_and_downgrades(empty_db_url):
    """0003 adds sale_orders.total (DOMAIN.md section 4): existing SOs get their own order total (section 2)."""
    from decimal import Decimal

    from alembic import command

    from xmart.models.migrate import alembic_config
    from xmart.processes.money import order_totals

    engine = make_engine(empty_db_url)
    upgrade(engine, "0002")
    with engine.begin() as connection:
        _so_rows_at_0002(connection)
    upgrade(engine)
    assert current_revision(engine) == head_revision() and schema_differences(engine) == []
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT number, total FROM sale_orders").all()
    totals = {n: Decimal(str(t)).quantize(Decimal("0.01")) for n, t in rows}  # SQLite hands back a float
    assert totals == {
        5001: order_totals(
            [(1, Decimal("10.05"), Decimal(0))], Decimal(10)
        ).total,  # 9.04: 10.05 less 1.01 (1.005 rounded half up)
        5002: order_totals([(3, Decimal("19.99"), Decimal(0)), (1, Decimal("0.05"), Decimal(50))], Decimal(0)).total,
        5003: order_totals([(7, Decimal("3.33"), Decimal(15))], Decimal("12.5")).total,
    }
    assert totals[5002] == Decimal("60.00")  # 59.97 + 0.03 (0.025 rounded half up)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
    assert "total" not in {c["name"] for c in inspect(engine).get_columns("sale_orders")}
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM sale_orders").scalar() == 3
    upgrade(engine)
    assert schema_differences(engine) == []
    engine.dispose()
