"""Order entry (DOMAIN.md sections 2, 3 and 7): draft CSOs from a customer, their sections, completion.

A draft is created from a customer with both addresses copied (`new_order`). The editor keeps the
whole order as one `OrderEntry` value; `save_sections` writes the sections the clerk saves
("Update Information"), `complete_order` writes everything, checks every section, sets the CSO
`open` and queues the confirmation e-mail in the same transaction (sent after commit by
`xmart.processes.outbox`). `enter_order` (Sales Order Interface) does creation and completion in
one transaction: until it succeeds nothing is written.

Invariants:
- only a `draft` can be edited or completed; completion goes through `check_transition`;
- totals come from `money.order_totals` (line amounts rounded one by one, DOMAIN.md section 2);
- card numbers are validated (Luhn, length) by `card_payment`, kept only in memory (never shown,
  `repr` hides them) until the order is saved, and sealed then under the database's card key in the
  saving transaction (`card_keys.encrypt_card`, DOMAIN.md section 9); the plain number is never
  stored, logged or e-mailed, and there is no security code;
- a failed completion writes nothing (the editor keeps what the clerk typed).

Rules chosen where the domain text is silent: every section is required (a channel, a salesman, at
least one line, at least one payment — a card on file with amount 0 counts —, a shipping method
and an address with street and city); the deposit may not exceed the order total with shipping;
the CSO's date is the day it is completed; a billing customer without an e-mail address does not
block completion (the result says that no confirmation was queued).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from xmart.errors import InputError, NotFoundError
from xmart.models import (
    Channel,
    CorporateSaleOrder,
    CsoLine,
    CsoStatus,
    Customer,
    CustomField,
    CustomFieldValue,
    Item,
    Payment,
    PaymentType,
    Salesman,
)
from xmart.models.base import Address
from xmart.models.db import UnitOfWork
from xmart.models.status import CSO_TRANSITIONS, FieldKind, check_transition
from xmart.processes.cards import (
    check_free_text,
    check_free_texts,
    echoable,
    mask,
    normalize_card_number,
    validate_authorization,
    validate_expiry,
)
from xmart.processes.customers import shipping_or_billing
from xmart.processes.dates import parse_iso_date
from xmart.processes.money import (
    ZERO,
    DepositError,
    Totals,
    check_deposit,
    check_total,
    order_totals,
    parse_amount,
    parse_percent,
    to_money,
)
from xmart.processes.security.permissions import require, require_signed_in
from xmart.processes.selection import next_number

FIRST_CSO_NUMBER = 1001
SECTIONS = ("setup", "items", "payment", "shipping")


@dataclass(frozen=True)
class LineParams:
    """One order line as entered: SKU, quantity, unit price, line discount %."""

    sku: str
    qty: int
    price: Decimal
    discount: Decimal = ZERO
    description: str = ""


@dataclass(frozen=True)
class PaymentParams:
    """A payment ready to store: card data only encrypted plus last 4 digits; never a security code."""

    kind: str
    amount: Decimal
    card_brand: str | None = None
    card_number_encrypted: bytes | None = field(default=None, repr=False)
    card_last4: str | None = None
    card_expiry: str | None = None
    authorization: str | None = None
    card_key_id: int | None = None
    card_ref: str | None = None
    card_digits: str | None = field(default=None, repr=False)
    """A card typed in this session, not yet sealed (`seal_cards` seals it when the order is saved)."""

    @property
    def masked_card(self) -> str:
        """`**** 1111` for a card, else empty."""
        return mask(self.card_last4)


@dataclass(frozen=True)
class OrderEntry:
    """Everything the editor holds for one order, section by section."""

    channel_id: int | None = None
    salesman_id: int | None = None
    custom_values: tuple[tuple[int, str], ...] = ()
    notes: str = ""
    lines: tuple[LineParams, ...] = ()
    global_discount: Decimal = ZERO
    payments: tuple[PaymentParams, ...] = ()
    shipping_method: str = ""
    shipping_cost: Decimal = ZERO
    shipping_address: Address = field(default_factory=Address)


@dataclass(frozen=True)
class OrderView:
    """A stored order as the editor shows it."""

    id: int
    number: int
    date: dt.date
    status: str
    customer_id: int
    customer_number: str
    billing_name: str
    billing_email: str
    billing_address: Address
    shipping_name: str
    entry: OrderEntry


@dataclass(frozen=True)
class EntryTotals:
    """Running totals of an entry (DOMAIN.md section 2) plus shipping, deposit and balance."""

    subtotal: Decimal
    global_discount_amount: Decimal
    total: Decimal
    shipping_cost: Decimal
    order_total: Decimal
    deposit: Decimal
    balance: Decimal


@dataclass(frozen=True)
class CompleteResult:
    """A completed order: its number and the confirmation e-mail queued (None: no e-mail address).

    `mail_configured` is False when Settings › E-mail is not filled in: the e-mail waits in the outbox.
    """

    cso_id: int
    number: int
    outbox_id: int | None
    recipient: str
    mail_configured: bool = True

    @property
    def mail_note(self) -> str:
        """One sentence on the confirmation e-mail, true in every case (shown once, after completion)."""
        if self.outbox_id is None:
            return "The customer has no e-mail address: no confirmation was sent."
        if not self.mail_configured:
            return (
                f"The confirmation e-mail to {self.recipient} waits in Transactions › Outbox: "
                "e-mail is not set up yet (Settings › E-mail…)."
            )
        return f"The confirmation e-mail to {self.recipient} is being sent."


@dataclass(frozen=True)
class ChoiceRow:
    """An id and a label for a drop-down."""

    id: int
    name: str
    detail: str = ""


@dataclass(frozen=True)
class Choices:
    """What the Setup section offers: active channels, salesmen and custom order fields."""

    channels: tuple[ChoiceRow, ...]
    salesmen: tuple[ChoiceRow, ...]
    fields: tuple[ChoiceRow, ...]  # detail = kind


@dataclass(frozen=True)
class ItemRow:
    """An item found by SKU or description."""

    id: int
    sku: str
    description: str
    price: Decimal


# --- reading ------------------------------------------------------------------------------------
def order_choices(session: Session) -> Choices:
    """Active channels, salesmen and custom fields, by name.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    channels = tuple(
        ChoiceRow(i, n)
        for i, n in session.execute(select(Channel.id, Channel.name).where(Channel.active).order_by(Channel.id))
    )
    salesmen = tuple(
        ChoiceRow(i, n, c)
        for i, n, c in session.execute(
            select(Salesman.id, Salesman.name, Salesman.code).where(Salesman.active).order_by(Salesman.name)
        )
    )
    fields = tuple(
        ChoiceRow(i, n, k)
        for i, n, k in session.execute(
            select(CustomField.id, CustomField.name, CustomField.kind)
            .where(CustomField.active)
            .order_by(CustomField.id)
        )
    )
    return Choices(channels, salesmen, fields)


def find_items(session: Session, text: str, limit: int = 50) -> list[ItemRow]:
    """Items whose SKU or description contains `text` (any case); an exact SKU comes first.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    text = text.strip()
    if not text:
        return []
    pattern = "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = session.execute(
        select(Item.id, Item.sku, Item.description, Item.price)
        .where(
            or_(
                func.lower(Item.sku).like(pattern, escape="\\"), func.lower(Item.description).like(pattern, escape="\\")
            )
        )
        .order_by(Item.sku)
        .limit(limit)
    ).all()
    found = [ItemRow(*r) for r in rows]
    found.sort(key=lambda r: r.sku.lower() != text.lower())
    return found


def item_by_sku(session: Session, sku: str) -> ItemRow | None:
    """The item with exactly this SKU (any case), or None."""
    row = session.execute(
        select(Item.id, Item.sku, Item.description, Item.price).where(func.lower(Item.sku) == sku.strip().lower())
    ).first()
    return ItemRow(*row) if row else None


def _order(session: Session, cso_id: int) -> CorporateSaleOrder:
    cso = session.scalar(
        select(CorporateSaleOrder)
        .where(CorporateSaleOrder.id == cso_id)
        .options(
            selectinload(CorporateSaleOrder.lines).selectinload(CsoLine.item),
            selectinload(CorporateSaleOrder.payments),
            selectinload(CorporateSaleOrder.custom_values),
            selectinload(CorporateSaleOrder.billing_customer),
        )
    )
    if cso is None:
        raise NotFoundError(f"Corporate sale order {cso_id} no longer exists.")
    return cso


def load_order(session: Session, cso_id: int) -> OrderView:
    """A stored order with every section, for the editor.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    cso = _order(session, cso_id)
    entry = OrderEntry(
        channel_id=cso.channel_id,
        salesman_id=cso.salesman_id,
        custom_values=tuple(sorted((v.field_id, v.value) for v in cso.custom_values)),
        notes=cso.notes,
        lines=tuple(LineParams(ln.item.sku, ln.qty, ln.price, ln.discount, ln.item.description) for ln in cso.lines),
        global_discount=cso.global_discount,
        payments=tuple(
            PaymentParams(
                p.kind,
                p.amount,
                p.card_brand,
                p.card_number_encrypted,
                p.card_last4,
                p.card_expiry,
                p.authorization,
                p.card_key_id,
                p.card_ref,
            )
            for p in sorted(cso.payments, key=lambda p: p.id)
        ),
        shipping_method=cso.shipping_method,
        shipping_cost=cso.shipping_cost,
        shipping_address=Address(**vars(cso.shipping_address)),
    )
    customer = cso.billing_customer
    return OrderView(
        cso.id,
        cso.number,
        cso.date,
        cso.status,
        customer.id,
        customer.number,
        cso.billing_name,
        customer.email,
        Address(**vars(cso.billing_address)),
        cso.shipping_name,
        entry,
    )


def entry_totals(entry: OrderEntry) -> EntryTotals:
    """Running totals: DOMAIN.md section 2 via money.order_totals, then shipping, deposit, balance."""
    totals: Totals = order_totals(
        ((ln.qty, ln.price, ln.discount) for ln in entry.lines), entry.global_discount, entry.shipping_cost
    )
    deposit = sum((to_money(p.amount) for p in entry.payments), ZERO)
    return EntryTotals(
        totals.subtotal,
        totals.global_discount_amount,
        totals.merchandise,
        totals.shipping,
        totals.total,
        deposit,
        totals.total - deposit,
    )


# --- payments -----------------------------------------------------------------------------------
def parse_money(text: str | int | Decimal, what: str) -> Decimal:
    """An amount as typed in an order-entry field: `money.parse_amount(text, what, typed=True)`.

    Blank means 0 and commas are thousands separators; raises AmountError (an InputError) naming
    `what`. Kept under this name for the order-entry screens.
    """
    return parse_amount(text, what, typed=True)


def card_payment(
    amount: Decimal | str,
    number: str,
    expiry: str,
    brand: str = "",
    authorization: str = "",
) -> PaymentParams:
    """Validate a card (Luhn, length, MM/YY); raises CardDataError/InputError.

    `amount` is a Decimal or the text a clerk typed (read by `parse_money` after the card is checked).
    The number is kept only in memory and sealed under the database's card key when the order is
    saved (`seal_cards`), in the saving transaction: no key on the workstation (DOMAIN.md section 9).
    """
    digits = normalize_card_number(number)
    expiry = validate_expiry(expiry)
    amount = parse_money(amount, "Payment amount")
    approval = validate_authorization(authorization, "Authorization:")
    return PaymentParams(
        PaymentType.CARD.value,
        amount,
        brand.strip()[:20] or _brand(digits),
        None,
        digits[-4:],
        expiry,
        approval,
        card_digits=digits,
    )


def seal_cards(uow: UnitOfWork, entry: OrderEntry) -> OrderEntry:
    """`entry` with every card typed in this session sealed under the database's card key (in `uow`).

    Cards already stored are taken as the database has them now (by `card_ref`), not as the editor
    loaded them: a `keys rotate` meanwhile re-sealed them under the new key. Raises CardKeyError
    (nothing encrypted) when the database's key was altered. DOMAIN.md section 9.
    """
    if not any(p.kind == PaymentType.CARD for p in entry.payments):
        return entry
    from xmart.processes.security.card_keys import sealer  # only where there is a card

    key = sealer(uow)  # holds the card-key lock: no rotation until this transaction ends
    refs = [p.card_ref for p in entry.payments if p.card_ref is not None]
    stored = {
        row.card_ref: row
        for row in uow.session.execute(
            select(Payment.card_ref, Payment.card_number_encrypted, Payment.card_key_id).where(
                Payment.card_ref.in_(refs)
            )
        )
    }
    payments = []
    for p in entry.payments:
        if p.card_digits is not None:
            cipher = key.seal(p.card_digits)
            p = replace(
                p,
                card_number_encrypted=cipher.blob,
                card_key_id=cipher.card_key_id,
                card_ref=cipher.card_ref,
                card_digits=None,
            )
        elif p.card_ref in stored:
            row = stored[p.card_ref]
            p = replace(p, card_number_encrypted=row.card_number_encrypted, card_key_id=row.card_key_id)
        payments.append(p)
    return replace(entry, payments=tuple(payments))


def other_payment(kind: str, amount: Decimal | str, reference: str = "") -> PaymentParams:
    """A cash, check or other deposit (reference: check number or note, kept as authorization)."""
    if kind not in {PaymentType.CASH, PaymentType.CHECK, PaymentType.OTHER}:
        raise InputError(f"Payment type: choose card, cash, check or other (not '{kind}').")
    value = parse_money(amount, "Payment amount")
    if value == 0:
        raise InputError("Payment amount: a cash, check or other deposit needs an amount above 0.")
    reference = check_free_text(reference.strip()[:40], "Payment reference:")
    return PaymentParams(str(kind), value, authorization=reference or None)


def _brand(digits: str) -> str:
    if digits.startswith("4"):
        return "VISA"
    if digits[:2] in {"51", "52", "53", "54", "55"} or "2221" <= digits[:4] <= "2720":
        return "MASTERCARD"
    if digits[:2] in {"34", "37"}:
        return "AMEX"
    if digits.startswith("6011") or digits.startswith("65"):
        return "DISCOVER"
    return ""


# --- writing ------------------------------------------------------------------------------------
def _draft(session: Session, cso_id: int) -> CorporateSaleOrder:
    cso = _order(session, cso_id)
    if cso.status != CsoStatus.DRAFT:
        raise InputError(f"Corporate sale order {cso.number} is {cso.status}: only a draft can be changed here.")
    return cso


def _create_draft(session: Session, customer_id: int, today: dt.date) -> CorporateSaleOrder:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError(f"Customer {customer_id} no longer exists.")
    cso = CorporateSaleOrder(
        number=next_number(session, CorporateSaleOrder.number, FIRST_CSO_NUMBER),
        date=today,
        status=CsoStatus.DRAFT.value,
        billing_customer_id=customer.id,
        shipping_customer_id=customer.id,
        billing_name=customer.name,
        shipping_name=customer.name,
        billing_address=Address(**vars(customer.billing_address)),
        shipping_address=shipping_or_billing(customer.billing_address, customer.shipping_address),
        global_discount=ZERO,
        shipping_cost=ZERO,
        shipping_method="",
        notes="",
    )
    session.add(cso)
    session.flush()
    return cso


def new_order(uow: UnitOfWork, customer_id: int, today: dt.date, channel_name: str | None = None) -> OrderView:
    """Create a draft CSO for a customer, both addresses copied; commit. Retries a number taken meanwhile.

    Needs `order.enter` (SignInRequired / PermissionDenied, DOMAIN.md section 9), as every writer here.
    """
    require(uow, "order.enter")
    session = uow.session
    for attempt in range(3):
        try:
            cso = _create_draft(session, customer_id, today)
            if channel_name:
                cso.channel_id = session.scalar(select(Channel.id).where(Channel.name == channel_name))
            cso_id = cso.id
            uow.commit()
            break
        except IntegrityError:
            uow.rollback()
            if attempt == 2:
                raise
    return load_order(session, cso_id)


def custom_value(kind: str, name: str, value: str) -> str:
    """The value of a custom order field (DOMAIN.md section 7) as stored, from the text typed.

    `kind`: a `FieldKind`; `name`: the field's name, used in messages. Blank is "" (no value);
    a date is YYYY-MM-DD, a number a finite decimal, yes/no "yes" or "no", text at most 2000
    characters. Raises InputError naming the field otherwise, CardDataError for card data in a
    value of any kind (a card number is also a number; DOMAIN.md section 3).
    """
    value = value.strip()
    if not value:
        return ""
    check_free_text(value, f"Setup: {name}")
    if kind == FieldKind.DATE:
        try:
            return parse_iso_date(value).isoformat()
        except ValueError:
            raise InputError(f"Setup: {name} must be a date (YYYY-MM-DD).") from None
    if kind == FieldKind.NUMBER:
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise InputError(f"Setup: {name} must be a number.") from None
        if not number.is_finite():
            raise InputError(f"Setup: {name} must be a number.")
        return str(number)
    if kind == FieldKind.YES_NO:
        if value.lower() not in {"yes", "no"}:
            raise InputError(f"Setup: {name} must be yes or no.")
        return value.lower()
    if len(value) > 2000:
        raise InputError(f"Setup: {name} is longer than 2000 characters.")
    return value


def _write_setup(session: Session, cso: CorporateSaleOrder, entry: OrderEntry) -> None:
    if entry.channel_id is not None and session.get(Channel, entry.channel_id) is None:
        raise InputError("Setup: the chosen channel no longer exists.")
    if entry.salesman_id is not None and session.get(Salesman, entry.salesman_id) is None:
        raise InputError("Setup: the chosen salesman no longer exists.")
    fields = {f.id: f for f in session.scalars(select(CustomField))}
    values = {}
    for field_id, value in entry.custom_values:
        definition = fields.get(field_id)
        if definition is None:
            raise InputError("Setup: a custom order field no longer exists; reopen the order.")
        cleaned = custom_value(definition.kind, definition.name, value)
        if cleaned:
            values[field_id] = cleaned
    check_free_text(entry.notes, "Setup: notes")
    cso.channel_id, cso.salesman_id, cso.notes = entry.channel_id, entry.salesman_id, entry.notes
    existing = {v.field_id: v for v in cso.custom_values}
    for field_id, v in existing.items():
        if field_id not in values:
            cso.custom_values.remove(v)
    for field_id, value in values.items():
        if field_id in existing:
            existing[field_id].value = value
        else:
            cso.custom_values.append(CustomFieldValue(field_id=field_id, value=value))


def _write_items(session: Session, cso: CorporateSaleOrder, entry: OrderEntry) -> None:
    global_discount = parse_percent(entry.global_discount, "Items: global discount", noun="discount")
    new_lines = []
    for no, line in enumerate(entry.lines, start=1):
        item = item_by_sku(session, line.sku)
        if item is None:
            raise InputError(f"Items: line {no}: there is no item with SKU '{echoable(line.sku)}'.")
        if not isinstance(line.qty, int) or line.qty <= 0:
            raise InputError(f"Items: line {no} ({item.sku}): the quantity must be a whole number above 0.")
        price = parse_money(line.price, f"Items: line {no} ({item.sku}) price")
        discount = parse_percent(line.discount, f"Items: line {no} ({item.sku})", noun="discount")
        new_lines.append(CsoLine(line_no=no, item_id=item.id, qty=line.qty, price=price, discount=discount))
    cso.lines.clear()
    session.flush()  # old line numbers are free again
    cso.lines.extend(new_lines)
    cso.global_discount = global_discount


def _check_payment_texts(no: int, p: PaymentParams) -> None:
    """The payment's texts as stored: a card's authorization is the approval code only, a reference and
    a brand hold no card data (DOMAIN.md section 3), whoever built `p` (`card_payment` checks them too)."""
    if p.kind == PaymentType.CARD:
        validate_authorization(p.authorization, f"Payment {no}: authorization")
    else:
        check_free_text(p.authorization or "", f"Payment {no}: reference")
    check_free_text(p.card_brand or "", f"Payment {no}: card brand")


def _write_payments(session: Session, cso: CorporateSaleOrder, entry: OrderEntry) -> None:
    for no, p in enumerate(entry.payments, start=1):
        if p.kind not in set(PaymentType):
            raise InputError(f"Payment {no}: unknown payment type '{echoable(p.kind)}'.")
        if p.card_digits is not None:
            raise AssertionError("a card payment reached the database unsealed (call seal_cards)")
        if (p.kind == PaymentType.CARD) != (p.card_number_encrypted is not None and p.card_last4 is not None):
            raise InputError(f"Payment {no}: card details belong to card payments only.")
        _check_payment_texts(no, p)
        parse_money(p.amount, f"Payment {no} amount")
    cso.payments.clear()
    session.flush()
    cso.payments.extend(
        Payment(
            kind=p.kind,
            amount=to_money(p.amount),
            card_brand=p.card_brand,
            card_number_encrypted=p.card_number_encrypted,
            card_key_id=p.card_key_id,
            card_ref=p.card_ref,
            card_last4=p.card_last4,
            card_expiry=p.card_expiry,
            authorization=p.authorization,
        )
        for p in entry.payments
    )


def _write_shipping(session: Session, cso: CorporateSaleOrder, entry: OrderEntry) -> None:
    if len(entry.shipping_method) > 60:
        raise InputError("Shipping: the method name is longer than 60 characters.")
    check_free_texts(
        {"Shipping: method": entry.shipping_method}
        | {f"Shipping: address {k}": v for k, v in vars(entry.shipping_address).items()}
    )
    cso.shipping_method = entry.shipping_method.strip()
    cso.shipping_cost = parse_money(entry.shipping_cost, "Shipping: cost")
    cso.shipping_address = Address(**{k: v.strip() for k, v in vars(entry.shipping_address).items()})


_WRITERS = {"setup": _write_setup, "items": _write_items, "payment": _write_payments, "shipping": _write_shipping}


def _write(session: Session, cso: CorporateSaleOrder, entry: OrderEntry, sections: Iterable[str]) -> None:
    """Write `sections`; refuse (InputError, before the flush) a deposit left above the order total."""
    sections = list(sections)
    for section in sections:
        _WRITERS[section](session, cso, entry)
    totals = order_totals(((ln.qty, ln.price, ln.discount) for ln in cso.lines), cso.global_discount, cso.shipping_cost)
    check_total(totals.total, "Items and shipping")
    where = "Payment" if "payment" in sections else "Items and shipping"
    check_deposit(sum((p.amount for p in cso.payments), ZERO), totals.total, where)
    session.flush()


def save_sections(uow: UnitOfWork, cso_id: int, entry: OrderEntry, sections: Iterable[str] = SECTIONS) -> OrderView:
    """Write the given sections of a draft ("Update Information"); commit. Nothing is written on error."""
    require(uow, "order.enter")
    session = uow.session
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown sections {unknown}")
    cso = _draft(session, cso_id)
    _write(session, cso, seal_cards(uow, entry) if "payment" in sections else entry, sections)
    uow.commit()
    return load_order(session, cso_id)


def save_new_draft(uow: UnitOfWork, customer_id: int, entry: OrderEntry, today: dt.date) -> OrderView:
    """Store what the Sales Order Interface holds as a new draft CSO for `customer_id` (DOMAIN.md section 7).

    `entry` need not be complete: the draft is finished later in the Order Manager. One commit; raises
    NotFoundError for a customer that no longer exists and InputError for a value a section refuses.
    """
    require(uow, "order.enter")
    session = uow.session
    for attempt in range(3):
        try:
            cso = _create_draft(session, customer_id, today)
            _write(session, cso, seal_cards(uow, entry), SECTIONS)
            cso_id = cso.id
            uow.commit()
            break
        except IntegrityError:
            uow.rollback()
            if attempt == 2:
                raise
    return load_order(session, cso_id)


def discard_empty_draft(uow: UnitOfWork, cso_id: int) -> bool:
    """Delete draft CSO `cso_id` when it holds nothing (no lines, payments or custom values); commit.

    Used when a New Order is abandoned before anything was saved, so no empty draft is left behind
    (DOMAIN.md section 7). Returns True when the draft was deleted; False (nothing written) when it is
    gone already, no longer a draft, or holds something.
    """
    require(uow, "order.enter")
    session = uow.session
    cso = session.get(CorporateSaleOrder, cso_id)
    if cso is None or cso.status != CsoStatus.DRAFT or cso.lines or cso.payments or cso.custom_values:
        return False
    session.delete(cso)
    uow.commit()
    return True


def missing_parts(entry: OrderEntry) -> list[str]:
    """What still keeps an order from completion, one clear sentence per missing part, by section."""
    missing = []
    if entry.channel_id is None:
        missing.append("Setup: choose the sales channel.")
    if entry.salesman_id is None:
        missing.append("Setup: choose the salesman (required for commission).")
    if not entry.lines:
        missing.append("Items: add at least one item.")
    if not entry.payments:
        missing.append("Payment: add a card on file or a deposit (card, cash, check or other).")
    else:
        totals = entry_totals(entry)
        try:
            check_deposit(totals.deposit, totals.order_total, "Payment")
        except DepositError as error:
            missing.append(f"{error}.")
    if not entry.shipping_method.strip():
        missing.append("Shipping: choose the shipping method.")
    address = entry.shipping_address
    if not address.line1.strip() or not address.city.strip():
        missing.append("Shipping: the shipping address needs at least a street and a city.")
    return missing


def _complete(session: Session, cso: CorporateSaleOrder, entry: OrderEntry, today: dt.date) -> CompleteResult:
    from xmart.processes.mailer import load_smtp_settings
    from xmart.processes.outbox import queue_confirmation

    missing = missing_parts(entry)
    if missing:
        raise InputError(f"Corporate sale order {cso.number} is not complete yet:\n" + "\n".join(missing))
    _write(session, cso, entry, SECTIONS)
    check_transition(CSO_TRANSITIONS, cso.status, CsoStatus.OPEN, "corporate sale order")
    cso.status = CsoStatus.OPEN.value
    cso.date = today
    session.flush()
    outbox_id, recipient = queue_confirmation(session, cso.id)
    configured = load_smtp_settings(session).configured
    return CompleteResult(cso.id, cso.number, outbox_id, recipient, configured)


def complete_order(uow: UnitOfWork, cso_id: int, entry: OrderEntry, today: dt.date) -> CompleteResult:
    """Write every section, check them, set the draft `open`, queue the confirmation e-mail; one commit."""
    require(uow, "order.enter")
    session = uow.session
    result = _complete(session, _draft(session, cso_id), seal_cards(uow, entry), today)
    uow.commit()
    return result


def enter_order(uow: UnitOfWork, customer_id: int, entry: OrderEntry, today: dt.date) -> CompleteResult:
    """Sales Order Interface: create the CSO for a customer and complete it in one transaction."""
    require(uow, "order.enter")
    session = uow.session
    missing = missing_parts(entry)
    if missing:
        raise InputError("The order is not complete yet:\n" + "\n".join(missing))
    for attempt in range(3):
        try:
            cso = _create_draft(session, customer_id, today)
            result = _complete(session, cso, seal_cards(uow, entry), today)
            uow.commit()
            return result
        except IntegrityError:
            uow.rollback()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def with_shipping_from_customer(session: Session, entry: OrderEntry, customer_id: int) -> OrderEntry:
    """The entry with the customer's shipping address (billing when none) copied in.

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError(f"Customer {customer_id} no longer exists.")
    return replace(entry, shipping_address=shipping_or_billing(customer.billing_address, customer.shipping_address))
