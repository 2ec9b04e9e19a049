"""Entry point of the desktop bundle (installer/xmart.spec): the `xmart` program.

Run without a command it opens the desktop client (as `xmart` does); `xmart-gui` (Windows) is
the same program without a console window. Everything else is the command line of INTERFACE.md.
"""

import sys

from xmart.cli import main

if __name__ == "__main__":
    sys.exit(main())
