"""Users, roles and sign-in (DOMAIN.md section 9, "Users sign in" and "Roles and permissions").

- Sign-in (`sign_in`, `check_password`, `sign_out`): the password is checked against its argon2id
  hash; an unknown name costs the same (a dummy hash is verified). MAX_FAILED_SIGN_INS failures in
  a row lock the account for LOCK_MINUTES (an administrator can unlock it sooner); a success resets
  the count. Every attempt is audited (`sign_in`, `sign_in.failed`), never the password; a name
  that matches no account is recorded as "(unknown user)", since people type passwords into the
  name field. A signed-in holder of `card.reveal` shares the card-data key with holders who lack it.
- Accounts (`add_user`, `set_role`, `disable_user`, ...): the first user of a database must be an
  administrator and needs no sign-in (the database worked without users until then); every later
  change needs `users.admin`. The database always keeps an enabled user who holds `users.admin`,
  and a card-data key always keeps a user who can open it. Every change is audited (`users.*`,
  `roles.*`), never a password.
- Roles (`list_roles`, `save_role`, `delete_role`): the built-in roles are fixed; the office
  defines others from PERMISSIONS.

Functions that change something take a unit of work whose transaction has not begun, take
USERS_LOCK first (on SQLite the database's write lock) and commit it themselves; `list_users` and
`list_roles` only read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NoReturn

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from xmart.errors import InputError, NotFoundError, SignInRequired
from xmart.models import Role, RolePermission, User, UserPermission
from xmart.models.actor import Actor, actor_for, sign_in_engine
from xmart.models.db import UnitOfWork
from xmart.processes.cards import check_free_text
from xmart.processes.security import audit, crypto, grants
from xmart.processes.security.permissions import PERMISSIONS, has_users, holders_of, require

__all__ = [
    "LOCK_MINUTES",
    "MAX_FAILED_SIGN_INS",
    "MIN_PASSWORD_LENGTH",
    "USERS_LOCK",
    "Actor",
    "RoleInfo",
    "UserInfo",
    "add_user",
    "check_new_user",
    "check_password",
    "delete_role",
    "disable_user",
    "enable_user",
    "grant_permission",
    "list_roles",
    "list_users",
    "now",
    "pending_card_key",
    "revoke_permission",
    "save_role",
    "set_password",
    "set_role",
    "sign_in",
    "sign_out",
    "unlock_user",
    "users_exist",
]

MIN_PASSWORD_LENGTH = 12
"""The shortest password accepted (DOMAIN.md section 9; PCI DSS 8.3.6)."""
MAX_PASSWORD_LENGTH = 1024
"""The longest: a longer one is refused rather than hashed (a denial of service, never a real password)."""
MAX_FAILED_SIGN_INS = 6
"""Failed sign-ins in a row that lock an account (PCI DSS 8.3.4)."""
LOCK_MINUTES = 30
"""How long a locked account stays locked, unless an administrator unlocks it."""
USERS_LOCK = "users"
"""Serialises changes of users, roles and sign-in counters across workstations (taken before CARD_KEY_LOCK
and the audit log's lock, never after them)."""
UNKNOWN_USER = "(unknown user)"
"""What the audit log records for a sign-in with a name that matches no account."""

WRONG = "Wrong user name or password."
WRONG_PASSWORD = "Wrong password."
"""What a wrong password gets where only the password is asked (the lock screen, the re-ask before a reveal)."""
DISABLED = "This account is disabled."
_NAME = re.compile(r"[\w.-]{1,60}")
_ROLE_NAME = re.compile(r"[\w.-]{1,40}")


def now() -> dt.datetime:
    """The current time, aware, in UTC (tests move the clock by replacing this function)."""
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as aware UTC (SQLite gives back the naive UTC time written, PostgreSQL an aware one)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class UserInfo:
    """A user account as the Users settings and `xmart users list` show it (never the password hash).

    `permissions`: what the role grants plus what was granted to the user explicitly (a disabled
    user can use none of them). `locked_until`: aware UTC, or None when the account is not locked.
    """

    name: str
    full_name: str
    role: str
    permissions: frozenset[str]
    disabled: bool
    locked_until: dt.datetime | None


@dataclass(frozen=True)
class RoleInfo:
    """A role: built in (fixed) or defined by the office, with the permissions it grants."""

    name: str
    description: str
    builtin: bool
    permissions: frozenset[str]


# --- sign-in --------------------------------------------------------------------------------------


@cache
def _dummy_hash() -> str:
    return crypto.hash_password("xmart: no such user, the same work as a real check")


def _locked_message(until: dt.datetime, moment: dt.datetime) -> str:
    """The refusal of a locked account: until when, in local time with its zone, and in how many minutes."""
    local = until.astimezone()
    minutes = max(1, -(-int((until - moment).total_seconds()) // 60))
    return (
        f"This account is locked until {local:%H:%M} {local.tzname() or ''}".rstrip()
        + f" (in {minutes} minute{'s' if minutes != 1 else ''}) after {MAX_FAILED_SIGN_INS} failed sign-ins; "
        "an administrator can unlock it."
    )


def _refusal(disabled: bool, locked_until: dt.datetime | None, moment: dt.datetime) -> str | None:
    """Why an account may not sign in whatever the password (disabled, locked until a later time), or None."""
    if disabled:
        return DISABLED
    until = _aware(locked_until)
    if until is not None and until > moment:
        return _locked_message(until, moment)
    return None


def _fail(uow: UnitOfWork, user: User, action: str, moment: dt.datetime) -> str:
    """Count one failed password for `user` (locking the account at the limit), audit it; the message to give."""
    until = _aware(user.locked_until)
    if until is not None and until <= moment:  # an expired lock: the count starts again
        user.failed_sign_ins, user.locked_until = 0, None
    user.failed_sign_ins += 1
    message = WRONG if action == "sign_in" else WRONG_PASSWORD
    detail = f"wrong password ({user.failed_sign_ins} in a row)"
    if user.failed_sign_ins >= MAX_FAILED_SIGN_INS:
        user.locked_until = moment + dt.timedelta(minutes=LOCK_MINUTES)
        message = _locked_message(user.locked_until, moment)
        detail += f"; account locked for {LOCK_MINUTES} minutes"
    audit.record(uow, f"{action}.failed", entity="user", entity_id=user.id, detail=detail, user=user.name)
    return message


def _same_name(a: str, b: str) -> bool:
    """True when `a` and `b` are the same user name ignoring case (Unicode case folding, on every database)."""
    return a.casefold() == b.casefold()


def _find_user_id(session: Session, name: str) -> int | None:
    """The id of the user named `name` ignoring case (names are unique ignoring case), or None.

    Compared in Python, not with the database's lower(): SQLite's folds only ASCII letters.
    """
    exact = session.scalar(select(User.id).where(User.name == name))
    if exact is not None:
        return exact
    for user_id, stored in session.execute(select(User.id, User.name)):
        if _same_name(stored, name):
            return int(user_id)
    return None


def _attempt(engine: Engine, name: str, password: str, action: str, *, share: bool) -> Actor:
    """Check `name`'s password (the name ignoring case), count and audit the attempt; the Actor, or
    SignInRequired (committed either way)."""
    with UnitOfWork(engine) as uow:
        user_id = _find_user_id(uow.session, name)
        found = (
            uow.session.execute(
                select(User.id, User.password_hash, User.disabled, User.locked_until).where(User.id == user_id)
            ).first()
            if user_id is not None
            else None
        )
    moment = now()
    matches: bool | None = None  # None: not checked (the account was refused before the check)
    if found is None:
        crypto.password_matches(_dummy_hash(), password)  # the same work as for a real account
    elif _refusal(found.disabled, found.locked_until, moment) is None:
        matches = crypto.password_matches(found.password_hash, password)
    with UnitOfWork(engine) as uow, uow.exclusive(USERS_LOCK):
        if share:  # locks in the order every writer takes them: users, card keys, audit log
            uow.serialize(grants.CARD_KEY_LOCK)
        user = uow.session.get(User, found.id) if found is not None else None
        if user is None or not _same_name(user.name, name):
            detail = "unknown user name" if found is None else "account removed"
            audit.record(uow, f"{action}.failed", entity="user", detail=detail, user=UNKNOWN_USER)
            uow.commit()
            raise SignInRequired(WRONG)
        refused = _refusal(user.disabled, user.locked_until, moment)
        if refused is not None:
            reason = "account disabled" if user.disabled else "account locked"
            audit.record(uow, f"{action}.failed", entity="user", entity_id=user.id, detail=reason, user=user.name)
            uow.commit()
            raise SignInRequired(refused)
        if matches is None:  # unlocked or enabled since the first look: check now
            matches = crypto.password_matches(user.password_hash, password)
        if not matches:
            message = _fail(uow, user, action, moment)
            uow.commit()
            raise SignInRequired(message)
        user.failed_sign_ins, user.locked_until = 0, None
        audit.record(uow, action, entity="user", entity_id=user.id, user=user.name)
        if share:
            grants.share_with_new_holders(uow, user.name, password)
        uow.commit()
        return Actor(user.id, user.name, user.role)


def sign_in(engine: Engine, name: str, password: str) -> Actor:
    """Sign `name` in on `engine` (DOMAIN.md section 9): every later `UnitOfWork(engine)` acts as them.

    Checks the password against its argon2id hash, refuses disabled and locked accounts, counts
    failures (MAX_FAILED_SIGN_INS lock the account for LOCK_MINUTES; a success resets the count),
    audits `sign_in` / `sign_in.failed`, and shares the card-data key with holders of `card.reveal`
    who lack it when this user can open it. Raises SignInRequired with a plain message ("Wrong user
    name or password.", locked until HH:MM, disabled); the engine's actor is left unchanged then.
    """
    actor = _attempt(engine, name, password, "sign_in", share=True)
    sign_in_engine(engine, actor)
    return actor


def check_password(engine: Engine, actor: Actor, password: str) -> None:
    """Check the signed-in `actor`'s password again (the lock screen, the re-ask before a card reveal).

    The same counting, lockout and audit as `sign_in` (`sign_in.confirm`, `sign_in.confirm.failed`);
    raises SignInRequired when the password is wrong or the account is now locked or disabled.
    """
    _attempt(engine, actor.name, password, "sign_in.confirm", share=False)


def sign_out(engine: Engine) -> None:
    """Sign the user out of `engine` (audited `sign_out`); later units of work act as nobody."""
    actor = actor_for(engine)
    sign_in_engine(engine, None)
    if actor is not None:
        with UnitOfWork(engine) as uow:
            audit.record(uow, "sign_out", entity="user", entity_id=actor.user_id, user=actor.name)
            uow.commit()


def users_exist(engine: Engine) -> bool:
    """True when the database has a user: from then on every action needs sign-in (DOMAIN.md section 9)."""
    with UnitOfWork(engine) as uow:
        return has_users(uow)


# --- checks ---------------------------------------------------------------------------------------


def check_new_password(password: str) -> str:
    """`password` unchanged, or InputError naming the rule (at least MIN_PASSWORD_LENGTH characters)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputError(f"A password may have at most {MAX_PASSWORD_LENGTH} characters.")
    return password


def _check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise InputError("A user name has 1 to 60 characters: letters, digits, dots, dashes and underscores.")
    return name


def _user(uow: UnitOfWork, name: str) -> User:
    """The user named `name` ignoring case, or NotFoundError."""
    user_id = _find_user_id(uow.session, name)
    user = uow.session.get(User, user_id) if user_id is not None else None
    if user is None:
        raise NotFoundError(f"There is no user {name!r}.")
    return user


def _role(uow: UnitOfWork, name: str) -> Role:
    role = uow.session.get(Role, name)
    if role is None:
        known = ", ".join(uow.session.scalars(select(Role.name).order_by(Role.name)))
        raise NotFoundError(f"There is no role {name!r} (roles: {known}).")
    return role


def _refuse(uow: UnitOfWork, error: InputError) -> NoReturn:
    uow.rollback()
    raise error


def _settle(uow: UnitOfWork) -> None:
    """After a change: keep an enabled user who holds `users.admin`, withdraw card keys from non-holders.

    Rolls back and raises InputError when no administrator would be left, or LastCardKeyHolder
    when a card key would be left with nobody able to open it.
    """
    uow.session.flush()
    if not holders_of(uow, "users.admin"):
        _refuse(
            uow,
            InputError(
                "This change would leave no enabled user who can manage users ('users.admin'): nothing was changed."
            ),
        )
    try:
        grants.withdraw_from_non_holders(uow)
    except grants.LastCardKeyHolder as exc:
        _refuse(uow, exc)


# --- accounts -------------------------------------------------------------------------------------


def _infos(uow: UnitOfWork, users: Iterable[User]) -> list[UserInfo]:
    session = uow.session
    by_role: dict[str, set[str]] = {}
    for role, permission in session.execute(select(RolePermission.role, RolePermission.permission)):
        by_role.setdefault(role, set()).add(permission)
    direct: dict[int, set[str]] = {}
    for user_id, permission in session.execute(select(UserPermission.user_id, UserPermission.permission)):
        direct.setdefault(user_id, set()).add(permission)
    moment = now()
    result = []
    for user in users:
        until = _aware(user.locked_until)
        result.append(
            UserInfo(
                name=user.name,
                full_name=user.full_name,
                role=user.role,
                permissions=frozenset(by_role.get(user.role, set()) | direct.get(user.id, set())),
                disabled=user.disabled,
                locked_until=until if until is not None and until > moment else None,
            )
        )
    return result


def add_user(uow: UnitOfWork, name: str, password: str, role: str, full_name: str = "") -> UserInfo:
    """Add a user account with `password` and `role`; commit (DOMAIN.md section 9).

    The first user of a database must be an `administrator` and needs no sign-in; it receives the
    bootstrap card-key grant. Later users need `users.admin`; a new holder of `card.reveal` gets the
    card-data key at the next sign-in of a holder (`pending_card_key` names them until then).
    Raises InputError for a bad name, a taken name, a password shorter than MIN_PASSWORD_LENGTH,
    a full name over 120 characters or holding card data, an unknown role, or a first user who is
    not an administrator; SignInRequired / PermissionDenied (audited, nothing written).
    Audited `users.add`.
    """
    with uow.exclusive(USERS_LOCK):
        first = require(uow, "users.admin") is None  # None: the database has no user yet
        session = uow.session
        _check_name(name)
        check_new_password(password)
        if len(full_name) > 120:
            raise InputError("A full name has at most 120 characters.")
        check_free_text(full_name, "The full name")
        _role(uow, role)
        if first and role != "administrator":
            raise InputError("The first user must be an administrator (--role administrator).")
        _check_name_free(uow, name)
        keys = crypto.new_user_keys(name, password)
        user = User(
            name=name,
            full_name=full_name,
            role=role,
            password_hash=crypto.hash_password(password),
            key_salt=keys.salt,
            public_key=keys.public,
            wrapped_private_key=keys.wrapped_private,
        )
        session.add(user)
        session.flush()
        if first:
            grants.after_first_user(uow, user)
        detail = f"role {role}" + ("; the first administrator" if first else "")
        audit.record(uow, "users.add", entity="user", entity_id=user.id, detail=f"{name}: {detail}")
        [info] = _infos(uow, [user])
        uow.commit()
        return info


def _check_name_free(uow: UnitOfWork, name: str) -> None:
    """InputError naming the existing user's spelling when `name` is taken (names are unique ignoring case)."""
    taken = _find_user_id(uow.session, name)
    if taken is not None:
        existing = uow.session.get(User, taken)
        assert existing is not None
        same = "" if existing.name == name else " (names are the same whatever the case)"
        raise InputError(f"There is already a user {existing.name!r}{same}.")


def check_new_user(uow: UnitOfWork, name: str, role: str) -> None:
    """Check what `add_user` will check before a password is asked: permission, name, free name, role.

    Writes nothing (a refusal of the permission is audited as `require` does). Raises InputError,
    NotFoundError (unknown role), SignInRequired / PermissionDenied. DOMAIN.md section 9.
    """
    first = require(uow, "users.admin") is None
    _check_name(name)
    _check_name_free(uow, name)
    _role(uow, role)
    if first and role != "administrator":
        raise InputError("The first user must be an administrator (--role administrator).")
    uow.rollback()


def list_users(uow: UnitOfWork) -> list[UserInfo]:
    """Every user account, by name (needs `users.admin` once the database has users)."""
    require(uow, "users.admin")
    users = uow.session.scalars(select(User).order_by(User.name)).all()
    return _infos(uow, users)


def pending_card_key(uow: UnitOfWork) -> list[str]:
    """Names of holders of `card.reveal` still waiting for the card-data key (shared at a holder's next sign-in)."""
    return grants.pending_holders(uow)


def _change(uow: UnitOfWork, name: str, action: str, detail: str) -> None:
    user_id = _find_user_id(uow.session, name)
    user = uow.session.get(User, user_id) if user_id is not None else None
    shown = user.name if user is not None else name
    audit.record(uow, action, entity="user", entity_id=user.id if user else "", detail=f"{shown}: {detail}")


def set_role(uow: UnitOfWork, name: str, role: str) -> UserInfo:
    """Give user `name` the role `role`; commit. Needs `users.admin`; audited `users.set_role`.

    Raises NotFoundError for an unknown user or role, InputError when no enabled administrator
    would be left or a card key would lose its last holder. A user who loses `card.reveal`
    loses their copies of the card-data key.
    """
    with uow.exclusive(USERS_LOCK):
        require(uow, "users.admin")
        user = _user(uow, name)
        _role(uow, role)
        before, user.role = user.role, role
        _settle(uow)
        _change(uow, name, "users.set_role", f"role {before} -> {role}")
        [info] = _infos(uow, [user])
        uow.commit()
        return info


def disable_user(uow: UnitOfWork, name: str) -> None:
    """Disable user `name` (they can no longer sign in or act); commit. Needs `users.admin`; audited.

    Their copies of the card-data key are deleted. Raises NotFoundError, or InputError when they
    are the last enabled administrator or the last user who can open a card key.
    """
    with uow.exclusive(USERS_LOCK):
        require(uow, "users.admin")
        _user(uow, name).disabled = True
        _settle(uow)
        _change(uow, name, "users.disable", "disabled")
        uow.commit()


def enable_user(uow: UnitOfWork, name: str) -> None:
    """Enable user `name` again; commit. Needs `users.admin`; audited `users.enable`.

    A holder of `card.reveal` gets the card-data key again at a holder's next sign-in.
    """
    with uow.exclusive(USERS_LOCK):
        require(uow, "users.admin")
        _user(uow, name).disabled = False
        _change(uow, name, "users.enable", "enabled")
        uow.commit()


def unlock_user(uow: UnitOfWork, name: str) -> None:
    """Unlock user `name` locked by failed sign-ins (the count starts again); commit. Needs `users.admin`; audited."""
    with uow.exclusive(USERS_LOCK):
        require(uow, "users.admin")
        user = _user(uow, name)
        user.failed_sign_ins, user.locked_until = 0, None
        _change(uow, name, "users.unlock", "unlocked")
        uow.commit()


def set_password(uow: UnitOfWork, name: str, new_password: str, current_password: str | None = None) -> None:
    """Set user `name`'s password; commit (audited `users.password`, never a password).

    With `current_password` (a user changing their own, or anyone who knows it): the same private
    key is wrapped again, so the user keeps their copies of the card-data key. Without it (an
    administrator's reset): a new key pair, the user's copies deleted until a holder of `card.reveal`
    signs in. The signed-in user may change their own password; anyone else's needs `users.admin`.
    A reset also unlocks the account.
    Raises NotFoundError, InputError (too short; a reset that would leave a card key nobody can
    open), SignInRequired (a wrong current password: counted like a failed sign-in and audited),
    PermissionDenied.
    """
    with uow.exclusive(USERS_LOCK):
        actor = uow.actor
        own = actor is not None and _same_name(actor.name, name) and current_password is not None
        if not own:
            require(uow, "users.admin")
        check_new_password(new_password)
        user = _user(uow, name)
        if own and user.disabled:
            raise SignInRequired(DISABLED)
        if current_password is not None:
            if not crypto.password_matches(user.password_hash, current_password):
                uow.rollback()
                with uow.exclusive(USERS_LOCK):
                    message = _fail(uow, _user(uow, name), "users.password", now())
                    uow.commit()
                if message in (WRONG, WRONG_PASSWORD):
                    message = "The current password is not right; the password was not changed."
                raise SignInRequired(message)
            try:
                private = crypto.unlock_user_private(user.name, _keys(user), current_password)
            except crypto.CryptoError:
                _refuse(
                    uow, InputError(f"{user.name}'s key does not open with the current password: nothing was changed.")
                )
            keys = crypto.new_user_keys(user.name, new_password, private)
            detail = "password changed"
        else:
            try:
                grants.remove_grants_of(uow, user)
            except grants.LastCardKeyHolder as exc:
                _refuse(uow, exc)
            keys = crypto.new_user_keys(user.name, new_password)
            user.failed_sign_ins, user.locked_until = 0, None
            detail = "password reset by an administrator; new key pair"
        user.password_hash = crypto.hash_password(new_password)
        user.key_salt, user.public_key, user.wrapped_private_key = keys.salt, keys.public, keys.wrapped_private
        _change(uow, name, "users.password", detail)
        uow.commit()


def _keys(user: User) -> crypto.UserKeys:
    return crypto.UserKeys(user.key_salt, user.public_key, user.wrapped_private_key)


def _check_permission(permission: str) -> str:
    if permission not in PERMISSIONS:
        raise InputError(f"There is no permission {permission!r} (permissions: {', '.join(PERMISSIONS)}).")
    return permission


def _role_gives(uow: UnitOfWork, user: User, permission: str) -> bool:
    """True when `user`'s role grants `permission`."""
    return uow.session.get(RolePermission, (user.role, permission)) is not None


def grant_permission(uow: UnitOfWork, name: str, permission: str) -> UserInfo:
    """Grant `permission` to user `name` explicitly (e.g. `card.reveal`, `audit.read`); commit.

    Needs `users.admin`; audited `users.grant`. A new holder of `card.reveal` gets the card-data
    key at a holder's next sign-in. Raises NotFoundError, InputError for an unknown permission or
    one the user holds already (through the role, or granted before): nothing changed, nothing
    audited.
    """
    with uow.exclusive(USERS_LOCK):
        require(uow, "users.admin")
        user = _user(uow, name)
        _check_permission(permission)
        if _role_gives(uow, user, permission):
            _refuse(uow, InputError(f"{permission} comes with the role {user.role} of {user.name}: nothing to grant."))
        if uow.session.get(UserPermission, (user.id, permission)) is not None:
            _refuse(uow, InputError(f"{user.name} holds {permission} already: nothing was changed."))
        uow.session.add(UserPermission(user_id=user.id, permission=permission))
        _change(uow, user.name, "users.grant", f"granted {permission}")
        [info] = _infos(uow, [user])
        uow.commit()
        return info


def revoke_permission(uow: UnitOfWork, name: str, permission: str) -> UserInfo:
    """Withdraw the explicit grant of `permission` from user `name` (their role's permissions stay); commit.

    Needs `users.admin`; audited `users.revoke`. Losing `card.reveal` deletes the user's copies of
    the card-data key. Raises NotFoundError, InputError (unknown permission, a permission that
    comes with the user's role — change the role instead — or that was never granted to them, no
    administrator left, a card key left with nobody able to open it); nothing changed or audited then.
    """
    with uow.exclusive(USERS_LOCK):
        require(uow, "users.admin")
        user = _user(uow, name)
        _check_permission(permission)
        explicit = uow.session.get(UserPermission, (user.id, permission))
        if explicit is None:
            if _role_gives(uow, user, permission):
                _refuse(
                    uow,
                    InputError(
                        f"{permission} comes with the role {user.role}; change the role of {user.name} instead. "
                        "Nothing was changed."
                    ),
                )
            _refuse(uow, InputError(f"{user.name} was not granted {permission}: nothing to revoke."))
        uow.session.delete(explicit)
        _settle(uow)
        _change(uow, user.name, "users.revoke", f"revoked {permission}")
        [info] = _infos(uow, [user])
        uow.commit()
        return info


# --- roles ----------------------------------------------------------------------------------------


def list_roles(uow: UnitOfWork) -> list[RoleInfo]:
    """Every role with its permissions, built-in ones first (needs `users.admin` once the database has users)."""
    require(uow, "users.admin")
    return _role_infos(uow)


def _role_infos(uow: UnitOfWork) -> list[RoleInfo]:
    session = uow.session
    granted: dict[str, set[str]] = {}
    for role, permission in session.execute(select(RolePermission.role, RolePermission.permission)):
        granted.setdefault(role, set()).add(permission)
    roles = session.scalars(select(Role).order_by(Role.builtin.desc(), Role.name)).all()
    return [RoleInfo(r.name, r.description, r.builtin, frozenset(granted.get(r.name, set()))) for r in roles]


def save_role(uow: UnitOfWork, name: str, permissions: Iterable[str], description: str = "") -> RoleInfo:
    """Create or change the office-defined role `name` with exactly `permissions`; commit.

    Needs `users.admin`; audited `roles.save`. Raises InputError for a built-in role (they are
    fixed), a bad name, an unknown permission, a description over 200 characters or holding card
    data, or a change that would leave no administrator or a card key nobody can open. Holders
    who lose `card.reveal` lose their copies of the card-data key.
    """
    with uow.exclusive(USERS_LOCK):
        require(uow, "users.admin")
        if not _ROLE_NAME.fullmatch(name):
            raise InputError("A role name has 1 to 40 characters: letters, digits, dots, dashes and underscores.")
        wanted = frozenset(_check_permission(p) for p in permissions)
        if len(description) > 200:
            raise InputError("A role description has at most 200 characters.")
        check_free_text(description, "The role description")
        session = uow.session
        role = session.get(Role, name)
        if role is not None and role.builtin:
            raise InputError(f"The built-in role {name!r} cannot be changed; define a role of the office instead.")
        if role is None:
            role = Role(name=name, description=description, builtin=False)
            session.add(role)
        else:
            role.description = description
        session.flush()
        session.execute(delete(RolePermission).where(RolePermission.role == name))
        session.add_all(RolePermission(role=name, permission=p) for p in sorted(wanted))
        _settle(uow)
        audit.record(
            uow, "roles.save", entity="role", entity_id=name, detail=f"{name}: {', '.join(sorted(wanted)) or 'none'}"
        )
        info = RoleInfo(name, description, False, wanted)
        uow.commit()
        return info


def delete_role(uow: UnitOfWork, name: str) -> None:
    """Delete the office-defined role `name`; commit. Needs `users.admin`; audited `roles.delete`.

    Raises NotFoundError, InputError for a built-in role or one that a user still has.
    """
    with uow.exclusive(USERS_LOCK):
        require(uow, "users.admin")
        role = _role(uow, name)
        if role.builtin:
            raise InputError(f"The built-in role {name!r} cannot be deleted.")
        users = uow.session.scalars(select(User.name).where(User.role == name).order_by(User.name)).all()
        if users:
            raise InputError(f"The role {name!r} is still given to {', '.join(users)}: give them another role first.")
        uow.session.execute(delete(RolePermission).where(RolePermission.role == name))
        uow.session.delete(role)
        audit.record(uow, "roles.delete", entity="role", entity_id=name, detail=f"{name} deleted")
        uow.commit()
