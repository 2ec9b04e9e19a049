"""Lines carried to the cent: a web line's amount as an xmart line's price and discount (DOMAIN.md 2, 10).

xmart keeps a line as quantity, unit price and discount % (2 decimals), its amount
`round(qty * price * (100 - discount) / 100)`; a web store keeps amounts. `fit_line` finds the price and
discount that give the web line's amount exactly. It keeps the store's unit price (rounded to the
cent, half up) with the discount the line got when a 2-decimal percentage lands on the cent; on a large line
(more than 100.00) no percentage may land exactly, and the unit price is then lowered to the highest
price at which one does (for a line of 12 x 1,500.00 about 0.1 % lower). The amount is always exact:
a line is never rounded silently; when no price fits (not expected), None, and the order is held.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from xmart.processes.money import CENT, line_amount

_WHOLE = 10_000
"""A discount of k hundredths of a percent leaves (10000 - k) / 10000 of the line."""


def fit_line(qty: int, unit_price: Decimal, amount: Decimal) -> tuple[Decimal, Decimal] | None:
    """(price, discount %) with `money.line_amount(qty, price, discount) == amount`, or None.

    `qty` > 0; `unit_price`: the store's unit price before discounts (any precision, not negative);
    `amount`: what the line comes to, in cents, not negative. The price is never above `unit_price`
    rounded to the cent, unless the line costs more than that (then the amount per unit, rounded up)
    or no price at or below it fits (then the lowest that does, a few cents above).
    """
    list_cents = int((unit_price / CENT).to_integral_value(rounding=ROUND_HALF_UP))
    target = int(amount / CENT)
    list_cents = max(list_cents, -(-target // qty))
    if target == 0:
        return Decimal(list_cents) * CENT, Decimal("100.00")
    gross = qty * list_cents
    # Half-up rounding: amount == target  <=>  10000*target - 5000 <= n*m < 10000*target + 5000, with
    # n = qty * price (cents) and m = 10000 - k. Walk k down from the list price's own discount: the
    # largest n (a multiple of qty, at most the list) in range gives the highest price that fits.
    exact = _WHOLE * (1 - Decimal(target) / gross)
    nearest = int(exact.to_integral_value())  # at the list price, the discount nearest the exact one first
    for k in sorted(range(max(0, nearest - 3), min(_WHOLE, nearest + 4)), key=lambda k: (abs(k - exact), k)):
        price, discount = Decimal(list_cents) * CENT, Decimal(k) * CENT
        if line_amount(qty, price, discount) == amount:
            return price, discount
    start = min(_WHOLE - 1, _WHOLE - (_WHOLE * target) // gross + 1)
    low_sum, high_sum = _WHOLE * target - _WHOLE // 2, _WHOLE * target + _WHOLE // 2
    # A small discount on an amount that no multiple of qty reaches may have no price at or below the
    # list: then the lowest price above it that fits (the smallest discount), cents above the list.
    for ks, cap in ((range(start, -1, -1), gross), (range(1, _WHOLE), None)):
        for k in ks:
            m = _WHOLE - k
            low = -(-low_sum // m)
            high = -(-high_sum // m) - 1
            n = (high if cap is None else min(high, cap)) // qty * qty
            if n >= low:
                price, discount = Decimal(n // qty) * CENT, Decimal(k) * CENT
                if line_amount(qty, price, discount) == amount:
                    return price, discount
    return None
