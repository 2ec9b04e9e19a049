"""Store sync rules (DOMAIN.md section 6): conflicts kept, all-or-nothing under SIGKILL, keys, store mode.

The Main runs on SQLite and PostgreSQL (`db_url` / `engine`); stores on SQLite files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.support.db import load, snapshot
from tests.support.security import without_audit
from tests.support.sync import network_document, store_document
from xmart.errors import InputError
from xmart.models import Invoice, Location, SaleOrder, SaleOrderLine, Stock, SyncConflict
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.assign import AssignParams, assign_orders
from xmart.processes.fulfilment import cso_fulfilment
from xmart.processes.importer import import_document
from xmart.processes.invoicing import invoice
from xmart.processes.order_status import cancel_sale_order
from xmart.processes.purchase_orders import PurchaseOrderParams, generate_purchase_orders
from xmart.processes.selection import CsoRange
from xmart.processes.stock_count import set_on_hand
from xmart.processes.store_management import is_managed_at_main
from xmart.processes.sync.export import export_packages
from xmart.processes.sync.folders import packages_in
from xmart.processes.sync.importing import PAUSE_HOOK, import_packages
from xmart.processes.sync.keys import make_store_key, read_key_file, setup_store
from xmart.processes.sync.package_format import Package, encode
from xmart.processes.sync.status import resend, sync_status

TODAY = dt.date(2026, 11, 21)
SRC = Path(__file__).resolve().parents[2] / "src"


class Network:
    """The Main (`engine`) and store S01 on its own SQLite database, keyed and set up, SOs assigned."""

    def __init__(self, main, tmp_path: Path, sqlite_template: Path):
        import shutil

        self.main, self.tmp = main, tmp_path
        document = network_document(("S01",))
        load(main, document)
        self.key = tmp_path / "S01.key"
        with UnitOfWork(main) as uow:
            make_store_key(uow, "S01", self.key)
        shutil.copy(sqlite_template, tmp_path / "store.db")
        self.store = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
        with UnitOfWork(self.store) as uow:
            setup_store(uow, "S01", self.key)
        load(self.store, store_document(document, "S01"))
        with UnitOfWork(main) as uow:
            result = assign_orders(AssignParams(range=CsoRange.by_number(1001, 1004), today=TODAY), uow)
        self.sale_orders = [so for so in result.sale_orders if so.store == "S01"]
        self.rounds = 0

    def to_store(self) -> None:
        """Export at the Main, import at the store."""
        self._move(self.main, self.store, "main")

    def to_main(self, apply: bool = True) -> Path:
        """Export at the store; import at the Main unless `apply` is off (returns the Main's inbox)."""
        return self._move(self.store, self.main if apply else None, "store")

    def _move(self, source, target, name: str) -> Path:
        self.rounds += 1
        out = self.tmp / f"{name}-{self.rounds}"
        with UnitOfWork(source) as uow:
            export_packages(uow, out)
        if target is not None:
            with UnitOfWork(target) as uow:
                result = import_packages(uow, out)
            assert result.count("refused") == 0, result.outcomes
        return out

    def close(self) -> None:
        self.store.dispose()


@pytest.fixture
def network(engine, tmp_path, sqlite_template):
    net = Network(engine, tmp_path, sqlite_template)
    yield net
    net.close()


def test_a_store_invoice_for_an_so_cancelled_at_the_main_meanwhile_is_kept_and_shown_as_a_conflict(network):
    network.to_store()
    so = network.sale_orders[0]
    line = so.lines[0]
    with UnitOfWork(network.main) as uow:
        cancel_sale_order(uow, so.number)  # the Main cancels: it has heard of no sale yet
    with UnitOfWork(network.store) as uow:
        invoice(uow, so.number, line.sku, 1, today=TODAY)  # the store sold before it heard
    network.to_main()

    with UnitOfWork(network.main) as uow:
        order = uow.session.scalar(select(SaleOrder).where(SaleOrder.number == so.number))
        assert order.status == "cancelled"
        assert sum(ln.sold for ln in order.lines) == 1
        first_line = order.lines[0].id
        kept = uow.session.scalar(select(Invoice).where(Invoice.store_invoice.is_not(None)))
        assert kept is not None and [ln.qty for ln in kept.lines] == [1]
        figures = cso_fulfilment(uow.session, so.corporate_order)
    cso_line = next(ln for ln in figures.lines if ln.sku == line.sku)
    assert (cso_line.assigned, cso_line.sold) == (1, 1)  # the sale counts; only unsold units were cancelled
    assert cso_line.by_store["S01"] == (1, 1)
    with UnitOfWork(network.main) as uow:
        status = sync_status(uow)
    conflicts = status.peers[0].conflicts
    assert [(c.kind, c.so_number, c.sku, c.qty) for c in conflicts] == [("cancelled", so.number, line.sku, 1)]
    assert "cancelled at the Main" in conflicts[0].detail
    network.to_main()  # the next package carries the invoice again until acknowledged: nothing doubles
    with UnitOfWork(network.main) as uow:
        assert uow.session.scalar(select(SaleOrderLine.sold).where(SaleOrderLine.id == first_line)) == 1
        assert len(list(uow.session.scalars(select(SyncConflict)))) == 1


def test_a_sale_beyond_what_the_line_has_left_is_taken_up_to_qty_and_the_rest_is_a_conflict(network):
    so = network.sale_orders[0]
    line = so.lines[0]
    store, key = read_key_file(network.key)
    sequence = 0
    content = {
        "acknowledged": 0,
        "resend_from": None,
        "invoices": [
            {
                "id": 7,
                "date": "2026-11-21",
                "lines": [{"so": so.number, "line": 1, "sku": line.sku, "qty": line.qty + 2, "amount": "1.00"}],
            }
        ],
        "stock": [],
    }
    inbox = network.tmp / "forged"
    inbox.mkdir()
    package = Package(store, "@main", sequence + 1, dt.datetime(2026, 11, 21, tzinfo=dt.UTC), content)
    (inbox / "S01_to_@main_00000001.xsync").write_bytes(encode(package, key))
    with UnitOfWork(network.main) as uow:
        assert import_packages(uow, inbox).count("applied") == 1
    with UnitOfWork(network.main) as uow:
        sold = uow.session.scalar(
            select(SaleOrderLine.sold)
            .join(SaleOrder, SaleOrder.id == SaleOrderLine.so_id)
            .where(SaleOrder.number == so.number, SaleOrderLine.line_no == 1)
        )
        conflict = uow.session.execute(select(SyncConflict.kind, SyncConflict.qty, SyncConflict.store_invoice)).one()
    assert sold == line.qty
    assert tuple(conflict) == ("oversold", 2, 7)


def test_an_older_stock_report_never_overwrites_a_newer_one(network):
    with UnitOfWork(network.store) as uow:
        set_on_hand(uow, "A100", 11)
    first = network.to_main(apply=False)
    with UnitOfWork(network.store) as uow:
        set_on_hand(uow, "A100", 5)
    second = network.to_main(apply=False)
    for folder in (second, first):  # the newer package arrives first
        with UnitOfWork(network.main) as uow:
            assert import_packages(uow, folder).count("applied") == 1
    with UnitOfWork(network.main) as uow:
        on_hand = uow.session.scalar(
            select(Stock.on_hand)
            .join(Location, Location.id == Stock.location_id)
            .where(Location.code == "S01", Stock.item_id == 1)
        )
    assert on_hand == 5


def test_a_cancellation_that_arrives_before_its_so_is_remembered(network):
    _store, key = read_key_file(network.key)
    so = network.sale_orders[0]
    out = network.tmp / "early"
    with UnitOfWork(network.main) as uow:
        export_packages(uow, out)  # package 1: the SO
    cancellation = Package(
        "@main",
        "S01",
        2,
        dt.datetime(2026, 11, 22, tzinfo=dt.UTC),
        {"acknowledged": 0, "resend_from": None, "items": [], "sale_orders": [], "cancellations": [so.number]},
    )
    late = network.tmp / "first"
    late.mkdir()
    (late / "@main_to_S01_00000002.xsync").write_bytes(encode(cancellation, key))
    for folder in (late, out):
        with UnitOfWork(network.store) as uow:
            import_packages(uow, folder)
    with UnitOfWork(network.store) as uow:
        assert uow.session.scalar(select(SaleOrder.status).where(SaleOrder.number == so.number)) == "cancelled"


def test_store_mode_refuses_the_mains_processes_and_a_main_refuses_a_synchronized_stores_invoice(network):
    with UnitOfWork(network.store) as uow:
        with pytest.raises(InputError, match="Assign runs at the Main"):
            assign_orders(AssignParams(range=CsoRange.by_number(1, 9), today=TODAY), uow)
    with UnitOfWork(network.store) as uow:
        with pytest.raises(InputError, match="Purchase Orders runs at the Main"):
            generate_purchase_orders(
                PurchaseOrderParams(range=CsoRange.by_number(1, 9), delivery=TODAY, cancel=TODAY), uow
            )
    with UnitOfWork(network.store) as uow:
        with pytest.raises(InputError, match="importing corporate sale orders"):
            import_document(uow, {"corporate_sale_orders": network_document(("S01",))["corporate_sale_orders"]})
    so = network.sale_orders[0]
    with UnitOfWork(network.main) as uow:
        assert not is_managed_at_main(uow.session, "S01") and is_managed_at_main(uow.session, "MAIN")
    with UnitOfWork(network.main) as uow:
        with pytest.raises(InputError, match="synchronized store: its invoices come from the store"):
            invoice(uow, so.number, so.lines[0].sku, 1, today=TODAY)
    with UnitOfWork(network.main) as uow:
        with pytest.raises(InputError, match="its on-hand levels come from the store"):
            set_on_hand(uow, "A100", 3, "S01")


def test_keys_are_never_overwritten_and_a_key_file_others_can_read_is_refused(network, tmp_path):
    with UnitOfWork(network.main) as uow:
        with pytest.raises(InputError, match="already exists"):
            make_store_key(uow, "S01", network.key)
    with UnitOfWork(network.main) as uow:
        with pytest.raises(InputError, match="already has a sync key"):
            make_store_key(uow, "S01", tmp_path / "again.key")
    assert not (tmp_path / "again.key").exists()
    os.chmod(network.key, 0o644)
    with pytest.raises(InputError, match="other users can read it"):
        read_key_file(network.key)
    os.chmod(network.key, 0o600)
    network.key.write_text("{not json")
    with pytest.raises(InputError, match="not an xmart store key file"):
        read_key_file(network.key)


def test_a_resend_request_brings_everything_from_the_date_again(network):
    network.to_store()
    so = network.sale_orders[0]
    with UnitOfWork(network.store) as uow:
        invoice(uow, so.number, so.lines[0].sku, 1, today=TODAY)
    network.to_main()
    network.to_store()  # the Main acknowledges the store's package
    with UnitOfWork(network.main) as uow:
        resend(uow, "S01", TODAY)
    network.to_store()  # carries the request
    out = network.to_main(apply=False)
    document = json.loads(packages_in(out)[0].read_bytes())
    assert [inv["date"] for inv in document["content"]["invoices"]] == ["2026-11-21"]  # sent again
    assert document["content"]["stock"]  # every level again
    before = snapshot(network.main)
    with UnitOfWork(network.main) as uow:
        import_packages(uow, out)
    after = snapshot(network.main)
    assert after["invoices"] == before["invoices"] and after["invoice_lines"] == before["invoice_lines"]


def test_sigkill_while_applying_leaves_nothing_and_a_second_import_finishes_it(network, db_url):
    network.to_store()
    so = network.sale_orders[0]
    with UnitOfWork(network.store) as uow:
        invoice(uow, so.number, so.lines[0].sku, 1, today=TODAY)
    inbox = network.to_main(apply=False)
    network.main.dispose()
    before = snapshot(network.main)
    env = dict(os.environ, PYTHONPATH=str(SRC), **{PAUSE_HOOK: "60"})
    process = subprocess.Popen(
        [sys.executable, "-m", "xmart", "--db", db_url, "sync", "import", "--from", str(inbox)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stderr.readline()
        assert PAUSE_HOOK in line, line
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    network.main.dispose()
    assert snapshot(network.main) == before  # nothing of the package
    assert len(packages_in(inbox)) == 1  # still there for the next import
    with UnitOfWork(network.main) as uow:
        result = import_packages(uow, inbox)
    assert result.count("applied") == 1
    with UnitOfWork(network.main) as uow:
        assert uow.session.scalar(select(Invoice.store_invoice)) == 1


def test_a_user_without_the_sync_permission_is_refused_and_nothing_is_written(network, tmp_path):
    from xmart.errors import PermissionDenied
    from xmart.models import User
    from xmart.models.actor import Actor, sign_in_engine
    from xmart.processes.security.crypto import hash_password, new_user_keys

    keys = new_user_keys("clara", "a long password 1")
    with UnitOfWork(network.main) as uow:
        user = User(
            name="clara",
            role="clerk",
            password_hash=hash_password("a long password 1"),
            key_salt=keys.salt,
            public_key=keys.public,
            wrapped_private_key=keys.wrapped_private,
        )
        uow.session.add(user)
        uow.commit()
        actor = Actor(user.id, "clara", "clerk")
    before = snapshot(network.main)
    sign_in_engine(network.main, actor)
    try:
        with UnitOfWork(network.main) as uow:
            with pytest.raises(PermissionDenied, match="synchronize with the stores"):
                export_packages(uow, tmp_path / "out")
        with UnitOfWork(network.main) as uow:
            with pytest.raises(PermissionDenied):
                import_packages(uow, tmp_path)
    finally:
        sign_in_engine(network.main, None)
    after = snapshot(network.main)
    assert without_audit(after) == without_audit(before)
    assert len(after["audit_log"]) == len(before["audit_log"]) + 2  # the two denials
    assert not (tmp_path / "out").exists() or not packages_in(tmp_path / "out")
