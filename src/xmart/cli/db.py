"""`xmart db upgrade`."""

from __future__ import annotations

import argparse

from xmart.cli.main import Context
from xmart.models.migrate import current_revision


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Create or migrate the schema."""
    print(f"database at revision {current_revision(ctx.engine)}")
    return 0
