"""Users, roles and sign-in for tests of the Security module (DOMAIN.md section 9).

`add_user` writes a user straight through the models (argon2id hash, X25519 key pair wrapped with
the password: `crypto.new_user_keys`), so these tests do not depend on the `users` processes.
The argon2 work is done once per (name, password) and cached: tests make many users.
`sign_in(engine, actor)` makes every later `UnitOfWork(engine)` run as that user.
"""

from __future__ import annotations

import functools
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, Row, select

from xmart.models import AuditEntry, Role, RolePermission, Setting, User, UserPermission
from xmart.models.actor import Actor, sign_in_engine
from xmart.models.db import UnitOfWork
from xmart.processes.security import crypto
from xmart.processes.security.audit import HEAD_SETTING
from xmart.processes.security.permissions import PERMISSIONS

PASSWORD = "correct horse battery"
"""The password of every test user (at least 12 characters)."""


@functools.cache
def _secrets(name: str, password: str) -> tuple[str, crypto.UserKeys]:
    return crypto.hash_password(password), crypto.new_user_keys(name, password)


def add_role(engine: Engine, name: str, permissions: tuple[str, ...] | frozenset[str]) -> str:
    """Define an office role holding exactly `permissions`; returns its name."""
    with UnitOfWork(engine) as uow:
        uow.session.add(Role(name=name, description=f"test role {name}", builtin=False))
        uow.session.flush()
        uow.session.add_all(RolePermission(role=name, permission=p) for p in sorted(permissions))
        uow.commit()
    return name


def add_user(
    engine: Engine,
    name: str,
    role: str = "administrator",
    granted: tuple[str, ...] = (),
    *,
    disabled: bool = False,
    password: str = PASSWORD,
) -> Actor:
    """Add user `name` with `role` (and `granted` permissions of its own); returns the Actor to sign in with."""
    password_hash, keys = _secrets(name, password)
    with UnitOfWork(engine) as uow:
        user = User(
            name=name,
            full_name=name.title(),
            role=role,
            password_hash=password_hash,
            disabled=disabled,
            key_salt=keys.salt,
            public_key=keys.public,
            wrapped_private_key=keys.wrapped_private,
        )
        uow.session.add(user)
        uow.session.flush()
        uow.session.add_all(UserPermission(user_id=user.id, permission=p) for p in granted)
        uow.commit()
        return Actor(user.id, name, role)


def user_without(engine: Engine, permission: str) -> Actor:
    """A user whose role holds every permission except `permission` (role `no-<permission>`)."""
    role = add_role(engine, f"no-{permission}", frozenset(PERMISSIONS) - {permission})
    return add_user(engine, f"lacks-{permission}", role)


def user_with_only(engine: Engine, permission: str) -> Actor:
    """A user whose role holds `permission` and nothing else (role `only-<permission>`)."""
    role = add_role(engine, f"only-{permission}", (permission,))
    return add_user(engine, f"has-{permission}", role)


def sign_in(engine: Engine, actor: Actor | None) -> None:
    """Run every later UnitOfWork(engine) as `actor` (None: nobody signed in)."""
    sign_in_engine(engine, actor)


def audit_entries(engine: Engine) -> list[Row[Any]]:
    """Every audit entry as a row (id, at, user, action, entity, entity_id, detail, prev_hash, hash), in id order."""
    with engine.connect() as connection:
        return list(connection.execute(select(AuditEntry.__table__).order_by(AuditEntry.id)).all())


def without_audit(snapshot: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """A `tests.support.db.snapshot` without the audit log and its head mark (a refusal adds an entry)."""
    rows = {name: rows for name, rows in snapshot.items() if name != "audit_log"}
    rows["settings"] = [row for row in rows.get("settings", []) if row[0] != repr(HEAD_SETTING)]
    return rows


def head_setting(engine: Engine) -> str | None:
    """The stored `audit.head` ("ID HASH"), or None."""
    with UnitOfWork(engine) as uow:
        return uow.session.scalar(select(Setting.value).where(Setting.key == HEAD_SETTING))


def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with small costs: the same code paths in a fraction of the time (tests of the real costs skip it)."""
    monkeypatch.setattr(crypto, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
