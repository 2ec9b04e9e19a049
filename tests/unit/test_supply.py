"""Properties of the need-covering rules of the Purchase Orders process (DOMAIN.md section 5), no database.

For random CSO lines (quantity, cancelled, assigned and covered units), random PO lines on order
(quantity, received, covered) and random items (some without vendor): every unit of need is
covered once (by a line on order or a new PO line) or reported as skipped, a line on order never
gives more than its room, nothing is negative, a second run over the result orders nothing, and
the plan is deterministic.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from xmart.processes.supply import (
    ItemSupply,
    LineNeed,
    OnOrderLine,
    SupplyPlan,
    cover_from_on_order,
    line_need,
    order_remainder,
    plan_supply,
    po_line_room,
)

ITEMS = {
    1: ItemSupply("A100", "V2"),
    2: ItemSupply("B200", "V1"),
    3: ItemSupply("C300", None),
    4: ItemSupply("D400", "V1"),
    5: ItemSupply("E500", "V3"),
}

cso_line = st.tuples(
    st.sampled_from(sorted(ITEMS)), st.integers(1, 12), st.integers(0, 12), st.integers(0, 12), st.integers(0, 12)
)
"""(item id, qty, cancelled, assigned, covered), the last three capped so that they fit in qty."""

po_line = st.tuples(st.sampled_from(sorted(ITEMS)), st.integers(1, 20), st.integers(0, 20), st.integers(0, 20))
"""(item id, qty, received, covered)."""


def needs_of(orders: list[list[tuple[int, int, int, int, int]]]) -> list[LineNeed]:
    """CSO lines numbered 1001, 1002, ... (line ids 1, 2, ...) with their needs, in processing order."""
    needs, line_id = [], 0
    for number, lines in enumerate(orders, start=1001):
        for item_id, qty, cancelled, assigned, covered in lines:
            cancelled = min(cancelled, qty)
            assigned = min(assigned, qty - cancelled)
            covered = min(covered, qty - cancelled - assigned)
            line_id += 1
            needs.append(LineNeed(line_id, number, item_id, line_need(qty, cancelled, assigned, covered)))
    return needs


def on_order_of(lines: list[tuple[int, int, int, int]]) -> dict[int, list[OnOrderLine]]:
    """PO lines numbered 6901, 6902, ... (one line each, ids 101, 102, ...) with room left, per item."""
    result: dict[int, list[OnOrderLine]] = {}
    for n, (item_id, qty, received, covered) in enumerate(lines):
        received = min(received, qty)
        room = po_line_room(qty, received, min(covered, qty - received))
        if room:
            result.setdefault(item_id, []).append(OnOrderLine(101 + n, 6901 + n, item_id, room))
    return result


def covered_by_plan(plan: SupplyPlan) -> Counter[int]:
    """Units the plan covers per CSO line id, on lines on order and on new PO lines."""
    covered: Counter[int] = Counter()
    for take in plan.takes:
        covered[take.line_id] += take.qty
    for order in plan.orders:
        for line in order.lines:
            for cover in line.covers:
                covered[cover.line_id] += cover.need
    return covered


orders_strategy = st.lists(st.lists(cso_line, min_size=1, max_size=4), max_size=6)
on_order_strategy = st.lists(po_line, max_size=6)


def test_need_and_room_are_never_negative() -> None:
    assert line_need(5, 1, 3, 0) == 1
    assert line_need(5, 0, 4, 3) == 0
    assert po_line_room(10, 4, 2) == 4
    assert po_line_room(10, 8, 5) == 0


def test_lines_on_order_first_in_order_then_one_po_per_vendor_lines_by_sku() -> None:
    needs = [
        LineNeed(1, 1001, 1, 6),
        LineNeed(2, 1001, 3, 2),
        LineNeed(3, 1002, 4, 1),
        LineNeed(4, 1002, 1, 3),
        LineNeed(5, 1003, 2, 2),
    ]
    on_order = {1: [OnOrderLine(11, 6900, 1, 2), OnOrderLine(12, 6901, 1, 1)]}
    plan = plan_supply(needs, on_order, ITEMS)
    assert [(t.po_number, t.line_id, t.qty) for t in plan.takes] == [(6900, 1, 2), (6901, 1, 1)]
    assert [
        (o.vendor, [(ln.sku, ln.qty, [(c.line_id, c.need) for c in ln.covers]) for ln in o.lines]) for o in plan.orders
    ] == [
        ("V1", [("B200", 2, [(5, 2)]), ("D400", 1, [(3, 1)])]),
        ("V2", [("A100", 6, [(1, 3), (4, 3)])]),
    ]
    assert plan.skipped_no_vendor == ("C300",)


@settings(max_examples=300, deadline=None)
@given(orders_strategy, on_order_strategy)
def test_every_unit_of_need_is_covered_once_or_reported(orders, po_lines) -> None:
    needs = needs_of(orders)
    on_order = on_order_of(po_lines)
    plan = plan_supply(needs, on_order, ITEMS)
    covered = covered_by_plan(plan)
    for line in needs:
        assert line.need >= 0
        assert covered[line.line_id] <= line.need
        if covered[line.line_id] < line.need:  # only what no vendor supplies is left over, and it is reported
            assert ITEMS[line.item_id].vendor is None and ITEMS[line.item_id].sku in plan.skipped_no_vendor
    assert all(take.qty > 0 for take in plan.takes)
    new_lines = [line for order in plan.orders for line in order.lines]
    assert all(cover.need > 0 for line in new_lines for cover in line.covers)
    assert all(line.qty == sum(c.need for c in line.covers) > 0 for line in new_lines)


@settings(max_examples=300, deadline=None)
@given(orders_strategy, on_order_strategy)
def test_lines_on_order_never_give_more_than_their_room_and_are_used_in_order(orders, po_lines) -> None:
    needs = needs_of(orders)
    on_order = on_order_of(po_lines)
    takes, remainder = cover_from_on_order(needs, on_order)
    taken: Counter[int] = Counter()
    for take in takes:
        taken[take.po_line_id] += take.qty
    room = {line.po_line_id: line.room for lines in on_order.values() for line in lines}
    assert all(taken[po_line_id] <= room[po_line_id] for po_line_id in taken)
    for line in remainder:  # still needed only when every line on order of that item is used up
        assert all(taken[po_line.po_line_id] == po_line.room for po_line in on_order.get(line.item_id, ()))


@settings(max_examples=300, deadline=None)
@given(orders_strategy, on_order_strategy)
def test_a_second_run_over_the_result_orders_nothing(orders, po_lines) -> None:
    needs = needs_of(orders)
    on_order = on_order_of(po_lines)
    plan = plan_supply(needs, on_order, ITEMS)
    covered = covered_by_plan(plan)
    taken: Counter[int] = Counter()
    for take in plan.takes:
        taken[take.po_line_id] += take.qty
    again = [line._replace(need=line_need(line.need, 0, 0, covered[line.line_id])) for line in needs]
    left = {
        item_id: [po_line._replace(room=po_line_room(po_line.room, 0, taken[po_line.po_line_id])) for po_line in lines]
        for item_id, lines in on_order.items()
    }
    second = plan_supply(again, left, ITEMS)
    assert second.takes == () and second.orders == ()
    assert second.skipped_no_vendor == plan.skipped_no_vendor


@settings(max_examples=100, deadline=None)
@given(orders_strategy, on_order_strategy)
def test_the_plan_is_deterministic_and_leaves_its_inputs_alone(orders, po_lines) -> None:
    needs = needs_of(orders)
    on_order = on_order_of(po_lines)
    before = {item_id: list(lines) for item_id, lines in on_order.items()}
    first = plan_supply(iter(needs), on_order, ITEMS)
    assert on_order == before
    assert plan_supply(list(needs), on_order, ITEMS) == first
    if not on_order:  # nothing on order: everything needed goes to the vendors
        assert (first.orders, first.skipped_no_vendor) == order_remainder([ln for ln in needs if ln.need], ITEMS)
