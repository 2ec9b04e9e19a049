"""Bad web order files (DOMAIN.md sections 3 and 10, INTERFACE.md exit statuses): a card number or a written
security code anywhere refuses the run naming file, order and field; a malformed file exits 2 naming file,
order and field; nothing is written either way (a small fuzz of mutated fixtures included)."""

from __future__ import annotations

import json
import random

import pytest

from tests.support.db import snapshot
from tests.support.web_orders import FIXTURES, prepare, raw, write
from xmart.cli.main import main

CARD = "4111 1111 1111 1111"


def _run(db_url, *args):
    return main(["--db", db_url, "web-orders", "import", *map(str, args)])


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and "SELECT" not in err and "INSERT" not in err
    return err.strip()


CARD_PLACES = [
    ("shopify_order.json", ("billing_address", "address2"), "billing_address.address2"),
    ("shopify_order.json", ("note_attributes", 0, "value"), "note_attributes[0].value"),
    ("shopify_order.json", ("note",), "note"),
    ("shopify_order.json", ("line_items", 1, "title"), "line_items[1].title"),
    ("shopify_order.json", ("customer", "last_name"), "customer.last_name"),
    ("woocommerce_order.json", ("customer_note",), "customer_note"),
    ("woocommerce_order.json", ("line_items", 1, "meta_data", 0, "value"), "line_items[1].meta_data[0].value"),
    ("woocommerce_order.json", ("shipping", "company"), "shipping.company"),
]


@pytest.mark.parametrize(("name", "path", "field"), CARD_PLACES, ids=[p[2] for p in CARD_PLACES])
def test_a_card_number_anywhere_refuses_the_run_naming_the_place(engine, tmp_path, capsys, name, path, field):
    prepare(engine)
    document = raw(name)
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = f"see card {CARD}" if path[-1] != "value" else CARD.replace(" ", "-")
    good = FIXTURES / "shopify_orders.json" if name.startswith("shopify") else FIXTURES / "woocommerce_orders.json"
    bad = write(tmp_path / "bad.json", document)
    before = snapshot(engine)
    source = "shopify" if name.startswith("shopify") else "woocommerce"
    assert _run(str(engine.url.render_as_string(hide_password=False)), good, bad, "--source", source) == 2
    err = _one_line(capsys)
    assert str(bad) in err and field in err and "card data" in err
    assert f"(id {document['id']})" in err
    assert "1111" not in err
    assert snapshot(engine) == before


def test_a_written_security_code_and_a_number_as_a_json_number_are_refused(engine, tmp_path, capsys):
    prepare(engine)
    url = engine.url.render_as_string(hide_password=False)
    order = raw("shopify_order.json")
    order["note"] = "Card ok, CVV: 123"
    assert _run(url, write(tmp_path / "a.json", order), "--source", "shopify") == 2
    assert "note" in _one_line(capsys)
    order = raw("shopify_order.json")
    order["note_attributes"].append({"name": "ref", "value": 4111111111111111})
    assert _run(url, write(tmp_path / "b.json", order), "--source", "shopify") == 2
    assert "note_attributes[1].value" in _one_line(capsys)


def _malformed():
    """(fixture, change, field the message names)."""

    def setter(*path, value):
        def change(doc):
            target = doc
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value

        return change

    def deleter(*path):
        def change(doc):
            target = doc
            for key in path[:-1]:
                target = target[key]
            del target[path[-1]]

        return change

    return [
        ("shopify_order.json", deleter("id"), "id: is required"),
        ("shopify_order.json", setter("line_items", 0, "quantity", value="3"), "line_items[0].quantity"),
        ("shopify_order.json", setter("line_items", 0, "price", value="19,99"), "line_items[0].price"),
        ("shopify_order.json", setter("line_items", value={"sku": "X"}), "line_items: must be a list"),
        ("shopify_order.json", setter("line_items", 1, value="TOWEL"), "line_items[1]"),
        ("shopify_order.json", setter("updated_at", value="yesterday"), "updated_at"),
        (
            "shopify_order.json",
            lambda d: d.pop("current_total_price") and d.pop("total_price"),
            "total_price: is required",
        ),
        ("shopify_order.json", setter("transactions", 1, "amount", value="-5.00"), "transactions[1].amount"),
        ("shopify_order.json", setter("taxes_included", value="no"), "taxes_included"),
        ("woocommerce_order.json", setter("line_items", 0, "total", value="abc"), "line_items[0].total"),
        ("woocommerce_order.json", setter("line_items", 0, "quantity", value=0), "line_items[0].quantity"),
        ("woocommerce_order.json", setter("billing", value=[1, 2]), "billing: must be a JSON object"),
        ("woocommerce_order.json", setter("date_created_gmt", value="2026-13-40"), "date_created_gmt"),
        ("woocommerce_order.json", setter("shipping_lines", 0, "total", value="1e3"), "shipping_lines[0].total"),
    ]


@pytest.mark.parametrize(("name", "change", "field"), _malformed(), ids=[m[2] for m in _malformed()])
def test_a_malformed_order_exits_2_naming_file_order_and_field(engine, tmp_path, capsys, name, change, field):
    prepare(engine)
    document = raw(name)
    change(document)
    bad = write(tmp_path / "bad.json", document)
    before = snapshot(engine)
    source = "shopify" if name.startswith("shopify") else "woocommerce"
    good = FIXTURES / ("shopify_orders.json" if source == "shopify" else "woocommerce_orders.json")
    assert _run(engine.url.render_as_string(hide_password=False), good, bad, "--source", source) == 2
    err = _one_line(capsys)
    assert str(bad) in err and field in err
    assert "order " in err
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON at line 1"),
        (b"\xff\xfe\x00garbage", "not"),
        (b"\x80\x81", "not UTF-8 or UTF-16 text"),
        (b"42", "must hold an order"),
        (b'"orders"', "must hold an order"),
        (b"[1, 2]", "order [0]: order: must be a JSON object"),
    ],
)
def test_an_unreadable_file_exits_2_naming_it(engine, tmp_path, capsys, content, message):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = snapshot(engine)
    assert _run(engine.url.render_as_string(hide_password=False), bad, "--source", "shopify") == 2
    err = _one_line(capsys)
    assert str(bad) in err and message in err
    assert snapshot(engine) == before


def _mutations(document, rng, count):
    """`count` copies of `document`, each with one value somewhere replaced by a value of another type, or deleted."""
    paths = []

    def walk(value, path):
        if isinstance(value, dict):
            for key, child in value.items():
                paths.append((*path, key))
                walk(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                paths.append((*path, index))
                walk(child, (*path, index))

    walk(document, ())
    replacements = [None, "", "x" * 300, -1, 2**40, 1.5, True, [], {}, "12.345", "NaN", "\x00", "-0.01"]
    for _ in range(count):
        copy = json.loads(json.dumps(document, default=str))
        path = rng.choice(paths)
        target = copy
        for key in path[:-1]:
            target = target[key]
        if rng.random() < 0.2 and isinstance(target, dict):
            del target[path[-1]]
        else:
            target[path[-1]] = rng.choice(replacements)
        yield copy


def test_fuzz_mutated_orders_import_or_exit_2_with_nothing_written(db_url, tmp_path, capsys):
    """A small fuzz: every mutated order either imports (0) or is refused (2, one line, nothing written)."""
    from xmart.models.db import make_engine

    engine = make_engine(db_url)
    prepare(engine)
    rng = random.Random(16)
    refused = imported = 0
    for source, name in (("shopify", "shopify_order.json"), ("woocommerce", "woocommerce_order.json")):
        for index, document in enumerate(_mutations(raw(name), rng, 30)):
            bad = write(tmp_path / f"{source}-{index}.json", document)
            before = snapshot(engine)
            status = _run(db_url, bad, "--source", source)
            out = capsys.readouterr()
            assert status in (0, 2), out.err
            assert "Traceback" not in out.err
            if status == 2:
                refused += 1
                assert len(out.err.strip().splitlines()) == 1 and str(bad) in out.err
                assert snapshot(engine) == before
            else:
                imported += 1
    engine.dispose()
    assert refused and imported
