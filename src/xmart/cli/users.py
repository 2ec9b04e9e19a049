"""`xmart users ...` and `xmart roles ...`: user accounts and roles (DOMAIN.md section 9).

INTERFACE.md's `users add|list|set-role|disable|unlock|password`, and the extensions `users enable`,
`users grant|revoke NAME PERMISSION`, `roles list|add|delete`. A new password comes from
XMART_NEW_PASSWORD or is asked twice at a terminal (`cli/sign_in.py`). The first user of a
database is added without sign-in and must be an administrator; everything else needs a user
holding `users.admin` (`--user`), except changing one's own password.

When the signed-in user can open the card-data key, a change that makes a new holder of
`card.reveal` (a user added, a role or grant given, a password reset) shares the key at once;
otherwise it is shared at the next sign-in of a holder ("card key: pending" until then).
"""

from __future__ import annotations

import argparse

from xmart.cli.main import Context, print_json
from xmart.cli.sign_in import new_password
from xmart.models.db import UnitOfWork
from xmart.processes.security import grants
from xmart.processes.security import users as accounts


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Run one `users` or `roles` subcommand; print what was done (or the list)."""
    if args.command == "roles":
        return _roles(args, ctx)
    command = args.users_command
    if command == "list":
        return _list(args, ctx)
    engine = ctx.engine
    with UnitOfWork(engine) as uow:
        if command == "add":
            accounts.check_new_user(uow, args.name, args.role)  # before asking a password
            password = new_password()
            info = accounts.add_user(uow, args.name, password, args.role, args.full_name)
            print(f"User {info.name} added with the role {info.role}.")
        elif command == "set-role":
            info = accounts.set_role(uow, args.name, args.role)
            print(f"{info.name} now has the role {info.role}.")
        elif command == "disable":
            accounts.disable_user(uow, args.name)
            print(f"{args.name} is disabled.")
        elif command == "enable":
            accounts.enable_user(uow, args.name)
            print(f"{args.name} is enabled.")
        elif command == "unlock":
            accounts.unlock_user(uow, args.name)
            print(f"{args.name} is unlocked.")
        elif command == "password":
            own = ctx.user is not None and ctx.user.casefold() == args.name.casefold() and ctx.password is not None
            password = new_password()
            accounts.set_password(uow, args.name, password, ctx.password if own else None)
            if own:
                ctx.password = password
            print(f"The password of {args.name} is changed.")
        elif command in ("grant", "revoke"):
            change = accounts.grant_permission if command == "grant" else accounts.revoke_permission
            info = change(uow, args.name, args.permission)
            print(f"{info.name} now holds: {', '.join(sorted(info.permissions)) or 'nothing'}.")
    _share(ctx)
    return 0


def _share(ctx: Context) -> None:
    """Share the card-data key with new holders now, when the signed-in user can open it."""
    if ctx.user is None or ctx.password is None:
        return
    with UnitOfWork(ctx.engine) as uow, uow.exclusive(accounts.USERS_LOCK):
        shared = grants.share_with_new_holders(uow, ctx.user, ctx.password)
        uow.commit()
    if shared:
        print(f"The card-data key is shared with {shared} more user{'s' if shared != 1 else ''}.")


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with UnitOfWork(ctx.engine) as uow:
        users = accounts.list_users(uow)
        pending = set(accounts.pending_card_key(uow))
    if args.json:
        print_json(
            {
                "users": [
                    {
                        "name": u.name,
                        "full_name": u.full_name,
                        "role": u.role,
                        "permissions": sorted(u.permissions),
                        "disabled": u.disabled,
                        "locked_until": u.locked_until.isoformat() if u.locked_until else None,
                        "card_key_pending": u.name in pending,
                    }
                    for u in users
                ]
            }
        )
        return 0
    if not users:
        print("No users: the database works without sign-in until `xmart users add NAME --role administrator`.")
    for u in users:
        state = "disabled" if u.disabled else "enabled"
        if u.locked_until is not None:
            state += f", locked until {u.locked_until.astimezone().strftime('%Y-%m-%d %H:%M')}"
        notes = ["card key: pending"] if u.name in pending else []
        full = f" ({u.full_name})" if u.full_name else ""
        print(f"{u.name}{full}: {u.role}; {state}" + "".join(f"; {n}" for n in notes))
    return 0


def _roles(args: argparse.Namespace, ctx: Context) -> int:
    command = args.roles_command
    with UnitOfWork(ctx.engine) as uow:
        if command == "list":
            roles = accounts.list_roles(uow)
            if args.json:
                print_json(
                    {
                        "roles": [
                            {
                                "name": r.name,
                                "description": r.description,
                                "builtin": r.builtin,
                                "permissions": sorted(r.permissions),
                            }
                            for r in roles
                        ]
                    }
                )
            else:
                for r in roles:
                    kind = "built in" if r.builtin else "office"
                    print(f"{r.name} ({kind}): {', '.join(sorted(r.permissions)) or 'no permission'}")
        elif command == "add":
            role = accounts.save_role(uow, args.name, args.permissions, args.description)
            print(f"Role {role.name}: {', '.join(sorted(role.permissions))}.")
        elif command == "delete":
            accounts.delete_role(uow, args.name)
            print(f"Role {args.name} deleted.")
    if command == "add":
        _share(ctx)
    return 0
