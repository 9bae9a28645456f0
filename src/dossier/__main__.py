"""`python -m dossier ...` runs the command line, as the `dossier` script does."""

import sys

from dossier.cli import main

sys.exit(main())
