"""The rows of an import document, checked in memory, and their set-based writing (`xmart import`).

`xmart.processes.importer` checks every record of a document and gathers the rows here: keyed
master data (created, or updated by its code), stock levels, and new documents with their lines.
`RowWriter` then writes them in dependency order with a few multi-row statements per table:
executemany inserts (`RETURNING id`, in row order, where later rows need the ids), executemany
updates by id for master data already in the database, and an insert-or-update for stock. No
statement is issued per record. References between rows are `Ref`s (a model and the key the
document names it by), resolved to ids once the referred rows are written.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session

from xmart.models import (
    Channel,
    CorporateSaleOrder,
    CsoLine,
    Customer,
    CustomField,
    CustomFieldValue,
    Item,
    Location,
    Payment,
    PurchaseOrder,
    PurchaseOrderLine,
    SaleOrder,
    SaleOrderLine,
    Salesman,
    Stock,
    Vendor,
)
from xmart.models.base import ADDRESS_FIELDS, Address, Base
from xmart.processes.customers import shipping_or_billing
from xmart.processes.fulfilment import assigned_and_sold

Key = Hashable
"""A row's key as the document names it: a code, SKU or name, or a document number as text."""

IN_CHUNK = 500
"""Keys per `WHERE key IN (...)` query: well under SQLite's and PostgreSQL's limits on bound values."""

KEY_COLUMNS: dict[type[Base], InstrumentedAttribute[Any]] = {
    Location: Location.code,
    Vendor: Vendor.code,
    Item: Item.sku,
    Customer: Customer.number,
    Salesman: Salesman.code,
    Channel: Channel.name,
    CustomField: CustomField.name,
    CorporateSaleOrder: CorporateSaleOrder.number,
    SaleOrder: SaleOrder.number,
    PurchaseOrder: PurchaseOrder.number,
}
"""The column each keyed table is named by in a document (INTERFACE.md, "Import document")."""

MASTER_DATA: tuple[tuple[type[Base], ...], ...] = ((Location, Vendor, Item), (Customer, Salesman, Channel, CustomField))
"""Keyed master data in dependency order, before and after stock."""

CUSTOMER_COPY = ("name", *(f"{kind}_{name}" for kind in ("billing", "shipping") for name in ADDRESS_FIELDS))
"""Customer columns a CSO copies when it is created (its names and addresses are kept as taken)."""


@dataclass(frozen=True)
class Ref:
    """A row named by its key, resolved to the row's id when the rows are written."""

    model: type[Base]
    key: Key


@dataclass
class Order:
    """A document (CSO, SO or PO) checked in memory: header columns and the rows it owns.

    A line's price (or cost) of None means the item's own, read when the line is written.
    """

    header: dict[str, Any]
    lines: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    custom_values: list[dict[str, Any]] = field(default_factory=list)


class KeyedRows:
    """One keyed table as the document sees it: ids already in the database, rows it adds or changes."""

    def __init__(self, ids: dict[Key, int]) -> None:
        self.ids = ids
        self.new: dict[Key, Any] = {}
        self.changed: dict[Key, dict[str, Any]] = {}

    def knows(self, key: Key) -> bool:
        """True when the database or an earlier record of the document has this key."""
        return key in self.ids or key in self.new

    def put(self, key: Key, values: Any) -> None:
        """Create or update the row named `key`; a later record with the same key replaces every column."""
        if key in self.ids:
            self.changed[key] = values
        else:
            self.new[key] = values

    def values(self, key: Key) -> dict[str, Any] | None:
        """The columns the document gives the row, or None when the document leaves it as it is."""
        found = self.new.get(key)
        return found if found is not None else self.changed.get(key)


@dataclass
class ImportRows:
    """Everything a checked document writes."""

    tables: dict[type[Base], KeyedRows] = field(default_factory=lambda: {CsoLine: KeyedRows({})})
    stock: dict[tuple[Key, Key], dict[str, int]] = field(default_factory=dict)
    """(location code, SKU) -> on_hand, minimum, maximum; the last record for a pair wins."""
    cso_line_ids_needed: bool = False
    """True when a sale order of the document refers to a line of a CSO of the document."""


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class."""
    return cast(Table, model.__table__)


TEXT_LIMIT = 10_000
"""Characters an unbounded text column (notes, custom field values) accepts from a document."""


def column_width(column: Any) -> int:
    """Characters `column` (a mapped attribute such as `Customer.name`, or a Core column) holds.

    Derived from the model's column type: String(n) holds n, Text holds TEXT_LIMIT; checked before
    the database sees a value, the same on SQLite (which would store anything) and PostgreSQL.
    """
    length = getattr(getattr(column, "type", None), "length", None)
    return int(length) if length else TEXT_LIMIT


def chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    """`values` in slices of at most `size`."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def read_keys(session: Session, model: type[Base]) -> KeyedRows:
    """The keys and ids of every `model` row in the database (one query), keys as text."""
    rows = session.execute(select(KEY_COLUMNS[model], table_of(model).c.id))
    return KeyedRows({str(key): id_ for key, id_ in rows})


CsoFacts = tuple[int, int, dict[int, tuple[Key, int]]]
"""A CSO's billing and shipping customer ids, and its lines: line number -> (SKU, line id)."""


def read_cso_facts(session: Session, cso_ids: Sequence[int]) -> dict[int, CsoFacts]:
    """The facts sale orders need of CSOs in the database, by CSO id, read in chunked IN queries."""
    cso, line, item = table_of(CorporateSaleOrder), table_of(CsoLine), table_of(Item)
    lines: dict[int, dict[int, tuple[Key, int]]] = {cso_id: {} for cso_id in cso_ids}
    facts: dict[int, CsoFacts] = {}
    for chunk in chunks(cso_ids):
        query = (
            select(line.c.cso_id, line.c.line_no, line.c.id, item.c.sku)
            .join(item, item.c.id == line.c.item_id)
            .where(line.c.cso_id.in_(chunk))
        )
        for cso_id, line_no, line_id, sku in session.execute(query):
            lines[cso_id][line_no] = (sku, line_id)
        query = select(cso.c.id, cso.c.billing_customer_id, cso.c.shipping_customer_id).where(cso.c.id.in_(chunk))
        for row in session.execute(query):
            facts[row.id] = (row.billing_customer_id, row.shipping_customer_id, lines[row.id])
    return facts


def read_cso_line_fill(session: Session, line_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """For CSO lines in the database: line id -> (units still ordered, units assigned on SOs not cancelled)."""
    line = table_of(CsoLine)
    fill: dict[int, tuple[int, int]] = {}
    for chunk in chunks(line_ids):
        ordered = dict(
            session.execute(select(line.c.id, line.c.qty - line.c.cancelled_qty).where(line.c.id.in_(chunk))).all()
        )
        assigned = {
            row[0]: int(row[1])
            for row in session.execute(
                assigned_and_sold(SaleOrderLine.cso_line_id).where(SaleOrderLine.cso_line_id.in_(chunk))
            )
        }
        fill.update({line_id: (int(qty), assigned.get(line_id, 0)) for line_id, qty in ordered.items()})
    return fill


class RowWriter:
    """Writes checked rows with multi-row statements, in dependency order, in the session's transaction."""

    def __init__(self, session: Session, rows: ImportRows) -> None:
        self.session = session
        self.rows = rows
        self.tables = rows.tables

    def write(self) -> None:
        """Write master data, stock, then CSOs (with lines, payments, custom values), SOs and POs."""
        before_stock, after_stock = MASTER_DATA
        for model in before_stock:
            self._write_keyed(model)
        self._write_stock()
        for model in after_stock:
            self._write_keyed(model)
        self._write_csos()
        self._write_orders(SaleOrder, SaleOrderLine, "so_id", "price")
        self._write_orders(PurchaseOrder, PurchaseOrderLine, "po_id", "cost")

    # --- statements --------------------------------------------------------------------------
    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert `rows` with one executemany."""
        if rows:
            self.session.execute(insert(table), rows)

    def _insert_keyed(self, model: type[Base], rows: list[dict[str, Any]]) -> None:
        """Insert rows of a keyed table, then read their ids by key in chunked IN queries.

        Not `INSERT ... RETURNING`: to keep ids in row order SQLAlchemy sends such rows one
        statement each on SQLite; reading the new keys back costs one query per 500 rows.
        """
        self._insert(table_of(model), rows)
        key_column, id_column = KEY_COLUMNS[model], table_of(model).c.id
        ids = self.tables[model].ids
        for chunk in chunks([row[key_column.key] for row in rows]):
            ids.update(
                (str(key), id_)
                for key, id_ in self.session.execute(select(key_column, id_column).where(key_column.in_(chunk)))
            )

    def _update(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Update rows by id (executemany); each row maps "id" and the columns to set."""
        if not rows:
            return
        columns = [name for name in rows[0] if name != "id"]
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({name: bindparam(f"_{name}") for name in columns})
        )
        self.session.execute(statement, [{f"_{name}": value for name, value in row.items()} for row in rows])

    def _upsert(self, table: Table, keys: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
        """Insert rows, or update the existing row with the same `keys` (INSERT ... ON CONFLICT DO UPDATE)."""
        if not rows:
            return
        dialect = postgresql if self.session.get_bind().dialect.name == "postgresql" else sqlite
        statement = dialect.insert(table)
        columns = [name for name in rows[0] if name not in keys]
        statement = statement.on_conflict_do_update(
            index_elements=list(keys), set_={name: statement.excluded[name] for name in columns}
        )
        self.session.execute(statement, rows)

    # --- resolving references ----------------------------------------------------------------
    def _id(self, ref: Ref) -> int:
        return self.tables[ref.model].ids[ref.key]

    def _resolve(self, row: dict[str, Any]) -> dict[str, Any]:
        """`row` with every Ref replaced by its id."""
        return {name: self._id(value) if isinstance(value, Ref) else value for name, value in row.items()}

    def _current(self, model: type[Base], keys: Iterable[Key], columns: Sequence[str]) -> dict[Key, dict[str, Any]]:
        """The columns of rows as they stand once written: the document's values, else the database's (bulk)."""
        table = self.tables[model]
        found: dict[Key, dict[str, Any]] = {}
        missing = []
        for key in set(keys):
            values = table.values(key)
            if values is None:
                missing.append(key)
            else:
                found[key] = values
        key_column, db_table = KEY_COLUMNS[model], table_of(model)
        for chunk in chunks(missing):
            query = select(key_column, *(db_table.c[name] for name in columns)).where(key_column.in_(chunk))
            for row in self.session.execute(query):
                found[str(row[0])] = dict(zip(columns, row[1:], strict=True))
        return found

    # --- tables ------------------------------------------------------------------------------
    def _write_keyed(self, model: type[Base]) -> None:
        table = self.tables.get(model)
        if table is None:
            return
        key_name, db_table = KEY_COLUMNS[model].key, table_of(model)
        self._insert_keyed(model, [{key_name: key, **self._resolve(values)} for key, values in table.new.items()])
        self._update(
            db_table, [{"id": table.ids[key], **self._resolve(values)} for key, values in table.changed.items()]
        )

    def _write_stock(self) -> None:
        if not self.rows.stock:
            return
        locations, items = self.tables[Location].ids, self.tables[Item].ids
        self._upsert(
            table_of(Stock),
            ("location_id", "item_id"),
            [
                {"location_id": locations[location], "item_id": items[sku], **values}
                for (location, sku), values in self.rows.stock.items()
            ],
        )

    def _copy_customers(self, orders: list[Order]) -> None:
        """Give each CSO its customers' names and addresses as they stand (DOMAIN.md: kept as taken)."""
        refs = [
            ref
            for order in orders
            for ref in (order.header["billing_customer_id"], order.header["shipping_customer_id"])
        ]
        customers = self._current(Customer, (ref.key for ref in refs), CUSTOMER_COPY)
        for order in orders:
            billing = customers[order.header["billing_customer_id"].key]
            shipping = customers[order.header["shipping_customer_id"].key]
            ship_to = shipping_or_billing(_address(shipping, "billing"), _address(shipping, "shipping"))
            order.header.update({"billing_name": billing["name"], "shipping_name": shipping["name"]})
            order.header.update({f"billing_{name}": billing[f"billing_{name}"] for name in ADDRESS_FIELDS})
            order.header.update({f"shipping_{name}": getattr(ship_to, name) for name in ADDRESS_FIELDS})

    def _write_csos(self) -> None:
        table = self.tables.get(CorporateSaleOrder)
        if table is None or not table.new:
            return
        self._copy_customers(list(table.new.values()))
        self._write_orders(CorporateSaleOrder, CsoLine, "cso_id", "price", line_ids=self.rows.cso_line_ids_needed)
        orders: dict[Key, Order] = table.new
        self._insert(
            table_of(Payment),
            [{**payment, "cso_id": table.ids[key]} for key, order in orders.items() for payment in order.payments],
        )
        self._insert(
            table_of(CustomFieldValue),
            [
                {**self._resolve(value), "cso_id": table.ids[key]}
                for key, order in orders.items()
                for value in order.custom_values
            ],
        )

    def _write_orders(
        self, model: type[Base], line_model: type[Base], parent: str, price: str, line_ids: bool = False
    ) -> None:
        """Insert new documents of `model` and their lines; with `line_ids`, keep line ids by (number, line_no)."""
        table = self.tables.get(model)
        if table is None or not table.new:
            return
        orders: dict[Key, Order] = table.new
        self._insert_keyed(model, [self._resolve(order.header) for order in orders.values()])
        defaults = self._current(
            Item,
            (line["item_id"].key for order in orders.values() for line in order.lines if line[price] is None),
            (price,),
        )
        rows = []
        for key, order in orders.items():
            for line in order.lines:
                row = self._resolve(line)
                row[parent] = table.ids[key]
                if row[price] is None:
                    row[price] = defaults[line["item_id"].key][price]
                rows.append(row)
        self._insert(table_of(line_model), rows)
        if line_ids:
            self._read_line_ids(model, line_model, parent, list(orders))

    def _read_line_ids(self, model: type[Base], line_model: type[Base], parent: str, keys: list[Key]) -> None:
        """Ids of the new documents' lines by (document key, line number), read in chunked IN queries."""
        documents, lines = self.tables[model].ids, table_of(line_model)
        key_of = {documents[key]: key for key in keys}
        line_ids = self.tables[line_model].ids
        for chunk in chunks(list(key_of)):
            query = select(lines.c[parent], lines.c.line_no, lines.c.id).where(lines.c[parent].in_(chunk))
            line_ids.update(((key_of[doc_id], line_no), id_) for doc_id, line_no, id_ in self.session.execute(query))


def _address(row: dict[str, Any], kind: str) -> Address:
    """The `kind` ("billing" or "shipping") address of a customer row read with CUSTOMER_COPY."""
    return Address(**{name: row[f"{kind}_{name}"] or "" for name in ADDRESS_FIELDS})
