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

from PySide6.QtCore import QDate, QSettings
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
    first = FirstRunDialog(None, make_context(empty, QSettings(str(tmp / "a.ini"), QSettings.Format.IniFormat)).database_label)
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
    dialog.ui.rangeBox.ui.firstDate.setDate(QDate(today.year, today.month, today.day))
    dialog.ui.rangeBox.ui.lastDate.setDate(QDate(2000, 1, 1))
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
    po_dialog.ui.cancelEdit.setDate(QDate(today.year, today.month, today.day))
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
        number = session.scalar(select(CorporateSaleOrder.number).where(
            CorporateSaleOrder.status == "partially assigned").limit(1)) or session.scalar(
            select(CorporateSaleOrder.number).limit(1))
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
    window.close()
    ctx.tasks.wait_for_all()
    print(f"screenshots in {OUT} (as of {dt.datetime.now():%H:%M})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
