"""How the needs of corporate sale order lines are covered (DOMAIN.md section 5), without a database.

Plain functions over plain values (named tuples of ints and strings), so that the rules of the
Automatic Purchase Orders process can be read and tested on their own; `purchase_orders` reads the
facts, calls `plan_supply` and writes what it returns.

- `need(line) = max(0, qty - cancelled - assigned - covered)` (`line_need`).
- Room on a PO line already on order: `max(0, qty - received - coverage)` (`po_line_room`).
- Needs are covered first from the lines already on order of the same item, in the order given
  (PO number, then line number), each unit of room used once (`cover_from_on_order`).
- What is still needed is ordered from the item's vendor: one order per vendor (vendors in code
  order), one line per item (SKU order) whose quantity is the sum of the needs it covers; items
  without a vendor are reported by SKU and skipped (`order_remainder`).

Quantities are whole units (ints, never negative); ids are database ids, only compared and copied.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple


class LineNeed(NamedTuple):
    """Units a CSO line still needs (`need` > 0 once computed by `line_need`)."""

    line_id: int
    cso_number: int
    item_id: int
    need: int


class OnOrderLine(NamedTuple):
    """A line of a PO already on order (open or partially received) and the units it can still cover."""

    po_line_id: int
    po_number: int
    item_id: int
    room: int


class Take(NamedTuple):
    """Units of a PO line already on order newly earmarked for a CSO line."""

    po_line_id: int
    po_number: int
    line_id: int
    cso_number: int
    item_id: int
    qty: int


class ItemSupply(NamedTuple):
    """An item as the process orders it: its SKU and its vendor's code (None: no vendor)."""

    sku: str
    vendor: str | None


class OrderLine(NamedTuple):
    """A new PO line: `qty` units of an item, the sum of the needs in `covers` (need = units covered)."""

    item_id: int
    sku: str
    qty: int
    covers: tuple[LineNeed, ...]


class Order(NamedTuple):
    """A new purchase order to one vendor, lines in SKU order."""

    vendor: str
    lines: tuple[OrderLine, ...]


class SupplyPlan(NamedTuple):
    """Everything a run decides: units taken from lines on order, new orders, SKUs skipped (sorted)."""

    takes: tuple[Take, ...]
    orders: tuple[Order, ...]
    skipped_no_vendor: tuple[str, ...]


def line_need(qty: int, cancelled: int, assigned: int, covered: int) -> int:
    """Units of a CSO line nobody has assigned or ordered yet: `max(0, qty - cancelled - assigned - covered)`.

    `assigned` counts units on SOs that are not cancelled, `covered` units covered by POs that are
    not cancelled (DOMAIN.md section 5). Never negative.
    """
    need = qty - cancelled - assigned - covered
    return need if need > 0 else 0


def po_line_room(qty: int, received: int, covered: int) -> int:
    """Units of a PO line on order still free to cover CSO lines: `max(0, qty - received - covered)`.

    `covered` is the coverage already recorded on that line (DOMAIN.md section 5). Never negative.
    """
    room = qty - received - covered
    return room if room > 0 else 0


def cover_from_on_order(
    needs: Iterable[LineNeed], on_order: Mapping[int, Sequence[OnOrderLine]]
) -> tuple[tuple[Take, ...], tuple[LineNeed, ...]]:
    """Cover needs from merchandise already on order; (takes, what is still needed), both in `needs` order.

    `needs`: CSO lines in processing order (CSO number, then line), each with its need in units;
    lines with no need are passed over. `on_order`: per item id, the PO lines on order in the order
    they are used (PO number, then line number), each with its room in units. Each unit of room is
    used at most once; `on_order` is not changed. `needs` is consumed once, lazily (a caller may
    report progress or stop between its items). The remainder holds each line with the units still
    needed (> 0).
    """
    room = {line.po_line_id: line.room for lines in on_order.values() for line in lines}
    takes: list[Take] = []
    remainder: list[LineNeed] = []
    for line in needs:
        left = line.need
        if left <= 0:
            continue
        for po_line in on_order.get(line.item_id, ()):
            free = room[po_line.po_line_id]
            if free <= 0:
                continue
            take = min(left, free)
            room[po_line.po_line_id] = free - take
            takes.append(Take(po_line.po_line_id, po_line.po_number, line.line_id, line.cso_number, line.item_id, take))
            left -= take
            if left == 0:
                break
        if left == line.need:
            remainder.append(line)
        elif left:
            remainder.append(line._replace(need=left))
    return tuple(takes), tuple(remainder)


def order_remainder(
    remainder: Iterable[LineNeed], items: Mapping[int, ItemSupply]
) -> tuple[tuple[Order, ...], tuple[str, ...]]:
    """Order what is still needed from each item's vendor; (orders, SKUs skipped for lack of a vendor).

    `remainder`: CSO lines with the units still needed (> 0), in processing order. `items`: every
    item id in `remainder` with its SKU and vendor code; KeyError for a missing one. One order per
    vendor, vendors in code order; one line per item, SKUs in order, covering its CSO lines in
    `remainder` order. Skipped SKUs are sorted, each once.
    """
    by_item: dict[int, list[LineNeed]] = {}
    for line in remainder:
        by_item.setdefault(line.item_id, []).append(line)
    by_vendor: dict[str, list[OrderLine]] = {}
    skipped: set[str] = set()
    for item_id in sorted(by_item, key=lambda item_id: items[item_id].sku):
        sku, vendor = items[item_id]
        if vendor is None:
            skipped.add(sku)
        else:
            by_vendor.setdefault(vendor, []).append(_order_line(item_id, sku, by_item[item_id]))
    return tuple(Order(vendor, tuple(lines)) for vendor, lines in sorted(by_vendor.items())), tuple(sorted(skipped))


def _order_line(item_id: int, sku: str, covers: list[LineNeed]) -> OrderLine:
    return OrderLine(item_id, sku, sum(line.need for line in covers), tuple(covers))


def plan_supply(
    needs: Iterable[LineNeed], on_order: Mapping[int, Sequence[OnOrderLine]], items: Mapping[int, ItemSupply]
) -> SupplyPlan:
    """Cover `needs` from what is on order, then order the rest (DOMAIN.md section 5).

    Shapes as in `cover_from_on_order` and `order_remainder`; `items` must hold every item of a line
    not fully covered by what is on order (KeyError otherwise). Deterministic: the same values give
    the same plan.
    """
    takes, remainder = cover_from_on_order(needs, on_order)
    orders, skipped = order_remainder(remainder, items)
    return SupplyPlan(takes, orders, skipped)
