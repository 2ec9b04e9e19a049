"""Transactions › Web Orders (DOMAIN.md section 10): files imported from the window, a watched folder, the
last runs, the review list with the reason per held order, a SKU mapped by typing and the held order retried."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from tests.support.web_orders import FIXTURES, catalogue, raw, write
from tests.ui.helpers import click, type_over, wait_task
from xmart.processes.importer import import_document
from xmart.processes.unit_of_work import UnitOfWork
from xmart.processes.web_orders.importing import held_orders


def _open(ctx, qtbot):
    from xmart.ui.main_window import MainWindow

    with UnitOfWork(ctx.engine) as uow:
        doc = catalogue()
        doc["customers"] = []
        import_document(uow, doc)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.actions_by_name["webOrders"].trigger()
    view = window.tabs.currentWidget()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Web Orders"
    return window, view


def _pick_source(qtbot, view, text):
    combo = view.ui.sourceCombo
    combo.setFocus()
    qtbot.keyClicks(combo, text[:3])  # a combo box is chosen by typing, as a user does
    assert combo.currentText() == text


def _cells(model, column):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_held_order_is_listed_with_its_reason_then_mapped_and_retried(ctx, qtbot, tmp_path):
    window, view = _open(ctx, qtbot)
    order = raw("woocommerce_order.json")
    order["line_items"][1]["sku"] = "WEB-BOWL"
    path = write(tmp_path / "woo.json", order)
    _pick_source(qtbot, view, "WooCommerce")
    view.ask_files = lambda parent, folder: [str(path), str(FIXTURES / "woocommerce_orders.json")]
    click(qtbot, view.ui.importButton)
    wait_task(qtbot, view.last_task)
    assert view.held_model.rowCount() == 1
    assert _cells(view.held_model, 1) == ["#727"]
    assert "unknown SKU WEB-BOWL" in _cells(view.held_model, 5)[0]
    assert "Held #727: unknown SKU WEB-BOWL" in view.ui.runView.toPlainText()
    assert "2 imported" in view.ui.runView.toPlainText()
    assert view.runs_model.rowCount() == 1 and _cells(view.runs_model, 4) == ["2"]  # imported
    # the reviewer types the mapping and retries
    type_over(qtbot, view.ui.webSkuEdit, "WEB-BOWL")
    type_over(qtbot, view.ui.itemSkuEdit, "BOWL-RED")
    click(qtbot, view.ui.mapButton)
    assert "now stands for item BOWL-RED" in view.ui.runView.toPlainText()
    click(qtbot, view.ui.retryButton)
    wait_task(qtbot, view.last_task)
    assert view.held_model.rowCount() == 0
    assert "Imported #727: corporate sale order" in view.ui.runView.toPlainText()
    assert view.runs_model.rowCount() == 2 and _cells(view.runs_model, 1)[0] == "retry"
    with UnitOfWork(ctx.engine) as uow:
        assert held_orders(uow.session) == []


def test_mapping_an_unknown_item_says_so_and_keeps_the_order_held(ctx, qtbot, tmp_path, monkeypatch):
    window, view = _open(ctx, qtbot)
    order = raw("shopify_orders.json")["orders"][1]
    order["line_items"][0]["sku"] = "WEB-TOWEL"
    view.ask_files = lambda parent, folder: [str(write(tmp_path / "s.json", order))]
    click(qtbot, view.ui.importButton)
    wait_task(qtbot, view.last_task)
    errors = []
    monkeypatch.setattr("xmart.ui.web_orders.show_error", lambda parent, exc: errors.append(str(exc)))
    type_over(qtbot, view.ui.webSkuEdit, "WEB-TOWEL")
    type_over(qtbot, view.ui.itemSkuEdit, "NO-SUCH")
    click(qtbot, view.ui.mapButton)
    assert errors and "no item with SKU" in errors[0]
    assert view.held_model.rowCount() == 1


def test_a_watched_folder_imports_files_as_they_land(ctx, qtbot, tmp_path):
    window, view = _open(ctx, qtbot)
    folder = tmp_path / "export"
    folder.mkdir()
    view.ask_folder = lambda parent, start: str(folder)
    click(qtbot, view.ui.watchButton)
    assert "Watching" in view.ui.watchLabel.text() and view.ui.stopWatchButton.isEnabled()
    shutil.copy(FIXTURES / "shopify_orders.json", folder / "orders-1.json")
    qtbot.waitUntil(lambda: view.runs_model.rowCount() == 1, timeout=15_000)
    assert _cells(view.runs_model, 4) == ["2"]  # imported
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    qtbot.waitUntil(lambda: "not valid JSON" in view.ui.runView.toPlainText(), timeout=15_000)
    assert view.runs_model.rowCount() == 1  # the bad file refused, nothing written, still watching
    assert view.watched is not None
    click(qtbot, view.ui.stopWatchButton)
    assert view.ui.watchLabel.text() == "No folder watched."


def test_the_window_is_reached_by_keyboard(ctx, qtbot):
    window, view = _open(ctx, qtbot)
    assert window.actions_by_name["webOrders"].text() == "&Web Orders"
    view.ui.webSkuEdit.setFocus()
    qtbot.keyClick(view.ui.webSkuEdit, Qt.Key.Key_Tab)
    assert view.ui.itemSkuEdit.hasFocus() or view.focusWidget() is not view.ui.webSkuEdit
