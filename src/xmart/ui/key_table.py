"""The keyboard shortcuts made with QShortcut (not menu actions), in one table that both creates them
and lists them under Help › Keyboard Shortcuts (F1), so that the list cannot drift from the windows.

Each entry: a name the window uses, where the key works, what it does (in the clerk's words), and
its keys (several when more than one key does the same, e.g. Ctrl+Return and Ctrl+Enter).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

SOI = "Sales Order Interface"
MANAGER = "Order Manager"
CUSTOMERS = "Customers"
ORDER_ENTRY = "Order entry (Items)"

KEYS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "soi.find": (SOI, "Find a customer", ("Ctrl+F",)),
    "soi.new_customer": (SOI, "New customer", ("Ctrl+N",)),
    "soi.setup": (SOI, "Go to Setup", ("Ctrl+1",)),
    "soi.items": (SOI, "Go to Items", ("Ctrl+2",)),
    "soi.payment": (SOI, "Go to Payment", ("Ctrl+3",)),
    "soi.shipping": (SOI, "Go to Shipping", ("Ctrl+4",)),
    "soi.complete": (SOI, "Complete Order", ("Ctrl+Return", "Ctrl+Enter")),
    "soi.close": (SOI, "Close", ("Ctrl+W", "Esc")),
    "manager.setup": (MANAGER, "Setup tab", ("Ctrl+1",)),
    "manager.items": (MANAGER, "Items tab", ("Ctrl+2",)),
    "manager.payment": (MANAGER, "Payment tab", ("Ctrl+3",)),
    "manager.shipping": (MANAGER, "Shipping tab", ("Ctrl+4",)),
    "manager.save": (MANAGER, "Save", ("Ctrl+S",)),
    "manager.complete": (MANAGER, "Complete Order", ("Ctrl+Return", "Ctrl+Enter")),
    "manager.close": (MANAGER, "Close", ("Ctrl+W", "Esc")),
    "customers.new": (CUSTOMERS, "New customer", ("Ctrl+N",)),
    "customers.order": (CUSTOMERS, "New order for the selected customer", ("Ctrl+O",)),
    "customers.find": (CUSTOMERS, "Search", ("Ctrl+F",)),
    "entry.remove": (ORDER_ENTRY, "Remove the selected line (in the lines table)", ("Delete",)),
    "entry.availability": (ORDER_ENTRY, "Item availability by location (DOMAIN.md section 4)", ("F4",)),
}


def make_shortcuts(
    widget: QWidget,
    name: str,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> list[QShortcut]:
    """The QShortcuts of table entry `name` (a key of KEYS; KeyError otherwise) on `widget`, calling
    `slot`, in `context` (window-wide unless told)."""
    made = []
    for keys in KEYS[name][2]:
        shortcut = QShortcut(QKeySequence(keys), widget, slot)
        shortcut.setContext(context)
        made.append(shortcut)
    return made


def key_entries() -> list[tuple[str, str, str]]:
    """(where, command, keys) for every entry, keys as the platform names them ("Del"), joined with " or "
    (for the F1 list)."""
    native = QKeySequence.SequenceFormat.NativeText
    return [
        (where, command, " or ".join(QKeySequence(k).toString(native) for k in keys))
        for where, command, keys in KEYS.values()
    ]
