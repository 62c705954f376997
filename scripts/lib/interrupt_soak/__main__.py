"""``python -m interrupt_soak``: the parent, which presses Ctrl-C (see soak.py)."""

import sys

from interrupt_soak.soak import main

sys.exit(main())
