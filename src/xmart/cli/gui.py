"""`xmart gui`: open the desktop client on the configured database."""

from __future__ import annotations

import argparse
import os
import sys

from xmart.cli.main import Context


def _display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Open the main window (first-run prompt on an empty database); returns when it closes.

    On a workstation's very first run (no --db, XMART_DB, saved choice or database of this computer)
    it first asks where the database is; Quit there exits 0 without creating anything.

    `--smoke-test` opens the main window and closes it once it is shown (no first-run prompt, no
    sign-in: a database with users exits 3), printing one line; the bundle's CI check uses it."""
    if not _display_available():
        print(
            "xmart: gui: no display available (DISPLAY is not set). Run it on a desktop, "
            "or under a virtual display: xvfb-run -a xmart gui",
            file=sys.stderr,
        )
        return 1
    from xmart import config
    from xmart.ui.app import choose_database_at_first_run, run_gui

    smoke_test = getattr(args, "smoke_test", False)
    if not smoke_test and config.database_choice_needed(args.db):
        url = choose_database_at_first_run()  # this computer or the office server; saved for next time
        if url is None:
            return 0
        ctx.db_url = url
    return run_gui(ctx.engine, smoke_test=smoke_test)
