"""Card data (DOMAIN.md section 3): validate, mask, read the older workstation key. Never a security code.

The free-text rule ("no card data in free text") lives here once: `free_text_problem` /
`check_free_text` refuse a card number (a Luhn-valid run of 12 to 19 digits, spaces or dashes
between them allowed) or a security code written as such ("cvv 123", "CVC: 1234") in any
free-text field, and `check_field_name` also refuses a field named for a security code ("CVV");
`validate_authorization` keeps an authorization to the approval code alone. Messages never repeat
the value.

Numbers are encrypted under the database's card key (processes/security/card_keys.py, DOMAIN.md
section 9). Before the Security module each workstation had an AES-256-GCM key of its own, in the
keyring (service `xmart`, name `card-data-key`) or in `XMART_KEY_FILE` / `<data folder>/card-data.key`.
Only `read_legacy_key` / `legacy_decrypt` remain of it, for `xmart keys migrate`: they read that key
(never make one) and refuse a damaged key file or one that group or others may read.
"""

from __future__ import annotations

import base64
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path

from xmart.config import data_dir
from xmart.errors import CardDataError, XmartError

KEYRING_SERVICE = "xmart"
KEYRING_NAME = "card-data-key"
SECURITY_CODE_KEYS = frozenset({"cvv", "cvc", "cvv2", "cvc2", "cid", "security_code", "securitycode", "csc"})
LEGACY_AAD = b"xmart-card-v1"
"""Associated data of the older scheme's ciphertexts."""
_EXPIRY = re.compile(r"^(0[1-9]|1[0-2])/(\d{2})$")


class CardKeyFileError(XmartError):
    """The older card-data key is missing, damaged or exposed: nothing was read or changed."""

    exit_status = 1


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


APPROVAL_CODE_LENGTH = 12
_APPROVAL_CODE = re.compile(rf"[A-Za-z0-9]{{1,{APPROVAL_CODE_LENGTH}}}", re.ASCII)
_DIGIT_RUN = re.compile(r"\d+(?:[ -]\d+)*", re.ASCII)
"""Digits in groups separated by single spaces or dashes: where a card number may hide."""
_SECURITY_WORDS = r"(?:cvv2?|cvc2?|cvn|csc|security[\s_-]*code|card[\s_-]*verification(?:[\s_-]*(?:value|code))?)"
_SECURITY_CODE = re.compile(rf"\b{_SECURITY_WORDS}\W{{0,3}}\d{{3,4}}\b", re.IGNORECASE)
_SECURITY_NAME = re.compile(rf"(?:\b|_){_SECURITY_WORDS}(?:\b|_)", re.IGNORECASE)

CARD_DATA_IN_TEXT = (
    "looks like card data (a card number or security code); card numbers belong only in a card "
    "payment's card number, and security codes are never stored"
)
"""Why free text was refused (DOMAIN.md section 3); the value itself is never repeated."""


def _has_card_number(text: str) -> bool:
    for run in _DIGIT_RUN.finditer(text):
        groups = re.split(r"[ -]", run.group())
        for start in range(len(groups)):
            digits = ""
            for group in groups[start:]:
                digits += group
                if len(digits) > 19:
                    break
                if len(digits) >= 12 and luhn_valid(digits):
                    return True
    return False


def free_text_problem(text: str) -> str | None:
    """Why `text` may not be stored as free text, or None (DOMAIN.md section 3, "no card data in free text").

    `text`: any free text (notes, names, addresses, custom field values, import text). Refused: a
    Luhn-valid run of 12 to 19 digits (single spaces or dashes between digits allowed; any run of
    consecutive digit groups counts) and a security code written as such ("cvv 123", "CVC: 1234",
    "security code 1234"). The reason returned never contains the value.
    """
    if _SECURITY_CODE.search(text) or _has_card_number(text):
        return CARD_DATA_IN_TEXT
    return None


def check_free_texts(texts: Mapping[str, str]) -> None:
    """`check_free_text` for each `what: text` pair: CardDataError naming the first that holds card data."""
    for what, text in texts.items():
        check_free_text(text, what)


def check_free_text(text: str, what: str) -> str:
    """`text` unchanged, or CardDataError "`what` looks like card data ..." (see `free_text_problem`)."""
    problem = free_text_problem(text)
    if problem is not None:
        raise CardDataError(f"{what} {problem}.")
    return text


NOT_REPEATED = "(not repeated here: it looks like card data)"


def echoable(text: str, instead: str = NOT_REPEATED) -> str:
    """`text` when a message may quote it, else `instead` (it holds card data: `free_text_problem`).

    For messages that name a value the user typed (an unknown SKU, a malformed e-mail): a message,
    and so the log, never repeats a card number or security code (DOMAIN.md section 3).
    """
    return instead if free_text_problem(text) is not None else text


def field_name_problem(name: str) -> str | None:
    """Why `name` may not name a field (it names a security code, or holds card data), or None."""
    if _SECURITY_NAME.search(name) or str(name).lower().replace("-", "_") in SECURITY_CODE_KEYS:
        return "names a card security code, which is never stored (DOMAIN.md section 3)"
    return free_text_problem(name)


def check_field_name(name: str, what: str) -> str:
    """`name` unchanged, or CardDataError naming `what` (see `field_name_problem`)."""
    problem = field_name_problem(name)
    if problem is not None:
        raise CardDataError(f"{what} {problem}.")
    return name


def authorization_problem(text: str) -> str | None:
    """Why `text` is not an authorization, or None: only the approval code (DOMAIN.md section 3).

    An authorization is letters and digits, no spaces, at most APPROVAL_CODE_LENGTH characters, and
    not a bare 3- or 4-digit number (a security code); anything else (a security code beside the
    code, a card number) is refused without repeating it.
    """
    if re.fullmatch(r"\d{3,4}", text):
        return "is a 3- or 4-digit number, which looks like a card security code: enter the approval code"
    if not _APPROVAL_CODE.fullmatch(text) or _has_card_number(text):
        return (
            f"must be the approval code only: letters and digits, no spaces, at most {APPROVAL_CODE_LENGTH} "
            "(never a card number or security code)"
        )
    return None


def validate_authorization(text: str | None, what: str = "The authorization") -> str | None:
    """The approval code (stripped), None for an empty one; CardDataError otherwise (`authorization_problem`)."""
    text = (text or "").strip()
    if not text:
        return None
    problem = authorization_problem(text)
    if problem is not None:
        raise CardDataError(f"{what} {problem}.")
    return text


def _keyring_usable() -> bool:
    import keyring  # only `keys migrate` reads the older key: other commands never load keyring

    try:
        return bool(keyring.get_keyring().priority > 0)
    except Exception:  # a broken backend is no backend
        return False


def key_file_path() -> Path:
    """Where the older scheme kept its key when there was no keyring: `XMART_KEY_FILE`, else `<data>/card-data.key`."""
    return Path(os.environ.get("XMART_KEY_FILE") or data_dir() / "card-data.key")


def legacy_key_source() -> str:
    """Where `read_legacy_key` looks, in words (for messages)."""
    return f"the keyring (service '{KEYRING_SERVICE}', name '{KEYRING_NAME}') or the file {key_file_path()}"


def _decode_key(text: str, where: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise CardKeyFileError(
            f"The card-data key {where} is damaged (not a 256-bit key in base64): nothing was changed. "
            "Restore it from a backup of this workstation."
        )
    return key


def read_legacy_key() -> bytes:
    """This workstation's card-data key of the older scheme (AES-256), read only: never created.

    Looked up as the older scheme kept it: the keyring (service `xmart`, name `card-data-key`),
    else the key file (`key_file_path`). Raises CardKeyFileError (nothing read) when there is none,
    when the file may be read or written by group or others (`chmod 600` it first: a key others
    could have read or replaced is not used), or when the stored key is damaged.
    Used only by `keys migrate` (processes/security/card_keys.py).
    """
    if _keyring_usable():
        import keyring

        try:
            stored = keyring.get_password(KEYRING_SERVICE, KEYRING_NAME)
        except Exception:  # a locked or broken keyring: look for the file
            stored = None
        if stored is not None:
            return _decode_key(stored, f"in the keyring (service '{KEYRING_SERVICE}', name '{KEYRING_NAME}')")
    path = key_file_path()
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CardKeyFileError(
            f"No card-data key of the older scheme on this workstation ({legacy_key_source()}): nothing was "
            "changed. Run `xmart keys migrate` on the workstation that took those cards."
        ) from None
    if os.name == "posix" and stat.S_IMODE(info.st_mode) & 0o077:
        raise CardKeyFileError(
            f"The card-data key file {path} may be read or changed by other users (mode "
            f"{stat.S_IMODE(info.st_mode):o}): it is not used. Run `chmod 600 {path}` if the file is trusted, "
            "then try again."
        )
    return _decode_key(path.read_text(encoding="ascii", errors="replace"), f"file {path}")


def legacy_decrypt(key: bytes, blob: bytes) -> str | None:
    """The card number in an older-scheme ciphertext (nonce + AES-256-GCM); None when `key` does not open it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(blob[:12], blob[12:], LEGACY_AAD).decode()
    except (InvalidTag, ValueError):
        return None
