"""Every process checks its permission in the process layer (DOMAIN.md section 9).

Each process is called directly (not through the command line or the client):
- as a signed-in user whose role holds every permission but the one the process needs: refused
  (PermissionDenied), a `denied` audit entry naming the permission, every other table unchanged;
- with nobody signed in on a database that has users: SignInRequired, nothing changed;
- as a user whose role holds only that permission: allowed (reading needs only a sign-in);
- on a database without users: allowed, as before the Security module.
Readers (lists, reports on screen, details) need a signed-in user once the database has users.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from tests.support.db import load, snapshot
from tests.support.security import (
    add_user,
    audit_entries,
    sign_in,
    user_with_only,
    user_without,
    without_audit,
)
from xmart.errors import PermissionDenied, SignInRequired
from xmart.models import CorporateSaleOrder, Customer, OutboxMessage
from xmart.models.base import Address
from xmart.models.db import UnitOfWork
from xmart.models.security import PERMISSIONS
from xmart.processes import customers, document_printing, order_entry, order_settings, order_status, outbox
from xmart.processes.assign import AssignParams, assign_orders
from xmart.processes.commission import CommissionParams, commission_report
from xmart.processes.demo import load_demo
from xmart.processes.fulfilment import cso_fulfilment
from xmart.processes.fulfilment_report import fulfilment_rows
from xmart.processes.importer import import_document
from xmart.processes.invoicing import invoice
from xmart.processes.mailer import SmtpSettings, load_smtp_settings, save_smtp_settings
from xmart.processes.printing import PrintTarget
from xmart.processes.purchase_orders import PurchaseOrderParams, generate_purchase_orders
from xmart.processes.receiving import receive
from xmart.processes.sale_order_report import SaleOrderReportParams, sale_order_report
from xmart.processes.security import audit
from xmart.processes.selection import CsoRange
from xmart.processes.settings import CompanySettings, load_company, save_company
from xmart.processes.views import customer_history, document_details, document_lists, items, lookups, operations

TODAY = dt.date(2026, 11, 21)
ADDRESS = {"line1": "1 Main St", "city": "Albany", "region": "NY", "postal_code": "12207", "country": "US"}


def _cso(number: int, status: str = "open") -> dict:
    return {
        "number": number,
        "date": "2026-11-02",
        "status": status,
        "billing_customer": "C001",
        "shipping_customer": "C001",
        "lines": [{"sku": "A100", "qty": 5, "price": "19.99"}, {"sku": "B200", "qty": 4, "price": "9.50"}],
        "payments": [{"type": "cash", "amount": "20.00"}],
    }


DOCUMENT = {
    "locations": [
        {"code": "MAIN", "name": "Main warehouse", "kind": "warehouse"},
        {"code": "S01", "name": "Downtown", "kind": "store"},
    ],
    "vendors": [{"code": "V1", "name": "Acme Supply"}],
    "items": [
        {"sku": "A100", "description": "Blue mug", "price": "19.99", "cost": "8.00", "vendor": "V1"},
        {"sku": "B200", "description": "Red bowl", "price": "9.50", "cost": "4.00", "vendor": "V1"},
    ],
    "stock": [{"location": "S01", "sku": "A100", "on_hand": 10, "minimum": 0, "maximum": 20}],
    "customers": [
        {"number": "C001", "name": "Ada Lovelace", "email": "ada@example.com", "billing_address": ADDRESS},
    ],
    "salesmen": [{"code": "JS", "name": "Jo Smith", "commission_rate": "2.50"}],
    "custom_fields": [{"name": "Gift message", "kind": "text"}],
    "corporate_sale_orders": [_cso(1001), _cso(1002), _cso(1003, "on hold")],
    "sale_orders": [
        {
            "number": 4001,
            "location": "S01",
            "date": "2026-11-03",
            "lines": [{"sku": "A100", "qty": 3, "price": "19.99"}],
        },
        {
            "number": 4002,
            "location": "S01",
            "date": "2026-11-03",
            "lines": [{"sku": "A100", "qty": 1, "price": "19.99"}],
        },
    ],
    "purchase_orders": [
        {
            "number": 6900,
            "vendor": "V1",
            "date": "2026-11-01",
            "location": "MAIN",
            "lines": [{"sku": "B200", "qty": 10}],
        },
        {
            "number": 6901,
            "vendor": "V1",
            "date": "2026-11-01",
            "location": "MAIN",
            "lines": [{"sku": "B200", "qty": 2}],
        },
    ],
}


def _ids(engine: Engine) -> dict[str, Any]:
    with UnitOfWork(engine) as uow:
        s = uow.session
        return {
            "C001": s.scalar(select(Customer.id).where(Customer.number == "C001")),
            "channel": order_settings.list_channels(s)[0],
            "salesman": order_settings.list_salesmen(s)[0],
            "field": order_settings.list_custom_fields(s)[0],
        }


def _complete_entry(ids: dict[str, Any]) -> order_entry.OrderEntry:
    return order_entry.OrderEntry(
        channel_id=ids["channel"].id,
        salesman_id=ids["salesman"].id,
        lines=(order_entry.LineParams("A100", 2, Decimal("19.99")),),
        payments=(order_entry.other_payment("cash", "10.00"),),
        shipping_method="UPS Ground",
        shipping_address=Address(**ADDRESS),
    )


def _draft(engine: Engine, ids: dict[str, Any]) -> None:
    with UnitOfWork(engine) as uow:
        ids["draft"] = order_entry.new_order(uow, ids["C001"], TODAY).id


def _queued_mail(engine: Engine, ids: dict[str, Any]) -> None:
    with UnitOfWork(engine) as uow:
        order_entry.enter_order(uow, ids["C001"], _complete_entry(ids), TODAY)
    with UnitOfWork(engine) as uow:
        ids["mail"] = uow.session.scalar(select(OutboxMessage.id))


def _uow(service: Callable[..., Any], *args: Any) -> Callable[[Engine, dict[str, Any], Path], Any]:
    """A call of `service(uow, *args)` in a unit of work of its own."""

    def call(engine: Engine, _ids: dict[str, Any], _tmp: Path) -> Any:
        with UnitOfWork(engine) as uow:
            return service(uow, *args)

    return call


def _assign(dry_run: bool) -> Callable[[Engine, dict[str, Any], Path], Any]:
    def call(engine: Engine, _ids: dict[str, Any], _tmp: Path) -> Any:
        with UnitOfWork(engine) as uow:
            return assign_orders(AssignParams(CsoRange.by_number(1001, 1002), dry_run=dry_run, today=TODAY), uow)

    return call


def _purchase_orders(dry_run: bool) -> Callable[[Engine, dict[str, Any], Path], Any]:
    def call(engine: Engine, _ids: dict[str, Any], _tmp: Path) -> Any:
        params = PurchaseOrderParams(
            CsoRange.by_number(1001, 1002), TODAY, TODAY + dt.timedelta(days=14), dry_run=dry_run, today=TODAY
        )
        with UnitOfWork(engine) as uow:
            return generate_purchase_orders(params, uow)

    return call


def _with_ids(service: Callable[..., Any]) -> Callable[[Engine, dict[str, Any], Path], Any]:
    """A call of `service(uow, ids)`."""

    def call(engine: Engine, ids: dict[str, Any], _tmp: Path) -> Any:
        with UnitOfWork(engine) as uow:
            return service(uow, ids)

    return call


def _print(engine: Engine, _ids: dict[str, Any], tmp: Path) -> Any:
    return document_printing.print_documents(engine, "so", [4001, 4002], PrintTarget(pdf_dir=tmp / "pdf"))


def _render_pdf(engine: Engine, _ids: dict[str, Any], _tmp: Path) -> Any:
    return document_printing.render_pdf(engine, "cso", 1001)


def _new_customer(uow: UnitOfWork, _ids: dict[str, Any]) -> Any:
    return customers.create_customer(uow, customers.CustomerParams(name="Grace Hopper", billing_address=Address()))


def _edit_customer(uow: UnitOfWork, ids: dict[str, Any]) -> Any:
    return customers.update_customer(
        uow, ids["C001"], customers.CustomerParams(name="Ada King", billing_address=Address(**ADDRESS))
    )


@dataclass(frozen=True)
class Case:
    """A process, the permission it needs, what it needs set up first (run without users) and the call."""

    name: str
    permission: str
    call: Callable[[Engine, dict[str, Any], Path], Any]
    setup: Callable[[Engine, dict[str, Any]], None] | None = None


CASES = [
    Case("new_order", "order.enter", _with_ids(lambda uow, ids: order_entry.new_order(uow, ids["C001"], TODAY))),
    Case(
        "save_sections",
        "order.enter",
        _with_ids(lambda uow, ids: order_entry.save_sections(uow, ids["draft"], _complete_entry(ids))),
        _draft,
    ),
    Case(
        "save_new_draft",
        "order.enter",
        _with_ids(lambda uow, ids: order_entry.save_new_draft(uow, ids["C001"], _complete_entry(ids), TODAY)),
    ),
    Case(
        "discard_empty_draft",
        "order.enter",
        _with_ids(lambda uow, ids: order_entry.discard_empty_draft(uow, ids["draft"])),
        _draft,
    ),
    Case(
        "complete_order",
        "order.enter",
        _with_ids(lambda uow, ids: order_entry.complete_order(uow, ids["draft"], _complete_entry(ids), TODAY)),
        _draft,
    ),
    Case(
        "enter_order",
        "order.enter",
        _with_ids(lambda uow, ids: order_entry.enter_order(uow, ids["C001"], _complete_entry(ids), TODAY)),
    ),
    Case("create_customer", "order.enter", _with_ids(_new_customer)),
    Case("update_customer", "order.enter", _with_ids(_edit_customer)),
    Case("requeue_mail", "order.enter", _with_ids(lambda uow, ids: outbox.requeue(uow, ids["mail"])), _queued_mail),
    Case("cancel_cso", "order.cancel", _uow(order_status.cancel_order, 1001)),
    Case("cancel_so", "order.cancel", _uow(order_status.cancel_sale_order, 4002)),
    Case("cancel_po", "order.cancel", _uow(order_status.cancel_purchase_order, 6901)),
    Case("hold", "order.hold", _uow(order_status.hold_order, 1002)),
    Case("release", "order.hold", _uow(order_status.release_order, 1003)),
    Case("assign", "process.assign", _assign(dry_run=False)),
    Case("assign_dry_run", "process.assign", _assign(dry_run=True)),
    Case("purchase_orders", "process.purchase_orders", _purchase_orders(dry_run=False)),
    Case("purchase_orders_dry_run", "process.purchase_orders", _purchase_orders(dry_run=True)),
    Case("receive", "po.receive", _uow(receive, 6900)),
    Case("invoice", "so.invoice", _uow(invoice, 4001, "A100", 1, TODAY)),
    Case("print_documents", "documents.print", _print),
    Case("render_pdf", "documents.print", _render_pdf),
    Case("report_pdf", "documents.print", _uow(document_printing.report_company, "sale-orders")),
    Case("import", "import", _uow(import_document, {"vendors": [{"code": "V2", "name": "Second Vendor"}]})),
    Case("save_company", "settings", _uow(save_company, CompanySettings(name="Acme Retail", phone="555 0100"))),
    Case(
        "save_smtp",
        "settings",
        _uow(save_smtp_settings, SmtpSettings(host="smtp.example.com", sender="orders@example.com"), "s3cret-pass"),
    ),
    Case("save_channels", "settings", _uow(order_settings.save_channels, [order_settings.ChannelRow(None, "Fax")])),
    Case(
        "save_salesmen",
        "settings",
        _uow(order_settings.save_salesmen, [order_settings.SalesmanRow(None, "MK", "Mo Khan", "5")]),
    ),
    Case(
        "save_custom_fields",
        "settings",
        _uow(order_settings.save_custom_fields, [order_settings.CustomFieldRow(None, "Deliver after", "date")]),
    ),
    Case("audit_verify", "audit.read", _uow(audit.verify)),
    Case("audit_entries", "audit.read", _uow(audit.entries)),
]


@pytest.fixture
def loaded(engine: Engine) -> Engine:
    """The test data set, loaded on a database without users."""
    load(engine, DOCUMENT)
    return engine


def _prepare(engine: Engine, case: Case) -> dict[str, Any]:
    ids = _ids(engine)
    if case.setup is not None:
        case.setup(engine, ids)
    return ids


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_process_refuses_a_user_without_its_permission_and_allows_one_with_it(loaded, case, tmp_path):
    engine = loaded
    ids = _prepare(engine, case)
    lacking = user_without(engine, case.permission)
    holding = user_with_only(engine, case.permission)
    before = snapshot(engine)
    entries_before = len(audit_entries(engine))

    sign_in(engine, lacking)
    with pytest.raises(PermissionDenied, match=case.permission):
        case.call(engine, ids, tmp_path)
    entries = audit_entries(engine)
    assert len(entries) == entries_before + 1
    denied = entries[-1]
    assert (denied.action, denied.entity, denied.entity_id, denied.user) == (
        "denied",
        "permission",
        case.permission,
        lacking.name,
    )
    assert without_audit(snapshot(engine)) == without_audit(before), "a refused process wrote something"
    assert not (tmp_path / "pdf").exists()

    sign_in(engine, None)
    with pytest.raises(SignInRequired):
        case.call(engine, ids, tmp_path)
    assert audit_entries(engine)[-1].action == "denied"
    assert audit_entries(engine)[-1].user == ""
    assert without_audit(snapshot(engine)) == without_audit(before)

    sign_in(engine, holding)
    case.call(engine, ids, tmp_path)
    sign_in(engine, None)
    admin = add_user(engine, "auditor", "administrator")
    with UnitOfWork(engine, admin) as uow:
        assert audit.verify(uow).ok


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_process_works_as_before_on_a_database_without_users(loaded, case, tmp_path):
    engine = loaded
    ids = _prepare(engine, case)
    case.call(engine, ids, tmp_path)


def test_the_demo_needs_the_import_permission(engine):
    sign_in(engine, user_without(engine, "import"))
    with pytest.raises(PermissionDenied, match="'import'"):
        load_demo(engine, today=TODAY)
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(CorporateSaleOrder.id)) is None
    sign_in(engine, add_user(engine, "boss", "administrator"))
    summary = load_demo(engine, today=TODAY)
    assert not [step for step in summary.steps if "stopped" in step[1]]
    actions = [e.action for e in audit_entries(engine)]
    assert {"import", "process.assign", "process.purchase_orders", "po.receive", "so.invoice"} <= set(actions)


READERS: list[tuple[str, Callable[[UnitOfWork], Any]]] = [
    ("cso_fulfilment", lambda uow: cso_fulfilment(uow.session, 1001)),
    ("sale_order_report", lambda uow: sale_order_report(uow.session, SaleOrderReportParams())),
    ("commission_report", lambda uow: commission_report(uow.session, CommissionParams(TODAY, TODAY))),
    ("fulfilment_rows", lambda uow: fulfilment_rows(uow.session, CsoRange.by_number(1, 9999))),
    ("search_customers", lambda uow: customers.search_customers(uow.session, "ada")),
    ("order_choices", lambda uow: order_entry.order_choices(uow.session)),
    ("find_items", lambda uow: order_entry.find_items(uow.session, "A1")),
    ("list_outbox", lambda uow: outbox.list_outbox(uow.session)),
    ("list_channels", lambda uow: order_settings.list_channels(uow.session)),
    ("load_company", lambda uow: load_company(uow.session)),
    ("load_smtp_settings", lambda uow: load_smtp_settings(uow.session)),
    ("document_details", lambda uow: document_details.document_details(uow, "cso", 1001)),
    (
        "document_page",
        lambda uow: document_lists.document_page(uow, "cso", document_lists.BrowserFilter(), "number", False, 0, 50),
    ),
    ("count_documents", lambda uow: document_lists.count_documents(uow, "so", document_lists.BrowserFilter())),
    ("item_page", lambda uow: items.item_page(uow)),
    ("item_availability", lambda uow: items.item_availability(uow, "A100")),
    ("list_locations", lambda uow: lookups.list_locations(uow)),
    ("find_cso", lambda uow: lookups.find_cso(uow, 1001)),
    ("sale_order_lines", lambda uow: operations.sale_order_lines(uow, 4001)),
    ("purchase_order_lines", lambda uow: operations.purchase_order_lines(uow, 6900)),
    ("customer_orders", lambda uow: customer_history.customer_orders(uow, 1)),
]


@pytest.mark.parametrize("reader", [r for _n, r in READERS], ids=[n for n, _r in READERS])
def test_reading_needs_a_signed_in_user_once_there_are_users(loaded, reader):
    engine = loaded
    with UnitOfWork(engine) as uow:
        reader(uow)  # no users: anyone reads, as before
    nobody_can_print = user_with_only(engine, "sync")  # any enabled user reads
    disabled = add_user(engine, "gone", "administrator", disabled=True)
    for who in (None, disabled):
        with UnitOfWork(engine, who) as uow, pytest.raises(SignInRequired):
            reader(uow)
        denied = audit_entries(engine)[-1]
        assert denied.action == "denied"
        # a reader needs a sign-in, not a permission: never recorded under a made-up permission name
        assert (denied.entity, denied.entity_id) == ("sign_in", "required to read")
        assert denied.entity_id not in PERMISSIONS
    with UnitOfWork(engine, nobody_can_print) as uow:
        reader(uow)


def test_settings_are_audited_by_name_never_by_secret_value(loaded):
    engine = loaded
    sign_in(engine, add_user(engine, "boss", "administrator"))
    with UnitOfWork(engine) as uow:
        save_smtp_settings(uow, SmtpSettings(host="smtp.example.com", sender="orders@example.com"), "s3cret-pass")
    with UnitOfWork(engine) as uow:
        save_company(uow, CompanySettings(name="Acme Retail"))
    smtp, company = audit_entries(engine)[-2:]
    assert (smtp.action, company.action) == ("settings.smtp", "settings.company")
    assert "smtp.host" in smtp.detail and "smtp.password" in smtp.detail
    assert "s3cret" not in smtp.detail and "smtp.example.com" not in smtp.detail
    assert "company.name" in company.detail and "Acme" not in company.detail


def test_process_runs_are_audited_with_what_they_did(loaded):
    engine = loaded
    boss = add_user(engine, "boss", "administrator")
    sign_in(engine, boss)
    start = len(audit_entries(engine))  # the import of the data set
    _assign(dry_run=True)(engine, {}, Path())
    assert len(audit_entries(engine)) == start  # a dry run writes nothing, not even an entry
    _assign(dry_run=False)(engine, {}, Path())
    with UnitOfWork(engine) as uow:
        order_status.hold_order(uow, 1002)
    with UnitOfWork(engine) as uow:
        order_status.release_order(uow, 1003)
    with UnitOfWork(engine) as uow:
        receive(uow, 6900)
    entries = audit_entries(engine)[start:]
    assert [e.action for e in entries] == ["process.assign", "order.hold", "order.release", "po.receive"]
    assert all(e.user == "boss" for e in entries)
    assert "numbered 1001 to 1002" in entries[0].detail and "sale order(s) generated" in entries[0].detail
    assert (entries[1].entity, entries[1].entity_id) == ("corporate_order", "1002")
    assert (entries[3].entity, entries[3].entity_id) == ("purchase_order", "6900")
    assert not any("Ada" in e.detail or "Lovelace" in e.detail for e in entries)
