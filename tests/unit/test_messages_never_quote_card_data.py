"""A message that quotes what was typed never quotes card data (DOMAIN.md section 3; issue 13 item 4).

Typed into an amount, a quantity or an SKU by mistake, a card number or security code is refused as
any bad value is, but the message says "(not repeated here: it looks like card data)" instead of
the value; ordinary bad values are still quoted.
"""

from __future__ import annotations

import pytest

from xmart.errors import InputError
from xmart.processes.cards import NOT_REPEATED, echoable
from xmart.processes.money import AmountError, parse_amount, parse_percent
from xmart.processes.quantities import parse_quantity

CARD_DATA = ("4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "CVC: 1234")


def _clean(message: str, quoted: bool = True) -> None:
    """No part of the card data in `message`; in its place the note, where the value would be `quoted`."""
    assert NOT_REPEATED in message or not quoted, message
    assert not any(part in message for part in ("4111", "1111", "1234")), message


@pytest.mark.parametrize("typed", CARD_DATA)
def test_echoable_hides_card_data_only(typed):
    assert echoable(typed) == NOT_REPEATED
    assert echoable("12 Main St") == "12 Main St"


@pytest.mark.parametrize("typed", CARD_DATA)
def test_an_amount_message_never_quotes_card_data(typed):
    with pytest.raises(AmountError) as caught:
        parse_amount(typed, "Payment amount", maximum=None)
    _clean(str(caught.value))
    _clean(caught.value.reason)
    with pytest.raises(AmountError) as caught:
        parse_percent(typed, "Discount", typed=True)
    _clean(str(caught.value), quoted=False)  # a number out of range is not quoted at all


def test_an_ordinary_bad_amount_is_still_quoted():
    with pytest.raises(AmountError, match="'12,5x' is not an amount"):
        parse_amount("12,5x", "Payment amount", maximum=None)


@pytest.mark.parametrize("typed", CARD_DATA)
def test_a_quantity_message_never_quotes_card_data(typed):
    with pytest.raises(InputError) as caught:
        parse_quantity(typed, "Qty")
    _clean(str(caught.value))
    with pytest.raises(InputError, match="'1x' is not a whole number"):
        parse_quantity("1x", "Qty")
