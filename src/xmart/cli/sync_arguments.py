"""The command line of store sync (INTERFACE.md): `sync ...`, `store setup`, `stock set`.

Standard library only (the whole command line is declared before any command module is imported);
`xmart.cli.main.build_parser` calls `add_sync_commands`.
"""

from __future__ import annotations

import argparse
from typing import Any

from xmart.cli.arguments import INTEGER_MAX, code, iso_date, whole_number

SYNC_HANDLERS = {"sync": "sync", "store": "store", "stock": "stock"}
"""Command name -> handler module in xmart.cli."""


def add_sync_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `sync`, `store` and `stock` to the subparsers `sub` (argparse's `_SubParsersAction`);
    `parser_class` makes the nested subparsers (one-line errors, exit 2)."""
    sync = sub.add_parser("sync", help="store sync packages (DOMAIN.md section 6)")
    sync_sub = sync.add_subparsers(dest="sync_command", required=True, parser_class=parser_class)
    keygen = sync_sub.add_parser("keygen", help="at the Main: make a store's key file (the store becomes synchronized)")
    keygen.add_argument("--store", type=code, required=True, metavar="CODE")
    keygen.add_argument("--out", required=True, metavar="FILE", help="the key file to create (mode 0600)")
    keygen.add_argument("--replace", action="store_true", help="replace the store's key (the old one stops working)")
    export = sync_sub.add_parser("export", help="write the next package for each peer into a folder")
    export.add_argument("--to", required=True, metavar="DIR", dest="folder")
    export.add_argument(
        "--store", action="append", type=code, default=[], metavar="CODE", help="only this store (repeatable)"
    )
    export.add_argument("--json", action="store_true")
    imp = sync_sub.add_parser("import", help="verify and apply every package in a folder")
    imp.add_argument("--from", required=True, metavar="DIR", dest="folder")
    imp.add_argument("--json", action="store_true")
    status = sync_sub.add_parser("status", help="per peer: last package in and out, waiting, refused, conflicts")
    status.add_argument("--json", action="store_true")
    resend = sync_sub.add_parser("resend", help="ask a store (or, at a store, the Main) to send again from a date")
    resend.add_argument("--store", type=code, metavar="CODE", help="the store to ask (at a store: none, the Main)")
    resend.add_argument("--from", type=iso_date, required=True, metavar="DATE", dest="date")

    store = sub.add_parser("store", help="store mode")
    store_sub = store.add_subparsers(dest="store_command", required=True, parser_class=parser_class)
    setup = store_sub.add_parser("setup", help="make this database the store CODE's own")
    setup.add_argument("code", type=code, metavar="CODE")
    setup.add_argument("--key", required=True, metavar="FILE", help="the key file made at the Main")

    stock = sub.add_parser("stock", help="stock counts")
    stock_sub = stock.add_subparsers(dest="stock_command", required=True, parser_class=parser_class)
    count = stock_sub.add_parser("set", help="set the on-hand level of a SKU to what was counted")
    count.add_argument("sku", type=code, metavar="SKU")
    count.add_argument("qty", type=whole_number(0, INTEGER_MAX), metavar="QTY")
    count.add_argument("--location", type=code, metavar="CODE", help="the location (at a store: its own)")
