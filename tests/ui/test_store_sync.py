"""Processes › Store Sync and store mode in the client (DOMAIN.md section 6; issue 14), typed and clicked.

The Main and three stores, each its own SQLite database, exchange packages with the back end (or with
the window's own Export / Import buttons); the client then shows the Main's view of its stores, a
conflict, a resend typed as a date, the export folder asked once; and a store's window that hides the
Main's processes and invoices a received SO by typing the quantity.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QToolButton
from sqlalchemy import func, select

from tests.support.db import load
from tests.support.security import cheap_argon2
from tests.support.sync import STORES, deliver, network_document, store_document
from tests.ui.conftest import TODAY
from tests.ui.helpers import click, skip_first_run_setup, wait_task, when_modal
from xmart.models import Item, Location, SaleOrder, SaleOrderLine, Stock
from xmart.models.db import UnitOfWork, make_engine
from xmart.processes.assign import AssignParams, assign_orders
from xmart.processes.invoicing import invoice
from xmart.processes.order_status import cancel_sale_order
from xmart.processes.security import users
from xmart.processes.selection import CsoRange
from xmart.processes.sync.export import export_packages
from xmart.processes.sync.folders import packages_in
from xmart.processes.sync.importing import import_packages
from xmart.processes.sync.keys import make_store_key, setup_store
from xmart.processes.sync.status import sync_status
from xmart.ui.dialogs.quantities_dialog import NOW_COLUMN, QuantitiesDialog

PASSWORD = "correct horse battery"


class Network:
    """The Main and stores S01-S03 on their own SQLite databases: keyed, set up, the CSOs assigned."""

    def __init__(self, tmp_path: Path, template: Path):
        self.tmp = tmp_path
        self.rounds = 0
        self.main = self._database("main")
        document = network_document()
        load(self.main, document)
        self.stores = {}
        for code in STORES:
            key = tmp_path / f"{code}.key"
            with UnitOfWork(self.main) as uow:
                make_store_key(uow, code, key)
            engine = self.stores[code] = self._database(code, template)
            with UnitOfWork(engine) as uow:
                setup_store(uow, code, key)
            load(engine, store_document(document, code))
        with UnitOfWork(self.main) as uow:
            result = assign_orders(AssignParams(range=CsoRange.by_number(1001, 1004), today=TODAY), uow)
        self.sale_orders = list(result.sale_orders)
        assert {so.store for so in self.sale_orders} == set(STORES)

    def _database(self, name: str, template: Path | None = None):
        path = self.tmp / f"{name}.db"
        shutil.copy(template or self.template, path)
        return make_engine(f"sqlite:///{path}")

    def of(self, store: str):
        """The sale orders assign made for `store`."""
        return [so for so in self.sale_orders if so.store == store]

    def export(self, engine) -> Path:
        """Export at `engine` into a new folder; returns it."""
        self.rounds += 1
        out = self.tmp / f"out-{self.rounds}"
        with UnitOfWork(engine) as uow:
            export_packages(uow, out)
        return out

    def main_to_stores(self) -> dict[str, Path]:
        """Export at the Main and deliver each package to its store's inbox (not applied); the inboxes."""
        inboxes = {code: self.tmp / f"inbox-{code}-{self.rounds}" for code in STORES}
        deliver(self.export(self.main), inboxes)
        return inboxes

    def apply(self, engine, folder: Path) -> None:
        """Import every package of `folder` at `engine`; none refused."""
        with UnitOfWork(engine) as uow:
            assert import_packages(uow, folder).count("refused") == 0

    def stores_to_main(self) -> None:
        """Export at each store and apply at the Main."""
        inbox = self.tmp / f"main-in-{self.rounds}"
        for engine in self.stores.values():
            deliver(self.export(engine), {"@main": inbox})
        self.apply(self.main, inbox)

    def close(self) -> None:
        for engine in (self.main, *self.stores.values()):
            engine.dispose()


@pytest.fixture
def network(tmp_path, sqlite_template):
    Network.template = sqlite_template  # type: ignore[attr-defined]
    net = Network(tmp_path, sqlite_template)
    yield net
    net.close()


def _window(engine, settings, qtbot):
    from xmart.ui.context import make_context
    from xmart.ui.main_window import MainWindow

    ctx = make_context(engine, settings)
    ctx.today = lambda: TODAY  # type: ignore[method-assign]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _click_cell(qtbot, table, row: int, column: int = 0) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _on_hand(engine, code: str, sku: str) -> int | None:
    with UnitOfWork(engine) as uow:
        return uow.session.scalar(
            select(Stock.on_hand)
            .join(Location, Location.id == Stock.location_id)
            .join(Item, Item.id == Stock.item_id)
            .where(Location.code == code, Item.sku == sku)
        )


def test_the_main_lists_its_three_stores_a_conflict_and_records_a_typed_resend(network, settings, qtbot):
    for code, inbox in network.main_to_stores().items():
        network.apply(network.stores[code], inbox)
    cancelled = network.of("S02")[0]
    with UnitOfWork(network.main) as uow:
        cancel_sale_order(uow, cancelled.number)  # at the Main, before S02 heard of it
    with UnitOfWork(network.stores["S02"]) as uow:
        invoice(uow, cancelled.number, cancelled.lines[0].sku, 1, today=TODAY)  # S02 sold meanwhile
    sold = network.of("S01")[0]
    with UnitOfWork(network.stores["S01"]) as uow:
        invoice(uow, sold.number, sold.lines[0].sku, 1, today=TODAY)
    network.stores_to_main()

    window = _window(network.main, settings, qtbot)
    assert window.windowTitle() == "xmart Main" and not window.store_label.isVisible()
    assert window.actions_by_name["storeSync"].isVisible()
    window.actions_by_name["storeSync"].trigger()
    view = window.tabs.currentWidget()
    assert view.objectName() == "storeSync"
    peers = view.peers
    assert [peers.row(i).peer for i in range(peers.rowCount())] == list(STORES)
    shown = [[peers.data(peers.index(r, c)) for c in range(peers.columnCount())] for r in range(peers.rowCount())]
    for row in shown:
        assert row[1].startswith("#1, ") and row[2].startswith("#1, ")  # last in, last out
        assert row[3] == "none"  # each store acknowledged the Main's package
        assert row[6] != "none yet"  # the store's stock report
    assert [row[5] for row in shown] == ["0", "1", "0"]  # conflicts
    assert "3 synchronized stores, 1 open conflict" in view.ui.roleLabel.text()
    conflicts = view.conflicts
    assert conflicts.rowCount() == 1
    conflict = [conflicts.data(conflicts.index(0, c)) for c in range(conflicts.columnCount())]
    assert conflict[:3] == ["S02", "cancelled", str(cancelled.number)] and conflict[5] == "1"
    assert "cancelled at the Main" in conflict[7]
    assert view.ui.detailTabs.tabText(0) == "&Conflicts (1)"

    # resend: a date that does not exist is refused beside the field, nothing recorded
    _click_cell(qtbot, view.ui.peersTable, 1)
    assert view.selected_peer() == "S02"
    qtbot.mouseClick(view.ui.resendDate, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.ui.resendDate, "2026-02-30")
    click(qtbot, view.ui.resendButton)
    assert view.ui.resendError.isVisible() and "not a date" in view.ui.resendError.text()
    with UnitOfWork(network.main) as uow:
        assert all(p.resend_from is None for p in sync_status(uow).peers)
    qtbot.keyClick(view.ui.resendDate, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.ui.resendDate, "2026-11-01")
    qtbot.keyClick(view.ui.resendDate, Qt.Key.Key_Return)  # Enter asks too
    assert not view.ui.resendError.isVisible()
    with UnitOfWork(network.main) as uow:
        asked = {p.peer: p.resend_from for p in sync_status(uow).peers}
    assert asked == {"S01": None, "S02": dt.date(2026, 11, 1), "S03": None}
    assert "Asked S02 to send again everything from 2026-11-01" in view.ui.resultLabel.text()
    assert view.selected_peer() == "S02"  # the selection survives the refresh
    assert peers.data(peers.index(1, 7)) == "2026-11-01"


def test_the_export_folder_is_asked_once_and_remembered_and_results_are_shown(network, settings, qtbot, tmp_path):
    window = _window(network.main, settings, qtbot)
    view = window.store_sync()
    folder = tmp_path / "to-stores"
    folder.mkdir()
    asked: list[str] = []

    def ask(parent, caption, start):
        asked.append(caption)
        return str(folder)

    view.ask_folder = ask
    click(qtbot, view.ui.exportButton)
    wait_task(qtbot, view.last_task)
    assert asked == ["Export Packages To"]
    assert [p.name for p in packages_in(folder)] == [f"@main_to_{code}_00000001.xsync" for code in STORES]
    text = view.ui.resultLabel.text()
    assert text.startswith(f"Wrote 3 packages to {folder}:") and "S01 #1: " in text and "sale order" in text
    assert settings.value("sync/export_folder") == str(folder)
    assert str(folder) in view.ui.folderLabel.text()
    click(qtbot, view.ui.exportButton)  # the second time: no question, the next packages
    wait_task(qtbot, view.last_task)
    assert asked == ["Export Packages To"] and len(packages_in(folder)) == 6
    assert "S03 #2" in view.ui.resultLabel.text()
    peers = view.peers
    assert [peers.data(peers.index(r, 3)) for r in range(3)] == ["2 not acknowledged"] * 3

    # Import Packages… of a folder holding a damaged package: refused with its reason, listed
    inbox = tmp_path / "from-stores"
    inbox.mkdir()
    (inbox / "S01_to_@main_00000001.xsync").write_text('{"format": "xmart-sync", "vers', encoding="utf-8")
    view.ask_folder = lambda parent, caption, start: str(inbox)
    click(qtbot, view.ui.importButton)
    wait_task(qtbot, view.last_task)
    text = view.ui.resultLabel.text()
    assert "0 packages applied, 0 already applied before, 1 refused" in text
    assert "Refused S01_to_@main_00000001.xsync: " in text
    assert view.refused.rowCount() == 1 and view.ui.detailTabs.tabText(1) == "Refused Pac&kages (1)"
    assert settings.value("sync/import_folder") == str(inbox)


def test_a_store_window_hides_the_mains_processes_and_invoices_a_received_so_by_typing(network, settings, qtbot):
    from xmart.ui.main_window import MAIN_ONLY

    inbox = network.main_to_stores()["S01"]
    store = network.stores["S01"]
    window = _window(store, settings, qtbot)
    assert window.windowTitle() == "xmart Store S01"
    assert window.store_label.isVisible() and window.store_label.text() == "<b>Store S01</b>"
    for name in MAIN_ONLY:
        assert not window.actions_by_name[name].isVisible(), name
    for name in ("browseSo", "storeSync", "refresh", "importDocument"):
        assert window.actions_by_name[name].isVisible(), name
    assert window.actions_by_name["browseSo"].text() == "&Sale Orders Received"
    menus = {a.text().replace("&", ""): a.isVisible() for a in window.menuBar().actions()}
    assert menus["Processes"] and menus["Transactions"]
    processes = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Processes")
    assert [a.objectName() for a in processes.actions() if a.isVisible()] == ["storeSync"]
    shown = {alias.text() for alias, _source in window.toolbar_aliases if alias.isVisible()}
    assert shown == {"Sale Orders", "Purchase Orders", "Store Sync"}
    assert window.start_list == "so"

    # the Main's packages come in through the Store Sync window
    view = window.store_sync()
    assert "store S01's" in view.ui.roleLabel.text()
    assert [view.peers.row(i).peer for i in range(view.peers.rowCount())] == ["@main"]
    assert view.peers.data(view.peers.index(0, 0)) == "The Main"
    browser = window.open_browser("so")
    assert browser.model.rowCount() == 0
    window.tabs.setCurrentWidget(view)
    view.ask_folder = lambda parent, caption, start: str(inbox)
    click(qtbot, view.ui.importButton)
    wait_task(qtbot, view.last_task)
    received = network.of("S01")
    assert f"Received {len(received)} sale order" in view.ui.resultLabel.text()
    assert browser.model.rowCount() == len(received)  # the lists were read again

    # invoice the first received SO: 1 unit of its first line, typed
    so = received[0]
    sku = so.lines[0].sku
    before = _on_hand(store, "S01", sku)
    window.tabs.setCurrentWidget(browser)
    row = next(i for i in range(browser.model.rowCount()) if browser.model.row(i).number == so.number)
    _click_cell(qtbot, browser.ui.tableView, row, 1)

    def type_quantities(dialog: QuantitiesDialog) -> None:
        table = dialog.ui.linesTable
        for line in range(table.rowCount()):
            rect = table.visualRect(table.model().index(line, NOW_COLUMN))
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.keyClick(table, Qt.Key.Key_F2)
            editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
            qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            typed = "1" if line == 0 else "0"
            qtbot.keyClicks(editor, typed)
            qtbot.keyClick(editor, Qt.Key.Key_Return)
            cell = table.item(line, NOW_COLUMN)
            qtbot.waitUntil(lambda cell=cell, t=typed: cell.text() == t)
        click(qtbot, dialog.ok_button)

    when_modal(type_quantities, QuantitiesDialog)
    click(qtbot, browser.findChild(QToolButton, "invoiceSoButton"))
    wait_task(qtbot, window.operations.last_task)
    assert _on_hand(store, "S01", sku) == before - 1  # the store's own stock
    with UnitOfWork(store) as uow:
        sold = uow.session.scalar(
            select(func.sum(SaleOrderLine.sold)).join(SaleOrder).where(SaleOrder.number == so.number)
        )
    assert sold == 1
    assert f"on SO {so.number} at S01" in window.statusBar().currentMessage()

    # Export Packages… at the store: the invoice reaches the Main
    out = network.tmp / "store-out"
    out.mkdir()
    window.tabs.setCurrentWidget(view)
    view.ask_folder = lambda parent, caption, start: str(out)
    click(qtbot, view.ui.exportButton)
    wait_task(qtbot, view.last_task)
    assert "the Main #1: 1 invoice" in view.ui.resultLabel.text()
    network.apply(network.main, out)
    with UnitOfWork(network.main) as uow:
        at_main = uow.session.scalar(
            select(func.sum(SaleOrderLine.sold)).join(SaleOrder).where(SaleOrder.number == so.number)
        )
    assert at_main == 1 and _on_hand(network.main, "S01", sku) == before - 1


def test_without_the_sync_permission_store_sync_is_hidden_and_a_refusal_is_one_message(
    network, settings, qtbot, monkeypatch
):
    cheap_argon2(monkeypatch)
    with UnitOfWork(network.main) as uow:
        users.add_user(uow, "ada", PASSWORD, "administrator")
    users.sign_in(network.main, "ada", PASSWORD)
    with UnitOfWork(network.main) as uow:
        users.add_user(uow, "carl", PASSWORD, "clerk")
    users.sign_out(network.main)
    window = _window(network.main, settings, qtbot)
    window.ctx.session.sign_in("carl", PASSWORD)
    assert not window.actions_by_name["storeSync"].isVisible()
    view = window.store_sync()  # reached anyway: the process layer refuses, said plainly
    texts = [box.text() for box in view.findChildren(QMessageBox)]
    assert texts == [
        "You (carl) may not synchronize with the stores: ask an administrator for the 'sync' permission. "
        "Nothing was changed."
    ]
    assert view.peers.rowCount() == 0
    window.ctx.session.sign_out()
    window.ctx.session.sign_in("ada", PASSWORD)
    assert window.actions_by_name["storeSync"].isVisible()
    assert window.store_sync().peers.rowCount() == 3


def test_first_run_sets_up_a_store_from_its_code_and_key_file_typed(empty_ctx, qtbot, tmp_path, monkeypatch):
    import os

    from xmart.processes.sync.keys import key_file_text
    from xmart.ui.dialogs.store_setup_dialog import StoreSetupDialog
    from xmart.ui.first_run import FirstRunDialog
    from xmart.ui.main_window import MainWindow

    key = tmp_path / "S01.key"
    key.write_bytes(key_file_text("S01", os.urandom(32)))
    key.chmod(0o600)
    window = MainWindow(empty_ctx)
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []

    def first(dialog: FirstRunDialog) -> None:
        click(qtbot, dialog.ui.storeButton)

    def setup(dialog: StoreSetupDialog) -> None:
        qtbot.keyClicks(dialog.ui.codeEdit, "S02")  # the wrong store for this key
        qtbot.keyClicks(dialog.ui.keyEdit, str(key))
        click(qtbot, dialog.ok_button)
        seen.append(dialog.ui.errorLabel.text())
        qtbot.mouseClick(dialog.ui.codeEdit, Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog.ui.codeEdit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.ui.codeEdit, "S01")
        click(qtbot, dialog.ok_button)

    skip_first_run_setup(qtbot, monkeypatch)  # company, printer and first administrator come first
    when_modal(first, FirstRunDialog)
    when_modal(setup, StoreSetupDialog)
    window.first_run_check()
    assert seen == [f"Key file {key} is store S01's key, not S02's."]
    assert window.store == "S01" and window.windowTitle() == "xmart Store S01"
    assert not window.actions_by_name["assignByDate"].isVisible()
    view = window.tabs.currentWidget()
    assert view.objectName() == "storeSync" and [p.peer for p in view.peers.rows] == ["@main"]
    assert "now store S01's" in window.statusBar().currentMessage()
