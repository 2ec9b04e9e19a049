"""Who is acting: the signed-in user an engine's units of work run as (DOMAIN.md section 9).

The command line signs in once for its engine and the desktop client once per sign-in
(`processes/security/users.py`, `sign_in`); `sign_in_engine` records the Actor for the engine, so every
`UnitOfWork(engine)` knows who acts without each call passing it. A process checks the actor's
permission itself (`processes/security/permissions.require`). No actor: nobody has signed in,
which a database without users allows (it works as before the Security module until its first
administrator is added).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine


@dataclass(frozen=True)
class Actor:
    """A signed-in user: the `users.id`, the user name (what the audit log records) and the role."""

    user_id: int
    name: str
    role: str = ""


_actors: weakref.WeakKeyDictionary[Engine, Actor] = weakref.WeakKeyDictionary()


def sign_in_engine(engine: Engine, actor: Actor | None) -> None:
    """Make `actor` the user every later `UnitOfWork(engine)` runs as (None: signed out)."""
    if actor is None:
        _actors.pop(engine, None)
    else:
        _actors[engine] = actor


def actor_for(engine: Engine) -> Actor | None:
    """The user signed in on `engine`, or None."""
    return _actors.get(engine)
