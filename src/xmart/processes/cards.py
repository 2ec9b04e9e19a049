"""Card data (DOMAIN.md section 3): validate, encrypt, mask. Never a security code.

Numbers are stored only as AES-GCM ciphertext (authenticated encryption). The key lives in the
operating system's keyring (service `xmart`, name `card-data-key`). Where no keyring backend
exists (a headless machine), the key is kept in a file of its own, readable only by its owner:
`XMART_KEY_FILE`, default `<data folder>/card-data.key` — never in the database or a config file.
"""

from __future__ import annotations

import base64
import logging
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from xmart.config import data_dir
from xmart.errors import CardDataError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "xmart"
KEYRING_NAME = "card-data-key"
SECURITY_CODE_KEYS = frozenset({"cvv", "cvc", "cvv2", "cvc2", "cid", "security_code", "securitycode", "csc"})
_AAD = b"xmart-card-v1"
_EXPIRY = re.compile(r"^(0[1-9]|1[0-2])/(\d{2})$")


def luhn_valid(digits: str) -> bool:
    """True when `digits` passes the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def normalize_card_number(number: str) -> str:
    """The card number's digits, validated (12 to 19 digits, Luhn); raises CardDataError."""
    digits = re.sub(r"[\s-]", "", str(number))
    if not digits.isdigit():
        raise CardDataError("The card number may contain only digits, spaces and dashes.")
    if not 12 <= len(digits) <= 19:
        raise CardDataError("The card number must have 12 to 19 digits.")
    if not luhn_valid(digits):
        raise CardDataError("The card number is not valid (check digit mismatch): please retype it.")
    return digits


def validate_expiry(expiry: str) -> str:
    """An expiry date as MM/YY; raises CardDataError otherwise."""
    expiry = str(expiry).strip()
    if not _EXPIRY.match(expiry):
        raise CardDataError("The card expiry must be written MM/YY, e.g. 12/28.")
    return expiry


def mask(last4: str | None) -> str:
    """The masked form shown everywhere: `**** 1111`."""
    return f"**** {last4}" if last4 else ""


SECURITY_CODE_REFUSED = "card security codes are never accepted or stored; remove it and try again"


def security_code_key(record: Mapping[str, object]) -> str | None:
    """The first key of `record` that names a card security code (cvv, cvc, ...), or None."""
    return next((k for k in record if str(k).lower().replace("-", "_") in SECURITY_CODE_KEYS), None)


@dataclass(frozen=True)
class CardVault:
    """Encrypts and decrypts card numbers with one AES-256-GCM key."""

    key: bytes

    def encrypt(self, digits: str) -> bytes:
        """Nonce + ciphertext of a validated card number."""
        nonce = secrets.token_bytes(12)
        return nonce + AESGCM(self.key).encrypt(nonce, digits.encode(), _AAD)

    def decrypt(self, blob: bytes) -> str:
        """The card number; raises CardDataError if the key is wrong or the data was altered."""
        try:
            return AESGCM(self.key).decrypt(blob[:12], blob[12:], _AAD).decode()
        except InvalidTag as exc:
            raise CardDataError("The card data cannot be read with this workstation's key.") from exc


def _keyring_usable() -> bool:
    try:
        return keyring.get_keyring().priority > 0
    except Exception:  # a broken backend is no backend
        return False


def key_file_path() -> Path:
    """Where the fallback key file lives."""
    return Path(os.environ.get("XMART_KEY_FILE") or data_dir() / "card-data.key")


def _key_from_file(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(base64.b64encode(AESGCM.generate_key(bit_length=256)).decode())
        log.warning("No keyring available: the card-data key was created in %s (owner-only).", path)
    return base64.b64decode(path.read_text().strip())


def load_vault() -> CardVault:
    """The card vault with this workstation's key, created on first use."""
    if _keyring_usable():
        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_NAME)
        if stored is None:
            stored = base64.b64encode(AESGCM.generate_key(bit_length=256)).decode()
            keyring.set_password(KEYRING_SERVICE, KEYRING_NAME, stored)
        return CardVault(base64.b64decode(stored))
    return CardVault(_key_from_file(key_file_path()))
