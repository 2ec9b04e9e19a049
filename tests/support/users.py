"""Users for the card-key tests, made directly with the models (until the `users` process lands).

`add_user` stores a user as `xmart users add` will (argon2id hash, X25519 key pair wrapped with the
password-derived key); `actor` / `signed_in` sign an engine in as them; `reveal_card` reads one
card as a user (or, with no user, through the bootstrap grant).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, select

from xmart.models import User, UserPermission
from xmart.models.actor import Actor, actor_for, sign_in_engine
from xmart.models.db import UnitOfWork
from xmart.processes.security import crypto

PASSWORD = "correct horse battery"
"""Every test user's password unless told otherwise (at least 12 characters)."""


@pytest.fixture
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its cheapest for the test (t=1, 8 MiB): the same code, a tenth of the time.

    Only for tests about what is done with the keys; the production parameters are crypto.py's.
    Subprocesses keep the real ones (they derive no key in these tests).
    """
    from xmart.processes.security import crypto

    monkeypatch.setattr(crypto, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1))


def add_user(
    engine: Engine, name: str, role: str, password: str = PASSWORD, permissions: tuple[str, ...] = ()
) -> Actor:
    """Store user `name` with `role` and extra `permissions`; returns the Actor to sign in as.

    No card-key grant is made: a key made after the user exists is sealed to them when they hold
    `card.reveal`; a key made before is not (they are "pending").
    """
    keys = crypto.new_user_keys(name, password)
    with UnitOfWork(engine) as uow:
        user = User(
            name=name,
            role=role,
            password_hash=crypto.hash_password(password),
            key_salt=keys.salt,
            public_key=keys.public,
            wrapped_private_key=keys.wrapped_private,
        )
        uow.session.add(user)
        uow.session.flush()
        uow.session.add_all(UserPermission(user_id=user.id, permission=p) for p in permissions)
        uow.commit()
        return Actor(user.id, name, role)


def user_id(engine: Engine, name: str) -> int:
    """The id of user `name`."""
    with UnitOfWork(engine) as uow:
        found = uow.session.scalar(select(User.id).where(User.name == name))
        assert found is not None
        return found


@contextmanager
def signed_in(engine: Engine, who: Actor | None) -> Iterator[None]:
    """Sign `engine` in as `who` for the block (None: nobody), then back to whoever was."""
    before = actor_for(engine)
    sign_in_engine(engine, who)
    try:
        yield
    finally:
        sign_in_engine(engine, before)


def reveal_card(engine: Engine, payment_id: int, who: Actor | None = None, password: str = PASSWORD) -> str:
    """The full number of card payment `payment_id`, revealed as `who` (None: the engine's actor / bootstrap)."""
    from xmart.processes.security.card_keys import reveal

    with UnitOfWork(engine, actor=who) as uow:
        return reveal(uow, payment_id, password)
