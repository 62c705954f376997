"""What a terminal shows for what the CLI wrote to it: enough of one for rich's live display.

Rich redraws in place with "\\r", cursor-up (ESC[nA) and erase-line (ESC[2K);
colours, styles and cursor hiding change nothing a test reads.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])|\x1b[()][A-Z0-9]|\r|\n|[^\x1b\r\n]+")


def screen_lines(written: str) -> list[str]:
    """The lines left on the screen after ``written``, without trailing blank ones."""
    lines: list[str] = [""]
    row = column = 0
    for match in _TOKENS.finditer(written):
        token = match.group(0)
        if token == "\r":
            column = 0
        elif token == "\n":
            row += 1
            column = 0
            lines.extend([""] * (row + 1 - len(lines)))
        elif match.group(2) == "A":  # cursor up
            row = max(0, row - int(match.group(1) or "1"))
        elif match.group(2) == "K":  # erase the line (rich erases whole lines only)
            lines[row] = ""
        elif not token.startswith("\x1b"):
            line = lines[row].ljust(column)
            lines[row] = line[:column] + token + line[column + len(token) :]
            column += len(token)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines
