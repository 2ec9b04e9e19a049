"""Card-data key pairs and who can open them (DOMAIN.md section 9, "Card keys").

The database holds one current card key pair (`card_keys`, `retired_at` NULL). Its public half is
in the database, so any workstation encrypts a card number without a secret. Its private half is
stored only sealed to the public key of each user holding `card.reveal` (`card_key_grants`); a user
opens it with their own private key, which only their password unwraps. Nothing lives on a
workstation: losing one loses nothing, and no workstation can make a second key on its own.

A database with no user yet has nobody to seal to: its first key's private half is kept in a
bootstrap grant (`user_id` NULL, unprotected, like the whole database before its first user);
adding the first administrator seals it to them and deletes the bootstrap grant.
"""

from __future__ import annotations

from sqlalchemy import select

from xmart.errors import SignInRequired, XmartError
from xmart.models import CardKey, CardKeyGrant, User
from xmart.models.db import UnitOfWork
from xmart.processes.security import crypto
from xmart.processes.security.permissions import holders_of

CARD_KEY_LOCK = "card-keys"
"""Taken to create or rotate the card key, so two workstations never make two keys."""

_BOOTSTRAP = b"xmart-bootstrap-v1:"


class CardKeyError(XmartError):
    """The card key is missing, altered or does not match (nothing was encrypted or revealed)."""

    exit_status = 1


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
