"""Read the README's tested examples (code blocks after ``<!-- readme-example: NAME -->``)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
_EXAMPLE = re.compile(r"<!-- readme-example: (\S+) -->\n```python\n(.*?)```", re.DOTALL)


def examples() -> dict[str, str]:
    """Map each example's name to its code."""
    return dict(_EXAMPLE.findall(README.read_text(encoding="utf-8")))
