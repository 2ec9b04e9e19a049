"""`xmart web-orders import | retry | map | held | runs`: web orders into CSOs (DOMAIN.md section 10).

Invariants of a run (`import_web_orders`, `retry_held`):
- it holds the processes' lock (IMPORT_LOCK) and needs the `import` permission (checked after the lock);
- every file is read and every order checked before anything is written; a malformed file or an order
  with card data anywhere refuses the whole run (WebOrderError, exit status 2) and nothing is written;
- each order is keyed by (source, order id): a version with the content already taken (its digest), or
  older than it (by the store's modification time), changes nothing; a later version updates the CSO
  while nothing of it is assigned (no sale order made from it, no purchase order covering it), cancels
  it when the order was cancelled, and otherwise is held for review with the reason, the CSO untouched;
- an order that cannot be taken (`mapping.plan_order`: unknown SKU, total not matched to the cent,
  deposit above the total, ...) is held with the reason and its content kept, nothing lost; `retry_held`
  takes the held orders again (after an item is added or a SKU mapped, or the CSO's SOs cancelled);
- new CSOs, customers, lines and payments are written with a few multi-row statements (set-based);
- one audit entry `web_orders.import` (or `web_orders.retry`) with the counts, and the run's report kept
  (`web_order_runs`), in the same transaction; the run commits everything or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from xmart.errors import InputError, NotFoundError
from xmart.models import (
    Channel,
    CorporateSaleOrder,
    CsoLine,
    CsoStatus,
    Customer,
    Item,
    Payment,
    PoCoverage,
    SaleOrderLine,
    WebOrder,
    WebOrderRun,
    WebOrderState,
    WebSkuMapping,
)
from xmart.models.db import UnitOfWork
from xmart.models.search_key import customer_search_key
from xmart.processes.cards import free_text_problem
from xmart.processes.import_rows import chunks, table_of
from xmart.processes.order_entry import FIRST_CSO_NUMBER
from xmart.processes.security import audit
from xmart.processes.security.permissions import require, require_signed_in
from xmart.processes.selection import PROCESS_LOCK, next_number
from xmart.processes.store_management import refuse_in_store_mode
from xmart.processes.web_orders.files import ReadOrder, read_orders
from xmart.processes.web_orders.mapping import Catalog, CsoPlan, Held, plan_order
from xmart.processes.web_orders.model import SOURCES, WebOrderData

IMPORT_LOCK = PROCESS_LOCK
"""A run holds the processes' lock: it makes CSOs, and an update must not land in the middle of Assign."""
OUTCOMES = ("imported", "updated", "cancelled", "held", "unchanged")
WEBSITE = "Website"


@dataclass(frozen=True)
class OrderOutcome:
    """What a run did with one web order."""

    source: str
    order_id: str
    name: str
    file: str
    outcome: str
    """One of OUTCOMES."""
    cso: int | None = None
    """The CSO's number, when there is one."""
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        """The outcome as the `--json` report shows it."""
        return {
            "source": self.source,
            "order_id": self.order_id,
            "name": self.name,
            "file": self.file,
            "outcome": self.outcome,
            "corporate_order": self.cso,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class WebImportResult:
    """A run's report: one outcome per order, in the order read."""

    outcomes: tuple[OrderOutcome, ...]
    run_id: int = 0

    def counts(self) -> dict[str, int]:
        """How many orders had each outcome (every outcome named, 0 included)."""
        return {name: sum(1 for o in self.outcomes if o.outcome == name) for name in OUTCOMES}

    def to_json(self) -> dict[str, Any]:
        """The report (`xmart web-orders import --json`): counts, then every order with its outcome."""
        return {**self.counts(), "orders": [o.to_json() for o in self.outcomes]}


@dataclass(frozen=True)
class HeldOrder:
    """A web order in the review list."""

    source: str
    order_id: str
    name: str
    reason: str
    cso: int | None
    since: dt.datetime | None


@dataclass(frozen=True)
class RunReport:
    """One past run, for the client's list of the last runs."""

    id: int
    at: dt.datetime
    kind: str
    source: str
    user: str
    counts: dict[str, int]
    held: tuple[tuple[str, str], ...]
    """(order name, reason) of each order the run held."""


def import_web_orders(uow: UnitOfWork, paths: Iterable[Path], source: str) -> WebImportResult:
    """Import the web orders in `paths` (files or folders) from `source` and commit (see the module docstring).

    `source`: `shopify` or `woocommerce`. Raises WebOrderError (exit 2) for a file or order that cannot
    be read or carries card data, naming file, order and field; AccessError (exit 3) without the `import`
    permission; ProcessBusyError when another run holds the lock. Nothing is written on any error.
    """
    if source not in SOURCES:
        raise InputError(f"--source: one of {', '.join(SOURCES)}, not {source!r}")
    with uow.exclusive(IMPORT_LOCK):
        require(uow, "import")
        refuse_in_store_mode(uow.session, "importing web orders")
        read = read_orders(list(paths), source)
        result = _Run(uow.session).apply(read)
        return _finish(uow, "import", source, result)


def retry_held(uow: UnitOfWork) -> WebImportResult:
    """Take every held order again with today's items and SKU mappings; commit. Needs `import`.

    An order that still cannot be taken stays held (its reason brought up to date). DOMAIN.md section 10.
    """
    with uow.exclusive(IMPORT_LOCK):
        require(uow, "import")
        refuse_in_store_mode(uow.session, "importing web orders")
        session = uow.session
        rows = session.scalars(select(WebOrder).where(WebOrder.state == WebOrderState.HELD.value).order_by(WebOrder.id))
        read = [ReadOrder("(held)", WebOrderData.from_json(json.loads(row.payload))) for row in rows]
        result = _Run(session, retry=True).apply(read)
        return _finish(uow, "retry", "", result)


def _finish(uow: UnitOfWork, kind: str, source: str, result: WebImportResult) -> WebImportResult:
    session = uow.session
    user = uow.actor.name if uow.actor is not None else ""
    run_id = session.execute(
        insert(WebOrderRun)
        .values(kind=kind, source=source, user=user[:60], report=json.dumps(result.to_json(), ensure_ascii=False))
        .returning(WebOrderRun.id)
    ).scalar_one()
    audit.record(
        uow, f"web_orders.{kind}", entity="web_order_run", entity_id=run_id, detail=json.dumps(result.counts())
    )
    uow.commit()
    return WebImportResult(result.outcomes, run_id)


def map_sku(uow: UnitOfWork, web_sku: str, item_sku: str) -> None:
    """Let web SKU `web_sku` stand for the item `item_sku` (replacing an earlier mapping); commit. Needs `import`.

    Raises InputError for an empty or too long web SKU or one holding card data, NotFoundError when no
    item has `item_sku`. Audited (`web_orders.map`). Retry the held orders afterwards (`retry_held`).
    """
    web_sku = web_sku.strip()
    with uow.exclusive(IMPORT_LOCK):
        require(uow, "import")
        if not web_sku or len(web_sku) > 64 or free_text_problem(web_sku) is not None:
            raise InputError("Web SKU: 1 to 64 characters, no card data.")
        session = uow.session
        item_id = session.scalar(select(Item.id).where(Item.sku == item_sku.strip()))
        if item_id is None:
            raise NotFoundError(f"Item: there is no item with SKU {item_sku.strip()[:40]!r}.")
        session.execute(delete(WebSkuMapping).where(WebSkuMapping.web_sku == web_sku))
        session.add(WebSkuMapping(web_sku=web_sku, item_id=item_id))
        audit.record(uow, "web_orders.map", entity="web_sku", entity_id=web_sku, detail=f"stands for item {item_sku}")
        uow.commit()


def sku_mappings(session: Session) -> list[tuple[str, str]]:
    """Every SKU mapping as (web SKU, item SKU), by web SKU. Needs a sign-in once the database has users."""
    require_signed_in(session)
    query = select(WebSkuMapping.web_sku, Item.sku).join(Item, Item.id == WebSkuMapping.item_id)
    return [(web, sku) for web, sku in session.execute(query.order_by(WebSkuMapping.web_sku))]


def held_orders(session: Session) -> list[HeldOrder]:
    """The review list: every held web order with its reason, oldest first. Needs a sign-in (section 9)."""
    require_signed_in(session)
    query = (
        select(WebOrder, CorporateSaleOrder.number)
        .outerjoin(CorporateSaleOrder, CorporateSaleOrder.id == WebOrder.cso_id)
        .where(WebOrder.state == WebOrderState.HELD.value)
        .order_by(WebOrder.id)
    )
    return [
        HeldOrder(row.source, row.order_id, row.name, row.reason, number, row.updated_at or row.recorded_at)
        for row, number in session.execute(query)
    ]


def last_runs(session: Session, limit: int = 20) -> list[RunReport]:
    """The last `limit` runs, newest first, with their counts and held orders. Needs a sign-in (section 9)."""
    require_signed_in(session)
    runs = []
    for run in session.scalars(select(WebOrderRun).order_by(WebOrderRun.id.desc()).limit(limit)):
        report = json.loads(run.report or "{}")
        counts = {name: int(report.get(name, 0)) for name in OUTCOMES}
        held = tuple(
            (o["name"] or o["order_id"], o["reason"]) for o in report.get("orders", []) if o["outcome"] == "held"
        )
        runs.append(RunReport(run.id, run.at, run.kind, run.source, run.user, counts, held))
    return runs


class _Run:
    """One run's work: decide each order's outcome, then write (set-based for new CSOs)."""

    def __init__(self, session: Session, retry: bool = False) -> None:
        self.session, self.retry = session, retry
        self.outcomes: list[OrderOutcome] = []
        self.new_rows: list[dict[str, Any]] = []
        self.changed_rows: list[dict[str, Any]] = []
        self.new_csos: list[tuple[int, CsoPlan, dict[str, Any]]] = []
        """(position in outcomes, plan, web_orders row) of each CSO to create."""

    def apply(self, read: list[ReadOrder]) -> WebImportResult:
        latest = _latest_versions(read)
        existing = self._existing(latest)
        catalog = self._catalog(latest)
        channel = self._channel()
        numbers = self._customer_numbers()
        for entry in read:
            order = entry.order
            key = (order.source, order.order_id)
            if latest[key] is not entry:
                self._outcome(entry, "unchanged", reason="a later version is in the same run")
                continue
            row = existing.get(key)
            self._decide(entry, row, catalog, channel, numbers)
        self._write(catalog)
        return WebImportResult(tuple(self.outcomes))

    # --- reading ---------------------------------------------------------------------------
    def _existing(self, latest: dict[tuple[str, str], ReadOrder]) -> dict[tuple[str, str], WebOrder]:
        found: dict[tuple[str, str], WebOrder] = {}
        by_source: dict[str, list[str]] = {}
        for source, order_id in latest:
            by_source.setdefault(source, []).append(order_id)
        for source, ids in by_source.items():
            for chunk in chunks(ids):
                query = select(WebOrder).where(WebOrder.source == source, WebOrder.order_id.in_(chunk))
                found.update(((row.source, row.order_id), row) for row in self.session.scalars(query))
        return found

    def _catalog(self, latest: dict[tuple[str, str], ReadOrder]) -> Catalog:
        session = self.session
        skus = sorted({line.sku for entry in latest.values() for line in entry.order.lines if line.sku})
        mappings = dict(session.execute(select(WebSkuMapping.web_sku, WebSkuMapping.item_id)).all())
        items: dict[str, int] = {}
        wanted = [sku for sku in skus if sku not in mappings]
        for chunk in chunks(wanted):
            items.update(session.execute(select(Item.sku, Item.id).where(Item.sku.in_(chunk))).all())
        emails = sorted({entry.order.email.strip().lower() for entry in latest.values() if entry.order.email.strip()})
        customers: dict[str, int] = {}
        for chunk in chunks(emails):
            query = (
                select(func.lower(Customer.email), func.min(Customer.id))
                .where(func.lower(Customer.email).in_(chunk))
                .group_by(func.lower(Customer.email))
            )
            customers.update(session.execute(query).all())
        return Catalog(items, mappings, customers)

    def _channel(self) -> int:
        channel = self.session.scalar(select(Channel.id).where(Channel.name == WEBSITE))
        if channel is None:
            channel = self.session.execute(
                insert(Channel).values(name=WEBSITE, active=True).returning(Channel.id)
            ).scalar_one()
        return channel

    def _customer_numbers(self) -> Any:
        """A function giving the next free customer number `C` + 6 digits (customers.py's rule), in memory."""
        used = set(self.session.scalars(select(Customer.number).where(Customer.number.like("C%"))))
        state = {"n": (self.session.scalar(select(func.count(Customer.id))) or 0) + 1}

        def next_free() -> str:
            while f"C{state['n']:06d}" in used:
                state["n"] += 1
            number = f"C{state['n']:06d}"
            used.add(number)
            return number

        return next_free

    # --- deciding --------------------------------------------------------------------------
    def _outcome(self, entry: ReadOrder, outcome: str, cso: int | None = None, reason: str = "") -> int:
        order = entry.order
        self.outcomes.append(OrderOutcome(order.source, order.order_id, order.name, entry.file, outcome, cso, reason))
        return len(self.outcomes) - 1

    def _row(self, order: WebOrderData, state: WebOrderState, reason: str = "", held: bool = False) -> dict[str, Any]:
        return {
            "source": order.source,
            "order_id": order.order_id,
            "name": order.name[:64],
            "version": order.updated,
            "digest": order.digest,
            "state": state.value,
            "reason": reason,
            "payload": json.dumps(order.to_json(), ensure_ascii=False) if held else "",
            "updated_at": dt.datetime.now(dt.UTC),
        }

    def _decide(self, entry: ReadOrder, row: WebOrder | None, catalog: Catalog, channel: int, numbers: Any) -> None:
        order = entry.order
        if row is not None and not self.retry:
            if row.digest == order.digest:
                number = self._cso_number(row.cso_id)
                self._outcome(entry, "unchanged", number, row.reason if row.state == WebOrderState.HELD else "")
                return
            if order.updated and row.version and order.updated < row.version:
                self._outcome(entry, "unchanged", self._cso_number(row.cso_id), "older than the version taken")
                return
        if row is None or row.cso_id is None:
            self._new(entry, row, catalog, channel, numbers)
        else:
            self._change(entry, row, catalog, channel, numbers)

    def _new(self, entry: ReadOrder, row: WebOrder | None, catalog: Catalog, channel: int, numbers: Any) -> None:
        """A first version (or one held before any CSO was made): a new CSO, nothing (cancelled) or held."""
        order = entry.order
        if order.cancelled:
            self._store(row, self._row(order, WebOrderState.CANCELLED))
            self._outcome(entry, "cancelled", reason="cancelled at the web store before it was taken")
            return
        plan = plan_order(order, catalog, channel, numbers)
        if isinstance(plan, Held):
            self._store(row, self._row(order, WebOrderState.HELD, plan.reason, held=True))
            self._outcome(entry, "held", reason=plan.reason)
            return
        web_row = self._row(order, WebOrderState.IMPORTED)
        if row is not None:
            web_row["id"] = row.id
        self.new_csos.append((self._outcome(entry, "imported"), plan, web_row))

    def _change(self, entry: ReadOrder, row: WebOrder, catalog: Catalog, channel: int, numbers: Any) -> None:
        """A later version of an order with a CSO: update or cancel the CSO while nothing is assigned, else hold."""
        order, session = entry.order, self.session
        cso = session.get(CorporateSaleOrder, row.cso_id)
        assert cso is not None
        blocker = self._blocker(cso)
        if blocker is not None:
            reason = f"changed at the web store after {blocker}: review corporate sale order {cso.number}"
            self._store(row, self._row(order, WebOrderState.HELD, reason, held=True))
            self._outcome(entry, "held", cso.number, reason)
            return
        if order.cancelled:
            cso.status = CsoStatus.CANCELLED.value
            self._store(row, self._row(order, WebOrderState.IMPORTED))
            self._outcome(entry, "cancelled", cso.number, "cancelled at the web store")
            return
        plan = plan_order(order, catalog, channel, numbers)
        if isinstance(plan, Held):
            self._store(row, self._row(order, WebOrderState.HELD, plan.reason, held=True))
            self._outcome(entry, "held", cso.number, plan.reason)
            return
        customer = self._customer_ids(catalog).get(plan.customer) if isinstance(plan.customer, str) else plan.customer
        session.execute(delete(CsoLine).where(CsoLine.cso_id == cso.id))
        session.execute(delete(Payment).where(Payment.cso_id == cso.id))
        header = {**plan.header, "status": cso.status if cso.status == CsoStatus.ON_HOLD else CsoStatus.OPEN.value}
        session.execute(
            update(CorporateSaleOrder)
            .where(CorporateSaleOrder.id == cso.id)
            .values(**header, billing_customer_id=customer, shipping_customer_id=customer)
        )
        session.execute(insert(CsoLine), [{**line, "cso_id": cso.id} for line in plan.lines])
        if plan.payments:
            session.execute(insert(Payment), [{**p, "cso_id": cso.id} for p in plan.payments])
        self._store(row, self._row(order, WebOrderState.IMPORTED))
        self._outcome(entry, "updated", cso.number)

    def _blocker(self, cso: CorporateSaleOrder) -> str | None:
        """Why a CSO may no longer follow its web order (something assigned or covered), or None."""
        if cso.status == CsoStatus.CANCELLED:
            return "its corporate sale order was cancelled in xmart"
        lines = select(CsoLine.id).where(CsoLine.cso_id == cso.id)
        if self.session.scalar(select(exists().where(SaleOrderLine.cso_line_id.in_(lines)))):
            return "sale orders were made from it"
        if self.session.scalar(select(exists().where(PoCoverage.cso_line_id.in_(lines)))):
            return "purchase orders cover it"
        return None

    def _cso_number(self, cso_id: int | None) -> int | None:
        if cso_id is None:
            return None
        return self.session.scalar(select(CorporateSaleOrder.number).where(CorporateSaleOrder.id == cso_id))

    def _store(self, row: WebOrder | None, values: dict[str, Any]) -> None:
        if row is None:
            self.new_rows.append(values)
        else:
            self.changed_rows.append({**values, "id": row.id})

    # --- writing ---------------------------------------------------------------------------
    def _customer_ids(self, catalog: Catalog) -> dict[str, int]:
        """Insert the customers this run makes (once), and return key -> id for them."""
        pending = {k: v for k, v in catalog.new_customers.items() if k not in catalog.customers}
        if pending:
            rows = [values | {"search_key": customer_search_key(values)} for values in pending.values()]
            self.session.execute(insert(Customer), rows)
            ids: dict[str, int] = {}
            numbers = [values["number"] for values in pending.values()]
            for chunk in chunks(numbers):
                ids.update(
                    self.session.execute(select(Customer.number, Customer.id).where(Customer.number.in_(chunk))).all()
                )
            for key, values in pending.items():
                catalog.customers[key] = ids[values["number"]]
        return catalog.customers

    def _write(self, catalog: Catalog) -> None:
        session = self.session
        if self.new_csos:
            customers = self._customer_ids(catalog)
            first = next_number(session, CorporateSaleOrder.number, FIRST_CSO_NUMBER)
            headers = []
            for offset, (_, plan, _) in enumerate(self.new_csos):
                customer = customers[plan.customer] if isinstance(plan.customer, str) else plan.customer
                headers.append(
                    {
                        **plan.header,
                        "number": first + offset,
                        "billing_customer_id": customer,
                        "shipping_customer_id": customer,
                    }
                )
            session.execute(insert(CorporateSaleOrder), headers)
            ids: dict[int, int] = {}
            for chunk in chunks([h["number"] for h in headers]):
                query = select(CorporateSaleOrder.number, CorporateSaleOrder.id).where(
                    CorporateSaleOrder.number.in_(chunk)
                )
                ids.update(session.execute(query).all())
            lines: list[dict[str, Any]] = []
            payments: list[dict[str, Any]] = []
            for offset, (position, plan, web_row) in enumerate(self.new_csos):
                number = first + offset
                cso_id = ids[number]
                lines.extend({**line, "cso_id": cso_id} for line in plan.lines)
                payments.extend({**payment, "cso_id": cso_id} for payment in plan.payments)
                web_row["cso_id"] = cso_id
                outcome = self.outcomes[position]
                self.outcomes[position] = OrderOutcome(**{**vars(outcome), "cso": number})
                if "id" in web_row:
                    self.changed_rows.append(web_row)
                else:
                    self.new_rows.append(web_row)
            session.execute(insert(table_of(CsoLine)), lines)
            if payments:
                session.execute(insert(table_of(Payment)), payments)
        if self.new_rows:
            session.execute(insert(table_of(WebOrder)), [{"cso_id": None, **row} for row in self.new_rows])
        for row in self.changed_rows:
            values = {k: v for k, v in row.items() if k != "id"}
            session.execute(update(WebOrder).where(WebOrder.id == row["id"]).values(**values))


def _latest_versions(read: list[ReadOrder]) -> dict[tuple[str, str], ReadOrder]:
    """For each (source, order id) of a run, the version to take: the latest by modification time, else the last."""
    latest: dict[tuple[str, str], ReadOrder] = {}
    for entry in read:
        key = (entry.order.source, entry.order.order_id)
        before = latest.get(key)
        if before is None or entry.order.updated >= before.order.updated:
            latest[key] = entry
    return latest
