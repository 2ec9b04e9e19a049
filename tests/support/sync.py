"""Store sync test helpers: a Main and stores on their own databases, driven through the command line."""

from __future__ import annotations

import importlib
import json
import shutil
from pathlib import Path

import pytest

from xmart.models.db import make_engine
from xmart.processes.sync.folders import packages_in

cli_main = importlib.import_module("xmart.cli.main")

STORES = ("S01", "S02", "S03")
SKUS = ("A100", "B200", "C300", "D400")
CARD = "4111111111111111"


def network_document(stores: tuple[str, ...] = STORES) -> dict:
    """The Main's import document: MAIN and the stores, four items, stock at each store, four CSOs (one with a card)."""
    stock = []
    for index, store in enumerate(stores):
        for position, sku in enumerate(SKUS):
            stock.append(
                {
                    "location": store,
                    "sku": sku,
                    "on_hand": 3 + (index + position) % 4,
                    "minimum": index % 2,
                    "maximum": 9,
                }
            )
    address = {
        "line1": "1 Main St",
        "line2": "",
        "city": "Troy",
        "region": "NY",
        "postal_code": "12180",
        "country": "US",
    }
    csos = []
    for n in range(4):
        csos.append(
            {
                "number": 1001 + n,
                "date": "2026-11-02",
                "status": "open",
                "billing_customer": "C1",
                "shipping_customer": "C1",
                "global_discount": ["0.00", "5.00", "12.50", "3.00"][n],
                "lines": [
                    {
                        "sku": sku,
                        "qty": 2 + (n + i) % 5,
                        "price": f"{9 + n + i}.99",
                        "discount": ["0.00", "10.00"][i % 2],
                    }
                    for i, sku in enumerate(SKUS[: 2 + n % 3])
                ],
                "payments": (
                    [{"type": "card", "amount": "20.00", "card": {"brand": "VISA", "number": CARD, "expiry": "12/29"}}]
                    if n == 0
                    else [{"type": "cash", "amount": "5.00"}]
                ),
            }
        )
    return {
        "locations": [{"code": "MAIN", "name": "Main warehouse", "kind": "warehouse", "active": True}]
        + [{"code": s, "name": f"Store {s}", "kind": "store", "active": True} for s in stores],
        "vendors": [{"code": "V1", "name": "Vendor One"}],
        "items": [
            {"sku": sku, "description": f"Item {sku}", "price": "10.00", "cost": "4.00", "vendor": "V1"} for sku in SKUS
        ],
        "stock": stock,
        "customers": [
            {"number": "C1", "name": "Ada Lovelace", "billing_address": address, "shipping_address": address}
        ],
        "corporate_sale_orders": csos,
    }


def store_document(document: dict, store: str) -> dict:
    """What a store loads into its own database: the items and its own stock (no orders)."""
    return {
        "vendors": document["vendors"],
        "items": document["items"],
        "stock": [row for row in document["stock"] if row["location"] == store],
    }


class Cli:
    """Run `xmart --db URL ...` in this process; every engine made is disposed at teardown."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self.made: list = []
        self.capsys = capsys

        def tracked(url, **kwargs):
            self.made.append(make_engine(url, **kwargs))
            return self.made[-1]

        monkeypatch.setattr("xmart.models.db.make_engine", tracked)
        monkeypatch.setattr(cli_main, "setup_logging", lambda: None)

    def __call__(self, db_url: str, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        status = cli_main.main(["--db", db_url, *argv])
        out, err = self.capsys.readouterr()
        return status, out, err

    def ok(self, db_url: str, *argv: str) -> str:
        """Run and assert exit 0; returns stdout."""
        status, out, err = self(db_url, *argv)
        assert status == 0, (argv, err)
        return out

    def json(self, db_url: str, *argv: str) -> dict:
        """Run with exit 0 and parse stdout as JSON."""
        return json.loads(self.ok(db_url, *argv))

    def close(self) -> None:
        """Dispose of every engine made."""
        for engine in self.made:
            engine.dispose()


def deliver(outbox: Path, inboxes: dict[str, Path]) -> list[Path]:
    """Move each package of `outbox` to the inbox of its receiver (named in the file name); returns the copies."""
    delivered = []
    for path in packages_in(outbox):
        receiver = path.name.split("_to_")[1].rsplit("_", 1)[0]
        inboxes[receiver].mkdir(parents=True, exist_ok=True)
        delivered.append(Path(shutil.copy(path, inboxes[receiver] / path.name)))
        path.unlink()
    return delivered


def write_json(path: Path, document: dict) -> Path:
    """Write `document` to `path` as JSON."""
    path.write_text(json.dumps(document), encoding="utf-8")
    return path
