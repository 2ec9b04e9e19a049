"""Card payments for the card-key tests: documents with many cards, and cards of the older scheme."""

from __future__ import annotations

import base64
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Engine, select, update

from tests.support.documents import INTERFACE_EXAMPLE
from xmart.models import Payment
from xmart.models.db import UnitOfWork


def card_number(n: int) -> str:
    """A Luhn-valid 16-digit test number, different for each `n` (4000 00.. + n + check digit)."""
    body = f"400000{n:09d}"
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def master_document() -> dict:
    """Locations, a vendor, an item, a customer and a salesman: what card orders refer to."""
    return {k: INTERFACE_EXAMPLE[k] for k in ("locations", "vendors", "items", "customers", "salesmen")}


def card_orders(first: int, count: int, card_base: int | None = None) -> dict:
    """`count` open CSOs numbered from `first`, each paid by a different card (`card_number(card_base + i)`)."""
    base = first if card_base is None else card_base
    return {
        "corporate_sale_orders": [
            {
                "number": first + i,
                "date": "2026-11-02",
                "status": "open",
                "billing_customer": "C001",
                "shipping_customer": "C001",
                "channel": "Phone",
                "salesman": "JS",
                "lines": [{"sku": "A100", "qty": 1, "price": "19.99"}],
                "payments": [
                    {"type": "card", "amount": "10.00", "card": {"number": card_number(base + i), "expiry": "12/29"}}
                ],
            }
            for i in range(count)
        ]
    }


def card_payments(engine: Engine) -> dict[int, str]:
    """payment id -> last 4 digits of every card payment."""
    with UnitOfWork(engine) as uow:
        rows = uow.session.execute(select(Payment.id, Payment.card_last4).where(Payment.kind == "card"))
        return {r.id: r.card_last4 for r in rows}


def legacy_blob(key: bytes, digits: str) -> bytes:
    """A ciphertext as the older per-workstation scheme made it (nonce + AES-256-GCM, `xmart-card-v1`)."""
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, digits.encode(), b"xmart-card-v1")


def make_legacy(engine: Engine, key: bytes, numbers: dict[int, str]) -> None:
    """Turn payments {id: card number} into cards of the older scheme under `key` (no card key, no card_ref)."""
    with UnitOfWork(engine) as uow:
        for payment_id, digits in numbers.items():
            uow.session.execute(
                update(Payment)
                .where(Payment.id == payment_id)
                .values(card_number_encrypted=legacy_blob(key, digits), card_key_id=None, card_ref=None)
            )
        uow.commit()


def key_text(key: bytes) -> str:
    """A key as the older scheme stored it (base64)."""
    return base64.b64encode(key).decode()
