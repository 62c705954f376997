"""Python source for JSON values and docstrings, written the way ``ruff format`` writes them.

Generated modules must already be stable under ``ruff format`` without the
runtime depending on ruff, so the choices here are ruff's: double quotes
unless the text has more double than single quotes, every non-empty dict and
list exploded one item a line with a trailing comma (ruff keeps such
"magic trailing commas" exploded at any line length), escapes in lower case.
Text outside ASCII is escaped, so no lint reads a look-alike character
(ruff's RUF001) into a model's description.
"""

from __future__ import annotations

import re
import textwrap
from typing import cast

_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def string(text: str) -> str:
    """A string literal for ``text``."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    return quote + "".join(_escape(char, quote) for char in text) + quote


def _escape(char: str, quote: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char == quote:
        return f"\\{char}"
    code = ord(char)
    if code < 0x80 and char.isprintable():
        return char
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


#: ruff's default line length: generated lines stay within it, long strings split.
WIDTH = 88


def value(data: object, indent: int = 0) -> str:
    """A Python literal equal to the JSON value ``data``, nested from column ``indent``."""
    if isinstance(data, dict):
        mapping = cast("dict[str, object]", data)
        if not mapping:
            return "{}"
        items: list[str] = []
        for key, item in mapping.items():
            head = f"{string(str(key))}: "
            if isinstance(item, str):
                items.append(head + long_string(item, indent + 4 + len(head), indent + 4))
            else:
                items.append(head + value(item, indent + 4))
        return _exploded("{", items, "}", indent)
    if isinstance(data, list):
        listed = cast("list[object]", data)
        if not listed:
            return "[]"
        return _exploded("[", [value(item, indent + 4) for item in listed], "]", indent)
    if isinstance(data, str):
        return long_string(data, indent, indent)
    if data is None or isinstance(data, bool | int):
        return repr(data)
    if isinstance(data, float):
        return repr(data)
    raise TypeError(f"not a JSON value: {type(data).__name__}")


def long_string(text: str, column: int, indent: int) -> str:
    """``string(text)``, or when it would pass ``WIDTH`` from ``column`` (with the comma after
    it), an implicit concatenation in parentheses, a piece a line, as ruff leaves it.

    Pieces break after spaces; ``indent`` is the column of the line the literal is on.
    """
    literal = string(text)
    if column + len(literal) + 1 <= WIDTH:
        return literal
    inner = " " * (indent + 4)
    if len(inner) + len(literal) <= WIDTH:  # ruff joins pieces that fit on one line
        return f"(\n{inner}{literal}\n{' ' * indent})"
    room = WIDTH - indent - 4 - 2
    pieces: list[str] = []
    current = ""
    for found in re.findall(r"\S*\s*|\S+", text):
        word: str = found
        while len(string(current + word)) > room and current:
            pieces.append(current)
            current = ""
        while len(string(word)) > room:  # one word longer than a line: cut it
            cut = room - 2
            while cut > 1 and len(string(word[:cut])) > room:
                cut -= 1
            pieces.append(word[:cut])
            word = word[cut:]
        current += word
    if current:
        pieces.append(current)
    if len(pieces) < 2:
        return literal
    body = "".join(f"{inner}{string(piece)}\n" for piece in pieces)
    return f"(\n{body}{' ' * indent})"


def _exploded(opening: str, items: list[str], closing: str, indent: int) -> str:
    inner = " " * (indent + 4)
    body = "".join(f"{inner}{item},\n" for item in items)
    return f"{opening}\n{body}{' ' * indent}{closing}"


def docstring(text: str, indent: int, width: int = 88) -> str:
    """A docstring (with its leading indent) for ``text``, wrapped to ``width`` columns."""
    pad = " " * indent
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    lines: list[str] = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        if lines:
            lines.append("")
        escaped_text = _doc_chars(paragraph)
        # Room for the quotes on either side, so every line stays within ``width``.
        room = width - indent - 6
        wrapped = textwrap.wrap(escaped_text, room, break_long_words=False, break_on_hyphens=False)
        lines.extend(wrapped or [""])
    escaped = [_doc_quotes(line) for line in lines] or ["(no description)"]
    if len(escaped) == 1:  # ruff keeps a one-line docstring on one line, however long
        return f'{pad}"""{escaped[0]}"""'
    body = "\n".join(f"{pad}{line}" if line else "" for line in escaped[1:])
    return f'{pad}"""{escaped[0]}\n{body}\n{pad}"""' if body else f'{pad}"""{escaped[0]}\n{pad}"""'


def _doc_chars(text: str) -> str:
    """Backslashes doubled, text outside ASCII escaped, control characters as spaces."""
    text = "".join(char if char.isprintable() else " " for char in text)
    text = text.replace("\\", "\\\\")
    return "".join(char if ord(char) < 0x80 else _escape(char, '"') for char in text)


def _doc_quotes(line: str) -> str:
    """Quotes that would end the docstring early escaped."""
    line = line.rstrip().replace('"""', '\\"\\"\\"')
    if line.endswith('"'):
        line = f'{line[:-1]}\\"'
    if line.startswith('"'):
        line = f"\\{line}"
    return line
