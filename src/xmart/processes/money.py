"""Money arithmetic used by every caller: Decimal, 2 places, ROUND_HALF_UP, largest remainder.

DOMAIN.md section 2: line amount = round(qty * price * (100 - line_discount) / 100),
subtotal = sum(line amounts), global discount amount = round(subtotal * global_discount / 100),
total = subtotal - global discount amount + shipping charge (`order_totals`, the one home of an
order's total: order windows, the CSO view, `show cso`, the confirmation and the e-mail use it).
Exact (unrounded) values are kept as Decimal with
enough precision (or as Fractions where a ratio must be exact).

Input: `parse_amount` and `parse_percent` are the one place where an amount or a percentage given
as text or a number (a dialog field, a process parameter, an import document) becomes a Decimal.
They refuse rather than round: more than 2 decimals, negatives, non-numbers (exponents such as
"1e2", NaN and Infinity included: an amount is a plain decimal), floats (binary
fractions are not amounts) and amounts of 1e10 or more (a money column holds 12 digits, 2 after
the point); the AmountError they raise names the field.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from typing import cast

from xmart.errors import InputError

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal("0.00")
AMOUNT_LIMIT = Decimal("1e10")
"""Amounts must stay below this: a money column holds 12 digits, 2 of them after the point."""


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
    """Totals of an order: subtotal, global discount amount, shipping charge and total (shipping included)."""

    subtotal: Decimal
    global_discount_amount: Decimal
    total: Decimal
    shipping: Decimal = ZERO

    @property
    def merchandise(self) -> Decimal:
        """Subtotal less the global discount amount: the total without shipping."""
        return self.subtotal - self.global_discount_amount


def order_totals(
    lines: Iterable[tuple[int, Decimal, Decimal]], global_discount: Decimal, shipping: Decimal = ZERO
) -> Totals:
    """Totals of (qty, price, discount) lines with a global discount percentage and a shipping charge.

    DOMAIN.md section 2: `total = subtotal - round(subtotal * global_discount / 100) + shipping`, each
    amount a Decimal in cents (shipping is rounded half up to cents). Sale orders and the commission
    report pass no shipping. Raises nothing for valid Decimals.
    """
    subtotal = sum((line_amount(q, p, d) for q, p, d in lines), ZERO)
    discount_amount = to_money(subtotal * Decimal(global_discount) / HUNDRED)
    shipping = to_money(shipping)
    return Totals(subtotal, discount_amount, subtotal - discount_amount + shipping, shipping)


class DepositError(InputError):
    """A deposit above the order total (DOMAIN.md section 3); `reason` says it without naming a field."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where, self.reason = where, reason


def check_deposit(deposit: Decimal, total: Decimal, where: str) -> None:
    """Refuse a deposit `P` above the order total `S` (DOMAIN.md section 3): the one home of that rule.

    `deposit`: the sum of the order's payments; `total`: its order total (`order_totals(...).total`,
    shipping included), both in currency units. `where` names the place for the message ("Payment",
    "corporate_sale_orders[3].payments"). Raises DepositError (an InputError) when `deposit > total`;
    import, order entry (adding a payment, lowering the total) and web orders call it.
    """
    if deposit > total:
        raise DepositError(
            where,
            f"the deposit ({to_money(deposit)}) is more than the order total ({to_money(total)}); "
            "an overpayment is a refund, not a deposit",
        )


def check_total(total: Decimal, where: str) -> None:
    """Refuse an order total that no amount column can hold (at least AMOUNT_LIMIT, 10,000,000,000.00).

    `total`: an order total in currency units (`order_totals(...).total`); `where` names the place for the
    message. The SOs of a CSO carry parts of its total and deposits up to it (DOMAIN.md section 4), so a
    total that fits keeps every sum the processes build within numeric(12,2). Raises InputError.
    """
    if total >= AMOUNT_LIMIT:
        raise InputError(
            f"{where}: the order total ({to_money(total):,}) is more than xmart can hold (at most 9,999,999,999.99)."
        )


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
    ints: list[int]
    if all(type(w) is int for w in weights):
        ints = cast(list[int], list(weights))
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


# --- parsing amounts and percentages ----------------------------------------------------------
class AmountProblem(enum.Enum):
    """Why an amount or a percentage was refused, in the order the checks run."""

    NOT_TEXT_OR_NUMBER = "type"
    NOT_A_NUMBER = "syntax"
    NEGATIVE = "negative"
    TOO_MANY_DECIMALS = "decimals"
    TOO_LARGE = "too large"
    ABOVE_MAXIMUM = "above maximum"


class AmountError(InputError):
    """An amount or percentage refused by `parse_amount` / `parse_percent`.

    `str(error)` is the message for a clerk, naming the field; `field`, `value` (as given),
    `problem` and `maximum` say exactly what was wrong, and `reason` says it without the field
    name, for callers that name the field their own way (the import report).
    """

    def __init__(
        self,
        field: str,
        value: object,
        problem: AmountProblem,
        *,
        percent: bool = False,
        maximum: Decimal | None = None,
        noun: str = "",
    ):
        from xmart.processes.cards import NOT_REPEATED, free_text_problem  # here: commands load no card code

        self.field, self.value, self.problem, self.maximum = field, value, problem, maximum
        self.shown: object = value if free_text_problem(str(value)) is None else NOT_REPEATED
        """The value as a message may quote it: never card data (DOMAIN.md section 3)."""
        value = self.shown
        unreadable = problem in (AmountProblem.NOT_TEXT_OR_NUMBER, AmountProblem.NOT_A_NUMBER)
        if percent:
            what = f"a {noun} is a percentage" if noun else "a percentage"
            message = (
                f"{field}: '{value}' is not a number."
                if unreadable
                else f"{field}: {what} from 0 to {maximum} with at most 2 decimals."
            )
        elif unreadable:
            message = f"{field}: '{value}' is not an amount."
        elif maximum is not None:
            message = f"{field}: '{value}' must be an amount from 0 to {maximum} with at most 2 decimals."
        else:
            message = f"{field}: '{value}' must be an amount of at least 0 with at most 2 decimals."
        super().__init__(message)

    @property
    def reason(self) -> str:
        """What is wrong, without the field's name: 'has more than 2 decimals: 1.999' (never card data)."""
        value = self.shown
        return {
            AmountProblem.NOT_TEXT_OR_NUMBER: 'must be an amount such as "19.99"',
            AmountProblem.NOT_A_NUMBER: f"is not an amount: {value!r}",
            AmountProblem.NEGATIVE: f"must be zero or more, not {value}",
            AmountProblem.TOO_MANY_DECIMALS: f"has more than 2 decimals: {value}",
            AmountProblem.TOO_LARGE: f"is too large: {value}",
            AmountProblem.ABOVE_MAXIMUM: f"must be at most {self.maximum}, not {value}",
        }[self.problem]


def _has_at_most_2_decimals(value: Decimal) -> bool:
    """Exact for any finite Decimal (never rounds, never raises): 1.500 has 2 decimals, 1.005 has 3."""
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite: not 'n', 'N' or 'F'
    trailing_zeros = 0
    for digit in reversed(digits):
        if digit:
            break
        trailing_zeros += 1
    return trailing_zeros == len(digits) or exponent + trailing_zeros >= -2


_PLAIN_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)
"""Money and percentages are plain decimal numbers: digits with an optional point, no exponent."""


def _parse(value: object, field: str, maximum: Decimal | None, text: str, percent: bool, noun: str = "") -> Decimal:
    def refuse(problem: AmountProblem) -> AmountError:
        return AmountError(field, value, problem, percent=percent, maximum=maximum, noun=noun)

    if not _PLAIN_DECIMAL.fullmatch(text):
        raise refuse(AmountProblem.NOT_A_NUMBER)  # exponents, NaN, Infinity, "1_000": not plain decimals
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise refuse(AmountProblem.NOT_A_NUMBER) from None
    if amount < 0:
        raise refuse(AmountProblem.NEGATIVE)
    if not _has_at_most_2_decimals(amount):
        raise refuse(AmountProblem.TOO_MANY_DECIMALS)
    if amount >= AMOUNT_LIMIT:
        raise refuse(AmountProblem.TOO_LARGE)
    if maximum is not None and amount > maximum:
        raise refuse(AmountProblem.ABOVE_MAXIMUM)
    return amount.quantize(CENT) if amount else ZERO  # -0 becomes 0.00


def _text(value: object, field: str, percent: bool, noun: str = "") -> str:
    """The text of a str, int or Decimal; floats and anything else are refused."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise AmountError(
            field,
            value,
            AmountProblem.NOT_TEXT_OR_NUMBER,
            percent=percent,
            maximum=HUNDRED if percent else None,
            noun=noun,
        )
    return str(value).strip()


def parse_amount(
    value: str | int | Decimal, field: str, *, maximum: Decimal | None = None, typed: bool = False
) -> Decimal:
    """An amount of money: a Decimal from 0 to below 1e10 (or to `maximum`) with exactly 2 places.

    `value`: text ("19.99", " 5 ") or a number (int, Decimal). Floats and booleans are refused.
    `field`: the field's name as the clerk knows it ("Payment amount"); every message starts with it.
    `typed=True` is for text a clerk typed into a form: an empty field means 0 and commas are
    thousands separators ("1,234.50"). Raises AmountError (an InputError) naming `field` for text
    that is not a number, a negative amount, more than 2 decimals (never rounded), 1e10 or more, or
    above `maximum`. DOMAIN.md section 2 (prices, discounts and payments have 2 decimals).
    """
    text = _text(value, field, percent=False)
    if typed:
        text = text.replace(",", "") or "0"
    return _parse(value, field, maximum, text, percent=False)


def parse_percent(value: str | int | Decimal, field: str, *, typed: bool = False, noun: str = "") -> Decimal:
    """A percentage: a Decimal from 0 to 100 with exactly 2 places (discounts, commission rates).

    `value`: text ("12.5") or a number (int, Decimal); floats and booleans are refused. `field`
    names the field in messages; `noun` says what the percentage is in the range message
    ("discount": "...: a discount is a percentage from 0 to 100 with at most 2 decimals.").
    `typed=True` is for text a clerk typed: an empty field means 0 and a trailing "%" is allowed.
    Raises AmountError (an InputError) naming `field` for text that is not a number, a negative
    value, more than 2 decimals (never rounded) or more than 100. DOMAIN.md section 2.
    """
    text = _text(value, field, percent=True, noun=noun)
    if typed:
        text = text.rstrip("%") or "0"
    return _parse(value, field, HUNDRED, text, percent=True, noun=noun)


__all__ = [
    "AMOUNT_LIMIT",
    "check_total",
    "CENT",
    "HUNDRED",
    "ZERO",
    "AmountError",
    "AmountProblem",
    "DepositError",
    "Totals",
    "allocate_largest_remainder",
    "check_deposit",
    "exact_line_value",
    "scaled_line_value",
    "VALUE_SCALE",
    "line_amount",
    "order_totals",
    "parse_amount",
    "parse_percent",
    "round_fraction_half_up",
    "to_money",
]
