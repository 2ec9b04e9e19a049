"""Card numbers under the database's card key (DOMAIN.md sections 3 and 9, "Card keys").

- `encrypt_card` / `sealer`: any workstation encrypts a card number with the current key's public
  half (`grants.current_key`, made once under CARD_KEY_LOCK when there is none): no secret on the
  workstation, nothing made silently per workstation. Each card gets a fresh random `card_ref`; the
  ciphertext is sealed with `b"xmart-card-v2:" + card_ref` as associated data, so a ciphertext copied
  to another payment row does not open.
- `reveal`: one full number, for a user holding `card.reveal`, with that user's password (which
  unwraps their key, which opens their grant of the card key); audited, refusals too.
- `rotate`: a new key pair; every card re-sealed and the old key retired, in one transaction.
- `migrate`: cards of the older per-workstation AES key (`card_key_id` NULL) re-sealed under the
  current key, when this workstation still has that key (read only, never created).
- `status`: what the database holds, without a secret.

Messages never carry a card number, a key or a password: a card is named by its payment id and its
last 4 digits.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select, update

from xmart.errors import AccessError, NotFoundError
from xmart.models import CardKey, CardKeyGrant, Payment, PaymentType
from xmart.models.actor import Actor
from xmart.models.db import UnitOfWork
from xmart.processes import cards
from xmart.processes.security import audit, crypto, grants
from xmart.processes.security.grants import CARD_KEY_LOCK, CardKeyError
from xmart.processes.security.permissions import holders_of, require, require_any

__all__ = [
    "CardCipher",
    "CardKeyError",
    "CardSealer",
    "KeyStatus",
    "MigrateResult",
    "RotateResult",
    "encrypt_card",
    "migrate",
    "reveal",
    "rotate",
    "sealer",
    "status",
]

BATCH = 500
"""Cards re-sealed per UPDATE statement by `rotate` and `migrate`."""

LEGACY_HINT = (
    "was made under an older workstation key: run `xmart keys migrate` on a workstation that has it "
    "(an administrator's task)"
)


def card_associated(card_ref: str) -> bytes:
    """Associated data of a card ciphertext: bound to its payment's `card_ref`."""
    return b"xmart-card-v2:" + card_ref.encode()


def new_card_ref() -> str:
    """A fresh random card reference (32 hex characters)."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class CardCipher:
    """An encrypted card number ready to store: `card_number_encrypted`, `card_key_id`, `card_ref`."""

    blob: bytes = field(repr=False)
    card_key_id: int
    card_ref: str


@dataclass(frozen=True)
class CardSealer:
    """The current card key's public half: seals card numbers without any secret."""

    card_key_id: int
    public_key: bytes = field(repr=False)

    def seal(self, digits: str, card_ref: str | None = None) -> CardCipher:
        """`digits` (a validated card number) sealed under this key, bound to `card_ref` (new when None)."""
        ref = card_ref or new_card_ref()
        return CardCipher(crypto.seal(self.public_key, digits.encode(), card_associated(ref)), self.card_key_id, ref)


def sealer(uow: UnitOfWork) -> CardSealer:
    """A sealer for the database's current card key (made once, under CARD_KEY_LOCK, when there is none).

    Holds CARD_KEY_LOCK (shared on PostgreSQL) until `uow`'s transaction ends, so the cards sealed in it
    are committed before a rotation starts, and a rotation re-seals them.
    Raises CardKeyError when the stored key was altered (its public half does not match its
    fingerprint) or when a key would be needed but no user holds `card.reveal`: nothing is encrypted.
    DOMAIN.md section 9, "Card keys".
    """
    key = grants.current_key(uow)  # made under CARD_KEY_LOCK, held then until the end of the transaction
    if not uow.holds(CARD_KEY_LOCK):
        # Shared with other encrypting transactions, exclusive of `rotate` / `migrate`: a rotation cannot
        # retire this key between this read and the commit of the cards sealed under it.
        uow.share(CARD_KEY_LOCK)
        key = grants.current_key(uow)  # again, after the lock: a rotation may have committed meanwhile
    assert key is not None  # create=True
    return CardSealer(key.id, key.public_key)


def encrypt_card(uow: UnitOfWork, digits: str) -> CardCipher:
    """`digits` (a validated card number) encrypted under the database's current card key.

    In `uow`'s transaction (the key may be made in it). No secret is needed. Raises CardKeyError as
    `sealer` does. DOMAIN.md sections 3 and 9.
    """
    return sealer(uow).seal(digits)


def _unlock(uow: UnitOfWork, key: CardKey, actor: Actor | None, password: str | None) -> bytes:
    """The raw private half of `key`, opened by `actor` with `password` (no actor: the bootstrap grant)."""
    if actor is None:
        return grants.unlock_card_private(uow, key, None, None)
    return grants.unlock_card_private(uow, key, actor.name, password)


def reveal(uow: UnitOfWork, payment_id: int, password: str | None) -> str:
    """The full card number of card payment `payment_id`, for the signed-in user holding `card.reveal`.

    `password`: the user's password, asked again (ignored in a database with no user: the bootstrap
    key opens). Audited as `card.reveal` ("card ending 1234", never the number) and committed;
    a refusal after the permission check is audited as `card.reveal.refused` and committed.
    Raises SignInRequired / PermissionDenied (exit 3; wrong password too), NotFoundError (not a
    card payment), CardKeyError (a card of the older workstation key, a ciphertext altered or
    copied from another payment, a grant that does not match). DOMAIN.md sections 3 and 9.
    """
    actor = require(uow, "card.reveal")
    session = uow.session
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFoundError(f"There is no payment {payment_id}.")
    if payment.kind != PaymentType.CARD.value or payment.card_number_encrypted is None:
        raise NotFoundError(f"Payment {payment_id} is not a card payment.")
    last4 = payment.card_last4
    try:
        if payment.card_key_id is None or payment.card_ref is None:
            raise CardKeyError(f"The card of payment {payment_id} (ending {last4}) {LEGACY_HINT}.")
        key = session.get(CardKey, payment.card_key_id)
        assert key is not None  # foreign key
        grants.check_key(key)
        private = _unlock(uow, key, actor, password)
        try:
            digits: str = crypto.open_sealed(
                private, payment.card_number_encrypted, card_associated(payment.card_ref)
            ).decode()
        except crypto.CryptoError:
            raise CardKeyError(
                f"The card of payment {payment_id} does not open with the database's key: its encrypted number "
                "was altered or copied from another payment. Nothing was revealed."
            ) from None
    except (CardKeyError, AccessError) as exc:
        uow.rollback()
        audit.record(uow, "card.reveal.refused", entity="payment", entity_id=payment_id, detail=str(exc))
        uow.commit()
        raise
    audit.record(uow, "card.reveal", entity="payment", entity_id=payment_id, detail=f"card ending {last4}")
    uow.commit()
    return digits


@dataclass(frozen=True)
class RotateResult:
    """What `keys rotate` did: the old and new key fingerprints, cards re-sealed, holders of the new key."""

    old_fingerprint: str
    new_fingerprint: str
    cards: int
    holders: int


def _after_batch(done: int) -> None:
    """Called after each batch of re-sealed cards (tests replace it to kill the process mid-rotation)."""


def _reseal(uow: UnitOfWork, rows: list[tuple[int, str, bytes]], private: bytes, new: CardSealer) -> None:
    """Re-seal `rows` (id, card_ref, blob) opened with `private` under `new`, in one UPDATE per batch."""
    values = []
    for payment_id, card_ref, blob in rows:
        try:
            digits = crypto.open_sealed(private, blob, card_associated(card_ref)).decode()
        except crypto.CryptoError:
            raise CardKeyError(
                f"The card of payment {payment_id} does not open with the current key (altered or copied from "
                "another payment): nothing was changed."
            ) from None
        values.append(
            {"id": payment_id, "card_number_encrypted": new.seal(digits, card_ref).blob, "card_key_id": new.card_key_id}
        )
    uow.session.execute(update(Payment), values)


def rotate(uow: UnitOfWork, password: str | None) -> RotateResult:
    """Make a new card key pair and re-seal every card of the current key under it; one transaction; commit.

    Needs `card.reveal` and `users.admin` (and `password`, the signed-in user's, to open the current
    key; ignored with no user). Holds CARD_KEY_LOCK. The old key is retired (`retired_at`) and its
    grants deleted; the new one is sealed to every holder of `card.reveal` (bootstrap grant with no
    user). Interrupted at any point (even SIGKILL), nothing changes: every card stays readable with
    the old key. Audited `keys.rotate` with counts. Raises SignInRequired / PermissionDenied,
    CardKeyError (no key yet, the key or a card altered). DOMAIN.md section 9.
    """
    with uow.exclusive(CARD_KEY_LOCK):
        require(uow, "users.admin")
        actor = require(uow, "card.reveal")
        session = uow.session
        old = grants.current_key(uow, create=False)
        if old is None:
            raise CardKeyError("There is no card key yet (no card was ever encrypted): nothing to rotate.")
        private = _unlock(uow, old, actor, password)
        new_key = grants.make_key(uow)
        new = CardSealer(new_key.id, new_key.public_key)
        old.retired_at = dt.datetime.now(dt.UTC)
        session.flush()
        done = 0
        while True:
            batch = session.execute(
                select(Payment.id, Payment.card_ref, Payment.card_number_encrypted)
                .where(Payment.card_key_id == old.id)
                .order_by(Payment.id)
                .limit(BATCH)
            ).all()
            if not batch:
                break
            _reseal(uow, [(r.id, r.card_ref, r.card_number_encrypted) for r in batch], private, new)
            done += len(batch)
            _after_batch(done)
        session.execute(delete(CardKeyGrant).where(CardKeyGrant.card_key_id == old.id))
        holders = session.scalar(select(func.count()).where(CardKeyGrant.card_key_id == new_key.id)) or 0
        result = RotateResult(old.fingerprint, new_key.fingerprint, done, holders)
        audit.record(
            uow,
            "keys.rotate",
            entity="card_key",
            entity_id=new_key.id,
            detail=(
                f"key {old.fingerprint[:16]} retired, key {new_key.fingerprint[:16]} current; "
                f"{done} cards re-encrypted; sealed for {holders} holder(s)"
            ),
        )
        uow.commit()
    return result


@dataclass(frozen=True)
class MigrateResult:
    """What `keys migrate` did: cards re-sealed under the current key, and those the old key did not open."""

    migrated: int
    unreadable: tuple[tuple[int, str], ...]
    """(payment id, last 4 digits) of each legacy card left as it was."""
    fingerprint: str | None


def migrate(uow: UnitOfWork) -> MigrateResult:
    """Re-seal the cards of the older per-workstation key (`card_key_id` NULL) under the current key; commit.

    Needs `users.admin`; holds CARD_KEY_LOCK. The old key is read from this workstation (keyring, else
    the key file: `cards.read_legacy_key`), never created. Every legacy card it opens is re-sealed,
    in one transaction; those it does not open are listed in the result, untouched. Audited
    `keys.migrate`. Raises CardKeyError, nothing changed, when the key is missing, damaged, in a file
    others may read, or opens none of the legacy cards. With no legacy card, nothing is read or
    written. DOMAIN.md section 9 and issue 13 ("Existing databases migrate").
    """
    with uow.exclusive(CARD_KEY_LOCK):
        require(uow, "users.admin")
        session = uow.session
        legacy = session.execute(
            select(Payment.id, Payment.card_last4, Payment.card_number_encrypted)
            .where(
                Payment.kind == PaymentType.CARD.value,
                Payment.card_key_id.is_(None),
                Payment.card_number_encrypted.is_not(None),  # a web order's card payment has no number
            )
            .order_by(Payment.id)
        ).all()
        current = grants.current_key(uow, create=False)
        if not legacy:
            return MigrateResult(0, (), current.fingerprint if current else None)
        old_key = cards.read_legacy_key()
        opened: list[tuple[int, str]] = []
        unreadable: list[tuple[int, str]] = []
        for row in legacy:
            digits = cards.legacy_decrypt(old_key, row.card_number_encrypted)
            if digits is None:
                unreadable.append((row.id, row.card_last4 or ""))
            else:
                opened.append((row.id, digits))
        if not opened:
            raise CardKeyError(
                f"The older card-data key found on this workstation ({cards.legacy_key_source()}) does not match "
                f"any card: this key does not match any of the {len(legacy)} card(s) to migrate. Nothing was changed."
            )
        new = sealer(uow)
        for start in range(0, len(opened), BATCH):
            values = []
            for payment_id, digits in opened[start : start + BATCH]:
                cipher = new.seal(digits)
                values.append(
                    {
                        "id": payment_id,
                        "card_number_encrypted": cipher.blob,
                        "card_key_id": cipher.card_key_id,
                        "card_ref": cipher.card_ref,
                    }
                )
            session.execute(update(Payment), values)
        key = session.get(CardKey, new.card_key_id)
        fingerprint = key.fingerprint if key else None
        left = f"; {len(unreadable)} left as they were (another key): payments {_ids(unreadable)}" if unreadable else ""
        audit.record(
            uow,
            "keys.migrate",
            entity="card_key",
            entity_id=new.card_key_id,
            detail=f"{len(opened)} card(s) of the older workstation key re-encrypted{left}",
        )
        uow.commit()
    return MigrateResult(len(opened), tuple(unreadable), fingerprint)


def _ids(rows: list[tuple[int, str]]) -> str:
    shown = ", ".join(str(payment_id) for payment_id, _ in rows[:20])
    return shown + (f" and {len(rows) - 20} more" if len(rows) > 20 else "")


@dataclass(frozen=True)
class KeyStatus:
    """`keys status`: the current key and the cards and holders around it (no secret)."""

    fingerprint: str | None
    created_at: dt.datetime | None
    cards: int
    """Cards under the current key (the current key reads them)."""
    retired_key_cards: int
    """Cards under a retired key (none after a completed rotation)."""
    legacy_cards: int
    """Cards of the older per-workstation key (`keys migrate`)."""
    holders: tuple[str, ...]
    """Users holding `card.reveal` who have a grant of the current key."""
    pending: tuple[str, ...]
    """Users holding `card.reveal` without a grant yet (shared at another holder's sign-in)."""
    bootstrap: bool
    """The current key's private half is in the bootstrap grant (no user yet: unprotected)."""
    problem: str | None = None
    """Why the current key cannot be used (altered), or None."""


def status(uow: UnitOfWork) -> KeyStatus:
    """The database's card-key status, read without any secret and without making a key.

    Needs `card.reveal` (the key's holders) or `users.admin` (a database with no user: anyone).
    DOMAIN.md section 9, `keys status`.
    """
    require_any(uow, ("card.reveal", "users.admin"), "see the card-key status")
    session = uow.session
    key = session.scalar(select(CardKey).where(CardKey.retired_at.is_(None)).order_by(CardKey.id.desc()).limit(1))
    problem = None
    if key is not None:
        try:
            grants.check_key(key)
        except CardKeyError as exc:
            problem = str(exc)
    card = (Payment.kind == PaymentType.CARD.value) & Payment.card_number_encrypted.is_not(None)  # not web cards
    count = select(func.count()).select_from(Payment).where(card)
    current = session.scalar(count.where(Payment.card_key_id == key.id)) if key is not None else 0
    legacy = session.scalar(count.where(Payment.card_key_id.is_(None))) or 0
    other = session.scalar(count.where(Payment.card_key_id.is_not(None))) or 0
    granted: set[int | None] = set()
    if key is not None:
        granted = set(session.scalars(select(CardKeyGrant.user_id).where(CardKeyGrant.card_key_id == key.id)))
    users = holders_of(uow, "card.reveal")
    return KeyStatus(
        fingerprint=key.fingerprint if key is not None else None,
        created_at=key.created_at if key is not None else None,
        cards=current or 0,
        retired_key_cards=other - (current or 0),
        legacy_cards=legacy,
        holders=tuple(u.name for u in users if u.id in granted),
        pending=tuple(u.name for u in users if u.id not in granted) if key is not None else (),
        bootstrap=None in granted,
        problem=problem,
    )
