"""Settings › Users and Roles (DOMAIN.md section 9), for users holding `users.admin`.

Users tab: every user with full name, role and status (active, disabled, locked until ...); Add
User, Change Role, Reset Password, Disable / Enable, Unlock, and the two permissions granted to a
user explicitly (`card.reveal`, `audit.read`). Roles tab: the built-in roles (read-only) and the
office's roles with a permission checklist; New, Save, Delete.

Each button runs one users-service call in its own unit of work; the service checks `users.admin`
and the rules (the last administrator stays, a built-in role is not edited) and audits the change.
A refusal is shown plainly and the lists are read again. On a database without users, the first
user added must be an administrator: it is signed in at once, from then on everyone signs in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QInputDialog, QListWidgetItem, QMessageBox, QWidget

from xmart.errors import XmartError
from xmart.processes.security import users
from xmart.processes.security.permissions import PERMISSIONS, describe
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.dialogs.password_dialog import PasswordDialog
from xmart.ui.dialogs.user_dialog import ADMINISTRATOR, UserDialog
from xmart.ui.errors import show_error
from xmart.ui.generated.ui_users_roles_dialog import Ui_UsersRolesDialog
from xmart.ui.screen import resize_within_screen
from xmart.ui.table_models.rows_table_model import Column, RowsTableModel
from xmart.ui.widgets.field_error import show_field_error

GRANTABLE = ("card.reveal", "audit.read")
"""The permissions the Users tab grants to a user explicitly (besides the role)."""


def status_of(user: users.UserInfo, now: dt.datetime | None = None) -> str:
    """`active`, `disabled` or `locked until 14:05` (after too many failed sign-ins)."""
    if user.disabled:
        return "disabled"
    until = user.locked_until
    if until is not None:
        now = now or dt.datetime.now(dt.UTC)
        if until.tzinfo is None:
            until = until.replace(tzinfo=dt.UTC)
        if until > now:
            return f"locked until {until.astimezone().strftime('%H:%M')}"
    return "active"


USER_COLUMNS: list[Column[users.UserInfo]] = [
    Column("User", lambda u: u.name),
    Column("Full name", lambda u: u.full_name),
    Column("Role", lambda u: u.role),
    Column("Status", status_of),
    Column("Holds (card, audit)", lambda u: ", ".join(p for p in sorted(u.permissions) if p in GRANTABLE)),
]


class UsersRolesDialog(QDialog):
    """The two tabs; every change goes through the users service at once (Close just closes)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_UsersRolesDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.users: list[users.UserInfo] = []
        self.roles: list[users.RoleInfo] = []
        self.model: RowsTableModel[users.UserInfo] = RowsTableModel(USER_COLUMNS, self)
        u.usersTable.setModel(self.model)
        u.usersTable.verticalHeader().hide()
        header = u.usersTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        u.usersTable.selectionModel().currentRowChanged.connect(lambda *_: self._user_selected())
        u.addUserButton.clicked.connect(lambda _c=False: self.add_user())
        u.roleButton.clicked.connect(lambda _c=False: self.change_role())
        u.passwordButton.clicked.connect(lambda _c=False: self.reset_password())
        u.disableButton.clicked.connect(lambda _c=False: self.toggle_disabled())
        u.unlockButton.clicked.connect(lambda _c=False: self._run(users.unlock_user, self._name(), done="unlocked"))
        u.revealCheck.clicked.connect(lambda checked: self._grant("card.reveal", checked))
        u.auditCheck.clicked.connect(lambda checked: self._grant("audit.read", checked))
        for permission in PERMISSIONS:
            item = QListWidgetItem(f"{permission} — {describe(permission)}", u.permissionsList)
            item.setData(Qt.ItemDataRole.UserRole, permission)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        u.rolesList.currentRowChanged.connect(lambda _row: self._role_selected())
        u.newRoleButton.clicked.connect(lambda _c=False: self.new_role())
        u.saveRoleButton.clicked.connect(lambda _c=False: self.save_role())
        u.deleteRoleButton.clicked.connect(lambda _c=False: self.delete_role())
        u.buttonBox.rejected.connect(self.reject)
        show_field_error(u.statusLabel, None)
        self.reload()
        resize_within_screen(self, 860, 520)

    # --- reading ----------------------------------------------------------------------------
    def reload(self, select_user: str | None = None, select_role: str | None = None) -> None:
        """Read users and roles again, keeping (or moving to) the selection."""
        select_user = select_user or self._name()
        select_role = select_role or self._role_name()
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                self.users = users.list_users(uow)
                self.roles = users.list_roles(uow)
        except XmartError as exc:
            show_error(self, exc)
            return
        self.model.set_rows(self.users)
        self.ui.addUserButton.setText("&Add First Administrator…" if not self.users else "&Add User…")
        names = [user.name for user in self.users]
        row = names.index(select_user) if select_user in names else (0 if names else -1)
        if row >= 0:
            self.ui.usersTable.selectRow(row)
        self.ui.rolesList.blockSignals(True)
        self.ui.rolesList.clear()
        for role in self.roles:
            self.ui.rolesList.addItem(f"{role.name} (built in)" if role.builtin else role.name)
        self.ui.rolesList.blockSignals(False)
        role_names = [role.name for role in self.roles]
        self.ui.rolesList.setCurrentRow(role_names.index(select_role) if select_role in role_names else 0)
        self._user_selected()
        self._role_selected()

    def _user(self) -> users.UserInfo | None:
        row = self.ui.usersTable.currentIndex().row()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _name(self) -> str:
        user = self._user()
        return user.name if user is not None else ""

    def _user_selected(self) -> None:
        user = self._user()
        u = self.ui
        for button in (u.roleButton, u.passwordButton, u.disableButton, u.unlockButton, u.revealCheck, u.auditCheck):
            button.setEnabled(user is not None)
        if user is None:
            return
        u.disableButton.setText("Ena&ble" if user.disabled else "Disa&ble")
        u.unlockButton.setEnabled(status_of(user).startswith("locked"))
        role = next((r for r in self.roles if r.name == user.role), None)
        by_role = set(role.permissions) if role is not None else set()
        for check, permission in ((u.revealCheck, "card.reveal"), (u.auditCheck, "audit.read")):
            check.setChecked(permission in user.permissions or permission in by_role)
            check.setEnabled(permission not in by_role)
            check.setToolTip(f"Held through the role {user.role}" if permission in by_role else "")

    # --- users ------------------------------------------------------------------------------
    def _run(
        self, call: Callable[..., object], *args: object, done: str, select: str | None = None, role: str | None = None
    ) -> bool:
        """Run one users-service call in its own transaction; show the outcome; read the lists again
        (keeping the user `select` or the role `role` selected)."""
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                call(uow, *args)
                uow.commit()
        except XmartError as exc:
            show_error(self, exc)
            self.reload()
            return False
        who = role or select or (args[0] if args else "")
        show_field_error(self.ui.statusLabel, None)
        self.ui.statusLabel.setStyleSheet("")  # a success is said in normal text, never in the error red
        self.ui.statusLabel.setText(f"{who}: {done}." if who else f"{done}.")
        self.ui.statusLabel.setVisible(True)
        self.ctx.session.refresh()
        if role is not None:
            self.reload(select_role=role)
        else:
            self.reload(select_user=str(who) if who else None)
        return True

    def add_user(self) -> bool:
        """Add User…: the dialog, then the users service (the first user must be an administrator)."""
        first = not self.users
        roles = [role.name for role in self.roles]
        params = UserDialog.ask(self, roles, users.MIN_PASSWORD_LENGTH, first_admin=first)
        if params is None:
            return False
        added = self._run(
            lambda uow: users.add_user(uow, params.name, params.password, params.role, full_name=params.full_name),
            done=f"added as {params.role}",
            select=params.name,
        )
        if added and first and params.role == ADMINISTRATOR:
            problem = self.ctx.session.sign_in(params.name, params.password)
            if problem is not None:
                show_error(self, XmartError(problem))
        return added

    def change_role(self) -> bool:
        """Change Role…: pick one of the roles."""
        user = self._user()
        if user is None:
            return False
        names = [role.name for role in self.roles]
        role, ok = QInputDialog.getItem(
            self, "Change Role", f"&Role of {user.name}:", names, max(names.index(user.role), 0), False
        )
        if not ok or role == user.role:
            return False
        return self._run(users.set_role, user.name, role, done=f"role is now {role}")

    def reset_password(self) -> bool:
        """Reset Password…: a new password typed twice (the user's card access is re-sealed by the service)."""
        user = self._user()
        if user is None:
            return False
        password = PasswordDialog.ask(
            self,
            "Reset Password",
            f"A new password for <b>{user.name}</b>. Tell it to them; they can change it afterwards.",
            users.MIN_PASSWORD_LENGTH,
        )
        if password is None:
            return False
        return self._run(users.set_password, user.name, password, done="password reset")

    def toggle_disabled(self) -> bool:
        """Disable or Enable the selected user."""
        user = self._user()
        if user is None:
            return False
        if user.disabled:
            return self._run(users.enable_user, user.name, done="enabled")
        return self._run(users.disable_user, user.name, done="disabled: can no longer sign in")

    def _grant(self, permission: str, granted: bool) -> bool:
        user = self._user()
        if user is None:
            return False
        if granted:
            return self._run(users.grant_permission, user.name, permission, done=f"granted {permission}")
        return self._run(users.revoke_permission, user.name, permission, done=f"no longer holds {permission}")

    # --- roles ------------------------------------------------------------------------------
    def _role(self) -> users.RoleInfo | None:
        row = self.ui.rolesList.currentRow()
        return self.roles[row] if 0 <= row < len(self.roles) else None

    def _role_name(self) -> str:
        role = self._role()
        return role.name if role is not None else ""

    def _checked(self) -> list[str]:
        items = (self.ui.permissionsList.item(i) for i in range(self.ui.permissionsList.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def _show_role(self, name: str, description: str, permissions: set[str], builtin: bool) -> None:
        u = self.ui
        u.roleNameEdit.setText(name)
        u.descriptionEdit.setText(description)
        for i in range(u.permissionsList.count()):
            item = u.permissionsList.item(i)
            held = item.data(Qt.ItemDataRole.UserRole) in permissions
            item.setCheckState(Qt.CheckState.Checked if held else Qt.CheckState.Unchecked)
            flags = item.flags()
            item.setFlags(
                flags & ~Qt.ItemFlag.ItemIsUserCheckable if builtin else flags | Qt.ItemFlag.ItemIsUserCheckable
            )
        u.roleNameEdit.setReadOnly(builtin or bool(name))
        u.descriptionEdit.setReadOnly(builtin)
        u.saveRoleButton.setEnabled(not builtin)
        u.deleteRoleButton.setEnabled(not builtin and bool(name))
        u.roleNoteLabel.setText(
            "A built-in role cannot be changed: make an office role with the permissions you need."
            if builtin
            else "Users holding this role get the permissions ticked here (after Save Role)."
        )

    def _role_selected(self) -> None:
        role = self._role()
        if role is None:
            self._show_role("", "", set(), False)
            return
        self._show_role(role.name, role.description, set(role.permissions), role.builtin)

    def new_role(self) -> None:
        """New Role: an empty form; type a name, tick permissions, Save Role."""
        self.ui.rolesList.clearSelection()
        self.ui.rolesList.setCurrentRow(-1)
        self._show_role("", "", set(), False)
        self.ui.roleNameEdit.setReadOnly(False)
        self.ui.roleNameEdit.setFocus()

    def save_role(self) -> bool:
        """Save Role: the office role with the permissions ticked."""
        name = self.ui.roleNameEdit.text().strip()
        if not name:
            show_field_error(self.ui.statusLabel, "Type a name for the role.")
            return False
        return self._run(
            lambda uow: users.save_role(uow, name, self._checked(), description=self.ui.descriptionEdit.text().strip()),
            done="role saved",
            role=name,
        )

    def delete_role(self) -> bool:
        """Delete Role…: after a question; refused while a user holds it."""
        role = self._role()
        if role is None or role.builtin:
            return False
        answer = QMessageBox.question(self, "Delete Role", f"Delete the role {role.name}?")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._run(users.delete_role, role.name, done="role deleted", role="")


def open_users_and_roles(ctx: AppContext, parent: QWidget) -> UsersRolesDialog:
    """Settings › Users and Roles: the dialog, window-modal (changes apply at once)."""
    dialog = UsersRolesDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
