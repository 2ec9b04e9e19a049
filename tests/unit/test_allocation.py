"""Property tests of the pure Assign core (xmart.processes.allocation), without a database.

DOMAIN.md section 4: a line takes from the location with the largest overstock (ties: lowest
code), never more than available nor more than wanted; SO totals and deposits sum exactly to the
increases of their targets by largest remainder (ties by lowest location code), never negative, and
no deposit exceeds its SO's total.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from xmart.processes.allocation import ShareBasis, SoShare, Source, deposit_target, fill_line, so_shares, totals_target
from xmart.processes.money import allocate_largest_remainder, order_totals, round_fraction_half_up, scaled_line_value

CODES = ("S01", "S02", "S03", "S04", "S05")

sources_st = st.lists(
    st.builds(Source, code=st.sampled_from(CODES), available=st.integers(0, 20), minimum=st.integers(0, 8)),
    max_size=5,
    unique_by=lambda s: s.code,
)
cents_st = st.integers(0, 100_000).map(lambda c: Decimal(c) / 100)


def _taken_by_code(takes) -> dict[str, int]:
    out: dict[str, int] = {}
    for code, qty in takes:
        out[code] = out.get(code, 0) + qty
    return out


def _reference(sources, wanted):
    """DOMAIN.md section 4, order of work, written as plainly as possible."""
    stock = {s.code: [s.available, s.minimum] for s in sources}
    takes = []
    while wanted > 0:
        candidates = [(code, v) for code, v in stock.items() if v[0] > 0]
        if not candidates:
            break
        code, v = min(candidates, key=lambda c: (-(c[1][0] - c[1][1]), c[0]))
        over = v[0] - v[1]
        qty = min(wanted, over if over > 0 else v[0])
        v[0] -= qty
        wanted -= qty
        takes.append((code, qty))
    return takes


@given(sources=sources_st, wanted=st.integers(-3, 60))
def test_fill_line_never_takes_more_than_available_or_wanted(sources, wanted):
    takes, after = fill_line(tuple(sources), wanted)
    by_code = _taken_by_code(takes)
    available = {s.code: max(0, s.available) for s in sources}
    assert all(qty > 0 for _, qty in takes)
    assert all(by_code[code] <= available[code] for code in by_code)
    assert sum(by_code.values()) <= max(0, wanted)
    # whatever is left unfilled, nothing was left available
    if sum(by_code.values()) < wanted:
        assert not after
    # the sources afterwards: availability lowered by what was taken, empty ones dropped
    expected_after = {code: units - by_code.get(code, 0) for code, units in available.items()}
    assert {s.code: s.available for s in after} == {c: u for c, u in expected_after.items() if u > 0}
    assert all(s.minimum == next(o.minimum for o in sources if o.code == s.code) for s in after)


@given(sources=sources_st, wanted=st.integers(0, 60))
def test_fill_line_follows_the_overstock_rule(sources, wanted):
    takes, _ = fill_line(tuple(sources), wanted)
    assert [tuple(t) for t in takes] == _reference(sources, wanted)


@given(sources=sources_st, wanted=st.integers(0, 60), data=st.data())
def test_fill_line_is_deterministic_whatever_the_order_of_sources(sources, wanted, data):
    shuffled = data.draw(st.permutations(sources))
    assert fill_line(tuple(sources), wanted)[0] == fill_line(tuple(shuffled), wanted)[0]


@given(sources=sources_st, wanted=st.integers(1, 60))
def test_fill_line_takes_overstock_first(sources, wanted):
    """No unit below a minimum is taken while some location still has overstock."""
    takes, _ = fill_line(tuple(sources), wanted)
    stock = {s.code: [s.available, s.minimum] for s in sources}
    for code, qty in takes:
        over = stock[code][0] - stock[code][1]
        if over <= 0:
            assert all(v[0] - v[1] <= 0 for v in stock.values() if v[0] > 0)
        else:
            assert qty <= over
        stock[code][0] -= qty


def test_fill_line_leaves_its_arguments_alone():
    sources = (Source("S02", 5, 1), Source("S01", 3, 0))
    takes, after = fill_line(sources, 6)
    assert takes == [("S02", 4), ("S01", 2)]
    assert after == (Source("S02", 1, 1), Source("S01", 1, 0))
    assert sources == (Source("S02", 5, 1), Source("S01", 3, 0))


def test_fill_line_breaks_overstock_ties_by_lowest_code():
    takes, _ = fill_line((Source("S03", 4, 1), Source("S01", 5, 2), Source("S02", 3, 0)), 2)
    assert takes == [("S01", 2)]


CENT = Decimal("0.01")


@st.composite
def basis_st(draw):
    """A CSO's figures: S and P <= S, T and C <= T, and what earlier SOs carry (at most what the rule gives)."""
    total = draw(cents_st)
    paid = draw(st.integers(0, int(total * 100)).map(lambda c: Decimal(c) / 100))
    total_value = draw(st.integers(0, 10**12))
    assigned_value = draw(st.integers(0, total_value))
    totals_before = draw(st.integers(0, int(total * 100)).map(lambda c: Decimal(c) / 100))
    deposits_before = draw(st.integers(0, int(min(paid, totals_before) * 100)).map(lambda c: Decimal(c) / 100))
    return ShareBasis(
        total=total,
        paid=paid,
        total_value=total_value,
        assigned_value=assigned_value,
        fully_assigned=draw(st.booleans()),
        totals_before=totals_before,
        deposits_before=deposits_before,
    )


weights_st = st.lists(st.integers(0, 10**9), min_size=1, max_size=len(CODES))


def _codes(data, n):
    return data.draw(st.lists(st.sampled_from(CODES), min_size=n, max_size=n, unique=True))


@given(basis=basis_st(), weights=weights_st, data=st.data())
def test_totals_sum_exactly_to_the_increase_of_a(basis, weights, data):
    shares = so_shares(basis, weights, _codes(data, len(weights)))
    assert len(shares) == len(weights)
    assert all(s.total >= 0 and s.total == s.total.quantize(CENT) for s in shares)
    assert sum(s.total for s in shares) == max(Decimal(0), totals_target(basis) - basis.totals_before)


@given(basis=basis_st(), weights=weights_st, data=st.data())
def test_no_deposit_exceeds_its_total_and_none_is_negative(basis, weights, data):
    shares = so_shares(basis, weights, _codes(data, len(weights)))
    assert all(0 <= s.deposit <= s.total and s.deposit == s.deposit.quantize(CENT) for s in shares)


@given(basis=basis_st(), weights=weights_st, data=st.data())
def test_deposits_reach_the_target_unless_the_new_totals_cannot_hold_it(basis, weights, data):
    shares = so_shares(basis, weights, _codes(data, len(weights)))
    new_total = sum((s.total for s in shares), Decimal(0))
    increase = max(Decimal(0), deposit_target(basis, basis.totals_before + new_total) - basis.deposits_before)
    assert sum(s.deposit for s in shares) == min(increase, new_total)


def test_fully_assigned_in_one_run_gives_exactly_s_and_p():
    """The issue's example: 3 x 10.05 at three stores, 10 % global discount, paid in full 27.13."""
    unit = scaled_line_value(1, Decimal("10.05"), Decimal(0), Decimal(10))
    total = order_totals([(3, Decimal("10.05"), Decimal(0))], Decimal(10)).total
    assert total == Decimal("27.13")
    basis = ShareBasis(total=total, paid=total, total_value=3 * unit, assigned_value=3 * unit, fully_assigned=True)
    shares = so_shares(basis, [unit, unit, unit], ["S01", "S02", "S03"])
    assert shares == [SoShare(Decimal("9.05"), Decimal("9.05")), SoShare(Decimal("9.04"), Decimal("9.04"))] + [
        SoShare(Decimal("9.04"), Decimal("9.04"))
    ]


def test_a_run_that_assigns_part_carries_the_rounded_proportion():
    unit = scaled_line_value(1, Decimal("10.05"), Decimal(0), Decimal(10))
    basis = ShareBasis(
        total=Decimal("27.13"), paid=Decimal("10.00"), total_value=3 * unit, assigned_value=unit, fully_assigned=False
    )
    (share,) = so_shares(basis, [unit], ["S02"])
    assert share.total == round_fraction_half_up(Fraction(2713, 100) / 3) == Decimal("9.04")
    assert share.deposit == round_fraction_half_up(Fraction(1000, 100) * Fraction(904, 2713)) == Decimal("3.33")


def test_shares_ties_go_to_the_lowest_code():
    basis = ShareBasis(
        total=Decimal("0.01"), paid=Decimal("0.01"), total_value=2, assigned_value=2, fully_assigned=True
    )
    assert so_shares(basis, [1, 1], ["S02", "S01"]) == [SoShare(Decimal(0), Decimal(0)), SoShare(CENT, CENT)]


def test_new_sos_get_nothing_when_earlier_sos_carry_more_than_the_target():
    basis = ShareBasis(
        total=Decimal("10.00"),
        paid=Decimal("10.00"),
        total_value=10,
        assigned_value=5,
        fully_assigned=False,
        totals_before=Decimal("6.00"),
        deposits_before=Decimal("6.00"),
    )
    assert so_shares(basis, [1], ["S01"]) == [SoShare(Decimal("0.00"), Decimal("0.00"))]


@given(basis=basis_st())
def test_targets_are_s_and_p_once_fully_assigned_else_the_rounded_proportions(basis):
    a = totals_target(basis)
    if basis.fully_assigned:
        assert a == basis.total and deposit_target(basis, a) == basis.paid
    elif basis.total_value == 0:
        assert a == 0
    else:
        assert a == round_fraction_half_up(Fraction(basis.total) * basis.assigned_value / basis.total_value)
        assert 0 <= a <= basis.total
        if basis.total:
            assert deposit_target(basis, a) == round_fraction_half_up(
                Fraction(basis.paid) * Fraction(a) / Fraction(basis.total)
            )


def test_nothing_paid_means_zero_deposits():
    basis = ShareBasis(
        total=Decimal("5.00"), paid=Decimal("0.00"), total_value=5, assigned_value=5, fully_assigned=True
    )
    assert [s.deposit for s in so_shares(basis, [3, 2], ["S01", "S02"])] == [Decimal("0.00"), Decimal("0.00")]


@given(amount=cents_st, weights=weights_st, data=st.data())
def test_largest_remainder_parts_are_within_a_cent_of_their_exact_share(amount, weights, data):
    """Each part is within one cent of its exact share, below it only if others have no larger remainder."""
    codes = _codes(data, len(weights))
    parts = allocate_largest_remainder(amount, weights, codes)
    assert sum(parts) == amount
    cents = int(amount * 100)
    total = sum(weights) or None
    exact = [Fraction(cents * w, total) if total else Fraction(cents, len(weights)) for w in weights]
    got = [int(p * 100) for p in parts]
    for e, g in zip(exact, got, strict=True):
        assert e - 1 < g < e + 1
    rounded_up = [i for i, (e, g) in enumerate(zip(exact, got, strict=True)) if g > e]
    kept_down = [i for i, (e, g) in enumerate(zip(exact, got, strict=True)) if g < e]
    for up in rounded_up:  # those rounded up have the larger remainders, ties to the lower code
        for down in kept_down:
            assert (-(exact[up] - int(exact[up])), codes[up]) < (-(exact[down] - int(exact[down])), codes[down])


@given(sources=sources_st, wants=st.lists(st.integers(0, 30), max_size=6))
def test_successive_lines_share_the_stock(sources, wants):
    """Lines of one run draw on the same stock: together never more than available, as much as possible."""
    stock: tuple[Source, ...] = tuple(sources)
    taken: dict[str, int] = {}
    for wanted in wants:
        takes, stock = fill_line(stock, wanted)
        assert sum(q for _, q in takes) == min(wanted, sum(max(0, s.available) for s in sources) - sum(taken.values()))
        for code, qty in takes:
            taken[code] = taken.get(code, 0) + qty
    assert all(taken.get(s.code, 0) <= max(0, s.available) for s in sources)
