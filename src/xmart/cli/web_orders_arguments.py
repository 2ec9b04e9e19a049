"""The command line of web store orders (INTERFACE.md, DOMAIN.md section 10): `web-orders ...`.

Standard library only (the whole command line is declared before any command module is imported);
`xmart.cli.main.build_parser` calls `add_web_orders_commands`.
"""

from __future__ import annotations

import argparse
from typing import Any

from xmart.cli.arguments import code

WEB_ORDERS_HANDLERS = {"web-orders": "web_orders"}
"""Command name -> handler module in xmart.cli."""
WEB_SKU_MAX_LENGTH = 64


def web_sku(value: str) -> str:
    """An argparse type for a web store SKU: printable, 1 to WEB_SKU_MAX_LENGTH characters."""
    text = value.strip()
    if not text or len(text) > WEB_SKU_MAX_LENGTH or not text.isprintable():
        raise argparse.ArgumentTypeError(f"not a web SKU of 1 to {WEB_SKU_MAX_LENGTH} characters: {value[:40]!r}")
    return text


def add_web_orders_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `web-orders import|retry|map|held` to the subparsers `sub` (argparse's `_SubParsersAction`)."""
    web = sub.add_parser("web-orders", help="web store orders into corporate sale orders (DOMAIN.md section 10)")
    web_sub = web.add_subparsers(dest="web_command", required=True, parser_class=parser_class)
    imp = web_sub.add_parser("import", help="import Shopify or WooCommerce orders (JSON files or folders)")
    imp.add_argument("paths", nargs="+", metavar="PATH", help="a JSON file of orders, or a folder of them")
    imp.add_argument("--source", required=True, choices=["shopify", "woocommerce"])
    imp.add_argument("--json", action="store_true", help="print the report as one JSON document")
    retry = web_sub.add_parser("retry", help="take the held orders again (after adding items or mapping SKUs)")
    retry.add_argument("--json", action="store_true")
    mapping = web_sub.add_parser("map", help="let a web store SKU stand for an xmart item")
    mapping.add_argument("web_sku", type=web_sku, metavar="SKU", help="the SKU as the web store has it")
    mapping.add_argument("item_sku", type=code, metavar="ITEM", help="the xmart item's SKU")
    held = web_sub.add_parser("held", help="list the orders held for review, with the reason")
    held.add_argument("--json", action="store_true")
