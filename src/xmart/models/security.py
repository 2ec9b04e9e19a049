"""The Security module's tables (DOMAIN.md section 9): users, roles, permissions and card-data keys.

- `roles` / `role_permissions`: the built-in roles (clerk, manager, store, administrator) and the
  roles an office defines, each a set of permission names (`processes/security/permissions.py`).
- `users`: one account each; the password only as an argon2id hash. Each user also has an X25519
  key pair whose private half is stored only wrapped (AES-GCM) with a key derived from the user's
  password (argon2id raw, `key_salt`): card keys are wrapped to that public half.
  `permissions` of `user_permissions` are granted to one user explicitly (`card.reveal`, `audit.read`).
- `card_keys`: the database's card-data key pairs (X25519). The public half is here, so any
  workstation encrypts a card number without a secret; the one without `retired_at` is current.
- `card_key_grants`: a card key's private half wrapped for one user (sealed to the user's public
  key). `user_id` NULL is the bootstrap grant of a database that has no user yet (unprotected,
  removed when the first administrator is added).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, LargeBinary, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from xmart.models.base import Base


class Role(Base):
    """A role: built in (clerk, manager, store, administrator) or defined by the office."""

    __tablename__ = "roles"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    description: Mapped[str] = mapped_column(String(200), default="", server_default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class RolePermission(Base):
    """One permission a role grants."""

    __tablename__ = "role_permissions"

    role: Mapped[str] = mapped_column(ForeignKey("roles.name", ondelete="CASCADE"), primary_key=True)
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)


class User(Base):
    """A user account. Never holds a password, only its argon2id hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    role: Mapped[str] = mapped_column(ForeignKey("roles.name"), index=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    key_salt: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    wrapped_private_key: Mapped[bytes] = mapped_column(LargeBinary)


class UserPermission(Base):
    """A permission granted to one user explicitly (besides the user's role)."""

    __tablename__ = "user_permissions"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)


class CardKey(Base):
    """A card-data key pair: the public half; the private half only in `card_key_grants`, wrapped."""

    __tablename__ = "card_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class CardKeyGrant(Base):
    """A card key's private half, wrapped for one user (NULL user: the bootstrap grant, see module doc)."""

    __tablename__ = "card_key_grants"
    __table_args__ = (UniqueConstraint("card_key_id", "user_id", name="key_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    card_key_id: Mapped[int] = mapped_column(ForeignKey("card_keys.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    wrapped_private_key: Mapped[bytes] = mapped_column(LargeBinary)


PERMISSIONS = (
    "order.enter",
    "order.cancel",
    "order.hold",
    "process.assign",
    "process.purchase_orders",
    "po.receive",
    "so.invoice",
    "documents.print",
    "import",
    "settings",
    "sync",
    "users.admin",
    "card.reveal",
    "audit.read",
)
"""Every permission, one per action (DOMAIN.md section 9)."""

_CLERK = ("order.enter", "order.hold", "documents.print")
BUILTIN_ROLES: dict[str, tuple[str, ...]] = {
    "clerk": _CLERK,
    "manager": (
        *_CLERK,
        "order.cancel",
        "process.assign",
        "process.purchase_orders",
        "po.receive",
        "so.invoice",
        "import",
    ),
    "store": ("so.invoice", "po.receive", "documents.print", "sync"),
    "administrator": PERMISSIONS,
}
"""The built-in roles and their permissions (DOMAIN.md section 9); the migration seeds them."""
