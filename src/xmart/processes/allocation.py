"""The pure core of Assign (DOMAIN.md section 4): which locations supply a line, and deposit shares.

Plain functions over plain values (ints, Decimals, tuples, small immutable records): no database,
no session, no clock. `assign.py` reads the facts, calls these, and writes what they decide, so
the rules can be tested alone (tests/unit/test_allocation.py).

- `fill_line`: the units one CSO line takes, location by location, by the overstock rule;
- `totals_target`, `deposit_target` and `so_shares`: what the totals and the deposit of a CSO's SOs
  add up to after a run, and the split of their increases among the run's new SOs by largest
  remainder (money.allocate_largest_remainder): totals by exact value, deposits by total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from xmart.processes.money import CENT, ZERO, allocate_largest_remainder, round_fraction_half_up


class Source(NamedTuple):
    """One selected location's stock of one item during a run (units; `available` already net of pending)."""

    code: str
    """Location code; the tie-break between equal overstocks (lowest first)."""
    available: int
    minimum: int


class Take(NamedTuple):
    """Units of a line taken from one location."""

    code: str
    qty: int


def _rank(source: Source) -> tuple[int, str]:
    """Sort key of the next location to take from: largest overstock first, then lowest code."""
    return source.minimum - source.available, source.code


def fill_line(sources: Sequence[Source], wanted: int) -> tuple[list[Take], tuple[Source, ...]]:
    """Take up to `wanted` units of one item from `sources` (DOMAIN.md section 4, order of work 1-2).

    `sources` are the selected locations' stock of the item (at most one per location code);
    `wanted` is the line's remaining quantity (units, may be 0 or negative: nothing is taken).
    While units are wanted and a source has `available > 0`, the source with the largest
    overstock (`available - minimum`; ties: lowest code) gives `min(wanted, overstock)` when its
    overstock is positive, else `min(wanted, available)`.

    Returns the takes in the order they were made (a location can appear twice: first for its
    overstock, later below its minimum) and the sources afterwards: availability lowered, sources
    left with nothing dropped. Pure: the arguments are not changed. Raises nothing.
    """
    stock = [s for s in sources if s.available > 0]
    takes: list[Take] = []
    while wanted > 0 and stock:
        best = min(stock, key=_rank)
        overstock = best.available - best.minimum
        qty = min(wanted, overstock if overstock > 0 else best.available)
        wanted -= qty
        takes.append(Take(best.code, qty))
        index = stock.index(best)
        if best.available > qty:
            stock[index] = best._replace(available=best.available - qty)
        else:
            del stock[index]
    return takes, tuple(stock)


@dataclass(frozen=True, slots=True)
class ShareBasis:
    """The figures of one CSO that decide its SOs' totals and deposits (DOMAIN.md section 4).

    Money in currency units with 2 decimals; values of lines exact, scaled to integers by
    money.VALUE_SCALE (money.scaled_line_value). "Earlier SOs" are its SOs that are not cancelled,
    made before this run.
    """

    total: Decimal
    """S: the CSO total (money.order_totals: lines less cancelled units, global discount, shipping)."""
    paid: Decimal
    """P: the deposit paid on the CSO (sum of its payments); P <= S (payments.check_deposit)."""
    total_value: int
    """T x VALUE_SCALE: exact value of all its lines at full (not cancelled) quantity."""
    assigned_value: int
    """C x VALUE_SCALE: exact value of everything assigned on its SOs, this run included."""
    fully_assigned: bool
    """Every unit of every line is on an SO (after this run)."""
    totals_before: Decimal = ZERO
    """Sum of the totals of its earlier SOs."""
    deposits_before: Decimal = ZERO
    """Deposit already on its earlier SOs."""


class SoShare(NamedTuple):
    """The total and the deposit of one new SO (currency units, 2 decimals, deposit <= total)."""

    total: Decimal
    deposit: Decimal


def totals_target(basis: ShareBasis) -> Decimal:
    """A: what the totals of all SOs of a CSO add up to after a run (DOMAIN.md section 4, Totals).

    S once fully assigned; 0.00 when T = 0; else round(S x C / T), half up to cents, exactly.
    Raises nothing for non-negative figures.
    """
    if basis.fully_assigned:
        return basis.total
    if basis.total_value == 0:
        return ZERO
    return round_fraction_half_up(Fraction(basis.total) * basis.assigned_value / basis.total_value)


def deposit_target(basis: ShareBasis, totals_after: Decimal) -> Decimal:
    """The deposit all SOs of a CSO hold after a run (DOMAIN.md section 4, Deposits).

    `totals_after` is A', the sum of the totals of its SOs after the run. P once fully assigned;
    0.00 when S = 0; else round(P x A' / S), half up to cents, never above P. Raises nothing.
    """
    if basis.fully_assigned:
        return basis.paid
    if not basis.total:
        return ZERO
    return min(
        basis.paid, round_fraction_half_up(Fraction(basis.paid) * Fraction(totals_after) / Fraction(basis.total))
    )


def _cents(amount: Decimal) -> int:
    return int(amount * 100)


def so_shares(basis: ShareBasis, weights: Sequence[int], codes: Sequence[str]) -> list[SoShare]:
    """Total and deposit of each new SO of one CSO, in the order of `weights` (DOMAIN.md section 4, 1-2).

    `weights` are the new SOs' exact values (scaled integers, >= 0), `codes` their location codes
    (the tie-break, lowest first; same length). Totals: the increase of `totals_target` over
    `basis.totals_before` (never negative) split in proportion to the weights by largest remainder.
    Deposits: the increase of `deposit_target` over `basis.deposits_before` (never negative, never
    above the new totals' sum) split in proportion to the new totals by largest remainder, so no
    deposit exceeds its SO's total. Every share >= 0. Raises ValueError (from
    money.allocate_largest_remainder) for negative weights.
    """
    if not weights:
        return []
    increase = max(ZERO, totals_target(basis) - basis.totals_before)
    totals = allocate_largest_remainder(increase.quantize(CENT), weights, codes)
    new_total = sum(totals, ZERO)
    if not basis.paid:
        return [SoShare(t, ZERO) for t in totals]
    target = deposit_target(basis, basis.totals_before + new_total)
    deposit = min(new_total, max(ZERO, target - basis.deposits_before))
    deposits = allocate_largest_remainder(deposit.quantize(CENT), [_cents(t) for t in totals], codes)
    return [SoShare(t, d) for t, d in zip(totals, deposits, strict=True)]


__all__ = ["ShareBasis", "SoShare", "Source", "Take", "deposit_target", "fill_line", "so_shares", "totals_target"]
