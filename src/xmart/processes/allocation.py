"""The pure core of Assign (DOMAIN.md section 4): which locations supply a line, and deposit shares.

Plain functions over plain values (ints, Decimals, tuples, small immutable records): no database,
no session, no clock. `assign.py` reads the facts, calls these, and writes what they decide, so
the rules can be tested alone (tests/unit/test_allocation.py).

- `fill_line`: the units one CSO line takes, location by location, by the overstock rule;
- `deposit_target` and `deposit_shares`: the deposit a CSO's SOs hold after a run, and the split
  of its increase among the run's new SOs by largest remainder (money.allocate_largest_remainder).
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
class DepositBasis:
    """The figures of one CSO that decide its deposit (DOMAIN.md section 4, Deposits).

    Values of lines are exact, scaled to integers by money.VALUE_SCALE (money.scaled_line_value).
    """

    paid: Decimal
    """P: the deposit paid on the CSO (sum of its payments), in currency units with 2 decimals."""
    already: Decimal
    """Deposit already on its SOs that are not cancelled, before this run."""
    total_value: int
    """T x VALUE_SCALE: exact value of all its lines at full (not cancelled) quantity."""
    assigned_value: int
    """C x VALUE_SCALE: exact value of everything assigned to it, this run included."""
    fully_assigned: bool
    """Every unit of every line is on an SO (after this run)."""


def deposit_target(basis: DepositBasis) -> Decimal:
    """The deposit all SOs of a CSO hold after a run: P once fully assigned, else round(P x C / T).

    0.00 when T = 0 (and not fully assigned). Rounded half up to cents, exactly (no float).
    DOMAIN.md section 4, Deposits. Raises nothing for non-negative figures.
    """
    if basis.fully_assigned:
        return basis.paid
    if basis.total_value == 0:
        return ZERO
    return round_fraction_half_up(Fraction(basis.paid) * basis.assigned_value / basis.total_value)


def deposit_shares(basis: DepositBasis, weights: Sequence[int], codes: Sequence[str]) -> list[Decimal]:
    """Deposit of each new SO of one CSO, in the order of `weights` (DOMAIN.md section 4, Deposits).

    `weights` are the new SOs' exact values (scaled integers, >= 0), `codes` their location codes
    (the tie-break, lowest first; same length). The increase of the target over `basis.already`
    (never negative) is split by largest remainder, so the shares are >= 0 and sum to it exactly.
    Raises ValueError (from money.allocate_largest_remainder) for negative weights.
    """
    if not basis.paid:
        return [ZERO] * len(weights)
    increase = max(ZERO, deposit_target(basis) - basis.already)
    return allocate_largest_remainder(increase.quantize(CENT), weights, codes)


__all__ = ["DepositBasis", "Source", "Take", "deposit_shares", "deposit_target", "fill_line"]
