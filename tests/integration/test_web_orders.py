"""Web store orders (DOMAIN.md section 10) on SQLite and PostgreSQL: each fixture becomes the expected CSO,
importing again changes nothing, later versions update, cancel or are held, held orders are retried."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from tests.support.db import load, snapshot
from tests.support.security import without_audit
from tests.support.web_orders import FIXTURES, SHOPIFY_FILES, WOOCOMMERCE_FILES, cso_of, prepare, raw, web_state, write
from xmart.models import AuditEntry, Customer, Payment, WebOrderRun
from xmart.models.db import UnitOfWork
from xmart.processes.money import order_totals
from xmart.processes.web_orders.importing import held_orders, import_web_orders, map_sku, retry_held

RUN_TABLES = {"audit_log", "web_order_runs"}


def _without_runs(rows: dict) -> dict:
    """A snapshot without what every run writes: its report, its audit entry and the audit log's head mark."""
    return {k: v for k, v in without_audit(rows).items() if k not in RUN_TABLES}


"""What every run adds to (its audit entry and report), even a run that changes nothing else."""

EXPECTED = {
    ("shopify", "5001001"): {
        "total": "78.81",
        "date": "2026-11-02",
        "customer": ("new", "François Côté", "francois.cote@example.com"),
        "billing": ("François Côté", "1234 Rue Saint-Denis", "", "Montréal", "QC", "H2X 3K3", "CA"),
        "shipping": ("Zoë Ångström", "55 Rue de la Gauchetière O.", "Bureau 3", "Montréal", "QC", "H3B 2M4", "CA"),
        "lines": [("MUG-BLUE", 3, "21.59", "10.00"), ("TOWEL-TEA", 2, "5.40", "10.00")],
        "shipping_cost": "10.80",
        "shipping_method": "UPS Ground",
        "payments": [
            ("other", "25.00", None, None, "gift_card 9001"),
            ("card", "53.81", "Visa", "4242", "shopify_payments ch3Q8x2Lk"),
        ],
    },
    ("shopify", "5001002"): {
        "total": "58.90",
        "date": "2026-11-05",
        "customer": ("C100", "Jürgen Groß", "juergen.gross@example.de"),
        "billing": ("Jürgen Groß", "Königstraße 12", "", "Stuttgart", "BW", "70173", "DE"),
        "shipping": ("Jürgen Groß", "Königstraße 12", "", "Stuttgart", "BW", "70173", "DE"),
        "lines": [("MUG-BLUE", 2, "24.00", "10.00"), ("BOWL-RED", 1, "12.00", "10.00")],
        "shipping_cost": "4.90",
        "shipping_method": "DHL Paket",
        "payments": [("other", "58.90", None, None, "paypal")],
    },
    ("shopify", "5001003"): {
        "total": "21.60",
        "date": "2026-11-06",
        "customer": ("new", "山田 花子", "hanako.yamada@example.jp"),
        "billing": ("山田 花子", "千代田区丸の内1-1", "丸の内ビル 5F", "東京都", "", "100-0005", "JP"),
        "shipping": ("山田 花子", "千代田区丸の内1-1", "丸の内ビル 5F", "東京都", "", "100-0005", "JP"),
        "lines": [("TOWEL-TEA", 4, "5.40", "0.00")],
        "shipping_cost": "0.00",
        "shipping_method": "Free shipping",
        "payments": [("card", "21.60", None, None, "shopify_payments")],
    },
    ("woocommerce", "727"): {
        "total": "97.09",
        "date": "2026-11-03",
        "customer": ("new", "Łukasz Żółć", "lukasz.zolc@example.pl"),
        "billing": ("Łukasz Żółć", "ul. Floriańska 15", "m. 4", "Kraków", "", "31-019", "PL"),
        "shipping": ("Łukasz Żółć", "ul. Długa 2", "", "Gdańsk", "", "80-827", "PL"),
        "lines": [("MUG-BLUE", 2, "24.60", "15.81"), ("BOWL-RED", 3, "12.30", "15.80")],
        "shipping_cost": "24.60",
        "shipping_method": "DPD Kurier",
        "payments": [("card", "87.09", "mastercard", "4444", "stripe ch3PqR7sT")],
    },
    ("woocommerce", "728"): {
        "total": "32.99",
        "date": "2026-11-07",
        "customer": ("new", "Ana Muñoz", "ana.munoz@example.es"),
        "billing": ("Ana Muñoz", "Calle de Alcalá 42", "3º B", "Madrid", "M", "28014", "ES"),
        "shipping": ("Ana Muñoz", "Calle de Alcalá 42", "3º B", "Madrid", "M", "28014", "ES"),
        "lines": [("TOWEL-TEA", 3, "5.00", "0.00"), ("MUG-BLUE", 1, "19.99", "10.01")],
        "shipping_cost": "0.00",
        "shipping_method": "Envío gratuito",
        "payments": [("other", "32.99", None, None, "bacs")],
    },
    ("woocommerce", "729"): {
        "total": "24.00",
        "date": "2026-11-09",
        "customer": ("same as 728", "Ana Muñoz", "ana.munoz@example.es"),
        "billing": ("Ana Muñoz", "Calle de Alcalá 42", "3º B", "Madrid", "M", "28014", "ES"),
        "shipping": ("Ana Muñoz", "Avenida de Mayo 7", "", "Toledo", "TO", "45001", "ES"),
        "lines": [("BOWL-RED", 2, "9.50", "0.00")],
        "shipping_cost": "5.00",
        "shipping_method": "Tarifa plana",
        "payments": [],
    },
}
CANCELLED_BEFORE_TAKEN = {("shopify", "5001004"), ("woocommerce", "730")}


def _import(engine, source, *paths):
    with UnitOfWork(engine) as uow:
        return import_web_orders(uow, list(paths), source)


def _import_fixtures(engine):
    shopify = _import(engine, "shopify", *(FIXTURES / f for f in SHOPIFY_FILES))
    woo = _import(engine, "woocommerce", *(FIXTURES / f for f in WOOCOMMERCE_FILES))
    return shopify, woo


def test_each_fixture_imports_to_the_expected_cso(engine):
    prepare(engine)
    shopify, woo = _import_fixtures(engine)
    assert shopify.counts() == {"imported": 3, "updated": 0, "cancelled": 1, "held": 0, "unchanged": 0}
    assert woo.counts() == {"imported": 3, "updated": 0, "cancelled": 1, "held": 0, "unchanged": 0}
    seen_customers = {}
    for (source, order_id), expected in EXPECTED.items():
        cso = cso_of(engine, source, order_id)
        assert cso is not None, (source, order_id)
        for key in ("date", "billing", "shipping", "lines", "shipping_cost", "shipping_method", "payments"):
            assert cso[key] == expected[key], (source, order_id, key)
        assert cso["status"] == "open" and cso["channel"] == "Website"
        number, name, email = cso["customer"]
        assert (name, email) == expected["customer"][1:]
        if expected["customer"][0] == "C100":
            assert number == "C100"  # found by e-mail, whatever its case in the order
        seen_customers[order_id] = number
        lines = [(qty, Decimal(price), Decimal(discount)) for _, qty, price, discount in cso["lines"]]
        total = order_totals(lines, Decimal(0), Decimal(cso["shipping_cost"])).total
        assert str(total) == expected["total"]  # the CSO total equals the web order's, to the cent
        assert sum((Decimal(p[1]) for p in cso["payments"]), Decimal(0)) <= total
        assert "4111" not in cso["notes"] and order_id in cso["notes"]
    assert seen_customers["729"] == seen_customers["728"]  # one customer per e-mail, also within a run
    new = cso_of(engine, "shopify", "5001001")
    assert new["customer_billing"]["city"] == "Montréal"  # a new customer is created with its addresses
    for source, order_id in CANCELLED_BEFORE_TAKEN:
        assert cso_of(engine, source, order_id) is None
        assert web_state(engine, source, order_id)[0] == "cancelled"


def test_importing_the_same_files_again_changes_nothing(engine):
    prepare(engine)
    _import_fixtures(engine)
    before = snapshot(engine)
    shopify, woo = _import_fixtures(engine)
    assert shopify.counts()["unchanged"] == 4 and woo.counts()["unchanged"] == 4
    after = snapshot(engine)
    assert _without_runs(after) == _without_runs(before)
    with UnitOfWork(engine) as uow:
        actions = list(uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
        assert actions.count("web_orders.import") == 4
        assert uow.session.scalar(select(func.count(WebOrderRun.id))) == 4


def _edited(tmp_path, qty=5, updated="2026-11-05T09:00:00-05:00"):
    order = raw("shopify_orders.json")["orders"][1]  # #1003: 4 tea towels, authorized
    order["updated_at"] = updated
    order["line_items"][0]["quantity"] = qty
    order["line_items"][0]["tax_lines"][0]["price"] = str(Decimal("0.40") * qty)
    order["total_price"] = order["current_total_price"] = str(Decimal("5.40") * qty)
    return write(tmp_path / "edited.json", order)


def test_a_later_version_updates_a_cso_with_nothing_assigned(engine, tmp_path):
    prepare(engine)
    _import_fixtures(engine)
    number = cso_of(engine, "shopify", "5001003")["number"]
    result = _import(engine, "shopify", _edited(tmp_path, qty=5, updated="2026-11-07T09:00:00+09:00"))
    assert [(o.outcome, o.cso) for o in result.outcomes] == [("updated", number)]
    cso = cso_of(engine, "shopify", "5001003")
    assert cso["lines"] == [("TOWEL-TEA", 5, "5.40", "0.00")]
    assert cso["payments"] == [("card", "27.00", None, None, "shopify_payments")]
    # an older version afterwards (the first file again) changes nothing
    before = snapshot(engine)
    again = _import(engine, "shopify", FIXTURES / "shopify_orders.json")
    assert {o.order_id: o.outcome for o in again.outcomes}["5001003"] == "unchanged"
    assert _without_runs(snapshot(engine)) == _without_runs(before)


def _assign(engine, cso_number):
    """An SO made from the CSO's first line (as Assign would)."""
    load(
        engine,
        {
            "locations": [{"code": "S01", "name": "Downtown", "kind": "store"}],
            "sale_orders": [
                {
                    "number": 5001,
                    "location": "S01",
                    "date": "2026-11-10",
                    "corporate_order": cso_number,
                    "lines": [{"sku": "TOWEL-TEA", "qty": 1, "cso_line": 1}],
                }
            ],
        },
    )


def test_a_later_version_after_assignment_is_held_and_the_cso_kept(engine, tmp_path):
    prepare(engine)
    _import_fixtures(engine)
    before = cso_of(engine, "shopify", "5001003")
    _assign(engine, before["number"])
    result = _import(engine, "shopify", _edited(tmp_path, qty=6, updated="2026-11-07T09:00:00+09:00"))
    (outcome,) = result.outcomes
    assert outcome.outcome == "held" and "sale orders were made from it" in outcome.reason
    assert cso_of(engine, "shopify", "5001003")["lines"] == before["lines"]
    with UnitOfWork(engine) as uow:
        (held,) = held_orders(uow.session)
    assert held.order_id == "5001003" and held.cso == before["number"] and "sale orders" in held.reason


def _cancelled(tmp_path, order_name="shopify_orders.json", index=1):
    order = raw(order_name)["orders"][index]
    order["cancelled_at"] = order["updated_at"] = "2026-11-08T10:00:00+09:00"
    return write(tmp_path / "cancelled.json", order)


def test_a_cancelled_version_cancels_a_cso_with_nothing_assigned(engine, tmp_path):
    prepare(engine)
    _import_fixtures(engine)
    result = _import(engine, "shopify", _cancelled(tmp_path))
    assert [o.outcome for o in result.outcomes] == ["cancelled"]
    assert cso_of(engine, "shopify", "5001003")["status"] == "cancelled"


def test_a_cancelled_version_after_assignment_is_held(engine, tmp_path):
    prepare(engine)
    _import_fixtures(engine)
    _assign(engine, cso_of(engine, "shopify", "5001003")["number"])
    result = _import(engine, "shopify", _cancelled(tmp_path))
    assert [o.outcome for o in result.outcomes] == ["held"]
    assert cso_of(engine, "shopify", "5001003")["status"] == "partially assigned"  # not cancelled
    assert web_state(engine, "shopify", "5001003") == ("held", result.outcomes[0].reason)


def test_an_unknown_sku_is_held_with_the_reason_then_mapped_and_retried(engine, tmp_path):
    prepare(engine)
    order = raw("woocommerce_order.json")
    order["line_items"][1]["sku"] = "WEB-BOWL-RED"
    result = _import(engine, "woocommerce", write(tmp_path / "o.json", order))
    (outcome,) = result.outcomes
    assert outcome.outcome == "held" and "unknown SKU WEB-BOWL-RED" in outcome.reason
    assert cso_of(engine, "woocommerce", "727") is None
    with UnitOfWork(engine) as uow:
        assert [h.order_id for h in held_orders(uow.session)] == ["727"]
    with UnitOfWork(engine) as uow:
        assert retry_held(uow).counts()["held"] == 1  # nothing fixed yet: still held
    with UnitOfWork(engine) as uow:
        map_sku(uow, "WEB-BOWL-RED", "BOWL-RED")
    with UnitOfWork(engine) as uow:
        retried = retry_held(uow)
    assert retried.counts()["imported"] == 1
    assert cso_of(engine, "woocommerce", "727")["lines"] == EXPECTED[("woocommerce", "727")]["lines"]
    with UnitOfWork(engine) as uow:
        assert held_orders(uow.session) == []
    # the same file again: unchanged, the mapping is used
    assert _import(engine, "woocommerce", tmp_path / "o.json").counts()["unchanged"] == 1


def test_a_total_that_cannot_be_matched_or_a_deposit_above_it_is_held(engine, tmp_path):
    prepare(engine)
    order = raw("shopify_order.json")
    order["current_total_price"] = "78.80"  # a cent the lines and shipping do not give
    other = raw("shopify_orders.json")["orders"][0]
    other["payment_gateway_names"] = ["paypal"]
    other["financial_status"] = "paid"
    other["transactions"] = [{"id": 1, "kind": "sale", "status": "success", "amount": "60.00", "gateway": "paypal"}]
    result = _import(engine, "shopify", write(tmp_path / "a.json", order), write(tmp_path / "b.json", other))
    reasons = {o.order_id: (o.outcome, o.reason) for o in result.outcomes}
    assert reasons["5001001"][0] == "held" and "cannot be matched to the cent" in reasons["5001001"][1]
    assert reasons["5001002"][0] == "held" and "more than the order total" in reasons["5001002"][1]
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(func.count(Customer.id))) == 1  # nothing made for held orders


def test_a_user_without_the_import_permission_is_refused_and_nothing_is_written(engine):
    from xmart.errors import PermissionDenied
    from xmart.models import User
    from xmart.models.actor import Actor, sign_in_engine
    from xmart.processes.security.crypto import hash_password, new_user_keys

    prepare(engine)
    keys = new_user_keys("clara", "a long password 1")
    with UnitOfWork(engine) as uow:
        user = User(
            name="clara",
            role="clerk",
            password_hash=hash_password("a long password 1"),
            key_salt=keys.salt,
            public_key=keys.public,
            wrapped_private_key=keys.wrapped_private,
        )
        uow.session.add(user)
        uow.commit()
        actor = Actor(user.id, "clara", "clerk")
    before = snapshot(engine)
    sign_in_engine(engine, actor)
    try:
        with UnitOfWork(engine) as uow, pytest.raises(PermissionDenied, match="import"):
            import_web_orders(uow, [FIXTURES / "shopify_order.json"], "shopify")
        with UnitOfWork(engine) as uow, pytest.raises(PermissionDenied):
            retry_held(uow)
        with UnitOfWork(engine) as uow, pytest.raises(PermissionDenied):
            map_sku(uow, "W1", "MUG-BLUE")
    finally:
        sign_in_engine(engine, None)
    after = snapshot(engine)
    assert without_audit(after) == without_audit(before)
    assert len(after["audit_log"]) == len(before["audit_log"]) + 3


def test_web_card_payments_are_not_cards_waiting_for_keys_migrate(engine):
    """A web card payment brings no number (DOMAIN.md section 10): `keys status` counts it nowhere."""
    from xmart.processes.security import card_keys

    prepare(engine)
    _import_fixtures(engine)
    with UnitOfWork(engine) as uow:
        web_cards = uow.session.scalar(
            select(func.count()).select_from(Payment).where(Payment.kind == "card", Payment.card_last4.is_not(None))
        )
        status = card_keys.status(uow)
    assert web_cards and status.legacy_cards == 0 and status.cards == 0
