"""The `xmart` command line (INTERFACE.md, a fixed contract: extend it, never break it).

`main.py` builds the parser and dispatches; each command's handler is `run(args, ctx)` in a
module of its own here, so commands can be added without touching the others.
"""

from __future__ import annotations

from collections.abc import Sequence

from xmart.cli import main as _command_line


def main(argv: Sequence[str] | None = None) -> int:
    """The `xmart` program (console script, `python -m xmart`): the command line in a process of its own.

    Same as `xmart.cli.main.main`, plus start-up objects frozen out of garbage collection
    (`xmart.cli.main.import_command`); call `xmart.cli.main.main` to run a command in-process.
    """
    return _command_line.main(argv, freeze_startup=True)


__all__ = ["main"]
