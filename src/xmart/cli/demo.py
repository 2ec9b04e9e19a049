"""`xmart demo [--gui]`: fill an empty database with the demo data set and show the whole flow."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.engine import make_url

from xmart.cli.main import Context
from xmart.processes.demo import load_demo


def _progress(done: int, total: int, text: str) -> None:
    print(f"[{done}/{total}] {text}" + ("..." if done < total else ""), file=sys.stderr, flush=True)


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Load the demo (exit status 2 unless the database is empty), print the summary, maybe open the GUI."""
    try:
        return _run(args, ctx)
    finally:
        ctx.engine.dispose()  # the command is over: close pooled connections now, not at interpreter exit


def _run(args: argparse.Namespace, ctx: Context) -> int:
    where = make_url(ctx.db_url).render_as_string(hide_password=True)
    summary = load_demo(ctx.engine, seed=args.seed, progress=_progress)
    print(f"Demo data loaded into {where}")
    for line in summary.lines():
        print(f"  {line}")
    if not getattr(args, "gui", False):
        print("Open it in the desktop client: xmart" + (" --db URL" if getattr(args, "db", None) else "") + " gui")
        return 0
    from xmart.cli import gui

    return gui.run(args, ctx) or 0
