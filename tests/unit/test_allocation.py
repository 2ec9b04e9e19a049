"""Property tests of the pure Assign core (xmart.processes.allocation), without a database.

DOMAIN.md section 4: a line takes from the location with the largest overstock (ties: lowest
code), never more than available nor more than wanted; deposit shares sum exactly to the increase
by largest remainder, ties by lowest location code.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from xmart.processes.allocation import DepositBasis, Source, deposit_shares, deposit_target, fill_line
from xmart.processes.money import round_fraction_half_up

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


basis_st = st.builds(
    DepositBasis,
    paid=cents_st,
    already=cents_st,
    total_value=st.integers(0, 10**12),
    assigned_value=st.integers(0, 10**12),
    fully_assigned=st.booleans(),
).filter(lambda b: b.assigned_value <= b.total_value)
weights_st = st.lists(st.integers(0, 10**9), min_size=1, max_size=len(CODES))


@given(basis=basis_st, weights=weights_st, data=st.data())
def test_deposit_shares_sum_exactly_to_the_increase(basis, weights, data):
    codes = data.draw(st.lists(st.sampled_from(CODES), min_size=len(weights), max_size=len(weights), unique=True))
    shares = deposit_shares(basis, weights, codes)
    assert len(shares) == len(weights)
    assert all(s >= 0 and s == s.quantize(Decimal("0.01")) for s in shares)
    expected = max(Decimal(0), deposit_target(basis) - basis.already) if basis.paid else Decimal(0)
    assert sum(shares) == expected


@given(basis=basis_st, weights=weights_st, data=st.data())
def test_deposit_shares_are_largest_remainder(basis, weights, data):
    """Each share is within one cent of its exact share, below it only if others have no larger remainder."""
    codes = data.draw(st.lists(st.sampled_from(CODES), min_size=len(weights), max_size=len(weights), unique=True))
    shares = deposit_shares(basis, weights, codes)
    increase_cents = int(sum(shares) * 100)
    total = sum(weights) or None
    exact = [Fraction(increase_cents * w, total) if total else Fraction(increase_cents, len(weights)) for w in weights]
    got = [int(s * 100) for s in shares]
    for e, g in zip(exact, got, strict=True):
        assert e - 1 < g < e + 1
    rounded_up = [i for i, (e, g) in enumerate(zip(exact, got, strict=True)) if g > e]
    kept_down = [i for i, (e, g) in enumerate(zip(exact, got, strict=True)) if g < e]
    for up in rounded_up:  # those rounded up have the larger remainders, ties to the lower code
        for down in kept_down:
            key_up = (-(exact[up] - int(exact[up])), codes[up])
            key_down = (-(exact[down] - int(exact[down])), codes[down])
            assert key_up < key_down


def test_deposit_share_ties_go_to_the_lowest_code():
    basis = DepositBasis(paid=Decimal("0.01"), already=Decimal(0), total_value=2, assigned_value=2, fully_assigned=True)
    assert deposit_shares(basis, [1, 1], ["S02", "S01"]) == [Decimal("0.00"), Decimal("0.01")]


@given(basis=basis_st)
def test_deposit_target_is_p_once_fully_assigned_else_the_rounded_proportion(basis):
    target = deposit_target(basis)
    if basis.fully_assigned:
        assert target == basis.paid
    elif basis.total_value == 0:
        assert target == 0
    else:
        assert target == round_fraction_half_up(Fraction(basis.paid) * basis.assigned_value / basis.total_value)
        assert 0 <= target <= basis.paid


def test_nothing_paid_means_zero_shares():
    basis = DepositBasis(paid=Decimal("0.00"), already=Decimal(0), total_value=5, assigned_value=5, fully_assigned=True)
    assert deposit_shares(basis, [3, 2], ["S01", "S02"]) == [Decimal("0.00"), Decimal("0.00")]


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
