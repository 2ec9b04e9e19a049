"""Who is signed in on the client, and what they may do (DOMAIN.md section 9).

`Session` (one per `AppContext`) signs in and out through the users service, which records the
user on the engine (every later `UnitOfWork(engine)` runs as them), and keeps the user's current
`Access`. `changed` fires after sign-in, sign-out and `refresh()` (a role or grant change): windows
then show or hide the actions the user may do. `locked` fires when the lock screen comes up, so a
revealed card number is masked at once. A database without users needs no sign-in: everything is
allowed, and the status bar says so.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from xmart.errors import XmartError
from xmart.processes.security import users
from xmart.processes.security.access import Access, current_access
from xmart.processes.unit_of_work import Actor, Engine

NO_USERS_TEXT = "No users: anyone can do anything (Settings › Users and Roles to add the first administrator)"


class Session(QObject):
    """The signed-in user of the client's engine and their access (refreshed on every change)."""

    changed = Signal()
    locked = Signal()

    def __init__(self, engine: Engine, parent: QObject | None = None):
        super().__init__(parent)
        self.engine = engine
        self.access: Access = current_access(engine)

    @property
    def actor(self) -> Actor | None:
        """The signed-in user, or None."""
        return self.access.actor

    @property
    def needs_sign_in(self) -> bool:
        """True when the database has users and nobody is signed in."""
        return self.access.users_exist and self.access.actor is None

    def may(self, permission: str) -> bool:
        """True when the signed-in user (or anyone, without users) holds `permission`."""
        return self.access.may(permission)

    def refresh(self) -> Access:
        """Read the access again (after a role, grant or user change) and tell the windows."""
        self.access = current_access(self.engine)
        self.changed.emit()
        return self.access

    def sign_in(self, name: str, password: str) -> str | None:
        """Sign in as `name`: None when signed in, else the users service's plain reason."""
        try:
            users.sign_in(self.engine, name, password)
        except XmartError as exc:
            return str(exc)
        self.refresh()
        return None

    def sign_out(self) -> None:
        """Sign the user out (audited by the users service); nothing is allowed until the next sign-in."""
        if self.access.actor is not None:
            users.sign_out(self.engine)
        self.refresh()

    def check_password(self, password: str) -> str | None:
        """The lock screen's check: None when `password` is the signed-in user's, else why not."""
        actor = self.access.actor
        if actor is None:
            return None
        try:
            users.check_password(self.engine, actor, password)
        except XmartError as exc:
            return str(exc)
        return None

    @property
    def status_text(self) -> str:
        """The status bar's words on who is signed in."""
        actor = self.access.actor
        if not self.access.users_exist:
            return NO_USERS_TEXT
        if actor is None:
            return "Nobody is signed in"
        return f"Signed in: {actor.name} ({actor.role})" if actor.role else f"Signed in: {actor.name}"
