"""`xmart import`: load an import document (INTERFACE.md) in one transaction.

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
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xmart.errors import CardDataError, ImportDocumentError, InputError
from xmart.models import (
    Address,
    AuditEntry,
    Channel,
    CorporateSaleOrder,
    CsoLine,
    CsoStatus,
    CustomField,
    CustomFieldValue,
    Customer,
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
    Stock,
    Vendor,
)
from xmart.models.base import ADDRESS_FIELDS
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
from xmart.processes.settings import get_setting

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


def read_document(path: Path) -> dict:
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
        return value

    def money(self, field: str, required: bool = False, default: Decimal | None = None, maximum: Decimal | None = None) -> Decimal:
        """A non-negative amount with at most 2 decimals, given as a string or a number."""
        value = self._value(field, required)
        if value is None:
            if default is None:
                raise self.error(field, "is required")
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            raise self.error(field, "must be an amount such as \"19.99\"")
        try:
            amount = Decimal(str(value).strip())
        except InvalidOperation:
            raise self.error(field, f"is not an amount: {value!r}") from None
        if not amount.is_finite() or amount < 0:
            raise self.error(field, f"must be zero or more, not {value}")
        if amount != amount.quantize(Decimal("0.01")):
            raise self.error(field, f"has more than 2 decimals: {value}")
        if amount >= Decimal("1e10"):
            raise self.error(field, f"is too large: {value}")
        if maximum is not None and amount > maximum:
            raise self.error(field, f"must be at most {maximum}, not {value}")
        return amount.quantize(Decimal("0.01"))

    def percent(self, field: str) -> Decimal:
        """A percentage from 0 to 100 (default 0)."""
        return self.money(field, default=Decimal("0.00"), maximum=Decimal(100))

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
        return value

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
    """Loads one document into a session; raises ImportDocumentError on the first bad record."""

    def __init__(self, session: Session, vault_factory: Callable[[], CardVault]):
        self.session = session
        self._vault_factory = vault_factory
        self._vault: CardVault | None = None
        self.ids: dict[type, dict[str, int]] = {}
        self.counts: dict[str, int] = {}

    def vault(self) -> CardVault:
        """The card vault, loaded on first card."""
        if self._vault is None:
            self._vault = self._vault_factory()
        return self._vault

    def _keys(self, model: type, key_column) -> dict[str, int]:
        if model not in self.ids:
            self.ids[model] = {str(k): i for k, i in self.session.execute(select(key_column, model.id))}
        return self.ids[model]

    def ref(self, rec: Record, field: str, model: type, key_column, what: str, required: bool = True) -> int | None:
        """The id of the record `rec[field]` names, in this document or in the database."""
        value = rec.data.get(field)
        if value is None:
            if required:
                raise rec.error(field, "is required")
            return None
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise rec.error(field, f"must name a {what}")
        found = self._keys(model, key_column).get(str(value))
        if found is None:
            raise rec.error(field, f"unknown {what} {value!r} (not in this document nor in the database)")
        return found

    def run(self, doc: dict) -> ImportResult:
        """Load every section in dependency order."""
        for name in doc:
            if name not in SECTIONS:
                raise ImportDocumentError(name, None, None, f"unknown section (expected: {', '.join(SECTIONS)})")
        for name in SECTIONS:
            records = doc.get(name)
            if records is None:
                continue
            if not isinstance(records, list):
                raise ImportDocumentError(name, None, None, "must be a list of records")
            loader = getattr(self, f"load_{name}")
            for index, data in enumerate(records):
                loader(Record(name, index, data))
            self.session.flush()
            self.counts[name] = len(records)
        self.session.add(AuditEntry(action="import", detail=json.dumps(self.counts)))
        self.session.flush()
        return ImportResult(dict(self.counts))

    def _upsert(self, model: type, key_column, key: str, values: dict) -> Any:
        ids = self._keys(model, key_column)
        obj = self.session.get(model, ids[key]) if key in ids else None
        if obj is None:
            obj = model(**{key_column.key: key}, **values)
            self.session.add(obj)
            self.session.flush()
            ids[key] = obj.id
        else:
            for k, v in values.items():
                setattr(obj, k, v)
        return obj

    def _new_number(self, rec: Record, model: type, what: str) -> int:
        number = rec.integer("number", required=True, minimum=1)
        if str(number) in self._keys(model, model.number):
            raise rec.error("number", f"{what} {number} already exists")
        return number

    # --- master data -------------------------------------------------------------------------
    def load_locations(self, rec: Record) -> None:
        rec.allow("code", "name", "kind", "active")
        code = rec.text("code", required=True, max_len=20)
        self._upsert(Location, Location.code, code, {
            "name": rec.text("name", required=True, max_len=100),
            "kind": rec.choice("kind", LocationKind, LocationKind.STORE),
            "active": rec.boolean("active", True),
        })

    def load_vendors(self, rec: Record) -> None:
        rec.allow("code", "name")
        code = rec.text("code", required=True, max_len=20)
        self._upsert(Vendor, Vendor.code, code, {"name": rec.text("name", required=True, max_len=100)})

    def load_items(self, rec: Record) -> None:
        rec.allow("sku", "description", "price", "cost", "vendor")
        sku = rec.text("sku", required=True, max_len=40)
        self._upsert(Item, Item.sku, sku, {
            "description": rec.text("description"),
            "price": rec.money("price", required=True),
            "cost": rec.money("cost", default=Decimal("0.00")),
            "vendor_id": self.ref(rec, "vendor", Vendor, Vendor.code, "vendor", required=False),
        })

    def load_stock(self, rec: Record) -> None:
        rec.allow("location", "sku", "on_hand", "minimum", "maximum")
        location_id = self.ref(rec, "location", Location, Location.code, "location")
        item_id = self.ref(rec, "sku", Item, Item.sku, "SKU")
        values = {f: rec.integer(f) for f in ("on_hand", "minimum", "maximum")}
        row = self.session.get(Stock, (location_id, item_id))
        if row is None:
            self.session.add(Stock(location_id=location_id, item_id=item_id, **values))
        else:
            for k, v in values.items():
                setattr(row, k, v)

    def _address(self, rec: Record, field: str) -> Address:
        sub = rec.child(field)
        if sub is None:
            return Address()
        sub.allow(*ADDRESS_FIELDS)
        return Address(**{name: sub.text(name) for name in ADDRESS_FIELDS})

    def load_customers(self, rec: Record) -> None:
        rec.allow("number", "name", "company", "email", "phone", "notes", "billing_address", "shipping_address")
        number = rec.text("number", required=True, max_len=20)
        self._upsert(Customer, Customer.number, number, {
            "name": rec.text("name", required=True, max_len=100),
            "company": rec.text("company", max_len=100),
            "email": rec.text("email"),
            "phone": rec.text("phone", max_len=40),
            "notes": rec.text("notes", max_len=10_000),
            "billing_address": self._address(rec, "billing_address"),
            "shipping_address": self._address(rec, "shipping_address"),
        })

    def load_salesmen(self, rec: Record) -> None:
        rec.allow("code", "name", "commission_rate", "active")
        code = rec.text("code", required=True, max_len=20)
        self._upsert(Salesman, Salesman.code, code, {
            "name": rec.text("name", required=True, max_len=100),
            "commission_rate": rec.percent("commission_rate"),
            "active": rec.boolean("active", True),
        })

    def load_channels(self, rec: Record) -> None:
        rec.allow("name", "active")
        name = rec.text("name", required=True, max_len=60)
        self._upsert(Channel, Channel.name, name, {"active": rec.boolean("active", True)})

    def load_custom_fields(self, rec: Record) -> None:
        rec.allow("name", "kind", "active")
        name = rec.text("name", required=True, max_len=60)
        self._upsert(CustomField, CustomField.name, name, {
            "kind": rec.choice("kind", FieldKind, FieldKind.TEXT),
            "active": rec.boolean("active", True),
        })

    # --- documents ---------------------------------------------------------------------------
    def _item_price(self, rec: Record, item_id: int, field: str) -> Decimal:
        if rec.has(field):
            return rec.money(field)
        item = self.session.get(Item, item_id)
        assert item is not None
        return item.price if field == "price" else item.cost

    def load_corporate_sale_orders(self, rec: Record) -> None:
        rec.allow("number", "date", "status", "billing_customer", "shipping_customer", "channel", "salesman",
                  "global_discount", "notes", "shipping_method", "shipping_cost", "lines", "payments",
                  "custom_fields")
        number = self._new_number(rec, CorporateSaleOrder, "corporate sale order")
        status = rec.choice("status", CsoStatus, CsoStatus.OPEN)
        billing_id = self.ref(rec, "billing_customer", Customer, Customer.number, "customer")
        shipping_id = self.ref(rec, "shipping_customer", Customer, Customer.number, "customer", required=False)
        billing = self.session.get(Customer, billing_id)
        shipping = self.session.get(Customer, shipping_id or billing_id)
        assert billing is not None and shipping is not None
        order = CorporateSaleOrder(
            number=number,
            date=rec.date("date", required=True),
            status=status,
            billing_customer_id=billing.id,
            shipping_customer_id=shipping.id,
            billing_name=billing.name,
            shipping_name=shipping.name,
            billing_address=Address(**vars(billing.billing_address)),
            shipping_address=Address(**vars(
                shipping.billing_address if shipping.shipping_address.is_empty() else shipping.shipping_address
            )),
            channel_id=self.ref(rec, "channel", Channel, Channel.name, "channel", required=False),
            salesman_id=self.ref(rec, "salesman", Salesman, Salesman.code, "salesman", required=False),
            global_discount=rec.percent("global_discount"),
            notes=rec.text("notes", max_len=10_000),
            shipping_method=rec.text("shipping_method", max_len=60),
            shipping_cost=rec.money("shipping_cost", default=Decimal("0.00")),
        )
        line_numbers: set[int] = set()
        for line in rec.children("lines", required=status != CsoStatus.DRAFT):
            line.allow("line", "sku", "qty", "price", "discount")
            line_no = line.integer("line", default=len(order.lines) + 1, minimum=1)
            if line_no in line_numbers:
                raise line.error("line", f"line number {line_no} appears twice")
            line_numbers.add(line_no)
            item_id = self.ref(line, "sku", Item, Item.sku, "SKU")
            assert item_id is not None
            order.lines.append(CsoLine(
                line_no=line_no, item_id=item_id, qty=line.integer("qty", required=True, minimum=1),
                price=self._item_price(line, item_id, "price"), discount=line.percent("discount"),
            ))
        for payment in rec.children("payments"):
            order.payments.append(self._payment(payment))
        custom = rec.data.get("custom_fields")
        if custom is not None:
            if not isinstance(custom, dict):
                raise rec.error("custom_fields", "must be an object of field name to value")
            fields = self._keys(CustomField, CustomField.name)
            for name, value in custom.items():
                if name not in fields:
                    raise rec.error(f"custom_fields.{name}", "unknown custom order field")
                order.custom_values.append(CustomFieldValue(field_id=fields[name], value=str(value)))
        self.session.add(order)
        self.session.flush()
        self._keys(CorporateSaleOrder, CorporateSaleOrder.number)[str(number)] = order.id

    def _payment(self, rec: Record) -> Payment:
        _refuse_security_code(rec)
        rec.allow("type", "amount", "card", "authorization")
        kind = rec.choice("type", PaymentType)
        payment = Payment(kind=kind, amount=rec.money("amount", default=Decimal("0.00")),
                          authorization=rec.text("authorization", max_len=40) or None)
        card = rec.child("card")
        if card is not None:
            _refuse_security_code(card)
        if kind == PaymentType.CARD:
            if card is None:
                raise rec.error("card", "is required for a card payment")
            card.allow("brand", "number", "expiry", "authorization")
            try:
                digits = normalize_card_number(card.text("number", required=True, max_len=40))
            except CardDataError as exc:
                raise card.error("number", str(exc)) from None
            try:
                expiry = validate_expiry(card.text("expiry", required=True)) if card.has("expiry") else None
            except CardDataError as exc:
                raise card.error("expiry", str(exc)) from None
            payment.card_brand = card.text("brand", max_len=20) or None
            payment.card_last4 = digits[-4:]
            payment.card_expiry = expiry
            payment.card_number_encrypted = self.vault().encrypt(digits)
            payment.authorization = card.text("authorization", max_len=40) or payment.authorization
        elif card is not None:
            raise rec.error("card", f"only a card payment has card details (type is {kind})")
        return payment

    def load_sale_orders(self, rec: Record) -> None:
        rec.allow("number", "location", "date", "status", "corporate_order", "note", "deposit", "global_discount", "lines")
        number = self._new_number(rec, SaleOrder, "sale order")
        cso_id = self.ref(rec, "corporate_order", CorporateSaleOrder, CorporateSaleOrder.number,
                          "corporate sale order", required=False)
        cso = self.session.get(CorporateSaleOrder, cso_id) if cso_id else None
        order = SaleOrder(
            number=number,
            location_id=self.ref(rec, "location", Location, Location.code, "location"),
            date=rec.date("date", required=True),
            status=rec.choice("status", SoStatus, SoStatus.OPEN),
            cso_id=cso_id,
            billing_customer_id=cso.billing_customer_id if cso else None,
            shipping_customer_id=cso.shipping_customer_id if cso else None,
            note=rec.text("note", max_len=10_000),
            deposit=rec.money("deposit", default=Decimal("0.00")),
            global_discount=rec.percent("global_discount"),
        )
        cso_lines = {line.line_no: line for line in cso.lines} if cso else {}
        for line in rec.children("lines", required=True):
            line.allow("sku", "qty", "sold", "price", "discount", "cso_line")
            item_id = self.ref(line, "sku", Item, Item.sku, "SKU")
            assert item_id is not None
            qty = line.integer("qty", required=True, minimum=1)
            sold = line.integer("sold")
            if sold > qty:
                raise line.error("sold", f"cannot be more than qty ({sold} > {qty})")
            cso_line_id = None
            if line.has("cso_line"):
                if cso is None:
                    raise line.error("cso_line", "needs the sale order's corporate_order")
                cso_line = cso_lines.get(line.integer("cso_line", minimum=1))
                if cso_line is None or cso_line.item_id != item_id:
                    raise line.error("cso_line", "no such line with this SKU on the corporate sale order")
                cso_line_id = cso_line.id
            order.lines.append(SaleOrderLine(
                line_no=len(order.lines) + 1, item_id=item_id, qty=qty, sold=sold,
                price=self._item_price(line, item_id, "price"), discount=line.percent("discount"),
                cso_line_id=cso_line_id,
            ))
        self.session.add(order)
        self.session.flush()
        self._keys(SaleOrder, SaleOrder.number)[str(number)] = order.id

    def load_purchase_orders(self, rec: Record) -> None:
        rec.allow("number", "vendor", "date", "location", "delivery", "cancel", "status", "note", "lines")
        number = self._new_number(rec, PurchaseOrder, "purchase order")
        if rec.has("location"):
            location_id = self.ref(rec, "location", Location, Location.code, "location")
        else:
            code = get_setting(self.session, "receiving_location")
            location_id = self._keys(Location, Location.code).get(code)
            if location_id is None:
                raise rec.error("location", f"is required: the receiving location {code!r} does not exist")
        delivery, cancel = rec.date("delivery"), rec.date("cancel")
        if delivery and cancel and cancel < delivery:
            raise rec.error("cancel", f"is before the delivery date ({cancel} < {delivery})")
        order = PurchaseOrder(
            number=number, vendor_id=self.ref(rec, "vendor", Vendor, Vendor.code, "vendor"),
            location_id=location_id, date=rec.date("date", required=True), delivery_date=delivery,
            cancel_date=cancel, status=rec.choice("status", PoStatus, PoStatus.OPEN), note=rec.text("note", max_len=10_000),
        )
        for line in rec.children("lines", required=True):
            line.allow("sku", "qty", "received", "cost")
            item_id = self.ref(line, "sku", Item, Item.sku, "SKU")
            assert item_id is not None
            qty = line.integer("qty", required=True, minimum=1)
            received = line.integer("received")
            if received > qty:
                raise line.error("received", f"cannot be more than qty ({received} > {qty})")
            order.lines.append(PurchaseOrderLine(
                line_no=len(order.lines) + 1, item_id=item_id, qty=qty, received=received,
                cost=self._item_price(line, item_id, "cost"),
            ))
        self.session.add(order)
        self.session.flush()
        self._keys(PurchaseOrder, PurchaseOrder.number)[str(number)] = order.id


def _refuse_security_code(rec: Record) -> None:
    key = security_code_key(rec.data)
    if key is not None:
        raise rec.error(key, SECURITY_CODE_REFUSED)


def import_document(uow: UnitOfWork, doc: dict, vault_factory: Callable[[], CardVault] = load_vault) -> ImportResult:
    """Load `doc` and commit; on any error nothing is written and ImportDocumentError names the record."""
    assert uow.session is not None
    result = Importer(uow.session, vault_factory).run(doc)
    uow.commit()
    return result
