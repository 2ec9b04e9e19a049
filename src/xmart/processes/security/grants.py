"""Card-data key pairs and who can open them (DOMAIN.md section 9, "Card keys").

The database holds one current card key pair (`card_keys`, `retired_at` NULL). Its public half is
in the database, so any workstation encrypts a card number without a secret. Its private half is
stored only sealed to the public key of each user holding `card.reveal` (`card_key_grants`); a user
opens it with their own private key, which only their password unwraps. Nothing lives on a
workstation: losing one loses nothing, and no workstation can make a second key on its own.

A database with no user yet has nobody to seal to: its first key's private half is kept in a
bootstrap grant (`user_id` NULL, unprotected, like the whole database before its first user);
adding the first administrator seals it to them and deletes the bootstrap grant.

The lifecycle for users (`processes/security/users.py` calls these): a new holder of
`card.reveal` gets their copy at the next sign-in of a holder who has one
(`share_with_new_holders`; until then `pending_holders` names them); a user who loses the
permission, is disabled or gets a new key pair (a password reset) loses their copies
(`withdraw_from_non_holders`, `remove_grants_of`), never the last copy of a key.
"""

from __future__ import annotations

from sqlalchemy import select

from xmart.errors import InputError, SignInRequired, XmartError
from xmart.models import CardKey, CardKeyGrant, User
from xmart.models.db import UnitOfWork
from xmart.processes.security import audit, crypto
from xmart.processes.security.permissions import holders_of

CARD_KEY_LOCK = "card-keys"
"""Taken to create or rotate the card key, so two workstations never make two keys."""

_BOOTSTRAP = b"xmart-bootstrap-v1:"


class CardKeyError(XmartError):
    """The card key is missing, altered or does not match (nothing was encrypted or revealed)."""

    exit_status = 1


class LastCardKeyHolder(InputError):
    """A user change that would leave a card key nobody can open (every card number lost): refused."""


def grant_associated(card_key_id: int, user_id: int | None) -> bytes:
    """Associated data of a grant: bound to its key and user (a grant copied to another user does not open)."""
    return f"xmart-card-key-grant-v1:{card_key_id}:{user_id if user_id is not None else 'bootstrap'}".encode()


def seal_for(card_key: CardKey, private: bytes, user: User) -> CardKeyGrant:
    """A grant of `card_key` (whose raw private half is `private`) sealed to `user`'s public key."""
    return CardKeyGrant(
        card_key_id=card_key.id,
        user_id=user.id,
        wrapped_private_key=crypto.seal(user.public_key, private, grant_associated(card_key.id, user.id)),
    )


def current_key(uow: UnitOfWork, *, create: bool = True) -> CardKey | None:
    """The database's current card key, checked; made (once, under CARD_KEY_LOCK) when there is none and `create`.

    A new key is sealed to every enabled user holding `card.reveal`, or kept in the bootstrap grant
    when the database has no user. Raises CardKeyError when the stored public key does not match its
    fingerprint (altered): nothing may be encrypted under it.
    """
    session = uow.session
    key = session.scalar(select(CardKey).where(CardKey.retired_at.is_(None)).order_by(CardKey.id.desc()).limit(1))
    if key is None and create:
        session.flush()
        uow.serialize(CARD_KEY_LOCK)
        key = session.scalar(select(CardKey).where(CardKey.retired_at.is_(None)).order_by(CardKey.id.desc()).limit(1))
        if key is None:
            key = make_key(uow)
    if key is not None:
        check_key(key)
    return key


def check_key(key: CardKey) -> None:
    """CardKeyError when `key`'s public half does not match its fingerprint."""
    if len(key.public_key) != 32 or crypto.fingerprint(key.public_key) != key.fingerprint:
        raise CardKeyError(
            "The card-data key stored in the database has been altered: no card was encrypted. "
            "Ask an administrator to check `xmart keys status`."
        )


def make_key(uow: UnitOfWork) -> CardKey:
    """A new current card key pair, sealed to every holder (bootstrap grant without users); returns it.

    The caller holds CARD_KEY_LOCK and retires the previous key itself (`keys rotate`).
    """
    session = uow.session
    private, public = crypto.new_key_pair()
    key = CardKey(public_key=public, fingerprint=crypto.fingerprint(public))
    session.add(key)
    session.flush()
    users = holders_of(uow, "card.reveal")
    if users:
        session.add_all(seal_for(key, private, user) for user in users)
    elif session.scalar(select(User.id).limit(1)) is None:
        session.add(CardKeyGrant(card_key_id=key.id, user_id=None, wrapped_private_key=_BOOTSTRAP + private))
    else:
        raise CardKeyError("No user holds 'card.reveal': a card key nobody could open is not made.")
    session.flush()
    return key


def unlock_card_private(uow: UnitOfWork, key: CardKey, user_name: str | None, password: str | None) -> bytes:
    """The raw private half of `key`, opened with `user_name`'s password (bootstrap grant: both None).

    Raises SignInRequired when the password does not unwrap the user's key, CardKeyError when the
    user has no grant for `key` yet (a holder's next sign-in shares it) or the grant does not
    match the key (a wrong key is refused).
    """
    session = uow.session
    if user_name is None:
        grant = session.scalar(
            select(CardKeyGrant).where(CardKeyGrant.card_key_id == key.id, CardKeyGrant.user_id.is_(None))
        )
        if grant is None or not grant.wrapped_private_key.startswith(_BOOTSTRAP):
            raise SignInRequired("Sign in with a user holding 'card.reveal' to read card numbers.")
        private = grant.wrapped_private_key[len(_BOOTSTRAP) :]
    else:
        user = session.scalar(select(User).where(User.name == user_name))
        if user is None or password is None:
            raise SignInRequired("Sign in again to read card numbers.")
        try:
            user_private = crypto.unlock_user_private(
                user.name, crypto.UserKeys(user.key_salt, user.public_key, user.wrapped_private_key), password
            )
        except crypto.CryptoError:
            raise SignInRequired("The password is not right; card numbers stay masked.") from None
        grant = session.scalar(
            select(CardKeyGrant).where(CardKeyGrant.card_key_id == key.id, CardKeyGrant.user_id == user.id)
        )
        if grant is None:
            raise CardKeyError(
                f"{user.name} has not been given the card-data key yet: it is shared at the next sign-in of "
                "another user holding 'card.reveal'."
            )
        try:
            private = crypto.open_sealed(user_private, grant.wrapped_private_key, grant_associated(key.id, user.id))
        except crypto.CryptoError:
            raise CardKeyError(f"{user.name}'s copy of the card-data key does not open: it was altered.") from None
    if crypto.public_of(private) != key.public_key:
        raise CardKeyError("The card-data key does not match the database's key: nothing was read.")
    return private


# --- The grant lifecycle for users (DOMAIN.md section 9): who holds a copy of the card key -------------


def pending_holders(uow: UnitOfWork) -> list[str]:
    """The enabled holders of `card.reveal` who have no grant of the current card key yet, by name.

    Their copy is made at the next sign-in of a holder who has one (`share_with_new_holders`).
    Empty when the database has no card key yet (the first key is sealed to every holder).
    """
    session = uow.session
    key_id = session.scalar(select(CardKey.id).where(CardKey.retired_at.is_(None)).order_by(CardKey.id.desc()).limit(1))
    if key_id is None:
        return []
    granted = set(session.scalars(select(CardKeyGrant.user_id).where(CardKeyGrant.card_key_id == key_id)))
    return [user.name for user in holders_of(uow, "card.reveal") if user.id not in granted]


def share_with_new_holders(uow: UnitOfWork, user_name: str, password: str) -> int:
    """Seal the current card key to every holder of `card.reveal` who lacks it; returns how many got it.

    `user_name` opens the key with `password` (their own grant); nothing is shared, and 0 returned,
    when that user holds no grant, the password does not open it, or the key is altered (the
    sign-in that calls this goes on; `keys status` tells). Audited (`card_key.shared`, the names).
    Adds to `uow`'s transaction without committing. Takes CARD_KEY_LOCK.
    """
    session = uow.session
    uow.serialize(CARD_KEY_LOCK)
    lacking = pending_holders(uow)
    if not lacking:
        return 0
    try:
        key = current_key(uow, create=False)
        if key is None:
            return 0
        private = unlock_card_private(uow, key, user_name, password)
    except (CardKeyError, SignInRequired):
        return 0
    users = session.scalars(select(User).where(User.name.in_(lacking)).order_by(User.name)).all()
    session.add_all(seal_for(key, private, user) for user in users)
    session.flush()
    audit.record(
        uow,
        "card_key.shared",
        entity="card_key",
        entity_id=key.id,
        detail=f"card-data key shared by {user_name} with {', '.join(u.name for u in users)}",
        user=user_name,
    )
    return len(users)


def after_first_user(uow: UnitOfWork, user: User) -> None:
    """Seal each bootstrap grant (a database without users) to the first administrator `user`, then delete it.

    Raises CardKeyError when a bootstrap grant does not match its key (altered): nothing is sealed.
    Adds to `uow`'s transaction without committing. Takes CARD_KEY_LOCK.
    """
    session = uow.session
    uow.serialize(CARD_KEY_LOCK)
    bootstrap = session.scalars(select(CardKeyGrant).where(CardKeyGrant.user_id.is_(None))).all()
    for grant in bootstrap:
        key = session.get(CardKey, grant.card_key_id)
        private = grant.wrapped_private_key[len(_BOOTSTRAP) :]
        if (
            key is None
            or not grant.wrapped_private_key.startswith(_BOOTSTRAP)
            or crypto.public_of(private) != (key.public_key)
        ):
            raise CardKeyError("The database's card-data key has been altered: the first user was not added.")
        session.add(seal_for(key, private, user))
        session.delete(grant)
    session.flush()


def withdraw_from_non_holders(uow: UnitOfWork) -> int:
    """Delete the grants of users who no longer hold `card.reveal` (or are disabled); returns how many.

    Refuses (CardKeyError, nothing deleted) a change that would leave a card key with no grant at
    all: its card numbers could never be read again. Adds to `uow`'s transaction without
    committing. Takes CARD_KEY_LOCK.
    """
    session = uow.session
    uow.serialize(CARD_KEY_LOCK)
    session.flush()
    holders = {user.id for user in holders_of(uow, "card.reveal")}
    grants = session.scalars(select(CardKeyGrant).where(CardKeyGrant.user_id.is_not(None))).all()
    doomed = [grant for grant in grants if grant.user_id not in holders]
    if not doomed:
        return 0
    kept = {grant.card_key_id for grant in grants if grant.user_id in holders}
    if any(grant.card_key_id not in kept for grant in doomed):
        raise LastCardKeyHolder(
            "This change would leave nobody able to open the card-data key, and every card number would be "
            "lost: first give another user 'card.reveal' and have them sign in. Nothing was changed."
        )
    for grant in doomed:
        session.delete(grant)
    session.flush()
    return len(doomed)


def remove_grants_of(uow: UnitOfWork, user: User) -> int:
    """Delete every grant of `user` (their key pair is replaced); refuses as `withdraw_from_non_holders` does.

    Adds to `uow`'s transaction without committing. Takes CARD_KEY_LOCK.
    """
    session = uow.session
    uow.serialize(CARD_KEY_LOCK)
    session.flush()
    grants = session.scalars(select(CardKeyGrant).where(CardKeyGrant.user_id.is_not(None))).all()
    doomed = [grant for grant in grants if grant.user_id == user.id]
    kept = {grant.card_key_id for grant in grants if grant.user_id != user.id}
    if any(grant.card_key_id not in kept for grant in doomed):
        raise LastCardKeyHolder(
            f"{user.name} is the only user who can open the card-data key: a new password would lose every "
            "card number. Change it with the current password, or first give another user 'card.reveal' and "
            "have them sign in. Nothing was changed."
        )
    for grant in doomed:
        session.delete(grant)
    session.flush()
    return len(doomed)
