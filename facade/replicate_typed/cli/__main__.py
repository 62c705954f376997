"""``python -m replicate_typed.cli``: the same as the ``replicate-typed`` command."""

from __future__ import annotations

from replicate_typed.cli import main

raise SystemExit(main())
