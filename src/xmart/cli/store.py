"""`xmart store setup CODE --key FILE` (INTERFACE.md; DOMAIN.md section 6, store mode)."""

from __future__ import annotations

import argparse
from pathlib import Path

from xmart.cli.main import Context
from xmart.models.db import UnitOfWork
from xmart.processes.sync.keys import setup_store


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Make this database the store's own and say so."""
    with UnitOfWork(ctx.engine) as uow:
        result = setup_store(uow, args.code, Path(args.key))
    if result.already:
        print(f"This database is already store {result.store}'s; nothing changed.")
    else:
        print(
            f"This database is now store {result.store}'s: it takes the Main's packages "
            "and never runs the Main's processes."
        )
    return 0
