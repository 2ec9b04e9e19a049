"""What a new user met with real keys on a small screen (issue 11 try-out): the field a shortcut jumps to
is in view, Enter presses a focused button, the SKU list choice then Tab lands in Qty."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt

from tests.ui.test_totals_layout import TITLE_BAR, main, order_ctx  # noqa: F401 - fixtures

__all__ = ["main", "order_ctx"]


def _in_view(area, widget) -> bool:
    top_left = widget.mapTo(area.viewport(), widget.rect().topLeft())
    return area.viewport().rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("keys", ["Ctrl+4", "Ctrl+3", "Ctrl+2", "Ctrl+1"])
def test_ctrl_number_at_1024x600_scrolls_the_section_into_view(main, qtbot, keys):  # noqa: F811
    soi = main.orders.sales_order_interface()
    qtbot.waitExposed(soi)
    frame = soi.frameGeometry().size() - soi.size()
    soi.resize(QSize(1024 - frame.width(), 600 - TITLE_BAR - frame.height()))
    qtbot.wait(50)
    area = soi.ui.scrollArea
    targets = {
        "Ctrl+1": soi.ui.setupSection.ui.channelCombo,
        "Ctrl+2": soi.ui.itemsSection.ui.skuEdit,
        "Ctrl+3": soi.ui.paymentSection.ui.kindCombo,
        "Ctrl+4": soi.ui.shippingSection.ui.methodCombo,
    }
    target = targets[keys]
    soi.activateWindow()
    qtbot.waitUntil(soi.isActiveWindow)
    # from the far end of the form, so that the target is out of view before the jump
    other = targets["Ctrl+1" if keys in ("Ctrl+4", "Ctrl+3") else "Ctrl+4"]
    area.verticalScrollBar().setValue(0 if other is targets["Ctrl+1"] else area.verticalScrollBar().maximum())
    assert area.verticalScrollBar().maximum() > 0  # the sections scroll at this size
    digit = keys.partition("+")[2]
    qtbot.keyClick(soi.focusWidget() or soi, getattr(Qt.Key, f"Key_{digit}"), Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(target.hasFocus)
    qtbot.wait(20)
    assert _in_view(area, target), keys
