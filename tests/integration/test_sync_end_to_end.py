"""Store sync end to end (DOMAIN.md section 6; issue 14): the Main and three stores, each its own database.

Assign at the Main → export → import at the stores → invoice there → export → import at the Main:
`show cso` figures equal the single-database flow (the same invoices typed with `xmart invoice` at a
Main where the stores are managed at the Main), and the Main's on-hand of each store equals the
store's own. The Main runs on SQLite and PostgreSQL (`db_url`), the stores on SQLite files.
"""

from __future__ import annotations

import json
import stat

import pytest
from sqlalchemy import select

from tests.support.sync import CARD, SKUS, STORES, Cli, deliver, network_document, store_document, write_json
from xmart.models import Item, Location, Stock
from xmart.models.db import UnitOfWork, make_engine


@pytest.fixture
def cli(monkeypatch, capsys):
    runner = Cli(monkeypatch, capsys)
    yield runner
    runner.close()


def levels(url: str, store: str) -> dict[str, int]:
    """{SKU: on hand} at `store` in the database at `url`."""
    engine = make_engine(url)
    try:
        with UnitOfWork(engine) as uow:
            return dict(
                uow.session.execute(
                    select(Item.sku, Stock.on_hand)
                    .join(Stock, Stock.item_id == Item.id)
                    .join(Location, Location.id == Stock.location_id)
                    .where(Location.code == store)
                ).all()
            )
    finally:
        engine.dispose()


def store_sale_orders(assign_json: dict, store: str) -> list[dict]:
    """The sale orders of `assign --json` made for `store`."""
    return [so for so in assign_json["sale_orders"] if so["store"] == store]


def test_main_and_three_stores_end_in_the_single_database_figures(cli, db_url, tmp_path):
    document = network_document()
    doc_path = write_json(tmp_path / "network.json", document)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    stores = {code: f"sqlite:///{tmp_path / f'store-{code}.db'}" for code in STORES}
    for url in (db_url, reference):
        cli.ok(url, "import", str(doc_path))

    # keys at the Main, store mode at each store
    keys = tmp_path / "keys"
    keys.mkdir()
    for code in STORES:
        cli.ok(db_url, "sync", "keygen", "--store", code, "--out", str(keys / f"{code}.key"))
        assert stat.S_IMODE((keys / f"{code}.key").stat().st_mode) == 0o600
        cli.ok(stores[code], "store", "setup", code, "--key", str(keys / f"{code}.key"))
        cli.ok(stores[code], "import", str(write_json(tmp_path / f"{code}.json", store_document(document, code))))

    assigned = cli.json(db_url, "assign", "--by-number", "1001", "1004", "--json")
    assert cli.json(reference, "assign", "--by-number", "1001", "1004", "--json") == assigned
    assert {so["store"] for so in assigned["sale_orders"]} == set(STORES)

    # Main → stores
    inboxes = {code: tmp_path / f"inbox-{code}" for code in STORES}
    cli.ok(db_url, "sync", "export", "--to", str(tmp_path / "main-out"))
    packages = deliver(tmp_path / "main-out", inboxes)
    assert len(packages) == 3
    texts = [path.read_text(encoding="utf-8") for path in packages]
    for code in STORES:
        result = cli.json(stores[code], "sync", "import", "--from", str(inboxes[code]), "--json")
        assert (result["applied"], result["refused"]) == (1, 0)
        assert result["content"]["sale_orders"] == len(store_sale_orders(assigned, code))

    # the Main's processes are refused at a store; a synchronized store's SO is refused at the Main
    status, _out, err = cli(stores["S01"], "assign", "--by-number", "1001", "1004")
    assert status == 2 and "runs at the Main" in err
    first = assigned["sale_orders"][0]
    status, _out, err = cli(db_url, "invoice", str(first["number"]), "--sku", first["lines"][0]["sku"], "--qty", "1")
    assert status == 2 and "synchronized store: its invoices come from the store" in err

    # sales at the stores, and the same sales typed at the reference Main
    for n, so in enumerate(assigned["sale_orders"]):
        for i, line in enumerate(so["lines"]):
            qty = max(1, line["qty"] - (n + i) % 2)
            args = ("invoice", str(so["number"]), "--sku", line["sku"], "--qty", str(qty))
            cli.ok(stores[so["store"]], *args)
            cli.ok(reference, *args)
    cli.ok(stores["S02"], "stock", "set", "A100", "40")  # a count at the store
    cli.ok(reference, "stock", "set", "A100", "40", "--location", "S02")

    # stores → Main
    main_inbox = {"@main": tmp_path / "main-in"}
    for code in STORES:
        cli.ok(stores[code], "sync", "export", "--to", str(tmp_path / f"out-{code}"))
        texts += [path.read_text(encoding="utf-8") for path in deliver(tmp_path / f"out-{code}", main_inbox)]
    result = cli.json(db_url, "sync", "import", "--from", str(main_inbox["@main"]), "--json")
    assert (result["applied"], result["duplicate"], result["refused"], result["waiting"]) == (3, 0, 0, 0)

    for number in range(1001, 1005):
        assert cli.json(db_url, "show", "cso", str(number), "--json") == cli.json(
            reference, "show", "cso", str(number), "--json"
        )
    for code in STORES:
        own = levels(stores[code], code)
        assert levels(db_url, code) == own == levels(reference, code)
        assert set(own) == set(SKUS)

    status_json = cli.json(db_url, "sync", "status", "--json")
    assert [p["peer"] for p in status_json["peers"]] == list(STORES)
    for peer in status_json["peers"]:
        assert peer["last_in"]["sequence"] == 1 and peer["last_out"]["sequence"] == 1
        assert peer["waiting_out"] == 0  # each store acknowledged the Main's package
        assert peer["last_stock_report"] is not None and peer["conflicts"] == 0

    # no card number (only its masked reference) in any package
    assert not any(CARD in text for text in texts)
    assert any(f"**** {CARD[-4:]}" in text for text in texts)
    received = [json.loads(text) for text in texts if '"sender":"@main"' in text]
    assert all(so["card"] in (None, "**** 1111") for package in received for so in package["content"]["sale_orders"])


def test_bad_sync_input_exits_2_with_one_line_naming_the_place(cli, db_url, tmp_path):
    cli.ok(db_url, "import", str(write_json(tmp_path / "network.json", network_document())))
    store = f"sqlite:///{tmp_path / 'store.db'}"
    key = tmp_path / "S01.key"
    cases = [
        (
            db_url,
            ["sync", "import", "--from", str(tmp_path / "missing")],
            f"--from {tmp_path / 'missing'}: not a folder",
        ),
        (db_url, ["sync", "export", "--to", str(tmp_path / "out")], "No store is synchronized yet"),
        (db_url, ["sync", "keygen", "--store", "S99", "--out", str(key)], "Location S99 does not exist"),
        (db_url, ["sync", "keygen", "--store", "S01", "--out", str(tmp_path / "no" / "k")], "--out"),
        (store, ["store", "setup", "S01", "--key", str(key)], f"Key file {key}: cannot be read"),
    ]
    for url, argv, message in cases:
        status, out, err = cli(url, *argv)
        assert (status, out) == (2, ""), (argv, err)
        assert len(err.splitlines()) == 1 and message in err, (argv, err)
    cli.ok(db_url, "sync", "keygen", "--store", "S01", "--out", str(key))
    status, _out, err = cli(store, "store", "setup", "S02", "--key", str(key))
    assert status == 2 and "is store S01's key, not S02's" in err
    status, _out, err = cli(db_url, "store", "setup", "S01", "--key", str(key))
    assert status == 2 and "holds the Main's data" in err
    status, _out, err = cli(db_url, "sync", "export", "--to", str(tmp_path / "out"), "--store", "MAIN")
    assert status == 2 and "MAIN is not a synchronized store" in err
