"""The `xmart` command line (INTERFACE.md, a fixed contract: extend it, never break it).

`main.py` builds the parser and dispatches; each command's handler is `run(args, ctx)` in a
module of its own here, so commands can be added without touching the others.
"""

from xmart.cli.main import main

__all__ = ["main"]
