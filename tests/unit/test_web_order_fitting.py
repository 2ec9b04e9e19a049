"""Web order lines carried to the cent (processes/web_orders/fitting.py) and the quick card-data look of the
web order scan (files._may_hold_card_data never lets through what cards.free_text_problem refuses)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from xmart.processes.cards import free_text_problem
from xmart.processes.money import line_amount
from xmart.processes.web_orders.files import _may_hold_card_data
from xmart.processes.web_orders.fitting import fit_line

cents = st.integers(min_value=0, max_value=2_000_000).map(lambda c: Decimal(c) / 100)


@settings(max_examples=400, deadline=None)
@given(qty=st.integers(1, 50), price=cents, discount_share=st.fractions(0, 1))
def test_every_line_amount_is_reached_exactly(qty, price, discount_share):
    gross = qty * price
    amount = (gross - (gross * Decimal(discount_share.numerator) / discount_share.denominator)).quantize(
        Decimal("0.01")
    )
    amount = max(Decimal("0.00"), min(gross, amount))
    fitted = fit_line(qty, price, amount)
    assert fitted is not None
    fitted_price, discount = fitted
    assert line_amount(qty, fitted_price, discount) == amount
    assert Decimal(0) <= discount <= Decimal(100)
    assert fitted_price >= 0


def test_the_store_price_is_kept_when_a_discount_lands_on_the_cent():
    assert fit_line(3, Decimal("21.590083"), Decimal("58.29")) == (Decimal("21.59"), Decimal("10.00"))
    assert fit_line(2, Decimal("5.40"), Decimal("10.80")) == (Decimal("5.40"), Decimal("0.00"))
    assert fit_line(1, Decimal("19.99"), Decimal("0.00")) == (Decimal("19.99"), Decimal("100.00"))


def test_a_large_line_gets_a_price_within_a_fraction_of_a_percent_of_the_store_s():
    for qty, listed, amount in ((12, "1517.10", "16167.12"), (12, "1517.10", "18167.12"), (2, "1565.59", "3131.03")):
        price, discount = fit_line(qty, Decimal(listed), Decimal(amount))
        assert line_amount(qty, price, discount) == Decimal(amount)
        assert abs(price - Decimal(listed)) / Decimal(listed) < Decimal("0.002")


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789 -abcvsCVVSecurity:"), max_size=40))
def test_the_quick_look_never_hides_card_data(text):
    if free_text_problem(text) is not None:
        assert _may_hold_card_data(text)
