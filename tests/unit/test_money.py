"""Money rules of DOMAIN.md section 2 and the largest-remainder split."""

from decimal import Decimal as D
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from xmart.processes.money import (
    allocate_largest_remainder,
    exact_line_value,
    line_amount,
    order_totals,
    round_fraction_half_up,
    to_money,
)

prices = st.decimals(min_value=0, max_value=10_000, places=2)
percents = st.decimals(min_value=0, max_value=100, places=2)


def test_line_amount_rounds_half_up():
    # 5 * 19.99 * 0.90 = 89.955 -> 89.96 (half up, not banker's 89.96/89.95)
    assert line_amount(5, D("19.99"), D("10")) == D("89.96")
    # 1 * 0.05 * 0.50 = 0.025 -> 0.03
    assert line_amount(1, D("0.05"), D("50")) == D("0.03")


def test_order_totals_of_interface_example():
    totals = order_totals([(5, D("19.99"), D("10.00"))], D("5.00"))
    assert totals.subtotal == D("89.96")
    assert totals.global_discount_amount == D("4.50")  # 4.498 -> 4.50
    assert totals.total == D("85.46")


def test_global_discount_rounds_on_subtotal_not_per_line():
    lines = [(1, D("0.10"), D("0")), (1, D("0.10"), D("0"))]
    # 0.20 * 12.5% = 0.025 -> 0.03 (per-line rounding would give 0.01 + 0.01)
    assert order_totals(lines, D("12.5")).global_discount_amount == D("0.03")


def test_exact_value_is_unrounded():
    assert exact_line_value(1, D("0.05"), D("50"), D("10")) == Fraction(9, 400)


def test_round_fraction_half_up():
    assert round_fraction_half_up(Fraction(1, 200)) == D("0.01")
    assert round_fraction_half_up(Fraction(1, 201)) == D("0.00")
    assert to_money(Fraction(2499, 200)) == D("12.50")


def test_largest_remainder_ties_by_key():
    assert allocate_largest_remainder(D("10.00"), [1, 1, 1], ["S03", "S01", "S02"]) == [D("3.33"), D("3.34"), D("3.33")]


def test_largest_remainder_prefers_largest_remainder():
    # exact shares 6.666.., 3.333..: remainders .666 and .333 -> the first gets the cent
    assert allocate_largest_remainder(D("10.00"), [2, 1]) == [D("6.67"), D("3.33")]


@given(
    st.decimals(min_value=0, max_value=100_000, places=2),
    st.lists(st.fractions(min_value=0, max_value=1000), min_size=1, max_size=12),
)
def test_largest_remainder_always_sums_exactly(amount, weights):
    parts = allocate_largest_remainder(amount, weights)
    assert sum(parts) == amount
    assert all(p >= 0 for p in parts)
    total = sum(weights)
    if total:
        for part, weight in zip(parts, weights, strict=True):
            exact = Fraction(amount) * weight / total
            assert abs(Fraction(part) - exact) < Fraction(1, 100)


@given(st.lists(st.tuples(st.integers(1, 500), prices, percents), min_size=1, max_size=10), percents)
def test_totals_are_cents_and_consistent(lines, global_discount):
    totals = order_totals(lines, global_discount)
    for value in (totals.subtotal, totals.global_discount_amount, totals.total):
        assert value == value.quantize(D("0.01"))
    assert totals.total == totals.subtotal - totals.global_discount_amount
    assert D(0) <= totals.total <= totals.subtotal
