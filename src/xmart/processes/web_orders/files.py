"""Files and folders into web orders, and the card-data scan of every text (DOMAIN.md sections 3, 10).

A file holds one order (an object, or Shopify's `{"order": {...}}`), a list of orders, or
`{"orders": [...]}`; a folder is read for its `*.json` files (not its subfolders), by name. Text is
UTF-8 (with or without a byte-order mark) or UTF-16 with one; numbers with decimals become Decimal.

Before an order is read, every text in it (every string value and key, and every whole number of 12
digits or more) is scanned with the free-text rule (`cards.free_text_problem`): a card number or a
written security code anywhere refuses the order, naming the file, the order and the field; the value is
never repeated. Identifiers, tokens, URLs, phone and tracking numbers are not free text and are skipped.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from xmart.processes.cards import free_text_problem
from xmart.processes.web_orders import shopify, woocommerce
from xmart.processes.web_orders.fields import Node, Place
from xmart.processes.web_orders.model import SOURCES, WebOrderData, WebOrderError

READERS: dict[str, Callable[[Node], WebOrderData]] = {
    "shopify": shopify.read_order,
    "woocommerce": woocommerce.read_order,
}
_NOT_FREE_TEXT_SUFFIXES = ("_id", "_ids", "token", "_key", "_url", "phone", "tracking_number", "tracking_numbers")
MAX_FILE_BYTES = 200_000_000
_DIGIT = re.compile(r"\d")
_NOT_DIGIT = re.compile(r"\D+")
_CODE_WORD = re.compile(r"cv|csc|secur|verif", re.IGNORECASE)
"""Every word `cards.free_text_problem` knows a written security code by starts with or holds one of these."""


def _may_hold_card_data(text: str) -> bool:
    """False when `text` cannot hold what `free_text_problem` refuses: a card number needs 12 digits, a
    written security code a digit and its word. A quick look that spares the full check most texts."""
    if not _DIGIT.search(text):
        return False
    return len(_NOT_DIGIT.sub("", text)) >= 12 or _CODE_WORD.search(text) is not None


@dataclass(frozen=True)
class ReadOrder:
    """An order read from a file."""

    file: str
    order: WebOrderData


def order_files(paths: list[Path]) -> list[Path]:
    """The files to read: each file given, and each folder's `*.json` files by name; WebOrderError otherwise."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.json") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise WebOrderError(f"{path}: no such file or folder")
    return files


def read_orders(paths: list[Path], source: str) -> list[ReadOrder]:
    """Every order of `paths` (files or folders), read as `source`; WebOrderError for the first problem.

    Raises WebOrderError (exit status 2) naming the file, the order and the field for a file that cannot
    be read, an order that is malformed, and an order with card data anywhere in its text.
    """
    if source not in SOURCES:
        raise WebOrderError(f"unknown source {source!r} (one of: {', '.join(SOURCES)})")
    read = READERS[source]
    orders = []
    for file in order_files(paths):
        for index, raw in _raw_orders(file):
            place = Place(str(file), _label(raw, index))
            scan_card_data(raw, place)
            orders.append(ReadOrder(str(file), read(Node(place, raw))))
    return orders


def _load(file: Path) -> Any:
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise WebOrderError(f"{file}: larger than {MAX_FILE_BYTES // 1_000_000} MB; split the export")
        raw = file.read_bytes()
    except OSError as exc:
        raise WebOrderError(f"{file}: cannot read the file ({exc.strerror})") from exc
    encoding = "utf-16" if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise WebOrderError(f"{file}: not UTF-8 or UTF-16 text (byte {exc.start})") from None
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise WebOrderError(f"{file}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except (RecursionError, ValueError):
        raise WebOrderError(f"{file}: not a valid JSON document of orders") from None


def _raw_orders(file: Path) -> Iterator[tuple[int, Any]]:
    document = _load(file)
    if isinstance(document, dict) and isinstance(document.get("orders"), list):
        document = document["orders"]
    elif isinstance(document, dict) and isinstance(document.get("order"), dict):
        document = [document["order"]]
    elif isinstance(document, dict):
        document = [document]
    if not isinstance(document, list):
        raise WebOrderError(f'{file}: must hold an order, a list of orders or {{"orders": [...]}}')
    yield from enumerate(document)


def _label(raw: Any, index: int) -> str:
    """How messages name an order before it is read: its name and id when they are plain, else its position."""
    if not isinstance(raw, dict):
        return f"[{index}]"
    parts = []
    for key in ("name", "number", "id"):
        value = raw.get(key)
        if isinstance(value, (int, str)) and not isinstance(value, bool):
            text = str(value)
            if len(text) <= 40 and text.isprintable() and free_text_problem(text) is None:
                parts.append(f"{'id ' if key == 'id' else ''}{text}")
    if not parts:
        return f"[{index}]"
    return parts[0] if len(parts) == 1 else f"{parts[0]} ({parts[-1]})"


def _free(key: str) -> bool:
    """False for the keys of identifiers, tokens, URLs, phone and tracking numbers (not free text)."""
    lowered = key.lower()
    return lowered != "id" and not lowered.endswith(_NOT_FREE_TEXT_SUFFIXES)


def scan_card_data(value: Any, place: Place, path: str = "") -> None:
    """Refuse card data anywhere in `value` (an order's JSON), naming the field (DOMAIN.md section 3)."""
    if isinstance(value, dict):
        for index, (key, child) in enumerate(value.items()):
            name = f"{path}.{key}" if path else str(key)
            if free_text_problem(str(key)) is not None:
                raise place.error(f"{path}[key {index + 1}]" if path else f"[key {index + 1}]", _REFUSED)
            if _free(str(key)):
                scan_card_data(child, place, name)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            scan_card_data(child, place, f"{path}[{index}]")
    elif isinstance(value, str):
        if _may_hold_card_data(value) and free_text_problem(value) is not None:
            raise place.error(path, _REFUSED)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**11:
        if free_text_problem(str(value)) is not None:
            raise place.error(path, _REFUSED)


_REFUSED = (
    "looks like card data (a card number or security code); a web order never brings card data: "
    "the order is refused, remove it at the web store and export again"
)
