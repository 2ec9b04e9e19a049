"""`python -m xmart` runs the command line."""

import sys

from xmart.cli import main

sys.exit(main())
