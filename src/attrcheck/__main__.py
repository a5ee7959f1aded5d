"""`python -m attrcheck`."""

import sys

from attrcheck.cli import main

sys.exit(main())
