"""Money arithmetic used by every caller: Decimal, 2 places, ROUND_HALF_UP, largest remainder.

DOMAIN.md section 2: line amount = round(qty * price * (100 - line_discount) / 100),
subtotal = sum(line amounts), global discount amount = round(subtotal * global_discount / 100),
total = subtotal - global discount amount. Exact (unrounded) values are kept as Decimal with
enough precision (or as Fractions where a ratio must be exact).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal("0.00")


def to_money(value: Decimal | int | str | Fraction) -> Decimal:
    """Round a value to cents, half up."""
    if isinstance(value, Fraction):
        return round_fraction_half_up(value)
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def line_amount(qty: int, price: Decimal, discount: Decimal) -> Decimal:
    """The rounded amount of a line: qty * price * (100 - discount) / 100."""
    return to_money(exact_line_value(qty, price, discount))


VALUE_SCALE = 10**10
"""`scaled_line_value` is the exact value times this: cents x basis points x basis points."""


def _hundredths(value: Decimal) -> int:
    scaled = Decimal(value) * 100
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} has more than 2 decimals")
    return int(scaled)


def scaled_line_value(qty: int, price: Decimal, discount: Decimal, global_discount: Decimal = ZERO) -> int:
    """The exact value of a line times VALUE_SCALE, as an integer (prices and percents have 2 decimals)."""
    return qty * _hundredths(price) * (10_000 - _hundredths(discount)) * (10_000 - _hundredths(global_discount))


def exact_line_value(qty: int, price: Decimal, discount: Decimal, global_discount: Decimal = ZERO) -> Fraction:
    """The exact value of `qty` units of a line after line and global discounts (DOMAIN.md section 2)."""
    return Fraction(scaled_line_value(qty, price, discount, global_discount), VALUE_SCALE)


@dataclass(frozen=True)
class Totals:
    """Totals of an order: subtotal, global discount amount and total."""

    subtotal: Decimal
    global_discount_amount: Decimal
    total: Decimal


def order_totals(lines: Iterable[tuple[int, Decimal, Decimal]], global_discount: Decimal) -> Totals:
    """Totals of (qty, price, discount) lines with a global discount percentage."""
    subtotal = sum((line_amount(q, p, d) for q, p, d in lines), ZERO)
    discount_amount = to_money(subtotal * Decimal(global_discount) / HUNDRED)
    return Totals(subtotal, discount_amount, subtotal - discount_amount)


def allocate_largest_remainder(
    amount: Decimal, weights: Sequence[Fraction | Decimal | int], tie_keys: Sequence[object] | None = None
) -> list[Decimal]:
    """Split `amount` (in cents) in proportion to `weights`; the parts always sum to `amount`.

    Each part gets the floor of its exact share in cents; the cents left over go one each to the
    parts with the largest remainders, ties broken by ascending `tie_keys` (default: position).
    """
    if not weights:
        return []
    if Decimal(amount) % CENT:
        raise ValueError(f"amount {amount} is not a whole number of cents")
    cents = int(Decimal(amount) / CENT)
    if all(type(w) is int for w in weights):
        ints = list(weights)
    else:
        fractions = [Fraction(w) for w in weights]
        common = math.lcm(*(w.denominator for w in fractions))
        ints = [w.numerator * (common // w.denominator) for w in fractions]  # same proportions, as integers
    if any(w < 0 for w in ints):
        raise ValueError("weights must not be negative")
    total = sum(ints)
    if total == 0:
        ints, total = [1] * len(ints), len(ints)
    floors = [cents * w // total for w in ints]
    remainders = [cents * w % total for w in ints]
    left = cents - sum(floors)
    keys = list(tie_keys) if tie_keys is not None else list(range(len(weights)))
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], keys[i]))
    for i in order[:left]:
        floors[i] += 1
    return [Decimal(c) * CENT for c in floors]


def round_fraction_half_up(value: Fraction) -> Decimal:
    """Round an exact non-negative Fraction to cents, half up (never through float)."""
    cents = value * 100
    whole = cents.numerator // cents.denominator
    if cents - whole >= Fraction(1, 2):
        whole += 1
    return (Decimal(whole) * CENT).quantize(CENT)


__all__ = [
    "CENT",
    "HUNDRED",
    "ZERO",
    "Totals",
    "allocate_largest_remainder",
    "exact_line_value",
    "scaled_line_value",
    "VALUE_SCALE",
    "line_amount",
    "order_totals",
    "round_fraction_half_up",
    "to_money",
]
