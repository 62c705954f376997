"""``python -m soak``: the full soak (see soak.py)."""

import sys

from soak.soak import main

sys.exit(main())
