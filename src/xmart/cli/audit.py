"""`xmart audit verify` · `xmart audit list [--since DATE] [--limit N] [--action TEXT] [--json]`: the audit log.

Both need a signed-in user holding `audit.read` once the database has users (exit 3 otherwise).
`verify` walks the hash chain: exit 0 with "audit log intact: N entries", or exit 1 with one line
naming the first entry that does not match. `list` prints the newest entries first, `--limit`
of them (default 200, never more than LIST_LIMIT), only those whose action contains `--action`
when given; `--json` prints one JSON document (`{"entries": [...]}`). A row whose time cannot be
read is listed with "(unreadable time)" (`"at": null`). DOMAIN.md section 9, Audit log.
"""

from __future__ import annotations

import argparse
import sys

from xmart.cli.main import Context, print_json
from xmart.models.db import UnitOfWork
from xmart.processes.security import audit

LIST_LIMIT = 10_000
"""The most entries `audit list` prints (the newest)."""


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Run `audit verify` or `audit list`."""
    if args.audit_command == "verify":
        return _verify(ctx)
    return _list(args, ctx)


def _verify(ctx: Context) -> int:
    with UnitOfWork(ctx.engine) as uow:
        result = audit.verify(uow)
    if result.ok:
        print(f"audit log intact: {result.checked} entries")
        return 0
    print(
        f"xmart: audit entry {result.first_bad_id} does not match the chain (changed or removed): {result.reason}; "
        f"{result.checked} entries before it are intact",
        file=sys.stderr,
    )
    return 1


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with UnitOfWork(ctx.engine) as uow:
        views = audit.entries(uow, since=args.since, limit=min(args.limit, LIST_LIMIT), action=args.action)
    if args.json:
        print_json({"entries": [v.to_json() for v in views]})
        return 0
    for v in views:
        what = f"{v.entity} {v.entity_id}".strip()
        print(f"{v.id:>7} {v.when:<19} {v.user or '-':<16} {v.action:<24} {what:<28} {v.detail}")
    return 0
