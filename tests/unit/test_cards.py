"""Card data rules (DOMAIN.md section 3): Luhn, masking, encryption, key storage, security codes."""

import os
import stat

import keyring
import pytest

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


def test_encryption_round_trip_and_no_clear_text():
    vault = cards.load_vault()
    blob = vault.encrypt("4111111111111111")
    assert b"4111111111111111" not in blob and b"1111" not in blob[12:]
    assert vault.decrypt(blob) == "4111111111111111"
    assert vault.encrypt("4111111111111111") != blob  # fresh nonce every time


def test_tampered_or_foreign_ciphertext_is_refused():
    vault = cards.load_vault()
    blob = bytearray(vault.encrypt("4111111111111111"))
    blob[-1] ^= 1
    with pytest.raises(CardDataError):
        vault.decrypt(bytes(blob))
    with pytest.raises(CardDataError):
        cards.CardVault(os.urandom(32)).decrypt(vault.encrypt("4111111111111111"))


def test_key_lives_in_the_keyring_and_is_stable():
    first = cards.load_vault()
    assert keyring.get_password(cards.KEYRING_SERVICE, cards.KEYRING_NAME) is not None
    assert cards.load_vault().key == first.key


def test_headless_fallback_key_file_is_owner_only(tmp_path, monkeypatch):
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("XMART_KEY_FILE", str(tmp_path / "k" / "card.key"))
    vault = cards.load_vault()
    path = tmp_path / "k" / "card.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert cards.load_vault().key == vault.key
