"""Read how far along a prediction is from the tqdm progress bars its model prints.

The API has no progress field; a model's logs are the only sign of it, and
most models report progress with tqdm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE_BREAK = re.compile(r"[\r\n]+")
#: tqdm's default layout, ``{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [...]``,
#: with counts that ``unit_scale`` may print as "1.12G". The digit limits keep the
#: numbers convertible; the lookarounds stop "1000%" or "9/200" matching as "000%", "9/20".
_BAR = re.compile(
    r"(?<![\d.])(?P<percent>\d{1,3}(?:\.\d{1,6})?)%\|[^|\r\n]*\|[ \t]*"
    r"(?P<current>\d{1,18}(?:\.\d{1,6})?)(?P<current_unit>[kMGTPEZY]?)/"
    r"(?P<total>\d{1,18}(?:\.\d{1,6})?)(?P<total_unit>[kMGTPEZY]?)(?![\d.])",
    re.ASCII,
)
_SCALE = {unit: 1000**power for power, unit in enumerate(("", *"kMGTPEZY"))}


@dataclass(frozen=True)
class Progress:
    """How far a model is, parsed from tqdm-style progress lines it prints in its logs.

    ``percentage`` runs from 0 to 100. For a bar printed with ``unit_scale``
    ("1.12G/2.49G") ``current`` and ``total`` are the printed numbers times
    powers of 1000, so approximate, and ``percentage`` is the printed one.
    """

    percentage: float
    current: int
    total: int

    @classmethod
    def parse(cls, logs: str | None) -> Progress | None:
        """The last progress bar in ``logs``, or None if there is none.

        tqdm redraws its bar after a carriage return, so both "\\r" and "\\n"
        end a line here.
        """
        if not isinstance(logs, str):
            return None
        for line in reversed(_LINE_BREAK.split(logs)):
            bars = list(_BAR.finditer(line))
            if bars:
                return cls._from_match(bars[-1])
        return None

    @classmethod
    def of(cls, prediction: object) -> Progress | None:
        """The progress in a prediction's or training's logs, or None if there is none yet."""
        logs = getattr(prediction, "logs", None)
        return cls.parse(logs if isinstance(logs, str) else None)

    @classmethod
    def _from_match(cls, match: re.Match[str]) -> Progress:
        current, current_exact = _count(match["current"], match["current_unit"])
        total, total_exact = _count(match["total"], match["total_unit"])
        if current_exact and total_exact and total > 0:
            percentage = 100 * current / total
        else:
            percentage = float(match["percent"])
        return cls(percentage=min(percentage, 100.0), current=current, total=total)


def _count(number: str, unit: str) -> tuple[int, bool]:
    """A printed count as an int, and whether it is exact (no decimals, no unit)."""
    if not unit and number.isdigit():
        return int(number), True
    return round(float(number) * _SCALE[unit]), False
