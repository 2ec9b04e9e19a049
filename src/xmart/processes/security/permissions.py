"""Permissions (DOMAIN.md section 9): one per action, granted by roles or to a user; checked here.

Every process calls `require(uow, PERMISSION)` before it writes anything. A database without
users works as before the Security module (anyone may do anything); once it has a user, every
action needs a signed-in, enabled user holding the permission. A refusal rolls back what the
unit of work had, writes an audit entry (`denied`) in its own transaction, and raises
SignInRequired or PermissionDenied (exit status 3 on the command line).

Reading (lists, details, reports on screen, exports) needs no permission, only a signed-in user
once the database has users: every reader calls `require_signed_in` (a refusal is audited as a
`denied` entry on entity `sign_in` — READ_CHECK —, never under a name that looks like one of the
14 permissions; a refused permission is a `denied` entry on entity `permission` naming it).
Writers are audited by the process itself (`audit.record`, in its own
transaction, just before the commit): Assign and Purchase Orders runs, receiving, invoicing,
cancel / hold / release, prints and PDFs, imports, settings saves.
"""

from __future__ import annotations

from sqlalchemy import exists, select, union
from sqlalchemy.orm import Session

from xmart.errors import AccessError, PermissionDenied, SignInRequired
from xmart.models import RolePermission, User, UserPermission
from xmart.models.actor import Actor
from xmart.models.db import UNIT_OF_WORK_KEY, UnitOfWork
from xmart.models.security import BUILTIN_ROLES, PERMISSIONS
from xmart.processes.security import audit

__all__ = [
    "BUILTIN_ROLES",
    "PERMISSIONS",
    "describe",
    "has_users",
    "holders_of",
    "permissions_of",
    "require",
    "require_any",
    "require_signed_in",
]

_WORDS = {
    "order.enter": "enter orders",
    "order.cancel": "cancel orders",
    "order.hold": "hold or release orders",
    "process.assign": "run Assign",
    "process.purchase_orders": "run Purchase Orders",
    "po.receive": "receive purchase orders",
    "so.invoice": "invoice sale orders",
    "documents.print": "print documents",
    "import": "import documents",
    "settings": "change settings",
    "sync": "synchronize with the stores",
    "users.admin": "manage users and roles",
    "card.reveal": "see full card numbers",
    "audit.read": "read the audit log",
}


READ_CHECK = ("sign_in", "required to read")
"""The (entity, entity_id) of the `denied` entry of a refused reader: a sign-in is needed, not a permission."""


def describe(permission: str) -> str:
    """What `permission` allows, in words ("run Assign")."""
    return _WORDS.get(permission, permission)


def has_users(uow: UnitOfWork) -> bool:
    """True when the database has at least one user (from then on every action needs sign-in)."""
    return bool(uow.session.scalar(select(exists().where(User.id.is_not(None)))))


def permissions_of(uow: UnitOfWork, user_id: int) -> frozenset[str]:
    """The permissions user `user_id` holds now: the role's and those granted to the user; none when disabled."""
    user = uow.session.get(User, user_id)
    if user is None or user.disabled:
        return frozenset()
    granted = union(
        select(RolePermission.permission).where(RolePermission.role == user.role),
        select(UserPermission.permission).where(UserPermission.user_id == user_id),
    )
    return frozenset(uow.session.scalars(select(granted.subquery().c.permission)))


def require(uow: UnitOfWork, permission: str) -> Actor | None:
    """Check that `uow`'s actor may do `permission` (one of PERMISSIONS); returns the actor.

    Returns None when the database has no user yet (no sign-in needed). Raises SignInRequired when
    nobody (or a disabled or removed user) is signed in, PermissionDenied when the user lacks the
    permission: in both cases the transaction so far is rolled back and a `denied` audit entry is
    committed. On SQLite, call it after taking the process lock (`uow.exclusive`) or before the
    transaction's first query.
    """
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    actor = uow.actor
    if actor is None:
        if not has_users(uow):
            return None
        _deny(uow, permission, SignInRequired(f"Sign in first: to {describe(permission)} you need a user account."))
    assert actor is not None
    held = permissions_of(uow, actor.user_id)
    if not held and uow.session.get(User, actor.user_id) is None:
        _deny(uow, permission, SignInRequired("Your user account no longer exists: sign in again."))
    if permission not in held:
        _deny(
            uow,
            permission,
            PermissionDenied(
                f"You ({actor.name}) may not {describe(permission)}: ask an administrator for the "
                f"'{permission}' permission. Nothing was changed."
            ),
        )
    return actor


def require_any(uow: UnitOfWork, permissions: tuple[str, ...], what: str) -> Actor | None:
    """Check that `uow`'s actor holds at least one of `permissions` (e.g. `keys status`: a key holder or an admin).

    `what`: the action in words, for the refusal ("see the card-key status"). Returns the actor
    (None for a database with no user yet); otherwise as `require`: SignInRequired / PermissionDenied
    naming every permission that would do, after rolling back and committing a `denied` entry.
    """
    unknown = [p for p in permissions if p not in PERMISSIONS]
    if unknown or not permissions:
        raise ValueError(f"unknown permissions {unknown!r}")
    named = " or ".join(f"'{p}'" for p in permissions)
    entity_id = "|".join(permissions)
    actor = uow.actor
    if actor is None:
        if not has_users(uow):
            return None
        _deny(uow, entity_id, SignInRequired(f"Sign in first: to {what} you need a user account."))
    assert actor is not None
    held = permissions_of(uow, actor.user_id)
    if not held and uow.session.get(User, actor.user_id) is None:
        _deny(uow, entity_id, SignInRequired("Your user account no longer exists: sign in again."))
    if held.isdisjoint(permissions):
        _deny(
            uow,
            entity_id,
            PermissionDenied(
                f"You ({actor.name}) may not {what}: it needs the {named} permission; ask an administrator. "
                "Nothing was changed."
            ),
        )
    return actor


def require_signed_in(where: UnitOfWork | Session) -> Actor | None:
    """Check that somebody may read: a signed-in, enabled user once the database has users (DOMAIN.md section 9).

    Reading (show, lists, reports on screen, exports) needs no permission, only a sign-in. `where`:
    the unit of work, or the session of one (the readers that take a session). Returns the actor,
    or None when the database has no user yet. Raises SignInRequired when nobody (or a disabled or
    removed user) is signed in, after rolling back and committing a `denied` audit entry, as `require`.
    """
    uow = where if isinstance(where, UnitOfWork) else unit_of_work_of(where)
    actor = uow.actor
    if actor is None:
        if not has_users(uow):
            return None
        _deny(uow, READ_CHECK, SignInRequired("Sign in first: to read xmart's records you need a user account."))
    assert actor is not None
    user = uow.session.get(User, actor.user_id)
    if user is None or user.disabled:
        _deny(uow, READ_CHECK, SignInRequired("Your user account is disabled or no longer exists: sign in again."))
    return actor


def unit_of_work_of(session: Session) -> UnitOfWork:
    """The UnitOfWork that opened `session` (RuntimeError for a session made without one)."""
    uow = session.info.get(UNIT_OF_WORK_KEY)
    if not isinstance(uow, UnitOfWork):
        raise RuntimeError("open the session with a UnitOfWork: the sign-in check needs it")
    return uow


def _deny(uow: UnitOfWork, what: str | tuple[str, str], error: AccessError) -> None:
    """Roll back, commit a `denied` entry for `what` (a permission, or an (entity, entity_id) pair), raise `error`."""
    entity, entity_id = what if isinstance(what, tuple) else ("permission", what)
    uow.rollback()
    audit.record(uow, "denied", entity=entity, entity_id=entity_id, detail=str(error))
    uow.commit()
    raise error


def holders_of(uow: UnitOfWork, permission: str) -> list[User]:
    """The enabled users holding `permission` (through their role or granted to them), by name."""
    by_role = (
        select(User.id)
        .join(RolePermission, RolePermission.role == User.role)
        .where(RolePermission.permission == permission)
    )
    direct = select(UserPermission.user_id).where(UserPermission.permission == permission)
    return list(
        uow.session.scalars(
            select(User).where(User.disabled.is_(False), User.id.in_(by_role.union(direct))).order_by(User.name)
        )
    )
