"""DOMAIN.md section 3, "no card data in free text": `cards.free_text_problem` and the approval-code rule."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xmart.errors import CardDataError
from xmart.processes.cards import (
    check_field_name,
    check_free_text,
    free_text_problem,
    luhn_valid,
    validate_authorization,
)


def _with_check_digit(body: str) -> str:
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


card_numbers = st.integers(11, 18).flatmap(
    lambda n: st.text("0123456789", min_size=n, max_size=n).map(_with_check_digit)
)


@given(card_numbers, st.sampled_from(["", " ", "-"]), st.integers(2, 6), st.text("abc ,.:", max_size=10))
def test_a_card_number_anywhere_in_free_text_is_refused_and_never_echoed(number, sep, group, around):
    written = sep.join(number[i : i + group] for i in range(0, len(number), group))
    text = f"{around}{written} {around}"
    assert free_text_problem(text) is not None
    with pytest.raises(CardDataError) as caught:
        check_free_text(text, "Notes:")
    assert number not in str(caught.value) and written not in str(caught.value)


@pytest.mark.parametrize(
    "text", ["cvv 123", "CVC: 1234", "security code 737", "Card verification value=123", "cvv2#123"]
)
def test_a_security_code_written_as_such_is_refused(text):
    with pytest.raises(CardDataError) as caught:
        check_free_text(f"Call back, {text}, thanks", "Notes:")
    assert "123" not in str(caught.value) and "737" not in str(caught.value) and "1234" not in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "Deliver to dock 4, gate 12",
        "+1 518 555 0100",
        "Order 2026-11-02, 3 boxes",
        "12345678901234567890123",  # 23 digits in one run: longer than any card number
        "41111111111111112",  # 17 digits, not Luhn-valid
        "Recover the 123 cvv-less cards",
    ],
)
def test_ordinary_text_passes(text):
    assert free_text_problem(text) is None


@pytest.mark.parametrize("name", ["CVV", "Card CVV", "cvc2", "Security code", "security_code", "card-verification"])
def test_a_field_named_for_a_security_code_is_refused(name):
    with pytest.raises(CardDataError, match="security code"):
        check_field_name(name, "Custom field name:")


@pytest.mark.parametrize("name", ["Gift message", "PO reference", "Delivery window"])
def test_ordinary_field_names_pass(name):
    assert check_field_name(name, "Custom field name:") == name


@pytest.mark.parametrize("code", ["A1B2C3", "123456", "OK", "ABCDEF123456", "  X9Y8Z7 "])
def test_an_approval_code_is_accepted(code):
    assert validate_authorization(code) == code.strip()


@pytest.mark.parametrize(
    "text", ["737", "1234", "A1B2C3 737", "ABCDEF1234567", "4111111111111111", "auth:123456", "A1B2C3/737"]
)
def test_anything_but_the_approval_code_is_refused_without_echo(text):
    with pytest.raises(CardDataError) as caught:
        validate_authorization(text, "Authorization:")
    assert "737" not in str(caught.value) and "4111" not in str(caught.value)


def test_empty_authorization_is_none():
    assert validate_authorization("  ") is None and validate_authorization(None) is None
