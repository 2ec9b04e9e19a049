"""Card data rules (DOMAIN.md section 3): Luhn, masking, security codes, reading the older workstation key."""

import base64
import os

import keyring
import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from xmart.errors import CardDataError
from xmart.processes import cards


def test_luhn_accepts_test_numbers_and_rejects_typos():
    for number in ("4111111111111111", "5555555555554444", "378282246310005", "6011111111111117"):
        assert cards.normalize_card_number(number) == number
    with pytest.raises(CardDataError, match="not valid"):
        cards.normalize_card_number("4111111111111112")


def test_card_number_format():
    assert cards.normalize_card_number("4111 1111-1111 1111") == "4111111111111111"
    with pytest.raises(CardDataError, match="12 to 19"):
        cards.normalize_card_number("4242")
    with pytest.raises(CardDataError, match="only digits"):
        cards.normalize_card_number("4111x11111111111")


def test_expiry():
    assert cards.validate_expiry("12/28") == "12/28"
    for bad in ("13/28", "1228", "12/2028", "00/10"):
        with pytest.raises(CardDataError):
            cards.validate_expiry(bad)


def test_mask_shows_last_four_only():
    assert cards.mask("1111") == "**** 1111"
    assert cards.mask(None) == ""


def test_security_code_keys_are_found_in_any_spelling():
    for key in ("cvv", "CVC", "cvv2", "security_code", "Security-Code"):
        assert cards.security_code_key({"number": "x", key: "123"}) == key
    assert cards.security_code_key({"number": "x", "expiry": "12/28"}) is None


def _legacy_blob(key: bytes, digits: str) -> bytes:
    """A ciphertext as the older scheme made it (nonce + AES-256-GCM, associated data xmart-card-v1)."""
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, digits.encode(), b"xmart-card-v1")


def test_the_older_key_is_read_from_the_keyring_and_opens_its_cards():
    key = os.urandom(32)
    keyring.set_password(cards.KEYRING_SERVICE, cards.KEYRING_NAME, base64.b64encode(key).decode())
    assert cards.read_legacy_key() == key
    assert cards.legacy_decrypt(key, _legacy_blob(key, "4111111111111111")) == "4111111111111111"
    assert cards.legacy_decrypt(os.urandom(32), _legacy_blob(key, "4111111111111111")) is None
    assert cards.legacy_decrypt(key, b"short") is None


def _no_keyring(tmp_path, monkeypatch):
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    path = tmp_path / "k" / "card.key"
    monkeypatch.setenv("XMART_KEY_FILE", str(path))
    return path


def test_no_older_key_is_ever_created(tmp_path, monkeypatch):
    path = _no_keyring(tmp_path, monkeypatch)
    with pytest.raises(cards.CardKeyFileError, match="No card-data key of the older scheme"):
        cards.read_legacy_key()
    assert not path.exists() and not path.parent.exists()


def test_an_empty_keyring_is_not_given_a_key(tmp_path, monkeypatch):
    monkeypatch.setenv("XMART_KEY_FILE", str(tmp_path / "none.key"))
    with pytest.raises(cards.CardKeyFileError, match="No card-data key"):
        cards.read_legacy_key()
    assert keyring.get_password(cards.KEYRING_SERVICE, cards.KEYRING_NAME) is None


def test_the_older_key_file_is_read_only_when_owner_only(tmp_path, monkeypatch):
    path = _no_keyring(tmp_path, monkeypatch)
    path.parent.mkdir()
    key = os.urandom(32)
    path.write_text(base64.b64encode(key).decode() + "\n")
    path.chmod(0o600)
    assert cards.read_legacy_key() == key
    path.chmod(0o666)
    with pytest.raises(cards.CardKeyFileError, match=r"other users.*chmod 600") as refused:
        cards.read_legacy_key()
    assert str(path) in str(refused.value)
    path.chmod(0o640)
    with pytest.raises(cards.CardKeyFileError, match="chmod 600"):
        cards.read_legacy_key()


@pytest.mark.parametrize("content", ["not base64 at all!", base64.b64encode(b"short").decode(), ""])
def test_a_damaged_key_file_is_named_never_incorrect_padding(tmp_path, monkeypatch, content):
    path = _no_keyring(tmp_path, monkeypatch)
    path.parent.mkdir()
    path.write_text(content)
    path.chmod(0o600)
    with pytest.raises(cards.CardKeyFileError, match="is damaged") as refused:
        cards.read_legacy_key()
    assert str(path) in str(refused.value) and "padding" not in str(refused.value).lower()


def test_a_damaged_keyring_entry_is_named():
    keyring.set_password(cards.KEYRING_SERVICE, cards.KEYRING_NAME, "abc")
    with pytest.raises(cards.CardKeyFileError, match="keyring.*is damaged"):
        cards.read_legacy_key()
