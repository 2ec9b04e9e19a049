"""Which permission each client action needs (DOMAIN.md section 9): the client hides what the user
may not do; the processes check again and refuse (their message is shown plainly).

`MENU` maps main-window action names, `CSO` the corporate sale order actions (`cso_actions`),
`OPERATIONS` the sale / purchase order actions (`operations`). An action not listed is open to
anyone signed in (browsing, reports, help).
"""

from __future__ import annotations

MENU: dict[str, str] = {
    "customers": "order.enter",
    "corporateSaleOrder": "order.enter",
    "salesOrderInterface": "order.enter",
    "outbox": "order.enter",
    "importDocument": "import",
    "webOrders": "import",
    "assignByDate": "process.assign",
    "assignByNumber": "process.assign",
    "poByDate": "process.purchase_orders",
    "poByNumber": "process.purchase_orders",
    "storeSync": "sync",
    "companySettings": "settings",
    "smtpSettings": "settings",
    "channels": "settings",
    "salesmen": "settings",
    "customFields": "settings",
    "demoData": "import",
    "printer": "documents.print",
    "usersRoles": "users.admin",
    "auditLog": "audit.read",
}

CSO: dict[str, str] = {"edit": "order.enter", "hold": "order.hold", "release": "order.hold", "cancel": "order.cancel"}

OPERATIONS: dict[tuple[str, str], str] = {
    ("po", "receive"): "po.receive",
    ("po", "cancel"): "order.cancel",
    ("so", "invoice"): "so.invoice",
    ("so", "cancel"): "order.cancel",
}

PRINT = "documents.print"
