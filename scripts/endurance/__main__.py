"""``python -m endurance``: the full soak (see soak.py)."""

import sys

from endurance.soak import main

sys.exit(main())
