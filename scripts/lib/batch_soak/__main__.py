"""``python -m batch_soak``: the large runs (see large.py)."""

import sys

from batch_soak.large import main

sys.exit(main())
