"""`xmart import`: load an import document (INTERFACE.md, "Import document") in one transaction.

The whole document is checked in memory first, record by record in dependency order, every error
naming `section[index].field`; references resolve against the database (keys read once per table)
and earlier records of the document. Only then are the rows written, set-based (`import_rows`).

Invariants: on any error nothing is loaded and the error names the record (section, index,
field). Master data (locations, vendors, items, stock, customers, salesmen) is created or
updated by its code; documents (CSOs, SOs, POs) must be new. Records may refer to records of the
same document or to records already in the database. A card carrying a security code is refused;
card numbers are stored only encrypted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from sqlalchemy import String, select
from sqlalchemy.orm import Session

from xmart.errors import CardDataError, ImportDocumentError, InputError
from xmart.models import (
    AuditEntry,
    Channel,
    CorporateSaleOrder,
    CsoLine,
    CsoStatus,
    Customer,
    CustomField,
    Item,
    Location,
    LocationKind,
    PaymentType,
    PoStatus,
    PurchaseOrder,
    SaleOrder,
    Salesman,
    SoStatus,
    Vendor,
)
from xmart.models.base import ADDRESS_FIELDS, Base
from xmart.models.db import UnitOfWork
from xmart.models.status import FieldKind
from xmart.processes.cards import (
    SECURITY_CODE_REFUSED,
    CardVault,
    load_vault,
    normalize_card_number,
    security_code_key,
    validate_expiry,
)
from xmart.processes.dates import parse_iso_date
from xmart.processes.import_rows import (
    CsoFacts,
    ImportRows,
    Key,
    KeyedRows,
    Order,
    Ref,
    RowWriter,
    read_cso_facts,
    read_keys,
    table_of,
)
from xmart.processes.money import (
    ZERO,
    AmountError,
    DepositError,
    check_deposit,
    order_totals,
    parse_amount,
    parse_percent,
)
from xmart.processes.settings import get_setting

MAX_INTEGER = 2**31 - 1
"""The largest whole number an INTEGER column holds on PostgreSQL (checked on SQLite too)."""

ADDRESS_WIDTHS = {
    name: cast(String, table_of(Customer).c[f"billing_{name}"].type).length or 200 for name in ADDRESS_FIELDS
}
"""Characters each address column holds (the schema's widths), checked before the database sees them."""

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
    """Parse an import file (numbers with decimals become Decimal, never float)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from exc
    try:
        doc = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    if not isinstance(doc, dict):
        raise InputError(f"{path}: the document must be a JSON object with sections")
    return doc


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
        for key in self.data:
            if key not in fields:
                raise self.error(key, f"unknown field (expected one of: {', '.join(fields)})")

    def has(self, field: str) -> bool:
        """True when the field is present and not null."""
        return self.data.get(field) is not None

    def _value(self, field: str, required: bool) -> Any:
        value = self.data.get(field)
        if value is None and required:
            raise self.error(field, "is required")
        return value

    def text(self, field: str, required: bool = False, default: str = "", max_len: int = 200) -> str:
        """A string field."""
        value = self._value(field, required)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self.error(field, "must be a string")
        value = value.strip()
        if required and not value:
            raise self.error(field, "must not be empty")
        if len(value) > max_len:
            raise self.error(field, f"is longer than {max_len} characters")
        return value

    def integer(self, field: str, required: bool = False, default: int = 0, minimum: int | None = 0) -> int:
        """A whole-number field (quantities are integers)."""
        value = self._value(field, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(field, f"must be a whole number, not {json.dumps(value, default=str)}")
        if minimum is not None and value < minimum:
            raise self.error(field, f"must be at least {minimum}, not {value}")
        if value > MAX_INTEGER:
            raise self.error(field, f"is too large: {value}")
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

    def __init__(self, session: Session, vault_factory: Callable[[], CardVault]) -> None:
        self.session = session
        self._vault_factory = vault_factory
        self._vault: CardVault | None = None
        self.rows = ImportRows()
        self.counts: dict[str, int] = {}
        self._receiving_code: str | None = None
        self._db_csos: dict[Key, CsoFacts] = {}
        self._item_prices: dict[Key, Decimal] = {}

    def vault(self) -> CardVault:
        """The card vault, loaded on first card."""
        if self._vault is None:
            self._vault = self._vault_factory()
        return self._vault

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
            raise rec.error(field, f"unknown {what} {value!r} (not in this document nor in the database)")
        return key

    def _optional_ref(self, rec: Record, field: str, model: type[Base], what: str) -> Ref | None:
        key = self.ref(rec, field, model, what, required=False)
        return None if key is None else Ref(model, key)

    def run(self, doc: dict[str, Any]) -> ImportResult:
        """Check every section in dependency order, then write them all (INTERFACE.md, "Import document").

        Raises ImportDocumentError naming the first bad record; nothing is written then.
        """
        for name in doc:
            if name not in SECTIONS:
                raise ImportDocumentError(name, None, None, f"unknown section (expected: {', '.join(SECTIONS)})")
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
        RowWriter(self.session, self.rows).write()
        self.session.add(AuditEntry(action="import", detail=json.dumps(self.counts)))
        self.session.flush()
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
        code = rec.text("code", required=True, max_len=20)
        self.table(Location).put(
            code,
            {
                "name": rec.text("name", required=True, max_len=100),
                "kind": rec.choice("kind", LocationKind, LocationKind.STORE),
                "active": rec.boolean("active", True),
            },
        )

    def load_vendors(self, rec: Record) -> None:
        """Check a `vendors` record: created, or updated by its code."""
        rec.allow("code", "name")
        code = rec.text("code", required=True, max_len=20)
        self.table(Vendor).put(code, {"name": rec.text("name", required=True, max_len=100)})

    def load_items(self, rec: Record) -> None:
        """Check an `items` record: created, or updated by its SKU; its vendor by code."""
        rec.allow("sku", "description", "price", "cost", "vendor")
        sku = rec.text("sku", required=True, max_len=40)
        self.table(Item).put(
            sku,
            {
                "description": rec.text("description"),
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
        return {f"{kind}_{name}": sub.text(name, max_len=ADDRESS_WIDTHS[name]) for name in ADDRESS_FIELDS}

    def load_customers(self, rec: Record) -> None:
        """Check a `customers` record: created, or updated by its number, with both addresses."""
        rec.allow("number", "name", "company", "email", "phone", "notes", "billing_address", "shipping_address")
        number = rec.text("number", required=True, max_len=20)
        self.table(Customer).put(
            number,
            {
                "name": rec.text("name", required=True, max_len=100),
                "company": rec.text("company", max_len=100),
                "email": rec.text("email"),
                "phone": rec.text("phone", max_len=40),
                "notes": rec.text("notes", max_len=10_000),
                **self._address(rec, "billing"),
                **self._address(rec, "shipping"),
            },
        )

    def load_salesmen(self, rec: Record) -> None:
        """Check a `salesmen` record: created, or updated by its code."""
        rec.allow("code", "name", "commission_rate", "active")
        code = rec.text("code", required=True, max_len=20)
        self.table(Salesman).put(
            code,
            {
                "name": rec.text("name", required=True, max_len=100),
                "commission_rate": rec.percent("commission_rate"),
                "active": rec.boolean("active", True),
            },
        )

    def load_channels(self, rec: Record) -> None:
        """Check a `channels` record: created, or updated by its name."""
        rec.allow("name", "active")
        name = rec.text("name", required=True, max_len=60)
        self.table(Channel).put(name, {"active": rec.boolean("active", True)})

    def load_custom_fields(self, rec: Record) -> None:
        """Check a `custom_fields` record: created, or updated by its name."""
        rec.allow("name", "kind", "active")
        name = rec.text("name", required=True, max_len=60)
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
                "notes": rec.text("notes", max_len=10_000),
                "shipping_method": rec.text("shipping_method", max_len=60),
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
        order.payments = [self._payment(payment) for payment in rec.children("payments")]
        self._check_deposit(rec, "payments", sum((p["amount"] for p in order.payments), ZERO), order)
        order.custom_values = self._custom_values(rec)
        self.table(CorporateSaleOrder).put(number, order)

    def _custom_values(self, rec: Record) -> list[dict[str, Any]]:
        custom = rec.data.get("custom_fields")
        if custom is None:
            return []
        if not isinstance(custom, dict):
            raise rec.error("custom_fields", "must be an object of field name to value")
        fields = self.table(CustomField)
        values = []
        for name, value in custom.items():
            if not fields.knows(name):
                raise rec.error(f"custom_fields.{name}", "unknown custom order field")
            values.append({"field_id": Ref(CustomField, name), "value": str(value)})
        return values

    def _payment(self, rec: Record) -> dict[str, Any]:
        _refuse_security_code(rec)
        rec.allow("type", "amount", "card", "authorization")
        kind = rec.choice("type", PaymentType)
        payment: dict[str, Any] = {
            "kind": kind,
            "amount": rec.money("amount", default=Decimal("0.00")),
            "authorization": rec.text("authorization", max_len=40) or None,
            "card_brand": None,
            "card_last4": None,
            "card_expiry": None,
            "card_number_encrypted": None,
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
        """The card columns of a payment; the number is encrypted with the vault (DOMAIN.md section 3)."""
        card.allow("brand", "number", "expiry", "authorization")
        try:
            digits = normalize_card_number(card.text("number", required=True, max_len=40))
        except CardDataError as exc:
            raise card.error("number", str(exc)) from None
        try:
            expiry = validate_expiry(card.text("expiry", required=True)) if card.has("expiry") else None
        except CardDataError as exc:
            raise card.error("expiry", str(exc)) from None
        return {
            "card_brand": card.text("brand", max_len=20) or None,
            "card_last4": digits[-4:],
            "card_expiry": expiry,
            "card_number_encrypted": self.vault().encrypt(digits),
            "authorization": card.text("authorization", max_len=40) or authorization,
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
        cso = self.ref(rec, "corporate_order", CorporateSaleOrder, "corporate sale order", required=False)
        billing, shipping, cso_lines = self._cso_facts(cso) if cso is not None else (None, None, {})
        order = Order(
            {
                "number": int(number),
                "location_id": Ref(Location, self.ref(rec, "location", Location, "location")),
                "date": rec.date("date", required=True),
                "status": rec.choice("status", SoStatus, SoStatus.OPEN),
                "cso_id": None if cso is None else Ref(CorporateSaleOrder, cso),
                "billing_customer_id": billing,
                "shipping_customer_id": shipping,
                "note": rec.text("note", max_len=10_000),
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
        self.table(SaleOrder).put(number, order)

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
                "note": rec.text("note", max_len=10_000),
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


def import_document(
    uow: UnitOfWork, doc: dict[str, Any], vault_factory: Callable[[], CardVault] = load_vault
) -> ImportResult:
    """Load `doc` and commit; on any error nothing is written and ImportDocumentError names the record.

    `doc` is a parsed import document (`read_document`); implements INTERFACE.md "Import document"
    and `xmart import`. Raises ImportDocumentError (exit status 2) for a bad record.
    """
    assert uow.session is not None
    result = Importer(uow.session, vault_factory).run(doc)
    uow.commit()
    return result
