"""File names for output files, safe under POSIX and Windows rules alike (no I/O).

An output URL is chosen by whoever serves it, so the name ``FileOutput.save``
derives from it is hostile input. ``safe_name`` makes it one plain, visible
file inside the target directory on every system:

- only the last piece after any ``/`` or ``\\`` is kept, so ``..\\..\\x.dll``,
  ``C:\\Windows\\evil.dll`` and ``\\\\server\\share`` cannot leave the directory;
- characters Windows refuses (``< > : " | ? *``: so no drive letters and no
  ``a.txt:stream`` alternate data streams), control characters (newline,
  NUL), format characters (the right-to-left override that shows
  "\\u202egnp.exe" as "exe.png", zero-width spaces) and line separators
  become ``_``;
- leading dots and spaces are dropped (no hidden dotfiles, no ``..``), and so
  are trailing ones, which Windows drops itself ("a.txt." would be "a.txt");
- a name Windows maps to a device (``CON``, ``nul.txt``, ``COM1.tar.gz``,
  ``LPT¹``) gets a ``_`` in front;
- the name fits in ``NAME_MAX`` bytes of UTF-8, shortened in its stem so the
  extension survives;
- nothing left gives "output".

``numbered`` and ``partial_name`` derive the free names and temporary names
``_saving`` tries, within the same limit. The CLI saves through
``FileOutput.save``, so there is one rule.
"""

from __future__ import annotations

import re
import unicodedata

#: The longest name, in bytes of UTF-8: NAME_MAX on Linux and macOS. Windows
#: allows 255 UTF-16 units, and a name never has more of those than UTF-8 bytes.
NAME_MAX = 255

_SEPARATORS = re.compile(r"[/\\]")
_WINDOWS_FORBIDDEN = frozenset('<>:"|?*')
#: Control, format, surrogate and line/paragraph separator characters.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789\u00b9\u00b2\u00b3"}
)
#: An extension longer than this is part of the name, not something to keep.
_LONGEST_SUFFIX = 32
_PARTIAL_PREFIX, _PARTIAL_SUFFIX = ".", ".part"


def safe_name(text: str) -> str:
    """``text`` (a decoded URL path, or its last segment) as a name safe everywhere."""
    last = _SEPARATORS.split(text)[-1]
    name = "".join("_" if _refused(char) else char for char in last).strip(". ")
    if name.partition(".")[0].rstrip(" ").upper() in _DEVICES:
        name = "_" + name
    return _fit(name, NAME_MAX).rstrip(". ") or "output"


def numbered(name: str, number: int) -> str:
    """The ``number``-th alternative to ``name``: "out.png" -> "out-2.png", within NAME_MAX."""
    stem, suffix = _split(name)
    mark = f"-{number}"
    return _shorten(stem, NAME_MAX - len(mark.encode()) - len(suffix.encode())) + mark + suffix


def partial_name(name: str, attempt: int) -> str:
    """The temporary name a download to ``name`` is written under: ".out.png.part".

    ``attempt`` > 0 gives the alternatives tried when that name is taken
    (".out-1.png.part"). It fits in NAME_MAX even when ``name`` itself fills it.
    """
    base = numbered(name, attempt) if attempt else name
    room = NAME_MAX - len(_PARTIAL_PREFIX) - len(_PARTIAL_SUFFIX)
    return _PARTIAL_PREFIX + _fit(base, room) + _PARTIAL_SUFFIX


def _refused(char: str) -> bool:
    return char in _WINDOWS_FORBIDDEN or unicodedata.category(char) in _INVISIBLE


def _split(name: str) -> tuple[str, str]:
    """(stem, suffix) as pathlib splits them, a very long "suffix" counting as stem."""
    dot = name.rfind(".")
    if dot <= 0 or len(name) - dot > _LONGEST_SUFFIX:
        return name, ""
    return name[:dot], name[dot:]


def _fit(name: str, limit: int) -> str:
    """``name`` cut to ``limit`` bytes of UTF-8 in its stem, keeping its suffix."""
    if len(name.encode()) <= limit:
        return name
    stem, suffix = _split(name)
    return _shorten(stem, limit - len(suffix.encode())) + suffix


def _shorten(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` bytes of UTF-8 (no character split)."""
    return text.encode()[: max(limit, 0)].decode(errors="ignore")
