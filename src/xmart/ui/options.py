"""Last-used options of the process dialogs, remembered in QSettings (dates as ISO text).

The range is remembered per kind (by date / by number); PO delivery and cancel dates are
remembered as days from today, so that next week's defaults are still in the future.
The dialogs open with DOMAIN.md's defaults; these options are only offered ("Use last run's options").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSettings

from xmart.processes.selection import CsoRange
from xmart.ui.qt_settings import setting_value
from xmart.ui.widgets.range_box import BY_DATE


def _date(settings: QSettings, key: str) -> dt.date | None:
    text = setting_value(settings, key, "")
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _int(settings: QSettings, key: str) -> int | None:
    text = setting_value(settings, key, "")
    return int(text) if text.isdigit() else None


def load_range(settings: QSettings, group: str, by: str) -> CsoRange | None:
    """The range last used by `group` ("assign" or "purchase_orders") for `by`."""
    if by == BY_DATE:
        first, last = _date(settings, f"{group}/date_first"), _date(settings, f"{group}/date_last")
        return CsoRange.by_date(first, last) if first and last else None
    first_n, last_n = _int(settings, f"{group}/number_first"), _int(settings, f"{group}/number_last")
    return CsoRange.by_number(first_n, last_n) if first_n is not None and last_n is not None else None


def save_range(settings: QSettings, group: str, rng: CsoRange) -> None:
    """Remember a range for `group`."""
    if rng.is_by_date:
        settings.setValue(f"{group}/date_first", rng.date_from.isoformat())  # type: ignore[union-attr]
        settings.setValue(f"{group}/date_last", rng.date_to.isoformat())  # type: ignore[union-attr]
    else:
        settings.setValue(f"{group}/number_first", str(rng.number_from))
        settings.setValue(f"{group}/number_last", str(rng.number_to))


def load_last_assign_options(settings: QSettings, by: str, today: dt.date) -> Any:
    """AssignParams of the last assign run (its range for `by`, else the last 30 days); None before any run."""
    from xmart.processes.assign import AssignParams

    if not settings.contains("assign/print"):
        return None

    rng = load_range(settings, "assign", by) or (
        CsoRange.by_date(today - dt.timedelta(days=30), today) if by == BY_DATE else CsoRange(number_from=None)
    )
    stores = tuple(code for code in setting_value(settings, "assign/stores", "").split(",") if code)
    return AssignParams(
        range=rng,
        stores=stores,
        consider_pending=setting_value(settings, "assign/consider_pending", True),
        exclude_before=_date(settings, "assign/exclude_before") or dt.date(1969, 12, 31),
        print_documents=setting_value(settings, "assign/print", False),
    )


def save_assign_options(settings: QSettings, params: Any) -> None:
    """Remember the options of an assign run."""
    save_range(settings, "assign", params.range)
    settings.setValue("assign/stores", ",".join(params.stores))
    settings.setValue("assign/consider_pending", params.consider_pending)
    settings.setValue("assign/exclude_before", params.exclude_before.isoformat())
    settings.setValue("assign/print", params.print_documents)


def load_last_purchase_order_options(settings: QSettings, by: str, today: dt.date) -> Any:
    """PurchaseOrderParams of the last purchase orders run (dates as the same days from `today`); None before any."""
    from xmart.processes.purchase_orders import PurchaseOrderParams

    if not settings.contains("purchase_orders/print"):
        return None

    rng = load_range(settings, "purchase_orders", by) or (
        CsoRange.by_date(today - dt.timedelta(days=30), today) if by == BY_DATE else CsoRange(number_from=None)
    )
    delivery_days = setting_value(settings, "purchase_orders/delivery_days", 14)
    cancel_days = setting_value(settings, "purchase_orders/cancel_days", 44)
    return PurchaseOrderParams(
        range=rng,
        delivery=today + dt.timedelta(days=delivery_days),
        cancel=today + dt.timedelta(days=max(cancel_days, delivery_days)),
        print_documents=setting_value(settings, "purchase_orders/print", False),
    )


def save_purchase_order_options(settings: QSettings, params: Any, today: dt.date) -> None:
    """Remember the options of a purchase orders run."""
    save_range(settings, "purchase_orders", params.range)
    settings.setValue("purchase_orders/delivery_days", (params.delivery - today).days)
    settings.setValue("purchase_orders/cancel_days", (params.cancel - today).days)
    settings.setValue("purchase_orders/print", params.print_documents)
