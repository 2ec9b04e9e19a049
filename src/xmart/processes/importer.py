"""`xmart import`: load an import document (INTERFACE.md, "Import document") in one transaction.

The whole document is checked in memory first, record by record in dependency order, every error
naming `section[index].field`; references resolve against the database (keys read once per table)
and earlier records of the document. Only then are the rows written, set-based (`import_rows`).

Invariants: on any error nothing is loaded and the error names the record (section, index,
field). Master data (locations, vendors, items, stock, customers, salesmen) is created or
updated by its code; documents (CSOs, SOs, POs) must be new. Records may refer to records of the
same document or to records already in the database. A card carrying a security code is refused;
card numbers are stored only encrypted; no free-text field may hold card data (`cards`).

Bad input (issue 12): every whole number fits an INTEGER column, money and percentages are plain
decimals (`money.parse_amount`), every text fits the column it goes to (`import_rows.column_width`)
and holds no character a database cannot store, a CSO's payments sum below AMOUNT_LIMIT, sale orders
never assign more units of a CSO line than it orders (counting those in the database), and statuses
follow the figures. The import holds IMPORT_LOCK for its transaction, as the processes do.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import select

from xmart.errors import CardDataError, ImportDocumentError, InputError
from xmart.models import (
    Channel,
    CorporateSaleOrder,
    CsoLine,
    CsoStatus,
    Customer,
    CustomField,
    CustomFieldValue,
    Item,
    Location,
    LocationKind,
    Payment,
    PaymentType,
    PoStatus,
    PurchaseOrder,
    PurchaseOrderLine,
    SaleOrder,
    SaleOrderLine,
    Salesman,
    SoStatus,
    Vendor,
)
from xmart.models.base import ADDRESS_FIELDS, Base
from xmart.models.db import UnitOfWork
from xmart.models.search_key import customer_search_key
from xmart.models.status import FieldKind
from xmart.processes.cards import (
    SECURITY_CODE_REFUSED,
    authorization_problem,
    field_name_problem,
    free_text_problem,
    normalize_card_number,
    security_code_key,
    validate_expiry,
)
from xmart.processes.cso_status import derived_status, refresh_statuses
from xmart.processes.dates import parse_iso_date
from xmart.processes.import_rows import (
    CsoFacts,
    ImportRows,
    Key,
    KeyedRows,
    Order,
    Ref,
    RowWriter,
    column_width,
    read_cso_facts,
    read_cso_line_fill,
    read_keys,
    table_of,
)
from xmart.processes.invoicing import so_status
from xmart.processes.money import (
    AMOUNT_LIMIT,
    ZERO,
    AmountError,
    DepositError,
    check_deposit,
    check_total,
    order_totals,
    parse_amount,
    parse_percent,
)
from xmart.processes.receiving import po_status
from xmart.processes.security import audit
from xmart.processes.security.permissions import require
from xmart.processes.selection import PROCESS_LOCK
from xmart.processes.settings import get_setting
from xmart.processes.store_management import refuse_in_store_mode

if TYPE_CHECKING:
    from xmart.processes.security.card_keys import CardSealer

MAX_INTEGER = 2**31 - 1
"""The largest whole number an INTEGER column holds on PostgreSQL (checked on SQLite too)."""

IMPORT_LOCK = PROCESS_LOCK
"""The lock an import holds for its transaction: the processes' own, as an import creates SOs and POs too."""

_UNDERIVED_CSO_STATUSES = frozenset({CsoStatus.DRAFT, CsoStatus.ON_HOLD, CsoStatus.CANCELLED})
"""CSO statuses a clerk sets; the others follow the figures (`cso_status.derived_status`)."""

SECTIONS = (
    "locations",
    "vendors",
    "items",
    "stock",
    "customers",
    "salesmen",
    "channels",
    "custom_fields",
    "corporate_sale_orders",
    "sale_orders",
    "purchase_orders",
)


@dataclass(frozen=True)
class ImportResult:
    """How many records of each section were loaded."""

    counts: dict[str, int]


def read_document(path: Path) -> dict[str, Any]:
    """Parse an import file (numbers with decimals become Decimal, never float).

    `path`: a JSON file as users produce it: UTF-8 with or without a byte-order mark, or UTF-16 with
    one (what PowerShell writes). Raises InputError in one line naming the file for anything else:
    an unreadable file, another encoding, invalid or too deeply nested JSON, or a document that is
    not an object (INTERFACE.md, "Import document").
    """
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from exc
    text = _decode(path, raw)
    try:
        doc = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    except RecursionError:
        raise InputError(f"{path}: the JSON is nested too deeply to be an import document") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError(f"{path}: not a valid import document ({exc})") from None
    if not isinstance(doc, dict):
        raise InputError(f"{path}: the document must be a JSON object with sections")
    return doc


def _decode(path: Path, raw: bytes) -> str:
    """The text of an import file: UTF-16 with a byte-order mark, else UTF-8 with or without one."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not readable as {encoding.upper().removesuffix('-SIG')} text (byte {exc.start}); "
            "save it as UTF-8 or UTF-16 with a byte-order mark"
        ) from None


_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
"""Characters no text column takes: C0 controls but tab and line breaks, DEL, unpaired surrogates."""


def _echoable(text: str, instead: str) -> str:
    """`text` when a message may repeat it, else `instead`: never card data, control characters or
    unpaired surrogates (which no log file or terminal takes) in a message (DOMAIN.md sections 3, 9)."""
    if len(text) > 80 or _UNSTORABLE.search(text) or free_text_problem(text) is not None:
        return instead
    return text


class Record:
    """One record of the document, with typed field readers whose errors name the record."""

    def __init__(self, section: str, index: int, data: Any, prefix: str = ""):
        self.section, self.index, self.prefix = section, index, prefix
        if not isinstance(data, dict):
            raise self.error(None, "must be an object")
        self.data = data

    def error(self, field: str | None, message: str) -> ImportDocumentError:
        """An error naming this record and `field`."""
        name = f"{self.prefix}{field}" if field else (self.prefix.rstrip(".") or None)
        return ImportDocumentError(self.section, self.index, name, message)

    def allow(self, *fields: str) -> None:
        """Refuse fields this record type does not have (catches typos)."""
        for position, key in enumerate(self.data):
            if key not in fields:
                named = _echoable(key, f"[field {position + 1}]")
                raise self.error(named, f"unknown field (expected one of: {', '.join(fields)})")

    def has(self, field: str) -> bool:
        """True when the field is present and not null."""
        return self.data.get(field) is not None

    def _value(self, field: str, required: bool) -> Any:
        value = self.data.get(field)
        if value is None and required:
            raise self.error(field, "is required")
        return value

    def text(self, field: str, column: Any, required: bool = False, default: str = "", free: bool = True) -> str:
        """A string field stored in `column` (a mapped attribute: its width is the limit, `column_width`).

        Refused: not a string, longer than the column, control characters other than tab and line
        breaks (PostgreSQL cannot store NUL), unpaired surrogates; and, for `free` text, card data
        (`cards.free_text_problem`, DOMAIN.md section 3). Codes and keys pass `free=False`.
        """
        value = self._value(field, required)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self.error(field, "must be a string")
        value = value.strip()
        if required and not value:
            raise self.error(field, "must not be empty")
        width = column_width(column)
        if len(value) > width:
            raise self.error(field, f"is longer than {width} characters ({len(value)})")
        if _UNSTORABLE.search(value):
            raise self.error(field, "contains a control character or an invalid character")
        problem = free_text_problem(value) if free else None
        if problem is not None:
            raise self.error(field, problem)
        return value

    def integer(self, field: str, required: bool = False, default: int = 0, minimum: int | None = 0) -> int:
        """A whole-number field (quantities are integers)."""
        value = self._value(field, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(field, "must be a whole number")
        if minimum is not None and value < minimum:
            raise self.error(field, f"must be at least {minimum}, not {value}")
        if value > MAX_INTEGER:
            raise self.error(field, f"is too large (at most {MAX_INTEGER})")
        return value

    def money(
        self, field: str, required: bool = False, default: Decimal | None = None, maximum: Decimal | None = None
    ) -> Decimal:
        """A non-negative amount with at most 2 decimals, given as a string or a number."""
        value = self._value(field, required)
        if value is None:
            if default is None:
                raise self.error(field, "is required")
            return default
        try:
            return parse_amount(value, field, maximum=maximum)
        except AmountError as exc:
            raise self.error(field, exc.reason) from None

    def percent(self, field: str) -> Decimal:
        """A percentage from 0 to 100 (default 0)."""
        value = self._value(field, False)
        if value is None:
            return Decimal("0.00")
        try:
            return parse_percent(value, field)
        except AmountError as exc:
            raise self.error(field, exc.reason) from None

    def date(self, field: str, required: bool = False) -> dt.date | None:
        """A date written YYYY-MM-DD."""
        value = self._value(field, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.error(field, "must be a date written YYYY-MM-DD")
        try:
            return parse_iso_date(value)
        except ValueError:
            raise self.error(field, f"is not a valid date YYYY-MM-DD: {value!r}") from None

    def boolean(self, field: str, default: bool) -> bool:
        """A true/false field."""
        value = self.data.get(field)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(field, "must be true or false")
        return value

    def choice(self, field: str, enum: type[StrEnum], default: StrEnum | None = None) -> str:
        """One of an enum's values."""
        value = self._value(field, default is None)
        if value is None:
            assert default is not None
            return default.value
        allowed = [m.value for m in enum]
        if value not in allowed:
            raise self.error(field, f"must be one of {', '.join(allowed)}; not {value!r}")
        return str(value)

    def children(self, field: str, required: bool = False) -> Iterator[Record]:
        """The records of a nested list, each naming its position."""
        value = self._value(field, required)
        if value is None:
            return
        if not isinstance(value, list):
            raise self.error(field, "must be a list")
        if required and not value:
            raise self.error(field, "must have at least one entry")
        for i, child in enumerate(value):
            yield Record(self.section, self.index, child, f"{self.prefix}{field}[{i}].")

    def child(self, field: str) -> Record | None:
        """A nested object, or None."""
        value = self.data.get(field)
        if value is None:
            return None
        return Record(self.section, self.index, value, f"{self.prefix}{field}.")


class Importer:
    """Checks a whole document in memory, then writes it with a few set-based statements.

    Every record is checked in document order exactly as INTERFACE.md describes; references are
    resolved against what the database holds (one read per table) and the earlier records of the
    document. Nothing reaches the database before the whole document is valid.
    """

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.session = uow.session
        self._sealer: CardSealer | None = None
        self.rows = ImportRows()
        self.counts: dict[str, int] = {}
        self._receiving_code: str | None = None
        self._db_csos: dict[Key, CsoFacts] = {}
        self._item_prices: dict[Key, Decimal] = {}
        self._line_fill: dict[Any, list[int]] = {}
        """CSO line (a Ref for the document's, an id for the database's) -> [units ordered, units assigned]."""
        self._sold_on_cso: dict[Key, int] = {}

    def sealer(self) -> CardSealer:
        """The database's card key (its public half), read (or made) on the first card."""
        if self._sealer is None:
            from xmart.processes.security.card_keys import sealer  # not for documents without cards

            self._sealer = sealer(self.uow)
        return self._sealer

    def table(self, model: type[Base]) -> KeyedRows:
        """The keyed rows of `model`, reading the keys and ids the database has on first use."""
        tables = self.rows.tables
        if model not in tables:
            tables[model] = read_keys(self.session, model)
        return tables[model]

    def ref(self, rec: Record, field: str, model: type[Base], what: str, required: bool = True) -> Key | None:
        """The key of the record `rec[field]` names, in this document or in the database."""
        value = rec.data.get(field)
        if value is None:
            if required:
                raise rec.error(field, "is required")
            return None
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise rec.error(field, f"must name a {what}")
        key = str(value)
        if not self.table(model).knows(key):
            shown = _echoable(f" {value!r}", "")
            raise rec.error(field, f"unknown {what}{shown} (not in this document nor in the database)")
        return key

    def _optional_ref(self, rec: Record, field: str, model: type[Base], what: str) -> Ref | None:
        key = self.ref(rec, field, model, what, required=False)
        return None if key is None else Ref(model, key)

    def run(self, doc: dict[str, Any]) -> ImportResult:
        """Check every section in dependency order, then write them all (INTERFACE.md, "Import document").

        Raises ImportDocumentError naming the first bad record; nothing is written then.
        """
        for position, name in enumerate(doc):
            if name not in SECTIONS:
                shown = _echoable(name, f"[section {position + 1}]")
                raise ImportDocumentError(shown, None, None, f"unknown section (expected: {', '.join(SECTIONS)})")
        for name in SECTIONS:
            records = doc.get(name)
            if records is None:
                continue
            if not isinstance(records, list):
                raise ImportDocumentError(name, None, None, "must be a list of records")
            if name == "sale_orders":
                self._read_db_csos(records)
            check = getattr(self, f"load_{name}")
            for index, data in enumerate(records):
                check(Record(name, index, data))
            self.counts[name] = len(records)
        self._derive_cso_statuses()
        RowWriter(self.session, self.rows).write()
        db_csos = self.table(CorporateSaleOrder).ids
        refresh_statuses(self.session, [db_csos[key] for key in self._db_csos])
        return ImportResult(dict(self.counts))

    def _new_number(self, rec: Record, model: type[Base], what: str) -> str:
        number = rec.integer("number", required=True, minimum=1)
        key = str(number)
        if self.table(model).knows(key):
            raise rec.error("number", f"{what} {number} already exists")
        return key

    @staticmethod
    def _price(rec: Record, field: str) -> Decimal | None:
        """The line's own price or cost, or None for the item's (filled in when written)."""
        return rec.money(field) if rec.has(field) else None

    # --- master data -------------------------------------------------------------------------
    def load_locations(self, rec: Record) -> None:
        """Check a `locations` record: created, or updated by its code."""
        rec.allow("code", "name", "kind", "active")
        code = rec.text("code", Location.code, required=True, free=False)
        self.table(Location).put(
            code,
            {
                "name": rec.text("name", Location.name, required=True),
                "kind": rec.choice("kind", LocationKind, LocationKind.STORE),
                "active": rec.boolean("active", True),
            },
        )

    def load_vendors(self, rec: Record) -> None:
        """Check a `vendors` record: created, or updated by its code."""
        rec.allow("code", "name")
        code = rec.text("code", Vendor.code, required=True, free=False)
        self.table(Vendor).put(code, {"name": rec.text("name", Vendor.name, required=True)})

    def load_items(self, rec: Record) -> None:
        """Check an `items` record: created, or updated by its SKU; its vendor by code."""
        rec.allow("sku", "description", "price", "cost", "vendor")
        sku = rec.text("sku", Item.sku, required=True, free=False)
        self.table(Item).put(
            sku,
            {
                "description": rec.text("description", Item.description),
                "price": rec.money("price", required=True),
                "cost": rec.money("cost", default=Decimal("0.00")),
                "vendor_id": self._optional_ref(rec, "vendor", Vendor, "vendor"),
            },
        )

    def load_stock(self, rec: Record) -> None:
        """Check a `stock` record: the levels of a SKU at a location (created or replaced)."""
        rec.allow("location", "sku", "on_hand", "minimum", "maximum")
        location = self.ref(rec, "location", Location, "location")
        sku = self.ref(rec, "sku", Item, "SKU")
        self.rows.stock[(location, sku)] = {f: rec.integer(f) for f in ("on_hand", "minimum", "maximum")}

    @staticmethod
    def _address(rec: Record, kind: str) -> dict[str, str]:
        """The `kind` ("billing" or "shipping") address columns of a customer record."""
        sub = rec.child(f"{kind}_address")
        if sub is None:
            return {f"{kind}_{name}": "" for name in ADDRESS_FIELDS}
        sub.allow(*ADDRESS_FIELDS)
        return {f"{kind}_{name}": sub.text(name, table_of(Customer).c[f"{kind}_{name}"]) for name in ADDRESS_FIELDS}

    def load_customers(self, rec: Record) -> None:
        """Check a `customers` record: created, or updated by its number, with both addresses."""
        rec.allow("number", "name", "company", "email", "phone", "notes", "billing_address", "shipping_address")
        number = rec.text("number", Customer.number, required=True, free=False)
        values = {
            "name": rec.text("name", Customer.name, required=True),
            "company": rec.text("company", Customer.company),
            "email": rec.text("email", Customer.email),
            "phone": rec.text("phone", Customer.phone, free=False),
            "notes": rec.text("notes", Customer.notes),
            **self._address(rec, "billing"),
            **self._address(rec, "shipping"),
        }
        self.table(Customer).put(number, values | {"search_key": customer_search_key(values | {"number": number})})

    def load_salesmen(self, rec: Record) -> None:
        """Check a `salesmen` record: created, or updated by its code."""
        rec.allow("code", "name", "commission_rate", "active")
        code = rec.text("code", Salesman.code, required=True)  # no card data, as in Settings › Salesmen
        self.table(Salesman).put(
            code,
            {
                "name": rec.text("name", Salesman.name, required=True),
                "commission_rate": rec.percent("commission_rate"),
                "active": rec.boolean("active", True),
            },
        )

    def load_channels(self, rec: Record) -> None:
        """Check a `channels` record: created, or updated by its name."""
        rec.allow("name", "active")
        name = rec.text("name", Channel.name, required=True)
        self.table(Channel).put(name, {"active": rec.boolean("active", True)})

    def load_custom_fields(self, rec: Record) -> None:
        """Check a `custom_fields` record: created, or updated by its name."""
        rec.allow("name", "kind", "active")
        name = rec.text("name", CustomField.name, required=True)
        problem = field_name_problem(name)
        if problem is not None:
            raise rec.error("name", problem)
        self.table(CustomField).put(
            name,
            {
                "kind": rec.choice("kind", FieldKind, FieldKind.TEXT),
                "active": rec.boolean("active", True),
            },
        )

    # --- documents ---------------------------------------------------------------------------
    def load_corporate_sale_orders(self, rec: Record) -> None:
        """Check a new CSO with its lines, payments (cards encrypted) and custom field values."""
        rec.allow(
            "number",
            "date",
            "status",
            "billing_customer",
            "shipping_customer",
            "channel",
            "salesman",
            "global_discount",
            "notes",
            "shipping_method",
            "shipping_cost",
            "lines",
            "payments",
            "custom_fields",
        )
        number = self._new_number(rec, CorporateSaleOrder, "corporate sale order")
        status = rec.choice("status", CsoStatus, CsoStatus.OPEN)
        billing = self.ref(rec, "billing_customer", Customer, "customer")
        shipping = self.ref(rec, "shipping_customer", Customer, "customer", required=False)
        order = Order(
            {
                "number": int(number),
                "date": rec.date("date", required=True),
                "status": status,
                "billing_customer_id": Ref(Customer, billing),
                "shipping_customer_id": Ref(Customer, shipping or billing),
                "channel_id": self._optional_ref(rec, "channel", Channel, "channel"),
                "salesman_id": self._optional_ref(rec, "salesman", Salesman, "salesman"),
                "global_discount": rec.percent("global_discount"),
                "notes": rec.text("notes", CorporateSaleOrder.notes),
                "shipping_method": rec.text("shipping_method", CorporateSaleOrder.shipping_method),
                "shipping_cost": rec.money("shipping_cost", default=Decimal("0.00")),
            }
        )
        line_numbers: set[int] = set()
        for line in rec.children("lines", required=status != CsoStatus.DRAFT):
            line.allow("line", "sku", "qty", "price", "discount")
            line_no = line.integer("line", default=len(order.lines) + 1, minimum=1)
            if line_no in line_numbers:
                raise line.error("line", f"line number {line_no} appears twice")
            line_numbers.add(line_no)
            order.lines.append(
                {
                    "line_no": line_no,
                    "item_id": Ref(Item, self.ref(line, "sku", Item, "SKU")),
                    "qty": line.integer("qty", required=True, minimum=1),
                    "price": self._price(line, "price"),
                    "discount": line.percent("discount"),
                }
            )
        order.payments = self._payments(rec)
        try:  # every sum the processes build from this order (SO totals, deposits) then fits its column
            check_total(self._order_total(order), "lines")
        except InputError as error:
            raise rec.error(
                "lines", "the order total is more than xmart can hold (at most 9,999,999,999.99)"
            ) from error
        self._check_deposit(rec, "payments", sum((p["amount"] for p in order.payments), ZERO), order)
        order.custom_values = self._custom_values(rec)
        for row in order.lines:
            self._line_fill[Ref(CsoLine, (number, row["line_no"]))] = [row["qty"], 0]
        self.table(CorporateSaleOrder).put(number, order)

    def _payments(self, rec: Record) -> list[dict[str, Any]]:
        """The payments of a CSO record; their sum must fit an amount column (SO deposits are shares of it)."""
        payments, paid = [], Decimal(0)
        for index, child in enumerate(rec.children("payments")):
            payment = self._payment(child)
            paid += payment["amount"]
            if paid >= AMOUNT_LIMIT:
                raise rec.error(
                    f"payments[{index}].amount",
                    f"brings the payments to {paid}: a deposit must stay below {AMOUNT_LIMIT:,.0f}",
                )
            payments.append(payment)
        return payments

    def _derive_cso_statuses(self) -> None:
        """Each CSO of the document gets the status its figures call for (`cso_status.derived_status`).

        Draft, on-hold and cancelled are kept as given, and so is the status of a CSO no sale order
        of the document names (its figures are not in the document); the others follow the units the
        document's sale orders assign and sell (README, "Rules xmart chose": imported statuses).
        """
        units: dict[Any, tuple[int, int]] = {}
        for line, (ordered, assigned) in self._line_fill.items():
            if isinstance(line, Ref):
                cso = cast(tuple[Key, int], line.key)[0]
                before = units.get(cso, (0, 0))
                units[cso] = (before[0] + ordered, before[1] + assigned)
        for key, order in self.table(CorporateSaleOrder).new.items():
            if CsoStatus(order.header["status"]) in _UNDERIVED_CSO_STATUSES or key not in self._sold_on_cso:
                continue  # a CSO without its sale orders in the document (a history) keeps its status
            ordered, assigned = units.get(key, (0, 0))
            order.header["status"] = derived_status(ordered, assigned, self._sold_on_cso.get(key, 0)).value

    def _custom_values(self, rec: Record) -> list[dict[str, Any]]:
        custom = rec.data.get("custom_fields")
        if custom is None:
            return []
        if not isinstance(custom, dict):
            raise rec.error("custom_fields", "must be an object of field name to value")
        fields = self.table(CustomField)
        values = []
        for index, (name, value) in enumerate(custom.items()):
            label = "custom_fields" + _echoable(f".{name}", f"[{index}]")
            problem = field_name_problem(name)
            if problem is not None:  # the name itself may hold card data: name the entry by position
                raise rec.error(f"custom_fields[{index}]", problem)
            if not fields.knows(name):
                raise rec.error(label, "unknown custom order field")
            if isinstance(value, (dict, list)):
                raise rec.error(label, "must be a text, number or true/false value")
            text = Record(rec.section, rec.index, {"value": str(value)}, f"{rec.prefix}{label}.")
            values.append({"field_id": Ref(CustomField, name), "value": text.text("value", CustomFieldValue.value)})
        return values

    @staticmethod
    def _authorization(rec: Record) -> str | None:
        """The approval code of a card payment or its card, or None (`cards.authorization_problem`)."""
        text = rec.text("authorization", Payment.authorization, free=False)
        if not text:
            return None
        problem = authorization_problem(text)
        if problem is not None:
            raise rec.error("authorization", problem)
        return text

    def _payment(self, rec: Record) -> dict[str, Any]:
        _refuse_security_code(rec)
        rec.allow("type", "amount", "card", "authorization")
        kind = rec.choice("type", PaymentType)
        payment: dict[str, Any] = {
            "kind": kind,
            "amount": rec.money("amount", default=Decimal("0.00")),
            "authorization": (
                self._authorization(rec)
                if kind == PaymentType.CARD
                else rec.text("authorization", Payment.authorization) or None  # a check number, a note
            ),
            "card_brand": None,
            "card_last4": None,
            "card_expiry": None,
            "card_number_encrypted": None,
            "card_key_id": None,
            "card_ref": None,
        }
        card = rec.child("card")
        if card is not None:
            _refuse_security_code(card)
        if kind == PaymentType.CARD:
            if card is None:
                raise rec.error("card", "is required for a card payment")
            payment.update(self._card(card, payment["authorization"]))
        elif card is not None:
            raise rec.error("card", f"only a card payment has card details (type is {kind})")
        return payment

    def _card(self, card: Record, authorization: str | None) -> dict[str, Any]:
        """The card columns of a payment; the number is sealed under the database's card key (DOMAIN.md 3, 9)."""
        card.allow("brand", "number", "expiry", "authorization")
        try:
            digits = normalize_card_number(card.text("number", None, required=True, free=False))
        except CardDataError as exc:
            raise card.error("number", str(exc)) from None
        try:
            expiry = (
                validate_expiry(card.text("expiry", Payment.card_expiry, required=True, free=False))
                if card.has("expiry")
                else None
            )
        except CardDataError as exc:
            raise card.error("expiry", str(exc)) from None
        cipher = self.sealer().seal(digits)
        return {
            "card_brand": card.text("brand", Payment.card_brand) or None,
            "card_last4": digits[-4:],
            "card_expiry": expiry,
            "card_number_encrypted": cipher.blob,
            "card_key_id": cipher.card_key_id,
            "card_ref": cipher.card_ref,
            "authorization": self._authorization(card) or authorization,
        }

    def _read_db_csos(self, records: list[Any]) -> None:
        """Read the customers and lines of the CSOs already in the database that sale orders name (bulk)."""
        table = self.table(CorporateSaleOrder)
        named = {
            str(r["corporate_order"])
            for r in records
            if isinstance(r, dict)
            and isinstance(r.get("corporate_order"), (str, int))
            and not isinstance(r["corporate_order"], bool)
        }
        keys_by_id = {table.ids[key]: key for key in named if key in table.ids}
        for cso_id, facts in read_cso_facts(self.session, list(keys_by_id)).items():
            self._db_csos[keys_by_id[cso_id]] = facts

    def _cso_facts(self, key: Key) -> tuple[Any, Any, dict[int, tuple[Key, Any]]]:
        """Billing and shipping customer, and line number -> (SKU, line) of a CSO of the document or the database."""
        if key in self._db_csos:
            return self._db_csos[key]
        order: Order = self.table(CorporateSaleOrder).new[key]
        lines = {line["line_no"]: (line["item_id"].key, Ref(CsoLine, (key, line["line_no"]))) for line in order.lines}
        return order.header["billing_customer_id"], order.header["shipping_customer_id"], lines

    def load_sale_orders(self, rec: Record) -> None:
        """Check a new SO; its lines may name lines of its CSO (of the document or the database)."""
        rec.allow(
            "number", "location", "date", "status", "corporate_order", "note", "deposit", "global_discount", "lines"
        )
        number = self._new_number(rec, SaleOrder, "sale order")
        status = rec.choice("status", SoStatus, SoStatus.OPEN)
        counts = status != SoStatus.CANCELLED  # a cancelled SO assigns only its sold units (assigned_and_sold)
        cso = self.ref(rec, "corporate_order", CorporateSaleOrder, "corporate sale order", required=False)
        billing, shipping, cso_lines = self._cso_facts(cso) if cso is not None else (None, None, {})
        order = Order(
            {
                "number": int(number),
                "location_id": Ref(Location, self.ref(rec, "location", Location, "location")),
                "date": rec.date("date", required=True),
                "status": status,
                "cso_id": None if cso is None else Ref(CorporateSaleOrder, cso),
                "billing_customer_id": billing,
                "shipping_customer_id": shipping,
                "note": rec.text("note", SaleOrder.note),
                "deposit": rec.money("deposit", default=Decimal("0.00")),
                "global_discount": rec.percent("global_discount"),
            }
        )
        for line in rec.children("lines", required=True):
            line.allow("sku", "qty", "sold", "price", "discount", "cso_line")
            sku = self.ref(line, "sku", Item, "SKU")
            qty = line.integer("qty", required=True, minimum=1)
            sold = line.integer("sold")
            if sold > qty:
                raise line.error("sold", f"cannot be more than qty ({sold} > {qty})")
            cso_line = None
            if line.has("cso_line"):
                if cso is None:
                    raise line.error("cso_line", "needs the sale order's corporate_order")
                found = cso_lines.get(line.integer("cso_line", minimum=1))
                if found is None or found[0] != sku:
                    raise line.error("cso_line", "no such line with this SKU on the corporate sale order")
                cso_line = found[1]
                self.rows.cso_line_ids_needed = True
                if counts or sold:
                    self._assign(line, cso, cso_line, qty if counts else sold, sold)
            order.lines.append(
                {
                    "line_no": len(order.lines) + 1,
                    "item_id": Ref(Item, sku),
                    "qty": qty,
                    "sold": sold,
                    "price": self._price(line, "price"),
                    "discount": line.percent("discount"),
                    "cso_line_id": cso_line,
                }
            )
        order.header["total"] = self._order_total(order)
        self._check_deposit(rec, "deposit", order.header["deposit"], order)
        order.header["status"] = self._derived_status(status, so_status, SaleOrderLine, "sold", order.lines)
        self.table(SaleOrder).put(number, order)

    def _assign(self, line: Record, cso: Key, cso_line: Any, qty: int, sold: int) -> None:
        """Count `qty` units of an SO line against its CSO line: never more assigned than ordered."""
        fill = self._line_fill.get(cso_line)
        if fill is None:  # a line of a CSO in the database: read its figures once
            fill = self._line_fill[cso_line] = list(read_cso_line_fill(self.session, [cso_line])[cso_line])
        ordered, assigned = fill
        if assigned + qty > ordered:
            raise line.error(
                "qty",
                f"would assign {assigned + qty} units to a line of corporate sale order {cso} that orders {ordered}"
                + (f" ({assigned} already assigned)" if assigned else ""),
            )
        fill[1] += qty
        self._sold_on_cso[cso] = self._sold_on_cso.get(cso, 0) + sold

    @staticmethod
    def _derived_status(
        status: str, derive: Callable[[Any], StrEnum], model: type[Base], done: str, lines: list[dict[str, Any]]
    ) -> str:
        """The status an SO's or PO's figures call for (`invoicing.so_status`, `receiving.po_status`).

        `cancelled` is kept as given; `open`, `partially ...` and `sold`/`received` follow the units
        `done` (README, "Rules xmart chose": statuses of imported documents).
        """
        if status == "cancelled":
            return status
        return derive([model(qty=row["qty"], **{done: row[done]}) for row in lines]).value

    def _receiving_location(self, rec: Record) -> Key:
        if self._receiving_code is None:
            self._receiving_code = get_setting(self.session, "receiving_location")
        code = self._receiving_code
        if not self.table(Location).knows(code):
            raise rec.error("location", f"is required: the receiving location {code!r} does not exist")
        return code

    def load_purchase_orders(self, rec: Record) -> None:
        """Check a new PO; without a location it goes to the receiving location."""
        rec.allow("number", "vendor", "date", "location", "delivery", "cancel", "status", "note", "lines")
        number = self._new_number(rec, PurchaseOrder, "purchase order")
        if rec.has("location"):
            location = self.ref(rec, "location", Location, "location")
        else:
            location = self._receiving_location(rec)
        delivery, cancel = rec.date("delivery"), rec.date("cancel")
        if delivery and cancel and cancel < delivery:
            raise rec.error("cancel", f"is before the delivery date ({cancel} < {delivery})")
        order = Order(
            {
                "number": int(number),
                "vendor_id": Ref(Vendor, self.ref(rec, "vendor", Vendor, "vendor")),
                "location_id": Ref(Location, location),
                "date": rec.date("date", required=True),
                "delivery_date": delivery,
                "cancel_date": cancel,
                "status": rec.choice("status", PoStatus, PoStatus.OPEN),
                "note": rec.text("note", PurchaseOrder.note),
            }
        )
        for line in rec.children("lines", required=True):
            line.allow("sku", "qty", "received", "cost")
            sku = self.ref(line, "sku", Item, "SKU")
            qty = line.integer("qty", required=True, minimum=1)
            received = line.integer("received")
            if received > qty:
                raise line.error("received", f"cannot be more than qty ({received} > {qty})")
            order.lines.append(
                {
                    "line_no": len(order.lines) + 1,
                    "item_id": Ref(Item, sku),
                    "qty": qty,
                    "received": received,
                    "cost": self._price(line, "cost"),
                }
            )
        order.header["status"] = self._derived_status(
            order.header["status"], po_status, PurchaseOrderLine, "received", order.lines
        )
        self.table(PurchaseOrder).put(number, order)

    # --- deposits and totals (DOMAIN.md sections 3 and 4) -------------------------------------
    def _order_total(self, order: Order) -> Decimal:
        """money.order_totals of an order's lines, global discount and shipping; items' prices where a line has none."""
        lines = [
            (ln["qty"], ln["price"] if ln["price"] is not None else self._item_price(ln["item_id"].key), ln["discount"])
            for ln in order.lines
        ]
        header = order.header
        return order_totals(lines, header["global_discount"], header.get("shipping_cost", ZERO)).total

    def _item_price(self, sku: Key) -> Decimal:
        """The price of item `sku` as this document leaves it (its record, else the database)."""
        if sku not in self._item_prices:
            given = self.table(Item).values(sku)
            if given is not None:
                self._item_prices[sku] = given["price"]
            else:
                self._item_prices[sku] = self.session.scalars(select(Item.price).where(Item.sku == sku)).one()
        return self._item_prices[sku]

    def _check_deposit(self, rec: Record, field: str, deposit: Decimal, order: Order) -> None:
        """Refuse a deposit above the order's total (money.check_deposit), naming `section[i].field`."""
        if deposit:
            try:
                check_deposit(deposit, self._order_total(order), field)
            except DepositError as error:
                raise rec.error(field, error.reason) from None


def _refuse_security_code(rec: Record) -> None:
    key = security_code_key(rec.data)
    if key is not None:
        raise rec.error(key, SECURITY_CODE_REFUSED)


def import_document(uow: UnitOfWork, doc: dict[str, Any]) -> ImportResult:
    """Load `doc` and commit; on any error nothing is written and ImportDocumentError names the record.

    `doc` is a parsed import document (`read_document`); implements INTERFACE.md "Import document"
    and `xmart import`. The import holds IMPORT_LOCK (the processes' lock) for its whole transaction:
    a second import, or an Assign run, waits for it and then sees what it wrote, so a number taken
    meanwhile is the same clean refusal. Raises ImportDocumentError (exit status 2) for a bad
    record, ProcessBusyError after waiting LOCK_WAIT_SECONDS for another run, SignInRequired /
    PermissionDenied without `import` (DOMAIN.md section 9). Audited (`import`, with the counts).
    """
    with uow.exclusive(IMPORT_LOCK):
        require(uow, "import")
        if doc.get("corporate_sale_orders") or doc.get("sale_orders"):
            refuse_in_store_mode(uow.session, "importing corporate sale orders and sale orders")
        result = Importer(uow).run(doc)
        audit.record(uow, "import", detail=json.dumps(result.counts))
        uow.commit()
    return result
