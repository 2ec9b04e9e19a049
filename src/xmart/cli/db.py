"""`xmart db upgrade`."""

from __future__ import annotations

from xmart.models.migrate import current_revision


def run(args, ctx) -> int:
    """Create or migrate the schema."""
    print(f"database at revision {current_revision(ctx.engine)}")
    return 0
