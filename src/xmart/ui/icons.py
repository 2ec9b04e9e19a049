"""The client's icons: one set for every action, and the application icon.

Every action's icon comes from one family, Material Design Icons 6 (`mdi6.*`), drawn by qtawesome
from the icon font it ships: one line weight and one grid, drawn in the palette's text colour (and its
disabled colour), so the icons follow a light or a dark desktop theme. No mix of Qt's standard pixmaps
(which differ per style and platform) with other sets. `ACTION_ICONS` maps an action's object name to
its icon; tests/ui/test_icons.py checks that every menu, toolbar and browser action has one and that
all of them are of the one family.

The application icon is xmart's own (resources/icons/xmart.svg and its PNGs in the freedesktop sizes,
rendered by scripts/render_icons.py), read through `importlib.resources`.
"""

from __future__ import annotations

import os
from importlib import resources

os.environ.setdefault("QT_API", "pyside6")  # qtawesome draws through QtPy: use the binding xmart ships

import qtawesome  # noqa: E402 - after QT_API
from PySide6.QtGui import QIcon, QPixmap  # noqa: E402

FAMILY = "mdi6"
"""The one icon family of the client (Material Design Icons 6, in qtawesome)."""

ACTION_ICONS: dict[str, str] = {
    # Security
    "signOut": "logout",
    "lockScreen": "lock",
    "changePassword": "form-textbox-password",
    # Transactions
    "customers": "account-group",
    "corporateSaleOrder": "file-document-edit",
    "salesOrderInterface": "monitor-dashboard",
    "outbox": "email-arrow-right",
    "importDocument": "file-import",
    "quit": "exit-run",
    # Documents
    "browseCso": "clipboard-list",
    "browseSo": "receipt-text",
    "browsePo": "truck-delivery",
    "browseItems": "package-variant",
    "refresh": "refresh",
    # Processes
    "assignByDate": "calendar-arrow-right",
    "assignByNumber": "order-numeric-ascending",
    "poByDate": "cart-plus",
    "poByNumber": "cart-arrow-right",
    # Reports
    "fulfilment": "chart-bar",
    "saleOrdersReport": "chart-box-outline",
    "commission": "cash-multiple",
    # Settings
    "companySettings": "domain",
    "printer": "printer",
    "smtpSettings": "email-edit",
    "channels": "tag-multiple",
    "salesmen": "account-tie",
    "customFields": "form-textbox",
    "usersRoles": "account-key",
    "auditLog": "shield-search",
    "demoData": "database-plus",
    "storeSync": "sync",
    "webOrders": "web",
    # Help
    "keyboardShortcuts": "keyboard",
    "userGuide": "book-open-variant",
    "about": "information",
    # a document browser's row actions (buttons and context menu)
    "openAction": "file-eye",
    "editCso": "pencil",
    "holdCso": "pause-circle",
    "releaseCso": "play-circle",
    "cancelCso": "cancel",
    "receivePo": "truck-check",
    "cancelPo": "cancel",
    "invoiceSo": "receipt-text-check",
    "cancelSo": "cancel",
    # widgets
    "calendar": "calendar-month",
}
"""Action object name -> icon name within FAMILY."""

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""The PNG sizes of the application icon (resources/icons/hicolor/NxN/apps/xmart.png)."""


def icon(name: str) -> QIcon:
    """The icon of the action (or widget) `name`, from `ACTION_ICONS`; needs a QApplication.

    Raises KeyError for a name without an icon (add it to `ACTION_ICONS`)."""
    return qtawesome.icon(f"{FAMILY}.{ACTION_ICONS[name]}")


def has_icon(name: str) -> bool:
    """True when the action `name` has an icon in the set."""
    return name in ACTION_ICONS


def app_icon() -> QIcon:
    """xmart's application icon (window title bars, task bar, About): the PNGs of every freedesktop size."""
    folder = resources.files("xmart.resources").joinpath("icons")
    result = QIcon()
    for size in APP_ICON_SIZES:
        pixmap = QPixmap()
        pixmap.loadFromData(folder.joinpath(f"hicolor/{size}x{size}/apps/xmart.png").read_bytes(), "PNG")
        result.addPixmap(pixmap)
    return result


NO_BUTTON_ICONS = "QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }"
"""The application's style sheet rule that keeps the platform style's own icons (a tick on OK, a cross on
Cancel...) off dialog buttons: they are of another family than the client's icons (`application()`)."""
