"""Screenshots of the main window and every dialog, for checking the look by eye.

Run under a virtual display (or offscreen):
    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb PYTHONPATH=src python scripts/screenshots.py
Writes PNG files to out/screenshots/. Uses a throwaway SQLite database filled with the demo data
(or, where the demo is not installed, the small INTERFACE.md example).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from xmart.models.db import UnitOfWork, make_engine  # noqa: E402
from xmart.models.migrate import upgrade  # noqa: E402

OUT = ROOT / "out" / "screenshots"


def pump(app: QApplication, seconds: float = 0.2) -> None:
    """Process events for a while (layouts settle, windows map)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shot(app: QApplication, widget: QWidget, name: str) -> None:
    """Save `widget` (a top-level window) as out/screenshots/NAME.png."""
    pump(app)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def fill(engine) -> None:
    """Demo data if available, else the small example."""
    try:
        from xmart.processes.demo import load_demo

        load_demo(engine)
        return
    except ModuleNotFoundError:
        pass
    from tests.ui.conftest import small_document
    from xmart.processes.importer import import_document

    with UnitOfWork(engine) as uow:
        import_document(uow, small_document())


def wait(app: QApplication, task) -> None:
    """Wait for a task runner task."""
    while not task.done:
        pump(app, 0.05)


def order_entry_shots(app: QApplication, window, ctx, cso_number: int) -> None:
    """CSO actions, order entry screens, settings dialogs and reports (20-39)."""
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy.orm import Session

    from xmart.models.db import UnitOfWork
    from xmart.processes import order_settings
    from xmart.processes.fulfilment import cso_fulfilment
    from xmart.processes.mailer import load_smtp_settings
    from xmart.ui.cso_actions import cancel_question
    from xmart.ui.dialogs.customer_dialog import CustomerDialog
    from xmart.ui.dialogs.order_settings_dialog import OrderSettingsDialog
    from xmart.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog

    browser = window.open_browser("cso")
    browser.select_number(cso_number)
    shot(app, window, "20-cso-browser-row-actions")
    view = window.open_document("cso", cso_number)
    if view:
        shot(app, view, "21-cso-view-status-buttons")
        with Session(ctx.engine) as session:
            question = cancel_question(cso_fulfilment(session, cso_number))
        box = QMessageBox(
            QMessageBox.Icon.Question, "Cancel Order", question or "", QMessageBox.StandardButton.NoButton, view
        )
        box.addButton("&Cancel Order", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("&Keep Order", QMessageBox.ButtonRole.RejectRole)
        box.show()
        shot(app, box, "22-cso-cancel-confirmation")
        box.close()
        view.close()

    manager = window.orders.customers()
    manager.ui.searchEdit.setText("a")
    pump(app, 0.4)
    shot(app, window, "23-customer-manager")
    rows = manager.model.rows
    if rows:
        om = window.orders.new_order(rows[0].id)
        if om is not None:
            entry_demo(ctx, om.sections)
            for i, name in enumerate(("setup", "items", "payment", "shipping")):
                om.ui.tabs.setCurrentIndex(i)
                shot(app, om, f"{24 + i}-order-manager-{name}")
            om.close()
    soi = window.orders.sales_order_interface()
    if rows:
        soi.choose(rows[0])
        entry_demo(ctx, soi.sections)
    shot(app, soi, "28-sales-order-interface")
    soi.close()
    window.orders.outbox()
    shot(app, window, "29-outbox")
    window.orders.commission()
    shot(app, window, "30-commission")
    dialog = CustomerDialog(window)
    dialog.show()
    shot(app, dialog, "31-customer-dialog")
    dialog.close()
    with UnitOfWork(ctx.engine) as uow:
        smtp = load_smtp_settings(uow.session)
        listings = {
            "channels": order_settings.list_channels(uow.session),
            "salesmen": order_settings.list_salesmen(uow.session),
            "fields": order_settings.list_custom_fields(uow.session),
        }
    smtp_dialog = SmtpSettingsDialog(window, smtp)
    smtp_dialog.show()
    shot(app, smtp_dialog, "32-email-settings")
    smtp_dialog.close()
    for i, (kind, rows_) in enumerate(listings.items()):
        settings_dialog = OrderSettingsDialog(window, kind, rows_)
        settings_dialog.show()
        shot(app, settings_dialog, f"{33 + i}-settings-{kind}")
        settings_dialog.close()


def entry_demo(ctx, sections) -> None:
    """Two lines, a cash deposit and a shipping method typed into an order's sections."""
    from xmart.processes.order_entry import other_payment

    items = sections.items
    for text in ("a", "b"):
        found = sections.find_items(text)
        if found:
            items.ui.skuEdit.setText(found[0].sku)
            items.ui.qtyEdit.setText("2")
            items.add_line()
    sections.payment.set_value((other_payment("cash", "20.00"),))
    sections.shipping.ui.methodCombo.setCurrentText("UPS Ground")
    sections.shipping.ui.costEdit.setText("7.50")
    combo = sections.setup.ui.salesmanCombo
    if combo.count() > 1:
        combo.setCurrentIndex(1)
    sections.show_totals()


def main() -> int:
    """Take every screenshot."""
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="xmart-shots-"))
    import os

    os.environ["XMART_DATA_DIR"] = str(tmp)
    from xmart.ui.app import application, make_context
    from xmart.ui.first_run import FirstRunDialog
    from xmart.ui.main_window import MainWindow
    from xmart.ui.process_actions import active_locations
    from xmart.ui.widgets.range_box import BY_DATE, BY_NUMBER

    app = application()
    empty = make_engine(f"sqlite:///{tmp / 'empty.db'}")
    upgrade(empty)
    first = FirstRunDialog(
        None, make_context(empty, QSettings(str(tmp / "a.ini"), QSettings.Format.IniFormat)).database_label
    )
    first.show()
    shot(app, first, "01-first-run")
    first.close()

    engine = make_engine(f"sqlite:///{tmp / 'demo.db'}")
    upgrade(engine)
    fill(engine)
    ctx = make_context(engine, QSettings(str(tmp / "b.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ctx)
    window.resize(1200, 720)
    window.show()
    window.first_run_check()
    shot(app, window, "02-main-window-cso-browser")
    window.open_browser("so")
    shot(app, window, "03-main-window-so-browser")
    window.open_browser("po")
    shot(app, window, "04-main-window-po-browser")
    window.open_browser("cso")

    today = ctx.today()
    from xmart.ui.dialogs.assign_dialog import AssignDialog

    preview = window.processes.run_assign
    dialog = AssignDialog(window, by=BY_DATE, locations=active_locations(ctx), today=today, preview=preview)
    dialog.show()
    shot(app, dialog, "05-assign-by-date")
    dialog.ui.rangeBox.ui.firstDate.set_value(today)
    dialog.ui.rangeBox.ui.lastDate.setText("2000-02-30")
    dialog.ui.storeSelector.ui.noneButton.click()
    shot(app, dialog, "06-assign-refused")
    dialog.close()
    dialog = AssignDialog(window, by=BY_NUMBER, locations=active_locations(ctx), today=today, preview=preview)
    dialog.show()
    dialog.ui.rangeBox.ui.firstNumber.setText("1")
    dialog.ui.rangeBox.ui.lastNumber.setText("999999")
    shot(app, dialog, "07-assign-by-number")
    dialog.ui.storeSelector.ui.searchEdit.setText("S0")
    shot(app, dialog, "08-assign-store-search")
    params = dialog.params(dry_run=True)
    task = window.processes.run_assign(params, dialog)
    wait(app, task)
    shot(app, window.processes.last_summary, "09-assign-preview")
    window.processes.last_summary.close()
    dialog.close()
    task = window.processes.run_assign(dialog.params(), window)
    wait(app, task)
    summary = window.processes.last_summary
    shot(app, summary, "10-assign-result")
    summary.ui.documentTree.setCurrentItem(summary.ui.documentTree.topLevelItem(0))
    summary.open_selected()
    from xmart.ui.document_view import DocumentView

    views = [w for w in window.findChildren(DocumentView) if w.isVisible()]
    if views:
        shot(app, views[-1], "11-sale-order-view")
        views[-1].close()
    summary.close()

    from xmart.ui.dialogs.purchase_order_dialog import PurchaseOrderDialog

    po_preview = window.processes.run_purchase_orders
    po_dialog = PurchaseOrderDialog(window, by=BY_DATE, today=today, preview=po_preview)
    po_dialog.show()
    shot(app, po_dialog, "12-purchase-orders-by-date")
    po_dialog.ui.cancelEdit.set_value(today)
    shot(app, po_dialog, "13-purchase-orders-refused")
    po_dialog.close()
    po_dialog = PurchaseOrderDialog(window, by=BY_NUMBER, today=today, preview=po_preview)
    po_dialog.ui.rangeBox.ui.firstNumber.setText("1")
    po_dialog.ui.rangeBox.ui.lastNumber.setText("999999")
    po_dialog.show()
    shot(app, po_dialog, "14-purchase-orders-by-number")
    task = window.processes.run_purchase_orders(po_dialog.params(), window)
    po_dialog.close()
    wait(app, task)
    summary = window.processes.last_summary
    shot(app, summary, "15-purchase-orders-result")
    if summary.content.documents:
        view = window.open_document("po", summary.content.documents[0].number)
        if view:
            shot(app, view, "16-purchase-order-view")
            view.close()
    summary.close()

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from xmart.models import CorporateSaleOrder

    with Session(engine) as session:
        number = session.scalar(
            select(CorporateSaleOrder.number).where(CorporateSaleOrder.status == "partially assigned").limit(1)
        ) or session.scalar(select(CorporateSaleOrder.number).limit(1))
    view = window.open_document("cso", number)
    if view:
        shot(app, view, "17-corporate-sale-order-view")
        view.close()

    def slow(progress, cancelled):
        for i in range(100):
            if cancelled():
                break
            progress(i, 100, f"Corporate sale order {1000 + i}")
            time.sleep(0.02)

    task = ctx.tasks.start("Assigning corporate sale orders", slow, parent=window)
    pump(app, 0.9)
    if task.dialog is not None:
        shot(app, task.dialog, "18-progress")
    wait(app, task)
    window.refresh_browsers()
    shot(app, window, "19-main-window-after-runs")
    order_entry_shots(app, window, ctx, number)
    window.close()
    ctx.tasks.wait_for_all()
    print(f"screenshots in {OUT} (as of {dt.datetime.now():%H:%M})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
