"""`money.parse_amount` and `parse_percent`: the one place amounts and percentages are read (DOMAIN.md 2)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xmart.errors import InputError
from xmart.processes.money import AmountError, AmountProblem, parse_amount, parse_percent

amounts = st.decimals(min_value=0, max_value=D("9999999999.99"), places=2)
percents = st.decimals(min_value=0, max_value=100, places=2)


@given(amounts)
def test_amount_round_trips_through_text_int_and_decimal(value):
    assert parse_amount(str(value), "Price") == value
    assert parse_amount(value, "Price") == value
    assert parse_amount(f"{value:.2f}", "Price").as_tuple().exponent == -2  # always exactly 2 places
    if value == value.to_integral_value():
        assert parse_amount(int(value), "Price") == value


@given(amounts)
def test_typed_amount_reads_thousands_separators(value):
    assert parse_amount(f"{value:,.2f}", "Price", typed=True) == value
    assert parse_amount(f"  {value:,}  ", "Price", typed=True) == value


@given(percents)
def test_percent_round_trips_with_or_without_percent_sign(value):
    assert parse_percent(str(value), "Discount") == value
    assert parse_percent(value, "Discount") == value
    assert parse_percent(f"{value}%", "Commission rate", typed=True) == value


@given(st.decimals(min_value=0, max_value=1000, places=5).filter(lambda d: d != d.quantize(D("0.01"))))
def test_more_than_2_decimals_is_refused_never_rounded(value):
    for parse in (parse_amount, parse_percent):
        with pytest.raises(AmountError) as caught:
            parse(str(value), "Price")
        assert caught.value.problem in (AmountProblem.TOO_MANY_DECIMALS, AmountProblem.ABOVE_MAXIMUM)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_floats_are_refused(value):
    with pytest.raises(AmountError, match="^Price: ") as caught:
        parse_amount(value, "Price")  # type: ignore[arg-type]
    assert caught.value.problem is AmountProblem.NOT_TEXT_OR_NUMBER
    with pytest.raises(AmountError):
        parse_percent(value, "Discount")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "problem", "reason"),
    [
        ("abc", AmountProblem.NOT_A_NUMBER, "is not an amount: 'abc'"),
        ("", AmountProblem.NOT_A_NUMBER, "is not an amount: ''"),
        ("1,234.50", AmountProblem.NOT_A_NUMBER, "is not an amount: '1,234.50'"),
        ("-1", AmountProblem.NEGATIVE, "must be zero or more, not -1"),
        ("NaN", AmountProblem.NOT_A_NUMBER, "is not an amount: 'NaN'"),
        ("1.005", AmountProblem.TOO_MANY_DECIMALS, "has more than 2 decimals: 1.005"),
        ("10000000000", AmountProblem.TOO_LARGE, "is too large: 10000000000"),
        ("1e10", AmountProblem.NOT_A_NUMBER, "is not an amount: '1e10'"),
        ("1E+999999", AmountProblem.NOT_A_NUMBER, "is not an amount: '1E+999999'"),
        (True, AmountProblem.NOT_TEXT_OR_NUMBER, 'must be an amount such as "19.99"'),
    ],
)
def test_strict_amount_refusals_name_the_field_and_the_reason(text, problem, reason):
    with pytest.raises(AmountError) as caught:
        parse_amount(text, "Payment amount")
    error = caught.value
    assert isinstance(error, InputError)
    assert (error.field, error.value, error.problem, error.reason) == ("Payment amount", text, problem, reason)
    assert str(error).startswith("Payment amount: ")


@pytest.mark.parametrize(
    "value",
    [
        "1e2",
        "1e30",
        "1E+2",
        "1.5e1",
        "NaN",
        "nan",
        "sNaN",
        "Infinity",
        "-Infinity",
        "inf",
        "1_000",
        "\u0661\u0662",
        D("1E+2"),
    ],
)
def test_amounts_and_percents_are_plain_decimals_never_exponents_nan_or_infinity(value):
    """Issue 12: "1e30" crashed the import with InvalidOperation and "1e2" was read as 100.00."""
    for parse in (parse_amount, parse_percent):
        with pytest.raises(AmountError) as caught:
            parse(value, "Price")
        assert caught.value.problem is AmountProblem.NOT_A_NUMBER


def test_messages_for_a_clerk():
    with pytest.raises(AmountError, match=r"^Shipping: cost: 'x' is not an amount\.$"):
        parse_amount("x", "Shipping: cost", typed=True)
    with pytest.raises(AmountError, match=r"^Price: .1\.999. must be an amount of at least 0 with at most 2 decimals"):
        parse_amount("1.999", "Price", typed=True)
    with pytest.raises(AmountError, match=r"^Commission rate: '5 pct' is not a number\.$"):
        parse_percent("5 pct", "Commission rate", typed=True)
    with pytest.raises(AmountError, match=r"^Commission rate: a percentage from 0 to 100 with at most 2 decimals\.$"):
        parse_percent("100.5", "Commission rate", typed=True)
    with pytest.raises(AmountError, match=r"^Items: line 1 \(A100\): a discount is a percentage from 0 to 100 "):
        parse_percent(D("12.345"), "Items: line 1 (A100)", noun="discount")
    with pytest.raises(AmountError) as caught:
        parse_percent("150", "discount")
    assert caught.value.reason == "must be at most 100, not 150"


def test_typed_blank_is_zero_and_strict_blank_is_refused():
    assert parse_amount("", "Price", typed=True) == D("0.00")
    assert parse_amount("  ", "Price", typed=True) == D("0.00")
    assert parse_percent("", "Rate", typed=True) == D("0.00")
    with pytest.raises(AmountError):
        parse_percent("", "Rate")


def test_maximum_and_negative_zero():
    assert parse_amount("100", "Deposit", maximum=D(100)) == D("100.00")
    with pytest.raises(AmountError, match="from 0 to 100") as caught:
        parse_amount("100.01", "Deposit", maximum=D(100))
    assert caught.value.problem is AmountProblem.ABOVE_MAXIMUM
    zero = parse_amount("-0.00", "Price")
    assert zero == 0 and not zero.is_signed()
